package reconcile

import (
	"slices"
	"strings"
	"testing"

	"github.com/tollproject/toll/tracker"
)

// scenarioCase is a scenario directory, the claims a careful reader takes
// from its reports, and the exact findings expected, as signatures (see
// signature): the kind and severity, then each claim's report number and
// figure.
type scenarioCase struct {
	name   string
	window int
	claims []hand
	want   []string
}

const (
	killed  = tracker.Killed
	hostage = tracker.Hostage
	cum     = tracker.Cumulative
	unknown = tracker.UnknownScope
	atLeast = tracker.AtLeast
	more    = tracker.MoreThan
	exact   = tracker.Exact
	approx  = tracker.Approx
	between = tracker.Range
)

func scenarioCases() []scenarioCase {
	israel := []hand{
		{file: "01", span: "At least 250 people have been killed", cat: killed, who: "people", where: "Israel", attr: "Israeli officials", q: atLeast, n: []int64{250}, scope: cum},
		{file: "02", span: "At least 1,300 people have been killed", cat: killed, who: "people", where: "Israel", attr: "Israeli officials", q: atLeast, n: []int64{1300}, scope: cum},
		{file: "03", span: "More than 1,400 people have been killed", cat: killed, who: "people", where: "Israel", attr: "Israeli officials", q: more, n: []int64{1400}, scope: cum},
		{file: "04", span: "toll in Israel down to around 1,200 people", cat: killed, who: "people", where: "Israel", attr: "Israel's foreign ministry", q: approx, n: []int64{1200}, scope: cum, revised: true},
	}
	hostages := []hand{
		{file: "01", span: "About 150 people are being held hostage", cat: hostage, who: "people", where: "Gaza", attr: "Israeli military", q: approx, n: []int64{150}, scope: cum},
		{file: "02", span: "126 people are being held hostage", cat: hostage, who: "people", where: "Gaza", attr: "Israeli military", q: exact, n: []int64{126}, scope: cum},
		{file: "03", span: "203 people are being held hostage", cat: hostage, who: "people", where: "Gaza", attr: "IDF", q: exact, n: []int64{203}, scope: cum},
		{file: "04", span: "At least 229 people are being held hostage", cat: hostage, who: "people", where: "Gaza", attr: "Israeli military", q: atLeast, n: []int64{229}, scope: cum},
		{file: "05", span: "About 240 people are still being held hostage", cat: hostage, who: "people", where: "Gaza", attr: "Israeli officials", q: approx, n: []int64{240}, scope: cum},
	}
	alAhli := []hand{
		// "the al-Ahli hospital" and "the al-Ahli Arab hospital" are one
		// place by the default place aliases
		{file: "01", span: "At least 471 people were killed", cat: killed, who: "people", where: "al-Ahli hospital", attr: "Gaza health ministry", q: atLeast, n: []int64{471}, scope: unknown},
		{file: "02", span: "Between 100 and 300 people were killed", cat: killed, who: "people", where: "al-Ahli Arab hospital", attr: "US intelligence", q: between, n: []int64{100, 300}, scope: unknown},
		{file: "02", span: "Between 10 and 50 people were killed", cat: killed, who: "people", where: "al-Ahli Arab hospital", attr: "senior European intelligence official", q: between, n: []int64{10, 50}, scope: unknown},
		{file: "02", span: "at least 471 people were killed", cat: killed, who: "people", where: "al-Ahli Arab hospital", attr: "Gaza health ministry", q: atLeast, n: []int64{471}, scope: unknown},
	}
	women := []hand{
		{file: "01", span: "A total of 1,032 women have been killed", cat: killed, who: "women", where: "Gaza", attr: "Government Media Office in Gaza", q: exact, n: []int64{1032}, scope: cum},
		{file: "02", span: "At least 3,785 Palestinians have been killed", cat: killed, who: "palestinians", where: "Gaza", attr: "Gaza health ministry", q: atLeast, n: []int64{3785}, scope: cum},
		{file: "02", span: "among them 1,524 children", cat: killed, who: "children", where: "Gaza", attr: "Gaza health ministry", q: exact, n: []int64{1524}, scope: cum},
		{file: "02", span: "1,000 women", cat: killed, who: "women", where: "Gaza", attr: "Gaza health ministry", q: exact, n: []int64{1000}, scope: cum},
		{file: "03", span: "At least 4,385 Palestinians have been killed", cat: killed, who: "palestinians", where: "Gaza", attr: "Gaza health ministry", q: atLeast, n: []int64{4385}, scope: cum},
		{file: "03", span: "among them 1,756 children", cat: killed, who: "children", where: "Gaza", attr: "Gaza health ministry", q: exact, n: []int64{1756}, scope: cum},
		{file: "03", span: "967 women", cat: killed, who: "women", where: "Gaza", attr: "Gaza health ministry", q: exact, n: []int64{967}, scope: cum},
	}
	seed := func(total tracker.Qualifier, span string) []hand {
		return []hand{
			{file: "01", span: span, cat: killed, who: "people", attr: "Israeli and Palestinian officials", q: total, n: []int64{1100}, scope: cum},
			{file: "01", span: "More than 700 Israelis have been killed", cat: killed, who: "israelis", attr: "Israeli officials", q: more, n: []int64{700}, scope: cum},
			{file: "01", span: "At least 415 Palestinians have been killed", cat: killed, who: "palestinians", where: "Gaza", attr: "Palestinian health officials", q: atLeast, n: []int64{415}, scope: cum},
		}
	}
	return []scenarioCase{
		{
			// A documented downward revision across a change of source:
			// revision, never decrease.
			name: "israel-toll", claims: israel,
			want: []string{"revision/info 03:more than 1,400 04:about 1,200"},
		},
		{
			// 126 confirmed after "about 150" is a fall in a stock from
			// one source (IDF is an alias of the Israeli military): a
			// warning to acknowledge with the reason the text gives. The
			// later figures rise; ~240 (216–264) does not fall below ≥229.
			name: "hostages", claims: hostages,
			want: []string{"decrease/warning 01:about 150 02:126"},
		},
		{
			// Three estimates of one event on one day that do not overlap
			// pairwise: warnings, since single-event estimates differ.
			name: "al-ahli", claims: alAhli,
			want: []string{
				"sources_disagree/warning 02:100–300 02:10–50",
				"sources_disagree/warning 02:at least 471 02:10–50",
				"sources_disagree/warning 02:at least 471 02:100–300",
			},
		},
		{
			// The ministry's ≥471 of the day before joins within one day.
			name: "al-ahli", window: 1, claims: alAhli,
			want: []string{
				"sources_disagree/warning 01:at least 471 02:10–50",
				"sources_disagree/warning 01:at least 471 02:100–300",
				"sources_disagree/warning 02:100–300 02:10–50",
				"sources_disagree/warning 02:at least 471 02:10–50",
				"sources_disagree/warning 02:at least 471 02:100–300",
			},
		},
		{
			// A fall across a change of source is a warning; the
			// ministry's own count falling is an error. Children and
			// women stay below the unbounded totals.
			name: "women-gaza", claims: women,
			want: []string{
				"decrease/error 02:1,000 03:967",
				"decrease/warning 01:1,032 02:1,000",
			},
		},
		{
			// 701 + 415 = 1,116 is consistent with "at least 1,100".
			name: "seed-at-least", claims: seed(atLeast, "At least 1,100 people have been killed"),
			want: nil,
		},
		{
			// ... and not with an exact 1,100. The parts come from the
			// same report as the total (see parts in check.go).
			name: "seed-exact", claims: seed(exact, "A total of 1,100 people have been killed"),
			want: []string{"parts_exceed_total/error 01:more than 700 01:at least 415 01:1,100"},
		},
	}
}

