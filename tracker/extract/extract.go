package extract

import (
	"crypto/sha256"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/tollproject/toll/tracker"
)

// rulesVersion names the extractor's code: bump it whenever a change to
// the passes can change what is extracted. A change to vocabulary.txt
// needs no bump: its hash is part of Version.
const rulesVersion = "171"

// Version names the built-in extractor (Default().Version()). It hashes
// the embedded vocabulary.txt without parsing it, so that a command that
// only names the extractor (toll --version, the store's record of what
// read each report) does not build it.
func Version() string { return defaultVersion() }

var defaultVersion = sync.OnceValue(func() string {
	h := sha256.New()
	h.Write(vocabularyFile)
	return rulesVersion + "." + vocabularyHash(h)
})

// Extractor reads text with one vocabulary. It holds immutable tables
// and a cache of gazetteer answers safe for concurrent use (placeCache),
// so one Extractor serves any number of goroutines, and the reports it
// reads share the answers.
type Extractor struct {
	v      *vocabulary
	places *placeCache
}

// Default returns the extractor with the built-in vocabulary, the
// vocabulary.txt file embedded in the binary. It is parsed once, on first
// use.
func Default() *Extractor { return defaultExtractor() }

var defaultExtractor = sync.OnceValue(func() *Extractor { return &Extractor{v: defaultVocabulary(), places: newPlaceCache()} })

// New returns an extractor with the vocabulary read from r instead of the
// built-in one, in the format of vocabulary.txt; name names the file in
// errors ("words.txt:12: unknown directive \"foo\""). It is how a change to
// the vocabulary is tried before it is built in.
func New(name string, r io.Reader) (*Extractor, error) {
	v, err := parseVocabulary(name, r)
	if err != nil {
		return nil, err
	}
	return &Extractor{v: v, places: newPlaceCache()}, nil
}

// Version names the extractor: its rules and a short hash of its
// vocabulary file ("2.1f3a9c0e"), so that a change to either changes it,
// and stored reports read by an older extractor can be found and re-read
// (toll reextract).
func (x *Extractor) Version() string {
	return rulesVersion + "." + x.v.hash
}

// Options are the extractor's inputs besides the text.
type Options struct {
	// Date is the report's date. It dates every claim (Claim.AsOf) and
	// resolves relative dates ("since Saturday"); when zero, relative
	// dates are kept as written.
	Date tracker.Date
	// Title is the report's headline when it is stored apart from the
	// text (tracker.WithHeadline put it first in the text). When empty, a
	// first line that reads as a headline is taken as one.
	Title string
}

// Extract returns every casualty claim in text, in text order. It fails
// only for text that cannot be a report (see tracker.CheckText) and for
// one that yields more than tracker.MaxClaims claims
// (tracker.ErrTooManyClaims), where it stops reading at the cap; strange
// text gives fewer claims and some diagnostics, never an error.
//
// Extract uses the built-in vocabulary (Default).
func Extract(text string, opts Options) (tracker.Extraction, error) {
	return Default().Extract(text, opts)
}

// Extract returns every casualty claim in text, as the package's Extract
// does, read with x's vocabulary.
func (x *Extractor) Extract(text string, opts Options) (res tracker.Extraction, err error) {
	if err := tracker.CheckText(text); err != nil {
		return tracker.Extraction{}, err
	}
	// A bug in a clause rule must cost the user one report, not the
	// whole batch: it comes back as ErrInternal (the fuzz test fails on it).
	defer func() {
		if r := recover(); r != nil {
			res, err = tracker.Extraction{}, fmt.Errorf("%w: extractor failed: %v", tracker.ErrInternal, r)
		}
	}()
	res = extract(x.v, text, opts)
	if len(res.Claims) <= tracker.MaxClaims {
		applyContext(x.v, x.places, text, opts.Title, opts.Date, res.Claims)
	}
	if len(res.Claims) > tracker.MaxClaims {
		return tracker.Extraction{}, fmt.Errorf("%w: more than %d in one text; a text that dense is a list, not a report (split it)", tracker.ErrTooManyClaims, tracker.MaxClaims)
	}
	return res, nil
}

// Report reads a stored or incoming report with the built-in vocabulary:
// its text, dated by its publication date. It is a tracker.ExtractFunc.
func Report(r tracker.Report) (tracker.Extraction, error) {
	return Default().Report(r)
}

// Report is the package's Report read with x's vocabulary; x.Report is a
// tracker.ExtractFunc.
func (x *Extractor) Report(r tracker.Report) (tracker.Extraction, error) {
	return x.Extract(r.Text, Options{Date: r.Published, Title: r.Title})
}

