package reconcile

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/tollproject/toll/tracker"
)

// Options select and tune what the entry points read. The zero value uses
// every claim that counts, the default taxonomy, the sources view and a
// window of 0 (same day only).
type Options struct {
	// Category keeps one category; empty keeps all.
	Category tracker.Category
	// Who keeps one group, named as written or by an alias ("kids" keeps
	// children); empty keeps all.
	Who string
	// Where keeps one place, named as written or by an alias ("the Gaza
	// Strip" keeps Gaza); empty keeps all.
	Where string
	// Source keeps figures whose attribution, outlet or canonical source
	// name holds this text, case-insensitively; empty keeps all.
	Source string
	// Since and Until keep figures whose date (as of, else the report's
	// published date) is within them, both inclusive; zero is no bound.
	Since, Until tracker.Date
	// ReviewedOnly uses only accepted and corrected claims; by default
	// unreviewed ones count too (rejected ones never do).
	ReviewedOnly bool
	// Window is how many days apart two sources' figures may be and still
	// be compared (sources_disagree) or aligned (Diff). 0 means the same
	// day. A wider window compares cumulative figures of different days
	// only in the one direction growth cannot explain: an earlier lower
	// bound above a later upper bound, for killed and injured.
	Window int
	// View is the timeline view; empty means sources.
	View View
	// Taxonomy normalises groups, places and sources; nil means
	// DefaultTaxonomy().
	Taxonomy *Taxonomy
	// Decisions are the user's series decisions, applied in order (see
	// tracker.SeriesDecision): merges and moves change which claims form
	// a series, names and notes label it.
	Decisions []tracker.SeriesDecision
	// OnSkip, when not nil, is told of each decision that could not be
	// applied to these claims.
	OnSkip func(Skip)
	// sourceSide, set by Diff, gives a side to a context claim that its
	// own source's name gave none (sideNeither), by the name its source
	// has once one body's names are merged: "the fire agency" of a live
	// blog is the "National Fire Agency" a diff names
	sourceSide func(name string) int8
}

// sideNeither is the side Diff's function gives a claim whose source's
// name matches neither A nor B (-1: both).
const sideNeither = -2

func (o Options) validate() error {
	if o.Window < 0 {
		return fmt.Errorf("%w: window %d is negative", ErrBadOptions, o.Window)
	}
	if o.Category != "" {
		if _, err := tracker.ParseCategory(string(o.Category)); err != nil {
			return fmt.Errorf("%w: %w", ErrBadOptions, err)
		}
	}
	if _, err := ParseView(string(o.View)); err != nil {
		return err
	}
	if !o.Since.IsZero() && !o.Until.IsZero() && o.Until.Before(o.Since) {
		return fmt.Errorf("%w: until %s is before since %s", ErrBadOptions, o.Until, o.Since)
	}
	return nil
}

// SeriesKey names one quantity over time: what happened (category), to
// whom (canonical group), where (canonical place, "" when unstated) and
// whether the figures are running totals, period counts or single events
// (scope).
type SeriesKey struct {
	Category tracker.Category `json:"category"`
	Who      string           `json:"who"`
	Where    string           `json:"where"`
	Scope    tracker.Scope    `json:"scope"`
	// Split is the decision that set a claim apart in a series of its
	// own (tracker.NewSeries); empty for every series claims form.
	Split string `json:"split,omitempty"`
	// Event is the class of event a series counts ("earthquake", "storm
	// and floods", "wildfire", "violence", "disease", or a disease's
	// name) when its claims were read with their report;
	// empty otherwise.
	Event string `json:"event,omitempty"`
	// Past is the other time a historical toll is about ("1960"); such a
	// series never joins a current one.
	Past string `json:"past,omitempty"`
	// Since is the first day (YYYY-MM-DD) of a later run of one
	// quantity's figures, set apart from the run before by more than
	// epochGap days without a figure: another event of the same kind in
	// the same place. Empty for a series' first run and outside report
	// context.
	Since string `json:"since,omitempty"`
}

// String writes the key as a phrase: "palestinians killed in Gaza
// (cumulative)", "people held hostage in Gaza (cumulative)".
func (k SeriesKey) String() string { return k.title(false) }

// phrase names what the series counts: "women killed in Gaza", "people
// killed at al-Ahli Arab hospital" (at an event site).
func (k SeriesKey) phrase(site bool) string {
	w := k.Who + " " + categoryWords(k.Category)
	switch {
	case k.Where == "":
	case site:
		w += " at " + k.Where
	default:
		w += " in " + k.Where
	}
	return w
}

// title is the phrase with the scope: "(cumulative)", "(period)",
// "(scope unknown)", and "event site" for a site.
func (k SeriesKey) title(site bool) string {
	scope := string(k.Scope)
	if k.Scope == tracker.UnknownScope {
		scope = "scope unknown"
		if k.Event != "" {
			scope = "single incidents"
		}
	}
	if k.Past != "" {
		scope = "in " + k.Past
	}
	if k.Event != "" {
		scope += ", " + k.Event
	}
	if k.Since != "" {
		scope += ", from " + k.Since
	}
	if site {
		scope = "event site, " + scope
	}
	if k.Split != "" {
		scope += ", set apart"
	}
	return k.phrase(site) + " (" + scope + ")"
}

// noDay is the day of an undated claim; it sorts first.
const noDay = math.MinInt32

// dayOf returns the days since 1970-01-01 of a date, or noDay.
func dayOf(d tracker.Date) int32 {
	if d.IsZero() {
		return noDay
	}
	return int32(d.Time().Unix() / 86400)
}

// dateOf is the inverse of dayOf.
func dateOf(day int32) tracker.Date {
	if day == noDay {
		return tracker.Date{}
	}
	return tracker.NewDate(1970, 1, 1+int(day))
}

