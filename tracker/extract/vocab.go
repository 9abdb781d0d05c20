package extract

import (
	"strings"
	"unicode/utf8"
)

// wflag marks what a word can be, so that the passes test a bit instead
// of looking the word up in each table.
type wflag uint64

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

// The flags below mark a word of one table exactly, on every token (the
// ones above are set on words and punctuation only): s.is(i, fFunc) is
// s.is(i, fFunc) without the map lookup. They start above the
// bits buildIndexes hands the phrase tables.
const (
	fFunc wflag = 1 << (32 + iota)
	fPostSkip
	fUnit
	fEvent
	fNotPlace
	fModifier
	fChange
	fSourceNoun
	fSourceHead
	fPlaceHead
	fCountNoun
	fCountMod
	fEarlier
	fTollLinker
	fTollNear
	fName
	fSaying
	fAttrVerb
	fLumped
	fCountVerb
	fPutVerb
	fMonth
	fWeekday
	fDemonym
	fDemonymAdj
	fScale
)

// exactFlags are the flags set on tokens of every kind.
const exactFlags = ^wflag(1<<32 - 1)

// gflag is a second word of exact flags (sentence.gflags), for more of
// the tables the rules look a token's word up in: s.in(i, gStrike) is
// s.v.strikeVerbs[s.word(i)] without the map lookup. Every token gets
// both words from one lexicon lookup in reset.
type gflag uint64

const (
	gStrike gflag = 1 << iota
	gPlacePrep
	gHeldNow
	gCumulative
	gTaken
	gTakenSkip
	gCountedBy
	gHadPrior
	gPriorAfter
	gPriorBefore
	gInjurySeverity
	gClause
	gPhone
	gMeasure
	gTime
	gModifierNoun
	gPlaceDrop
	gAreaNoun
	gPlaceDirection
	gReasonVerb
	gDisease
	gPreSkip
	gLossVerb
	gKin
	gCorrection
	gDuration
	gNotToll
	gRestateHedge
	gSeverity
	gRelativePlace
	gSourceDoc
	gSaidSkip
	gCauseVerb
	gRateWord
	gRateNot
	gFeared
	gHeld
	gSpeculation
	gVerbQualifier
	gGroup   // a key of groups
	gSubject // a key of subjects
)

// gTables are the tables the g flags stand for, a function so that
// buildIndexes and the test read one list.
func (v *vocabulary) gTables() map[gflag]map[string]bool {
	return map[gflag]map[string]bool{
		gStrike: v.strikeVerbs, gPlacePrep: v.placePreps, gHeldNow: v.heldNow, gCumulative: v.cumulativeWords,
		gTaken: v.takenVerbs, gTakenSkip: v.takenSkip, gCountedBy: v.countedBy, gHadPrior: v.hadPrior,
		gPriorAfter: v.priorAfter, gPriorBefore: v.priorBefore, gInjurySeverity: v.injurySeverity,
		gClause: v.clauseWords, gPhone: v.phoneWords, gMeasure: v.measureWords, gTime: v.timeWords,
		gModifierNoun: v.modifierNouns, gPlaceDrop: v.placeDrop, gAreaNoun: v.areaNouns,
		gPlaceDirection: v.placeDirections, gReasonVerb: v.reasonVerbs, gDisease: v.diseaseWords,
		gPreSkip: v.preSkip, gLossVerb: v.lossVerbs, gKin: v.kinWords, gCorrection: v.correctionWords,
		gDuration: v.durationWords, gNotToll: v.notToll, gRestateHedge: v.restateHedges,
		gSeverity: v.severityWords, gRelativePlace: v.relativePlaces, gSourceDoc: v.sourceDocs,
		gSaidSkip: v.saidSkip, gCauseVerb: v.causeVerbs, gRateWord: v.rateWords, gRateNot: v.rateNot,
		gFeared: v.fearedWords, gHeld: v.heldWords, gSpeculation: v.speculation,
		gVerbQualifier: v.verbQualifiers,
	}
}

// lexEntry is what the lexicon holds for a word: both words of flags.
type lexEntry struct {
	f wflag
	g gflag
}

