package extract

import (
	"strconv"
	"strings"
	"time"

	"github.com/tollproject/toll/tracker"
)

// timeKind is what a time expression says about a figure.
type timeKind uint8

const (
	timeSince   timeKind = iota + 1 // "since Saturday": a cumulative count's start
	timePeriod                      // "on Tuesday", "in the past 24 hours", "overnight"
	timeAsOf                        // "as of 23 May"
	timeBetween                     // "between 7 October and 23 May"
)

// timeExpr is a time expression found in a sentence, resolved against the
// report date where it can be.
type timeExpr struct {
	kind timeKind
	i, j int // token range
	// from and to are YYYY-MM-DD when resolved, else the words as written;
	// since uses from.
	from, to string
	span     int // days covered by a between, -1 when unknown
}

// dayRef is a date expression: a resolved date, or the words when it
// could not be resolved.
type dayRef struct {
	date    tracker.Date
	written string
}

func (d dayRef) String() string {
	if !d.date.IsZero() {
		return d.date.String()
	}
	return d.written
}

// dateAt reads a date expression at token i: a weekday, "October 7",
// "Oct. 7, 2023", "7 October 2023", "yesterday", "today", "last night".
// Weekdays resolve to the latest such day on or before the report date;
// a month and day without a year to the latest on or before it.
func (s *sentence) dateAt(i int) (dayRef, int, bool) {
	w := s.word(i)
	ref := s.date
	if wd, ok := s.weekdayAt(i); ok {
		j := i + 1
		switch s.word(j) {
		case "night", "morning", "evening", "afternoon":
			j++
		}
		written := s.toks[i].text
		if ref.IsZero() {
			return dayRef{written: written}, j, true
		}
		back := (int(ref.Weekday()) - wd + 7) % 7
		return dayRef{date: ref.AddDays(-back), written: written}, j, true
	}
	switch w {
	case "yesterday":
		if ref.IsZero() {
			return dayRef{written: "yesterday"}, i + 1, true
		}
		return dayRef{date: ref.AddDays(-1), written: "yesterday"}, i + 1, true
	case "today", "tonight":
		if ref.IsZero() {
			return dayRef{written: w}, i + 1, true
		}
		return dayRef{date: ref, written: w}, i + 1, true
	case "last":
		if s.isWord(i+1, "night") {
			if ref.IsZero() {
				return dayRef{written: "last night"}, i + 2, true
			}
			return dayRef{date: ref.AddDays(-1), written: "last night"}, i + 2, true
		}
	}
	// "October 7", "Oct. 7", "October 7, 2023"
	if m, ok := s.monthAt(i); ok && (w != "may" || s.toks[i].upper) {
		j := i + 1
		if s.isWord(j, ".") {
			j++
		}
		if day, ok := s.dayNumber(j); ok {
			end := j + 1
			year := 0
			if s.isWord(end, ",") && s.yearNumber(end+1) > 0 {
				year = s.yearNumber(end + 1)
				end += 2
			} else if y := s.yearNumber(end); y > 0 {
				year = y
				end++
			}
			return s.resolveMonthDay(m, day, year, s.textOf(i, end)), end, true
		}
		return dayRef{}, i, false
	}
	// "7 October", "7 Oct 2023"
	if day, ok := s.dayNumber(i); ok {
		mw := s.word(i + 1)
		if m, ok := s.monthAt(i + 1); ok && (mw != "may" || s.toks[i+1].upper) {
			end := i + 2
			if s.isWord(end, ".") && len(mw) <= 4 {
				end++
			}
			year := 0
			if y := s.yearNumber(end); y > 0 {
				year = y
				end++
			}
			return s.resolveMonthDay(m, day, year, s.textOf(i, end)), end, true
		}
	}
	return dayRef{}, i, false
}

func (s *sentence) dayNumber(i int) (int, bool) {
	if i >= len(s.toks) || s.toks[i].kind != tNum || len(s.toks[i].text) > 2 {
		return 0, false
	}
	d, err := strconv.Atoi(s.toks[i].text)
	if err != nil || d < 1 || d > 31 {
		return 0, false
	}
	return d, true
}

