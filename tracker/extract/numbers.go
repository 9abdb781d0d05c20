package extract

import (
	"strings"

	"github.com/shopspring/decimal"
	"github.com/tollproject/toll/tracker"
)

// quantity is a number phrase in a sentence: the qualifier, the number or
// range, and any post-qualifier, with what they mean.
type quantity struct {
	i, j       int // token range [i, j) including qualifiers
	ni, nj     int // token range of the number itself (both ends of a range)
	n, n2      decimal.Decimal
	isRange    bool
	q          tracker.Qualifier
	vague      string
	increment  bool      // "another 12", "12 more", "rose by 100"
	prior      *quantity // "rose to X from Y": Y, attached to X
	consumed   bool      // taken as another quantity's prior
	hasQual    bool      // a qualifier word was written
	qualIsVerb bool      // the qualifier is a verb ("tops", "nears") that links a toll by itself
}

// markExclusions flags number tokens that are never counts: years, dates,
// ages, times, percentages, money, ordinals, phone and document numbers,
// names ("F-16"), compound modifiers ("15-nation") and measures.
func (s *sentence) markExclusions() {
	toks := s.toks
	for i := range toks {
		t := &toks[i]
		if t.kind != tNum {
			continue
		}
		if s.notACount(i) {
			s.excluded[i] = true
		}
	}
	// "crosses 15, 200": a thousands separator with a stray space, or a
	// list? Either reading could be wrong, so neither is a count.
	for i := 0; i+2 < len(toks); i++ {
		a, b := &toks[i], &toks[i+2] // (pointers: a token is 64 bytes)
		if a.kind == tNum && len(a.text) <= 3 && !strings.ContainsAny(a.text, ",.") && s.isWord(i+1, ",") && s.glued(i+1) &&
			b.kind == tNum && b.space && len(b.text) == 3 && !strings.ContainsAny(b.text, ",.") {
			if i+3 >= len(toks) || toks[i+3].kind == tPunct {
				s.excluded[i], s.excluded[i+2] = true, true
				s.note(i, i+3, "ambiguous number: a thousands separator followed by a space, or a list")
			}
		}
	}
	// phone and reference numbers: three or more digit groups joined by
	// hyphens ("08-286-3335"), or numbers after "call", "phone", "fax"
	for i := 0; i < len(toks); i++ {
		if toks[i].kind != tNum {
			continue
		}
		j := i
		for j+2 < len(toks) && s.isWord(j+1, "-") && s.glued(j+1) && s.glued(j+2) && toks[j+2].kind == tNum {
			j += 2
		}
		if (j-i)/2+1 >= 3 || s.in(i-1, gPhone) {
			for k := i; k <= j; k++ {
				s.excluded[k] = true
			}
		}
		i = j
	}
}

