package bolt

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	bbolt "go.etcd.io/bbolt"

	"github.com/tollproject/toll/tracker"
)

// ClaimFilter selects claims for EachClaim. Zero fields select everything.
type ClaimFilter struct {
	// Report is a report id or unique prefix.
	Report   string
	Category tracker.Category
	// Who matches the claim's group, case-insensitively, as a substring
	// ("israeli" matches "israelis").
	Who string
	// Source matches, case-insensitively as a substring, the claim's
	// attribution or the outlet of its report.
	Source string
	Status tracker.Status
	// Since and Until bound the claim's as-of date, both inclusive. A
	// claim with no as-of date is left out when either is set.
	Since, Until tracker.Date
}

func (f ClaimFilter) match(sc tracker.StoredClaim) bool {
	c := sc.Claim
	switch {
	case f.Category != "" && c.Category != f.Category:
		return false
	case f.Status != "" && sc.Status != f.Status:
		return false
	case f.Who != "" && !containsFold(c.Who, f.Who):
		return false
	case f.Source != "" && !containsFold(c.Attribution, f.Source) && !containsFold(sc.Outlet, f.Source):
		return false
	case (!f.Since.IsZero() || !f.Until.IsZero()) && c.AsOf.IsZero():
		return false
	case !f.Since.IsZero() && c.AsOf.Before(f.Since):
		return false
	case !f.Until.IsZero() && c.AsOf.After(f.Until):
		return false
	}
	return true
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// EachClaim calls fn for every claim the filter selects, ordered by the
// published date of its report, then report id, then claim number. It
// decodes one claim at a time inside one read transaction, so memory does
// not grow with the number of claims. An error from fn stops the walk and
// is returned as it is.
func (db *DB) EachClaim(f ClaimFilter, fn func(tracker.StoredClaim) error) error {
	return db.view(func(tx *bbolt.Tx) error {
		cd := newClaimDecoder(tx, false, newInterner())
		visit := func(id string) error {
			return eachClaimDecoded(tx, cd, id, db.skip, func(n int, rec claimRecord) error {
				sc := rec.stored(id, n)
				if !f.match(sc) {
					return nil
				}
				return fn(sc)
			})
		}
		if f.Report != "" {
			id, err := resolveReport(tx, f.Report)
			if err != nil {
				return err
			}
			return visit(id)
		}
		c := tx.Bucket(bucketByDate).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			id, err := indexReport(tx, k)
			if err != nil {
				if err := db.skip(err); err != nil {
					return err
				}
				continue
			}
			if err := visit(id); err != nil {
				return err
			}
		}
		return nil
	})
}

