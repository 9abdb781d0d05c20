package extract

import (
	"cmp"
	"math/bits"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/gazetteer"
)

// This file is the report pass: after every sentence has given its claims,
// the report around them is read once (headline, dateline, lead) and each
// claim gets a tracker.Context: the place the figure is about when the
// sentence names none, the event it counts, whether it is a single
// incident or another time's toll, and who relayed it. The sentence's own
// fields (Where, Attribution, Scope) are never changed here: Context is
// what the report adds, so a reader can always tell the two apart.
//
// Limits: one report is taken to be about one main place (the country with
// the most weight in headline, dateline and lead); a report about two
// countries' events gets the first one's place for figures that name none.
// Places the gazetteer does not know are kept only when they look like
// places (a designator such as "district" or "village", or several
// capitalised words); an unknown single word ("Gunmen", "Freddy",
// "Corrects") is never a place.

// gaz is the gazetteer the report pass reads, built once (3–4 ms) on first
// use and never changed.
var gaz = sync.OnceValue(gazetteer.Default)

// reportContext is what the report pass read around the sentences.
type reportContext struct {
	v        *vocabulary
	headEnd  int // text[:headEnd] is the headline; 0 when none
	leadEnd  int // text[:leadEnd] is headline, dateline and lead
	agency   string
	country  string            // the main country's ID
	country2 string            // a second country the report is as much about, or ""
	named    []gazetteer.Place // places of headline and lead, in order
	votes    map[string]int    // weight of each country in headline, dateline and lead
	// paraCountry is the country of the last place a sentence of the
	// current paragraph named (applyContext keeps it)
	paraCountry string
	place       gazetteer.Place
	hasPl       bool
	from        string // where place was read: headline, dateline or lead
	event       string // the report's event noun, normalised
	// siteEvent: the event of a site the headline or lead names
	// ("mining" of "a fire at the Kostenko coal mine"), which the
	// report's fires and collapses are (sitecause), or ""
	siteEvent string
	// evPlace: the place headline or lead names the event by ("links to
	// Moscow attack", "the Herat quake"), when it is in another country
	// than place (eventPlace)
	evPlace gazetteer.Place
	hasEvPl bool
	// storms: the names the report gives storms ("Idai" of "Cyclone
	// Idai"), which stand for the storm where a sentence names no storm
	// noun ("Idai toll passes 750 as cholera fears grow")
	storms []string
	year   int // the report's year, 0 when undated
	// text is the report's text; siteNames memoises namesSite
	text      string
	siteNames map[string]bool
	month     int // the report's month (1-12), 0 when undated
	// sent and sentOff are the last sentence sentenceStart found and
	// its offset: see sentenceStart
	sent    string
	sentOff int
	places  *placeMemo  // the report's gazetteer answers
	para    *paraPlaces // the places of the paragraph paragraphPlace last read
	sm      sentMemo    // the regexps' answers for the last claim's sentence
}

// sentMemo holds what the context regexps found in one sentence, each
// read when a claim of it first asks: the claims of a sentence share it.
type sentMemo struct {
	sent                               string
	fronted, incident, past, via, both bool // read yet
	frontedM                           []string
	subject                            bool // subjectM read yet
	subjectM                           []string
	isIncident, isBoth                 bool
	pastS, viaS                        string
	evRead                             bool
	events                             []sentEvent // the event nouns of the sentence, in order
}

// sentEvent is an event noun of a sentence: its bounds in the sentence and
// the event it names.
type sentEvent struct {
	start, end int
	event      string
}

// sentence returns the memo for sent, emptied when sent is another
// sentence.
func (rc *reportContext) sentence(sent string) *sentMemo {
	if rc.sm.sent != sent {
		rc.sm = sentMemo{sent: sent}
	}
	return &rc.sm
}

// frontedMatch is frontedRE.FindStringSubmatch(m.sent).
func (m *sentMemo) frontedMatch() []string {
	if !m.fronted {
		m.fronted = true
		if mayBeFronted(m.sent) {
			m.frontedM = frontedRE.FindStringSubmatch(m.sent)
		}
	}
	return m.frontedM
}

// subjectMatch is subjectRE.FindStringSubmatch(m.sent) when mayBeSubject
// says it can match, else nil.
func (m *sentMemo) subjectMatch() []string {
	if !m.subject {
		m.subject = true
		if mayBeSubject(m.sent) {
			m.subjectM = subjectRE.FindStringSubmatch(m.sent)
		}
	}
	return m.subjectM
}

// incidentMatch is mayBeIncident(sent) && incidentRE.MatchString(sent).
func (m *sentMemo) incidentMatch() bool {
	if !m.incident {
		m.incident, m.isIncident = true, incidentMatch(m.sent)
	}
	return m.isIncident
}

// bothMatch is mayBeBoth(sent) && bothRE.MatchString(sent).
func (m *sentMemo) bothMatch() bool {
	if !m.both {
		m.both, m.isBoth = true, mayBeBoth(m.sent) && bothRE.MatchString(m.sent)
	}
	return m.isBoth
}

// relay is the relay viaRE reads in the sentence, trimmed, or "" (viaOf
// before it compares the relay with a claim's attribution).
func (m *sentMemo) relay() string {
	if !m.via {
		m.via, m.viaS = true, viaOf(m.sent, "")
	}
	return m.viaS
}

// sentenceStart returns the offset of a claim's sentence in the text, or
// -1. Claims come in text order, so the search starts at the last
// sentence found (the claims of one sentence share it): searching the
// whole text once a claim was quadratic, and a repeated sentence is found
// where it is, not at its first occurrence. A sentence before the last
// one found is searched for from the start.
func (rc *reportContext) sentenceStart(text, sent string) int {
	if sent == rc.sent && rc.sentOff >= 0 {
		return rc.sentOff
	}
	from := max(rc.sentOff, 0)
	off := strings.Index(text[from:], sent)
	if off >= 0 {
		off += from
	} else {
		off = strings.Index(text, sent)
	}
	rc.sent, rc.sentOff = sent, off
	return off
}

// datelineRE reads a dateline at the start of a body: "RABAT, Sept 9
// (Reuters) - ", "BEIRUT, Sept 9 — ", "Rabat — ", "LAHAINA, Hawaii (AP) —",
// "ASTANA, 17 November – ".
var datelineRE = regexp.MustCompile(`^([A-Z][A-Za-z.'’\-]*(?: [A-Z][A-Za-z.'’\-]*){0,3})((?:, [A-Z][A-Za-z.'’]*(?: [A-Z][A-Za-z.'’]*){0,2})?)(?:,? (?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?))?(?:,? \d{4})?\s*(?:\(([A-Za-z][A-Za-z .&/-]{0,30})\))?\s*[-–—]+\s`)

// applyContext fills every claim's Context from its report. title is the
// report's headline as stored apart from the text (tracker.HeadlineEnd
// finds it at the start of text); when empty, a first line that reads as
// a headline is taken as one.
func applyContext(v *vocabulary, places *placeCache, text, title string, date tracker.Date, claims []tracker.Claim) {
	if len(claims) == 0 {
		return
	}
	rc := readReport(v, places, text, title, date)
	for i := range claims {
		// "Otis death toll climbs to 39" in a report about Hurricane
		// Otis: the storm's name, no place (the sentence pass reads it as
		// the place a toll is of, as in "Gaza death toll"). Limit: a storm
		// named after a place the report also means as a place ("Cyclone
		// Kerala") loses that place.
		if c := &claims[i]; c.Where != "" && slices.Contains(rc.storms, c.Where) {
			c.Where = ""
		}
	}
	if rc.headEnd > 0 && titledLine(text[:rc.headEnd]) {
		body := text[rc.headEnd:]
		for i := range claims {
			// "Nepal Plane Crash Kills At Least 68 In Deadliest Accident
			// In Three Decades": a title-case headline capitalises
			// common words, so "In Deadliest Accident" reads as a place.
			// A name the gazetteer does not know whose first word the
			// body writes in lower case ("Nepal's deadliest air
			// accident") is no name. Limit: a site whose first word is
			// also a common word the body uses ("Camp Mystic" beside
			// "the camp") loses its name in the headline only.
			c := &claims[i]
			if c.Start >= rc.headEnd {
				break
			}
			if c.Where == "" || gaz().IsPlaceName(stripDesignator(c.Where)) {
				continue
			}
			first, _, _ := strings.Cut(c.Where, " ")
			// (an area noun, "61 From State Killed", is the body's
			// place, read below)
			if lw := strings.ToLower(first); lw != first && !rc.v.areaNouns[lw] && wordIndex(body, lw, false) >= 0 {
				c.Where = ""
			}
		}
	}
	// the headline's own figure names the place the report is about
	// ("Flash floods kill at least 51 in Spain's Valencia region")
	for i := range claims {
		c := &claims[i]
		if c.Start >= rc.headEnd {
			break
		}
		if c.Where == "" {
			continue
		}
		if id, name, ok := combined(rc.places, c.Where); ok && strings.Contains(id, "+") {
			// "Quake deaths in Turkey and Syria top 5,000": the report is
			// about the countries together
			rc.place, rc.from, rc.hasPl = gazetteer.Place{ID: id, Name: name, Kind: gazetteer.Country}, "headline", true
			break
		}
		if p, ok := rc.sentencePlace(rc.places.g, c.Where); ok && (rc.country == "" || p.Country == rc.country || p.Kind == gazetteer.Country) {
			rc.place, rc.from, rc.hasPl = p, "headline", true
			if rc.country == "" {
				rc.country = p.Country
			}
			break
		}
	}
	// "161 missing in Kerr County alone, … as the death toll rose to
	// 109": a place the lead gives "alone" is a part of what the report
	// is about, its state's or province's toll
	if rc.hasPl && rc.place.Kind != gazetteer.Country && strings.Contains(text[:min(len(text), rc.leadEnd+400)], rc.place.Name+" alone") {
		if fl, ok := firstLevelOf(rc.places.g, rc.place); ok && fl.ID != rc.place.ID {
			rc.place = fl
		}
	}
	var carry tracker.Context // the last sentence place of the paragraph
	para := -1
	// text[:scanned] has been searched for paragraph breaks and the last
	// one is at last: claims come in text order, so each search covers
	// only the text since the claim before (searching text[:c.Start]
	// each time was quadratic: 10,000 claims in a text with no blank line
	// took 8 s)
	scanned, last := 0, -1
	var pl gazetteer.Place // paragraphPlaceOf's answer
	for i := range claims {
		c := &claims[i]
		var p int
		if c.Start >= scanned {
			from := max(scanned-1, 0) // a break may straddle the old end
			if q := lastBlankLine(text[from:c.Start]); q >= 0 {
				last = from + q
			}
			scanned, p = c.Start, last
		} else {
			p = lastBlankLine(text[:c.Start])
		}
		if p != para {
			para, carry = p, tracker.Context{}
			rc.paraCountry = ""
		}
		rc.contextOf(text, c)
		if c.Context.PlaceFrom == "sentence" {
			if pl, ok := rc.places.getPlace(c.Context.PlaceID); ok {
				rc.paraCountry = pl.Country
			}
		}
		switch {
		case (c.Context.PlaceFrom == "sentence" || c.Context.PlaceFrom == "group") && c.Context.Part:
			// a part's place is no place of the paragraph: "29 of the dead
			// were in Acapulco and 10 in Coyuca. The toll had stood at 27
			// on Thursday." is no toll of Coyuca
		case (c.Context.PlaceFrom == "sentence" || c.Context.PlaceFrom == "group") && c.Category == tracker.Displaced && rc.country != "" && rc.countryOfID(c.Context.PlaceID) != rc.country:
			// where refugees fled to is no place of the paragraph: "about
			// 20,000 people had fled across the border into Chad.
			// Previously, WHO had reported 413 deaths." is no toll of Chad
		case c.Context.PlaceFrom == "sentence" || c.Context.PlaceFrom == "group":
			carry = c.Context
		case c.Context.PlaceFrom != "source" && c.Where == "" && c.Start >= rc.leadEnd && rc.v.anaphor(c.Sentence) && rc.anaphorPlace(text, p+1, c, &pl):
			// "… a much lower count for Darnah. It said 3,166 bodies had
			// been recovered in the city": the place the paragraph last
			// named
			c.Context.Place, c.Context.PlaceID, c.Context.PlaceFrom = pl.Name, pl.ID, "paragraph"
		case c.Context.PlaceFrom != "sentence" && mayBeBoth(c.Sentence) && bothRE.MatchString(c.Sentence):
			// a figure its sentence calls the countries' together takes no
			// place of its paragraph's: "Syria's dead number 3,513. That
			// takes the combined toll to 23,831" is no toll of Syria
		case rc.country2 != "" && c.Context.PlaceFrom != "source" && c.Start >= rc.leadEnd && rc.paragraphPlaceOf(text, p+1, c, &pl):
			// a report about two countries: a figure that names no place
			// is about the one its paragraph last named ("… in Gaza. The
			// ministry said 7,028 were dead.")
			c.Context.Place, c.Context.PlaceID, c.Context.PlaceFrom = pl.Name, pl.ID, "paragraph"
		case carry.Place != "" && c.Start >= rc.leadEnd && c.Context.PlaceFrom != "source" && !rc.statewideNear(text, c):
			// (not "…, bringing the statewide toll to 31": the state's,
			// not the fire's the clause before named)
			// a sentence after one that named its place, in the same
			// paragraph, is about that place ("In Gaza, the ministry said
			// 2,329 had died. More than 9,000 have been wounded.")
			c.Context.Place, c.Context.PlaceID, c.Context.PlaceFrom = carry.Place, carry.PlaceID, "paragraph"
		}
	}
	rc.ownBesideForeign(claims)
	rc.totalsAboveParts(claims)
	rc.totalsAfterParts(claims)
	rc.acrossCountries(claims, title, text)
	rc.headlinePlaces(claims)
	copyAttributions(claims)
}

// lastBlankLine is strings.LastIndex(s, "\n\n") read forwards, one
// vectorised search a paragraph break, where LastIndex hashes every byte
// from the end (1% of the extractor).
func lastBlankLine(s string) int {
	last := -1
	for i := 0; ; {
		q := strings.Index(s[i:], "\n\n")
		if q < 0 {
			return last
		}
		last = i + q
		i = last + 1
	}
}

// headlinePlaces gives a headline's figure that names no place of its own
// the place the body reads for the same figure: "Quake toll reaches 118;
// 20 missing after mudflow in Qinghai" over "the number killed … in
// northwest China rose to 118" is China's 118, not the province the
// headline names for its missing. Only a wider place (or any, where the
// headline's figure has none): a body that reads a narrower one for the
// same figure ("154 people in Jajarkot and Rukum West" under "154 killed
// as quake flattens villages") most often names where the toll is, not
// another quantity.
func (rc *reportContext) headlinePlaces(claims []tracker.Claim) {
	var body map[figureKey]int
	for j := range claims {
		o := &claims[j]
		if o.Context.Headline || o.Prior || o.Context.Part || o.Context.PlaceID == "" || o.Context.PlaceFrom != "sentence" && o.Context.PlaceFrom != "parts" {
			continue
		}
		if body == nil {
			body = map[figureKey]int{}
		}
		k := figureKeyOf(o)
		if _, ok := body[k]; !ok {
			body[k] = j
		}
	}
	if body == nil {
		return
	}
	for i := range claims {
		c := &claims[i]
		if !c.Context.Headline || c.Prior || c.Context.PlaceFrom == "sentence" || c.Context.Past != "" {
			continue
		}
		// (a headline's figure that names a place no one could read
		// takes the narrower place the body names for it: "61 From
		// State Killed" over "Sixty-one people from West Bengal were
		// among those killed")
		unread := c.Where != ""
		j, ok := body[figureKeyOf(c)]
		if !ok {
			continue
		}
		// (the same figure: equal bounds, or a headline's exact 24 over
		// the body's "at least 24", which headlines drop)
		if o := &claims[j]; o.Interval.Low.Equal(c.Interval.Low) && (o.Interval.Unbounded == c.Interval.Unbounded && o.Interval.High.Equal(c.Interval.High) || o.Interval.Unbounded && c.Interval.High.Equal(c.Interval.Low)) && o.Context.PlaceID != c.Context.PlaceID &&
			(c.Context.PlaceID == "" || !unread && (rc.places.contains(o.Context.PlaceID, c.Context.PlaceID) || rc.acrossBorders(o.Context.PlaceID) || rc.amongCountries(o.Context.PlaceID, c.Context.PlaceID)) || unread && rc.places.contains(c.Context.PlaceID, o.Context.PlaceID)) {
			c.Context.Place, c.Context.PlaceID, c.Context.PlaceFrom = o.Context.Place, o.Context.PlaceID, "body"
		}
	}
}

