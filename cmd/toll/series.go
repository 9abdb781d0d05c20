package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/tollproject/toll/reconcile"
	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/bolt"
)

// seriesOpts are the flags and arguments of `toll series`.
type seriesOpts struct {
	DB     string
	Format reconcile.Format
	// Verb is what to do: "" lists the series, "decisions" the decisions;
	// merge, move, name, note and undo store a decision.
	Verb   string
	Args   []string
	To     string // move's --to
	Series reconcile.Options
}

// seriesVerbs are the words `toll series` takes first, with their
// arguments, for messages.
var seriesVerbs = map[string]string{
	"list":      "",
	"show":      "SERIES",
	"decisions": "",
	"merge":     "SERIES INTO",
	"move":      "CLAIM --to SERIES|new",
	"name":      "SERIES \"NAME\"",
	"note":      "SERIES \"NOTE\"",
	"undo":      "DECISION",
}

func seriesCommand(e env) *cli.Command {
	return &cli.Command{
		Name:      "series",
		Usage:     "list the series and why each claim is in one; merge, move, name and annotate them",
		ArgsUsage: "[list | show SERIES | decisions | merge A B | move CLAIM --to SERIES|new | name SERIES NAME | note SERIES NOTE | undo DECISION]",
		Description: "series lists every series (one quantity over time) with its short id, its\n" +
			"claims and, for each claim, why it is in that series: its group and place as\n" +
			"written and as read, what its report added (place, event), its scope, and the\n" +
			"decisions that moved it. Filters pick the series that hold a matching claim\n" +
			"and list them whole. When the rules got it wrong, decide yourself:\n" +
			"   merge A B               put every claim of series A into series B (B keeps its id)\n" +
			"   move CLAIM --to S       put one claim into series S, or --to new: a series of its own\n" +
			"   name S \"NAME\"           show NAME instead of the generated title\n" +
			"   note S \"NOTE\"           show a note with the series\n" +
			"   undo DECISION           cancel an earlier decision (undo an undo to restore it)\n" +
			"Decisions are stored in the database, kept when reports are re-extracted,\n" +
			"exported and imported, and used by timeline, diff and check. A decision about\n" +
			"a series or claim that is no longer there is skipped with a warning.\n" +
			"series decisions lists them; series show S shows one series and its decisions.\n\n" +
			"Examples:\n" +
			"   toll series --category killed --where Gaza\n" +
			"   toll series merge s1a2b3c4d s5e6f7a8b\n" +
			"   toll series move 3f2a9c1b7d04-2 --to new\n" +
			"   toll series name s5e6f7a8b \"national death toll\"\n" +
			"   toll series undo d0c1e2f3a",
		Flags: append(append([]cli.Flag{dbFlag()}, filterFlags()...),
			&cli.StringFlag{Name: "source", Usage: "only series holding a claim whose source (attribution or outlet) contains this"},
			&cli.BoolFlag{Name: "reviewed-only", Usage: "use only accepted and corrected claims (default: every claim not rejected)"},
			taxonomyFlag(),
			formatFlag("table", "table", "json", "csv"),
			&cli.StringFlag{Name: "to", Usage: "for move: the series to move the claim to, or new"},
		),
		Action: func(c *cli.Context) error {
			series, err := seriesOptions(c, c.String("source"))
			if err != nil {
				return err
			}
			f, err := reconcile.ParseFormat(c.String("format"))
			if err != nil || (f != reconcile.FormatTable && f != reconcile.FormatJSON && f != reconcile.FormatCSV) {
				return usageError{msg: fmt.Sprintf("series: --format %q: want table, json or csv", c.String("format"))}
			}
			opts := seriesOpts{Format: f, Series: series, To: strings.TrimSpace(c.String("to"))}
			args := c.Args().Slice()
			if len(args) > 0 {
				opts.Verb, opts.Args = args[0], args[1:]
			}
			if f == reconcile.FormatCSV && opts.Verb != "" && opts.Verb != "list" && opts.Verb != "show" {
				return usageError{msg: fmt.Sprintf("series %s: --format csv goes with list and show (want table or json)", opts.Verb)}
			}
			if err := opts.check(); err != nil {
				return err
			}
			if opts.DB, err = dbPath(c.String("db"), e); err != nil {
				return err
			}
			return runSeries(c.Context, opts, e, c.App.Writer)
		},
	}
}