// CurrentClaims returns every claim in EachClaim's order with only what
// reconciling reads: its current version, and no history (Versions is
// nil). It is the fast way to read a whole database: each claim is built
// from its index record where that holds it (index.go), else decoded; the
// strings, counts and dates claims share are read once and shared, a
// report's claims share their sentences, and the slice is made once at
// its full size. Each bucket is walked once in key order
// (currentInOrder), unless the bydate bucket is damaged. ctx is checked
// between reports. With a text flags function (Options.TextFlags) every
// claim has its TextFlags: its record's, made when it was written, else
// made now.
func (db *DB) CurrentClaims(ctx context.Context) ([]tracker.StoredClaim, error) {
	var out []tracker.StoredClaim
	err := db.view(func(tx *bbolt.Tx) error {
		in := newInterner()
		var ir *indexReader
		if !db.noIndex {
			if ir = newIndexReader(tx, in); ir != nil {
				ir.textFlags = db.flagsKept
			}
		}
		var ok bool
		var err error
		if !db.bySeek {
			drop := newPageDropper(tx, db.dropEvery, db.dropped)
			if out, ok, err = currentInOrder(ctx, tx, ir, in, db.skip, drop); ok || err != nil {
				return err
			}
		}
		out = make([]tracker.StoredClaim, 0, tx.Bucket(bucketClaims).Stats().KeyN)
		cd := newClaimDecoder(tx, true, in)
		c := tx.Bucket(bucketByDate).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			id, err := indexReport(tx, k)
			if err != nil {
				if err := db.skip(err); err != nil {
					return err
				}
				continue
			}
			err = eachCurrentOf(tx, cd, ir, id, db.skip, func(sc tracker.StoredClaim) error {
				out = append(out, sc)
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if db.textFlags != nil {
		// (a claim decoded, or whose record's flags are not made or of
		// another version, gets them now: the same claims either way)
		for i := range out {
			if out[i].TextFlags == 0 {
				out[i].TextFlags = db.textFlags(&out[i].Claim)
			}
		}
	}
	return slices.Clip(out), nil
}

// Claims returns every claim of a report (id or unique prefix) in text
// order.
func (db *DB) Claims(reportID string) ([]tracker.StoredClaim, error) {
	var out []tracker.StoredClaim
	err := db.EachClaim(ClaimFilter{Report: reportID}, func(sc tracker.StoredClaim) error {
		out = append(out, sc)
		return nil
	})
	return out, err
}

// Claim returns one claim by id, "<report id or unique prefix>-<n>".
func (db *DB) Claim(id string) (tracker.StoredClaim, error) {
	var sc tracker.StoredClaim
	err := db.view(func(tx *bbolt.Tx) error {
		var err error
		sc, err = getClaim(tx, id)
		return err
	})
	return sc, err
}

// ParseClaimID splits "<report>-<n>" into its parts. The report part may
// be a prefix; it is not looked up. n is between 1 and MaxClaimNumber:
// any other number names no claim the store can hold.
func ParseClaimID(id string) (report string, n int, err error) {
	i := strings.LastIndexByte(id, '-')
	if i <= 0 {
		return "", 0, fmt.Errorf("claim %q: %w (want REPORT-N, e.g. 3f2a9c1b7d04-2)", id, ErrNotFound)
	}
	n, err = strconv.Atoi(id[i+1:])
	switch {
	case err != nil && errors.Is(err, strconv.ErrRange), err == nil && n > MaxClaimNumber:
		return "", 0, fmt.Errorf("claim %q: %w (claim numbers go from 1 to %d)", id, ErrNotFound, MaxClaimNumber)
	case err != nil || n < 1:
		return "", 0, fmt.Errorf("claim %q: %w (the part after - must be a claim number)", id, ErrNotFound)
	}
	return id[:i], n, nil
}

func getClaim(tx *bbolt.Tx, id string) (tracker.StoredClaim, error) {
	prefix, n, err := ParseClaimID(id)
	if err != nil {
		return tracker.StoredClaim{}, err
	}
	rid, err := resolveReport(tx, prefix)
	if err != nil {
		return tracker.StoredClaim{}, fmt.Errorf("claim %s: %w", id, err)
	}
	v := tx.Bucket(bucketClaims).Get(claimKey(rid, n))
	if v == nil {
		return tracker.StoredClaim{}, fmt.Errorf("claim %s: %w (report %s has no claim %d)", id, ErrNotFound, rid, n)
	}
	rec, err := decodeClaim(tx, rid, n, v)
	if err != nil {
		return tracker.StoredClaim{}, err
	}
	return rec.stored(rid, n), nil
}

// Review appends a reviewer's version to a claim: accepted or rejected
// (v.Claim is ignored and the current claim kept), corrected (v.Claim is
// the corrected claim, which must validate and differ from the current
// one), or unreviewed, a reset that undoes the reviews (v.Claim is ignored
// and the claim goes back to the extractor's latest reading, the last
// unreviewed version; a claim not reviewed is an ErrBadReview). Earlier
// versions are never changed. v.At defaults to now.
func (db *DB) Review(id string, v tracker.Version) (tracker.StoredClaim, error) {
	var out tracker.StoredClaim
	err := db.update(func(tx *bbolt.Tx) error {
		sc, err := getClaim(tx, id)
		if err != nil {
			return err
		}
		switch v.Status {
		case tracker.Accepted, tracker.Rejected:
			v.Claim = sc.Claim
		case tracker.Corrected:
			if err := v.Claim.Validate(); err != nil {
				return fmt.Errorf("claim %s: correction: %w", sc.ID, err)
			}
			if SameClaim(v.Claim, sc.Claim) {
				return fmt.Errorf("claim %s: %w: the correction changes nothing", sc.ID, ErrBadReview)
			}
		case tracker.Unreviewed:
			if sc.Status == tracker.Unreviewed {
				return fmt.Errorf("claim %s: %w: it is not reviewed, there is nothing to reset", sc.ID, ErrBadReview)
			}
			for i := len(sc.Versions) - 1; i >= 0; i-- {
				if sc.Versions[i].Status == tracker.Unreviewed {
					v.Claim = sc.Versions[i].Claim
					break
				}
			}
			if err := v.Claim.Validate(); err != nil {
				// every history starts with the extracted claim; one
				// that does not was not written by toll
				return fmt.Errorf("claim %s: reset: no extracted version to go back to: %w", sc.ID, err)
			}
		default:
			return fmt.Errorf("claim %s: %w: status %q (want accepted, rejected, corrected or unreviewed)", sc.ID, ErrBadReview, v.Status)
		}
		if strings.TrimSpace(v.By) == "" {
			return fmt.Errorf("claim %s: %w: no reviewer name", sc.ID, ErrBadReview)
		}
		if v.At.IsZero() {
			v.At = db.now().UTC()
		}
		rid, n, _ := ParseClaimID(sc.ID)
		r, ok, err := getReport(tx, rid)
		if err != nil {
			return fmt.Errorf("claim %s: %w", sc.ID, err)
		} else if !ok {
			return fmt.Errorf("claim %s: report %s: %w", sc.ID, rid, ErrNotFound)
		}
		rec := claimRecord{Outlet: sc.Outlet, Published: sc.Published, Versions: append(sc.Versions, v)}
		if err := putClaim(tx, db.newIxTx(), headOf(r), rid, n, rec); err != nil {
			return err
		}
		out = rec.stored(rid, n)
		return nil
	})
	if err != nil {
		return tracker.StoredClaim{}, fmt.Errorf("review: %w", err)
	}
	return out, nil
}

// SameClaim reports whether two claims say the same thing in every field,
// comparing numbers by value (2 and 2.0 are the same count).
func SameClaim(a, b tracker.Claim) bool {
	return a.Category == b.Category && a.Interval.Equal(b.Interval) && a.Qualifier == b.Qualifier &&
		a.Vague == b.Vague && a.Who == b.Who && a.Where == b.Where && a.Attribution == b.Attribution &&
		a.AsOf.Compare(b.AsOf) == 0 && a.Scope == b.Scope && a.Since == b.Since && a.From == b.From && a.To == b.To &&
		a.Prior == b.Prior && a.Revised == b.Revised && a.Start == b.Start && a.End == b.End &&
		a.Span == b.Span && a.Sentence == b.Sentence
}
