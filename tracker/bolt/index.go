package bolt

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math"
	"slices"

	"github.com/shopspring/decimal"
	bbolt "go.etcd.io/bbolt"

	"github.com/tollproject/toll/tracker"
)

// The claim index (schema 5). Beside each claim record, under the same
// key, the index bucket holds a fixed-width record of the claim's current
// version: its enums as bytes, its bounds and days as integers, its span
// and sentence as places in the report's text, and its strings (group,
// place, sources, period, report context) as ids of the strings bucket,
// where each distinct string is stored once. A record also holds the
// CRC-32C of the claim value it was made from: a reader uses it only when
// the claim value beside it still has that checksum, so a record can
// never stand for another version, and a claim whose record is missing or
// stale (a database part-way through its migration) is decoded as before.
// Records are written and deleted in the same transactions as their
// claims (putClaim, putClaimValue, Remove, re-extraction).
//
// A record that cannot hold the whole claim (a bound that is not a whole
// number below 2⁶⁴, a span or sentence its report's text does not hold,
// an enum value no toll writes, a string too long to intern) is marked
// ixPartial: its category, status and day are still right, and readers
// decode the claim for the rest.

// keyIndexing is in meta while the migration to schema 5 is building the
// index: its value is the id of the last report indexed, empty before
// the first.
var keyIndexing = []byte("indexing")

var (
	// bucketIndex holds the claim index records, keyed as claims.
	bucketIndex = []byte("cindex")
	// bucketStrings maps each interned string to its id (uint32,
	// big-endian, from 1; the empty string is 0 and not stored), and
	// bucketStringIDs the id back to the string.
	bucketStrings   = []byte("strings")
	bucketStringIDs = []byte("stringids")
)

// formatIndex is the first byte of an index record.
const formatIndex = 0x01

// The layout of an index record: byte offsets of its fields.
const (
	ixFormat    = 0
	ixFlags     = 1
	ixCategory  = 2  // place in tracker.Categories() plus one, 0 for another
	ixStatus    = 3  // tracker.Statuses() likewise
	ixScope     = 4  // scopes likewise
	ixQualifier = 5  // tracker.Qualifiers() likewise
	ixText      = 6  // uint16: the claim's tracker.TextFlags, 0 when not made
	ixLow       = 8  // uint64
	ixHigh      = 16 // uint64, 0 when unbounded
	ixAsOf      = 24 // dateCode, uint32
	ixPublished = 28 // dateCode, uint32
	ixStart     = 32 // uint32
	ixEnd       = 36 // uint32
	ixSentAt    = 40 // uint32: the sentence is text[at:at+len]
	ixSentLen   = 44 // uint32
	ixCRC       = 48 // uint32: CRC-32C of the claim value
	ixStrings   = 52 // ixNumStrings string ids, uint32 each
	// ixSize is the width of every record.
	ixSize = ixStrings + 4*ixNumStrings
)

// The flags of an index record.
const (
	ixPrior = 1 << iota
	ixRevised
	ixUnbounded
	ixIncident
	ixPart
	ixHeadline
	// ixPartial: the record does not hold the whole claim.
	ixPartial
)

// The strings of an index record, in order.
const (
	isVague = iota
	isWho
	isWhere
	isAttribution
	isSince
	isFrom
	isTo
	isOutlet
	isPlace
	isPlaceID
	isPlaceFrom
	isEvent
	isPast
	isVia
	isOrigin
	ixNumStrings
)

// maxIndexedString is the longest string the strings bucket holds; a
// claim with a longer one has a partial record.
const maxIndexedString = 1024

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func valueCRC(v []byte) uint32 { return crc32.Checksum(v, castagnoli) }

// enumIndex is s's place in names plus one, 0 when it is none of them.
func enumIndex[T ~string](s T, names []T) byte {
	for i, n := range names {
		if n == s {
			return byte(i + 1)
		}
	}
	return 0
}

// ixTx is what one write transaction makes index records with: the ids
// internString gave or found in it (only: a transaction rolled back takes
// its new ids with it), so that a batch's claims, which share most of
// their strings, look each up once; and the store's text flags function
// (Options.TextFlags; nil: records get no flags). A nil *ixTx caches
// nothing and makes no flags.
type ixTx struct {
	ids   map[string]uint32
	flags tracker.TextFlagsFunc
}

