package bolt

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime/debug"
	"strconv"
	"syscall"
	"time"

	bbolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/tollproject/toll/tracker"
)

// Schema is the layout version this package writes (see the package doc).
const Schema = 5

// DefaultTimeout is how long Open waits for another process to let go of
// the database before it gives up with ErrLocked.
const DefaultTimeout = 2 * time.Second

var (
	bucketMeta    = []byte("meta")
	bucketReports = []byte("reports")
	bucketClaims  = []byte("claims")
	bucketSeq     = []byte("seq")
	bucketByDate  = []byte("bydate")
	bucketAcks    = []byte("acks")
	// bucketDecisions (schema 2) holds the series decisions in order.
	bucketDecisions = []byte("decisions")
	// bucketSightings (schema 3) holds the other carriers of each report.
	bucketSightings = []byte("sightings")
	keySchema       = []byte("schema")
)

// allBuckets is every bucket of the current schema, created by Open.
var allBuckets = [][]byte{bucketMeta, bucketReports, bucketClaims, bucketSeq, bucketByDate, bucketAcks, bucketDecisions, bucketSightings,
	bucketIndex, bucketStrings, bucketStringIDs}

// migration upgrades a database from one schema to the next inside the
// transaction of Open.
type migration func(tx *bbolt.Tx) error

// migrations[i] upgrades schema i+1 to i+2: schema 2 adds the decisions
// bucket (TestMigrateDecisions opens a schema 1 file), schema 3 the
// sightings bucket (TestMigrateSightings opens a schema 2 file), schema 4
// the compact encoding of reports and claims, whose step only starts the
// conversion that Open then runs in transactions of its own (compact.go;
// TestMigrateCompact opens a file written by the toll of schema 3), schema
// 5 the claim index, built the same way (index.go; TestMigrateIndex). The
// machinery itself is tested with a made-up table.
var migrations = []migration{migrateDecisions, migrateSightings, migrateCompact, migrateIndex}

// Options configure Open. The zero value is ready to use.
type Options struct {
	// Timeout bounds the wait for the file lock; zero means DefaultTimeout.
	Timeout time.Duration
	// ReadOnly opens with a shared lock and refuses to write; the file
	// must exist.
	ReadOnly bool
	// Now is the clock for added times and versions; nil means time.Now.
	Now func() time.Time
	// Extract reads a report's claims, and ExtractorVersion names it (it
	// is stored with each report, so that reports read by an older
	// extractor can be found). The store does not know the extractor:
	// cmd/toll passes extract.Report and extract.Version(); tests can play
	// any other. Both are needed only to add and re-read reports; without
	// them those fail with ErrNoExtractor.
	Extract          tracker.ExtractFunc
	ExtractorVersion string
	// Damaged, when set, is called for each damaged record (see Damaged)
	// a listing, check, export or removal meets; the record is skipped
	// and the rest goes on. When nil, such a record fails the call with
	// ErrCorrupt.
	Damaged func(Damaged)
	// CheckTaxonomy, when set, checks a taxonomy's text before SetTaxonomy
	// or Import stores it (cmd/toll passes reconcile's parser); nil checks
	// only what the store itself needs (see SetTaxonomy).
	CheckTaxonomy func(text string) error
	// NoSync skips fsync on commit. Only for tests and benchmarks that
	// build throwaway databases: a crash can then lose committed data.
	NoSync bool
	// MapSize is how many bytes of the file bbolt maps when it opens it
	// (zero: as much as the file holds). A transaction that grows the
	// file past the map has bbolt map it again, and each time copy
	// every key and value it has written so far out of the old map: a
	// bulk import that will write N bytes saves those copies by setting
	// about N more than the file holds. The map is address space, not
	// memory.
	MapSize int
	// NoIndex reads every claim by decoding it, never from the claim
	// index (see CurrentClaims): the same claims, more slowly; for
	// telling a fault of the index from one elsewhere.
	NoIndex bool
	// TextFlags, when set, computes each claim's text flags
	// (tracker.TextFlags) when its index record is written, and
	// TextFlagsVersion names its rules: a store whose flags were made
	// under another version makes them again when it is opened for
	// writing (see flagStored), and until then its readers compute
	// them. cmd/toll passes reconcile.TextFlags and
	// reconcile.TextFlagsVersion(); without them records get no flags.
	TextFlags        tracker.TextFlagsFunc
	TextFlagsVersion string

	// compactBatch and compactAfter are compactStored's batch and after,
	// for tests of the migration to schema 4.
	compactBatch int
	compactAfter func(done int) error
	// indexBatch and indexAfter are indexStored's, for tests of the
	// migration to schema 5.
	indexBatch int
	indexAfter func(done int) error
	// flagBatch and flagAfter are flagStored's, for tests of remaking
	// the text flags.
	flagBatch int
	flagAfter func(done int) error
	// dropEvery is how many steps of a long read pass between drops of
	// the file's mapped pages (pageDropper; dropEvery when zero), for
	// tests; dropped, when set, is called at each drop.
	dropEvery int
	dropped   func()
}

