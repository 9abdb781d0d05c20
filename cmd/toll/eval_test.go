package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tollproject/toll/tracker/eval"
	"github.com/tollproject/toll/tracker/extract"
)

// TestSeriesScenarios scores toll's series and findings on the scenario
// sets (reports of evolving events written for toll, with an analyst's
// series labels, expected findings and traps), each set read into one
// store, and holds each to floors. testdata/series is the development set:
// before report context (series keyed by each sentence's own words) it
// scored series F1 0.507 with 54 of 79 findings comparing two quantities,
// 3 of 42 expected findings raised and 9 of 65 traps flagged. The five
// held-out sets were written without reading the rules and first scored
// F1 0.711 with 35 of 84 findings false alarms, F1 0.709 with 20 of 32,
// F1 0.675 with 15 of 29 and no expected finding raised, F1 0.719 with
// 20 of 32 and 1 of 13 raised, and F1 0.690 with 14 of 39 and 2 of 10
// raised (their READMEs); the eighth (series-heldout8) first scored F1
// 0.784 with 4 of 35 findings false alarms, 3 of 8 raised and 2 of 61
// traps flagged; the ninth (series-heldout9) F1 0.801 (0.797 once a
// missing label was added) with 0 of 12 false alarms, 3 of 8 raised and
// 2 of 62 traps flagged; the tenth (series-heldout10) F1 0.765 (0.767
// once two missing labels were added) with 2 of 11 false alarms, 3 of 11
// raised and 4 of 65 traps flagged. The floors are what lands; raise one when a
// change lifts the score, never lower one to let a change in.
func TestSeriesScenarios(t *testing.T) {
	tests := []struct {
		dir             string
		files           int
		f1              float64
		raised          int // at least
		traps           int // at most
		falseAlarms     int // at most, or -1 for the share below
		falseAlarmShare float64
	}{
		{dir: "series", files: 8, f1: 0.88, raised: 29, traps: 0, falseAlarms: -1, falseAlarmShare: 0.10},
		{dir: "series-heldout", files: 4, f1: 0.91, raised: 12, traps: 0, falseAlarms: 1},
		{dir: "series-heldout2", files: 4, f1: 0.79, raised: 6, traps: 1, falseAlarms: 4},
		{dir: "series-heldout3", files: 4, f1: 0.83, raised: 3, traps: 2, falseAlarms: 2},
		{dir: "series-heldout4", files: 5, f1: 0.79, raised: 4, traps: 2, falseAlarms: 11},
		// (set 5's third trap: once Tai Po's toll is Hong Kong's, the fire
		// services' 94 of a morning and the security secretary's 128 of
		// that afternoon are two origins far apart on one day, a finding;
		// the set calls them bulletins of one count)
		{dir: "series-heldout5", files: 5, f1: 0.90, raised: 9, traps: 2, falseAlarms: 2},
		{dir: "series-heldout6", files: 5, f1: 0.87, raised: 5, traps: 2, falseAlarms: 6},
		{dir: "series-heldout7", files: 5, f1: 0.87, raised: 3, traps: 0, falseAlarms: 0},
		// (one of set 8's traps: a stale repeat cites where the figure it
		// ignores was first given, and the Magdeburg feature's "more
		// than 200" injured after 299 was already one, citing the news
		// agency's 299 of 6 January; it now cites the Rundschau's 299 of
		// 3 January too, which the set calls consistent with it. Landed
		// for five expected stale repeats raised on four other sets)
		{dir: "series-heldout8", files: 5, f1: 0.84, raised: 5, traps: 2, falseAlarms: 3},
		{dir: "series-heldout9", files: 5, f1: 0.85, raised: 6, traps: 0, falseAlarms: 0},
		// (set 10 at landing: the Sri Lanka health ministry's 253 after
		// 359 is raised as a revision, the set's label a decrease; the
		// Sainthamaruthu raid's 15 and the admitted 485 are its two false
		// alarms)
		{dir: "series-heldout10", files: 5, f1: 0.83, raised: 5, traps: 4, falseAlarms: 2},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			rep := scoreScenarioDir(t, filepath.Join("../../testdata", tt.dir), tt.files)
			if f1 := rep.F1(); f1 < tt.f1 {
				t.Errorf("series B-cubed F1 %.3f, floor %.2f", f1, tt.f1)
			}
			if rep.Raised < tt.raised {
				t.Errorf("expected findings raised %d of %d, floor %d", rep.Raised, rep.Expected, tt.raised)
			}
			if rep.Flagged > tt.traps {
				t.Errorf("traps flagged %d of %d, ceiling %d", rep.Flagged, rep.Traps, tt.traps)
			}
			if tt.falseAlarms >= 0 && rep.FalseAlarms > tt.falseAlarms {
				t.Errorf("%d of %d findings compare two quantities, ceiling %d", rep.FalseAlarms, rep.Findings, tt.falseAlarms)
			}
			if tt.falseAlarms < 0 && rep.Findings > 0 && float64(rep.FalseAlarms)/float64(rep.Findings) > tt.falseAlarmShare {
				t.Errorf("%d of %d findings compare two quantities, ceiling %.0f%%", rep.FalseAlarms, rep.Findings, 100*tt.falseAlarmShare)
			}
		})
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
