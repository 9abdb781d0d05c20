package ingest

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/tollproject/toll/tracker"
)

// pageFacts is what one walk over a page collects for its metadata.
type pageFacts struct {
	meta      map[string]string // lower-cased name or property → first non-empty content
	title     string            // <title>
	h1        string            // the first <h1>
	h1Node    *html.Node        // and its element
	headings  []string          // the first few <h1> and <h2> texts
	canonical string            // <link rel="canonical">
	jsonLD    []string          // the texts of application/ld+json scripts
	itemDate  string            // itemprop="datePublished"
	pubTime   string            // <time pubdate datetime>
	artTime   string            // the first <time datetime> inside <article> or <main>
}

// Metadata names read for the date, in order of trust: Open Graph and
// article metadata, then the names CMSs use for a page's date.
var (
	dateProps = []string{"article:published_time", "og:published_time", "og:article:published_time"}
	dateNames = []string{"date", "pubdate", "publishdate", "publish-date", "publish_date",
		"publication_date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued",
		"dcterms.created", "sailthru.date", "parsely-pub-date", "article.published"}
)

// pageMeta reads a page's title, URL, site name and publication date.
//
// Title is the headline (see pageHeadline). Source: og:site_name,
// else the JSON-LD publisher's name, else <meta name="publisher">. URL:
// <link rel="canonical">, else og:url. Published, the first that parses
// (YYYY-MM-DD or RFC 3339; other forms are not guessed): JSON-LD
// datePublished, article:published_time, og:published_time, a <meta
// name> such as "date" or "pubdate", an itemprop="datePublished", a <time
// pubdate>, the first <time datetime> inside <article> or <main>, the
// first in the block holding the headline <h1> (headlineTime), else the
// date in the page's address (/2023/10/14/). A <time> elsewhere is not
// used: it is as likely to date a related story or the page's last
// update. htmlDoc then reads the dates written near the headline.
func pageMeta(root *html.Node) Doc {
	f := pageFacts{meta: make(map[string]string)}
	f.walk(root, false)
	ld := readJSONLD(f.jsonLD)
	d := Doc{
		Source: firstNonEmpty(f.meta["og:site_name"], ld.publisher, f.meta["publisher"]),
		URL:    firstNonEmpty(f.canonical, f.meta["og:url"]),
	}
	d.Title = pageHeadline(f, ld, d.Source, d.URL)
	cands := []string{ld.published}
	for _, k := range dateProps {
		cands = append(cands, f.meta[k])
	}
	for _, k := range dateNames {
		cands = append(cands, f.meta[k])
	}
	cands = append(cands, f.itemDate, f.pubTime, f.artTime, headlineTime(f.h1Node))
	for _, c := range cands {
		if c == "" {
			continue
		}
		if date, err := parsePublished(c); err == nil && !date.IsZero() {
			d.Published = date
			break
		}
	}
	if d.Published.IsZero() {
		d.Published = urlDate(d.URL)
	}
	return d
}

// headlineTime returns the datetime of the first <time> in the block that
// holds the headline <h1> (its parent, or the parent's parent unless that
// is the <body>): the story's header, where its date is shown.
func headlineTime(h1 *html.Node) string {
	if h1 == nil || h1.Parent == nil {
		return ""
	}
	block := h1.Parent
	if gp := block.Parent; gp != nil && gp.Type == html.ElementNode && gp.DataAtom != atom.Body && gp.DataAtom != atom.Html {
		block = gp
	}
	var dt string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && dt == ""; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.Time {
				dt = strings.TrimSpace(attr(c, "datetime"))
			}
			walk(c)
		}
	}
	walk(block)
	return dt
}

// rxURLDate matches a date in an address's path: /2023/10/14/ (the form
// news CMSs use; the year first, so the month and day cannot be
// swapped), or /2023-10-14.
var rxURLDate = regexp.MustCompile(`/((?:19|20)\d{2})[/-](\d{2})[/-](\d{2})(?:[/_.-]|$)`)

// urlDate returns the date in a page's address, or the zero Date.
func urlDate(raw string) tracker.Date {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return tracker.Date{}
	}
	m := rxURLDate.FindStringSubmatch(u.Path)
	if m == nil {
		return tracker.Date{}
	}
	mon, _ := strconv.Atoi(m[2])
	d, _ := makeDate(m[1], time.Month(mon), m[3])
	return d
}

