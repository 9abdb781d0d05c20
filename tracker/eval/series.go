package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/tollproject/toll/tracker"
)

// Scenario is one evolving event told by several reports, with every
// figure labelled with the quantity (series) an analyst puts it in, the
// findings the analyst expects and the traps (figures that look
// inconsistent and are not). testdata/series/README.md gives the format.
type Scenario struct {
	Name     string
	Kind     string
	Note     string
	Reports  []ScenarioReport
	Findings []Expectation // findings a reconciler must raise
	Traps    []Expectation // claim sets no finding may cite together
	file     string
}

// ScenarioReport is one report of a scenario. Its text, as stored, is the
// title then the body (tracker.WithHeadline); claims with "in":"title" are
// located in the title.
type ScenarioReport struct {
	ID        string      `json:"report"`
	Outlet    string      `json:"outlet"`
	Published string      `json:"published"`
	URL       string      `json:"url"`
	Title     string      `json:"title"`
	Text      string      `json:"text"`
	Claims    []GoldClaim `json:"claims"`
	published tracker.Date
	stored    string // the text as stored: headline, then body
	line      int
}

// Expectation is a finding or a trap: a kind (for findings) and the gold
// claims ("r01.c1") it cites.
type Expectation struct {
	Kind   string   `json:"finding,omitempty"`
	Trap   string   `json:"trap,omitempty"`
	Claims []string `json:"claims"`
	Note   string   `json:"note,omitempty"`
	line   int
}

// ReadScenario parses one scenario file. Errors name the file and line.
func ReadScenario(r io.Reader, name string) (*Scenario, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), MaxLine)
	s := &Scenario{file: name}
	gold := map[string]*GoldClaim{}
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var probe map[string]json.RawMessage
		if err := json.Unmarshal(b, &probe); err != nil {
			return nil, fmt.Errorf("%s:%d: %w: %v", name, line, ErrCorpus, err)
		}
		bad := func(format string, a ...any) error {
			return fmt.Errorf("%s:%d: %w: %s", name, line, ErrCorpus, fmt.Sprintf(format, a...))
		}
		strict := func(v any) error {
			dec := json.NewDecoder(bytes.NewReader(b))
			dec.DisallowUnknownFields()
			if err := dec.Decode(v); err != nil {
				return bad("%v", err)
			}
			return nil
		}
		switch {
		case probe["scenario"] != nil:
			if s.Name != "" {
				return nil, bad("a second scenario header")
			}
			var h struct {
				Scenario string `json:"scenario"`
				Kind     string `json:"kind"`
				Note     string `json:"note"`
			}
			if err := strict(&h); err != nil {
				return nil, err
			}
			if strings.TrimSpace(h.Scenario) == "" {
				return nil, bad("empty scenario name")
			}
			s.Name, s.Kind, s.Note = h.Scenario, h.Kind, h.Note
		case s.Name == "":
			return nil, bad(`the first line must be the {"scenario": …} header`)
		case probe["report"] != nil:
			var rp ScenarioReport
			if err := strict(&rp); err != nil {
				return nil, err
			}
			if rp.ID == "" {
				return nil, bad("empty report id")
			}
			for _, o := range s.Reports {
				if o.ID == rp.ID {
					return nil, bad("report %q already used on line %d", rp.ID, o.line)
				}
			}
			d, err := tracker.ParseDate(rp.Published)
			if err != nil {
				return nil, bad("published: %v", err)
			}
			if strings.TrimSpace(rp.Outlet) == "" {
				return nil, bad("report %s has no outlet", rp.ID)
			}
			rp.published, rp.line = d, line
			rp.stored = tracker.WithHeadline(rp.Title, rp.Text)
			body := rp.stored[len(rp.stored)-len(rp.Text):]
			bodyAt := len(rp.stored) - len(rp.Text)
			headEnd := tracker.HeadlineEnd(rp.Title, rp.stored)
			for i := range rp.Claims {
				g := &rp.Claims[i]
				where, at := body, bodyAt
				if g.In == "title" {
					if headEnd == 0 {
						return nil, bad("claim %s is in the title, but the report has none", g.ID)
					}
					where, at = rp.stored[:headEnd], 0
				} else if g.In != "" && g.In != "text" {
					return nil, bad(`claim %s: "in" is %q, want "title" or "text"`, g.ID, g.In)
				}
				if err := g.resolve(where); err != nil {
					return nil, bad("report %s claim %s: %v", rp.ID, g.ID, err)
				}
				g.start += at
				g.end += at
				if g.ID == "" {
					return nil, bad("report %s claim %d has no id", rp.ID, i+1)
				}
				if strings.TrimSpace(g.Series) == "" {
					return nil, bad("report %s claim %s has no series label", rp.ID, g.ID)
				}
				ref := rp.ID + "." + g.ID
				if _, dup := gold[ref]; dup {
					return nil, bad("claim %s is used twice", ref)
				}
				gold[ref] = g
			}
			s.Reports = append(s.Reports, rp)
		case probe["finding"] != nil || probe["trap"] != nil:
			var x Expectation
			if err := strict(&x); err != nil {
				return nil, err
			}
			if len(x.Claims) == 0 {
				return nil, bad("no claims listed")
			}
			for _, ref := range x.Claims {
				if gold[ref] == nil {
					return nil, bad("claim %q is not a claim of an earlier report", ref)
				}
			}
			x.line = line
			if x.Kind != "" {
				s.Findings = append(s.Findings, x)
			} else {
				s.Traps = append(s.Traps, x)
			}
		default:
			return nil, bad(`a line must hold "scenario", "report", "finding" or "trap"`)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	if s.Name == "" {
		return nil, fmt.Errorf("%s: %w: no scenario header", name, ErrCorpus)
	}
	return s, nil
}

