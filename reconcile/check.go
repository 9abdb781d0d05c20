package reconcile

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/tollproject/toll/tracker"
)

// maxParts caps the candidate parts of one total in parts_exceed_total.
// The search for the largest set of disjoint parts is exponential in the
// candidates; a report breaks a total into a handful of groups, and past
// 16 only the 16 largest are tried (a sum can only miss, never invent, a
// finding).
const maxParts = 16

// Check returns the findings over the claims that count: figures that
// cannot all be true, and changes that need a look. It reasons over every
// counted claim and keeps the findings that involve at least one claim
// matching opts' filters, so that "--source ministry" still shows the
// ministry disagreeing with someone else. See the package documentation
// for each kind's rule.
func Check(claims []tracker.StoredClaim, opts Options) (Findings, error) {
	return check(claims, opts, false)
}

// CheckCompact is Check with the findings held compactly (see
// CheckedFindings): what `toll check` lists, where a million findings as
// Findings would not fit in memory.
func CheckCompact(claims []tracker.StoredClaim, opts Options) (*CheckedFindings, error) {
	return checkCompact(claims, opts, false)
}

// check is Check; with decimals set, the checks compare figures as
// decimals only (the reference the int64 fast paths are tested against).
func check(claims []tracker.StoredClaim, opts Options, decimals bool) (Findings, error) {
	cf, err := checkCompact(claims, opts, decimals)
	if err != nil {
		return nil, err
	}
	return cf.Findings(), nil
}

// checkCompact is check, the findings held compactly.
func checkCompact(claims []tracker.StoredClaim, opts Options, decimals bool) (*CheckedFindings, error) {
	p, err := prepare(claims, opts, false, nil)
	if err != nil {
		return nil, err
	}
	c := &checker{p: p, window: int32(opts.Window), filter: newFilterSpec(p.tax, opts),
		decreasePairs: map[[2]int32]bool{}, handled: map[int32]bool{}, decimals: decimals}
	c.indexSeries()
	c.staleAndRevised()
	c.staleStocks()
	c.decreases()
	c.disagreements()
	c.togetherApart()
	c.farApart()
	c.subgroups()
	c.parts()
	c.priors()
	c.periods()
	c.sort()
	return &CheckedFindings{p: p, out: c.out, cited: c.cited}, nil
}

// sort puts the findings in order: by date, series (in key order, which
// the series indexes follow), kind and id.
//
// The order is total (ids are unique), so the sort sorts keys of two
// words and then moves each finding once: sorting the findings
// themselves, each compared field by field and swapped whole, was half a
// CPU second of a check of a million claims.
func (c *checker) sort() {
	type key struct {
		dayS   uint64 // the day, then the series, each offset to sort unsigned
		kindID uint64 // the kind, then the id (48 bits)
		at     int32  // the finding's place in c.out
	}
	keys := make([]key, len(c.out))
	for i := range c.out {
		f := &c.out[i]
		keys[i] = key{dayS: uint64(uint32(f.day)^1<<31)<<32 | uint64(uint32(f.series)^1<<31),
			kindID: uint64(f.kind)<<56 | f.id, at: int32(i)}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if a.dayS != b.dayS {
			return cmp.Compare(a.dayS, b.dayS)
		}
		return cmp.Compare(a.kindID, b.kindID)
	})
	// c.out[i] goes to where keys puts it, cycle by cycle, in place
	to := make([]int32, len(keys))
	for j, k := range keys {
		to[k.at] = int32(j)
	}
	for i := range c.out {
		for int(to[i]) != i {
			j := to[i]
			c.out[i], c.out[j] = c.out[j], c.out[i]
			to[i], to[j] = to[j], to[i]
		}
	}
}

type checker struct {
	p      *prep
	window int32
	filter filterSpec
	// out are the findings; cited the records they cite (found.lo, hi)
	out   []found
	cited []int32
	ids   idSet // the findings' keys
	// idBuf and keyBuf are emit's buffers (the cited claims' ids, the
	// bytes findingKey hashes)
	idBuf  []string
	keyBuf []byte
	// decreasePairs holds the figure pairs already reported as a
	// decrease or revision, so that a window does not report them again
	// as sources_disagree.
	decreasePairs map[[2]int32]bool
	// handled holds figures already reported as a stale repeat or a
	// stated revision (stale.go): not a fall, not a disagreement.
	handled map[int32]bool
	// byReport holds the dated, non-prior records by report, then
	// bucket, then place (see reportBuckets)
	byReport []int32
	// seriesFigs[s] are series s's figures ([lo, hi) into p.figs, sorted
	// by source then day); byDay[s] the same figures sorted by day, then
	// period, then source, then interval.
	seriesLo, seriesHi []int32
	byDay              [][]int32
	// reps[repOff[f]:repOff[f+1]] are figure f's reports (figReports);
	// figBounds[f] its bounds (bounds)
	repOff, reps []int32
	figBounds    []figBounds
	// priorsOf holds the prior records of each report and series
	// (statedPrior)
	priorsOf map[[2]int32][]int32
	// priorReport[r] says whether report r holds a prior (indexPriors)
	priorReport []bool
	// own[ci]: 0 not asked, 1 no, 2 claim ci's sentence says its outlet
	// counted the figure (ownCount)
	own []int8
	// live holds the reports that are live blogs (liveReports)
	live map[int32]bool
	// decimals: every figure's bounds read as not int64s (see check)
	decimals bool
}

func (c *checker) indexSeries() {
	p := c.p
	n := len(p.series)
	c.seriesLo, c.seriesHi = make([]int32, n), make([]int32, n)
	c.byDay = make([][]int32, n)
	for i := 0; i < len(p.figs); {
		s := p.figs[i].series
		j := i
		for j < len(p.figs) && p.figs[j].series == s {
			j++
		}
		c.seriesLo[s], c.seriesHi[s] = int32(i), int32(j)
		d := make([]int32, 0, j-i)
		for k := i; k < j; k++ {
			if p.figs[k].day != noDay {
				d = append(d, int32(k))
			}
		}
		slices.SortFunc(d, func(a, b int32) int {
			fa, fb := &p.figs[a], &p.figs[b]
			if c := cmp.Or(cmp.Compare(fa.day, fb.day), cmp.Compare(fa.from, fb.from),
				cmp.Compare(fa.to, fb.to), cmp.Compare(fa.source, fb.source)); c != 0 {
				return c
			}
			return cmp.Compare(a, b) // figures are already in interval order
		})
		c.byDay[s] = d
		i = j
	}
}

// dayGroups splits figure indexes sorted by day into runs of one day.
func (c *checker) dayGroups(figs []int32) [][]int32 {
	var out [][]int32
	for i := 0; i < len(figs); {
		j := i
		for j < len(figs) && c.p.figs[figs[j]].day == c.p.figs[figs[i]].day {
			j++
		}
		out = append(out, figs[i:j])
		i = j
	}
	return out
}

