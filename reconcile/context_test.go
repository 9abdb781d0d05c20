package reconcile

import (
	"slices"
	"strings"
	"testing"

	"github.com/tollproject/toll/tracker"
)

// ctxClaim is a claim read with its report: Morocco's quake toll by
// default, its place and event from the report's context.
func ctxClaim(id, report, date, attr string, q tracker.Qualifier, n ...int64) syn {
	return syn{id: id, report: report, outlet: "Wire " + report, date: date, cat: tracker.Killed, who: "people",
		attr: attr, scope: tracker.UnknownScope, q: q, n: n}
}

// fromOutlet is s published by outlet.
func fromOutlet(s syn, outlet string) syn { s.outlet = outlet; return s }

// withCtx stores claims and gives each the context ctx(i).
func withCtx(ss []syn, ctx func(i int) tracker.Context) []tracker.StoredClaim {
	out := stored(ss...)
	for i := range out {
		out[i].Claim.Context = ctx(i)
	}
	return out
}

func morocco(tracker.Context) tracker.Context {
	return tracker.Context{Place: "Morocco", PlaceID: "MA", PlaceFrom: "headline", Event: "earthquake"}
}

// seriesOfClaims returns, for each claim id, the title of its series.
func seriesOfClaims(t *testing.T, claims []tracker.StoredClaim) map[string]string {
	t.Helper()
	tl, err := Timelines(claims, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range tl.Series {
		for _, e := range s.Entries {
			for _, c := range e.Claims {
				got[c.Claim] = s.Key.String()
			}
		}
	}
	return got
}

func TestContextSeries(t *testing.T) {
	tests := []struct {
		name string
		ss   []syn
		ctx  func(i int) tracker.Context
		same [][]string // claim ids that must share a series, each group apart
	}{
		{
			name: "scope and place unstated join the report's place",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-09-09", "interior ministry", tracker.AtLeast, 296),
				ctxClaim("b-1", "b", "2023-09-09", "interior ministry", tracker.Exact, 820).sc(tracker.Cumulative).in("Morocco"),
				ctxClaim("c-1", "c", "2023-09-10", "interior ministry", tracker.Exact, 2122).of("moroccans"),
			},
			ctx:  func(int) tracker.Context { return morocco(tracker.Context{}) },
			same: [][]string{{"a-1", "b-1", "c-1"}},
		},
		{
			// Brumadinho: reports call it the dam's collapse or the mine
			// disaster
			name: "a collapse and a mine disaster in one place are one event",
			ss: []syn{
				ctxClaim("a-1", "a", "2019-01-26", "fire brigade", tracker.Exact, 34),
				ctxClaim("b-1", "b", "2019-01-27", "fire brigade", tracker.Exact, 58),
			},
			ctx: func(i int) tracker.Context {
				if i == 0 {
					return tracker.Context{Place: "Brazil", PlaceID: "BR", PlaceFrom: "dateline", Event: "collapse"}
				}
				return tracker.Context{Place: "Brazil", PlaceID: "BR", PlaceFrom: "dateline", Event: "mining"}
			},
			same: [][]string{{"a-1", "b-1"}},
		},
		{
			name: "a city joins its country unless a report gives it apart",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-09-09", "ministry", tracker.Exact, 2012),
				ctxClaim("a-2", "a", "2023-09-09", "ministry", tracker.Exact, 15),
				ctxClaim("b-1", "b", "2023-09-10", "ministry", tracker.Exact, 18),
			},
			ctx: func(i int) tracker.Context {
				if i == 0 {
					return morocco(tracker.Context{})
				}
				return tracker.Context{Place: "Marrakesh", PlaceID: "gn:2542997", PlaceFrom: "sentence", Event: "earthquake"}
			},
			same: [][]string{{"a-1"}, {"a-2", "b-1"}},
		},
		{
			// an attack's toll on the street it struck is the city's
			// toll, whether the report read the street in the city or in
			// the country; a quake's toll in a village the gazetteer does
			// not know stays a part
			name: "a single-site event's unknown site is its place",
			ss: []syn{
				ctxClaim("a-1", "a", "2025-01-01", "coroner", tracker.Exact, 15),
				ctxClaim("b-1", "b", "2025-01-02", "FBI", tracker.Exact, 14),
				ctxClaim("c-1", "c", "2025-01-02", "police", tracker.Exact, 14),
				ctxClaim("d-1", "d", "2023-11-04", "police", tracker.Exact, 153),
				ctxClaim("e-1", "e", "2023-11-05", "police", tracker.Exact, 40),
			},
			ctx: func(i int) tracker.Context {
				switch i {
				case 0:
					return tracker.Context{Place: "New Orleans", PlaceID: "gn:4335045", PlaceFrom: "headline", Event: "attack"}
				case 1:
					return tracker.Context{Place: "Bourbon Street", PlaceID: "gn:4335045/bourbon street", PlaceFrom: "sentence", Event: "attack"}
				case 2:
					return tracker.Context{Place: "Bourbon Street", PlaceID: "US/bourbon street", PlaceFrom: "sentence"}
				case 3:
					return tracker.Context{Place: "Nepal", PlaceID: "NP", PlaceFrom: "headline", Event: "earthquake"}
				}
				return tracker.Context{Place: "Ramidanda", PlaceID: "NP/ramidanda", PlaceFrom: "sentence", Event: "earthquake"}
			},
			same: [][]string{{"a-1", "b-1", "c-1"}, {"d-1"}, {"e-1"}},
		},
		{
			// a train crash in Odisha: the state's toll is India's by
			// another name, though a report names West Bengal too (its
			// victims, a part: the same report gives India another
			// figure)
			name: "a one-site event's state is its country though another state is named",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-06-03", "railway", tracker.Exact, 288),
				ctxClaim("b-1", "b", "2023-06-04", "chief secretary", tracker.Exact, 275),
				ctxClaim("c-1", "c", "2023-06-04", "chief minister", tracker.Exact, 61),
				ctxClaim("c-2", "c", "2023-06-04", "chief minister", tracker.Exact, 294),
				ctxClaim("d-1", "d", "2023-06-06", "railway", tracker.Exact, 278),
			},
			ctx: func(i int) tracker.Context {
				switch i {
				case 0, 3:
					return tracker.Context{Place: "India", PlaceID: "IN", PlaceFrom: "headline", Event: "crash"}
				case 2:
					return tracker.Context{Place: "West Bengal", PlaceID: "IN.28", PlaceFrom: "sentence", Event: "crash"}
				}
				return tracker.Context{Place: "Odisha", PlaceID: "IN.21", PlaceFrom: "sentence", Event: "crash"}
			},
			same: [][]string{{"a-1", "b-1", "c-2", "d-1"}, {"c-1"}},
		},
		{
			// Crocus: the Moscow region's 182 injured beside Russia's 152
			// in one report are two counts of the attack's injured, not
			// a part and its whole (a storm's would be: below)
			name: "a one-site event's state figure beside the country's in one report is no part",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-03-24", "health ministry", tracker.Exact, 182),
				ctxClaim("a-2", "a", "2024-03-24", "emergencies ministry", tracker.Exact, 152),
				ctxClaim("b-1", "b", "2024-03-25", "health ministry", tracker.Exact, 190),
			},
			ctx: func(i int) tracker.Context {
				if i == 1 {
					return tracker.Context{Place: "Russia", PlaceID: "RU", PlaceFrom: "sentence", Event: "attack"}
				}
				return tracker.Context{Place: "Moscow", PlaceID: "RU.48", PlaceFrom: "sentence", Event: "attack"}
			},
			same: [][]string{{"a-1", "a-2", "b-1"}},
		},
		{
			name: "a regional event's state figure beside the country's in one report is a part",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-03-24", "health ministry", tracker.Exact, 182),
				ctxClaim("a-2", "a", "2024-03-24", "emergencies ministry", tracker.Exact, 152),
				ctxClaim("b-1", "b", "2024-03-25", "health ministry", tracker.Exact, 190),
			},
			ctx: func(i int) tracker.Context {
				if i == 1 {
					return tracker.Context{Place: "Russia", PlaceID: "RU", PlaceFrom: "sentence", Event: "floods"}
				}
				return tracker.Context{Place: "Moscow", PlaceID: "RU.48", PlaceFrom: "sentence", Event: "floods"}
			},
			same: [][]string{{"a-1", "b-1"}, {"a-2"}},
		},
		{
			// (a storm over two states: each state's toll is its own)
			name: "a regional event's states stay apart from the country",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-06-03", "officials", tracker.Exact, 60),
				ctxClaim("b-1", "b", "2023-06-04", "officials", tracker.Exact, 40),
				ctxClaim("c-1", "c", "2023-06-04", "officials", tracker.Exact, 20),
			},
			ctx: func(i int) tracker.Context {
				switch i {
				case 0:
					return tracker.Context{Place: "India", PlaceID: "IN", PlaceFrom: "headline", Event: "storm"}
				case 2:
					return tracker.Context{Place: "West Bengal", PlaceID: "IN.28", PlaceFrom: "sentence", Event: "storm"}
				}
				return tracker.Context{Place: "Odisha", PlaceID: "IN.21", PlaceFrom: "sentence", Event: "storm"}
			},
			same: [][]string{{"a-1"}, {"b-1"}, {"c-1"}},
		},
		{
			// "Hurricane Otis leaves 27 dead in Acapulco" over "at least
			// 27 people were killed" in Mexico: one figure as written,
			// the country's toll, so the report does not make the city a
			// part (a city's own lower figure does: the case above)
			name: "a headline's city figure the body gives its country is the country's",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-10-26", "security secretary", tracker.Exact, 27),
				ctxClaim("a-2", "a", "2023-10-26", "security secretary", tracker.AtLeast, 27),
				ctxClaim("b-1", "b", "2023-10-29", "government", tracker.Exact, 43),
				ctxClaim("c-1", "c", "2023-11-01", "government", tracker.Exact, 48),
			},
			ctx: func(i int) tracker.Context {
				acapulco := tracker.Context{Place: "Acapulco de Juárez", PlaceID: "gn:3533462", PlaceFrom: "sentence", Event: "storm"}
				switch i {
				case 1, 3:
					return tracker.Context{Place: "Mexico", PlaceID: "MX", PlaceFrom: "sentence", Event: "storm"}
				case 2:
					acapulco.PlaceFrom = "headline"
				}
				return acapulco
			},
			same: [][]string{{"a-1", "a-2", "b-1", "c-1"}},
		},
		{
			// "ASTANA –" over a mine fire in Karaganda region: the capital
			// (a region of its own) is where the reporter files, no
			// second region of the fire's, so the country's toll stays
			// whole; a second region a sentence names splits it, as
			// Helene's states do
			name: "a dateline's region is no region of the event",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-10-28", "ministry", tracker.Exact, 32),
				ctxClaim("b-1", "b", "2023-10-29", "ministry", tracker.Exact, 45),
				ctxClaim("c-1", "c", "2023-11-17", "ministry", tracker.Exact, 46),
				ctxClaim("d-1", "d", "2023-10-29", "ministry", tracker.Exact, 46),
			},
			ctx: func(i int) tracker.Context {
				switch i {
				case 0:
					return tracker.Context{Place: "Kazakhstan", PlaceID: "KZ", PlaceFrom: "headline", Event: "fire"}
				case 1:
					return tracker.Context{Place: "Karaganda", PlaceID: "KZ.12", PlaceFrom: "sentence", Event: "fire"}
				case 2:
					return tracker.Context{Place: "Astana", PlaceID: "KZ.05", PlaceFrom: "dateline", Event: "fire"}
				}
				return tracker.Context{Place: "Kazakhstan", PlaceID: "KZ", PlaceFrom: "headline", Event: "fire"}
			},
			same: [][]string{{"a-1", "b-1", "c-1", "d-1"}},
		},
		{
			// "KABUL —" over a spokesman's 1,411 and the Red Crescent's
			// 1,124 for Afghanistan in one report, in a store that also
			// holds Kunar's and Nangarhar's own figures: the dateline's
			// place is no part and no unit, so both are Afghanistan's
			// (and may be compared)
			name: "a dateline's place votes for no part",
			ss: []syn{
				ctxClaim("a-1", "a", "2025-09-01", "interior ministry", tracker.Exact, 622),
				ctxClaim("b-1", "b", "2025-09-02", "spokesman", tracker.Exact, 1411),
				ctxClaim("b-2", "b", "2025-09-02", "Red Crescent", tracker.Exact, 1124),
				ctxClaim("c-1", "c", "2025-09-01", "provincial health department", tracker.Exact, 9),
				ctxClaim("c-2", "c", "2025-09-01", "interior ministry", tracker.Exact, 610),
				ctxClaim("d-1", "d", "2025-09-06", "provincial office", tracker.Exact, 2193),
				ctxClaim("d-2", "d", "2025-09-06", "provincial office", tracker.Exact, 2205),
			},
			ctx: func(i int) tracker.Context {
				switch i {
				case 1:
					return tracker.Context{Place: "Kabul", PlaceID: "AF.13", PlaceFrom: "dateline", Event: "earthquake"}
				case 3:
					return tracker.Context{Place: "Nangarhar", PlaceID: "AF.18", PlaceFrom: "sentence", Event: "earthquake"}
				case 5:
					return tracker.Context{Place: "Kunar", PlaceID: "AF.34", PlaceFrom: "sentence", Event: "earthquake"}
				}
				return tracker.Context{Place: "Afghanistan", PlaceID: "AF", PlaceFrom: "headline", Event: "earthquake"}
			},
			same: [][]string{{"a-1", "b-1", "b-2", "c-2", "d-2"}, {"c-1"}, {"d-1"}},
		},
		{
			// a building fire's toll at its estate is the district's, and a
			// fire is a wildfire's class ("the Eaton fire")
			name: "a fire's unknown site is its place",
			ss: []syn{
				ctxClaim("a-1", "a", "2025-11-27", "police", tracker.Exact, 44),
				ctxClaim("b-1", "b", "2025-11-28", "police", tracker.Exact, 128),
				ctxClaim("c-1", "c", "2025-11-29", "police", tracker.Exact, 146),
			},
			ctx: func(i int) tracker.Context {
				switch i {
				case 0:
					return tracker.Context{Place: "Hong Kong", PlaceID: "HK", PlaceFrom: "headline", Event: "fire"}
				case 1:
					return tracker.Context{Place: "Wang Fuk Court", PlaceID: "HK/wang fuk court", PlaceFrom: "sentence", Event: "fire"}
				}
				return tracker.Context{Place: "Hong Kong", PlaceID: "HK", PlaceFrom: "headline", Event: "wildfire"}
			},
			same: [][]string{{"a-1", "b-1", "c-1"}},
		},
		{
			// "Morning bulletin: 147 dead" over a report that names no
			// place is the toll of the country its source's other
			// figures of those weeks are about
			name: "a report naming no place takes its source's country of the time",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-05-05", "civil defence", tracker.Exact, 78),
				ctxClaim("b-1", "b", "2024-05-10", "civil defence", tracker.Exact, 116),
				ctxClaim("c-1", "c", "2024-05-13", "civil defence", tracker.Exact, 147),
				ctxClaim("d-1", "d", "2024-09-13", "civil defence", tracker.Exact, 3),
			},
			ctx: func(i int) tracker.Context {
				switch i {
				case 0:
					return tracker.Context{Place: "Rio Grande do Sul", PlaceID: "BR.23", PlaceFrom: "headline", Event: "floods"}
				case 1:
					return tracker.Context{Place: "Brazil", PlaceID: "BR", PlaceFrom: "headline", Event: "floods"}
				}
				return tracker.Context{Event: "floods"}
			},
			// (and one four months on is no figure of those weeks)
			same: [][]string{{"a-1", "b-1", "c-1"}, {"d-1"}},
		},
		{
			// a local paper's bulletin story that names neither a place
			// nor a source seen elsewhere ("the Civil Defence"), in a week
			// the paper wrote only of one state's floods; a claim of it
			// whose sentence gave nothing has no context at all, and is
			// read with its report all the same
			name: "a report naming no place takes its outlet's country of the week",
			ss: []syn{
				fromOutlet(ctxClaim("a-1", "a", "2024-05-02", "state civil defence", tracker.Exact, 13), "Correio do Pampa"),
				fromOutlet(ctxClaim("b-1", "b", "2024-05-10", "fire brigade", tracker.Exact, 116), "Correio do Pampa"),
				fromOutlet(ctxClaim("c-1", "c", "2024-05-13", "Morning Bulletin", tracker.Exact, 147), "Correio do Pampa"),
				fromOutlet(ctxClaim("c-2", "c", "2024-05-13", "Civil Defence", tracker.Exact, 147), "Correio do Pampa"),
				// (another outlet's no-place figure months on takes
				// nothing from this one's stories)
				ctxClaim("d-1", "d", "2024-09-13", "Civil Defence", tracker.Exact, 3),
			},
			ctx: func(i int) tracker.Context {
				switch i {
				case 0:
					return tracker.Context{Place: "Rio Grande do Sul", PlaceID: "BR.23", PlaceFrom: "headline", Event: "floods"}
				case 1:
					return tracker.Context{Place: "Brazil", PlaceID: "BR", PlaceFrom: "headline", Event: "floods"}
				case 2:
					return tracker.Context{Headline: true}
				case 4:
					return tracker.Context{Headline: true}
				}
				return tracker.Context{}
			},
			same: [][]string{{"a-1", "b-1", "c-1", "c-2"}, {"d-1"}},
		},
		{
			// a live blog whose headline and entries name no place and
			// no event ("The toll is now 10"), from an outlet that wrote
			// nothing else those weeks: its figures have no context at
			// all, and are the toll of the one collapse the store
			// follows those two weeks
			name: "a report naming nothing takes its event's country of the fortnight",
			ss: []syn{
				ctxClaim("a-1", "a", "2021-06-24", "police", tracker.AtLeast, 1),
				ctxClaim("b-1", "b", "2021-06-26", "mayor", tracker.Exact, 5),
				fromOutlet(ctxClaim("c-1", "c", "2021-06-28", "", tracker.Exact, 10), "Gulf Stream Radio").sc(tracker.Cumulative),
			},
			ctx: func(i int) tracker.Context {
				if i == 2 {
					return tracker.Context{}
				}
				return tracker.Context{Place: "Florida", PlaceID: "US.FL", PlaceFrom: "headline", Event: "collapse"}
			},
			same: [][]string{{"a-1", "b-1", "c-1"}},
		},
		{
			// a report that names neither place nor event, in a fortnight
			// the store follows two events in two countries, takes neither:
			// the store's most common event is another story's as often as
			// not
			name: "a report naming nothing takes no event of a fortnight of two",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-05-08", "police", tracker.Exact, 110),
				ctxClaim("b-1", "b", "2023-05-09", "disaster agency", tracker.Exact, 500),
				ctxClaim("c-1", "c", "2023-05-10", "commissioner", tracker.Exact, 145),
			},
			ctx: func(i int) tracker.Context {
				switch i {
				case 0:
					return tracker.Context{Place: "Kenya", PlaceID: "KE", PlaceFrom: "headline", Event: "attack"}
				case 1:
					return tracker.Context{Place: "Malawi", PlaceID: "MW", PlaceFrom: "headline", Event: "floods"}
				}
				return tracker.Context{}
			},
			same: [][]string{{"a-1"}, {"b-1"}, {"c-1"}},
		},
		{
			// "Aftershock injures 13 in Nangarhar; quake toll stands at
			// 2,205": the 2,205 the report's place took is the country's,
			// which another report gives, not Nangarhar's (its own 12)
			name: "a province's report's figure equal to the country's is the country's",
			ss: []syn{
				ctxClaim("a-1", "a", "2025-09-04", "spokesman", tracker.Exact, 2205),
				ctxClaim("a-2", "a", "2025-09-04", "spokesman", tracker.Exact, 2205),
				ctxClaim("b-1", "b", "2025-09-05", "Taliban administration", tracker.Exact, 2205),
				ctxClaim("b-2", "b", "2025-09-05", "health department", tracker.Exact, 12).in("Nangarhar"),
				ctxClaim("c-1", "c", "2025-09-05", "health department", tracker.Exact, 12).in("Nangarhar"),
				ctxClaim("d-1", "d", "2025-09-01", "ministry", tracker.Exact, 622).in("Kunar"),
			},
			ctx: func(i int) tracker.Context {
				switch i {
				case 0, 1:
					return tracker.Context{Place: "Afghanistan", PlaceID: "AF", PlaceFrom: "headline", Event: "earthquake"}
				case 2:
					return tracker.Context{Place: "Nangarhar", PlaceID: "AF.18", PlaceFrom: "headline", Event: "earthquake"}
				case 5:
					return tracker.Context{Place: "Kunar", PlaceID: "AF.34", PlaceFrom: "sentence", Event: "earthquake"}
				}
				return tracker.Context{Place: "Nangarhar", PlaceID: "AF.18", PlaceFrom: "sentence", Event: "earthquake"}
			},
			same: [][]string{{"a-1", "a-2", "b-1"}, {"b-2", "c-1"}, {"d-1"}},
		},
		{
			// a plane crash's toll at the airport is the country's
			name: "a crash's unknown site is its place",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-12-29", "fire agency", tracker.Exact, 179),
				ctxClaim("b-1", "b", "2024-12-29", "fire agency", tracker.AtLeast, 28),
			},
			ctx: func(i int) tracker.Context {
				if i == 0 {
					return tracker.Context{Place: "South Korea", PlaceID: "KR", PlaceFrom: "headline", Event: "crash"}
				}
				return tracker.Context{Place: "Muan airport", PlaceID: "KR/muan airport", PlaceFrom: "sentence", Event: "crash"}
			},
			same: [][]string{{"a-1", "b-1"}},
		},
		{
			// the place a figure shares with its report, three times below
			// a figure of the same source in that report, is a part
			name: "far below its own report's figure of the same source is a part",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-09-09", "ministry", tracker.Exact, 2012).in("Morocco"),
				ctxClaim("a-2", "a", "2023-09-09", "ministry", tracker.Exact, 452),
				ctxClaim("b-1", "b", "2023-09-10", "ministry", tracker.Exact, 2122).in("Morocco"),
			},
			ctx: func(i int) tracker.Context {
				c := morocco(tracker.Context{})
				if i != 1 {
					c.PlaceFrom = "sentence"
				}
				return c
			},
			same: [][]string{{"a-1", "b-1"}, {"a-2"}},
		},
		{
			// a sudden disaster's toll rises tenfold in a day: the dawn
			// bulletin is not a part of the night's
			name: "an early bulletin of the day is the whole",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-09-09", "interior ministry", tracker.AtLeast, 296).in("Morocco"),
				ctxClaim("a-2", "a", "2023-09-09", "interior ministry", tracker.AtLeast, 296),
				ctxClaim("b-1", "b", "2023-09-09", "interior ministry", tracker.Exact, 1037).in("Morocco"),
				ctxClaim("c-1", "c", "2023-09-09", "interior ministry", tracker.Exact, 2012).in("Morocco"),
				ctxClaim("d-1", "d", "2023-10-08", "Red Crescent", tracker.Exact, 500),
				ctxClaim("e-1", "e", "2023-10-08", "ministry", tracker.AtLeast, 2001).in("Morocco"),
			},
			ctx: func(i int) tracker.Context {
				c := morocco(tracker.Context{})
				if i != 1 && i != 4 {
					c.PlaceFrom = "sentence"
				}
				return c
			},
			// (and one other figure of the day, 2,001 against the Red
			// Crescent's 500, is too little to call 500 a part)
			same: [][]string{{"a-1", "a-2", "b-1", "c-1", "d-1", "e-1"}},
		},
		{
			// the report's "up from 73" differs from Kerman's 103 because it
			// is older: it does not make Kerman a part of Iran; Kerman's 103
			// equals Iran's 103, so Kerman is Iran by another name
			name: "a province equal to its country's figure beside a prior joins it",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-01-03", "state media", tracker.Exact, 103),
				ctxClaim("a-2", "a", "2024-01-03", "state television", tracker.Exact, 73).isPrior(),
				ctxClaim("a-3", "a", "2024-01-03", "state media", tracker.Exact, 103),
				ctxClaim("b-1", "b", "2024-01-03", "health minister", tracker.Exact, 95),
				ctxClaim("c-1", "c", "2024-01-04", "interior minister", tracker.Exact, 84),
			},
			ctx: func(i int) tracker.Context {
				if i < 2 || i == 4 {
					return tracker.Context{Place: "Iran", PlaceID: "IR", PlaceFrom: "headline", Event: "attack"}
				}
				return tracker.Context{Place: "Kerman", PlaceID: "IR.29", PlaceFrom: "sentence", Event: "attack"}
			},
			same: [][]string{{"a-1", "a-3", "b-1", "c-1"}},
		},
		{
			// one report's breakdown outvotes nothing: Kerman's 15 beside
			// Iran's 103 is a part in a, and no report says otherwise
			name: "a province that differs from its country's figure is a part",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-01-03", "state media", tracker.Exact, 103),
				ctxClaim("a-2", "a", "2024-01-03", "state media", tracker.Exact, 15),
				ctxClaim("b-1", "b", "2024-01-04", "ministry", tracker.Exact, 16),
			},
			ctx: func(i int) tracker.Context {
				if i == 0 {
					return tracker.Context{Place: "Iran", PlaceID: "IR", PlaceFrom: "sentence", Event: "attack"}
				}
				return tracker.Context{Place: "Kerman", PlaceID: "IR.29", PlaceFrom: "sentence", Event: "attack"}
			},
			same: [][]string{{"a-1"}, {"a-2", "b-1"}},
		},
		{
			// Grenfell: reports that name only the tower, beside reports
			// of London on the same days; a quake's village stays a part
			name: "a one-site event's site no report places is in its bucket's country of those days",
			ss: []syn{
				ctxClaim("a-1", "a", "2017-06-14", "police", tracker.Exact, 12),
				ctxClaim("b-1", "b", "2017-06-15", "police", tracker.Exact, 17),
				ctxClaim("c-1", "c", "2017-06-16", "police", tracker.Exact, 30),
				ctxClaim("d-1", "d", "2015-04-26", "police", tracker.Exact, 2400),
				ctxClaim("e-1", "e", "2015-04-26", "police", tracker.Exact, 40),
			},
			ctx: func(i int) tracker.Context {
				switch i {
				case 0, 2:
					return tracker.Context{Place: "London", PlaceID: "gn:2643743", PlaceFrom: "headline", Event: "fire"}
				case 1:
					return tracker.Context{Place: "Grenfell Tower", PlaceFrom: "sentence", Event: "fire"}
				case 3:
					return tracker.Context{Place: "Nepal", PlaceID: "NP", PlaceFrom: "headline", Event: "earthquake"}
				}
				return tracker.Context{Place: "Langtang", PlaceFrom: "sentence", Event: "earthquake"}
			},
			same: [][]string{{"a-1", "b-1", "c-1"}, {"d-1"}, {"e-1"}},
		},
		{
			// Mumbai: an anniversary feature's "the attacks of November
			// 2008 killed 166" is the attacks' final count; a 2015 toll
			// in a report of 2023 stays its own
			name: "a past year's toll of an event the store follows is its running total",
			ss: []syn{
				ctxClaim("a-1", "a", "2008-11-27", "police", tracker.Exact, 125),
				ctxClaim("b-1", "b", "2008-12-01", "police", tracker.Exact, 171),
				ctxClaim("c-1", "c", "2009-11-26", "officials", tracker.Exact, 166),
				ctxClaim("d-1", "d", "2016-11-26", "officials", tracker.Exact, 166),
			},
			ctx: func(i int) tracker.Context {
				c := tracker.Context{Place: "India", PlaceID: "IN", PlaceFrom: "headline", Event: "attack"}
				if i >= 2 {
					c.Past = "2008"
				}
				return c
			},
			same: [][]string{{"a-1", "b-1", "c-1"}, {"d-1"}},
		},
		{
			// Grenfell: "about 80" in June, the final 71 in November
			name: "a toll settled months later stays its event's",
			ss: []syn{
				ctxClaim("a-1", "a", "2017-06-16", "police", tracker.Exact, 30),
				ctxClaim("b-1", "b", "2017-06-28", "police", tracker.Approx, 80),
				ctxClaim("c-1", "c", "2017-11-16", "police", tracker.Exact, 71),
				ctxClaim("d-1", "d", "2019-06-14", "Weekly Ledger", tracker.Exact, 72),
			},
			ctx: func(int) tracker.Context {
				return tracker.Context{Place: "London", PlaceID: "gn:2643743", PlaceFrom: "headline", Event: "fire"}
			},
			same: [][]string{{"a-1", "b-1", "c-1", "d-1"}},
		},
		{
			// Maui's fire of August 2023 and the Los Angeles fires of
			// January 2025 are both "people killed in the United States";
			// a county toll corrected three months on is still its event's
			name: "a disaster of one kind a season later is another series",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-08-10", "county officials", tracker.Exact, 36),
				ctxClaim("b-1", "b", "2023-08-21", "county officials", tracker.Exact, 115),
				ctxClaim("c-1", "c", "2023-11-10", "county officials", tracker.Exact, 100).isRevised(),
				ctxClaim("d-1", "d", "2025-01-09", "sheriff", tracker.Exact, 10),
				ctxClaim("e-1", "e", "2025-01-14", "sheriff", tracker.Exact, 24),
			},
			ctx: func(int) tracker.Context {
				return tracker.Context{Place: "United States", PlaceID: "US", PlaceFrom: "headline", Event: "wildfire"}
			},
			same: [][]string{{"a-1", "b-1", "c-1"}, {"d-1", "e-1"}},
		},
		{
			name: "a wildfire's toll is not a storm's",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-10-01", "officials", tracker.Exact, 133),
				ctxClaim("b-1", "b", "2024-10-02", "officials", tracker.Exact, 24),
				ctxClaim("c-1", "c", "2024-10-03", "officials", tracker.Exact, 155),
			},
			ctx: func(i int) tracker.Context {
				e := "storm"
				if i == 1 {
					e = "wildfire"
				}
				return tracker.Context{Place: "United States", PlaceID: "US", PlaceFrom: "headline", Event: e}
			},
			same: [][]string{{"a-1", "c-1"}, {"b-1"}},
		},
		{
			// the store followed a collapse in Florida in 2021, with more
			// figures than the attack of 2025; a 2025 report naming no
			// event is about the attack, the one near in time
			name: "a report naming no event takes its country's event of the time",
			ss: []syn{
				ctxClaim("a-1", "a", "2021-06-25", "mayor", tracker.Exact, 4),
				ctxClaim("b-1", "b", "2021-06-28", "mayor", tracker.Exact, 11),
				ctxClaim("c-1", "c", "2021-07-01", "mayor", tracker.Exact, 18),
				ctxClaim("d-1", "d", "2025-01-01", "police", tracker.AtLeast, 10),
				ctxClaim("e-1", "e", "2025-01-01", "coroner", tracker.Exact, 15),
			},
			ctx: func(i int) tracker.Context {
				switch i {
				case 0, 1, 2:
					return tracker.Context{Place: "United States", PlaceID: "US", PlaceFrom: "headline", Event: "collapse"}
				case 3:
					return tracker.Context{Place: "United States", PlaceID: "US", PlaceFrom: "headline", Event: "attack"}
				}
				return tracker.Context{Place: "United States", PlaceID: "US", PlaceFrom: "headline"}
			},
			same: [][]string{{"a-1", "b-1", "c-1"}, {"d-1", "e-1"}},
		},
		{
			// the Los Angeles fires, with more figures, began a week after
			// the New Orleans attack: a New Orleans report naming no event
			// is the attack's, its own city's event of the time
			name: "a report naming no event takes its place's event before its country's",
			ss: []syn{
				ctxClaim("a-1", "a", "2025-01-01", "police", tracker.AtLeast, 10),
				ctxClaim("b-1", "b", "2025-01-09", "sheriff", tracker.Exact, 10),
				ctxClaim("c-1", "c", "2025-01-10", "sheriff", tracker.Exact, 11),
				ctxClaim("d-1", "d", "2025-01-11", "sheriff", tracker.Exact, 16),
				ctxClaim("e-1", "e", "2025-01-02", "coroner", tracker.Exact, 15),
			},
			ctx: func(i int) tracker.Context {
				switch i {
				case 0:
					return tracker.Context{Place: "New Orleans", PlaceID: "gn:4335045", PlaceFrom: "headline", Event: "attack"}
				case 1, 2, 3:
					return tracker.Context{Place: "Los Angeles County", PlaceID: "US.CA.037", PlaceFrom: "headline", Event: "wildfire"}
				}
				return tracker.Context{Place: "New Orleans", PlaceID: "gn:4335045", PlaceFrom: "headline"}
			},
			same: [][]string{{"a-1", "e-1"}, {"b-1", "c-1", "d-1"}},
		},
		{
			// a hajj report of June that names no event is not July's
			// landslide's, the country's only event, six weeks on
			name: "a report naming no event takes no event of another season",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-06-21", "foreign ministry", tracker.Exact, 98),
				ctxClaim("b-1", "b", "2024-07-31", "army", tracker.Exact, 89),
				ctxClaim("c-1", "c", "2024-08-01", "state government", tracker.Exact, 190),
			},
			ctx: func(i int) tracker.Context {
				if i == 0 {
					return tracker.Context{Place: "India", PlaceID: "IN", PlaceFrom: "headline"}
				}
				return tracker.Context{Place: "India", PlaceID: "IN", PlaceFrom: "headline", Event: "landslide"}
			},
			same: [][]string{{"b-1", "c-1"}, {"a-1"}},
		},
		{
			name: "far below the day before is a part",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-09-13", "Red Crescent", tracker.Exact, 5500).in("Libya"),
				ctxClaim("b-1", "b", "2023-09-14", "society", tracker.Approx, 170),
				ctxClaim("c-1", "c", "2023-09-14", "Red Crescent", tracker.Exact, 6000),
			},
			ctx: func(i int) tracker.Context {
				c := tracker.Context{Place: "Libya", PlaceID: "LY", PlaceFrom: "headline", Event: "floods"}
				if i == 0 {
					c.PlaceFrom = "sentence"
				}
				return c
			},
			same: [][]string{{"a-1", "c-1"}, {"b-1"}},
		},
		{
			name: "the states of an event over several are their own series",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-10-01", "officials", tracker.AtLeast, 160),
				ctxClaim("b-1", "b", "2024-10-01", "state", tracker.Exact, 56),
				ctxClaim("c-1", "c", "2024-10-01", "state", tracker.Exact, 25),
				ctxClaim("d-1", "d", "2024-10-02", "state", tracker.Exact, 65),
			},
			ctx: func(i int) tracker.Context {
				return []tracker.Context{
					{Place: "United States", PlaceID: "US", PlaceFrom: "sentence", Event: "hurricane"},
					{Place: "North Carolina", PlaceID: "US.NC", PlaceFrom: "sentence", Event: "hurricane"},
					{Place: "Georgia", PlaceID: "US.GA", PlaceFrom: "sentence", Event: "hurricane"},
					{Place: "North Carolina", PlaceID: "US.NC", PlaceFrom: "headline", Event: "hurricane"},
				}[i]
			},
			same: [][]string{{"a-1"}, {"b-1", "d-1"}, {"c-1"}},
		},
		{
			name: "the one province of an event is its country's by another name",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-10-08", "ministry", tracker.Exact, 2053),
				ctxClaim("b-1", "b", "2023-10-09", "ministry", tracker.Exact, 2445),
			},
			ctx: func(i int) tracker.Context {
				if i == 0 {
					return tracker.Context{Place: "Herat", PlaceID: "AF.11", PlaceFrom: "sentence", Event: "earthquake"}
				}
				return tracker.Context{Place: "Afghanistan", PlaceID: "AF", PlaceFrom: "headline", Event: "earthquake"}
			},
			same: [][]string{{"a-1", "b-1"}},
		},
		{
			name: "a historical toll is its own series",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-09-09", "ministry", tracker.Exact, 2012),
				ctxClaim("a-2", "a", "2023-09-09", "", tracker.Approx, 12000),
			},
			ctx: func(i int) tracker.Context {
				c := morocco(tracker.Context{})
				if i == 1 {
					c.Past = "1960"
				}
				return c
			},
			same: [][]string{{"a-1"}, {"a-2"}},
		},
		{
			name: "another event class in the same country stays apart",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-09-11", "ministry", tracker.Exact, 242),
				ctxClaim("a-2", "a", "2024-09-11", "", tracker.Exact, 212),
			},
			ctx: func(i int) tracker.Context {
				c := tracker.Context{Place: "Sudan", PlaceID: "SD", PlaceFrom: "headline", Event: "cholera"}
				if i == 1 {
					c.Event = "floods"
				}
				return c
			},
			same: [][]string{{"a-1"}, {"a-2"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := seriesOfClaims(t, withCtx(tt.ss, tt.ctx))
			var titles []string
			for _, g := range tt.same {
				for _, id := range g[1:] {
					if got[id] != got[g[0]] {
						t.Errorf("%s in %q, %s in %q; want one series", g[0], got[g[0]], id, got[id])
					}
				}
				if slices.Contains(titles, got[g[0]]) {
					t.Errorf("%s shares series %q with another group", g[0], got[g[0]])
				}
				titles = append(titles, got[g[0]])
			}
		})
	}
}

