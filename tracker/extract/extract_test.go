package extract

import (
	"github.com/tollproject/toll/tracker"

	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// want is a compact expectation: "killed [1100,∞) at_least people".
type want struct {
	desc  string // category interval qualifier who
	where string
	span  string // text[start:end], checked when not empty
}

func describeClaim(c tracker.Claim) string {
	d := fmt.Sprintf("%s %s %s %s", c.Category, c.Interval, c.Qualifier, c.Who)
	if c.Prior {
		d += " prior"
	}
	return d
}

func mustExtract(tb testing.TB, text, date string) []tracker.Claim {
	tb.Helper()
	res, err := Extract(text, Options{Date: tracker.MustDate(date)})
	if err != nil {
		tb.Fatalf("Extract: %v", err)
	}
	for _, c := range res.Claims {
		if c.Start < 0 || c.End > len(text) || text[c.Start:c.End] != c.Span {
			tb.Fatalf("span %d..%d %q does not match the text", c.Start, c.End, c.Span)
		}
	}
	return res.Claims
}

func TestExtractRules(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"at least binds its own number", "At least 13 people were killed and 19 wounded in Rafah.",
			[]want{{desc: "killed [13, ∞) at_least people", where: "Rafah"}, {desc: "injured [19, 19] exact people", where: "Rafah"}}},
		{"more than", "More than 700 Israelis have been killed.", []want{{desc: "killed [701, ∞) more_than israelis"}}},
		{"approx", "About 150 people were taken hostage.", []want{{desc: "hostage [135, 165] approx people"}}},
		{"nearly", "Nearly 1,000 women have been killed.", []want{{desc: "killed [900, 999] nearly women"}}},
		{"up to", "Up to 300 people were wounded.", []want{{desc: "injured [0, 300] at_most people"}}},
		{"fewer than", "Fewer than 50 people were arrested.", []want{{desc: "arrested [0, 49] less_than people"}}},
		{"range between", "Between 10 and 50 people died.", []want{{desc: "killed [10, 50] range people"}}},
		{"range dash", "Officials said 100–300 people were killed.", []want{{desc: "killed [100, 300] range people"}}},
		{"range to", "Some 100 to 300 people were killed.", []want{{desc: "killed [100, 300] range people"}}},
		{"or more", "Police said 300 or more people were detained.", []want{{desc: "arrested [300, ∞) at_least people"}}},
		{"plus", "The 300-plus hostages are held in Gaza.", []want{{desc: "hostage [300, ∞) at_least people", where: "Gaza"}}},
		{"plus count", "Hamas is holding 300-plus hostages.", []want{{desc: "hostage [300, ∞) at_least people"}}},
		{"vague hundreds", "Gunmen took hundreds of people hostage.", []want{{desc: "hostage [100, ∞) vague people"}}},
		{"vague dozens", "Dozens of Palestinians were wounded.", []want{{desc: "injured [12, ∞) vague palestinians"}}},
		{"tens of thousands", "Tens of thousands of people have fled their homes.", []want{{desc: "displaced [10000, ∞) vague people"}}},
		{"a dozen is exact", "A dozen soldiers were wounded.", []want{{desc: "injured [12, 12] exact soldiers"}}},
		{"three dozen", "Three dozen people were arrested.", []want{{desc: "arrested [36, 36] exact people"}}},
		{"number words", "Sixty-three journalists have been killed.", []want{{desc: "killed [63, 63] exact journalists"}}},
		{"a hundred and two", "A hundred and two aid workers have lost their lives.", []want{{desc: "killed [102, 102] exact aid workers"}}},
		{"half a million", "Half a million people have been displaced.", []want{{desc: "displaced [500000, 500000] exact people"}}},
		{"decimal scale", "An estimated 1.4 million people have been displaced.", []want{{desc: "displaced [1260000, 1540000] approx people"}}},
		{"space thousands", "Some 625 000 people are homeless.", []want{{desc: "displaced [562500, 687500] approx people"}}},
		{"breakdown", "An airstrike killed 12 people, including five children.",
			[]want{{desc: "killed [12, 12] exact people"}, {desc: "killed [5, 5] exact children"}}},
		{"rising toll with prior", "The death toll rose to 2,329 from 1,900.",
			[]want{{desc: "killed [2329, 2329] exact people"}, {desc: "killed [1900, 1900] exact people prior"}}},
		{"rose from to", "The number of martyrs rose from 1,900 to 2,329, including 724 children.",
			[]want{{desc: "killed [2329, 2329] exact people"}, {desc: "killed [1900, 1900] exact people prior"}, {desc: "killed [724, 724] exact children"}}},
		{"of the n killed", "Of the 1,200 killed, 800 were civilians.",
			[]want{{desc: "killed [1200, 1200] exact people"}, {desc: "killed [800, 800] exact civilians"}}},
		{"subject place", "The floods in Libya have left 4,000 dead and 10,000 missing.",
			[]want{{desc: "killed [4000, 4000] exact people", where: "Libya"}, {desc: "missing [10000, 10000] exact people", where: "Libya"}}},
		{"among those killed", "The ministry said 1,524 children and 1,000 women were among those killed in Gaza.",
			[]want{{desc: "killed [1524, 1524] exact children", where: "Gaza"}, {desc: "killed [1000, 1000] exact women", where: "Gaza"}}},
		{"place inside the phrase", "UNRWA says 1.4 million people in Gaza are now internally displaced.",
			[]want{{desc: "displaced [1400000, 1400000] exact people", where: "Gaza"}}},
		{"restatement", "An official said a few dozen people died at the hospital, probably between 10 and 50.",
			[]want{{desc: "killed [24, ∞) vague people"}, {desc: "killed [10, 50] range people"}}},
		{"ambiguous separator", "Death toll since Oct 7 crosses 15, 200, says ministry", nil},
		{"casualties nearer than the toll", "The ministry updated the death toll, saying the casualties swelled to 15,207.", nil},
		{"earlier figures", "Police raised the toll to 12 dead and four wounded, after earlier reporting 11 dead and six wounded.",
			[]want{{desc: "killed [12, 12] exact people"}, {desc: "injured [4, 4] exact people"}, {desc: "killed [11, 11] exact people prior"}, {desc: "injured [6, 6] exact people prior"}}},
		{"of the two killed, one was", "Of the two killed, one was an adult man.", []want{{desc: "killed [2, 2] exact people"}}},
		{"increment", "Another 12 people were killed overnight.", []want{{desc: "killed [12, 12] exact people"}}},
		{"bulletin labels", "Situation report: deaths 412; injured 1,090; missing 37.",
			[]want{{desc: "killed [412, 412] exact people", span: "deaths 412"}, {desc: "injured [1090, 1090] exact people"}, {desc: "missing [37, 37] exact people", span: "missing 37"}}},
		{"toll label", "Cyclone toll 87, officials say", []want{{desc: "killed [87, 87] exact people", span: "toll 87"}}},
		{"a title is no toll label", "Toll 2, the sequel, opens in cinemas on Friday.", nil},
		{"partitive whole is a figure", "Police said 14 of the 30 dead were children.",
			[]want{{desc: "killed [14, 14] exact children"}, {desc: "killed [30, 30] exact people"}}},
		{"partitive of those on board", "Rescuers said 88 of the 90 people on board had died.", []want{{desc: "killed [88, 88] exact people"}}},
		{"partitive coordinated group", "The school said 9 of its pupils and teachers had died.", []want{{desc: "killed [9, 9] exact people"}}},
		{"subject names its category", "The dead included 40 men, while the injured included 75 women.",
			[]want{{desc: "killed [40, 40] exact men"}, {desc: "injured [75, 75] exact women"}}},
		{"a long lead-in that names the category", "Deaths by nationality reported by governments: Jordan 99, Tunisia 49.",
			[]want{{desc: "killed [99, 99] exact people", where: "Jordan"}, {desc: "killed [49, 49] exact people", where: "Tunisia"}}},
		{"a lead-in after a body's colon, an aside in an item", "Red Cross update: flood deaths by county — Nairobi 32, Nakuru 61 (including Mai Mahiu), Machakos 14.",
			[]want{{desc: "killed [32, 32] exact people", where: "Nairobi"}, {desc: "killed [61, 61] exact people", where: "Nakuru"}, {desc: "killed [14, 14] exact people", where: "Machakos"}}},
		{"a long lead-in that names no category", "Fighting raged on Sunday in three provinces: Kunar 12, Nangarhar 9.", nil},
		{"ranking with followed by", "Sindh recorded the most deaths at 40, followed by Punjab with 31 and Balochistan with 12.",
			[]want{{desc: "killed [40, 40] exact people"}, {desc: "killed [31, 31] exact people", where: "Punjab"}, {desc: "killed [12, 12] exact people", where: "Balochistan"}}},
		{"items from a place", "The storm killed 90 people. Of the dead, 60 were from Sylhet and 30 from Sunamganj.",
			[]want{{desc: "killed [90, 90] exact people"}, {desc: "killed [60, 60] exact people", where: "Sylhet"}, {desc: "killed [30, 30] exact people", where: "Sunamganj"}}},
		{"colon list past a count of things", "At least 70 deaths were recorded in four provinces: Kandahar 30, Helmand 25, Zabul 15.",
			[]want{{desc: "killed [70, ∞) at_least people"}, {desc: "killed [30, 30] exact people", where: "Kandahar"}, {desc: "killed [25, 25] exact people", where: "Helmand"}, {desc: "killed [15, 15] exact people", where: "Zabul"}}},
		{"elided verb with its place", "Forty people died in Tarn district, where the dam burst, and 12 in nearby Gorkha.",
			[]want{{desc: "killed [40, 40] exact people", where: "Tarn district"}, {desc: "killed [12, 12] exact people", where: "Gorkha"}}},
		{"toll across places", "The toll across three districts rose to 58.", []want{{desc: "killed [58, 58] exact people"}}},
		{"part before a qualified total", "Four women were among at least 20 people killed.",
			[]want{{desc: "killed [4, 4] exact women"}, {desc: "killed [20, ∞) at_least people"}}},
		{"a relative clause ends the toll noun", "Police made 30 arrests at the stadium, where a crowd of 60,000 had gathered.",
			[]want{{desc: "arrested [30, 30] exact people"}}},
		{"escaped captives", "Twenty of the kidnapped students escaped on Friday.", nil},
		{"dash breakdown", "Officials said 52 people — 30 men and 22 women — were killed.",
			[]want{{desc: "killed [52, 52] exact people"}, {desc: "killed [30, 30] exact men"}, {desc: "killed [22, 22] exact women"}}},
		{"list in brackets", "The dead are from Kano (12), Kaduna (7) and Zaria (3).",
			[]want{{desc: "killed [12, 12] exact people", where: "Kano"}, {desc: "killed [7, 7] exact people", where: "Kaduna"}, {desc: "killed [3, 3] exact people", where: "Zaria"}}},
		{"severity part", "The blast left 45 people wounded, 6 critically.",
			[]want{{desc: "injured [45, 45] exact people"}, {desc: "injured [6, 6] exact people", span: "6 critically"}}},
		{"a figure in the of phrase of another", "Seven members of one family were killed.", []want{{desc: "killed [7, 7] exact members"}}},
		{"list of people unaccounted for", "The list of people unaccounted for has fallen to 12.", []want{{desc: "missing [12, 12] exact people"}}},
		{"group with its own phrase", "Eleven pupils of a primary school in Kebbi were abducted.", []want{{desc: "hostage [11, 11] exact students", where: "Kebbi"}}},
		{"an outbreak's patients", "Cholera has spread to 11 states, and 300 patients were admitted to hospitals on Sunday.", nil},
		{"hospitalised after a blast", "In some cases, 40 people were hospitalised after the blast.", []want{{desc: "injured [40, 40] exact people"}}},
		{"a toll in its own relative clause", "Officials warned the toll, which stood at 11 on Friday morning, was likely to rise.",
			[]want{{desc: "killed [11, 11] exact people"}}},
		{"speculation", "Officials warned the toll could rise to 1,000.", nil},
		{"feared", "As many as 100 people are feared dead.", nil},
		{"casualties", "More than 3,000 casualties were reported.", nil},
		{"lumped", "Twelve people were killed or wounded.", nil},
		{"non-counts", "The council met for about 90 minutes and the 15-nation body heard thousands of rockets had been fired.", nil},
		{"officers at prayers", "Between 300 and 400 officers usually attended prayers.", nil},
		{"age", "A 12-year-old boy was among those wounded.", nil},
		{"released hostages", "Thirteen Israeli hostages were released on Friday.", nil},
		{"headline toll", "Gaza death toll tops 10,000, health ministry says", []want{{desc: "killed [10001, ∞) more_than people", where: "Gaza"}}},
		{"hostages a verb kills are dead", "The militants killed 21 hostages before troops stormed the train.", []want{{desc: "killed [21, 21] exact hostages"}}},
		{"hostages a verb after them kills are dead", "The army said 21 hostages were killed.", []want{{desc: "killed [21, 21] exact hostages"}}},
		{"hostages coordinated with the dead are dead", "The agency said 34 hostages and 14 militants had died in the assault.",
			[]want{{desc: "killed [34, 34] exact hostages"}, {desc: "killed [14, 14] exact militants"}}},
		{"hostages past a count of nationalities", "Sellal says 37 hostages of eight nationalities were killed.", []want{{desc: "killed [37, 37] exact hostages"}}},
		{"the abducted are not whoever else was killed", "25 schoolgirls had been abducted from their dormitory and a teacher was killed.", []want{{desc: "hostage [25, 25] exact children"}}},
		{"the number of hostages who died", "The health department says the number of hostages who died has risen to 118.", []want{{desc: "killed [118, 118] exact hostages"}}},
		{"the number of hostages killed", "The number of hostages killed has risen to 118.", []want{{desc: "killed [118, 118] exact hostages"}}},
		{"the number of hostages still held", "The number of hostages still held has fallen to 94.", []want{{desc: "hostage [94, 94] exact people"}}},
		{"people an armed group holds are hostages", "The gunmen holding the theatre still held more than 750 people, officials said.", []want{{desc: "hostage [751, ∞) more_than people"}}},
		{"people the police hold are no hostages", "Police held 12 suspects overnight.", nil},
		{"a meeting held is nothing", "The council held a meeting on Monday with 40 delegates.", nil},
		{"the seizers are no hostages", "Security forces killed all 33 militants who had seized the train.", []want{{desc: "killed [33, 33] exact militants"}}},
		{"hostages freed in a headline are no hostages held", "Army Frees 155 Hostages From Hijacked Train", nil},
		{"a storm's name is no place", "Storm Boris death toll rises to 15", []want{{desc: "killed [15, 15] exact people"}}},
		{"army personnel are soldiers", "Twenty-three army personnel were missing after the flood.",
			[]want{{desc: "missing [23, 23] exact soldiers"}}},
		{"security personnel stay personnel", "Six security personnel were wounded.",
			[]want{{desc: "injured [6, 6] exact personnel"}}},
		{"a venue named with its own site noun is that name", "The number of people killed in the attack on the Crocus City Hall concert venue rose to 93.",
			[]want{{desc: "killed [93, 93] exact people", where: "Crocus City Hall"}}},
		{"a site noun after a plain name stays", "At least 260 people were killed at the Nova music festival.",
			[]want{{desc: "killed [260, ∞) at_least people", where: "Nova music festival"}}},
		{"a stretch of a country's coast is the country", "At least 27 people were killed when the hurricane hit Mexico's Pacific coast.",
			[]want{{desc: "killed [27, ∞) at_least people", where: "Mexico"}}},
		{"a capitalised coast is the possessor's too", "Five people died on Florida's Gulf Coast.",
			[]want{{desc: "killed [5, 5] exact people", where: "Florida"}}},
		{"a possessor's storm toll", "North Carolina's Helene toll rises to 101", []want{{desc: "killed [101, 101] exact people", where: "North Carolina"}}},
		{"a province opening its sentence as subject", "Sindh province has been worst hit with 347 deaths, followed by Khyber Pakhtunkhwa with 226.",
			[]want{{desc: "killed [347, 347] exact people", where: "Sindh province"}, {desc: "killed [226, 226] exact people", where: "Khyber Pakhtunkhwa"}}},
		{"a subject place gives way to a nearer one after a comma", "Cao Bang has 29 deaths and 23 missing, and landslides in Yen Bai have killed 37 people, with three missing.",
			[]want{{desc: "killed [29, 29] exact people", where: "Cao Bang"}, {desc: "missing [23, 23] exact people", where: "Cao Bang"}, {desc: "killed [37, 37] exact people", where: "Yen Bai"}, {desc: "missing [3, 3] exact people", where: "Yen Bai"}}},
		{"a source opening its sentence is no place", "Israel has said 1,200 people were killed.",
			[]want{{desc: "killed [1200, 1200] exact people", where: ""}}},
		{"another country's item counts its own people", "Indonesia's religious affairs ministry said 136 Indonesians had died, Tunisia counted 35 and Iran 11.",
			[]want{{desc: "killed [136, 136] exact indonesians"}, {desc: "killed [35, 35] exact people", where: "Tunisia"}, {desc: "killed [11, 11] exact people", where: "Iran"}}},
		{"of whom counts the group before", "Nineteen health workers have been infected, seven of whom have died.",
			[]want{{desc: "killed [7, 7] exact medics"}}},
		{"a possessor before an outbreak is the place", "At least 200 people died in Japan's Noto earthquake.",
			[]want{{desc: "killed [200, ∞) at_least people", where: "Japan"}}},
		{"a disease after a possessor is no place", "The number of people who have died in Uganda's Ebola outbreak has risen to 29.",
			[]want{{desc: "killed [29, 29] exact people", where: "Uganda"}}},
		{"a known place opens a title-case run before a toll", "Kenya Starvation Cult Toll Climbs To 89, Including Children",
			[]want{{desc: "killed [89, 89] exact people", where: "Kenya"}}},
		{"an unknown run before a toll stays whole", "Shakahola Forest Death Toll Rises To 47",
			[]want{{desc: "killed [47, 47] exact people", where: "Shakahola Forest"}}},
		{"a county opening its sentence", "Buncombe County's death toll rose to 30.", []want{{desc: "killed [30, 30] exact people", where: "Buncombe County"}}},
		{"hostage count headline", "Israel raises hostage count to 203", []want{{desc: "hostage [203, 203] exact people"}}},
		{"coordination", "More than 700 Israelis and at least 415 Palestinians have been killed.",
			[]want{{desc: "killed [701, ∞) more_than israelis"}, {desc: "killed [415, ∞) at_least palestinians"}}},
		{"partitive", "Four of its medics have been killed.", []want{{desc: "killed [4, 4] exact medics"}}},
		{"years are not counts", "In 2014, 2,251 Palestinians were killed.", []want{{desc: "killed [2251, 2251] exact palestinians"}}},
		{"dates are not counts", "On October 7, 1,200 people were killed.", []want{{desc: "killed [1200, 1200] exact people"}}},
		{"percent", "About 70 percent of those killed were women and children.", nil},
		{"money", "The ministry said $5 million was needed for 12 hospitals.", nil},
		{"resolution", "Resolution 2712 was adopted with 12 votes in favour.", nil},
		{"noun deaths", "Ukraine has recorded 9,083 civilian deaths.", []want{{desc: "killed [9083, 9083] exact civilians"}}},
		{"bodies", "Rescuers recovered 40 bodies from the rubble.", []want{{desc: "killed [40, 40] exact people"}}},
		{"missing", "Some 6,500 people are reported missing in Gaza.", []want{{desc: "missing [5850, 7150] approx people", where: "Gaza"}}},
		{"place after prep", "At least 415 Palestinians have been killed in Israeli airstrikes on Gaza.",
			[]want{{desc: "killed [415, ∞) at_least palestinians", where: "Gaza"}}},
		{"a title-case headline's verbs end its place", "Chido's Toll In Mozambique Rises To 94",
			[]want{{desc: "killed [94, 94] exact people", where: "Mozambique"}}},
		{"a title-case headline's possessive place", "Jeju Air Crash Kills 179 In Korea's Deadliest Air Disaster On Home Soil",
			[]want{{desc: "killed [179, 179] exact people", where: "Korea"}}},
		{"a title-case headline's source is no place before its toll", "Macron Tours Wrecked Mayotte As Official Toll Climbs To 31",
			[]want{{desc: "killed [31, 31] exact people"}}},
		{"a Portuguese name's link word", "Floods have killed 78 people in Rio Grande do Sul.",
			[]want{{desc: "killed [78, 78] exact people", where: "Rio Grande do Sul"}}},
		{"a state of a people with no demonym", "Rain left 21 people missing in the southern Brazilian state of Rio Grande do Sul.",
			[]want{{desc: "missing [21, 21] exact people", where: "Rio Grande do Sul"}}},
		{"a title-case clause before 'for' and a number is no place's part", "Taiwan Quake Toll Reaches 13; Search Continues For Six",
			[]want{{desc: "killed [13, 13] exact people", where: "Taiwan"}}},
		{"things before a verb with its own figure are no victims", "The coordinated attacks on three churches and three hotels killed 269 people.",
			[]want{{desc: "killed [269, 269] exact people"}}},
		{"bodies a search is for are the missing", "The search goes on for the bodies of 141 others, all reported missing by their families.",
			[]want{{desc: "missing [141, 141] exact people"}}},
		{"remains still sought are the missing", "Firefighters are still searching for the remains of 11 people.",
			[]want{{desc: "missing [11, 11] exact people"}}},
		{"a lowercase designator's possessive before a toll", "The centre revised River Nile state's death toll down to 94 from 99.",
			[]want{{desc: "killed [94, 94] exact people", where: "River Nile state"}, {desc: "killed [99, 99] exact people prior", where: "River Nile state"}}},
		{"the craft a group was aboard stands between it and its verb", "The 12 people aboard the helicopter were killed.",
			[]want{{desc: "killed [12, 12] exact people"}}},
		{"all but some of a number is left to the reader", "All but one of the 242 people aboard the flight were killed.", nil},
		{"a group before a label's participle names who", "At a glance: Passengers on board: 440. Militants killed: 33.",
			[]want{{desc: "killed [33, 33] exact militants"}}},
		{"the held before a label's participle", "Hostages freed: 354. Hostages killed: 21.",
			[]want{{desc: "killed [21, 21] exact hostages"}}},
		{"a spaced slash between a bulletin's items", "Cholera: Cases 5,400 / Deaths 196 / Recovered 4,870.",
			[]want{{desc: "killed [196, 196] exact people"}}},
		{"the fraction of an amount is no count", "Police said 12 suspects were detained, and shabu worth P6.8 million was seized.",
			[]want{{desc: "arrested [12, 12] exact people"}}},
		{"a coordinated group with a participle of its own is no more dead", "The INGD reports 16 deaths and 400,000 people affected.",
			[]want{{desc: "killed [16, 16] exact people"}}},
		{"more than a year before is a gap, no count", "The mission recorded 5,601 people killed in 2024, over 1,000 more killings than in 2023.",
			[]want{{desc: "killed [5601, 5601] exact people"}}},
		{"more than the day before is the day's new dead", "The authority said 152 people had died, 13 more deaths than in its previous update.",
			[]want{{desc: "killed [152, 152] exact people"}, {desc: "killed [13, 13] exact people"}}},
		{"people who went home are no longer displaced", "The county said 3,000 residents who had fled floods had returned home.", nil},
		{"the dead and the missing together are neither", "The agency recorded 2,452 deaths and disappearances on the Mediterranean in 2024.", nil},
		{"bodies recovered are the dead", "Rescuers recovered the bodies of 12 people on Friday.",
			[]want{{desc: "killed [12, 12] exact people"}}},
		{"a title-case clause before a number is no place's part", "Sri Lanka Bombings Toll Jumps To 290; Police Hold 24",
			[]want{{desc: "killed [290, 290] exact people", where: "Sri Lanka"}}},
		{"a title-case list of known places is read", "Cholera Deaths Rise: Iran 464, Nigeria 199",
			[]want{{desc: "killed [464, 464] exact people", where: "Iran"}, {desc: "killed [199, 199] exact people", where: "Nigeria"}}},
		{"the bodies of the missing are dead", "The bodies of two missing hikers were recovered on a trail.",
			[]want{{desc: "killed [2, 2] exact climbers"}}},
		{"the bodies of those listed as missing are dead", "The bodies of four people who had been listed as missing were recovered.",
			[]want{{desc: "killed [4, 4] exact people"}}},
		{"a capitalised area noun is a name's", "The morgue at Valencia's City of Justice had received 199 bodies.",
			[]want{{desc: "killed [199, 199] exact people", where: "City of Justice"}}},
		{"some of the dead a figure names", "Authorities have identified 141 of the 179 people killed.",
			[]want{{desc: "killed [141, 141] exact people"}, {desc: "killed [179, 179] exact people"}}},
		{"some of the dead are a group's toll", "Two of the 12 people killed were children.",
			[]want{{desc: "killed [2, 2] exact children"}, {desc: "killed [12, 12] exact people"}}},
		{"event site", "The ministry said at least 471 people were killed at the al-Ahli Arab hospital.",
			[]want{{desc: "killed [471, ∞) at_least people", where: "al-Ahli Arab hospital"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustExtract(t, tt.text, "2023-10-20")
			if len(got) != len(tt.want) {
				var ds []string
				for _, c := range got {
					ds = append(ds, describeClaim(c))
				}
				t.Fatalf("got %d claims %q, want %d", len(got), ds, len(tt.want))
			}
			for i, w := range tt.want {
				if d := describeClaim(got[i]); d != w.desc {
					t.Errorf("claim %d: got %q, want %q", i, d, w.desc)
				}
				if w.where != "" && got[i].Where != w.where {
					t.Errorf("claim %d: where got %q, want %q", i, got[i].Where, w.where)
				}
			}
		})
	}
}

