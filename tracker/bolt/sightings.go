package bolt

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"

	bbolt "go.etcd.io/bbolt"

	"github.com/tollproject/toll/tracker"
)

// MaxSightings caps the sightings kept for one report: a wire story
// carried by a few hundred outlets is plausible, ten thousand copies of
// one text is a loop re-adding a feed under changing names, and each
// sighting is listed by toll show.
const MaxSightings = 10000

// migrateSightings is the step from schema 1 to 2: the sightings bucket.
func migrateSightings(tx *bbolt.Tx) error {
	_, err := tx.CreateBucketIfNotExists(bucketSightings)
	return err
}

// sightingKey is the sightings bucket key of sighting n (from 1) of a
// report.
func sightingKey(reportID string, n int) []byte {
	return append([]byte(reportID), u32(n)...)
}

// sightingsOf returns a report's sightings in the order they were
// recorded, and the number the next one gets. A sighting that does not
// decode goes to skip (a *Damaged), which returns nil to go on without
// it.
func sightingsOf(tx *bbolt.Tx, reportID string, skip func(error) error) ([]tracker.Sighting, int, error) {
	var out []tracker.Sighting
	next := 1
	c := tx.Bucket(bucketSightings).Cursor()
	p := []byte(reportID)
	for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p) && len(k) == len(p)+4; k, v = c.Next() {
		n := int(binary.BigEndian.Uint32(k[len(p):]))
		next = max(next, n+1)
		var s tracker.Sighting
		if err := json.Unmarshal(v, &s); err != nil {
			d := &Damaged{Record: fmt.Sprintf("sighting %d of report %s", n, reportID), Problem: "does not decode: " + err.Error()}
			if err := skip(d); err != nil {
				return nil, 0, err
			}
			continue
		}
		out = append(out, s)
	}
	return out, next, nil
}

// putSighting stores s as sighting n of a report.
func putSighting(tx *bbolt.Tx, reportID string, n int, s tracker.Sighting) error {
	b, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("encode sighting %d of report %s: %w", n, reportID, err)
	}
	if err := tx.Bucket(bucketSightings).Put(sightingKey(reportID, n), b); err != nil {
		return fmt.Errorf("store sighting %d of report %s: %w", n, reportID, err)
	}
	return nil
}

// deleteSightings removes every sighting of a report.
func deleteSightings(tx *bbolt.Tx, reportID string) error {
	b := tx.Bucket(bucketSightings)
	c := b.Cursor()
	p := []byte(reportID)
	var keys [][]byte
	for k, _ := c.Seek(p); k != nil && bytes.HasPrefix(k, p) && len(k) == len(p)+4; k, _ = c.Next() {
		keys = append(keys, bytes.Clone(k))
	}
	for _, k := range keys {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// recordSighting records s as a new carrier of the stored report r unless
// the report itself or a sighting already recorded covers it (see
// tracker.Sighting.Covers). It returns whether it recorded one.
func recordSighting(tx *bbolt.Tx, r tracker.Report, s tracker.Sighting) (bool, error) {
	if s.Empty() || tracker.ReportSighting(r).Covers(s) {
		return false, nil
	}
	// A damaged sighting is no reason to refuse a new one; toll doctor
	// names it.
	known, next, err := sightingsOf(tx, r.ID, func(error) error { return nil })
	if err != nil {
		return false, err
	}
	for _, k := range known {
		if k.Covers(s) {
			return false, nil
		}
	}
	if len(known) >= MaxSightings {
		return false, fmt.Errorf("report %s: %w: it has %d sightings, the most toll keeps", r.ID, ErrTooManySightings, len(known))
	}
	return true, putSighting(tx, r.ID, next, s)
}

// Sightings returns the sightings of a report (id or unique prefix) in
// the order they were recorded: the outlets, dates and addresses that
// carried its text after the one it was first added from.
func (db *DB) Sightings(id string) ([]tracker.Sighting, error) {
	var out []tracker.Sighting
	err := db.view(func(tx *bbolt.Tx) error {
		full, err := resolveReport(tx, id)
		if err != nil {
			return err
		}
		out, _, err = sightingsOf(tx, full, db.skip)
		return err
	})
	return out, err
}
