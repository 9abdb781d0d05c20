package reconcile

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"

	"github.com/shopspring/decimal"
	"github.com/tollproject/toll/tracker"
)

// This file holds the checks that read a series as an analyst reads a run
// of reports about one event (series formed from report context, see
// context.go): a figure below one already published is a stated revision,
// or a stale repeat of an older figure, before it is a falling count or a
// disagreement; and figures of two origins on one day that are far apart
// are worth a look even when open intervals let both be true.

// SourcesFarApart: two origins' figures for one series and day overlap only
// because an interval is open ("at least 90" and "at least 1,500"), and one
// is several times the other.
const SourcesFarApart Kind = "sources_far_apart"

// StaleRepeat: a report gives a figure that an earlier report gave, after a
// higher one had been published: an old figure repeated, not a fall. It
// cites the repeat, the latest higher figure, where that figure was first
// given and the highest figure given since the one repeated.
const StaleRepeat Kind = "stale_repeat"

// farApartRatio is how many times one open figure must be the other's
// lower bound to be reported as far apart.
var farApartRatio = decimal.NewFromInt(2)

// farApartMin is how far apart, in people, two figures must be as well:
// ten.
var farApartMin = decimal.NewFromInt(10)

// figReports returns the distinct reports of a figure's records, sorted.
// They are listed for every figure on first use: the checks ask for them
// of a figure many times over.
func (c *checker) figReports(f int32) []int32 {
	p := c.p
	if c.repOff == nil {
		c.repOff = make([]int32, len(p.figs)+1)
		c.reps = make([]int32, 0, len(p.figs))
		for k := range p.figs {
			start := len(c.reps)
			for _, ri := range p.figRecs(&p.figs[k]) {
				c.reps = append(c.reps, p.recs[ri].report)
			}
			if len(c.reps)-start > 1 {
				rs := c.reps[start:]
				slices.Sort(rs)
				c.reps = c.reps[:start+len(slices.Compact(rs))]
			}
			c.repOff[k+1] = int32(len(c.reps))
		}
	}
	return c.reps[c.repOff[f]:c.repOff[f+1]]
}

// sharesReport reports whether two figures have a record from one report.
func (c *checker) sharesReport(a, b int32) bool {
	ra, rb := c.figReports(a), c.figReports(b)
	for i, j := 0, 0; i < len(ra) && j < len(rb); {
		switch {
		case ra[i] == rb[j]:
			return true
		case ra[i] < rb[j]:
			i++
		default:
			j++
		}
	}
	return false
}

// figBounds holds a figure's bounds as int64s, as its records do (rec):
// the checks below compare figures of long series many times over, and
// comparing decimals was most of their time. big says to compare the
// decimals.
type figBounds struct {
	lo, hi    int64
	open, big bool
}

// bounds returns a figure's bounds, listed for every figure on first use.
func (c *checker) bounds(f int32) *figBounds {
	p := c.p
	if c.figBounds == nil {
		c.figBounds = make([]figBounds, len(p.figs))
		for k := range p.figs {
			r := &p.recs[p.ord[p.figs[k].lo]]
			c.figBounds[k] = figBounds{lo: r.lo, hi: r.hi, open: r.open, big: r.big || c.decimals}
		}
	}
	return &c.figBounds[f]
}

// lowerThan reports whether figure y is below figure z, or (an open
// figure) has a lower floor: below(y, z) || y open && y.Low < z.Low.
func (c *checker) lowerThan(y, z int32) bool {
	by, bz := c.bounds(y), c.bounds(z)
	if by.big || bz.big {
		fy, fz := &c.p.figs[y], &c.p.figs[z]
		return below(*fy.iv, *fz.iv) || fy.iv.Unbounded && fy.iv.Low.Cmp(fz.iv.Low) < 0
	}
	t := by.hi
	if by.open {
		t = by.lo
	}
	return bz.lo > t
}

// compareFigs is compareIntervals on two figures' intervals.
func (c *checker) compareFigs(a, b int32) int {
	ba, bb := c.bounds(a), c.bounds(b)
	if ba.big || bb.big {
		return compareIntervals(*c.p.figs[a].iv, *c.p.figs[b].iv)
	}
	if ba.lo != bb.lo {
		return cmp.Compare(ba.lo, bb.lo)
	}
	if ba.open != bb.open {
		if ba.open {
			return 1
		}
		return -1
	}
	if ba.open {
		return 0
	}
	return cmp.Compare(ba.hi, bb.hi)
}

// sameFloor reports whether figure x gives figure y's figure, whatever
// the qualifier: equal intervals, or equal lower bounds when one is open.
func (c *checker) sameFloor(x, y int32) bool {
	bx, by := c.bounds(x), c.bounds(y)
	if bx.big || by.big {
		fx, fy := &c.p.figs[x], &c.p.figs[y]
		return compareIntervals(*fx.iv, *fy.iv) == 0 || fx.iv.Low.Equal(fy.iv.Low) && (fx.iv.Unbounded || fy.iv.Unbounded)
	}
	return bx.lo == by.lo && (bx.open || by.open || bx.hi == by.hi)
}