// totalsAfterParts gives a total that sums the figures its sentence gave
// before it for two places or more the place that holds them all: "The
// storm killed at least 105 people in Florida and five in North Carolina,
// bringing the total to 110" is the country's 110, not Florida's (the
// place the sentence pass read for the clause's subject). Only a toll's
// phrase ("the total", "the toll"), whose place is none or one of the
// parts', at or above the parts' sum.
func (rc *reportContext) totalsAfterParts(claims []tracker.Claim) {
	g := rc.places.g
	for i := range claims {
		c := &claims[i]
		if c.Context.Part || c.Prior || c.Context.Past != "" || !(strings.Contains(c.Span, "total") || strings.Contains(c.Span, "toll")) {
			continue
		}
		var parts []string
		sum := decimal.Zero
		for j := i - 1; j >= 0 && claims[j].Sentence == c.Sentence; j-- {
			d := &claims[j]
			if d.Category != c.Category || d.Context.PlaceFrom != "sentence" || d.Prior || d.Context.Past != "" || d.Context.PlaceID == "" || strings.Contains(d.Context.PlaceID, "/") {
				continue
			}
			sum = sum.Add(d.Interval.Low)
			if !slices.Contains(parts, d.Context.PlaceID) {
				parts = append(parts, d.Context.PlaceID)
			}
		}
		if len(parts) < 2 {
			continue
		}
		bound := c.Interval.High
		if c.Interval.Unbounded {
			bound = c.Interval.Low
		}
		if sum.Cmp(bound) > 0 || c.Context.PlaceID != "" && !slices.Contains(parts, c.Context.PlaceID) {
			continue
		}
		if above, ok := commonAncestor(g, parts); ok {
			c.Context.Place, c.Context.PlaceID, c.Context.PlaceFrom = above.Name, above.ID, "parts"
		}
	}
}

// totalsAboveParts gives a total that names no place of its own the place
// its parts lie in when the report's place would put it at or below one of
// them: "157 people have died, 105 in Jajarkot and 52 in West Rukum" in a
// report whose headline names Jajarkot is no count of Jajarkot but of the
// province that holds both districts; "killed 157 people, 105 of them in
// Jajarkot" is of more than Jajarkot, so of the unit above it. The
// report's own place stays when it holds every part ("in Nepal": the
// country's toll).
func (rc *reportContext) totalsAboveParts(claims []tracker.Claim) {
	g := rc.places.g
	for i := range claims {
		c := &claims[i]
		if c.Where != "" || c.Context.PlaceFrom == "sentence" || c.Context.PlaceFrom == "group" || c.Context.Part || c.Prior || c.Context.Past != "" {
			continue
		}
		// its parts: the later figures of its sentence and category that
		// name their place, which together are no more than it
		var parts []string
		bound := c.Interval.High
		if c.Interval.Unbounded {
			bound = c.Interval.Low
		}
		sum := decimal.Zero
		for j := i + 1; j < len(claims) && claims[j].Sentence == c.Sentence && claims[j].Start < c.End+200; j++ {
			d := claims[j]
			// (an open part counts its floor: "rose above 100, with at
			// least 54 deaths in Lee County")
			if d.Category != c.Category || d.Context.PlaceFrom != "sentence" || d.Prior {
				continue
			}
			if d.Start > c.End && d.Start-c.End < 400 && strings.Contains(textBetween(c, &d), ", and ") {
				break // another clause's figure ("…, and landslides in Yen Bai have killed 37")
			}
			sum = sum.Add(d.Interval.Low)
			if d.Context.PlaceID != "" && !strings.Contains(d.Context.PlaceID, "/") && !slices.Contains(parts, d.Context.PlaceID) {
				parts = append(parts, d.Context.PlaceID)
			}
		}
		if len(parts) == 0 || sum.Cmp(bound) > 0 {
			continue
		}
		if id := c.Context.PlaceID; id != "" {
			holdsAll := true
			for _, q := range parts {
				if id == q || !g.Contains(id, q) {
					holdsAll = false
					break
				}
			}
			if holdsAll {
				continue
			}
		}
		var above gazetteer.Place
		if len(parts) == 1 {
			anc := g.Ancestors(parts[0])
			if len(anc) == 0 {
				continue
			}
			above = anc[0]
		} else {
			var ok bool
			if above, ok = commonAncestor(g, parts); !ok {
				continue
			}
		}
		c.Context.Place, c.Context.PlaceID, c.Context.PlaceFrom = above.Name, above.ID, "parts"
	}
}

// acrossCountries gives a figure that took its place from the headline,
// dateline, lead or paragraph the continent its report names when the
// report gives figures of its category for two countries or more, whose
// largest figures together are no more than it: "At least 15 people have
// died in the floods Storm Boris has brought to central and eastern
// Europe" under a headline that names a Polish town, over "Romania has
// counted six deaths, Poland five and Austria three", is the storm's toll
// across Europe, not Poland's. When the report names no continent, the
// figure's own sentence must say it spans countries, and the continent
// is the one those countries lie in (the gazetteer's UN regions):
// "Across the region nearly 300 people have died since Yagi struck,
// including 233 in Vietnam" in a report of Myanmar's 33 is Asia's toll;
// "Across the four countries hit hardest, Storm Boris killed 21" is
// Europe's when the report is of Poland, with no other country's figure
// ("the N countries" says it alone). Without either the figure keeps its
// place: "at least 2,500 died" over "2,400 in Nepal and 34 in India" in a
// report with no word of the region is Nepal's toll as the report reads
// it.
func (rc *reportContext) acrossCountries(claims []tracker.Claim, title, text string) {
	type ck struct {
		cat     tracker.Category
		country string
	}
	var top map[ck]decimal.Decimal
	for i := range claims {
		c := &claims[i]
		if c.Context.PlaceFrom != "sentence" || c.Prior || c.Context.Part || c.Context.Past != "" || c.Context.PlaceID == "" {
			continue
		}
		p, ok := rc.places.getPlace(c.Context.PlaceID)
		if !ok || p.Country == "" {
			continue
		}
		if top == nil {
			top = map[ck]decimal.Decimal{}
		}
		k := ck{c.Category, p.Country}
		if v, ok := top[k]; !ok || c.Interval.Low.Cmp(v) > 0 {
			top[k] = c.Interval.Low
		}
	}
	sums := map[tracker.Category]decimal.Decimal{}
	n := map[tracker.Category]int{}
	// the continent every country of a category's figures lies in ("" when
	// they lie in two, or one has none)
	cont := map[tracker.Category]string{}
	g := rc.places.g
	for k, v := range top {
		sums[k.cat] = sums[k.cat].Add(v)
		n[k.cat]++
		p, ok := g.Continent(k.country)
		switch c, seen := cont[k.cat]; {
		case !ok:
			cont[k.cat] = ""
		case !seen:
			cont[k.cat] = p.ID
		case c != p.ID:
			cont[k.cat] = ""
		}
	}
	var region gazetteer.Place
	found, looked := false, false
	for i := range claims {
		c := &claims[i]
		if c.Prior || c.Context.Part || c.Context.Past != "" || c.Where != "" {
			continue
		}
		switch c.Context.PlaceFrom {
		case "headline", "dateline", "lead", "paragraph":
		default:
			continue
		}
		counted := n[c.Category] >= 2 && c.Interval.Low.Cmp(sums[c.Category]) >= 0
		if !counted && !nCountriesText(c.Sentence) {
			continue
		}
		if !looked {
			looked = true
			for _, p := range append(rc.places.placesOf(title, false), rc.places.placesOf(text, false)...) {
				if p.Country == "" && p.Parent == "" && strings.HasPrefix(p.ID, "x:") {
					region, found = p, true
					break
				}
			}
		}
		if found && counted {
			c.Context.Place, c.Context.PlaceID, c.Context.PlaceFrom = region.Name, region.ID, "countries"
			continue
		}
		// no continent named: the sentence says it spans countries
		var id string
		switch {
		case counted && (acrossText(c.Sentence) || rc.countriesIn(c.Sentence) >= 2):
			// (or its sentence's own parts name the countries: "report
			// 23 deaths: seven in Poland, seven in Romania, …")
			id = cont[c.Category]
		case nCountriesText(c.Sentence) && rc.country != "" && rc.country2 == "":
			if p, ok := g.Continent(rc.country); ok {
				id = p.ID
			}
		}
		if id == "" {
			continue
		}
		if p, ok := g.Get(id); ok {
			c.Context.Place, c.Context.PlaceID, c.Context.PlaceFrom = p.Name, p.ID, "countries"
		}
	}
}

// countriesIn counts the countries whose places a sentence names.
func (rc *reportContext) countriesIn(sent string) int {
	var seen []string
	for _, p := range rc.places.placesOf(sent, false) {
		if p.Country != "" && !slices.Contains(seen, p.Country) {
			seen = append(seen, p.Country)
		}
	}
	return len(seen)
}

// acrossText reports whether a sentence says its figure is a region's,
// across borders: "across the region", "the regional toll", "in the
// region" (with figures of two countries beside it, which acrossCountries
// asks first: alone, "in the region" is as often a province's).
func acrossText(sent string) bool {
	return containsFoldASCII(sent, "the region") || containsFoldASCII(sent, "regional") || nCountriesText(sent)
}

// nCountriesText reports whether a sentence counts the countries its
// figure spans: "across the four countries hit hardest", "in three
// countries", "in the two countries".
func nCountriesText(sent string) bool {
	i := strings.Index(sent, " countries")
	if i < 0 {
		return false
	}
	before := strings.TrimRight(sent[:i], " ")
	j := strings.LastIndexByte(before, ' ')
	w := strings.ToLower(before[j+1:])
	switch w {
	case "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "both":
	default:
		if w == "" || w[0] < '2' || w[0] > '9' {
			return false
		}
		for k := 0; k < len(w); k++ {
			if w[k] < '0' || w[k] > '9' {
				return false
			}
		}
	}
	rest := strings.ToLower(strings.TrimRight(before[:max(j, 0)], " "))
	return strings.HasSuffix(rest, " the") || strings.HasSuffix(rest, " across") || strings.HasSuffix(rest, " in") || strings.HasSuffix(rest, " across the") || strings.HasSuffix(rest, " in the") || strings.HasSuffix(rest, " over")
}

// textBetween is the text of c's sentence between c's span and d's (d
// after c in the same sentence), or "" when the sentence does not hold
// both spans.
func textBetween(c, d *tracker.Claim) string {
	i := strings.Index(c.Sentence, c.Span)
	if i < 0 {
		return ""
	}
	rest := c.Sentence[i+len(c.Span):]
	j := strings.Index(rest, d.Span)
	if j < 0 {
		return ""
	}
	return rest[:j]
}

// commonAncestor is the nearest place that holds every one of ids (each
// of which is a strict part of it).
func commonAncestor(g *gazetteer.Gazetteer, ids []string) (gazetteer.Place, bool) {
	for _, a := range g.Ancestors(ids[0]) {
		all := true
		for _, q := range ids[1:] {
			if !g.Contains(a.ID, q) || a.ID == q {
				all = false
				break
			}
		}
		if all {
			return a, true
		}
	}
	return gazetteer.Place{}, false
}

// readReport reads the headline, dateline and lead of a report.
func readReport(v *vocabulary, places *placeCache, text, title string, date tracker.Date) *reportContext {
	rc := &reportContext{v: v, places: newPlaceMemo(v, gaz(), places), text: text}
	if !date.IsZero() {
		rc.year = date.Time().Year()
		rc.month = int(date.Time().Month())
	}
	if title != "" {
		rc.headEnd = tracker.HeadlineEnd(title, text)
	}
	if rc.headEnd == 0 {
		if i := strings.Index(text, "\n"); i > 0 && i < 240 {
			line := strings.TrimSpace(text[:i])
			rest := strings.TrimSpace(text[i:])
			if rest != "" && isHeadline(line) && !endsSentence(line) && !(strings.ContainsAny(line, "-–—") && datelineMatch(line+" ") != nil) {
				rc.headEnd = i
			}
		}
	}
	body := rc.headEnd
	for body < len(text) && (text[body] == '\n' || text[body] == '\r' || text[body] == ' ' || text[body] == '\t') {
		body++
	}
	g := rc.places.g
	votes := map[string]int{}
	type cand struct {
		p    gazetteer.Place
		from string
		rank int
	}
	var cands []cand
	// A small town is a place of the report only when something sure (a
	// country, a province, a big city, a demonym) names its country too:
	// title-case headlines and sentence starts are full of capitalised
	// words that are also the names of small towns somewhere
	// ("Intelligence agencies doubt…", "Hope", "Eastern").
	sure := map[string]bool{}
	var all []pending
	add := func(ps []gazetteer.Place, from string, weight, rank int) {
		for _, p := range ps {
			all = append(all, pending{p, from, weight, rank})
			if !weakPlace(p) || from == "dateline" {
				sure[p.Country] = true
			}
		}
	}
	commit := func() {
		for _, x := range all {
			if weakPlace(x.p) && x.from != "dateline" && !sure[x.p.Country] {
				continue
			}
			votes[x.p.Country] += x.weight
			cands = append(cands, cand{x.p, x.from, x.rank})
			if x.from != "dateline" {
				// (a dateline is where the reporter files from: "ABUJA"
				// names no part of Nigeria the story is about)
				rc.named = append(rc.named, x.p)
			}
		}
	}
	// read reads the headline, dateline and lead, their names resolved
	// in country in (none: the gazetteer's first reading of each)
	leadStart := body
	datelineCountry := ""
	read := func(in string) {
		placesOf := func(s string) []gazetteer.Place {
			if in == "" {
				return rc.places.placesOf(s, true)
			}
			return rc.places.placesOfIn(s, true, in)
		}
		if rc.headEnd > 0 {
			add(placesOf(headlineWords(text[:rc.headEnd])), "headline", 3, 0)
		}
		if m := datelineMatch(text[body:]); m != nil {
			city := text[body+m[2] : body+m[3]]
			region := strings.TrimPrefix(text[body+m[4]:body+m[5]], ", ")
			if m[6] >= 0 {
				rc.agency = text[body+m[6] : body+m[7]]
			}
			var ps []gazetteer.Place
			var rp gazetteer.Place
			var rok bool
			if region != "" {
				rp, rok = lookupPlace(rc.v, g, region, "")
				if id, ok := rc.v.datelineStates[strings.ToLower(region)]; ok {
					// "OROVILLE, Calif." (a wire's abbreviation)
					rp, rok = g.Get(id)
				}
			}
			within := region
			if within == "" {
				within = in
			}
			if p, ok := lookupPlace(rc.v, g, titleCase(city), within); ok && !(rok && rp.Kind == gazetteer.Country && p.Country != rp.ID) {
				// ("SUZU, Japan": a Chinese city the gazetteer also calls
				// Suzu is no reading of a Japanese dateline)
				ps = append(ps, p)
			}
			if rok {
				ps = append(ps, rp)
				if rp.Kind != gazetteer.Country {
					// "Missing list in Paradise fire swells" over "OROVILLE,
					// Calif.": the headline's name read inside the
					// dateline's state (Paradise, California, not the
					// bigger Paradise of Nevada)
					for i := range all {
						x := &all[i]
						if x.from != "headline" || x.p.Country != rp.Country || x.p.ID == rp.ID || g.Contains(rp.ID, x.p.ID) {
							continue
						}
						if q, ok := lookupPlace(rc.v, g, x.p.Name, rp.Name); ok && g.Contains(rp.ID, q.ID) {
							x.p = q
						}
					}
				}
			}
			add(ps, "dateline", 2, 2)
			if len(ps) > 0 {
				datelineCountry = ps[0].Country
			}
			leadStart = body + m[1]
		}
		leadEnd := len(text)
		if i := strings.Index(text[leadStart:], "\n\n"); i >= 0 {
			leadEnd = leadStart + i
		}
		if leadEnd-leadStart > 600 {
			// a body with no paragraphs: its first two sentences are the lead
			leadEnd = leadStart + sentencesEnd(text[leadStart:], 2)
		}
		rc.leadEnd = leadEnd
		add(placesOf(rc.withoutPast(withoutShares(text[leadStart:leadEnd]))), "lead", 2, 1)
	}
	read("")
	// A report whose headline, dateline and lead name places only by
	// another of their names ("SUZU –", which the gazetteer reads first
	// as Suzhou, China, whose name is not in the text), while the rest
	// of the text names places of one other country by their own names
	// (Wajima, Nanao, Anamizu), is read again in that country.
	if in := rc.bodyCountry(text, all); in != "" {
		all, sure, datelineCountry, leadStart = all[:0], map[string]bool{}, "", body
		read(in)
	}
	commit()
	// (a tie goes to the dateline's country: "GAZA —" over a lead that
	// names Israel as often as Gaza; else to the first code, for a
	// stable answer)
	best, bestV := "", 0
	for c, v := range votes {
		if v > bestV || v == bestV && (c == datelineCountry || best != datelineCountry && c < best) {
			best, bestV = c, v
		}
	}
	rc.country = best
	rc.votes = votes
	second, secondV := "", 0
	for c, v := range votes {
		if c != best && (v > secondV || v == secondV && c < second) {
			second, secondV = c, v
		}
	}
	if second != "" && secondV*3 >= bestV {
		// a report about two countries (a quake in Turkey and Syria, a
		// war in Israel and Gaza): "in the two countries" is both
		rc.country2 = second
	}
	// the report's place: the first place of the main country in the
	// headline, else the lead, else the dateline, else the country itself
	for rank := 0; rank < 3 && !rc.hasPl; rank++ {
		for _, c := range cands {
			if c.rank == rank && c.p.Country == best {
				rc.place, rc.from, rc.hasPl = c.p, c.from, true
				break
			}
		}
		if rc.hasPl && rank <= 1 && rc.place.Kind != gazetteer.Country {
			// a headline that names two places of the country neither
			// of which holds the other ("… villages in Jajarkot, Rukum
			// West") is about the place that holds both
			for _, c := range cands {
				if c.rank <= 1 && c.p.Country == best && c.p.ID != rc.place.ID && !g.Contains(c.p.ID, rc.place.ID) && !g.Contains(rc.place.ID, c.p.ID) {
					if a, ok := commonAncestor(g, []string{rc.place.ID, c.p.ID}); ok {
						rc.place = a
					}
					break
				}
			}
		}
	}
	rc.storms = v.stormNames(title, text)
	rc.event = v.eventIn(text[:rc.leadEnd])
	rc.siteEvent = v.siteEventIn(text[:rc.leadEnd])
	if rc.siteEvent != "" && v.siteCauses[rc.event] {
		rc.event = rc.siteEvent
	}
	if rc.event != "storm" && len(rc.storms) > 0 {
		lead := text[:rc.leadEnd]
		if sp := firstNameAt(lead, rc.storms); sp >= 0 {
			ep := -1
			asciiWords(lead, func(a, b int) bool {
				if _, ok := v.eventWord(lead[a:b]); ok && !v.metaphor(lead, a, b) {
					ep = a
					return false
				}
				return true
			})
			if ep < 0 || sp < ep {
				rc.event = "storm"
			}
		}
	}
	if rc.hasPl {
		rc.evPlace, rc.hasEvPl = rc.eventPlace(text[:rc.leadEnd])
		rc.hasEvPl = rc.hasEvPl && rc.evPlace.Country != rc.place.Country
	}
	return rc
}

