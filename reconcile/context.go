package reconcile

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/gazetteer"
)

// This file forms series from claims that carry their report's context
// (tracker.Claim.Context, filled by the extractor's report pass). Such a
// claim's series is not the tuple its sentence states but one quantity:
//
//   - its place is the context's place (the sentence's, else the
//     report's), by gazetteer id;
//   - its group is "people" when the sentence counts a demonym of that
//     place ("Israelis" killed in Israel), else the canonical group;
//   - its kind is a running total (cumulative and unstated scope alike),
//     a period count, one incident's toll, or a past time's toll (each past
//     time its own series);
//   - its event class (disaster, violence, disease) keeps a country's
//     cholera deaths apart from its war dead;
//   - places merge upward: a city's figures join the province's or the
//     country's series, unless the city is a part there, that is some
//     report gives the city and a place containing it different figures
//     of one quantity (Al Haouz's 1,293 beside Morocco's 2,012). Places
//     the gazetteer does not know and event sites are always parts,
//     except the site of an event that strikes one site (unifySites).
//
// Claims without context (stored before the report pass, or built by
// hand) keep the sentence tuple, as before.

// gaz is the gazetteer series are placed with, built once on first use.
var gaz = sync.OnceValue(gazetteer.Default)

// hasContext reports whether a claim was read with its report.
func hasContext(c *tracker.Claim) bool { return c.Context != (tracker.Context{}) }

// ctxRec is a context claim's series parts, before places are merged.
type ctxRec struct {
	ri     int32 // index into p.recs
	bucket ctxBucket
	place  string // gazetteer id, or "" when the claim has no place
	name   string // the place's name to show
	report int32
	// readPlace: the place id as the report read it (before a site the
	// gazetteer does not know became a "~/" id of its own), whose country
	// picks the event of a claim whose report names none; day: the day
	// the figure refers to
	readPlace string
	day       int32
	// inherited: the place is the report's, not the sentence's;
	// datelineOnly: the report's place is only its dateline's
	inherited, datelineOnly bool
	// oneSite: the claim's event strikes one site (Taxonomy.OneSite)
	oneSite bool
	// bucket and place interned by resolveContext (place -1 when "")
	bid, pl int32
}

// ctxBucket is a series key without its place.
type ctxBucket struct {
	cat   tracker.Category
	group int32
	event string
	kind  string // "total", "period", "incident" or "past <when>"
}

// placeBySource gives a claim whose report names no place at all the
// place its source speaks of near in time: "Morning Bulletin: 147 dead"
// over a body that names only "the Civil Defence" is the toll of the
// state whose Civil Defence gave every placed figure of those weeks. Only
// when the report has no place (a figure whose report names one keeps its
// own reading), the source is named, and at least two thirds of the
// source's placed figures within two weeks lie in one country, whose
// figure it then is.
func (p *prep) placeBySource(recs []ctxRec) {
	type sw struct {
		src  int32
		week int32
	}
	// (and when its source says nothing of those weeks, its outlet's
	// figures of the same weeks: a local paper's bulletin story that
	// names only "the Civil Defence", where the paper's other stories of
	// the week are all of one state's floods; keyed by outlet name)
	type ow struct {
		outlet string
		week   int32
	}
	var noPlace bool
	for i := range recs {
		if recs[i].place == "" && recs[i].readPlace == "" {
			noPlace = true
			break
		}
	}
	if !noPlace {
		return
	}
	type named struct{ id, name string }
	byWeek := map[sw]map[named]int{}
	byOutlet := map[ow]map[named]int{}
	for i := range recs {
		r := &recs[i]
		rr := &p.recs[r.ri]
		if r.place == "" || r.day == noDay {
			continue
		}
		// (counted by country: a state's toll and its country's are
		// one place for this, as the series merge them)
		c, name := p.countryNamed(r.readPlace)
		if c == "" || strings.HasPrefix(c, "~") {
			continue
		}
		n := named{c, name}
		ok := ow{p.claims[rr.ci].Outlet, weekOf(r.day)}
		if byOutlet[ok] == nil {
			byOutlet[ok] = map[named]int{}
		}
		byOutlet[ok][n]++
		if rr.outlet {
			continue
		}
		k := sw{rr.source, weekOf(r.day)}
		if byWeek[k] == nil {
			byWeek[k] = map[named]int{}
		}
		byWeek[k][n]++
	}
	// most returns the country most of counts name, when at least two
	// thirds of them do
	most := func(counts map[named]int) (named, bool) {
		var best named
		bestN, total := 0, 0
		for n, c := range counts {
			total += c
			if c > bestN || c == bestN && n.id < best.id {
				best, bestN = n, c
			}
		}
		return best, bestN > 0 && bestN*3 >= total*2
	}
	for i := range recs {
		r := &recs[i]
		rr := &p.recs[r.ri]
		if r.place != "" || r.readPlace != "" || r.day == noDay {
			continue
		}
		counts := map[named]int{}
		if !rr.outlet {
			for w := weekOf(r.day) - 2; w <= weekOf(r.day)+2; w++ {
				for n, c := range byWeek[sw{rr.source, w}] {
					counts[n] += c
				}
			}
		}
		best, ok := most(counts)
		if len(counts) == 0 {
			// (the outlet's figures of the week before to the week
			// after: nearer in time than a source's, as an outlet
			// follows more than one story)
			out := p.claims[rr.ci].Outlet
			for w := weekOf(r.day) - 1; w <= weekOf(r.day)+1; w++ {
				for n, c := range byOutlet[ow{out, w}] {
					counts[n] += c
				}
			}
			best, ok = most(counts)
		}
		if ok {
			r.place, r.readPlace, r.name, r.inherited = best.id, best.id, best.name, true
			if r.bucket.kind == "incident" && !p.claims[rr.ci].Claim.Context.Incident {
				// (a figure with neither place nor event was an incident
				// of its own only for want of both)
				r.bucket.kind = "total"
			}
		}
	}
}

// placeByEvent gives a claim that has no place still (neither its report
// nor its source or outlet named one: a live blog's "The toll is now 10"
// under a headline that names none) the country its event's figures of the
// same two weeks lie in, when two thirds of them lie in one: the blog's
// collapse is the collapse the store follows in Florida that fortnight.
func (p *prep) placeByEvent(recs []ctxRec) {
	type ew struct {
		event string
		week  int32
	}
	type named struct{ id, name string }
	var byWeek map[ew]map[named]int
	for i := range recs {
		r := &recs[i]
		if r.place != "" || r.readPlace != "" || r.day == noDay || r.bucket.event == "" {
			continue
		}
		if byWeek == nil {
			byWeek = map[ew]map[named]int{}
			for j := range recs {
				q := &recs[j]
				if q.place == "" || q.day == noDay || q.bucket.event == "" || strings.HasPrefix(q.bucket.kind, "past ") {
					continue
				}
				c, name := p.countryNamed(q.readPlace)
				if c == "" || strings.HasPrefix(c, "~") {
					continue
				}
				k := ew{q.bucket.event, weekOf(q.day)}
				if byWeek[k] == nil {
					byWeek[k] = map[named]int{}
				}
				byWeek[k][named{c, name}]++
			}
		}
		counts := map[named]int{}
		total := 0
		for w := weekOf(r.day) - 2; w <= weekOf(r.day)+2; w++ {
			for n, c := range byWeek[ew{r.bucket.event, w}] {
				counts[n] += c
				total += c
			}
		}
		var best named
		bestN := 0
		for n, c := range counts {
			if c > bestN || c == bestN && n.id < best.id {
				best, bestN = n, c
			}
		}
		if bestN == 0 || bestN*3 < total*2 {
			continue
		}
		r.place, r.readPlace, r.name, r.inherited = best.id, best.id, best.name, true
		if r.bucket.kind == "incident" && !p.claims[p.recs[r.ri].ci].Claim.Context.Incident {
			r.bucket.kind = "total"
		}
	}
}

