package extract

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	_ "embed" // the vocabulary file
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/tollproject/toll/tracker"
)

// vocabularyFile is the extractor's vocabulary: every word it knows, one
// directive a line (see vocabulary.txt and parseVocabulary).
//
//go:embed vocabulary.txt
var vocabularyFile []byte

// vocabularyName names the file in parse errors.
const vocabularyName = "vocabulary.txt"

// maxVocabularyBytes caps what parseVocabulary reads: the file runs to a
// few tens of kilobytes.
const maxVocabularyBytes = 1 << 20

// defaultVocabulary is vocabulary.txt parsed and indexed, once, on first
// use. The file is part of the binary and TestVocabularyFile parses it, so
// a failure here is a bug in the build, not bad input.
var defaultVocabulary = sync.OnceValue(func() *vocabulary {
	v, err := parseVocabulary(vocabularyName, bytes.NewReader(vocabularyFile))
	if err != nil {
		panic("extract: built-in vocabulary: " + err.Error())
	}
	return v
})

// trigger is a casualty word and how it links to its number.
type trigger struct {
	cat tracker.Category
	// post: follows the counted group ("700 Israelis were killed", "12
	// dead"); pre: an active verb before its object ("killing 12");
	// noun: the counted noun itself ("12 deaths", "203 hostages").
	post, pre, noun bool
	// who, for nouns that name the group too ("hostages" are people).
	who string
}

// vocabulary holds every word table the passes read. It is built once by
// parseVocabulary and never changed after, so one value serves every
// Extract call at once. The comments of vocabulary.txt say what each
// table means; the field names follow its directives.
type vocabulary struct {
	hash string // short hash of the file's bytes, part of Version

	vagueWords                    map[string]int64
	smallNumbers, scaleWords      map[string]int64
	preQualifiers, postQualifiers map[string]tracker.Qualifier
	incrementWords                map[string]bool
	triggers                      map[string]trigger
	tollNouns, subjects           map[string]tracker.Category
	groups, demonyms              map[string]string
	nounModifierGroups            map[string]string
	weekdays, months              map[string]int

	modifiers, modifierNouns                               map[string]bool
	units, timeWords, nameWords, phoneWords                map[string]bool
	speculation, negations, restateHedges                  map[string]bool
	changeVerbs, revisionWords, breakdownWords             map[string]bool
	attributionVerbs, sourceCues, sourceHeads, sourceNouns map[string]bool
	// passiveVerbs attribute only before "by": "the figure of more than
	// 2,400 given by the Taliban" ("given the scale" is no source)
	passiveVerbs                                           map[string]bool
	clauseWords, releaseWords, rescueWords, funcWords      map[string]bool
	postSkip, preSkip, countVerbs, notToll, verbQualifiers map[string]bool
	armed                                                  map[string]bool
	// bodyStatus: words of identifying or handing over the dead ("101
	// bodies are still unidentified"): such a count of bodies is some of
	// the dead, not their toll
	bodyStatus                                          map[string]bool
	tollLinkers, tollNearLinkers                        map[string]bool
	alwaysAbbr                                          map[string]bool
	placeHeads, notPlaces, placeDirections              map[string]bool
	placeDrop, placePreps, eventNouns, areaNouns        map[string]bool
	strikeVerbs                                         map[string]bool
	numberParts, dateOpeners                            map[string]bool
	countNouns, earlierWords, countModifiers            map[string]bool
	correctionWords, putVerbs, sayingVerbs, countedBy   map[string]bool
	lumpedWords, measureWords, durationWords, heldWords map[string]bool
	lossVerbs, kinWords, coordinators                   map[string]bool
	// stockWords: an injured count's words that make it those still in
	// care ("still", "remain"), a stock apart from the injured
	stockWords map[string]bool
	// scholarNouns: people whose "at" names where they work, no place of
	// a figure ("researchers at the Harvard T.H. Chan School")
	scholarNouns                                    map[string]bool
	rateWords, rateNot, aliveWords, exceptWords     map[string]bool
	fearedWords, relativePlaces, severityWords      map[string]bool
	injurySeverity, reasonVerbs                     map[string]bool
	diseaseWords, handoverWords, displacedUnits     map[string]bool
	hadPrior, priorAfter, priorBefore               map[string]bool
	sourceDocs, saidSkip, causeVerbs, officialData  map[string]bool
	takenVerbs, takenSkip, heldNow, cumulativeWords map[string]bool

	// the report pass's tables (context.go)
	notGazetted, diseaseEvents map[string]bool
	// oneSiteEvents strike one site, where their dead and hurt are
	oneSiteEvents map[string]bool
	// siteEvents are a site's accidents ("mining"), siteCauses the
	// events a report about such a site names them by (its fire)
	siteEvents, siteCauses map[string]bool
	// landforms make a lowercase word after a name a place ("the Ahr
	// valley")
	landforms map[string]bool
	// stormObjects and stormNotSubjects tell "storm" the verb (metaphor)
	stormObjects, stormNotSubjects     map[string]bool
	fireService, compass               map[string]bool
	continents, sites, streets, coasts map[string]bool
	holders, offices, speakerVerbs     map[string]bool
	eventOf                            map[string]string // event noun → event
	datelineStates                     map[string]string // "calif." → "US.CA", read only in datelines
	// lists read in file order, as suffixes and prefixes of a text
	gunfire, strikeAux, comparisons []string
	particles                       []string // of a run of capitalised words (capruns.go)
	anaphorNouns                    []string
	// eventShapes[n][f] has bit l set when an event noun of n bytes
	// starts with the letter 'a'+f and ends with 'a'+l, and eventMin and
	// eventMax bound their lengths: most words are no event noun, and
	// eventWord turns them away before it lowers and hashes them.
	eventShapes        [maxEventWord + 1][26]uint32
	eventMin, eventMax int
	// stormKeys are what stands before a storm's name: each storm noun
	// but "storms", capitalised and as written, with the space after it
	// ("Cyclone ", "cyclone "), made once here so that stormNames builds
	// no strings a report.
	stormKeys []string
	// stormKeysByEnd[c] are the storm keys whose last byte before the
	// space is c, sorted.
	stormKeysByEnd [256][]string

	// numberWords and dateWords are derived: the words numberish accepts
	// and the words that can open a time expression.
	numberWords, dateWords map[string]bool
	// numberStems and casualtyStems drive the sentence prefilter.
	numberStems, casualtyStems *stems

	// no records the explicit "no" directives: directive → word → line.
	// The passes never read it; it documents, and the parser checks, the
	// words deliberately left out of a table.
	no map[string]map[string]int

	// small holds decimal.NewFromInt(n) for n below smallCounts (count).
	small [smallCounts]decimal.Decimal

	// The indexes over the tables (vocab.go).
	lexicon map[string]lexEntry
	lexTab  *lexTable // lexicon for reset's lookups
	// lexByte is lexicon for one-byte ASCII words and marks, and
	// digitKeys whether some lexicon word starts with a digit: reset
	// looks up no number token when none does.
	lexByte      [128]lexEntry
	lexByteID    [128]uint32 // their word ids
	digitKeys    bool
	triggerTab   *phrases[trigger]
	tollTab      *phrases[tracker.Category]
	groupTab     *phrases[string]
	preQualTab   *phrases[tracker.Qualifier]
	postQualTab  *phrases[tracker.Qualifier]
	incrementTab *phrases[bool]
	breakdownTab *phrases[bool]
}

