package tracker

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// The clause rules. A figure is a claim only when a casualty word governs
// it in one of a few shapes:
//
//	noun:      "12 deaths", "203 hostages", "1.4 million refugees"
//	post:      "700 Israelis have been killed", "13 killed", "hundreds of people hostage"
//	pre:       "killing 12", "wounded at least 19 others", "kidnapped about 240"
//	toll:      "the death toll rose to 2,329", "Gaza death toll tops 10,000"
//	breakdown: "…, including five children", "among the dead were 20 women"
//	coordination: "700 Israelis and 415 Palestinians were killed"
//
// Everything else (numbers of rockets, minutes, members) is not a claim.
// A clause that speculates ("could rise to"), negates, or lumps categories
// together ("killed or wounded") gives no claim.

// link is how a quantity became a claim.
type link struct {
	q        int // index into sentence.qs
	cat      Category
	who      string
	how      linkKind
	a, b     int // token range of the whole phrase (quantity, group, casualty word)
	trig     int // token index of the casualty word, -1 for none
	head     int // for breakdowns and coordination: the quantity (index into sentence.qs) of the figure it depends on, else -1
	placeMin int // the place must be found at or after this token
	prior    bool
	part     bool // a coordinated part of a breakdown: "including 20 children and 11 women"
	period   bool // an increment
	bare     bool // no group was named: "… and 105 were injured"
	toll     bool // linked through a toll noun: a running count
}

type linkKind uint8

const (
	byNoun linkKind = iota + 1
	byPost
	byPre
	byToll
	byBreakdown
	byCoord
	byPrior
	byRestate
)

// np is the noun phrase after a number: the counted group, or a casualty
// noun, or nothing (a verb or a preposition follows), or a unit that
// makes the number something other than people.
type np struct {
	kind npKind
	who  string
	trig trigger
	end  int // token after the phrase
}

type npKind uint8

const (
	npNone npKind = iota
	npPerson
	npCasualty
	npUnit
)

// funcWords may follow a bare count without being its noun: verbs,
// prepositions, conjunctions, adverbs. An unknown lowercase word after a
// number is taken as a unit ("146 mass shootings"), which is never people.
var funcWords = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true,
	"being": true, "has": true, "have": true, "had": true, "will": true,
	"would": true, "could": true, "may": true, "might": true, "must": true,
	"shall": true, "should": true, "can": true, "did": true, "do": true, "does": true,
	"in": true, "on": true, "at": true, "of": true, "from": true, "by": true,
	"with": true, "during": true, "after": true, "before": true, "since": true,
	"across": true, "inside": true, "near": true, "among": true, "including": true,
	"to": true, "for": true, "into": true, "over": true, "under": true, "amid": true,
	"following": true, "as": true, "and": true, "or": true, "but": true,
	"while": true, "whereas": true, "who": true, "which": true, "that": true,
	"whom": true, "whose": true, "they": true, "them": true, "their": true,
	"already": true, "reportedly": true, "also": true, "now": true, "so": true,
	"still": true, "just": true, "all": true, "both": true, "each": true,
	"respectively": true, "remain": true, "remained": true, "remains": true,
	"yesterday": true, "today": true, "overnight": true, "last": true, "this": true,
	"according": true, "said": true, "says": true, "say": true, "there": true,
	"when": true, "where": true, "altogether": true, "total": true,
	"inside.": true, "across.": true, "than": true, "more": true, "others": true,
	"out": true, "up": true, "within": true, "throughout": true, "between": true,
	"the": true, "a": true, "an": true, "its": true, "his": true, "her": true,
	"our": true, "your": true, "my": true, "these": true, "those": true,
	"it": true, "he": true, "she": true, "we": true, "you": true, "i": true,
	"lay": true, "lie": true, "lying": true, "got": true, "get": true,
	"officially": true, "later": true, "initially": true, "allegedly": true,
	"apparently": true, "confirmed": true, "reported": true, "believed": true,
	"thought": true, "known": true, "presumed": true, "feared": true,
	"pronounced": true, "declared": true, "listed": true, "registered": true,
	"found": true, "recovered": true, "retrieved": true, "pulled": true,
	"left": true, "people": false, "died": true, "became": true, "become": true,
	"here": true, "then": true, "too": true, "again": true, "either": true,
	"per": true, "via": true, "toward": true, "towards": true, "against": true,
	"without": true, "within.": true, "via.": true, "about": true, "around": true,
	"if": true, "because": true, "though": true, "although": true, "unless": true,
	"once": true, "until": true, "till": true, "whether": true, "not": true,
	"never": true, "no": true, "were.": true, "among.": true, "some": true,
	"many": true, "most": true, "several": true, "none": true, "half": true,
	"only": true, "nearly": true, "almost": true, "about.": true, "how": true,
	"what": true, "why": true, "killed": true, "dead": true,
}

// postSkip are the words allowed between a counted group and its
// casualty word: "700 Israelis have already been killed", "12 were
// reported dead", "30 remain missing".
var postSkip = map[string]bool{
	"were": true, "was": true, "have": true, "has": true, "had": true, "been": true,
	"being": true, "are": true, "is": true, "be": true, "reportedly": true,
	"also": true, "already": true, "now": true, "all": true, "both": true,
	"confirmed": true, "reported": true, "believed": true, "thought": true,
	"said": true, "to": true, "still": true, "remain": true, "remained": true,
	"remains": true, "later": true, "subsequently": true, "allegedly": true,
	"officially": true, "initially": true, "respectively": true, "presumed": true,
	"known": true, "listed": true, "as": true, "got": true, "left": true,
	"lay": true, "lie": true, "lying": true, "found": true, "pronounced": true,
	"declared": true, "registered": true, "recorded": true, "being.": true,
	"so": true, "far": true, "apparently": true, "likely": false, "counted": true,
	"reported.": true, "verified": true, "among": false, "either": true,
	"been.": true, "ever": true, "yet": true, "who": true, "that": true,
	"had.": true, "since": false, "now.": true, "altogether": true, "in": false,
	"who.": true, "which": true, "are.": true, "previously": true, "each": true,
	"mostly": true, "mainly": true, "largely": true, "worldwide": true,
	"globally": true, "nationwide": true, "overall": true,
}

// preSkip are the words allowed between an active casualty verb and its
// number: "killed also 12" is rare, "killing at least 12" holds the
// qualifier in the quantity already.
var preSkip = map[string]bool{
	"also": true, "reportedly": true, "allegedly": true, "apparently": true,
	"an": false, "some": false,
}

// tollLinkers may stand between a toll noun and its number: "the death
// toll in Gaza has risen to 2,329", "death toll: 1,100".
var tollLinkers = map[string]bool{
	"to": true, "at": true, "of": true, "reached": true, "reaches": true,
	"reach": true, "reaching": true, "hit": true, "hits": true, "hitting": true,
	"is": true, "was": true, "are": true, "were": true, "stood": true,
	"stands": true, "standing": true, "stand": true, "rose": true, "rises": true,
	"risen": true, "rising": true, "rise": true, "has": true, "have": true,
	"had": true, "climbed": true, "climbs": true, "climbing": true, "climb": true,
	"jumped": true, "jumps": true, "jumping": true, "increased": true,
	"increases": true, "increasing": true, "grew": true, "grown": true,
	"grows": true, "soared": true, "surged": true, "mounted": true,
	"mounts": true, "edged": true, "up": true, "now": true, "so": true,
	"far": true, "already": true, "officially": true, "further": true,
	"reportedly": true, "in": true, "the": true, "from": true, "since": true,
	"a": true, "an": true, "new": true, "total": true, "'s": true, ",": true,
	"crossed": true, "crosses": true, "bringing": true, "brought": true,
	"raised": true, "raising": true, "raises": true, "raise": true,
	"revised": true, "revises": true, "revising": true, "lowered": true,
	"lowers": true, "down": true, "updated": true, "updates": true,
	"put": true, "puts": true, "putting": true, "sets": true, "set": true,
	"adjusted": true, "corrected": true, "corrects": true, "this": true,
	"war": true, "conflict": true, "attack": true, "attacks": true,
	"fighting": true, "strikes": true, "bombardment": true, "offensive": true,
	"hostilities": true, "violence": true, "earthquake": true, "quake": true,
	"floods": true, "flooding": true, "disaster": true, "blast": true,
	"explosion": true, "war's": true, ":": true, "as": true, "of.": true,
	"officials": false, "overall": true, "cumulative": true, "its": true,
	"their": true, "his": true, "her": true, "own": true, "latest": true,
	"tally": true, "count": true, "figure": true, "figures": true,
	"nearly": true, "by": true, "jumps.": true, "is.": true, "stood.": true,
	"rocketed": true, "spiked": true, "passed": true, "past": true,
	"doubled": true, "swelled": true, "swells": true, "grows.": true,
	"airstrikes": true, "strike": true, "bombing": true, "bombings": true,
	"shelling": true, "raids": true, "raid": true, "assault": true,
	"storm": true, "collapse": true, "fire": true, "crash": true,
	"shooting": true, "massacre": true, "hurricane": true, "cyclone": true,
	"tsunami": true, "landslide": true, "landslides": true, "-": true, "–": true,
	"—": true, "officially.": true, "ministry": false,
}

// extract runs the extractor over a whole text.
func extract(text string, opts Options) Result {
	var res Result
	sents := splitSentences(text, nil)
	toks := make([]token, 0, 64)
	var lowb []byte // lowercasing scratch
	s := &sentence{text: text, date: opts.Date}
	for _, sp := range sents {
		if !mayHoldClaim(text[sp.start:sp.end]) {
			continue
		}
		toks, lowb = lexText(text, sp.start, sp.end, toks[:0], lowb)
		// A "sentence" longer than any real one (a table or a list with
		// no periods) is read in windows, which keeps the clause rules'
		// cost bounded whatever the input.
		for a := 0; a < len(toks); a += maxSentenceTokens {
			b := min(a+maxSentenceTokens, len(toks))
			w := toks[a:b]
			s.reset(span{w[0].start, w[len(w)-1].end}, w)
			res.Claims = s.claims(res.Claims)
			slices.SortStableFunc(s.diags, func(a, b Diagnostic) int { return a.Start - b.Start })
			res.Diagnostics = append(res.Diagnostics, s.diags...)
		}
	}
	return res
}

// maxSentenceTokens bounds the tokens read as one sentence. News
// sentences run to 60 tokens, rarely 120.
const maxSentenceTokens = 160

// mayHoldClaim is a cheap filter: a sentence with no digit and no number
// or vague word cannot hold a figure, and one with no casualty stem cannot
// hold a claim. Most sentences of a report fail it, which is what keeps
// extraction fast.
func mayHoldClaim(s string) bool {
	if strings.IndexAny(s, "0123456789") < 0 && !numberStems.in(s) {
		return false
	}
	return casualtyStems.in(s)
}

// stems is a set of lowercase ASCII substrings (two letters or more),
// indexed by their first two letters so that a sentence is read once, with
// one table probe a byte, whatever the number of stems.
type stems struct {
	pair  [256 * 256 / 64]uint64 // bit set: some stem starts with these two bytes
	first [256][]string
}

func newStems(ws ...string) *stems {
	t := &stems{}
	for _, w := range ws {
		t.first[w[0]] = append(t.first[w[0]], w)
		k := int(w[0])<<8 | int(w[1])
		t.pair[k/64] |= 1 << (k % 64)
	}
	return t
}

