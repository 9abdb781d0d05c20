package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/bolt"
	"github.com/tollproject/toll/tracker/extract"
)

// fixtureID returns the report id of testdata/store/reports/NAME.txt.
func fixtureID(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(storeTestdata, "reports", name+".txt"))
	if err != nil {
		tb.Fatal(err)
	}
	return tracker.ReportID(string(b))
}

// TestStoreCommands runs the listing, show and review commands on the
// fixture database and compares their output with golden files.
func TestStoreCommands(t *testing.T) {
	db := fixtureDB(t)
	coast := fixtureID(t, "2023-10-09-coastline-courier")
	valley := fixtureID(t, "2023-10-15-valley-herald")
	steps := []struct {
		golden string
		args   []string
	}{
		{"reports.table", []string{"reports"}},
		{"reports.json", []string{"reports", "--format", "json"}},
		{"reports.csv", []string{"reports", "--format", "csv"}},
		{"claims.table", []string{"claims"}},
		{"claims.killed-valley", []string{"claims", "--category", "killed", "--source", "VALLEY"}},
		{"claims.who-source", []string{"claims", "--who", "Palestinians", "--source", "health ministry"}},
		{"claims.since-until.csv", []string{"claims", "--since", "2023-10-10", "--until", "2023-10-15", "--format", "csv"}},
		{"claims.report.jsonl", []string{"claims", "--report", valley[:5], "--format", "jsonl"}},
		{"claims.none.json", []string{"claims", "--category", "arrested", "--format", "json"}},
		{"show.report", []string{"show", coast[:6]}},
		{"review.reject", []string{"review", "--reject", "--note", "the headline repeats claim 2", valley + "-1"}},
		{"review.correct", []string{"review", "--by", "ana", "--set", "who=palestinians", "--set",
			"attribution=the Gaza health ministry, in a statement", "--note", "the ministry counts Palestinians", coast + "-4"}},
		{"review.accept", []string{"review", "--accept", coast + "-4"}},
		{"show.claim", []string{"show", coast + "-4"}},
		{"show.claim-history", []string{"show", "--history", coast + "-4"}},
		{"claims.reviewed", []string{"claims", "--status", "rejected"}},
		{"show.report-json", []string{"show", "--format", "json", valley}},
		{"export.json", []string{"export"}},
	}
	e := storeEnv(db, "") // one clock for the whole session
	for _, s := range steps {
		out := mustToll(t, e, s.args...)
		checkGolden(t, s.golden, out)
	}
}

func TestDBPath(t *testing.T) {
	tests := []struct {
		name, flag string
		vars       map[string]string
		want       string
		wantErr    bool
	}{
		{"flag first", "/x/flag.db", map[string]string{"TOLL_DB": "/x/env.db", "HOME": "/home/u"}, "/x/flag.db", false},
		{"TOLL_DB", "", map[string]string{"TOLL_DB": "/x/env.db", "XDG_DATA_HOME": "/xdg", "HOME": "/home/u"}, "/x/env.db", false},
		{"XDG_DATA_HOME", "", map[string]string{"XDG_DATA_HOME": "/xdg", "HOME": "/home/u"}, "/xdg/toll/toll.db", false},
		{"relative XDG_DATA_HOME is ignored", "", map[string]string{"XDG_DATA_HOME": "xdg", "HOME": "/home/u"}, "/home/u/.local/share/toll/toll.db", false},
		{"HOME", "", map[string]string{"HOME": "/home/u"}, "/home/u/.local/share/toll/toll.db", false},
		{"nothing", "", map[string]string{}, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := dbPath(tt.flag, env{getenv: func(k string) string { return tt.vars[k] }})
			if got != tt.want || (err != nil) != tt.wantErr {
				t.Errorf("dbPath = %q, %v; want %q (error %v)", got, err, tt.want, tt.wantErr)
			}
		})
	}
}

