package main

import (
	"context"
	"io"

	"github.com/urfave/cli/v2"
)

// exportOptions are the flags of `toll export`.
type exportOptions struct {
	DB     string
	Format string
}

func exportCommand(e env) *cli.Command {
	return &cli.Command{
		Name:  "export",
		Usage: "write every report, claim (with its history) and acknowledgement",
		Description: "export writes the whole database to standard output: a JSON document, JSON\n" +
			"Lines (a header line, then each report followed by its claims, then the acks)\n" +
			"or CSV (one row per report, per claim version and per ack; the \"record\"\n" +
			"column says which). Each is read back by toll import, and export, import into\n" +
			"an empty database, export again gives the same bytes.\n\n" +
			"Examples:\n" +
			"   toll export > toll-backup.json\n" +
			"   toll export --format csv > toll.csv",
		Flags: []cli.Flag{dbFlag(), formatFlag("json", "json", "jsonl", "csv")},
		Action: func(c *cli.Context) error {
			opts := exportOptions{Format: c.String("format")}
			if err := checkFormat(opts.Format, "json", "jsonl", "csv"); err != nil {
				return usageError{msg: "export: " + err.Error()}
			}
			if c.NArg() > 0 {
				return usageError{msg: "export: takes no arguments; it writes to standard output"}
			}
			p, err := dbPath(c.String("db"), e)
			if err != nil {
				return err
			}
			opts.DB = p
			return runExport(c.Context, opts, e, c.App.Writer)
		},
	}
}

func runExport(ctx context.Context, opts exportOptions, e env, w io.Writer) error {
	db, err := openRead(opts.DB, e)
	if err != nil {
		return err
	}
	defer db.Close()
	return db.Export(dataOut(w), opts.Format)
}
