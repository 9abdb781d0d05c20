package extract

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/tollproject/toll/tracker/gazetteer"
)

// placeMemo answers the report pass's gazetteer questions for one report,
// each distinct question once: a report names the same few places claim
// after claim, and every lookup folds its name and binary-searches the
// gazetteer's tables. Its answers are the gazetteer's (the gazetteer is
// immutable), so the memo changes no result; it lives for one
// applyContext call and is never shared. The answers that depend on the
// question alone it also takes from and gives to the Extractor's
// placeCache, which outlives the report.
type placeMemo struct {
	v      *vocabulary
	g      *gazetteer.Gazetteer
	shared *placeCache                     // the Extractor's answers across reports, or nil
	look   map[string]placeAnswer          // lookupPlace(v, g, name, "")
	demo   map[string]placeAnswer          // g.Demonym(name)
	source map[string]placeAnswer          // sourcePlace(g, source)
	get    map[string]placeAnswer          // g.Get(id)
	group  map[string]placeAnswer          // the demonym of a claim's group
	inside map[[2]string]bool              // g.Contains(outer, inner)
	sent   map[sentKey]placeAnswer         // sentencePlace by the report's country and the name
	attr   map[sentKey]placeAnswer         // attributorPlace by the report's country and the source
	loc    map[string]bool                 // rc.locative(text, where): it searches the whole text
	runs   [2]map[string][]gazetteer.Place // runPlaces(run, demonyms), without and with demonyms
}

type sentKey struct{ country, place, where string }

type placeAnswer struct {
	p  gazetteer.Place
	ok bool
}

func newPlaceMemo(v *vocabulary, g *gazetteer.Gazetteer, shared *placeCache) *placeMemo {
	return &placeMemo{
		v:      v,
		g:      g,
		shared: shared,
		look:   map[string]placeAnswer{},
		demo:   map[string]placeAnswer{},
		source: map[string]placeAnswer{},
		get:    map[string]placeAnswer{},
		group:  map[string]placeAnswer{},
		inside: map[[2]string]bool{},
		sent:   map[sentKey]placeAnswer{},
		attr:   map[sentKey]placeAnswer{},
		loc:    map[string]bool{},
		runs:   [2]map[string][]gazetteer.Place{{}, {}},
	}
}

// lookup is lookupPlace(m.v, m.g, name, "").
func (m *placeMemo) lookup(name string) (gazetteer.Place, bool) {
	if a, ok := m.look[name]; ok {
		return a.p, a.ok
	}
	a, ok := m.shared.lookup(name)
	if !ok {
		a.p, a.ok = lookupPlace(m.v, m.g, name, "")
		m.shared.keepLookup(name, a)
	}
	m.look[name] = a
	return a.p, a.ok
}

// demonym is m.g.Demonym(name).
func (m *placeMemo) demonym(name string) (gazetteer.Place, bool) {
	if a, ok := m.demo[name]; ok {
		return a.p, a.ok
	}
	p, ok := m.g.Demonym(name)
	m.demo[name] = placeAnswer{p, ok}
	return p, ok
}

// getPlace is m.g.Get(id).
func (m *placeMemo) getPlace(id string) (gazetteer.Place, bool) {
	if a, ok := m.get[id]; ok {
		return a.p, a.ok
	}
	p, ok := m.g.Get(id)
	m.get[id] = placeAnswer{p, ok}
	return p, ok
}

// sentencePlace is rc.sentencePlace(m.g, where), asked once per name
// and country of the report.
func (m *placeMemo) sentencePlace(rc *reportContext, where string) (gazetteer.Place, bool) {
	k := sentKey{country: rc.country, where: where}
	if rc.hasPl {
		k.place = rc.place.ID
	}
	if a, ok := m.sent[k]; ok {
		return a.p, a.ok
	}
	p, ok := rc.sentencePlace(m.g, where)
	m.sent[k] = placeAnswer{p, ok}
	return p, ok
}

// attributorPlace is rc.attributorPlace(m.g, attribution), asked once
// per source and country of the report.
func (m *placeMemo) attributorPlace(rc *reportContext, attribution string) (gazetteer.Place, bool) {
	k := sentKey{country: rc.country, where: attribution}
	if a, ok := m.attr[k]; ok {
		return a.p, a.ok
	}
	p, ok := rc.attributorPlace(m.g, attribution)
	m.attr[k] = placeAnswer{p, ok}
	return p, ok
}