// phrases indexes a word table for fast phrase lookups: which words can
// start or end an entry, and how long its entries are. Built once from
// the tables of vocabulary.txt and never changed.
type phrases[V any] struct {
	m             map[string]V
	first         map[string]int // longest entry starting with the word
	last          map[string]int // longest entry ending with the word
	fFirst, fLast wflag
	// The same by word id (a token's lexTable id, sentence.ids), which
	// lookup reads: firstN and lastN are first and last, byID holds each
	// entry of at most maxIDWords words under its words' ids packed
	// sixteen bits each (indexIDs). byID is nil when the lexicon has too
	// many words for sixteen-bit ids; longer entries are looked up by
	// their string.
	firstN, lastN []uint8
	byID          map[uint64]V
}

// maxIDWords is the longest entry lookup finds by its word ids (four
// sixteen-bit ids in a key); the built-in tables' entries have four
// words at most.
const maxIDWords = 4

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
		for _, w := range ws {
			lex[w] |= 0 // every word of an entry has an id
		}
	}
	return p
}

// indexIDs builds p's tables by word id once the lexicon's table t is
// built. An entry that is not its words joined by single spaces can
// match no phrase (a phrase's key is its tokens so joined) and is left
// out, as are entries longer than maxIDWords.
func (p *phrases[V]) indexIDs(t *lexTable) {
	n := len(t.slots) + 1
	p.firstN, p.lastN = make([]uint8, n), make([]uint8, n)
	for w, k := range p.first {
		p.firstN[t.id(w)] = uint8(min(k, 255))
	}
	for w, k := range p.last {
		p.lastN[t.id(w)] = uint8(min(k, 255))
	}
	if n > 1<<16 {
		return
	}
	p.byID = make(map[uint64]V, len(p.m))
	for k, v := range p.m {
		ws := strings.Fields(k)
		if len(ws) > maxIDWords || strings.Join(ws, " ") != k {
			continue
		}
		var key uint64
		for j, w := range ws {
			key |= uint64(t.id(w)) << (16 * j)
		}
		p.byID[key] = v
	}
}

// buildIndexes indexes the phrase tables and builds the lexicon that maps
// every word some table holds to its flags, so that each token is looked
// up once (sentence.reset). Run once, by parseVocabulary.
func (v *vocabulary) buildIndexes() {
	lex := map[string]wflag{}
	glex := map[string]gflag{}
	next := fRescue << 1
	flags := func() (wflag, wflag) {
		a, b := next, next<<1
		next <<= 2
		return a, b
	}
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
	mark(v.passiveVerbs, fAttr)
	mark(v.speculation, fSpec)
	mark(v.negations, fNeg)
	mark(v.releaseWords, fRelease)
	mark(v.clauseWords, fClause)
	mark(v.revisionWords, fRevision)
	mark(v.rescueWords, fRescue)
	if next > 1<<32 {
		panic("extract: the phrase tables' flags overlap the exact flags")
	}
	for m, f := range map[*map[string]bool]wflag{
		&v.funcWords: fFunc, &v.postSkip: fPostSkip, &v.units: fUnit, &v.eventNouns: fEvent,
		&v.notPlaces: fNotPlace, &v.modifiers: fModifier, &v.changeVerbs: fChange,
		&v.sourceNouns: fSourceNoun, &v.sourceHeads: fSourceHead, &v.placeHeads: fPlaceHead,
		&v.countNouns: fCountNoun, &v.countModifiers: fCountMod, &v.earlierWords: fEarlier,
		&v.tollLinkers: fTollLinker, &v.tollNearLinkers: fTollNear, &v.nameWords: fName,
		&v.sayingVerbs: fSaying, &v.attributionVerbs: fAttrVerb, &v.lumpedWords: fLumped,
		&v.countVerbs: fCountVerb, &v.putVerbs: fPutVerb,
	} {
		mark(*m, f)
	}
	for w := range v.months {
		lex[w] |= fMonth
	}
	for w := range v.weekdays {
		lex[w] |= fWeekday
	}
	for w, g := range v.demonyms {
		lex[w] |= fDemonym
		if g != w {
			lex[w] |= fDemonymAdj
		}
	}
	for w := range v.scaleWords {
		lex[w] |= fScale
	}
	for g, m := range v.gTables() {
		for w, ok := range m {
			if ok {
				glex[w] |= g
			}
		}
	}
	for w := range v.groups {
		glex[w] |= gGroup
	}
	for w := range v.subjects {
		glex[w] |= gSubject
	}
	v.lexicon = make(map[string]lexEntry, len(lex)+len(glex))
	for w, f := range lex {
		v.lexicon[w] = lexEntry{f: f}
	}
	for w, g := range glex {
		e := v.lexicon[w]
		e.g = g
		v.lexicon[w] = e
	}
	v.lexTab = newLexTable(v.lexicon)
	v.triggerTab.indexIDs(v.lexTab)
	v.tollTab.indexIDs(v.lexTab)
	v.groupTab.indexIDs(v.lexTab)
	v.preQualTab.indexIDs(v.lexTab)
	v.postQualTab.indexIDs(v.lexTab)
	v.incrementTab.indexIDs(v.lexTab)
	v.breakdownTab.indexIDs(v.lexTab)
	for w, e := range v.lexicon {
		if len(w) == 1 && w[0] < utf8.RuneSelf {
			v.lexByte[w[0]] = e
			v.lexByteID[w[0]] = v.lexTab.id(w)
		}
		if w != "" && '0' <= w[0] && w[0] <= '9' {
			v.digitKeys = true
		}
	}
}

