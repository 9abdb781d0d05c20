package main

import (
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestOrderArgs checks how a command line is rewritten before urfave/cli
// reads it: flags after arguments move before them, global flags go to
// the command that has them, and "--", unknown commands and completion
// requests are respected.
func TestOrderArgs(t *testing.T) {
	tests := []struct {
		name string
		args string // split at spaces; "_" stands for an empty word
		want string
	}{
		{"nothing to do", "toll claims --who kids", "toll claims --who kids"},
		{"flag after an argument", "toll show 3f2a-1 --history", "toll show --history 3f2a-1"},
		{"flag with a value after arguments", "toll add a.txt b.txt --date 2023-10-09", "toll add --date 2023-10-09 a.txt b.txt"},
		{"value that looks like a flag", "toll review 3f2a-1 --note -5 --accept", "toll review --note -5 --accept 3f2a-1"},
		{"flag=value", "toll add a.txt --date=2023-10-09", "toll add --date=2023-10-09 a.txt"},
		{"global before the command", "toll --db x.db add a.txt", "toll add --db x.db a.txt"},
		{"global with = before the command", "toll --db=x.db claims", "toll claims --db=x.db"},
		{"global after, command has it", "toll claims --db x.db", "toll claims --db x.db"},
		{"global the command ignores, before", "toll --db x.db extract a.txt", "toll --db x.db extract a.txt"},
		{"global the command ignores, after", "toll extract a.txt --db x.db", "toll --db x.db extract a.txt"},
		{"strict global goes to the command", "toll --format json add a.txt", "toll add --format json a.txt"},
		{"strict global short", "toll -f json claims", "toll claims -f json"},
		{"both places, the command's last", "toll --db a.db claims --db b.db", "toll claims --db a.db --db b.db"},
		{"double dash keeps arguments", "toll add -- -odd.txt --date", "toll add -- -odd.txt --date"},
		{"double dash after flags", "toll add a.txt -- -odd.txt --date 2023-10-09", "toll add -- a.txt -odd.txt --date 2023-10-09"},
		{"standard input is an argument", "toll add - --date 2023-10-09", "toll add --date 2023-10-09 -"},
		{"unknown flag stays a flag", "toll show 3f2a-1 --histroy", "toll show --histroy 3f2a-1"},
		{"bool flag takes no value", "toll show --history 3f2a-1", "toll show --history 3f2a-1"},
		{"help after an argument", "toll show 3f2a-1 --help", "toll show --help 3f2a-1"},
		{"unknown command untouched", "toll timline --db x.db", "toll timline --db x.db"},
		{"help command untouched", "toll help add", "toll help add"},
		{"no command", "toll --db x.db", "toll --db x.db"},
		{"app flag then version", "toll --version", "toll --version"},
		{"completion untouched", "toll show 3f2a-1 --hi --generate-bash-completion", "toll show 3f2a-1 --hi --generate-bash-completion"},
		{"flag with a missing value at the end", "toll claims --who", "toll claims --who"},
	}
	a := newApp(strings.NewReader(""), io.Discard, io.Discard).App
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ordered, err := orderArgs(a, strings.Fields(tt.args))
			if err != nil {
				t.Fatalf("orderArgs(%s): %v", tt.args, err)
			}
			got := strings.Join(ordered, " ")
			if got != tt.want {
				t.Errorf("orderArgs(%s)\n got %s\nwant %s", tt.args, got, tt.want)
			}
		})
	}
}