// extract runs the extractor over a whole text, stopping once it holds
// more than tracker.MaxClaims claims.
func extract(v *vocabulary, text string, opts Options) tracker.Extraction {
	var res tracker.Extraction
	// (capacities from news copy: a sentence to about 130 bytes, a
	// claim to every fourth sentence; they only save regrowing)
	sents := v.splitSentences(text, make([]span, 0, len(text)/128+1))
	// The prefilter runs over every sentence first, so that the claims
	// get room for about what they will need: a claim is 400 bytes, and
	// growing the slice from a guess (a quarter of the sentences) had
	// been a third of the bytes an Extract allocates on dense copy. The
	// texts under testdata give 1.46 claims a sentence that passes (the
	// bench texts 1.27 dense, 1.14 ordinary), and 89% of them fit in
	// pass*3/2+1; the rest grow the slice as before. (A sentence that
	// fails can still give a claim after a total: the carries below.)
	may := make([]bool, len(sents))
	pass := 0
	for i, sp := range sents {
		if v.mayHoldClaim(text[sp.start:sp.end]) {
			may[i] = true
			pass++
		}
	}
	if pass > 0 {
		res.Claims = make([]tracker.Claim, 0, pass+pass/2+1)
	}
	toks := make([]token, 0, 64)
	var lowb []byte // lowercasing scratch
	lx := new(lexer)
	s := &sentence{v: v, text: text, date: opts.Date}
	for si, sp := range sents {
		// the totals of the sentence before head the parts this one
		// opens with; only the next sentence reads them
		s.carries, s.heads = s.heads, s.carries[:0]
		s.listBefore, s.listNext = s.listNext, false
		s.usedCarry = false
		if !may[si] && !(len(s.carries) > 0 && v.mayHoldNumber(text[sp.start:sp.end])) {
			// "Deaths by province:" heads the list below it
			if h, ok := v.listHeader(text[sp.start:sp.end], opts.Date); ok {
				s.heads = append(s.heads, h)
			}
			continue
		}
		// A "sentence" longer than any real one (a table or a list with
		// no periods) is lexed a chunk at a time and read in windows,
		// which keeps the tokens in memory and the clause rules' cost
		// bounded whatever the input.
		for c := sp.start; c < sp.end; {
			ce := chunkEnd(text, c, sp.end)
			toks, lowb = lx.lex(text, c, ce, toks[:0], lowb)
			c = ce
			for a := 0; a < len(toks); a += maxSentenceTokens {
				b := min(a+maxSentenceTokens, len(toks))
				w := toks[a:b]
				sp := span{w[0].start, w[len(w)-1].end}
				if a == 0 {
					// a live blog's entry opens with its clock time ("16:40
					// - In the Ahrweiler district alone, police count 50
					// dead"): the rules read the sentence after it, as
					// one opening with "In …"; the sentence kept is whole
					w = w[clockStamp(text, w):]
				}
				s.reset(sp, w)
				res.Claims = s.claims(res.Claims)
				slices.SortStableFunc(s.diags, func(a, b tracker.Diagnostic) int { return a.Start - b.Start })
				res.Diagnostics = append(res.Diagnostics, s.diags...)
				if len(s.heads) == 0 && s.usedCarry {
					// a list goes on ("• Egypt 672" after "• Iran 464"):
					// its total heads the next item too
					s.heads = append(s.heads, s.carries...)
					s.listNext = true
				}
				if len(res.Claims) > tracker.MaxClaims {
					// Stop here: memory and time stay bounded by the
					// cap, not by the text; Extract refuses the text.
					return res
				}
			}
		}
	}
	if len(res.Claims) == 0 {
		res.Claims = nil // as before the capacity was given: no claims is nil
	}
	return res
}

// maxChunkBytes bounds the bytes of one sentence lexed at once. No real
// sentence comes near it; a longer one is cut at white space (else at a
// character boundary), so no token but one longer than this is split.
const maxChunkBytes = 32 << 10

// chunkEnd is where the chunk of a sentence that starts at a and ends at
// end stops: end when the rest fits, else the last white space in the
// second half of the chunk, else a character boundary.
func chunkEnd(text string, a, end int) int {
	if end-a <= maxChunkBytes {
		return end
	}
	lim := a + maxChunkBytes
	if k := strings.LastIndexAny(text[a+maxChunkBytes/2:lim], " \n\t"); k >= 0 {
		return a + maxChunkBytes/2 + k + 1
	}
	for lim > a+1 && !utf8.RuneStart(text[lim]) {
		lim--
	}
	return lim
}

// maxSentenceTokens bounds the tokens read as one sentence. News
// sentences run to 60 tokens, rarely 120.
const maxSentenceTokens = 160

// clockStamp returns how many tokens of toks open with a live blog's
// clock time and its dash ("16:40 -", "09.45 —"), 0 when they do not or
// when nothing follows it.
func clockStamp(text string, toks []token) int {
	if len(toks) >= 3 && toks[0].kind == tNum && toks[1].kind == tPunct {
		// "09.45" lexes as one number
		if n := text[toks[0].start:toks[0].end]; len(n) >= 4 && len(n) <= 5 && n[len(n)-3] == '.' && n[0] >= '0' && n[0] <= '2' && n[len(n)-2] <= '5' {
			switch text[toks[1].start:toks[1].end] {
			case "-", "–", "—":
				return 2
			}
		}
	}
	if len(toks) < 5 || toks[0].kind != tNum || toks[1].kind != tPunct || toks[2].kind != tNum || toks[3].kind != tPunct {
		return 0
	}
	if sep := text[toks[1].start:toks[1].end]; sep != ":" && sep != "." {
		return 0
	}
	h, m := text[toks[0].start:toks[0].end], text[toks[2].start:toks[2].end]
	if len(h) > 2 || len(m) != 2 || h > "23" && len(h) == 2 || m > "59" {
		return 0
	}
	switch text[toks[3].start:toks[3].end] {
	case "-", "–", "—", ":":
		return 4
	}
	return 0
}