// eventPlace returns the place that names an event that strikes one site
// (the vocabulary's onesite) in s, the words just before its noun ("Moscow
// attack", "Kabul's bombing"): a known place that is no small town, of
// one or two capitalised words.
func (rc *reportContext) eventPlace(s string) (gazetteer.Place, bool) {
	var found gazetteer.Place
	ok := false
	asciiWords(s, func(a, b int) bool {
		if e, isEv := rc.v.eventWord(s[a:b]); !isEv || !rc.v.oneSiteEvents[e] || rc.v.metaphor(s, a, b) {
			return true
		}
		before := strings.TrimSuffix(strings.TrimSuffix(strings.TrimRight(s[:a], " "), "'s"), "’s")
		ws := strings.Fields(before)
		for n := min(2, len(ws)); n >= 1; n-- {
			name := strings.Join(ws[len(ws)-n:], " ")
			if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) || strings.ContainsAny(name, ",;:.\"'“”(") {
				continue
			}
			if p, pok := lookupPlace(rc.v, rc.places.g, name, ""); pok && !weakPlace(p) {
				found, ok = p, true
				return false
			}
		}
		return true
	})
	return found, ok
}

// eventInPlace returns the place of the last "EVENT in PLACE" of s (an
// event noun, "in", a name the gazetteer knows as more than a small
// town): "the earthquake in Haiti".
func (rc *reportContext) eventInPlace(s string) (gazetteer.Place, bool) {
	var found gazetteer.Place
	ok := false
	asciiWords(s, func(a, b int) bool {
		if _, isEv := rc.v.eventWord(s[a:b]); !isEv || rc.v.metaphor(s, a, b) {
			return true
		}
		rest := s[b:]
		if !strings.HasPrefix(rest, " in ") {
			return true
		}
		rest = rest[len(" in "):]
		end := 0
		for end < len(rest) {
			r, n := utf8.DecodeRuneInString(rest[end:])
			if !unicode.IsLetter(r) && r != ' ' && r != '-' {
				break
			}
			end += n
		}
		ws := strings.Fields(rest[:end])
		for n := min(3, len(ws)); n >= 1; n-- {
			name := strings.Join(ws[:n], " ")
			if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) {
				continue
			}
			if p, pok := lookupPlace(rc.v, rc.places.g, name, ""); pok && !weakPlace(p) {
				found, ok = p, true
				break
			}
		}
		return true
	})
	return found, ok
}

// flagRE is a wire headline's flag: "CORRECTED-", "UPDATE 2-", "EXCLUSIVE-".
var flagRE = regexp.MustCompile(`^(?:[A-Z]{3,}(?: \d+)?-)+`)

// headlineWords drops a wire flag from a headline.
func headlineWords(h string) string {
	if m := flagRE.FindStringIndex(h); m != nil {
		return strings.Repeat(" ", m[1]) + h[m[1]:]
	}
	return h
}

// sentencesEnd returns the end of the first n sentences of s, cut at ". "
// (good enough for bounding a lead; the sentence splitter proper needs
// the vocabulary).
func sentencesEnd(s string, n int) int {
	end := 0
	for ; n > 0; n-- {
		i := strings.Index(s[end:], ". ")
		if i < 0 {
			return len(s)
		}
		end += i + 2
	}
	return end
}

// titleCase turns an upper-case dateline city ("KHAN YOUNIS") into the
// form the gazetteer indexes; other spellings pass through.
func titleCase(s string) string {
	if strings.ToUpper(s) != s {
		return s
	}
	ws := strings.Fields(strings.ToLower(s))
	for i, w := range ws {
		r, n := utf8.DecodeRuneInString(w)
		ws[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(ws, " ")
}

// lookupPlace resolves name, preferring places in the country named by
// context, and refuses names that are only places by accident of spelling
// (a two-letter word, an acronym the gazetteer holds as a small town).
func lookupPlace(v *vocabulary, g *gazetteer.Gazetteer, name, context string) (gazetteer.Place, bool) {
	name = strings.TrimSpace(name)
	if len(name) < 3 || v.notPlace(name) {
		return gazetteer.Place{}, false
	}
	// "the South" of "When the South Lhonak lake gave way" is the word
	// the vocabulary says no place is, after an article the gazetteer
	// reads past (Cameroon's South region)
	if len(name) > 4 && (name[:4] == "the " || name[:4] == "The ") && v.notPlace(name[4:]) {
		return gazetteer.Place{}, false
	}
	if context != "" {
		return g.Resolve(name, context)
	}
	return g.Resolve(name)
}

// notPlace reports capitalised words that the gazetteer knows as some
// small town but news copy uses as words (the vocabulary's notgazetted
// lines: months, weekdays, agencies, common headline words). Lookups of
// these are never places in a report pass.
func (v *vocabulary) notPlace(name string) bool {
	name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
	var buf [32]byte
	if n, ok := lowerASCIIInto(&buf, name); ok {
		return v.notGazetted[string(buf[:n])] // (no allocation: a map index)
	}
	return v.notGazetted[strings.ToLower(name)]
}

// lowerASCIIInto writes strings.ToLower(s) into buf and returns its
// length when s is ASCII and fits; ok is false otherwise (the caller
// lowers with strings.ToLower). Lowered on the caller's stack, most
// names are compared without an allocation.
func lowerASCIIInto(buf *[32]byte, s string) (n int, ok bool) {
	if len(s) > len(buf) {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return 0, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return len(s), true
}

// eventIn returns the first event noun of s, normalised, or "".
func (v *vocabulary) eventIn(s string) string { return v.firstEvent(s, nil) }

// siteEventIn returns the event of the first site event noun of s (an
// event of the vocabulary's siteevent, "mining" of "mine"), or "".
func (v *vocabulary) siteEventIn(s string) string { return v.firstEvent(s, v.siteEvents) }

// firstEvent returns the event of the first event noun of s that is no
// metaphor and, when of is not nil, whose event of holds; "" if none.
func (v *vocabulary) firstEvent(s string, of map[string]bool) string {
	found := ""
	asciiWords(s, func(a, b int) bool {
		if e, ok := v.eventWord(s[a:b]); ok && (of == nil || of[e]) && !v.metaphor(s, a, b) {
			found = e
			return false
		}
		return true
	})
	return found
}

// eventNear returns the event noun of a claim's sentence nearest its
// span ("Sudan cholera cases near 7,000 as floods kill 212": the floods),
// the first of two as near. off is the sentence's offset in the text
// (sentenceStart). The sentence's event nouns are found once for all its
// claims.
func (m *sentMemo) eventNear(v *vocabulary, off int, c *tracker.Claim) string {
	if !m.evRead {
		m.evRead = true
		// (asciiWords' runs of ASCII letters, read here without a call a
		// word: most words are turned away by their length and their
		// first and last letters, eventWord's own first test)
		sent := m.sent
		for i := 0; i < len(sent); {
			if !isASCIILetter(sent[i]) {
				i++
				continue
			}
			j := i + 1
			for j < len(sent) && isASCIILetter(sent[j]) {
				j++
			}
			if v.mayBeEventWord(sent[i:j]) {
				if e, ok := v.eventWord(sent[i:j]); ok && !v.metaphor(sent, i, j) {
					m.events = append(m.events, sentEvent{i, j, e})
				}
			}
			i = j
		}
	}
	best, bestD := "", 1<<30
	for _, ev := range m.events {
		d := 0
		if off >= 0 {
			a, b := off+ev.start, off+ev.end
			switch {
			case b <= c.Start:
				d = c.Start - b
			case a >= c.End:
				d = a - c.End
			}
		}
		if d < bestD {
			best, bestD = ev.event, d
		}
	}
	return best
}

// metaphor reports whether the event word at sent[start:end] names no
// event: "compares the town to a war zone", "like a war", "hurricane-force
// winds".
func (v *vocabulary) metaphor(sent string, start, end int) bool {
	rest := strings.TrimLeft(sent[end:], " ")
	if strings.HasPrefix(rest, "zone") || strings.HasPrefix(rest, "-zone") {
		return true
	}
	// "fires driven by hurricane-force winds": a measure, not a storm
	if strings.HasPrefix(rest, "-force") || strings.HasPrefix(rest, "-strength") || strings.HasPrefix(rest, "-like") || strings.HasPrefix(rest, "-style") {
		return true
	}
	before := strings.TrimRight(sent[:start], " ")
	for _, w := range []string{" like a", " like", " to a"} {
		if strings.HasSuffix(before, w) && strings.EqualFold(sent[start:end], "war") {
			return true
		}
	}
	switch w := strings.ToLower(sent[start:end]); w {
	case "fire":
		// "the gunman opened fire", "came under fire", "the fire service
		// said", "Miami-Dade Fire Rescue": no blaze
		if endsWithWordFold(before, v.gunfire) {
			return true
		}
		if v.fireService[firstWordLower(rest)] {
			return true
		}
	case "strike", "strikes":
		// "before the storm was due to strike the country": a verb
		if endsWithWordFold(before, v.strikeAux) {
			return true
		}
	case "storm", "storms":
		// "commandos storm hotels", "troops stormed the building", "police
		// prepared to storm the compound": a verb, no weather (a storm
		// named after it, "Storm Grace", follows "the", "as" or nothing)
		if endsWithWordFold(before, v.strikeAux) {
			return true
		}
		next := firstWordLower(rest)
		if v.stormObjects[next] {
			return true
		}
		if pw := lastWordLower(before); len(pw) > 3 && strings.HasSuffix(pw, "s") && !strings.HasSuffix(pw, "ss") && !strings.HasSuffix(pw, "'s") && !v.stormNotSubjects[pw] || v.groups[pw] != "" && !v.stormNotSubjects[pw] {
			// a plural subject or a group before it: "Commandos Storm
			// Hotels", "Gunmen storm Nairobi mall"
			return true
		}
		if r, _ := utf8.DecodeRuneInString(sent[start:end]); unicode.IsLower(r) && next != "" {
			if n, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " ")); unicode.IsUpper(n) {
				// "storm Nairobi mall": a lowercase storm before a name
				// is a verb; a storm's name follows "Storm"
				return true
			}
		}
	}
	return false
}

// lastWordLower returns the word s ends with (its trailing letters and
// apostrophes), lowercased, with a typographic apostrophe written '
// ("Mozambique’s" is "mozambique's"). The word starts after the whole
// rune before it: a byte past the start of a curly apostrophe had left
// two bytes of it, so "Mozambique’s storm" read as a plural subject's
// verb.
func lastWordLower(s string) string {
	s = strings.TrimRight(s, " ")
	start := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	if start >= 0 {
		_, n := utf8.DecodeRuneInString(s[start:])
		start += n
	} else {
		start = 0
	}
	return strings.ReplaceAll(strings.ToLower(s[start:]), "’", "'")
}

// firstWordLower returns the word s starts with (its leading letters),
// lowercased.
func firstWordLower(s string) string {
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(s)
	}
	return strings.ToLower(s[:end])
}

// incidentRE reads a single incident: an indefinite strike, blast or
// attack ("an airstrike on a house", "a blast at a market", "another
// strike"), whose toll is that incident's alone.
var incidentRE = regexp.MustCompile(`(?i)\b(?:an?|another|one|a separate|a second|a single)\s+(?:[a-z\-]+\s+){0,2}(?:air ?strikes?|strikes?|bombings?|blasts?|explosions?|shelling|attacks?|raids?|shootings?|stabbings?|crash|collision|ambush)\b`)

// pastRE reads a figure about another time: "in 2004", "the 1960 Agadir
// quake", "the floods of August 2018", "2011's floods", "last year", "a
// decade ago", "the bombing at Kabul airport in August 2021". The year
// group is compared with the report's year. (A month after "in" with
// "since" before it is left out by pastOf: "since the invasion in
// February 2022" counts from then.)
var pastRE = regexp.MustCompile(`(?i)\b(?:(?:in|of|during|the|day|(?:of|during|in)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December))\s+((?:1[89]|20)\d\d)\b|((?:1[89]|20)\d\d)(?:'s|’s)|(last year|a decade ago|years ago|the previous year))`)

// sinceYearRE is a cumulative count that starts in a past year ("since
// 2011"): a current figure, not a past one.
var sinceYearRE = regexp.MustCompile(`(?i)\b(?:since|from)\s+(?:(?:early|late|mid-?)\s*)?((?:1[89]|20)\d\d)\b`)

// sinceWhenRE is "deadliest since 1999, when an earthquake killed…" (or
// "since October 1973, when"): the figure is that past year's, not a
// count since it. (pastRE takes no month: "since the invasion in February
// 2022" counts from then.)
var sinceWhenRE = regexp.MustCompile(`(?i)\bsince\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)\s+(?:\d{1,2},?\s+)?)?((?:1[89]|20)\d\d)\s*,?\s+when\b`)

// pastOf returns the other time a sentence's figure is about, or "".
func (rc *reportContext) pastOf(sent string) string {
	if when := rc.pastMonth(sent); when != "" {
		return when
	}
	if when := rc.pastWhenMonth(sent); when != "" {
		return when
	}
	if when := longSpan(sent); when != "" {
		return when
	}
	if !mayBePast(sent) {
		return ""
	}
	if mayBeSinceWhen(sent) {
		if m := sinceWhenRE.FindStringSubmatch(sent); m != nil {
			return m[1]
		}
	}
	for _, m := range pastMatches(sent) {
		if m[3] != "" {
			return strings.ToLower(m[3])
		}
		y := m[1]
		if y == "" {
			y = m[2]
		}
		n, _ := strconv.Atoi(y)
		if rc.year == 0 || n >= rc.year {
			continue
		}
		if inMonthSince(sent, m[0]) {
			continue
		}
		if sm := sinceYearRE.FindStringSubmatch(sent); sm != nil && sm[1] == y && !sinceWhenRE.MatchString(sent) {
			continue
		}
		return y
	}
	return ""
}

// longSpanRE is a count over years gone by: "more than 100 people have
// died at its sites in the past 15 years", "about 200 miners have died
// since the collapse of the Soviet Union", "since independence".
var longSpanRE = regexp.MustCompile(`(?i)\b(?:(?:in|over|during|within)\s+the\s+(?:past|last|previous)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|several|few)\s+(?:years|decades)|since\s+(?:the\s+(?:collapse|fall|break-?up)\s+of\s+the\s+Soviet\s+Union|(?:the\s+country's\s+|its\s+)?independence))\b`)