// rec is one counted claim, normalised. Indexes point into prep's tables;
// the interval stays in the claim (see prep.iv), and lo and hi copy its
// bounds as int64 for fast ordering unless big is set.
type rec struct {
	ci       int32 // index into the input claims
	series   int32
	source   int32
	report   int32 // interned report id
	sentence int32 // interned sentence of a single event; -1 otherwise
	day      int32 // the date the figure refers to
	from, to int32 // a period figure's bounds; noDay when not dates
	lo, hi   int64
	// group and place as the sentence wrote them (canonical), whatever
	// series the report context put the claim in: parts of a total are
	// read from the sentence
	wgroup, wplace int32
	side           int8 // Diff's side (1 for A, 2 for B); 0 elsewhere
	// outlet: a context claim whose figure no one in the text gives; its
	// source is the outlet's (or the relay's) name
	outlet  bool
	prior   bool
	revised bool
	// down: a prior its sentence says the count fell from ("revised to
	// 153, from 157"), not the "up from" a prior usually is
	down bool
	open bool // no upper bound
	// twin: a headline's rounding of a body figure of its report, given
	// that figure's bounds (headlineTwins)
	twin bool
	big  bool // a bound is not an int64: compare the decimals
}

// iv returns a record's interval.
func (p *prep) iv(ri int32) tracker.Interval { return p.claims[p.recs[ri].ci].Claim.Interval }

// setBounds fills lo, hi, open and big from an interval.
func (r *rec) setBounds(iv tracker.Interval) {
	r.open = iv.Unbounded
	var ok bool
	if r.lo, ok = smallInt(iv.Low); !ok {
		r.big = true
	}
	if !iv.Unbounded {
		if r.hi, ok = smallInt(iv.High); !ok {
			r.big = true
		}
	}
}

// smallInt returns d as an int64 when its exponent is 0 (as decimals
// read from "1100" are) and it has at most 18 digits; anything else is
// compared as a decimal.
func smallInt(d decimal.Decimal) (int64, bool) {
	if d.Exponent() != 0 || d.NumDigits() > 18 {
		return 0, false
	}
	return d.CoefficientInt64(), true
}

// seriesInfo is one series with its normalised parts.
type seriesInfo struct {
	key                SeriesKey
	group, place       int32
	catRank, scopeRank int8
	site               bool
	ctx                bool // formed from report context (context.go)
}

// nameInfo is a canonical name with its comparison key.
type nameInfo struct {
	key, name string
}

// fig is a figure: the claims of one source in one series on one day
// (and period) that give the same interval. Checks reason over figures,
// so that five outlets quoting one ministry figure make one finding, not
// five.
type fig struct {
	side           int8
	series, source int32
	day, from, to  int32
	iv             *tracker.Interval // the first claim's
	revised        bool              // a claim says the figure was revised
	lo, hi         int32             // its claims are ord[lo:hi]
}

// prep is the claims normalised and indexed for one call.
type prep struct {
	tax     *Taxonomy
	claims  []tracker.StoredClaim
	recs    []rec
	series  []seriesInfo
	sources []nameInfo
	groups  []nameInfo
	places  []nameInfo
	placeOf map[string]int32 // place key → index
	groupOf map[string]int32

	ord    []int32 // indexes of non-prior recs, by series, source, day, period, interval, figure, claim id
	priors []int32 // indexes of prior recs, by claim id
	figs   []fig

	provs     []Provenance // see provenance
	provsUsed int

	figText  []string // see claimFigure
	whatText []string // see what

	partMemo map[[2]int32]bool
	disjMemo map[[2]int32]bool
	siteMemo []int8 // isSite by place index: 0 not asked, 1 no, 2 yes

	countryMemo map[string][2]string // countryNamed by place id

	decided *decided // what opts.Decisions did; nil when none
}

