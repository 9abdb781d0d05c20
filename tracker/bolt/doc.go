// Package bolt keeps toll's reports, claims, acknowledgements and series
// decisions in a bbolt file. It is the only package that imports bbolt;
// everything it hands out is a type of package tracker.
//
// Layout (schema 5; schema 1 had no decisions bucket and schema 2 no
// sightings bucket, and Open adds them; schema 3 stored reports and claims
// as JSON, and Open rewrites them compactly, see compact.go; schema 4 had
// no claim index, and Open builds it, see index.go). Every key is
// fixed-width or prefix-free so that cursors can seek:
//
//	meta     "schema" → "5"; "compacting" → the last report converted,
//	         only while the migration to schema 4 is under way;
//	         "indexing" → the last report indexed, only while the
//	         migration to schema 5 is under way;
//	         "textflags" → the version of the text flags function every
//	         index record's flags were made by; "textflagging" and
//	         "textflagsto" → the last report done and the version being
//	         made, only while they are made again (index.go);
//	         "taxonomy" → the taxonomy file's text, when one is stored
//	         (SetTaxonomy; any schema may hold it)
//	reports  report id (12 hex digits) → the report in the compact
//	         encoding (codec.go): its fields, then its text as it is
//	claims   report id + n (uint32, big-endian) → the claim's record in the
//	         compact encoding: its versions, each storing only the fields
//	         that differ from the one before, the sentence as its place
//	         in the report's text; the outlet and published date are the
//	         report's. A report's claims are contiguous and in text order
//	seq      report id → the next claim number (uint32, big-endian); claim
//	         numbers are never reused, so a cited claim id never comes to
//	         mean another figure after a re-extraction removed it
//	bydate   published date (RFC 3339, UTC, fixed width) + report id → ""
//	acks     finding → tracker.Ack as JSON
//	decisions  sequence number (uint64, big-endian) → tracker.SeriesDecision
//	         as JSON, in the order they were made; re-extraction leaves
//	         them alone (claims keep their ids)
//	sightings report id + n (uint32, big-endian, from 1) → tracker.Sighting
//	         as JSON: another outlet, date or address that carried the
//	         report's text, in the order recorded (new in schema 3)
//	cindex   claim key (as in claims) → the claim index record: the
//	         current version in 112 fixed bytes, its strings as ids of
//	         strings, its text flags (Options.TextFlags), and the
//	         checksum of the claim value it was made from (new in
//	         schema 5; index.go)
//	strings  a string of a claim (group, place, source, period, report
//	         context) → its id (uint32, big-endian, from 1)
//	stringids id → the string
//
// Every reader takes a report or claim in either encoding (a value's first
// byte tells them apart), so a migration stopped part-way leaves a
// database that reads whole. A claim is read with its report: a claim of a
// report that is missing or does not decode is damaged too.
//
// A text added again is not a new report: Add records it as a sighting
// when it names an outlet, date or address the report and its sightings
// do not, and never extracts or stores claims for it, so a syndicated
// story counts once wherever its claims are reconciled.
//
// Each exported method is one transaction. Add takes a batch: all of its
// reports are committed together or none is, and each report is always
// stored whole with its claims. Listing (EachReport, EachClaim, Export)
// decodes and hands out one row at a time inside a read transaction, so
// memory does not grow with the number of claims; the callback must not
// call back into the DB. CurrentClaims reads every claim at once for
// reconciling, without their histories, from the claim index where its
// record holds the claim (and still matches the claim's value), so that
// it decodes no versions; on Linux it gives back the pages of the file it
// has read every 65,536 claims (mapped.go), which had been mapped, and
// counted in the process's memory, until the database was closed.
//
// Open waits at most Options.Timeout for the file lock that bbolt takes
// and then fails with ErrLocked. A file that is not a bbolt database, or
// one written by a newer toll, is refused with an error naming the path;
// nothing is written to it; so is anything but a regular file (a named
// pipe would block the open). A damaged file is ErrCorrupt, never a crash:
// before bbolt maps the file, Open reads its meta pages with plain reads
// and checks that the pages they say are in use are in the file, that
// the root and freelist pages are sound, and that the tree of pages of
// every bucket has no loop, no page reached twice and no page id out of
// range (pages.go), so that no cursor can run for ever; every transaction runs
// with debug.SetPanicOnFault, so that a page id past the end of the file
// deeper in a tree, which makes bbolt read past its memory map, is a panic
// the store recovers rather than a fault that kills the process; and
// bbolt's own panics on damaged pages are recovered the same way.
//
// Merge is Import for two copies of one case: it adds what only the file
// has and settles what both have by rules (see Merge), listing each
// settlement as a Conflict.
//
// Limits: an Import or Merge runs in a single transaction, so its memory grows with
// the size of the import; a bulk Add holds one batch in memory.
package bolt