// DB is an open toll database. Its methods are safe for concurrent use.
type DB struct {
	bdb       *bbolt.DB
	path      string
	now       func() time.Time
	extract   tracker.ExtractFunc
	extractor string
	onDamaged func(Damaged)
	checkTax  func(string) error
	noIndex   bool // Options.NoIndex
	// textFlags and flagsVersion are Options.TextFlags and
	// TextFlagsVersion; flagsKept is set when the index's flags were all
	// made under flagsVersion (read from meta on open)
	textFlags    tracker.TextFlagsFunc
	flagsVersion string
	flagsKept    bool
	bySeek       bool   // CurrentClaims walks report by report (tests compare the ways)
	dropEvery    int    // Options.dropEvery
	dropped      func() // Options.dropped
}

// Open opens the toll database at path, creating it (but not its
// directory) unless opts.ReadOnly. It creates the buckets of a new file,
// migrates an older schema (in one transaction, then, for schemas 4 and 5,
// in resumable batches: see compact.go and index.go), and refuses a newer
// one.
func Open(path string, opts Options) (*DB, error) {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("database %s is a directory: %w", path, ErrNotDatabase)
	} else if err == nil && !fi.Mode().IsRegular() {
		// Opening a named pipe for reading waits for a writer forever.
		return nil, fmt.Errorf("database %s is not a regular file (%s): %w", path, fileKind(fi.Mode()), ErrNotDatabase)
	} else if err == nil && fi.Size() == 0 && opts.ReadOnly {
		// bbolt would initialise an empty file, which it cannot do
		// read-only: it reported "bad file descriptor"
		return nil, fmt.Errorf("database %s is empty: %w", path, ErrNotDatabase)
	}
	if err := preflight(path); err != nil {
		return nil, err
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	bdb, err := openBolt(path, &bbolt.Options{Timeout: timeout, ReadOnly: opts.ReadOnly, NoSync: opts.NoSync,
		InitialMmapSize: max(opts.MapSize, 0)})
	if err != nil {
		return nil, openError(path, err)
	}
	db := &DB{bdb: bdb, path: path, now: opts.Now, extract: opts.Extract, extractor: opts.ExtractorVersion,
		onDamaged: opts.Damaged, checkTax: opts.CheckTaxonomy, noIndex: opts.NoIndex,
		textFlags: opts.TextFlags, flagsVersion: opts.TextFlagsVersion, dropEvery: opts.dropEvery, dropped: opts.dropped}
	if db.flagsVersion == "" {
		db.textFlags = nil
	}
	if db.now == nil {
		db.now = time.Now
	}
	if opts.ReadOnly {
		err = db.view(func(tx *bbolt.Tx) error { return checkSchema(tx, path, false, migrations) })
	} else {
		err = db.update(func(tx *bbolt.Tx) error { return checkSchema(tx, path, true, migrations) })
		if err == nil {
			err = db.compactStored(opts.compactBatch, opts.compactAfter)
		}
		if err == nil {
			err = db.indexStored(opts.indexBatch, opts.indexAfter)
		}
		if err == nil {
			err = db.flagStored(opts.flagBatch, opts.flagAfter)
		}
	}
	if err == nil && db.textFlags != nil {
		err = db.view(func(tx *bbolt.Tx) error {
			db.flagsKept = string(tx.Bucket(bucketMeta).Get(keyTextFlags)) == db.flagsVersion
			return nil
		})
	}
	if err != nil {
		_ = bdb.Close()
		return nil, err
	}
	return db, nil
}

