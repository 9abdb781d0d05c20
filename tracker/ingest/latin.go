package ingest

import (
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

//go:generate go run ./internal/genprofiles

// A text in the Latin script, every English report, is scored here the way
// whatlanggo scores it (whatlanggo.Detect: its text's trigrams ranked by
// count, then each language's distance to them), with the same answer,
// but without whatlanggo's costs: a string and a map entry a trigram, a
// reflection-based stable sort, a map lookup for each of the 48 profiles'
// 300 trigrams. Here a trigram is three runes packed in a uint64, counted
// by sorting, and looked up once in an index of every profile that holds
// it. Other scripts go to whatlanggo itself. TestLanguageMatchesWhatlanggo
// and FuzzLanguageMatchesWhatlanggo hold the two to the same answers.

// whatlanggo's constants (constants.go): the distance of a profile
// trigram the text lacks, and the total distance of a text that shares
// none with a profile of 300.
const (
	maxTrigramDistance = 300
	maxTotalDistance   = 90000
)

// langProfile is a language's trigrams, most frequent first.
type langProfile struct {
	lang     whatlanggo.Lang
	trigrams []string
}

// profileHit is where a trigram stands in one profile.
type profileHit struct {
	lang int // index in latinProfiles
	rank int
}

// latinIndex is every Latin profile's trigrams, packed (see pack), with
// where each stands, and the distance of a text that shares no trigram
// with each profile.
type latinIndex struct {
	hits map[uint64][]profileHit
	base []int
}

var latin = sync.OnceValue(func() *latinIndex {
	ix := &latinIndex{hits: make(map[uint64][]profileHit), base: make([]int, len(latinProfiles))}
	for l, p := range latinProfiles {
		ix.base[l] = maxTrigramDistance * len(p.trigrams)
		for rank, tg := range p.trigrams {
			// A profile entry that is not three runes, or not valid
			// UTF-8, never equals a text's trigram: it costs the full
			// distance, which base holds already.
			if !utf8.ValidString(tg) || utf8.RuneCountInString(tg) != 3 {
				continue
			}
			rs := []rune(tg)
			k := pack(rs[0], rs[1], rs[2])
			ix.hits[k] = append(ix.hits[k], profileHit{l, rank})
		}
	}
	return ix
})

// pack puts three runes in one key whose order is that of the three
// runes' UTF-8 string (UTF-8 keeps the order of code points).
func pack(r1, r2, r3 rune) uint64 {
	return uint64(r1)<<42 | uint64(r2)<<21 | uint64(r3)
}

// asciiStop and asciiLower are whatlanggo's isStopChar and
// unicode.ToLower for the ASCII runes, worked out once.
var asciiStop, asciiLower = func() (stop [utf8.RuneSelf]bool, lower [utf8.RuneSelf]rune) {
	for r := range rune(utf8.RuneSelf) {
		stop[r] = isStopChar(r)
		lower[r] = unicode.ToLower(r)
	}
	return
}()

// isStopChar is whatlanggo's: space, punctuation, a digit or a symbol,
// which its trigrams read as a space.
func isStopChar(r rune) bool {
	return unicode.IsSymbol(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsDigit(r)
}

// trigramChar is whatlanggo's unicode.ToLower(toTrigramChar(r)).
func trigramChar(r rune) rune {
	if r < utf8.RuneSelf {
		if asciiStop[r] {
			return ' '
		}
		return asciiLower[r]
	}
	if isStopChar(r) {
		return ' '
	}
	return unicode.ToLower(r)
}

// scriptTables are the scripts whatlanggo.DetectScript counts, in the
// order it first tries them; hiraganaKatakana is its table of the two
// (the same ranges, in the same order, so unicode.Is answers the same).
var scriptTables = [...]*unicode.RangeTable{
	unicode.Latin, unicode.Cyrillic, unicode.Arabic, unicode.Devanagari, hiraganaKatakana,
	unicode.Ethiopic, unicode.Hebrew, unicode.Bengali, unicode.Georgian, unicode.Han,
	unicode.Hangul, unicode.Greek, unicode.Kannada, unicode.Tamil, unicode.Thai,
	unicode.Gujarati, unicode.Gurmukhi, unicode.Telugu, unicode.Malayalam, unicode.Oriya,
	unicode.Myanmar, unicode.Sinhala, unicode.Khmer,
}

var hiraganaKatakana = &unicode.RangeTable{
	R16: append(slices.Clone(unicode.Hiragana.R16), unicode.Katakana.R16...),
	R32: append(slices.Clone(unicode.Hiragana.R32), unicode.Katakana.R32...),
}

// isLatinScript reports whether whatlanggo.DetectScript(text) is
// unicode.Latin. It counts as DetectScript does: each rune that is no
// stop rune for the one script that holds it (the scripts are disjoint),
// the first to pass half the text's bytes wins, a script that holds a
// rune moves one place nearer the front of the list, and the list's order
// at the end breaks a tie for the most; but an ASCII rune is a letter of
// the Latin script or of none, without a table lookup.
func isLatinScript(text string) bool {
	const latin = 0
	half := len(text) / 2
	var count, order, pos [len(scriptTables)]int
	for s := range order {
		order[s], pos[s] = s, s
	}
	// counted counts a rune of script s; true when s has won.
	counted := func(s int) bool {
		count[s]++
		if count[s] > half {
			return true
		}
		if p := pos[s]; p > 0 {
			t := order[p-1]
			order[p-1], order[p] = s, t
			pos[s], pos[t] = p-1, p
		}
		return false
	}
	for _, r := range text {
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				if counted(latin) {
					return true
				}
			}
			continue
		}
		if isStopChar(r) {
			continue
		}
		for _, s := range order {
			if unicode.Is(scriptTables[s], r) {
				if counted(s) {
					return s == latin
				}
				break
			}
		}
	}
	most, best := 0, -1
	for _, s := range order {
		if count[s] > most {
			most, best = count[s], s
		}
	}
	return best == latin
}

