package extract

import (
	"reflect"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The lexer as it was before its ASCII fast paths (lexAny reads a plain
// word, number or punctuation mark itself): TestLexRef and FuzzLex hold
// lexText to it, token for token.

func lexTextRef(src string, start, end int, toks []token, buf []byte) ([]token, []byte) {
	lowered, buf := lowerSameLen(src[start:end], buf)
	l := &lexer{src: src, pos: start, start: start, end: end, toks: toks, lowered: lowered, base: start}
	for state := lexAnyRef; state != nil; {
		state = state(l)
	}
	return l.toks, buf
}

func lexAnyRef(l *lexer) stateFn {
	// fast path: ASCII spaces between tokens
	for l.pos < l.end && (l.src[l.pos] == ' ' || l.src[l.pos] == '\n') {
		l.pos++
		l.space = true
	}
	l.start = l.pos
	r := l.next()
	switch {
	case r == eof:
		return nil
	case isSpace(r):
		l.acceptRun(isSpace)
		l.ignore()
		l.space = true
		return lexAnyRef
	case isDigit(r), r >= utf8.RuneSelf && unicode.IsDigit(r):
		return lexNumberRef
	case isLetter(r):
		return lexWordRef
	default:
		l.emit(tPunct)
		return lexAnyRef
	}
}

func lexNumberRef(l *lexer) stateFn {
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
		return lexAnyRef
	}
	if !odd {
		l.emit(tNum)
		return lexAnyRef
	}
	text, ok := cleanNumber(l.src[l.start:l.pos])
	if !ok {
		l.emit(tOddNum)
		return lexAnyRef
	}
	l.emit(tNum)
	t := &l.toks[len(l.toks)-1]
	t.text, t.lower = text, text
	return lexAnyRef
}

func lexWordRef(l *lexer) stateFn {
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
			return lexAnyRef
		default:
			l.pos -= w
			l.emit(kind)
			return lexAnyRef
		}
	}
}

// lexInputs are the sentence tests' inputs and some shapes at the edges
// of the fast paths.
func lexInputs(tb testing.TB) []string {
	tb.Helper()
	return append(splitInputs(tb),
		"al-Ahli", "Israel's", "Israel’s", "U.S.", "a.m.", "e.g. 5", "G7", "10km", "1,100", "1.2", "1,", "1.", "1.a",
		"12-year-old", "x-", "x'", "x’", "x.", "x.y", "x.y.", "x,y", "1\u200b200", "１２", "x\u00e9y", "éa", "A\tb",
		"a\x01b", "1\x01", "a--b", "a-é", "a'é", "3rd", "1990s", "COVID19", "x\u2010y", "x\u2011y", "5)", "(5", "")
}

func TestLexRef(t *testing.T) {
	toks := 0
	for _, s := range lexInputs(t) {
		got, _ := lexText(s, 0, len(s), nil, nil)
		want, _ := lexTextRef(s, 0, len(s), nil, nil)
		toks += len(want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("lexText(%q) = %v, want %v", s, got, want)
		}
	}
	if toks < 10000 {
		t.Errorf("the inputs gave %d tokens: the test checks little", toks)
	}
}

// FuzzLex checks the same on any text, and on any part of it.
func FuzzLex(f *testing.F) {
	for _, s := range lexInputs(f)[len(splitInputs(f)):] {
		f.Add(s, 0, len(s))
	}
	f.Fuzz(func(t *testing.T, s string, a, b int) {
		if a < 0 || b > len(s) || a > b {
			a, b = 0, len(s)
		}
		got, _ := lexText(s, a, b, nil, nil)
		want, _ := lexTextRef(s, a, b, nil, nil)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("lexText(%q, %d, %d) = %v, want %v", s, a, b, got, want)
		}
	})
}
