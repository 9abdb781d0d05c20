package bolt

import "errors"

// The sentinel errors of the store. Messages wrapping them name the
// database path or the id; test them with errors.Is.
var (
	// ErrLocked is a database another process holds open for writing.
	ErrLocked = errors.New("in use by another toll process")
	// ErrNotDatabase is a file that is not a toll database: not bbolt,
	// damaged meta pages, a directory, or a bbolt file of another program.
	ErrNotDatabase = errors.New("not a toll database")
	// ErrCorrupt is a database bbolt failed to read part-way.
	ErrCorrupt = errors.New("damaged")
	// ErrSchemaTooNew is a database written by a newer toll.
	ErrSchemaTooNew = errors.New("database was written by a newer toll")
	// ErrNeedsMigration is an older database opened read-only.
	ErrNeedsMigration = errors.New("database needs migrating")
	// ErrNotFound is an id no stored report or claim has.
	ErrNotFound = errors.New("not found")
	// ErrAmbiguous is an id prefix that more than one report has.
	ErrAmbiguous = errors.New("ambiguous id")
	// ErrNoDate is a report added without a published date.
	ErrNoDate = errors.New("no published date")
	// ErrBadReview is a review that makes no sense (no change, bad status).
	ErrBadReview = errors.New("bad review")
	// ErrBadImport is an import file that is malformed or inconsistent.
	ErrBadImport = errors.New("bad import file")
	// ErrCollision is an import whose ids are already in the database.
	ErrCollision = errors.New("ids already in the database")
	// ErrTooManySightings is a report that already has MaxSightings
	// sightings.
	ErrTooManySightings = errors.New("too many sightings")
	// ErrNoExtractor is a write that must read a report's text (add,
	// reextract) on a database opened without Options.Extract.
	ErrNoExtractor = errors.New("no extractor given")
)
