package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/tollproject/toll/tracker/bolt"
)

// reextractOptions are the flags of `toll reextract`.
type reextractOptions struct {
	DB    string
	IDs   []string
	All   bool
	Force bool
}

func reextractCommand(e env) *cli.Command {
	return &cli.Command{
		Name:      "reextract",
		Usage:     "read stored reports again with this toll's extractor",
		ArgsUsage: "[REPORT...]",
		Description: "reextract runs the extractor again on stored texts and updates their claims,\n" +
			"keeping claim ids: a claim found again keeps its id (same category and\n" +
			"overlapping phrase, else same category and figure). Unreviewed claims take\n" +
			"the new reading as a new version, or are removed if no longer found; new\n" +
			"claims get new numbers (never reused). Reviewed claims keep their decision;\n" +
			"where the extractor now reads them differently, or no longer finds them,\n" +
			"reextract says so and changes nothing. --all re-reads the reports an older\n" +
			"extractor read, lists those where something changed and counts the rest, with\n" +
			"a progress bar on a terminal; --force re-reads every report.\n\n" +
			"Examples:\n" +
			"   toll reextract --all\n" +
			"   toll reextract 3f2a9c",
		Flags: []cli.Flag{
			dbFlag(),
			&cli.BoolFlag{Name: "all", Usage: "every report read by another extractor version"},
			&cli.BoolFlag{Name: "force", Usage: "with --all, every report whatever its extractor version"},
		},
		Action: func(c *cli.Context) error {
			opts := reextractOptions{IDs: c.Args().Slice(), All: c.Bool("all"), Force: c.Bool("force")}
			if opts.Force {
				opts.All = true
			}
			if opts.All == (len(opts.IDs) > 0) {
				return usageError{msg: "reextract: give report ids, or --all (not both)"}
			}
			p, err := dbPath(c.String("db"), e)
			if err != nil {
				return err
			}
			opts.DB = p
			return runReextract(c.Context, opts, e, c.App.Writer, c.App.ErrWriter)
		},
	}
}

func runReextract(ctx context.Context, opts reextractOptions, e env, w, ew io.Writer) error {
	db, err := openChange(opts.DB, e)
	if err != nil {
		return err
	}
	defer db.Close()
	var total reextractTotals
	var bar *progress
	report := func(r bolt.ReextractResult) error {
		total.add(r)
		defer bar.Add(1)
		if opts.All && !r.Changes() {
			return nil // counted in the total line; --all would list every report
		}
		bar.Clear()
		return writeReextract(w, r)
	}
	if opts.All && isTerminal(rawOut(ew)) {
		n, err := db.ReextractCount(opts.Force)
		if err != nil {
			return err
		}
		bar = newProgress(ew, int64(n), "re-reading", false)
	}
	if opts.All {
		err = db.ReextractAll(opts.Force, 0, func(r bolt.ReextractResult) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			return report(r)
		})
	} else {
		for _, id := range opts.IDs {
			if err = ctx.Err(); err != nil {
				break
			}
			var r bolt.ReextractResult
			if r, err = db.Reextract(id); err != nil {
				break
			}
			if err = report(r); err != nil {
				break
			}
		}
	}
	bar.Finish()
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%d reports re-read with extractor %s: %d claims kept, %d changed, %d added, %d removed; %d reviewed claims to look at again\n",
		total.reports, e.extractorVersion(), total.kept, total.changed, total.added, total.removed, total.look)
	return err
}

type reextractTotals struct{ reports, kept, changed, added, removed, look int }

func (t *reextractTotals) add(r bolt.ReextractResult) {
	t.reports++
	t.kept += len(r.Kept)
	t.changed += len(r.Changed)
	t.added += len(r.Added)
	t.removed += len(r.Removed)
	t.look += len(r.Differs) + len(r.Missing)
}

// writeReextract prints what changed in one report: a count line, then
// one line per claim that changed, was added or removed, and each
// reviewed claim to look at again.
func writeReextract(w io.Writer, r bolt.ReextractResult) error {
	fmt.Fprintf(w, "%s (extractor %s → %s): %d kept, %d changed, %d added, %d removed\n",
		r.ReportID, dashIfEmpty(r.From), r.To, len(r.Kept), len(r.Changed), len(r.Added), len(r.Removed))
	line := func(what string, ids []string) {
		if len(ids) > 0 {
			fmt.Fprintf(w, "  %s: %s\n", what, strings.Join(ids, " "))
		}
	}
	line("changed", r.Changed)
	line("added", r.Added)
	line("removed", r.Removed)
	for _, d := range r.Differs {
		fmt.Fprintf(w, "  %s is %s as %s; the extractor now reads %s (review kept; look again)\n",
			d.ID, d.Status, d.Current.Figure(), d.Extracted.Figure())
	}
	for _, id := range r.Missing {
		fmt.Fprintf(w, "  %s is reviewed but no longer found by the extractor (kept; look again)\n", id)
	}
	return nil
}

func dashIfEmpty(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
