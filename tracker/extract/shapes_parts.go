package extract

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollproject/toll/tracker"
)

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
			if s.isWord(hs-1, "the") && s.isWord(hs-2, "of") && (he == q.i-1 || he < q.i-1 && s.in(he, gPlacePrep) && !s.qtyBetween(he, q.i) && !s.clauseBreakBetween(he, q.i-1)) {
				who, end, ok := hl.who, q.j, false
				switch {
				case s.isWord(q.j, "were") || s.isWord(q.j, "are"):
					// "800 were civilians"
					if g, gn := lookup(s, s.v.groupTab, q.j+1, 2); gn > 0 {
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
	if s.isWord(q.i-1, ":") && p.person() {
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
	// "Among the 50 people who died in the fire were 45 Indians": the
	// total inside the marker, its part after the copula
	if k < q.i-1 && p.person() {
		if h := s.headBefore(q.i, links); h >= 0 {
			hl := links[h]
			hs := min(hl.a, s.qs[hl.q].i)
			he := max(hl.b, s.qs[hl.q].j)
			if s.isWord(hs-1, "the") && s.isWord(hs-2, "among") &&
				(he == k+1 || he < k+1 && s.in(he, gPlacePrep) && !s.qtyBetween(he, k+1) && !s.clauseBreakBetween(he, k+1)) {
				return link{q: qi, cat: hl.cat, who: p.who, how: byBreakdown, a: q.i, b: p.end, trig: -1, head: hl.q, placeMin: p.end}, true
			}
		}
	}
	bw, n := lookupEnding(s, s.v.breakdownTab, k+1, 4)
	if n == 0 || !bw {
		// "five of them children", "12 of them women"
		if s.isWord(q.j, "of") && (s.isWord(q.j+1, "them") || s.isWord(q.j+1, "whom") || s.isWord(q.j+1, "those")) {
			m := q.j + 2
			if s.isWord(m, "were") || s.isWord(m, "are") || s.isWord(m, "being") {
				m++
			}
			// "Nine of them were children." after a sentence that gave
			// the total
			if hc := s.carryOf(""); hc != nil && q.i == 0 && s.headBefore(q.i, links) < 0 {
				if g, end, ok := s.groupAt(m); ok && s.itemEnds(end) && s.fits(q, hc.Interval) {
					return link{q: qi, cat: hc.Category, who: g, how: byBreakdown, a: q.i, b: end, trig: -1, head: -1, placeMin: end, carried: true}, true
				}
			}
			if g, gn := lookup(s, s.v.groupTab, m, 2); gn > 0 {
				if h := s.headBefore(q.i, links); h >= 0 && !s.qtyBetween(max(links[h].b, s.qs[links[h].q].j), q.i) {
					return link{q: qi, cat: links[h].cat, who: g, how: byBreakdown, a: q.i, b: m + gn, trig: -1, head: links[h].q, placeMin: m + gn}, true
				}
			}
			// "1,404 of them critically", "119 of them in the past 24
			// hours": a part of the same group, unless another figure
			// stands between ("851 people sought medical help, 422 of
			// them"): "them" are those
			if _, isDemonym := s.demonymAt(m); !isDemonym {
				if h := s.headBefore(q.i, links); h >= 0 && !s.qtyBetween(max(links[h].b, s.qs[links[h].q].j), q.i) {
					// "16 of them were in the Eaton fire": the item runs to
					// the end of its place, where the list may go on
					end, where := q.j+2, ""
					if e, w, ok := s.inPlace(m); ok {
						end, where = e, w
					}
					return link{q: qi, cat: links[h].cat, who: links[h].who, how: byBreakdown, a: q.i, b: end, trig: -1, head: links[h].q, placeMin: end, where: where}, true
				}
			}
			if g, ok := s.demonymAt(m); ok {
				if h := s.headBefore(q.i, links); h >= 0 && !s.qtyBetween(max(links[h].b, s.qs[links[h].q].j), q.i) {
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
	cat := tracker.Category("")
	switch {
	case strings.Contains(marker, "dead") || strings.Contains(marker, "killed") || strings.Contains(marker, "victims"):
		cat = tracker.Killed
	case strings.Contains(marker, "injured") || strings.Contains(marker, "wounded"):
		cat = tracker.Injured
	case strings.Contains(marker, "hostages") || strings.Contains(marker, "taken"):
		cat = tracker.Hostage
	}
	head := s.headBefore(markerStart, links)
	if cat == "" {
		// "The dead include 12 children", "those killed included"; after
		// another category's figures ("The dead included 83 men, …, while
		// the injured included 232 men") the subject names it too, and the
		// figures before are no total of it
		if v, ok := s.subjectCategory(markerStart); ok {
			cat = v
			if head >= 0 && links[head].cat != cat {
				head = -1
			}
		} else if head < 0 {
			return link{}, false
		}
	}
	if cat == "" {
		cat = links[head].cat
	}
	who, end := p.who, p.end
	if !p.person() {
		// "of whom 12 were children"
		m := q.j
		if s.isWord(m, "were") || s.isWord(m, "are") || s.isWord(m, "was") {
			m++
		}
		if g, gn := lookup(s, s.v.groupTab, m, 2); gn > 0 {
			who, end = g, m+gn
		} else if g, ok := s.demonymAt(m); ok {
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
		// "723 deaths among 25,093 suspected cases": a figure larger than
		// the one it would be a part of is another count (the cases), no
		// part of it
		if hi := s.qs[headQ].interval(); !hi.Unbounded && q.interval().Low.Cmp(hi.High) > 0 {
			return link{}, false
		}
	}
	return link{q: qi, cat: cat, who: who, how: byBreakdown, a: markerStart, b: end, trig: -1, head: headQ, placeMin: end}, true
}

// linkAmongTotal: a part named before its total, which a casualty word
// governs after it: "Twenty-three children were among the 78 people
// confirmed dead", "At least 27 campers and counselors from the camp
// were among the 84 people killed". A figure larger than the total is no
// part of it.
func (s *sentence) linkAmongTotal(qi int, p np, linked []int, links []link) (link, bool) {
	q := &s.qs[qi]
	if !p.person() || q.increment {
		return link{}, false
	}
	// the rest of the group's phrase: "and counselors from Camp Mystic"
	k := p.end
	for d := 0; d < 8 && k < len(s.toks) && !s.isCopula(k); d++ {
		if s.toks[k].kind != tWord || s.qty[k] >= 0 || isTriggerWord(s, k) || s.flags[k]&fClause != 0 {
			return link{}, false
		}
		k++
	}
	if !s.isCopula(k) || !s.isWord(k+1, "among") {
		return link{}, false
	}
	// "among the 78 people", "among at least 14 people"
	t := k + 2
	if s.isWord(t, "the") {
		t++
	}
	x := s.qty[min(t, len(s.toks)-1)]
	if x < 0 || s.qs[x].i != t || linked[x] < 0 || t == k+2 && !s.qs[x].hasQual {
		return link{}, false
	}
	total := links[linked[x]]
	if total.how == byBreakdown || total.part || !s.fits(q, s.qs[x].interval()) {
		return link{}, false
	}
	who := p.who
	if who == "" {
		who = "people"
	}
	return link{q: qi, cat: total.cat, who: who, how: byBreakdown, a: q.i, b: k + 2, trig: -1, head: x, placeMin: p.end}, true
}

// countBetween reports a live quantity among tokens [i, j) that may count
// people: a count of things ("in six states") between a total and its
// list does not stop the list.
func (s *sentence) countBetween(i, j int) bool {
	for k := i; k < j && k < len(s.toks); k++ {
		if x := s.qty[k]; x >= 0 && !s.qs[x].consumed && s.qs[x].i == k {
			if p := s.nounPhrase(&s.qs[x]); p.kind != npUnit {
				return true
			}
		}
	}
	return false
}

// isCopula reports "were", "are", "was" or "is" at token k.
func (s *sentence) isCopula(k int) bool {
	return s.isWord(k, "were") || s.isWord(k, "are") || s.isWord(k, "was") || s.isWord(k, "is")
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

// partOfHead makes a post link that follows a breakdown word a part of
// the figure before it when both count the same category: "1,204
// injured, of whom 721 are in a serious condition" (the 721 are among
// the 1,204), but not "1,204 injured, of whom 12 later died".
func (s *sentence) partOfHead(l *link, links []link) {
	q := s.qs[l.q]
	if _, n := lookupEnding(s, s.v.breakdownTab, q.i, 3); n == 0 {
		return
	}
	if h := s.headBefore(q.i, links); h >= 0 && links[h].cat == l.cat {
		l.part, l.head = true, links[h].q
	}
}

// subjectCategory reads "the dead include", "those killed included", "the
// victims include" before a breakdown marker at k.
func (s *sentence) subjectCategory(k int) (tracker.Category, bool) {
	for m := k - 1; m >= 0 && m >= k-3; m-- {
		if c, ok := s.v.subjects[s.word(m)]; ok {
			return c, true
		}
	}
	// "The dead from the Hajj heat included", "the victims of the
	// Mangaf fire included": a subject after "the" or "those" whose
	// place or cause phrase stands between it and the marker, with no
	// figure and no clause break in it
	for m := k - 4; m >= 1 && m >= k-7; m-- {
		c, ok := s.v.subjects[s.word(m)]
		if !ok {
			continue
		}
		if (s.isWord(m-1, "the") || s.isWord(m-1, "those")) && (s.in(m+1, gPlacePrep) || s.isWord(m+1, "from") || s.isWord(m+1, "of")) &&
			!s.qtyBetween(m, k) && !s.clauseBreakBetween(m, k) {
			return c, true
		}
		break
	}
	return "", false
}

// linkRestate: a second figure for the same count, set off by a comma:
// "a few dozen people died, probably between 10 and 50". It shares the
// first figure's category and group; the hedge word is kept in the span.
func (s *sentence) linkRestate(qi int, p np, links []link) (link, bool) {
	q := &s.qs[qi]
	// the same count in other units, set off by commas between the
	// figure and its verb: "Some 2,000 families, or around 10,000
	// people, have been displaced"
	if p.kind == npPerson && s.isWord(q.i-1, "or") && s.isWord(q.i-2, ",") && s.isWord(p.end, ",") {
		for _, l := range links {
			if l.how == byPost && l.a < q.i && p.end < l.trig && s.nounPhrase(&s.qs[l.q]).end == q.i-2 {
				return link{q: qi, cat: l.cat, who: p.who, how: byRestate, a: q.i - 1, b: p.end, trig: -1, head: l.q, placeMin: p.end}, true
			}
		}
	}
	k := q.i - 1
	for k >= 0 && s.in(k, gRestateHedge) {
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
		if end < k && end+6 >= k && (s.in(end, gPlacePrep) || s.flags[end]&fDate != 0) && !s.qtyBetween(end, k) && !s.clauseBreakBetween(end, k) {
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
	if !p.person() && p.kind != npNone || s.isWord(q.j, "each") {
		return link{}, false
	}
	// "the bodies of 12 children and one teacher": one person named by a
	// singular noun beside a counted group is named, not counted, as "a
	// police officer" is before a verb (singleNounAfter); in a breakdown
	// ("15 people - 14 men and one woman") the one is a part
	single := s.isWord(q.i-1, "and") && q.j == q.ni+1 && s.isWord(q.ni, "one") && p.person() && p.end == q.j+1 && !pluralNoun(s.word(q.j))
	// backward: … q1 [group] (and|,|together with) q2 where q1 is
	// linked by pre, breakdown or coordination
	k := q.i - 1
	coordinated := false
	if n := s.coordinatorEnding(k); n > 0 {
		coordinated = true
		// "together with 60 others who had gathered", not "together
		// with 3,000 officers deployed": the second figure's phrase
		// ends there
		e := max(p.end, q.j)
		others := s.isWord(q.j, "others")
		if !others && !s.itemEnds(e) && !s.in(e, gPlacePrep) && !s.isWord(e, "who") && !s.isWord(e, "that") {
			return link{}, false
		}
		k -= n
	} else if s.isWord(k, "and") {
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
		if end-1 == k && (l.how == byPre || l.how == byLoss || l.how == byBreakdown || l.how == byCoord || l.how == byNoun && s.qs[l.q].j == l.b) {
			if single && l.how != byBreakdown && !l.part {
				return link{}, false
			}
			if s.ownVerbAfter(max(p.end, q.j)) || s.ownParticipleAfter(max(p.end, q.j)) {
				return link{}, false
			}
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
	// "arrested legal scholar Benny Tai together with 52 other
	// opposition figures": the verb's first object is a person named,
	// not counted, and the coordinated figure is its object too
	if coordinated {
		for m := k; m >= 0 && m > k-14; m-- {
			if s.toks[m].kind != tWord || s.qty[m] >= 0 || s.flags[m]&fClause != 0 {
				break
			}
			if tr, n := lookupEnding(s, s.v.triggerTab, m+1, 4); n > 0 {
				if !tr.pre || m == k {
					break
				}
				who := p.who
				if who == "" {
					who = "people"
				}
				end := max(p.end, q.j)
				return link{q: qi, cat: tr.cat, who: who, how: byPre, a: q.i, b: end, trig: m + 1 - n, head: -1, placeMin: end}, true
			}
		}
	}
	// forward: q1 [group] and q2 … where q2 is linked by post
	k = p.end
	if p.kind == npNone {
		k = q.j
	}
	if n := s.coordinatorAt(k); n > 0 {
		k += n - 1
	} else if !s.isWord(k, "and") {
		return link{}, false
	}
	k++
	if k > p.end && k < len(s.toks) {
		if x := s.qty[k]; x >= 0 && s.qs[x].i == k && linked[x] >= 0 && p.person() {
			l := links[linked[x]]
			if l.how == byPost || l.how == byCoord && s.qs[l.q].i > q.i {
				return link{q: qi, cat: l.cat, who: p.who, how: byCoord, a: q.i, b: p.end, trig: l.trig, head: x, placeMin: l.placeMin}, true
			}
			// "Twelve children and nine women were among the 45 killed":
			// a part too, of the same total
			if l.how == byBreakdown && l.head >= 0 && s.qs[l.head].i > s.qs[l.q].i {
				return link{q: qi, cat: l.cat, who: p.who, how: byCoord, part: true, a: q.i, b: p.end, trig: -1, head: l.head, placeMin: p.end}, true
			}
		}
	}
	return link{}, false
}

// linkRespectively: figures listed before the one a casualty word
// governs, which "respectively" after it gives the same word and group:
// "the worst-hit districts, with 65, 40 and 39 deaths respectively".
// Without "respectively" a bare list before a figure is no claim.
func (s *sentence) linkRespectively(qi int, nps []np, linked []int, links []link) (link, bool) {
	q := &s.qs[qi]
	if nps[qi].kind != npNone || q.increment || q.hasQual {
		return link{}, false
	}
	k := q.j
	for d := 0; d < 8; d++ {
		if s.isWord(k, ",") && s.isWord(k+1, "and") {
			k++
		}
		if !s.isWord(k, ",") && !s.isWord(k, "and") {
			return link{}, false
		}
		x := s.qty[min(k+1, len(s.toks)-1)]
		if x < 0 || s.qs[x].i != k+1 || s.qs[x].consumed {
			return link{}, false
		}
		if linked[x] >= 0 {
			l := links[linked[x]]
			if l.how != byNoun && l.how != byPost {
				return link{}, false
			}
			e := max(l.b, s.qs[x].j)
			if s.isWord(e, ",") {
				e++
			}
			if !s.isWord(e, "respectively") {
				return link{}, false
			}
			return link{q: qi, cat: l.cat, who: l.who, how: byCoord, a: q.i, b: q.j, trig: l.trig, head: -1, placeMin: q.j}, true
		}
		if nps[x].kind != npNone {
			return link{}, false
		}
		k = s.qs[x].j
	}
	return link{}, false
}

// coordinatorEnding returns the length of a coordinator phrase ("together
// with", "as well as") whose last word is token k, or 0.
func (s *sentence) coordinatorEnding(k int) int {
	for n := 3; n >= 2; n-- {
		if k-n+1 >= 0 && s.v.coordinators[string(s.lowerKey(k-n+1, k+1))] {
			return n
		}
	}
	return 0
}

// coordinatorAt returns the length of a coordinator phrase starting at
// token k, or 0.
func (s *sentence) coordinatorAt(k int) int {
	for n := 3; n >= 2; n-- {
		if k+n <= len(s.toks) && s.v.coordinators[string(s.lowerKey(k, k+n))] {
			return n
		}
	}
	return 0
}

// lowerKey joins the lowercase words of tokens [i, j) with single
// spaces, as vocabulary phrases are written, in the sentence's scratch
// buffer (valid until its next use): a map lookup of
// string(s.lowerKey(i, j)) does not allocate, as a joined string did.
func (s *sentence) lowerKey(i, j int) []byte {
	s.key = s.key[:0]
	for k := i; k < j; k++ {
		if k > i {
			s.key = append(s.key, ' ')
		}
		s.key = append(s.key, s.word(k)...)
	}
	return s.key
}

// linkPartItem: one item of a breakdown list that names no casualty word
// and often no group, which the other shapes cannot read: "54 were
// women", "39 were in Wajima, 23 in Suzu", "Iran 464, Nigeria 199",
// "Balochistan for 336". Its total is, in this order: the figure the list
// continues ("…, 23 in Suzu" after "39 were in Wajima"), a figure before
// it in the sentence set off by ";", ":" or a dash (or a comma, for items
// that name a place), or the total of the sentence before (s.carry) when
// this sentence opens with the list or with "Of the dead,". It is a part
// of that total, of the same category.
func (s *sentence) linkPartItem(qi int, p np, links []link) (link, bool) {
	q := &s.qs[qi]
	if q.increment || !(p.kind == npNone || p.person()) {
		return link{}, false
	}
	it, ok := s.partShape(qi, p)
	if !ok {
		return link{}, false
	}
	k := it.a - 1
	// (0) a figure of its own whose verb is left out, after one that
	// names its place: "92 people died in Jajarkot and 62 in Rukum
	// West", "Ninety-two people died in Jajarkot district, where the
	// quake was centred, and 36 in neighbouring West Rukum"
	if it.where != "" && !it.verb && (s.isWord(k, "and") || s.isWord(k, ",")) {
		if l, ok := s.elidedSibling(k, links); ok {
			return link{q: qi, cat: l.cat, who: l.who, how: byCoord, a: it.a, b: it.end, trig: -1, head: l.head,
				placeMin: it.end, part: l.part, carried: l.carried, where: it.where, partitive: l.partitive}, true
			// ("29 of the dead were in Acapulco and 10 in Coyuca": the
			// second is some of the dead too)
		}
	}
	// (1) the list goes on: "…, 23 in Suzu", "… and five in Nanao"
	if s.isWord(k, ",") || s.isWord(k, "and") {
		m := k
		if s.isWord(m, "and") && s.isWord(m-1, ",") {
			m--
		}
		// (past an aside in brackets: "Nakuru 61 (including Mai
		// Mahiu), Machakos 14")
		m = s.asideStart(m)
		for h := len(links) - 1; h >= 0; h-- {
			l := links[h]
			if max(l.b, s.qs[l.q].j) != m {
				continue
			}
			if l.how != byBreakdown && !l.part && !l.carried && !(l.how == byNoun && (it.where != "" || it.verb)) {
				break
			}
			who := it.who
			if who == "" {
				who = s.partTotalWho(l, links)
			}
			head := l.head
			if l.how != byBreakdown && !l.part {
				head = l.q
			}
			if !s.fits(q, s.totalOf(l, links)) {
				return link{}, false
			}
			carried := l.carried
			if l.how == byNoun && !l.part && l.head < 0 && !l.carried && s.carryOf(l.cat) != nil && s.qs[l.q].i <= 2 {
				// "Sindh accounted for 792 of the deaths, Balochistan for
				// 336": both are parts of the sentence before's total
				head, carried = -1, true
			}
			return link{q: qi, cat: l.cat, who: who, how: byCoord, part: true, a: it.a, b: it.end, trig: -1, head: head,
				placeMin: it.end, carried: carried, where: it.where}, true
		}
	}
	// (2) after a figure of the same sentence: "…; 54 were women",
	// "…: 229 in the Valencia region", "…, 92 in the Valencia region"
	sep := s.word(k)
	// "…, followed by Punjab with 22": the next item of a ranking
	followed := sep == "by" && s.isWord(k-1, "followed") && it.where != ""
	if followed {
		k--
		if s.isWord(k-1, ",") {
			k--
		}
	}
	// "…, with 247 in Buner alone": the total's part in one place
	with := sep == "with" && s.isWord(k-1, ",") && it.where != "" && !it.verb
	if with {
		k--
	}
	// "Deaths: 854 (men 459, …)": a bracket right after the total
	bracket := sep == "(" && (it.who != "" || it.where != "") && !it.verb
	if followed || with || bracket || sep == ";" || sep == ":" || sep == "—" || sep == "–" || s.spacedHyphen(k) || sep == "," && (it.where != "" || it.named || it.severity || s.inApposition(k, it, links)) {
		if h := s.headBefore(k, links); h >= 0 && (!bracket || max(links[h].b, s.qs[links[h].q].j) == k) {
			l := links[h]
			if !s.countBetween(max(l.b, s.qs[l.q].j), k) && s.fits(q, s.totalOf(l, links)) && (!it.severity || l.cat == tracker.Injured) {
				head, who := l.q, it.who
				if l.how == byBreakdown || l.part {
					head = l.head
				}
				if who == "" {
					who = s.partTotalWho(l, links)
				}
				return link{q: qi, cat: l.cat, who: who, how: byBreakdown, a: it.a, b: it.end, trig: -1, head: head,
					placeMin: it.end, carried: l.carried, where: it.where}, true
			}
		}
	}
	// "The dead are from Nairobi (21), Nakuru (3)": a subject that names
	// the category, and its places
	if it.where != "" && s.isWord(k, "from") && s.isCopula(k-1) && len(links) == 0 {
		if c, ok := s.subjectCategory(k - 1); ok {
			return link{q: qi, cat: c, who: "people", how: byBreakdown, a: it.a, b: it.end, trig: -1, head: -1, placeMin: it.end, where: it.where}, true
		}
	}
	// (3) the sentence opens with the list: "Of the dead, 142 were
	// students", "Worst hit: Iran 464, Nigeria 199", "Catarroja lost 25,
	// Alfafar 15"
	if len(links) > 0 && s.qs[links[0].q].i < q.i {
		return link{}, false
	}
	cat, opened := s.openingMarker(it.a)
	if !opened {
		return link{}, false
	}
	hc := s.carryOf(cat)
	if cat == "" {
		if hc == nil {
			return link{}, false
		}
		cat = hc.Category
	}
	// without "Of the dead," the opening item names a place and another
	// item follows: a list, not a sentence that starts with a number
	if !(s.isWord(it.a-1, ",") || s.isWord(it.a-1, ":") && s.isWord(0, "of")) && (it.where == "" || !s.listGoesOn(it.end) && !s.isWord(it.a-1, ":") && !s.aloneInItem(it, hc)) {
		return link{}, false
	}
	if hc != nil && !s.fits(q, hc.Interval) {
		return link{}, false
	}
	who := it.who
	if who == "" {
		who = "people"
		if hc != nil {
			who = hc.Who
		}
	}
	carried := hc != nil
	return link{q: qi, cat: cat, who: who, how: byBreakdown, a: it.a, b: it.end, trig: -1, head: -1, placeMin: it.end, carried: carried, where: it.where}, true
}

// asideStart returns where a short aside in brackets that ends right
// before token k starts ("(including Mai Mahiu)"), or k when there is
// none. An aside holding a number is no aside: it may be a figure.
func (s *sentence) asideStart(k int) int {
	if !s.isWord(k-1, ")") {
		return k
	}
	for m := k - 2; m >= 0 && m >= k-10; m-- {
		switch {
		case s.toks[m].kind == tNum || s.qty[m] >= 0:
			return k
		case s.isWord(m, ")"):
			return k
		case s.isWord(m, "("):
			return m
		}
	}
	return k
}

// asideEnd returns the token after a short aside in brackets that starts
// at token k ("(including Mai Mahiu)"), or k when there is none; as
// asideStart, one holding a number is none.
func (s *sentence) asideEnd(k int) int {
	if !s.isWord(k, "(") {
		return k
	}
	for m := k + 1; m < len(s.toks) && m <= k+9; m++ {
		switch {
		case s.toks[m].kind == tNum || s.qty[m] >= 0, s.isWord(m, "("):
			return k
		case s.isWord(m, ")"):
			return m + 1
		}
	}
	return k
}

// inApposition reports a list item that names its group inside the
// appositive of the total before it, set off by commas between the total
// and its verb: "Four people, two students and two teachers, were
// killed", "(224) people, (32) women and (192) men, were killed".
func (s *sentence) inApposition(k int, it partItem, links []link) bool {
	if it.who == "" || it.verb {
		return false
	}
	h := s.headBefore(k, links)
	if h < 0 {
		return false
	}
	l := links[h]
	return l.how == byPost && l.a < k && it.end < l.trig
}

// elidedSibling finds the figure an item with no verb of its own shares
// its verb with: a link whose phrase is followed, up to the item's "and"
// or "," at k, by the place it names ("in Jajarkot") and at most a
// relative clause set off by commas, with no other figure or casualty
// word between.
func (s *sentence) elidedSibling(k int, links []link) (link, bool) {
	m := k
	if s.isWord(m, "and") && s.isWord(m-1, ",") {
		m--
	}
	h := s.headBefore(m, links)
	if h < 0 {
		return link{}, false
	}
	l := links[h]
	if l.how == byBreakdown || l.prior {
		return link{}, false
	}
	e := max(l.b, s.qs[l.q].j)
	if w := s.word(e); w == "were" || w == "are" || w == "was" {
		// "29 of the dead were in Acapulco and 10 in Coyuca"
		e++
	}
	end, _, ok := s.inPlace(e)
	if !ok || end > m {
		return link{}, false
	}
	if end < m {
		// ", where the quake was centred,"
		if !s.isWord(end, ",") || !s.isWord(m, ",") || !(s.isWord(end+1, "where") || s.isWord(end+1, "which") || s.isWord(end+1, "home")) {
			return link{}, false
		}
		for j := end + 1; j < m; j++ {
			if s.qty[j] >= 0 || isTriggerWord(s, j) || s.word(j) == ";" {
				return link{}, false
			}
		}
	}
	return l, true
}

// partItem is the shape of one breakdown item: its tokens [a, end), the
// group it names ("" for the total's) and the place it names ("" for
// none).
type partItem struct {
	a, end     int
	who, where string
	verb       bool // "54 were women": the item has its own verb
	named      bool // "16 in the Eaton fire": a name that is no place
	severity   bool // "4 critically": how badly some of the injured were hurt
}

// partShape reads a breakdown item around quantity qi: "54 were women",
// "40 men", "39 were in Wajima", "23 in Suzu", "Iran 464", "Catarroja
// lost 25", "Balochistan for 336".
func (s *sentence) partShape(qi int, p np) (partItem, bool) {
	q := &s.qs[qi]
	// "three each in two other towns" is a figure per town, no part
	if s.isWord(q.j, "each") {
		return partItem{}, false
	}
	// "33 people injured, 4 critically"
	if p.kind == npNone && s.in(q.j, gSeverity) && s.itemEnds(q.j+1) {
		return partItem{a: q.i, end: q.j + 1, severity: true}, true
	}
	if p.person() {
		// "40 men": only in a list, which linkPartItem checks, and only
		// when the item ends there ("; more than 150 others sought
		// treatment" is a figure of its own)
		if !s.itemEnds(p.end) {
			return partItem{}, false
		}
		return partItem{a: q.i, end: p.end, who: p.who}, true
	}
	m := q.j
	verb := s.isWord(m, "were") || s.isWord(m, "was") || s.isWord(m, "are") || s.isWord(m, "is")
	if verb {
		m++
		if who, end, ok := s.groupAt(m); ok {
			return partItem{a: q.i, end: end, who: who, verb: true}, true
		}
	}
	// "in Wajima", "in the Valencia region", "in the Eaton fire", "(were)
	// from West Rukum", "183 across Germany"
	if w := s.word(m); w == "in" || w == "on" || w == "at" || w == "from" || w == "across" || w == "throughout" {
		if end, where, ok := s.placeAfter(m); ok {
			return partItem{a: q.i, end: end, where: where, named: where == ""}, true
		}
		return partItem{}, false
	}
	if verb {
		return partItem{}, false
	}
	// a name with its number in brackets: "Nairobi (21), Nakuru (3)"
	if s.isWord(q.i-1, "(") && s.isWord(q.j, ")") && s.itemEnds(q.j+1) {
		e := q.i - 1
		a := e - 1
		for a >= 0 && e-a <= 3 && s.toks[a].kind == tWord && s.toks[a].upper && s.nameWord(a) {
			a--
		}
		a++
		if a < e {
			return partItem{a: a, end: q.j + 1, where: s.textOf(a, e)}, true
		}
		return partItem{}, false
	}
	// a name before the number: "Iran 464", "Catarroja lost 25",
	// "Balochistan for 336", "Nakuru 61 (including Mai Mahiu)"
	if !s.itemEnds(s.asideEnd(q.j)) {
		return partItem{}, false
	}
	// a group before the number, as a bulletin labels its breakdown:
	// "Deaths: 854 (men 459, women 151, children 244)"
	if g, gn := lookupEnding(s, s.v.groupTab, q.i, 2); gn > 0 && p.kind == npNone && q.i-gn > 0 {
		if w := s.word(q.i - gn - 1); w == "(" || w == "," || w == ";" || w == ":" {
			return partItem{a: q.i - gn, end: q.j, who: g}, true
		}
	}
	k := q.i - 1
	if s.isWord(k, "for") || s.isWord(k, "with") || s.toks[max(k, 0)].kind == tWord && !s.toks[max(k, 0)].upper && (s.in(k, gLossVerb) || s.in(k, gCountedBy) || s.isWord(k, "had")) {
		if s.titled() {
			// a title-case headline capitalises every word: "Search
			// Continues For Six" names no place
			return partItem{}, false
		}
		k--
		// "Bicol accounts for 85", "with Buncombe County alone
		// accounting for 40": the place's share of the total
		if s.isWord(k+1, "for") {
			switch s.word(k) {
			case "accounts", "accounting", "accounted", "account":
				k--
				if s.isWord(k, "alone") {
					k--
				}
			}
		}
	}
	e := k + 1
	a := k
	// "Valencia province 202": a name and its lowercase designator
	if a > 0 && s.toks[a].kind == tWord && !s.toks[a].upper && s.is(a, fPlaceHead) && s.toks[a-1].kind == tWord && s.toks[a-1].upper && s.nameWord(a-1) {
		a--
	}
	for a >= 0 && e-a <= 3 && s.toks[a].kind == tWord && s.toks[a].upper && s.nameWord(a) {
		a--
	}
	a++
	if a > k {
		return partItem{}, false
	}
	if s.titled() && a < k && !gaz().IsPlaceName(s.textOf(a, k+1)) {
		// a title-case headline capitalises every word: "Bombings Toll
		// Jumps To 290; Police Hold 24" names no place "Police Hold" (one
		// word is read as before: a table's "Serious 67")
		return partItem{}, false
	}
	return partItem{a: a, end: q.j, where: s.textOf(a, k+1)}, true
}

// inPlace reads "in Wajima", "in the Valencia region", "in the north"
// or "in the Eaton fire" at token m (its preposition): the token after it and the place it
// names, "" for a name that is no place.
func (s *sentence) inPlace(m int) (int, string, bool) {
	if w := s.word(m); w != "in" && w != "on" && w != "at" {
		return 0, "", false
	}
	return s.placeAfter(m)
}

// placeAfter is inPlace for any preposition at m: "(were) from West
// Rukum" in a list item.
func (s *sentence) placeAfter(m int) (int, string, bool) {
	if pl, ok := s.placeAt(m); ok {
		return pl.j, pl.name, true
	}
	e := m + 1
	if s.isWord(e, "the") {
		e++
	}
	// "31 in the north, seven in the capital"
	if e == m+2 && s.in(e, gRelativePlace) && !s.toks[e].upper {
		return e + 1, s.textOf(m+1, e+1), true
	}
	// "in neighbouring West Rukum"
	for e < len(s.toks) && e < m+4 && !s.toks[e].upper && s.in(e, gPlaceDrop) {
		e++
	}
	if n := s.properRun(e); n > e && s.toks[e].upper {
		for n < len(s.toks) && n < e+6 && s.toks[n].kind == tWord && !s.toks[n].upper && s.is(n, fEvent) {
			n++
		}
		return n, "", true
	}
	return 0, "", false
}

// nameWord reports a capitalised token that can be part of a place name
// in a list: not a month, a weekday, a title or a reference word.
func (s *sentence) nameWord(i int) bool {
	w := s.word(i)
	if s.is(i, fMonth) {
		return false
	}
	if s.is(i, fWeekday) {
		return false
	}
	return !s.is(i, fName) && !s.is(i, fNotPlace) && !s.v.isDemonymAdj(w) && !s.is(i, fFunc) && !isTriggerWord(s, i)
}

// itemEnds reports that a list item ends at token k: a comma, "and", the
// end of the sentence or of a clause.
func (s *sentence) itemEnds(k int) bool {
	if k >= len(s.toks) {
		return true
	}
	switch s.word(k) {
	case ",", "and", ".", ";", ")", "!", "—", "–", "|":
		return true
	case "/":
		// ("Cases 5,400 / Deaths 196 / Recovered 4,870": a spaced slash
		// between a bulletin's items; "24/7" is glued)
		return !s.glued(k)
	}
	return false
}

// listGoesOn reports another list item after token k: ", Nigeria 199",
// "and five in Nanao".
func (s *sentence) listGoesOn(k int) bool {
	if !s.isWord(k, ",") && !s.isWord(k, "and") {
		return false
	}
	for m := k + 1; m < len(s.toks) && m < k+6; m++ {
		if x := s.qty[m]; x >= 0 {
			return true
		}
	}
	return false
}

// openingMarker reports that token a opens the sentence's first figure
// as a breakdown: at the start, after "Of the dead," (which names the
// category) or "Of them,", or after a short lead-in and a colon ("Worst
// hit:"). The category is "" when the marker names none.
func (s *sentence) openingMarker(a int) (tracker.Category, bool) {
	if a == 0 || a == 1 && s.toks[0].kind == tPunct && isBulletMark(s.toks[0].text) {
		return "", true
	}
	// "Of the killed: 127 children, 261 women"
	if s.isWord(a-1, ":") && a-1 == 3 && s.isWord(0, "of") && (s.isWord(1, "the") || s.isWord(1, "those")) {
		if c, ok := s.subjectCategory(3); ok {
			return c, true
		}
	}
	if s.isWord(a-1, ":") && a-1 <= 3 {
		// "Deaths by province: Punjab (135), …": the lead-in names it
		for m := 0; m < a-1; m++ {
			if tr, n := lookup(s, s.v.triggerTab, m, 2); n > 0 && tr.noun {
				return tr.cat, true
			}
		}
		return "", true
	}
	// "deaths by county (state emergency management, July 9): Kerr
	// 96; …": the lead-in's source or date in brackets before its colon
	c := a - 1
	if (s.isWord(c, ":") || s.isWord(c, "—") || s.isWord(c, "–")) && s.isWord(c-1, ")") {
		for m := c - 2; m > 0 && m >= c-12; m-- {
			if s.isWord(m, "(") {
				c = m
				break
			}
			if s.isWord(m, ")") || s.qty[m] >= 0 && s.isWord(m+1, ")") && m+1 != c-1 {
				break
			}
		}
	}
	if (s.isWord(a-1, ":") || s.isWord(a-1, "—") || s.isWord(a-1, "–")) && c <= 12 {
		// a longer lead-in (up to eight words, after its own colon if
		// it has one) only when it names the category: "Deaths by
		// nationality reported by governments: Jordan 99, …", "Red
		// Cross update: flood deaths by county — Nairobi 32, …"
		from := 0
		for m := c - 1; m > 0; m-- {
			if s.isWord(m, ":") {
				from = m + 1
				break
			}
		}
		for m := from; m < c && c-from <= 8; m++ {
			if tr, n := lookup(s, s.v.triggerTab, m, 2); n > 0 && tr.noun {
				return tr.cat, true
			}
		}
	}
	if !s.isWord(a-1, ",") || !s.isWord(0, "of") {
		return "", false
	}
	switch a - 1 {
	case 2: // "Of them,", "Of those,", "Of these,"
		switch s.word(1) {
		case "them", "those", "these":
			return "", true
		}
	case 3: // "Of the dead,", "Of those killed,"
		if s.isWord(1, "the") || s.isWord(1, "those") {
			if c, ok := s.subjectCategory(3); ok {
				return c, true
			}
		}
	}
	return "", false
}

// groupAt reads a group named at token m: a group noun, a demonym, an
// open plural noun or "members of" a body ("were members of the
// security forces").
func (s *sentence) groupAt(m int) (string, int, bool) {
	if g, n := lookup(s, s.v.groupTab, m, 2); n > 0 {
		return g, m + n, true
	}
	if g, ok := s.demonymAt(m); ok {
		if g2, n := lookup(s, s.v.groupTab, m+1, 2); n > 0 {
			return g2, m + 1 + n, true
		}
		return g, m + 1, true
	}
	if m < len(s.toks) && s.toks[m].kind == tWord && !s.toks[m].upper && !s.is(m, fFunc) && !isTriggerWord(s, m) {
		q := quantity{}
		if p, ok := s.openNoun(&q, m); ok && p.person() {
			return p.who, p.end, true
		}
	}
	return "", 0, false
}

// partTotalWho is the group of the total a part belongs to: the total's
// own group, through the part it follows.
func (s *sentence) partTotalWho(l link, links []link) string {
	if l.how == byBreakdown || l.part {
		if h := findLink(links, l.head); h >= 0 {
			return links[h].who
		}
		if hc := s.carryOf(l.cat); l.carried && hc != nil {
			return hc.Who
		}
		if l.where != "" {
			return l.who
		}
		return "people"
	}
	return l.who
}

// fits reports that quantity q can be a part of a total with interval
// iv: no larger than the total's upper bound.
func (s *sentence) fits(q *quantity, iv tracker.Interval) bool {
	return iv.Unbounded || q.n.Cmp(iv.High) <= 0
}

// totalOf is the interval of the total that link l is or belongs to
// (unbounded when it is not in the sentence).
func (s *sentence) totalOf(l link, links []link) tracker.Interval {
	if l.how == byBreakdown || l.part {
		if h := findLink(links, l.head); h >= 0 {
			return s.qs[links[h].q].interval()
		}
		if hc := s.carryOf(l.cat); l.carried && hc != nil {
			return hc.Interval
		}
		return tracker.Interval{Unbounded: true}
	}
	return s.qs[l.q].interval()
}

// inAgeList reports a quantity that is one of the ages of a list:
// "aged six, seven and nine", "ages 4 to 12".
func (s *sentence) inAgeList(qi int) bool {
	k := s.qs[qi].i - 1
	for d := 0; d < 8 && k >= 0; d++ {
		switch w := s.word(k); {
		case w == "aged" || w == "ages" || w == "age":
			return true
		case w == "," || w == "and" || w == "or":
			if k == 0 || s.qty[k-1] < 0 {
				return false
			}
			k = s.qs[s.qty[k-1]].i - 1
		default:
			return false
		}
	}
	return false
}

// aloneInItem reports a list item that is a whole line of a list under a
// header or a list already begun ("• Egypt 672"): the total it carries
// is a header's (no span) or itself a list's, and nothing follows it.
func (s *sentence) aloneInItem(it partItem, hc *tracker.Claim) bool {
	if hc == nil || hc.Span != "" && !s.listBefore {
		return false
	}
	return it.end == len(s.toks) || it.end == len(s.toks)-1 && s.toks[it.end].kind == tPunct
}

// isBulletMark reports a list item's mark.
func isBulletMark(t string) bool { return t == "•" || t == "-" || t == "*" || t == "–" }

// listHeader reads a line that heads a list of parts, with a casualty
// word and no figure, ending in a colon: "Hajj deaths reported by
// governments:", "Deaths by province:". It gives the total the items
// below are parts of: its category, any number of people, as of date.
func (v *vocabulary) listHeader(line string, date tracker.Date) (tracker.Claim, bool) {
	line = strings.TrimSpace(line)
	if !strings.HasSuffix(line, ":") || len(line) > 120 || !v.casualtyStems.in(line) || v.mayHoldNumber(line) {
		return tracker.Claim{}, false
	}
	for _, w := range strings.Fields(strings.ToLower(strings.TrimSuffix(line, ":"))) {
		w = strings.Trim(w, ",;()\"'")
		if tr, ok := v.triggers[w]; ok && tr.noun {
			return tracker.Claim{Category: tr.cat, Who: "people", Interval: tracker.AtLeastInterval(decimal.Zero), Qualifier: tracker.AtLeast, Scope: tracker.UnknownScope, AsOf: date}, true
		}
		if cat, ok := v.tollNouns[w]; ok {
			return tracker.Claim{Category: cat, Who: "people", Interval: tracker.AtLeastInterval(decimal.Zero), Qualifier: tracker.AtLeast, Scope: tracker.UnknownScope, AsOf: date}, true
		}
	}
	return tracker.Claim{}, false
}

// ownVerbAfter reports a verb of a clause of its own after a coordinated
// figure's phrase ending at e, an auxiliary and a word that is no
// casualty word: "killed at least 10 people, and about 60,000 people have
// taken shelter", whose second figure the first verb does not govern.
func (s *sentence) ownVerbAfter(e int) bool {
	if !s.isAux(e) {
		return false
	}
	m := e + 1
	for d := 0; d < 3 && m < len(s.toks) && s.is(m, fPostSkip); d++ {
		m++
	}
	if m >= len(s.toks) || s.toks[m].kind != tWord || s.qty[m] >= 0 {
		return false
	}
	if tr, n := lookup(s, s.v.triggerTab, m, 4); n > 0 && tr.post {
		return false
	}
	return !isTriggerWord(s, m)
}

// ownParticipleAfter reports whether the word at e, right after a
// coordinated figure's group, is a participle of its own that is no
// casualty word: "16 deaths, 11 of them in Nampula, and 400,000 people
// affected" counts the affected, not more dead.
func (s *sentence) ownParticipleAfter(e int) bool {
	if e >= len(s.toks) || s.toks[e].kind != tWord || s.toks[e].upper || s.qty[e] >= 0 {
		return false
	}
	w := s.word(e)
	if !strings.HasSuffix(w, "ed") || len(w) < 5 {
		return false
	}
	if tr, n := lookup(s, s.v.triggerTab, e, 4); n > 0 && tr.post {
		return false
	}
	return !isTriggerWord(s, e)
}

// tableHeader reads a table's header before the sentence's first colon,
// its columns between bars: "Province | Deaths | Injured:". It returns
// a category for each column ("" for a column of names) and the colon,
// or nil when there is none: at least three columns, no figure, at least
// one casualty word.
func (s *sentence) tableHeader() ([]tracker.Category, int) {
	colon, bars := -1, 0
	for k := 0; k < len(s.toks) && k < 24; k++ {
		if s.isWord(k, "|") {
			bars++
		}
		if s.isWord(k, ":") {
			colon = k
			break
		}
	}
	if colon < 3 || bars < 2 {
		return nil, -1
	}
	var cols []tracker.Category
	col, named, found := tracker.Category(""), false, false
	for k := 0; k <= colon; k++ {
		if k == colon || s.isWord(k, "|") {
			cols = append(cols, col)
			col, named = "", false
			continue
		}
		if s.qty[k] >= 0 || s.toks[k].kind == tNum {
			return nil, -1
		}
		if named {
			continue
		}
		if tr, n := lookup(s, s.v.triggerTab, k, 2); n > 0 && (tr.noun || tr.post) {
			col, named, found = tr.cat, true, true
		} else if c, ok := s.v.subjects[s.word(k)]; ok {
			col, named, found = c, true, true
		}
	}
	if !found {
		return nil, -1
	}
	return cols, colon
}

// linkColumn: a figure in a row of a table under a header tableHeader
// read: "Province | Deaths | Injured: KP 427 | 207; Punjab 164 | 582".
// A row runs from the colon or a ";" and opens with a name when the
// first column is of names; each bar moves to the next column, whose
// category the figure takes, with the row's name as its place.
func (s *sentence) linkColumn(qi int, cols []tracker.Category, colon int, links []link) (link, bool) {
	q := &s.qs[qi]
	start := colon + 1
	for k := q.i - 1; k > colon; k-- {
		if s.isWord(k, ";") {
			start = k + 1
			break
		}
	}
	bars, first := 0, start
	for k := start; k < q.i; k++ {
		if s.isWord(k, "|") {
			if bars == 0 {
				first = k
			}
			bars++
		}
	}
	idx := bars
	where := ""
	if cols[0] == "" {
		idx++
		// the row's name: capitalised words before its first figure
		e := q.i
		if bars > 0 {
			e = first - 1
			if x := s.qty[max(e, 0)]; x >= 0 {
				e = s.qs[x].i
			}
		}
		if e <= start || e-start > 4 {
			return link{}, false
		}
		for k := start; k < e; k++ {
			if s.toks[k].kind != tWord && s.toks[k].kind != tAlnum || !s.toks[k].upper && !s.isWord(k, "-") {
				return link{}, false
			}
		}
		where = s.textOf(start, e)
	}
	if idx >= len(cols) || cols[idx] == "" || !s.itemEnds(q.j) && !s.isWord(q.j, "|") {
		return link{}, false
	}
	a := q.i
	if bars > 0 {
		a = q.i - 1
		if x := s.qty[max(q.i-2, 0)]; x >= 0 {
			a = s.qs[x].i
		}
	} else if where != "" {
		a = start
	}
	return link{q: qi, cat: cols[idx], who: "people", how: byBreakdown, a: a, b: q.j, trig: -1, head: -1, placeMin: q.j, where: where}, true
}

// linkDisplacedUnit: a unit that counts the displaced (displacedunit)
// when a displacement word governs it directly: after it ("1,300
// households were displaced"), before the figure ("displaced 30,000
// households") or inside its phrase ("45,000 flood-displaced
// households").
func (s *sentence) linkDisplacedUnit(qi int, p np) (link, bool) {
	q := &s.qs[qi]
	if q.increment {
		return link{}, false
	}
	// "45,000 flood-displaced households", "900 displaced households"
	displaced := -1
	for m := q.j; m < len(s.toks) && m < q.j+5; m++ {
		if t := s.toks[m]; t.kind != tWord && t.lower != "-" || s.qty[m] >= 0 {
			break
		}
		if w := s.word(m); w == "displaced" || strings.HasSuffix(w, "-displaced") {
			displaced = m
		} else if s.v.displacedUnits[s.word(m)] {
			if displaced < 0 {
				break
			}
			return link{q: qi, cat: tracker.Displaced, who: s.word(m), how: byNoun, a: q.i, b: m + 1, trig: displaced, head: -1, placeMin: m + 1}, true
		}
	}
	u := p.end - 1
	if p.kind != npUnit || u != q.j || !s.v.displacedUnits[s.word(u)] {
		return link{}, false
	}
	who := s.word(u)
	k := p.end
	for d := 0; d < 3 && k < len(s.toks) && s.is(k, fPostSkip); d++ {
		k++
	}
	if tr, n := lookup(s, s.v.triggerTab, k, 3); n > 0 && tr.post && tr.cat == tracker.Displaced && k > p.end {
		return link{q: qi, cat: tracker.Displaced, who: who, how: byPost, a: q.i, b: k + n, trig: k, head: -1, placeMin: k + n}, true
	}
	if tr, n := lookupEnding(s, s.v.triggerTab, q.i, 3); n > 0 && tr.pre && tr.cat == tracker.Displaced {
		return link{q: qi, cat: tracker.Displaced, who: who, how: byPre, a: q.i - n, b: p.end, trig: q.i - n, head: -1, placeMin: p.end}, true
	}
	return link{}, false
}
