package extract

import (
	"encoding/binary"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// tokKind is the kind of a token.
type tokKind uint8

const (
	tWord  tokKind = iota // letters, with inner hyphens and apostrophes: "al-Ahli", "Sixty-three", "Israel's"
	tNum                  // digits, with thousands commas and a decimal point: "1,100", "1.2"
	tAlnum                // letters and digits run together: "G7", "10km", "1st", "1990s"
	tPunct                // anything else, one rune at a time
	// tOddNum is a number the lexer cannot be sure of: digits of another
	// script, or a control or format character (a bidi mark) among its
	// digits. It is never read as a figure; the sentence notes it as
	// refused (a digit dropped would make a smaller figure).
	tOddNum
)

// token is one lexeme with its byte offsets in the whole text.
type token struct {
	kind       tokKind
	start, end int
	text       string // text[start:end]
	lower      string // lowercased text for words; text otherwise
	// space reports white space before the token (false when it is glued
	// to the previous one, as the "-" in "12-year-old").
	space bool
	// upper reports a capitalised first letter.
	upper bool
}

// lexer is a synchronous state-function lexer in the manner of
// text/template/parse: next/peek/backup/acceptRun/emit over one
// sentence, appending to a caller-owned slice so one report allocates its
// token buffer once.
type lexer struct {
	src   string // the whole text: offsets are into it
	pos   int    // current position
	start int    // start of the current token
	end   int    // end of the region being lexed
	width int    // width of the last rune read
	space bool   // white space seen since the last token
	toks  []token
	// lowered is src[base:end] lowercased with the same byte offsets;
	// tokens' lower fields are slices of it.
	lowered string
	base    int
}

type stateFn func(*lexer) stateFn

const eof = -1

func (l *lexer) next() rune {
	if l.pos >= l.end {
		l.width = 0
		return eof
	}
	r, w := rune(l.src[l.pos]), 1
	if r >= utf8.RuneSelf {
		r, w = utf8.DecodeRuneInString(l.src[l.pos:l.end])
	}
	l.width = w
	l.pos += w
	return r
}

func (l *lexer) peek() rune {
	r := l.next()
	l.backup()
	return r
}

// peek2 returns the rune after the next one without consuming either.
func (l *lexer) peek2() rune {
	save, w := l.pos, l.width
	l.next()
	r := l.next()
	l.pos, l.width = save, w
	return r
}

func (l *lexer) backup() { l.pos -= l.width }

func (l *lexer) acceptRun(valid func(rune) bool) {
	for valid(l.next()) {
	}
	l.backup()
}

func (l *lexer) ignore() { l.start = l.pos }

func (l *lexer) emit(k tokKind) {
	t := token{kind: k, start: l.start, end: l.pos, text: l.src[l.start:l.pos], space: l.space}
	t.lower = t.text
	if k == tWord || k == tAlnum {
		t.lower = l.lowered[l.start-l.base : l.pos-l.base]
		c := t.text[0]
		if c < utf8.RuneSelf {
			t.upper = 'A' <= c && c <= 'Z'
		} else {
			r, _ := utf8.DecodeRuneInString(t.text)
			t.upper = unicode.IsUpper(r)
		}
	}
	l.toks = append(l.toks, t)
	l.start = l.pos
	l.space = false
}

// lowerSameLen lowercases s rune by rune, keeping a rune whose lowercase
// form would change its byte length, so that byte offsets into s are byte
// offsets into the result. It returns s itself (no allocation) when s has
// no uppercase ASCII and no non-ASCII bytes.
func lowerSameLen(s string, buf []byte) (string, []byte) {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s, buf
	}
	// Every rune keeps its byte length, so the result is as long as s:
	// it is written in place, the plain bytes before i copied at once.
	buf = slices.Grow(buf[:0], len(s))[:len(s)]
	copy(buf, s[:i])
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for i < len(s) {
		if i+8 <= len(s) {
			// eight ASCII bytes at once: the high bit of a+ is set in the
			// bytes from 'A' up, of z in those from 'Z'+1 up (no byte
			// carries into the next: each is below 0x80), and 0x80>>2 is
			// the 0x20 that lowers a capital
			x := load64(s, i)
			if x&highs == 0 {
				a, z := x+(0x80-'A')*ones, x+(0x80-'Z'-1)*ones
				binary.LittleEndian.PutUint64(buf[i:], x|(a&^z&highs)>>2)
				i += 8
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		lr := unicode.ToLower(r)
		if utf8.RuneLen(lr) != w {
			lr = r
		}
		if lr == utf8.RuneError {
			copy(buf[i:], s[i:i+w])
		} else {
			utf8.EncodeRune(buf[i:], lr)
		}
		i += w
	}
	return string(buf), buf
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isAlnum(r rune) bool { return isDigit(r) || isLetter(r) }

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// isApostrophe covers the straight and the typographic apostrophe.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// isInnerHyphen covers the hyphens that join words: "al-Ahli".
func isInnerHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// lexText lexes src[start:end] and appends its tokens to toks. buf is
// scratch for lowercasing, returned for reuse.
func lexText(src string, start, end int, toks []token, buf []byte) ([]token, []byte) {
	return new(lexer).lex(src, start, end, toks, buf)
}

// lex is lexText with l as the lexer's state, overwritten: the state
// functions take a *lexer, so one made per call goes to the heap, and
// extract lexes every sentence it reads with one.
func (l *lexer) lex(src string, start, end int, toks []token, buf []byte) ([]token, []byte) {
	lowered, buf := lowerSameLen(src[start:end], buf)
	*l = lexer{src: src, pos: start, start: start, end: end, toks: toks, lowered: lowered, base: start}
	for state := lexAny; state != nil; {
		state = state(l)
	}
	return l.toks, buf
}

func lexAny(l *lexer) stateFn {
	// fast paths, in a loop: a word of ASCII letters, a number of ASCII
	// digits or an ASCII punctuation mark followed by a byte that ends it
	// as the states below would end it is emitted here; anything else
	// goes to them
	for {
		for l.pos < l.end && (l.src[l.pos] == ' ' || l.src[l.pos] == '\n') {
			l.pos++
			l.space = true
		}
		if l.pos >= l.end {
			return nil
		}
		c := l.src[l.pos]
		p := l.pos + 1
		switch {
		case isASCIILetter(c):
			for p < l.end && isASCIILetter(l.src[p]) {
				p++
			}
			if p < l.end && !endsASCIIWord(l.src, p, l.end) {
				l.start, l.pos = l.pos, p
				return lexWord
			}
			l.emitASCII(l.pos, p, tWord)
		case '0' <= c && c <= '9':
			for p < l.end && '0' <= l.src[p] && l.src[p] <= '9' {
				p++
			}
			if p < l.end && !endsASCIINumber(l.src[p]) {
				l.start, l.pos = l.pos, l.pos+1
				return lexNumber
			}
			l.emitASCII(l.pos, p, tNum)
		case c < utf8.RuneSelf && c > ' ' && c != 0x7f:
			// not a letter, a digit or white space: one mark
			l.emitASCII(l.pos, p, tPunct)
		default:
			return lexRune
		}
	}
}

// endsASCIIWord reports whether src[p], after a run of ASCII letters,
// ends the word as lexWord would end it: an ASCII byte that is no letter
// or digit, and no apostrophe, hyphen or point before a letter (which may
// join the word); white space and punctuation before a byte that cannot.
func endsASCIIWord(src string, p, end int) bool {
	c := src[p]
	switch {
	case c >= utf8.RuneSelf || '0' <= c && c <= '9':
		return false
	case c == '\'' || c == '-' || c == '.':
		return p+1 >= end || src[p+1] < utf8.RuneSelf && !isASCIILetter(src[p+1])
	}
	return true
}

// endsASCIINumber reports whether c, after a run of ASCII digits, ends
// the number as lexNumber would end it: printable ASCII or an ASCII space
// that is no digit, letter, comma or point (a comma or a point may join
// digits, a control character may hide between them).
func endsASCIINumber(c byte) bool {
	if c == ' ' || '\t' <= c && c <= '\r' {
		return true
	}
	return c > ' ' && c < 0x7f && c != ',' && c != '.' && !isASCIILetter(c) && (c < '0' || c > '9')
}

// emitASCII emits src[a:b] as a token of kind k: what emit does, for a
// token of ASCII bytes the fast paths of lexAny read.
func (l *lexer) emitASCII(a, b int, k tokKind) {
	t := token{kind: k, start: a, end: b, text: l.src[a:b], space: l.space}
	t.lower = t.text
	if k == tWord {
		t.lower = l.lowered[a-l.base : b-l.base]
		t.upper = 'A' <= t.text[0] && t.text[0] <= 'Z'
	}
	l.toks = append(l.toks, t)
	l.start, l.pos = b, b
	l.space = false
}

// lexRune reads the token at l.pos rune by rune, as the lexer did before
// lexAny's fast paths.
func lexRune(l *lexer) stateFn {
	l.start = l.pos
	r := l.next()
	switch {
	case r == eof:
		return nil
	case isSpace(r):
		l.acceptRun(isSpace)
		l.ignore()
		l.space = true
		return lexAny
	case isDigit(r), r >= utf8.RuneSelf && unicode.IsDigit(r):
		return lexNumber
	case isLetter(r):
		return lexWord
	default:
		l.emit(tPunct)
		return lexAny
	}
}

// lexNumber reads digits with thousands commas ("1,100") and one decimal
// point ("1.2"). A number run straight into letters ("10km", "1st",
// "1990s") is one alnum token and never a count.
//
// Digits may also be non-ASCII, or have invisible characters between
// them (a zero-width space or a soft hyphen from HTML's &shy;): the
// token then spans them all and its text is the number cleaned (see
// cleanNumber), or the token is a tOddNum; never a number cut short at
// the invisible character, which made "1<ZWSP>200" read as 200.
func lexNumber(l *lexer) stateFn {
	odd := l.src[l.start] >= utf8.RuneSelf
	for {
		for {
			r := l.next()
			if isDigit(r) {
				continue
			}
			if r >= utf8.RuneSelf && unicode.IsDigit(r) {
				odd = true
				continue
			}
			l.backup()
			break
		}
		// what may join two digit runs: invisible characters, a comma or
		// a point, invisible characters
		p := l.skipInvisible(l.pos)
		if p < l.end && (l.src[p] == ',' || l.src[p] == '.') {
			p = l.skipInvisible(p + 1)
		}
		if p == l.pos || p >= l.end {
			break
		}
		r, _ := utf8.DecodeRuneInString(l.src[p:l.end])
		if !isDigit(r) && !(r >= utf8.RuneSelf && unicode.IsDigit(r)) {
			break
		}
		if c := l.src[l.pos]; c != ',' && c != '.' || p > l.pos+1 {
			odd = true
		}
		l.pos = p
	}
	if isLetter(l.peek()) {
		l.acceptRun(isAlnum)
		l.emit(tAlnum)
		return lexAny
	}
	if !odd {
		l.emit(tNum)
		return lexAny
	}
	text, ok := cleanNumber(l.src[l.start:l.pos])
	if !ok {
		l.emit(tOddNum)
		return lexAny
	}
	l.emit(tNum)
	t := &l.toks[len(l.toks)-1]
	t.text, t.lower = text, text
	return lexAny
}

// skipInvisible returns the offset after the characters at p that join
// the parts of a number without being seen: format characters (a
// zero-width space, a soft hyphen, a bidi mark) and controls other than
// white space.
func (l *lexer) skipInvisible(p int) int {
	for p < l.end && l.src[p] >= utf8.RuneSelf || p < l.end && l.src[p] < 0x20 && !isSpace(rune(l.src[p])) {
		r, w := utf8.DecodeRuneInString(l.src[p:l.end])
		if !unicode.Is(unicode.Cf, r) && !unicode.Is(unicode.Cc, r) || isSpace(r) {
			break
		}
		p += w
	}
	return p
}

// invisibleInNumber are the characters that may sit inside a number
// without changing it: zero-width space, non-joiner and joiner, word
// joiner, zero-width no-break space (BOM) and soft hyphen. They come from
// HTML (&shy;, &#8203;) and from copy and paste, and a reader does not
// see them.
const invisibleInNumber = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

// cleanNumber returns a number token's text as ASCII digits, commas and
// points: without the invisible characters that may sit in it, and
// folded by NFKC (fullwidth digits are digits). ok is false when anything
// else remains: digits of another script (toll reads English copy, and
// mixed digits are a trap), or a bidi mark or control among the digits.
func cleanNumber(s string) (string, bool) {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(invisibleInNumber, r) {
			return -1
		}
		return r
	}, s)
	s = norm.NFKC.String(s)
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isDigit(rune(c)) && c != ',' && c != '.' {
			return "", false
		}
	}
	return s, s != ""
}

// lexWord reads letters with inner hyphens and apostrophes ("al-Ahli",
// "Israel's", "year-old"). Digits inside make it alnum ("G7", "COVID19").
func lexWord(l *lexer) stateFn {
	kind := tWord
	for {
		// fast path: a run of ASCII letters
		for l.pos < l.end {
			c := l.src[l.pos]
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				l.pos++
				continue
			}
			break
		}
		r := l.next()
		w := l.width // the peeks below change l.width
		switch {
		case isLetter(r):
		case isDigit(r):
			kind = tAlnum
		case (isApostrophe(r) || isInnerHyphen(r)) && isLetter(l.peek()):
		case r == '.' && isLetter(l.peek()) && l.peek2() == '.':
			// dotted abbreviations: "U.S.", "a.m."
			l.next()
			l.next()
			for isLetter(l.peek()) && l.peek2() == '.' {
				l.next()
				l.next()
			}
			l.emit(kind)
			return lexAny
		default:
			l.pos -= w
			l.emit(kind)
			return lexAny
		}
	}
}
