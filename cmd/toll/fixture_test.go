package main

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/bolt"
)

// TestStoreFixture keeps testdata/store/fixture.jsonl, the database the
// store commands' golden tests start from. It is an export of the reports
// in testdata/store/reports (named DATE-outlet-words.txt) as the extractor
// read them when it was last regenerated with -update; keeping the claims
// fixed there keeps the golden files about the commands, not about the
// extractor. Without -update it checks that the fixture holds exactly
// those texts, with their dates and outlets.
func TestStoreFixture(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(storeTestdata, "reports", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no reports in %s/reports: %v", storeTestdata, err)
	}
	sort.Strings(files)
	var want []bolt.NewReport
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		words := strings.Split(name[11:], "-")
		for i, w := range words {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
		want = append(want, bolt.NewReport{Source: strings.Join(words, " "), Published: tracker.MustDate(name[:10]),
			Title: strings.SplitN(string(b), "\n", 2)[0], Text: string(b)})
	}
	fixture := filepath.Join(storeTestdata, "fixture.jsonl")
	if updating() {
		db, err := bolt.Open(filepath.Join(t.TempDir(), "toll.db"), bolt.Options{Now: testClock(), NoSync: true})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		for _, nr := range want {
			if _, err := db.Add([]bolt.NewReport{nr}); err != nil {
				t.Fatal(err)
			}
		}
		var buf bytes.Buffer
		if err := db.Export(&buf, bolt.FormatJSONL); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(fixture, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := fixtureDB(t)
	db, err := bolt.Open(path, bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, nr := range want {
		r, err := db.Report(tracker.ReportID(nr.Text))
		if err != nil {
			t.Errorf("%s is not in the fixture (go test -update regenerates it): %v", nr.Title, err)
			continue
		}
		if r.Source != nr.Source || r.Published != nr.Published || r.Title != nr.Title {
			t.Errorf("fixture report %s: %q %s %q; want %q %s %q", r.ID, r.Source, r.Published, r.Title, nr.Source, nr.Published, nr.Title)
		}
	}
	n := 0
	_ = db.EachReport(func(bolt.ReportSummary) error { n++; return nil })
	if n != len(want) {
		t.Errorf("fixture holds %d reports, testdata/store/reports %d", n, len(want))
	}
}
