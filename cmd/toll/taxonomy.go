package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/tollproject/toll/reconcile"
	"github.com/tollproject/toll/tracker/bolt"
)

// taxonomyOptions are the arguments of `toll taxonomy`.
type taxonomyOptions struct {
	DB   string
	Verb string // show, set or clear
	File string // for set: the file, or - for standard input
}

func taxonomyCommand(e env) *cli.Command {
	return &cli.Command{
		Name:      "taxonomy",
		Usage:     "store a taxonomy in the database, once for every command",
		ArgsUsage: "[show | set FILE | clear]",
		Description: "A taxonomy file adds group, place and source aliases and rules to the\n" +
			"built-in ones (see README; a file starting with reset replaces them).\n" +
			"taxonomy set FILE checks the file and stores it in the database; every\n" +
			"command that names groups, places and sources then uses it, and toll export\n" +
			"carries it to the next database. --taxonomy FILE, or $TOLL_TAXONOMY, on a\n" +
			"command uses that file instead. taxonomy show prints the stored file;\n" +
			"taxonomy clear removes it (the built-in taxonomy applies again).\n\n" +
			"Examples:\n" +
			"   toll taxonomy set our-taxonomy.txt\n" +
			"   toll taxonomy show > our-taxonomy.txt\n" +
			"   toll taxonomy clear",
		Flags: []cli.Flag{dbFlag()},
		Action: func(c *cli.Context) error {
			args := c.Args().Slice()
			opts := taxonomyOptions{Verb: "show"}
			if len(args) > 0 {
				opts.Verb, args = args[0], args[1:]
			}
			switch {
			case opts.Verb == "set" && len(args) == 1:
				opts.File = args[0]
			case opts.Verb == "set":
				return usageError{msg: "taxonomy: usage: toll taxonomy set FILE (- for standard input)"}
			case opts.Verb != "show" && opts.Verb != "clear":
				return usageError{msg: fmt.Sprintf("taxonomy: unknown action %q (%swant show, set or clear)",
					opts.Verb, didYouMean(suggest(opts.Verb, []string{"show", "set", "clear"}), "%q"))}
			case len(args) > 0:
				return usageError{msg: "taxonomy: " + opts.Verb + " takes no arguments"}
			}
			p, err := dbPath(c.String("db"), e)
			if err != nil {
				return err
			}
			opts.DB = p
			return runTaxonomy(c.Context, opts, e, c.App.Writer, c.App.ErrWriter)
		},
	}
}

func runTaxonomy(ctx context.Context, opts taxonomyOptions, e env, w, ew io.Writer) error {
	switch opts.Verb {
	case "show":
		db, err := openRead(opts.DB, e)
		if err != nil {
			return err
		}
		defer db.Close()
		text, err := db.Taxonomy()
		if err != nil {
			return err
		}
		if env := e.getenv("TOLL_TAXONOMY"); env != "" {
			fmt.Fprintf(ew, "toll: note: $TOLL_TAXONOMY is set: commands use %s instead of the stored taxonomy\n", env)
		}
		if text == "" {
			_, err := fmt.Fprintf(w, "no taxonomy stored in %s: commands use the built-in one (toll taxonomy set FILE stores one)\n", opts.DB)
			return err
		}
		_, err = io.WriteString(w, text)
		return err
	case "clear":
		db, err := openChange(opts.DB, e)
		if err != nil {
			return err
		}
		defer db.Close()
		if err := db.SetTaxonomy(""); err != nil {
			return fmt.Errorf("taxonomy clear: %w", err)
		}
		_, err = fmt.Fprintf(w, "no taxonomy stored in %s now: commands use the built-in one\n", opts.DB)
		return err
	}
	text, err := readTaxonomyFile(opts.File, e)
	if err != nil {
		return err
	}
	db, err := openWrite(opts.DB, e)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.SetTaxonomy(text); err != nil {
		return fmt.Errorf("taxonomy set %s: %w", opts.File, err)
	}
	_, err = fmt.Fprintf(w, "taxonomy %s stored in %s (%s): commands use it unless --taxonomy or $TOLL_TAXONOMY names another\n",
		opts.File, opts.DB, lines(strings.Count(text, "\n")))
	if err == nil {
		err = ctx.Err()
	}
	return err
}

// readTaxonomyFile reads a taxonomy file (or standard input for "-") for
// storing: at most bolt.MaxTaxonomyBytes, lines ending in \n (a file
// saved with \r\n line ends is taken), and one that reconcile reads.
func readTaxonomyFile(path string, e env) (string, error) {
	var r io.Reader = e.stdin
	name := "(standard input)"
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return "", fmt.Errorf("taxonomy %s: %w", path, unwrapPath(err))
		}
		defer f.Close()
		r, name = f, path
	}
	b, err := io.ReadAll(io.LimitReader(r, bolt.MaxTaxonomyBytes+1))
	if err != nil {
		return "", fmt.Errorf("taxonomy %s: %w", name, err)
	}
	if len(b) > bolt.MaxTaxonomyBytes {
		return "", fmt.Errorf("taxonomy %s: more than %d bytes", name, bolt.MaxTaxonomyBytes)
	}
	text := strings.ReplaceAll(string(b), "\r\n", "\n")
	if text != "" && !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	if strings.TrimSpace(text) == "" {
		return "", fmt.Errorf("taxonomy %s is empty (toll taxonomy clear removes the stored one)", name)
	}
	if err := checkTaxonomy(text); err != nil {
		return "", fmt.Errorf("taxonomy %s: %w", name, err)
	}
	return text, nil
}

// checkTaxonomy is the store's Options.CheckTaxonomy: the text must be a
// taxonomy reconcile reads.
func checkTaxonomy(text string) error {
	_, err := reconcile.LoadTaxonomy(strings.NewReader(text))
	return err
}

// storedTaxonomy gives opts the taxonomy stored in the database when the
// command line named none (--taxonomy, $TOLL_TAXONOMY): those come first,
// then the stored one, then the built-in one.
func storedTaxonomy(db *bolt.DB, opts *reconcile.Options) error {
	if opts.Taxonomy != nil {
		return nil
	}
	text, err := db.Taxonomy()
	if err != nil || text == "" {
		return err
	}
	t, err := reconcile.LoadTaxonomy(strings.NewReader(text))
	if err != nil {
		return fmt.Errorf("the taxonomy stored in %s: %w (toll taxonomy set FILE or clear replaces it)", db.Path(), err)
	}
	opts.Taxonomy = t
	return nil
}

func lines(n int) string {
	if n == 1 {
		return "1 line"
	}
	return fmt.Sprintf("%d lines", n)
}
