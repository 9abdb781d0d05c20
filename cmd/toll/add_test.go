package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tollproject/toll/tracker"
)

// writeFiles writes name → content under a new temporary directory and
// returns it.
func writeFiles(tb testing.TB, files map[string]string) string {
	tb.Helper()
	dir := tb.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

func fixtureText(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(storeTestdata, "reports", name+".txt"))
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func TestAdd(t *testing.T) {
	coast := fixtureText(t, "2023-10-09-coastline-courier")
	valley := fixtureText(t, "2023-10-15-valley-herald")
	dir := writeFiles(t, map[string]string{"a/coast.txt": coast, "b/valley.md": valley, "notes.bin": "ignored"})
	db := filepath.Join(t.TempDir(), "toll.db")
	e := storeEnv(db, "")

	out := mustToll(t, e, "add", "--source", "Wire", "--date", "2023-10-16", dir)
	idC, idV := tracker.ReportID(coast), tracker.ReportID(valley)
	for _, want := range []string{
		idC + "  2023-10-16  Wire  5 claims  (" + filepath.Join(dir, "a/coast.txt") + ")",
		idV + "  2023-10-16  Wire  5 claims  (" + filepath.Join(dir, "b/valley.md") + ")",
		"added 2, already stored 0, failed 0",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("add output lacks %q:\n%s", want, out)
		}
	}
	out = mustToll(t, e, "add", "--source", "Other", filepath.Join(dir, "a/coast.txt"))
	// Another outlet carrying the same text is a sighting of the report,
	// not a second report.
	if !strings.Contains(out, idC+"  2023-10-16  Wire  already stored; recorded a new sighting by Other  (") || !strings.Contains(out, "added 0, already stored 1 (1 new sighting), failed 0") {
		t.Errorf("re-add output:\n%s", out)
	}
	out = mustToll(t, e, "add", "--source", "Wire", filepath.Join(dir, "a/coast.txt"))
	if !strings.Contains(out, idC+"  2023-10-16  Wire  already stored  (") || !strings.Contains(out, "added 0, already stored 1, failed 0") {
		t.Errorf("re-add by the same outlet:\n%s", out)
	}
	// From standard input, with the date from the flag.
	out = mustToll(t, storeEnv(db, fixtureText(t, "2023-11-10-valley-herald")), "add", "--date", "2023-11-10", "-")
	if !strings.Contains(out, "2023-11-10  -  2 claims  (standard input)") {
		t.Errorf("stdin add output:\n%s", out)
	}
	// A JSON Lines file brings its own dates and sources.
	jl := fmt.Sprintf(`{"source":"Line Wire","published":"2023-10-20","title":"t","url":"https://x.example/1","text":%q}`+"\n",
		"Officials said 12 people were killed in Rafah on Friday.")
	jdir := writeFiles(t, map[string]string{"r.jsonl": jl})
	out = mustToll(t, e, "add", filepath.Join(jdir, "r.jsonl"))
	if !strings.Contains(out, "2023-10-20  Line Wire  1 claims") {
		t.Errorf("jsonl add output:\n%s", out)
	}
	// 13: coast 5, valley 5, the stdin report's current figure and the
	// earlier one it revises ("revising its earlier figure of 1,400"), and
	// the JSON Lines report's one
	if got := mustToll(t, e, "claims", "--format", "jsonl"); strings.Count(got, "\n") != 13 {
		t.Errorf("database holds %d claims, want 13", strings.Count(got, "\n"))
	}
}

