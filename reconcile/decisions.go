package reconcile

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/tollproject/toll/tracker"
)

// ID returns the series' short stable id: "s" and the first 8 hex digits
// of a SHA-256 over the key's fields, lowercased, so that the same
// quantity has the same id from run to run and across databases. A
// series a decision set apart (Split) takes its id from that decision
// alone (NewSeriesID), so it keeps its id when re-extraction changes the
// claim's key. Each field is listed here on purpose: a field added to
// SeriesKey must be added here too, or two series would share an id.
func (k SeriesKey) ID() string {
	if k.Split != "" {
		return NewSeriesID(k.Split)
	}
	fields := []string{
		string(k.Category),
		k.Who,
		k.Where,
		string(k.Scope),
	}
	// Event and Past are only on series formed from report context; the
	// ids of the others stay what they were
	if k.Event != "" || k.Past != "" {
		fields = append(fields, k.Event, k.Past)
	}
	// (and Since only on a later run: a series' first run keeps its id)
	if k.Since != "" {
		fields = append(fields, k.Since)
	}
	return shortSeriesID(fields)
}

// NewSeriesID returns the id of the series a move decision ("toll series
// move CLAIM --to new") makes.
func NewSeriesID(decision string) string {
	return shortSeriesID([]string{"new", decision})
}

func shortSeriesID(fields []string) string {
	h := sha256.Sum256([]byte(strings.ToLower(strings.Join(fields, "\x1f"))))
	return "s" + hex.EncodeToString(h[:4])
}

// seriesKeyFields is SeriesKey without its MarshalJSON.
type seriesKeyFields SeriesKey

// MarshalJSON writes the key's fields with its id first.
func (k SeriesKey) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		ID string `json:"id"`
		seriesKeyFields
	}{k.ID(), seriesKeyFields(k)})
}

// Skip is a series decision that was not applied to the claims at hand,
// and why: the series or claim it names is not among them (re-extraction
// may have changed them since), or it would mix two categories.
type Skip struct {
	Decision tracker.SeriesDecision
	Reason   string
}

// String says what was skipped: "decision d1a2b3c4 (merge s1 into s2)
// skipped: no series s1 among the claims".
func (s Skip) String() string {
	return fmt.Sprintf("decision %s (%s) skipped: %s", s.Decision.ID, s.Decision, s.Reason)
}

// seriesLabel is what name and note decisions attach to a series.
type seriesLabel struct {
	name, note string
}

// decided is what the series decisions did to one prep.
type decided struct {
	labels map[SeriesKey]seriesLabel
	// moves are the merges and moves applied, one each; a claim's
	// moves are a chain of links from last[ci] (a link index + 1, 0 for
	// none), so that a merge of a million claims costs 8 bytes a claim
	// and no allocation of its own
	moves []placement
	links []moveLink
	last  []int32 // by claim index; nil until a claim moves
}

// moveLink is one claim's part in one move, and its move before.
type moveLink struct {
	move, prev int32
}

// placement is one decision moving one claim: its id and what it did.
type placement struct {
	decision, what string
}

// label returns the user's name and note of a series ("" when none).
func (p *prep) label(s int32) seriesLabel {
	if p.decided == nil {
		return seriesLabel{}
	}
	return p.decided.labels[p.series[s].key]
}

