package gazetteer

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// ids returns the IDs of places, in order.
func ids(ps []Place) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}

func TestLookupFirst(t *testing.T) {
	g := Default()
	tests := []struct {
		name, in, want string
	}{
		// Countries, their English names, official names and exonyms.
		{"country", "Morocco", "MA"},
		{"country lower case", "morocco", "MA"},
		{"official name", "Kingdom of Morocco", "MA"},
		{"Türkiye", "Türkiye", "TR"},
		{"Turkiye without diacritics", "Turkiye", "TR"},
		{"Turkey", "Turkey", "TR"},
		{"Republic of Türkiye", "the Republic of Türkiye", "TR"},
		{"the United States", "the United States", "US"},
		{"US", "US", "US"},
		{"U.S.", "U.S.", "US"},
		{"Britain", "Britain", "GB"},
		{"Ivory Coast", "Ivory Coast", "CI"},
		{"Côte d'Ivoire with typographic apostrophe", "Côte d’Ivoire", "CI"},
		{"Burma", "Burma", "MM"},
		{"Russian Federation", "Russian Federation", "RU"},
		{"South Korea", "South Korea", "KR"},
		{"Palestine", "Palestine", "PS"},
		{"occupied Palestinian territories", "the occupied Palestinian territories", "PS"},
		{"Libya", "Libya", "LY"},
		{"Georgia is the country first", "Georgia", "GE"},
		// First-level subdivisions.
		{"Hatay", "Hatay", "TR.31"},
		{"Kahramanmaraş", "Kahramanmaraş", "TR.46"},
		{"Kahramanmaras without diacritics", "Kahramanmaras", "TR.46"},
		{"KAHRAMANMARAŞ in capitals", "KAHRAMANMARAŞ", "TR.46"},
		{"Kahramanmaras province", "Kahramanmaras province", "TR.46"},
		{"Valencia is the region first", "Valencia", "ES.60"},
		{"Valencian Community", "Valencian Community", "ES.60"},
		{"Kaduna", "Kaduna", "NG.23"},
		{"Kaduna State", "Kaduna State", "NG.23"},
		{"Kassala", "Kassala", "SD.52"},
		{"Herat", "Herat", "AF.11"},
		{"Herat province", "Herat province", "AF.11"},
		{"Hawaii", "Hawaii", "US.HI"},
		{"Marrakesh-Safi", "Marrakesh-Safi", "MA.07"},
		{"Marrakech-Safi", "Marrakech-Safi", "MA.07"},
		{"Marrakech Safi without hyphen", "Marrakech Safi", "MA.07"},
		{"the Gaza Strip", "the Gaza Strip", "PS.GZ"},
		{"Gaza is the Strip first", "Gaza", "PS.GZ"},
		{"the West Bank", "the West Bank", "PS.WE"},
		{"occupied West Bank", "the occupied West Bank", "PS.WE"},
		// Second-level subdivisions.
		{"Al Haouz", "Al Haouz", "MA.07.041"},
		{"Al-Haouz", "Al-Haouz", "MA.07.041"},
		{"Al Haouz province", "Al Haouz province", "MA.07.041"},
		{"Maui", "Maui", "US.HI.009"},
		{"Maui County", "Maui County", "US.HI.009"},
		{"Valencia province", "Valencia province", "ES.60.V"},
		{"a district with no kept town", "Jajarkot", "NP.6.12095476"},
		{"Congo is the DRC", "Congo", "CD"},
		{"the DRC in full", "Democratic Republic of Congo", "CD"},
		{"the other Congo", "Congo-Brazzaville", "CG"},
		{"the western half of Rukum", "Rukum West", "NP.6.12095532"},
		{"the eastern half of Rukum", "East Rukum", "NP.5.12095514"},
		// Cities.
		{"Marrakech", "Marrakech", "gn:2542997"},
		{"Marrakesh", "Marrakesh", "gn:2542997"},
		{"Lahaina", "Lahaina", "gn:5849996"},
		{"Paiporta", "Paiporta", "gn:2513029"},
		{"Blantyre is Malawi's first", "Blantyre", "gn:931755"},
		{"Krasnogorsk", "Krasnogorsk", "gn:542374"},
		{"Gaza City", "Gaza City", "gn:281133"},
		{"Kyiv", "Kyiv", "gn:703448"},
		{"Kiev", "Kiev", "gn:703448"},
		{"Antakya", "Antakya", "gn:323779"},
		{"Herat city is the city", "Herat city", "gn:1140026"},
		{"city of Aleppo", "the city of Aleppo", "gn:170063"},
		{"Aleppo province", "Aleppo province", "SY.09"},
		// Regions of the hand file.
		{"the Atlas Mountains", "the Atlas Mountains", "x:atlas-mountains"},
		{"High Atlas", "High Atlas", "x:high-atlas"},
		{"Darfur", "Darfur", "x:darfur"},
		{"an island of several provinces", "Sulawesi", "x:sulawesi"},
		{"a town the cities table lacks", "Savar", "x:savar"},
		{"West Darfur", "West Darfur", "SD.47"},
		{"Western Darfur", "Western Darfur", "SD.47"},
		{"the Sahel", "the Sahel", "x:sahel"},
		{"a part of a continent is the continent", "Central Europe", "x:europe"},
		{"a region across borders", "the Caribbean", "x:caribbean"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := g.Lookup(tt.in)
			if len(got) == 0 || got[0].ID != tt.want {
				t.Errorf("Lookup(%q) = %v, want %s first", tt.in, ids(got), tt.want)
			}
		})
	}
}