// in reports whether s holds one of the stems, ignoring ASCII case.
func (t *stems) in(s string) bool {
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

// numberStems are substrings of every number word and vague word.
var numberStems = newStems(
	"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
	"ten", "eleven", "twelve", "teen", "twenty", "thirty", "forty", "fifty",
	"sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million",
	"billion", "dozen", "several", "few", "couple", "scores", "handful", "half", "zero",
)

// casualtyStems are substrings of every casualty word and toll noun (a
// test keeps this true): a sentence without one cannot hold a claim.
var casualtyStems = newStems(
	"kill", "dead", "death", "died", "fatal", "martyr", "perish", "lives", "lost their", "lost his",
	"lost her", "slain", "murder", "massacre", "bodies", "body", "injur", "wound",
	"hurt", "missing", "unaccounted", "hostage", "abduct", "kidnap", "captiv",
	"displac", "homeless", "fled", "flee", "refuge", "uproot", "forced from",
	"driven from", "idps", "arrest", "detain", "detention", "rounded up",
	"rounding up", "custody", "prisoner", "toll", "casualt", "crossed into",
)

func (s *sentence) reset(sp span, toks []token) {
	s.start, s.end = sp.start, sp.end
	s.toks = toks
	n := len(toks)
	if cap(s.excluded) < n {
		s.excluded = make([]bool, n)
		s.qty = make([]int, n)
	}
	if cap(s.flags) < n {
		s.flags = make([]wflag, n)
	}
	s.excluded = s.excluded[:n]
	s.qty = s.qty[:n]
	s.flags = s.flags[:n]
	for i := range s.excluded {
		s.excluded[i] = false
		s.qty[i] = -1
		s.flags[i] = 0
		if t := &toks[i]; t.kind == tWord || t.kind == tPunct {
			s.flags[i] = lexicon[t.lower]
		}
	}
	s.qs = s.qs[:0]
	s.diags = s.diags[:0]
}

// claims runs the passes over one sentence and appends its claims to dst.
func (s *sentence) claims(dst []Claim) []Claim {
	s.markExclusions()
	times := s.parseTimes()
	s.parseQuantities()
	if len(s.qs) == 0 {
		return dst
	}
	s.attachPriors()
	links := s.link()
	if len(links) == 0 {
		return dst
	}
	attrs := s.attributions()
	places := s.places(attrs)
	grp := s.groups(links)
	if cap(s.made) < len(links) {
		s.made = make([]Claim, len(links))
		s.ok = make([]bool, len(links))
	}
	made, ok := s.made[:len(links)], s.ok[:len(links)]
	clear(made)
	clear(ok)
	// heads first: parts copy their head's time
	for pass := 0; pass < 2; pass++ {
		for k := range links {
			l := &links[k]
			dependent := l.how == byBreakdown || l.part
			if dependent != (pass == 1) {
				continue
			}
			c, good := s.claimOf(links, k, grp, places, attrs, times)
			if !good {
				continue
			}
			// the nearest earlier figure that is not a part
			prev := k - 1
			for prev >= 0 && (links[prev].how == byBreakdown || links[prev].part) {
				prev--
			}
			if !dependent && prev >= 0 && ok[prev] && s.andJoined(links[prev], *l) {
				pc := made[prev]
				if c.Where == "" {
					c.Where = pc.Where
				}
				// "88 Palestinians were killed and 105 were injured": the
				// second figure counts the group the first named
				if l.bare {
					c.Who = pc.Who
				}
				// "after earlier reporting 11 dead and six wounded"
				if pc.Prior && s.qs[links[prev].q].j+3 >= min(l.a, s.qs[l.q].i) {
					c.Prior = true
				}
				if c.Scope == UnknownScope && pc.Scope != UnknownScope && pc.Scope != Period || c.Scope == UnknownScope && pc.Scope == Period && pc.From != "" {
					c.Scope, c.Since, c.From, c.To, c.AsOf = pc.Scope, pc.Since, pc.From, pc.To, pc.AsOf
				}
			}
			if dependent {
				if h := findLink(links, l.head); h >= 0 && ok[h] {
					hc := made[h]
					c.Scope, c.Since, c.From, c.To, c.AsOf = hc.Scope, hc.Since, hc.From, hc.To, hc.AsOf
					if c.Where == "" {
						c.Where = hc.Where
					}
					if c.Attribution == "" {
						c.Attribution = hc.Attribution
					}
				}
			}
			made[k], ok[k] = c, true
		}
	}
	out := dst
	for k := range links {
		if !ok[k] {
			continue
		}
		c := made[k]
		out = append(out, c)
		if q := s.qs[links[k].q]; q.prior != nil {
			p := c
			iv := q.prior.interval()
			p.Interval, p.Qualifier, p.Vague = iv, q.prior.q, q.prior.vague
			if q.prior.isRange {
				p.Qualifier = Range
			}
			p.Prior = true
			p.Start = s.toks[q.prior.i].start
			p.End = s.toks[q.prior.j-1].end
			p.Span = s.text[p.Start:p.End]
			// "up from at least 260 counted by ZAKA": the earlier figure's
			// own source
			switch s.word(q.prior.j) {
			case "counted", "reported", "recorded", "given", "tallied", "cited", "announced":
				if s.isWord(q.prior.j+1, "by") {
					if a, ok := s.sourceAfter(q.prior.j+2, q.prior.j); ok {
						p.Attribution = a.name
					}
				}
			}
			out = append(out, p)
		}
	}
	return out
}

// andJoined reports two figures joined by ", and" or "and" in one clause
// with no reporting verb between: "9,083 civilian deaths in Ukraine since
// February 2022, and 15,779 injuries".
func (s *sentence) andJoined(a, b link) bool {
	aEnd := max(a.b, s.qs[a.q].j)
	bStart := min(b.a, s.qs[b.q].i)
	if bStart < aEnd+1 {
		return false
	}
	// "…, and 13,561 …", "…, and that 6,268 …", "…, with 2,059 …"
	j := bStart - 1
	if s.isWord(j, "that") {
		j--
	}
	if !s.isWord(j, "and") && !s.isWord(j, "with") {
		return false
	}
	for m := aEnd; m < j; m++ {
		w := s.word(m)
		if w == ";" || attributionVerbs[w] || clauseWords[w] || w == "." {
			return false
		}
		// parts of the first figure may stand between
		if x := s.qty[m]; x >= 0 && x != a.q {
			continue
		}
	}
	return true
}

// findLink returns the index of the link of quantity q, or -1.
func findLink(links []link, q int) int {
	if q < 0 {
		return -1
	}
	for i := range links {
		if links[i].q == q {
			return i
		}
	}
	return -1
}

// groups numbers the links so that figures sharing one clause's tail share
// a group: "13 were killed and 19 wounded in Rafah on Tuesday" puts both
// in Rafah on Tuesday; parts join their head's group.
func (s *sentence) groups(links []link) []int {
	grp := make([]int, len(links))
	for k := range links {
		grp[k] = k
		l := links[k]
		if l.head >= 0 {
			if h := findLink(links, l.head); h >= 0 && h < k {
				grp[k] = grp[h]
				continue
			}
		}
		if k == 0 {
			continue
		}
		p := links[k-1]
		pend := max(p.b, s.qs[p.q].j)
		start := min(l.a, s.qs[l.q].i)
		between := 0
		okJoin := true
		for m := pend; m < start; m++ {
			w := s.word(m)
			if w != "and" && w != "," {
				okJoin = false
				break
			}
			between++
		}
		if okJoin && between <= 2 && start >= pend {
			grp[k] = grp[k-1]
		}
	}
	// forward coordination and parts that precede their head
	for k := range links {
		if l := links[k]; l.head >= 0 {
			if h := findLink(links, l.head); h > k {
				grp[k] = grp[h]
			}
		}
	}
	return grp
}

// attachPriors finds the earlier figure of a rising toll and hangs it on
// the current one: "rose to 2,329 from 1,900", "rose from 1,900 to 2,329",
// "2,329, up from 1,900".
func (s *sentence) attachPriors() {
	for a := range s.qs {
		qa := &s.qs[a]
		if qa.consumed {
			continue
		}
		// X … from Y
		k := qa.j
		// allow the group noun between: "2,329 Palestinians, up from 1,900"
		for d := 0; d < 3 && k < len(s.toks); d++ {
			if _, ok := groups[s.word(k)]; ok {
				k++
				continue
			}
			if _, ok := demonyms[s.word(k)]; ok {
				k++
				continue
			}
			break
		}
		if s.isWord(k, ",") {
			k++
		}
		if s.isWord(k, "up") || s.isWord(k, "down") {
			k++
		}
		fromOK := s.isWord(k, "from") && (changeVerbs[s.word(qa.i-1)] || s.isWord(qa.i-1, "to") || s.isWord(k-1, "up") || s.isWord(k-1, "down"))
		if s.isWord(k, "compared") && (s.isWord(k+1, "with") || s.isWord(k+1, "to")) {
			fromOK = true
			k++
		}
		if fromOK {
			m := k + 1
			if s.isWord(m, "a") && (s.isWord(m+1, "previous") || s.isWord(m+1, "prior")) {
				m += 2
			} else if s.isWord(m, "an") && s.isWord(m+1, "earlier") {
				m += 2
			}
			if b := s.qty[min(m, len(s.toks)-1)]; b >= 0 && b != a && s.qs[b].i == m && !s.qs[b].consumed {
				s.qs[b].consumed = true
				qa.prior = &s.qs[b]
				continue
			}
		}
		// from Y to X (Y is qa here)
		if s.isWord(qa.i-1, "from") && s.changeVerbBefore(qa.i-1) && s.isWord(qa.j, "to") {
			if b := s.qty[min(qa.j+1, len(s.toks)-1)]; b >= 0 && b != a && s.qs[b].i == qa.j+1 {
				qa.consumed = true
				s.qs[b].prior = qa
			}
		}
	}
}

// link decides which quantities are claims, and of what.
func (s *sentence) link() []link {
	links := s.linkBuf[:0]
	n := len(s.qs)
	if cap(s.linkedBuf) < n {
		s.linkedBuf = make([]int, n)
		s.npBuf = make([]np, n)
	}
	linked, nps := s.linkedBuf[:n], s.npBuf[:n]
	defer func() { s.linkBuf = links[:0] }()
	for i := range linked {
		linked[i] = -1
	}
	for qi := range s.qs {
		nps[qi] = s.nounPhrase(&s.qs[qi])
	}
	add := func(l link) {
		linked[l.q] = len(links)
		links = append(links, l)
	}
	for qi := range s.qs {
		q := &s.qs[qi]
		if q.consumed {
			continue
		}
		p := nps[qi]
		if p.kind == npUnit {
			continue
		}
		if l, ok := s.linkNoun(qi, p); ok {
			add(l)
			continue
		}
		// a toll noun whose linking word stands right before the number
		// ("the cumulative toll is at least 35,800 Palestinians killed")
		// names the count better than the words after it
		if l, ok := s.linkToll(qi, p); ok {
			add(l)
			continue
		}
		if l, ok := s.linkPost(qi, p); ok {
			add(l)
			continue
		}
		if l, ok := s.linkPre(qi, p); ok {
			add(l)
			continue
		}
		if l, ok := s.linkBreakdown(qi, p, links); ok {
			add(l)
			continue
		}
	}
	// another source's figure for the same count: "…, while the army put
	// the number at 11"
	for qi := range s.qs {
		q := &s.qs[qi]
		if linked[qi] >= 0 || q.consumed || nps[qi].kind == npUnit || !s.isWord(q.i-1, "at") {
			continue
		}
		k := q.i - 2
		if !s.isWord(k, "number") && !s.isWord(k, "figure") && !s.isWord(k, "toll") {
			continue
		}
		if !s.isWord(k-1, "the") && !s.isWord(k-1, "its") && !s.isWord(k-1, "their") {
			continue
		}
		switch s.word(k - 2) {
		case "put", "puts", "putting", "placed", "places", "estimated", "estimates", "set", "sets":
		default:
			continue
		}
		if h := s.headBefore(k, links); h >= 0 {
			add(link{q: qi, cat: links[h].cat, who: links[h].who, how: byRestate, a: k - 1, b: q.j, trig: -1, head: links[h].q, placeMin: q.j})
		}
	}
	// restatements: "a few dozen people died, probably between 10 and 50"
	for qi := range s.qs {
		if linked[qi] >= 0 || s.qs[qi].consumed || nps[qi].kind == npUnit {
			continue
		}
		if l, ok := s.linkRestate(qi, nps[qi], links); ok {
			add(l)
		}
	}
	// coordination: "700 Israelis and 415 Palestinians were killed" and
	// "killed 12 soldiers and 30 civilians"
	for changed := true; changed; {
		changed = false
		for qi := range s.qs {
			if linked[qi] >= 0 || s.qs[qi].consumed || nps[qi].kind == npUnit {
				continue
			}
			if l, ok := s.linkCoord(qi, nps, linked, links); ok {
				add(l)
				changed = true
			}
		}
	}
	// drop what speculation, negation or lumping undoes
	kept := links[:0]
	for _, l := range links {
		if why := s.undone(l); why != "" {
			s.note(l.a, l.b, why)
			continue
		}
		kept = append(kept, l)
	}
	// figures near a casualty word that no rule read: say so rather than
	// drop them silently
	for qi := range s.qs {
		q := &s.qs[qi]
		if linked[qi] >= 0 || q.consumed {
			continue
		}
		if e := nps[qi].end; s.isWord(e-1, "casualties") || s.isWord(q.j, "casualties") {
			s.note(q.i, max(e, q.j+1), "casualties count the dead and the injured together: not filed")
			continue
		}
		if nps[qi].kind == npUnit {
			continue
		}
		for k := max(0, q.i-4); k < len(s.toks) && k < q.j+5; k++ {
			if s.flags[k]&(triggerTab.fFirst|tollTab.fLast) != 0 && (isTriggerWord(s, k) || s.isWord(k, "toll")) {
				msg := "a number near a casualty word that no rule reads as a claim"
				for m := max(0, q.i-6); m < len(s.toks) && m < q.j+8; m++ {
					if s.flags[m]&fSpec != 0 && !(s.word(m) == "may" && s.toks[m].upper) {
						msg = "a guess or a fear, not a reported figure"
						break
					}
				}
				s.note(q.i, q.j, msg)
				break
			}
		}
	}
	// the order of claims is text order
	sortLinks(kept, s)
	return kept
}

// note records a diagnostic over tokens [i, j).
func (s *sentence) note(i, j int, msg string) {
	if i < 0 || j > len(s.toks) || i >= j {
		return
	}
	s.diags = append(s.diags, Diagnostic{Start: s.toks[i].start, End: s.toks[j-1].end, Message: msg})
}

func sortLinks(ls []link, s *sentence) {
	for i := 1; i < len(ls); i++ {
		for j := i; j > 0 && s.qs[ls[j].q].i < s.qs[ls[j-1].q].i; j-- {
			ls[j], ls[j-1] = ls[j-1], ls[j]
		}
	}
}

// nounPhrase reads the group after a quantity: "700 Israelis", "hundreds
// of people", "12 more Israeli civilians", "five children", "3,000
// rockets" (a unit).
func (s *sentence) nounPhrase(q *quantity) np {
	k := q.j
	if s.isWord(k, "of") && (q.vague != "" || s.isWord(k-1, "dozen") || s.isWord(k-1, "million") || s.isWord(k-1, "thousand") || s.isWord(k-1, "hundred")) {
		k++
		if s.isWord(k, "the") {
			k++
		}
	}
	// partitives: "four of its medics", "three of the dead were teenagers"
	if s.isWord(k, "of") && q.vague == "" {
		m := k + 1
		switch s.word(m) {
		case "its", "their", "the", "his", "her", "our", "those":
			m++
		}
		if m > k+1 {
			if tr, n := lookup(s, triggerTab, m, 1); n > 0 && (tr.noun || tr.post) {
				who, e := "people", m+n
				if s.isWord(e, "were") || s.isWord(e, "was") || s.isWord(e, "are") || s.isWord(e, "is") {
					if g, gn := lookup(s, groupTab, e+1, 2); gn > 0 {
						who, e = g, e+1+gn
					} else if g, ok := demonyms[s.word(e+1)]; ok {
						who, e = g, e+2
					}
				}
				return np{kind: npCasualty, who: who, trig: tr, end: e}
			}
			for modifiers[s.word(m)] || isDemonymAdj(s.word(m)) {
				m++
			}
			if g, gn := lookup(s, groupTab, m, 2); gn > 0 {
				return np{kind: npPerson, who: g, end: m + gn}
			}
		}
	}
	start := k
	var modGroup string
	for d := 0; d < 4 && k < len(s.toks); d++ {
		t := s.toks[k]
		if t.kind != tWord {
			if t.kind == tPunct && t.text == "-" {
				break
			}
			break
		}
		// multi-word group nouns and casualty nouns first
		if g, n := lookup(s, groupTab, k, 2); n > 0 {
			// a noun used as a modifier: "police officers", "aid workers"
			who := g
			end := k + n
			if g2, n2 := lookup(s, groupTab, end, 2); n2 > 0 && n == 1 && modifierNoun(t.lower) {
				who, end = g2, end+n2
			}
			// a casualty noun after the group: "civilian deaths" is handled
			// below; "people killed" is post
			if tr, n3 := lookup(s, triggerTab, end, 1); n3 > 0 && tr.noun && !tr.post && !tr.pre {
				return np{kind: npCasualty, who: who, trig: tr, end: end + n3}
			}
			// coordinated groups: "women and children", "Israelis and
			// foreign nationals"
			if s.isWord(end, "and") {
				m := end + 1
				for modifiers[s.word(m)] || isDemonymAdj(s.word(m)) {
					m++
				}
				g2, n2 := lookup(s, groupTab, m, 2)
				if n2 == 0 {
					if d, ok := demonyms[s.word(m)]; ok && !isDemonymAdj(s.word(m)) {
						g2, n2 = d, 1
					}
				}
				if n2 > 0 {
					return np{kind: npPerson, who: joinGroups(who, g2), end: m + n2}
				}
			}
			return np{kind: npPerson, who: who, end: end}
		}
		if tr, n := lookup(s, triggerTab, k, 2); n > 0 && tr.noun {
			who := tr.who
			if modGroup != "" {
				who = modGroup
			}
			// "12 injured people": a participle used as an adjective
			if tr.post {
				if g, n2 := lookup(s, groupTab, k+n, 2); n2 > 0 {
					return np{kind: npCasualty, who: g, trig: tr, end: k + n + n2}
				}
				if g, ok := demonyms[s.word(k+n)]; ok && strings.HasSuffix(s.word(k+n), "s") {
					return np{kind: npCasualty, who: g, trig: tr, end: k + n + 1}
				}
				// "13 killed", "12 dead": post, no noun
				return np{kind: npNone, end: k}
			}
			return np{kind: npCasualty, who: who, trig: tr, end: k + n}
		}
		if g, ok := demonyms[t.lower]; ok {
			// noun ("700 Israelis") or adjective ("Israeli soldiers")
			if g2, n := lookup(s, groupTab, k+1, 2); n > 0 {
				return np{kind: npPerson, who: g2, end: k + 1 + n}
			}
			if tr, n := lookup(s, triggerTab, k+1, 1); n > 0 && tr.noun && !tr.post {
				return np{kind: npCasualty, who: g, trig: tr, end: k + 1 + n}
			}
			if modifiers[s.word(k+1)] || isDemonymAdj(s.word(k+1)) {
				modGroup = g
				k++
				continue
			}
			if s.isWord(k+1, "and") {
				m := k + 2
				for modifiers[s.word(m)] || isDemonymAdj(s.word(m)) {
					m++
				}
				if g2, n2 := lookup(s, groupTab, m, 2); n2 > 0 {
					return np{kind: npPerson, who: joinGroups(g, g2), end: m + n2}
				}
				if d, ok := demonyms[s.word(m)]; ok && !isDemonymAdj(s.word(m)) {
					return np{kind: npPerson, who: joinGroups(g, d), end: m + 1}
				}
			}
			return np{kind: npPerson, who: g, end: k + 1}
		}
		if mg, ok := nounModifierGroups[t.lower]; ok {
			if tr, n := lookup(s, triggerTab, k+1, 1); n > 0 && tr.noun && !tr.post {
				return np{kind: npCasualty, who: mg, trig: tr, end: k + 1 + n}
			}
		}
		if modifiers[t.lower] && k+1 < len(s.toks) && s.toks[k+1].kind == tWord {
			if t.lower == "more" && (s.isWord(k+1, "than") || funcWords[s.word(k+1)] || isTriggerWord(s, k+1) && !isNounTrigger(s, k+1)) {
				break
			}
			k++
			continue
		}
		if t.upper && k > start-1 && k+1 < len(s.toks) && s.toks[k+1].kind == tWord {
			// a capitalised modifier before a group: "Hamas fighters",
			// "UNRWA staff", "Thai nationals", "Rohingya refugees"
			if _, n := lookup(s, groupTab, k+1, 2); n > 0 {
				k++
				continue
			}
			if tr, n := lookup(s, triggerTab, k+1, 1); n > 0 && tr.noun {
				k++
				continue
			}
		}
		if funcWords[t.lower] || isTriggerWord(s, k) || t.upper {
			break
		}
		if strings.HasSuffix(t.lower, "ly") || strings.HasSuffix(t.lower, "ed") || strings.HasSuffix(t.lower, "ing") {
			break
		}
		if _, ok := weekdays[t.lower]; ok {
			break
		}
		if _, ok := months[t.lower]; ok {
			break
		}
		return np{kind: npUnit, end: k + 1}
	}
	if modGroup != "" {
		return np{kind: npPerson, who: modGroup, end: k}
	}
	return np{kind: npNone, end: q.j}
}

// joinGroups names two coordinated groups: "women and children" is a
// group reports keep; any other mix counts people.
func joinGroups(a, b string) string {
	switch {
	case a == b:
		return a
	case a == "women" && b == "children" || a == "children" && b == "women":
		return "women and children"
	}
	return "people"
}

func modifierNoun(w string) bool {
	switch w {
	case "police", "aid", "health", "medical", "rescue", "media", "family", "staff", "security":
		return true
	}
	return false
}

func isDemonymAdj(w string) bool {
	g, ok := demonyms[w]
	return ok && g != w
}

// isNounTrigger reports a casualty noun that counts on its own: "bodies",
// "deaths", "hostages".
func isNounTrigger(s *sentence, k int) bool {
	tr, n := lookup(s, triggerTab, k, 1)
	return n > 0 && tr.noun && !tr.post && !tr.pre
}

func isTriggerWord(s *sentence, k int) bool {
	_, n := lookup(s, triggerTab, k, 3)
	return n > 0
}

// linkNoun: "12 deaths", "203 hostages", "1.4 million refugees".
func (s *sentence) linkNoun(qi int, p np) (link, bool) {
	if p.kind != npCasualty {
		return link{}, false
	}
	q := &s.qs[qi]
	who := p.who
	if who == "" {
		who = "people"
	}
	cat := p.trig.cat
	// "almost 50 hostages killed", "15 detainees died in custody": the
	// verb after the noun says what happened to them
	k := p.end
	for d := 0; d < 4 && k < len(s.toks) && postSkip[s.word(k)]; d++ {
		k++
	}
	if tr, n := lookup(s, triggerTab, k, 3); n > 0 && tr.post && tr.cat != cat && tr.cat == Killed {
		return link{q: qi, cat: tr.cat, who: who, how: byNoun, a: q.i, b: k + n, trig: k, head: -1, placeMin: k + n, period: q.increment}, true
	}
	return link{q: qi, cat: cat, who: who, how: byNoun, a: q.i, b: p.end, trig: p.end - 1, head: -1, placeMin: p.end, period: q.increment}, true
}

// linkPost: the casualty word follows the group: "700 Israelis have been
// killed", "13 killed", "took hundreds of people hostage".
func (s *sentence) linkPost(qi int, p np) (link, bool) {
	q := &s.qs[qi]
	k := p.end
	if p.kind == npNone {
		k = q.j
		if s.isWord(k, "others") || s.isWord(k, "other") && s.isWord(k+1, "people") {
			k++
			if s.isWord(k, "people") {
				k++
			}
			p.who = "people"
		}
	}
	// "12 more" was marked as an increment; skip the word
	if s.isWord(k, "more") {
		k++
	}
	// "at least nine of them were killed": a partitive before the verb;
	// other "of" phrases belong to breakdowns
	if s.isWord(k, "of") {
		if (s.isWord(k+1, "them") || s.isWord(k+1, "those") || s.isWord(k+1, "whom")) && p.kind == npNone {
			k += 2
		} else {
			return link{}, false
		}
	}
	start := k
	// ", including 55 children," between the group and its verb
	skipFrom, skipTo := -1, -1
	if s.isWord(k, ",") {
		if _, n := lookup(s, breakdownTab, k+1, 2); n > 0 {
			for m := k + 1; m < len(s.toks) && m < k+12; m++ {
				if s.word(m) == "," {
					skipFrom, skipTo = k, m+1
					k = m + 1
					break
				}
				if s.word(m) == ";" || s.word(m) == "." {
					break
				}
			}
		}
	}
	// a place or an organisation between the group and its verb: "1.7
	// million people in Gaza have been displaced", "seven aid workers from
	// World Central Kitchen were killed"
	if (placePreps[s.word(k)] || s.isWord(k, "from") || s.isWord(k, "of")) && p.kind != npNone {
		if pl, ok := s.placeAt(k); ok && pl.j-k <= 6 {
			k = pl.j
		} else if m := s.properRun(k + 1); m > k+1 && m-k <= 7 {
			k = m
		}
	}
	// an appositive: "up to 1.9 million people, or over 85 per cent of
	// the population, have been displaced"; "About 240 people, Israelis
	// and foreign nationals, are held captive"
	if skipFrom < 0 && s.isWord(k, ",") && p.kind != npNone {
		for m := k + 1; m < len(s.toks) && m < k+14; m++ {
			w := s.word(m)
			if w == ";" || w == "." || s.flags[m]&(fAttr|fClause) != 0 || isTriggerWord(s, m) {
				break
			}
			if w == "," {
				if nw := s.word(m + 1); postSkip[nw] || isTriggerWord(s, m+1) {
					skipFrom, skipTo = k, m+1
					k = m + 1
				}
				break
			}
		}
	}
	for d := 0; d < 8 && k < len(s.toks); d++ {
		w := s.word(k)
		// "were among those killed", "are among the dead"
		if w == "among" && (s.isWord(k+1, "those") || s.isWord(k+1, "the")) {
			k += 2
			continue
		}
		if tr, n := lookup(s, triggerTab, k, 4); n > 0 && tr.post {
			// a pre-only reading of the same word ("killed 12") belongs to
			// the next number: "13 killed 12 injured" is not English.
			if n == 1 && !tr.post {
				break
			}
			who, bare := p.who, p.who == ""
			if bare {
				who = "people"
			}
			if skipFrom >= 0 {
				if s.qtyBetween(start, skipFrom) || s.qtyBetween(skipTo, k) {
					return link{}, false
				}
			} else if s.qtyBetween(start, k) {
				return link{}, false
			}
			// "almost 50 hostages killed": the noun is the group, the
			// verb after it what happened to them
			if tr.noun && tr.cat != Killed {
				m := k + n
				for d := 0; d < 4 && m < len(s.toks) && postSkip[s.word(m)]; d++ {
					m++
				}
				if tr2, n2 := lookup(s, triggerTab, m, 3); n2 > 0 && tr2.post && tr2.cat == Killed {
					tr, k, n = tr2, m, n2
				}
			}
			return link{q: qi, cat: tr.cat, who: who, how: byPost, a: q.i, b: k + n, trig: k, head: -1, placeMin: k + n, period: q.increment, bare: bare}, true
		}
		if !postSkip[w] && !(strings.HasSuffix(w, "ly") && s.toks[k].kind == tWord && !s.toks[k].upper) {
			break
		}
		k++
	}
	return link{}, false
}

// properRun returns the end of a run of capitalised words (a name such as
// "World Central Kitchen") starting at i, after an optional "the"; i when
// there is none.
func (s *sentence) properRun(i int) int {
	k := i
	if s.isWord(k, "the") {
		k++
	}
	m := k
	for m < len(s.toks) && s.toks[m].kind == tWord && (s.toks[m].upper || s.isWord(m, "of") && m+1 < len(s.toks) && s.toks[m+1].upper) {
		m++
	}
	if m == k {
		return i
	}
	return m
}

// qtyBetween reports a live quantity among tokens [i, j).
func (s *sentence) qtyBetween(i, j int) bool {
	for k := i; k < j && k < len(s.toks); k++ {
		if x := s.qty[k]; x >= 0 && !s.qs[x].consumed {
			return true
		}
	}
	return false
}

// linkPre: an active casualty verb before the number: "killing 12",
// "wounded at least 19 others", "claimed the lives of 12".
func (s *sentence) linkPre(qi int, p np) (link, bool) {
	q := &s.qs[qi]
	k := q.i - 1
	for k >= 0 && preSkip[s.word(k)] {
		k--
	}
	if k < 0 {
		return link{}, false
	}
	tr, n := lookupEnding(s, triggerTab, k+1, 4)
	if n == 0 || !tr.pre {
		return link{}, false
	}
	who := p.who
	if who == "" {
		who = "people"
	}
	end := q.j
	if p.kind == npPerson {
		end = p.end
	}
	// "took 240 people hostage" is post; "holding 240 hostages" noun.
	return link{q: qi, cat: tr.cat, who: who, how: byPre, a: k + 1 - n, b: end, trig: k + 1 - n, head: -1, placeMin: end, period: q.increment}, true
}

// linkToll: a toll noun before the number: "the death toll rose to 2,329",
// "death toll of 1,100", "Gaza death toll tops 10,000", "the number of
// children killed has risen to 3,000", "the number of martyrs resulting
// from the aggression since 7 October has risen to 7,028".
//
// The number must follow a linking word ("to", "at", "of", ":", "reached",
// "stands at", a verb qualifier such as "tops"); the toll noun may stand
// up to sixteen words before it in the same clause, with no other figure
// and no other toll noun between.
func (s *sentence) linkToll(qi int, p np) (link, bool) {
	q := &s.qs[qi]
	near := q.qualIsVerb || q.increment
	k := q.i - 1
	// "rose by 100": an increment through the toll
	byWord := false
	if s.isWord(k, "by") && changeVerbs[s.word(k-1)] {
		byWord, near = true, true
	}
	if !near {
		switch w := s.word(k); {
		case tollNearLinkers[w], changeVerbs[w] && w != "up" && w != "down":
			near = true
		}
		// "death toll above 500,000": a qualified number right after
		// the toll noun
		if _, n := lookupEnding(s, tollTab, k+1, 3); n > 0 && q.hasQual {
			near = true
		}
	}
	if !near {
		return link{}, false
	}
	for d := 0; d < 26 && k >= 0; d++ {
		if cat, n := lookupEnding(s, tollTab, k+1, 5); n > 0 {
			tollStart := k + 1 - n
			if n == 1 && s.isWord(k, "toll") && !tollContext(s, tollStart) {
				return link{}, false
			}
			who := s.tollGroup(tollStart, k+1)
			if p.kind == npPerson {
				who = p.who
			}
			if who == "" {
				who = "people"
			}
			end := q.j
			if p.kind == npPerson {
				end = p.end
			}
			period := q.increment || byWord
			return link{q: qi, cat: cat, who: who, how: byToll, a: tollStart, b: end, trig: tollStart, head: -1, placeMin: tollStart, toll: !period, period: period}, true
		}
		// "the number of Palestinians killed …", "the number of people
		// held hostage in Gaza", "the number of confirmed deaths"
		if s.isWord(k, "number") && s.isWord(k+1, "of") {
			if cat, who, ok := s.numberOfPhrase(k+2, q.i); ok {
				start := k
				if s.isWord(k-1, "the") {
					start--
				}
				return link{q: qi, cat: cat, who: who, how: byToll, a: start, b: q.j, trig: k, head: -1, placeMin: k + 2, toll: !byWord, period: byWord}, true
			}
		}
		// "the wounded now number 10,859", "the dead total 300"
		if (s.isWord(k, "dead") || s.isWord(k, "wounded") || s.isWord(k, "injured") || s.isWord(k, "missing") || s.isWord(k, "displaced") || s.isWord(k, "detained")) && (s.isWord(k-1, "the") || k == 0) && countVerbs[s.word(q.i-1)] {
			if tr, n := lookup(s, triggerTab, k, 1); n > 0 {
				return link{q: qi, cat: tr.cat, who: "people", how: byToll, a: max(k-1, 0), b: q.j, trig: k, head: -1, placeMin: k + 1, toll: true}, true
			}
		}
		w := s.word(k)
		switch {
		case w == ";" || w == "." || w == "?" || w == "!":
			return link{}, false
		case s.qty[k] >= 0 && s.isWord(s.qs[s.qty[k]].i-1, "by") && s.qs[s.qty[k]].j <= q.i:
			// "rose by 12 overnight to 1,512": step over the increment
			k = s.qs[s.qty[k]].i - 1
			continue
		case s.qty[k] >= 0 && !s.qs[s.qty[k]].consumed:
			return link{}, false
		case s.toks[k].kind == tNum && !s.excluded[k] && s.qty[k] < 0:
			return link{}, false
		case w == "said" || w == "says" || w == "say" || w == "told" || w == "tells" || w == "announced" || w == "announces":
			// "the ministry said 12 …": a clause boundary
			return link{}, false
		case w == "casualties" || w == "casualty":
			// "the death toll …, saying that the casualties swelled to
			// 15,207": the nearer noun lumps the dead and the injured
			return link{}, false
		}
		k--
	}
	return link{}, false
}

// countVerbs make a casualty adjective the subject of a count: "the
// wounded now number 10,859", "the dead total 300".
var countVerbs = map[string]bool{
	"number": true, "numbered": true, "total": true, "totalled": true, "totaled": true,
	"totals": true, "reached": true, "reach": true, "stood": true, "stand": true,
	"stands": true, "exceeded": true, "exceed": true, "topped": true, "top": true,
}

// tollNearLinkers may stand right before a toll's number.
var tollNearLinkers = map[string]bool{
	"to": true, "at": true, "of": true, ":": true, "reached": true, "reaches": true,
	"reach": true, "reaching": true, "hit": true, "hits": true, "hitting": true,
	"is": true, "was": true, "are": true, "were": true, "now": true, "stood": true,
	"stands": true, "crossed": true, "crosses": true, "-": true, "–": true, "—": true,
	"includes": false, "touched": true, "totalled": true, "totaled": true, "totals": true,
	"number": true, "numbered": true, "total": true, "remained": true, "remains": true,
	"remain": true, "stand": true, "stayed": true,
}

// numberOfPhrase reads what "the number of …" counts, from token i up to
// the number at j: a casualty word names the category ("people held
// hostage", "confirmed deaths", "foreigners among the dead"), a group word
// the group. The phrase must name a casualty within eight words.
func (s *sentence) numberOfPhrase(i, j int) (Category, string, bool) {
	who := "people"
	for k := i; k < j && k < i+8; k++ {
		if tr, n := lookup(s, triggerTab, k, 3); n > 0 {
			return tr.cat, who, true
		}
		if g, n := lookup(s, groupTab, k, 2); n > 0 {
			who = g
			k += n - 1
			continue
		}
		if g, ok := demonyms[s.word(k)]; ok {
			if !isDemonymAdj(s.word(k)) || who == "people" {
				who = g
			}
			continue
		}
		if tollLinkers[s.word(k)] && !s.isWord(k, "in") && !s.isWord(k, "the") && !s.isWord(k, "of") {
			break
		}
	}
	return "", "", false
}

// tollContext reports whether a bare "toll" is a casualty count. It is,
// unless it is the idiom "take a heavy toll" or an economic toll.
func tollContext(s *sentence, i int) bool {
	switch s.word(i - 1) {
	case "heavy", "terrible", "psychological", "emotional", "economic", "mental", "financial", "road", "bridge":
		return false
	}
	return true
}

// tollGroup reads the group named before a toll noun: "the Palestinian
// death toll" counts palestinians.
func (s *sentence) tollGroup(i, j int) string {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		w := s.word(k)
		if g, ok := demonyms[w]; ok {
			return g
		}
		if g, ok := nounModifierGroups[w]; ok {
			return g
		}
		if w == "the" || w == "'s" {
			break
		}
	}
	// "number of Palestinians killed": handled in numberOfGroup
	return ""
}

