package bolt

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/tollproject/toll/tracker"
)

// Conflict is something an import with merging found on both sides and
// settled one way: ID names the report, claim, ack or decision, Message
// says what differed and what was kept.
type Conflict struct {
	ID      string `json:"id"`
	Message string `json:"message"`
}

// Merge is Import for two databases that share reports, say two analysts'
// copies of one case: it adds what the file has and the database has
// not, in one transaction, and settles what both have without losing
// either side's work.
//
//   - A report in both is kept as stored; the file's outlet, URL and date
//     for it, and its sightings, are recorded as sightings where they tell
//     something new (a syndicated copy); another title is a Conflict. Its
//     claims are merged one by one.
//   - A claim in both keeps its history and gains the file's versions it
//     lacks; where both sides reviewed it since their common history, the
//     versions are interleaved by time, so the later review stands, and two
//     different current decisions are a Conflict. A claim whose first
//     (extracted) version differs is another reading under the same number:
//     the stored one is kept, a Conflict. A claim the database dropped (a
//     re-extraction here) comes back only when the file has a review of it.
//   - An ack in both with another note keeps the later, a Conflict.
//   - A decision already stored (the same id) is skipped, as is an undo of
//     a decision undone here already.
//
// Everything Import checks is checked too; a malformed file still
// changes nothing. ImportResult counts only what was added.
func (db *DB) Merge(r io.Reader, name string) (ImportResult, error) {
	return db.importFrom(r, name, true)
}

// mergeReport settles a report of the file that is stored already.
func (im *importer) mergeReport(r tracker.Report, next int) error {
	local, _, err := getReport(im.tx, r.ID)
	if err != nil {
		return err
	}
	// the same text first seen elsewhere in the file's copy is one more
	// carrier of it here
	added, err := recordSighting(im.tx, local, tracker.ReportSighting(r))
	if err != nil {
		return err
	}
	if added {
		im.res.Sightings++
	}
	if local.Title != r.Title {
		im.conflict(r.ID, fmt.Sprintf("report: title %q here, %q in the file; kept this database's", local.Title, r.Title))
	}
	localNext := nextClaimNumber(im.tx, r.ID)
	if next > localNext {
		if err := im.tx.Bucket(bucketSeq).Put([]byte(r.ID), u32(next)); err != nil {
			return err
		}
	}
	im.reports[r.ID] = &importedReport{r: r, next: next, claims: map[int]bool{}, stored: &local, storedNext: localNext}
	return nil
}

// mergeSightings records the file's sightings of a stored report that it
// does not cover already.
func (im *importer) mergeSightings(ir *importedReport, ss []tracker.Sighting) error {
	for _, s := range ss {
		added, err := recordSighting(im.tx, *ir.stored, s)
		if err != nil {
			return err
		}
		if added {
			im.res.Sightings++
		}
	}
	return nil
}

// mergeClaim settles a claim of the file (already checked) whose report
// is stored already.
func (im *importer) mergeClaim(ir *importedReport, rid string, n int, sc tracker.StoredClaim) error {
	v := im.tx.Bucket(bucketClaims).Get(claimKey(rid, n))
	if v == nil {
		if n < ir.storedNext && !reviewed(sc.Versions) {
			return nil // dropped here by a re-extraction; the file adds nothing to it
		}
		if n < ir.storedNext {
			im.conflict(sc.ID, "claim: removed here by a re-extraction, reviewed in the file; added back with its reviews")
		}
		im.res.Claims++
		return putClaim(im.tx, im.strs, headOf(*ir.stored), rid, n, claimRecord{Outlet: ir.stored.Source, Published: ir.stored.Published, Versions: sc.Versions})
	}
	rec, err := decodeClaim(im.tx, rid, n, v)
	if err != nil {
		return err
	}
	merged, added, conflict := mergeVersions(rec.Versions, sc.Versions)
	if conflict != "" {
		im.conflict(sc.ID, "claim: "+conflict)
	}
	if added == 0 {
		return nil
	}
	im.res.Versions += added
	rec.Versions = merged
	return putClaim(im.tx, im.strs, headOf(*ir.stored), rid, n, rec)
}