// decide applies opts.Decisions, in order, to the series the claims
// formed: it is called once every record has its series and every series
// its key, before series are put in key order. An undone decision is not
// applied; a decision naming a series or claim that is not there is
// skipped and passed to opts.OnSkip. Series ids are those of the keys as
// prepared (SeriesKey.ID); an id merged away stands for the series it was
// merged into. complete says that no claim was left out before (Diff's
// sides and ReviewedOnly leave some out); only then is a missing series
// worth reporting. prepare keeps every record when there are decisions
// and drops those that do not match its filters afterwards (filterRecs),
// so that the series, and their ids, are the same whatever the filters.
func (p *prep) decide(opts Options, complete bool) {
	ds := opts.Decisions
	if len(ds) == 0 {
		return
	}
	skip := func(d tracker.SeriesDecision, format string, args ...any) {
		if opts.OnSkip != nil {
			opts.OnSkip(Skip{Decision: d, Reason: fmt.Sprintf(format, args...)})
		}
	}
	p.decided = &decided{labels: map[SeriesKey]seriesLabel{}}

	// Undo: walking back, a decision an active undo names is cancelled,
	// so undoing an undo restores what it undid.
	pos := make(map[string]int, len(ds))
	for i, d := range ds {
		if _, dup := pos[d.ID]; !dup {
			pos[d.ID] = i
		}
	}
	undone := make([]bool, len(ds))
	for i := len(ds) - 1; i >= 0; i-- {
		d := ds[i]
		if undone[i] || d.Op != tracker.Undo {
			continue
		}
		j, ok := pos[d.Undoes]
		switch {
		case !ok:
			skip(d, "no decision %s", d.Undoes)
		case j >= i:
			skip(d, "decision %s comes after it", d.Undoes)
		default:
			undone[j] = true
		}
	}

	byID := make(map[string]int32, len(p.series))
	for i := range p.series {
		byID[p.series[i].key.ID()] = int32(i)
	}
	merged := map[string]string{} // id merged away → the id it went to
	resolve := func(id string) (int32, bool) {
		for range len(ds) + 1 {
			to, ok := merged[id]
			if !ok {
				break
			}
			id = to
		}
		s, ok := byID[id]
		return s, ok
	}
	missing := func(d tracker.SeriesDecision, id string) {
		if complete {
			skip(d, "no series %s among the claims", id)
		}
	}

	// the records of the claims moves name
	recOf := map[string]int32{}
	for _, d := range ds {
		if d.Op == tracker.Move {
			recOf[d.Claim] = -1
		}
	}
	if len(recOf) > 0 {
		for ri := range p.recs {
			if id := p.claims[p.recs[ri].ci].ID; recOf[id] == -1 {
				recOf[id] = int32(ri)
			}
		}
	}
	stored := func(id string) bool {
		for i := range p.claims {
			if p.claims[i].ID == id {
				return true
			}
		}
		return false
	}

	var sentences map[string]int32 // for records moved into single-event series
	// put moves a record by the last of p.decided.moves
	put := func(ri int32, to int32) {
		x := p.decided
		if x.last == nil {
			x.last = make([]int32, len(p.claims))
		}
		r := &p.recs[ri]
		r.series = to
		x.links = append(x.links, moveLink{move: int32(len(x.moves) - 1), prev: x.last[r.ci]})
		x.last[r.ci] = int32(len(x.links))
		p.rescope(r, p.series[to].key.Scope, &sentences)
	}
	move := func(d tracker.SeriesDecision, what string) {
		p.decided.moves = append(p.decided.moves, placement{d.ID, what})
	}

	for i, d := range ds {
		if undone[i] {
			continue
		}
		switch d.Op {
		case tracker.Merge:
			a, okA := resolve(d.Series)
			b, okB := resolve(d.Other)
			switch {
			case !okA:
				missing(d, d.Series)
				continue
			case !okB:
				missing(d, d.Other)
				continue
			case a == b:
				skip(d, "%s and %s are one series already", d.Series, d.Other)
				continue
			case p.series[a].key.Category != p.series[b].key.Category:
				skip(d, "%s counts %s and %s counts %s", d.Series, p.series[a].key.Category, d.Other, p.series[b].key.Category)
				continue
			}
			move(d, fmt.Sprintf("merged from %s (%s) by %s", p.series[a].key.ID(), p.series[a].key.title(p.series[a].site), d.ID))
			for ri := range p.recs {
				if p.recs[ri].series == a {
					put(int32(ri), b)
				}
			}
			merged[p.series[a].key.ID()] = p.series[b].key.ID()
		case tracker.Move:
			ri := recOf[d.Claim]
			if ri < 0 {
				if !stored(d.Claim) {
					skip(d, "no claim %s", d.Claim)
				}
				continue // not counted here (rejected, or left out by the caller)
			}
			from := p.recs[ri].series
			if d.Series == tracker.NewSeries {
				s := p.series[from]
				s.key.Split = d.ID
				if _, dup := byID[s.key.ID()]; dup {
					skip(d, "series %s exists already", s.key.ID())
					continue
				}
				to := int32(len(p.series))
				p.series = append(p.series, s)
				byID[s.key.ID()] = to
				move(d, "set apart by "+d.ID)
				put(ri, to)
				continue
			}
			to, ok := resolve(d.Series)
			switch {
			case !ok:
				missing(d, d.Series)
				continue
			case p.series[to].key.Category != p.series[from].key.Category:
				skip(d, "claim %s counts %s and %s counts %s", d.Claim, p.series[from].key.Category, d.Series, p.series[to].key.Category)
				continue
			}
			if to != from {
				move(d, fmt.Sprintf("moved from %s by %s", p.series[from].key.ID(), d.ID))
				put(ri, to)
			}
		case tracker.Name, tracker.Note:
			s, ok := resolve(d.Series)
			if !ok {
				missing(d, d.Series)
				continue
			}
			key := p.series[s].key
			l := p.decided.labels[key]
			if d.Op == tracker.Name {
				l.name = d.Text
			} else {
				l.note = d.Text
			}
			p.decided.labels[key] = l
		}
	}
}