// TestOrderArgsRandom checks, on random command lines of known and
// unknown words, that orderArgs keeps every word ("--" aside: it may add
// one before arguments that start with "-", or drop one with nothing
// after it) and is idempotent: a line it wrote is left as it is. A line
// with a flag the command does not have fails in urfave/cli whatever the
// order, so for those only the words are checked.
func TestOrderArgsRandom(t *testing.T) {
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	a := newApp(strings.NewReader(""), io.Discard, io.Discard).App
	words := []string{"--db", "x.db", "--format", "json", "-f", "csv", "--history", "--who", "kids", "--since=2023-10-01",
		"--taxonomy", "t.txt", "--bogus", "3f2a-1", "a.txt", "-", "--", "-odd", "--note", "-5", "--accept", "--set", "low=5"}
	cmds := []string{"show", "claims", "review", "add", "extract", "timeline", "check", "diff", "import", "timline"}
	for i := 0; i < 2000; i++ {
		line := []string{"toll"}
		for range rng.IntN(3) {
			line = append(line, words[rng.IntN(len(words))])
		}
		line = append(line, cmds[rng.IntN(len(cmds))])
		for range rng.IntN(7) {
			line = append(line, words[rng.IntN(len(words))])
		}
		got, err := orderArgs(a, line)
		if err != nil {
			continue // a flag missing its value, written last
		}
		cmd := a.Command(line[slices.IndexFunc(line[1:], func(w string) bool { return slices.Contains(cmds, w) })+1])
		unknown := cmd == nil || slices.ContainsFunc(line[1:], func(w string) bool {
			if !isFlagArg(w) || w == "--" {
				return false
			}
			n := flagArgName(w)
			return !hasFlag(cmd.Flags, n) && n != "db" && n != "taxonomy"
		})
		again, err := orderArgs(a, got)
		if !unknown && (err != nil || !slices.Equal(again, got)) {
			t.Fatalf("not idempotent:\n%q\n%q\n%q (%v)", line, got, again, err)
		}
		notDashes := func(s []string) []string {
			return slices.DeleteFunc(slices.Clone(s), func(w string) bool { return w == "--" })
		}
		in, out := notDashes(line), notDashes(got)
		slices.Sort(in)
		slices.Sort(out)
		if !slices.Equal(in, out) {
			t.Fatalf("%q became %q: not the same words", line, got)
		}
	}
}

// TestFlagsAnywhere runs command lines with flags after arguments and
// global flags before the command against a real database: each must do
// what the same line with the flags first does.
func TestFlagsAnywhere(t *testing.T) {
	db := fixtureDB(t)
	e := storeEnv("", "")
	claim := firstClaimID(t, db)
	tests := []struct {
		name      string
		got, want []string
	}{
		{"show --history after the id", []string{"show", claim, "--history", "--db", db}, []string{"show", "--db", db, "--history", claim}},
		{"--db before the command", []string{"--db", db, "claims", "--category", "killed"}, []string{"claims", "--db", db, "--category", "killed"}},
		{"--format before the command", []string{"--format", "json", "--db", db, "reports"}, []string{"reports", "--db", db, "--format", "json"}},
		{"-f after the command's other flags", []string{"timeline", "--db", db, "-f", "csv"}, []string{"timeline", "--format", "csv", "--db", db}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustToll(t, e, tt.got...)
			want := mustToll(t, e, tt.want...)
			if got != want {
				t.Errorf("toll %s printed\n%s\nwant what toll %s prints:\n%s", strings.Join(tt.got, " "), got, strings.Join(tt.want, " "), want)
			}
			if got == "" {
				t.Errorf("toll %s printed nothing", strings.Join(tt.got, " "))
			}
		})
	}
}

// firstClaimID is the id of some stored claim in db.
func firstClaimID(tb testing.TB, db string) string {
	tb.Helper()
	out := mustToll(tb, storeEnv("", ""), "claims", "--db", db, "--format", "csv")
	lines := strings.Split(out, "\n")
	if len(lines) < 2 {
		tb.Fatalf("no claims in %s", db)
	}
	id, _, _ := strings.Cut(lines[1], ",")
	return id
}

// TestSuggest checks the "did you mean" floor: near misses get the name,
// words far from every name get nothing.
func TestSuggest(t *testing.T) {
	cmds := commandNames(newApp(strings.NewReader(""), io.Discard, io.Discard).Commands)
	tests := []struct {
		typed string
		names []string
		want  string
	}{
		{"timline", cmds, "timeline"},
		{"clams", cmds, "claims"},
		{"chek", cmds, "check"},
		{"dance", cmds, ""},
		{"categroy", []string{"category", "who", "where"}, "category"},
		{"bogus", []string{"db", "by", "source", "note"}, ""},
		{"db", []string{"db"}, ""}, // a name is never its own suggestion
	}
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			if got := suggest(tt.typed, tt.names); got != tt.want {
				t.Errorf("suggest(%q) = %q, want %q", tt.typed, got, tt.want)
			}
		})
	}
	if !slices.Contains(cmds, "help") {
		t.Errorf("commandNames leaves out help: %v", cmds)
	}
}
