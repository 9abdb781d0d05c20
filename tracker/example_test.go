package tracker_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/tollproject/toll/tracker"
)

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
