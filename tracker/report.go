package tracker

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// MaxTextBytes caps one report's text. Long-form articles run to 100 KB;
// anything past 4 MiB is a wrong file, not a report, and reading it whole
// would make memory grow with the mistake.
const MaxTextBytes = 4 << 20

// Report is one article or statement as stored: its text, where it came
// from, and which extractor read it.
type Report struct {
	// ID is ReportID(Text): the same text added twice is one report.
	ID     string `json:"id"`
	Source string `json:"source"` // the outlet or publisher
	URL    string `json:"url"`
	Title  string `json:"title"`
	// Published is the report's date; claims are dated by it unless the
	// text says otherwise.
	Published Date      `json:"published"`
	Added     time.Time `json:"added"`
	Text      string    `json:"text"`
	// Extractor is the version of the extractor that produced the stored
	// claims (extract.Version() for toll's own).
	Extractor string `json:"extractor"`
}

// ReportID returns a short stable id for a text: the first 12 hex digits
// of the SHA-256 of the text with runs of white space folded to one space
// and the ends trimmed, so re-saving an article with other line breaks
// does not make it a new report.
func ReportID(text string) string {
	// strings.Join(strings.Fields(text), " ") hashed as it is made, a
	// buffer at a time, rather than built first
	h := sha256.New()
	var buf [4096]byte
	b := buf[:0]
	words := 0
	for i := 0; i < len(text); {
		// the white space before a word, then the word
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf {
				if !asciiSpace[c] {
					break
				}
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsSpace(r) {
				break
			}
			i += n
		}
		start := i
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				break
			}
			i += n
		}
		if start == i {
			break // only white space was left
		}
		if words > 0 {
			if len(b) == cap(b) {
				h.Write(b)
				b = b[:0]
			}
			b = append(b, ' ')
		}
		words++
		for w := text[start:i]; len(w) > 0; {
			if len(b) == cap(b) {
				h.Write(b)
				b = b[:0]
			}
			k := copy(b[len(b):cap(b)], w)
			b, w = b[:len(b)+k], w[k:]
		}
	}
	h.Write(b)
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0])[:6])
}

// asciiSpace are the ASCII bytes unicode.IsSpace holds to be white space.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// ClaimID returns the stable id of the n-th claim (1-based, in text order)
// of a report: "<report id>-<n>".
func ClaimID(reportID string, n int) string {
	return reportID + "-" + strconv.Itoa(n)
}

// CheckText reports why text cannot be a report: over MaxTextBytes, binary
// (a NUL byte or mostly control characters), invalid UTF-8, or empty once
// white space is trimmed. The error says where the problem starts.
func CheckText(text string) error {
	if len(text) > MaxTextBytes {
		return fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, len(text), MaxTextBytes)
	}
	if i := strings.IndexByte(text, 0); i >= 0 {
		return fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
	}
	if !utf8.ValidString(text) {
		i := 0
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		return fmt.Errorf("%w at offset %d", ErrInvalidUTF8, i)
	}
	ctrl, runes := controlCount(text)
	if ctrl > 0 && ctrl*20 > runes {
		return fmt.Errorf("%w: %d control characters", ErrBinary, ctrl)
	}
	if strings.TrimSpace(text) == "" {
		return ErrEmptyText
	}
	return nil
}

// controlCount returns the control characters and the runes of text,
// valid UTF-8, in one tight pass over the bytes: runes are the bytes
// that are not continuation bytes; C1 controls (U+0080–U+009F) are
// encoded C2 80–C2 9F. Eight printable ASCII bytes (the bulk of any
// text) are taken at a time, tested together in one word
// (TestControlCount holds it to the byte-by-byte count).
func controlCount(text string) (ctrl, runes int) {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for i := 0; i < len(text); {
		if i+8 <= len(text) {
			// (sliced first: one bounds check, where indexing text
			// checked each of the eight, and one load)
			b := text[i : i+8]
			x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
				uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
			// every byte ASCII, none below 0x20, none 0x7f
			if x&highs == 0 && (x-0x20*ones)&^x&highs == 0 && ((x+ones)|x)&highs == 0 {
				runes += 8
				i += 8
				continue
			}
		}
		// (a word that fails is read a byte at a time to its end: the
		// byte that failed it would fail the next seven words too)
		for end := min(i+8, len(text)); i < end; i++ {
			c, r := controlByte(text, i)
			ctrl += c
			runes += r
		}
	}
	return ctrl, runes
}

// controlByte is controlCount's count of the byte text[i]: whether it is
// a control character and whether it starts a rune.
func controlByte(text string, i int) (ctrl, runes int) {
	c := text[i]
	switch {
	case c >= 0x20 && c < 0x7f:
		return 0, 1
	case c < 0x20:
		if c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			return 1, 1
		}
		return 0, 1
	case c == 0x7f:
		return 1, 1
	case c >= 0xc0:
		if c == 0xc2 && i+1 < len(text) && text[i+1] < 0xa0 {
			return 1, 1
		}
		return 0, 1
	}
	return 0, 0
}

