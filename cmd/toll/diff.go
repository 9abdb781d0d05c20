package main

import (
	"context"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/tollproject/toll/reconcile"
	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/bolt"
)

// diffOptions are the flags of `toll diff`.
type diffOptions struct {
	DB      string
	Format  reconcile.Format
	Sources [2]string // --source A --source B
	Reports [2]string // REPORT REPORT
	Series  reconcile.Options
}

func diffCommand(e env) *cli.Command {
	return &cli.Command{
		Name:      "diff",
		Usage:     "compare what two sources say, or what changed between two reports",
		ArgsUsage: "[REPORT REPORT]",
		Description: "diff --source A --source B lines up, for every series both sources report,\n" +
			"A's and B's figures by date (the same day, else the nearest within --window\n" +
			"days), with the gap between them and whether their intervals overlap. A\n" +
			"source matches an attribution or an outlet containing the text.\n" +
			"diff REPORT REPORT shows what changed between two reports: figures added,\n" +
			"removed and changed, series by series.\n\n" +
			"Examples:\n" +
			"   toll diff --source \"health ministry\" --source \"Media Office\" --window 2\n" +
			"   toll diff --source IDF --source \"foreign ministry\" --category killed\n" +
			"   toll diff 8eedb66d 632561f6",
		Flags: append(seriesFlags(),
			&cli.StringSliceFlag{Name: "source", Usage: "a source to compare; give it twice"},
			formatFlag("table", "table", "json", "csv"),
		),
		Action: func(c *cli.Context) error {
			series, err := seriesOptions(c, "")
			if err != nil {
				return err
			}
			f, err := reconcile.ParseFormat(c.String("format"))
			if err != nil || (f != reconcile.FormatTable && f != reconcile.FormatJSON && f != reconcile.FormatCSV) {
				return usageError{msg: fmt.Sprintf("diff: --format %q: want table, json or csv", c.String("format"))}
			}
			opts := diffOptions{Format: f, Series: series}
			srcs, args := c.StringSlice("source"), c.Args().Slice()
			switch {
			case len(srcs) == 2 && len(args) == 0:
				opts.Sources = [2]string{srcs[0], srcs[1]}
			case len(srcs) == 0 && len(args) == 2:
				opts.Reports = [2]string{args[0], args[1]}
			default:
				return usageError{msg: "diff: give two sources (--source A --source B) or two report ids"}
			}
			if opts.DB, err = dbPath(c.String("db"), e); err != nil {
				return err
			}
			return runDiff(c.Context, opts, e, formatOut(c.App.Writer, opts.Format))
		},
	}
}

func runDiff(ctx context.Context, opts diffOptions, e env, w io.Writer) error {
	db, err := openRead(opts.DB, e)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := useDecisions(db, &opts.Series); err != nil {
		return fmt.Errorf("diff: %w", err)
	}
	if opts.Reports[0] != "" {
		var sides [2][]tracker.StoredClaim
		for i, id := range opts.Reports {
			err := db.EachClaim(bolt.ClaimFilter{Report: id}, func(sc tracker.StoredClaim) error {
				sides[i] = append(sides[i], sc)
				return nil
			})
			if err != nil {
				return fmt.Errorf("diff: %w", err) // the store names the report
			}
		}
		d, err := reconcile.DiffReports(sides[0], sides[1], opts.Series)
		if err != nil {
			return fmt.Errorf("diff: %w", err)
		}
		return d.Write(w, opts.Format)
	}
	claims, err := loadClaims(ctx, db)
	if err != nil {
		return err
	}
	if err := release(db); err != nil {
		return err
	}
	d, err := reconcile.Diff(claims, opts.Sources[0], opts.Sources[1], opts.Series)
	if err != nil {
		return fmt.Errorf("diff: %w", err)
	}
	if len(d.Series) == 0 {
		// a mistyped source name should not read as "they never overlap"
		for _, src := range opts.Sources {
			o := opts.Series
			o.Source = src
			if tl, err := reconcile.Timelines(claims, o); err == nil && len(tl.Series) == 0 {
				return fmt.Errorf("diff: no stored figure has a source matching %q (toll claims --source %q shows what matches; toll reports lists the outlets)", src, src)
			}
		}
	}
	return d.Write(w, opts.Format)
}
