package extract

import (
	"strings"
	"testing"

	"github.com/tollproject/toll/tracker"
)

// quantityOf lexes text and returns the first quantity the parser finds.
func quantityOf(t *testing.T, text string) (quantity, bool) {
	t.Helper()
	toks, _ := lexText(text, 0, len(text), nil, nil)
	s := &sentence{v: defaultVocabulary(), text: text, date: tracker.MustDate("2023-10-20")}
	s.reset(span{0, len(text)}, toks)
	s.markExclusions()
	s.parseTimes()
	s.parseQuantities()
	if len(s.qs) == 0 {
		return quantity{}, false
	}
	return s.qs[0], true
}

func TestQuantities(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string // interval and qualifier, "" for no quantity
	}{
		{"digits", "1,100 people", "[1100, 1100] exact"},
		{"space grouped", "625 000 people", "[625000, 625000] exact"},
		{"decimal scale", "1.2 million people", "[1200000, 1200000] exact"},
		{"thousand scale", "1.3 thousand people", "[1300, 1300] exact"},
		{"words", "Sixty-three people", "[63, 63] exact"},
		{"twenty one", "twenty one people", "[21, 21] exact"},
		{"hundred and", "a hundred and two people", "[102, 102] exact"},
		{"big words", "two hundred thousand people", "[200000, 200000] exact"},
		{"dozen", "a dozen people", "[12, 12] exact"},
		{"three dozen", "three dozen people", "[36, 36] exact"},
		{"half a million", "half a million people", "[500000, 500000] exact"},
		{"at least", "at least 13 people", "[13, ∞) at_least"},
		{"more than", "more than 700 people", "[701, ∞) more_than"},
		{"over", "over 700 people", "[701, ∞) more_than"},
		{"up to", "up to 300 people", "[0, 300] at_most"},
		{"fewer than", "fewer than 50 people", "[0, 49] less_than"},
		{"about", "about 150 people", "[135, 165] approx"},
		{"an estimated", "an estimated 1.4 million people", "[1260000, 1540000] approx"},
		{"nearly", "nearly 1,000 people", "[900, 999] nearly"},
		{"just under", "just under 1,000 people", "[900, 999] nearly"},
		{"between", "between 10 and 50 people", "[10, 50] range"},
		{"between scaled", "between 1.2 and 1.5 million people", "[1200000, 1500000] range"},
		{"dash", "100–300 people", "[100, 300] range"},
		{"or more", "300 or more people", "[300, ∞) at_least"},
		{"plus", "300-plus people", "[300, ∞) at_least"},
		{"or fewer", "30 or fewer people", "[0, 30] at_most"},
		{"hundreds", "hundreds of people", "[100, ∞) vague"},
		{"tens of thousands", "tens of thousands of people", "[10000, ∞) vague"},
		{"several hundred", "several hundred people", "[300, ∞) vague"},
		{"a few", "a few people", "[2, ∞) vague"},
		{"year", "in 2023", ""},
		{"date", "on October 7", ""},
		{"day month", "on 7 October", ""},
		{"time", "at 6:30", ""},
		{"time words", "at 6 a.m.", ""},
		{"percent", "70% of", ""},
		{"percent word", "70 percent of", ""},
		{"money", "$5 million", ""},
		{"age", "a 12-year-old boy", ""},
		{"aged", "aged 65", ""},
		{"resolution", "Resolution 2712", ""},
		{"name number", "F-16 jets", ""},
		{"magnitude", "a magnitude 7.8 quake", ""},
		{"phone", "call 08-286-3335", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, ok := quantityOf(t, tt.text)
			got := ""
			if ok {
				iv := q.interval()
				qual := q.q
				got = iv.String() + " " + string(qual)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestValidGrouping(t *testing.T) {
	for s, want := range map[string]bool{"1100": true, "1,100": true, "1,100,000": true, "1.2": true, "1,10": false, "3,4": false, "1234,567": false} {
		if got := validGrouping(s); got != want {
			t.Errorf("validGrouping(%q) = %v, want %v", s, got, want)
		}
	}
}

// validGroupingRef is validGrouping as it was, with strings.Split.
func validGroupingRef(s string) bool {
	if !strings.Contains(s, ",") {
		return true
	}
	intPart := s
	if k := strings.IndexByte(s, '.'); k >= 0 {
		intPart = s[:k]
	}
	parts := strings.Split(intPart, ",")
	if len(parts[0]) == 0 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return true
}

// TestValidGroupingRef holds validGrouping to validGroupingRef.
func TestValidGroupingRef(t *testing.T) {
	for _, s := range []string{"", ",", "1,000", "1,00", "1.2,3", "12,345,678", "1234,567", ",123", "1,000.5", "1,000,", "1,,000", "1,000,0000", "999,999.1,2", "1"} {
		if validGrouping(s) != validGroupingRef(s) {
			t.Errorf("%q", s)
		}
	}
}
