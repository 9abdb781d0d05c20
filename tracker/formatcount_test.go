package tracker

import (
	"testing"

	"github.com/shopspring/decimal"
)

// TestFormatCountFast holds FormatCount's whole-number path to the
// decimal's own String, which it stands in for.
func TestFormatCountFast(t *testing.T) {
	tests := []struct {
		name string
		n    decimal.Decimal
		want string
	}{
		{"zero value", decimal.Decimal{}, "0"},
		{"zero", decimal.NewFromInt(0), "0"},
		{"three digits", decimal.NewFromInt(999), "999"},
		{"a thousand", decimal.NewFromInt(1000), "1,000"},
		{"negative", decimal.NewFromInt(-1234567), "-1,234,567"},
		{"negative three digits", decimal.NewFromInt(-100), "-100"},
		{"eighteen digits", decimal.RequireFromString("999999999999999999"), "999,999,999,999,999,999"},
		{"nineteen digits", decimal.RequireFromString("1000000000000000000"), "1,000,000,000,000,000,000"},
		{"huge", decimal.RequireFromString("-123456789012345678901234567890"), "-123,456,789,012,345,678,901,234,567,890"},
		{"positive exponent", decimal.New(12, 3), "12,000"},
		{"trailing fraction zeros", decimal.RequireFromString("1500.00"), "1,500"},
		{"fraction", decimal.RequireFromString("2.5"), "2.5"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := FormatCount(tc.n); got != tc.want {
				t.Errorf("FormatCount(%s) = %q, want %q", tc.n, got, tc.want)
			}
			if got, want := FormatCount(tc.n), formatCountString(tc.n); got != want {
				t.Errorf("FormatCount(%s) = %q, through String %q", tc.n, got, want)
			}
		})
	}
}

// TestFormatCountRange compares the two paths around each power of ten.
func TestFormatCountRange(t *testing.T) {
	for p := int64(1); p <= 1e17; p *= 10 {
		for d := int64(-3); d <= 3; d++ {
			for _, v := range []int64{p + d, -p + d} {
				n := decimal.NewFromInt(v)
				if got, want := FormatCount(n), formatCountString(n); got != want {
					t.Fatalf("FormatCount(%d) = %q, through String %q", v, got, want)
				}
			}
		}
	}
}
