package reconcile

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/tollproject/toll/tracker"
)

// row writes an entry compactly: "date source figure change".
func row(e Entry) string {
	s := fmt.Sprintf("%s %s %s", e.Date, e.Source, e.Figure())
	if e.Change() != nil {
		s += " " + e.Change().String()
	}
	if e.Revised {
		s += " revised"
	}
	return s
}

func rows(s Series) []string {
	out := make([]string, len(s.Entries))
	for i, e := range s.Entries {
		out[i] = row(e)
	}
	return out
}

func MustTimelines(tb testing.TB, claims []tracker.StoredClaim, opts Options) *Timeline {
	tb.Helper()
	t, err := Timelines(claims, opts)
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

func TestTimelineViews(t *testing.T) {
	ex, al, ap := tracker.Exact, tracker.AtLeast, tracker.Approx
	claims := stored(
		k("a", "r1", d1, ex, 100),
		k("b", "r2", d1, ex, 100), // same figure, another outlet: one entry
		k("c", "r3", d1, ex, 130).by("UN OCHA"),
		k("d", "r4", d2, ap, 150),
		k("e", "r4", d2, ex, 120).isPrior(), // "up from 120": no date, left out
		k("f", "r5", d3, al, 160).by("UN OCHA"),
		k("g", "r6", d3, ex, 170),
		k("u", "r7", d1, ex, 90),
	)
	claims[len(claims)-1].Claim.AsOf = tracker.Date{}
	claims[len(claims)-1].Published = tracker.Date{} // undated
	tests := []struct {
		view View
		want []string
	}{
		{ViewSources, []string{
			"2023-10-19 Gaza health ministry 100",
			"2023-10-19 UN OCHA 130",
			"2023-10-20 Gaza health ministry about 150 +35 to +65",
			"2023-10-21 Gaza health ministry 170 +5 to +35",
			"2023-10-21 UN OCHA at least 160 ≥ +30",
			" Gaza health ministry 90",
		}},
		{ViewRange, []string{
			"2023-10-19 Gaza health ministry; UN OCHA 100–130",
			"2023-10-20 Gaza health ministry 135–165",
			"2023-10-21 Gaza health ministry; UN OCHA 160+",
		}},
		{ViewConservative, []string{
			"2023-10-19 Gaza health ministry 100",
			"2023-10-20 Gaza health ministry about 150 +35 to +65",
			"2023-10-21 UN OCHA at least 160 ≥ +30",
		}},
	}
	for _, tt := range tests {
		t.Run(string(tt.view), func(t *testing.T) {
			tl := MustTimelines(t, claims, Options{View: tt.view})
			if len(tl.Series) != 1 {
				t.Fatalf("got %d series, want 1", len(tl.Series))
			}
			if got := rows(tl.Series[0]); !slices.Equal(got, tt.want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
	tl := MustTimelines(t, claims, Options{})
	if got := tl.Series[0].Entries[0].Claims; len(got) != 2 || got[0].Claim != "a" || got[1].Claim != "b" {
		t.Errorf("the 100 of two outlets: claims %+v, want a and b", got)
	}
}

func TestTimelineChange(t *testing.T) {
	ex := tracker.Exact
	tests := []struct {
		name   string
		claims []syn
		want   []string
	}{
		{"hull of the previous day", []syn{k("a", "r1", d1, ex, 100), k("b", "r2", d1, ex, 110), k("c", "r3", d2, ex, 150)},
			[]string{"2023-10-19 Gaza health ministry 100", "2023-10-19 Gaza health ministry 110", "2023-10-20 Gaza health ministry 150 +40 to +50"}},
		{"period figures have no change", []syn{k("a", "r1", d1, ex, 10).period(d1, d1), k("b", "r2", d2, ex, 15).period(d2, d2)},
			[]string{"2023-10-19 Gaza health ministry 10", "2023-10-20 Gaza health ministry 15"}},
		{"single events in an area have none", []syn{k("a", "r1", d1, ex, 10).sc(tracker.UnknownScope), k("b", "r2", d2, ex, 15).sc(tracker.UnknownScope)},
			[]string{"2023-10-19 Gaza health ministry 10", "2023-10-20 Gaza health ministry 15"}},
		{"an event site's estimates do", []syn{k("a", "r1", d1, tracker.Approx, 500).sc(tracker.UnknownScope).in("al-Ahli hospital"), k("b", "r2", d2, tracker.AtLeast, 471).sc(tracker.UnknownScope).in("al-Ahli hospital")},
			[]string{"2023-10-19 Gaza health ministry about 500", "2023-10-20 Gaza health ministry at least 471 ≥ -79"}},
		{"revised is shown", []syn{k("a", "r1", d1, ex, 1400), k("b", "r2", d2, tracker.Approx, 1200).isRevised()},
			[]string{"2023-10-19 Gaza health ministry 1,400", "2023-10-20 Gaza health ministry about 1,200 -320 to -80 revised"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := MustTimelines(t, stored(tt.claims...), Options{})
			if got := rows(tl.Series[0]); !slices.Equal(got, tt.want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func TestTimelineSeriesAndFilters(t *testing.T) {
	ex := tracker.Exact
	claims := stored(
		k("a", "r1", d1, ex, 100),
		k("b", "r2", d1, ex, 40).of("kids"),
		k("c", "r3", d1, ex, 30).of("Gazans").in(""), // palestinians in Gaza by the alias
		k("d", "r4", d1, ex, 500).of("people").in("al-Ahli hospital").sc(tracker.UnknownScope),
		k("e", "r5", d1, ex, 12).cat_(tracker.Injured).by("UN OCHA").in("the Gaza Strip"),
		k("f", "r6", d1, ex, 7).in("Israel").of("people").by("Israeli officials"),
	)
	tests := []struct {
		name string
		opts Options
		want []string
	}{
		{"all", Options{}, []string{
			"children killed in Gaza (cumulative)",
			"palestinians killed in Gaza (cumulative)",
			"people killed at al-Ahli Arab hospital (event site, scope unknown)",
			"people killed in Israel (cumulative)",
			"palestinians injured in Gaza (cumulative)",
		}},
		{"category", Options{Category: tracker.Injured}, []string{"palestinians injured in Gaza (cumulative)"}},
		{"who by alias", Options{Who: "Kids"}, []string{"children killed in Gaza (cumulative)"}},
		{"who implied place", Options{Who: "palestinians", Where: "Gaza Strip"}, []string{
			"palestinians killed in Gaza (cumulative)", "palestinians injured in Gaza (cumulative)"}},
		{"where by alias", Options{Where: "al-Ahli Arab Hospital"}, []string{"people killed at al-Ahli Arab hospital (event site, scope unknown)"}},
		{"source by outlet or attribution", Options{Source: "OCHA"}, []string{"palestinians injured in Gaza (cumulative)"}},
		{"source by canonical name", Options{Source: "health ministry", Category: tracker.Killed, Who: "people"}, []string{
			"people killed at al-Ahli Arab hospital (event site, scope unknown)"}},
		{"nothing", Options{Where: "Mars"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := MustTimelines(t, claims, tt.opts)
			var got []string
			for _, s := range tl.Series {
				got = append(got, s.Key.title(s.Site))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
	// the palestinians series holds the claim that named only "Gazans"
	tl := MustTimelines(t, claims, Options{Who: "palestinians", Category: tracker.Killed})
	if got := rows(tl.Series[0]); !slices.Equal(got, []string{"2023-10-19 Gaza health ministry 30", "2023-10-19 Gaza health ministry 100"}) {
		t.Errorf("Gazans not read as palestinians in Gaza: %q", got)
	}
}

func TestChangeString(t *testing.T) {
	n := decimal.NewFromInt
	iv := func(lo, hi int64) tracker.Interval { return tracker.Interval{Low: n(lo), High: n(hi)} }
	open := func(lo int64) tracker.Interval { return tracker.AtLeastInterval(n(lo)) }
	tests := []struct {
		name string
		b, a tracker.Interval
		want string
	}{
		{"exact rise", iv(2329, 2329), iv(1900, 1900), "+429"},
		{"exact fall", iv(967, 967), iv(1000, 1000), "-33"},
		{"no change", iv(5, 5), iv(5, 5), "0"},
		{"ranges", iv(150, 160), iv(100, 110), "+40 to +60"},
		{"later open", open(1300), iv(250, 250), "≥ +1,050"},
		{"earlier open", iv(1417, 1417), open(415), "≤ +1,002"},
		{"both open", open(1300), open(250), "?"},
	}
	for _, tt := range tests {
		if got := difference(tt.b, tt.a).String(); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestDiff(t *testing.T) {
	ex := tracker.Exact
	claims := stored(
		k("a1", "r1", d1, ex, 100),
		k("b1", "r2", d1, ex, 130).by("UN OCHA"),
		k("a2", "r3", d2, ex, 150),
		k("b3", "r4", d3, ex, 150).by("UN OCHA"),
		k("a4", "r5", d4, ex, 200),
		k("x", "r6", d1, ex, 5).by("UN OCHA").cat_(tracker.Injured), // a series only B reports
		k("both", "r7", d1, ex, 999).by("UN OCHA and the Gaza health ministry"),
	)
	tests := []struct {
		name   string
		window int
		want   []string
	}{
		{"same day only", 0, []string{
			"2023-10-19 100 | 2023-10-19 130 | +30 overlap=false",
			"2023-10-20 150 | — | ",
			"— | 2023-10-21 150 | ",
			"2023-10-22 200 | — | ",
		}},
		{"nearest within a day, earlier on a tie", 1, []string{
			"2023-10-19 100 | 2023-10-19 130 | +30 overlap=false",
			"2023-10-20 150 | 2023-10-19 130 | -20 overlap=false",
			"2023-10-22 200 | 2023-10-21 150 | -50 overlap=false",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Diff(claims, "ministry", "ocha", Options{Window: tt.window})
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Series) != 1 {
				t.Fatalf("got %d series, want 1 (only killed is reported by both)", len(d.Series))
			}
			var got []string
			for _, r := range d.Series[0].Rows {
				side := func(e *Entry) string {
					if e == nil {
						return "—"
					}
					return e.Date.String() + " " + e.Figure()
				}
				s := side(r.A) + " | " + side(r.B) + " | "
				if r.Gap != nil {
					s += fmt.Sprintf("%s overlap=%v", r.Gap, r.Overlap)
				}
				got = append(got, s)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
	if _, err := Diff(claims, "ministry", " ", Options{}); !errors.Is(err, ErrBadOptions) {
		t.Errorf("Diff with an empty source: err = %v, want ErrBadOptions", err)
	}
}

func TestDiffReports(t *testing.T) {
	ex := tracker.Exact
	a := stored(
		k("a1", "r1", d1, ex, 1900),
		k("a2", "r1", d1, ex, 614).of("children"),
		k("a3", "r1", d1, ex, 370).of("women"),
		k("a4", "r1", d1, ex, 150).cat_(tracker.Hostage).by("Israeli military"),
	)
	b := stored(
		k("b1", "r2", d3, ex, 2329),
		k("b2", "r2", d3, ex, 614).of("children"),
		k("b3", "r2", d3, ex, 9042).cat_(tracker.Injured),
		k("b4", "r2", d3, ex, 1900).isPrior(),
	)
	d, err := DiffReports(a, b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range d.Changes {
		s := string(c.Change) + " " + c.Series.String() + " " + c.Source
		if c.Old != nil {
			s += " old=" + c.Old.Figure()
		}
		if c.New != nil {
			s += " new=" + c.New.Figure()
		}
		if c.Delta != nil {
			s += " delta=" + c.Delta.String()
		}
		got = append(got, s)
	}
	want := []string{
		"changed palestinians killed in Gaza (cumulative) Gaza health ministry old=1,900 new=2,329 delta=+429",
		"removed women killed in Gaza (cumulative) Gaza health ministry old=370",
		"added palestinians injured in Gaza (cumulative) Gaza health ministry new=9,042",
		"removed palestinians held hostage in Gaza (cumulative) Israeli military old=150",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	if d.Unchanged != 1 || d.A != "r1" || d.B != "r2" {
		t.Errorf("unchanged %d, a %q, b %q; want 1, r1, r2", d.Unchanged, d.A, d.B)
	}
}

// TestTimelineAsOf: a timeline's data-as-of date is the latest report
// among the claims given, filters aside (the reports toll had read), not
// counting rejected claims; without dated reports it is the latest
// figure's date.
func TestTimelineAsOf(t *testing.T) {
	ex := tracker.Exact
	later := k("c", "r3", d4, ex, 7).in("Israel").stored()
	rejected := k("d", "r4", "2023-11-30", ex, 9).in("Israel").status_(tracker.Rejected).stored()
	tl := MustTimelines(t, append(stored(k("a", "r1", d1, ex, 100), k("b", "r2", d2, ex, 120)), later, rejected), Options{Where: "Gaza"})
	if got, want := tl.AsOf, tracker.MustDate(d4); got != want {
		t.Errorf("AsOf = %s, want %s (the latest report, though filtered out)", got, want)
	}
	undated := stored(k("a", "r1", d1, ex, 100), k("b", "r2", d2, ex, 120))
	for i := range undated {
		undated[i].Published = tracker.Date{}
	}
	if got, want := MustTimelines(t, undated, Options{}).AsOf, tracker.MustDate(d2); got != want {
		t.Errorf("AsOf of undated reports = %s, want %s (the latest figure)", got, want)
	}
}
