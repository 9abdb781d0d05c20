// Package eval scores toll's extractor against an annotated corpus.
//
// A corpus is JSON Lines, one passage a line:
//
//	{"id":"A-001","published":"2023-10-09","text":"…","claims":[
//	  {"category":"killed","low":1100,"high":null,"qualifier":"at_least",
//	   "who":"people","phrase":"At least 1,100 people have been killed"}]}
//
// phrase is a substring of text locating the figure. Claims marked
// "prior": true (the earlier figure of a rising toll) are optional: finding
// one counts, missing one does not. Optional keys where, attribution,
// scope and vague are compared on matched claims and reported as field
// agreement; they never change the scores.
//
// Two scores are kept. Strict: a found claim matches a gold claim with the
// same category, low and high. Loose: same category and overlapping spans.
// Matching is one-to-one, so a claim found twice counts once.
package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollproject/toll/tracker"
)

// MaxLine caps one corpus line; a passage is a few sentences.
const MaxLine = 1 << 20

// ErrCorpus marks a corpus line that cannot be read.
var ErrCorpus = errors.New("bad corpus line")

// Passage is one annotated passage.
type Passage struct {
	ID        string      `json:"id"`
	Published string      `json:"published"`
	Style     string      `json:"style,omitempty"`
	Note      string      `json:"note,omitempty"`
	Text      string      `json:"text"`
	Claims    []GoldClaim `json:"claims"`
	line      int
}

// GoldClaim is one annotated claim.
type GoldClaim struct {
	Category    tracker.Category  `json:"category"`
	Low         json.Number       `json:"low"`
	High        *json.Number      `json:"high"`
	Qualifier   tracker.Qualifier `json:"qualifier"`
	Who         string            `json:"who"`
	Phrase      string            `json:"phrase"`
	Prior       bool              `json:"prior,omitempty"`
	Vague       *string           `json:"vague,omitempty"`
	Where       *string           `json:"where,omitempty"`
	Attribution *string           `json:"attribution,omitempty"`
	Scope       *tracker.Scope    `json:"scope,omitempty"`
	// ID, Series, In and AsOf are used by scenarios (see Scenario): the
	// claim's id in its report, its series label, "title" when the
	// phrase is in the headline, and the other time a historical figure
	// is about.
	ID     string `json:"id,omitempty"`
	Series string `json:"series,omitempty"`
	In     string `json:"in,omitempty"`
	AsOf   string `json:"as_of,omitempty"`

	low, high  decimal.Decimal
	unbounded  bool
	start, end int
}

// Read parses a corpus. Errors name the line.
func Read(r io.Reader, name string) ([]Passage, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), MaxLine)
	var out []Passage
	seen := map[string]int{}
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var p Passage
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&p); err != nil {
			return nil, fmt.Errorf("%s:%d: %w: %v", name, line, ErrCorpus, err)
		}
		p.line = line
		if p.ID == "" {
			return nil, fmt.Errorf("%s:%d: %w: no id", name, line, ErrCorpus)
		}
		if prev, ok := seen[p.ID]; ok {
			return nil, fmt.Errorf("%s:%d: %w: id %q already used on line %d", name, line, ErrCorpus, p.ID, prev)
		}
		seen[p.ID] = line
		if _, err := tracker.ParseDate(p.Published); err != nil {
			return nil, fmt.Errorf("%s:%d: %w: published: %v", name, line, ErrCorpus, err)
		}
		for i := range p.Claims {
			if err := p.Claims[i].resolve(p.Text); err != nil {
				return nil, fmt.Errorf("%s:%d: %w: claim %d: %v", name, line, ErrCorpus, i+1, err)
			}
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	return out, nil
}

func (g *GoldClaim) resolve(text string) error {
	if _, err := tracker.ParseCategory(string(g.Category)); err != nil {
		return err
	}
	if _, err := tracker.ParseQualifier(string(g.Qualifier)); err != nil {
		return err
	}
	lo, err := decimal.NewFromString(string(g.Low))
	if err != nil {
		return fmt.Errorf("low %q is not a number", g.Low)
	}
	g.low = lo
	if g.High == nil {
		g.unbounded = true
	} else {
		hi, err := decimal.NewFromString(string(*g.High))
		if err != nil {
			return fmt.Errorf("high %q is not a number", *g.High)
		}
		if hi.Cmp(lo) < 0 {
			return fmt.Errorf("high %s is below low %s", hi, lo)
		}
		g.high = hi
	}
	if g.Phrase == "" {
		return fmt.Errorf("no phrase")
	}
	i := strings.Index(text, g.Phrase)
	if i < 0 {
		return fmt.Errorf("phrase %q is not in the text", g.Phrase)
	}
	g.start, g.end = i, i+len(g.Phrase)
	return nil
}