// fileKind names what a file that is not a regular file is.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "mode " + m.Type().String()
}

// openBolt is bbolt.Open with its panics and memory faults (a damaged file
// preflight did not catch) turned into ErrCorrupt. bbolt opens the file
// through openRegular, so that a file swapped for a named pipe after the
// check in Open neither blocks nor is read, and so that the file can be
// closed (and its lock released) when bbolt panics part-way; the memory
// map bbolt made by then stays until the process ends.
func openBolt(path string, o *bbolt.Options) (db *bbolt.DB, err error) {
	var file *os.File
	o.OpenFile = func(name string, flag int, mode os.FileMode) (*os.File, error) {
		f, err := openRegular(name, flag, mode)
		file = f
		return f, err
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			if file != nil {
				_ = file.Close()
			}
			db, err = nil, damagedError(path, panicError(r))
		}
	}()
	return bbolt.Open(path, 0o600, o)
}

// openRegular opens name without blocking on a named pipe and refuses
// anything but a regular file.
func openRegular(name string, flag int, mode os.FileMode) (*os.File, error) {
	f, err := os.OpenFile(name, flag|syscall.O_NONBLOCK, mode)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err == nil && !fi.Mode().IsRegular() {
		err = fmt.Errorf("%w: not a regular file (%s)", berrors.ErrInvalid, fileKind(fi.Mode()))
	}
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	return f, nil
}

// panicError describes what bbolt panicked with: a memory fault (only
// raised as a panic under debug.SetPanicOnFault) or its own assertion.
func panicError(r any) error {
	if e, ok := r.(interface{ Addr() uintptr }); ok && e.Addr() >= 4096 {
		return fmt.Errorf("reading it faulted at address %#x: a page points past the end of the file", e.Addr())
	}
	return fmt.Errorf("bbolt: %v", r)
}

// openError turns what bbolt.Open returned into a message naming path.
func openError(path string, err error) error {
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return fmt.Errorf("database %s is %w", path, ErrLocked)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch),
		errors.Is(err, berrors.ErrChecksum), errors.Is(err, berrors.ErrInvalidMapping):
		return fmt.Errorf("database %s is %w (bbolt: %v)", path, ErrNotDatabase, err)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(pe.Err, fs.ErrNotExist):
			return fmt.Errorf("database %s does not exist: %w", path, fs.ErrNotExist)
		case errors.Is(pe.Err, fs.ErrPermission), errors.Is(pe.Err, syscall.EROFS):
			return fmt.Errorf("database %s cannot be opened for writing (read-only location?): %w", path, pe.Err)
		}
		return fmt.Errorf("database %s: %w", path, pe.Err)
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return fmt.Errorf("database %s: %w", path, err)
	}
	// bbolt's other complaints are about the file's contents ("file size
	// too small", bad page sizes).
	return fmt.Errorf("database %s is %w (bbolt: %v)", path, ErrNotDatabase, err)
}

