package ingest

import (
	"bytes"
	"fmt"
	"index/suffixarray"
	"regexp"
	"strings"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/tollproject/toll/tracker"
)

// Limits of the HTML path.
const (
	// maxReadabilityElems bounds the pages handed to readability, whose
	// scoring passes grow faster than the page; a bigger page (a huge
	// live blog) is read by the paragraph path alone, which is linear.
	maxReadabilityElems = 100_000
	// minLeadWords is how many words a paragraph before readability's
	// content needs to be restored as a lead: fewer are bylines, dates,
	// credits and labels.
	minLeadWords = 8
	// maxLeadParas is how many such paragraphs are restored at most: a
	// standfirst and a lead or two, not the page's chrome above them.
	maxLeadParas = 3
	// maxLeadLinkShare is the share of a lead candidate's text that may
	// sit inside links: teasers for other stories are mostly links, and
	// their figures are not this report's.
	maxLeadLinkShare = 0.5
	// minAnchorWords is how many words a paragraph needs before its
	// presence in readability's text counts as where that text starts;
	// shorter strings ("Advertisement") match anywhere. minAnchorBytes
	// does the same for scripts written without spaces.
	minAnchorWords = 4
	minAnchorBytes = 60
)

// htmlDoc reads a page: metadata from its head and markup, and its main
// text. The text is readability's article content, with the lead
// paragraphs restored when readability left them out, and falls back to
// all paragraph text of the page when readability finds nothing. The
// errors of the text check are left to the caller.
//
// html.Parse fails only on a page that nests elements more than 512 deep
// (its reader, a bytes.Reader, cannot fail): that is ErrTooDeep, not a
// page with no text, which would send the user looking for scripts.
func htmlDoc(data []byte) (Doc, error) {
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return Doc{}, fmt.Errorf("%w: elements nest more than 512 deep, past what the HTML parser reads (%v); save the page's text as .txt and add that", ErrTooDeep, err)
	}
	d := pageMeta(root)
	all := paragraphs(root)
	d.Text = withHeadline(d.Title, mainText(root, all, d.Title))
	if d.Published.IsZero() {
		d.Published = firstDate(nearHeadline(all, d.Title))
	}
	return d, nil
}

// Around the headline: how many paragraphs before it, and how many of
// the body's after it, are read for the date shown on the page
// ("Published 3 June 2024 · Updated 5 June", a byline with the day, a
// date line above the headline). After it, only paragraphs of
// minLeadWords words or more count towards dateParasAfter, since a
// page's header is full of short labels ("Share", "Read later") before
// the body starts; maxDateScan bounds the paragraphs read in all.
const (
	dateParasBefore = 3
	dateParasAfter  = 3
	maxDateScan     = 60
)

// nearHeadline returns the texts of the page's paragraphs around its
// headline (the first paragraph that is the headline, else the first
// <h1>), or from the top of the page when there is none. A date further
// away is as likely another story's.
func nearHeadline(all []para, title string) []string {
	at := -1
	if title != "" {
		for i, pa := range all {
			if strings.EqualFold(pa.text, title) {
				at = i
				break
			}
		}
	}
	if at < 0 {
		for i, pa := range all {
			if pa.tag == atom.H1 {
				at = i
				break
			}
		}
	}
	lo := 0
	if at >= 0 {
		lo = max(0, at-dateParasBefore)
	}
	var out []string
	long := 0
	for i := lo; i < len(all) && len(out) < maxDateScan && long < dateParasAfter; i++ {
		out = append(out, clip(all[i].text, maxDateBytes))
		if i > at && all[i].words >= minLeadWords {
			long++
		}
	}
	return out
}

// withHeadline writes a page's text: the headline as its first
// paragraph (tracker.WithHeadline, so that figures given only there are
// read and the extractor knows them for the headline's), then the body
// without the paragraphs that repeat the headline (the <h1> readability
// kept, below a section label or a kicker), which would count its
// figures twice. A page with no body text gives no text, whatever its
// title: a page that loads its story with scripts must say so (see
// emptyHTMLHint), not be stored as its headline alone.
func withHeadline(title string, body []para) string {
	kept := body[:0:0]
	for _, p := range body {
		if !strings.EqualFold(p.text, title) {
			kept = append(kept, p)
		}
	}
	if len(kept) == 0 {
		return ""
	}
	return tracker.WithHeadline(title, joinParas(kept))
}