func (g *GoldClaim) interval() tracker.Interval {
	return tracker.Interval{Low: g.low, High: g.high, Unbounded: g.unbounded}
}

// Counts are true positives, false positives and false negatives.
type Counts struct {
	TP, FP, FN int
}

// Precision is TP / (TP + FP), or 1 when nothing was found.
func (c Counts) Precision() float64 {
	if c.TP+c.FP == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FP)
}

// Recall is TP / (TP + FN), or 1 when nothing was to be found.
func (c Counts) Recall() float64 {
	if c.TP+c.FN == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FN)
}

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Miss is a claim found but not annotated, or annotated but not found.
type Miss struct {
	ID     string // passage id
	Kind   string // "missed" (a false negative) or "spurious" (a false positive)
	Strict bool   // under the strict score (else loose)
	Claim  string // a short description: category, interval, qualifier, who
	Phrase string
	// Near describes the closest claim on the other side, when one
	// overlaps: what the extractor read instead, or what was annotated.
	Near string
}

// Report is the result of scoring a corpus.
type Report struct {
	Passages  int
	Negatives int // passages with no claims
	Gold      int // required gold claims
	Strict    Counts
	Loose     Counts
	// ByCategory holds strict counts per category.
	ByCategory map[tracker.Category]*Counts
	// Fields counts agreement on strictly matched claims: field -> [agree, compared].
	Fields map[string]*[2]int
	Misses []Miss
}

// Score extracts every passage and scores the result.
func Score(passages []Passage, ext tracker.ExtractFunc) Report {
	rep := Report{ByCategory: map[tracker.Category]*Counts{}, Fields: map[string]*[2]int{}}
	for _, c := range tracker.Categories() {
		rep.ByCategory[c] = &Counts{}
	}
	for _, p := range passages {
		rep.Passages++
		if len(p.Claims) == 0 {
			rep.Negatives++
		}
		d, _ := tracker.ParseDate(p.Published)
		res, err := ext(tracker.Report{Text: p.Text, Published: d})
		var got []tracker.Claim
		if err == nil {
			got = res.Claims
		}
		rep.scorePassage(p, got)
	}
	sort.SliceStable(rep.Misses, func(i, j int) bool { return rep.Misses[i].Strict && !rep.Misses[j].Strict })
	return rep
}

func (rep *Report) scorePassage(p Passage, got []tracker.Claim) {
	for _, g := range p.Claims {
		if !g.Prior {
			rep.Gold++
		}
	}
	// strict
	gm, pm := match(p.Claims, got, func(g *GoldClaim, c *tracker.Claim) bool {
		return g.Category == c.Category && g.interval().Equal(c.Interval)
	})
	for gi, g := range p.Claims {
		switch {
		case gm[gi] >= 0:
			rep.Strict.TP++
			rep.ByCategory[g.Category].TP++
			rep.fields(g, got[gm[gi]])
		case !g.Prior:
			rep.Strict.FN++
			rep.ByCategory[g.Category].FN++
			rep.Misses = append(rep.Misses, Miss{ID: p.ID, Kind: "missed", Strict: true, Claim: describeGold(g), Phrase: g.Phrase, Near: nearGot(g, got)})
		}
	}
	for ci, c := range got {
		if pm[ci] < 0 {
			rep.Strict.FP++
			if bc := rep.ByCategory[c.Category]; bc != nil {
				bc.FP++
			}
			rep.Misses = append(rep.Misses, Miss{ID: p.ID, Kind: "spurious", Strict: true, Claim: describe(c), Phrase: c.Span, Near: nearGold(c, p.Claims)})
		}
	}
	// loose
	gm, pm = match(p.Claims, got, func(g *GoldClaim, c *tracker.Claim) bool {
		return g.Category == c.Category && g.start < c.End && c.Start < g.end
	})
	for gi, g := range p.Claims {
		switch {
		case gm[gi] >= 0:
			rep.Loose.TP++
		case !g.Prior:
			rep.Loose.FN++
		}
	}
	for ci := range got {
		if pm[ci] < 0 {
			rep.Loose.FP++
		}
	}
}

