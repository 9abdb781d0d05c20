package extract

import (
	"runtime"
	"strings"
	"testing"
)

func TestEndsWithWordFold(t *testing.T) {
	ws := []string{"to", "prepared to", "would"}
	tests := []struct {
		name, in string
	}{
		{"empty", ""},
		{"word alone", "to"},
		{"capitalised", "Troops PREPARED TO"},
		{"inside a word", "potato"},
		{"after a space", "police were prepared to"},
		{"longer than the window", strings.Repeat("x", 200) + " would"},
		{"kelvin sign lowers to one byte", "\u212a\u212a\u212a\u212a\u212a\u212a\u212a\u212a\u212a\u212a\u212a\u212a to"},
		{"dotted capital I grows when lowered", "\u0130\u0130\u0130\u0130 prepared to"},
		{"non-ASCII boundary", "é\u0130to"},
		{"no match", "the storm"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, want := endsWithWordFold(tt.in, ws), endsWithWordAtBoundary(strings.ToLower(tt.in), ws...)
			if got != want {
				t.Errorf("endsWithWordFold(%q) = %v, want %v (the whole text lowered)", tt.in, got, want)
			}
		})
	}
}

// TestStormNamesAllocation holds stormNames to memory in proportion to
// its text: its storm-verb test (metaphor) lowercased the whole text
// before each "storm", 300 MB for this 156 KB text.
func TestStormNamesAllocation(t *testing.T) {
	v := defaultVocabulary()
	text := strings.Repeat("Police storm Hotels and 3 were killed. ", 4000)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	v.stormNames("", text)
	runtime.ReadMemStats(&after)
	if got, limit := after.TotalAlloc-before.TotalAlloc, uint64(4*len(text)); got > limit {
		t.Errorf("stormNames of %d bytes allocated %d bytes, want at most %d", len(text), got, limit)
	}
}
