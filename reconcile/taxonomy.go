package reconcile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/tollproject/toll/tracker"
)

// MaxTaxonomyBytes caps a taxonomy file. A hand-written alias table runs to
// a few kilobytes; anything past 1 MiB is the wrong file.
const MaxTaxonomyBytes = 1 << 20

// Taxonomy says which group, place and source names mean the same thing,
// which places are event sites, and how groups nest (children are part of
// the population they belong to) or exclude each other (civilians and
// soldiers). A Taxonomy is immutable once built; the zero value is empty
// (no aliases, no sites, only the rule that every group is part of
// people). Build one with DefaultTaxonomy or LoadTaxonomy.
//
// Names are compared case-insensitively with runs of white space folded,
// a leading "the" dropped and typographic apostrophes made plain, so "the
// Gaza Strip" and "Gaza strip" are one key.
type Taxonomy struct {
	groups      map[string]groupAlias
	places      map[string]string // alias key → canonical name as written in the file
	sources     map[string]string
	placeCanon  map[string]string // key of a canonical name → that name
	sourceCanon map[string]string
	siteWords   map[string]bool
	// oneSite: the events (as the extractor names them) that strike one
	// site, whose unknown sites are their place by another name
	oneSite map[string]bool
	// whole: {event, group} pairs where the group counts everyone the
	// event struck (a mine's workers)
	whole         map[[2]string]bool
	parents       map[string][]string // part → wholes named by part directives
	populations   map[string]bool
	demographics  map[string]bool
	nationalities map[string]bool
	disjoint      map[[2]string]bool // both orders
}

// groupAlias is what a group name stands for: a canonical group and, for
// names like "Gazans", the place it implies.
type groupAlias struct {
	group, place string
}

// People is the group every other group is part of, in the same place.
const People = "people"

// defaultTaxonomy is the built-in taxonomy, written in the file format
// LoadTaxonomy reads so that the defaults double as its example. A user
// file is applied on top of it.
const defaultTaxonomy = `# toll's built-in taxonomy. Read by DefaultTaxonomy; LoadTaxonomy applies
# a user file on top of it (start the file with "reset" to drop it).

# Group aliases: the built-in names for groups ("kids" for children,
# "Gazans" for Palestinians in Gaza) are tracker/groups.txt, which the
# extractor reads too, so that a name means one group everywhere; they are
# applied before this file. A user file adds or redirects names with
#   group ALIAS = GROUP [in PLACE]

# Populations are groups that demographic groups (children, women, men,
# elderly) are part of. Every group is also part of people in the same
# place, without saying so here.
population people
population civilians
demographic children
demographic women
demographic men
demographic elderly
part boys of children
part girls of children
part infants of children

# Nationalities are populations, and no two of them share anyone. This
# ignores dual nationals; remove a line (reset and rewrite) where a source
# counts them twice. Ethnic and religious groups (Kurds, Druze, Bedouin)
# are not nationalities: Bedouin and Druze citizens of Israel are Israelis.
nationality israelis
nationality palestinians
nationality lebanese
nationality syrians
nationality egyptians
nationality jordanians
nationality iraqis
nationality iranians
nationality yemenis
nationality ukrainians
nationality russians
nationality americans
nationality britons
nationality thais
nationality nepalese
nationality sudanese

# Groups that share no one. Elderly people are women or men, so elderly is
# disjoint only from children.
disjoint civilians, soldiers
disjoint civilians, militants
disjoint civilians, fighters
disjoint children, women
disjoint children, men
disjoint children, elderly
disjoint women, men
disjoint boys, girls

# Place aliases.
place gaza strip = Gaza
place gaza = Gaza
place west bank = West Bank
place occupied west bank = West Bank
place israel = Israel
place southern israel = southern Israel
place al-ahli hospital = al-Ahli Arab hospital
place al-ahli arab hospital = al-Ahli Arab hospital
place ahli arab hospital = al-Ahli Arab hospital
place al-ahli al-arabi hospital = al-Ahli Arab hospital
place al-ahli baptist hospital = al-Ahli Arab hospital
place al-ahli arab baptist hospital = al-Ahli Arab hospital
place nova festival = Nova festival
place nova music festival = Nova festival
place supernova festival = Nova festival
place supernova music festival = Nova festival
place tribe of nova festival = Nova festival

# Event sites: a place whose name holds one of these words is the site of
# one event. Its figures form their own series and are never compared
# with, or summed into, area-wide tolls. Refugee camps, towns and cities
# are not sites: people live there and tolls there run for weeks. A
# kibbutz or moshav is, because its tolls are about the attack of one day.
site hospital
site clinic
site school
site university
site mosque
site church
site synagogue
site market
site marketplace
site festival
site concert
site stadium
site theatre
site theater
site shelter
site kibbutz
site moshav

# Events that strike one site (as the extractor names them: its
# vocabulary's eventnoun values): an unknown site named with one is the
# event's place by another name ("killed on Bourbon Street" is New
# Orleans' attack toll), unless reports give the two different figures.
# A quake, a flood, a storm, a war strikes a region, whose unknown
# villages are parts.
onesite attack
onesite collapse
onesite crush
onesite kidnapping
onesite shipwreck
onesite crash
onesite fire
onesite mining

# Groups that count everyone an event struck (as the extractor names the
# event): a mine's fire kills its miners, whom the extractor counts as
# workers, so "45 miners killed" is the toll "killed 46 people" revises.
# Elsewhere workers are some of the people.
whole workers in mining

# Source aliases: different names for one body. Only true synonyms belong
# here; bodies that count differently (the Gaza health ministry and the
# Government Media Office) stay apart.
source idf = Israeli military
source israel defense forces = Israeli military
source israel defence forces = Israeli military
source israeli military = Israeli military
source israeli army = Israeli military
source gaza health ministry = Gaza health ministry
source gaza's health ministry = Gaza health ministry
source gaza ministry of health = Gaza health ministry
source ministry of health in gaza = Gaza health ministry
source health ministry in gaza = Gaza health ministry
source moh in gaza = Gaza health ministry
# a country's junta by its other names (the place is dropped first:
# "Myanmar's junta" in a report about Myanmar is "junta")
source military government = junta
source military junta = junta
source ruling junta = junta
source military regime = junta
source military's information team = junta
source military information team = junta
source state administration council = junta
source office of the director of national intelligence = US intelligence (ODNI)
source odni = US intelligence (ODNI)
source us intelligence = US intelligence (ODNI)
`