func (s *sentence) notACount(i int) bool {
	toks := s.toks
	t := &toks[i]
	digits := strings.ReplaceAll(t.text, ",", "")
	prev, next := s.word(i-1), s.word(i+1)
	// Fractions without a scale word ("magnitude 7.8") are never counts,
	// unless a scaled number follows in a range: "between 1.2 and 1.5
	// million". Points that group thousands ("538.000", "1.301", the
	// Spanish, Portuguese and French-African copy toll reads in
	// translation) make no fraction.
	if strings.Contains(digits, ".") && !pointGrouped(t.text) {
		if !s.is(i+1, fScale) {
			connector := next == "and" || next == "to" || next == "–" || next == "-"
			_, scaled := s.scaleAt(i + 3)
			if !(connector && i+2 < len(toks) && toks[i+2].kind == tNum && scaled) {
				return true
			}
		}
	}
	// The fraction of a code or an amount the lexer split at its point:
	// "P6.8 million" (pesos) is "P6" "." "8" "million", no count of 8
	// million.
	if s.glued(i) && prev == "." && i >= 2 && s.glued(i-1) && (toks[i-2].kind == tAlnum || toks[i-2].kind == tNum) {
		return true
	}
	// Glued to a word before: "F-16", "COVID-19", "A/ES-10".
	if s.glued(i) && i >= 1 && (prev == "-" || prev == "/" || prev == "#" || prev == "№") {
		if i >= 2 && s.glued(i-1) && toks[i-2].kind != tNum {
			return true
		}
		if prev == "/" || prev == "#" || prev == "№" {
			return true
		}
	}
	if s.glued(i) && i >= 1 && (toks[i-1].kind == tWord || toks[i-1].kind == tAlnum) {
		return true
	}
	// Money: "$5", "€5", "US$", "5 dollars".
	if i >= 1 && s.glued(i) && strings.ContainsAny(prev, "$€£₪¥") {
		return true
	}
	if s.in(i+1, gMeasure) && (next != "per" || s.word(i+2) == "cent") {
		return true
	}
	// Times: "6:30", "6 a.m.", "10 GMT", "0600 GMT".
	if next == ":" && s.glued(i+1) && i+2 < len(toks) && toks[i+2].kind == tNum && s.glued(i+2) {
		return true
	}
	if prev == ":" && s.glued(i) && i >= 2 && toks[i-2].kind == tNum {
		return true
	}
	if s.in(i+1, gTime) {
		return true
	}
	// Compound modifiers: "15-nation", "12-year-old", "2,000-strong",
	// "10-day"; but "300-plus" is a qualifier.
	if next == "-" && s.glued(i+1) && i+2 < len(toks) && s.glued(i+2) {
		after := toks[i+2]
		if after.kind == tWord && after.lower != "plus" {
			return true
		}
		// phone numbers: "02-555-1234" (two glued hyphen groups)
		if after.kind == tNum && s.isWord(i+3, "-") && s.glued(i+3) {
			return true
		}
	}
	// Phone numbers "(02) 555" and "+972 ...".
	if prev == "+" && s.glued(i) {
		return true
	}
	// Ages: "aged 12", "12 years old".
	if (next == "years" || next == "year" || next == "months" || next == "month") && (s.isWord(i+2, "old") || s.isWord(i+2, "of")) {
		return true
	}
	if prev == "aged" || prev == "age" || prev == "ages" {
		return true
	}
	// Names and references: "Resolution 2712", "Article 51", "No. 5".
	if s.is(i-1, fName) {
		return true
	}
	if prev == "." && (s.word(i-2) == "no" || s.word(i-2) == "nos") {
		return true
	}
	// Dates: "October 7", "Oct. 7", "7 October", "7 Oct".
	if len(digits) <= 2 {
		// (not a number past 31, nor one after a month that has its day:
		// "On 10 October 40 people died")
		dayAfter := digits <= "31" || len(digits) == 1
		if i >= 2 && toks[i-2].kind == tNum && len(toks[i-2].text) <= 2 {
			dayAfter = false
		}
		if dayAfter && (s.is(i-1, fMonth) && prev != "may" || prev == "may" && toks[i-1].upper) {
			return true
		}
		if prev == "." && i >= 2 {
			if _, ok := s.monthAt(i - 2); ok {
				return true
			}
		}
		if s.is(i+1, fMonth) && (next != "may" || toks[i+1].upper) {
			return true
		}
		if next == "of" {
			if _, ok := s.monthAt(i + 2); ok {
				return true // "the 7th of October" written "7 of October"
			}
		}
		// two days of one month: "the protests of 8 and 9 September",
		// "8-9 September", "on September 8 and 9"
		if next == "and" || next == "-" || next == "–" || next == "to" {
			if d := toks[min(i+2, len(toks)-1)]; i+2 < len(toks) && d.kind == tNum && len(d.text) <= 2 && s.is(i+3, fMonth) && (s.word(i+3) != "may" || toks[i+3].upper) {
				return true
			}
		}
		if prev == "and" || prev == "-" || prev == "–" || prev == "to" {
			// (when nothing after it makes it a count: "on May 1 and 5
			// others were hurt" counts five)
			if d := toks[max(i-2, 0)]; i >= 3 && d.kind == tNum && len(d.text) <= 2 && s.is(i-3, fMonth) && (s.word(i-3) != "may" || toks[i-3].upper) && s.dayEnds(i+1) {
				return true
			}
		}
	}
	// Years: four digits between 1800 and 2100 with no separator, unless
	// a group noun follows ("2023 people" is written "2,023" in copy).
	if len(digits) == 4 && !strings.Contains(t.text, ",") && digits >= "1800" && digits <= "2100" {
		if !s.in(i+1, gGroup) {
			if !s.is(i+1, fDemonym) {
				return true
			}
		}
	}
	// Years after a month and day: "October 7, 2023".
	if prev == "," && i >= 3 && toks[i-2].kind == tNum && len(digits) == 4 && !strings.Contains(t.text, ",") && digits >= "1800" && digits <= "2100" {
		if _, ok := s.monthAt(i - 3); ok {
			return true
		}
	}
	// Decades and score lines like "3-1" are too rare to matter; ordinals
	// ("1st") are alnum tokens, never numbers.
	return false
}

