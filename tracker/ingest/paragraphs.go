package ingest

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// para is one paragraph of page text: the text with white space folded,
// the block element it came from (so its place in the page can be
// judged), and how much of it was link text.
type para struct {
	text      string
	node      *html.Node
	tag       atom.Atom
	words     int
	linkBytes int
}

// joinParas writes paragraphs separated by blank lines.
func joinParas(ps []para) string {
	return joinWith(ps, "\n\n")
}

func joinWith(ps []para, sep string) string {
	texts := make([]string, len(ps))
	for i, p := range ps {
		texts[i] = p.text
	}
	return strings.Join(texts, sep)
}

// blockTags start and end a paragraph. Everything else is inline and
// joins the text around it.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Blockquote: true, atom.Body: true,
	atom.Caption: true, atom.Dd: true, atom.Details: true, atom.Dialog: true,
	atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true,
	atom.Figcaption: true, atom.Figure: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true,
	atom.Hgroup: true, atom.Html: true, atom.Li: true, atom.Main: true,
	atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true,
	atom.Summary: true, atom.Table: true, atom.Tbody: true, atom.Thead: true,
	atom.Tfoot: true, atom.Tr: true, atom.Ul: true, atom.Legend: true,
}

// skipTags hold no report text: code, styling, form controls, embedded
// media, and page navigation, asides and footers. A <header> is skipped
// only outside <article> and <main> (the site's masthead); inside, it
// holds the headline and often the lead. A <form> is skipped unless it
// wraps the page (see wrapsPage).
var skipTags = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Nav: true, atom.Aside: true, atom.Footer: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Input: true, atom.Label: true, atom.Svg: true, atom.Math: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Canvas: true,
	atom.Audio: true, atom.Video: true, atom.Picture: true, atom.Img: true,
	atom.Menu: true, atom.Dialog: true,
}

var rxHiddenStyle = regexp.MustCompile(`(?i)display\s*:\s*none|visibility\s*:\s*hidden`)

// hidden reports whether an element is not shown to readers: the hidden
// attribute, aria-hidden="true", or an inline display:none or
// visibility:hidden.
func hidden(n *html.Node) bool {
	return hasAttr(n, "hidden") ||
		strings.EqualFold(attr(n, "aria-hidden"), "true") ||
		rxHiddenStyle.MatchString(attr(n, "style"))
}

// Forms that wrap a page: many CMSs (ASP.NET Web Forms above all, and
// the sites built on it) put the whole <body> inside one <form>, so a
// walker that skips forms reads nothing of them. A form is read when it
// holds an <article>, a <main> (or role="main"), or at least
// minPageFormParas paragraphs of minLeadWords words or more; a search
// box, a comment form or a newsletter sign-up holds none of these and is
// still skipped, with the notes and labels around its fields.
const minPageFormParas = 3

// wrapsPage reports whether a <form> holds a page's content rather than
// a form's (see minPageFormParas).
func wrapsPage(form *html.Node) bool {
	paras := 0
	var found bool
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && !found; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch {
			case c.DataAtom == atom.Article, c.DataAtom == atom.Main, attr(c, "role") == "main":
				found = true
				return
			case c.DataAtom == atom.P:
				if len(strings.Fields(textOf(c))) >= minLeadWords {
					if paras++; paras >= minPageFormParas {
						found = true
						return
					}
				}
				continue
			}
			walk(c)
		}
	}
	walk(form)
	return found
}

// paragraphs returns the text of every block under root in document
// order, skipping what skipTags and hidden name. Entities are decoded by
// the HTML parser; white space is folded; <br> and <hr> break a paragraph
// (a line break in a page is a break in the text, and a list of figures
// set with <br> must not run together into one sentence); table cells in
// a row are joined with " | " for the same reason.
func paragraphs(root *html.Node) []para {
	w := paraWriter{}
	w.walk(root, false, false)
	w.flush()
	return w.out
}

type paraWriter struct {
	out       []para
	buf       strings.Builder
	linkBytes int
	block     *html.Node // the innermost block holding the text in buf
	rowCells  int        // cells written in the current table row
}

func (w *paraWriter) walk(n *html.Node, inArticle, inLink bool) {
	switch n.Type {
	case html.TextNode:
		w.buf.WriteString(n.Data)
		if inLink {
			w.linkBytes += len(strings.TrimSpace(n.Data))
		}
		return
	case html.ElementNode:
		a := n.DataAtom
		if skipTags[a] || hidden(n) {
			return
		}
		if a == atom.Header && !inArticle {
			return
		}
		if a == atom.Form && !wrapsPage(n) {
			return
		}
		switch a {
		case atom.Br, atom.Hr:
			w.flush()
			return
		case atom.Article, atom.Main:
			inArticle = true
		case atom.A:
			inLink = true
		case atom.Tr:
			w.flush()
			w.rowCells = 0
		case atom.Td, atom.Th:
			if w.rowCells > 0 {
				w.buf.WriteString(" | ")
			}
			w.rowCells++
		}
		if attr(n, "role") == "main" {
			inArticle = true
		}
		if blockTags[a] {
			w.flush()
			outer := w.block
			w.block = n
			w.children(n, inArticle, inLink)
			w.flush()
			w.block = outer
			return
		}
		w.children(n, inArticle, inLink)
	case html.DocumentNode:
		w.children(n, inArticle, inLink)
	}
	// Comments and doctypes hold no text.
}

func (w *paraWriter) children(n *html.Node, inArticle, inLink bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, inArticle, inLink)
	}
}

// flush ends the current paragraph, if it has any text.
func (w *paraWriter) flush() {
	fields := strings.Fields(w.buf.String())
	w.buf.Reset()
	links := w.linkBytes
	w.linkBytes = 0
	if len(fields) == 0 {
		return
	}
	tag := atom.Atom(0)
	if w.block != nil {
		tag = w.block.DataAtom
	}
	w.out = append(w.out, para{
		text:      strings.Join(fields, " "),
		node:      w.block,
		tag:       tag,
		words:     len(fields),
		linkBytes: links,
	})
}
