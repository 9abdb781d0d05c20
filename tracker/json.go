package tracker

import (
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// AppendJSON appends s as json.Marshal writes it (the form of `toll
// claims --format json` and of the export) and returns the extended
// buffer. It writes the same bytes without reflection and without
// marshalling each claim twice, which is what a listing of a million
// claims spends its time on; TestAppendJSON holds it to json.Marshal. Its
// error is json.Marshal's: a version's time outside what RFC 3339 writes.
func (s StoredClaim) AppendJSON(b []byte) ([]byte, error) {
	return jsonWriter{}.storedClaim(b, s)
}

// AppendPrintableJSON is AppendJSON with the characters a terminal would
// act on written as JSON escapes, as hygiene.Printable writes them
// (\u007f, \u0085, \u202e…): the bytes of json.Marshal passed through
// hygiene.Writer, which decode to the same values. TestAppendJSON holds it
// to that.
func (s StoredClaim) AppendPrintableJSON(b []byte) ([]byte, error) {
	return jsonWriter{printable: true}.storedClaim(b, s)
}

// jsonWriter appends the JSON of claims.
type jsonWriter struct {
	// printable: escape what hygiene.Printable escapes too
	printable bool
}

func (w jsonWriter) storedClaim(b []byte, s StoredClaim) ([]byte, error) {
	b = append(b, `{"id":`...)
	b = w.str(b, s.ID)
	b = append(b, `,"report":`...)
	b = w.str(b, s.ReportID)
	b = append(b, `,"outlet":`...)
	b = w.str(b, s.Outlet)
	b = append(b, `,"published":`...)
	b = w.date(b, s.Published)
	b = append(b, `,"claim":`...)
	b = w.claim(b, s.Claim)
	b = append(b, `,"status":`...)
	b = w.str(b, string(s.Status))
	b = append(b, `,"versions":`...)
	if s.Versions == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, v := range s.Versions {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"claim":`...)
			b = w.claim(b, v.Claim)
			b = append(b, `,"status":`...)
			b = w.str(b, string(v.Status))
			b = append(b, `,"by":`...)
			b = w.str(b, v.By)
			b = append(b, `,"at":`...)
			var err error
			if b, err = appendTime(b, v.At); err != nil {
				return b, err
			}
			if v.Note != "" {
				b = append(b, `,"note":`...)
				b = w.str(b, v.Note)
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, '}'), nil
}

// claim writes c as Claim.MarshalJSON does.
func (w jsonWriter) claim(b []byte, c Claim) []byte {
	b = append(b, `{"category":`...)
	b = w.str(b, string(c.Category))
	b = append(b, `,"low":`...)
	b = appendCount(b, c.Interval.Low)
	b = append(b, `,"high":`...)
	if c.Interval.Unbounded {
		b = append(b, "null"...)
	} else {
		b = appendCount(b, c.Interval.High)
	}
	b = append(b, `,"qualifier":`...)
	b = w.str(b, string(c.Qualifier))
	b = append(b, `,"vague":`...)
	b = w.str(b, c.Vague)
	b = append(b, `,"who":`...)
	b = w.str(b, c.Who)
	b = append(b, `,"where":`...)
	b = w.str(b, c.Where)
	b = append(b, `,"attribution":`...)
	b = w.str(b, c.Attribution)
	b = append(b, `,"as_of":`...)
	b = w.date(b, c.AsOf)
	b = append(b, `,"scope":`...)
	b = w.str(b, string(c.Scope))
	b = append(b, `,"since":`...)
	b = w.str(b, c.Since)
	b = append(b, `,"prior":`...)
	b = strconv.AppendBool(b, c.Prior)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(c.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(c.End), 10)
	b = append(b, `,"span":`...)
	b = w.str(b, c.Span)
	b = append(b, `,"sentence":`...)
	b = w.str(b, c.Sentence)
	if c.From != "" {
		b = append(b, `,"from":`...)
		b = w.str(b, c.From)
	}
	if c.To != "" {
		b = append(b, `,"to":`...)
		b = w.str(b, c.To)
	}
	if c.Revised {
		b = append(b, `,"revised":true`...)
	}
	if c.Context != (Context{}) {
		b = append(b, `,"context":`...)
		b = w.context(b, c.Context)
	}
	return append(b, '}')
}

func (w jsonWriter) context(b []byte, x Context) []byte {
	b = append(b, '{')
	n := len(b)
	for _, f := range [...]struct {
		k    string
		v    string
		flag bool
	}{
		{`"place":`, x.Place, false}, {`"place_id":`, x.PlaceID, false}, {`"place_from":`, x.PlaceFrom, false},
		{`"event":`, x.Event, false}, {`"incident":true`, "", x.Incident}, {`"past":`, x.Past, false},
		{`"via":`, x.Via, false}, {`"origin":`, x.Origin, false}, {`"part":true`, "", x.Part},
		{`"headline":true`, "", x.Headline},
	} {
		if f.v == "" && !f.flag {
			continue
		}
		if len(b) > n {
			b = append(b, ',')
		}
		b = append(b, f.k...)
		if !f.flag {
			b = w.str(b, f.v)
		}
	}
	return append(b, '}')
}

// date writes d as its MarshalText does, quoted.
func (w jsonWriter) date(b []byte, d Date) []byte {
	if d.IsZero() {
		return append(b, `""`...)
	}
	b = append(b, '"')
	b = d.t.AppendFormat(b, DateLayout)
	return append(b, '"')
}

// appendTime writes t as its MarshalJSON does.
func appendTime(b []byte, t time.Time) ([]byte, error) {
	out, err := t.AppendText(append(b, '"'))
	if err != nil {
		return b, fmt.Errorf("json: error calling MarshalJSON for type time.Time: %w", err)
	}
	return append(out, '"'), nil
}

// appendCount writes a bound as json.Number(d.String()) is written: the
// digits of a whole number of up to 18 digits directly, others through
// String.
func appendCount(b []byte, d decimal.Decimal) []byte {
	if d.Exponent() == 0 && d.NumDigits() <= 18 {
		return strconv.AppendInt(b, d.CoefficientInt64(), 10)
	}
	return append(b, d.String()...)
}

const hexDigits = "0123456789abcdef"

// str writes s as encoding/json writes a string (escaping HTML's <, >
// and &, and U+2028 and U+2029; invalid UTF-8 as U+FFFD), and, when
// printable, the other characters hygiene.Printable escapes as \uXXXX.
func (w jsonWriter) str(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonSafe[c] && (c != 0x7f || !w.printable) {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029' || w.printable && printableEscapes(r):
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', hexDigits[r>>12&0xf], hexDigits[r>>8&0xf], hexDigits[r>>4&0xf], hexDigits[r&0xf])
		default:
			i += n
			continue
		}
		i += n
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// printableEscapes reports whether hygiene.Printable escapes r, a rune
// past ASCII: a C1 control, or one that reorders or breaks a line.
func printableEscapes(r rune) bool {
	return r >= 0x80 && r <= 0x9f || r == 0x061c || r == 0x200e || r == 0x200f ||
		r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// jsonSafe are the ASCII bytes encoding/json writes as they are (with
// HTML escaping on): every printable one but " \ < > &, and DEL.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = true
	}
	for _, c := range `"\<>&` {
		t[c] = false
	}
	return t
}()
