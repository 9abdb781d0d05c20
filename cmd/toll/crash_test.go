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
// have a real toll process it can kill.
func TestCrashChild(t *testing.T) {
	args := os.Getenv(crashChildEnv)
	if args == "" {
		t.Skip("run by TestAddCrash")
	}
	err := newApp(os.Stdin, os.Stdout, os.Stderr).RunContext(context.Background(), append([]string{"toll"}, strings.Split(args, "\n")...))
	if err != nil {
		fmt.Fprintln(os.Stderr, "toll:", err)
		os.Exit(exitCode(err))
	}
	os.Exit(0)
}

// crashReport writes the i-th generated report: a few casualty sentences
// in our own words among filler, about 3 KB.
func crashReport(rng *rand.Rand, i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Bulletin %d from the southern districts\n\n", i)
	for b.Len() < 3000 {
		switch rng.IntN(5) {
		case 0:
			fmt.Fprintf(&b, "At least %d people have been killed in Rafah since Saturday, the health ministry said. ", 10+rng.IntN(3000))
		case 1:
			fmt.Fprintf(&b, "Hospital staff said %d people were wounded overnight. ", 5+rng.IntN(900))
		default:
			b.WriteString("Crews worked through the night to clear roads and restore water to the camps near the coast. ")
		}
	}
	return b.String()
}

// TestAddCrash starts a bulk add of a few thousand reports in a real
// process, kills it with SIGKILL part-way, and checks that the database
// opens, holds only whole reports (each with every claim the extractor
// finds in it), and that running the same add again finishes the job.
func TestAddCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("builds thousands of reports; not with -short")
	}
	const total = 2000
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range total {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%04d.txt", i)), []byte(crashReport(rng, i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "toll.db")
	args := []string{"add", "--db", db, "--source", "Bulletin", "--date", "2023-10-20", dir}

	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+strings.Join(args, "\n"))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once two batches are committed (a line is printed only
	// after its batch is), in the middle of later ones.
	sc := bufio.NewScanner(stdout)
	lines := 0
	for sc.Scan() && lines < 2*addBatch+addBatch/2 {
		lines++
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if lines < 2*addBatch {
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
	t.Logf("killed after %d reports printed; %d stored", lines, present)

	out := mustToll(t, storeEnv(db, ""), args...)
	if want := fmt.Sprintf("added %d, already stored %d, failed 0", total-present, present); !strings.Contains(out, want) {
		t.Errorf("second run does not say %q:\n%s", want, out[max(0, len(out)-300):])
	}
	n := strings.Count(mustToll(t, storeEnv(db, ""), "reports", "--format", "jsonl"), "\n")
	if n != total {
		t.Errorf("%d reports after the second run, want %d", n, total)
	}
}
