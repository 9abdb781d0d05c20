package extract

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tollproject/toll/tracker"
)

// contextChecks pairs each literal check of prefilter.go with the regexp
// it stands in front of: the check must hold wherever the regexp matches,
// or a claim would lose context the regexp gives it; an exact one stands
// for its regexp and must agree with it everywhere.
var contextChecks = []struct {
	name  string
	check func(string) bool
	re    *regexp.Regexp
	exact bool
}{
	{"mayRelay", mayRelay, viaRE, false},
	{"mayBePast", mayBePast, pastRE, false},
	{"mayBePast", mayBePast, sinceWhenRE, false},
	{"venueMatch", venueMatch, venueRE, true},
	{"mayBeIncident", mayBeIncident, incidentRE, false},
	{"mayBeBoth", mayBeBoth, bothRE, false},
	{"held", func(s string) bool { return nearestHeld(0, &tracker.Claim{Sentence: s}) != nil }, heldRE, false},
	{"mayBeFronted", mayBeFronted, frontedRE, false},
	{"mayBeSubject", mayBeSubject, subjectRE, false},
	{"mayBePronounSaid", mayBePronounSaid, pronounSaidRE, false},
	{"mayBeSinceWhen", mayBeSinceWhen, sinceWhenRE, false},
}

// prefilterSeeds are phrases written to sit at the edges of the checks.
var prefilterSeeds = []string{
	"state media, citing the interior ministry, said",
	"the National News Agency reported, CITING officials",
	"Radio Free Example quoted the governor as saying",
	"the 1960 Agadir quake", "in 2004", "2011's floods", "2011’s floods", "last year", "a decade ago",
	"years ago", "the previous year", "in 1899", "of 2023", "since 2011", "in 1799", "in 2100", "deadliest since 1999, when", "SINCE 2004 when", "ſince 1999, when", "in\t1988", "the 1960’s", "During 2019",
	"7 October 2023", "in 2023.", "the2011", "in both countries", "the combined death toll", "BOTH COUNTRIEſ", "across the two countries",
	"told reporters in ", "a ministry briefing in Rabat", "speaking at the ", "based  in\t", "office from THE ", "the office at\t the  ", "Offices_2 x in ", "headquarters based in ", "xbriefing in ",
	"briefing  in", "news agency at ", "news  agency at ", "a meeting of the in ", "the summit inside ", "a statement x y in ",
	"an airstrike on a house", "a ſtrike on a market", "another Kind of", "a second BLAST", "one car crash",
	"government-held areas", "the REBEL-CONTROLLED north", "state run media", "a state-runner", "a single ambush", "a separate shooting", "an explosion", "a raid",
	"headquarters in", "a briefing in the", "a visit inn ", "meeting at the\n", "", "in ", " the ",
	"In Syria, 1,602 deaths", "Inside Gaza, x", "Across Malawi,", "Throughout the Valley, x", "Elsewhere in Libya, x", "In x", "in Syria, x",
	"Wajima accounted for 52", "Suzu reported 91 deaths", "Al Haouz, the mountain province, accounted for 1,684", "Suzu has\tconfirmed 3 ",
	"Kerr County had 42 deaths, ", "Al-Haouz province recorded 9.", "Nangarhar Province reported 3;", "Herat province, near the border, has 12 dead.",
	"Kahramanmaraş registers 40 ", "Bint Jbeil, Lebanon’s south,\trecords 5.", "O’Higgins region counted 7,", "Suzu  \n reports 3 ", "Suzu,  ,\thas 3 dead ",
	"Su reported 4 ", "S reported 4 ", "Suzu: reported 4 ", "Suzu Wajima Noto reported 4 ", "Suzu statement reported 4 ", "Suzu district, a, b, reported 4 ",
	"Gaza's ministry reported 9 ", "Gaza’s ministry, citing hospitals, has had 9 ", "Éire reported 4 ", "Suzu,reported 4 ", "Suzu state  ,  x, have confirmed 5 ",
	"It said 3,166 bodies", "They put the toll at 9", "12 died, it said.", "12 died, they added .", "12 died, it said \t", "It’s said", "died, it said. ",
	"deadliest since 1999, when", "SINCE October 1973 WHEN", "ſince 2004 when", "since 2004,\twhen",
}

