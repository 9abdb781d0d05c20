package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/tollproject/toll/tracker"
)

// Dates written in words, for the pages and texts whose metadata gives
// none: "November 20, 2019", "20 November 2019", "Wednesday, Nov. 20,
// 2019", "2019-11-20", and a wire dateline without a year, "PARIS, Oct 9
// (Reuters) -". Only forms whose day and month cannot be swapped are
// read: a numeric "09/10/2023" is 9 October in one country and 10
// September in another, and a wrong guess would misdate every claim of
// the report, so it is never read; nor is a year alone.

const monthNames = `january|february|march|april|may|june|july|august|september|october|november|december|` +
	`jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec`

var (
	// rxWordDate matches a date with its month in words and its year.
	rxWordDate = regexp.MustCompile(`(?i)\b(?:(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthNames + `)\.?,?\s+((?:19|20)\d{2})|(` +
		monthNames + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2}))\b`)
	// rxISODate matches YYYY-MM-DD in running text.
	rxISODate = regexp.MustCompile(`\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b`)
	// rxDateline matches a wire dateline at the start of a paragraph:
	// a place in capitals, an optional region, the month (capitalised,
	// in words) and the day, then the agency in brackets or a dash.
	rxDateline = regexp.MustCompile(`^\p{Lu}[\p{Lu} .'’-]{1,40}(?:,\s*\p{Lu}[\p{L} .'’-]{1,30})?,\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*)\.?\s+(\d{1,2})(?:,\s+((?:19|20)\d{2}))?\s*(?:\(|/|-|–|—)`)
	// rxUpdatedLabel is a label that makes the date after it the last
	// update's, not the publication's.
	rxUpdatedLabel = regexp.MustCompile(`(?i)(updated|modified|edited|revised)\W*(on|at)?\W*$`)
)

// Dateline is the month and day of a wire dateline that gives no year
// ("PARIS, Oct 9 (Reuters) -"): not a date by itself, but one once a
// caller knows roughly when the report was published (see Resolve).
type Dateline struct {
	Month time.Month
	Day   int
}

// IsZero reports whether there is no dateline.
func (d Dateline) IsZero() bool { return d.Month == 0 }

// String writes the dateline as "Oct 9", or "".
func (d Dateline) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Month.String()[:3] + " " + strconv.Itoa(d.Day)
}

// Resolve returns the last day on or before ref+1 (a report can carry
// the next day's date in a time zone ahead of the reader's) with the
// dateline's month and day, within the year before: "Oct 9" against
// 2019-10-10 is 2019-10-09, against 2020-01-05 it is also 2019-10-09.
// A dateline whose day does not exist in a year (Feb 29) is looked for
// in the years before, up to four; the zero Date if there is none.
func (d Dateline) Resolve(ref tracker.Date) tracker.Date {
	if d.IsZero() || ref.IsZero() {
		return tracker.Date{}
	}
	limit := ref.AddDays(1)
	for y := limit.Time().Year(); y >= limit.Time().Year()-4; y-- {
		t := time.Date(y, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
		if t.Month() != d.Month {
			continue
		}
		c := tracker.NewDate(y, d.Month, d.Day)
		if !c.After(limit) {
			return c
		}
	}
	return tracker.Date{}
}

// textDate is a date found in text, and whether a label said it is the
// last update's.
type textDate struct {
	date    tracker.Date
	updated bool
}

// datesIn returns the dates in words (and YYYY-MM-DD) in s, in order.
func datesIn(s string) []textDate {
	var out []textDate
	for _, m := range rxWordDate.FindAllStringSubmatchIndex(s, -1) {
		var day, mon, year string
		if m[2] >= 0 {
			day, mon, year = s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]]
		} else {
			mon, day, year = s[m[8]:m[9]], s[m[10]:m[11]], s[m[12]:m[13]]
		}
		// "may" is a verb as often as a month: only "May" counts.
		if strings.EqualFold(mon, "may") && mon != "May" && mon != "MAY" {
			continue
		}
		if d, ok := makeDate(year, monthOf(mon), day); ok {
			out = append(out, textDate{date: d, updated: rxUpdatedLabel.MatchString(s[max(0, m[0]-24):m[0]])})
		}
	}
	for _, m := range rxISODate.FindAllStringSubmatchIndex(s, -1) {
		mon, _ := strconv.Atoi(s[m[4]:m[5]])
		if d, ok := makeDate(s[m[2]:m[3]], time.Month(mon), s[m[6]:m[7]]); ok {
			out = append(out, textDate{date: d, updated: rxUpdatedLabel.MatchString(s[max(0, m[0]-24):m[0]])})
		}
	}
	return out
}

