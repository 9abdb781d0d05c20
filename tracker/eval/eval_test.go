package eval

import (
	"bytes"
	"errors"
	"github.com/tollproject/toll/tracker/extract"
	"strings"
	"testing"

	"github.com/tollproject/toll/tracker"
)

const tiny = `{"id":"t1","published":"2023-10-09","text":"At least 1,100 people have been killed since Saturday.","claims":[{"category":"killed","low":1100,"high":null,"qualifier":"at_least","who":"people","phrase":"At least 1,100 people","scope":"cumulative"}]}
{"id":"t2","published":"2023-10-09","text":"The council met for about 90 minutes.","claims":[]}
{"id":"t3","published":"2023-10-09","text":"An airstrike killed 12 people, including five children.","claims":[{"category":"killed","low":12,"high":12,"qualifier":"exact","who":"people","phrase":"killed 12 people"},{"category":"killed","low":6,"high":6,"qualifier":"exact","who":"children","phrase":"five children"}]}
{"id":"t4","published":"2023-10-13","text":"The death toll rose to 2,329 from 1,900.","claims":[{"category":"killed","low":2329,"high":2329,"qualifier":"exact","who":"people","phrase":"2,329"}]}
`

func TestScore(t *testing.T) {
	ps, err := Read(strings.NewReader(tiny), "tiny.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	rep := Score(ps, extract.Report)
	// t1 and t3's 12 match; t3's "five children" is annotated as 6 on
	// purpose (a strict miss and a strict spurious claim, a loose match);
	// t4's prior 1,900 is found but not annotated: spurious.
	if got, want := rep.Strict, (Counts{TP: 3, FP: 2, FN: 1}); got != want {
		t.Errorf("strict: got %+v, want %+v", got, want)
	}
	if got, want := rep.Loose, (Counts{TP: 4, FP: 1, FN: 0}); got != want {
		t.Errorf("loose: got %+v, want %+v", got, want)
	}
	if rep.Passages != 4 || rep.Negatives != 1 || rep.Gold != 4 {
		t.Errorf("got %d passages, %d negatives, %d gold; want 4, 1, 4", rep.Passages, rep.Negatives, rep.Gold)
	}
	if f := rep.Fields["scope"]; f == nil || f[0] != 1 || f[1] != 1 {
		t.Errorf("scope agreement: got %v, want 1 of 1", f)
	}
	var buf bytes.Buffer
	if err := rep.Write(&buf, -1); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"strict", "loose", "t3", "missed", "spurious", "prior"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, buf.String())
		}
	}
}

func TestPriorIsOptional(t *testing.T) {
	const c = `{"id":"p","published":"2023-10-13","text":"The death toll rose to 2,329 from 1,900.","claims":[{"category":"killed","low":2329,"high":2329,"qualifier":"exact","who":"people","phrase":"2,329"},{"category":"killed","low":1900,"high":1900,"qualifier":"exact","who":"people","phrase":"1,900","prior":true}]}`
	ps, err := Read(strings.NewReader(c), "p.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	rep := Score(ps, extract.Report)
	if got, want := rep.Strict, (Counts{TP: 2}); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if rep.Gold != 1 {
		t.Errorf("got %d required gold claims, want 1 (prior claims are optional)", rep.Gold)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"bad json", `{"id":`, "c.jsonl:1: bad corpus line"},
		{"unknown key", `{"id":"x","published":"2023-10-09","text":"t","claims":[],"extra":1}`, "unknown field"},
		{"phrase not in text", `{"id":"x","published":"2023-10-09","text":"abc","claims":[{"category":"killed","low":1,"high":1,"qualifier":"exact","who":"people","phrase":"zzz"}]}`, "c.jsonl:1: bad corpus line: claim 1: phrase \"zzz\" is not in the text"},
		{"bad category", `{"id":"x","published":"2023-10-09","text":"abc","claims":[{"category":"dead","low":1,"high":1,"qualifier":"exact","who":"people","phrase":"abc"}]}`, "unknown category"},
		{"high below low", `{"id":"x","published":"2023-10-09","text":"abc","claims":[{"category":"killed","low":5,"high":1,"qualifier":"exact","who":"people","phrase":"abc"}]}`, "below low"},
		{"bad date", `{"id":"x","published":"9 Oct","text":"abc","claims":[]}`, "published"},
		{"duplicate id", "{\"id\":\"x\",\"published\":\"2023-10-09\",\"text\":\"a\",\"claims\":[]}\n{\"id\":\"x\",\"published\":\"2023-10-09\",\"text\":\"b\",\"claims\":[]}", "c.jsonl:2: bad corpus line: id \"x\" already used on line 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in), "c.jsonl")
			if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.Is(err, ErrCorpus) {
				t.Errorf("got %v, want an ErrCorpus containing %q", err, tt.want)
			}
		})
	}
}

func TestCounts(t *testing.T) {
	c := Counts{TP: 8, FP: 2, FN: 2}
	if c.Precision() != 0.8 || c.Recall() != 0.8 {
		t.Errorf("got P %v R %v, want 0.8 0.8", c.Precision(), c.Recall())
	}
	if f := c.F1(); f < 0.7999 || f > 0.8001 {
		t.Errorf("got F1 %v, want 0.8", f)
	}
	var empty Counts
	if empty.F1() != 1 {
		t.Errorf("empty counts: got F1 %v, want 1 (nothing to find, nothing found)", empty.F1())
	}
	_ = tracker.Killed
}
