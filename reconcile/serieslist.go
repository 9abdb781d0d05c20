package reconcile

import (
	"bufio"
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/tollproject/toll/tracker"
)

// SeriesList is what ListSeries returns: every series the filtered claims
// form, in key order, with its claims.
type SeriesList struct {
	Series []SeriesClaims `json:"series"`
}

// SeriesClaims is one series and the claims in it.
type SeriesClaims struct {
	Key  SeriesKey `json:"series"`
	Site bool      `json:"site"`
	// Title is the generated title ("people killed in Israel
	// (cumulative)"); Name and Note are the user's (tracker.Name and
	// tracker.Note decisions).
	Title  string         `json:"title"`
	Name   string         `json:"name,omitempty"`
	Note   string         `json:"note,omitempty"`
	Claims []SeriesMember `json:"claims"`
}

// SeriesMember is one claim of a series and why it is there.
type SeriesMember struct {
	Claim  string       `json:"claim"`
	Report string       `json:"report"`
	Date   tracker.Date `json:"date"`
	Source string       `json:"source"`
	Figure string       `json:"figure"`
	// Prior marks an earlier figure the report cites ("up from 1,900"),
	// which timelines leave out.
	Prior bool `json:"prior,omitempty"`
	// Why says what put the claim in this series: its group and place as
	// written and as the taxonomy reads them, its scope, and the decision
	// that moved it, if one did.
	Why string `json:"why"`
	// Decisions are the ids of the decisions that moved the claim, in
	// order; empty when the rules placed it.
	Decisions []string `json:"decisions,omitempty"`
}

// ListSeries returns the series the claims form once opts.Decisions are
// applied, with every counted claim (priors too) and why it is in its
// series: what a user looks at before merging, moving or naming series.
// opts' filters choose which series are listed, those with a claim that
// matches, as Check chooses findings; the series themselves, their
// claims and ids are formed from every claim, so that an id seen in a
// filtered list is the one decisions name.
func ListSeries(claims []tracker.StoredClaim, opts Options) (*SeriesList, error) {
	p, err := prepare(claims, opts, false, nil)
	if err != nil {
		return nil, err
	}
	var keep []bool
	if f := newFilterSpec(p.tax, opts); f.active() {
		keep = p.matching(f)
	}
	all := make([]int32, len(p.recs))
	for i := range all {
		all[i] = int32(i)
	}
	ord, bounds := countingSort(all, len(p.series), func(ri int32) int { return int(p.recs[ri].series) })
	out := &SeriesList{Series: []SeriesClaims{}}
	for s := 0; s+1 < len(bounds); s++ {
		recs := ord[bounds[s]:bounds[s+1]]
		if len(recs) == 0 || keep != nil && !slices.ContainsFunc(recs, func(ri int32) bool { return keep[ri] }) {
			continue
		}
		slices.SortFunc(recs, func(a, b int32) int {
			ra, rb := &p.recs[a], &p.recs[b]
			return cmp.Or(cmp.Compare(ra.day, rb.day), p.compareClaims(ra, rb))
		})
		si := &p.series[s]
		l := p.label(int32(s))
		sc := SeriesClaims{Key: si.key, Site: si.site, Title: si.key.title(si.site), Name: l.name, Note: l.note,
			Claims: make([]SeriesMember, len(recs))}
		for i, ri := range recs {
			r := &p.recs[ri]
			c := &p.claims[r.ci]
			sc.Claims[i] = SeriesMember{Claim: c.ID, Report: c.ReportID, Date: dateOf(r.day),
				Source: p.sources[r.source].name, Figure: c.Claim.Figure(), Prior: r.prior, Why: p.why(ri)}
			for _, pl := range p.placedBy(r.ci) {
				sc.Claims[i].Decisions = append(sc.Claims[i].Decisions, pl.decision)
			}
		}
		out.Series = append(out.Series, sc)
	}
	return out, nil
}

// Write writes the list as a table (each series' title with its id, its
// note, then its claims), JSON or CSV (one row per claim, its series' id
// and title first).
func (l *SeriesList) Write(w io.Writer, f Format) error {
	switch f {
	case FormatTable, "":
		return l.writeTable(w)
	case FormatJSON:
		return writeJSON(w, l)
	case FormatCSV:
		return l.writeCSV(w)
	}
	return unsupported("a series list", f, "table, json or csv")
}

// seriesCSVHeader are the columns of a series list in CSV. series is the
// id (SeriesKey.ID) that toll series decisions and toll claims --format
// csv name; decisions are the ids of the decisions that moved the claim,
// space-separated.
var seriesCSVHeader = []string{"series", "title", "name", "note", "category", "claim", "report", "date", "source", "figure", "prior", "why", "decisions"}

func (l *SeriesList) writeCSV(w io.Writer) error {
	c := &csvWriter{cw: csv.NewWriter(w)}
	c.write(seriesCSVHeader...)
	for _, s := range l.Series {
		id := s.Key.ID()
		for _, m := range s.Claims {
			c.write(id, s.Title, s.Name, s.Note, string(s.Key.Category), m.Claim, m.Report, m.Date.String(), m.Source, m.Figure,
				strconv.FormatBool(m.Prior), m.Why, strings.Join(m.Decisions, " "))
		}
	}
	return c.done()
}

func (l *SeriesList) writeTable(w io.Writer) error {
	out := &flusher{bw: bufio.NewWriter(w)}
	if len(l.Series) == 0 {
		out.printf("No series.\n")
		return out.done()
	}
	n := 0
	for i, s := range l.Series {
		if i > 0 {
			out.printf("\n")
		}
		out.printf("%s\n", seriesTitle(s.Key, s.Site, s.Name))
		if s.Name != "" {
			out.printf("  series: %s\n", s.Title)
		}
		if s.Note != "" {
			out.printf("  note: %s\n", s.Note)
		}
		tw := tabwriter.NewWriter(out.bw, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "  CLAIM\tDATE\tSOURCE\tFIGURE\tWHY\n")
		for _, c := range s.Claims {
			date := c.Date.String()
			if date == "" {
				date = "undated"
			}
			fig := c.Figure
			if c.Prior {
				fig += " (prior)"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", c.Claim, date, c.Source, fig, c.Why)
		}
		if err := tw.Flush(); err != nil && out.err == nil {
			out.err = err
		}
		n += len(s.Claims)
	}
	out.printf("\n%s series, %s\n", strconv.Itoa(len(l.Series)), plural(n, "claim"))
	return out.done()
}

// Find returns the series with the id, or false.
func (l *SeriesList) Find(id string) (SeriesClaims, bool) {
	for _, s := range l.Series {
		if s.Key.ID() == id {
			return s, true
		}
	}
	return SeriesClaims{}, false
}
