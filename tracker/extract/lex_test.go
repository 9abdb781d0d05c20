package extract

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
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

// lowerSameLenRef is lowerSameLen as it was before it wrote in place: a
// rune at a time, appended.
func lowerSameLenRef(s string) string {
	var buf []byte
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		lr := unicode.ToLower(r)
		if utf8.RuneLen(lr) != w {
			lr = r
		}
		if lr == utf8.RuneError {
			buf = append(buf, s[i:i+w]...)
		} else {
			buf = utf8.AppendRune(buf, lr)
		}
		i += w
	}
	return string(buf)
}

var lowerSeeds = []string{"", "a", "A", "plain text", "Mixed Case TEXT", "İstanbul", "KAHRAMANMARAŞ", "\u212a Kelvin", "ẞ",
	"\xff bad \xc3", "\ufffd", "Ǆ dz", "ΣΑΣ", "a\u0130b", "ПРИВЕТ мир", "ǅ", "\xed\xa0\x80"}

// TestLowerSameLen holds lowerSameLen to its reference, and to its
// promise: as long as its input, and its input itself when nothing
// changes.
func TestLowerSameLen(t *testing.T) {
	for _, s := range append(lowerSeeds, fuzzSeeds(t)...) {
		checkLowerSameLen(t, s)
	}
}

func checkLowerSameLen(t *testing.T, s string) {
	t.Helper()
	got, _ := lowerSameLen(s, []byte("scratch"))
	if want := lowerSameLenRef(s); got != want {
		t.Errorf("lowerSameLen(%q) = %q, want %q", s, got, want)
	}
	if len(got) != len(s) {
		t.Errorf("lowerSameLen(%q) has %d bytes, want %d", s, len(got), len(s))
	}
}

// FuzzLowerSameLen checks the same on any text.
func FuzzLowerSameLen(f *testing.F) {
	for _, s := range lowerSeeds {
		f.Add(s)
	}
	f.Fuzz(checkLowerSameLen)
}
