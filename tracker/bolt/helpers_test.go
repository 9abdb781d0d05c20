package bolt

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/extract"
)

// fixedClock returns a clock that starts at a known instant and moves one
// second a call, so that versions have distinct, reproducible times.
func fixedClock() func() time.Time {
	t := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	return func() time.Time {
		t = t.Add(time.Second)
		return t
	}
}

// mustOpen opens a fresh database in a temporary directory, without
// fsync (the tests that need durability open their own).
func mustOpen(tb testing.TB, opts Options) *DB {
	tb.Helper()
	opts.NoSync = true
	if opts.Now == nil {
		opts.Now = fixedClock()
	}
	db, err := testOpen(filepath.Join(tb.TempDir(), "toll.db"), opts)
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// mustAdd adds reports and fails the test on any error, including a
// per-report one.
func mustAdd(tb testing.TB, db *DB, rs ...NewReport) []AddResult {
	tb.Helper()
	res, err := db.Add(rs)
	if err != nil {
		tb.Fatalf("Add: %v", err)
	}
	for _, r := range res {
		if r.Err != nil {
			tb.Fatalf("Add: %v", r.Err)
		}
	}
	return res
}

var (
	places  = []string{"Khan Younis", "Rafah", "Gaza City", "Jabalia", "Deir al-Balah", "Nablus", "Jenin", "Sderot", "Ashkelon", "Beit Hanoun"}
	sources = []string{"the health ministry", "the civil defence service", "the army", "local officials", "the UN agency", "hospital staff", "the Red Crescent"}
	outlets = []string{"Levant Wire", "Harbor Daily", "Meridian Post", "Cedar Times", "Global News Agency"}
	filler  = []string{
		"Roads into the district were closed for most of the afternoon while crews cleared debris and restored power lines.",
		"Residents queued for water at the few stations still working, and shops that had stayed open ran short of bread by midday.",
		"Aid convoys waited at the crossing for a second day as officials on both sides discussed inspection procedures.",
		"Doctors described wards running on generators and said fuel for them would last only a few more days.",
		"Diplomats met late into the evening to discuss a pause in the fighting, though no agreement was announced.",
		"Families who had left their homes earlier in the week returned briefly to collect belongings before leaving again.",
		"Telephone and internet connections failed for several hours, making it hard to confirm accounts from the area.",
	}
)

// genReport writes a news-like report of about size bytes in our own
// words: a headline, a few casualty sentences with varied figures,
// qualifiers, places and sources, and filler paragraphs. It returns the
// report and how many casualty sentences it holds. The same rng state
// gives the same report.
func genReport(rng *rand.Rand, i, size int) NewReport {
	var b strings.Builder
	place := places[rng.IntN(len(places))]
	fmt.Fprintf(&b, "Report %d: strikes and shelling around %s\n\n", i, place)
	sentences := []func(){
		func() {
			fmt.Fprintf(&b, "At least %d people have been killed in %s since Saturday, %s said. ", 10+rng.IntN(5000), place, sources[rng.IntN(len(sources))])
		},
		func() {
			fmt.Fprintf(&b, "%s said %d people were wounded in the strikes. ", capitalize(sources[rng.IntN(len(sources))]), 5+rng.IntN(9000))
		},
		func() {
			fmt.Fprintf(&b, "More than %d people remain missing, according to %s. ", 2+rng.IntN(900), sources[rng.IntN(len(sources))])
		},
		func() { fmt.Fprintf(&b, "About %d people were taken hostage, the army said. ", 10+rng.IntN(300)) },
		func() {
			fmt.Fprintf(&b, "%d soldiers had been injured near the border, officials said. ", 1+rng.IntN(80))
		},
	}
	for b.Len() < size {
		if rng.IntN(3) == 0 {
			sentences[rng.IntN(len(sentences))]()
		} else {
			b.WriteString(filler[rng.IntN(len(filler))])
			b.WriteString(" ")
		}
		if rng.IntN(4) == 0 {
			b.WriteString("\n\n")
		}
	}
	return NewReport{
		Source:    outlets[rng.IntN(len(outlets))],
		Title:     fmt.Sprintf("Report %d", i),
		URL:       fmt.Sprintf("https://news.example/%d", i),
		Published: tracker.NewDate(2023, 10, 7+rng.IntN(60)),
		Text:      b.String(),
	}
}

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// seedText is a short report of our own with five claims the extractor
// reads (checked in TestAdd).
const seedText = `Rescue teams search the rubble after overnight strikes

At least 312 people have been killed in Khan Younis since Saturday, the Gaza health ministry said on Monday.

The ministry said 1,204 people were wounded in the strikes on the southern city. More than 40 people remain missing, according to the civil defence service.

Israeli officials said 27 soldiers had been injured during the fighting near the border fence.

About 150 people were taken hostage, the army said in a statement.
`

const otherText = `Shelling continues in the north

Hospital staff said 64 people were killed in Jabalia overnight, and at least 200 were wounded.
`

// testOpen is Open handed toll's own extractor unless opts names another:
// cmd/toll hands the store its extractor, and these tests play cmd.
func testOpen(path string, opts Options) (*DB, error) {
	if opts.Extract == nil {
		opts.Extract, opts.ExtractorVersion = extract.Report, extract.Version()
	}
	return Open(path, opts)
}
