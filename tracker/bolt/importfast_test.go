package bolt

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollproject/toll/tracker"
)

// slowLine decodes a JSONL line as readJSONL did before fastLine, with
// encoding/json alone.
func slowLine(b []byte) (jsonlLine, error) {
	var l jsonlLine
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	err := dec.Decode(&l)
	return l, err
}

// fastLineSeeds are JSONL export lines: those of the import seeds, and of
// a database whose claims were reviewed (with notes), corrected into other
// values, given every field of a context, and whose texts need escapes.
func fastLineSeeds(tb testing.TB) [][]byte {
	tb.Helper()
	var lines [][]byte
	for _, s := range importSeeds(tb) {
		for _, l := range bytes.Split(s, []byte("\n")) {
			if len(l) > 0 && l[0] == '{' {
				lines = append(lines, l)
			}
		}
	}
	db := mustOpen(tb, Options{Extract: func(r tracker.Report) (tracker.Extraction, error) {
		c := tracker.Claim{Category: tracker.Killed, Interval: tracker.Interval{Low: decimal.NewFromInt(12), High: decimal.NewFromInt(15)},
			Qualifier: tracker.Range, Who: "people", Where: "Gaza <north> & \"south\"", Attribution: "the ministry\u2028",
			AsOf: r.Published, Scope: tracker.Period, From: "2023-10-01", To: "2023-10-02", Revised: true, Prior: true,
			Start: 0, End: 5, Span: r.Text[:5], Sentence: r.Text[:20],
			Context: tracker.Context{Place: "Gaza", PlaceID: "gn:1", PlaceFrom: "lead", Event: "war", Incident: true,
				Past: "2014", Via: "state media", Origin: "the ministry", Part: true, Headline: true}}
		d := c
		d.Interval, d.Qualifier, d.Context, d.Revised, d.Prior = tracker.AtLeastInterval(decimal.NewFromInt(3)), tracker.AtLeast, tracker.Context{Via: "x"}, false, false
		return tracker.Extraction{Claims: []tracker.Claim{c, d}}, nil
	}})
	res := mustAdd(tb, db, NewReport{Source: "Wire\t<one>", URL: "https://example.org/a?b=1&c=2", Title: "Tab\there",
		Published: tracker.NewDate(2023, 10, 9), Text: "Twelve \"to\" fifteen people <b> were killed & more.\n\té\u2029 \x7f end"})
	id := res[0].Report.ID
	if _, err := db.Review(tracker.ClaimID(id, 1), tracker.Version{Status: tracker.Accepted, By: "ana", Note: "checked \"twice\"\nok"}); err != nil {
		tb.Fatal(err)
	}
	corrected := tracker.Claim{Category: tracker.Injured, Interval: tracker.AtLeastInterval(decimal.NewFromInt(4)), Qualifier: tracker.AtLeast,
		Who: "children", Scope: tracker.Cumulative, Since: "Saturday", Start: 1, End: 2, Span: "w", Sentence: "made up"}
	if _, err := db.Review(tracker.ClaimID(id, 2), tracker.Version{Status: tracker.Corrected, By: "ben", Claim: corrected,
		At: time.Date(2024, 1, 2, 3, 4, 5, 6, time.FixedZone("", 3600))}); err != nil {
		tb.Fatal(err)
	}
	for _, l := range bytes.Split(mustExport(tb, db, FormatJSONL), []byte("\n")) {
		if len(l) > 0 {
			lines = append(lines, l)
		}
	}
	return lines
}

// TestFastLineTakesExports checks that fastLine reads every report and
// claim line an export writes (else import is slow again, silently), to
// what encoding/json reads.
func TestFastLineTakesExports(t *testing.T) {
	f := newFastLine()
	taken := 0
	for _, b := range fastLineSeeds(t) {
		if !bytes.HasPrefix(b, []byte(`{"report"`)) && !bytes.HasPrefix(b, []byte(`{"claim"`)) {
			continue
		}
		if bytes.Contains(b, []byte(`"sightings"`)) || !json.Valid(b) {
			continue // left to encoding/json; a line of the JSON document
		}
		var l jsonlLine
		if !f.decode(b, &l) {
			t.Fatalf("fastLine does not read %s", b)
		}
		sameLine(t, b, l)
		taken++
	}
	if taken < 10 {
		t.Fatalf("fastLine read %d lines, want at least 10", taken)
	}
}

// sameLine fails unless l, which fastLine read from b, is what
// encoding/json reads from b.
func sameLine(t *testing.T, b []byte, l jsonlLine) {
	t.Helper()
	want, err := slowLine(b)
	if err != nil {
		t.Fatalf("fastLine reads a line encoding/json refuses (%v): %s", err, b)
	}
	gb, _ := json.Marshal(l)
	wb, _ := json.Marshal(want)
	if !bytes.Equal(gb, wb) {
		t.Fatalf("fastLine reads\n%s\nas\n%s\nencoding/json as\n%s", b, gb, wb)
	}
}

