package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/tollproject/toll/reconcile"
	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/bolt"
)

// seriesFlags are the filters and settings timeline, diff and check share.
// Each adds its own --source (diff compares two).
func seriesFlags() []cli.Flag {
	return append(append([]cli.Flag{dbFlag()}, filterFlags()...),
		&cli.IntFlag{Name: "window", Usage: "compare figures up to this many days apart (0: same day only)"},
		&cli.BoolFlag{Name: "reviewed-only", Usage: "use only accepted and corrected claims (default: every claim not rejected)"},
		taxonomyFlag(),
	)
}

// filterFlags are the claim filters of every command that lists or
// reconciles claims, with one meaning everywhere (reconcile.Filter): names
// go through the taxonomy, so --who kids keeps children. --source is each
// command's own.
func filterFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "category", Usage: "only this category: killed, injured, missing, hostage, displaced, arrested"},
		&cli.StringFlag{Name: "who", Usage: "only this group (people, children, israelis, ...; aliases such as kids work)"},
		&cli.StringFlag{Name: "where", Usage: "only this place (aliases such as \"the Gaza Strip\" work)"},
		&cli.StringFlag{Name: "since", Usage: "only figures dated (as of, else published) this day or later, YYYY-MM-DD"},
		&cli.StringFlag{Name: "until", Usage: "only figures dated (as of, else published) this day or earlier, YYYY-MM-DD"},
	}
}

// taxonomyFlag is the --taxonomy flag of the commands that name groups,
// places and sources. $TOLL_TAXONOMY sets it once for every command; toll
// taxonomy set stores one in the database, used when neither names one.
func taxonomyFlag() cli.Flag {
	return &cli.StringFlag{Name: "taxonomy", TakesFile: true, EnvVars: []string{"TOLL_TAXONOMY"},
		Usage: "a file of group, place and source aliases and rules that extends the built-in ones (a file starting with reset replaces them; see README); default: the one toll taxonomy set stored in the database"}
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
	opts, err := filterOptions(c, source)
	if err != nil {
		return opts, err
	}
	opts.Window, opts.ReviewedOnly = c.Int("window"), c.Bool("reviewed-only")
	opts.OnSkip = warnSkips(c.App.ErrWriter) // series decisions that no longer apply
	if opts.Window < 0 {
		return opts, usageError{msg: fmt.Sprintf("%s: --window %d: want 0 or more days", c.Command.Name, opts.Window)}
	}
	return opts, nil
}

// filterOptions reads filterFlags, --taxonomy and the command's --source
// into reconcile options.
func filterOptions(c *cli.Context, source string) (reconcile.Options, error) {
	opts := reconcile.Options{Who: c.String("who"), Where: c.String("where"), Source: source}
	bad := func(format string, a ...any) (reconcile.Options, error) {
		return opts, usageError{msg: c.Command.Name + ": " + fmt.Sprintf(format, a...)}
	}
	if v := c.String("category"); v != "" {
		cat, err := tracker.ParseCategory(v)
		if err != nil {
			return bad("--category: %v", err)
		}
		opts.Category = cat
	}
	var err error
	if opts.Since, err = tracker.ParseDate(c.String("since")); err != nil {
		return bad("--since: %v", err)
	}
	if opts.Until, err = tracker.ParseDate(c.String("until")); err != nil {
		return bad("--until: %v", err)
	}
	if !opts.Since.IsZero() && !opts.Until.IsZero() && opts.Until.Before(opts.Since) {
		return bad("--until %s is before --since %s", opts.Until, opts.Since)
	}
	if p := c.String("taxonomy"); p != "" {
		name := p
		if env, ok := os.LookupEnv("TOLL_TAXONOMY"); ok && env == p {
			name += " (from $TOLL_TAXONOMY)" // urfave reads it for the flag
		}
		f, err := os.Open(p)
		if err != nil {
			return opts, fmt.Errorf("taxonomy %s: %w", name, unwrapPath(err))
		}
		defer f.Close()
		t, err := reconcile.LoadTaxonomy(f)
		if err != nil {
			return opts, fmt.Errorf("taxonomy %s: %w", name, err)
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

// release closes a database whose claims a command has read, before it
// reconciles them: the pages of the file that reading touched stay mapped
// into the process, and count in its memory, until the database is closed
// (a million claims: the claims, index and report texts, about 0.9 GB
// beside what reconciling builds). A deferred Close after it does nothing.
func release(db *bolt.DB) error { return db.Close() }

// loadClaims reads every stored claim as the reconciler needs them: all at
// once (a series spans reports), each its current version only, without
// its history (bolt.DB.CurrentClaims), which no reconciling reads.
func loadClaims(ctx context.Context, db *bolt.DB) ([]tracker.StoredClaim, error) {
	return db.CurrentClaims(ctx)
}

// withOutput runs write on where a command writes: standard output, or
// the file named by --output, which is replaced only when write succeeds
// (writeFileAtomic): a failed run leaves yesterday's chart as it was. A
// binary format is refused on a terminal (see binaryOnTerminal) before
// write runs.
func withOutput(c *cli.Context, path string, f reconcile.Format, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		if err := binaryOnTerminal(c, f); err != nil {
			return err
		}
		return write(formatOut(c.App.Writer, f))
	}
	if err := writeFileAtomic(path, write); err != nil {
		return fmt.Errorf("output %w", err)
	}
	return nil
}

// binaryOnTerminal refuses to write a binary format (PNG) onto standard
// output when it is a terminal (isTerminal, which tests answer with a
// writer that says it is one): the bytes would garble the screen and help
// nobody. A pipe or a redirect is fine.
func binaryOnTerminal(c *cli.Context, f reconcile.Format) error {
	if f != reconcile.FormatPNG || !isTerminal(rawOut(c.App.Writer)) {
		return nil
	}
	name := "toll"
	if c.Command != nil && c.Command.Name != "" {
		name = c.Command.Name
	}
	return fmt.Errorf("%s: a %s chart is binary and standard output is a terminal: write it to a file with --output FILE.%s, or redirect standard output",
		name, strings.ToUpper(string(f)), f)
}

// formatOut is where output in format f goes on w: charts (binary, or
// markup with its own escaping) and CSV are data (see dataOut and
// rawOut); tables and JSON are text.
func formatOut(w io.Writer, f reconcile.Format) io.Writer {
	switch f {
	case reconcile.FormatPNG, reconcile.FormatSVG, reconcile.FormatHTML:
		return rawOut(w)
	case reconcile.FormatCSV:
		return dataOut(w)
	}
	return w
}