// mergeAck settles an ack of the file for a finding acknowledged here.
func (im *importer) mergeAck(a tracker.Ack, stored []byte) error {
	local, err := decodeAck([]byte(a.Finding), stored)
	if err != nil {
		return err
	}
	if local.Note == a.Note {
		return nil
	}
	if a.At.After(local.At) {
		im.conflict(a.Finding, fmt.Sprintf("ack: note %q here, %q in the file; kept the file's, the later", local.Note, a.Note))
		im.res.Acks++
		return putAck(im.tx, a)
	}
	im.conflict(a.Finding, fmt.Sprintf("ack: note %q here, %q in the file; kept this database's, the later", local.Note, a.Note))
	return nil
}

func (im *importer) conflict(id, msg string) {
	im.res.Conflicts = append(im.res.Conflicts, Conflict{ID: id, Message: msg})
}

// reviewed reports whether a history holds a person's version (a review
// or a reset), not only the extractor's.
func reviewed(vs []tracker.Version) bool {
	return slices.ContainsFunc(vs, func(v tracker.Version) bool { return !strings.HasPrefix(v.By, "extractor ") })
}

// sameVersion reports whether two versions are one: the same decision by
// the same person at the same time on the same claim.
func sameVersion(a, b tracker.Version) bool {
	return a.Status == b.Status && a.By == b.By && a.Note == b.Note && a.At.Equal(b.At) && SameClaim(a.Claim, b.Claim)
}

// mergeVersions merges a claim's stored history with the file's. They
// share a first part (the extracted claim, and whatever was done before
// the copies parted); after it, the versions of both are interleaved by
// time (the stored one first on a tie), the file's that are stored
// already left out. added counts the file's versions taken. conflict says
// what was settled: a different first version (nothing is taken) or two
// current decisions that differ (the later stands).
func mergeVersions(ours, theirs []tracker.Version) (merged []tracker.Version, added int, conflict string) {
	if len(ours) == 0 || len(theirs) == 0 {
		return ours, 0, ""
	}
	if !sameVersion(ours[0], theirs[0]) {
		if SameClaim(ours[0].Claim, theirs[0].Claim) && ours[0].Status == theirs[0].Status {
			// the same reading, extracted on both sides at other times:
			// the file's later versions still apply to it
			theirs = append([]tracker.Version{ours[0]}, theirs[1:]...)
		} else {
			return ours, 0, fmt.Sprintf("another reading under this id here (%s) and in the file (%s); kept this database's",
				figureOf(ours[0]), figureOf(theirs[0]))
		}
	}
	p := 0
	for p < len(ours) && p < len(theirs) && sameVersion(ours[p], theirs[p]) {
		p++
	}
	var extra []tracker.Version
	for _, v := range theirs[p:] {
		if !slices.ContainsFunc(ours[p:], func(o tracker.Version) bool { return sameVersion(o, v) }) {
			extra = append(extra, v)
		}
	}
	if len(extra) == 0 {
		return ours, 0, ""
	}
	merged = append(slices.Clone(ours[:p]), ours[p:]...)
	merged = append(merged, extra...)
	tail := merged[p:]
	slices.SortStableFunc(tail, func(a, b tracker.Version) int { return cmp.Compare(a.At.UnixNano(), b.At.UnixNano()) })
	if p < len(ours) {
		here, file := ours[len(ours)-1], theirs[len(theirs)-1]
		if here.Status != file.Status || !SameClaim(here.Claim, file.Claim) {
			last := merged[len(merged)-1]
			conflict = fmt.Sprintf("reviewed on both sides: %s here, %s in the file; both kept, the later (%s by %s) stands",
				describeVersion(here), describeVersion(file), last.Status, last.By)
		}
	}
	return merged, len(extra), conflict
}

func describeVersion(v tracker.Version) string {
	return fmt.Sprintf("%s %s by %s", v.Status, figureOf(v), v.By)
}

func figureOf(v tracker.Version) string {
	return string(v.Claim.Category) + " " + v.Claim.Figure()
}