// parseQuantities finds the number phrases of the sentence.
func (s *sentence) parseQuantities() {
	toks := s.toks
	// where a number could start: only there are qualifiers worth looking
	// up (a number phrase opens at most four words before its number).
	// (numberish is asked once a token: next[0] says whether any is.)
	if cap(s.next) < len(toks)+1 {
		s.next = make([]int, len(toks)+1)
	}
	next := s.next[:len(toks)+1] // next numberish token at or after i
	next[len(toks)] = 1 << 30
	for i := len(toks) - 1; i >= 0; i-- {
		next[i] = next[i+1]
		if s.numberish(i) {
			next[i] = i
		}
	}
	if next[0] >= len(toks) {
		return
	}
	// the exclusions are final now: remember numbers from here on
	if cap(s.memoBuf) < len(toks) {
		s.memoBuf = make([]numMemo, len(toks))
	}
	s.memo = s.memoBuf[:len(toks)]
	clear(s.memo)
	defer func() { s.memo = nil }()
	for i := 0; i < len(toks); {
		if s.qty[i] >= 0 || next[i] > i+4 {
			i++
			continue
		}
		q, ok := s.quantityAt(i)
		if !ok {
			i++
			continue
		}
		s.addQuantity(q)
		i = q.j
	}
}

func (s *sentence) addQuantity(q quantity) {
	idx := len(s.qs)
	s.qs = append(s.qs, q)
	for k := q.i; k < q.j; k++ {
		s.qty[k] = idx
	}
}

// numberish reports a token that can be or start a number: digits that
// are not excluded, number words, scale words and vague words.
func (s *sentence) numberish(i int) bool {
	t := &s.toks[i]
	switch t.kind {
	case tNum:
		return !s.excluded[i]
	case tWord:
		w := t.lower
		if s.flags[i]&fNumber != 0 {
			return true
		}
		if firstHyphenAfterStart(w) {
			_, ok := s.v.wordValue(w)
			return ok
		}
	}
	return false
}

// firstHyphenAfterStart is strings.IndexByte(w, '-') > 0, a byte at a
// time: numberish asks it of every word, most of them short, where the
// call to IndexByte cost more than the loop.
func firstHyphenAfterStart(w string) bool {
	for k := 0; k < len(w); k++ {
		if w[k] == '-' {
			return k > 0
		}
	}
	return false
}

// numberAt reads a bare number starting at token i: digits with optional
// scale word ("1.2 million"), space-grouped thousands ("625 000"), or
// number words ("Sixty-three", "a hundred and two", "three dozen", "half a
// million"). It returns the value and the end token index.
func (s *sentence) numberAt(i int) (decimal.Decimal, int, bool) {
	if i < 0 || i >= len(s.toks) {
		return decimal.Decimal{}, i, false
	}
	if s.memo != nil {
		if m := &s.memo[i]; m.state != 0 {
			return m.v, m.end, m.state > 0
		}
		v, end, ok := s.readNumber(i)
		m := &s.memo[i]
		m.v, m.end, m.state = v, end, -1
		if ok {
			m.state = 1
		}
		return v, end, ok
	}
	return s.readNumber(i)
}

// numMemo caches numberAt, which the quantity pass asks about the same
// token several times.
type numMemo struct {
	v     decimal.Decimal
	end   int
	state int8 // 0 unknown, 1 a number, -1 not
}