func TestLookupHolds(t *testing.T) {
	g := Default()
	tests := []struct {
		name, in string
		want     []string // in this order, others may be between
	}{
		{"Derna: the district, then the city", "Derna", []string{"LY.70", "gn:87205"}},
		{"Darnah", "Darnah", []string{"LY.70", "gn:87205"}},
		{"Hatay: the province, then Antakya", "Hatay", []string{"TR.31", "gn:323779"}},
		{"Georgia: the country, then the state", "Georgia", []string{"GE", "US.GA"}},
		{"Valencia: region, cities by size, province last", "Valencia",
			[]string{"ES.60", "gn:3625549", "gn:2509954", "ES.60.V"}},
		{"Gaza: the Strip, the city, the governorate", "Gaza", []string{"PS.GZ", "gn:281133", "PS.GZ.11184609"}},
		{"Herat: province, city, district", "Herat", []string{"AF.11", "gn:1140026", "AF.11.2001"}},
		{"Marrakech: the city before the prefecture", "Marrakech", []string{"gn:2542997", "MA.07.351"}},
		{"Blantyre: both cities", "Blantyre", []string{"gn:931755", "gn:11592111"}},
		{"Deir al-Balah: the city, then its governorate", "Deir al-Balah", []string{"gn:281141", "PS.GZ.7870268"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ids(g.Lookup(tt.in))
			at := -1
			for _, w := range tt.want {
				i := slices.Index(got, w)
				if i < 0 || i < at {
					t.Fatalf("Lookup(%q) = %v, want %v in that order", tt.in, got, tt.want)
				}
				at = i
			}
		})
	}
}

func TestPlaceFields(t *testing.T) {
	g := Default()
	tests := []struct {
		name string
		id   string
		want Place
	}{
		{"country", "MA", Place{ID: "MA", Name: "Morocco", Kind: Country, Country: "MA"}},
		{"subdivision", "TR.46", Place{ID: "TR.46", Name: "Kahramanmaraş", Kind: Subdivision, Country: "TR", Parent: "TR"}},
		{"city", "gn:5849996", Place{ID: "gn:5849996", Name: "Lahaina", Kind: City, Country: "US", Parent: "US.HI.009", Population: 11704}},
		{"region", "x:darfur", Place{ID: "x:darfur", Name: "Darfur", Kind: Region, Country: "SD", Parent: "SD"}},
		{"cross-border region", "x:sahel", Place{ID: "x:sahel", Name: "Sahel", Kind: Region}},
		{"a district no kept town lies in", "NP.6.12095476", Place{ID: "NP.6.12095476", Name: "Jajarkot", Kind: Subdivision, Country: "NP", Parent: "NP.6", Minor: true}},
		{"a continent", "x:africa", Place{ID: "x:africa", Name: "Africa", Kind: Region}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := g.Get(tt.id)
			if !ok || got != tt.want {
				t.Errorf("Get(%q) = %+v, %v, want %+v", tt.id, got, ok, tt.want)
			}
		})
	}
	if _, ok := g.Get("ZZ"); ok {
		t.Error("Get(ZZ) found a place")
	}
}

