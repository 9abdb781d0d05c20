package bolt

import (
	"fmt"
	"strings"
	"sync"

	bbolt "go.etcd.io/bbolt"

	"github.com/tollproject/toll/internal/par"
	"github.com/tollproject/toll/tracker"
)

// ReextractResult says what re-reading one report changed. Each list
// holds claim ids.
type ReextractResult struct {
	ReportID string
	// From and To are the extractor versions before and after.
	From, To string
	// Kept are claims the extractor reads as before.
	Kept []string
	// Changed are unreviewed claims the extractor now reads differently;
	// each got a new version (the old one stays in its history).
	Changed []string
	// Added are claims found for the first time, numbered after every
	// number the report ever used.
	Added []string
	// Removed are unreviewed claims the extractor no longer finds.
	Removed []string
	// Differs are reviewed claims the extractor now reads differently.
	// Their review stands and nothing was written; they are listed so that
	// a person can look again.
	Differs []Difference
	// Missing are reviewed claims the extractor no longer finds. They are
	// kept with their review.
	Missing []string
}

// Changes reports whether anything besides kept claims is in r.
func (r ReextractResult) Changes() bool {
	return len(r.Changed)+len(r.Added)+len(r.Removed)+len(r.Differs)+len(r.Missing) > 0
}

// Difference is a reviewed claim the extractor now reads otherwise.
type Difference struct {
	ID     string
	Status tracker.Status
	// Current is the reviewed claim as it stands; Extracted is how the
	// new extractor reads the same phrase.
	Current, Extracted tracker.Claim
}

// Reextract runs the extractor again on one report (id or unique prefix)
// and updates its claims in one transaction, keeping claim ids stable: a
// new claim takes the id of the stored claim of the same category whose
// span overlaps it most, else of one of the same category with the same
// interval. Reviewed claims keep their decision whatever the extractor
// now says.
func (db *DB) Reextract(id string) (ReextractResult, error) {
	var res ReextractResult
	err := db.update(func(tx *bbolt.Tx) error {
		full, err := resolveReport(tx, id)
		if err != nil {
			return err
		}
		res, err = db.reextractTx(tx, full, nil)
		return err
	})
	if err != nil {
		return ReextractResult{}, fmt.Errorf("reextract: %w", err)
	}
	return res, nil
}

// ReextractAll re-reads every report whose claims came from another
// extractor version (every report when force), in batches of batch
// reports per transaction (100 when batch < 1), and calls fn with each
// result once its batch is committed.
func (db *DB) ReextractAll(force bool, batch int, fn func(ReextractResult) error) error {
	if batch < 1 {
		batch = 100
	}
	ids, err := db.reextractIDs(force)
	if err != nil {
		return fmt.Errorf("reextract: %w", err)
	}
	// The extractor reads the next chunk on every core while the current
	// one is committed (see reextractChunks).
	chunks, stop := db.reextractChunks(ids, batch)
	defer stop()
	for ch := range chunks {
		if ch.err != nil {
			return fmt.Errorf("reextract: %w", ch.err)
		}
		results := make([]ReextractResult, 0, len(ch.ids))
		err := db.update(func(tx *bbolt.Tx) error {
			results = results[:0]
			for i, id := range ch.ids {
				r, err := db.reextractTx(tx, id, ch.pre[i])
				if err != nil {
					return err
				}
				results = append(results, r)
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("reextract: %w", err)
		}
		for _, r := range results {
			if err := fn(r); err != nil {
				return err
			}
		}
	}
	return nil
}

// ReextractCount is how many reports ReextractAll(force, …) would re-read
// now: for a progress bar, read in a transaction of its own.
func (db *DB) ReextractCount(force bool) (int, error) {
	ids, err := db.reextractIDs(force)
	if err != nil {
		return 0, fmt.Errorf("reextract: %w", err)
	}
	return len(ids), nil
}

// reextractIDs lists the reports read by another extractor version (all
// of them when force).
func (db *DB) reextractIDs(force bool) ([]string, error) {
	var ids []string
	err := db.view(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketReports).ForEach(func(k, _ []byte) error {
			r, _, err := getReport(tx, string(k))
			if err != nil {
				return err
			}
			if force || r.Extractor != db.extractor {
				ids = append(ids, r.ID)
			}
			return nil
		})
	})
	return ids, err
}