func (s *sentence) readNumber(i int) (decimal.Decimal, int, bool) {
	toks := s.toks
	t := &toks[i]
	if t.kind == tNum {
		if s.excluded[i] {
			return decimal.Decimal{}, i, false
		}
		digits := t.text
		if !validGrouping(digits) || continuesGroups(s, i) {
			return decimal.Decimal{}, i, false
		}
		if strings.IndexByte(digits, ',') >= 0 {
			digits = strings.ReplaceAll(digits, ",", "")
		}
		j := i + 1
		if pointGrouped(digits) {
			if _, scaled := s.scaleAt(j); !scaled {
				digits = strings.ReplaceAll(digits, ".", "")
			}
		}
		// "625 000": groups of three digits after a space, only when the
		// first group has at most three digits and no comma was used.
		if !strings.Contains(t.text, ",") && len(digits) <= 3 {
			for j < len(toks) && len(digits) <= tracker.MaxCountDigits && toks[j].kind == tNum && toks[j].space && len(toks[j].text) == 3 &&
				!strings.ContainsAny(toks[j].text, ",.") && !s.excluded[j] && sameLineSpace(s.text, toks[j-1].end, toks[j].start) {
				digits += toks[j].text
				j++
			}
		}
		v, ok := s.v.parseCount(digits)
		if !ok {
			return decimal.Decimal{}, i, false
		}
		if sc, ok := s.scaleAt(j); ok {
			v = v.Mul(decimal.NewFromInt(sc))
			j++
		}
		if v.Exponent() < 0 && !v.Equal(v.Truncate(0)) {
			// a fraction stands only as the first end of a scaled range;
			// scaleLike makes it whole or the claim is dropped
			if w := s.word(j); w != "and" && w != "to" && w != "–" && w != "-" {
				return decimal.Decimal{}, i, false
			}
		}
		if v.Cmp(maxCount) > 0 { // no count of people is larger
			return decimal.Decimal{}, i, false
		}
		return v, j, true
	}
	if t.kind == tPunct && t.text == "(" {
		return s.bracketedNumber(i)
	}
	if t.kind != tWord {
		return decimal.Decimal{}, i, false
	}
	return s.numberWordsAt(i)
}

// bracketedNumber reads a figure written in brackets the way some
// bulletins write every figure: "a total of (5,599) people have been
// killed", "(32) women and (192) men". Only a bracket that opens after a
// lowercase word or a punctuation mark and closes before a word: "fifty
// (50)" is one figure written twice (restatedDigits) and "Nairobi (21),
// Nakuru (3)" a list by place (partShape).
func (s *sentence) bracketedNumber(i int) (decimal.Decimal, int, bool) {
	toks := s.toks
	if i+2 >= len(toks) || toks[i+1].kind != tNum {
		return decimal.Decimal{}, i, false
	}
	if i > 0 {
		if p := &toks[i-1]; p.kind == tNum || p.kind == tAlnum || p.kind == tWord && (p.upper || s.numberish(i-1)) {
			return decimal.Decimal{}, i, false
		}
	}
	v, e, ok := s.readNumber(i + 1)
	if !ok || !s.isWord(e, ")") || e+1 >= len(toks) || toks[e+1].kind != tWord {
		return decimal.Decimal{}, i, false
	}
	return v, e + 1, true
}

// maxCount is tracker.MaxCount as a decimal, for comparisons.
var maxCount = decimal.NewFromInt(tracker.MaxCount)

// parseCount reads digits with at most one decimal point. Whole numbers
// up to twelve digits take the fast path; the rest, up to
// tracker.MaxCountDigits, go through decimal.
func (v *vocabulary) parseCount(digits string) (decimal.Decimal, bool) {
	// No count has more digits (a decimal point is one more byte), and
	// decimal parses long runs in time quadratic in their length: 4 MB of
	// digits took 30 s. The cap makes every number cost O(its length).
	if len(digits) > tracker.MaxCountDigits+1 {
		return decimal.Decimal{}, false
	}
	if len(digits) <= 12 {
		var n int64
		whole := true
		for i := 0; i < len(digits); i++ {
			c := digits[i]
			if c < '0' || c > '9' {
				whole = false
				break
			}
			n = n*10 + int64(c-'0')
		}
		if whole && len(digits) > 0 {
			return v.count(n), true
		}
	}
	d, err := decimal.NewFromString(digits)
	return d, err == nil
}

// smallCounts bounds the counts the vocabulary holds made (vocabulary.small).
const smallCounts = 1024

// count is decimal.NewFromInt(n), taken from the vocabulary's table for
// a small n: a Decimal is immutable (its methods copy the coefficient
// they change), so one made at start-up serves every text and goroutine,
// and the two allocations of each figure's NewFromInt are saved.
func (v *vocabulary) count(n int64) decimal.Decimal {
	if 0 <= n && n < smallCounts {
		return v.small[n]
	}
	return decimal.NewFromInt(n)
}

// continuesGroups reports whether number token i is a later group of
// "625 000" rather than a number of its own: the "000" of "1 000 000 000
// 000" must not be read as 0 when the whole is too long to be a count.
func continuesGroups(s *sentence, i int) bool {
	if i == 0 {
		return false
	}
	p, t := s.toks[i-1], s.toks[i]
	return p.kind == tNum && len(p.text) <= 3 && !strings.ContainsAny(p.text, ",.") &&
		t.space && len(t.text) == 3 && !strings.ContainsAny(t.text, ",.") && sameLineSpace(s.text, p.end, t.start)
}