// TestPartitiveOfCount: "N of the M people killed" is some of the M dead,
// a part; "N of the M people killed were children" the children's toll.
func TestPartitiveOfCount(t *testing.T) {
	tests := []struct {
		name, text string
		want       []bool // Context.Part of each claim
	}{
		{"identified of the dead", "Authorities have identified 141 of the 179 people killed.", []bool{true, false}},
		{"a group's toll", "Two of the 12 people killed were children.", []bool{false, false}},
		{"some of the dead, no figure", "By evening 88 of the dead had been identified.", []bool{true}},
		{"bodies not yet identified", "Some 101 bodies are still unidentified, officials said.", []bool{true}},
		{"bodies handed over", "So far 159 bodies have been handed over to families.", []bool{true}},
		{"the bodies of victims unclaimed", "The bodies of 81 victims remain unclaimed at the hospital.", []bool{true}},
		{"a place after an opening total is some of it", "Of the 126 people killed in the county, 52 were from Changsuo, officials said.", []bool{false, true}},
		{"a group after an opening total is its own toll", "Of the 221 people killed, 98 were women.", []bool{false, false}},
		{"bodies recovered are the toll", "Rescuers recovered 40 bodies from the river.", []bool{false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustExtract(t, tt.text, "2024-12-30")
			if len(got) != len(tt.want) {
				t.Fatalf("got %d claims, want %d", len(got), len(tt.want))
			}
			for i, w := range tt.want {
				if got[i].Context.Part != w {
					t.Errorf("claim %d (%q): part %v, want %v", i, got[i].Span, got[i].Context.Part, w)
				}
			}
		})
	}
}