// IsScenario reports whether a file's first non-empty line is a scenario
// header, so `toll eval` can tell scenarios from passage corpora.
func IsScenario(first []byte) bool {
	var probe map[string]json.RawMessage
	return json.Unmarshal(bytes.TrimSpace(first), &probe) == nil && probe["scenario"] != nil
}

// Resolution is what a reconciler made of the claims of a set of
// scenarios: the series each claim is in (by claim id; claims in no
// series, such as prior figures, are absent) and its findings.
type Resolution struct {
	Series   map[string]string
	Names    map[string]string // series id → the name a user sees
	Findings []ResolvedFinding
}

// ResolvedFinding is one finding of a reconciler, with the claims it cites.
type ResolvedFinding struct {
	Kind, Severity, Message string
	Claims                  []string
}

// Resolver reconciles stored claims: in cmd/toll, reconcile's series and
// checks.
type Resolver func(claims []tracker.StoredClaim) (Resolution, error)

// SeriesReport is the score of a set of scenarios, read all together into
// one store as a user following several events would.
type SeriesReport struct {
	Scenarios, Reports int
	// Extraction is strict extraction on whole reports (same category and
	// interval; priors optional).
	Extraction Counts
	// BCubedP and BCubedR are B-cubed precision and recall of the series
	// over gold claims matched by an extracted claim (priors left out).
	BCubedP, BCubedR float64
	Matched          int
	// Quantities is the number of gold series with a matched claim; Split
	// sums the toll series each is spread over, so Split/Quantities is
	// the timelines a quantity is split into on average.
	Quantities, Split int
	// Multi is the gold series with two or more matched claims, and Whole
	// those of them shown whole in one toll series.
	Multi, Whole int
	// Findings: toll's findings; FalseAlarms those citing claims of two or
	// more gold series; Expected the analyst's findings and Raised those
	// toll raised; Traps the traps and Flagged those a finding cites.
	Findings, FalseAlarms, Expected, Raised, Traps, Flagged int
	// Problems lists what went wrong, for people.
	Problems []string
}

// F1 is the harmonic mean of B-cubed precision and recall.
func (r SeriesReport) F1() float64 {
	if r.BCubedP+r.BCubedR == 0 {
		return 0
	}
	return 2 * r.BCubedP * r.BCubedR / (r.BCubedP + r.BCubedR)
}

