package ingest

import (
	"fmt"
	"strings"
	"time"

	"github.com/tollproject/toll/tracker"
)

// dateTimeLayouts are the date-time forms read from metadata besides a
// bare YYYY-MM-DD: RFC 3339 with or without fractional seconds, and the
// same without a zone (the day is then taken as written).
var dateTimeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700", // +0300 without the colon, common in page metadata
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
}

// parsePublished reads a publication date: YYYY-MM-DD, or an RFC 3339
// date-time whose calendar day is taken at its own offset (see dayOf).
// Other forms ("9 Oct 2023", "10/09/2023") are refused rather than
// guessed: a day-month swap would silently misdate every claim.
func parsePublished(s string) (tracker.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return tracker.Date{}, nil
	}
	if len(s) == len(tracker.DateLayout) {
		if d, err := tracker.ParseDate(s); err == nil {
			return d, nil
		}
	}
	for _, layout := range dateTimeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return dayOf(t), nil
		}
	}
	return tracker.Date{}, fmt.Errorf("%w %q: want YYYY-MM-DD or an RFC 3339 time such as 2023-10-09T14:00:00+03:00", tracker.ErrBadDate, s)
}

// dayOf is the calendar day of t at the offset t carries: the day the
// publisher's own clock showed. It is not converted to UTC on purpose: a
// report published at 01:30 on Sunday in Jerusalem (+03:00) says
// "yesterday" about Saturday, and its UTC day would be Saturday itself, a
// day off for every relative date the extractor resolves against it.
func dayOf(t time.Time) tracker.Date {
	return tracker.DateOf(t)
}