// prepare normalises the claims that count. With filter set it keeps only
// those matching opts' category, who, where and source; otherwise every
// counted claim is kept and p.matchRec tells which match. side, when not
// nil, gives each claim a side (Diff's A and B); a negative side drops the
// claim.
func prepare(claims []tracker.StoredClaim, opts Options, filter bool, side func(ci int, sc *tracker.StoredClaim) int8) (*prep, error) {
	if err := opts.validate(); err != nil {
		return nil, err
	}
	if len(claims) > math.MaxInt32 {
		return nil, fmt.Errorf("%w: %d claims, at most %d", ErrBadOptions, len(claims), math.MaxInt32)
	}
	tax := opts.Taxonomy
	if tax == nil {
		tax = DefaultTaxonomy()
	}
	p := &prep{
		tax: tax, claims: claims, placeOf: map[string]int32{}, groupOf: map[string]int32{},
		partMemo: map[[2]int32]bool{}, disjMemo: map[[2]int32]bool{},
	}
	type groupNorm struct{ group, place int32 }
	type seriesID struct {
		cat          tracker.Category
		scope        tracker.Scope
		group, place int32
	}
	reportOf := map[string]int32{}
	sentenceOf := map[string]int32{}
	whoCache := map[string]groupNorm{}
	whereCache := map[string]int32{}
	// a context claim's source is keyed with its place: "the health
	// ministry" of two countries is two origins
	type sourceRaw struct {
		raw, placeID string
		ctx          bool
	}
	sourceCache := map[sourceRaw]int32{}
	var memo ctxMemo // per distinct context key, not per claim
	sourceOf := map[string]int32{}
	seriesOf := map[seriesID]int32{}
	var ctxRecs []ctxRec
	canonSrc := map[int32]bool{}                // sources named by the taxonomy
	srcCountries := map[int32]map[string]bool{} // the countries of each source's context claims
	var f filterSpec
	if filter {
		f = newFilterSpec(tax, opts)
	}

	placeIndex := func(raw string) int32 {
		if i, ok := whereCache[raw]; ok {
			return i
		}
		key, canon := tax.placeKey(raw)
		name := canon
		if name == "" {
			name = trimName(raw)
		}
		i, ok := p.placeOf[key]
		if !ok {
			i = int32(len(p.places))
			p.placeOf[key] = i
			p.places = append(p.places, nameInfo{key: key, name: name})
		} else if canon == "" && name < p.places[i].name {
			// unknown places show their smallest spelling, whatever
			// the input order
			p.places[i].name = name
		}
		whereCache[raw] = i
		return i
	}
	groupIndex := func(g string) int32 {
		i, ok := p.groupOf[g]
		if !ok {
			i = int32(len(p.groups))
			p.groupOf[g] = i
			p.groups = append(p.groups, nameInfo{key: g, name: g})
		}
		return i
	}

	readAll := readWithContext(claims)
	p.recs = make([]rec, 0, len(claims))
	for ci := range claims {
		sc := &claims[ci]
		if !sc.Counts() || opts.ReviewedOnly && sc.Status != tracker.Accepted && sc.Status != tracker.Corrected {
			continue
		}
		ctx := hasContext(&sc.Claim) || readAll && strings.TrimSpace(sc.Claim.Where) == ""
		var sd int8
		if side != nil {
			// a claim of neither side is dropped, but one read with its
			// report's context only once the series are formed: series
			// (and their ids) never depend on which sources a diff takes
			if sd = side(ci, sc); sd < 0 && !ctx {
				continue
			}
		}
		c := &sc.Claim
		if err := c.Validate(); err != nil {
			return nil, fmt.Errorf("%w %s (report %s): %w", ErrInvalidClaim, sc.ID, sc.ReportID, err)
		}
		gn, ok := whoCache[c.Who]
		if !ok {
			g, implied := tax.group(c.Who)
			gn = groupNorm{group: groupIndex(g), place: -1}
			if implied != "" {
				gn.place = placeIndex(implied)
			}
			whoCache[c.Who] = gn
		}
		place := gn.place
		if strings.TrimSpace(c.Where) != "" || place < 0 {
			place = placeIndex(c.Where)
		}
		var si int32 = -1
		if !ctx {
			sid := seriesID{cat: c.Category, scope: c.Scope, group: gn.group, place: place}
			var ok bool
			si, ok = seriesOf[sid]
			if !ok {
				si = int32(len(p.series))
				seriesOf[sid] = si
				p.series = append(p.series, seriesInfo{group: gn.group, place: place})
			}
		}
		raw := sc.Source()
		attributed := true
		if ctx {
			// "Morocco's interior ministry" and "the interior ministry"
			// in a report about Morocco are one origin; a phrase the
			// sentence pass took for a source ("raised the") is none
			raw, attributed = memo.source(sc)
		}
		cacheKey := sourceRaw{raw: raw}
		if ctx {
			cacheKey = sourceRaw{raw, c.Context.PlaceID, true}
		}
		src, ok := sourceCache[cacheKey]
		if !ok {
			key, canon := tax.sourceKey(raw)
			if canon == "" && hasContext(c) {
				key, canon = tax.sourceKey(originName(raw, c.Context.PlaceID))
			}
			name := canon
			if name == "" {
				name = trimName(raw)
			}
			src, ok = sourceOf[key]
			if !ok {
				src = int32(len(p.sources))
				sourceOf[key] = src
				p.sources = append(p.sources, nameInfo{key: key, name: name})
				if canon != "" {
					canonSrc[src] = true
				}
			} else if canon != "" {
				p.sources[src].name = name
				canonSrc[src] = true
			} else if !canonSrc[src] && (len(name) > len(p.sources[src].name) || len(name) == len(p.sources[src].name) && name < p.sources[src].name) {
				// the fullest name shows ("Gaza health ministry", not
				// "health ministry"), whatever the input order
				p.sources[src].name = name
			}
			sourceCache[cacheKey] = src
			if hasContext(c) {
				if cc := countryOf(c.Context.PlaceID); cc != "" {
					if srcCountries[src] == nil {
						srcCountries[src] = map[string]bool{}
					}
					srcCountries[src][cc] = true
				}
			}
		}
		// A claim read with its report's context, or any claim when there
		// are decisions, is filtered once the series are formed (filterRecs):
		// the claims a filter drops would change the others' series and ids.
		if filter && len(opts.Decisions) == 0 && !ctx && !f.matchClaim(p, sc, gn.group, place, src, c.Category) {
			continue
		}
		asOf := c.AsOf
		if asOf.IsZero() {
			asOf = sc.Published
		}
		rep, ok := reportOf[sc.ReportID]
		if !ok {
			rep = int32(len(reportOf))
			reportOf[sc.ReportID] = rep
		}
		r := rec{ci: int32(ci), series: si, side: sd, source: src, report: rep, sentence: -1, wgroup: gn.group, wplace: place, outlet: !attributed,
			day: dayOf(asOf), from: noDay, to: noDay, prior: c.Prior, revised: c.Revised}
		r.setBounds(c.Interval)
		incident := c.Scope == tracker.UnknownScope
		if ctx {
			g := gn.group
			pid := c.Context.PlaceID
			if c.Context.Place != "" && (pid == "" || strings.Contains(pid, "/")) {
				// a place or site the gazetteer does not know: by the
				// taxonomy's name ("al-Ahli hospital" is al-Ahli Arab
				// hospital), whatever place each report is about
				pid = memo.unknownPlace(tax, c.Context.Place)
			}
			if grp, ok := memo.group(c.Who, pid); ok {
				g = groupIndex(grp)
			}
			if c.Context.Event != "" && tax.Whole(c.Context.Event, p.groups[g].key) {
				g = groupIndex(People)
			}
			b := ctxBucket{cat: c.Category, group: g, event: eventClass(c.Context.Event), kind: ctxKindOf(c, knownFlags(sc), &memo)}
			incident = b.kind == "incident"
			// "the bombings on Wednesday killed at least 84", in Thursday's
			// report: the event's day, not a count for that day, so the
			// figure is the toll as Thursday knew it (dated Wednesday, it
			// was a same-day rival of Wednesday's first 103, and Tuesday's
			// 1,411 for Sunday's quake "fell" to Monday's 800). Only the
			// dead and the injured: "hostages taken on October 7" were
			// taken that day.
			if b.kind == "total" && c.Scope == tracker.Period && c.From == c.To && countCannotFall(c.Category) { // (eventDayTotal, the kind known)
				if pd := dayOf(sc.Published); pd != noDay && r.day != noDay && pd > r.day {
					r.day = pd
				}
			}
			inherited := c.Context.PlaceFrom != "sentence" && c.Context.PlaceFrom != "group"
			if ctxRecs == nil {
				ctxRecs = make([]ctxRec, 0, len(claims)-ci) // (grown one by one, a million cost a second)
			}
			ctxRecs = append(ctxRecs, ctxRec{ri: int32(len(p.recs)), bucket: b, place: pid, readPlace: c.Context.PlaceID, name: c.Context.Place, report: rep, day: r.day, inherited: inherited, datelineOnly: c.Context.PlaceFrom == "dateline", oneSite: tax.OneSite(c.Context.Event)})
		}
		switch {
		case c.Scope == tracker.Period:
			r.from, r.to = periodDays(c.From, c.To)
		case incident:
			sn, ok := sentenceOf[c.Sentence]
			if !ok {
				sn = int32(len(sentenceOf))
				sentenceOf[c.Sentence] = sn
			}
			r.sentence = sn
		}
		p.recs = append(p.recs, r)
	}
	if len(ctxRecs) > 0 {
		type ctxSeriesID struct {
			b            ctxBucket
			place, since string
		}
		ctxSeries := map[ctxSeriesID]int32{}
		p.resolveContext(ctxRecs, func(b ctxBucket, place, name, since string) int32 {
			k := ctxSeriesID{b, place, since}
			if si, ok := ctxSeries[k]; ok {
				return si
			}
			si := int32(len(p.series))
			ctxSeries[k] = si
			pl := placeIndex(name)
			if place != "" {
				pl = p.ctxPlace(place, name)
			}
			p.series = append(p.series, seriesInfo{group: b.group, place: pl, ctx: true, key: SeriesKey{
				Category: b.cat, Who: p.groups[b.group].name, Where: p.places[pl].name,
				Scope: ctxScope(b.kind), Event: b.event, Past: strings.TrimPrefix(b.kind, "past "), Since: since,
			}})
			if !strings.HasPrefix(b.kind, "past ") {
				p.series[si].key.Past = ""
			}
			return si
		})
	}
	p.mergeExtendedSources(canonSrc, srcCountries)
	// Fill in series keys, then renumber series and sources in key order
	// so that every later ordering is independent of the input order.
	for i := range p.series {
		s := &p.series[i]
		s.site = tax.IsSite(p.places[s.place].name)
	}
	for sid, i := range seriesOf {
		s := &p.series[i]
		s.key = SeriesKey{Category: sid.cat, Who: p.groups[sid.group].name,
			Where: p.places[sid.place].name, Scope: sid.scope}
	}
	for i := range p.series {
		s := &p.series[i]
		s.catRank, s.scopeRank = int8(categoryRank(s.key.Category)), int8(scopeRank(s.key.Scope))
	}
	for src, cs := range srcCountries {
		if len(cs) > 1 && !canonSrc[src] {
			// one name for the health ministries of several countries:
			// the fullest one ("Israeli health ministry") would name
			// one country's for all, so the name drops its place word
			p.sources[src].name = originName(p.sources[src].name, "")
		}
	}
	p.decide(opts, side == nil && !opts.ReviewedOnly)
	if filter && (len(opts.Decisions) > 0 || len(ctxRecs) > 0) {
		p.filterRecs(f) // after the context and the decisions: see above
	}
	if side != nil {
		if opts.sourceSide != nil {
			for ri := range p.recs {
				if r := &p.recs[ri]; r.side == sideNeither {
					if sd := opts.sourceSide(p.sources[r.source].name); sd > 0 {
						r.side = sd
					}
				}
			}
		}
		n := 0
		for ri := range p.recs {
			if p.recs[ri].side >= 0 {
				p.recs[n] = p.recs[ri]
				n++
			}
		}
		p.recs = p.recs[:n]
	}
	p.headlineTwins()
	p.renumber()
	p.index()
	return p, nil
}

