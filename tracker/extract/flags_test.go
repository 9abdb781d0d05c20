package extract

import (
	"fmt"
	"math/bits"
	"strings"
	"testing"
)

// TestExactFlags holds each token's exact flags (vocab.go) to the tables
// they stand for: s.is(i, f) is the table's lookup of s.word(i), on every
// token of the benchmark copy and of the vocabulary's own words, and out
// of range.
func TestExactFlags(t *testing.T) {
	v := Default().v
	sets := []struct {
		name string
		f    wflag
		has  func(w string) bool
	}{
		{"funcWords", fFunc, func(w string) bool { return v.funcWords[w] }},
		{"postSkip", fPostSkip, func(w string) bool { return v.postSkip[w] }},
		{"units", fUnit, func(w string) bool { return v.units[w] }},
		{"eventNouns", fEvent, func(w string) bool { return v.eventNouns[w] }},
		{"notPlaces", fNotPlace, func(w string) bool { return v.notPlaces[w] }},
		{"modifiers", fModifier, func(w string) bool { return v.modifiers[w] }},
		{"changeVerbs", fChange, func(w string) bool { return v.changeVerbs[w] }},
		{"sourceNouns", fSourceNoun, func(w string) bool { return v.sourceNouns[w] }},
		{"sourceHeads", fSourceHead, func(w string) bool { return v.sourceHeads[w] }},
		{"placeHeads", fPlaceHead, func(w string) bool { return v.placeHeads[w] }},
		{"countNouns", fCountNoun, func(w string) bool { return v.countNouns[w] }},
		{"countModifiers", fCountMod, func(w string) bool { return v.countModifiers[w] }},
		{"earlierWords", fEarlier, func(w string) bool { return v.earlierWords[w] }},
		{"tollLinkers", fTollLinker, func(w string) bool { return v.tollLinkers[w] }},
		{"tollNearLinkers", fTollNear, func(w string) bool { return v.tollNearLinkers[w] }},
		{"nameWords", fName, func(w string) bool { return v.nameWords[w] }},
		{"sayingVerbs", fSaying, func(w string) bool { return v.sayingVerbs[w] }},
		{"attributionVerbs", fAttrVerb, func(w string) bool { return v.attributionVerbs[w] }},
		{"lumpedWords", fLumped, func(w string) bool { return v.lumpedWords[w] }},
		{"countVerbs", fCountVerb, func(w string) bool { return v.countVerbs[w] }},
		{"putVerbs", fPutVerb, func(w string) bool { return v.putVerbs[w] }},
		{"months", fMonth, func(w string) bool { _, ok := v.months[w]; return ok }},
		{"weekdays", fWeekday, func(w string) bool { _, ok := v.weekdays[w]; return ok }},
		{"demonyms", fDemonym, func(w string) bool { _, ok := v.demonyms[w]; return ok }},
		{"demonym adjectives", fDemonymAdj, v.isDemonymAdj},
		{"scaleWords", fScale, func(w string) bool { _, ok := v.scaleWords[w]; return ok }},
	}
	text := kindText(t, "dense", 0) + kindText(t, "ordinary", 0)
	for w := range v.lexicon {
		text += " " + w + " 12 " + w + "s 3rd. " + w[:1] + " 7" + w
	}
	toks, _ := lexText(text, 0, len(text), nil, nil)
	s := &sentence{v: v, text: text}
	s.reset(span{0, len(text)}, toks)
	for i := range toks {
		want := v.lexicon[toks[i].lower]
		if k := toks[i].kind; k != tWord && k != tPunct {
			want.f &= exactFlags
		}
		if s.flags[i] != want.f || s.gflags[i] != want.g {
			t.Fatalf("token %d %q: flags %x %x, the lexicon's %x %x", i, toks[i].lower, s.flags[i], s.gflags[i], want.f, want.g)
		}
	}
	// the g flags: one of each table gTables lists, and the keys of
	// groups and subjects
	gsets := []struct {
		name string
		g    gflag
		has  func(w string) bool
	}{
		{"groups", gGroup, func(w string) bool { _, ok := v.groups[w]; return ok }},
		{"subjects", gSubject, func(w string) bool { _, ok := v.subjects[w]; return ok }},
	}
	for g, m := range v.gTables() {
		gsets = append(gsets, struct {
			name string
			g    gflag
			has  func(w string) bool
		}{fmt.Sprintf("g%x", uint64(g)), g, func(w string) bool { return m[w] }})
	}
	if len(gsets) != bits.Len64(uint64(gSubject)) {
		t.Fatalf("%d g flags tested, %d declared", len(gsets), bits.Len64(uint64(gSubject)))
	}
	for _, set := range gsets {
		t.Run(set.name, func(t *testing.T) {
			flagMatchesTable(t, s, len(toks), func(i int) bool { return s.in(i, set.g) }, set.has)
		})
	}
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			flagMatchesTable(t, s, len(toks), func(i int) bool { return s.is(i, set.f) }, set.has)
		})
	}
}

