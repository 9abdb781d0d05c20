package main

import (
	"context"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/tollproject/toll/reconcile"
)

// timelineOptions are the flags of `toll timeline`.
type timelineOptions struct {
	DB     string
	Format reconcile.Format
	Output string
	Series reconcile.Options
}

func timelineCommand(e env) *cli.Command {
	return &cli.Command{
		Name:  "timeline",
		Usage: "show how each figure moved from report to report",
		Description: "timeline groups the stored claims into series (category, group, place and\n" +
			"scope) and lists each series' figures in date order: the source, the figure\n" +
			"as written, the interval it allows, and the change from that source's\n" +
			"previous figure. --view range shows, per date, the band from the lowest to\n" +
			"the highest figure across sources; --view conservative the lowest credible\n" +
			"figure (ACLED's rule). svg, png and html draw one step line per source with\n" +
			"its interval band (a grid of small multiples for more than two series, a\n" +
			"key and a credit line with the sources and the date of the latest report);\n" +
			"html is one self-contained file with charts and tables. A PNG is not\n" +
			"written onto a terminal: give --output FILE.png or redirect.\n\n" +
			"Examples:\n" +
			"   toll timeline --category killed --where Gaza\n" +
			"   toll timeline --view range --format csv\n" +
			"   toll timeline --category hostage --format png --output hostages.png\n" +
			"   toll timeline --format html --output toll.html",
		Flags: append(seriesFlags(),
			&cli.StringFlag{Name: "source", Usage: "only figures whose source (attribution or outlet) contains this"},
			&cli.StringFlag{Name: "view", Value: "sources", Usage: "sources, range or conservative"},
			formatFlag("table", "table", "json", "csv", "svg", "png", "html"),
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, TakesFile: true, Usage: "write to this file instead of standard output (needed for png on a terminal)"},
		),
		Action: func(c *cli.Context) error {
			if err := noArgs(c, "filters are flags: --category, --who, --where, --source"); err != nil {
				return err
			}
			series, err := seriesOptions(c, c.String("source"))
			if err != nil {
				return err
			}
			v, err := reconcile.ParseView(c.String("view"))
			if err != nil {
				return usageError{msg: "timeline: --view: " + err.Error()}
			}
			series.View = v
			f, err := reconcile.ParseFormat(c.String("format"))
			if err != nil {
				return usageError{msg: "timeline: --format: " + err.Error()}
			}
			opts := timelineOptions{Format: f, Output: c.String("output"), Series: series}
			if opts.DB, err = dbPath(c.String("db"), e); err != nil {
				return err
			}
			return withOutput(c, opts.Output, opts.Format, func(w io.Writer) error {
				return runTimeline(c.Context, opts, e, w)
			})
		},
	}
}

func runTimeline(ctx context.Context, opts timelineOptions, e env, w io.Writer) error {
	db, claims, err := openClaims(ctx, openRead, opts.DB, e)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := useDecisions(db, &opts.Series); err != nil {
		return fmt.Errorf("timeline: %w", err)
	}
	if err := release(db); err != nil {
		return err
	}
	tl, err := reconcile.Timelines(claims, opts.Series)
	if err != nil {
		return fmt.Errorf("timeline: %w", err)
	}
	return tl.Write(w, opts.Format)
}
