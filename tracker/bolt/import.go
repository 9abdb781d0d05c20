package bolt

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	bbolt "go.etcd.io/bbolt"

	"github.com/tollproject/toll/internal/hygiene"
	"github.com/tollproject/toll/internal/par"
	"github.com/tollproject/toll/tracker"
)

// ImportResult counts what Import or Merge stored.
type ImportResult struct {
	Reports, Claims, Acks, Decisions, Sightings int
	// Versions counts the versions Merge added to stored claims.
	Versions int
	// Conflicts are what Merge found on both sides and settled, in file
	// order.
	Conflicts []Conflict
}

// maxImportLine caps one JSONL line: a report of tracker.MaxTextBytes
// escaped as JSON, with room to spare.
const maxImportLine = 8*tracker.MaxTextBytes + 1<<20

var reportIDPattern = regexp.MustCompile(`^[0-9a-f]{12}$`)

// Import reads an export (JSON document, JSONL or CSV, told apart by
// their first line) and stores everything in it in one transaction: all
// of it or, on any problem, nothing. Every record is checked before it is
// put: report ids against their text, claim ids against their report and
// against what the store can hold (claim numbers up to MaxClaimNumber,
// next_claim up to one more, at most tracker.MaxClaims claims a report),
// each version's claim against tracker.Claim.Validate (counts as digits up
// to tracker.MaxCount), the current claim against the last version, each
// series decision against tracker.SeriesDecision.Validate (an undo must
// follow what it undoes). The database need not be empty, but no report
// id, ack finding or decision id of the file may already be in it
// (ErrCollision): merging two histories of one report is not something
// toll guesses at (Merge does it by rules). Decisions are appended after
// the stored ones. name is used in messages.
func (db *DB) Import(r io.Reader, name string) (ImportResult, error) {
	return db.importFrom(r, name, false)
}

func (db *DB) importFrom(r io.Reader, name string, merge bool) (ImportResult, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	first, _ := br.Peek(1 << 12)
	var res ImportResult
	err := db.update(func(tx *bbolt.Tx) error {
		pack(tx)
		im := &importer{db: db, tx: tx, merge: merge, reports: map[string]*importedReport{}, acks: map[string]bool{}, strs: db.newIxTx()}
		var err error
		lead := bytes.TrimLeft(first, " \t\r\n")
		switch {
		case len(lead) == 0:
			err = errors.New("the file is empty")
		case bytes.HasPrefix(lead, []byte("record,")):
			err = im.readCSV(br)
		case isJSONLHeader(lead):
			err = im.readJSONL(br)
		case lead[0] == '{':
			err = im.readJSON(br)
		default:
			err = errors.New("not a toll export (want the output of toll export: json, jsonl or csv)")
		}
		if err == nil {
			err = im.finish()
		}
		res = im.res
		return err
	})
	if err != nil {
		return ImportResult{}, fmt.Errorf("import %s: %w", name, err)
	}
	return res, nil
}

// isJSONLHeader reports whether the first line is a whole JSON object
// without reports: the JSONL header. The JSON document's first line is
// an unfinished object.
func isJSONLHeader(b []byte) bool {
	line, _, _ := bytes.Cut(b, []byte("\n"))
	var probe map[string]json.RawMessage
	if json.Unmarshal(line, &probe) != nil {
		return false
	}
	_, hasReports := probe["reports"]
	return !hasReports
}

type importedReport struct {
	r         tracker.Report
	next      int
	claims    map[int]bool
	sightings int
	// for a report stored already (Merge): the stored one and its next
	// claim number before the merge
	stored     *tracker.Report
	storedNext int
}

type importer struct {
	db     *DB
	tx     *bbolt.Tx
	merge  bool
	header bool
	// taxonomySeen: the file's taxonomy was read (it may be given once)
	taxonomySeen bool
	reports      map[string]*importedReport
	acks         map[string]bool
	decided      *decisionIndex // the stored decisions and those read so far; nil until the first
	res          ImportResult
	// dateKeys are the date index keys of the reports stored, put by
	// finish
	dateKeys [][]byte
	strs     *ixTx // the index's strings and flags, for this transaction
}

