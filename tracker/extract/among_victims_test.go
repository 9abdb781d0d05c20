package extract

import "testing"

// TestAmongTheVictimsPossessor: "were among the victims" counts the
// dead (186a0e9); "among the victims' relatives" names their kin.
func TestAmongTheVictimsPossessor(t *testing.T) {
	tests := []struct {
		name, text string
		want       []want
	}{
		{"the victims", "Two Britons were among the victims of the attack.",
			[]want{{desc: "killed [2, 2] exact britons"}}},
		{"the victims' relatives", "Twelve people were among the victims' relatives who protested.", nil},
		{"curly apostrophe", "Twelve people were among the victims’ relatives who protested.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkWants(t, tt.want, tt.text) })
	}
}
