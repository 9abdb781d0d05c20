package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/urfave/cli/v2"
)

// importOptions are the flags of `toll import`.
type importOptions struct {
	DB    string
	Path  string
	Merge bool
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
			"database may hold other reports, but none of the file's report ids or acks,\n" +
			"unless --merge: then what both have is merged, for two analysts' copies of\n" +
			"one case. A claim keeps both sides' reviews (by time: the later stands), an\n" +
			"ack both sides made keeps the later note, and what was new on either side\n" +
			"is added; each thing settled one way is listed as a conflict with its id.\n\n" +
			"Examples:\n" +
			"   toll import toll-backup.json\n" +
			"   toll export --db other.db | toll import -\n" +
			"   toll import --merge ben.jsonl",
		Flags: []cli.Flag{dbFlag(),
			&cli.BoolFlag{Name: "merge", Usage: "merge reports, reviews and acks the database shares with the file"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usageError{msg: "import: give one export file, or - for standard input"}
			}
			opts := importOptions{Path: c.Args().First(), Merge: c.Bool("merge")}
			p, err := dbPath(c.String("db"), e)
			if err != nil {
				return err
			}
			opts.DB = p
			return runImport(c.Context, opts, e, c.App.Writer, c.App.ErrWriter)
		},
	}
}

func runImport(ctx context.Context, opts importOptions, e env, w, ew io.Writer) error {
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
	// a bar over the bytes read (a spinner for standard input), on a
	// terminal only
	size := int64(-1)
	if fi, err := os.Stat(opts.Path); err == nil && opts.Path != "-" && fi.Mode().IsRegular() {
		size = fi.Size()
	}
	bar := newProgress(ew, size, "importing", true)
	if bar != nil {
		r = countingReader{r: r, p: bar}
	}
	// an import that fails into a database it created leaves no empty
	// file behind (the import itself is one transaction: all or nothing)
	_, statErr := os.Stat(opts.DB)
	created := errors.Is(statErr, fs.ErrNotExist)
	// The database is mapped as large as the import will make it (it
	// takes about half the size of a JSONL export), so that bbolt does
	// not map it again, and copy what the import wrote, as it grows.
	o := storeOptions(e, false)
	if size > 0 {
		o.MapSize = int(size)
		if fi, err := os.Stat(opts.DB); err == nil {
			o.MapSize += int(fi.Size())
		}
	}
	db, err := openStore(opts.DB, o)
	if err != nil {
		return err
	}
	imp := db.Import
	if opts.Merge {
		imp = db.Merge
	}
	res, err := imp(r, name)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	bar.Finish()
	if err != nil {
		if created {
			os.Remove(opts.DB)
		}
		return err
	}
	if !opts.Merge {
		counts := []string{fmt.Sprintf("%d reports", res.Reports), fmt.Sprintf("%d claims", res.Claims), fmt.Sprintf("%d acks", res.Acks)}
		if res.Sightings > 0 {
			counts = append(counts, fmt.Sprintf("%d sightings", res.Sightings))
		}
		if res.Decisions > 0 {
			counts = append(counts, fmt.Sprintf("%d series decisions", res.Decisions))
		}
		_, err = fmt.Fprintf(w, "imported %s and %s from %s into %s\n",
			strings.Join(counts[:len(counts)-1], ", "), counts[len(counts)-1], name, opts.DB)
		return err
	}
	fmt.Fprintf(w, "merged %s into %s: %d new reports, %d new claims, %d versions added to stored claims, %d acks, %d sightings, %d series decisions; %d conflicts\n",
		name, opts.DB, res.Reports, res.Claims, res.Versions, res.Acks, res.Sightings, res.Decisions, len(res.Conflicts))
	for _, c := range res.Conflicts {
		fmt.Fprintf(w, "  conflict %s: %s\n", c.ID, c.Message)
	}
	return nil
}
