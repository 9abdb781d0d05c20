package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tollproject/toll/tracker/gazetteer"
)

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
		ofEvent := s.isWord(i, "of") && (s.is(i-1, fEvent) || s.isWord(i-1, "shelling") || s.isWord(i-1, "siege") || s.isWord(i-1, "bombardment"))
		// "when the quake hit Gansu and Qinghai", "the storm that lashed
		// Vietnam": what an event struck is where it struck
		if !ofEvent && i > 0 && s.in(i, gStrike) && (s.is(i-1, fEvent) || i > 1 && s.isWord(i-1, "that") && s.is(i-2, fEvent)) && i+1 < len(s.toks) && s.toks[i+1].upper {
			ofEvent = true
		}
		if !ofEvent && (s.flags[i]&fPlacePrep == 0 || !s.in(i, gPlacePrep)) {
			continue
		}
		if inAttribution(attrs, i) {
			continue
		}
		if s.isWord(i, "at") && i > 0 && s.v.scholarNouns[s.word(i-1)] {
			// "researchers at the Harvard T.H. Chan School": where they
			// work, no place of the figure
			if p, ok := s.placeAt(i); ok {
				i = p.j - 1
			}
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
	if len(s.toks) > 2 && s.toks[0].upper && !s.is(0, fNotPlace) && !s.is(0, fDemonymAdj) {
		m := 0
		for m+1 < len(s.toks) && s.toks[m+1].upper && !s.is(m+1, fNotPlace) && m < 3 {
			m++
		}
		if s.is(m+1, fEvent) {
			out = append(out, place{i: 0, j: m + 1, name: s.textOf(0, m+1), initial: true})
		}
	}
	// "Sindh province has been worst hit with 347 deaths", "Balochistan
	// has recorded 234": a known place that opens the sentence as the
	// subject of an auxiliary or a verb of counting
	if len(s.toks) > 3 && s.toks[0].upper && !s.is(0, fNotPlace) && !s.is(0, fDemonymAdj) && !inAttribution(attrs, 0) {
		m := 0
		for m+1 < len(s.toks) && m < 3 && s.toks[m+1].upper && !s.is(m+1, fNotPlace) {
			m++
		}
		j := m + 1
		switch s.word(j) {
		case "province", "state", "district", "county", "region", "prefecture", "governorate":
			j++
		}
		switch s.word(j) {
		case "has", "had", "have", "was", "is", "recorded", "reported", "registered", "saw", "counted", "confirmed":
			// (one word with no designator is a place only when some
			// place of that name is more than a small town or a minor
			// unit: "Police have recovered 12 bodies", "Rain has killed
			// 12 people" and "Hope is fading for 40 missing miners" open
			// with words that are also towns in Poland and Arkansas)
			if name := s.textOf(0, j); gaz().IsPlaceName(stripDesignator(name)) && !s.titled() && (m > 0 || j > m+1 || strongPlaceName(name)) {
				out = append(out, place{i: 0, j: j, name: name, initial: true})
			}
		}
	}
	// "Gaza death toll", "Israel's death toll", "Derna flood toll" (and
	// "Syria's dead number 3,513", subjectCount's)
	for i := 0; i < len(s.toks); i++ {
		if _, n := lookup(s, s.v.tollTab, i, 2); n > 0 && i > 0 || i > 0 && s.countSubject(i) {
			k := i - 1
			if s.is(k, fEvent) {
				if s.toks[k].upper && !s.titled() && k > 0 && s.toks[k-1].upper {
					// "Camp Fire toll rises to 29", "Woolsey Fire death
					// toll": a capitalised event word makes the name the
					// event's own, no place
					continue
				}
				k--
			}
			if s.isWord(k, "'s") {
				k--
			}
			// "River Nile state's death toll": a lowercase designator
			// with the possessive, after the name it ends
			desig := false
			if k >= 1 && !s.toks[k].upper && s.toks[k-1].upper {
				// (the gazetteer says whether "River Nile state" is a
				// place, below: its designators are its own)
				if w := s.word(k); (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")) && s.toks[k].kind == tWord {
					desig = true
				}
			}
			titled := s.titled()
			if desig {
				m := k - 1
				for m-1 >= 0 && s.toks[m-1].upper && !s.is(m-1, fNotPlace) && (m-1 > 0 || !s.is(0, fFunc)) {
					m--
				}
				name := strings.TrimSuffix(strings.TrimSuffix(s.textOf(m, k+1), "'s"), "’s")
				if gaz().IsPlaceName(name) {
					out = append(out, place{i: m, j: i, name: name, modTok: true})
				}
				continue
			}
			if k >= 0 && s.toks[k].upper && !s.is(k, fNotPlace) && !s.is(k, fDemonymAdj) && s.flags[k]&s.v.tollTab.fFirst == 0 && !(titled && s.titleStop(k)) {
				m := k
				// "Buncombe County's death toll" opens its sentence with
				// the place; "The Gaza death toll" does not
				for m-1 >= 0 && s.toks[m-1].upper && !s.is(m-1, fNotPlace) && (m-1 > 0 || !s.is(0, fFunc)) && !(titled && s.titleStop(m-1)) {
					m--
				}
				// "Turkey–Syria earthquake toll"
				if m >= 2 && (s.isWord(m-1, "–") || s.isWord(m-1, "-")) && s.glued(m) && s.glued(m-1) && s.toks[m-2].upper {
					m -= 2
				}
				// "Storm Boris death toll", "Hurricane Helene toll": the
				// name after an event word is the storm's, no place
				if s.is(m, fEvent) || m > 0 && s.is(m-1, fEvent) {
					continue
				}
				// "Kenya Starvation Cult Toll Climbs To 89", "Kenya Cult
				// Death Toll": the run's longest opening that is a known
				// place is the place, the words after it the event's; a run
				// with no known opening ("Shakahola Forest") stays whole, and
				// so does one a designator ends ("Buncombe County"). Only in
				// title-case headlines, which capitalise the event's words.
				// (nor one a site noun ends: "Grenfell Tower Death Toll"
				// is the tower's, not a Saskatchewan town's)
				for e := k; e > m && titled && stripDesignator(s.textOf(m, k+1)) == s.textOf(m, k+1) && !gaz().IsPlaceName(s.textOf(m, k+1)) && !s.is(k, fPlaceHead); e-- {
					if gaz().IsPlaceName(s.textOf(m, e)) {
						k = e - 1
						break
					}
				}
				raw := s.textOf(m, k+1)
				name := strings.TrimSuffix(strings.TrimSuffix(raw, "’s"), "'s")
				// "North Carolina's Helene toll": the possessor is the
				// place, the name after it the storm's
				if c := strings.Index(name, "'s "); c > 0 {
					name = name[:c]
				} else if c := strings.Index(name, "’s "); c > 0 {
					name = name[:c]
				}
				// a possessor the gazetteer does not know is a storm's or
				// a body's name, no place: "Helene's toll", "the Red
				// Crescent's toll" (the toll's owner gave it: tollPossessor)
				if (name != raw || s.isWord(k+1, "'s") || s.isWord(k+1, "’s")) && (!gaz().IsPlaceName(name) || m > 0 && s.toks[m-1].upper && s.is(m-1, fNotPlace)) {
					// (nor the end of a name that is none: "Red Crescent")
					continue
				}
				out = append(out, place{i: m, j: i, name: name, modTok: true})
			}
		}
	}
	return out
}