func TestContains(t *testing.T) {
	g := Default()
	tests := []struct {
		name         string
		outer, inner string
		want         bool
	}{
		{"Lahaina in Maui County", "US.HI.009", "gn:5849996", true},
		{"Lahaina in Hawaii", "US.HI", "gn:5849996", true},
		{"Lahaina in the US", "US", "gn:5849996", true},
		{"Maui County in Hawaii", "US.HI", "US.HI.009", true},
		{"Paiporta in Valencia province", "ES.60.V", "gn:2513029", true},
		{"Paiporta in Valencian Community", "ES.60", "gn:2513029", true},
		{"Paiporta in Spain", "ES", "gn:2513029", true},
		{"Marrakech in its prefecture", "MA.07.351", "gn:2542997", true},
		{"Marrakech in Marrakesh-Safi", "MA.07", "gn:2542997", true},
		{"Marrakech in Morocco", "MA", "gn:2542997", true},
		{"Al Haouz in Marrakesh-Safi", "MA.07", "MA.07.041", true},
		{"Gaza City in the Strip", "PS.GZ", "gn:281133", true},
		{"Gaza City in Palestine", "PS", "gn:281133", true},
		{"Derna in Libya", "LY", "gn:87205", true},
		{"Antakya in Hatay", "TR.31", "gn:323779", true},
		{"Krasnogorsk in Moscow Oblast", "RU.47", "gn:542374", true},
		{"High Atlas in the Atlas Mountains", "x:atlas-mountains", "x:high-atlas", true},
		{"High Atlas in Morocco", "MA", "x:high-atlas", true},
		{"Darfur in Sudan", "SD", "x:darfur", true},
		{"not in itself", "MA", "MA", false},
		{"a country is in nothing", "gn:2542997", "MA", false},
		{"Paiporta not in Morocco", "MA", "gn:2513029", false},
		{"Sahel in no country", "ML", "x:sahel", false},
		{"unknown inner", "MA", "gn:0", false},
		{"empty outer", "", "MA", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := g.Contains(tt.outer, tt.inner); got != tt.want {
				t.Errorf("Contains(%q, %q) = %v, want %v", tt.outer, tt.inner, got, tt.want)
			}
		})
	}
}

