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
}

// Series is one series' entries in date order. Undated figures (neither
// the claim nor its report has a date) come last, in the sources view
// only.
type Series struct {
	Key SeriesKey `json:"series"`
	// Site is true when the place is an event site: the series is one
	// event's toll, kept apart from area-wide tolls.
	Site    bool    `json:"site"`
	Entries []Entry `json:"entries"`
}

// Entry is one point of a timeline: a source's figure on a date (sources
// and conservative views) or the band across sources (range view).
type Entry struct {
	Date tracker.Date
	// Source is the canonical source name; in the range view the sources
	// joined with "; ".
	Source string
	// Sources lists the sources of a range entry.
	Sources []string
	// Figure is the figure as written ("≥1,100", "701+", "~150"); in the
	// range view the band ("1,000–1,032").
	Figure   string
	Interval tracker.Interval
	// Change is the change from the same source's previous figure in the
	// series (the hull of that day's figures when it gave several), nil
	// for its first figure and where a change means nothing: period
	// figures, single events away from an event site, the range view.
	Change *Change
	// Revised is true when a claim says the figure was revised.
	Revised bool
	// Claims are the claims giving this figure, by claim id.
	Claims []Provenance
}

// Provenance is where a timeline figure comes from.
type Provenance struct {
	Claim       string `json:"claim"`
	Report      string `json:"report"`
	Outlet      string `json:"outlet"`
	Attribution string `json:"attribution,omitempty"`
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

// MarshalJSON writes the entry with its interval as whole numbers.
func (e Entry) MarshalJSON() ([]byte, error) {
	return json.Marshal(entryJSON{Date: e.Date, Source: e.Source, Sources: e.Sources, Figure: e.Figure,
		intervalJSON: wireInterval(e.Interval), Change: e.Change, Revised: e.Revised, Claims: e.Claims})
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
	t := &Timeline{View: view, Series: []Series{}}
	for _, s := range p.seriesEntries(0) {
		switch view {
		case ViewRange:
			s.Entries = rangeEntries(s.Entries)
		case ViewConservative:
			s.Entries = conservativeEntries(s.Entries)
		}
		t.Series = append(t.Series, s)
	}
	return t, nil
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
			out = append(out, Series{Key: si.key, Site: si.site, Entries: es})
		}
		i = j
	}
	return out
}

// entries builds the entries of figures [lo, hi) of one series, keeping
// one side: one per figure and wording, sorted by date (undated last),
// source, interval and wording.
func (p *prep) entries(lo, hi int, side int8) []Entry {
	var out []Entry
	si := &p.series[p.figs[lo].series]
	withChange := si.key.Scope == tracker.Cumulative || si.key.Scope == tracker.UnknownScope && si.site
	for i := lo; i < hi; {
		// one source's figures, by day
		src := p.figs[i].source
		j := i
		for j < hi && p.figs[j].source == src {
			j++
		}
		var prev []tracker.Interval // the source's figures on its previous dated day
		var cur []tracker.Interval
		curDay := int32(noDay)
		for k := i; k < j; k++ {
			f := &p.figs[k]
			if f.side != side {
				continue
			}
			if f.day != curDay {
				if curDay != noDay {
					prev = cur
				}
				cur, curDay = nil, f.day
			}
			cur = append(cur, f.iv)
			var change *Change
			if withChange && f.day != noDay && len(prev) > 0 {
				ch := difference(f.iv, hull(prev...))
				change = &ch
			}
			out = append(out, p.figEntries(f, change)...)
		}
		i = j
	}
	slices.SortStableFunc(out, func(a, b Entry) int {
		return cmp.Or(compareDates(a.Date, b.Date), strings.Compare(a.Source, b.Source),
			compareIntervals(a.Interval, b.Interval), strings.Compare(a.Figure, b.Figure))
	})
	return out
}

// compareDates orders dates with the unknown date last.
func compareDates(a, b tracker.Date) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}

// figEntries splits a figure by wording: claims with one interval written
// differently ("~150" and "135–165") are one figure to the checks but two
// entries here, so that each shows its words.
func (p *prep) figEntries(f *fig, change *Change) []Entry {
	var out []Entry
	recs := p.figRecs(f)
	for a := 0; a < len(recs); {
		first := &p.claims[p.recs[recs[a]].ci].Claim
		b := a
		for b < len(recs) {
			c := &p.claims[p.recs[recs[b]].ci].Claim
			if c.Qualifier != first.Qualifier || c.Vague != first.Vague {
				break
			}
			b++
		}
		e := Entry{Date: dateOf(f.day), Source: p.sources[f.source].name, Figure: first.Figure(),
			Interval: f.iv, Change: change, Claims: make([]Provenance, 0, b-a)}
		for _, ri := range recs[a:b] {
			sc := &p.claims[p.recs[ri].ci]
			e.Revised = e.Revised || sc.Claim.Revised
			e.Claims = append(e.Claims, Provenance{Claim: sc.ID, Report: sc.ReportID, Outlet: sc.Outlet, Attribution: sc.Claim.Attribution})
		}
		out = append(out, e)
		a = b
	}
	return out
}

// rangeEntries folds sources-view entries into one band per date.
func rangeEntries(es []Entry) []Entry {
	var out []Entry
	for i := 0; i < len(es); {
		if es[i].Date.IsZero() {
			break
		}
		j := i
		for j < len(es) && es[j].Date == es[i].Date {
			j++
		}
		ivs := make([]tracker.Interval, 0, j-i)
		var sources []string
		var claims []Provenance
		revised := false
		for _, e := range es[i:j] {
			ivs = append(ivs, e.Interval)
			if !slices.Contains(sources, e.Source) {
				sources = append(sources, e.Source)
			}
			claims = append(claims, e.Claims...)
			revised = revised || e.Revised
		}
		slices.Sort(sources)
		slices.SortFunc(claims, func(a, b Provenance) int { return strings.Compare(a.Claim, b.Claim) })
		band := hull(ivs...)
		out = append(out, Entry{Date: es[i].Date, Source: strings.Join(sources, "; "), Sources: sources,
			Figure: band.Range(), Interval: band, Revised: revised, Claims: claims})
		i = j
	}
	return out
}

// conservativeEntries keeps, per date, the entry with the smallest lower
// bound (then the narrower interval, the source name, the wording).
func conservativeEntries(es []Entry) []Entry {
	var out []Entry
	for i := 0; i < len(es); {
		if es[i].Date.IsZero() {
			break
		}
		j := i
		for j < len(es) && es[j].Date == es[i].Date {
			j++
		}
		best := es[i]
		for _, e := range es[i+1 : j] {
			if c := cmp.Or(compareIntervals(e.Interval, best.Interval), strings.Compare(e.Source, best.Source),
				strings.Compare(e.Figure, best.Figure)); c < 0 {
				best = e
			}
		}
		out = append(out, best)
		i = j
	}
	return out
}
