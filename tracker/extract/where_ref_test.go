package extract

import (
	"reflect"
	"strings"
	"testing"
)

var whereSeeds = []string{
	"", ",", ", where ", "Paiporta, where at least 62 people died", "in Paiporta, where 62 died, and Derna, where 4,000 died",
	"Jajarkot district, where", "Jajarkot district, where ", "Jajarkot district,\t\nwhere\tx", "A, where B, where C, where x",
	"Rukum West, wherever", "Rukum West,where x", "Rukum West , where x", "al-Ahli, where x", "Kahramanmaraş, where x",
	"Kahramanmaraş Province, where x", "Élan, where x", "x Sana’a, where x", "One Two Three Four Five, where x",
	"The Hague city, where x", "Gaza City, WHERE x", "Gaza, where\u00a0x", "Gaza,  where  x", "Gaza, where x, Rafah, where y",
}

// TestWhereMatches holds whereMatches to whereRelRE.FindAllStringSubmatchIndex
// on the seeds and every sentence of the reports.
func TestWhereMatches(t *testing.T) {
	matched := 0
	for _, s := range append(append([]string(nil), whereSeeds...), fastPathInputs(t)...) {
		want := whereRelRE.FindAllStringSubmatchIndex(s, -1)
		matched += len(want)
		if got := whereMatches(s); !reflect.DeepEqual(got, want) {
			t.Errorf("whereMatches(%q) = %v, want %v", s, got, want)
		}
	}
	if matched < 10 {
		t.Errorf("the regexp matched %d times: the test checks little", matched)
	}
}

// FuzzWhereMatches checks the same on any text, and on any text with ",
// where " in it.
func FuzzWhereMatches(f *testing.F) {
	for _, s := range whereSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, s := range []string{s, s + ", where " + s, strings.ReplaceAll(s, " ", ", where ")} {
			if got, want := whereMatches(s), whereRelRE.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
				t.Errorf("whereMatches(%q) = %v, want %v", s, got, want)
			}
		}
	})
}
