package tracker

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Category is what happened to the people a figure counts.
type Category string

// The categories a claim can have. "casualties" alone is none of them: it
// mixes the dead and the injured.
const (
	Killed    Category = "killed"
	Injured   Category = "injured"
	Missing   Category = "missing"
	Hostage   Category = "hostage"
	Displaced Category = "displaced"
	Arrested  Category = "arrested"
)

// Categories lists every Category in display order, in a new slice each
// call (no package variable a caller could change; inlined, it costs no
// allocation). The stored encodings number categories in this order.
func Categories() []Category {
	return []Category{Killed, Injured, Missing, Hostage, Displaced, Arrested}
}

// ParseCategory returns the Category named s, or ErrUnknownCategory.
func ParseCategory(s string) (Category, error) {
	for _, c := range Categories() {
		if string(c) == s {
			return c, nil
		}
	}
	return "", fmt.Errorf("%w %q (want one of %s)", ErrUnknownCategory, s, joinNames(Categories()))
}

// Qualifier is how a report hedges its figure; it decides the Interval.
type Qualifier string

// The qualifiers, with the interval each gives a number N (see Bounds).
const (
	Exact    Qualifier = "exact"     // N, exactly N, a dozen: [N, N]
	AtLeast  Qualifier = "at_least"  // at least N, N or more: [N, ∞)
	MoreThan Qualifier = "more_than" // more than N, over N: [N+1, ∞)
	AtMost   Qualifier = "at_most"   // up to N, as many as N: [0, N]
	LessThan Qualifier = "less_than" // fewer than N, under N: [0, N-1]
	Approx   Qualifier = "approx"    // about N: [round(0.9N), round(1.1N)]
	Nearly   Qualifier = "nearly"    // nearly N: [round(0.9N), N-1]
	Range    Qualifier = "range"     // between A and B: [A, B]
	Vague    Qualifier = "vague"     // hundreds, dozens: [n, ∞), word kept
)

// Qualifiers lists every Qualifier, in a new slice each call (see Categories).
func Qualifiers() []Qualifier {
	return []Qualifier{Exact, AtLeast, MoreThan, AtMost, LessThan, Approx, Nearly, Range, Vague}
}

// ParseQualifier returns the Qualifier named s, or ErrUnknownQualifier.
func ParseQualifier(s string) (Qualifier, error) {
	for _, q := range Qualifiers() {
		if string(q) == s {
			return q, nil
		}
	}
	return "", fmt.Errorf("%w %q (want one of %s)", ErrUnknownQualifier, s, joinNames(Qualifiers()))
}

// Scope says whether a figure counts everything so far or one period.
type Scope string

// The scopes. A death toll or "since Saturday" is cumulative; "in the past
// 24 hours", "on Tuesday" or an increment ("another 12") is a period.
const (
	Cumulative   Scope = "cumulative"
	Period       Scope = "period"
	UnknownScope Scope = "unknown"
)

// ParseScope returns the Scope named s, or ErrUnknownScope.
func ParseScope(s string) (Scope, error) {
	for _, sc := range []Scope{Cumulative, Period, UnknownScope} {
		if string(sc) == s {
			return sc, nil
		}
	}
	return "", fmt.Errorf("%w %q (want cumulative, period or unknown)", ErrUnknownScope, s)
}

