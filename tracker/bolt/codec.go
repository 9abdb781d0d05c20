package bolt

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollproject/toll/tracker"
)

// The compact record encoding (schema 4). A value in the reports or the
// claims bucket starts with a format byte: schema 3 and earlier wrote
// JSON, whose first byte is '{'; schema 4 writes formatCompact. Readers
// take either, so that a database part-way through its migration (see
// compact.go) reads whole, and a later format can be added beside this one.
//
// A report is its format byte, then ID, Source, URL, Title and Extractor
// (strings), Published (a date) and Added (a time), and then its text,
// which runs to the end of the value: reading a claim's sentence out of it
// copies nothing but the sentence.
//
// A claim record is its format byte, a flags byte (flagOutlet,
// flagPublished: the outlet or published date differ from the report's and
// follow; toll always copies the report's, so neither is written), the
// number of versions, and each version: its status, by, at and note, and
// the fields of its claim that differ from the previous version's (the
// first version's are those that differ from the zero claim), as a field
// mask (claimField…) and then the fields in mask order. A review that
// accepts or rejects a claim stores no claim field at all. The sentence
// is stored as its place in the report's text when the text holds it (the
// extractor's always does), else as written; the span likewise.
//
// Strings are a uvarint length and the bytes; counts a uvarint (or, for a
// number that is not a whole count, which no writer stores, its decimal
// string); dates a uvarint, 0 for the zero date, else the zigzagged day
// number from 1970-01-01 plus one; times their Unix seconds (varint),
// nanoseconds (uvarint) and zone offset in seconds (varint).
const formatCompact = 0x01

// The flags of a compact claim record.
const (
	flagOutlet    = 1 << 0
	flagPublished = 1 << 1
)

// The fields of a claim, as bits of a version's field mask.
const (
	fieldCategory = 1 << iota
	fieldInterval
	fieldQualifier
	fieldVague
	fieldWho
	fieldWhere
	fieldAttribution
	fieldAsOf
	fieldScope
	fieldSince
	fieldFrom
	fieldTo
	fieldPrior
	fieldRevised
	fieldStart
	fieldEnd
	fieldSpan
	fieldSentence
	fieldContext
)

// The fields of a claim's Context, as bits of its own mask.
const (
	ctxPlace = 1 << iota
	ctxPlaceID
	ctxPlaceFrom
	ctxEvent
	ctxIncident
	ctxPast
	ctxVia
	ctxOrigin
	ctxPart
	ctxHeadline
)

// How a span or sentence is stored.
const (
	textAt      = 0 // the report's text holds it: its offsets follow
	textLiteral = 1 // written out
)

// enc appends the parts of a compact record.
type enc struct{ b []byte }

func (e *enc) byte(c byte)         { e.b = append(e.b, c) }
func (e *enc) uvarint(n uint64)    { e.b = binary.AppendUvarint(e.b, n) }
func (e *enc) varint(n int64)      { e.b = binary.AppendVarint(e.b, n) }
func (e *enc) str(s string)        { e.uvarint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *enc) bool(v bool)         { e.byte(boolByte(v)) }
func (e *enc) date(d tracker.Date) { e.uvarint(dateCode(d)) }

func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

func dateCode(d tracker.Date) uint64 {
	if d.IsZero() {
		return 0
	}
	days := d.Time().Unix() / 86400
	return uint64(days<<1^days>>63) + 1
}

func (e *enc) time(t time.Time) {
	_, off := t.Zone()
	e.varint(t.Unix())
	e.uvarint(uint64(t.Nanosecond()))
	e.varint(int64(off))
}

// enum writes s as its place in names plus one, or 0 and s itself when s
// is not one of them (a value no toll writes, kept as it is).
func enum[T ~string](e *enc, s T, names []T) {
	for i, n := range names {
		if n == s {
			e.byte(byte(i + 1))
			return
		}
	}
	e.byte(0)
	e.str(string(s))
}

var maxUint64 = new(big.Int).SetUint64(^uint64(0))

