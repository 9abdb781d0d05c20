package extract

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/tollproject/toll/tracker"
)

// fastPathSeeds sit at the edges of the hand-written stand-ins for the
// context regexps.
var fastPathSeeds = []string{
	"", "a", "an airstrike on a house", "An air strike", "another strike", "one blast", "a separate shooting",
	"a second bombing", "a single raid", "a ſtrike", "a \u212aind of attack", "xa strike", "_a strike", "9a strike",
	"éa strike", "é a strike", "a  big  loud blast", "a big loud long blast", "one-day attack", "a strikes", "a strikers",
	"Another attack.", "ONE CRASH", "anothercrash", "a crash-landing", "Oa blast", "the national toll", "a nationwide",
	"across the country", "ACROSS  THE COUNTRY", "the country’s death toll", "the country's count", "countrywide tally",
	"National Figure", "nationalist", "the national  death  total", "acroſs the country",
	"in 2004", "IN 1999's", "the 1960 Agadir quake", "2011’s floods", "x2011's", "a2011's", "last year", "LAST YEAR",
	"a decade ago", "years ago", "yearsago", "the previous year", "of 2023", "during\t1988", "during 19888", "in 2023.", "in20",
	"79 unaccounted for, most of them in ", "mainly in the ", "the BULK in ", "ſome in ", "the majority of whom in\t",
	"Mostly  in ", "notably in the", "especially in  ", "half of those in ", "all in ", "Kall in ", "a ball in ",
	"ilast year", "the the 2001", "of of 2001's", "1999's 2000's", "in 1999 in 2000", "since 2011", "the 1800s",
	"in the city", "in the city of Derna", "in the  city of", "In the city", "within the city", "of\tthe\ttown's", "across the province.",
	"in the cityscape", "in the city_", "in the city9", "éin the town", "in thethe town", "in the the town", "of the state-run", "in the prefecture",
	"x in the district of y in the region", "in the region of ", "in the region of", " the in the governorate", "in the village", "the the city",
	"yearſ ago", "laſt year", "the laſt year", "ANOTHER\tstrike", "an\u00a0airstrike", "anx strike", "DURING 1999", "Of\t2001",
	"most of them in THE ", "mainly IN\t", "most in Theof ", "most in thein ", "mostly in\u00a0",
	"the  majority in ", "in ſeptember 2019", "during Auguſt 2001", "of \u212a", "the previouſ year", "THE PREVIOUS YEAR", "last\tyear", "a  decade ago",
	"years  ago", "in\n1999", "of March  2001", "the 1999", "the x 1999", "in the 2019 floods", "during", "in", "the", "in ", "of 20", "THE BULK in the ", "the majorityin ", "many of them in the city of ", "most  OF whom in ", "mainly  in\t", "half\tin ", "the bulkin ",
	"An earlier version of this story said 12", "version of this", "ersion of this", "ersion of thi", "it incorrectly said", "ncorrectly", "ncorrectl",
	", Mozambique and Madagascar", " and Syria", ",Syria", ", \tSyria", ",  and Syria", " andSyria", "and Syria", " and\nSyria", ", syria", " and ", ",", " and", "\u00a0and Syria", ", Édessa", " and Édessa",
	"Incorrectly", "was erroneously reported", "rroneously", "rroneousl", "r", "rr", "Rroneously", "ERSION OF THIS",
}

// fastPathInputs are the seeds and the sentences of the reports under
// testdata/extract, testdata/eval and testdata/series.
func fastPathInputs(tb testing.TB) []string {
	tb.Helper()
	inputs := append([]string(nil), fastPathSeeds...)
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "extract", "*.txt"))
	evals, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "eval", "*.jsonl"))
	series, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "series", "*.jsonl"))
	for _, f := range append(append(files, evals...), series...) {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, sent := range strings.FieldsFunc(string(b), func(r rune) bool { return r == '.' || r == '\n' }) {
			// (trimmed too, for the checks anchored at a sentence's start)
			inputs = append(inputs, sent, strings.TrimSpace(sent)+".")
		}
	}
	return inputs
}

// anaphorRE is what anaphor reads without a regexp (the reference
// TestFastPaths holds it to): a place named by a common noun: "in the city", "the
// town's", "in the province".
// Its nouns are the vocabulary's.
var anaphorRE = regexp.MustCompile(`\b(?:in|of|across)\s+the\s+(?:` + strings.Join(defaultVocabulary().anaphorNouns, "|") + `)\b`)

