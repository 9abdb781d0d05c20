package extract

import "testing"

// TestCorpusKForms: forms that corpus K (testdata/eval/corpus-k.jsonl:
// South Asian and African local copy, military statements, UN updates)
// and the held-out series sets found unread. Each is a general form, with
// a sentence of our own, and the negatives beside it.
func TestCorpusKForms(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		// verbs of dying that local copy writes
		{"hacked to death", "Eleven farmers were hacked to death by raiders near the border, villagers said.",
			[]want{{desc: "killed [11, 11] exact farmers"}}},
		{"charred to death", "Three workers were charred to death when a boiler exploded.",
			[]want{{desc: "killed [3, 3] exact workers"}}},
		{"breathed their last", "Of the 60 pilgrims on the bus, 52 breathed their last.",
			[]want{{desc: "killed [52, 52] exact people"}}},
		{"succumbed to their injuries", "Four more patients succumbed to their injuries overnight.",
			[]want{{desc: "killed [4, 4] exact people"}}},
		{"succumbed to burns", "Two children succumbed to burns at the district hospital.",
			[]want{{desc: "killed [2, 2] exact children"}}},
		{"one of them who succumbed is one person", "One of them, a 60-year-old man, succumbed to injuries.", nil},
		{"sent to hell", "The army said 14 terrorists were sent to hell in the raid.",
			[]want{{desc: "killed [14, 14] exact militants"}}},
		{"khwarij are militants", "Security forces neutralised nine khwarij in Bannu.",
			[]want{{desc: "killed [9, 9] exact militants"}}},
		// missing
		{"untraceable", "About 40 villagers remain untraceable after the cloudburst.",
			[]want{{desc: "missing [36, 44] approx people"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkWants(t, tt.want, tt.text)
		})
	}
}
