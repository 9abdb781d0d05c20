package bolt

import (
	"fmt"
	"time"

	bbolt "go.etcd.io/bbolt"

	"github.com/tollproject/toll/internal/par"
	"github.com/tollproject/toll/tracker"
)

// Prepared is a batch of reports read by the extractor and encoded for
// the store, outside any transaction, waiting for CommitAdd. It holds the
// batch's texts and claims: memory is bounded by the batch.
type Prepared struct {
	reports []NewReport
	ids     []string
	// pre[i] is what was made of report i, nil when it was not prepared:
	// stored already when PrepareAdd looked, without a date, or a text
	// seen earlier in the batch.
	pre []*prepared
	// now[i] is the time report i is added or sighted at, zero when
	// PrepareAdd did not read the clock for it.
	now []time.Time
}

// PrepareAdd runs the extractor over the reports that are not stored yet
// and encodes their records, on every core (par.Workers goroutines) and
// outside any transaction, so that one batch is read while another is
// committed. Nothing is written; CommitAdd stores the batch. Add is
// PrepareAdd then CommitAdd. A report's added time is taken here.
func (db *DB) PrepareAdd(reports []NewReport) (*Prepared, error) {
	p := &Prepared{reports: reports, ids: make([]string, len(reports)), pre: make([]*prepared, len(reports)),
		now: make([]time.Time, len(reports))}
	todo := make([]int, 0, len(reports))
	var rs []tracker.Report
	err := db.view(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketReports)
		seen := make(map[string]bool, len(reports))
		for i, nr := range reports {
			id := tracker.ReportID(nr.Text)
			p.ids[i] = id
			// The clock is read here, in input order, once for each
			// report CommitAdd will store or record a sighting of, as
			// when reports were added one by one.
			switch {
			case seen[id] || b.Get([]byte(id)) != nil:
				p.now[i] = db.now().UTC()
			case !nr.Published.IsZero() && db.extract != nil:
				p.now[i] = db.now().UTC()
				r := db.newReport(id, nr)
				r.Added = p.now[i]
				todo = append(todo, i)
				rs = append(rs, r)
			}
			seen[id] = true
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("add reports to %s: %w", db.path, err)
	}
	par.Do(len(todo), func(k int) {
		p.pre[todo[k]] = db.prepareOne(rs[k])
	})
	return p, nil
}

// CommitAdd stores a prepared batch in one transaction, as Add does; a
// report stored since PrepareAdd looked is reported as Existing, one
// removed since is extracted now.
func (db *DB) CommitAdd(p *Prepared) ([]AddResult, error) {
	results := make([]AddResult, len(p.reports))
	err := db.update(func(tx *bbolt.Tx) error {
		cache := db.newIxTx()
		for i, nr := range p.reports {
			if pre := p.pre[i]; pre != nil && pre.fatal != nil {
				return pre.fatal
			}
			res, err := db.addTx(tx, cache, p.ids[i], nr, p.pre[i], p.now[i])
			if err != nil {
				return err
			}
			results[i] = res
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("add reports to %s: %w", db.path, err)
	}
	return results, nil
}

// prepared is one report made ready for its transaction: extracted and,
// unless the extractor failed on it, encoded.
type prepared struct {
	report tracker.Report
	found  tracker.Extraction
	// err is why the report cannot be added (the extractor failed on it,
	// too many claims); fatal is a failure to encode, which aborts the
	// batch as a storage error does.
	err, fatal  error
	reportValue []byte
	claimValues [][]byte
}

// prepareOne extracts and encodes one report whose Added time is set.
func (db *DB) prepareOne(r tracker.Report) *prepared {
	found, err := db.extractOne(r)
	pre := &prepared{report: r, found: found, err: err}
	if err != nil {
		return pre
	}
	if len(found.Claims) > tracker.MaxClaims {
		pre.err = fmt.Errorf("%w: %d, the most a report holds is %d", tracker.ErrTooManyClaims, len(found.Claims), tracker.MaxClaims)
		return pre
	}
	if pre.reportValue, pre.fatal = encodeReport(r); pre.fatal != nil {
		return pre
	}
	pre.claimValues = make([][]byte, len(found.Claims))
	by := "extractor " + db.extractor
	for i, c := range found.Claims {
		rec := claimRecord{Outlet: r.Source, Published: r.Published, Versions: []tracker.Version{
			{Claim: c, Status: tracker.Unreviewed, By: by, At: r.Added},
		}}
		if pre.claimValues[i], pre.fatal = encodeClaim(headOf(r), r.ID, i+1, rec); pre.fatal != nil {
			return pre
		}
	}
	return pre
}

// newReport is the report Add stores for nr, less the time it is added,
// which is set in the transaction: the extractor reads only its text,
// date, title and source.
func (db *DB) newReport(id string, nr NewReport) tracker.Report {
	return tracker.Report{
		ID: id, Source: nr.Source, URL: nr.URL, Title: nr.Title, Published: nr.Published,
		Text: nr.Text, Extractor: db.extractor,
	}
}

// extractOne runs the extractor over one report, turning a panic in it
// into an error for that report: the extractor is any function cmd hands
// the store, and on a worker goroutine a panic would end the process.
func (db *DB) extractOne(r tracker.Report) (found tracker.Extraction, err error) {
	defer func() {
		if rec := recover(); rec != nil {
			found, err = tracker.Extraction{}, fmt.Errorf("%w: extractor failed: %v", tracker.ErrInternal, rec)
		}
	}()
	return db.extract(r)
}
