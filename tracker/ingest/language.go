package ingest

import (
	"strings"

	"github.com/abadojack/whatlanggo"
)

// Language detection: toll's extractor reads English, so a report in
// another language gives no claims, or wrong ones, and its "0 claims"
// must not read as "no casualties". whatlanggo (trigram profiles of 84
// languages, 0.7 MB of binary) tells the language; lingua-go was
// measured too and left: it was right on the same texts but adds 132 MB
// to the binary, takes 1.2 GB of memory and half a minute to load its
// models for a short text.
const (
	// minLanguageWords is the fewest words a text needs before its
	// language is judged. On the 980 English texts of testdata/eval and
	// testdata/series, whatlanggo calls 4 one-line texts (headlines)
	// reliably Portuguese, Swedish or Spanish; on the 646 of 20 words or
	// more, none.
	minLanguageWords = 20
	// maxLanguageBytes is how much of a text is read for its language (2 KiB, some 350 words):
	// the start says it, and the cost stays bounded for long reports.
	maxLanguageBytes = 2 << 10
)

// Language returns the name in English ("French", "Ukrainian") of the
// language a text is written in when it is reliably not English: at
// least minLanguageWords words and whatlanggo's confidence above its
// reliable threshold. It returns "" for English, for a text too short to
// judge, and when whatlanggo is unsure, so that a note about the language
// is given only where it is right.
func Language(text string) string {
	text, ok := languageSample(text)
	if !ok {
		return ""
	}
	info := detectLanguage(text)
	if !info.IsReliable() || info.Lang == whatlanggo.Eng || readsEnglish(text) {
		return ""
	}
	return info.Lang.String()
}

// englishMarker reports whether a lowercased word is one other
// languages write rarely or never ("was", "had" and "per", Dutch or
// Italian words too, are left out): a text in which several of them
// make a share of the words is English, whatever the trigrams say.
// whatlanggo had called a wire story of 25 words ("MUMBAI (Reuters) - A
// week after seven bombs ripped through commuter trains, … was carrying
// its usual 6 million passengers a day") and a bulletin line of place
// names and figures French.
func englishMarker(w string) bool {
	switch w {
	case "the", "and", "of", "were", "has", "have", "said", "after", "through",
		"with", "which", "that", "its", "their", "been", "from", "at", "by", "people", "killed",
		"about", "orders":
		return true
	}
	return false
}

// readsEnglish reports whether at least three distinct englishMarkers
// make at least a tenth of text's words.
func readsEnglish(text string) bool {
	words, hits := 0, 0
	seen := map[string]bool{} // (a handful of words at most)
	for _, w := range strings.Fields(text) {
		w = strings.ToLower(strings.Trim(w, ".,;:!?()\"'’“”-–—"))
		if w == "" {
			continue
		}
		words++
		if englishMarker(w) {
			hits++
			seen[w] = true
		}
	}
	return len(seen) >= 3 && hits*10 >= words
}

// languageSample cuts text to the first maxLanguageBytes on a rune
// boundary and reports whether it holds enough words to judge.
func languageSample(text string) (string, bool) {
	if len(text) > maxLanguageBytes {
		cut := maxLanguageBytes
		for cut > 0 && !isRuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	return text, len(strings.Fields(text)) >= minLanguageWords
}

// detectLanguage runs whatlanggo's detection (detect: latin.go scores a
// text in the Latin script as whatlanggo does, faster), turning a panic
// in it into no answer: a note is not worth a batch.
func detectLanguage(text string) (info whatlanggo.Info) {
	defer func() {
		if recover() != nil {
			info = whatlanggo.Info{}
		}
	}()
	info.Lang, info.Confidence = detect(text)
	return info
}
