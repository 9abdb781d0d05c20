package extract

import (
	"strings"

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
			if s.isWord(hs-1, "the") && s.isWord(hs-2, "of") && (he == q.i-1 || he < q.i-1 && s.v.placePreps[s.word(he)] && !s.qtyBetween(he, q.i) && !s.clauseBreakBetween(he, q.i-1)) {
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
	bw, n := lookupEnding(s, s.v.breakdownTab, k+1, 4)
	if n == 0 || !bw {
		// "five of them children", "12 of them women"
		if s.isWord(q.j, "of") && (s.isWord(q.j+1, "them") || s.isWord(q.j+1, "whom") || s.isWord(q.j+1, "those")) {
			m := q.j + 2
			if s.isWord(m, "were") || s.isWord(m, "are") || s.isWord(m, "being") {
				m++
			}
			if g, gn := lookup(s, s.v.groupTab, m, 2); gn > 0 {
				if h := s.headBefore(q.i, links); h >= 0 {
					return link{q: qi, cat: links[h].cat, who: g, how: byBreakdown, a: q.i, b: m + gn, trig: -1, head: links[h].q, placeMin: m + gn}, true
				}
			}
			// "1,404 of them critically", "119 of them in the past 24
			// hours": a part of the same group
			if _, isDemonym := s.v.demonyms[s.word(m)]; !isDemonym {
				if h := s.headBefore(q.i, links); h >= 0 {
					return link{q: qi, cat: links[h].cat, who: links[h].who, how: byBreakdown, a: q.i, b: q.j + 2, trig: -1, head: links[h].q, placeMin: q.j + 2}, true
				}
			}
			if g, ok := s.v.demonyms[s.word(m)]; ok {
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
	if !p.person() {
		// "of whom 12 were children"
		m := q.j
		if s.isWord(m, "were") || s.isWord(m, "are") || s.isWord(m, "was") {
			m++
		}
		if g, gn := lookup(s, s.v.groupTab, m, 2); gn > 0 {
			who, end = g, m+gn
		} else if g, ok := s.v.demonyms[s.word(m)]; ok {
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
func (s *sentence) subjectCategory(k int) (tracker.Category, bool) {
	for m := k - 1; m >= 0 && m >= k-3; m-- {
		w := s.word(m)
		switch w {
		case "dead", "killed", "victims", "fatalities", "deaths":
			return tracker.Killed, true
		case "injured", "wounded", "injuries":
			return tracker.Injured, true
		case "hostages", "captives", "abductees":
			return tracker.Hostage, true
		case "missing":
			return tracker.Missing, true
		case "detainees", "detained", "arrested":
			return tracker.Arrested, true
		}
	}
	return "", false
}

// linkRestate: a second figure for the same count, set off by a comma:
// "a few dozen people died, probably between 10 and 50". It shares the
// first figure's category and group; the hedge word is kept in the span.
func (s *sentence) linkRestate(qi int, p np, links []link) (link, bool) {
	q := &s.qs[qi]
	k := q.i - 1
	for k >= 0 && s.v.restateHedges[s.word(k)] {
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
		if end < k && end+6 >= k && (s.v.placePreps[s.word(end)] || s.flags[end]&fDate != 0) && !s.qtyBetween(end, k) && !s.clauseBreakBetween(end, k) {
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
	if !p.person() && p.kind != npNone {
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
		if x := s.qty[k]; x >= 0 && s.qs[x].i == k && linked[x] >= 0 && p.person() {
			l := links[linked[x]]
			if l.how == byPost || l.how == byCoord && s.qs[l.q].i > q.i {
				return link{q: qi, cat: l.cat, who: p.who, how: byCoord, a: q.i, b: p.end, trig: l.trig, head: x, placeMin: l.placeMin}, true
			}
		}
	}
	return link{}, false
}
