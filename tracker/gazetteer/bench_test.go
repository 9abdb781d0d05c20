package gazetteer

import "testing"

// BenchmarkDefault measures building the gazetteer from the embedded
// tables and extra.txt, which Default does once per process.
func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := build(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLookup measures a mix of names: a country, a subdivision with
// a designator, an ambiguous city, an alias of the hand file, a name that
// is no place.
func BenchmarkLookup(b *testing.B) {
	g := Default()
	names := []string{"Morocco", "Al Haouz province", "Valencia", "the Gaza Strip", "Kahramanmaraş", "Richter"}
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range names {
			g.Lookup(n)
		}
	}
}

// BenchmarkIsPlaceName measures the extractor's test of a run of words
// that is no place, the common case.
func BenchmarkIsPlaceName(b *testing.B) {
	g := Default()
	b.ReportAllocs()
	for b.Loop() {
		g.IsPlaceName("Health Ministry")
	}
}