func TestExtractTime(t *testing.T) {
	tests := []struct {
		name, text, date      string
		scope                 tracker.Scope
		since, from, to, asOf string
	}{
		{"since weekday", "At least 1,100 people have been killed since Saturday.", "2023-10-09", tracker.Cumulative, "2023-10-07", "", "", "2023-10-09"},
		{"since weekday unresolved", "At least 1,100 people have been killed since Saturday.", "", tracker.Cumulative, "Saturday", "", "", ""},
		{"since date", "Since October 7, 54 Palestinians have been killed in the West Bank.", "2023-10-15", tracker.Cumulative, "2023-10-07", "", "", "2023-10-15"},
		{"past 24 hours", "In the past 24 hours, 704 Palestinians were killed.", "2023-10-24", tracker.Period, "", "2023-10-23", "2023-10-24", "2023-10-24"},
		{"on weekday", "An airstrike killed 12 people on Tuesday.", "2023-10-20", tracker.Period, "", "2023-10-17", "2023-10-17", "2023-10-17"},
		{"said on weekday is not the period", "Israel said on Sunday that 1,300 people had been killed.", "2023-10-15", tracker.Cumulative, "", "", "", "2023-10-15"},
		{"a bulletin's day is not the period", "The civil defence bulletin on Monday counts 147 deaths.", "2024-05-13", tracker.UnknownScope, "", "", "", "2024-05-13"},
		{"between long span", "Between 7 October and 23 May, at least 35,800 Palestinians were killed.", "2024-05-23", tracker.Cumulative, "2023-10-07", "", "", "2024-05-23"},
		{"between short span", "Between the afternoons of 22 and 23 May, 91 Palestinians were killed.", "2024-05-23", tracker.Period, "", "2024-05-22", "2024-05-23", "2024-05-23"},
		{"toll is cumulative", "The death toll rose to 2,329.", "2023-10-13", tracker.Cumulative, "", "", "", "2023-10-13"},
		{"in two days", "The army said 240 people have been killed in two days.", "2023-12-02", tracker.Period, "", "2023-11-30", "2023-12-02", "2023-12-02"},
		{"another with present perfect", "Another 55,603 people have been wounded, the ministry said.", "2023-12-28", tracker.Cumulative, "", "", "", "2023-12-28"},
		{"rise dated, toll not", "The number of deaths rose by 2,680 overnight to 8,574.", "2023-02-09", tracker.Cumulative, "", "", "", "2023-02-09"},
		{"event is unknown", "An airstrike killed 12 people.", "2023-10-13", tracker.UnknownScope, "", "", "", "2023-10-13"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d tracker.Date
			if tt.date != "" {
				d = tracker.MustDate(tt.date)
			}
			res, err := Extract(tt.text, Options{Date: d})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Claims) == 0 {
				t.Fatal("no claim")
			}
			c := res.Claims[len(res.Claims)-1] // the last: "rose by 2,680 … to 8,574" is about 8,574
			if c.Scope != tt.scope || c.Since != tt.since || c.From != tt.from || c.To != tt.to || c.AsOf.String() != tt.asOf {
				t.Errorf("got scope %s since %q from %q to %q as_of %q, want %s %q %q %q %q",
					c.Scope, c.Since, c.From, c.To, c.AsOf, tt.scope, tt.since, tt.from, tt.to, tt.asOf)
			}
		})
	}
}