// sameLineSpace reports whether the gap between two tokens is a single
// space (or a no-break or thin space), as in "625 000".
func sameLineSpace(text string, a, b int) bool {
	gap := text[a:b]
	return gap == " " || gap == "\u00a0" || gap == "\u202f" || gap == "\u2009"
}

// validGrouping accepts "1100", "1,100", "1,100,000" and "1.2", and
// rejects malformed groupings such as "1,10" or "3,4".
func validGrouping(s string) bool {
	if !strings.Contains(s, ",") {
		return true
	}
	intPart := s
	if k := strings.IndexByte(s, '.'); k >= 0 {
		intPart = s[:k]
	}
	// (the groups read in place: strings.Split allocated once a number)
	first, rest, found := strings.Cut(intPart, ",")
	if len(first) == 0 || len(first) > 3 {
		return false
	}
	for found {
		var g string
		g, rest, found = strings.Cut(rest, ",")
		if len(g) != 3 {
			return false
		}
	}
	return true
}

// pointGrouped reports whether s groups thousands with points, as
// Spanish, Portuguese and French write them and their translations keep:
// "538.000", "1.301", "1.234.567". A first group of one to three digits
// that does not start with 0, then groups of exactly three, no comma. A
// fraction with three decimals is rare in copy, and never a count of
// people: read before a scale word ("1.500 million") it is still one.
func pointGrouped(s string) bool {
	if len(s) < 5 || s[0] == '0' {
		return false
	}
	k := strings.IndexByte(s, '.')
	if k < 1 || k > 3 {
		return false
	}
	for i := 0; i < k; i++ {
		if !isDigit(rune(s[i])) {
			return false
		}
	}
	for rest := s[k:]; rest != ""; rest = rest[4:] {
		if len(rest) < 4 || rest[0] != '.' {
			return false
		}
		for i := 1; i < 4; i++ {
			if !isDigit(rune(rest[i])) {
				return false
			}
		}
	}
	return true
}

// numberWordsAt parses English cardinal number words.
func (s *sentence) numberWordsAt(i int) (decimal.Decimal, int, bool) {
	toks := s.toks
	var total, cur int64
	j := i
	seen := false
	lastScale := false
	w := s.word(j)
	// "half a million", "half a dozen"
	if w == "half" && s.isWord(j+1, "a") {
		if sc, ok := s.scaleAt(j + 2); ok && sc >= 12 {
			return decimal.NewFromInt(sc / 2), j + 3, true
		}
		return decimal.Decimal{}, i, false
	}
	// "a hundred", "a dozen", "a thousand", "an estimated" is not ours
	if w == "a" || w == "an" {
		if sc, ok := s.scaleAt(j + 1); ok {
			cur = 1
			j++
			_ = sc
		} else {
			return decimal.Decimal{}, i, false
		}
	} else if j < len(toks) && toks[j].kind == tWord && s.flags[j]&fNumber == 0 && strings.IndexByte(w, '-') <= 0 {
		// a number opens with a word wordValue reads: a number word
		// (fNumber) or two joined by a hyphen ("sixty-three")
		return decimal.Decimal{}, i, false
	}
	for j < len(toks) {
		t := toks[j]
		if t.kind != tWord {
			break
		}
		lw := t.lower
		if n, ok := s.v.wordValue(lw); ok {
			if seen && !lastScale && !(cur%100 >= 20 && cur%10 == 0 && n < 10) {
				break // "five six" is not a number; "twenty one" is
			}
			cur += n
			seen = true
			lastScale = false
			j++
			continue
		}
		if sc, ok := s.v.scaleWords[lw]; ok {
			if !seen && cur == 0 {
				break
			}
			if cur == 0 {
				cur = 1
			}
			switch {
			case sc == 12 || sc == 100:
				cur *= sc
			default:
				total += cur * sc
				cur = 0
			}
			seen = true
			lastScale = true
			j++
			continue
		}
		if lw == "and" && lastScale && j+1 < len(toks) {
			if _, ok := s.v.wordValue(s.word(j + 1)); ok {
				j++
				continue
			}
		}
		break
	}
	if !seen {
		return decimal.Decimal{}, i, false
	}
	return s.v.count(total + cur), j, true
}