// numberOfGroup reads "the number of <group> <verb>" ending at token k
// (the verb): "the number of Palestinians killed", "number of children
// killed in Gaza".
func (s *sentence) numberOfGroup(k int) (Category, string, int, bool) {
	tr, n := lookup(s, triggerTab, k, 1)
	if n == 0 {
		return "", "", 0, false
	}
	m := k - 1
	who := "people"
	for m >= 0 && k-m <= 4 {
		w := s.word(m)
		if w == "of" && s.isWord(m-1, "number") {
			start := m - 1
			if s.isWord(start-1, "the") {
				start--
			}
			return tr.cat, who, start, true
		}
		if g, ok := groups[w]; ok {
			who = g
		} else if g, ok := demonyms[w]; ok {
			if who == "people" {
				who = g
			}
		} else if !modifiers[w] {
			return "", "", 0, false
		}
		m--
	}
	return "", "", 0, false
}

// linkBreakdown: a part of a total: "…, including five children", "among
// the dead were 20 women", "of whom 12 were children", "five of them
// children".
func (s *sentence) linkBreakdown(qi int, p np, links []link) (link, bool) {
	q := &s.qs[qi]
	// marker before: "including 5 children", "among them 3 women", "of
	// whom 12 were children"
	k := q.i - 1
	if s.isWord(k, ",") {
		k--
	}
	// "Of the 1,200 killed, 800 were civilians", "Of the 34,622 people
	// killed in Gaza, 24,686 have been identified"
	if s.isWord(q.i-1, ",") {
		if h := s.headBefore(q.i, links); h >= 0 {
			hl := links[h]
			hs := min(hl.a, s.qs[hl.q].i)
			he := max(hl.b, s.qs[hl.q].j)
			if s.isWord(hs-1, "the") && s.isWord(hs-2, "of") && (he == q.i-1 || he < q.i-1 && placePreps[s.word(he)] && !s.qtyBetween(he, q.i) && !s.clauseBreakBetween(he, q.i-1)) {
				who, end, ok := hl.who, q.j, false
				switch {
				case s.isWord(q.j, "were") || s.isWord(q.j, "are"):
					// "800 were civilians"
					if g, gn := lookup(s, groupTab, q.j+1, 2); gn > 0 {
						who, end, ok = g, q.j+1+gn, true
					} else {
						ok = strings.HasSuffix(s.word(q.j+1), "ed")
					}
				case s.isWord(q.j, "have") || s.isWord(q.j, "has") || s.isWord(q.j, "had") || s.isWord(q.j, "remain"):
					// "24,686 have been identified", "281 remain unidentified"
					ok = true
				}
				if ok {
					return link{q: qi, cat: hl.cat, who: who, how: byBreakdown, a: q.i, b: end, trig: -1, head: hl.q, placeMin: end}, true
				}
			}
		}
	}
	// a list after a colon: "24,686 have been identified: 7,797 children,
	// 4,959 women …"
	if s.isWord(q.i-1, ":") && p.kind == npPerson {
		for h := len(links) - 1; h >= 0; h-- {
			if !s.qtyBetween(s.qs[links[h].q].j, q.i-1) && s.qs[links[h].q].j <= q.i {
				return link{q: qi, cat: links[h].cat, who: p.who, how: byBreakdown, a: q.i, b: p.end, trig: -1, head: links[h].q, placeMin: p.end}, true
			}
		}
	}
	// "among the dead were 12 children", "the victims included"
	for s.isWord(k, "were") || s.isWord(k, "are") || s.isWord(k, "was") || s.isWord(k, "is") {
		k--
	}
	bw, n := lookupEnding(s, breakdownTab, k+1, 4)
	if n == 0 || !bw {
		// "five of them children", "12 of them women"
		if s.isWord(q.j, "of") && (s.isWord(q.j+1, "them") || s.isWord(q.j+1, "whom") || s.isWord(q.j+1, "those")) {
			m := q.j + 2
			if s.isWord(m, "were") || s.isWord(m, "are") || s.isWord(m, "being") {
				m++
			}
			if g, gn := lookup(s, groupTab, m, 2); gn > 0 {
				if h := s.headBefore(q.i, links); h >= 0 {
					return link{q: qi, cat: links[h].cat, who: g, how: byBreakdown, a: q.i, b: m + gn, trig: -1, head: links[h].q, placeMin: m + gn}, true
				}
			}
			// "1,404 of them critically", "119 of them in the past 24
			// hours": a part of the same group
			if _, isDemonym := demonyms[s.word(m)]; !isDemonym {
				if h := s.headBefore(q.i, links); h >= 0 {
					return link{q: qi, cat: links[h].cat, who: links[h].who, how: byBreakdown, a: q.i, b: q.j + 2, trig: -1, head: links[h].q, placeMin: q.j + 2}, true
				}
			}
			if g, ok := demonyms[s.word(m)]; ok {
				if h := s.headBefore(q.i, links); h >= 0 {
					return link{q: qi, cat: links[h].cat, who: g, how: byBreakdown, a: q.i, b: m + 1, trig: -1, head: links[h].q, placeMin: m + 1}, true
				}
			}
		}
		return link{}, false
	}
	markerStart := k + 1 - n
	marker, _ := s.phrase(markerStart, n)
	// the category: the marker may name it ("among the dead"), else the
	// total it breaks down
	cat := Category("")
	switch {
	case strings.Contains(marker, "dead") || strings.Contains(marker, "killed") || strings.Contains(marker, "victims"):
		cat = Killed
	case strings.Contains(marker, "injured") || strings.Contains(marker, "wounded"):
		cat = Injured
	case strings.Contains(marker, "hostages") || strings.Contains(marker, "taken"):
		cat = Hostage
	}
	head := s.headBefore(markerStart, links)
	if cat == "" && head < 0 {
		// "The dead include 12 children", "those killed included"
		if v, ok := s.subjectCategory(markerStart); ok {
			cat = v
		} else {
			return link{}, false
		}
	}
	if cat == "" {
		cat = links[head].cat
	}
	who, end := p.who, p.end
	if p.kind != npPerson {
		// "of whom 12 were children"
		m := q.j
		if s.isWord(m, "were") || s.isWord(m, "are") || s.isWord(m, "was") {
			m++
		}
		if g, gn := lookup(s, groupTab, m, 2); gn > 0 {
			who, end = g, m+gn
		} else if g, ok := demonyms[s.word(m)]; ok {
			who, end = g, m+1
		} else if head >= 0 && p.kind == npNone {
			// "392 soldiers …, including 71 since the ground operation began"
			who, end = links[head].who, q.j
		} else {
			return link{}, false
		}
	}
	// "among them" after a non-casualty total ("200 buildings, including
	// 12 schools") never reaches here: the head must be a claim.
	if head >= 0 && links[head].cat != cat && !strings.Contains(marker, "among") {
		cat = links[head].cat
	}
	headQ := -1
	if head >= 0 {
		headQ = links[head].q
	}
	return link{q: qi, cat: cat, who: who, how: byBreakdown, a: markerStart, b: end, trig: -1, head: headQ, placeMin: end}, true
}