func TestExtractAttribution(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"said after", "At least 13 people were killed, the Gaza health ministry said.", "Gaza health ministry"},
		{"according to", "According to the Israeli military, 203 hostages are held in Gaza.", "Israeli military"},
		{"says before", "The UN says 1.4 million people have been displaced.", "UN"},
		{"inverted", "Twelve people were killed, said the ministry.", "ministry"},
		{"headline", "Gaza death toll tops 10,000, health ministry says", "health ministry"},
		{"none", "At least 13 people were killed.", ""},
		{"pronoun", "He said 13 people were killed.", ""},
		{"place in the source", "The health ministry in the Hamas-ruled Gaza Strip said at least 21,320 people have been killed.", "health ministry in the Hamas-ruled Gaza Strip"},
		{"a cause is not a source", "The ministry announced that the murder of a doctor raised the death toll in the health sector to 496.", "ministry"},
		{"closing with a manner", "Between 100 and 300 people were killed, US intelligence said in an unclassified assessment.", "US intelligence"},
		{"leading", "Police said 40 people were arrested.", "Police"},
		{"a capitalised function word in a name", "Reporters Without Borders said 14 journalists were killed.", "Reporters Without Borders"},
		{"a spokesman's body", "Janan Sayeeq, spokesman for the disaster management ministry, says 2,053 people have been killed.", "disaster management ministry"},
		{"a person with a participle", "Green, speaking to reporters in Lahaina, says 59 people are known to have died.", "Green"},
		{"a title before the name", "Floods have killed more than 2,000 people, the head of the eastern administration, Osama Hamad, said.", "eastern administration"},
		{"a body in a region", "Kais Fhakeri, head of the Red Crescent in the region, told Reuters that at least 150 deaths had been recorded.", "Red Crescent"},
		{"a manner after the name", "The US embassy in Moscow publicly said 133 people were killed.", "US embassy in Moscow"},
		{"a bulletin's owner", "The interior ministry's 10 p.m. update on Saturday, carried by the news agency MAP, raised the toll to at least 2,012 dead.", "interior ministry"},
		{"a bulletin's owner after a dateline", "Rabat — The interior ministry's update on Saturday, carried by MAP, raised the toll to at least 2,012 dead.", "interior ministry"},
		{"a bulletin's owner, later", "OCHA's latest update, issued on Tuesday, put the toll at 3,958.", "OCHA"},
		{"a figure given by a source", "Aid groups doubt the death toll of more than 2,400 given by the Taliban administration.", "Taliban administration"},
		{"according to figures released by a source", "At least 40 people were killed, according to figures released by the health ministry.", "health ministry"},
		{"according to a source's figures carried by a relay", "The toll rose to at least 2,012, according to interior ministry figures carried by the agency MAP.", "interior ministry"},
		{"given the scale names no one", "Given the scale of the damage, 300 people are missing.", ""},
		{"a country's toll is not given by it", "Morocco's toll rose to 2,012 on Saturday.", ""},
		{"a country's toll is no source", "At least 40 people died in Kerala's worst floods.", ""},
		{"a clause of its own", "Nangarhar lowers its quake toll as Afghan death count passes 2,200", ""},
		{"as many as", "The ministry said as many as 50 people were killed.", "ministry"},
		{"a subject saying", "The Afghan Red Crescent Society gave a lower count, saying at least 1,124 people had died.", "Afghan Red Crescent Society"},
		{"a statement saying", "The ministry issued a statement saying 40 people were killed.", "ministry"},
		{"a figure before saying", "Floods killed 40 people, officials said on Monday, saying more rain was due.", "officials"},
		{"a deed claimed is no source", "Islamic State claims Iran bombings that killed 84", ""},
		{"responsibility claimed is no source", "The group claimed responsibility for the blast, which killed 19 people.", ""},
		{"a figure claimed is", "The group claimed that 50 soldiers were killed.", "group"},
		{"a day is no name", "The ministry on Saturday, in a statement, raised the toll to at least 2,012 dead.", ""},
		{"official figures are officials'", "At least 135 people died, according to official figures.", "officials"},
		{"the latest official count is officials'", "At least 12 died, according to the latest official count.", "officials"},
		{"a body's update is the body's", "Kenya Red Cross update: flood deaths by county — Nairobi 32, Kiambu 28.", "Kenya Red Cross"},
		{"a subject before a relative clause", "The Red Crescent, whose teams are working in the districts of Nurgal, Chawkay and Dara-i-Pech, said it had recorded 1,124 deaths.", "Red Crescent"},
		{"a part of a day is no name", "On Sunday evening the ministry said 143 people had died.", "ministry"},
		{"a list is no apposition", "Aid reached Herat, Farah and Badghis, officials said 12 people died.", "officials"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustExtract(t, tt.text, "2023-10-20")
			if len(got) == 0 {
				t.Fatal("no claim")
			}
			if got[0].Attribution != tt.want {
				t.Errorf("got %q, want %q", got[0].Attribution, tt.want)
			}
		})
	}
}