func (im *importer) headerOK(h exportHeader) error {
	if im.header {
		return errors.New("a second export header")
	}
	if h.TollExport != ExportVersion {
		return fmt.Errorf("toll_export is %d, this toll reads %d", h.TollExport, ExportVersion)
	}
	if h.Schema < 1 || h.Schema > Schema {
		return fmt.Errorf("exported from schema %d, this toll reads up to %d: %w", h.Schema, Schema, ErrSchemaTooNew)
	}
	im.header = true
	return nil
}

// reportChecks are what report checks and makes of a report's text
// alone, which readJSONL has made on every core beforehand.
type reportChecks struct {
	id      string // tracker.ReportID(r.Text)
	textErr error  // tracker.CheckText(r.Text)
	value   []byte // encodeReport(r)
}

func checksOf(r tracker.Report) *reportChecks {
	v, _ := encodeReport(r) // its error is nil: it is kept for a later format
	return &reportChecks{id: tracker.ReportID(r.Text), textErr: tracker.CheckText(r.Text), value: v}
}

func (im *importer) report(r tracker.Report, next int) error {
	return im.reportChecked(r, next, nil)
}

// reportChecked is report with the checks of the text made already, or
// nil to make them here.
func (im *importer) reportChecked(r tracker.Report, next int, pre *reportChecks) error {
	if pre == nil {
		pre = checksOf(r)
	}
	if !im.header {
		return errors.New("no export header before the first report")
	}
	switch {
	case !reportIDPattern.MatchString(r.ID):
		return fmt.Errorf("report id %q is not 12 hex digits", r.ID)
	case pre.id != r.ID:
		return fmt.Errorf("report %s: the id does not match its text (the text was edited?)", r.ID)
	case r.Published.IsZero():
		return fmt.Errorf("report %s: %w", r.ID, ErrNoDate)
	case im.reports[r.ID] != nil:
		return fmt.Errorf("report %s is in the file twice", r.ID)
	case next < 1:
		return fmt.Errorf("report %s: next_claim %d is below 1", r.ID, next)
	case next > MaxClaimNumber+1:
		// Stored in 4 bytes, 2³²+2 would have been stored as 2.
		return fmt.Errorf("report %s: next_claim %d is above %d, the most the store holds", r.ID, next, MaxClaimNumber+1)
	}
	if err := pre.textErr; err != nil {
		return fmt.Errorf("report %s: %w", r.ID, err)
	}
	if im.tx.Bucket(bucketReports).Get([]byte(r.ID)) != nil {
		if im.merge {
			return im.mergeReport(r, next)
		}
		return fmt.Errorf("report %s: %w (import only into an empty database or one without these reports, or merge)", r.ID, ErrCollision)
	}
	// The date index is written at the end, in key order (finish): an
	// export is in id order, which is no order of dates, and bbolt keeps
	// a bucket's new keys in one sorted array per page until the commit,
	// so that keys put out of order cost a copy of the keys after them.
	if err := im.tx.Bucket(bucketReports).Put([]byte(r.ID), pre.value); err != nil {
		return fmt.Errorf("store report %s: %w", r.ID, err)
	}
	im.dateKeys = append(im.dateKeys, dateKey(r))
	if err := im.tx.Bucket(bucketSeq).Put([]byte(r.ID), u32(next)); err != nil {
		return err
	}
	im.reports[r.ID] = &importedReport{r: r, next: next, claims: map[int]bool{}}
	im.res.Reports++
	return nil
}

// sightings stores the sightings of a report just imported, numbered in
// the order given.
func (im *importer) sightings(reportID string, ss []tracker.Sighting) error {
	ir := im.reports[reportID]
	if ir == nil {
		return fmt.Errorf("sightings of report %s: the report is not before them in the file", reportID)
	}
	if ir.stored != nil {
		return im.mergeSightings(ir, ss)
	}
	for _, s := range ss {
		if s.Empty() {
			return fmt.Errorf("report %s: sighting %d names no outlet, address or date", reportID, ir.sightings+1)
		}
		if ir.sightings >= MaxSightings {
			return fmt.Errorf("report %s: %w: more than %d", reportID, ErrTooManySightings, MaxSightings)
		}
		ir.sightings++
		if err := putSighting(im.tx, reportID, ir.sightings, s); err != nil {
			return err
		}
		im.res.Sightings++
	}
	return nil
}

