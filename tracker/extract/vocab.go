package extract

import (
	"strings"
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
	fRescue
)

// phrases indexes a word table for fast phrase lookups: which words can
// start or end an entry, and how long its entries are. Built once from
// the tables of vocabulary.txt and never changed.
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

// buildIndexes indexes the phrase tables and builds the lexicon that maps
// every word some table holds to its flags, so that each token is looked
// up once (sentence.reset). Run once, by parseVocabulary.
func (v *vocabulary) buildIndexes() {
	lex := map[string]wflag{}
	next := fRescue << 1
	flags := func() (wflag, wflag) {
		a, b := next, next<<1
		next <<= 2
		return a, b
	}
	v.lexicon = lex
	a, b := flags()
	v.triggerTab = index(v.triggers, lex, a, b)
	a, b = flags()
	v.tollTab = index(v.tollNouns, lex, a, b)
	a, b = flags()
	v.groupTab = index(v.groups, lex, a, b)
	a, b = flags()
	v.preQualTab = index(v.preQualifiers, lex, a, b)
	a, b = flags()
	v.postQualTab = index(v.postQualifiers, lex, a, b)
	a, b = flags()
	v.incrementTab = index(v.incrementWords, lex, a, b)
	a, b = flags()
	v.breakdownTab = index(v.breakdownWords, lex, a, b)
	mark := func(m map[string]bool, f wflag) {
		for w, ok := range m {
			if ok {
				lex[w] |= f
			}
		}
	}
	mark(v.numberWords, fNumber)
	mark(v.dateWords, fDate)
	mark(v.placePreps, fPlacePrep)
	mark(v.attributionVerbs, fAttr)
	mark(v.sourceCues, fAttr)
	mark(v.speculation, fSpec)
	mark(v.negations, fNeg)
	mark(v.releaseWords, fRelease)
	mark(v.clauseWords, fClause)
	mark(v.revisionWords, fRevision)
	mark(v.rescueWords, fRescue)
}

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