// ScoreSeries adds every report of every scenario to one set of stored
// claims (extracted by ext, dated and credited to its outlet), resolves
// them, and scores the series and findings against the labels.
func ScoreSeries(scenarios []*Scenario, ext tracker.ExtractFunc, resolve Resolver) (SeriesReport, error) {
	rep := SeriesReport{Scenarios: len(scenarios)}
	var claims []tracker.StoredClaim
	type goldRef struct {
		g      *GoldClaim
		series string // scenario-qualified label
		ref    string // scenario/report.claim
	}
	goldOf := map[string]goldRef{} // toll claim id → its gold claim
	tollOf := map[string]string{}  // gold ref → toll claim id
	seen := map[string]string{}    // report id → scenario/report, to catch one text used twice
	for _, s := range scenarios {
		for ri := range s.Reports {
			rp := &s.Reports[ri]
			rep.Reports++
			id := tracker.ReportID(rp.stored)
			where := s.Name + "/" + rp.ID
			if prev, ok := seen[id]; ok {
				return rep, fmt.Errorf("%s: %w: report %s has the same text as %s", s.file, ErrCorpus, rp.ID, prev)
			}
			seen[id] = where
			r := tracker.Report{ID: id, Source: rp.Outlet, URL: rp.URL, Title: rp.Title, Published: rp.published, Text: rp.stored}
			res, err := ext(r)
			if err != nil {
				return rep, fmt.Errorf("%s: report %s: %w", s.file, rp.ID, err)
			}
			gm, pm := match(rp.Claims, res.Claims, func(g *GoldClaim, c *tracker.Claim) bool {
				return g.Category == c.Category && g.interval().Equal(c.Interval)
			})
			for gi := range rp.Claims {
				g := &rp.Claims[gi]
				ref := where + "." + g.ID
				if gm[gi] >= 0 {
					rep.Extraction.TP++
					cid := tracker.ClaimID(id, gm[gi]+1)
					goldOf[cid] = goldRef{g: g, series: s.Name + "/" + g.Series, ref: ref}
					tollOf[ref] = cid
				} else if !g.Prior {
					rep.Extraction.FN++
					rep.Problems = append(rep.Problems, fmt.Sprintf("not extracted: %s %s “%s”", ref, describeGold(*g), g.Phrase))
				}
			}
			for ci, c := range res.Claims {
				if pm[ci] < 0 {
					rep.Extraction.FP++
					rep.Problems = append(rep.Problems, fmt.Sprintf("not annotated: %s %s “%s”", where, describe(c), c.Span))
				}
				claims = append(claims, tracker.StoredClaim{
					ID: tracker.ClaimID(id, ci+1), ReportID: id, Outlet: rp.Outlet, Published: rp.published,
					Claim: c, Status: tracker.Unreviewed,
				})
			}
		}
	}
	res, err := resolve(claims)
	if err != nil {
		return rep, err
	}

	// B-cubed over matched, non-prior gold claims that toll put in a series.
	tollMembers := map[string][]string{} // toll series → matched claim ids
	goldMembers := map[string][]string{}
	var matched []string
	for cid, gr := range goldOf {
		if gr.g.Prior {
			continue
		}
		ts, ok := res.Series[cid]
		if !ok {
			rep.Problems = append(rep.Problems, fmt.Sprintf("in no series: %s", gr.ref))
			ts = "\x00none:" + cid // a series of its own
		}
		matched = append(matched, cid)
		tollMembers[ts] = append(tollMembers[ts], cid)
		goldMembers[gr.series] = append(goldMembers[gr.series], cid)
	}
	sort.Strings(matched)
	seriesOf := func(cid string) string {
		if ts, ok := res.Series[cid]; ok {
			return ts
		}
		return "\x00none:" + cid
	}
	var sp, sr float64
	for _, cid := range matched {
		ts, gs := seriesOf(cid), goldOf[cid].series
		both := 0
		for _, o := range tollMembers[ts] {
			if goldOf[o].series == gs {
				both++
			}
		}
		sp += float64(both) / float64(len(tollMembers[ts]))
		sr += float64(both) / float64(len(goldMembers[gs]))
	}
	rep.Matched = len(matched)
	if rep.Matched > 0 {
		rep.BCubedP, rep.BCubedR = sp/float64(rep.Matched), sr/float64(rep.Matched)
	}
	golds := make([]string, 0, len(goldMembers))
	for gs := range goldMembers {
		golds = append(golds, gs)
	}
	sort.Strings(golds)
	name := func(ts string) string {
		if n := res.Names[ts]; n != "" {
			return n
		}
		return ts
	}
	for _, gs := range golds {
		ms := goldMembers[gs]
		parts := map[string]int{}
		for _, cid := range ms {
			parts[seriesOf(cid)]++
		}
		rep.Quantities++
		rep.Split += len(parts)
		if len(ms) >= 2 {
			rep.Multi++
			if len(parts) == 1 {
				rep.Whole++
			}
		}
		if len(parts) > 1 {
			var ns []string
			for ts, n := range parts {
				ns = append(ns, fmt.Sprintf("%s (%d)", name(ts), n))
			}
			sort.Strings(ns)
			rep.Problems = append(rep.Problems, fmt.Sprintf("split: %s over %d series: %s", gs, len(parts), strings.Join(ns, "; ")))
		}
		// (in key order, and the first other label by name: the same
		// problems in the same order from run to run)
		for _, ts := range slices.Sorted(maps.Keys(parts)) {
			if other := otherGold(tollMembers[ts], gs, func(c string) string { return goldOf[c].series }); other != "" {
				rep.Problems = append(rep.Problems, fmt.Sprintf("merged: %s with %s in %s", gs, other, name(ts)))
			}
		}
	}

	// Findings.
	rep.Findings = len(res.Findings)
	for _, f := range res.Findings {
		gs := map[string]bool{}
		for _, cid := range f.Claims {
			if gr, ok := goldOf[cid]; ok {
				gs[gr.series] = true
			}
		}
		if len(gs) > 1 {
			rep.FalseAlarms++
			var ss []string
			for s := range gs {
				ss = append(ss, s)
			}
			sort.Strings(ss)
			rep.Problems = append(rep.Problems, fmt.Sprintf("false alarm: %s %s across %s: %s", f.Severity, f.Kind, strings.Join(ss, ", "), f.Message))
		}
	}
	cites := func(f ResolvedFinding, refs []string, prefix string) bool {
		set := map[string]bool{}
		for _, c := range f.Claims {
			set[c] = true
		}
		for _, ref := range refs {
			cid, ok := tollOf[prefix+ref]
			if !ok || !set[cid] {
				return false
			}
		}
		return true
	}
	for _, s := range scenarios {
		prefix := s.Name + "/"
		for _, x := range s.Findings {
			rep.Expected++
			raised := false
			for _, f := range res.Findings {
				if f.Kind == x.Kind && cites(f, x.Claims, prefix) {
					raised = true
					break
				}
			}
			if raised {
				rep.Raised++
			} else {
				rep.Problems = append(rep.Problems, fmt.Sprintf("not raised: %s %s %s (%s)", s.Name, x.Kind, strings.Join(x.Claims, " "), x.Note))
			}
		}
		for _, x := range s.Traps {
			rep.Traps++
			for _, f := range res.Findings {
				if cites(f, x.Claims, prefix) {
					rep.Flagged++
					rep.Problems = append(rep.Problems, fmt.Sprintf("trap flagged: %s %s %s by %s: %s", s.Name, x.Trap, strings.Join(x.Claims, " "), f.Kind, f.Message))
					break
				}
			}
		}
	}
	return rep, nil
}

