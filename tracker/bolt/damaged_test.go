package bolt

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	bbolt "go.etcd.io/bbolt"

	"github.com/tollproject/toll/tracker"
)

// damagedDB builds a database of six reports and damages records in it
// the way a bug or a hand edit could: a claim with no versions, a report
// that does not decode, an index entry naming no report, an ack that does
// not decode, a claim of no report. It returns the path, the ids of the
// reports whose records were damaged, and the damaged record names.
func damagedDB(t *testing.T) (path string, ids []string, want []string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "toll.db")
	db, err := testOpen(path, Options{NoSync: true, Now: fixedClock()})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range 6 {
		ids = append(ids, mustAdd(t, db, genReport(rng, i, 1200))[0].Report.ID)
	}
	if err := db.Ack(tracker.Ack{Finding: "x:drop", Note: "seen"}); err != nil {
		t.Fatal(err)
	}
	slices.Sort(ids)
	// a compact claim's outlet, date and sentence are its report's, so the
	// claims of the report damaged below are damaged with it
	lost, err := db.Claims(ids[1])
	if err != nil || len(lost) == 0 {
		t.Fatalf("claims of %s: %d, %v", ids[1], len(lost), err)
	}
	db.Close()
	bdb, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = bdb.Update(func(tx *bbolt.Tx) error {
		cb := tx.Bucket(bucketClaims)
		return errors.Join(
			cb.Put(claimKey(ids[0], 2), []byte(`{"outlet":"x","published":"2023-10-09","versions":[]}`)),
			tx.Bucket(bucketReports).Put([]byte(ids[1]), []byte(`{"id":`)),
			tx.Bucket(bucketByDate).Put([]byte("2023-10-09T00:00:00Zfeedfacefeed"), nil),
			tx.Bucket(bucketAcks).Put([]byte("y:conflict"), []byte("not json")),
			cb.Put(claimKey("deadbeefdead", 1), []byte(`{}`)),
		)
	})
	bdb.Close()
	if err != nil {
		t.Fatal(err)
	}
	want = []string{
		"report " + ids[1],
		`index entry "2023-10-09T00:00:00Zfeedfacefeed"`,
		"claim " + ids[0] + "-2",
	}
	for _, sc := range lost {
		want = append(want, "claim "+sc.ID)
	}
	want = append(want, "claim deadbeefdead-1", `ack "y:conflict"`)
	return path, ids, want
}

// TestDamagedRecords is issue 10 item 10: one damaged record made every
// listing, check and export fail, and rm too, with no way to salvage the
// rest. With Options.Damaged each is skipped and named; without it the
// read still fails with ErrCorrupt; Doctor lists them all; Remove takes a
// damaged report away.
func TestDamagedRecords(t *testing.T) {
	path, ids, want := damagedDB(t)

	strictDB, err := testOpen(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := strictDB.EachClaim(ClaimFilter{}, func(tracker.StoredClaim) error { return nil }); !errors.Is(err, ErrCorrupt) {
		t.Errorf("EachClaim without Damaged: err = %v, want ErrCorrupt", err)
	}
	strictDB.Close()

	var seen []string
	db, err := testOpen(path, Options{ReadOnly: true, Damaged: func(d Damaged) { seen = append(seen, d.Record) }})
	if err != nil {
		t.Fatal(err)
	}
	claims := 0
	if err := db.EachClaim(ClaimFilter{}, func(tracker.StoredClaim) error { claims++; return nil }); err != nil {
		t.Errorf("EachClaim: %v", err)
	}
	reports := 0
	if err := db.EachReport(func(ReportSummary) error { reports++; return nil }); err != nil {
		t.Errorf("EachReport: %v", err)
	}
	if reports != 5 { // six, less the undecodable one
		t.Errorf("EachReport listed %d reports, want 5", reports)
	}
	// the claims of the report that does not decode are damaged with it:
	// their outlet, date and sentence are the report's
	seen = nil
	orphaned := 0
	db.EachClaim(ClaimFilter{Report: ids[1]}, func(tracker.StoredClaim) error { orphaned++; return nil })
	if orphaned != 0 || len(seen) == 0 || !strings.Contains(seen[0], ids[1]) {
		t.Errorf("claims of the report that does not decode: %d listed, %q named damaged; want none and all", orphaned, seen)
	}
	acks, err := db.Acks()
	if err != nil || len(acks) != 1 {
		t.Errorf("Acks = %v, %v; want the one sound ack", acks, err)
	}
	seen = nil
	var out bytes.Buffer
	if err := db.Export(&out, FormatJSONL); err != nil {
		t.Fatalf("Export: %v", err)
	}
	if !slices.Contains(seen, "report "+ids[1]) || !slices.Contains(seen, "claim "+ids[0]+"-2") {
		t.Errorf("Export named %q, want the damaged report and claim", seen)
	}
	h, err := db.Doctor()
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	var got []string
	for _, d := range h.Records {
		got = append(got, d.Record)
	}
	if !slices.Equal(got, want) {
		t.Errorf("Doctor records:\n got %q\nwant %q", got, want)
	}
	if len(h.Pages) != 0 || len(h.Check) != 0 || !h.CheckRun {
		t.Errorf("Doctor found page damage in a file whose pages are sound: %+v", h)
	}
	if h.Reports != 5 || h.Acks != 1 || h.Claims != claims {
		t.Errorf("Doctor counted %d reports, %d claims, %d acks; want 5, %d, 1", h.Reports, h.Claims, h.Acks, claims)
	}

	// The readable rest imports into a new database whole.
	fresh := mustOpen(t, Options{})
	res, err := fresh.Import(bytes.NewReader(out.Bytes()), "salvage.jsonl")
	if err != nil {
		t.Fatalf("Import of the salvaged export: %v", err)
	}
	if res.Reports != 5 || res.Claims != claims {
		t.Errorf("imported %d reports and %d claims, want 5 and %d", res.Reports, res.Claims, claims)
	}

	// Remove takes the damaged report and the report with the damaged
	// claim away, leaving no trace of either.
	db, err = testOpen(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, id := range ids[:2] {
		if _, err := db.Remove(id); err != nil {
			t.Errorf("Remove %s: %v", id, err)
		}
	}
	h, _ = db.Doctor()
	for _, d := range h.Records {
		if strings.Contains(d.Record, ids[0]) || strings.Contains(d.Record, ids[1]) {
			t.Errorf("after Remove, still damaged: %s", d.Record)
		}
	}
	if len(h.Records) != 3 {
		t.Errorf("after Remove, %d damaged records (%v), want the 3 others", len(h.Records), h.Records)
	}
}
