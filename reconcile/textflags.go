package reconcile

import (
	"crypto/sha256"
	"encoding/hex"
	"sync"

	"github.com/tollproject/toll/tracker"
)

// The tests reconcile makes of a claim's text (its sentence and span), as
// bits of tracker.TextFlags: TextFlags computes them once, when a store
// writes the claim, so that reading a million claims does not run the
// regexps again. A claim whose flags are not known (zero: built by hand,
// stored before, or by a store that was given no function) is tested as
// it is read, with the same result.
const (
	// tfKnown: the other bits are computed
	tfKnown tracker.TextFlags = 1 << iota
	// tfPeriodic: periodRE matches the sentence (a one-day count)
	tfPeriodic
	// tfMore: the span counts what was added (moreIncrement)
	tfMore
	// tfRiseBy: riseByRE matches the span ("rose by")
	tfRiseBy
	// tfDeal, tfTaken: hostageKind is "deal" or "taken"
	tfDeal
	tfTaken
	// tfClock: the sentence opens with a clock time (clockRE), a live
	// blog's entry
	tfClock
)

// textFlagsRules is the version of the code of TextFlags and of the tests
// it runs: raise it when one changes (the regexps' own text is in
// TextFlagsVersion already).
const textFlagsRules = "2"

// TextFlags returns the tests reconcile makes of the claim's sentence and
// span as bits, for a store to keep with the claim
// (tracker.StoredClaim.TextFlags). The period tests are made only of a
// period figure and the hostage tests only of a hostage figure, as
// reconcile reads them only then: a store computes them again whenever a
// claim's current version changes.
func TextFlags(c *tracker.Claim) tracker.TextFlags {
	f := tfKnown
	if c.Scope == tracker.Period {
		if periodicText(c.Sentence) {
			f |= tfPeriodic
		}
		if moreIncrement(c.Span) {
			f |= tfMore
		}
		if riseByRE.MatchString(c.Span) {
			f |= tfRiseBy
		}
	}
	if c.Category == tracker.Hostage {
		switch hostageKind(c) {
		case "deal":
			f |= tfDeal
		case "taken":
			f |= tfTaken
		}
	}
	if opensWithClock(c.Sentence) {
		f |= tfClock
	}
	return f
}

// TextFlagsVersion names the rules of TextFlags: flags a store made under
// another version must be made again, or not used. It changes with the
// regexps' text by itself.
func TextFlagsVersion() string { return textFlagsVersion() }

var textFlagsVersion = sync.OnceValue(func() string {
	h := sha256.New()
	for _, re := range []string{periodRE.String(), riseByRE.String(), dealRE.String(), stillHeldRE.String(),
		partitiveRE.String(), takenAfterRE.String(), takenBeforeRE.String(), clockRE.String()} {
		h.Write([]byte(re))
		h.Write([]byte{0})
	}
	return textFlagsRules + "-" + hex.EncodeToString(h.Sum(nil)[:6])
})

// knownFlags returns a stored claim's flags when they are known, else 0.
func knownFlags(sc *tracker.StoredClaim) tracker.TextFlags {
	if sc.TextFlags&tfKnown == 0 {
		return 0
	}
	return sc.TextFlags
}

// hostageKindFlags is hostageKind, read from f when known.
func hostageKindFlags(c *tracker.Claim, f tracker.TextFlags) string {
	if f&tfKnown == 0 {
		return hostageKind(c)
	}
	switch {
	case f&tfDeal != 0:
		return "deal"
	case f&tfTaken != 0:
		return "taken"
	}
	return ""
}

// opensWithClock reports whether a sentence opens with a clock time, as
// a live blog's entry does (clockRE).
func opensWithClock(sent string) bool {
	return len(sent) > 4 && sent[0] >= '0' && sent[0] <= '9' && clockRE.MatchString(sent)
}

// opensWithClockFlags is opensWithClock, read from f when known.
func opensWithClockFlags(sent string, f tracker.TextFlags) bool {
	if f&tfKnown == 0 {
		return opensWithClock(sent)
	}
	return f&tfClock != 0
}

// periodText reports whether a period figure's text makes it a count for
// its period: its sentence (periodRE, memoised by m), or its span saying
// "more" or "rose by". Read from f when known.
func (m *ctxMemo) periodText(c *tracker.Claim, f tracker.TextFlags) bool {
	if f&tfKnown != 0 {
		return f&(tfPeriodic|tfMore|tfRiseBy) != 0
	}
	return m.periodic(c.Sentence) || moreIncrement(c.Span) || riseByRE.MatchString(c.Span)
}