// TestAddBadInput feeds toll add one bad input at a time: each must be
// reported naming the file (and line), exit non-zero, and write nothing:
// no database file is even created.
func TestAddBadInput(t *testing.T) {
	good := fixtureText(t, "2023-10-09-coastline-courier")
	dir := writeFiles(t, map[string]string{
		"empty.txt":       "",
		"blank.txt":       " \n\n  \n",
		"binary.txt":      "ELF\x00\x01\x02\x00\x00 binary",
		"latin1.txt":      "Caf\xe9: 12 people were killed.",
		"nodate.txt":      good,
		"bad.jsonl":       `{"source":"A","published":"2023-10-20","text":"Officials said 3 people were killed."}` + "\n" + `{"source":"B","published":` + "\n",
		"bad-date.jsonl":  `{"source":"A","published":"20 Oct 2023","text":"Officials said 3 people were killed."}` + "\n",
		"feed.xml":        `<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>x</title><description>`,
		"empty-dir/x.pdf": "%PDF-1.4",
		"big.txt":         strings.Repeat("Officials said 3 people were killed. ", tracker.MaxTextBytes/37+1000),
	})
	at := func(name string) string { return filepath.Join(dir, name) }
	tests := []struct {
		name  string
		args  []string
		want  []string // all must appear in stderr or the error
		usage bool
	}{
		{"missing file", []string{"add", "--date", "2023-10-10", at("absent.txt")}, []string{at("absent.txt")}, false},
		{"directory without reports", []string{"add", "--date", "2023-10-10", at("empty-dir")}, []string{at("empty-dir")}, false},
		{"empty file", []string{"add", "--date", "2023-10-10", at("empty.txt")}, []string{at("empty.txt"), "empty"}, false},
		{"blank file", []string{"add", "--date", "2023-10-10", at("blank.txt")}, []string{at("blank.txt"), "empty"}, false},
		{"binary file", []string{"add", "--date", "2023-10-10", at("binary.txt")}, []string{at("binary.txt"), "binary"}, false},
		{"invalid UTF-8", []string{"add", "--date", "2023-10-10", at("latin1.txt")}, []string{at("latin1.txt"), "UTF-8"}, false},
		{"over the size cap", []string{"add", "--date", "2023-10-10", at("big.txt")}, []string{at("big.txt")}, false},
		{"malformed JSONL line", []string{"add", at("bad.jsonl")}, []string{"bad.jsonl", "2"}, false},
		{"bad date in JSONL", []string{"add", at("bad-date.jsonl")}, []string{"bad-date.jsonl"}, false},
		{"malformed feed", []string{"add", "--date", "2023-10-10", at("feed.xml")}, []string{at("feed.xml")}, false},
		{"no date", []string{"add", at("nodate.txt")}, []string{at("nodate.txt"), "--default-date"}, false},
		{"bad --date", []string{"add", "--date", "2023-13-45", at("nodate.txt")}, []string{"--date", "2023-13-45", "YYYY-MM-DD"}, true},
		{"misspelt flag after path", []string{"add", at("nodate.txt"), "--dat", "2023-10-10"}, []string{"unknown flag --dat", "did you mean --date?"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "toll.db")
			out, errOut, err := runToll(t, storeEnv(db, ""), tt.args...)
			if err == nil {
				t.Fatalf("toll add succeeded:\n%s", out)
			}
			var ue usageError
			if errors.As(err, &ue) != tt.usage {
				t.Errorf("usage error = %v, want %v (%v)", !tt.usage, tt.usage, err)
			}
			if !tt.usage && !errors.Is(err, errFailed) {
				t.Errorf("err = %v, want errFailed (already reported)", err)
			}
			msg := errOut + err.Error()
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q does not say %q", msg, w)
				}
			}
			if strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
				t.Errorf("want one line on stderr, got:\n%s", errOut)
			}
			if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a failed add created the database")
			}
		})
	}
}

// TestAddPartlyBad checks that one bad file in a batch is reported by
// name, the good ones are added, and the exit status says something
// failed.
func TestAddPartlyBad(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"1.txt": fixtureText(t, "2023-10-09-coastline-courier"),
		"2.txt": "bad\x00file",
		"3.txt": fixtureText(t, "2023-10-15-valley-herald"),
	})
	db := filepath.Join(t.TempDir(), "toll.db")
	out, errOut, err := runToll(t, storeEnv(db, ""), "add", "--date", "2023-10-10", dir)
	if !errors.Is(err, errFailed) {
		t.Errorf("err = %v, want errFailed", err)
	}
	if !strings.Contains(errOut, filepath.Join(dir, "2.txt")) || !strings.Contains(out, "added 2, already stored 0, failed 1") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", out, errOut)
	}
	if strings.Contains(errOut, "adding") || strings.Contains(errOut, "%") {
		t.Errorf("progress shown on a pipe: %q", errOut)
	}
}

// TestAddBadDatabase runs toll add against database files it cannot use.
func TestAddBadDatabase(t *testing.T) {
	dir := writeFiles(t, map[string]string{"r.txt": fixtureText(t, "2023-10-09-coastline-courier")})
	notDB := filepath.Join(t.TempDir(), "notes.db")
	content := bytes.Repeat([]byte("my own notes\n"), 1000)
	if err := os.WriteFile(notDB, content, 0o600); err != nil {
		t.Fatal(err)
	}
	_, _, err := runToll(t, storeEnv(notDB, ""), "add", "--date", "2023-10-10", filepath.Join(dir, "r.txt"))
	if err == nil || !strings.Contains(err.Error(), notDB) || !strings.Contains(err.Error(), "not a toll database") {
		t.Errorf("err = %v, want one naming %s as not a toll database", err, notDB)
	}
	if after, _ := os.ReadFile(notDB); !bytes.Equal(after, content) {
		t.Errorf("toll add changed a file that is not its database")
	}
}

