package reconcile

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"

	"github.com/tollproject/toll/tracker"
)

// Kind is what a finding is about. The values are the JSON names.
type Kind string

// The kinds of finding Check reports.
const (
	// Decrease: a cumulative series falls (a later upper bound below an
	// earlier lower bound) without the text saying it was revised.
	Decrease Kind = "decrease"
	// Revision: the same fall, where the later claim says the figure was
	// revised or corrected.
	Revision Kind = "revision"
	// SubgroupExceedsTotal: a part above its whole (children killed above
	// people killed) from one source on one day, or within one report.
	SubgroupExceedsTotal Kind = "subgroup_exceeds_total"
	// PartsExceedTotal: disjoint parts in one report whose lower bounds add
	// up to more than the total's upper bound.
	PartsExceedTotal Kind = "parts_exceed_total"
	// SourcesDisagree: two sources' intervals for one series and day (±
	// window) do not overlap. An error, but a warning in a series read
	// from report context where one figure is open or the two tolls of
	// the dead or the injured are within a tenth of each other (a count
	// read at two hours of one day may be both), and in a single event's
	// estimates.
	SourcesDisagree Kind = "sources_disagree"
	// PriorMismatch: "rose to X from Y" where Y is not what the source said
	// before, or X is below Y.
	PriorMismatch Kind = "prior_mismatch"
	// PeriodMismatch: a period figure that cannot be the change in the same
	// source's cumulative figure over that period.
	PeriodMismatch Kind = "period_mismatch"
)

// Kinds lists every Kind, in a new slice each call: no package variable a
// caller could change. Findings number kinds in this order.
func Kinds() []Kind {
	return []Kind{Decrease, Revision, SubgroupExceedsTotal, PartsExceedTotal, SourcesDisagree, PriorMismatch, PeriodMismatch, SourcesFarApart, StaleRepeat}
}

// Severity is how much a finding matters to someone about to publish.
type Severity string

// The severities, least first.
const (
	// Info: worth knowing, explained by the text (a stated revision).
	Info Severity = "info"
	// Warning: worth a look; may have an innocent explanation (a change of
	// source, a stock that can fall, a single event's estimates).
	Warning Severity = "warning"
	// Error: figures that cannot all be true as stated (a source's own
	// death toll falling, a part above its whole).
	Error Severity = "error"
)

func (s Severity) rank() int {
	switch s {
	case Info:
		return 1
	case Warning:
		return 2
	case Error:
		return 3
	}
	return 0
}

// ParseSeverity returns the Severity named s, or ErrUnknownSeverity.
func ParseSeverity(s string) (Severity, error) {
	switch sv := Severity(s); sv {
	case Info, Warning, Error:
		return sv, nil
	}
	return "", fmt.Errorf("%w %q (want info, warning or error)", ErrUnknownSeverity, s)
}

// ClaimRef is a claim as a finding cites it: enough to find it again
// (claim and report ids) and to read it (date, source, figure, sentence,
// span).
type ClaimRef struct {
	ID       string           `json:"claim"`
	Report   string           `json:"report"`
	Date     tracker.Date     `json:"date"`
	Source   string           `json:"source"`
	Outlet   string           `json:"outlet"`
	Figure   string           `json:"figure"`
	Interval tracker.Interval `json:"-"`
	Series   SeriesKey        `json:"series"`
	Sentence string           `json:"sentence"`
	Span     string           `json:"span"`
	Start    int              `json:"start"`
	End      int              `json:"end"`
}

// Finding is one thing Check found: figures that cannot all be true, or
// that need a look.
type Finding struct {
	// ID is a short hash of the kind and the sorted claim ids: stable
	// across runs, so an acknowledgement keeps applying. A new claim
	// joining a finding (another outlet repeating a figure) changes it:
	// new evidence is shown again.
	ID       string   `json:"id"`
	Kind     Kind     `json:"kind"`
	Severity Severity `json:"severity"`
	// Series is the series the finding is about; for parts_exceed_total
	// and subgroup_exceeds_total, the whole's.
	Series SeriesKey `json:"series"`
	// SeriesName is the series' display name when a user gave it one
	// (a tracker.Name decision).
	SeriesName string `json:"series_name,omitempty"`
	// Site is true when the series' place is an event site.
	Site bool `json:"site"`
	// Date is the latest date among the claims.
	Date tracker.Date `json:"date"`
	// Message is one plain sentence with the numbers.
	Message string `json:"message"`
	// Claims are the claims involved, in the order the message names them.
	Claims []ClaimRef `json:"claims"`
	// Ack is the user's acknowledgement, nil when there is none.
	Ack *tracker.Ack `json:"ack,omitempty"`
}