func (im *importer) claim(sc tracker.StoredClaim) error {
	rid, n, err := ParseClaimID(sc.ID)
	if err != nil {
		return err
	}
	ir := im.reports[sc.ReportID]
	switch {
	case rid != sc.ReportID:
		return fmt.Errorf("claim %s: its id does not name report %s", sc.ID, sc.ReportID)
	case ir == nil:
		return fmt.Errorf("claim %s: report %s is not before it in the file", sc.ID, sc.ReportID)
	case ir.claims[n]:
		return fmt.Errorf("claim %s is in the file twice", sc.ID)
	case n >= ir.next:
		return fmt.Errorf("claim %s: number %d is not below the report's next_claim %d", sc.ID, n, ir.next)
	case len(ir.claims) >= tracker.MaxClaims:
		return fmt.Errorf("report %s: %w: more than %d", sc.ReportID, tracker.ErrTooManyClaims, tracker.MaxClaims)
	case len(sc.Versions) == 0:
		return fmt.Errorf("claim %s has no versions", sc.ID)
	case sc.Outlet != ir.r.Source || sc.Published.Compare(ir.r.Published) != 0:
		return fmt.Errorf("claim %s: outlet or published date differ from its report's", sc.ID)
	}
	for i, v := range sc.Versions {
		if _, err := tracker.ParseStatus(string(v.Status)); err != nil {
			return fmt.Errorf("claim %s version %d: %w", sc.ID, i+1, err)
		}
		if err := v.Claim.Validate(); err != nil {
			return fmt.Errorf("claim %s version %d: %w", sc.ID, i+1, err)
		}
		if v.Claim.End > len(ir.r.Text) {
			return fmt.Errorf("claim %s version %d: span %d..%d is outside the report's text", sc.ID, i+1, v.Claim.Start, v.Claim.End)
		}
	}
	last := sc.Versions[len(sc.Versions)-1]
	if sc.Status != "" && (sc.Status != last.Status || !SameClaim(sc.Claim, last.Claim)) {
		return fmt.Errorf("claim %s: the current claim is not its last version", sc.ID)
	}
	ir.claims[n] = true
	if ir.stored != nil {
		return im.mergeClaim(ir, rid, n, sc)
	}
	im.res.Claims++
	return putClaim(im.tx, im.strs, headOf(ir.r), rid, n, claimRecord{Outlet: sc.Outlet, Published: sc.Published, Versions: sc.Versions})
}

func (im *importer) ack(a tracker.Ack) error {
	if !im.header {
		return errors.New("no export header before the first ack")
	}
	switch {
	case strings.TrimSpace(a.Finding) == "":
		return errors.New("an ack names no finding")
	case im.acks[a.Finding]:
		return fmt.Errorf("ack %q is in the file twice", a.Finding)
	}
	if stored := im.tx.Bucket(bucketAcks).Get([]byte(a.Finding)); stored != nil {
		if im.merge {
			im.acks[a.Finding] = true
			return im.mergeAck(a, stored)
		}
		return fmt.Errorf("ack %q: %w", a.Finding, ErrCollision)
	}
	im.acks[a.Finding] = true
	im.res.Acks++
	return putAck(im.tx, a)
}

// decision stores a series decision after the stored ones and those read
// before it. A move may name a claim that is not stored: a re-extraction
// may have dropped it since, and reconcile skips such a decision.
func (im *importer) decision(d tracker.SeriesDecision) error {
	if !im.header {
		return errors.New("no export header before the first decision")
	}
	if im.decided == nil {
		x, err := storedDecisions(im.tx)
		if err != nil {
			return err
		}
		im.decided = &x
	}
	if im.merge && (im.decided.ids[d.ID] || d.Op == tracker.Undo && im.decided.undone[d.Undoes]) {
		return nil // made here too, or undone here already
	}
	if err := checkDecision(im.tx, d, *im.decided, false); err != nil {
		return err
	}
	im.decided.add(d)
	im.res.Decisions++
	return putDecision(im.tx, d)
}

