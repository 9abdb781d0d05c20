package main

import (
	"bytes"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tollproject/toll/reconcile"
	"github.com/tollproject/toll/tracker"
)

// TestIndexOutputs runs the reconciling commands on the demo's database
// and on the store fixture twice: reading claims from the claim index, and
// decoding every claim ($TOLL_NO_INDEX). Timelines, diffs, findings,
// series and listings must be byte for byte the same. scripts/index-same
// does the same on a database of any size (the 100,000 and 1,000,000
// claims of scripts/bench).
func TestIndexOutputs(t *testing.T) {
	dir := t.TempDir()
	demo := filepath.Join(dir, "demo")
	mustToll(t, storeEnv("", ""), "demo", "--keep", demo)
	all := []string{
		"timeline",
		"timeline --format json",
		"timeline --category killed --since 2023-10-15",
		"check",
		"check --format json",
		"diff --source health_ministry --source Media_Office",
		"diff --source health_ministry --source officials --window 2",
		"series",
		"claims --format jsonl",
	}
	for _, tc := range []struct {
		name, db string
		args     []string
	}{
		{"demo", filepath.Join(demo, "toll.db"), all},
		{"fixture", fixtureDB(t), []string{"timeline", "timeline --format csv", "series", "claims --format jsonl"}},
	} {
		db := tc.db
		for _, args := range tc.args {
			t.Run(tc.name+"/"+args, func(t *testing.T) {
				fields := strings.Fields(args)
				for i := range fields {
					fields[i] = strings.ReplaceAll(fields[i], "_", " ")
				}
				decoded := storeEnv(db, "")
				get := decoded.getenv
				decoded.getenv = func(k string) string {
					if k == "TOLL_NO_INDEX" {
						return "1"
					}
					return get(k)
				}
				want, _, err := runToll(t, decoded, fields...)
				if err != nil {
					t.Fatal(err)
				}
				got, _, err := runToll(t, storeEnv(db, ""), fields...)
				if err != nil {
					t.Fatal(err)
				}
				if strings.Count(want, "\n") < 3 {
					t.Fatalf("toll %s printed almost nothing:\n%s", args, want)
				}
				if got != want {
					t.Errorf("toll %s differs read from the index:\n%s", args, lineDiff(want, got))
				}
			})
		}
	}
}

// TestTextFlagsOutputs reads the demo's claims as the commands do, with
// the text flags the store kept (reconcile.TextFlags, made when each
// claim was written), and reconciles them twice: as read, and with the
// flags cleared, so that reconcile tests every claim's text itself.
// Timelines, findings and diffs must be byte for byte the same, and
// every claim's flags those of its text.
func TestTextFlagsOutputs(t *testing.T) {
	demo := filepath.Join(t.TempDir(), "demo")
	mustToll(t, storeEnv("", ""), "demo", "--keep", demo)
	db, err := openRead(filepath.Join(demo, "toll.db"), storeEnv("", ""))
	if err != nil {
		t.Fatal(err)
	}
	claims, err := db.CurrentClaims(t.Context())
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	cleared := slices.Clone(claims)
	for i := range cleared {
		if got, want := claims[i].TextFlags, reconcile.TextFlags(&claims[i].Claim); got != want {
			t.Errorf("claim %s: text flags %#x, its text's %#x", claims[i].ID, got, want)
		}
		cleared[i].TextFlags = 0
	}
	render := func(claims []tracker.StoredClaim) string {
		t.Helper()
		var b bytes.Buffer
		tl, err := reconcile.Timelines(claims, reconcile.Options{})
		if err != nil {
			t.Fatal(err)
		}
		fs, err := reconcile.Check(claims, reconcile.Options{})
		if err != nil {
			t.Fatal(err)
		}
		d, err := reconcile.Diff(claims, "health ministry", "Media Office", reconcile.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := errors.Join(tl.Write(&b, reconcile.FormatJSON), fs.Write(&b, reconcile.FormatJSON), d.Write(&b, reconcile.FormatJSON)); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	want := render(cleared)
	if strings.Count(want, "\n") < 100 {
		t.Fatalf("the demo reconciles to almost nothing:\n%s", want)
	}
	if got := render(claims); got != want {
		t.Errorf("reconciled with the stored text flags:\n%s", lineDiff(want, got))
	}
}
