package main

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/tollproject/toll/tracker"
)

// event is a story that runs for months: its places, the sources that
// give figures for it, and how fast each kind of figure grows a day.
type event struct {
	headline string   // "%s" is the place
	places   []string // where figures are given for
	sources  []string // who gives them
	start    int      // day of the year the event starts
	// rates are figures a day per place, by category; each report quotes
	// the running total (cumulative) or one day's share (period).
	killed, injured, missing, displaced, hostage, arrested int
}

// The events, outlets and filler are written for this benchmark; the
// places are real, the figures made up.
var events = []event{
	{headline: "Strikes and shelling around %s", places: []string{"Khan Younis", "Rafah", "Gaza City", "Jabalia", "Deir al-Balah", "Beit Hanoun"},
		sources: []string{"the health ministry", "the civil defence service", "the UN humanitarian office", "the Red Crescent", "hospital officials"},
		start:   1, killed: 14, injured: 37, missing: 4, displaced: 900, hostage: 0, arrested: 0},
	{headline: "Fighting spreads through %s", places: []string{"El Fasher", "Khartoum", "Omdurman", "Nyala", "El Geneina"},
		sources: []string{"the health ministry", "the doctors' union", "the UN refugee agency", "local officials", "aid workers"},
		start:   20, killed: 9, injured: 22, missing: 2, displaced: 1500, hostage: 0, arrested: 1},
	{headline: "Missile and drone attacks on %s", places: []string{"Kharkiv", "Kherson", "Odesa", "Zaporizhzhia", "Dnipro"},
		sources: []string{"the regional governor", "the emergency services", "the prosecutor's office", "the city council", "the health ministry"},
		start:   5, killed: 3, injured: 11, missing: 1, displaced: 60, hostage: 0, arrested: 0},
	{headline: "Earthquake: rescuers dig through the rubble in %s", places: []string{"Hatay", "Kahramanmaras", "Adiyaman", "Malatya", "Gaziantep"},
		sources: []string{"the disaster agency", "the health ministry", "the interior ministry", "rescue teams", "the provincial governor"},
		start:   40, killed: 110, injured: 260, missing: 30, displaced: 4000, hostage: 0, arrested: 2},
	{headline: "Floods sweep through %s", places: []string{"Derna", "Benghazi", "Al Bayda", "Sousse", "Shahat"},
		sources: []string{"the health ministry", "the Red Crescent", "the eastern administration", "the UN migration agency", "the mayor"},
		start:   90, killed: 40, injured: 35, missing: 70, displaced: 2500, hostage: 0, arrested: 0},
	{headline: "Gunmen raid villages near %s", places: []string{"Kuriga", "Gusau", "Maiduguri", "Katsina", "Zamfara"},
		sources: []string{"the police", "the state governor", "local leaders", "the army", "residents"},
		start:   60, killed: 2, injured: 3, missing: 6, displaced: 120, hostage: 5, arrested: 1},
	{headline: "Protests and arrests in %s", places: []string{"Tehran", "Mashhad", "Zahedan", "Isfahan", "Tabriz"},
		sources: []string{"rights groups", "the judiciary", "state media", "activists", "the police"},
		start:   10, killed: 1, injured: 6, missing: 0, displaced: 0, hostage: 0, arrested: 40},
}

var outlets = []string{
	"Levant Wire", "Harbor Daily", "Meridian Post", "Cedar Times", "Global News Agency", "Northern Ledger",
	"Coastal Herald", "Plainfield Courier", "Continental Report", "Riverside Bulletin", "Desert Star", "Atlas Press",
}

var filler = []string{
	"Roads into the district were closed for most of the afternoon while crews cleared debris and restored power lines.",
	"Residents queued for water at the few stations still working, and shops that had stayed open ran short of bread by midday.",
	"Aid convoys waited at the crossing for a second day as officials on both sides discussed inspection procedures.",
	"Doctors described wards running on generators and said fuel for them would last only a few more days.",
	"Diplomats met late into the evening to discuss a pause, though no agreement was announced.",
	"Families who had left their homes earlier in the week returned briefly to collect belongings before leaving again.",
	"Telephone and internet connections failed for several hours, making it hard to confirm accounts from the area.",
	"Schools that had been turned into shelters were full, and new arrivals slept in courtyards and under tarpaulins.",
	"Engineers warned that damaged bridges on the main road could not take the weight of heavy trucks.",
	"A spokesman for the relief effort said the priority was clean water, blankets and medicine for the injured.",
	"Volunteers set up kitchens in a car park on the edge of town and handed out meals until the gas ran out.",
	"Satellite images published by researchers showed whole streets flattened since the previous week.",
	"The figures could not be independently verified, and access for journalists remained restricted.",
	"Talks on a wider agreement are expected to resume next week, officials in the capital said.",
}

var weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

// gen makes reports; the same seed gives the same reports.
type gen struct {
	rng *rand.Rand
	// size is the text size to aim for, in bytes.
	size int
}

func newGen(seed uint64, size int) *gen {
	return &gen{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), size: size}
}

func (g *gen) pick(xs []string) string { return xs[g.rng.IntN(len(xs))] }

