package bolt

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	bbolt "go.etcd.io/bbolt"

	"github.com/tollproject/toll/tracker"
)

// checkIndex fails unless db's claim index agrees with its claims: every
// claim that decodes has a record made from its current value, a whole
// record gives back exactly the decoded claim, a partial one its
// category and status; no record is left without its claim; the strings
// bucket and its ids are one bijection; and CurrentClaims reads the same
// claims from the index as by decoding them all. It returns the number of
// whole records.
func checkIndex(tb testing.TB, db *DB) int {
	tb.Helper()
	whole := 0
	err := db.view(func(tx *bbolt.Tx) error {
		in := newInterner()
		cd := newClaimDecoder(tx, true, in)
		ir := newIndexReader(tx, in)
		if ir == nil {
			tb.Fatal("the database has no index")
		}
		ib := tx.Bucket(bucketIndex)
		err := tx.Bucket(bucketClaims).ForEach(func(k, v []byte) error {
			rid, n := splitClaimKey(k)
			rec, err := cd.decode(rid, n, v)
			if err != nil {
				return nil // damaged: no record needed, readers decode it
			}
			r := ib.Get(k)
			if r == nil {
				tb.Errorf("claim %s has no index record", tracker.ClaimID(rid, n))
				return nil
			}
			if got, want := binary.BigEndian.Uint32(r[ixCRC:]), valueCRC(v); got != want {
				tb.Errorf("claim %s: its index record is of another value (crc %#x, the value's %#x)", tracker.ClaimID(rid, n), got, want)
				return nil
			}
			want := rec.stored(rid, n)
			if f := tracker.TextFlags(binary.BigEndian.Uint16(r[ixText:])); db.flagsKept && f != 0 && f != db.textFlags(&want.Claim) {
				tb.Errorf("claim %s: text flags %#x stored, %#x made from its text", want.ID, f, db.textFlags(&want.Claim))
			}
			if r[ixFlags]&ixPartial != 0 {
				if r[ixCategory] != enumIndex(want.Claim.Category, tracker.Categories()) || r[ixStatus] != enumIndex(want.Status, tracker.Statuses()) {
					tb.Errorf("claim %s: partial record category %d status %d, claim %s %s", want.ID, r[ixCategory], r[ixStatus], want.Claim.Category, want.Status)
				}
				return nil
			}
			got, ok := ir.claim(r, v, rid, n, func() (storedReport, error) { return cd.headOf(rid) })
			if !ok {
				tb.Errorf("claim %s: its whole index record does not read", want.ID)
				return nil
			}
			whole++
			if !sameCurrent(got, want) {
				tb.Errorf("claim %s from the index:\n%+v\ndecoded:\n%+v", want.ID, got, want)
			}
			return nil
		})
		if err != nil {
			return err
		}
		claims := tx.Bucket(bucketClaims)
		_ = ib.ForEach(func(k, _ []byte) error {
			if claims.Get(k) == nil {
				rid, n := splitClaimKey(k)
				tb.Errorf("index record %s has no claim", tracker.ClaimID(rid, n))
			}
			return nil
		})
		ids := tx.Bucket(bucketStringIDs)
		strs := tx.Bucket(bucketStrings)
		if a, b := strs.Stats().KeyN, ids.Stats().KeyN; a != b {
			tb.Errorf("%d interned strings, %d ids", a, b)
		}
		return strs.ForEach(func(s, id []byte) error {
			if back := ids.Get(id); !bytes.Equal(back, s) {
				tb.Errorf("string %q has id %x, which names %q", s, id, back)
			}
			return nil
		})
	})
	if err != nil {
		tb.Fatal(err)
	}
	fromIndex, err := db.CurrentClaims(tb.Context())
	if err != nil {
		tb.Fatal(err)
	}
	for _, way := range []struct {
		name                  string
		noIndex, bySeek, drop bool
	}{{"decoded", true, false, false}, {"by seeks", false, true, false}, {"decoded by seeks", true, true, false},
		{"dropping the mapped pages at each claim", false, false, true}} {
		db.noIndex, db.bySeek = way.noIndex, way.bySeek
		drops := 0
		if way.drop {
			db.dropEvery, db.dropped = 1, func() { drops++ }
		}
		other, err := db.CurrentClaims(tb.Context())
		db.noIndex, db.bySeek, db.dropEvery, db.dropped = false, false, 0, nil
		if err != nil {
			tb.Fatal(err)
		}
		if way.drop && len(other) > 0 && drops <= len(other) {
			tb.Errorf("CurrentClaims dropping the mapped pages at each claim: %d drops for %d claims", drops, len(other))
		}
		if len(fromIndex) != len(other) {
			tb.Fatalf("CurrentClaims: %d claims from the index in one walk, %d %s", len(fromIndex), len(other), way.name)
		}
		for i := range other {
			if !sameCurrent(fromIndex[i], other[i]) || fromIndex[i].Versions != nil || fromIndex[i].TextFlags != other[i].TextFlags {
				tb.Fatalf("CurrentClaims[%d] from the index in one walk:\n%+v\n%s:\n%+v", i, fromIndex[i], way.name, other[i])
			}
		}
	}
	if db.textFlags != nil {
		for _, sc := range fromIndex {
			if got, want := sc.TextFlags, db.textFlags(&sc.Claim); got != want {
				tb.Errorf("CurrentClaims: claim %s has text flags %#x, its text %#x", sc.ID, got, want)
			}
		}
	}
	return whole
}

