package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"
	"github.com/xrash/smetrics"
)

// app is toll's urfave/cli app with one step before parsing: orderArgs
// puts each command's flags before its arguments. urfave/cli v2, like Go's
// flag package, stops reading flags at the first argument, so without it
// `toll show CLAIM --history` would take --history for a second id, and
// `toll --db X add` would not hand --db to add.
type app struct{ *cli.App }

// RunContext runs the command line args (args[0] is the program name).
func (a app) RunContext(ctx context.Context, args []string) error {
	if len(args) > 2 && args[1] == "help" && a.Command(args[2]) == nil && args[2] != "help" {
		// urfave says "No help topic" with status 1; this is a usage error
		return usageError{msg: fmt.Sprintf("help: unknown command %q (%stoll --help lists the commands)", args[2],
			didYouMean(suggest(args[2], commandNames(a.Commands)), "%q"))}
	}
	ordered, err := orderArgs(a.App, args)
	if err != nil {
		return err
	}
	return a.App.RunContext(ctx, ordered)
}

// Run is RunContext with a background context.
func (a app) Run(args []string) error { return a.RunContext(context.Background(), args) }

// globalFlag is a flag toll takes before the command name as well as
// after it: written before, it goes to the command that has it. strict
// ones are refused by a command without them (--format json on a command
// that prints no format is a mistake); the others are ignored there, so
// that an alias such as toll='toll --db ~/case.db' works with every
// command.
type globalFlag struct {
	flag   cli.Flag
	strict bool
}

// globalFlags are toll's global flags. Commands have their own copies
// (dbFlag, taxonomyFlag, formatFlag); these are the app's, listed by
// toll --help.
func globalFlags() []globalFlag {
	return []globalFlag{
		{flag: dbFlag()},
		{flag: taxonomyFlag()},
		{flag: &cli.StringFlag{Name: "format", Aliases: []string{"f"},
			Usage: "output format, for the commands that have one (each command's --help lists its formats)"}, strict: true},
	}
}

// completeFlag is the last argument of a shell completion request.
const completeFlag = "--generate-bash-completion"

// orderArgs rewrites a command line so that urfave/cli reads every flag:
// the global flags before the command name that the command has move
// after it, global flags after the command name that it does not have
// (and ignores) move before it, and the command's flags written after its
// arguments move before them. "--" still ends the flags: what follows is
// arguments, even when it starts with "-". A flag the command does not
// know stays where urfave/cli reports it. An unknown command, help, and
// completion requests are left as they are. A flag that needs a value
// written last, with none, is a usage error: moved before the arguments
// it would take one of them for its value.
func orderArgs(a *cli.App, args []string) ([]string, error) {
	if len(args) < 2 || args[len(args)-1] == completeFlag {
		return args, nil
	}
	globals := map[string]globalFlag{}
	for _, g := range globalFlags() {
		for _, n := range g.flag.Names() {
			globals[n] = g
		}
	}
	rest := args[1:]
	// the app's flags, up to the command name
	var appTokens [][]string
	i := 0
	for i < len(rest) && isFlagArg(rest[i]) {
		n := flagSpan(a.Flags, rest[i:])
		appTokens = append(appTokens, rest[i:i+n])
		i += n
	}
	if i >= len(rest) {
		return args, nil
	}
	cmd := a.Command(rest[i])
	if cmd == nil {
		return args, nil
	}
	tail := rest[i+1:]
	var appFlags, moved, flags, positional []string
	for _, t := range appTokens {
		name := flagArgName(t[0])
		if g, ok := globals[name]; ok && (hasFlag(cmd.Flags, name) || g.strict) {
			moved = append(moved, t...)
			continue
		}
		appFlags = append(appFlags, t...)
	}
	for j := 0; j < len(tail); {
		arg := tail[j]
		switch {
		case arg == "--":
			positional = append(positional, tail[j+1:]...)
			j = len(tail)
		case isFlagArg(arg):
			name := flagArgName(arg)
			if g, ok := globals[name]; ok && !g.strict && !hasFlag(cmd.Flags, name) {
				n := flagSpan(a.Flags, tail[j:])
				appFlags = append(appFlags, tail[j:j+n]...)
				j += n
				continue
			}
			if j == len(tail)-1 && len(positional) > 0 && needsValue(cmd.Flags, arg) {
				return nil, usageError{msg: fmt.Sprintf("%s: %s needs a value (toll %s --help lists its flags)", cmd.Name, dashed(name), cmd.Name)}
			}
			n := flagSpan(cmd.Flags, tail[j:])
			flags = append(flags, tail[j:j+n]...)
			j += n
		default:
			positional = append(positional, arg)
			j++
		}
	}
	out := append([]string{args[0]}, appFlags...)
	out = append(out, cmd.Name)
	out = append(out, moved...)
	out = append(out, flags...)
	if slices.ContainsFunc(positional, isFlagArg) {
		out = append(out, "--")
	}
	return append(out, positional...), nil
}

