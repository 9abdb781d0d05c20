package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestPNGOnTerminal: a PNG is refused on a standard output that is a
// terminal, with one line that says what to do and before the database
// is opened; to a file, a pipe, or as text formats it goes on.
func TestPNGOnTerminal(t *testing.T) {
	db := fixtureDB(t)
	out := filepath.Join(t.TempDir(), "chart.png")
	tests := []struct {
		name     string
		terminal bool
		args     []string
		err      string // "" when it succeeds
		prefix   string // of standard output, or of the file written
	}{
		{"png on a terminal", true, []string{"timeline", "--format", "png"}, "timeline: a PNG chart is binary and standard output is a terminal: write it to a file with --output FILE.png, or redirect standard output", ""},
		{"png to - on a terminal", true, []string{"timeline", "--format", "png", "--output", "-"}, "standard output is a terminal", ""},
		{"png on a terminal, no database", true, []string{"timeline", "--format", "png", "--db", filepath.Join(t.TempDir(), "missing.db")}, "standard output is a terminal", ""},
		{"png to a file from a terminal", true, []string{"timeline", "--format", "png", "--category", "hostage", "--output", out}, "", "\x89PNG"},
		{"svg on a terminal", true, []string{"timeline", "--format", "svg", "--category", "hostage"}, "", "<?xml"},
		{"png to a pipe", false, []string{"timeline", "--format", "png", "--category", "hostage"}, "", "\x89PNG"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.Remove(out)
			var stdout, stderr bytes.Buffer
			var w interface{ Write([]byte) (int, error) } = &stdout
			if tt.terminal {
				w = termWriter{&stdout}
			}
			app := newAppEnv(storeEnv(db, ""), w, &stderr)
			err := app.RunContext(context.Background(), append([]string{"toll"}, tt.args...))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || strings.Contains(err.Error(), "\n") {
					t.Fatalf("err = %v, want one line saying %q", err, tt.err)
				}
				if exitCode(err) == 0 || stdout.Len() != 0 {
					t.Errorf("exit %d, %d bytes written: want a failure and nothing on the terminal", exitCode(err), stdout.Len())
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v\nstderr: %s", err, stderr.String())
			}
			got := stdout.Bytes()
			if slices.Contains(tt.args, out) {
				got, _ = os.ReadFile(out)
			}
			if !bytes.HasPrefix(got, []byte(tt.prefix)) {
				t.Errorf("output starts %.20q, want %q", got, tt.prefix)
			}
		})
	}
}