// sourceRuns splits series s's figures into runs of one source, each
// sorted by day.
func (c *checker) sourceRuns(s int32) [][]int32 {
	var out [][]int32
	lo, hi := c.seriesLo[s], c.seriesHi[s]
	for i := lo; i < hi; {
		j := i
		for j < hi && c.p.figs[j].source == c.p.figs[i].source {
			j++
		}
		run := make([]int32, 0, j-i)
		for k := i; k < j; k++ {
			if c.p.figs[k].day != noDay {
				run = append(run, k)
			}
		}
		out = append(out, run)
		i = j
	}
	return out
}

func hasSource(p *prep, figs []int32, src int32) bool {
	for _, f := range figs {
		if p.figs[f].source == src {
			return true
		}
	}
	return false
}

// countCannotFall reports whether a category counts people in a way that
// only grows: the dead and the injured. Hostages, the missing, the
// displaced and the arrested are stocks: releases, returns and finds make
// them fall.
func countCannotFall(cat tracker.Category) bool {
	return cat == tracker.Killed || cat == tracker.Injured
}

// decreases finds falls in cumulative series: a source's own figures day
// to day, and the series passing from one source to another.
func (c *checker) decreases() {
	p := c.p
	for s := range p.series {
		si := &p.series[s]
		if si.key.Scope != tracker.Cumulative {
			continue
		}
		for _, run := range c.sourceRuns(int32(s)) {
			days := c.dayGroups(run)
			for i := 1; i < len(days); i++ {
				for _, x := range days[i-1] {
					for _, y := range days[i] {
						if below(*p.figs[y].iv, *p.figs[x].iv) && !c.handled[y] {
							c.decrease(x, y, true)
						}
					}
				}
			}
		}
		// A change of source: the earlier day's source is silent on the
		// later day and the later one was silent on the earlier day.
		// Where both speak on one day, sources_disagree compares them.
		days := c.dayGroups(c.byDay[s])
		for i := 1; i < len(days); i++ {
			for _, x := range days[i-1] {
				for _, y := range days[i] {
					fx, fy := &p.figs[x], &p.figs[y]
					if fx.source == fy.source || hasSource(p, days[i-1], fy.source) || hasSource(p, days[i], fx.source) {
						continue
					}
					// (the missing, the displaced or the arrested that
					// another source gives lower by less than half have
					// moved as those counts do, people found, gone home
					// or released: no finding;
					// a source's own fall still is one, and so is a fall
					// of the dead, the injured or hostages, whom only a
					// release or a death takes off the count)
					// (nor when the earlier figure is another source's
					// open floor: "more than 60 missing" the morning after
					// a blast, 21 the next day as people are found)
					stockMoved := (si.key.Category == tracker.Missing || si.key.Category == tracker.Displaced || si.key.Category == tracker.Arrested) && (withinTwice(*fx.iv, *fy.iv) || fx.iv.Unbounded)
					if below(*fy.iv, *fx.iv) && !c.handled[y] && !(si.ctx && farBelow(*fy.iv, *fx.iv)) && !stockMoved {
						if si.ctx && countCannotFall(si.key.Category) && c.togetherPair(x, y) {
							continue // (togetherApart compares them)
						}
						if si.ctx && c.outletOnly(y) && !c.outletOnly(x) && withinTwice(*fx.iv, *fy.iv) {
							// (a figure no one in its text gives, within
							// twice a named origin's earlier one, is the
							// outlet's copy of an older bulletin or a
							// part it did not name, as on one day, not a
							// fall: "about 210 hostages" by officials,
							// then a paper's 137 after a truce)
							continue
						}
						c.decrease(x, y, false)
					}
				}
			}
		}
	}
}

// publishedTogether reports whether figures x and y have records
// published on one day.
func (c *checker) publishedTogether(x, y int32) bool {
	p := c.p
	for _, a := range p.figRecs(&p.figs[x]) {
		da := dayOf(p.claims[p.recs[a].ci].Published)
		if da == noDay {
			continue
		}
		for _, b := range p.figRecs(&p.figs[y]) {
			if dayOf(p.claims[p.recs[b].ci].Published) == da {
				return true
			}
		}
	}
	return false
}

// togetherPair reports whether togetherApart compares figures x and y:
// published on one day, and not one report restating a figure nobody
// gives beside a named source's (a part or another time, as in
// disagreements).
func (c *checker) togetherPair(x, y int32) bool {
	return c.publishedTogether(x, y) && !(c.sharesReport(x, y) && (c.outletOnly(x) || c.outletOnly(y)))
}

// togetherApart finds, in context series of the dead or the injured, two
// origins' figures published on one day whose older one is above the
// newer: "WHO reports 2,601 fatalities as of 30 March … the authorities'
// figures on 31 March were 2,056 dead" in one digest. Growth cannot
// explain the gap and the reader has both at once: sources_disagree
// (warning), not a fall across a change of source.
func (c *checker) togetherApart() {
	p := c.p
	type entry struct{ pub, day, f int32 }
	var es []entry
	for s := range p.series {
		si := &p.series[s]
		if !si.ctx || si.key.Scope != tracker.Cumulative || !countCannotFall(si.key.Category) {
			continue
		}
		// each figure under each day it was published, by publication
		// day, then the day it gives
		es = es[:0]
		for _, f := range c.byDay[s] {
			n := len(es)
			for _, ri := range p.figRecs(&p.figs[f]) {
				pd := dayOf(p.claims[p.recs[ri].ci].Published)
				if pd == noDay || slices.ContainsFunc(es[n:], func(e entry) bool { return e.pub == pd }) {
					continue
				}
				es = append(es, entry{pd, p.figs[f].day, f})
			}
		}
		slices.SortFunc(es, func(a, b entry) int {
			return cmp.Or(cmp.Compare(a.pub, b.pub), cmp.Compare(a.day, b.day), cmp.Compare(a.f, b.f))
		})
		for i := 0; i < len(es); {
			j := i
			for j < len(es) && es[j].pub == es[i].pub {
				j++
			}
			g := es[i:j]
			// the highest lower bound of the group's figures of earlier
			// days than each one: a figure under it is scanned for
			var top decimal.Decimal
			have := false
			for k := 0; k < len(g); {
				l := k
				for l < len(g) && g[l].day == g[k].day {
					l++
				}
				if have {
					for _, ey := range g[k:l] {
						fy := &p.figs[ey.f]
						if fy.iv.Unbounded || fy.iv.High.Cmp(top) >= 0 {
							continue
						}
						for _, ex := range g[:k] {
							c.togetherPairApart(ex.f, ey.f)
						}
					}
				}
				for _, e := range g[k:l] {
					if lo := p.figs[e.f].iv.Low; !have || lo.Cmp(top) > 0 {
						top, have = lo, true
					}
				}
				k = l
			}
			i = j
		}
	}
}

// togetherPairApart reports figure x (of an earlier day) and y, published
// together, when x lies above y (see togetherApart).
func (c *checker) togetherPairApart(x, y int32) {
	p := c.p
	fx, fy := &p.figs[x], &p.figs[y]
	if fx.source == fy.source || c.handled[x] || c.handled[y] || !below(*fy.iv, *fx.iv) || farBelow(*fy.iv, *fx.iv) {
		return
	}
	if c.decreasePairs[[2]int32{x, y}] || !c.togetherPair(x, y) {
		return
	}
	c.decreasePairs[[2]int32{x, y}] = true
	c.disagree(x, y, Warning)
}