// filterRecs drops the records that do not match f (see matching). prepare
// calls it once the series are formed, for claims read with their report's
// context and for all claims when there are decisions: filtering before
// would let the claims it drops change the series of the others (the
// event a report's other figures name) and so their ids.
func (p *prep) filterRecs(f filterSpec) {
	if !f.active() {
		return
	}
	keep := p.matching(f)
	n := 0
	for ri := range p.recs {
		if keep[ri] {
			p.recs[n] = p.recs[ri]
			n++
		}
	}
	p.recs = p.recs[:n]
}

// matching tells which records match f. A claim matches as prepare's
// filters match it, by its own group and place, unless a decision moved
// it: then its group and place are those of the series it is in now,
// which match when its key names them, or some claim the rules placed in it does
// (series formed from report context have places the filters do not
// name). Category, source and dates are the claim's own either way.
func (p *prep) matching(f filterSpec) []bool {
	own := f
	own.group, own.place, own.hasPlace, own.placeID = "", "", false, ""
	where := filterSpec{group: f.group, place: f.place, hasPlace: f.hasPlace, placeID: f.placeID}
	// a claim read with its report's context is about its series' place
	// (the sentence's, else the report's) as well as the one it names
	// (and, when the filter names a place the gazetteer knows, a claim
	// whose context places it there or inside it: "--where Ishikawa"
	// keeps the figures read as Ishikawa's that a timeline shows in
	// Japan's series)
	ownPlace := func(r *rec, sc *tracker.StoredClaim) bool {
		return where.matchClaim(p, sc, r.wgroup, r.wplace, r.source, "") ||
			hasContext(&sc.Claim) && where.matchClaim(p, sc, r.wgroup, p.series[r.series].place, r.source, "") ||
			hasContext(&sc.Claim) && where.group == "" && where.placeID != "" && placeWithin(sc.Claim.Context.PlaceID, where.placeID)
	}
	seriesOK := make([]bool, len(p.series))
	moved := func(r *rec) bool { return p.moved(r.ci) }
	for i := range p.series {
		si := &p.series[i]
		seriesOK[i] = !where.active() || where.matchClaim(p, nil, si.group, si.place, -1, "")
	}
	for ri := range p.recs {
		r := &p.recs[ri]
		if !moved(r) && ownPlace(r, &p.claims[r.ci]) {
			seriesOK[r.series] = true
		}
	}
	keep := make([]bool, len(p.recs))
	for ri := range p.recs {
		r := &p.recs[ri]
		sc := &p.claims[r.ci]
		if !own.matchClaim(p, sc, r.wgroup, r.wplace, r.source, sc.Claim.Category) {
			continue
		}
		if moved(r) {
			keep[ri] = seriesOK[r.series]
		} else {
			keep[ri] = ownPlace(r, sc)
		}
	}
	return keep
}

