package extract

import "testing"

// TestSubjectPlaceCommonWord: a sentence's opening subject is its place
// (7960a5f) when it names a place, not when it is a common word that is
// also a small town's name ("Police" in Poland, "Hope" and "Rain").
func TestSubjectPlaceCommonWord(t *testing.T) {
	tests := []struct{ name, text, where string }{
		{"police", "Police have recovered 12 bodies from the river.", ""},
		{"rain", "Rain has killed 12 people across the state.", ""},
		{"hope", "Hope is fading for 40 missing miners.", ""},
		{"police and the victims", "Police have identified 40 of the victims.", ""},
		{"a province", "Balochistan has been worst hit with 234 deaths.", "Balochistan"},
		{"a city", "Reading has 5 deaths.", "Reading"},
		{"with its designator", "Sindh province has been worst hit with 347 deaths.", "Sindh province"},
		{"two words", "Cao Bang has 29 deaths.", "Cao Bang"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			claims := mustExtract(t, tt.text, "2024-03-12")
			if len(claims) != 1 {
				t.Fatalf("got %d claims, want 1", len(claims))
			}
			if got := claims[0].Where; got != tt.where {
				t.Errorf("where got %q, want %q", got, tt.where)
			}
		})
	}
}
