package extract

import (
	"strings"

	"github.com/tollproject/toll/tracker"
)

// np is the noun phrase after a number: the counted group, or a casualty
// noun, or nothing (a verb or a preposition follows), or a unit that
// makes the number something other than people.
type np struct {
	kind npKind
	who  string
	trig trigger
	end  int // token after the phrase
	// partitive: "34 of the dead", "16 of the bodies": some of a count
	// given elsewhere (the identified, those found in one place), never
	// the whole
	partitive bool
}

type npKind uint8

const (
	npNone npKind = iota
	npPerson
	npCasualty
	npUnit
	// npOpen is a noun no table knows that may still count people:
	// "four caretakers", "dozens of insurgents", "25 members of a
	// militia". Only a casualty word that governs it directly makes it
	// a claim ("killed four caretakers", "four caretakers died"); else
	// it is read as a unit.
	npOpen
)

// person reports a phrase that names who is counted: a known group or an
// open noun.
func (p np) person() bool { return p.kind == npPerson || p.kind == npOpen }

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
	// "One of the injured, a 19-year-old …": an individual, not a count
	if s.isWord(k, "of") && q.j == q.i+1 && s.isWord(q.i, "one") && !q.hasQual {
		return np{kind: npUnit, end: k}
	}
	// partitives: "four of its medics", "three of the dead were teenagers"
	if s.isWord(k, "of") && q.vague == "" {
		m := k + 1
		switch s.word(m) {
		case "its", "their", "the", "his", "her", "our", "those":
			m++
		}
		if m > k+1 && s.isWord(m-1, "the") {
			if p, ok := s.partitiveOfCount(q, m); ok {
				return p
			}
		}
		if m > k+1 {
			if tr, n := lookup(s, s.v.triggerTab, m, 1); n > 0 && (tr.noun || tr.post) {
				who, e := "people", m+n
				if s.isWord(e, "were") || s.isWord(e, "was") || s.isWord(e, "are") || s.isWord(e, "is") {
					if g, gn := lookup(s, s.v.groupTab, e+1, 2); gn > 0 {
						who, e = g, e+1+gn
					} else if g, ok := s.demonymAt(e + 1); ok {
						who, e = g, e+2
					}
				}
				// ("all 222 of the dead" is the whole; "three of the dead
				// were teenagers" is the teenagers' whole toll)
				part := who == "people" && !s.isWord(q.i-1, "all") && (s.isWord(k+1, "the") || s.isWord(k+1, "those"))
				return np{kind: npCasualty, who: who, trig: tr, end: e, partitive: part}
			}
			// "Forty of the victims have been identified", "69 of the
			// victims were given a mass burial": some of the dead, as a
			// subject word names them; not after a sentence that gave
			// other victims' figures and no deaths ("… the number of
			// injured has risen to 299. Twelve of the victims hold a
			// foreign nationality")
			if c, ok := s.v.subjects[s.word(m)]; ok && s.isWord(m-1, "the") && s.isWord(m, "victims") && !s.isWord(q.i-1, "all") && (s.carryOf("") == nil || s.carryOf(c) != nil) && !s.otherCasualtyAround(q.i, m+1, c) {
				return np{kind: npCasualty, who: "people", trig: trigger{cat: c, noun: true}, end: m + 1, partitive: true}
			}
			for s.is(m, fModifier) || s.is(m, fDemonymAdj) {
				m++
			}
			// "nearly 100 of the Chibok girls": a name before the group
			if n := s.properRun(m); n > m && n <= m+2 && s.toks[m].upper {
				if _, gn := lookup(s, s.v.groupTab, n, 2); gn > 0 {
					m = n
				}
			}
			if g, gn := lookup(s, s.v.groupTab, m, 2); gn > 0 {
				who, end := g, m+gn
				// "27 of its campers and counselors"
				if s.isWord(end, "and") {
					if g2, n2 := lookup(s, s.v.groupTab, end+1, 2); n2 > 0 {
						who, end = joinGroups(who, g2), end+1+n2
					} else if w := s.word(end + 1); end+1 < len(s.toks) && s.toks[end+1].kind == tWord && !s.toks[end+1].upper && pluralNoun(w) && !s.v.units[w] && !s.v.funcWords[w] && !isTriggerWord(s, end+1) {
						who, end = joinGroups(who, w), end+2
					}
				}
				return np{kind: npPerson, who: who, end: end}
			}
			// "three of their commanders"
			if w := s.word(m); m < len(s.toks) && s.toks[m].kind == tWord && !s.toks[m].upper && pluralNoun(w) && !s.v.units[w] && !s.v.funcWords[w] && !isTriggerWord(s, m) {
				who, end := w, m+1
				if s.isWord(end, "and") {
					if w2 := s.word(end + 1); end+1 < len(s.toks) && s.toks[end+1].kind == tWord && !s.toks[end+1].upper && pluralNoun(w2) && !s.v.units[w2] && !s.v.funcWords[w2] && !isTriggerWord(s, end+1) {
						who, end = joinGroups(w, w2), end+2
					}
				}
				return np{kind: npOpen, who: who, end: end}
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
		if g, n := lookup(s, s.v.groupTab, k, 2); n > 0 {
			// a noun used as a modifier: "police officers", "aid workers"
			who := g
			end := k + n
			if g2, n2 := lookup(s, s.v.groupTab, end, 2); n2 > 0 && n == 1 && s.in(k, gModifierNoun) {
				who, end = g2, end+n2
			}
			// a casualty noun after the group: "civilian deaths" is handled
			// below; "people killed" is post
			if tr, n3 := lookup(s, s.v.triggerTab, end, 1); n3 > 0 && tr.noun && !tr.post && !tr.pre {
				return np{kind: npCasualty, who: who, trig: tr, end: end + n3}
			}
			// coordinated groups: "women and children", "Israelis and
			// foreign nationals"
			if s.isWord(end, "and") {
				m := end + 1
				for s.is(m, fModifier) || s.is(m, fDemonymAdj) {
					m++
				}
				g2, n2 := lookup(s, s.v.groupTab, m, 2)
				if n2 == 0 {
					if d, ok := s.demonymAt(m); ok && !s.is(m, fDemonymAdj) {
						g2, n2 = d, 1
					}
				}
				if n2 > 0 {
					return np{kind: npPerson, who: joinGroups(who, g2), end: m + n2}
				}
				// a plural noun no table knows after a group: "19
				// hikers and guides", "460 patients and companions"
				if w := s.word(m); m == end+1 && m < len(s.toks) && s.toks[m].kind == tWord && !s.toks[m].upper && pluralNoun(w) && !s.v.units[w] && !s.v.funcWords[w] && !isTriggerWord(s, m) && !s.is(m, fPostSkip) {
					return np{kind: npPerson, who: joinGroups(who, w), end: m + 1}
				}
			}
			return np{kind: npPerson, who: who, end: end}
		}
		tr, n := lookup(s, s.v.triggerTab, k, 2)
		if n > 1 && !tr.noun {
			// "deaths of" is the verb-like "the deaths of 38 patients";
			// "1,200 deaths of children" counts the noun "deaths"
			tr, n = lookup(s, s.v.triggerTab, k, 1)
		}
		if n > 0 && tr.noun {
			// "166 body parts", "40 death certificates": a unit
			if s.is(k+n, fUnit) {
				return np{kind: npUnit, end: k + n + 1}
			}
			who := tr.who
			if modGroup != "" {
				who = modGroup
			}
			// "12 injured people": a participle used as an adjective
			if tr.post {
				if g, n2 := lookup(s, s.v.groupTab, k+n, 2); n2 > 0 {
					return np{kind: npCasualty, who: g, trig: tr, end: k + n + n2}
				}
				if g, ok := s.demonymAt(k + n); ok && strings.HasSuffix(s.word(k+n), "s") {
					return np{kind: npCasualty, who: g, trig: tr, end: k + n + 1}
				}
				// "13 killed", "12 dead": post, no noun; but after a
				// modifier it is the noun: "the 59 remaining hostages"
				if k == start || tr.who == "" {
					return np{kind: npNone, end: k}
				}
			}
			return np{kind: npCasualty, who: who, trig: tr, end: k + n}
		}
		if g, ok := s.demonymAt(k); ok {
			// noun ("700 Israelis") or adjective ("Israeli soldiers")
			if g2, n := lookup(s, s.v.groupTab, k+1, 2); n > 0 {
				return np{kind: npPerson, who: g2, end: k + 1 + n}
			}
			if tr, n := lookup(s, s.v.triggerTab, k+1, 1); n > 0 && tr.noun && !tr.post {
				return np{kind: npCasualty, who: g, trig: tr, end: k + 1 + n}
			}
			if s.is(k+1, fModifier) || s.is(k+1, fDemonymAdj) {
				modGroup = g
				k++
				continue
			}
			// a demonym before a body's name and its members: "Six
			// Philippine Air Force crewmen", "three Indian Navy sailors"
			for n := 1; n <= 2 && k+n+1 < len(s.toks); n++ {
				if !s.toks[k+n].upper || s.toks[k+n].kind != tWord || s.is(k+n, fFunc) {
					break
				}
				if g2, n2 := lookup(s, s.v.groupTab, k+n+1, 2); n2 > 0 && !s.toks[k+n+1].upper {
					return np{kind: npPerson, who: g2, end: k + n + 1 + n2}
				}
			}
			if s.isWord(k+1, "and") {
				m := k + 2
				for s.is(m, fModifier) || s.is(m, fDemonymAdj) {
					m++
				}
				if g2, n2 := lookup(s, s.v.groupTab, m, 2); n2 > 0 {
					return np{kind: npPerson, who: joinGroups(g, g2), end: m + n2}
				}
				if d, ok := s.demonymAt(m); ok && !s.is(m, fDemonymAdj) {
					return np{kind: npPerson, who: joinGroups(g, d), end: m + 1}
				}
			}
			return np{kind: npPerson, who: g, end: k + 1}
		}
		if mg, ok := s.v.nounModifierGroups[t.lower]; ok {
			if tr, n := lookup(s, s.v.triggerTab, k+1, 1); n > 0 && tr.noun && !tr.post {
				return np{kind: npCasualty, who: mg, trig: tr, end: k + 1 + n}
			}
		}
		if s.is(k, fModifier) && k+1 < len(s.toks) && s.toks[k+1].kind == tWord {
			if t.lower == "more" && (s.isWord(k+1, "than") || s.is(k+1, fFunc) || isTriggerWord(s, k+1) && !isNounTrigger(s, k+1)) {
				break
			}
			k++
			continue
		}
		// (a title-case function word is none: "Toll Hits 205 As Rescuers
		// Search Cars")
		if t.upper && k > start-1 && k+1 < len(s.toks) && s.toks[k+1].kind == tWord && !s.is(k, fFunc) {
			// a capitalised modifier before a group: "Hamas fighters",
			// "UNRWA staff", "Thai nationals", "Rohingya refugees"
			if _, n := lookup(s, s.v.groupTab, k+1, 2); n > 0 {
				k++
				continue
			}
			if tr, n := lookup(s, s.v.triggerTab, k+1, 1); n > 0 && tr.noun {
				k++
				continue
			}
			// two or three names: "Frontier Corps soldiers", "Red Crescent
			// volunteers", "Philippine Air Force crewmen"
			if k+2 < len(s.toks) && s.toks[k+1].upper && s.toks[k+1].kind == tWord && !s.toks[k+2].upper {
				if _, n := lookup(s, s.v.groupTab, k+2, 2); n > 0 {
					k += 2
					continue
				}
			}
			if k+3 < len(s.toks) && s.toks[k+1].upper && s.toks[k+1].kind == tWord && s.toks[k+2].upper && s.toks[k+2].kind == tWord && !s.is(k+1, fFunc) && !s.is(k+2, fFunc) && !s.toks[k+3].upper {
				if _, n := lookup(s, s.v.groupTab, k+3, 2); n > 0 {
					k += 3
					continue
				}
			}
		}
		if t.upper && k == start && s.properGroup(k) {
			// "41 Kenyans", "6,700 Rohingya were killed"
			return np{kind: npOpen, who: t.lower, end: k + 1}
		}
		if s.is(k, fFunc) || isTriggerWord(s, k) || t.upper {
			break
		}
		// a noun that says what the deaths were from: "25 fire deaths",
		// "1,301 hajj deaths", "12 shooting deaths" (capitalised, as in
		// "Covid deaths", it is read above)
		if k == start && !s.is(k, fUnit) {
			if tr, n := lookup(s, s.v.triggerTab, k+1, 1); n > 0 && tr.noun && !tr.post && !tr.pre && tr.who == "" && !s.is(k+1+n, fUnit) {
				return np{kind: npCasualty, who: tr.who, trig: tr, end: k + 1 + n}
			}
		}
		if strings.HasSuffix(t.lower, "ly") || strings.HasSuffix(t.lower, "ed") || strings.HasSuffix(t.lower, "ing") {
			break
		}
		if s.is(k, fWeekday) {
			break
		}
		if s.is(k, fMonth) {
			break
		}
		if p, ok := s.openNoun(q, k); ok {
			return p
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

// isDemonymAdj reports a demonym used as an adjective ("Israeli", whose
// group is "israelis").
func (v *vocabulary) isDemonymAdj(w string) bool {
	g, ok := v.demonyms[w]
	return ok && g != w
}

// isNounTrigger reports a casualty noun that counts on its own: "bodies",
// "deaths", "hostages".
func isNounTrigger(s *sentence, k int) bool {
	tr, n := lookup(s, s.v.triggerTab, k, 1)
	return n > 0 && tr.noun && !tr.post && !tr.pre
}

func isTriggerWord(s *sentence, k int) bool {
	_, n := lookup(s, s.v.triggerTab, k, 3)
	return n > 0
}

// openNoun reads a noun no table knows at token k, after the quantity q,
// as a group of people when it can be one: a group noun after an unknown
// modifier ("42 hotel workers", "110 farm workers"), "members of" a body
// ("25 members of the Kataib Hezbollah militia"), or a plural noun
// ("four caretakers", "dozens of insurgents", "27 campers and
// counsellors"). A singular noun never is ("one teacher who was
// kidnapped died" counts the dead, not the kidnapped), nor a unit
// (vocabulary "unit").
func (s *sentence) openNoun(q *quantity, k int) (np, bool) {
	w := s.toks[k].lower
	if s.is(k, fUnit) {
		return np{}, false
	}
	// "hotel workers", "construction workers"
	for m := k + 1; m <= k+2 && m < len(s.toks) && s.toks[m].kind == tWord && !s.toks[m].upper; m++ {
		if g, n := lookup(s, s.v.groupTab, m, 2); n > 0 {
			return np{kind: npPerson, who: g, end: m + n}, true
		}
		if s.is(m, fUnit) || s.is(m, fFunc) {
			break
		}
	}
	if (w == "members" || w == "member") && s.isWord(k+1, "of") {
		// the body they belong to: "of the security forces", "of a
		// militia", "of his family"
		for m := k + 2; m < len(s.toks) && m < k+10; m++ {
			t := &s.toks[m]
			// "17 members of three families": the families' count is
			// part of the phrase (insideOfPhrase leaves it unread)
			if x := s.qty[m]; x >= 0 && s.qs[x].i == m && s.isWord(m-1, "of") && pluralNoun(s.word(s.qs[x].j)) {
				m = s.qs[x].j - 1
				continue
			}
			if t.lower == "one" && s.isWord(m-1, "of") {
				continue
			}
			if t.kind != tWord && !(t.kind == tPunct && t.text == "-" && !t.space) {
				break
			}
			if g, n := lookup(s, s.v.groupTab, m, 2); n > 0 && !t.upper {
				return np{kind: npPerson, who: g, end: m + n}, true
			}
			if !t.upper && t.kind == tWord && !s.is(m, fFunc) && !s.is(m, fModifier) && !strings.Contains(t.lower, "-") {
				// "members of a secessionist group": an adjective before
				// the body's noun
				if n := m + 1; n < len(s.toks) && s.toks[n].kind == tWord && !s.toks[n].upper && !s.is(n, fFunc) && !s.is(n, fPostSkip) && !isTriggerWord(s, n) && s.flags[n]&(fClause|fAttr) == 0 && s.qty[n] < 0 {
					continue
				}
				return np{kind: npOpen, who: "members", end: m + 1}, true
			}
			// a modifier that ends the phrase is its noun: "members of
			// one family, including three children, died"
			// (or the sentence: "he had lost 26 members of his family.")
			if !t.upper && t.kind == tWord && s.is(m, fModifier) && (s.isWord(m+1, ",") || s.isWord(m+1, ".") || s.isWord(m+1, ":") || s.isWord(m+1, ";") || m+1 == len(s.toks) || s.is(m+1, fPostSkip) || isTriggerWord(s, m+1)) {
				return np{kind: npOpen, who: "members", end: m + 1}, true
			}
		}
		return np{}, false
	}
	if !pluralNoun(w) {
		return np{}, false
	}
	if s.isWord(k+1, "and") && k+2 < len(s.toks) && s.toks[k+2].kind == tWord && !s.toks[k+2].upper {
		// "19 hikers and guides", "27 campers and counsellors"
		n2 := s.word(k + 2)
		if _, n := lookup(s, s.v.groupTab, k+2, 2); n > 0 {
			return np{kind: npOpen, who: "people", end: k + 2 + n}, true
		}
		if pluralNoun(n2) && !s.v.units[n2] && !s.v.funcWords[n2] && !isTriggerWord(s, k+2) {
			return np{kind: npOpen, who: "people", end: k + 3}, true
		}
	}
	return np{kind: npOpen, who: w, end: k + 1}, true
}

// pluralNoun reports a word that looks like a plural noun: "caretakers",
// "insurgents", "families"; not "glass" or "status".
func pluralNoun(w string) bool {
	if len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is") || strings.HasSuffix(w, "'s") {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < 'a' || c > 'z') && c != '-' {
			return false
		}
	}
	return true
}

// properGroup reports a capitalised word right after a number that names
// people by nation or people no table lists: a demonym's plural form
// ("Kenyans", "Ghanaians", "Iraqis", "Congolese") or a name the casualty
// verb follows ("6,700 Rohingya were killed"). A place, a month or a
// name that goes on ("12 Kenya Airways staff") is not.
func (s *sentence) properGroup(k int) bool {
	w := s.word(k)
	if k+1 < len(s.toks) && s.toks[k+1].upper || s.is(k, fNotPlace) || s.is(k, fName) || s.is(k, fFunc) {
		return false
	}
	if s.is(k, fMonth) {
		return false
	}
	if s.is(k, fWeekday) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	if len(w) >= 5 && (strings.HasSuffix(w, "ans") || strings.HasSuffix(w, "ese") || strings.HasSuffix(w, "is")) {
		return true
	}
	next := s.word(k + 1)
	return (next == "were" || next == "have" || next == "had" || next == "are") && len(w) >= 4
}

// partitiveOfCount reads a partitive whose whole is a figure, at token m
// (the whole's number, after "of the"): "82 of the 153 dead were
// children" counts the dead, and its group is the one after the verb;
// "241 of the 242 passengers and crew had died" counts passengers and
// crew, and the 242 were aboard, not casualties (the whole is consumed
// when a casualty word follows the group, so that only the part is read).
func (s *sentence) partitiveOfCount(q *quantity, m int) (np, bool) {
	// (a sentence may end at "of the": "… 0 of the")
	if m >= len(s.toks) {
		return np{}, false
	}
	x := s.qty[m]
	if x < 0 || s.qs[x].i != m || q.vague != "" || s.qs[x].n.Cmp(q.n) < 0 {
		return np{}, false
	}
	mq := &s.qs[x]
	mp := s.nounPhrase(mq)
	e := mp.end
	var tr trigger
	switch {
	case mp.kind == npCasualty:
		tr = mp.trig
	case mp.kind == npNone:
		// "the 153 dead", "the 78 killed"
		t, n := lookup(s, s.v.triggerTab, mq.j, 2)
		if n == 0 || !(t.post || t.noun) {
			return np{}, false
		}
		tr, e = t, mq.j+n
	case mp.person():
		// "32 of the 52 people who died were children"
		k := e
		if s.isWord(k, "who") || s.isWord(k, "that") {
			k++
			for d := 0; d < 3 && k < len(s.toks) && s.is(k, fPostSkip); d++ {
				k++
			}
			if t, n := lookup(s, s.v.triggerTab, k, 3); n > 0 && t.post {
				tr, e = t, k+n
				break
			}
			return np{}, false
		}
		// "the 242 people on board"
		aboard := k
		if s.isWord(k, "on") && s.isWord(k+1, "board") {
			k += 2
		} else if s.isWord(k, "aboard") || s.isWord(k, "onboard") {
			k++
		}
		if k == aboard && mp.who == "people" && mq.n.Cmp(q.n) > 0 {
			// "141 of the 179 people killed have been identified": the
			// 179 are the dead, and the 141 some of them (the 179 is a
			// claim of its own)
			if t, n := lookup(s, s.v.triggerTab, k, 3); n > 0 && t.post && !s.is(k, fPostSkip) {
				e := k + n
				if s.isCopula(e) {
					// "two of the 12 people killed were children": the
					// children's toll
					if g, gn := lookup(s, s.v.groupTab, e+1, 2); gn > 0 {
						return np{kind: npCasualty, who: g, trig: t, end: e + 1 + gn}, true
					} else if g, ok := s.demonymAt(e + 1); ok {
						return np{kind: npCasualty, who: g, trig: t, end: e + 2}, true
					}
				}
				return np{kind: npCasualty, who: "people", trig: t, end: e, partitive: true}, true
			}
		}
		f := k
		for d := 0; d < 4 && f < len(s.toks) && s.is(f, fPostSkip); d++ {
			f++
		}
		if t, n := lookup(s, s.v.triggerTab, f, 3); n == 0 || !t.post {
			return np{}, false
		}
		mq.consumed = true
		return np{kind: npPerson, who: mp.who, end: k}, true
	default:
		return np{}, false
	}
	who := "people"
	if s.isCopula(e) {
		if g, gn := lookup(s, s.v.groupTab, e+1, 2); gn > 0 {
			who, e = g, e+1+gn
		} else if g, ok := s.demonymAt(e + 1); ok {
			who, e = g, e+2
		}
	}
	// "141 of the 179 people killed have been identified": some of the
	// 179, not their toll (a group after a copula is that group's toll:
	// "82 of the 153 dead were children")
	part := who == "people" && mq.n.Cmp(q.n) > 0
	return np{kind: npCasualty, who: who, trig: tr, end: e, partitive: part}, true
}

// otherCasualtyAround reports a casualty word of another category than
// cat in the clause of a phrase [i, j): after it up to a clause break, or
// right before it ("Twelve of the victims were seriously injured", "Five
// of the victims remain missing", "Doctors treated 300 of the victims"):
// the victims are then that word's, not some of the dead.
func (s *sentence) otherCasualtyAround(i, j int, cat tracker.Category) bool {
	for k := j; k < len(s.toks) && k < j+8; k++ {
		if w := s.word(k); w == "," || w == ";" || w == ":" || w == "." || s.qty[k] >= 0 {
			break
		}
		if tr, n := lookup(s, s.v.triggerTab, k, 4); n > 0 {
			if tr.cat != cat {
				return true
			}
			k += n - 1
		}
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if tr, n := lookup(s, s.v.triggerTab, k, 1); n > 0 {
			return tr.cat != cat
		}
		// (and a verb of caring for the living, which no table reads
		// before a number: "doctors treated 300 of the victims")
		switch s.word(k) {
		case "treated", "treating", "treat", "treats", "hospitalised", "hospitalized", "discharged", "admitted":
			return true
		}
	}
	return false
}