func TestAncestors(t *testing.T) {
	g := Default()
	tests := []struct {
		name, id string
		want     []string
	}{
		{"Lahaina", "gn:5849996", []string{"US.HI.009", "US.HI", "US"}},
		{"Paiporta", "gn:2513029", []string{"ES.60.V", "ES.60", "ES"}},
		{"Marrakech", "gn:2542997", []string{"MA.07.351", "MA.07", "MA"}},
		{"High Atlas", "x:high-atlas", []string{"x:atlas-mountains", "MA"}},
		{"a country", "MA", nil},
		{"unknown", "nowhere", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ids(g.Ancestors(tt.id)); !slices.Equal(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
				t.Errorf("Ancestors(%q) = %v, want %v", tt.id, got, tt.want)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	g := Default()
	tests := []struct {
		name    string
		in      string
		context []string
		want    string
	}{
		{"no context takes the first", "Georgia", nil, "GE"},
		{"a city inside the context", "Georgia", []string{"Atlanta"}, "US.GA"},
		{"the country inside nothing else", "Georgia", []string{"Tbilisi"}, "GE"},
		{"the state inside the US", "Georgia", []string{"United States"}, "US.GA"},
		{"Valencia in Venezuela", "Valencia", []string{"Venezuela"}, "gn:3625549"},
		{"Valencia in Spain is the region", "Valencia", []string{"Spain"}, "ES.60"},
		{"Valencia in its province is the city", "Valencia", []string{"ES.60.V"}, "gn:2509954"},
		{"Valencia in California", "Valencia", []string{"California"}, "gn:5405288"},
		{"context by ID", "Valencia", []string{"VE"}, "gn:3625549"},
		{"Gaza in Mozambique", "Gaza", []string{"Mozambique"}, "MZ.02"},
		{"Gaza with Israel as context is still the Strip", "Gaza", []string{"Israel"}, "PS.GZ"},
		{"Blantyre in Scotland", "Blantyre", []string{"Scotland"}, "gn:11592111"},
		{"Blantyre in Malawi", "Blantyre", []string{"Malawi"}, "gn:931755"},
		{"Hatay in Turkey", "Hatay", []string{"Türkiye"}, "TR.31"},
		{"the first context that matches wins", "Valencia", []string{"Narnia", "Venezuela", "Spain"}, "gn:3625549"},
		{"the context itself", "Morocco", []string{"Morocco"}, "MA"},
		{"a country in itself is not its namesake state", "Mexico", []string{"MX"}, "MX"},
		{"a country in itself is not its capital", "Kuwait", []string{"Kuwait"}, "KW"},
		{"a country in itself is not its namesake town", "Mozambique", []string{"MZ"}, "MZ"},
		{"a place containing the context", "Hawaii", []string{"Lahaina"}, "US.HI"},
		// a Japanese city or Korean district written without its "Shi"
		// or "-gu" (GeoNames also gives Suzhou, China, the name "Suzu")
		{"Suzu in Japan is the city, not Suzhou", "Suzu", []string{"Japan"}, "JP.15.1851337"},
		{"Wajima without its Shi", "Wajima", []string{"JP"}, "JP.15.1848973"},
		{"Suzu with no context is no Suzhou", "Suzu", nil, "JP.15.1851337"},
		// (GeoNames also gives Ishigaki, Okinawa, the name "Shika")
		{"Shika is the Ishikawa town, not Ishigaki", "Shika", []string{"Japan"}, "x:shika"},
		{"Tibet by its full name", "Tibet Autonomous Region", nil, "CN.14"},
		{"Prince William County with its designator", "Prince William County", nil, "US.VA.153"},
		{"Yongsan without its -gu", "Yongsan", []string{"South Korea"}, "KR.11.11030"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := g.Resolve(tt.in, tt.context...)
			if !ok || got.ID != tt.want {
				t.Errorf("Resolve(%q, %q) = %s, %v, want %s", tt.in, tt.context, got.ID, ok, tt.want)
			}
		})
	}
	if p, ok := g.Resolve("Prince William", "United Kingdom"); ok {
		t.Errorf("Resolve(Prince William) = %+v, want nothing: a prince", p)
	}
	if p, ok := g.Resolve("Richter", "Morocco"); ok {
		t.Errorf("Resolve(Richter) = %+v, want nothing", p)
	}
}

func TestDemonym(t *testing.T) {
	g := Default()
	tests := []struct {
		name, in string
		want     string // "" for no demonym
	}{
		{"plural", "Israelis", "IL"},
		{"singular", "Israeli", "IL"},
		{"Palestinians", "Palestinians", "PS"},
		{"Palestinian", "Palestinian", "PS"},
		{"Libyans", "Libyans", "LY"},
		{"Libyan", "Libyan", "LY"},
		{"Moroccan", "Moroccan", "MA"},
		{"Moroccans", "Moroccans", "MA"},
		{"Turkish", "Turkish", "TR"},
		{"Turks", "Turks", "TR"},
		{"Gazans are the Strip's", "Gazans", "PS.GZ"},
		{"Americans", "Americans", "US"},
		{"Britons", "Britons", "GB"},
		{"Sudanese", "Sudanese", "SD"},
		{"Syrians", "Syrians", "SY"},
		{"Ukrainians", "Ukrainians", "UA"},
		{"Afghans", "Afghans", "AF"},
		{"Malawians", "Malawians", "MW"},
		{"Yemenis", "Yemenis", "YE"},
		{"Darfuris", "Darfuris", "x:darfur"},
		{"capitals", "ISRAELIS", "IL"},
		{"lower case is an ordinary word", "polish", ""},
		{"Polish capitalised", "Polish", "PL"},
		{"turkish lower case", "turkish", ""},
		{"two countries' word", "Congolese", ""},
		{"Dominican", "Dominican", ""},
		{"a list form", "Yemenite", ""},
		{"a country is no demonym", "Turkey", ""},
		{"Monday", "Monday", ""},
		{"Richter", "Richter", ""},
		{"Reuters", "Reuters", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := g.Demonym(tt.in)
			if got := p.ID; got != tt.want || ok != (tt.want != "") {
				t.Errorf("Demonym(%q) = %q, %v, want %q", tt.in, got, ok, tt.want)
			}
		})
	}
}

func TestNotPlaces(t *testing.T) {
	g := Default()
	for _, s := range []string{"Richter", "Initial", "Reuters", "Monday", "Red Crescent", "Hamas",
		"Associated Press", "Health Ministry", "", "the", "   ", "-", "province", "Richter scale"} {
		t.Run(s, func(t *testing.T) {
			if got := g.Lookup(s); len(got) != 0 {
				t.Errorf("Lookup(%q) = %v, want nothing", s, ids(got))
			}
			if g.IsPlaceName(s) {
				t.Errorf("IsPlaceName(%q) = true", s)
			}
		})
	}
}

func TestIsPlaceName(t *testing.T) {
	g := Default()
	for _, s := range []string{"Morocco", "Al Haouz province", "Gaza City", "the Gaza Strip", "Kahramanmaras", "Lahaina"} {
		if !g.IsPlaceName(s) {
			t.Errorf("IsPlaceName(%q) = false", s)
		}
	}
	if n := g.MaxWords(); n < 4 || n > 16 {
		t.Errorf("MaxWords() = %d, want a handful", n)
	}
}

func TestWithDirectives(t *testing.T) {
	base := Default()
	g, err := base.WithDirectives(strings.NewReader(`# local names of a newsroom
alias Haouz valley = MA.07.041
alias the Red City = Marrakech        # a name as PLACE: its best candidate
region x:toubkal = Toubkal massif in x:high-atlas
demonym Marrakchi, Marrakchis = gn:2542997
unalias Gaza = PS.GZ
nodemonym Turks
`))
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(g.Lookup("Haouz Valley")); !slices.Equal(got, []string{"MA.07.041"}) {
		t.Errorf("alias: Lookup = %v", got)
	}
	if got := ids(g.Lookup("Red City")); len(got) == 0 || got[0] != "gn:2542997" {
		t.Errorf("alias by name: Lookup = %v", got)
	}
	if !g.Contains("MA", "x:toubkal") || !g.Contains("x:atlas-mountains", "x:toubkal") {
		t.Errorf("region: Ancestors = %v", ids(g.Ancestors("x:toubkal")))
	}
	if p, ok := g.Demonym("Marrakchis"); !ok || p.ID != "gn:2542997" {
		t.Errorf("demonym: %v %v", p.ID, ok)
	}
	if _, ok := g.Demonym("Turks"); ok {
		t.Error("nodemonym: Turks still a demonym")
	}
	if got := ids(g.Lookup("Gaza")); slices.Contains(got, "PS.GZ") || !slices.Contains(got, "gn:281133") {
		t.Errorf("unalias: Lookup(Gaza) = %v", got)
	}
	// The receiver is unchanged.
	if got := ids(base.Lookup("Gaza")); len(got) == 0 || got[0] != "PS.GZ" {
		t.Errorf("base changed: Lookup(Gaza) = %v", got)
	}
	if base.IsPlaceName("Haouz valley") || base.IsPlaceName("Toubkal massif") {
		t.Error("base changed: an added name is found")
	}
	if _, ok := base.Demonym("Turks"); !ok {
		t.Error("base changed: Turks lost")
	}
	// Unalias with no place removes every place of the name, and an alias
	// after it brings one back.
	g2, err := g.WithDirectives(strings.NewReader("unalias Valencia\nalias Valencia = gn:2509954\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(g2.Lookup("Valencia")); !slices.Equal(got, []string{"gn:2509954"}) {
		t.Errorf("unalias all: Lookup(Valencia) = %v", got)
	}
}

func TestWithDirectivesErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"unknown directive", "alias Foo = MA\n\nplace Foo = MA\n", "line 3: unknown directive \"place\""},
		{"unknown place", "alias Foo = Narnia", "line 1: unknown place \"Narnia\""},
		{"alias without target", "alias Foo", "line 1: want alias NAME = PLACE"},
		{"alias without letters", "alias ... = MA", "line 1: alias \"...\" has no letters"},
		{"region ID taken", "region MA = Morocco again", "line 1: region MA: the ID is taken"},
		{"region bad parent", "region x:a = A in Narnia", "line 1: unknown place \"Narnia\""},
		{"region without name", "region x:a = ---", "line 1: region x:a has no name"},
		{"demonym without place", "demonym Foos", "line 1: want demonym"},
		{"demonym unknown place", "demonym Foos = Narnia", "line 1: unknown place"},
		{"nodemonym without word", "nodemonym ,", "line 1: nodemonym needs a word"},
		{"unalias without name", "unalias", "line 1: want unalias NAME"},
		{"line too long", "alias " + strings.Repeat("a", 70<<10) + " = MA", "line 1: longer than 64 KiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Default().WithDirectives(strings.NewReader(tt.in))
			if err == nil || !errors.Is(err, ErrBadDirective) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("WithDirectives(%.40q) error = %v, want %q wrapping ErrBadDirective", tt.in, err, tt.want)
			}
		})
	}
	big := strings.Repeat("# a comment line that pads the file out\n", MaxDirectivesBytes/40+1)
	if _, err := Default().WithDirectives(strings.NewReader(big)); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("oversized file: error = %v", err)
	}
}

