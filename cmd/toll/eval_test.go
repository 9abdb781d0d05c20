package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tollproject/toll/tracker/eval"
	"github.com/tollproject/toll/tracker/extract"
)

// TestSeriesScenarios scores toll's series and findings on the scenario
// events of testdata/series (reports of evolving events written for toll,
// with an analyst's series labels, expected findings and traps). The
// floors are what the report-context series reached when they landed;
// before it (series keyed by each sentence's own words) the same set
// scored series F1 0.507 with 54 of 79 findings comparing two quantities,
// 3 of 42 expected findings raised and 9 of 65 traps flagged. Raise a
// floor when a change lifts the score; never lower one to let a change in.
func TestSeriesScenarios(t *testing.T) {
	rep := scoreScenarioDir(t, "../../testdata/series", 8)
	if f1 := rep.F1(); f1 < 0.86 {
		t.Errorf("series B-cubed F1 %.3f, floor 0.86", f1)
	}
	if rep.Raised < 23 {
		t.Errorf("expected findings raised %d of %d, floor 23", rep.Raised, rep.Expected)
	}
	if rep.Flagged > 2 {
		t.Errorf("traps flagged %d of %d, ceiling 2", rep.Flagged, rep.Traps)
	}
	if rep.Findings > 0 && float64(rep.FalseAlarms)/float64(rep.Findings) > 0.15 {
		t.Errorf("%d of %d findings compare two quantities, ceiling 15%%", rep.FalseAlarms, rep.Findings)
	}
}

// TestHeldOutScenarios keeps what the held-out events score from falling
// back: they were written without reading the rules and first scored F1
// 0.711 with 35 of 84 findings false alarms (testdata/series-heldout/README.md).
func TestHeldOutScenarios(t *testing.T) {
	rep := scoreScenarioDir(t, "../../testdata/series-heldout", 4)
	if f1 := rep.F1(); f1 < 0.81 {
		t.Errorf("held-out series B-cubed F1 %.3f, floor 0.81", f1)
	}
	if rep.FalseAlarms > 10 {
		t.Errorf("held-out: %d of %d findings compare two quantities, ceiling 10", rep.FalseAlarms, rep.Findings)
	}
	if rep.Flagged > 1 {
		t.Errorf("held-out traps flagged %d of %d, ceiling 1", rep.Flagged, rep.Traps)
	}
	if rep.Raised < 5 {
		t.Errorf("held-out: expected findings raised %d of %d, floor 5", rep.Raised, rep.Expected)
	}
}

// TestSecondHeldOutScenarios holds the second held-out set (four events of
// 2025, written without reading the rules, first scored series F1 0.709
// with 20 of 32 findings false alarms: testdata/series-heldout2/README.md)
// to what it scores now (0.709, 12 of 26), and so also checks its files
// still read.
func TestSecondHeldOutScenarios(t *testing.T) {
	rep := scoreScenarioDir(t, "../../testdata/series-heldout2", 4)
	if f1 := rep.F1(); f1 < 0.70 {
		t.Errorf("held-out 2 series B-cubed F1 %.3f, floor 0.70", f1)
	}
	if rep.FalseAlarms > 12 {
		t.Errorf("held-out 2: %d of %d findings compare two quantities, ceiling 12", rep.FalseAlarms, rep.Findings)
	}
	if rep.Flagged > 3 {
		t.Errorf("held-out 2 traps flagged %d of %d, ceiling 3", rep.Flagged, rep.Traps)
	}
}

// scoreScenarioDir scores every scenario file of dir, all in one store.
func scoreScenarioDir(t *testing.T, dir string, atLeast int) eval.SeriesReport {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil || len(files) < atLeast {
		t.Fatalf("want at least %d scenario events in %s, found %d (%v)", atLeast, dir, len(files), err)
	}
	var scenarios []*eval.Scenario
	for _, f := range files {
		r, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		s, err := eval.ReadScenario(r, filepath.Base(f))
		r.Close()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		scenarios = append(scenarios, s)
	}
	rep, err := eval.ScoreSeries(scenarios, extract.Report, resolveSeries)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: series P %.3f R %.3f F1 %.3f; findings %d, false alarms %d; raised %d of %d; traps flagged %d of %d",
		dir, rep.BCubedP, rep.BCubedR, rep.F1(), rep.Findings, rep.FalseAlarms, rep.Raised, rep.Expected, rep.Flagged, rep.Traps)
	return rep
}
