package reconcile

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/extract"
)

var update = flag.Bool("update", false, "rewrite the golden files under ../testdata/reconcile")

// scenarioReport is one report of a scenario directory.
type scenarioReport struct {
	File      string `json:"file"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	text      string
	id        string
}

// num returns the report's number, the file name's NN- prefix.
func (r scenarioReport) num() string { return r.File[:2] }

// MustScenario reads ../testdata/scenarios/<name>: the manifest and the
// report texts.
func MustScenario(tb testing.TB, name string) []scenarioReport {
	tb.Helper()
	dir := filepath.Join("..", "testdata", "scenarios", name)
	f, err := os.Open(filepath.Join(dir, "manifest.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []scenarioReport
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r scenarioReport
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			tb.Fatalf("%s manifest: %v", name, err)
		}
		b, err := os.ReadFile(filepath.Join(dir, r.File))
		if err != nil {
			tb.Fatal(err)
		}
		r.text = string(b)
		r.id = tracker.ReportID(r.text)
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	if len(out) == 0 {
		tb.Fatalf("scenario %s has no reports", name)
	}
	return out
}

// hand is a claim written by hand for a scenario: what a careful reader
// takes from the span in report file NN.
type hand struct {
	file  string // the report's NN
	span  string // a phrase of the text holding the figure
	cat   tracker.Category
	who   string
	where string
	attr  string
	q     tracker.Qualifier
	n     []int64 // the stated number, two for a range
	scope tracker.Scope
	// optional
	revised, prior bool
	from, to       string
	vague          string
	asOf           string
}

// MustHandClaims turns hand claims into stored claims of the scenario's
// reports: ids are the report's id and the claim's place in text order,
// spans and sentences are looked up in the text.
func MustHandClaims(tb testing.TB, reports []scenarioReport, hs []hand) []tracker.StoredClaim {
	tb.Helper()
	byFile := map[string]scenarioReport{}
	for _, r := range reports {
		byFile[r.num()] = r
	}
	type placed struct {
		sc    tracker.StoredClaim
		start int
	}
	var ps []placed
	for _, h := range hs {
		r, ok := byFile[h.file]
		if !ok {
			tb.Fatalf("no report %s", h.file)
		}
		start := strings.Index(r.text, h.span)
		if start < 0 {
			tb.Fatalf("report %s: span %q not in the text", h.file, h.span)
		}
		end := start + len(h.span)
		lineStart := strings.LastIndex(r.text[:start], "\n") + 1
		lineEnd := strings.Index(r.text[end:], "\n")
		if lineEnd < 0 {
			lineEnd = len(r.text)
		} else {
			lineEnd += end
		}
		var iv tracker.Interval
		if h.q == tracker.Range {
			iv = tracker.RangeInterval(decimal.NewFromInt(h.n[0]), decimal.NewFromInt(h.n[1]))
		} else {
			iv = tracker.Bounds(h.q, decimal.NewFromInt(h.n[0]))
		}
		asOf := tracker.MustDate(r.Published)
		if h.asOf != "" {
			asOf = tracker.MustDate(h.asOf)
		}
		c := tracker.Claim{
			Category: h.cat, Interval: iv, Qualifier: h.q, Vague: h.vague, Who: h.who, Where: h.where,
			Attribution: h.attr, AsOf: asOf, Scope: h.scope, From: h.from, To: h.to,
			Prior: h.prior, Revised: h.revised, Start: start, End: end, Span: h.span,
			Sentence: strings.TrimSpace(r.text[lineStart:lineEnd]),
		}
		if err := c.Validate(); err != nil {
			tb.Fatalf("report %s, %q: %v", h.file, h.span, err)
		}
		ps = append(ps, placed{tracker.StoredClaim{ReportID: r.id, Outlet: r.Outlet,
			Published: tracker.MustDate(r.Published), Claim: c, Status: tracker.Unreviewed}, start})
	}
	slices.SortStableFunc(ps, func(a, b placed) int {
		if c := strings.Compare(a.sc.ReportID, b.sc.ReportID); c != 0 {
			return c
		}
		return a.start - b.start
	})
	out := make([]tracker.StoredClaim, len(ps))
	n := 0
	for i, p := range ps {
		if i > 0 && ps[i-1].sc.ReportID != p.sc.ReportID {
			n = 0
		}
		n++
		p.sc.ID = tracker.ClaimID(p.sc.ReportID, n)
		out[i] = p.sc
	}
	return out
}

// MustExtracted runs extract.Extract on every report of a scenario and
// stores the claims as toll would.
func MustExtracted(tb testing.TB, reports []scenarioReport) []tracker.StoredClaim {
	tb.Helper()
	var out []tracker.StoredClaim
	for _, r := range reports {
		res, err := extract.Extract(r.text, extract.Options{Date: tracker.MustDate(r.Published)})
		if err != nil {
			tb.Fatalf("extract %s: %v", r.File, err)
		}
		for i, c := range res.Claims {
			out = append(out, tracker.StoredClaim{ID: tracker.ClaimID(r.id, i+1), ReportID: r.id, Outlet: r.Outlet,
				Published: tracker.MustDate(r.Published), Claim: c, Status: tracker.Unreviewed})
		}
	}
	return out
}

// signature writes a finding without ids, so that findings over hand
// claims and over extracted claims compare: "decrease/error 02:1,000
// 03:967" (report number and figure of each claim, in the finding's order).
func signature(f Finding, reports []scenarioReport) string {
	num := map[string]string{}
	for _, r := range reports {
		num[r.id] = r.num()
	}
	parts := []string{string(f.Kind) + "/" + string(f.Severity)}
	for _, c := range f.Claims {
		parts = append(parts, num[c.Report]+":"+c.Figure)
	}
	return strings.Join(parts, " ")
}

func signatures(fs Findings, reports []scenarioReport) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = signature(f, reports)
	}
	slices.Sort(out)
	return out
}

// MustCheck runs Check and fails the test on an error.
func MustCheck(tb testing.TB, claims []tracker.StoredClaim, opts Options) Findings {
	tb.Helper()
	fs, err := Check(claims, opts)
	if err != nil {
		tb.Fatal(err)
	}
	return fs
}
