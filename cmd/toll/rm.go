package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/bolt"
)

// rmOptions are the flags of `toll rm`.
type rmOptions struct {
	DB  string
	IDs []string
	Yes bool
}

func rmCommand(e env) *cli.Command {
	return &cli.Command{
		Name:      "rm",
		Usage:     "remove reports and their claims",
		ArgsUsage: "REPORT...",
		Description: "rm says what it will remove (each report, its source and title, how many\n" +
			"claims and how many of them were reviewed) and asks before removing. Not on a\n" +
			"terminal it removes nothing unless given --yes. Reviews are removed with their\n" +
			"claims: export first if you may want them back.\n\n" +
			"Examples:\n" +
			"   toll rm 3f2a9c\n" +
			"   toll rm --yes 3f2a9c 7b01ee",
		Flags: []cli.Flag{
			dbFlag(),
			&cli.BoolFlag{Name: "yes", Aliases: []string{"y"}, Usage: "do not ask"},
		},
		Action: func(c *cli.Context) error {
			opts := rmOptions{IDs: c.Args().Slice(), Yes: c.Bool("yes")}
			if len(opts.IDs) == 0 {
				return usageError{msg: "rm: give one or more report ids"}
			}
			p, err := dbPath(c.String("db"), e)
			if err != nil {
				return err
			}
			opts.DB = p
			return runRm(c.Context, opts, e, c.App.Writer, c.App.ErrWriter)
		},
	}
}

func runRm(ctx context.Context, opts rmOptions, e env, w, ew io.Writer) error {
	db, err := openChange(opts.DB, e)
	if err != nil {
		return err
	}
	defer db.Close()
	// The database stays open, and so locked, from the question to the
	// removal: what is listed is what goes.
	var ids []string
	seen := map[string]bool{}
	for _, id := range opts.IDs {
		r, err := db.Report(id)
		var d *bolt.Damaged
		if errors.As(err, &d) {
			// a damaged report is removed by its id: that is how it goes
			full, rerr := db.ResolveReport(id)
			if rerr != nil {
				return fmt.Errorf("rm: %w", rerr)
			}
			if !seen[full] {
				seen[full] = true
				fmt.Fprintf(w, "%s  (%s)\n", full, d)
				ids = append(ids, full)
			}
			continue
		}
		if err != nil {
			return fmt.Errorf("rm: %w", err)
		}
		if seen[r.ID] {
			continue
		}
		seen[r.ID] = true
		claims, err := db.Claims(r.ID)
		if err != nil {
			return fmt.Errorf("rm: %w", err)
		}
		reviewed := 0
		for _, sc := range claims {
			if sc.Status != tracker.Unreviewed {
				reviewed++
			}
		}
		fmt.Fprintf(w, "%s  %s  %s  %q: %d claims, %d reviewed\n", r.ID, r.Published, cell(r.Source), r.Title, len(claims), reviewed)
		ids = append(ids, r.ID)
	}
	if !opts.Yes {
		if !isTerminal(e.stdin) {
			return errors.New("rm: not removing without confirmation: standard input is not a terminal; pass --yes")
		}
		fmt.Fprintf(ew, "remove %d report(s) and their claims? [y/N] ", len(ids))
		answer, err := bufio.NewReader(e.stdin).ReadString('\n')
		if err != nil && answer == "" {
			return fmt.Errorf("rm: no answer, nothing removed: %w", err)
		}
		if a := strings.ToLower(strings.TrimSpace(answer)); a != "y" && a != "yes" {
			_, err := fmt.Fprintln(w, "nothing removed")
			return err
		}
	}
	for _, id := range ids {
		rm, err := db.Remove(id)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "removed %s and its %d claims\n", rm.Report.ID, rm.Claims)
	}
	return nil
}
