package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/tollproject/toll/reconcile"
	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/eval"
	"github.com/tollproject/toll/tracker/extract"
)

// evalOptions are the flags of `toll eval`.
type evalOptions struct {
	Paths  []string
	MinF1  float64
	Misses int
}

func evalCommand(e env) *cli.Command {
	return &cli.Command{
		Name:      "eval",
		Usage:     "score the extractor on an annotated corpus, or series and findings on scenarios",
		ArgsUsage: "GOLD.jsonl...",
		Description: "eval runs the extractor on every passage of an annotated corpus (JSON Lines:\n" +
			"{\"id\",\"published\",\"text\",\"claims\":[{\"category\",\"low\",\"high\",\"qualifier\",\"who\",\"phrase\"}]})\n" +
			"and prints precision, recall and F1, strict (same category, low and high) and\n" +
			"loose (same category, overlapping span), per category, and the misses.\n" +
			"It exits with status 1 when strict F1 is below --min-f1.\n\n" +
			"Files whose first line is a {\"scenario\": …} header are scenarios instead:\n" +
			"reports of evolving events, each figure labelled with its series, and the\n" +
			"findings an analyst expects (format: testdata/series/README.md). All the\n" +
			"scenarios given are read into one set of claims, as a user following several\n" +
			"events would, and eval prints the B-cubed precision and recall of toll's\n" +
			"series, how many timelines each quantity is split into, the expected findings\n" +
			"raised, false alarms and traps flagged. --min-f1 then applies to series F1.\n\n" +
			"Examples:\n" +
			"   toll eval testdata/eval/*.jsonl\n" +
			"   toll eval --min-f1 0.95 --misses 0 testdata/eval/corpus-a.jsonl\n" +
			"   toll eval testdata/series/*.jsonl",
		Flags: []cli.Flag{
			&cli.Float64Flag{Name: "min-f1", Usage: "fail when strict F1 is below this (0 to 1)"},
			&cli.IntFlag{Name: "misses", Value: 40, Usage: "how many misses to list (-1 for all, 0 for none)"},
		},
		Action: func(c *cli.Context) error {
			opts := evalOptions{Paths: c.Args().Slice(), MinF1: c.Float64("min-f1"), Misses: c.Int("misses")}
			if len(opts.Paths) == 0 {
				return usageError{msg: "eval: give one or more annotated corpus files (JSON Lines)"}
			}
			if opts.MinF1 < 0 || opts.MinF1 > 1 {
				return usageError{msg: fmt.Sprintf("eval: --min-f1 %v is not between 0 and 1", opts.MinF1)}
			}
			return runEval(c.Context, opts, c.App.Writer)
		},
	}
}

func runEval(ctx context.Context, opts evalOptions, w io.Writer) error {
	var all []eval.Passage
	var scenarios []*eval.Scenario
	for _, p := range opts.Paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		first, _, _ := bytes.Cut(bytes.TrimSpace(b), []byte("\n"))
		if eval.IsScenario(first) {
			s, err := eval.ReadScenario(bytes.NewReader(b), p)
			if err != nil {
				return fmt.Errorf("eval: %w", err)
			}
			scenarios = append(scenarios, s)
			continue
		}
		ps, err := eval.Read(bytes.NewReader(b), p)
		if err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		all = append(all, ps...)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(scenarios) > 0 {
		if len(all) > 0 {
			return usageError{msg: "eval: give either passage corpora or scenarios, not both"}
		}
		rep, err := eval.ScoreSeries(scenarios, extract.Report, resolveSeries)
		if err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		if err := rep.Write(w, opts.Misses); err != nil {
			return err
		}
		if f1 := rep.F1(); f1 < opts.MinF1 {
			return fmt.Errorf("eval: series F1 %.3f is below --min-f1 %.3f", f1, opts.MinF1)
		}
		return nil
	}
	rep := eval.Score(all, extract.Report)
	if err := rep.Write(w, opts.Misses); err != nil {
		return err
	}
	if f1 := rep.Strict.F1(); f1 < opts.MinF1 {
		return fmt.Errorf("eval: strict F1 %.3f is below --min-f1 %.3f", f1, opts.MinF1)
	}
	return nil
}

// resolveSeries is the eval.Resolver of toll's own reconciler: the series
// each claim's timeline entry is in, and every finding of Check.
func resolveSeries(claims []tracker.StoredClaim) (eval.Resolution, error) {
	res := eval.Resolution{Series: map[string]string{}, Names: map[string]string{}}
	tl, err := reconcile.Timelines(claims, reconcile.Options{})
	if err != nil {
		return res, err
	}
	for _, s := range tl.Series {
		id := s.Key.String()
		res.Names[id] = id
		for _, e := range s.Entries {
			for _, p := range e.Claims {
				res.Series[p.Claim] = id
			}
		}
	}
	fs, err := reconcile.Check(claims, reconcile.Options{})
	if err != nil {
		return res, err
	}
	for _, f := range fs {
		rf := eval.ResolvedFinding{Kind: string(f.Kind), Severity: string(f.Severity), Message: f.Message}
		for _, c := range f.Claims {
			rf.Claims = append(rf.Claims, c.ID)
		}
		res.Findings = append(res.Findings, rf)
	}
	return res, nil
}
