package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tollproject/toll/tracker"
)

// mayHoldClaim is a cheap filter: a sentence with no digit and no number
// or vague word cannot hold a figure, and one with no casualty stem cannot
// hold a claim. Most sentences of a report fail it, which is what keeps
// extraction fast.
func (v *vocabulary) mayHoldClaim(s string) bool {
	// the casualty stems first: fewer sentences hold one than a number
	return v.casualtyStems.in(s) && v.mayHoldNumber(s)
}

// mayHoldNumber reports a sentence that may hold a number: the next
// sentence after a total is read when it does, casualty word or not, for
// the parts it may list ("Worst hit: Iran 464, Nigeria 199").
func (v *vocabulary) mayHoldNumber(s string) bool {
	// "\xef\xbc" starts the fullwidth digits (U+FF10–U+FF19), which NFKC
	// folds into ASCII ones (see cleanNumber)
	return strings.ContainsAny(s, "0123456789") || strings.Contains(s, "\xef\xbc") || v.numberStems.in(s)
}

// stems is a set of lowercase ASCII substrings (two letters or more),
// indexed by their first two and three letters so that a sentence is
// read once, with table probes every other byte, whatever the number of
// stems. A stem of three letters or more that starts at p holds the
// pair at p and the pair at p+1, and one of p and p+1 is even: in
// probes the pair at each even position in two tables, of the pairs that
// start stems (pairLE) and of the pairs at their second letter (pair1LE);
// a hit is tried at the three letters it would start (hashed, tri), and
// then against the stems that start with its letter. A set with a
// two-letter stem is read by pairs at every position.
type stems struct {
	pair [256 * 256 / 64]uint64 // bit set: some stem starts with these two bytes
	// pairLE and pair1LE are pair and the pairs at the stems' second
	// letter, indexed by the two bytes read as one little-endian word
	// (b0 | b1<<8), as in reads them
	pairLE, pair1LE [256 * 256 / 64]uint64
	tri             [1 << 16 / 64]uint64 // bit set: some stem starts with three bytes of this hash
	short           bool                 // some stem has two bytes only: pair1LE and tri are not used
	first           [256][]string
}

// triHash hashes the three bytes a stem starts with.
func triHash(a, b, c byte) int { return (int(a)<<10 ^ int(b)<<5 ^ int(c)) & (1<<16 - 1) }

func newStems(ws ...string) *stems {
	t := &stems{}
	for _, w := range ws {
		t.first[w[0]] = append(t.first[w[0]], w)
		k := int(w[0])<<8 | int(w[1])
		t.pair[k/64] |= 1 << (k % 64)
		k = int(w[0]) | int(w[1])<<8
		t.pairLE[k/64] |= 1 << (k % 64)
		if len(w) < 3 {
			t.short = true
			continue
		}
		k = int(w[1]) | int(w[2])<<8
		t.pair1LE[k/64] |= 1 << (k % 64)
		h := triHash(w[0], w[1], w[2])
		t.tri[h/64] |= 1 << (h % 64)
	}
	return t
}

// in reports whether s holds one of the stems, ignoring ASCII case: a
// byte c matches a stem's byte b when c|0x20 == b.
func (t *stems) in(s string) bool {
	if t.short {
		return t.inPairs(s)
	}
	n := len(s)
	i := 0
	for p := s; len(p) >= 2; p = p[2:] {
		// (one 16-bit load, both bytes folded at once)
		k := (uint32(p[0]) | uint32(p[1])<<8) | 0x2020
		if t.pairLE[k>>6]&(1<<(k&63)) != 0 && i+2 < n && t.triAt(s, i) && t.at(s, i) {
			return true
		}
		if t.pair1LE[k>>6]&(1<<(k&63)) != 0 && i > 0 && t.triAt(s, i-1) && t.at(s, i-1) {
			return true
		}
		i += 2
	}
	return false
}

// triAt reports whether some stem starts with the three bytes at s[p]
// (as far as their hash tells); p+2 < len(s).
func (t *stems) triAt(s string, p int) bool {
	h := triHash(s[p]|0x20, s[p+1]|0x20, s[p+2]|0x20)
	return t.tri[h>>6]&(1<<(h&63)) != 0
}