// nameLink reports whether a lowercase word joins the words of a place
// name: one of the vocabulary's particles but "the" ("Bay of Bengal",
// "Rio Grande do Sul").
func (v *vocabulary) nameLink(w string) bool {
	return w != "the" && slices.Contains(v.particles, w)
}

// titled reports whether the sentence is a title-case headline: four
// words or more, and nearly all of its words of four letters or more
// capitalised ("Macron Tours Wrecked Mayotte As Official Toll Climbs").
func (s *sentence) titled() bool {
	words, upper := 0, 0
	for _, t := range s.toks {
		if t.kind != tWord || len(t.text) < 4 {
			continue
		}
		words++
		if t.upper {
			upper++
		}
	}
	return words >= 4 && upper*5 >= words*4
}

// titledLine is titled for a line of text not yet tokenised (a
// report's headline): four words of four letters or more, nearly all
// capitalised.
func titledLine(line string) bool {
	words, upper := 0, 0
	for _, w := range strings.Fields(line) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		words++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			upper++
		}
	}
	return words >= 4 && upper*5 >= words*4
}

// titleStop reports whether token k of a title-case sentence is a word no
// place name holds though capitalised: a function word, a verb of a
// toll, a casualty or event word, a source ("Official").
func (s *sentence) titleStop(k int) bool {
	return s.flags[k]&(fFunc|fChange|fAttrVerb|fCountVerb|fPutVerb|fEvent|fSourceNoun|fSourceHead|fRevision|fEarlier|fTollLinker|fNumber) != 0 || isTriggerWord(s, k)
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
	for s.in(k, gPlaceDrop) {
		k++
	}
	// "the eastern Ukrainian city of Kramatorsk": the name after "of"
	for m := k; m < len(s.toks) && m < k+5; m++ {
		// (a capitalised area noun is a name's: "Valencia's City of Justice")
		if s.in(m, gAreaNoun) && !s.toks[m].upper && s.isWord(m+1, "of") && m+2 < len(s.toks) && s.toks[m+2].upper {
			if p, ok := s.placeAt(m + 1); ok {
				p.i = i
				return p, true
			}
		}
		// (an adjective of a people the gazetteer has no demonym for is
		// capitalised all the same: "the southern Brazilian state of")
		if t := s.toks[m]; t.kind != tWord || !(s.in(m, gPlaceDirection) || s.is(m, fDemonymAdj) || t.upper || t.lower == "the") {
			if !s.in(m, gAreaNoun) {
				break
			}
		}
	}
	first := k
	// ("the South department", "Eastern Province": a capitalised
	// direction before a unit's noun is the unit's name)
	if s.in(k, gPlaceDirection) && !(s.toks[k].upper && k+1 < len(s.toks) && s.is(k+1, fPlaceHead)) {
		k++
		// ("central and eastern Europe": two directions joined)
		if s.isWord(k, "and") && s.in(k+1, gPlaceDirection) && k+2 < len(s.toks) && s.toks[k+2].upper {
			k += 2
		}
	}
	hasCap := false
	last := -1
	titled := s.titled()
	for k < len(s.toks) && k < first+7 {
		t := s.toks[k]
		if t.kind != tWord {
			break
		}
		lw := t.lower
		if titled && k > first && s.titleStop(k) && !(s.v.nameLink(lw) && hasCap && k+1 < len(s.toks) && s.toks[k+1].upper) {
			// "Chido's Toll In Mozambique Rises To 94": a title-case
			// headline capitalises its verbs and prepositions too
			break
		}
		if lw == "new" && k+1 < len(s.toks) && strings.HasPrefix(s.toks[k+1].lower, "year") {
			// "on New Year's Day" names a day, not a place
			break
		}
		switch {
		case t.upper && !s.is(k, fNotPlace) && !s.is(k, fDemonymAdj):
			hasCap = true
			last = k
			if titled && (strings.HasSuffix(t.text, "'s") || strings.HasSuffix(t.text, "’s")) {
				// "In Korea's Deadliest Air Disaster": the possessor
				k = first + 100
				continue
			}
		case t.upper && s.is(k, fDemonymAdj) && k+1 < len(s.toks) && s.toks[k+1].upper && !s.is(k+1, fNotPlace):
			// "Palestinian Authority" is notPlaces; "Lebanese border"
			// lowercase; "Israeli Kibbutz" rare
			last = k
		case strings.HasPrefix(lw, "al-") || strings.HasPrefix(lw, "el-") || strings.HasPrefix(lw, "ash-") || strings.HasPrefix(lw, "an-"):
			hasCap = true
			last = k
		case s.is(k, fPlaceHead) && (hasCap || s.isWord(k-1, "the")):
			last = k
		case s.v.nameLink(lw) && hasCap && k+1 < len(s.toks) && s.toks[k+1].upper:
			// "Bay of Bengal", "Rio Grande do Sul"
		case lw == "and" && hasCap && last == k-1 && k+1 < len(s.toks) && s.toks[k+1].upper && !s.is(k+1, fNotPlace) && !s.is(k+1, fDemonymAdj):
			// "Turkey and Syria"
		case !t.upper && hasCap && k+1 < len(s.toks) && s.is(k+1, fPlaceHead) && !s.is(k, fFunc):
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
	// "the Crocus City Hall concert venue": a venue named with its own
	// site noun ("Hall", "Arena") is that name, whatever the words for
	// what was on there after it
	for m := first + 1; m < last; m++ {
		if t := s.toks[m]; t.upper && (s.is(m, fPlaceHead) && !s.in(m, gAreaNoun) && !s.isWord(m, "city") || s.isWord(m, "hall") || s.isWord(m, "arena")) && !s.toks[m+1].upper {
			last = m
			break
		}
	}
	// a place ends with a name or a site noun, never with a common noun
	// ("Israeli airstrikes" is not a place)
	lt := s.toks[last]
	if !lt.upper && !s.is(last, fPlaceHead) && !strings.HasPrefix(lt.lower, "al-") {
		return place{}, false
	}
	// "in the New Year's Day earthquake": a name used as a modifier
	if lt.upper && s.is(last+1, fEvent) {
		// ("in Uganda's Ebola outbreak": the possessor is the place)
		if first < last {
			if name := s.text[s.toks[first].start:lt.end]; !strings.HasPrefix(name, "New Year") {
				if k := strings.IndexAny(name, "'’"); k > 0 && (strings.HasPrefix(name[k:], "'s ") || strings.HasPrefix(name[k:], "’s ")) {
					return place{i: i, j: last + 1, name: name[:k]}, true
				}
			}
		}
		return place{}, false
	}
	name := s.text[s.toks[first].start:lt.end]
	name = strings.TrimSuffix(strings.TrimSuffix(name, "’s"), "'s")
	if first < last {
		// a demonym of two words is the people's adjective, no place:
		// "hit Sri Lankan churches" (the report pass reads its country)
		if _, ok := gaz().Demonym(name); ok && !gaz().IsPlaceName(name) {
			return place{}, false
		}
	}
	// "Nigeria's Kaduna state" is "Kaduna state"
	if k := strings.IndexAny(name, "'’"); k > 0 && first < last {
		if rest := name[k:]; strings.HasPrefix(rest, "'s ") || strings.HasPrefix(rest, "’s ") {
			if s.v.coasts[s.word(last+1)] || s.v.coasts[s.word(last)] {
				// "Mexico's Pacific coast", "Florida's Gulf Coast": a
				// stretch of the possessor's shore, whose name is no place
				// the gazetteer holds
				name = name[:k]
			} else {
				name = strings.TrimSpace(rest[strings.IndexByte(rest, ' '):])
			}
		}
	}
	return place{i: i, j: last + 1, name: name}, true
}

// placeFor chooses the place of a claim: the first place after its
// casualty word up to the next figure outside its group, else the toll's
// own place ("the death toll in Gaza", "Gaza death toll"), else the
// sentence's opening "In Gaza, …". Parts share their head's place.
// placeIn reports a place (not a modifier) starting in tokens [i, j).
func (s *sentence) placeIn(places []place, i, j int) bool {
	for _, p := range places {
		if !p.modTok && p.i >= i && p.i < j {
			return true
		}
	}
	return false
}

func (s *sentence) placeFor(k int, links []link, grp []int, places []place) string {
	l := links[k]
	q := s.qs[l.q]
	// a possessor's toll: "North Carolina's death toll from Hurricane
	// Helene has risen to 104 after the department added a crash in
	// Mitchell County" is the state's, whatever place a clause after the
	// number names (not one the toll names before its number: "Chido's
	// Toll In Mozambique Rises To 94", where the possessor is a storm)
	if l.how == byToll && !s.placeIn(places, l.a, q.i) {
		for _, p := range places {
			// (a known place only: "Chido's Toll In Mozambique Rises To
			// 94" names a storm, and the toll is Mozambique's)
			if p.modTok && p.j <= l.a+1 && p.j >= l.a-3 && p.j > p.i && possessive(s.toks[p.j-1].lower) && gaz().IsPlaceName(p.name) {
				return p.name
			}
		}
	}
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
			// "Cao Bang has 29 deaths and 23 missing, and landslides in
			// Yen Bai have killed 37": the other figure's clause, opened
			// by ", and", holds its own place
			for m := oi - 1; m > start; m-- {
				if s.isWord(m, ",") && s.isWord(m+1, "and") {
					limit = m
					break
				}
			}
		}
	}
	// a part of this figure that names its own place ends the search: "157
	// people have died, 105 in Jajarkot and 52 in West Rukum", "the toll has
	// reached 133: 95 in Jajarkot …" give the total no district's place
	// ("killed 12, including five children, in Gaza City" still gives Gaza
	// City: that part names none)
	for m, o := range links {
		if m == k || o.head != l.q || o.how != byBreakdown && !(o.how == byCoord && o.part) {
			continue
		}
		oi := min(o.a, s.qs[o.q].i)
		if oi <= start || oi >= limit {
			continue
		}
		end := o.b + 2
		if m+1 < len(links) {
			end = min(end, min(links[m+1].a, s.qs[links[m+1].q].i))
		}
		if o.where != "" || s.placeIn(places, oi, end) {
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
		// ", and" opening a clause with its own subject and verb: "24
		// people are confirmed dead, and dozens of houses have collapsed
		// in Suzu" is no count of Suzu
		if s.isWord(m, ",") && s.isWord(m+1, "and") && s.clauseVerbWithin(m+2, 6) {
			limit = m
			break
		}
		// (and ", saying" or ", adding" a reason: "revising it down to
		// 202, saying one person in Wajima had been counted twice")
		if s.isWord(m, ",") && s.in(m+1, gReasonVerb) {
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
	// "most of the deaths were in Derna, where 1,054 people were
	// killed": a relative "where" after a place gives the figure that
	// place
	wh := lo
	if s.isWord(wh-1, "it") || s.isWord(wh-1, "they") {
		// ("…, where it killed 197 people")
		wh--
	}
	if wh >= 2 && s.isWord(wh-1, "where") && s.isWord(wh-2, ",") {
		for _, p := range places {
			if !p.modTok && p.j == wh-2 {
				return p.name
			}
		}
		// (and a country no preposition introduced: "counting Vietnam,
		// where it killed 197 people"; only a country, as a capitalised
		// word before a comma is as often a person's name)
		if e := wh - 3; e >= 0 && s.toks[e].upper && !s.is(e, fNotPlace) && !s.is(e, fDemonymAdj) {
			b := e
			for b-1 >= 0 && e-b < 2 && s.toks[b-1].upper && !s.is(b-1, fNotPlace) {
				b--
			}
			for ; b <= e; b++ {
				if name := s.textOf(b, e+1); isCountryName(name) {
					return name
				}
			}
		}
	}
	// a figure its own words spread over several units ("killing at
	// least 44 people in four states") is no toll of the subject's place
	// ("raced north into Georgia and the Carolinas, …"): the report pass
	// gives it the country
	if e := max(l.b, q.j); e < len(s.toks) && holdsUnitsWord(s.text[s.toks[e-1].end:s.toks[len(s.toks)-1].end]) && unitsRE.MatchString(s.text[s.toks[e-1].end:s.toks[len(s.toks)-1].end]) {
		return ""
	}
	// ", killing at least 51 people", ", bringing the death toll to 40":
	// a participle clause whose subject is the main clause before the comma
	subjEnd := lo
	if (l.how == byPre || l.how == byToll) && s.isWord(l.a-1, ",") && strings.HasSuffix(s.word(l.a), "ing") {
		subjEnd = l.a - 1
	} else if l.how == byToll && s.isWord(l.a-2, ",") && strings.HasSuffix(s.word(l.a-1), "ing") {
		subjEnd = l.a - 2
	}
	for _, p := range places {
		// (a place that opens the sentence as its subject, "Cao Bang has
		// 29 deaths and 23 missing, and landslides in Yen Bai have killed
		// 37, with three missing", gives way to a nearer one; it is the
		// fallback below)
		if p.initial && p.i == 0 && !s.in(0, gPlacePrep) {
			continue
		}
		if !p.modTok && p.j <= subjEnd && !s.clauseBreakBetween(p.j, subjEnd) && !s.sinceCovers(p.i) {
			// the first place of the subject is the most specific:
			// "a blast at al-Ahli Arab hospital in Gaza City"
			return p.name
		}
	}
	for _, p := range places {
		if p.initial {
			if p.i == 0 && !s.in(0, gPlacePrep) && s.clauseBreakBetween(p.j, lo) {
				// (a subject place is no place of a clause after a comma)
				continue
			}
			return p.name
		}
	}
	return ""
}

// clauseVerbWithin reports whether a finite auxiliary ("have", "were",
// "is") stands within n words from i, before any comma: the words after
// ", and" are then a clause of their own.
func (s *sentence) clauseVerbWithin(i, n int) bool {
	for k := i; k < i+n && k < len(s.toks); k++ {
		switch s.word(k) {
		case ",", ";", ":":
			return false
		case "have", "has", "had", "were", "was", "are", "is":
			return k > i // (a subject before it)
		}
	}
	return false
}

// isCountryName reports whether some place name names is a country.
func isCountryName(name string) bool {
	for _, p := range gaz().Lookup(name) {
		if p.Kind == gazetteer.Country {
			return true
		}
	}
	return false
}

// strongPlaceName reports a name of which the gazetteer holds some place
// more than a small town or a minor unit (weakPlace): "Balochistan",
// "Reading", not "Police" (a town in Poland) or "Hope".
func strongPlaceName(name string) bool {
	for _, p := range gaz().Lookup(name) {
		if !weakPlace(p) {
			return true
		}
	}
	return false
}
