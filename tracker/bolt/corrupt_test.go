package bolt

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tollproject/toll/tracker"
)

// TestDamagedPages damages a database past its meta pages in several ways
// and reads everything: each read must end in an error or in data, never
// in a panic or a fault (bbolt panics on some damaged pages and faults on
// page ids past the end of the file; the store checks and recovers).
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
		{"page headers scrambled", func(b []byte) []byte {
			for i := 2 * page; i+16 <= len(b); i += page {
				for j := range 16 {
					b[i+j] = byte(i*31 + j*7)
				}
			}
			return b
		}},
	}
	// Random damage, the same every run: bytes of page headers and element
	// tables (where page ids and offsets live) set at random.
	for seed := range uint64(40) {
		tests = append(tests, struct {
			name   string
			damage func([]byte) []byte
		}{fmt.Sprintf("random/%d", seed), func(b []byte) []byte {
			r := rand.New(rand.NewPCG(seed, 11))
			for range 1 + r.IntN(20) {
				pg := 2 + r.IntN(len(b)/page-2)
				off := pg*page + r.IntN(16+16*8)
				b[off] = byte(r.Uint32())
			}
			return b
		}})
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
					// A damaged record is named by its id; damage to the
					// file's structure by the file's path.
					if !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrNotDatabase) ||
						!strings.Contains(err.Error(), path) && !strings.Contains(err.Error(), "decode ") && !strings.Contains(err.Error(), "no versions") {
						t.Errorf("%s: err = %v, want ErrCorrupt or ErrNotDatabase naming %s or the record", what, err, path)
					}
				}
				db, err := testOpen(path, Options{ReadOnly: ro})
				bad("Open", err)
				if err == nil {
					bad("EachClaim", db.EachClaim(ClaimFilter{}, func(tracker.StoredClaim) error { return nil }))
					bad("EachReport", db.EachReport(func(ReportSummary) error { return nil }))
					bad("Export", db.Export(io.Discard, FormatJSONL))
					// Doctor reads every page and record of a damaged
					// file without a fault, and says so when it finds
					// something Open let through.
					h, err := db.Doctor()
					bad("Doctor", err)
					if err == nil && h.OK() && !bytes.Equal(damaged, good) {
						t.Logf("Doctor found nothing (the damage hit bytes nothing reads)")
					}
					db.Close()
				}
				if after, _ := os.ReadFile(path); !bytes.Equal(after, damaged) && err != nil {
					t.Errorf("a failed Open changed the file")
				}
			})
		}
	}
}

// TestTruncated is issue 10's item 2 as it was found: a database of about
// 1 MB cut to 16 KiB. bbolt mapped it and read pages past the end of the
// map, a fault that killed the process; now Open refuses it, naming the
// path and the truncation, and leaves the file as it was.
func TestTruncated(t *testing.T) {
	good, pf := mustBigDatabase(t)
	inUse := int(pf.meta.hwm) * int(pf.pageSize)
	// The last size cuts the last page in use: a file of at least inUse
	// bytes opens (bbolt grows files ahead of what they hold).
	for _, size := range []int{16384, 3 * 4096, inUse / 2, inUse - 1} {
		for _, ro := range []bool{true, false} {
			t.Run(fmt.Sprintf("%d/read-only=%v", size, ro), func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "toll.db")
				if err := os.WriteFile(path, good[:size], 0o600); err != nil {
					t.Fatal(err)
				}
				db, err := testOpen(path, Options{ReadOnly: ro, Timeout: 100 * time.Millisecond})
				if err == nil {
					db.Close()
					t.Fatalf("Open of a database truncated to %d bytes succeeded", size)
				}
				if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "database "+path+" is damaged: ") ||
					!strings.Contains(err.Error(), "truncated") || !strings.Contains(err.Error(), "restore it from an export") {
					t.Errorf("err = %v, want ErrCorrupt naming %s, the truncation and the way out", err, path)
				}
				if after, _ := os.ReadFile(path); !bytes.Equal(after, good[:size]) {
					t.Errorf("a failed Open changed the file")
				}
				// The lock is released: a second Open fails the same way
				// at once instead of waiting for ErrLocked.
				if _, err2 := testOpen(path, Options{ReadOnly: ro, Timeout: 100 * time.Millisecond}); !errors.Is(err2, ErrCorrupt) {
					t.Errorf("second Open: err = %v, want ErrCorrupt", err2)
				}
			})
		}
	}
}