func TestWithAliases(t *testing.T) {
	g, err := Default().WithAliases(map[string]string{"the Strip": "PS.GZ", "Red City": "gn:2542997"})
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := g.Resolve("The Strip"); !ok || p.ID != "PS.GZ" {
		t.Errorf("Resolve(The Strip) = %v %v", p.ID, ok)
	}
	if _, err := Default().WithAliases(map[string]string{"Foo": "Narnia"}); !errors.Is(err, ErrBadDirective) ||
		!strings.Contains(err.Error(), `alias "Foo": unknown place "Narnia"`) {
		t.Errorf("unknown place: error = %v", err)
	}
}

// TestExtraFile parses the built-in hand file and checks that every
// region it adds is found by its name and lies where it says.
func TestExtraFile(t *testing.T) {
	g, err := build()
	if err != nil {
		t.Fatal(err)
	}
	if len(g.extra) == 0 {
		t.Fatal("extra.txt adds no region")
	}
	for _, p := range g.extra {
		got := g.Lookup(p.Name)
		if len(got) == 0 || !slices.Contains(ids(got), p.ID) {
			t.Errorf("region %s: Lookup(%q) = %v", p.ID, p.Name, ids(got))
		}
		if p.Parent != "" {
			if _, ok := g.Get(p.Parent); !ok {
				t.Errorf("region %s: parent %s unknown", p.ID, p.Parent)
			}
		}
	}
}