// Claim is one casualty figure as a report states it, with where it came
// from. The zero value is not a valid claim; see Validate.
type Claim struct {
	Category  Category
	Interval  Interval
	Qualifier Qualifier
	// Vague is the vague word as written ("hundreds"), empty otherwise.
	Vague string
	// Who is the group, a lowercase plural noun ("people", "israelis").
	Who string
	// Where is the place the figure is about, as written without its
	// preposition ("Gaza", "the West Bank"), or empty.
	Where string
	// Attribution is who gave the figure ("the Gaza health ministry"), or
	// empty when the sentence names nobody.
	Attribution string
	// AsOf is the date the figure refers to: the report's date unless the
	// text says otherwise. Zero when neither is known.
	AsOf  Date
	Scope Scope
	// Since is the start of a cumulative count ("since Saturday"): a date
	// as YYYY-MM-DD when it could be resolved against the report date,
	// else the words as written. Empty when the text gives none.
	Since string
	// From and To bound a period figure ("in the past 24 hours", "on
	// Tuesday"), resolved like Since. Empty when not a period or unknown.
	From, To string
	// Prior marks the earlier figure of a rising toll ("rose to 2,329 from
	// 1,900": 1,900 is prior).
	Prior bool
	// Revised marks a figure the text says was revised or corrected.
	Revised bool
	// Start and End are byte offsets into the extracted text:
	// text[Start:End] is Span, the phrase holding the figure.
	Start, End int
	Span       string
	// Sentence is the whole sentence the figure sits in.
	Sentence string
	// Context is what the rest of the report adds to the sentence. The
	// fields above are what the sentence itself says.
	Context Context
}

// Context is what a claim's report says around its sentence: the place
// and event the report is about, who relayed the figure, and whether it
// is about another time. The extractor fills it from the headline, the
// dateline and the lead; reconcile decides from it which figures measure
// the same quantity. The zero value says the report adds nothing.
type Context struct {
	// Place is the place the figure is about once the report is read:
	// the sentence's Where when it names one, else the report's place.
	// Empty when neither is known.
	Place string `json:"place,omitempty"`
	// PlaceID is the gazetteer's id of Place ("MA.07.041" for Al Haouz,
	// "gn:5849996" for Lahaina), which tells which place contains which.
	// A place the gazetteer does not know, named inside a report about a
	// known one, is that place's id, a slash and the name as written
	// ("AF.11/zinda jan district"): a part of it. Empty when unknown.
	PlaceID string `json:"place_id,omitempty"`
	// PlaceFrom says where Place was read: "sentence", "headline",
	// "dateline" or "lead".
	PlaceFrom string `json:"place_from,omitempty"`
	// Event is the event the figure counts, as the report names it
	// ("earthquake", "floods", "the attack on Crocus City Hall"); empty
	// when the report names none.
	Event string `json:"event,omitempty"`
	// Incident marks the toll of one single incident inside a wider event
	// ("an airstrike on a house in Rafah killed 12"), which is its own
	// quantity.
	Incident bool `json:"incident,omitempty"`
	// Past is the other time a figure is about, as written ("1960", "the
	// 2004 tsunami"): historical tolls never join a current series.
	Past string `json:"past,omitempty"`
	// Via is who relayed the figure when the text names a relay ("state
	// media, citing the interior ministry": Via is "state media" and the
	// Attribution, the origin, "the interior ministry").
	Via string `json:"via,omitempty"`
	// Origin is who gave the figure according to the rest of the report
	// when the sentence names nobody: a headline's "2,012 dead" is the
	// figure the body attributes to the interior ministry. Empty when the
	// sentence names its source (Attribution) or the report does not.
	Origin string `json:"origin,omitempty"`
	// Part marks a sub-count of another figure of its sentence that names
	// the same group and place ("1,204 injured, of whom 721 are in a
	// serious condition"): not the total, and its own quantity.
	Part bool `json:"part,omitempty"`
	// Headline marks a figure read from the report's headline.
	Headline bool `json:"headline,omitempty"`
}

// Validate reports the first problem that makes c unusable: an unknown
// category, qualifier or scope, a missing group, or an empty interval.
func (c *Claim) Validate() error {
	if _, err := ParseCategory(string(c.Category)); err != nil {
		return err
	}
	if _, err := ParseQualifier(string(c.Qualifier)); err != nil {
		return err
	}
	if _, err := ParseScope(string(c.Scope)); err != nil {
		return err
	}
	if strings.TrimSpace(c.Who) == "" {
		return fmt.Errorf("%w: who is empty", ErrInvalidClaim)
	}
	if c.Start < 0 || c.End < c.Start {
		return fmt.Errorf("%w: span %d..%d", ErrInvalidClaim, c.Start, c.End)
	}
	return c.Interval.Validate()
}