func (im *importer) finish() error {
	if !im.header {
		return errors.New("no export header: not a toll export")
	}
	slices.SortFunc(im.dateKeys, bytes.Compare)
	b := im.tx.Bucket(bucketByDate)
	for _, k := range im.dateKeys {
		if err := b.Put(k, nil); err != nil {
			return fmt.Errorf("index report %s: %w", k[dateKeyWidth:], err)
		}
	}
	return nil
}

// jsonlLine is one line of a JSONL export as read: one field is set.
type jsonlLine struct {
	TollExport *int                    `json:"toll_export"`
	Schema     int                     `json:"schema"`
	Taxonomy   string                  `json:"taxonomy"`
	Report     *tracker.Report         `json:"report"`
	NextClaim  int                     `json:"next_claim"`
	Sightings  []tracker.Sighting      `json:"sightings"`
	Claim      *tracker.StoredClaim    `json:"claim"`
	Ack        *tracker.Ack            `json:"ack"`
	Decision   *tracker.SeriesDecision `json:"decision"`

	// checks are the report's, made by the decoding worker
	checks *reportChecks
}

// decodeJSONLine decodes one line: by fastLine when it is written as
// Export writes it, else by encoding/json, which names what is wrong.
func decodeJSONLine(f *fastLine, b []byte) (jsonlLine, error) {
	var l jsonlLine
	if !f.decode(b, &l) {
		l = jsonlLine{}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&l); err != nil {
			return l, err
		}
	}
	if l.Report != nil {
		l.checks = checksOf(*l.Report)
	}
	return l, nil
}

// jsonlChunk is a run of lines read and decoded together.
type jsonlChunk struct {
	first int // the number of its first line
	lines [][]byte
	recs  []jsonlLine
	errs  []error
	err   error // reading after the chunk's lines failed
	eof   bool
}

// jsonlChunkLines and jsonlChunkBytes bound a chunk: memory holds two
// (one decoded while the other is stored).
const (
	jsonlChunkLines = 4096
	jsonlChunkBytes = 8 << 20
)

// readJSONL reads one record a line; errors name the line. Lines are
// read and decoded a chunk at a time on every core (par.Do), the next
// chunk while the records of the one before are checked and stored in
// file order on the transaction's goroutine.
func (im *importer) readJSONL(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), maxImportLine)
	workers := par.Workers()
	decoders := make([]*fastLine, workers)
	for i := range decoders {
		decoders[i] = newFastLine()
	}
	line := 0
	read := func() *jsonlChunk {
		ch := &jsonlChunk{first: line + 1}
		size := 0
		for len(ch.lines) < jsonlChunkLines && size < jsonlChunkBytes {
			if !sc.Scan() {
				ch.err, ch.eof = sc.Err(), true
				break
			}
			line++
			ch.lines = append(ch.lines, bytes.Clone(bytes.TrimSpace(sc.Bytes())))
			size += len(sc.Bytes())
		}
		ch.recs = make([]jsonlLine, len(ch.lines))
		ch.errs = make([]error, len(ch.lines))
		// each worker decodes a contiguous share with its own decoder
		share := (len(ch.lines) + workers - 1) / workers
		par.Do(workers, func(w int) {
			for i := w * share; i < min((w+1)*share, len(ch.lines)); i++ {
				if len(ch.lines[i]) > 0 {
					ch.recs[i], ch.errs[i] = decodeJSONLine(decoders[w], ch.lines[i])
				}
			}
		})
		return ch
	}
	next := make(chan *jsonlChunk, 1)
	go func() { next <- read() }()
	for {
		ch := <-next
		if !ch.eof {
			go func() { next <- read() }()
		}
		if err := im.jsonlChunk(ch); err != nil {
			if !ch.eof {
				<-next // the reader is done with the scanner before we return
			}
			return err
		}
		if ch.eof {
			if ch.err != nil {
				return fmt.Errorf("after line %d: %w", ch.first+len(ch.lines)-1, ch.err)
			}
			return nil
		}
	}
}

