package bolt

import (
	"bytes"
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	bbolt "go.etcd.io/bbolt"

	"github.com/tollproject/toll/tracker"
)

// TestSightings re-adds one text under other outlets, dates and addresses
// and wants a sighting exactly when the copy says something the report
// and its earlier sightings do not, and never a claim more.
func TestSightings(t *testing.T) {
	db := mustOpen(t, Options{})
	first := NewReport{Source: "Levant Wire", URL: "https://levant.example/1", Published: tracker.MustDate("2023-10-16"), Text: seedText}
	res := mustAdd(t, db, first)[0]
	id, claims := res.Report.ID, res.Claims
	tests := []struct {
		name         string
		source, url  string
		day          string
		wantSighting bool
	}{
		{name: "the same copy again", source: "Levant Wire", url: "https://levant.example/1", day: "2023-10-16"},
		{name: "same outlet, no address or date given", source: "Levant Wire"},
		{name: "nothing given", source: ""},
		{name: "another outlet", source: "Cedar Times", url: "https://cedar.example/9", day: "2023-10-17", wantSighting: true},
		{name: "that outlet again, other spacing and case", source: "cedar  times", url: "https://cedar.example/9", day: "2023-10-17"},
		{name: "the first outlet on another date", source: "Levant Wire", day: "2023-10-18", wantSighting: true},
		{name: "another address only", url: "https://mirror.example/x", wantSighting: true},
		{name: "that address again", url: "https://mirror.example/x"},
	}
	var want []tracker.Sighting
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nr := NewReport{Source: tt.source, URL: tt.url, Text: seedText}
			if tt.day != "" {
				nr.Published = tracker.MustDate(tt.day)
			}
			got := mustAdd(t, db, nr)[0]
			if !got.Existing || got.Report.ID != id || got.Claims != claims {
				t.Fatalf("re-add = %+v, want the existing report %s with %d claims", got, id, claims)
			}
			if (got.Sighting != nil) != tt.wantSighting {
				t.Fatalf("Sighting = %+v, want one: %v", got.Sighting, tt.wantSighting)
			}
			if got.Sighting != nil {
				if got.Sighting.Source != tt.source || got.Sighting.URL != tt.url || got.Sighting.Published.String() != tt.day || got.Sighting.Added.IsZero() {
					t.Errorf("Sighting = %+v, want %s %s %s with the time it was added", got.Sighting, tt.source, tt.url, tt.day)
				}
				want = append(want, *got.Sighting)
			}
		})
	}
	got, err := db.Sightings(id[:6])
	if err != nil {
		t.Fatal(err)
	}
	if !sameSightings(got, want) {
		t.Errorf("Sightings = %+v, want %+v", got, want)
	}
	// The report and its claims are those of the first copy.
	r, _ := db.Report(id)
	if r.Source != "Levant Wire" || r.Published.String() != "2023-10-16" || r.URL != first.URL {
		t.Errorf("report = %s %s %s, want the first copy's", r.Source, r.Published, r.URL)
	}
	n := 0
	if err := db.EachClaim(ClaimFilter{}, func(sc tracker.StoredClaim) error {
		n++
		if sc.Outlet != "Levant Wire" {
			t.Errorf("claim %s outlet %q, want the first copy's", sc.ID, sc.Outlet)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if n != claims {
		t.Errorf("%d claims stored, want %d: a sighting has no claims", n, claims)
	}
	var listed []tracker.Sighting
	if err := db.EachReport(func(s ReportSummary) error { listed = s.Sightings; return nil }); err != nil {
		t.Fatal(err)
	}
	if !sameSightings(listed, want) {
		t.Errorf("EachReport sightings = %+v, want %+v", listed, want)
	}

	// Removing the report removes its sightings: the text added again is
	// a new report with none.
	if _, err := db.Remove(id); err != nil {
		t.Fatal(err)
	}
	if res := mustAdd(t, db, NewReport{Source: "Cedar Times", Published: tracker.MustDate("2023-10-17"), Text: seedText})[0]; res.Existing {
		t.Fatalf("after rm, re-add = %+v, want a new report", res)
	}
	if got, _ := db.Sightings(id); len(got) != 0 {
		t.Errorf("after rm and re-add, sightings %+v, want none", got)
	}
}

func sameSightings(a, b []tracker.Sighting) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Source != b[i].Source || a[i].URL != b[i].URL || a[i].Published.Compare(b[i].Published) != 0 || !a[i].Added.Equal(b[i].Added) {
			return false
		}
	}
	return true
}

