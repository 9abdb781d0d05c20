package extract

import (
	"strings"

	"github.com/tollproject/toll/tracker"
)

// link is how a quantity became a claim.
type link struct {
	q        int // index into sentence.qs
	cat      tracker.Category
	who      string
	how      linkKind
	a, b     int  // token range of the whole phrase (quantity, group, casualty word)
	trig     int  // token index of the casualty word, -1 for none
	head     int  // for breakdowns and coordination: the quantity (index into sentence.qs) of the figure it depends on, else -1
	placeMin int  // the place must be found at or after this token
	prior    bool // an earlier figure by its words: "the earlier official figure was 2,300"
	part     bool // a coordinated part of a breakdown: "including 20 children and 11 women"
	period   bool // an increment
	bare     bool // no group was named: "… and 105 were injured"
	toll     bool // linked through a toll noun: a running count
	// carried marks a part whose total is in the sentence before ("…
	// killed 148 people. Of the dead, 142 were students"): s.carry.
	carried bool
	// where is the part's own place when the shape read it ("Iran 464",
	// "39 were in Wajima"); empty to let placeFor choose.
	where string
	// partitive marks "34 of the dead": a sub-count of a total the
	// sentence does not give (np.partitive)
	partitive bool
	// kin marks a family's loss ("lost 14 relatives"): some of the dead,
	// a part of the event's toll, never the toll
	kin bool
	// ofWhom marks "220 of whom were taken to hospital": some of a group
	// named before, a part when an earlier figure of the sentence counts
	// that group in the same category
	ofWhom bool
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
	byLoss
)

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
	// "cases and deaths stood at 1,200 and 45, respectively": each
	// figure is its own noun's, and one whose noun is no casualty word
	// is no claim
	resp := s.respectiveNouns()
	for qi := range s.qs {
		q := &s.qs[qi]
		if q.consumed {
			continue
		}
		if r, ok := resp[qi]; ok {
			if r.cat != "" {
				add(link{q: qi, cat: r.cat, who: "people", how: byCoord, a: r.trig, b: q.j, trig: r.trig, head: -1, placeMin: q.j, toll: r.toll})
			}
			continue
		}
		p := nps[qi]
		// "ten cases have been reported (two confirmed and eight
		// probable), all of whom have died": the whole count is the dead
		if l, ok := s.linkAllOfWhom(qi, p); ok && !s.insideOfPhrase(qi, links) {
			add(l)
			continue
		}
		if p.kind == npUnit || p.kind == npNone {
			if l, ok := s.linkDisplacedUnit(qi, p); ok {
				add(l)
				continue
			}
		}
		if p.kind == npUnit || s.inAgeList(qi) || s.insideOfPhrase(qi, links) || s.ratioOf(qi) {
			continue
		}
		if l, ok := s.linkNoun(qi, p); ok {
			add(s.killedHeld(qi, p, l))
			continue
		}
		// a toll noun whose linking word stands right before the number
		// ("the cumulative toll is at least 35,800 Palestinians killed")
		// names the count better than the words after it; an open noun
		// there is a unit ("the toll rose to 300 households")
		if l, ok := s.linkToll(qi, p); ok && p.kind != npOpen {
			add(l)
			continue
		}
		if l, ok := s.linkPost(qi, p); ok {
			l = s.killedHeld(qi, p, l)
			s.partOfHead(&l, links)
			add(l)
			continue
		}
		if l, ok := s.linkPre(qi, p); ok {
			add(l)
			continue
		}
		if l, ok := s.linkLoss(qi, p); ok {
			add(l)
			continue
		}
		if l, ok := s.linkLabel(qi, p); ok {
			add(l)
			continue
		}
		if l, ok := s.linkBreakdown(qi, p, links); ok {
			add(l)
			continue
		}
		if l, ok := s.linkFatal(qi, p); ok {
			add(l)
			continue
		}
		if l, ok := s.linkInAll(qi, p); ok {
			add(l)
			continue
		}
		if l, ok := s.linkPartItem(qi, p, links); ok {
			add(l)
			continue
		}
		if l, ok := s.linkMost(qi, p, links); ok {
			add(l)
			continue
		}
		if l, ok := s.linkCountNoun(qi, p, links); ok {
			add(l)
			continue
		}
		if l, ok := s.linkTollAfter(qi, p); ok {
			add(l)
			continue
		}
		if l, ok := s.linkItToll(qi, p, links); ok {
			add(l)
			continue
		}
		if l, ok := s.linkElidedToll(qi, p, links); ok {
			add(l)
			continue
		}
	}
	// parts named before their total: "Twelve children and nine women
	// were among the 45 killed" (the first part by coordination, below)
	for qi := range s.qs {
		if linked[qi] >= 0 || s.qs[qi].consumed || nps[qi].kind == npUnit {
			continue
		}
		if l, ok := s.linkAmongTotal(qi, nps[qi], linked, links); ok {
			add(l)
		}
	}
	// another source's figure for the same count: "…, while the army put
	// the number at 11"
	for qi := range s.qs {
		q := &s.qs[qi]
		if linked[qi] >= 0 || q.consumed || nps[qi].kind == npUnit || nps[qi].kind == npOpen || !s.isWord(q.i-1, "at") {
			continue
		}
		k := q.i - 2
		if !s.isWord(k, "number") && !s.isWord(k, "figure") && !s.isWord(k, "toll") {
			continue
		}
		if !s.isWord(k-1, "the") && !s.isWord(k-1, "its") && !s.isWord(k-1, "their") {
			continue
		}
		if !s.is(k-2, fPutVerb) {
			continue
		}
		if h := s.headBefore(k, links); h >= 0 {
			add(link{q: qi, cat: links[h].cat, who: links[h].who, how: byRestate, a: k - 1, b: q.j, trig: -1, head: links[h].q, placeMin: q.j})
		}
	}
	// restatements: "a few dozen people died, probably between 10 and 50"
	for qi := range s.qs {
		if linked[qi] >= 0 || s.qs[qi].consumed || nps[qi].kind == npUnit || nps[qi].kind == npOpen {
			continue
		}
		if l, ok := s.linkRestate(qi, nps[qi], links); ok {
			add(l)
		}
	}
	// "with 65, 40 and 39 deaths respectively"
	for qi := range s.qs {
		if linked[qi] >= 0 || s.qs[qi].consumed {
			continue
		}
		if l, ok := s.linkRespectively(qi, nps, linked, links); ok {
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
	// a table's later columns: "Province | Deaths | Injured: KP 427 |
	// 207; …"
	if cols, colon := s.tableHeader(); cols != nil {
		for qi := range s.qs {
			if linked[qi] >= 0 || s.qs[qi].consumed || s.qs[qi].i <= colon {
				continue
			}
			if l, ok := s.linkColumn(qi, cols, colon, links); ok {
				add(l)
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
			if s.flags[k]&(s.v.triggerTab.fFirst|s.v.tollTab.fLast) != 0 && (isTriggerWord(s, k) || s.isWord(k, "toll")) {
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

func sortLinks(ls []link, s *sentence) {
	for i := 1; i < len(ls); i++ {
		for j := i; j > 0 && s.qs[ls[j].q].i < s.qs[ls[j-1].q].i; j-- {
			ls[j], ls[j-1] = ls[j-1], ls[j]
		}
	}
}

// qtyEndsAt reports whether a figure of the sentence ends right before
// token i ("23" of "23 deaths").
func (s *sentence) qtyEndsAt(i int) bool {
	for k := range s.qs {
		if s.qs[k].j == i {
			return true
		}
	}
	return false
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
	for d := 0; d < 4 && k < len(s.toks) && s.is(k, fPostSkip); d++ {
		k++
	}
	if tr, n := lookup(s, s.v.triggerTab, k, 3); n > 0 && tr.post && tr.cat != cat && tr.cat == tracker.Killed {
		return link{q: qi, cat: tr.cat, who: who, how: byNoun, a: q.i, b: k + n, trig: k, head: -1, placeMin: k + n, period: q.increment}, true
	}
	// "Eight deaths were added on Sunday": an increment to a toll
	period := q.increment
	for m, d := p.end, 0; m < len(s.toks) && d < 3; m, d = m+1, d+1 {
		w := s.word(m)
		if w == "added" {
			period = true
			break
		}
		if w != "were" && w != "was" && w != "have" && w != "has" && w != "been" && w != "had" {
			break
		}
	}
	return link{q: qi, cat: cat, who: who, how: byNoun, a: q.i, b: p.end, trig: p.end - 1, head: -1, placeMin: p.end, period: period, partitive: p.partitive}, true
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
	ofWhom := false
	if s.isWord(k, "of") {
		if (s.isWord(k+1, "them") || s.isWord(k+1, "those") || s.isWord(k+1, "whom")) && p.kind == npNone {
			ofWhom = s.isWord(k+1, "whom") || s.isWord(k+1, "them")
			if ofWhom && p.who == "" {
				// "Nineteen health workers have been infected, seven of
				// whom have died": some of the group counted before
				for x := qi - 1; x >= 0; x-- {
					if p2 := s.nounPhrase(&s.qs[x]); p2.kind == npPerson && p2.who != "" {
						p.who = p2.who
						break
					}
				}
			}
			k += 2
		} else if m, ok := s.ofTheAboard(qi, k); ok && p.kind == npNone {
			// "241 of the 242 people on board were killed": 242 were
			// aboard, 241 killed
			k = m
		} else if p.kind == npNone || s.modifierRun(k) == k {
			return link{}, false
		}
	}
	start := k
	// ", including 55 children," between the group and its verb
	skipFrom, skipTo := -1, -1
	if s.isWord(k, ",") {
		if _, n := lookup(s, s.v.breakdownTab, k+1, 2); n > 0 {
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
	if (s.in(k, gPlacePrep) || s.isWord(k, "from") || s.isWord(k, "of")) && p.kind != npNone {
		if pl, ok := s.placeAt(k); ok && pl.j-k <= 6 && s.properRun(k+1) <= pl.j {
			k = pl.j
		} else if m := s.properRun(k + 1); m > k+1 && m-k <= 7 {
			// (a name a place's name opens: "four soldiers of the
			// Frontier Corps were killed")
			k = m
		} else if s.isWord(k+1, "the") && k+2 < len(s.toks) && s.toks[k+2].kind == tWord && !s.toks[k+2].upper && !isTriggerWord(s, k+2) && s.is(k+3, fPostSkip) {
			// "10 girls from the camp were still missing", "29 people
			// on the ground were also killed"
			k += 3
		} else if m := s.modifierRun(k); m > k && !s.is(p.end-1, fLumped) {
			// "Fifteen pupils of an Islamiyya school in Gada were
			// kidnapped", "about 20 girls from a summer camp upstream were
			// unaccounted for"
			k = m
		}
	}
	// "the 12 people aboard the helicopter were killed", "242 people
	// aboard the Air India flight": the craft they were aboard, up to its
	// verb
	if s.isWord(k, "aboard") && p.kind != npNone {
		for m := k + 1; m < len(s.toks) && m <= k+7; m++ {
			if s.toks[m].kind != tWord || s.qty[m] >= 0 || s.flags[m]&(fAttr|fClause) != 0 {
				break
			}
			if m > k+1 && (s.is(m, fPostSkip) || isTriggerWord(s, m)) {
				k = m
				break
			}
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
				if s.is(m+1, fPostSkip) || isTriggerWord(s, m+1) {
					skipFrom, skipTo = k, m+1
					k = m + 1
				}
				break
			}
		}
	}
	// a breakdown between dashes: "96 people — 60 adults and 36 children
	// — were confirmed dead"
	// ("36 people - 33 men and three women - have been confirmed dead":
	// a hyphen with space around it is a dash too)
	if skipFrom < 0 && (s.isWord(k, "—") || s.isWord(k, "–") || s.spacedHyphen(k)) && p.kind != npNone {
		for m := k + 1; m < len(s.toks) && m < k+16; m++ {
			w := s.word(m)
			if w == ";" || w == "." || s.flags[m]&(fAttr|fClause) != 0 || isTriggerWord(s, m) {
				break
			}
			if w == "—" || w == "–" || s.spacedHyphen(m) {
				if s.is(m+1, fPostSkip) || isTriggerWord(s, m+1) {
					skipFrom, skipTo = k, m+1
					k = m + 1
				}
				break
			}
		}
	}
	// a part named between the group and its verb: "left 16 people
	// including seven children injured" (the part is read on its own)
	if skipFrom < 0 && p.kind != npNone && s.isWord(k, "including") {
		if x := s.qty[min(k+1, len(s.toks)-1)]; x >= 0 && s.qs[x].i == k+1 {
			if p2 := s.nounPhrase(&s.qs[x]); p2.kind == npPerson && (s.is(p2.end, fPostSkip) || isTriggerWord(s, p2.end)) {
				skipFrom, skipTo = k, p2.end
				k = p2.end
			}
		}
	}
	// one person named beside the counted group, before the verb: "Two
	// journalists and a police officer were killed", "nine people
	// including the owner were detained"; the figure counts the group
	if skipFrom < 0 && p.kind != npNone && (s.isWord(k, "and") || s.isWord(k, "including")) {
		if m := s.singleNounAfter(k + 1); m > 0 && (s.is(m, fPostSkip) || isTriggerWord(s, m)) {
			skipFrom, skipTo = k, m
			k = m
		}
	}
	// "Three girls aged six, seven and nine were killed"
	if s.isWord(k, "aged") && p.kind != npNone {
		m := k + 1
		for m < len(s.toks) && s.qty[m] >= 0 {
			m = s.qs[s.qty[m]].j
			if !s.isWord(m, ",") && !s.isWord(m, "and") || s.qty[min(m+1, len(s.toks)-1)] < 0 {
				break
			}
			m++
		}
		if m > k+1 && s.qty[m-1] >= 0 {
			k, start = m, m
		}
	}
	// a relative clause with no casualty word of its own, between the
	// group and its verb: "hundreds of civilians who had been digging
	// trenches around the town were killed"
	if (s.isWord(k, "who") || s.isWord(k, "that")) && p.kind != npNone {
		if m := s.relativeClauseEnd(k); m > 0 {
			if l, ok := s.linkPost(qi, np{kind: p.kind, who: p.who, end: m}); ok {
				l.a = q.i
				return l, true
			}
		}
	}
	// a participle phrase read the same way: "50 hotel workers travelling
	// in minibuses are out of contact", "12 guests attending the wedding
	// were killed" (a preposition in -ing, "including", "during", is none)
	if w := s.word(k); p.kind != npNone && len(w) > 5 && strings.HasSuffix(w, "ing") && s.toks[k].kind == tWord && !s.toks[k].upper && !s.is(k, fFunc) && !s.is(k, fPostSkip) && !isTriggerWord(s, k) && s.flags[k]&fClause == 0 {
		if _, n := lookup(s, s.v.breakdownTab, k, 2); n == 0 {
			if m := s.relativeClauseEnd(k - 1); m > 0 {
				if l, ok := s.linkPost(qi, np{kind: p.kind, who: p.who, end: m}); ok {
					l.a = q.i
					return l, true
				}
			}
		}
	}
	for d := 0; d < 8 && k < len(s.toks); d++ {
		w := s.word(k)
		// "were among those killed", "are among the dead", a headline's
		// "Among Dead"
		if w == "among" && (s.isWord(k+1, "those") || s.isWord(k+1, "the")) {
			// "were among the victims": the victims a subject word names
			// ("victims", "fatalities") are its category's
			// (not their possessor: "were among the victims' relatives")
			if c, ok := s.v.subjects[s.word(k+2)]; ok && s.isWord(k+1, "the") && !isTriggerWord(s, k+2) && !s.qtyBetween(start, k) && !possessive(s.word(k+3)) && !s.isWord(k+3, "'") && !s.isWord(k+3, "’") {
				who, bare := p.who, p.who == ""
				if bare {
					who = "people"
				}
				return link{q: qi, cat: c, who: who, how: byPost, a: q.i, b: k + 3, trig: k + 2, head: -1, placeMin: k + 3, period: q.increment, bare: bare, ofWhom: ofWhom}, true
			}
			k += 2
			continue
		}
		if w == "among" && isTriggerWord(s, k+1) {
			k++
			continue
		}
		if tr, n := lookup(s, s.v.triggerTab, k, 4); n > 0 && tr.post {
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
			if tr.noun && tr.cat != tracker.Killed {
				m := k + n
				for d := 0; d < 4 && m < len(s.toks) && s.is(m, fPostSkip); d++ {
					m++
				}
				if tr2, n2 := lookup(s, s.v.triggerTab, m, 3); n2 > 0 && tr2.post && tr2.cat == tracker.Killed {
					if (tr.cat == tracker.Hostage || tr.cat == tracker.Arrested) && bare {
						// ("21 hostages were killed" counts hostages, as
						// "the militants killed 21 hostages" does)
						who, bare = s.toks[k].lower, false
					}
					tr, k, n = tr2, m, n2
				}
			}
			// "102 people were still being treated in hospital", "37
			// people remain in hospital": those still there are some of
			// the injured, a count that falls (vocabulary "stockword")
			stock := false
			for m := start; m < k && tr.cat == tracker.Injured; m++ {
				stock = stock || s.v.stockWords[s.word(m)]
			}
			if !tr.noun && p.kind == npOpen && k+n < len(s.toks) && s.qty[k+n] >= 0 && s.qs[s.qty[k+n]].i == k+n {
				// "the attacks on three churches and three hotels killed
				// 269 people": a verb with a figure of its own after it
				// counts that figure; the nouns before it are no victims
				return link{}, false
			}
			return link{q: qi, cat: tr.cat, who: who, how: byPost, a: q.i, b: k + n, trig: k, head: -1, placeMin: k + n, period: q.increment, bare: bare, partitive: stock, ofWhom: ofWhom}, true
		}
		if !s.is(k, fPostSkip) && !(strings.HasSuffix(w, "ly") && s.toks[k].kind == tWord && !s.toks[k].upper) {
			break
		}
		k++
	}
	return link{}, false
}

// linkAllOfWhom: a figure whose whole count a casualty verb governs
// through ", all of whom" or ", all of them" later in its clause ("Police
// found 12 migrants, all of whom had died", "a total of 10 cases (two
// confirmed and eight probable), all of whom have died"). Between the
// figure and the comma stand only words and an aside in brackets: no
// other figure, casualty word or clause boundary.
func (s *sentence) linkAllOfWhom(qi int, p np) (link, bool) {
	q := &s.qs[qi]
	if q.increment || s.isWord(q.i-1, "of") {
		return link{}, false
	}
	k := max(p.end, q.j)
	for d := 0; d < 12 && k < len(s.toks); d++ {
		if s.isWord(k, "(") {
			m := k + 1
			for m < len(s.toks) && m < k+12 && !s.isWord(m, ")") && !s.isWord(m, ".") && !s.isWord(m, ";") {
				m++
			}
			if !s.isWord(m, ")") {
				return link{}, false
			}
			k = m + 1
			continue
		}
		if s.isWord(k, ",") {
			break
		}
		if s.toks[k].kind != tWord || s.qty[k] >= 0 || isTriggerWord(s, k) || s.flags[k]&fClause != 0 || s.is(k, fSaying) && !s.is(k, fPostSkip) {
			return link{}, false
		}
		k++
	}
	if !s.isWord(k, ",") || !s.isWord(k+1, "all") || !s.isWord(k+2, "of") || !(s.isWord(k+3, "whom") || s.isWord(k+3, "them")) {
		return link{}, false
	}
	m := k + 4
	for d := 0; d < 4 && m < len(s.toks) && s.is(m, fPostSkip); d++ {
		m++
	}
	tr, n := lookup(s, s.v.triggerTab, m, 4)
	if n == 0 || !tr.post {
		return link{}, false
	}
	who := "people"
	if p.person() {
		who = p.who
	}
	return link{q: qi, cat: tr.cat, who: who, how: byPost, a: q.i, b: m + n, trig: m, head: -1, placeMin: m + n}, true
}

// linkMost: the figure of the place a ranking names, set off after its
// superlative: "Kassala state has recorded the most deaths, 112", "Luanda
// province has reported the highest number of deaths (137)", "the floods
// have claimed 162 lives, with Songkhla province recording the highest
// number, 110". The category is the casualty noun's, or for a bare "the
// highest number" the sentence's earlier figure's; the figure is a part
// of that figure, or of the total the sentence before gave.
func (s *sentence) linkMost(qi int, p np, links []link) (link, bool) {
	q := &s.qs[qi]
	if p.kind != npNone || q.hasQual || q.increment {
		return link{}, false
	}
	k := q.i - 1
	switch {
	case s.isWord(k, ","):
	case s.isWord(k, "(") && s.isWord(q.j, ")"):
	default:
		return link{}, false
	}
	m := k - 1
	var cat tracker.Category
	if tr, n := lookupEnding(s, s.v.triggerTab, m+1, 1); n > 0 && tr.noun {
		cat = tr.cat
		m--
		if s.isWord(m, "of") {
			m--
		}
	}
	sup, art := m, m-1
	switch {
	case s.isWord(sup, "most") && s.isWord(sup-1, "the") && cat != "":
	case (s.isWord(sup, "number") || s.isWord(sup, "toll")) && (s.isWord(sup-1, "highest") || s.isWord(sup-1, "largest")) && s.isWord(sup-2, "the"):
		art = sup - 2
	default:
		return link{}, false
	}
	end := q.j
	if s.isWord(q.j, ")") {
		end++
	}
	head, carried := -1, false
	if h := s.headBefore(sup, links); h >= 0 && (cat == "" || links[h].cat == cat) {
		cat, head = links[h].cat, links[h].q
		if links[h].how == byBreakdown || links[h].part {
			head = links[h].head
		}
	} else if cat == "" {
		hc := s.firstCarry()
		if hc == nil {
			return link{}, false
		}
		cat, carried = hc.Category, true
	} else if s.carryOf(cat) != nil {
		carried = true
	}
	// the place ranked: the name before its verb ("Songkhla province
	// recording", "Luanda province has reported")
	where := ""
	v := art - 1
	for d := 0; d < 3 && v >= 0 && s.toks[v].kind == tWord && !s.toks[v].upper && (strings.HasSuffix(s.word(v), "ed") || strings.HasSuffix(s.word(v), "ing") || s.word(v) == "has" || s.word(v) == "had" || s.word(v) == "have"); d++ {
		v--
	}
	// (past a relative clause in commas: "Kassala state, where the
	// outbreak began, has recorded")
	if v < art-1 && s.isWord(v, ",") {
		for m2 := v - 1; m2 >= 0 && m2 > v-12; m2-- {
			if s.isWord(m2, ",") {
				if s.isWord(m2+1, "where") || s.isWord(m2+1, "which") {
					v = m2 - 1
				}
				break
			}
		}
	}
	if v < art-1 {
		switch s.word(v) {
		case "province", "state", "district", "county", "region", "governorate", "department":
			v--
		}
		e := v + 1
		a := v
		for a >= 0 && e-a <= 3 && s.toks[a].kind == tWord && s.toks[a].upper && s.nameWord(a) {
			a--
		}
		if a+1 < e {
			where = s.textOf(a+1, e)
		}
	}
	return link{q: qi, cat: cat, who: "people", how: byBreakdown, a: art, b: end, trig: -1, head: head, placeMin: end, part: head >= 0, carried: carried, where: where}, true
}

// respective is the noun a figure of a "respectively" list belongs to.
type respective struct {
	cat  tracker.Category // "" for a noun that is no casualty word ("cases")
	trig int
	toll bool // a count's verb between ("stood at", "rose to"): a running count
}

// respectiveNouns pairs the figures of "A and B respectively" with the
// nouns "X and Y" named before them in the sentence, in order, when one
// of the nouns is a casualty word: "the number of cholera cases and
// deaths was 93,160 and 1,892 respectively", "the dead and injured rose
// to 61 and 230 respectively". It returns the quantity index of each
// figure paired; nil when the sentence has no such list.
func (s *sentence) respectiveNouns() map[int]respective {
	var out map[int]respective
	for k := range s.toks {
		if !s.isWord(k, "respectively") {
			continue
		}
		e := k
		if s.isWord(e-1, ",") {
			e--
		}
		// the figures: "A and B" right before
		b := s.qty[max(e-1, 0)]
		if b < 0 || s.qs[b].j != e || !s.isWord(s.qs[b].i-1, "and") {
			continue
		}
		a := s.qty[max(s.qs[b].i-2, 0)]
		if a < 0 || s.qs[a].j != s.qs[b].i-1 {
			continue
		}
		// the nouns: "X and Y" before the first figure, within a clause
		for m := s.qs[a].i - 1; m >= 2 && m >= s.qs[a].i-12; m-- {
			if s.qty[m] >= 0 || s.word(m) == ";" || s.word(m) == "." {
				break
			}
			if !s.isWord(m-1, "and") || s.toks[m].kind != tWord || s.toks[m-2].kind != tWord {
				continue
			}
			c1, t1 := s.respectiveNoun(m - 2)
			c2, t2 := s.respectiveNoun(m)
			if c1 == "" && c2 == "" {
				break
			}
			if out == nil {
				out = map[int]respective{}
			}
			toll := false
			for j := m + 1; j < s.qs[a].i; j++ {
				toll = toll || s.is(j, fChange) || s.is(j, fCountVerb) || s.isWord(j, "stood") || s.isWord(j, "stand") || s.isWord(j, "stands")
			}
			out[a] = respective{cat: c1, trig: t1, toll: toll}
			out[b] = respective{cat: c2, trig: t2, toll: toll}
			break
		}
	}
	return out
}

// respectiveNoun reads the category of a casualty noun at token k
// ("deaths", "dead", "injured", "missing"), or "" for another noun.
func (s *sentence) respectiveNoun(k int) (tracker.Category, int) {
	if tr, n := lookup(s, s.v.triggerTab, k, 1); n > 0 && (tr.noun || tr.post) {
		return tr.cat, k
	}
	return "", -1
}

// linkFatal: cases of which some were fatal, as outbreak bulletins
// count deaths: "56 cases of Marburg virus disease, 12 of them fatal",
// "900 cases, 31 of which were fatal", "Of the 1,200 suspected cases, 40
// have been fatal".
func (s *sentence) linkFatal(qi int, p np) (link, bool) {
	q := &s.qs[qi]
	if p.kind != npNone {
		return link{}, false
	}
	m := q.j
	if s.isWord(m, "of") && (s.isWord(m+1, "them") || s.isWord(m+1, "which") || s.isWord(m+1, "whom") || s.isWord(m+1, "those")) {
		m += 2
	}
	for d := 0; d < 2 && (s.isWord(m, "were") || s.isWord(m, "was") || s.isWord(m, "have") || s.isWord(m, "has") || s.isWord(m, "had") || s.isWord(m, "been") || s.isWord(m, "proved")); d++ {
		m++
	}
	if m == q.j || !s.isWord(m, "fatal") || !s.itemEnds(m+1) {
		return link{}, false
	}
	// cases of a disease, not "40 crashes, 12 of them fatal"
	cases := false
	for k := range s.toks {
		cases = cases || s.isWord(k, "cases") || s.in(k, gDisease)
	}
	if !cases {
		return link{}, false
	}
	return link{q: qi, cat: tracker.Killed, who: "people", how: byNoun, a: q.i, b: m + 1, trig: m, head: -1, placeMin: m + 1}, true
}

// linkInAll: the count of a casualty subject in apposition, "The dead,
// 47 in all, were mostly fishermen", "the injured, 112 in total, …".
func (s *sentence) linkInAll(qi int, p np) (link, bool) {
	q := &s.qs[qi]
	if p.kind != npNone || !s.isWord(q.j, "in") || !(s.isWord(q.j+1, "all") || s.isWord(q.j+1, "total")) || !s.isWord(q.i-1, ",") || !s.itemEnds(q.j+2) {
		return link{}, false
	}
	c, ok := s.v.subjects[s.word(q.i-2)]
	if !ok || !(s.isWord(q.i-3, "the") || s.isWord(q.i-3, "those")) {
		return link{}, false
	}
	return link{q: qi, cat: c, who: "people", how: byToll, a: q.i - 3, b: q.j + 2, trig: q.i - 2, head: -1, placeMin: q.j + 2, toll: true}, true
}

// ratioOf reports the second number of a ratio, "1 in 4 of the injured
// were children", "one in five children": a share, no count.
func (s *sentence) ratioOf(qi int) bool {
	q := &s.qs[qi]
	if !s.isWord(q.i-1, "in") || q.hasQual || q.isRange || q.vague != "" {
		return false
	}
	x := s.qty[max(q.i-2, 0)]
	if x < 0 || x == qi || s.qs[x].j != q.i-1 || s.qs[x].hasQual || s.qs[x].vague != "" {
		return false
	}
	return s.qs[x].n.Cmp(q.n) < 0
}

// spacedHyphen reports a hyphen at token k with space on both sides,
// which copy typed without dashes uses as one.
func (s *sentence) spacedHyphen(k int) bool {
	return s.isWord(k, "-") && !s.glued(k) && k+1 < len(s.toks) && s.toks[k+1].space
}

// singleNounAfter reads one person named by a singular noun phrase at
// token m, "a police officer", "the owner", "his driver", and returns
// the token after it, or 0.
func (s *sentence) singleNounAfter(m int) int {
	switch s.word(m) {
	case "a", "an", "the", "his", "her", "its", "their":
	default:
		return 0
	}
	for e := m + 1; e < len(s.toks) && e <= m+3; e++ {
		t := &s.toks[e]
		if t.kind != tWord || t.upper || s.is(e, fFunc) || isTriggerWord(s, e) || s.is(e, fPostSkip) {
			if e > m+1 && (s.is(e, fPostSkip) || isTriggerWord(s, e)) && !pluralNoun(s.word(e-1)) {
				return e
			}
			return 0
		}
	}
	return 0
}

// isAux reports an auxiliary at k that opens a verb: "have", "were".
func (s *sentence) isAux(k int) bool {
	switch s.word(k) {
	case "have", "has", "had", "were", "was", "are", "is":
		return true
	}
	return false
}

// insideOfPhrase reports a quantity in the "of" phrase of a figure
// already read, whose span holds it: "Seven members of one family were
// killed" counts seven, not one family.
func (s *sentence) insideOfPhrase(qi int, links []link) bool {
	q := &s.qs[qi]
	o := q.i - 1
	if s.isWord(o, "the") && s.isAux(q.j) {
		o-- // "6 of the 13 have died", not "141 of the 179 people killed"
	}
	if !s.isWord(o, "of") {
		return false
	}
	for _, l := range links {
		if l.a < o && q.j <= l.b && s.qs[l.q].j <= o {
			return true
		}
	}
	return false
}

// modifierRun returns the end of a prepositional phrase at k (its
// preposition) of up to eight plain words, which the group's verb
// follows: a casualty word, or words that may stand before one and then
// one. It returns k when there is none: a figure, punctuation, a clause
// word, a source or a casualty word inside the phrase ends it.
func (s *sentence) modifierRun(k int) int {
	for m := k + 1; m < len(s.toks) && m <= k+8; m++ {
		t := s.toks[m]
		if t.kind != tWord || s.qty[m] >= 0 || s.flags[m]&(fAttr|fClause) != 0 || s.is(m, fSaying|fLumped) ||
			!t.upper && len(t.lower) > 4 && strings.HasSuffix(t.lower, "ing") {
			// ("1,450 casualties across the districts without separating
			// the dead": a verb of the phrase's own)
			return k
		}
		if s.is(m, fPostSkip) || isTriggerWord(s, m) {
			if m == k+1 {
				return k
			}
			f := m
			for d := 0; d < 4 && f < len(s.toks) && s.is(f, fPostSkip); d++ {
				f++
			}
			if tr, n := lookup(s, s.v.triggerTab, f, 4); n > 0 && tr.post {
				return m
			}
			return k
		}
	}
	return k
}

// relativeClauseEnd returns the token after a relative clause opened at
// k by "who" or "that" and closed by the main clause's auxiliary ("…
// who had been digging trenches around the town were killed") or by a
// verb of dying ("two pupils who were shot during the raid died", "one
// teacher who was kidnapped with the children died in captivity": what
// the clause says happened to them first is not the figure), or 0 when
// there is none: a figure or punctuation inside it, or a casualty word
// that is not followed so, means the clause is read as it stands ("30
// people who died", "12 people who were kidnapped last week").
func (s *sentence) relativeClauseEnd(k int) int {
	for m := k + 2; m < len(s.toks) && m <= k+12; m++ {
		if s.toks[m].kind != tWord || s.qty[m] >= 0 || s.flags[m]&fClause != 0 {
			return 0
		}
		if tr, n := lookup(s, s.v.triggerTab, m, 4); n > 0 {
			if tr.cat == tracker.Killed {
				// the main clause's verb, after a word of the clause
				// ("… during the raid died"), not a participle of it
				if tr.post && m > k+2 && !s.is(m-1, fPostSkip) && !s.isCopula(m-1) {
					return m
				}
				return 0
			}
			// the clause's own word of wounding or taking: "who was
			// kidnapped", "who were wounded"
			m += n - 1
			continue
		}
		if isTriggerWord(s, m) {
			return 0
		}
		// (or "remain": "14 others who had been aboard the vessel remain
		// missing")
		if (s.isCopula(m) || s.isWord(m, "remain") || s.isWord(m, "remains") || s.isWord(m, "remained")) && !s.is(m-1, fPostSkip) {
			return m
		}
	}
	return 0
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
	for k >= 0 && s.in(k, gPreSkip) {
		k--
	}
	if k < 0 {
		return link{}, false
	}
	tr, n := lookupEnding(s, s.v.triggerTab, k+1, 4)
	if n == 0 || !tr.pre {
		if h, ok := s.heldBy(k); ok && p.person() {
			// "the rebels still held more than 750 people": people an
			// armed group holds are its hostages
			return link{q: qi, cat: tracker.Hostage, who: p.who, how: byPre, a: h, b: p.end, trig: h, head: -1, placeMin: p.end}, true
		}
		return link{}, false
	}
	who := p.who
	if who == "" {
		who = "people"
	}
	end := q.j
	if p.person() {
		end = p.end
	}
	// "took 240 people hostage" is post; "holding 240 hostages" noun.
	return link{q: qi, cat: tr.cat, who: who, how: byPre, a: k + 1 - n, b: end, trig: k + 1 - n, head: -1, placeMin: end, period: q.increment}, true
}

// killedHeld turns a figure of hostages or detainees that a verb of
// killing or wounding right before it governs into the dead or hurt it
// says they are: "the militants killed 21 hostages" is no count of people
// held. Other links are returned as they are.
func (s *sentence) killedHeld(qi int, p np, l link) link {
	if l.cat != tracker.Hostage && l.cat != tracker.Arrested {
		return l
	}
	lp, ok := s.linkPre(qi, p)
	who := s.heldGroup(l)
	// (the held as a counted group: "the deaths of 23 hostages", "34
	// hostages … had died")
	held := np{kind: npPerson, who: who, end: max(l.b, s.qs[qi].j)}
	// ("37 foreign hostages of eight nationalities … were killed": past a
	// count of things that describes them)
	if e := held.end; s.isWord(e, "of") && e+1 < len(s.toks) {
		if x := s.qty[e+1]; x >= 0 && x != qi && s.qs[x].i == e+1 {
			if p2 := s.nounPhrase(&s.qs[x]); p2.kind == npUnit {
				held.end = p2.end
			}
		}
	}
	if !ok || lp.cat != tracker.Killed && lp.cat != tracker.Injured {
		lp, ok = s.linkPre(qi, held)
	}
	if !ok || lp.cat != tracker.Killed && lp.cat != tracker.Injured {
		lp, ok = s.linkPost(qi, held)
		// (only a verb of the held themselves: "… had been abducted from
		// their dormitory and a vice-principal was killed", "freed 346
		// hostages … and killed 33 militants" kill someone else)
		for m := held.end; ok && m < lp.trig && m < len(s.toks); m++ {
			if w := s.word(m); w == "and" || w == "," || w == ";" || w == "from" || s.qty[m] >= 0 {
				ok = false
			}
		}
	}
	if !ok || lp.cat != tracker.Killed && lp.cat != tracker.Injured {
		// "34 hostages and 14 militants had died": the verb of the
		// figure coordinated after
		if e := held.end; s.isWord(e, "and") && e+1 < len(s.toks) {
			if x := s.qty[e+1]; x >= 0 && x != qi && s.qs[x].i == e+1 {
				if p2 := s.nounPhrase(&s.qs[x]); p2.person() {
					if l2, ok2 := s.linkPost(x, p2); ok2 && (l2.cat == tracker.Killed || l2.cat == tracker.Injured) {
						return link{q: qi, cat: l2.cat, who: who, how: byCoord, a: s.qs[qi].i, b: e, trig: l2.trig, head: x, placeMin: l2.placeMin}
					}
				}
			}
		}
		return l
	}
	lp.who = who
	lp.b = max(lp.b, l.b)
	return lp
}

// heldGroup is the group a hostage or detainee noun names ("hostages",
// "detainees"), for a figure a verb of killing counts: its own word,
// lowercased.
func (s *sentence) heldGroup(l link) string {
	if l.who != "" && l.who != "people" {
		return l.who
	}
	if l.trig >= 0 && l.trig < len(s.toks) {
		return s.toks[l.trig].lower
	}
	return "people"
}

// linkLabel: a casualty noun or participle as the label of a bulletin
// item, with its figure right after it: "deaths 3,600; injured 5,017;
// missing 160", "Update: martyrs 1,457". The label opens the item (the
// sentence's start, a bullet, ":", ";" or ",") and the figure closes it
// (";", ",", ".", the end), so "the deaths 40 years ago" is no item.
func (s *sentence) linkLabel(qi int, p np) (link, bool) {
	q := &s.qs[qi]
	// ("fatalities 205 (Valencia province 202, …)": its parts in
	// brackets after it)
	if p.kind != npNone || q.increment || !s.itemEnds(q.j) && !s.isWord(q.j, "(") {
		return link{}, false
	}
	// "Injured: 1,100", "killed - 1,290": a colon or a dash between the
	// label and its figure
	li := q.i
	if w := s.word(li - 1); li >= 2 && (w == ":" || w == "-" || w == "–" || w == "—") && s.toks[li-2].kind == tWord {
		li--
		// "killed in the past 24 hours — 40": a period between the
		// label and its separator
		if _, n0 := lookupEnding(s, s.v.triggerTab, li, 3); n0 == 0 {
			for m := li - 3; m >= 1 && m >= li-7; m-- {
				switch s.word(m) {
				case "in", "over", "during", "within":
				default:
					continue
				}
				if e, ok := s.pastHoursAt(m); ok && e.j == li {
					li = m
					break
				}
			}
		}
	}
	tr, n := lookupEnding(s, s.v.triggerTab, li, 3)
	if li < q.i && (n == 0 || !(tr.noun || tr.post)) {
		li, n = q.i, 0
	}
	if li == q.i {
		tr, n = lookupEnding(s, s.v.triggerTab, q.i, 3)
	}
	if n == 0 || !(tr.noun || tr.post) {
		// a toll noun needs no separator before it: "Turkey's quake toll
		// 35,418, deadliest in the republic's history", "…; toll 153"
		cat, n := lookupEnding(s, s.v.tollTab, q.i, 3)
		// (a bare "Toll 2" opening a sentence is a title, not a toll)
		if n == 0 || q.hasQual || n == 1 && (!tollContext(s, q.i-1) || q.i-1 == 0) {
			return link{}, false
		}
		a := q.i - n
		who := s.tollGroup(a, q.i)
		if who == "" {
			who = "people"
		}
		return link{q: qi, cat: cat, who: who, how: byToll, a: a, b: q.j, trig: a, head: -1, placeMin: a, toll: true}, true
	}
	a := li - n
	trig := a
	// "new deaths 27", "cumulative deaths 1,841": a count modifier
	// before the label
	if a > 0 && s.is(a-1, fCountMod) && s.toks[a-1].kind == tWord {
		a--
	}
	// "Militants killed: 33. Hostages killed: 21.": a group before a
	// participle label names who
	who, bare := "people", true
	if tr.post && li < q.i {
		if g, gn := lookupEnding(s, s.v.groupTab, a, 2); gn > 0 && a-gn >= 0 {
			who, bare, a = g, false, a-gn
		} else if h, hn := lookupEnding(s, s.v.triggerTab, a, 1); hn > 0 && h.noun && (h.cat == tracker.Hostage || h.cat == tracker.Arrested) && a-hn >= 0 {
			// ("Hostages killed: 21": the held who died, as "21
			// hostages were killed" counts them)
			who, bare, a = s.toks[a-1].lower, false, a-hn
		}
	}
	if a > 0 {
		w := s.word(a - 1)
		// ("Dead 233 — Missing 103", "Deaths 217 | Missing 28": a dash
		// or a bar between a bulletin's items; "Cases 5,400 / Deaths
		// 196": a spaced slash)
		if w != ":" && w != ";" && w != "," && w != "|" && w != "—" && w != "–" && !(w == "/" && !s.glued(a-1)) && !(w == "." && !bare) && !(a == 1 && s.toks[0].kind == tPunct && isBulletMark(s.toks[0].text)) {
			return link{}, false
		}
	}
	return link{q: qi, cat: tr.cat, who: who, how: byNoun, a: a, b: q.j, trig: trig, head: -1, placeMin: q.j, bare: bare}, true
}

// linkLoss: a verb of losing before a counted group of people: "the
// family lost 14 relatives", "the army said it lost 22 soldiers in the
// attack". It is a death toll only when the group is kin (loss
// words) or an event noun follows ("in the ambush", "during the
// fighting"): a party that lost 40 members, a firm that lost 300 workers
// to a strike lost no lives.
func (s *sentence) linkLoss(qi int, p np) (link, bool) {
	q := &s.qs[qi]
	if !(p.kind == npPerson || p.kind == npOpen) {
		return link{}, false
	}
	k := q.i - 1
	for k >= 0 && s.in(k, gPreSkip) {
		k--
	}
	if k < 0 || !s.in(k, gLossVerb) {
		return link{}, false
	}
	kin := false
	for m := q.j; m < p.end; m++ {
		kin = kin || s.in(m, gKin)
	}
	end := p.end
	if !kin && s.isWord(end, "of") && s.in(end+2, gKin) {
		// "lost 26 members of his family"
		switch s.word(end + 1) {
		case "his", "her", "their", "my", "our", "the":
			kin, end = true, end+3
		}
	}
	if !kin {
		m := p.end
		if !s.isWord(m, "in") && !s.isWord(m, "during") {
			return link{}, false
		}
		event := false
		for n := m + 1; n < len(s.toks) && n <= m+4 && s.toks[n].kind == tWord; n++ {
			if s.is(n, fEvent) {
				event = true
				break
			}
		}
		if !event {
			return link{}, false
		}
	}
	who := p.who
	if who == "" {
		who = "people"
	}
	return link{q: qi, cat: tracker.Killed, who: who, how: byLoss, a: k, b: end, trig: k, head: -1, placeMin: end, period: q.increment, kin: kin}, true
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
	if s.isWord(k, "by") && s.is(k-1, fChange) {
		byWord, near = true, true
	}
	if !near {
		switch w := s.word(k); {
		case s.is(k, fTollNear), s.is(k, fChange) && w != "up" && w != "down":
			near = true
		}
		// "death toll above 500,000": a qualified number right after
		// the toll noun
		if _, n := lookupEnding(s, s.v.tollTab, k+1, 3); n > 0 && q.hasQual {
			near = true
		}
	}
	if !near {
		return link{}, false
	}
	for d := 0; d < 26 && k >= 0; d++ {
		if cat, n := lookupEnding(s, s.v.tollTab, k+1, 5); n > 0 {
			tollStart := k + 1 - n
			if n == 1 && s.isWord(k, "toll") && !tollContext(s, tollStart) {
				return link{}, false
			}
			if s.isWord(q.i-1, ":") && k+1 == q.i-1 && s.qtyEndsAt(tollStart) {
				// "report 23 deaths: seven in Poland, …": the noun is
				// the figure's before it, and the colon opens its parts
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
			if cat == tracker.Hostage || cat == tracker.Arrested {
				// "the number of hostages who died has risen to 118", "the
				// number of hostages killed": the held a verb of dying or
				// wounding right after them counts, dead or hurt
				for m := k + 1; m < q.i && m < k+5; m++ {
					if tr, n2 := lookup(s, s.v.triggerTab, m, 3); n2 > 0 {
						if tr.cat == tracker.Killed || tr.cat == tracker.Injured {
							cat, who = tr.cat, s.word(k)
						}
						break
					}
				}
			}
			period := q.increment || byWord
			// "after they lowered an earlier toll of 103", "the initial
			// death toll of 73": a figure the toll had before
			// (and "lowering the toll of 95 given the previous night":
			// the figure a newer one replaces)
			prior := false
			for m, d := tollStart-1, 0; m >= 0 && d < 4; m, d = m-1, d+1 {
				w := s.word(m)
				if s.is(m, fEarlier) {
					prior = true
					break
				}
				if isDeterminer(w) {
					prior = s.isWord(q.i-1, "of") && s.in(m-1, gCorrection)
					break
				}
				if !(s.is(m, fCountMod) || s.is(m, fModifier)) {
					break
				}
			}
			if prior && !period {
				return link{q: qi, cat: cat, who: who, how: byToll, a: tollStart, b: end, trig: tollStart, head: -1, placeMin: tollStart, prior: true}, true
			}
			return link{q: qi, cat: cat, who: who, how: byToll, a: tollStart, b: end, trig: tollStart, head: -1, placeMin: tollStart, toll: !period, period: period}, true
		}
		// "the number of Palestinians killed …", "the number of people
		// held hostage in Gaza", "the number of confirmed deaths"
		// ("the list of people unaccounted for had fallen to 31")
		// (and "revised its count of people killed in the province
		// down to nine from 12")
		if (s.isWord(k, "number") || s.isWord(k, "list") || s.isWord(k, "count") || s.isWord(k, "tally")) && s.isWord(k+1, "of") {
			if cat, who, ok := s.numberOfPhrase(k+2, q.i); ok {
				start := k
				if s.isWord(k-1, "the") {
					start--
				}
				return link{q: qi, cat: cat, who: who, how: byToll, a: start, b: q.j, trig: k, head: -1, placeMin: k + 2, toll: !byWord, period: byWord}, true
			}
		}
		// "the wounded now number 10,859", "the dead total 300", "those
		// killed numbered 40"
		if _, ok := s.v.subjects[s.word(k)]; ok && (s.isWord(k-1, "the") || s.isWord(k-1, "those") || k == 0) && s.is(q.i-1, fCountVerb) {
			if tr, n := lookup(s, s.v.triggerTab, k, 1); n > 0 {
				return link{q: qi, cat: tr.cat, who: "people", how: byToll, a: max(k-1, 0), b: q.j, trig: k, head: -1, placeMin: k + 1, toll: true}, true
			}
		}
		// a headline's or a possessor's casualty noun whose verb comes
		// right after it: "Itaewon injured rise to 196", "dead remain
		// 156", "Iran's haj dead rise to 17", "the haj's dead number
		// 1,301"
		if l, ok := s.subjectCount(qi, k); ok {
			return l, true
		}
		w := s.word(k)
		// a relative clause between the noun and the number has a subject
		// of its own: "11 arrests after violence at the match, where a
		// crowd of 45,000 watched"
		if w == "," && (s.isWord(k+1, "where") || s.isWord(k+1, "when")) {
			return link{}, false
		}
		switch {
		case w == ";" || w == "." || w == "?" || w == "!":
			return link{}, false
		case s.qty[k] >= 0 && s.isWord(s.qs[s.qty[k]].i-1, "by") && s.qs[s.qty[k]].j <= q.i:
			// "rose by 12 overnight to 1,512": step over the increment
			k = s.qs[s.qty[k]].i - 1
			continue
		case s.qty[k] >= 0 && s.v.durationWords[s.word(s.qs[s.qty[k]].j)]:
			// "the toll from the two days of blasts to 37": a duration
			// (a count of places, "the toll in the two countries", is a
			// combined figure no series can place: not read)
			k = s.qs[s.qty[k]].i - 1
			continue
		case s.qty[k] >= 0 && s.acrossPlaces(s.qty[k]):
			// "the death toll across six states rose above 100", "the
			// death toll between the two largest fires had reached 24": a
			// toll over all of them, which the report's place holds
			k = s.qs[s.qty[k]].i - 1
			continue
		case s.qty[k] >= 0 && !s.qs[s.qty[k]].consumed:
			return link{}, false
		case s.toks[k].kind == tNum && !s.excluded[k] && s.qty[k] < 0:
			return link{}, false
		case s.is(k, fSaying) && !(strings.HasSuffix(w, "ed") && isTriggerWord(s, k+1)):
			// "the ministry said 12 …": a clause boundary ("the number of
			// people reported missing" is a participle)
			return link{}, false
		case s.is(k, fLumped):
			// "the death toll …, saying that the casualties swelled to
			// 15,207": the nearer noun lumps the dead and the injured
			return link{}, false
		}
		k--
	}
	return link{}, false
}

// subjectCount reads a casualty noun at k as the subject of the count
// qi when its verb follows it at once and links the number ("rise to",
// "remain", "number", "stood at"), and what stands before the noun makes
// it a noun: a possessive, a name, a headline's start or clause
// boundary, or a noun of its own ("haj dead"). A number, an auxiliary
// or a function word before it makes it something else ("12 dead",
// "were dead", "of the dead rose to" is some other phrase's).
func (s *sentence) subjectCount(qi, k int) (link, bool) {
	q := &s.qs[qi]
	if !s.countSubject(k) {
		return link{}, false
	}
	v := k + 1
	switch {
	case v == q.i-1 && (s.is(v, fCountVerb) || s.isWord(v, "remain") || s.isWord(v, "remains")):
	case v == q.i-2 && (s.isWord(q.i-1, "to") && s.is(v, fChange) || s.isWord(q.i-1, "at") && (s.is(v, fCountVerb) || s.isWord(v, "remain") || s.isWord(v, "remains"))):
	default:
		return link{}, false
	}
	if k > 0 {
		b := &s.toks[k-1]
		switch {
		case b.text == ";" || b.text == ":" || possessive(b.lower):
		case b.kind == tWord && b.upper && !s.is(k-1, fFunc):
		case b.kind == tWord && !s.is(k-1, fFunc) && !s.is(k-1, fPostSkip) && !isTriggerWord(s, k-1) && !s.isCopula(k-1) && (k == 1 || possessive(s.toks[k-2].lower) || s.toks[k-2].upper):
		default:
			return link{}, false
		}
	}
	tr, n := lookup(s, s.v.triggerTab, k, 1)
	if n == 0 {
		return link{}, false
	}
	return link{q: qi, cat: tr.cat, who: "people", how: byToll, a: k, b: q.j, trig: k, head: -1, placeMin: k + 1, toll: true}, true
}

// countSubject reports a casualty noun at k that a verb of counting
// right after it makes a subject: "dead number", "injured rise".
func (s *sentence) countSubject(k int) bool {
	switch s.word(k) {
	case "dead", "injured", "wounded", "missing":
	default:
		return false
	}
	return s.is(k+1, fCountVerb) || s.is(k+1, fChange) || s.isWord(k+1, "remain") || s.isWord(k+1, "remains")
}

// possessive reports a word written with a possessive "'s" ("haj's",
// "Iran’s").
func possessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// numberOfPhrase reads what "the number of …" counts, from token i up to
// the number at j: a casualty word names the category ("people held
// hostage", "confirmed deaths", "foreigners among the dead"), a group word
// the group. The phrase must name a casualty within eight words.
func (s *sentence) numberOfPhrase(i, j int) (tracker.Category, string, bool) {
	who := "people"
	for k := i; k < j && k < i+8; k++ {
		if tr, n := lookup(s, s.v.triggerTab, k, 3); n > 0 {
			if tr.cat == tracker.Hostage || tr.cat == tracker.Arrested {
				// "the number of hostages who died has risen to 118",
				// "the number of detainees killed": the held a verb of
				// dying or wounding after them counts, dead or hurt
				for m := k + n; m < j && m < k+n+4; m++ {
					if tr2, n2 := lookup(s, s.v.triggerTab, m, 3); n2 > 0 {
						if tr2.cat == tracker.Killed || tr2.cat == tracker.Injured {
							return tr2.cat, s.toks[k].lower, true
						}
						break
					}
				}
			}
			return tr.cat, who, true
		}
		if g, n := lookup(s, s.v.groupTab, k, 2); n > 0 {
			who = g
			k += n - 1
			continue
		}
		if g, ok := s.demonymAt(k); ok {
			if !s.is(k, fDemonymAdj) || who == "people" {
				who = g
			}
			continue
		}
		if (s.isWord(k, "known") || s.isWord(k, "believed") || s.isWord(k, "confirmed")) && s.isWord(k+1, "to") && s.isWord(k+2, "have") {
			// "the number of people known to have died": the verb's
			// category, three words on
			if _, n := lookup(s, s.v.triggerTab, k+3, 3); n > 0 {
				k += 2
				continue
			}
		}
		if s.is(k, fTollLinker) && !s.isWord(k, "in") && !s.isWord(k, "the") && !s.isWord(k, "of") {
			// "the number of people reported missing"
			if _, n := lookup(s, s.v.triggerTab, k+1, 3); n > 0 && s.toks[k].kind == tWord && strings.HasSuffix(s.word(k), "ed") {
				continue
			}
			break
		}
	}
	return "", "", false
}

// tollContext reports whether a bare "toll" is a casualty count. It is,
// unless it is the idiom "take a heavy toll" or an economic toll.
func tollContext(s *sentence, i int) bool {
	return !s.in(i-1, gNotToll)
}

// tollGroup reads the group named before a toll noun: "the Palestinian
// death toll" counts palestinians.
func (s *sentence) tollGroup(i, j int) string {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		w := s.word(k)
		if g, ok := s.demonymAt(k); ok {
			return g
		}
		if g, ok := s.v.nounModifierGroups[w]; ok {
			return g
		}
		if w == "the" || w == "'s" {
			break
		}
	}
	return ""
}

func (l link) catOf() tracker.Category { return l.cat }

// linkTollAfter: a toll named after its number, the wire's inverted
// order: "bringing to 80 the number of dead", "raising to 64 the death
// toll", "taking to 1,301 the toll". A change verb and "to" stand before
// the number and "the" and the toll right after it, so that "rose to 12
// the next day" or "brought to 40 the buses" count nothing.
func (s *sentence) linkTollAfter(qi int, p np) (link, bool) {
	q := &s.qs[qi]
	if p.kind != npNone || !s.isWord(q.i-1, "to") || !s.is(q.i-2, fChange) || !s.isWord(q.j, "the") {
		return link{}, false
	}
	k := q.j + 1
	if cat, n := lookup(s, s.v.tollTab, k, 5); n > 0 {
		if n == 1 && s.isWord(k, "toll") && !tollContext(s, k) {
			return link{}, false
		}
		who := s.tollGroup(k, k+n)
		if who == "" {
			who = "people"
		}
		return link{q: qi, cat: cat, who: who, how: byToll, a: q.i - 2, b: k + n, trig: k, head: -1, placeMin: k + n, toll: true}, true
	}
	if (s.isWord(k, "number") || s.isWord(k, "count") || s.isWord(k, "tally")) && s.isWord(k+1, "of") {
		if cat, who, ok := s.numberOfPhrase(k+2, len(s.toks)); ok {
			return link{q: qi, cat: cat, who: who, how: byToll, a: q.i - 2, b: min(k+3, len(s.toks)), trig: k, head: -1, placeMin: k + 2, toll: true}, true
		}
	}
	return link{}, false
}

// linkItToll: a toll the sentence named before, taken up by "it": "had
// earlier put the toll at 203 before revising it down to 202", "the
// ministry gave a toll of 90 and later raised it to 95". The figure is the
// earlier toll's count (category and group), now; "it" must follow a
// change or put verb and come before "to" or "at" and the number.
func (s *sentence) linkItToll(qi int, p np, links []link) (link, bool) {
	q := &s.qs[qi]
	if p.kind != npNone {
		return link{}, false
	}
	k := q.i - 1
	if !s.isWord(k, "to") && !s.isWord(k, "at") {
		return link{}, false
	}
	k--
	if s.isWord(k, "down") || s.isWord(k, "up") {
		k--
	}
	if !s.isWord(k, "it") || !(s.is(k-1, fChange) || s.is(k-1, fPutVerb)) {
		return link{}, false
	}
	for h := len(links) - 1; h >= 0; h-- {
		if o := &links[h]; o.how == byToll && s.qs[o.q].j <= k {
			return link{q: qi, cat: o.cat, who: o.who, how: byToll, a: k - 1, b: q.j, trig: o.trig, head: -1, placeMin: q.j, toll: true}, true
		}
	}
	return link{}, false
}

// linkCountNoun: a toll whose number comes last, named by a count noun
// or a casualty adjective the other shapes do not read: "put the dead at
// 237", "its estimate of the dead to more than 670", "the count of the
// dead stands at 217", "bringing the total to 4,210", "the official count
// of 37", "the national count stands at 217". A casualty word after the
// noun names the category ("of the dead"); else the count is the one the
// sentence (or, at its start, the sentence before) already gave, and the
// figure is that count's: its category and group. "the earlier figure"
// makes it a prior.
func (s *sentence) linkCountNoun(qi int, p np, links []link) (link, bool) {
	q := &s.qs[qi]
	if q.increment || !(p.kind == npNone || p.kind == npPerson) {
		return link{}, false
	}
	k := q.i - 1
	if !s.is(k, fTollNear) {
		return link{}, false
	}
	// the linking words: "stands at", "has risen to", "was"
	for d := 0; d < 4 && k >= 0 && (s.is(k, fTollLinker) || s.is(k, fTollNear) || s.is(k, fChange)) && !s.is(k, fCountNoun) && !isDeterminer(s.word(k)); d++ {
		k--
	}
	// "bringing the total since January to 187": the count's own date
	for m := k - 1; m >= 1 && m >= k-4; m-- {
		if s.isWord(m, "since") {
			if _, end, ok := s.dateAt(m + 1); (ok && end == k+1 || m+1 == k && s.is(k, fMonth)) && s.is(m-1, fCountNoun) {
				k = m - 1
			}
			break
		}
	}
	// "bringing the total across the three countries to 608": the
	// count's own place phrase, a count of places, between the count noun
	// and its linking word
	if k >= 4 && s.isWord(k, "countries") || k >= 4 && s.isWord(k, "provinces") || k >= 4 && s.isWord(k, "states") || k >= 4 && s.isWord(k, "districts") {
		m := k - 1
		if x := s.qty[m]; x >= 0 && s.qs[x].i == m {
			m--
		}
		if s.isWord(m, "the") && (s.isWord(m-1, "across") || s.isWord(m-1, "in") || s.isWord(m-1, "for")) && s.is(m-2, fCountNoun) {
			if x := s.qty[k-1]; x >= 0 {
				s.qs[x].consumed = true
			}
			k = m - 2
		}
	}
	linker := s.word(k + 1)
	// the noun phrase before them, read backwards: "the [civilian] dead"
	// after "put", "[det] [mods] NOUN [of|for the CASUALTY]"
	var cat tracker.Category
	who := ""
	a, noun := -1, -1
	if tr, n := lookup(s, s.v.triggerTab, k, 1); n > 0 {
		cat = tr.cat
		m := k - 1
		if g, ok := s.v.nounModifierGroups[s.word(m)]; ok {
			who, m = g, m-1
		} else if g, ok := s.demonymAt(m); ok {
			who, m = g, m-1
		}
		if !isDeterminer(s.word(m)) || s.isWord(m, "a") || s.isWord(m, "an") {
			return link{}, false
		}
		det := m
		switch w := s.word(m - 1); {
		case w == "of" || w == "for":
			// "its estimate of the dead", "the count of the dead"
			if !s.is(m-2, fCountNoun) || s.isWord(m-2, "number") {
				return link{}, false
			}
			noun = m - 2
			a = noun
		case s.is(m-1, fAttrVerb) || s.is(m-1, fPutVerb):
			// "put the dead at 237"
			if linker != "at" && linker != "to" {
				return link{}, false
			}
			a, noun = det, k
		default:
			return link{}, false
		}
	} else if s.is(k, fCountNoun) && !s.isWord(k, "number") && !s.isWord(k, "figures") {
		// "the total", "the official count", "the Saudi figure"
		if s.isWord(k+1, "for") {
			return link{}, false // "the figure for June"
		}
		noun, a = k, k
	} else {
		return link{}, false
	}
	// determiners and modifiers before the count noun: "the earlier
	// official", "its", "the missing" (which names the category)
	prior := false
	for d := 0; a == noun-d && d < 4 && a-1 >= 0; d++ {
		w := s.word(a - 1)
		if s.is(a-1, fEarlier) {
			prior = true
		}
		if isDeterminer(w) {
			a--
			break
		}
		if tr, n := lookup(s, s.v.triggerTab, a-1, 1); n > 0 && cat == "" {
			cat = tr.cat
			a--
			continue
		}
		if s.is(a-1, fEarlier) || s.is(a-1, fCountMod) || w == "'s" || s.toks[a-1].upper && s.toks[a-1].kind == tWord || s.is(a-1, fModifier) {
			a--
			continue
		}
		break
	}
	if a == noun || s.qtyBetween(a, q.i) {
		return link{}, false // a bare "total" is a word, not a count
	}
	// "correcting the figure of 9,240 it had given on Sunday": the figure
	// a newer one replaces
	if w := s.word(a - 1); s.in(a-1, gCorrection) || w == "from" {
		prior = true
	}
	if s.isWord(q.j, "it") && s.isWord(q.j+1, "had") || s.isWord(q.j, "given") && s.isWord(q.j+1, "earlier") {
		prior = true
	}
	if p.kind == npPerson {
		who = p.who
	}
	if cat == "" {
		// the count the text already gave
		if h := s.headBefore(a, links); h >= 0 && !s.isWord(a-1, ";") {
			cat = links[h].cat
			if who == "" {
				who = links[h].who
			}
		} else if hc := s.firstCarry(); hc != nil && a <= 3 && len(links) == 0 {
			// "The previous official count was 1,411": the count the
			// sentence before led with
			cat = hc.Category
			if who == "" {
				who = hc.Who
			}
		} else {
			return link{}, false
		}
	}
	if who == "" {
		who = "people"
	}
	end := q.j
	if p.kind == npPerson {
		end = p.end
	}
	return link{q: qi, cat: cat, who: who, how: byToll, a: a, b: end, trig: noun, head: -1, placeMin: end, toll: !prior, prior: prior}, true
}

// acrossPlaces reports a count of places or events after "across" or
// "between" (and "the"): "across six states", "between the two fires".
func (s *sentence) acrossPlaces(x int) bool {
	q := &s.qs[x]
	k := q.i - 1
	if s.isWord(k, "the") {
		k--
	}
	// (or the places an event's relative clause names: "the death toll in
	// the floods that hit several states since last week stands at six")
	struck := (s.isWord(k-1, "that") || s.isWord(k-1, "which")) && (s.isWord(k, "hit") || s.isWord(k, "struck") || s.isWord(k, "affected") || s.isWord(k, "battered") || s.isWord(k, "swept"))
	if !s.isWord(k, "across") && !s.isWord(k, "between") && !struck || q.hasQual {
		return false
	}
	m := q.j
	for d := 0; d < 2 && m < len(s.toks) && s.toks[m].kind == tWord && !s.toks[m].upper && !s.is(m, fUnit) && !s.is(m, fEvent); d++ {
		m++
	}
	return m < len(s.toks) && (s.is(m, fUnit) || s.is(m, fEvent))
}

// isDeterminer reports the words that open a count's noun phrase.
func isDeterminer(w string) bool {
	switch w {
	case "the", "its", "their", "his", "her", "this", "that", "an", "a":
		return true
	}
	return false
}

// linkElidedToll: a second running count whose verb is left out after a
// toll that rose: "the number of martyrs rose to 436, and the wounded to
// 678", "the death toll climbed to 52, and the injured to 130". The
// subject word names the category ("the wounded"); the toll before must
// be linked through its toll noun, with nothing but the subject, or the
// toll's own breakdown, between.
func (s *sentence) linkElidedToll(qi int, p np, links []link) (link, bool) {
	q := &s.qs[qi]
	if p.kind != npNone || q.increment || !s.isWord(q.i-1, "to") || !s.isWord(q.i-3, "the") {
		return link{}, false
	}
	cat, ok := s.v.subjects[s.word(q.i-2)]
	if !ok {
		return link{}, false
	}
	k := q.i - 4
	if !s.isWord(k, "and") && !s.isWord(k, ",") {
		return link{}, false
	}
	if s.isWord(k, "and") && s.isWord(k-1, ",") {
		k--
	}
	h := s.headBefore(k, links)
	if h < 0 || max(links[h].b, s.qs[links[h].q].j) != k {
		return link{}, false
	}
	// "rose to 436, among them 183 children and 94 women, and the
	// wounded to 678": the toll's breakdown may stand between
	for d := 0; d < len(links) && links[h].how != byToll && (links[h].how == byBreakdown || links[h].part) && links[h].head >= 0; d++ {
		hq, next := links[h].head, -1
		for i := range links {
			if links[i].q == hq {
				next = i
			}
		}
		if next < 0 {
			return link{}, false
		}
		h = next
	}
	if links[h].how != byToll || links[h].cat == cat {
		return link{}, false
	}
	return link{q: qi, cat: cat, who: "people", how: byToll, a: q.i - 3, b: q.j, trig: -1, head: -1, placeMin: q.j, toll: true}, true
}

// ofTheAboard reads "of the M [people] on board|aboard" after quantity
// qi at token k ("241 of the 242 people on board were killed") and
// returns the token after it. M counts who were there, not a casualty
// figure: it is consumed. False for any other "of the M", such as "84 of
// the 116 people who died", where M is the total.
func (s *sentence) ofTheAboard(qi, k int) (int, bool) {
	// ("241 Of 242 On Board Killed": "the" left out)
	t := k + 2
	if !s.isWord(k+1, "the") {
		t = k + 1
	}
	if t >= len(s.toks) {
		return 0, false
	}
	x := s.qty[t]
	if x < 0 || s.qs[x].i != t || s.qs[x].n.Cmp(s.qs[qi].n) < 0 {
		return 0, false
	}
	m := s.qs[x].j
	if g, n := lookup(s, s.v.groupTab, m, 2); n > 0 && g != "" {
		m += n
	}
	switch {
	case s.isWord(m, "on") && s.isWord(m+1, "board"):
		m += 2
	case s.isWord(m, "aboard") || s.isWord(m, "onboard"):
		m++
	default:
		return 0, false
	}
	// "on board the jet", "aboard flight AI171", "aboard the Jeju Air
	// flight were killed": the craft named before the verb, up to five
	// words with no figure, punctuation or casualty word in them
	if s.isWord(m, "the") || s.isWord(m, "flight") {
		e := m + 1
		for e < len(s.toks) && e-m <= 5 && (s.toks[e].kind == tWord || s.toks[e].kind == tAlnum) && !isTriggerWord(s, e) && !s.is(e, fPostSkip) {
			e++
		}
		if e > m+1 && e < len(s.toks) && (isTriggerWord(s, e) || s.is(e, fPostSkip)) {
			m = e
		}
	}
	s.qs[x].consumed = true
	return m, true
}

// heldBy reports "held", "holding" or "hold" at k whose subject, up to
// six words before it, is an armed group that takes hostages ("the
// rebels still held", "gunmen were holding"): the verb's object are its
// hostages. Police and courts "hold" suspects too, which this never
// reads. It returns the verb's index.
func (s *sentence) heldBy(k int) (int, bool) {
	switch s.word(k) {
	case "held", "holding", "hold", "holds":
	default:
		return 0, false
	}
	for m := k - 1; m >= 0 && m >= k-6; m-- {
		switch w := s.word(m); {
		case s.v.holders[w]:
			return k, true
		case w == "," || w == ";" || w == ".":
			return 0, false
		}
	}
	return 0, false
}