// jsonlChunk stores the records of a chunk in order.
func (im *importer) jsonlChunk(ch *jsonlChunk) error {
	for i, b := range ch.lines {
		if len(b) == 0 {
			continue
		}
		n := ch.first + i
		if err := ch.errs[i]; err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		if err := im.jsonlRecord(ch.recs[i]); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		ch.recs[i] = jsonlLine{} // let the decoded record go once stored
	}
	return nil
}

func (im *importer) jsonlRecord(l jsonlLine) error {
	var err error
	switch {
	case l.TollExport != nil:
		if err = im.headerOK(exportHeader{TollExport: *l.TollExport, Schema: l.Schema}); err == nil && l.Taxonomy != "" {
			err = im.taxonomy(l.Taxonomy)
		}
	case l.Report != nil:
		if err = im.reportChecked(*l.Report, l.NextClaim, l.checks); err == nil {
			err = im.sightings(l.Report.ID, l.Sightings)
		}
	case l.Claim != nil:
		err = im.claim(*l.Claim)
	case l.Ack != nil:
		err = im.ack(*l.Ack)
	case l.Decision != nil:
		err = im.decision(*l.Decision)
	default:
		err = errors.New("neither a report, a claim, an ack nor a decision")
	}
	return err
}

// lineCounter remembers where lines start so that a decoder offset can be
// turned into a line number.
type lineCounter struct {
	r      io.Reader
	off    int64
	starts []int64
}

func (lc *lineCounter) Read(p []byte) (int, error) {
	n, err := lc.r.Read(p)
	for i, b := range p[:n] {
		if b == '\n' {
			lc.starts = append(lc.starts, lc.off+int64(i)+1)
		}
	}
	lc.off += int64(n)
	return n, err
}

func (lc *lineCounter) line(off int64) int {
	return sort.Search(len(lc.starts), func(i int) bool { return lc.starts[i] > off }) + 1
}

// readJSON reads the JSON document a report at a time; errors name the
// line where the decoder stood.
func (im *importer) readJSON(r io.Reader) error {
	lc := &lineCounter{r: r}
	dec := json.NewDecoder(lc)
	at := func(err error) error {
		return fmt.Errorf("line %d: %w", lc.line(dec.InputOffset()), err)
	}
	if err := expectDelim(dec, '{'); err != nil {
		return at(err)
	}
	var h exportHeader
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return at(err)
		}
		switch key, _ := tok.(string); key {
		case "toll_export":
			err = dec.Decode(&h.TollExport)
		case "schema":
			if err = dec.Decode(&h.Schema); err == nil {
				err = im.headerOK(h)
			}
		case "taxonomy":
			var text string
			if err = dec.Decode(&text); err == nil {
				err = im.taxonomy(text)
			}
		case "reports":
			err = eachElement(dec, func() error { return im.readJSONReport(dec) })
		case "acks":
			err = eachElement(dec, func() error {
				var a tracker.Ack
				if err := dec.Decode(&a); err != nil {
					return err
				}
				return im.ack(a)
			})
		case "decisions":
			err = eachElement(dec, func() error {
				var d tracker.SeriesDecision
				if err := dec.Decode(&d); err != nil {
					return err
				}
				return im.decision(d)
			})
		default:
			err = fmt.Errorf("unknown key %v", tok)
		}
		if err != nil {
			return at(err)
		}
	}
	if err := expectDelim(dec, '}'); err != nil {
		return at(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return at(errors.New("more data after the export document"))
	}
	return nil
}

// readJSONReport reads one element of "reports" key by key, so that an
// error is found right after the value it is about and the line given is
// that value's (each claim is on a line of its own in an export).
func (im *importer) readJSONReport(dec *json.Decoder) error {
	if err := expectDelim(dec, '{'); err != nil {
		return err
	}
	var er exportReport
	stored := false
	store := func() error {
		if stored {
			return nil
		}
		stored = true
		if err := im.report(er.Report, er.NextClaim); err != nil {
			return err
		}
		return im.sightings(er.Report.ID, er.Sightings)
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch key, _ := tok.(string); key {
		case "report":
			err = dec.Decode(&er.Report)
		case "next_claim":
			err = dec.Decode(&er.NextClaim)
		case "sightings":
			var ss []tracker.Sighting
			if err = dec.Decode(&ss); err == nil {
				if stored {
					err = im.sightings(er.Report.ID, ss)
				} else {
					er.Sightings = append(er.Sightings, ss...)
				}
			}
		case "claims":
			if err := store(); err != nil {
				return err
			}
			err = eachElement(dec, func() error {
				var sc tracker.StoredClaim
				if err := dec.Decode(&sc); err != nil {
					return err
				}
				return im.claim(sc)
			})
		default:
			err = fmt.Errorf("unknown key %v in a report", tok)
		}
		if err != nil {
			return err
		}
	}
	if err := store(); err != nil {
		return err
	}
	return expectDelim(dec, '}')
}