// count writes a bound: 0 and the number as a uvarint when it is a whole
// number that fits, else 1 and its decimal string.
func (e *enc) count(d decimal.Decimal) {
	if d.IsInteger() && d.Sign() >= 0 {
		if n := d.BigInt(); n.Cmp(maxUint64) <= 0 {
			e.byte(0)
			e.uvarint(n.Uint64())
			return
		}
	}
	e.byte(1)
	e.str(d.String())
}

// encodeReport is a report's value in the reports bucket.
func encodeReport(r tracker.Report) ([]byte, error) {
	e := enc{b: make([]byte, 0, 64+len(r.ID)+len(r.Source)+len(r.URL)+len(r.Title)+len(r.Extractor)+len(r.Text))}
	e.byte(formatCompact)
	e.str(r.ID)
	e.str(r.Source)
	e.str(r.URL)
	e.str(r.Title)
	e.str(r.Extractor)
	e.date(r.Published)
	e.time(r.Added)
	e.b = append(e.b, r.Text...)
	return e.b, nil
}

// reportHead is what a claim record leaves to its report: the outlet, the
// published date and the text its sentence and span are read from.
type reportHead struct {
	source    string
	published tracker.Date
	text      string
}

func headOf(r tracker.Report) reportHead {
	return reportHead{source: r.Source, published: r.Published, text: r.Text}
}

// encodeClaim is a claim record's value in the claims bucket; head is its
// report's.
func encodeClaim(head reportHead, reportID string, n int, rec claimRecord) ([]byte, error) {
	if len(rec.Versions) == 0 {
		return nil, fmt.Errorf("encode claim %s: no versions", tracker.ClaimID(reportID, n))
	}
	e := enc{b: make([]byte, 0, 96)}
	e.byte(formatCompact)
	var flags byte
	if rec.Outlet != head.source {
		flags |= flagOutlet
	}
	if rec.Published.Compare(head.published) != 0 {
		flags |= flagPublished
	}
	e.byte(flags)
	if flags&flagOutlet != 0 {
		e.str(rec.Outlet)
	}
	if flags&flagPublished != 0 {
		e.date(rec.Published)
	}
	e.uvarint(uint64(len(rec.Versions)))
	var prev tracker.Claim
	for _, v := range rec.Versions {
		enum(&e, v.Status, tracker.Statuses())
		e.str(v.By)
		e.time(v.At)
		e.str(v.Note)
		e.claim(head.text, prev, v.Claim)
		prev = v.Claim
	}
	return e.b, nil
}

