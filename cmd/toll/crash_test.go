package main

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tollproject/toll/tracker/bolt"
	"github.com/tollproject/toll/tracker/extract"
)

// crashChildEnv, when set, makes TestCrashChild run toll with the
// arguments it holds (separated by newlines) as a real process would.
const crashChildEnv = "TOLL_TEST_CRASH_CHILD"

// TestCrashChild is not a test on its own: TestAddCrash runs the test
// binary again with crashChildEnv set and only this test selected, to
// have a real toll process it can kill. It commits crashBatch reports a
// transaction.
func TestCrashChild(t *testing.T) {
	args := os.Getenv(crashChildEnv)
	if args == "" {
		t.Skip("run by TestAddCrash")
	}
	e := osEnv(os.Stdin)
	e.batch = crashBatch
	err := newAppEnv(e, os.Stdout, os.Stderr).RunContext(context.Background(), append([]string{"toll"}, strings.Split(args, "\n")...))
	if err != nil {
		fmt.Fprintln(os.Stderr, "toll:", err)
		os.Exit(exitCode(err))
	}
	os.Exit(0)
}

// crashBatch is the batch of the add TestAddCrash kills: small, so that a
// kill after two batches and a half needs few reports.
const crashBatch = 20

// crashReport writes the i-th generated report: a casualty sentence or
// two in our own words among filler, about 600 bytes.
func crashReport(rng *rand.Rand, i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Bulletin %d from the southern districts\n\n", i)
	fmt.Fprintf(&b, "At least %d people have been killed in Rafah since Saturday, the health ministry said. ", 10+rng.IntN(3000))
	for b.Len() < 600 {
		switch rng.IntN(4) {
		case 0:
			fmt.Fprintf(&b, "Hospital staff said %d people were wounded overnight. ", 5+rng.IntN(900))
		default:
			b.WriteString("Crews worked through the night to clear roads and restore water to the camps near the coast. ")
		}
	}
	return b.String()
}

// TestAddCrash starts a bulk add in a real process, kills it with SIGKILL
// part-way, and checks that the database opens, holds only whole reports
// (each with every claim the extractor finds in it), and that running the
// same add again finishes the job.
//
// The child prints a report's line once its batch is committed, and is
// killed when two batches and a half have been read from its output. It
// can run ahead of what is read by what its output pipe holds (4 KiB on
// Linux, where the pipe is shrunk to that; 64 KiB, the most, elsewhere)
// and what the parent's scanner has read ahead (4 KiB), and it commits at
// most one batch beyond what it printed (the next batch's commit starts
// only after the lines of the one before are written). So there are
// reports enough that the kill always comes before the last batch.
func TestAddCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("builds hundreds of reports; not with -short")
	}
	dir := t.TempDir()
	db := filepath.Join(t.TempDir(), "toll.db")
	args := []string{"add", "--db", db, "--source", "Bulletin", "--date", "2023-10-20", dir}

	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	pipe := shrinkPipe(t, r)
	const kill = 2*crashBatch + crashBatch/2
	// the shortest line the child prints: no report's line is shorter
	shortest := len(fmt.Sprintf("%012d  2023-10-20  Bulletin  0 claims  (%s)\n", 0, filepath.Join(dir, "r0000.txt")))
	ahead := (pipe + 4096) / shortest
	total := kill + ahead + 2*crashBatch
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range total {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%04d.txt", i)), []byte(crashReport(rng, i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+strings.Join(args, "\n"))
	cmd.Stdout = w
	err = cmd.Start()
	w.Close()
	if err != nil {
		t.Fatal(err)
	}
	// Kill it once two batches are committed (a line is printed only
	// after its batch is), in the middle of later ones.
	sc := bufio.NewScanner(r)
	lines := 0
	for lines < kill && sc.Scan() {
		lines++
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if lines < 2*crashBatch {
		t.Fatalf("the child printed only %d lines before it was killed", lines)
	}

	store, err := bolt.Open(db, bolt.Options{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatalf("the database does not open after the crash: %v", err)
	}
	present := 0
	err = store.EachReport(func(s bolt.ReportSummary) error {
		present++
		res, err := extract.Report(s.Report)
		if err != nil {
			return err
		}
		if s.Claims != len(res.Claims) {
			t.Errorf("report %s has %d claims stored, the extractor finds %d", s.Report.ID, s.Claims, len(res.Claims))
		}
		return nil
	})
	store.Close()
	if err != nil {
		t.Fatal(err)
	}
	if present < lines || present >= total {
		t.Fatalf("%d reports present after the crash; %d were printed, %d were to be added", present, lines, total)
	}
	t.Logf("killed after %d of %d reports printed (pipe %d bytes); %d stored", lines, total, pipe, present)

	out := mustToll(t, storeEnv(db, ""), args...)
	if want := fmt.Sprintf("added %d, already stored %d, failed 0", total-present, present); !strings.Contains(out, want) {
		t.Errorf("second run does not say %q:\n%s", want, out[max(0, len(out)-300):])
	}
	n := strings.Count(mustToll(t, storeEnv(db, ""), "reports", "--format", "jsonl"), "\n")
	if n != total {
		t.Errorf("%d reports after the second run, want %d", n, total)
	}
}