// otherGold returns the first by name of the gold series other than gs
// among members, or "".
func otherGold(members []string, gs string, goldOf func(string) string) string {
	best := ""
	for _, c := range members {
		if o := goldOf(c); o != "" && o != gs && (best == "" || o < best) {
			best = o
		}
	}
	return best
}

// Write prints the series report for people, with up to maxProblems
// problems (all when negative).
func (r SeriesReport) Write(w io.Writer, maxProblems int) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "scenarios %d, reports %d\n\n", r.Scenarios, r.Reports)
	e := r.Extraction
	fmt.Fprintf(bw, "extraction (strict)      precision %.3f  recall %.3f  F1 %.3f  (tp %d, fp %d, fn %d)\n", e.Precision(), e.Recall(), e.F1(), e.TP, e.FP, e.FN)
	fmt.Fprintf(bw, "series B-cubed           precision %.3f  recall %.3f  F1 %.3f  (%d matched claims)\n", r.BCubedP, r.BCubedR, r.F1(), r.Matched)
	split := 0.0
	if r.Quantities > 0 {
		split = float64(r.Split) / float64(r.Quantities)
	}
	fmt.Fprintf(bw, "timelines per quantity   %.2f  (%d quantities)\n", split, r.Quantities)
	fmt.Fprintf(bw, "quantities shown whole   %d of %d (with two or more figures)\n", r.Whole, r.Multi)
	fmt.Fprintf(bw, "findings                 %d, of which %d compare two different quantities\n", r.Findings, r.FalseAlarms)
	fmt.Fprintf(bw, "expected findings raised %d of %d\n", r.Raised, r.Expected)
	fmt.Fprintf(bw, "traps flagged            %d of %d\n", r.Flagged, r.Traps)
	if len(r.Problems) > 0 && maxProblems != 0 {
		fmt.Fprintf(bw, "\nproblems (%d)\n", len(r.Problems))
		for i, p := range r.Problems {
			if maxProblems > 0 && i >= maxProblems {
				fmt.Fprintf(bw, "… %d more (use --misses -1 for all)\n", len(r.Problems)-i)
				break
			}
			fmt.Fprintln(bw, oneLine(p))
		}
	}
	return bw.Flush()
}