// checkSchema creates the buckets of a new database, migrates an older
// one (when writable) and refuses a newer one or a foreign bbolt file.
func checkSchema(tx *bbolt.Tx, path string, writable bool, steps []migration) error {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		empty := true
		_ = tx.ForEach(func([]byte, *bbolt.Bucket) error { empty = false; return nil })
		if !empty {
			return fmt.Errorf("database %s is a bbolt file of another program: %w", path, ErrNotDatabase)
		}
		if !writable {
			return fmt.Errorf("database %s is empty: %w", path, ErrNotDatabase)
		}
		for _, b := range allBuckets {
			if _, err := tx.CreateBucket(b); err != nil {
				return fmt.Errorf("database %s: create bucket %s: %w", path, b, err)
			}
		}
		return tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(Schema)))
	}
	raw := meta.Get(keySchema)
	v, err := -1, error(nil)
	if len(raw) <= 20 { // a damaged value can be any size: never copy or quote it whole
		v, err = strconv.Atoi(string(raw))
	}
	if err != nil || v < 1 {
		shown := fmt.Sprintf("%q", raw[:min(len(raw), 32)])
		if len(raw) > 32 {
			shown += fmt.Sprintf("… (%d bytes)", len(raw))
		}
		return fmt.Errorf("database %s has schema %s: %w", path, shown, ErrNotDatabase)
	}
	latest := len(steps) + 1
	switch {
	case v > latest:
		return fmt.Errorf("database %s has schema %d, this toll reads up to %d: %w", path, v, latest, ErrSchemaTooNew)
	case v == latest:
		return nil
	case !writable:
		return fmt.Errorf("database %s has schema %d (current %d); run any writing toll command on it first: %w",
			path, v, latest, ErrNeedsMigration)
	}
	for ; v < latest; v++ {
		if err := steps[v-1](tx); err != nil {
			return fmt.Errorf("database %s: migrate schema %d to %d: %w", path, v, v+1, err)
		}
	}
	return meta.Put(keySchema, []byte(strconv.Itoa(latest)))
}

// Path returns the file the database was opened from.
func (db *DB) Path() string { return db.path }

// Close releases the database and its lock.
func (db *DB) Close() error {
	if err := db.bdb.Close(); err != nil {
		return fmt.Errorf("close database %s: %w", db.path, err)
	}
	return nil
}

// view runs fn in a read transaction, turning a bbolt panic or a fault
// reading the memory map into ErrCorrupt.
func (db *DB) view(fn func(*bbolt.Tx) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer db.recoverCorrupt(&err)
	return db.bdb.View(fn)
}

// update runs fn in a write transaction, turning a bbolt panic or a fault
// into ErrCorrupt; bbolt rolls the transaction back.
func (db *DB) update(fn func(*bbolt.Tx) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer db.recoverCorrupt(&err)
	err = db.bdb.Update(fn)
	if errors.Is(err, berrors.ErrDatabaseReadOnly) {
		return fmt.Errorf("database %s was opened read-only: %w", db.path, err)
	}
	return err
}

// recoverCorrupt is the deferred half of view and update. A fault is only
// a panic, not the end of the process, on a goroutine that set
// debug.SetPanicOnFault, which is why both set it around the transaction:
// fn and bbolt run on the caller's goroutine. A fault in code that is not
// reading the map (a nil pointer in fn) is reported the same way, which
// errs on the side of blaming the file.
func (db *DB) recoverCorrupt(err *error) {
	if r := recover(); r != nil {
		*err = damagedError(db.path, panicError(r))
	}
}

// MaxClaimNumber is the largest claim number the store holds: numbers are
// stored as 4 bytes (see the package doc), and the report's next number,
// one more, must fit too. Every number that reaches claimKey or u32 has
// been checked against it (ParseClaimID, Import, reextract), so that no
// number is ever stored as another modulo 2³².
const MaxClaimNumber = 1<<32 - 2

// claimKey is the claims bucket key of claim n of a report; n is between
// 1 and MaxClaimNumber.
func claimKey(reportID string, n int) []byte {
	k := make([]byte, len(reportID)+4)
	copy(k, reportID)
	binary.BigEndian.PutUint32(k[len(reportID):], uint32(n))
	return k
}

// splitClaimKey returns the report id and number of a claims bucket key.
func splitClaimKey(k []byte) (string, int) {
	if len(k) < 4 {
		return "", 0
	}
	return string(k[:len(k)-4]), int(binary.BigEndian.Uint32(k[len(k)-4:]))
}

// dateKey is the bydate key of a report: its published day in RFC 3339
// (fixed width, sorts as time does) then its id.
func dateKey(r tracker.Report) []byte {
	return append([]byte(r.Published.Time().UTC().Format(time.RFC3339)), r.ID...)
}

func u32(n int) []byte {
	b := make([]byte, 4)
	binary.BigEndian.PutUint32(b, uint32(n))
	return b
}