// headBefore returns the last link whose quantity ends before token k,
// within the sentence, or -1.
func (s *sentence) headBefore(k int, links []link) int {
	best := -1
	for i, l := range links {
		if s.qs[l.q].j <= k && (best < 0 || s.qs[l.q].i > s.qs[links[best].q].i) {
			best = i
		}
	}
	return best
}

// subjectCategory reads "the dead include", "those killed included", "the
// victims include" before a breakdown marker at k.
func (s *sentence) subjectCategory(k int) (Category, bool) {
	for m := k - 1; m >= 0 && m >= k-3; m-- {
		w := s.word(m)
		switch w {
		case "dead", "killed", "victims", "fatalities", "deaths":
			return Killed, true
		case "injured", "wounded", "injuries":
			return Injured, true
		case "hostages", "captives", "abductees":
			return Hostage, true
		case "missing":
			return Missing, true
		case "detainees", "detained", "arrested":
			return Arrested, true
		}
	}
	return "", false
}

// restateHedges may stand between a figure and its restatement.
var restateHedges = map[string]bool{
	"probably": true, "possibly": true, "perhaps": true, "likely": true,
	"maybe": true, "or": true, "roughly": false, "most": true, "likely.": true,
}

// linkRestate: a second figure for the same count, set off by a comma:
// "a few dozen people died, probably between 10 and 50". It shares the
// first figure's category and group; the hedge word is kept in the span.
func (s *sentence) linkRestate(qi int, p np, links []link) (link, bool) {
	q := &s.qs[qi]
	k := q.i - 1
	for k >= 0 && restateHedges[s.word(k)] {
		k--
	}
	if !s.isWord(k, ",") || p.kind == npCasualty {
		return link{}, false
	}
	if p.kind == npNone && q.j < len(s.toks) && !(s.word(q.j) == "." || s.word(q.j) == "," || s.word(q.j) == ";" || s.word(q.j) == ")") {
		return link{}, false
	}
	for _, l := range links {
		end := max(l.b, s.qs[l.q].j)
		// a phrase of place or time may close the first figure's clause:
		// "died at the hospital, probably between 10 and 50"
		if end < k && end+6 >= k && (placePreps[s.word(end)] || s.flags[end]&fDate != 0) && !s.qtyBetween(end, k) && !s.clauseBreakBetween(end, k) {
			end = k
		}
		if end == k && l.how != byBreakdown {
			who := l.who
			if p.kind == npPerson {
				who = p.who
			}
			return link{q: qi, cat: l.cat, who: who, how: byRestate, a: k + 1, b: max(q.j, p.end), trig: -1, head: l.q, placeMin: max(q.j, p.end)}, true
		}
	}
	return link{}, false
}

