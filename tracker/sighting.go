package tracker

import (
	"strings"
	"time"
)

// Sighting is one more carrier of a stored report: the same text (the
// same ReportID) published by another outlet, on another date or at
// another address. A syndicated wire story printed by five outlets is one
// report with four sightings, so its claims are counted once, under the
// outlet that was added first; the sightings say who else carried it.
// A sighting never has claims of its own.
type Sighting struct {
	Source    string `json:"source"` // the outlet, "" when the copy named none
	URL       string `json:"url"`
	Published Date   `json:"published"` // zero when the copy had no date
	// Added is when toll recorded the sighting.
	Added time.Time `json:"added"`
}

// ReportSighting is where a report itself was first seen, as a Sighting,
// so that it can be compared with later copies.
func ReportSighting(r Report) Sighting {
	return Sighting{Source: r.Source, URL: r.URL, Published: r.Published, Added: r.Added}
}

// Covers reports whether a copy seen as o tells nothing that s does not:
// each field of o is empty (the copy did not say) or the same as in s.
// Outlets are compared without regard to case or runs of white space
// ("Levant  wire" is "Levant Wire"); addresses and dates exactly.
func (s Sighting) Covers(o Sighting) bool {
	if o.Source != "" && !strings.EqualFold(strings.Join(strings.Fields(o.Source), " "), strings.Join(strings.Fields(s.Source), " ")) {
		return false
	}
	if o.URL != "" && o.URL != s.URL {
		return false
	}
	return o.Published.IsZero() || o.Published.Compare(s.Published) == 0
}

// Empty reports whether the sighting says nothing: no outlet, address or
// date.
func (s Sighting) Empty() bool {
	return strings.TrimSpace(s.Source) == "" && s.URL == "" && s.Published.IsZero()
}
