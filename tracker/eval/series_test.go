package eval

import (
	"math"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/tollproject/toll/tracker"
)

// miniScenario is two reports of one quake: the national death toll (in a
// headline and a body sentence of the first report, and the second
// report's body) and an injured count.
var miniScenario = strings.ReplaceAll(`{"scenario": "mini-quake", "kind": "earthquake", "note": "made up for the scorer's test"}
{"report": "r01", "outlet": "Atlas Wire", "published": "2023-09-09", "title": "Quake kills 296 in Morocco", "text": "At least 296 people were killed when the earthquake struck, the interior ministry said. Another 153 people were injured.", "claims": [
 {"id": "c0", "in": "title", "category": "killed", "low": 296, "high": 296, "qualifier": "exact", "who": "people", "phrase": "kills 296", "series": "killed"},
 {"id": "c1", "category": "killed", "low": 296, "high": null, "qualifier": "at_least", "who": "people", "phrase": "At least 296 people", "series": "killed"},
 {"id": "c2", "category": "injured", "low": 153, "high": 153, "qualifier": "exact", "who": "people", "phrase": "153 people were injured", "series": "injured"}]}
{"report": "r02", "outlet": "Harbor Daily", "published": "2023-09-10", "text": "The toll rose to 2,012, the ministry said.", "claims": [
 {"id": "c1", "category": "killed", "low": 2012, "high": 2012, "qualifier": "exact", "who": "people", "phrase": "rose to 2,012", "series": "killed"}]}
{"finding": "revision", "claims": ["r01.c1", "r02.c1"], "note": "made up"}
{"trap": "killed vs injured", "claims": ["r01.c1", "r01.c2"]}
`, "\n {", " {") // continuation lines join their report's line

// goldExtractor "extracts" exactly the gold claims of the scenario, so the
// test scores the series, not the extractor.
func goldExtractor(s *Scenario) tracker.ExtractFunc {
	return func(r tracker.Report) (tracker.Extraction, error) {
		for _, rp := range s.Reports {
			if rp.stored != r.Text {
				continue
			}
			var out tracker.Extraction
			for _, g := range rp.Claims {
				out.Claims = append(out.Claims, tracker.Claim{Category: g.Category, Interval: g.interval(),
					Qualifier: g.Qualifier, Who: g.Who, Scope: tracker.Cumulative, Start: g.start, End: g.end, Span: g.Phrase})
			}
			return out, nil
		}
		return tracker.Extraction{}, nil
	}
}