// TestDefaultDBCreated checks that a writing command creates the default
// database and its directory under XDG_DATA_HOME.
func TestDefaultDBCreated(t *testing.T) {
	xdg := filepath.Join(t.TempDir(), "data")
	vars := map[string]string{"XDG_DATA_HOME": xdg, "USER": "tester"}
	e := env{stdin: strings.NewReader(""), now: testClock(), getenv: func(k string) string { return vars[k] }}
	out := mustToll(t, e, "import", filepath.Join(storeTestdata, "fixture.jsonl"))
	want := filepath.Join(xdg, "toll", "toll.db")
	if !strings.Contains(out, want) {
		t.Errorf("import output %q does not name %s", out, want)
	}
	if _, err := os.Stat(want); err != nil {
		t.Errorf("default database not created: %v", err)
	}
}

// TestReadCommandsNeedDatabase checks that commands other than add and
// import, on a database that does not exist, say so and create nothing.
func TestReadCommandsNeedDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "sub", "toll.db")
	for _, args := range [][]string{{"reports"}, {"claims"}, {"show", "abc123"}, {"export"},
		{"review", "--accept", "abc123-1"}, {"rm", "--yes", "abc123"}, {"reextract", "--all"}} {
		_, _, err := runToll(t, storeEnv(db, ""), args...)
		if err == nil || !strings.Contains(err.Error(), "no toll database at "+db) {
			t.Errorf("toll %s: err = %v, want one saying there is no database at %s", args[0], err, db)
		}
	}
	if _, err := os.Stat(filepath.Dir(db)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a reading command created %s", filepath.Dir(db))
	}
}

func TestReviewErrors(t *testing.T) {
	db := fixtureDB(t)
	coast := fixtureID(t, "2023-10-09-coastline-courier")
	id := coast + "-1"
	tests := []struct {
		name  string
		args  []string
		want  string
		usage bool
	}{
		{"nothing to do", []string{"review", id}, "exactly one of --accept, --reject, --reset or --set", true},
		{"two decisions", []string{"review", "--accept", "--reject", id}, "exactly one of", true},
		{"misspelt flag after id", []string{"review", id, "--acept"}, "unknown flag --acept (did you mean --accept?", true},
		{"no id", []string{"review", "--accept"}, "give one claim id", true},
		{"unknown field", []string{"review", "--set", "colour=red", id}, `unknown field "colour"`, false},
		{"no equals", []string{"review", "--set", "low", id}, "want field=value", false},
		{"bad number", []string{"review", "--set", "low=many", id}, `"many" is not a whole number`, false},
		{"fraction", []string{"review", "--set", "high=2.5", id}, `"2.5" is not a whole number`, false},
		{"low above high", []string{"review", "--set", "high=10", id}, "low 1100 is above high 10", false},
		{"bad category", []string{"review", "--set", "category=dead", id}, `unknown category "dead"`, false},
		{"bad date", []string{"review", "--set", "as_of=9 Oct", id}, "want YYYY-MM-DD", false},
		{"no change", []string{"review", "--set", "low=1100", id}, "changes nothing", false},
		{"unknown claim", []string{"review", "--accept", coast + "-42"}, "has no claim 42", false},
		{"not a claim id", []string{"review", "--accept", coast}, "want REPORT-N", false},
		{"unknown report", []string{"review", "--accept", "ffffff-1"}, "report ffffff: not found", false},
	}
	before, _, _ := runToll(t, storeEnv(db, ""), "export")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := runToll(t, storeEnv(db, ""), tt.args...)
			var ue usageError
			if err == nil || !strings.Contains(err.Error(), tt.want) || errors.As(err, &ue) != tt.usage {
				t.Errorf("err = %v, want one saying %q (usage error %v)", err, tt.want, tt.usage)
			}
		})
	}
	if after, _, _ := runToll(t, storeEnv(db, ""), "export"); after != before {
		t.Errorf("failed reviews changed the database")
	}
}

// fakeTerminal is a standard input that says it is a terminal.
type fakeTerminal struct{ *strings.Reader }

func (fakeTerminal) IsTerminal() bool { return true }

