package eval

import (
	"github.com/tollproject/toll/tracker/extract"
	"os"
	"path/filepath"
	"testing"
)

// TestCorpus scores the extractor on the annotated corpus under
// testdata/eval and fails below strict F1 0.95. It also keeps the corpus
// honest: at least 300 passages, at least a third of them hard negatives.
// Part A was used to develop the extractor; part B was scored before any
// rule was changed for it (see README, "Measured").
func TestCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "eval", "*.jsonl"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus under testdata/eval: %v", err)
	}
	var all []Passage
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		ps, err := Read(fh, f)
		fh.Close()
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, ps...)
	}
	rep := Score(all, extract.Report)
	t.Logf("%d passages (%d negatives), %d claims: strict P %.3f R %.3f F1 %.3f; loose F1 %.3f",
		rep.Passages, rep.Negatives, rep.Gold, rep.Strict.Precision(), rep.Strict.Recall(), rep.Strict.F1(), rep.Loose.F1())
	if rep.Passages < 300 {
		t.Errorf("got %d passages, want at least 300", rep.Passages)
	}
	if rep.Negatives*3 < rep.Passages {
		t.Errorf("got %d hard negatives of %d passages, want at least a third", rep.Negatives, rep.Passages)
	}
	if f1 := rep.Strict.F1(); f1 < 0.95 {
		t.Errorf("strict F1 %.3f is below 0.95; misses:", f1)
		for _, m := range rep.Misses {
			if m.Strict {
				t.Logf("%s %s %s %q", m.ID, m.Kind, m.Claim, m.Phrase)
			}
		}
	}
}