// TestGappedListSources: in "A reported 36 deaths, B 25" each place of the
// list reports its own figure; a source that is no place keeps them all.
func TestGappedListSources(t *testing.T) {
	tests := []struct{ name, text, span, want string }{
		{"a place reporting heads the list", "Alabama reported 36 deaths, Georgia 25, Florida 15 and Virginia two.", "Georgia 25", "Georgia"},
		{"the head keeps its own", "Alabama reported 36 deaths, Georgia 25, Florida 15 and Virginia two.", "36 deaths", "Alabama"},
		{"a body reporting heads the list", "The Red Cross said 40 died, 31 in Nairobi and nine in Nakuru.", "31 in Nairobi", "Red Cross"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got *tracker.Claim
			claims := mustExtract(t, tt.text, "2024-10-01")
			for i := range claims {
				if claims[i].Span == tt.span {
					got = &claims[i]
				}
			}
			if got == nil {
				t.Fatalf("no claim %q in %v", tt.span, claims)
			}
			if got.Attribution != tt.want {
				t.Errorf("got %q, want %q", got.Attribution, tt.want)
			}
		})
	}
}

// TestSeedArticle is the acceptance test of issue 2: the article the
// project started from gives exactly four claims.
func TestSeedArticle(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "seed", "unsc-2023-10-09.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("seed article not present (%v): it lives in ../shared beside the repository", err)
	}
	got := mustExtract(t, string(b), "2023-10-09")
	want := []string{
		"killed [1100, ∞) at_least people",
		"hostage [100, ∞) vague people",
		"killed [701, ∞) more_than israelis",
		"killed [415, ∞) at_least palestinians",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d claims, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if d := describeClaim(got[i]); d != w {
			t.Errorf("claim %d: got %q, want %q", i, d, w)
		}
	}
	if got[0].Scope != tracker.Cumulative || got[0].Since != "2023-10-07" {
		t.Errorf("first claim: got scope %s since %q, want cumulative since 2023-10-07", got[0].Scope, got[0].Since)
	}
	if got[1].Vague != "hundreds" {
		t.Errorf("hostage claim: got vague %q, want hundreds", got[1].Vague)
	}
	if got[3].Where != "Gaza" {
		t.Errorf("Palestinians claim: got where %q, want Gaza", got[3].Where)
	}
}