// farBelow reports whether a is under a third of b's lower bound. In a
// series formed from report context, a figure of another source that far
// below the last one is far likelier another quantity the context could
// not tell apart (a district's toll read as the country's, a new day's
// deaths as the running total) than a fall: checks stay silent on it
// rather than raise a false alarm; the timeline still shows both.
func farBelow(a, b tracker.Interval) bool {
	hi := a.High
	if a.Unbounded {
		hi = a.Low
	}
	return hi.Mul(three).Cmp(b.Low) < 0
}

var two, three = decimal.NewFromInt(2), decimal.NewFromInt(3)

func (c *checker) decrease(x, y int32, sameSource bool) {
	p := c.p
	fx, fy := &p.figs[x], &p.figs[y]
	si := &p.series[fy.series]
	c.decreasePairs[[2]int32{x, y}] = true
	recs := append(slices.Clone(p.figRecs(fx)), p.figRecs(fy)...)
	what := p.what(fy.series)
	if fy.revised {
		msg := fmt.Sprintf("%s revised the count of %s down to %s on %s, from %s (%s, %s); the text says the figure was revised.",
			p.sources[fy.source].name, what, p.figure(fy), dateOf(fy.day),
			p.figure(fx), p.sources[fx.source].name, dateOf(fx.day))
		c.emit(Revision, Info, fy.series, msg, recs)
		return
	}
	if !sameSource {
		msg := fmt.Sprintf("The count of %s fell from %s (%s, %s) to %s (%s, %s) across a change of source; the two may count differently.",
			what, p.figure(fx), p.sources[fx.source].name, dateOf(fx.day),
			p.figure(fy), p.sources[fy.source].name, dateOf(fy.day))
		c.emit(Decrease, Warning, fy.series, msg, recs)
		return
	}
	sev, why := Error, "a count that cannot fall, and no revision is stated"
	if !countCannotFall(si.key.Category) {
		sev, why = Warning, fmt.Sprintf("%s counts can fall (releases, returns, bodies identified), so check why", si.key.Category)
	}
	msg := fmt.Sprintf("%s count of %s fell from %s on %s to %s on %s: %s.",
		possessive(p.sources[fy.source].name), what, p.figure(fx), dateOf(fx.day), p.figure(fy), dateOf(fy.day), why)
	c.emit(Decrease, sev, fy.series, msg, recs)
}

// disagreements finds two sources whose intervals for one series and day
// do not overlap.
func (c *checker) disagreements() {
	p := c.p
	for s := range p.series {
		si := &p.series[s]
		switch {
		case si.key.Scope == tracker.Period:
			c.periodDisagreements(int32(s))
			continue
		case si.key.Scope == tracker.Cumulative, si.key.Scope == tracker.UnknownScope && si.site:
		default:
			// Single events in an area: two strikes in one town on one
			// day are not two estimates of one toll.
			continue
		}
		sev := Error
		if si.key.Scope == tracker.UnknownScope || si.ctx && si.site {
			// one event's estimates: often far apart, none a count
			sev = Warning
		}
		days := c.dayGroups(c.byDay[s])
		// the series' first day: a sudden event's toll rises fastest on
		// the day it strikes and the next, when two bodies' figures read
		// hours apart may both have been true
		first := int32(noDay)
		for k := c.seriesLo[s]; k < c.seriesHi[s]; k++ {
			if d := p.figs[k].day; d != noDay && (first == noDay || d < first) {
				first = d
			}
		}
		for i, d := range days {
			// the day's highest lower bound, when the day is one of the
			// event's first two and gives three figures or more: a count
			// moving through the day, whose figures below the highest
			// are the earlier bulletins of some origin (the company's 16
			// and the region's 11 of a mine fire's morning, before the
			// ministry's 42 that night), not rival counts, when within
			// twice each other and each one number (the estimates of
			// one strike, 100–300 and 10–50, are rivals)
			var top decimal.Decimal
			moving := si.ctx && si.key.Scope == tracker.Cumulative && countCannotFall(si.key.Category) && first != noDay && len(d) >= 3 && p.figs[d[0]].day-first <= 1
			if moving {
				for _, x := range d {
					if l := p.figs[x].iv.Low; l.Cmp(top) > 0 {
						top = l
					}
				}
			}
			for a := 0; a < len(d); a++ {
				for b := a + 1; b < len(d); b++ {
					x, y := d[a], d[b]
					if moving && point(*p.figs[x].iv) && point(*p.figs[y].iv) && below(*p.figs[x].iv, tracker.Interval{Low: top, High: top}) && below(*p.figs[y].iv, tracker.Interval{Low: top, High: top}) && withinTwice(*p.figs[x].iv, *p.figs[y].iv) {
						// (a fourfold gap, the Red Crescent's 500 against
						// the ministry's 2,053, stays two counts apart)
						continue
					}
					if c.handled[x] || c.handled[y] || si.ctx && c.sharesReport(x, y) && (c.outletOnly(x) || c.outletOnly(y)) {
						// (one report restating a figure nobody gives
						// beside a named source's: a live blog's
						// bulletins, a part, another time, not two
						// sources at odds)
						continue
					}
					if c.statesPriorOf(x, y) || c.statesPriorOf(y, x) {
						// ("94 were in Kerr County, up from 87 reported
						// by the sheriff that morning": the text gives
						// the other figure as the one before)
						continue
					}
					if si.ctx && (c.outletOnly(x) || c.outletOnly(y)) && withinTwice(*p.figs[x].iv, *p.figs[y].iv) {
						// (a figure no one in its text gives is the
						// outlet's copy of some bulletin: within twice a
						// named origin's figure of the day, most likely
						// an earlier or later one of the same count, not
						// a rival count)
						continue
					}
					if si.ctx && c.sharesLiveReport(x, y) && withinTwice(*p.figs[x].iv, *p.figs[y].iv) {
						// (a live blog's entries of one day within a
						// factor of two: the count moving between
						// bulletins, 73 at 18:10 and 103 at 19:30; a
						// fourfold gap, 500 at 09:40 against another
						// body's 2,053 at 13:15, is two counts apart)
						continue
					}
					if p.figs[x].source != p.figs[y].source && !p.figs[x].iv.Overlaps(*p.figs[y].iv) {
						sv := sev
						if si.ctx && (p.figs[x].iv.Unbounded || p.figs[y].iv.Unbounded || countCannotFall(si.key.Category) && withinTenth(*p.figs[x].iv, *p.figs[y].iv)) {
							// a running total read at two times of one
							// day, one of them open, or the two within a
							// tenth of each other (111 in the morning,
							// 116 at noon, 118 at night): both may have
							// been true when given, so no error; still a
							// finding, since a toll that differs by a few
							// between two origins may be two counts
							sv = Warning
						}
						if sv == Error && si.ctx && countCannotFall(si.key.Category) && first != noDay && p.figs[x].day-first <= 1 && !(c.sharesLiveReport(x, y) && c.liveMinute(x) >= 0 && c.liveMinute(y) >= 0) {
							// (the event's first two days, unless a live
							// blog's times say which came first: see first)
							sv = Warning
						}
						if sv == Error && si.ctx && countCannotFall(si.key.Category) && c.sharesLiveReport(x, y) && c.risesThroughLive(x, y) {
							// (a live blog's count rising from one
							// bulletin to a later one, whoever gave each:
							// both true when given, so a warning)
							sv = Warning
						}
						c.disagree(x, y, sv)
					}
				}
			}
			if c.window == 0 || !countCannotFall(si.key.Category) {
				continue
			}
			for j := i + 1; j < len(days) && p.figs[days[j][0]].day-p.figs[d[0]].day <= c.window; j++ {
				for _, x := range d {
					for _, y := range days[j] {
						if p.figs[x].source != p.figs[y].source && below(*p.figs[y].iv, *p.figs[x].iv) && !c.decreasePairs[[2]int32{x, y}] {
							c.disagree(x, y, Warning)
						}
					}
				}
			}
		}
	}
}

