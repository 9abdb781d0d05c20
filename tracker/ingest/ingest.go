package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"unicode/utf8"

	"github.com/tollproject/toll/internal/par"
	"github.com/tollproject/toll/tracker"
)

// MaxFileBytes caps one input file (or standard input) before parsing. An
// HTML page with its scripts and styles, a feed or a JSONL batch can be
// far larger than the text it holds, so the cap is above
// tracker.MaxTextBytes, which each document's text must still meet; past
// 32 MiB the input is a wrong file, and reading it whole would make memory
// grow with the mistake.
const MaxFileBytes = 32 << 20

// The errors of the package. Messages wrapping them name the file (and
// line or item) and the problem. Problems with a document's text wrap the
// tracker sentinels instead (tracker.ErrEmptyText, tracker.ErrBinary,
// tracker.ErrInvalidUTF8, tracker.ErrTooLarge, tracker.ErrBadDate), and a
// missing file wraps fs.ErrNotExist.
var (
	// ErrNoFiles is a directory holding no report files, or no paths.
	ErrNoFiles = errors.New("no report files found")
	// ErrInvalidJSON is a JSONL line that is not one JSON object.
	ErrInvalidJSON = errors.New("invalid JSON")
	// ErrUnknownKey is a JSONL key other than source, url, published,
	// title and text: rejected so that a typo ("txt") cannot silently
	// drop a report's text or date.
	ErrUnknownKey = errors.New("unknown key")
	// ErrMalformedFeed is an RSS or Atom feed that cannot be parsed.
	ErrMalformedFeed = errors.New("malformed feed")
	// ErrNotOneReport is ReadText given an input that holds several
	// reports (a JSONL file or a feed).
	ErrNotOneReport = errors.New("not one report")
	// ErrIsDirectory is ReadFile given a directory; Files expands those.
	ErrIsDirectory = errors.New("is a directory")
	// ErrTooDeep is an HTML page whose elements nest deeper than the
	// HTML parser goes (golang.org/x/net/html refuses more than 512 open
	// elements): no news page does, a generated or hostile one can.
	ErrTooDeep = errors.New("HTML nested too deep")
)

// Stdin is the path that names standard input.
const Stdin = "-"

// Doc is one report read from a file, a feed item, a JSONL line or stdin,
// before it is stored.
type Doc struct {
	// Origin is where the report came from, for messages: "a.html",
	// "feed.xml: item 3", "reports.jsonl:12", "-".
	Origin string
	// Source is the outlet or publisher if the input says (JSONL
	// "source", the feed's title, an HTML page's site name, markdown
	// front matter), else "".
	Source string
	URL    string
	Title  string
	// GUID is a feed item's guid (RSS) or id (Atom), "" elsewhere: what
	// the feed says stays the same item however its link or text change.
	GUID string
	// Published is the date from the input's metadata, else zero. A time
	// with a UTC offset gives the calendar day at that offset, the day
	// the publisher's own clock showed (see the package documentation).
	Published tracker.Date
	// Dateline is the month and day of a wire dateline without a year
	// ("PARIS, Oct 9 (Reuters) -") when nothing else dates the report;
	// Dateline.Resolve dates it against a day the caller knows.
	Dateline Dateline
	// Language is the language the text is written in when it is
	// reliably not English ("French"; see Language), else "": toll
	// reads English, so such a report's claims say little, and its
	// having none says nothing.
	Language string
	// Text is plain text that passed tracker.CheckText.
	Text string
}

// Kind is the format of an input.
type Kind int

// The kinds of input. Detect tells them apart.
const (
	Text     Kind = iota // plain text, read as it is
	Markdown             // text with markup stripped (.md only; never sniffed)
	HTML                 // a web page: main text by readability plus the lead paragraph
	JSONL                // one JSON report object per line
	Feed                 // an RSS, RDF or Atom feed: one report per item
)