// TestTables checks the generated tables' invariants: sorted keys (the
// binary searches depend on it), indexes in range, parents that exist.
func TestTables(t *testing.T) {
	g := Default()
	n := g.t.places.len()
	if n < 50000 {
		t.Fatalf("%d places, want the countries, subdivisions and tens of thousands of cities", n)
	}
	kinds := map[Kind]int{}
	prev := ""
	for i := range n {
		p := parsePlace(g.t.places.line(i))
		if p.ID <= prev {
			t.Fatalf("places.tsv line %d: ID %q not after %q", i, p.ID, prev)
		}
		prev = p.ID
		kinds[p.Kind]++
		if p.Kind != Country {
			if _, ok := g.Get(p.Parent); !ok {
				t.Errorf("place %s: parent %q unknown", p.ID, p.Parent)
			}
		}
		if p.Name == "" || p.Country == "" {
			t.Errorf("place %s: empty name or country", p.ID)
		}
	}
	if kinds[Country] < 240 || kinds[Subdivision] < 3000 || kinds[City] < 40000 {
		t.Errorf("kinds = %v", kinds)
	}
	for _, l := range []lines{g.t.names, g.t.demonyms} {
		prev := ""
		for i := range l.len() {
			key, rest, _ := strings.Cut(l.line(i), "\t")
			if key <= prev {
				t.Fatalf("key %q not after %q", key, prev)
			}
			prev = key
			for _, x := range strings.Split(rest, ",") {
				var v int
				for _, c := range x {
					v = v*10 + int(c-'0')
				}
				if x == "" || v >= n {
					t.Fatalf("key %q: index %q out of range", key, x)
				}
			}
		}
	}
}

