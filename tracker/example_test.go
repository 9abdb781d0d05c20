package tracker_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/tollproject/toll/tracker"
)

// Extract reads every casualty claim in a text, with the interval its
// words allow and the phrase it came from.
func ExampleExtract() {
	text := "At least 1,100 people have been killed since Saturday, officials said. " +
		"More than 700 Israelis have been killed. The council met for about 90 minutes."
	res, err := tracker.Extract(text, tracker.Options{Date: tracker.MustDate("2023-10-09")})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range res.Claims {
		fmt.Printf("%s %s %s %s source=%q scope=%s since=%q: %q\n",
			c.Category, c.Figure(), c.Who, c.Interval, c.Attribution, c.Scope, c.Since, text[c.Start:c.End])
	}
	// Output:
	// killed ≥1,100 people [1100, ∞) source="officials" scope=cumulative since="2023-10-07": "At least 1,100 people have been killed"
	// killed 701+ israelis [701, ∞) source="" scope=cumulative since="": "More than 700 Israelis have been killed"
}

// Bounds turns a qualifier and a stated number into the interval the words
// allow: "about 150" is not 150.
func ExampleBounds() {
	for _, q := range []tracker.Qualifier{tracker.Exact, tracker.AtLeast, tracker.MoreThan, tracker.Approx, tracker.Nearly, tracker.LessThan} {
		fmt.Printf("%-9s 150 → %s\n", q, tracker.Bounds(q, decimal.NewFromInt(150)))
	}
	// Output:
	// exact     150 → [150, 150]
	// at_least  150 → [150, ∞)
	// more_than 150 → [151, ∞)
	// approx    150 → [135, 165]
	// nearly    150 → [135, 149]
	// less_than 150 → [0, 149]
}

// Diagnostics say what was seen but not filed, so nothing is dropped
// silently.
func ExampleExtract_diagnostics() {
	text := "More than 3,000 casualties were reported, and officials warned the toll could rise to 5,000."
	res, _ := tracker.Extract(text, tracker.Options{})
	fmt.Println(len(res.Claims), "claims")
	for _, d := range res.Diagnostics {
		fmt.Printf("%q: %s\n", text[d.Start:d.End], d.Message)
	}
	// Output:
	// 0 claims
	// "More than 3,000 casualties": casualties count the dead and the injured together: not filed
	// "toll could rise to 5,000": a guess or a fear, not a reported figure
}