// String returns the kind's name: "text", "markdown", "html", "jsonl" or
// "feed".
func (k Kind) String() string {
	switch k {
	case Text:
		return "text"
	case Markdown:
		return "markdown"
	case HTML:
		return "html"
	case JSONL:
		return "jsonl"
	case Feed:
		return "feed"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// extKinds maps the file extensions Files collects to their kinds.
var extKinds = map[string]Kind{
	".txt":      Text,
	".text":     Text,
	".md":       Markdown,
	".markdown": Markdown,
	".html":     HTML,
	".htm":      HTML,
	".jsonl":    JSONL,
	".ndjson":   JSONL,
	".xml":      Feed,
	".rss":      Feed,
	".atom":     Feed,
}

// extList is the hint printed when a directory holds no report files.
const extList = ".txt, .md, .html, .htm, .jsonl, .xml, .rss or .atom"

// Files expands paths (files, directories recursively: .txt .md .html
// .htm .jsonl .xml .rss .atom, and .text .markdown .ndjson; "-" for
// stdin) into the list of files to read, in a stable order: arguments in
// the order given, each directory's files sorted by path, each file once.
//
// A file named explicitly is always kept, whatever its extension (ReadFile
// sniffs its kind). Inside a directory only the extensions above count;
// files and directories whose names start with "." are skipped (.git,
// editor backups), and symbolic links to directories inside a directory
// are not followed, so a link cycle cannot make the walk endless (a link
// named in paths is followed). A missing path, or a
// directory with no report files, is an error naming it.
//
// Inside a directory, what cannot be a report file is skipped and named
// in skipped, and the walk goes on: a named pipe, socket or device (a
// named pipe would block the read forever), a dangling symbolic link, a
// loop of links, a directory that cannot be read.
func Files(paths []string) (files []string, skipped []Skipped, err error) {
	if len(paths) == 0 {
		return nil, nil, fmt.Errorf("%w: no paths given", ErrNoFiles)
	}
	var out []string
	seen := make(map[string]bool)
	add := func(p string) {
		key := p
		if p != Stdin {
			key = filepath.Clean(p)
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, p)
		}
	}
	for _, p := range paths {
		if p == Stdin {
			add(p)
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			return nil, skipped, pathError(p, err)
		}
		if !fi.IsDir() {
			add(p)
			continue
		}
		found, skips, err := walkDir(p)
		skipped = append(skipped, skips...)
		if err != nil {
			return nil, skipped, err
		}
		if len(found) == 0 {
			return nil, skipped, fmt.Errorf("%s: %w (want %s)", dirName(p), ErrNoFiles, extList)
		}
		for _, f := range found {
			add(f)
		}
	}
	return out, skipped, nil
}

// Skipped is an entry of a directory that Files left out.
type Skipped struct {
	Path string
	// Why says what it is: "a named pipe", "a dangling symbolic link".
	Why string
	// Broken is a link or directory that may have been meant as input (a
	// dangling link, a loop, an unreadable directory), as against a pipe,
	// socket or device, which never holds a report.
	Broken bool
}

// skipFor says why the walk leaves out path, whose entry (not followed)
// has type t; ok is false for a file to read. A link is followed to
// what it names.
func skipFor(path string, t fs.FileMode) (s Skipped, isDir, ok bool) {
	s.Path = path
	if t&fs.ModeSymlink != 0 {
		fi, err := os.Stat(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			s.Why, s.Broken = "a dangling symbolic link (what it names does not exist)", true
			return s, false, true
		case errors.Is(err, syscall.ELOOP):
			s.Why, s.Broken = "a loop of symbolic links", true
			return s, false, true
		case err != nil:
			s.Why, s.Broken = "a symbolic link that cannot be followed: "+unwrapPathErr(err).Error(), true
			return s, false, true
		}
		t = fi.Mode().Type()
	}
	switch {
	case t.IsDir():
		return s, true, false
	case t&fs.ModeNamedPipe != 0:
		s.Why = "a named pipe, not a regular file"
	case t&fs.ModeSocket != 0:
		s.Why = "a socket, not a regular file"
	case t&fs.ModeDevice != 0 || t&fs.ModeCharDevice != 0:
		s.Why = "a device, not a regular file"
	case t.IsRegular():
		return s, false, false
	default:
		s.Why = "not a regular file"
	}
	return s, false, true
}

func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// walkDir returns the report files under dir, sorted, and what it left
// out (see Files).
func walkDir(dir string) ([]string, []Skipped, error) {
	root := dir
	if fi, err := os.Lstat(dir); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		// A link named on the command line is followed: WalkDir does
		// that for its root only when the name ends in a separator.
		root = dirName(dir)
	}
	var found []string
	var skipped []Skipped
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return pathError(p, err)
			}
			// an unreadable directory inside: name it and go on
			skipped = append(skipped, Skipped{Path: p, Why: "cannot be read: " + unwrapPathErr(err).Error(), Broken: true})
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if _, ok := extKinds[strings.ToLower(filepath.Ext(p))]; !ok {
			return nil
		}
		// Keep a regular file or a link to one; a link to a directory is
		// not followed.
		s, isDir, skip := skipFor(p, d.Type())
		switch {
		case isDir:
		case skip:
			skipped = append(skipped, s)
		default:
			found = append(found, p)
		}
		return nil
	})
	if err != nil {
		return nil, skipped, err
	}
	sort.Strings(found)
	return found, skipped, nil
}

