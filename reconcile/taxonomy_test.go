package reconcile

import (
	"errors"
	"strings"
	"testing"

	"github.com/tollproject/toll/tracker"
)

func TestDefaultTaxonomy(t *testing.T) {
	tax := DefaultTaxonomy() // panics if the built-in text does not parse
	groups := []struct{ who, group, place string }{
		{"Gazans", "palestinians", "Gaza"},
		{"IDF soldiers", "soldiers", ""},
		{"Israeli soldiers", "soldiers", ""},
		{"kids", "children", ""},
		{"persons", "people", ""},
		{"Individuals", "people", ""},
		{"victims", "people", ""},
		{"  Aid   Workers ", "aid workers", ""},
	}
	for _, g := range groups {
		if gotG, gotP := tax.Group(g.who); gotG != g.group || gotP != g.place {
			t.Errorf("Group(%q) = %q, %q; want %q, %q", g.who, gotG, gotP, g.group, g.place)
		}
	}
	// every built-in group name, shared with the extractor, is an alias
	for _, g := range tracker.GroupNames() {
		if gotG, gotP := tax.Group(g.Name); gotG != g.Group || gotP != tax.Place(g.Place) && g.Place != "" {
			t.Errorf("Group(%q) = %q, %q; tracker/groups.txt says %q in %q", g.Name, gotG, gotP, g.Group, g.Place)
		}
	}
	places := []struct{ where, want string }{
		{"Gaza Strip", "Gaza"},
		{"the Gaza Strip", "Gaza"},
		{"gaza", "Gaza"},
		{"al-Ahli hospital", "al-Ahli Arab hospital"},
		{"the al-Ahli Arab Hospital", "al-Ahli Arab hospital"},
		{"Ahli Arab hospital", "al-Ahli Arab hospital"},
		{"the Nova music festival", "Nova festival"},
		{"the occupied West Bank", "West Bank"},
		{"Khan Younis", "Khan Younis"},
		{"the  Khan Younis", "Khan Younis"},
	}
	for _, p := range places {
		if got := tax.Place(p.where); got != p.want {
			t.Errorf("Place(%q) = %q, want %q", p.where, got, p.want)
		}
	}
	sources := []struct{ s, want string }{
		{"IDF", "Israeli military"},
		{"the Israeli military", "Israeli military"},
		{"Ministry of Health in Gaza", "Gaza health ministry"},
		{"Gaza’s health ministry", "Gaza health ministry"},
		{"Government Media Office in Gaza", "Government Media Office in Gaza"},
	}
	for _, s := range sources {
		if got := tax.Source(s.s); got != s.want {
			t.Errorf("Source(%q) = %q, want %q", s.s, got, s.want)
		}
	}
}

func TestIsSite(t *testing.T) {
	tax := DefaultTaxonomy()
	tests := []struct {
		place string
		want  bool
	}{
		{"al-Ahli Arab hospital", true},
		{"Nova festival", true},
		{"Kibbutz Be'eri", true},
		{"the UNRWA school in Jabalia", true},
		{"Gaza", false},
		{"Jabalia refugee camp", false},
		{"Hospitality district", false}, // whole words only
		{"", false},
	}
	for _, tt := range tests {
		if got := tax.IsSite(tt.place); got != tt.want {
			t.Errorf("IsSite(%q) = %v, want %v", tt.place, got, tt.want)
		}
	}
}

