package gazetteer

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tollproject/toll/tracker/gazetteer/internal/fold"
)

// Kind is what sort of place a Place is.
type Kind uint8

// The kinds, in the order Lookup ranks them (second-level subdivisions
// rank after cities; see Lookup).
const (
	Country     Kind = iota + 1 // an ISO 3166-1 country or territory
	Region                      // a named area that is no administrative unit: mountains, deserts, historical lands
	Subdivision                 // a province, state, governorate, region or county (GeoNames admin1 or admin2)
	City                        // a city or town (a GeoNames populated place)
)

// String returns the kind's lower-case name.
func (k Kind) String() string {
	switch k {
	case Country:
		return "country"
	case Region:
		return "region"
	case Subdivision:
		return "subdivision"
	case City:
		return "city"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Place is one place of the gazetteer.
//
// IDs are stable across data refreshes where the sources keep their
// codes: a country is its ISO 3166-1 alpha-2 code ("MA"), a subdivision
// its GeoNames admin code ("MA.07" for Marrakesh-Safi, "MA.07.041" for the
// province of Al Haouz inside it), a city "gn:" and its GeoNames id
// ("gn:2542997" is Marrakesh), a region of the hand file "x:" and a name
// ("x:atlas-mountains").
type Place struct {
	ID         string
	Name       string // the name the data gives it, in English where the data has one
	Kind       Kind
	Country    string // ISO 3166-1 alpha-2 code; "" for a region across countries
	Parent     string // ID of the place that contains it; "" for countries and cross-border regions
	Population int64  // people, for cities (GeoNames figure); 0 where the data has none
	// Minor marks a subdivision no kept town lies in (most of the
	// second-level units: Nepal's Jajarkot, a rural county, and as many
	// Brazilian municipalities whose names are other places' too, such
	// as "Congo"): a name to trust only where something else names its
	// country.
	Minor bool
}

// Gazetteer answers which places a name may stand for, what contains
// what, and which place a demonym is the people of. It is immutable:
// WithAliases and WithDirectives return a new one and leave the receiver
// as it was, so one Gazetteer can be shared by goroutines.
//
// The zero value is not usable; build one with Default.
type Gazetteer struct {
	t *table // the embedded tables, shared by every Gazetteer

	extra    []Place            // places added by directives, refs len(t.places)…
	extraID  map[string]int32   // ID → ref of an added place
	alias    map[string][]int32 // key → refs named by added aliases
	unalias  map[string][]int32 // key → refs it no longer names; an empty list removes every ref
	demonym  map[string]int32   // key → ref; -1 says "not a demonym"
	maxWords int
}

// The embedded tables, written by internal/gazgen. places.tsv has one
// place a line, sorted by ID: "ID\tKIND\tCOUNTRY\tPARENT\tNUMBER\tNAME",
// KIND one of c r s t, NUMBER a city's population or the rank weight of
// anything else. names.tsv maps a folded name to the places it names,
// best first, as indexes of places.tsv's lines: "KEY\t3,17", sorted by
// KEY. demonyms.tsv is "KEY\tINDEX", continents.tsv "COUNTRY\tREGION ID"
// sorted by COUNTRY. Lines starting with '#' are comments and come first.
// The tables are searched in place, so start-up only finds where lines
// start.
var (
	//go:embed data/places.tsv
	placesTSV string
	//go:embed data/names.tsv
	namesTSV string
	//go:embed data/demonyms.tsv
	demonymsTSV string
	//go:embed data/continents.tsv
	continentsTSV string
	//go:embed extra.txt
	extraTxt string
)

// table is the embedded data with its line starts.
type table struct {
	places, names, demonyms, continents lines
	maxWords                            int
}

// lines is a text with the offsets of its data lines (comments skipped).
type lines struct {
	text  string
	start []uint32
}

func newLines(text string) lines {
	l := lines{text: text, start: make([]uint32, 0, strings.Count(text, "\n"))}
	for i := 0; i < len(text); {
		end := strings.IndexByte(text[i:], '\n')
		if end < 0 {
			end = len(text) - i
		}
		if text[i] != '#' {
			l.start = append(l.start, uint32(i))
		}
		i += end + 1
	}
	return l
}

func (l lines) len() int { return len(l.start) }

// line returns line i without its newline.
func (l lines) line(i int) string {
	s := l.text[l.start[i]:]
	if j := strings.IndexByte(s, '\n'); j >= 0 {
		s = s[:j]
	}
	return s
}

// search returns the rest of the line whose first field is key.
func (l lines) search(key string) (string, bool) {
	i, found := slices.BinarySearchFunc(l.start, key, func(off uint32, key string) int {
		return compareField(l.text[off:], key)
	})
	if !found {
		return "", false
	}
	line := l.line(i)
	_, rest, _ := strings.Cut(line, "\t")
	return rest, true
}

// compareField is strings.Compare of s's first tab-separated field (all
// of s when it holds no tab) with key, read a byte at a time up to the
// first difference: the binary search's keys differ from most lines in
// their first bytes, so finding the field's end first (IndexByte) read
// more than the comparison needs.
func compareField(s, key string) int {
	for i := 0; ; i++ {
		end := i == len(s) || s[i] == '\t' // the field ends before s[i]
		switch {
		case i == len(key) && end:
			return 0
		case end:
			return -1 // the field is a proper prefix of key
		case i == len(key):
			return 1 // key is a proper prefix of the field
		case s[i] != key[i]:
			if s[i] < key[i] {
				return -1
			}
			return 1
		}
	}
}

// defaultGazetteer builds the embedded gazetteer once; sync.OnceValue
// keeps the result immutable after that (no package variable is written).
var defaultGazetteer = sync.OnceValue(func() *Gazetteer {
	g, err := build()
	if err != nil {
		// extra.txt is embedded and parsed by TestExtraFile.
		panic("gazetteer: built-in extra.txt: " + err.Error())
	}
	return g
})

// build reads the embedded tables and applies extra.txt.
func build() (*Gazetteer, error) {
	t := &table{
		places:     newLines(placesTSV),
		names:      newLines(namesTSV),
		demonyms:   newLines(demonymsTSV),
		continents: newLines(continentsTSV),
	}
	for _, c := range strings.SplitN(namesTSV, "\n", 8) {
		if n, ok := strings.CutPrefix(c, "# maxwords "); ok {
			t.maxWords, _ = strconv.Atoi(n)
		}
	}
	g := &Gazetteer{t: t, maxWords: t.maxWords}
	return g.WithDirectives(strings.NewReader(extraTxt))
}

// Default returns the gazetteer built from the embedded data and the
// built-in hand file (extra.txt). It is built on first use, in a few
// milliseconds (BenchmarkDefault), and shared afterwards: callers may keep
// it or call Default again.
func Default() *Gazetteer { return defaultGazetteer() }

// place decodes ref.
func (g *Gazetteer) place(ref int32) Place {
	n := int32(g.t.places.len())
	if ref >= n {
		return g.extra[ref-n]
	}
	return parsePlace(g.t.places.line(int(ref)))
}

func parsePlace(line string) Place {
	var f [6]string
	for i := 0; i < 5; i++ {
		f[i], line, _ = strings.Cut(line, "\t")
	}
	f[5] = line
	p := Place{ID: f[0], Country: f[2], Parent: f[3], Name: f[5]}
	switch f[1] {
	case "c":
		p.Kind = Country
	case "r":
		p.Kind = Region
	case "s":
		p.Kind = Subdivision
		p.Minor = f[4] == "0"
	case "t":
		p.Kind = City
		p.Population, _ = strconv.ParseInt(f[4], 10, 64)
	}
	return p
}

// weight is the rank weight of a base place (a city's population, the
// people of the cities inside anything else); added places weigh 0.
func (g *Gazetteer) weight(ref int32) int64 {
	if ref >= int32(g.t.places.len()) {
		return 0
	}
	line := g.t.places.line(int(ref))
	for i := 0; i < 4; i++ {
		_, line, _ = strings.Cut(line, "\t")
	}
	n, _, _ := strings.Cut(line, "\t")
	w, _ := strconv.ParseInt(n, 10, 64)
	return w
}

// ref finds a place by ID.
func (g *Gazetteer) ref(id string) (int32, bool) {
	if r, ok := g.extraID[id]; ok {
		return r, true
	}
	l := g.t.places
	i, found := slices.BinarySearchFunc(l.start, id, func(off uint32, id string) int {
		s := l.text[off:]
		if j := strings.IndexByte(s, '\t'); j >= 0 {
			s = s[:j]
		}
		return strings.Compare(s, id)
	})
	return int32(i), found
}

// Get returns the place with the given ID.
func (g *Gazetteer) Get(id string) (Place, bool) {
	r, ok := g.ref(id)
	if !ok {
		return Place{}, false
	}
	return g.place(r), true
}

// Continent returns the continent a country lies in, as a cross-border
// region of the hand file ("x:asia" for "MM", "x:middle-east" for "LB",
// "x:latin-america" for "MX"): the UN geoscheme's regions, from
// data/continents.tsv. False for a code it does not list.
func (g *Gazetteer) Continent(country string) (Place, bool) {
	id, ok := g.t.continents.search(country)
	if !ok {
		return Place{}, false
	}
	return g.Get(id)
}

// refs returns the places a key names, before ranking.
func (g *Gazetteer) refs(key string) []int32 {
	var out []int32
	if rest, ok := g.t.names.search(key); ok {
		for rest != "" {
			var n string
			n, rest, _ = strings.Cut(rest, ",")
			if v, err := strconv.Atoi(n); err == nil {
				out = append(out, int32(v))
			}
		}
	}
	if removed, ok := g.unalias[key]; ok {
		if len(removed) == 0 {
			out = out[:0]
		} else {
			out = slices.DeleteFunc(out, func(r int32) bool { return slices.Contains(removed, r) })
		}
	}
	for _, r := range g.alias[key] {
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// rankClass orders kinds for Lookup: countries, regions, first-level
// subdivisions, cities, second-level subdivisions.
func rankClass(p Place) int {
	switch p.Kind {
	case Country:
		return 0
	case Region:
		return 1
	case Subdivision:
		if strings.Count(p.ID, ".") >= 2 {
			return 4
		}
		return 2
	}
	return 3
}

// Lookup returns every place that name (or one of its aliases) may stand
// for, best candidate first. Names are compared case- and
// diacritics-insensitively, with or without a leading "the", with
// hyphens as spaces and apostrophes dropped: "Kahramanmaras" finds
// Kahramanmaraş, "the Gaza Strip" the Strip. A name that ends or starts
// with a designator ("Al Haouz province", "Gaza City", "province of
// Herat") that is not itself a known name is looked up without it, kept
// to the kinds the word allows.
//
// The order is countries, then regions, then first-level subdivisions
// (provinces, states, governorates), then cities by population, then
// second-level subdivisions (counties, districts, prefectures), each by
// size. Second-level units come last because they are mostly named after
// their seat and copy that names one means the town. A first-level unit
// and its seat that share a name (Aleppo, Herat, Kahramanmaraş) give the
// unit first: it contains the city, so a caller that merges by Contains
// loses nothing, and disaster copy means the province by the bare name
// as often as the city; "Herat city" or "Aleppo province" picks one.
// Ambiguity is real:
// "Georgia" is a country and a US state, "Valencia" a Spanish region, a
// province and cities in Spain and Venezuela, "Gaza" the Strip, its
// governorate and its city. A caller that knows where a report is
// should prefer the candidate inside that place: Resolve does so.
func (g *Gazetteer) Lookup(name string) []Place {
	key := fold.Key(name)
	if key == "" {
		return nil
	}
	refs := g.refs(key)
	var keep func(Place) bool
	if len(refs) == 0 {
		var rest string
		rest, keep = designator(key)
		if keep == nil {
			return nil
		}
		refs = g.refs(rest)
	}
	type cand struct {
		p Place
		w int64
	}
	cs := make([]cand, 0, len(refs))
	for _, r := range refs {
		p := g.place(r)
		if keep != nil && !keep(p) {
			continue
		}
		cs = append(cs, cand{p, g.weight(r)})
	}
	slices.SortStableFunc(cs, func(a, b cand) int {
		if ca, cb := rankClass(a.p), rankClass(b.p); ca != cb {
			return ca - cb
		}
		if a.w != b.w {
			if a.w > b.w {
				return -1
			}
			return 1
		}
		return strings.Compare(a.p.ID, b.p.ID)
	})
	if len(cs) == 0 {
		return nil
	}
	out := make([]Place, len(cs))
	for i, c := range cs {
		out[i] = c.p
	}
	return out
}

// designator splits a generic word off a key: "al haouz province" is
// "al haouz" kept to subdivisions, "gaza city" "gaza" kept to cities.
func designator(key string) (string, func(Place) bool) {
	subdivision := func(p Place) bool { return p.Kind == Subdivision || p.Kind == Region }
	city := func(p Place) bool { return p.Kind == City }
	if i := strings.LastIndexByte(key, ' '); i > 0 {
		switch key[i+1:] {
		case "province", "state", "governorate", "county", "district", "region", "prefecture",
			"department", "oblast", "municipality", "wilaya", "emirate":
			return key[:i], subdivision
		case "city", "town":
			return key[:i], city
		}
	}
	for _, p := range []string{"province of ", "state of ", "governorate of ", "county of ", "region of ", "district of "} {
		if rest, ok := strings.CutPrefix(key, p); ok && rest != "" {
			return rest, subdivision
		}
	}
	for _, p := range []string{"city of ", "town of "} {
		if rest, ok := strings.CutPrefix(key, p); ok && rest != "" {
			return rest, city
		}
	}
	return "", nil
}

// IsPlaceName says whether Lookup finds anything for s. It is meant for
// an extractor testing runs of capitalised words, and is cheaper than
// Lookup: it decodes no place when s is a name as written.
func (g *Gazetteer) IsPlaceName(s string) bool {
	key := fold.Key(s)
	if key == "" {
		return false
	}
	if len(g.refs(key)) > 0 {
		return true
	}
	return len(g.Lookup(s)) > 0
}

// MaxWords is the largest number of words in a name the gazetteer knows
// (words as Key splits them: "Marrakesh-Safi" is two). An extractor need
// not test longer runs, plus one word for a designator ("province").
func (g *Gazetteer) MaxWords() int { return g.maxWords }

// Resolve returns the best place for name given context places (the
// report's dateline, its main place, an enclosing place named in the
// sentence), as names or IDs, most specific first. For each context in
// turn it prefers the best candidate inside that context place, then one
// that is the context place itself, then one that contains it ("Georgia"
// with "Atlanta" is the US state); without a match in any context, or
// without context, it returns Lookup's first candidate. It reports false
// when the name is no place.
func (g *Gazetteer) Resolve(name string, context ...string) (Place, bool) {
	cands := g.Lookup(name)
	if len(cands) == 0 {
		return Place{}, false
	}
	for _, c := range context {
		var ctx []Place
		if p, ok := g.Get(c); ok {
			ctx = []Place{p}
		} else {
			ctx = g.Lookup(c)
		}
		for _, cp := range ctx {
			if cp.Kind == Country {
				// "Mexico" in a report about Mexico is the country, not
				// the state of México it contains ("Kuwait" is not Kuwait
				// City, "Panama" not the province)
				for _, p := range cands {
					if p.ID == cp.ID {
						return p, true
					}
				}
			}
			for _, p := range cands {
				if g.Contains(cp.ID, p.ID) {
					return p, true
				}
			}
			for _, p := range cands {
				if p.ID == cp.ID {
					return p, true
				}
			}
			for _, p := range cands {
				if g.Contains(p.ID, cp.ID) {
					return p, true
				}
			}
		}
	}
	return cands[0], true
}

// Contains says whether the place outer contains the place inner, by ID,
// through the Parent chain. A place does not contain itself.
func (g *Gazetteer) Contains(outer, inner string) bool {
	if outer == "" || outer == inner {
		return false
	}
	p, ok := g.Get(inner)
	for n := 0; ok && p.Parent != "" && n < maxDepth; n++ {
		if p.Parent == outer {
			return true
		}
		p, ok = g.Get(p.Parent)
	}
	return false
}

// maxDepth bounds a walk up the Parent chain; the data has four levels
// (country, two subdivisions, city) and a directive can add regions.
const maxDepth = 16

// Ancestors returns the places containing id, nearest first, ending with
// its country (or a cross-border region). It returns nil for an unknown
// ID or a country.
func (g *Gazetteer) Ancestors(id string) []Place {
	p, ok := g.Get(id)
	var out []Place
	for n := 0; ok && p.Parent != "" && n < maxDepth; n++ {
		p, ok = g.Get(p.Parent)
		if ok {
			out = append(out, p)
		}
	}
	return out
}

// Demonym returns the place whose people or whose adjective word is:
// "Israelis", "Israeli", "Moroccan", "Turkish", "Turks" and "Gazans" (the
// Gaza Strip). The word must be capitalised, as English writes demonyms,
// so that "polish" and "turkey" are not read as peoples; otherwise it is
// compared like Lookup's names. A demonym two countries share
// ("Congolese", "Dominican") is no answer unless the hand file gives it
// one.
func (g *Gazetteer) Demonym(word string) (Place, bool) {
	r, _ := utf8.DecodeRuneInString(word)
	if !unicode.IsUpper(r) {
		return Place{}, false
	}
	key := fold.Key(word)
	if key == "" {
		return Place{}, false
	}
	if ref, ok := g.demonym[key]; ok {
		if ref < 0 {
			return Place{}, false
		}
		return g.place(ref), true
	}
	rest, ok := g.t.demonyms.search(key)
	if !ok {
		return Place{}, false
	}
	v, err := strconv.Atoi(rest)
	if err != nil || v < 0 || v >= g.t.places.len() {
		return Place{}, false
	}
	return g.place(int32(v)), true
}

// String describes the gazetteer's size.
func (g *Gazetteer) String() string {
	return fmt.Sprintf("gazetteer: %d places, %d names, %d demonyms, %d added places",
		g.t.places.len()+len(g.extra), g.t.names.len(), g.t.demonyms.len(), len(g.extra))
}
