package reconcile

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
	"testing"
	"text/tabwriter"
)

// TestAppendMarkedSpan holds the table writer's quoting of a marked
// sentence to strconv.Quote of markSpan, which it replaced.
func TestAppendMarkedSpan(t *testing.T) {
	tests := []struct {
		name, sentence, span string
	}{
		{"plain", "At least 42 people were killed on Tuesday.", "At least 42 people were killed"},
		{"span in the middle", "Officials said 1,200 people died.", "1,200 people died"},
		{"no span", "Seventeen were injured.", ""},
		{"span not in the sentence", "Nine were missing.", "nine missing"},
		{"quotes and backslashes", `The mayor said "31 dead" \ not more.`, `"31 dead"`},
		{"control characters", "Line one\nline two\t 8 killed\x7f.", "8 killed"},
		{"non-ASCII", "À Gaza, « 300 morts » selon le ministère — 300 dead.", "300 dead"},
		{"invalid UTF-8", "bad \xe2\x80 byte, 5 killed \xff", "5 killed"},
		{"split rune before the span", "x\xe2\x8012 dead", "12 dead"},
		{"non-printable runes", "zero\u200bwidth 4 dead\u2028", "4 dead"},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := string(appendMarkedSpan([]byte("> "), tc.sentence, tc.span))
			want := "> " + strconv.Quote(markSpan(tc.sentence, tc.span))
			if got != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}

// TestTable holds the timeline's table layout to text/tabwriter's, which
// it replaced: the same bytes for plain cells, wide runes, empty cells,
// and cells tabwriter reads as more than text (through tabwriter).
func TestTable(t *testing.T) {
	tests := []struct {
		name string
		rows [][]string
	}{
		{"one row", [][]string{{"  DATE", "SOURCE", "FIGURE"}}},
		{"plain", [][]string{
			{"  DATE", "SOURCE", "FIGURE", "INTERVAL", "CHANGE", "CLAIMS"},
			{"  2024-02-01", "health ministry", "at least 27,019", "27,019+", "", "a1-1"},
			{"  2024-02-02", "UN OCHA", "27,131", "27,131", "+112", "b2-1 b2-3"},
		}},
		{"wide runes", [][]string{
			{"  DATE", "SOURCE", "FIGURE"},
			{"  2023-11-04", "Nepal’s home ministry", "157–158"},
			{"  undated", "Ministère de la Santé", "about 3,000"},
		}},
		{"empty cells", [][]string{{"  DATE", "", "X"}, {"", "", ""}, {"  d", "", "last"}}},
		{"a tab in a cell", [][]string{{"  DATE", "SOURCE", "X"}, {"  2024-01-01", "the\tministry", "5"}}},
		{"a line break in a cell", [][]string{{"  DATE", "SOURCE", "X"}, {"  2024-01-01", "the\nministry", "5"}, {"  2024-01-02", "UN", "6"}}},
		{"escape byte", [][]string{{"  DATE", "SOURCE", "X"}, {"  2024-01-01", "bad \xff byte", "5"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var want bytes.Buffer
			tw := tabwriter.NewWriter(&want, 0, 0, 2, ' ', 0)
			for _, r := range tc.rows {
				tw.Write([]byte(strings.Join(r, "\t") + "\n"))
			}
			if err := tw.Flush(); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			out := &flusher{bw: bufio.NewWriter(&got)}
			var tab table
			tab.row("stale", "rows", "dropped") // (reset drops them)
			tab.reset()
			for _, r := range tc.rows {
				tab.row(r...)
			}
			tab.write(out)
			if err := out.done(); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("got\n%q\nwant\n%q", got.String(), want.String())
			}
		})
	}
}