// locative is rc.locative(text, where), asked once per name: it searches
// the whole text, which once a figure was quadratic.
func (m *placeMemo) locative(rc *reportContext, text, where string) bool {
	if l, ok := m.loc[where]; ok {
		return l
	}
	l := rc.locative(text, where)
	m.loc[where] = l
	return l
}

// groupDemonym is the place a claim's group names as a people ("700
// Israelis"): the demonym of who, capitalised. who is not empty.
func (m *placeMemo) groupDemonym(who string) (gazetteer.Place, bool) {
	if a, ok := m.group[who]; ok {
		return a.p, a.ok
	}
	w := []rune(who)
	w[0] = unicode.ToUpper(w[0])
	p, ok := m.g.Demonym(string(w))
	m.group[who] = placeAnswer{p, ok}
	return p, ok
}

// contains is m.g.Contains(outer, inner).
func (m *placeMemo) contains(outer, inner string) bool {
	k := [2]string{outer, inner}
	if in, ok := m.inside[k]; ok {
		return in
	}
	in := m.g.Contains(outer, inner)
	m.inside[k] = in
	return in
}

// sourcePlace is sourcePlace(m.g, source), asked once per source.
func (m *placeMemo) sourcePlace(source string) (gazetteer.Place, bool) {
	if a, ok := m.source[source]; ok {
		return a.p, a.ok
	}
	p, ok := sourcePlace(m, source)
	m.source[source] = placeAnswer{p, ok}
	return p, ok
}

// hasUpperASCII reports whether s holds an ASCII capital, which every
// run of capRuns starts with.
func hasUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// placesOf returns the places named in s, in text order: capitalised runs
// (their longest known sub-run), possessives ("Morocco's") and, when
// demonyms is set, demonym adjectives ("Moroccan"; not for a figure's own
// phrase, where "Israeli air strikes" names who struck, not where). Small
// towns found this way are weak (weakPlace): callers keep them only when
// something sure names their country.
func (m *placeMemo) placesOf(s string, demonyms bool) []gazetteer.Place {
	if !hasUpperASCII(s) {
		return nil
	}
	var out []gazetteer.Place
	m.v.capRuns(s, func(a, b int) { out = pushNew(out, m.runPlaces(s[a:b], demonyms)) })
	return out
}

// placesOfIn is placesOf with each name resolved in country in (the
// gazetteer's best reading inside it, else its first): for the rare
// report read again in another country (reportContext.bodyCountry), so
// not memoised.
func (m *placeMemo) placesOfIn(s string, demonyms bool, in string) []gazetteer.Place {
	if !hasUpperASCII(s) {
		return nil
	}
	var out []gazetteer.Place
	m.v.capRuns(s, func(a, b int) {
		words := strings.Fields(s[a:b])
		poss := possessives(words)
		var ps []gazetteer.Place
		for i := 0; i < len(words); {
			found := false
			for j := min(len(words), i+m.g.MaxWords(), possEnd(poss, i)); j > i; j-- {
				name := strings.Join(words[i:j], " ")
				if j < len(words) && m.v.streetWord(words[j]) {
					if _, ok := m.lookup(name); ok {
						i, found = j+1, true
						break
					}
				}
				if p, ok := lookupPlace(m.v, m.g, name, in); ok {
					ps = append(ps, p)
					i, found = j, true
					break
				}
				if j > i+1 && m.v.notPlace(name) {
					i, found = j, true
					break
				}
				if j <= i+3 && demonyms {
					if p, ok := m.demonym(name); ok {
						ps = append(ps, p)
						i, found = j, true
						break
					}
				}
			}
			if !found {
				i++
			}
		}
		out = pushNew(out, ps)
	})
	return out
}

// possessives trims the possessive "'s" off words, in place, and returns
// a mask of the words that had one ("Morocco's" is "Morocco").
func possessives(words []string) []bool {
	var poss []bool
	for i, w := range words {
		t := strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if t != w {
			if poss == nil {
				poss = make([]bool, len(words))
			}
			poss[i], words[i] = true, t
		}
	}
	return poss
}

// possEnd is the end of the longest name that can start at word i: a
// possessive ends its name ("Puerto Rico's Department of Public Safety"
// names Puerto Rico, never a "Puerto Rico Department").
func possEnd(poss []bool, i int) int {
	for k := i; k < len(poss); k++ {
		if poss[k] {
			return k + 1
		}
	}
	return 1 << 30
}

// pushNew appends to out the places of ps it does not hold yet.
func pushNew(out, ps []gazetteer.Place) []gazetteer.Place {
	for _, p := range ps {
		if !slices.ContainsFunc(out, func(q gazetteer.Place) bool { return q.ID == p.ID }) {
			out = append(out, p)
		}
	}
	return out
}