// wordValue reads "seven", "sixty-three", "twenty one" parts.
func (v *vocabulary) wordValue(w string) (int64, bool) {
	if n, ok := v.smallNumbers[w]; ok {
		return n, true
	}
	if k := strings.IndexByte(w, '-'); k > 0 {
		a, ok1 := v.smallNumbers[w[:k]]
		b, ok2 := v.smallNumbers[w[k+1:]]
		if ok1 && ok2 && a >= 20 && a%10 == 0 && b < 10 {
			return a + b, true
		}
	}
	return 0, false
}

// vagueAt reads a vague quantity word: "hundreds", "tens of thousands",
// "a few", "several hundred", "dozens". It returns the word as written
// (lowercase), its conservative value and the end index.
func (s *sentence) vagueAt(i int) (string, int64, int, bool) {
	if i < 0 || i >= len(s.toks) || s.flags[i]&fNumber == 0 && s.toks[i].lower != "a" {
		return "", 0, i, false
	}
	w := s.word(i)
	switch w {
	case "tens", "hundreds":
		if s.isWord(i+1, "of") && s.isWord(i+2, "thousands") {
			return w + " of thousands", s.v.vagueWords[w+" of thousands"], i + 3, true
		}
	case "several", "a", "few":
		// "several hundred", "a few thousand", "several dozen"
		base := w
		k := i + 1
		if w == "a" {
			if !s.isWord(i+1, "few") && !s.isWord(i+1, "couple") && !s.isWord(i+1, "handful") {
				return "", 0, i, false
			}
			base = "a " + s.word(i+1)
			k = i + 2
			if base == "a couple" && s.isWord(k, "of") && !isScaleNext(s, k+1) {
				// "a couple of people": the "of" belongs to the group
			}
		}
		if w == "few" {
			return "", 0, i, false
		}
		if sc, ok := s.scaleAt(k); ok && sc >= 12 {
			v := s.v.vagueWords[base] * sc
			if s.word(k+1) == "of" {
				// "several hundred of them" – keep "of" for the group
			}
			return base + " " + s.word(k), v, k + 1, true
		}
		if v, ok := s.v.vagueWords[base]; ok {
			return base, v, k, true
		}
		return "", 0, i, false
	}
	if v, ok := s.v.vagueWords[w]; ok && !strings.Contains(w, " ") {
		return w, v, i + 1, true
	}
	return "", 0, i, false
}

func isScaleNext(s *sentence, i int) bool {
	_, ok := s.scaleAt(i)
	return ok
}