// flagsOf is lexicon[t.lower], the flags of a token's word: one-byte
// words and marks from a table, numbers only when a word of the lexicon
// can be one.
func (v *vocabulary) flagsOf(t *token) (lexEntry, uint32) {
	switch {
	case len(t.lower) == 1 && t.lower[0] < utf8.RuneSelf:
		return v.lexByte[t.lower[0]], v.lexByteID[t.lower[0]]
	case t.kind == tNum && !v.digitKeys:
		return lexEntry{}, 0
	}
	return v.lexTab.find(t.lower)
}

// lexTable is the lexicon as an open-addressed hash table: the same
// answers as the map (TestExactFlags and TestLexTable hold it to it),
// for fewer instructions a lookup. A word of up to eight bytes (nearly
// every token, and most of them found: function words, casualty words)
// is read as one integer (lexKey) and compared as one, without a
// string comparison; a longer one is hashed by words and compared as a
// string. Built once by buildIndexes; read-only.
type lexTable struct {
	slots []lexSlot // a power of two, at most half full
	mask  uint64
}

// lexSlot is one word of lexTable: its key and length (n 0 marks a free
// slot), the word itself when longer than eight bytes, and its entry.
type lexSlot struct {
	key  uint64
	n    int
	long string
	e    lexEntry
}

func newLexTable(m map[string]lexEntry) *lexTable {
	n := 16
	for n < 2*len(m)+2 {
		n *= 2
	}
	t := &lexTable{slots: make([]lexSlot, n), mask: uint64(n - 1)}
	for w, e := range m {
		if w == "" {
			continue // no token is empty
		}
		k := lexKey(w)
		i := lexHash(k, len(w)) & t.mask
		for t.slots[i].n != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = lexSlot{key: k, n: len(w), e: e}
		if len(w) > 8 {
			t.slots[i].long = w
		}
	}
	return t
}

// get returns w's entry, the zero entry for a word the table does not
// hold (and for "", which no token is).
func (t *lexTable) get(w string) lexEntry {
	e, _ := t.find(w)
	return e
}

// id returns w's word id, 0 for a word the table does not hold.
func (t *lexTable) id(w string) uint32 {
	_, id := t.find(w)
	return id
}

// find returns w's entry and its word id: its slot's index plus one, 0
// (and the zero entry) for a word the table does not hold.
func (t *lexTable) find(w string) (lexEntry, uint32) {
	if w == "" {
		return lexEntry{}, 0
	}
	k := lexKey(w)
	for i := lexHash(k, len(w)) & t.mask; ; i = (i + 1) & t.mask {
		sl := &t.slots[i]
		if sl.key == k && sl.n == len(w) && (len(w) <= 8 || sl.long == w) {
			return sl.e, uint32(i) + 1
		}
		if sl.n == 0 {
			return lexEntry{}, 0
		}
	}
}