// dirName writes a directory with a trailing separator, so messages show
// at a glance that a directory was meant.
func dirName(p string) string {
	if strings.HasSuffix(p, string(filepath.Separator)) || strings.HasSuffix(p, "/") {
		return p
	}
	return p + string(filepath.Separator)
}

// displayName is how messages name a path: standard input by name.
func displayName(p string) string {
	if p == Stdin {
		return "standard input"
	}
	return p
}

// pathError names the path once: "a.txt: no such file or directory"
// rather than the "open a.txt: " that *fs.PathError would add, while
// keeping errors.Is(err, fs.ErrNotExist) working.
func pathError(p string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", displayName(pe.Path), pe.Err)
	}
	return fmt.Errorf("%s: %w", displayName(p), err)
}

// ReadFile reads one file (or "-" from stdin) and returns the documents in
// it: a text, markdown or HTML file gives one, a JSONL file one per line,
// a feed one per item. Any problem (missing, empty, binary, invalid UTF-8,
// over MaxFileBytes, a malformed JSONL line, a malformed feed, a feed item
// with no text) is an error naming the file (and line or item), and no
// documents come back: a file is read whole or not at all, so a batch is
// never stored with a report silently missing.
//
// The kind comes from the extension (see Files); standard input and
// files with other extensions are sniffed by Detect.
func ReadFile(path string, stdin io.Reader) ([]Doc, error) {
	data, err := readCapped(path, stdin)
	if err != nil {
		return nil, err
	}
	return Parse(path, data, Detect(path, data))
}

// ReadText reads one input that must hold exactly one report, for toll
// extract: a text, markdown or HTML file, standard input, or a JSONL file
// or feed with a single report. Several reports are an error wrapping
// ErrNotOneReport that says how many (toll add reads them all).
func ReadText(path string, stdin io.Reader) (Doc, error) {
	docs, err := ReadFile(path, stdin)
	if err != nil {
		return Doc{}, err
	}
	if len(docs) != 1 {
		return Doc{}, fmt.Errorf("%s: %w: it holds %d reports (read them with toll add, or pick one)",
			displayName(path), ErrNotOneReport, len(docs))
	}
	return docs[0], nil
}

// readCapped reads a whole input through io.LimitReader, so a wrong file
// (a disk image, /dev/zero) costs at most MaxFileBytes+1 bytes of memory.
func readCapped(path string, stdin io.Reader) ([]byte, error) {
	var r io.Reader
	if path == Stdin {
		if stdin == nil {
			return nil, fmt.Errorf("%s: no standard input to read", displayName(path))
		}
		r = stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, pathError(path, err)
		}
		defer f.Close()
		fi, err := f.Stat()
		if err != nil {
			return nil, pathError(path, err)
		}
		if fi.IsDir() {
			return nil, fmt.Errorf("%s: %w (give it to Files to expand)", dirName(path), ErrIsDirectory)
		}
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, pathError(path, err)
	}
	if len(data) > MaxFileBytes {
		return nil, fmt.Errorf("%s: %w: over %d bytes, the limit of one input file",
			displayName(path), tracker.ErrTooLarge, MaxFileBytes)
	}
	return data, nil
}