// runPlaces returns the places of one capitalised run, in order, before
// placesOf drops the ones an earlier run named: the longest known
// sub-runs, left to right. The slice is the memo's: callers do not change
// it.
func (m *placeMemo) runPlaces(run string, demonyms bool) []gazetteer.Place {
	memo := m.runs[0]
	if demonyms {
		memo = m.runs[1]
	}
	if ps, ok := memo[run]; ok {
		return ps
	}
	if ps, ok := m.shared.runPlaces(run, demonyms); ok {
		memo[run] = ps
		return ps
	}
	var out []gazetteer.Place
	words := strings.Fields(run)
	poss := possessives(words)
	for i := 0; i < len(words); {
		found := false
		for j := min(len(words), i+m.g.MaxWords(), possEnd(poss, i)); j > i; j-- {
			name := strings.Join(words[i:j], " ")
			if p, ok := m.lookup(name); ok {
				if j < len(words) && m.v.streetWord(words[j]) {
					// "Bourbon Street", "Khreshchatyk Avenue": a street
					// named after a place is no place of the report
					i, found = j+1, true
					break
				}
				out = append(out, p)
				i, found = j, true
				break
			}
			if j > i+1 && m.v.notPlace(name) {
				// "Red Cross": a name the vocabulary says is no place, whose
				// words are no places either (Cross County, Arkansas)
				i, found = j, true
				break
			}
			if j <= i+3 && demonyms {
				if p, ok := m.demonym(name); ok {
					out = append(out, p)
					i, found = j, true
					break
				}
			}
		}
		if !found {
			i++
		}
	}
	memo[run] = out
	m.shared.keepRunPlaces(run, demonyms, out)
	return out
}

// placeCache keeps the report pass's gazetteer answers that depend on
// nothing but the question, lookupPlace of a name and the places of a
// capitalised run, across the reports one Extractor reads: the reports
// of a batch name the same places and the same capitalised words report
// after report, and each placeMemo asks it before the gazetteer. It is
// safe for concurrent use, and bounded: it is emptied when it holds
// maxCachedPlaces answers. A nil *placeCache keeps nothing.
type placeCache struct {
	mu   sync.Mutex
	n    int
	look map[string]placeAnswer
	runs [2]map[string][]gazetteer.Place // without and with demonyms
}

// maxCachedPlaces bounds a placeCache: a few megabytes.
const maxCachedPlaces = 1 << 15

func newPlaceCache() *placeCache {
	c := &placeCache{}
	c.empty()
	return c
}

func (c *placeCache) empty() {
	c.n = 0
	c.look = map[string]placeAnswer{}
	c.runs = [2]map[string][]gazetteer.Place{{}, {}}
}

func (c *placeCache) lookup(name string) (placeAnswer, bool) {
	if c == nil {
		return placeAnswer{}, false
	}
	c.mu.Lock()
	a, ok := c.look[name]
	c.mu.Unlock()
	return a, ok
}

func (c *placeCache) keepLookup(name string, a placeAnswer) {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.grow()
	c.look[strings.Clone(name)] = a // (not a slice of the report's text, which it would keep)
	c.mu.Unlock()
}

// runPlaces returns the places of a run another report asked for; the
// slice is shared and never changed.
func (c *placeCache) runPlaces(run string, demonyms bool) ([]gazetteer.Place, bool) {
	if c == nil {
		return nil, false
	}
	k := 0
	if demonyms {
		k = 1
	}
	c.mu.Lock()
	ps, ok := c.runs[k][run]
	c.mu.Unlock()
	return ps, ok
}

func (c *placeCache) keepRunPlaces(run string, demonyms bool, ps []gazetteer.Place) {
	if c == nil {
		return
	}
	k := 0
	if demonyms {
		k = 1
	}
	c.mu.Lock()
	c.grow()
	c.runs[k][strings.Clone(run)] = slices.Clip(ps)
	c.mu.Unlock()
}

// grow counts one more answer, emptying the cache first when it is
// full. c.mu is held.
func (c *placeCache) grow() {
	if c.n >= maxCachedPlaces {
		c.empty()
	}
	c.n++
}

