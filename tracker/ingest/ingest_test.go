package ingest

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tollproject/toll/tracker"
)

// td is the fixture directory of this package's tests.
const td = "../../testdata/ingest"

func fixture(parts ...string) string {
	return filepath.Join(append([]string{td}, parts...)...)
}

func date(s string) tracker.Date { return tracker.MustDate(s) }

func TestReadFile(t *testing.T) {
	tests := []struct {
		name string
		path string
		want []Doc
	}{
		{
			name: "jsonl good",
			path: fixture("jsonl", "good.jsonl"),
			want: []Doc{
				{
					Origin: fixture("jsonl", "good.jsonl") + ":1", Source: "Harbour Ledger",
					URL: "https://ledger.example/a", Title: "Toll passes 1,100", Published: date("2023-10-09"),
					Text: "Toll passes 1,100\n\nAt least 1,100 people have died in Israel and Gaza since Saturday, officials said.",
				},
				{
					Origin: fixture("jsonl", "good.jsonl") + ":3", Source: "Northern Wire",
					Published: date("2023-10-19"),
					Text:      "The military said 203 people were held in Gaza.\nMore than 1,400 Israelis have been killed.",
				},
				{
					Origin: fixture("jsonl", "good.jsonl") + ":4",
					Text:   "The foreign ministry now puts the toll at around 1,200.",
				},
			},
		},
		{
			name: "jsonl crlf",
			path: fixture("jsonl", "crlf.jsonl"),
			want: []Doc{
				{Origin: fixture("jsonl", "crlf.jsonl") + ":1", Published: date("2023-10-15"), Text: "A line with Windows line ends."},
				{Origin: fixture("jsonl", "crlf.jsonl") + ":2", Text: "Second line."},
			},
		},
		{
			name: "rss content wins over description, offset kept",
			path: fixture("feed", "rss.xml"),
			want: []Doc{
				{
					Origin: fixture("feed", "rss.xml") + ": item 1", Source: "Coastal Gazette – World",
					URL: "https://gazette.example/world/2023/10/15/toll", Title: "Israel raises toll to at least 1,300",
					Published: date("2023-10-15"),
					Text: "Israel raises toll to at least 1,300\n\n" +
						"Israeli authorities said on Sunday that at least 1,300 people had been killed in the country since the attack a week earlier.\n\n" +
						"The military said it had told the families of 126 people that their relatives were being held in Gaza.",
				},
				{
					Origin: fixture("feed", "rss.xml") + ": item 2", Source: "Coastal Gazette – World",
					URL: "https://gazette.example/world/2023/10/14/families", Title: "Hostage families meet officials",
					Published: date("2023-10-14"),
					Text: "Hostage families meet officials\n\n" +
						"Relatives of the captives met ministers late on Saturday.\n\n" +
						"The army said the day before that it had confirmed 120 people were being held.",
				},
			},
		},
		{
			name: "title-only items are reports of their headline",
			path: fixture("feed", "item-without-text.xml"),
			want: []Doc{
				{
					Origin: fixture("feed", "item-without-text.xml") + ": item 1", Source: "Headline Wire",
					URL: "https://wire.example/1", Title: "Toll rises again",
					Text: "Toll rises again\n\nOfficials said at least 471 people were killed in the hospital blast.",
				},
				{Origin: fixture("feed", "item-without-text.xml") + ": item 2", Source: "Headline Wire", URL: "https://wire.example/2", Title: "Link only", Text: "Link only"},
				{Origin: fixture("feed", "item-without-text.xml") + ": item 3", Source: "Headline Wire", URL: "https://wire.example/3", Title: "Another link", Text: "Another link"},
			},
		},
		{
			name: "atom published else updated",
			path: fixture("feed", "atom.atom"),
			want: []Doc{
				{
					Origin: fixture("feed", "atom.atom") + ": item 1", Source: "Relief Monitor",
					URL: "https://relief.example/updates/2023-11-23", Title: "Gaza toll reported at 14,800", GUID: "urn:example:relief-monitor:1",
					Published: date("2023-11-23"),
					Text: "Gaza toll reported at 14,800\n\n" +
						"The government media office in Gaza said on Thursday that about 14,800 people had been killed in the territory.\n\n" +
						"No new figures are expected while the pause holds.",
				},
				{
					Origin: fixture("feed", "atom.atom") + ": item 2", Source: "Relief Monitor",
					URL: "https://relief.example/updates/2023-12-02", Title: "Count resumes after pause", GUID: "urn:example:relief-monitor:2",
					Published: date("2023-12-02"),
					Text:      "Count resumes after pause\n\nThe health ministry gave a new total of 15,207 killed on Saturday, the first since the pause ended.",
				},
			},
		},
		{
			name: "text with byte order mark and CRLF",
			path: fixture("bad", "bom.txt"),
			want: []Doc{{Origin: fixture("bad", "bom.txt"), Text: "A text with a byte order mark: 415 killed.\nSecond line.\n"}},
		},
		{
			name: "html fragment",
			path: fixture("html", "fragment", "page.html"),
			want: []Doc{{
				Origin: fixture("html", "fragment", "page.html"),
				Text: "Rescue workers said on Sunday that at least 250 people had been killed in the attack on southern Israel.\n\n" +
					"One official put the number at 300 — a figure that others did not confirm.",
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadFile(tt.path, nil)
			if err != nil {
				t.Fatalf("ReadFile(%s): %v", tt.path, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ReadFile(%s):\n got %#v\nwant %#v", tt.path, got, tt.want)
			}
		})
	}
}

func TestReadFileErrors(t *testing.T) {
	tests := []struct {
		name   string
		path   string
		is     error
		wantIs string // the whole message
	}{
		{"missing", fixture("nope.txt"), fs.ErrNotExist, fixture("nope.txt") + ": no such file or directory"},
		{"directory", fixture("bad"), ErrIsDirectory, fixture("bad") + "/: is a directory (give it to Files to expand)"},
		{"empty", fixture("bad", "empty.txt"), tracker.ErrEmptyText, fixture("bad", "empty.txt") + ": empty text"},
		{"blank", fixture("bad", "blank.txt"), tracker.ErrEmptyText, fixture("bad", "blank.txt") + ": empty text"},
		{"binary", fixture("bad", "binary.bin"), tracker.ErrBinary, fixture("bad", "binary.bin") + ": binary input: NUL byte at offset 4"},
		{"latin1", fixture("bad", "latin1.txt"), tracker.ErrInvalidUTF8,
			fixture("bad", "latin1.txt") + ": invalid UTF-8 at offset 3 (convert it to UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8)"},
		{"utf16", fixture("bad", "utf16.txt"), tracker.ErrInvalidUTF8,
			fixture("bad", "utf16.txt") + ": invalid UTF-8: UTF-16 text (convert it to UTF-8, e.g. iconv -f UTF-16 -t UTF-8)"},
		{"jsonl truncated", fixture("jsonl", "truncated.jsonl"), ErrInvalidJSON,
			fixture("jsonl", "truncated.jsonl") + ":2: invalid JSON: unexpected end of input (a line cut short, or an object split over lines?)"},
		{"jsonl unknown key", fixture("jsonl", "unknown-key.jsonl"), ErrUnknownKey,
			fixture("jsonl", "unknown-key.jsonl") + `:2: unknown key "txt" (want source, url, published, title, text)`},
		{"jsonl missing text", fixture("jsonl", "missing-text.jsonl"), tracker.ErrEmptyText,
			fixture("jsonl", "missing-text.jsonl") + `:1: empty text: no "text" key`},
		{"jsonl empty text", fixture("jsonl", "empty-text.jsonl"), tracker.ErrEmptyText,
			fixture("jsonl", "empty-text.jsonl") + `:2: "text": empty text`},
		{"jsonl bad date", fixture("jsonl", "bad-date.jsonl"), tracker.ErrBadDate,
			fixture("jsonl", "bad-date.jsonl") + `:1: "published": bad date "02/12/2023": want YYYY-MM-DD or an RFC 3339 time such as 2023-10-09T14:00:00+03:00`},
		{"jsonl number", fixture("jsonl", "not-string.jsonl"), ErrInvalidJSON,
			fixture("jsonl", "not-string.jsonl") + `:1: invalid JSON: "published" must be a string, not a number`},
		{"jsonl duplicate key", fixture("jsonl", "duplicate-key.jsonl"), ErrInvalidJSON,
			fixture("jsonl", "duplicate-key.jsonl") + `:1: invalid JSON: key "text" given twice`},
		{"jsonl array", fixture("jsonl", "array.jsonl"), ErrInvalidJSON,
			fixture("jsonl", "array.jsonl") + `:1: invalid JSON: want one object {"text": ...} per line`},
		{"jsonl blank", fixture("jsonl", "blank.jsonl"), tracker.ErrEmptyText, fixture("jsonl", "blank.jsonl") + ": empty text"},
		{"feed item without title or text", fixture("feed", "item-empty.xml"), tracker.ErrEmptyText,
			fixture("feed", "item-empty.xml") + ": empty text: items 2 and 3 of 3 have no title, content or description (save the articles' pages and add those instead)"},
		{"not a feed", fixture("feed", "not-a-feed.xml"), ErrMalformedFeed,
			fixture("feed", "not-a-feed.xml") + ": malformed feed: root element <urlset>, want <rss>, <feed> or <rdf:RDF>"},
		{"malformed feed", fixture("feed", "malformed.xml"), ErrMalformedFeed, ""},
		{"feed without items", fixture("feed", "no-items.rss"), tracker.ErrEmptyText,
			fixture("feed", "no-items.rss") + ": empty text: the feed has no items"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := ReadFile(tt.path, nil)
			if err == nil {
				t.Fatalf("ReadFile(%s) = %d docs, want an error", tt.path, len(docs))
			}
			if docs != nil {
				t.Errorf("ReadFile(%s) returned %d docs with its error, want none", tt.path, len(docs))
			}
			if !errors.Is(err, tt.is) {
				t.Errorf("ReadFile(%s) error %q is not %v", tt.path, err, tt.is)
			}
			if tt.wantIs != "" && err.Error() != tt.wantIs {
				t.Errorf("ReadFile(%s) error:\n got %s\nwant %s", tt.path, err, tt.wantIs)
			}
			if !strings.HasPrefix(err.Error(), tt.path) {
				t.Errorf("error %q does not start with the path %s", err, tt.path)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q is more than one line", err)
			}
		})
	}
}

func TestReadFileStdin(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []Doc
	}{
		{
			name:  "text",
			input: "At least 250 people were killed, officials said.\n",
			want:  []Doc{{Origin: "-", Text: "At least 250 people were killed, officials said.\n"}},
		},
		{
			name:  "html sniffed",
			input: "<!DOCTYPE html><html><head><title>Toll</title></head><body><p>About 500 &amp; more were reported dead.</p></body></html>",
			want:  []Doc{{Origin: "-", Title: "Toll", Text: "Toll\n\nAbout 500 & more were reported dead."}},
		},
		{
			name:  "jsonl sniffed",
			input: "{\"text\": \"Two reports.\"}\n{\"text\": \"The second.\"}\n",
			want:  []Doc{{Origin: "-:1", Text: "Two reports."}, {Origin: "-:2", Text: "The second."}},
		},
		{
			name:  "feed sniffed",
			input: `<rss version="2.0"><channel><title>T</title><item><title>I</title><description>At least 471 killed.</description></item></channel></rss>`,
			want:  []Doc{{Origin: "-: item 1", Source: "T", Title: "I", Text: "I\n\nAt least 471 killed."}},
		},
		{
			name: "feed date at the publisher's offset, not UTC",
			input: `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>E</title>` +
				`<published>2023-10-08T01:30:00+03:00</published><summary>At least 250 killed since yesterday.</summary></entry></feed>`,
			want: []Doc{{Origin: "-: item 1", Source: "A", Title: "E", Published: date("2023-10-08"), Text: "E\n\nAt least 250 killed since yesterday."}},
		},
		{
			name: "rss date as written, numeric offset or zone name",
			input: `<rss version="2.0"><channel><title>R</title>` +
				`<item><title>a</title><pubDate>Sun, 8 Oct 2023 01:30:00 +0300</pubDate><description>At least 250 killed.</description></item>` +
				`<item><title>b</title><pubDate>Sat, 07 Oct 2023 22:30:00 EDT</pubDate><description>At least 250 killed.</description></item>` +
				`</channel></rss>`,
			want: []Doc{
				{Origin: "-: item 1", Source: "R", Title: "a", Published: date("2023-10-08"), Text: "a\n\nAt least 250 killed."},
				{Origin: "-: item 2", Source: "R", Title: "b", Published: date("2023-10-07"), Text: "b\n\nAt least 250 killed."},
			},
		},
		{
			name:  "brace prose stays text",
			input: "{Editor's note} At least 229 hostages, the army said.",
			want:  []Doc{{Origin: "-", Text: "{Editor's note} At least 229 hostages, the army said."}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadFile(Stdin, strings.NewReader(tt.input))
			if err != nil {
				t.Fatalf("ReadFile(-): %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ReadFile(-):\n got %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

func TestReadFileStdinErrors(t *testing.T) {
	tests := []struct {
		name  string
		stdin io.Reader
		is    error
		want  string
	}{
		{"nil reader", nil, nil, "standard input: no standard input to read"},
		{"empty", strings.NewReader(""), tracker.ErrEmptyText, "standard input: empty text"},
		{"jsonl line 3", strings.NewReader("{\"text\": \"a\"}\n\n{\"text\": \"b\",}\n"), ErrInvalidJSON,
			"standard input:3: invalid JSON: invalid character '}' looking for beginning of object key string at column 14"},
		{"page without text", strings.NewReader("<html><body><script>render(1200)</script></body></html>"), tracker.ErrEmptyText,
			"standard input: empty text (no paragraph text in the page; if it loads its text with scripts, save the text instead)"},
		{"invalid UTF-8 in a batch names the line", strings.NewReader("{\"text\": \"a\"}\n{\"text\": \"caf\xe9\"}\n"), tracker.ErrInvalidUTF8,
			"standard input: invalid UTF-8 at offset 27 (line 2) (convert it to UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8)"},
		{"over the file cap", io.LimitReader(endless('a'), MaxFileBytes+10), tracker.ErrTooLarge,
			"standard input: text too large: over 33554432 bytes, the limit of one input file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadFile(Stdin, tt.stdin)
			if err == nil {
				t.Fatal("ReadFile(-) succeeded, want an error")
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %q is not %v", err, tt.is)
			}
			if err.Error() != tt.want {
				t.Errorf("error:\n got %s\nwant %s", err, tt.want)
			}
		})
	}
}

// endless is an io.Reader that never ends.
type endless byte

func (e endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(e)
	}
	return len(p), nil
}

func TestTextOverMaxTextBytes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "long.txt")
	mustWrite(t, path, strings.Repeat("x", tracker.MaxTextBytes+1))
	_, err := ReadFile(path, nil)
	if !errors.Is(err, tracker.ErrTooLarge) {
		t.Fatalf("ReadFile(long.txt) error = %v, want %v", err, tracker.ErrTooLarge)
	}
	want := path + ": text too large: 4194305 bytes, the limit is 4194304"
	if err.Error() != want {
		t.Errorf("error:\n got %s\nwant %s", err, want)
	}
}

func TestReadText(t *testing.T) {
	d, err := ReadText(fixture("html", "fragment", "page.html"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(d.Text, "Rescue workers said") {
		t.Errorf("ReadText text = %q", d.Text)
	}
	one := filepath.Join(t.TempDir(), "one.jsonl")
	mustWrite(t, one, `{"text": "Only one."}`)
	if d, err := ReadText(one, nil); err != nil || d.Text != "Only one." || d.Origin != one+":1" {
		t.Errorf("ReadText(one.jsonl) = %+v, %v", d, err)
	}
	path := fixture("jsonl", "good.jsonl")
	_, err = ReadText(path, nil)
	if !errors.Is(err, ErrNotOneReport) {
		t.Fatalf("ReadText(good.jsonl) error = %v, want %v", err, ErrNotOneReport)
	}
	want := path + ": not one report: it holds 3 reports (read them with toll add, or pick one)"
	if err.Error() != want {
		t.Errorf("error:\n got %s\nwant %s", err, want)
	}
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{
		"b.txt", "a.md", "sub/page.html", "sub/deeper/old.htm", "sub/batch.jsonl",
		"sub/feed.rss", "sub/z.XML", "sub/y.atom", "notes.docx", ".draft.txt",
		"sub/.hidden/secret.txt", ".git/HEAD.txt", "other/x.txt", "empty/readme.rst",
	} {
		mustWrite(t, filepath.Join(dir, f), "x")
	}
	tree := filepath.Join(dir, "tree")
	if err := os.Mkdir(tree, 0o755); err != nil {
		t.Fatal(err)
	}
	// Move everything but other/ and empty/ under tree/, with links.
	for _, f := range []string{"b.txt", "a.md", "sub", "notes.docx", ".draft.txt", ".git"} {
		if err := os.Rename(filepath.Join(dir, f), filepath.Join(tree, f)); err != nil {
			t.Fatal(err)
		}
	}
	symlinks := true
	if err := os.Symlink(filepath.Join(dir, "other"), filepath.Join(tree, "linkdir")); err != nil {
		symlinks = false
	}
	if symlinks {
		if err := os.Symlink(filepath.Join(dir, "other", "x.txt"), filepath.Join(tree, "linked.txt")); err != nil {
			t.Fatal(err)
		}
	}
	j := func(p ...string) string { return filepath.Join(append([]string{dir}, p...)...) }
	treeFiles := []string{
		j("tree", "a.md"), j("tree", "b.txt"),
	}
	if symlinks {
		treeFiles = append(treeFiles, j("tree", "linked.txt"))
	}
	treeFiles = append(treeFiles,
		j("tree", "sub", "batch.jsonl"), j("tree", "sub", "deeper", "old.htm"),
		j("tree", "sub", "feed.rss"), j("tree", "sub", "page.html"),
		j("tree", "sub", "y.atom"), j("tree", "sub", "z.XML"),
	)

	tests := []struct {
		name  string
		paths []string
		want  []string
	}{
		{"directory sorted, hidden and unknown skipped", []string{j("tree")}, treeFiles},
		{"explicit file of any kind kept", []string{j("tree", "notes.docx")}, []string{j("tree", "notes.docx")}},
		{"argument order, each once", []string{j("other"), "-", j("tree", "b.txt"), j("tree", "sub", "..", "b.txt"), "-"},
			[]string{j("other", "x.txt"), "-", j("tree", "b.txt")}},
	}
	if symlinks {
		tests = append(tests, struct {
			name  string
			paths []string
			want  []string
		}{"a link to a directory named in paths is followed", []string{j("tree", "linkdir")}, []string{j("tree", "linkdir", "x.txt")}})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := Files(tt.paths)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Files(%q):\n got %q\nwant %q", tt.paths, got, tt.want)
			}
		})
	}

	errTests := []struct {
		name  string
		paths []string
		is    error
		want  string
	}{
		{"no paths", nil, ErrNoFiles, "no report files found: no paths given"},
		{"missing", []string{j("tree"), j("nope")}, fs.ErrNotExist, j("nope") + ": no such file or directory"},
		{"no report files", []string{j("empty")}, ErrNoFiles,
			j("empty") + "/: no report files found (want .txt, .md, .html, .htm, .jsonl, .xml, .rss or .atom)"},
	}
	for _, tt := range errTests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := Files(tt.paths)
			if err == nil {
				t.Fatalf("Files(%q) = %q, want an error", tt.paths, got)
			}
			if !errors.Is(err, tt.is) {
				t.Errorf("error %q is not %v", err, tt.is)
			}
			if err.Error() != tt.want {
				t.Errorf("error:\n got %s\nwant %s", err, tt.want)
			}
		})
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		file string
		data string
		want Kind
	}{
		{"txt by extension even if html", "a.txt", "<html><p>x</p></html>", Text},
		{"md", "a.MD", "# x", Markdown},
		{"htm", "a.htm", "plain", HTML},
		{"xml", "a.xml", "x", Feed},
		{"stdin doctype", "-", "\n  <!DOCTYPE html>\n<html>", HTML},
		{"stdin xhtml after declaration", "-", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">`, HTML},
		{"stdin rss after comment", "-", "<?xml version=\"1.0\"?>\n<!-- generated -->\n<rss version=\"2.0\">", Feed},
		{"stdin atom", "-", `<feed xmlns="http://www.w3.org/2005/Atom">`, Feed},
		{"stdin rdf", "-", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`, Feed},
		{"stdin paragraph near start", "-", "Saved from a page\n<p>At least 250 killed.</p>", HTML},
		{"stdin body", "-", "<body class=x>text</body>", HTML},
		{"stdin jsonl", "-", ` { "text": "x"}`, JSONL},
		{"stdin empty object", "-", `{}`, JSONL},
		{"stdin brace prose", "-", `{Update} At least 250 killed.`, Text},
		{"stdin plain", "-", "At least 250 people were killed < 300.", Text},
		{"unknown extension sniffed", "report.out", "<!doctype html><p>x</p>", HTML},
		{"no extension plain", "README", "plain words", Text},
		{"stdin named like a file is still sniffed", "-", "# heading", Text},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect(tt.file, []byte(tt.data)); got != tt.want {
				t.Errorf("Detect(%q, %q) = %v, want %v", tt.file, tt.data, got, tt.want)
			}
		})
	}
}

func TestParsePublished(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr bool
	}{
		{"", "", false},
		{"2023-10-09", "2023-10-09", false},
		{"2023-10-08T01:30:00+03:00", "2023-10-08", false}, // the publisher's day, not UTC's 7 Oct
		{"2023-10-07T23:30:00-04:00", "2023-10-07", false},
		{"2023-10-09T14:00:00Z", "2023-10-09", false},
		{"2023-10-09T14:00:00.123+02:00", "2023-10-09", false},
		{"2023-10-09T14:00:00+0200", "2023-10-09", false},
		{"2023-10-09T14:00", "2023-10-09", false},
		{" 2023-10-09 14:00:00 ", "2023-10-09", false},
		{"2023-02-30", "", true},
		{"09/10/2023", "", true},
		{"9 October 2023", "", true},
		{"Mon, 09 Oct 2023 14:00:00 GMT", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parsePublished(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("parsePublished(%q) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			}
			if err != nil && !errors.Is(err, tracker.ErrBadDate) {
				t.Errorf("error %v is not ErrBadDate", err)
			}
			if got.String() != tt.want {
				t.Errorf("parsePublished(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestStripMarkdown(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"atx heading", "## Toll rises ##", "Toll rises"},
		{"heading needs a space", "#1 story", "#1 story"},
		{"bullets", "- one\n* two\n  + three", "one\ntwo\n  three"},
		{"numbered list at block start", "1. first\n2. second", "first\nsecond"},
		{"wrapped figure kept", "killed more than\n700. Officials said", "killed more than\n700. Officials said"},
		{"emphasis", "*about* **1,200** _killed_ __now__ ~~1,400~~", "about 1,200 killed now 1,400"},
		{"two emphasised words", "*a* and *b*", "a and b"},
		{"lone marks kept", "1,200* dead; snake_case_name; 3 * 4", "1,200* dead; snake_case_name; 3 * 4"},
		{"links", "[the report](https://x.example/a) and [ref][1] and <https://x.example>", "the report and ref and https://x.example"},
		{"image dropped", "Before ![map](m.png) after", "Before  after"},
		{"reference definition dropped", "text\n[1]: https://x.example", "text"},
		{"quote", "> > quoted 471", "quoted 471"},
		{"setext and rule", "Title\n=====\n\n---\nbody", "Title\n\n\nbody"},
		{"fence kept as text", "```\nraw *x*\n```", "raw *x*"},
		{"inline code", "the `total` field", "the total field"},
		{"hard break", "line\\\nnext", "line\nnext"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stripMarkdown(tt.in); got != tt.want {
				t.Errorf("stripMarkdown(%q):\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMarkdownFile(t *testing.T) {
	path := fixture("markdown", "report.md")
	got, err := ReadFile(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	// No front matter: the date is the one under the headline.
	want := []Doc{{Origin: path, Published: date("2025-04-03"), Text: `Nova festival toll revised upward

Updated on 3 April 2025

The army's investigation found that 378 people were killed at the
festival site, including 344 civilians. That is higher than the
police count of 364 given in 2023.

Earlier figures

Rescue volunteers counted at least 260 bodies on 8 October 2023.
The National Insurance Institute gave 350 in November 2023.
1. This line starts with a number but sits under a bullet list.

The investigators called their figure final.

Setext heading

The total was reached by
700. That line starts with a figure in a wrapped sentence and must keep it.

A snake_case name and a footnote mark 1,200* stay, as does inline code.

See also https://idf.example/nova and the summary.

`}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadFile(%s):\n got %s %q\nwant %s %q", path, got[0].Published, got[0].Text, want[0].Published, want[0].Text)
	}
}

func TestMarkdownFrontMatter(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Doc
		wantErr string
	}{
		{
			name: "metadata moved out of the text",
			in:   "---\ntitle: \"Toll: 1,200\"\nsource: Foreign ministry\ndate: 2023-11-10\nlink: https://x.example/r\ntags:\n  - revision\n---\n\n# Revised\n\nAbout 1,200 killed.\n",
			want: Doc{Origin: "r.md", Title: "Toll: 1,200", Source: "Foreign ministry", URL: "https://x.example/r",
				Published: date("2023-11-10"), Text: "Toll: 1,200\n\nRevised\n\nAbout 1,200 killed.\n"},
		},
		{
			name: "a rule with no closing line is not front matter",
			in:   "---\nAbout 1,200 killed.\n",
			want: Doc{Origin: "r.md", Text: "\nAbout 1,200 killed.\n"},
		},
		{
			name:    "bad date names the line",
			in:      "---\ntitle: T\npublished: 10/11/2023\n---\nAbout 1,200 killed.\n",
			wantErr: `r.md:3: front matter "published": bad date "10/11/2023": want YYYY-MM-DD or an RFC 3339 time such as 2023-10-09T14:00:00+03:00`,
		},
		{
			name:    "front matter only",
			in:      "---\ntitle: T\n---\n",
			wantErr: "r.md: empty text",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse("r.md", []byte(tt.in), Markdown)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("Parse error:\n got %v\nwant %s", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("Parse:\n got %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

// mustWrite writes a file, creating its directory.
func mustWrite(tb testing.TB, path, data string) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		tb.Fatal(err)
	}
}