// unifySites gives the sites the gazetteer does not know their place
// back when some figure names them with an event that strikes one site:
// such an event's toll at its site is its toll ("killed on Bourbon
// Street" is New Orleans' attack toll, "in Itaewon district" Seoul's
// crush), so the site is its place's by another name unless reports
// give the two different figures (resolveContext's part votes), as a
// known town is. Each such site takes one place for all its figures,
// the innermost its reports read it in ("Bourbon Street" read in New
// Orleans and in the United States is New Orleans'). Other unknown
// places keep their "~/" ids: a village's toll in a quake is a part.
// Limit: one site name in two countries takes the first one read
// unless one contains the other.
func unifySites(recs []ctxRec) {
	type site struct {
		one    bool
		parent string
	}
	var sites map[string]*site
	for i := range recs {
		r := &recs[i]
		if !strings.HasPrefix(r.place, "~/") {
			continue
		}
		if sites == nil {
			sites = map[string]*site{}
		}
		s := sites[r.place]
		if s == nil {
			s = &site{}
			sites[r.place] = s
		}
		s.one = s.one || r.oneSite
		j := strings.LastIndexByte(r.readPlace, '/')
		if j <= 0 || strings.HasPrefix(r.readPlace, "~") {
			continue
		}
		if par := r.readPlace[:j]; s.parent == "" || placeContains(s.parent, par) {
			s.parent = par
		}
	}
	// a site no report places in a country ("the fire at Grenfell Tower"
	// in reports with no dateline and no other place) is in the country
	// of its bucket's other figures of those days, when they name one:
	// the fire's toll given for London on the same days
	var lone map[string]bool
	for id, s := range sites {
		if s.one && s.parent == "" {
			if lone == nil {
				lone = map[string]bool{}
			}
			lone[id] = true
		}
	}
	if lone != nil {
		// (the one place they name when they name one, else their
		// country: London's toll, not the United Kingdom's, when the
		// reports say London)
		type near struct {
			country, place string
			many           bool
		}
		// the countries of each bucket's placed figures by day, read
		// once (two passes, not a scan of all figures per site figure)
		type bucketDay struct {
			b   ctxBucket
			day int32
		}
		byDay := map[bucketDay]*near{}
		countries := map[string]string{}
		for i := range recs {
			o := &recs[i]
			if o.place == "" || strings.HasPrefix(o.place, "~") || o.day == noDay {
				continue
			}
			c, ok := countries[o.place]
			if !ok {
				c = countryOf(o.place)
				countries[o.place] = c
			}
			k := bucketDay{o.bucket, o.day}
			switch n := byDay[k]; {
			case n == nil:
				byDay[k] = &near{country: c, place: o.place}
			case n.country != c:
				n.many = true
			case n.place != o.place:
				n.place = ""
			}
		}
		found := map[string]*near{}
		for i := range recs {
			r := &recs[i]
			if !lone[r.place] || r.day == noDay {
				continue
			}
			for d := r.day - 3; d <= r.day+3; d++ {
				o := byDay[bucketDay{r.bucket, d}]
				if o == nil {
					continue
				}
				switch n := found[r.place]; {
				case n == nil:
					found[r.place] = &near{country: o.country, place: o.place, many: o.many}
				case n.country != o.country || o.many:
					n.many = true
				case n.place != o.place:
					n.place = ""
				}
			}
		}
		for id, n := range found {
			switch {
			case n.many || n.country == "":
			case n.place != "" && !strings.Contains(n.place, "/"):
				sites[id].parent = n.place
			default:
				sites[id].parent = n.country
			}
		}
	}
	for i := range recs {
		r := &recs[i]
		if s := sites[r.place]; s != nil && s.one && s.parent != "" {
			r.place = s.parent + "/" + strings.TrimPrefix(r.place, "~/")
		}
	}
}

// pastOfFollowed turns a past year's toll of an event the store follows
// into that event's running total: "the attacks of November 2008 killed
// 166 people" in an anniversary feature of 2009 is the Mumbai attacks'
// final count, and "the crash in January 2023 killed 72" a year on is the
// Yeti crash's, when the store holds a running total of the same
// category, group, event and country dated in that year, and the year is
// the figure's own or the one before. A past year no such series covers
// (the 1970 cyclone, the 2015 quake the store never followed), or older,
// stays its own.
func (p *prep) pastOfFollowed(recs []ctxRec) {
	type key struct {
		b       ctxBucket
		country string
		year    int
	}
	var past []int
	for i := range recs {
		if k := recs[i].bucket.kind; strings.HasPrefix(k, "past ") && len(k) == len("past 2008") {
			past = append(past, i)
		}
	}
	if len(past) == 0 {
		return
	}
	country := func(id string) string {
		c, _ := p.countryNamed(id)
		return c
	}
	followed := map[key]bool{}
	for i := range recs {
		r := &recs[i]
		if r.bucket.kind != "total" || r.place == "" || r.day == noDay || strings.HasPrefix(r.place, "~") {
			continue
		}
		followed[key{r.bucket, country(r.place), dateOf(r.day).Time().Year()}] = true
	}
	for _, i := range past {
		r := &recs[i]
		if r.place == "" || strings.HasPrefix(r.place, "~") {
			continue
		}
		y, err := strconv.Atoi(strings.TrimPrefix(r.bucket.kind, "past "))
		if err != nil {
			continue
		}
		// (only the year before the figure's own, an anniversary's: the
		// figure keeps its report's day, which a toll eight years old
		// would put in another run of the country's series)
		if r.day == noDay || dateOf(r.day).Time().Year()-y > 1 {
			continue
		}
		b := r.bucket
		b.kind = "total"
		if followed[key{b, country(r.place), y}] {
			r.bucket = b
		}
	}
}

// eventClass groups events: one disaster's figures are one quantity
// whether a sentence calls it the quake or the tremor.
func eventClass(e string) string {
	switch e {
	case "":
		return ""
	// (a storm, its floods and the landslides its rain sets off are one
	// disaster; a quake and its tsunami another; a wildfire is never a
	// storm's: the Los Angeles fires are not Hurricane Helene's toll)
	case "earthquake", "tsunami":
		return "earthquake"
	case "floods", "storm", "landslide":
		return "storm and floods"
	case "wildfire", "fire":
		// (a fire is a wildfire's class: "the Eaton fire" is the Los
		// Angeles wildfires' toll; as an event it strikes one site, a
		// building or a town, and "wildfire" a region)
		return "wildfire"
	case "war", "attack", "kidnapping":
		return "violence"
	case "outbreak":
		return "disease"
	case "collapse", "mining":
		// (a mine's collapse, a tailings dam's at a mine: reports call it
		// the collapse or the mine disaster, one event either way)
		return "collapse"
	}
	// each disease its own: cholera deaths are not dengue deaths
	return e
}

// ctxKind returns a context claim's kind.
func ctxKind(c *tracker.Claim) string { return ctxKindOf(c, 0, nil) }

// ctxKindOf is ctxKind with the claim's text flags f (0: not known; see
// TextFlags) and m's memo of periodRE over sentences (nil: none) for a
// claim whose flags are not known: a report's claims share their
// sentences, and a million claims tested one by one took seconds.
func ctxKindOf(c *tracker.Claim, f tracker.TextFlags, m *ctxMemo) string {
	switch {
	case c.Context.Past != "":
		return "past " + c.Context.Past
	case c.Context.Part:
		return "part"
	case c.Context.Incident || c.Scope == tracker.UnknownScope && c.Context.Place == "" && c.Context.Event == "":
		return "incident"
	case c.Category == tracker.Hostage:
		if k := hostageKindFlags(c, f); k != "" {
			return k
		}
	case c.Scope == tracker.Period && (c.From != c.To || m.periodText(c, f)):
		return "period"
	}
	return "total"
}

