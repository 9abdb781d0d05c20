package reconcile

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/tollproject/toll/tracker"
)

// SourceDiff is what Diff returns: for every series both sources report,
// their figures aligned by date.
type SourceDiff struct {
	A      string       `json:"a"`
	B      string       `json:"b"`
	Window int          `json:"window"`
	Series []SeriesDiff `json:"series"`
}

// SeriesDiff is one series' aligned rows.
type SeriesDiff struct {
	Key  SeriesKey `json:"series"`
	Site bool      `json:"site"`
	// Name and Note are as in Series.
	Name string    `json:"name,omitempty"`
	Note string    `json:"note,omitempty"`
	Rows []DiffRow `json:"rows"`
}

// DiffRow pairs a figure of A with one of B given the same day or, when B
// gave none that day, the nearest day within the window. A or B is nil
// when the other side has no figure close enough.
type DiffRow struct {
	A, B *Entry
	// Days is B's date minus A's date (0 when one side is missing).
	Days int
	// Gap is B − A as an interval; nil when a side is missing.
	Gap *Change
	// Overlap reports whether the two intervals share a value (false when
	// a side is missing).
	Overlap bool
}

type diffRowJSON struct {
	A       *Entry  `json:"a"`
	B       *Entry  `json:"b"`
	Days    int     `json:"days"`
	Gap     *Change `json:"gap"`
	Overlap bool    `json:"overlap"`
}

// MarshalJSON writes the row with lowercase keys.
func (r DiffRow) MarshalJSON() ([]byte, error) {
	return json.Marshal(diffRowJSON(r))
}

// Date is the row's date: A's, or B's when A is missing.
func (r DiffRow) Date() tracker.Date {
	if r.A != nil {
		return r.A.Date
	}
	return r.B.Date
}

// Diff compares what two sources say. A claim belongs to a side when its
// attribution, outlet or canonical source name holds that side's text
// (case-insensitively, as Options.Source matches); a claim that matches
// both sides belongs to neither, so a source diffed with itself is empty.
// opts' category, who and where filters apply; opts.Source is ignored.
// Undated figures are left out: they cannot be aligned.
func Diff(claims []tracker.StoredClaim, a, b string, opts Options) (*SourceDiff, error) {
	la, lb := strings.ToLower(strings.TrimSpace(a)), strings.ToLower(strings.TrimSpace(b))
	if la == "" || lb == "" {
		return nil, fmt.Errorf("%w: diff needs two sources, got %q and %q", ErrBadOptions, a, b)
	}
	opts.Source = ""
	tax := opts.Taxonomy
	if tax == nil {
		tax = DefaultTaxonomy()
		opts.Taxonomy = tax
	}
	canon := map[string]string{}
	side := func(_ int, sc *tracker.StoredClaim) int8 {
		raw := sc.Source()
		name, ok := canon[raw]
		if !ok {
			name = tax.Source(raw)
			canon[raw] = name
		}
		inA, inB := sourceMatches(la, sc, name), sourceMatches(lb, sc, name)
		switch {
		case inA && !inB:
			return 1
		case inB && !inA:
			return 2
		case !inA && !inB:
			return sideNeither
		}
		return -1
	}
	opts.sourceSide = func(name string) int8 {
		inA, inB := containsFold(name, la), containsFold(name, lb)
		switch {
		case inA && !inB:
			return 1
		case inB && !inA:
			return 2
		}
		return -1
	}
	p, err := prepare(claims, opts, true, side)
	if err != nil {
		return nil, err
	}
	d := &SourceDiff{A: a, B: b, Window: opts.Window, Series: []SeriesDiff{}}
	if la == lb {
		return d, nil
	}
	for i := 0; i < len(p.figs); {
		s := p.figs[i].series
		j := i
		for j < len(p.figs) && p.figs[j].series == s {
			j++
		}
		ea, eb := dated(p.entries(i, j, 1)), dated(p.entries(i, j, 2))
		if len(ea) > 0 && len(eb) > 0 {
			si := &p.series[s]
			l := p.label(s)
			d.Series = append(d.Series, SeriesDiff{Key: si.key, Site: si.site, Name: l.name, Note: l.note, Rows: align(ea, eb, opts.Window)})
		}
		i = j
	}
	return d, nil
}

