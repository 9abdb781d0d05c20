package gazetteer_test

import (
	"fmt"
	"strings"

	"github.com/tollproject/toll/tracker/gazetteer"
)

func Example() {
	g := gazetteer.Default()

	// A name may stand for several places, best first.
	for _, p := range g.Lookup("Hatay") {
		fmt.Println(p.Kind, p.ID, p.Name)
	}

	// Context picks among them: the Valencia inside Venezuela.
	p, _ := g.Resolve("Valencia", "Venezuela")
	fmt.Println(p.Name, p.Country, p.Population)

	// Containment, for merging a city's toll into its province's.
	lahaina, _ := g.Resolve("Lahaina")
	fmt.Print(lahaina.Name)
	for _, a := range g.Ancestors(lahaina.ID) {
		fmt.Print(" ⊂ ", a.Name)
	}
	fmt.Println()
	fmt.Println(g.Contains("US.HI", lahaina.ID))

	// Demonyms name a place's people.
	d, _ := g.Demonym("Gazans")
	fmt.Println(d.Name)
	// Output:
	// subdivision TR.31 Hatay
	// city gn:323779 Antakya
	// Valencia VE 1619470
	// Lahaina ⊂ Maui County ⊂ Hawaii ⊂ United States
	// true
	// Gaza Strip
}

func ExampleGazetteer_WithDirectives() {
	g, err := gazetteer.Default().WithDirectives(strings.NewReader(`
alias the Red City = gn:2542997
region x:toubkal = Toubkal massif in x:high-atlas
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	p, _ := g.Resolve("the Red City")
	fmt.Println(p.Name)
	fmt.Println(g.Contains("MA", "x:toubkal"))

	_, err = gazetteer.Default().WithDirectives(strings.NewReader("alias Foo = MA\nplace Bar = MA\n"))
	fmt.Println(err)
	// Output:
	// Marrakesh
	// true
	// bad gazetteer directive: line 2: unknown directive "place" (want alias, unalias, region, demonym or nodemonym)
}