func TestRm(t *testing.T) {
	coast := fixtureID(t, "2023-10-09-coastline-courier")
	tests := []struct {
		name    string
		args    []string
		stdin   func() any
		removed bool
		out     string
		err     string
	}{
		{"not a terminal, no --yes", []string{"rm", coast[:6]}, nil, false, "5 claims, 0 reviewed", "pass --yes"},
		{"--yes", []string{"rm", "--yes", coast[:6]}, nil, true, "removed " + coast + " and its 5 claims", ""},
		{"terminal, no", []string{"rm", coast}, func() any { return fakeTerminal{strings.NewReader("n\n")} }, false, "nothing removed", ""},
		{"terminal, yes", []string{"rm", coast}, func() any { return fakeTerminal{strings.NewReader("yes\n")} }, true, "removed " + coast, ""},
		{"terminal, no answer", []string{"rm", coast}, func() any { return fakeTerminal{strings.NewReader("")} }, false, "", "no answer"},
		{"unknown report", []string{"rm", "--yes", "fffff"}, nil, false, "", "report fffff: not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := fixtureDB(t)
			e := storeEnv(db, "")
			if tt.stdin != nil {
				e.stdin = tt.stdin().(fakeTerminal)
			}
			out, _, err := runToll(t, e, tt.args...)
			if tt.err == "" && err != nil || tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
				t.Errorf("err = %v, want %q", err, tt.err)
			}
			if !strings.Contains(out, tt.out) {
				t.Errorf("output %q does not say %q", out, tt.out)
			}
			_, _, err = runToll(t, storeEnv(db, ""), "show", coast)
			if gone := err != nil; gone != tt.removed {
				t.Errorf("removed = %v, want %v", gone, tt.removed)
			}
		})
	}
}

// TestExportImportCommands checks export → import into an empty database
// → export gives the same bytes, in every format, through the commands.
func TestExportImportCommands(t *testing.T) {
	src := fixtureDB(t)
	coast := fixtureID(t, "2023-10-09-coastline-courier")
	mustToll(t, storeEnv(src, ""), "review", "--set", "low=1200", "--note", "a later bulletin", coast+"-1")
	mustToll(t, storeEnv(src, ""), "review", "--reject", coast+"-2")
	for _, format := range []string{"json", "jsonl", "csv"} {
		t.Run(format, func(t *testing.T) {
			first := mustToll(t, storeEnv(src, ""), "export", "--format", format)
			dst := filepath.Join(t.TempDir(), "copy.db")
			out := mustToll(t, storeEnv(dst, first), "import", "-")
			if !strings.Contains(out, "imported 3 reports, 11 claims and 0 acks from standard input") {
				t.Errorf("import said %q", out)
			}
			if second := mustToll(t, storeEnv(dst, ""), "export", "--format", format); second != first {
				t.Errorf("export → import → export differs")
			}
			_, _, err := runToll(t, storeEnv(dst, first), "import", "-")
			if err == nil || !strings.Contains(err.Error(), "ids already in the database") {
				t.Errorf("second import: err = %v, want a collision", err)
			}
		})
	}
}

// TestBadDatabase runs a reading and a writing command on database files
// toll cannot use: each fails naming the file and leaves it as it was.
func TestBadDatabase(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.db")
	if err := os.WriteFile(notDB, bytes.Repeat([]byte("these are my notes, not a database\n"), 200), 0o600); err != nil {
		t.Fatal(err)
	}
	damaged := fixtureDB(t)
	b, _ := os.ReadFile(damaged)
	for i := 0; i < 8192; i++ {
		b[i] = 0
	}
	if err := os.WriteFile(damaged, b, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, path, want string }{
		{"not bbolt", notDB, "is not a toll database"},
		{"damaged", damaged, "is not a toll database"},
		{"directory", dir, "is a directory"},
	}
	for _, tt := range tests {
		for _, args := range [][]string{{"claims"}, {"review", "--accept", "abc-1"}, {"import", filepath.Join(storeTestdata, "fixture.jsonl")}} {
			t.Run(tt.name+"/"+args[0], func(t *testing.T) {
				var before []byte
				if fi, _ := os.Stat(tt.path); !fi.IsDir() {
					before, _ = os.ReadFile(tt.path)
				}
				out, _, err := runToll(t, storeEnv(tt.path, ""), args...)
				if err == nil || !strings.Contains(err.Error(), tt.path) || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("err = %v, want one naming %s and saying %q", err, tt.path, tt.want)
				}
				if out != "" {
					t.Errorf("printed %q", out)
				}
				if before != nil {
					if after, _ := os.ReadFile(tt.path); !bytes.Equal(before, after) {
						t.Errorf("the file changed")
					}
				}
			})
		}
	}
}

