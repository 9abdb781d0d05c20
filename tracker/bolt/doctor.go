package bolt

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"

	bbolt "go.etcd.io/bbolt"

	"github.com/tollproject/toll/tracker"
)

// Health is what Doctor found in a database.
type Health struct {
	// Pages are problems in the file's pages (ids, kinds, overflow,
	// element bounds, key order, pages reached twice or below themselves,
	// the freelist), found by reading every page of every bucket without
	// the memory map.
	Pages []string
	// Check are the problems bbolt's own consistency check (Tx.Check)
	// reports. It runs only when the page walk found nothing: it reads
	// through the memory map on a goroutine of its own, where a page id
	// past the end of the file would be a fault no recover sees.
	Check []string
	// CheckRun says whether bbolt's check ran.
	CheckRun bool
	// Records are the damaged records, in key order by bucket.
	Records []Damaged
	// Reports, Claims and Acks count the records that read back whole.
	Reports, Claims, Acks int
}

// OK reports whether Doctor found nothing wrong.
func (h Health) OK() bool {
	return len(h.Pages) == 0 && len(h.Check) == 0 && len(h.Records) == 0
}

// Doctor checks the whole database in one read transaction: the page
// structure (see Health.Pages), bbolt's Tx.Check, and every record:
// reports and claims that do not decode, claims with no versions or of no
// stored report, index entries that name no report or the wrong date,
// reports missing from the index, acks that do not decode. It changes
// nothing. Export with Options.Damaged set saves everything readable.
func (db *DB) Doctor() (Health, error) {
	h, err := CheckFile(db.path)
	if err != nil {
		return h, fmt.Errorf("doctor: %w", err)
	}
	err = db.view(func(tx *bbolt.Tx) error {
		if len(h.Pages) == 0 {
			h.CheckRun = true
			for err := range tx.Check() {
				h.Check = append(h.Check, err.Error())
			}
		}
		h.Records = records(tx, &h)
		return nil
	})
	if err != nil {
		return h, fmt.Errorf("doctor: %w", err)
	}
	return h, nil
}

// CheckFile is the part of Doctor that reads the file's pages only (see
// Health.Pages), never through bbolt: it works on a file Open refuses as
// damaged (ErrCorrupt), to say what is wrong with it. It fills Pages
// alone.
func CheckFile(path string) (Health, error) {
	var h Health
	fh, err := os.Open(path)
	if err != nil {
		return h, fmt.Errorf("check %s: %w", path, err)
	}
	defer fh.Close()
	fi, err := fh.Stat()
	if err != nil {
		return h, fmt.Errorf("check %s: %w", path, err)
	}
	pf, err := openPages(fh, fi.Size())
	if err != nil {
		h.Pages = append(h.Pages, err.Error())
		return h, nil
	}
	if err := pf.checkMeta(); err != nil {
		h.Pages = append(h.Pages, err.Error())
		return h, nil
	}
	// bbolt reads the meta page it does not use only in Tx.Check, which
	// asserts (panics, on its own goroutine) that both name themselves
	h.Pages = append(h.Pages, pf.metaHeaders()...)
	for _, d := range pf.walk(nil) {
		h.Pages = append(h.Pages, d.Error())
	}
	return h, nil
}

// records reads every record of the toll buckets and returns the damaged
// ones, counting the sound ones in h.
func records(tx *bbolt.Tx, h *Health) []Damaged {
	var out []Damaged
	bad := func(err error) {
		if d, ok := err.(*Damaged); ok {
			out = append(out, *d)
		} else {
			out = append(out, Damaged{Record: "record", Problem: err.Error()})
		}
	}
	reports, index := tx.Bucket(bucketReports), tx.Bucket(bucketByDate)
	reports.ForEach(func(k, _ []byte) error {
		r, _, err := getReport(tx, string(k))
		switch {
		case err != nil:
			bad(err)
		case r.ID != string(k):
			bad(&Damaged{Record: "report " + string(k), Problem: "holds the report " + r.ID})
		case index.Get(dateKey(r)) == nil:
			bad(&Damaged{Record: "report " + string(k), Problem: "is missing from the date index (listings do not show it)"})
		default:
			h.Reports++
		}
		return nil
	})
	index.ForEach(func(k, _ []byte) error {
		id, err := indexReport(tx, k)
		if err != nil {
			bad(err)
			return nil
		}
		if r, _, err := getReport(tx, id); err == nil && !bytes.Equal(dateKey(r), k) {
			bad(&Damaged{Record: fmt.Sprintf("index entry %q", k), Problem: "does not match the date of report " + id + ", " + r.Published.String()})
		}
		return nil
	})
	tx.Bucket(bucketClaims).ForEach(func(k, v []byte) error {
		id, n := splitClaimKey(k)
		switch {
		case id == "" || n < 1:
			bad(&Damaged{Record: fmt.Sprintf("claim key %q", k), Problem: "is not a report id and a claim number"})
		case reports.Get([]byte(id)) == nil:
			bad(&Damaged{Record: "claim " + tracker.ClaimID(id, n), Problem: "belongs to no stored report"})
		default:
			if _, err := decodeClaim(tx, id, n, v); err != nil {
				bad(err)
			} else {
				h.Claims++
			}
		}
		return nil
	})
	tx.Bucket(bucketSightings).ForEach(func(k, v []byte) error {
		id, n := splitClaimKey(k)
		var s tracker.Sighting
		switch {
		case id == "" || n < 1:
			bad(&Damaged{Record: fmt.Sprintf("sighting key %q", k), Problem: "is not a report id and a sighting number"})
		case reports.Get([]byte(id)) == nil:
			bad(&Damaged{Record: fmt.Sprintf("sighting %d of report %s", n, id), Problem: "belongs to no stored report"})
		case json.Unmarshal(v, &s) != nil:
			bad(&Damaged{Record: fmt.Sprintf("sighting %d of report %s", n, id), Problem: "does not decode"})
		}
		return nil
	})
	tx.Bucket(bucketAcks).ForEach(func(k, v []byte) error {
		if _, err := decodeAck(k, v); err != nil {
			bad(err)
		} else {
			h.Acks++
		}
		return nil
	})
	return out
}

// metaHeaders checks the headers of both meta pages (bbolt picks the
// sound one of the two; Tx.Check reads both): each names itself and is a
// meta page.
func (f *pageFile) metaHeaders() []string {
	var out []string
	for id := uint64(0); id < 2; id++ {
		var b [pageHeaderSize]byte
		if err := f.readAt(b[:], int64(id)*f.pageSize); err != nil {
			out = append(out, damage{id, "meta page past the end of the file"}.Error())
			continue
		}
		le := binary.LittleEndian
		if got, flags := le.Uint64(b[0:]), le.Uint16(b[8:]); got != id || flags != pageMeta {
			out = append(out, damage{id, fmt.Sprintf("meta page names itself page %d of kind %#x (bbolt reads the other)", got, flags)}.Error())
		}
	}
	return out
}
