package bolt

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollproject/toll/tracker"
)

// fillForExport adds reports with reviewed, corrected and re-extracted
// claims, a removed report and acks: every kind of record an export holds.
func fillForExport(tb testing.TB, db *DB) {
	tb.Helper()
	rng := rand.New(rand.NewPCG(3, 4))
	var ids []string
	var nrs []NewReport
	for i := range 12 {
		nr := genReport(rng, i, 1500)
		if i == 3 {
			nr.Source, nr.Title, nr.URL = "", "Quotes, \"commas\"\nand lines", ""
		}
		ids = append(ids, mustAdd(tb, db, nr)[0].Report.ID)
		nrs = append(nrs, nr)
	}
	// Sightings: two more outlets for report 0 (one without a date), an
	// address only for report 3, one for report 11, which is removed.
	for _, s := range []struct {
		i                   int
		source, url, pubday string
	}{
		{0, "Cedar Times", "https://cedar.example/a?b=1&c=\"2\"", "2023-10-20"},
		{0, "Harbor Daily, \"evening\"", "", ""},
		{3, "", "https://mirror.example/3", ""},
		{11, "Gone Gazette", "", "2023-11-01"},
	} {
		nr := nrs[s.i]
		nr.Source, nr.URL, nr.Published = s.source, s.url, tracker.Date{}
		if s.pubday != "" {
			nr.Published = tracker.MustDate(s.pubday)
		}
		if res := mustAdd(tb, db, nr)[0]; res.Sighting == nil {
			tb.Fatalf("re-adding report %d as %+v recorded no sighting", s.i, s)
		}
	}
	for i, id := range ids[:6] {
		cs, err := db.Claims(id)
		if err != nil || len(cs) == 0 {
			tb.Fatalf("claims of %s: %v", id, err)
		}
		c := cs[0].Claim
		c.Where, c.Interval = "Gaza", tracker.Interval{Low: decimal.NewFromInt(1), High: decimal.NewFromInt(9)}
		vs := []tracker.Version{
			{Status: tracker.Accepted, By: "ed"},
			{Status: tracker.Corrected, By: "ed", Claim: c, Note: "checked, \"again\""},
			{Status: tracker.Rejected, By: "sub"},
		}
		if _, err := db.Review(cs[0].ID, vs[i%3]); err != nil {
			tb.Fatal(err)
		}
	}
	if _, err := db.Remove(ids[11]); err != nil {
		tb.Fatal(err)
	}
	for _, a := range []tracker.Ack{{Finding: "b:conflict", Note: "explained"}, {Finding: "a:drop", Note: "revision, \"official\""}} {
		if err := db.Ack(a); err != nil {
			tb.Fatal(err)
		}
	}
}

func mustExport(tb testing.TB, db *DB, format string) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := db.Export(&buf, format); err != nil {
		tb.Fatalf("Export %s: %v", format, err)
	}
	return buf.Bytes()
}

func TestExportImportRoundTrip(t *testing.T) {
	src := mustOpen(t, Options{})
	fillForExport(t, src)
	for _, format := range []string{FormatJSON, FormatJSONL, FormatCSV} {
		t.Run(format, func(t *testing.T) {
			first := mustExport(t, src, format)
			dst := mustOpen(t, Options{})
			res, err := dst.Import(bytes.NewReader(first), "export."+format)
			if err != nil {
				t.Fatal(err)
			}
			if res.Reports != 11 || res.Acks != 2 || res.Claims == 0 || res.Sightings != 3 {
				t.Errorf("Import = %+v, want 11 reports, some claims, 2 acks, 3 sightings", res)
			}
			if second := mustExport(t, dst, format); !bytes.Equal(first, second) {
				t.Errorf("export → import → export differs:\n%s", firstDiff(first, second))
			}
			// The other formats agree too: the databases are the same.
			for _, f := range []string{FormatJSON, FormatJSONL, FormatCSV} {
				if !bytes.Equal(mustExport(t, src, f), mustExport(t, dst, f)) {
					t.Errorf("after importing %s, the %s exports differ", format, f)
				}
			}
		})
	}
}

func firstDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return "line " + itoa(i+1) + ":\n- " + al[i] + "\n+ " + bl[i]
		}
	}
	return "lengths " + itoa(len(al)) + " and " + itoa(len(bl))
}

func itoa(n int) string { return decimal.NewFromInt(int64(n)).String() }

