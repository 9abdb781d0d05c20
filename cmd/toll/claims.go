package main

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/urfave/cli/v2"

	"github.com/tollproject/toll/reconcile"
	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/bolt"
)

// claimsOptions are the flags of `toll claims`.
type claimsOptions struct {
	DB     string
	Format string
	Filter bolt.ClaimFilter  // report, status and category, read by the store
	Match  *reconcile.Filter // the filters timeline and check share
	// Reconcile are the filters as the reconciler reads them, with the
	// taxonomy given on the command line (nil: the stored one, else the
	// built-in one), which also forms the series of the CSV's series
	// column.
	Reconcile reconcile.Options
}

func claimsCommand(e env) *cli.Command {
	return &cli.Command{
		Name:  "claims",
		Usage: "list stored claims, filtered",
		Description: "claims lists the stored claims, by report date then position in the report,\n" +
			"as they stand after review (toll show CLAIM --history has every version).\n" +
			"The filters are those of timeline, check and diff: --who and --where name a\n" +
			"group and a place, aliases included (--who kids keeps children, --where\n" +
			"\"the Gaza Strip\" keeps Gaza); --source matches, case-insensitively anywhere\n" +
			"in the value, who gave the figure, the outlet that published it, or the\n" +
			"source's name in the taxonomy. --since and --until bound the date the figure\n" +
			"refers to (as of, else the report's date), both inclusive.\n" +
			"--format csv has every field, and the id of the claim's series (toll series)\n" +
			"last: empty for a claim in no series (rejected). It reads every claim first\n" +
			"to form the series.\n" +
			"The table is aligned in blocks of 1,000 rows so that long listings stream.\n\n" +
			"Examples:\n" +
			"   toll claims --category killed --who kids --where \"the Gaza Strip\"\n" +
			"   toll claims --source ministry --since 2023-10-07 --until 2023-10-31\n" +
			"   toll claims --status unreviewed --format jsonl | jq .claim.span",
		Flags: append(append([]cli.Flag{dbFlag(), formatFlag("table", "table", "json", "jsonl", "csv"),
			&cli.StringFlag{Name: "report", Usage: "only the claims of this report (id or unique prefix)"},
			&cli.StringFlag{Name: "status", Usage: "only this review status: unreviewed, accepted, rejected, corrected"},
			&cli.StringFlag{Name: "source", Usage: "only figures whose source (attribution, outlet or taxonomy name) contains this"},
		}, filterFlags()...), taxonomyFlag()),
		Action: func(c *cli.Context) error {
			opts, err := claimsFlags(c)
			if err != nil {
				return err
			}
			if opts.DB, err = dbPath(c.String("db"), e); err != nil {
				return err
			}
			return runClaims(c.Context, opts, e, c.App.Writer)
		},
	}
}

func claimsFlags(c *cli.Context) (claimsOptions, error) {
	opts := claimsOptions{Format: c.String("format")}
	bad := func(err error) (claimsOptions, error) {
		return claimsOptions{}, usageError{msg: "claims: " + err.Error()}
	}
	if err := checkFormat(opts.Format, "table", "json", "jsonl", "csv"); err != nil {
		return bad(err)
	}
	if c.NArg() > 0 {
		return bad(fmt.Errorf("unexpected argument %q (filters are flags: --report ID)", c.Args().First()))
	}
	f := &opts.Filter
	f.Report = c.String("report")
	if s := c.String("status"); s != "" {
		st, err := tracker.ParseStatus(s)
		if err != nil {
			return bad(fmt.Errorf("--status: %w", err))
		}
		f.Status = st
	}
	ro, err := filterOptions(c, c.String("source"))
	if err != nil {
		return claimsOptions{}, err
	}
	f.Category = ro.Category
	opts.Reconcile = ro
	if opts.Match, err = reconcile.NewFilter(ro); err != nil {
		return bad(err)
	}
	return opts, nil
}

// claimCSVHeader are the CSV columns of `toll claims`: every field of the
// current version, plus the figure as written and the version count.
var claimCSVHeader = []string{"id", "report", "published", "outlet", "status", "category", "figure", "low", "high",
	"qualifier", "vague", "who", "where", "attribution", "as_of", "scope", "since", "from", "to", "prior", "revised",
	"start", "end", "span", "sentence", "versions", "series"}

