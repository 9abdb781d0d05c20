package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/tollproject/toll/reconcile"
	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/bolt"
)

// demoFS holds the demo reports: 22 short reports written for toll around
// the real figures of October–November 2023 (see demodata/README.md).
//
//go:embed demodata/*.txt demodata/manifest.jsonl
var demoFS embed.FS

// demoOptions are the flags of `toll demo`.
type demoOptions struct {
	Keep string // keep the database in this directory; "" removes it
}

func demoCommand(e env) *cli.Command {
	return &cli.Command{
		Name:  "demo",
		Usage: "build a throwaway database from built-in reports and show what toll finds",
		Description: "demo adds 22 short reports (October–November 2023, several outlets and\n" +
			"sources, written for toll around the real figures) to a new database in a\n" +
			"temporary directory, then prints what was added, the timelines with the\n" +
			"most sources, the findings of toll check, and the commands to try next.\n" +
			"The database is removed afterwards unless --keep DIR is given.\n\n" +
			"Examples:\n" +
			"   toll demo\n" +
			"   toll demo --keep /tmp/toll-demo && toll --help",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "keep", TakesFile: true, Usage: "keep the demo database in this directory (as DIR/toll.db)"},
		},
		Action: func(c *cli.Context) error {
			if c.Args().Len() > 0 {
				return usageError{msg: "demo: takes no arguments"}
			}
			return runDemo(c.Context, demoOptions{Keep: c.String("keep")}, e, c.App.Writer)
		},
	}
}

// demoReport is one line of demodata/manifest.jsonl.
type demoReport struct {
	File      string `json:"file"`
	Source    string `json:"source"`
	Published string `json:"published"`
	URL       string `json:"url"`
	Title     string `json:"title"`
}

func loadDemoReports() ([]bolt.NewReport, error) {
	m, err := demoFS.ReadFile("demodata/manifest.jsonl")
	if err != nil {
		return nil, fmt.Errorf("demo manifest: %w", err)
	}
	var out []bolt.NewReport
	sc := bufio.NewScanner(bytes.NewReader(m))
	for line := 1; sc.Scan(); line++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var r demoReport
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("demo manifest line %d: %w", line, err)
		}
		text, err := demoFS.ReadFile("demodata/" + r.File)
		if err != nil {
			return nil, fmt.Errorf("demo report %s: %w", r.File, err)
		}
		d, err := tracker.ParseDate(r.Published)
		if err != nil {
			return nil, fmt.Errorf("demo manifest line %d: %w", line, err)
		}
		out = append(out, bolt.NewReport{Source: r.Source, URL: r.URL, Title: r.Title, Published: d, Text: string(text)})
	}
	return out, sc.Err()
}

func runDemo(ctx context.Context, opts demoOptions, e env, w io.Writer) error {
	dir := opts.Keep
	if dir == "" {
		tmp, err := os.MkdirTemp("", "toll-demo-")
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	} else if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("demo: --keep %s: %w", dir, unwrapPath(err))
	}
	path := filepath.Join(dir, "toll.db")
	// The demo's outlets are made up: its reports must never mix with
	// real ones, as they would in `toll demo --keep ~/.local/share/toll`.
	if _, err := os.Stat(path); opts.Keep != "" && err == nil {
		return fmt.Errorf("demo: --keep %s: %s exists already; the demo only builds a new database (remove it, or keep the demo elsewhere)", dir, path)
	}
	reports, err := loadDemoReports()
	if err != nil {
		return err
	}
	db, err := openWrite(path, e)
	if err != nil {
		return err
	}
	defer db.Close()
	results, err := db.Add(reports)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	out := bufio.NewWriter(w)
	defer out.Flush()

	// 1. what was added
	outlets := map[string]bool{}
	claims := 0
	for i, r := range results {
		if r.Err != nil {
			return fmt.Errorf("demo: report %d: %w", i+1, r.Err)
		}
		outlets[reports[i].Source] = true
		claims += r.Claims
	}
	first, last := reports[0].Published, reports[len(reports)-1].Published
	fmt.Fprintf(out, "toll demo: %d reports from %d outlets, %s to %s, %d casualty claims extracted\n\n",
		len(reports), len(outlets), first, last, claims)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "REPORT\tDATE\tOUTLET\tCLAIMS\tTITLE")
	for i, r := range results {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", r.Report.ID, reports[i].Published, reports[i].Source, r.Claims, shorten(reports[i].Title, 60))
	}
	tw.Flush()

	all, err := loadClaims(ctx, db)
	if err != nil {
		return err
	}
	// 2. the timelines with the most sources
	tl, err := reconcile.Timelines(all, reconcile.Options{})
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	main := mainSeries(tl.Series, 4)
	fmt.Fprintf(out, "\nTimelines: the %d series with the most sources (of %d; toll timeline shows all)\n\n", len(main), len(tl.Series))
	out.Flush()
	if err := (&reconcile.Timeline{View: tl.View, Series: main}).Write(out, reconcile.FormatTable); err != nil {
		return err
	}

	// 3. what cannot all be true
	findings, err := reconcile.Check(all, reconcile.Options{})
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	fmt.Fprintf(out, "\nCheck: %d findings\n\n", len(findings))
	out.Flush()
	if err := findings.Write(out, reconcile.FormatTable); err != nil {
		return err
	}

	// 4. where to go next
	dbArg := "--db " + shellQuote(path)
	if opts.Keep == "" {
		dbArg = "--db DIR/toll.db"
		fmt.Fprintf(out, "\nThe demo database was temporary. Keep one to explore: toll demo --keep DIR\n")
	} else {
		fmt.Fprintf(out, "\nThe demo database is in %s.\n", path)
	}
	fmt.Fprintf(out, "Next, try:\n")
	for _, cmd := range []string{
		"toll claims " + dbArg + " --category hostage",
		"toll timeline " + dbArg + " --where \"al-Ahli Arab hospital\" --view range",
		"toll diff " + dbArg + " --source \"Gaza health ministry\" --source \"Government Media Office\" --window 3",
		"toll check " + dbArg + " --format json",
		"toll timeline " + dbArg + " --category killed --format html --output toll.html",
		"toll extract --date 2023-10-09 ARTICLE.txt    (any news text of your own)",
	} {
		fmt.Fprintf(out, "  %s\n", cmd)
	}
	return nil
}

// mainSeries picks the n series with the most sources, then the most
// figures: where reconciling has something to show.
func mainSeries(all []reconcile.Series, n int) []reconcile.Series {
	type scored struct {
		s                reconcile.Series
		sources, figures int
	}
	var ss []scored
	for _, s := range all {
		src := map[string]bool{}
		for _, e := range s.Entries {
			src[e.Source] = true
		}
		if len(src) >= 2 {
			ss = append(ss, scored{s, len(src), len(s.Entries)})
		}
	}
	slices.SortStableFunc(ss, func(a, b scored) int {
		if c := cmp.Compare(b.sources, a.sources); c != 0 {
			return c
		}
		return cmp.Compare(b.figures, a.figures)
	})
	var out []reconcile.Series
	for i := 0; i < len(ss) && i < n; i++ {
		out = append(out, ss[i].s)
	}
	return out
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// shellQuote quotes a path for a command line when it needs it.
func shellQuote(s string) string {
	for _, r := range s {
		if !(r == '/' || r == '.' || r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return "'" + s + "'"
		}
	}
	return s
}
