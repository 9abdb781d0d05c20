package bolt

import (
	"time"
	"unicode/utf8"

	"github.com/tollproject/toll/tracker"
)

// fastLine decodes the two lines a JSONL export is made of, a report and
// a claim, when they are written exactly as Export writes them: its keys,
// in its order, no white space. It is a strict subset of what readJSONL's
// encoding/json decoding reads, with the same result, and about ten times
// faster; anything else (another order, white space, an escape it does not
// handle, a value that does not validate) is not decoded here (ok is
// false) and goes to encoding/json, which then says what is wrong with it.
// FuzzFastLine checks that the two agree.
type fastLine struct {
	// strs shares the short strings lines repeat (groups, places,
	// statuses, the extractor's name) within one decoder.
	strs map[string]string
	// the last date and time read, which a report's lines repeat
	lastDate string
	date     tracker.Date
	lastTime string
	time     time.Time
	b        []byte
	i        int
	failed   bool
	// open is the brace of the object whose keys key reads: a brace is a
	// delimiter only there (a brace after a value is no comma)
	open int
	// escaped: the last string read had an escape
	escaped   bool
	unescaped []byte
}

func newFastLine() *fastLine { return &fastLine{strs: map[string]string{}} }

// maxFastShared bounds fastLine.strs, so that a decoder's memory stays
// bounded whatever the file holds.
const maxFastShared = 1 << 14

// decode reads b into l; ok is false when b is not in the form described
// above (l is then to be decoded by encoding/json).
func (f *fastLine) decode(b []byte, l *jsonlLine) (ok bool) {
	f.b, f.i, f.failed = b, 0, false
	switch {
	case f.prefix(`{"claim":{"id":`):
		sc := &tracker.StoredClaim{}
		f.storedClaim(sc)
		f.lit(`}`)
		l.Claim = sc
	case f.prefix(`{"report":{"id":`):
		r := &tracker.Report{}
		r.ID = f.str()
		f.lit(`,"source":`)
		r.Source = f.shared()
		f.lit(`,"url":`)
		r.URL = f.str()
		f.lit(`,"title":`)
		r.Title = f.str()
		f.lit(`,"published":`)
		r.Published = f.dateValue()
		f.lit(`,"added":`)
		r.Added = f.timeValue()
		f.lit(`,"text":`)
		r.Text = f.str()
		f.lit(`,"extractor":`)
		r.Extractor = f.shared()
		f.lit(`},"next_claim":`)
		l.NextClaim = f.int()
		f.lit(`}`)
		l.Report = r
	default:
		return false
	}
	return !f.failed && f.i == len(f.b)
}

func (f *fastLine) fail() { f.failed = true; f.i = len(f.b) }

// prefix consumes s when the input starts with it.
func (f *fastLine) prefix(s string) bool {
	if len(f.b)-f.i >= len(s) && string(f.b[f.i:f.i+len(s)]) == s {
		f.i += len(s)
		return true
	}
	return false
}

// lit consumes s or fails.
func (f *fastLine) lit(s string) {
	if !f.prefix(s) {
		f.fail()
	}
}

// raw reads a string and returns its bytes: the input's own when it has
// no escape (they alias the line), else the unescaped bytes in a buffer
// the next call reuses. It fails on what encoding/json would read
// differently or refuse: invalid UTF-8 (which encoding/json replaces),
// control characters, surrogate escapes, unknown escapes.
func (f *fastLine) raw() []byte {
	if f.failed || f.i >= len(f.b) || f.b[f.i] != '"' {
		f.fail()
		return nil
	}
	f.i++
	f.escaped = false
	start := f.i
	for f.i < len(f.b) {
		c := f.b[f.i]
		switch {
		case c == '"':
			s := f.b[start:f.i]
			f.i++
			return s
		case c == '\\':
			f.escaped = true
			return f.unescape(start)
		case c < 0x20:
			f.fail()
			return nil
		case c < utf8.RuneSelf:
			f.i++
		default:
			r, n := utf8.DecodeRune(f.b[f.i:])
			if r == utf8.RuneError && n == 1 {
				f.fail()
				return nil
			}
			f.i += n
		}
	}
	f.fail()
	return nil
}

