package bolt

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	bbolt "go.etcd.io/bbolt"

	"github.com/tollproject/toll/tracker"
)

// schema3Dir holds a database written by the toll of schema 3 (commit
// 1caea0f: `toll demo --keep`, then reviews that accept, reject and
// correct claims, an acknowledged finding, two series decisions and a
// sighting), with its JSONL and CSV exports as that toll wrote them.
// They are records of the old code: no -update rewrites them.
const schema3Dir = "testdata/schema3"

// copySchema3 copies the schema 3 database into a temporary directory.
func copySchema3(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(schema3Dir, "toll.db"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "toll.db")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func readGolden(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(schema3Dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// formats counts the reports and claims of a database in each encoding,
// and says whether the migration mark is there. The database must be
// closed.
func formats(t *testing.T, path string) (jsonRecords, compactRecords int, marked bool, schema string) {
	t.Helper()
	bdb, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	_ = bdb.View(func(tx *bbolt.Tx) error {
		for _, b := range [][]byte{bucketReports, bucketClaims} {
			_ = tx.Bucket(b).ForEach(func(_, v []byte) error {
				if v[0] == formatCompact {
					compactRecords++
				} else {
					jsonRecords++
				}
				return nil
			})
		}
		marked = tx.Bucket(bucketMeta).Get(keyCompact) != nil
		schema = string(tx.Bucket(bucketMeta).Get(keySchema))
		return nil
	})
	return jsonRecords, compactRecords, marked, schema
}

// checkExports fails unless db exports exactly what the toll of schema 3
// exported from the same database.
func checkExports(t *testing.T, db *DB, when string) {
	t.Helper()
	for _, f := range []struct{ format, golden string }{{FormatJSONL, "export.jsonl"}, {FormatCSV, "export.csv"}} {
		if got, want := mustExport(t, db, f.format), readGolden(t, f.golden); !bytes.Equal(got, want) {
			t.Errorf("%s: %s export differs from schema 3's:\n%s", when, f.format, firstDiff(want, got))
		}
	}
}

// TestMigrateCompact opens a database written by the toll of schema 3:
// every record is rewritten compactly, what it exports is byte for byte
// what the old toll exported, and an export → import → export round trip
// is the identity.
func TestMigrateCompact(t *testing.T) {
	path := copySchema3(t)
	if _, err := testOpen(path, Options{ReadOnly: true}); !errors.Is(err, ErrNeedsMigration) {
		t.Fatalf("read-only open of schema 3: %v, want ErrNeedsMigration", err)
	}
	if j, c, _, _ := formats(t, path); j == 0 || c != 0 {
		t.Fatalf("the schema 3 fixture holds %d JSON and %d compact records", j, c)
	}
	before, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	db, err := testOpen(path, Options{})
	if err != nil {
		t.Fatalf("open of schema 3 for writing: %v", err)
	}
	db.Close()
	j, c, marked, schema := formats(t, path)
	if j != 0 || c == 0 || marked || schema != strconv.Itoa(Schema) {
		t.Errorf("after the migration: %d JSON records, %d compact, mark %v, schema %s; want 0, all, false, %d", j, c, marked, schema, Schema)
	}
	if db, err = testOpen(path, Options{}); err != nil {
		t.Fatal(err)
	}
	checkExports(t, db, "after the migration")
	src := mustExport(t, db, FormatJSONL)
	fresh := mustOpen(t, Options{})
	if _, err := fresh.Import(bytes.NewReader(src), "schema3.jsonl"); err != nil {
		t.Fatalf("import of the migrated export: %v", err)
	}
	if again := mustExport(t, fresh, FormatJSONL); !bytes.Equal(src, again) {
		t.Errorf("export → import → export after the migration:\n%s", firstDiff(src, again))
	}
	// a review after the migration is stored compactly and read back
	sc, err := db.Review("209021aeed5b-1", tracker.Version{Status: tracker.Rejected, By: "test", Note: "after the migration"})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := db.Claim(sc.ID); err != nil || len(got.Versions) != 4 || got.Status != tracker.Rejected || got.Claim.Sentence == "" {
		t.Errorf("claim reviewed after the migration: %+v, %v", got, err)
	}
	db.Close()
	after, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("file %d bytes before, %d after (bbolt does not give pages back)", before.Size(), after.Size())
}

// TestMigrateCompactInterrupted stops the migration to schema 4 after two
// of its transactions, as a crash would: the database reads whole (every
// reader takes both encodings), exports what the old toll exported, and
// the next open for writing finishes the migration.
func TestMigrateCompactInterrupted(t *testing.T) {
	path := copySchema3(t)
	stop := errors.New("the power went")
	_, err := testOpen(path, Options{compactBatch: 5, compactAfter: func(done int) error {
		if done == 2 {
			return stop
		}
		return nil
	}})
	if !errors.Is(err, stop) {
		t.Fatalf("interrupted migration: err = %v, want the interruption", err)
	}
	j, c, marked, schema := formats(t, path)
	if j == 0 || c == 0 || !marked || schema != strconv.Itoa(Schema) {
		t.Fatalf("part-way: %d JSON records, %d compact, mark %v, schema %s; want some of each, marked, schema %d", j, c, marked, schema, Schema)
	}
	ro, err := testOpen(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open part-way: %v", err)
	}
	checkExports(t, ro, "part-way")
	claims, err := ro.CurrentClaims(t.Context())
	if err != nil || len(claims) == 0 {
		t.Errorf("CurrentClaims part-way: %d, %v", len(claims), err)
	}
	ro.Close()

	db, err := testOpen(path, Options{compactBatch: 5})
	if err != nil {
		t.Fatalf("open after the interruption: %v", err)
	}
	checkExports(t, db, "after resuming")
	db.Close()
	if j, _, marked, _ := formats(t, path); j != 0 || marked {
		t.Errorf("after resuming: %d JSON records left, mark %v", j, marked)
	}
}

// TestClaimCodec round-trips random claim records, with reviews, through
// the compact encoding: every field of every version comes back, whether
// the sentence and span are the report's or written out.
func TestClaimCodec(t *testing.T) {
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(uint64(seed), 1))
	text := seedText
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	num := func() decimal.Decimal { return decimal.NewFromInt(rng.Int64N(tracker.MaxCount)) }
	claim := func() tracker.Claim {
		a := rng.IntN(len(text) - 40)
		b := a + 1 + rng.IntN(40)
		s := rng.IntN(a + 1)
		c := tracker.Claim{
			Category: tracker.Categories()[rng.IntN(len(tracker.Categories()))], Qualifier: tracker.Qualifiers()[rng.IntN(len(tracker.Qualifiers()))],
			Interval: tracker.Point(num()), Vague: pick("", "hundreds"), Who: pick("people", "children", "soldiers"),
			Where: pick("", "Gaza", "Khan Younis"), Attribution: pick("", "the army", "the Gaza health ministry"),
			AsOf:  pick2(rng, tracker.Date{}, tracker.MustDate("2023-10-16"), tracker.MustDate("1960-05-22")),
			Scope: pick2(rng, tracker.Cumulative, tracker.Period, tracker.UnknownScope, "weekly"), Since: pick("", "2023-10-07", "Saturday"),
			From: pick("", "2023-10-15"), To: pick("", "2023-10-16"), Prior: rng.IntN(2) == 0, Revised: rng.IntN(3) == 0,
			Start: a, End: b, Span: text[a:b], Sentence: text[s:b],
			Context: tracker.Context{Place: pick("", "Gaza"), PlaceID: pick("", "PS.GZ", "PS.GZ/al-shifa"), PlaceFrom: pick("", "sentence", "headline"),
				Event: pick("", "war"), Incident: rng.IntN(2) == 0, Past: pick("", "2014"), Via: pick("", "state media"),
				Origin: pick("", "the ministry"), Part: rng.IntN(2) == 0, Headline: rng.IntN(2) == 0},
		}
		switch rng.IntN(5) {
		case 0:
			c.Interval = tracker.AtLeastInterval(num())
		case 1:
			c.Sentence = "A sentence this report does not hold."
		case 2:
			c.Span = "a span as a reviewer wrote it"
		case 3:
			c.Sentence = ""
		}
		return c
	}
	zones := []*time.Location{time.UTC, time.FixedZone("", 3*3600), time.FixedZone("", -5*3600-1800)}
	for i := range 500 {
		rec := claimRecord{Outlet: pick("Levant Wire", "Harbor Daily"), Published: tracker.MustDate("2023-10-16")}
		c := claim()
		for range 1 + rng.IntN(4) {
			v := tracker.Version{Claim: c, Status: tracker.Statuses()[rng.IntN(len(tracker.Statuses()))], By: pick("extractor 3.x", "ana"),
				At: time.Unix(rng.Int64N(2e9), rng.Int64N(1e9)).In(zones[rng.IntN(len(zones))]), Note: pick("", "checked")}
			rec.Versions = append(rec.Versions, v)
			if rng.IntN(2) == 0 {
				c = claim()
			} else {
				c.Interval = tracker.Point(num()) // a correction of one field
			}
		}
		head := reportHead{source: pick("Levant Wire", "Cedar Times"), published: pick2(rng, rec.Published, tracker.MustDate("2023-10-17")), text: text}
		b, err := encodeClaim(head, "aaaaaaaaaaaa", i+1, rec)
		if err != nil {
			t.Fatal(err)
		}
		for _, current := range []bool{false, true} {
			cd := &claimDecoder{report: func(string) []byte {
				v, _ := encodeReport(tracker.Report{ID: "aaaaaaaaaaaa", Source: head.source, Published: head.published, Text: text})
				return v
			}, current: current, in: newInterner()}
			got, err := cd.decode("aaaaaaaaaaaa", i+1, b)
			if err != nil {
				t.Fatalf("record %d: %v", i, err)
			}
			if got.Outlet != rec.Outlet || got.Published != rec.Published {
				t.Errorf("record %d: outlet %q, published %s; want %q, %s", i, got.Outlet, got.Published, rec.Outlet, rec.Published)
			}
			want := rec.Versions
			if current {
				last := want[len(want)-1]
				want = []tracker.Version{{Claim: last.Claim, Status: last.Status}}
			}
			if len(got.Versions) != len(want) {
				t.Fatalf("record %d (current %v): %d versions, want %d", i, current, len(got.Versions), len(want))
			}
			for k, g := range got.Versions {
				w := want[k]
				_, gotOff := g.At.Zone()
				_, wantOff := w.At.Zone()
				if g.Status != w.Status || g.By != w.By || !g.At.Equal(w.At) || gotOff != wantOff || g.Note != w.Note ||
					!SameClaim(g.Claim, w.Claim) || g.Claim.Context != w.Claim.Context {
					t.Errorf("record %d version %d (current %v):\n got %+v\nwant %+v", i, k+1, current, g, w)
				}
			}
		}
	}
}

func pick2[T any](rng *rand.Rand, xs ...T) T { return xs[rng.IntN(len(xs))] }

// TestClaimCodecDamaged feeds the decoder every prefix of a record and
// flipped bytes: each is read or named damaged, never a panic.
func TestClaimCodecDamaged(t *testing.T) {
	c := tracker.Claim{Category: tracker.Killed, Qualifier: tracker.AtLeast, Interval: tracker.AtLeastInterval(decimal.NewFromInt(312)),
		Who: "people", Where: "Khan Younis", Scope: tracker.Cumulative, Start: 57, End: 75, Span: seedText[57:75], Sentence: seedText[57:160]}
	rec := claimRecord{Outlet: "Levant Wire", Published: tracker.MustDate("2023-10-16"), Versions: []tracker.Version{
		{Claim: c, Status: tracker.Unreviewed, By: "extractor 3"}, {Claim: c, Status: tracker.Accepted, By: "ana"}}}
	head := reportHead{source: "Levant Wire", published: rec.Published, text: seedText}
	b, err := encodeClaim(head, "aaaaaaaaaaaa", 1, rec)
	if err != nil {
		t.Fatal(err)
	}
	report, _ := encodeReport(tracker.Report{ID: "aaaaaaaaaaaa", Source: head.source, Published: head.published, Text: seedText})
	cd := &claimDecoder{report: func(string) []byte { return report }}
	for i := range b {
		if _, err := cd.decode("aaaaaaaaaaaa", 1, b[:i]); err == nil {
			t.Errorf("a record cut to %d of %d bytes decoded", i, len(b))
		}
		flipped := bytes.Clone(b)
		flipped[i] ^= 0xff
		_, _ = cd.decode("aaaaaaaaaaaa", 1, flipped)
	}
	// without its report, a claim whose sentence is the report's is damaged
	lost := &claimDecoder{report: func(string) []byte { return nil }}
	var d *Damaged
	if _, err := lost.decode("aaaaaaaaaaaa", 1, b); !errors.As(err, &d) {
		t.Errorf("a claim of a report not stored: err = %v, want Damaged", err)
	}
}

// TestCurrentClaims compares the reconciling read with the full listing
// on a generated database with reviews: the same claims in the same
// order, each its current version, without history.
func TestCurrentClaims(t *testing.T) {
	db := mustOpen(t, Options{})
	rng := rand.New(rand.NewPCG(7, 8))
	for i := range 20 {
		mustAdd(t, db, genReport(rng, i, 1500))
	}
	var all []tracker.StoredClaim
	if err := db.EachClaim(ClaimFilter{}, func(sc tracker.StoredClaim) error { all = append(all, sc); return nil }); err != nil {
		t.Fatal(err)
	}
	for i, sc := range all {
		var v tracker.Version
		switch i % 4 {
		case 1:
			v = tracker.Version{Status: tracker.Rejected, By: "ana"}
		case 2:
			c := sc.Claim
			c.Interval = tracker.Point(decimal.NewFromInt(int64(1000 + i)))
			c.Sentence = "A reviewer's own sentence."
			v = tracker.Version{Status: tracker.Corrected, Claim: c, By: "ana"}
		default:
			continue
		}
		if _, err := db.Review(sc.ID, v); err != nil {
			t.Fatal(err)
		}
	}
	all = all[:0]
	if err := db.EachClaim(ClaimFilter{}, func(sc tracker.StoredClaim) error { all = append(all, sc); return nil }); err != nil {
		t.Fatal(err)
	}
	cur, err := db.CurrentClaims(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(cur) != len(all) || len(all) < 50 {
		t.Fatalf("CurrentClaims gave %d claims, EachClaim %d (want the same, at least 50)", len(cur), len(all))
	}
	for i, c := range cur {
		w := all[i]
		if c.ID != w.ID || c.ReportID != w.ReportID || c.Outlet != w.Outlet || c.Published != w.Published || c.Status != w.Status ||
			!SameClaim(c.Claim, w.Claim) || c.Claim.Context != w.Claim.Context || c.Versions != nil {
			t.Errorf("claim %d:\n got %+v\nwant %+v (without versions)", i, c, w)
		}
	}
}