// sameCurrent reports whether two claims read for reconciling are the
// same, field by field.
func sameCurrent(a, b tracker.StoredClaim) bool {
	return a.ID == b.ID && a.ReportID == b.ReportID && a.Outlet == b.Outlet && a.Published.Compare(b.Published) == 0 &&
		a.Status == b.Status && SameClaim(a.Claim, b.Claim) && a.Claim.Context == b.Claim.Context &&
		a.Claim.Interval.Low.String() == b.Claim.Interval.Low.String() && a.Claim.Interval.High.String() == b.Claim.Interval.High.String()
}

// TestIndexRecords checks the index of a database through the operations
// that write claims: add, review (accept, correct, reset, reject),
// re-extraction, removal, import and merge.
func TestIndexRecords(t *testing.T) {
	db := mustOpen(t, Options{TextFlags: flagsA, TextFlagsVersion: "a"})
	seedDB(t, db)
	if checkIndex(t, db) == 0 {
		t.Fatal("no whole index records after adding reports")
	}
	claims, err := db.CurrentClaims(t.Context())
	if err != nil || len(claims) < 3 {
		t.Fatalf("%d claims, %v", len(claims), err)
	}
	id := claims[0].ID
	corrected := claims[1].Claim
	corrected.Interval = tracker.AtLeastInterval(corrected.Interval.Low.Add(corrected.Interval.Low))
	corrected.Who = "a group named only here"
	for _, v := range []tracker.Version{
		{Status: tracker.Accepted, By: "ana"},
		{Status: tracker.Unreviewed, By: "ana"},
		{Status: tracker.Rejected, By: "ben", Note: "not a toll"},
	} {
		if _, err := db.Review(id, v); err != nil {
			t.Fatal(err)
		}
		checkIndex(t, db)
	}
	if _, err := db.Review(claims[1].ID, tracker.Version{Status: tracker.Corrected, By: "ana", Claim: corrected}); err != nil {
		t.Fatal(err)
	}
	checkIndex(t, db)
	export := mustExport(t, db, FormatJSONL)

	fresh := mustOpen(t, Options{TextFlags: flagsB, TextFlagsVersion: "b"})
	if _, err := fresh.Import(bytes.NewReader(export), "export.jsonl"); err != nil {
		t.Fatal(err)
	}
	if checkIndex(t, fresh) == 0 {
		t.Error("no whole index records after an import")
	}
	if _, err := fresh.Remove(claims[0].ReportID); err != nil {
		t.Fatal(err)
	}
	checkIndex(t, fresh)
	if _, err := fresh.Merge(bytes.NewReader(export), "export.jsonl"); err != nil {
		t.Fatal(err)
	}
	checkIndex(t, fresh)
}