// hostageKind tells the hostage figures that are no count of the people
// held now: those due to come home under a deal ("eight of 26 hostages due
// in the first phase", "33 to come home first") and those taken on the
// day of the attack ("took 251 people hostage", "the 251 abducted on
// October 7"), which never change and must not read as a stock that fell
// to 94. A figure whose own clause says they remain or are still held is
// held ("87 of the hostages taken in the October 7 attack remain in
// Gaza"), as is one that is a part of another ("94 of the 251 abducted":
// the 94). Empty for a stock.
func hostageKind(c *tracker.Claim) string {
	sent, span := c.Sentence, c.Span
	i := strings.Index(sent, span)
	if i < 0 {
		return ""
	}
	before, after := sent[:i], sent[i+len(span):]
	if dealRE.MatchString(after) {
		return "deal"
	}
	clause := after[:min(len(after), 60)] // (its own clause: "Of the 240 abducted on October 7, 100 remain")
	if j := strings.IndexAny(clause, ",;:"); j >= 0 {
		clause = clause[:j]
	}
	if stillHeldRE.MatchString(span) || stillHeldRE.MatchString(clause) || partitiveRE.MatchString(span) {
		return ""
	}
	if takenAfterRE.MatchString(span) || takenBeforeRE.MatchString(before) || takenAfterRE.MatchString(after[:min(len(after), 12)]) {
		return "taken"
	}
	return ""
}

var (
	dealRE        = regexp.MustCompile(`^\s*(?:(?:hostages|captives|people)\s+)?(?:(?:who\s+are|are|were)\s+)?(?:due|set|slated|scheduled|expected)\s+(?:to\s+(?:be\s+)?(?:released|freed|returned|come\s+home)|for\s+release|in\s+(?:the\s+)?(?:first|second|third)\s+phase)|^\s*(?:(?:hostages|captives)\s+)?to\s+(?:be\s+(?:released|freed|returned)|come\s+home)`)
	stillHeldRE   = regexp.MustCompile(`(?i)\b(?:remain|remains|remained|still|are\s+(?:being\s+)?held|are\s+in|hold|holds|holding)\b`)
	partitiveRE   = regexp.MustCompile(`^\S+\s+of\s+`)
	takenAfterRE  = regexp.MustCompile(`(?i)\b(?:abducted|seized|kidnapped|taken(?:\s+(?:hostage|captive))?|captured)(?:\s+(?:on|in|during)\b.*)?$`)
	takenBeforeRE = regexp.MustCompile(`(?i)\b(?:took|take|seized|abducted|kidnapped|captured)\s+$`)
)

// moreIncrement reports whether a figure's own phrase counts what was added
// ("four more bodies", "13 more deaths", "Two more people died"), not "more
// than": those are the day's new figures, never the running total.
func moreIncrement(span string) bool {
	for i := 0; ; {
		j := strings.Index(span[i:], "more ")
		if j < 0 {
			return false
		}
		i += j + len("more ")
		if !strings.HasPrefix(span[i:], "than") && i-len("more ")-1 >= 0 && span[i-len("more ")-1] == ' ' {
			return true
		}
	}
}

// riseByRE finds a figure a count rose by ("deaths in Africa rise by 107"):
// what was added, not the total.
var riseByRE = regexp.MustCompile(`(?i)\b(?:rise|rises|rose|risen|rising|increase|increases|increased|grew|grow|grows|jump|jumps|jumped|climb|climbs|climbed|went\s+up|go\s+up|goes\s+up)\s+by\s`)

// periodRE finds words that make a one-day figure a count for that day
// ("12 new deaths in the past 24 hours", "on Saturday alone"); without
// them a one-day "period" is only the day a running total was given or
// the event struck ("killing at least 912 people … on Monday").
var periodRE = regexp.MustCompile(`(?i)\b(?:(?:past|last|previous|preceding)\s+(?:\d+\s+|two\s+|three\s+|few\s+)?(?:hours?|days?|weeks?|night|24)|overnight|new|another|additional|further|daily|a day|per day|alone|that day|during the day|since (?:yesterday|the previous|the last))\b`)

// periodicText reports whether periodRE finds in a sentence words that
// make a one-day figure a count for its period, other than a bare "last
// week" or "last month" after a verb: "a stampede that killed 121 people
// last week" says when the event struck, and the figure is its toll as
// the report knows it; "in the last week", "over the past week" and
// "deaths last week rose" still count a period.
func periodicText(sentence string) bool {
	if !strings.Contains(sentence, "last ") && !strings.Contains(sentence, "Last ") {
		return periodRE.MatchString(sentence)
	}
	for _, m := range periodRE.FindAllStringIndex(sentence, -1) {
		if !bareLastSpan(sentence, m[0], m[1]) {
			return true
		}
	}
	return false
}

// bareLastSpan reports whether sentence[a:b], a periodRE match, is "last
// week" or "last month" with no preposition or article before it, after
// a figure's noun or verb ("killed 121 people last week").
func bareLastSpan(sentence string, a, b int) bool {
	switch strings.ToLower(sentence[a:b]) {
	case "last week", "last month":
	default:
		return false
	}
	if b < len(sentence) && isWordByte(sentence[b]) {
		return false
	}
	before := strings.TrimRight(sentence[:a], " ")
	i := strings.LastIndexByte(before, ' ')
	prev := strings.ToLower(before[i+1:])
	switch prev {
	case "", "in", "over", "during", "within", "the", "for", "of", "past", "since", "from", "until", "through", "throughout":
		return false
	}
	return true
}

// isWordByte reports whether b is an ASCII letter or digit.
func isWordByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
}

// ctxGroup returns the group a context claim counts: "people" for a
// demonym of the claim's own place (or a place containing or inside it).
func ctxGroup(who, placeID string) (string, bool) {
	if who == "" || placeID == "" {
		return "", false
	}
	w := []rune(who)
	w[0] = unicode.ToUpper(w[0])
	p, ok := gaz().Demonym(string(w))
	if !ok {
		return "", false
	}
	if p.ID == placeID || placeContains(p.ID, placeID) || placeContains(placeID, p.ID) {
		return "people", true
	}
	return "", false
}

// parentOf returns a place id's parent: the gazetteer's, or for an
// unknown place named inside a known one ("AF.11/zinda jan") the known
// one.
func parentOf(id string) string {
	if i := strings.LastIndexByte(id, '/'); i >= 0 {
		return id[:i]
	}
	if p, ok := gaz().Get(id); ok {
		return p.Parent
	}
	return ""
}

// firstLevel says whether place is a first-level unit (a state, a
// province) directly inside the country parent.
func firstLevel(place, parent string) bool {
	if strings.Contains(place, "/") || strings.Contains(parent, "/") {
		return false
	}
	pp, ok := gaz().Get(place)
	if !ok || pp.Kind != gazetteer.Subdivision || pp.Parent != parent {
		return false
	}
	c, ok := gaz().Get(parent)
	return ok && c.Kind == gazetteer.Country
}

// placeContains says whether outer strictly contains inner.
func placeContains(outer, inner string) bool {
	for p, n := parentOf(inner), 0; p != "" && n < 16; p, n = parentOf(p), n+1 {
		if p == outer {
			return true
		}
	}
	return false
}

// votes counts how many claims count each event. A key has few events,
// so a slice searched in order is cheaper than a map (a million claims
// had made a map for each report, country and week).
type votes []vote

type vote struct {
	event string
	n     int
}

// add counts n more claims for event e.
func (v *votes) add(e string, n int) {
	for i := range *v {
		if (*v)[i].event == e {
			(*v)[i].n += n
			return
		}
	}
	*v = append(*v, vote{e, n})
}

// list is v's events and counts; nil for a nil v.
func (v *votes) list() []vote {
	if v == nil {
		return nil
	}
	return *v
}