// longSpan returns the span of years gone by a sentence counts over
// (longSpanRE), lowercased, or "": another time's toll, never the toll of
// the event the report follows. A superlative before it compares the
// event with those years ("the deadliest accident in the past 30 years
// killed 68": the 68 is today's), and so does "worst since
// independence".
func longSpan(sent string) string {
	if !strings.Contains(sent, " years") && !strings.Contains(sent, " decades") && !strings.Contains(sent, "ince ") {
		return ""
	}
	loc := longSpanRE.FindStringIndex(sent)
	if loc == nil {
		return ""
	}
	before := strings.ToLower(sent[max(0, loc[0]-40):loc[0]])
	for _, w := range []string{"est ", "worst", "most ", "record", "first ", "largest"} {
		if strings.Contains(before, w) {
			return ""
		}
	}
	return strings.ToLower(strings.Join(strings.Fields(sent[loc[0]:loc[1]]), " "))
}

// pastMonthRE is a month a sentence opens with ("In August this year,
// five miners died", "In May a Twin Otter flew into a mountainside") or
// names as this year's ("in March this year").
var pastMonthRE = regexp.MustCompile(`^(?:In|in)\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b(\s+(?:this|last)\s+year)?|\bin\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:of\s+)?this\s+year\b`)

// pastMonth returns the other time a sentence's figure is about when the
// sentence opens with a month at least two months before the report's
// (or names one "this year"), as "august 2023", else "". The month before
// the report's is left alone: "In March, the ministry said 300 had died"
// in an April story is the same toll's earlier figure as often as not.
// Limit: a month with no year after the report's month is taken as last
// year's.
func (rc *reportContext) pastMonth(sent string) string {
	// (the regexp's two branches need the sentence to open with "In"
	// or to say "this year": most sentences are turned away here)
	if rc.month == 0 || !strings.HasPrefix(sent, "In ") && !strings.HasPrefix(sent, "in ") && !strings.Contains(sent, "this year") {
		return ""
	}
	loc := pastMonthRE.FindStringSubmatchIndex(sent)
	if loc == nil {
		return ""
	}
	if rest := strings.TrimLeft(sent[loc[1]:], " ,"); len(rest) >= 4 && rest[0] >= '0' && rest[0] <= '9' {
		// "In October 2013, 115 died near a temple": the year's (pastRE),
		// and "In June 12" a day's
		return ""
	}
	m := make([]string, len(loc)/2)
	for k := range m {
		if loc[2*k] >= 0 {
			m[k] = sent[loc[2*k]:loc[2*k+1]]
		}
	}
	name, year := m[1], rc.year
	if name == "" {
		name = m[3]
	}
	mon := 0
	for i, n := range monthNames {
		if strings.EqualFold(n, name) {
			mon = i + 1
		}
	}
	switch {
	case strings.HasSuffix(m[2], "last year"):
		year--
	case mon > rc.month && m[2] == "" && m[3] == "":
		year--
	case mon >= rc.month:
		return ""
	}
	if (rc.year-year)*12+rc.month-mon < 2 {
		return ""
	}
	return strings.ToLower(name) + " " + strconv.Itoa(year)
}

// pastWhenMonthRE is a pluperfect toll dated by a "when" clause with an
// earlier month: "The storm had already killed 10 people in Mozambique
// when it first made landfall in late February."
var pastWhenMonthRE = regexp.MustCompile(`\bhad\s+(?:already\s+|earlier\s+|previously\s+)?(?:killed|left|claimed)\b[^.;]*?\bwhen\b[^.;]*?\bin\s+(?:(?:late|early|mid-?)\s*)?(January|February|March|April|May|June|July|August|September|October|November|December)\b`)

// pastWhenMonth returns the month a pluperfect toll's "when" clause
// dates it to, when that month is before the report's ("february 2023"
// in a report of 15 March 2023), else "": the figure of an earlier phase
// (a cyclone's first landfall) is no figure of today's count.
func (rc *reportContext) pastWhenMonth(sent string) string {
	if rc.month == 0 || !strings.Contains(sent, "had ") || !strings.Contains(sent, "when ") {
		return ""
	}
	m := pastWhenMonthRE.FindStringSubmatch(sent)
	if m == nil {
		return ""
	}
	mon := 0
	for i, n := range monthNames {
		if strings.EqualFold(n, m[1]) {
			mon = i + 1
		}
	}
	year := rc.year
	if mon == 0 || mon == rc.month {
		return ""
	}
	if mon > rc.month {
		year--
	}
	return strings.ToLower(m[1]) + " " + strconv.Itoa(year)
}

// pastNear returns the past year of a sentence with several nearest
// before byte at (or "" when it names fewer than two years, or none
// before at): the year pastOf's tests let stand, of the match that ends
// last before at.
func (rc *reportContext) pastNear(sent string, at int) string {
	ms := pastMatches(sent)
	if len(ms) < 2 {
		return ""
	}
	best, bestEnd := "", -1
	from := 0
	for _, m := range ms {
		k := strings.Index(sent[from:], m[0])
		if k < 0 {
			continue
		}
		k += from
		from = k + len(m[0])
		if m[3] != "" {
			continue
		}
		y := m[1]
		if y == "" {
			y = m[2]
		}
		n, _ := strconv.Atoi(y)
		if rc.year == 0 || n >= rc.year || inMonthSince(sent, m[0]) {
			continue
		}
		if e := k + len(m[0]); e <= at && e > bestEnd {
			best, bestEnd = y, e
		}
	}
	return best
}

