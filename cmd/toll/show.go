package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/bolt"
)

// showOptions are the flags of `toll show`.
type showOptions struct {
	DB      string
	ID      string
	History bool
	Format  string
}

func showCommand(e env) *cli.Command {
	return &cli.Command{
		Name:      "show",
		Usage:     "show a report with its claims marked in the text, or one claim",
		ArgsUsage: "REPORT|CLAIM",
		Description: "show REPORT prints the report's details and its text with every claim's\n" +
			"phrase marked [[N: ...]] (N is the claim number; overlapping phrases share one\n" +
			"mark), then its claims. show CLAIM (REPORT-N) prints the claim as it stands,\n" +
			"its sentence with the phrase marked, and, with --history, every version:\n" +
			"the extracted original and each review, with what it changed.\n\n" +
			"Examples:\n" +
			"   toll show 3f2a9c\n" +
			"   toll show --history 3f2a9c-2",
		Flags: []cli.Flag{
			dbFlag(), formatFlag("text", "text", "json"),
			&cli.BoolFlag{Name: "history", Usage: "for a claim, print every version"},
		},
		Action: func(c *cli.Context) error {
			opts := showOptions{ID: c.Args().First(), History: c.Bool("history"), Format: c.String("format")}
			if c.NArg() != 1 {
				return usageError{msg: "show: give one report id or claim id (REPORT-N)"}
			}
			if err := checkFormat(opts.Format, "text", "json"); err != nil {
				return usageError{msg: "show: " + err.Error()}
			}
			p, err := dbPath(c.String("db"), e)
			if err != nil {
				return err
			}
			opts.DB = p
			return runShow(c.Context, opts, e, c.App.Writer)
		},
	}
}

func runShow(ctx context.Context, opts showOptions, e env, w io.Writer) error {
	db, err := openRead(opts.DB, e)
	if err != nil {
		return err
	}
	defer db.Close()
	if strings.Contains(opts.ID, "-") {
		sc, err := db.Claim(opts.ID)
		if err != nil {
			return fmt.Errorf("show: %w", err)
		}
		r, err := db.Report(sc.ReportID)
		if err != nil {
			return fmt.Errorf("show: %w", err)
		}
		if opts.Format == "json" {
			return writeJSON(w, sc)
		}
		if err := writeClaim(w, r, sc, opts.History); err != nil || !opts.History {
			return err
		}
		return writeClaimSeries(ctx, w, db, sc.ID)
	}
	r, err := db.Report(opts.ID)
	if err != nil {
		return fmt.Errorf("show: %w", err)
	}
	claims, err := db.Claims(r.ID)
	if err != nil {
		return fmt.Errorf("show: %w", err)
	}
	sightings, err := db.Sightings(r.ID)
	if err != nil {
		return fmt.Errorf("show: %w", err)
	}
	if opts.Format == "json" {
		if claims == nil {
			claims = []tracker.StoredClaim{}
		}
		return writeJSON(w, struct {
			Report    tracker.Report        `json:"report"`
			Sightings []tracker.Sighting    `json:"sightings,omitempty"`
			Claims    []tracker.StoredClaim `json:"claims"`
		}{r, sightings, claims})
	}
	return writeReport(w, r, sightings, claims, e.extractorVersion())
}

func writeJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

