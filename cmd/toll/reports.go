package main

import (
	"context"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/bolt"
)

// reportsOptions are the flags of `toll reports`.
type reportsOptions struct {
	DB     string
	Format string
}

func reportsCommand(e env) *cli.Command {
	return &cli.Command{
		Name:  "reports",
		Usage: "list the stored reports",
		Description: "reports lists every stored report by published date: its id (any unique\n" +
			"prefix of it works wherever toll takes an id), date, source, number of claims\n" +
			"and title. A text carried by other outlets too (a syndicated story added\n" +
			"again from another outlet, date or address) is one report: its source reads\n" +
			"\"Levant Wire (also Cedar Times, Harbor Daily)\", and toll show ID lists each\n" +
			"sighting. json and jsonl give every field but the text (toll show ID has it).\n\n" +
			"Examples:\n" +
			"   toll reports\n" +
			"   toll reports --format csv > reports.csv",
		Flags: []cli.Flag{dbFlag(), formatFlag("table", "table", "json", "jsonl", "csv")},
		Action: func(c *cli.Context) error {
			opts := reportsOptions{Format: c.String("format")}
			if err := checkFormat(opts.Format, "table", "json", "jsonl", "csv"); err != nil {
				return usageError{msg: "reports: " + err.Error()}
			}
			if c.NArg() > 0 {
				return usageError{msg: "reports: takes no arguments (toll show ID shows one report)"}
			}
			p, err := dbPath(c.String("db"), e)
			if err != nil {
				return err
			}
			opts.DB = p
			return runReports(c.Context, opts, e, c.App.Writer)
		},
	}
}

// reportRow is a report as `toll reports` lists it in JSON: everything
// but the text.
type reportRow struct {
	ID        string    `json:"id"`
	Source    string    `json:"source"`
	URL       string    `json:"url"`
	Title     string    `json:"title"`
	Published string    `json:"published"`
	Added     time.Time `json:"added"`
	Extractor string    `json:"extractor"`
	Claims    int       `json:"claims"`
	// Sightings are the other carriers of the text, when there are any.
	Sightings []tracker.Sighting `json:"sightings,omitempty"`
}

func runReports(ctx context.Context, opts reportsOptions, e env, w io.Writer) error {
	db, err := openRead(opts.DB, e)
	if err != nil {
		return err
	}
	defer db.Close()
	header := []string{"ID", "DATE", "SOURCE", "CLAIMS", "TITLE"}
	if opts.Format == "csv" {
		header = []string{"id", "published", "source", "claims", "title", "url", "added", "extractor", "carriers"}
	}
	l := newLister(opts.Format, w, header)
	err = db.EachReport(func(s bolt.ReportSummary) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		r := s.Report
		row := reportRow{ID: r.ID, Source: r.Source, URL: r.URL, Title: r.Title, Published: r.Published.String(),
			Added: r.Added, Extractor: r.Extractor, Claims: s.Claims, Sightings: s.Sightings}
		also := carriers(r, s.Sightings)
		source := r.Source
		if len(also) > 0 {
			source = strings.TrimSpace(dash(r.Source) + " (also " + strings.Join(also, ", ") + ")")
		}
		cells := []string{r.ID, r.Published.String(), source, strconv.Itoa(s.Claims), r.Title}
		if opts.Format == "csv" {
			cells = []string{r.ID, r.Published.String(), r.Source, strconv.Itoa(s.Claims), r.Title,
				r.URL, r.Added.Format(time.RFC3339), r.Extractor, strings.Join(also, "; ")}
		}
		return l.write(row, cells)
	})
	if err != nil {
		return err
	}
	return l.close("no reports stored yet")
}

// carriers names the other outlets that carried a report, each once, in
// the order they were seen: a sighting's outlet, else its address's host;
// the report's own outlet is not repeated.
func carriers(r tracker.Report, ss []tracker.Sighting) []string {
	seen := map[string]bool{strings.ToLower(strings.Join(strings.Fields(r.Source), " ")): true}
	var out []string
	for _, s := range ss {
		name := s.Source
		if name == "" {
			name = hostOf(s.URL)
		}
		key := strings.ToLower(strings.Join(strings.Fields(name), " "))
		if name == "" || seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, name)
	}
	return out
}