// newIxTx starts an ixTx for one write transaction.
func (db *DB) newIxTx() *ixTx { return &ixTx{ids: map[string]uint32{}, flags: db.textFlags} }

// internString returns s's id in the strings bucket, adding it when new.
// ok is false for a string too long to hold.
func internString(tx *bbolt.Tx, cache *ixTx, s string) (id uint32, ok bool, err error) {
	if s == "" {
		return 0, true, nil
	}
	if len(s) > maxIndexedString {
		return 0, false, nil
	}
	if cache != nil {
		if id, ok := cache.ids[s]; ok {
			return id, true, nil
		}
		defer func() {
			if ok && err == nil {
				cache.ids[s] = id
			}
		}()
	}
	b := tx.Bucket(bucketStrings)
	if v := b.Get([]byte(s)); len(v) == 4 {
		return binary.BigEndian.Uint32(v), true, nil
	}
	ids := tx.Bucket(bucketStringIDs)
	seq, err := ids.NextSequence()
	if err != nil {
		return 0, false, err
	}
	if seq > math.MaxUint32 {
		return 0, false, nil
	}
	k := u32(int(seq))
	if err := b.Put([]byte(s), k); err != nil {
		return 0, false, err
	}
	if err := ids.Put(k, []byte(s)); err != nil {
		return 0, false, err
	}
	return uint32(seq), true, nil
}

// indexRecord makes the index record of a claim whose current version is
// c with status st, of a report whose text is text; value is the claim's
// value in the claims bucket. It interns the claim's strings in tx.
func indexRecord(tx *bbolt.Tx, cache *ixTx, text string, outlet string, published tracker.Date, c tracker.Claim, st tracker.Status, value []byte) ([]byte, error) {
	r := make([]byte, ixSize)
	r[ixFormat] = formatIndex
	var flags byte
	set := func(bit byte, on bool) {
		if on {
			flags |= bit
		}
	}
	set(ixPrior, c.Prior)
	set(ixRevised, c.Revised)
	set(ixUnbounded, c.Interval.Unbounded)
	set(ixIncident, c.Context.Incident)
	set(ixPart, c.Context.Part)
	set(ixHeadline, c.Context.Headline)
	partial := false
	enumAt := func(off int, i byte) {
		r[off] = i
		partial = partial || i == 0
	}
	enumAt(ixCategory, enumIndex(c.Category, tracker.Categories()))
	enumAt(ixStatus, enumIndex(st, tracker.Statuses()))
	enumAt(ixScope, enumIndex(c.Scope, scopes))
	enumAt(ixQualifier, enumIndex(c.Qualifier, tracker.Qualifiers()))
	if n, ok := wholeCount(c.Interval.Low); ok {
		binary.BigEndian.PutUint64(r[ixLow:], n)
	} else {
		partial = true
	}
	if !c.Interval.Unbounded {
		if n, ok := wholeCount(c.Interval.High); ok {
			binary.BigEndian.PutUint64(r[ixHigh:], n)
		} else {
			partial = true
		}
	}
	day := func(off int, d tracker.Date) {
		code := dateCode(d)
		if code > math.MaxUint32 {
			partial = true
			return
		}
		binary.BigEndian.PutUint32(r[off:], uint32(code))
	}
	day(ixAsOf, c.AsOf)
	day(ixPublished, published)
	if c.Start >= 0 && c.Start <= c.End && c.End <= len(text) && text[c.Start:c.End] == c.Span && c.End <= math.MaxUint32 {
		binary.BigEndian.PutUint32(r[ixStart:], uint32(c.Start))
		binary.BigEndian.PutUint32(r[ixEnd:], uint32(c.End))
	} else {
		partial = true
	}
	if c.Sentence != "" {
		if at := sentenceAt(text, c); at >= 0 && at+len(c.Sentence) <= math.MaxUint32 {
			binary.BigEndian.PutUint32(r[ixSentAt:], uint32(at))
			binary.BigEndian.PutUint32(r[ixSentLen:], uint32(len(c.Sentence)))
		} else {
			partial = true
		}
	}
	binary.BigEndian.PutUint32(r[ixCRC:], valueCRC(value))
	strs := [ixNumStrings]string{
		isVague: c.Vague, isWho: c.Who, isWhere: c.Where, isAttribution: c.Attribution,
		isSince: c.Since, isFrom: c.From, isTo: c.To, isOutlet: outlet,
		isPlace: c.Context.Place, isPlaceID: c.Context.PlaceID, isPlaceFrom: c.Context.PlaceFrom,
		isEvent: c.Context.Event, isPast: c.Context.Past, isVia: c.Context.Via, isOrigin: c.Context.Origin,
	}
	for i, s := range strs {
		id, ok, err := internString(tx, cache, s)
		if err != nil {
			return nil, err
		}
		partial = partial || !ok
		binary.BigEndian.PutUint32(r[ixStrings+4*i:], id)
	}
	set(ixPartial, partial)
	r[ixFlags] = flags
	if cache != nil && cache.flags != nil {
		binary.BigEndian.PutUint16(r[ixText:], uint16(cache.flags(&c)))
	}
	return r, nil
}