// makeSchema4 turns a database written by this toll into one as the toll
// of schema 4 left it: no index, schema 4. The database must be closed.
func makeSchema4(t *testing.T, path string) {
	t.Helper()
	bdb, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	err = bdb.Update(func(tx *bbolt.Tx) error {
		for _, b := range [][]byte{bucketIndex, bucketStrings, bucketStringIDs} {
			if err := tx.DeleteBucket(b); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Put(keySchema, []byte("4"))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// indexState says how many index records a closed database holds, whether
// the migration mark is there, and its schema.
func indexState(t *testing.T, path string) (records int, marked bool, schema string) {
	t.Helper()
	bdb, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	_ = bdb.View(func(tx *bbolt.Tx) error {
		if b := tx.Bucket(bucketIndex); b != nil {
			records = b.Stats().KeyN
		}
		marked = tx.Bucket(bucketMeta).Get(keyIndexing) != nil
		schema = string(tx.Bucket(bucketMeta).Get(keySchema))
		return nil
	})
	return records, marked, schema
}

// schema4DB writes a database as the toll of schema 4 did: its reports,
// claims and reviews with no index, at schema 4; it returns the path and
// the claims as that toll read them.
func schema4DB(t *testing.T) (string, []tracker.StoredClaim, []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "toll.db")
	db, err := testOpen(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 12 {
		nr := seedReport(i)
		if _, err := db.Add([]NewReport{nr}); err != nil {
			t.Fatal(err)
		}
	}
	claims, err := db.CurrentClaims(t.Context())
	if err != nil || len(claims) < 12 {
		t.Fatalf("%d claims, %v", len(claims), err)
	}
	if _, err := db.Review(claims[0].ID, tracker.Version{Status: tracker.Rejected, By: "ana"}); err != nil {
		t.Fatal(err)
	}
	db.noIndex = true
	want, err := db.CurrentClaims(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	export := mustExport(t, db, FormatJSONL)
	db.Close()
	makeSchema4(t, path)
	return path, want, export
}

// TestMigrateIndex opens a schema 4 database: the index is built for
// every claim, the claims read the same, and it exports the same.
func TestMigrateIndex(t *testing.T) {
	path, want, export := schema4DB(t)
	if _, err := testOpen(path, Options{ReadOnly: true}); !errors.Is(err, ErrNeedsMigration) {
		t.Fatalf("read-only open of schema 4: %v, want ErrNeedsMigration", err)
	}
	db, err := testOpen(path, Options{})
	if err != nil {
		t.Fatalf("open of schema 4 for writing: %v", err)
	}
	db.Close()
	n, marked, schema := indexState(t, path)
	if n != len(want) || marked || schema != strconv.Itoa(Schema) {
		t.Errorf("after the migration: %d records for %d claims, mark %v, schema %s", n, len(want), marked, schema)
	}
	db, err = testOpen(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checkMigrated(t, db, want, export)
}

// checkMigrated fails unless db reads want and exports export, and its
// index agrees with its claims.
func checkMigrated(t *testing.T, db *DB, want []tracker.StoredClaim, export []byte) {
	t.Helper()
	checkIndex(t, db)
	got, err := db.CurrentClaims(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(got, want, sameCurrent) {
		t.Errorf("claims read after the migration differ from before")
	}
	if again := mustExport(t, db, FormatJSONL); !bytes.Equal(again, export) {
		t.Errorf("export after the migration:\n%s", firstDiff(export, again))
	}
}

// TestMigrateIndexInterrupted stops the migration to schema 5 after two
// of its transactions, as a crash would: the database reads whole (a
// claim without a record is decoded), and the next open for writing
// finishes the index.
func TestMigrateIndexInterrupted(t *testing.T) {
	path, want, export := schema4DB(t)
	stop := errors.New("the power went")
	_, err := testOpen(path, Options{indexBatch: 3, indexAfter: func(done int) error {
		if done == 2 {
			return stop
		}
		return nil
	}})
	if !errors.Is(err, stop) {
		t.Fatalf("interrupted migration: err = %v, want the interruption", err)
	}
	n, marked, schema := indexState(t, path)
	if n == 0 || n >= len(want) || !marked || schema != strconv.Itoa(Schema) {
		t.Fatalf("part-way: %d records for %d claims, mark %v, schema %s; want some, marked, schema %d", n, len(want), marked, schema, Schema)
	}
	ro, err := testOpen(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open part-way: %v", err)
	}
	got, err := ro.CurrentClaims(t.Context())
	if err != nil || !slices.EqualFunc(got, want, sameCurrent) {
		t.Errorf("CurrentClaims part-way: %d claims, %v; want the %d of before", len(got), err, len(want))
	}
	ro.Close()
	db, err := testOpen(path, Options{indexBatch: 3})
	if err != nil {
		t.Fatalf("open after the interruption: %v", err)
	}
	defer db.Close()
	if n, marked := indexStateOpen(t, db); n != len(want) || marked {
		t.Errorf("after resuming: %d records for %d claims, mark %v", n, len(want), marked)
	}
	checkMigrated(t, db, want, export)
}

func indexStateOpen(t *testing.T, db *DB) (records int, marked bool) {
	t.Helper()
	_ = db.view(func(tx *bbolt.Tx) error {
		records = tx.Bucket(bucketIndex).Stats().KeyN
		marked = tx.Bucket(bucketMeta).Get(keyIndexing) != nil
		return nil
	})
	return records, marked
}

// TestIndexStale checks that a record that no longer matches its claim's
// value (as after a crash between writes, which bbolt's transactions
// prevent, or a value changed by hand) is not used: the claim is decoded.
func TestIndexStale(t *testing.T) {
	db := mustOpen(t, Options{})
	seedDB(t, db)
	db.noIndex = true
	want, err := db.CurrentClaims(t.Context())
	db.noIndex = false
	if err != nil || len(want) == 0 {
		t.Fatalf("%d claims, %v", len(want), err)
	}
	// every record now says claim 1 of its report is 999,999 people
	err = db.update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketIndex)
		return b.ForEach(func(k, v []byte) error {
			r := bytes.Clone(v)
			binary.BigEndian.PutUint64(r[ixLow:], 999999)
			return b.Put(k, r)
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	// the records are still read (their crc matches), so this shows the
	// test sees the index: change the values' checksums next
	got, err := db.CurrentClaims(t.Context())
	if err != nil || len(got) != len(want) || got[0].Claim.Interval.Low.IntPart() != 999999 {
		t.Fatalf("the index was not read: %v", err)
	}
	err = db.update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketIndex)
		return b.ForEach(func(k, v []byte) error {
			r := bytes.Clone(v)
			binary.BigEndian.PutUint32(r[ixCRC:], ^binary.BigEndian.Uint32(r[ixCRC:]))
			return b.Put(k, r)
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err = db.CurrentClaims(t.Context())
	if err != nil || !slices.EqualFunc(got, want, sameCurrent) {
		t.Errorf("stale records were used: %v", err)
	}
}

// seedReport is the i-th report of the index tests, the same each run.
func seedReport(i int) NewReport {
	return genReport(rand.New(rand.NewPCG(40, uint64(i))), i, 1500)
}

// seedDB adds the seed text and six generated reports.
func seedDB(tb testing.TB, db *DB) {
	tb.Helper()
	rs := []NewReport{{Source: "Levant Wire", Published: tracker.NewDate(2023, 10, 9), Text: seedText}}
	for i := range 6 {
		rs = append(rs, seedReport(i))
	}
	mustAdd(tb, db, rs...)
}
