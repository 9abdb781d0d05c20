package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// damageRecords damages two records of the fixture database in place,
// the way a bug or a bad disk could, without touching bbolt's structure
// (its data pages have no checksum): the first report's format byte
// becomes one no toll writes, so that it no longer decodes (nor do its
// claims, whose sentences are in its text), and the first claim of
// another report loses its versions (their count becomes 0). It returns
// the damaged report's id.
func damageRecords(t *testing.T, db string) (badReport string) {
	t.Helper()
	b, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	// a compact report: key (its id), format byte 1, the id again
	for _, m := range regexp.MustCompile(`\x01\x0c([0-9a-f]{12})`).FindAllSubmatchIndex(b, -1) {
		if id := string(b[m[2]:m[3]]); m[0] >= 12 && string(b[m[0]-12:m[0]]) == id {
			badReport = id
			b[m[0]] = 0x7f
			break
		}
	}
	if badReport == "" {
		t.Fatal("no report record in the file")
	}
	// a compact claim: key (report id and number), format byte 1, no
	// flags, one version, unreviewed, by the extractor
	found := false
	for _, m := range regexp.MustCompile(`\x01\x00\x01\x01.extractor `).FindAllIndex(b, -1) {
		if m[0] >= 16 && string(b[m[0]-16:m[0]-4]) != badReport {
			b[m[0]+2] = 0
			found = true
			break
		}
	}
	if !found {
		t.Fatal("no claim record in the file")
	}
	if err := os.WriteFile(db, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return badReport
}

// TestDamagedRecordsCommands is issue 10 item 10 from the command line:
// with an undecodable report and a claim without versions, claims,
// reports, check, timeline and export list everything else, name the two
// on standard error and exit 1; doctor lists them and exports the rest,
// which imports into a new database; rm removes the damaged report.
func TestDamagedRecordsCommands(t *testing.T) {
	db := fixtureDB(t)
	e := storeEnv(db, "")
	before := strings.Count(mustToll(t, e, "claims", "--format", "jsonl"), "\n")
	badReport := damageRecords(t, db)

	for _, args := range [][]string{
		{"claims"}, {"reports"}, {"check"}, {"timeline"}, {"export"},
		{"claims", "--format", "csv"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			out, errOut, err := runToll(t, e, args...)
			if err == nil || !strings.Contains(err.Error(), "damaged record(s) skipped") {
				t.Errorf("err = %v, want the skipped records counted", err)
			}
			if !strings.Contains(errOut, "toll: skipped ") || !strings.Contains(errOut, "damaged: ") {
				t.Errorf("stderr names no damaged record:\n%s", errOut)
			}
			if strings.TrimSpace(out) == "" {
				t.Errorf("no output: the readable records should be listed")
			}
		})
	}
	out, errOut, _ := runToll(t, e, "claims", "--format", "jsonl")
	if after := strings.Count(out, "\n"); after == 0 || after >= before {
		t.Errorf("claims listed %d, want some but fewer than the %d before", after, before)
	}
	if !strings.Contains(errOut, "has no versions") {
		t.Errorf("stderr does not name the claim without versions:\n%s", errOut)
	}

	salvage := filepath.Join(t.TempDir(), "salvage.json")
	out, _, err := runToll(t, e, "doctor", "--export", salvage)
	if err == nil || exitCode(err) != 1 {
		t.Errorf("doctor: err = %v, want exit status 1", err)
	}
	for _, want := range []string{"pages: sound", "bbolt check: passed", "report " + badReport + ": does not decode", "has no versions", "exported everything readable"} {
		if !strings.Contains(out, want) {
			t.Errorf("doctor output lacks %q:\n%s", want, out)
		}
	}
	fresh := filepath.Join(t.TempDir(), "new.db")
	mustToll(t, storeEnv(fresh, ""), "import", salvage)
	if out := mustToll(t, storeEnv(fresh, ""), "doctor"); !strings.Contains(out, "0 damaged") {
		t.Errorf("the salvaged database is not sound:\n%s", out)
	}

	out, errOut, err = runToll(t, e, "rm", "--yes", badReport)
	if err != nil || !strings.Contains(out, "removed "+badReport) {
		t.Fatalf("rm of the damaged report: %v\n%s%s", err, out, errOut)
	}
	out, _, _ = runToll(t, e, "doctor")
	if strings.Contains(out, badReport) || !strings.Contains(out, "bbolt check: passed") {
		t.Errorf("after rm, want no trace of %s:\n%s", badReport, out)
	}
}

