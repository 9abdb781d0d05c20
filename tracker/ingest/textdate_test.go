package ingest

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/tollproject/toll/tracker"
)

func TestFirstDate(t *testing.T) {
	tests := []struct {
		name  string
		texts []string
		want  string
	}{
		{"month day, year", []string{"November 20, 2019"}, "2019-11-20"},
		{"day month year", []string{"Published: 14 March 2024 09:40"}, "2024-03-14"},
		{"weekday and abbreviation", []string{"Wednesday, Nov. 20, 2019"}, "2019-11-20"},
		{"sept and ordinal", []string{"Sept 3rd, 2023"}, "2023-09-03"},
		{"iso in text", []string{"Posted 2024-05-21 by the desk"}, "2024-05-21"},
		{"published before updated", []string{"Published 3 June 2024 · Updated 5 June 2024"}, "2024-06-03"},
		{"updated first, published after", []string{"Last updated 5 June 2024 (first published 3 June 2024)"}, "2024-06-03"},
		{"only an update", []string{"Updated: June 5, 2024"}, "2024-06-05"},
		{"in a later paragraph", []string{"By Staff", "12 May 2024"}, "2024-05-12"},
		{"numeric forms are never guessed", []string{"09/10/2023", "10.09.2023"}, ""},
		{"a year alone is no date", []string{"© 2024 Delta Wire"}, ""},
		{"the verb may is no month", []string{"Officials said they may 2024 review it"}, ""},
		{"no such day", []string{"February 30, 2024"}, ""},
		{"no year", []string{"Oct 9"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := firstDate(tt.texts).String(); got != tt.want {
				t.Errorf("firstDate(%q) = %q, want %q", tt.texts, got, tt.want)
			}
		})
	}
}

func TestDatelineOf(t *testing.T) {
	tests := []struct {
		para     string
		full     string
		dateline string
	}{
		{"PARIS, Oct 9 (Reuters) - France said on Monday", "", "Oct 9"},
		{"GENEVA, Nov 20 (Meridian) - At least 4,000 people", "", "Nov 20"},
		{"PORT KALA, Oct 21 (VNO) - A passenger ferry", "", "Oct 21"},
		{"KHARTOUM, Sudan, June 3 (Wire) — Fighting", "", "Jun 3"},
		{"NEW YORK, Nov. 20, 2019 /PRNewswire/ -- The company", "2019-11-20", ""},
		{"Paris (AFP) - France said", "", ""},
		{"KYIV, Ukraine (AP) — Russian drones", "", ""},
		{"Officials said on Oct 9 (Monday) that", "", ""},
		{"CAIRO, Feb 30 (Wire) - nothing", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.para, func(t *testing.T) {
			full, dl := datelineOf(tt.para)
			if full.String() != tt.full || dl.String() != tt.dateline {
				t.Errorf("datelineOf(%q) = %q, %q, want %q, %q", tt.para, full, dl, tt.full, tt.dateline)
			}
		})
	}
}

func TestDatelineResolve(t *testing.T) {
	tests := []struct {
		name string
		dl   Dateline
		ref  string
		want string
	}{
		{"the day before", Dateline{time.October, 9}, "2019-10-10", "2019-10-09"},
		{"the same day", Dateline{time.October, 9}, "2019-10-09", "2019-10-09"},
		{"the day after, a zone ahead", Dateline{time.October, 10}, "2019-10-09", "2019-10-10"},
		{"last year's", Dateline{time.December, 30}, "2020-01-05", "2019-12-30"},
		{"two days after is last year's", Dateline{time.October, 11}, "2019-10-09", "2018-10-11"},
		{"a leap day", Dateline{time.February, 29}, "2023-03-01", "2020-02-29"},
		{"no reference", Dateline{time.October, 9}, "", ""},
		{"no dateline", Dateline{}, "2019-10-10", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ref tracker.Date
			if tt.ref != "" {
				ref = date(tt.ref)
			}
			if got := tt.dl.Resolve(ref).String(); got != tt.want {
				t.Errorf("%v.Resolve(%s) = %q, want %q", tt.dl, tt.ref, got, tt.want)
			}
		})
	}
}

