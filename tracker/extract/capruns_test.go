package extract

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// capRunRE is the pattern capRuns reads: runs of capitalised words (with
// inner particles of the vocabulary, such as "al-", "de", "of") that may
// name places.
func capRunRE(v *vocabulary) *regexp.Regexp {
	ps := make([]string, len(v.particles))
	for i, p := range v.particles {
		ps[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile(`\b[A-Z][\p{L}'’\-]*(?:\s+(?:(?:` + strings.Join(ps, "|") + `)[\s\-]+)?[A-Z][\p{L}'’\-]*)*`)
}

// capRunSeeds sit at the edges of capRuns: particles, white space,
// apostrophes, hyphens, letters outside ASCII, broken UTF-8.
var capRunSeeds = []string{
	"", "A", "a", "Gaza", "Gaza City", "Khan al-Ahmar", "Rio de Janeiro", "Rio del Mar", "Rio dell Mar", "Bay of Bengal",
	"Bay of the Sea", "Bay ofBengal", "Bay of  -  Bengal", "Gaza al", "Gaza al-", "Gaza al- ", "Gaza al-sham", "Gaza\t\n\f\rCity",
	"Gaza\vCity", "Morocco's Al Haouz", "Morocco’s", "Kahramanmaraş Province", "Şanlıurfa", "İzmir", "xGaza", "_Gaza", "9Gaza",
	"éGaza", "é Gaza", "Gaza\xffCity", "Gaza \xff City", "G", "GG", "G-", "G'", "O'Brien", "Abu Dhabi-Based", "bin Laden",
	"Osama bin Laden", "Abd ibn Saud", "Ben ben Ben", "THE the THE", "Tel Aviv. Jaffa", "New York, Paris", "Saint-Étienne",
	"Gaza ", " Gaza", "Al Haouz the", "Gaza elZ", "Gaza el Zeitoun", "Gaza la\u00a0Paz", "Gaza la Paz", "Gaza de\u2003Z",
}

func capRunsOf(s string) [][]int {
	var out [][]int
	defaultVocabulary().capRuns(s, func(a, b int) { out = append(out, []int{a, b}) })
	return out
}

// TestCapRuns holds capRuns to the regexp it stands for, on the seeds, on
// every text under testdata/extract and testdata/eval, and on random
// strings of the characters the pattern turns on.
func TestCapRuns(t *testing.T) {
	inputs := append([]string(nil), capRunSeeds...)
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "extract", "*.txt"))
	evals, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "eval", "*.jsonl"))
	for _, f := range append(files, evals...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(b))
	}
	v := defaultVocabulary()
	re := capRunRE(v)
	pieces := append([]string{"A", "Z", "a", "z", "G",
		" ", "  ", "\t", "\n", "\v", "-", "'", "’", "é", "Ş", "\u00a0", "_", "9", ".", ",", "\xff", "\xe2\x80"}, v.particles...)
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		var sb strings.Builder
		for range r.IntN(12) {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
		inputs = append(inputs, sb.String())
	}
	runs := 0
	for _, s := range inputs {
		got, want := capRunsOf(s), re.FindAllStringIndex(s, -1)
		runs += len(want)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("capRuns(%q) = %v, want %v", s, got, want)
		}
	}
	if runs < 1000 {
		t.Errorf("only %d runs in the inputs: the test checks little", runs)
	}
}

// FuzzCapRuns checks the same on any text.
func FuzzCapRuns(f *testing.F) {
	for _, s := range capRunSeeds {
		f.Add(s)
	}
	re := capRunRE(defaultVocabulary())
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := capRunsOf(s), re.FindAllStringIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("capRuns(%q) = %v, want %v", s, got, want)
		}
	})
}
