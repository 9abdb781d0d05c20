package ingest

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/tollproject/toll/tracker"
)

// layoutWant is what a testdata/ingest/layouts/<case>/want.txt says a page
// must give: its headline, its date, phrases of the body that must be in
// the text ("+ ") and phrases of the page around it (comments, related
// stories, cookie notices, promos) that must not ("- ").
type layoutWant struct {
	title   string
	date    string
	body    []string
	notBody []string
}

// readLayoutWant parses a want.txt: "#" comments, "title: ", "date: ",
// "+ " and "- " lines.
func readLayoutWant(tb testing.TB, path string) layoutWant {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var w layoutWant
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "title: "):
			w.title = strings.TrimPrefix(line, "title: ")
		case strings.HasPrefix(line, "date: "):
			w.date = strings.TrimPrefix(line, "date: ")
		case strings.HasPrefix(line, "+ "):
			w.body = append(w.body, strings.TrimPrefix(line, "+ "))
		case strings.HasPrefix(line, "- "):
			w.notBody = append(w.notBody, strings.TrimPrefix(line, "- "))
		default:
			tb.Fatalf("%s:%d: want title:, date:, + or - (got %q)", path, n, line)
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	if len(w.body) == 0 || len(w.notBody) == 0 {
		tb.Fatalf("%s: a case needs + and - lines", path)
	}
	return w
}

// bodyProblems returns the phrases a text lacks and the ones it must not
// hold.
func bodyProblems(text string, w layoutWant) (missing, leaked []string) {
	for _, p := range w.body {
		if !strings.Contains(text, p) {
			missing = append(missing, p)
		}
	}
	for _, p := range w.notBody {
		if strings.Contains(text, p) {
			leaked = append(leaked, p)
		}
	}
	return missing, leaked
}

// layoutCases returns the directories under testdata/ingest/layouts.
func layoutCases(tb testing.TB) []string {
	tb.Helper()
	dirs, err := filepath.Glob(fixture("layouts", "*"))
	if err != nil {
		tb.Fatal(err)
	}
	if len(dirs) == 0 {
		tb.Fatal("no cases under testdata/ingest/layouts")
	}
	return dirs
}

// TestLayouts reads pages laid out as news CMSs lay them out (a page
// inside one <form>, nested divs, <article>, layout tables, AMP, a
// server-rendered app) and checks that the text holds the body and none
// of the comments, related stories, sidebars and banners around it, and
// that the headline, with the site's name cut off, is the report's title
// and the text's first paragraph, once.
func TestLayouts(t *testing.T) {
	for _, dir := range layoutCases(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			w := readLayoutWant(t, filepath.Join(dir, "want.txt"))
			docs, err := ReadFile(filepath.Join(dir, "page.html"), nil)
			if err != nil {
				t.Fatal(err)
			}
			d := docs[0]
			missing, leaked := bodyProblems(d.Text, w)
			for _, p := range missing {
				t.Errorf("body lacks %q", p)
			}
			for _, p := range leaked {
				t.Errorf("text holds %q, which is not the report's", p)
			}
			if d.Title != w.title {
				t.Errorf("title = %q, want %q", d.Title, w.title)
			}
			if end := tracker.HeadlineEnd(d.Title, d.Text); end == 0 {
				t.Errorf("the text does not start with the headline %q", d.Title)
			} else if strings.Contains(d.Text[end:], d.Title+"\n") || strings.HasSuffix(d.Text, d.Title) {
				t.Errorf("the headline %q is in the text twice", d.Title)
			}
			if t.Failed() {
				t.Logf("text:\n%s", d.Text)
			}
		})
	}
}

// TestFormWrapper checks which forms the paragraph walker reads: one
// around the page, not a search box, a sign-up or a comment form.
func TestFormWrapper(t *testing.T) {
	const long = "The ministry said at least 27 people had been killed overnight in the province."
	tests := []struct {
		name, page string
		want       []string
	}{
		{"page form with paragraphs", `<form id="aspnetForm"><input type="hidden" value="x"><div><p>` + long + `</p><p>` + long + ` Again.</p><p>` + long + ` Once more.</p></div></form>`,
			[]string{long, long + " Again.", long + " Once more."}},
		{"page form with main", `<form><main><p>` + long + `</p></main></form>`, []string{long}},
		{"page form with article", `<form><div><article><h1>Floods</h1></article></div></form>`, []string{"Floods"}},
		{"search box", `<p>` + long + `</p><form action="/search"><label>Search the site for stories and more</label><input name="q"></form>`, []string{long}},
		{"comment form", `<p>` + long + `</p><form id="commentform"><p class="comment-notes">Your email address will not be published. Required fields are marked *</p><textarea></textarea></form>`, []string{long}},
		{"two short paragraphs", `<p>` + long + `</p><form><p>Sign up for our daily newsletter of the top stories now.</p><p>We will never share your address with anyone else at all.</p></form>`, []string{long}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range paragraphs(root) {
				got = append(got, p.text)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("paragraphs = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestDropChrome checks which of readability's paragraphs are taken out
// as furniture: those in a box whose class says so, below the element
// that holds the headline, and never the story's own wrapper.
func TestDropChrome(t *testing.T) {
	const (
		body  = "At least 27 people were killed when floods swept through the villages overnight."
		promo = "Sign up to receive the day's main stories every evening from our correspondents."
		other = "Readers said the toll was far higher than the 27 the authority gave on Thursday."
	)
	tests := []struct {
		name, page string
		want       []string
	}{
		{"newsletter box in the body", `<div class="story"><h1>Floods kill 27</h1><div class="text"><p>` + body + `</p><div class="newsletter-box"><p>` + promo + `</p></div></div></div>`, []string{"Floods kill 27", body}},
		{"discussion beside the story", `<div class="content"><div class="article"><h1>Floods kill 27</h1><p>` + body + `</p></div><div class="discussion"><p>` + other + `</p></div></div>`, []string{"Floods kill 27", body}},
		{"story wrapper named for comments", `<div class="story has-comments"><h1>Floods kill 27</h1><p>` + body + `</p></div>`, []string{"Floods kill 27", body}},
		{"no story left: nothing dropped", `<h1>Floods kill 27</h1><div class="story has-comments"><p>` + body + `</p></div>`, nil},
		{"no headline, nothing dropped", `<div><p>` + body + `</p><div class="related"><p>` + other + `</p></div></div>`, []string{body, other}},
		{"headline not the title", `<h1>The Daily Planet</h1><div><p>` + body + `</p><div class="related"><p>` + other + `</p></div></div>`, []string{"The Daily Planet", body, other}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			all := paragraphs(root)
			var got []string
			for _, p := range dropChrome(all, all, "Floods kill 27") {
				got = append(got, p.text)
			}
			want := tt.want
			if want == nil { // all would go: nothing is dropped
				for _, p := range all {
					want = append(want, p.text)
				}
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("dropChrome = %q, want %q", got, want)
			}
		})
	}
}