// holds reports whether every count of inner lies in outer.
func holds(outer, inner tracker.Interval) bool {
	if !outer.Contains(inner.Low) {
		return false
	}
	return outer.Unbounded || !inner.Unbounded && outer.Contains(inner.High)
}

// headlineTwins gives a headline's figure the day, period and source of
// the body's figure it heads: "Mpox deaths in Africa reach 866" over
// "Africa has recorded 866 deaths since the start of 2024, the Africa CDC
// said" is one figure of one origin, not two (findings cited each apart,
// and twice), and "WHO: nearly a thousand mpox deaths" over "996 deaths
// from January 1 to September 29" is the 996 of 29 September rounded, not
// a rival of it dated the day of publication. The body's figure is the
// first of its report in text order in the same series whose interval
// equals the headline's, else the first that the headline's holds.
// Limits: a headline whose figure no body figure equals or falls in keeps
// its own reading; so does one in a series of its own (a place the body
// does not name).
func (p *prep) headlineTwins() {
	var heads []int32
	for i := range p.recs {
		r := &p.recs[i]
		if !r.prior && r.day != noDay && p.claims[r.ci].Claim.Context.Headline {
			heads = append(heads, int32(i))
		}
	}
	if len(heads) == 0 {
		return
	}
	reports := map[int32]bool{}
	for _, h := range heads {
		reports[p.recs[h].report] = true
	}
	body := map[[2]int32][]int32{} // report and series → body records, in text order
	for i := range p.recs {
		r := &p.recs[i]
		if !r.prior && reports[r.report] && r.day != noDay && !p.claims[r.ci].Claim.Context.Headline {
			k := [2]int32{r.report, r.series}
			body[k] = append(body[k], int32(i))
		}
	}
	for _, bs := range body {
		slices.SortFunc(bs, func(a, b int32) int {
			return cmp.Compare(p.claims[p.recs[a].ci].Claim.Start, p.claims[p.recs[b].ci].Claim.Start)
		})
	}
	for _, h := range heads {
		hr := &p.recs[h]
		bs := body[[2]int32{hr.report, hr.series}]
		if len(bs) == 0 {
			continue
		}
		twin := int32(-1)
		for _, b := range bs {
			if p.compareRecIntervals(hr, &p.recs[b]) == 0 {
				twin = b
				break
			}
		}
		if twin < 0 {
			hiv := p.claims[hr.ci].Claim.Interval
			for _, b := range bs {
				if biv := p.claims[p.recs[b].ci].Claim.Interval; holds(hiv, biv) {
					twin = b
					break
				}
			}
		}
		if twin < 0 {
			continue
		}
		br := &p.recs[twin]
		hr.day, hr.from, hr.to, hr.source, hr.outlet = br.day, br.from, br.to, br.source, br.outlet
		if p.compareRecIntervals(hr, br) != 0 {
			// (the rounded headline is the body's figure: one figure
			// whose first, shown record is the body's)
			hr.setBounds(p.claims[br.ci].Claim.Interval)
			hr.twin = true
		}
	}
}

