package tracker

import (
	"testing"
)

// TestGroupNames parses the built-in groups.txt (builtinGroupNames panics
// if it does not parse) and checks a name of each kind.
func TestGroupNames(t *testing.T) {
	gs := GroupNames()
	if len(gs) < 40 {
		t.Fatalf("GroupNames() has %d names, want the whole of groups.txt", len(gs))
	}
	got := map[string]GroupName{}
	for _, g := range gs {
		got[g.Name] = g
	}
	tests := []struct {
		name string
		want GroupName
	}{
		{"kids", GroupName{"kids", "children", ""}},
		{"persons", GroupName{"persons", "people", ""}},
		{"israeli soldiers", GroupName{"israeli soldiers", "soldiers", ""}},
		{"health workers", GroupName{"health workers", "medics", ""}},
		{"gazans", GroupName{"gazans", "palestinians", "Gaza"}},
	}
	for _, tt := range tests {
		if got[tt.name] != tt.want {
			t.Errorf("group %q = %+v, want %+v", tt.name, got[tt.name], tt.want)
		}
	}
	for _, narrower := range []string{"boys", "toddlers", "miners", "doctors"} {
		if _, ok := got[narrower]; ok {
			t.Errorf("%q is a narrower group, not a name for one", narrower)
		}
	}
	gs[0].Group = "changed"
	if GroupNames()[0].Group == "changed" {
		t.Error("GroupNames shares its slice with the caller")
	}
}

func TestParseGroupNamesErrors(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"unknown directive", "group kids = children\n\nname kids = children", `g.txt:3: unknown directive "name" (want group NAME = GROUP [in PLACE])`},
		{"no equals", "group kids children", `g.txt:1: want group NAME = GROUP [in PLACE], got "group kids children"`},
		{"no group", "group kids =", `g.txt:1: want group NAME = GROUP [in PLACE], got "group kids ="`},
		{"two equals", "group kids = children = minors", `g.txt:1: want group NAME = GROUP [in PLACE], got "group kids = children = minors"`},
		{"uppercase", "group Kids = children", `g.txt:1: group "Kids" = "children": write names and groups in lowercase`},
		{"itself", "group kids = kids", `g.txt:1: group "kids" stands for itself: a name here names another group`},
		{"twice", "group kids = children\n# again\ngroup  kids = minors", `g.txt:3: group "kids" is already given on line 1`},
		{"canonical is a name", "group kids = children\ngroup children = people", `g.txt:2: group "children" is itself a name for another group, so it cannot be canonical`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseGroupNames("g.txt", tt.text)
			if err == nil || err.Error() != tt.want {
				t.Errorf("err = %v, want %s", err, tt.want)
			}
		})
	}
	gs, err := parseGroupNames("g.txt", "group gazans = palestinians in Gaza  # a place\ngroup   kids=children")
	if err != nil || len(gs) != 2 || gs[0] != (GroupName{"gazans", "palestinians", "Gaza"}) || gs[1] != (GroupName{"kids", "children", ""}) {
		t.Errorf("parse = %+v, %v", gs, err)
	}
}