// Status is where a stored claim stands in review.
type Status string

// The review statuses. Rejected claims are kept (the record never loses
// what was extracted) but count nowhere.
const (
	Unreviewed Status = "unreviewed"
	Accepted   Status = "accepted"
	Rejected   Status = "rejected"
	Corrected  Status = "corrected"
)

// Statuses lists every Status, in a new slice each call (see Categories).
func Statuses() []Status { return []Status{Unreviewed, Accepted, Rejected, Corrected} }

// ParseStatus returns the Status named s, or ErrUnknownStatus.
func ParseStatus(s string) (Status, error) {
	for _, st := range Statuses() {
		if string(st) == s {
			return st, nil
		}
	}
	return "", fmt.Errorf("%w %q (want one of %s)", ErrUnknownStatus, s, joinNames(Statuses()))
}

// Version is one state of a stored claim: the extracted original, or a
// review that accepted, rejected or corrected it. Versions are appended,
// never overwritten.
type Version struct {
	Claim  Claim     `json:"claim"`
	Status Status    `json:"status"`
	By     string    `json:"by"` // "extractor <version>" or the reviewer
	At     time.Time `json:"at"`
	Note   string    `json:"note,omitempty"`
}

// StoredClaim is a claim as the store keeps it: its current version, the
// report it came from, and its whole history.
type StoredClaim struct {
	ID       string `json:"id"`
	ReportID string `json:"report"`
	// Outlet and Published are copied from the report so that reconcile
	// needs nothing else.
	Outlet    string `json:"outlet"`
	Published Date   `json:"published"`
	// Claim and Status are the current version (the last of Versions).
	Claim  Claim  `json:"claim"`
	Status Status `json:"status"`
	// Versions holds every version, oldest (the extracted original) first.
	Versions []Version `json:"versions"`
	// TextFlags are what the store's text test (TextFlagsFunc) found in the
	// current version's sentence and span when it stored the claim; zero
	// when not known (the reader tests the text itself).
	TextFlags TextFlags `json:"-"`
}

// TextFlags are bits a function of a claim's text gives (its sentence and
// span, read with the claim's other fields): the tests a reader would
// otherwise make of the text of every claim it reads, kept with the claim
// when it is stored. Their meaning is the function's own; zero is "not
// computed". cmd/toll passes reconcile.TextFlags to the store.
type TextFlags uint16

// TextFlagsFunc computes a claim's TextFlags; it returns a non-zero value
// for every claim (the function's own bit for "computed", at least).
type TextFlagsFunc func(c *Claim) TextFlags

// Counts reports whether the claim counts in timelines and checks: every
// claim that is not rejected.
func (s StoredClaim) Counts() bool { return s.Status != Rejected }

// Source returns who a claim's figure is from: the attribution when the
// text names one, else the origin or relay the rest of the report names
// (Claim.Context), else the outlet that published the report.
func (s StoredClaim) Source() string {
	switch {
	case s.Claim.Attribution != "":
		return s.Claim.Attribution
	case s.Claim.Context.Origin != "":
		return s.Claim.Context.Origin
	case s.Claim.Context.Via != "":
		return s.Claim.Context.Via
	}
	return s.Outlet
}

// Ack is a user's acknowledgement of a reconcile finding: seen, explained,
// not to fail a check again.
type Ack struct {
	Finding string    `json:"finding"`
	Note    string    `json:"note"`
	At      time.Time `json:"at"`
}

// WithHeadline returns a report's text with its headline as the first
// paragraph, the form every reader (ingest, eval) stores: the headline is
// part of the report, so figures given only there are read, and spans stay
// offsets into the stored text. The body is returned unchanged when the
// title is empty or the body already starts with it (a plain text file
// whose first line is the headline).
func WithHeadline(title, body string) string {
	t := strings.Join(strings.Fields(title), " ")
	if t == "" {
		return body
	}
	lead := strings.TrimLeft(body, " \t\r\n")
	if strings.HasPrefix(strings.Join(strings.Fields(firstLine(lead)), " "), t) {
		return body
	}
	return t + "\n\n" + body
}

// HeadlineEnd returns where the headline paragraph WithHeadline put first
// ends in text, or 0 when text does not start with title.
func HeadlineEnd(title, text string) int {
	t := strings.Join(strings.Fields(title), " ")
	if t == "" {
		return 0
	}
	lead := strings.TrimLeft(text, " \t\r\n")
	line := firstLine(lead)
	if strings.Join(strings.Fields(line), " ") != t {
		return 0
	}
	return len(text) - len(lead) + len(line)
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
