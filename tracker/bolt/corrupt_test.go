package bolt

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollproject/toll/tracker"
)

// TestDamagedPages damages a database past its meta pages in several ways
// and reads everything: each read must end in an error or in data, never
// in a panic (bbolt panics on some damaged pages; the store recovers).
func TestDamagedPages(t *testing.T) {
	src := filepath.Join(t.TempDir(), "good.db")
	db, err := testOpen(src, Options{Now: fixedClock()})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 7))
	for i := range 30 {
		mustAdd(t, db, genReport(rng, i, 2000))
	}
	db.Close()
	good, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	tests := []struct {
		name   string
		damage func([]byte) []byte
	}{
		{"zeroed data pages", func(b []byte) []byte {
			for i := 2 * page; i < len(b); i++ {
				b[i] = 0
			}
			return b
		}},
		{"flipped bytes", func(b []byte) []byte {
			for i := 2 * page; i < len(b); i += 97 {
				b[i] ^= 0xff
			}
			return b
		}},
		{"truncated", func(b []byte) []byte { return b[:3*page] }},
	}
	for _, tt := range tests {
		for _, ro := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s/read-only=%v", tt.name, ro), func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "toll.db")
				damaged := tt.damage(append([]byte(nil), good...))
				if err := os.WriteFile(path, damaged, 0o600); err != nil {
					t.Fatal(err)
				}
				bad := func(what string, err error) {
					t.Helper()
					if err == nil {
						return
					}
					if !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrNotDatabase) || !strings.Contains(err.Error(), path) {
						t.Errorf("%s: err = %v, want ErrCorrupt or ErrNotDatabase naming %s", what, err, path)
					}
				}
				db, err := testOpen(path, Options{ReadOnly: ro})
				bad("Open", err)
				if err == nil {
					bad("EachClaim", db.EachClaim(ClaimFilter{}, func(tracker.StoredClaim) error { return nil }))
					bad("EachReport", db.EachReport(func(ReportSummary) error { return nil }))
					bad("Export", db.Export(io.Discard, FormatJSONL))
					db.Close()
				}
				if after, _ := os.ReadFile(path); !bytes.Equal(after, damaged) && err != nil {
					t.Errorf("a failed Open changed the file")
				}
			})
		}
	}
}