// detect is whatlanggo.Detect(text) as far as Language reads it: the
// language and the confidence.
func detect(text string) (whatlanggo.Lang, float64) {
	if !isLatinScript(text) {
		info := whatlanggo.Detect(text)
		return info.Lang, info.Confidence
	}
	return detectLatin(text)
}

// rankedTrigram is a trigram of the text and how often it occurs.
type rankedTrigram struct {
	key   uint64
	count int
}

// detectLatin is whatlanggo's detectLangInProfiles over the Latin
// profiles. whatlanggo ranks the text's trigrams by count, most first, a
// tie by the trigram's string, greatest first (its sort ascending, read
// backwards); a language's distance is, over its profile, the sum of how
// far each trigram's rank in the profile is from its rank in the text,
// maxTrigramDistance for one the text lacks. The language is the nearest,
// its confidence from how much nearer it is than the next (whatlanggo's
// calculateConfidence): where two are equally near, whatlanggo's pick
// between them depends on map order, and the confidence is 0 either way.
func detectLatin(text string) (whatlanggo.Lang, float64) {
	// whatlanggo's count: the text's runes, each stop rune a space, lower
	// case, a space after the last; a trigram at each rune from the
	// second, unless its middle rune is a space beside another.
	keys := make([]uint64, 0, len(text)+1)
	r1, r2, first := ' ', rune(0), true
	step := func(r3 rune) {
		if !(r2 == ' ' && (r1 == ' ' || r3 == ' ')) {
			keys = append(keys, pack(r1, r2, r3))
		}
		r1, r2 = r2, r3
	}
	for _, r := range text {
		r = trigramChar(r)
		if first {
			r2, first = r, false
			continue
		}
		step(r)
	}
	if first {
		r2 = ' ' // an empty text is the one space
	} else {
		step(' ')
	}
	slices.Sort(keys)
	var ranked []rankedTrigram
	for i := 0; i < len(keys); {
		j := i + 1
		for j < len(keys) && keys[j] == keys[i] {
			j++
		}
		ranked = append(ranked, rankedTrigram{keys[i], j - i})
		i = j
	}
	ranked = rankTrigrams(ranked)
	ix := latin()
	dist := slices.Clone(ix.base)
	for pos, t := range ranked {
		for _, h := range ix.hits[t.key] {
			d := pos - h.rank
			if d < 0 {
				d = -d
			}
			dist[h.lang] += d - maxTrigramDistance
		}
	}
	// The nearest language and the distance of the next in whatlanggo's
	// sorted list (the nearest's own when two tie).
	best, d1, d2 := 0, dist[0], maxTotalDistance+1
	for l := 1; l < len(dist); l++ {
		switch d := dist[l]; {
		case d < d1:
			best, d1, d2 = l, d, d1
		case d < d2:
			d2 = d
		}
	}
	return latinProfiles[best].lang, confidence(maxTotalDistance-d1, maxTotalDistance-d2, len(ranked))
}

// rankTrigrams orders the text's trigrams, given in ascending order of
// key, as whatlanggo ranks them: by count, most first, a tie by key,
// greatest first. It is a counting sort on the count, fed from the
// greatest key down, so that each count's trigrams keep that order.
func rankTrigrams(byKey []rankedTrigram) []rankedTrigram {
	most := 0
	for _, t := range byKey {
		most = max(most, t.count)
	}
	next := make([]int, most+1) // where the next trigram of each count goes
	for _, t := range byKey {
		next[t.count]++
	}
	at := 0
	for c := most; c >= 1; c-- {
		n := next[c]
		next[c] = at
		at += n
	}
	out := make([]rankedTrigram, len(byKey))
	for i := len(byKey) - 1; i >= 0; i-- {
		t := byKey[i]
		out[next[t.count]] = t
		next[t.count]++
	}
	return out
}

// confidence is whatlanggo's calculateConfidence, from the scores of the
// nearest language and the next and the number of distinct trigrams.
func confidence(score1, score2, trigrams int) float64 {
	switch {
	case score1 == 0:
		return 0
	case score2 == 0:
		// whatlanggo divides the int score by the untyped 500.0: an
		// integer division.
		return min(float64(score1/500), 1.0)
	}
	rate := float64(score1-score2) / float64(score2)
	confidentRate := float64(12.0/float64(trigrams)) + 0.05
	if rate > confidentRate {
		return 1.0
	}
	return rate / confidentRate
}