// periodDisagreements compares period figures that name the same period.
func (c *checker) periodDisagreements(s int32) {
	p := c.p
	var figs []int32
	for k := c.seriesLo[s]; k < c.seriesHi[s]; k++ {
		if p.figs[k].from != noDay {
			figs = append(figs, k)
		}
	}
	slices.SortFunc(figs, func(a, b int32) int {
		fa, fb := &p.figs[a], &p.figs[b]
		return cmp.Or(cmp.Compare(fa.from, fb.from), cmp.Compare(fa.to, fb.to), cmp.Compare(a, b))
	})
	for i := 0; i < len(figs); {
		j := i
		for j < len(figs) && p.figs[figs[j]].from == p.figs[figs[i]].from && p.figs[figs[j]].to == p.figs[figs[i]].to {
			j++
		}
		for a := i; a < j; a++ {
			for b := a + 1; b < j; b++ {
				x, y := figs[a], figs[b]
				if p.figs[x].source != p.figs[y].source && !p.figs[x].iv.Overlaps(*p.figs[y].iv) {
					c.disagree(x, y, Error)
				}
			}
		}
		i = j
	}
}

// statesPriorOf reports whether figure a's own sentence gives figure b
// as its earlier figure ("up from 87", "down from 103").
func (c *checker) statesPriorOf(a, b int32) bool {
	var buf [4]int32
	for _, pi := range c.sentencePriors(a, buf[:0]) {
		if compareIntervals(c.p.claims[c.p.recs[pi].ci].Claim.Interval, *c.p.figs[b].iv) == 0 {
			return true
		}
	}
	return false
}

// point reports whether an interval is one number (an exact count, not
// a range or an estimate's bounds).
func point(iv tracker.Interval) bool { return !iv.Unbounded && iv.Low.Equal(iv.High) }

// withinTwice reports whether the higher interval's lower bound is at
// most twice the lower one's upper bound.
func withinTwice(a, b tracker.Interval) bool { return within(a, b, two) }

// withinTenth reports whether the higher interval's lower bound is at most
// 1.1 times the lower one's upper bound.
func withinTenth(a, b tracker.Interval) bool { return within(a, b, elevenTenths) }

// elevenTenths is withinTenth's factor.
var elevenTenths = decimal.RequireFromString("1.1")

// within reports whether the higher of a and b has its lower bound at most
// f times the lower one's upper bound (an open lower one is within).
func within(a, b tracker.Interval, f decimal.Decimal) bool {
	if below(b, a) {
		a, b = b, a
	}
	if a.Unbounded {
		return true
	}
	return b.Low.Cmp(a.High.Mul(f)) <= 0
}

// clockRE opens a live blog's entry: "18:10 - ", "09.45 — ", "8:40 a.m. —",
// "11:05 pm ET:".
var clockRE = regexp.MustCompile(`^\d{1,2}[:.]\d{2}\s*(?:(?:[aApP]\.?[mM]\.?)\s*(?:[A-Z]{2,4}\s*)?)?(?:[-–—:]|GMT|UTC|IST|local)`)

// sharesLiveReport reports whether figures x and y are given in one live
// blog: a report of which at least two sentences holding a figure open
// with a clock time. Its figures are bulletins of one day in order, so
// two of them differing is the count moving, not sources at odds.
func (c *checker) sharesLiveReport(x, y int32) bool {
	c.liveReports()
	if len(c.live) == 0 {
		return false
	}
	ra, rb := c.figReports(x), c.figReports(y)
	for _, a := range ra {
		if c.live[a] && slices.Contains(rb, a) {
			return true
		}
	}
	return false
}

// liveReports fills live: the reports of which at least two sentences
// holding a figure open with a clock time.
func (c *checker) liveReports() {
	p := c.p
	if c.live != nil {
		return
	}
	c.live = map[int32]bool{}
	n := map[int32]int{}
	for i := range p.recs {
		if sc := &p.claims[p.recs[i].ci]; opensWithClockFlags(sc.Claim.Sentence, knownFlags(sc)) {
			if n[p.recs[i].report]++; n[p.recs[i].report] >= 2 {
				c.live[p.recs[i].report] = true
			}
		}
	}
}

// otherEntry reports whether records a and b of one report are given in
// two entries of a live blog at two clock times ("10:50 - … 47 people
// have been confirmed dead", "13:25 - 85 people are now confirmed dead
// …: 46 women and 39 men"): bulletins of two moments, whose parts are not
// each other's.
func (c *checker) otherEntry(a, b int32) bool {
	p := c.p
	ra := &p.recs[a]
	if ra.report != p.recs[b].report {
		return false
	}
	c.liveReports()
	if !c.live[ra.report] {
		return false
	}
	ma := clockMinutes(p.claims[ra.ci].Claim.Sentence)
	mb := clockMinutes(p.claims[p.recs[b].ci].Claim.Sentence)
	return ma >= 0 && mb >= 0 && ma != mb
}

// risesThroughLive reports whether a live blog shared by figures x and
// y gives the lower of the two at an earlier clock time of its day than
// the higher: "10:40 - four people have died", "19:30 - nine people are
// now confirmed dead" is a count rising between bulletins, true each when
// given, whichever body gave each (a blog newest first is read by its
// times, not its order).
func (c *checker) risesThroughLive(x, y int32) bool {
	if below(*c.p.figs[y].iv, *c.p.figs[x].iv) {
		x, y = y, x
	}
	lo, hi := c.liveMinute(x), c.liveMinute(y)
	return lo >= 0 && hi > lo
}

// liveMinute is the time of day of the live blog's entry that gives
// figure f (clockMinutes), or -1 when no such entry gives it.
func (c *checker) liveMinute(f int32) int {
	p := c.p
	m := -1
	for _, ri := range p.figRecs(&p.figs[f]) {
		if c.live[p.recs[ri].report] {
			if t := clockMinutes(p.claims[p.recs[ri].ci].Claim.Sentence); t >= 0 {
				m = t
			}
		}
	}
	return m
}

