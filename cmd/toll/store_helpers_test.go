package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tollproject/toll/tracker/extract"
)

// The -update flag regenerates golden files. Another test file of this
// package may define it too; whichever defines it first wins.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files under testdata/")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// storeTestdata is the store commands' test data, in the module's
// top-level testdata directory.
const storeTestdata = "../../testdata/store"

// testClock starts at a known instant and moves a second a call.
func testClock() func() time.Time {
	t := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	return func() time.Time {
		t = t.Add(time.Second)
		return t
	}
}

// storeEnv is an env for commands on the database at db: a fixed clock,
// USER=tester, no HOME, and stdin as given.
func storeEnv(db string, stdin string) env {
	vars := map[string]string{"TOLL_DB": db, "USER": "tester"}
	return env{stdin: strings.NewReader(stdin), now: testClock(), getenv: func(k string) string { return vars[k] }}
}

// runToll runs toll in-process with args (without the program name).
func runToll(tb testing.TB, e env, args ...string) (stdout, stderr string, err error) {
	tb.Helper()
	var out, errOut bytes.Buffer
	app := newAppEnv(e, &out, &errOut)
	err = app.RunContext(context.Background(), append([]string{"toll"}, args...))
	return out.String(), errOut.String(), err
}

// mustToll is runToll that fails the test on an error.
func mustToll(tb testing.TB, e env, args ...string) string {
	tb.Helper()
	out, errOut, err := runToll(tb, e, args...)
	if err != nil {
		tb.Fatalf("toll %s: %v\nstderr: %s", strings.Join(args, " "), err, errOut)
	}
	return out
}

// fixtureDB imports testdata/store/fixture.jsonl into a new database and
// returns its path.
func fixtureDB(tb testing.TB) string {
	tb.Helper()
	db := filepath.Join(tb.TempDir(), "toll.db")
	mustToll(tb, storeEnv(db, ""), "import", filepath.Join(storeTestdata, "fixture.jsonl"))
	return db
}

// checkGolden compares got with testdata/store/NAME.golden, or rewrites
// it under -update.
func checkGolden(tb testing.TB, name, got string) {
	tb.Helper()
	// The fixture was read by an older extractor; the current one's
	// version changes with every vocabulary edit, so goldens name it
	// $EXTRACTOR.
	got = strings.ReplaceAll(got, extract.Version(), "$EXTRACTOR")
	path := filepath.Join(storeTestdata, name+".golden")
	if updating() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		tb.Errorf("%s differs from %s (go test -update rewrites it):\ngot:\n%s\nwant:\n%s", name, path, got, want)
	}
}
