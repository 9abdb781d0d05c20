package eval

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tollproject/toll/tracker/extract"
)

// TestCorpus scores the extractor on each annotated corpus under
// testdata/eval and on all of them together, and fails below each one's
// floor: the strict F1 it must keep. Parts A and B were used to develop
// the extractor (B was scored before any rule was tuned on it) and keep
// the 0.95 floor. Parts C and D were written by people who never saw the
// rules, about events the rules were never tuned near, the way our users'
// real text is: their floors are the scores the extractor has reached on
// them, so that recall work can only move them up. Part E (wire, agency
// and UN styles, 2022–2025 events) was scored before the rules were tuned
// on it: strict P 0.981 R 0.897 F1 0.938. Part F (30 passages) was
// written after the rules were tuned on E and scored before any rule was
// tuned on it: P 0.971 R 0.919 F1 0.944, the same as before the E work.
// Part G (237 passages, 79 hard negatives, 2024–2025 events in wire,
// agency, ministry, UN, headline, live-blog and local styles) was written
// by a helper who had not read the rules, and scored before any rule was
// tuned on it: P 0.966 R 0.838 F1 0.897; its floor is what the rules
// tuned on it reach. Part H (260 passages, 91 hard negatives, 2024–2025
// events, written the same way after the G work) scored P 0.990 R 0.858
// F1 0.919 before any rule was tuned on it (corpus-h.first.log); its
// floor is what the rules tuned on it reach. Part I (350 passages, 120
// hard negatives, 2024–2026 events in UN flash-update, WHO outbreak-news,
// IFRC appeal, ministry, police, live-blog, South Asian, African and
// Philippine local, court and table styles, written by a helper who had
// not read the rules) scored P 0.976 R 0.880 F1 0.926 before any rule
// was tuned on it (corpus-i.first.log).
// Part J (364 passages, 121 hard negatives, 2024–2026 events in
// headline, live-blog, agency-relay, translated Spanish, French,
// Portuguese and Arabic, police, court, UN and wire styles, written by a
// helper who had not read the rules) scored P 0.942 R 0.827 F1 0.881
// before any rule was tuned on it (corpus-j.first.log); its floor is what
// the rules tuned on it reach (F1 0.961), as I's is after the J work
// (0.941; 0.956 after the K work). Part K (348 passages, 132 hard negatives, 2024–2025 events in
// OCHA, WHO, Red Cross table-as-prose, South Asian, Nigerian, Kenyan and
// Philippine local, police, court, shipwreck, mine and factory, conflict,
// breakdown, number-last and live-blog styles, written by a helper who
// had not read the rules) scored P 0.970 R 0.870 F1 0.917 before any rule
// was tuned on it (corpus-k.first.log), and F1 0.918 once two labels were
// fixed; its floor is what the rules tuned on it reach, rounded down
// (0.951 after the verbs of dying of local copy, groups joined to
// unknown plurals and the words of police and bulletin copy).
// Part L (353 passages, 120 hard negatives, 2005–2026 events in court,
// police, table, IFRC, WHO, agency-relay, translated, NGO, live-blog,
// local, UN, headline, ministry and wire styles, written by a helper who
// had not read the rules) scored P 0.974 R 0.815 F1 0.887 before any rule
// was tuned on it (corpus-l.first.log); its floor is what the rules
// tuned on it reach, rounded down (F1 0.984 after bulletin labels
// between bars and dashes, bracketed lead-ins, table columns, the
// vocabulary of translated, local and court copy and the false claims'
// fixes).
// Part M (379 passages, 132 hard negatives, 2024–2025 reports in local
// South Asian, Nigerian, Kenyan and Philippine, wire, translated Spanish,
// Portuguese, French, Arabic, Chinese and Russian agency, headline, UN,
// WHO, police, live-blog, ministry, IFRC, court, table and NGO styles,
// written by a helper who had not read the rules) scored P 0.974 R 0.869
// F1 0.918 before any rule was tuned on it (corpus-m.first.log); its
// floor is that score.
// README ("Measured") gives each first score. It also keeps the corpus
// honest: at least 300 passages, at least a third of them hard
// negatives, and no corpus file without a floor.
func TestCorpus(t *testing.T) {
	floors := map[string]float64{
		"corpus-a.jsonl": 0.95,
		"corpus-b.jsonl": 0.95,
		"corpus-c.jsonl": 0.98,
		"corpus-d.jsonl": 0.97,
		"corpus-e.jsonl": 0.99,
		"corpus-f.jsonl": 0.98,
		"corpus-g.jsonl": 0.97,
		"corpus-h.jsonl": 0.97,
		"corpus-i.jsonl": 0.95,
		"corpus-j.jsonl": 0.96,
		"corpus-k.jsonl": 0.95,
		"corpus-l.jsonl": 0.98,
		"corpus-m.jsonl": 0.918,
	}
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "eval", "*.jsonl"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus under testdata/eval: %v", err)
	}
	var all []Passage
	for _, f := range files {
		name := filepath.Base(f)
		floor, ok := floors[name]
		if !ok {
			t.Errorf("%s has no floor in corpusFloors: score it before any rule is tuned on it, and add it", f)
			continue
		}
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
		t.Run(name, func(t *testing.T) { checkScore(t, Score(ps, extract.Report), floor) })
	}
	rep := Score(all, extract.Report)
	t.Logf("all: %d passages (%d negatives), %d claims: strict P %.3f R %.3f F1 %.3f; loose F1 %.3f",
		rep.Passages, rep.Negatives, rep.Gold, rep.Strict.Precision(), rep.Strict.Recall(), rep.Strict.F1(), rep.Loose.F1())
	if rep.Passages < 300 {
		t.Errorf("got %d passages, want at least 300", rep.Passages)
	}
	if rep.Negatives*3 < rep.Passages {
		t.Errorf("got %d hard negatives of %d passages, want at least a third", rep.Negatives, rep.Passages)
	}
}

func checkScore(t *testing.T, rep Report, floor float64) {
	t.Helper()
	t.Logf("%d passages (%d negatives), %d claims: strict P %.3f R %.3f F1 %.3f",
		rep.Passages, rep.Negatives, rep.Gold, rep.Strict.Precision(), rep.Strict.Recall(), rep.Strict.F1())
	if f1 := rep.Strict.F1(); f1 < floor {
		t.Errorf("strict F1 %.3f is below %.2f; misses:", f1, floor)
		for _, m := range rep.Misses {
			if m.Strict {
				t.Logf("%s %s %s %q", m.ID, m.Kind, m.Claim, m.Phrase)
			}
		}
	}
}
