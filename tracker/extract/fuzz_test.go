package extract

import (
	"github.com/tollproject/toll/tracker"

	"bufio"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// fuzzSeeds gathers the seed corpus: every golden report and every
// passage of the annotated corpus. The fuzz test fails when it is empty,
// so a moved directory cannot silently turn fuzzing into a no-op.
func fuzzSeeds(tb testing.TB) []string {
	tb.Helper()
	var seeds []string
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "extract", "*.txt"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		seeds = append(seeds, string(b))
	}
	corpora, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "eval", "*.jsonl"))
	for _, f := range corpora {
		fh, err := os.Open(f)
		if err != nil {
			tb.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<16), 1<<20)
		for sc.Scan() {
			var p struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &p) == nil && p.Text != "" {
				seeds = append(seeds, p.Text)
			}
		}
		fh.Close()
	}
	// shapes that have broken lexers before
	seeds = append(seeds, "on.”", "U.S. 1,100", "between 1 and", "12-", "from 1,900 to", "a hundred and", "—", "\u00a0625\u00a0000 people were killed", "Quake kills 12\n\nȺȺȺȺ At least 12 people were killed. Nearly all of the dead were in Kunar", "Martyrs 5 of the")
	return seeds
}

func TestFuzzSeedsNotEmpty(t *testing.T) {
	if n := len(fuzzSeeds(t)); n < 100 {
		t.Fatalf("got %d fuzz seeds, want at least 100 (the golden reports and the eval corpus)", n)
	}
}

// FuzzExtract checks the extractor's promises on any text: no panic;
// every span inside the input and equal to its slice; the same input gives
// the same claims; low ≤ high; every claim valid.
func FuzzExtract(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s, "2023-10-09")
	}
	f.Fuzz(func(t *testing.T, text, date string) {
		d, err := tracker.ParseDate(date)
		if err != nil {
			d = tracker.Date{}
		}
		// never a hang: a text that takes seconds is a failure with the
		// input saved under testdata/fuzz
		type out struct {
			res tracker.Extraction
			err error
		}
		done := make(chan out, 1)
		go func() {
			r, err := Extract(text, Options{Date: d})
			done <- out{r, err}
		}()
		var res tracker.Extraction
		select {
		case o := <-done:
			res, err = o.res, o.err
		case <-time.After(3 * time.Second):
			t.Fatalf("Extract took over 3s on %d bytes", len(text))
		}
		if errors.Is(err, tracker.ErrInternal) {
			t.Fatal(err)
		}
		if err != nil {
			return // text that cannot be a report: checked by TestExtractErrors
		}
		again, err := Extract(text, Options{Date: d})
		if err != nil {
			t.Fatalf("second run failed: %v", err)
		}
		if !reflect.DeepEqual(res, again) {
			t.Fatalf("same input, different claims")
		}
		for _, c := range res.Claims {
			if c.Start < 0 || c.End > len(text) || c.Start > c.End {
				t.Fatalf("span %d..%d outside the input (%d bytes)", c.Start, c.End, len(text))
			}
			if text[c.Start:c.End] != c.Span {
				t.Fatalf("span %q is not text[%d:%d]", c.Span, c.Start, c.End)
			}
			if !c.Interval.Unbounded && c.Interval.Low.Cmp(c.Interval.High) > 0 {
				t.Fatalf("low %s above high %s", c.Interval.Low, c.Interval.High)
			}
			if err := c.Validate(); err != nil {
				t.Fatalf("invalid claim %+v: %v", c, err)
			}
		}
	})
}

// reportSeeds are titled reports for FuzzReport: the title-only paths
// (headline places, storm names, headline twins) are reached only through
// Report with a title, which FuzzExtract never passes.
func reportSeeds() [][2]string {
	return [][2]string{
		{"Otis death toll climbs to 39", "The number of people killed by Hurricane Otis in the state of Guerrero has risen to 39, the governor said. The toll had stood at 27 on Thursday."},
		{"Idai toll passes 750 as cholera fears grow", "HARARE (Wire) - The death toll from Cyclone Idai has risen to more than 750 across Mozambique, Zimbabwe and Malawi, officials said, with 468 dead in Mozambique alone."},
		{"Kenya Starvation Cult Toll Climbs To 89, Including Children", "MALINDI, Kenya, April 25 (Wire) – Investigators unearthed 16 more bodies, raising the number of dead to 89, police said."},
		{"Bodies of 22 more soldiers recovered? Army says search goes on", "NEW DELHI (Times) - The army said nine bodies had been recovered so far."},
		{"Quake Toll Rises To 1,411", "KABUL — The number of people killed has risen to 1,411, the spokesman said. Nearly all of the dead were in Kunar, he said."},
		{"Ȿ", "ȺȺ 5 of the"},
		{"", "Martyrs 5 of the"},
	}
}

func TestReportFuzzSeedsNotEmpty(t *testing.T) {
	if n := len(reportSeeds()); n < 5 {
		t.Fatalf("got %d report fuzz seeds, want at least 5", n)
	}
}

// FuzzReport checks Report's promises on any title and body: no panic,
// no hang, every span inside the text and equal to its slice, the same
// claims twice.
func FuzzReport(f *testing.F) {
	for _, s := range reportSeeds() {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, title, body string) {
		text := tracker.WithHeadline(title, body)
		rep := tracker.Report{ID: "r", Title: title, Text: text, Published: tracker.MustDate("2024-01-02")}
		type out struct {
			res tracker.Extraction
			err error
		}
		done := make(chan out, 1)
		go func() {
			r, err := Report(rep)
			done <- out{r, err}
		}()
		var res tracker.Extraction
		var err error
		select {
		case o := <-done:
			res, err = o.res, o.err
		case <-time.After(3 * time.Second):
			t.Fatalf("Report took over 3s on %d bytes", len(text))
		}
		if errors.Is(err, tracker.ErrInternal) {
			t.Fatal(err)
		}
		if err != nil {
			return
		}
		again, err := Report(rep)
		if err != nil || !reflect.DeepEqual(res, again) {
			t.Fatalf("same input, different result (%v)", err)
		}
		for _, c := range res.Claims {
			if c.Start < 0 || c.End > len(text) || c.Start > c.End || text[c.Start:c.End] != c.Span {
				t.Fatalf("span %q at %d..%d is not the text's (%d bytes)", c.Span, c.Start, c.End, len(text))
			}
		}
	})
}
