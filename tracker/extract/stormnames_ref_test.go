package extract

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// stormNamesRef is stormNames as it was before it read the text once:
// for each storm noun, a search for every occurrence of the noun,
// capitalised and as written, with a space after it, and the capitalised
// word of three or more ASCII letters that follows. The reference
// TestStormNamesRef and FuzzStormNames hold stormNames to (as a set: the
// callers read it as one, and this order was the map's).
func (v *vocabulary) stormNamesRef(title, text string) []string {
	var out []string
	for _, t := range [2]string{title, text} {
		for noun, ev := range v.eventOf {
			if ev != "storm" || noun == "storms" || len(noun) < 2 {
				continue
			}
			for _, key := range [2]string{strings.ToUpper(noun[:1]) + noun[1:] + " ", noun + " "} {
				for off := 0; ; {
					k := strings.Index(t[off:], key)
					if k < 0 {
						break
					}
					k += off + len(key)
					off = k
					e := k
					for e < len(t) && isASCIILetter(t[e]) {
						e++
					}
					if e-k >= 3 && t[k] >= 'A' && t[k] <= 'Z' && !slices.Contains(out, t[k:e]) && !v.metaphor(t, k-len(key), k-1) {
						out = append(out, t[k:e])
					}
				}
			}
		}
	}
	return out
}

var stormSeeds = []string{
	"", "Cyclone Idai", "cyclone Idai", "the hurricane Otis hit", "Hurricane Ot", "Hurricane Otis's", "Typhoon  Yagi",
	"Storm Boris and Storm Boris", "storms Boris", "superstorm Sandy", "Hurricane\tOtis", "Tornado ABC", "Hurricane Ó",
	"Hurricane O'Neil", "Cyclone Freddy, then Cyclone Gombe", "Hurricane Cyclone Idai", "StormX Boris", "storm Abc", "Gunmen storm Nairobi mall", "Commandos Storm Hotels",
}

func stormInputs(tb testing.TB) []string {
	return append(append([]string(nil), stormSeeds...), splitInputs(tb)...)
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// TestStormNamesRef holds stormNames to stormNamesRef on the seeds and
// every report, as a text and as a title.
func TestStormNamesRef(t *testing.T) {
	v := Default().v
	found := 0
	in := stormInputs(t)
	for i, s := range in {
		title := in[(i+1)%len(in)]
		if len(title) > 200 {
			title = title[:200]
		}
		want := v.stormNamesRef(title, s)
		found += len(want)
		if got := v.stormNames(title, s); !sameSet(got, want) {
			t.Errorf("stormNames(%q, %q) = %q, want %q", title, s, got, want)
		}
	}
	if found < 20 {
		t.Errorf("the inputs gave %d names: the test checks little", found)
	}
}

// FuzzStormNames checks the same on any text.
func FuzzStormNames(f *testing.F) {
	for _, s := range stormSeeds {
		f.Add(s, s)
	}
	v := Default().v
	f.Fuzz(func(t *testing.T, title, text string) {
		if got, want := v.stormNames(title, text), v.stormNamesRef(title, text); !sameSet(got, want) {
			t.Errorf("stormNames(%q, %q) = %q, want %q", title, text, got, want)
		}
	})
}

// TestSpaceCapitals holds spaceCapitals to a byte-at-a-time test on
// random bytes drawn mostly from the edges of its two ranges.
func TestSpaceCapitals(t *testing.T) {
	edges := []byte{0x00, 0x1f, ' ', '!', '@', 'A', 'M', 'Z', '[', 'a', 'z', 0x7f, 0x80, 0xa0, 0xc1, 0xda, 0xe2, 0xff}
	r := rand.New(rand.NewPCG(rand.Uint64(), 1))
	b := make([]byte, 9)
	for range 200000 {
		for i := range b {
			if r.IntN(3) == 0 {
				b[i] = byte(r.IntN(256))
			} else {
				b[i] = edges[r.IntN(len(edges))]
			}
		}
		s := string(b)
		var want uint64
		for n := 0; n < 8; n++ {
			if s[n] == ' ' && 'A' <= s[n+1] && s[n+1] <= 'Z' {
				want |= 0x80 << (8 * n)
			}
		}
		if got := spaceCapitals(s, 0); got != want {
			t.Fatalf("spaceCapitals(%q) = %#x, want %#x", s, got, want)
		}
	}
}