// TestOutputKeptOnFailure is issue 10 item 11: a chart run that failed
// (here: no database) emptied the existing --output file. The output is
// now written to a temporary file renamed over it only on success.
func TestOutputKeptOnFailure(t *testing.T) {
	dir := t.TempDir()
	chart := filepath.Join(dir, "chart.html")
	if err := os.WriteFile(chart, []byte("<p>yesterday's chart</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := runToll(t, storeEnv(filepath.Join(dir, "missing.db"), ""), "timeline", "--format", "html", "--output", chart)
	if err == nil {
		t.Fatal("timeline on a missing database succeeded")
	}
	if b, _ := os.ReadFile(chart); string(b) != "<p>yesterday's chart</p>" {
		t.Errorf("the failed run changed %s to %q", chart, b)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("left behind: %v", ents)
	}
	db := fixtureDB(t)
	mustToll(t, storeEnv(db, ""), "timeline", "--format", "svg", "--output", chart, "--category", "killed")
	if b, _ := os.ReadFile(chart); !bytes.Contains(b, []byte("<svg")) {
		t.Errorf("the run that succeeded did not write the chart: %.80q", b)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("left behind: %v", ents)
	}
	// a binary chart on standard output passes the output hygiene as is
	png := mustToll(t, storeEnv(db, ""), "timeline", "--format", "png", "--category", "killed")
	mustToll(t, storeEnv(db, ""), "timeline", "--format", "png", "--output", chart, "--category", "killed")
	if b, _ := os.ReadFile(chart); !strings.HasPrefix(png, "\x89PNG") || png != string(b) {
		t.Errorf("the PNG on standard output (%d bytes) differs from the one written to a file (%d bytes)", len(png), len(b))
	}
}

// loopedDB writes the FuzzOpen seed of tracker/bolt's TestPageLoop (a
// database whose claims tree has a branch page that is its own child) to
// a temporary file and returns its path.
func loopedDB(t *testing.T) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "tracker", "bolt", "testdata", "fuzz", "FuzzOpen", "page-loop"))
	if err != nil {
		t.Fatal(err)
	}
	s, ok := strings.CutPrefix(strings.TrimSpace(string(raw)), "go test fuzz v1\n[]byte(")
	if !ok {
		t.Fatal("page-loop is not a fuzz seed of one []byte")
	}
	b, err := strconv.Unquote(strings.TrimSuffix(s, ")"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "loop.db")
	if err := os.WriteFile(path, []byte(b), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestPageLoopCommands is issue 10's hang from the command line: on a
// database whose pages loop, toll claims ran forever. Every command that
// opens the database now stops at once with the one message for a
// damaged database and its way out, and doctor names the page.
func TestPageLoopCommands(t *testing.T) {
	db := loopedDB(t)
	e := storeEnv(db, "")
	for _, args := range [][]string{
		{"claims"}, {"reports"}, {"check"}, {"timeline"}, {"series"}, {"export"},
		{"diff", "--source", "a", "--source", "b"}, {"show", "0000"}, {"rm", "--yes", "0000"},
		{"reextract", "--all"}, {"add", "--date", "2023-10-09", "-"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				_, errOut, err := runToll(t, storeEnv(db, "At least 12 people were killed in the blast."), args...)
				if err != nil && !strings.Contains(err.Error(), "is damaged") {
					t.Logf("stderr: %s", errOut)
				}
				done <- err
			}()
			var err error
			select {
			case err = <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("did not return in 20 s")
			}
			if err == nil || !strings.Contains(err.Error(), "database "+db+" is damaged: page ") ||
				!strings.Contains(err.Error(), "restore it from an export") {
				t.Errorf("err = %v, want the damaged database named with the way out", err)
			}
		})
	}
	out, _, err := runToll(t, e, "doctor", "--export", filepath.Join(t.TempDir(), "salvage.json"))
	if exitCode(err) != 1 || !strings.Contains(err.Error(), "is damaged: page ") {
		t.Errorf("doctor: err = %v, want exit status 1 naming the damage", err)
	}
	for _, want := range []string{"pages: 1 problem(s)", "the tree of pages loops", "bbolt check: not run", "records: not read", "not exported"} {
		if !strings.Contains(out, want) {
			t.Errorf("doctor output lacks %q:\n%s", want, out)
		}
	}
}