// staleAndRevised finds, in context series of running totals, figures
// below a figure published on the same day or earlier by another report:
// a stated revision (Revision, info), or a repeat of an older figure
// (StaleRepeat, info). Such figures are marked handled so that decreases
// and disagreements do not report them again.
func (c *checker) staleAndRevised() {
	p := c.p
	for s := range p.series {
		si := &p.series[s]
		if !si.ctx || si.key.Scope != tracker.Cumulative {
			continue
		}
		figs := c.byDay[s]
		// the highest lower bound given by each day (figs are in day
		// order): a figure with nothing above it by its day is skipped
		// without the scan below, which is quadratic in a series' figures
		var maxDays []int32
		var maxLows []decimal.Decimal
		for _, z := range figs {
			fz := &p.figs[z]
			if n := len(maxDays); n > 0 && maxDays[n-1] == fz.day {
				if fz.iv.Low.Cmp(maxLows[n-1]) > 0 {
					maxLows[n-1] = fz.iv.Low
				}
				continue
			}
			m := fz.iv.Low
			if n := len(maxLows); n > 0 && maxLows[n-1].Cmp(m) > 0 {
				m = maxLows[n-1]
			}
			maxDays, maxLows = append(maxDays, fz.day), append(maxLows, m)
		}
		var above []int32
		var revs [][2]int32 // revisions found: the figure revised, its revision
		col := c.newSeriesColumns(figs)
		for ky, y := range figs {
			fy := &p.figs[y]
			if k, ok := slices.BinarySearch(maxDays, fy.day); ok {
				th := fy.iv.High
				if fy.iv.Unbounded {
					th = fy.iv.Low
				}
				if maxLows[k].Cmp(th) <= 0 && !fy.revised {
					continue // no figure by its day is above it
				}
			}
			// the figures above y published by its day, latest day first,
			// then highest
			var first int32
			above, first = col.above(y, ky, fy.revised, above)
			// a revision of a figure its own report gave ("103 people
			// have been killed" at 19:30, "95 …, revising the figure down
			// from 103" at 23:05) is of that one, which above leaves out
			// (a report's figures are not rivals of each other)
			own, stated := int32(-1), int32(-1)
			if fy.revised {
				if pv, pri, ok := c.statedPrior(y); ok {
					stated = pri
					for _, a := range figs {
						if fa := &p.figs[a]; fa.day > fy.day {
							break
						} else if a != y && c.sharesReport(a, y) && compareIntervals(pv, *fa.iv) == 0 {
							own = a
							break
						}
					}
				}
			}
			if len(above) == 0 && own < 0 {
				if stated >= 0 && c.saysRevised(y) && below(p.claims[p.recs[stated].ci].Claim.Interval, *fy.iv) {
					// ("revised the walkie-talkie toll up to 25 from 20",
					// "revised the injured count up to 551 from 382,
					// counting outpatients": a stated revision upward,
					// shown beside the figure it revises)
					c.handled[y] = true
					c.textRevisionUp(figs, y, stated)
					continue
				}
				if stated >= 0 && c.saysRevised(y) && below(*fy.iv, p.claims[p.recs[stated].ci].Claim.Interval) {
					// ("revised the number of flood deaths down to 169
					// from 170" where no report held 170, nor anything
					// above 169: the revision as the text states it;
					// only where the text says revised, since a part
					// beside a total's "up from 12" is lower than the
					// 12 too)
					c.handled[y] = true
					c.textRevision(y, stated)
				}
				continue
			}
			z := own
			if z < 0 {
				z = first
			}
			fz := &p.figs[z]
			if fy.revised && own < 0 {
				// the figure the text says it revises ("down to 90 from
				// 91"): the revision is of that one, and a higher figure
				// of another quantity is no part of it
				if pv, pri, ok := c.statedPrior(y); ok && compareIntervals(pv, *fz.iv) != 0 {
					z = -1
					for _, a := range above {
						if compareIntervals(pv, *p.figs[a].iv) == 0 {
							z = a
							break
						}
					}
					if z < 0 {
						// no other report gave it: the revision as the
						// text states it
						c.handled[y] = true
						if below(*fy.iv, pv) {
							c.textRevision(y, pri)
						}
						continue
					}
					fz = &p.figs[z]
				}
			}
			if fy.revised && stated < 0 && own < 0 && tenfoldBelow(*fy.iv, *fz.iv) {
				// (a figure the text calls revised or corrected, a tenth
				// of the toll before it, with no earlier figure stated,
				// is far likelier a part the correction is about, "one
				// … was a local, police said …, correcting earlier
				// accounts", than the toll cut tenfold: no revision, and
				// no figure revised away)
				continue
			}
			if fy.revised && (below(*fy.iv, *fz.iv) || fy.iv.Unbounded && fy.iv.Low.Cmp(fz.iv.Low) < 0) {
				// (revised "to more than 2,000" from 9,240 is a revision
				// too)
				c.handled[y] = true
				msg := fmt.Sprintf("%s revised the count of %s down to %s on %s, from %s (%s, %s); the text says the figure was revised.",
					p.sources[fy.source].name, p.what(fy.series), p.figure(fy), dateOf(fy.day),
					p.figure(fz), p.sources[fz.source].name, dateOf(fz.day))
				recs := append(slices.Clone(p.figRecs(fz)), p.figRecs(fy)...)
				if stated >= 0 {
					// (and the sentence's own "from 95", where the
					// revision says what it revises)
					recs = append(recs, stated)
				}
				c.emit(Revision, Info, fy.series, msg, recs)
				revs = append(revs, [2]int32{z, y})
				continue
			}
			// a repeat: an earlier figure (before z's day, from another
			// report) that y's interval equals
			echo := col.echo(y, ky, fz.day)
			if echo < 0 {
				echo = c.roundedEcho(figs, y, fz.day)
			}
			if echo < 0 || fy.day == p.figs[echo].day {
				continue
			}
			c.handled[y] = true
			fx := &p.figs[echo]
			msg := fmt.Sprintf("%s repeats %s for %s on %s, the figure of %s (%s), after %s had given %s on %s: an older figure, not a fall.",
				p.sources[fy.source].name, p.figure(fy), p.what(fy.series), dateOf(fy.day),
				dateOf(fx.day), p.sources[fx.source].name, p.sources[fz.source].name, p.figure(fz), dateOf(fz.day))
			recs := append(slices.Clone(p.figRecs(fy)), p.figRecs(fz)...)
			for _, h := range c.higherSince(figs, y, z, fx.day) {
				recs = append(recs, p.figRecs(&p.figs[h])...)
			}
			c.emit(StaleRepeat, Info, fy.series, msg, recs)
		}
		c.revisedRepeats(figs, revs)
	}
}