func expectDelim(dec *json.Decoder, d json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok != d {
		return fmt.Errorf("want %q, found %v", d, tok)
	}
	return nil
}

func eachElement(dec *json.Decoder, fn func() error) error {
	if err := expectDelim(dec, '['); err != nil {
		return err
	}
	for dec.More() {
		if err := fn(); err != nil {
			return err
		}
	}
	return expectDelim(dec, ']')
}

// readCSV reads the CSV export; errors name the line. A claim's versions
// are consecutive rows.
func (im *importer) readCSV(r io.Reader) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // checked against the header below
	head, err := cr.Read()
	if err != nil {
		return fmt.Errorf("line 1: %w", err)
	}
	// exports of schema 1, and of schema 2 before the context column,
	// are read too
	if !slices.Equal(head, csvColumns) && !slices.Equal(head, csvColumnsSchema1) &&
		!slices.Equal(head, slices.DeleteFunc(slices.Clone(csvColumns), func(c string) bool { return c == "context" })) {
		return errors.New("line 1: the columns are not those of toll export --format csv")
	}
	cr.FieldsPerRecord = len(head)
	col := map[string]int{}
	for i, c := range head {
		col[c] = i
	}
	var pending *tracker.StoredClaim
	flush := func() error {
		if pending == nil {
			return nil
		}
		last := pending.Versions[len(pending.Versions)-1]
		pending.Claim, pending.Status = last.Claim, last.Status
		err := im.claim(*pending)
		pending = nil
		return err
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err // csv.ParseError names the line
		}
		line, _ := cr.FieldPos(0)
		// A JSON import reads any bytes as UTF-8 (invalid ones become
		// U+FFFD); a CSV cell keeps them, and the store would keep them
		// as given, to be exported as something else (found by
		// FuzzImport): refused here, as an export never writes them.
		for i, cell := range rec {
			if !utf8.ValidString(cell) {
				return fmt.Errorf("line %d: the %s cell is not UTF-8", line, head[i])
			}
		}
		// Export prefixes cells a spreadsheet would evaluate with an
		// apostrophe (hygiene.CSVCell); a value reads back unchanged.
		get := func(c string) string {
			i, ok := col[c]
			if !ok {
				return "" // a column a schema 1 export does not have
			}
			return hygiene.CSVValue(rec[i])
		}
		if err := im.csvRow(get, &pending, flush); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
	}
	return flush()
}