// figure is a source's running total for a rate on day d since the
// event started: sources disagree by up to a fifth, and now and then one
// gives a lower figure than the day before, as real tolls do.
func (g *gen) figure(rate, days int) int {
	if rate <= 0 {
		rate = 1
	}
	n := rate * max(days, 1)
	return max(1, n+g.rng.IntN(n/5+1)-n/10)
}

// report writes report i: a headline, then casualty sentences about one
// event mixed with filler paragraphs, about g.size bytes.
func (g *gen) report(i int) doc {
	ev := events[g.rng.IntN(len(events))]
	day := ev.start + g.rng.IntN(300)
	published := tracker.NewDate(2023, 1, 1).AddDays(day)
	days := day - ev.start + 1
	place := g.pick(ev.places)
	var b strings.Builder
	title := fmt.Sprintf(ev.headline, place)
	b.WriteString(title)
	b.WriteString("\n\n")
	for b.Len() < g.size {
		// About one sentence in four gives a figure: some eight claims
		// in a report of 3 KB.
		if g.rng.IntN(4) == 0 {
			g.sentence(&b, ev, g.pick(ev.places), days)
		} else {
			b.WriteString(g.pick(filler))
			b.WriteString(" ")
		}
		if g.rng.IntN(4) == 0 {
			b.WriteString("\n\n")
		}
	}
	return doc{
		Source:    g.pick(outlets),
		URL:       fmt.Sprintf("https://news.example/%d/%d", day, i),
		Published: published.String(),
		Title:     title,
		Text:      strings.TrimSpace(b.String()) + "\n",
	}
}

// sentence writes one casualty sentence in one of the shapes news copy
// uses: qualified totals, increments, ranges, vague words, rises from an
// earlier figure, parts of a total.
func (g *gen) sentence(b *strings.Builder, ev event, place string, days int) {
	src := g.pick(ev.sources)
	Src := strings.ToUpper(src[:1]) + src[1:]
	since := weekdays[g.rng.IntN(len(weekdays))]
	shape := g.rng.IntN(14)
	// a story with no figures of a kind (no hostages in a flood) gets
	// the plain death toll instead
	if shape == 10 && ev.arrested == 0 || shape == 11 && ev.hostage == 0 || shape == 3 && ev.displaced == 0 {
		shape = 0
	}
	switch shape {
	case 0:
		fmt.Fprintf(b, "At least %s people have been killed in %s since %s, %s said. ", num(g.figure(ev.killed, days)), place, since, src)
	case 1:
		fmt.Fprintf(b, "%s said %s people were wounded in %s. ", Src, num(g.figure(ev.injured, days)), place)
	case 2:
		fmt.Fprintf(b, "More than %s people remain missing in %s, according to %s. ", num(g.figure(ev.missing, days)), place, src)
	case 3:
		fmt.Fprintf(b, "About %s people have been displaced from %s, %s said. ", num(g.figure(ev.displaced, days)), place, src)
	case 4:
		n := g.figure(ev.killed, days)
		fmt.Fprintf(b, "The death toll in %s rose to %s from %s, %s said. ", place, num(n), num(max(1, n*9/10)), src)
	case 5:
		fmt.Fprintf(b, "In the past 24 hours, %s people were killed in %s, according to %s. ", num(max(1, g.figure(ev.killed, 1))), place, src)
	case 6:
		n := g.figure(ev.killed, days)
		fmt.Fprintf(b, "Of those killed in %s, %s were children, %s said. ", place, num(max(1, n*3/10)), src)
	case 7:
		lo := g.figure(ev.killed, days)
		fmt.Fprintf(b, "Between %s and %s people were killed in %s, %s estimated. ", num(lo), num(lo+lo/3+1), place, src)
	case 8:
		fmt.Fprintf(b, "Hundreds of people were injured in %s on %s, %s said. ", place, since, src)
	case 9:
		fmt.Fprintf(b, "Nearly %s people have been injured in %s since the start, %s said. ", num(g.figure(ev.injured, days)+10), place, src)
	case 10:
		fmt.Fprintf(b, "%s said %s people had been arrested in %s. ", Src, num(g.figure(ev.arrested, days)), place)
	case 11:
		fmt.Fprintf(b, "%s people are being held hostage in %s, %s said. ", capNum(g.figure(ev.hostage, days)), place, src)
	case 12:
		fmt.Fprintf(b, "%s said another %s people had died in %s overnight. ", Src, num(1+g.rng.IntN(max(2, ev.killed))), place)
	default:
		fmt.Fprintf(b, "Up to %s women are among the dead in %s, %s said. ", num(max(1, g.figure(ev.killed, days)/4)), place, src)
	}
}

// num writes n the way news copy does: digits with thousands commas.
func num(n int) string {
	s := fmt.Sprint(n)
	var out []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}

// capNum is num for the start of a sentence, where style guides spell
// small numbers out; toll reads both.
func capNum(n int) string {
	words := []string{"", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"}
	if n < len(words) {
		return words[n]
	}
	return num(n)
}

// doc is one line of the JSONL files toll add reads.
type doc struct {
	Source    string `json:"source"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Title     string `json:"title"`
	Text      string `json:"text"`
}
