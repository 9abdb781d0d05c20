package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/tollproject/toll/internal/par"
	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/extract"
	"github.com/tollproject/toll/tracker/ingest"
)

// extractOptions are the flags of `toll extract`.
type extractOptions struct {
	Paths  []string
	Date   tracker.Date
	Format string
}

func extractCommand(e env) *cli.Command {
	return &cli.Command{
		Name:      "extract",
		Usage:     "print the casualty claims in text or HTML files",
		ArgsUsage: "FILE...|-",
		Description: "extract reads news text (plain text, Markdown or HTML) and prints every\n" +
			"casualty figure it finds: category, interval, qualifier, group, place, source,\n" +
			"date and the phrase it came from. Nothing is stored. A JSONL file of reports\n" +
			"or an RSS/Atom feed gives each report's claims in turn, dated by --date or\n" +
			"else by the report's own date. --format jsonl prints one claim a line; json\n" +
			"one object per input with its claims and its notes: the figures seen but not\n" +
			"read as claims, and why. toll reads English: a text in another language is\n" +
			"named (\"language\" in json), since its having no claims means nothing.\n\n" +
			"Examples:\n" +
			"   toll extract --date 2023-10-09 article.txt\n" +
			"   curl -s https://example.org/story | toll extract --format jsonl -\n" +
			"   toll extract --format json report1.html report2.txt",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "date", Usage: "the report's date, YYYY-MM-DD: dates the claims and resolves \"since Saturday\""},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output format: table, json or jsonl"},
		},
		Action: func(c *cli.Context) error {
			opts := extractOptions{Paths: c.Args().Slice(), Format: c.String("format")}
			if len(opts.Paths) == 0 {
				return usageError{msg: "extract: give one or more files, or - for standard input"}
			}
			d, err := tracker.ParseDate(c.String("date"))
			if err != nil {
				return usageError{msg: fmt.Sprintf("extract: --date: %v", err)}
			}
			opts.Date = d
			if err := checkFormat(opts.Format, "table", "json", "jsonl"); err != nil {
				return usageError{msg: "extract: " + err.Error()}
			}
			return runExtract(c.Context, opts, e.stdin, c.App.Writer)
		},
	}
}

// extractedJSON is one input in extract --format json.
type extractedJSON struct {
	Input string `json:"input"`
	// Language is the input's language when it is not English (see
	// ingest.Doc.Language): its claims, or their absence, mean little.
	Language string            `json:"language,omitempty"`
	Claims   []json.RawMessage `json:"claims"`
	Notes    []noteJSON        `json:"notes"`
}

// noteJSON is a figure the extractor saw but did not read as a claim,
// and why; text[start:end] is span.
type noteJSON struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Span    string `json:"span"`
	Message string `json:"message"`
}

// extracted is one input's text and claims.
type extracted struct {
	name     string
	text     string
	language string
	claims   []tracker.Claim
	notes    []tracker.Diagnostic
}

func runExtract(ctx context.Context, opts extractOptions, stdin io.Reader, w io.Writer) error {
	// Every input is read first, then the texts are extracted on every
	// core (par.Do) and kept in input order; the first error in input
	// order, a file that cannot be read or a text that cannot be a
	// report, is the one returned, as a plain loop would.
	var all []extracted
	var dates []tracker.Date
	var readErr error
	for _, p := range opts.Paths {
		if err := ctx.Err(); err != nil {
			readErr = err
			break
		}
		docs, err := ingest.ReadFile(p, stdin)
		if err != nil {
			readErr = err
			break
		}
		for _, d := range docs {
			date := opts.Date
			if date.IsZero() {
				date = d.Published
			}
			all = append(all, extracted{name: d.Origin, text: d.Text, language: d.Language})
			dates = append(dates, date)
		}
	}
	errs := make([]error, len(all))
	par.Do(len(all), func(i int) {
		res, err := extract.Extract(all[i].text, extract.Options{Date: dates[i]})
		if err != nil {
			errs[i] = fmt.Errorf("extract %s: %w", all[i].name, err)
			return
		}
		all[i].claims, all[i].notes = res.Claims, res.Diagnostics
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	if readErr != nil {
		return readErr
	}
	switch opts.Format {
	case "jsonl":
		for _, x := range all {
			for _, c := range x.claims {
				b, err := c.MarshalExtractJSON()
				if err != nil {
					return err
				}
				if _, err := fmt.Fprintf(w, "%s\n", b); err != nil {
					return err
				}
			}
		}
		return nil
	case "json":
		// one object per input: its claims and what was not read as one
		docs := make([]extractedJSON, 0, len(all))
		for _, x := range all {
			d := extractedJSON{Input: x.name, Language: x.language, Claims: []json.RawMessage{}, Notes: []noteJSON{}}
			for _, c := range x.claims {
				b, err := c.MarshalExtractJSON()
				if err != nil {
					return err
				}
				d.Claims = append(d.Claims, b)
			}
			for _, n := range x.notes {
				d.Notes = append(d.Notes, noteJSON{Start: n.Start, End: n.End, Span: x.text[n.Start:n.End], Message: n.Message})
			}
			docs = append(docs, d)
		}
		return writeJSON(w, docs)
	default:
		for i, x := range all {
			if len(all) > 1 {
				if i > 0 {
					fmt.Fprintln(w)
				}
				fmt.Fprintf(w, "%s\n", x.name)
			}
			if err := writeClaimTable(w, x.claims); err != nil {
				return err
			}
			if x.language != "" {
				fmt.Fprintf(w, "note: %s\n", languageNote(x.language, len(x.claims)))
			}
			if len(x.notes) > 0 {
				fmt.Fprintf(w, "\nnot read as claims:\n")
				for _, n := range x.notes {
					fmt.Fprintf(w, "  %s: %s\n", quoteSpan(x.text[n.Start:n.End]), n.Message)
				}
			}
		}
		return nil
	}
}

// writeClaimTable prints claims aligned for people: the figure as written
// ("at least 1,100", "more than 700", "100–300") with its interval beside
// it, who and where, the source, the date and scope,
// and the phrase it came from.
func writeClaimTable(w io.Writer, claims []tracker.Claim) error {
	if len(claims) == 0 {
		_, err := fmt.Fprintln(w, "no casualty claims found")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CATEGORY\tFIGURE\tINTERVAL\tWHO\tWHERE\tSOURCE\tAS OF\tSCOPE\tPHRASE")
	for _, c := range claims {
		scope := string(c.Scope)
		switch {
		case c.Scope == tracker.Cumulative && c.Since != "":
			scope = "since " + c.Since
		case c.Scope == tracker.Period && c.From != "" && c.From != c.To:
			scope = c.From + "…" + c.To
		case c.Scope == tracker.Period && c.From != "":
			scope = "on " + c.From
		}
		fig := c.Figure()
		if c.Prior {
			fig += " (earlier)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.Category, fig, c.Interval.Range(), c.Who, dash(c.Where),
			dash(c.Attribution), dash(c.AsOf.String()), scope, quoteSpan(c.Span))
	}
	return tw.Flush()
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// quoteSpan folds a phrase onto one line and shortens a long one.
func quoteSpan(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:57]) + "…"
	}
	return "“" + s + "”"
}

func displayName(p string) string {
	if p == "-" {
		return "standard input"
	}
	return p
}

// checkFormat reports a format outside the allowed ones.
func checkFormat(f string, allowed ...string) error {
	for _, a := range allowed {
		if f == a {
			return nil
		}
	}
	return fmt.Errorf("unknown --format %q (want %s)", f, strings.Join(allowed, ", "))
}
