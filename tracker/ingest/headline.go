package ingest

import (
	"net/url"
	"strings"
	"unicode"
)

// maxHeadings is how many <h1> and <h2> texts a page's walk keeps to
// recognise the headline inside its <title>.
const maxHeadings = 6

// maxSiteWords is the most words a part of a title may have to be taken
// for the site's name and cut off: "The Provincial Courier", "World
// News - Reuters", not a clause of the headline.
const maxSiteWords = 5

// maxTitleBytes is the longest title cleanTitle cuts a site's name off:
// no headline is longer, and the search of its parts, quadratic in the
// number of separators, stays cheap.
const maxTitleBytes = 500

// titleSeps separate a headline from the site's name (and section) in a
// <title> or og:title: "Floods kill 27 | The Courier", "Courier :: Floods
// kill 27". A hyphen counts only with spaces around it.
var titleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " « ", " / "}

// pageHeadline returns a page's headline, the title a reader sees: the
// first <h1> when the metadata agrees with it (one of og:title, the
// JSON-LD headline, twitter:title and <title> starts with it or is part of
// it: an og:title is often a shorter social version), else the first of
// those with the site's name cut off (see cleanTitle), else the <h1>.
// The <h1> alone is the last resort because on some pages it is the
// site's logo.
func pageHeadline(f pageFacts, ld ldFacts, site, pageURL string) string {
	var cands []string
	for _, c := range []string{f.meta["og:title"], ld.headline, f.meta["twitter:title"], f.title} {
		if c = cleanTitle(c, site, pageURL, f.headings); c != "" {
			cands = append(cands, c)
		}
	}
	if f.h1 != "" {
		h1 := strings.ToLower(f.h1)
		for _, c := range cands {
			c = strings.ToLower(c)
			if strings.Contains(h1, c) || strings.HasPrefix(c, h1) {
				return f.h1
			}
		}
	}
	if len(cands) > 0 {
		return cands[0]
	}
	return f.h1
}

// cleanTitle cuts a site's name (and section) off a title: "Floods kill
// 27 - The Provincial Courier" is "Floods kill 27". A part is cut when the
// rest is one of the page's headings ("Valley News :: Ferry capsizes, 62
// missing" with that <h2>; a heading at the end must be the longer part,
// since a logo can be an <h1> too), or when the part is the site's name
// or its address's: it matches site (og:site_name, the publisher) or a
// label of the URL's host, and has at most maxSiteWords words. Anything
// else is kept: a title whose suffix cannot be told from the headline's
// own words keeps it, as does a title over maxTitleBytes.
func cleanTitle(title, site, pageURL string, headings []string) string {
	t := normalizeSpace(title)
	if t == "" || len(t) > maxTitleBytes {
		return t
	}
	for _, sep := range titleSeps {
		for i := 0; ; {
			j := strings.Index(t[i:], sep)
			if j < 0 {
				break
			}
			j += i
			head, tail := t[:j], t[j+len(sep):]
			for _, h := range headings {
				if strings.EqualFold(head, h) {
					return head
				}
				if strings.EqualFold(tail, h) && len(strings.Fields(tail)) > len(strings.Fields(head)) {
					return tail
				}
			}
			i = j + len(sep)
		}
	}
	host := hostLabels(pageURL)
	for changed := true; changed; {
		changed = false
		for _, sep := range titleSeps {
			if j := strings.LastIndex(t, sep); j > 0 && isSiteName(t[j+len(sep):], site, host, true) {
				t, changed = strings.TrimSpace(t[:j]), true
			}
			if j := strings.Index(t, sep); j > 0 && isSiteName(t[:j], site, host, false) {
				t, changed = strings.TrimSpace(t[j+len(sep):]), true
			}
		}
	}
	return t
}

// isSiteName reports whether part of a title names the site: in at most
// maxSiteWords words, its letters and digits (lower-cased, a leading
// "the" dropped) are those of the site's name or of a label of the
// page's host (four characters or more), or hold them ("Atlas Herald
// Online"). At the end of a title a part may also be held in the name
// ("Reuters" for a feed named "World News - Reuters"); at the start it
// may not, so "Gaza - live updates" on the "Gaza Times" keeps its "Gaza".
func isSiteName(part, site string, hostLabels []string, atEnd bool) bool {
	if n := len(strings.Fields(part)); n == 0 || n > maxSiteWords {
		return false
	}
	p := letters(part)
	if len(p) < 2 {
		return false
	}
	match := func(name string) bool {
		switch {
		case name == "":
			return false
		case p == name:
			return true
		case len(name) >= 4 && strings.Contains(p, name):
			return true
		}
		return atEnd && len(p) >= 4 && strings.Contains(name, p)
	}
	if match(letters(site)) {
		return true
	}
	for _, l := range hostLabels {
		if len(l) >= 4 && match(l) {
			return true
		}
	}
	return false
}

// letters returns the lower-cased letters and digits of s, without a
// leading "the".
func letters(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return strings.TrimPrefix(b.String(), "the")
}

// hostLabels returns the labels of a URL's host but the last (the
// top-level domain) and "www": "news.harbour-ledger.example" gives
// "news" and "harbourledger".
func hostLabels(raw string) []string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Hostname() == "" {
		return nil
	}
	labels := strings.Split(u.Hostname(), ".")
	var out []string
	for i, l := range labels {
		if i == len(labels)-1 && i > 0 || l == "www" {
			continue
		}
		out = append(out, letters(l))
	}
	return out
}