// dated drops undated entries (they sort last) and the per-source change,
// which a diff does not show.
func dated(es []Entry) []Entry {
	n := 0
	for n < len(es) && !es[n].Date.IsZero() {
		es[n].prev = nil
		n++
	}
	return es[:n]
}

// align pairs each A entry with B's entries on the same day, else on the
// nearest day within window days (the earlier day on a tie), and lists
// the entries left unpaired on their own rows.
func align(ea, eb []Entry, window int) []DiffRow {
	var rows []DiffRow
	used := make([]bool, len(eb))
	// B's entries come by day (entries sorts a series' figures so): its
	// entries nearest an A entry's day are found by binary search, where
	// scanning all of B for each A entry was quadratic in a series'
	// length. (Out of order, B is scanned as before.)
	byDay := slices.IsSortedFunc(eb, func(x, y Entry) int { return x.Date.Compare(y.Date) })
	for i := range ea {
		a := &ea[i]
		if byDay {
			lo, hi, ok := nearestDay(eb, a.Date, window)
			if !ok {
				rows = append(rows, DiffRow{A: a})
				continue
			}
			for k := lo; k < hi; k++ {
				used[k] = true
				b := &eb[k]
				gap := difference(b.Interval, a.Interval)
				rows = append(rows, DiffRow{A: a, B: b, Days: a.Date.DaysUntil(b.Date), Gap: &gap, Overlap: a.Interval.Overlaps(b.Interval)})
			}
			continue
		}
		best := -1
		for k := range eb {
			dist := absInt(a.Date.DaysUntil(eb[k].Date))
			if dist > window {
				continue
			}
			if best < 0 || dist < absInt(a.Date.DaysUntil(eb[best].Date)) ||
				dist == absInt(a.Date.DaysUntil(eb[best].Date)) && eb[k].Date.Before(eb[best].Date) {
				best = k
			}
		}
		if best < 0 {
			rows = append(rows, DiffRow{A: a})
			continue
		}
		for k := range eb {
			if eb[k].Date != eb[best].Date {
				continue
			}
			used[k] = true
			b := &eb[k]
			gap := difference(b.Interval, a.Interval)
			rows = append(rows, DiffRow{A: a, B: b, Days: a.Date.DaysUntil(b.Date), Gap: &gap, Overlap: a.Interval.Overlaps(b.Interval)})
		}
	}
	for k := range eb {
		if !used[k] {
			rows = append(rows, DiffRow{B: &eb[k]})
		}
	}
	slices.SortStableFunc(rows, func(x, y DiffRow) int {
		return cmp.Or(x.Date().Compare(y.Date()), boolRank(x.A == nil)-boolRank(y.A == nil))
	})
	return rows
}

