package ingest

import (
	"bytes"
	"path/filepath"
	"strings"
)

// sniffBytes is how much of the start of an input Detect looks at. Real
// pages and feeds declare themselves in their first few hundred bytes;
// the window is wider for pages with long comments or doctype lines.
const sniffBytes = 2048

// Detect returns the kind of an input: by extension when the name has one
// that Files knows, else by sniffing the content, which is how standard
// input is read:
//
//   - a feed: the first element is <rss, <feed or <rdf:RDF (after an
//     optional <?xml ...?> declaration, comments and a doctype);
//   - HTML: it starts with <!doctype html or <html, or a <p>, <body>,
//     <head>, <article> or <div> tag appears near the start;
//   - JSONL: the first non-space byte is '{' and the next one is '"' or
//     '}', so a truncated or malformed batch is still read as JSONL and
//     fails with a line number instead of being stored as one text
//     report full of JSON;
//   - else plain text. Markdown is never sniffed: stripping markup from a
//     text that is not markdown could change it.
func Detect(name string, data []byte) Kind {
	if name != Stdin {
		if k, ok := extKinds[strings.ToLower(filepath.Ext(name))]; ok {
			return k
		}
	}
	return sniff(data)
}

func sniff(data []byte) Kind {
	head := bytes.TrimPrefix(data, utf8BOM)
	if len(head) > sniffBytes {
		head = head[:sniffBytes]
	}
	head = bytes.TrimLeft(head, " \t\r\n\f")
	if len(head) == 0 {
		return Text
	}
	if head[0] == '{' {
		rest := bytes.TrimLeft(head[1:], " \t\r\n\f")
		if len(rest) == 0 || rest[0] == '"' || rest[0] == '}' {
			return JSONL
		}
		return Text
	}
	lower := bytes.ToLower(head)
	if lower[0] == '<' {
		if el := firstElement(lower); el != "" {
			switch el {
			case "rss", "feed", "rdf:rdf":
				return Feed
			case "html":
				return HTML
			}
		}
	}
	for _, tag := range htmlMarkers {
		if bytes.Contains(lower, []byte(tag)) {
			return HTML
		}
	}
	return Text
}

// htmlMarkers are tags whose presence near the start makes an input HTML
// even without a doctype (a saved fragment of a page).
var htmlMarkers = []string{"<!doctype html", "<html", "<head>", "<body", "<p>", "<p ", "<article", "<div"}

// firstElement returns the lower-case name of the first element in head
// (already lower-cased), skipping an XML declaration, processing
// instructions, comments and a doctype; "" if there is none in the window.
// A doctype naming html counts as the element "html".
func firstElement(head []byte) string {
	for {
		head = bytes.TrimLeft(head, " \t\r\n\f")
		switch {
		case bytes.HasPrefix(head, []byte("<?")):
			i := bytes.Index(head, []byte("?>"))
			if i < 0 {
				return ""
			}
			head = head[i+2:]
		case bytes.HasPrefix(head, []byte("<!--")):
			i := bytes.Index(head, []byte("-->"))
			if i < 0 {
				return ""
			}
			head = head[i+3:]
		case bytes.HasPrefix(head, []byte("<!doctype")):
			if bytes.HasPrefix(bytes.TrimLeft(head[len("<!doctype"):], " \t\r\n"), []byte("html")) {
				return "html"
			}
			i := bytes.IndexByte(head, '>')
			if i < 0 {
				return ""
			}
			head = head[i+1:]
		case bytes.HasPrefix(head, []byte("<")):
			end := 1
			for end < len(head) && !strings.ContainsRune(" \t\r\n\f/>", rune(head[end])) {
				end++
			}
			return string(head[1:end])
		default:
			return ""
		}
	}
}
