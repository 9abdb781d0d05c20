package extract

import (
	"testing"

	"github.com/tollproject/toll/tracker"
)

// TestPartitiveAtSentenceEnd: a partitive cut off after "of the" at the
// end of a sentence (a headline fragment, a truncated feed item) is no
// claim and no panic: partitiveOfCount read s.qty one past the last
// token ("index out of range [4] with length 4").
func TestPartitiveAtSentenceEnd(t *testing.T) {
	tests := []struct{ name, text string }{
		{"after a casualty noun", "Martyrs 5 of the"},
		{"after a counted group", "12 martyrs, 5 of the"},
		{"after the dead", "The dead 5 of the"},
		{"fuzzed", "000000000000000000mArtYr 0 of the"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Extract(tt.text, Options{Date: tracker.MustDate("2024-03-12")}); err != nil {
				t.Fatal(err)
			}
		})
	}
}
