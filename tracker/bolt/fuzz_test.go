package bolt

import (
	"bufio"
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tollproject/toll/tracker"
)

// fuzzHang is how long one fuzz input may take before it counts as a
// hang; the seeds take milliseconds.
const fuzzHang = 20 * time.Second

// within runs fn and fails the test if it has not returned in fuzzHang.
func within(t *testing.T, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(fuzzHang):
		t.Fatalf("%s did not return in %v", what, fuzzHang)
	}
}

// importSeeds are the fuzz seeds of FuzzImport: the store fixture, a
// generated database (with a stored taxonomy) exported in every format,
// each of those cut after every line, and single lines of the JSONL
// export after its header.
func importSeeds(tb testing.TB) [][]byte {
	tb.Helper()
	var seeds [][]byte
	if b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "store", "fixture.jsonl")); err == nil {
		seeds = append(seeds, b)
	}
	db := mustOpen(tb, Options{})
	rng := rand.New(rand.NewPCG(9, 9))
	for i := range 3 {
		mustAdd(tb, db, genReport(rng, i, 600))
	}
	if err := db.Ack(tracker.Ack{Finding: "a:drop", Note: "seen, \"twice\""}); err != nil {
		tb.Fatal(err)
	}
	if err := db.SetTaxonomy(testTaxonomy); err != nil {
		tb.Fatal(err)
	}
	for _, format := range []string{FormatJSON, FormatJSONL, FormatCSV} {
		whole := mustExport(tb, db, format)
		seeds = append(seeds, whole)
		lines := bytes.SplitAfter(whole, []byte("\n"))
		for i := 1; i < len(lines) && i < 8; i++ {
			seeds = append(seeds, bytes.Join(lines[:i], nil))
		}
		if format == FormatJSONL {
			for _, l := range lines[1:] {
				seeds = append(seeds, append(append([]byte(nil), lines[0]...), l...))
			}
		}
	}
	return seeds
}

func TestImportSeedsNotEmpty(t *testing.T) {
	if n := len(importSeeds(t)); n < 20 {
		t.Fatalf("%d import seeds, want at least 20", n)
	}
}

// FuzzImport feeds arbitrary bytes to Import: no panic, no hang; a file
// Import refuses leaves the database empty (all or nothing); a file it
// takes exports, imports into another empty database and exports again
// to the same bytes, and Doctor finds nothing wrong with what it stored.
func FuzzImport(f *testing.F) {
	seeds := importSeeds(f)
	if len(seeds) == 0 {
		f.Fatal("no import seeds")
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		db := mustOpen(t, Options{})
		var err error
		within(t, "Import", func() { _, err = db.Import(bytes.NewReader(data), "fuzz") })
		if err != nil {
			n := 0
			db.EachReport(func(ReportSummary) error { n++; return nil })
			if n != 0 {
				t.Fatalf("a refused import (%v) left %d reports", err, n)
			}
			return
		}
		h, err := db.Doctor()
		if err != nil || !h.OK() {
			t.Fatalf("after an import Doctor says %+v, %v", h, err)
		}
		first := mustExport(t, db, FormatJSONL)
		again := mustOpen(t, Options{})
		if _, err := again.Import(bytes.NewReader(first), "export"); err != nil {
			t.Fatalf("the export of an import does not import: %v\n%s", err, first)
		}
		if second := mustExport(t, again, FormatJSONL); !bytes.Equal(first, second) {
			t.Fatalf("export → import → export changed: %s", firstDiff(first, second))
		}
	})
}

// openSeeds are the fuzz seeds of FuzzOpen: a small database file, and
// that file cut short and with its page headers scrambled.
func openSeeds(tb testing.TB) [][]byte {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "seed.db")
	db, err := testOpen(path, Options{NoSync: true, Now: fixedClock()})
	if err != nil {
		tb.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 7))
	for i := range 4 {
		mustAdd(tb, db, genReport(rng, i, 400))
	}
	if err := db.Ack(tracker.Ack{Finding: "a:drop", Note: "seen"}); err != nil {
		tb.Fatal(err)
	}
	db.Close()
	good, err := os.ReadFile(path)
	if err != nil || len(good) == 0 {
		tb.Fatalf("seed database: %d bytes, %v", len(good), err)
	}
	seeds := [][]byte{good, good[:len(good)/2], good[:8192], good[:4096]}
	for _, pg := range []int{2, 3, 4, 5} {
		if (pg+1)*4096 <= len(good) {
			b := bytes.Clone(good)
			b[pg*4096+8] ^= 0xff // the page's kind
			seeds = append(seeds, b)
		}
	}
	return seeds
}

// FuzzOpen opens mutated database files: no panic, no fault, no hang.
// Open, every listing, Export and Doctor either work or fail with one of
// the store's errors for a bad file; a writable Open that works can add a
// report or fails the same way.
func FuzzOpen(f *testing.F) {
	seeds := openSeeds(f)
	if len(seeds) == 0 {
		f.Fatal("no database seeds")
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "toll.db")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		known := func(what string, err error) {
			t.Helper()
			if err != nil && !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrNotDatabase) &&
				!errors.Is(err, ErrSchemaTooNew) && !errors.Is(err, ErrNeedsMigration) {
				t.Fatalf("%s: an error that is none of the store's for a bad file: %v", what, err)
			}
		}
		within(t, "the reads", func() {
			var skipped int
			db, err := testOpen(path, Options{ReadOnly: true, Timeout: time.Second, Damaged: func(Damaged) { skipped++ }})
			known("Open read-only", err)
			if err != nil {
				return
			}
			defer db.Close()
			known("EachClaim", db.EachClaim(ClaimFilter{}, func(tracker.StoredClaim) error { return nil }))
			known("EachReport", db.EachReport(func(ReportSummary) error { return nil }))
			w := bufio.NewWriter(&bytes.Buffer{})
			known("Export", db.Export(w, FormatJSONL))
			_, err = db.Doctor()
			known("Doctor", err)
		})
		within(t, "the write", func() {
			db, err := testOpen(path, Options{NoSync: true, Timeout: time.Second})
			known("Open", err)
			if err != nil {
				return
			}
			defer db.Close()
			_, err = db.Add([]NewReport{{Source: "Fuzz Wire", Published: tracker.MustDate("2023-10-09"), Text: "At least 12 people were killed in the blast."}})
			known("Add", err)
		})
	})
}
