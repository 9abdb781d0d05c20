package extract

import "testing"

// TestCorpusJForms: forms that corpus J (testdata/eval/corpus-j.jsonl,
// written before the rules were read: headlines, live blogs, agency
// relays, English translated from Spanish, French, Portuguese and Arabic)
// found unread or misread. Each is a general form, with a sentence of our
// own.
func TestCorpusJForms(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"points group thousands", "The civil defence said 1.240 people were displaced and 3.150.000 affected, and that 2.318 had died.",
			[]want{{desc: "displaced [1240, 1240] exact people"}, {desc: "killed [2318, 2318] exact people"}}},
		{"points group thousands after a qualifier", "The ombudsman counts more than 27.500 displaced in the region.",
			[]want{{desc: "displaced [27501, ∞) more_than people"}}},
		{"a point grouping before a scale word is a fraction", "Floods displaced 1.250 million people.",
			[]want{{desc: "displaced [1250000, 1250000] exact people"}}},
		{"a fraction of fewer than three decimals is no count", "A magnitude 6.85 quake struck; 12 people died.",
			[]want{{desc: "killed [12, 12] exact people"}}},
		{"a leading zero is a fraction", "The rate was 0.125 deaths per case.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkWants(t, tt.want, tt.text) })
	}
}