// TestAddTooManyClaims is issue 10 item 1 as found: a 4 MB text of "5
// killed, 5 killed, …" made 400,000 claims, 2 GB of memory and an 852 MB
// database, and a 12 MB JSON Lines file of three such texts 6.8 GB. Each
// is now refused by name (tracker.MaxClaims), nothing is stored for it,
// the other reports are added, and memory stays bounded.
func TestAddTooManyClaims(t *testing.T) {
	dense := strings.Repeat("5 killed, ", tracker.MaxTextBytes/10)
	line := func(i int) string {
		return fmt.Sprintf(`{"source":"Wire","published":"2023-10-2%d","text":%q}`+"\n", i, fmt.Sprint(i)+dense)
	}
	dir := writeFiles(t, map[string]string{
		"dense.txt":   dense,
		"three.jsonl": line(1) + line(2) + line(3),
		"fine.txt":    "Officials said 12 people were killed in Rafah on Friday.",
	})
	db := filepath.Join(t.TempDir(), "toll.db")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	stdout, stderr, err := runToll(t, storeEnv(db, ""), "add", "--date", "2023-10-20", dir)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, errFailed) {
		t.Fatalf("err = %v, want the failed-files status", err)
	}
	if n := strings.Count(stderr, "too many claims: more than 10000 in one text"); n != 4 {
		t.Errorf("stderr names %d texts with too many claims, want 4:\n%.2000s", n, stderr)
	}
	if !strings.Contains(stdout, "added 1, already stored 0, failed 4") {
		t.Errorf("stdout:\n%s", stdout)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("added 16 MB of dense text: %d MB allocated", alloc>>20)
	if alloc > 400<<20 {
		t.Errorf("allocated %d MB for 16 MB of input, want under 400 MB", alloc>>20)
	}
	if fi, err := os.Stat(db); err != nil || fi.Size() > 1<<20 {
		t.Errorf("database: %v, %d bytes; want one small report", err, fi.Size())
	}
}

// TestAddRefusedFigure: a figure the extractor refuses (digits of two
// scripts) is named by add on standard error, with its offset; the report
// is added (issue 10 item 8).
func TestAddRefusedFigure(t *testing.T) {
	dir := writeFiles(t, map[string]string{"mixed.txt": "At least 1٢00 people were killed in the attack, and 1\u200b200 were wounded."})
	db := filepath.Join(t.TempDir(), "toll.db")
	out, errOut, err := runToll(t, storeEnv(db, ""), "add", "--date", "2023-10-09", filepath.Join(dir, "mixed.txt"))
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	if !strings.Contains(out, "1 claims") {
		t.Errorf("want the wounded figure stored: %s", out)
	}
	want := `mixed.txt: figure not read at offset 9, "1\u066200": a number with digits of another script`
	if !strings.Contains(errOut, want) {
		t.Errorf("stderr %q, want it to hold %q", errOut, want)
	}
	claims := mustToll(t, storeEnv(db, ""), "claims", "--format", "csv")
	if !strings.Contains(claims, ",1200,") {
		t.Errorf("want the wounded figure read as 1200:\n%s", claims)
	}
}

// TestAddOddFiles is issue 10 item 9: a named pipe called *.txt in a
// directory made `toll add DIR` hang, a dangling link failed the whole
// directory, and --db naming a pipe hung. Now the pipe is skipped with a
// note, the dangling link named (exit 1), the rest added; --db on a pipe
// is refused at once.
func TestAddOddFiles(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": "At least 12 people were killed in the blast, police said."})
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	if err := os.Symlink("gone.txt", filepath.Join(dir, "dead.txt")); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "toll.db")
	type run struct {
		out, errOut string
		err         error
	}
	within := func(args ...string) run {
		t.Helper()
		done := make(chan run, 1)
		go func() {
			out, errOut, err := runToll(t, storeEnv(db, ""), args...)
			done <- run{out, errOut, err}
		}()
		select {
		case r := <-done:
			return r
		case <-time.After(20 * time.Second):
			t.Fatalf("toll %v did not return in 20 s", args)
		}
		return run{}
	}
	r := within("add", "--date", "2023-10-09", dir)
	if !strings.Contains(r.out, "added 1, already stored 0, failed 1") {
		t.Errorf("stdout %q, want a.txt added and one failure", r.out)
	}
	for _, want := range []string{"note: skipped " + filepath.Join(dir, "pipe.txt") + ": a named pipe, not a regular file",
		filepath.Join(dir, "dead.txt") + ": skipped: a dangling symbolic link"} {
		if !strings.Contains(r.errOut, want) {
			t.Errorf("stderr %q, want %q", r.errOut, want)
		}
	}
	if exitCode(r.err) != 1 {
		t.Errorf("exit status %d, want 1", exitCode(r.err))
	}
	pipe := filepath.Join(dir, "pipe.txt")
	for _, args := range [][]string{{"add", "--db", pipe, "--date", "2023-10-09", filepath.Join(dir, "a.txt")}, {"reports", "--db", pipe}, {"doctor", "--db", pipe}} {
		r := within(args...)
		if r.err == nil || !strings.Contains(r.err.Error(), "not a regular file (a named pipe)") {
			t.Errorf("toll %v: err = %v, want a refusal naming the pipe", args, r.err)
		}
	}
}