// DefaultTaxonomy returns the built-in taxonomy: the group names of
// tracker.GroupNames (shared with the extractor), then the aliases,
// hierarchy and event-site words listed in defaultTaxonomy (taxonomy.go),
// which is also the example of the file format LoadTaxonomy reads.
func DefaultTaxonomy() *Taxonomy {
	t := newTaxonomy()
	for _, g := range tracker.GroupNames() {
		t.groups[normName(g.Name)] = groupAlias{group: normName(g.Group), place: g.Place}
	}
	if err := t.parse(strings.NewReader(defaultTaxonomy), false); err != nil {
		// The text is a constant checked by TestDefaultTaxonomy.
		panic("reconcile: built-in taxonomy: " + err.Error())
	}
	return t
}

// LoadTaxonomy reads a user's taxonomy file and applies it on top of the
// defaults. The format is one directive per line; blank lines and text
// after '#' are ignored; names are case-insensitive and may hold spaces:
//
//	group ALIAS = GROUP [in PLACE]   a group name and what it stands for
//	place ALIAS = PLACE              a place name and its canonical form
//	source ALIAS = SOURCE            a source name and its canonical form
//	site WORDS                       place names holding WORDS are event sites
//	unsite WORDS                     drop a site word (e.g. unsite kibbutz)
//	part PART of WHOLE               PART is part of WHOLE (same place)
//	population GROUP                 demographic groups are part of GROUP
//	demographic GROUP                GROUP is part of every population
//	nationality GROUP                a population disjoint from other nationalities
//	disjoint A, B                    A and B share no one
//	reset                            drop the defaults, the built-in group
//	                                 names too (first directive only)
//
// A later alias for the same name replaces an earlier one, so a user file
// can redirect a default. Group names cannot hold " in " or " of ", nor
// commas. Errors name the line: "line 12: unknown directive "grup"".
func LoadTaxonomy(r io.Reader) (*Taxonomy, error) {
	t := DefaultTaxonomy()
	if err := t.parse(r, true); err != nil {
		return nil, err
	}
	return t, nil
}