// inMonthSince says whether a past match is "in MONTH YEAR" after a
// "since" in its sentence ("killed since Russia invaded in February
// 2022"): the start of a count, not another time.
func inMonthSince(sent, match string) bool {
	if len(match) < 4 || !strings.EqualFold(match[:2], "in") {
		return false
	}
	if rest := strings.TrimLeft(match[2:], " \t\n"); rest == "" || rest[0] >= '0' && rest[0] <= '9' {
		return false // "in 2004": no month
	}
	i := strings.Index(sent, match)
	if i < 0 {
		return false
	}
	return containsFoldASCII(sent[:i], "since")
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// contextOf fills one claim's Context.
func (rc *reportContext) contextOf(text string, c *tracker.Claim) {
	ctx := tracker.Context{Headline: c.Start < rc.headEnd, Part: c.Context.Part}
	g := rc.places.g
	sent := c.Sentence
	sm := rc.sentence(sent)
	if c.Where == "" || !strings.Contains(c.Span, c.Where) {
		// a place inside the figure's own phrase ("the toll for the
		// Valencia region rose to 62") is the figure's, whatever the
		// sentence pass attached
		if c.Start >= rc.headEnd && !rc.v.eventNamedIn(c.Span) {
			// (not "killed in the Al Haouz earthquake": the event's name)
			for _, p := range rc.places.placesOf(c.Span, false) {
				if weakPlace(p) && rc.votes[p.Country] == 0 {
					continue
				}
				ctx.Place, ctx.PlaceID, ctx.PlaceFrom = p.Name, p.ID, "sentence"
				break
			}
		}
	}
	// the figure's phrase with the words just around it ("the combined
	// toll to more than 11,200": the span starts at "toll"; "39,000
	// people are known dead in the two countries") says it is the two
	// countries' together, before any other reading of its place
	near := c.Span
	if off := rc.sentenceStart(text, c.Sentence); off >= 0 && c.Start-off >= 0 && c.End-off <= len(sent) {
		if sent[c.Start-off:c.End-off] == c.Span {
			// (the span as the sentence holds it: the words around it are
			// a substring, no concatenation)
			near = sent[max(0, c.Start-off-24):min(len(sent), c.End-off+24)]
		} else {
			near = sent[max(0, c.Start-off-24):c.Start-off] + c.Span + sent[c.End-off:min(len(sent), c.End-off+24)]
		}
	}
	spanBoth := mayBeBoth(near) && bothRE.MatchString(near)
	// "75 bodies have been recovered from the Chaliyar alone", "In Sindh
	// alone, 120 died": what one place gave of a wider toll, a part (when
	// the sentence pass read no place: one it read, "158 killed in
	// Blantyre alone", is that place's toll, a series of its own already)
	if !ctx.Part && c.Where == "" && strings.Contains(sent, " alone") {
		if off := rc.sentenceStart(text, c.Sentence); off >= 0 && c.Start-off >= 0 && c.End-off <= len(sent) {
			ctx.Part = placeAlone(rc.v, sent[:c.Start-off], sent[c.End-off:])
		}
	}
	if ctx.Place == "" && strings.Contains(c.Span, " countries") && (strings.Contains(c.Span, "across the ") || strings.Contains(c.Span, "in the ")) {
		// "bringing the total across the three countries to 608": the
		// countries the sentence names, together
		var ids, names []string
		for _, p := range rc.places.placesOf(sent, false) {
			if p.Kind == gazetteer.Country && !slices.Contains(ids, p.ID) {
				ids, names = append(ids, p.ID), append(names, p.Name)
			}
		}
		if len(ids) >= 2 && len(ids) <= 3 {
			slices.Sort(ids)
			name := strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
			ctx.Place, ctx.PlaceID, ctx.PlaceFrom = name, strings.Join(ids, "+"), "sentence"
		}
	}
	if ctx.Place == "" && spanBoth {
		// (a figure whose own phrase says "the combined toll" is both
		// countries', whichever one the sentence named before it)
		if ids := rc.bothCountries(sent); ids != nil {
			ctx.Place, ctx.PlaceID = bothPlace(g, ids)
			ctx.PlaceFrom = "sentence"
		}
	}
	// a Where the sentence pass attached that reads as no place: a lone
	// capitalised word the gazetteer does not know and nothing in the
	// sentence calls a place
	var fronted gazetteer.Place
	var hasFronted bool
	if m := sm.frontedMatch(); m != nil {
		fronted, hasFronted = rc.places.sentencePlace(rc, m[1])
	}
	// (a designated unknown place, "the village of Letur", counts only
	// as a part of a fronted place: "the town of Kuriga" alone is where
	// the whole event happened, the report's place by another name)
	if hasFronted && ctx.Place == "" && c.Where == m1(sm.frontedMatch()) && c.Attribution != "" {
		// "In Mozambique, the institute raised its count to 45, and
		// Malawi's disaster agency said 13 had been killed there": a
		// source of another country, after the fronted place, speaks of
		// its own
		if p, ok := rc.places.sourcePlace(c.Attribution); ok && p.Country != fronted.Country && strings.Index(sent, c.Attribution) > strings.Index(sent, c.Where) {
			ctx.Place, ctx.PlaceID, ctx.PlaceFrom = p.Name, p.ID, "source"
		}
	}
	designatedPart := hasFronted && designated(sent, c.Where)
	weakWhere := c.Where != "" && ctx.Place == "" && !rc.v.looksLikePlace(c.Where) && !designatedPart
	// "79 people were unaccounted for, most of them in Wajima": where
	// most of the figure is, not what it counts
	from := 0 // (the claim's own mention of its place: "at least 120 …, 96 of them in Kerr County, and … 170 …, most of them in Kerr County")
	if off := rc.sentenceStart(text, c.Sentence); off >= 0 && c.Start-off >= 0 && c.Start-off <= len(sent) {
		from = c.Start - off
	}
	spread := c.Where != "" && ctx.Place == "" && (spreadOver(sent, c.Where, from) || rc.v.namesEvent(sent, c.Where))
	if spread {
		weakWhere = true
	} else if weakWhere {
		if _, ok := rc.places.sentencePlace(rc, c.Where); ok {
			weakWhere = false
		} else if _, _, ok := combined(rc.places, c.Where); ok {
			weakWhere = false
		}
	}
	if ctx.Place == "" && c.Where == "" && rc.country != "" && rc.country2 == "" && (mayBeNational(c.Span) && nationalRE.MatchString(c.Span) || opensNational(sent)) {
		// "bringing the national total to 205": the whole country,
		// whichever province the paragraph was about
		if p, ok := g.Get(rc.country); ok {
			ctx.Place, ctx.PlaceID, ctx.PlaceFrom = p.Name, p.ID, "sentence"
		}
	}
	// (the words around the figure a little wider: "The state's count
	// now stands at 140 deaths", "lists 58 deaths from the hurricane
	// across the state")
	wide := near
	if off := rc.sentenceStart(text, c.Sentence); off >= 0 && c.Start-off >= 0 && c.End-off <= len(sent) && sent[c.Start-off:c.End-off] == c.Span {
		wide = sent[max(0, c.Start-off-40):min(len(sent), c.End-off+40)]
	}
	if ctx.Place == "" && c.Where == "" && rc.hasPl && mayBeStatewide(wide) && statewideRE.MatchString(wide) {
		// "109 people have died statewide" in a report about Kerr
		// County: the state's toll, not the county's
		if p, ok := firstLevelOf(g, rc.place); ok {
			ctx.Place, ctx.PlaceID, ctx.PlaceFrom = p.Name, p.ID, "sentence"
		}
	}
	if ctx.Place == "" && (c.Where == "" || weakWhere) && rc.country != "" && rc.country2 == "" && acrossUnits(c.Sentence, c.Span) {
		// "160 people have died across six Southeastern states", "233
		// in seven states": the country, not the dateline's state
		if p, ok := g.Get(rc.country); ok {
			ctx.Place, ctx.PlaceID, ctx.PlaceFrom = p.Name, p.ID, "sentence"
			weakWhere = false
		}
	}
	if weakWhere && !spread && rc.hasPl && rc.places.locative(rc, text, c.Where) {
		// "Al Haouz for 1,293, Taroudant for 271, Chichaoua for 91": a
		// place the gazetteer does not know, named as a place in the body
		// only, is a part of the report's place (one named in the
		// headline or lead is the report's place by another name: "the
		// town of Kuriga")
		ctx.Place, ctx.PlaceFrom = c.Where, "sentence"
		ctx.PlaceID = partID(rc.place.ID, c.Where)
		weakWhere = false
	}
	if ctx.Place == "" && (c.Where == "" || weakWhere) {
		// "In Syria, 1,602 deaths…": a fronted place the sentence pass
		// left to the clause; "Syria adds 3,700 deaths", "Castilla-La
		// Mancha has recorded two deaths": a country or region as the
		// giver of its own toll; "Paiporta, where at least 62 people
		// died": the place a relative clause is about
		if sm.frontedMatch() != nil {
			if hasFronted {
				ctx.Place, ctx.PlaceID, ctx.PlaceFrom = fronted.Name, fronted.ID, "sentence"
			}
		} else if p, ok := rc.subjectPlace(text, c); ok {
			ctx.Place, ctx.PlaceID, ctx.PlaceFrom = p.Name, p.ID, "sentence"
		} else if p, ok := rc.places.attributorPlace(rc, c.Attribution); ok {
			ctx.Place, ctx.PlaceID, ctx.PlaceFrom = p.Name, p.ID, "sentence"
		} else if p, ok := rc.wherePlace(g, text, c); ok {
			ctx.Place, ctx.PlaceID, ctx.PlaceFrom = p.Name, p.ID, "sentence"
		}
	}
	if ctx.Place == "" && c.Where == "" && rc.country != "" && rc.country2 != "" && sm.bothMatch() {
		ctx.Place, ctx.PlaceID = bothPlace(g, []string{rc.country, rc.country2})
		ctx.PlaceFrom = "sentence"
	}
	if ctx.Place == "" && (c.Where == "" || spread) && rc.country != "" {
		if m := nearestHeld(rc.sentenceStart(text, c.Sentence), c); m != nil {
			// "government-held areas", "the rebel-held northwest": a
			// part of the country by who holds it
			side := strings.ToLower(m[1])
			switch side {
			case "opposition", "insurgent", "militant":
				side = "rebel"
			case "regime", "state":
				side = "government"
			}
			country := rc.country
			if rc.country2 != "" {
				// the one of the report's two countries the sentence
				// names, else the one its paragraph is about
				c2, _ := g.Get(rc.country2)
				c1, _ := g.Get(rc.country)
				switch {
				case strings.Contains(sent, c2.Name) && !strings.Contains(sent, c1.Name):
					country = rc.country2
				case !strings.Contains(sent, c1.Name) && rc.paraCountry == rc.country2:
					country = rc.country2
				}
			}
			cp, _ := g.Get(country)
			ctx.Place, ctx.PlaceID, ctx.PlaceFrom = side+"-held "+cp.Name, country+"/"+side+"-held", "sentence"
		}
	}
	if c.Where != "" && !weakWhere && ctx.Place == "" && !venue(sent, c.Where) {
		id, name, ok := combined(rc.places, listFrom(c.Span, c.Where))
		if !ok {
			// the provinces listed after the figure's phrase ("622 people
			// have died … in Kunar, Nangarhar and Laghman")
			// (countries listed so only after "across": "more than 750
			// across Mozambique, Zimbabwe and Malawi" is their total)
			if id, name, ok = combined(rc.places, listFrom(sent, c.Where)); ok && strings.Contains(id, "+") && !rc.acrossAfter(text, sent, c) {
				ok = false
			}
		}
		if ok {
			// "across Malawi, Mozambique and Madagascar": the sentence
			// pass kept the first country of the list
			ctx.Place, ctx.PlaceID, ctx.PlaceFrom = name, id, "sentence"
		} else if id, name, ok := combined(rc.places, c.Where); ok {
			// "Turkey and Syria": the two countries together, a place of
			// its own
			ctx.Place, ctx.PlaceID, ctx.PlaceFrom = name, id, "sentence"
		} else if p, ok := rc.places.sentencePlace(rc, c.Where); ok {
			ctx.Place, ctx.PlaceID, ctx.PlaceFrom = p.Name, p.ID, "sentence"
		} else if rc.v.looksLikePlace(c.Where) || designatedPart {
			ctx.Place, ctx.PlaceFrom = c.Where, "sentence"
			switch {
			case hasFronted:
				// "In Castilla-La Mancha, … missing in the village of
				// Letur": a part of the place the sentence opens with
				ctx.PlaceID = partID(fronted.ID, c.Where)
			case rc.hasPl:
				// an unknown place inside the report's: a part of it
				ctx.PlaceID = partID(rc.place.ID, c.Where)
			}
		}
	}
	if ctx.Place == "" && c.Who != "" {
		// "700 Israelis", "Gazans": the group names its place
		if p, ok := rc.places.groupDemonym(c.Who); ok {
			ctx.Place, ctx.PlaceID, ctx.PlaceFrom = p.Name, p.ID, "group"
			if p.Kind == gazetteer.Country && !rc.v.eventNamedIn(sent) {
				// "Palestinians" in a report that names Gaza: the part of
				// the country the report is about ("Moroccans killed in
				// the Al Haouz earthquake" are Morocco's: the part names
				// the event)
				for _, n := range rc.named {
					if n.Country == p.ID && n.ID != p.ID {
						ctx.Place, ctx.PlaceID = n.Name, n.ID
						break
					}
				}
			}
			if rc.hasPl && rc.places.contains(p.ID, rc.place.ID) {
				// "Palestinians" in a report about Gaza: the report's
				// place is the nearer one
				ctx.Place, ctx.PlaceID, ctx.PlaceFrom = rc.place.Name, rc.place.ID, rc.from
			}
		}
	}
	if ctx.Place == "" && c.Attribution != "" {
		// "the Gaza health ministry", "Israel's military", "Syrian state
		// media": a source named by its place speaks of that place
		if p, ok := rc.places.sourcePlace(c.Attribution); ok && (rc.country == "" || rc.votes[p.Country] > 0 || diedThere(sent)) {
			// (and only a source of the report's own countries: "US
			// intelligence" on a strike in Gaza speaks of Gaza; unless
			// the figure says "there": "Belgium's interior ministry says
			// 20 people have died there", in a blog about Germany)
			if rc.hasPl && (p.ID == rc.place.ID || rc.places.contains(p.ID, rc.place.ID)) && !(p.Kind == gazetteer.Country && (rc.place.Kind == gazetteer.City || rc.from == "dateline")) {
				// a national body speaking in a report about one of its
				// provinces keeps the report's nearer place, still as
				// the source's (no paragraph's other country takes it:
				// "the health ministry in Gaza said…" after a sentence
				// on Israel, in a report datelined Khan Younis)
				ctx.Place, ctx.PlaceID, ctx.PlaceFrom = rc.place.Name, rc.place.ID, "source"
			} else {
				ctx.Place, ctx.PlaceID, ctx.PlaceFrom = p.Name, p.ID, "source"
			}
		}
	}
	if ctx.Place == "" && c.Where == "" && eventToll(c.Category) && rc.hasPl && rc.from == "dateline" {
		// "GENEVA — … after the earthquake in Haiti, which the civil
		// protection office says has killed 1,941 people": in a report
		// only its dateline places, the place the sentence names its
		// event by, before the figure, is the figure's (a Bangkok story
		// that counts Bangkok's own dead names Bangkok for them)
		if off := rc.sentenceStart(text, c.Sentence); off >= 0 && c.Start-off > 0 && c.Start-off <= len(sent) {
			if p, ok := rc.eventInPlace(sent[:c.Start-off]); ok && p.Country != rc.place.Country {
				ctx.Place, ctx.PlaceID, ctx.PlaceFrom = p.Name, p.ID, "sentence"
			}
		}
	}
	if ctx.Place == "" && rc.hasEvPl && eventToll(c.Category) {
		// "Tajikistan detains suspects over links to Moscow attack": the
		// attack's dead and wounded are Moscow's, not the report's place
		ctx.Place, ctx.PlaceID, ctx.PlaceFrom = rc.evPlace.Name, rc.evPlace.ID, "event"
	}
	if ctx.Place == "" && rc.hasPl {
		ctx.Place, ctx.PlaceID, ctx.PlaceFrom = rc.place.Name, rc.place.ID, rc.from
	}
	ctx.Event = sm.eventNear(rc.v, rc.sentenceStart(text, c.Sentence), c)
	if ctx.Event == "outbreak" {
		// "a cholera outbreak that has killed 545": the disease the
		// sentence names
		for _, ev := range sm.events {
			if ev.event != "outbreak" && rc.v.diseaseEvents[ev.event] {
				ctx.Event = ev.event
				break
			}
		}
	}
	if ctx.Event != "storm" && len(rc.storms) > 0 {
		// "Idai toll passes 750 as cholera fears grow": a storm's name
		// before the figure, with no event noun between, is the storm's
		if off := rc.sentenceStart(text, c.Sentence); off >= 0 && c.Start-off > 0 && c.Start-off <= len(sent) {
			before := sent[:c.Start-off]
			if k := lastNameAt(before, rc.storms); k >= 0 {
				between := false
				for _, ev := range sm.events {
					if ev.start > k && ev.end <= len(before) {
						between = true
					}
				}
				if !between {
					ctx.Event = "storm"
				}
			}
		}
	}
	if (ctx.Event == "outbreak" || ctx.Event == "") && rc.v.diseaseEvents[rc.event] {
		ctx.Event = rc.event
	}
	if ctx.Event == "" {
		ctx.Event = rc.event
	}
	if rc.siteEvent != "" && rc.v.siteCauses[ctx.Event] {
		// "bringing the death toll from Saturday's fire to 46" in a
		// report whose lead names the mine: the mine's fire
		ctx.Event = rc.siteEvent
	}
	if c.Start >= rc.leadEnd && sm.incidentMatch() {
		ctx.Incident = true
	}
	if !sm.past {
		sm.past, sm.pastS = true, rc.pastOf(sent)
	}
	ctx.Past = sm.pastS
	if ctx.Past != "" {
		// "The toll rose to 29, tying the record set by the Griffith Park
		// fire in 1933": a year named only after the figure, past a comma,
		// is another figure's time
		if off := rc.sentenceStart(text, c.Sentence); off >= 0 && c.End-off > 0 && c.End-off <= len(sent) {
			end := c.End - off
			if k := strings.Index(sent[end:], ctx.Past); k >= 0 && strings.Contains(sent[end:end+k], ",") && !strings.Contains(sent[:end], ctx.Past) {
				ctx.Past = ""
			} else if k >= 0 && !strings.Contains(sent[:end], ctx.Past) && containsFoldASCII(sent[end:end+k], "since ") {
				// "the first quake to claim more than 100 lives since
				// the Kumamoto earthquakes of 2016": the figure a "since"
				// compares with a past year is today's
				ctx.Past = ""
			}
		}
	}
	if ctx.Past != "" {
		// "only Katrina in 2005, Audrey in 1957, which killed 416 people,
		// and Camille in 1969": each toll is of the year nearest before it
		if off := rc.sentenceStart(text, c.Sentence); off >= 0 && c.Start-off > 0 && c.Start-off <= len(sent) {
			if y := rc.pastNear(sent, c.Start-off); y != "" {
				ctx.Past = y
			}
		}
	}
	if ctx.Past != "" {
		// "rose to 126, making it the deadliest quake since the 2011
		// tsunami, which killed more than 15,000": the past is the
		// figures after the comparison, not the one it compares
		// (and "rose to 93, … surpassing the 2018 Camp Fire, which
		// killed 85")
		for _, cmpw := range rc.v.comparisons {
			if k := strings.Index(sent, cmpw+" the "+ctx.Past); k >= 0 {
				if off := rc.sentenceStart(text, c.Sentence); off >= 0 && c.End-off <= k {
					ctx.Past = ""
					break
				}
			}
		}
	}
	if ctx.Past != "" && ctx.PlaceFrom != "sentence" && ctx.PlaceFrom != "group" {
		// "The earthquakes that struck Herat province in October 2023
		// killed more than 2,000": another time's toll is of the place
		// its sentence names nearest that time, not of the report's
		// ("… rose to 93 in Lahaina, surpassing the 2018 Camp Fire in
		// northern California, which killed 85": California's)
		if k := strings.Index(sent, ctx.Past); k >= 0 {
			best, bestD := gazetteer.Place{}, 1<<30
			for _, pl := range rc.places.placesOf(sent, false) {
				if weakPlace(pl) && rc.votes[pl.Country] == 0 {
					continue
				}
				i := strings.Index(sent, pl.Name)
				if i < 0 {
					continue
				}
				if d := abs(i - k); d < bestD {
					best, bestD = pl, d
				}
			}
			if bestD < 60 {
				ctx.Place, ctx.PlaceID, ctx.PlaceFrom = best.Name, best.ID, "sentence"
			}
		}
	}
	if c.Attribution == "" && rc.agency != "" {
		ctx.Via = rc.agency
	}
	if c.Attribution == "" && mayBePronounSaid(sent) && pronounSaidRE.MatchString(sent) {
		// "The eastern government's health ministry gave a lower count
		// for Darnah. It said 3,166 bodies had been recovered": "it" is
		// the body the sentence before opened with
		if off := rc.sentenceStart(text, c.Sentence); off > 0 {
			// the sentence before: the text back to the end of the one
			// before it (its own full stop dropped first)
			before := strings.TrimRight(text[max(0, off-400):off], " \n\r\t.!?")
			before = before[strings.LastIndexAny(before, ".!?\n")+1:]
			if m := bodySubjectRE.FindStringSubmatch(strings.TrimSpace(before)); m != nil {
				ctx.Origin = strings.TrimSpace(m[1])
			}
		}
	}
	if c.Attribution != "" && strings.Contains(sent, "citing") {
		// "…, public broadcaster NHK reported, citing the Ishikawa
		// prefectural government": the figure is the prefecture's, and
		// NHK its relay
		if i := strings.Index(sent, c.Attribution); i >= 0 {
			if m := citingRE.FindStringSubmatch(sent[i+len(c.Attribution):]); m != nil {
				if origin := strings.TrimSpace(m[1]); origin != "" && !strings.EqualFold(origin, c.Attribution) {
					ctx.Via = c.Attribution
					c.Attribution = origin
				}
			}
		}
	}
	if v := sm.relay(); v != "" && !strings.EqualFold(v, c.Attribution) && ctx.Via == "" {
		ctx.Via = v
	}
	c.Context = ctx
}

// nearer is the place named name inside the report's place or a unit
// that holds it, when p (the country's best) is unrelated to that unit:
// "eight in Kendall County" in a report about Texas is the Texas county,
// not Illinois's, which the country's ranking puts first. A p that holds
// or lies in the report's place stays ("Derna" in a report about the
// city of Derna is still the district the country's ranking gives).
func (rc *reportContext) nearer(g *gazetteer.Gazetteer, name string, p gazetteer.Place) gazetteer.Place {
	if !rc.hasPl || rc.place.Country != rc.country || rc.place.ID == rc.country || strings.Contains(rc.place.ID, "/") || p.Country != rc.country {
		return p
	}
	ctx := append([]gazetteer.Place{rc.place}, g.Ancestors(rc.place.ID)...)
	cands := g.Lookup(name)
	for _, u := range ctx {
		if u.ID == rc.country || u.Kind == gazetteer.Country {
			break
		}
		if p.ID == u.ID || g.Contains(u.ID, p.ID) || g.Contains(p.ID, u.ID) {
			return p
		}
		for _, q := range cands {
			if g.Contains(u.ID, q.ID) {
				return q
			}
		}
	}
	return p
}

// sentencePlace resolves a sentence's Where against the report's country.
// A place of another country counts only when it is a country or a big
// city or unit (the gazetteer ranks it first without the context).
func (rc *reportContext) sentencePlace(g *gazetteer.Gazetteer, where string) (gazetteer.Place, bool) {
	name := strings.TrimSpace(where)
	name = strings.TrimPrefix(strings.TrimPrefix(name, "the "), "The ")
	if rc.v.notPlace(name) {
		return gazetteer.Place{}, false
	}
	var p gazetteer.Place
	var ok bool
	if rc.country != "" {
		p, ok = g.Resolve(name, rc.country)
		if ok {
			p = rc.nearer(g, name, p)
		}
	} else {
		p, ok = g.Resolve(name)
	}
	if !ok {
		// "Al Haouz province", "the province of Taroudant"
		stripped := stripDesignator(name)
		if stripped != name && stripped != "" {
			return rc.sentencePlace(g, stripped)
		}
		// "northern Vietnam", "the northern Philippines", "central
		// Myanmar", "western Kerr County": a compass part of a country,
		// province or county is counted as that place (the gazetteer has no such parts; a toll "in northern
		// Vietnam" is the country's toll of a storm that struck its north)
		if rest, ok := rc.v.cutCompass(name); ok {
			if q, ok := rc.sentencePlace(g, rest); ok && (q.Kind == gazetteer.Country || q.Kind == gazetteer.Subdivision) {
				if rc.hasPl && rc.place.Kind == gazetteer.Subdivision && rc.place.Parent == q.ID {
					// (a report about Herat province: "western
					// Afghanistan" is where the province lies)
					return rc.place, true
				}
				return q, true
			}
		}
		return p, false
	}
	if rc.country == "" && p.Minor && rc.namesSite(name) {
		// (a report that names no country: a minor unit with no town
		// whose name the text also gives a site ("Grenfell toll put at
		// around 80" beside "the Grenfell Tower fire") is the site's
		// short name, not a Saskatchewan municipality)
		return p, false
	}
	if rc.country != "" && p.Country != rc.country && p.Kind != gazetteer.Country {
		// a same-named town abroad is a reading of the spelling, not of
		// the report; keep it only when the name is capitalised words
		// the gazetteer knows as a unit
		if p.Kind == gazetteer.City && p.Population < 100000 {
			return p, false
		}
		// nor a second-level unit abroad with no town the gazetteer
		// keeps ("Mina", the hajj's tent city, is a municipality of
		// Mexico's Nuevo León to the gazetteer)
		if p.Minor {
			return p, false
		}
		// nor a unit abroad below a state or province ("Grenfell", the
		// London tower's name, is a municipality of Saskatchewan)
		if p.Kind == gazetteer.Subdivision {
			if par, ok := g.Get(p.Parent); ok && par.Kind != gazetteer.Country {
				return p, false
			}
		}
		// nor is a big city abroad that the name only stands for as
		// one of its other names ("Suzu", a town in Japan, is also a
		// spelling of Suzhou in China)
		if p.Kind == gazetteer.City && !strings.EqualFold(p.Name, name) && !strings.EqualFold(p.Name, stripDesignator(name)) {
			return p, false
		}
	}
	return p, true
}

// cutCompass returns name without a leading lower-case compass word
// ("northern Vietnam" → "Vietnam", "the north-west of Syria" is not one).
func (v *vocabulary) cutCompass(name string) (string, bool) {
	w, rest, ok := strings.Cut(name, " ")
	if !ok {
		return "", false
	}
	// ("Eastern Afghanistan" in a title-case headline; a capitalised
	// compass word that names a place, "Eastern Cape", "South Sudan", is
	// found whole before this is tried)
	if v.compass[w] || v.compass[strings.ToLower(w)] {
		rest = strings.TrimPrefix(strings.TrimSpace(rest), "the ")
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) {
			return rest, true
		}
	}
	return "", false
}