// wholeCount is d as a uint64 when the compact encoding stores it as one
// (enc.count), so that a record's bound decodes to the same value.
func wholeCount(d decimal.Decimal) (uint64, bool) {
	if d.IsInteger() && d.Sign() >= 0 {
		if n := d.BigInt(); n.Cmp(maxUint64) <= 0 {
			return n.Uint64(), true
		}
	}
	return 0, false
}

// putIndex stores the index record of claim n of a report, whose claims
// value is value; cache is the transaction's (or nil).
func putIndex(tx *bbolt.Tx, cache *ixTx, text, reportID string, n int, rec claimRecord, value []byte) error {
	last := rec.Versions[len(rec.Versions)-1]
	r, err := indexRecord(tx, cache, text, rec.Outlet, rec.Published, last.Claim, last.Status, value)
	if err != nil {
		return fmt.Errorf("index claim %s: %w", tracker.ClaimID(reportID, n), err)
	}
	if err := tx.Bucket(bucketIndex).Put(claimKey(reportID, n), r); err != nil {
		return fmt.Errorf("index claim %s: %w", tracker.ClaimID(reportID, n), err)
	}
	return nil
}

// deleteIndex deletes the index record of a claims bucket key.
func deleteIndex(tx *bbolt.Tx, key []byte) error {
	return tx.Bucket(bucketIndex).Delete(key)
}

