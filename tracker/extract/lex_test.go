package extract

import (
	"strings"
	"testing"
)

func TestLex(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string // tokens joined by |
	}{
		{"words and numbers", "At least 1,100 people", "At|least|1,100|people"},
		{"decimal", "1.2 million", "1.2|million"},
		{"hyphenated words", "al-Ahli Sixty-three", "al-Ahli|Sixty-three"},
		{"compound modifier", "the 15-nation body", "the|15|-|nation|body"},
		{"ordinals and units are alnum", "1st 10km G7", "1st|10km|G7"},
		{"dotted abbreviations", "U.S. a.m.", "U.S.|a.m."},
		{"sentence end", "embarked on.”", "embarked|on|.|”"},
		{"apostrophes", "Israel’s army's", "Israel’s|army's"},
		{"range", "100–300", "100|–|300"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks, _ := lexText(tt.text, 0, len(tt.text), nil, nil)
			var got []string
			for _, tk := range toks {
				if tt.text[tk.start:tk.end] != tk.text {
					t.Fatalf("token %q has offsets %d..%d", tk.text, tk.start, tk.end)
				}
				got = append(got, tk.text)
			}
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("got %s, want %s", g, tt.want)
			}
		})
	}
}

func TestLexLowerKeepsOffsets(t *testing.T) {
	text := "İstanbul GAZA Straße"
	toks, _ := lexText(text, 0, len(text), nil, nil)
	for _, tk := range toks {
		if len(tk.lower) != len(tk.text) {
			t.Errorf("lower %q of %q changed length", tk.lower, tk.text)
		}
	}
	if toks[1].lower != "gaza" {
		t.Errorf("got %q, want gaza", toks[1].lower)
	}
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"two sentences", "Twelve were killed. The army said so.", []string{"Twelve were killed.", "The army said so."}},
		{"month abbreviation", "Since Oct. 7, 1,200 were killed. More died.", []string{"Since Oct. 7, 1,200 were killed.", "More died."}},
		{"u.s.", "The U.S. envoy said 12 died.", []string{"The U.S. envoy said 12 died."}},
		{"title", "Dr. Smith said 12 died.", []string{"Dr. Smith said 12 died."}},
		{"headline then body", "Gaza death toll tops 10,000\nThe ministry said so.", []string{"Gaza death toll tops 10,000", "The ministry said so."}},
		{"hard wrapped", "At least 1,100 people have been killed since\nSaturday, officials said.", []string{"At least 1,100 people have been killed since\nSaturday, officials said."}},
		{"blank line", "First paragraph\n\nSecond paragraph", []string{"First paragraph", "Second paragraph"}},
		{"quote", "“We are sure,” he said. “Twelve died.”", []string{"“We are sure,” he said.", "“Twelve died.”"}},
		{"decimal", "About 1.4 million fled.", []string{"About 1.4 million fled."}},
		{"a.m. ends a sentence before a capital", "It began at 6 a.m. The army said so.", []string{"It began at 6 a.m.", "The army said so."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range defaultVocabulary().splitSentences(tt.text, nil) {
				got = append(got, tt.text[sp.start:sp.end])
			}
			if strings.Join(got, "\x00") != strings.Join(tt.want, "\x00") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
