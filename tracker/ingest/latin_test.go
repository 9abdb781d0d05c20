package ingest

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// languageTexts are the texts the detector is held to whatlanggo on: every
// report of the evaluation corpora, the series and the held-out series,
// every file under testdata/ingest/lang (twelve languages and English
// that could mislead) and under testdata/extract.
func languageTexts(tb testing.TB) []string {
	tb.Helper()
	var texts []string
	for _, glob := range []string{"eval/*.jsonl", "series/*.jsonl", "series-heldout/*.jsonl"} {
		files, err := filepath.Glob(filepath.Join(td, "..", glob))
		if err != nil {
			tb.Fatal(err)
		}
		for _, f := range files {
			fh, err := os.Open(f)
			if err != nil {
				tb.Fatal(err)
			}
			sc := bufio.NewScanner(fh)
			sc.Buffer(make([]byte, 1<<20), 1<<20)
			for sc.Scan() {
				var r struct {
					Text string `json:"text"`
				}
				if json.Unmarshal(sc.Bytes(), &r) == nil && r.Text != "" {
					texts = append(texts, r.Text)
				}
			}
			fh.Close()
			if err := sc.Err(); err != nil {
				tb.Fatal(err)
			}
		}
	}
	for _, glob := range []string{"ingest/lang/*.txt", "extract/*.txt"} {
		files, err := filepath.Glob(filepath.Join(td, "..", glob))
		if err != nil {
			tb.Fatal(err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			texts = append(texts, string(data))
		}
	}
	if len(texts) < 1000 {
		tb.Fatalf("only %d texts under testdata", len(texts))
	}
	return texts
}

// languageRef is Language as it was with whatlanggo.Detect alone, and
// its English function words (readsEnglish) as Language has them.
func languageRef(text string) string {
	text, ok := languageSample(text)
	if !ok {
		return ""
	}
	info := whatlanggo.Detect(text)
	if !info.IsReliable() || info.Lang == whatlanggo.Eng || readsEnglish(text) {
		return ""
	}
	return info.Lang.String()
}

// checkDetect fails unless detect gives whatlanggo's answer for text: the
// same confidence, and the same language whenever the confidence is above
// 0 (at 0 the nearest languages tie, or none is near, and whatlanggo's
// pick is its map's order), and Language the same as languageRef.
func checkDetect(t *testing.T, text string) {
	t.Helper()
	if got, want := isLatinScript(text), whatlanggo.DetectScript(text) == unicode.Latin; got != want {
		t.Errorf("isLatinScript = %v, whatlanggo %v: %.100q", got, want, text)
	}
	want := whatlanggo.Detect(text)
	lang, conf := detect(text)
	if conf != want.Confidence || conf > 0 && lang != want.Lang {
		t.Errorf("detect = %v %v, whatlanggo %v %v: %.100q", lang, conf, want.Lang, want.Confidence, text)
	}
	if got, want := Language(text), languageRef(text); got != want {
		t.Errorf("Language = %q, whatlanggo alone %q: %.100q", got, want, text)
	}
}

// TestLanguageMatchesWhatlanggo checks that the detector answers as
// whatlanggo does on every text of testdata, on each one's first 80, 300
// and 1,000 bytes, and on its first paragraph and its headline.
func TestLanguageMatchesWhatlanggo(t *testing.T) {
	texts := languageTexts(t)
	reliable := 0
	for _, text := range texts {
		if len(text) > maxLanguageBytes {
			text = text[:maxLanguageBytes]
			for !utf8.ValidString(text) {
				text = text[:len(text)-1]
			}
		}
		variants := []string{text}
		for _, n := range []int{80, 300, 1000} {
			if n < len(text) {
				v := text[:n]
				for !utf8.ValidString(v) {
					v = v[:len(v)-1]
				}
				variants = append(variants, v)
			}
		}
		if para, _, ok := strings.Cut(text, "\n\n"); ok {
			variants = append(variants, para)
		}
		if line, _, ok := strings.Cut(text, "\n"); ok {
			variants = append(variants, line)
		}
		for _, v := range variants {
			checkDetect(t, v)
			if _, c := detect(v); c > whatlanggo.ReliableConfidenceThreshold {
				reliable++
			}
		}
	}
	if reliable < len(texts)/2 {
		t.Errorf("only %d reliable answers: the texts do not test much", reliable)
	}
}

// TestDetectLatinEdges covers texts with no trigram, no letter, one rune,
// and runes past ASCII that whatlanggo still reads as Latin.
func TestDetectLatinEdges(t *testing.T) {
	tests := []string{
		"", " ", "a", "ab", "  a  b  ", "1234 5678", "!!!", "\x01\x02", "é", "naïve café déjà vu",
		"Der Bürgermeister sagte, dass mindestens zwölf Menschen getötet wurden.",
		"\u201cAt least 40 people were killed,\u201d the ministry said \u2014 a figure that rose.",
		strings.Repeat("the ", 500), strings.Repeat("z", 2000), "ÀÁÂÃÄÅ ÆÇÈÉ",
		"Ώ Ω ω latin mixed with Ελληνικά", "\uFFFD\uFFFD abc",
		"abc αβγ", "αβγ abc", "ab αβ вг", "вг αβ ab", "日本語 カタカナ abc", "日本 ab", "ひら ab", "ab ひら",
		"Киев abcd", "abcd Киев", "Киев 1234 ab", "שלום abcd", "abcd مرحبا", "é", "ɐ ɐ ɐ ɐ ɐ",
	}
	for _, text := range tests {
		checkDetect(t, text)
	}
}

// FuzzLanguageMatchesWhatlanggo holds the detector to whatlanggo on
// any text; the seeds are the first 400 bytes of texts under testdata.
func FuzzLanguageMatchesWhatlanggo(f *testing.F) {
	texts := languageTexts(f)
	seeds := 0
	for i := 0; i < len(texts); i += 50 {
		s := texts[i][:min(400, len(texts[i]))]
		if utf8.ValidString(s) {
			f.Add(s)
			seeds++
		}
	}
	if seeds == 0 {
		f.Fatal("no seeds")
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > maxLanguageBytes {
			return
		}
		checkDetect(t, text)
	})
}

func BenchmarkDetect(b *testing.B) {
	texts := languageTexts(b)
	for b.Loop() {
		for _, text := range texts[:200] {
			detect(text[:min(len(text), maxLanguageBytes)])
		}
	}
}

func BenchmarkDetectWhatlanggo(b *testing.B) {
	texts := languageTexts(b)
	for b.Loop() {
		for _, text := range texts[:200] {
			whatlanggo.Detect(text[:min(len(text), maxLanguageBytes)])
		}
	}
}
