package reconcile

import (
	"strconv"
	"testing"
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