func TestContextPrefilters(t *testing.T) {
	inputs := append([]string(nil), prefilterSeeds...)
	// venue reads the sentence up to a place, so the prefixes that end
	// after a preposition or "the" (the only ones venueRE can match)
	var prefixes []string
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "extract", "*.txt"))
	evals, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "eval", "*.jsonl"))
	series, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "series", "*.jsonl"))
	for _, f := range append(append(files, evals...), series...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, sent := range strings.FieldsFunc(string(b), func(r rune) bool { return r == '.' || r == '\n' }) {
			// (trimmed too, for the checks anchored at a sentence's start)
			inputs = append(inputs, sent, strings.TrimSpace(sent)+".")
			for i := range len(sent) {
				if sent[i] == ' ' && (strings.HasSuffix(sent[:i], "in") || strings.HasSuffix(sent[:i], "at") ||
					strings.HasSuffix(sent[:i], "from") || strings.HasSuffix(sent[:i], "the")) {
					prefixes = append(prefixes, sent[:i+1])
				}
			}
		}
	}
	for _, c := range contextChecks {
		t.Run(c.name, func(t *testing.T) {
			matched := 0
			in := inputs
			if c.name == "venueMatch" {
				in = append(prefixes, prefilterSeeds...)
			}
			for _, s := range in {
				m := c.re.MatchString(s)
				if m {
					matched++
				}
				if got := c.check(s); m && !got || c.exact && got != m {
					t.Errorf("%s(%q) is %v, but the regexp's match is %v", c.name, s, got, m)
				}
			}
			if matched == 0 {
				t.Errorf("the regexp matched none of %d inputs: the test checks nothing", len(in))
			}
		})
	}
}

// FuzzContextPrefilters checks the same on any text.
func FuzzContextPrefilters(f *testing.F) {
	for _, s := range prefilterSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, sub := range foldSubs {
			if got, want := containsFoldASCII(s, sub), containsFoldASCIIRef(s, sub); got != want {
				t.Errorf("containsFoldASCII(%q, %q) = %v, want %v", s, sub, got, want)
			}
		}
		for _, c := range contextChecks {
			if m, got := c.re.MatchString(s), c.check(s); m && !got || c.exact && got != m {
				t.Errorf("%s(%q) is %v, but the regexp's match is %v", c.name, s, got, m)
			}
		}
	})
}

// TestASCIIWords checks asciiWords against the regexp it replaced.
func TestASCIIWords(t *testing.T) {
	re := regexp.MustCompile(`[A-Za-z]+`)
	for _, s := range append(prefilterSeeds, "", "a", "Z9z", "naïve café 12 ABC-def", "…end") {
		var got [][]int
		asciiWords(s, func(a, b int) bool { got = append(got, []int{a, b}); return true })
		want := re.FindAllStringIndex(s, -1)
		if len(got) != len(want) {
			t.Errorf("asciiWords(%q) = %v, want %v", s, got, want)
			continue
		}
		for i := range got {
			if got[i][0] != want[i][0] || got[i][1] != want[i][1] {
				t.Errorf("asciiWords(%q) = %v, want %v", s, got, want)
				break
			}
		}
	}
}

