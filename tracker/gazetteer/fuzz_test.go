package gazetteer

import (
	"slices"
	"testing"
)

// fuzzSeeds are names and near-names from the tests and the hard cases of
// folding: every kind, aliases, designators, demonyms, no places.
func fuzzSeeds() []string {
	return []string{
		"Morocco", "the Gaza Strip", "Gaza City", "Al Haouz province", "Kahramanmaraş", "KAHRAMANMARAS",
		"Valencia", "Georgia", "Hatay", "Derna", "Darnah", "Kyiv", "Kiev", "Lahaina", "Maui County",
		"Marrakech-Safi", "the Atlas Mountains", "Israelis", "Turks", "Gazans", "polish", "Congolese",
		"Richter", "Initial", "Reuters", "Monday", "Red Crescent", "province of", " city", "the",
		"Côte d’Ivoire", "Москва", "a\xffb", "", "   ", "U.S.", "Hawaiʻi",
	}
}

// FuzzLookup checks the gazetteer's promises on any string: no panic;
// the same answer twice; every candidate Get-able as itself, in rank
// order; IsPlaceName agreeing with Lookup; Resolve without context giving
// the first candidate; a demonym's place Get-able.
func FuzzLookup(f *testing.F) {
	seeds := fuzzSeeds()
	if len(seeds) == 0 {
		f.Fatal("empty seed corpus")
	}
	for _, s := range seeds {
		f.Add(s)
	}
	g := Default()
	f.Fuzz(func(t *testing.T, s string) {
		got := g.Lookup(s)
		if again := g.Lookup(s); !slices.Equal(got, again) {
			t.Fatalf("Lookup(%q) not deterministic: %v then %v", s, ids(got), ids(again))
		}
		for i, p := range got {
			if q, ok := g.Get(p.ID); !ok || q != p {
				t.Errorf("Lookup(%q)[%d] = %+v, Get gives %+v, %v", s, i, p, q, ok)
			}
			if i > 0 && rankClass(got[i-1]) > rankClass(p) {
				t.Errorf("Lookup(%q) out of rank order at %d: %v", s, i, ids(got))
			}
		}
		if g.IsPlaceName(s) != (len(got) > 0) {
			t.Errorf("IsPlaceName(%q) = %v, Lookup found %d", s, g.IsPlaceName(s), len(got))
		}
		p, ok := g.Resolve(s)
		if ok != (len(got) > 0) || (ok && p != got[0]) {
			t.Errorf("Resolve(%q) = %v, %v; Lookup = %v", s, p.ID, ok, ids(got))
		}
		d, ok := g.Demonym(s)
		d2, ok2 := g.Demonym(s)
		if d != d2 || ok != ok2 {
			t.Errorf("Demonym(%q) not deterministic", s)
		}
		if ok {
			if q, found := g.Get(d.ID); !found || q != d {
				t.Errorf("Demonym(%q) = %+v, not Get-able", s, d)
			}
		}
	})
}
