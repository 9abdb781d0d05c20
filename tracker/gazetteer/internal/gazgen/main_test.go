package main

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestSubdivisionNames(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"county", "Maui County", []string{"Maui County", "Maui"}},
		{"state", "Kaduna State", []string{"Kaduna State", "Kaduna"}},
		{"Catalan prefix", "Província de València", []string{"Província de València", "València"}},
		{"plain", "Hatay", []string{"Hatay"}},
		{"a compass word is no name", "Southern Region", []string{"Southern Region"}},
		{"Northern State", "Northern State", []string{"Northern State"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := subdivisionNames(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("subdivisionNames(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDemonymForms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Moroccan", []string{"Moroccan", "Moroccans"}},
		{"Israeli", []string{"Israeli", "Israelis"}},
		{"Sudanese", []string{"Sudanese"}},
		{"Turkish", []string{"Turkish"}},
		{"Swiss", []string{"Swiss"}},
		{"French", []string{"French"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := demonymForms(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("demonymForms(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestKeepAlternate(t *testing.T) {
	words := map[string]bool{"center": true}
	tests := []struct {
		in   string
		want bool
	}{
		{"Derna", true},
		{"Marrakech", true},
		{"Därnä", true},
		{"DNF", false},
		{"درنة", false},
		{"center", false},
		{"a er ao li nei er ge lan de", false},
		{"Ma", false},
		{"Gaza 2", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := keepAlternate(tt.in, words); got != tt.want {
				t.Errorf("keepAlternate(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// TestAddAdmin2: a second-level unit no kept city lies in is a place, under
// its first-level unit, with weight zero; its short form is no English word.
func TestAddAdmin2(t *testing.T) {
	places := map[string]*place{
		"NP":      {id: "NP", kind: "c", country: "NP", level: 0},
		"NP.6":    {id: "NP.6", kind: "s", country: "NP", parent: "NP", level: 1},
		"US":      {id: "US", kind: "c", country: "US", level: 0},
		"US.TX":   {id: "US.TX", kind: "s", country: "US", parent: "US", level: 1},
		"NP.6.12": {id: "NP.6.12", kind: "s", country: "NP", parent: "NP.6", level: 2, names: []string{"Surkhet"}, weight: 31381},
	}
	admin2 := map[string]string{
		"NP.6.12":  "Surkhet",      // already there: left as it is
		"NP.6.76":  "Jajarkot",     // added
		"US.TX.50": "Young County", // added, without the word "Young"
		"XX.1.2":   "Nowhere",      // no first-level unit: skipped
	}
	if got, want := addAdmin2(places, admin2, map[string]bool{"young": true}), 2; got != want {
		t.Fatalf("added %d, want %d", got, want)
	}
	tests := []struct {
		id, parent string
		names      []string
	}{
		{"NP.6.76", "NP.6", []string{"Jajarkot"}},
		{"US.TX.50", "US.TX", []string{"Young County"}},
		{"NP.6.12", "NP.6", []string{"Surkhet"}},
	}
	for _, tt := range tests {
		p := places[tt.id]
		if p == nil {
			t.Errorf("%s not added", tt.id)
			continue
		}
		if p.parent != tt.parent || !slices.Equal(p.names, tt.names) || p.level != 2 {
			t.Errorf("%s: parent %q names %q level %d, want %q %q 2", tt.id, p.parent, p.names, p.level, tt.parent, tt.names)
		}
	}
	if places["NP.6.76"].weight != 0 || places["NP.6.12"].weight != 31381 {
		t.Errorf("weights changed: %d %d", places["NP.6.76"].weight, places["NP.6.12"].weight)
	}
}

// TestRun generates tables from a two-city fixture written in GeoNames'
// formats and checks the rows and index lines.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	row := func(f ...string) string { return strings.Join(f, "\t") + "\n" }
	cities := write("cities.txt",
		row("2542997", "Marrakesh", "Marrakesh", "Marrakech,Marrakesch,DNF,مراكش", "31.6", "-8.0", "P", "PPLA", "MA", "",
			"07", "351", "", "", "839296", "", "466", "Africa/Casablanca", "2023-01-01")+
			row("1", "Tiny", "Tiny", "", "0", "0", "P", "PPL", "MA", "", "07", "", "", "", "40", "", "", "", "2023-01-01")+
			row("2", "Old Town", "Old Town", "", "0", "0", "P", "PPLX", "MA", "", "07", "", "", "", "90000", "", "", "", "2023-01-01"))
	admin1 := write("admin1.json", `[{"code":"MA.07","name":"Marrakesh-Safi"}]`)
	admin2 := write("admin2.txt", "MA.07.351\tMarrakech\tMarrakech\t2542995\n")
	nat := write("en.json", `{"nationalities":{"MA":"Moroccan","CD":"Congolese (Democratic Republic of the Congo)","CG":"Congolese (Republic of the Congo)"}}`)
	out := t.TempDir()
	if err := run([]string{"-cities", cities, "-admin1", admin1, "-admin2", admin2, "-nationalities", nat, "-out", out}, io.Discard); err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	places, names, demonyms := read("places.tsv"), read("names.tsv"), read("demonyms.tsv")
	for _, want := range []string{
		"MA\tc\tMA\t\t839296\tMorocco\n",
		"MA.07\ts\tMA\tMA\t839296\tMarrakesh-Safi\n",
		"MA.07.351\ts\tMA\tMA.07\t839296\tMarrakech\n",
		"gn:2542997\tt\tMA\tMA.07.351\t839296\tMarrakesh\n",
	} {
		if !strings.Contains(places, want) {
			t.Errorf("places.tsv lacks %q", want)
		}
	}
	if strings.Contains(places, "Tiny") || strings.Contains(places, "Old Town") {
		t.Error("places.tsv keeps a town under the population floor or a city section")
	}
	// The city ranks before its prefecture under the name they share.
	lines := strings.Split(places, "\n")
	var data []string
	for _, l := range lines {
		if l != "" && !strings.HasPrefix(l, "#") {
			data = append(data, strings.SplitN(l, "\t", 2)[0])
		}
	}
	city, pref := slices.Index(data, "gn:2542997"), slices.Index(data, "MA.07.351")
	want := "\nmarrakech\t" + strconv.Itoa(city) + "," + strconv.Itoa(pref) + "\n"
	if !strings.Contains(names, want) {
		t.Errorf("names.tsv lacks %q:\n%s", want, names)
	}
	if strings.Contains(names, "\ndnf\t") {
		t.Error("names.tsv keeps a code as a name")
	}
	if !strings.Contains(demonyms, "\nmoroccans\t") || strings.Contains(demonyms, "congolese") {
		t.Errorf("demonyms.tsv:\n%s", demonyms)
	}
}
