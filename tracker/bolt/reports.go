package bolt

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"time"

	bbolt "go.etcd.io/bbolt"

	"github.com/tollproject/toll/tracker"
)

// NewReport is a report to add: its text and what is known of where it
// came from. The id, added time and extractor version are filled in by Add.
type NewReport struct {
	Source    string
	URL       string
	Title     string
	Published tracker.Date
	Text      string
}

// AddResult says what Add did with one report.
type AddResult struct {
	// Report is the stored report: the new one, or the one already there.
	Report tracker.Report
	// Claims is the number of claims stored for the report.
	Claims int
	// Existing is true when the text was stored already: its claims are
	// unchanged.
	Existing bool
	// Sighting is set when the text was stored already and this copy came
	// from another outlet, date or address: it was recorded as a sighting
	// of the report (see tracker.Sighting). Nil when nothing was recorded.
	Sighting *tracker.Sighting
	// Refused are the figures of a new report the extractor would not
	// read (tracker.Diagnostic.Refused), for the user to look at.
	Refused []tracker.Diagnostic
	// Err is why this report was not added (no date, unusable text). The
	// other reports of the batch are not affected by it.
	Err error
}

// claimRecord is a claim's value in the claims bucket. Its id and report
// are the key; the current claim and status are the last version.
type claimRecord struct {
	Outlet    string            `json:"outlet"`
	Published tracker.Date      `json:"published"`
	Versions  []tracker.Version `json:"versions"`
}

func (r claimRecord) stored(reportID string, n int) tracker.StoredClaim {
	last := r.Versions[len(r.Versions)-1]
	return tracker.StoredClaim{
		ID: tracker.ClaimID(reportID, n), ReportID: reportID,
		Outlet: r.Outlet, Published: r.Published,
		Claim: last.Claim, Status: last.Status, Versions: r.Versions,
	}
}

// Add stores each report that is not stored yet, with the claims the
// extractor finds in it, in one transaction: the whole batch is committed
// or, on a storage error, none of it. A report whose text is already
// stored (same tracker.ReportID) keeps its claims; if this copy names
// another outlet, date or address than the report and its sightings, the
// copy is recorded as a new sighting (AddResult.Sighting). Problems with one
// report (no date, unusable text) are reported in its AddResult.Err and
// do not stop the others. The extractor reads the batch on every core
// before the transaction starts (PrepareAdd, then CommitAdd).
func (db *DB) Add(reports []NewReport) ([]AddResult, error) {
	p, err := db.PrepareAdd(reports)
	if err != nil {
		return nil, err
	}
	return db.CommitAdd(p)
}

