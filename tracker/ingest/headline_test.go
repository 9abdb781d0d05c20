package ingest

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestCleanTitle(t *testing.T) {
	tests := []struct {
		name, title, site, url string
		headings               []string
		want                   string
	}{
		{"site name at the end", "Flash floods kill 27 - The Provincial Courier", "The Provincial Courier", "", nil, "Flash floods kill 27"},
		{"site name without its the", "Flash floods kill 27 | Provincial Courier", "The Provincial Courier", "", nil, "Flash floods kill 27"},
		{"en dash", "Cholera cases pass 4,000 – Horn Dispatch", "Horn Dispatch", "", nil, "Cholera cases pass 4,000"},
		{"host's name", "Typhoon leaves 21 dead | Island Post", "", "https://islandpost.example/news/a", nil, "Typhoon leaves 21 dead"},
		{"site first", "Copperbelt Voice | Mine collapse traps 70", "Copperbelt Voice", "", nil, "Mine collapse traps 70"},
		{"section and site", "Floods kill 64 - World - Harbour Ledger", "Harbour Ledger", "", []string{"Floods kill 64"}, "Floods kill 64"},
		{"heading after the site", "Valley News Online :: Ferry capsizes on lake, 62 missing", "", "", []string{"Ferry capsizes on lake, 62 missing"}, "Ferry capsizes on lake, 62 missing"},
		{"heading before an unknown site", "UN says 4,000 killed - Lakeside Gazette", "", "", []string{"UN says 4,000 killed"}, "UN says 4,000 killed"},
		{"a logo h1 at the end is not the headline", "Floods kill 64 | The Daily Planet", "", "", []string{"The Daily Planet"}, "Floods kill 64 | The Daily Planet"},
		{"feed name holds the outlet", "Quake kills 296 - Reuters", "World News - Reuters", "", nil, "Quake kills 296"},
		{"a place at the start is not the site", "Gaza - live updates", "Gaza Times", "", nil, "Gaza - live updates"},
		{"hyphenated words kept", "Israel-Hamas war: toll passes 1,200", "Levant Wire", "", nil, "Israel-Hamas war: toll passes 1,200"},
		{"unknown suffix kept", "Quake kills 296 - officials", "Atlas Herald", "", nil, "Quake kills 296 - officials"},
		{"a long part is no site", "Floods kill 64 | Harbour Ledger readers send photos of the damage", "Harbour Ledger", "", nil, "Floods kill 64 | Harbour Ledger readers send photos of the damage"},
		{"white space folded", "  Floods \n kill 64  ", "", "", nil, "Floods kill 64"},
		{"empty", "", "Site", "", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cleanTitle(tt.title, tt.site, tt.url, tt.headings); got != tt.want {
				t.Errorf("cleanTitle(%q, %q, %q, %q) = %q, want %q", tt.title, tt.site, tt.url, tt.headings, got, tt.want)
			}
		})
	}
}

func TestPageHeadline(t *testing.T) {
	tests := []struct {
		name, head, body, want string
	}{
		{"h1 longer than og:title", `<title>Quake toll rises to 2,012 as rescuers reach villages – Atlas Herald</title><meta property="og:title" content="Quake toll rises to 2,012">`,
			`<h1>Quake toll rises to 2,012 as rescuers reach villages</h1>`, "Quake toll rises to 2,012 as rescuers reach villages"},
		{"title starts with the h1", `<title>Floods kill 27 - Courier</title>`, `<h1>Floods kill 27</h1>`, "Floods kill 27"},
		{"og:title when the h1 is a logo", `<meta property="og:title" content="Floods kill 27">`, `<h1>The Courier</h1>`, "Floods kill 27"},
		{"json-ld headline", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Floods kill 27"}</script>`, `<h1>The Courier</h1>`, "Floods kill 27"},
		{"twitter:title", `<meta name="twitter:title" content="Floods kill 27">`, ``, "Floods kill 27"},
		{"h1 alone", ``, `<h1>Floods kill 27</h1>`, "Floods kill 27"},
		{"an h2 as the headline inside the title", `<title>Valley News :: Ferry capsizes on lake, 62 missing</title>`, `<h2>Ferry capsizes on lake, 62 missing</h2>`, "Ferry capsizes on lake, 62 missing"},
		{"none", ``, `<p>text</p>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<html><head>" + tt.head + "</head><body>" + tt.body + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			if got := pageMeta(root).Title; got != tt.want {
				t.Errorf("headline = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestHeadlineInText checks that a page's headline becomes the text's
// first paragraph once: not again where the page repeats it, and not
// for a page with no body.
func TestHeadlineInText(t *testing.T) {
	const body = "At least 27 people were killed when floods swept through the villages overnight."
	tests := []struct {
		name, page, want string
	}{
		{"prepended", `<title>Floods kill 27</title><p>` + body + `</p>`, "Floods kill 27\n\n" + body},
		{"h1 below a kicker not repeated", `<title>Floods kill 27 | Courier</title><p>Region</p><h1>Floods kill 27</h1><p>` + body + `</p>`, "Floods kill 27\n\n" + body},
		{"no title", `<p>` + body + `</p>`, body},
		{"no body, no text", `<title>Floods kill 27</title><h1>Floods kill 27</h1>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := htmlDoc([]byte(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Text; got != tt.want {
				t.Errorf("text = %q, want %q", got, tt.want)
			}
		})
	}
}
