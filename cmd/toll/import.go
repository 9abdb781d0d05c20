package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/urfave/cli/v2"
)

// importOptions are the flags of `toll import`.
type importOptions struct {
	DB   string
	Path string
}

func importCommand(e env) *cli.Command {
	return &cli.Command{
		Name:      "import",
		Usage:     "read an export into the database",
		ArgsUsage: "FILE|-",
		Description: "import reads what toll export wrote (JSON, JSON Lines or CSV, recognised by\n" +
			"their first line) and stores all of it in one transaction, or nothing if any\n" +
			"record is malformed or inconsistent (the error names the line). Every report\n" +
			"id is checked against its text and every claim version is validated. The\n" +
			"database may hold other reports, but none of the file's report ids or acks:\n" +
			"import never merges two histories of one report.\n\n" +
			"Examples:\n" +
			"   toll import toll-backup.json\n" +
			"   toll export --db other.db | toll import -",
		Flags: []cli.Flag{dbFlag()},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usageError{msg: "import: give one export file, or - for standard input"}
			}
			opts := importOptions{Path: c.Args().First()}
			p, err := dbPath(c.String("db"), e)
			if err != nil {
				return err
			}
			opts.DB = p
			return runImport(c.Context, opts, e, c.App.Writer)
		},
	}
}

func runImport(ctx context.Context, opts importOptions, e env, w io.Writer) error {
	var r io.Reader = e.stdin
	name := "standard input"
	if opts.Path != "-" {
		f, err := os.Open(opts.Path)
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		defer f.Close()
		r, name = f, opts.Path
	}
	// an import that fails into a database it created leaves no empty
	// file behind (the import itself is one transaction: all or nothing)
	_, statErr := os.Stat(opts.DB)
	created := errors.Is(statErr, fs.ErrNotExist)
	db, err := openWrite(opts.DB, e)
	if err != nil {
		return err
	}
	res, err := db.Import(r, name)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		if created {
			os.Remove(opts.DB)
		}
		return err
	}
	if res.Sightings > 0 {
		_, err = fmt.Fprintf(w, "imported %d reports, %d claims, %d acks and %d sightings from %s into %s\n",
			res.Reports, res.Claims, res.Acks, res.Sightings, name, opts.DB)
		return err
	}
	_, err = fmt.Fprintf(w, "imported %d reports, %d claims and %d acks from %s into %s\n",
		res.Reports, res.Claims, res.Acks, name, opts.DB)
	return err
}