func TestImportCollision(t *testing.T) {
	src := mustOpen(t, Options{})
	mustAdd(t, src, NewReport{Published: tracker.MustDate("2023-10-16"), Text: seedText})
	exp := mustExport(t, src, FormatJSONL)

	dst := mustOpen(t, Options{})
	mustAdd(t, dst, NewReport{Published: tracker.MustDate("2023-10-17"), Text: otherText})
	if _, err := dst.Import(bytes.NewReader(exp), "a.jsonl"); err != nil {
		t.Fatalf("import into a database without these ids: %v", err)
	}
	before := mustExport(t, dst, FormatJSONL)
	_, err := dst.Import(bytes.NewReader(exp), "a.jsonl")
	if !errors.Is(err, ErrCollision) || !strings.Contains(err.Error(), "a.jsonl") || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("second import: err = %v, want ErrCollision naming a.jsonl line 2", err)
	}
	if after := mustExport(t, dst, FormatJSONL); !bytes.Equal(before, after) {
		t.Errorf("a refused import changed the database")
	}
}

func TestImportBad(t *testing.T) {
	src := mustOpen(t, Options{Now: func() time.Time { return time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC) }})
	mustAdd(t, src, NewReport{Published: tracker.MustDate("2023-10-16"), Text: seedText})
	jsonl := string(mustExport(t, src, FormatJSONL))
	lines := strings.Split(strings.TrimSuffix(jsonl, "\n"), "\n")
	doc := string(mustExport(t, src, FormatJSON))
	csv := string(mustExport(t, src, FormatCSV))
	rid := tracker.ReportID(seedText)
	join := func(ls ...string) string { return strings.Join(ls, "\n") + "\n" }
	// The report's text spans lines in the CSV; its first claim row is on
	// this line.
	csvClaimLine := "line " + itoa(strings.Count(csv[:strings.Index(csv, "version,"+rid+"-1,")], "\n")+1)

	tests := []struct {
		name, in string
		want     []string
	}{
		{"empty", "", []string{"empty"}},
		{"blank", "\n \n", []string{"empty"}},
		{"not an export", "hello\n", []string{"not a toll export"}},
		{"no header", join(lines[1:]...), []string{"line 1", "no export header"}},
		{"newer schema", strings.Replace(jsonl, `"schema":`+itoa(ExportSchema), `"schema":9`, 1), []string{"line 1", "schema 9"}},
		{"malformed line", join(lines[0], lines[1], `{"claim":`), []string{"line 3"}},
		{"edited text", strings.Replace(jsonl, "Rescue teams", "Rescue crews", 1), []string{"line 2", "does not match its text"}},
		{"claim before report", join(lines[0], lines[2], lines[1]), []string{"line 2", "not before it"}},
		{"claim twice", join(lines[0], lines[1], lines[2], lines[2]), []string{"line 4", "twice"}},
		{"invalid claim", strings.Replace(jsonl, `"low":312`, `"low":-3`, 1), []string{"line 3", "whole number"}},
		{"claim number past next_claim", strings.Replace(jsonl, `"next_claim":6`, `"next_claim":3`, 1), []string{"line 5", "next_claim"}},
		{"current is not last version", strings.Replace(jsonl, `"status":"unreviewed","versions"`, `"status":"accepted","versions"`, 1), []string{"line 3", "last version"}},
		{"unknown key", join(lines[0], `{"widget":1}`), []string{"line 2", "unknown field"}},
		{"json document truncated", doc[:len(doc)/2], []string{"line"}},
		{"json document, edited text", strings.Replace(doc, "Rescue teams", "Rescue crews", 1), []string{"line 2", "does not match"}},
		{"csv wrong columns", "record,id\nreport,x\n", []string{"line 1"}},
		{"csv version out of order", strings.Replace(csv, "version,"+rid+"-1,"+rid+",1,", "version,"+rid+"-1,"+rid+",2,", 1), []string{csvClaimLine, "out of order"}},
		{"csv bad low", strings.Replace(csv, ",312,,at_least,", ",many,,at_least,", 1), []string{csvClaimLine, "low"}},
		// Issue 10 item 3: numbers the store keeps in 4 bytes. A next_claim
		// of 2³²+2 was stored as 2, and with it a claim numbered 2³²+1 was
		// stored as claim 1.
		{"next_claim past 2^32", strings.Replace(jsonl, `"next_claim":6`, `"next_claim":4294967298`, 1), []string{"line 2", "next_claim 4294967298 is above 4294967295"}},
		{"claim number past 2^32", strings.Replace(jsonl, `"id":"`+rid+`-1"`, `"id":"`+rid+`-4294967297"`, 1), []string{"line 3", "claim numbers go from 1 to 4294967294"}},
		{"claim number past int", strings.Replace(jsonl, `"id":"`+rid+`-1"`, `"id":"`+rid+`-99999999999999999999999"`, 1), []string{"line 3", "claim numbers go from 1 to 4294967294"}},
		// Issue 10 item 4: an exponent hung import with the lock held.
		{"exponent", strings.Replace(jsonl, `"low":312`, `"low":1e999999999`, 1), []string{"line 3", "not a whole number"}},
		{"exponent high", strings.Replace(jsonl, `"low":312,"high":null`, `"low":312,"high":1e100000000`, 1), []string{"line 3", "not a whole number"}},
		{"fraction", strings.Replace(jsonl, `"low":312`, `"low":312.5`, 1), []string{"line 3", "not a whole number"}},
		{"above MaxCount", strings.Replace(jsonl, `"low":312`, `"low":1000000000001`, 1), []string{"line 3", "count too large"}},
		{"many digits", strings.Replace(jsonl, `"low":312`, `"low":`+strings.Repeat("3", 1<<20), 1), []string{"line 3", "too many digits"}},
		{"csv exponent", strings.Replace(csv, ",312,,at_least,", ",1e999999999,,at_least,", 1), []string{csvClaimLine, "not a whole number"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := mustOpen(t, Options{})
			start := time.Now()
			_, err := db.Import(strings.NewReader(tt.in), "in.export")
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("Import took %v", d)
			}
			if err == nil {
				t.Fatalf("Import succeeded")
			}
			for _, w := range append(tt.want, "in.export") {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("err = %v, want it to say %q", err, w)
				}
			}
			if n := len(mustExport(t, db, FormatJSONL)); n != len(`{"toll_export":1,"schema":`+itoa(Schema)+`}`)+1 {
				t.Errorf("a failed import left data behind")
			}
		})
	}
}

