package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollproject/toll/tracker"
)

// benchText builds about n bytes of news-like copy from the reports under
// testdata/extract: real article shapes, mostly sentences with no figure.
func benchText(tb testing.TB, n int) string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "extract", "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no benchmark reports under testdata/extract: %v", err)
	}
	var parts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		parts = append(parts, string(b))
	}
	// every report at least once, so the mix of dense toll copy and
	// narrative copy is the same whatever n is
	var sb strings.Builder
	for i := 0; sb.Len() < n || i < len(parts); i++ {
		sb.WriteString(parts[i%len(parts)])
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// BenchmarkExtract measures extraction throughput on news-like copy: the
// reports under testdata/extract read as one text of about 17 KB, a mix
// of casualty-dense toll stories, a ministry statement, a UN update and
// narrative pieces. The floor is 20 MB/s on one core of a 2-core machine.
func BenchmarkExtract(b *testing.B) {
	text := benchText(b, 3<<10)
	opts := Options{Date: tracker.MustDate("2023-10-20")}
	Default() // the vocabulary is parsed once per process, not per text
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract(text, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExtractLarge reads one 1 MB text: memory should stay
// proportional to the text, not grow faster.
func BenchmarkExtractLarge(b *testing.B) {
	text := benchText(b, 1<<20)
	opts := Options{Date: tracker.MustDate("2023-10-20")}
	Default()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract(text, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseVocabulary is the start-up cost of the vocabulary: parsing
// and indexing vocabulary.txt, once per process.
func BenchmarkParseVocabulary(b *testing.B) {
	b.SetBytes(int64(len(vocabularyFile)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseVocabulary(vocabularyName, bytes.NewReader(vocabularyFile)); err != nil {
			b.Fatal(err)
		}
	}
}
