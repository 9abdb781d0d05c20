package reconcile

import (
	"strings"

	"github.com/tollproject/toll/tracker"
)

// Filter is the claim filter of Options (category, group, place, source
// and dates) on its own, for a listing that reads stored claims one at a
// time: it keeps the claims a timeline with the same Options would draw
// on, by the same rules ("kids" keeps children, "the Gaza Strip" keeps
// Gaza, a source matches its attribution, outlet or canonical name). It
// looks at no review status: a listing decides what to do with rejected
// claims.
type Filter struct {
	tax  *Taxonomy
	spec filterSpec
}

// NewFilter returns the filter of o; its error is ErrBadOptions for an
// unknown category or until before since.
func NewFilter(o Options) (*Filter, error) {
	if err := o.validate(); err != nil {
		return nil, err
	}
	tax := o.Taxonomy
	if tax == nil {
		tax = DefaultTaxonomy()
	}
	return &Filter{tax: tax, spec: newFilterSpec(tax, o)}, nil
}

// contextPlace reports whether the place the report's context gives a
// claim is the filter's (see prep.placeMatches): "Gaza" keeps the claims
// of a report about the Gaza Strip whose sentences name no place. A
// timeline may put a town's claim in its country's series, which this
// does not see.
func (f *Filter) contextPlace(c *tracker.Claim) bool {
	if c.Context.Place == "" {
		return false
	}
	if f.spec.placeID != "" && c.Context.PlaceID == f.spec.placeID {
		return true
	}
	name := c.Context.Place
	if pl, ok := gaz().Get(c.Context.PlaceID); ok {
		name = pl.Name
	}
	key, _ := f.tax.placeKey(name)
	return key == f.spec.place
}

// Match reports whether sc passes the filter.
func (f *Filter) Match(sc *tracker.StoredClaim) bool {
	s, c := f.spec, &sc.Claim
	if s.category != "" && c.Category != s.category {
		return false
	}
	if !s.active() {
		return true
	}
	var group, implied string
	if s.group != "" || s.hasPlace {
		group, implied = f.tax.group(c.Who)
	}
	if s.group != "" && group != s.group {
		return false
	}
	if s.hasPlace {
		where := c.Where
		if strings.TrimSpace(where) == "" {
			where = implied
		}
		if key, _ := f.tax.placeKey(where); key != s.place && !f.contextPlace(c) {
			return false
		}
	}
	if s.src != "" {
		raw := sc.Source()
		_, canon := f.tax.sourceKey(raw)
		if canon == "" {
			canon = trimName(raw)
		}
		if !sourceMatches(s.src, sc, canon) {
			return false
		}
	}
	return s.inDates(sc, false)
}