func newTaxonomy() *Taxonomy {
	return &Taxonomy{
		groups: map[string]groupAlias{}, places: map[string]string{},
		sources: map[string]string{}, siteWords: map[string]bool{}, oneSite: map[string]bool{}, whole: map[[2]string]bool{},
		placeCanon: map[string]string{}, sourceCanon: map[string]string{},
		parents: map[string][]string{}, populations: map[string]bool{},
		demographics: map[string]bool{}, nationalities: map[string]bool{},
		disjoint: map[[2]string]bool{},
	}
}

// relation is a part or disjoint directive remembered with its line so
// that a contradiction found after the whole file is read can name it.
type relation struct {
	a, b string
	line int
}

func (t *Taxonomy) parse(r io.Reader, user bool) error {
	lr := &io.LimitedReader{R: r, N: MaxTaxonomyBytes + 1}
	sc := bufio.NewScanner(lr)
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	var parts, disjoints []relation
	n, directives := 0, 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		directives++
		verb, rest, _ := strings.Cut(line, " ")
		rest = strings.TrimSpace(rest)
		bad := func(format string, args ...any) error {
			return fmt.Errorf("%w: line %d: %s", ErrBadTaxonomy, n, fmt.Sprintf(format, args...))
		}
		switch strings.ToLower(verb) {
		case "reset":
			if !user || directives != 1 {
				return bad("reset must be the first directive")
			}
			if rest != "" {
				return bad("reset takes nothing after it")
			}
			*t = *newTaxonomy()
		case "group":
			alias, target, ok := splitAlias(rest)
			if !ok {
				return bad("want group ALIAS = GROUP [in PLACE], got %q", line)
			}
			g, place, _ := strings.Cut(target, " in ")
			g = normName(g)
			if g == "" || strings.Contains(g, ",") {
				return bad("group %q has no usable canonical name", alias)
			}
			t.groups[normName(alias)] = groupAlias{group: g, place: strings.TrimSpace(place)}
		case "place", "source":
			alias, target, ok := splitAlias(rest)
			if !ok {
				return bad("want %s ALIAS = NAME, got %q", verb, line)
			}
			if verb == "place" {
				t.places[normName(alias)] = target
			} else {
				t.sources[normName(alias)] = target
			}
		case "onesite":
			w := normName(rest)
			if w == "" || strings.Contains(w, " ") {
				return bad("onesite needs one event word, got %q", rest)
			}
			t.oneSite[w] = true
		case "whole":
			g, e, ok := strings.Cut(rest, " in ")
			g, e = normName(g), normName(e)
			if !ok || g == "" || e == "" || strings.Contains(e, " ") {
				return bad("want whole GROUP in EVENT, got %q", line)
			}
			t.whole[[2]string{e, g}] = true
		case "site", "unsite":
			w := normName(rest)
			if w == "" {
				return bad("%s needs a word", verb)
			}
			if verb == "site" {
				t.siteWords[w] = true
			} else {
				delete(t.siteWords, w)
			}
		case "part":
			p, w, ok := strings.Cut(rest, " of ")
			p, w = normName(p), normName(w)
			if !ok || p == "" || w == "" {
				return bad("want part PART of WHOLE, got %q", line)
			}
			if p == w {
				return bad("%q cannot be part of itself", p)
			}
			parts = append(parts, relation{p, w, n})
		case "population", "demographic", "nationality":
			g := normName(rest)
			if g == "" || strings.Contains(g, ",") {
				return bad("%s needs one group name", verb)
			}
			switch verb {
			case "population":
				t.populations[g] = true
			case "demographic":
				t.demographics[g] = true
			default:
				t.nationalities[g] = true
				t.populations[g] = true
			}
		case "disjoint":
			a, b, ok := strings.Cut(rest, ",")
			a, b = normName(a), normName(b)
			if !ok || a == "" || b == "" || strings.Contains(b, ",") {
				return bad("want disjoint A, B, got %q", line)
			}
			if a == b {
				return bad("%q cannot be disjoint from itself", a)
			}
			disjoints = append(disjoints, relation{a, b, n})
		default:
			return bad("unknown directive %q (want group, place, source, site, unsite, part, population, demographic, nationality, disjoint or reset)", verb)
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return fmt.Errorf("%w: line %d: longer than 64 KiB", ErrBadTaxonomy, n+1)
		}
		return fmt.Errorf("%w: %w", ErrBadTaxonomy, err)
	}
	if lr.N <= 0 {
		return fmt.Errorf("%w: larger than %d bytes", ErrBadTaxonomy, MaxTaxonomyBytes)
	}
	// Relations name groups after aliasing: "part boys of kids" means
	// children.
	for _, p := range parts {
		a, b := t.groupName(p.a), t.groupName(p.b)
		if a == b {
			return fmt.Errorf("%w: line %d: %q and %q are the same group", ErrBadTaxonomy, p.line, p.a, p.b)
		}
		if t.explicitlyPartOf(b, a) {
			return fmt.Errorf("%w: line %d: part %s of %s makes a cycle", ErrBadTaxonomy, p.line, p.a, p.b)
		}
		if !slices.Contains(t.parents[a], b) {
			t.parents[a] = append(t.parents[a], b)
		}
	}
	for _, d := range disjoints {
		a, b := t.groupName(d.a), t.groupName(d.b)
		if a == b || t.explicitlyPartOf(a, b) || t.explicitlyPartOf(b, a) {
			return fmt.Errorf("%w: line %d: %s and %s cannot be disjoint: one is part of the other", ErrBadTaxonomy, d.line, d.a, d.b)
		}
		t.disjoint[[2]string{a, b}] = true
		t.disjoint[[2]string{b, a}] = true
	}
	t.placeCanon = canonicalNames(t.places)
	t.sourceCanon = canonicalNames(t.sources)
	return nil
}