// attributorPlace reads a source that is a place: a country, or a
// region of the report's country ("Castilla-La Mancha has recorded two
// deaths"), named exactly so ("the Interior Ministry" is no place).
func (rc *reportContext) attributorPlace(g *gazetteer.Gazetteer, attribution string) (gazetteer.Place, bool) {
	name := strings.TrimPrefix(attribution, "the ")
	if name == "" {
		return gazetteer.Place{}, false
	}
	if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) {
		return gazetteer.Place{}, false
	}
	// Resolve reads the whole name (or an alias: "Castilla-La Mancha"
	// is GeoNames' "Castille-La Mancha"), never a place inside it
	p, ok := lookupPlace(rc.v, g, name, rc.country)
	if !ok {
		// "Neighbouring Malawi reported seven deaths": a country after
		// one word speaks of itself, whatever countries the report is
		// about
		if w, rest, cut := strings.Cut(name, " "); cut && !strings.Contains(rest, " ") && w != "" {
			if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) {
				if q, qok := lookupPlace(rc.v, g, rest, rc.country); qok && q.Kind == gazetteer.Country {
					return q, true
				}
			}
		}
		return gazetteer.Place{}, false
	}
	switch p.Kind {
	case gazetteer.Country:
		return p, true
	case gazetteer.Subdivision, gazetteer.Region:
		return p, rc.country != "" && p.Country == rc.country
	}
	return gazetteer.Place{}, false
}

// whereRelRE is a place a relative clause is about: "Paiporta, where at
// least 62 people died".
var whereRelRE = regexp.MustCompile(`([A-Z][\p{L}'’\-]+(?:\s+[A-Z][\p{L}'’\-]+){0,3}(?:\s+(?:township|district|province|county|city|town|village|region|state|prefecture|governorate|municipality))?),\s+where\s`)

// wherePlace returns the place of a "PLACE, where …" clause that holds
// the claim's figure.
func (rc *reportContext) wherePlace(g *gazetteer.Gazetteer, text string, c *tracker.Claim) (gazetteer.Place, bool) {
	if !strings.Contains(c.Sentence, ", where ") {
		return gazetteer.Place{}, false
	}
	rel := c.Start - rc.sentenceStart(text, c.Sentence)
	for _, m := range whereMatches(c.Sentence) {
		if m[1] > rel || rel-m[1] > 80 {
			continue
		}
		if p, ok := rc.sentencePlace(g, c.Sentence[m[2]:m[3]]); ok && (rc.country == "" || p.Country == rc.country) {
			return p, true
		}
	}
	return gazetteer.Place{}, false
}

// whereAtRE is whereRelRE anchored at the start of its text.
var whereAtRE = regexp.MustCompile(`^` + whereRelRE.String())

// whereMatches is whereRelRE.FindAllStringSubmatchIndex(s, -1), with the
// regexp tried only where a match can open: a match is names and white
// space, which hold no comma, then the first comma after them and
// ",\s+where\s", so it lies in the text after a comma (or s's start) and
// before the next comma, when that comma is followed by "where". There the
// anchored regexp is tried at each ASCII capital ([A-Z] opens it) in
// order, and the first that matches is the leftmost match; the text it
// takes past the comma holds no capital and no comma, so the search goes
// on from the comma. Run unanchored, the regexp tried every position of
// the sentence. TestWhereMatches and FuzzWhereMatches hold the two
// together.
func whereMatches(s string) [][]int {
	var out [][]int
	for seg := 0; seg < len(s); {
		k := strings.IndexByte(s[seg:], ',')
		if k < 0 {
			break
		}
		k += seg
		if whereAfterComma(s, k+1) {
			for i := seg; i < k; i++ {
				if s[i] < 'A' || s[i] > 'Z' {
					continue
				}
				if m := whereAtRE.FindStringSubmatchIndex(s[i:]); m != nil {
					for x := range m {
						if m[x] >= 0 {
							m[x] += i
						}
					}
					out = append(out, m)
					break
				}
			}
		}
		seg = k + 1
	}
	return out
}

// whereAfterComma reports whether s[j:] opens with \s+where\s (RE2's
// \s: tab, newline, form feed, carriage return, space).
func whereAfterComma(s string, j int) bool {
	sp := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }
	if j >= len(s) || !sp(s[j]) {
		return false
	}
	for j < len(s) && sp(s[j]) {
		j++
	}
	return strings.HasPrefix(s[j:], "where") && j+5 < len(s) && sp(s[j+5])
}

// listRE is the rest of a list of names after its first: ", Mozambique
// and Madagascar", " and Syria".
var listRE = regexp.MustCompile(`^(?:(?:,\s*|,?\s+and\s+)[A-Z][\p{L}'’\-]+(?:\s+[A-Z][\p{L}'’\-]+)?){1,2}`)

// listFrom returns where with the names that follow it in a list in s,
// the claim's span ("across Malawi, Mozambique and Madagascar to more
// than 400"), or "" when none follow.
func listFrom(sent, where string) string {
	i := strings.Index(sent, where)
	if i < 0 {
		return ""
	}
	rest := sent[i+len(where):]
	if !mayList(rest) {
		return ""
	}
	m := listRE.FindString(rest)
	if m == "" {
		return ""
	}
	return where + m
}

// mayList reports whether listRE can match s: s opens with a comma and
// an ASCII capital after any white space, or with an optional comma,
// white space, "and", white space and an ASCII capital. Most names are
// followed by neither, and the regexp is not run there.
func mayList(s string) bool {
	j := 0
	comma := j < len(s) && s[j] == ','
	if comma {
		j++
	}
	k := j
	for k < len(s) && isSpaceRE(s[k]) {
		k++
	}
	if comma && k < len(s) && 'A' <= s[k] && s[k] <= 'Z' {
		return true
	}
	if k == j || !strings.HasPrefix(s[k:], "and") {
		return false
	}
	k += len("and")
	m := k
	for m < len(s) && isSpaceRE(s[m]) {
		m++
	}
	return m > k && m < len(s) && 'A' <= s[m] && s[m] <= 'Z'
}

// locative says whether a one-word Where the gazetteer does not know
// may be a part of the report's place: capitalised, no word notPlace
// knows, no continent, and not in the headline (a place the headline
// names is the report's place by another name).
func (rc *reportContext) locative(text, where string) bool {
	r, _ := utf8.DecodeRuneInString(where)
	if len(where) < 4 || !unicode.IsUpper(r) || rc.v.notPlace(where) || strings.Contains(text[:min(rc.headEnd, len(text))], where) {
		return false
	}
	if strings.ToUpper(where) == where {
		// an acronym the gazetteer does not know names a body, not a
		// place: "rely only on AFAD for information"
		return false
	}
	if afterThe(text, where) {
		// "in the Strip", "the Valley": a common noun for a place the
		// report has named, not a town of its own
		return false
	}
	if rc.v.continents[strings.ToLower(where)] {
		// a continent is no part of the report's place
		return false
	}
	return true
}

// afterThe reports whether text holds where right after "the " or "The "
// (strings.Contains(text, "the "+where) || strings.Contains(text, "The
// "+where), which TestAfterThe holds it to), searching for where itself:
// its first byte, a capital, is far rarer in a text than a t, which each
// search for "the " stopped at. where is not empty.
func afterThe(text, where string) bool {
	for i := 0; ; {
		k := strings.Index(text[i:], where)
		if k < 0 {
			return false
		}
		k += i
		if k >= 4 && (text[k-4:k] == "the " || text[k-4:k] == "The ") {
			return true
		}
		i = k + 1
	}
}

// spreadRE finds where most of a figure is, as opposed to what it
// counts: "most of them in", "mainly in", "many in".
var spreadRE = regexp.MustCompile(`(?i)\b(?:(?:most|many|all|some|half|the\s+majority|the\s+bulk)\s+(?:of\s+(?:them|whom|those)\s+)?in|mostly\s+in|mainly\s+in|largely\s+in|chiefly\s+in|especially\s+in|particularly\s+in|notably\s+in)\s+(?:the\s+)?(?:(?:province|region|district|state|prefecture|governorate|county|city|town)\s+of\s+)?$`)

// spreadOver reports whether the sentence names where only as where most
// of its figure is ("79 unaccounted for, most of them in Wajima"): the
// first mention of where at or after from, the figure's start in sent, is
// after "most of them in" (a mention before the figure names another's; no
// mention after it: any mention decides).
func spreadOver(sent, where string, from int) bool {
	if from > 0 && from <= len(sent) {
		if j := strings.Index(sent[from:], where); j >= 0 {
			i := from + j
			return spreadMatch(sent[max(0, i-60):i])
		}
	}
	for i := strings.Index(sent, where); i >= 0; {
		if w := sent[max(0, i-60):i]; spreadMatch(w) {
			return true
		}
		j := strings.Index(sent[i+len(where):], where)
		if j < 0 {
			break
		}
		i += len(where) + j
	}
	return false
}

// namesEvent reports whether a place is written only as the name of the
// event ("killed in the Al Haouz earthquake"): where the event struck,
// not the area the figure counts.
func (v *vocabulary) namesEvent(sent, where string) bool {
	i := strings.Index(sent, where)
	if i < 0 || !strings.Contains(sent[max(0, i-12):i], "the ") {
		return false
	}
	rest := strings.TrimLeft(sent[i+len(where):], " ")
	end := strings.IndexAny(rest, " ,.;")
	if end < 0 {
		end = len(rest)
	}
	_, ok := v.eventWord(rest[:end])
	return ok && end > 0
}

// eventNamedIn reports whether s names an event by its place: "the Al
// Haouz earthquake", "the Valencia floods".
func (v *vocabulary) eventNamedIn(s string) bool {
	for i := strings.Index(s, "the "); i >= 0; {
		ws := strings.Fields(s[i+4:])
		n := 0
		for n < len(ws) && n < 4 {
			r, _ := utf8.DecodeRuneInString(ws[n])
			if !unicode.IsUpper(r) {
				break
			}
			n++
		}
		if n > 0 && n < len(ws) {
			if _, ok := v.eventWord(strings.TrimRight(ws[n], ",.;")); ok {
				return true
			}
		}
		j := strings.Index(s[i+4:], "the ")
		if j < 0 {
			break
		}
		i += 4 + j
	}
	return false
}

// subjectRE is a place that opens its sentence as the one that counts
// (a new verb needs its opening in subjectVerbOpenings, a new designator
// its word in subjectDesignators, which mayBeSubject checks before the
// regexp runs; TestContextPrefilters holds them to each other):
// "Wajima accounted for 52 of the deaths", "Suzu reported 91 deaths",
// "Buncombe County had 42 deaths, the most of any county",
// "Al Haouz, the mountain province, accounted for 1,684", "Al Haouz
// province, where the epicentre lay, accounts for 394 of the deaths".
var subjectRE = regexp.MustCompile(`^([A-Z][\p{L}'’\-]+(?:\s+[A-Z][\p{L}'’\-]+)?)(?:\s+(?:province|state|region|district|county|prefecture|governorate))?(?:,\s+[^,]{1,60},)?\s+(?:accounted\s+for|accounts\s+for|reported|recorded|registered|counted|confirmed|reports|records|registers|(?:has|had|have)\s+(?:accounted\s+for|recorded|reported|confirmed|counted|registered)|(?:has|had)\s+(?:at\s+least\s+|more\s+than\s+|about\s+)?\d[\d,]*\s+(?:deaths|dead|missing|injured))[\s,;.]`)

// placeListRE is a further name with its figure in a list: "and
// Wajima 81", ", Suzu for 28".
var placeListRE = regexp.MustCompile(`(?:,|\band)\s+[A-Z][\p{L}'’\-]+\s+(?:for\s+)?\d`)

// subjectPlace returns the place a sentence opens with as the one that
// counts, when the claim is in its first clause: a place the gazetteer
// knows in the report's country, or one it does not know that the text
// also writes as a place ("in Wajima").
func (rc *reportContext) subjectPlace(text string, c *tracker.Claim) (gazetteer.Place, bool) {
	m := rc.sentence(c.Sentence).subjectMatch()
	if m == nil {
		return gazetteer.Place{}, false
	}
	off := rc.sentenceStart(text, c.Sentence)
	if off < 0 {
		return gazetteer.Place{}, false
	}
	if and := strings.Index(c.Sentence[len(m[0]):], " and "); and >= 0 && c.Start-off > len(m[0])+and {
		return gazetteer.Place{}, false // "… and Suzu for 28": the second clause's own
	}
	name := m[1]
	if p, ok := rc.places.sentencePlace(rc, name); ok {
		if rc.country == "" || p.Country == rc.country {
			return p, true
		}
		return gazetteer.Place{}, false
	}
	// a name the gazetteer does not know: a place when the text also
	// writes it as one ("in Wajima"), when it "accounted for" part of a
	// toll, or when the sentence goes on to list another name with its
	// figure ("Suzu reported 91 deaths and Wajima 81")
	evidence := strings.Contains(text, "in "+name) || strings.Contains(m[0], "accounted") || placeListRE.MatchString(c.Sentence[len(m[0]):])
	if !strings.Contains(name, " ") && rc.hasPl && rc.locative(text, name) && evidence {
		return gazetteer.Place{Name: name, ID: partID(rc.place.ID, name)}, true
	}
	return gazetteer.Place{}, false
}

// unitsRE is a figure spread over several of a country's units: "across
// six Southeastern states", "in seven states", "in 21 provinces".
var unitsRE = regexp.MustCompile(`(?i)^[^.;]{0,40}?\b(?:in|across)\s+(?:(?:all|the|some|at\s+least|more\s+than)\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|\d+)\s+(?:[a-z]+\s+)?(?:states|provinces|regions|prefectures|governorates)\b`)

// acrossRegionRE opens a sentence about a country's wider region:
// "Across the Southeast, Helene's toll passed 200".
var acrossRegionRE = regexp.MustCompile(`(?i)^(?:across|throughout)\s+the\s+(?:south|southeast|southwest|north|northeast|northwest|east|west|midwest|region|affected\s+(?:states|provinces|regions|areas))\s*,`)

// acrossUnits reports whether the words after a figure's phrase spread
// it over several units of its country, or its sentence opens with a
// wider region of it.
func acrossUnits(sent, span string) bool {
	if len(sent) > 7 && (strings.EqualFold(sent[:7], "across ") || strings.HasPrefix(sent, "Throughout ")) && acrossRegionRE.MatchString(sent) {
		return true
	}
	i := strings.Index(sent, span)
	if i < 0 || !holdsUnitsWord(sent[i:]) {
		return false
	}
	return unitsRE.MatchString(sent[i+len(span):])
}

// unitsWords are the plural units unitsRE ends with, each after a space.
var unitsWords = []string{" states", " provinces", " regions", " prefectures", " governorates"}

// holdsUnitsWord reports whether s holds one of unitsWords (five
// searches for a space each stopped at every space of s: this reads the
// byte after each space once; TestHoldsUnitsWord holds it to them).
func holdsUnitsWord(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] != ' ' {
			continue
		}
		switch s[i+1] {
		case 's', 'p', 'r', 'g':
			for _, w := range unitsWords {
				if w[1] == s[i+1] && strings.HasPrefix(s[i:], w) {
					return true
				}
			}
		}
	}
	return false
}

// aloneRE is a place with "alone" after it: "in Sindh alone", "from the
// Chaliyar alone".
var aloneRE = regexp.MustCompile(`\b(?:in|from|at|In|From|At)\s+(?:the\s+)?([A-Z][\p{L}'’-]*(?:\s+[A-Z][\p{L}'’-]*){0,3})\s+alone\b`)

// siteAloneRE is one site's share: "the regional hospital alone had
// received more than 600 injured".
var siteAloneRE = regexp.MustCompile(`(?i)\b(?:the|a|one)\s+(?:[a-z-]+\s+){0,2}(?:hospital|clinic|morgue|camp|shelter|school)\s+alone\b`)

// placeAlone says whether the words around a figure, up to the figures
// before and after it, give it as one place's alone. A day or a month
// ("on Saturday alone", "in October alone") is a period, not a place.
func placeAlone(v *vocabulary, before, after string) bool {
	if i := strings.IndexAny(after, "0123456789"); i >= 0 {
		after = after[:i]
	}
	if i := strings.LastIndexAny(before, "0123456789"); i >= 0 {
		before = before[i+1:]
	}
	for _, seg := range []string{before, after} {
		if m := aloneRE.FindStringSubmatch(seg); m != nil && !v.notPlace(m[1]) {
			return true
		}
		if siteAloneRE.MatchString(seg) {
			return true
		}
	}
	return false
}

// statewideRE is a figure for the whole state or province, said so
// beside it: "statewide", "across the state", "the state's toll".
var statewideRE = regexp.MustCompile(`(?i)\b(?:state-?wide|province-?wide|(?:across|throughout) the (?:state|province)|the (?:state|province)(?:'s|’s) (?:death )?(?:toll|total|tally|count))\b`)

// mayBeStatewide reports whether statewideRE can match s.
func mayBeStatewide(s string) bool {
	return containsFoldASCII(s, "state") || containsFoldASCII(s, "province")
}

// firstLevelOf returns the first-level unit (a state, a province) that
// is or contains p; false for a country or a place outside any.
func firstLevelOf(g *gazetteer.Gazetteer, p gazetteer.Place) (gazetteer.Place, bool) {
	if p.Kind == gazetteer.Country || p.Country == "" {
		return gazetteer.Place{}, false
	}
	if p.Parent == p.Country {
		return p, p.Kind == gazetteer.Subdivision
	}
	as := g.Ancestors(p.ID)
	for i, a := range as {
		if a.Parent == p.Country && a.Kind == gazetteer.Subdivision && i+1 < len(as) {
			return a, true
		}
	}
	return gazetteer.Place{}, false
}

