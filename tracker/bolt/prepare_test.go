package bolt

import (
	"errors"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/extract"
)

// TestParallelSameAsSequential adds, re-reads with a newer extractor and
// exports the same reports (a duplicate, a sighting, one without a date
// among them) one by one, and in batches on one core and on four, and
// checks that the results and the exported database, added times
// included, are the same byte for byte.
func TestParallelSameAsSequential(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	reports := make([]NewReport, 30)
	for i := range reports {
		reports[i] = genReport(rng, i, 1200)
	}
	reports[5].Published = tracker.Date{} // no date: an error for that one only
	reports[9] = reports[2]               // a text twice in one batch
	reports[20] = reports[3]              // a copy from another outlet: a sighting
	reports[20].Source = "Another Wire"
	run := func(procs, batch int) ([]AddResult, []ReextractResult, []byte) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		db := mustOpen(t, Options{})
		var added []AddResult
		for i := 0; i < len(reports); i += batch {
			res, err := db.Add(reports[i:min(i+batch, len(reports))])
			if err != nil {
				t.Fatal(err)
			}
			added = append(added, res...)
		}
		db.extract, db.extractor = perturbed("2"), "2"
		var re []ReextractResult
		if err := db.ReextractAll(false, 4, func(r ReextractResult) error { re = append(re, r); return nil }); err != nil {
			t.Fatal(err)
		}
		return added, re, mustExport(t, db, FormatJSONL)
	}
	// One report an Add reads the clock in input order, as the store
	// always did; a batch must read it in the same order.
	_, _, expOne := run(1, 1)
	add1, re1, exp1 := run(1, 7)
	add4, re4, exp4 := run(4, 7)
	if string(exp1) != string(expOne) {
		t.Error("the database added in batches exports differently from the one added report by report")
	}
	if len(add1) != len(reports) || !errors.Is(add1[5].Err, ErrNoDate) || !add1[9].Existing || add1[20].Sighting == nil {
		t.Fatalf("sequential add: %d results, report 5 %v, report 9 existing %v, report 20 sighting %v",
			len(add1), add1[5].Err, add1[9].Existing, add1[20].Sighting)
	}
	for i := range add1 {
		a, b := add1[i], add4[i]
		if a.Report.ID != b.Report.ID || a.Claims != b.Claims || a.Existing != b.Existing || (a.Err == nil) != (b.Err == nil) ||
			(a.Sighting == nil) != (b.Sighting == nil) || a.Report.Added != b.Report.Added {
			t.Errorf("report %d: parallel add gave %+v, sequential %+v", i, b, a)
		}
	}
	if len(re1) != len(re4) || len(re1) == 0 {
		t.Fatalf("re-read %d reports in parallel, %d in sequence", len(re4), len(re1))
	}
	for i := range re1 {
		if re1[i].ReportID != re4[i].ReportID || len(re1[i].Changed) != len(re4[i].Changed) || len(re1[i].Added) != len(re4[i].Added) {
			t.Errorf("reextract %d: parallel %+v, sequential %+v", i, re4[i], re1[i])
		}
	}
	if string(exp1) != string(exp4) {
		t.Error("the database built on four workers exports differently from the one built on one")
	}
}

// TestAddExtractorPanics checks that an extractor that panics on one
// report, on a worker goroutine, costs that report alone.
func TestAddExtractorPanics(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	bad := genReport(rand.New(rand.NewPCG(1, 1)), 0, 800)
	db := mustOpen(t, Options{Extract: func(r tracker.Report) (tracker.Extraction, error) {
		if r.Text == bad.Text {
			panic("rule failed")
		}
		return extract.Report(r)
	}, ExtractorVersion: "1"})
	rng := rand.New(rand.NewPCG(2, 2))
	batch := []NewReport{genReport(rng, 1, 800), bad, genReport(rng, 2, 800)}
	res, err := db.Add(batch)
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(res[1].Err, tracker.ErrInternal) {
		t.Errorf("the panicking report: %v, want ErrInternal", res[1].Err)
	}
	if res[0].Err != nil || res[2].Err != nil || res[0].Claims == 0 || res[2].Claims == 0 {
		t.Errorf("the other reports: %+v, %+v", res[0], res[2])
	}
}