// inPairs is in, probing the pair table only.
func (t *stems) inPairs(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		k := int(s[i]|0x20)<<8 | int(s[i+1]|0x20)
		if t.pair[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		if t.at(s, i) {
			return true
		}
	}
	return false
}

// at reports whether one of the stems starts at s[i].
func (t *stems) at(s string, i int) bool {
	for _, w := range t.first[s[i]|0x20] {
		if i+len(w) > len(s) {
			continue
		}
		ok := true
		for k := 1; k < len(w); k++ {
			if s[i+k]|0x20 != w[k] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// The context regexps (context.go) run once a claim over its sentence;
// most sentences cannot match them, and these literal checks, each
// implied by its regexp, say so without running it. Each regexp is
// case-insensitive, and none of the literals holds k or s, the only ASCII
// letters that (?i) also folds to a non-ASCII rune (K, ſ), so an ASCII
// case fold is exact.

// mayRelay reports whether viaRE can match s: it needs "citing",
// "quoting" or "quoted".
func mayRelay(s string) bool {
	return containsFoldASCII(s, "citing") || containsFoldASCII(s, "quot")
}

// mayBePast reports whether pastRE or sinceWhenRE can match s: they need
// "year" or "decade", or a year (four digits starting 18, 19 or 20) that
// is followed by an apostrophe ("2011's") or follows white space after
// in, of, during, the, since or a month's name ("October 1973"). A text holding ſ or K, which (?i) folds
// s and k to, goes to the regexps.
func mayBePast(s string) bool {
	if containsFoldASCII(s, "year") || containsFoldASCII(s, "decade") ||
		strings.Contains(s, "\u017f") || strings.Contains(s, "\u212a") {
		return true
	}
	for i := 0; i+3 < len(s); i++ {
		if !(s[i] == '1' && (s[i+1] == '8' || s[i+1] == '9') || s[i] == '2' && s[i+1] == '0') ||
			!isDigit(rune(s[i+2])) || !isDigit(rune(s[i+3])) {
			continue
		}
		if rest := s[i+4:]; strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "’") {
			return true
		}
		before, ok := trimSpaceRight(s[:i])
		if !ok {
			continue
		}
		for _, w := range []string{"in", "of", "during", "the", "since", "day",
			"january", "february", "march", "april", "may", "june", "july", "august",
			"september", "october", "november", "december", "jan.", "feb.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec."} {
			if _, ok := cutSuffixFold(before, w); ok {
				return true
			}
		}
	}
	return false
}

// mayBeBoth reports whether bothRE can match s: it needs "countries"
// (read as "countrie", without the s that (?i) also folds to ſ) or
// "combined".
func mayBeBoth(s string) bool {
	return containsFoldASCII(s, "countrie") || containsFoldASCII(s, "combined")
}

// venueMatch is venueRE.MatchString(s) without the regexp, which would
// backtrack from every position of s to find a match that can only end
// at its end: it reads s from the end, "the" and white space, a
// preposition and white space, maybe a word and white space, then one of
// venueWords at a word boundary. (?i) also folds s and k to ſ and K, which
// venueWords hold: a text with either goes to the regexp.
func venueMatch(s string) bool {
	if strings.Contains(s, "\u017f") || strings.Contains(s, "\u212a") {
		return venueRE.MatchString(s)
	}
	t, ok := trimSpaceRight(s)
	if !ok {
		return false
	}
	cands := []string{t}
	if u, ok := cutSuffixFold(t, "the"); ok {
		if w, ok := trimSpaceRight(u); ok {
			cands = append(cands, w)
		}
	}
	for _, t := range cands {
		for _, p := range []string{"in", "at", "from"} {
			u, ok := cutSuffixFold(t, p)
			if !ok {
				continue
			}
			v, ok := trimSpaceRight(u)
			if !ok {
				continue
			}
			if endsWithVenueWord(v) {
				return true
			}
			w := strings.TrimRightFunc(v, func(r rune) bool { return r < 0x80 && isWordByte(byte(r)) })
			if len(w) == len(v) {
				continue
			}
			if x, ok := trimSpaceRight(w); ok && endsWithVenueWord(x) {
				return true
			}
		}
	}
	return false
}

// venueWords are the words venueRE starts with.
var venueWords = []string{"briefing", "conference", "statement", "speaking", "interview", "meeting", "summit",
	"visit", "reporters", "news agency", "headquarters", "office", "offices", "based"}

// endsWithVenueWord reports whether s ends with one of venueWords that
// starts at a word boundary.
func endsWithVenueWord(s string) bool {
	for _, w := range venueWords {
		if u, ok := cutSuffixFold(s, w); ok && (u == "" || !isWordByte(u[len(u)-1])) {
			return true
		}
	}
	return false
}

// trimSpaceRight strips the white space \s matches from the end of s and
// says whether there was any.
func trimSpaceRight(s string) (string, bool) {
	t := strings.TrimRight(s, " \t\n\f\r")
	return t, len(t) < len(s)
}

// isWordByte is \w: an ASCII letter, digit or underscore.
func isWordByte(b byte) bool { return isASCIILetter(b) || '0' <= b && b <= '9' || b == '_' }

func cutSuffixFold(s, suffix string) (string, bool) {
	if len(s) < len(suffix) || !strings.EqualFold(s[len(s)-len(suffix):], suffix) {
		return s, false
	}
	return s[:len(s)-len(suffix)], true
}

// containsFoldASCII reports whether s holds sub (lowercase ASCII letters)
// in any ASCII case, without building a lowered copy of s: a byte c
// matches a byte b of sub when c|0x20 == b. The candidates for sub's
// first byte, its two cases, are found with strings.IndexByte
// (vectorised) rather than by reading every byte.
func containsFoldASCII(s, sub string) bool {
	if sub == "" {
		return true
	}
	n := len(s) - len(sub) + 1 // a match starts in s[:n]
	if n <= 0 || sub[0]&0x20 == 0 {
		return false // (no byte c has c|0x20 without bit 5)
	}
	lo, up := nextByte{b: sub[0], at: -1}, nextByte{b: sub[0] &^ 0x20, at: -1}
	head := s[:n]
	for i := 0; ; i++ {
		i = min(lo.from(head, i), up.from(head, i))
		if i >= n {
			return false
		}
		j := 1
		for j < len(sub) && s[i+j]|0x20 == sub[j] {
			j++
		}
		if j == len(sub) {
			return true
		}
	}
}

// asciiWords calls fn with the bounds of each run of ASCII letters in s
// (what the regexp [A-Za-z]+ finds), in order, until fn returns false.
func asciiWords(s string, fn func(start, end int) bool) {
	for i := 0; i < len(s); {
		if !isASCIILetter(s[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && isASCIILetter(s[j]) {
			j++
		}
		if !fn(i, j) {
			return
		}
		i = j
	}
}

func isASCIILetter(b byte) bool { return 'a' <= b|0x20 && b|0x20 <= 'z' }

// eventWord is v.eventOf[strings.ToLower(w)] for an ASCII word w,
// without building the lowered string.
func (v *vocabulary) eventWord(w string) (string, bool) {
	if !v.mayBeEventWord(w) {
		return "", false
	}
	var buf [maxEventWord]byte
	for i := range len(w) {
		buf[i] = w[i] | 0x20
	}
	e, ok := v.eventOf[string(buf[:len(w)])]
	return e, ok
}

// mayBeEventWord reports whether the ASCII word w has the length and the
// first and last letters of some event noun.
func (v *vocabulary) mayBeEventWord(w string) bool {
	if len(w) < v.eventMin || len(w) > v.eventMax {
		return false // no event noun is that short or long
	}
	f, l := w[0]|0x20, w[len(w)-1]|0x20
	// (no event noun of this length starts and ends so)
	return 'a' <= f && f <= 'z' && 'a' <= l && l <= 'z' && v.eventShapes[len(w)][f-'a']&(1<<(l-'a')) != 0
}

// incidentNouns are the nouns incidentRE ends with.
var incidentNouns = newStems("strike", "bombing", "blast", "explosion", "shelling", "attack", "raid",
	"shooting", "stabbing", "crash", "collision", "ambush")

// mayBeIncident reports whether incidentRE can match s: it needs one of
// incidentNouns. Those hold s and k, which (?i) also folds to ſ (U+017F)
// and K (U+212A): a sentence holding either goes to the regexp.
func mayBeIncident(s string) bool {
	return incidentNouns.in(s) || strings.Contains(s, "\u017f") || strings.Contains(s, "\u212a")
}

// incidentAtRE is incidentRE anchored at the start of its text, less its
// leading \b, which incidentMatch checks.
var incidentAtRE = regexp.MustCompile(`(?i)^` + strings.TrimPrefix(incidentRE.String(), `(?i)\b`))

// incidentMatch is mayBeIncident(s) && incidentRE.MatchString(s), with
// the regexp tried only where a match can start: at a word boundary
// before an a or an o ("a", "an", "another", "one"; (?i) folds neither to
// anything but A and O). Run unanchored, the regexp tries every position
// of the sentence.
func incidentMatch(s string) bool {
	if !mayBeIncident(s) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; (c == 'a' || c == 'o') && (i == 0 || !isWordByte(s[i-1])) && incidentOpening(s[i:]) && incidentAtRE.MatchString(s[i:]) {
			return true
		}
	}
	return false
}

// incidentOpening reports whether s opens with a word incidentAtRE can
// open with, "a", "an", "another" or "one" in any ASCII case, and the
// white space after it: every branch of the regexp does. (Their letters
// fold to no non-ASCII rune.) Most words that start with an a or an o
// fail it, and the regexp is not run there.
func incidentOpening(s string) bool {
	j := 0
	for j < len(s) && isASCIILetter(s[j]) {
		j++
	}
	if j == len(s) || !isSpaceRE(s[j]) {
		return false
	}
	switch j {
	case 1:
		return s[0]|0x20 == 'a'
	case 2:
		return s[0]|0x20 == 'a' && s[1]|0x20 == 'n'
	case 3:
		return equalFoldLower(s[:3], "one")
	case 7:
		return equalFoldLower(s[:7], "another")
	}
	return false
}

// equalFoldLower reports whether the ASCII letters w equal the lowercase
// ASCII letters lw in any case.
func equalFoldLower(w, lw string) bool {
	if len(w) != len(lw) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i]|0x20 != lw[i] {
			return false
		}
	}
	return true
}

// datelineMatch is datelineRE.FindStringSubmatchIndex(s) read over the
// only part of s a match can cover: up to the first byte that none of the
// regexp's classes holds (a colon, a quotation mark, …), and not at all
// when that part holds no dash. Unbounded, the regexp ran over the whole
// text.
func datelineMatch(s string) []int {
	k := 0
	for k < len(s) && !datelineStop(s[k]) {
		k++
	}
	if !strings.ContainsAny(s[:k], "-–—") {
		return nil
	}
	return datelineRE.FindStringSubmatchIndex(s[:k])
}

// datelineStop reports an ASCII byte datelineRE never matches: not a
// letter or digit, white space, or one of . ' - , ( ) & /.
func datelineStop(b byte) bool {
	if b >= 0x80 || isASCIILetter(b) || '0' <= b && b <= '9' {
		return false
	}
	switch b {
	case ' ', '\t', '\n', '\f', '\r', '.', '\'', '-', ',', '(', ')', '&', '/':
		return false
	}
	return true
}

// pastAtRE is pastRE anchored at the start of its text, less its
// leading \b, which pastMatches checks.
var pastAtRE = regexp.MustCompile(`(?i)^` + strings.TrimPrefix(pastRE.String(), `(?i)\b`))

// pastMatches is pastRE.FindAllStringSubmatch(s, -1), with the regexp
// tried only where a match can start: at a word boundary before the first
// letter or digit of one of its branches (in, of, during, the, last, a,
// years, 18…, 19…, 20…; (?i) folds none of these letters to anything but
// its capital).
func pastMatches(s string) [][]string {
	var out [][]string
	for i := 0; i < len(s); {
		switch s[i] {
		case 'i', 'o', 'd', 't', 'l', 'a', 'y', 'I', 'O', 'D', 'T', 'L', 'A', 'Y', '1', '2':
		default:
			i++
			continue
		}
		if i > 0 && isWordByte(s[i-1]) {
			i++
			continue
		}
		if j, ok := pastOpening(s, i); !ok {
			i = j
			continue
		}
		m := pastAtRE.FindStringSubmatchIndex(s[i:])
		if m == nil {
			i++
			continue
		}
		sub := make([]string, len(m)/2)
		for k := range sub {
			if m[2*k] >= 0 {
				sub[k] = s[i+m[2*k] : i+m[2*k+1]]
			}
		}
		out = append(out, sub)
		i += m[1]
	}
	return out
}

// pastOpening reports whether pastAtRE can match at s[i], a word
// boundary: at a digit, or at a word that one of its branches opens with
// (in, of, during, the, last, a, years, in any ASCII case). When it
// cannot, j is the end of the word, the next place a match can start. A
// word that runs into a non-ASCII byte may be "laſt" or "yearſ" ((?i)
// folds s to ſ), so it goes to the regexp.
func pastOpening(s string, i int) (j int, ok bool) {
	if s[i] < 'A' {
		return i + 1, true // a digit (pastMatches lets through 1 and 2 only)
	}
	j = i
	for j < len(s) && isASCIILetter(s[j]) {
		j++
	}
	if j < len(s) && s[j] >= 0x80 {
		return j, true
	}
	// each opener and what must follow it, after white space: a year, a
	// month, "previous", "year", "decade" or "ago" (a next word that runs
	// into a non-ASCII byte may be "Auguſt": it goes to the regexp)
	if j == len(s) || !isSpaceRE(s[j]) {
		return j, false
	}
	b, e := nextWordAt(s, j)
	if e < len(s) && s[e] >= 0x80 {
		return j, true
	}
	n := s[b:e]
	year := n == "" && yearAt(s, j)
	switch w := s[i:j]; len(w) {
	case 1:
		return j, w[0]|0x20 == 'a' && equalFoldLower(n, "decade")
	case 2:
		return j, (equalFoldLower(w, "in") || equalFoldLower(w, "of")) && (year || isMonthName(n))
	case 3:
		// ("Bastille Day 2016": a named day of a year)
		return j, equalFoldLower(w, "the") && (year || equalFoldLower(n, "previous")) || equalFoldLower(w, "day") && year
	case 4:
		return j, equalFoldLower(w, "last") && equalFoldLower(n, "year")
	case 5:
		return j, equalFoldLower(w, "years") && equalFoldLower(n, "ago")
	case 6:
		return j, equalFoldLower(w, "during") && (year || isMonthName(n))
	}
	return j, false
}

// yearAt reports whether a year pastRE reads (18…, 19… or 20… and two
// more digits) follows the white space at s[j:].
func yearAt(s string, j int) bool {
	for j < len(s) && isSpaceRE(s[j]) {
		j++
	}
	return j+4 <= len(s) && (s[j] == '1' && (s[j+1] == '8' || s[j+1] == '9') || s[j] == '2' && s[j+1] == '0') &&
		isDigit(rune(s[j+2])) && isDigit(rune(s[j+3]))
}

// isMonthName reports whether the ASCII word w is a month's name in any
// case.
func isMonthName(w string) bool {
	for _, m := range monthNames {
		if equalFoldLower(w, m) {
			return true
		}
	}
	return false
}

var monthNames = []string{"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december"}

// spreadAtRE is spreadRE anchored at the start of its text, less its
// leading \b, which spreadMatch checks.
var spreadAtRE = regexp.MustCompile(`(?i)^` + strings.TrimPrefix(spreadRE.String(), `(?i)\b`))

// spreadMatch is spreadRE.MatchString(s), with the regexp tried only
// where a match can start: at a word boundary, at one of the words its
// branches open with (spreadOpeners) followed by white space. Run
// unanchored, the backtracker tried every position of the 60 bytes
// before a place. Every match ends with "in", "the" or "of" and white
// space at the end of s, so s must end so first: most text before a
// place does not. Some openers hold s or k, which (?i) also folds to ſ
// and K: a text holding either goes to the regexp as it is.
func spreadMatch(s string) bool {
	if s == "" || !isSpaceRE(s[len(s)-1]) {
		return false
	}
	if t, _ := trimSpaceRight(s); !endsWithFoldLower(t, "in") && !endsWithFoldLower(t, "the") && !endsWithFoldLower(t, "of") {
		return false
	}
	if strings.Contains(s, "\u017f") || strings.Contains(s, "\u212a") {
		return spreadRE.MatchString(s)
	}
	for i := 0; i < len(s); {
		if !isASCIILetter(s[i]) || i > 0 && isWordByte(s[i-1]) {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && isASCIILetter(s[j]) {
			j++
		}
		if j < len(s) && isSpaceRE(s[j]) && spreadOpener(s[i:j], nextWord(s, j)) && spreadAtRE.MatchString(s[i:]) {
			return true
		}
		i = j
	}
	return false
}

// nextWord returns the run of ASCII letters after the white space at
// s[j:] ("" when another byte comes first).
func nextWord(s string, j int) string {
	b, e := nextWordAt(s, j)
	return s[b:e]
}

// nextWordAt returns the bounds of nextWord(s, j).
func nextWordAt(s string, j int) (b, e int) {
	for j < len(s) && isSpaceRE(s[j]) {
		j++
	}
	k := j
	for k < len(s) && isASCIILetter(s[k]) {
		k++
	}
	return j, k
}

// spreadOpener reports whether the ASCII word w is, in any case, one of
// the words spreadRE's branches open with, and next the word the branch
// needs after it: "the" then "majority" or "bulk"; "most" and its kind
// then "of" or "in"; "mostly" and its kind then "in". (The regexp needs
// white space after that word too, which it checks.)
func spreadOpener(w, next string) bool {
	switch {
	case equalFoldLower(w, "the"):
		return equalFoldLower(next, "majority") || equalFoldLower(next, "bulk")
	case slices.ContainsFunc(spreadQuantifiers, func(o string) bool { return equalFoldLower(w, o) }):
		return equalFoldLower(next, "of") || equalFoldLower(next, "in")
	case slices.ContainsFunc(spreadAdverbs, func(o string) bool { return equalFoldLower(w, o) }):
		return equalFoldLower(next, "in")
	}
	return false
}

// spreadQuantifiers and spreadAdverbs are the first words of spreadRE's
// branches but "the".
var (
	spreadQuantifiers = []string{"most", "many", "all", "some", "half"}
	spreadAdverbs     = []string{"mostly", "mainly", "largely", "chiefly", "especially", "particularly", "notably"}
)

// mayBeNational reports whether nationalRE can match s: it needs
// "nation", "countr" or "acro" (none with s or k, which (?i) also folds
// to non-ASCII runes).
func mayBeNational(s string) bool {
	return containsFoldASCII(s, "nation") || containsFoldASCII(s, "countr") || containsFoldASCII(s, "acro")
}

// nearestHeld is nearest(heldRE, off, c) for sentences that can hold a
// match: heldRE needs "held", "controlled" or "run" (none of them with s
// or k).
func nearestHeld(off int, c *tracker.Claim) []string {
	if !mayBeHeld(c.Sentence) {
		return nil
	}
	return nearest(heldRE, off, c)
}

// mayBeHeld reports whether heldRE can match s: it needs "held" or
// "controlled" in any case right after a hyphen or a space (neither with
// s or k).
func mayBeHeld(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i-1] != '-' && s[i-1] != ' ' {
			continue
		}
		switch s[i] | 0x20 {
		case 'h':
			if hasPrefixFoldLower(s[i:], "held") {
				return true
			}
		case 'c':
			if hasPrefixFoldLower(s[i:], "controlled") {
				return true
			}
		}
	}
	return false
}