// TestFastLineRefuses checks lines fastLine must leave to encoding/json:
// each is either refused by it or read differently from what fastLine
// would make of it.
func TestFastLineRefuses(t *testing.T) {
	var claim []byte
	for _, b := range fastLineSeeds(t) {
		if bytes.HasPrefix(b, []byte(`{"claim"`)) {
			claim = b
			break
		}
	}
	tests := []struct{ name, from, to string }{
		{"white space", `{"claim":{"id":`, `{"claim": {"id":`},
		{"upper-case key", `"report":`, `"Report":`},
		{"escaped time", `"at":"2`, `"at":"\u0032`},
		{"surrogate escape", `"by":"`, `"by":"\ud800`},
		{"invalid utf-8", `"by":"`, "\"by\":\"\xff"},
		{"leading zero", `"start":`, `"start":0`},
		{"negative", `"start":`, `"start":-`},
		{"exponent", `"low":`, `"low":1e`},
		{"unknown key", `"status":`, `"extra":1,"status":`},
		{"trailing", `]}}`, `]}} x`},
	}
	f := newFastLine()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := []byte(strings.Replace(string(claim), tt.from, tt.to, 1))
			if bytes.Equal(b, claim) {
				t.Fatalf("the seed claim has no %q", tt.from)
			}
			var l jsonlLine
			if f.decode(b, &l) {
				t.Errorf("fastLine reads %s", b)
			}
		})
	}
}

// FuzzFastLine checks fastLine against encoding/json: whatever it reads,
// encoding/json reads too, to the same record.
func FuzzFastLine(f *testing.F) {
	seeds := fastLineSeeds(f)
	if len(seeds) == 0 {
		f.Fatal("no seeds")
	}
	for _, s := range seeds {
		f.Add(s)
	}
	fl := newFastLine()
	f.Fuzz(func(t *testing.T, b []byte) {
		var l jsonlLine
		if fl.decode(b, &l) {
			sameLine(t, b, l)
		}
	})
}

// TestFastLineMutations runs FuzzFastLine's check on the seeds with bytes
// changed at random, so that go test exercises it without -fuzz.
func TestFastLineMutations(t *testing.T) {
	seeds := fastLineSeeds(t)
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 2))
	alphabet := []byte("\"\\{}[],:0123456789 -eEnultrfsa\x00\x1f\x7f\xc3\xa9\xff/ubfnrt")
	fl := newFastLine()
	for range 4000 {
		b := bytes.Clone(seeds[rng.IntN(len(seeds))])
		for range 1 + rng.IntN(3) {
			i := rng.IntN(len(b))
			switch rng.IntN(3) {
			case 0:
				b[i] = alphabet[rng.IntN(len(alphabet))]
			case 1:
				b = append(b[:i], b[i+1:]...)
			default:
				b = append(b[:i], append([]byte{alphabet[rng.IntN(len(alphabet))]}, b[i:]...)...)
			}
			if len(b) == 0 {
				break
			}
		}
		var l jsonlLine
		if fl.decode(b, &l) {
			sameLine(t, b, l)
		}
	}
}

// TestFastLineBraceAfterValue: a brace where a comma or the end of a
// context belongs is refused, as encoding/json refuses it (found by
// TestFastLineMutations).
func TestFastLineBraceAfterValue(t *testing.T) {
	line := `{"claim":{"id":"3fb74b830197-2","report":"3fb74b830197","outlet":"Harbor Daily","published":"2023-11-18","claim":{"category":"missing","low":597,"high":null,"qualifier":"more_than","vague":"","who":"people","where":"","attribution":"local officials","as_of":"2023-11-18","scope":"cumulative","since":"","prior":false,"start":240,"end":275,"span":"More than 596 people remain missing","sentence":"More than 596 people remain missing, according to local officials.","context":{"place":"Janīn","place_id":"gn:283506","place_from":"paragraph","event":"attack"}},"status":"unreviewed","versions":[{"claim":{"category":"missing","low":597,"high":null,"qualifier":"more_than","vague":"","who":"people","where":"","attribution":"local officials","as_of":"2023-11-18","scope":"cumulative","since":"","prior":false,"start":240,"end":275,"span":"More than 596 people remain missing","sentence":"More than 596 people remain missing, according to local officials.","context":{"place":"Janīn","place_id":"gn:283506","place_from":"paragraph"CTX}},"status":"unreviewed","by":"extractor 4.8e5818a3","at":"2024-03-01T09:00:02Z"}]}}`
	good := []byte(strings.Replace(line, "CTX", `,"event":"attack"`, 1))
	var l jsonlLine
	if !newFastLine().decode(good, &l) {
		t.Fatalf("fastLine refuses the well-formed line %s", good)
	}
	sameLine(t, good, l)
	tests := []struct{ name, ctx string }{
		{"a brace for a comma", `{"event":"attack"`},
		{"an empty object after a value", `{}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := []byte(strings.Replace(line, "CTX", tt.ctx, 1))
			var l jsonlLine
			if newFastLine().decode(b, &l) {
				t.Errorf("fastLine read %s", b)
			}
		})
	}
}