// addTx adds one report, with what PrepareAdd made of it (nil: it is
// extracted and encoded here) and the time PrepareAdd read for it (zero:
// the clock is read here). Its error is a storage failure that must
// abort the transaction; problems with the report itself go in
// AddResult.Err. cache is the transaction's (see ixTx).
func (db *DB) addTx(tx *bbolt.Tx, cache *ixTx, id string, nr NewReport, pre *prepared, now time.Time) (AddResult, error) {
	clock := func() time.Time {
		if now.IsZero() {
			now = db.now().UTC()
		}
		return now
	}
	if old, ok, err := getReport(tx, id); err != nil {
		return AddResult{}, err
	} else if ok {
		res := AddResult{Report: old, Claims: countClaims(tx, id), Existing: true}
		s := tracker.Sighting{Source: strings.TrimSpace(nr.Source), URL: strings.TrimSpace(nr.URL), Published: nr.Published, Added: clock()}
		recorded, err := recordSighting(tx, old, s)
		switch {
		case errors.Is(err, ErrTooManySightings):
			res.Err = err
		case err != nil:
			return AddResult{}, err
		case recorded:
			res.Sighting = &s
		}
		return res, nil
	}
	if nr.Published.IsZero() {
		return AddResult{Err: fmt.Errorf("report %s: %w", id, ErrNoDate)}, nil
	}
	if db.extract == nil {
		return AddResult{}, fmt.Errorf("report %s: %w", id, ErrNoExtractor)
	}
	if pre == nil {
		r := db.newReport(id, nr)
		r.Added = clock()
		pre = db.prepareOne(r)
	}
	if pre.err != nil {
		return AddResult{Err: fmt.Errorf("report %s: %w", id, pre.err)}, nil
	}
	r := pre.report
	if err := putReportValue(tx, r, pre.reportValue); err != nil {
		return AddResult{}, err
	}
	by := "extractor " + db.extractor
	for i, v := range pre.claimValues {
		if err := putClaimValue(tx, id, i+1, v); err != nil {
			return AddResult{}, err
		}
		rec := claimRecord{Outlet: r.Source, Published: r.Published, Versions: []tracker.Version{
			{Claim: pre.found.Claims[i], Status: tracker.Unreviewed, By: by, At: r.Added}}}
		if err := putIndex(tx, cache, r.Text, id, i+1, rec, v); err != nil {
			return AddResult{}, err
		}
	}
	if err := tx.Bucket(bucketSeq).Put([]byte(id), u32(len(pre.claimValues)+1)); err != nil {
		return AddResult{}, err
	}
	var refused []tracker.Diagnostic
	for _, d := range pre.found.Diagnostics {
		if d.Refused {
			refused = append(refused, d)
		}
	}
	return AddResult{Report: r, Claims: len(pre.claimValues), Refused: refused}, nil
}

// Has reports whether a report with exactly this id is stored.
func (db *DB) Has(id string) (bool, error) {
	var ok bool
	err := db.view(func(tx *bbolt.Tx) error {
		ok = tx.Bucket(bucketReports).Get([]byte(id)) != nil
		return nil
	})
	return ok, err
}

// Report returns the report whose id is id or starts with it.
func (db *DB) Report(id string) (tracker.Report, error) {
	var r tracker.Report
	err := db.view(func(tx *bbolt.Tx) error {
		full, err := resolveReport(tx, id)
		if err != nil {
			return err
		}
		r, _, err = getReport(tx, full)
		return err
	})
	return r, err
}

// ResolveReport returns the full id of the one report whose id starts with
// prefix (case-insensitive), ErrNotFound or ErrAmbiguous.
func (db *DB) ResolveReport(prefix string) (string, error) {
	var full string
	err := db.view(func(tx *bbolt.Tx) error {
		var err error
		full, err = resolveReport(tx, prefix)
		return err
	})
	return full, err
}

// resolveReport finds the one report id starting with prefix, like git
// does with commit ids.
func resolveReport(tx *bbolt.Tx, prefix string) (string, error) {
	p := strings.ToLower(strings.TrimSpace(prefix))
	if p == "" || strings.Trim(p, "0123456789abcdef") != "" {
		return "", fmt.Errorf("report %q: %w (report ids are hex digits)", prefix, ErrNotFound)
	}
	c := tx.Bucket(bucketReports).Cursor()
	var found []string
	for k, _ := c.Seek([]byte(p)); k != nil && bytes.HasPrefix(k, []byte(p)) && len(found) < 4; k, _ = c.Next() {
		found = append(found, string(k))
	}
	switch len(found) {
	case 0:
		return "", fmt.Errorf("report %s: %w", prefix, ErrNotFound)
	case 1:
		return found[0], nil
	}
	more := ""
	if len(found) > 3 {
		found, more = found[:3], ", ..."
	}
	return "", fmt.Errorf("report %s: %w: it starts %s%s", prefix, ErrAmbiguous, strings.Join(found, ", "), more)
}

// ReportSummary is a report as listed: the report, how many claims it
// has, and its sightings (the other outlets, dates and addresses that
// carried its text) in the order they were recorded.
type ReportSummary struct {
	Report    tracker.Report
	Claims    int
	Sightings []tracker.Sighting
}

