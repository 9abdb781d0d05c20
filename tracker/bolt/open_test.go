package bolt

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	bbolt "go.etcd.io/bbolt"

	"github.com/tollproject/toll/tracker"
)

func TestOpenBadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	foreign := filepath.Join(dir, "foreign.db")
	bdb, err := bbolt.Open(foreign, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := bdb.Update(func(tx *bbolt.Tx) error { _, err := tx.CreateBucket([]byte("widgets")); return err }); err != nil {
		t.Fatal(err)
	}
	bdb.Close()

	// A real database with its meta pages overwritten.
	good := filepath.Join(dir, "damaged.db")
	db, err := testOpen(good, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustAdd(t, db, NewReport{Published: tracker.MustDate("2023-10-16"), Text: seedText})
	db.Close()
	damaged, _ := os.ReadFile(good)
	for i := 0; i < 2*4096 && i < len(damaged); i++ {
		damaged[i] ^= 0x5a
	}
	write("damaged.db", damaged)

	fifo := filepath.Join(dir, "fifo.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name string
		path string
		ro   bool
		want error
		msg  string
	}{
		// Opening a named pipe to read it waits for a writer forever.
		{"named pipe", fifo, false, ErrNotDatabase, "not a regular file (a named pipe)"},
		{"named pipe, read-only", fifo, true, ErrNotDatabase, "not a regular file (a named pipe)"},
		{"text file", write("notes.txt", []byte(strings.Repeat("not a database\n", 1000))), false, ErrNotDatabase, "not a toll database"},
		{"short text file", write("short.txt", []byte("hello")), false, ErrNotDatabase, "not a toll database"},
		{"text file under two pages", write("small.txt", bytes.Repeat([]byte("notes\n"), 1000)), false, ErrNotDatabase, "not a toll database"},
		{"damaged meta pages", good, false, ErrNotDatabase, "not a toll database"},
		{"foreign bbolt file", foreign, false, ErrNotDatabase, "another program"},
		{"directory", dir, false, ErrNotDatabase, "is a directory"},
		{"missing, read-only", filepath.Join(dir, "absent.db"), true, fs.ErrNotExist, "does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before []byte
			if fi, err := os.Stat(tt.path); err == nil && fi.Mode().IsRegular() {
				before, _ = os.ReadFile(tt.path)
			}
			db, err := testOpen(tt.path, Options{ReadOnly: tt.ro, Timeout: 100 * time.Millisecond})
			if err == nil {
				db.Close()
				t.Fatalf("testOpen(%s) succeeded", tt.path)
			}
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.path) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("err = %v, want %v naming %s and saying %q", err, tt.want, tt.path, tt.msg)
			}
			if before != nil {
				after, _ := os.ReadFile(tt.path)
				if !bytes.Equal(before, after) {
					t.Errorf("Open changed %s", tt.path)
				}
			}
		})
	}
}

func TestOpenReadOnlyLocation(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "toll.db")
	if f, err := os.Create(path); err == nil {
		// Root writes anywhere; /sys refuses new files even to root.
		f.Close()
		os.Remove(path)
		path = "/sys/toll-test.db"
		if f, err := os.Create(path); err == nil {
			f.Close()
			os.Remove(path)
			t.Skip("no read-only location to test with")
		}
	}
	_, err := testOpen(path, Options{})
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "read-only location") {
		t.Errorf("err = %v, want one naming %s as a read-only location", err, path)
	}
}

func TestOpenLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "toll.db")
	db, err := testOpen(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, ro := range []bool{false, true} {
		start := time.Now()
		_, err := testOpen(path, Options{Timeout: 200 * time.Millisecond, ReadOnly: ro})
		if !errors.Is(err, ErrLocked) || err.Error() != "database "+path+" is in use by another toll process" {
			t.Errorf("read-only %v: err = %v, want ErrLocked", ro, err)
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("second Open took %v", d)
		}
	}
}

func TestOpenReadOnlyRefusesWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "toll.db")
	db, err := testOpen(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro, err := testOpen(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.Add([]NewReport{{Published: tracker.MustDate("2023-10-16"), Text: seedText}}); err == nil {
		t.Errorf("Add on a read-only database succeeded")
	}
}

func TestSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "toll.db")
	db, err := testOpen(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustAdd(t, db, NewReport{Published: tracker.MustDate("2023-10-16"), Text: seedText})
	setSchema := func(v string) {
		t.Helper()
		if err := db.update(func(tx *bbolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, []byte(v)) }); err != nil {
			t.Fatal(err)
		}
	}
	setSchema(strconv.Itoa(Schema + 1))
	db.Close()
	for _, ro := range []bool{false, true} {
		if _, err := testOpen(path, Options{ReadOnly: ro}); !errors.Is(err, ErrSchemaTooNew) || !strings.Contains(err.Error(), path) {
			t.Errorf("read-only %v: err = %v, want ErrSchemaTooNew naming the path", ro, err)
		}
	}
}

// TestMigrate runs the migration machinery with made-up steps: an older
// database is brought up in the transaction of Open, and a failing step
// leaves it exactly as it was.
func TestMigrate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "toll.db")
	bdb, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	err = bdb.Update(func(tx *bbolt.Tx) error {
		for _, b := range allBuckets {
			if _, err := tx.CreateBucket(b); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Put(keySchema, []byte("1"))
	})
	if err != nil {
		t.Fatal(err)
	}
	mark := func(k string) migration {
		return func(tx *bbolt.Tx) error { return tx.Bucket(bucketMeta).Put([]byte(k), []byte("done")) }
	}
	failing := func(tx *bbolt.Tx) error { return errors.New("disk says no") }
	schemaAndMarks := func() (string, []string) {
		var v string
		var marks []string
		_ = bdb.View(func(tx *bbolt.Tx) error {
			m := tx.Bucket(bucketMeta)
			v = string(m.Get(keySchema))
			for _, k := range []string{"step1", "step2"} {
				if m.Get([]byte(k)) != nil {
					marks = append(marks, k)
				}
			}
			return nil
		})
		return v, marks
	}

	err = bdb.Update(func(tx *bbolt.Tx) error { return checkSchema(tx, path, true, []migration{mark("step1"), failing}) })
	if err == nil || !strings.Contains(err.Error(), "migrate schema 2 to 3") {
		t.Errorf("failing migration: err = %v", err)
	}
	if v, marks := schemaAndMarks(); v != "1" || len(marks) != 0 {
		t.Errorf("after a failed migration: schema %s, marks %v; want 1 and none", v, marks)
	}
	err = bdb.View(func(tx *bbolt.Tx) error { return checkSchema(tx, path, false, []migration{mark("step1")}) })
	if !errors.Is(err, ErrNeedsMigration) {
		t.Errorf("read-only open of an old schema: err = %v, want ErrNeedsMigration", err)
	}
	err = bdb.Update(func(tx *bbolt.Tx) error {
		return checkSchema(tx, path, true, []migration{mark("step1"), mark("step2")})
	})
	if err != nil {
		t.Fatal(err)
	}
	if v, marks := schemaAndMarks(); v != "3" || len(marks) != 2 {
		t.Errorf("after migrating: schema %s, marks %v; want 3 and both", v, marks)
	}
}
