package bolt

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	bbolt "go.etcd.io/bbolt"

	"github.com/tollproject/toll/tracker"
)

// Ack records that a user has seen and explained a reconcile finding. A
// second ack of the same finding replaces the first (the latest
// explanation is the one that stands). a.At defaults to now.
func (db *DB) Ack(a tracker.Ack) error {
	if strings.TrimSpace(a.Finding) == "" {
		return fmt.Errorf("ack: %w", errors.New("no finding named"))
	}
	if a.At.IsZero() {
		a.At = db.now().UTC()
	}
	err := db.update(func(tx *bbolt.Tx) error { return putAck(tx, a) })
	if err != nil {
		return fmt.Errorf("ack %s: %w", a.Finding, err)
	}
	return nil
}

// Unack removes the acknowledgement of a finding and returns it; the
// finding shows as unacknowledged again. A finding with no ack is
// ErrNotFound.
func (db *DB) Unack(finding string) (tracker.Ack, error) {
	var a tracker.Ack
	err := db.update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketAcks)
		v := b.Get([]byte(finding))
		if v == nil {
			return ErrNotFound
		}
		var err error
		if a, err = decodeAck([]byte(finding), v); err != nil {
			// a damaged ack is removed all the same: that is the undo asked for
			a = tracker.Ack{Finding: finding}
		}
		return b.Delete([]byte(finding))
	})
	if err != nil {
		return tracker.Ack{}, fmt.Errorf("unack %s: %w", finding, err)
	}
	return a, nil
}

// Acks returns every acknowledgement by finding.
func (db *DB) Acks() (map[string]tracker.Ack, error) {
	out := map[string]tracker.Ack{}
	err := db.view(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketAcks).ForEach(func(k, v []byte) error {
			a, err := decodeAck(k, v)
			if err != nil {
				return db.skip(err)
			}
			out[a.Finding] = a
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read acks: %w", err)
	}
	return out, nil
}

func putAck(tx *bbolt.Tx, a tracker.Ack) error {
	b, err := json.Marshal(a)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketAcks).Put([]byte(a.Finding), b)
}

func decodeAck(k, v []byte) (tracker.Ack, error) {
	var a tracker.Ack
	if err := json.Unmarshal(v, &a); err != nil {
		return tracker.Ack{}, &Damaged{Record: fmt.Sprintf("ack %q", k), Problem: "does not decode: " + err.Error()}
	}
	return a, nil
}