// mainText returns the paragraphs of a page's main text; all is
// paragraphs(root).
//
// Readability (the go-readability port of Firefox's Reader View) finds
// the article and drops the page around it, but it can also drop the lead
// paragraph, which is where news reports put the figure: a standfirst in
// an element whose class says "header" or "summary" is scored as chrome.
// So the page is also read whole (all paragraph text, see paragraphs),
// the paragraph where readability's article body starts is found (see
// bodyStart), and the paragraphs before it are looked at: walking back
// from it, up to maxLeadParas paragraphs inside the same <article> or
// <main> (else <body>), stopping at the headline <h1>, each with at least
// minLeadWords words, mostly not link text, not in an element whose class
// or id says cookie, newsletter, related, byline, caption and the like,
// not a byline, dateline or repeat of the headline, and not already in
// readability's text, are put back in front of the body.
//
// Measured on go-readability's own 134 test pages (TestCorpusLeads): 30
// paragraphs put back on 22 pages, about 18 of them standfirsts, leads or
// body paragraphs readability had dropped, the rest short chrome (an
// embedded post, a sponsor line, interface text) with no figures; nothing
// readability kept was removed there.
//
// The same reading of position trims what readability keeps above the
// headline (a teaser for another story, a cookie notice): see
// dropAboveHeadline. Those figures are not this report's.
//
// Limits: a paragraph readability drops further down the article is not
// restored (the lead is the one that matters most and the one that can be
// told from chrome by position); when readability finds no content, or
// content that matches no paragraph of the page, all paragraph text of the
// page is used, chrome included.
func mainText(root *html.Node, all []para, title string) []para {
	if countElements(root, maxReadabilityElems+1) > maxReadabilityElems {
		return all
	}
	art, ok := readArticle(root)
	if !ok {
		return all
	}
	read := paragraphs(art)
	if len(read) == 0 {
		return all
	}
	read = dropChrome(read, all, title)
	index := newTextIndex(read)
	start := bodyStart(all, index)
	if start < 0 {
		return all
	}
	read = dropAboveHeadline(read, all, start, title)
	scope := articleScope(all[start].node)
	var lead []para
	seen := make(map[string]bool)
	for i := start - 1; i >= 0 && len(lead) < maxLeadParas; i-- {
		pa := all[i]
		if !isInside(pa.node, scope) || pa.tag == atom.H1 {
			break
		}
		if !isLeadCandidate(pa, scope, title) || index.contains(pa.text) || seen[pa.text] {
			continue
		}
		seen[pa.text] = true
		lead = append(lead, pa)
	}
	if len(lead) == 0 {
		return read
	}
	// The lead goes right before the readability paragraph that holds
	// the body's first one, after whatever readability kept above it.
	at := 0
	for j, r := range read {
		if strings.Contains(r.text, all[start].text) {
			at = j
			break
		}
	}
	out := make([]para, 0, len(lead)+len(read))
	out = append(out, read[:at]...)
	for i := len(lead) - 1; i >= 0; i-- {
		out = append(out, lead[i])
	}
	return append(out, read[at:]...)
}

// readArticle runs readability on a copy of the page and returns its
// article content. A readability failure, including a panic in its
// heuristics on a strange page, is reported as no content, so the page is
// read by the paragraph path instead of crashing the batch.
func readArticle(root *html.Node) (art *html.Node, ok bool) {
	defer func() {
		if recover() != nil {
			art, ok = nil, false
		}
	}()
	p := readability.NewParser()
	a, err := p.ParseDocument(root, nil)
	if err != nil || a.Node == nil {
		return nil, false
	}
	return a.Node, true
}

// dropAboveHeadline removes from readability's paragraphs those that the
// page has only above its headline: the first <h1> of the page, when it
// comes before the body's start and matches the title (so it is the
// headline, not a logo set as <h1>). A paragraph whose text also appears
// below the headline is kept.
func dropAboveHeadline(read, all []para, start int, title string) []para {
	h1 := -1
	for i, pa := range all {
		if pa.tag == atom.H1 {
			h1 = i
			break
		}
	}
	if h1 < 0 || h1 > start || !sameHeadline(all[h1].text, title) {
		return read
	}
	above := make(map[string]bool)
	for _, pa := range all[:h1] {
		above[pa.text] = true
	}
	for _, pa := range all[h1:] {
		delete(above, pa.text)
	}
	if len(above) == 0 {
		return read
	}
	kept := read[:0:0]
	for _, r := range read {
		if !above[r.text] {
			kept = append(kept, r)
		}
	}
	if len(kept) == 0 {
		return read
	}
	return kept
}

