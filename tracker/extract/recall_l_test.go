package extract

import "testing"

// TestCorpusLForms: forms that corpus L (testdata/eval/corpus-l.jsonl:
// court and police copy, bulletin tables, IFRC, WHO, NGO and translated
// text) found unread or misread. Each is a general form, with a sentence
// of our own, and the negatives beside it.
func TestCorpusLForms(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		// a veto word inside an organisation's name undoes nothing
		{"Save the Children is no rescue", "Save the Children said 9 teachers were killed in the raids.",
			[]want{{desc: "killed [9, 9] exact teachers"}}},
		{"Without Borders is no negation", "Doctors Without Borders said at least 12 patients had been killed.",
			[]want{{desc: "killed [12, ∞) at_least people"}}},
		{"saving lives still undoes", "The early warning saved 300 lives, the agency said.", nil},
		{"a title-case headline's rescue still undoes", "Rescuers Save 57 Lives In Flood-Hit Town", nil},
		{"no at a sentence start still negates", "No Britons were among the 40 killed, the embassy said.", nil},
		// a title-case headline's modal is a guess, not a name
		{"a title-case Could is a guess", "Quake Toll Could Exceed 5,000, Agency Warns", nil},
		{"a name with a modal stays a name", "The Disaster Risk Reduction Council said 31 people had died.",
			[]want{{desc: "killed [31, 31] exact people"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkWants(t, tt.want, tt.text)
		})
	}
}