// flagMatchesTable checks that a token flag is set on exactly the tokens
// (and the out-of-range ones either side) whose word is in its table, and
// that some token is.
func flagMatchesTable(tb testing.TB, s *sentence, n int, flag func(i int) bool, table func(w string) bool) {
	tb.Helper()
	hits := 0
	for i := -1; i <= n; i++ {
		got, want := flag(i), table(s.word(i))
		if got != want {
			tb.Fatalf("token %d %q: flag %v, table %v", i, s.word(i), got, want)
		}
		if got {
			hits++
		}
	}
	if hits == 0 {
		tb.Errorf("no token is in the table: the test reads nothing")
	}
}

// TestLexTable holds the lexicon's hash table to its map: every word,
// and words one byte longer or shorter, which mostly it does not hold.
func TestLexTable(t *testing.T) {
	v := defaultVocabulary()
	held := 0
	for w := range v.lexicon {
		for _, x := range []string{w, w + "s", w[:len(w)-1], "x" + w, w + " " + w, strings.ToUpper(w), ""} {
			want, ok := v.lexicon[x]
			if ok {
				held++
			}
			if got := v.lexTab.get(x); got != want {
				t.Fatalf("lexTab.get(%q) = %v, want %v", x, got, want)
			}
		}
	}
	if held < len(v.lexicon) {
		t.Errorf("%d of the lexicon's %d words found: the test checks little", held, len(v.lexicon))
	}
}

// lookupRef is lookup by strings, as it was before word ids: the
// phrase of n tokens joined by spaces looked up in t.m.
func lookupRef[V any](s *sentence, t *phrases[V], i, maxN int) (V, int) {
	var zero V
	if i < 0 || i >= len(s.toks) || s.flags[i]&t.fFirst == 0 {
		return zero, 0
	}
	for n := min(maxN, t.first[s.toks[i].lower]); n >= 1; n-- {
		if i+n > len(s.toks) {
			continue
		}
		key := s.toks[i].lower
		for k := i + 1; k < i+n; k++ {
			key += " " + s.toks[k].lower
		}
		if v, ok := t.m[key]; ok {
			return v, n
		}
	}
	return zero, 0
}

// lookupEndingRef is lookupEnding by lookupRef.
func lookupEndingRef[V any](s *sentence, t *phrases[V], j, maxN int) (V, int) {
	var zero V
	if j-1 < 0 || j-1 >= len(s.toks) || s.flags[j-1]&t.fLast == 0 {
		return zero, 0
	}
	for n := min(maxN, t.last[s.toks[j-1].lower]); n >= 1; n-- {
		if i := j - n; i >= 0 {
			if v, k := lookupRef(s, t, i, n); k == n {
				return v, n
			}
		}
	}
	return zero, 0
}

// checkLookups holds lookup and lookupEnding on table t to their
// references at every token of s and every length; it returns the
// phrases found.
func checkLookups[V comparable](t *testing.T, name string, s *sentence, tab *phrases[V]) int {
	t.Helper()
	found := 0
	for i := -1; i <= len(s.toks); i++ {
		for n := 0; n <= 6; n++ {
			gv, gn := lookup(s, tab, i, n)
			wv, wn := lookupRef(s, tab, i, n)
			if gv != wv || gn != wn {
				t.Fatalf("%s: lookup at %d (%q), %d = %v, %d; want %v, %d", name, i, s.word(i), n, gv, gn, wv, wn)
			}
			found += gn
			gv, gn = lookupEnding(s, tab, i, n)
			wv, wn = lookupEndingRef(s, tab, i, n)
			if gv != wv || gn != wn {
				t.Fatalf("%s: lookupEnding at %d (%q), %d = %v, %d; want %v, %d", name, i, s.word(i-1), n, gv, gn, wv, wn)
			}
		}
	}
	return found
}

// TestLookupByID holds the phrase tables' lookups by word id to the
// lookups by string on the benchmark copy and on every entry of every
// table, written as it is, in capitals, and next to each other.
func TestLookupByID(t *testing.T) {
	v := defaultVocabulary()
	var sb strings.Builder
	sb.WriteString(kindText(t, "dense", 0) + kindText(t, "ordinary", 0))
	for _, m := range []map[string]bool{keysOf(v.triggerTab.m), keysOf(v.tollTab.m), keysOf(v.groupTab.m), keysOf(v.preQualTab.m),
		keysOf(v.postQualTab.m), keysOf(v.incrementTab.m), keysOf(v.breakdownTab.m)} {
		for k := range m {
			sb.WriteString(" " + k + " 12 " + strings.ToUpper(k) + ", " + k + " " + k + ".")
		}
	}
	text := sb.String()
	toks, _ := lexText(text, 0, len(text), nil, nil)
	s := &sentence{v: v, text: text}
	s.reset(span{0, len(text)}, toks)
	found := checkLookups(t, "trigger", s, v.triggerTab) + checkLookups(t, "toll", s, v.tollTab) +
		checkLookups(t, "group", s, v.groupTab) + checkLookups(t, "prequal", s, v.preQualTab) +
		checkLookups(t, "postqual", s, v.postQualTab) + checkLookups(t, "increment", s, v.incrementTab) +
		checkLookups(t, "breakdown", s, v.breakdownTab)
	if found < 1000 {
		t.Errorf("%d phrases found: the test checks little", found)
	}
}

func keysOf[V any](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}
