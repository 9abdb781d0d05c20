package tracker

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Interval is the set of counts a figure allows, [Low, High], or [Low, ∞)
// when Unbounded. Bounds are whole numbers; High is meaningless when
// Unbounded.
type Interval struct {
	Low       decimal.Decimal
	High      decimal.Decimal
	Unbounded bool
}

// MaxCount is the largest count of people any figure can hold: more than
// the people who ever lived. Readers (the extractor, import, review) refuse
// anything larger, so no bound of a stored interval exceeds it.
const MaxCount = 1_000_000_000_000

var (
	one     = decimal.NewFromInt(1)
	zero    = decimal.Zero
	tenth9  = decimal.New(9, -1)  // 0.9
	tenth11 = decimal.New(11, -1) // 1.1
)

// Point returns the interval [n, n].
func Point(n decimal.Decimal) Interval { return Interval{Low: n, High: n} }

// AtLeastInterval returns [n, ∞).
func AtLeastInterval(n decimal.Decimal) Interval { return Interval{Low: n, Unbounded: true} }

// Bounds returns the interval a qualifier gives the stated number n, by the
// table in the README: exact [n, n]; at_least and vague [n, ∞); more_than
// [n+1, ∞); at_most [0, n]; less_than [0, n-1]; approx [round(0.9n),
// round(1.1n)]; nearly [round(0.9n), n-1]. Range needs two numbers: use
// RangeInterval. Lower bounds never go below zero and never above the upper
// one ("nearly 1" is [0, 0]).
func Bounds(q Qualifier, n decimal.Decimal) Interval {
	var iv Interval
	switch q {
	case AtLeast, Vague:
		iv = AtLeastInterval(n)
	case MoreThan:
		iv = AtLeastInterval(n.Add(one))
	case AtMost:
		iv = Interval{Low: zero, High: n}
	case LessThan:
		iv = Interval{Low: zero, High: n.Sub(one)}
	case Approx:
		iv = Interval{Low: tenthsRound(n, tenth9), High: tenthsRound(n, tenth11)}
	case Nearly:
		iv = Interval{Low: tenthsRound(n, tenth9), High: n.Sub(one)}
	default: // Exact, and Range given one number
		iv = Point(n)
	}
	if iv.Low.Sign() < 0 {
		iv.Low = zero
	}
	if !iv.Unbounded && iv.High.Sign() < 0 {
		iv.High = zero
	}
	if !iv.Unbounded && iv.Low.Cmp(iv.High) > 0 {
		iv.Low = iv.High
	}
	return iv
}

// maxWhole is MaxCount as a decimal, for tenthsRound's test.
var maxWhole = decimal.NewFromInt(MaxCount)

// tenthsRound is n.Mul(f).Round(0) for f a number of tenths (tenth9,
// tenth11): n scaled and rounded half away from zero to a whole number. A
// whole n of exponent 0 from 0 to MaxCount, which every count the
// extractor reads is, takes an int64 path: (tenths*n + 5) / 10 is that
// rounding for n >= 0, and the result is made as Round makes it
// (exponent 0), or is n itself when equal. The decimal path made about
// seven big.Int allocations a bound; this makes two or none.
// TestTenthsRound holds the two paths together.
func tenthsRound(n, f decimal.Decimal) decimal.Decimal {
	if n.Exponent() != 0 || n.Sign() < 0 || n.Cmp(maxWhole) > 0 || f.Exponent() != -1 {
		return n.Mul(f).Round(0)
	}
	v := n.CoefficientInt64()
	if r := (f.CoefficientInt64()*v + 5) / 10; r != v {
		return decimal.NewFromInt(r)
	}
	return n
}

// RangeInterval returns [a, b], swapping the ends if they come reversed.
func RangeInterval(a, b decimal.Decimal) Interval {
	if a.Cmp(b) > 0 {
		a, b = b, a
	}
	return Interval{Low: a, High: b}
}