// check refuses a command line that cannot be right before the database
// is opened.
func (o *seriesOpts) check() error {
	if o.Verb == "list" {
		o.Verb = ""
	}
	want, ok := seriesVerbs[cmpOr(o.Verb, "list")]
	if !ok {
		return usageError{msg: fmt.Sprintf("series: unknown action %q (%swant list, show, decisions, merge, move, name, note or undo)",
			o.Verb, didYouMean(suggest(o.Verb, seriesVerbNames()), "%q"))}
	}
	usage := func() error {
		return usageError{msg: strings.TrimSpace("series: usage: toll series " + cmpOr(o.Verb, "list") + " " + want)}
	}
	n := map[string]int{"": 0, "decisions": 0, "show": 1, "merge": 2, "move": 1, "undo": 1}
	switch o.Verb {
	case "name", "note":
		if len(o.Args) < 2 {
			return usage()
		}
		// the words after the id are the text, quoted or not
		o.Args = []string{o.Args[0], strings.Join(strings.Fields(strings.Join(o.Args[1:], " ")), " ")}
		if o.Args[1] == "" {
			return usage()
		}
	default:
		if len(o.Args) != n[o.Verb] {
			return usage()
		}
	}
	if (o.Verb == "move") != (o.To != "") {
		if o.Verb == "move" {
			return usageError{msg: "series: move needs --to SERIES or --to new"}
		}
		return usageError{msg: "series: --to goes with move"}
	}
	if o.Verb != "" && o.Verb != "show" && (o.Series.Category != "" || o.Series.Who != "" || o.Series.Where != "" || o.Series.Source != "") {
		return usageError{msg: "series: the filters go with list and show; a decision names its series by id"}
	}
	return nil
}