// dropChrome removes from readability's paragraphs those that sit, on
// the page, in page furniture beside the story rather than in it: a
// newsletter box or a promo inside the body, a discussion that
// readability took for the body because it is longer. Furniture is an
// element whose class rxFurniture matches, between the paragraph and
// the nearest element that also holds the headline (the first <h1>,
// when it matches the title): the story's own wrappers hold the
// headline too and are never judged, so a body inside <div
// class="story has-comments"> is kept. Without such a headline nothing
// is dropped; nor is anything when no paragraph of the story would be
// left (the story's own wrapper is named for its comments and does not
// hold the headline).
func dropChrome(read, all []para, title string) []para {
	var h1 *html.Node
	for _, pa := range all {
		if pa.tag == atom.H1 {
			if sameHeadline(pa.text, title) {
				h1 = pa.node
			}
			break
		}
	}
	if h1 == nil {
		return read
	}
	chrome := make(map[string]bool)
	for _, pa := range all {
		if inChrome(pa.node, h1) {
			chrome[pa.text] = true
		}
	}
	for _, pa := range all {
		if !chrome[pa.text] {
			continue
		}
		// Text also found outside furniture (a standfirst repeated in
		// a share box) is the story's.
		if !inChrome(pa.node, h1) {
			delete(chrome, pa.text)
		}
	}
	if len(chrome) == 0 {
		return read
	}
	kept := read[:0:0]
	body := false
	for _, r := range read {
		if !chrome[r.text] {
			kept = append(kept, r)
			body = body || r.words >= minLeadWords && !sameHeadline(r.text, title)
		}
	}
	if !body {
		return read
	}
	return kept
}

// rxFurniture matches the class names of what readability keeps beside a
// story: comments and discussions, newsletter and subscription boxes,
// promos, related and recommended stories, share buttons, cookie
// notices, sidebars, adverts. It is narrower than rxChrome, which judges
// paragraphs readability had already dropped: it leaves out paywall,
// byline, author, caption and credit (body paragraphs are marked
// "paywall"; a caption is the story's). Ids are not read: widgets give
// the story's own wrapper ids like "share-btns-2_containerParent".
var rxFurniture = regexp.MustCompile(`(?i)cookie|consent|gdpr|newsletter|subscri|promo|related|recommend|share|social|comment|discussion|replies|sidebar|advert|sponsor|signup|sign-up|most-read|trending|teaser|popup|modal`)

// inChrome reports whether n sits in an element whose class says
// furniture (rxFurniture), below the nearest ancestor of n that also holds
// the headline h1.
func inChrome(n, h1 *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p.Type != html.ElementNode {
			continue
		}
		if isInside(h1, p) {
			return false
		}
		if rxFurniture.MatchString(attr(p, "class")) {
			return true
		}
	}
	return false
}

// sameHeadline reports whether an <h1> is the page's headline: one of
// the h1 text and the title holds the other, ignoring case (a <title>
// often adds the site's name).
func sameHeadline(h1, title string) bool {
	h1, title = strings.ToLower(h1), strings.ToLower(title)
	if h1 == "" || title == "" {
		return false
	}
	return strings.Contains(title, h1) || strings.Contains(h1, title)
}

// bodyStart returns the index in all of the first paragraph of the
// article body as readability sees it: the start of the longest run (in
// bytes of text) of consecutive paragraphs that readability kept. Paragraphs under
// minAnchorWords words (or minAnchorBytes) neither break a run nor start one (a byline or a
// photo credit between lead and body). Readability can keep a stray block
// above the article (a teaser, a notice), so its first paragraph is not
// always where the body starts. It returns -1 when no paragraph of the
// page is in readability's text.
func bodyStart(all []para, index *textIndex) int {
	best, bestSize := -1, 0
	runStart, runSize := -1, 0
	for i, pa := range all {
		if pa.words < minAnchorWords && len(pa.text) < minAnchorBytes {
			continue
		}
		if !index.contains(pa.text) {
			runStart, runSize = -1, 0
			continue
		}
		if runStart < 0 {
			runStart = i
		}
		runSize += len(pa.text)
		if runSize > bestSize {
			best, bestSize = runStart, runSize
		}
	}
	return best
}

// textIndex answers whether a page paragraph is in readability's text.
// Most are, word for word, as one paragraph (both are rendered by
// paragraphs), which a map answers; the rest (paragraphs readability
// dropped, or split or joined differently) go to a suffix array of the
// whole text, so that a page of many paragraphs costs n log n, not the n²
// of searching the text once per paragraph.
type textIndex struct {
	paras  map[string]bool
	joined string
	sa     *suffixarray.Index // built on the first miss
}

func newTextIndex(read []para) *textIndex {
	x := &textIndex{paras: make(map[string]bool, len(read)), joined: joinWith(read, " ")}
	for _, r := range read {
		x.paras[r.text] = true
	}
	return x
}

