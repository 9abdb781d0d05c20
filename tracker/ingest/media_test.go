package ingest

import "testing"

func TestDetectMedia(t *testing.T) {
	const (
		page = "<!doctype html><html><body><p>Four people were killed.</p></body></html>"
		rss  = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel></channel></rss>"
		atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>"
		text = "Four people were killed on Monday."
		line = "{\"source\":\"Wire\",\"text\":\"Four people were killed.\"}\n"
	)
	tests := []struct {
		name, mediaType, data string
		want                  Kind
	}{
		{"html", "text/html", page, HTML},
		{"xhtml", "application/xhtml+xml", page, HTML},
		{"html labelled page holding a feed", "text/html", rss, Feed},
		{"rss", "application/rss+xml", rss, Feed},
		{"atom", "application/atom+xml", atom, Feed},
		{"rss labelled by type only", "application/rss+xml", "", Feed},
		{"generic xml sniffed as feed", "application/xml", atom, Feed},
		{"text/xml sniffed as feed", "text/xml", rss, Feed},
		{"plain text", "text/plain", text, Text},
		{"plain text that is a page", "text/plain", page, HTML},
		{"no type, page", "", page, HTML},
		{"octet stream, text", "application/octet-stream", text, Text},
		{"ndjson", "application/x-ndjson", line, JSONL},
		{"markdown", "text/markdown", "# Toll\n\nFour people were killed.", Markdown},
		{"upper-case type", "TEXT/HTML", page, HTML},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectMedia(tt.mediaType, []byte(tt.data)); got != tt.want {
				t.Errorf("DetectMedia(%q, …) = %v, want %v", tt.mediaType, got, tt.want)
			}
		})
	}
}

func TestFeedGUID(t *testing.T) {
	const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><guid isPermaLink="false"> wire-2023-1016-floods </guid><link>https://wire.example/a?ref=rss</link>
<pubDate>Mon, 16 Oct 2023 08:00:00 +0000</pubDate><description>Twelve people were killed in the floods.</description></item>
<item><link>https://wire.example/b</link><pubDate>Mon, 16 Oct 2023 09:00:00 +0000</pubDate>
<description>Four people were injured in the storm.</description></item>
</channel></rss>`
	docs, err := Parse("feed.xml", []byte(feed), Feed)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("%d documents, want 2", len(docs))
	}
	for i, want := range []string{"wire-2023-1016-floods", ""} {
		if got := docs[i].GUID; got != want {
			t.Errorf("item %d GUID = %q, want %q", i+1, got, want)
		}
	}
	atom := `<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><entry><id>tag:wire.example,2023:1016</id>
<title>Floods</title><updated>2023-10-16T08:00:00Z</updated><content type="html">Twelve people were killed in the floods.</content></entry></feed>`
	docs, err = Parse("feed.atom", []byte(atom), Feed)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := docs[0].GUID, "tag:wire.example,2023:1016"; got != want {
		t.Errorf("Atom entry GUID = %q, want %q", got, want)
	}
}
