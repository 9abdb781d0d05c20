package extract

import "testing"

// TestCorpusKForms: forms that corpus K (testdata/eval/corpus-k.jsonl:
// South Asian and African local copy, military statements, UN updates)
// and the held-out series sets found unread. Each is a general form, with
// a sentence of our own, and the negatives beside it.
func TestCorpusKForms(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		// verbs of dying that local copy writes
		{"hacked to death", "Eleven farmers were hacked to death by raiders near the border, villagers said.",
			[]want{{desc: "killed [11, 11] exact farmers"}}},
		{"charred to death", "Three workers were charred to death when a boiler exploded.",
			[]want{{desc: "killed [3, 3] exact workers"}}},
		{"breathed their last", "Of the 60 pilgrims on the bus, 52 breathed their last.",
			[]want{{desc: "killed [52, 52] exact people"}}},
		{"succumbed to their injuries", "Four more patients succumbed to their injuries overnight.",
			[]want{{desc: "killed [4, 4] exact people"}}},
		{"succumbed to burns", "Two children succumbed to burns at the district hospital.",
			[]want{{desc: "killed [2, 2] exact children"}}},
		{"one of them who succumbed is one person", "One of them, a 60-year-old man, succumbed to injuries.", nil},
		{"sent to hell", "The army said 14 terrorists were sent to hell in the raid.",
			[]want{{desc: "killed [14, 14] exact militants"}}},
		{"khwarij are militants", "Security forces neutralised nine khwarij in Bannu.",
			[]want{{desc: "killed [9, 9] exact militants"}}},
		// one person counted by a singular group noun
		{"one firefighter died", "One firefighter died when the embankment gave way.",
			[]want{{desc: "killed [1, 1] exact firefighters"}}},
		{"at least one tourist", "Police say at least one tourist has been killed.",
			[]want{{desc: "killed [1, ∞) at_least tourists"}}},
		{"a toll including one firefighter", "The toll rose to 31, including one firefighter.",
			[]want{{desc: "killed [31, 31] exact people"}, {desc: "killed [1, 1] exact firefighters"}}},
		{"a person named beside a counted group is no count", "Divers recovered the bodies of nine fishermen and one teacher.",
			[]want{{desc: "killed [9, 9] exact fishermen"}}},
		{"one in a breakdown is a part", "Police detained 12 people - 11 men and one woman - after the riot.",
			[]want{{desc: "arrested [12, 12] exact people"}, {desc: "arrested [11, 11] exact men"}, {desc: "arrested [1, 1] exact women"}}},
		{"an article is no count", "A firefighter died at the scene.", nil},
		// a relative clause with a casualty word of its own, then a verb
		// of dying: the dead are the figure
		{"wounded, then died", "Three soldiers who were wounded in the ambush died on Tuesday.",
			[]want{{desc: "killed [3, 3] exact soldiers"}}},
		{"kidnapped, then died in captivity", "One pupil who was abducted with the others died in captivity.",
			[]want{{desc: "killed [1, 1] exact students"}}},
		{"shot, then died", "Two guards who were shot during the robbery died.",
			[]want{{desc: "killed [2, 2] exact guards"}}},
		{"a relative clause that stands", "Twenty people who were kidnapped last week remain in captivity.",
			[]want{{desc: "hostage [20, 20] exact people"}}},
		{"a relative clause of dying stands", "Forty people who died in the blast were buried on Monday.",
			[]want{{desc: "killed [40, 40] exact people"}}},
		// among the dead, the victims
		{"among the victims", "The embassy said 14 Filipino workers were among the victims of the blaze.",
			[]want{{desc: "killed [14, 14] exact workers"}}},
		{"among the injured stays injured", "Six firefighters were among the injured.",
			[]want{{desc: "injured [6, 6] exact firefighters"}}},
		{"a headline's Among Dead", "Three Nurses Among Dead In Hospital Fire",
			[]want{{desc: "killed [3, 3] exact medics"}}},
		{"among dead without the article", "Police said 12 pilgrims among dead after bus plunge.",
			[]want{{desc: "killed [12, 12] exact people"}}},
		{"some of the victims are some of the dead", "Thirty of the victims have been identified, the coroner said.",
			[]want{{desc: "killed [30, 30] exact people"}}},
		{"some of the victims after a sentence of the hurt", "The number of injured has risen to 120. Twelve of the victims hold a foreign passport.",
			[]want{{desc: "injured [120, 120] exact people"}}},
		{"all of the victims is no part", "All 30 of the victims were identified.", nil},
		{"among the survivors is no death", "Two Japanese tourists were among the survivors.", nil},
		// a casualty noun as the subject of its count
		{"a headline's noun rises", "Flood injured rise to 212; dead remain 38",
			[]want{{desc: "injured [212, 212] exact people"}, {desc: "killed [38, 38] exact people"}}},
		{"a possessor's dead number", "The province's dead number 1,215, officials say.",
			[]want{{desc: "killed [1215, 1215] exact people"}}},
		{"a place's dead rise", "Nepal's landslide dead rise to 44",
			[]want{{desc: "killed [44, 44] exact people", where: "Nepal"}}},
		{"a quantity before the noun counts it", "Police said 12 dead rise to the surface.", []want{{desc: "killed [12, 12] exact people"}}},
		{"a copula before the noun makes it no subject", "They were dead numb with cold at 6.", nil},
		{"the missing list", "The sheriff's missing list grows to 31, officials say.",
			[]want{{desc: "missing [31, 31] exact people"}}},
		{"a missing list of names is no count", "The missing list was published with 40 names.", nil},
		// a known group and a plural noun no table knows
		{"a group and an unknown plural", "Eleven trekkers and porters died in the avalanche.",
			[]want{{desc: "killed [11, 11] exact people"}}},
		{"a group and an unknown plural after a qualifier", "At least 40 patients and caregivers were killed in the shelling.",
			[]want{{desc: "killed [40, ∞) at_least people"}}},
		{"a verb after the group's 'and' is another clause", "The raid killed 12 soldiers and destroyed tanks.",
			[]want{{desc: "killed [12, 12] exact soldiers"}}},
		// members of families
		{"members of several families", "Twelve members of two families, including five children, were killed in the strike.",
			[]want{{desc: "killed [12, 12] exact members"}, {desc: "killed [5, 5] exact children"}}},
		{"members of one family before a breakdown", "Six members of one family, including two infants, died in the fire.",
			[]want{{desc: "killed [6, 6] exact members"}, {desc: "killed [2, 2] exact children"}}},
		{"members of one family", "Four members of one family drowned.",
			[]want{{desc: "killed [4, 4] exact members"}}},
		// a place's share of a total
		{"with a place accounting for", "The agency recorded 212 flood deaths, with Sindh alone accounting for 97.",
			[]want{{desc: "killed [212, 212] exact people"}, {desc: "killed [97, 97] exact people", where: "Sindh"}}},
		{"a place accounts for", "Officials counted 140 deaths; Kasai accounts for 61.",
			[]want{{desc: "killed [140, 140] exact people"}, {desc: "killed [61, 61] exact people", where: "Kasai"}}},
		{"accounts for with no total is no claim", "The company sold 40 cars; Texas accounts for 12.", nil},
		// a possessor's toll is the possessor's, whatever a later clause names
		{"a possessor's toll and a clause after it", "Kenya's death toll from the floods has risen to 188 after officials added a landslide in Murang'a.",
			[]want{{desc: "killed [188, 188] exact people", where: "Kenya"}}},
		// a guess's reason is a fact of its own
		{"the toll could rise as N remain missing", "Officials fear the toll could rise as 40 people remain missing.",
			[]want{{desc: "missing [40, 40] exact people"}}},
		{"the toll could rise because N are trapped", "The toll may climb because 15 miners are still missing.",
			[]want{{desc: "missing [15, 15] exact workers"}}},
		{"as high as stays a guess", "Officials said the toll could rise as high as 40.", nil},
		{"a guess after as stays a guess", "The toll could rise as 12 workers may be trapped.", nil},
		// two days of one month are a date, not figures
		{"days D and D Month", "The toll from the riots of 14 and 15 August has reached 37, including 12 police officers.",
			[]want{{desc: "killed [37, 37] exact people"}, {desc: "killed [12, 12] exact police officers"}}},
		{"days Month D and D", "Clashes on August 14 and 15 killed 37 people.",
			[]want{{desc: "killed [37, 37] exact people"}}},
		{"days D-D Month", "Clashes on 14-15 August killed 37 people.",
			[]want{{desc: "killed [37, 37] exact people"}}},
		{"a figure after a month that has its day", "On 10 October 40 people died in the clashes.",
			[]want{{desc: "killed [40, 40] exact people"}}},
		{"a figure past 31 after a month", "Since October 45 people have died.",
			[]want{{desc: "killed [45, 45] exact people"}}},
		// the unburied dead
		{"lie in hospital morgues", "Rescuers have buried 1,200 bodies and 400 more lie in hospital morgues.",
			[]want{{desc: "killed [1200, 1200] exact people"}, {desc: "killed [400, 400] exact people"}}},
		{"a headline's In Morgues", "Hundreds Still In Morgues As Burials Begin",
			[]want{{desc: "killed [100, ∞) vague people", where: ""}}},
		// words of police, court and bulletin copy
		{"rearrested", "Police said 85 of the inmates had been rearrested by Sunday.",
			[]want{{desc: "arrested [85, 85] exact prisoners"}}},
		{"detention for", "A magistrate ordered 14-day detention for six suspects.",
			[]want{{desc: "arrested [6, 6] exact people"}}},
		{"described as hurt", "Doctors said 23 are described as seriously hurt.",
			[]want{{desc: "injured [23, 23] exact people"}}},
		{"the number hurt", "The number hurt has risen to 410, the agency said.",
			[]want{{desc: "injured [410, 410] exact people"}}},
		{"could only confirm", "The agency said it could only confirm 17 deaths.",
			[]want{{desc: "killed [17, 17] exact people"}}},
		{"could only rise stays a guess", "The toll could only rise from 60.", nil},
		{"a demonym and a body's name before its members", "Four Indonesian Navy sailors were killed.",
			[]want{{desc: "killed [4, 4] exact crew"}}},
		{"three names before a group", "Five Royal Thai Police officers were hurt.",
			[]want{{desc: "injured [5, 5] exact police officers"}}},
		{"a relative clause closed by remain", "Nine others who had been on the ferry remain missing.",
			[]want{{desc: "missing [9, 9] exact people"}}},
		// raids and treatment
		{"carted away", "Bandits killed four farmers and carted away 11 others.",
			[]want{{desc: "killed [4, 4] exact farmers"}, {desc: "hostage [11, 11] exact people"}}},
		{"carted away things", "Thieves carted away 40 goats.", nil},
		{"received medical assistance", "Officials said 18 workers received medical assistance.",
			[]want{{desc: "injured [18, 18] exact workers"}}},
		// a body's name that a place's name opens, between a group and its verb
		{"a name a place opens", "Three soldiers of the Frontier Corps were killed in the ambush.",
			[]want{{desc: "killed [3, 3] exact soldiers"}}},
		{"a place alone between a group and its verb", "Twelve people in Gaza City were killed.",
			[]want{{desc: "killed [12, 12] exact people", where: "Gaza City"}}},
		// a participle phrase between a group and its verb
		{"travelling in", "Some 40 pilgrims travelling in minibuses are out of contact.",
			[]want{{desc: "missing [36, 44] approx people"}}},
		{"attending", "Twelve guests attending the wedding were killed.",
			[]want{{desc: "killed [12, 12] exact people"}}},
		{"a participle phrase then a verb of dying", "Three soldiers guarding the checkpoint died.",
			[]want{{desc: "killed [3, 3] exact soldiers"}}},
		{"sheltering with no casualty verb is no claim", "Rescuers found 12 people sheltering in a school.", nil},
		// places an event's relative clause names, inside a toll
		{"the floods that hit several states", "The death toll in the floods that hit several provinces since Monday stands at nine, four of them in Aceh.",
			[]want{{desc: "killed [9, 9] exact people"}, {desc: "killed [4, 4] exact people", where: "Aceh"}}},
		{"a toll in two countries stays unread", "The toll in the two countries rose to 900.", nil},
		// the whole count through ", all of whom"
		{"all of whom had died", "Coastguards found 14 migrants, all of whom had died.",
			[]want{{desc: "killed [14, 14] exact migrants"}}},
		{"cases all of whom have died", "Nine cases have been reported (three confirmed and six probable), all of whom have died.",
			[]want{{desc: "killed [9, 9] exact people"}}},
		{"all of whom were arrested", "Police stopped 25 men, all of whom were arrested.",
			[]want{{desc: "arrested [25, 25] exact men"}}},
		{"all of whom survived is no claim", "The plane carried 62 passengers, all of whom survived.", nil},
		// the place a ranking names, after its superlative
		{"the most deaths", "Kasai province has recorded the most deaths, 64, the ministry said.",
			[]want{{desc: "killed [64, 64] exact people", where: "Kasai"}}},
		{"the highest number after a total", "The floods have killed 140 people, with Sindh province recording the highest number, 81.",
			[]want{{desc: "killed [140, 140] exact people"}, {desc: "killed [81, 81] exact people", where: "Sindh"}}},
		{"the highest number of deaths in brackets", "Luanda province has reported the highest number of deaths (57), followed by Bengo (21).",
			[]want{{desc: "killed [57, 57] exact people", where: "Luanda"}, {desc: "killed [21, 21] exact people", where: "Bengo"}}},
		{"the most of something else is no claim", "The team scored the most goals, 12.", nil},
		{"a bare highest number with no casualty figure is no claim", "Japan has the highest number, 40.", nil},
		{"sustained burn injuries", "Nine workers sustained burn injuries in the blast.",
			[]want{{desc: "injured [9, 9] exact workers"}}},
		{"homicides counted", "The state recorded 312 homicides in the first half of the year.",
			[]want{{desc: "killed [312, 312] exact people"}}},
		{"a homicide rate is no count", "The homicide rate rose to 12 per 100,000.", nil},
		// missing
		{"untraceable", "About 40 villagers remain untraceable after the cloudburst.",
			[]want{{desc: "missing [36, 44] approx people"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkWants(t, tt.want, tt.text)
		})
	}
}

// TestCombinedTollTakesNoParagraphPlace: a figure its own sentence calls
// the countries' together ("the combined toll") is not about the country
// the sentence before it named, as a figure with no place of its own is.
func TestCombinedTollTakesNoParagraphPlace(t *testing.T) {
	title := "Turkey-Syria quake toll tops 15,000"
	text := "ISTANBUL, Turkey (Reuters) - Turkey's agency said the toll rose to 12,873 on Friday.\n\nSyria's dead number 2,992. That takes the combined toll to 15,865."
	res, err := Extract(text, Options{Title: title})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range res.Claims {
		switch c.Span {
		case "dead number 2,992":
			if c.Context.Place != "Syria" {
				t.Errorf("%q: place %q, want Syria", c.Span, c.Context.Place)
			}
		case "toll to 15,865":
			found = true
			if c.Context.Place == "Syria" || c.Context.PlaceFrom == "paragraph" {
				t.Errorf("%q: place %q from %q, want no paragraph's place", c.Span, c.Context.Place, c.Context.PlaceFrom)
			}
		}
	}
	if !found {
		t.Errorf("no claim for the combined toll in %d claims", len(res.Claims))
	}
}
