package reconcile

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/tollproject/toll/tracker"
)

// View is how a timeline shows a date with several sources.
type View string

// The timeline views.
const (
	// ViewSources shows every figure: one entry per source, date and
	// figure, with the change from that source's previous figure.
	ViewSources View = "sources"
	// ViewRange shows one band per date from the lowest lower bound to
	// the highest upper bound across sources (Iraq Body Count and Airwars
	// keep minimum and maximum this way).
	ViewRange View = "range"
	// ViewConservative shows one figure per date: the one with the
	// smallest lower bound (ACLED's rule: record the lowest figure when
	// sources conflict). Ties go to the narrower interval, then the source
	// name.
	ViewConservative View = "conservative"
)

// ParseView returns the View named s; "" is ViewSources.
func ParseView(s string) (View, error) {
	switch v := View(s); v {
	case "":
		return ViewSources, nil
	case ViewSources, ViewRange, ViewConservative:
		return v, nil
	}
	return "", fmt.Errorf("%w %q (want sources, range or conservative)", ErrUnknownView, s)
}

// Timeline is every series' figures in date order, in one view.
type Timeline struct {
	View   View     `json:"view"`
	Series []Series `json:"series"`
	// AsOf is the date the data stands at, for a chart's credit line
	// ("data as of"): the publication date of the latest report among the
	// claims given to Timelines, whatever the filters (the reports toll
	// had read), else the latest figure's date. Zero when nothing is
	// dated. A caller may set it to another date; the clock is never read.
	AsOf tracker.Date `json:"-"`
}

// Series is one series' entries in date order. Undated figures (neither
// the claim nor its report has a date) come last, in the sources view
// only.
type Series struct {
	Key SeriesKey `json:"series"`
	// Site is true when the place is an event site: the series is one
	// event's toll, kept apart from area-wide tolls.
	Site bool `json:"site"`
	// Name and Note are what the user's series decisions attach: a
	// display name shown instead of the generated title, and a note.
	Name    string  `json:"name,omitempty"`
	Note    string  `json:"note,omitempty"`
	Entries []Entry `json:"entries"`
}

// Entry is one point of a timeline: a source's figure on a date (sources
// and conservative views) or the band across sources (range view).
// Entries refer to the claims passed in (for their wording and the
// previous figure), so those must not change while the entries are used.
type Entry struct {
	Date tracker.Date
	// Source is the canonical source name; in the range view the sources
	// joined with "; ".
	Source string
	// Sources lists the sources of a range entry.
	Sources  []string
	Interval tracker.Interval
	// Revised is true when a claim says the figure was revised.
	Revised bool
	// Claims are the claims giving this figure, by claim id.
	Claims []Provenance

	first *tracker.Claim    // the claim whose words Figure writes; nil for a band
	prev  *tracker.Interval // the source's previous figure; nil when none or meaningless
	est   bool              // a band's bound rests only on toll's estimate (see estimate)
}

// estimate reports whether the entry's interval is toll's reading of a
// hedged number rather than bounds a source gave: "about N" (±10%) and
// "nearly N" (from 10% under to just under N). For a band across sources
// it is true when its lower or upper bound comes only from such figures.
func (e Entry) estimate() bool {
	if e.first != nil {
		return e.first.Qualifier == tracker.Approx || e.first.Qualifier == tracker.Nearly
	}
	return e.est
}

// restsOnEstimate reports whether hull h of entries es (of one day) has a
// bound that only estimated entries give.
func restsOnEstimate(h tracker.Interval, es []Entry) bool {
	lowEst, highEst := true, !h.Unbounded
	for _, e := range es {
		if e.estimate() {
			continue
		}
		if e.Interval.Low.Equal(h.Low) {
			lowEst = false
		}
		if !h.Unbounded && !e.Interval.Unbounded && e.Interval.High.Equal(h.High) {
			highEst = false
		}
	}
	return lowEst || highEst
}

// Figure writes the figure as its claims wrote it ("at least 1,100",
// "more than 700", "about 150"); in the range view, the band
// ("1,000–1,032", "10+").
func (e Entry) Figure() string {
	if e.first == nil {
		return e.Interval.Range()
	}
	return e.first.Figure()
}

// Change returns the change from the same source's previous figure in
// the series (the hull of that day's figures when it gave several). It is
// nil for a source's first figure and where a change means nothing:
// period figures, single events away from an event site, the range view.
func (e Entry) Change() *Change {
	if e.prev == nil {
		return nil
	}
	c := difference(e.Interval, *e.prev)
	return &c
}

