package extract

import "testing"

// TestSecondDayOrCount: "MONTH D and D2" reads D2 as a second day
// (a614cbf) only when no noun or casualty word
// after it makes it a count.
func TestSecondDayOrCount(t *testing.T) {
	tests := []struct {
		name, text string
		want       []want
	}{
		{"others after it", "The quake killed 3 on May 1 and 5 others were hurt.",
			[]want{{desc: "killed [3, 3] exact people"}, {desc: "injured [5, 5] exact people"}}},
		{"a second day before the verb", "Clashes on September 8 and 9 killed 20 people.",
			[]want{{desc: "killed [20, 20] exact people"}}},
		{"a second day before a place", "Floods on June 5 and 6 in Kerala killed 30.",
			[]want{{desc: "killed [30, 30] exact people"}}},
		{"days before the month", "The protests of 8 and 9 September left 51 dead.",
			[]want{{desc: "killed [51, 51] exact people"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkWants(t, tt.want, tt.text) })
	}
}
