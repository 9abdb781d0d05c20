// Package fold turns a place name into the key the gazetteer indexes it
// under. The generator that writes the embedded tables and the gazetteer
// that reads them must fold names the same way, so the one function lives
// here and both import it.
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Key returns the lookup key of a name: lower case, diacritics removed
// ("Kahramanmaraş" is "kahramanmaras"), apostrophes and periods dropped
// ("Ma'rib" is "marib", "St. Louis" is "st louis"), hyphens, commas,
// slashes and brackets read as spaces ("Marrakesh-Safi" is "marrakesh
// safi"), runs of space folded and a leading "the" dropped ("the Gaza
// Strip" is "gaza strip"). Letters with no decomposition that English
// writes as plain letters are mapped (ı, ł, ø, đ, ß, æ, œ, þ). Scripts
// other than Latin are kept, lower-cased.
//
// Key never fails: invalid UTF-8 is read as spaces.
func Key(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		s = norm.NFD.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending before the next letter
	emit := func(r rune) {
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				emit(rune(c))
			case 'A' <= c && c <= 'Z':
				emit(rune(c + 'a' - 'A'))
			case c == '\'' || c == '.' || c == '`':
				// Dropped: "Sana'a" and "Sanaa" are one name.
			default:
				space = true
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == utf8.RuneError && n == 1 {
			space = true
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if m, ok := special(r); ok {
			for _, mr := range m {
				if mr == ' ' {
					space = true
				} else if mr != 0 {
					emit(mr)
				}
			}
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			emit(unicode.ToLower(r))
			continue
		}
		space = true
	}
	k := b.String()
	return strings.TrimPrefix(k, "the ")
}

// special maps letters that NFD does not split into a base letter and a
// mark, and punctuation that must not become a space. A result "\x00"
// drops the rune; " " makes it a separator. A switch, not a map, so that
// the package has no variable.
func special(r rune) (string, bool) {
	switch r {
	case 'ı', 'İ':
		return "i", true
	case 'ł', 'Ł', 'ŀ', 'Ŀ':
		return "l", true
	case 'ø', 'Ø':
		return "o", true
	case 'đ', 'Đ', 'ð', 'Ð':
		return "d", true
	case 'ħ', 'Ħ':
		return "h", true
	case 'ß':
		return "ss", true
	case 'æ', 'Æ':
		return "ae", true
	case 'œ', 'Œ':
		return "oe", true
	case 'þ', 'Þ':
		return "th", true
	case '’', '‘', 'ʼ', 'ʻ', 'ʿ', 'ʾ', '′', '´':
		return "\x00", true
	case '‐', '‑', '–', '—':
		return " ", true
	}
	return "", false
}

// Words counts the words of a key: the spaces plus one, zero for "".
func Words(key string) int {
	if key == "" {
		return 0
	}
	return strings.Count(key, " ") + 1
}
