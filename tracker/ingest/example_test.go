package ingest_test

import (
	"fmt"
	"strings"

	"github.com/tollproject/toll/tracker/ingest"
)

// A page piped to toll on standard input: the kind is sniffed, the main
// text kept, scripts and navigation dropped, the headline (the site's
// name cut off) made the title and the text's first paragraph, the date
// read from the metadata at the publisher's own offset.
func ExampleReadFile() {
	page := `<!doctype html>
<html><head>
<title>Toll passes 1,100 | Harbour Ledger</title>
<meta property="og:site_name" content="Harbour Ledger">
<meta property="article:published_time" content="2023-10-09T18:20:00+03:00">
<script>var views = 12345;</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<h1>Toll passes 1,100</h1>
<p>At least 1,100 people have died in Israel and Gaza since Saturday, officials said on Monday.</p>
<p>More than 700 of them were in Israel, and at least 415 in Gaza.</p>
</body></html>`
	docs, err := ingest.ReadFile("-", strings.NewReader(page))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range docs {
		fmt.Printf("origin %s, source %q, title %q, published %s\n\n%s\n", d.Origin, d.Source, d.Title, d.Published, d.Text)
	}
	// Output:
	// origin -, source "Harbour Ledger", title "Toll passes 1,100", published 2023-10-09
	//
	// Toll passes 1,100
	//
	// At least 1,100 people have died in Israel and Gaza since Saturday, officials said on Monday.
	//
	// More than 700 of them were in Israel, and at least 415 in Gaza.
}

// A JSONL batch with a typo in a key is refused whole, naming the line
// and the key, so that no report is stored without its text.
func ExampleReadFile_jsonl() {
	batch := `{"source": "Northern Wire", "published": "2023-10-19", "text": "More than 1,400 Israelis have been killed, the army said."}
{"source": "Northern Wire", "publsihed": "2023-10-20", "text": "The army said 203 people were held in Gaza."}
`
	docs, err := ingest.ReadFile("-", strings.NewReader(batch))
	fmt.Println(len(docs), err)
	// Output:
	// 0 standard input:2: unknown key "publsihed" (want source, url, published, title, text)
}
