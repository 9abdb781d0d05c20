package extract

import "testing"

// TestOfficeHolderBeforeColon: a live blog's "15:00 - Interior Minister
// Carolina Toha: …" names who gave the figure; a label before a colon
// ("Update 3:") names no one.
func TestOfficeHolderBeforeColon(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"an office-holder", "Interior Minister Carolina Toha: the official toll stands at 64.", "Interior Minister Carolina Toha"},
		{"after a live blog's time", "15:00 - Interior Minister Carolina Toha: the official toll stands at 64.", "Interior Minister Carolina Toha"},
		{"a body, as before", "Health ministry: 40 people have been killed.", "Health ministry"},
		{"a label is no one", "Update 3: the toll stands at 64.", ""},
		{"a place is no one", "Valparaiso Region: the toll stands at 64.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Extract(tt.text, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Claims) != 1 {
				t.Fatalf("got %d claims, want 1", len(res.Claims))
			}
			if got := res.Claims[0].Attribution; got != tt.want {
				t.Errorf("attribution got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPassiveAfterPhrase: a passive source right after a figure's phrase
// gave that figure, whoever speaks for the sentence.
func TestPassiveAfterPhrase(t *testing.T) {
	res, err := Extract("The UN said around 770 people had been killed, lower than the 1,000 dead given by the Taliban government.", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range res.Claims {
		got = append(got, c.Attribution)
	}
	if want := []string{"UN", "Taliban government"}; len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("attributions got %q, want %q", got, want)
	}
}

// TestTollPossessor: the owner of a toll noun gave the toll ("the
// government's official toll of 64"); a place's or a storm's toll names
// no source.
func TestTollPossessor(t *testing.T) {
	tests := []struct {
		name, text, want, where string
	}{
		{"a body's official toll", "It is more than 70 times the government's official toll of 64.", "government", ""},
		{"a named body", "The Red Crescent's toll of 120 was higher than the government's.", "Red Crescent", ""},
		{"a body whose modifier is no name", "The interior ministry's death toll stood at 2,012.", "ministry", ""},
		{"a storm's toll names no source", "Helene's toll rose to 100.", "", ""},
		{"a place's toll names no source", "Gaza's death toll rose to 300.", "", "Gaza"},
		{"researchers at a school name no place", "The official toll of 64 is far too low, researchers at the Harvard T.H. Chan School of Public Health said.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Extract(tt.text, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Claims) != 1 {
				t.Fatalf("got %d claims, want 1", len(res.Claims))
			}
			if got := res.Claims[0].Attribution; got != tt.want {
				t.Errorf("attribution got %q, want %q", got, tt.want)
			}
			if got := res.Claims[0].Where; got != tt.where {
				t.Errorf("where got %q, want %q", got, tt.where)
			}
		})
	}
}