// nationalRE is a figure for the whole country, said so in its phrase.
var nationalRE = regexp.MustCompile(`(?i)\b(?:national|nationwide|countrywide|country's|country’s)\s+(?:death\s+)?(?:total|toll|tally|count|figure)\b|\bnationwide\b|\bacross\s+the\s+country\b`)

// designated says whether the sentence calls a Where a place with a
// designator: "the village of Letur", "Letur village".
func designated(sent, where string) bool {
	if where == "" {
		return false
	}
	// (each occurrence of where, with the designator before or after it:
	// strings.Contains(sent, d+where) without building d+where)
	for i := 0; i < len(sent); {
		k := strings.Index(sent[i:], where)
		if k < 0 {
			return false
		}
		k += i
		before, after := sent[:k], sent[k+len(where):]
		for _, d := range []string{"village of ", "town of ", "city of ", "district of ", "province of ", "region of ", "municipality of ", "hamlet of "} {
			if strings.HasSuffix(before, d) {
				return true
			}
		}
		for _, d := range []string{" village", " town", " district", " province", " municipality"} {
			if strings.HasPrefix(after, d) {
				return true
			}
		}
		i = k + 1
	}
	return false
}

// namesSite reports whether the report's text writes name before a
// capitalised site noun ("Grenfell Tower", "Kostenko Mine"), asked once
// a name.
func (rc *reportContext) namesSite(name string) bool {
	if v, ok := rc.siteNames[name]; ok {
		return v
	}
	found := false
	for off := 0; !found; {
		k := strings.Index(rc.text[off:], name+" ")
		if k < 0 {
			break
		}
		off += k + len(name) + 1
		w := rc.text[off:]
		if e := strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }); e >= 0 {
			w = w[:e]
		}
		if w != "" && unicode.IsUpper(rune(w[0])) && rc.v.placeHeads[strings.ToLower(w)] {
			found = true
		}
	}
	if rc.siteNames == nil {
		rc.siteNames = map[string]bool{}
	}
	rc.siteNames[name] = found
	return found
}

// stripDesignator drops a designator word from a place name.
func stripDesignator(name string) string {
	for _, d := range []string{" province", " Province", " district", " District", " governorate", " Governorate", " region", " Region", " state", " State", " county", " County", " prefecture", " city", " town", " village", " township", " Township", " municipality", " Municipality", " department", " Department"} {
		if strings.HasSuffix(name, d) {
			return strings.TrimSpace(strings.TrimSuffix(name, d))
		}
	}
	for _, d := range []string{"province of ", "Province of ", "district of ", "city of ", "town of ", "village of ", "region of ", "state of "} {
		if strings.HasPrefix(name, d) {
			return strings.TrimSpace(strings.TrimPrefix(name, d))
		}
	}
	return name
}

// looksLikePlace says whether a Where the gazetteer does not know still
// reads as a place: a designator word, or two or more capitalised words.
// (Its words are read in place, lowercased on the stack when ASCII:
// strings.Fields of a lowered copy allocated twice a claim.)
func (v *vocabulary) looksLikePlace(where string) bool {
	if stripDesignator(where) != where {
		return true
	}
	for w := range strings.FieldsSeq(where) {
		if v.siteWord(w) {
			// an event site: the toll of what happened there
			return true
		}
	}
	caps, last := 0, ""
	for w := range strings.FieldsSeq(where) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			caps++
		}
		last = w
	}
	// (a name and a landform: "the Ahr valley", "the Swat valley")
	return caps >= 2 || caps == 1 && v.landforms[last]
}

// siteWord reports whether a word, lowercased and trimmed of commas and
// full stops, names an event site ("hospital", "camp", "market").
func (v *vocabulary) siteWord(w string) bool {
	var buf [16]byte
	lw := ""
	if ascii := len(w) <= len(buf); ascii {
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		if ascii {
			lw = string(buf[:len(w)]) // (does not escape: Trim and a map index read it)
		} else {
			lw = strings.ToLower(w)
		}
	} else {
		lw = strings.ToLower(w)
	}
	return v.sites[strings.Trim(lw, ",.")]
}

// viaRE reads a relay: "the National News Agency reported, citing ...",
// "state media, citing the interior ministry", "X quoted Y as saying".
var viaRE = regexp.MustCompile(`(?i)\b((?:the\s+)?(?:[A-Z][\w.'’\-]*\s+){0,4}(?:agency|media|television|tv|broadcaster|news|radio|wire|newspaper|[A-Z]{2,6}))\s*(?:,\s*)?(?:reported\s*,?\s*)?(?:citing|quoting|quoted)\b`)

// pronounSaidRE is a sentence whose giver is a pronoun: "It said 3,166
// bodies…", "…, it added." (mayBePronounSaid checks for its openings and
// endings before it runs: a new one goes there too.)
var pronounSaidRE = regexp.MustCompile(`^(?:It|They)\s+(?:said|says|added|reported|counted|recorded|put)\b|,\s+(?:it|they)\s+(?:said|added)\s*\.?$`)

// bodySubjectRE is a sentence that opens with a body that gives figures:
// "The eastern government's health ministry gave …".
var bodySubjectRE = regexp.MustCompile(`^((?:The\s+|the\s+)?(?:[\p{L}'’\-]+\s+){0,5}?(?:ministry|agency|office|government|authorities|council|committee|centre|center|department|service|organization|organisation|police|army|military|institute|commission|crescent|cross))\s+(?:said|says|gave|put|reported|counted|recorded|has|had|announced|published|issued|released|updated)\b`)

// citingRE is what follows a source that reports, citing another:
// "reported, citing the Ishikawa prefectural government".
var citingRE = regexp.MustCompile(`^\s*(?:has\s+)?(?:reported|said|says|reports|quoted)\s*,?\s+citing\s+((?:the\s+)?[\p{L}'’\-]+(?:\s+[\p{L}'’\-]+){0,6}?)\s*(?:[,.;]|\s+(?:as|on|in|and|who|which|that)\s|$)`)

// viaOf returns the relay a sentence names before "citing"/"quoting", when
// it is not the attribution itself.
func viaOf(sent, attribution string) string {
	if !mayRelay(sent) {
		return ""
	}
	m := viaRE.FindStringSubmatch(sent)
	if m == nil {
		return ""
	}
	v := strings.TrimSpace(m[1])
	if strings.EqualFold(v, attribution) {
		return ""
	}
	return v
}

// copyAttributions gives an unattributed claim (a headline's, or a lead's
// restatement) the attribution of an attributed claim of the same report
// with the same category and interval: the headline "Quake kills 2,012"
// is the ministry's figure that the body attributes.
//
// The attributed claims are indexed by category and whole low bound
// first, so that this is linear in the claims: comparing every pair was
// 10^8 comparisons at tracker.MaxClaims. Candidates are still compared
// with Equal, in text order, so the first match is the one taken.
// figureKey buckets claims by category and lower bound, for finding the
// same figure elsewhere in a report. The key's low is the whole part of
// the bound: equal bounds, 2 and 2.0, have the same; unequal ones that
// share it, 2 and 2.5, or past int64, share a bucket and Equal tells them
// apart.
type figureKey struct {
	cat tracker.Category
	low int64
}

func figureKeyOf(c *tracker.Claim) figureKey {
	// (IntPart copies the coefficient to rescale it; a whole count,
	// exponent 0, is its coefficient: the same int64 without the copy)
	if low := c.Interval.Low; low.Exponent() == 0 {
		return figureKey{c.Category, low.CoefficientInt64()}
	}
	return figureKey{c.Category, c.Interval.Low.IntPart()}
}

func copyAttributions(claims []tracker.Claim) {
	// The attributed claims, sorted by key and then by offset, stand
	// where a map of each key's claims in text order stood: one slice
	// rather than a map and a slice a key, and each claim is found by a
	// binary search and read in the same order as before.
	type keyed struct {
		k figureKey
		j int
	}
	var byKey []keyed
	for j := range claims {
		if o := &claims[j]; o.Attribution != "" && !o.Prior {
			byKey = append(byKey, keyed{figureKeyOf(o), j})
		}
	}
	if byKey == nil {
		return
	}
	cmpKey := func(a, b figureKey) int {
		if c := cmp.Compare(a.cat, b.cat); c != 0 {
			return c
		}
		return cmp.Compare(a.low, b.low)
	}
	slices.SortFunc(byKey, func(a, b keyed) int {
		if c := cmpKey(a.k, b.k); c != 0 {
			return c
		}
		return a.j - b.j
	})
	for i := range claims {
		c := &claims[i]
		if c.Attribution != "" || c.Prior {
			continue
		}
		k := figureKeyOf(c)
		n, _ := slices.BinarySearchFunc(byKey, k, func(e keyed, k figureKey) int { return cmpKey(e.k, k) })
		for ; n < len(byKey) && byKey[n].k == k; n++ {
			o := &claims[byKey[n].j]
			if o.Interval.Low.Equal(c.Interval.Low) {
				c.Context.Via = strings.TrimSpace(c.Context.Via)
				if c.Context.Origin == "" {
					c.Context.Origin = o.Attribution
				}
				break
			}
		}
	}
}

// venueRE finds a place that is where something was said, not where the
// figure happened: "a ministry briefing in Rabat", "told reporters in
// Geneva".
var venueRE = regexp.MustCompile(`(?i)\b(?:briefing|conference|statement|speaking|interview|meeting|summit|visit|reporters|news agency|headquarters|office|offices|based)\s+(?:\w+\s+)?(?:in|at|from)\s+(?:the\s+)?$`)

// venue reports whether a sentence names where only as the venue of a
// statement.
func venue(sent, where string) bool {
	i := strings.Index(sent, where)
	if i < 0 {
		return false
	}
	return venueMatch(sent[:i])
}

// combined reads two or three countries named together ("Turkey and
// Syria"): an id joining theirs in order ("SY+TR") and the name as
// written.
func combined(m *placeMemo, where string) (id, name string, ok bool) {
	if !strings.ContainsAny(where, ",-/") && !strings.Contains(where, " and ") {
		return "", "", false // one part
	}
	parts := strings.FieldsFunc(strings.ReplaceAll(where, " and ", ","), func(r rune) bool { return r == ',' || r == '-' || r == '/' })
	if len(parts) < 2 || len(parts) > 3 {
		return "", "", false
	}
	var ids []string
	// all countries, or all first-level units of one country
	countries, units, country := true, true, ""
	for i, p := range parts {
		name := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(p), "the "))
		if i == len(parts)-1 {
			// "Kunar, Nangarhar and Laghman provinces"
			for _, d := range [...]string{" provinces", " states", " regions", " governorates", " prefectures"} {
				name = strings.TrimSuffix(name, d)
			}
		}
		pl, ok := m.lookup(name)
		if !ok {
			return "", "", false
		}
		if i == 0 {
			country = pl.Country
		}
		countries = countries && pl.Kind == gazetteer.Country
		// (first-level units only: "92 in Jajarkot and Rukum West" is
		// two districts' part of the province's toll)
		units = units && pl.Kind == gazetteer.Subdivision && pl.Parent == pl.Country && pl.Country == country
		if !countries && !units {
			return "", "", false
		}
		ids = append(ids, pl.ID)
	}
	if units {
		// "in Kunar, Nangarhar and Laghman": three provinces of one
		// country together are the country's toll (the unit that holds
		// them all); two ("Gansu and Qinghai") stay a place of their own,
		// which may be a part
		if len(ids) < 3 {
			return "", "", false
		}
		if a, ok := commonAncestor(m.g, ids); ok {
			return a.ID, a.Name, true
		}
		return "", "", false
	}
	slices.Sort(ids)
	return strings.Join(ids, "+"), strings.Join(strings.Fields(where), " "), true
}

// m1 is a match's first group, "" when there is no match.
func m1(m []string) string {
	if len(m) < 2 {
		return ""
	}
	return m[1]
}

// frontedRE reads a place fronted in its sentence: "In Syria, …",
// "Across Malawi, …", "In Libya's east, …". (mayBeFronted checks for its
// openings before it runs: a new one goes there too.)
var frontedRE = regexp.MustCompile(`^(?:(?:(?:Hours|Minutes|Moments|Days|Weeks)\s+(?:later|earlier)|Later|Earlier|Meanwhile|Separately),?\s+(?:in|across|inside)|In|Across|Throughout|Inside|Elsewhere in)\s+(?:the\s+)?([A-Z][\p{L}'’\-]+(?:\s+[A-Z][\p{L}'’\-]+){0,3}?)(?:'s?\s+\p{Ll}+)?\s*,`)

// bothRE reads a figure for the two countries of a report together.
var bothRE = regexp.MustCompile(`(?i)\b(?:in|across|for|of)\s+(?:the\s+two|both)\s+countries\b|\bcombined\s+(?:death\s+)?(?:toll|number|count|total)\b|\bboth\s+countries\b`)

// heldRE reads a part of a country named by who holds it. Not "run":
// "the state-run Bakhtar news agency" and "a government-run hospital"
// name institutions, not areas.
var heldRE = regexp.MustCompile(`(?i)\b(government|regime|state|rebel|opposition|insurgent|militant)[- ](?:held|controlled)\b`)

// nearest returns the submatches of re in c's sentence nearest c's span;
// off is the sentence's offset in the text (sentenceStart).
func nearest(re *regexp.Regexp, off int, c *tracker.Claim) []string {
	sent := c.Sentence
	var best []string
	bestD := 1 << 30
	for _, m := range re.FindAllStringSubmatchIndex(sent, -1) {
		d := 0
		if off >= 0 {
			a, b := off+m[0], off+m[1]
			switch {
			case b <= c.Start:
				d = c.Start - b
			case a >= c.End:
				d = a - c.End
			}
		}
		if d < bestD {
			best, bestD = nil, d
			for k := 0; k < len(m); k += 2 {
				if m[k] < 0 {
					best = append(best, "")
				} else {
					best = append(best, sent[m[k]:m[k+1]])
				}
			}
		}
	}
	return best
}

// sourcePlace returns the place a source is named by: a place or demonym
// adjective at its start ("Gaza health ministry", "Israel's military",
// "Moroccan interior ministry"), not a place it merely holds ("the UN
// office in Geneva").
func sourcePlace(m *placeMemo, source string) (gazetteer.Place, bool) {
	ws := strings.Fields(strings.TrimPrefix(strings.TrimPrefix(source, "the "), "The "))
	if len(ws) < 2 {
		return gazetteer.Place{}, false
	}
	for n := min(3, len(ws)-1); n >= 1; n-- {
		name := strings.Join(ws[:n], " ")
		name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
		if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) {
			continue
		}
		if p, ok := m.lookup(name); ok {
			return p, true
		}
		if n == 1 {
			if p, ok := m.demonym(name); ok {
				return p, true
			}
		}
	}
	// "the health ministry in Gaza", "the Red Crescent in Derna": the
	// place after a body's name
	for i := 1; i+1 < len(ws); i++ {
		if ws[i] != "in" {
			continue
		}
		rest := ws[i+1:]
		if rest[0] == "the" && len(rest) > 1 {
			rest = rest[1:]
		}
		if len(rest) > 3 {
			break
		}
		name := strings.Join(rest, " ")
		if r, _ := utf8.DecodeRuneInString(name); unicode.IsUpper(r) {
			if p, ok := m.lookup(name); ok {
				return p, true
			}
		}
		break
	}
	return gazetteer.Place{}, false
}

// paragraphPlaceOf sets *pl to the last place of the report's two
// countries that the paragraph starting at start names before c's figure
// ends, as the country or its first-level unit, and reports whether there
// is one.
// bothCountries returns the two countries a combined toll is about: the
// report's two, else the two its sentence names, else the one it names
// and the report's ("In Syria, … bringing the combined toll to more than
// 11,200" in a report about Turkey); nil when there are not two.
func (rc *reportContext) bothCountries(sent string) []string {
	if rc.country2 != "" && rc.country != "" {
		return []string{rc.country, rc.country2}
	}
	var ids []string
	for _, p := range rc.places.placesOf(sent, false) {
		if p.Kind == gazetteer.Country && !slices.Contains(ids, p.ID) {
			ids = append(ids, p.ID)
		}
	}
	if len(ids) == 1 && rc.country != "" && ids[0] != rc.country {
		ids = append(ids, rc.country)
	}
	// (a report whose main reading is a continent or a region, "southern
	// Africa", has no country of its own to pair: "in both countries" is
	// then the two its text names)
	if len(ids) < 2 && rc.country2 != "" {
		for _, p := range rc.named {
			if p.Kind == gazetteer.Country && !slices.Contains(ids, p.ID) {
				ids = append(ids, p.ID)
			}
		}
	}
	if len(ids) != 2 {
		return nil
	}
	return ids
}