func runClaims(ctx context.Context, opts claimsOptions, e env, w io.Writer) error {
	db, err := openRead(opts.DB, e)
	if err != nil {
		return err
	}
	defer db.Close()
	if opts.Reconcile.Taxonomy == nil {
		if err := storedTaxonomy(db, &opts.Reconcile); err != nil {
			return fmt.Errorf("claims: %w", err)
		}
		if opts.Reconcile.Taxonomy != nil {
			if opts.Match, err = reconcile.NewFilter(opts.Reconcile); err != nil {
				return fmt.Errorf("claims: %w", err)
			}
		}
	}
	header := []string{"ID", "DATE", "CATEGORY", "FIGURE", "INTERVAL", "WHO", "WHERE", "SOURCE", "STATUS"}
	var series map[string]string
	if opts.Format == "csv" {
		header = claimCSVHeader
		if series, err = seriesOfClaims(ctx, db, opts.Reconcile.Taxonomy); err != nil {
			return fmt.Errorf("claims: %w", err)
		}
	}
	out := w
	if opts.Format == "json" || opts.Format == "jsonl" {
		// every row is printable as written (lister.writeClaim): the
		// terminal filter would change nothing and only cost a pass
		out = rawOut(w)
	}
	l := newLister(opts.Format, out, header)
	err = db.EachClaim(opts.Filter, func(sc tracker.StoredClaim) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if opts.Match != nil && !opts.Match.Match(&sc) {
			return nil
		}
		switch opts.Format {
		case "csv":
			return l.write(nil, append(claimCSV(sc), series[sc.ID]))
		case "json", "jsonl":
			return l.writeClaim(sc)
		}
		return l.write(sc, claimCells(sc))
	})
	if err != nil {
		return fmt.Errorf("claims: %w", err)
	}
	return l.close("no claims match")
}

// seriesOfClaims maps the id of every claim in a series to the series'
// id, the series formed as toll series forms them: from every stored
// claim, with the series decisions, unfiltered.
func seriesOfClaims(ctx context.Context, db *bolt.DB, tax *reconcile.Taxonomy) (map[string]string, error) {
	claims, err := loadClaims(ctx, db)
	if err != nil {
		return nil, err
	}
	ds, err := db.Decisions()
	if err != nil {
		return nil, err
	}
	l, err := reconcile.ListSeries(claims, reconcile.Options{Decisions: ds, Taxonomy: tax})
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(claims))
	for _, s := range l.Series {
		id := s.Key.ID()
		for _, m := range s.Claims {
			out[m.Claim] = id
		}
	}
	return out, nil
}

// claimCells is a claim's table row: the figure in its report's words
// ("more than 700") with the interval it stands for beside it.
func claimCells(sc tracker.StoredClaim) []string {
	c := sc.Claim
	date := c.AsOf
	if date.IsZero() {
		date = sc.Published
	}
	fig := c.Figure()
	if c.Prior {
		fig += " (earlier)"
	}
	return []string{sc.ID, date.String(), string(c.Category), fig, c.Interval.Range(), c.Who, whereCell(c), sc.Source(), string(sc.Status)}
}

// whereCell is the place a claims table shows: the sentence's, else in
// brackets the place the report's context gave it ("(Ishikawa)", from the
// headline or the dateline), the one its series is of, so that a figure
// read into the wrong place shows without toll series.
func whereCell(c tracker.Claim) string {
	if c.Where != "" || c.Context.Place == "" {
		return c.Where
	}
	return "(" + c.Context.Place + ")"
}

func claimCSV(sc tracker.StoredClaim) []string {
	c := sc.Claim
	high := ""
	if !c.Interval.Unbounded {
		high = c.Interval.High.String()
	}
	return []string{sc.ID, sc.ReportID, sc.Published.String(), sc.Outlet, string(sc.Status), string(c.Category), c.Figure(),
		c.Interval.Low.String(), high, string(c.Qualifier), c.Vague, c.Who, c.Where, c.Attribution, c.AsOf.String(),
		string(c.Scope), c.Since, c.From, c.To, strconv.FormatBool(c.Prior), strconv.FormatBool(c.Revised),
		strconv.Itoa(c.Start), strconv.Itoa(c.End), c.Span, c.Sentence, strconv.Itoa(len(sc.Versions))}
}
