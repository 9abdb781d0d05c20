package bolt

import (
	"bytes"
	"encoding/csv"
	"errors"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	bbolt "go.etcd.io/bbolt"

	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/extract"
)

// mustDecide adds a decision and fails the test on an error.
func mustDecide(tb testing.TB, db *DB, d tracker.SeriesDecision) tracker.SeriesDecision {
	tb.Helper()
	got, err := db.AddDecision(d)
	if err != nil {
		tb.Fatalf("AddDecision(%v): %v", d, err)
	}
	return got
}

func TestAddDecision(t *testing.T) {
	db := mustOpen(t, Options{})
	rid := mustAdd(t, db, NewReport{Source: "Levant Wire", Published: tracker.MustDate("2023-10-16"), Text: seedText})[0].Report.ID
	claim := tracker.ClaimID(rid, 2)

	merge := mustDecide(t, db, tracker.SeriesDecision{Op: tracker.Merge, Series: "s11111111", Other: "s22222222"})
	if merge.ID != merge.MakeID() || merge.At.IsZero() {
		t.Errorf("stored %+v: want its id made and its time set", merge)
	}
	move := mustDecide(t, db, tracker.SeriesDecision{Op: tracker.Move, Claim: claim, Series: tracker.NewSeries})
	undo := mustDecide(t, db, tracker.SeriesDecision{Op: tracker.Undo, Undoes: merge.ID})

	tests := []struct {
		name string
		d    tracker.SeriesDecision
		want error
		says string
	}{
		{"invalid", tracker.SeriesDecision{Op: tracker.Merge, Series: "s1"}, tracker.ErrInvalidDecision, "other is empty"},
		{"id taken", tracker.SeriesDecision{ID: move.ID, Op: tracker.Name, Series: "s1", Text: "x"}, ErrCollision, move.ID},
		{"move a claim not stored", tracker.SeriesDecision{Op: tracker.Move, Claim: rid + "-99", Series: "s1"}, ErrNotFound, rid + "-99"},
		{"move a malformed claim id", tracker.SeriesDecision{Op: tracker.Move, Claim: "nonsense", Series: "s1"}, ErrNotFound, "nonsense"},
		{"undo nothing stored", tracker.SeriesDecision{Op: tracker.Undo, Undoes: "d00000000"}, ErrNotFound, "d00000000"},
		{"undo twice", tracker.SeriesDecision{Op: tracker.Undo, Undoes: merge.ID}, nil, "undone already"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := db.AddDecision(tt.d)
			if err == nil {
				t.Fatal("AddDecision succeeded")
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.says) {
				t.Errorf("err = %v, want it to say %q", err, tt.says)
			}
		})
	}
	got, err := db.Decisions()
	if err != nil {
		t.Fatal(err)
	}
	if want := []tracker.SeriesDecision{merge, move, undo}; !slices.EqualFunc(got, want, sameDecision) {
		t.Errorf("Decisions() = %+v, want %+v", got, want)
	}
}

func sameDecision(a, b tracker.SeriesDecision) bool {
	return a.ID == b.ID && a.Op == b.Op && a.Series == b.Series && a.Other == b.Other && a.Claim == b.Claim &&
		a.Text == b.Text && a.Undoes == b.Undoes && a.At.Equal(b.At)
}

// TestDecisionsSurviveReextract makes decisions about a report's claims,
// re-reads the report with a newer extractor, and finds the decisions
// unchanged and their claims under the same ids; export → import → export
// then gives the same bytes, decisions included.
func TestDecisionsSurviveReextract(t *testing.T) {
	path := filepath.Join(t.TempDir(), "toll.db")
	db, err := testOpen(path, Options{Now: fixedClock()})
	if err != nil {
		t.Fatal(err)
	}
	rid := mustAdd(t, db, NewReport{Source: "Levant Wire", Published: tracker.MustDate("2023-10-16"), Text: seedText})[0].Report.ID
	c := func(n int) string { return tracker.ClaimID(rid, n) }
	before, _ := db.Claim(c(1))
	made := []tracker.SeriesDecision{
		mustDecide(t, db, tracker.SeriesDecision{Op: tracker.Move, Claim: c(1), Series: tracker.NewSeries}),
		mustDecide(t, db, tracker.SeriesDecision{Op: tracker.Move, Claim: c(3), Series: "s33333333"}),
		mustDecide(t, db, tracker.SeriesDecision{Op: tracker.Name, Series: "s33333333", Text: `Toll, "national"`}),
		mustDecide(t, db, tracker.SeriesDecision{Op: tracker.Note, Series: "s33333333", Text: "the ministry's, not the army's"}),
	}
	made = append(made, mustDecide(t, db, tracker.SeriesDecision{Op: tracker.Undo, Undoes: made[2].ID}))
	db.Close()

	db, err = testOpen(path, Options{Now: fixedClock(), Extract: extractorV2, ExtractorVersion: "2"})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	res, err := db.Reextract(rid)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(res.Changed, c(1)) || !slices.Contains(res.Removed, c(3)) {
		t.Fatalf("reextract: %+v; want claim 1 changed and 3 removed", res)
	}
	got, err := db.Decisions()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(got, made, sameDecision) {
		t.Errorf("after reextract: decisions\n%+v\nwant\n%+v", got, made)
	}
	after, err := db.Claim(c(1))
	if err != nil || after.Claim.Interval.Equal(before.Claim.Interval) || after.Claim.Start != before.Claim.Start {
		t.Errorf("claim 1 after reextract: %+v, %v; want the same id and span with the new figure", after.Claim, err)
	}

	for _, format := range []string{FormatJSON, FormatJSONL, FormatCSV} {
		t.Run(format, func(t *testing.T) {
			first := mustExport(t, db, format)
			if !bytes.Contains(first, []byte(made[3].ID)) {
				t.Fatalf("the %s export has no decision %s", format, made[3].ID)
			}
			dst := mustOpen(t, Options{})
			r, err := dst.Import(bytes.NewReader(first), "x."+format)
			if err != nil {
				t.Fatal(err)
			}
			if r.Decisions != len(made) {
				t.Errorf("imported %d decisions, want %d", r.Decisions, len(made))
			}
			if second := mustExport(t, dst, format); !bytes.Equal(first, second) {
				t.Errorf("export → import → export differs:\n%s", firstDiff(first, second))
			}
			got, err := dst.Decisions()
			if err != nil || !slices.EqualFunc(got, made, sameDecision) {
				t.Errorf("imported decisions %+v, %v; want %+v", got, err, made)
			}
			// a second import of the same decisions collides, and stores nothing
			again := mustOpen(t, Options{})
			if _, err := again.AddDecision(made[3]); err != nil {
				t.Fatal(err)
			}
			if _, err := again.Import(bytes.NewReader(first), "x."+format); !errors.Is(err, ErrCollision) {
				t.Errorf("import over a stored decision: err = %v, want ErrCollision", err)
			}
		})
	}
}

