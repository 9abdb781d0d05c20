package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/tollproject/toll/tracker"
)

// TestAddBatchesInOrder adds the same reports (text files and JSONL
// files, some bad and one twice) in
// one batch on one core and in batches of three on several (the
// extractor reading a batch while the one before commits), and checks
// that what is printed and what is stored are the same byte for byte:
// the parallel pipeline changes when work is done, never its result.
func TestAddBatchesInOrder(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 20 {
		text := crashReport(rng, i)
		switch i {
		case 7:
			text = "" // unusable: an empty file
		case 12:
			text = crashReport(rand.New(rand.NewPCG(3, 4)), 0) // the text of report 0 again
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%02d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A JSONL file of five reports (read on every core within the file)
	// and one with a bad line, which fails whole.
	var jl, bad strings.Builder
	for i := range 5 {
		fmt.Fprintf(&jl, "{\"text\": %q}\n", crashReport(rng, 100+i))
	}
	bad.WriteString(jl.String()[:strings.IndexByte(jl.String(), '\n')+1])
	bad.WriteString("{\"text\": \"cut short\n")
	for name, text := range map[string]string{"r20.jsonl": jl.String(), "r21.jsonl": bad.String()} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(procs, batch int) (out, errOut, export string) {
		t.Helper()
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		db := filepath.Join(t.TempDir(), "toll.db")
		e := storeEnv(db, "")
		var w, ew bytes.Buffer
		opts := addOptions{DB: db, Paths: []string{dir}, Source: "Bulletin", Date: tracker.MustDate("2023-10-20"), Batch: batch}
		if err := runAdd(context.Background(), opts, e, &w, &ew); err == nil {
			t.Fatal("add of an empty file succeeded")
		}
		return w.String(), ew.String(), mustToll(t, e, "export", "--format", "jsonl")
	}
	out1, err1, exp1 := run(1, 1000)
	outN, errN, expN := run(4, 3)
	if !strings.Contains(out1, "added 23, already stored 1, failed 2") {
		t.Fatalf("one batch: unexpected summary:\n%s", out1)
	}
	if outN != out1 {
		t.Errorf("output differs in batches of 3 on 4 workers:\n%s\nwant:\n%s", outN, out1)
	}
	if errN != err1 {
		t.Errorf("errors differ: %q, want %q", errN, err1)
	}
	if expN != exp1 {
		t.Error("the stored database differs in batches of 3 on 4 workers")
	}
}