// claim writes the fields of c that differ from prev.
func (e *enc) claim(text string, prev, c tracker.Claim) {
	var m uint64
	set := func(bit uint64, differs bool) {
		if differs {
			m |= bit
		}
	}
	set(fieldCategory, c.Category != prev.Category)
	set(fieldInterval, !c.Interval.Equal(prev.Interval))
	set(fieldQualifier, c.Qualifier != prev.Qualifier)
	set(fieldVague, c.Vague != prev.Vague)
	set(fieldWho, c.Who != prev.Who)
	set(fieldWhere, c.Where != prev.Where)
	set(fieldAttribution, c.Attribution != prev.Attribution)
	set(fieldAsOf, c.AsOf.Compare(prev.AsOf) != 0)
	set(fieldScope, c.Scope != prev.Scope)
	set(fieldSince, c.Since != prev.Since)
	set(fieldFrom, c.From != prev.From)
	set(fieldTo, c.To != prev.To)
	set(fieldPrior, c.Prior != prev.Prior)
	set(fieldRevised, c.Revised != prev.Revised)
	set(fieldStart, c.Start != prev.Start)
	set(fieldEnd, c.End != prev.End)
	set(fieldSpan, c.Span != prev.Span)
	set(fieldSentence, c.Sentence != prev.Sentence)
	set(fieldContext, c.Context != prev.Context)
	e.uvarint(m)
	if m&fieldCategory != 0 {
		enum(e, c.Category, tracker.Categories())
	}
	if m&fieldInterval != 0 {
		e.count(c.Interval.Low)
		e.bool(c.Interval.Unbounded)
		if !c.Interval.Unbounded {
			e.count(c.Interval.High)
		}
	}
	if m&fieldQualifier != 0 {
		enum(e, c.Qualifier, tracker.Qualifiers())
	}
	for _, f := range []struct {
		bit uint64
		s   string
	}{{fieldVague, c.Vague}, {fieldWho, c.Who}, {fieldWhere, c.Where}, {fieldAttribution, c.Attribution}} {
		if m&f.bit != 0 {
			e.str(f.s)
		}
	}
	if m&fieldAsOf != 0 {
		e.date(c.AsOf)
	}
	if m&fieldScope != 0 {
		enum(e, c.Scope, scopes)
	}
	for _, f := range []struct {
		bit uint64
		s   string
	}{{fieldSince, c.Since}, {fieldFrom, c.From}, {fieldTo, c.To}} {
		if m&f.bit != 0 {
			e.str(f.s)
		}
	}
	if m&fieldPrior != 0 {
		e.bool(c.Prior)
	}
	if m&fieldRevised != 0 {
		e.bool(c.Revised)
	}
	if m&fieldStart != 0 {
		e.uvarint(uint64(c.Start))
	}
	if m&fieldEnd != 0 {
		e.uvarint(uint64(c.End))
	}
	if m&fieldSpan != 0 {
		if c.Start >= 0 && c.Start <= c.End && c.End <= len(text) && text[c.Start:c.End] == c.Span {
			e.byte(textAt)
		} else {
			e.byte(textLiteral)
			e.str(c.Span)
		}
	}
	if m&fieldSentence != 0 {
		if at := sentenceAt(text, c); at >= 0 {
			e.byte(textAt)
			e.uvarint(uint64(at))
			e.uvarint(uint64(len(c.Sentence)))
		} else {
			e.byte(textLiteral)
			e.str(c.Sentence)
		}
	}
	if m&fieldContext != 0 {
		e.context(prev.Context, c.Context)
	}
}

// sentenceAt finds c's sentence in text: where the text holds it around
// the claim's span (where the extractor took it from), else anywhere, else
// -1. An empty sentence is written out (it is empty).
func sentenceAt(text string, c tracker.Claim) int {
	s := c.Sentence
	if s == "" || len(s) > len(text) {
		return -1
	}
	// a sentence holding text[Start:End] starts between End-len(s) and
	// Start
	lo, hi := max(0, c.End-len(s)), min(len(text), c.Start+len(s))
	if lo < hi {
		if i := strings.Index(text[lo:hi], s); i >= 0 {
			return lo + i
		}
	}
	return strings.Index(text, s)
}

func (e *enc) context(prev, c tracker.Context) {
	var m uint64
	strs := []struct {
		bit     uint64
		s, prev string
	}{
		{ctxPlace, c.Place, prev.Place}, {ctxPlaceID, c.PlaceID, prev.PlaceID}, {ctxPlaceFrom, c.PlaceFrom, prev.PlaceFrom},
		{ctxEvent, c.Event, prev.Event}, {ctxPast, c.Past, prev.Past}, {ctxVia, c.Via, prev.Via}, {ctxOrigin, c.Origin, prev.Origin},
	}
	for _, f := range strs {
		if f.s != f.prev {
			m |= f.bit
		}
	}
	if c.Incident != prev.Incident {
		m |= ctxIncident
	}
	if c.Part != prev.Part {
		m |= ctxPart
	}
	if c.Headline != prev.Headline {
		m |= ctxHeadline
	}
	e.uvarint(m)
	for _, f := range strs {
		if m&f.bit != 0 {
			e.str(f.s)
		}
	}
	if m&ctxIncident != 0 {
		e.bool(c.Incident)
	}
	if m&ctxPart != 0 {
		e.bool(c.Part)
	}
	if m&ctxHeadline != 0 {
		e.bool(c.Headline)
	}
}

var scopes = []tracker.Scope{tracker.Cumulative, tracker.Period, tracker.UnknownScope}

var errShort = errors.New("the record ends early")

// dec reads a compact record. The first problem sticks in err; reads after
// it return zero values.
type dec struct {
	b   []byte
	err error
	*interner
}

