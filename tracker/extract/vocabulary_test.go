package extract

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/tollproject/toll/tracker"
)

// TestVocabularyFile parses the built-in vocabulary.txt (defaultVocabulary
// panics if it does not parse), checks that every directive is used in it
// and that lines of each kind land in their table.
func TestVocabularyFile(t *testing.T) {
	v := defaultVocabulary()
	used := map[string]bool{}
	for _, line := range strings.Split(string(vocabularyFile), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		fs := strings.Fields(line)
		if len(fs) > 1 && fs[0] == "no" {
			fs = fs[1:]
		}
		if len(fs) > 0 {
			used[fs[0]] = true
		}
	}
	for d := range directives() {
		if !used[d] {
			t.Errorf("directive %q is never used in %s", d, vocabularyName)
		}
	}
	if got := v.hash; !regexp.MustCompile(`^[0-9a-f]{8}$`).MatchString(got) {
		t.Errorf("hash = %q, want 8 hex digits", got)
	}
	// Version hashes the file without parsing it: the same as parsing it
	if got, want := Version(), rulesVersion+"."+v.hash; got != want {
		t.Errorf("Version() = %q, want %q", got, want)
	}

	ints := []struct {
		name string
		m    map[string]int64
		word string
		want int64
	}{
		{"number", v.smallNumbers, "seventeen", 17},
		{"scale", v.scaleWords, "dozen", 12},
		{"vague", v.vagueWords, "tens of thousands", 10000},
	}
	for _, tt := range ints {
		if got, ok := tt.m[tt.word]; !ok || got != tt.want {
			t.Errorf("%s %q = %d, %v; want %d", tt.name, tt.word, got, ok, tt.want)
		}
	}
	if got := v.preQualifiers["no more than"]; got != tracker.AtMost {
		t.Errorf(`qualifier "no more than" = %q, want at_most`, got)
	}
	if got := v.postQualifiers["or more"]; got != tracker.AtLeast {
		t.Errorf(`postqualifier "or more" = %q, want at_least`, got)
	}
	if got := v.subjects["victims"]; got != tracker.Killed {
		t.Errorf(`subject "victims" = %q, want killed`, got)
	}
	if got := v.tollNouns["number of people injured"]; got != tracker.Injured {
		t.Errorf(`toll "number of people injured" = %q, want injured`, got)
	}
	triggers := []struct {
		word string
		want trigger
	}{
		{"killed", trigger{cat: tracker.Killed, post: true, pre: true}},
		{"hostages", trigger{cat: tracker.Hostage, post: true, noun: true, who: "people"}},
		{"claimed the lives of", trigger{cat: tracker.Killed, pre: true}},
		{"rounded up", trigger{cat: tracker.Arrested, post: true, pre: true}},
	}
	for _, tt := range triggers {
		if got := v.triggers[tt.word]; got != tt.want {
			t.Errorf("casualty %q = %+v, want %+v", tt.word, got, tt.want)
		}
	}
	strs := []struct {
		name       string
		m          map[string]string
		word, want string
	}{
		{"group", v.groups, "aid workers", "aid workers"},
		{"group", v.groups, "troops", "soldiers"},   // tracker/groups.txt
		{"group", v.groups, "toddlers", "children"}, // vocabulary.txt
		{"group", v.groups, "gazans", ""},           // implies a place: the reconciler's
		{"group", v.groups, "israeli", ""},          // a demonym here
		{"demonym", v.demonyms, "israeli", "israelis"},
		{"noungroup", v.nounModifierGroups, "civilian", "civilians"},
	}
	for _, tt := range strs {
		if got := tt.m[tt.word]; got != tt.want {
			t.Errorf("%s %q = %q, want %q", tt.name, tt.word, got, tt.want)
		}
	}
	if v.datelineStates["calif."] != "US.CA" || v.datelineStates["n.c."] != "US.NC" {
		t.Errorf(`datelinestate "calif." = %q, "n.c." = %q; want US.CA, US.NC`, v.datelineStates["calif."], v.datelineStates["n.c."])
	}
	for abbr, id := range v.datelineStates {
		if _, ok := gaz().Get(id); !ok {
			t.Errorf("datelinestate %q = %q: no such place in the gazetteer", abbr, id)
		}
	}
	if v.eventOf["quake"] != "earthquake" || v.eventOf["hostilities"] != "war" {
		t.Errorf(`eventnoun "quake" = %q, "hostilities" = %q; want earthquake, war`, v.eventOf["quake"], v.eventOf["hostilities"])
	}
	if v.months["sept."] != 9 || v.weekdays["saturday"] != 6 {
		t.Errorf(`month "sept." = %d, weekday "saturday" = %d; want 9, 6`, v.months["sept."], v.weekdays["saturday"])
	}
	sets := []struct {
		name string
		m    map[string]bool
		word string
		want bool
	}{
		{"unit", v.units, "rockets", true},
		{"negation", v.negations, "none", true},
		{"speculation", v.speculation, "feared dead", true},
		{"breakdown", v.breakdownWords, "among the dead", true},
		{"placeprep", v.placePreps, "across", true},
		{"nottoll", v.notToll, "economic", true},
		{"verbqualifier", v.verbQualifiers, "tops", true},
		{"armed", v.armed, "militants", true},
		{"rescue", v.rescueWords, "spared", true},
		{"bodystatus", v.bodyStatus, "unclaimed", true},
		{"notgazetted", v.notGazetted, "reuters", true},
		{"notgazetted phrase", v.notGazetted, "city of justice", true},
		{"diseaseevent", v.diseaseEvents, "cholera", true},
		{"injuryseverity", v.injurySeverity, "minor", true},
		{"reasonverb", v.reasonVerbs, "saying", true},
		{"reasonverb not a saying verb", v.reasonVerbs, "said", false},
		{"fireservice", v.fireService, "crews", true},
		{"hadprior", v.hadPrior, "initially", true},
		{"sourcedoc", v.sourceDocs, "bulletin", true},
		{"no sourcedoc", v.sourceDocs, "toll", false},
		{"saidskip", v.saidSkip, "separately", true},
		{"causeverb", v.causeVerbs, "lowers", true},
		{"officialdata", v.officialData, "tallies", true},
		{"priorafter", v.priorAfter, "estimating", true},
		{"priorbefore", v.priorBefore, "had", true},
		{"compass", v.compass, "south-western", true},
		{"continent", v.continents, "oceania", true},
		{"site", v.sites, "kibbutz", true},
		{"street", v.streets, "ave.", true},
		{"holder", v.holders, "kidnappers", true},
		{"holder", v.holders, "police", false},
		{"office", v.offices, "minister", true},
		{"landform", v.landforms, "valley", true},
		{"stormobject", v.stormObjects, "the", true},
		{"stormnotsubject", v.stormNotSubjects, "as", true},
		{"stormnotsubject", v.stormNotSubjects, "commandos", false},
		{"landform", v.landforms, "mine", false},
		{"speakerverb", v.speakerVerbs, "said", true},
		{"speakerverb", v.speakerVerbs, "reported", false},
		{"takenverb", v.takenVerbs, "snatched", true},
		{"takenskip", v.takenSkip, "captive", true},
		{"heldnow", v.heldNow, "remains", true},
		{"cumulative", v.cumulativeWords, "altogether", true},
		{"derived number word", v.numberWords, "handful", true},
		{"derived date word", v.dateWords, "tuesday", true},
		// the "no" lines are in no table
		{"no modifier", v.modifiers, "displaced", false},
		{"no speculation", v.speculation, "suspected", false},
		{"no increment", v.incrementWords, "a new", false},
	}
	for _, tt := range sets {
		if got := tt.m[tt.word]; got != tt.want {
			t.Errorf("%s %q = %v, want %v", tt.name, tt.word, got, tt.want)
		}
	}
	lists := []struct {
		name        string
		got         []string
		first, last string
	}{
		{"gunfire", v.gunfire, "opened", "hail of"},
		{"strikeaux", v.strikeAux, "to", "does"},
		{"comparison", v.comparisons, "since", "overtaking"},
		{"particle", v.particles, "al", "des"},
		{"anaphor", v.anaphorNouns, "city", "prefecture"},
	}
	for _, tt := range lists {
		if len(tt.got) == 0 || tt.got[0] != tt.first || tt.got[len(tt.got)-1] != tt.last {
			t.Errorf("%s = %q, want it to run from %q to %q in file order", tt.name, tt.got, tt.first, tt.last)
		}
	}
	if v.no["modifier"]["displaced"] == 0 {
		t.Error(`no modifier "displaced" is not recorded`)
	}
	if !v.casualtyStems.in("were WOUNDED") || v.casualtyStems.in("were taken to a clinic") {
		t.Error("the casualty stems do not say which sentences hold a casualty word")
	}
}