// reextractChunk is a chunk of reports read by the extractor ahead of
// its transaction: pre[i] is what it found in report ids[i] (nil when the
// report was gone, which reextractTx reports).
type reextractChunk struct {
	ids []string
	pre []*prepared
	err error
}

// reextractChunks extracts ids batch by batch on a goroutine of its own,
// each batch on every core, at most one batch ahead of the consumer, so
// that memory is bounded by three batches. stop ends it early.
func (db *DB) reextractChunks(ids []string, batch int) (<-chan reextractChunk, func()) {
	out := make(chan reextractChunk, 1)
	done := make(chan struct{})
	go func() {
		defer close(out)
		for len(ids) > 0 {
			chunk := ids[:min(batch, len(ids))]
			ids = ids[len(chunk):]
			ch := reextractChunk{ids: chunk, pre: make([]*prepared, len(chunk))}
			reports := make([]*tracker.Report, len(chunk))
			ch.err = db.view(func(tx *bbolt.Tx) error {
				for i, id := range chunk {
					r, ok, err := getReport(tx, id)
					if err != nil {
						return err
					}
					if ok {
						reports[i] = &r
					}
				}
				return nil
			})
			if ch.err == nil && db.extract != nil {
				par.Do(len(chunk), func(i int) {
					if reports[i] != nil {
						found, err := db.extractOne(*reports[i])
						ch.pre[i] = &prepared{report: *reports[i], found: found, err: err}
					}
				})
			}
			select {
			case out <- ch:
			case <-done:
				return
			}
			if ch.err != nil {
				return
			}
		}
	}()
	var once sync.Once
	return out, func() {
		once.Do(func() {
			close(done)
			for range out { // let the goroutine finish
			}
		})
	}
}

// storedEntry is a stored claim during matching.
type storedEntry struct {
	n         int
	rec       claimRecord
	extracted tracker.Claim // the last version the extractor wrote
	reviewed  bool
}

// reextractTx re-reads one report in tx, with what the extractor found in
// it ahead of the transaction (nil: it is extracted here).
func (db *DB) reextractTx(tx *bbolt.Tx, id string, pre *prepared) (ReextractResult, error) {
	r, ok, err := getReport(tx, id)
	if err != nil {
		return ReextractResult{}, err
	}
	if !ok {
		return ReextractResult{}, fmt.Errorf("report %s: %w", id, ErrNotFound)
	}
	res := ReextractResult{ReportID: id, From: r.Extractor, To: db.extractor}
	cache := db.newIxTx()
	if db.extract == nil {
		return ReextractResult{}, fmt.Errorf("report %s: %w", id, ErrNoExtractor)
	}
	if pre == nil {
		found, err := db.extractOne(r)
		pre = &prepared{found: found, err: err}
	}
	found, err := pre.found, pre.err
	if err != nil {
		return ReextractResult{}, fmt.Errorf("report %s: %w", id, err)
	}
	var old []storedEntry
	err = eachClaimOf(tx, id, strict, func(n int, rec claimRecord) error {
		old = append(old, storedEntry{n: n, rec: rec, extracted: lastExtracted(rec),
			reviewed: rec.Versions[len(rec.Versions)-1].Status != tracker.Unreviewed})
		return nil
	})
	if err != nil {
		return ReextractResult{}, err
	}
	pair := MatchClaims(extractedOf(old), found.Claims)
	// The claims the report would hold: every one found, and the reviewed
	// ones no longer found, which are kept.
	matched := make([]bool, len(old))
	for _, j := range pair {
		if j >= 0 {
			matched[j] = true
		}
	}
	holds := len(found.Claims)
	for j, e := range old {
		if e.reviewed && !matched[j] {
			holds++
		}
	}
	if holds > tracker.MaxClaims {
		return ReextractResult{}, fmt.Errorf("report %s: %w: it would hold %d, the most is %d", id, tracker.ErrTooManyClaims, holds, tracker.MaxClaims)
	}
	now := db.now().UTC()
	by := "extractor " + db.extractor
	used := make([]bool, len(old))
	next := nextClaimNumber(tx, id)
	for i, c := range found.Claims {
		j := pair[i]
		if j < 0 {
			if next > MaxClaimNumber {
				return ReextractResult{}, fmt.Errorf("report %s: claim numbers are used up (next %d is above %d)", id, next, MaxClaimNumber)
			}
			rec := claimRecord{Outlet: r.Source, Published: r.Published, Versions: []tracker.Version{
				{Claim: c, Status: tracker.Unreviewed, By: by, At: now},
			}}
			if err := putClaim(tx, cache, headOf(r), id, next, rec); err != nil {
				return ReextractResult{}, err
			}
			res.Added = append(res.Added, tracker.ClaimID(id, next))
			next++
			continue
		}
		used[j] = true
		e := old[j]
		cid := tracker.ClaimID(id, e.n)
		switch {
		case SameClaim(e.extracted, c):
			res.Kept = append(res.Kept, cid)
		case e.reviewed:
			last := e.rec.Versions[len(e.rec.Versions)-1]
			res.Differs = append(res.Differs, Difference{ID: cid, Status: last.Status, Current: last.Claim, Extracted: c})
		default:
			e.rec.Versions = append(e.rec.Versions, tracker.Version{
				Claim: c, Status: tracker.Unreviewed, By: by, At: now,
				Note: "re-extracted (was extractor " + r.Extractor + ")",
			})
			if err := putClaim(tx, cache, headOf(r), id, e.n, e.rec); err != nil {
				return ReextractResult{}, err
			}
			res.Changed = append(res.Changed, cid)
		}
	}
	for j, e := range old {
		if used[j] {
			continue
		}
		cid := tracker.ClaimID(id, e.n)
		if e.reviewed {
			res.Missing = append(res.Missing, cid)
			continue
		}
		if err := tx.Bucket(bucketClaims).Delete(claimKey(id, e.n)); err != nil {
			return ReextractResult{}, fmt.Errorf("delete claim %s: %w", cid, err)
		}
		if err := deleteIndex(tx, claimKey(id, e.n)); err != nil {
			return ReextractResult{}, fmt.Errorf("delete claim %s: %w", cid, err)
		}
		res.Removed = append(res.Removed, cid)
	}
	if err := tx.Bucket(bucketSeq).Put([]byte(id), u32(next)); err != nil {
		return ReextractResult{}, fmt.Errorf("report %s: %w", id, err)
	}
	if r.Extractor != db.extractor {
		r.Extractor = db.extractor
		if err := putReport(tx, r); err != nil {
			return ReextractResult{}, err
		}
	}
	return res, nil
}

