package extract

import "strings"

// mayHoldClaim is a cheap filter: a sentence with no digit and no number
// or vague word cannot hold a figure, and one with no casualty stem cannot
// hold a claim. Most sentences of a report fail it, which is what keeps
// extraction fast.
func mayHoldClaim(s string) bool {
	// "\xef\xbc" starts the fullwidth digits (U+FF10–U+FF19), which NFKC
	// folds into ASCII ones (see cleanNumber)
	if strings.IndexAny(s, "0123456789") < 0 && !strings.Contains(s, "\xef\xbc") && !numberStems.in(s) {
		return false
	}
	return casualtyStems.in(s)
}

// stems is a set of lowercase ASCII substrings (two letters or more),
// indexed by their first two letters so that a sentence is read once, with
// one table probe a byte, whatever the number of stems.
type stems struct {
	pair  [256 * 256 / 64]uint64 // bit set: some stem starts with these two bytes
	first [256][]string
}

func newStems(ws ...string) *stems {
	t := &stems{}
	for _, w := range ws {
		t.first[w[0]] = append(t.first[w[0]], w)
		k := int(w[0])<<8 | int(w[1])
		t.pair[k/64] |= 1 << (k % 64)
	}
	return t
}

// in reports whether s holds one of the stems, ignoring ASCII case.
func (t *stems) in(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		k := int(s[i]|0x20)<<8 | int(s[i+1]|0x20)
		if t.pair[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		for _, w := range t.first[s[i]|0x20] {
			if i+len(w) > len(s) {
				continue
			}
			ok := true
			for k := 1; k < len(w); k++ {
				if s[i+k]|0x20 != w[k] {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// numberStems are substrings of every number word and vague word.
var numberStems = newStems(
	"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
	"ten", "eleven", "twelve", "teen", "twenty", "thirty", "forty", "fifty",
	"sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million",
	"billion", "dozen", "several", "few", "couple", "scores", "handful", "half", "zero",
)

// casualtyStems are substrings of every casualty word and toll noun (a
// test keeps this true): a sentence without one cannot hold a claim.
var casualtyStems = newStems(
	"kill", "dead", "death", "died", "fatal", "martyr", "perish", "lives", "lost their", "lost his",
	"lost her", "slain", "murder", "massacre", "bodies", "body", "injur", "wound",
	"hurt", "missing", "unaccounted", "hostage", "abduct", "kidnap", "captiv",
	"displac", "homeless", "fled", "flee", "refuge", "uproot", "forced from",
	"driven from", "idps", "arrest", "detain", "detention", "rounded up",
	"rounding up", "custody", "prisoner", "toll", "casualt", "crossed into",
)