// nearestDay returns the entries [lo, hi) of eb (dated, in day order)
// on the day nearest day within window days, the earlier day on a tie,
// as align's scan of every entry chooses; ok is false when none is that
// near.
func nearestDay(eb []Entry, day tracker.Date, window int) (lo, hi int, ok bool) {
	// eb[:at] are before day, eb[at:] on or after it
	at, _ := slices.BinarySearchFunc(eb, day, func(e Entry, d tracker.Date) int { return e.Date.Compare(d) })
	best := -1
	if at > 0 && absInt(day.DaysUntil(eb[at-1].Date)) <= window {
		best = at - 1
	}
	if at < len(eb) {
		if dist := absInt(day.DaysUntil(eb[at].Date)); dist <= window &&
			(best < 0 || dist < absInt(day.DaysUntil(eb[best].Date))) {
			best = at
		}
	}
	if best < 0 {
		return 0, 0, false
	}
	d := eb[best].Date
	lo, _ = slices.BinarySearchFunc(eb, d, func(e Entry, d tracker.Date) int { return e.Date.Compare(d) })
	hi = lo
	for hi < len(eb) && eb[hi].Date == d {
		hi++
	}
	return lo, hi, true
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

func absInt(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// ReportDiff is what changed between two reports (or two sets of claims):
// per series and source, the figures one gives and the other does not.
type ReportDiff struct {
	// A and B are the reports' ids ("" when a side holds several).
	A       string         `json:"a"`
	B       string         `json:"b"`
	Changes []ReportChange `json:"changes"`
	// Unchanged counts the figures both give.
	Unchanged int `json:"unchanged"`
}

// ChangeKind says how a figure differs between two reports.
type ChangeKind string

// The ways a figure can differ.
const (
	Added   ChangeKind = "added"
	Removed ChangeKind = "removed"
	Changed ChangeKind = "changed"
)

// ReportChange is one figure that differs: a series and source B gives a
// figure for and A does not (added), the reverse (removed), or one figure
// on each side that differ (changed, with the change).
type ReportChange struct {
	Series SeriesKey `json:"series"`
	// SeriesName is the series' display name, as in Finding.
	SeriesName string     `json:"series_name,omitempty"`
	Site       bool       `json:"site"`
	Source     string     `json:"source"`
	Change     ChangeKind `json:"change"`
	Old        *Entry     `json:"old"`
	New        *Entry     `json:"new"`
	Delta      *Change    `json:"delta"`
}

// DiffReports says what changed from the claims of one report (a) to
// those of another (b), series by series and source by source, whatever
// their dates. Where a source gives one figure in each and they differ,
// that is a change with its delta; otherwise differing figures are listed
// as added or removed. Prior figures are left out; opts' filters apply.
func DiffReports(a, b []tracker.StoredClaim, opts Options) (*ReportDiff, error) {
	all := make([]tracker.StoredClaim, 0, len(a)+len(b))
	all = append(all, a...)
	all = append(all, b...)
	p, err := prepare(all, opts, true, func(ci int, _ *tracker.StoredClaim) int8 {
		if ci < len(a) {
			return 1
		}
		return 2
	})
	if err != nil {
		return nil, err
	}
	d := &ReportDiff{A: reportOf(a), B: reportOf(b), Changes: []ReportChange{}}
	for i := 0; i < len(p.figs); {
		s := p.figs[i].series
		j := i
		for j < len(p.figs) && p.figs[j].series == s {
			j++
		}
		si := &p.series[s]
		ea, eb := p.entries(i, j, 1), p.entries(i, j, 2)
		for _, src := range sourcesOf(ea, eb) {
			oa, ob := bySource(ea, src), bySource(eb, src)
			// figures both give are unchanged, whatever the wording
			var ra, rb []Entry
			for _, e := range oa {
				if !slices.ContainsFunc(ob, func(o Entry) bool { return o.Interval.Equal(e.Interval) }) {
					ra = append(ra, e)
				} else {
					d.Unchanged++
				}
			}
			for _, e := range ob {
				if !slices.ContainsFunc(oa, func(o Entry) bool { return o.Interval.Equal(e.Interval) }) {
					rb = append(rb, e)
				}
			}
			base := ReportChange{Series: si.key, SeriesName: p.label(s).name, Site: si.site, Source: src}
			if len(ra) == 1 && len(rb) == 1 {
				ch := base
				ch.Change, ch.Old, ch.New = Changed, &ra[0], &rb[0]
				delta := difference(rb[0].Interval, ra[0].Interval)
				ch.Delta = &delta
				d.Changes = append(d.Changes, ch)
				continue
			}
			for k := range ra {
				ch := base
				ch.Change, ch.Old = Removed, &ra[k]
				d.Changes = append(d.Changes, ch)
			}
			for k := range rb {
				ch := base
				ch.Change, ch.New = Added, &rb[k]
				d.Changes = append(d.Changes, ch)
			}
		}
		i = j
	}
	return d, nil
}

// reportOf returns the report id all claims share, or "".
func reportOf(cs []tracker.StoredClaim) string {
	if len(cs) == 0 {
		return ""
	}
	id := cs[0].ReportID
	for _, c := range cs[1:] {
		if c.ReportID != id {
			return ""
		}
	}
	return id
}

// sourcesOf lists the sources of two entry lists, sorted.
func sourcesOf(ea, eb []Entry) []string {
	var out []string
	for _, es := range [][]Entry{ea, eb} {
		for _, e := range es {
			if !slices.Contains(out, e.Source) {
				out = append(out, e.Source)
			}
		}
	}
	slices.Sort(out)
	return out
}

// bySource keeps one source's entries; the Change a timeline gives is
// dropped, since between two reports only the delta means anything.
func bySource(es []Entry, src string) []Entry {
	var out []Entry
	for _, e := range es {
		if e.Source == src {
			e.prev = nil
			out = append(out, e)
		}
	}
	return out
}
