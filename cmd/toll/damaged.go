package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/tollproject/toll/tracker/bolt"
)

// damageLog is how a command goes on past damaged records: the store
// skips each (bolt.Options.Damaged) and the log names it once on standard
// error; at the end of the run err makes the exit status 1, so that a
// script never takes a listing or an export with holes for a whole one.
type damageLog struct {
	mu   sync.Mutex
	w    io.Writer
	seen map[string]bool
}

func newDamageLog(w io.Writer) *damageLog { return &damageLog{w: w, seen: map[string]bool{}} }

// note names one damaged record, the first time it is met.
func (l *damageLog) note(d bolt.Damaged) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.seen[d.Record] {
		return
	}
	l.seen[d.Record] = true
	fmt.Fprintf(l.w, "toll: skipped %s: damaged: %s\n", d.Record, d.Problem)
}

// err is the run's error when records were skipped.
func (l *damageLog) err() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.seen) == 0 {
		return nil
	}
	return fmt.Errorf("%d damaged record(s) skipped, the rest is complete (toll doctor lists them; toll doctor --export FILE saves everything readable)", len(l.seen))
}

// writeFileAtomic writes path through write, into a temporary file in the
// same directory renamed over path only once write and the close
// succeeded: a failed write leaves an existing file as it was and no
// partial file behind. A new file gets mode 0644, an existing one keeps
// its mode.
func writeFileAtomic(path string, write func(io.Writer) error) (err error) {
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("%s is not a regular file", path)
		}
		mode = fi.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := write(f); err != nil {
		return err
	}
	if err := f.Chmod(mode); err != nil {
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	return nil
}
