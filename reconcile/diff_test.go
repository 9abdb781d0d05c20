package reconcile

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/tollproject/toll/tracker"
)

// TestAlignByDay checks that align pairs entries by binary search over
// B's days (B in day order) exactly as its scan of every B entry does:
// the nearest day within the window, the earlier on a tie, every B entry
// of that day.
func TestAlignByDay(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 63))
	day := func() tracker.Date { return tracker.NewDate(2024, time.January, 1+rng.IntN(40)) }
	for trial := range 2000 {
		ea := make([]Entry, rng.IntN(6))
		eb := make([]Entry, 1+rng.IntN(8))
		for i := range ea {
			ea[i].Date = day()
		}
		for i := range eb {
			eb[i].Date = day()
		}
		slices.SortFunc(eb, func(x, y Entry) int { return x.Date.Compare(y.Date) })
		window := rng.IntN(6)
		for i := range ea {
			a := ea[i].Date
			best := -1 // the scan align makes of unordered entries
			for k := range eb {
				dist := absInt(a.DaysUntil(eb[k].Date))
				if dist > window {
					continue
				}
				if best < 0 || dist < absInt(a.DaysUntil(eb[best].Date)) ||
					dist == absInt(a.DaysUntil(eb[best].Date)) && eb[k].Date.Before(eb[best].Date) {
					best = k
				}
			}
			var want []int
			for k := range eb {
				if best >= 0 && eb[k].Date == eb[best].Date {
					want = append(want, k)
				}
			}
			lo, hi, ok := nearestDay(eb, a, window)
			var got []int
			for k := lo; ok && k < hi; k++ {
				got = append(got, k)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("trial %d: %v within %d of %v: got %v, want %v", trial, a, window, eb, got, want)
			}
		}
	}
}