// clockMinutes is the time of day a live blog's entry opens with, in
// minutes after midnight (a.m. and p.m. read), or -1.
func clockMinutes(sent string) int {
	if len(sent) < 4 || sent[0] < '0' || sent[0] > '9' || !clockRE.MatchString(sent) {
		return -1
	}
	h, i := 0, 0
	for i < len(sent) && sent[i] >= '0' && sent[i] <= '9' {
		h = h*10 + int(sent[i]-'0')
		i++
	}
	i++ // the separator
	m := 0
	for j := 0; j < 2 && i < len(sent) && sent[i] >= '0' && sent[i] <= '9'; j++ {
		m = m*10 + int(sent[i]-'0')
		i++
	}
	rest := strings.ToLower(strings.TrimSpace(sent[i:]))
	switch {
	case strings.HasPrefix(rest, "p") && h < 12:
		h += 12
	case strings.HasPrefix(rest, "a") && h == 12:
		h = 0
	}
	return h*60 + m
}

func (c *checker) disagree(x, y int32, sev Severity) {
	p := c.p
	fx, fy := &p.figs[x], &p.figs[y]
	// the higher figure first
	if below(*fx.iv, *fy.iv) {
		x, y, fx, fy = y, x, fy, fx
	}
	si := &p.series[fx.series]
	if si.ctx && timesBelow(fy.iv.High, 20, fx.iv.Low) {
		// in a series formed from report context, figures twenty times
		// apart are far likelier two quantities the context could not
		// tell apart (a day's new deaths beside the running total) than
		// two sources counting one: no finding; the timeline shows both
		return
	}
	var when, dx, dy string
	switch {
	case si.key.Scope == tracker.Period:
		when = "for " + periodPhrase(fx.from, fx.to)
	case fx.day == fy.day:
		when = "on " + dateOf(fx.day).String()
	default:
		when = fmt.Sprintf("%d days apart", abs(fy.day-fx.day))
		if fy.day-fx.day == 1 || fx.day-fy.day == 1 {
			when = "a day apart"
		}
		dx, dy = " ("+dateOf(fx.day).String()+")", " ("+dateOf(fy.day).String()+")"
	}
	msg := fmt.Sprintf("Sources disagree on %s %s: %s: %s%s; %s: %s%s; %s.",
		p.what(fx.series), when,
		p.sources[fx.source].name, p.figure(fx), dx,
		p.sources[fy.source].name, p.figure(fy), dy,
		ratioPhrase(fx.iv.Low, fy.iv.High))
	recs := append(slices.Clone(p.figRecs(fx)), p.figRecs(fy)...)
	c.emit(SourcesDisagree, sev, fx.series, msg, recs)
}

// timesBelow reports whether a·k < b, on int64s when both are whole
// numbers small enough (a decimal product allocates, and every
// disagreement of a context series asks).
func timesBelow(a decimal.Decimal, k int64, b decimal.Decimal) bool {
	if x, ok := smallInt(a); ok && x > -1e15 && x < 1e15 && k > 0 && k < 1000 {
		if y, ok := smallInt(b); ok {
			return x*k < y
		}
	}
	return a.Mul(decimal.NewFromInt(k)).Cmp(b) < 0
}

// ratioPhrase says how far apart two intervals are: the higher one's
// lower bound over the lower one's upper bound.
func ratioPhrase(hiLow, loHigh decimal.Decimal) string {
	if loHigh.IsZero() {
		return fmt.Sprintf("one gives at least %s, the other none", tracker.FormatCount(hiLow))
	}
	if t, ok := ratioTenths(hiLow, loHigh); ok {
		if t > 10 {
			s := strconv.FormatInt(t/10, 10)
			if t%10 != 0 {
				s += "." + strconv.FormatInt(t%10, 10)
			}
			return "the lower bound of one is " + s + "× the upper bound of the other"
		}
		// (the ratio rounds to 1.0 or less: the gap, on int64s too, as
		// ratioTenths holds both)
		x, _ := smallInt(hiLow)
		y, _ := smallInt(loHigh)
		return "the lower bound of one is " + tracker.FormatCount(decimal.NewFromInt(x-y)) + " above the upper bound of the other"
	}
	r := hiLow.DivRound(loHigh, 1)
	if r.Cmp(decimal.NewFromInt(1)) <= 0 {
		// "1×" would hide the gap
		return fmt.Sprintf("the lower bound of one is %s above the upper bound of the other", tracker.FormatCount(hiLow.Sub(loHigh)))
	}
	return fmt.Sprintf("the lower bound of one is %s× the upper bound of the other", r.String())
}

// ratioTenths is a / b in tenths, rounded half up as decimal's DivRound
// to one place rounds it, when both are whole numbers that int64
// arithmetic holds (a million disagreements' ratios on decimals took a
// second); ok is false otherwise.
func ratioTenths(a, b decimal.Decimal) (tenths int64, ok bool) {
	x, okx := smallInt(a)
	y, oky := smallInt(b)
	if !okx || !oky || x < 0 || y <= 0 || x > 1e15 || y > 1e15 {
		return 0, false
	}
	return (20*x + y) / (2 * y), true
}

func abs(n int32) int32 {
	if n < 0 {
		return -n
	}
	return n
}

// periodPhrase writes a period: "2023-10-23 to 2023-10-24", or one day.
func periodPhrase(from, to int32) string {
	if from == to {
		return dateOf(from).String()
	}
	return dateOf(from).String() + " to " + dateOf(to).String()
}