// paraPlaces is placesOf(text[start:end], false) for the paragraph that
// starts at start and growing ends, found incrementally: the figures of
// a paragraph each ask for the places before them, and reading the
// paragraph again for each was quadratic (a text with no blank line is
// one paragraph).
//
// It rests on capRuns' runs: no run crosses a byte that is not a
// letter, white space, an apostrophe or a hyphen (a "stop"), so the runs
// of text[start:lim], lim at a stop, are the runs of any longer text from
// start; and the runs of text[start:end] are the runs that end by end
// plus the one that crosses end, read again up to end.
type paraPlaces struct {
	start, lim int
	runs       [][2]int          // absolute bounds of the runs of text[start:lim]
	ps         []gazetteer.Place // their places, each once, in order
	psAt       []int             // len(ps) after each run
	index      map[string]int    // index in ps by place ID
	lastIn     []int             // lastIn[n]: the last index < n of ps in one of the report's two countries, or -1
}

// isStop reports whether no run of capRuns holds b: an ASCII byte that is
// no letter, no white space \s, no apostrophe and no hyphen.
func isStop(b byte) bool {
	if b >= 0x80 || isASCIILetter(b) {
		return false
	}
	switch b {
	case ' ', '\t', '\n', '\f', '\r', '\'', '-':
		return false
	}
	return true
}

// paragraphPlaces returns rc's paragraph places for the paragraph that
// starts at start, begun again when start is another paragraph's (in the
// buffers of the paragraph before: nothing keeps them past it).
func (rc *reportContext) paragraphPlaces(start int) *paraPlaces {
	switch pp := rc.para; {
	case pp == nil:
		rc.para = &paraPlaces{start: start, lim: start, index: map[string]int{}, lastIn: []int{-1}}
	case pp.start != start:
		clear(pp.index)
		*pp = paraPlaces{start: start, lim: start, runs: pp.runs[:0], ps: pp.ps[:0], psAt: pp.psAt[:0], index: pp.index, lastIn: append(pp.lastIn[:0], -1)}
	}
	return rc.para
}

// extend reads the runs of the paragraph up to the first stop at or after
// end.
func (pp *paraPlaces) extend(rc *reportContext, text string, end int) {
	if end <= pp.lim {
		return
	}
	lim := end
	for lim < len(text) && !isStop(text[lim]) {
		lim++
	}
	from := pp.lim
	rc.v.capRuns(text[from:lim], func(a, b int) {
		a, b = from+a, from+b
		pp.runs = append(pp.runs, [2]int{a, b})
		for _, p := range rc.places.runPlaces(text[a:b], false) {
			if _, ok := pp.index[p.ID]; !ok {
				pp.index[p.ID] = len(pp.ps)
				pp.ps = append(pp.ps, p)
				last := pp.lastIn[len(pp.lastIn)-1]
				if p.Country == rc.country || p.Country == rc.country2 {
					last = len(pp.ps) - 1
				}
				pp.lastIn = append(pp.lastIn, last)
			}
		}
		pp.psAt = append(pp.psAt, len(pp.ps))
	})
	pp.lim = lim
}

// lastOfCountries returns the last place of text[pp.start:end] that is in
// one of the report's two countries, as placesOf would list them.
func (pp *paraPlaces) lastOfCountries(rc *reportContext, text string, end int) (gazetteer.Place, bool) {
	pp.extend(rc, text, end)
	// the runs that end by end, and the one that crosses it
	k, _ := slices.BinarySearchFunc(pp.runs, end, func(r [2]int, end int) int {
		if r[1] <= end {
			return -1
		}
		return 1
	})
	n := 0
	if k > 0 {
		n = pp.psAt[k-1]
	}
	if k < len(pp.runs) && pp.runs[k][0] < end {
		var extra []gazetteer.Place
		a := pp.runs[k][0]
		rc.v.capRuns(text[a:end], func(x, y int) {
			for _, p := range rc.places.runPlaces(text[a+x:a+y], false) {
				if i, ok := pp.index[p.ID]; (!ok || i >= n) &&
					!slices.ContainsFunc(extra, func(q gazetteer.Place) bool { return q.ID == p.ID }) {
					extra = append(extra, p)
				}
			}
		})
		for i := len(extra) - 1; i >= 0; i-- {
			if p := extra[i]; p.Country == rc.country || p.Country == rc.country2 {
				return p, true
			}
		}
	}
	if i := pp.lastIn[n]; i >= 0 {
		return pp.ps[i], true
	}
	return gazetteer.Place{}, false
}

// streetWord reports whether w, after a place's name, makes the name a
// street's, a square's or a bridge's: a street word of the vocabulary
// written with a capital and the rest lowercase ("Street", "St.").
func (v *vocabulary) streetWord(w string) bool {
	if w == "" || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	var buf [32]byte
	n, ok := lowerASCIIInto(&buf, w)
	return ok && string(buf[1:n]) == w[1:] && v.streets[string(buf[:n])]
}