func (d *dec) fail(err error) {
	if d.err == nil {
		d.err = err
	}
	d.b = nil
}

func (d *dec) byte() byte {
	if len(d.b) == 0 {
		d.fail(errShort)
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *dec) uvarint() uint64 {
	n, k := binary.Uvarint(d.b)
	if k <= 0 {
		d.fail(errShort)
		return 0
	}
	d.b = d.b[k:]
	return n
}

func (d *dec) varint() int64 {
	n, k := binary.Varint(d.b)
	if k <= 0 {
		d.fail(errShort)
		return 0
	}
	d.b = d.b[k:]
	return n
}

// int reads a uvarint that must be a non-negative int (an offset).
func (d *dec) int() int {
	n := d.uvarint()
	if n > 1<<40 {
		d.fail(fmt.Errorf("offset %d is out of range", n))
		return 0
	}
	return int(n)
}

// raw returns the next string's bytes, which alias the record.
func (d *dec) raw() []byte {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail(errShort)
		return nil
	}
	s := d.b[:n]
	d.b = d.b[n:]
	return s
}

// str reads a string, interned when d has an interner.
func (d *dec) str() string {
	b := d.raw()
	if len(b) == 0 {
		return ""
	}
	return d.intern(b)
}

func (d *dec) skipStr() { d.raw() }

func (d *dec) bool() bool {
	switch d.byte() {
	case 0:
		return false
	case 1:
		return true
	}
	d.fail(errors.New("a flag is neither 0 nor 1"))
	return false
}

func (d *dec) date() tracker.Date {
	c := d.uvarint()
	if c == 0 {
		return tracker.Date{}
	}
	z := c - 1
	days := int64(z>>1) ^ -int64(z&1)
	if days < -1_000_000 || days > 1_000_000 { // three thousand years either side
		d.fail(fmt.Errorf("day %d is out of range", days))
		return tracker.Date{}
	}
	return d.dateOf(days)
}

func (d *dec) time() time.Time {
	sec, nsec, off := d.varint(), d.uvarint(), d.varint()
	if nsec >= 1e9 || off < -86400 || off > 86400 {
		d.fail(errors.New("a time is out of range"))
		return time.Time{}
	}
	t := time.Unix(sec, int64(nsec))
	if off == 0 {
		return t.UTC()
	}
	return t.In(time.FixedZone("", int(off)))
}

func decodeEnum[T ~string](d *dec, names []T) T {
	i := d.byte()
	switch {
	case i == 0:
		return T(d.str())
	case int(i) <= len(names):
		return names[i-1]
	}
	d.fail(fmt.Errorf("value %d is not one of %d", i, len(names)))
	return ""
}

func (d *dec) count() decimal.Decimal {
	switch d.byte() {
	case 0:
		return d.number(d.uvarint())
	case 1:
		v, err := decimal.NewFromString(string(d.raw()))
		if err != nil {
			d.fail(err)
		}
		return v
	}
	d.fail(errors.New("a count is neither a number nor a string"))
	return decimal.Decimal{}
}

// interner shares the strings, counts and dates a listing decodes again
// and again (groups, places, sources, figures), so that a million claims
// do not hold a million copies of "people". Sentences are shared within
// one report (see sentences). A nil interner copies every value.
type interner struct {
	strs map[string]string
	// small holds the numbers below smallNumbers once made (most bounds;
	// indexing a slice, not hashing into a map of 65,536, the whole
	// reading of a million claims is a tenth faster), nums the others
	small     []decimal.Decimal
	nums      map[uint64]decimal.Decimal
	dates     map[int64]tracker.Date
	sentences map[[2]int]string
}

func newInterner() *interner {
	return &interner{strs: map[string]string{}, nums: map[uint64]decimal.Decimal{}, dates: map[int64]tracker.Date{},
		sentences: map[[2]int]string{}}
}

// maxInterned is the longest string interned: longer ones (notes, literal
// sentences) are rarely repeated.
const maxInterned = 64

// smallNumbers is how many of the smallest whole numbers an interner keeps
// in a slice (16 bytes each).
const smallNumbers = 1 << 16