// subgroups finds a part above its whole: one source's figures for one
// day (cumulative and period series), and, within one report, any two
// figures for one day (cumulative and period) or in one sentence (single
// events: one report often tells of several strikes in one place).
func (c *checker) subgroups() {
	p := c.p
	// dated figures of cumulative and period series, grouped by place by
	// a counting sort, then by category, scope, source, day and period
	var idx []int32
	for k := range p.figs {
		f := &p.figs[k]
		si := &p.series[f.series]
		if si.key.Scope == tracker.UnknownScope || f.day == noDay || si.key.Scope == tracker.Period && f.from == noDay {
			continue
		}
		idx = append(idx, int32(k))
	}
	key := func(a, b int32) int {
		fa, fb := &p.figs[a], &p.figs[b]
		sa, sb := &p.series[fa.series], &p.series[fb.series]
		return cmp.Or(cmp.Compare(sa.catRank, sb.catRank), cmp.Compare(sa.scopeRank, sb.scopeRank),
			cmp.Compare(fa.source, fb.source), cmp.Compare(fa.day, fb.day),
			cmp.Compare(fa.from, fb.from), cmp.Compare(fa.to, fb.to))
	}
	byPlace, bounds := countingSort(idx, len(p.places), func(k int32) int { return int(p.series[p.figs[k].series].place) })
	for b := 0; b+1 < len(bounds); b++ {
		run := byPlace[bounds[b]:bounds[b+1]]
		slices.SortFunc(run, func(x, y int32) int { return cmp.Or(key(x, y), cmp.Compare(x, y)) })
		for i := 0; i < len(run); {
			j := i + 1
			for j < len(run) && key(run[i], run[j]) == 0 {
				j++
			}
			figs := run[i:j]
			for _, x := range figs {
				for _, y := range figs {
					fx, fy := &p.figs[x], &p.figs[y]
					if p.partOf(p.series[fx.series].group, p.series[fy.series].group) && below(*fy.iv, *fx.iv) && p.figPast(fx) == p.figPast(fy) {
						// (and of one time: "40 of them died" in 2013 is no
						// part of the nine a 2005 attack killed)
						recs := append(slices.Clone(p.figRecs(fx)), p.figRecs(fy)...)
						msg := fmt.Sprintf("%s gives %s %s on %s, more than the %s %s it gives for the same day; a part cannot exceed its whole.",
							p.sources[fx.source].name, p.figure(fx), p.what(fx.series), dateOf(fx.day),
							p.figure(fy), p.what(fy.series))
						c.emit(SubgroupExceedsTotal, Error, fy.series, msg, recs)
					}
				}
			}
			i = j
		}
	}
	for _, recs := range c.reportBuckets(false) {
		for _, x := range recs {
			for _, y := range recs {
				rx, ry := &p.recs[x], &p.recs[y]
				sx, sy := &p.series[rx.series], &p.series[ry.series]
				if rx.source == ry.source && sx.key.Scope != tracker.UnknownScope {
					continue // the same-source pass has it
				}
				if sx.place != sy.place || !p.partOf(sx.group, sy.group) || !below(p.iv(y), p.iv(x)) {
					continue
				}
				if p.claims[rx.ci].Claim.Context.Past != p.claims[ry.ci].Claim.Context.Past {
					// "the Turia flood of 1957 killed 81": another time's
					// toll is no whole of today's parts
					continue
				}
				if c.otherEntry(x, y) {
					continue // (a live blog's 32 miners at 18:20 beside its 21 dead at 13:15)
				}
				msg := fmt.Sprintf("Report %s gives %s %s (%s), more than the %s %s (%s) it gives for the same %s; a part cannot exceed its whole.",
					p.claims[rx.ci].ReportID, p.claims[rx.ci].Claim.Figure(), p.what(rx.series), p.sources[rx.source].name,
					p.claims[ry.ci].Claim.Figure(), p.what(ry.series), p.sources[ry.source].name, sameWhat(sx.key.Scope))
				c.emit(SubgroupExceedsTotal, Error, ry.series, msg, []int32{x, y})
			}
		}
	}
}

func sameWhat(s tracker.Scope) string {
	if s == tracker.UnknownScope {
		return "event"
	}
	return "day"
}

// reportBuckets groups dated, non-prior records by report, category,
// scope, day and period; single events (scope unknown) also by sentence.
// Unless acrossPlaces is set, by place too. Within a bucket records are
// in claim id order, so that "the first" of two equal figures is the one
// with the smallest id, whatever the input order. Only buckets of two or
// more records are returned.
func (c *checker) reportBuckets(acrossPlaces bool) [][]int32 {
	p := c.p
	if c.byReport == nil {
		idx := make([]int32, 0, len(p.ord))
		nreports := 0
		for _, ri := range p.ord {
			if r := &p.recs[ri]; r.day != noDay {
				idx = append(idx, ri)
				nreports = max(nreports, int(r.report)+1)
			}
		}
		// a counting sort by report, then small sorts within reports
		var bounds []int
		c.byReport, bounds = countingSort(idx, nreports, func(ri int32) int { return int(p.recs[ri].report) })
		for k := 0; k+1 < len(bounds); k++ {
			slices.SortFunc(c.byReport[bounds[k]:bounds[k+1]], func(a, b int32) int {
				ra, rb := &p.recs[a], &p.recs[b]
				if k := cmp.Or(c.bucketKey(ra, rb, true), cmp.Compare(p.series[ra.series].place, p.series[rb.series].place)); k != 0 {
					return k
				}
				return p.compareClaims(ra, rb)
			})
		}
	}
	var out [][]int32
	recs := c.byReport
	for i := 0; i < len(recs); {
		j := i + 1
		for j < len(recs) && c.bucketKey(&p.recs[recs[i]], &p.recs[recs[j]], acrossPlaces) == 0 {
			j++
		}
		if j-i > 1 {
			b := recs[i:j:j]
			if acrossPlaces {
				// back to claim id order across the places
				b = slices.Clone(b)
				slices.SortFunc(b, func(x, y int32) int { return p.compareClaims(&p.recs[x], &p.recs[y]) })
			}
			out = append(out, b)
		}
		i = j
	}
	return out
}

// bucketKey compares the bucket of two records of one report.
func (c *checker) bucketKey(a, b *rec, acrossPlaces bool) int {
	sa, sb := &c.p.series[a.series], &c.p.series[b.series]
	k := cmp.Or(
		cmp.Compare(a.report, b.report),
		cmp.Compare(sa.catRank, sb.catRank),
		cmp.Compare(sa.scopeRank, sb.scopeRank),
		cmp.Compare(a.day, b.day),
		cmp.Compare(a.from, b.from),
		cmp.Compare(a.to, b.to),
		cmp.Compare(a.sentence, b.sentence),
	)
	if k != 0 || acrossPlaces {
		return k
	}
	return cmp.Compare(sa.place, sb.place)
}

// parts finds disjoint parts in one report whose lower bounds add up to
// more than the total's upper bound. A total with no place is read as
// the report's overall figure, so parts in any place that is not an event
// site count towards it; a total with a place takes parts in that place
// only.
func (c *checker) parts() {
	p := c.p
	for _, recs := range c.reportBuckets(true) {
		if len(recs) < 3 {
			continue
		}
		seenWhole := map[string]bool{}
		for _, w := range recs {
			rw := &p.recs[w]
			wiv := p.iv(w)
			if wiv.Unbounded {
				continue
			}
			// the sentence's own group and place, not the series' (a
			// context series counts "Israelis" as people in Israel)
			sw := seriesInfo{group: rw.wgroup, place: rw.wplace, site: p.isSite(rw.wplace)}
			wk := fmt.Sprint(sw.group, sw.place, wiv)
			if seenWhole[wk] {
				continue
			}
			seenWhole[wk] = true
			var cands []int32
			seenPart := map[string]bool{}
			for _, x := range recs {
				rx := &p.recs[x]
				sx := seriesInfo{group: rx.wgroup, place: rx.wplace, site: p.isSite(rx.wplace)}
				if x == w || !p.partOf(sx.group, sw.group) || p.iv(x).Low.Cmp(wiv.High) > 0 || c.otherEntry(x, w) {
					continue
				}
				if sx.place != sw.place && (p.places[sw.place].key != "" || sx.site) {
					continue
				}
				k := fmt.Sprint(sx.group, sx.place, p.iv(x))
				if seenPart[k] {
					continue
				}
				seenPart[k] = true
				cands = append(cands, x)
			}
			if len(cands) < 2 {
				continue
			}
			slices.SortStableFunc(cands, func(a, b int32) int { return p.iv(b).Low.Cmp(p.iv(a).Low) })
			if len(cands) > maxParts {
				cands = cands[:maxParts]
			}
			best, sum := c.bestDisjoint(cands)
			if len(best) < 2 || sum.Cmp(wiv.High) <= 0 {
				continue
			}
			names := make([]string, len(best))
			for i, x := range best {
				rx := &p.recs[x]
				names[i] = fmt.Sprintf("%s %s (%s)", p.claims[rx.ci].Claim.Figure(), p.what(rx.series), p.sources[rx.source].name)
			}
			msg := fmt.Sprintf("Report %s gives %s, which share no one and add up to at least %s, more than the %s %s (%s) it gives as the total.",
				p.claims[rw.ci].ReportID, joinAnd(names), tracker.FormatCount(sum),
				p.claims[rw.ci].Claim.Figure(), p.what(rw.series), p.sources[rw.source].name)
			c.emit(PartsExceedTotal, Error, rw.series, msg, append(best, w))
		}
	}
}

