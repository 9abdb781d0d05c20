package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/extract"
)

// TestReextractVocabularyChange edits the vocabulary ("perished" dropped,
// "concussed" added) and re-reads a stored report with it: the version
// moves, --all picks the report up and reextract names the claims the
// change removed and added, keeping the one it did not touch.
func TestReextractVocabularyChange(t *testing.T) {
	builtin, err := os.ReadFile(filepath.Join("..", "..", "tracker", "extract", "vocabulary.txt"))
	if err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(builtin, []byte("casualty perished = killed post\n"), nil, 1)
	edited = append(edited, "\nstem concuss\ncasualty concussed = injured post\n"...)
	if len(edited) == len(builtin)+len("\nstem concuss\ncasualty concussed = injured post\n") {
		t.Fatal(`vocabulary.txt has no line "casualty perished = killed post" to drop`)
	}
	newer, err := extract.New("edited.txt", bytes.NewReader(edited))
	if err != nil {
		t.Fatal(err)
	}
	const text = "Mine flood\n\nNine miners perished when the shaft flooded on Monday, the company said. " +
		"Rescuers said 14 workers were injured, and four rescuers were concussed by falling rock.\n"
	id := tracker.ReportID(text)
	db := filepath.Join(t.TempDir(), "toll.db")
	mustToll(t, storeEnv(db, text), "add", "--source", "Wire", "--date", "2023-10-16", "-")

	e := storeEnv(db, "")
	e.extractor = newer
	out := mustToll(t, e, "reextract", "--all")
	old, cur := regexp.QuoteMeta(extract.Version()), regexp.QuoteMeta(newer.Version())
	for _, want := range []string{
		`(?m)^` + id + ` \(extractor ` + old + ` → ` + cur + `\): 1 kept, 0 changed, 1 added, 1 removed$`,
		`(?m)^  added: ` + id + `-3$`,
		`(?m)^  removed: ` + id + `-1$`,
		`(?m)^1 reports re-read with extractor ` + cur + `: 1 claims kept, 0 changed, 1 added, 1 removed; 0 reviewed claims to look at again$`,
	} {
		if !regexp.MustCompile(want).MatchString(out) {
			t.Errorf("reextract --all said:\n%s\nwant a line matching %s", out, want)
		}
	}
	if got := mustToll(t, e, "show", id+"-3"); !strings.Contains(got, "injured") || !strings.Contains(got, "rescuers") {
		t.Errorf("the added claim is not the concussed rescuers:\n%s", got)
	}
	if out := mustToll(t, e, "reextract", "--all"); !strings.HasPrefix(out, "0 reports re-read") {
		t.Errorf("second reextract --all said:\n%s", out)
	}
	// the built-in extractor sees the report as read by another version
	if got := mustToll(t, storeEnv(db, ""), "show", id[:6]); !strings.Contains(got, "extractor  "+newer.Version()+" (this toll has "+extract.Version()) {
		t.Errorf("show does not say the report was read by another extractor:\n%s", got)
	}
}
