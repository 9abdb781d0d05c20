package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/net/html"
)

// TestCorpusLeads runs the HTML path over a directory of real pages, one
// <name>/source.html per page, such as go-readability's test-pages in the
// module cache:
//
//	INGEST_CORPUS=$(go env GOMODCACHE)/codeberg.org/readeck/go-readability/v2@v2.1.3/test-pages \
//		go test -run CorpusLeads -v ./tracker/ingest
//
// It checks the invariants of mainText against readability alone (every
// paragraph readability kept is kept unless it sat above the headline; at
// most maxLeadParas paragraphs are added; the text is not empty) and logs
// what was added and dropped, for a person to judge. Without the variable
// it is skipped: the pages are not part of the repository.
func TestCorpusLeads(t *testing.T) {
	dir := os.Getenv("INGEST_CORPUS")
	if dir == "" {
		t.Skip("INGEST_CORPUS not set")
	}
	pages, err := filepath.Glob(filepath.Join(dir, "*", "source.html"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) == 0 {
		t.Fatalf("no */source.html under %s", dir)
	}
	var added, dropped, changed int
	for _, p := range pages {
		name := filepath.Base(filepath.Dir(p))
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if checkRaw(data) != nil {
			continue
		}
		root, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		got := mainText(root, paragraphs(root), pageMeta(root).Title)
		if len(got) == 0 {
			t.Errorf("%s: no text", name)
		}
		art, ok := readArticle(root)
		if !ok {
			continue
		}
		read := paragraphs(art)
		inRead, inGot := make(map[string]bool), make(map[string]bool)
		for _, r := range read {
			inRead[r.text] = true
		}
		n := 0
		for _, g := range got {
			inGot[g.text] = true
			if !inRead[g.text] {
				n++
				t.Logf("%s: added %.120q", name, g.text)
			}
		}
		if n > maxLeadParas {
			t.Errorf("%s: %d paragraphs added, want at most %d", name, n, maxLeadParas)
		}
		added += n
		m := 0
		for _, r := range read {
			if !inGot[r.text] {
				m++
				t.Logf("%s: dropped %.120q", name, r.text)
			}
		}
		dropped += m
		if n+m > 0 {
			changed++
		}
	}
	t.Logf("%d pages: %d changed, %d paragraphs added, %d dropped", len(pages), changed, added, dropped)
}