// quantityAt reads a full number phrase starting at token i: an optional
// qualifier, a number, a range or a vague word, and an optional
// post-qualifier. Qualifiers are only taken when they stand right before
// the number they bind.
func (s *sentence) quantityAt(i int) (quantity, bool) {
	q := quantity{i: i, q: tracker.Exact}
	k := i
	// increment words: "another 12", "a further 30"
	if v, n := lookup(s, s.v.incrementTab, k, 2); n > 0 && v {
		if _, _, ok := s.bareAt(k + n); ok {
			q.increment = true
			k += n
		}
	}
	// range openers: "between A and B", "anywhere between", "from A to B"
	switch {
	case s.isWord(k, "between") || (s.isWord(k, "anywhere") && s.isWord(k+1, "between")):
		b := k + 1
		if s.isWord(k, "anywhere") {
			b = k + 2
		}
		if a, aEnd, ok := s.numberAt(b); ok && s.isWord(aEnd, "and") {
			if c, cEnd, ok := s.numberAt(aEnd + 1); ok {
				a = scaleLike(a, c, s, aEnd, cEnd)
				q.ni, q.nj, q.j = b, cEnd, cEnd
				q.n, q.n2, q.isRange, q.q, q.hasQual = a, c, true, tracker.Range, true
				return q, true
			}
		}
		return q, false
	case s.isWord(k, "from") && !s.changeVerbBefore(k):
		if a, aEnd, ok := s.numberAt(k + 1); ok && s.isWord(aEnd, "to") {
			if c, cEnd, ok := s.numberAt(aEnd + 1); ok && a.Cmp(c) < 0 {
				a = scaleLike(a, c, s, aEnd, cEnd)
				q.ni, q.nj, q.j = k+1, cEnd, cEnd
				q.n, q.n2, q.isRange, q.q, q.hasQual = a, c, true, tracker.Range, true
				return q, true
			}
		}
	}
	// pre-qualifiers
	if k == i {
		if qual, n := lookup(s, s.v.preQualTab, k, 3); n > 0 {
			if _, _, ok := s.bareAt(k + n); ok {
				if !(qual == tracker.MoreThan && s.isWord(k, "over") && s.overIsPreposition(k)) && !(qual == tracker.AtMost && s.upToIsMotion(k)) {
					q.q, q.hasQual = qual, true
					q.qualIsVerb = s.v.isVerbQualifier(s.word(k))
					k += n
				}
			}
		}
	}
	// the number or vague word
	if word, v, end, ok := s.vagueAt(k); ok {
		if q.hasQual {
			// "at least hundreds" keeps the vague reading with the
			// qualifier's bound: the vague value is a lower bound anyway.
		}
		q.ni, q.nj, q.j = k, end, end
		q.n = s.v.count(v)
		q.vague = word
		q.q = tracker.Vague
		return q, true
	}
	n, end, ok := s.numberAt(k)
	if !ok {
		return q, false
	}
	// "eight (8)", "three hundred and sixty-one (361)": the figure in
	// words and in digits is one figure
	end = s.restatedDigits(k, end, n)
	q.ni, q.nj, q.j, q.n = k, end, end, n
	// ranges: "100–300", "100-300", "100 to 300", "10 or 12" is not one
	if s.isWord(end, "–") || s.isWord(end, "—") || (s.isWord(end, "-") && s.glued(end) && s.glued(end+1)) {
		if c, cEnd, ok := s.numberAt(end + 1); ok && n.Cmp(c) < 0 {
			n = scaleLike(n, c, s, end, cEnd)
			q.n, q.n2, q.isRange, q.nj, q.j = n, c, true, cEnd, cEnd
			q.q = tracker.Range
			return q, true
		}
	}
	// "seven or eight", "two or three": neighbouring numbers joined by
	// "or" are a range; "10 or 100" is two readings, not one
	if s.isWord(end, "or") {
		if c, cEnd, ok := s.numberAt(end + 1); ok && n.Cmp(c) < 0 && c.Cmp(n.Add(n).Add(decimal.NewFromInt(1))) <= 0 {
			cEnd = s.restatedDigits(end+1, cEnd, c)
			q.n, q.n2, q.isRange, q.nj, q.j = n, c, true, cEnd, cEnd
			q.q = tracker.Range
			return q, true
		}
	}
	if s.isWord(end, "to") && !s.changeVerbBefore(q.i) {
		if c, cEnd, ok := s.numberAt(end + 1); ok && n.Cmp(c) < 0 && !s.isWord(cEnd, "from") {
			n = scaleLike(n, c, s, end, cEnd)
			q.n, q.n2, q.isRange, q.nj, q.j = n, c, true, cEnd, cEnd
			q.q = tracker.Range
			return q, true
		}
	}
	// post-qualifiers: "300 or more", "300-plus", "300+"
	if s.isWord(end, "-") && s.glued(end) && s.isWord(end+1, "plus") {
		q.q, q.hasQual, q.j = tracker.AtLeast, true, end+2
		return q, true
	}
	if s.isWord(end, "+") && s.glued(end) {
		q.q, q.hasQual, q.j = tracker.AtLeast, true, end+1
		return q, true
	}
	if qual, n := lookup(s, s.v.postQualTab, end, 2); n > 0 && !q.hasQual {
		q.q, q.hasQual, q.j = qual, true, end+n
		return q, true
	}
	// "12 more people": an increment
	if s.isWord(end, "more") && !s.isWord(end+1, "than") {
		q.increment = true
	}
	return q, true
}

// restatedDigits returns the end of a number written in words at [i,
// end) with its digits after it in brackets, "eight (8)", when the two
// agree; else end.
func (s *sentence) restatedDigits(i, end int, n decimal.Decimal) int {
	if !s.isWord(end, "(") || s.toks[i].kind != tWord || end+2 >= len(s.toks) || s.toks[end+1].kind != tNum {
		return end
	}
	d, dEnd, ok := s.numberAt(end + 1)
	if !ok || !d.Equal(n) || !s.isWord(dEnd, ")") {
		return end
	}
	return dEnd + 1
}

