package bolt

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tollproject/toll/tracker"
)

// mustBranchDatabase builds a small database whose claims bucket is a
// branch page over leaves (the smallest tree that can hold a loop) and
// returns its bytes, the pages read back, and the claims bucket's root.
func mustBranchDatabase(tb testing.TB) ([]byte, *pageFile, uint64) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "branch.db")
	db, err := testOpen(path, Options{NoSync: true, Now: fixedClock()})
	if err != nil {
		tb.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 5))
	for i := range 60 { // enough compact claims for more than one page
		mustAdd(tb, db, genReport(rng, i, 500))
	}
	db.Close()
	good, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	pf, err := openPages(bytes.NewReader(good), int64(len(good)))
	if err != nil {
		tb.Fatal(err)
	}
	var root uint64
	pf.walk(func(v pageVisit) {
		if v.depth == 0 && len(v.bucket) == 1 && v.bucket[0] == string(bucketClaims) && v.header.flags == pageBranch {
			root = v.id
		}
	})
	if root == 0 {
		tb.Fatal("the claims bucket of the test database has no branch root")
	}
	return good, pf, root
}

// loopDamage are the ways TestPageLoop damages the tree of pages: each
// made a cursor of bbolt's run forever (a page that is its own child is
// descended into without end) or reads one page as two.
func loopDamage(good []byte, pf *pageFile, branch uint64) map[string][]byte {
	le := binary.LittleEndian
	ps := int(pf.pageSize)
	child := func(b []byte, i int) []byte { return b[int(branch)*ps+pageHeaderSize+i*elementSize+8:] }
	count := int(le.Uint16(good[int(branch)*ps+10:]))
	out := map[string][]byte{}

	b := bytes.Clone(good) // the last child is the branch itself
	le.PutUint64(child(b, count-1), branch)
	out["last child is its parent"] = b

	b = bytes.Clone(good) // the first child too: First never reaches a leaf
	le.PutUint64(child(b, 0), branch)
	out["first child is its parent"] = b

	b = bytes.Clone(good) // two children are one leaf
	le.PutUint64(child(b, 1), le.Uint64(child(b, 0)))
	out["two children share a leaf"] = b

	b = bytes.Clone(good) // the claims bucket's root is the root bucket's page
	if i := bytes.Index(b[int(pf.meta.root)*ps:(int(pf.meta.root)+1)*ps], bucketClaims); i >= 0 {
		at := int(pf.meta.root)*ps + i + len(bucketClaims)
		if le.Uint64(b[at:]) == branch {
			le.PutUint64(b[at:], pf.meta.root)
			out["a bucket is rooted at the root"] = b
		}
	}
	return out
}

// TestPageLoop is issue 10's hang: a database whose tree of pages loops
// back on itself made toll claims run forever (bbolt's cursors trust the
// page ids they read). Open now walks the tree of every bucket with a set
// of pages seen and a depth bound before bbolt reads it, and refuses the
// file with the one message for a damaged database; CheckFile (toll
// doctor) names the page.
func TestPageLoop(t *testing.T) {
	good, pf, branch := mustBranchDatabase(t)
	cases := loopDamage(good, pf, branch)
	if len(cases) != 4 {
		t.Fatalf("%d damaged files, want 4", len(cases))
	}
	for name, damaged := range cases {
		for _, ro := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s/read-only=%v", name, ro), func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "toll.db")
				if err := os.WriteFile(path, damaged, 0o600); err != nil {
					t.Fatal(err)
				}
				var err error
				within(t, "Open and EachClaim", func() {
					var db *DB
					db, err = testOpen(path, Options{ReadOnly: ro, Timeout: time.Second})
					if err == nil {
						err = db.EachClaim(ClaimFilter{}, func(tracker.StoredClaim) error { return nil })
						db.Close()
						t.Errorf("Open succeeded")
					}
				})
				if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "database "+path+" is damaged: page ") ||
					!strings.Contains(err.Error(), damagedHint) {
					t.Errorf("err = %v, want ErrCorrupt naming %s, a page and the way out", err, path)
				}
				if after, _ := os.ReadFile(path); !bytes.Equal(after, damaged) {
					t.Errorf("a failed Open changed the file")
				}
				h, err := CheckFile(path)
				if err != nil || len(h.Pages) == 0 || h.OK() {
					t.Errorf("CheckFile = %+v, %v, want the page problems", h, err)
				}
			})
		}
	}
	// The good file passes the same walk.
	if problems := pf.shape(); len(problems) > 0 {
		t.Errorf("the good file fails shape: %v", problems)
	}
}

var update = flag.Bool("update", false, "rewrite the FuzzOpen seeds of named cases under testdata/fuzz")

// loopSeed is the FuzzOpen seed of TestPageLoop's first case: go test runs
// it as part of FuzzOpen, and cmd/toll's tests read it as a database.
var loopSeed = filepath.Join("testdata", "fuzz", "FuzzOpen", "page-loop")

// TestPageLoopSeed checks that the committed seed is still a database
// whose pages loop (go test -update rewrites it from mustBranchDatabase):
// Open refuses it as damaged, naming the loop.
func TestPageLoopSeed(t *testing.T) {
	if *update {
		good, pf, branch := mustBranchDatabase(t)
		// the pages past the high-water mark are not needed
		b := loopDamage(good, pf, branch)["last child is its parent"][:pf.meta.hwm*uint64(pf.pageSize)]
		seed := fmt.Appendf(nil, "go test fuzz v1\n[]byte(%q)\n", b)
		if err := os.WriteFile(loopSeed, seed, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := readFuzzSeed(loopSeed)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "toll.db")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	within(t, "Open", func() {
		_, err = testOpen(path, Options{ReadOnly: true, Timeout: time.Second})
	})
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "the tree of pages loops") {
		t.Errorf("Open of %s: err = %v, want ErrCorrupt naming the loop", loopSeed, err)
	}
}

// readFuzzSeed reads the one []byte of a file in the fuzz corpus format.
func readFuzzSeed(path string) ([]byte, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s, ok := strings.CutPrefix(strings.TrimSpace(string(raw)), "go test fuzz v1\n[]byte(")
	if !ok || !strings.HasSuffix(s, ")") {
		return nil, fmt.Errorf("%s: not a fuzz seed of one []byte", path)
	}
	b, err := strconv.Unquote(strings.TrimSuffix(s, ")"))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return []byte(b), nil
}
