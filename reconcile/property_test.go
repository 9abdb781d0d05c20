package reconcile

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/tollproject/toll/tracker"
)

var (
	seedFlag   = flag.Uint64("seed", 0, "seed of the random property tests (0: from the clock)")
	roundsFlag = flag.Int("rounds", 300, "rounds of the random property tests")
)

// testSeed returns the seed of a random test and logs it, so a failure
// can be replayed with -seed.
func testSeed(tb testing.TB) uint64 {
	tb.Helper()
	seed := *seedFlag
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	tb.Logf("seed %d (replay with -seed %d)", seed, seed)
	return seed
}

// world is what random claims are drawn from. A wide world has every
// kind of name and alias; a dense one few, so that series, days, sources
// and reports collide and the rules that need several claims together
// (parts, periods) get work.
type world struct {
	cats           []tracker.Category
	whos, wheres   []string
	attrs, outlets []string
	days, reports  int
	maxValue       int
	periodPerTen   int
	unknownPerTen  int
}

var (
	wideWorld = world{
		cats:    []tracker.Category{tracker.Killed, tracker.Killed, tracker.Injured, tracker.Hostage},
		whos:    []string{"people", "palestinians", "children", "women", "elderly", "israelis", "soldiers", "civilians", "kids", "Gazans"},
		wheres:  []string{"", "Gaza", "the Gaza Strip", "Israel", "al-Ahli hospital", "al-Ahli Arab hospital", "Rafah"},
		attrs:   []string{"", "Gaza health ministry", "Ministry of Health in Gaza", "UN OCHA", "IDF", "Israeli military", "un ocha"},
		outlets: []string{"Wire", "Daily", "Post"},
		days:    6, reports: 8, maxValue: 60, periodPerTen: 2, unknownPerTen: 2,
	}
	denseWorld = world{
		cats:    []tracker.Category{tracker.Killed},
		whos:    []string{"people", "children", "women", "israelis", "palestinians"},
		wheres:  []string{"", "Gaza"},
		attrs:   []string{"Gaza health ministry", "UN OCHA"},
		outlets: []string{"Wire"},
		days:    3, reports: 3, maxValue: 40, periodPerTen: 3, unknownPerTen: 1,
	}
)

// randomClaims draws n claims from a world.
func randomClaims(r *rand.Rand, w world, n int) []tracker.StoredClaim {
	quals := []tracker.Qualifier{tracker.Exact, tracker.Exact, tracker.Exact, tracker.AtLeast, tracker.MoreThan, tracker.Approx, tracker.Range, tracker.AtMost, tracker.Nearly}
	sentences := []string{"s1", "s2", "s3"}
	statuses := []tracker.Status{tracker.Unreviewed, tracker.Unreviewed, tracker.Accepted, tracker.Corrected, tracker.Rejected}
	base := tracker.MustDate("2023-10-10")
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	out := make([]tracker.StoredClaim, n)
	for i := range out {
		day := base.AddDays(r.IntN(w.days))
		q := quals[r.IntN(len(quals))]
		v := decimal.NewFromInt(int64(r.IntN(w.maxValue)))
		iv := tracker.Bounds(q, v)
		if q == tracker.Range {
			iv = tracker.RangeInterval(v, decimal.NewFromInt(int64(r.IntN(w.maxValue))))
		}
		c := tracker.Claim{Category: w.cats[r.IntN(len(w.cats))], Interval: iv, Qualifier: q,
			Who: pick(w.whos), Where: pick(w.wheres), Attribution: pick(w.attrs),
			AsOf: day, Scope: tracker.Cumulative, Sentence: pick(sentences), Span: fmt.Sprintf("span %d", i)}
		switch x := r.IntN(10); {
		case x < w.unknownPerTen:
			c.Scope = tracker.UnknownScope
		case x < w.unknownPerTen+w.periodPerTen:
			c.Scope = tracker.Period
			from := day.AddDays(-r.IntN(2))
			c.From, c.To = from.String(), day.String()
		}
		c.Prior = r.IntN(10) == 0
		c.Revised = r.IntN(10) == 0
		if r.IntN(20) == 0 {
			c.AsOf = tracker.Date{} // falls back to the report date
		}
		report := fmt.Sprintf("r%d", r.IntN(w.reports))
		out[i] = tracker.StoredClaim{ID: fmt.Sprintf("%s-%d", report, i), ReportID: report,
			Outlet: pick(w.outlets), Published: day, Claim: c, Status: statuses[r.IntN(len(statuses))]}
	}
	return out
}

