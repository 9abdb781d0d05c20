package ingest

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ingest")

// formatDoc writes a Doc for a golden file: the metadata, a line, the
// text.
func formatDoc(d Doc) string {
	return fmt.Sprintf("title: %s\nsource: %s\nurl: %s\npublished: %s\n---\n%s\n",
		d.Title, d.Source, d.URL, d.Published, d.Text)
}

// TestHTMLGolden reads every testdata/ingest/html/<case>/page.html and
// compares the document with <case>/want.golden (go test -update
// rewrites them; review the diff).
func TestHTMLGolden(t *testing.T) {
	pages, err := filepath.Glob(fixture("html", "*", "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) == 0 {
		t.Fatal("no pages under testdata/ingest/html")
	}
	for _, page := range pages {
		dir := filepath.Dir(page)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			docs, err := ReadFile(page, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != 1 {
				t.Fatalf("ReadFile(%s) = %d docs, want 1", page, len(docs))
			}
			got := formatDoc(docs[0])
			golden := filepath.Join(dir, "want.golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s: text differs from %s (go test -update rewrites it)\n got:\n%s\nwant:\n%s", page, golden, got, want)
			}
		})
	}
}

// readabilityText is what readability alone gives for a page, rendered
// by the same paragraph path.
func readabilityText(tb testing.TB, data []byte) string {
	tb.Helper()
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		tb.Fatal(err)
	}
	p := readability.NewParser()
	art, err := p.ParseDocument(root, nil)
	if err != nil || art.Node == nil {
		return ""
	}
	return joinParas(paragraphs(art.Node))
}

// TestLeadRestored checks the reason the HTML path is more than
// readability: on pages where readability drops the lead paragraph (the
// fixtures are built so that it does, and the test checks that it still
// does), the lead is back, in front of the body, and chrome is not.
func TestLeadRestored(t *testing.T) {
	tests := []struct {
		name     string
		page     string
		lead     string // must be in the text, before body
		body     string // the first paragraph of the article body
		notFound []string
	}{
		{
			name: "standfirst in a story-header div",
			page: "lead-dropped",
			lead: "At least 1,100 people have now died in Israel and Gaza since the weekend",
			body: "Israeli officials put the number of dead on their side at more than 700",
			// The byline is too short to be a lead, the footer and
			// navigation are not text.
			// A teaser above the headline, kept by readability, is
			// another story's figure.
			notFound: []string{"By Staff Reporters", "All rights reserved", "Business", "12 people were hurt"},
		},
		{
			name:     "standfirst in the article's header",
			page:     "article-element",
			lead:     "The Israeli military said on Thursday that 203 people were being held in Gaza",
			body:     "A military spokesman told reporters that families of 203 captives",
			notFound: []string{"19 October 2023"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := fixture("html", tt.page, "page.html")
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if alone := readabilityText(t, data); strings.Contains(alone, tt.lead) || !strings.Contains(alone, tt.body) {
				t.Fatalf("%s no longer makes readability drop the lead and keep the body; the fixture tests nothing:\n%s", path, alone)
			}
			d, err := ReadText(path, nil)
			if err != nil {
				t.Fatal(err)
			}
			lead, body := strings.Index(d.Text, tt.lead), strings.Index(d.Text, tt.body)
			if lead < 0 || body < 0 || lead > body {
				t.Errorf("lead at %d, body at %d in:\n%s", lead, body, d.Text)
			}
			for _, s := range tt.notFound {
				if strings.Contains(d.Text, s) {
					t.Errorf("text has %q:\n%s", s, d.Text)
				}
			}
		})
	}
}

func TestMainTextChrome(t *testing.T) {
	d, err := ReadText(fixture("html", "chrome", "page.html"), nil)
	if err != nil {
		t.Fatal(err)
	}
	// Figures planted in scripts, styles, hidden blocks, navigation,
	// asides and the footer must never reach the text, nor the cookie
	// notice above the headline that readability keeps.
	for _, planted := range []string{"We use cookies", "9,999", "8,888", "7,777", "6,666", "5,555", "4,444", "3,333", "A summary that is not"} {
		if strings.Contains(d.Text, planted) {
			t.Errorf("text has %q from the page's chrome:\n%s", planted, d.Text)
		}
	}
	for _, want := range []string{
		"Israel’s foreign ministry said", // &#8217; decoded
		"7 October attack",               // &nbsp; folded to a space
		"\"not a final number\"",
		"around 1,200 killed\n\n239 held hostage", // <br> breaks the paragraph
		"19 October | more than 1,400",            // cells of a row
		"their work & that",
	} {
		if !strings.Contains(d.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, d.Text)
		}
	}
}

