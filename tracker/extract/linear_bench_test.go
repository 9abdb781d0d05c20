package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tollproject/toll/tracker"
)

// BenchmarkHostileLinear is issue 10's evidence that the hostile
// constructions cost time in proportion to their size: each is extracted
// at 1×, 4× and 16× a base size, and ns/op should grow 4× a step (MB/s
// stays flat). The constructions: a run of digits before "people were
// killed." (item 5: quadratic before, 4 MB took 30-47 s); "5 killed, "
// repeated with no period (item 1; 16× stays under tracker.MaxClaims, so
// every claim is made, none refused); digits joined by zero-width spaces
// (item 8's lexer path).
//
//	go test ./tracker/extract -run '^$' -bench HostileLinear -count 6
func BenchmarkHostileLinear(b *testing.B) {
	cases := []struct {
		name string
		text func(n int) string
	}{
		{"digits", func(n int) string { return strings.Repeat("7", 64<<10*n) + " people were killed." }},
		{"killed-list", func(n int) string { return strings.Repeat("5 killed, ", 600*n) + "police said." }},
		{"zwsp-digits", func(n int) string { return strings.Repeat("1\u200b", 16<<10*n) + " people were killed." }},
		// a place's toll in every sentence: stormName read the whole
		// text once a claim (quadratic before: 200 KB took 0.8 s)
		{"place-tolls", func(n int) string { return strings.Repeat("The Gaza death toll rose to 12, officials said. ", 600*n) }},
		// a storm as a verb in every sentence: stormNames asked metaphor
		// of the whole text, which lowercased all the text before each
		// "storm" (quadratic before: 16x, 374 KB, took 3.8 s and 1.8 GB)
		{"storm-verbs", func(n int) string { return strings.Repeat("Police storm Hotels and 3 were killed. ", 600*n) }},
		// the report's own nationals in every sentence: ownBesideForeign
		// compared each with every claim of the report
		{"own-nationals", func(n int) string {
			var b strings.Builder
			b.WriteString("Attack in Algeria\n\n")
			for i := range 600 * n {
				fmt.Fprintf(&b, "In Algeria, %d Algerians were killed on day %d. ", i%97+2, i)
			}
			return b.String()
		}},
	}
	opts := Options{Date: tracker.MustDate("2023-10-09")}
	for _, c := range cases {
		for _, n := range []int{1, 4, 16} {
			text := c.text(n)
			b.Run(fmt.Sprintf("%s/%dx", c.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := Extract(text, opts); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
