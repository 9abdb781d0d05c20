package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/tollproject/toll/tracker/bolt"
)

// doctorOptions are the flags of `toll doctor`.
type doctorOptions struct {
	DB     string
	Export string
	Format string
}

func doctorCommand(e env) *cli.Command {
	return &cli.Command{
		Name:  "doctor",
		Usage: "check the database for damage and save what is readable",
		Description: "doctor reads every page of the database file without mapping it, runs\n" +
			"bbolt's own consistency check when the pages are sound, and reads back every\n" +
			"report, claim, index entry and acknowledgement, listing the ones that are\n" +
			"damaged. It changes nothing. --export FILE writes everything readable as toll\n" +
			"export would (damaged records left out), to import into a new database. The\n" +
			"exit status is 1 when anything is damaged.\n\n" +
			"Other commands skip damaged records, name them on standard error and exit 1.\n\n" +
			"Examples:\n" +
			"   toll doctor\n" +
			"   toll doctor --export salvage.json && toll import --db new.db salvage.json",
		Flags: []cli.Flag{dbFlag(), formatFlag("json", "json", "jsonl", "csv"),
			&cli.StringFlag{Name: "export", TakesFile: true, Usage: "write everything readable to this file"},
		},
		Action: func(c *cli.Context) error {
			if err := noArgs(c, "the database is --db"); err != nil {
				return err
			}
			opts := doctorOptions{Export: c.String("export"), Format: c.String("format")}
			if err := checkFormat(opts.Format, "json", "jsonl", "csv"); err != nil {
				return usageError{msg: "doctor: " + err.Error()}
			}
			p, err := dbPath(c.String("db"), e)
			if err != nil {
				return err
			}
			opts.DB = p
			return runDoctor(c.Context, opts, e, c.App.Writer)
		},
	}
}

func runDoctor(ctx context.Context, opts doctorOptions, e env, w io.Writer) error {
	if err := mustExist(opts.DB); err != nil {
		return err
	}
	// doctor lists the damaged records itself; an export skips them quietly
	so := storeOptions(e, true)
	so.Damaged = func(bolt.Damaged) {}
	db, err := bolt.Open(opts.DB, so)
	if errors.Is(err, bolt.ErrCorrupt) {
		// Open refuses a file whose pages are damaged (bbolt could fault
		// or loop on them); say what is wrong with them, read nothing else
		if h, cerr := bolt.CheckFile(opts.DB); cerr == nil && len(h.Pages) > 0 {
			writeHealth(w, opts.DB, h)
			fmt.Fprintln(w, "records: not read (bbolt cannot read a file with damaged pages safely)")
			if opts.Export != "" {
				fmt.Fprintf(w, "not exported to %s: nothing can be read\n", opts.Export)
			}
			return exitError{code: 1, err: err}
		}
	}
	if err != nil {
		return fmt.Errorf("doctor: %w", err)
	}
	defer db.Close()
	h, err := db.Doctor()
	if err != nil {
		return err
	}
	writeHealth(w, opts.DB, h)
	fmt.Fprintf(w, "records: %d reports, %d claims, %d acks read back whole; %d damaged\n", h.Reports, h.Claims, h.Acks, len(h.Records))
	for _, d := range h.Records {
		fmt.Fprintf(w, "  %s: %s\n", d.Record, d.Problem)
	}
	if opts.Export != "" {
		err := writeFileAtomic(opts.Export, func(f io.Writer) error { return db.Export(f, opts.Format) })
		if err != nil {
			return fmt.Errorf("doctor: export: %w", err)
		}
		fmt.Fprintf(w, "exported everything readable to %s (toll import --db NEW %s)\n", opts.Export, opts.Export)
	}
	if !h.OK() {
		return exitError{code: 1, err: fmt.Errorf("database %s is damaged: %d page, %d check and %d record problem(s); %s", opts.DB,
			len(h.Pages), len(h.Check), len(h.Records), doctorHint(opts.Export))}
	}
	return ctx.Err()
}

// writeHealth writes what doctor found in the pages and bbolt's check.
func writeHealth(w io.Writer, path string, h bolt.Health) {
	fmt.Fprintf(w, "database %s\n", path)
	if len(h.Pages) == 0 {
		fmt.Fprintln(w, "pages: sound")
	} else {
		fmt.Fprintf(w, "pages: %d problem(s)\n", len(h.Pages))
		for _, p := range h.Pages {
			fmt.Fprintf(w, "  %s\n", p)
		}
	}
	switch {
	case !h.CheckRun:
		fmt.Fprintln(w, "bbolt check: not run (it could fault or loop on the damaged pages)")
	case len(h.Check) == 0:
		fmt.Fprintln(w, "bbolt check: passed")
	default:
		fmt.Fprintf(w, "bbolt check: %d problem(s)\n", len(h.Check))
		for _, p := range h.Check {
			fmt.Fprintf(w, "  %s\n", p)
		}
	}
}

func doctorHint(exported string) string {
	if exported != "" {
		return "import " + exported + " into a new database"
	}
	return "toll doctor --export FILE saves everything readable"
}