// lexKey reads w (not empty) as one integer: for up to eight bytes,
// which it determines given the length, its first four and its last four
// bytes (overlapping in a shorter word) or, below four, the bytes
// themselves; for a longer word, a hash of its eight-byte words.
func lexKey(w string) uint64 {
	n := len(w)
	switch {
	case n >= 8:
		const k = 0x9e3779b97f4a7c15
		var h uint64
		for i := 0; i+8 < n; i += 8 {
			h = (h ^ le64(w[i:])) * k
			h ^= h >> 29
		}
		// (the last eight bytes, overlapping the word before)
		return h ^ le64(w[n-8:])
	case n >= 4:
		return uint64(le32(w)) | uint64(le32(w[n-4:]))<<32
	}
	x := uint64(w[0]) | uint64(w[n-1])<<8
	if n == 3 {
		x |= uint64(w[1]) << 16
	}
	return x
}

// lexHash spreads a key and its length over the table's slots.
func lexHash(k uint64, n int) uint64 {
	h := (k ^ uint64(n)<<59) * 0x9e3779b97f4a7c15
	return h ^ h>>29
}

func le64(w string) uint64 {
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

func le32(w string) uint32 {
	return uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16 | uint32(w[3])<<24
}

// is reports whether token i carries the flag f (false out of range):
// for an exact flag, whether the word is in that flag's table.
func (s *sentence) is(i int, f wflag) bool {
	return i >= 0 && i < len(s.flags) && s.flags[i]&f != 0
}

// in reports whether token i carries the g flag g (false out of range):
// whether its word is in that flag's table.
func (s *sentence) in(i int, g gflag) bool {
	return i >= 0 && i < len(s.gflags) && s.gflags[i]&g != 0
}

// demonymAt is s.demonymAt(i).
func (s *sentence) demonymAt(i int) (string, bool) {
	if !s.is(i, fDemonym) {
		return "", false
	}
	g, ok := s.v.demonyms[s.toks[i].lower]
	return g, ok
}

// monthAt is s.monthAt(i).
func (s *sentence) monthAt(i int) (int, bool) {
	if !s.is(i, fMonth) {
		return 0, false
	}
	m, ok := s.v.months[s.toks[i].lower]
	return m, ok
}

// weekdayAt is s.weekdayAt(i).
func (s *sentence) weekdayAt(i int) (int, bool) {
	if !s.is(i, fWeekday) {
		return 0, false
	}
	d, ok := s.v.weekdays[s.toks[i].lower]
	return d, ok
}

// scaleAt is s.scaleAt(i).
func (s *sentence) scaleAt(i int) (int64, bool) {
	if !s.is(i, fScale) {
		return 0, false
	}
	n, ok := s.v.scaleWords[s.toks[i].lower]
	return n, ok
}

// lookup finds the longest phrase of at most maxN tokens starting at i
// present in the table; it returns the value and the number of tokens.
func lookup[V any](s *sentence, t *phrases[V], i, maxN int) (V, int) {
	var zero V
	if i < 0 || i >= len(s.toks) || s.flags[i]&t.fFirst == 0 {
		return zero, 0
	}
	longest := int(t.firstN[s.ids[i]])
	for n := min(maxN, longest); n >= 1; n-- {
		if i+n > len(s.toks) {
			continue
		}
		if n <= maxIDWords && t.byID != nil {
			// the key of the phrase's word ids; a word with none is in
			// no entry
			key := uint64(s.ids[i])
			for k := 1; k < n && key != 0; k++ {
				if id := s.ids[i+k]; id != 0 {
					key |= uint64(id) << (16 * k)
				} else {
					key = 0
				}
			}
			if v, ok := t.byID[key]; ok && key != 0 {
				return v, n
			}
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
	longest := int(t.lastN[s.ids[j-1]])
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