// fastPaths pairs each stand-in with what it stands for.
var fastPaths = []struct {
	name       string
	fast, slow func(string) bool
}{
	{"mayList", func(s string) bool { return mayList(s) && listRE.MatchString(s) }, listRE.MatchString},
	{"mayCorrect", mayCorrect, func(s string) bool {
		return strings.Contains(s, "ersion of this") || strings.Contains(s, "ncorrectly") || strings.Contains(s, "rroneously")
	}},
	{"incidentMatch", incidentMatch, func(s string) bool { return mayBeIncident(s) && incidentRE.MatchString(s) }},
	{"spreadMatch", spreadMatch, spreadRE.MatchString},
	{"mayBeNational", func(s string) bool { return mayBeNational(s) && nationalRE.MatchString(s) }, nationalRE.MatchString},
	{"anaphor", defaultVocabulary().anaphor, func(s string) bool {
		if !strings.Contains(s, " the ") {
			return false
		}
		for _, m := range anaphorRE.FindAllStringIndex(s, -1) {
			if !strings.HasPrefix(s[m[1]:], " of ") {
				return true
			}
		}
		return false
	}},
}

func TestFastPaths(t *testing.T) {
	if !strings.HasPrefix(incidentRE.String(), `(?i)\b`) {
		t.Fatalf("incidentRE no longer starts with (?i)\\b: incidentAtRE, which drops that, must change with it")
	}
	if !strings.HasPrefix(spreadRE.String(), `(?i)\b`) {
		t.Fatalf("spreadRE no longer starts with (?i)\\b: spreadAtRE, which drops that, must change with it")
	}
	inputs := fastPathInputs(t)
	for _, c := range fastPaths {
		t.Run(c.name, func(t *testing.T) {
			matched := 0
			for _, s := range inputs {
				want := c.slow(s)
				if want {
					matched++
				}
				if got := c.fast(s); got != want {
					t.Errorf("%s(%q) = %v, want %v", c.name, s, got, want)
				}
			}
			if matched == 0 {
				t.Errorf("nothing of %d inputs matched: the test checks nothing", len(inputs))
			}
		})
	}
}

// TestPastMatches holds pastMatches to pastRE.FindAllStringSubmatch.
func TestPastMatches(t *testing.T) {
	if !strings.HasPrefix(pastRE.String(), `(?i)\b`) {
		t.Fatalf("pastRE no longer starts with (?i)\\b: pastAtRE, which drops that, must change with it")
	}
	inputs := append(fastPathInputs(t), prefilterSeeds...)
	matched := 0
	for _, s := range inputs {
		got, want := pastMatches(s), pastRE.FindAllStringSubmatch(s, -1)
		matched += len(want)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("pastMatches(%q) = %q, want %q", s, got, want)
		}
	}
	if matched < 20 {
		t.Errorf("the regexp matched %d times in %d inputs: the test checks little", matched, len(inputs))
	}
}

// datelineSeeds sit at the edges of datelineMatch.
var datelineSeeds = []string{
	"RABAT, Sept 9 (Reuters) - The", "BEIRUT, Sept 9 — A", "Rabat — The", "LAHAINA, Hawaii (AP) —\tIt", "GAZA: Oct 9 — x",
	"KHAN YOUNIS, Gaza Strip, Oct. 21 — The", "KYIV, July 1, 2023 (AFP/Staff) -- officials", "Rabat -", "Rabat - ", "Rabat —",
	"Rabat\n\n— The", "Rabat; — The", "\"Rabat — The", "Rabat (A&B) – x", "Rabat (A_B) – x", "X’Y — z", "Rabat —x", "",
}

// TestDatelineMatch holds datelineMatch to datelineRE on the seeds and on
// every paragraph and first line of the reports under testdata.
func TestDatelineMatch(t *testing.T) {
	inputs := append([]string(nil), datelineSeeds...)
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "*", "*.txt"))
	demo, _ := filepath.Glob(filepath.Join("..", "..", "cmd", "toll", "demodata", "*.txt"))
	for _, f := range append(files, demo...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for p := range strings.SplitSeq(string(b), "\n\n") {
			inputs = append(inputs, p, strings.TrimSpace(p)+" ")
		}
	}
	matched := 0
	for _, s := range inputs {
		got, want := datelineMatch(s), datelineRE.FindStringSubmatchIndex(s)
		if want != nil {
			matched++
		}
		if !slices.Equal(got, want) {
			t.Errorf("datelineMatch(%q) = %v, want %v", s, got, want)
		}
	}
	if matched < 5 {
		t.Errorf("the regexp matched %d of %d inputs: the test checks little", matched, len(inputs))
	}
}