// periodDays reads a period's From and To as days; noDay when either is
// not a date (words kept as written, like "overnight").
func periodDays(from, to string) (int32, int32) {
	f, err1 := tracker.ParseDate(from)
	t, err2 := tracker.ParseDate(to)
	if err1 != nil || err2 != nil || f.IsZero() || t.IsZero() || t.Before(f) {
		return noDay, noDay
	}
	return dayOf(f), dayOf(t)
}

// categoryRank orders categories as tracker.Categories() lists them.
func categoryRank(c tracker.Category) int {
	if i := slices.Index(tracker.Categories(), c); i >= 0 {
		return i
	}
	return len(tracker.Categories())
}

func scopeRank(s tracker.Scope) int {
	switch s {
	case tracker.Cumulative:
		return 0
	case tracker.Period:
		return 1
	}
	return 2
}

func compareSeriesKey(a, b SeriesKey) int {
	return cmp.Or(
		cmp.Compare(categoryRank(a.Category), categoryRank(b.Category)),
		compareFold(a.Who, b.Who),
		compareFold(a.Where, b.Where),
		cmp.Compare(scopeRank(a.Scope), scopeRank(b.Scope)),
		strings.Compare(a.Split, b.Split),
		strings.Compare(a.Event, b.Event),
		strings.Compare(a.Past, b.Past),
	)
}

// compareFold orders names as a reader would, ignoring case, and by bytes
// only to break ties.
func compareFold(a, b string) int {
	return cmp.Or(strings.Compare(strings.ToLower(a), strings.ToLower(b)), strings.Compare(a, b))
}

// renumber sorts series by key and sources by key and rewrites the recs.
func (p *prep) renumber() {
	sOrder := make([]int32, len(p.series))
	for i := range sOrder {
		sOrder[i] = int32(i)
	}
	slices.SortFunc(sOrder, func(a, b int32) int { return compareSeriesKey(p.series[a].key, p.series[b].key) })
	sNew := make([]int32, len(p.series))
	series := make([]seriesInfo, len(p.series))
	for n, old := range sOrder {
		sNew[old] = int32(n)
		series[n] = p.series[old]
	}
	p.series = series

	srcOrder := make([]int32, len(p.sources))
	for i := range srcOrder {
		srcOrder[i] = int32(i)
	}
	slices.SortFunc(srcOrder, func(a, b int32) int { return strings.Compare(p.sources[a].key, p.sources[b].key) })
	srcNew := make([]int32, len(p.sources))
	sources := make([]nameInfo, len(p.sources))
	for n, old := range srcOrder {
		srcNew[old] = int32(n)
		sources[n] = p.sources[old]
	}
	p.sources = sources
	for i := range p.recs {
		p.recs[i].series = sNew[p.recs[i].series]
		p.recs[i].source = srcNew[p.recs[i].source]
	}
}

// compareIntervals orders by low, then bounded before unbounded, then high.
func compareIntervals(a, b tracker.Interval) int {
	if c := a.Low.Cmp(b.Low); c != 0 {
		return c
	}
	if a.Unbounded != b.Unbounded {
		if a.Unbounded {
			return 1
		}
		return -1
	}
	if a.Unbounded {
		return 0
	}
	return a.High.Cmp(b.High)
}

// compareClaims breaks ties between records by the claim's identity, so
// that equal records sort the same whatever the input order.
func (p *prep) compareClaims(a, b *rec) int {
	ca, cb := &p.claims[a.ci], &p.claims[b.ci]
	// (not cmp.Or: its arguments are all evaluated, and this is hot)
	if c := strings.Compare(ca.ID, cb.ID); c != 0 {
		return c
	}
	if c := strings.Compare(ca.ReportID, cb.ReportID); c != 0 {
		return c
	}
	if c := cmp.Compare(ca.Claim.Start, cb.Claim.Start); c != 0 {
		return c
	}
	if c := cmp.Compare(ca.Claim.End, cb.Claim.End); c != 0 {
		return c
	}
	return strings.Compare(ca.Claim.Sentence, cb.Claim.Sentence)
}

// index sorts the records and builds the figures. Records are first
// put in series order by a counting sort, so that the comparison sort
// only orders each series' few records.
func (p *prep) index() {
	nonPrior := make([]int32, 0, len(p.recs))
	for i := range p.recs {
		if p.recs[i].prior {
			p.priors = append(p.priors, int32(i))
		} else {
			nonPrior = append(nonPrior, int32(i))
		}
	}
	slices.SortFunc(p.priors, func(a, b int32) int { return p.compareClaims(&p.recs[a], &p.recs[b]) })
	p.statedFalls()
	var bounds []int
	p.ord, bounds = countingSort(nonPrior, len(p.series), func(ri int32) int { return int(p.recs[ri].series) })
	for s := 0; s+1 < len(bounds); s++ {
		slices.SortFunc(p.ord[bounds[s]:bounds[s+1]], p.compareInSeries)
	}
	n := 0
	for i := range p.ord {
		if i == 0 || !p.sameRec(&p.recs[p.ord[i-1]], &p.recs[p.ord[i]]) {
			n++
		}
	}
	p.figs = make([]fig, 0, n)
	for i := 0; i < len(p.ord); {
		r := &p.recs[p.ord[i]]
		f := fig{side: r.side, series: r.series, source: r.source, day: r.day, from: r.from, to: r.to,
			iv: &p.claims[r.ci].Claim.Interval, lo: int32(i)}
		for i < len(p.ord) && p.sameRec(r, &p.recs[p.ord[i]]) {
			f.revised = f.revised || p.recs[p.ord[i]].revised
			i++
		}
		f.hi = int32(i)
		p.figs = append(p.figs, f)
	}
}

