package extract

import "strings"

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