// TestCompareField holds compareField to strings.Compare of the field
// before the first tab.
func TestCompareField(t *testing.T) {
	keys := []string{"", "a", "ab", "abc", "b", "a\tb", "\t", "ab\t", "z", "é", "a b"}
	lines := []string{"", "a", "ab", "abc", "b", "a\tb", "\t", "ab\tc", "abc\td\te", "b\t", "z\n", "é\tx", "a b\t1", "\tab"}
	for _, s := range lines {
		for _, k := range keys {
			f := s
			if j := strings.IndexByte(f, '\t'); j >= 0 {
				f = f[:j]
			}
			if got, want := compareField(s, k), strings.Compare(f, k); got != want {
				t.Errorf("compareField(%q, %q) = %d, want %d", s, k, got, want)
			}
		}
	}
}

// FuzzCompareField holds compareField to its reference on any line and key.
func FuzzCompareField(f *testing.F) {
	for _, seed := range [][2]string{{"ab\tc", "ab"}, {"abc\td", "ab"}, {"a", "a\tb"}, {"", ""}, {"é\tx", "é"}} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, s, k string) {
		fld := s
		if j := strings.IndexByte(fld, '\t'); j >= 0 {
			fld = fld[:j]
		}
		if got, want := compareField(s, k), strings.Compare(fld, k); got != want {
			t.Fatalf("compareField(%q, %q) = %d, want %d", s, k, got, want)
		}
	})
}

func TestContinent(t *testing.T) {
	g := Default()
	tests := []struct {
		name, country, want string
		ok                  bool
	}{
		{"south-east Asia", "MM", "x:asia", true},
		{"Europe", "PL", "x:europe", true},
		{"the Middle East", "LB", "x:middle-east", true},
		{"Latin America", "MX", "x:latin-america", true},
		{"the Caribbean", "HT", "x:caribbean", true},
		{"North America", "US", "x:north-america", true},
		{"Oceania", "PG", "x:oceania", true},
		{"Kosovo, which the module lacks", "XK", "x:europe", true},
		{"Antarctica has none", "AQ", "", false},
		{"not a country", "MA.07", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := g.Continent(tt.country)
			if ok != tt.ok || p.ID != tt.want {
				t.Errorf("Continent(%q) = %q, %v, want %q, %v", tt.country, p.ID, ok, tt.want, tt.ok)
			}
			if ok && p.Kind != Region {
				t.Errorf("Continent(%q) kind %v, want a region", tt.country, p.Kind)
			}
		})
	}
}