// TestGolden extracts every report under testdata/extract and compares
// the JSON with testdata/extract/<name>.golden.jsonl. Run with -update to
// rewrite, then review the diff.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "extract", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			// the report's date is in its name: wire-2023-10-15.txt
			date := name[len(name)-10:]
			claims := mustExtract(t, string(b), date)
			var buf bytes.Buffer
			for _, c := range claims {
				j, err := json.Marshal(c)
				if err != nil {
					t.Fatal(err)
				}
				buf.Write(j)
				buf.WriteByte('\n')
			}
			golden := strings.TrimSuffix(f, ".txt") + ".golden.jsonl"
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./tracker -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s differs from the extraction; run go test ./tracker -update and review the diff\ngot:\n%s", golden, buf.String())
			}
		})
	}
}

func TestExtractErrors(t *testing.T) {
	tests := []struct {
		name string
		text string
		want error
	}{
		{"empty", "  \n ", tracker.ErrEmptyText},
		{"binary", "abc\x00def", tracker.ErrBinary},
		{"invalid utf8", "abc\xffdef", tracker.ErrInvalidUTF8},
		{"too large", strings.Repeat("a", tracker.MaxTextBytes+1), tracker.ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extract(tt.text, Options{})
			if err == nil || !errorsIs(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}

func TestExtractJSONKeys(t *testing.T) {
	got := mustExtract(t, "At least 1,100 people have been killed since Saturday.", "2023-10-09")
	b, err := got[0].MarshalExtractJSON()
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	want := []string{"category", "low", "high", "qualifier", "vague", "who", "where", "attribution", "as_of", "scope", "since", "prior", "start", "end", "span", "sentence"}
	if len(m) != len(want) {
		t.Errorf("got %d keys, want %d: %s", len(m), len(want), b)
	}
	for _, k := range want {
		if _, ok := m[k]; !ok {
			t.Errorf("key %q missing from %s", k, b)
		}
	}
	if string(m["low"]) != "1100" || string(m["high"]) != "null" {
		t.Errorf("got low %s high %s, want 1100 and null", m["low"], m["high"])
	}
	// the full form round-trips
	full, err := json.Marshal(got[0])
	if err != nil {
		t.Fatal(err)
	}
	var back tracker.Claim
	if err := json.Unmarshal(full, &back); err != nil {
		t.Fatal(err)
	}
	if back.Interval.String() != got[0].Interval.String() || back.Since != got[0].Since || back.Span != got[0].Span {
		t.Errorf("round trip: got %+v, want %+v", back, got[0])
	}
}

func errorsIs(err, target error) bool { return errors.Is(err, target) }

func TestDiagnostics(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"speculation", "Officials warned the toll could rise to 1,000.", "a guess or a fear"},
		{"lumped", "Twelve people were killed or wounded.", "lumped"},
		{"casualties", "More than 3,000 casualties were reported.", "casualties"},
		{"released", "Thirteen hostages were released on Friday.", "released"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Extract(tt.text, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Claims) != 0 {
				t.Errorf("got %d claims, want none", len(res.Claims))
			}
			if len(res.Diagnostics) == 0 || !strings.Contains(res.Diagnostics[0].Message, tt.want) {
				t.Fatalf("got diagnostics %+v, want one saying %q", res.Diagnostics, tt.want)
			}
			d := res.Diagnostics[0]
			if d.Start < 0 || d.End > len(tt.text) || d.Start >= d.End {
				t.Errorf("diagnostic span %d..%d outside the text", d.Start, d.End)
			}
		})
	}
}