// maxInternedValues bounds each table of an interner, so that a listing's
// memory stays bounded whatever the database holds: past it, values are
// copied.
const maxInternedValues = 1 << 16

func (in *interner) intern(b []byte) string {
	if in == nil || len(b) > maxInterned {
		return string(b)
	}
	if s, ok := in.strs[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(in.strs) < maxInternedValues {
		in.strs[s] = s
	}
	return s
}

// The decimal values shared by an interner are never changed: decimal's
// operations make new values.
func (in *interner) number(n uint64) decimal.Decimal {
	if in == nil {
		return decimal.NewFromUint64(n)
	}
	if n < smallNumbers {
		if in.small == nil {
			in.small = make([]decimal.Decimal, smallNumbers)
		}
		// (a zero Decimal is a number not made yet: a made one holds its
		// big.Int)
		if v := in.small[n]; v != (decimal.Decimal{}) {
			return v
		}
		v := decimal.NewFromUint64(n)
		in.small[n] = v
		return v
	}
	if v, ok := in.nums[n]; ok {
		return v
	}
	v := decimal.NewFromUint64(n)
	if len(in.nums) < maxInternedValues {
		in.nums[n] = v
	}
	return v
}

func (in *interner) dateOf(days int64) tracker.Date {
	if in == nil {
		return tracker.DateOf(time.Unix(days*86400, 0).UTC())
	}
	if v, ok := in.dates[days]; ok {
		return v
	}
	v := tracker.DateOf(time.Unix(days*86400, 0).UTC())
	if len(in.dates) < maxInternedValues {
		in.dates[days] = v
	}
	return v
}

// sentence returns text[at:at+n], shared with the claims of the same
// report before it.
func (in *interner) sentence(text []byte, at, n int) string {
	if in == nil {
		return string(text[at : at+n])
	}
	k := [2]int{at, n}
	if s, ok := in.sentences[k]; ok {
		return s
	}
	s := string(text[at : at+n])
	in.sentences[k] = s
	return s
}

// newReport starts a report: sentences are shared only within one.
func (in *interner) newReport() {
	if in != nil {
		clear(in.sentences)
	}
}

// storedReport is a report value read far enough for its claims: the
// report's outlet, date and text. It aliases the value.
type storedReport struct {
	source    string
	published tracker.Date
	text      []byte
}

// decodeReport reads a report value of either format.
func decodeReport(id string, v []byte) (tracker.Report, error) {
	if len(v) > 0 && v[0] == formatCompact {
		d := dec{b: v[1:]}
		r := tracker.Report{ID: d.str(), Source: d.str(), URL: d.str(), Title: d.str(), Extractor: d.str()}
		r.Published = d.date()
		r.Added = d.time()
		if d.err != nil {
			return tracker.Report{}, &Damaged{Record: "report " + id, Problem: "does not decode: " + d.err.Error()}
		}
		r.Text = string(d.b)
		return r, nil
	}
	var r tracker.Report
	if err := json.Unmarshal(v, &r); err != nil {
		return tracker.Report{}, &Damaged{Record: "report " + id, Problem: "does not decode: " + err.Error()}
	}
	return r, nil
}

// reportHeadOf reads what claims take from a report value, without
// copying its text from a compact one.
func reportHeadOf(id string, v []byte, in *interner) (storedReport, error) {
	if len(v) > 0 && v[0] == formatCompact {
		d := dec{b: v[1:], interner: in}
		d.skipStr() // id
		src := d.str()
		d.skipStr() // url
		d.skipStr() // title
		d.skipStr() // extractor
		pub := d.date()
		d.time()
		if d.err != nil {
			return storedReport{}, &Damaged{Record: "report " + id, Problem: "does not decode: " + d.err.Error()}
		}
		return storedReport{source: src, published: pub, text: d.b}, nil
	}
	r, err := decodeReport(id, v)
	if err != nil {
		return storedReport{}, err
	}
	return storedReport{source: r.Source, published: r.Published, text: []byte(r.Text)}, nil
}

// claimDecoder decodes the claims of one report after another, reading
// each report's value only when a claim needs it (a compact claim leaves
// its outlet, date and sentence to the report).
type claimDecoder struct {
	// report returns the value of a report, nil when it is not stored.
	report func(id string) []byte
	// current reads only each claim's current version (Versions stays
	// nil), for reconciling.
	current bool
	in      *interner

	id   string // the report whose head is loaded
	head storedReport
	err  error
}

func (cd *claimDecoder) headOf(id string) (storedReport, error) {
	if id != cd.id {
		cd.id, cd.head, cd.err = id, storedReport{}, nil
		cd.in.newReport()
		v := cd.report(id)
		if v == nil {
			cd.err = fmt.Errorf("its report %s is not stored", id)
		} else if cd.head, cd.err = reportHeadOf(id, v, cd.in); cd.err != nil {
			cd.err = fmt.Errorf("its report does not decode")
		}
	}
	return cd.head, cd.err
}

// decode reads claim n of report reportID from its value v, of either
// format.
func (cd *claimDecoder) decode(reportID string, n int, v []byte) (claimRecord, error) {
	damaged := func(problem string) (claimRecord, error) {
		return claimRecord{}, &Damaged{Record: "claim " + tracker.ClaimID(reportID, n), Problem: problem}
	}
	if len(v) == 0 || v[0] != formatCompact {
		var rec claimRecord
		if err := json.Unmarshal(v, &rec); err != nil {
			return damaged("does not decode: " + err.Error())
		}
		if len(rec.Versions) == 0 {
			return damaged("has no versions")
		}
		if cd.current {
			last := rec.Versions[len(rec.Versions)-1]
			rec.Versions = []tracker.Version{{Claim: last.Claim, Status: last.Status}}
		}
		return rec, nil
	}
	d := dec{b: v[1:], interner: cd.in}
	var rec claimRecord
	flags := d.byte()
	if flags&^(flagOutlet|flagPublished) != 0 {
		return damaged(fmt.Sprintf("does not decode: unknown flags %#x", flags))
	}
	var outlet string
	var published tracker.Date
	if flags&flagOutlet != 0 {
		outlet = d.str()
	}
	if flags&flagPublished != 0 {
		published = d.date()
	}
	nv := d.uvarint()
	if d.err == nil && (nv == 0 || nv > uint64(len(d.b))) {
		if nv == 0 {
			return damaged("has no versions")
		}
		d.fail(errShort)
	}
	var head storedReport
	var headErr error
	loaded := false
	text := func() ([]byte, bool) {
		if !loaded {
			head, headErr = cd.headOf(reportID)
			loaded = true
		}
		return head.text, headErr == nil
	}
	rec.Outlet, rec.Published = outlet, published
	if flags&(flagOutlet|flagPublished) != flagOutlet|flagPublished {
		if _, ok := text(); !ok {
			return damaged("its outlet and date are its report's, and " + headErr.Error())
		}
		if flags&flagOutlet == 0 {
			rec.Outlet = head.source
		}
		if flags&flagPublished == 0 {
			rec.Published = head.published
		}
	}
	if !cd.current && d.err == nil {
		rec.Versions = make([]tracker.Version, 0, nv)
	}
	var c tracker.Claim
	var status tracker.Status
	for i := uint64(0); i < nv && d.err == nil; i++ {
		status = decodeEnum(&d, tracker.Statuses())
		var by, note string
		var at time.Time
		if cd.current {
			d.skipStr()
			d.time()
			d.skipStr()
		} else {
			by, at, note = d.str(), d.time(), d.str()
		}
		if problem := d.claim(&c, text); problem != "" {
			return damaged(problem)
		}
		if !cd.current {
			rec.Versions = append(rec.Versions, tracker.Version{Claim: c, Status: status, By: by, At: at, Note: note})
		}
	}
	switch {
	case d.err != nil:
		return damaged("does not decode: " + d.err.Error())
	case len(d.b) != 0:
		return damaged(fmt.Sprintf("does not decode: %d bytes after its last version", len(d.b)))
	}
	if cd.current {
		rec.Versions = []tracker.Version{{Claim: c, Status: status}}
	}
	return rec, nil
}

// claim reads the fields a version changes into c, which holds the
// previous version. It returns a problem when a field is read from the
// report's text and cannot be.
func (d *dec) claim(c *tracker.Claim, text func() ([]byte, bool)) string {
	m := d.uvarint()
	if m >= fieldContext<<1 {
		d.fail(fmt.Errorf("unknown fields %#x", m))
		return ""
	}
	if m&fieldCategory != 0 {
		c.Category = decodeEnum(d, tracker.Categories())
	}
	if m&fieldInterval != 0 {
		c.Interval = tracker.Interval{Low: d.count()}
		if c.Interval.Unbounded = d.bool(); !c.Interval.Unbounded {
			c.Interval.High = d.count()
		}
	}
	if m&fieldQualifier != 0 {
		c.Qualifier = decodeEnum(d, tracker.Qualifiers())
	}
	if m&fieldVague != 0 {
		c.Vague = d.str()
	}
	if m&fieldWho != 0 {
		c.Who = d.str()
	}
	if m&fieldWhere != 0 {
		c.Where = d.str()
	}
	if m&fieldAttribution != 0 {
		c.Attribution = d.str()
	}
	if m&fieldAsOf != 0 {
		c.AsOf = d.date()
	}
	if m&fieldScope != 0 {
		c.Scope = decodeEnum(d, scopes)
	}
	if m&fieldSince != 0 {
		c.Since = d.str()
	}
	if m&fieldFrom != 0 {
		c.From = d.str()
	}
	if m&fieldTo != 0 {
		c.To = d.str()
	}
	if m&fieldPrior != 0 {
		c.Prior = d.bool()
	}
	if m&fieldRevised != 0 {
		c.Revised = d.bool()
	}
	if m&fieldStart != 0 {
		c.Start = d.int()
	}
	if m&fieldEnd != 0 {
		c.End = d.int()
	}
	if m&fieldSpan != 0 {
		switch d.byte() {
		case textAt:
			t, ok := text()
			if !ok {
				return "its span is in its report's text, which cannot be read"
			}
			if c.Start > c.End || c.End > len(t) {
				return fmt.Sprintf("its span %d..%d is outside its report's text", c.Start, c.End)
			}
			c.Span = string(t[c.Start:c.End]) // each claim's own: not interned
		case textLiteral:
			c.Span = d.str()
		default:
			d.fail(errors.New("a span is neither in the text nor written out"))
		}
	}
	if m&fieldSentence != 0 {
		switch d.byte() {
		case textAt:
			at, n := d.int(), d.int()
			if d.err != nil {
				return ""
			}
			t, ok := text()
			if !ok {
				return "its sentence is in its report's text, which cannot be read"
			}
			if at+n > len(t) {
				return fmt.Sprintf("its sentence %d..%d is outside its report's text", at, at+n)
			}
			c.Sentence = d.sentence(t, at, n)
		case textLiteral:
			c.Sentence = string(d.raw())
		default:
			d.fail(errors.New("a sentence is neither in the text nor written out"))
		}
	}
	if m&fieldContext != 0 {
		d.context(&c.Context)
	}
	return ""
}

func (d *dec) context(c *tracker.Context) {
	m := d.uvarint()
	if m >= ctxHeadline<<1 {
		d.fail(fmt.Errorf("unknown context fields %#x", m))
		return
	}
	for _, f := range []struct {
		bit uint64
		s   *string
	}{
		{ctxPlace, &c.Place}, {ctxPlaceID, &c.PlaceID}, {ctxPlaceFrom, &c.PlaceFrom},
		{ctxEvent, &c.Event}, {ctxPast, &c.Past}, {ctxVia, &c.Via}, {ctxOrigin, &c.Origin},
	} {
		if m&f.bit != 0 {
			*f.s = d.str()
		}
	}
	if m&ctxIncident != 0 {
		c.Incident = d.bool()
	}
	if m&ctxPart != 0 {
		c.Part = d.bool()
	}
	if m&ctxHeadline != 0 {
		c.Headline = d.bool()
	}
}