// staleStocks finds, in context series of the missing, a figure that
// repeats an older one after a lower figure had been published by
// another report: "the collapse left 165 dead and 160 missing" in a
// weekly of 1 March, the missing of 10 February, after 141 were still
// sought on 25 February. A stock of the missing falls as people are
// found; climbing back to exactly an old figure is the old figure
// repeated (stale_repeat, info), not people lost again. Only when no
// report between the lower figure and the repeat gives the repeat's
// figure or more, and the lower figure is a tenth or more below. It
// looks back over maxHigherScan figures at most.
func (c *checker) staleStocks() {
	p := c.p
	for s := range p.series {
		si := &p.series[s]
		if !si.ctx || si.key.Scope != tracker.Cumulative || si.key.Category != tracker.Missing {
			continue
		}
		figs := c.byDay[s]
		for ky, y := range figs {
			fy := &p.figs[y]
			if c.handled[y] || fy.day == noDay || fy.iv.Unbounded {
				continue
			}
			lo := max(0, ky-maxHigherScan)
			// z: the latest figure of another report, before y's day, below y
			z := int32(-1)
			kz := -1
			for k := ky - 1; k >= lo; k-- {
				a := figs[k]
				fa := &p.figs[a]
				if fa.day == noDay || fa.day >= fy.day || c.sharesReport(a, y) {
					continue
				}
				if !below(*fa.iv, *fy.iv) {
					if fa.iv.Low.Cmp(fy.iv.Low) >= 0 {
						break // (a figure at or above y after the lower one: the count rose again)
					}
					continue
				}
				z, kz = a, k
				break
			}
			if z < 0 {
				continue
			}
			fz := &p.figs[z]
			if withinTenth(*fz.iv, *fy.iv) {
				// (537 after 533: a list's counts move by a few either
				// way as names are checked; a repeat is a tenth or more
				// above the lower figure)
				continue
			}
			// x: an older figure of another report, before z's day, that
			// y's interval equals
			x := int32(-1)
			for k := kz - 1; k >= lo; k-- {
				a := figs[k]
				fa := &p.figs[a]
				if fa.day == noDay || fa.day >= fz.day || c.sharesReport(a, y) {
					continue
				}
				if compareIntervals(*fa.iv, *fy.iv) == 0 {
					x = a
					break
				}
			}
			if x < 0 {
				continue
			}
			fx := &p.figs[x]
			c.handled[y] = true
			msg := fmt.Sprintf("%s repeats %s for %s on %s, the figure of %s (%s), after %s had given %s on %s: an older figure of a count that falls as people are found, not a rise.",
				p.sources[fy.source].name, p.figure(fy), p.what(fy.series), dateOf(fy.day),
				dateOf(fx.day), p.sources[fx.source].name, p.sources[fz.source].name, p.figure(fz), dateOf(fz.day))
			// (the repeat and the lower figure it comes after: the fall
			// before it, from the old figure, is no finding of its own)
			recs := append(slices.Clone(p.figRecs(fy)), p.figRecs(fz)...)
			c.emit(StaleRepeat, Info, fy.series, msg, recs)
		}
	}
}

// maxHigherScan caps the figures higherSince looks at, back from the
// repeat's day: a long series holds thousands of figures between an old
// figure and its repeat, and the latest of them tell what made it old.
const maxHigherScan = 64