// Provenance is where a timeline figure comes from: the claim, its report
// and the outlet that published it (the claim holds the words and the
// attribution).
type Provenance struct {
	Claim  string `json:"claim"`
	Report string `json:"report"`
	Outlet string `json:"outlet"`
}

// entryJSON is Entry on the wire: the interval as low and high (null when
// unbounded).
type entryJSON struct {
	Date    tracker.Date `json:"date"`
	Source  string       `json:"source"`
	Sources []string     `json:"sources,omitempty"`
	Figure  string       `json:"figure"`
	intervalJSON
	Change  *Change      `json:"change"`
	Revised bool         `json:"revised,omitempty"`
	Claims  []Provenance `json:"claims"`
}

// MarshalJSON writes the entry with its interval as whole numbers, its
// figure and its change.
func (e Entry) MarshalJSON() ([]byte, error) {
	return json.Marshal(entryJSON{Date: e.Date, Source: e.Source, Sources: e.Sources, Figure: e.Figure(),
		intervalJSON: wireInterval(e.Interval), Change: e.Change(), Revised: e.Revised, Claims: e.Claims})
}

// Timelines returns the timeline of every series the filtered claims
// touch, in opts.View. Prior figures ("up from 1,900") are left out: the
// report does not say when the source gave them.
func Timelines(claims []tracker.StoredClaim, opts Options) (*Timeline, error) {
	p, err := prepare(claims, opts, true, nil)
	if err != nil {
		return nil, err
	}
	view, _ := ParseView(string(opts.View))
	t := &Timeline{View: view, Series: []Series{}, AsOf: latestReport(claims)}
	for _, s := range p.seriesEntries(0) {
		switch view {
		case ViewRange:
			s.Entries = rangeEntries(s.Entries)
		case ViewConservative:
			s.Entries = conservativeEntries(s.Entries)
		}
		t.Series = append(t.Series, s)
	}
	if t.AsOf.IsZero() {
		for _, s := range t.Series {
			for _, e := range s.Entries {
				if e.Date.After(t.AsOf) {
					t.AsOf = e.Date
				}
			}
		}
	}
	return t, nil
}

// latestReport returns the publication date of the latest report among
// the claims that count, or zero.
func latestReport(claims []tracker.StoredClaim) tracker.Date {
	var d tracker.Date
	for i := range claims {
		sc := &claims[i]
		if sc.Counts() && !sc.Published.IsZero() && sc.Published.After(d) {
			d = sc.Published
		}
	}
	return d
}

// seriesEntries builds the sources-view entries of every series from the
// figures of one side.
func (p *prep) seriesEntries(side int8) []Series {
	var out []Series
	for i := 0; i < len(p.figs); {
		s := p.figs[i].series
		j := i
		for j < len(p.figs) && p.figs[j].series == s {
			j++
		}
		if es := p.entries(i, j, side); len(es) > 0 {
			si := &p.series[s]
			l := p.label(s)
			out = append(out, Series{Key: si.key, Site: si.site, Name: l.name, Note: l.note, Entries: es})
		}
		i = j
	}
	return out
}

// entries builds the entries of figures [lo, hi) of one series, keeping
// one side: one per figure and wording, by date (undated last), source,
// interval and wording.
func (p *prep) entries(lo, hi int, side int8) []Entry {
	si := &p.series[p.figs[lo].series]
	withChange := si.key.Scope == tracker.Cumulative || si.key.Scope == tracker.UnknownScope && si.site
	prev := make([]*tracker.Interval, hi-lo)
	order := make([]int32, 0, hi-lo)
	for i := lo; i < hi; {
		// one source's figures on this side, by day
		j := i
		for j < hi && p.figs[j].source == p.figs[i].source && p.figs[j].side == p.figs[i].side {
			j++
		}
		if p.figs[i].side != side {
			i = j
			continue
		}
		var last *tracker.Interval // the hull of the source's previous dated day
		curDay, curStart := int32(noDay), i
		for k := i; k < j; k++ {
			order = append(order, int32(k))
			f := &p.figs[k]
			if !withChange || f.day == noDay {
				continue
			}
			if f.day != curDay {
				if curDay != noDay {
					last = p.hullOf(curStart, k)
				}
				curDay, curStart = f.day, k
			}
			prev[k-lo] = last
		}
		i = j
	}
	// by day, undated last; the figures' own order (source, period,
	// interval) breaks ties
	slices.SortStableFunc(order, func(a, b int32) int {
		da, db := p.figs[a].day, p.figs[b].day
		if (da == noDay) != (db == noDay) {
			if da == noDay {
				return 1
			}
			return -1
		}
		return cmp.Compare(da, db)
	})
	out := make([]Entry, 0, len(order))
	for _, k := range order {
		out = p.appendEntries(out, &p.figs[k], prev[int(k)-lo])
	}
	return out
}