// EachReport calls fn for every report in order of published date, then
// id, decoding one at a time in a single read transaction. An error from
// fn stops the walk and is returned as it is.
func (db *DB) EachReport(fn func(ReportSummary) error) error {
	return db.view(func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketByDate).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			id, err := indexReport(tx, k)
			if err != nil {
				if err := db.skip(err); err != nil {
					return err
				}
				continue
			}
			r, _, err := getReport(tx, id)
			if err != nil {
				if err := db.skip(err); err != nil {
					return err
				}
				continue
			}
			sights, _, err := sightingsOf(tx, id, db.skip)
			if err != nil {
				return err
			}
			if err := fn(ReportSummary{Report: r, Claims: countClaims(tx, id), Sightings: sights}); err != nil {
				return err
			}
		}
		return nil
	})
}

// dateKeyWidth is the width of the date part of a bydate key.
const dateKeyWidth = len("2006-01-02T00:00:00Z")

// indexReport returns the id of the report a bydate key names, or a
// Damaged index entry: too short to hold an id, or naming a report that
// is not stored.
func indexReport(tx *bbolt.Tx, k []byte) (string, error) {
	if len(k) <= dateKeyWidth {
		return "", &Damaged{Record: fmt.Sprintf("index entry %q", k), Problem: "holds no report id"}
	}
	id := string(k[dateKeyWidth:])
	if tx.Bucket(bucketReports).Get([]byte(id)) == nil {
		return "", &Damaged{Record: fmt.Sprintf("index entry %q", k), Problem: "names report " + id + ", which is not stored"}
	}
	return id, nil
}

// Removed says what Remove took out.
type Removed struct {
	Report   tracker.Report
	Claims   int
	Reviewed int
}

// Remove deletes a report (id or unique prefix) and all its claims in one
// transaction.
func (db *DB) Remove(id string) (Removed, error) {
	var out Removed
	err := db.update(func(tx *bbolt.Tx) error {
		full, err := resolveReport(tx, id)
		if err != nil {
			return err
		}
		// Removing is how a damaged report or claim is got rid of, so
		// damage does not stop it: a report that does not decode is
		// removed by its keys, a damaged claim with the others.
		r, _, err := getReport(tx, full)
		if err != nil && !errors.Is(err, ErrCorrupt) {
			return err
		}
		r.ID = full
		out.Report = r
		var keys [][]byte
		cb := tx.Bucket(bucketClaims)
		c := cb.Cursor()
		p := []byte(full)
		for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p) && len(k) == len(p)+4; k, v = c.Next() {
			keys = append(keys, bytes.Clone(k))
			out.Claims++
			rec, err := decodeClaim(tx, full, int(binary.BigEndian.Uint32(k[len(p):])), v)
			if err == nil && rec.Versions[len(rec.Versions)-1].Status != tracker.Unreviewed {
				out.Reviewed++
			}
		}
		for _, k := range keys {
			if err := cb.Delete(k); err != nil {
				return err
			}
		}
		if err := deleteIndexOf(tx, full); err != nil {
			return err
		}
		if err := tx.Bucket(bucketSeq).Delete([]byte(full)); err != nil {
			return err
		}
		if err := deleteSightings(tx, full); err != nil {
			return err
		}
		// every index entry of the report: a damaged report's date is not
		// known, so they are found by id
		var stale [][]byte
		ic := tx.Bucket(bucketByDate).Cursor()
		for k, _ := ic.First(); k != nil; k, _ = ic.Next() {
			if len(k) > dateKeyWidth && string(k[dateKeyWidth:]) == full {
				stale = append(stale, bytes.Clone(k))
			}
		}
		for _, k := range stale {
			if err := tx.Bucket(bucketByDate).Delete(k); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketReports).Delete([]byte(full))
	})
	if err != nil {
		return Removed{}, fmt.Errorf("remove: %w", err)
	}
	return out, nil
}

func getReport(tx *bbolt.Tx, id string) (tracker.Report, bool, error) {
	v := tx.Bucket(bucketReports).Get([]byte(id))
	if v == nil {
		return tracker.Report{}, false, nil
	}
	r, err := decodeReport(id, v)
	if err != nil {
		return tracker.Report{}, false, err
	}
	return r, true, nil
}

