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