// claimCore holds the sixteen keys `toll extract --format jsonl` promises,
// in that order.
type claimCore struct {
	Category    Category     `json:"category"`
	Low         json.Number  `json:"low"`
	High        *json.Number `json:"high"`
	Qualifier   Qualifier    `json:"qualifier"`
	Vague       string       `json:"vague"`
	Who         string       `json:"who"`
	Where       string       `json:"where"`
	Attribution string       `json:"attribution"`
	AsOf        Date         `json:"as_of"`
	Scope       Scope        `json:"scope"`
	Since       string       `json:"since"`
	Prior       bool         `json:"prior"`
	Start       int          `json:"start"`
	End         int          `json:"end"`
	Span        string       `json:"span"`
	Sentence    string       `json:"sentence"`
}

// claimJSON is the full wire form: the core keys, then from, to, revised
// and context, omitted when empty.
type claimJSON struct {
	claimCore
	From    string  `json:"from,omitempty"`
	To      string  `json:"to,omitempty"`
	Revised bool    `json:"revised,omitempty"`
	Context Context `json:"context,omitzero"`
}

func (c Claim) core() claimCore {
	w := claimCore{
		Category: c.Category, Low: json.Number(c.Interval.Low.String()),
		Qualifier: c.Qualifier, Vague: c.Vague, Who: c.Who, Where: c.Where,
		Attribution: c.Attribution, AsOf: c.AsOf, Scope: c.Scope, Since: c.Since,
		Prior: c.Prior, Start: c.Start, End: c.End, Span: c.Span, Sentence: c.Sentence,
	}
	if !c.Interval.Unbounded {
		h := json.Number(c.Interval.High.String())
		w.High = &h
	}
	return w
}

// MarshalJSON writes every field of c, low and high as JSON integers (high
// is null when unbounded), never as quoted strings. It is the form the
// store and `toll export` use.
func (c Claim) MarshalJSON() ([]byte, error) {
	return json.Marshal(claimJSON{claimCore: c.core(), From: c.From, To: c.To, Revised: c.Revised, Context: c.Context})
}

// MarshalExtractJSON writes exactly the sixteen keys `toll extract` promises
// other tools: category, low, high, qualifier, vague, who, where,
// attribution, as_of, scope, since, prior, start, end, span, sentence.
func (c Claim) MarshalExtractJSON() ([]byte, error) {
	return json.Marshal(c.core())
}

// UnmarshalJSON reads either form and validates the claim.
func (c *Claim) UnmarshalJSON(b []byte) error {
	var w claimJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	iv, err := parseInterval(w.Low, w.High)
	if err != nil {
		return err
	}
	*c = Claim{
		Category: w.Category, Interval: iv, Qualifier: w.Qualifier, Vague: w.Vague,
		Who: w.Who, Where: w.Where, Attribution: w.Attribution, AsOf: w.AsOf,
		Scope: w.Scope, Since: w.Since, From: w.From, To: w.To, Prior: w.Prior,
		Revised: w.Revised, Start: w.Start, End: w.End, Span: w.Span, Sentence: w.Sentence,
		Context: w.Context,
	}
	return c.Validate()
}

// parseInterval reads low and high with ParseCount: every writer of this
// form writes counts as plain digits, and a reader that accepted
// exponents would hang on "1e999999999".
func parseInterval(low json.Number, high *json.Number) (Interval, error) {
	lo, err := ParseCount(string(low))
	if err != nil {
		return Interval{}, fmt.Errorf("%w: low: %w", ErrInvalidClaim, err)
	}
	if high == nil {
		return Interval{Low: lo, Unbounded: true}, nil
	}
	hi, err := ParseCount(string(*high))
	if err != nil {
		return Interval{}, fmt.Errorf("%w: high: %w", ErrInvalidClaim, err)
	}
	return Interval{Low: lo, High: hi}, nil
}

func joinNames[T ~string](xs []T) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = string(x)
	}
	return strings.Join(s, ", ")
}