// higherSince returns, of the figures of figs (in day order) above figure
// y published from day since (the day of the figure y repeats) to y's day
// by reports other than y's, where z's figure (the latest above y) was
// first given, and the highest of them where it was first given: the
// figures of that interval on the earliest day it appears, z left out.
// They are what made y's figure old: "2,053 … after its 2,445 of the same
// night", "177 … after the final 179" (first given by the fire agency,
// then repeated for days). It looks at the last maxHigherScan figures
// by y's day at most.
func (c *checker) higherSince(figs []int32, y, z int32, since int32) []int32 {
	p := c.p
	fy := &p.figs[y]
	end, _ := slices.BinarySearchFunc(figs, fy.day+1, func(f int32, d int32) int { return cmp.Compare(p.figs[f].day, d) })
	var first, top []int32 // z's interval and the highest, on their first days (latest position first)
	for i, n := end-1, 0; i >= 0 && n < maxHigherScan; i, n = i-1, n+1 {
		h := figs[i]
		fh := &p.figs[h]
		if fh.day < since {
			break
		}
		if h == y || !c.lowerThan(y, h) || c.sharesReport(y, h) {
			continue
		}
		if c.compareFigs(h, z) == 0 {
			if len(first) > 0 && p.figs[first[0]].day > fh.day {
				first = first[:0]
			}
			first = append(first, h)
		}
		if len(top) == 0 {
			top = append(top, h)
		} else if k := c.compareFigs(h, top[0]); k > 0 {
			top = append(top[:0], h)
		} else if k == 0 {
			if p.figs[top[0]].day > fh.day {
				top = top[:0]
			}
			top = append(top, h)
		}
	}
	slices.Reverse(first)
	slices.Reverse(top)
	var out []int32
	for _, h := range append(first, top...) {
		if h != z && !slices.Contains(out, h) {
			out = append(out, h)
		}
	}
	return out
}

// saysRevised reports whether a claim of figure f says in its words that
// the figure was revised or corrected (statedFalls also marks figures
// below a higher earlier one their sentence states).
func (c *checker) saysRevised(f int32) bool {
	for _, ri := range c.p.figRecs(&c.p.figs[f]) {
		if c.p.claims[c.p.recs[ri].ci].Claim.Revised {
			return true
		}
	}
	return false
}

// roundedEcho returns, for an open figure written as a round number of
// two or more significant digits ("more than 1,600", "at least 150"),
// the latest figure of figs (in day order) before day, from another
// report, that it rounds down: a bounded figure within the number's last
// unit (1,644 for "more than 1,600": [1,600, 1,700)); -1 when y is no
// such figure or none is found. Only a figure no one in its text gives
// is read so: an outlet recalling an old toll ("the earthquake that
// killed more than 1,600 people in Myanmar last week"). "More than
// 2,000" says too little of which figure it repeats, and is never one.
func (c *checker) roundedEcho(figs []int32, y int32, day int32) int32 {
	p := c.p
	fy := &p.figs[y]
	if !fy.iv.Unbounded || !c.outletOnly(y) {
		// (a named origin's round floor is its own estimate: "the U.N.
		// migration agency still puts the toll at more than 670")
		return -1
	}
	n := fy.iv.Low
	switch p.claims[p.recs[p.ord[fy.lo]].ci].Claim.Qualifier {
	case tracker.MoreThan:
		n = n.Sub(decimal.NewFromInt(1))
	case tracker.AtLeast:
	default:
		return -1
	}
	v, ok := smallInt(n)
	if !ok || v < 10 {
		return -1
	}
	unit := int64(1)
	for v%(unit*10) == 0 {
		unit *= 10
	}
	if unit == 1 || v/unit < 10 {
		// (not round, or one significant digit)
		return -1
	}
	end := decimal.NewFromInt(v + unit)
	// the latest such figure: back from the last figure before both days
	// (figs is in day order), where a scan from the series' start had
	// made each round figure cost the series' length
	before := min(day, fy.day)
	k, _ := slices.BinarySearchFunc(figs, before, func(f int32, d int32) int { return cmp.Compare(p.figs[f].day, d) })
	for i := k - 1; i >= 0; i-- {
		x := figs[i]
		fx := &p.figs[x]
		if x == y || fx.iv.Unbounded || fx.iv.Low.Cmp(n) < 0 || fx.iv.High.Cmp(end) >= 0 || c.sharesReport(x, y) {
			continue
		}
		return x
	}
	return -1
}

// tenfoldBelow reports whether a (its floor when open) is under a tenth
// of b's lower bound.
func tenfoldBelow(a, b tracker.Interval) bool {
	hi := a.High
	if a.Unbounded {
		hi = a.Low
	}
	return hi.Mul(ten).Cmp(b.Low) < 0
}

var ten = decimal.NewFromInt(10)