// most returns the event most claims count, the first in byte order of
// those tied; "" when none (and for a nil v).
func (v *votes) most() string {
	best, bestN := "", 0
	for _, x := range v.list() {
		if x.n > bestN || x.n == bestN && x.event < best {
			best, bestN = x.event, x.n
		}
	}
	return best
}

// reportVotes are one report's votes (see votes), by category: a report
// counts one or two categories, so a slice searched in order.
type reportVotes []catVotes

type catVotes struct {
	cat tracker.Category
	v   votes
}

// add counts one claim of category cat for event e.
func (r *reportVotes) add(cat tracker.Category, e string) {
	for i := range *r {
		if (*r)[i].cat == cat {
			(*r)[i].v.add(e, 1)
			return
		}
	}
	*r = append(*r, catVotes{cat, votes{{e, 1}}})
}

// of is category cat's votes; nil when none.
func (r reportVotes) of(cat tracker.Category) *votes {
	for i := range r {
		if r[i].cat == cat {
			return &r[i].v
		}
	}
	return nil
}

// addVote counts one claim for event e under key k: one map lookup, not
// a lookup and a store.
func addVote[K comparable](m map[K]*votes, k K, e string) {
	v := m[k]
	if v == nil {
		v = new(votes)
		m[k] = v
	}
	v.add(e, 1)
}

