package tracker

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// The caps on numbers and claims. Each is enforced where the input comes
// in (the extractor, import, review) with its own sentinel error, so that
// no hostile or mistaken input costs more time or memory than these allow.
const (
	// MaxCountDigits is the most digits a count may be written with,
	// leading zeros included, thousands separators not: MaxCount has 13
	// digits, and a few zeros in front of a figure are a style, not a
	// problem. A longer run is refused before anything parses it.
	MaxCountDigits = 20
	// MaxClaims is the most claims one report may hold: the extractor
	// stops and refuses a text that yields more, and the store never holds
	// more for one report. The densest real copy (daily bulletins listing
	// tolls district by district) yields a few hundred claims in 100 KB;
	// ten thousand is the whole of MaxTextBytes written that densely. A text
	// of "5 killed, 5 killed, …" is not a report.
	MaxClaims = 10_000
)

// ParseCount reads a count of people written as a person or a file writes
// one: digits, optionally grouped in threes with commas ("1,100"), nothing
// else.
// It refuses a sign, a fraction or an exponent (ErrNotWholeCount), more
// than MaxCountDigits digits (ErrTooManyDigits) and a count above MaxCount
// (ErrCountTooLarge), all in time linear in len(s): "1e999999999" is
// refused at once, never expanded. Import and review read numbers with
// it; the extractor has its own reader for the ways news copy writes them.
func ParseCount(s string) (decimal.Decimal, error) {
	digits, group, commas := 0, 0, 0
	var n uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
			group++
			if digits > MaxCountDigits {
				return decimal.Decimal{}, fmt.Errorf("%q has %w (more than %d)", clip(s), ErrTooManyDigits, MaxCountDigits)
			}
			if n <= MaxCount {
				n = n*10 + uint64(c-'0') // MaxCount·10+9 fits in a uint64
			}
		case c == ',' && (commas == 0 && group >= 1 && group <= 3 || commas > 0 && group == 3):
			commas++
			group = 0
		case c == ',':
			return decimal.Decimal{}, fmt.Errorf("%q is %w (its commas are out of place: write 1,100 or 1100)", clip(s), ErrNotWholeCount)
		default:
			return decimal.Decimal{}, fmt.Errorf("%q is %w (write a count as digits, with no sign, fraction or exponent)", clip(s), ErrNotWholeCount)
		}
	}
	switch {
	case digits == 0:
		return decimal.Decimal{}, fmt.Errorf("%q is %w", clip(s), ErrNotWholeCount)
	case commas > 0 && group != 3:
		return decimal.Decimal{}, fmt.Errorf("%q is %w (its commas are out of place: write 1,100 or 1100)", clip(s), ErrNotWholeCount)
	}
	if n > MaxCount {
		return decimal.Decimal{}, fmt.Errorf("%w: %s is above %s", ErrCountTooLarge, clip(s), FormatCount(decimal.NewFromInt(MaxCount)))
	}
	return decimal.NewFromUint64(n), nil
}

// CheckCount reports why a number already held as a decimal cannot be a
// count: negative, fractional, above MaxCount, or with an exponent or a
// coefficient so large that comparing it would take unbounded time
// (decimal rescales to compare, and 1e999999999 rescaled is a billion
// digits). It looks at the exponent and the size of the coefficient before
// any arithmetic, so it is cheap whatever d holds.
func CheckCount(d decimal.Decimal) error {
	const maxExp = 12     // MaxCount is 10^12
	const maxBits = 128   // far more than any count with its trailing zeros
	const maxFracExp = 39 // a coefficient under 2^128 is under 10^39
	e := d.Exponent()
	if e == 0 && d.Sign() >= 0 && d.Cmp(maxCountDecimal) <= 0 {
		// a count as read ("1100"): whole, and none of the errors
		// below, without copying the coefficient (reconciling checks a
		// million claims)
		return nil
	}
	c := d.Coefficient()
	switch {
	case c.Sign() < 0:
		return fmt.Errorf("%w: %s is negative", ErrNotWholeCount, d.String())
	case c.BitLen() > maxBits:
		return fmt.Errorf("%w: a number of about %d digits", ErrTooManyDigits, c.BitLen()*3/10)
	case e > maxExp:
		if c.Sign() == 0 {
			return fmt.Errorf("%w: zero written with exponent %d", ErrNotWholeCount, e)
		}
		return fmt.Errorf("%w: a number with exponent %d is above %d", ErrCountTooLarge, e, int64(MaxCount))
	case e < -maxFracExp:
		if c.Sign() == 0 {
			return fmt.Errorf("%w: zero written with exponent %d", ErrNotWholeCount, e)
		}
		return fmt.Errorf("%w: a number with exponent %d is a fraction", ErrNotWholeCount, e)
	}
	// Both are cheap now: the exponent is small.
	if !d.Equal(d.Truncate(0)) {
		return fmt.Errorf("%w: %s is not a whole number of people", ErrNotWholeCount, d.String())
	}
	if d.Cmp(maxCountDecimal) > 0 {
		return fmt.Errorf("%w: %s is above %s", ErrCountTooLarge, FormatCount(d), FormatCount(maxCountDecimal))
	}
	return nil
}

// maxCountDecimal is MaxCount as a decimal, for comparisons.
var maxCountDecimal = decimal.NewFromInt(MaxCount)

// clip shortens a long input for a message: the start, an ellipsis and
// the length.
func clip(s string) string {
	const keep = 24
	if len(s) <= keep+8 {
		return s
	}
	cut := keep
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%s… (%d bytes)", s[:cut], len(s))
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