// vparser is the state of one parse besides the vocabulary it fills.
type vparser struct {
	v                          *vocabulary
	specs                      map[string]directiveSpec
	casualtyStems, numberStems []string
	stemmed                    map[string]int // casualty words and toll nouns → line, for the stem check
	lines                      map[string]int // "directive\x00words" → line, for duplicates
	nos                        []pendingNo
}

// pendingNo is a "no" directive kept until the whole file is read, so a
// word listed both ways is caught whatever the order of the lines.
type pendingNo struct {
	directive, words string
	line             int
}

// valueKind is what a directive takes after "=".
type valueKind uint8

const (
	noValue    valueKind = iota // "unit minutes"
	intValue                    // "vague dozens = 12"
	qualValue                   // "qualifier at least = at_least"
	catValue                    // "toll death toll = killed"
	groupValue                  // "group troops = soldiers"
	casValue                    // "casualty killed = killed post pre"
)

// directiveSpec says what a directive takes and which table it fills.
type directiveSpec struct {
	kind valueKind
	set  func(v *vocabulary) map[string]bool
	// list, for a plain word list read in file order (as suffixes or
	// prefixes of a text rather than looked up)
	list func(v *vocabulary) *[]string
	num  func(v *vocabulary) map[string]int64
	str  func(v *vocabulary) map[string]string
	cat  func(v *vocabulary) map[string]tracker.Category
	// min and max bound intValue entries.
	min, max int64
}

func setDir(f func(v *vocabulary) map[string]bool) directiveSpec {
	return directiveSpec{kind: noValue, set: f}
}

func listDir(f func(v *vocabulary) *[]string) directiveSpec {
	return directiveSpec{kind: noValue, list: f}
}

func intDir(lo, hi int64, f func(v *vocabulary) map[string]int64) directiveSpec {
	return directiveSpec{kind: intValue, num: f, min: lo, max: hi}
}

