package tracker

import "testing"

func TestSightingCovers(t *testing.T) {
	d := func(s string) Date {
		v, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	stored := Sighting{Source: "Levant Wire", URL: "https://levant.example/a", Published: d("2023-10-09")}
	tests := []struct {
		name string
		copy Sighting
		want bool
	}{
		{"the same", stored, true},
		{"nothing said", Sighting{}, true},
		{"outlet only, same", Sighting{Source: "Levant Wire"}, true},
		{"outlet in other case and spacing", Sighting{Source: " levant  WIRE "}, true},
		{"another outlet", Sighting{Source: "Cedar Times"}, false},
		{"another date", Sighting{Source: "Levant Wire", Published: d("2023-10-10")}, false},
		{"another address", Sighting{URL: "https://cedar.example/b"}, false},
		{"same outlet and date, address not given", Sighting{Source: "Levant Wire", Published: d("2023-10-09")}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stored.Covers(tt.copy); got != tt.want {
				t.Errorf("Covers(%+v) = %v, want %v", tt.copy, got, tt.want)
			}
		})
	}
	if !(Sighting{Source: "  "}).Empty() || stored.Empty() {
		t.Error("Empty: a blank outlet says nothing; a full sighting says something")
	}
}
