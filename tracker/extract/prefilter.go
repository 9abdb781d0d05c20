package extract

import "strings"

// mayHoldClaim is a cheap filter: a sentence with no digit and no number
// or vague word cannot hold a figure, and one with no casualty stem cannot
// hold a claim. Most sentences of a report fail it, which is what keeps
// extraction fast.
func (v *vocabulary) mayHoldClaim(s string) bool {
	return v.mayHoldNumber(s) && v.casualtyStems.in(s)
}

// mayHoldNumber reports a sentence that may hold a number: the next
// sentence after a total is read when it does, casualty word or not, for
// the parts it may list ("Worst hit: Iran 464, Nigeria 199").
func (v *vocabulary) mayHoldNumber(s string) bool {
	// "\xef\xbc" starts the fullwidth digits (U+FF10–U+FF19), which NFKC
	// folds into ASCII ones (see cleanNumber)
	return strings.ContainsAny(s, "0123456789") || strings.Contains(s, "\xef\xbc") || v.numberStems.in(s)
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
