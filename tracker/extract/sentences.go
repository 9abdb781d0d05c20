package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a byte range [start, end) of the text.
type span struct{ start, end int }

// splitSentences cuts text into sentences, trimmed of surrounding white
// space. It knows news copy: a period after "Oct", "U.S", "Dr" or an
// initial does not end a sentence; a blank line always does; a single line
// break does when the line before it ends a sentence or reads as a
// headline (short, no closing punctuation) and the next line starts with a
// capital. Limits: an abbreviation that really ends a sentence ("... in
// the U.S. The ...") is joined to the next one, which at worst hands a
// figure a neighbouring sentence's attribution.
func (v *vocabulary) splitSentences(text string, out []span) []span {
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
	// Only four bytes matter to the loop; each cursor holds the next
	// offset of one, found by strings.IndexByte (vectorised), so the
	// bytes between are skipped rather than read one by one.
	nl, dot, excl, quest := nextByte{b: '\n', at: -1}, nextByte{b: '.', at: -1}, nextByte{b: '!', at: -1}, nextByte{b: '?', at: -1}
	for i := 0; i < n; {
		i = min(nl.from(text, i), dot.from(text, i), excl.from(text, i), quest.from(text, i))
		if i >= n {
			break
		}
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
			if c == '.' && v.isAbbreviation(text[:i], next) {
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

// nextByte is a cursor over the offsets of one byte b in a text: at is
// the first offset at or after the last asked one that holds b (len(text)
// when none does), or -1 before the first question.
type nextByte struct {
	b  byte
	at int
}

// from returns the first offset at or after i that holds c.b, or
// len(text).
func (c *nextByte) from(text string, i int) int {
	if c.at < i {
		if k := strings.IndexByte(text[i:], c.b); k >= 0 {
			c.at = i + k
		} else {
			c.at = len(text)
		}
	}
	return c.at
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, w := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += w
	}
	for e > s {
		r, w := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= w
	}
	return s, e
}

// endsSentence reports whether a line ends with closing punctuation.
func endsSentence(line string) bool {
	if line == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(line)
	switch r {
	case '.', '!', '?', ':', ';', '"', '”', '’', ')':
		return true
	}
	return false
}

// isHeadline reports whether a line reads as a headline or a dateline: no
// closing punctuation and short enough not to be a hard-wrapped sentence.
func isHeadline(line string) bool {
	if line == "" || endsSentence(line) || utf8.RuneCountInString(line) > 90 || strings.HasSuffix(line, ",") {
		return false
	}
	// a hard-wrapped line ends in the middle of a phrase: "killed since"
	last := line[strings.LastIndexAny(line, " \t")+1:]
	switch strings.ToLower(last) {
	case "the", "a", "an", "of", "in", "on", "at", "to", "by", "for", "from", "and", "or", "but",
		"since", "that", "with", "as", "than", "said", "were", "was", "have", "has", "had", "been":
		return false
	}
	return true
}

// isBullet reports whether a line starts a list item.
func isBullet(s string) bool {
	s = strings.TrimLeft(s, " \t")
	return strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "* ") || strings.HasPrefix(s, "• ")
}

// isAbbreviation reports whether the period ending before the word at the
// end of pre belongs to an abbreviation rather than ending the sentence.
// next is the first rune after the white space that follows.
func (v *vocabulary) isAbbreviation(pre string, next rune) bool {
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
	// (lowercased into a stack buffer when ASCII, as nearly every word
	// before a period is: the map lookup of string(buf) does not
	// allocate)
	var buf [24]byte
	ascii := len(word) <= len(buf)
	for i := 0; ascii && i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	// single initials: "John F. Kennedy"
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r)
	}
	var always bool
	if ascii {
		always = v.alwaysAbbr[string(buf[:len(word)])]
	} else {
		always = v.alwaysAbbr[strings.ToLower(word)]
	}
	if always {
		// "U.S." or "Oct." really ending a sentence before a capital is
		// rare in news copy; months are followed by a day number.
		return true
	}
	// dotted forms like "a.m", "p.m": end a sentence only before a capital
	// (lowercasing adds or drops no ".")
	if strings.Contains(word, ".") {
		return !unicode.IsUpper(next)
	}
	return false
}