// TestStemsCoverTables keeps the sentence prefilter honest: every casualty
// word and toll noun must contain one of the casualty stems, or sentences
// holding only that word would be skipped unread.
func TestStemsCoverTables(t *testing.T) {
	v := defaultVocabulary()
	for w := range v.triggers {
		if !v.casualtyStems.in(w) {
			t.Errorf("trigger %q has no casualty stem", w)
		}
	}
	for w := range v.tollNouns {
		if !v.casualtyStems.in(w) {
			t.Errorf("toll noun %q has no casualty stem", w)
		}
	}
	for w := range v.smallNumbers {
		if !v.numberStems.in(w) {
			t.Errorf("number word %q has no number stem", w)
		}
	}
	for w := range v.vagueWords {
		if !v.numberStems.in(w) {
			t.Errorf("vague word %q has no number stem", w)
		}
	}
	for w := range v.scaleWords {
		if !v.numberStems.in(w) && w != "mln" && w != "bn" {
			t.Errorf("scale word %q has no number stem", w)
		}
	}
}

// TestClockStamp: a live blog's clock time and dash open an entry; other
// numbers do not.
func TestClockStamp(t *testing.T) {
	tests := []struct {
		name, text string
		want       int
	}{
		{"colon and hyphen", "16:40 - In Ahrweiler, 50 died.", 4},
		{"point and em dash, one number token", "09.45 — Police say 12 died.", 2},
		{"a score", "Israel 2-1 Spain, with 40 hurt.", 0},
		{"no dash", "16:40 In Ahrweiler 50 died.", 0},
		{"not a time", "26:40 - The toll is 50.", 0},
		{"a decimal", "7.5 - magnitude quake kills 12.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks, _ := lexText(tt.text, 0, len(tt.text), nil, nil)
			if got := clockStamp(tt.text, toks); got != tt.want {
				t.Errorf("clockStamp = %d, want %d", got, tt.want)
			}
		})
	}
}
