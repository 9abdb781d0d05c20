package main

import (
	"context"
	"fmt"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/tollproject/toll/reconcile"
	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/bolt"
)

// seriesFlags are the filters and settings timeline, diff and check share.
func seriesFlags() []cli.Flag {
	return []cli.Flag{
		dbFlag(),
		&cli.StringFlag{Name: "category", Usage: "only this category: killed, injured, missing, hostage, displaced, arrested"},
		&cli.StringFlag{Name: "who", Usage: "only this group (people, children, israelis, ...; aliases such as kids work)"},
		&cli.StringFlag{Name: "where", Usage: "only this place (aliases such as \"the Gaza Strip\" work)"},
		&cli.IntFlag{Name: "window", Usage: "compare figures up to this many days apart (0: same day only)"},
		&cli.BoolFlag{Name: "reviewed-only", Usage: "use only accepted and corrected claims (default: every claim not rejected)"},
		taxonomyFlag(),
	}
}

// taxonomyFlag is the --taxonomy flag of the commands that group claims
// into series.
func taxonomyFlag() cli.Flag {
	return &cli.StringFlag{Name: "taxonomy", TakesFile: true, Usage: "a file of group, place and source aliases replacing the built-in ones (see README)"}
}

// noArgs refuses arguments for a command that takes only flags, with a
// hint.
func noArgs(c *cli.Context, hint string) error {
	if c.Args().Len() > 0 {
		return usageError{msg: c.Command.Name + ": takes no arguments (" + hint + ")"}
	}
	return nil
}

// seriesOptions reads the shared flags into reconcile options. source is
// the --source filter where the command has one.
func seriesOptions(c *cli.Context, source string) (reconcile.Options, error) {
	opts := reconcile.Options{
		Who: c.String("who"), Where: c.String("where"), Source: source,
		Window: c.Int("window"), ReviewedOnly: c.Bool("reviewed-only"),
	}
	if v := c.String("category"); v != "" {
		cat, err := tracker.ParseCategory(v)
		if err != nil {
			return opts, usageError{msg: fmt.Sprintf("%s: --category: %v", c.Command.Name, err)}
		}
		opts.Category = cat
	}
	if opts.Window < 0 {
		return opts, usageError{msg: fmt.Sprintf("%s: --window %d: want 0 or more days", c.Command.Name, opts.Window)}
	}
	if p := c.String("taxonomy"); p != "" {
		f, err := os.Open(p)
		if err != nil {
			return opts, fmt.Errorf("taxonomy %s: %w", p, unwrapPath(err))
		}
		defer f.Close()
		t, err := reconcile.LoadTaxonomy(f)
		if err != nil {
			return opts, fmt.Errorf("taxonomy %s: %w", p, err)
		}
		opts.Taxonomy = t
	}
	return opts, nil
}

// openClaims opens the database with open (openRead, or openChange for a
// command that writes) and reads every stored claim. The caller closes the
// database.
func openClaims(ctx context.Context, open func(string, env) (*bolt.DB, error), path string, e env) (*bolt.DB, []tracker.StoredClaim, error) {
	db, err := open(path, e)
	if err != nil {
		return nil, nil, err
	}
	claims, err := loadClaims(ctx, db)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return db, claims, nil
}

// loadClaims reads every stored claim. The reconciler needs them all at
// once (a series spans reports); the store decodes them one at a time.
func loadClaims(ctx context.Context, db *bolt.DB) ([]tracker.StoredClaim, error) {
	var out []tracker.StoredClaim
	err := db.EachClaim(bolt.ClaimFilter{}, func(sc tracker.StoredClaim) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		out = append(out, sc)
		return nil
	})
	return out, err
}

// outputTo opens where a command writes: standard output, or the file
// named by --output (charts are binary).
func outputTo(c *cli.Context, path string) (w interface {
	Write([]byte) (int, error)
}, done func() error, err error) {
	if path == "" || path == "-" {
		return c.App.Writer, func() error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, fmt.Errorf("output %s: %w", path, unwrapPath(err))
	}
	return f, f.Close, nil
}
