package bolt

import (
	"errors"
	"fmt"
)

// Damaged is one stored record the store cannot read: a report or claim
// that does not decode, a claim with no versions, an index entry that
// names no report, an ack or a sighting that does not decode. It is an error wrapping
// ErrCorrupt. With Options.Damaged set, listings, checks and exports skip
// such a record and name it instead of failing as a whole; Doctor lists
// them all.
type Damaged struct {
	// Record names the record: "claim 3f2a9c1b7d04-2", "report
	// 3f2a9c1b7d04", "index entry \"2023-10-09T00:00:00Z3f2a…\"".
	Record string
	// Problem says what is wrong with it.
	Problem string
}

func (d *Damaged) Error() string { return d.Record + " is damaged: " + d.Problem }

// Unwrap makes a Damaged record ErrCorrupt for errors.Is.
func (d *Damaged) Unwrap() error { return ErrCorrupt }

// skip decides what a read does with err, met on one record: a damaged
// record is reported to Options.Damaged and skipped (skip returns nil)
// when the caller asked for that; any other error, or a damaged record
// without Options.Damaged, fails the read, naming the database.
func (db *DB) skip(err error) error {
	var d *Damaged
	if !errors.As(err, &d) {
		return err
	}
	if db.onDamaged != nil {
		db.onDamaged(*d)
		return nil
	}
	return fmt.Errorf("database %s: %w (toll doctor lists every damaged record)", db.path, err)
}

// strict is the skip of a change that must see every record (reextract
// rewrites a report's claims): damage fails it.
func strict(err error) error { return err }
