package reconcile

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tollproject/toll/tracker"
)

func TestSeriesKeyID(t *testing.T) {
	base := SeriesKey{Category: tracker.Killed, Who: "palestinians", Where: "Gaza", Scope: tracker.Cumulative}
	id := base.ID()
	if len(id) != 9 || id[0] != 's' || strings.ToLower(id) != id {
		t.Fatalf("ID() = %q, want s and 8 lowercase hex digits", id)
	}
	same := base
	same.Who, same.Where = "Palestinians", "GAZA"
	if got := same.ID(); got != id {
		t.Errorf("ID() depends on case: %q and %q", id, got)
	}
	others := []SeriesKey{
		{Category: tracker.Injured, Who: "palestinians", Where: "Gaza", Scope: tracker.Cumulative},
		{Category: tracker.Killed, Who: "children", Where: "Gaza", Scope: tracker.Cumulative},
		{Category: tracker.Killed, Who: "palestinians", Where: "Rafah", Scope: tracker.Cumulative},
		{Category: tracker.Killed, Who: "palestinians", Where: "", Scope: tracker.Cumulative},
		{Category: tracker.Killed, Who: "palestinians", Where: "Gaza", Scope: tracker.Period},
		{Category: tracker.Killed, Who: "palestinians", Where: "Gaza", Scope: tracker.Cumulative, Split: "d1"},
	}
	seen := map[string]SeriesKey{id: base}
	for _, k := range others {
		if prev, dup := seen[k.ID()]; dup {
			t.Errorf("%v and %v share id %s", prev, k, k.ID())
		}
		seen[k.ID()] = k
	}
	// a series set apart takes its id from the decision alone
	moved := SeriesKey{Category: tracker.Injured, Who: "men", Scope: tracker.Period, Split: "d1"}
	if got, want := moved.ID(), NewSeriesID("d1"); got != want || others[5].ID() != want {
		t.Errorf("set-apart ids %q, %q, want %q", got, others[5].ID(), want)
	}
	b, err := json.Marshal(base)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"id":"`+id+`","category":"killed","who":"palestinians","where":"Gaza","scope":"cumulative"}`; got != want {
		t.Errorf("JSON\n got %s\nwant %s", got, want)
	}
}

// decisionClaims are the claims the decision tests work on: the Gaza
// toll (a, b), a Khan Younis toll of one source (c, e), Gaza's injured
// (x), one strike (u), a period figure (p) and a rejected claim (r).
func decisionClaims() []tracker.StoredClaim {
	ex := tracker.Exact
	return stored(
		k("a", "r1", d1, ex, 100),
		k("b", "r2", d2, ex, 120),
		k("c", "r3", d3, ex, 60).in("Khan Younis"),
		k("e", "r4", d4, ex, 70).in("Khan Younis"),
		k("x", "r1", d1, ex, 300).cat_(tracker.Injured),
		k("u", "r2", d2, ex, 12).sc(tracker.UnknownScope).says("A strike on a house killed 12."),
		k("p", "r3", d3, ex, 40).period(d3, d3),
		k("r", "r4", d4, ex, 5).in("Khan Younis").status_(tracker.Rejected),
	)
}

var (
	gazaID = SeriesKey{Category: tracker.Killed, Who: "palestinians", Where: "Gaza", Scope: tracker.Cumulative}.ID()
	kyID   = SeriesKey{Category: tracker.Killed, Who: "palestinians", Where: "Khan Younis", Scope: tracker.Cumulative}.ID()
	injID  = SeriesKey{Category: tracker.Injured, Who: "palestinians", Where: "Gaza", Scope: tracker.Cumulative}.ID()
	oneID  = SeriesKey{Category: tracker.Killed, Who: "palestinians", Where: "Gaza", Scope: tracker.UnknownScope}.ID()
)

// membership writes a series list as "title [name] {note}: claim ids".
func membership(l *SeriesList) []string {
	var out []string
	for _, s := range l.Series {
		line := s.Title
		if s.Name != "" {
			line += " [" + s.Name + "]"
		}
		if s.Note != "" {
			line += " {" + s.Note + "}"
		}
		var ids []string
		for _, c := range s.Claims {
			ids = append(ids, c.Claim)
		}
		out = append(out, line+": "+strings.Join(ids, " "))
	}
	return out
}

func TestDecisions(t *testing.T) {
	at := time.Date(2023, 10, 25, 8, 0, 0, 0, time.UTC)
	dec := func(id string, op tracker.DecisionOp, series, other, claim, text, undoes string) tracker.SeriesDecision {
		return tracker.SeriesDecision{ID: id, Op: op, Series: series, Other: other, Claim: claim, Text: text, Undoes: undoes, At: at}
	}
	merge := func(id, a, b string) tracker.SeriesDecision { return dec(id, tracker.Merge, a, b, "", "", "") }
	move := func(id, claim, to string) tracker.SeriesDecision { return dec(id, tracker.Move, to, "", claim, "", "") }
	name := func(id, s, text string) tracker.SeriesDecision { return dec(id, tracker.Name, s, "", "", text, "") }
	note := func(id, s, text string) tracker.SeriesDecision { return dec(id, tracker.Note, s, "", "", text, "") }
	undo := func(id, of string) tracker.SeriesDecision { return dec(id, tracker.Undo, "", "", "", "", of) }

	baseline := []string{
		"palestinians killed in Gaza (cumulative): a b",
		"palestinians killed in Gaza (period): p",
		"palestinians killed in Gaza (scope unknown): u",
		"palestinians killed in Khan Younis (cumulative): c e",
		"palestinians injured in Gaza (cumulative): x",
	}
	tests := []struct {
		name      string
		decisions []tracker.SeriesDecision
		opts      Options
		want      []string
		skips     []string
	}{
		{name: "none", want: baseline},
		{name: "merge", decisions: []tracker.SeriesDecision{merge("d1", kyID, gazaID)}, want: []string{
			"palestinians killed in Gaza (cumulative): a b c e",
			"palestinians killed in Gaza (period): p",
			"palestinians killed in Gaza (scope unknown): u",
			"palestinians injured in Gaza (cumulative): x",
		}},
		{name: "merge a single event into a toll", decisions: []tracker.SeriesDecision{merge("d1", oneID, gazaID)}, want: []string{
			"palestinians killed in Gaza (cumulative): a b u",
			"palestinians killed in Gaza (period): p",
			"palestinians killed in Khan Younis (cumulative): c e",
			"palestinians injured in Gaza (cumulative): x",
		}},
		{name: "merge across categories is skipped", decisions: []tracker.SeriesDecision{merge("d1", injID, gazaID)}, want: baseline,
			skips: []string{"decision d1 (merge " + injID + " into " + gazaID + ") skipped: " + injID + " counts injured and " + gazaID + " counts killed"}},
		{name: "merge an unknown series is skipped", decisions: []tracker.SeriesDecision{merge("d1", "s00000000", gazaID)}, want: baseline,
			skips: []string{"decision d1 (merge s00000000 into " + gazaID + ") skipped: no series s00000000 among the claims"}},
		{name: "merge twice", decisions: []tracker.SeriesDecision{merge("d1", kyID, gazaID), merge("d2", kyID, gazaID)},
			want:  baseline[:0:0], // replaced below
			skips: []string{"decision d2 (merge " + kyID + " into " + gazaID + ") skipped: " + kyID + " and " + gazaID + " are one series already"}},
		{name: "move", decisions: []tracker.SeriesDecision{move("d1", "c", gazaID)}, want: []string{
			"palestinians killed in Gaza (cumulative): a b c",
			"palestinians killed in Gaza (period): p",
			"palestinians killed in Gaza (scope unknown): u",
			"palestinians killed in Khan Younis (cumulative): e",
			"palestinians injured in Gaza (cumulative): x",
		}},
		{name: "move to new", decisions: []tracker.SeriesDecision{move("d1", "a", tracker.NewSeries), name("d2", NewSeriesID("d1"), "first count")}, want: []string{
			"palestinians killed in Gaza (cumulative): b",
			"palestinians killed in Gaza (cumulative, set apart) [first count]: a",
			"palestinians killed in Gaza (period): p",
			"palestinians killed in Gaza (scope unknown): u",
			"palestinians killed in Khan Younis (cumulative): c e",
			"palestinians injured in Gaza (cumulative): x",
		}},
		{name: "move an unknown claim is skipped", decisions: []tracker.SeriesDecision{move("d1", "zz", gazaID)}, want: baseline,
			skips: []string{"decision d1 (move claim zz to " + gazaID + ") skipped: no claim zz"}},
		{name: "move a rejected claim does nothing", decisions: []tracker.SeriesDecision{move("d1", "r", gazaID)}, want: baseline},
		{name: "move across categories is skipped", decisions: []tracker.SeriesDecision{move("d1", "x", gazaID)}, want: baseline,
			skips: []string{"decision d1 (move claim x to " + gazaID + ") skipped: claim x counts injured and " + gazaID + " counts killed"}},
		{name: "move to a series merged away goes where it went",
			decisions: []tracker.SeriesDecision{merge("d1", kyID, gazaID), move("d2", "u", kyID)}, want: []string{
				"palestinians killed in Gaza (cumulative): a b u c e",
				"palestinians killed in Gaza (period): p",
				"palestinians injured in Gaza (cumulative): x",
			}},
		{name: "name and note", decisions: []tracker.SeriesDecision{name("d1", gazaID, "Gaza toll"), note("d2", gazaID, "ministry figures")},
			want: append([]string{"palestinians killed in Gaza (cumulative) [Gaza toll] {ministry figures}: a b"}, baseline[1:]...)},
		{name: "a later name replaces", decisions: []tracker.SeriesDecision{name("d1", gazaID, "one"), name("d2", gazaID, "two")},
			want: append([]string{"palestinians killed in Gaza (cumulative) [two]: a b"}, baseline[1:]...)},
		{name: "undo a name restores the one before", decisions: []tracker.SeriesDecision{name("d1", gazaID, "one"), name("d2", gazaID, "two"), undo("d3", "d2")},
			want: append([]string{"palestinians killed in Gaza (cumulative) [one]: a b"}, baseline[1:]...)},
		{name: "name an unknown series is skipped", decisions: []tracker.SeriesDecision{name("d1", "s00000000", "x")}, want: baseline,
			skips: []string{`decision d1 (name s00000000 "x") skipped: no series s00000000 among the claims`}},
		{name: "undo a merge", decisions: []tracker.SeriesDecision{merge("d1", kyID, gazaID), undo("d2", "d1")}, want: baseline},
		{name: "undo an undo", decisions: []tracker.SeriesDecision{move("d1", "c", gazaID), undo("d2", "d1"), undo("d3", "d2")}, want: []string{
			"palestinians killed in Gaza (cumulative): a b c",
			"palestinians killed in Gaza (period): p",
			"palestinians killed in Gaza (scope unknown): u",
			"palestinians killed in Khan Younis (cumulative): e",
			"palestinians injured in Gaza (cumulative): x",
		}},
		{name: "undo an unknown decision is skipped", decisions: []tracker.SeriesDecision{undo("d1", "d9")}, want: baseline,
			skips: []string{"decision d1 (undo d9) skipped: no decision d9"}},
		{name: "filters apply to the series a claim ends up in",
			decisions: []tracker.SeriesDecision{merge("d1", kyID, gazaID)}, opts: Options{Where: "Gaza"},
			want: []string{
				"palestinians killed in Gaza (cumulative): a b c e",
				"palestinians killed in Gaza (period): p",
				"palestinians killed in Gaza (scope unknown): u",
				"palestinians injured in Gaza (cumulative): x",
			}},
		{name: "a filter on the place merged away keeps nothing of it",
			decisions: []tracker.SeriesDecision{merge("d1", kyID, gazaID)}, opts: Options{Where: "Khan Younis"}, want: nil},
		{name: "unknown series are not reported when claims were left out",
			decisions: []tracker.SeriesDecision{merge("d1", kyID, gazaID)}, opts: Options{ReviewedOnly: true}, want: nil},
	}
	for i := range tests {
		if tests[i].name == "merge twice" {
			tests[i].want = tests[1].want
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var skips []string
			opts := tt.opts
			opts.Decisions = tt.decisions
			opts.OnSkip = func(s Skip) { skips = append(skips, s.String()) }
			l, err := ListSeries(decisionClaims(), opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := membership(l); !slices.Equal(got, tt.want) {
				t.Errorf("series\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(tt.want, "\n     "))
			}
			if !slices.Equal(skips, tt.skips) {
				t.Errorf("skips\n got %q\nwant %q", skips, tt.skips)
			}
		})
	}
}

// TestDecisionsInTimelinesAndChecks shows the three entry points using the
// decisions: a merged series is one timeline, checked as one.
func TestDecisionsInTimelinesAndChecks(t *testing.T) {
	at := time.Date(2023, 10, 25, 8, 0, 0, 0, time.UTC)
	opts := Options{Decisions: []tracker.SeriesDecision{
		{ID: "d1", Op: tracker.Merge, Series: kyID, Other: gazaID, At: at},
		{ID: "d2", Op: tracker.Name, Series: gazaID, Text: "Gaza toll", At: at},
		{ID: "d3", Op: tracker.Note, Series: gazaID, Text: "Khan Younis counted in", At: at},
	}}
	claims := decisionClaims()

	fs, err := Check(claims, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := idSigs(fs); len(got) != 0 {
		t.Fatalf("without decisions: findings %q, want none", got)
	}
	fs, err = Check(claims, opts)
	if err != nil {
		t.Fatal(err)
	}
	// Khan Younis' 60 on d3 now follows Gaza's 120 on d2 from one source,
	// and the period figure of d3 is checked against that fall
	if got, want := idSigs(fs), []string{"decrease/error b c", "period_mismatch/warning p b c"}; !slices.Equal(got, want) {
		t.Errorf("with decisions: findings %q, want %q", got, want)
	}
	if len(fs) > 0 && (fs[0].Series.ID() != gazaID || fs[0].SeriesName != "Gaza toll") {
		t.Errorf("finding series %s %q, want %s \"Gaza toll\"", fs[0].Series.ID(), fs[0].SeriesName, gazaID)
	}

	tl := MustTimelines(t, claims, Options{Decisions: opts.Decisions, Category: tracker.Killed, Who: "palestinians", Where: "Gaza"})
	if len(tl.Series) != 3 || tl.Series[0].Key.ID() != gazaID {
		t.Fatalf("timeline has %d series, want 3, the merged one first", len(tl.Series))
	}
	var buf bytes.Buffer
	if err := tl.Write(&buf, FormatTable); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(buf.String(), "\n")
	if got, want := lines[0], "Gaza toll ["+gazaID+"]"; got != want {
		t.Errorf("title %q, want %q", got, want)
	}
	if got, want := lines[1], "  note: Khan Younis counted in"; got != want {
		t.Errorf("note line %q, want %q", got, want)
	}
	if got := len(tl.Series[0].Entries); got != 4 {
		t.Errorf("%d entries, want 4 (a, b, c, e)", got)
	}

	d, err := Diff(claims, "ministry", "nobody", opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Series) != 0 {
		t.Errorf("diff with an absent source has %d series", len(d.Series))
	}
}

// TestDecisionsOrderFree shows decisions giving the same series and
// findings whatever the order of the claims, moves into a series of
// another scope included.
func TestDecisionsOrderFree(t *testing.T) {
	at := time.Date(2023, 10, 25, 8, 0, 0, 0, time.UTC)
	opts := Options{Decisions: []tracker.SeriesDecision{
		{ID: "d1", Op: tracker.Merge, Series: kyID, Other: gazaID, At: at},
		{ID: "d2", Op: tracker.Move, Claim: "p", Series: oneID, At: at},
		{ID: "d3", Op: tracker.Move, Claim: "a", Series: tracker.NewSeries, At: at},
	}}
	claims := decisionClaims()
	want, err := ListSeries(claims, opts)
	if err != nil {
		t.Fatal(err)
	}
	wantFs, err := Check(claims, opts)
	if err != nil {
		t.Fatal(err)
	}
	for seed := range 20 {
		shuffled := slices.Clone(claims)
		for i := range shuffled {
			j := (i*7 + seed*3) % len(shuffled)
			shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
		}
		got, err := ListSeries(shuffled, opts)
		if err != nil {
			t.Fatal(err)
		}
		if g, w := membership(got), membership(want); !slices.Equal(g, w) {
			t.Fatalf("order %d: series\n got %q\nwant %q", seed, g, w)
		}
		fs, err := Check(shuffled, opts)
		if err != nil {
			t.Fatal(err)
		}
		if g, w := idSigs(fs), idSigs(wantFs); !slices.Equal(g, w) {
			t.Fatalf("order %d: findings %q, want %q", seed, g, w)
		}
	}
	if got := membership(want); !slices.Contains(got, "palestinians killed in Gaza (scope unknown): u p") {
		t.Errorf("the period figure did not move into the single event: %q", got)
	}
}

// TestSeriesWhy shows what ListSeries says put each claim in its series:
// the group and place as written and as read, the scope, and the
// decisions that moved it.
func TestSeriesWhy(t *testing.T) {
	at := time.Date(2023, 10, 25, 8, 0, 0, 0, time.UTC)
	claims := append(decisionClaims(), k("g", "r5", d2, tracker.Exact, 80).of("Gazans").in("").stored())
	opts := Options{Decisions: []tracker.SeriesDecision{
		{ID: "d1", Op: tracker.Merge, Series: kyID, Other: gazaID, At: at},
		{ID: "d2", Op: tracker.Move, Claim: "c", Series: tracker.NewSeries, At: at},
	}}
	l, err := ListSeries(claims, opts)
	if err != nil {
		t.Fatal(err)
	}
	why := map[string]SeriesMember{}
	for _, s := range l.Series {
		for _, m := range s.Claims {
			why[m.Claim] = m
		}
	}
	tests := []struct {
		claim, want string
		decisions   []string
	}{
		{"a", `who "palestinians"; where "Gaza"; scope cumulative`, nil},
		{"g", `who "Gazans" → palestinians; where Gaza (from the group); scope cumulative`, nil},
		{"e", `who "palestinians"; where "Khan Younis"; scope cumulative; merged from ` + kyID +
			` (palestinians killed in Khan Younis (cumulative)) by d1`, []string{"d1"}},
		{"c", `who "palestinians"; where "Khan Younis"; scope cumulative; merged from ` + kyID +
			` (palestinians killed in Khan Younis (cumulative)) by d1; set apart by d2`, []string{"d1", "d2"}},
	}
	for _, tt := range tests {
		t.Run(tt.claim, func(t *testing.T) {
			m := why[tt.claim]
			if m.Why != tt.want {
				t.Errorf("why\n got %s\nwant %s", m.Why, tt.want)
			}
			if !slices.Equal(m.Decisions, tt.decisions) {
				t.Errorf("decisions %q, want %q", m.Decisions, tt.decisions)
			}
		})
	}
}

// TestFilteredIDs: a filter picks which claims a timeline, diff or series
// list shows, never which series they form: each claim shown is in the
// series, with the id, it has without the filter. Decisions name series
// by those ids, whatever filter the user looked through.
func TestFilteredIDs(t *testing.T) {
	claims := withCtx([]syn{
		ctxClaim("a-1", "a", "2023-10-10", "civil defence", tracker.AtLeast, 30).sc(tracker.Cumulative).in("Khan Younis"),
		ctxClaim("b-1", "b", "2023-10-11", "civil defence", tracker.Exact, 25).sc(tracker.Cumulative).in("Khan Yonis"),
		ctxClaim("b-2", "b", "2023-10-11", "medics", tracker.Exact, 12).cat_(tracker.Injured).in("Rafah"),
		ctxClaim("c-1", "c", "2023-10-12", "health ministry", tracker.AtLeast, 4385).sc(tracker.Cumulative).of("palestinians"),
	}, func(i int) tracker.Context {
		return []tracker.Context{
			{Place: "Khān Yūnis", PlaceID: "PS.GZ.KY", PlaceFrom: "sentence", Event: "attack"},
			{Place: "Khan Yonis", PlaceID: "PS.GZ/khan yonis", PlaceFrom: "sentence"},
			{Place: "Rafah", PlaceID: "PS.GZ.RF", PlaceFrom: "sentence"},
			{Place: "Gaza", PlaceID: "PS.GZ", PlaceFrom: "headline", Event: "war"},
		}[i]
	})
	ids := func(tl *Timeline) map[string]string {
		out := map[string]string{}
		for _, s := range tl.Series {
			for _, e := range s.Entries {
				for _, c := range e.Claims {
					out[c.Claim] = s.Key.ID() + " " + s.Key.String()
				}
			}
		}
		return out
	}
	all := ids(MustTimelines(t, claims, Options{}))
	for _, opts := range []Options{
		{Where: "Rafah"}, {Where: "Khan Yonis"}, {Category: tracker.Injured}, {Source: "medics"}, {Who: "palestinians"},
		{Since: tracker.MustDate("2023-10-11")},
	} {
		for claim, got := range ids(MustTimelines(t, claims, opts)) {
			if got != all[claim] {
				t.Errorf("%+v: claim %s in %s, without the filter in %s", opts, claim, got, all[claim])
			}
		}
		l, err := ListSeries(claims, opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range l.Series {
			for _, m := range s.Claims {
				if got := s.Key.ID() + " " + s.Key.String(); got != all[m.Claim] {
					t.Errorf("%+v: series list has claim %s in %s, the timeline without the filter in %s", opts, m.Claim, got, all[m.Claim])
				}
			}
		}
	}
}