// Parse reads the documents in data, named origin in messages and in
// Doc.Origin ("-" is standard input), as the given kind. ReadFile is Parse
// after reading the file and Detect; Parse serves inputs already in
// memory, and callers that let the user force a kind.
//
// Each document's date from its text and its language (see Language, most
// of the time Parse takes) are read on every core (par.Do): a JSONL batch
// or a feed of many reports is parsed in parallel, each document the same
// as if read alone, in input order.
func Parse(origin string, data []byte, kind Kind) ([]Doc, error) {
	docs, err := parseKind(origin, data, kind)
	par.Do(len(docs), func(i int) {
		dateFromText(&docs[i])
		docs[i].Language = Language(docs[i].Text)
	})
	return docs, err
}

func parseKind(origin string, data []byte, kind Kind) ([]Doc, error) {
	name := displayName(origin)
	if err := checkRaw(data); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	switch kind {
	case Text, Markdown:
		d := Doc{Origin: origin, Text: normalizeNewlines(string(data))}
		if kind == Markdown {
			if err := readFrontMatter(&d); err != nil {
				return nil, fmt.Errorf("%s%w", name, err)
			}
			d.Text = stripMarkdown(d.Text)
		}
		if err := checkWithHeadline(&d); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return []Doc{d}, nil
	case HTML:
		d, err := htmlDoc(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		d.Origin = origin
		if err := checkDoc(&d); err != nil {
			return nil, fmt.Errorf("%s: %w%s", name, err, emptyHTMLHint(err))
		}
		return []Doc{d}, nil
	case JSONL:
		return parseJSONL(origin, data)
	case Feed:
		return parseFeed(origin, data)
	}
	return nil, fmt.Errorf("%s: unknown kind %v", name, kind)
}

// checkDoc checks a document's text with tracker.CheckText.
func checkDoc(d *Doc) error {
	return tracker.CheckText(d.Text)
}

// checkWithHeadline checks a document's body, then puts its title in
// front as the headline (tracker.WithHeadline) and checks the whole: a
// title does not make up for a report with no text, and the headline
// counts towards the size cap.
func checkWithHeadline(d *Doc) error {
	if err := checkDoc(d); err != nil {
		return err
	}
	d.Text = tracker.WithHeadline(d.Title, d.Text)
	return checkDoc(d)
}

// emptyHTMLHint explains an HTML page with no text: the usual cause is a
// page that builds its text with scripts.
func emptyHTMLHint(err error) string {
	if errors.Is(err, tracker.ErrEmptyText) {
		return " (no paragraph text in the page; if it loads its text with scripts, save the text instead)"
	}
	return ""
}

var utf8BOM = []byte{0xef, 0xbb, 0xbf}

// checkRaw rejects input that is no text at all before any parser sees it,
// saying where the problem starts: a NUL byte (binary, or UTF-16, which
// is named as such), or invalid UTF-8 (usually a page saved in a legacy
// encoding).
func checkRaw(data []byte) error {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return fmt.Errorf("%w: UTF-16 text (convert it to UTF-8, e.g. iconv -f UTF-16 -t UTF-8)", tracker.ErrInvalidUTF8)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Errorf("%w: NUL byte at offset %d%s", tracker.ErrBinary, i, lineOf(data, i))
	}
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		return fmt.Errorf("%w at offset %d%s (convert it to UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8)", tracker.ErrInvalidUTF8, i, lineOf(data, i))
	}
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, utf8BOM))) == 0 {
		return tracker.ErrEmptyText
	}
	return nil
}

// lineOf says which line an offset is on, " (line 12)", past the first
// line only: in a batch file the line names the report.
func lineOf(data []byte, off int) string {
	n := bytes.Count(data[:off], []byte{'\n'}) + 1
	if n == 1 {
		return ""
	}
	return fmt.Sprintf(" (line %d)", n)
}

// normalizeNewlines turns CRLF and lone CR line ends into LF, so that
// files saved on any system split into the same lines and paragraphs.
func normalizeNewlines(s string) string {
	if !strings.ContainsRune(s, '\r') {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