// statedFalls marks as revised a dead or injured count whose own sentence
// gives a higher earlier figure: "95 people were killed, revising the
// figure down from 103", "lowered the toll to 84 from 95". The text says
// the count fell, so it is a revision of that figure, not a rival of it
// (nor a fall to flag). Priors are few: only the records of reports that
// hold one are looked at.
func (p *prep) statedFalls() {
	if len(p.priors) == 0 {
		return
	}
	byReport := map[int32][]int32{}
	for _, pi := range p.priors {
		byReport[p.recs[pi].report] = append(byReport[p.recs[pi].report], pi)
	}
	for i := range p.recs {
		r := &p.recs[i]
		if r.prior || r.revised {
			continue
		}
		prs, ok := byReport[r.report]
		if !ok {
			continue
		}
		c := &p.claims[r.ci].Claim
		if !countCannotFall(c.Category) {
			continue
		}
		for _, pi := range prs {
			pr := &p.recs[pi]
			pc := &p.claims[pr.ci].Claim
			if pc.Category != c.Category || pc.Sentence != c.Sentence {
				continue
			}
			// (on the decimals: few records get here)
			if iv := c.Interval; iv.Unbounded && iv.Low.Cmp(pc.Interval.Low) < 0 || !iv.Unbounded && iv.High.Cmp(pc.Interval.Low) < 0 {
				r.revised = true
				pr.down = true
			}
		}
	}
}

// countingSort returns idx grouped by key (0 <= key < nkeys), stable, and
// where each key's run starts: run k is out[bounds[k]:bounds[k+1]].
func countingSort(idx []int32, nkeys int, key func(int32) int) (out []int32, bounds []int) {
	bounds = make([]int, nkeys+1)
	for _, i := range idx {
		bounds[key(i)+1]++
	}
	for k := 1; k <= nkeys; k++ {
		bounds[k] += bounds[k-1]
	}
	next := slices.Clone(bounds[:nkeys])
	out = make([]int32, len(idx))
	for _, i := range idx {
		k := key(i)
		out[next[k]] = i
		next[k]++
	}
	return out, bounds
}

// compareInSeries orders two records of one series: side, source, day,
// period, interval, wording, then the claim's identity.
func (p *prep) compareInSeries(a, b int32) int {
	ra, rb := &p.recs[a], &p.recs[b]
	if c := cmp.Or(
		cmp.Compare(ra.side, rb.side),
		cmp.Compare(ra.source, rb.source),
		cmp.Compare(ra.day, rb.day),
		cmp.Compare(ra.from, rb.from),
		cmp.Compare(ra.to, rb.to),
	); c != 0 {
		return c
	}
	if c := p.compareRecIntervals(ra, rb); c != 0 {
		return c
	}
	if ra.twin != rb.twin {
		if ra.twin {
			return 1
		}
		return -1
	}
	ca, cb := &p.claims[ra.ci].Claim, &p.claims[rb.ci].Claim
	if c := strings.Compare(string(ca.Qualifier), string(cb.Qualifier)); c != 0 {
		return c
	}
	if c := strings.Compare(ca.Vague, cb.Vague); c != 0 {
		return c
	}
	return p.compareClaims(ra, rb)
}

// sameRec reports whether two records give one figure.
func (p *prep) sameRec(a, b *rec) bool {
	return a.series == b.series && a.side == b.side && a.source == b.source && a.day == b.day &&
		a.from == b.from && a.to == b.to && p.compareRecIntervals(a, b) == 0
}

// compareRecIntervals is compareIntervals on records, on int64s when both
// fit.
func (p *prep) compareRecIntervals(a, b *rec) int {
	if a.big || b.big {
		return compareIntervals(p.claims[a.ci].Claim.Interval, p.claims[b.ci].Claim.Interval)
	}
	if c := cmp.Compare(a.lo, b.lo); c != 0 {
		return c
	}
	if a.open != b.open {
		if a.open {
			return 1
		}
		return -1
	}
	if a.open {
		return 0
	}
	return cmp.Compare(a.hi, b.hi)
}

// figRecs returns the records of a figure.
func (p *prep) figRecs(f *fig) []int32 { return p.ord[f.lo:f.hi] }

// partOf is Taxonomy.PartOf on group indexes, memoised.
func (p *prep) partOf(a, b int32) bool {
	k := [2]int32{a, b}
	v, ok := p.partMemo[k]
	if !ok {
		v = p.tax.PartOf(p.groups[a].name, p.groups[b].name)
		p.partMemo[k] = v
	}
	return v
}

// isSite is Taxonomy.IsSite on a place index, memoised (checks ask it of
// every pair of a report's figures).
func (p *prep) isSite(place int32) bool {
	if len(p.siteMemo) != len(p.places) {
		p.siteMemo = append(p.siteMemo, make([]int8, len(p.places)-len(p.siteMemo))...)
	}
	v := p.siteMemo[place]
	if v == 0 {
		v = 1
		if p.tax.IsSite(p.places[place].name) {
			v = 2
		}
		p.siteMemo[place] = v
	}
	return v == 2
}

// disjoint is Taxonomy.Disjoint on group indexes, memoised.
func (p *prep) disjoint(a, b int32) bool {
	k := [2]int32{a, b}
	v, ok := p.disjMemo[k]
	if !ok {
		v = p.tax.Disjoint(p.groups[a].name, p.groups[b].name)
		p.disjMemo[k] = v
	}
	return v
}

// filterSpec is Options' filters resolved against the taxonomy.
type filterSpec struct {
	category          tracker.Category
	group, place, src string // normalised; "" matches all
	hasPlace          bool
	// placeID is the gazetteer's id of the place asked for when the
	// taxonomy does not know it, to match context series by id
	placeID      string
	since, until tracker.Date // zero: no bound
}

func newFilterSpec(tax *Taxonomy, o Options) filterSpec {
	f := filterSpec{category: o.Category, src: strings.ToLower(strings.TrimSpace(o.Source)), since: o.Since, until: o.Until}
	if strings.TrimSpace(o.Who) != "" {
		f.group = tax.groupName(o.Who)
	}
	if strings.TrimSpace(o.Where) != "" {
		var canon string
		f.place, canon = tax.placeKey(o.Where)
		f.hasPlace = true
		if pl, ok := gaz().Resolve(trimName(o.Where)); ok && canon == "" {
			f.placeID = pl.ID
		}
	}
	return f
}

func (f filterSpec) active() bool {
	return f.category != "" || f.group != "" || f.hasPlace || f.src != "" || !f.since.IsZero() || !f.until.IsZero()
}

