package extract

import "testing"

// TestEarlierOpenerOwnClause: "Previously, … had …" makes the figures of
// its own clause earlier ones (f15f30c), not a figure after "but" or a
// semicolon that gives today's.
func TestEarlierOpenerOwnClause(t *testing.T) {
	tests := []struct {
		name, text string
		want       []want
	}{
		{"pluperfect", "Previously, WHO had reported 413 deaths.",
			[]want{{desc: "killed [413, 413] exact people prior"}}},
		{"two figures of the clause", "Earlier, officials had given 90 dead and 20 injured.",
			[]want{{desc: "killed [90, 90] exact people prior"}, {desc: "injured [20, 20] exact people prior"}}},
		{"after but", "Earlier, officials had said 40 people died, but on Tuesday the toll rose to 55.",
			[]want{{desc: "killed [40, 40] exact people prior"}, {desc: "killed [55, 55] exact people"}}},
		{"after a semicolon", "Previously, the ministry had reported 30 deaths; now it says 45 people were killed.",
			[]want{{desc: "killed [30, 30] exact people prior"}, {desc: "killed [45, 45] exact people"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkWants(t, tt.want, tt.text) })
	}
}
