package main

import (
	"errors"
	"io"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
)

// appCommands lists the commands of a fresh app, so that a command added
// to app.go is checked below without anyone listing it here.
func appCommands(tb testing.TB) []string {
	tb.Helper()
	var names []string
	for _, c := range newApp(strings.NewReader(""), io.Discard, io.Discard).Commands {
		names = append(names, c.Name)
	}
	if len(names) == 0 {
		tb.Fatal("the app has no commands: the tests that walk them would check nothing")
	}
	return names
}

// TestCommandHelp checks that every command's help teaches: a one-line
// summary, a description in sentences, and at least one example of the
// command itself under "Examples:".
func TestCommandHelp(t *testing.T) {
	appCommands(t)
	for _, c := range newApp(strings.NewReader(""), io.Discard, io.Discard).Commands {
		t.Run(c.Name, func(t *testing.T) {
			if c.Usage == "" || strings.Contains(c.Usage, "\n") {
				t.Errorf("Usage = %q, want a one-line summary", c.Usage)
			}
			if strings.HasSuffix(c.Usage, ".") {
				t.Errorf("Usage = %q ends with a period; summaries in the command list have none", c.Usage)
			}
			got, _, err := runToll(t, storeEnv("", ""), c.Name, "--help")
			if err != nil {
				t.Fatalf("toll %s --help: %v", c.Name, err)
			}
			if want := "toll " + c.Name + " - " + c.Usage + "\n"; !strings.Contains(got, want) {
				t.Errorf("help has no summary line %q:\n%s", want, got)
			}
			desc, examples, ok := strings.Cut(c.Description, "Examples:")
			if !ok {
				t.Fatalf("description has no \"Examples:\":\n%s", c.Description)
			}
			// A description says what the command does in at least one
			// sentence of its own, not only examples.
			if words := strings.Fields(desc); len(words) < 12 || !strings.Contains(desc, ".") {
				t.Errorf("description before the examples is %d words; want at least a sentence:\n%s", len(words), desc)
			}
			if !strings.Contains(got, "DESCRIPTION:") || !strings.Contains(got, "Examples:") {
				t.Errorf("help shows no description or examples:\n%s", got)
			}
			example := regexp.MustCompile(`(?m)^\s+toll ` + regexp.QuoteMeta(c.Name) + `(\s|$)`)
			if !example.MatchString(examples) || !example.MatchString(got) {
				t.Errorf("no example line starting \"toll %s\" under Examples:\n%s", c.Name, got)
			}
			// Every flag has a usage line.
			for _, f := range c.VisibleFlags() {
				if u, ok := f.(interface{ GetUsage() string }); ok && u.GetUsage() == "" {
					t.Errorf("flag %v has no usage text", f.Names())
				}
			}
		})
	}
}

