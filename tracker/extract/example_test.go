package extract_test

import (
	"fmt"

	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/extract"
)

// Extract reads every casualty claim in a text, with the interval its
// words allow and the phrase it came from.
func ExampleExtract() {
	text := "At least 1,100 people have been killed since Saturday, officials said. " +
		"More than 700 Israelis have been killed. The council met for about 90 minutes."
	res, err := extract.Extract(text, extract.Options{Date: tracker.MustDate("2023-10-09")})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range res.Claims {
		fmt.Printf("%s %s %s %s source=%q scope=%s since=%q: %q\n",
			c.Category, c.Figure(), c.Who, c.Interval, c.Attribution, c.Scope, c.Since, text[c.Start:c.End])
	}
	// Output:
	// killed at least 1,100 people [1100, ∞) source="officials" scope=cumulative since="2023-10-07": "At least 1,100 people have been killed"
	// killed more than 700 israelis [701, ∞) source="" scope=cumulative since="": "More than 700 Israelis have been killed"
}

// Diagnostics say what was seen but not filed, so nothing is dropped
// silently.
func ExampleExtract_diagnostics() {
	text := "More than 3,000 casualties were reported, and officials warned the toll could rise to 5,000."
	res, _ := extract.Extract(text, extract.Options{})
	fmt.Println(len(res.Claims), "claims")
	for _, d := range res.Diagnostics {
		fmt.Printf("%q: %s\n", text[d.Start:d.End], d.Message)
	}
	// Output:
	// 0 claims
	// "More than 3,000 casualties": casualties count the dead and the injured together: not filed
	// "toll could rise to 5,000": a guess or a fear, not a reported figure
}
