package gazetteer

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/tollproject/toll/tracker/gazetteer/internal/fold"
)

// ErrBadDirective is returned, wrapped with the line, for a directive
// that cannot be read or names a place the gazetteer does not know.
var ErrBadDirective = errors.New("bad gazetteer directive")

// MaxDirectivesBytes caps a directives file. The built-in one is a few
// kilobytes; anything past 1 MiB is the wrong file.
const MaxDirectivesBytes = 1 << 20

// WithDirectives returns a new Gazetteer with the directives read from r
// applied on top of g; g is unchanged. The format is the one of the
// built-in extra.txt (which doubles as its example): one directive a line,
// '#' starts a comment, names are compared like Lookup's:
//
//	alias NAME = PLACE                NAME also names PLACE
//	unalias NAME [= PLACE]            NAME no longer names PLACE (or anything)
//	region ID = NAME [in PARENT]      a named area that no dataset has
//	demonym WORD[, WORD…] = PLACE     WORD is the people of PLACE, or its adjective
//	nodemonym WORD[, WORD…]           WORD is no demonym
//
// PLACE and PARENT are an ID ("PS.GZ", "gn:281133", "MA") or a name,
// which stands for its best candidate (Lookup's first); IDs are exact and
// are what the built-in file uses. A region's ID must be new; by
// convention it starts with "x:". Errors name the line:
// "bad gazetteer directive: line 12: unknown place "Gaza Strp"".
func (g *Gazetteer) WithDirectives(r io.Reader) (*Gazetteer, error) {
	out := g.clone()
	lr := &io.LimitedReader{R: r, N: MaxDirectivesBytes + 1}
	sc := bufio.NewScanner(lr)
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if err := out.apply(line); err != nil {
			return nil, fmt.Errorf("%w: line %d: %w", ErrBadDirective, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("%w: line %d: longer than 64 KiB", ErrBadDirective, n+1)
		}
		return nil, fmt.Errorf("read gazetteer directives: %w", err)
	}
	if lr.N <= 0 {
		return nil, fmt.Errorf("%w: larger than %d bytes", ErrBadDirective, MaxDirectivesBytes)
	}
	return out, nil
}

// WithAliases returns a new Gazetteer in which each name of aliases also
// names its place (an ID or a name, as in an alias directive); g is
// unchanged. It is the map form of alias directives, for callers such as
// reconcile's taxonomy file that keep their own format.
func (g *Gazetteer) WithAliases(aliases map[string]string) (*Gazetteer, error) {
	out := g.clone()
	for _, name := range slices.Sorted(maps.Keys(aliases)) {
		if err := out.addAlias(name, aliases[name]); err != nil {
			return nil, fmt.Errorf("%w: alias %q: %w", ErrBadDirective, name, err)
		}
	}
	return out, nil
}

// clone copies what directives change; the embedded table is shared.
func (g *Gazetteer) clone() *Gazetteer {
	c := &Gazetteer{t: g.t, maxWords: g.maxWords,
		extra:   slices.Clone(g.extra),
		extraID: maps.Clone(g.extraID),
		alias:   make(map[string][]int32, len(g.alias)),
		unalias: make(map[string][]int32, len(g.unalias)),
		demonym: maps.Clone(g.demonym),
	}
	// The lists are copied too: apply appends to them.
	for k, v := range g.alias {
		c.alias[k] = slices.Clone(v)
	}
	for k, v := range g.unalias {
		c.unalias[k] = slices.Clone(v)
	}
	if c.extraID == nil {
		c.extraID = map[string]int32{}
	}
	if c.demonym == nil {
		c.demonym = map[string]int32{}
	}
	return c
}