// TestAppHelp checks that toll --help lists every command with its
// summary, and that toll --version prints one.
func TestAppHelp(t *testing.T) {
	got, _, err := runToll(t, storeEnv("", ""), "--help")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range newApp(strings.NewReader(""), io.Discard, io.Discard).Commands {
		line := regexp.MustCompile(`(?m)^\s+` + regexp.QuoteMeta(c.Name) + `\s+` + regexp.QuoteMeta(c.Usage) + `$`)
		if !line.MatchString(got) {
			t.Errorf("toll --help does not list %s with its summary %q", c.Name, c.Usage)
		}
	}
	got, _, err = runToll(t, storeEnv("", ""), "--version")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^toll version \S+( \(commit [0-9a-f]+ of \S+(, with uncommitted changes)?\))? \(extractor \S+\)\n$`).MatchString(got) {
		t.Errorf("toll --version = %q, want \"toll version X (extractor N)\"", got)
	}
}

// TestUsageErrors checks the usage-error wiring for every command: an
// unknown flag is a usageError (exit status 2) whose message names the
// command and the flag, with nothing printed (main prints the one line),
// where urfave/cli alone would print the whole help and exit 1.
func TestUsageErrors(t *testing.T) {
	for _, name := range appCommands(t) {
		t.Run(name, func(t *testing.T) {
			out, errOut, err := runToll(t, storeEnv("", ""), name, "--no-such-flag")
			var ue usageError
			if !errors.As(err, &ue) || exitCode(err) != 2 {
				t.Fatalf("err = %v (exit status %d), want a usage error (status 2)", err, exitCode(err))
			}
			if want := name + ": unknown flag --no-such-flag (toll " + name + " --help lists its flags)"; err.Error() != want {
				t.Errorf("err = %q, want %q", err, want)
			}
			if out != "" || errOut != "" {
				t.Errorf("printed stdout %q, stderr %q; want nothing (main prints the error once)", out, errOut)
			}
		})
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown global flag", []string{"--no-such-flag"}, "unknown flag --no-such-flag (toll --help lists the commands and flags)"},
		{"short flag", []string{"claims", "-q"}, "claims: unknown flag -q (toll claims --help lists its flags)"},
		{"missing value", []string{"claims", "--format"}, "claims: --format needs a value (toll claims --help lists its flags)"},
		{"bad number", []string{"timeline", "--window", "two"}, `timeline: --window: invalid value "two": parse error (toll timeline --help lists its flags)`},
		{"unknown command", []string{"dance"}, `unknown command "dance" (toll --help lists the commands)`},
		{"misspelt command", []string{"timlines"}, `unknown command "timlines" (did you mean "timeline"? toll --help lists the commands)`},
		{"misspelt flag", []string{"claims", "--categroy", "killed"}, `claims: unknown flag --categroy (did you mean --category? toll claims --help lists its flags)`},
		{"misspelt global flag", []string{"--taxnomy", "t.txt", "claims"}, `unknown flag --taxnomy (did you mean --taxonomy? toll --help lists the commands and flags)`},
		{"flag without its value after an argument", []string{"show", "3f2a-1", "--format"}, "show: --format needs a value (toll show --help lists its flags)"},
		{"help on a misspelt command", []string{"help", "timline"}, `help: unknown command "timline" (did you mean "timeline"? toll --help lists the commands)`},
		{"strict global flag on a command without it", []string{"--format", "json", "add", "x.txt"}, `add: unknown flag --format (toll add --help lists its flags)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, err := runToll(t, storeEnv("", ""), tt.args...)
			if exitCode(err) != 2 || err == nil || err.Error() != tt.want {
				t.Errorf("err = %v (status %d), want %q (status 2)", err, exitCode(err), tt.want)
			}
			if out != "" || errOut != "" {
				t.Errorf("printed stdout %q, stderr %q; want nothing", out, errOut)
			}
		})
	}
}

// TestVersionText checks --version for each kind of build: a release
// stamped with -ldflags, go install of a module version, and a build from
// a git checkout (commit, time, uncommitted changes).
func TestVersionText(t *testing.T) {
	vcs := func(kv ...string) *debug.BuildInfo {
		bi := &debug.BuildInfo{Main: debug.Module{Path: "github.com/tollproject/toll", Version: "(devel)"}}
		for i := 0; i+1 < len(kv); i += 2 {
			bi.Settings = append(bi.Settings, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return bi
	}
	tests := []struct {
		name    string
		version string
		bi      *debug.BuildInfo
		want    string
	}{
		{"release", "1.4.0", vcs("vcs.revision", "0df4e88a1b2c3d4e5f60718293a4b5c6d7e8f901"), "1.4.0 (extractor 7)"},
		{"go install @version", "dev", &debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}}, "v1.4.0 (extractor 7)"},
		{"checkout", "dev", vcs("vcs", "git", "vcs.revision", "0df4e88a1b2c3d4e5f60718293a4b5c6d7e8f901", "vcs.time", "2026-12-02T06:09:50Z", "vcs.modified", "false"),
			"dev (commit 0df4e88a1b2c of 2026-12-02T06:09:50Z) (extractor 7)"},
		{"checkout with changes", "dev", vcs("vcs.revision", "0df4e88a1b2c3d4e5f60718293a4b5c6d7e8f901", "vcs.time", "2026-12-02T06:09:50Z", "vcs.modified", "true"),
			"dev (commit 0df4e88a1b2c of 2026-12-02T06:09:50Z, with uncommitted changes) (extractor 7)"},
		{"checkout between tags (Go 1.24's pseudo-version)", "dev", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261202065350-950915e73989+dirty"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "950915e73989a03c4529a80b4c06aa0d8a3ea61b"}, {Key: "vcs.time", Value: "2026-12-02T06:53:50Z"}, {Key: "vcs.modified", Value: "true"}}},
			"dev (commit 950915e73989 of 2026-12-02T06:53:50Z, with uncommitted changes) (extractor 7)"},
		{"no vcs (go test, -buildvcs=false)", "dev", vcs(), "dev (extractor 7)"},
		{"no build info", "dev", nil, "dev (extractor 7)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := versionText(tt.version, tt.bi, "7"); got != tt.want {
				t.Errorf("versionText = %q, want %q", got, tt.want)
			}
		})
	}
}
