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
		{"a question after a colon", "Flood kills 40 in Kenya: was it preventable?",
			[]want{{desc: "killed [40, 40] exact people"}}},
		{"a question after but", "Officials say 40 people died in the flood, but could it have been prevented?",
			[]want{{desc: "killed [40, 40] exact people"}}},
		{"a question after a dash", "The storm killed 12 people - who is to blame?",
			[]want{{desc: "killed [12, 12] exact people"}}},
		{"an aside inside the question", "Did 300 people, including children, die in the blast?", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkWants(t, tt.want, tt.text) })
	}
}
