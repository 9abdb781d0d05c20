package extract

import (
	"strings"
	"testing"
)

// designatedRef is designated as it was written first, a search for each
// designator joined to the place.
func designatedRef(sent, where string) bool {
	if where == "" {
		return false
	}
	for _, d := range []string{"village of ", "town of ", "city of ", "district of ", "province of ", "region of ", "municipality of ", "hamlet of "} {
		if strings.Contains(sent, d+where) {
			return true
		}
	}
	for _, d := range []string{" village", " town", " district", " province", " municipality"} {
		if strings.Contains(sent, where+d) {
			return true
		}
	}
	return false
}

// TestDesignated holds designated to designatedRef.
func TestDesignated(t *testing.T) {
	sents := []string{"", "Six died in the village of Letur.", "Letur village lost six.", "Letur and the town of Letur", "LeturLetur district", "in Paiporta, Valencia", "the city ofLetur", "Letur  town"}
	wheres := []string{"", "Letur", "Paiporta", "Valencia", "LeturLetur", "Letur district", "e"}
	for _, s := range sents {
		for _, w := range wheres {
			if got, want := designated(s, w), designatedRef(s, w); got != want {
				t.Errorf("designated(%q, %q) = %v, want %v", s, w, got, want)
			}
		}
	}
}

// FuzzDesignated holds designated to designatedRef on any sentence and place.
func FuzzDesignated(f *testing.F) {
	for _, seed := range [][2]string{{"Six died in the village of Letur.", "Letur"}, {"Letur village lost six.", "Letur"}, {"aaa town", "aa"}, {"", ""}} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, s, w string) {
		if got, want := designated(s, w), designatedRef(s, w); got != want {
			t.Fatalf("designated(%q, %q) = %v, want %v", s, w, got, want)
		}
	})
}