// unescape goes on reading a string that started at start once it meets
// its first backslash.
func (f *fastLine) unescape(start int) []byte {
	out := append(f.unescaped[:0], f.b[start:f.i]...)
	defer func() { f.unescaped = out[:0] }()
	for f.i < len(f.b) {
		c := f.b[f.i]
		switch {
		case c == '"':
			f.i++
			return out
		case c == '\\':
			if f.i+1 >= len(f.b) {
				f.fail()
				return nil
			}
			e := f.b[f.i+1]
			f.i += 2
			switch e {
			case '"', '\\', '/':
				out = append(out, e)
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'u':
				r, ok := hex4(f.b[f.i:])
				if !ok || r >= 0xd800 && r < 0xe000 {
					f.fail()
					return nil
				}
				f.i += 4
				out = utf8.AppendRune(out, r)
			default:
				f.fail()
				return nil
			}
		case c < 0x20:
			f.fail()
			return nil
		case c < utf8.RuneSelf:
			out = append(out, c)
			f.i++
		default:
			r, n := utf8.DecodeRune(f.b[f.i:])
			if r == utf8.RuneError && n == 1 {
				f.fail()
				return nil
			}
			out = append(out, f.b[f.i:f.i+n]...)
			f.i += n
		}
	}
	f.fail()
	return nil
}

func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// str reads a string.
func (f *fastLine) str() string {
	b := f.raw()
	if len(b) == 0 {
		return ""
	}
	return string(b)
}