// Acknowledged reports whether a user has acknowledged the finding.
func (f Finding) Acknowledged() bool { return f.Ack != nil }

// Findings is what Check returns, in a stable order: by date, then kind,
// then id.
type Findings []Finding

// Acknowledge returns a copy of fs with Ack set on every finding acks
// holds (keyed by finding id, as the store keeps them). Acks for findings
// that no longer occur are ignored.
func (fs Findings) Acknowledge(acks map[string]tracker.Ack) Findings {
	out := make(Findings, len(fs))
	for i, f := range fs {
		if a, ok := acks[f.ID]; ok {
			f.Ack = &a
		} else {
			f.Ack = nil
		}
		out[i] = f
	}
	return out
}

// Fails reports whether any finding not acknowledged has at least the
// threshold severity: the --fail-on test.
func (fs Findings) Fails(threshold Severity) bool {
	for _, f := range fs {
		if !f.Acknowledged() && f.Severity.rank() >= threshold.rank() {
			return true
		}
	}
	return false
}

// Count returns how many findings have each severity, acknowledged ones
// apart.
func (fs Findings) Count() (bySeverity map[Severity]int, acknowledged int) {
	bySeverity = map[Severity]int{}
	for _, f := range fs {
		if f.Acknowledged() {
			acknowledged++
			continue
		}
		bySeverity[f.Severity]++
	}
	return bySeverity, acknowledged
}

// findingKey hashes the kind and the sorted claim ids (sorting ids): a
// finding id's 6 bytes, big-endian (findingID writes them in hex, which
// sorts alike). The bytes hashed are appended to buf, which it returns
// for the next key: one hash of one buffer, no hash state allocated.
func findingKey(kind Kind, ids []string, buf []byte) (uint64, []byte) {
	slices.Sort(ids)
	buf = append(buf[:0], kind...)
	for _, id := range ids {
		buf = append(buf, 0)
		buf = append(buf, id...)
	}
	b := sha256.Sum256(buf)
	return uint64(b[0])<<40 | uint64(b[1])<<32 | uint64(b[2])<<24 | uint64(b[3])<<16 | uint64(b[4])<<8 | uint64(b[5]), buf
}

// findingID writes a finding key as the id users see: 12 hex digits.
func findingID(key uint64) string {
	var b [6]byte
	for i := range b {
		b[i] = byte(key >> (40 - 8*i))
	}
	return hex.EncodeToString(b[:])
}

// idSet is a set of finding keys, open addressing with linear probing on
// the key itself, which is a hash already (findingKey), with at most half
// of its slots used. A check of a million claims records over a million
// findings, and a map[uint64]bool of them took 0.7 CPU s of it, most of
// it the map's hashing and probing. Limits: 0 marks an empty slot, so
// key 0 is held apart.
type idSet struct {
	slots []uint64
	n     int
	zero  bool
}

// add adds key k and reports whether it was not in the set yet.
func (s *idSet) add(k uint64) bool {
	if k == 0 {
		was := s.zero
		s.zero = true
		return !was
	}
	if 2*(s.n+1) > len(s.slots) {
		s.grow()
	}
	mask := uint64(len(s.slots) - 1)
	for i := k & mask; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case 0:
			s.slots[i] = k
			s.n++
			return true
		case k:
			return false
		}
	}
}

// grow doubles the slots (1,024 at first) and puts every key back.
func (s *idSet) grow() {
	old := s.slots
	s.slots = make([]uint64, max(1024, 2*len(old)))
	mask := uint64(len(s.slots) - 1)
	for _, k := range old {
		if k == 0 {
			continue
		}
		i := k & mask
		for s.slots[i] != 0 {
			i = (i + 1) & mask
		}
		s.slots[i] = k
	}
}
