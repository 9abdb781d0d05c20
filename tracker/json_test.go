package tracker

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollproject/toll/internal/hygiene"
)

// randomStoredClaim makes a claim whose every field may be empty or hold
// what needs escaping: HTML's characters, controls, U+2028, C1 controls,
// bidi overrides, invalid UTF-8; counts past 18 digits and with
// exponents; zones and nanoseconds.
func randomStoredClaim(rng *rand.Rand) StoredClaim {
	pieces := []string{"", "people", " ", "<b>", "&", "\"q\"", `\`, "\n", "\t", "\r", "\b", "\f", "\x00", "\x1b[2J", "\x7f",
		"\u0085", "\u009b", "\u061c", "\u200e", "\u202e", "\u2066", "\u2028", "\u2029", "é", "日本", "\xff", "\xc3", "😀", "/"}
	str := func() string {
		var b strings.Builder
		for range rng.IntN(4) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	counts := []decimal.Decimal{decimal.Zero, decimal.NewFromInt(7), decimal.NewFromInt(4677), decimal.New(5, 2), decimal.New(15, -1),
		decimal.RequireFromString("123456789012345678"), decimal.RequireFromString("1234567890123456789012"), decimal.NewFromInt(-3)}
	dates := []Date{{}, NewDate(2023, 10, 7), NewDate(1, 1, 1), NewDate(9999, 12, 31)}
	zones := []*time.Location{time.UTC, time.FixedZone("", 3600), time.FixedZone("X", -5*3600-1800)}
	claim := func() Claim {
		c := Claim{Category: Category(str()), Qualifier: Qualifier(str()), Vague: str(), Who: str(), Where: str(), Attribution: str(),
			AsOf: dates[rng.IntN(len(dates))], Scope: Scope(str()), Since: str(), From: str(), To: str(), Prior: rng.IntN(2) == 0,
			Revised: rng.IntN(2) == 0, Start: rng.IntN(5000), End: rng.IntN(5000), Span: str(), Sentence: str()}
		c.Interval = Interval{Low: counts[rng.IntN(len(counts))], High: counts[rng.IntN(len(counts))], Unbounded: rng.IntN(2) == 0}
		if rng.IntN(2) == 0 {
			c.Context = Context{Place: str(), PlaceID: str(), PlaceFrom: str(), Event: str(), Incident: rng.IntN(2) == 0, Past: str(),
				Via: str(), Origin: str(), Part: rng.IntN(2) == 0, Headline: rng.IntN(2) == 0}
		}
		return c
	}
	sc := StoredClaim{ID: str(), ReportID: str(), Outlet: str(), Published: dates[rng.IntN(len(dates))], Claim: claim(), Status: Status(str())}
	switch rng.IntN(4) {
	case 0: // nil: null
	case 1:
		sc.Versions = []Version{}
	default:
		for range 1 + rng.IntN(3) {
			at := time.Date(2000+rng.IntN(30), 1, 1, 0, 0, 0, rng.IntN(3)*123456789, zones[rng.IntN(len(zones))]).Add(time.Duration(rng.Int64N(1e15)))
			sc.Versions = append(sc.Versions, Version{Claim: claim(), Status: Status(str()), By: str(), At: at, Note: str()})
		}
	}
	return sc
}

// TestAppendJSON holds AppendJSON to json.Marshal and AppendPrintableJSON
// to json.Marshal through hygiene.Printable, on random claims.
func TestAppendJSON(t *testing.T) {
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 3))
	for i := range 3000 {
		sc := randomStoredClaim(rng)
		want, err := json.Marshal(sc)
		if err != nil {
			t.Fatal(err)
		}
		got, err := sc.AppendJSON([]byte("x"))
		if err != nil || !bytes.Equal(got[1:], want) {
			t.Fatalf("claim %d: AppendJSON = %s, %v\njson.Marshal = %s", i, got[1:], err, want)
		}
		got, err = sc.AppendPrintableJSON(nil)
		if want := hygiene.Printable(string(want)); err != nil || string(got) != want {
			t.Fatalf("claim %d: AppendPrintableJSON = %s, %v\nhygiene.Printable(json.Marshal) = %s", i, got, err, want)
		}
	}
}

// TestAppendJSONTimeError checks that a time json.Marshal refuses is
// refused too.
func TestAppendJSONTimeError(t *testing.T) {
	sc := StoredClaim{Versions: []Version{{At: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}}}
	if _, err := json.Marshal(sc); err == nil {
		t.Fatal("json.Marshal takes the year 10000")
	}
	if _, err := sc.AppendJSON(nil); err == nil {
		t.Error("AppendJSON takes the year 10000")
	}
}
