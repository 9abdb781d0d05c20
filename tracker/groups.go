package tracker

import (
	_ "embed" // groups.txt
	"fmt"
	"strings"
	"sync"
)

// groupsFile is the built-in group names, one directive a line.
//
//go:embed groups.txt
var groupsFile string

// GroupName is a name that stands for a group wherever toll meets it: in
// a report (the extractor counts "12 kids" as children), in a review, in
// an import. Place is the place the name implies ("Gazans": Gaza), or "".
type GroupName struct {
	Name, Group, Place string
}

// builtinGroupNames is groups.txt parsed, once. The file is part of the
// binary and TestGroupNames parses it, so a failure is a bug in the
// build, not bad input.
var builtinGroupNames = sync.OnceValue(func() []GroupName {
	gs, err := parseGroupNames("groups.txt", groupsFile)
	if err != nil {
		panic("tracker: built-in group names: " + err.Error())
	}
	return gs
})

// GroupNames returns the built-in group names (groups.txt), in file
// order: the one list of names for groups that the extractor and the
// reconciler's taxonomy both read. The slice is the caller's to keep.
func GroupNames() []GroupName {
	return append([]GroupName(nil), builtinGroupNames()...)
}

// parseGroupNames reads "group NAME = GROUP [in PLACE]" lines; blank lines
// and text after '#' are ignored. Names and groups are lowercase, with
// single spaces; a name is given once. Errors name the file and line.
func parseGroupNames(file, text string) ([]GroupName, error) {
	var out []GroupName
	seen := map[string]int{}
	for n, line := range strings.Split(text, "\n") {
		bad := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %s", file, n+1, fmt.Sprintf(format, args...))
		}
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		fs := strings.Fields(line)
		if len(fs) == 0 {
			continue
		}
		if fs[0] != "group" {
			return nil, bad("unknown directive %q (want group NAME = GROUP [in PLACE])", fs[0])
		}
		name, target, ok := strings.Cut(strings.Join(fs[1:], " "), "=")
		group, place, _ := strings.Cut(target, " in ")
		name, group = strings.TrimSpace(name), strings.TrimSpace(group)
		if !ok || name == "" || group == "" || strings.Contains(group, "=") {
			return nil, bad("want group NAME = GROUP [in PLACE], got %q", strings.TrimSpace(line))
		}
		if name != strings.ToLower(name) || group != strings.ToLower(group) {
			return nil, bad("group %q = %q: write names and groups in lowercase", name, group)
		}
		if name == group {
			return nil, bad("group %q stands for itself: a name here names another group", name)
		}
		if first, dup := seen[name]; dup {
			return nil, bad("group %q is already given on line %d", name, first)
		}
		seen[name] = n + 1
		out = append(out, GroupName{Name: name, Group: group, Place: strings.TrimSpace(place)})
	}
	// A name that is itself a group's canonical name would make the
	// mapping depend on the order it is followed in.
	for _, g := range out {
		if line, ok := seen[g.Group]; ok {
			return nil, fmt.Errorf("%s:%d: group %q is itself a name for another group, so it cannot be canonical", file, line, g.Group)
		}
	}
	return out, nil
}