// contains reports whether s occurs in the text.
func (x *textIndex) contains(s string) bool {
	if x.paras[s] {
		return true
	}
	if len(s) > len(x.joined) {
		return false
	}
	if x.sa == nil {
		x.sa = suffixarray.New([]byte(x.joined))
	}
	return len(x.sa.Lookup([]byte(s), 1)) > 0
}

// isLeadCandidate reports whether a paragraph before readability's
// content may be the lead (see mainText).
func isLeadCandidate(pa para, scope *html.Node, title string) bool {
	switch pa.tag {
	case atom.Li, atom.Dt, atom.Dd, atom.Td, atom.Th, atom.Figcaption, atom.Caption:
		return false
	}
	if pa.words < minLeadWords {
		return false
	}
	if float64(pa.linkBytes) > maxLeadLinkShare*float64(len(pa.text)) {
		return false
	}
	// The headline again (a second <h1>, an <h2> deck repeating it)
	// would count its figure twice; a byline or dateline is no lead.
	if sameHeadline(pa.text, title) && len(pa.text) <= len(title) || rxByline.MatchString(pa.text) ||
		pa.words < maxDatelineWords && rxClock.MatchString(pa.text) {
		return false
	}
	for n := pa.node; n != nil && n != scope; n = n.Parent {
		if rxChrome.MatchString(attr(n, "class")) || rxChrome.MatchString(attr(n, "id")) {
			return false
		}
	}
	return true
}

// Bylines and datelines, which sit between headline and body and are
// long enough to pass minLeadWords: they start with "By", "Posted",
// "Published" or "Updated", or are short and hold a clock time.
var (
	rxByline = regexp.MustCompile(`(?i)^\W*(by|posted|published|updated|last updated)\b`)
	rxClock  = regexp.MustCompile(`\b\d{1,2}[:.h]\d{2}\b|\b\d{1,2} ?[ap]\.?m\b`)
)

// maxDatelineWords is the length under which a paragraph with a clock
// time is taken for a dateline, not a lead: leads run longer.
const maxDatelineWords = 16

// rxChrome matches class and id values of page furniture whose
// paragraphs must not be restored as a lead. "header" and "summary" are
// not in it: that is where leads live.
var rxChrome = regexp.MustCompile(`(?i)cookie|consent|gdpr|newsletter|subscri|promo|related|recommend|share|social|comment|sidebar|advert|sponsor|breadcrumb|menu|\bnav|popup|modal|paywall|signup|sign-up|footer|masthead|teaser|most-read|trending|byline|dateline|author|timestamp|caption|credit`)

// articleScope returns the nearest <article> or <main> (or role="main")
// element holding n, else the <body>, else the root.
func articleScope(n *html.Node) *html.Node {
	var body *html.Node
	for p := n; p != nil; p = p.Parent {
		if p.Type != html.ElementNode {
			continue
		}
		switch {
		case p.DataAtom == atom.Article, p.DataAtom == atom.Main, attr(p, "role") == "main":
			return p
		case p.DataAtom == atom.Body:
			body = p
		}
	}
	if body != nil {
		return body
	}
	root := n
	for root.Parent != nil {
		root = root.Parent
	}
	return root
}

// isInside reports whether n is scope or inside it.
func isInside(n, scope *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == scope {
			return true
		}
	}
	return false
}

// countElements counts element nodes, stopping at limit.
func countElements(root *html.Node, limit int) int {
	n := 0
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		for c := x.FirstChild; c != nil && n < limit; c = c.NextSibling {
			if c.Type == html.ElementNode {
				n++
			}
			walk(c)
		}
	}
	walk(root)
	return n
}

// attr returns the value of an element's attribute, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// hasAttr reports whether an element has the attribute at all.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}

// fragmentText turns a feed item's content into plain text: HTML through
// the paragraph path, plain text (no tags) with its paragraphs kept and
// the white space inside each folded.
func fragmentText(s string) string {
	if !rxTag.MatchString(s) {
		return plainParagraphs(s)
	}
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return ""
	}
	return joinParas(paragraphs(root))
}

// rxTag matches the start of an HTML tag, comment or entity-free markup.
var rxTag = regexp.MustCompile(`<[A-Za-z/!]`)

// plainParagraphs folds white space inside each blank-line separated
// paragraph and joins them with one blank line.
func plainParagraphs(s string) string {
	var out []string
	for _, p := range rxBlankLine.Split(normalizeNewlines(s), -1) {
		if p = normalizeSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

var rxBlankLine = regexp.MustCompile(`\n[ \t\f\v]*\n`)

// normalizeSpace folds runs of white space (including no-break spaces)
// into one space and trims the ends.
func normalizeSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