func TestScenarios(t *testing.T) {
	for _, tc := range scenarioCases() {
		t.Run(tc.name, func(t *testing.T) {
			reports := MustScenario(t, tc.name)
			claims := MustHandClaims(t, reports, tc.claims)
			fs := MustCheck(t, claims, Options{Window: tc.window})
			got := signatures(fs, reports)
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("window %d findings:\ngot  %s\nwant %s\nmessages:\n%s", tc.window,
					strings.Join(got, "\n     "), strings.Join(want, "\n     "), messages(fs))
			}
		})
	}
}

// TestScenariosFromText runs the same scenarios on what extract.Extract
// reads from the texts. It fails where the extractor reads a claim
// differently from the hand claims above; the failure lists the claims it
// found.
func TestScenariosFromText(t *testing.T) {
	for _, tc := range scenarioCases() {
		t.Run(tc.name, func(t *testing.T) {
			reports := MustScenario(t, tc.name)
			claims := MustExtracted(t, reports)
			fs := MustCheck(t, claims, Options{Window: tc.window})
			got := signatures(fs, reports)
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				var b strings.Builder
				for _, c := range claims {
					b.WriteString("  " + c.Claim.Figure() + " " + string(c.Claim.Category) + " " + c.Claim.Who + " @" + c.Claim.Where +
						" (" + string(c.Claim.Scope) + ") by " + c.Source() + " on " + c.Claim.AsOf.String() + "\n")
				}
				t.Errorf("window %d findings:\ngot  %s\nwant %s\nextracted claims:\n%s", tc.window,
					strings.Join(got, "\n     "), strings.Join(want, "\n     "), b.String())
			}
		})
	}
}