// resolveContext gives every context record its series: places merged
// upward within each bucket unless they are parts.
func (p *prep) resolveContext(recs []ctxRec, seriesOf func(b ctxBucket, place, name, since string) int32) {
	p.placeBySource(recs)
	unifySites(recs)
	// a claim whose report names no event counts the event of its own
	// report's figures, else of its country's near in time, and no other
	// (a wildfire's figure is not a war's because the store also follows
	// a war)
	type cc struct {
		country string
		cat     tracker.Category
	}
	// (a country's events near in time first: a store that followed a
	// building's collapse in Florida in 2021 and a truck attack in New
	// Orleans in 2025 has two events in the United States, and a figure
	// of 2025 whose report names none is the attack's)
	type ccw struct {
		cc
		week int32
	}
	// (and before its country's, its own place's near in time: a store
	// that followed the Los Angeles fires and a truck attack in New
	// Orleans a week apart has two events in the United States, and a
	// figure for New Orleans whose report names none is the attack's)
	type pw struct {
		place string
		cat   tracker.Category
		week  int32
	}
	ofPlaceWeek := map[pw]*votes{}
	placeOfRec := func(i int) string {
		id := recs[i].place
		if strings.HasPrefix(id, "~/") {
			id = recs[i].readPlace
		}
		if j := strings.IndexByte(id, '/'); j >= 0 {
			id = id[:j]
		}
		return id
	}
	// (by report, then category: reports are interned ids, and a map
	// of (report, category) had made a lookup and a vote list a claim)
	nReports := int32(0)
	for i := range recs {
		nReports = max(nReports, recs[i].report+1)
	}
	ofReport := make([]reportVotes, nReports)
	ofCountry := map[cc]*votes{}
	ofCountryWeek := map[ccw]*votes{}
	// (and, for a figure whose report names neither place nor event, the
	// events of its category's figures of those weeks anywhere, when one
	// holds two thirds of them: a live blog's "The toll is now 10" the
	// fortnight a store follows one collapse)
	type cw struct {
		cat  tracker.Category
		week int32
	}
	ofCatWeek := map[cw]*votes{}
	needEvent := false
	for i := range recs {
		if recs[i].bucket.event == "" {
			needEvent = true
			break
		}
	}
	// the country of each claim's place as read, memoised by id (asked
	// only when some claim needs an event)
	countries := map[string]string{}
	countryOfRec := func(i int) string {
		id := recs[i].readPlace
		if id == "" {
			return ""
		}
		c, ok := countries[id]
		if !ok {
			if c = countryOf(id); strings.HasPrefix(c, "~") {
				c = ""
			}
			countries[id] = c
		}
		return c
	}
	for i := range recs {
		b := recs[i].bucket
		// (a past time's toll votes for no event: an essay on a crush
		// that names "the 1995 collapse" of a store is not about a
		// collapse)
		if needEvent && b.event != "" && !strings.HasPrefix(b.kind, "past ") { // (counted only when some claim needs them)
			ofReport[recs[i].report].add(b.cat, b.event)
			if d := recs[i].day; d != noDay {
				addVote(ofCatWeek, cw{b.cat, weekOf(d)}, b.event)
			}
			if c := countryOfRec(i); c != "" {
				ck := cc{c, b.cat}
				addVote(ofCountry, ck, b.event)
				if d := recs[i].day; d != noDay {
					wk := ccw{ck, weekOf(d)}
					addVote(ofCountryWeek, wk, b.event)
					if pl := placeOfRec(i); pl != "" && pl != c {
						k := pw{pl, b.cat, weekOf(d)}
						addVote(ofPlaceWeek, k, b.event)
					}
				}
			}
		}
	}
	for i := range recs {
		b := &recs[i].bucket
		if b.event != "" {
			continue
		}
		// the event of its report's figures, else its country's
		b.event = ofReport[recs[i].report].of(b.cat).most()
		if c := countryOfRec(i); b.event == "" && c != "" {
			if d := recs[i].day; d != noDay {
				// the weeks around the figure's: ±28 to ±34 days, its own
				// place's first
				var near votes
				if pl := placeOfRec(i); pl != "" && pl != c {
					for w := weekOf(d) - 4; w <= weekOf(d)+4; w++ {
						for _, v := range ofPlaceWeek[pw{pl, b.cat, w}].list() {
							near.add(v.event, v.n)
						}
					}
				}
				if len(near) == 0 {
					for w := weekOf(d) - 4; w <= weekOf(d)+4; w++ {
						for _, v := range ofCountryWeek[ccw{cc{c, b.cat}, w}].list() {
							near.add(v.event, v.n)
						}
					}
				}
				b.event = near.most()
				if b.event == "" {
					// (none near in time: no event of the country's
					// another season; the figure keeps none)
					continue
				}
			} else {
				b.event = ofCountry[cc{c, b.cat}].most()
			}
		}
		if b.event == "" && countryOfRec(i) == "" && recs[i].day != noDay {
			// (no further than those weeks, and only a clear majority:
			// the event most figures of the store count is another
			// story's as often as not, and a cult's toll with no place or
			// event named in its report had become a cyclone's in Malawi)
			var near votes
			total := 0
			for w := weekOf(recs[i].day) - 2; w <= weekOf(recs[i].day)+2; w++ {
				for _, v := range ofCatWeek[cw{b.cat, w}].list() {
					near.add(v.event, v.n)
					total += v.n
				}
			}
			if e := near.most(); e != "" {
				for _, v := range near {
					if v.event == e && v.n*3 >= total*2 {
						b.event = e
					}
				}
			}
		}
	}
	p.placeByEvent(recs)
	p.pastOfFollowed(recs)
	// Buckets and places are interned: the maps below are keyed by a
	// bucket and a place once per claim, and hashing their strings was
	// most of the time at a million claims.
	in := newCtxIntern()
	for i := range recs {
		r := &recs[i]
		r.bid = in.bucket(r.bucket)
		r.pl = -1
		if r.place != "" {
			r.pl = in.place(r.place)
		}
	}
	// parts: a place with a figure unlike that of a containing place in
	// the same report and bucket
	// (totals and period counts of one report together: a city's toll
	// beside the country's, whatever scope each sentence states)
	groupOf := map[[2]int32]int32{}
	gid := make([]int32, len(recs))
	placed := make([]int32, 0, len(recs))
	for i := range recs {
		if r := &recs[i]; r.pl >= 0 {
			k := [2]int32{r.report, in.total(r.bid)}
			g, ok := groupOf[k]
			if !ok {
				g = int32(len(groupOf))
				groupOf[k] = g
			}
			gid[i] = g
			placed = append(placed, int32(i))
		}
	}
	byReport, bounds := countingSort(placed, len(groupOf), func(i int32) int { return int(gid[i]) })
	type bp = [2]int32 // a bucket and a place, interned
	// buckets most of whose figures are of an event that strikes one
	// site (a train crash, an attack, a collapse): its toll is one
	// quantity whether a report names the site's state or the country,
	// and another state's figures are where victims came from, not the
	// event's toll. The site's state is the unit most of the bucket's
	// placed figures lie in (siteUnit); the others stay apart.
	oneSite := map[int32]int{}
	for i := range recs {
		if recs[i].oneSite {
			oneSite[recs[i].bid]++
		} else {
			oneSite[recs[i].bid]--
		}
	}
	// unitOf: the first-level unit a place lies in (or is), interned, or
	// -1
	unitMemo := map[int32]int32{}
	unitOf := func(pl int32) int32 {
		if u, ok := unitMemo[pl]; ok {
			return u
		}
		u := int32(-1)
		id := in.places[pl]
		if j := strings.IndexByte(id, '/'); j >= 0 {
			id = id[:j]
		}
		for a, n := parentOf(id), 0; a != "" && n < 16; id, a, n = a, parentOf(a), n+1 {
			if firstLevel(id, a) {
				u = in.place(id)
				break
			}
		}
		unitMemo[pl] = u
		return u
	}
	unitN := map[bp]int{} // figures of a one-site bucket in or under a unit
	for i := range recs {
		r := &recs[i]
		if r.pl < 0 || r.datelineOnly || oneSite[r.bid] <= 0 {
			continue
		}
		if u := unitOf(r.pl); u >= 0 {
			unitN[bp{r.bid, u}]++
		}
	}
	// the site's unit of each one-site bucket and country: the one most
	// of its figures lie in (none on a tie)
	siteOf := map[bp]int32{}
	best := map[bp]int{}
	for k, n := range unitN {
		ck := bp{k[0], in.parent(k[1])}
		switch m, ok := best[ck]; {
		case !ok || n > m:
			best[ck], siteOf[ck] = n, k[1]
		case n == m:
			siteOf[ck] = -1
		}
	}
	// Each report votes: a place whose figure equals one its report gives
	// a containing place ("103 in Iran" above "103 in Kerman") is that
	// place by another name; one whose figures all differ is a part. An
	// earlier figure the report cites ("up from 73") votes for nothing:
	// it differs from today's figure because it is older, not smaller.
	// A place is a part when more reports say so than say not, so that
	// one report's stray figure does not split a city's toll from its
	// country's everywhere.
	partVotes := map[bp]int{}
	for g := 0; g+1 < len(bounds); g++ {
		is := byReport[bounds[g]:bounds[g+1]]
		for _, a := range is {
			ra := &recs[a]
			if p.recs[ra.ri].prior || ra.datelineOnly {
				// (nor a place only its dateline gave, where the reporter
				// filed from: "KABUL —" over 1,411 dead is no part of
				// Afghanistan's toll beside the Red Crescent's 1,124)
				continue
			}
			same, differ := false, false
			for _, b := range is {
				rbb := &recs[b]
				if ra.pl == rbb.pl || p.recs[rbb.ri].prior || !in.contains(rbb.pl, ra.pl) {
					continue
				}
				if !p.sameFigure(&p.recs[ra.ri], &p.recs[rbb.ri]) {
					// (a one-site event's toll in the site's state and
					// the country's in one report are two counts of one
					// quantity, the Moscow region's 182 injured at Crocus
					// beside Russia's 152: rivals, not a part)
					// (within twice each other: Kerman's 15 beside Iran's
					// 103 is a part)
					if oneSite[ra.bid] <= 0 || unitOf(ra.pl) != ra.pl || siteOf[bp{ra.bid, in.parent(ra.pl)}] != ra.pl || in.parent(ra.pl) != rbb.pl ||
						!withinTwice(p.claims[p.recs[ra.ri].ci].Claim.Interval, p.claims[p.recs[rbb.ri].ci].Claim.Interval) {
						differ = true
					}
				} else {
					same = true
				}
			}
			if k := (bp{ra.bid, ra.pl}); same {
				partVotes[k]--
			} else if differ {
				partVotes[k]++
			}
		}
	}
	part := make(map[bp]bool, len(partVotes))
	for k, v := range partVotes {
		if v > 0 {
			part[k] = true
		}
	}
	present := map[bp]string{} // place → a name to show
	for i := range recs {
		r := &recs[i]
		if r.pl < 0 {
			continue
		}
		k := bp{r.bid, r.pl}
		if n, ok := present[k]; !ok || r.name < n {
			present[k] = r.name
		}
	}
	// the first-level units of each country the figures of a bucket
	// name, directly or through a place inside one. A place only
	// datelines give is where reporters file from, no unit the event
	// struck: "ASTANA –" over a mine fire in Karaganda region does not
	// make the fire's toll one of two regions' (the capital is a region
	// of its own in Kazakhstan, as Delhi is in India).
	named := map[bp]bool{}
	for i := range recs {
		if r := &recs[i]; r.pl >= 0 && !r.datelineOnly {
			named[bp{r.bid, r.pl}] = true
		}
	}
	units := map[bp]map[string]bool{}
	for k := range present {
		if !named[k] {
			continue
		}
		id := in.places[k[1]]
		if i := strings.IndexByte(id, '/'); i >= 0 {
			id = id[:i]
		}
		for a, n := parentOf(id), 0; a != "" && n < 16; id, a, n = a, parentOf(a), n+1 {
			if firstLevel(id, a) {
				u := bp{k[0], in.place(a)}
				if units[u] == nil {
					units[u] = map[string]bool{}
				}
				units[u][id] = true
				break
			}
		}
	}
	siteUnit := func(k bp) bool {
		site, ok := siteOf[bp{k[0], in.parent(k[1])}]
		return ok && site == k[1]
	}
	repMemo := map[bp]int32{}
	var rep func(k bp) int32
	rep = func(k bp) int32 {
		if v, ok := repMemo[k]; ok {
			return v
		}
		repMemo[k] = k[1] // guards cycles
		v := k[1]
		if !part[k] && !strings.HasPrefix(in.places[k[1]], "~/") && !p.tax.IsSite(present[k]) {
			for a, n := in.parent(k[1]), 0; a >= 0 && n < 16; a, n = in.parent(a), n+1 {
				if firstLevel(in.places[k[1]], in.places[a]) && len(units[bp{k[0], a}]) > 1 && named[k] && !siteUnit(k) {
					// in an event over several states or provinces, each
					// one's toll is its own quantity beside the country's
					// (Helene's North Carolina, Florida, Georgia); an
					// event in one province is the country's by another
					// name (Herat's quake, "in Afghanistan"); a unit only
					// datelines give is none of the event's ("KABUL –" over
					// a quake in Kunar and Nangarhar is Afghanistan's)
					break
				}
				if _, ok := present[bp{k[0], a}]; ok {
					v = rep(bp{k[0], a})
					break
				}
			}
		}
		repMemo[k] = v
		return v
	}
	order := make([]int, len(recs))
	for i := range order {
		order[i] = i
	}
	// deterministic: series are renumbered by key afterwards, but names
	// are chosen here
	if !slices.IsSortedFunc(order, func(a, b int) int { return cmp.Compare(recs[a].ri, recs[b].ri) }) {
		slices.SortFunc(order, func(a, b int) int { return cmp.Compare(recs[a].ri, recs[b].ri) })
	}
	// a figure that takes its report's place but is far below what
	// other reports give for that place within a day is a part whose
	// place the sentence did not say ("15 people died in the prefecture
	// of…" read without its place): a series of its own, compared with
	// nothing, rather than a false fall of the total
	lows := map[bp][]int32{} // indexes of recs by top place, for the test
	for _, i := range order {
		r := &recs[i]
		if r.pl >= 0 && !r.inherited {
			k := bp{r.bid, rep(bp{r.bid, r.pl})}
			lows[k] = append(lows[k], int32(i))
		}
	}
	// each list by day, so that a figure's neighbours within a day are a
	// binary search away (scanning the whole list for each figure was
	// quadratic: 1,000,000 claims took minutes)
	days := make([]int32, len(recs))
	for j := range recs {
		days[j] = p.recs[recs[j].ri].day
	}
	dayOf := func(j int32) int32 { return days[j] }
	for k, js := range lows {
		slices.SortStableFunc(js, func(a, b int32) int { return cmp.Compare(dayOf(a), dayOf(b)) })
		lows[k] = js
	}
	unplaced := func(r *ctxRec, top int32) bool {
		if !r.inherited || r.bucket.kind != "total" {
			return false
		}
		rr := &p.recs[r.ri]
		if rr.day == noDay || rr.big || rr.open && rr.lo == 0 || rr.revised {
			// (a figure its text says was revised is the one it revises,
			// however far it fell: "revised down to 102 from 323")
			return false
		}
		hi := rr.hi
		if rr.open {
			hi = rr.lo
		}
		// Within one report, a figure of the same source three times as
		// large is the whole this one is a part of, and so is any when this
		// one has no source of its own (the outlet's: "Taroudant 452"). Across reports, only
		// the day before says a figure is too low (a toll does not fall
		// threefold overnight); on its own day a sudden disaster's toll
		// can rise tenfold between bulletins ("296" at dawn, "2,012" at
		// night), so a figure is a part only when it is far below most of
		// that day's other figures (all but the lowest quarter), and the
		// day after says nothing.
		var prev, same []int64
		js := lows[bp{r.bid, top}]
		from, _ := slices.BinarySearchFunc(js, rr.day-1, func(j int32, d int32) int { return cmp.Compare(dayOf(j), d) })
		// the figure its own report places ("kills at least 296 in
		// Morocco" above "killed at least 296 people") is that figure
		for _, j := range js[from:] {
			o := &recs[j]
			or := &p.recs[o.ri]
			if or.day > rr.day {
				break
			}
			if o.report == r.report && or.lo == rr.lo && or.hi == rr.hi && or.open == rr.open && !or.big {
				return false
			}
		}
		for _, j := range js[from:] {
			o := &recs[j]
			or := &p.recs[o.ri]
			if or.day > rr.day {
				break
			}
			if or.big || or.day == noDay || o.ri == r.ri {
				continue
			}
			if o.report == r.report {
				if (or.source == rr.source || rr.outlet) && or.day == rr.day && !or.prior && hi*3 < or.lo {
					return true
				}
				continue
			}
			if or.day == rr.day {
				same = append(same, or.lo)
			} else {
				prev = append(prev, or.lo)
			}
		}
		if len(prev) > 0 {
			slices.Sort(prev)
			if hi*3 < prev[len(prev)/2] {
				return true
			}
		}
		if len(same) > 1 {
			slices.Sort(same)
			return hi*3 < same[len(same)/4]
		}
		return false
	}
	// one series per bucket and top place, named on first use, and per
	// run of figures in time: more than epochGap days without a figure
	// start a new run (the Maui fire of 2023 and the Los Angeles fires of
	// 2025 are both "people killed in the United States" in a disaster)
	keyOf := make([]bp, len(recs))
	const partKey = -2 // (a part whose place is not named: its own series)
	for _, i := range order {
		r := &recs[i]
		if r.pl < 0 {
			keyOf[i] = bp{r.bid, -1}
			continue
		}
		top := rep(bp{r.bid, r.pl})
		if unplaced(r, top) {
			keyOf[i] = bp{r.bid, partKey}
			continue
		}
		keyOf[i] = bp{r.bid, top}
	}
	p.liftToWhole(recs, order, keyOf, in)
	since := p.epochs(recs, order, keyOf, partKey)
	type epochKey struct {
		k     bp
		since int32
	}
	seriesMemo := map[epochKey]int32{}
	for _, i := range order {
		r := &recs[i]
		k := keyOf[i]
		ek := epochKey{k, since[i]}
		sinceDay := ""
		if since[i] != noDay {
			sinceDay = dateOf(since[i]).String()
		}
		switch {
		case k[1] == -1:
			si, ok := seriesMemo[ek]
			if !ok {
				si = seriesOf(r.bucket, "", "", sinceDay)
				seriesMemo[ek] = si
			}
			p.recs[r.ri].series = si
		case k[1] == partKey:
			b := r.bucket
			b.kind = "part"
			id := p.claims[p.recs[r.ri].ci].ID
			p.recs[r.ri].series = seriesOf(b, "~part/"+id, "a place in "+p.tax.Place(r.name)+" not named (claim "+id+")", "")
		default:
			top := k[1]
			si, ok := seriesMemo[ek]
			if !ok {
				name := present[k]
				if pl, ok := gaz().Get(in.places[top]); ok {
					name = pl.Name
				}
				// the taxonomy's name where it has one ("Gaza" for the Gaza Strip)
				name = p.tax.Place(name)
				si = seriesOf(r.bucket, in.places[top], name, sinceDay)
				seriesMemo[ek] = si
			}
			p.recs[r.ri].series = si
		}
	}
}