// writeReport prints a report's details (with every sighting: the other
// outlets, dates and addresses that carried the text), its text with the
// claims marked, and its claims.
func writeReport(w io.Writer, r tracker.Report, sightings []tracker.Sighting, claims []tracker.StoredClaim, current string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	reviewed := 0
	for _, sc := range claims {
		if sc.Status != tracker.Unreviewed {
			reviewed++
		}
	}
	ext := r.Extractor
	if ext != current {
		ext += fmt.Sprintf(" (this toll has %s: toll reextract %s)", current, r.ID)
	}
	for _, kv := range [][2]string{
		{"report", r.ID}, {"source", cell(r.Source)}, {"title", cell(r.Title)}, {"url", cell(r.URL)},
		{"published", r.Published.String()}, {"added", r.Added.UTC().Format(time.RFC3339)},
		{"extractor", ext}, {"claims", fmt.Sprintf("%d (%d reviewed)", len(claims), reviewed)},
	} {
		fmt.Fprintf(tw, "%s\t%s\n", kv[0], kv[1])
	}
	for i, s := range sightings {
		label := ""
		if i == 0 {
			label = "also carried by"
		}
		fmt.Fprintf(tw, "%s\t%s\n", label, sightingCell(s))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	text, notes := markClaims(r.Text, claims)
	fmt.Fprintf(w, "\n%s\n", strings.TrimRight(text, "\n"))
	for _, n := range notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
	if len(claims) == 0 {
		_, err := fmt.Fprintln(w, "\nno casualty claims in this report")
		return err
	}
	fmt.Fprintln(w)
	l := newLister("table", w, []string{"ID", "DATE", "CATEGORY", "FIGURE", "INTERVAL", "WHO", "WHERE", "SOURCE", "STATUS"})
	for _, sc := range claims {
		if err := l.write(nil, claimCells(sc)); err != nil {
			return err
		}
	}
	return l.close("")
}

// sightingCell is one sighting as show lists it: outlet, date, address,
// each "-" when the copy did not say.
func sightingCell(s tracker.Sighting) string {
	return cell(s.Source) + "  " + dash(s.Published.String()) + "  " + cell(s.URL)
}

// markClaims returns text with each claim's span wrapped in [[N: ...]].
// Spans that overlap are merged into one mark naming every claim in it, so
// marks never cross. A span that does not fit the text (which would mean
// a damaged record) is left unmarked and reported in notes.
func markClaims(text string, claims []tracker.StoredClaim) (string, []string) {
	type region struct {
		start, end int
		ns         []string
	}
	var rs []region
	var notes []string
	for _, sc := range claims {
		c := sc.Claim
		_, n, _ := bolt.ParseClaimID(sc.ID)
		if c.Start < 0 || c.End > len(text) || c.Start >= c.End || !utf8.RuneStart(text[c.Start]) ||
			(c.End < len(text) && !utf8.RuneStart(text[c.End])) {
			notes = append(notes, fmt.Sprintf("claim %s: span %d..%d does not fit the text; not marked", sc.ID, c.Start, c.End))
			continue
		}
		rs = append(rs, region{c.Start, c.End, []string{strconv.Itoa(n)}})
	}
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].start < rs[j].start })
	var merged []region
	for _, r := range rs {
		if k := len(merged) - 1; k >= 0 && r.start < merged[k].end {
			merged[k].end = max(merged[k].end, r.end)
			merged[k].ns = append(merged[k].ns, r.ns...)
			continue
		}
		merged = append(merged, r)
	}
	var b strings.Builder
	at := 0
	for _, r := range merged {
		b.WriteString(text[at:r.start])
		b.WriteString("[[" + strings.Join(r.ns, ",") + ": ")
		b.WriteString(text[r.start:r.end])
		b.WriteString("]]")
		at = r.end
	}
	b.WriteString(text[at:])
	return b.String(), notes
}

// writeClaim prints one claim as it stands, its sentence with the phrase
// marked, and its versions (all of them with history, else a count).
func writeClaim(w io.Writer, r tracker.Report, sc tracker.StoredClaim, history bool) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	last := sc.Versions[len(sc.Versions)-1]
	status := string(sc.Status)
	// a reset (toll review --reset) is an unreviewed version by a person
	reset := sc.Status == tracker.Unreviewed && !strings.HasPrefix(last.By, "extractor")
	if reset {
		status += ", reset"
	}
	if sc.Status != tracker.Unreviewed || reset {
		status += " by " + last.By + " at " + last.At.UTC().Format(time.RFC3339)
		if last.Note != "" {
			status += fmt.Sprintf(" (%s)", last.Note)
		}
	}
	fmt.Fprintf(tw, "claim\t%s\n", sc.ID)
	fmt.Fprintf(tw, "report\t%s, %s, %s\n", sc.ReportID, cell(sc.Outlet), sc.Published)
	fmt.Fprintf(tw, "status\t%s\n", status)
	for _, kv := range claimFields(sc.Claim) {
		fmt.Fprintf(tw, "%s\t%s\n", kv[0], cell(kv[1]))
	}
	if ctx := contextLine(sc.Claim.Context); ctx != "" {
		// what the report adds, which places the claim in its series
		// (the "where" above is the sentence's own)
		fmt.Fprintf(tw, "in context\t%s\n", cell(ctx))
	}
	fmt.Fprintf(tw, "sentence\t%s\n", cell(markSentence(r.Text, sc.Claim)))
	if !history {
		fmt.Fprintf(tw, "versions\t%d (toll show --history %s for all)\n", len(sc.Versions), sc.ID)
		return tw.Flush()
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	plural := "s"
	if len(sc.Versions) == 1 {
		plural = ""
	}
	fmt.Fprintf(w, "\nhistory (%d version%s, oldest first):\n", len(sc.Versions), plural)
	for i, v := range sc.Versions {
		fmt.Fprintf(w, "  %d. %s  %s by %s", i+1, v.At.UTC().Format(time.RFC3339), v.Status, v.By)
		if v.Note != "" {
			fmt.Fprintf(w, ": %s", v.Note)
		}
		fmt.Fprintln(w)
		if i == 0 {
			fmt.Fprintf(w, "     %s %s %s\n", v.Claim.Category, v.Claim.Figure(), v.Claim.Who)
			continue
		}
		changes := claimChanges(sc.Versions[i-1].Claim, v.Claim)
		if len(changes) == 0 {
			fmt.Fprintln(w, "     no change to the claim")
		}
		for _, ch := range changes {
			fmt.Fprintf(w, "     %s\n", ch)
		}
	}
	return nil
}

