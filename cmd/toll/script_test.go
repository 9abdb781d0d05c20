package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/tollproject/toll/tracker/bolt"
)

// scriptDir holds the end-to-end tests: testscript files, each a script of
// toll command lines with the reports and expected outputs it needs (see
// testscript's documentation for the language).
const scriptDir = "../../testdata/script"

// TestMain lets the test binary play toll: testscript puts a copy of it
// named toll on the scripts' PATH, and run under that name it is main
// itself, with main's exit statuses and error printing, except that it
// waits testLockTimeout for a database another process holds (holddb).
func TestMain(m *testing.M) {
	os.Exit(testscript.RunMain(m, map[string]func() int{"toll": func() int {
		e := osEnv(os.Stdin)
		e.lockTimeout = testLockTimeout
		return run(e)
	}}))
}

// testLockTimeout is how long toll waits for a locked database in tests
// (bolt.DefaultTimeout is 2s): the tests that hold the lock wait it out in
// full, and no test has two tolls use one database at once.
const testLockTimeout = 100 * time.Millisecond

// TestScripts runs every testdata/script/*.txtar. Each runs toll as a
// real process in a fresh directory ($WORK), with TOLL_DB=$WORK/toll.db,
// USER=tester and no usable HOME. go test -update rewrites the files
// compared with cmp in the archives.
//
// Besides testscript's own commands, scripts have:
//
//	status CODE PROG [ARGS...]  run PROG like exec; fail unless it exits with CODE
//	holddb PATH                 open the database at PATH and keep it open (so
//	                            locked) until releasedb PATH or the end of the script
//	releasedb PATH              close what holddb opened
//	binfile NAME                write a small binary file (NUL bytes, not UTF-8)
//	serve DIR                   serve DIR over HTTP on loopback and set $SERVER to
//	                            its address (see cmdServe)
//	stdoutvar NAME REGEXP       set $NAME to the first group REGEXP matches in the
//	                            last command's standard output (multi-line mode),
//	                            for ids toll makes (series decisions)
//	awaithits PATH N            wait (up to 10s) until the server has answered
//	                            PATH N times, to sync with a background toll
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 scriptDir,
		UpdateScripts:       updating(),
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("TOLL_DB", filepath.Join(env.WorkDir, "toll.db"))
			env.Setenv("USER", "tester")
			held := map[string]*bolt.DB{}
			env.Values[heldKey{}] = held
			env.Values[serveKey{}] = &served{hits: map[string]int{}}
			env.Defer(func() {
				for _, db := range held {
					db.Close()
				}
			})
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"status":    cmdStatus,
			"holddb":    cmdHoldDB,
			"releasedb": cmdReleaseDB,
			"binfile":   cmdBinfile,
			"serve":     cmdServe,
			"stdoutvar": cmdStdoutVar,
			"awaithits": cmdAwaitHits,
		},
	})
}

// heldKey finds the databases holddb keeps open in a script's values.
type heldKey struct{}

// cmdStatus runs a program and checks its exit status, which exec alone
// cannot: "! exec" passes for any failure, and toll's statuses differ (1
// for a failure, 2 for a command line it cannot use).
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! status (give the status you expect)")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: status CODE PROG [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("status: %q is not an exit status", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("status: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

// cmdHoldDB opens a database as toll does and keeps it open, so that
// toll, a separate process, finds it locked. It is in the test process,
// so the script cannot leave it behind.
func cmdHoldDB(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: holddb PATH")
	}
	held := ts.Value(heldKey{}).(map[string]*bolt.DB)
	path := ts.MkAbs(args[0])
	if held[path] != nil {
		ts.Fatalf("holddb: %s is held already", args[0])
	}
	db, err := bolt.Open(path, bolt.Options{Timeout: 5 * time.Second})
	ts.Check(err)
	held[path] = db
}

func cmdReleaseDB(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: releasedb PATH")
	}
	held := ts.Value(heldKey{}).(map[string]*bolt.DB)
	path := ts.MkAbs(args[0])
	db := held[path]
	if db == nil {
		ts.Fatalf("releasedb: %s is not held", args[0])
	}
	delete(held, path)
	ts.Check(db.Close())
}

// cmdBinfile writes what an image or a zip looks like to a text reader:
// a header, NUL bytes and bytes that are not UTF-8. Script files are text
// and cannot hold it themselves.
func cmdStdoutVar(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: stdoutvar NAME REGEXP")
	}
	re, err := regexp.Compile("(?m)" + args[1])
	ts.Check(err)
	m := re.FindStringSubmatch(ts.ReadFile("stdout"))
	if len(m) < 2 {
		ts.Fatalf("no match for %q with a group in stdout", args[1])
	}
	ts.Setenv(args[0], m[1])
}

func cmdBinfile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: binfile NAME")
	}
	b := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	for i := range 256 {
		b = append(b, byte(i))
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), b, 0o644))
}