// randomWorld alternates the worlds round by round.
func randomWorld(round int) world {
	if round%2 == 1 {
		return denseWorld
	}
	return wideWorld
}

// randomDecisions makes up to six series decisions about the claims'
// series and claims, with now and then one naming nothing there and undos
// of earlier ones.
func randomDecisions(tb testing.TB, r *rand.Rand, claims []tracker.StoredClaim) []tracker.SeriesDecision {
	tb.Helper()
	l, err := ListSeries(claims, Options{})
	if err != nil {
		tb.Fatal(err)
	}
	if len(l.Series) == 0 {
		return nil
	}
	series := func() string {
		if r.IntN(8) == 0 {
			return "s00000000"
		}
		return l.Series[r.IntN(len(l.Series))].Key.ID()
	}
	at := time.Date(2023, 11, 1, 0, 0, 0, 0, time.UTC)
	var ds []tracker.SeriesDecision
	for i := range r.IntN(7) {
		d := tracker.SeriesDecision{ID: fmt.Sprintf("d%d", i), At: at}
		switch k := r.IntN(6); {
		case k == 0 && i > 0:
			d.Op, d.Undoes = tracker.Undo, ds[r.IntN(i)].ID
		case k <= 2:
			d.Op, d.Series, d.Other = tracker.Merge, series(), series()
		case k == 3:
			d.Op, d.Claim, d.Series = tracker.Move, claims[r.IntN(len(claims))].ID, series()
			if r.IntN(2) == 0 {
				d.Series = tracker.NewSeries
			}
		default:
			d.Op, d.Series, d.Text = tracker.Name, series(), fmt.Sprintf("name %d", i)
		}
		ds = append(ds, d)
	}
	return ds
}