// bestDisjoint returns the pairwise disjoint subset of cands with the
// largest sum of lower bounds (ties: the earlier candidates), and the sum.
func (c *checker) bestDisjoint(cands []int32) ([]int32, decimal.Decimal) {
	p := c.p
	var best []int32
	bestSum := decimal.Zero
	var cur []int32
	var walk func(i int, sum decimal.Decimal)
	walk = func(i int, sum decimal.Decimal) {
		if i == len(cands) {
			if len(cur) >= 2 && sum.Cmp(bestSum) > 0 {
				best, bestSum = slices.Clone(cur), sum
			}
			return
		}
		x := cands[i]
		ok := true
		for _, y := range cur {
			if !p.disjoint(p.recs[x].wgroup, p.recs[y].wgroup) {
				ok = false
				break
			}
		}
		if ok {
			cur = append(cur, x)
			walk(i+1, sum.Add(p.iv(x).Low))
			cur = cur[:len(cur)-1]
		}
		walk(i+1, sum)
	}
	walk(0, decimal.Zero)
	return best, bestSum
}

func joinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// priors checks "rose to X from Y" against X and against what the source
// said before. Only counts that cannot fall are checked: a stock may have
// moved either way between updates toll does not hold.
func (c *checker) priors() {
	p := c.p
	if len(p.priors) == 0 {
		return
	}
	type key struct{ report, series, source int32 }
	want := map[key]bool{}
	for _, pi := range p.priors {
		r := &p.recs[pi]
		want[key{r.report, r.series, r.source}] = true
	}
	current := map[key][]int32{}
	for _, ri := range p.ord {
		r := &p.recs[ri]
		k := key{r.report, r.series, r.source}
		if want[k] {
			current[k] = append(current[k], ri)
		}
	}
	for _, xs := range current {
		slices.SortFunc(xs, func(a, b int32) int { return p.compareClaims(&p.recs[a], &p.recs[b]) })
	}
	// each (series, source) of a prior: that source's dated figures in the
	// series, in figure order, so that a prior scans its own source's
	// figures and not the whole series
	type seriesSource struct{ series, source int32 }
	bySource := map[seriesSource][]int32{}
	for _, pi := range p.priors {
		r := &p.recs[pi]
		bySource[seriesSource{r.series, r.source}] = nil
	}
	scanned := map[int32]bool{}
	for ss := range bySource {
		if scanned[ss.series] {
			continue
		}
		scanned[ss.series] = true
		for k := c.seriesLo[ss.series]; k < c.seriesHi[ss.series]; k++ {
			f := &p.figs[k]
			if f.day == noDay {
				continue
			}
			key := seriesSource{ss.series, f.source}
			if xs, ok := bySource[key]; ok {
				bySource[key] = append(xs, k)
			}
		}
	}
	var earlier []int32
	for _, pi := range p.priors {
		pr := &p.recs[pi]
		si := &p.series[pr.series]
		if si.key.Scope != tracker.Cumulative || !countCannotFall(si.key.Category) || pr.down {
			// (a figure the report says the count fell from is no "up
			// from" that its other figures contradict)
			continue
		}
		psc := &p.claims[pr.ci]
		xs := current[key{pr.report, pr.series, pr.source}]
		src := p.sources[pr.source].name
		fired := false
		for _, x := range xs {
			rx := &p.recs[x]
			if rx.revised || !below(p.iv(x), p.iv(pi)) {
				continue
			}
			msg := fmt.Sprintf("Report %s gives %s count of %s as %s, up from %s, but %s is below %s.",
				psc.ReportID, possessive(src), p.what(pr.series), p.claims[rx.ci].Claim.Figure(), psc.Claim.Figure(),
				p.claims[rx.ci].Claim.Figure(), psc.Claim.Figure())
			c.emit(PriorMismatch, Warning, pr.series, msg, []int32{pi, x})
			fired = true
			break
		}
		if fired || pr.day == noDay || pr.open {
			continue
		}
		// the source's figures in the series before the report's date
		earlier = earlier[:0]
		for _, k := range bySource[seriesSource{pr.series, pr.source}] {
			if p.figs[k].day < pr.day {
				earlier = append(earlier, k)
			}
		}
		if len(earlier) == 0 {
			continue
		}
		// Y that matches an older figure is a stale but real baseline
		// (the latest figures are the likeliest match, so they are tried
		// first).
		matched := false
		for i := len(earlier) - 1; i >= 0 && !matched; i-- {
			matched = p.figs[earlier[i]].iv.Overlaps(p.iv(pi))
		}
		if matched {
			continue
		}
		lastDay := p.figs[earlier[len(earlier)-1]].day
		var last []int32
		var lastIvs []tracker.Interval
		for _, k := range earlier {
			if p.figs[k].day == lastDay {
				last = append(last, k)
				lastIvs = append(lastIvs, *p.figs[k].iv)
			}
		}
		h := hull(lastIvs...)
		// Y above the last figure is explained by an update toll does not
		// hold. Y below the last figure and matching none is not
		// something the source said.
		if !below(p.iv(pi), h) {
			continue
		}
		lastFigs := make([]string, len(last))
		recs := []int32{pi}
		recs = append(recs, xs...)
		for i, k := range last {
			lastFigs[i] = p.figure(&p.figs[k])
			recs = append(recs, p.figRecs(&p.figs[k])...)
		}
		now := "its figure"
		if len(xs) > 0 {
			now = p.claims[p.recs[xs[0]].ci].Claim.Figure()
		}
		msg := fmt.Sprintf("Report %s says %s count of %s rose to %s from %s, but %s last gave %s on %s and never %s before.",
			psc.ReportID, possessive(src), p.what(pr.series), now, psc.Claim.Figure(), src,
			strings.Join(lastFigs, " and "), dateOf(lastDay), psc.Claim.Figure())
		c.emit(PriorMismatch, Warning, pr.series, msg, recs)
	}
}