func seriesVerbNames() []string {
	names := make([]string, 0, len(seriesVerbs))
	for v := range seriesVerbs {
		names = append(names, v)
	}
	return names
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func runSeries(ctx context.Context, opts seriesOpts, e env, w io.Writer) error {
	open := openRead
	if opts.Verb != "" && opts.Verb != "show" && opts.Verb != "decisions" {
		open = openChange
	}
	db, claims, err := openClaims(ctx, open, opts.DB, e)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := storedTaxonomy(db, &opts.Series); err != nil {
		return fmt.Errorf("series: %w", err)
	}
	decisions, err := db.Decisions()
	if err != nil {
		return fmt.Errorf("series: %w", err)
	}
	opts.Series.Decisions = decisions
	switch opts.Verb {
	case "":
		l, err := reconcile.ListSeries(claims, opts.Series)
		if err != nil {
			return fmt.Errorf("series: %w", err)
		}
		return l.Write(formatOut(w, opts.Format), opts.Format)
	case "decisions":
		return writeDecisions(w, opts.Format, decisions, nil)
	case "show":
		return showSeries(w, claims, opts, decisions)
	}

	// A decision: check what the store cannot (which series exist) against
	// the series as they stand, unfiltered, then store it.
	all := opts.Series
	all.Category, all.Who, all.Where, all.Source, all.OnSkip = "", "", "", "", nil
	all.Since, all.Until = tracker.Date{}, tracker.Date{}
	l, err := reconcile.ListSeries(claims, all)
	if err != nil {
		return fmt.Errorf("series: %w", err)
	}
	find := func(id string) (reconcile.SeriesClaims, error) {
		s, ok := l.Find(id)
		if !ok {
			return s, fmt.Errorf("series %s: no series has this id (toll series lists them)", id)
		}
		return s, nil
	}
	d := tracker.SeriesDecision{At: e.now().UTC()}
	var say string
	switch opts.Verb {
	case "merge":
		a, err := find(opts.Args[0])
		if err != nil {
			return fmt.Errorf("series merge: %w", err)
		}
		b, err := find(opts.Args[1])
		if err != nil {
			return fmt.Errorf("series merge: %w", err)
		}
		if a.Key.ID() == b.Key.ID() {
			return usageError{msg: "series merge: give two different series"}
		}
		if a.Key.Category != b.Key.Category {
			return fmt.Errorf("series merge: %s counts %s and %s counts %s; a series counts one category",
				opts.Args[0], a.Key.Category, opts.Args[1], b.Key.Category)
		}
		d.Op, d.Series, d.Other = tracker.Merge, a.Key.ID(), b.Key.ID()
		say = fmt.Sprintf("%s of %s (%s) now in %s (%s)", countClaims(len(a.Claims)), d.Series, title(a), d.Other, title(b))
	case "move":
		id := opts.Args[0]
		var from reconcile.SeriesClaims
		found := false
		for _, s := range l.Series {
			for _, m := range s.Claims {
				if m.Claim == id {
					from, found = s, true
				}
			}
		}
		if !found {
			if _, err := db.Claim(id); err != nil {
				return fmt.Errorf("series move: %w", err)
			}
			return fmt.Errorf("series move: claim %s counts in no series (rejected, or left out by --reviewed-only)", id)
		}
		d.Op, d.Claim, d.Series = tracker.Move, id, opts.To
		if opts.To != tracker.NewSeries {
			to, err := find(opts.To)
			if err != nil {
				return fmt.Errorf("series move: %w", err)
			}
			if to.Key.ID() == from.Key.ID() {
				return fmt.Errorf("series move: claim %s is in %s already", id, opts.To)
			}
			if to.Key.Category != from.Key.Category {
				return fmt.Errorf("series move: claim %s counts %s and %s counts %s", id, from.Key.Category, opts.To, to.Key.Category)
			}
			d.Series = to.Key.ID()
			say = fmt.Sprintf("claim %s moved from %s to %s (%s)", id, from.Key.ID(), d.Series, title(to))
		}
	case "name", "note":
		s, err := find(opts.Args[0])
		if err != nil {
			return fmt.Errorf("series %s: %w", opts.Verb, err)
		}
		d.Op, d.Series, d.Text = tracker.DecisionOp(opts.Verb), s.Key.ID(), opts.Args[1]
		say = fmt.Sprintf("%s %s: %s", opts.Verb, d.Series, d.Text)
	case "undo":
		target, err := findDecision(decisions, opts.Args[0])
		if err != nil {
			return fmt.Errorf("series undo: %w", err)
		}
		d.Op, d.Undoes = tracker.Undo, target.ID
		say = "undid " + target.ID + " (" + target.String() + ")"
	}
	stored, err := db.AddDecision(d)
	if err != nil {
		return fmt.Errorf("series %s: %w", opts.Verb, err)
	}
	if stored.Op == tracker.Move && stored.Series == tracker.NewSeries {
		say = fmt.Sprintf("claim %s set apart in series %s (toll series name %s \"…\" names it)",
			stored.Claim, reconcile.NewSeriesID(stored.ID), reconcile.NewSeriesID(stored.ID))
	}
	_, err = fmt.Fprintf(w, "decision %s: %s\n", stored.ID, say)
	return err
}

// title is a series' name, else its generated title.
func title(s reconcile.SeriesClaims) string { return cmpOr(s.Name, s.Title) }

// findDecision returns the decision with the id, or the one whose id
// starts with it (at least 4 characters).
func findDecision(ds []tracker.SeriesDecision, id string) (tracker.SeriesDecision, error) {
	var match []tracker.SeriesDecision
	for _, d := range ds {
		if d.ID == id {
			return d, nil
		}
		if len(id) >= 4 && strings.HasPrefix(d.ID, id) {
			match = append(match, d)
		}
	}
	switch len(match) {
	case 0:
		return tracker.SeriesDecision{}, fmt.Errorf("no decision %s (toll series decisions lists them): %w", id, bolt.ErrNotFound)
	case 1:
		return match[0], nil
	}
	return tracker.SeriesDecision{}, fmt.Errorf("%q matches %d decisions; give more of the id", id, len(match))
}

// showSeries writes one series with its claims and the decisions about
// it.
func showSeries(w io.Writer, claims []tracker.StoredClaim, opts seriesOpts, decisions []tracker.SeriesDecision) error {
	l, err := reconcile.ListSeries(claims, opts.Series)
	if err != nil {
		return fmt.Errorf("series: %w", err)
	}
	id := opts.Args[0]
	s, ok := l.Find(id)
	if !ok {
		return fmt.Errorf("series show: series %s: no series has this id among the claims shown (toll series lists them)", id)
	}
	var about []tracker.SeriesDecision
	for _, d := range decisions {
		if d.Series == id || d.Other == id || d.Series == tracker.NewSeries && reconcile.NewSeriesID(d.ID) == id {
			about = append(about, d)
		}
	}
	if opts.Format == reconcile.FormatJSON {
		if about == nil {
			about = []tracker.SeriesDecision{}
		}
		return writeJSON(w, struct {
			Series    reconcile.SeriesClaims   `json:"series"`
			Decisions []tracker.SeriesDecision `json:"decisions"`
		}{s, about})
	}
	if opts.Format == reconcile.FormatCSV {
		// the claims only, one a row with the series' id: a table for a
		// spreadsheet (series decisions lists the decisions)
		return (&reconcile.SeriesList{Series: []reconcile.SeriesClaims{s}}).Write(dataOut(w), reconcile.FormatCSV)
	}
	if err := (&reconcile.SeriesList{Series: []reconcile.SeriesClaims{s}}).Write(w, reconcile.FormatTable); err != nil {
		return err
	}
	if len(about) == 0 {
		return nil
	}
	fmt.Fprintln(w, "\ndecisions about it:")
	return writeDecisions(w, reconcile.FormatTable, about, decisions)
}

// writeDecisions lists decisions, oldest first, each with whether a later
// undo cancelled it; all are every decision (for undos outside ds).
func writeDecisions(w io.Writer, f reconcile.Format, ds, all []tracker.SeriesDecision) error {
	if f == reconcile.FormatJSON {
		if ds == nil {
			ds = []tracker.SeriesDecision{}
		}
		return writeJSON(w, ds)
	}
	if len(ds) == 0 {
		_, err := fmt.Fprintln(w, "no series decisions yet (toll series --help says how to make one)")
		return err
	}
	if all == nil {
		all = ds
	}
	undone := undoneBy(all)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  ID\tAT\tDECISION\tSTATE\n")
	for _, d := range ds {
		state := "applies"
		if u, ok := undone[d.ID]; ok {
			state = "undone by " + u
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", d.ID, d.At.UTC().Format("2006-01-02 15:04"), cell(d.String()), state)
	}
	return tw.Flush()
}

// undoneBy maps each cancelled decision to the undo that cancels it:
// walking back, an undo that is not itself undone cancels its target.
func undoneBy(ds []tracker.SeriesDecision) map[string]string {
	out := map[string]string{}
	for i := len(ds) - 1; i >= 0; i-- {
		d := ds[i]
		if _, cancelled := out[d.ID]; cancelled || d.Op != tracker.Undo {
			continue
		}
		out[d.Undoes] = d.ID
	}
	return out
}

// writeClaimSeries writes, for show --history, the series a claim is in
// now and why, and the series decisions about it: those that moved it
// (merges of its series included), its moves that were undone, and the
// undos. Without decisions it writes nothing: finding the series means
// reading every claim, which a database of millions makes slow (toll
// series --where … shows a claim's series and why).
func writeClaimSeries(ctx context.Context, w io.Writer, db *bolt.DB, claim string) error {
	ds, err := db.Decisions()
	if err != nil {
		return fmt.Errorf("show: %w", err)
	}
	if len(ds) == 0 {
		return nil
	}
	claims, err := loadClaims(ctx, db)
	if err != nil {
		return fmt.Errorf("show: %w", err)
	}
	opts := reconcile.Options{Decisions: ds}
	if err := storedTaxonomy(db, &opts); err != nil {
		return fmt.Errorf("show: %w", err)
	}
	l, err := reconcile.ListSeries(claims, opts)
	if err != nil {
		return fmt.Errorf("show: %w", err)
	}
	moved := map[string]bool{}
	for _, s := range l.Series {
		for _, m := range s.Claims {
			if m.Claim != claim {
				continue
			}
			fmt.Fprintf(w, "\nseries: %s [%s]\n  why: %s\n", cell(title(s)), s.Key.ID(), cell(m.Why))
			for _, id := range m.Decisions {
				moved[id] = true
			}
		}
	}
	var about []tracker.SeriesDecision
	for _, d := range ds {
		if moved[d.ID] || d.Op == tracker.Move && d.Claim == claim || d.Op == tracker.Undo && moved[d.Undoes] {
			moved[d.ID] = true
			about = append(about, d)
		}
	}
	if len(about) == 0 {
		return nil
	}
	fmt.Fprintf(w, "\nseries decisions (oldest first):\n")
	return writeDecisions(w, reconcile.FormatTable, about, ds)
}

// useDecisions hands the stored series decisions, and the stored
// taxonomy when the command line names none, to the reconciler
// (seriesOptions has set what it does with the decisions it skips).
func useDecisions(db *bolt.DB, opts *reconcile.Options) error {
	if err := storedTaxonomy(db, opts); err != nil {
		return err
	}
	ds, err := db.Decisions()
	if err != nil {
		return err
	}
	opts.Decisions = ds
	return nil
}

// warnSkips is the reconcile.Options.OnSkip of the commands: one line on
// standard error a skipped decision.
func warnSkips(errW io.Writer) func(reconcile.Skip) {
	return func(s reconcile.Skip) {
		fmt.Fprintf(errW, "toll: warning: %s\n", s)
	}
}

// countClaims writes "1 claim", "3 claims".
func countClaims(n int) string {
	if n == 1 {
		return "1 claim"
	}
	return fmt.Sprintf("%d claims", n)
}