func (s *sentence) yearNumber(i int) int {
	if i >= len(s.toks) || s.toks[i].kind != tNum || len(s.toks[i].text) != 4 {
		return 0
	}
	y, err := strconv.Atoi(s.toks[i].text)
	if err != nil || y < 1900 || y > 2100 {
		return 0
	}
	return y
}

// resolveMonthDay dates a month and day. Without a year it is the latest
// such day on or before the report date; without a report date either, it
// stays as written.
func (s *sentence) resolveMonthDay(m, day, year int, written string) dayRef {
	if year == 0 {
		if s.date.IsZero() {
			return dayRef{written: written}
		}
		year = s.date.Time().Year()
		d := tracker.NewDate(year, time.Month(m), day)
		if d.After(s.date) {
			d = tracker.NewDate(year-1, time.Month(m), day)
		}
		return dayRef{date: d, written: written}
	}
	d := tracker.NewDate(year, time.Month(m), day)
	if d.Time().Day() != day { // 31 February
		return dayRef{written: written}
	}
	return dayRef{date: d, written: written}
}

// parseTimes finds the time expressions of a sentence and marks their
// number tokens as excluded, so "22 and 23 May" is never read as a range
// of people.
func (s *sentence) parseTimes() []timeExpr {
	out := s.timesBuf[:0]
	defer func() { s.timesBuf = out[:0] }()
	toks := s.toks
	for i := 0; i < len(toks); i++ {
		w := s.word(i)
		if toks[i].kind != tNum && s.flags[i]&fDate == 0 {
			continue
		}
		switch w {
		case "since":
			if e, ok := s.sinceAt(i); ok {
				out = append(out, e)
				i = e.j - 1
			}
			continue
		case "between", "from":
			if e, ok := s.betweenAt(i); ok {
				out = append(out, e)
				s.exclude(e.i, e.j)
				i = e.j - 1
				continue
			}
		case "as":
			if s.isWord(i+1, "of") || s.isWord(i+1, "at") {
				if d, end, ok := s.dateAt(i + 2); ok {
					out = append(out, timeExpr{kind: timeAsOf, i: i, j: end, to: d.String(), from: d.String()})
					s.exclude(i, end)
					i = end - 1
				}
			}
			continue
		case "in", "over", "during", "within", "for":
			if e, ok := s.pastHoursAt(i); ok {
				out = append(out, e)
				s.exclude(e.i, e.j)
				i = e.j - 1
			}
			continue
		case "overnight":
			if s.date.IsZero() {
				out = append(out, timeExpr{kind: timePeriod, i: i, j: i + 1, from: "overnight", to: "overnight"})
			} else {
				out = append(out, timeExpr{kind: timePeriod, i: i, j: i + 1, from: s.date.AddDays(-1).String(), to: s.date.String()})
			}
			continue
		}
		if d, end, ok := s.dateAt(i); ok {
			k := i
			if s.isWord(i-1, "on") {
				k = i - 1
			}
			kind := timePeriod
			// "the ministry said on Sunday", "officials said Tuesday",
			// "the bulletin on Monday counts 147 deaths": the day of the
			// statement, not a period of the figure (a document noun is
			// the vocabulary's sourcedoc)
			if s.is(k-1, fAttrVerb) || s.in(k-1, gSourceDoc) {
				kind = timeAsOf
			}
			// "the 7 October attack", "Monday's earthquake": a date that
			// names an event dates nothing; nor does a deadline ("held
			// until May 22")
			if s.isWord(i-1, "until") || s.isWord(i-1, "till") || s.isWord(k-1, "until") || s.is(end, fEvent) || s.isWord(end, "'s") || strings.HasSuffix(s.word(end-1), "'s") {
				s.exclude(i, end)
				i = end - 1
				continue
			}
			out = append(out, timeExpr{kind: kind, i: k, j: end, from: d.String(), to: d.String()})
			s.exclude(i, end)
			i = end - 1
		}
	}
	return out
}

func (s *sentence) exclude(i, j int) {
	for k := i; k < j && k < len(s.toks); k++ {
		if s.toks[k].kind == tNum {
			s.excluded[k] = true
		}
	}
}