func TestPageMeta(t *testing.T) {
	tests := []struct {
		name string
		page string
		want Doc
	}{
		{
			name: "og, canonical and article:published_time at its offset",
			page: `<html><head><title>Long | Site</title><meta property="og:title" content="Short">
				<meta property="og:site_name" content="Harbour &amp; Ledger"><link rel="canonical" href="https://x.example/a">
				<meta property="article:published_time" content="2023-10-08T01:30:00+03:00"></head><body><p>t</p></body></html>`,
			want: Doc{Title: "Short", Source: "Harbour & Ledger", URL: "https://x.example/a", Published: date("2023-10-08")},
		},
		{
			name: "json-ld article preferred over the website object",
			page: `<html><head><title>T</title><script type="application/ld+json">[{"@type":"WebPage","datePublished":"2020-01-01"},
				{"@type":["NewsArticle"],"headline":"H","datePublished":"2023-10-19T21:05:00Z","publisher":{"name":"Wire"}}]</script></head><body></body></html>`,
			want: Doc{Title: "H", Source: "Wire", Published: date("2023-10-19")},
		},
		{
			name: "unparseable date skipped for the next",
			page: `<html><head><meta property="article:published_time" content="Oct 9, 2023"><meta name="pubdate" content="2023-10-09"></head></html>`,
			want: Doc{Published: date("2023-10-09")},
		},
		{
			name: "only a guessable date: none",
			page: `<html><head><meta name="date" content="09/10/2023"></head></html>`,
			want: Doc{},
		},
		{
			name: "itemprop and og:url",
			page: `<html><head><meta property="og:url" content="https://x.example/b"></head><body><h1>Head line</h1><span itemprop="datePublished" content="2023-11-23">x</span></body></html>`,
			want: Doc{Title: "Head line", URL: "https://x.example/b", Published: date("2023-11-23")},
		},
		{
			name: "time pubdate anywhere",
			page: `<html><body><div><time pubdate datetime="2023-10-15">Sunday</time></div></body></html>`,
			want: Doc{Published: date("2023-10-15")},
		},
		{
			name: "time outside an article is not a date",
			page: `<html><body><div><time datetime="2023-10-12">12 Oct</time></div></body></html>`,
			want: Doc{},
		},
		{
			name: "svg title is not the page title",
			page: `<html><body><svg><title>icon</title></svg><h1>Real</h1></body></html>`,
			want: Doc{Title: "Real"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if got := pageMeta(root); got != tt.want {
				t.Errorf("pageMeta:\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestFragmentText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain paragraphs kept", "First  line\nwraps.\n\n  Second. ", "First line wraps.\n\nSecond."},
		{"less-than is not a tag", "Fewer than 10 < 50 were hurt.", "Fewer than 10 < 50 were hurt."},
		{"html", "<p>One &amp; two.</p><ul><li>three</li><li>four</li></ul>", "One & two.\n\nthree\n\nfour"},
		{"inline markup joins", "<p>At least <b>1,100</b> killed<i>.</i></p>", "At least 1,100 killed."},
		{"script dropped", "<p>a</p><script>var x = 1;</script>", "a"},
		{"empty", "  ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fragmentText(tt.in); got != tt.want {
				t.Errorf("fragmentText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// BenchmarkHTMLText measures the HTML path (parse, readability, the
// paragraph pass and the lead check) on a ~50 KB news page.
func BenchmarkHTMLText(b *testing.B) {
	page := benchPage(50 << 10)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if d, err := htmlDoc(page); err != nil || d.Text == "" {
			b.Fatal("no text")
		}
	}
}

// BenchmarkHTMLTextLarge is the HTML path on a 4 MiB page (a long live
// blog with reader comments that readability drops), to show the cost
// stays near linear.
func BenchmarkHTMLTextLarge(b *testing.B) {
	page := benchPage(4 << 20)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if d, err := htmlDoc(page); err != nil || d.Text == "" {
			b.Fatal("no text")
		}
	}
}

// BenchmarkHTMLParagraphsOnly is the fallback path alone, to show what
// readability costs.
func BenchmarkHTMLParagraphsOnly(b *testing.B) {
	page := benchPage(50 << 10)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		root, err := html.Parse(bytes.NewReader(page))
		if err != nil {
			b.Fatal(err)
		}
		if len(paragraphs(root)) == 0 {
			b.Fatal("no text")
		}
	}
}

// benchPage builds a news page of about size bytes: head metadata,
// scripts, navigation, a standfirst, body paragraphs, a sidebar of links
// reader comments and a footer, the mix real pages have.
func benchPage(size int) []byte {
	var b bytes.Buffer
	b.WriteString(`<!doctype html><html><head><meta charset="utf-8"><title>Toll rises | Bench Daily</title>
<meta property="og:site_name" content="Bench Daily"><meta property="article:published_time" content="2023-10-19T10:00:00Z">
<script>window.cfg = {"a": 1, "b": [1, 2, 3]};</script><style>body { margin: 0 }</style></head><body>
<header><nav><ul>`)
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&b, `<li><a href="/section/%d">Section %d</a></li>`, i, i)
	}
	b.WriteString(`</ul></nav></header><div class="story-header"><h1>Toll rises</h1>
<p class="summary">More than 1,400 people have been killed in Israel since the attack, the military said on Thursday evening.</p></div>
<div class="article-body">`)
	for i := 0; b.Len() < size*4/5; i++ {
		fmt.Fprintf(&b, `<p>Paragraph %d: officials said on Thursday that the number of people counted had changed again, `+
			`and that <a href="/x/%d">the figures</a> given earlier in the week were being checked against hospital records, `+
			`a process they said could take several more days to finish.</p>`+"\n", i, i)
		if i%5 == 4 {
			fmt.Fprintf(&b, `<div class="ad"><script>ad(%d)</script></div>`+"\n", i)
		}
	}
	b.WriteString(`</div><div class="comments">`)
	for i := 0; i < size/5000; i++ {
		fmt.Fprintf(&b, `<div class="comment"><p>Reader %d wrote that the count should be checked again before anyone repeats it.</p></div>`+"\n", i)
	}
	b.WriteString(`</div><aside class="sidebar"><ul>`)
	for i := 0; i < 20; i++ {
		fmt.Fprintf(&b, `<li><a href="/story/%d">Another story with a headline number %d</a></li>`, i, i)
	}
	b.WriteString(`</ul></aside><footer><p>Copyright Bench Daily. All rights reserved.</p></footer></body></html>`)
	return b.Bytes()
}

// TestHTMLTooDeep is issue 10 item 11: a page nesting its elements past
// what the HTML parser reads came back as "empty text (… if it loads its
// text with scripts …)", sending the user looking for scripts. It is now
// ErrTooDeep with its own hint; a page just inside the limit is read.
func TestHTMLTooDeep(t *testing.T) {
	page := func(n int) []byte {
		return []byte("<html><head><title>Quake toll</title></head><body>" + strings.Repeat("<div>", n) +
			"<p>At least 120 people were killed in the earthquake, officials said on Monday.</p>" +
			strings.Repeat("</div>", n) + "</body></html>")
	}
	docs, err := Parse("ok.html", page(500), HTML)
	if err != nil || len(docs) != 1 || !strings.Contains(docs[0].Text, "At least 120") {
		t.Fatalf("500 levels: %v, %v", docs, err)
	}
	for _, n := range []int{520, 5000} {
		_, err := Parse("deep.html", page(n), HTML)
		if !errors.Is(err, ErrTooDeep) {
			t.Fatalf("%d levels: err = %v, want ErrTooDeep", n, err)
		}
		if msg := err.Error(); strings.Contains(msg, "scripts") || !strings.HasPrefix(msg, "deep.html: ") || !strings.Contains(msg, "512 deep") {
			t.Errorf("%d levels: message %q, want the file, the depth, no scripts hint", n, msg)
		}
	}
}