func (im *importer) csvRow(get func(string) string, pending **tracker.StoredClaim, flush func() error) error {
	if get("record") != "version" {
		if err := flush(); err != nil {
			return err
		}
	}
	switch get("record") {
	case "export":
		v, err1 := strconv.Atoi(get("id"))
		s, err2 := strconv.Atoi(get("version"))
		if err1 != nil || err2 != nil {
			return errors.New("the export row needs numbers in id and version")
		}
		return im.headerOK(exportHeader{TollExport: v, Schema: s})
	case "taxonomy":
		return im.taxonomy(get("text"))
	case "report":
		pub, err := tracker.ParseDate(get("published"))
		if err != nil {
			return err
		}
		var added time.Time
		if err := added.UnmarshalText([]byte(get("added"))); err != nil {
			return fmt.Errorf("added: %w", err)
		}
		next, err := strconv.Atoi(get("next_claim"))
		if err != nil {
			return fmt.Errorf("next_claim %q is not a number", get("next_claim"))
		}
		return im.report(tracker.Report{
			ID: get("id"), Source: get("source"), URL: get("url"), Title: get("title"),
			Published: pub, Added: added, Text: get("text"), Extractor: get("extractor"),
		}, next)
	case "version":
		v, err := csvVersion(get)
		if err != nil {
			return err
		}
		k, _ := strconv.Atoi(get("version"))
		p := *pending
		if p != nil && p.ID != get("id") {
			if err := flush(); err != nil {
				return err
			}
			p = nil
		}
		if p == nil {
			ir := im.reports[get("report")]
			if ir == nil {
				return fmt.Errorf("claim %s: report %s is not before it in the file", get("id"), get("report"))
			}
			p = &tracker.StoredClaim{ID: get("id"), ReportID: get("report"), Outlet: ir.r.Source, Published: ir.r.Published}
			*pending = p
		}
		if k != len(p.Versions)+1 {
			return fmt.Errorf("claim %s: version %q out of order (want %d)", p.ID, get("version"), len(p.Versions)+1)
		}
		p.Versions = append(p.Versions, v)
		return nil
	case "sighting":
		pub, err := tracker.ParseDate(get("published"))
		if err != nil {
			return err
		}
		var added time.Time
		if err := added.UnmarshalText([]byte(get("added"))); err != nil {
			return fmt.Errorf("added: %w", err)
		}
		return im.sightings(get("report"), []tracker.Sighting{{Source: get("source"), URL: get("url"), Published: pub, Added: added}})
	case "ack":
		var at time.Time
		if err := at.UnmarshalText([]byte(get("at"))); err != nil {
			return fmt.Errorf("at: %w", err)
		}
		return im.ack(tracker.Ack{Finding: get("finding"), Note: get("note"), At: at})
	case "decision":
		var at time.Time
		if err := at.UnmarshalText([]byte(get("at"))); err != nil {
			return fmt.Errorf("at: %w", err)
		}
		return im.decision(tracker.SeriesDecision{ID: get("id"), Op: tracker.DecisionOp(get("op")), Series: get("series"),
			Other: get("other"), Claim: get("claim"), Text: get("note"), Undoes: get("undoes"), At: at})
	}
	return fmt.Errorf("unknown record %q (want export, report, sighting, version, ack or decision)", get("record"))
}

// csvVersion reads one version row back into a tracker.Version.
func csvVersion(get func(string) string) (tracker.Version, error) {
	var v tracker.Version
	if err := v.At.UnmarshalText([]byte(get("at"))); err != nil {
		return v, fmt.Errorf("at: %w", err)
	}
	v.Status, v.By, v.Note = tracker.Status(get("status")), get("by"), get("note")
	c := &v.Claim
	low, err := tracker.ParseCount(get("low"))
	if err != nil {
		return v, fmt.Errorf("low: %w", err)
	}
	c.Interval = tracker.AtLeastInterval(low)
	if h := get("high"); h != "" {
		high, err := tracker.ParseCount(h)
		if err != nil {
			return v, fmt.Errorf("high: %w", err)
		}
		c.Interval = tracker.Interval{Low: low, High: high}
	}
	if c.AsOf, err = tracker.ParseDate(get("as_of")); err != nil {
		return v, err
	}
	bools := map[string]*bool{"prior": &c.Prior, "revised": &c.Revised}
	for k, p := range bools {
		if *p, err = strconv.ParseBool(get(k)); err != nil {
			return v, fmt.Errorf("%s %q is not true or false", k, get(k))
		}
	}
	ints := map[string]*int{"start": &c.Start, "end": &c.End}
	for k, p := range ints {
		if *p, err = strconv.Atoi(get(k)); err != nil {
			return v, fmt.Errorf("%s %q is not a number", k, get(k))
		}
	}
	c.Category, c.Qualifier, c.Scope = tracker.Category(get("category")), tracker.Qualifier(get("qualifier")), tracker.Scope(get("scope"))
	c.Vague, c.Who, c.Where, c.Attribution = get("vague"), get("who"), get("where"), get("attribution")
	c.Since, c.From, c.To, c.Span, c.Sentence = get("since"), get("from"), get("to"), get("span"), get("sentence")
	if x := get("context"); x != "" {
		if err := json.Unmarshal([]byte(x), &c.Context); err != nil {
			return v, fmt.Errorf("context %q is not a claim context: %w", x, err)
		}
	}
	return v, nil
}
