package ingest

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLanguage reads the reports under testdata/ingest/lang, written for
// toll in twelve languages, and English ones that could mislead a
// detector: names of places, a quoted Spanish chant, a wire dateline,
// and a headline alone (too short to judge).
func TestLanguage(t *testing.T) {
	tests := []struct{ file, want string }{
		{"ar.txt", "Arabic"}, {"de.txt", "German"}, {"es.txt", "Spanish"}, {"fr.txt", "French"},
		{"id.txt", "Indonesian"}, {"it.txt", "Italian"}, {"nl.txt", "Dutch"}, {"pl.txt", "Polish"},
		{"pt.txt", "Portuguese"}, {"ru.txt", "Russian"}, {"tr.txt", "Turkish"}, {"uk.txt", "Ukrainian"},
		{"en-places.txt", ""}, {"en-quote.txt", ""}, {"en-wire.txt", ""}, {"en-short.txt", ""},
	}
	files, err := filepath.Glob(fixture("lang", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(tests) {
		t.Fatalf("%d files under testdata/ingest/lang, %d cases", len(files), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			docs, err := ReadFile(fixture("lang", tt.file), nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := docs[0].Language; got != tt.want {
				t.Errorf("Language = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestLanguageEnglishCorpora checks that no English report of the
// evaluation corpora and series is taken for another language: a wrong
// note would tell a user that toll cannot read a report it reads.
func TestLanguageEnglishCorpora(t *testing.T) {
	var files []string
	for _, dir := range []string{"eval", "series"} {
		fs, err := filepath.Glob(filepath.Join(td, "..", dir, "*.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, fs...)
	}
	if len(files) == 0 {
		t.Fatal("no corpora under testdata/eval and testdata/series")
	}
	n := 0
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for line := 1; sc.Scan(); line++ {
			var r struct {
				Text string `json:"text"`
			}
			if json.Unmarshal(sc.Bytes(), &r) != nil || strings.TrimSpace(r.Text) == "" {
				continue
			}
			n++
			if lang := Language(r.Text); lang != "" {
				t.Errorf("%s:%d: English text read as %s: %.80q", f, line, lang, r.Text)
			}
		}
		fh.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	if n < 500 {
		t.Fatalf("only %d texts read from %d files", n, len(files))
	}
}

func TestLanguageLimits(t *testing.T) {
	fr := "Le bilan du tremblement de terre qui a frappé le pays vendredi soir s'élève désormais à plus de deux mille morts selon le ministère, et les secours tentent toujours d'atteindre les villages isolés."
	tests := []struct{ name, text, want string }{
		{"french", fr, "French"},
		{"too short to judge", "Le bilan s'élève à 2 012 morts.", ""},
		{"a long text is judged by its start", fr + strings.Repeat(" The toll rose again.", 2000), "French"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Language(tt.text); got != tt.want {
				t.Errorf("Language = %q, want %q", got, tt.want)
			}
		})
	}
}

func BenchmarkLanguage(b *testing.B) {
	data, err := os.ReadFile(fixture("lang", "en-quote.txt"))
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	for b.Loop() {
		Language(text)
	}
}

// BenchmarkLanguageLong is a report longer than maxLanguageBytes: the
// cost is that of its start.
func BenchmarkLanguageLong(b *testing.B) {
	data, err := os.ReadFile(fixture("lang", "en-quote.txt"))
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(string(data)+"\n\n", 40)
	for b.Loop() {
		Language(text)
	}
}

// TestReadsEnglish: English function words make a text English whatever
// its trigrams; French, Spanish and German texts do not have them.
func TestReadsEnglish(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"a short wire story", "MUMBAI (Reuters) - A week after seven bombs ripped through commuter trains, Mumbai's suburban rail network was carrying its usual 6 million passengers a day.", true},
		{"a bulletin line", "Los Angeles fires, at a glance: Palisades fire 20,000 acres, 8 per cent contained. Eaton fire 14,000 acres, 0 per cent contained. Structures destroyed: about 10,000. Evacuation orders: 180,000 residents.", true},
		{"French", "Au moins 27 personnes ont été tuées et des dizaines blessées dans l'explosion survenue mardi soir dans le port de la capitale, selon le ministère de la Santé.", false},
		{"Spanish", "Al menos 27 personas murieron y decenas resultaron heridas en la explosión ocurrida el martes por la noche en el puerto de la capital, según el ministerio.", false},
		{"Dutch", "Minstens 27 mensen werden gedood bij de explosie in de haven, en er was veel schade; de minister had het over een ramp.", false},
		{"Italian", "Almeno 27 persone sono morte per l'esplosione nel porto della capitale, secondo il ministero della salute.", false},
		{"German", "Mindestens 27 Menschen wurden bei der Explosion am Dienstagabend im Hafen der Hauptstadt getötet, teilte das Gesundheitsministerium mit.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := readsEnglish(tt.text); got != tt.want {
				t.Errorf("readsEnglish = %v, want %v", got, tt.want)
			}
		})
	}
	if got := Language("Au moins 27 personnes ont été tuées et des dizaines blessées dans l'explosion survenue mardi soir dans le port de la capitale, selon le ministère de la Santé, qui a fait état de nombreux disparus."); got != "French" {
		t.Errorf("Language of a French report = %q, want French", got)
	}
}
