// Package ingest turns input files into plain report documents for toll:
// text and markdown files, HTML pages, JSONL batches and RSS, RDF or Atom
// feeds, from files, directories or standard input. It is an adapter like
// the store: it knows the formats and the libraries that read them
// (go-readability, gofeed, golang.org/x/net/html, whatlanggo), and
// nothing of the database or the command line.
//
// A caller expands its arguments with Files and reads each with ReadFile,
// which returns every report in the file as a Doc, or an error and no
// documents: a file is read whole or not at all, so a batch never lands
// with a report silently missing. ReadText reads an input that must hold
// exactly one report (toll extract). Parse does the same for bytes in
// memory, with a Kind chosen by Detect or by the caller.
//
//	paths, skipped, err := ingest.Files(args) // "-" is standard input
//	for _, p := range paths {
//		docs, err := ingest.ReadFile(p, os.Stdin)
//		...
//	}
//
// # Kinds
//
// The extension decides (.txt, .md, .html/.htm, .jsonl, .xml/.rss/.atom);
// standard input and other extensions are sniffed (see Detect).
//
//   - Text is kept as written, with line ends made LF.
//   - Markdown keeps its text with the markup that confuses sentence
//     splitting stripped (headings, bullets, emphasis, link syntax); a
//     YAML front matter block gives title, source, url and published.
//   - HTML gives the page's main text: readability's article content,
//     with the lead paragraph put back when readability dropped it, what
//     it kept above the headline (teasers, notices) taken out, and all
//     paragraph text when readability finds nothing (see mainText in
//     html.go for the rules and their limits), with what readability kept
//     from the furniture beside the story (comments, newsletter boxes,
//     related stories, by their class names) taken out. Paragraphs are
//     separated by blank lines, entities decoded, scripts, styles,
//     navigation, asides, footers and forms dropped (but not a form that
//     wraps the whole page, as ASP.NET sites do), white space folded.
//     URL, site name and date come from the page's metadata, the
//     headline from its <h1> and metadata (see Headlines).
//   - JSONL holds one report per line: {"source", "url", "published",
//     "title", "text"}; "text" is required; blank lines are skipped; any
//     other key is an error naming it and the line, so a typo cannot drop
//     data silently.
//   - A feed gives one report per item: title, link, date, the feed's
//     title as Source, and the item's title and content (else its
//     description) as text, HTML stripped. An item with neither title nor
//     text fails the feed, naming the items.
//
// # Headlines
//
// A report's headline is part of its text, so that a figure given only
// there ("Quake kills 296", common in feeds) is read: Doc.Title is the
// headline and Doc.Text starts with it as its own paragraph
// (tracker.WithHeadline; tracker.HeadlineEnd finds where it ends, which
// is how the extractor tells the headline from the body). A page's
// headline is its first <h1> when the metadata agrees, else og:title,
// the JSON-LD headline, twitter:title or <title>, with the site's name
// cut off (" | Outlet", " - Outlet", "Outlet :: "; see cleanTitle for
// when a part counts as the site's); the body's own copy of it is not
// repeated. A feed item's title (with the feed's name cut off its end)
// heads its text, and an item with a title and nothing else is the
// report of its headline. A JSON line's "title" and a markdown front
// matter title head their texts too. A plain text file is kept as it is
// written: its first line, when it reads as a headline, is already
// there. A title does not make up for a missing body: a page or a JSON
// line with no text is still an error.
//
// # Dates
//
// Published is a calendar day: the day the input wrote. Metadata is read
// as YYYY-MM-DD or RFC 3339 (feeds: RFC 822 too, or any date gofeed
// parses); other forms are refused in JSONL and front matter and ignored
// in pages, never guessed, since a day-month swap would misdate every
// claim. A date-time is taken at the offset or zone it was written in,
// the day the publisher's clock showed, not converted to UTC: the
// report's own "yesterday" and "on Saturday" are relative to that day,
// and a report published at 01:30 on Sunday in Jerusalem would otherwise
// be dated Saturday. Only a feed date in a form gofeed alone reads gets
// its UTC day.
//
// When the metadata gives none, a page is dated by a <time> in the block
// holding its headline, then by the date in its address (/2023/10/14/),
// then by a date written in words near its headline ("Published 3 June
// 2024 · Updated 5 June 2024" gives 3 June; an updated date counts only
// when it is the only one). Any report without a date, of any kind, is
// then dated by the start of its body: a dateline with a year ("NEW
// YORK, Nov. 20, 2019 /Wire/ --"), or a date in words in its first
// paragraphs ("November 20, 2019"). Numeric dates (09/10/2023) and a
// year alone are never read. A wire dateline without a year ("PARIS, Oct
// 9 (Reuters) -") is no date, but Doc.Dateline keeps its month and day,
// and Dateline.Resolve dates it against a day the caller knows (toll add
// --default-date).
//
// Measured against github.com/markusmobius/go-htmldate on 18 pages
// written for the purpose (testdata/ingest/layouts and dates) these
// rules date all 18 as wanted, go-htmldate 15 (it reads 09/10/2023 as
// 9 October, dates a page with only "2024" in its footer 1 January 2024,
// and prefers a modified time to the date shown); it is not used, as it
// also adds 8 MB to the binary and a second and 57 MB of memory to the
// start of every toll command (its regular expressions run in a
// WebAssembly RE2).
//
// # Language
//
// toll's extractor reads English. Doc.Language names the language of a
// report that is reliably in another one (whatlanggo, on the first 2 KiB
// of the text, for texts of 20 words or more; see Language), so that the
// caller can say that its claims, or its having none, mean little.
//
// # Limits
//
// An input is read through io.LimitReader up to MaxFileBytes; each
// document's text must then pass tracker.CheckText (at most
// tracker.MaxTextBytes, not binary, valid UTF-8, not empty). Raw input is
// checked for NUL bytes and invalid UTF-8 before any parser sees it, with
// the offset in the message; pages in legacy encodings must be converted
// to UTF-8 first. Errors are one line naming the file (and line or item)
// and wrap the tracker sentinels or this package's own, for errors.Is.
package ingest
