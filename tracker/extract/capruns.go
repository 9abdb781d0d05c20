package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// capRuns calls fn with the bounds of each run of capitalised words in s,
// in order: exactly the matches of capRunRE (built from the vocabulary's
// particle lines) FindAllStringIndex(s, -1) gives
// (TestCapRuns holds them equal), found without the regexp, which backtracks
// from every position of a paragraph. A run starts at a word boundary with
// an ASCII capital and takes letters, apostrophes and hyphens; it goes on
// over white space, maybe a particle (v.particles: "al", "de", "of" …) and white space
// or hyphens, to the next capitalised word. Every part of the pattern is
// followed by something the part cannot match, so reading it greedily, with
// no backtracking, finds the regexp's match.
func (v *vocabulary) capRuns(s string, fn func(a, b int)) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < 'A' || c > 'Z' || i > 0 && isWordByte(s[i-1]) {
			i++
			continue
		}
		end := capWord(s, i)
		for {
			j := end
			for j < len(s) && isSpaceRE(s[j]) {
				j++
			}
			if j == end || j == len(s) {
				break
			}
			if k := v.particleEnd(s, j); k > j {
				j = k
			}
			if j == len(s) || s[j] < 'A' || s[j] > 'Z' {
				break
			}
			end = capWord(s, j)
		}
		fn(i, end)
		i = end
	}
}

// capWord returns the end of the capitalised word at s[i] ([A-Z] then
// [\p{L}'’\-]*).
func capWord(s string, i int) int {
	i++
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if isASCIILetter(c) || c == '\'' || c == '-' {
				i++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r != '’' && !unicode.IsLetter(r) {
			break
		}
		i += n
	}
	return i
}

// particleEnd returns the end of a particle at s[j] and the white space
// or hyphens after it, or j when there is none. The particles are tried
// in file order, as the regexp's alternation is.
func (v *vocabulary) particleEnd(s string, j int) int {
	for _, p := range v.particles {
		if !strings.HasPrefix(s[j:], p) {
			continue
		}
		k := j + len(p)
		for k < len(s) && (isSpaceRE(s[k]) || s[k] == '-') {
			k++
		}
		if k > j+len(p) {
			return k
		}
	}
	return j
}

// isSpaceRE is the regexp class \s: [\t\n\f\r ].
func isSpaceRE(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}
