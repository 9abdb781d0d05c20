package ingest

import (
	"fmt"
	"regexp"
	"strings"
)

// Markdown markup that would confuse sentence splitting or put URLs and
// symbols into the text. Each pattern is applied per line.
var (
	rxMdHeading   = regexp.MustCompile(`^ {0,3}#{1,6}(\s+|$)`)
	rxMdClosingH  = regexp.MustCompile(`\s+#+\s*$`)
	rxMdSetext    = regexp.MustCompile(`^ {0,3}(=+|-+)\s*$`)
	rxMdRule      = regexp.MustCompile(`^ {0,3}([-*_])(\s*([-*_]))*\s*$`)
	rxMdQuote     = regexp.MustCompile(`^ {0,3}(>\s?)+`)
	rxMdBullet    = regexp.MustCompile(`^(\s*)[-*+]\s+`)
	rxMdNumbered  = regexp.MustCompile(`^(\s*)\d{1,9}[.)]\s+`)
	rxMdFence     = regexp.MustCompile("^ {0,3}(```|~~~)")
	rxMdRefDef    = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:\s*\S+`)
	rxMdImage     = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	rxMdLink      = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	rxMdRefLink   = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
	rxMdAutoLink  = regexp.MustCompile(`<(https?://[^>\s]+)>`)
	rxMdCode      = regexp.MustCompile("`([^`]+)`")
	rxMdStrong    = regexp.MustCompile(`(\*\*|__)(\S(?:.*?\S)?)(\*\*|__)`)
	rxMdEmStar    = regexp.MustCompile(`(^|[^\w*])\*(\S(?:[^*]*?\S)?)\*($|[^\w*])`)
	rxMdEmUnder   = regexp.MustCompile(`(^|[^\w_])_(\S(?:[^_]*?\S)?)_($|[^\w_])`)
	rxMdStrike    = regexp.MustCompile(`~~(\S(?:.*?\S)?)~~`)
	rxMdLineBreak = regexp.MustCompile(`\\$`)
)

// stripMarkdown keeps a markdown report's text and removes the markup
// that would confuse sentence splitting: heading hashes and underlines,
// list bullets and numbers, quote markers, horizontal rules, code fences
// (the code is kept), emphasis and strike-through markers, inline code
// ticks, link syntax ([text](url) and [text][ref] become text, <url>
// becomes url, reference definitions go), and images (![alt](src) goes:
// alt text describes a picture, it is not the report's words).
//
// Limits: it is a line-based approximation, not a CommonMark parser.
// Emphasis markers are removed only in pairs around text, so an asterisk
// footnote mark ("1,200*") and snake_case survive; a list item's number
// is dropped, so "1. 1,200 killed" keeps only the figure; HTML inside the
// markdown is kept as written.
func stripMarkdown(s string) string {
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	inFence := false
	prevNumbered := "" // the indent of the previous line if it was a numbered item
	for i, line := range lines {
		numberedIndent, isNumbered := "", false
		if m := rxMdNumbered.FindStringSubmatch(line); m != nil {
			// A wrapped sentence can put a figure at the start of a line
			// ("more than\n700. The ministry..."): a number is taken as
			// a list item only at the start of a block or right under
			// another item at the same indent, as CommonMark would.
			prevBlank := i == 0 || strings.TrimSpace(lines[i-1]) == ""
			if prevBlank || prevNumbered == m[1] {
				numberedIndent, isNumbered = m[1], true
			}
		}
		if isNumbered {
			prevNumbered = numberedIndent
		} else {
			prevNumbered = "\x00"
		}
		if rxMdFence.MatchString(line) {
			inFence = !inFence
			continue
		}
		if inFence {
			out = append(out, line)
			continue
		}
		if rxMdRefDef.MatchString(line) {
			continue
		}
		// A "---" or "===" under a text line underlines a heading; a
		// "---" on its own is a rule. Both go.
		if rxMdSetext.MatchString(line) && i > 0 && strings.TrimSpace(lines[i-1]) != "" {
			continue
		}
		if rxMdRule.MatchString(line) {
			out = append(out, "")
			continue
		}
		line = rxMdQuote.ReplaceAllString(line, "")
		if rxMdHeading.MatchString(line) {
			line = rxMdHeading.ReplaceAllString(line, "")
			line = rxMdClosingH.ReplaceAllString(line, "")
		}
		line = rxMdBullet.ReplaceAllString(line, "$1")
		if isNumbered {
			line = rxMdNumbered.ReplaceAllString(line, "$1")
		}
		line = rxMdImage.ReplaceAllString(line, "")
		line = rxMdLink.ReplaceAllString(line, "$1")
		line = rxMdRefLink.ReplaceAllString(line, "$1")
		line = rxMdAutoLink.ReplaceAllString(line, "$1")
		line = rxMdCode.ReplaceAllString(line, "$1")
		line = rxMdStrong.ReplaceAllString(line, "$2")
		line = replaceAllRepeat(rxMdEmStar, line, "$1$2$3")
		line = replaceAllRepeat(rxMdEmUnder, line, "$1$2$3")
		line = rxMdStrike.ReplaceAllString(line, "$1")
		line = rxMdLineBreak.ReplaceAllString(line, "")
		out = append(out, strings.TrimRight(line, " \t"))
	}
	return strings.Join(out, "\n")
}

// replaceAllRepeat applies re until the line stops changing: matches that
// share a delimiter character ("*a* *b*") are found one pass at a time.
// Each pass removes two characters, so it ends.
func replaceAllRepeat(re *regexp.Regexp, s, repl string) string {
	for {
		t := re.ReplaceAllString(s, repl)
		if t == s {
			return t
		}
		s = t
	}
}

// maxFrontMatterLines bounds the search for the end of a front matter
// block, so that a file opening with a "---" rule is not read as one.
const maxFrontMatterLines = 100

var rxFrontKey = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_-]*):\s*(.*?)\s*$`)

// readFrontMatter moves a YAML front matter block from the start of a
// markdown report's text into its metadata: title, source, url (or link)
// and published (or date). The block is a "---" line, flat "key: value"
// lines, and a closing "---" or "..." line within maxFrontMatterLines
// lines; values may be quoted. Other keys (tags, author, ...) are
// ignored, as are nested and multi-line values: this is not a YAML
// parser. A date that is not YYYY-MM-DD or RFC 3339 is an error naming
// the line, since the user wrote it and a guess could misdate every
// claim. Errors start with ":<line>: " for the caller to put the file
// name in front.
func readFrontMatter(d *Doc) error {
	if !strings.HasPrefix(d.Text, "---\n") {
		return nil
	}
	lines := strings.SplitN(d.Text, "\n", maxFrontMatterLines+2)
	end := -1
	for i := 1; i < len(lines) && i <= maxFrontMatterLines; i++ {
		if l := strings.TrimRight(lines[i], " \t"); l == "---" || l == "..." {
			end = i
			break
		}
	}
	if end < 0 {
		return nil
	}
	for i := 1; i < end; i++ {
		m := rxFrontKey.FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		v := unquote(m[2])
		switch strings.ToLower(m[1]) {
		case "title":
			d.Title = normalizeSpace(v)
		case "source":
			d.Source = v
		case "url", "link":
			d.URL = v
		case "published", "date":
			date, err := parsePublished(v)
			if err != nil {
				return fmt.Errorf(":%d: front matter %q: %w", i+1, m[1], err)
			}
			d.Published = date
		}
	}
	d.Text = strings.TrimLeft(strings.Join(lines[end+1:], "\n"), "\n")
	return nil
}

// unquote removes one pair of matching single or double quotes.
func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}
