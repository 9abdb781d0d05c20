package reconcile

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/tollproject/toll/tracker"
)

// ratioPhraseDecimal is ratioPhrase on decimals alone, as it was before
// its int64 path: the reference that path must agree with.
func ratioPhraseDecimal(hiLow, loHigh decimal.Decimal) string {
	if loHigh.IsZero() {
		return fmt.Sprintf("one gives at least %s, the other none", tracker.FormatCount(hiLow))
	}
	r := hiLow.DivRound(loHigh, 1)
	if r.Cmp(decimal.NewFromInt(1)) <= 0 {
		return fmt.Sprintf("the lower bound of one is %s above the upper bound of the other", tracker.FormatCount(hiLow.Sub(loHigh)))
	}
	return fmt.Sprintf("the lower bound of one is %s× the upper bound of the other", r.String())
}

// TestRatioPhrase checks ratioPhrase's int64 path against decimals: the
// cases at a rounding boundary, at the edges of the path, and random
// pairs (seed printed).
func TestRatioPhrase(t *testing.T) {
	pairs := [][2]int64{{21, 20}, {5, 2}, {3, 1}, {30, 10}, {10, 10}, {11, 10}, {105, 100}, {1049, 1000},
		{1, 0}, {0, 5}, {7, 0}, {1e15, 1}, {1e15 + 1, 3}, {999999999999999, 7}, {2205, 12}, {100, 99}}
	seed := rand.Uint64()
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	for range 2000 {
		b := rng.Int64N(10000)
		pairs = append(pairs, [2]int64{b + rng.Int64N(100000), b})
	}
	for _, p := range pairs {
		a, b := decimal.NewFromInt(p[0]), decimal.NewFromInt(p[1])
		if got, want := ratioPhrase(a, b), ratioPhraseDecimal(a, b); got != want {
			t.Errorf("ratioPhrase(%d, %d) = %q, want %q", p[0], p[1], got, want)
		}
	}
	// (not whole numbers: decimals only)
	a, b := decimal.RequireFromString("2.5"), decimal.RequireFromString("1.2")
	if got, want := ratioPhrase(a, b), ratioPhraseDecimal(a, b); got != want {
		t.Errorf("ratioPhrase(2.5, 1.2) = %q, want %q", got, want)
	}
}
