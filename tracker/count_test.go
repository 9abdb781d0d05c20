package tracker

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

func TestParseCount(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int64
		err  error
	}{
		{"digits", "1100", 1100, nil},
		{"commas", "1,100,000", 1100000, nil},
		{"zero", "0", 0, nil},
		{"leading zeros", "000000000000000001", 1, nil},
		{"MaxCount", "1000000000000", MaxCount, nil},
		{"above MaxCount", "1000000000001", 0, ErrCountTooLarge},
		{"twenty nines", strings.Repeat("9", 20), 0, ErrCountTooLarge},
		{"too many digits", strings.Repeat("1", MaxCountDigits+1), 0, ErrTooManyDigits},
		{"a megabyte of digits", strings.Repeat("7", 1<<20), 0, ErrTooManyDigits},
		{"exponent", "1e3", 0, ErrNotWholeCount},
		{"huge exponent", "1e999999999", 0, ErrNotWholeCount},
		{"capital exponent", "1E100000000", 0, ErrNotWholeCount},
		{"fraction", "12.5", 0, ErrNotWholeCount},
		{"whole fraction", "12.0", 0, ErrNotWholeCount},
		{"negative", "-3", 0, ErrNotWholeCount},
		{"plus", "+3", 0, ErrNotWholeCount},
		{"empty", "", 0, ErrNotWholeCount},
		{"word", "many", 0, ErrNotWholeCount},
		{"comma first", ",100", 0, ErrNotWholeCount},
		{"comma last", "100,", 0, ErrNotWholeCount},
		{"short group", "1,10", 0, ErrNotWholeCount},
		{"long first group", "1100,000", 0, ErrNotWholeCount},
		{"space", "1 100", 0, ErrNotWholeCount},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			got, err := ParseCount(tt.in)
			if d := time.Since(start); d > 100*time.Millisecond {
				t.Errorf("ParseCount took %v", d)
			}
			if !errors.Is(err, tt.err) {
				t.Fatalf("ParseCount(%.40q) err = %v, want %v", tt.in, err, tt.err)
			}
			if err == nil && !got.Equal(decimal.NewFromInt(tt.want)) {
				t.Errorf("ParseCount(%q) = %s, want %d", tt.in, got, tt.want)
			}
			if err != nil && len(err.Error()) > 200 {
				t.Errorf("message of %d bytes: the input is not clipped", len(err.Error()))
			}
		})
	}
}

// TestCheckCount holds decimals made without parsing text, as a caller of
// the library or a decoded record could, and checks that each is judged
// at once: decimal compares by rescaling, and 1e999999999 rescaled is a
// billion-digit number (issue 10 item 4: import and review hung on it).
func TestCheckCount(t *testing.T) {
	huge := new(decimal.Decimal)
	*huge, _ = decimal.NewFromString(strings.Repeat("9", 200))
	tests := []struct {
		name string
		d    decimal.Decimal
		err  error
	}{
		{"count", decimal.NewFromInt(1100), nil},
		{"scaled", decimal.New(12, 5), nil},
		{"whole with fraction digits", decimal.New(1100, -2), nil},
		{"MaxCount", decimal.NewFromInt(MaxCount), nil},
		{"MaxCount with exponent", decimal.New(1, 12), nil},
		{"above MaxCount", decimal.NewFromInt(MaxCount + 1), ErrCountTooLarge},
		{"huge exponent", decimal.New(1, 999999999), ErrCountTooLarge},
		{"zero with huge exponent", decimal.New(0, 999999999), ErrNotWholeCount},
		{"tiny exponent", decimal.New(1, -999999999), ErrNotWholeCount},
		{"zero with tiny exponent", decimal.New(0, -999999999), ErrNotWholeCount},
		{"huge coefficient", *huge, ErrTooManyDigits},
		{"fraction", decimal.New(125, -1), ErrNotWholeCount},
		{"negative", decimal.NewFromInt(-1), ErrNotWholeCount},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			err := CheckCount(tt.d)
			if d := time.Since(start); d > 100*time.Millisecond {
				t.Errorf("CheckCount took %v", d)
			}
			if !errors.Is(err, tt.err) {
				t.Errorf("CheckCount(%d×10^%d) err = %v, want %v", tt.d.Coefficient(), tt.d.Exponent(), err, tt.err)
			}
			iv := Interval{Low: decimal.Zero, High: tt.d}
			if err := iv.Validate(); (err == nil) != (tt.err == nil) || tt.err != nil && !errors.Is(err, tt.err) {
				t.Errorf("Validate of [0, d]: err = %v, want %v", err, tt.err)
			}
		})
	}
}

// TestClaimJSONNumbers decodes claims whose numbers are written as no
// toll writes them: each is refused at once with the sentinel naming why.
func TestClaimJSONNumbers(t *testing.T) {
	tests := []struct {
		name      string
		low, high string
		err       error
	}{
		{"plain", "1100", "1200", nil},
		{"unbounded", "1100", "null", nil},
		{"huge exponent", "1e999999999", "null", ErrNotWholeCount},
		{"huge exponent high", "1", "1e100000000", ErrNotWholeCount},
		{"fraction", "1.5", "null", ErrNotWholeCount},
		{"negative", "-1", "null", ErrNotWholeCount},
		{"above MaxCount", "2000000000000", "null", ErrCountTooLarge},
		{"long", strings.Repeat("1", 100000), "null", ErrTooManyDigits},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			js := `{"category":"killed","low":` + tt.low + `,"high":` + tt.high +
				`,"qualifier":"exact","who":"people","scope":"unknown","start":0,"end":0}`
			start := time.Now()
			var c Claim
			err := json.Unmarshal([]byte(js), &c)
			if d := time.Since(start); d > 200*time.Millisecond {
				t.Errorf("Unmarshal took %v", d)
			}
			if !errors.Is(err, tt.err) || tt.err != nil && !errors.Is(err, ErrInvalidClaim) {
				t.Errorf("err = %v, want %v (and ErrInvalidClaim)", err, tt.err)
			}
		})
	}
}