func messages(fs Findings) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("  " + f.Message + "\n")
	}
	return b.String()
}

// TestScenarioMessages pins the sentences users read for the scenarios'
// findings: numbers, sources, dates and the ratio.
func TestScenarioMessages(t *testing.T) {
	tests := []struct {
		scenario string
		kind     Kind
		want     []string // each must appear in some message of that kind
	}{
		{"israel-toll", Revision, []string{
			"Israel's foreign ministry revised the count of people killed in Israel down to about 1,200 on 2023-11-10, from more than 1,400 (Israeli officials, 2023-10-19); the text says the figure was revised.",
		}},
		{"al-ahli", SourcesDisagree, []string{
			"Sources disagree on people killed at al-Ahli Arab hospital on 2023-10-19: Gaza health ministry: at least 471; US intelligence (ODNI): 100–300; the lower bound of one is 1.6× the upper bound of the other.",
			"Gaza health ministry: at least 471; senior European intelligence official: 10–50; the lower bound of one is 9.4× the upper bound of the other.",
			"US intelligence (ODNI): 100–300; senior European intelligence official: 10–50; the lower bound of one is 2× the upper bound of the other.",
		}},
		{"women-gaza", Decrease, []string{
			"The count of women killed in Gaza fell from 1,032 (Government Media Office in Gaza, 2023-10-17) to 1,000 (Gaza health ministry, 2023-10-19) across a change of source; the two may count differently.",
			"Gaza health ministry's count of women killed in Gaza fell from 1,000 on 2023-10-19 to 967 on 2023-10-21: a count that cannot fall, and no revision is stated.",
		}},
		{"hostages", Decrease, []string{
			"Israeli military's count of people held hostage in Gaza fell from about 150 on 2023-10-13 to 126 on 2023-10-15: hostage counts can fall",
		}},
		{"seed-exact", PartsExceedTotal, []string{
			"gives more than 700 israelis killed (Israeli officials) and at least 415 palestinians killed in Gaza (Palestinian health officials), which share no one and add up to at least 1,116, more than the 1,100 people killed (Israeli and Palestinian officials) it gives as the total.",
		}},
	}
	cases := scenarioCases()
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			i := slices.IndexFunc(cases, func(c scenarioCase) bool { return c.name == tt.scenario })
			reports := MustScenario(t, tt.scenario)
			fs := MustCheck(t, MustHandClaims(t, reports, cases[i].claims), Options{})
			for _, w := range tt.want {
				if !slices.ContainsFunc(fs, func(f Finding) bool { return f.Kind == tt.kind && strings.Contains(f.Message, w) }) {
					t.Errorf("no %s message holds %q; got:\n%s", tt.kind, w, messages(fs))
				}
			}
		})
	}
}
