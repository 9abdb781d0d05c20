package tracker

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

func TestBounds(t *testing.T) {
	n := func(i int64) decimal.Decimal { return decimal.NewFromInt(i) }
	tests := []struct {
		name string
		q    Qualifier
		n    int64
		want string
	}{
		{"exact", Exact, 415, "[415, 415]"},
		{"at least", AtLeast, 1100, "[1100, ∞)"},
		{"more than", MoreThan, 700, "[701, ∞)"},
		{"at most", AtMost, 300, "[0, 300]"},
		{"less than", LessThan, 50, "[0, 49]"},
		{"approx", Approx, 150, "[135, 165]"},
		{"approx rounds half away", Approx, 15, "[14, 17]"},
		{"nearly", Nearly, 1000, "[900, 999]"},
		{"nearly one", Nearly, 1, "[0, 0]"},
		{"less than zero", LessThan, 0, "[0, 0]"},
		{"vague", Vague, 100, "[100, ∞)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Bounds(tt.q, n(tt.n)).String(); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestFigure(t *testing.T) {
	n := decimal.NewFromInt
	tests := []struct {
		name string
		c    Claim
		want string
	}{
		{"at least", Claim{Qualifier: AtLeast, Interval: Bounds(AtLeast, n(1100))}, "at least 1,100"},
		{"more than", Claim{Qualifier: MoreThan, Interval: Bounds(MoreThan, n(700))}, "more than 700"},
		{"range", Claim{Qualifier: Range, Interval: RangeInterval(n(100), n(300))}, "100–300"},
		{"approx", Claim{Qualifier: Approx, Interval: Bounds(Approx, n(1200))}, "about 1,200"},
		{"nearly", Claim{Qualifier: Nearly, Interval: Bounds(Nearly, n(1000))}, "nearly 1,000"},
		{"less than", Claim{Qualifier: LessThan, Interval: Bounds(LessThan, n(50))}, "fewer than 50"},
		{"at most", Claim{Qualifier: AtMost, Interval: Bounds(AtMost, n(300))}, "up to 300"},
		{"vague", Claim{Qualifier: Vague, Vague: "hundreds", Interval: Bounds(Vague, n(100))}, "hundreds"},
		{"exact", Claim{Qualifier: Exact, Interval: Point(n(1234567))}, "1,234,567"},
		{"more than zero", Claim{Qualifier: MoreThan, Interval: Bounds(MoreThan, n(0))}, "more than 0"},
		{"more than, bounded by hand", Claim{Qualifier: MoreThan, Interval: RangeInterval(n(701), n(800))}, "701–800"},
		{"vague without its word", Claim{Qualifier: Vague, Interval: Bounds(Vague, n(100))}, "100+"},
		{"corrected by hand", Claim{Qualifier: Approx, Interval: RangeInterval(n(10), n(90))}, "10–90"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.c.Figure(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestOverlaps(t *testing.T) {
	n := decimal.NewFromInt
	tests := []struct {
		name string
		a, b Interval
		want bool
	}{
		{"disjoint", RangeInterval(n(10), n(50)), RangeInterval(n(100), n(300)), false},
		{"touching", RangeInterval(n(10), n(100)), RangeInterval(n(100), n(300)), true},
		{"unbounded", AtLeastInterval(n(471)), RangeInterval(n(100), n(300)), false},
		{"unbounded overlap", AtLeastInterval(n(200)), RangeInterval(n(100), n(300)), true},
		{"both unbounded", AtLeastInterval(n(1)), AtLeastInterval(n(1000)), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.Overlaps(tt.b); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			if got := tt.b.Overlaps(tt.a); got != tt.want {
				t.Errorf("reversed: got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDate(t *testing.T) {
	d := MustDate("2023-10-09")
	if d.Weekday().String() != "Monday" {
		t.Errorf("got %s, want Monday", d.Weekday())
	}
	if got := d.AddDays(-2).String(); got != "2023-10-07" {
		t.Errorf("got %s, want 2023-10-07", got)
	}
	if _, err := ParseDate("9 Oct 2023"); err == nil {
		t.Error("ParseDate accepted a malformed date")
	}
	var z Date
	if b, _ := z.MarshalText(); string(b) != "" {
		t.Errorf("zero date marshals as %q", b)
	}
}

// TestApproxStatedInt holds approxStated's int64 path to the decimal
// one: every approx interval of N up to 3,000 and around large N, and
// the intervals near them that no N gives.
func TestApproxStatedInt(t *testing.T) {
	var ns []int64
	for n := int64(0); n <= 3000; n++ {
		ns = append(ns, n)
	}
	for _, base := range []int64{99_999, 1_000_000, 123_456_789, maxSmallWhole / 11} {
		for d := int64(-3); d <= 3; d++ {
			ns = append(ns, base+d)
		}
	}
	checked := 0
	for _, n := range ns {
		b := Bounds(Approx, decimal.NewFromInt(n))
		lo, hi := b.Low.IntPart(), b.High.IntPart()
		for _, d := range [][2]int64{{0, 0}, {-1, 0}, {0, 1}, {1, 1}, {-1, -1}, {0, -1}} {
			l, h := lo+d[0], hi+d[1]
			if l < 0 || h < l {
				continue
			}
			iv := Interval{Low: decimal.NewFromInt(l), High: decimal.NewFromInt(h)}
			got, gotOK := approxStated(iv)
			want, wantOK := approxStatedDecimal(iv)
			if gotOK != wantOK || gotOK && (!got.Equal(want) || FormatCount(got) != FormatCount(want)) {
				t.Fatalf("approxStated(%s) = %s, %v; the decimal way gives %s, %v", iv.Range(), got, gotOK, want, wantOK)
			}
			checked++
		}
	}
	if checked < 10_000 {
		t.Fatalf("checked only %d intervals", checked)
	}
}

// TestTenthsRound holds tenthsRound to the decimal arithmetic it stands
// for: the same value and exponent (so the same String and MarshalJSON),
// on every count to 20,000, random ones to MaxCount and past it, and
// counts of other exponents, negative or fractional.
func TestTenthsRound(t *testing.T) {
	r := rand.New(rand.NewPCG(rand.Uint64(), 2))
	var ns []decimal.Decimal
	for v := int64(0); v <= 20000; v++ {
		ns = append(ns, decimal.NewFromInt(v))
	}
	for range 20000 {
		ns = append(ns, decimal.NewFromInt(r.Int64N(MaxCount+1)), decimal.NewFromInt(r.Int64N(3*MaxCount)))
	}
	ns = append(ns, decimal.Decimal{}, decimal.Zero, decimal.NewFromInt(MaxCount), decimal.NewFromInt(MaxCount+1),
		decimal.NewFromInt(-1), decimal.NewFromInt(-15), decimal.New(25, -1), decimal.New(15, -1), decimal.New(3, 2),
		decimal.New(-25, -1), decimal.RequireFromString("1.5e3"), decimal.RequireFromString("12.0"))
	for _, n := range ns {
		for _, f := range []decimal.Decimal{tenth9, tenth11} {
			got, want := tenthsRound(n, f), n.Mul(f).Round(0)
			if got.String() != want.String() || got.Exponent() != want.Exponent() || got.Cmp(want) != 0 {
				t.Fatalf("tenthsRound(%s, %s) = %s (exp %d), want %s (exp %d)", n, f, got, got.Exponent(), want, want.Exponent())
			}
		}
	}
}
