package hygiene

import (
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// unsafeRune reports whether r is shown escaped: it moves the cursor,
// starts a terminal sequence, or reorders or breaks the line around it.
// Tab and newline are layout and stay; carriage return is decided by the
// caller (it stays before a newline).
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\t' && r != '\n'
	case r == 0x7f, r >= 0x80 && r <= 0x9f: // DEL, C1 controls (0x9b is CSI)
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, // Arabic letter mark, LRM, RLM
		r >= 0x202a && r <= 0x202e, // embeddings and overrides
		r >= 0x2066 && r <= 0x2069, // isolates
		r == 0x2028, r == 0x2029:   // line and paragraph separators
		return true
	}
	return false
}

// needsWork reports whether b holds anything Printable would change, in
// one pass over the bytes; ASCII text without controls is the fast path.
func needsWork(b []byte) bool {
	for i := 0; i < len(b); {
		// eight bytes at a time while none is a control (but a tab or line feed), DEL or
		// non-ASCII (a check's table is a gigabyte of plain text); a
		// word that may hold one is read a byte or rune at a time
		for len(b)-i >= 8 && plainWord(binary.LittleEndian.Uint64(b[i:])) {
			i += 8
		}
		if i >= len(b) {
			break
		}
		n, changed := firstNeedsWork(b[i:])
		if changed {
			return true
		}
		i += n
	}
	return false
}

// firstNeedsWork reads the byte or rune b starts with: its length, and
// whether Printable would change it.
func firstNeedsWork(b []byte) (int, bool) {
	if c := b[0]; c < utf8.RuneSelf {
		return 1, c < 0x20 && c != '\t' && c != '\n' || c == 0x7f
	}
	r, n := utf8.DecodeRune(b)
	return n, r == utf8.RuneError && n == 1 || unsafeRune(r)
}

// needsWorkBytes is needsWork without its eight-byte words, the
// reference TestNeedsWork holds needsWork to.
func needsWorkBytes(b []byte) bool {
	for i := 0; i < len(b); {
		n, changed := firstNeedsWork(b[i:])
		if changed {
			return true
		}
		i += n
	}
	return false
}

// plainWord reports whether each of x's eight bytes is one Printable
// leaves as it is by itself: printable ASCII, a tab or a line feed (every
// line of a table ends in one, and a word holding it had been read a byte
// at a time). It is exact: with every byte below 0x80, no sum below
// carries from one byte into the next.
func plainWord(x uint64) bool {
	const ones, highs, lows = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	if x&highs != 0 {
		return false // not ASCII
	}
	// a byte's high bit, after adding 0x60, says it is 0x20 or above
	below20 := ^(x + 0x60*ones) & highs
	// is(c) has the high bit of each byte that is c
	is := func(c uint64) uint64 {
		v := x ^ c*ones
		return ^((v&lows + lows) | v | lows)
	}
	return below20&^(is('\t')|is('\n')) == 0 && is(0x7f) == 0
}

// appendPrintable appends b to dst with every unsafe character escaped.
func appendPrintable(dst, b []byte) []byte {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			dst = fmt.Appendf(dst, `\x%02x`, b[i])
		case r == '\r' && i+1 < len(b) && b[i+1] == '\n':
			dst = append(dst, '\r')
		case unsafeRune(r):
			dst = fmt.Appendf(dst, `\u%04x`, r)
		default:
			dst = append(dst, b[i:i+n]...)
		}
		i += n
	}
	return dst
}

// Printable returns s with every control character escaped (see the
// package comment): what a terminal shows of it is what it holds.
func Printable(s string) string {
	if !needsWork([]byte(s)) {
		return s
	}
	return string(appendPrintable(nil, []byte(s)))
}

// Writer escapes control characters in everything written through it
// before passing it on. A character split across two writes is held until
// the second; Flush passes on (escaped) whatever is still held at the end.
type Writer struct {
	w    io.Writer
	held []byte // an incomplete UTF-8 sequence or a carriage return
	buf  []byte
}

// NewWriter returns a Writer writing to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Raw returns the writer underneath, for output that is data rather than
// text to read (CSV for a spreadsheet, a PNG chart). Flush first.
func (w *Writer) Raw() io.Writer { return w.w }

// Write escapes p and writes it on. It returns len(p) when the writer
// underneath took everything.
func (w *Writer) Write(p []byte) (int, error) {
	b := p
	if len(w.held) > 0 {
		b = append(w.held, p...)
		w.held = nil
	}
	cut := len(b) - tail(b)
	if cut < len(b) {
		w.held = append([]byte(nil), b[cut:]...)
	}
	b = b[:cut]
	if !needsWork(b) {
		if _, err := w.w.Write(b); err != nil {
			return 0, err
		}
		return len(p), nil
	}
	w.buf = appendPrintable(w.buf[:0], b)
	if _, err := w.w.Write(w.buf); err != nil {
		return 0, err
	}
	return len(p), nil
}

// tail is how many bytes at the end of b wait for the next write: a
// carriage return (a newline may follow) or the start of a UTF-8
// sequence that is not complete yet.
func tail(b []byte) int {
	if len(b) == 0 {
		return 0
	}
	if b[len(b)-1] == '\r' {
		return 1
	}
	for n := 1; n < utf8.UTFMax && n <= len(b); n++ {
		c := b[len(b)-n]
		if c < utf8.RuneSelf {
			return 0
		}
		if utf8.RuneStart(c) {
			if utf8.FullRune(b[len(b)-n:]) {
				return 0
			}
			return n
		}
	}
	return 0
}

// Flush writes what is held, escaped: an unfinished sequence at the very
// end of the output is shown as its bytes.
func (w *Writer) Flush() error {
	if len(w.held) == 0 {
		return nil
	}
	b := appendPrintable(nil, w.held)
	w.held = nil
	_, err := w.w.Write(b)
	return err
}

// CSVCell returns s as a CSV cell that a spreadsheet shows as text: a
// cell starting with = + - @, a tab or a carriage return gets a leading
// apostrophe, unless it is a plain number ("-33", "+1.5"), which is no
// formula; so does a cell that starts with an apostrophe, so that
// CSVValue can tell the two apart.
func CSVCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '\'':
		return "'" + s
	case '=', '@', '\t', '\r':
		return "'" + s
	case '+', '-':
		if !plainNumber(s[1:]) {
			return "'" + s
		}
	}
	return s
}

// CSVRecord applies CSVCell to every cell of rec, in place, and returns
// rec.
func CSVRecord(rec []string) []string {
	for i, s := range rec {
		rec[i] = CSVCell(s)
	}
	return rec
}

// CSVValue undoes CSVCell: it drops one leading apostrophe.
func CSVValue(cell string) string {
	return strings.TrimPrefix(cell, "'")
}

// plainNumber reports whether s is digits with at most one decimal point
// between digits.
func plainNumber(s string) bool {
	if s == "" {
		return false
	}
	dot := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
		case c == '.' && !dot && i > 0 && i < len(s)-1:
			dot = true
		default:
			return false
		}
	}
	return true
}
