package extract

import (
	"strings"

	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/gazetteer"
)

// claims runs the passes over one sentence and appends its claims to dst.
func (s *sentence) claims(dst []tracker.Claim) []tracker.Claim {
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
		s.made = make([]tracker.Claim, len(links))
		s.ok = make([]bool, len(links))
	}
	made, ok := s.made[:len(links)], s.ok[:len(links)]
	clear(made)
	clear(ok)
	s.includedParts(links)
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
			if l.kin && s.kinWithMissing(links, k) {
				// "he had lost 26 members of his family: the bodies of 10
				// have been found and 16 are still missing": the dead and
				// the missing together, no count of either
				s.note(l.a, l.b, "a family's dead and missing together: not filed")
				continue
			}
			if (c.Category == tracker.Missing || c.Category == tracker.Killed && s.missingWithin(s.qs[l.q].j, 8)) && s.bodiesOf(s.qs[l.q].i) {
				// "the bodies of two missing hikers were recovered", "the
				// bodies of four people who had been listed as missing":
				// the missing found dead, some of the dead, not the toll
				// ("the remains of 95 people have been found" is the toll)
				c.Category = tracker.Killed
				c.Context.Part = true
			}
			if l.kin || s.afterKinColon(links, k) {
				// "he had lost 26 members of his family: the bodies of 10
				// have been found and 16 are still missing": a family's
				// dead and missing, some of the event's
				c.Context.Part = true
			}
			if c.Category == tracker.Killed && s.soughtBodies(l) {
				// "the search goes on for the bodies of 141 others",
				// "searching for the remains of 11 people": not found yet,
				// the missing
				c.Category = tracker.Missing
			}
			if c.Category == tracker.Killed && !c.Context.Part && s.bodyStatusOf(l) {
				// "101 bodies are still unidentified", "159 bodies have
				// been handed over": some of the dead, not the toll
				c.Context.Part = true
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
				if c.Scope == tracker.UnknownScope && pc.Scope != tracker.UnknownScope && pc.Scope != tracker.Period || c.Scope == tracker.UnknownScope && pc.Scope == tracker.Period && pc.From != "" {
					c.Scope, c.Since, c.From, c.To, c.AsOf = pc.Scope, pc.Since, pc.From, pc.To, pc.AsOf
				}
			}
			if dependent {
				var hc *tracker.Claim
				if h := findLink(links, l.head); h >= 0 && ok[h] {
					hc = &made[h]
				} else if l.carried && l.head < 0 {
					// the total is the sentence before's
					hc = s.carryOf(l.cat)
					s.usedCarry = s.usedCarry || hc != nil
				}
				if hc == nil && l.where == "" && c.Category == tracker.Killed && c.Who == "people" {
					// "The dead include two foreigners and two local
					// residents": the residents are some of the dead, whose
					// toll the sentence does not give, not the toll of people
					// (a named group, "23 children", is its own series
					// already, and a place's item, "Iran 464", is that
					// place's toll)
					c.Context.Part = true
				}
				if hc != nil {
					c.Scope, c.Since, c.From, c.To, c.AsOf = hc.Scope, hc.Since, hc.From, hc.To, hc.AsOf
					if c.Where == "" {
						c.Where = hc.Where
					}
					if c.Attribution == "" {
						c.Attribution = hc.Attribution
					}
					// "1,204 injured, of whom 721 are in a serious
					// condition": a sub-count of the same group and place
					if c.Who == hc.Who && c.Where == hc.Where && c.Category == hc.Category {
						c.Context.Part = true
					}
					// "Of the 126 people killed in the county, 52 were
					// from Changsuo": the places after a total the
					// sentence opens with are some of it (its groups,
					// "…, 98 were women", count a group's toll)
					if h := findLink(links, l.head); h >= 0 && l.how == byBreakdown && c.Category == hc.Category && c.Who == hc.Who && s.isWord(0, "of") && s.qs[links[h].q].i <= 3 {
						c.Context.Part = true
					}
				}
			}
			if l.partitive || c.Category == tracker.Injured && s.severePhrase(l) {
				c.Context.Part = true
			}
			// "19 probable deaths", "20 suspected deaths": an outbreak's
			// deaths not confirmed by a test are some of its dead, beside
			// the confirmed, never the toll
			if c.Category == tracker.Killed && l.trig > 0 {
				if w := s.word(l.trig - 1); w == "probable" || w == "suspected" || w == "presumed" {
					c.Context.Part = true
				}
			}
			// "284 people were wounded, 220 of whom were taken to
			// hospital": some of the 284
			// (or of another count: "600 injured people …, at least 40 of
			// them had died" are some of the dead, not their toll)
			if l.ofWhom {
				for j := 0; j < k; j++ {
					if ok[j] && !made[j].Prior {
						c.Context.Part = true
						break
					}
				}
			}
			if (l.how == byCoord || l.how == byBreakdown || l.part) && c.Where != "" {
				// "… said 136 Indonesians had died, Tunisia counted 35 and
				// Iran 11": another country's item counts its own people,
				// not the nationals of the first
				c.Who = otherCountryPeople(c.Who, c.Where)
			}
			made[k], ok[k] = c, true
			if !dependent && !c.Prior {
				s.heads = append(s.heads, c)
			}
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
				p.Qualifier = tracker.Range
			}
			p.Prior = true
			p.Start = s.toks[q.prior.i].start
			p.End = s.toks[q.prior.j-1].end
			p.Span = s.text[p.Start:p.End]
			// "up from at least 260 counted by ZAKA": the earlier figure's
			// own source
			if s.in(q.prior.j, gCountedBy) {
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
		if w == ";" || s.is(m, fAttrVerb) || s.in(m, gClause) || w == "." {
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
	// (in the sentence's buffer, as made is: every element is set below
	// before it is read)
	if cap(s.grpBuf) < len(links) {
		s.grpBuf = make([]int, len(links))
	}
	grp := s.grpBuf[:len(links)]
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
			if _, ok := s.v.groups[s.word(k)]; ok {
				k++
				continue
			}
			if _, ok := s.demonymAt(k); ok {
				k++
				continue
			}
			// "up to 25 dead from 20" (not "145 missing, up from 3,564
			// dead", whose earlier figure is another count's)
			if isTriggerWord(s, k) && s.toks[k].kind == tWord && s.isWord(k+1, "from") {
				k++
				continue
			}
			break
		}
		// "upwards to 551 on Saturday, from 382"
		if s.isWord(k, "on") && k+1 < len(s.toks) && s.flags[k+1]&fDate != 0 {
			k += 2
		}
		if s.isWord(k, ",") {
			k++
		}
		if s.isWord(k, "up") || s.isWord(k, "down") {
			k++
		}
		fromOK := s.isWord(k, "from") && (s.is(qa.i-1, fChange) || s.isWord(qa.i-1, "to") || s.isWord(k-1, "up") || s.isWord(k-1, "down"))
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
		// "…, up from the 117 it gave on Monday", "…, down from a first
		// estimate of about 90", "…, up from the previous toll of 31":
		// the figure the clause gave before
		if x, ok := s.priorOfUpFrom(a); ok {
			qa.consumed = true
			s.qs[x].prior = qa
			continue
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

// claimOf turns a link into a Claim: its interval, group, place, source
// and time.
func (s *sentence) claimOf(links []link, k int, grp []int, places []place, attrs []attribution, times []timeExpr) (tracker.Claim, bool) {
	l := links[k]
	q := s.qs[l.q]
	c := tracker.Claim{Category: l.cat, Who: l.who, Qualifier: q.q, Vague: q.vague}
	c.Interval = q.interval()
	if q.isRange {
		c.Qualifier = tracker.Range
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
	c.Where = l.where
	if c.Where == "" {
		c.Where = s.placeFor(k, links, grp, places)
	}
	c.Attribution = s.attributionFor(l, attrs)
	if c.Attribution == "" && l.how == byToll {
		// "more than 70 times the government's official toll of 64": the
		// toll's possessor gave it
		c.Attribution = s.tollPossessor(l.a)
	}
	if l.where != "" && c.Attribution != "" && c.Attribution != l.where && (l.how == byBreakdown || l.how == byCoord) {
		// "South Carolina reported 36 deaths, Georgia 25, Florida 15": each
		// place of the list reported its own
		// (not "Salgado said 29 of the dead were in Acapulco and 10 in
		// Coyuca": a speaker, though some town is called Salgado)
		if gaz().IsPlaceName(c.Attribution) && !s.saidBy(c.Attribution) {
			c.Attribution = l.where
		}
	}
	s.timeFor(&c, k, links, grp, times)
	c.Revised = s.revised(l)
	c.Prior = l.prior || s.earlierFigure(l)
	if c.Interval.Validate() != nil {
		return tracker.Claim{}, false
	}
	return c, true
}

// earlierFigure reports a figure the text gives as an earlier report's:
// "…, after earlier reporting 11 dead and six wounded", "had initially
// reported 150".
func (s *sentence) earlierFigure(l link) bool {
	q := s.qs[l.q]
	lo := min(l.a, q.i)
	// "Correction: An earlier version of this story said the quake had
	// killed 127 people": the figure withdrawn, not a count
	if k := s.correction(); k >= 0 && s.toks[lo].start-s.start > k {
		return true
	}
	// "Local officials had put the toll at about 250": a pluperfect
	// estimate is an earlier one
	for k := lo - 1; k >= 1 && k >= lo-6; k-- {
		if w := s.word(k); w == "," || w == ";" {
			break
		}
		if s.in(k, gHadPrior) && (s.isWord(k-1, "had") || s.isWord(k-1, "been") && s.isWord(k-2, "had")) {
			// ("the toll had been put at 27")
			return true
		}
	}
	// "Previously, WHO had reported 413 deaths", "Earlier, officials had
	// given 90": a sentence an earlier-word opens, before a comma, gives
	// an earlier figure when its verb is pluperfect
	// (the pluperfect of the figure's own clause: "Earlier, officials
	// had said 40 people died, but on Tuesday the toll rose to 55" and
	// "Previously, the ministry had reported 30 deaths; now it says 45"
	// give the 55 and the 45 as today's)
	if s.is(0, fEarlier) && s.isWord(1, ",") {
		for k := lo - 1; k >= 2; k-- {
			if w := s.word(k); w == ";" || w == ":" || w == "but" || w == "now" || w == "however" || w == "while" || w == "whereas" {
				break
			}
			if s.isWord(k, "had") {
				return true
			}
		}
	}
	// "…, correcting earlier accounts that two residents had died": the
	// figure of the accounts a correction sets right
	for k := lo - 1; k >= 1 && k >= lo-4; k-- {
		if s.isWord(k, "that") {
			for m := k - 1; m >= 0 && m >= k-3; m-- {
				if s.in(m, gCorrection) {
					return true
				}
				if w := s.word(m); w == "," || w == ";" {
					break
				}
			}
			break
		}
	}
	// "The toll had stood at 27 on Thursday": the pluperfect inside a
	// toll's own phrase, between its noun and its number
	if l.how == byToll {
		for k := l.a + 1; k < q.i; k++ {
			if s.in(k, gHadPrior) && (s.isWord(k-1, "had") || s.isWord(k-1, "been") && s.isWord(k-2, "had")) {
				return true
			}
		}
	}
	// "The previous official count was 48 dead", "the earlier toll had
	// stood at 27": a count the sentence calls an earlier one, before
	// the figure in its clause
	for k := lo - 1; k >= 1 && k >= lo-6; k-- {
		if s.isWord(k, ",") && s.isWord(k+1, "of") && s.is(k-1, fCountNoun) {
			// "the first counts, of 58 dead, had been far too low"
			continue
		}
		if w := s.word(k); w == "," || w == ";" || s.is(k, fNumber) {
			break
		}
		if !s.is(k, fCountNoun) {
			continue
		}
		m := k - 1
		for m >= 0 && s.is(m, fCountMod) && !s.is(m, fEarlier) {
			m--
		}
		if s.is(m, fEarlier) {
			return true
		}
		break
	}
	for k := lo - 1; k >= 0 && k >= lo-4; k-- {
		switch w := s.word(k); {
		case s.is(k, fEarlier):
			if s.in(k+1, gPriorAfter) || s.in(k-1, gPriorBefore) {
				return true
			}
		case w == "," || w == ";":
			return false
		}
	}
	// "and 11 dead earlier": a figure closed by "earlier" is left alone,
	// it may be a period
	return false
}

// correction is correctionAt of the sentence, found once a sentence.
func (s *sentence) correction() int {
	if !s.corrRead {
		s.corr, s.corrRead = correctionAt(s.text[s.start:s.end]), true
	}
	return s.corr
}

// correctionAt returns where a correction's account of what a story said
// before ends in sent ("An earlier version of this story said", "…
// incorrectly reported that"), or -1.
func correctionAt(sent string) int {
	if !mayCorrect(sent) {
		return -1
	}
	low := strings.ToLower(sent)
	for _, m := range []string{"earlier version of this story", "earlier version of this article", "earlier version of this report",
		"previous version of this story", "previous version of this article", "incorrectly reported", "incorrectly said", "incorrectly stated",
		"erroneously reported", "erroneously said", "erroneously stated"} {
		if i := strings.Index(low, m); i >= 0 {
			return i + len(m)
		}
	}
	return -1
}

// mayCorrect reports whether sent holds "ersion of this", "ncorrectly"
// or "rroneously", which every phrase of correctionAt holds, in one pass
// over the r each of them holds at a fixed offset (three searches of
// the whole sentence cost 2% of the extractor).
func mayCorrect(sent string) bool {
	for i := 0; ; i++ {
		k := strings.IndexByte(sent[i:], 'r')
		if k < 0 {
			return false
		}
		i += k
		if i >= 1 && strings.HasPrefix(sent[i-1:], "ersion of this") ||
			i >= 3 && strings.HasPrefix(sent[i-3:], "ncorrectly") ||
			strings.HasPrefix(sent[i:], "rroneously") {
			return true
		}
	}
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
		// (a clause of its own: "Nangarhar lowers its quake toll as
		// Afghan death count passes 2,200")
		if w == ";" || w == "." || w == "as" || w == "while" || w == "but" || w == "whereas" {
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

// priorOfUpFrom reads quantity b as the earlier figure of "X …, up from
// [the|a] [first|earlier|previous] [official] [estimate|figure|toll of] Y"
// and returns X: the nearest figure before it in the same clause, with
// none between. False when b is not written so.
func (s *sentence) priorOfUpFrom(b int) (int, bool) {
	qb := &s.qs[b]
	m := qb.i - 1
	if s.isWord(m, "of") && (s.is(m-1, fCountNoun) || s.flags[max(m-1, 0)]&s.v.tollTab.fLast != 0) {
		m -= 2
	}
	for d := 0; d < 4 && m >= 0 && (s.is(m, fEarlier) || s.is(m, fCountMod) || isDeterminer(s.word(m))); d++ {
		m--
	}
	if !s.isWord(m, "from") || !s.isWord(m-1, "up") && !s.isWord(m-1, "down") {
		return -1, false
	}
	k := m - 2
	if s.isWord(k, ",") {
		k--
	}
	// "632 dead and 329 injured, up from 296 dead": a prior that names
	// its casualty word goes with the figure that names the same one
	tb, nb := lookup(s, s.v.triggerTab, qb.j, 2)
	for ; k >= 0 && k > m-20; k-- {
		if x := s.qty[k]; x >= 0 {
			if x == b || s.qs[x].consumed || s.qs[x].prior != nil {
				return -1, false
			}
			if nb > 0 {
				if tx, nx := lookup(s, s.v.triggerTab, s.qs[x].j, 2); nx == 0 || tx.cat != tb.cat {
					k = s.qs[x].i
					continue
				}
			}
			return x, true
		}
		switch w := s.word(k); {
		case w == ";" || w == "." || w == ":" || s.flags[k]&fClause != 0 && s.in(k, gClause):
			return -1, false
		}
	}
	return -1, false
}

// severePhrase reports whether an injured figure's casualty phrase names
// a degree of injury ("sustained minor injuries", "with serious
// injuries"): the figure is some of the injured (injuryseverity).
func (s *sentence) severePhrase(l *link) bool {
	if l.trig < 0 {
		return false
	}
	for k := l.trig; k < l.trig+4 && k < len(s.toks); k++ {
		if s.in(k, gInjurySeverity) {
			return true
		}
	}
	return false
}

// includedParts makes a figure that a casualty noun counts on its own a
// part of the sentence's earlier figure of its category when "including"
// stands right before it: "The toll rose to 202, the prefecture said,
// including eight disaster-related deaths among evacuees" (the deaths
// noun had made the eight a toll of its own, beside the 202).
func (s *sentence) includedParts(links []link) {
	for k := range links {
		l := &links[k]
		if l.how == byBreakdown || l.part || l.head >= 0 || l.prior {
			continue
		}
		if i := s.qs[l.q].i - 1; !s.isWord(i, "including") && !s.isWord(i, "includes") && !s.isWord(i, "included") {
			continue
		}
		for h := k - 1; h >= 0; h-- {
			if o := &links[h]; o.cat == l.cat && !o.prior && !o.part && o.how != byBreakdown {
				l.part, l.head = true, o.q
				break
			}
		}
	}
}

// bodiesOf reports whether the quantity at token i follows "the bodies
// of" or "the remains of" (with "the" or not before the number).
func (s *sentence) bodiesOf(i int) bool {
	k := i - 1
	if s.isWord(k, "the") {
		k--
	}
	return s.isWord(k, "of") && (s.isWord(k-1, "bodies") || s.isWord(k-1, "remains"))
}

// bodyStatusOf reports a count of bodies ("101 bodies", "the bodies of
// 81 victims") whose clause says they are (un)identified, (un)claimed or
// handed over (the vocabulary's bodystatus): from four words before the
// figure to eight after its phrase, within its clause.
func (s *sentence) bodyStatusOf(l *link) bool {
	q := &s.qs[l.q]
	if !s.bodiesOf(q.i) && !s.isWord(q.j, "bodies") {
		return false
	}
	for k := q.i - 1; k >= 0 && k >= q.i-4; k-- {
		if s.isWord(k, ",") || s.isWord(k, ";") {
			break
		}
		if s.v.bodyStatus[s.toks[k].lower] {
			return true
		}
	}
	for k := max(q.j, l.b); k < len(s.toks) && k < max(q.j, l.b)+8; k++ {
		if s.isWord(k, "and") || s.isWord(k, ";") || s.isWord(k, ",") {
			break
		}
		if s.v.bodyStatus[s.toks[k].lower] {
			return true
		}
	}
	return false
}

// missingWithin reports whether "missing" is among the n tokens from j,
// in the same clause (before any "and", comma or semicolon: "the bodies
// of 10 have been found and 16 are still missing" are no missing found).
func (s *sentence) missingWithin(j, n int) bool {
	for k := j; k < j+n && k < len(s.toks); k++ {
		switch {
		case s.isWord(k, "missing"):
			return true
		case s.isWord(k, "and"), s.isWord(k, ","), s.isWord(k, ";"):
			return false
		}
	}
	return false
}

// saidBy reports whether the sentence has who right before a speaker
// verb ("Salgado said"): a speaker, whatever else the name may be.
func (s *sentence) saidBy(who string) bool {
	sent := s.text[s.start:s.end]
	for off := 0; ; {
		k := strings.Index(sent[off:], who+" ")
		if k < 0 {
			return false
		}
		off += k + len(who) + 1
		w := sent[off:]
		if e := strings.IndexAny(w, " ,.;"); e >= 0 {
			w = w[:e]
		}
		// (only the verbs of a person speaking: a place "reported" or
		// "announced" its own dead)
		if s.v.speakerVerbs[w] {
			return true
		}
	}
}

// otherCountryPeople returns "people" when who is the demonym group of a
// country and where names another country, else who.
func otherCountryPeople(who, where string) string {
	if who == "" || who == "people" {
		return who
	}
	d, ok := gaz().Demonym(strings.ToUpper(who[:1]) + who[1:])
	if !ok || d.Kind != gazetteer.Country {
		return who
	}
	for _, p := range gaz().Lookup(where) {
		if p.Kind == gazetteer.Country {
			if p.ID != d.ID {
				return "people"
			}
			return who
		}
	}
	return who
}

// afterKinColon reports whether links[k] follows a family's loss and a
// colon in its sentence ("lost 26 members of his family: the bodies of
// 10 have been found"): the family's figures.
func (s *sentence) afterKinColon(links []link, k int) bool {
	start := min(links[k].a, s.qs[links[k].q].i)
	for m := range links {
		if !links[m].kin || m == k {
			continue
		}
		end := max(links[m].b, s.qs[links[m].q].j)
		if end > start {
			continue
		}
		for i := end; i < start; i++ {
			if s.isWord(i, ":") {
				return true
			}
		}
	}
	return false
}

// kinWithMissing reports whether a family's loss, links[k], is followed
// after a colon by a missing figure of its sentence.
func (s *sentence) kinWithMissing(links []link, k int) bool {
	for m := range links {
		if m != k && links[m].cat == tracker.Missing && s.afterKinColon(links, m) {
			return true
		}
	}
	return false
}

// tollPossessor returns the source that owns the toll noun at token a
// ("the government's official toll of 64", "the ministry's latest count
// of 1,200"), or "": the possessor right before the toll, past modifiers,
// a capitalised name or a source noun of the vocabulary.
func (s *sentence) tollPossessor(a int) string {
	k := a - 1
	for k >= 0 && (s.is(k, fModifier) || s.is(k, fCountMod)) && !strings.HasSuffix(s.word(k), "'s") && !strings.HasSuffix(s.word(k), "’s") {
		k--
	}
	if k < 0 || s.toks[k].kind != tWord {
		return ""
	}
	w := s.word(k)
	base := strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	lb := strings.ToLower(base)
	if base == w || !(s.v.sourceNouns[lb] || s.v.sourceHeads[lb] || s.toks[k].upper && isAcronym(base)) {
		// (a name alone is no source: "Helene's toll", "Chido's toll")
		return ""
	}
	start := k
	for start-1 >= 0 && start > k-3 && s.toks[start-1].kind == tWord && (s.toks[start-1].upper || s.v.sourceNouns[s.word(start-1)] || s.is(start-1, fSourceHead) || s.is(start-1, fModifier)) && !s.isWord(start-1, "the") {
		start--
	}
	if gaz().IsPlaceName(s.textOf(start, k+1)) || gaz().IsPlaceName(strings.TrimSuffix(strings.TrimSuffix(s.textOf(start, k+1), "'s"), "’s")) {
		// ("Gaza's death toll", "Morocco's toll": a place's, no source)
		return ""
	}
	return s.v.cleanSource(s.textOf(start, k+1))
}

// soughtBodies reports whether a killed figure's "bodies of" or
// "remains of" is what a search is for ("the search goes on for the
// bodies of 141 others", "still searching for the remains of 11
// people"): bodies not found, so people still missing.
func (s *sentence) soughtBodies(l *link) bool {
	t := s.qs[l.q].i - 2
	if t < 0 || !(s.isWord(t, "bodies") || s.isWord(t, "remains")) || !s.isWord(t+1, "of") {
		return false
	}
	k := t - 1
	if s.isWord(k, "the") {
		k--
	}
	if !s.isWord(k, "for") {
		return false
	}
	for m := k - 1; m >= 0 && m >= k-3; m-- {
		switch s.word(m) {
		case "search", "searching", "searched", "searches", "looking", "look", "hunt", "hunting", "combing":
			return true
		}
	}
	return false
}