// directives lists every directive of vocabulary.txt. It is a function,
// not a package variable, so that nothing outside a parse can change it.
func directives() map[string]directiveSpec {
	return map[string]directiveSpec{
		"number":          intDir(0, 99, func(v *vocabulary) map[string]int64 { return v.smallNumbers }),
		"scale":           intDir(2, 1e12, func(v *vocabulary) map[string]int64 { return v.scaleWords }),
		"vague":           intDir(1, tracker.MaxCount, func(v *vocabulary) map[string]int64 { return v.vagueWords }),
		"numberpart":      setDir(func(v *vocabulary) map[string]bool { return v.numberParts }),
		"qualifier":       {kind: qualValue},
		"postqualifier":   {kind: qualValue},
		"increment":       setDir(func(v *vocabulary) map[string]bool { return v.incrementWords }),
		"casualty":        {kind: casValue},
		"toll":            {kind: catValue, cat: func(v *vocabulary) map[string]tracker.Category { return v.tollNouns }},
		"subject":         {kind: catValue, cat: func(v *vocabulary) map[string]tracker.Category { return v.subjects }},
		"nottoll":         setDir(func(v *vocabulary) map[string]bool { return v.notToll }),
		"verbqualifier":   setDir(func(v *vocabulary) map[string]bool { return v.verbQualifiers }),
		"armed":           setDir(func(v *vocabulary) map[string]bool { return v.armed }),
		"stem":            setDir(nil),
		"numberstem":      setDir(nil),
		"group":           {kind: groupValue, str: func(v *vocabulary) map[string]string { return v.groups }},
		"demonym":         {kind: groupValue, str: func(v *vocabulary) map[string]string { return v.demonyms }},
		"noungroup":       {kind: groupValue, str: func(v *vocabulary) map[string]string { return v.nounModifierGroups }},
		"modifier":        setDir(func(v *vocabulary) map[string]bool { return v.modifiers }),
		"modifiernoun":    setDir(func(v *vocabulary) map[string]bool { return v.modifierNouns }),
		"unit":            setDir(func(v *vocabulary) map[string]bool { return v.units }),
		"time":            setDir(func(v *vocabulary) map[string]bool { return v.timeWords }),
		"name":            setDir(func(v *vocabulary) map[string]bool { return v.nameWords }),
		"phone":           setDir(func(v *vocabulary) map[string]bool { return v.phoneWords }),
		"speculation":     setDir(func(v *vocabulary) map[string]bool { return v.speculation }),
		"negation":        setDir(func(v *vocabulary) map[string]bool { return v.negations }),
		"hedge":           setDir(func(v *vocabulary) map[string]bool { return v.restateHedges }),
		"change":          setDir(func(v *vocabulary) map[string]bool { return v.changeVerbs }),
		"revision":        setDir(func(v *vocabulary) map[string]bool { return v.revisionWords }),
		"breakdown":       setDir(func(v *vocabulary) map[string]bool { return v.breakdownWords }),
		"attribution":     setDir(func(v *vocabulary) map[string]bool { return v.attributionVerbs }),
		"sourcecue":       setDir(func(v *vocabulary) map[string]bool { return v.sourceCues }),
		"passive":         setDir(func(v *vocabulary) map[string]bool { return v.passiveVerbs }),
		"sourcehead":      setDir(func(v *vocabulary) map[string]bool { return v.sourceHeads }),
		"sourcenoun":      setDir(func(v *vocabulary) map[string]bool { return v.sourceNouns }),
		"clause":          setDir(func(v *vocabulary) map[string]bool { return v.clauseWords }),
		"release":         setDir(func(v *vocabulary) map[string]bool { return v.releaseWords }),
		"rescue":          setDir(func(v *vocabulary) map[string]bool { return v.rescueWords }),
		"bodystatus":      setDir(func(v *vocabulary) map[string]bool { return v.bodyStatus }),
		"held":            setDir(func(v *vocabulary) map[string]bool { return v.heldWords }),
		"handover":        setDir(func(v *vocabulary) map[string]bool { return v.handoverWords }),
		"displacedunit":   setDir(func(v *vocabulary) map[string]bool { return v.displacedUnits }),
		"loss":            setDir(func(v *vocabulary) map[string]bool { return v.lossVerbs }),
		"kin":             setDir(func(v *vocabulary) map[string]bool { return v.kinWords }),
		"stockword":       setDir(func(v *vocabulary) map[string]bool { return v.stockWords }),
		"scholar":         setDir(func(v *vocabulary) map[string]bool { return v.scholarNouns }),
		"coordinator":     setDir(func(v *vocabulary) map[string]bool { return v.coordinators }),
		"rate":            setDir(func(v *vocabulary) map[string]bool { return v.rateWords }),
		"notrate":         setDir(func(v *vocabulary) map[string]bool { return v.rateNot }),
		"alive":           setDir(func(v *vocabulary) map[string]bool { return v.aliveWords }),
		"except":          setDir(func(v *vocabulary) map[string]bool { return v.exceptWords }),
		"feared":          setDir(func(v *vocabulary) map[string]bool { return v.fearedWords }),
		"relplace":        setDir(func(v *vocabulary) map[string]bool { return v.relativePlaces }),
		"severity":        setDir(func(v *vocabulary) map[string]bool { return v.severityWords }),
		"injuryseverity":  setDir(func(v *vocabulary) map[string]bool { return v.injurySeverity }),
		"reasonverb":      setDir(func(v *vocabulary) map[string]bool { return v.reasonVerbs }),
		"disease":         setDir(func(v *vocabulary) map[string]bool { return v.diseaseWords }),
		"function":        setDir(func(v *vocabulary) map[string]bool { return v.funcWords }),
		"postskip":        setDir(func(v *vocabulary) map[string]bool { return v.postSkip }),
		"preskip":         setDir(func(v *vocabulary) map[string]bool { return v.preSkip }),
		"countverb":       setDir(func(v *vocabulary) map[string]bool { return v.countVerbs }),
		"tolllinker":      setDir(func(v *vocabulary) map[string]bool { return v.tollLinkers }),
		"tollnear":        setDir(func(v *vocabulary) map[string]bool { return v.tollNearLinkers }),
		"countnoun":       setDir(func(v *vocabulary) map[string]bool { return v.countNouns }),
		"countmodifier":   setDir(func(v *vocabulary) map[string]bool { return v.countModifiers }),
		"earlier":         setDir(func(v *vocabulary) map[string]bool { return v.earlierWords }),
		"sourcedoc":       setDir(func(v *vocabulary) map[string]bool { return v.sourceDocs }),
		"saidskip":        setDir(func(v *vocabulary) map[string]bool { return v.saidSkip }),
		"causeverb":       setDir(func(v *vocabulary) map[string]bool { return v.causeVerbs }),
		"officialdata":    setDir(func(v *vocabulary) map[string]bool { return v.officialData }),
		"heldnow":         setDir(func(v *vocabulary) map[string]bool { return v.heldNow }),
		"cumulative":      setDir(func(v *vocabulary) map[string]bool { return v.cumulativeWords }),
		"takenverb":       setDir(func(v *vocabulary) map[string]bool { return v.takenVerbs }),
		"takenskip":       setDir(func(v *vocabulary) map[string]bool { return v.takenSkip }),
		"hadprior":        setDir(func(v *vocabulary) map[string]bool { return v.hadPrior }),
		"priorafter":      setDir(func(v *vocabulary) map[string]bool { return v.priorAfter }),
		"priorbefore":     setDir(func(v *vocabulary) map[string]bool { return v.priorBefore }),
		"correction":      setDir(func(v *vocabulary) map[string]bool { return v.correctionWords }),
		"putverb":         setDir(func(v *vocabulary) map[string]bool { return v.putVerbs }),
		"saying":          setDir(func(v *vocabulary) map[string]bool { return v.sayingVerbs }),
		"countedby":       setDir(func(v *vocabulary) map[string]bool { return v.countedBy }),
		"lumped":          setDir(func(v *vocabulary) map[string]bool { return v.lumpedWords }),
		"measure":         setDir(func(v *vocabulary) map[string]bool { return v.measureWords }),
		"duration":        setDir(func(v *vocabulary) map[string]bool { return v.durationWords }),
		"weekday":         intDir(0, 6, nil),
		"month":           intDir(1, 12, nil),
		"dateword":        setDir(func(v *vocabulary) map[string]bool { return v.dateOpeners }),
		"abbreviation":    setDir(func(v *vocabulary) map[string]bool { return v.alwaysAbbr }),
		"placehead":       setDir(func(v *vocabulary) map[string]bool { return v.placeHeads }),
		"notplace":        setDir(func(v *vocabulary) map[string]bool { return v.notPlaces }),
		"direction":       setDir(func(v *vocabulary) map[string]bool { return v.placeDirections }),
		"placedrop":       setDir(func(v *vocabulary) map[string]bool { return v.placeDrop }),
		"placeprep":       setDir(func(v *vocabulary) map[string]bool { return v.placePreps }),
		"strikeverb":      setDir(func(v *vocabulary) map[string]bool { return v.strikeVerbs }),
		"event":           setDir(func(v *vocabulary) map[string]bool { return v.eventNouns }),
		"area":            setDir(func(v *vocabulary) map[string]bool { return v.areaNouns }),
		"notgazetted":     setDir(func(v *vocabulary) map[string]bool { return v.notGazetted }),
		"eventnoun":       {kind: groupValue, str: func(v *vocabulary) map[string]string { return v.eventOf }},
		"datelinestate":   {kind: groupValue, str: func(v *vocabulary) map[string]string { return v.datelineStates }},
		"diseaseevent":    setDir(func(v *vocabulary) map[string]bool { return v.diseaseEvents }),
		"onesite":         setDir(func(v *vocabulary) map[string]bool { return v.oneSiteEvents }),
		"siteevent":       setDir(func(v *vocabulary) map[string]bool { return v.siteEvents }),
		"sitecause":       setDir(func(v *vocabulary) map[string]bool { return v.siteCauses }),
		"landform":        setDir(func(v *vocabulary) map[string]bool { return v.landforms }),
		"stormobject":     setDir(func(v *vocabulary) map[string]bool { return v.stormObjects }),
		"stormnotsubject": setDir(func(v *vocabulary) map[string]bool { return v.stormNotSubjects }),
		"fireservice":     setDir(func(v *vocabulary) map[string]bool { return v.fireService }),
		"compass":         setDir(func(v *vocabulary) map[string]bool { return v.compass }),
		"continent":       setDir(func(v *vocabulary) map[string]bool { return v.continents }),
		"street":          setDir(func(v *vocabulary) map[string]bool { return v.streets }),
		"coast":           setDir(func(v *vocabulary) map[string]bool { return v.coasts }),
		"holder":          setDir(func(v *vocabulary) map[string]bool { return v.holders }),
		"office":          setDir(func(v *vocabulary) map[string]bool { return v.offices }),
		"speakerverb":     setDir(func(v *vocabulary) map[string]bool { return v.speakerVerbs }),
		"site":            setDir(func(v *vocabulary) map[string]bool { return v.sites }),
		"gunfire":         listDir(func(v *vocabulary) *[]string { return &v.gunfire }),
		"strikeaux":       listDir(func(v *vocabulary) *[]string { return &v.strikeAux }),
		"comparison":      listDir(func(v *vocabulary) *[]string { return &v.comparisons }),
		"anaphor":         listDir(func(v *vocabulary) *[]string { return &v.anaphorNouns }),
		"particle":        listDir(func(v *vocabulary) *[]string { return &v.particles }),
	}
}

