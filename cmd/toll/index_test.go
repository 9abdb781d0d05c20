package main

import (
	"path/filepath"
	"strings"
	"testing"
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