// apply runs one directive on g, which the caller owns.
func (g *Gazetteer) apply(line string) error {
	verb, rest, _ := strings.Cut(line, " ")
	rest = strings.TrimSpace(rest)
	switch strings.ToLower(verb) {
	case "alias":
		name, target, ok := splitAssign(rest)
		if !ok {
			return fmt.Errorf("want alias NAME = PLACE, got %q", line)
		}
		return g.addAlias(name, target)
	case "unalias":
		name, target, hasTarget := splitAssign(rest)
		if !hasTarget {
			name = rest
		}
		key := fold.Key(name)
		if key == "" {
			return fmt.Errorf("want unalias NAME [= PLACE], got %q", line)
		}
		if !hasTarget {
			g.unalias[key] = []int32{}
			delete(g.alias, key)
			return nil
		}
		r, err := g.find(target)
		if err != nil {
			return err
		}
		if old, ok := g.unalias[key]; !ok || len(old) > 0 {
			g.unalias[key] = append(old, r)
		}
		g.alias[key] = slices.DeleteFunc(g.alias[key], func(x int32) bool { return x == r })
		return nil
	case "region":
		id, target, ok := splitAssign(rest)
		if !ok || id == "" || strings.ContainsAny(id, " \t") {
			return fmt.Errorf("want region ID = NAME [in PARENT], got %q", line)
		}
		if _, exists := g.ref(id); exists {
			return fmt.Errorf("region %s: the ID is taken", id)
		}
		name, parent, hasParent := strings.Cut(target, " in ")
		name = strings.TrimSpace(name)
		p := Place{ID: id, Name: name, Kind: Region}
		if hasParent {
			r, err := g.find(strings.TrimSpace(parent))
			if err != nil {
				return err
			}
			pp := g.place(r)
			p.Parent, p.Country = pp.ID, pp.Country
		}
		if fold.Key(name) == "" {
			return fmt.Errorf("region %s has no name", id)
		}
		ref := int32(g.t.places.len() + len(g.extra))
		g.extra = append(g.extra, p)
		g.extraID[id] = ref
		return g.addAlias(name, id)
	case "demonym", "nodemonym":
		words, target := rest, ""
		if verb == "demonym" {
			var ok bool
			words, target, ok = splitAssign(rest)
			if !ok {
				return fmt.Errorf("want demonym WORD[, WORD…] = PLACE, got %q", line)
			}
		}
		ref := int32(-1)
		if target != "" {
			r, err := g.find(target)
			if err != nil {
				return err
			}
			ref = r
		}
		n := 0
		for w := range strings.SplitSeq(words, ",") {
			if k := fold.Key(w); k != "" {
				g.demonym[k] = ref
				n++
			}
		}
		if n == 0 {
			return fmt.Errorf("%s needs a word", verb)
		}
		return nil
	}
	return fmt.Errorf("unknown directive %q (want alias, unalias, region, demonym or nodemonym)", verb)
}

// addAlias makes name also name target.
func (g *Gazetteer) addAlias(name, target string) error {
	key := fold.Key(name)
	if key == "" {
		return fmt.Errorf("alias %q has no letters", name)
	}
	r, err := g.find(target)
	if err != nil {
		return err
	}
	if !slices.Contains(g.alias[key], r) {
		g.alias[key] = append(g.alias[key], r)
	}
	if removed, ok := g.unalias[key]; ok && len(removed) > 0 {
		g.unalias[key] = slices.DeleteFunc(removed, func(x int32) bool { return x == r })
	}
	g.maxWords = max(g.maxWords, fold.Words(key))
	return nil
}

// find reads a PLACE: an ID, else a name's best candidate.
func (g *Gazetteer) find(s string) (int32, error) {
	s = strings.TrimSpace(s)
	if r, ok := g.ref(s); ok {
		return r, nil
	}
	cands := g.Lookup(s)
	if len(cands) == 0 {
		return 0, fmt.Errorf("unknown place %q", s)
	}
	r, _ := g.ref(cands[0].ID)
	return r, nil
}

// splitAssign reads "LEFT = RIGHT".
func splitAssign(s string) (string, string, bool) {
	l, r, ok := strings.Cut(s, "=")
	l, r = strings.TrimSpace(l), strings.TrimSpace(r)
	return l, r, ok && l != "" && r != ""
}
