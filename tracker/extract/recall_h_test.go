package extract

import "testing"

// TestCorpusHForms: forms real outlets wrote in 2024–2025 that corpus H
// (testdata/eval/corpus-h.jsonl, written before the rules were read)
// found unread. Each is a general form, with a sentence of our own.
func TestCorpusHForms(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"figures in brackets, as a rights group's bulletin writes them", "Since the coup, a total of (6,012) people have been killed, and (28,110) have been arrested.",
			[]want{{desc: "killed [6012, 6012] exact people", span: "a total of (6,012) people have been killed"}, {desc: "arrested [28110, 28110] exact people"}}},
		{"a name's figure in brackets stays a list by place", "The dead are from Kisumu (9) and Nakuru (4), among other counties.",
			[]want{{desc: "killed [9, 9] exact people", where: "Kisumu"}, {desc: "killed [4, 4] exact people", where: "Nakuru"}}},
		{"a bracketed figure before punctuation is no count", "The toll rose sharply (see table 3).", nil},
		{"the cause before the death noun", "The medical examiner listed 29 fire deaths, and the ministry counted 1,120 hajj deaths.",
			[]want{{desc: "killed [29, 29] exact people", span: "29 fire deaths"}, {desc: "killed [1120, 1120] exact people", span: "1,120 hajj deaths"}}},
		{"shooting deaths and road injuries", "Police recorded 14 shooting deaths and 230 road injuries over the holiday.",
			[]want{{desc: "killed [14, 14] exact people"}, {desc: "injured [230, 230] exact people"}}},
		{"body bags are things", "The Red Cross delivered 400 body bags to the morgue.", nil},
		{"a toll that has crossed a figure", "The toll from the landslides has crossed 310, the state minister said.",
			[]want{{desc: "killed [311, ∞) more_than people"}}},
		{"crossed into is still a flight", "More than 20,000 people have crossed into Chad this week.",
			[]want{{desc: "displaced [20001, ∞) more_than people"}}},
		{"a breakdown set off by commas", "Six people, four pupils and two teachers, were killed in the attack.",
			[]want{{desc: "killed [6, 6] exact people"}, {desc: "killed [4, 4] exact students"}, {desc: "killed [2, 2] exact teachers"}}},
		{"bracketed figures in an apposition", "In July, (118) people, (21) women and (97) men, were killed by gunfire.",
			[]want{{desc: "killed [118, 118] exact people"}, {desc: "killed [21, 21] exact women"}, {desc: "killed [97, 97] exact men"}}},
		{"a label, a colon and its figure", "Situation report 12: Deaths: 402. Injured: 1,310.",
			[]want{{desc: "killed [402, 402] exact people"}, {desc: "injured [1310, 1310] exact people", span: "Injured: 1,310"}}},
		{"a label, a dash and its figure", "Casualties to date: killed - 733; wounded - 2,051; missing - 48.",
			[]want{{desc: "killed [733, 733] exact people"}, {desc: "injured [2051, 2051] exact people"}, {desc: "missing [48, 48] exact people"}}},
		{"a count modifier before the label", "Week 31: new cases 612; new deaths 14.",
			[]want{{desc: "killed [14, 14] exact people", span: "new deaths 14"}}},
		{"a breakdown labelled by group in brackets", "Deaths: 390 (men 201, women 88, children 101).",
			[]want{{desc: "killed [390, 390] exact people"}, {desc: "killed [201, 201] exact men"}, {desc: "killed [88, 88] exact women"}, {desc: "killed [101, 101] exact children"}}},
		{"respectively", "Sylhet, Sunamganj and Moulvibazar were the worst hit, with 31, 22 and 9 deaths respectively.",
			[]want{{desc: "killed [31, 31] exact people"}, {desc: "killed [22, 22] exact people"}, {desc: "killed [9, 9] exact people"}}},
		{"a bare list before a figure without respectively", "Sylhet, Sunamganj and Moulvibazar were the worst hit, with 31, 22 and 9 deaths.",
			[]want{{desc: "killed [9, 9] exact people"}}},
		{"not heard from", "Officials said 61 deaths had been confirmed and that about 500 people had not been heard from.",
			[]want{{desc: "killed [61, 61] exact people"}, {desc: "missing [450, 550] approx people"}}},
		{"swept away", "Rescuers were searching for 14 villagers believed swept away by the river.",
			[]want{{desc: "missing [14, 14] exact people"}}},
		{"a flood that swept away homes", "The flood swept away 40 homes.", nil},
		{"still in hospital", "The blast killed 12 workers, and 30 were still in hospital on Monday.",
			[]want{{desc: "killed [12, 12] exact workers"}, {desc: "injured [30, 30] exact workers"}}},
		{"in hospitals after a verbless item", "Eighty people died, 41 are missing and 97 in hospitals, the district said.",
			[]want{{desc: "killed [80, 80] exact people"}, {desc: "missing [41, 41] exact people"}, {desc: "injured [97, 97] exact people"}}},
		{"bodies in hospital morgues are no injured", "Some 300 bodies were collected and 200 more lie in hospital morgues.",
			[]want{{desc: "killed [270, 330] approx people"}}},
		{"an outbreak's patients in hospital are cases", "Cholera has sickened 900 people, and 60 remain in hospital.", nil},
		{"held without charge", "Police have detained about 2,000 people, some 700 of them held without charge.",
			[]want{{desc: "arrested [1800, 2200] approx people"}, {desc: "arrested [630, 770] approx people"}}},
		{"killed all of a counted group", "Troops said they had killed all 19 gunmen who stormed the base.",
			[]want{{desc: "killed [19, 19] exact militants"}}},
		{"one person named beside the group", "Three soldiers and a civilian were killed in the ambush, and eight people including the driver were hurt.",
			[]want{{desc: "killed [3, 3] exact soldiers"}, {desc: "injured [8, 8] exact people"}}},
		{"a breakdown between spaced hyphens", "So far 41 people - 30 men and 11 women - have been confirmed dead.",
			[]want{{desc: "killed [41, 41] exact people"}, {desc: "killed [30, 30] exact men"}, {desc: "killed [11, 11] exact women"}}},
		{"a hyphenated range is no dash", "The 2024-2025 season saw 30 deaths.",
			[]want{{desc: "killed [30, 30] exact people"}}},
		{"kidnappings and abductions as counts", "The mission documented 512 killings, 301 injuries and 246 kidnappings, and 90 abductions in the north.",
			[]want{{desc: "killed [512, 512] exact people"}, {desc: "injured [301, 301] exact people"}, {desc: "hostage [246, 246] exact people"}, {desc: "hostage [90, 90] exact people"}}},
		{"varying degrees of injuries", "Police said 23 persons were confirmed dead while 52 others sustained varying degrees of injuries.",
			[]want{{desc: "killed [23, 23] exact people"}, {desc: "injured [52, 52] exact people"}}},
		{"the victims comprised", "The bombing killed 19 people. The victims comprised 11 men, five women and three children.",
			[]want{{desc: "killed [19, 19] exact people"}, {desc: "killed [11, 11] exact men"}, {desc: "killed [5, 5] exact women"}, {desc: "killed [3, 3] exact children"}}},
		{"a part between the group and its verb", "The blast left 16 people including seven children injured.",
			[]want{{desc: "injured [16, 16] exact people"}, {desc: "injured [7, 7] exact children"}}},
		{"the same count in other units", "Some 3,000 families, or around 15,000 people, have been displaced by the floods.",
			[]want{{desc: "displaced [2700, 3300] approx families"}, {desc: "displaced [13500, 16500] approx people"}}},
		{"a share beside the count is no second count", "About 1.9 million people, or roughly 90 per cent of the population, have been displaced.",
			[]want{{desc: "displaced [1710000, 2090000] approx people"}}},
		{"the remains of", "The remains of 45 people have been recovered from the site.",
			[]want{{desc: "killed [45, 45] exact people"}}},
		{"the remains of a building", "The remains of the 12 buildings were cleared.", nil},
		{"a toll followed by a word of place", "The death toll climbed to 91 statewide, and deaths rose to 120 nationwide.",
			[]want{{desc: "killed [91, 91] exact people"}, {desc: "killed [120, 120] exact people"}}},
		{"a toll followed by a word of time", "The toll rose to 40 late on Sunday.",
			[]want{{desc: "killed [40, 40] exact people"}}},
		{"a toll followed by its verb", "The toll of 70 makes it the deadliest attack this year.",
			[]want{{desc: "killed [70, 70] exact people"}}},
		{"an unknown noun after a number is still a unit", "Police recorded 146 mass shootings and 12 deaths.",
			[]want{{desc: "killed [12, 12] exact people"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkWants(t, tt.want, tt.text) })
	}
}
