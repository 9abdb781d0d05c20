package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/extract"
)

// TestReports checks that generated reports are what the benchmark says
// they are: reproducible from the seed, about the size asked, and read
// by toll's extractor as several claims each, of every category.
func TestReports(t *testing.T) {
	const n, size = 200, 3000
	a, b := newGen(7, size), newGen(7, size)
	categories := map[tracker.Category]int{}
	claims := 0
	for i := range n {
		da, db := a.report(i), b.report(i)
		if da != db {
			t.Fatalf("report %d differs between two generators with the same seed", i)
		}
		if len(da.Text) < size-10 || len(da.Text) > size+400 {
			t.Errorf("report %d is %d bytes, want about %d", i, len(da.Text), size)
		}
		published, err := tracker.ParseDate(da.Published)
		if err != nil {
			t.Fatalf("report %d: %v", i, err)
		}
		res, err := extract.Report(tracker.Report{Title: da.Title, Published: published, Text: da.Text})
		if err != nil {
			t.Fatalf("report %d: %v", i, err)
		}
		claims += len(res.Claims)
		for _, c := range res.Claims {
			categories[c.Category]++
		}
	}
	if got := float64(claims) / n; got < 4 || got > 12 {
		t.Errorf("%.1f claims a report, want about 7", got)
	}
	for _, c := range tracker.Categories() {
		if categories[c] == 0 {
			t.Errorf("no %s claim in %d reports", c, n)
		}
	}
}

func TestNum(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{{1, "1"}, {999, "999"}, {1000, "1,000"}, {12345, "12,345"}, {1234567, "1,234,567"}}
	for _, tt := range tests {
		if got := num(tt.n); got != tt.want {
			t.Errorf("num(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

// TestRun writes reports holding a number of claims and checks the files
// are JSON Lines toll add reads, split as asked.
func TestRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	var out strings.Builder
	if err := run([]string{"-claims", "300", "-per-file", "10", "-out", dir}, &out); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	reports := 0
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<20)
		lines := 0
		for sc.Scan() {
			var d doc
			if err := json.Unmarshal(sc.Bytes(), &d); err != nil || d.Text == "" || d.Published == "" {
				t.Errorf("%s: bad line %q: %v", f, sc.Text()[:min(80, len(sc.Text()))], err)
			}
			lines++
		}
		fh.Close()
		if lines > 10 {
			t.Errorf("%s has %d reports, want at most 10", f, lines)
		}
		reports += lines
	}
	if reports == 0 || len(files) != (reports+9)/10 {
		t.Errorf("%d reports in %d files, want 10 a file", reports, len(files))
	}
	if !strings.Contains(out.String(), "claims") {
		t.Errorf("no summary: %q", out.String())
	}
	if err := run([]string{"-claims", "10", "-out", dir}, &out); err == nil {
		t.Error("writing into a non-empty directory succeeded")
	}
	if err := run([]string{"-claims", "10", "-reports", "3", "-out", t.TempDir()}, &out); err == nil {
		t.Error("-claims and -reports together succeeded")
	}
}