func TestImportBadDecision(t *testing.T) {
	src := mustOpen(t, Options{})
	mustDecide(t, src, tracker.SeriesDecision{Op: tracker.Name, Series: "s1", Text: "a name"})
	jsonl := string(mustExport(t, src, FormatJSONL))
	lines := strings.Split(strings.TrimSuffix(jsonl, "\n"), "\n")
	tests := []struct {
		name, in string
		want     []string
	}{
		{"unknown op", strings.Replace(jsonl, `"op":"name"`, `"op":"rename"`, 1), []string{"line 2", "unknown decision op"}},
		{"undo of nothing", lines[0] + "\n" + `{"decision":{"id":"d2","op":"undo","undoes":"d1","at":"2024-01-01T00:00:00Z"}}` + "\n", []string{"line 2", "undo d1"}},
		{"twice", jsonl + lines[1] + "\n", []string{"line 3", ErrCollision.Error()}},
		{"before the header", lines[1] + "\n", []string{"line 1", "no export header"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := mustOpen(t, Options{})
			_, err := db.Import(strings.NewReader(tt.in), "in.jsonl")
			if err == nil {
				t.Fatal("Import succeeded")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("err = %v, want it to say %q", err, w)
				}
			}
			if ds, _ := db.Decisions(); len(ds) != 0 {
				t.Errorf("a failed import stored %d decisions", len(ds))
			}
		})
	}
}

// TestMigrateDecisions opens a schema 1 file (no decisions, no
// sightings bucket): read-only it needs migrating; writable it gains both
// buckets and the current schema, keeping its reports.
func TestMigrateDecisions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "toll.db")
	db, err := testOpen(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustAdd(t, db, NewReport{Published: tracker.MustDate("2023-10-16"), Text: seedText})
	err = db.update(func(tx *bbolt.Tx) error {
		if err := tx.DeleteBucket(bucketDecisions); err != nil {
			return err
		}
		if err := tx.DeleteBucket(bucketSightings); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keySchema, []byte("1"))
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	if _, err := testOpen(path, Options{ReadOnly: true}); !errors.Is(err, ErrNeedsMigration) {
		t.Fatalf("read-only open of schema 1: err = %v, want ErrNeedsMigration", err)
	}
	db, err = testOpen(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var schema string
	_ = db.view(func(tx *bbolt.Tx) error {
		schema = string(tx.Bucket(bucketMeta).Get(keySchema))
		return nil
	})
	if want := strconv.Itoa(Schema); schema != want {
		t.Errorf("schema after migrating: %q, want %s", schema, want)
	}
	if ok, err := db.Has(tracker.ReportID(seedText)); err != nil || !ok {
		t.Errorf("after migrating: report kept %v, %v", ok, err)
	}
	mustDecide(t, db, tracker.SeriesDecision{Op: tracker.Note, Series: "s1", Text: "after the migration"})
	if ds, err := db.Decisions(); err != nil || len(ds) != 1 {
		t.Errorf("decisions after migrating: %v, %v", ds, err)
	}
}

// TestImportSchema1CSV reads a CSV export written before decisions had
// columns.
func TestImportSchema1CSV(t *testing.T) {
	// schema 1 knew no report context either: claims without it
	noContext := func(r tracker.Report) (tracker.Extraction, error) {
		res, err := extract.Report(r)
		for i := range res.Claims {
			res.Claims[i].Context = tracker.Context{}
		}
		return res, err
	}
	src := mustOpen(t, Options{Extract: noContext, ExtractorVersion: extract.Version()})
	fillForExport(t, src)
	recs, err := csv.NewReader(bytes.NewReader(mustExport(t, src, FormatCSV))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var old bytes.Buffer
	w := csv.NewWriter(&old)
	for _, r := range recs {
		r = r[:len(csvColumnsSchema1)]
		if r[0] == "export" {
			r[3] = "1"
		}
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	dst := mustOpen(t, Options{})
	if _, err := dst.Import(&old, "old.csv"); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(mustExport(t, src, FormatJSONL), mustExport(t, dst, FormatJSONL)) {
		t.Errorf("a schema 1 CSV export imports as another database")
	}
}