func TestContextFindings(t *testing.T) {
	tests := []struct {
		name string
		ss   []syn
		want []string // kind and claim ids of each finding
	}{
		{
			// Brumadinho: 160 missing on 10 February, 141 still sought on
			// 25 February, a weekly's 160 on 1 March
			name: "the missing climbing back to an old figure is a stale repeat",
			ss: []syn{
				ctxClaim("a-1", "a", "2019-02-10", "civil defence", tracker.Exact, 160).cat_(tracker.Missing),
				ctxClaim("b-1", "b", "2019-02-25", "fire brigade", tracker.Exact, 141).cat_(tracker.Missing),
				ctxClaim("c-1", "c", "2019-03-01", "Mining Ledger", tracker.Exact, 160).cat_(tracker.Missing),
			},
			want: []string{"stale_repeat c-1 b-1"},
		},
		{
			name: "the missing moving by a few is no stale repeat",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-03-21", "disaster department", tracker.Exact, 537).cat_(tracker.Missing),
				ctxClaim("b-1", "b", "2023-03-22", "agency", tracker.Exact, 533).cat_(tracker.Missing),
				ctxClaim("c-1", "c", "2023-04-24", "Summit Herald", tracker.Exact, 537).cat_(tracker.Missing),
			},
			want: nil,
		},
		{
			name: "a later lower figure that an earlier report gave is a stale repeat",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-09-09", "interior ministry", tracker.Exact, 2012),
				ctxClaim("b-1", "b", "2023-09-12", "interior ministry", tracker.Exact, 2681),
				ctxClaim("c-1", "c", "2023-09-12", "Tidewater", tracker.Exact, 2012),
			},
			want: []string{"stale_repeat c-1 b-1"},
		},
		{
			// "177 … after the final 179": the fire agency's 179 of the
			// night, repeated by the city for days, is the figure the
			// feature ignores, and the finding cites where it was first
			// given beside the latest
			name: "a stale repeat cites where the figure it ignores was first given",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-12-29", "fire agency", tracker.Exact, 177),
				ctxClaim("b-1", "b", "2024-12-29", "fire agency", tracker.Exact, 179),
				ctxClaim("c-1", "c", "2025-01-02", "city", tracker.Exact, 179),
				ctxClaim("d-1", "d", "2025-01-06", "Weekly Ledger", tracker.Exact, 177),
			},
			want: []string{"stale_repeat d-1 c-1 b-1"},
		},
		{
			// "2,053 … after its 2,445 of the same night": the highest
			// figure since the one repeated is cited beside the latest
			name: "a stale repeat cites the highest figure given since the one it repeats",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-10-08", "disaster ministry", tracker.Exact, 2053),
				ctxClaim("b-1", "b", "2023-10-08", "disaster ministry", tracker.Exact, 2445),
				ctxClaim("c-1", "c", "2023-10-09", "administration", tracker.MoreThan, 2400),
				ctxClaim("d-1", "d", "2023-10-09", "Taliban government", tracker.Exact, 2053),
			},
			want: []string{"stale_repeat d-1 c-1 b-1"},
		},
		{
			// (figures above the repeat published before the figure it
			// repeats made nothing old: not cited)
			name: "a stale repeat cites no higher figure older than the one it repeats",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-10-07", "provincial officials", tracker.Exact, 3000),
				ctxClaim("b-1", "b", "2023-10-08", "disaster ministry", tracker.Exact, 2053),
				ctxClaim("c-1", "c", "2023-10-09", "disaster ministry", tracker.Exact, 2445),
				ctxClaim("d-1", "d", "2023-10-10", "Taliban government", tracker.Exact, 2053),
			},
			want: []string{"decrease a-1 b-1", "stale_repeat d-1 c-1"},
		},
		{
			// "the earthquake that killed more than 1,600 people in
			// Myanmar last week", after 2,719: the 1,644 of 29 March
			name: "an outlet's round floor after a higher toll repeats the figure it rounds down",
			ss: []syn{
				ctxClaim("a-1", "a", "2025-03-29", "junta", tracker.Exact, 1644),
				ctxClaim("b-1", "b", "2025-04-01", "junta", tracker.Exact, 2719),
				ctxClaim("c-1", "c", "2025-04-02", "", tracker.MoreThan, 1600),
			},
			want: []string{"stale_repeat c-1 b-1"},
		},
		{
			// a mine fire's morning: the region's 11 and the company's
			// 16, before the ministry's 42 that night
			name: "two earlier bulletins of an event's first day below its highest figure are no rivals",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-10-28", "regional authorities", tracker.Exact, 11),
				ctxClaim("b-1", "b", "2023-10-28", "company", tracker.Exact, 16),
				ctxClaim("c-1", "c", "2023-10-28", "ministry", tracker.Exact, 42),
			},
			want: []string{"sources_disagree c-1 b-1", "sources_disagree c-1 a-1"},
		},
		{
			// (the Red Crescent's 500 against the ministry's 2,053, both
			// below the 2,445 of that night: two counts apart)
			name: "two figures of an event's first day more than twice apart stay rivals below its highest",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-10-08", "Red Crescent", tracker.Exact, 500),
				ctxClaim("b-1", "b", "2023-10-08", "disaster ministry", tracker.Exact, 2053),
				ctxClaim("c-1", "c", "2023-10-08", "administration", tracker.Exact, 2445),
			},
			want: []string{"sources_disagree c-1 b-1", "sources_disagree c-1 a-1", "sources_disagree b-1 a-1"},
		},
		{
			name: "a named origin's round floor is its own estimate, no repeat",
			ss: []syn{
				ctxClaim("a-1", "a", "2025-03-29", "junta", tracker.Exact, 1644),
				ctxClaim("b-1", "b", "2025-04-01", "junta", tracker.Exact, 2719),
				ctxClaim("c-1", "c", "2025-04-02", "migration agency", tracker.MoreThan, 1600),
			},
		},
		{
			name: "a round floor of one significant digit repeats no figure",
			ss: []syn{
				ctxClaim("a-1", "a", "2025-03-29", "junta", tracker.Exact, 2445),
				ctxClaim("b-1", "b", "2025-04-01", "junta", tracker.Exact, 2900),
				ctxClaim("c-1", "c", "2025-04-02", "", tracker.MoreThan, 2000),
			},
		},
		{
			name: "a repeat may change the qualifier",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-03-15", "disaster department", tracker.Exact, 225),
				ctxClaim("b-1", "b", "2023-03-16", "president", tracker.Exact, 326),
				ctxClaim("c-1", "c", "2023-03-17", "Sentinel", tracker.AtLeast, 225),
			},
			want: []string{"stale_repeat c-1 b-1"},
		},
		{
			name: "a stated revision to an open figure below the last",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-10-08", "disaster ministry", tracker.Exact, 9240),
				ctxClaim("b-1", "b", "2023-10-09", "disaster ministry", tracker.MoreThan, 2000).isRevised(),
			},
			want: []string{"revision a-1 b-1"},
		},
		{
			// "one, a pony ride operator, was a local, police said …,
			// correcting earlier accounts": the correction is about a
			// part, and the toll given again later is no figure revised
			// away
			name: "a figure called corrected at a tenth of the toll, no earlier figure stated, is no revision",
			ss: []syn{
				ctxClaim("a-1", "a", "2025-04-22", "officials", tracker.Exact, 26),
				ctxClaim("b-1", "b", "2025-04-23", "police", tracker.Exact, 2).isRevised(),
				ctxClaim("c-1", "c", "2025-04-26", "Valley Sentinel", tracker.Exact, 26),
			},
		},
		{
			name: "a revision is of the figure its text states, not of a higher one of another quantity",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-01-09", "prefectural officials", tracker.Exact, 202),
				ctxClaim("b-1", "b", "2024-01-09", "Ishikawa prefecture", tracker.Exact, 90).isRevised().says("It revised the toll down to 90 from 91."),
				ctxClaim("b-2", "b", "2024-01-09", "Ishikawa prefecture", tracker.Exact, 91).isPrior().isRevised().says("It revised the toll down to 90 from 91."),
			},
			want: []string{"revision b-2 b-1"},
		},
		{
			// a live blog's 19:30 bulletin and its 23:05 correction: the
			// correction's "down from 103" names the blog's own 103, and
			// the two are a revision, not two sources at odds
			name: "a figure stated as down from its own report's earlier one revises that one",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-01-03", "state media", tracker.Exact, 103),
				ctxClaim("b-1", "b", "2024-01-03", "IRNA", tracker.Exact, 103),
				ctxClaim("b-2", "b", "2024-01-03", "health minister", tracker.Exact, 95).says("The health minister said 95 people were killed, revising the figure down from 103."),
				ctxClaim("b-3", "b", "2024-01-03", "health minister", tracker.Exact, 103).isPrior().says("The health minister said 95 people were killed, revising the figure down from 103."),
			},
			want: []string{"revision b-1 b-2 b-3"},
		},
		{
			// the 103 a revision lowered, given again two days later by
			// another report: an older figure, not a rise from 95
			name: "a figure revised away and given again later is a stale repeat",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-01-03", "state media", tracker.Exact, 103),
				ctxClaim("b-1", "b", "2024-01-03", "health minister", tracker.Exact, 95).says("The minister said 95 people were killed, revising the figure down from 103."),
				ctxClaim("b-2", "b", "2024-01-03", "health minister", tracker.Exact, 103).isPrior().says("The minister said 95 people were killed, revising the figure down from 103."),
				ctxClaim("c-1", "c", "2024-01-05", "Security Review", tracker.Exact, 103),
			},
			want: []string{"revision a-1 b-1 b-2", "stale_repeat c-1 b-1"},
		},
		{
			name: "a stated revision of a figure no report gave, with nothing above it, is a revision",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-05-15", "civil defence", tracker.Exact, 149),
				ctxClaim("b-1", "b", "2024-05-29", "civil defence", tracker.Exact, 169).isRevised().says("The civil defence revised the number of flood deaths down to 169 from 170 on Wednesday."),
				ctxClaim("b-2", "b", "2024-05-29", "civil defence", tracker.Exact, 170).isPrior().isRevised().says("The civil defence revised the number of flood deaths down to 169 from 170 on Wednesday."),
			},
			want: []string{"revision b-2 b-1"},
		},
		{
			// (a part beside a total's "up from 12" is below the 12 too:
			// no revision unless the text says revised)
			name: "a figure below a prior of its sentence that the text does not call revised is no revision",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-09-20", "health ministry", tracker.Exact, 3).of("women"),
				ctxClaim("b-1", "b", "2024-09-21", "health ministry", tracker.Exact, 7).of("women").says("The ministry said 31 people, including seven women, were killed, up from 12."),
				ctxClaim("b-2", "b", "2024-09-21", "health ministry", tracker.Exact, 12).of("women").isPrior().says("The ministry said 31 people, including seven women, were killed, up from 12."),
			},
		},
		{
			// "94 were in Kerr County, up from 87 reported by the sheriff
			// that morning": the text gives the sheriff's 87 as the figure
			// before
			name: "a figure its rival states as its earlier one is a succession, not a disagreement",
			ss: []syn{
				ctxClaim("a-1", "a", "2025-07-08", "sheriff", tracker.Exact, 87),
				ctxClaim("b-1", "b", "2025-07-08", "governor", tracker.Exact, 94).says("Of the dead, 94 were in Kerr County, up from 87 reported by the sheriff that morning."),
				ctxClaim("b-2", "b", "2025-07-08", "governor", tracker.Exact, 87).isPrior().says("Of the dead, 94 were in Kerr County, up from 87 reported by the sheriff that morning."),
			},
		},
		{
			name: "an outlet's unattributed figure within twice a named one of the day raises nothing",
			ss: []syn{
				ctxClaim("a-1", "a", "2025-03-29", "junta", tracker.Exact, 3408),
				ctxClaim("b-1", "b", "2025-03-29", "", tracker.Exact, 2376),
			},
		},
		{
			name: "a live blog's bulletins of one day within twice each other raise nothing",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-01-03", "national emergency service", tracker.Exact, 73).says("18:10 - The state broadcaster, citing the emergency service, puts the toll at 73."),
				ctxClaim("a-2", "a", "2024-01-03", "IRNA", tracker.Exact, 103).says("19:30 - IRNA says 103 people have been killed."),
			},
		},
		{
			name: "a live blog's breakdown is no part of an earlier entry's total",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-12-29", "fire agency", tracker.Exact, 47).says("10:50 - The fire agency says 47 people have been confirmed dead."),
				ctxClaim("a-2", "a", "2024-12-29", "fire agency", tracker.Exact, 85).says("13:25 - 85 people are now confirmed dead, according to the fire agency: 46 women and 39 men."),
				ctxClaim("a-3", "a", "2024-12-29", "fire agency", tracker.Exact, 46).of("women").says("13:25 - 85 people are now confirmed dead, according to the fire agency: 46 women and 39 men."),
				ctxClaim("a-4", "a", "2024-12-29", "fire agency", tracker.Exact, 39).of("men").says("13:25 - 85 people are now confirmed dead, according to the fire agency: 46 women and 39 men."),
			},
		},
		{
			name: "a live blog's later entry's part is no part of an earlier entry's whole",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-10-28", "regional administration", tracker.Exact, 25).says("15:50 – Now 25 dead, local media report, citing the regional administration."),
				ctxClaim("a-2", "a", "2023-10-28", "ministry", tracker.Exact, 32).of("soldiers").says("18:20 – The ministry says 32 soldiers have been killed and 14 are missing."),
			},
		},
		{
			// (the outlet is the origin: not its copy of some bulletin)
			name: "an outlet's own tally beside a named origin's figure in one report disagrees with it",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-08-02", "chief minister", tracker.Exact, 215),
				ctxClaim("a-2", "a", "2024-08-02", "", tracker.Exact, 334).says("An unofficial tally by this newspaper, drawn from hospital and mortuary records, put the number of dead at 334 on Friday evening."),
			},
			want: []string{"sources_disagree a-2 a-1"},
		},
		{
			name: "our own count is the outlet's, an origin of its own",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-08-02", "chief minister", tracker.Exact, 215),
				ctxClaim("a-2", "a", "2024-08-02", "", tracker.Exact, 334).says("By our own count of hospital records, the dead numbered 334."),
			},
			want: []string{"sources_disagree a-2 a-1"},
		},
		{
			name: "an outlet's figure it does not say it counted is its copy of a bulletin",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-08-02", "chief minister", tracker.Exact, 215),
				ctxClaim("a-2", "a", "2024-08-02", "", tracker.Exact, 334).says("The number of dead rose to 334 on Friday evening."),
			},
		},
		{
			name: "a live blog's counts four times apart are two sources at odds",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-10-08", "Red Crescent", tracker.Exact, 500).says("09:40 — The Red Crescent says 500 people have died."),
				ctxClaim("a-2", "a", "2023-10-08", "disaster ministry", tracker.Exact, 2053).says("13:15 — The disaster ministry says 2,053 people have been killed."),
			},
			want: []string{"sources_disagree a-2 a-1"},
		},
		{
			name: "a stated correction of another report's figure the same day is a revision",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-09-10", "interior ministry", tracker.Exact, 2212),
				ctxClaim("b-1", "b", "2023-09-10", "interior ministry", tracker.Exact, 2122).isRevised(),
			},
			want: []string{"revision a-1 b-1"},
		},
		{
			name: "two origins far apart on one day through open bounds",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-10-08", "Israeli officials", tracker.AtLeast, 250),
				ctxClaim("b-1", "b", "2023-10-08", "Israeli television", tracker.MoreThan, 600),
			},
			want: []string{"sources_far_apart a-1 b-1"},
		},
		{
			// Crocus: "revised the number injured sharply upwards to 551,
			// from 382"
			name: "a stated revision upward cites the figure it revises",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-03-27", "emergencies ministry", tracker.Exact, 382).cat_(tracker.Injured),
				ctxClaim("b-1", "b", "2024-03-30", "emergencies ministry", tracker.Exact, 551).cat_(tracker.Injured).isRevised().says("The ministry revised the number injured upwards to 551, from 382."),
				ctxClaim("b-2", "b", "2024-03-30", "emergencies ministry", tracker.Exact, 382).cat_(tracker.Injured).isPrior().says("The ministry revised the number injured upwards to 551, from 382."),
			},
			want: []string{"revision b-2 a-1 b-1"},
		},
		{
			// Sewol's first hours: the government's "at least 2" and a
			// radio's 4; Lebanon's "at least 3" and 12
			name: "two open figures a handful apart are not far apart",
			ss: []syn{
				ctxClaim("a-1", "a", "2014-04-16", "government", tracker.AtLeast, 2),
				ctxClaim("b-1", "b", "2014-04-16", "radio", tracker.Exact, 4),
				ctxClaim("c-1", "c", "2024-09-18", "state media", tracker.AtLeast, 3).in("Lebanon"),
				ctxClaim("d-1", "d", "2024-09-18", "health ministry", tracker.Exact, 12).in("Lebanon"),
			},
		},
		{
			// Derna: the eastern administration's more than 2,000 and the
			// Red Crescent's at least 150, both named in one report
			name: "one report's two origins far apart on one day",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-09-11", "eastern administration", tracker.MoreThan, 2000).in("Morocco"),
				ctxClaim("a-2", "a", "2023-09-11", "Red Crescent", tracker.AtLeast, 150).in("Morocco"),
			},
			want: []string{"sources_far_apart a-2 a-1"},
		},
		{
			// (the outlet's own figure beside a named one may count
			// another thing the report tells apart)
			name: "one report's figure of its outlet is never far apart from its named one",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-09-11", "eastern administration", tracker.MoreThan, 2000).in("Morocco"),
				ctxClaim("a-2", "a", "2023-09-11", "", tracker.AtLeast, 150).in("Morocco"),
			},
		},
		{
			// "hundreds" is at least 100 and may be 900: its bound says
			// nothing of how far it is from "more than 2,000"
			name: "a vague word is never far apart from an open figure",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-05-29", "provincial administration", tracker.Vague, 100),
				ctxClaim("b-1", "b", "2024-05-29", "disaster centre", tracker.MoreThan, 2000),
			},
		},
		{
			name: "one origin's rising bulletins of one day raise nothing",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-09-09", "interior ministry", tracker.AtLeast, 296),
				ctxClaim("b-1", "b", "2023-09-09", "interior ministry", tracker.Exact, 632),
				ctxClaim("c-1", "c", "2023-09-09", "interior ministry", tracker.Exact, 2012),
			},
		},
		{
			name: "figures twenty times apart on one day are two quantities, not a disagreement",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-10-01", "health ministry", tracker.Exact, 545),
				ctxClaim("b-1", "b", "2024-10-01", "ministry", tracker.Exact, 7),
			},
		},
		{
			name: "a fall across a change of source stays a warning",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-09-10", "interior ministry", tracker.Exact, 2122),
				ctxClaim("b-1", "b", "2023-09-12", "Red Crescent", tracker.Exact, 1591),
			},
			want: []string{"decrease a-1 b-1"},
		},
		{
			// "WHO reports 2,601 fatalities as of 30 March … the
			// authorities' figures on 31 March were 2,056 dead", read
			// side by side on one day
			name: "two origins' figures published on one day, the older above the newer, disagree",
			ss: []syn{
				ctxClaim("a-1", "a", "2025-03-30", "WHO", tracker.Exact, 2601).publishedOn("2025-03-31"),
				ctxClaim("b-1", "b", "2025-03-31", "authorities", tracker.Exact, 2056),
			},
			want: []string{"sources_disagree a-1 b-1"},
		},
		{
			name: "the same fall published on two days stays a fall across a change of source",
			ss: []syn{
				ctxClaim("a-1", "a", "2025-03-30", "WHO", tracker.Exact, 2601),
				ctxClaim("b-1", "b", "2025-03-31", "authorities", tracker.Exact, 2056),
			},
			want: []string{"decrease a-1 b-1"},
		},
		{
			// (the 996 of 29 September and the 866 of 4 October, two
			// agencies' tolls for one year published on 4 October, with
			// another's 844 of 1 October between them)
			name: "figures published together are compared across the days between them",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-09-29", "WHO", tracker.Exact, 996).publishedOn("2024-10-04"),
				ctxClaim("b-1", "b", "2024-10-01", "health news", tracker.Exact, 844),
				ctxClaim("c-1", "c", "2024-10-04", "Africa CDC", tracker.Exact, 866),
			},
			want: []string{"decrease a-1 b-1", "sources_disagree a-1 c-1"},
		},
		{
			// (a figure nobody in its report gives, below a named one
			// the report dates earlier: a part or another time, as on
			// one day; within twice it, no fall either)
			name: "one report's outlet figure below an older named one it gives raises nothing",
			ss: []syn{
				ctxClaim("a-1", "a", "2025-03-30", "WHO", tracker.Exact, 2601).publishedOn("2025-03-31"),
				ctxClaim("a-2", "a", "2025-03-31", "", tracker.Exact, 2056),
			},
		},
		{
			name: "an outlet's own figure below a named origin's earlier one, within twice, is no fall",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-11-25", "Israeli officials", tracker.Exact, 210),
				ctxClaim("b-1", "b", "2023-12-01", "", tracker.Exact, 137),
			},
		},
		{
			name: "an outlet's own figure under half a named origin's earlier one stays a fall",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-09-10", "state broadcaster", tracker.Exact, 87),
				ctxClaim("b-1", "b", "2024-09-11", "", tracker.Exact, 37),
			},
			want: []string{"decrease a-1 b-1"},
		},
		{
			name: "the missing another source gives lower by less than half have moved, no finding",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-09-10", "interior ministry", tracker.Exact, 140).cat_(tracker.Missing),
				ctxClaim("b-1", "b", "2023-09-12", "Red Crescent", tracker.Exact, 128).cat_(tracker.Missing),
			},
		},
		{
			name: "the missing another source gives at under half stay a fall",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-09-10", "interior ministry", tracker.Exact, 850).cat_(tracker.Missing),
				ctxClaim("b-1", "b", "2023-09-12", "Red Crescent", tracker.Exact, 380).cat_(tracker.Missing),
			},
			want: []string{"decrease a-1 b-1"},
		},
		{
			// Beirut: "more than 60" missing the morning after, 21 the next
			// day by the health ministry
			name: "the missing another source gives below an open floor have moved, no finding",
			ss: []syn{
				ctxClaim("a-1", "a", "2020-08-07", "ministry official", tracker.MoreThan, 60).cat_(tracker.Missing),
				ctxClaim("b-1", "b", "2020-08-08", "health ministry", tracker.Exact, 21).cat_(tracker.Missing),
			},
		},
		{
			name: "the arrested another source gives lower by less than half have moved, no finding",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-09-10", "security service", tracker.Exact, 11).cat_(tracker.Arrested),
				ctxClaim("b-1", "b", "2023-09-12", "court", tracker.Exact, 9).cat_(tracker.Arrested),
			},
		},
		{
			name: "hostages another source gives lower stay a fall",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-09-10", "army", tracker.Approx, 150).cat_(tracker.Hostage),
				ctxClaim("b-1", "b", "2023-09-12", "government", tracker.Exact, 126).cat_(tracker.Hostage),
			},
			want: []string{"decrease a-1 b-1"},
		},
		{
			name: "another source's figure under a third of the last is no fall",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-09-10", "interior ministry", tracker.Exact, 2122),
				ctxClaim("b-1", "b", "2023-09-12", "district officials", tracker.Exact, 7),
			},
		},
		{
			name: "far-apart figures of one report are two quantities, not a spread",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-10-09", "officials", tracker.AtLeast, 1100),
				ctxClaim("a-2", "a", "2023-10-09", "health ministry", tracker.AtLeast, 415),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			claims := withCtx(tt.ss, func(int) tracker.Context { return morocco(tracker.Context{}) })
			if got := findingKinds(t, claims); !slices.Equal(got, tt.want) {
				t.Errorf("findings:\ngot  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestStatedPriorAcrossSeries: the earlier figure a sentence states is
// its figure's, whatever series the prior's own words would form, unless
// a figure of that series shares the sentence.
func TestStatedPriorAcrossSeries(t *testing.T) {
	marrakesh := tracker.Context{Place: "Marrakesh", PlaceID: "gn:2542997", PlaceFrom: "sentence", Event: "earthquake"}
	kuwait := tracker.Context{Place: "Al Aḩmadī", PlaceID: "KW/al ahmadi", PlaceFrom: "source", Event: "earthquake"}
	tests := []struct {
		name string
		ss   []syn
		ctx  map[int]tracker.Context // by claim index; Morocco otherwise
		want []string
	}{
		{
			// "84 people had been killed …, lowering the toll of 95 given
			// the previous night": the 95's place was read from the
			// minister's name, but its sentence says it is the 84's
			// earlier figure
			name: "a revision is of the earlier figure its sentence states whatever series that figure's words form",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-01-03", "state media", tracker.Exact, 103),
				ctxClaim("b-1", "b", "2024-01-04", "interior minister", tracker.Exact, 84).says("The interior minister said 84 people had been killed, lowering the toll of 95 given the previous night."),
				ctxClaim("b-2", "b", "2024-01-04", "interior minister", tracker.Exact, 95).isPrior().says("The interior minister said 84 people had been killed, lowering the toll of 95 given the previous night."),
			},
			ctx:  map[int]tracker.Context{2: kuwait},
			want: []string{"revision b-2 b-1"},
		},
		{
			// "revised … to 153, from 157 …: 101 people died in Jajarkot":
			// the 157 is the 153's earlier figure, not the district's
			name: "a prior its own series' figure states is no earlier figure of a part in its sentence",
			ss: []syn{
				ctxClaim("a-1", "a", "2023-09-10", "government", tracker.Exact, 157),
				ctxClaim("b-1", "b", "2023-09-11", "interior ministry", tracker.Exact, 153).isRevised().says("The ministry revised the toll to 153, from 157: 101 people died in Marrakesh."),
				ctxClaim("b-2", "b", "2023-09-11", "interior ministry", tracker.Exact, 157).isPrior().isRevised().says("The ministry revised the toll to 153, from 157: 101 people died in Marrakesh."),
				ctxClaim("b-3", "b", "2023-09-11", "interior ministry", tracker.Exact, 101).isRevised().in("Marrakesh").says("The ministry revised the toll to 153, from 157: 101 people died in Marrakesh."),
			},
			ctx:  map[int]tracker.Context{3: marrakesh},
			want: []string{"revision a-1 b-1 b-2"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			claims := withCtx(tt.ss, func(i int) tracker.Context {
				if c, ok := tt.ctx[i]; ok {
					return c
				}
				return morocco(tracker.Context{})
			})
			if got := findingKinds(t, claims); !slices.Equal(got, tt.want) {
				t.Errorf("findings:\ngot  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestDiffSeriesAsTimelines: a diff of two sources puts each claim in the
// series the timeline puts it in, whatever the other sources' claims do to
// the series (here a third source's figures tell the event that A's and
// B's reports do not name).
func TestDiffSeriesAsTimelines(t *testing.T) {
	claims := withCtx([]syn{
		ctxClaim("a-1", "a", "2023-09-09", "Alpha Wire", tracker.Exact, 2000),
		ctxClaim("b-1", "b", "2023-09-09", "Beta News", tracker.Exact, 2100),
		ctxClaim("c-1", "c", "2023-09-09", "Gamma Post", tracker.Exact, 2050),
	}, func(i int) tracker.Context {
		c := morocco(tracker.Context{})
		if i < 2 {
			c.Event = "" // A's and B's reports name no event
		}
		return c
	})
	want := seriesOfClaims(t, claims)
	d, err := Diff(claims, "Alpha", "Beta", Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range d.Series {
		for _, r := range s.Rows {
			for _, e := range []*Entry{r.A, r.B} {
				if e == nil {
					continue
				}
				for _, c := range e.Claims {
					n++
					if got := s.Key.String(); got != want[c.Claim] {
						t.Errorf("claim %s: diff series %q, timeline series %q", c.Claim, got, want[c.Claim])
					}
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("the diff shows no claims")
	}
}

// TestDiffSidesByMergedSource: a diff naming a body takes the figures of
// its other names that prepare merges into it ("the fire agency" of a
// live blog is the "National Fire Agency"), and leaves a third body out.
func TestDiffSidesByMergedSource(t *testing.T) {
	claims := withCtx([]syn{
		ctxClaim("a-1", "a", "2024-04-05", "Central Emergency Operation Center", tracker.Exact, 12),
		ctxClaim("b-1", "b", "2024-04-05", "National Fire Agency", tracker.Exact, 12),
		ctxClaim("c-1", "c", "2024-04-06", "fire agency", tracker.Exact, 13),
		ctxClaim("d-1", "d", "2024-04-06", "county government", tracker.Exact, 14),
	}, func(int) tracker.Context {
		return tracker.Context{Place: "Taiwan", PlaceID: "TW", PlaceFrom: "headline", Event: "earthquake"}
	})
	d, err := Diff(claims, "Central Emergency Operation Center", "National Fire Agency", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var gotB []string
	for _, s := range d.Series {
		for _, r := range s.Rows {
			if r.B != nil {
				for _, c := range r.B.Claims {
					if !slices.Contains(gotB, c.Claim) {
						gotB = append(gotB, c.Claim)
					}
				}
			}
			if r.A != nil {
				for _, c := range r.A.Claims {
					if c.Claim == "d-1" {
						t.Error("a third body's figure is on side A")
					}
				}
			}
		}
	}
	slices.Sort(gotB)
	if want := []string{"b-1", "c-1"}; !slices.Equal(gotB, want) {
		t.Errorf("side B claims %q, want %q", gotB, want)
	}
}

// TestWhereKeepsContextPlaces: --where a province keeps the figures the
// report context places in it, though the timeline shows them in the
// country's series.
func TestWhereKeepsContextPlaces(t *testing.T) {
	claims := withCtx([]syn{
		ctxClaim("a-1", "a", "2023-09-09", "interior ministry", tracker.Exact, 2012),
		ctxClaim("b-1", "b", "2023-09-10", "interior ministry", tracker.Exact, 2122),
	}, func(i int) tracker.Context {
		c := morocco(tracker.Context{})
		if i == 1 {
			c.Place, c.PlaceID, c.PlaceFrom = "Al Haouz", "MA.07.041", "lead"
		}
		return c
	})
	tl, err := Timelines(claims, Options{Where: "Al Haouz"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range tl.Series {
		for _, e := range s.Entries {
			for _, c := range e.Claims {
				got = append(got, c.Claim)
			}
		}
	}
	if !slices.Equal(got, []string{"b-1"}) {
		t.Errorf("claims shown for Al Haouz: got %q, want [b-1]", got)
	}
}

func TestNameAfterTitle(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"a broadcaster", "public broadcaster NHK", "NHK"},
		{"an agency", "Russian state news agency RIA Novosti", "RIA Novosti"},
		{"a title and a person", "FSB director Alexander Bortnikov", "Alexander Bortnikov"},
		{"a name that ends lowercase", "Moscow region health ministry", "Moscow region health ministry"},
		{"all proper name", "President Lazarus Chakwera", "President Lazarus Chakwera"},
		{"one word", "NHK", "NHK"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := nameAfterTitle(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMergeExtendedSources(t *testing.T) {
	tests := []struct {
		name     string
		a, b     string
		one      bool
		wantName string
	}{
		{"a longer name of one body", "disaster ministry", "Taliban's disaster management ministry", true, "Taliban's disaster management ministry"},
		{"a regional body is another", "health ministry", "Moscow region health ministry", false, ""},
		{"a joint source is another", "Israeli officials", "Israeli and Palestinian officials", false, ""},
		{"another country's body is another", "health ministry", "Palestinian health ministry", false, ""},
		{"one word stands for nothing", "ministry", "interior ministry", false, ""},
		{"an office-holder is the office", "Orleans Parish coroner", "Orleans Parish Coroner Dwight McKenna", true, "Orleans Parish coroner"},
		{"a minister is the ministry", "health ministry", "Health Minister Firass Abiad", true, "health ministry"},
		{"another office's holder is another", "health ministry", "Interior Minister Ahmad Vahidi", false, ""},
		{"a one-word office is nobody", "coroner", "Coroner Dwight McKenna", false, ""},
		{"a body's spokesman is the body", "interior ministry", "interior ministry spokesman", true, "interior ministry"},
		{"a directorate of something is that directorate", "Civil Protection Directorate", "Directorate of Civil Protection", true, "Directorate of Civil Protection"},
		{"the country's possessive before a proper name is the country's body", "Civil Protection Directorate", "Afghanistan's Civil Protection Directorate", true, "Afghanistan's Civil Protection Directorate"},
		{"another country's possessive before a proper name is another body", "Civil Protection Directorate", "Iran's Civil Protection Directorate", false, ""},

		{"a surname is the person named in full", "Abbott", "Greg Abbott", true, "Greg Abbott"},
		{"a surname with a title is the person", "Vijayan", "Chief Minister Pinarayi Vijayan", true, "Chief Minister Pinarayi Vijayan"},
		{"a body's name alone is the body", "Bakhtar", "state-run Bakhtar news agency", true, "state-run Bakhtar news agency"},
		{"a name alone is no other kind of name's", "Xinhua", "Xinhua correspondent Li Wei", false, ""},
		{"a surname with a lowercase title is the person", "Fitrat", "deputy Taliban government spokesman Hamdullah Fitrat", true, "deputy Taliban government spokesman Hamdullah Fitrat"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ss := []syn{
				ctxClaim("a-1", "a", "2023-10-08", tt.a, tracker.Exact, 2053),
				ctxClaim("b-1", "b", "2023-10-09", tt.b, tracker.Exact, 2445),
			}
			claims := withCtx(ss, func(int) tracker.Context {
				return tracker.Context{Place: "Herat", PlaceID: "AF.11", PlaceFrom: "headline", Event: "earthquake"}
			})
			tl, err := Timelines(claims, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var srcs []string
			for _, s := range tl.Series {
				for _, e := range s.Entries {
					srcs = append(srcs, e.Source)
				}
			}
			if len(srcs) != 2 {
				t.Fatalf("got entries from %q, want two", srcs)
			}
			if got := srcs[0] == srcs[1]; got != tt.one {
				t.Errorf("sources %q: one origin %v, want %v", srcs, got, tt.one)
			}
			if tt.one && srcs[0] != tt.wantName {
				t.Errorf("got name %q, want %q", srcs[0], tt.wantName)
			}
		})
	}
}

// TestSurnameOfTwoIsNobody: a surname alone joins no one when two sources
// end with it.
func TestSurnameOfTwoIsNobody(t *testing.T) {
	ss := []syn{
		ctxClaim("a-1", "a", "2025-07-08", "Greg Abbott", tracker.Exact, 109),
		ctxClaim("b-1", "b", "2025-07-09", "Tony Abbott", tracker.Exact, 111),
		ctxClaim("c-1", "c", "2025-07-10", "Abbott", tracker.Exact, 120),
	}
	claims := withCtx(ss, func(int) tracker.Context {
		return tracker.Context{Place: "Texas", PlaceID: "US.TX", PlaceFrom: "headline", Event: "floods"}
	})
	tl, err := Timelines(claims, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, s := range tl.Series {
		for _, e := range s.Entries {
			got[e.Source] = true
		}
	}
	if len(got) != 3 {
		t.Errorf("got sources %v, want three apart", got)
	}
}

// TestEventDayIsNoCountDay: a total dated by its event's day ("killed in
// Sunday night's earthquake … rose to 1,411", in Tuesday's report) is the
// toll as its report knew it, so Monday's 800 is no fall from it.
func TestEventDayIsNoCountDay(t *testing.T) {
	ss := []syn{
		ctxClaim("a-1", "a", "2025-09-01", "Mujahid", tracker.Exact, 800),
		ctxClaim("b-1", "b", "2025-09-02", "Mujahid", tracker.Exact, 1411).period("2025-08-31", "2025-08-31"),
	}
	claims := withCtx(ss, func(int) tracker.Context {
		return tracker.Context{Place: "Afghanistan", PlaceID: "AF", PlaceFrom: "headline", Event: "earthquake"}
	})
	claims[1].Claim.AsOf = tracker.MustDate("2025-08-31")
	fs, err := Check(claims, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		t.Errorf("got finding %s: %s", f.Kind, f.Message)
	}
	tl, err := Timelines(claims, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tl.Series) != 1 || len(tl.Series[0].Entries) != 2 || tl.Series[0].Entries[1].Date.String() != "2025-09-02" {
		t.Errorf("got %+v, want one series with 1,411 on 2025-09-02", tl.Series)
	}
}

// TestHostageKind: the hostages due under a deal and those taken on the day
// are their own quantities, never a stock of those held that "fell".
func TestHostageKind(t *testing.T) {
	tests := []struct{ name, sentence, span, want string }{
		{"due in a phase", "Hamas says six of 33 hostages due in the first phase are dead.", "33 hostages", "deal"},
		{"to come home", "Cabinet approves deal; 97 hostages held, 33 to come home first", "33", "deal"},
		{"took hostage", "Gunmen took 240 people hostage in the raid on October 7.", "240 people hostage", "taken"},
		{"abducted on a day", "Of the 240 abducted on October 7, 100 remain in Gaza.", "240 abducted", "taken"},
		{"took hostages", "They killed 1,200 people and took 240 hostages.", "240 hostages", "taken"},
		{"remain", "After the handover, 90 of the hostages taken on October 7 remain in Gaza.", "90 of the hostages", ""},
		{"still held", "Ninety of them are still held in Gaza.", "Ninety of them are still held", ""},
		{"a part of those taken", "The group holds 100 hostages: 96 of the 240 abducted on October 7 and four held since 2014.", "96 of the 240 abducted", ""},
		{"a stock", "Israel says 100 hostages are in Gaza.", "100 hostages", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tracker.Claim{Category: tracker.Hostage, Sentence: tt.sentence, Span: tt.span}
			if got := hostageKind(&c); got != tt.want {
				t.Errorf("hostageKind(%q in %q) = %q, want %q", tt.span, tt.sentence, got, tt.want)
			}
		})
	}
}

// TestMoreIncrement: "N more" counts what was added; "more than N" does not.
func TestMoreIncrement(t *testing.T) {
	tests := []struct {
		span string
		want bool
	}{
		{"four more bodies", true},
		{"13 more deaths", true},
		{"Two more people died", true},
		{"more than 40 people", false},
		{"More than 40 people", false},
		{"40 people", false},
		{"dozens more", false},
		{"furthermore 12 died", false},
	}
	for _, tt := range tests {
		t.Run(tt.span, func(t *testing.T) {
			if got := moreIncrement(tt.span); got != tt.want {
				t.Errorf("moreIncrement(%q) = %v, want %v", tt.span, got, tt.want)
			}
		})
	}
}

// TestEventDayTotalFiltersByReportDay: a running total dated by its event's
// day is shown on its report's day, and a timeline's since keeps it there;
// a listing of claims filters it by its own date.
func TestEventDayTotalFiltersByReportDay(t *testing.T) {
	ss := []syn{ctxClaim("b-1", "b", "2025-09-02", "ministry", tracker.Exact, 1411).period("2025-08-31", "2025-08-31")}
	claims := withCtx(ss, func(int) tracker.Context {
		return tracker.Context{Place: "Afghanistan", PlaceID: "AF", PlaceFrom: "headline", Event: "earthquake"}
	})
	claims[0].Claim.AsOf = tracker.MustDate("2025-08-31")
	tests := []struct {
		name, since     string
		timeline, claim bool
	}{
		{"since the report's day", "2025-09-02", true, false},
		{"since the event's day", "2025-08-31", true, true},
		{"since the day after the report", "2025-09-03", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := Options{Since: tracker.MustDate(tt.since)}
			tl, err := Timelines(claims, o)
			if err != nil {
				t.Fatal(err)
			}
			if got := len(tl.Series) == 1 && len(tl.Series[0].Entries) == 1; got != tt.timeline {
				t.Errorf("timeline shows it: %v, want %v (%+v)", got, tt.timeline, tl.Series)
			}
			f, err := NewFilter(o)
			if err != nil {
				t.Fatal(err)
			}
			if got := f.Match(&claims[0]); got != tt.claim {
				t.Errorf("filter keeps the claim: %v, want %v", got, tt.claim)
			}
		})
	}
}

// TestRiseByIsAnIncrement: "rise by 107" is what was added.
func TestRiseByIsAnIncrement(t *testing.T) {
	tests := []struct {
		span string
		want string
	}{
		{"deaths in Africa rise by 107", "period"},
		{"the toll rose by 12", "period"},
		{"the toll rose to 120", "total"},
	}
	for _, tt := range tests {
		t.Run(tt.span, func(t *testing.T) {
			c := tracker.Claim{Category: tracker.Killed, Scope: tracker.Period, Span: tt.span, Sentence: tt.span + ".",
				Context: tracker.Context{Place: "Africa", PlaceID: "x:africa", Event: "mpox"}}
			if got := ctxKind(&c); got != tt.want {
				t.Errorf("ctxKind(%q) = %q, want %q", tt.span, got, tt.want)
			}
		})
	}
}

// TestCloseSameDayTollsAreWarnings: two origins' exact tolls of one day
// within a tenth of each other may both have been true when given (a toll
// rising through the day): a warning; further apart, an error.
func TestCloseSameDayTollsAreWarnings(t *testing.T) {
	tests := []struct {
		name     string
		a, b     int64
		firstDay bool // the pair is of the event's first day
		want     Severity
	}{
		{"a few apart", 111, 116, false, Warning},
		{"a tenth apart", 100, 110, false, Warning},
		{"a half apart", 100, 150, false, Error},
		// (a toll rises fastest the day an event strikes: two bodies'
		// figures read hours apart may both have been true)
		{"a half apart on the event's first day", 100, 150, true, Warning},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ss := []syn{
				ctxClaim("a-1", "a", "2023-09-10", "interior ministry", tracker.Exact, tt.a),
				ctxClaim("b-1", "b", "2023-09-10", "Red Crescent", tracker.Exact, tt.b),
			}
			if !tt.firstDay {
				ss = append(ss, ctxClaim("z-1", "z", "2023-09-08", "interior ministry", tracker.Exact, 20))
			}
			claims := withCtx(ss, func(int) tracker.Context { return morocco(tracker.Context{}) })
			fs, err := Check(claims, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(fs) != 1 || fs[0].Kind != SourcesDisagree || fs[0].Severity != tt.want {
				t.Errorf("got %+v, want one sources_disagree %s", fs, tt.want)
			}
		})
	}
}

// TestHeadlineTwins: a headline's figure is the body figure it heads, so
// a finding cites both once, on the body's day, and never the headline
// apart.
func TestHeadlineTwins(t *testing.T) {
	tests := []struct {
		name     string
		ss       []syn
		headline []bool
		want     []string // kind and claim ids of each finding
	}{
		{
			name: "the same figure in headline and body is one figure in a finding",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-10-04", "", tracker.Exact, 866),
				ctxClaim("a-2", "a", "2024-10-04", "Africa CDC", tracker.Exact, 866),
				ctxClaim("b-1", "b", "2024-10-04", "WHO", tracker.Exact, 996),
			},
			headline: []bool{true, false, false},
			want:     []string{"sources_disagree b-1 a-1 a-2"},
		},
		{
			name: "a rounded headline takes the day of the figure it rounds",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-10-04", "", tracker.Nearly, 1000),
				ctxClaim("a-2", "a", "2024-09-29", "WHO", tracker.Exact, 996),
				ctxClaim("b-1", "b", "2024-10-01", "health desk", tracker.Exact, 844),
			},
			headline: []bool{true, false, false},
			want:     []string{"decrease a-2 a-1 b-1"},
		},
		{
			name: "a headline figure no body figure gives keeps its own reading",
			ss: []syn{
				ctxClaim("a-1", "a", "2024-10-04", "", tracker.Exact, 1200),
				ctxClaim("a-2", "a", "2024-09-29", "WHO", tracker.Exact, 996),
				ctxClaim("b-1", "b", "2024-10-04", "health desk", tracker.Exact, 500),
			},
			headline: []bool{true, false, false},
			want:     []string{"decrease a-2 b-1", "sources_disagree a-1 b-1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			claims := withCtx(tt.ss, func(i int) tracker.Context {
				c := morocco(tracker.Context{})
				c.Headline = tt.headline[i]
				return c
			})
			for i := range claims {
				claims[i].Claim.Start, claims[i].Claim.End = claims[i].Claim.Start+i*100, claims[i].Claim.End+i*100 // text order
			}
			if got := findingKinds(t, claims); !slices.Equal(got, tt.want) {
				t.Errorf("findings:\ngot  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestJunkSource(t *testing.T) {
	tests := []struct {
		name, in string
		want     bool
	}{
		{"a span of places is no one", "Cairo to Jakarta", true},
		{"a named body", "Saudi health ministry", false},
		{"a phrase the sentence pass misread", "raised the", true},
		{"two names joined by to that are no places", "Xqz to Wvy", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := junkSource(tt.in); got != tt.want {
				t.Errorf("junkSource(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// findingKinds checks claims and returns each finding as its kind and the
// ids of the claims it cites.
func findingKinds(tb testing.TB, claims []tracker.StoredClaim) []string {
	tb.Helper()
	fs, err := Check(claims, Options{})
	if err != nil {
		tb.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		s := string(f.Kind)
		for _, c := range f.Claims {
			s += " " + c.ID
		}
		got = append(got, s)
	}
	return got
}

// TestLiveBlogRiseIsAWarning: a live blog whose count rises from one
// bulletin to a later one, given by two bodies, is a warning (both true
// when given); the same figures with the higher one earlier stay an error.
func TestLiveBlogRiseIsAWarning(t *testing.T) {
	tests := []struct {
		name         string
		early, later string
		want         Severity
	}{
		{"rising through the day", "10:40 - The emergency centre says four people have died.", "19:30 - The fire agency says nine people are now dead.", Warning},
		{"read by its times, not its order", "19:30 - The fire agency says nine people are now dead.", "10:40 - The emergency centre says four people have died.", Warning},
		{"falling through the day", "10:40 - The fire agency says nine people have died.", "19:30 - The emergency centre says four people are now dead.", Error},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n1, n2 := int64(4), int64(9)
			if strings.Contains(tt.early, "nine") {
				n1, n2 = 9, 4
			}
			claims := withCtx([]syn{
				ctxClaim("a-1", "a", "2024-04-03", "", tracker.Exact, n1).says(tt.early),
				ctxClaim("a-2", "a", "2024-04-03", "", tracker.Exact, n2).says(tt.later),
			}, func(int) tracker.Context { return morocco(tracker.Context{}) })
			claims[0].Claim.Attribution = attrOf(tt.early)
			claims[1].Claim.Attribution = attrOf(tt.later)
			fs, err := Check(claims, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(fs) != 1 || fs[0].Kind != SourcesDisagree || fs[0].Severity != tt.want {
				t.Errorf("got %+v, want one sources_disagree %s", fs, tt.want)
			}
		})
	}
}

// attrOf is the body a test sentence names.
func attrOf(sent string) string {
	if strings.Contains(sent, "fire agency") {
		return "fire agency"
	}
	return "emergency centre"
}

func TestClockMinutes(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"10:40 - The centre says", 640},
		{"7:15 p.m. - The toll rose", 1155},
		{"12:05 a.m. EST - More", 5},
		{"No time here", -1},
	}
	for _, tt := range tests {
		if got := clockMinutes(tt.in); got != tt.want {
			t.Errorf("clockMinutes(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// TestPastPartsAreNoParts: one source's two tolls of other times, each
// of its own year, are no part and whole of each other ("40 of them
// died" in 2013 beside the nine a 2005 attack killed), while the same
// two of one time are.
func TestPastPartsAreNoParts(t *testing.T) {
	tests := []struct {
		name         string
		pastA, pastB string
		want         int // subgroup_exceeds_total findings
	}{
		{"two other times", "2013", "2005", 0},
		{"one other time", "2013", "2013", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ss := []syn{
				ctxClaim("a-1", "a", "2014-01-16", "", tracker.Exact, 40).of("workers").sc(tracker.Cumulative),
				ctxClaim("a-2", "a", "2014-01-16", "", tracker.Exact, 9).sc(tracker.Cumulative),
			}
			claims := withCtx(ss, func(i int) tracker.Context {
				c := tracker.Context{Place: "Algeria", PlaceID: "DZ", PlaceFrom: "headline", Event: "attack", Past: tt.pastA}
				if i == 1 {
					c.Past = tt.pastB
				}
				return c
			})
			fs, err := Check(claims, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := 0
			for _, f := range fs {
				if f.Kind == SubgroupExceedsTotal {
					got++
				}
			}
			if got != tt.want {
				t.Errorf("subgroup_exceeds_total findings got %d, want %d", got, tt.want)
			}
		})
	}
}

// TestPeriodicText: a bare "last week" after a figure says when the event
// struck; with a preposition, or beside another period word, the figure
// counts a period.
func TestPeriodicText(t *testing.T) {
	tests := []struct {
		name, sentence string
		want           bool
	}{
		{"when the event struck", "The team blamed the organisers for a stampede that killed 121 people last week.", false},
		{"last month after the figure", "The fire killed 46 miners last month.", false},
		{"in the last week", "In the last week, 50 people died of cholera.", true},
		{"over the past week", "Over the past week 12 more people died.", true},
		{"last week opens the sentence", "Last week 30 people were killed.", true},
		{"beside a day's new deaths", "The fire killed 46 miners last month, and three new deaths were reported.", true},
		{"no period words", "The quake killed 2,000 people.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := periodicText(tt.sentence); got != tt.want {
				t.Errorf("periodicText(%q) = %v, want %v", tt.sentence, got, tt.want)
			}
		})
	}
}