// periods compares a source's period figure with the change in its own
// cumulative figure over the period: from the period's start to its end
// when they differ ("in the past 24 hours" on the 24th runs from the 23rd
// to the 24th), from the day before when the period is one day ("on
// Tuesday"). It fires only when the source gave cumulative figures on
// both days and no pair of them allows the period figure.
func (c *checker) periods() {
	p := c.p
	type key struct {
		cat          tracker.Category
		group, place int32
	}
	cumulative := map[key]int32{}
	for s := range p.series {
		si := &p.series[s]
		if si.key.Scope == tracker.Cumulative && si.key.Split == "" { // not a claim set apart
			cumulative[key{si.key.Category, si.group, si.place}] = int32(s)
		}
	}
	for k := range p.figs {
		f := &p.figs[k]
		si := &p.series[f.series]
		if si.key.Scope != tracker.Period || f.from == noDay {
			continue
		}
		cs, ok := cumulative[key{si.key.Category, si.group, si.place}]
		if !ok {
			continue
		}
		base := f.from
		if f.from == f.to {
			base = f.from - 1
		}
		atEnd := c.figsAt(cs, f.source, f.to)
		atBase := c.figsAt(cs, f.source, base)
		if len(atEnd) == 0 || len(atBase) == 0 {
			continue
		}
		consistent := false
		var change Change
		for _, e := range atEnd {
			for _, b := range atBase {
				change = difference(*p.figs[e].iv, *p.figs[b].iv)
				if change.Overlaps(*f.iv) {
					consistent = true
				}
			}
		}
		if consistent {
			continue
		}
		recs := slices.Clone(p.figRecs(f))
		var baseFigs, endFigs []string
		for _, b := range atBase {
			baseFigs = append(baseFigs, p.figure(&p.figs[b]))
			recs = append(recs, p.figRecs(&p.figs[b])...)
		}
		for _, e := range atEnd {
			endFigs = append(endFigs, p.figure(&p.figs[e]))
			recs = append(recs, p.figRecs(&p.figs[e])...)
		}
		changeText := "a change of " + change.String()
		if len(atEnd)*len(atBase) > 1 {
			changeText = "and no pair of those figures allows it"
		}
		msg := fmt.Sprintf("%s gives %s %s for %s, but its cumulative figure went from %s (%s) to %s (%s), %s.",
			p.sources[f.source].name, p.figure(f), p.what(f.series), periodPhrase(f.from, f.to),
			strings.Join(baseFigs, " and "), dateOf(base), strings.Join(endFigs, " and "), dateOf(f.to), changeText)
		c.emit(PeriodMismatch, Warning, f.series, msg, recs)
	}
}

// figsAt returns the figures of a source in a series on a day.
func (c *checker) figsAt(series, source, day int32) []int32 {
	p := c.p
	lo, hi := int(c.seriesLo[series]), int(c.seriesHi[series])
	i, _ := slices.BinarySearchFunc(p.figs[lo:hi], [2]int32{source, day}, func(f fig, t [2]int32) int {
		return cmp.Or(cmp.Compare(f.source, t[0]), cmp.Compare(f.day, t[1]))
	})
	var out []int32
	for k := lo + i; k < hi && p.figs[k].source == source && p.figs[k].day == day; k++ {
		out = append(out, int32(k))
	}
	return out
}

// emit records a finding unless the filters exclude every claim in it or
// an identical one was already recorded.
func (c *checker) emit(kind Kind, sev Severity, series int32, msg string, recs []int32) {
	p := c.p
	if c.filter.active() {
		keep := false
		for _, ri := range recs {
			if p.matchRec(c.filter, &p.recs[ri]) {
				keep = true
				break
			}
		}
		if !keep {
			return
		}
	}
	// (the ids and the bytes hashed in buffers kept for the next finding:
	// a check of a million claims makes over a million findings)
	c.idBuf = c.idBuf[:0]
	var day int32 = noDay
	for _, ri := range recs {
		c.idBuf = append(c.idBuf, p.claims[p.recs[ri].ci].ID)
		day = max(day, p.recs[ri].day)
	}
	var id uint64
	id, c.keyBuf = findingKey(kind, c.idBuf, c.keyBuf)
	if !c.ids.add(id) {
		return
	}
	lo := int32(len(c.cited))
	// (grown by doubling, where append grows a large slice by a quarter:
	// the findings' copies had been five times their size, 0.5 GB of a
	// million findings)
	c.cited = append(growDouble(c.cited, len(recs)), recs...)
	c.out = append(growDouble(c.out, 1), found{id: id, msg: msg, series: series, day: day, lo: lo, hi: int32(len(c.cited)),
		kind: uint8(slices.Index(Kinds(), kind)), sev: sev})
}

// growDouble returns s with room for n more elements, doubling its
// capacity when it has not.
func growDouble[T any](s []T, n int) []T {
	if len(s)+n <= cap(s) {
		return s
	}
	return slices.Grow(s, max(n, len(s)))
}

// ref cites a record's claim.
func (p *prep) ref(ri int32) ClaimRef {
	r := &p.recs[ri]
	sc := &p.claims[r.ci]
	return ClaimRef{
		ID: sc.ID, Report: sc.ReportID, Date: dateOf(r.day), Source: sc.Source(), Outlet: sc.Outlet,
		Figure: p.claimFigure(r.ci), Interval: sc.Claim.Interval, Series: p.series[r.series].key,
		Sentence: sc.Claim.Sentence, Span: sc.Claim.Span, Start: sc.Claim.Start, End: sc.Claim.End,
	}
}

// figure writes a figure as its first claim wrote it.
func (p *prep) figure(f *fig) string {
	return p.claimFigure(p.recs[p.ord[f.lo]].ci)
}

// claimFigure returns claim ci's Figure, written once a claim: findings
// cite a claim many times over, and writing a decimal costs.
func (p *prep) claimFigure(ci int32) string {
	if p.figText == nil {
		p.figText = make([]string, len(p.claims))
	}
	s := p.figText[ci]
	if s == "" {
		s = p.claims[ci].Claim.Figure()
		p.figText[ci] = s
	}
	return s
}

// possessive writes a name's possessive: "UN OCHA's", "Israeli
// officials'".
func possessive(name string) string {
	if strings.HasSuffix(name, "s") {
		return name + "'"
	}
	return name + "'s"
}

// categoryWords says what happened in a phrase: "people held hostage".
func categoryWords(c tracker.Category) string {
	if c == tracker.Hostage {
		return "held hostage"
	}
	return string(c)
}

// what names a series in a sentence: "women killed in Gaza", "people
// killed at al-Ahli Arab hospital".
func (p *prep) what(s int32) string {
	// (written once a series: each of a million findings names its
	// series)
	if len(p.whatText) != len(p.series) {
		p.whatText = make([]string, len(p.series))
	}
	if w := p.whatText[s]; w != "" {
		return w
	}
	si := &p.series[s]
	w := si.key.phrase(si.site)
	p.whatText[s] = w
	return w
}

// figPast is the other time a figure's first claim is about (its
// context's Past), "" for today's.
func (p *prep) figPast(f *fig) string {
	recs := p.figRecs(f)
	if len(recs) == 0 {
		return ""
	}
	return p.claims[p.recs[recs[0]].ci].Claim.Context.Past
}
