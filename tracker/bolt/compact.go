package bolt

import (
	"bytes"
	"fmt"

	bbolt "go.etcd.io/bbolt"
)

// The migration to schema 4 rewrites every report and claim in the compact
// encoding (codec.go). A database can hold a million claims, too many to
// rewrite in the one transaction of Open without holding them all in
// memory, so the migration is resumable: the step in Open's transaction
// sets the schema to 4 (an older toll then refuses the file rather than
// misreading it) and puts keyCompact in meta; Open then converts the
// reports in id order, compactBatch of them (with their claims) a
// transaction, each transaction recording the last report it converted
// in keyCompact, and the last one deleting it. A process killed between
// two transactions leaves a database that reads whole, since every
// reader takes either encoding (a report and its claims are always
// converted in the same transaction), and that the next writing open
// goes on converting from where it stopped.

// keyCompact is in meta while the migration to schema 4 is converting
// records: its value is the id of the last report converted, empty before
// the first.
var keyCompact = []byte("compacting")

// compactBatch is how many reports one transaction of the migration
// converts.
const compactBatch = 2000

// migrateCompact is the step of Open's transaction from schema 3 to 4: it
// only marks the records to convert (see compactStored).
func migrateCompact(tx *bbolt.Tx) error {
	return tx.Bucket(bucketMeta).Put(keyCompact, []byte{})
}

// compactStored converts the records the migration to schema 4 has not
// converted yet, batch reports a transaction (compactBatch when batch is
// zero). after, when set, is called after each transaction but the last
// with the number committed so far; an error from it stops the migration
// there (tests use it to stop one part-way).
func (db *DB) compactStored(batch int, after func(done int) error) error {
	if batch <= 0 {
		batch = compactBatch
	}
	return db.migrateReports(keyCompact, batch, "migrate schema 3 to 4", after, func(tx *bbolt.Tx, id string) error {
		return compactReport(tx, id)
	})
}

// migrateReports runs a resumable migration over the reports, batch a
// transaction in id order: the meta key holds the last report done (""
// at the start), each transaction moves it on and the last deletes it, so
// a process killed part-way resumes where the last commit left off and a
// finished migration is a missing key. step migrates one report inside
// the transaction; after, when set, is called after each transaction but
// the last with the number committed so far, and an error from it stops
// the migration there (tests use it to stop one part-way). what names the
// migration in errors.
func (db *DB) migrateReports(key []byte, batch int, what string, after func(done int) error, step func(tx *bbolt.Tx, id string) error) error {
	for done := 1; ; done++ {
		finished := false
		err := db.update(func(tx *bbolt.Tx) error {
			pack(tx)
			meta := tx.Bucket(bucketMeta)
			last := meta.Get(key)
			if last == nil {
				finished = true
				return nil
			}
			var ids []string
			c := tx.Bucket(bucketReports).Cursor()
			k, _ := c.Seek(last)
			if k != nil && len(last) > 0 && bytes.Equal(k, last) {
				k, _ = c.Next()
			}
			for ; k != nil && len(ids) < batch; k, _ = c.Next() {
				ids = append(ids, string(k))
			}
			for _, id := range ids {
				if err := step(tx, id); err != nil {
					return err
				}
			}
			if len(ids) < batch {
				finished = true
				return meta.Delete(key)
			}
			return meta.Put(key, []byte(ids[len(ids)-1]))
		})
		if err != nil {
			return fmt.Errorf("database %s: %s: %w", db.path, what, err)
		}
		if finished {
			return nil
		}
		if after != nil {
			if err := after(done); err != nil {
				return fmt.Errorf("database %s: %s: %w", db.path, what, err)
			}
		}
	}
}

// compactReport rewrites a report and its claims in the compact encoding.
// Records that do not decode are left as they are, for Doctor and the
// listings to name, as they did before.
func compactReport(tx *bbolt.Tx, id string) error {
	v := tx.Bucket(bucketReports).Get([]byte(id))
	if v == nil {
		return nil
	}
	r, err := decodeReport(id, v)
	if err != nil {
		return nil
	}
	if v[0] != formatCompact {
		if err := putReport(tx, r); err != nil {
			return err
		}
	}
	type pending struct {
		n   int
		rec claimRecord
	}
	var todo []pending
	c := tx.Bucket(bucketClaims).Cursor()
	p := []byte(id)
	for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p) && len(k) == len(p)+4; k, v = c.Next() {
		if len(v) > 0 && v[0] == formatCompact {
			continue
		}
		_, n := splitClaimKey(k)
		rec, err := decodeClaim(tx, id, n, v)
		if err != nil {
			continue
		}
		todo = append(todo, pending{n, rec})
	}
	for _, t := range todo {
		if err := putClaim(tx, nil, headOf(r), id, t.n, t.rec); err != nil {
			return err
		}
	}
	return nil
}

// packFill is how full bbolt fills the pages of the buckets that Import
// and the migration write in key order, in bulk: at bbolt's default, one
// half, an import's claims took 343 bytes of pages for about 165 of
// record. Add is left at one half: its reports come in no order of id,
// and at 0.9 the pages it splits again and again came out emptier still
// (a claim took 310 bytes of pages, not 259).
const packFill = 0.9

// pack sets packFill on the buckets of tx that Import and the migration
// write in key order: claims, reports, their two indexes and the claim
// index.
func pack(tx *bbolt.Tx) {
	for _, name := range [][]byte{bucketClaims, bucketReports, bucketSeq, bucketByDate, bucketIndex} {
		if b := tx.Bucket(name); b != nil {
			b.FillPercent = packFill
		}
	}
}