func TestURLDate(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://frontline.example/news/2023/10/14/shelling", "2023-10-14"},
		{"https://x.example/2024-08-12-landslide", "2024-08-12"},
		{"https://x.example/2024/08/12", "2024-08-12"},
		{"https://x.example/news/2024/13/12/x", ""},
		{"https://x.example/story/48213", ""},
		{"https://x.example/2024/08/", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := urlDate(tt.url).String(); got != tt.want {
			t.Errorf("urlDate(%q) = %q, want %q", tt.url, got, tt.want)
		}
	}
}

// TestTextDates checks the dates read from a report's own text when its
// input gives none, for every kind.
func TestTextDates(t *testing.T) {
	tests := []struct {
		name     string
		kind     Kind
		input    string
		want     string
		dateline string
	}{
		{"text, date line under the headline", Text, "UN says 4,000 killed\n\nNovember 20, 2019\n\nAt least 4,000 people have been killed.", "2019-11-20", ""},
		{"text, dateline without a year", Text, "Floods kill 19\n\nDHAKA, Aug 23 (Delta Wire) - Floods have killed at least 19 people.", "", "Aug 23"},
		{"text, dated dateline", Text, "NEW YORK, Nov. 20, 2019 /Wire/ -- At least 12 people were hurt.", "2019-11-20", ""},
		{"text, an event date further down is not the report's", Text, "Floods kill 19\n\nFloods have killed 19 people.\n\nThe rains began.\n\nThey said more would fall.\n\nThe last floods, on 3 August 2017, killed 40.", "", ""},
		{"jsonl with a published date keeps it", JSONL, `{"published":"2024-01-02","text":"November 20, 2019: 12 killed."}`, "2024-01-02", ""},
		{"jsonl without one reads its text", JSONL, `{"title":"Toll","text":"November 20, 2019 - At least 12 people were killed."}`, "2019-11-20", ""},
		{"feed item without a date", Feed, `<rss><channel><title>W</title><item><title>Toll</title><description>PARIS, Oct 9 (W) - At least 12 killed.</description></item></channel></rss>`, "", "Oct 9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := Parse("in", []byte(tt.input), tt.kind)
			if err != nil {
				t.Fatal(err)
			}
			if got := docs[0].Published.String(); got != tt.want {
				t.Errorf("published = %q, want %q", got, tt.want)
			}
			if got := docs[0].Dateline.String(); got != tt.dateline {
				t.Errorf("dateline = %q, want %q", got, tt.dateline)
			}
		})
	}
}

// TestDatePages reads the pages under testdata/ingest/dates, each dated
// only one way (the address, a line under the headline, a <time> in the
// story's header, a byline beside a sidebar of later stories), or not
// datable without a guess (a numeric date, a dateline with no year).
func TestDatePages(t *testing.T) {
	tests := []struct {
		page, want, dateline string
	}{
		{"url-only", "2023-10-14", ""},
		{"published-and-updated", "2024-06-03", ""},
		{"modified-only", "2024-06-03", ""},
		{"related-dates", "2024-05-12", ""},
		{"time-in-header", "2024-04-02", ""},
		{"ambiguous-numeric", "", ""},
		{"dateline-only", "", "Aug 23"},
	}
	pages, err := filepath.Glob(fixture("dates", "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != len(tests) {
		t.Fatalf("%d pages under testdata/ingest/dates, %d cases", len(pages), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			docs, err := ReadFile(fixture("dates", tt.page+".html"), nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := docs[0].Published.String(); got != tt.want {
				t.Errorf("published = %q, want %q", got, tt.want)
			}
			if got := docs[0].Dateline.String(); got != tt.dateline {
				t.Errorf("dateline = %q, want %q", got, tt.dateline)
			}
		})
	}
}

func TestHeadlineTime(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"in the header block", `<div class="head"><h1>Floods</h1><div class="meta"><time datetime="2024-04-02T10:15:00+02:00">2 April</time></div></div><p>text</p>`, "2024-04-02"},
		{"a sidebar's is not", `<div class="head"><h1>Floods</h1></div><div class="side"><time datetime="2024-04-05">5 April</time></div>`, ""},
		{"no h1", `<div><time datetime="2024-04-05">5 April</time></div>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<html><body>" + tt.body + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			if got := pageMeta(root).Published.String(); got != tt.want {
				t.Errorf("published = %q, want %q", got, tt.want)
			}
		})
	}
}
