package main

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"runtime/debug"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/tollproject/toll/internal/hygiene"
	"github.com/tollproject/toll/tracker/extract"
)

// version is set at build time with -ldflags "-X main.version=...";
// appVersion falls back on what the Go toolchain recorded.
var version = "dev"

// appVersion is the version `toll --version` prints: the build's version,
// else the module version `go install …@version` recorded, else "dev"
// with the commit, its time and whether the tree had changes (what go
// build records from git), with the extractor's rule version, which
// decides what a report yields.
func appVersion() string {
	bi, _ := debug.ReadBuildInfo()
	return versionText(version, bi, extract.Version())
}

// pseudoVersion matches the version Go gives a build from a checkout
// between tags (v0.0.0-20261202065350-950915e73989, +dirty with changes):
// the commit settings say the same more plainly.
var pseudoVersion = regexp.MustCompile(`\d{14}-[0-9a-f]{12}(\+dirty)?$`)

// versionText is appVersion from its parts; bi may be nil.
func versionText(v string, bi *debug.BuildInfo, extractor string) string {
	if v == "dev" && bi != nil {
		if m := bi.Main.Version; m != "" && m != "(devel)" && !pseudoVersion.MatchString(m) {
			v = m
		} else {
			var rev, at, modified string
			for _, s := range bi.Settings {
				switch s.Key {
				case "vcs.revision":
					rev = s.Value
				case "vcs.time":
					at = s.Value
				case "vcs.modified":
					modified = s.Value
				}
			}
			if rev != "" {
				v += " (commit " + rev[:min(12, len(rev))]
				if at != "" {
					v += " of " + at
				}
				if modified == "true" {
					v += ", with uncommitted changes"
				}
				v += ")"
			}
		}
	}
	return v + " (extractor " + extractor + ")"
}

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
	fmt.Fprintln(w, "toll:", hygiene.Printable(err.Error()))
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
// input, the clock, the environment and the extractor (nil means the
// built-in one). Tests replace it.
type env struct {
	stdin     io.Reader
	now       func() time.Time
	getenv    func(string) string
	extractor *extract.Extractor
	// httpClient fetches the addresses given to add and watch; nil is
	// package fetch's own client, with its connect timeout.
	httpClient *http.Client
	// ticker paces toll watch; nil is time.NewTicker. Tests send ticks.
	ticker ticker
	// damage names the damaged records the store skips; newAppEnv sets
	// it, one a run.
	damage *damageLog
	// lockTimeout bounds the wait for a database another process holds;
	// zero is bolt.DefaultTimeout. Tests that hold the lock make it short.
	lockTimeout time.Duration
	// batch is how many reports toll add commits in one transaction;
	// zero is addBatch. TestAddCrash makes it small, to kill an add after
	// a few batches of a few reports.
	batch int
}

// extract returns the extractor the commands read reports with.
func (e env) extract() *extract.Extractor {
	if e.extractor != nil {
		return e.extractor
	}
	return extract.Default()
}

// extractorVersion is e.extract().Version() without building the built-in
// extractor, which a command that reads no report does not need.
func (e env) extractorVersion() string {
	if e.extractor != nil {
		return e.extractor.Version()
	}
	return extract.Version()
}

// newApp builds a fresh toll command-line app writing to stdout and
// stderr. It never calls os.Exit: errors come back from Run.
func newApp(stdin io.Reader, stdout, stderr io.Writer) app {
	return newAppEnv(osEnv(stdin), stdout, stderr)
}

// osEnv is the environment of a real run: the process's clock and
// environment variables, stdin as given.
func osEnv(stdin io.Reader) env {
	return env{stdin: stdin, now: time.Now, getenv: osGetenv}
}

