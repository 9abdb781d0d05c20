package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/tollproject/toll/reconcile"
	"github.com/tollproject/toll/tracker"
)

// checkOptions are the flags of `toll check`.
type checkOptions struct {
	DB     string
	Format reconcile.Format
	FailOn reconcile.Severity // "" never fails
	Ack    string             // acknowledge this finding instead of listing
	Unack  string             // remove this finding's acknowledgement instead of listing
	Note   string
	Series reconcile.Options
}

func checkCommand(e env) *cli.Command {
	return &cli.Command{
		Name:  "check",
		Usage: "flag figures that cannot all be true",
		Description: "check reads every stored claim that counts (not rejected) and reports\n" +
			"findings, each with a kind, a severity, a sentence with the numbers, and the\n" +
			"claims involved:\n" +
			"   decrease                a running toll that falls (a stock that falls is a warning)\n" +
			"   revision                a fall the text says was a revision or correction\n" +
			"   subgroup_exceeds_total  a part larger than its whole (children above people)\n" +
			"   parts_exceed_total      disjoint parts whose lower bounds add up above the total\n" +
			"   sources_disagree        two sources, same series and day, intervals apart\n" +
			"   prior_mismatch          \"rose to X from Y\" where Y is not what that source said\n" +
			"   period_mismatch         a daily figure that does not match the cumulative change\n" +
			"Acknowledge a finding you have looked into with --ack ID --note \"why\": it is\n" +
			"kept in the database, shown as acknowledged, and never fails --fail-on.\n" +
			"--unack ID takes an acknowledgement back (also of a finding gone since).\n\n" +
			"Examples:\n" +
			"   toll check\n" +
			"   toll check --category killed --fail-on error\n" +
			"   toll check --ack 3f9c2a1b --note \"the ministry revised after identifying bodies\"\n" +
			"   toll check --unack 3f9c2a1b\n" +
			"   toll check --format json | jq '.[] | select(.severity==\"error\")'\n" +
			"   toll check --since 2023-10-15 --format csv > findings.csv",
		Flags: append(seriesFlags(),
			&cli.StringFlag{Name: "source", Usage: "only findings involving a source (attribution or outlet) containing this"},
			formatFlag("table", "table", "json", "csv"),
			&cli.StringFlag{Name: "fail-on", Usage: "exit with status 1 when an unacknowledged finding is at least this severe: warning or error"},
			&cli.StringFlag{Name: "ack", Usage: "acknowledge the finding with this id (needs --note)"},
			&cli.StringFlag{Name: "unack", Usage: "take back the acknowledgement of the finding with this id"},
			&cli.StringFlag{Name: "note", Usage: "why the finding is acknowledged"},
		),
		Action: func(c *cli.Context) error {
			if err := noArgs(c, "filters are flags; acknowledge with --ack ID --note \"why\""); err != nil {
				return err
			}
			series, err := seriesOptions(c, c.String("source"))
			if err != nil {
				return err
			}
			f, err := reconcile.ParseFormat(c.String("format"))
			if err != nil || (f != reconcile.FormatTable && f != reconcile.FormatJSON && f != reconcile.FormatCSV) {
				return usageError{msg: fmt.Sprintf("check: --format %q: want table, json or csv", c.String("format"))}
			}
			opts := checkOptions{Format: f, Series: series, Ack: strings.TrimSpace(c.String("ack")),
				Unack: strings.TrimSpace(c.String("unack")), Note: strings.TrimSpace(c.String("note"))}
			if opts.Ack != "" && opts.Unack != "" {
				return usageError{msg: "check: give --ack or --unack, not both"}
			}
			if v := c.String("fail-on"); v != "" {
				sev, err := reconcile.ParseSeverity(v)
				if err != nil || sev == reconcile.Info {
					return usageError{msg: fmt.Sprintf("check: --fail-on %q: want warning or error", v)}
				}
				opts.FailOn = sev
			}
			if opts.Ack != "" && opts.Note == "" {
				return usageError{msg: "check: --ack needs --note \"why\": an acknowledgement without a reason helps no one later"}
			}
			if opts.Ack == "" && opts.Note != "" {
				return usageError{msg: "check: --note goes with --ack ID"}
			}
			if opts.DB, err = dbPath(c.String("db"), e); err != nil {
				return err
			}
			return runCheck(c.Context, opts, e, c.App.Writer)
		},
	}
}

