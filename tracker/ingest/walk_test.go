package ingest

import (
	"os"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"
	"time"
)

// TestFilesOddEntries is issue 10 item 9: a named pipe called *.txt in a
// directory made `toll add DIR` wait forever (reading it blocks), and one
// dangling link or link loop failed the whole directory. Files now leaves
// each out, named, and returns the rest, at once.
func TestFilesOddEntries(t *testing.T) {
	dir := t.TempDir()
	j := func(p ...string) string { return filepath.Join(append([]string{dir}, p...)...) }
	for _, f := range []string{"a.txt", "sub/b.md"} {
		os.MkdirAll(filepath.Dir(j(f)), 0o700)
		if err := os.WriteFile(j(f), []byte("At least 12 people were killed."), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(j("pipe.txt"), 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink("pipe.txt", j("to-pipe.txt")))
	must(os.Symlink("gone.txt", j("dead.txt")))
	must(os.Symlink("loop-b.txt", j("loop-a.txt")))
	must(os.Symlink("loop-a.txt", j("loop-b.txt")))
	must(os.Symlink("a.txt", j("to-a.txt")))

	type result struct {
		files   []string
		skipped []Skipped
		err     error
	}
	done := make(chan result, 1)
	go func() {
		files, skipped, err := Files([]string{dir})
		done <- result{files, skipped, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Files did not return in 10 s")
	}
	if r.err != nil {
		t.Fatal(r.err)
	}
	if want := []string{j("a.txt"), j("sub", "b.md"), j("to-a.txt")}; !reflect.DeepEqual(r.files, want) {
		t.Errorf("files:\n got %q\nwant %q", r.files, want)
	}
	want := map[string]Skipped{
		j("dead.txt"):    {j("dead.txt"), "a dangling symbolic link (what it names does not exist)", true},
		j("loop-a.txt"):  {j("loop-a.txt"), "a loop of symbolic links", true},
		j("loop-b.txt"):  {j("loop-b.txt"), "a loop of symbolic links", true},
		j("pipe.txt"):    {j("pipe.txt"), "a named pipe, not a regular file", false},
		j("to-pipe.txt"): {j("to-pipe.txt"), "a named pipe, not a regular file", false},
	}
	got := map[string]Skipped{}
	for _, s := range r.skipped {
		got[s.Path] = s
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("skipped:\n got %+v\nwant %+v", got, want)
	}
}