// TestEventWord holds eventWord, which turns most words away by their
// length and letters, to the plain lookup of the lowered word: every
// event noun in three cases, and words that are none.
func TestEventWord(t *testing.T) {
	v := defaultVocabulary()
	words := []string{"", "a", "war", "wars", "Tremors", "firestorm", "explosions", "aftershocks", "Floodwaters", "FLOODWATERS", "hostilitiesx", "zzz"}
	for w := range v.eventOf {
		words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
	}
	for _, w := range words {
		want, wantOK := v.eventOf[strings.ToLower(w)]
		if got, ok := v.eventWord(w); got != want || ok != wantOK {
			t.Errorf("eventWord(%q) = %q, %v; want %q, %v", w, got, ok, want, wantOK)
		}
	}
	if v.eventMin != 3 || v.eventMax != 11 {
		t.Errorf("event nouns run from %d to %d bytes, want 3 to 11 (quake … floodwaters)", v.eventMin, v.eventMax)
	}
}

// containsFoldASCIIRef is containsFoldASCII as it was before it found
// its candidates with strings.IndexByte: one byte at a time.
func containsFoldASCIIRef(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i]|0x20 != sub[0] {
			continue
		}
		j := 1
		for j < len(sub) && s[i+j]|0x20 == sub[j] {
			j++
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

// foldSubs are the substrings containsFoldASCII is asked for, and some
// at its edges.
var foldSubs = []string{"citing", "quot", "year", "decade", "countrie", "combined", "nation", "countr", "acro", "held",
	"controlled", "run", "since", "when", "most", "a", "ab", " x", "@a", "[", "in"}

// TestContainsFoldASCII holds containsFoldASCII to its reference.
func TestContainsFoldASCII(t *testing.T) {
	inputs := append(append([]string(nil), prefilterSeeds...), "", "A", "a", "IN", "iN", "Cit", "CITING", "xcitinG", "@A", "`a", "{", "[", "ſince")
	inputs = append(inputs, fastPathInputs(t)...)
	for _, s := range inputs {
		for _, sub := range foldSubs {
			if got, want := containsFoldASCII(s, sub), containsFoldASCIIRef(s, sub); got != want {
				t.Errorf("containsFoldASCII(%q, %q) = %v, want %v", s, sub, got, want)
			}
		}
	}
}

// inRef is stems.in as it was before the three-letter probe: the pair
// table, then the stems with the first letter.
func (t *stems) inRef(s string) bool {
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

// stemSets are the vocabulary's stem sets and one with a two-letter
// stem, which in reads by pairs.
func stemSets() []*stems {
	v := Default().v
	return []*stems{v.casualtyStems, v.numberStems, newStems("ab", "kill", "to the hospital")}
}

// TestStemsIn holds stems.in to inRef on the corpora's sentences and
// texts.
func TestStemsIn(t *testing.T) {
	inputs := append(append(fastPathInputs(t), fuzzSeeds(t)...), "", "k", "ki", "kil", "KILL", "Kill\x00", "to\x00the hospital", "xab", "aB",
		"xkill", "xxkill", "kil", "xkil", "dies", "xdie", "xxdie", "die", "di")
	// and every sentence of them, most of which hold no stem
	v := Default().v
	for _, s := range inputs[:len(inputs):len(inputs)] {
		for _, sp := range v.splitSentences(s, nil) {
			inputs = append(inputs, s[sp.start:sp.end], s[sp.start+1:sp.end])
		}
	}
	hits := 0
	for _, set := range stemSets() {
		for _, s := range inputs {
			got, want := set.in(s), set.inRef(s)
			if want {
				hits++
			}
			if got != want {
				t.Errorf("in(%q) = %v, want %v", s, got, want)
			}
		}
	}
	if hits < 100 {
		t.Errorf("%d inputs held a stem: the test checks little", hits)
	}
}

// FuzzStemsIn checks the same on any text.
func FuzzStemsIn(f *testing.F) {
	for _, s := range prefilterSeeds {
		f.Add(s)
	}
	sets := stemSets()
	f.Fuzz(func(t *testing.T, s string) {
		for _, set := range sets {
			if got, want := set.in(s), set.inRef(s); got != want {
				t.Errorf("in(%q) = %v, want %v", s, got, want)
			}
		}
	})
}
