package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite data/continents.tsv")

// TestContinentsFile holds the embedded continents.tsv to what the
// generator makes of its module: the file is generated, never edited by
// hand (go test ./tracker/gazetteer/internal/gazgen -run Continents
// -update writes it).
func TestContinentsFile(t *testing.T) {
	got, err := continentsTSV()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "..", "data", "continents.tsv")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s is not what gazgen writes; run this test with -update", path)
	}
}

func TestContinentOf(t *testing.T) {
	tests := []struct {
		name, region, sub, want string
	}{
		{"south-east Asia", "Asia", "South-Eastern Asia", "x:asia"},
		{"western Asia is the Middle East", "Asia", "Western Asia", "x:middle-east"},
		{"Caribbean", "Americas", "Caribbean", "x:caribbean"},
		{"Central America is Latin America", "Americas", "Central America", "x:latin-america"},
		{"Northern America", "Americas", "Northern America", "x:north-america"},
		{"Europe", "Europe", "Eastern Europe", "x:europe"},
		{"Oceania", "Oceania", "Melanesia", "x:oceania"},
		{"no region", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := continentOf(tt.region, tt.sub); got != tt.want {
				t.Errorf("continentOf(%q, %q) = %q, want %q", tt.region, tt.sub, got, tt.want)
			}
		})
	}
}