// canonicalNames maps the key of every alias target to the target as
// written; where targets differ only in case the smallest wins, so the
// result does not depend on map order.
func canonicalNames(aliases map[string]string) map[string]string {
	out := make(map[string]string, len(aliases))
	for _, c := range aliases {
		k := normName(c)
		if old, ok := out[k]; !ok || c < old {
			out[k] = c
		}
	}
	return out
}

// splitAlias reads "ALIAS = TARGET".
func splitAlias(s string) (alias, target string, ok bool) {
	a, b, ok := strings.Cut(s, "=")
	a, b = strings.TrimSpace(a), strings.Join(strings.Fields(b), " ")
	if !ok || normName(a) == "" || b == "" {
		return "", "", false
	}
	return a, b, true
}

// normName is the comparison key of a name: lowercase, white space folded,
// typographic apostrophes plain, a leading "the" dropped.
func normName(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.ReplaceAll(s, "’", "'")
	s = strings.TrimPrefix(s, "the ")
	return s
}

// groupName returns the canonical group for a name.
func (t *Taxonomy) groupName(who string) string {
	g, _ := t.group(who)
	return g
}

// group returns the canonical group for a name and the place the name
// implies ("" for most).
func (t *Taxonomy) group(who string) (group, place string) {
	n := normName(who)
	if a, ok := t.groups[n]; ok {
		return a.group, a.place
	}
	return n, ""
}

// Group returns the canonical group a name stands for ("Gazans" →
// "palestinians") and the place it implies ("Gaza"), or "" when it implies
// none. Unknown names come back normalised: lowercase, white space folded.
func (t *Taxonomy) Group(who string) (group, place string) {
	g, p := t.group(who)
	if p != "" {
		p = t.Place(p)
	}
	return g, p
}

// placeKey returns the comparison key of a place and its canonical name
// when the taxonomy gives one ("" otherwise).
func (t *Taxonomy) placeKey(where string) (key, canonical string) {
	return aliasKey(normName(where), t.places, t.placeCanon)
}

// aliasKey follows an alias and returns the key and canonical name.
func aliasKey(n string, aliases, canon map[string]string) (key, canonical string) {
	if c, ok := aliases[n]; ok {
		n = normName(c)
	}
	return n, canon[n]
}

// Place returns the canonical name of a place ("the Gaza Strip" → "Gaza").
// A place the taxonomy does not know comes back trimmed, without a
// leading "the".
func (t *Taxonomy) Place(where string) string {
	if _, c := t.placeKey(where); c != "" {
		return c
	}
	return trimName(where)
}

// sourceKey is placeKey for sources. A unit's government is the unit:
// "the Ishikawa prefectural government" and "Ishikawa prefecture" are one
// source (governmentForm).
func (t *Taxonomy) sourceKey(s string) (key, canonical string) {
	return aliasKey(governmentForm(normName(s)), t.sources, t.sourceCanon)
}