func (f *pageFacts) walk(n *html.Node, inArticle bool) {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Meta:
			content := normalizeSpace(attr(n, "content"))
			for _, k := range []string{attr(n, "property"), attr(n, "name"), attr(n, "itemprop")} {
				k = strings.ToLower(strings.TrimSpace(k))
				if k != "" && content != "" && f.meta[k] == "" {
					f.meta[k] = content
				}
			}
		case atom.Title:
			if f.title == "" && !inSVG(n) {
				f.title = normalizeSpace(textOf(n))
			}
		case atom.H1, atom.H2:
			t := normalizeSpace(textOf(n))
			if n.DataAtom == atom.H1 && f.h1Node == nil {
				f.h1, f.h1Node = t, n
			}
			if t != "" && len(f.headings) < maxHeadings {
				f.headings = append(f.headings, t)
			}
		case atom.Link:
			if f.canonical == "" && hasToken(attr(n, "rel"), "canonical") {
				f.canonical = strings.TrimSpace(attr(n, "href"))
			}
		case atom.Script:
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
				f.jsonLD = append(f.jsonLD, textOf(n))
			}
			return
		case atom.Time:
			dt := strings.TrimSpace(attr(n, "datetime"))
			if dt != "" && hasAttr(n, "pubdate") && f.pubTime == "" {
				f.pubTime = dt
			}
			if dt != "" && inArticle && f.artTime == "" {
				f.artTime = dt
			}
		case atom.Article, atom.Main:
			inArticle = true
		}
		if strings.EqualFold(attr(n, "itemprop"), "datePublished") && f.itemDate == "" {
			f.itemDate = strings.TrimSpace(firstNonEmpty(attr(n, "datetime"), attr(n, "content")))
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		f.walk(c, inArticle)
	}
}

// inSVG reports whether n sits in an <svg>, whose <title> names a
// picture, not the page.
func inSVG(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Svg {
			return true
		}
	}
	return false
}

// textOf returns the concatenated text under n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		if x.Type == html.TextNode {
			b.WriteString(x.Data)
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// hasToken reports whether a space-separated attribute holds tok.
func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// ldFacts is what toll reads from a page's JSON-LD.
type ldFacts struct {
	published string
	publisher string
	headline  string
}

var rxArticleType = regexp.MustCompile(`(?i)article|posting|report`)

// readJSONLD finds datePublished and the publisher's name in a page's
// JSON-LD blocks, preferring an object whose @type is an article (a page
// also describes its website and breadcrumbs). Blocks that do not parse
// are ignored: metadata is best effort, the text is what counts.
func readJSONLD(blocks []string) ldFacts {
	var best, first ldFacts
	var visit func(v any)
	visit = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e)
			}
		case map[string]any:
			var f ldFacts
			f.published, _ = x["datePublished"].(string)
			f.headline, _ = x["headline"].(string)
			if pub, ok := x["publisher"].(map[string]any); ok {
				f.publisher, _ = pub["name"].(string)
			}
			if isArticleType(x["@type"]) && best == (ldFacts{}) {
				best = f
			}
			if first.published == "" {
				first.published = f.published
			}
			if first.publisher == "" {
				first.publisher = f.publisher
			}
			if first.headline == "" {
				first.headline = f.headline
			}
			for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
				if e, ok := x[k]; ok {
					visit(e)
				}
			}
		}
	}
	for _, b := range blocks {
		b = strings.TrimSpace(b)
		b = strings.TrimSuffix(strings.TrimPrefix(b, "<![CDATA["), "]]>")
		var v any
		if json.Unmarshal([]byte(b), &v) == nil {
			visit(v)
		}
	}
	return ldFacts{
		published: firstNonEmpty(best.published, first.published),
		publisher: normalizeSpace(firstNonEmpty(best.publisher, first.publisher)),
		headline:  normalizeSpace(firstNonEmpty(best.headline, first.headline)),
	}
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return rxArticleType.MatchString(x)
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok && rxArticleType.MatchString(s) {
				return true
			}
		}
	}
	return false
}