// rescope makes a record that moved into a series of another scope read
// as one of that scope, as prepare would have read it: a period figure's
// dates, a single event's sentence.
func (p *prep) rescope(r *rec, scope tracker.Scope, sentences *map[string]int32) {
	c := &p.claims[r.ci].Claim
	r.from, r.to, r.sentence = noDay, noDay, -1
	switch scope {
	case tracker.Period:
		r.from, r.to = periodDays(c.From, c.To)
	case tracker.UnknownScope:
		if *sentences == nil {
			*sentences = map[string]int32{}
			for i := range p.recs {
				if s := p.recs[i].sentence; s >= 0 {
					(*sentences)[p.claims[p.recs[i].ci].Claim.Sentence] = s
				}
			}
		}
		sn, ok := (*sentences)[c.Sentence]
		if !ok {
			sn = int32(len(*sentences))
			for _, v := range *sentences {
				sn = max(sn, v+1)
			}
			(*sentences)[c.Sentence] = sn
		}
		r.sentence = sn
	}
}

// why says why a record's claim is in its series: what its own words made
// of the key (the group and place as written, the scope), what its report
// added (tracker.Claim.Context: the place and where it was read, the
// event, a single incident, a part, another time), and the decisions that
// moved it.
func (p *prep) why(ri int32) string {
	r := &p.recs[ri]
	c := &p.claims[r.ci].Claim
	g, implied := p.tax.group(c.Who)
	parts := []string{"who " + readAs(c.Who, g)}
	x := c.Context
	switch {
	case hasContext(c):
		if x.Place != "" {
			place := "place " + x.Place
			if x.PlaceFrom != "" && x.PlaceFrom != "sentence" {
				place += " (from the " + x.PlaceFrom + ")"
			}
			parts = append(parts, place)
		} else {
			parts = append(parts, "no place")
		}
		if x.Event != "" {
			parts = append(parts, "event "+x.Event)
		}
		switch kind := ctxKind(c); {
		case kind == "incident":
			parts = append(parts, "a single incident")
		case kind == "part":
			parts = append(parts, "a part of another figure of its sentence")
		case strings.HasPrefix(kind, "past "):
			parts = append(parts, "about "+x.Past)
		}
	case strings.TrimSpace(c.Where) != "":
		parts = append(parts, "where "+readAs(c.Where, p.tax.Place(c.Where)))
	case implied != "":
		parts = append(parts, "where "+p.tax.Place(implied)+" (from the group)")
	default:
		parts = append(parts, "no place")
	}
	parts = append(parts, "scope "+string(c.Scope))
	if c.Prior {
		parts = append(parts, "an earlier figure the report cites")
	}
	for _, pl := range p.placedBy(r.ci) {
		parts = append(parts, pl.what)
	}
	return strings.Join(parts, "; ")
}

// placedBy returns the decisions that moved a claim, in order.
func (p *prep) placedBy(ci int32) []placement {
	if !p.moved(ci) {
		return nil
	}
	x := p.decided
	var out []placement
	for l := x.last[ci]; l > 0; l = x.links[l-1].prev {
		out = append(out, x.moves[x.links[l-1].move])
	}
	slices.Reverse(out)
	return out
}

// moved reports whether a decision moved a claim.
func (p *prep) moved(ci int32) bool {
	return p.decided != nil && p.decided.last != nil && p.decided.last[ci] > 0
}

// readAs writes a name as written and, when the taxonomy reads it as
// another, that one: "\"Gazans\" → palestinians", "\"Rafah\"".
func readAs(written, canonical string) string {
	if strings.EqualFold(trimName(written), canonical) {
		return fmt.Sprintf("%q", written)
	}
	return fmt.Sprintf("%q → %s", written, canonical)
}

// placeWithin reports whether a context place id is outer or inside it
// ("JP.15/wajima" and "JP.15" are within "JP.15").
func placeWithin(id, outer string) bool {
	if id == "" {
		return false
	}
	return id == outer || strings.HasPrefix(id, outer+"/") || placeContains(outer, id)
}