// bothPlace is the place of two countries together: "Syria and Turkey",
// "SY+TR" (ids sorted, so either order is one place).
func bothPlace(g *gazetteer.Gazetteer, ids []string) (name, id string) {
	ids = slices.Sorted(slices.Values(ids))
	a, _ := g.Get(ids[0])
	b, _ := g.Get(ids[1])
	return a.Name + " and " + b.Name, ids[0] + "+" + ids[1]
}

// partID is the id of a place the gazetteer does not know, named inside
// a known one: "AF.11/zinda jan district".
func partID(parent, name string) string {
	return parent + "/" + strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// anaphor reports whether s names a place by a common noun alone ("in
// the city", not "in the prefecture of Marrakech"): a match of anaphorRE
// not followed by " of ", found without the regexp, which was tried from
// every position of the sentence. It reads each "the" with white space
// on both sides: in, of or across at a word boundary before it, one of
// the vocabulary's anaphor nouns then a word boundary after it (no noun
// is a prefix of another, which the parser checks, and no match can
// start inside another, so this finds what FindAllStringIndex does;
// TestFastPaths holds it to the regexp).
func (v *vocabulary) anaphor(s string) bool {
	if !strings.Contains(s, " the ") {
		return false
	}
	for i := 0; ; {
		k := strings.Index(s[i:], "the")
		if k < 0 {
			return false
		}
		k += i
		i = k + 1
		b := k
		for b > 0 && isSpaceRE(s[b-1]) {
			b--
		}
		a := k + len("the")
		e := a
		for e < len(s) && isSpaceRE(s[e]) {
			e++
		}
		if b == k || e == a || !endsWithWordAtBoundary(s[:b], "in", "of", "across") {
			continue
		}
		for _, n := range v.anaphorNouns {
			if end := e + len(n); strings.HasPrefix(s[e:], n) && (end == len(s) || !isWordByte(s[end])) {
				if !strings.HasPrefix(s[end:], " of ") {
					return true
				}
				break
			}
		}
	}
}

// endsWithWordFold is endsWithWordAtBoundary(strings.ToLower(s), ws...)
// with only s's tail lowercased: as many runes as the longest word has
// bytes, and one more for the boundary (a rune lowercases to a byte or
// more, and strings.ToLower maps rune by rune, so the lowered tail is
// the lowered whole's suffix and at least that long). metaphor is asked
// with the whole text before a word (stormNames), and lowering all of it
// once a word made a text of many storms quadratic.
func endsWithWordFold(s string, ws []string) bool {
	n := 1
	for _, w := range ws {
		n = max(n, len(w)+1)
	}
	start := len(s)
	for ; n > 0 && start > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:start])
		start -= size
	}
	return endsWithWordAtBoundary(strings.ToLower(s[start:]), ws...)
}

// endsWithWordAtBoundary reports whether s ends with one of ws that
// starts at a word boundary (\b before a word character).
func endsWithWordAtBoundary(s string, ws ...string) bool {
	for _, w := range ws {
		if strings.HasSuffix(s, w) && (len(s) == len(w) || !isWordByte(s[len(s)-len(w)-1])) {
			return true
		}
	}
	return false
}

// anaphorPlace returns the last place below country level that the
// paragraph names before the claim's end.
func (rc *reportContext) anaphorPlace(text string, start int, c *tracker.Claim, pl *gazetteer.Place) bool {
	if start < 0 || start > c.End {
		start = 0
	}
	p, ok := rc.paragraphPlaces(start).lastOfCountries(rc, text, c.End)
	if !ok || p.Kind == gazetteer.Country {
		return false
	}
	*pl = p
	return true
}

func (rc *reportContext) paragraphPlaceOf(text string, start int, c *tracker.Claim, pl *gazetteer.Place) bool {
	if start < 0 || start > c.End {
		start = 0
	}
	p, ok := rc.paragraphPlaces(start).lastOfCountries(rc, text, c.End)
	if !ok {
		return false
	}
	for p.Kind != gazetteer.Country {
		up, ok := rc.places.getPlace(p.Parent)
		if !ok || up.Kind == gazetteer.Country {
			break
		}
		p = up
	}
	*pl = p
	return true
}

// acrossBorders reports a region of the gazetteer's hand file that lies
// in no country ("Europe", "the Middle East"): wider than any country,
// though the gazetteer puts no country inside it.
func (rc *reportContext) acrossBorders(id string) bool {
	if !strings.HasPrefix(id, "x:") {
		return false
	}
	p, ok := rc.places.getPlace(id)
	return ok && p.Country == "" && p.Parent == ""
}

// pending is a place the report pass read in the headline, dateline or
// lead, before the report's country is known: where it was read, how much
// its country's vote weighs and its rank as the report's place.
type pending struct {
	p            gazetteer.Place
	from         string
	weight, rank int
}

// bodyCountry returns the country the text's places name by their own
// names when every place the headline, dateline and lead read (read) is
// named in the text by another name and lies in another country; ""
// otherwise, which is nearly always and costs one look at each place.
func (rc *reportContext) bodyCountry(text string, read []pending) string {
	if len(read) == 0 {
		return ""
	}
	for _, x := range read {
		if strings.Contains(text, x.p.Name) {
			return ""
		}
	}
	counts := map[string]int{}
	for _, p := range rc.places.placesOf(text, false) {
		if p.Country != "" && strings.Contains(text, p.Name) {
			counts[p.Country]++
		}
	}
	best, bestN := "", 0
	for c, n := range counts {
		if n > bestN || n == bestN && c < best {
			best, bestN = c, n
		}
	}
	if bestN < 2 {
		return ""
	}
	for _, x := range read {
		if x.p.Country == best {
			return ""
		}
	}
	return best
}

// weakPlace reports whether a place found by its name alone may be a
// capitalised word that happens to name a small town: a city or town of
// fewer than 100,000 people, or a subdivision no kept town lies in
// (gazetteer.Place.Minor).
// eventToll reports whether a category counts an event's own victims
// (the dead, the hurt, the missing), which are where the event struck.
func eventToll(c tracker.Category) bool {
	return c == tracker.Killed || c == tracker.Injured || c == tracker.Missing
}

func weakPlace(p gazetteer.Place) bool {
	return p.Kind == gazetteer.City && p.Population < 100000 || p.Minor
}

// countryOfID returns the country of a place id the gazetteer knows, ""
// otherwise.
func (rc *reportContext) countryOfID(id string) string {
	if p, ok := rc.places.getPlace(id); ok {
		return p.Country
	}
	return ""
}

// opensNational reports a sentence that opens by saying it speaks of the
// whole country: "Across the country the NDMA's count stood at 1,391"
// in a report about Sindh.
func opensNational(sent string) bool {
	for _, p := range [...]string{"Across the country", "Nationwide,", "Nationally,", "Countrywide,"} {
		if strings.HasPrefix(sent, p) {
			return true
		}
	}
	return false
}

// ownBesideForeign marks as a part a count of the report's own nationals
// that its sentence sets beside a count of foreigners: "37 foreign
// hostages … and one Algerian were killed" in Algeria counts one of the
// dead, not the toll (the reconciler reads the people of a claim's own
// country as its people, which is right for "1,200 Israelis were killed"
// in Israel and wrong here).
func (rc *reportContext) ownBesideForeign(claims []tracker.Claim) {
	if rc.country == "" {
		return
	}
	for i := range claims {
		c := &claims[i]
		if c.Context.Part || c.Who == "" || c.Who == "people" {
			continue
		}
		w := strings.ToUpper(c.Who[:1]) + c.Who[1:]
		p, ok := rc.places.demonym(w)
		if !ok || p.Country != rc.country {
			continue
		}
		// (claims are in text order: its sentence's are the ones beside
		// it, and looking no further keeps a long report linear)
		beside := func(d *tracker.Claim) bool {
			return d.Category == c.Category && (d.Who == "foreigners" || strings.Contains(strings.ToLower(d.Span), "foreign"))
		}
		for j := i - 1; j >= 0 && claims[j].Sentence == c.Sentence && !c.Context.Part; j-- {
			c.Context.Part = beside(&claims[j])
		}
		for j := i + 1; j < len(claims) && claims[j].Sentence == c.Sentence && !c.Context.Part; j++ {
			c.Context.Part = beside(&claims[j])
		}
	}
}

// stormNames returns the names the report gives storms: each capitalised
// word after a storm noun ("Cyclone Idai", "Hurricane Otis", "Typhoon
// Yagi", "Storm Boris", "the hurricane Otis"), once each, read once a
// report.
func (v *vocabulary) stormNames(title, text string) []string {
	var out []string
	for _, t := range [2]string{title, text} {
		// One pass over the text: a name is three or more ASCII letters,
		// the first a capital, right after a space that ends one of
		// stormKeys. That is the set a search for each key's every
		// occurrence finds (a key ends in its space, so two of its
		// occurrences never overlap), in text order rather than by key:
		// the callers only ask whether a word is one of the names, or
		// where the first or last of them stands. A capital after a space
		// is found eight bytes at a time (spaceCapitals), and the byte
		// before the space must end a key before the keys that end with it
		// are tried (stormKeysByEnd).
		try := func(k int) {
			if k < 2 || len(v.stormKeysByEnd[t[k-2]]) == 0 {
				return
			}
			e := k + 1
			for e < len(t) && isASCIILetter(t[e]) {
				e++
			}
			if e-k < 3 || slices.Contains(out, t[k:e]) {
				return
			}
			for _, key := range v.stormKeysByEnd[t[k-2]] {
				if strings.HasSuffix(t[:k], key) {
					// ("Gunmen storm Nairobi mall": a verb, and Nairobi
					// no storm's name)
					if !v.metaphor(t, k-len(key), k-1) {
						out = append(out, t[k:e])
					}
					return
				}
			}
		}
		j := 0 // the next space not yet looked at
		for ; j+9 <= len(t); j += 8 {
			for m := spaceCapitals(t, j); m != 0; m &= m - 1 {
				try(j + bits.TrailingZeros64(m)/8 + 1)
			}
		}
		for ; j+1 < len(t); j++ {
			if t[j] == ' ' && 'A' <= t[j+1] && t[j+1] <= 'Z' {
				try(j + 1)
			}
		}
	}
	return out
}

// spaceCapitals has the high bit of byte n set (n = 0 to 7) when t[j+n]
// is a space and t[j+n+1] an ASCII capital; j+9 <= len(t). Both tests
// are exact byte tests done on eight bytes at once: no carry crosses a
// byte, as each sum is of 7-bit values.
func spaceCapitals(t string, j int) uint64 {
	const lows, highs = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	x := load64(t, j)
	y := x>>8 | uint64(t[j+8])<<56
	// spaces: the bytes of x ^ "        " that are zero
	z := x ^ 0x2020202020202020
	sp := ^((z&lows + lows) | z | lows)
	// capitals: 7-bit bytes of y from 0x41 to 0x5a
	c := y & lows
	up := (c + 0x3f3f3f3f3f3f3f3f) &^ (c + 0x2525252525252525) &^ y & highs
	return sp & up
}

// load64 is t[j:j+8] as a little-endian word (one bounds check, and the
// compiler makes the eight byte loads one).
func load64(t string, j int) uint64 {
	b := t[j : j+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// firstNameAt returns where in s the first of names stands as a word,
// or -1.
func firstNameAt(s string, names []string) int {
	best := -1
	for _, n := range names {
		if k := wordIndex(s, n, false); k >= 0 && (best < 0 || k < best) {
			best = k
		}
	}
	return best
}

// lastNameAt returns where in s the last of names stands as a word, or
// -1.
func lastNameAt(s string, names []string) int {
	best := -1
	for _, n := range names {
		if k := wordIndex(s, n, true); k > best {
			best = k
		}
	}
	return best
}

// wordIndex is the first (or, with last, the last) index of w in s as a
// whole word, or -1.
func wordIndex(s, w string, last bool) int {
	found := -1
	for off := 0; ; {
		k := strings.Index(s[off:], w)
		if k < 0 {
			return found
		}
		k += off
		off = k + len(w)
		if (k == 0 || !isWordByte(s[k-1])) && (off >= len(s) || !isWordByte(s[off])) {
			found = k
			if !last {
				return found
			}
		}
	}
}

// acrossAfter reports "across" and the claim's place right after its
// span: "has risen to more than 750 across Mozambique, Zimbabwe and
// Malawi", not "468 dead in Mozambique alone" later in that sentence.
func (rc *reportContext) acrossAfter(text, sent string, c *tracker.Claim) bool {
	off := rc.sentenceStart(text, c.Sentence)
	if off < 0 || c.End-off < 0 || c.End-off > len(sent) {
		return false
	}
	rest := strings.TrimLeft(sent[c.End-off:], " ")
	return strings.HasPrefix(rest, "across "+c.Where)
}

// amongCountries reports whether id is a place of one of the countries
// a joint place joins ("MW+MZ+ZW" of Mozambique, Zimbabwe and Malawi
// together, a Zimbabwe dateline's figure among them).
func (rc *reportContext) amongCountries(joint, id string) bool {
	if !strings.Contains(joint, "+") {
		return false
	}
	c := rc.countryOfID(id)
	return c != "" && slices.Contains(strings.Split(joint, "+"), c)
}

// withoutShares returns lead with the clauses that say where most of a
// toll lies blanked out ("Nearly all of the dead were in Kunar, he
// said."): such a place holds most of the figure, it is not what the
// report's figures count (the national toll of a quake that struck one
// province hardest). Blanked with spaces, so offsets keep.
func withoutShares(lead string) string {
	if !strings.Contains(lead, " of th") && !strings.Contains(lead, "f the dead") {
		return lead
	}
	// (lowered rune for rune: strings.ToLower changes the byte length
	// of some runes, "Ⱥ" to "ⱥ", and its offsets are then not lead's)
	low, _ := lowerSameLen(lead, nil)
	var b []byte
	for _, o := range [...]string{"most of the ", "nearly all of the ", "almost all of the ", "the majority of the ", "the bulk of the ", "most of them ", "nearly all of them ", "almost all of them "} {
		for off := 0; ; {
			k := strings.Index(low[off:], o)
			if k < 0 {
				break
			}
			k += off
			e := k + len(o)
			for e < len(low) && low[e] != '.' && low[e] != ';' && low[e] != '\n' {
				e++
			}
			if b == nil {
				b = []byte(lead)
			}
			for i := k; i < e; i++ {
				b[i] = ' '
			}
			off = e
		}
	}
	if b == nil {
		return lead
	}
	return string(b)
}

// statewideNear reports statewideRE in a claim's phrase or the few words
// before it ("bringing the statewide toll to 31").
func (rc *reportContext) statewideNear(text string, c *tracker.Claim) bool {
	off := rc.sentenceStart(text, c.Sentence)
	if off < 0 || c.Start-off < 0 || c.End-off > len(c.Sentence) {
		return false
	}
	near := c.Sentence[max(0, c.Start-off-24) : c.End-off]
	return mayBeStatewide(near) && statewideRE.MatchString(near)
}

// withoutPast returns lead with its clauses about another time blanked
// out ("…, tying the record set by the Griffith Park fire in 1933."):
// the places of a historical comparison are not what the report is
// about. A clause runs between commas, semicolons and sentence ends;
// blanked with spaces, so offsets keep.
func (rc *reportContext) withoutPast(lead string) string {
	if rc.year == 0 || !mayBePast(lead) {
		return lead
	}
	var b []byte
	start := 0
	for i := 0; i <= len(lead); i++ {
		if i < len(lead) && lead[i] != ',' && lead[i] != ';' && lead[i] != '.' && lead[i] != '\n' {
			continue
		}
		if cl := lead[start:i]; len(cl) > 8 && mayBePast(cl) && rc.pastOf(cl) != "" {
			if b == nil {
				b = []byte(lead)
			}
			for k := start; k < i; k++ {
				b[k] = ' '
			}
		}
		start = i + 1
	}
	if b == nil {
		return lead
	}
	return string(b)
}

// diedThere reports whether a figure's sentence says "there" of a
// place, not as "there were" ("20 people have died there and 20 are
// missing"): the place its source named.
func diedThere(sent string) bool {
	for off := 0; ; {
		k := strings.Index(sent[off:], "there")
		if k < 0 {
			return false
		}
		k += off
		off = k + 5
		if k > 0 && isASCIILetter(sent[k-1]) || off < len(sent) && isASCIILetter(sent[off]) {
			continue
		}
		next, _, _ := strings.Cut(strings.TrimLeft(sent[off:], " "), " ")
		switch strings.Trim(next, ".,;") {
		case "is", "are", "was", "were", "have", "has", "had", "will", "would", "may", "might", "could", "remain", "remained":
			continue
		}
		return true
	}
}