// linkCoord: a quantity joined by "and" or a comma to a linked one shares
// its casualty word: "700 Israelis and 415 Palestinians were killed",
// "killed 12 soldiers and 30 civilians", "including 20 children and 11
// women".
func (s *sentence) linkCoord(qi int, nps []np, linked []int, links []link) (link, bool) {
	q := &s.qs[qi]
	p := nps[qi]
	if p.kind != npPerson && p.kind != npNone {
		return link{}, false
	}
	// backward: … q1 [group] (and|,) q2 where q1 is linked by pre,
	// breakdown or coordination
	k := q.i - 1
	if s.isWord(k, "and") {
		k--
	}
	if s.isWord(k, ",") {
		k--
	}
	for x := range s.qs {
		if k == q.i-1 {
			break
		}
		if linked[x] < 0 {
			continue
		}
		l := links[linked[x]]
		end := l.b
		if end-1 == k && (l.how == byPre || l.how == byBreakdown || l.how == byCoord || l.how == byNoun && s.qs[l.q].j == l.b) {
			who := p.who
			if who == "" {
				if l.how == byBreakdown {
					return link{}, false
				}
				who = "people"
			}
			head, how := l.q, byCoord
			if l.how == byBreakdown || l.how == byCoord && l.part {
				head = l.head
			}
			return link{q: qi, cat: l.cat, who: who, how: how, part: l.how == byBreakdown || l.part, a: q.i, b: max(p.end, q.j), trig: l.trig, head: head, placeMin: max(p.end, q.j)}, true
		}
	}
	// forward: q1 [group] and q2 … where q2 is linked by post
	k = p.end
	if p.kind == npNone {
		k = q.j
	}
	if !s.isWord(k, "and") {
		return link{}, false
	}
	k++
	if k > p.end && k < len(s.toks) {
		if x := s.qty[k]; x >= 0 && s.qs[x].i == k && linked[x] >= 0 && p.kind == npPerson {
			l := links[linked[x]]
			if l.how == byPost || l.how == byCoord && s.qs[l.q].i > q.i {
				return link{q: qi, cat: l.cat, who: p.who, how: byCoord, a: q.i, b: p.end, trig: l.trig, head: x, placeMin: l.placeMin}, true
			}
		}
	}
	return link{}, false
}

// undone returns why a clause undoes a link, or "" when it stands: speculation ("could rise
// to"), negation ("none of the 12"), or two categories lumped on one
// figure ("12 killed or wounded").
func (s *sentence) undone(l link) string {
	q := s.qs[l.q]
	lo, hi := min(l.a, q.i), max(l.b, q.j)
	if l.trig >= 0 {
		lo, hi = min(lo, l.trig), max(hi, l.trig+1)
	}
	// speculation anywhere from a few words before to the end of the phrase
	from := lo - 6
	for k := lo - 1; k >= 0 && k >= lo-6; k-- {
		if w := s.word(k); w == ";" || w == "." || w == "but" || w == "while" {
			from = k + 1
			break
		}
		if s.word(k) == "," && l.how != byToll {
			from = k + 1
			break
		}
	}
	if from < 0 {
		from = 0
	}
	for k := from; k < hi && k < len(s.toks); k++ {
		if k >= q.i && k < q.j {
			continue // the qualifier itself ("no fewer than")
		}
		if l.how == byRestate && k >= l.a && k < q.i {
			continue // the restatement's hedge ("probably")
		}
		w := s.word(k)
		if s.flags[k]&fSpec != 0 {
			if w == "may" && (s.toks[k].upper || k+1 < len(s.toks) && s.toks[k+1].kind == tNum) {
				continue // the month
			}
			if s.toks[k].upper && k > 0 {
				continue // a name: "the Disaster Risk Reduction Council"
			}
			return "a guess or a fear, not a reported figure"
		}
		if s.flags[k]&fNeg != 0 && k < q.i {
			if w == "no" && s.isWord(k+1, "fewer") || w == "no" && s.isWord(k+1, "less") || w == "no" && s.isWord(k+1, "more") {
				continue
			}
			if w == "not" && (s.isWord(k+1, "less") || s.isWord(k+1, "fewer") || s.isWord(k+1, "more")) {
				continue
			}
			return "negated"
		}
	}
	// "feared dead", "presumed dead" after the phrase
	if s.isWord(hi, "feared") || s.isWord(hi-2, "feared") || s.isWord(l.trig-1, "feared") {
		return "feared, not confirmed"
	}
	// lumped categories: "killed or wounded", "dead and injured", unless
	// the second word has its own number ("killed 13 and wounded 19").
	if l.trig >= 0 && (l.how == byPost || l.how == byPre) {
		_, tn := lookup(s, triggerTab, l.trig, 4)
		after := l.trig + tn
		if s.isWord(after, "or") || s.isWord(after, "and") || s.isWord(after, "and/or") || s.isWord(after, "/") {
			if tr2, n2 := lookup(s, triggerTab, after+1, 3); n2 > 0 && tr2.cat != l.catOf() {
				next := after + 1 + n2
				if l.how == byPost {
					if x := s.qty[min(next, len(s.toks)-1)]; !(x >= 0 && s.qs[x].i == next) {
						return "two categories lumped on one figure"
					}
				} else if l.how == byPre {
					return "two categories lumped on one figure"
				}
			}
		}
		if l.how == byPre {
			before := l.trig - 1
			if s.isWord(before, "or") || s.isWord(before, "and") || s.isWord(before, "and/or") || s.isWord(before, "/") {
				if tr0, n0 := lookupEnding(s, triggerTab, before, 3); n0 > 0 && tr0.cat != l.cat && tr0.pre {
					return "two categories lumped on one figure"
				}
			}
		}
	}
	// armies cross borders too: only civilians are displaced
	if l.cat == Displaced {
		switch l.who {
		case "soldiers", "fighters", "militants", "police officers":
			return "armed forces moving, not people displaced"
		}
	}
	// released hostages and prisoners are no longer held: "13 hostages
	// were released", "the release of 50 hostages"
	if l.cat == Hostage || l.cat == Arrested {
		for k := max(0, lo-3); k < len(s.toks) && k < hi+16; k++ {
			w := s.word(k)
			if s.flags[k]&fRelease != 0 {
				return "people released, not people held"
			}
			if k >= hi && (w == ";" || w == "." || s.flags[k]&fClause != 0) {
				break
			}
		}
	}
	return ""
}