// FuzzFastPaths checks the same on any text.
func FuzzFastPaths(f *testing.F) {
	for _, s := range append(fastPathSeeds, datelineSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := pastMatches(s), pastRE.FindAllStringSubmatch(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("pastMatches(%q) = %q, want %q", s, got, want)
		}
		if got, want := datelineMatch(s), datelineRE.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
			t.Errorf("datelineMatch(%q) = %v, want %v", s, got, want)
		}
		want := false
		for _, w := range unitsWords {
			want = want || strings.Contains(s, w)
		}
		if got := holdsUnitsWord(s); got != want {
			t.Errorf("holdsUnitsWord(%q) = %v, want %v", s, got, want)
		}
		for _, w := range []string{"Strip", "the", "e"} {
			if got, want := afterThe(s, w), strings.Contains(s, "the "+w) || strings.Contains(s, "The "+w); got != want {
				t.Errorf("afterThe(%q, %q) = %v, want %v", s, w, got, want)
			}
		}
		if got, want := lastBlankLine(s), strings.LastIndex(s, "\n\n"); got != want {
			t.Errorf("lastBlankLine(%q) = %d, want %d", s, got, want)
		}
		for _, c := range fastPaths {
			if got, want := c.fast(s), c.slow(s); got != want {
				t.Errorf("%s(%q) = %v, want %v", c.name, s, got, want)
			}
		}
	})
}

// TestAfterThe holds afterThe to the two searches it stands for, on the
// reports' sentences and names cut from them.
func TestAfterThe(t *testing.T) {
	texts := append(fastPathInputs(t), "the the Strip", "The Strip", "theStrip", "the  Strip", "xthe Strip", "the Stripthe Strip", "Strip the Strip")
	wheres := []string{"Strip", "Valley", "Gaza", "the", "e", "S", "Strip the", " ", "city"}
	hits := 0
	for _, text := range texts {
		for _, w := range wheres {
			want := strings.Contains(text, "the "+w) || strings.Contains(text, "The "+w)
			if want {
				hits++
			}
			if got := afterThe(text, w); got != want {
				t.Errorf("afterThe(%q, %q) = %v, want %v", text, w, got, want)
			}
		}
	}
	if hits == 0 {
		t.Error("no text held a name after the: the test checks nothing")
	}
}

// TestHoldsUnitsWord holds holdsUnitsWord to the searches it stands for.
func TestHoldsUnitsWord(t *testing.T) {
	inputs := append(fastPathInputs(t), " states", "states", "in seven  states", " provincesx", "x regions", " governorate", " prefectures.")
	hits := 0
	for _, s := range inputs {
		want := false
		for _, w := range unitsWords {
			want = want || strings.Contains(s, w)
		}
		if want {
			hits++
		}
		if got := holdsUnitsWord(s); got != want {
			t.Errorf("holdsUnitsWord(%q) = %v, want %v", s, got, want)
		}
	}
	if hits < 3 {
		t.Errorf("%d inputs held a units word: the test checks little", hits)
	}
}

// TestLastBlankLine holds lastBlankLine to strings.LastIndex on runs of
// line breaks and on every report under testdata, cut at each byte of
// its first 2 KB.
func TestLastBlankLine(t *testing.T) {
	inputs := []string{"", "\n", "\n\n", "\n\n\n", "a\n\nb", "a\n\nb\n\n", "a\n\n\n\nb\n", "\r\n\r\n", "\n \n"}
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "extract", "*.txt"))
	breaks := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for n := range min(len(b), 2048) {
			inputs = append(inputs, string(b[:n]))
		}
	}
	for _, s := range inputs {
		want := strings.LastIndex(s, "\n\n")
		if want >= 0 {
			breaks++
		}
		if got := lastBlankLine(s); got != want {
			t.Errorf("lastBlankLine(%q) = %d, want %d", s, got, want)
		}
	}
	if breaks < 100 {
		t.Errorf("%d inputs held a blank line: the test checks little", breaks)
	}
}

// TestSentenceEvents holds the event nouns eventNear finds in a sentence
// to asciiWords and eventWord, which it reads without a call a word.
func TestSentenceEvents(t *testing.T) {
	v := defaultVocabulary()
	found := 0
	for _, s := range fastPathInputs(t) {
		m := &sentMemo{sent: s}
		m.eventNear(v, -1, &tracker.Claim{})
		var want []sentEvent
		asciiWords(s, func(a, b int) bool {
			if e, ok := v.eventWord(s[a:b]); ok && !v.metaphor(s, a, b) {
				want = append(want, sentEvent{a, b, e})
			}
			return true
		})
		if !slices.Equal(m.events, want) {
			t.Fatalf("events of %q: %v, want %v", s, m.events, want)
		}
		found += len(want)
	}
	if found < 100 {
		t.Errorf("%d event nouns found: the test checks little", found)
	}
}