// TestMigrateSightings opens a schema 2 database: schema 3 is schema 2
// with the sightings bucket, so a schema 2 file is made by removing it
// and writing "2". Read-only it needs migrating; opened for writing it is
// migrated in place, keeps its reports, and records sightings.
func TestMigrateSightings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "toll.db")
	db, err := testOpen(path, Options{Now: fixedClock()})
	if err != nil {
		t.Fatal(err)
	}
	mustAdd(t, db, NewReport{Source: "Levant Wire", Published: tracker.MustDate("2023-10-16"), Text: seedText})
	before := mustExport(t, db, FormatJSONL)
	err = db.update(func(tx *bbolt.Tx) error {
		if err := tx.DeleteBucket(bucketSightings); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keySchema, []byte("2"))
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	if _, err := testOpen(path, Options{ReadOnly: true}); !errors.Is(err, ErrNeedsMigration) {
		t.Fatalf("read-only open of schema 2: %v, want ErrNeedsMigration", err)
	}
	db, err = testOpen(path, Options{Now: fixedClock()})
	if err != nil {
		t.Fatalf("open of schema 2 for writing: %v", err)
	}
	defer db.Close()
	var schema string
	_ = db.view(func(tx *bbolt.Tx) error {
		schema = string(tx.Bucket(bucketMeta).Get(keySchema))
		if tx.Bucket(bucketSightings) == nil {
			t.Error("no sightings bucket after the migration")
		}
		return nil
	})
	if want := strconv.Itoa(Schema); schema != want {
		t.Errorf("schema after migration = %q, want %s", schema, want)
	}
	if after := mustExport(t, db, FormatJSONL); !bytes.Equal(before, after) {
		t.Errorf("the migration changed what is stored:\n%s", firstDiff(before, after))
	}
	res := mustAdd(t, db, NewReport{Source: "Cedar Times", Published: tracker.MustDate("2023-10-17"), Text: seedText})[0]
	if res.Sighting == nil {
		t.Errorf("after the migration, a copy by another outlet recorded no sighting")
	}
}

func TestImportBadSightings(t *testing.T) {
	src := mustOpen(t, Options{})
	mustAdd(t, src, NewReport{Source: "Levant Wire", Published: tracker.MustDate("2023-10-16"), Text: seedText})
	mustAdd(t, src, NewReport{Source: "Cedar Times", Published: tracker.MustDate("2023-10-17"), Text: seedText})
	jsonl := string(mustExport(t, src, FormatJSONL))
	csv := string(mustExport(t, src, FormatCSV))
	if !strings.Contains(jsonl, `"sightings":[{"source":"Cedar Times","url":"","published":"2023-10-17"`) {
		t.Fatalf("the JSONL export does not carry the sighting:\n%s", jsonl)
	}
	csvLines := strings.Split(csv, "\n")
	var sightingRow string
	for _, l := range csvLines {
		if strings.HasPrefix(l, "sighting,") {
			sightingRow = l
		}
	}
	if sightingRow == "" {
		t.Fatalf("the CSV export has no sighting row:\n%s", csv)
	}
	tests := []struct {
		name, file, want string
	}{
		{"empty sighting", strings.Replace(jsonl, `{"source":"Cedar Times","url":"","published":"2023-10-17"`, `{"source":"","url":"","published":""`, 1), "names no outlet, address or date"},
		{"unknown key in a sighting", strings.Replace(jsonl, `"source":"Cedar Times"`, `"outlet":"Cedar Times"`, 1), `unknown field "outlet"`},
		{"bad date", strings.Replace(jsonl, `"published":"2023-10-17"`, `"published":"17/10/2023"`, 1), "line 2"},
		{"csv sighting before its report", strings.Join(append([]string{csvLines[0], csvLines[1], sightingRow}, csvLines[2:]...), "\n"), "is not before them in the file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dst := mustOpen(t, Options{})
			_, err := dst.Import(strings.NewReader(tt.file), "x")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Import = %v, want an error with %q", err, tt.want)
			}
			if n := len(mustExport(t, dst, FormatJSONL)); n != len(`{"toll_export":1,"schema":`+itoa(Schema)+`}`)+1 {
				t.Errorf("a refused import stored something")
			}
		})
	}
}

// TestDamagedSighting writes a sighting that does not decode: listings
// fail naming it, or skip it with Options.Damaged; adding another copy
// still works and does not overwrite it; toll doctor names it.
func TestDamagedSighting(t *testing.T) {
	path := filepath.Join(t.TempDir(), "toll.db")
	db, err := testOpen(path, Options{Now: fixedClock()})
	if err != nil {
		t.Fatal(err)
	}
	id := mustAdd(t, db, NewReport{Source: "Levant Wire", Published: tracker.MustDate("2023-10-16"), Text: seedText})[0].Report.ID
	mustAdd(t, db, NewReport{Source: "Cedar Times", Text: seedText})
	if err := db.update(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketSightings).Put(sightingKey(id, 1), []byte("{not json"))
	}); err != nil {
		t.Fatal(err)
	}
	err = db.EachReport(func(ReportSummary) error { return nil })
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "sighting 1 of report "+id) {
		t.Errorf("EachReport over a damaged sighting: %v, want ErrCorrupt naming it", err)
	}
	if res := mustAdd(t, db, NewReport{Source: "Harbor Daily", Text: seedText})[0]; res.Sighting == nil {
		t.Errorf("adding a copy beside a damaged sighting recorded none")
	}
	h, err := db.Doctor()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range h.Records {
		found = found || d.Record == "sighting 1 of report "+id
	}
	if !found {
		t.Errorf("Doctor records %+v, want sighting 1 of report %s", h.Records, id)
	}
	db.Close()

	var damaged []Damaged
	db, err = testOpen(path, Options{Damaged: func(d Damaged) { damaged = append(damaged, d) }})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var listed []tracker.Sighting
	if err := db.EachReport(func(s ReportSummary) error { listed = s.Sightings; return nil }); err != nil {
		t.Fatalf("EachReport with Options.Damaged: %v", err)
	}
	if len(listed) != 1 || listed[0].Source != "Harbor Daily" || len(damaged) != 1 {
		t.Errorf("listed %+v and damaged %+v, want Harbor Daily and the damaged sighting", listed, damaged)
	}
}
