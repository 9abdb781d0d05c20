package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestTrials adds each new-user trial's reports (testdata/trials) to a
// store of its own and holds toll to what an analyst reads there: the
// series expect.tsv lists, with their figures in order, and no
// error-severity finding.
func TestTrials(t *testing.T) {
	dirs, _ := filepath.Glob("../../testdata/trials/*/reports.tsv")
	if len(dirs) < 10 {
		t.Fatalf("found %d trials, want at least 10", len(dirs))
	}
	for _, rep := range dirs {
		dir := filepath.Dir(rep)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "toll.db")
			e := storeEnv(db, "")
			for _, f := range readTSV(t, rep) {
				if len(f) != 3 {
					t.Fatalf("%s: want file, outlet and date, got %q", rep, f)
				}
				mustToll(t, e, "add", "--source", f[1], "--date", f[2], filepath.Join(dir, f[0]))
			}
			got := timelineFigures(t, mustToll(t, e, "timeline"), mustToll(t, e, "timeline", "--format", "json"))
			for _, x := range readTSV(t, filepath.Join(dir, "expect.tsv")) {
				if len(x) != 2 {
					t.Fatalf("expect.tsv: want title and figures, got %q", x)
				}
				if g, ok := got[x[0]]; !ok {
					t.Errorf("no series %q", x[0])
				} else if g != x[1] {
					t.Errorf("%s: got %s, want %s", x[0], g, x[1])
				}
			}
			var fs []struct{ Severity, Kind, Message string }
			if err := json.Unmarshal([]byte(mustToll(t, e, "check", "--format", "json")), &fs); err != nil {
				t.Fatal(err)
			}
			for _, f := range fs {
				if f.Severity == "error" {
					t.Errorf("error finding %s: %s", f.Kind, f.Message)
				}
			}
		})
	}
}

// seriesHead is a timeline table's series title line, its id apart.
var seriesHead = regexp.MustCompile(`^(\S.*) \[(s[0-9a-f]+)\]$`)

// timelineFigures maps each series title of a timeline to its rows'
// figures joined by "|", the titles from the table and the figures from
// the JSON of the same timeline.
func timelineFigures(tb testing.TB, table, js string) map[string]string {
	tb.Helper()
	titles := map[string]string{}
	for _, l := range strings.Split(table, "\n") {
		if m := seriesHead.FindStringSubmatch(l); m != nil {
			titles[m[2]] = m[1]
		}
	}
	var tl struct {
		Series []struct {
			Series  struct{ ID string }
			Entries []struct{ Figure string }
		}
	}
	if err := json.Unmarshal([]byte(js), &tl); err != nil {
		tb.Fatal(err)
	}
	out := map[string]string{}
	for _, s := range tl.Series {
		var figs []string
		for _, e := range s.Entries {
			figs = append(figs, e.Figure)
		}
		out[titles[s.Series.ID]] = strings.Join(figs, "|")
	}
	return out
}

// readTSV returns a tab-separated file's lines as fields, without
// comments and blank lines.
func readTSV(tb testing.TB, path string) [][]string {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := sc.Text(); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, strings.Split(l, "\t"))
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}
