package bolt

import (
	"encoding/binary"
	"errors"
	"path/filepath"
	"testing"

	bbolt "go.etcd.io/bbolt"

	"github.com/tollproject/toll/tracker"
)

// Two text flags functions of the tests, of two versions: bits of the
// lengths of a claim's sentence, span and group, so that a record's flags
// tell which text and which function made them.
func flagsA(c *tracker.Claim) tracker.TextFlags {
	return 1 | tracker.TextFlags(len(c.Sentence)%61)<<1 | tracker.TextFlags(len(c.Who)%8)<<7
}

func flagsB(c *tracker.Claim) tracker.TextFlags {
	return 1 | tracker.TextFlags(len(c.Span)%31)<<1 | tracker.TextFlags(len(c.Who)%8)<<6
}

// storedFlags returns each index record's text flags by claim id, and the
// version meta names (empty when none).
func storedFlags(tb testing.TB, db *DB) (map[string]tracker.TextFlags, string) {
	tb.Helper()
	flags := map[string]tracker.TextFlags{}
	var version string
	err := db.view(func(tx *bbolt.Tx) error {
		version = string(tx.Bucket(bucketMeta).Get(keyTextFlags))
		return tx.Bucket(bucketIndex).ForEach(func(k, r []byte) error {
			rid, n := splitClaimKey(k)
			flags[tracker.ClaimID(rid, n)] = tracker.TextFlags(binary.BigEndian.Uint16(r[ixText:]))
			return nil
		})
	})
	if err != nil {
		tb.Fatal(err)
	}
	return flags, version
}

// checkFlags fails unless every index record of db holds the flags fn
// makes of its claim's current version, and meta names version.
func checkFlags(tb testing.TB, db *DB, fn tracker.TextFlagsFunc, version string) {
	tb.Helper()
	stored, v := storedFlags(tb, db)
	if v != version {
		tb.Errorf("meta names text flags version %q, want %q", v, version)
	}
	n := 0
	err := db.EachClaim(ClaimFilter{}, func(sc tracker.StoredClaim) error {
		n++
		if got, want := stored[sc.ID], fn(&sc.Claim); got != want {
			tb.Errorf("claim %s: flags %#x stored, %#x made from its text", sc.ID, got, want)
		}
		return nil
	})
	if err != nil || n == 0 {
		tb.Fatalf("EachClaim: %d claims, %v", n, err)
	}
}

// TestTextFlags checks the text flags of index records: made by the
// store's function when claims are added and reviewed, equal to the
// function of the claim's text; made again, in resumable batches, when
// the store is opened for writing with a function of another version;
// and never trusted by a reader of another version, or part-way.
func TestTextFlags(t *testing.T) {
	path := filepath.Join(t.TempDir(), "toll.db")
	optsA := Options{NoSync: true, Now: fixedClock(), TextFlags: flagsA, TextFlagsVersion: "a"}
	db, err := testOpen(path, optsA)
	if err != nil {
		t.Fatal(err)
	}
	seedDB(t, db)
	claims, err := db.CurrentClaims(t.Context())
	if err != nil || len(claims) < 3 {
		t.Fatalf("%d claims, %v", len(claims), err)
	}
	corrected := claims[1].Claim
	corrected.Who = "a group of a longer name"
	if _, err := db.Review(claims[1].ID, tracker.Version{Status: tracker.Corrected, By: "ana", Claim: corrected}); err != nil {
		t.Fatal(err)
	}
	checkFlags(t, db, flagsA, "a")
	checkIndex(t, db)
	db.Close()

	// another version, stopped after its second batch, as a crash would
	stop := errors.New("the power went")
	optsB := Options{NoSync: true, Now: fixedClock(), TextFlags: flagsB, TextFlagsVersion: "b", flagBatch: 2,
		flagAfter: func(done int) error {
			if done == 2 {
				return stop
			}
			return nil
		}}
	if _, err := testOpen(path, optsB); !errors.Is(err, stop) {
		t.Fatalf("interrupted: err = %v, want the interruption", err)
	}
	for _, o := range []Options{
		{ReadOnly: true, TextFlags: flagsA, TextFlagsVersion: "a"},
		{ReadOnly: true, TextFlags: flagsB, TextFlagsVersion: "b"},
	} {
		ro, err := testOpen(path, o)
		if err != nil {
			t.Fatal(err)
		}
		if ro.flagsKept {
			t.Errorf("version %s part-way: the stored flags are trusted", o.TextFlagsVersion)
		}
		got, err := ro.CurrentClaims(t.Context())
		if err != nil || len(got) != len(claims) {
			t.Fatalf("CurrentClaims part-way: %d claims, %v", len(got), err)
		}
		for _, sc := range got {
			if want := o.TextFlags(&sc.Claim); sc.TextFlags != want {
				t.Errorf("version %s part-way: claim %s reads flags %#x, want %#x", o.TextFlagsVersion, sc.ID, sc.TextFlags, want)
			}
		}
		ro.Close()
	}
	optsB.flagAfter = nil
	db, err = testOpen(path, optsB)
	if err != nil {
		t.Fatalf("open after the interruption: %v", err)
	}
	checkFlags(t, db, flagsB, "b")
	checkIndex(t, db)
	db.Close()

	// a store given no function writes no flags, and its claims are
	// still read with them
	db, err = testOpen(path, Options{NoSync: true, Now: fixedClock()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Review(claims[0].ID, tracker.Version{Status: tracker.Accepted, By: "ben"}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = testOpen(path, Options{ReadOnly: true, TextFlags: flagsB, TextFlagsVersion: "b"})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if stored, _ := storedFlags(t, db); stored[claims[0].ID] != 0 {
		t.Errorf("claim reviewed without a function: flags %#x stored, want none", stored[claims[0].ID])
	}
	checkIndex(t, db)
}