func runCheck(ctx context.Context, opts checkOptions, e env, w io.Writer) error {
	if opts.Unack != "" {
		return unackFinding(opts, e, w)
	}
	open := openRead
	if opts.Ack != "" {
		open = openChange
	}
	db, claims, err := openClaims(ctx, open, opts.DB, e)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := useDecisions(db, &opts.Series); err != nil {
		return fmt.Errorf("check: %w", err)
	}
	var acks map[string]tracker.Ack
	if opts.Ack == "" {
		// (an --ack writes once the findings are known: it keeps the
		// database open)
		if acks, err = db.Acks(); err != nil {
			return err
		}
		if err := release(db); err != nil {
			return err
		}
	}
	// held compactly: a million findings as reconcile.Findings take
	// gigabytes, and each is only written out once
	findings, err := reconcile.CheckCompact(claims, opts.Series)
	if err != nil {
		return fmt.Errorf("check: %w", err)
	}
	if opts.Ack != "" {
		return ackFinding(db, findings, opts, e, w)
	}
	findings.Acknowledge(acks)
	out := w
	if opts.Format == reconcile.FormatCSV {
		out = dataOut(w) // data, as toll claims --format csv
	}
	if err := findings.Write(out, opts.Format); err != nil {
		return err
	}
	if opts.FailOn != "" && findings.Fails(opts.FailOn) {
		by, _ := findings.Count()
		n := by[reconcile.Error]
		if opts.FailOn == reconcile.Warning {
			n += by[reconcile.Warning]
		}
		return exitError{code: 1, err: fmt.Errorf("check: %d unacknowledged finding(s) at or above %s", n, opts.FailOn)}
	}
	return nil
}

// ackFinding stores an acknowledgement for a finding that exists now; a
// mistyped id is an error, not a silent no-op.
func ackFinding(db interface{ Ack(tracker.Ack) error }, findings *reconcile.CheckedFindings, opts checkOptions, e env, w io.Writer) error {
	var match []reconcile.Finding
	for i := range findings.Len() {
		if id := findings.ID(i); id == opts.Ack || len(opts.Ack) >= 4 && strings.HasPrefix(id, opts.Ack) {
			match = append(match, findings.At(i))
		}
	}
	switch len(match) {
	case 0:
		return fmt.Errorf("check: no current finding has id %q (toll check lists them)", opts.Ack)
	case 1:
	default:
		return fmt.Errorf("check: %q matches %d findings; give more of the id", opts.Ack, len(match))
	}
	f := match[0]
	if err := db.Ack(tracker.Ack{Finding: f.ID, Note: opts.Note, At: e.now().UTC()}); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "acknowledged %s (%s, %s): %s\n", f.ID, f.Kind, f.Severity, opts.Note)
	return err
}

// unackFinding removes an acknowledgement, named by its finding id or a
// unique prefix of at least 4 characters. The finding need not exist now:
// an ack outlives the claims it was about.
func unackFinding(opts checkOptions, e env, w io.Writer) error {
	db, err := openChange(opts.DB, e)
	if err != nil {
		return err
	}
	defer db.Close()
	acks, err := db.Acks()
	if err != nil {
		return err
	}
	var match []string
	for id := range acks {
		if id == opts.Unack || len(opts.Unack) >= 4 && strings.HasPrefix(id, opts.Unack) {
			match = append(match, id)
		}
	}
	switch len(match) {
	case 0:
		return fmt.Errorf("check: no acknowledged finding has id %q (toll check lists the acknowledged ones)", opts.Unack)
	case 1:
	default:
		return fmt.Errorf("check: %q matches %d acknowledged findings; give more of the id", opts.Unack, len(match))
	}
	a, err := db.Unack(match[0])
	if err != nil {
		return fmt.Errorf("check: %w", err)
	}
	_, err = fmt.Fprintf(w, "unacknowledged %s (the note was: %s)\n", a.Finding, a.Note)
	return err
}
