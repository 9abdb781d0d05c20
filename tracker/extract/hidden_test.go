package extract

import (
	"strings"
	"testing"

	"github.com/tollproject/toll/tracker"
)

// TestHiddenCharactersInNumbers is issue 10 item 8: an invisible
// character inside a number made a smaller figure ("1<ZWSP>200" was read
// as 200, "3&shy;400" as 400) and digits of two scripts made 0. What is
// safe is normalised (zero-width characters and soft hyphens between
// digits are dropped, compatibility digits such as fullwidth ones folded
// by NFKC); anything else is refused with a diagnostic, never read as a
// smaller figure.
func TestHiddenCharactersInNumbers(t *testing.T) {
	tests := []struct {
		name    string
		number  string // in "At least NUMBER people were killed in the attack."
		want    string // the low bound read; "" for no claim
		refused bool   // a diagnostic marked Refused covers the number
	}{
		{"plain", "1,200", "1200", false},
		{"zero-width space", "1\u200b200", "1200", false},
		{"zero-width space in groups", "1,\u200b200", "1200", false},
		{"soft hyphen", "3\u00ad400", "3400", false},
		{"word joiner", "3\u2060400", "3400", false},
		{"zero-width joiner and BOM", "1\u200d2\ufeff00", "1200", false},
		{"fullwidth digits", "１２００", "1200", false},
		{"fullwidth after ASCII", "1２00", "1200", false},
		{"Arabic-Indic digit inside", "1٢00", "", true},
		{"Devanagari digits after ASCII", "12०", "", true},
		{"bidi mark inside", "1\u200e200", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := "At least " + tt.number + " people were killed in the attack."
			res, err := Extract(text, Options{Date: tracker.MustDate("2023-10-09")})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range res.Claims {
				got = append(got, c.Interval.Low.String())
				if c.Span != text[c.Start:c.End] {
					t.Errorf("span %q is not text[%d:%d] %q", c.Span, c.Start, c.End, text[c.Start:c.End])
				}
			}
			if tt.want == "" && len(got) > 0 || tt.want != "" && (len(got) != 1 || got[0] != tt.want) {
				t.Errorf("claims with low %v, want %q", got, tt.want)
			}
			refused := false
			for _, d := range res.Diagnostics {
				if d.Refused && strings.Contains(text[d.Start:d.End], tt.number) {
					refused = true
				}
			}
			if refused != tt.refused {
				t.Errorf("refused %v, want %v; diagnostics %+v", refused, tt.refused, res.Diagnostics)
			}
		})
	}
}
