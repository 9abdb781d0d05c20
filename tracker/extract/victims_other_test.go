package extract

import "testing"

// TestVictimsOfAnotherCategory: "N of the victims" is some of the dead
// (d8d6dbd) only when no casualty word of another category governs it;
// the hurt, the missing and the treated are that word's.
func TestVictimsOfAnotherCategory(t *testing.T) {
	tests := []struct {
		name, text string
		want       []want
	}{
		{"seriously injured", "Twelve of the victims were seriously injured.",
			[]want{{desc: "injured [12, 12] exact people"}}},
		{"remain missing", "Five of the victims remain missing.",
			[]want{{desc: "missing [5, 5] exact people"}}},
		{"hospitalised", "Six of the victims were hospitalised with serious injuries.",
			[]want{{desc: "injured [6, 6] exact people"}}},
		{"treated by doctors", "Doctors treated 300 of the victims for burns.", nil},
		{"identified stays the dead", "Forty of the victims have been identified.",
			[]want{{desc: "killed [40, 40] exact people"}}},
		{"died stays the dead", "Two of the victims died in hospital.",
			[]want{{desc: "killed [2, 2] exact people"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkWants(t, tt.want, tt.text) })
	}
}