// sinceAt reads "since X" where X is a date, or a clause holding one
// ("since Hamas, the group that runs Gaza, attacked on Saturday"). An
// appositive between commas is skipped; the clause ends at another comma,
// a semicolon or a number.
func (s *sentence) sinceAt(i int) (timeExpr, bool) {
	e := timeExpr{kind: timeSince, i: i, j: i + 1}
	for k := i + 1; k < len(s.toks) && k < i+30; k++ {
		w := s.word(k)
		if d, end, ok := s.dateAt(k); ok {
			e.from = d.String()
			e.j = end
			s.exclude(k, end)
			return e, true
		}
		switch {
		case w == ",":
			nw := s.word(k + 1)
			if nw == "the" || nw == "a" || nw == "an" || nw == "which" || nw == "who" || nw == "whose" {
				// skip an appositive to its closing comma
				m := k + 1
				for m < len(s.toks) && m < k+20 && s.word(m) != "," && s.word(m) != ";" {
					m++
				}
				if s.word(m) == "," {
					k = m
					continue
				}
			}
			e.j = k
			return e, true
		case w == ";" || w == "." || w == ":" || w == "—":
			e.j = k
			return e, true
		case s.toks[k].kind == tNum && !s.excluded[k]:
			e.j = k
			return e, true
		}
		e.j = k + 1
	}
	return e, true
}

// betweenAt reads "between 7 October and 23 May", "between the afternoons
// of 22 and 23 May", "from 7 October to 23 May".
func (s *sentence) betweenAt(i int) (timeExpr, bool) {
	k := i + 1
	if s.isWord(k, "the") {
		switch s.word(k + 1) {
		case "afternoons", "mornings", "evenings", "nights", "afternoon", "morning", "evening", "night", "days":
			if s.isWord(k+2, "of") {
				k += 3
			}
		}
	}
	sep := "and"
	if s.word(i) == "from" {
		sep = "to"
	}
	a, aEnd, aok := s.dateAt(k)
	if !aok {
		// a bare day borrowing the month of the second date: "22 and 23 May"
		if d, ok := s.dayNumber(k); ok && s.isWord(k+1, sep) {
			if b, bEnd, ok := s.dateAt(k + 2); ok && !b.date.IsZero() {
				ad := tracker.NewDate(b.date.Time().Year(), b.date.Time().Month(), d)
				if ad.After(b.date) {
					ad = ad.AddDays(0)
				}
				a = dayRef{date: ad, written: s.toks[k].text}
				return s.between(i, bEnd, a, b), true
			} else if ok {
				a = dayRef{written: s.toks[k].text}
				return s.between(i, bEnd, a, b), true
			}
		}
		return timeExpr{}, false
	}
	if !s.isWord(aEnd, sep) {
		return timeExpr{}, false
	}
	b, bEnd, ok := s.dateAt(aEnd + 1)
	if !ok {
		return timeExpr{}, false
	}
	return s.between(i, bEnd, a, b), true
}

func (s *sentence) between(i, j int, a, b dayRef) timeExpr {
	e := timeExpr{kind: timeBetween, i: i, j: j, from: a.String(), to: b.String(), span: -1}
	if !a.date.IsZero() && !b.date.IsZero() {
		e.span = a.date.DaysUntil(b.date)
	}
	return e
}

// isDuration reports "two days", "48 hours", "three weeks" at token k.
func (s *sentence) isDuration(k int) bool {
	_, end, ok := s.numberAt(k)
	if !ok {
		return false
	}
	switch s.word(end) {
	case "hours", "days", "weeks":
		return true
	}
	return false
}

// pastHoursAt reads "in the past 24 hours", "over the last two days",
// "during the past week", "within 24 hours".
func (s *sentence) pastHoursAt(i int) (timeExpr, bool) {
	k := i + 1
	if s.isWord(k, "the") {
		k++
	}
	if s.isWord(k, "past") || s.isWord(k, "last") || s.isWord(k, "previous") || s.isWord(k, "preceding") {
		k++
	} else if s.word(i) != "within" && !(k == i+1 && s.word(i) != "for" && s.isDuration(k)) {
		return timeExpr{}, false
	}
	n := 1
	if v, end, ok := s.numberAt(k); ok {
		n = int(v.IntPart())
		k = end
	} else if s.toks != nil && k < len(s.toks) && s.toks[k].kind == tNum {
		if v, err := strconv.Atoi(strings.ReplaceAll(s.toks[k].text, ",", "")); err == nil {
			n = v
			k++
		}
	}
	days := 0
	switch s.word(k) {
	case "hours", "hour":
		days = (n + 23) / 24
	case "days", "day":
		days = n
	case "week", "weeks":
		days = 7 * n
	default:
		return timeExpr{}, false
	}
	e := timeExpr{kind: timePeriod, i: i, j: k + 1}
	if s.date.IsZero() {
		e.from = s.textOf(i, k+1)
		e.to = e.from
	} else {
		e.from = s.date.AddDays(-days).String()
		e.to = s.date.String()
	}
	return e, true
}