// Validate reports an interval with a bound that is not a count (see
// CheckCount: negative, fractional, above MaxCount, or with an exponent
// that would make comparing it unbounded work) or that is reversed. It
// checks each bound's size before comparing anything.
func (iv Interval) Validate() error {
	if err := CheckCount(iv.Low); err != nil {
		return fmt.Errorf("%w: low: %w", ErrInvalidClaim, err)
	}
	if iv.Unbounded {
		return nil
	}
	if err := CheckCount(iv.High); err != nil {
		return fmt.Errorf("%w: high: %w", ErrInvalidClaim, err)
	}
	if iv.Low.Cmp(iv.High) > 0 {
		return fmt.Errorf("%w: low %s is above high %s", ErrInvalidClaim, iv.Low, iv.High)
	}
	return nil
}

// Equal reports whether two intervals are the same set.
func (iv Interval) Equal(o Interval) bool {
	if iv.Unbounded != o.Unbounded || !iv.Low.Equal(o.Low) {
		return false
	}
	return iv.Unbounded || iv.High.Equal(o.High)
}

// Overlaps reports whether some count lies in both intervals.
func (iv Interval) Overlaps(o Interval) bool {
	if !iv.Unbounded && iv.High.Cmp(o.Low) < 0 {
		return false
	}
	if !o.Unbounded && o.High.Cmp(iv.Low) < 0 {
		return false
	}
	return true
}

// Contains reports whether n lies in the interval.
func (iv Interval) Contains(n decimal.Decimal) bool {
	return n.Cmp(iv.Low) >= 0 && (iv.Unbounded || n.Cmp(iv.High) <= 0)
}

// String writes the interval in mathematical notation: "[1100, ∞)".
func (iv Interval) String() string {
	if iv.Unbounded {
		return "[" + iv.Low.String() + ", ∞)"
	}
	return "[" + iv.Low.String() + ", " + iv.High.String() + "]"
}

// Range writes the interval as people write a range: "1,100+", "100–300",
// "415".
func (iv Interval) Range() string {
	switch {
	case iv.Unbounded:
		return FormatCount(iv.Low) + "+"
	case iv.Low.Equal(iv.High):
		return FormatCount(iv.Low)
	default:
		return FormatCount(iv.Low) + "–" + FormatCount(iv.High)
	}
}

// Figure writes a claim's value in the words a report uses for it, the
// figure a journalist would copy: "at least 1,100", "more than 700",
// "up to 300", "fewer than 300", "about 150", "nearly 1,000", "100–300",
// "hundreds", "1,234,567". The interval it stands for is c.Interval
// (Interval.Range writes it), which a table shows beside the figure:
// "more than 700" is [701, ∞), never written "701+" as if a source had
// said 701. A claim whose bounds were set by hand against its qualifier
// is written as its interval. (A pointer receiver, as Validate's: a Claim
// is 400 bytes, and a value receiver copied it whole at each of the
// million calls a timeline makes, a cache miss a line.)
func (c *Claim) Figure() string {
	iv := c.Interval
	switch c.Qualifier {
	case Exact:
		if iv.Unbounded || iv.Low.Equal(iv.High) {
			return iv.Range()
		}
	case AtLeast:
		if iv.Unbounded {
			return "at least " + FormatCount(iv.Low)
		}
	case MoreThan:
		if iv.Unbounded && iv.Low.Sign() > 0 {
			return "more than " + FormatCount(iv.Low.Sub(one))
		}
	case AtMost:
		if iv.Low.IsZero() && !iv.Unbounded {
			return "up to " + FormatCount(iv.High)
		}
	case LessThan:
		if iv.Low.IsZero() && !iv.Unbounded {
			return "fewer than " + FormatCount(iv.High.Add(one))
		}
	case Approx:
		if n, ok := approxStated(iv); ok {
			return "about " + FormatCount(n)
		}
	case Nearly:
		if !iv.Unbounded {
			return "nearly " + FormatCount(iv.High.Add(one))
		}
	case Vague:
		if c.Vague != "" {
			return c.Vague
		}
	}
	return iv.Range()
}