// TestReadOnlyLocation runs a writing command where the database cannot
// be created.
func TestReadOnlyLocation(t *testing.T) {
	ro := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(ro, 0o500); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(ro, "toll.db")
	if f, err := os.Create(path); err == nil {
		// Root writes anywhere; /sys refuses new files even to root.
		f.Close()
		os.Remove(path)
		path = "/sys/toll-test.db"
		if f, err := os.Create(path); err == nil {
			f.Close()
			os.Remove(path)
			t.Skip("no read-only location to test with")
		}
	}
	_, _, err := runToll(t, storeEnv(path, ""), "import", filepath.Join(storeTestdata, "fixture.jsonl"))
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "read-only location") {
		t.Errorf("err = %v, want one naming %s as a read-only location", err, path)
	}
}

// TestLockedDatabase holds the database open and runs a command: it must
// fail after its lock timeout saying another toll process has it.
func TestLockedDatabase(t *testing.T) {
	path := fixtureDB(t)
	held, err := bolt.Open(path, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	e := storeEnv(path, "")
	e.lockTimeout = testLockTimeout
	for _, args := range [][]string{{"claims"}, {"review", "--accept", "abc-1"}} {
		_, _, err := runToll(t, e, args...)
		if want := "database " + path + " is in use by another toll process"; err == nil || err.Error() != want {
			t.Errorf("toll %s: err = %v, want %q", args[0], err, want)
		}
	}
}

// TestReextractCommand re-reads a database whose reports an older
// extractor read: --all picks them, reviewed claims keep their decision,
// and a second --all finds nothing to do. What the current extractor
// finds may change as it improves, so only the bookkeeping is checked.
func TestReextractCommand(t *testing.T) {
	fixture, err := os.ReadFile(filepath.Join(storeTestdata, "fixture.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	// every report as if read by extractor 0, whatever version the
	// fixture was made with
	old := regexp.MustCompile(`"extractor":"[^"]*"`).ReplaceAllString(string(fixture), `"extractor":"0"`)
	db := filepath.Join(t.TempDir(), "toll.db")
	e := storeEnv(db, old)
	mustToll(t, e, "import", "-")
	coast := fixtureID(t, "2023-10-09-coastline-courier")
	mustToll(t, e, "review", "--set", "low=1200", coast+"-1")

	out := mustToll(t, e, "reextract", "--all")
	if !strings.Contains(out, "3 reports re-read with extractor "+extract.Version()) ||
		!strings.Contains(out, coast+" (extractor 0 → "+extract.Version()+")") {
		t.Errorf("reextract --all said:\n%s", out)
	}
	if got := mustToll(t, e, "show", coast+"-1"); !strings.Contains(got, "figure       at least 1,200") || !strings.Contains(got, "status       corrected") {
		t.Errorf("the correction did not survive re-extraction:\n%s", got)
	}
	if out := mustToll(t, e, "reextract", "--all"); !strings.HasPrefix(out, "0 reports re-read") {
		t.Errorf("second reextract --all said:\n%s", out)
	}
	if out := mustToll(t, e, "reextract", coast[:5]); !strings.Contains(out, "1 reports re-read") {
		t.Errorf("reextract ID said:\n%s", out)
	}
	for _, args := range [][]string{{"reextract"}, {"reextract", "--all", coast}} {
		var ue usageError
		if _, _, err := runToll(t, e, args...); !errors.As(err, &ue) {
			t.Errorf("toll %s: err = %v, want a usage error", strings.Join(args, " "), err)
		}
	}
}

// TestContextLine: show names what the report adds to a claim's sentence.
func TestContextLine(t *testing.T) {
	tests := []struct {
		name string
		ctx  tracker.Context
		want string
	}{
		{"none", tracker.Context{}, ""},
		{"a headline's place and its event", tracker.Context{Place: "Kunar", PlaceFrom: "headline", Event: "earthquake"}, "place Kunar (from the headline); event earthquake"},
		{"a past toll of the sentence's place", tracker.Context{Place: "Herat", PlaceFrom: "sentence", Event: "earthquake", Past: "2023"}, "place Herat; event earthquake; about 2023"},
		{"a relayed part", tracker.Context{Part: true, Via: "state media", Origin: "interior ministry"}, "a part of a count given elsewhere; given by interior ministry; via state media"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := contextLine(tt.ctx); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
