package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/urfave/cli/v2"

	"github.com/tollproject/toll/tracker"
)

// reviewOptions are the flags of `toll review`.
type reviewOptions struct {
	DB     string
	ID     string
	Status tracker.Status
	Sets   []string // field=value, for a correction
	Note   string
	By     string
}

// setList collects repeated --set flags. urfave's string slices split
// values at commas, and attributions have commas.
type setList struct{ v []string }

func (s *setList) Set(v string) error { s.v = append(s.v, v); return nil }
func (s *setList) String() string     { return strings.Join(s.v, " ") }

func reviewCommand(e env) *cli.Command {
	return &cli.Command{
		Name:      "review",
		Usage:     "accept, reject or correct a claim",
		ArgsUsage: "CLAIM",
		Description: "review records a decision on a claim as a new version; nothing is overwritten\n" +
			"and toll show CLAIM --history shows every version. --set corrects fields:\n" +
			"category, low, high (a number, or none/inf for no upper bound), qualifier,\n" +
			"vague, who, where, attribution, as_of (YYYY-MM-DD or empty), scope, since,\n" +
			"from, to, prior (true/false). The corrected claim must be valid (low <= high,\n" +
			"whole numbers, a known category). --reset takes the reviews back: the claim\n" +
			"is unreviewed again, as the extractor read it, in a new version that keeps\n" +
			"the history. The reviewer is --by, else $USER.\n\n" +
			"Examples:\n" +
			"   toll review --accept 3f2a9c-1\n" +
			"   toll review --set low=1200 --set high=inf --note \"ministry bulletin of 11 Oct\" 3f2a9c-2\n" +
			"   toll review --reject --note \"counts the same victims as -2\" 3f2a9c-3\n" +
			"   toll review --reset --note \"rejected the wrong claim\" 3f2a9c-3",
		Flags: []cli.Flag{
			dbFlag(),
			&cli.BoolFlag{Name: "accept", Usage: "the claim is right as it stands"},
			&cli.BoolFlag{Name: "reject", Usage: "the claim is wrong or not a casualty figure; it stays stored but counts nowhere"},
			&cli.BoolFlag{Name: "reset", Usage: "back to unreviewed, as extracted (the history is kept)"},
			&cli.GenericFlag{Name: "set", Value: &setList{}, Usage: "correct a field: field=value (repeat for several)"},
			&cli.StringFlag{Name: "note", Usage: "why"},
			&cli.StringFlag{Name: "by", Usage: "who reviews (default $USER)"},
		},
		Action: func(c *cli.Context) error {
			sets := c.Generic("set").(*setList).v
			opts := reviewOptions{ID: c.Args().First(), Sets: sets, Note: c.String("note"), By: c.String("by")}
			if c.NArg() != 1 {
				return usageError{msg: "review: give one claim id (REPORT-N)"}
			}
			n := 0
			for _, b := range []bool{c.Bool("accept"), c.Bool("reject"), c.Bool("reset"), len(sets) > 0} {
				if b {
					n++
				}
			}
			if n != 1 {
				return usageError{msg: "review: give exactly one of --accept, --reject, --reset or --set field=value"}
			}
			switch {
			case c.Bool("accept"):
				opts.Status = tracker.Accepted
			case c.Bool("reject"):
				opts.Status = tracker.Rejected
			case c.Bool("reset"):
				opts.Status = tracker.Unreviewed
			default:
				opts.Status = tracker.Corrected
			}
			if opts.By == "" {
				opts.By = e.getenv("USER")
			}
			if opts.By == "" {
				opts.By = "reviewer"
			}
			p, err := dbPath(c.String("db"), e)
			if err != nil {
				return err
			}
			opts.DB = p
			return runReview(c.Context, opts, e, c.App.Writer)
		},
	}
}

func runReview(ctx context.Context, opts reviewOptions, e env, w io.Writer) error {
	db, err := openChange(opts.DB, e)
	if err != nil {
		return err
	}
	defer db.Close()
	before, err := db.Claim(opts.ID)
	if err != nil {
		return fmt.Errorf("review: %w", err)
	}
	v := tracker.Version{Status: opts.Status, By: opts.By, Note: opts.Note}
	if opts.Status == tracker.Corrected {
		v.Claim, err = applySets(before.Claim, opts.Sets)
		if err != nil {
			return fmt.Errorf("review %s: %w", before.ID, err)
		}
	}
	after, err := db.Review(before.ID, v)
	if err != nil {
		return err
	}
	what := string(after.Status)
	if opts.Status == tracker.Unreviewed {
		what = "reset to unreviewed"
	}
	fmt.Fprintf(w, "%s %s by %s: %s %s %s\n", after.ID, what, opts.By,
		after.Claim.Category, after.Claim.Figure(), after.Claim.Who)
	for _, ch := range claimChanges(before.Claim, after.Claim) {
		fmt.Fprintf(w, "  %s\n", ch)
	}
	_, err = fmt.Fprintf(w, "this is version %d; toll show --history %s shows all\n", len(after.Versions), after.ID)
	return err
}

// applySets returns c with each field=value applied, in order.
func applySets(c tracker.Claim, sets []string) (tracker.Claim, error) {
	for _, s := range sets {
		field, value, ok := strings.Cut(s, "=")
		if !ok {
			return c, fmt.Errorf("--set %q: want field=value", s)
		}
		if !utf8.ValidString(value) {
			// stored as given, it would export as U+FFFD: refuse it, as
			// import refuses such a cell
			return c, fmt.Errorf("--set %s: the value is not UTF-8 text", field)
		}
		if err := setField(&c, strings.TrimSpace(field), strings.TrimSpace(value)); err != nil {
			return c, fmt.Errorf("--set %s: %w", s, err)
		}
	}
	return c, nil
}

func setField(c *tracker.Claim, field, value string) error {
	var err error
	switch field {
	case "category":
		c.Category, err = tracker.ParseCategory(value)
	case "qualifier":
		c.Qualifier, err = tracker.ParseQualifier(value)
	case "scope":
		c.Scope, err = tracker.ParseScope(value)
	case "as_of":
		c.AsOf, err = tracker.ParseDate(value)
	case "low":
		var n decimal.Decimal
		if n, err = parseCount(value); err == nil {
			c.Interval.Low = n
		}
	case "high":
		if value == "none" || value == "inf" || value == "∞" {
			c.Interval.Unbounded, c.Interval.High = true, decimal.Decimal{}
			return nil
		}
		var n decimal.Decimal
		if n, err = parseCount(value); err == nil {
			c.Interval.High, c.Interval.Unbounded = n, false
		}
	case "prior":
		c.Prior, err = strconv.ParseBool(value)
	case "who":
		if value == "" {
			return fmt.Errorf("who cannot be empty")
		}
		c.Who = strings.ToLower(value)
	case "vague":
		c.Vague = value
	case "where":
		c.Where = value
	case "attribution":
		c.Attribution = value
	case "since":
		c.Since = value
	case "from":
		c.From = value
	case "to":
		c.To = value
	default:
		return fmt.Errorf("unknown field %q (want category, low, high, qualifier, vague, who, where, attribution, as_of, scope, since, from, to or prior)", field)
	}
	return err
}

// parseCount reads a whole number of people, with or without thousands
// commas, within tracker's caps (digits, MaxCount; no exponent, which
// could make comparing it unbounded work).
func parseCount(s string) (decimal.Decimal, error) {
	return tracker.ParseCount(s)
}
