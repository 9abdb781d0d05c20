package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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
	// (into the sentence's buffer: the attributions are read while the
	// sentence's claims are made, and kept by none of them)
	out := s.attrBuf[:0]
	defer func() { s.attrBuf = out[:0] }()
	// headline form "UN: 1.4 million displaced", "IDF: 203 hostages"
	for k := 1; k <= 4 && k < len(s.toks); k++ {
		if s.word(k) != ":" {
			continue
		}
		last := s.toks[k-1]
		if s.v.sourceNouns[last.lower] || isAcronym(last.text) {
			out = append(out, attribution{i: 0, j: k, name: s.v.cleanSource(s.textOf(0, k)), verb: k, leading: true})
		}
		break
	}
	// a live blog's "15:00 - Interior Minister Carolina Toha: the official
	// toll stands at 64": an office-holder named before a colon
	if len(out) == 0 {
		st := 0
		if len(s.toks) > 4 && s.toks[0].kind == tNum && s.isWord(1, ":") && s.toks[2].kind == tNum {
			st = 3
			if w := s.word(3); w == "-" || w == "–" || w == "—" {
				st = 4
			}
		}
		for k := st; k <= st+6 && k < len(s.toks); k++ {
			if !s.isWord(k, ":") || k < st+2 {
				if t := s.toks[k]; t.kind != tWord || !t.upper {
					break
				}
				continue
			}
			for m := st; m < k; m++ {
				if s.v.officeWord(s.word(m)) {
					out = append(out, attribution{i: st, j: k, name: s.v.cleanSource(s.textOf(st, k)), verb: k, leading: true})
					break
				}
			}
			break
		}
	}
	for v := 0; v < len(s.toks); v++ {
		if s.flags[v]&fAttr == 0 {
			continue
		}
		w := s.word(v)
		switch {
		case w == "according" && s.isWord(v+1, "to"):
			if a, ok := s.sourceAfter(v+2, v); ok {
				if k := a.j - 1; k > a.i && s.isWord(a.j, "by") && strings.HasSuffix(s.word(k), "ed") {
					if s.v.passiveVerbs[s.word(k)] || s.v.attributionVerbs[s.word(k)] {
						// "according to figures released by the health
						// ministry": the ministry's
						if b, ok := s.sourceAfter(a.j+1, v); ok {
							a = b
						}
					} else if n := s.v.cleanSource(s.textOf(a.i, k)); n != "" {
						// "according to interior ministry figures carried
						// by MAP": the ministry's, MAP the relay
						a.name, a.j = n, k
					}
				}
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
		case (s.is(v, fAttrVerb) || s.v.passiveVerbs[w]) && s.isWord(v+1, "by"):
			// passive: "the toll reported by the Ministry of Health"
			if a, ok := s.sourceAfter(v+2, v); ok {
				a.leading = false
				a.passive = true
				out = append(out, a)
			}
		case s.is(v, fAttrVerb) && strings.HasSuffix(w, "ed") && isTriggerWord(s, v+1) && !s.isWord(v-1, ","):
			// "the number of people reported missing": a participle
		case s.is(v, fAttrVerb) && s.claimsDeed(v):
			// "Islamic State claims Iran bombings that killed 84": the
			// group owns the deed, the figure is the writer's
		case s.is(v, fAttrVerb):
			if a, ok := s.sourceBefore(v); ok {
				a.leading = s.leadsClause(a)
				out = append(out, a)
			} else if a, ok := s.apposition(v); ok {
				a.leading = s.leadsClause(a)
				out = append(out, a)
			} else if a, ok := s.sourceAfter(v+1, v); ok && (w == "said" || w == "says" || w == "reported" || w == "added" || w == "told") && s.invertedSaid(v) {
				out = append(out, a)
			}
		}
	}
	if len(out) == 0 {
		if a, ok := s.possessiveBulletin(); ok {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		if a, ok := s.subjectSaying(); ok {
			out = append(out, a)
		}
	}
	return out
}

// subjectSaying reads the subject of a sentence whose figures follow
// "saying": "The Afghan Red Crescent Society gave a lower count, saying
// at least 1,124 people had died", "The ministry issued a statement
// saying 40 were killed". The subject is the sentence's opening name or
// source noun phrase, read as sourceBefore reads one before its verb.
func (s *sentence) subjectSaying() (attribution, bool) {
	v := -1
	for k := 1; k < len(s.toks); k++ {
		if s.isWord(k, "saying") {
			v = k
			break
		}
	}
	if v < 0 || s.qty[0] >= 0 {
		return attribution{}, false
	}
	// the subject: the opening words up to the first lowercase word that
	// is no part of a name ("gave", "issued")
	start := 0
	if s.isWord(0, "the") {
		start = 1
	}
	end := start
	for end < v && end < start+8 {
		t := s.toks[end]
		if t.kind == tWord && (t.upper || s.is(end, fSourceNoun) || s.is(end, fSourceHead) || t.lower == "of" && end > start) || t.kind == tPunct && (t.text == "'" || t.text == "’") {
			end++
			continue
		}
		break
	}
	if end == start || end >= v || s.toks[end].kind != tWord || s.qtyBetween(start, v) {
		return attribution{}, false
	}
	head := s.toks[end-1]
	if !head.upper && !s.v.sourceNouns[head.lower] && !s.v.sourceHeads[head.lower] {
		return attribution{}, false
	}
	name := s.v.cleanSource(s.textOf(start, end))
	if name == "" {
		return attribution{}, false
	}
	return attribution{i: start, j: end, name: name, verb: v, leading: true}, true
}

// possessiveBulletin reads a source that opens its sentence as the owner
// of a bulletin: "The interior ministry's 10 p.m. update on Saturday,
// carried by MAP, raised the toll …", "OCHA's latest report put …". Only
// when the sentence names no other source.
func (s *sentence) possessiveBulletin() (attribution, bool) {
	start := 0
	// (after a dateline: "Rabat — The interior ministry's …")
	for d := 0; d < len(s.toks) && d <= 8; d++ {
		if w := s.word(d); w == "—" || w == "–" || w == "-" && !s.glued(d) {
			start = d + 1
			break
		}
		if t := s.toks[d]; t.kind == tWord && !t.upper || t.kind == tNum && d == 0 {
			break
		}
	}
	if s.isWord(start, "the") {
		start++
	}
	for k := start; k < len(s.toks) && k < start+6; k++ {
		// (the lexer keeps a possessive on its word: "ministry's")
		if w := s.word(k); s.toks[k].kind == tWord && (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")) {
			for m := k + 1; m < len(s.toks) && m <= k+5; m++ {
				// (the vocabulary's sourcedoc lines)
				if s.in(m, gSourceDoc) {
					name := s.v.cleanSource(s.textOf(start, k+1))
					if name == "" || !s.toks[k].upper && !s.v.sourceNouns[strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")] {
						return attribution{}, false
					}
					return attribution{i: start, j: k + 1, name: name, verb: m, leading: true}, true
				}
				if s.toks[m].kind == tPunct && !s.isWord(m, ".") {
					return attribution{}, false
				}
			}
			return attribution{}, false
		}
		if t := s.toks[k]; t.kind != tWord || s.is(k, fFunc) && t.lower != "of" || isTriggerWord(s, k) {
			return attribution{}, false
		}
	}
	return attribution{}, false
}

// claimsDeed says whether "claim" at v claims a deed, not a figure: its
// object, within four words, is responsibility, credit or an event noun
// ("claimed the attack", "claims Iran bombings", "claimed responsibility
// for the blast").
func (s *sentence) claimsDeed(v int) bool {
	switch s.word(v) {
	case "claim", "claims", "claimed", "claiming":
	default:
		return false
	}
	for k := v + 1; k < len(s.toks) && k <= v+4; k++ {
		w := s.word(k)
		if w == "responsibility" || w == "credit" || s.is(k, fEvent) {
			return true
		}
		if s.toks[k].kind == tNum || s.qty[k] >= 0 || w == "that" || w == "," {
			return false
		}
	}
	return false
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

// sourceBefore reads the subject before a reporting verb at v: "the Gaza
// health ministry said", "Israel's military says", "officials told AFP".
func (s *sentence) sourceBefore(v int) (attribution, bool) {
	k := v - 1
	// "has said", "had said", "also said", "later reported"
	for k >= 0 {
		if !s.in(k, gSaidSkip) {
			break
		}
		k--
	}
	// "The Afghan Red Crescent Society, whose teams are working in the
	// districts of Nurgal, Chawkay and Dara-i-Pech, said": the subject
	// before a relative clause set off by commas (with no figure in it)
	if s.isWord(k, ",") {
		for m := k - 1; m > 0 && m >= k-30; m-- {
			if s.qty[m] >= 0 || s.toks[m].kind == tNum {
				break
			}
			if s.isWord(m, ",") {
				if w := s.word(m + 1); w == "whose" || w == "which" || w == "who" {
					k = m - 1
					break
				}
			}
		}
	}
	end := k + 1
	startTok := end
	for k >= 0 && end-k <= 8 {
		t := s.toks[k]
		w := t.lower
		// casualty nouns may sit inside a source's name: "the agency for
		// Palestinian refugees", "the Commission of Detainees"
		nounInName := k > 0 && k < end-1 && (s.isWord(k-1, "for") || s.isWord(k-1, "of") || s.toks[k-1].upper && s.is(k-1, fDemonymAdj))
		// "the Commission of Detainees' Affairs and the Palestinian
		// Prisoners' Society", "officials and medics"; "(BINUH)"
		// "the Committee to Protect Journalists"
		// "Reporters Without Borders": a capitalised function word
		// between two capitalised words (not in a title-case headline,
		// whose "As" is no name's: "… 1,373 Injured As Bayrou Warns")
		inName := (w == "to" || w == "for" || w == "of" || t.upper && t.kind == tWord) && k > 0 && k+1 < end && s.toks[k-1].upper && s.toks[k+1].upper && (!t.upper || w == "to" || w == "for" || w == "of" || !s.titled())
		joined := inName || (w == "and" || w == "&") && k > 0 && s.toks[k-1].kind == tWord && !s.is(k-1, fFunc) && !isTriggerWord(s, k-1)
		paren := (w == "(" || w == ")") && (isAcronym(s.toks[min(k+1, len(s.toks)-1)].text) || isAcronym(s.toks[max(k-1, 0)].text))
		inThe := w == "in" && s.isWord(k+1, "the") && k+2 < end && s.toks[k+2].upper
		if joined || paren || inThe || t.kind == tWord && isAcronym(t.text) ||
			t.kind == tWord && !s.is(k, fFunc) && (!isTriggerWord(s, k) || nounInName) && (!s.in(k, gSpeculation) || t.upper) || w == "of" && k+1 < end || w == "'s" || w == "the" || w == "-" && s.glued(k) || (w == "'" || w == "’") && s.glued(k) || t.kind == tAlnum || (w == "for" || w == "on" || w == "in") && k+1 < end && s.toks[k+1].upper {
			// (a day is no name, nor its part: "On Sunday evening the
			// ministry said …" is the ministry's)
			if s.is(k, fWeekday) || k > 0 && s.is(k-1, fWeekday) && s.dateEndsAfter(k-1, k) {
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
	if end-startTok == 1 && !s.toks[startTok].upper && !s.is(startTok, fSourceNoun) && !s.is(startTok, fSourceHead) {
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
	if s.in(v, gCauseVerb) {
		head := s.toks[end-1]
		if !(s.v.sourceNouns[head.lower] || s.v.sourceHeads[head.lower] || isAcronym(head.text) || head.upper && end-startTok <= 3) {
			return attribution{}, false
		}
	}
	name := s.v.cleanSource(s.textOf(startTok, end))
	if name == "" {
		return attribution{}, false
	}
	return attribution{i: startTok, j: end, name: name, verb: v}, true
}

// capitalisedName reports whether every word of name is capitalised,
// but for the joining words of a body's name ("Ministry of Health").
func capitalisedName(name string) bool {
	for _, w := range strings.Fields(name) {
		switch w {
		case "of", "for", "and", "the", "on":
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// dateEndsAfter reports whether a date expression read at i covers token
// k ("Sunday evening": the "evening").
func (s *sentence) dateEndsAfter(i, k int) bool {
	_, end, ok := s.dateAt(i)
	return ok && end > k
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
		if s.is(end, fWeekday) {
			break
		}
		if s.is(end, fFunc) && w != "of" && w != "in" && w != "for" && w != "and" && w != "the" {
			break
		}
		end++
	}
	if end <= start {
		return attribution{}, false
	}
	// "…, says one Kerman bomber was Tajik": the words after the verb
	// are the subject of what was said, not who said it
	if s.isCopula(end) || s.isWord(end, "had") || s.isWord(end, "has") || s.isWord(end, "have") {
		return attribution{}, false
	}
	switch s.word(start) {
	case "he", "she", "it", "they", "we", "i", "you":
		return attribution{}, false
	}
	name := s.v.cleanSource(s.textOf(start, end))
	if name == "" {
		return attribution{}, false
	}
	return attribution{i: start, j: end, name: name, verb: v}, true
}

// cleanSource trims what is not the source's name: a leading "the",
// trailing possessives and "figures".
func (v *vocabulary) cleanSource(name string) string {
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
	// "Kenya Red Cross update", "OCHA bulletin": the body that issued
	// it, when what is left is a name (an acronym, or two capitalised
	// words or more: "Morning Bulletin" and "count of the national
	// figures" stay)
	if i := strings.LastIndexByte(name, ' '); i > 0 && v.sourceDocs[strings.ToLower(name[i+1:])] {
		if rest := name[:i]; isAcronym(rest) || strings.IndexByte(rest, ' ') > 0 && capitalisedName(rest) {
			name = rest
		}
	}
	// "the US embassy in Moscow publicly warned": a manner, not the name
	for {
		i := strings.LastIndexByte(name, ' ')
		if i < 0 {
			break
		}
		last := name[i+1:]
		if len(last) < 5 || !strings.HasSuffix(last, "ly") || last[0] < 'a' || last[0] > 'z' {
			break
		}
		name = name[:i]
	}
	if utf8.RuneCountInString(name) < 2 {
		return ""
	}
	// "according to official figures", "official data released on
	// Friday", "the latest official count": officials, unnamed
	// (officialWords needs the word "official": a name without it is
	// not split into words)
	if !containsFoldASCII(name, "official") {
		return name
	}
	if w := strings.Fields(name); len(w) > 0 && len(w) <= 4 && v.officialWords(w) {
		return "officials"
	}
	return name
}

// officialWords reports whether the words of a source are only "official"
// and words for a count or its release ("latest official count", "official
// data released"): no body named.
func (v *vocabulary) officialWords(w []string) bool {
	has := false
	for _, x := range w {
		switch lw := strings.ToLower(x); {
		case lw == "official":
			has = true
		case !v.officialData[lw]:
			return false
		}
	}
	return has
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
		case a.passive && (a.verb == q.j || a.verb == l.b && l.b > q.j):
			// "… 260 counted by ZAKA", "the 1,000 dead given by the
			// Taliban government"
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
			// "Nangarhar lowers its quake toll as Afghan death count
			// passes 2,200": a clause of its own between
			if s.clauseWordBetween(a.verb+1, q.i) {
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

// clauseWordBetween reports whether a conjunction that opens a clause of
// its own ("as", "whereas") stands in tokens [i, j), other than "as" of
// "as many as", "as of", "as a result", "such as".
func (s *sentence) clauseWordBetween(i, j int) bool {
	for k := max(i, 0); k < j && k < len(s.toks); k++ {
		// ("while" is not one: "X said 10 were killed, while 20 were
		// injured" is X's twice)
		switch s.word(k) {
		case "whereas":
			return true
		case "as":
			switch {
			case s.isWord(k+1, "many"), s.isWord(k+1, "much"), s.isWord(k+1, "of"), s.isWord(k+1, "well"), s.isWord(k+1, "a"),
				s.isWord(k+1, "part"), s.isWord(k+1, "high"), s.isWord(k+1, "low"), s.isWord(k+1, "few"),
				s.isWord(k-1, "many"), s.isWord(k-1, "much"), s.isWord(k-1, "well"), s.isWord(k-1, "such"), s.isWord(k-1, "same"):
				continue
			}
			return true
		}
	}
	return false
}

// apposition reads a subject with an apposition before a reporting verb
// at v, the commonest way wire copy names who spoke: "Janan Sayeeq,
// spokesman for the disaster management ministry, says", "Green,
// speaking to CNN from Lahaina, says", "the head of the eastern
// administration, Osama Hamad, said". The source is the body the title
// names after "of" or "for" ("disaster management ministry"), else the
// person. Limits: one apposition, a name of at most four words, a title
// of at most twelve.
func (s *sentence) apposition(v int) (attribution, bool) {
	k := v - 1
	for k >= 0 && (s.isWord(k, "has") || s.isWord(k, "had") || s.isWord(k, "also") || s.isWord(k, "later")) {
		k--
	}
	if !s.isWord(k, ",") {
		return attribution{}, false
	}
	// the segment between the two commas
	c2 := k
	c1 := -1
	for m := c2 - 1; m >= 0 && m >= c2-13; m-- {
		if s.isWord(m, ",") {
			c1 = m
			break
		}
		if s.toks[m].kind == tPunct && !s.isWord(m, "'s") && !s.isWord(m, "'") && !s.isWord(m, "’") && !s.isWord(m, "-") {
			return attribution{}, false
		}
		if s.qty[m] >= 0 || s.toks[m].kind == tNum {
			return attribution{}, false
		}
	}
	if c1 < 1 || c2-c1 < 2 {
		return attribution{}, false
	}
	// nameBack is the run of capitalised words ending at e (inclusive)
	// (a day or a month is no name: "the ministry on Saturday, in a
	// statement, raised …")
	timeWord := func(m int) bool {
		_, wd := s.weekdayAt(m)
		_, mo := s.monthAt(m)
		return wd || mo
	}
	nameBack := func(e int) int {
		b := e + 1
		for m := e; m >= 0 && e-m < 4 && s.toks[m].kind == tWord && s.toks[m].upper && !s.is(m, fFunc) && !timeWord(m); m-- {
			b = m
		}
		return b
	}
	allName := func(i, j int) bool {
		if j-i < 1 || j-i > 4 {
			return false
		}
		for m := i; m < j; m++ {
			if t := s.toks[m]; t.kind != tWord || !t.upper || s.is(m, fFunc) || timeWord(m) {
				return false
			}
		}
		return true
	}
	titled := func(i, j int) bool {
		for m := i; m < j; m++ {
			if s.is(m, fSourceNoun) || s.is(m, fSourceHead) {
				return true
			}
		}
		return false
	}
	// the body a title names: "spokesman for the Taliban's disaster
	// management ministry" is that ministry, "head of the Red Crescent in
	// the region" the Red Crescent
	body := func(i, j int) string {
		for m := i; m < j; m++ {
			if w := s.word(m); (w == "of" || w == "for") && m+1 < j {
				e := j
				for n := m + 1; n < j; n++ {
					if s.isWord(n, "in") && n+1 < j && !s.toks[n+1].upper {
						e = n
						break
					}
				}
				if name := s.v.cleanSource(s.textOf(m+1, e)); name != "" && titled(m+1, e) || e > m+1 && s.toks[e-1].upper {
					return s.v.cleanSource(s.textOf(m+1, e))
				}
				return ""
			}
		}
		return ""
	}
	// "NAME, TITLE, says" or "NAME, speaking to …, says"
	if b := nameBack(c1 - 1); b < c1 && (b == 0 || s.toks[b-1].kind == tPunct || s.is(b-1, fFunc)) {
		if titled(c1+1, c2) || strings.HasSuffix(s.word(c1+1), "ing") {
			name := body(c1+1, c2)
			if name == "" {
				name = s.v.cleanSource(s.textOf(b, c1))
			}
			if name != "" {
				return attribution{i: b, j: c2, name: name, verb: v}, true
			}
		}
	}
	// "TITLE, NAME, said"
	if allName(c1+1, c2) {
		b := c1
		for m := c1 - 1; m >= 0 && c1-m <= 8; m-- {
			if s.toks[m].kind == tPunct && !s.isWord(m, "'s") {
				break
			}
			b = m
		}
		if b < c1 && titled(b, c1) {
			name := body(b, c1)
			if name == "" {
				name = s.v.cleanSource(s.textOf(c1+1, c2))
			}
			if name != "" {
				return attribution{i: b, j: c2, name: name, verb: v}, true
			}
		}
	}
	return attribution{}, false
}

// officeWord reports a word of an office whose holder, named before a
// colon, gives a figure ("Interior Minister Carolina Toha: …").
func (v *vocabulary) officeWord(w string) bool {
	return v.offices[w] || v.sourceNouns[w]
}