// lastExtracted is the claim as the extractor last read it: the last
// version not written by a reviewer.
func lastExtracted(rec claimRecord) tracker.Claim {
	for i := len(rec.Versions) - 1; i >= 0; i-- {
		if strings.HasPrefix(rec.Versions[i].By, "extractor ") {
			return rec.Versions[i].Claim
		}
	}
	return rec.Versions[0].Claim
}

func extractedOf(es []storedEntry) []tracker.Claim {
	out := make([]tracker.Claim, len(es))
	for i, e := range es {
		out[i] = e.extracted
	}
	return out
}

// MatchClaims pairs newly extracted claims with stored ones: for each new
// claim in order, the unpaired stored claim of the same category whose
// span overlaps it most (the first on a tie); then, for new claims still
// unpaired, the first unpaired stored claim of the same category and the
// same interval. It returns, for each new claim, the index of its stored
// claim or -1.
func MatchClaims(stored, found []tracker.Claim) []int {
	pair := make([]int, len(found))
	taken := make([]bool, len(stored))
	for i, f := range found {
		pair[i] = -1
		best, bestOverlap := -1, 0
		for j, s := range stored {
			if taken[j] || s.Category != f.Category {
				continue
			}
			if ov := spanOverlap(s, f); ov > bestOverlap {
				best, bestOverlap = j, ov
			}
		}
		if best >= 0 {
			pair[i], taken[best] = best, true
		}
	}
	for i, f := range found {
		if pair[i] >= 0 {
			continue
		}
		for j, s := range stored {
			if !taken[j] && s.Category == f.Category && s.Interval.Equal(f.Interval) {
				pair[i], taken[j] = j, true
				break
			}
		}
	}
	return pair
}

// spanOverlap is the number of bytes two claims' spans share; an empty
// span at the same place as another counts as overlapping by one.
func spanOverlap(a, b tracker.Claim) int {
	if a.Start == a.End || b.Start == b.End {
		if a.Start == b.Start {
			return 1
		}
		return 0
	}
	lo, hi := max(a.Start, b.Start), min(a.End, b.End)
	return max(hi-lo, 0)
}
