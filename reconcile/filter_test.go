package reconcile

import (
	"errors"
	"slices"
	"testing"

	"github.com/tollproject/toll/tracker"
)

// TestFilterAgreesWithTimelines checks that Filter keeps, of the claims
// that count, exactly the claims a timeline with the same Options draws
// on: one meaning for --who, --where, --source, --since and --until,
// whether a command lists claims or reconciles them.
func TestFilterAgreesWithTimelines(t *testing.T) {
	hand, _ := MustFixture(t)
	// and claims as the extractor reads them, with their report context
	extracted := MustExtracted(t, MustScenario(t, "women-gaza"))
	for _, name := range []string{"israel-toll", "hostages"} {
		extracted = append(extracted, MustExtracted(t, MustScenario(t, name))...)
	}
	for _, set := range []struct {
		name   string
		claims []tracker.StoredClaim
	}{{"hand", hand}, {"extracted", extracted}} {
		t.Run(set.name, func(t *testing.T) { testFilterAgrees(t, set.claims) })
	}
}

func testFilterAgrees(t *testing.T, claims []tracker.StoredClaim) {
	tests := []struct {
		name string
		opts Options
		min  int // the filter keeps at least this many (so the case tests something)
	}{
		{"everything", Options{}, 10},
		{"category", Options{Category: tracker.Hostage}, 2},
		{"group by alias", Options{Who: "Women"}, 2},
		{"place by alias", Options{Where: "the Gaza Strip"}, 2},
		{"place implied by the group", Options{Where: "Israel"}, 2},
		{"source", Options{Source: "ministry"}, 2},
		{"since", Options{Since: tracker.MustDate("2023-10-19")}, 2},
		{"until", Options{Until: tracker.MustDate("2023-10-18")}, 2},
		{"since and until", Options{Since: tracker.MustDate("2023-10-17"), Until: tracker.MustDate("2023-10-19"), Category: tracker.Killed}, 2},
		{"nothing", Options{Who: "penguins"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := NewFilter(tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for i := range claims {
				if claims[i].Counts() && f.Match(&claims[i]) {
					got = append(got, claims[i].ID)
				}
			}
			var want []string
			for _, s := range MustTimelines(t, claims, tt.opts).Series {
				for _, e := range s.Entries {
					for _, p := range e.Claims {
						want = append(want, p.Claim)
					}
				}
			}
			slices.Sort(got)
			slices.Sort(want)
			want = slices.Compact(want)
			if !slices.Equal(got, want) {
				t.Errorf("Filter kept %v\ntimeline drew on %v", got, want)
			}
			if len(got) < tt.min {
				t.Errorf("Filter kept %d claims, want at least %d", len(got), tt.min)
			}
		})
	}
}

// TestFilterErrors: a bad category or dates out of order are ErrBadOptions.
func TestFilterErrors(t *testing.T) {
	tests := []struct {
		name string
		opts Options
	}{
		{"category", Options{Category: "sunburn"}},
		{"until before since", Options{Since: tracker.MustDate("2023-10-20"), Until: tracker.MustDate("2023-10-01")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := NewFilter(tt.opts); !errors.Is(err, ErrBadOptions) {
				t.Errorf("NewFilter: err = %v, want ErrBadOptions", err)
			}
		})
	}
}

// TestWhereContextPlace is issue 11's check --where: two reports about the
// Gaza Strip give its toll in sentences that name no place, so their
// series' place comes from the report context, keyed by gazetteer id.
// --where with the name a user types, or an alias, keeps them in every
// command; another place keeps none.
func TestWhereContextPlace(t *testing.T) {
	claims := withCtx([]syn{
		ctxClaim("a", "r1", "2023-10-20", "the health ministry", tracker.Exact, 3785),
		ctxClaim("b", "r2", "2023-10-20", "officials", tracker.Exact, 4137),
	}, func(int) tracker.Context {
		return tracker.Context{Place: "Gaza Strip", PlaceID: "PS.GZ", PlaceFrom: "headline", Event: "war"}
	})
	for _, tt := range []struct {
		where string
		want  int
	}{{"Gaza", 2}, {"the Gaza Strip", 2}, {"gaza strip", 2}, {"Israel", 0}, {"Rafah", 0}} {
		t.Run(tt.where, func(t *testing.T) {
			opts := Options{Where: tt.where}
			f, err := NewFilter(opts)
			if err != nil {
				t.Fatal(err)
			}
			kept := 0
			for i := range claims {
				if f.Match(&claims[i]) {
					kept++
				}
			}
			drawn := 0
			for _, s := range MustTimelines(t, claims, opts).Series {
				for _, e := range s.Entries {
					drawn += len(e.Claims)
				}
			}
			l, err := ListSeries(claims, opts)
			if err != nil {
				t.Fatal(err)
			}
			listed := 0
			for _, s := range l.Series {
				listed += len(s.Claims)
			}
			findings := len(MustCheck(t, claims, opts))
			if kept != tt.want || drawn != tt.want || listed != tt.want {
				t.Errorf("Filter kept %d, timelines drew %d, series listed %d claims; want %d", kept, drawn, listed, tt.want)
			}
			if want := min(tt.want, 1); findings != want {
				t.Errorf("check found %d findings, want %d (the two sources disagree)", findings, want)
			}
		})
	}
}