// TestParseVocabularyErrors feeds bad lines after a good one: the error
// names the file and the line and says what is wrong.
func TestParseVocabularyErrors(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string // the whole message after "bad vocabulary: "
	}{
		{"unknown directive", "unit minutes\nfoo bar", `words.txt:2: unknown directive "foo" (the list is at the top of vocabulary.txt)`},
		{"no word", "stem kill\nunit", `words.txt:2: unit needs a word`},
		{"uppercase", "unit Minutes", `words.txt:1: unit "Minutes": write words in lowercase`},
		{"value on a plain list", "unit minutes = 3", `words.txt:1: unit takes no value: want unit WORDS, got "unit minutes = 3"`},
		{"missing value", "vague dozens", `words.txt:1: vague needs a value: want vague WORDS = VALUE, got "vague dozens"`},
		{"empty value", "vague dozens =", `words.txt:1: vague "dozens": nothing after "="`},
		{"not a number", "vague dozens = many", `words.txt:1: vague "dozens": want a whole number from 1 to 1000000000000, got "many"`},
		{"number out of range", "number hundred = 100", `words.txt:1: number "hundred": want a whole number from 0 to 99, got "100"`},
		{"month out of range", "month smarch = 13", `words.txt:1: month "smarch": want a whole number from 1 to 12, got "13"`},
		{"unknown qualifier", "qualifier at least = minimum", `words.txt:1: qualifier "at least": unknown qualifier "minimum" (want exact, at_least, more_than, at_most, less_than, approx or nearly)`},
		{"range is no word qualifier", "qualifier between = range", `words.txt:1: qualifier "between": unknown qualifier "range" (want exact, at_least, more_than, at_most, less_than, approx or nearly)`},
		{"unknown category", "stem toll\ntoll death toll = dead", `words.txt:2: toll "death toll": unknown category "dead" (want one of killed, injured, missing, hostage, displaced, arrested)`},
		{"unknown role", "stem kill\ncasualty killed = killed after", `words.txt:2: casualty "killed": unknown role "after" (want post, pre, noun or group GROUP)`},
		{"no role", "stem kill\ncasualty killed = killed", `words.txt:2: casualty "killed": needs a role: post, pre or noun`},
		{"group without a name", "stem hostage\ncasualty hostages = hostage noun group", `words.txt:2: casualty "hostages": "group" needs a group name after it`},
		{"duplicate", "unit minutes\n\n# again\nunit   minutes", `words.txt:4: unit "minutes" is already given on line 1`},
		{"duplicate no", "no unit men\nno unit men", `words.txt:2: no unit "men" is already given on line 1`},
		{"bare no", "no", `words.txt:1: "no" needs a directive and a word`},
		{"no with a value", "no vague dozens = 12", `words.txt:1: no vague: only a plain word list takes "no"`},
		{"no contradicts", "no unit men\nunit minutes\nunit men", `words.txt:1: no unit "men" contradicts line 3`},
		{"short stem", "stem k", `words.txt:1: stem "k": a stem is two ASCII letters or more`},
		{"casualty without a stem", "stem kill\ncasualty killed = killed post\ncasualty perished = killed post", `words.txt:3: "perished" holds no casualty stem, so the prefilter would skip its sentences (add a stem line)`},
		{"long line", strings.Repeat("x", 70<<10), `words.txt:1: longer than 64 KiB`},
		{"verb qualifier that is no qualifier", "verbqualifier tops", `words.txt:1: verbqualifier "tops" is not a qualifier (add a qualifier line)`},
		{"unknown subject category", "subject dead = deceased", `words.txt:1: subject "dead": unknown category "deceased" (want one of killed, injured, missing, hostage, displaced, arrested)`},
		{"group name in both files", "unit minutes\ngroup kids = children", `words.txt:2: group "kids" is a name in tracker/groups.txt (for children): give it there only`},
		{"value on a report-pass list", "notgazetted\tmonday\nnotgazetted reuters = agency", `words.txt:2: notgazetted takes no value: want notgazetted WORDS, got "notgazetted reuters = agency"`},
		{"event noun of two words", "eventnoun flash flood = floods", `words.txt:1: eventnoun "flash flood": an event noun is one word of ASCII letters, at most 32`},
		{"disease of no event", "eventnoun quake = earthquake\ndiseaseevent cholera", `words.txt:2: diseaseevent "cholera" is no event an eventnoun line gives (add one)`},
		{"anaphor that starts another", "anaphor town\nanaphor township", `words.txt:1: anaphor "town" starts anaphor "township" on line 2 (anaphor reads the first that matches)`},
		{"particle with a hyphen", "particle al\nparticle al-", `words.txt:2: particle "al-": a particle is one word of ASCII letters`},
		{"demonym against a group name", "demonym israeli = jews", `words.txt:1: demonym "israeli" = "jews", but tracker/groups.txt says it stands for "israelis"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseVocabulary("words.txt", strings.NewReader(tt.text))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !errors.Is(err, errVocabulary) {
				t.Errorf("error %v does not wrap errVocabulary", err)
			}
			if got := strings.TrimPrefix(err.Error(), "bad vocabulary: "); got != tt.want {
				t.Errorf("error\n got %s\nwant %s", got, tt.want)
			}
		})
	}
	t.Run("too large", func(t *testing.T) {
		big := bytes.Repeat([]byte("# a comment line that is long enough to fill the cap sooner\n"), maxVocabularyBytes/50)
		_, err := parseVocabulary("words.txt", bytes.NewReader(big))
		if err == nil || !strings.Contains(err.Error(), "words.txt: larger than 1048576 bytes") {
			t.Errorf("err = %v, want larger than the cap", err)
		}
	})
}

// TestVocabularyLists parses the directives read as ordered lists: lines
// in file order, a "no" line in none.
func TestVocabularyLists(t *testing.T) {
	v, err := parseVocabulary("words.txt", strings.NewReader("gunfire opened\nno gunfire set\ngunfire exchange   of\ncomparison than\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(v.gunfire, "|"), "opened|exchange of"; got != want {
		t.Errorf("gunfire = %q, want %q", got, want)
	}
	if got, want := strings.Join(v.comparisons, "|"), "than"; got != want {
		t.Errorf("comparison = %q, want %q", got, want)
	}
	if v.no["gunfire"]["set"] != 2 {
		t.Errorf(`no gunfire "set" is not recorded at line 2: %v`, v.no["gunfire"])
	}
}

// TestVocabularyVersion changes one word of the built-in file: the
// version changes with it, and so does what is extracted.
func TestVocabularyVersion(t *testing.T) {
	const text = "Nine miners perished in the flooded shaft, the company said."
	opts := Options{Date: tracker.MustDate("2023-10-20")}
	edited := bytes.Replace(vocabularyFile, []byte("casualty perished = killed post\n"), nil, 1)
	if len(edited) == len(vocabularyFile) {
		t.Fatal(`vocabulary.txt has no line "casualty perished = killed post" to drop`)
	}
	x, err := New("edited.txt", bytes.NewReader(edited))
	if err != nil {
		t.Fatal(err)
	}
	if x.Version() == Version() {
		t.Errorf("dropping a casualty word left the version at %s", Version())
	}
	same, err := New("same.txt", bytes.NewReader(vocabularyFile))
	if err != nil {
		t.Fatal(err)
	}
	if same.Version() != Version() {
		t.Errorf("the same file gave version %s, want %s", same.Version(), Version())
	}
	before, err := Extract(text, opts)
	if err != nil {
		t.Fatal(err)
	}
	after, err := x.Extract(text, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(before.Claims) != 1 || before.Claims[0].Who != "workers" || len(after.Claims) != 0 {
		t.Errorf("claims with the word: %+v; without it: %+v; want one claim of nine workers, then none", before.Claims, after.Claims)
	}
}

// FuzzParseVocabulary: any input parses or fails with a positioned error,
// never a panic; what parses is usable.
func FuzzParseVocabulary(f *testing.F) {
	lines := strings.Split(string(vocabularyFile), "\n")
	for i := 0; i < len(lines); i += 97 {
		f.Add(strings.Join(lines[i:min(i+40, len(lines))], "\n"))
	}
	for _, s := range []string{"no", "no unit", "casualty x = killed group", "vague a = -1", "stem ab\ncasualty ab = killed post", "month x = 99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := parseVocabulary("fuzz.txt", strings.NewReader(s))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "bad vocabulary: fuzz.txt:") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		x := &Extractor{v: v}
		if _, err := x.Extract("At least 12 people were killed on Monday.", Options{}); err != nil {
			t.Fatalf("extract with a parsed vocabulary: %v", err)
		}
	})
}

// TestStreetWord: a street word counts only as a name writes it, with a
// capital and the rest lowercase.
func TestStreetWord(t *testing.T) {
	v := defaultVocabulary()
	tests := []struct {
		w    string
		want bool
	}{
		{"Street", true}, {"St.", true}, {"St", true}, {"Ave.", true}, {"Expressway", true},
		{"street", false}, {"STREET", false}, {"StReet", false}, {"Sq", false}, {"", false}, {"Şt", false},
		{"Streets", false}, {"A", false},
	}
	for _, tt := range tests {
		if got := v.streetWord(tt.w); got != tt.want {
			t.Errorf("streetWord(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}