// hullOf returns the hull of figures [a, b): the claim's own interval for
// one figure, a new one for several.
func (p *prep) hullOf(a, b int) *tracker.Interval {
	if b-a == 1 {
		return &p.claims[p.recs[p.ord[p.figs[a].lo]].ci].Claim.Interval
	}
	ivs := make([]tracker.Interval, 0, b-a)
	for k := a; k < b; k++ {
		ivs = append(ivs, *p.figs[k].iv)
	}
	h := hull(ivs...)
	return &h
}

// provenance hands out Provenance slices from one block per call, so that
// a million entries are not a million allocations.
func (p *prep) provenance(n int) []Provenance {
	if cap(p.provs)-len(p.provs) < n {
		p.provs = make([]Provenance, 0, max(n, len(p.ord)-p.provsUsed))
	}
	start := len(p.provs)
	p.provs = p.provs[:start+n]
	p.provsUsed += n
	return p.provs[start : start+n : start+n]
}

// appendEntries appends a figure's entries: one per wording, since claims
// with one interval written differently ("about 150" and "135–165") are one
// figure to the checks but show their own words here.
func (p *prep) appendEntries(out []Entry, f *fig, prev *tracker.Interval) []Entry {
	recs := p.figRecs(f)
	for a := 0; a < len(recs); {
		first := &p.claims[p.recs[recs[a]].ci].Claim
		b := a + 1
		for b < len(recs) {
			c := &p.claims[p.recs[recs[b]].ci].Claim
			if c.Qualifier != first.Qualifier || c.Vague != first.Vague {
				break
			}
			b++
		}
		e := Entry{Date: dateOf(f.day), Source: p.sources[f.source].name, Interval: *f.iv,
			first: first, prev: prev, Claims: p.provenance(b - a)}
		for i, ri := range recs[a:b] {
			sc := &p.claims[p.recs[ri].ci]
			e.Revised = e.Revised || sc.Claim.Revised
			e.Claims[i] = Provenance{Claim: sc.ID, Report: sc.ReportID, Outlet: sc.Outlet}
		}
		out = append(out, e)
		a = b
	}
	return out
}

// perDate folds the dated sources-view entries of each date into one
// entry; undated entries (last in date order) are left out.
func perDate(es []Entry, fold func(day []Entry) Entry) []Entry {
	var out []Entry
	for i := 0; i < len(es); {
		if es[i].Date.IsZero() {
			break
		}
		j := i
		for j < len(es) && es[j].Date == es[i].Date {
			j++
		}
		out = append(out, fold(es[i:j]))
		i = j
	}
	return out
}

// rangeEntries folds sources-view entries into one band per date.
func rangeEntries(es []Entry) []Entry {
	return perDate(es, func(day []Entry) Entry {
		ivs := make([]tracker.Interval, 0, len(day))
		var sources []string
		var claims []Provenance
		revised := false
		for _, e := range day {
			ivs = append(ivs, e.Interval)
			if !slices.Contains(sources, e.Source) {
				sources = append(sources, e.Source)
			}
			claims = append(claims, e.Claims...)
			revised = revised || e.Revised
		}
		slices.Sort(sources)
		slices.SortFunc(claims, func(a, b Provenance) int { return strings.Compare(a.Claim, b.Claim) })
		h := hull(ivs...)
		return Entry{Date: day[0].Date, Source: strings.Join(sources, "; "), Sources: sources,
			Interval: h, Revised: revised, Claims: claims, est: restsOnEstimate(h, day)}
	})
}

// conservativeEntries keeps, per date, the entry with the smallest lower
// bound (then the narrower interval, the source name, the wording).
func conservativeEntries(es []Entry) []Entry {
	return perDate(es, func(day []Entry) Entry {
		best := day[0]
		for _, e := range day[1:] {
			if c := cmp.Or(compareIntervals(e.Interval, best.Interval), strings.Compare(e.Source, best.Source),
				strings.Compare(e.Figure(), best.Figure())); c < 0 {
				best = e
			}
		}
		return best
	})
}