func mustScenario(tb testing.TB, text string) *Scenario {
	tb.Helper()
	s, err := ReadScenario(strings.NewReader(text), "mini.jsonl")
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func TestReadScenario(t *testing.T) {
	s := mustScenario(t, miniScenario)
	if got, want := len(s.Reports), 2; got != want {
		t.Fatalf("reports = %d, want %d", got, want)
	}
	r := s.Reports[0]
	if got, want := r.stored[r.Claims[0].start:r.Claims[0].end], "kills 296"; got != want {
		t.Errorf("title claim located at %q, want %q", got, want)
	}
	if got, want := r.stored[r.Claims[1].start:r.Claims[1].end], "At least 296 people"; got != want {
		t.Errorf("body claim located at %q, want %q", got, want)
	}
	if len(s.Findings) != 1 || len(s.Traps) != 1 {
		t.Errorf("findings %d traps %d, want 1 and 1", len(s.Findings), len(s.Traps))
	}
}

func TestReadScenarioErrors(t *testing.T) {
	header := `{"scenario": "x"}` + "\n"
	report := `{"report": "r01", "outlet": "O", "published": "2023-09-09", "text": "12 people were killed.", "claims": [{"id": "c1", "category": "killed", "low": 12, "high": 12, "qualifier": "exact", "who": "people", "phrase": "12 people", "series": "k"}]}` + "\n"
	tests := []struct{ name, text, want string }{
		{"no header", report, `mini.jsonl:1: bad corpus line: the first line must be`},
		{"no series", header + strings.Replace(report, `, "series": "k"`, "", 1), "mini.jsonl:2: bad corpus line: report r01 claim c1 has no series label"},
		{"phrase missing", header + strings.Replace(report, `"12 people"`, `"13 people"`, 1), `mini.jsonl:2: bad corpus line: report r01 claim c1: phrase "13 people" is not in the text`},
		{"unknown claim in finding", header + report + `{"finding": "decrease", "claims": ["r01.c9"]}`, `mini.jsonl:3: bad corpus line: claim "r01.c9" is not a claim of an earlier report`},
		{"title claim without title", header + strings.Replace(report, `"id": "c1",`, `"id": "c1", "in": "title",`, 1), "mini.jsonl:2: bad corpus line: claim c1 is in the title, but the report has none"},
		{"duplicate report", header + report + report, `mini.jsonl:3: bad corpus line: report "r01" already used on line 2`},
		{"unknown key", header + `{"report": "r01", "outlet": "O", "published": "2023-09-09", "text": "t", "claims": [], "date": "x"}`, `mini.jsonl:2: bad corpus line: json: unknown field "date"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadScenario(strings.NewReader(tt.text), "mini.jsonl")
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to start with %q", err, tt.want)
			}
		})
	}
}

func TestScoreSeries(t *testing.T) {
	s := mustScenario(t, miniScenario)
	ext := goldExtractor(s)
	idOf := func(report string, n int) string {
		for _, rp := range s.Reports {
			if rp.ID == report {
				return tracker.ClaimID(tracker.ReportID(rp.stored), n)
			}
		}
		t.Fatalf("no report %s", report)
		return ""
	}
	allOne := func(claims []tracker.StoredClaim) (Resolution, error) {
		res := Resolution{Series: map[string]string{}}
		for _, c := range claims {
			res.Series[c.ID] = "one"
		}
		// a finding citing the killed and injured claims: a trap and a false alarm
		res.Findings = []ResolvedFinding{{Kind: "sources_disagree", Claims: []string{idOf("r01", 2), idOf("r01", 3)}}}
		return res, nil
	}
	byCategory := func(claims []tracker.StoredClaim) (Resolution, error) {
		res := Resolution{Series: map[string]string{}}
		for _, c := range claims {
			res.Series[c.ID] = string(c.Claim.Category)
		}
		res.Findings = []ResolvedFinding{{Kind: "revision", Claims: []string{idOf("r01", 2), idOf("r02", 1)}}}
		return res, nil
	}
	tests := []struct {
		name                      string
		resolve                   Resolver
		p, r                      float64
		split, whole, multi       int
		falseAlarms, raised, flag int
	}{
		// one series of four: killed claims see 3 of 4 right (P 3/4), the
		// injured one 1 of 4 (P 1/4); recall is 1
		{"all in one", allOne, (3*0.75 + 0.25) / 4, 1, 2, 1, 1, 1, 0, 1},
		{"by category", byCategory, 1, 1, 2, 1, 1, 0, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ScoreSeries([]*Scenario{s}, ext, tt.resolve)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(got.BCubedP-tt.p) > 1e-9 || math.Abs(got.BCubedR-tt.r) > 1e-9 {
				t.Errorf("B-cubed P %.4f R %.4f, want %.4f %.4f", got.BCubedP, got.BCubedR, tt.p, tt.r)
			}
			if got.Split != tt.split || got.Whole != tt.whole || got.Multi != tt.multi {
				t.Errorf("split %d whole %d of %d, want %d, %d of %d", got.Split, got.Whole, got.Multi, tt.split, tt.whole, tt.multi)
			}
			if got.FalseAlarms != tt.falseAlarms || got.Raised != tt.raised || got.Flagged != tt.flag {
				t.Errorf("false alarms %d raised %d flagged %d, want %d %d %d", got.FalseAlarms, got.Raised, got.Flagged, tt.falseAlarms, tt.raised, tt.flag)
			}
			if got.Extraction.TP != 4 || got.Extraction.FP != 0 || got.Extraction.FN != 0 {
				t.Errorf("extraction %+v, want 4 true positives", got.Extraction)
			}
		})
	}
}

// TestScoreSeriesMisses checks that a claim the extractor misses counts as
// an extraction miss, leaves the series score to the claims found, and
// makes a finding that needs it unraisable.
func TestScoreSeriesMisses(t *testing.T) {
	s := mustScenario(t, miniScenario)
	ext := func(r tracker.Report) (tracker.Extraction, error) {
		res, err := goldExtractor(s)(r)
		var keep []tracker.Claim
		for _, c := range res.Claims {
			if !c.Interval.Low.Equal(decimal.NewFromInt(2012)) {
				keep = append(keep, c)
			}
		}
		res.Claims = keep
		return res, err
	}
	rep, err := ScoreSeries([]*Scenario{s}, ext, func(claims []tracker.StoredClaim) (Resolution, error) {
		return Resolution{Series: map[string]string{}}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Extraction.FN != 1 || rep.Matched != 3 || rep.Raised != 0 || rep.Expected != 1 {
		t.Errorf("fn %d matched %d raised %d of %d, want 1, 3, 0 of 1", rep.Extraction.FN, rep.Matched, rep.Raised, rep.Expected)
	}
	// every claim in no series is a series of its own: precision 1,
	// recall (1/2 + 1/2 + 1) / 3
	if math.Abs(rep.BCubedP-1) > 1e-9 || math.Abs(rep.BCubedR-2.0/3) > 1e-9 {
		t.Errorf("B-cubed P %.4f R %.4f, want 1 and 0.6667", rep.BCubedP, rep.BCubedR)
	}
}