// hasPrefixFoldLower reports whether s starts with the lowercase ASCII
// letters lw in any ASCII case.
func hasPrefixFoldLower(s, lw string) bool {
	return len(s) >= len(lw) && equalFoldLower(s[:len(lw)], lw)
}

// mayBeFronted reports whether frontedRE can match s: it needs one of its
// (case-sensitive) openings, "In" (and "Inside"), "Across",
// "Throughout" or "Elsewhere in", and a comma.
func mayBeFronted(s string) bool {
	return (strings.HasPrefix(s, "In") || strings.HasPrefix(s, "Across") || strings.HasPrefix(s, "Throughout") ||
		strings.HasPrefix(s, "Elsewhere in") || timeOpening(s)) && strings.IndexByte(s, ',') >= 0
}

// timeOpening reports whether s opens with one of frontedRE's time words
// ("Hours later in Las Vegas, …", "Meanwhile in Ohio, …").
func timeOpening(s string) bool {
	for _, w := range []string{"Hours", "Minutes", "Moments", "Days", "Weeks", "Later", "Earlier", "Meanwhile", "Separately"} {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// mayBeSubject reports whether subjectRE can match s: it needs an ASCII
// capital first and then, as the regexp reads them, one or two
// capitalised words, maybe a designator, maybe a clause between commas,
// and white space before the stem of one of its verbs
// (case-sensitive). The regexp is anchored, so most sentences that hold
// a verb stem somewhere still fail here, at their second or third word.
func mayBeSubject(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	var ends [4]int // where the place's name (and designator) may end
	n := 0
	e := subjectWordEnd(s, 1)
	if e == 1 {
		return false // ([A-Z] and at least one letter)
	}
	ends[n], n = e, n+1
	if j := skipSpaceRE(s, e); j > e && j < len(s) && 'A' <= s[j] && s[j] <= 'Z' {
		if e2 := subjectWordEnd(s, j+1); e2 > j+1 {
			ends[n], n = e2, n+1
		}
	}
	for _, e := range ends[:n] {
		if j := skipSpaceRE(s, e); j > e {
			for _, d := range subjectDesignators {
				if strings.HasPrefix(s[j:], d) {
					ends[n], n = j+len(d), n+1
					break // (no designator is a prefix of another)
				}
			}
		}
	}
	for _, e := range ends[:n] {
		if subjectVerbAt(s, e) {
			return true
		}
		// ", the mountain province, accounted for": the clause ends at
		// the first comma after the one that opens it
		if e+1 < len(s) && s[e] == ',' && isSpaceRE(s[e+1]) {
			if k := strings.IndexByte(s[e+2:], ','); k > 0 && subjectVerbAt(s, e+2+k+1) {
				return true
			}
		}
	}
	return false
}

// subjectWordEnd returns the end of the run of subjectRE's name
// characters (letters, ', ’ and -) that starts at s[i].
func subjectWordEnd(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !isASCIILetter(c) && c != '\'' && c != '-' {
				return i
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r != '’' && !unicode.IsLetter(r) {
			return i
		}
		i += w
	}
	return i
}

// skipSpaceRE returns the offset after the white space (\s) at s[i:].
func skipSpaceRE(s string, i int) int {
	for i < len(s) && isSpaceRE(s[i]) {
		i++
	}
	return i
}

// subjectVerbAt reports whether s[i:] opens with white space and the
// stem of one of subjectRE's verbs.
func subjectVerbAt(s string, i int) bool {
	j := skipSpaceRE(s, i)
	if j == i {
		return false
	}
	for _, w := range subjectVerbOpenings {
		if strings.HasPrefix(s[j:], w) {
			return true
		}
	}
	return false
}

// subjectVerbOpenings are what subjectRE's verbs open with;
// subjectDesignators the designators it reads after a name.
var (
	subjectVerbOpenings = []string{"account", "report", "record", "regist", "counted", "confirm", "has", "had", "have"}
	subjectDesignators  = []string{"province", "state", "region", "district", "county", "prefecture", "governorate"}
)

// mayBePronounSaid reports whether pronounSaidRE can match s: it opens
// with "It" or "They", or ends with "said" or "added" before white space
// and a full stop, each optional.
func mayBePronounSaid(s string) bool {
	if strings.HasPrefix(s, "It") || strings.HasPrefix(s, "They") {
		return true
	}
	t, _ := trimSpaceRight(strings.TrimSuffix(s, "."))
	return strings.HasSuffix(t, "said") || strings.HasSuffix(t, "added")
}

// mayBeSinceWhen reports whether sinceWhenRE can match s: it needs
// "since" and "when" in any case ("since" holds s, which (?i) also folds
// to ſ: a text holding ſ goes to the regexp).
func mayBeSinceWhen(s string) bool {
	return (containsFoldASCII(s, "since") || strings.Contains(s, "\u017f")) && containsFoldASCII(s, "when")
}

// endsWithFoldLower reports whether s ends with the lowercase ASCII
// letters lw in any ASCII case.
func endsWithFoldLower(s, lw string) bool {
	return len(s) >= len(lw) && equalFoldLower(s[len(s)-len(lw):], lw)
}