// needsValue reports whether arg is a known flag that takes a value and
// does not carry it (--format, not --format=json or --history).
func needsValue(flags []cli.Flag, arg string) bool {
	if strings.Contains(arg, "=") {
		return false
	}
	name := flagArgName(arg)
	for _, f := range flags {
		if slices.Contains(f.Names(), name) {
			tv, ok := f.(interface{ TakesValue() bool })
			return !ok || tv.TakesValue()
		}
	}
	return false
}

// isFlagArg reports whether a command-line word is a flag; "-" alone is
// standard input.
func isFlagArg(s string) bool { return len(s) > 1 && s[0] == '-' }

// flagArgName is the name in -x, --name or --name=value.
func flagArgName(s string) string {
	name, _, _ := strings.Cut(strings.TrimLeft(s, "-"), "=")
	return name
}

// flagSpan is how many words the flag at args[0] takes: two for a known
// flag with a value written as a separate word, else one.
func flagSpan(flags []cli.Flag, args []string) int {
	if strings.Contains(args[0], "=") || len(args) < 2 {
		return 1
	}
	name := flagArgName(args[0])
	for _, f := range flags {
		if slices.Contains(f.Names(), name) {
			if tv, ok := f.(interface{ TakesValue() bool }); ok && !tv.TakesValue() {
				return 1
			}
			return 2
		}
	}
	return 1
}

// hasFlag reports whether flags has one called name.
func hasFlag(flags []cli.Flag, name string) bool {
	return slices.ContainsFunc(flags, func(f cli.Flag) bool { return slices.Contains(f.Names(), name) })
}

// suggestMin is the Jaro-Winkler similarity from which a mistyped name
// gets a "did you mean". urfave/cli's own Suggest always offers the
// nearest name, however far ("--bogus": did you mean --by?), and prints
// it on standard output as a second line; toll uses the same measure with
// this floor, in its one-line usage error. 0.85 takes "timline" (0.90),
// "categroy" (0.97) and "frmat" (0.95), and leaves "bogus" (under 0.6
// against every flag) without a guess.
const suggestMin = 0.85

// suggest returns the name in names most like typed, or "" when none is
// close enough.
func suggest(typed string, names []string) string {
	best, bestScore := "", suggestMin
	for _, n := range names {
		if n == typed {
			continue
		}
		if s := smetrics.JaroWinkler(typed, n, 0.7, 4); s >= bestScore {
			best, bestScore = n, s
		}
	}
	return best
}

// flagNames are the names of flags, with help's.
func flagNames(flags []cli.Flag) []string {
	names := []string{"help", "h"}
	for _, f := range flags {
		names = append(names, f.Names()...)
	}
	return names
}

// commandNames are the names of commands, with help.
func commandNames(cmds []*cli.Command) []string {
	names := []string{"help"}
	for _, c := range cmds {
		names = append(names, c.Names()...)
	}
	return names
}