// sameFigure reports whether two figures are one number as written,
// whatever their qualifiers: "27 dead in Acapulco" in a headline above
// "at least 27 people were killed" in Mexico is Mexico's toll by another
// name, not a part of it. Limit: "about 100" ([90, 110]) and "100" are
// two figures here.
func (p *prep) sameFigure(a, b *rec) bool {
	if a.big || b.big {
		return p.compareRecIntervals(a, b) == 0
	}
	return a.lo == b.lo && (a.open || b.open || a.hi == b.hi)
}

// liftToWhole moves a figure that took its report's place into the
// series of a place containing it when another report gives that place
// the same figure within a day and the report's place's own figures of
// those days are all below half of it: "Strong aftershock injures 13 in
// Nangarhar; quake toll stands at 2,205" gives Nangarhar no 2,205 dead
// when Afghanistan's toll is 2,205 and Nangarhar's own is 12.
func (p *prep) liftToWhole(recs []ctxRec, order []int, keyOf [][2]int32, in *ctxIntern) {
	candidate := func(i int) bool {
		r := &recs[i]
		rr := &p.recs[r.ri]
		return r.inherited && keyOf[i][1] >= 0 && r.bucket.kind == "total" && rr.day != noDay && !rr.prior && !rr.big
	}
	// only the keys a candidate reads are indexed: its own and those of
	// the places above it (a million claims need not all be)
	need := map[[2]int32]bool{}
	for _, i := range order {
		if candidate(i) {
			k := keyOf[i]
			need[k] = true
			for a, n := in.parent(k[1]), 0; a >= 0 && n < 16; a, n = in.parent(a), n+1 {
				need[[2]int32{k[0], a}] = true
			}
		}
	}
	if len(need) == 0 {
		return
	}
	// each key's dated records in day order, so that a candidate looks
	// only at the days it compares (a key of a million claims held
	// hundreds of thousands: 8 CPU s scanned whole)
	byKey := map[[2]int32][]int32{}
	for _, i := range order {
		if k := keyOf[i]; k[1] >= 0 && need[k] && p.recs[recs[i].ri].day != noDay {
			byKey[k] = append(byKey[k], int32(i))
		}
	}
	day := func(j int32) int32 { return p.recs[recs[j].ri].day }
	for _, js := range byKey {
		slices.SortStableFunc(js, func(a, b int32) int { return cmp.Compare(day(a), day(b)) })
	}
	// days returns the records of key k from day lo to day hi
	days := func(k [2]int32, lo, hi int32) []int32 {
		js := byKey[k]
		from, _ := slices.BinarySearchFunc(js, lo, func(j, d int32) int { return cmp.Compare(day(j), d) })
		to, _ := slices.BinarySearchFunc(js[from:], hi+1, func(j, d int32) int { return cmp.Compare(day(j), d) })
		return js[from : from+to]
	}
	for _, i := range order {
		if !candidate(i) {
			continue
		}
		r := &recs[i]
		k := keyOf[i]
		rr := &p.recs[r.ri]
		// the place's own figures of those days: all below half of this
		own := false
		for _, j := range days(k, rr.day-3, rr.day+3) {
			o := &p.recs[recs[j].ri]
			if j == int32(i) || recs[j].inherited || o.day == noDay || o.day < rr.day-3 || o.day > rr.day+3 {
				continue
			}
			if o.big || o.hi*2 >= rr.lo || o.open && o.lo*2 >= rr.lo {
				own = true
				break
			}
		}
		if own {
			continue
		}
		for a, n := in.parent(k[1]), 0; a >= 0 && n < 16; a, n = in.parent(a), n+1 {
			found := false
			for _, j := range days([2]int32{k[0], a}, rr.day-1, rr.day+1) {
				o := &p.recs[recs[j].ri]
				if o.report != rr.report && o.day != noDay && o.day >= rr.day-1 && o.day <= rr.day+1 && !o.prior && p.compareRecIntervals(o, rr) == 0 {
					found = true
					break
				}
			}
			if found {
				keyOf[i] = [2]int32{k[0], a}
				break
			}
		}
	}
}

