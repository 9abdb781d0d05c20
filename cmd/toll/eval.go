package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v2"

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
		Usage:     "score the extractor on an annotated corpus",
		ArgsUsage: "GOLD.jsonl...",
		Description: "eval runs the extractor on every passage of an annotated corpus (JSON Lines:\n" +
			"{\"id\",\"published\",\"text\",\"claims\":[{\"category\",\"low\",\"high\",\"qualifier\",\"who\",\"phrase\"}]})\n" +
			"and prints precision, recall and F1, strict (same category, low and high) and\n" +
			"loose (same category, overlapping span), per category, and the misses.\n" +
			"It exits with status 1 when strict F1 is below --min-f1.\n\n" +
			"Examples:\n" +
			"   toll eval testdata/eval/*.jsonl\n" +
			"   toll eval --min-f1 0.95 --misses 0 testdata/eval/corpus-a.jsonl",
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
	for _, p := range opts.Paths {
		f, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		ps, err := eval.Read(f, p)
		f.Close()
		if err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		all = append(all, ps...)
	}
	if err := ctx.Err(); err != nil {
		return err
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
