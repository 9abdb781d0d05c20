package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// splitSentencesRef is splitSentences as it was before it skipped to
// the next terminator or line break with strings.IndexByte: the
// reference TestSplitSentencesRef and FuzzSplitSentences hold it to.
// It cuts text into sentences, trimmed of surrounding white
// space. It knows news copy: a period after "Oct", "U.S", "Dr" or an
// initial does not end a sentence; a blank line always does; a single line
// break does when the line before it ends a sentence or reads as a
// headline (short, no closing punctuation) and the next line starts with a
// capital. Limits: an abbreviation that really ends a sentence ("... in
// the U.S. The ...") is joined to the next one, which at worst hands a
// figure a neighbouring sentence's attribution.
func (v *vocabulary) splitSentencesRef(text string, out []span) []span {
	start := 0
	n := len(text)
	lineStart := 0
	flush := func(end int) {
		s, e := trimSpan(text, start, end)
		if e > s {
			out = append(out, span{s, e})
		}
		start = end
	}
	for i := 0; i < n; {
		c := text[i]
		switch {
		case c == '\n':
			// Blank line: always a boundary.
			j := i + 1
			for j < n && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			if j < n && text[j] == '\n' || j >= n {
				flush(i)
				i = j
				lineStart = j
				continue
			}
			line := strings.TrimSpace(text[lineStart:i])
			next, _ := utf8.DecodeRuneInString(text[j:])
			firstLine := lineStart >= start && strings.TrimSpace(text[start:lineStart]) == ""
			if endsSentence(line) || (firstLine && isHeadline(line) && (unicode.IsUpper(next) || next == '"' || next == '“' || isDigit(next))) || isBullet(text[j:]) {
				flush(i)
			}
			i = j
			lineStart = j
			continue
		case c == '.' || c == '!' || c == '?':
			j := i + 1
			// runs of terminators and closing quotes or brackets
			for j < n {
				r, w := utf8.DecodeRuneInString(text[j:])
				if r == '.' || r == '!' || r == '?' || r == '"' || r == '\'' || r == '”' || r == '’' || r == ')' || r == ']' {
					j += w
					continue
				}
				break
			}
			if j >= n {
				i = j
				continue
			}
			r, _ := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsSpace(r) {
				i = j
				continue
			}
			k := j
			for k < n && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r') {
				k++
			}
			if k < n && text[k] == '\n' {
				// the line-break case decides
				i = k
				continue
			}
			if k >= n {
				i = k
				continue
			}
			next, _ := utf8.DecodeRuneInString(text[k:])
			if c == '.' && v.isAbbreviationRef(text[:i], next) {
				i = j
				continue
			}
			if unicode.IsUpper(next) || isDigit(next) || next == '"' || next == '“' || next == '\'' || next == '‘' || next == '(' || next == '[' || next == '—' || next == '-' {
				flush(j)
			}
			i = j
			continue
		}
		i++
	}
	flush(n)
	return out
}

// isAbbreviationRef is isAbbreviation before it lowercased into a
// stack buffer; it reports whether the period ending before the word at the
// end of pre belongs to an abbreviation rather than ending the sentence.
// next is the first rune after the white space that follows.
func (v *vocabulary) isAbbreviationRef(pre string, next rune) bool {
	// the word before the period
	k := len(pre)
	for k > 0 {
		r, w := utf8.DecodeLastRuneInString(pre[:k])
		if !(unicode.IsLetter(r) || r == '.') {
			break
		}
		k -= w
	}
	word := pre[k:]
	if word == "" {
		return false
	}
	lw := strings.ToLower(word)
	// single initials: "John F. Kennedy"
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r)
	}
	if v.alwaysAbbr[lw] {
		// "U.S." or "Oct." really ending a sentence before a capital is
		// rare in news copy; months are followed by a day number.
		return true
	}
	// dotted forms like "a.m", "p.m": end a sentence only before a capital
	if strings.Contains(lw, ".") {
		return !unicode.IsUpper(next)
	}
	return false
}

// splitSeeds sit at the edges of the sentence splitter: abbreviations
// in both cases and scripts, runs of terminators and quotes, blank lines
// with spaces, bullets, headlines, no terminator at all.
var splitSeeds = []string{
	"", ".", "\n", "\n\n", "a.b.c", "U.S. officials said. The toll rose!", "Dr. Smith said 5 died? Yes.",
	"It rose to 12.\nThe next", "Flood kills 12\nTwelve people died.", "Oct. 7 attack", "ÉTATS. Unis", "Straße. Die",
	"He said: \"No.\" Then", "9 a.m. Monday", "9 a.m. The", "J. F. Kennedy", "É. Macron", "x!!! Y", "x?!\" Y",
	"line one\n \t\nline two", "• Iran 464\n• Egypt 672", "- one\n- two", "Headline with the\nNext line",
	"a. b", "A.\n\nB.", "x.\u00a0Y", "x.\u2003Y", "x.)\tY", "x.’ ‘Y", "Gen. Lee said. He", "ST. LOUIS. The",
}

// splitInputs are the seeds, every text of the corpora and the bench
// texts.
func splitInputs(tb testing.TB) []string {
	tb.Helper()
	inputs := append(append([]string(nil), splitSeeds...), fuzzSeeds(tb)...)
	for _, kind := range []string{"dense", "ordinary"} {
		inputs = append(inputs, kindText(tb, kind, 16<<10))
	}
	return inputs
}

// TestSplitSentencesRef holds splitSentences to splitSentencesRef, the
// byte-at-a-time loop it replaced, and isAbbreviation to its reference.
func TestSplitSentencesRef(t *testing.T) {
	v := Default().v
	sents := 0
	for _, s := range splitInputs(t) {
		got, want := v.splitSentences(s, nil), v.splitSentencesRef(s, nil)
		sents += len(want)
		if !slices.Equal(got, want) {
			t.Errorf("splitSentences(%q) = %v, want %v", s, got, want)
		}
		for i := 0; i < len(s); i++ {
			if s[i] != '.' {
				continue
			}
			for _, next := range []rune{'A', 'a', '1', 'É'} {
				if got, want := v.isAbbreviation(s[:i], next), v.isAbbreviationRef(s[:i], next); got != want {
					t.Errorf("isAbbreviation(%q, %q) = %v, want %v", s[:i], next, got, want)
				}
			}
		}
	}
	if sents < 1000 {
		t.Errorf("the inputs gave %d sentences: the test checks little", sents)
	}
}

// FuzzSplitSentences checks the same on any text.
func FuzzSplitSentences(f *testing.F) {
	for _, s := range splitSeeds {
		f.Add(s)
	}
	v := Default().v
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := v.splitSentences(s, nil), v.splitSentencesRef(s, nil); !slices.Equal(got, want) {
			t.Errorf("splitSentences(%q) = %v, want %v", s, got, want)
		}
		for _, next := range []rune{'A', 'a'} {
			if got, want := v.isAbbreviation(s, next), v.isAbbreviationRef(s, next); got != want {
				t.Errorf("isAbbreviation(%q, %q) = %v, want %v", s, next, got, want)
			}
		}
	})
}
