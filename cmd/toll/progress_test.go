package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// termWriter is a standard error that says it is a terminal.
type termWriter struct{ *bytes.Buffer }

func (termWriter) IsTerminal() bool { return true }

// TestProgressBars: reextract --all and import draw a bar on standard
// error when it is a terminal, and nothing when it is not; standard output
// is the same either way.
func TestProgressBars(t *testing.T) {
	export := filepath.Join(t.TempDir(), "export.jsonl")
	out := mustToll(t, storeEnv(fixtureDB(t), ""), "export", "--format", "jsonl")
	if err := os.WriteFile(export, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args func() []string
		bar  string
	}{
		{"reextract --all", func() []string { return []string{"reextract", "--all", "--force", "--db", fixtureDB(t)} }, "re-reading"},
		{"import", func() []string { return []string{"import", "--db", filepath.Join(t.TempDir(), "new.db"), export} }, "importing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var outs [2]string
			for i, term := range []bool{false, true} {
				var stdout, stderr bytes.Buffer
				var ew interface{ Write([]byte) (int, error) } = &stderr
				if term {
					ew = termWriter{&stderr}
				}
				app := newAppEnv(storeEnv("", ""), &stdout, ew)
				if err := app.RunContext(context.Background(), append([]string{"toll"}, tt.args()...)); err != nil {
					t.Fatalf("terminal %v: %v\nstderr: %s", term, err, stderr.String())
				}
				outs[i] = stdout.String()
				// the bar is drawn at once (blank), then cleared
				switch got := stderr.String(); {
				case term && (!strings.Contains(got, tt.bar) || !strings.Contains(got, "\r")):
					t.Errorf("on a terminal, stderr shows no %q bar: %q", tt.bar, got)
				case !term && got != "":
					t.Errorf("not a terminal, yet stderr = %q", got)
				}
			}
			// the database path differs for import; compare without it
			a, b := firstLine(outs[0]), firstLine(outs[1])
			if tt.name == "import" {
				a, _, _ = strings.Cut(a, " into ")
				b, _, _ = strings.Cut(b, " into ")
			}
			if a != b || a == "" {
				t.Errorf("stdout differs with a bar:\n%q\n%q", a, b)
			}
		})
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