// epochGap is how many days without a figure end one run of a quantity's
// figures. One event's reports come within days or weeks of each other,
// with a revised count up to a few months later (Helene's Buncombe County
// toll, corrected in January); a war or an epidemic is reported on
// without such a gap; two disasters of one kind in one country a season
// apart are two events. A figure after such a gap close to the last one
// before it continues the run (settles). Limit: two such disasters closer
// than that in time, and named alike, are one series (toll series move
// sets them apart).
const epochGap = 120

// settles reports whether figure b, given more than epochGap days after
// figure a with none between, is a's toll settled rather than another
// event's: within a quarter below to a half above it (Grenfell's "about
// 80" of June and the 71 of November, Sewol's 295 and a feature's 288
// months on). Another disaster of one kind a season later starts from its
// own first figure, far from the last one's settled toll (Maui's 115 and
// the Los Angeles fires' 10). Limit: two events of one kind, place and
// size months apart are one run.
func settles(a, b *rec) bool {
	if a.big || b.big || a.lo <= 0 || b.lo <= 0 {
		return false
	}
	return b.lo*4 >= a.lo*3 && b.lo*2 <= a.lo*3
}

// epochs returns, for each record, the first day of its run of figures
// when that run is not its series' first (noDay for the first run, for
// undated records, for historical tolls and for unnamed parts): each
// series' dated figures in day order, a new run after more than epochGap
// days without one.
func (p *prep) epochs(recs []ctxRec, order []int, keyOf [][2]int32, partKey int32) []int32 {
	since := make([]int32, len(recs))
	for i := range since {
		since[i] = noDay
	}
	byKey := map[[2]int32][]int32{}
	for _, i := range order {
		r := &recs[i]
		if keyOf[i][1] == partKey || strings.HasPrefix(r.bucket.kind, "past ") || p.recs[r.ri].day == noDay {
			continue
		}
		byKey[keyOf[i]] = append(byKey[keyOf[i]], int32(i))
	}
	for _, is := range byKey {
		day := func(i int32) int32 { return p.recs[recs[i].ri].day }
		slices.SortStableFunc(is, func(a, b int32) int { return cmp.Compare(day(a), day(b)) })
		start, first := int32(noDay), true
		for k, i := range is {
			if k > 0 && day(i)-day(is[k-1]) > epochGap && !settles(&p.recs[recs[is[k-1]].ri], &p.recs[recs[i].ri]) {
				start, first = day(i), false
			}
			if !first {
				since[i] = start
			}
		}
	}
	return since
}

// ctxIntern numbers the buckets and places of context records, with
// each place's parent and which places contain which worked out once
// per place instead of once per claim.
type ctxIntern struct {
	bucketOf map[ctxBucket]int32
	buckets  []ctxBucket
	totals   []int32 // a bucket's number with kind "period" read as "total"
	placeOf  map[string]int32
	places   []string
	parents  []int32 // -2: not yet looked up; -1: none
	contain  map[[2]int32]bool
	last     ctxBucket // the bucket last numbered, and its number
	lastID   int32
}

func newCtxIntern() *ctxIntern {
	return &ctxIntern{bucketOf: map[ctxBucket]int32{}, placeOf: map[string]int32{}, contain: map[[2]int32]bool{}, lastID: -1}
}

// bucket returns b's number.
func (in *ctxIntern) bucket(b ctxBucket) int32 {
	if in.lastID >= 0 && b == in.last {
		return in.lastID // (neighbouring claims often share one)
	}
	id, ok := in.bucketOf[b]
	if !ok {
		id = int32(len(in.buckets))
		in.bucketOf[b] = id
		in.buckets = append(in.buckets, b)
		in.totals = append(in.totals, -1)
	}
	in.last, in.lastID = b, id
	return id
}

// total returns the number of bucket id with its kind "period" read as
// "total".
func (in *ctxIntern) total(id int32) int32 {
	if t := in.totals[id]; t >= 0 {
		return t
	}
	b := in.buckets[id]
	t := id
	if b.kind == "period" {
		b.kind = "total"
		t = in.bucket(b)
	}
	in.totals[id] = t
	return t
}

// place returns a place id's number.
func (in *ctxIntern) place(id string) int32 {
	n, ok := in.placeOf[id]
	if !ok {
		n = int32(len(in.places))
		in.placeOf[id] = n
		in.places = append(in.places, id)
		in.parents = append(in.parents, -2)
	}
	return n
}

// parent is parentOf on numbers; -1 when there is none.
func (in *ctxIntern) parent(n int32) int32 {
	if p := in.parents[n]; p != -2 {
		return p
	}
	p := int32(-1)
	if id := parentOf(in.places[n]); id != "" {
		p = in.place(id)
	}
	in.parents[n] = p
	return p
}

// contains is placeContains on numbers, memoised.
func (in *ctxIntern) contains(outer, inner int32) bool {
	k := [2]int32{outer, inner}
	v, ok := in.contain[k]
	if !ok {
		v = placeContains(in.places[outer], in.places[inner])
		in.contain[k] = v
	}
	return v
}

// ctxScope is the scope a context series shows for its kind.
func ctxScope(kind string) tracker.Scope {
	switch kind {
	case "period":
		return tracker.Period
	case "incident":
		return tracker.UnknownScope
	case "part":
		return tracker.Scope("part")
	case "taken":
		return tracker.Scope("taken")
	case "deal":
		return tracker.Scope("due under a deal")
	}
	return tracker.Cumulative
}

// ctxPlace returns the place index of a gazetteer id, named name.
func (p *prep) ctxPlace(id, name string) int32 {
	key := "id:" + id
	if i, ok := p.placeOf[key]; ok {
		return i
	}
	i := int32(len(p.places))
	p.placeOf[key] = i
	p.places = append(p.places, nameInfo{key: key, name: name})
	return i
}

// ministryOfRE is "the ministry of (the) interior", written as "interior
// ministry".
var ministryOfRE = regexp.MustCompile(`(?i)^(ministry|department|office|directorate)\s+of\s+(?:the\s+)?([a-z]+(?:\s+[a-z]+)?)$`)

