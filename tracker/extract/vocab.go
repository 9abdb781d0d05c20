package extract

import (
	"strings"

	"github.com/tollproject/toll/tracker"
)

// wflag marks what a word can be, so that the passes test a bit instead
// of looking the word up in each table.
type wflag uint32

const (
	fNumber wflag = 1 << iota
	fDate
	fPlacePrep
	fAttr
	fRevision
	fSpec
	fNeg
	fRelease
	fClause
)

// phrases indexes a word table for fast phrase lookups: which words can
// start or end an entry, and how long its entries are. Built once from
// the readable tables in tables.go and never changed.
type phrases[V any] struct {
	m             map[string]V
	first         map[string]int // longest entry starting with the word
	last          map[string]int // longest entry ending with the word
	fFirst, fLast wflag
}

// index builds the phrase table of m, marking the words its entries start
// and end with in lex under the given flags.
func index[V any](m map[string]V, lex map[string]wflag, fFirst, fLast wflag) *phrases[V] {
	p := &phrases[V]{m: m, first: map[string]int{}, last: map[string]int{}, fFirst: fFirst, fLast: fLast}
	for k := range m {
		ws := strings.Fields(k)
		n := len(ws)
		if n > p.first[ws[0]] {
			p.first[ws[0]] = n
		}
		if n > p.last[ws[n-1]] {
			p.last[ws[n-1]] = n
		}
		lex[ws[0]] |= fFirst
		lex[ws[n-1]] |= fLast
	}
	return p
}

// tables are the indexed word tables and the lexicon that maps every word
// some table holds to its flags, so that each token is looked up once
// (sentence.reset). Built once by buildTables and never changed.
type tables struct {
	lexicon              map[string]wflag
	trigger              *phrases[trigger]
	toll                 *phrases[tracker.Category]
	group                *phrases[string]
	preQual, postQual    *phrases[tracker.Qualifier]
	increment, breakdown *phrases[bool]
}

func buildTables() tables {
	lex := map[string]wflag{}
	next := fClause << 1
	flags := func() (wflag, wflag) {
		a, b := next, next<<1
		next <<= 2
		return a, b
	}
	var t tables
	t.lexicon = lex
	a, b := flags()
	t.trigger = index(triggers, lex, a, b)
	a, b = flags()
	t.toll = index(tollNouns, lex, a, b)
	a, b = flags()
	t.group = index(groups, lex, a, b)
	a, b = flags()
	t.preQual = index(preQualifiers, lex, a, b)
	a, b = flags()
	t.postQual = index(postQualifiers, lex, a, b)
	a, b = flags()
	t.increment = index(incrementWords, lex, a, b)
	a, b = flags()
	t.breakdown = index(breakdownWords, lex, a, b)
	mark := func(m map[string]bool, f wflag) {
		for w, ok := range m {
			if ok {
				lex[w] |= f
			}
		}
	}
	mark(numberWords, fNumber)
	mark(dateWords, fDate)
	mark(placePreps, fPlacePrep)
	mark(attributionVerbs, fAttr)
	mark(speculation, fSpec)
	mark(negations, fNeg)
	mark(releaseWords, fRelease)
	mark(clauseWords, fClause)
	mark(revisionWords, fRevision)
	for _, w := range []string{"according", "citing", "figures", "data", "statistics"} {
		lex[w] |= fAttr
	}
	return t
}

// The indexed tables, built once at start-up and only read afterwards.
var (
	tabs         = buildTables()
	lexicon      = tabs.lexicon
	triggerTab   = tabs.trigger
	tollTab      = tabs.toll
	groupTab     = tabs.group
	preQualTab   = tabs.preQual
	postQualTab  = tabs.postQual
	incrementTab = tabs.increment
	breakdownTab = tabs.breakdown
)

// lookup finds the longest phrase of at most maxN tokens starting at i
// present in the table; it returns the value and the number of tokens.
func lookup[V any](s *sentence, t *phrases[V], i, maxN int) (V, int) {
	var zero V
	if i < 0 || i >= len(s.toks) || s.flags[i]&t.fFirst == 0 {
		return zero, 0
	}
	longest := t.first[s.toks[i].lower]
	for n := min(maxN, longest); n >= 1; n-- {
		if i+n > len(s.toks) {
			continue
		}
		if n == 1 {
			if v, ok := t.m[s.toks[i].lower]; ok {
				return v, 1
			}
			continue
		}
		s.key = s.key[:0]
		for k := i; k < i+n; k++ {
			if k > i {
				s.key = append(s.key, ' ')
			}
			s.key = append(s.key, s.toks[k].lower...)
		}
		if v, ok := t.m[string(s.key)]; ok {
			return v, n
		}
	}
	return zero, 0
}

// lookupEnding finds the longest phrase of at most maxN tokens ending just
// before token j present in the table.
func lookupEnding[V any](s *sentence, t *phrases[V], j, maxN int) (V, int) {
	var zero V
	if j-1 < 0 || j-1 >= len(s.toks) || s.flags[j-1]&t.fLast == 0 {
		return zero, 0
	}
	longest := t.last[s.toks[j-1].lower]
	for n := min(maxN, longest); n >= 1; n-- {
		i := j - n
		if i < 0 {
			continue
		}
		if v, k := lookup(s, t, i, n); k == n {
			return v, n
		}
	}
	return zero, 0
}