// firstDate returns the first date of the texts that no label calls an
// update's, else the first update's, else the zero Date.
func firstDate(texts []string) tracker.Date {
	var upd tracker.Date
	for _, t := range texts {
		for _, d := range datesIn(t) {
			if !d.updated {
				return d.date
			}
			if upd.IsZero() {
				upd = d.date
			}
		}
	}
	return upd
}

// datelineOf reads a wire dateline at the start of a paragraph: the full
// date when it has a year ("NEW YORK, Nov. 20, 2019 /PRNewswire/ --"),
// else its month and day.
func datelineOf(para string) (tracker.Date, Dateline) {
	m := rxDateline.FindStringSubmatch(para)
	if m == nil {
		return tracker.Date{}, Dateline{}
	}
	mon := monthOf(m[1])
	if mon == 0 {
		return tracker.Date{}, Dateline{}
	}
	if m[3] != "" {
		d, _ := makeDate(m[3], mon, m[2])
		return d, Dateline{}
	}
	day, _ := strconv.Atoi(m[2])
	if day < 1 || day > 31 || time.Date(2000, mon, day, 0, 0, 0, 0, time.UTC).Month() != mon {
		return tracker.Date{}, Dateline{}
	}
	return tracker.Date{}, Dateline{Month: mon, Day: day}
}

// maxDateBytes is how much of a paragraph is read for a date: a date
// line, a byline or a dateline is short, and the cost of a paragraph of
// megabytes (a list set without breaks) stays that of its start.
const maxDateBytes = 1 << 10

// clip returns at most the first n bytes of s, cut at a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !isRuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// maxDateParas is how many paragraphs at the start of a report's body
// are read for its date: a dateline or a "Published" line sits there; a
// date further down is an event's, not the report's.
const maxDateParas = 3

// dateFromText dates a document whose input gave no date, from the start
// of its body (after the headline): a dated dateline, else a date in
// words in its first paragraphs (see maxDateParas). A dateline without a
// year is kept in Doc.Dateline for the caller to resolve.
func dateFromText(d *Doc) {
	if !d.Published.IsZero() {
		return
	}
	body := d.Text[tracker.HeadlineEnd(d.Title, d.Text):]
	paras := rxBlankLine.Split(strings.TrimLeft(normalizeNewlines(body), "\n"), maxDateParas+1)
	if len(paras) > maxDateParas {
		paras = paras[:maxDateParas]
	}
	for i, p := range paras {
		paras[i] = clip(strings.TrimSpace(p), maxDateBytes)
	}
	// The dateline opens the body: the first paragraph, or the second
	// under a plain text's headline line.
	var dl Dateline
	for _, p := range paras[:min(2, len(paras))] {
		full, l := datelineOf(p)
		if !full.IsZero() {
			d.Published = full
			return
		}
		if !l.IsZero() {
			dl = l
			break
		}
	}
	if date := firstDate(paras); !date.IsZero() {
		d.Published = date
		return
	}
	d.Dateline = dl
}

// monthOf returns the month a name or abbreviation in monthNames stands
// for, or 0.
func monthOf(name string) time.Month {
	n := strings.ToLower(strings.TrimSuffix(name, "."))
	if len(n) < 3 {
		return 0
	}
	for m := time.January; m <= time.December; m++ {
		full := strings.ToLower(m.String())
		if n == full || n == full[:3] || n == "sept" && m == time.September {
			return m
		}
	}
	return 0
}

// makeDate builds a date from its parts, refusing a day the month does
// not have.
func makeDate(year string, mon time.Month, day string) (tracker.Date, bool) {
	y, err1 := strconv.Atoi(year)
	dd, err2 := strconv.Atoi(day)
	if err1 != nil || err2 != nil || mon < time.January || mon > time.December || dd < 1 || dd > 31 {
		return tracker.Date{}, false
	}
	if time.Date(y, mon, dd, 0, 0, 0, 0, time.UTC).Day() != dd {
		return tracker.Date{}, false
	}
	return tracker.NewDate(y, mon, dd), true
}