// originName drops from a source's name the place of the claim it gives
// (its own country), so that "Morocco's interior ministry", "the Moroccan
// interior ministry" and "the interior ministry" in reports about Morocco
// are one origin. A source of another country keeps its place: "the
// Israeli health ministry" is not Gaza's.
func originName(source, placeID string) string {
	country := countryOf(placeID)
	s := trimName(source)
	ws := strings.Fields(s)
	if country == "" {
		country = "~"
	}
	if len(ws) >= 2 {
		first := strings.TrimSuffix(strings.TrimSuffix(ws[0], "'s"), "’s")
		drop := false
		// the claim's own country, or any when the claim has none (an
		// event site the gazetteer does not know)
		known := country != "~" && country != ""
		if p, ok := gaz().Resolve(first, country); ok && (p.Country == country || !known && p.Kind == gazetteer.Country) {
			drop = true
		} else if p, ok := gaz().Demonym(first); ok && (p.Country == country || !known) {
			drop = true
		} else if p, ok := gaz().Resolve(first); ok && !known && p.Kind != gazetteer.City {
			drop = true
		}
		if drop {
			// (a possessive is the country's whatever follows:
			// "Haiti's Civil Protection Directorate"; "Kenya Red
			// Cross" keeps its name)
			if r, _ := utf8.DecodeRuneInString(ws[1]); unicode.IsLower(r) || first != ws[0] {
				s = strings.Join(ws[1:], " ")
			}
		}
	}
	if m := ministryOfRE.FindStringSubmatch(s); m != nil {
		s = m[2] + " " + m[1]
	}
	return nameAfterTitle(s)
}

// nameAfterTitle drops the lowercase description before a proper name:
// "public broadcaster NHK" is NHK, "state news agency SUNA" is SUNA,
// "FSB director Alexander Bortnikov" is Alexander Bortnikov. A name that
// ends in lowercase words ("the Moscow region health ministry") is kept.
func nameAfterTitle(s string) string {
	ws := strings.Fields(s)
	if len(ws) < 2 {
		return s
	}
	upper := func(w string) bool {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	i := len(ws)
	for i > 0 && upper(ws[i-1]) {
		i--
	}
	if i == len(ws) || i == 0 {
		return s // ends lowercase, or is all proper name
	}
	// the words before the name must hold a lowercase one: a title
	// ("broadcaster", "director"), not another name
	for _, w := range ws[:i] {
		if !upper(w) {
			return strings.Join(ws[i:], " ")
		}
	}
	return s
}

// weekOf is the week of a day (a day number as dayOf gives it).
func weekOf(day int32) int32 {
	if day < 0 {
		return (day - 6) / 7
	}
	return day / 7
}

// countryOf is the country of a context place id ("MA.07.041" is "MA";
// "AF.11/zinda jan district" is "AF"; "SY+TR" is "SY"), or the id's first
// part when the gazetteer does not know it.
func countryOf(placeID string) string {
	country := placeID
	if i := strings.IndexAny(country, "/+"); i >= 0 {
		country = country[:i]
	}
	if p, ok := gaz().Get(country); ok && p.Country != "" {
		country = p.Country
	}
	return country
}

// countryNamed is countryOf with the gazetteer's name of the country (the
// country's id when it has none), memoised by place id: placeBySource and
// placeByEvent ask it of every dated context claim (a million claims'
// gazetteer lookups took 1.6 CPU s).
func (p *prep) countryNamed(placeID string) (country, name string) {
	if v, ok := p.countryMemo[placeID]; ok {
		return v[0], v[1]
	}
	country = countryOf(placeID)
	name = country
	if cp, ok := gaz().Get(country); ok {
		name = cp.Name
	}
	if p.countryMemo == nil {
		p.countryMemo = map[string][2]string{}
	}
	p.countryMemo[placeID] = [2]string{country, name}
	return country, name
}

// misreadWords end or fill a phrase that is no source's name: "raised
// the", "attack and", "evening update the county".
var misreadWords = map[string]bool{
	"the": true, "and": true, "a": true, "an": true, "of": true, "to": true, "in": true, "on": true,
	"with": true, "that": true, "which": true, "for": true, "by": true, "update": true, "raised": true,
	"said": true, "told": true, "added": true, "rose": true, "gave": true, "put": true, "says": true,
}

// ctxSource returns who gives a context claim's figure and whether the
// text names them (else the name is the relay's or the outlet's).
// junkSource is given (memoised: see ctxMemo).
func ctxSource(sc *tracker.StoredClaim, junkSource func(string) bool) (string, bool) {
	c := &sc.Claim
	if a := c.Attribution; a != "" && !junkSource(a) {
		return a, true
	}
	switch {
	case c.Context.Origin != "" && !junkSource(c.Context.Origin):
		return c.Context.Origin, true
	case c.Context.Via != "":
		return c.Context.Via, false
	}
	return sc.Outlet, false
}

// junkSource reports whether an attribution reads as a misread phrase:
// no capital letter, and a function word at its end or a verb inside.
func junkSource(a string) bool {
	ws := strings.Fields(a)
	if len(ws) == 0 {
		return true
	}
	if len(ws) == 3 && ws[1] == "to" {
		// "governments from Cairo to Jakarta": a span of places, no one
		_, ok1 := gaz().Resolve(ws[0])
		_, ok2 := gaz().Resolve(ws[2])
		if ok1 && ok2 {
			return true
		}
	}
	for _, w := range ws {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			return false
		}
	}
	if misreadWords[strings.ToLower(ws[len(ws)-1])] {
		return true
	}
	for _, w := range ws[1:] {
		if lw := strings.ToLower(strings.Trim(w, ",.'’")); misreadWords[lw] && lw != "of" && lw != "the" && lw != "and" {
			return true
		}
	}
	return ws[0] == "update" || ws[0] == "raised"
}

// ctxMemo holds what prepare works out for a context claim from strings
// many claims share (an attribution, a place's name, a group in a
// place), once per distinct string instead of once per claim.
type ctxMemo struct {
	junk     map[string]bool
	unknown  map[string]string
	groups   map[[2]string]ctxGroupOf
	periodOf map[string]bool // periodRE over sentences
}

// periodic is periodicText(sentence), memoised when m is not nil.
func (m *ctxMemo) periodic(sentence string) bool {
	if m == nil {
		return periodicText(sentence)
	}
	v, ok := m.periodOf[sentence]
	if !ok {
		if m.periodOf == nil {
			m.periodOf = map[string]bool{}
		}
		v = periodicText(sentence)
		m.periodOf[sentence] = v
	}
	return v
}

type ctxGroupOf struct {
	group string
	ok    bool
}

// source is ctxSource with junkSource memoised.
func (m *ctxMemo) source(sc *tracker.StoredClaim) (string, bool) {
	if m.junk == nil {
		m.junk = map[string]bool{}
	}
	isJunk := func(a string) bool {
		j, ok := m.junk[a]
		if !ok {
			j = junkSource(a)
			m.junk[a] = j
		}
		return j
	}
	return ctxSource(sc, isJunk)
}

// unknownPlace is the id of a place the gazetteer does not know: "~/"
// and its taxonomy key.
func (m *ctxMemo) unknownPlace(tax *Taxonomy, place string) string {
	id, ok := m.unknown[place]
	if !ok {
		if m.unknown == nil {
			m.unknown = map[string]string{}
		}
		k, _ := tax.placeKey(place)
		id = "~/" + k
		m.unknown[place] = id
	}
	return id
}

// group is ctxGroup, memoised.
func (m *ctxMemo) group(who, placeID string) (string, bool) {
	k := [2]string{who, placeID}
	g, ok := m.groups[k]
	if !ok {
		if m.groups == nil {
			m.groups = map[[2]string]ctxGroupOf{}
		}
		g.group, g.ok = ctxGroup(who, placeID)
		m.groups[k] = g
	}
	return g.group, g.ok
}