func putReport(tx *bbolt.Tx, r tracker.Report) error {
	b, err := encodeReport(r)
	if err != nil {
		return err
	}
	return putReportValue(tx, r, b)
}

// putReportValue stores an encoded report and indexes it by date.
func putReportValue(tx *bbolt.Tx, r tracker.Report, b []byte) error {
	if err := tx.Bucket(bucketReports).Put([]byte(r.ID), b); err != nil {
		return fmt.Errorf("store report %s: %w", r.ID, err)
	}
	if err := tx.Bucket(bucketByDate).Put(dateKey(r), nil); err != nil {
		return fmt.Errorf("index report %s: %w", r.ID, err)
	}
	return nil
}

// putClaim stores a claim record of the report whose outlet, date and
// text head holds, with its index record; cache is the transaction's
// (see ixTx) or nil.
func putClaim(tx *bbolt.Tx, cache *ixTx, head reportHead, reportID string, n int, rec claimRecord) error {
	b, err := encodeClaim(head, reportID, n, rec)
	if err != nil {
		return err
	}
	if err := putClaimValue(tx, reportID, n, b); err != nil {
		return err
	}
	return putIndex(tx, cache, head.text, reportID, n, rec, b)
}

// putClaimValue stores an encoded claim record; the caller stores its
// index record (putIndex) in the same transaction.
func putClaimValue(tx *bbolt.Tx, reportID string, n int, b []byte) error {
	if err := tx.Bucket(bucketClaims).Put(claimKey(reportID, n), b); err != nil {
		return fmt.Errorf("store claim %s: %w", tracker.ClaimID(reportID, n), err)
	}
	return nil
}

// newClaimDecoder decodes claims of tx's reports; current and in as in
// claimDecoder.
func newClaimDecoder(tx *bbolt.Tx, current bool, in *interner) *claimDecoder {
	b := tx.Bucket(bucketReports)
	return &claimDecoder{report: func(id string) []byte { return b.Get([]byte(id)) }, current: current, in: in}
}

// decodeClaim decodes one claim value of tx.
func decodeClaim(tx *bbolt.Tx, reportID string, n int, v []byte) (claimRecord, error) {
	return newClaimDecoder(tx, false, nil).decode(reportID, n, v)
}

// eachClaimOf calls fn for every claim of a report in order of n. A
// claim that does not decode goes to skip, which returns nil to go on.
func eachClaimOf(tx *bbolt.Tx, reportID string, skip func(error) error, fn func(n int, rec claimRecord) error) error {
	return eachClaimDecoded(tx, newClaimDecoder(tx, false, nil), reportID, skip, fn)
}

// eachClaimDecoded is eachClaimOf with the decoder given.
func eachClaimDecoded(tx *bbolt.Tx, cd *claimDecoder, reportID string, skip func(error) error, fn func(n int, rec claimRecord) error) error {
	c := tx.Bucket(bucketClaims).Cursor()
	p := []byte(reportID)
	for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p) && len(k) == len(p)+4; k, v = c.Next() {
		n := int(binary.BigEndian.Uint32(k[len(p):]))
		rec, err := cd.decode(reportID, n, v)
		if err != nil {
			if err := skip(err); err != nil {
				return err
			}
			continue
		}
		if err := fn(n, rec); err != nil {
			return err
		}
	}
	return nil
}

func countClaims(tx *bbolt.Tx, reportID string) int {
	c := tx.Bucket(bucketClaims).Cursor()
	p := []byte(reportID)
	n := 0
	for k, _ := c.Seek(p); k != nil && bytes.HasPrefix(k, p) && len(k) == len(p)+4; k, _ = c.Next() {
		n++
	}
	return n
}

func nextClaimNumber(tx *bbolt.Tx, reportID string) int {
	v := tx.Bucket(bucketSeq).Get([]byte(reportID))
	if len(v) != 4 {
		return 1
	}
	return int(binary.BigEndian.Uint32(v))
}
