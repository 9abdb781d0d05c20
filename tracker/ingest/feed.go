package ingest

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/tollproject/toll/tracker"
)

// parseFeed reads an RSS, RDF or Atom feed with gofeed: one document per
// item, in feed order, with the feed's title as Source, the item's link,
// title and date (published, else updated; the day the feed wrote, see
// feedDay), and as text the item's title as the headline
// (tracker.WithHeadline; the feed's or site's name cut off its end, see
// cleanTitle) followed by the item's content, else its description,
// turned into plain text by the same HTML path as pages (all paragraph
// text; readability is not run on an item, which is already the article
// body). Many feeds carry an item's figure in its title alone ("Quake
// kills 296"), so an item with a title and no description is a report
// of its headline.
//
// An item with neither title nor text, or whose text fails
// tracker.CheckText, fails the whole feed with the items named: dropping
// it silently would lose a report.
func parseFeed(origin string, data []byte) ([]Doc, error) {
	name := displayName(origin)
	switch el := firstElement(bytes.ToLower(firstBytes(bytes.TrimPrefix(data, utf8BOM), sniffBytes))); el {
	case "rss", "feed", "rdf:rdf":
	case "":
		return nil, fmt.Errorf("%s: %w: no root element in the first %d bytes (want <rss>, <feed> or <rdf:RDF>)", name, ErrMalformedFeed, sniffBytes)
	default:
		return nil, fmt.Errorf("%s: %w: root element <%s>, want <rss>, <feed> or <rdf:RDF>", name, ErrMalformedFeed, el)
	}
	f, err := parseGofeed(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", name, ErrMalformedFeed, err)
	}
	if len(f.Items) == 0 {
		return nil, fmt.Errorf("%s: %w: the feed has no items", name, tracker.ErrEmptyText)
	}
	source := normalizeSpace(f.Title)
	docs := make([]Doc, 0, len(f.Items))
	var empty []string
	for i, it := range f.Items {
		n := i + 1
		d := Doc{
			Origin: fmt.Sprintf("%s: item %d", origin, n),
			Source: source,
			URL:    strings.TrimSpace(it.Link),
			Title:  normalizeSpace(it.Title),
			GUID:   strings.TrimSpace(it.GUID),
		}
		if it.PublishedParsed != nil {
			d.Published = feedDay(it.Published, *it.PublishedParsed)
		} else if it.UpdatedParsed != nil {
			d.Published = feedDay(it.Updated, *it.UpdatedParsed)
		}
		d.Title = cleanTitle(d.Title, source, d.URL, nil)
		body := it.Content
		if strings.TrimSpace(body) == "" {
			body = it.Description
		}
		if d.Text = fragmentText(body); d.Text == "" {
			d.Text = d.Title
		} else {
			d.Text = tracker.WithHeadline(d.Title, d.Text)
		}
		if err := checkDoc(&d); err != nil {
			if strings.TrimSpace(d.Text) == "" {
				empty = append(empty, strconv.Itoa(n))
				continue
			}
			return nil, fmt.Errorf("%s: item %d%s: %w", name, n, quoteTitle(d.Title), err)
		}
		docs = append(docs, d)
	}
	if len(empty) > 0 {
		what := "item " + empty[0] + " of %d has"
		if len(empty) > 1 {
			what = "items " + joinAnd(empty) + " of %d have"
		}
		return nil, fmt.Errorf("%s: %w: "+what+" no title, content or description (save the articles' pages and add those instead)",
			name, tracker.ErrEmptyText, len(f.Items))
	}
	return docs, nil
}

// parseGofeed runs gofeed, turning a panic in it into an error: one bad
// feed must cost its file, not the batch.
func parseGofeed(data []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("the feed parser failed: %s", normalizeSpace(fmt.Sprint(r)))
		}
	}()
	return gofeed.NewParser().Parse(bytes.NewReader(data))
}

// feedLayouts are the RSS date forms (RFC 822 and its variants), with a
// numeric offset or a zone name.
var feedLayouts = []string{
	time.RFC1123Z,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 02 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04 -0700",
	"02 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 -0700",
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 02 Jan 2006 15:04 MST",
	"Mon, 2 Jan 2006 15:04 MST",
	"02 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 MST",
}

// feedDay is the calendar day of a feed item's date as the feed wrote it,
// like every other date toll reads (see dayOf). gofeed gives the instant
// converted to UTC, so the written form is read again (RFC 3339, RFC 822
// and its variants; with a zone name too, since the day written does not
// depend on what the zone means); a date in a form only gofeed reads
// gives its UTC day.
func feedDay(raw string, parsed time.Time) tracker.Date {
	raw = strings.TrimSpace(raw)
	if d, err := parsePublished(raw); err == nil && !d.IsZero() {
		return d
	}
	for _, layout := range feedLayouts {
		if t, err := time.Parse(layout, raw); err == nil {
			return dayOf(t)
		}
	}
	return dayOf(parsed.UTC())
}

// firstBytes returns at most n bytes of b.
func firstBytes(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}

// quoteTitle returns ` ("title")` for messages, or "" without a title.
func quoteTitle(t string) string {
	if t == "" {
		return ""
	}
	const max = 60
	if len(t) > max {
		cut := max
		for cut > 0 && !isRuneStart(t[cut]) {
			cut--
		}
		t = t[:cut] + "…"
	}
	return fmt.Sprintf(" (%q)", t)
}

func isRuneStart(b byte) bool { return b&0xc0 != 0x80 }

// joinAnd writes "3", "3 and 5" or "3, 5 and 7".
func joinAnd(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