// textRevisionUp reports figure y as a revision upward of the earlier
// figure its sentence states (record pri), citing also the latest figure
// of the series on or before y's day, from another report, that gives
// it.
func (c *checker) textRevisionUp(figs []int32, y, pri int32) {
	p := c.p
	fy := &p.figs[y]
	pv := p.claims[p.recs[pri].ci].Claim.Interval
	recs := []int32{pri}
	from := p.claims[p.recs[pri].ci].Claim.Figure()
	for k := len(figs) - 1; k >= 0; k-- {
		a := figs[k]
		fa := &p.figs[a]
		if fa.day > fy.day || a == y || c.sharesReport(a, y) || compareIntervals(pv, *fa.iv) != 0 {
			continue
		}
		recs = append(recs, p.figRecs(fa)...)
		from = fmt.Sprintf("%s (%s, %s)", p.figure(fa), p.sources[fa.source].name, dateOf(fa.day))
		break
	}
	msg := fmt.Sprintf("%s revised the count of %s up to %s on %s, from %s; the text says the figure was revised.",
		p.sources[fy.source].name, p.what(fy.series), p.figure(fy), dateOf(fy.day), from)
	c.emit(Revision, Info, fy.series, msg, append(recs, p.figRecs(fy)...))
}

// textRevision reports figure y as a revision of the earlier figure its
// sentence states (prior record pri) that no other report gave.
func (c *checker) textRevision(y, pri int32) {
	p := c.p
	fy := &p.figs[y]
	msg := fmt.Sprintf("%s revised the count of %s down to %s on %s, from %s; the text says the figure was revised.",
		p.sources[fy.source].name, p.what(fy.series), p.figure(fy), dateOf(fy.day), p.claims[p.recs[pri].ci].Claim.Figure())
	c.emit(Revision, Info, fy.series, msg, append([]int32{pri}, p.figRecs(fy)...))
}

// revisedRepeats finds figures that give, after a stated revision, the
// figure it revised ("103 killed" two days after the toll was lowered to
// 95, then 84): a repeat of the older figure (StaleRepeat), not a rise.
// It cites the repeat and the latest revision below it by its day.
func (c *checker) revisedRepeats(figs []int32, revs [][2]int32) {
	p := c.p
	if len(revs) == 0 {
		return
	}
	for _, x := range figs {
		fx := &p.figs[x]
		if c.handled[x] || fx.revised {
			continue
		}
		// x gives a figure some earlier revision revised away …
		repeats := false
		for _, r := range revs {
			if p.figs[r[1]].day < fx.day && c.sameFloor(x, r[0]) && !c.sharesReport(x, r[0]) {
				repeats = true
				break
			}
		}
		if !repeats {
			continue
		}
		// … and cites the latest revision below it by its day
		var cur int32 = -1
		for _, r := range revs {
			z, y := r[0], r[1]
			fy := &p.figs[y]
			if fy.day >= fx.day || x == z || c.sharesReport(x, y) || !below(*fy.iv, *fx.iv) {
				continue
			}
			if cur < 0 || fy.day > p.figs[cur].day {
				cur = y
			}
		}
		if cur < 0 {
			continue
		}
		c.handled[x] = true
		fc := &p.figs[cur]
		msg := fmt.Sprintf("%s gives %s for %s on %s, a figure revised away: %s had lowered it to %s on %s. An older figure, not a rise.",
			p.sources[fx.source].name, p.figure(fx), p.what(fx.series), dateOf(fx.day),
			p.sources[fc.source].name, p.figure(fc), dateOf(fc.day))
		c.emit(StaleRepeat, Info, fx.series, msg, append(slices.Clone(p.figRecs(fx)), p.figRecs(fc)...))
	}
}

// seriesColumns holds one series' figures in day order (checker.byDay)
// with their days and bounds side by side, for the scans in above and
// echo, which would be quadratic in a series' figures.
type seriesColumns struct {
	c      *checker
	figs   []int32
	days   []int32
	lo, hi []int64
	open   []bool
	big    bool // a bound is not an int64: the columns are not filled
	keys   []aboveKey
	// dayOf[k] is the day group of figs[k]; groups[g] the position of
	// group g's first figure (and groups[len-1] = len(figs)); groupLo[g]
	// the highest lower bound of group g's figures
	dayOf   []int32
	groups  []int32
	groupLo []int64
	// byLo holds the positions of figs sorted by lower bound, then
	// position (filled on first use by echo)
	byLo []int32
}

// aboveKey is a figure above another, with what above sorts it by.
type aboveKey struct {
	day    int32
	f      int32
	lo, hi int64
	open   bool
}

func (c *checker) newSeriesColumns(figs []int32) *seriesColumns {
	col := &seriesColumns{c: c, figs: figs}
	for _, f := range figs {
		if c.bounds(f).big {
			col.big = true
			return col
		}
	}
	n := len(figs)
	col.days, col.lo, col.hi, col.open = make([]int32, n), make([]int64, n), make([]int64, n), make([]bool, n)
	col.dayOf = make([]int32, n)
	for k, f := range figs {
		b := c.bounds(f)
		col.days[k], col.lo[k], col.hi[k], col.open[k] = c.p.figs[f].day, b.lo, b.hi, b.open
		if k == 0 || col.days[k] != col.days[k-1] {
			col.groups = append(col.groups, int32(k))
			col.groupLo = append(col.groupLo, b.lo)
		} else if g := len(col.groupLo) - 1; b.lo > col.groupLo[g] {
			col.groupLo[g] = b.lo
		}
		col.dayOf[k] = int32(len(col.groups) - 1)
	}
	col.groups = append(col.groups, int32(n))
	return col
}