// clauseWords open a new clause: a place or a release after one of them
// is not the figure's.
var clauseWords = map[string]bool{
	"as": true, "while": true, "whereas": true, "but": true,
	"although": true, "though": true, "because": true, "which": true,
	"who": true, "whom": true, "whose": true, "ahead": true, "despite": true,
	"said": true, "says": true, "say": true, "told": true, "after": false,
	"amid": true, "where": true, "since": false,
}

// releaseWords near a hostage or detainee figure make it a count of
// people set free, which is not a count of people held.
var releaseWords = map[string]bool{
	"released": true, "release": true, "releasing": true, "freed": true, "free": true,
	"freeing": true, "returned": true, "rescued": true, "exchanged": true,
	"swapped": true, "handed": true, "swap": true, "exchange": true, "liberated": true,
}

func (l link) catOf() Category { return l.cat }

// claimOf turns a link into a Claim: its interval, group, place, source
// and time.
func (s *sentence) claimOf(links []link, k int, grp []int, places []place, attrs []attribution, times []timeExpr) (Claim, bool) {
	l := links[k]
	q := s.qs[l.q]
	c := Claim{Category: l.cat, Who: l.who, Qualifier: q.q, Vague: q.vague}
	c.Interval = q.interval()
	if q.isRange {
		c.Qualifier = Range
	}
	a, b := l.a, l.b
	if q.i < a {
		a = q.i
	}
	if q.j > b {
		b = q.j
	}
	c.Start, c.End = s.toks[a].start, s.toks[b-1].end
	c.Span = s.text[c.Start:c.End]
	c.Sentence = s.text[s.start:s.end]
	c.Where = s.placeFor(k, links, grp, places)
	c.Attribution = s.attributionFor(l, attrs)
	s.timeFor(&c, k, links, grp, times)
	c.Revised = s.revised(l)
	c.Prior = s.earlierFigure(l)
	if c.Interval.Validate() != nil {
		return Claim{}, false
	}
	return c, true
}

// earlierFigure reports a figure the text gives as an earlier report's:
// "…, after earlier reporting 11 dead and six wounded", "had initially
// reported 150".
func (s *sentence) earlierFigure(l link) bool {
	q := s.qs[l.q]
	lo := min(l.a, q.i)
	for k := lo - 1; k >= 0 && k >= lo-4; k-- {
		switch s.word(k) {
		case "earlier", "previously", "initially", "originally", "first":
			switch s.word(k + 1) {
			case "reporting", "reported", "reports", "given", "put", "estimated", "estimating":
				return true
			}
			switch s.word(k - 1) {
			case "reporting", "reported", "had":
				return true
			}
		case ",", ";", "and":
			if s.word(k) != "and" {
				return false
			}
		}
	}
	// "and 11 dead earlier": a figure closed by "earlier" is left alone,
	// it may be a period
	return false
}

// revised reports revision words in the clause before the figure.
func (s *sentence) revised(l link) bool {
	q := s.qs[l.q]
	lo := min(l.a, q.i)
	for k := lo; k < q.i; k++ {
		if s.flags[k]&fRevision != 0 {
			return true
		}
	}
	for k := lo - 1; k >= 0 && k >= lo-10; k-- {
		w := s.word(k)
		if w == ";" || w == "." {
			break
		}
		if s.flags[k]&fRevision != 0 {
			return true
		}
	}
	for k := q.j; k < len(s.toks) && k < q.j+4; k++ {
		if s.flags[k]&fRevision != 0 {
			return true
		}
	}
	return false
}

// timeFor sets the claim's date, scope and period from the sentence's time
// expressions and clause shape.
func (s *sentence) timeFor(c *Claim, k int, links []link, grp []int, times []timeExpr) {
	l := links[k]
	c.AsOf = s.date
	c.Scope = UnknownScope
	q := s.qs[l.q]
	lo, hi := s.groupExtent(k, links, grp)
	clauseEnd := len(s.toks)
	for m := hi; m < len(s.toks); m++ {
		if s.word(m) == ";" {
			clauseEnd = m
			break
		}
	}
	clauseStart := 0
	for m := lo - 1; m >= 0; m-- {
		if s.word(m) == ";" {
			clauseStart = m + 1
			break
		}
	}
	// the nearest relevant time expression in the clause
	var best *timeExpr
	bestDist := 1 << 30
	for i := range times {
		e := &times[i]
		if e.i < clauseStart || e.j > clauseEnd {
			continue
		}
		opening := e.i == clauseStart || e.i == clauseStart+1 && s.toks[clauseStart].kind == tPunct
		// a "since" clause after the figure governs it ("killed since
		// Saturday"); one before it only when it opens the clause
		// ("Since Saturday, 1,100 …").
		if e.kind == timeSince && e.i > hi+1 && s.qtyBetween(hi, e.i) {
			continue
		}
		if e.kind == timeSince && e.j <= lo && !opening && !s.isWord(e.i-1, "that") && !s.isWord(e.i-1, ",") {
			continue
		}
		// a running toll is not dated by a period elsewhere in the
		// sentence ("another 12 in the past 24 hours, bringing the toll
		// to 7,028")
		if l.toll && e.kind == timePeriod && !(e.i > l.a && e.j <= q.i) {
			continue
		}
		// "rose by 2,680 overnight to 8,574": the period dates the rise,
		// not the running toll
		if l.toll && e.kind == timePeriod && s.changeVerbIn(l.a, e.i) {
			continue
		}
		// "… on Saturday, and the army said 700 had been killed": a
		// reporting verb between opens another clause
		if e.j <= lo && !opening && s.reportingVerbIn(e.j, lo) {
			continue
		}
		d := 0
		switch {
		case e.j <= lo:
			d = lo - e.j
		case e.i >= hi:
			d = e.i - hi
		}
		// another figure between the expression and this one takes it,
		// unless the expression opens the clause
		if d > 0 && !opening && s.otherLinkBetween(links, grp, k, min(e.j, lo), max(e.i, hi)) {
			continue
		}
		if d < bestDist {
			best, bestDist = e, d
		}
	}
	if best != nil {
		switch best.kind {
		case timeSince:
			c.Scope = Cumulative
			c.Since = best.from
		case timePeriod:
			c.Scope = Period
			c.From, c.To = best.from, best.to
			if d, err := ParseDate(best.to); err == nil && !d.IsZero() && best.from == best.to {
				c.AsOf = d
			}
		case timeAsOf:
			if d, err := ParseDate(best.to); err == nil && !d.IsZero() {
				c.AsOf = d
			}
		case timeBetween:
			if best.span >= 0 && best.span <= 3 {
				c.Scope = Period
				c.From, c.To = best.from, best.to
			} else {
				c.Scope = Cumulative
				c.Since = best.from
			}
			if d, err := ParseDate(best.to); err == nil && !d.IsZero() {
				c.AsOf = d
			}
		}
	}
	if l.period || q.increment {
		// "another 55,603 people have been wounded" counts up to now;
		// "another 12 were killed overnight" is the night's
		if q.increment && l.how != byToll && s.presentPerfect(lo, hi) && c.Scope == UnknownScope {
			c.Scope = Cumulative
			return
		}
		c.Scope = Period
		return
	}
	if c.Scope != UnknownScope {
		return
	}
	if l.toll {
		c.Scope = Cumulative
		return
	}
	// hostages being held now are a running count: "203 people are being
	// held hostage", "Hamas is holding 240 hostages", "remain in captivity"
	// so are the missing and the displaced: "7,000 people are missing",
	// "1.4 million are displaced"
	if l.cat == Hostage || l.cat == Missing || l.cat == Displaced {
		for m := max(clauseStart, lo-3); m < clauseEnd && m < hi+3; m++ {
			switch s.word(m) {
			case "are", "is", "remain", "remains", "still", "currently", "holding", "holds", "now":
				c.Scope = Cumulative
				return
			}
		}
	}
	// running-toll wording: "have been killed", "so far", "in total"
	for m := max(clauseStart, lo-4); m < clauseEnd && m < hi+6; m++ {
		switch s.word(m) {
		case "so":
			if s.isWord(m+1, "far") {
				c.Scope = Cumulative
				return
			}
		case "total", "overall", "cumulative", "altogether":
			c.Scope = Cumulative
			return
		case "date":
			if s.isWord(m-1, "to") {
				c.Scope = Cumulative
				return
			}
		case "have", "has", "had":
			// "have been killed", "have now died", "have recovered 300
			// bodies": a count up to now
			nx := s.word(m + 1)
			if m >= lo-1 && (nx == "been" || nx == "now" || nx == "already" || nx == "so" || strings.HasSuffix(nx, "ed") || nx == "fled" || nx == "taken" || nx == "seen") {
				c.Scope = Cumulative
				return
			}
		}
	}
}

func (s *sentence) otherLinkBetween(links []link, grp []int, k, i, j int) bool {
	for m, o := range links {
		if grp[m] == grp[k] {
			continue
		}
		oq := s.qs[o.q]
		if oq.i >= i && oq.j <= j {
			return true
		}
	}
	return false
}

// place is a place phrase found in a sentence.
type place struct {
	i, j    int    // token range including the preposition
	name    string // as written, without preposition and leading "the"
	initial bool   // "In Gaza, …" at the sentence start
	modTok  bool   // a place modifying a toll noun ("Gaza death toll")
}

