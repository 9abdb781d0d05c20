package extract

import "testing"

// TestQuestions: a figure in a yes-no or declarative question is asked
// about, not given; a wh-question takes its figure as given.
func TestQuestions(t *testing.T) {
	tests := []struct {
		name, text string
		want       []want
	}{
		{"a headline's question", "Bodies of 22 more soldiers recovered? Army says search goes on", nil},
		{"a yes-no question", "Did 300 people really die in the floods?", nil},
		{"a wh-question takes the figure as given", "Why has the death toll passed 30,000?",
			[]want{{desc: "killed [30001, ∞) more_than people"}}},
		{"an answer after a question", "How many died? Officials said 40 people were killed.",
			[]want{{desc: "killed [40, 40] exact people"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkWants(t, tt.want, tt.text) })
	}
}