// shared reads a string, shared with the same string read before when it
// is short.
func (f *fastLine) shared() string {
	b := f.raw()
	if len(b) == 0 {
		return ""
	}
	if len(b) > 48 {
		return string(b)
	}
	if s, ok := f.strs[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(f.strs) < maxFastShared {
		f.strs[s] = s
	}
	return s
}

// number reads a JSON number that is a plain run of digits (no sign,
// fraction or exponent, no leading zero) and returns its digits.
func (f *fastLine) number() []byte {
	start := f.i
	for f.i < len(f.b) && f.b[f.i] >= '0' && f.b[f.i] <= '9' {
		f.i++
	}
	n := f.b[start:f.i]
	if len(n) == 0 || len(n) > 1 && n[0] == '0' {
		f.fail()
		return nil
	}
	return n
}

// int reads a small non-negative integer.
func (f *fastLine) int() int {
	n := f.number()
	if len(n) > 15 {
		f.fail()
		return 0
	}
	v := 0
	for _, c := range n {
		v = v*10 + int(c-'0')
	}
	return v
}

func (f *fastLine) bool() bool {
	switch {
	case f.prefix("true"):
		return true
	case f.prefix("false"):
		return false
	}
	f.fail()
	return false
}

func (f *fastLine) dateValue() tracker.Date {
	b := f.raw()
	if f.failed {
		return tracker.Date{}
	}
	if string(b) == f.lastDate && f.lastDate != "" {
		return f.date
	}
	d, err := tracker.ParseDate(string(b))
	if err != nil {
		f.fail()
		return tracker.Date{}
	}
	f.lastDate, f.date = string(b), d
	return d
}

func (f *fastLine) timeValue() time.Time {
	b := f.raw()
	if f.failed || f.escaped {
		// time.Time reads the JSON string as it is, escapes and all
		f.fail()
		return time.Time{}
	}
	if string(b) == f.lastTime && f.lastTime != "" {
		return f.time
	}
	var t time.Time
	if err := t.UnmarshalText(b); err != nil {
		f.fail()
		return time.Time{}
	}
	f.lastTime, f.time = string(b), t
	return t
}

// storedClaim reads a tracker.StoredClaim after its opening `{"id":`.
func (f *fastLine) storedClaim(sc *tracker.StoredClaim) {
	sc.ID = f.str()
	f.lit(`,"report":`)
	sc.ReportID = f.shared()
	f.lit(`,"outlet":`)
	sc.Outlet = f.shared()
	f.lit(`,"published":`)
	sc.Published = f.dateValue()
	f.lit(`,"claim":`)
	sc.Claim = f.claim()
	f.lit(`,"status":`)
	sc.Status = tracker.Status(f.shared())
	f.lit(`,"versions":[`)
	for !f.failed {
		var v tracker.Version
		f.lit(`{"claim":`)
		v.Claim = f.claim()
		f.lit(`,"status":`)
		v.Status = tracker.Status(f.shared())
		f.lit(`,"by":`)
		v.By = f.shared()
		f.lit(`,"at":`)
		v.At = f.timeValue()
		if f.prefix(`,"note":`) {
			v.Note = f.str()
		}
		f.lit(`}`)
		sc.Versions = append(sc.Versions, v)
		if !f.prefix(",") {
			break
		}
	}
	f.lit(`]}`)
}

// claim reads a tracker.Claim as Claim.MarshalJSON writes it and checks
// it as Claim.UnmarshalJSON does.
func (f *fastLine) claim() tracker.Claim {
	var c tracker.Claim
	f.lit(`{"category":`)
	c.Category = tracker.Category(f.shared())
	f.lit(`,"low":`)
	low := f.number()
	f.lit(`,"high":`)
	var high []byte
	unbounded := f.prefix("null")
	if !unbounded {
		high = f.number()
	}
	f.lit(`,"qualifier":`)
	c.Qualifier = tracker.Qualifier(f.shared())
	f.lit(`,"vague":`)
	c.Vague = f.shared()
	f.lit(`,"who":`)
	c.Who = f.shared()
	f.lit(`,"where":`)
	c.Where = f.shared()
	f.lit(`,"attribution":`)
	c.Attribution = f.shared()
	f.lit(`,"as_of":`)
	c.AsOf = f.dateValue()
	f.lit(`,"scope":`)
	c.Scope = tracker.Scope(f.shared())
	f.lit(`,"since":`)
	c.Since = f.shared()
	f.lit(`,"prior":`)
	c.Prior = f.bool()
	f.lit(`,"start":`)
	c.Start = f.int()
	f.lit(`,"end":`)
	c.End = f.int()
	f.lit(`,"span":`)
	c.Span = f.str()
	f.lit(`,"sentence":`)
	c.Sentence = f.str()
	if f.prefix(`,"from":`) {
		c.From = f.shared()
	}
	if f.prefix(`,"to":`) {
		c.To = f.shared()
	}
	if f.prefix(`,"revised":`) {
		c.Revised = f.bool()
	}
	if f.prefix(`,"context":{`) {
		f.context(&c.Context)
	}
	f.lit(`}`)
	if f.failed {
		return c
	}
	lo, err := tracker.ParseCount(string(low))
	if err != nil {
		f.fail()
		return c
	}
	c.Interval = tracker.AtLeastInterval(lo)
	if !unbounded {
		hi, err := tracker.ParseCount(string(high))
		if err != nil {
			f.fail()
			return c
		}
		c.Interval = tracker.Interval{Low: lo, High: hi}
	}
	if c.Validate() != nil {
		f.fail()
	}
	return c
}

// context reads a tracker.Context after its opening brace: its keys in
// the order of the type, each one there or not.
func (f *fastLine) context(x *tracker.Context) {
	f.i-- // the brace, so that every key is read after a delimiter
	f.open = f.i
	if f.key(`"place":`) {
		x.Place = f.shared()
	}
	if f.key(`"place_id":`) {
		x.PlaceID = f.shared()
	}
	if f.key(`"place_from":`) {
		x.PlaceFrom = f.shared()
	}
	if f.key(`"event":`) {
		x.Event = f.shared()
	}
	if f.key(`"incident":`) {
		x.Incident = f.bool()
	}
	if f.key(`"past":`) {
		x.Past = f.shared()
	}
	if f.key(`"via":`) {
		x.Via = f.shared()
	}
	if f.key(`"origin":`) {
		x.Origin = f.shared()
	}
	if f.key(`"part":`) {
		x.Part = f.bool()
	}
	if f.key(`"headline":`) {
		x.Headline = f.bool()
	}
	if f.i >= 0 && f.i < len(f.b) && f.b[f.i] == '{' && f.i == f.open {
		f.i++ // no key: {}
	}
	f.lit(`}`)
}

// key consumes k, a key with its colon, after the delimiter the input
// stands on: the object's brace or a comma.
func (f *fastLine) key(k string) bool {
	if f.failed || f.i < 0 || f.i >= len(f.b) || !(f.b[f.i] == '{' && f.i == f.open || f.b[f.i] == ',') {
		return false
	}
	if len(f.b)-f.i-1 >= len(k) && string(f.b[f.i+1:f.i+1+len(k)]) == k {
		f.i += 1 + len(k)
		return true
	}
	return false
}