// TestImportTooManyClaims imports a report with one claim more than a
// report may hold: refused with tracker.ErrTooManyClaims, nothing stored.
func TestImportTooManyClaims(t *testing.T) {
	src := mustOpen(t, Options{})
	mustAdd(t, src, NewReport{Published: tracker.MustDate("2023-10-16"), Text: otherText})
	lines := strings.Split(strings.TrimSuffix(string(mustExport(t, src, FormatJSONL)), "\n"), "\n")
	rid := tracker.ReportID(otherText)
	var b strings.Builder
	b.WriteString(lines[0] + "\n")
	b.WriteString(strings.Replace(lines[1], `"next_claim":3`, `"next_claim":20000`, 1) + "\n")
	for n := 1; n <= tracker.MaxClaims+1; n++ {
		b.WriteString(strings.Replace(lines[2], `"id":"`+rid+`-1"`, `"id":"`+rid+`-`+itoa(n)+`"`, 1) + "\n")
	}
	dst := mustOpen(t, Options{})
	_, err := dst.Import(strings.NewReader(b.String()), "many.jsonl")
	if !errors.Is(err, tracker.ErrTooManyClaims) || !strings.Contains(err.Error(), "line "+itoa(tracker.MaxClaims+3)) {
		t.Errorf("err = %v, want ErrTooManyClaims at line %d", err, tracker.MaxClaims+3)
	}
	if n := len(mustExport(t, dst, FormatJSONL)); n != len(`{"toll_export":1,"schema":`+itoa(Schema)+`}`)+1 {
		t.Errorf("a failed import left data behind")
	}
}

// TestImportCSVNotUTF8 is FuzzImport's find (its seed cfc548e241c12fd9):
// a CSV cell that is not UTF-8 was stored as given and exported as JSON
// with U+FFFD in its place, so export → import → export changed. Import
// refuses it, naming the line and the column, and stores nothing.
func TestImportCSVNotUTF8(t *testing.T) {
	src := mustOpen(t, Options{})
	fillForExport(t, src)
	csv := mustExport(t, src, FormatCSV)
	i := bytes.Index(csv, []byte(`"Quotes, ""commas""`))
	if i < 0 {
		t.Fatal("no report title with quotes in the export")
	}
	bad := slices.Concat(csv[:i+1], []byte("Quo\xfftes"), csv[i+len(`"Quotes`):])
	dst := mustOpen(t, Options{})
	_, err := dst.Import(bytes.NewReader(bad), "bad.csv")
	if err == nil || !strings.Contains(err.Error(), "the title cell is not UTF-8") || !strings.Contains(err.Error(), "line ") {
		t.Errorf("err = %v, want the line and the title cell named", err)
	}
	if n := countReports(t, dst); n != 0 {
		t.Errorf("a refused import stored %d reports", n)
	}
}