func (f filterSpec) matchClaim(p *prep, sc *tracker.StoredClaim, group, place, src int32, cat tracker.Category) bool {
	if f.category != "" && cat != f.category {
		return false
	}
	if f.group != "" && p.groups[group].key != f.group {
		return false
	}
	if f.hasPlace && !p.placeMatches(f, place) {
		return false
	}
	if f.src != "" && !sourceMatches(f.src, sc, p.sources[src].name) {
		return false
	}
	return f.inDates(sc, true)
}

// placeMatches reports whether place index i is the filter's place. A
// place from report context is keyed by gazetteer id ("id:PS.GZ"), which
// no one types: it matches by the name it shows, read through the
// taxonomy ("Gaza", so "the Gaza Strip" too), or by the gazetteer's id
// of a name the taxonomy does not know.
func (p *prep) placeMatches(f filterSpec, i int32) bool {
	pl := &p.places[i]
	if pl.key == f.place {
		return true
	}
	id, ok := strings.CutPrefix(pl.key, "id:")
	if !ok {
		return false
	}
	if f.placeID != "" && id == f.placeID {
		return true
	}
	key, _ := p.tax.placeKey(pl.name)
	return key == f.place
}

// inDates reports whether the claim's date (as of, else published) is
// within since and until; shown takes the day a timeline shows the figure
// on instead, the report's for a total dated by its event's day
// (eventDayTotal), where a listing of claims shows and filters their own.
func (f filterSpec) inDates(sc *tracker.StoredClaim, shown bool) bool {
	if f.since.IsZero() && f.until.IsZero() {
		return true
	}
	d := sc.Claim.AsOf
	if d.IsZero() || shown && eventDayTotal(&sc.Claim, knownFlags(sc)) && sc.Published.After(d) {
		d = sc.Published
	}
	return !(!f.since.IsZero() && d.Before(f.since) || !f.until.IsZero() && d.After(f.until))
}

// readWithContext reports whether claims that have no context are read
// with their reports all the same: when some claim was (the store was
// extracted by rules that read report context). A claim whose sentence and
// report gave it nothing (no place, no event, no relay: a live blog's "The
// toll is now 10" under a headline that names no place, a local paper's
// bulletin story that names only "the Civil Defence") then has an empty
// Context, as a claim extracted before report context existed does; read
// with its report, the place its source or outlet speaks of near in time
// (placeBySource) and its event's votes reach it. A claim that names a
// place (Where) with no context is not such a claim: the rules that read
// context give every placed claim its place.
func readWithContext(claims []tracker.StoredClaim) bool {
	for ci := range claims {
		if hasContext(&claims[ci].Claim) {
			return true
		}
	}
	return false
}

// eventDayTotal reports whether a figure read with its report's context is
// a running total dated by its event's day ("the quake shortly before
// midnight on Monday has killed at least 111", in Tuesday's report): the
// toll as the report knew it, so shown on, and filtered by, the report's
// day. Only the dead and the injured: "hostages taken on October 7" were
// taken that day.
// f is the claim's text flags (0: not known).
func eventDayTotal(c *tracker.Claim, f tracker.TextFlags) bool {
	return hasContext(c) && c.Scope == tracker.Period && c.From == c.To && countCannotFall(c.Category) && ctxKindOf(c, f, nil) == "total"
}

// sourceMatches reports whether the lowercase text s is in the claim's
// attribution, its outlet or its canonical source name.
func sourceMatches(s string, sc *tracker.StoredClaim, canonical string) bool {
	return containsFold(sc.Claim.Attribution, s) || containsFold(sc.Outlet, s) || containsFold(canonical, s)
}

func containsFold(hay, lowerNeedle string) bool {
	return strings.Contains(strings.ToLower(hay), lowerNeedle)
}

// matchRec reports whether a record passes the filter (for Check, which
// reasons over every claim and then keeps the findings that touch a
// matching one).
func (p *prep) matchRec(f filterSpec, r *rec) bool {
	s := &p.series[r.series]
	sc := &p.claims[r.ci]
	return f.matchClaim(p, sc, s.group, s.place, r.source, s.key.Category)
}