// deleteIndexOf deletes every index record of a report.
func deleteIndexOf(tx *bbolt.Tx, reportID string) error {
	var keys [][]byte
	c := tx.Bucket(bucketIndex).Cursor()
	p := []byte(reportID)
	for k, _ := c.Seek(p); k != nil && bytes.HasPrefix(k, p) && len(k) == len(p)+4; k, _ = c.Next() {
		keys = append(keys, bytes.Clone(k))
	}
	for _, k := range keys {
		if err := c.Bucket().Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// migrateIndex is the step of Open's transaction from schema 4 to 5: it
// creates the index's buckets and marks the claims to index (see
// indexStored).
func migrateIndex(tx *bbolt.Tx) error {
	for _, b := range [][]byte{bucketIndex, bucketStrings, bucketStringIDs} {
		if _, err := tx.CreateBucketIfNotExists(b); err != nil {
			return err
		}
	}
	return tx.Bucket(bucketMeta).Put(keyIndexing, []byte{})
}

// indexBatch is how many reports one transaction of the migration to
// schema 5 indexes.
const indexBatch = 2000

// indexStored builds the index records the migration to schema 5 has not
// built yet, as compactStored converts records: batch reports a
// transaction (indexBatch when zero) in id order, each transaction
// recording the last report indexed in keyIndexing and the last deleting
// it; after is as in compactStored. A claim that does not decode gets no
// record (readers decode it, and name it as damaged).
func (db *DB) indexStored(batch int, after func(done int) error) error {
	if batch <= 0 {
		batch = indexBatch
	}
	// (one string cache a transaction: a cache outliving a rolled-back
	// transaction would hand out ids it took back)
	var cache *ixTx
	var cacheTx *bbolt.Tx
	return db.migrateReports(keyIndexing, batch, "migrate schema 4 to 5", after, func(tx *bbolt.Tx, id string) error {
		if tx != cacheTx {
			cache, cacheTx = db.newIxTx(), tx
		}
		return indexClaimsOf(tx, cache, id)
	})
}

// indexClaimsOf writes the index records of a report's claims.
func indexClaimsOf(tx *bbolt.Tx, cache *ixTx, id string) error {
	r, ok, err := getReport(tx, id)
	if !ok || err != nil {
		return nil // (a report that does not decode: its claims get no record)
	}
	type pending struct {
		n     int
		rec   claimRecord
		value []byte
	}
	var todo []pending
	cd := newClaimDecoder(tx, true, nil)
	c := tx.Bucket(bucketClaims).Cursor()
	p := []byte(id)
	for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p) && len(k) == len(p)+4; k, v = c.Next() {
		_, n := splitClaimKey(k)
		rec, err := cd.decode(id, n, v)
		if err != nil {
			continue
		}
		todo = append(todo, pending{n, rec, bytes.Clone(v)})
	}
	for _, t := range todo {
		if err := putIndex(tx, cache, r.Text, id, t.n, t.rec, t.value); err != nil {
			return err
		}
	}
	return nil
}

// The text flags (schema 5 still). A record's bytes ixText hold the
// claim's tracker.TextFlags as Options.TextFlags made them when the
// record was written (zero: not made, as in records written before, or
// by a store given no function). keyTextFlags in meta holds the version
// (Options.TextFlagsVersion) every record's flags were made under; a
// reader of another version does not use them. While flagStored makes
// them again for another version, keyTextFlags is absent, keyFlagging
// holds the id of the last report done (empty before the first) and
// keyFlaggingTo the version being made.
var (
	keyTextFlags  = []byte("textflags")
	keyFlagging   = []byte("textflagging")
	keyFlaggingTo = []byte("textflagsto")
)

// flagStored makes every index record's text flags again when the store
// holds flags of another version than db's (or none), in resumable
// batches as indexStored builds the index (batch reports a transaction,
// indexBatch when zero; after as in compactStored); a store with no
// reports takes db's version at once. Nothing is done without a text
// flags function.
func (db *DB) flagStored(batch int, after func(done int) error) error {
	if db.textFlags == nil {
		return nil
	}
	done := false
	err := db.update(func(tx *bbolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if string(meta.Get(keyTextFlags)) == db.flagsVersion {
			done = true
			return nil
		}
		if k, _ := tx.Bucket(bucketReports).Cursor().First(); k == nil {
			done = true
			return cmp.Or(meta.Delete(keyFlagging), meta.Delete(keyFlaggingTo), meta.Put(keyTextFlags, []byte(db.flagsVersion)))
		}
		if meta.Get(keyFlagging) != nil && string(meta.Get(keyFlaggingTo)) == db.flagsVersion {
			return nil // (resumed)
		}
		return cmp.Or(meta.Delete(keyTextFlags), meta.Put(keyFlaggingTo, []byte(db.flagsVersion)), meta.Put(keyFlagging, []byte{}))
	})
	if err != nil {
		return fmt.Errorf("database %s: make the claims' text flags: %w", db.path, err)
	}
	if done {
		return nil
	}
	if batch <= 0 {
		batch = indexBatch
	}
	var cache *ixTx
	var cacheTx *bbolt.Tx
	err = db.migrateReports(keyFlagging, batch, "make the claims' text flags", after, func(tx *bbolt.Tx, id string) error {
		if tx != cacheTx {
			cache, cacheTx = db.newIxTx(), tx
		}
		return indexClaimsOf(tx, cache, id)
	})
	if err != nil {
		return err
	}
	err = db.update(func(tx *bbolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		return cmp.Or(meta.Delete(keyFlaggingTo), meta.Put(keyTextFlags, []byte(db.flagsVersion)))
	})
	if err != nil {
		return fmt.Errorf("database %s: make the claims' text flags: %w", db.path, err)
	}
	return nil
}

// indexReader builds claims from index records, reading each string of
// the strings bucket once.
type indexReader struct {
	ids   *bbolt.Bucket
	index *bbolt.Bucket
	// strs holds the strings read, by id: ids are dense from 1, so a
	// slice (a million claims ask for 15 million strings, and a map's
	// lookups were a tenth of the reading); known[id] says strs[id] is
	// read
	strs  []string
	known []bool
	in    *interner
	// the enums' names, made once (each call makes a new slice)
	categories []tracker.Category
	statuses   []tracker.Status
	qualifiers []tracker.Qualifier
	// textFlags: the records' text flags are of the reader's version
	// (DB.flagsKept), and a claim takes its record's
	textFlags bool
}

// maxStringSlice is the largest id indexReader keeps in its slice; a
// larger one (a store of many millions of distinct strings) is read from
// the bucket each time.
const maxStringSlice = 1 << 24

// newIndexReader reads tx's index; nil when tx has none (a read-only
// open of a database not yet migrated is refused, but a test may build
// one).
func newIndexReader(tx *bbolt.Tx, in *interner) *indexReader {
	ids, index := tx.Bucket(bucketStringIDs), tx.Bucket(bucketIndex)
	if ids == nil || index == nil {
		return nil
	}
	return &indexReader{ids: ids, index: index, in: in,
		categories: tracker.Categories(), statuses: tracker.Statuses(), qualifiers: tracker.Qualifiers()}
}

func (ir *indexReader) str(id uint32) (string, bool) {
	if id == 0 {
		return "", true
	}
	if int(id) < len(ir.known) && ir.known[id] {
		return ir.strs[id], true
	}
	var k [4]byte
	binary.BigEndian.PutUint32(k[:], id)
	v := ir.ids.Get(k[:])
	if v == nil {
		return "", false
	}
	s := string(v)
	if id < maxStringSlice {
		if int(id) >= len(ir.known) {
			n := max(int(id)+1, 2*len(ir.known), 1024)
			ir.strs = append(ir.strs, make([]string, n-len(ir.strs))...)
			ir.known = append(ir.known, make([]bool, n-len(ir.known))...)
		}
		ir.strs[id], ir.known[id] = s, true
	}
	return s, true
}

// claim builds the current version of claim n of report id from its index
// record r, when r holds the whole claim and was made from value, the
// claim's value; head loads the report's outlet, date and text. ok is
// false when the claim must be decoded instead.
func (ir *indexReader) claim(r, value []byte, id string, n int, head func() (storedReport, error)) (sc tracker.StoredClaim, ok bool) {
	ok = ir.claimInto(&sc, r, value, id, n, head)
	return sc, ok
}

// claimInto is claim writing into *sc, which must be zero (a million
// claims copied twice were a quarter of the reading); *sc is changed even
// when ok is false.
func (ir *indexReader) claimInto(sc *tracker.StoredClaim, r, value []byte, id string, n int, head func() (storedReport, error)) (ok bool) {
	if len(r) != ixSize || r[ixFormat] != formatIndex || r[ixFlags]&ixPartial != 0 ||
		binary.BigEndian.Uint32(r[ixCRC:]) != valueCRC(value) {
		return false
	}
	var strs [ixNumStrings]string
	for i := range strs {
		if strs[i], ok = ir.str(binary.BigEndian.Uint32(r[ixStrings+4*i:])); !ok {
			return false
		}
	}
	u32at := func(off int) int { return int(binary.BigEndian.Uint32(r[off:])) }
	day := func(off int) (tracker.Date, bool) {
		code := uint64(binary.BigEndian.Uint32(r[off:]))
		if code == 0 {
			return tracker.Date{}, true
		}
		z := code - 1
		days := int64(z>>1) ^ -int64(z&1)
		if days < -1_000_000 || days > 1_000_000 {
			return tracker.Date{}, false
		}
		return ir.in.dateOf(days), true
	}
	c := &sc.Claim
	flags := r[ixFlags]
	var okAsOf, okPub bool
	c.AsOf, okAsOf = day(ixAsOf)
	sc.Published, okPub = day(ixPublished)
	if !okAsOf || !okPub {
		return false
	}
	if !enumAt(&c.Category, r[ixCategory], ir.categories) || !enumAt(&sc.Status, r[ixStatus], ir.statuses) ||
		!enumAt(&c.Scope, r[ixScope], scopes) || !enumAt(&c.Qualifier, r[ixQualifier], ir.qualifiers) {
		return false
	}
	c.Interval.Low = ir.in.number(binary.BigEndian.Uint64(r[ixLow:]))
	if c.Interval.Unbounded = flags&ixUnbounded != 0; !c.Interval.Unbounded {
		c.Interval.High = ir.in.number(binary.BigEndian.Uint64(r[ixHigh:]))
	}
	c.Start, c.End = u32at(ixStart), u32at(ixEnd)
	at, sn := u32at(ixSentAt), u32at(ixSentLen)
	if c.End > c.Start || sn > 0 {
		h, err := head()
		if err != nil || c.End > len(h.text) || c.Start > c.End || at+sn > len(h.text) {
			return false
		}
		if sn > 0 {
			c.Sentence = ir.in.sentence(h.text, at, sn)
		}
		if at <= c.Start && c.End <= at+sn {
			c.Span = c.Sentence[c.Start-at : c.End-at] // (shares the sentence's bytes)
		} else {
			c.Span = string(h.text[c.Start:c.End])
		}
	}
	c.Vague, c.Who, c.Where, c.Attribution = strs[isVague], strs[isWho], strs[isWhere], strs[isAttribution]
	c.Since, c.From, c.To = strs[isSince], strs[isFrom], strs[isTo]
	c.Prior, c.Revised = flags&ixPrior != 0, flags&ixRevised != 0
	c.Context = tracker.Context{
		Place: strs[isPlace], PlaceID: strs[isPlaceID], PlaceFrom: strs[isPlaceFrom], Event: strs[isEvent],
		Past: strs[isPast], Via: strs[isVia], Origin: strs[isOrigin],
		Incident: flags&ixIncident != 0, Part: flags&ixPart != 0, Headline: flags&ixHeadline != 0,
	}
	sc.ID, sc.ReportID, sc.Outlet = tracker.ClaimID(id, n), id, strs[isOutlet]
	if ir.textFlags {
		sc.TextFlags = tracker.TextFlags(binary.BigEndian.Uint16(r[ixText:]))
	}
	return true
}

// enumAt sets *v to names[i-1]; false when i names none.
func enumAt[T ~string](v *T, i byte, names []T) bool {
	if i == 0 || int(i) > len(names) {
		return false
	}
	*v = names[i-1]
	return true
}

// eachCurrentOf calls fn with the current version of every claim of a
// report in order of n (Versions nil): from its index record when the
// record holds it (indexReader.claim), else decoded by cd. A claim that
// does not decode goes to skip, which returns nil to go on.
func eachCurrentOf(tx *bbolt.Tx, cd *claimDecoder, ir *indexReader, reportID string, skip func(error) error, fn func(tracker.StoredClaim) error) error {
	if ir == nil {
		return eachClaimDecoded(tx, cd, reportID, skip, func(n int, rec claimRecord) error {
			sc := rec.stored(reportID, n)
			sc.Versions = nil
			return fn(sc)
		})
	}
	head := func() (storedReport, error) { return cd.headOf(reportID) }
	c := tx.Bucket(bucketClaims).Cursor()
	ic := ir.index.Cursor()
	p := []byte(reportID)
	ik, iv := ic.Seek(p)
	for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p) && len(k) == len(p)+4; k, v = c.Next() {
		n := int(binary.BigEndian.Uint32(k[len(p):]))
		for ik != nil && bytes.Compare(ik, k) < 0 {
			ik, iv = ic.Next()
		}
		if ik != nil && bytes.Equal(ik, k) {
			if sc, ok := ir.claim(iv, v, reportID, n, head); ok {
				if err := fn(sc); err != nil {
					return err
				}
				continue
			}
		}
		rec, err := cd.decode(reportID, n, v)
		if err != nil {
			if err := skip(err); err != nil {
				return err
			}
			continue
		}
		sc := rec.stored(reportID, n)
		sc.Versions = nil
		if err := fn(sc); err != nil {
			return err
		}
	}
	return nil
}