func newVocabulary() *vocabulary {
	v := &vocabulary{
		vagueWords: map[string]int64{}, smallNumbers: map[string]int64{}, scaleWords: map[string]int64{},
		preQualifiers: map[string]tracker.Qualifier{}, postQualifiers: map[string]tracker.Qualifier{},
		triggers: map[string]trigger{}, tollNouns: map[string]tracker.Category{}, subjects: map[string]tracker.Category{},
		groups: map[string]string{}, demonyms: map[string]string{}, nounModifierGroups: map[string]string{},
		weekdays: map[string]int{}, months: map[string]int{}, eventOf: map[string]string{}, datelineStates: map[string]string{},
		no: map[string]map[string]int{},
	}
	for _, p := range []*map[string]bool{
		&v.incrementWords, &v.modifiers, &v.modifierNouns, &v.units, &v.timeWords, &v.nameWords,
		&v.phoneWords, &v.speculation, &v.negations, &v.restateHedges, &v.changeVerbs,
		&v.revisionWords, &v.breakdownWords, &v.attributionVerbs, &v.passiveVerbs, &v.sourceCues, &v.sourceHeads,
		&v.sourceNouns, &v.clauseWords, &v.releaseWords, &v.rescueWords, &v.funcWords, &v.postSkip, &v.preSkip,
		&v.countVerbs, &v.notToll, &v.verbQualifiers, &v.armed, &v.bodyStatus, &v.tollLinkers, &v.tollNearLinkers, &v.alwaysAbbr, &v.placeHeads,
		&v.notPlaces, &v.placeDirections, &v.placeDrop, &v.placePreps, &v.strikeVerbs, &v.eventNouns,
		&v.areaNouns, &v.numberParts, &v.dateOpeners,
		&v.countNouns, &v.earlierWords, &v.countModifiers, &v.correctionWords, &v.putVerbs,
		&v.sayingVerbs, &v.countedBy, &v.lumpedWords, &v.measureWords, &v.durationWords, &v.heldWords, &v.handoverWords, &v.displacedUnits,
		&v.lossVerbs, &v.kinWords, &v.stockWords, &v.scholarNouns, &v.coordinators, &v.rateWords, &v.rateNot, &v.aliveWords, &v.exceptWords, &v.fearedWords, &v.relativePlaces, &v.severityWords, &v.injurySeverity, &v.reasonVerbs, &v.diseaseWords,
		&v.hadPrior, &v.priorAfter, &v.priorBefore,
		&v.sourceDocs, &v.saidSkip, &v.causeVerbs, &v.officialData, &v.takenVerbs, &v.takenSkip, &v.heldNow, &v.cumulativeWords,
		&v.notGazetted, &v.diseaseEvents, &v.oneSiteEvents, &v.siteEvents, &v.siteCauses, &v.landforms, &v.stormObjects, &v.stormNotSubjects, &v.fireService, &v.compass, &v.continents, &v.sites, &v.streets, &v.coasts, &v.holders, &v.offices, &v.speakerVerbs,
	} {
		*p = map[string]bool{}
	}
	return v
}