// echo returns the first figure, in day order, before day that gives
// figure y's figure (figs[ky]) whatever the qualifier (sameFloor: "at
// least 225 Malawians" repeats the 225 of two days before) and is from
// another report; -1 when there is none. The columns look among the
// figures of y's lower bound only.
func (col *seriesColumns) echo(y int32, ky int, day int32) int32 {
	c, p := col.c, col.c.p
	if col.big {
		for _, x := range col.figs {
			if p.figs[x].day >= day {
				break
			}
			if x != y && c.sameFloor(x, y) && !c.sharesReport(x, y) {
				return x
			}
		}
		return -1
	}
	if col.byLo == nil {
		col.byLo = make([]int32, len(col.figs))
		for k := range col.byLo {
			col.byLo[k] = int32(k)
		}
		slices.SortFunc(col.byLo, func(a, b int32) int {
			return cmp.Or(cmp.Compare(col.lo[a], col.lo[b]), cmp.Compare(a, b))
		})
	}
	lo := col.lo[ky]
	i, _ := slices.BinarySearchFunc(col.byLo, lo, func(k int32, lo int64) int { return cmp.Compare(col.lo[k], lo) })
	for ; i < len(col.byLo) && col.lo[col.byLo[i]] == lo; i++ {
		k := col.byLo[i]
		if col.days[k] >= day {
			break // (positions are in day order)
		}
		if x := col.figs[k]; int(k) != ky && (col.open[k] || col.open[ky] || col.hi[k] == col.hi[ky]) && !c.sharesReport(x, y) {
			return x
		}
	}
	return -1
}

// above returns, into buf, the figures above figure y (figs[ky]) by its
// day: below them, or (an open figure) with a lower floor ("at least
// 1,300" after "more than 1,400" is no fall, but it may be an old figure
// repeated), from other reports; and the first of them by day, latest
// first, then by interval, highest first. They are sorted so (sorted
// set: always) only when two tie for first: which of two equal figures
// of one day comes first is the one this sort, not a stable one, gives,
// as it always was; a figure alone in first place needs no sort. Unsorted
// (sorted false), buf holds only the first when no other ties with it.
func (col *seriesColumns) above(y int32, ky int, sorted bool, buf []int32) ([]int32, int32) {
	c, p := col.c, col.c.p
	fy := &p.figs[y]
	buf = buf[:0]
	first, ties := int32(-1), 0
	if col.big {
		for _, z := range col.figs {
			fz := &p.figs[z]
			if fz.day > fy.day {
				break // (figs are in day order)
			}
			if z == y || !c.lowerThan(y, z) || c.sharesReport(y, z) {
				continue
			}
			buf = append(buf, z)
			switch {
			case first < 0 || fz.day > p.figs[first].day:
				first, ties = z, 1
			case fz.day == p.figs[first].day:
				if k := c.compareFigs(z, first); k > 0 {
					first, ties = z, 1
				} else if k == 0 {
					ties++
				}
			}
		}
		if len(buf) > 0 && (ties > 1 || sorted) {
			slices.SortFunc(buf, func(a, b int32) int {
				fa, fb := &p.figs[a], &p.figs[b]
				if fa.day != fb.day {
					return int(fb.day - fa.day)
				}
				return c.compareFigs(b, a)
			})
			first = buf[0]
		}
		return buf, first
	}
	// lowerThan on the columns: above y's upper bound, or its floor when
	// it is open
	t := col.hi[ky]
	if col.open[ky] {
		t = col.lo[ky]
	}
	if !sorted {
		// the first is of the latest day with a figure above y: the day
		// groups from y's back, each skipped when nothing in it is above
		// y, find it without the whole scan unless two tie for first
		for g := col.dayOf[ky]; g >= 0; g-- {
			if col.groupLo[g] <= t {
				continue
			}
			var fk aboveKey
			for k := col.groups[g]; k < col.groups[g+1]; k++ {
				if col.lo[k] <= t || int(k) == ky || c.sharesReport(y, col.figs[k]) {
					continue
				}
				key := aboveKey{day: col.days[k], f: col.figs[k], lo: col.lo[k], hi: col.hi[k], open: col.open[k]}
				if first < 0 {
					first, fk, ties = key.f, key, 1
				} else if k := compareKeys(fk, key); k > 0 {
					first, fk, ties = key.f, key, 1
				} else if k == 0 {
					ties++
				}
			}
			if first >= 0 {
				break
			}
		}
		if ties <= 1 {
			// (unsorted, the caller reads only the first)
			if first >= 0 {
				buf = append(buf, first)
			}
			return buf, first
		}
		first, ties = -1, 0
	}
	keys := col.keys[:0]
	var fk aboveKey
	for k := 0; k < len(col.figs) && col.days[k] <= fy.day; k++ {
		if col.lo[k] <= t || k == ky {
			continue
		}
		z := col.figs[k]
		if c.sharesReport(y, z) {
			continue
		}
		key := aboveKey{day: col.days[k], f: z, lo: col.lo[k], hi: col.hi[k], open: col.open[k]}
		keys = append(keys, key)
		switch {
		case first < 0 || key.day > fk.day:
			first, fk, ties = z, key, 1
		default:
			if key.day == fk.day {
				if k := compareKeys(fk, key); k > 0 {
					first, fk, ties = z, key, 1
				} else if k == 0 {
					ties++
				}
			}
		}
	}
	col.keys = keys
	if len(keys) > 0 && (ties > 1 || sorted) {
		// the same comparisons as the sort of figure indexes above, so
		// the same order (the sort's moves depend on them alone)
		slices.SortFunc(keys, compareKeys)
		first = keys[0].f
	}
	for _, k := range keys {
		buf = append(buf, k.f)
	}
	return buf, first
}