// places finds the place phrases of a sentence: a preposition then a
// capitalised name ("in Gaza", "into Israel", "in the occupied West Bank",
// "at the al-Ahli Arab hospital", "in southern Israel").
func (s *sentence) places(attrs []attribution) []place {
	var out []place
	for i := 0; i < len(s.toks); i++ {
		// "in shelling of Idlib province", "the siege of Mariupol"
		ofEvent := s.isWord(i, "of") && (eventNouns[s.word(i-1)] || s.isWord(i-1, "shelling") || s.isWord(i-1, "siege") || s.isWord(i-1, "bombardment"))
		if !ofEvent && (s.flags[i]&fPlacePrep == 0 || !placePreps[s.word(i)]) {
			continue
		}
		if inAttribution(attrs, i) {
			continue
		}
		if p, ok := s.placeAt(i); ok {
			p.initial = i == 0 || (i == 1 && s.toks[0].kind == tPunct)
			out = append(out, p)
			i = p.j - 1
		}
	}
	// a headline's opening place: "Morocco quake kills …", "Dnipro
	// strike: ~40 dead"
	if len(s.toks) > 2 && s.toks[0].upper && !notPlaces[s.word(0)] && !isDemonymAdj(s.word(0)) {
		m := 0
		for m+1 < len(s.toks) && s.toks[m+1].upper && !notPlaces[s.word(m+1)] && m < 3 {
			m++
		}
		if eventNouns[s.word(m+1)] {
			out = append(out, place{i: 0, j: m + 1, name: s.textOf(0, m+1), initial: true})
		}
	}
	// "Gaza death toll", "Israel's death toll", "Derna flood toll"
	for i := 0; i < len(s.toks); i++ {
		if _, n := lookup(s, tollTab, i, 2); n > 0 && i > 0 {
			k := i - 1
			if eventNouns[s.word(k)] {
				k--
			}
			if s.isWord(k, "'s") {
				k--
			}
			if k >= 0 && s.toks[k].upper && !notPlaces[s.word(k)] && !isDemonymAdj(s.word(k)) && s.flags[k]&tollTab.fFirst == 0 {
				m := k
				for m-1 >= 0 && s.toks[m-1].upper && !notPlaces[s.word(m-1)] && m-1 > 0 {
					m--
				}
				// "Turkey–Syria earthquake toll"
				if m >= 2 && (s.isWord(m-1, "–") || s.isWord(m-1, "-")) && s.glued(m) && s.glued(m-1) && s.toks[m-2].upper {
					m -= 2
				}
				name := strings.TrimSuffix(strings.TrimSuffix(s.textOf(m, k+1), "’s"), "'s")
				out = append(out, place{i: m, j: i, name: name, modTok: true})
			}
		}
	}
	return out
}

func inAttribution(attrs []attribution, i int) bool {
	for _, a := range attrs {
		if i >= a.i && i < a.j {
			return true
		}
	}
	return false
}

func (s *sentence) placeAt(i int) (place, bool) {
	k := i + 1
	for placeDrop[s.word(k)] {
		k++
	}
	// "the eastern Ukrainian city of Kramatorsk": the name after "of"
	for m := k; m < len(s.toks) && m < k+5; m++ {
		if areaNouns[s.word(m)] && s.isWord(m+1, "of") && m+2 < len(s.toks) && s.toks[m+2].upper {
			if p, ok := s.placeAt(m + 1); ok {
				p.i = i
				return p, true
			}
		}
		if t := s.toks[m]; t.kind != tWord || !(placeDirections[t.lower] || isDemonymAdj(t.lower) || t.lower == "the") {
			if !areaNouns[s.word(m)] {
				break
			}
		}
	}
	first := k
	if placeDirections[s.word(k)] {
		k++
	}
	hasCap := false
	last := -1
	for k < len(s.toks) && k < first+7 {
		t := s.toks[k]
		if t.kind != tWord {
			break
		}
		lw := t.lower
		switch {
		case t.upper && !notPlaces[lw] && !isDemonymAdj(lw):
			hasCap = true
			last = k
		case t.upper && isDemonymAdj(lw) && k+1 < len(s.toks) && s.toks[k+1].upper && !notPlaces[s.word(k+1)]:
			// "Palestinian Authority" is notPlaces; "Lebanese border"
			// lowercase; "Israeli Kibbutz" rare
			last = k
		case strings.HasPrefix(lw, "al-") || strings.HasPrefix(lw, "el-") || strings.HasPrefix(lw, "ash-") || strings.HasPrefix(lw, "an-"):
			hasCap = true
			last = k
		case placeHeads[lw] && (hasCap || s.isWord(k-1, "the")):
			last = k
		case (lw == "of" || lw == "de") && hasCap && k+1 < len(s.toks) && s.toks[k+1].upper:
			// "Bay of Bengal"
		case lw == "and" && hasCap && last == k-1 && k+1 < len(s.toks) && s.toks[k+1].upper && !notPlaces[s.word(k+1)] && !isDemonymAdj(s.word(k+1)):
			// "Turkey and Syria"
		case !t.upper && hasCap && k+1 < len(s.toks) && placeHeads[s.word(k+1)] && !funcWords[lw]:
			// "Nova music festival", "Jabalia refugee camp"
		default:
			k = first + 100
			continue
		}
		k++
	}
	if !hasCap || last < 0 {
		return place{}, false
	}
	// a place ends with a name or a site noun, never with a common noun
	// ("Israeli airstrikes" is not a place)
	lt := s.toks[last]
	if !lt.upper && !placeHeads[lt.lower] && !strings.HasPrefix(lt.lower, "al-") {
		return place{}, false
	}
	// "in the New Year's Day earthquake": a name used as a modifier
	if lt.upper && eventNouns[s.word(last+1)] {
		return place{}, false
	}
	name := s.text[s.toks[first].start:lt.end]
	name = strings.TrimSuffix(strings.TrimSuffix(name, "’s"), "'s")
	// "Nigeria's Kaduna state" is "Kaduna state"
	if k := strings.IndexAny(name, "'’"); k > 0 && first < last {
		if rest := name[k:]; strings.HasPrefix(rest, "'s ") || strings.HasPrefix(rest, "’s ") {
			name = strings.TrimSpace(rest[strings.IndexByte(rest, ' '):])
		}
	}
	return place{i: i, j: last + 1, name: name}, true
}

// eventNouns after a capitalised name make it a modifier, not a place:
// "the New Year's Day earthquake", "the Hamas attack".
var eventNouns = map[string]bool{
	"earthquake": true, "quake": true, "attack": true, "attacks": true, "strike": true,
	"strikes": true, "blast": true, "floods": true, "flood": true, "war": true,
	"offensive": true, "bombing": true, "raid": true, "raids": true, "explosion": true,
	"fire": true, "crash": true, "shooting": true, "massacre": true, "crisis": true,
	"conflict": true, "storm": true, "hurricane": true, "cyclone": true, "eruption": true,
	"collapse": true, "stampede": true, "festivities": true, "celebrations": true,
}

// areaNouns name a settlement before "of": "the city of Kramatorsk".
var areaNouns = map[string]bool{
	"city": true, "town": true, "village": true, "port": true, "region": true,
	"province": true, "district": true, "governorate": true, "area": true,
	"state": true, "island": true, "suburb": true, "neighbourhood": true,
	"neighborhood": true, "camp": false,
}

// placeFor chooses the place of a claim: the first place after its
// casualty word up to the next figure outside its group, else the toll's
// own place ("the death toll in Gaza", "Gaza death toll"), else the
// sentence's opening "In Gaza, …". Parts share their head's place.
func (s *sentence) placeFor(k int, links []link, grp []int, places []place) string {
	l := links[k]
	q := s.qs[l.q]
	start := q.j
	if l.how != byPost && l.how != byNoun {
		start = max(l.placeMin, q.j)
	}
	limit := len(s.toks)
	for m, o := range links {
		if grp[m] == grp[k] {
			continue
		}
		if oi := min(o.a, s.qs[o.q].i); oi > start && oi < limit {
			limit = oi
		}
	}
	// a clause word inside the phrase itself ("203 people who are being
	// held hostage in Gaza") does not end the search
	for m := max(start, l.b); m < limit; m++ {
		if w := s.word(m); w == ";" || s.flags[m]&fClause != 0 {
			limit = m
			break
		}
	}
	for _, p := range places {
		if p.modTok {
			continue
		}
		if p.i >= start && p.i < limit && !s.sinceCovers(p.i) {
			return p.name
		}
	}
	// the toll's own place: "the death toll in Gaza rose to"
	for _, p := range places {
		if p.modTok && p.j <= l.a+1 && p.j >= l.a-3 {
			return p.name
		}
		if !p.modTok && l.how == byToll && p.i > l.a && p.j <= q.i {
			return p.name
		}
	}
	// the subject's place: "an airstrike on Jabalia killed 12", "the
	// floods in Libya have left 4,000 dead"
	lo, _ := s.groupExtent(k, links, grp)
	// ", killing at least 51 people", ", bringing the death toll to 40":
	// a participle clause whose subject is the main clause before the comma
	subjEnd := lo
	if (l.how == byPre || l.how == byToll) && s.isWord(l.a-1, ",") && strings.HasSuffix(s.word(l.a), "ing") {
		subjEnd = l.a - 1
	} else if l.how == byToll && s.isWord(l.a-2, ",") && strings.HasSuffix(s.word(l.a-1), "ing") {
		subjEnd = l.a - 2
	}
	for _, p := range places {
		if !p.modTok && p.j <= subjEnd && !s.clauseBreakBetween(p.j, subjEnd) && !s.sinceCovers(p.i) {
			// the first place of the subject is the most specific:
			// "a blast at al-Ahli Arab hospital in Gaza City"
			return p.name
		}
	}
	for _, p := range places {
		if p.initial {
			return p.name
		}
	}
	return ""
}

// clauseBreakBetween reports a clause boundary among tokens [i, j).
func (s *sentence) clauseBreakBetween(i, j int) bool {
	for m := i; m < j; m++ {
		w := s.word(m)
		if w == ";" || w == "," || s.flags[m]&(fClause|fAttr) != 0 && (clauseWords[w] || attributionVerbs[w]) {
			return true
		}
	}
	return false
}

// sinceCovers reports whether token k lies inside a "since …" clause,
// whose places are the starting event's, not the figure's.
func (s *sentence) sinceCovers(k int) bool {
	for m := k - 1; m >= 0 && m >= k-25; m-- {
		w := s.word(m)
		if w == "since" {
			return true
		}
		if w == ";" || (s.toks[m].kind == tNum && !s.excluded[m]) {
			return false
		}
		if _, ok := weekdays[w]; ok {
			return false
		}
	}
	return false
}

// attribution is who a sentence says gave its figures.
type attribution struct {
	i, j int // token range of the source phrase
	name string
	verb int // token index of the reporting verb or "according"
	// leading marks an attribution that opens what it reports ("the
	// ministry said 12 …", "According to X, …"); the others close it
	// ("…, the ministry said", "…, according to X").
	leading bool
	// passive marks "reported by X", which governs the figure around it.
	passive bool
}

// attributions finds "according to X", "X said", "said X", "citing X"
// and "X figures show".
func (s *sentence) attributions() []attribution {
	var out []attribution
	// headline form "UN: 1.4 million displaced", "IDF: 203 hostages"
	for k := 1; k <= 4 && k < len(s.toks); k++ {
		if s.word(k) != ":" {
			continue
		}
		last := s.toks[k-1]
		if sourceNouns[last.lower] || isAcronym(last.text) {
			out = append(out, attribution{i: 0, j: k, name: cleanSource(s.textOf(0, k)), verb: k, leading: true})
		}
		break
	}
	for v := 0; v < len(s.toks); v++ {
		if s.flags[v]&fAttr == 0 {
			continue
		}
		w := s.word(v)
		switch {
		case w == "according" && s.isWord(v+1, "to"):
			if a, ok := s.sourceAfter(v+2, v); ok {
				a.leading = s.leadsClause(a)
				out = append(out, a)
			}
		case w == "citing" || (w == "figures" || w == "data" || w == "statistics") && s.isWord(v+1, "from"):
			k := v + 1
			if w != "citing" {
				k = v + 2
			}
			if a, ok := s.sourceAfter(k, v); ok {
				out = append(out, a)
			}
		case attributionVerbs[w] && s.isWord(v+1, "by"):
			// passive: "the toll reported by the Ministry of Health"
			if a, ok := s.sourceAfter(v+2, v); ok {
				a.leading = false
				a.passive = true
				out = append(out, a)
			}
		case attributionVerbs[w]:
			if a, ok := s.sourceBefore(v); ok {
				a.leading = s.leadsClause(a)
				out = append(out, a)
			} else if a, ok := s.sourceAfter(v+1, v); ok && (w == "said" || w == "says" || w == "reported" || w == "added" || w == "told") && s.invertedSaid(v) {
				out = append(out, a)
			}
		}
	}
	return out
}

// leadsClause reports whether an attribution opens what it reports ("the
// ministry said 12 …", "According to X, 12 …") rather than closing it
// ("…, the ministry said", "…, the ministry said on Sunday.").
func (s *sentence) leadsClause(a attribution) bool {
	if s.word(a.verb) == "according" {
		// "According to X, …" leads; "…, according to X" and "… were
		// killed according to X" close
		switch s.word(a.verb - 1) {
		case "", ":", ";", "and", "but", "while", "—", "\"", "“", "-", "•", "*":
			return true
		}
		return false
	}
	if a.verb < a.i {
		// inverted: "…, said the ministry" closes
		return !s.isWord(a.verb-1, ",")
	}
	// after the verb: an attribution that closes its sentence or clause
	// ("…, the ministry said on Sunday.", "…, US intelligence said in an
	// unclassified assessment.", "…, an official told the agency.")
	// closes; one followed by "that" or by a figure leads.
	for k := a.verb + 1; k < len(s.toks); k++ {
		w := s.word(k)
		switch {
		case w == "," || w == "." || w == ";" || w == "!" || w == "?" || w == ")" || w == "”" || w == "\"":
			return false
		case w == "that" || w == ":":
			return true
		case s.qty[k] >= 0 && !s.excluded[k]:
			return true
		case s.toks[k].kind == tNum && !s.excluded[k]:
			return true
		}
	}
	return false
}