// timeFor sets the claim's date, scope and period from the sentence's time
// expressions and clause shape.
// takenBefore reports whether the time expression at token i follows a
// participle of taking people ("taken on October 7", "seized in the
// attack of 7 October").
func (s *sentence) takenBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch {
		case s.in(k, gTaken):
			return true
		case s.in(k, gTakenSkip):
			continue
		}
		return false
	}
	return false
}

func (s *sentence) timeFor(c *tracker.Claim, k int, links []link, grp []int, times []timeExpr) {
	l := links[k]
	c.AsOf = s.date
	c.Scope = tracker.UnknownScope
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
		// "76 still held of those taken on October 7": the day they were
		// taken, not the day of a count of those still held
		if l.cat == tracker.Hostage && e.kind == timePeriod && s.takenBefore(e.i) {
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
			c.Scope = tracker.Cumulative
			c.Since = best.from
		case timePeriod:
			c.Scope = tracker.Period
			c.From, c.To = best.from, best.to
			if d, err := tracker.ParseDate(best.to); err == nil && !d.IsZero() && best.from == best.to {
				c.AsOf = d
			}
		case timeAsOf:
			if d, err := tracker.ParseDate(best.to); err == nil && !d.IsZero() {
				c.AsOf = d
			}
		case timeBetween:
			if best.span >= 0 && best.span <= 3 {
				c.Scope = tracker.Period
				c.From, c.To = best.from, best.to
			} else {
				c.Scope = tracker.Cumulative
				c.Since = best.from
			}
			if d, err := tracker.ParseDate(best.to); err == nil && !d.IsZero() {
				c.AsOf = d
			}
		}
	}
	if l.period || q.increment {
		// "another 55,603 people have been wounded" counts up to now;
		// "another 12 were killed overnight" is the night's
		if q.increment && l.how != byToll && s.presentPerfect(lo, hi) && c.Scope == tracker.UnknownScope {
			c.Scope = tracker.Cumulative
			return
		}
		c.Scope = tracker.Period
		return
	}
	if c.Scope != tracker.UnknownScope {
		return
	}
	if l.toll {
		c.Scope = tracker.Cumulative
		return
	}
	// hostages being held now are a running count: "203 people are being
	// held hostage", "Hamas is holding 240 hostages", "remain in captivity"
	// so are the missing and the displaced: "7,000 people are missing",
	// "1.4 million are displaced"
	if l.cat == tracker.Hostage || l.cat == tracker.Missing || l.cat == tracker.Displaced {
		for m := max(clauseStart, lo-3); m < clauseEnd && m < hi+3; m++ {
			if s.in(m, gHeldNow) {
				c.Scope = tracker.Cumulative
				return
			}
		}
	}
	// running-toll wording: "have been killed", "so far", "in total"
	for m := max(clauseStart, lo-4); m < clauseEnd && m < hi+6; m++ {
		switch w := s.word(m); {
		case w == "so":
			if s.isWord(m+1, "far") {
				c.Scope = tracker.Cumulative
				return
			}
		case s.in(m, gCumulative):
			c.Scope = tracker.Cumulative
			return
		case w == "date":
			if s.isWord(m-1, "to") {
				c.Scope = tracker.Cumulative
				return
			}
		case w == "have" || w == "has" || w == "had":
			// "have been killed", "have now died", "have recovered 300
			// bodies": a count up to now
			nx := s.word(m + 1)
			if m >= lo-1 && (nx == "been" || nx == "now" || nx == "already" || nx == "so" || strings.HasSuffix(nx, "ed") || nx == "fled" || nx == "taken" || nx == "seen") {
				c.Scope = tracker.Cumulative
				return
			}
		}
	}
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
		if s.is(m, fWeekday) {
			return false
		}
	}
	return false
}