// TestTruncatedSmall cuts a database that holds one report just before
// its root page. That page is inside bbolt's smallest memory map (32 KiB)
// but past the end of the file, so reading it was a SIGBUS every time, not
// only when the address past the map happened to be unmapped.
func TestTruncatedSmall(t *testing.T) {
	src := filepath.Join(t.TempDir(), "good.db")
	db, err := testOpen(src, Options{Now: fixedClock(), NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	mustAdd(t, db, NewReport{Published: tracker.MustDate("2023-10-16"), Text: seedText})
	db.Close()
	good, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	pf, err := openPages(bytes.NewReader(good), int64(len(good)))
	if err != nil {
		t.Fatal(err)
	}
	cut := int(pf.meta.root) * int(pf.pageSize)
	if cut < 2*int(pf.pageSize) || cut >= 32<<10 {
		t.Fatalf("root page %d of %d bytes is not inside the first 32 KiB", pf.meta.root, pf.pageSize)
	}
	for _, ro := range []bool{true, false} {
		path := filepath.Join(t.TempDir(), "toll.db")
		if err := os.WriteFile(path, good[:cut], 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := testOpen(path, Options{ReadOnly: ro, Timeout: 100 * time.Millisecond})
		if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), path) {
			t.Errorf("read-only=%v: err = %v, want ErrCorrupt naming %s", ro, err, path)
		}
	}
}

// mustBigDatabase builds a database of about 1 MB (60 reports of 6 KB)
// and returns its bytes, read as pages and checked.
func mustBigDatabase(t *testing.T) ([]byte, *pageFile) {
	t.Helper()
	src := filepath.Join(t.TempDir(), "good.db")
	db, err := testOpen(src, Options{Now: fixedClock(), NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 60 {
		mustAdd(t, db, genReport(rng, i, 6000))
	}
	db.Close()
	good, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	pf, err := openPages(bytes.NewReader(good), int64(len(good)))
	if err != nil {
		t.Fatal(err)
	}
	if err := pf.checkMeta(); err != nil {
		t.Fatalf("the good file fails checkMeta: %v", err)
	}
	if problems := pf.walk(nil); len(problems) > 0 {
		t.Fatalf("the good file fails walk: %v", problems)
	}
	if inUse := pf.meta.hwm * uint64(pf.pageSize); inUse < 512<<10 {
		t.Fatalf("test database holds %d bytes, want about 1 MB", inUse)
	}
	return good, pf
}

// TestFaultBecomesError points a branch page of the claims bucket at the
// first page past the end of the file, inside bbolt's memory map: reading
// it is a SIGBUS. Open's walk of the pages refuses such a file; written
// into the file while it is open (another program's write, which Open
// cannot see), it is met inside a transaction, which the store runs with
// debug.SetPanicOnFault: an error naming the file, not a dead process.
// walk (toll doctor) names the page.
func TestFaultBecomesError(t *testing.T) {
	good, pf := mustBigDatabase(t)
	inUse := int(pf.meta.hwm) * int(pf.pageSize)
	if inUse&(inUse-1) == 0 {
		t.Fatalf("%d bytes in use is a power of two: no page of the map lies past the end of the file", inUse)
	}
	var branch uint64
	pf.walk(func(v pageVisit) {
		if branch == 0 && v.header.flags == pageBranch && len(v.bucket) == 1 && v.bucket[0] == string(bucketClaims) {
			branch = v.id
		}
	})
	if branch == 0 {
		t.Fatal("no branch page in the claims bucket")
	}
	damaged := append([]byte(nil), good[:inUse]...)
	at := int(branch) * int(pf.pageSize)
	page := damaged[at:]
	count := int(binary.LittleEndian.Uint16(page[10:]))
	for i := range count {
		binary.LittleEndian.PutUint64(page[pageHeaderSize+i*elementSize+8:], pf.meta.hwm)
	}
	for _, ro := range []bool{true, false} {
		path := filepath.Join(t.TempDir(), "toll.db")
		if err := os.WriteFile(path, good[:inUse], 0o600); err != nil {
			t.Fatal(err)
		}
		db, err := testOpen(path, Options{ReadOnly: ro, Timeout: 100 * time.Millisecond})
		if err != nil {
			t.Fatalf("read-only=%v: Open: %v", ro, err)
		}
		fh, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fh.WriteAt(damaged[at:at+int(pf.pageSize)], int64(at)); err != nil {
			t.Fatal(err)
		}
		fh.Close()
		err = db.EachClaim(ClaimFilter{}, func(tracker.StoredClaim) error { return nil })
		if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "database "+path+" is damaged: ") {
			t.Errorf("read-only=%v: EachClaim: err = %v, want ErrCorrupt naming %s", ro, err, path)
		}
		if err := db.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
		_, err = testOpen(path, Options{ReadOnly: ro, Timeout: 100 * time.Millisecond})
		if want := fmt.Sprintf("page %d: page id out of range", pf.meta.hwm); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), want) {
			t.Errorf("read-only=%v: Open of the damaged file: err = %v, want ErrCorrupt naming %q", ro, err, want)
		}
	}
	df, err := openPages(bytes.NewReader(damaged), int64(len(damaged)))
	if err != nil {
		t.Fatal(err)
	}
	problems := df.walk(nil)
	if len(problems) == 0 || problems[0].page != pf.meta.hwm {
		t.Errorf("walk found %v, want page %d first", problems, pf.meta.hwm)
	}
}