// approxStated recovers N from an approx interval [round(0.9N),
// round(1.1N)]; false when no N near the midpoint gives exactly these ends
// (a reviewer set the bounds by hand).
func approxStated(iv Interval) (decimal.Decimal, bool) {
	if iv.Unbounded {
		return decimal.Decimal{}, false
	}
	if lo, ok := smallWhole(iv.Low); ok {
		if hi, ok := smallWhole(iv.High); ok {
			// (on int64s: a timeline writes a million figures, and the
			// decimals' arithmetic was half of writing them)
			n, ok := approxStatedInt(lo, hi)
			if !ok {
				return decimal.Decimal{}, false
			}
			return decimal.NewFromInt(n), true
		}
	}
	return approxStatedDecimal(iv)
}

// approxStatedDecimal is approxStated on decimals, for any bounds.
func approxStatedDecimal(iv Interval) (decimal.Decimal, bool) {
	mid := iv.Low.Add(iv.High).Div(decimal.NewFromInt(2)).Round(0)
	for d := int64(-2); d <= 2; d++ {
		n := mid.Add(decimal.NewFromInt(d))
		if b := Bounds(Approx, n); b.Equal(iv) {
			return n, true
		}
	}
	return decimal.Decimal{}, false
}

// maxSmallWhole bounds the counts approxStatedInt takes: 11 times one
// stays an int64.
const maxSmallWhole = 1 << 58

var maxSmallWholeDecimal = decimal.NewFromInt(maxSmallWhole)

// smallWhole returns d as an int64 when it is a whole number written
// without a fraction ("1100", as counts are read), from 0 to
// maxSmallWhole.
func smallWhole(d decimal.Decimal) (int64, bool) {
	if d.Exponent() != 0 || d.Sign() < 0 || d.Cmp(maxSmallWholeDecimal) > 0 {
		return 0, false
	}
	return d.CoefficientInt64(), true
}

// approxStatedInt is approxStated on whole numbers from 0 to
// maxSmallWhole: the same N, by the same rule (round half away from zero,
// negative ends made 0), in integers.
func approxStatedInt(lo, hi int64) (int64, bool) {
	mid := (lo + hi + 1) / 2
	for d := int64(-2); d <= 2; d++ {
		n := mid + d
		var l, h int64 // Bounds(Approx, n): [round(0.9n), round(1.1n)], at least 0
		if n > 0 {
			l, h = (9*n+5)/10, (11*n+5)/10
		}
		if l == lo && h == hi {
			return n, true
		}
	}
	return 0, false
}

// FormatCount writes a whole number with comma thousands separators:
// 1100 → "1,100". Fractions, which no count has, are written as they are.
func FormatCount(n decimal.Decimal) string {
	if n.Exponent() == 0 && n.NumDigits() <= 18 {
		// (the decimal's String, without its big.Int: tables write
		// millions of counts)
		return formatInt(n.CoefficientInt64())
	}
	return formatCountString(n)
}

// formatInt is FormatCount of a whole number.
func formatInt(v int64) string {
	var digits [20]byte
	d := strconv.AppendInt(digits[:0], v, 10)
	neg := d[0] == '-'
	if neg {
		d = d[1:]
	}
	var out [27]byte
	b := out[:0]
	if neg {
		b = append(b, '-')
	}
	for i, c := range d {
		if i > 0 && (len(d)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, c)
	}
	return string(b)
}

// formatCountString is FormatCount through the decimal's String: any
// decimal, fractions and huge numbers too.
func formatCountString(n decimal.Decimal) string {
	s := n.String()
	if strings.ContainsAny(s, ".eE") {
		return s
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}