func shuffled(r *rand.Rand, cs []tracker.StoredClaim) []tracker.StoredClaim {
	out := slices.Clone(cs)
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// TestShuffleChangesNothing: the order claims come in changes no output.
func TestShuffleChangesNothing(t *testing.T) {
	r := rand.New(rand.NewPCG(testSeed(t), 1))
	for round := range *roundsFlag / 3 {
		claims := randomClaims(r, randomWorld(round), 5+r.IntN(60))
		mixed := shuffled(r, claims)
		ds := randomDecisions(t, r, claims)
		for _, opts := range []Options{{}, {Window: 1}, {View: ViewRange}, {View: ViewConservative}, {ReviewedOnly: true}, {Source: "ministry"},
			{Decisions: ds, Window: 1}, {Decisions: ds, Category: tracker.Killed}} {
			if opts.Decisions != nil {
				l1, err1 := ListSeries(claims, opts)
				l2, err2 := ListSeries(mixed, opts)
				if err1 != nil || err2 != nil {
					t.Fatal(err1, err2)
				}
				if !reflect.DeepEqual(l1, l2) {
					t.Fatalf("round %d, %+v: series lists depend on order", round, opts)
				}
			}
			f1, err1 := Check(claims, opts)
			f2, err2 := Check(mixed, opts)
			if err1 != nil || err2 != nil {
				t.Fatal(err1, err2)
			}
			if !reflect.DeepEqual(f1, f2) {
				t.Fatalf("round %d, %+v: findings depend on order:\n%s\nvs\n%s", round, opts, messages(f1), messages(f2))
			}
			t1, _ := Timelines(claims, opts)
			t2, _ := Timelines(mixed, opts)
			if !reflect.DeepEqual(t1, t2) {
				t.Fatalf("round %d, %+v: timelines depend on order", round, opts)
			}
			d1, _ := Diff(claims, "ministry", "ocha", opts)
			d2, _ := Diff(mixed, "ministry", "ocha", opts)
			if !reflect.DeepEqual(d1, d2) {
				t.Fatalf("round %d, %+v: diffs depend on order", round, opts)
			}
		}
		half := len(claims) / 2
		rd1, _ := DiffReports(claims[:half], claims[half:], Options{})
		rd2, _ := DiffReports(shuffled(r, claims[:half]), shuffled(r, claims[half:]), Options{})
		if !reflect.DeepEqual(rd1, rd2) {
			t.Fatalf("round %d: report diffs depend on order", round)
		}
	}
}

// TestDiffWithItselfIsEmpty: a source diffed with itself shows nothing,
// and neither does a text that every claim's source holds twice over.
func TestDiffWithItselfIsEmpty(t *testing.T) {
	r := rand.New(rand.NewPCG(testSeed(t), 2))
	for round := range *roundsFlag / 3 {
		claims := randomClaims(r, randomWorld(round), 5+r.IntN(60))
		for _, s := range []string{"ministry", "UN OCHA", "IDF", "Wire"} {
			for _, w := range []int{0, 2} {
				d, err := Diff(claims, s, strings.ToUpper(s), Options{Window: w})
				if err != nil {
					t.Fatal(err)
				}
				if len(d.Series) != 0 {
					t.Fatalf("round %d: Diff(%q, %q) has %d series", round, s, strings.ToUpper(s), len(d.Series))
				}
			}
		}
		rd, err := DiffReports(claims, claims, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Changes) != 0 {
			t.Fatalf("round %d: DiffReports(x, x) has %d changes", round, len(rd.Changes))
		}
	}
}

// TestCheckAgreesWithReference runs Check and a naive O(n²) reading of
// the rules (below, written apart from check.go) on random claims and
// wants the same findings: kind, severity and claims (for
// parts_exceed_total, where equal sums can pick different parts, the
// total's claim and the sum).
func TestCheckAgreesWithReference(t *testing.T) {
	r := rand.New(rand.NewPCG(testSeed(t), 3))
	kinds := map[Kind]int{}
	for round := range *roundsFlag {
		claims := randomClaims(r, randomWorld(round), 5+r.IntN(50))
		window := r.IntN(3)
		fs := MustCheck(t, claims, Options{Window: window})
		got := make([]string, len(fs))
		for i, f := range fs {
			got[i] = realSig(f)
			kinds[f.Kind]++
		}
		slices.Sort(got)
		want := naiveCheck(claims, window, DefaultTaxonomy())
		if !slices.Equal(got, want) {
			var b strings.Builder
			for _, c := range claims {
				if c.Counts() {
					fmt.Fprintf(&b, "  %s %s %s %s %q @%q by %q %s %s-%s prior=%v rev=%v %q\n", c.ID, c.Claim.AsOf, c.Claim.Category, c.Claim.Figure(),
						c.Claim.Who, c.Claim.Where, c.Source(), c.Claim.Scope, c.Claim.From, c.Claim.To, c.Claim.Prior, c.Claim.Revised, c.Claim.Sentence)
				}
			}
			t.Fatalf("round %d, window %d:\nonly real: %q\nonly reference: %q\nclaims:\n%s", round, window,
				minus(got, want), minus(want, got), b.String())
		}
	}
	t.Logf("findings by kind over all rounds: %v", kinds)
	for _, k := range Kinds() {
		if k == SourcesFarApart || k == StaleRepeat {
			// raised only in series formed from report context, which
			// the random claims (and the reference checker) do not
			// have; stale_test.go covers them
			continue
		}
		if kinds[k] == 0 {
			t.Errorf("no %s finding in %d rounds: the random claims do not exercise it", k, *roundsFlag)
		}
	}
}

func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

func realSig(f Finding) string {
	if f.Kind == PartsExceedTotal {
		sum := decimal.Zero
		for _, c := range f.Claims[:len(f.Claims)-1] {
			sum = sum.Add(c.Interval.Low)
		}
		return fmt.Sprintf("%s/%s whole=%s sum=%s", f.Kind, f.Severity, f.Claims[len(f.Claims)-1].ID, sum)
	}
	ids := make([]string, len(f.Claims))
	for i, c := range f.Claims {
		ids[i] = c.ID
	}
	slices.Sort(ids)
	return string(f.Kind) + "/" + string(f.Severity) + " " + strings.Join(ids, " ")
}

// nclaim is a counted claim as the reference reads it.
type nclaim struct {
	id, report, sentence string
	cat                  tracker.Category
	group, place, source string // keys
	scope                tracker.Scope
	day, from, to        int // days; -1 unknown
	iv                   tracker.Interval
	prior, revised       bool
	q, vague             string
	site                 bool
}

// nfig is a figure: claims of one source, series, day and interval.
type nfig struct {
	c   nclaim // the first claim, for the keys
	ids []string
	rev bool
}

func nday(d tracker.Date) int {
	if d.IsZero() {
		return -1
	}
	return int(d.Time().Unix() / 86400)
}

// statesPrior reports whether a claim of figure x has, in its sentence,
// a prior of its series equal to figure y ("up from 87"): a succession,
// not a disagreement.
func statesPrior(cs []nclaim, x, y nfig) bool {
	for _, id := range x.ids {
		for _, c := range cs {
			if c.id != id {
				continue
			}
			for _, p := range cs {
				if p.prior && p.report == c.report && p.sentence == c.sentence && sameSeries(p, c) && p.iv.Equal(y.c.iv) {
					return true
				}
			}
		}
	}
	return false
}

func sameSeries(a, b nclaim) bool {
	return a.cat == b.cat && a.group == b.group && a.place == b.place && a.scope == b.scope
}

func nbelow(b, a tracker.Interval) bool { return !b.Unbounded && b.High.LessThan(a.Low) }

func cannotFall(c tracker.Category) bool { return c == tracker.Killed || c == tracker.Injured }

// naiveCheck is the reference: every rule as plain loops over all pairs.
func naiveCheck(claims []tracker.StoredClaim, window int, tax *Taxonomy) []string {
	var cs []nclaim
	for _, sc := range claims {
		if !sc.Counts() {
			continue
		}
		c := sc.Claim
		g, implied := tax.group(c.Who)
		where := c.Where
		if strings.TrimSpace(where) == "" {
			where = implied
		}
		place, _ := tax.placeKey(where)
		src, _ := tax.sourceKey(sc.Source())
		asOf := c.AsOf
		if asOf.IsZero() {
			asOf = sc.Published
		}
		n := nclaim{id: sc.ID, report: sc.ReportID, sentence: c.Sentence, cat: c.Category, group: g, place: place,
			source: src, scope: c.Scope, day: nday(asOf), from: -1, to: -1, iv: c.Interval, prior: c.Prior,
			revised: c.Revised, q: string(c.Qualifier), vague: c.Vague, site: tax.IsSite(tax.Place(where))}
		if c.Scope == tracker.Period {
			f, e1 := tracker.ParseDate(c.From)
			tt, e2 := tracker.ParseDate(c.To)
			if e1 == nil && e2 == nil && !f.IsZero() && !tt.IsZero() && !tt.Before(f) {
				n.from, n.to = nday(f), nday(tt)
			}
		}
		cs = append(cs, n)
	}
	// a dead or injured count whose sentence states a higher earlier
	// figure is a revision (prep.statedFalls)
	// (and the prior is then one the count fell from: no prior_mismatch)
	down := map[string]bool{}
	for i := range cs {
		c := &cs[i]
		if c.prior || c.revised || !cannotFall(c.cat) {
			continue
		}
		for _, p := range cs {
			if !p.prior || p.report != c.report || p.sentence != c.sentence || p.cat != c.cat {
				continue
			}
			if c.iv.Unbounded && c.iv.Low.LessThan(p.iv.Low) || !c.iv.Unbounded && c.iv.High.LessThan(p.iv.Low) {
				c.revised = true
				down[p.id] = true
			}
		}
	}
	// figures
	var figs []nfig
	for _, c := range cs {
		if c.prior {
			continue
		}
		found := false
		for i := range figs {
			f := &figs[i]
			if sameSeries(f.c, c) && f.c.source == c.source && f.c.day == c.day && f.c.from == c.from && f.c.to == c.to && f.c.iv.Equal(c.iv) {
				f.ids = append(f.ids, c.id)
				f.rev = f.rev || c.revised
				found = true
			}
		}
		if !found {
			figs = append(figs, nfig{c: c, ids: []string{c.id}, rev: c.revised})
		}
	}
	out := map[string]bool{}
	add := func(kind Kind, sev Severity, ids ...string) {
		ids = slices.Clone(ids)
		slices.Sort(ids)
		out[string(kind)+"/"+string(sev)+" "+strings.Join(ids, " ")] = true
	}
	pair := func(a, b nfig) []string { return append(slices.Clone(a.ids), b.ids...) }
	dated := func(f nfig) bool { return f.c.day >= 0 }
	decreased := map[[2]int]bool{}

	// decrease and revision
	for i, x := range figs {
		for j, y := range figs {
			if !sameSeries(x.c, y.c) || x.c.scope != tracker.Cumulative || !dated(x) || !dated(y) || x.c.day >= y.c.day || !nbelow(y.c.iv, x.c.iv) {
				continue
			}
			if x.c.source == y.c.source {
				between := false
				for _, z := range figs {
					if sameSeries(z.c, x.c) && z.c.source == x.c.source && dated(z) && z.c.day > x.c.day && z.c.day < y.c.day {
						between = true
					}
				}
				if between {
					continue
				}
				decreased[[2]int{i, j}] = true
				switch {
				case y.rev:
					add(Revision, Info, pair(x, y)...)
				case cannotFall(x.c.cat):
					add(Decrease, Error, pair(x, y)...)
				default:
					add(Decrease, Warning, pair(x, y)...)
				}
				continue
			}
			ok := true
			for _, z := range figs {
				if !sameSeries(z.c, x.c) || !dated(z) {
					continue
				}
				if z.c.day > x.c.day && z.c.day < y.c.day || z.c.day == x.c.day && z.c.source == y.c.source || z.c.day == y.c.day && z.c.source == x.c.source {
					ok = false
				}
			}
			if !ok {
				continue
			}
			decreased[[2]int{i, j}] = true
			if y.rev {
				add(Revision, Info, pair(x, y)...)
			} else {
				add(Decrease, Warning, pair(x, y)...)
			}
		}
	}
	// sources_disagree
	for i, x := range figs {
		for j, y := range figs {
			if i == j || !sameSeries(x.c, y.c) || x.c.source == y.c.source || !dated(x) || !dated(y) {
				continue
			}
			switch {
			case x.c.scope == tracker.Period:
				if i < j && x.c.from >= 0 && x.c.from == y.c.from && x.c.to == y.c.to && !x.c.iv.Overlaps(y.c.iv) {
					add(SourcesDisagree, Error, pair(x, y)...)
				}
				continue
			case x.c.scope == tracker.Cumulative || x.c.scope == tracker.UnknownScope && x.c.site:
			default:
				continue
			}
			sev := Error
			if x.c.scope == tracker.UnknownScope {
				sev = Warning
			}
			if i < j && x.c.day == y.c.day && !x.c.iv.Overlaps(y.c.iv) && !statesPrior(cs, x, y) && !statesPrior(cs, y, x) {
				add(SourcesDisagree, sev, pair(x, y)...)
			}
			if window > 0 && cannotFall(x.c.cat) && y.c.day > x.c.day && y.c.day-x.c.day <= window && nbelow(y.c.iv, x.c.iv) && !decreased[[2]int{i, j}] {
				add(SourcesDisagree, Warning, pair(x, y)...)
			}
		}
	}
	// subgroup_exceeds_total: one source's figures for one day ...
	for _, x := range figs {
		for _, y := range figs {
			if x.c.scope == tracker.UnknownScope || x.c.scope != y.c.scope || x.c.cat != y.c.cat || x.c.place != y.c.place ||
				x.c.source != y.c.source || !dated(x) || x.c.day != y.c.day || x.c.from != y.c.from || x.c.to != y.c.to ||
				x.c.scope == tracker.Period && x.c.from < 0 {
				continue
			}
			if tax.PartOf(x.c.group, y.c.group) && nbelow(y.c.iv, x.c.iv) {
				add(SubgroupExceedsTotal, Error, pair(x, y)...)
			}
		}
	}
	// ... and any two claims of one report (one sentence for events)
	sameBucket := func(a, b nclaim) bool {
		return a.report == b.report && a.cat == b.cat && a.scope == b.scope && a.day == b.day && a.day >= 0 &&
			a.from == b.from && a.to == b.to && (a.scope != tracker.UnknownScope || a.sentence == b.sentence)
	}
	for _, x := range cs {
		for _, y := range cs {
			if x.prior || y.prior || !sameBucket(x, y) || x.place != y.place || x.source == y.source && x.scope != tracker.UnknownScope {
				continue
			}
			if tax.PartOf(x.group, y.group) && nbelow(y.iv, x.iv) {
				add(SubgroupExceedsTotal, Error, x.id, y.id)
			}
		}
	}
	// parts_exceed_total: for each total, every set of disjoint parts
	for _, w := range cs {
		if w.prior || w.iv.Unbounded || w.day < 0 {
			continue
		}
		dup := false
		for _, o := range cs {
			if !o.prior && sameBucket(o, w) && o.group == w.group && o.place == w.place && o.iv.Equal(w.iv) && o.id < w.id {
				dup = true
			}
		}
		if dup {
			continue
		}
		var cands []nclaim
		for _, x := range cs {
			if x.prior || x.id == w.id || !sameBucket(x, w) || !tax.PartOf(x.group, w.group) || x.iv.Low.GreaterThan(w.iv.High) {
				continue
			}
			if x.place != w.place && (w.place != "" || x.site) {
				continue
			}
			twin := false
			for _, o := range cands {
				if o.group == x.group && o.place == x.place && o.iv.Equal(x.iv) {
					twin = true
				}
			}
			if !twin {
				cands = append(cands, x)
			}
		}
		if len(cands) < 2 || len(cands) > maxParts {
			continue // (the random world never has more than maxParts)
		}
		best := decimal.Zero
		found := false
		for mask := 1; mask < 1<<len(cands); mask++ {
			var set []nclaim
			for b := range cands {
				if mask&(1<<b) != 0 {
					set = append(set, cands[b])
				}
			}
			if len(set) < 2 {
				continue
			}
			ok := true
			sum := decimal.Zero
			for a := range set {
				sum = sum.Add(set[a].iv.Low)
				for b := a + 1; b < len(set); b++ {
					if !tax.Disjoint(set[a].group, set[b].group) {
						ok = false
					}
				}
			}
			if ok && (!found || sum.GreaterThan(best)) {
				best, found = sum, true
			}
		}
		if found && best.GreaterThan(w.iv.High) {
			out[fmt.Sprintf("%s/%s whole=%s sum=%s", PartsExceedTotal, Error, w.id, best)] = true
		}
	}
	// prior_mismatch
	for _, p := range cs {
		if !p.prior || p.scope != tracker.Cumulative || !cannotFall(p.cat) || down[p.id] {
			continue
		}
		var xs []nclaim
		for _, x := range cs {
			if !x.prior && x.report == p.report && sameSeries(x, p) && x.source == p.source {
				xs = append(xs, x)
			}
		}
		slices.SortFunc(xs, func(a, b nclaim) int { return strings.Compare(a.id, b.id) })
		fired := false
		for _, x := range xs {
			if !x.revised && nbelow(x.iv, p.iv) {
				add(PriorMismatch, Warning, p.id, x.id)
				fired = true
				break
			}
		}
		if fired || p.day < 0 || p.iv.Unbounded {
			continue
		}
		last := -1
		matched := false
		for _, f := range figs {
			if sameSeries(f.c, p) && f.c.source == p.source && dated(f) && f.c.day < p.day {
				last = max(last, f.c.day)
				if f.c.iv.Overlaps(p.iv) {
					matched = true
				}
			}
		}
		if last < 0 || matched {
			continue
		}
		var lastIvs []tracker.Interval
		ids := []string{p.id}
		for _, x := range xs {
			ids = append(ids, x.id)
		}
		for _, f := range figs {
			if sameSeries(f.c, p) && f.c.source == p.source && f.c.day == last {
				lastIvs = append(lastIvs, f.c.iv)
				ids = append(ids, f.ids...)
			}
		}
		if nbelow(p.iv, hull(lastIvs...)) {
			add(PriorMismatch, Warning, ids...)
		}
	}
	// period_mismatch
	for _, f := range figs {
		if f.c.scope != tracker.Period || f.c.from < 0 {
			continue
		}
		base := f.c.from
		if f.c.from == f.c.to {
			base--
		}
		var ends, bases []nfig
		for _, g := range figs {
			if g.c.scope == tracker.Cumulative && g.c.cat == f.c.cat && g.c.group == f.c.group && g.c.place == f.c.place && g.c.source == f.c.source {
				if g.c.day == f.c.to {
					ends = append(ends, g)
				}
				if g.c.day == base {
					bases = append(bases, g)
				}
			}
		}
		if len(ends) == 0 || len(bases) == 0 {
			continue
		}
		possible := false
		for _, e := range ends {
			for _, b := range bases {
				// the change can be any e − b with e and b in their intervals
				lowOK := e.c.iv.Unbounded || !e.c.iv.High.Sub(b.c.iv.Low).LessThan(f.c.iv.Low)
				highOK := b.c.iv.Unbounded || f.c.iv.Unbounded || !e.c.iv.Low.Sub(b.c.iv.High).GreaterThan(f.c.iv.High)
				if lowOK && highOK {
					possible = true
				}
			}
		}
		if !possible {
			ids := slices.Clone(f.ids)
			for _, g := range append(ends, bases...) {
				ids = append(ids, g.ids...)
			}
			add(PeriodMismatch, Warning, ids...)
		}
	}
	keys := make([]string, 0, len(out))
	for k := range out {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// TestCheckFastPathsAgree compares Check with the checks reading every
// figure as decimals (check's reference), on generated claims given
// report context: the int64 bounds and the series columns of the stale
// and revised checks must change nothing.
func TestCheckFastPathsAgree(t *testing.T) {
	for _, tc := range []struct {
		name  string
		noisy bool
		opts  Options
	}{
		{"agreeing", false, Options{}},
		{"noisy", true, Options{}},
		{"window", false, Options{Window: 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			claims := withReportContext(benchClaims(20_000, tc.noisy))
			got, err := check(claims, tc.opts, false)
			if err != nil {
				t.Fatal(err)
			}
			want, err := check(claims, tc.opts, true)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("%d findings, the reference gives %d", len(got), len(want))
			}
			for i := range got {
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Fatalf("finding %d:\ngot  %+v\nwant %+v", i, got[i], want[i])
				}
			}
		})
	}
}
