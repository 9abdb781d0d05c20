package bolt

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	bbolt "go.etcd.io/bbolt"

	"github.com/tollproject/toll/tracker"
)

// AddDecision stores a series decision after every earlier one and
// returns it as stored: At defaults to now and ID to d.MakeID(). The
// store checks what it can: the decision is valid, its id is new, a move
// names a stored claim, an undo names a stored decision not undone yet.
// Which series exist is for the caller to check (the store does not form
// series); reconcile skips decisions about series that are not there.
// Decisions are kept when reports are re-extracted: claims keep their ids
// (see Reextract), and a decision about a claim that went away is skipped
// where it is applied.
func (db *DB) AddDecision(d tracker.SeriesDecision) (tracker.SeriesDecision, error) {
	if d.At.IsZero() {
		d.At = db.now().UTC()
	}
	if d.ID == "" {
		d.ID = d.MakeID()
	}
	err := db.update(func(tx *bbolt.Tx) error {
		before, err := storedDecisions(tx)
		if err != nil {
			return err
		}
		if err := checkDecision(tx, d, before, true); err != nil {
			return err
		}
		return putDecision(tx, d)
	})
	if err != nil {
		return tracker.SeriesDecision{}, fmt.Errorf("add decision: %w", err)
	}
	return d, nil
}

// Decisions returns every stored series decision in the order they were
// made, undos and undone ones included: reconcile applies them in this
// order.
func (db *DB) Decisions() ([]tracker.SeriesDecision, error) {
	var out []tracker.SeriesDecision
	err := db.view(func(tx *bbolt.Tx) error {
		return eachDecision(tx, func(d tracker.SeriesDecision) error {
			out = append(out, d)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read decisions: %w", err)
	}
	return out, nil
}

// decisionIndex is what checkDecision needs to know of the decisions
// before: which ids exist and which are undone.
type decisionIndex struct {
	ids, undone map[string]bool
}

// storedDecisions indexes the stored decisions.
func storedDecisions(tx *bbolt.Tx) (decisionIndex, error) {
	x := decisionIndex{ids: map[string]bool{}, undone: map[string]bool{}}
	err := eachDecision(tx, func(d tracker.SeriesDecision) error {
		x.add(d)
		return nil
	})
	return x, err
}

func (x decisionIndex) add(d tracker.SeriesDecision) {
	x.ids[d.ID] = true
	if d.Op == tracker.Undo {
		x.undone[d.Undoes] = true
	}
}

// checkDecision validates d against the decisions before it and, when
// claims is set, checks that a move names a stored claim (an import
// brings decisions about claims a re-extraction has since dropped).
func checkDecision(tx *bbolt.Tx, d tracker.SeriesDecision, before decisionIndex, claims bool) error {
	if err := d.Validate(); err != nil {
		return err
	}
	if before.ids[d.ID] {
		return fmt.Errorf("decision %s: %w", d.ID, ErrCollision)
	}
	switch d.Op {
	case tracker.Move:
		if claims {
			if _, err := getClaim(tx, d.Claim); err != nil {
				return fmt.Errorf("decision %s: %w", d.ID, err)
			}
		}
	case tracker.Undo:
		switch {
		case !before.ids[d.Undoes]:
			return fmt.Errorf("decision %s: undo %s: %w (toll series decisions lists them)", d.ID, d.Undoes, ErrNotFound)
		case before.undone[d.Undoes]:
			return fmt.Errorf("decision %s: %s is undone already", d.ID, d.Undoes)
		}
	}
	return nil
}

// putDecision appends d under the bucket's next sequence number.
func putDecision(tx *bbolt.Tx, d tracker.SeriesDecision) error {
	b := tx.Bucket(bucketDecisions)
	seq, err := b.NextSequence()
	if err != nil {
		return err
	}
	v, err := json.Marshal(d)
	if err != nil {
		return err
	}
	k := make([]byte, 8)
	binary.BigEndian.PutUint64(k, seq)
	return b.Put(k, v)
}

// eachDecision calls fn with every stored decision in order.
func eachDecision(tx *bbolt.Tx, fn func(tracker.SeriesDecision) error) error {
	return tx.Bucket(bucketDecisions).ForEach(func(k, v []byte) error {
		var d tracker.SeriesDecision
		if err := json.Unmarshal(v, &d); err != nil {
			return fmt.Errorf("decode decision %x: %w: %v", k, ErrCorrupt, err)
		}
		if err := d.Validate(); err != nil {
			return fmt.Errorf("decode decision %x: %w: %w", k, ErrCorrupt, err)
		}
		return fn(d)
	})
}

// migrateDecisions adds the decisions bucket (schema 2).
func migrateDecisions(tx *bbolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists(bucketDecisions); err != nil {
		return errors.Join(errors.New("create bucket decisions"), err)
	}
	return nil
}