// governmentForm folds the name of a unit's government into the unit's
// ("ishikawa prefectural government" → "ishikawa prefecture", "kerman
// provincial authorities" → "kerman province"): wire copy names one body
// both ways within a story.
func governmentForm(n string) string {
	for _, f := range [...][2]string{
		{" prefectural government", " prefecture"}, {" prefectural authorities", " prefecture"},
		{" prefectural office", " prefecture"}, {" provincial government", " province"},
		{" provincial authorities", " province"}, {" provincial administration", " province"},
		{" county government", " county"}, {" district administration", " district"},
		{" regional government", " region"}, {" state government", " state"},
	} {
		if strings.HasSuffix(n, f[0]) {
			return n[:len(n)-len(f[0])] + f[1]
		}
		if n == f[0][1:] { // ("prefectural government", its place dropped)
			return f[1][1:]
		}
	}
	return n
}

// Source returns the canonical name of a source ("IDF" → "Israeli
// military"), or the name trimmed when the taxonomy does not know it.
func (t *Taxonomy) Source(s string) string {
	if _, c := t.sourceKey(s); c != "" {
		return c
	}
	return trimName(s)
}

// trimName folds white space and drops a leading "the", keeping case.
func trimName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		s = s[4:]
	}
	return s
}

// OneSite reports whether an event, as the extractor names it, strikes
// one site (the onesite directive).
func (t *Taxonomy) OneSite(event string) bool { return t.oneSite[event] }

// Whole reports whether group counts everyone event struck (the
// taxonomy's whole), so that its figures are the event's toll of people.
func (t *Taxonomy) Whole(event, group string) bool {
	return len(t.whole) > 0 && t.whole[[2]string{event, group}]
}

// IsSite reports whether a place is an event site: its name holds a site
// word as whole words ("al-Ahli Arab hospital" holds "hospital").
func (t *Taxonomy) IsSite(place string) bool {
	n := " " + normName(place) + " "
	if n == "  " {
		return false
	}
	for w := range t.siteWords {
		if strings.Contains(n, " "+w+" ") {
			return true
		}
	}
	return false
}

// PartOf reports whether everyone in group part is also in group whole
// (canonical names, same place): every group is part of people; a
// demographic group is part of every population; part directives add the
// rest and chain. A group is not part of itself.
func (t *Taxonomy) PartOf(part, whole string) bool {
	if part == whole {
		return false
	}
	if whole == People {
		return true
	}
	seen := map[string]bool{part: true}
	queue := []string{part}
	for len(queue) > 0 {
		g := queue[0]
		queue = queue[1:]
		if t.demographics[g] && t.populations[whole] {
			return true
		}
		for _, p := range t.parents[g] {
			if p == whole {
				return true
			}
			if !seen[p] {
				seen[p] = true
				queue = append(queue, p)
			}
		}
	}
	return false
}

// explicitlyPartOf follows part directives only.
func (t *Taxonomy) explicitlyPartOf(part, whole string) bool {
	return slices.Contains(t.explicitWholes(part), whole)
}

// explicitWholes returns every group part is in by part directives,
// nearest first.
func (t *Taxonomy) explicitWholes(part string) []string {
	var out []string
	seen := map[string]bool{part: true}
	queue := []string{part}
	for len(queue) > 0 {
		g := queue[0]
		queue = queue[1:]
		for _, p := range t.parents[g] {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
				queue = append(queue, p)
			}
		}
	}
	return out
}

// Disjoint reports whether groups a and b share no one: a disjoint
// directive names them or groups they are part of by part directives
// (boys, part of children, are disjoint from women), or both are
// different nationalities. The demographic rule does not carry
// disjointness: children are part of Israelis and of Palestinians, yet
// children and Israelis are not disjoint. Groups where one is part of
// the other are never disjoint.
func (t *Taxonomy) Disjoint(a, b string) bool {
	if a == b || t.PartOf(a, b) || t.PartOf(b, a) {
		return false
	}
	as := append([]string{a}, t.explicitWholes(a)...)
	bs := append([]string{b}, t.explicitWholes(b)...)
	for _, x := range as {
		for _, y := range bs {
			if x == y {
				continue
			}
			if t.disjoint[[2]string{x, y}] || t.nationalities[x] && t.nationalities[y] {
				return true
			}
		}
	}
	return false
}