// match pairs gold and found claims one-to-one, preferring pairs whose
// spans overlap. It returns, for each gold claim, the index of its found
// claim or -1, and the reverse.
func match(gold []GoldClaim, got []tracker.Claim, same func(*GoldClaim, *tracker.Claim) bool) ([]int, []int) {
	gm := make([]int, len(gold))
	pm := make([]int, len(got))
	for i := range gm {
		gm[i] = -1
	}
	for i := range pm {
		pm[i] = -1
	}
	for pass := 0; pass < 2; pass++ {
		for gi := range gold {
			if gm[gi] >= 0 {
				continue
			}
			g := &gold[gi]
			for ci := range got {
				c := &got[ci]
				if pm[ci] >= 0 || !same(g, c) {
					continue
				}
				if pass == 0 && !(g.start < c.End && c.Start < g.end) {
					continue
				}
				gm[gi], pm[ci] = ci, gi
				break
			}
		}
	}
	return gm, pm
}

func (rep *Report) fields(g GoldClaim, c tracker.Claim) {
	cmp := func(name string, want *string, got string) {
		if want == nil {
			return
		}
		f := rep.Fields[name]
		if f == nil {
			f = &[2]int{}
			rep.Fields[name] = f
		}
		f[1]++
		if strings.EqualFold(strings.TrimSpace(*want), strings.TrimSpace(got)) {
			f[0]++
		}
	}
	who, q := g.Who, string(g.Qualifier)
	cmp("who", &who, c.Who)
	cmp("qualifier", &q, string(c.Qualifier))
	cmp("where", g.Where, c.Where)
	cmp("attribution", g.Attribution, c.Attribution)
	if g.Scope != nil {
		s := string(*g.Scope)
		cmp("scope", &s, string(c.Scope))
	}
	cmp("vague", g.Vague, c.Vague)
}

func describeGold(g GoldClaim) string {
	return fmt.Sprintf("%s %s %s %s", g.Category, g.interval(), g.Qualifier, g.Who)
}

func describe(c tracker.Claim) string {
	s := fmt.Sprintf("%s %s %s %s", c.Category, c.Interval, c.Qualifier, c.Who)
	if c.Prior {
		s += " (prior)"
	}
	return s
}

func nearGot(g GoldClaim, got []tracker.Claim) string {
	for _, c := range got {
		if g.start < c.End && c.Start < g.end {
			return "found " + describe(c)
		}
	}
	return ""
}

func nearGold(c tracker.Claim, gold []GoldClaim) string {
	for _, g := range gold {
		if g.start < c.End && c.Start < g.end {
			return "annotated " + describeGold(g)
		}
	}
	return ""
}

// Write prints the report for people: the scores, per category, field
// agreement, and up to maxMisses misses (all when negative).
func (rep Report) Write(w io.Writer, maxMisses int) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "passages %d (%d with no claims), annotated claims %d\n\n", rep.Passages, rep.Negatives, rep.Gold)
	fmt.Fprintf(bw, "%-10s %9s %9s %9s %6s %6s %6s\n", "", "precision", "recall", "F1", "tp", "fp", "fn")
	row := func(name string, c Counts) {
		fmt.Fprintf(bw, "%-10s %9.3f %9.3f %9.3f %6d %6d %6d\n", name, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
	}
	row("strict", rep.Strict)
	row("loose", rep.Loose)
	fmt.Fprintf(bw, "\nstrict, per category\n")
	for _, cat := range tracker.Categories() {
		if c := rep.ByCategory[cat]; c != nil && c.TP+c.FP+c.FN > 0 {
			row(string(cat), *c)
		}
	}
	if len(rep.Fields) > 0 {
		fmt.Fprintf(bw, "\nfield agreement on strict matches\n")
		names := make([]string, 0, len(rep.Fields))
		for n := range rep.Fields {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			f := rep.Fields[n]
			fmt.Fprintf(bw, "%-12s %6.3f  (%d of %d)\n", n, float64(f[0])/float64(max(f[1], 1)), f[0], f[1])
		}
	}
	strictMisses := 0
	for _, m := range rep.Misses {
		if m.Strict {
			strictMisses++
		}
	}
	if strictMisses > 0 && maxMisses != 0 {
		fmt.Fprintf(bw, "\nstrict misses (%d)\n", strictMisses)
		n := 0
		for _, m := range rep.Misses {
			if !m.Strict {
				continue
			}
			if maxMisses > 0 && n >= maxMisses {
				fmt.Fprintf(bw, "… %d more (use --misses -1 for all)\n", strictMisses-n)
				break
			}
			n++
			fmt.Fprintf(bw, "%-8s %-8s %s  “%s”", m.ID, m.Kind, m.Claim, oneLine(m.Phrase))
			if m.Near != "" {
				fmt.Fprintf(bw, "  [%s]", m.Near)
			}
			fmt.Fprintln(bw)
		}
	}
	return bw.Flush()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
