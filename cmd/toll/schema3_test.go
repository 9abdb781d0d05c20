package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/tollproject/toll/tracker/bolt"
)

// TestSchema3Outputs runs the reconciling commands on a database written
// by the toll of schema 3 (tracker/bolt/testdata/schema3; see its tests
// there) twice: migrated to the compact encoding, and read as it was, its
// JSON records left in place (the schema is set to the current one by
// hand in the file's bytes, without the conversion, as if every record
// were one the migration had not reached). Timelines, diffs, findings, series and the
// claims listing must be byte for byte the same.
func TestSchema3Outputs(t *testing.T) {
	b, err := os.ReadFile("../../tracker/bolt/testdata/schema3/toll.db")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	migrated, asJSON := filepath.Join(dir, "migrated.db"), filepath.Join(dir, "json.db")
	if err := os.WriteFile(migrated, b, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(migrated, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	// The meta bucket is inline in its parent's page, its one key and
	// value side by side (freed pages may hold older copies); bbolt's data
	// pages carry no checksum. A read-only open, refused for schema 3,
	// proves the change took.
	b = bytes.ReplaceAll(b, []byte("schema3"), []byte("schema"+strconv.Itoa(bolt.Schema)))
	if err := os.WriteFile(asJSON, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if db, err := bolt.Open(asJSON, bolt.Options{ReadOnly: true}); err != nil {
		t.Fatalf("read-only open of the JSON records at schema %d: %v", bolt.Schema, err)
	} else {
		db.Close()
	}
	if a, b := fileSize(t, migrated), fileSize(t, asJSON); a == b {
		t.Fatalf("the two databases are the same size (%d): was one not migrated?", a)
	}
	for _, args := range []string{
		"timeline",
		"timeline --format json",
		"check",
		"check --format json",
		"diff --source health_ministry --source Media_Office",
		"diff c9d6b666ebec 209021aeed5b",
		"series",
		"claims --format jsonl",
		"export --format jsonl",
	} {
		t.Run(args, func(t *testing.T) {
			fields := strings.Fields(args)
			for i := range fields {
				fields[i] = strings.ReplaceAll(fields[i], "_", " ")
			}
			want, _, err := runToll(t, storeEnv(asJSON, ""), fields...)
			if err != nil {
				t.Fatal(err)
			}
			got, _, err := runToll(t, storeEnv(migrated, ""), fields...)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Count(want, "\n") < 3 {
				t.Fatalf("toll %s printed almost nothing:\n%s", args, want)
			}
			if got != want {
				t.Errorf("toll %s differs after the migration:\n%s", args, lineDiff(want, got))
			}
		})
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// lineDiff names the first line where two outputs differ.
func lineDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range min(len(wl), len(gl)) {
		if wl[i] != gl[i] {
			return "line " + strconv.Itoa(i+1) + ":\n- " + wl[i] + "\n+ " + gl[i]
		}
	}
	return "lengths " + strconv.Itoa(len(wl)) + " and " + strconv.Itoa(len(gl))
}