// claimFields lists a claim's fields for people, in a fixed order.
func claimFields(c tracker.Claim) [][2]string {
	scope := string(c.Scope)
	switch {
	case c.Since != "":
		scope += " since " + c.Since
	case c.From != "" && c.From != c.To:
		scope += " " + c.From + " to " + c.To
	case c.From != "":
		scope += " on " + c.From
	}
	var flags []string
	if c.Prior {
		flags = append(flags, "prior (an earlier figure the report updates)")
	}
	if c.Revised {
		flags = append(flags, "revised")
	}
	fig := c.Figure()
	if c.Vague != "" && !strings.Contains(fig, c.Vague) {
		fig += " (" + c.Vague + ")"
	}
	return [][2]string{
		{"category", string(c.Category)}, {"figure", fig}, {"interval", c.Interval.String()},
		{"qualifier", string(c.Qualifier)}, {"who", c.Who}, {"where", c.Where},
		{"attribution", c.Attribution}, {"as of", c.AsOf.String()}, {"scope", scope},
		{"flags", strings.Join(flags, ", ")}, {"phrase", c.Span},
	}
}

// contextLine says what a claim's report adds to its sentence: "place
// Kunar (from the headline); event earthquake; about 2023; via Reuters".
// Empty for a claim read without its report.
func contextLine(c tracker.Context) string {
	var parts []string
	if c.Place != "" {
		from := ""
		if c.PlaceFrom != "" && c.PlaceFrom != "sentence" {
			from = " (from the " + c.PlaceFrom + ")"
		}
		parts = append(parts, "place "+c.Place+from)
	}
	if c.Event != "" {
		parts = append(parts, "event "+c.Event)
	}
	if c.Past != "" {
		parts = append(parts, "about "+c.Past)
	}
	if c.Incident {
		parts = append(parts, "a single incident")
	}
	if c.Part {
		parts = append(parts, "a part of a count given elsewhere")
	}
	if c.Origin != "" {
		parts = append(parts, "given by "+c.Origin)
	}
	if c.Via != "" {
		parts = append(parts, "via "+c.Via)
	}
	if c.Headline {
		parts = append(parts, "in the headline")
	}
	return strings.Join(parts, "; ")
}

// claimChanges says which fields differ between two versions of a claim.
func claimChanges(a, b tracker.Claim) []string {
	fa, fb := claimFields(a), claimFields(b)
	var out []string
	for i := range fa {
		if fa[i][1] != fb[i][1] {
			out = append(out, fmt.Sprintf("%s: %s → %s", fa[i][0], cell(fa[i][1]), cell(fb[i][1])))
		}
	}
	return out
}

// markSentence returns the claim's sentence with its phrase marked [[...]].
// It finds the sentence around the claim's offsets in the report's text,
// else the first place the phrase occurs in the sentence.
func markSentence(text string, c tracker.Claim) string {
	s := c.Sentence
	if s == "" {
		return c.Span
	}
	for from := 0; from < len(text); {
		i := strings.Index(text[from:], s)
		if i < 0 {
			break
		}
		i += from
		if i <= c.Start && c.End <= i+len(s) {
			return s[:c.Start-i] + "[[" + s[c.Start-i:c.End-i] + "]]" + s[c.End-i:]
		}
		from = i + 1
	}
	if i := strings.Index(s, c.Span); i >= 0 && c.Span != "" {
		return s[:i] + "[[" + c.Span + "]]" + s[i+len(c.Span):]
	}
	return s
}