// mergeExtendedSources makes one origin of a source and the one longer
// name that only adds words to it that are neither places nor peoples
// ("Taliban's disaster management ministry" and "disaster ministry",
// "the interior ministry's crisis cell" is not: its head differs). A
// shorter name of one word ("ministry") is too vague to stand for
// anything, and a longer name that extends two shorter ones is left
// alone. The fullest name shows, as for one source's other spellings.
func (p *prep) mergeExtendedSources(canon map[int32]bool, countries map[int32]map[string]bool) {
	if len(p.sources) < 2 {
		return
	}
	// two names of one body speak of one country: the interior ministry
	// of Afghanistan's quake is not the French interior ministry of a
	// cyclone in Mayotte, the store's only longer name of it (a source
	// whose figures name no country may be either)
	apart := func(i, j int32) bool {
		a, b := countries[i], countries[j]
		if len(a) == 0 || len(b) == 0 {
			return false
		}
		for c := range a {
			if b[c] {
				return false
			}
		}
		return true
	}
	words := make([][]string, len(p.sources))
	byHead := map[string][]int32{}
	for i := range p.sources {
		ws := strings.Fields(strings.NewReplacer("'s ", " ", "'", " ").Replace(p.sources[i].key + " "))
		words[i] = ws
		if len(ws) >= 2 {
			h := ws[len(ws)-1]
			byHead[h] = append(byHead[h], int32(i))
		}
	}
	to := make([]int32, len(p.sources))
	merged := false
	for i := range to {
		to[i] = int32(i)
		ws := words[i]
		if len(ws) < 3 || canon[int32(i)] {
			continue
		}
		match, n := int32(-1), 0
		for _, j := range byHead[ws[len(ws)-1]] {
			if int(j) == i || len(words[j]) >= len(ws) || canon[j] || apart(int32(i), j) {
				continue
			}
			if extras, ok := subsequence(words[j], ws); ok && plainWords(extras) {
				match, n = j, n+1
			}
		}
		if n == 1 {
			to[i] = match
			merged = true
		}
	}
	byOffice := map[int]bool{}
	// an office-holder named with the office speaks for it: "Orleans
	// Parish Coroner Dwight McKenna" is the Orleans Parish coroner,
	// "Health Minister Firass Abiad" the health ministry, when one source
	// of the store is that office (of two words or more: "coroner" alone
	// is too vague to be anyone)
	// (and a body's spokesman speaks for it: "interior ministry
	// spokesman" is the interior ministry)
	for i := range to {
		ws := words[i]
		if to[i] != int32(i) || canon[int32(i)] {
			continue
		}
		var office []string
		switch {
		case len(ws) >= 3 && spokesWord(ws[len(ws)-1]):
			office = ws[:len(ws)-1]
		case len(ws) >= 4 && personName(p.sources[i].name):
			office = ws[:len(ws)-2]
		default:
			continue
		}
		heads := []string{office[len(office)-1]}
		if heads[0] == "minister" {
			heads = append(heads, "ministry")
		}
		target := int32(-1)
		for _, h := range heads {
			for _, j := range byHead[h] {
				if int(j) == i || canon[j] || apart(int32(i), j) || !slices.Equal(words[j][:len(words[j])-1], office[:len(office)-1]) {
					continue
				}
				if t := j; target == -1 || target == t {
					target = t
				} else {
					target = -2
				}
			}
		}
		if target >= 0 {
			to[i] = target
			merged = true
			// (the office keeps its name: one "interior ministry" may be
			// Morocco's and Spain's, and its minister one country's)
			byOffice[i] = true
		}
	}
	// root is the name a merged name's chain ends at
	root := func(t int32) int32 {
		for to[t] != t {
			t = to[t]
		}
		return t
	}
	// a surname alone is the one person of that surname the store names
	// in full: "Abbott" is Greg Abbott, "Vahidi" Ahmad Vahidi, when no
	// other source ends with that word (wire copy names a speaker in full
	// once, then by surname)
	for i := range to {
		ws := words[i]
		if len(ws) != 1 || canon[int32(i)] || !startsUpper(p.sources[i].name) {
			continue
		}
		target := int32(-1)
		for _, j := range byHead[ws[0]] {
			// (a person named in full: the name's last two words
			// capitalised, whatever title comes before: "deputy Taliban
			// government spokesman Hamdullah Fitrat" is Fitrat)
			if canon[j] || !personName(p.sources[j].name) {
				target = -2
				break
			}
			if target = oneRoot(target, root(j)); target == -2 {
				break
			}
		}
		if target >= 0 {
			to[i] = target
			merged = true
		}
	}
	// a body's name alone is the one body the store names with it and a
	// word for what it is: "Bakhtar" is the state-run Bakhtar news agency
	// (and "Bakhtar agency"), "Xinhua" Xinhua news agency, when every
	// longer name holding the word is one origin already
	for i := range to {
		ws := words[i]
		if len(ws) != 1 || canon[int32(i)] || to[i] != int32(i) || !startsUpper(p.sources[i].name) {
			continue
		}
		target := int32(-1)
		for j := range p.sources {
			wj := words[j]
			if j == i || len(wj) < 2 || !slices.Contains(wj, ws[0]) {
				continue
			}
			if canon[int32(j)] || !bodyWord(wj[len(wj)-1]) || apart(int32(i), int32(j)) {
				target = -2
				break
			}
			if target = oneRoot(target, root(int32(j))); target == -2 {
				break
			}
		}
		if target >= 0 {
			to[i] = target
			merged = true
		}
	}
	if !merged {
		return
	}
	for i := range to { // a chain ends at its shortest name
		for to[to[i]] != to[i] {
			to[i] = to[to[i]]
		}
	}
	for i := range to {
		if j := to[i]; int(j) != i && !byOffice[i] {
			if n := p.sources[i].name; len(n) > len(p.sources[j].name) && !canon[j] {
				p.sources[j].name = n
			}
		}
	}
	for ri := range p.recs {
		p.recs[ri].source = to[p.recs[ri].source]
	}
}

// spokesWord reports whether a word names one who speaks for a body.
func spokesWord(w string) bool {
	switch w {
	case "spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen":
		return true
	}
	return false
}

// personName reports whether a name ends in two capitalised words, a
// given name and a surname ("Greg Abbott", "spokesman Hamdullah Fitrat").
func personName(name string) bool {
	ws := strings.Fields(name)
	return len(ws) >= 2 && startsUpper(ws[len(ws)-1]) && startsUpper(ws[len(ws)-2])
}

// startsUpper reports whether a name starts with a capital letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// subsequence reports whether short's words occur in long in order, and
// returns long's other words.
func subsequence(short, long []string) ([]string, bool) {
	var extras []string
	k := 0
	for _, w := range long {
		if k < len(short) && w == short[k] {
			k++
			continue
		}
		extras = append(extras, w)
	}
	return extras, k == len(short)
}

// plainWords reports whether words name no place, no people and no
// other level of government: the words a longer name of one body may
// add ("management", "Taliban").
func plainWords(ws []string) bool {
	for _, w := range ws {
		switch w {
		case "region", "regional", "province", "provincial", "state", "district", "county", "city", "municipal",
			"local", "prefecture", "prefectural", "governorate", "deputy", "vice", "former", "and", "&":
			// another body or person: "the Moscow region health
			// ministry" is not the health ministry, nor "Israeli and
			// Palestinian officials" Israeli officials
			return false
		}
		if _, ok := gaz().Resolve(w); ok {
			return false
		}
		// demonyms are looked up as written in names ("Palestinian")
		if _, ok := gaz().Demonym(strings.ToUpper(w[:1]) + w[1:]); ok {
			return false
		}
	}
	return true
}

// bodyWord reports a word that names what kind of body a source is, at
// the end of its name: "agency", "ministry", "broadcaster".
func bodyWord(w string) bool {
	switch w {
	case "agency", "ministry", "broadcaster", "network", "service", "office", "authority", "committee", "council", "society", "organisation", "organization", "institute", "department", "media", "news", "channel", "television", "radio":
		return true
	}
	return false
}

// oneRoot folds the root t of one more candidate into target: -1 while
// none is found, the root while all candidates share it, -2 once two
// differ.
func oneRoot(target, t int32) int32 {
	switch {
	case target == -1:
		return t
	case target != t:
		return -2
	}
	return target
}
