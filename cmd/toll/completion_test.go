package main

import (
	"errors"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestCompletionScripts checks each shell's script: it is for toll, and
// the bash and zsh ones ask toll for the candidates, while the fish one
// names every command and its flags.
func TestCompletionScripts(t *testing.T) {
	commands := appCommands(t)
	tests := []struct {
		shell string
		want  []string // lines or fragments the script must hold
	}{
		{"bash", []string{"--generate-bash-completion", "complete -o bashdefault -o default -F _toll_complete toll\n"}},
		{"zsh", []string{"#compdef toll\n", "--generate-bash-completion", "compdef _toll toll\n"}},
		{"fish", []string{"# toll fish shell completion\n", "complete -c toll -n '__fish_seen_subcommand_from claims' -f -l category -r "}},
	}
	for _, tt := range tests {
		t.Run(tt.shell, func(t *testing.T) {
			got := mustToll(t, storeEnv("", ""), "completion", tt.shell)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("the %s script has no %q:\n%s", tt.shell, w, got)
				}
			}
			if tt.shell != "fish" {
				if strings.Contains(got, "eval") {
					t.Errorf("the %s script uses eval: what is typed on the line must not be run as code", tt.shell)
				}
				return
			}
			for _, name := range commands {
				if !strings.Contains(got, "-a '"+name+"'") {
					t.Errorf("the fish script does not complete the command %s", name)
				}
			}
			// File flags complete file names (no -f before -l db).
			if !regexp.MustCompile(`(?m)^complete -c toll -n '__fish_seen_subcommand_from claims' -l db -r `).MatchString(got) {
				t.Errorf("the fish script does not complete file names after claims --db")
			}
		})
	}
}

// TestCompletionErrors: no shell, or one toll has no script for, is a
// usage error.
func TestCompletionErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no shell", []string{"completion"}, "completion: name one shell: bash, zsh or fish"},
		{"two shells", []string{"completion", "bash", "zsh"}, "completion: name one shell: bash, zsh or fish"},
		{"unknown shell", []string{"completion", "tcsh"}, `completion: unknown shell "tcsh" (want bash, zsh or fish)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := runToll(t, storeEnv("", ""), tt.args...)
			var ue usageError
			if !errors.As(err, &ue) || err.Error() != tt.want {
				t.Errorf("err = %v, want usage error %q", err, tt.want)
			}
			if out != "" {
				t.Errorf("printed %q before failing", out)
			}
		})
	}
}

// TestGenerateBashCompletion checks what the bash and zsh scripts rely on:
// toll --generate-bash-completion lists every command, a command lists
// its flags after "-", and toll completion lists the shells. urfave/cli
// reads os.Args to complete, so this runs toll as a process: the toll
// that TestMain puts first on PATH, which is this test binary.
func TestGenerateBashCompletion(t *testing.T) {
	run := func(args ...string) []string {
		t.Helper()
		out, err := exec.Command("toll", args...).Output()
		if err != nil {
			t.Fatalf("toll %s: %v", strings.Join(args, " "), err)
		}
		return strings.Fields(string(out))
	}
	got := run("--generate-bash-completion")
	for _, name := range appCommands(t) {
		if !slices.Contains(got, name) {
			t.Errorf("toll --generate-bash-completion does not list %s: %v", name, got)
		}
	}
	if got, want := run("completion", "--generate-bash-completion"), []string{"bash", "zsh", "fish"}; !slices.Equal(got, want) {
		t.Errorf("toll completion --generate-bash-completion = %v, want %v", got, want)
	}
	if got := run("claims", "--ca", "--generate-bash-completion"); !slices.Equal(got, []string{"--category"}) {
		t.Errorf("toll claims --ca --generate-bash-completion = %v, want [--category]", got)
	}
	// Commands take reports, ids or files, not subcommands: nothing to
	// offer, so the scripts fall back to file names.
	if got := run("show", "--generate-bash-completion"); len(got) != 0 {
		t.Errorf("toll show --generate-bash-completion = %v, want nothing", got)
	}
}
