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