// bareAt reports whether a number or vague word starts at token i.
func (s *sentence) bareAt(i int) (decimal.Decimal, int, bool) {
	if _, v, end, ok := s.vagueAt(i); ok {
		return s.v.count(v), end, true
	}
	if s.isWord(i, "between") {
		if _, aEnd, ok := s.numberAt(i + 1); ok && s.isWord(aEnd, "and") {
			return decimal.Decimal{}, aEnd, true
		}
	}
	return s.numberAt(i)
}

// overIsPreposition reports "over" used for time or place ("over 48
// hours" is a measure and is rejected later anyway; "over the weekend"
// has no number). Kept for "over" followed by a number then a time unit.
func (s *sentence) overIsPreposition(k int) bool {
	_, end, ok := s.numberAt(k + 1)
	if !ok {
		return true
	}
	return s.is(end, fUnit)
}

// upToIsMotion reports "up to" after a verb of change, where "up" goes
// with the verb and the number is exact: "has gone up to 1,874", "went up
// to 96", "bringing the toll up to 50" (not "up to 300 were killed").
func (s *sentence) upToIsMotion(k int) bool {
	if !s.isWord(k, "up") || !s.isWord(k+1, "to") {
		return false
	}
	// "revised the toll of Wednesday's explosions up to 25 dead": a
	// revision verb further back, with no figure or clause between
	for d := 1; d <= 8 && k-d >= 0; d++ {
		if s.is(k-d, fRevision) && !s.qtyBetween(k-d, k) {
			return true
		}
		if s.is(k-d, fNumber) || s.isWord(k-d, ",") || s.isWord(k-d, ";") {
			break
		}
	}
	for d := 1; d <= 4 && k-d >= 0; d++ {
		w := s.word(k - d)
		switch {
		case w == "gone" || w == "went" || w == "goes" || w == "go" || w == "going":
			return true
		case s.is(k-d, fChange) && w != "up" && w != "down":
			return true
		case d == 1 && (w == "toll" || w == "total" || w == "tally" || w == "count" || w == "number" || w == "figure"):
			// "bringing the toll up to 50": the verb is further back
			continue
		case d > 1 && (w == "the" || w == "death" || w == "its" || w == "their"):
			continue
		}
		if d == 1 || s.toks[k-d].kind != tWord {
			return false
		}
	}
	return false
}

// changeVerbBefore reports whether a change verb ("rose", "climbed")
// stands within three tokens before token k, which makes "from A to B" a
// change rather than a range.
func (s *sentence) changeVerbBefore(k int) bool {
	for d := 1; d <= 3 && k-d >= 0; d++ {
		w := s.word(k - d)
		if s.is(k-d, fChange) {
			return true
		}
		if w == "," || w == "." {
			return false
		}
	}
	return false
}

// scaleLike gives a range's first number the scale of the second when it
// was written without one: "between 1.2 and 1.5 million".
func scaleLike(a, b decimal.Decimal, s *sentence, aEnd, bEnd int) decimal.Decimal {
	if _, ok := s.scaleAt(aEnd - 1); ok {
		return a
	}
	if sc, ok := s.scaleAt(bEnd - 1); ok && sc >= 1000 {
		if scaled := a.Mul(decimal.NewFromInt(sc)); scaled.Cmp(b) <= 0 && a.Cmp(decimal.NewFromInt(1000)) < 0 {
			return scaled
		}
	}
	return a
}

// isVerbQualifier reports qualifiers that are verbs and can link a toll
// noun to its number on their own: "death toll tops 10,000".
func (v *vocabulary) isVerbQualifier(w string) bool {
	return v.verbQualifiers[w]
}

// stated returns the interval of a quantity.
func (q *quantity) interval() tracker.Interval {
	if q.isRange {
		return tracker.RangeInterval(q.n, q.n2)
	}
	return tracker.Bounds(q.q, q.n)
}

// dayEnds reports that token k can follow a day of the month: anything
// but a noun that makes the number a count ("May 1 and 5 others were
// hurt", "4 more", "5 soldiers") or a casualty word that is its own
// ("on May 1 and 5 dead"; "on September 8 and 9 killed 20 people" is a
// verb of the sentence's).
func (s *sentence) dayEnds(k int) bool {
	switch s.word(k) {
	case "others", "other", "more", "people", "persons":
		return false
	}
	if _, n := lookup(s, s.v.groupTab, k, 2); n > 0 {
		return false
	}
	if isTriggerWord(s, k) && !(k+1 < len(s.toks) && s.toks[k+1].kind == tNum) {
		return false
	}
	return true
}
