package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostileJSONL is one report whose source, title and text carry terminal
// sequences (clear screen, window title, a hidden link, a C1 CSI, a bidi
// override) and cells a spreadsheet would evaluate.
const hostileJSONL = `{"source":"=HYPERLINK(\"http://x.example\",\"Levant Wire\")\u001b[2J","url":"http://x.example/a","published":"2023-10-09","title":"@SUM(1+1)\u001b]0;owned\u0007 Gaza toll rises","text":"-1+1 Gaza health ministry\u001b]8;;http://x.example\u001b\\ said. At least 687 people have been killed in Gaza since Saturday, the ministry\u009b2J said on Monday. Some 120 \u202ehostages\u202c are held."}
{"source":"\u001b[31mHarbor Daily","published":"2023-10-09","title":"Toll in dispute","text":"About 200 people have been killed in Gaza since Saturday."}
`

// controls are what must never reach a terminal raw.
const controls = "\x1b\x07\u009b\u202e"

// TestOutputHygiene: every command's text output shows control characters
// escaped (issue 10 item 6), and every CSV writer prefixes cells a
// spreadsheet would evaluate (item 7).
func TestOutputHygiene(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "toll.db")
	in := filepath.Join(dir, "hostile.jsonl")
	if err := os.WriteFile(in, []byte(hostileJSONL), 0o600); err != nil {
		t.Fatal(err)
	}
	e := storeEnv(db, "")
	add := strings.Split(mustToll(t, e, "add", in), "\n")
	id, id2 := strings.Fields(add[0])[0], strings.Fields(add[1])[0]
	text := map[string][]string{
		"add":      {"add", in},
		"reports":  {"reports"},
		"claims":   {"claims"},
		"jsonl":    {"claims", "--format", "jsonl"},
		"show":     {"show", id},
		"claim":    {"show", "--history", id + "-1"},
		"timeline": {"timeline"},
		"check":    {"check"},
		"diff":     {"diff", id, id2},
		"extract":  {"extract", in},
	}
	for name, args := range text {
		t.Run(name, func(t *testing.T) {
			out, errOut, err := runToll(t, e, args...)
			if out == "" {
				t.Fatalf("no output (%v); stderr: %s", err, errOut)
			}
			if strings.ContainsAny(out+errOut, controls) {
				t.Errorf("raw control characters in the output:\n%q\nstderr %q", out, errOut)
			}
			if !strings.Contains(out+errOut, `\u001b`) && name != "extract" {
				t.Errorf("no escaped ESC in the output:\n%s", out)
			}
		})
	}
	csvs := map[string][]string{
		"reports":  {"reports", "--format", "csv"},
		"claims":   {"claims", "--format", "csv"},
		"export":   {"export", "--format", "csv"},
		"timeline": {"timeline", "--format", "csv"},
	}
	for name, args := range csvs {
		t.Run("csv "+name, func(t *testing.T) {
			out := mustToll(t, e, args...)
			recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			n := 0
			for _, rec := range recs {
				for _, c := range rec {
					n++
					if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
						t.Errorf("cell %q would be evaluated", c)
					}
				}
			}
			if n == 0 {
				t.Fatal("no cells")
			}
			if name != "timeline" && !strings.Contains(out, "'=HYPERLINK") {
				t.Errorf("the source is not in the CSV as text:\n%s", out)
			}
		})
	}
}

// TestCSVRoundTrip: an export in CSV with prefixed cells imports back to
// the same values, and exports again byte for byte (item 7).
func TestCSVRoundTrip(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "hostile.jsonl")
	if err := os.WriteFile(in, []byte(hostileJSONL), 0o600); err != nil {
		t.Fatal(err)
	}
	db1 := filepath.Join(dir, "one.db")
	mustToll(t, storeEnv(db1, ""), "add", in)
	mustToll(t, storeEnv(db1, ""), "review", "--set", "who=+people", "--note", "'quoted' -1", mustFirstClaim(t, db1))
	first := mustToll(t, storeEnv(db1, ""), "export", "--format", "csv")
	js1 := mustToll(t, storeEnv(db1, ""), "export", "--format", "jsonl")
	csvFile := filepath.Join(dir, "export.csv")
	if err := os.WriteFile(csvFile, []byte(first), 0o600); err != nil {
		t.Fatal(err)
	}
	db2 := filepath.Join(dir, "two.db")
	mustToll(t, storeEnv(db2, ""), "import", csvFile)
	if got := mustToll(t, storeEnv(db2, ""), "export", "--format", "csv"); got != first {
		t.Errorf("export → import → export changed the CSV:\nfirst %s\nagain %s", first, got)
	}
	if got := mustToll(t, storeEnv(db2, ""), "export", "--format", "jsonl"); got != js1 {
		t.Errorf("the values changed on the way through CSV:\nbefore %s\nafter %s", js1, got)
	}
}

func mustFirstClaim(tb testing.TB, db string) string {
	tb.Helper()
	out := mustToll(tb, storeEnv(db, ""), "claims", "--format", "csv")
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) < 2 {
		tb.Fatalf("no claims: %v\n%s", err, out)
	}
	return recs[1][0]
}
