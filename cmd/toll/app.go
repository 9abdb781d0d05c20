package main

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/urfave/cli/v2"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// errFailed marks a command that already printed what went wrong (a batch
// with some bad files, a check with findings): main prints nothing more and
// exits 1.
var errFailed = errors.New("failed")

// exitError carries a specific exit status out of a command.
type exitError struct {
	code int
	err  error
}

func (e exitError) Error() string { return e.err.Error() }
func (e exitError) Unwrap() error { return e.err }

// printError prints an error returned by the app once, as "toll: …",
// unless the command already reported it (errFailed).
func printError(w io.Writer, err error) {
	if errors.Is(err, errFailed) {
		return
	}
	fmt.Fprintln(w, "toll:", err)
}

// exitCode picks the process status for an error returned by the app:
// 2 for a command line toll could not parse, the carried code for an
// exitError, else 1.
func exitCode(err error) int {
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	var ue usageError
	if errors.As(err, &ue) {
		return 2
	}
	return 1
}

// usageError is a command line that does not make sense.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// env is what commands need from the world besides flags: the standard
// input, the clock and the environment. Tests replace it.
type env struct {
	stdin  io.Reader
	now    func() time.Time
	getenv func(string) string
}

// newApp builds a fresh toll command-line app writing to stdout and
// stderr. It never calls os.Exit: errors come back from Run.
func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	return newAppEnv(env{stdin: stdin, now: time.Now, getenv: osGetenv}, stdout, stderr)
}

func newAppEnv(e env, stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:    "toll",
		Usage:   "track casualty figures across news reports",
		Version: version,
		Description: "toll reads news reports, extracts every casualty figure with its qualifier,\n" +
			"group, place, source and date, stores them, and shows how each figure moved\n" +
			"between reports and sources, flagging figures that cannot all be true.",
		Reader:               e.stdin,
		Writer:               stdout,
		ErrWriter:            stderr,
		EnableBashCompletion: true,
		HideHelpCommand:      false,
		// urfave would otherwise call os.Exit from inside Run.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError: func(c *cli.Context, err error, isSub bool) error {
			return usageError{msg: err.Error()}
		},
		Commands: []*cli.Command{
			extractCommand(e),
			evalCommand(e),
			addCommand(e),
			reportsCommand(e),
			claimsCommand(e),
			showCommand(e),
			reviewCommand(e),
			reextractCommand(e),
			exportCommand(e),
			importCommand(e),
			rmCommand(e),
			timelineCommand(e),
			diffCommand(e),
			checkCommand(e),
			demoCommand(e),
		},
	}
	return app
}
