package extract

import (
	"slices"
	"strings"

	"github.com/tollproject/toll/tracker"
)

// undone returns why a clause undoes a link, or "" when it stands: speculation ("could rise
// to"), negation ("none of the 12"), lives saved ("saved 57 lives"), or
// two categories lumped on one figure ("12 killed or wounded").
func (s *sentence) undone(l link) string {
	q := s.qs[l.q]
	lo, hi := min(l.a, q.i), max(l.b, q.j)
	if l.trig >= 0 {
		lo, hi = min(lo, l.trig), max(hi, l.trig+1)
	}
	// "All but one of the 242 people aboard … were killed": the 242 were
	// aboard, and the dead are a count the text leaves to the reader
	if s.isWord(q.i-1, "the") && s.isWord(q.i-2, "of") && q.i >= 3 {
		if x := s.qty[q.i-3]; x >= 0 && x != l.q && s.isWord(s.qs[x].i-1, "but") && s.isWord(s.qs[x].i-2, "all") {
			return "all but some of a number: a count the text leaves to the reader"
		}
	}
	// "2,452 deaths and disappearances on the Mediterranean": the dead
	// and the missing together, a count of neither
	if l.cat == tracker.Killed && s.isWord(hi, "and") && (s.isWord(hi+1, "disappearances") || s.isWord(hi+1, "disappeared")) {
		return "the dead and the missing together, not a count of either"
	}
	// "over 1,000 more killings than in 2023", "20 more deaths than last
	// year": the gap between two counts, neither of them
	// (one year against another only: "13 more deaths than in its
	// previous update" and "eight more than a day earlier" count the new
	// dead, "1,063 more people died than would be expected" the excess)
	if q.increment || s.isWord(q.j, "more") {
		for k := q.j; k < len(s.toks) && k <= hi+3; k++ {
			if s.isWord(k, "than") && s.yearAfterThan(k) {
				return "the gap between two counts, not a count"
			}
			if w := s.word(k); w == "," || w == ";" || w == "." {
				break
			}
		}
	}
	// "Bodies of 22 more soldiers recovered? Army says search goes on",
	// "Did 300 people die?": a figure in a question is asked about, not
	// given. A question a wh-word opens takes it as given ("Why did the
	// toll pass 30,000?"), and so keeps it.
	switch s.word(0) {
	case "why", "how", "what", "where", "when", "who", "which":
	default:
		// (to the end of the figure's clause: "Flood kills 40 in Kenya:
		// was it preventable?", "… 40 people died, but could it have
		// been prevented?" and "The storm killed 12 people - who is to
		// blame?" ask about something else)
	question:
		for k := hi; k < len(s.toks); k++ {
			switch w := s.word(k); w {
			case "?":
				return "a question, not a claim"
			case ".", ";", "!", ":", "—", "–":
				break question
			case "-":
				if !s.glued(k) {
					break question
				}
			case ",":
				switch s.word(k + 1) {
				case "but", "and", "so", "yet", "or", "why", "how", "what", "where", "when", "who", "which":
					break question
				}
			}
		}
	}
	// speculation anywhere from a few words before to the end of the phrase
	from := lo - 6
	// "Officials warned the toll, which stood at 11 on Friday morning,
	// was likely to rise": the figure is in a relative clause of its own
	if l.how == byToll {
		for k := lo; k < q.i; k++ {
			if s.isWord(k, ",") && (s.isWord(k+1, "which") || s.isWord(k+1, "that")) {
				lo, from = k+1, k+1
				break
			}
		}
	}
	for k := lo - 1; k >= 0 && k >= lo-6; k-- {
		if w := s.word(k); w == ";" || w == "." || w == "but" || w == "while" {
			from = k + 1
			break
		}
		// "the toll could rise as 12 workers had not been traced": the
		// reason the guess gives is a fact of its own
		if w := s.word(k); (w == "as" || w == "because") && k+1 == lo && !s.isWord(k-1, "such") && !s.isWord(k-1, "well") {
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
	titled := int8(0) // titledOnce's cache: 0 unknown, 1 no, 2 yes
	for k := from; k < hi && k < len(s.toks); k++ {
		if k >= q.i && k < q.j {
			continue // the qualifier itself ("no fewer than")
		}
		if l.how == byRestate && k >= l.a && k < q.i {
			continue // the restatement's hedge ("probably")
		}
		w := s.word(k)
		if s.flags[k]&(fRescue|fNeg|fSpec) != 0 && s.inOrgName(k, &titled) {
			continue // a name: "Save the Children said", "Reporters Without Borders said"
		}
		if s.flags[k]&fRescue != 0 && l.cat == tracker.Killed {
			return "lives saved, not lost"
		}
		if s.flags[k]&fSpec != 0 {
			if w == "may" && (s.toks[k].upper || k+1 < len(s.toks) && s.toks[k+1].kind == tNum) {
				continue // the month
			}
			if w == "could" && s.isWord(k+1, "only") && (s.isWord(k+2, "confirm") || s.isWord(k+2, "verify") || s.isWord(k+2, "identify") || s.isWord(k+2, "count")) {
				continue // what one was able to tell: "it could only confirm 43 deaths"
			}
			if s.toks[k].upper && k > 0 && !s.titledOnce(&titled) {
				continue // a name: "the Disaster Risk Reduction Council" (but
				// not a title-case headline's verb: "Toll Could Exceed 10,000")
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
			// "not only claimed 21 lives but also left dozens missing"
			if w == "not" && s.isWord(k+1, "only") {
				continue
			}
			return "negated"
		}
	}
	// "Hakui 1; Monzen 0", "0 deaths": a count of no one is no claim
	if !q.isRange && q.q == tracker.Exact && q.n.IsZero() {
		return "zero: no one counted"
	}
	// "all but two of the 181 on board were killed": the figure is
	// those spared, not those counted
	if q.i >= 2 && s.v.exceptWords[string(s.lowerKey(q.i-2, q.i))] {
		return "all but N: the figure is the rest"
	}
	// a rate is no count: "kills 40 a week", "kill more than 100
	// Americans every day", but not "killed 40 a day after the quake"
	if e := max(hi, l.b); s.in(e, gRateWord) && s.in(e+1, gDuration) && !s.in(e+2, gRateNot) {
		return "a rate, not a count"
	}
	// "About 1,000 people die on Nigeria's roads every month", "Each
	// year, 200 people drown": a rate further off in the clause
	if s.rateNear(l, from, lo, max(hi, l.b)) {
		return "a rate, not a count"
	}
	// "several people reported dead were found alive"
	if l.cat == tracker.Killed || l.cat == tracker.Missing {
		k := max(hi, l.b)
		for d := 0; d < 3 && k < len(s.toks) && s.is(k, fPostSkip); d++ {
			k++
		}
		// "12 fishermen who had been missing since Tuesday were found
		// alive": the relative clause's date, then the main verb's
		// auxiliaries
		if m := k; m+1 < len(s.toks) && (s.isWord(m, "since") || s.isWord(m, "on") || s.flags[m]&fDate != 0) {
			if s.flags[m]&fDate == 0 {
				m++
			}
			dated := false
			for d := 0; d < 4 && m < len(s.toks) && s.flags[m]&fDate != 0; d++ {
				m, dated = m+1, true
			}
			for d := 0; dated && d < 3 && m < len(s.toks) && s.is(m, fPostSkip); d++ {
				m++
			}
			if dated {
				k = m
			}
		}
		if s.v.aliveWords[string(s.lowerKey(k, min(k+1, len(s.toks))))] || s.v.aliveWords[string(s.lowerKey(k, min(k+2, len(s.toks))))] {
			return "found alive, not dead or missing"
		}
	}
	// "feared dead", "presumed dead" after the phrase
	if s.in(hi, gFeared) || s.in(hi-2, gFeared) || l.trig >= 1 && s.in(l.trig-1, gFeared) {
		return "feared, not confirmed"
	}
	// lumped categories: "killed or wounded", "dead and injured", unless
	// the second word has its own number ("killed 13 and wounded 19").
	if l.trig >= 0 && (l.how == byPost || l.how == byPre) {
		_, tn := lookup(s, s.v.triggerTab, l.trig, 4)
		after := l.trig + tn
		if s.isWord(after, "or") || s.isWord(after, "and") || s.isWord(after, "and/or") || s.isWord(after, "/") {
			// "killed or are missing": the verb's auxiliary between
			m := after + 1
			for d := 0; d < 2 && s.is(m, fPostSkip) && s.isWord(after, "or"); d++ {
				m++
			}
			if tr2, n2 := lookup(s, s.v.triggerTab, m, 3); n2 > 0 && tr2.cat != l.catOf() {
				next := m + n2
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
				if tr0, n0 := lookupEnding(s, s.v.triggerTab, before, 3); n0 > 0 && tr0.cat != l.cat && tr0.pre {
					return "two categories lumped on one figure"
				}
			}
		}
	}
	// patients of an outbreak are cases: "20 patients had been
	// hospitalized" beside "measles cases had reached 146"
	if l.cat == tracker.Injured && l.trig >= 0 && s.hospitalWord(l.trig) {
		for k := range s.toks {
			if s.in(k, gDisease) {
				return "patients of an outbreak, cases, not people hurt"
			}
		}
	}
	// "900 more lie in hospital morgues": bodies, not people being treated
	if l.cat == tracker.Injured && l.trig >= 0 && s.hospitalWord(l.trig) {
		_, n := lookup(s, s.v.triggerTab, l.trig, 5)
		if w := s.word(l.trig + n); strings.HasPrefix(w, "morgue") || strings.HasPrefix(w, "mortuar") {
			return "bodies in a hospital's morgue, not people hurt"
		}
	}
	// "confessed to taking part in three kidnappings", "carried out
	// 12 abductions": a count of deeds, each of which took an unknown
	// number of people
	if l.cat == tracker.Hostage && l.how == byNoun {
		switch s.word(q.i - 1) {
		case "in", "for", "behind", "out":
			return "a count of kidnappings, not of people held"
		}
	}
	// armies cross borders too: only civilians are displaced
	if l.cat == tracker.Displaced && s.v.armed[l.who] {
		return "armed forces moving, not people displaced"
	}
	// "3,000 residents who had fled floods in Nyando had returned home":
	// people back home are no longer displaced
	if l.cat == tracker.Displaced {
		for k := hi; k < len(s.toks) && k < hi+14; k++ {
			if w := s.word(k); w == ";" || w == "." || w == "but" {
				break
			}
			if s.isWord(k, ",") && s.isWord(k+1, "and") {
				break // (another clause: "…, and few expect to return home")
			}
			if s.isWord(k, "returned") {
				if s.isWord(k+1, "home") || s.isWord(k+1, "to") && (s.isWord(k+2, "their") || s.isWord(k+2, "the")) {
					return "people who went home, no longer displaced"
				}
			}
		}
	}
	// released hostages and prisoners are no longer held: "13 hostages
	// were released", "the release of 50 hostages"; but a release still
	// sought for those held is no release: "the release of the 96
	// remaining captives"
	if l.cat == tracker.Hostage || l.cat == tracker.Arrested {
		for k := max(0, lo-3); k < len(s.toks) && k < hi+16; k++ {
			w := s.word(k)
			if s.flags[k]&fRelease != 0 {
				// a release before the figure, of those still held; or
				// after a figure its own words call still held ("fewer
				// than ten were still held after 23 were freed")
				if k < q.i && s.heldIn(q.i-1, hi) || k >= hi && l.trig >= q.j && s.heldIn(l.trig, hi) {
					continue
				}
				// "arrested 17 suspects and rescued 11 victims": a second
				// verb after "and" with a figure of its own frees those,
				// not these
				if k >= hi && s.isWord(k-1, "and") && k+1 < len(s.toks) {
					if x := s.qty[k+1]; x >= 0 && s.qs[x].i == k+1 && x != l.q {
						continue
					}
				}
				// "17 … were arrested in a raid, and three others escaped":
				// a figure of its own after ", and" is the release's
				if k >= hi && s.otherFigureAfterAnd(l.q, hi, k) {
					continue
				}
				return "people released, not people held"
			}
			if k >= hi && (w == ";" || w == "." || s.flags[k]&fClause != 0) {
				break
			}
		}
		if s.handedOver(q.i) {
			return "people released, not people held"
		}
	}
	return ""
}

// handedOver reports a handover verb governing the quantity at i
// directly: "has received the first seven hostages".
func (s *sentence) handedOver(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if s.v.handoverWords[s.word(k)] {
			return true
		}
		switch s.word(k) {
		case "first", "last", "latest", "final", "next":
			continue
		}
		if !s.is(k, fFunc) {
			return false
		}
	}
	return false
}

// rateNear reports "every", "each" or "per" before a duration word
// ("every month", "each year", "per day") in the figure's clause: after
// its phrase up to the clause's end, or, unless the figure is a toll's
// ("the toll, updated every day, rose to 400"), between the clause's
// start and the phrase. "a day" is read only right after the figure.
func (s *sentence) rateNear(l link, from, lo, e int) bool {
	rate := func(k int) bool {
		w := s.word(k)
		if w != "every" && w != "each" && w != "per" {
			return false
		}
		// "every 26 seconds", "every two hours"
		if x := s.qty[min(k+1, len(s.toks)-1)]; x >= 0 && k+1 < len(s.toks) && s.qs[x].i == k+1 && w == "every" {
			return s.in(s.qs[x].j, gDuration)
		}
		return s.in(k+1, gDuration) && !s.in(k+2, gRateNot)
	}
after:
	for k := e; k < len(s.toks) && k < e+8; k++ {
		switch s.word(k) {
		case ",", ";", ".", "and", "but", "while", "as", "when", "after", "because", "since", "who", "which", "that":
			break after
		}
		if s.flags[k]&fClause != 0 || s.qty[k] >= 0 {
			break
		}
		if rate(k) {
			return true
		}
	}
	if l.how == byToll {
		return false
	}
	// "Each year, about 200 people drown"
	if from >= 3 && s.isWord(from-1, ",") && rate(from-3) {
		return true
	}
	for k := from; k < lo; k++ {
		if rate(k) {
			return true
		}
	}
	return false
}

// heldIn reports a word among tokens [i, j) that says the people counted
// are still held ("remaining", "still").
func (s *sentence) heldIn(i, j int) bool {
	for k := max(i, 0); k < j && k < len(s.toks); k++ {
		if s.in(k, gHeld) {
			return true
		}
	}
	return false
}

// hospitalWord reports a casualty word at k that counts people taken into
// hospital ("hospitalised", "admitted to hospitals", "treated in
// hospital"), the way an outbreak's patients are counted too.
func (s *sentence) hospitalWord(k int) bool {
	_, n := lookup(s, s.v.triggerTab, k, 5)
	for m := k; m < k+max(n, 1) && m < len(s.toks); m++ {
		if w := s.word(m); strings.HasPrefix(w, "hospital") {
			return true
		}
	}
	return false
}

// titledOnce is titled, computed once into *c (0 unknown, 1 no, 2 yes).
func (s *sentence) titledOnce(c *int8) bool {
	if *c == 0 {
		*c = 1
		if s.titled() {
			*c = 2
		}
	}
	return *c == 2
}

// inOrgName reports whether the capitalised word k is part of a name of
// several capitalised words in a sentence that is not a title-case
// headline: "Save the Children", "Reporters Without Borders", "Doctors
// Without Borders". The first word of a sentence is capitalised anyway,
// so there the name needs two more words after it ("Save the Children",
// not "No Americans").
func (s *sentence) inOrgName(k int, c *int8) bool {
	if !s.toks[k].upper || s.toks[k].kind != tWord {
		return false
	}
	capAt := func(m int) bool { return m >= 0 && m < len(s.toks) && s.toks[m].kind == tWord && s.toks[m].upper }
	linkAt := func(m int) bool {
		return m >= 0 && m < len(s.toks) && s.toks[m].kind == tWord && !s.toks[m].upper && slices.Contains(s.v.particles, s.toks[m].lower)
	}
	name := false
	if k == 0 {
		name = (capAt(1) || linkAt(1)) && capAt(2)
	} else {
		name = capAt(k-1) && (k-1 > 0 || capAt(k+1)) || capAt(k+1) || linkAt(k+1) && capAt(k+2)
	}
	return name && !s.titledOnce(c)
}

// otherFigureAfterAnd reports ", and" then a figure other than qi's
// among tokens [i, k): the subject of a clause of its own.
func (s *sentence) otherFigureAfterAnd(qi, i, k int) bool {
	for m := max(i, 1); m+1 < k; m++ {
		if s.isWord(m, "and") && s.isWord(m-1, ",") {
			if x := s.qty[m+1]; x >= 0 && x != qi && s.qs[x].i == m+1 {
				return true
			}
		}
	}
	return false
}

// yearAfterThan reports whether the "than" at k compares with a year:
// "than in 2023", "than last year", "than the year before".
func (s *sentence) yearAfterThan(k int) bool {
	m := k + 1
	if s.isWord(m, "in") {
		m++
	}
	if m < len(s.toks) && s.toks[m].kind == tNum && len(s.word(m)) == 4 {
		return true
	}
	return s.isWord(m, "last") && s.isWord(m+1, "year") || s.isWord(m, "the") && s.isWord(m+1, "year") && (s.isWord(m+2, "before") || s.isWord(m+2, "earlier"))
}
