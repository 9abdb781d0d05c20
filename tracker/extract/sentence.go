package extract

import "github.com/tollproject/toll/tracker"

func (s *sentence) textOf(i, j int) string {
	if i >= j {
		return ""
	}
	return s.text[s.toks[i].start:s.toks[j-1].end]
}

func (s *sentence) reset(sp span, toks []token) {
	s.start, s.end = sp.start, sp.end
	s.toks = toks
	n := len(toks)
	if cap(s.excluded) < n {
		s.excluded = make([]bool, n)
		s.qty = make([]int, n)
	}
	if cap(s.flags) < n {
		s.flags = make([]wflag, n)
		s.gflags = make([]gflag, n)
		s.ids = make([]uint32, n)
	}
	s.excluded = s.excluded[:n]
	s.qty = s.qty[:n]
	s.flags = s.flags[:n]
	s.gflags = s.gflags[:n]
	s.ids = s.ids[:n]
	for i := range s.excluded {
		s.excluded[i] = false
		s.qty[i] = -1
		e, id := s.v.flagsOf(&toks[i])
		f := e.f
		if k := toks[i].kind; k != tWord && k != tPunct {
			f &= exactFlags
		}
		s.flags[i], s.gflags[i], s.ids[i] = f, e.g, id
	}
	s.qs = s.qs[:0]
	s.corrRead = false
	s.diags = s.diags[:0]
	for i := range toks {
		if toks[i].kind == tOddNum {
			s.note(i, i+1, "a number with digits of another script or a hidden character among its digits is not read as a figure")
			s.diags[len(s.diags)-1].Refused = true
		}
	}
}

// note records a diagnostic over tokens [i, j).
func (s *sentence) note(i, j int, msg string) {
	if i < 0 || j > len(s.toks) || i >= j {
		return
	}
	s.diags = append(s.diags, tracker.Diagnostic{Start: s.toks[i].start, End: s.toks[j-1].end, Message: msg})
}

// clauseBreakBetween reports a clause boundary among tokens [i, j).
func (s *sentence) clauseBreakBetween(i, j int) bool {
	for m := i; m < j; m++ {
		w := s.word(m)
		if w == ";" || w == "," || s.flags[m]&(fClause|fAttr) != 0 && (s.in(m, gClause) || s.is(m, fAttrVerb)) {
			return true
		}
	}
	return false
}

// andBetween reports an "and" among tokens [i, j).
func (s *sentence) andBetween(i, j int) bool {
	for m := i; m < j; m++ {
		if s.isWord(m, "and") {
			return true
		}
	}
	return false
}

// presentPerfect reports "have been", "has been" or "had been" among
// tokens [i, j).
func (s *sentence) presentPerfect(i, j int) bool {
	for m := max(i, 0); m+1 < j && m+1 < len(s.toks); m++ {
		if (s.isWord(m, "have") || s.isWord(m, "has") || s.isWord(m, "had")) && s.isWord(m+1, "been") {
			return true
		}
	}
	return false
}

// changeVerbIn reports a change verb ("rose", "climbed") among tokens
// [i, j).
func (s *sentence) changeVerbIn(i, j int) bool {
	for m := max(i, 0); m < j && m < len(s.toks); m++ {
		if s.is(m, fChange) && s.word(m) != "up" && s.word(m) != "down" {
			return true
		}
	}
	return false
}

// reportingVerbIn reports a verb of saying ("said", "told") among tokens
// [i, j).
func (s *sentence) reportingVerbIn(i, j int) bool {
	for m := max(i, 0); m < j && m < len(s.toks); m++ {
		if s.is(m, fSaying) {
			return true
		}
	}
	return false
}

// sentence is one sentence's tokens and what the passes found in them.
type sentence struct {
	v     *vocabulary // the word tables, shared and read-only
	text  string      // the whole text
	start int         // byte offsets of the sentence
	end   int
	toks  []token
	// excluded marks number tokens that are years, dates, ages, times,
	// percentages, money, names or measures: never counts.
	excluded []bool
	// qty maps a token index to the index of the quantity covering it, or -1.
	qty  []int
	qs   []quantity
	date tracker.Date
	key  []byte // scratch for phrase lookups
	next []int  // scratch for parseQuantities
	// flags and gflags hold each token's lexicon flags, ids its word id
	// (lexTable.find; 0 for a word the lexicon does not hold), which
	// the phrase tables are indexed by.
	flags  []wflag
	gflags []gflag
	ids    []uint32
	// linkBuf, linkedBuf and npBuf are link()'s scratch.
	linkBuf   []link
	linkedBuf []int
	npBuf     []np
	// made and ok are claims()'s scratch, kept across sentences.
	made []tracker.Claim
	ok   []bool
	// carries are the totals of the sentence before (its claims that are
	// neither parts nor earlier figures): the heads of parts that open
	// this sentence ("Of the dead, 142 were students", "Iran 464,
	// Nigeria 199"). heads collects this sentence's for the next.
	carries, heads []tracker.Claim
	// usedCarry records that a part of this sentence read carries;
	// listBefore that the sentence before was an item of a list whose
	// total carries still are (listNext passes it on).
	usedCarry, listBefore, listNext bool
	// diags collects the sentence's diagnostics.
	diags []tracker.Diagnostic
	// timesBuf is parseTimes' buffer, kept across sentences; attrBuf
	// attributions' and grpBuf groups'.
	timesBuf []timeExpr
	attrBuf  []attribution
	grpBuf   []int
	// corr is correctionAt of the sentence once corrRead (correction).
	corr     int
	corrRead bool
	// memo caches numberAt during the quantity pass (nil outside it).
	memo, memoBuf []numMemo
}

// carryOf returns the last total of the sentence before in category cat
// (the last of any category when cat is ""), or nil.
func (s *sentence) carryOf(cat tracker.Category) *tracker.Claim {
	for i := len(s.carries) - 1; i >= 0; i-- {
		if cat == "" || s.carries[i].Category == cat {
			return &s.carries[i]
		}
	}
	return nil
}

// firstCarry returns the first total of the sentence before, the one it
// led with, or nil.
func (s *sentence) firstCarry() *tracker.Claim {
	if len(s.carries) == 0 {
		return nil
	}
	return &s.carries[0]
}

// word returns the lowercase text of token i, or "" out of range.
func (s *sentence) word(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].lower
}

// isWord reports whether token i is the word w (lowercase).
func (s *sentence) isWord(i int, w string) bool { return s.word(i) == w }

// glued reports whether token i touches token i-1 (no white space).
func (s *sentence) glued(i int) bool {
	return i > 0 && i < len(s.toks) && !s.toks[i].space
}

// phrase returns the n-token phrase starting at i joined by spaces, using
// the scratch buffer; the result is only valid until the next call.
func (s *sentence) phrase(i, n int) (string, bool) {
	if i < 0 || i+n > len(s.toks) {
		return "", false
	}
	s.key = s.key[:0]
	for k := i; k < i+n; k++ {
		t := &s.toks[k]
		if k > i {
			if t.kind == tPunct && t.text == "-" && !t.space {
				// "300-plus" is looked up as "300 plus" below
			}
			s.key = append(s.key, ' ')
		}
		s.key = append(s.key, t.lower...)
	}
	return string(s.key), true
}
