package ingest

import "strings"

// DetectMedia returns the kind of an input fetched over HTTP from the
// media type the server gave (lower-case, without parameters, as
// mime.ParseMediaType returns it) and the content:
//
//   - application/rss+xml, application/atom+xml and application/rdf+xml
//     are feeds;
//   - text/html and application/xhtml+xml are pages, unless the content
//     opens with a feed's root element (some servers label everything
//     text/html);
//   - application/x-ndjson, application/jsonl and application/jsonlines
//     are JSON Lines; text/markdown is markdown;
//   - anything else (text/plain, text/xml, application/xml,
//     application/octet-stream, none) is sniffed as Detect sniffs
//     standard input.
//
// The address's own ending (".xml", ".html") is not used: what the
// server says and sends is better evidence than the name.
func DetectMedia(mediaType string, data []byte) Kind {
	mt := strings.ToLower(strings.TrimSpace(mediaType))
	switch mt {
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/x-rss+xml":
		return Feed
	case "text/html", "application/xhtml+xml":
		if sniff(data) == Feed {
			return Feed
		}
		return HTML
	case "application/x-ndjson", "application/jsonl", "application/jsonlines", "application/x-jsonlines":
		return JSONL
	case "text/markdown", "text/x-markdown":
		return Markdown
	}
	return sniff(data)
}