// maxEventWord is the longest event noun eventWord reads, in bytes.
const maxEventWord = 32

// lowerASCIIWord reports whether w is 1 to n lowercase ASCII letters.
func lowerASCIIWord(w string, n int) bool {
	if len(w) == 0 || len(w) > n {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// errVocabulary is wrapped by every parse error of a vocabulary file.
var errVocabulary = errors.New("bad vocabulary")

// parseVocabulary reads a vocabulary file: one directive a line, blank
// lines and text after '#' ignored, words lowercase (a phrase is its
// words with single spaces):
//
//	DIRECTIVE WORDS              a word in a table ("unit minutes")
//	DIRECTIVE WORDS = VALUE      with its value ("vague dozens = 12")
//	no DIRECTIVE WORDS           a word deliberately not in the table
//
// vocabulary.txt lists the directives and what each means. A word given
// twice under one directive, or both with and without "no", is an error;
// so is a casualty word or toll noun holding no casualty stem (the
// prefilter would skip its sentences unread). Errors name the file and
// the line: `vocabulary.txt:12: unknown directive "foo"`.
func parseVocabulary(name string, r io.Reader) (*vocabulary, error) {
	p := &vparser{v: newVocabulary(), specs: directives(), stemmed: map[string]int{}, lines: map[string]int{}}
	v := p.v
	h := sha256.New()
	lr := &io.LimitedReader{R: io.TeeReader(r, h), N: maxVocabularyBytes + 1}
	sc := bufio.NewScanner(lr)
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		if err := p.directive(line, n); err != nil {
			return nil, fmt.Errorf("%w: %s:%d: %w", errVocabulary, name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("%w: %s:%d: longer than 64 KiB", errVocabulary, name, n+1)
		}
		return nil, fmt.Errorf("%w: %s: %w", errVocabulary, name, err)
	}
	if lr.N <= 0 {
		return nil, fmt.Errorf("%w: %s: larger than %d bytes", errVocabulary, name, maxVocabularyBytes)
	}
	if err := p.check(); err != nil {
		return nil, fmt.Errorf("%w: %s:%w", errVocabulary, name, err)
	}
	if err := p.addGroupNames(tracker.GroupNames()); err != nil {
		return nil, fmt.Errorf("%w: %s:%w", errVocabulary, name, err)
	}
	v.hash = vocabularyHash(h)
	v.derive()
	return v, nil
}

// vocabularyHash is the hash of a vocabulary in its version, from h, a
// sha256 that has read the whole file: 8 hex digits. It covers the group
// names too, since they change what is read.
func vocabularyHash(h hash.Hash) string {
	for _, g := range tracker.GroupNames() {
		fmt.Fprintf(h, "\x00group %s = %s in %s", g.Name, g.Group, g.Place)
	}
	return hex.EncodeToString(h.Sum(nil))[:8]
}

// directive reads one line.
func (p *vparser) directive(line string, n int) error {
	v := p.v
	fields := strings.Fields(line)
	verb, fields := fields[0], fields[1:]
	negated := verb == "no"
	if negated {
		if len(fields) == 0 {
			return errors.New(`"no" needs a directive and a word`)
		}
		verb, fields = fields[0], fields[1:]
	}
	spec, ok := p.specs[verb]
	if !ok {
		return fmt.Errorf("unknown directive %q (the list is at the top of %s)", verb, vocabularyName)
	}
	rest := strings.Join(fields, " ")
	words, value, hasValue := strings.Cut(rest, "=")
	words, value = strings.Join(strings.Fields(words), " "), strings.Join(strings.Fields(value), " ")
	if words == "" {
		return fmt.Errorf("%s needs a word", verb)
	}
	if words != strings.ToLower(words) {
		return fmt.Errorf("%s %q: write words in lowercase", verb, words)
	}
	if negated {
		if spec.kind != noValue || hasValue {
			return fmt.Errorf("no %s: only a plain word list takes \"no\"", verb)
		}
		p.nos = append(p.nos, pendingNo{verb, words, n})
		if v.no[verb] == nil {
			v.no[verb] = map[string]int{}
		}
		if first, dup := v.no[verb][words]; dup {
			return fmt.Errorf("no %s %q is already given on line %d", verb, words, first)
		}
		v.no[verb][words] = n
		return nil
	}
	key := verb + "\x00" + words
	if first, dup := p.lines[key]; dup {
		return fmt.Errorf("%s %q is already given on line %d", verb, words, first)
	}
	p.lines[key] = n
	if (spec.kind == noValue) == hasValue {
		if hasValue {
			return fmt.Errorf("%s takes no value: want %s WORDS, got %q", verb, verb, line)
		}
		return fmt.Errorf("%s needs a value: want %s WORDS = VALUE, got %q", verb, verb, line)
	}
	if value == "" && hasValue {
		return fmt.Errorf("%s %q: nothing after \"=\"", verb, words)
	}
	switch spec.kind {
	case noValue:
		switch verb {
		case "stem":
			p.casualtyStems = append(p.casualtyStems, words)
		case "numberstem":
			p.numberStems = append(p.numberStems, words)
		default:
			if spec.list != nil {
				l := spec.list(v)
				*l = append(*l, words)
				break
			}
			spec.set(v)[words] = true
		}
		if verb == "anaphor" && !lowerASCIIWord(words, 32) {
			return fmt.Errorf("anaphor %q: an anaphor noun is one word of ASCII letters", words)
		}
		if verb == "particle" && !lowerASCIIWord(words, 16) {
			return fmt.Errorf("particle %q: a particle is one word of ASCII letters", words)
		}
		if (verb == "stem" || verb == "numberstem") && (len(words) < 2 || words[0] >= 0x80 || words[1] >= 0x80) {
			return fmt.Errorf("%s %q: a stem is two ASCII letters or more", verb, words)
		}
	case intValue:
		k, err := strconv.ParseInt(value, 10, 64)
		if err != nil || k < spec.min || k > spec.max {
			return fmt.Errorf("%s %q: want a whole number from %d to %d, got %q", verb, words, spec.min, spec.max, value)
		}
		switch verb {
		case "weekday":
			v.weekdays[words] = int(k)
		case "month":
			v.months[words] = int(k)
		default:
			spec.num(v)[words] = k
		}
	case qualValue:
		q, err := tracker.ParseQualifier(value)
		if err != nil || q == tracker.Range || q == tracker.Vague {
			return fmt.Errorf("%s %q: unknown qualifier %q (want exact, at_least, more_than, at_most, less_than, approx or nearly)", verb, words, value)
		}
		if verb == "qualifier" {
			v.preQualifiers[words] = q
		} else {
			v.postQualifiers[words] = q
		}
	case catValue:
		c, err := tracker.ParseCategory(value)
		if err != nil {
			return fmt.Errorf("%s %q: %w", verb, words, err)
		}
		spec.cat(v)[words] = c
		if verb == "toll" {
			p.stemmed[words] = n
		}
	case groupValue:
		if verb == "eventnoun" && !lowerASCIIWord(words, maxEventWord) {
			return fmt.Errorf("eventnoun %q: an event noun is one word of ASCII letters, at most %d", words, maxEventWord)
		}
		spec.str(v)[words] = value
	case casValue:
		tr, err := parseTrigger(value)
		if err != nil {
			return fmt.Errorf("casualty %q: %w", words, err)
		}
		v.triggers[words] = tr
		p.stemmed[words] = n
	}
	return nil
}

// parseTrigger reads "CATEGORY ROLE... [group GROUP]", the value of a
// casualty directive.
func parseTrigger(value string) (trigger, error) {
	fs := strings.Fields(value)
	c, err := tracker.ParseCategory(fs[0])
	if err != nil {
		return trigger{}, err
	}
	tr := trigger{cat: c}
	for i := 1; i < len(fs); i++ {
		switch fs[i] {
		case "post":
			tr.post = true
		case "pre":
			tr.pre = true
		case "noun":
			tr.noun = true
		case "group":
			tr.who = strings.Join(fs[i+1:], " ")
			if tr.who == "" {
				return trigger{}, errors.New(`"group" needs a group name after it`)
			}
			i = len(fs)
		default:
			return trigger{}, fmt.Errorf("unknown role %q (want post, pre, noun or group GROUP)", fs[i])
		}
	}
	if !tr.post && !tr.pre && !tr.noun {
		return trigger{}, errors.New("needs a role: post, pre or noun")
	}
	return tr, nil
}

// check runs the checks that need the whole file: a "no" against the same
// word listed, and the prefilter's stems against the casualty words.
func (p *vparser) check() error {
	v := p.v
	for _, no := range p.nos {
		if first, ok := p.lines[no.directive+"\x00"+no.words]; ok {
			return fmt.Errorf("%d: no %s %q contradicts line %d", no.line, no.directive, no.words, first)
		}
	}
	for w := range v.verbQualifiers {
		if _, ok := v.preQualifiers[w]; !ok {
			return fmt.Errorf("%d: verbqualifier %q is not a qualifier (add a qualifier line)", p.lines["verbqualifier\x00"+w], w)
		}
	}
	for _, a := range v.anaphorNouns {
		for _, b := range v.anaphorNouns {
			if a != b && strings.HasPrefix(b, a) {
				return fmt.Errorf("%d: anaphor %q starts anaphor %q on line %d (anaphor reads the first that matches)", p.lines["anaphor\x00"+a], a, b, p.lines["anaphor\x00"+b])
			}
		}
	}
	events := map[string]bool{}
	for _, e := range v.eventOf {
		events[e] = true
	}
	for e := range v.diseaseEvents {
		if !events[e] {
			return fmt.Errorf("%d: diseaseevent %q is no event an eventnoun line gives (add one)", p.lines["diseaseevent\x00"+e], e)
		}
	}
	for _, d := range []struct {
		name string
		set  map[string]bool
	}{{"siteevent", v.siteEvents}, {"sitecause", v.siteCauses}} {
		for e := range d.set {
			if !events[e] {
				return fmt.Errorf("%d: %s %q is no event an eventnoun line gives (add one)", p.lines[d.name+"\x00"+e], d.name, e)
			}
		}
	}
	v.casualtyStems = newStems(p.casualtyStems...)
	v.numberStems = newStems(p.numberStems...)
	// report the first offending line, whatever the map order
	words := make([]string, 0, len(p.stemmed))
	for w := range p.stemmed {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool { return p.stemmed[words[i]] < p.stemmed[words[j]] })
	for _, w := range words {
		if !v.casualtyStems.in(w) {
			return fmt.Errorf("%d: %q holds no casualty stem, so the prefilter would skip its sentences (add a stem line)", p.stemmed[w], w)
		}
	}
	return nil
}

// addGroupNames adds the domain's group names (tracker/groups.txt) to the
// group nouns. A name given in this file too is an error, so each name
// has one home; a name the file reads as a demonym keeps that reading,
// which must give the same group; a name that implies a place is left to
// the reconciler (the extractor reads "Gazans" as a demonym).
func (p *vparser) addGroupNames(names []tracker.GroupName) error {
	v := p.v
	for _, g := range names {
		if line, ok := p.lines["group\x00"+g.Name]; ok {
			return fmt.Errorf("%d: group %q is a name in tracker/groups.txt (for %s): give it there only", line, g.Name, g.Group)
		}
		if d, ok := v.demonyms[g.Name]; ok {
			if g.Place == "" && d != g.Group {
				return fmt.Errorf("%d: demonym %q = %q, but tracker/groups.txt says it stands for %q", p.lines["demonym\x00"+g.Name], g.Name, d, g.Group)
			}
			continue
		}
		if g.Place != "" {
			continue
		}
		v.groups[g.Name] = g.Group
	}
	return nil
}

// derive builds the derived tables and the indexes once every line is read.
func (v *vocabulary) derive() {
	v.numberWords = map[string]bool{}
	for _, m := range []map[string]int64{v.smallNumbers, v.scaleWords, v.vagueWords} {
		for w := range m {
			v.numberWords[w] = true
		}
	}
	for w := range v.numberParts {
		v.numberWords[w] = true
	}
	v.dateWords = map[string]bool{}
	for w := range v.dateOpeners {
		v.dateWords[w] = true
	}
	for _, m := range []map[string]int{v.weekdays, v.months} {
		for w := range m {
			v.dateWords[w] = true
		}
	}
	v.eventMin, v.eventMax = maxEventWord+1, 0
	for w := range v.eventOf {
		v.eventShapes[len(w)][w[0]-'a'] |= 1 << (w[len(w)-1] - 'a')
		v.eventMin, v.eventMax = min(v.eventMin, len(w)), max(v.eventMax, len(w))
	}
	v.stormKeys = nil
	for noun, ev := range v.eventOf {
		if ev != "storm" || noun == "storms" || len(noun) < 2 {
			continue
		}
		v.stormKeys = append(v.stormKeys, strings.ToUpper(noun[:1])+noun[1:]+" ", noun+" ")
	}
	sort.Strings(v.stormKeys) // (any order reads the same; sorted, every run of the same file does)
	v.stormKeysByEnd = [256][]string{}
	for _, k := range v.stormKeys {
		c := k[len(k)-2]
		v.stormKeysByEnd[c] = append(v.stormKeysByEnd[c], k)
	}
	v.buildIndexes()
	for n := range v.small {
		v.small[n] = decimal.NewFromInt(int64(n))
	}
}