func newAppEnv(e env, stdout, stderr io.Writer) app {
	// Everything a command prints goes through one hygiene.Writer, so that
	// a title, source or text from a report cannot move the cursor, clear
	// the screen or retitle the window. Data (CSV, charts, exports to a
	// file or pipe) goes to the writer underneath: see dataOut.
	out, errOut := hygiene.NewWriter(stdout), hygiene.NewWriter(stderr)
	e.damage = newDamageLog(errOut)
	var globals []cli.Flag
	for _, g := range globalFlags() {
		globals = append(globals, g.flag)
	}
	a := &cli.App{
		Name:    "toll",
		Usage:   "track casualty figures across news reports",
		Version: appVersion(),
		Description: "toll reads news reports, extracts every casualty figure with its qualifier,\n" +
			"group, place, source and date, stores them, and shows how each figure moved\n" +
			"between reports and sources, flagging figures that cannot all be true.",
		Reader:    e.stdin,
		Writer:    out,
		ErrWriter: errOut,
		After: func(*cli.Context) error {
			return errors.Join(e.damage.err(), out.Flush(), errOut.Flush())
		},
		EnableBashCompletion: true,
		HideHelpCommand:      false,
		Flags:                globals,
		// urfave would otherwise call os.Exit from inside Run.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError:   flagUsageError,
		// The app runs this only when no command matched: a misspelt
		// command is a usage error (status 2), not a help topic (status 1).
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				name := c.Args().First()
				return usageError{msg: fmt.Sprintf("unknown command %q (%stoll --help lists the commands)", name,
					didYouMean(suggest(name, commandNames(c.App.Commands)), "%q"))}
			}
			return cli.ShowAppHelp(c)
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
			seriesCommand(e),
			taxonomyCommand(e),
			watchCommand(e),
			doctorCommand(e),
			demoCommand(e),
			completionCommand(),
		},
	}
	// urfave/cli v2 does not hand the app's OnUsageError down to its
	// commands: without this a bad flag after a command name prints the
	// whole help and exits 1. Commands have no subcommands, so their
	// "help" subcommand only shows up as a bogus completion (toll show
	// <TAB> offering "help"); toll help CMD and --help remain.
	for _, cmd := range a.Commands {
		cmd.OnUsageError = flagUsageError
		cmd.HideHelpCommand = true
	}
	return app{a}
}

// flagUsageError turns a flag the command line could not parse into one
// line naming the command and the flag as typed (--db, not the flag
// package's -db), with where to look.
func flagUsageError(c *cli.Context, err error, isSub bool) error {
	msg := err.Error()
	flags := c.App.Flags
	if isSub && c.Command != nil {
		flags = c.Command.Flags
	}
	hint := ""
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		msg = "unknown flag " + dashed(name)
		if s := suggest(name, flagNames(flags)); s != "" {
			hint = didYouMean(dashed(s), "%s")
		}
	} else if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		msg = dashed(name) + " needs a value"
	} else if v, rest, ok := strings.Cut(msg, " for flag -"); ok && strings.HasPrefix(v, "invalid value ") {
		// invalid value "abc" for flag -window: parse error
		name, why, _ := strings.Cut(rest, ": ")
		msg = fmt.Sprintf("%s: %s: %s", dashed(name), v, why)
	}
	if isSub && c.Command != nil {
		return usageError{msg: fmt.Sprintf("%s: %s (%stoll %s --help lists its flags)", c.Command.Name, msg, hint, c.Command.Name)}
	}
	return usageError{msg: msg + " (" + hint + "toll --help lists the commands and flags)"}
}

// didYouMean is the start of a usage error's hint for a suggested name,
// quoted with verb, or nothing without one.
func didYouMean(name, verb string) string {
	if name == "" {
		return ""
	}
	return "did you mean " + fmt.Sprintf(verb, name) + "? "
}

// dataOut is where a command writes data rather than text to read: CSV,
// a chart, an export. That is the output as it is, unless it is a
// terminal, where text is shown escaped (hygiene.Writer keeps JSON
// valid and equal to what it was).
func dataOut(w io.Writer) io.Writer {
	hw, ok := w.(*hygiene.Writer)
	if !ok || isTerminal(hw.Raw()) {
		return w
	}
	hw.Flush()
	return hw.Raw()
}

// rawOut is the output under any hygiene.Writer: for a progress bar,
// which draws with carriage returns, and binary charts.
func rawOut(w io.Writer) io.Writer {
	if hw, ok := w.(*hygiene.Writer); ok {
		hw.Flush()
		return hw.Raw()
	}
	return w
}

// dashed writes a flag name the way toll's help does: -f, --format.
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}
