package tracker

import (
	"math/rand/v2"
	"testing"
)

// controlCountRef is controlCount a byte at a time, as CheckText counted
// before the eight-byte test.
func controlCountRef(text string) (ctrl, runes int) {
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= 0x20 && c < 0x7f:
			runes++
		case c < 0x20:
			runes++
			if c != '\n' && c != '\r' && c != '\t' && c != '\f' {
				ctrl++
			}
		case c == 0x7f:
			runes++
			ctrl++
		case c >= 0xc0:
			runes++
			if c == 0xc2 && i+1 < len(text) && text[i+1] < 0xa0 {
				ctrl++
			}
		}
	}
	return ctrl, runes
}

var controlCountSeeds = []string{
	"", "a", "plain ASCII text of more than eight bytes", "\x1f\x20\x7e\x7f\x80 abcdefgh", "abcdefg\x7f", "abcdefgh\x7f",
	"\x00\x01\x02\x03\x04\x05\x06\x07\x08", "tab\tand\nnew\rline\f", "Kahramanmaraş, Türkiye — 50,000 dead",
	"\u0085 next line, \u009f and \u00a0", "~~~~~~~~ ", "        \x19", "\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f",
}

// TestControlCount holds controlCount to controlCountRef on the seeds and
// on random bytes drawn mostly from the edges of its word test.
func TestControlCount(t *testing.T) {
	seed := rand.Uint64()
	r := rand.New(rand.NewPCG(seed, 1))
	edges := []byte{0x00, 0x09, 0x0a, 0x1f, 0x20, 0x21, 0x41, 0x7e, 0x7f, 0x80, 0x9f, 0xa0, 0xc2, 0xc3, 0xe2, 0xff}
	inputs := append([]string(nil), controlCountSeeds...)
	for range 2000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			if r.IntN(3) == 0 {
				b[i] = edges[r.IntN(len(edges))]
			} else {
				b[i] = byte(0x20 + r.IntN(0x5f))
			}
		}
		inputs = append(inputs, string(b))
	}
	for _, s := range inputs {
		gc, gr := controlCount(s)
		wc, wr := controlCountRef(s)
		if gc != wc || gr != wr {
			t.Errorf("controlCount(%q) = %d, %d; want %d, %d (seed %d)", s, gc, gr, wc, wr, seed)
		}
	}
}

// FuzzControlCount checks the same on any bytes.
func FuzzControlCount(f *testing.F) {
	for _, s := range controlCountSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		gc, gr := controlCount(s)
		wc, wr := controlCountRef(s)
		if gc != wc || gr != wr {
			t.Errorf("controlCount(%q) = %d, %d; want %d, %d", s, gc, gr, wc, wr)
		}
	})
}