// compareKeys orders figures above another: latest day first, then the
// highest interval (compareIntervals reversed).
func compareKeys(a, b aboveKey) int {
	if a.day != b.day {
		return int(b.day - a.day)
	}
	if a.lo != b.lo {
		return cmp.Compare(b.lo, a.lo)
	}
	if a.open != b.open {
		if b.open {
			return 1
		}
		return -1
	}
	if a.open {
		return 0
	}
	return cmp.Compare(b.hi, a.hi)
}

// farApart finds, in context series, two origins' figures of one day
// that overlap only through an open bound and are far apart.
func (c *checker) farApart() {
	p := c.p
	for s := range p.series {
		si := &p.series[s]
		if !si.ctx || si.key.Scope != tracker.Cumulative {
			continue
		}
		for _, d := range c.dayGroups(c.byDay[s]) {
			for a := 0; a < len(d); a++ {
				for b := a + 1; b < len(d); b++ {
					x, y := d[a], d[b]
					fx, fy := &p.figs[x], &p.figs[y]
					if fx.source == fy.source || c.handled[x] || c.handled[y] || !fx.iv.Overlaps(*fy.iv) || c.sharesReport(x, y) && !(c.namedAndPlaced(x) && c.namedAndPlaced(y)) {
						// (one report giving two far-apart figures counts two
						// things, unless it names two origins for them and
						// each sentence its place: "more than 2,000 in Derna,
						// the head of the administration said … the Red
						// Crescent said at least 150 in Derna")
						continue
					}
					if !fx.iv.Unbounded && !fy.iv.Unbounded {
						continue
					}
					if fx.iv.Low.Cmp(fy.iv.Low) > 0 {
						x, y, fx, fy = y, x, fy, fx
					}
					if fx.iv.Low.Sign() <= 0 || fy.iv.Low.Cmp(fx.iv.Low.Mul(farApartRatio)) < 0 {
						continue
					}
					if fy.iv.Low.Sub(fx.iv.Low).Cmp(farApartMin) < 0 {
						// (a handful apart is the first hours' count,
						// not a spread to show: "at least 2" dead and 4,
						// "at least 3" and 12)
						continue
					}
					if p.claims[p.recs[p.ord[fx.lo]].ci].Claim.Qualifier == tracker.Vague {
						// (a vague word's bound is only its least:
						// "hundreds" may be 900, and says nothing of how
						// far it is from "more than 2,000")
						continue
					}
					msg := fmt.Sprintf("Sources are far apart on %s on %s: %s: %s; %s: %s; both can be true only because %s, but one is %s× the other.",
						p.what(fy.series), dateOf(fy.day), p.sources[fx.source].name, p.figure(fx),
						p.sources[fy.source].name, p.figure(fy), openPhrase(fx, fy), fy.iv.Low.DivRound(fx.iv.Low, 1).String())
					c.emit(SourcesFarApart, Warning, fy.series, msg, append(slices.Clone(p.figRecs(fx)), p.figRecs(fy)...))
				}
			}
		}
	}
}

// openPhrase says which figure is open.
func openPhrase(lo, hi *fig) string {
	if lo.iv.Unbounded && hi.iv.Unbounded {
		return "both are open-ended"
	}
	return "one is open-ended"
}

// namedAndPlaced reports whether every claim of a figure names its source
// and its sentence its place.
func (c *checker) namedAndPlaced(f int32) bool {
	for _, ri := range c.p.figRecs(&c.p.figs[f]) {
		r := &c.p.recs[ri]
		if r.outlet || c.p.places[r.wplace].name == "" {
			return false
		}
	}
	return true
}

// outletOnly reports whether every claim of a figure has no named source,
// and no sentence of its says the outlet counted it itself ("an
// unofficial tally by this newspaper … put the number of dead at 334"):
// such a figure is the outlet's own count, an origin like any other.
func (c *checker) outletOnly(f int32) bool {
	for _, ri := range c.p.figRecs(&c.p.figs[f]) {
		if r := &c.p.recs[ri]; !r.outlet || c.ownCount(r.ci) {
			return false
		}
	}
	return true
}