// isAcronym reports an all-capitals word of two to six letters: "UN",
// "IDF", "OCHA".
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// invertedSaid reports "…, said the ministry" (the verb after a comma or
// quote, its subject after it).
func (s *sentence) invertedSaid(v int) bool {
	p := s.word(v - 1)
	return p == "," || p == "\"" || p == "”" || p == "'" || p == "’"
}

// sourceHeads are more people and bodies who give figures, alone:
// "activists say", "rescuers said".
var sourceHeads = map[string]bool{
	"activists": true, "rescuers": true, "residents": true, "witnesses": true,
	"medics": true, "doctors": true, "officials": true, "authorities": true,
	"police": true, "governor": true, "mayor": true, "charity": true, "organisers": true,
	"organizers": true, "diplomats": true, "analysts": true, "investigators": true,
	"prosecutors": true, "survivors": true, "relatives": true, "families": true,
	"volunteers": true, "paramedics": true, "nurses": true, "journalists": true,
	"county": true, "state": true, "city": true, "district": true, "province": true,
	"region": true, "municipality": true, "administration": true,
}

// sourceNouns are heads that make a noun phrase a source.
var sourceNouns = map[string]bool{
	"ministry": true, "military": true, "army": true, "officials": true,
	"official": true, "police": true, "spokesman": true, "spokesperson": true,
	"spokeswoman": true, "authorities": true, "authority": true, "agency": true,
	"office": true, "government": true, "department": true, "sources": true,
	"medics": true, "doctors": true, "rescuers": true, "paramedics": true,
	"hospital": true, "service": true, "services": true, "organization": true,
	"organisation": true, "statement": true, "group": true, "figures": true,
	"data": true, "report": true, "committee": true, "commission": true,
	"force": true, "forces": true, "coordinator": true, "envoy": true,
	"minister": true, "president": true, "director": true, "head": true,
	"chief": true, "diplomat": true, "diplomats": true, "observers": true,
	"monitor": true, "monitors": true, "workers": true, "witnesses": true,
	"residents": true, "survivors": true, "tally": true, "count": true,
	"council": true, "institute": true, "mission": true, "team": true,
	"centre": true, "center": true, "network": true, "crescent": true,
	"cross": true, "society": true, "defence": true, "defense": true,
	"media": true, "press": true, "channel": true, "broadcaster": true,
	"newspaper": true, "outlet": true, "intelligence": true, "assessment": true,
	"investigation": true, "estimate": true, "estimates": true, "update": true,
	"bulletin": true, "briefing": true, "wing": true, "unit": true, "board": true,
}

// sourceBefore reads the subject before a reporting verb at v: "the Gaza
// health ministry said", "Israel's military says", "officials told AFP".
func (s *sentence) sourceBefore(v int) (attribution, bool) {
	k := v - 1
	// "has said", "had said", "also said", "later reported"
	for k >= 0 {
		w := s.word(k)
		switch w {
		case "has", "had", "have", "also", "later", "previously", "earlier", "today", "yesterday", "now", "again", "officially", "still", "separately":
			k--
			continue
		}
		break
	}
	end := k + 1
	startTok := end
	for k >= 0 && end-k <= 8 {
		t := s.toks[k]
		w := t.lower
		// casualty nouns may sit inside a source's name: "the agency for
		// Palestinian refugees", "the Commission of Detainees"
		nounInName := k > 0 && k < end-1 && (s.isWord(k-1, "for") || s.isWord(k-1, "of") || s.toks[k-1].upper && isDemonymAdj(s.word(k-1)))
		// "the Commission of Detainees' Affairs and the Palestinian
		// Prisoners' Society", "officials and medics"; "(BINUH)"
		// "the Committee to Protect Journalists"
		inName := (w == "to" || w == "for" || w == "of") && k > 0 && k+1 < end && s.toks[k-1].upper && s.toks[k+1].upper
		joined := inName || (w == "and" || w == "&") && k > 0 && s.toks[k-1].kind == tWord && !funcWords[s.word(k-1)] && !isTriggerWord(s, k-1)
		paren := (w == "(" || w == ")") && (isAcronym(s.toks[min(k+1, len(s.toks)-1)].text) || isAcronym(s.toks[max(k-1, 0)].text))
		inThe := w == "in" && s.isWord(k+1, "the") && k+2 < end && s.toks[k+2].upper
		if joined || paren || inThe || t.kind == tWord && isAcronym(t.text) ||
			t.kind == tWord && !funcWords[w] && (!isTriggerWord(s, k) || nounInName) && (!speculation[w] || t.upper) || w == "of" && k+1 < end || w == "'s" || w == "the" || w == "-" && s.glued(k) || (w == "'" || w == "’") && s.glued(k) || t.kind == tAlnum || (w == "for" || w == "on" || w == "in") && k+1 < end && s.toks[k+1].upper {
			if _, ok := weekdays[w]; ok {
				break
			}
			startTok = k
			k--
			continue
		}
		break
	}
	if startTok >= end {
		return attribution{}, false
	}
	// trim a leading "the", a trailing time
	for startTok < end && (s.word(startTok) == "the" || s.word(startTok) == "of") {
		startTok++
	}
	if startTok >= end {
		return attribution{}, false
	}
	for startTok < end && (s.word(startTok) == "and" || s.word(startTok) == ")") {
		startTok++
	}
	if startTok >= end {
		return attribution{}, false
	}
	// the source is a name or a noun phrase; a lone common word that is
	// not a known kind of source ("reports", "figures") is not one
	if end-startTok == 1 && !s.toks[startTok].upper && !sourceNouns[s.word(startTok)] && !sourceHeads[s.word(startTok)] {
		return attribution{}, false
	}
	first := s.word(startTok)
	switch first {
	case "he", "she", "it", "they", "we", "i", "you", "who", "which", "that":
		return attribution{}, false
	}
	// the subject of "raised", "revised", "lowered" is a source only when
	// it names one ("Israel raises …", "the ministry revised …"), not
	// when it is a cause ("the murder of … raised the toll")
	switch s.word(v) {
	case "raised", "raises", "revised", "revises", "lowered", "lowers", "updated", "put", "puts":
		head := s.toks[end-1]
		if !(sourceNouns[head.lower] || sourceHeads[head.lower] || isAcronym(head.text) || head.upper && end-startTok <= 3) {
			return attribution{}, false
		}
	}
	name := cleanSource(s.textOf(startTok, end))
	if name == "" {
		return attribution{}, false
	}
	return attribution{i: startTok, j: end, name: name, verb: v}, true
}

// sourceAfter reads a source after "according to", "citing" or an
// inverted "said": up to a comma, a period or a clause word.
func (s *sentence) sourceAfter(k, v int) (attribution, bool) {
	start := k
	for s.isWord(start, "the") {
		start++
	}
	end := start
	for end < len(s.toks) && end-start < 10 {
		t := s.toks[end]
		w := t.lower
		if t.kind == tPunct && w != "'" && w != "’" && w != "-" && w != "&" {
			break
		}
		if w == "on" || w == "which" || w == "who" || w == "that" || w == "as" || w == "after" || w == "cited" || w == "quoted" || w == "via" ||
			w == "since" || w == "while" || w == "citing" || w == "but" || w == "when" || w == "and" && !(end+1 < len(s.toks) && s.toks[end+1].upper) {
			break
		}
		if w == "in" && !(end+1 < len(s.toks) && s.toks[end+1].upper) {
			break
		}
		if t.kind == tNum {
			break
		}
		if _, ok := weekdays[w]; ok {
			break
		}
		if funcWords[w] && w != "of" && w != "in" && w != "for" && w != "and" && w != "the" {
			break
		}
		end++
	}
	if end <= start {
		return attribution{}, false
	}
	switch s.word(start) {
	case "he", "she", "it", "they", "we", "i", "you":
		return attribution{}, false
	}
	name := cleanSource(s.textOf(start, end))
	if name == "" {
		return attribution{}, false
	}
	return attribution{i: start, j: end, name: name, verb: v}, true
}

// cleanSource trims what is not the source's name: a leading "the",
// trailing possessives and "figures".
func cleanSource(name string) string {
	name = strings.TrimSpace(name)
	for _, p := range []string{"the ", "The "} {
		name = strings.TrimPrefix(name, p)
	}
	// "OCHA's latest update" is OCHA; "an AFP tally of official Israeli
	// figures" keeps its words
	for _, suf := range []string{"'s latest update", "’s latest update", "'s update", "’s update", "'s statement", "’s statement", "'s figures", "’s figures", "'s data", "’s data"} {
		name = strings.TrimSuffix(name, suf)
	}
	if !strings.Contains(name, " of ") {
		for _, suf := range []string{" figures", " data", " statistics"} {
			name = strings.TrimSuffix(name, suf)
		}
	}
	for _, suf := range []string{" in a statement", " statement", "'s", "’s"} {
		name = strings.TrimSuffix(name, suf)
	}
	if utf8.RuneCountInString(name) < 2 {
		return ""
	}
	return name
}

// attributionFor chooses the source nearest the figure.
func (s *sentence) attributionFor(l link, attrs []attribution) string {
	if len(attrs) == 0 {
		return ""
	}
	q := s.qs[l.q]
	best, bestD := "", 1<<30
	for _, a := range attrs {
		d := 0
		switch {
		case a.passive && a.verb == q.j:
			// "… 260 counted by ZAKA"
			d = 0
		case a.passive && a.j <= q.i:
			// "the cumulative toll reported by the Ministry of Health … is
			// at least 35,800"
			d = q.i - a.j
		case a.passive:
			continue
		case a.j <= q.i:
			// a source before the figure governs it when it leads ("the
			// ministry said 12 …"), or when a closing one is followed by
			// "and": "…, the governor said, and 30 more were wounded"
			if !a.leading && !s.isWord(a.verb+1, ",") && !s.isWord(a.j, ",") {
				continue
			}
			if !a.leading && s.qtyBetween(a.j, q.i) && !s.andBetween(a.j, q.i) {
				continue
			}
			d = q.i - a.j
		case a.i >= q.j:
			// a source after the figure governs it when it closes
			if a.leading {
				continue
			}
			d = a.i - q.j
		}
		if d < bestD {
			best, bestD = a.name, d
		}
	}
	return best
}

// andBetween reports an "and" among tokens [i, j).
func (s *sentence) andBetween(i, j int) bool {
	for m := i; m < j; m++ {
		if s.isWord(m, "and") {
			return true
		}
	}
	return false
}

// presentPerfect reports "have been", "has been" or "had been" among
// tokens [i, j).
func (s *sentence) presentPerfect(i, j int) bool {
	for m := max(i, 0); m+1 < j && m+1 < len(s.toks); m++ {
		if (s.isWord(m, "have") || s.isWord(m, "has") || s.isWord(m, "had")) && s.isWord(m+1, "been") {
			return true
		}
	}
	return false
}

// changeVerbIn reports a change verb ("rose", "climbed") among tokens
// [i, j).
func (s *sentence) changeVerbIn(i, j int) bool {
	for m := max(i, 0); m < j && m < len(s.toks); m++ {
		if changeVerbs[s.word(m)] && s.word(m) != "up" && s.word(m) != "down" {
			return true
		}
	}
	return false
}

// reportingVerbIn reports "said", "says" or "told" among tokens [i, j).
func (s *sentence) reportingVerbIn(i, j int) bool {
	for m := max(i, 0); m < j && m < len(s.toks); m++ {
		switch s.word(m) {
		case "said", "says", "say", "told", "tells", "announced", "reported":
			return true
		}
	}
	return false
}

// groupExtent returns the token range covered by a link's group.
func (s *sentence) groupExtent(k int, links []link, grp []int) (int, int) {
	lo, hi := len(s.toks), 0
	for m := range links {
		if grp[m] != grp[k] {
			continue
		}
		l := links[m]
		q := s.qs[l.q]
		lo = min(lo, l.a, q.i)
		hi = max(hi, l.b, q.j)
	}
	return lo, hi
}