func TestOneSite(t *testing.T) {
	tax := DefaultTaxonomy()
	tests := []struct {
		event string
		want  bool
	}{
		{"attack", true},
		{"crash", true},
		{"fire", true},
		{"earthquake", false},
		{"floods", false},
		{"wildfire", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := tax.OneSite(tt.event); got != tt.want {
			t.Errorf("OneSite(%q) = %v, want %v", tt.event, got, tt.want)
		}
	}
	user, err := LoadTaxonomy(strings.NewReader("onesite eruption\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !user.OneSite("eruption") || !user.OneSite("attack") {
		t.Error("a user file's onesite is not added to the built-in ones")
	}
	if _, err := LoadTaxonomy(strings.NewReader("onesite\n")); err == nil {
		t.Error("onesite with no word: no error")
	}
}

// TestWhole: a group that counts everyone an event struck (a mine's
// workers) is the event's people; elsewhere it is not.
func TestWhole(t *testing.T) {
	tax := DefaultTaxonomy()
	tests := []struct {
		name, event, group string
		want               bool
	}{
		{"a mine's workers", "mining", "workers", true},
		{"a fire's workers", "fire", "workers", false},
		{"a mine's children", "mining", "children", false},
		{"no event", "", "workers", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tax.Whole(tt.event, tt.group); got != tt.want {
				t.Errorf("Whole(%q, %q) = %v, want %v", tt.event, tt.group, got, tt.want)
			}
		})
	}
	user, err := LoadTaxonomy(strings.NewReader("whole crew in shipwreck\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !user.Whole("shipwreck", "crew") || !user.Whole("mining", "workers") {
		t.Error("a user file's whole is not added to the built-in ones")
	}
	for _, bad := range []string{"whole workers\n", "whole in mining\n", "whole workers in two words\n"} {
		if _, err := LoadTaxonomy(strings.NewReader(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestHierarchy(t *testing.T) {
	tax := DefaultTaxonomy()
	partOf := []struct {
		part, whole string
		want        bool
	}{
		{"children", "people", true},
		{"soldiers", "people", true},
		{"journalists", "people", true}, // every group
		{"children", "palestinians", true},
		{"women", "israelis", true},
		{"children", "civilians", true},
		{"boys", "children", true},
		{"boys", "palestinians", true}, // through children
		{"children", "soldiers", false},
		{"palestinians", "israelis", false},
		{"people", "children", false},
		{"children", "children", false},
	}
	for _, tt := range partOf {
		if got := tax.PartOf(tt.part, tt.whole); got != tt.want {
			t.Errorf("PartOf(%q, %q) = %v, want %v", tt.part, tt.whole, got, tt.want)
		}
	}
	disjoint := []struct {
		a, b string
		want bool
	}{
		{"israelis", "palestinians", true},
		{"palestinians", "thais", true},
		{"civilians", "soldiers", true},
		{"children", "women", true},
		{"boys", "women", true}, // boys are children
		{"boys", "girls", true},
		{"women", "men", true},
		{"elderly", "women", false},
		{"children", "israelis", false}, // the demographic rule does not make them disjoint
		{"children", "people", false},
		{"israelis", "druze", false},
		{"soldiers", "israelis", false},
		{"women", "women", false},
	}
	for _, tt := range disjoint {
		if got := tax.Disjoint(tt.a, tt.b); got != tt.want {
			t.Errorf("Disjoint(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := tax.Disjoint(tt.b, tt.a); got != tt.want {
			t.Errorf("Disjoint(%q, %q) = %v, want %v (not symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestLoadTaxonomy(t *testing.T) {
	file := `# our newsroom's names
group Gazan children = children in Gaza
place Khan Yunis = Khan Younis
place al-Ahli hospital = Ahli hospital   # redirect a default
source Hamas-run health ministry = Gaza health ministry
site refugee camp
unsite kibbutz
part toddlers of kids
demographic teenagers
nationality lebanese
population residents
disjoint police officers, soldiers
`
	tax, err := LoadTaxonomy(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if g, p := tax.Group("Gazan children"); g != "children" || p != "Gaza" {
		t.Errorf("Group = %q, %q", g, p)
	}
	if got := tax.Place("Khan Yunis"); got != "Khan Younis" {
		t.Errorf("Place(Khan Yunis) = %q", got)
	}
	if got := tax.Place("the al-Ahli hospital"); got != "Ahli hospital" {
		t.Errorf("a user alias does not replace the default: Place = %q", got)
	}
	if got := tax.Place("Gaza Strip"); got != "Gaza" {
		t.Errorf("defaults lost: Place(Gaza Strip) = %q", got)
	}
	if got := tax.Source("Hamas-run health ministry"); got != "Gaza health ministry" {
		t.Errorf("Source = %q", got)
	}
	if !tax.IsSite("Jabalia refugee camp") || tax.IsSite("Kibbutz Be'eri") {
		t.Error("site and unsite not applied")
	}
	if !tax.PartOf("toddlers", "children") || !tax.PartOf("toddlers", "israelis") {
		t.Error("part of an alias (kids → children) not resolved")
	}
	if !tax.PartOf("teenagers", "residents") {
		t.Error("demographic and population not applied")
	}
	if !tax.Disjoint("lebanese", "israelis") || !tax.Disjoint("police officers", "soldiers") {
		t.Error("nationality or disjoint not applied")
	}
	if DefaultTaxonomy().IsSite("Jabalia refugee camp") {
		t.Error("loading a file changed the defaults")
	}
}

func TestLoadTaxonomyReset(t *testing.T) {
	tax, err := LoadTaxonomy(strings.NewReader("reset\nplace strip = Gaza\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := tax.Place("Gaza Strip"); got != "Gaza Strip" {
		t.Errorf("reset kept a default alias: %q", got)
	}
	if tax.IsSite("al-Ahli Arab hospital") {
		t.Error("reset kept the site words")
	}
	if !tax.PartOf("children", "people") || tax.PartOf("children", "palestinians") {
		t.Error("after reset only the people rule holds")
	}
}

func TestLoadTaxonomyErrors(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{"unknown directive", "# ok\n\ngrup kids = children\n", `line 3: unknown directive "grup"`},
		{"alias without =", "group kids children\n", "line 1: want group ALIAS = GROUP [in PLACE]"},
		{"empty target", "place gaza =\n", "line 1: want place ALIAS = NAME"},
		{"site without word", "site\n", "line 1: site needs a word"},
		{"part without of", "part boys children\n", "line 1: want part PART of WHOLE"},
		{"part of itself", "part boys of boys\n", `line 1: "boys" cannot be part of itself`},
		{"cycle", "part a of b\npart b of a\n", "line 2: part b of a makes a cycle"},
		{"cycle through aliases", "group kids = children\npart children of babies\npart babies of kids\n", "line 3: part babies of kids makes a cycle"},
		{"disjoint without comma", "disjoint civilians soldiers\n", "line 1: want disjoint A, B"},
		{"disjoint with itself", "disjoint a, a\n", `line 1: "a" cannot be disjoint from itself`},
		{"disjoint with its whole", "part boys of lads\ndisjoint lads, boys\n", "line 2: lads and boys cannot be disjoint"},
		{"late reset", "site camp\nreset\n", "line 2: reset must be the first directive"},
		{"population of two", "population a, b\n", "line 1: population needs one group name"},
		{"long line", strings.Repeat("x", 70<<10) + "\n", "line 1: longer than 64 KiB"},
		{"too large", strings.Repeat("site camp\n", MaxTaxonomyBytes/10+1), "larger than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadTaxonomy(strings.NewReader(tt.file))
			if !errors.Is(err, ErrBadTaxonomy) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want ErrBadTaxonomy with %q", err, tt.want)
			}
			if err != nil && strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
		})
	}
}

func TestTaxonomyInOptions(t *testing.T) {
	tax, err := LoadTaxonomy(strings.NewReader("source Red Crescent = Gaza health ministry\n"))
	if err != nil {
		t.Fatal(err)
	}
	claims := stored(k("a", "r1", d1, "exact", 100), k("b", "r2", d2, "exact", 90).by("Red Crescent"))
	def := MustCheck(t, claims, Options{})
	mine := MustCheck(t, claims, Options{Taxonomy: tax})
	if got := idSigs(def); len(got) != 1 || got[0] != "decrease/warning a b" {
		t.Errorf("default taxonomy: %q, want a change-of-source warning", got)
	}
	if got := idSigs(mine); len(got) != 1 || got[0] != "decrease/error a b" {
		t.Errorf("user taxonomy: %q, want the merged source's own fall", got)
	}
}

// TestJuntaNames: a junta's other names are one source.
func TestJuntaNames(t *testing.T) {
	tax := DefaultTaxonomy()
	want, _ := tax.sourceKey("junta")
	for _, name := range []string{"military government", "the military junta", "State Administration Council", "military's information team"} {
		if got, _ := tax.sourceKey(name); got != want {
			t.Errorf("sourceKey(%q) = %q, want %q", name, got, want)
		}
	}
	if got, _ := tax.sourceKey("Israeli military"); got == want {
		t.Errorf("the Israeli military is no junta")
	}
}

func TestGovernmentForm(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"a prefecture's government is the prefecture", "ishikawa prefectural government", "ishikawa prefecture"},
		{"its place dropped", "prefectural government", "prefecture"},
		{"a province's authorities", "kerman provincial authorities", "kerman province"},
		{"a ministry stays", "health ministry", "health ministry"},
		{"a government alone stays", "government", "government"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := governmentForm(tt.in); got != tt.want {
				t.Errorf("governmentForm(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