// currentInOrder is CurrentClaims without a seek a report: it walks the
// bydate bucket for the order, then the claims, their index records and
// the reports each in key order, once, placing each report's claims at
// its place in the listing (a million claims took 1.4 CPU s of cursor
// seeks, three a report). ok is false, and nothing is read, when the
// bydate bucket names a report twice or one that is not stored: the caller
// walks report by report then, to name the damage where it always has.
// A claim that does not decode goes to skip in listing order, after the
// walk.
// drop gives back the file's pages the walk mapped (pageDropper), every
// so many reports and claims and between the walk's passes.
func currentInOrder(ctx context.Context, tx *bbolt.Tx, ir *indexReader, in *interner, skip func(error) error, drop *pageDropper) (out []tracker.StoredClaim, ok bool, err error) {
	var order []string
	rank := map[string]int32{}
	c := tx.Bucket(bucketByDate).Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		if len(k) <= dateKeyWidth {
			return nil, false, nil
		}
		id := string(k[dateKeyWidth:])
		if _, dup := rank[id]; dup || len(order) == math.MaxInt32 {
			return nil, false, nil
		}
		rank[id] = int32(len(order))
		order = append(order, id)
	}
	byID := slices.Clone(order)
	slices.Sort(byID)
	rc := tx.Bucket(bucketReports).Cursor()
	rk, _ := rc.First()
	for _, id := range byID {
		for rk != nil && string(rk) < id {
			rk, _ = rc.Next()
		}
		if rk == nil || string(rk) != id {
			return nil, false, nil
		}
	}
	// each report's claims, counted from their keys, give its place
	pos := make([]int, len(order)+1)
	claims := tx.Bucket(bucketClaims)
	c = claims.Cursor()
	// (a report's rank looked up once for its claims, not once a claim)
	var prevID []byte
	prevRank := int32(-1)
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		if len(k) > 4 {
			if id := k[:len(k)-4]; prevID == nil || !bytes.Equal(id, prevID) {
				prevID = append(prevID[:0], id...)
				prevRank = -1
				if r, ok := rank[string(id)]; ok {
					prevRank = r
				}
			}
			if prevRank >= 0 {
				pos[prevRank+1]++
			}
		}
	}
	// (the pages of the reports and the claims these passes mapped are
	// dropped once: alone they are below the peak the claims listing
	// reaches by the end of the walk, and mapping them again is the cost)
	drop.now()
	for i := 1; i < len(pos); i++ {
		pos[i] += pos[i-1]
	}
	out = make([]tracker.StoredClaim, pos[len(order)])
	// the reports' values, asked for in id order, from one cursor
	rk, rv := rc.First()
	cd := &claimDecoder{current: true, in: in, report: func(id string) []byte {
		for rk != nil && string(rk) < id {
			rk, rv = rc.Next()
		}
		if rk != nil && string(rk) == id {
			return rv
		}
		return nil
	}}
	head := func() (storedReport, error) { return cd.headOf(cd.id) }
	type failure struct {
		at  int
		err error
	}
	var failed []failure
	var ic *bbolt.Cursor
	var ik, iv []byte
	if ir != nil {
		ic = ir.index.Cursor()
		ik, iv = ic.First()
	}
	cur, r := "", int32(-1)
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if len(k) <= 4 {
			continue
		}
		if id := k[:len(k)-4]; string(id) != cur {
			if err := ctx.Err(); err != nil {
				return nil, true, err
			}
			cur = string(id)
			var listed bool
			if r, listed = rank[cur]; !listed {
				r = -1
				continue
			}
			cd.headOf(cur) // (loads lazily: sets cd.id)
		} else if r < 0 {
			continue
		}
		n := int(binary.BigEndian.Uint32(k[len(k)-4:]))
		at := pos[r]
		pos[r]++
		drop.step()
		if ic != nil {
			for ik != nil && bytes.Compare(ik, k) < 0 {
				ik, iv = ic.Next()
			}
			if ik != nil && bytes.Equal(ik, k) {
				if ir.claimInto(&out[at], iv, v, cur, n, head) {
					continue
				}
				out[at] = tracker.StoredClaim{}
			}
		}
		rec, err := cd.decode(cur, n, v)
		if err != nil {
			failed = append(failed, failure{at, err})
			continue
		}
		out[at] = rec.stored(cur, n)
		out[at].Versions = nil
	}
	if len(failed) == 0 {
		return out, true, nil
	}
	slices.SortFunc(failed, func(a, b failure) int { return a.at - b.at })
	for _, f := range failed {
		if err := skip(f.err); err != nil {
			return nil, true, err
		}
	}
	kept := out[:0]
	next := 0
	for i := range out {
		if next < len(failed) && failed[next].at == i {
			next++
			continue
		}
		kept = append(kept, out[i])
	}
	clear(out[len(kept):])
	return kept, true, nil
}
