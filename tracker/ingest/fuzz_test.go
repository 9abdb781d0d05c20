package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tollproject/toll/tracker"
)

// hangAfter is how long one Parse may take under the fuzzer. The
// largest seed takes milliseconds; inputs are small.
const hangAfter = 10 * time.Second

// FuzzParse feeds arbitrary bytes to every kind: no panic, and either an
// error and no documents, or documents whose text passes
// tracker.CheckText and holds the title, with a dateline that resolves. The seed corpus is every fixture under
// testdata/ingest.
func FuzzParse(f *testing.F) {
	n := 0
	err := filepath.WalkDir(td, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".golden") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		f.Add(data, uint8(Detect(p, data)))
		n++
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	if n == 0 {
		f.Fatal("no seeds under testdata/ingest")
	}
	f.Fuzz(func(t *testing.T, data []byte, kind uint8) {
		k := Kind(kind % 5)
		// A hang must become a crasher the fuzzer saves, not a stalled
		// run: a panic off the test goroutine kills the worker, and
		// the engine keeps the input.
		timer := time.AfterFunc(hangAfter, func() {
			panic(fmt.Sprintf("Parse(%v) of %d bytes still running after %v", k, len(data), hangAfter))
		})
		defer timer.Stop()
		docs, err := Parse("fuzz", data, k)
		if err != nil {
			if docs != nil {
				t.Fatalf("Parse(%v) returned %d docs with error %v", k, len(docs), err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error is more than one line: %q", err)
			}
			return
		}
		if len(docs) == 0 {
			t.Fatalf("Parse(%v) returned no docs and no error", k)
		}
		for i, d := range docs {
			if err := tracker.CheckText(d.Text); err != nil {
				t.Fatalf("doc %d: text fails CheckText: %v", i, err)
			}
			// The headline is part of the text.
			if d.Title != "" && !strings.Contains(d.Text, d.Title) {
				t.Fatalf("doc %d: title %q is not in the text %q", i, d.Title, d.Text)
			}
			if dl := d.Dateline; !dl.IsZero() {
				if dl.Month < time.January || dl.Month > time.December || dl.Day < 1 || dl.Day > 31 {
					t.Fatalf("doc %d: dateline %+v", i, dl)
				}
				if r := dl.Resolve(tracker.MustDate("2024-03-01")); r.IsZero() || r.After(tracker.MustDate("2024-03-02")) {
					t.Fatalf("doc %d: dateline %v resolves to %v against 2024-03-01", i, dl, r)
				}
			}
		}
	})
}