// ownCount is ownCountRE on claim ci's sentence, memoised (outletOnly is
// asked of a figure many times over).
func (c *checker) ownCount(ci int32) bool {
	if c.own == nil {
		c.own = make([]int8, len(c.p.claims))
	}
	if c.own[ci] == 0 {
		c.own[ci] = 1
		if ownCountRE.MatchString(c.p.claims[ci].Claim.Sentence) {
			c.own[ci] = 2
		}
	}
	return c.own[ci] == 2
}

// ownCountRE finds a sentence saying in so many words that its outlet
// counted the figure: "a tally by this newspaper", "our own count". (An
// outlet named with its tally, "a Reuters tally", is left out: on the
// scenario sets its one case set a total read in the wrong place
// against a part.)
var ownCountRE = regexp.MustCompile(`(?i)\b(?:(?:tally|count)\s+(?:compiled\s+)?by\s+this\s+(?:newspaper|paper|agency|news agency|broadcaster|channel|station|website|publication)|(?:this|our)\s+(?:newspaper|paper|agency|news agency|broadcaster|channel|station|website|publication)'s\s+(?:own\s+)?(?:tally|count)|our\s+own\s+(?:tally|count))\b`)

// indexPriors fills priorsOf: the priors of each report and series, and
// under series -1 each report's priors whose series holds no figure of
// their sentence, in p.priors' order.
func (c *checker) indexPriors() {
	if c.priorsOf != nil {
		return
	}
	c.priorsOf = map[[2]int32][]int32{}
	for _, pi := range c.p.priors {
		pr := &c.p.recs[pi]
		k := [2]int32{pr.report, pr.series}
		c.priorsOf[k] = append(c.priorsOf[k], pi)
		for int(pr.report) >= len(c.priorReport) {
			c.priorReport = append(c.priorReport, false)
		}
		c.priorReport[pr.report] = true
	}
	// a prior whose series holds no figure of its sentence is stated in
	// that sentence for a figure of another series (see sentencePriors)
	type owner struct {
		report, series int32
		sent           string
	}
	reports := map[int32]bool{}
	for _, pi := range c.p.priors {
		reports[c.p.recs[pi].report] = true
	}
	owned := map[owner]bool{}
	for i := range c.p.recs {
		if r := &c.p.recs[i]; !r.prior && reports[r.report] {
			owned[owner{r.report, r.series, c.p.claims[r.ci].Claim.Sentence}] = true
		}
	}
	for _, pi := range c.p.priors {
		pr := &c.p.recs[pi]
		if !owned[owner{pr.report, pr.series, c.p.claims[pr.ci].Claim.Sentence}] {
			k := [2]int32{pr.report, -1}
			c.priorsOf[k] = append(c.priorsOf[k], pi)
		}
	}
}

// sentencePriors returns, into buf, the priors figure f's own sentences
// state: those of its series, or when there are none and the series is
// read from report context, those of its category and group that no
// figure of their own series shares a sentence with, as
// statedFalls reads them ("84 people had been killed …, lowering the toll
// of 95 given the previous night": the prior's own words may place it
// elsewhere, here at a town the minister's name reads as, but its
// sentence says whose earlier figure it is; "revised … to 153, from 157
// …: 101 people died in Jajarkot" keeps the 157 for the 153).
func (c *checker) sentencePriors(f int32, buf []int32) []int32 {
	p := c.p
	buf = buf[:0]
	if len(p.priors) == 0 {
		return buf
	}
	c.indexPriors()
	passes := 1
	if p.series[p.figs[f].series].ctx {
		// (only report context misplaces a prior so: a series read from
		// a sentence's own words is the tuple its prior states too)
		passes = 2
	}
	for pass := 0; pass < passes && len(buf) == 0; pass++ {
		for _, ri := range p.figRecs(&p.figs[f]) {
			r := &p.recs[ri]
			if int(r.report) >= len(c.priorReport) || !c.priorReport[r.report] {
				continue
			}
			cl := &p.claims[r.ci].Claim
			k := [2]int32{r.report, r.series}
			if pass == 1 {
				k[1] = -1
			}
			for _, pi := range c.priorsOf[k] {
				pc := &p.claims[p.recs[pi].ci].Claim
				if pass == 1 && p.recs[pi].wgroup != r.wgroup {
					continue // ("31 people, including … seven women, … up from 12")
				}
				if pc.Sentence == cl.Sentence && pc.Category == cl.Category && !slices.Contains(buf, pi) {
					buf = append(buf, pi)
				}
			}
		}
	}
	return buf
}

// statedPrior returns the earlier figure a revised figure's own sentence
// states ("revised down to 90 from 91": 91) and its record, when there is
// one.
func (c *checker) statedPrior(f int32) (tracker.Interval, int32, bool) {
	var buf [4]int32
	if prs := c.sentencePriors(f, buf[:0]); len(prs) > 0 {
		return c.p.claims[c.p.recs[prs[0]].ci].Claim.Interval, prs[0], true
	}
	return tracker.Interval{}, -1, false
}
