package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/tollproject/toll/tracker"
)

// TestReportContextPlaces: where a figure's place comes from once its
// report is read (the rules of contextOf), on short reports written for
// the test.
func TestReportContextPlaces(t *testing.T) {
	tests := []struct {
		name, title, text string
		span              string // the claim's span
		place, from, past string // want Context.Place, PlaceFrom, Past
		placeID           string // want Context.PlaceID when set
	}{
		{"a county of the report's state, not its namesake elsewhere", "Texas flood toll reaches 132",
			"AUSTIN, Texas — The toll stands at 132, officials said.\n\nThe confirmed death toll stands at 132: 106 in Kerr County, nine in Travis County and eight in Kendall County.",
			"eight in Kendall County", "Kendall County", "sentence", "", "US.TX.259"},
		{"a county that opens its sentence with its deaths and a comma", "State list shows 95 Helene deaths in North Carolina",
			"ASHEVILLE - Medical examiners have certified 95 deaths from Helene in 21 counties.\n\nBuncombe County had 42 deaths, the most of any county.",
			"42 deaths", "Buncombe County", "sentence", "", "US.NC.021"},
		{"a clause of its own after ', and' holds its own place", "Quake toll rises in Japan's Ishikawa",
			"TOKYO — Rescuers searched the rubble.\n\nThe prefecture says 24 people are now confirmed dead, and dozens of houses have collapsed in Suzu.",
			"24 people are now confirmed dead", "Japan", "headline", "", "JP"},
		{"a reason given with ', saying' holds its own place", "Quake toll rises in Japan",
			"TOKYO — Rescuers searched the rubble.\n\nOfficials put the toll at 203, saying one person in Wajima had been counted twice.",
			"toll at 203", "Japan", "headline", "", "JP"},
		{"a unit abroad with no kept town is no reading of a name", "Hajj heat deaths rise in Saudi Arabia",
			"RIYADH — Officials gave new figures.\n\nThree pilgrims died in Mina on Sunday, the ministry said.",
			"Three pilgrims died", "Mina", "sentence", "", "SA/mina"},
		{"a region gives its own toll", "Floods kill 150 in Spain's Valencia region",
			"Rescuers searched the mud on Friday.\n\nCastilla-La Mancha has recorded two deaths, officials said.",
			"two deaths", "Castille-La Mancha", "sentence", "", "ES.54"},
		{"a place a relative clause is about", "Floods kill 150 in Spain's Valencia region",
			"Rescuers searched the mud on Friday.\n\nPaiporta, where at least 62 people died, has become the emblem of the disaster.",
			"at least 62 people died", "Paiporta", "sentence", "", ""},
		{"a national total is the country's", "Floods kill 150 in Spain's Valencia region",
			"Rescuers searched the mud on Friday.\n\nAndalusia has one death, bringing the national total to 205.",
			"the national total to 205", "Spain", "sentence", "", "ES"},
		{"a village inside a fronted region", "Floods kill 150 in Spain's Valencia region",
			"Rescuers searched the mud on Friday.\n\nIn Castilla-La Mancha, the regional government said six people were missing in the village of Letur.",
			"six people were missing", "Letur", "sentence", "", "ES.54/letur"},
		{"since a month and year, when", "Floods kill 150 in Spain's Valencia region",
			"Rescuers searched the mud on Friday.\n\nThey are the deadliest floods since October 1973, when at least 150 people died in Granada.",
			"at least 150 people died", "", "", "1973", ""},
		{"since an invasion in a month and year counts from then", "Missile strike kills 12 in Kramatorsk",
			"Rescuers searched the rubble.\n\nThe UN has verified 9,083 civilian deaths in Ukraine since the invasion in February 2022.",
			"9,083 civilian deaths", "Ukraine", "sentence", "", "UA"},
		{"a list of countries the first of which the sentence kept", "Malawi's president appeals for help",
			"BLANTYRE, Malawi — The toll rose to 326, taking the number of people killed across Malawi, Mozambique and Madagascar to more than 400.",
			"number of people killed across Malawi, Mozambique and Madagascar to more than 400", "Malawi, Mozambique and Madagascar", "sentence", "", "MG+MW+MZ"},
		{"a combined toll after one country's", "Erdogan vows to rebuild; Turkey's quake toll tops 9,000",
			"Turkey's disaster agency said 9,057 had died in Turkey.\n\nIn Syria, the death toll rose to 2,662, bringing the combined toll to more than 11,200.",
			"toll to more than 11,200", "Syria and Turkey", "sentence", "", "SY+TR"},
		{"a headline about two countries is the report's place", "Quake deaths in Turkey and Syria top 5,000",
			"Rescuers worked through the night.\n\nThe number of people killed by Monday's earthquakes rose above 5,000, officials said.",
			"number of people killed by Monday's earthquakes rose above 5,000", "Turkey and Syria", "headline", "", "SY+TR"},
		{"a total before its districts is no district's", "Rescuers dig in Jajarkot",
			"Rescue teams reached the hills.\n\nPolice said 150 people had died, 99 in Jajarkot and 51 in Rukum West.",
			"150 people had died", "Karnali Pradesh", "parts", "", "NP.6"},
		{"a total after a colon is no district's", "Rescuers dig in Jajarkot",
			"Rescue teams reached the hills.\n\nThe toll reached 140: 96 in Jajarkot and 44 in West Rukum.",
			"toll reached 140", "Karnali Pradesh", "parts", "", "NP.6"},
		{"a total one part of which names its district is of the unit above", "Rescuers dig in Jajarkot",
			"Rescue teams reached the hills.\n\nThe quake killed 150 people, 99 of them in Jajarkot, officials said.",
			"killed 150 people", "Karnali Pradesh", "parts", "", "NP.6"},
		{"a total in a report about the country holding its parts stays the country's", "Quake in western Nepal kills 150",
			"Rescue teams reached the hills.\n\nPolice said 150 people had died, 99 in Jajarkot and 51 in Rukum West.",
			"150 people had died", "Nepal", "headline", "", "NP"},
		{"a headline naming two districts is about what holds both", "Quake flattens homes in Jajarkot, Rukum West",
			"Rescue teams reached the hills of western Nepal.\n\nAt least 150 people were killed, officials said.",
			"At least 150 people were killed", "Karnali Pradesh", "headline", "", "NP.6"},
		{"a district with no big town is a place", "Landslides hit Nepal",
			"Rescue teams reached the hills.\n\nEleven people were killed in Jajarkot district, police said.",
			"Eleven people were killed", "Jajarkot", "sentence", "", "NP.6.12095476"},
		{"a part's place is its own though a later figure is spread over it", "Floods in Texas",
			"Crews searched the river.\n\nOfficials say 110 people have died across Texas, 90 of them in Kerr County, and that 160 are missing, most of them in Kerr County.",
			"90 of them in Kerr County", "Kerr County", "sentence", "", ""},
		{"a list of a country's provinces after the figure is the country", "Quake toll rises in eastern Afghanistan",
			"KABUL — Rescuers dug through the night.\n\nThe ministry says 622 people have died and 1,500 were injured in Kunar, Nangarhar and Laghman.",
			"622 people have died", "Afghanistan", "sentence", "", "AF"},
		{"two districts are no province", "Quake flattens homes in western Nepal",
			"KATHMANDU — Rescue teams reached the hills.\n\nOfficials said 92 people died in Jajarkot and Rukum West.",
			"92 people died", "Jajarkot and Rukum West", "sentence", "", ""},
		{"a source of another country after a fronted place speaks of its own", "Cyclone toll rises in Mozambique",
			"MAPUTO — Rescuers searched.\n\nIn Mozambique, the institute raised its count to 45 dead, and Malawi's disaster agency said 13 people had been killed there.",
			"13 people had been killed", "Malawi", "source", "", "MW"},
		{"the fronted place's own source keeps it", "Cyclone toll rises in Mozambique",
			"MAPUTO — Rescuers searched.\n\nIn Mozambique, the institute raised its count to 45 dead, and Malawi's disaster agency said 13 people had been killed there.",
			"45 dead", "Mozambique", "sentence", "", "MZ"},
		{"a compass part of a county is the county", "Floods in Texas",
			"KERRVILLE, Texas — Crews searched the river.\n\nAt least 59 people died in western Kerr County, the sheriff said.",
			"At least 59 people died", "Kerr County", "sentence", "", "US.TX.265"},
		{"a capitalised compass part of a country is the country", "Powerful Quake Kills At Least 250 In Eastern Afghanistan",
			"KABUL — Rescuers dug through the night.\n\nThe quake destroyed whole villages, officials said.",
			"Kills At Least 250", "Afghanistan", "sentence", "", "AF"},
		{"an acronym is no place", "Quake toll in Turkey passes 8,000",
			"ANKARA — Rescuers searched.\n\nErdogan said 8,574 people had died and urged people to rely only on AFAD for information.",
			"8,574 people had died", "Turkey", "headline", "", "TR"},
		{"a country that reports speaks of itself", "Cyclone Chido kills 94 in Mozambique",
			"MAPUTO — The storm flattened homes.\n\nIn Cabo Delgado, 40 people died, officials said. Neighbouring Malawi reported seven deaths.",
			"seven deaths", "Malawi", "sentence", "", "MW"},
		{"an attack named by a place abroad gives its dead that place", "Tajikistan detains suspects over links to Moscow attack",
			"DUSHANBE — Security services detained nine people in the Vahdat district.\n\nHealth officials said 382 people had been injured in the attack.",
			"382 people had been injured", "Moscow", "event", "", ""},
		{"a quake named by a country abroad leaves its dead the report's place", "Bangkok tower collapses after Myanmar quake",
			"BANGKOK — Rescuers searched the rubble of the tower.\n\nAt least 10 people were killed in the collapse, the city said.",
			"At least 10 people were killed", "Bangkok", "headline", "", ""},
		{"an attack named by a place abroad leaves the report's arrests its own", "Tajikistan detains suspects over links to Moscow attack",
			"DUSHANBE — The security service said it had detained nine people.",
			"detained nine people", "Tajikistan", "headline", "", ""},
		{"a street named after a place is no place", "Truck attack on a street",
			"Bars on Bourbon Street reopened.\n\nThe attack killed 14 people in New Orleans, the FBI said.",
			"killed 14 people", "New Orleans", "sentence", "", ""},
		{"a place fronted after a time phrase", "Truck attack in New Orleans",
			"NEW ORLEANS — A truck drove into a crowd.\n\nHours later in Las Vegas, a car exploded outside a hotel, injuring seven people.",
			"injuring seven people", "Las Vegas", "sentence", "", ""},
		{"a compass part of a country is the country", "Typhoon batters Vietnam's coast",
			"HANOI — Rain kept falling.\n\nFloods have left 150 people dead in northern Vietnam, the disaster agency said.",
			"150 people dead", "Vietnam", "sentence", "", "VN"},
		{"a compass part of a country in a report about one of its provinces is the province", "Quake flattens villages in Herat",
			"KABUL — Rescuers dug with their hands.\n\nMore than 2,000 people were killed in western Afghanistan, officials said.",
			"More than 2,000 people were killed", "Herat", "sentence", "", "AF.11"},
		{"a compass part of another country is that country", "Typhoon nears Vietnam",
			"HANOI — Rain kept falling.\n\nIn the northern Philippines, floods left at least 20 people dead, officials said.",
			"at least 20 people dead", "Philippines", "sentence", "", "PH"},
		{"what an event struck is where it struck", "Hopes fade in Qinghai",
			"MINHE, China — Bulldozers worked on.\n\nAt least 135 people died when the quake hit Gansu and Qinghai, officials said.",
			"At least 135 people died", "Gansu and Qinghai", "sentence", "", ""},
		{"a headline's figure takes the wider place its body reads for it", "Quake toll reaches 120; 15 missing after mudslide in Qinghai",
			"XINING, China — The number of people killed by the earthquake in northwest China rose to 120 on Tuesday, state media said.",
			"toll reaches 120", "China", "body", "", "CN"},
		{"a headline's figure is the continent's the body gives it, 'at least' dropped", "Poland's Flood Toll Rises To Eight; Storm Boris Deaths Reach 24",
			"WARSAW, Poland – Poland's flood toll has risen to eight, the minister said.\n\nThat brings the toll of the floods in central and eastern Europe to at least 24.",
			"Deaths Reach 24", "Europe", "body", "", "x:europe"},
		{"a dateline named by another country's other name is read in the country the body names", "Woman pulled alive from rubble in Suzu; toll 126",
			"SUZU – A woman in her 90s was pulled alive from a collapsed house on Saturday, police said.\n\nThe toll rose to 126 on Saturday: 69 in Wajima, 38 in Suzu, nine in Anamizu and five in Nanao.",
			"38 in Suzu", "Suzu", "sentence", "", "JP.15.1851337"},
		{"a total above its countries' figures is the continent's the report names", "Floods Reach Into Nysa",
			"WROCŁAW, Poland – At least 15 people have died in the floods the storm has brought to central and eastern Europe, authorities said.\n\nRomania has counted six deaths, Poland five and Austria three.",
			"At least 15 people have died", "Europe", "countries", "", "x:europe"},
		{"a total above one country's figures keeps its place", "Floods Reach Into Nysa",
			"WROCŁAW, Poland – At least 15 people have died in the floods the storm has brought to central and eastern Europe, authorities said.\n\nPoland has counted five deaths.",
			"At least 15 people have died", "Poland", "headline", "", "PL"},
		{"a headline's figure of a place it cannot name takes the narrower place its body reads", "Bengal Counts Its Dead: 61 From State Killed In Balasore Crash",
			"KOLKATA – Sixty-one people from West Bengal were among those killed in the Balasore train crash, the chief minister said.",
			"61 From State", "West Bengal", "body", "", "IN.28"},
		{"a province that has its deaths, before another clause's place", "Typhoon toll rises in Vietnam",
			"HANOI — Rain fell.\n\nCao Bang has 29 deaths and 23 missing, and landslides in Yen Bai have killed 37 people.",
			"29 deaths", "Cao Bằng Province", "sentence", "", ""},
		{"a figure before another clause is no total of that clause's figures", "Typhoon toll rises in Vietnam",
			"HANOI — Rain fell.\n\nCao Bang has 29 deaths and 23 missing, and landslides in Yen Bai have killed 37 people, with three missing.",
			"23 missing", "Cao Bằng Province", "sentence", "", ""},
		{"a township a where-clause is about", "Rescuers count dead in central Myanmar floods",
			"MANDALAY — Rain fell.\n\nThe worst flooding followed the breach of a dam near Yamethin township, where rescuers say they have counted 40 bodies.",
			"40 bodies", "Yamethin", "sentence", "", ""},
		{"a named day of a past year dates its toll", "Truck attack in New Orleans",
			"NEW ORLEANS — A truck drove into a crowd.\n\nThe attack recalled the one on the seafront in Nice on Bastille Day 2016, in which 86 people were killed.",
			"86 people were killed", "", "", "2016", ""},
		{"a big city abroad another name stands for is no dateline place", "Quake toll passes 90 as rain hampers search",
			"SUZU, Japan — At least 94 people have died in the earthquake that hit Ishikawa prefecture, officials said.",
			"At least 94 people have died", "Ishikawa", "sentence", "", "JP.15"},
		{"where most of a figure is, is not what it counts", "Quake toll rises in Japan",
			"TOKYO — Rescuers searched the rubble.\n\nNHK said 79 people were unaccounted for, most of them in Wajima.",
			"79 people were unaccounted for", "Japan", "headline", "", "JP"},
		{"a town that opens its sentence counts its part", "Quake toll rises in Japan's Ishikawa",
			"TOKYO — Rescuers searched the rubble.\n\nWajima accounted for 52 of the deaths and Suzu for 28, the prefecture said.",
			"52 of the deaths", "Wajima", "sentence", "", "JP.15.1848973"},
		{"a province that opens its sentence, with a clause, counts its part", "Morocco quake toll passes 2,000",
			"RABAT — Rescuers dug through the night.\n\nAl Haouz province, where the epicentre lay, accounts for 394 of the deaths, the ministry said.",
			"394 of the deaths", "Al-Haouz", "sentence", "", "MA.07.041"},
		{"a neighbouring country that opens its sentence", "Cyclone Freddy kills 190 in Malawi",
			"BLANTYRE — Cyclone Freddy has killed 190 people in Malawi.\n\nIn neighbouring Mozambique, where the storm came ashore on Saturday, officials said 21 people had died.",
			"21 people had died", "Mozambique", "sentence", "", "MZ"},
		{"a toll across several states is the country's", "Helene toll reaches 160",
			"RALEIGH, N.C. — At least 160 people have been confirmed dead across six Southeastern states, officials said.",
			"At least 160 people have been confirmed dead", "United States", "sentence", "", "US"},
		{"a toll across a country's wider region is the country's", "State's count of Helene dead lags",
			"RALEIGH, N.C. — The state has confirmed 65 deaths.\n\nAcross the Southeast, Helene's toll passed 200 on Thursday.",
			"toll passed 200", "United States", "sentence", "", "US"},
		{"a past month and year date the figure", "Wayanad toll rises",
			"WAYANAD — The disaster is the worst in Kerala since the floods of August 2018, which killed 483 people across the state.",
			"killed 483 people", "", "", "2018", ""},
		{"an attack in a past month and year", "After Kerman, a reminder of the group's reach",
			"TEHRAN — Its deadliest attack remains the bombing at Kabul airport in August 2021, which killed about 170 Afghans.",
			"killed about 170 Afghans", "", "", "2021", ""},
		{"a past toll is of the place its sentence names", "Kunar quake toll passes 2,200",
			"ASADABAD, Afghanistan — The earthquakes that struck Herat province in October 2023 killed more than 2,000 people.",
			"killed more than 2,000 people", "Herat", "sentence", "2023", ""},
		{"a toll a past one is compared with is current", "Maui fire toll rises to 93",
			"LAHAINA, Hawaii — The toll rose to 93, surpassing the 2018 Camp Fire in northern California, which killed 85 people.",
			"toll rose to 93", "", "", "", ""},
		{"a count since a past month and year is current", "Ukraine's civilian toll",
			"KYIV — More than 10,000 civilians have been killed since Russia invaded in February 2022, the UN said.",
			"More than 10,000 civilians have been killed", "", "", "", ""},
		{"a body in a place speaks of that place, whatever the paragraph said before", "Hostages freed in Gaza handovers",
			"KHAN YOUNIS, Gaza Strip — Three hostages were handed over on Thursday.\n\nIsrael released 110 prisoners. The health ministry in Gaza said more than 47,400 people have been killed in the war.",
			"more than 47,400 people have been killed", "", "source", "", "PS.GZ"},
		{"a tie between countries goes to the dateline's", "Health ministry: 47,107 martyrs as rubble gives up its dead",
			"GAZA — The Ministry of Health said on Tuesday that 72 bodies had reached hospitals after Israeli forces pulled back, bringing the toll to 47,107.",
			"toll to 47,107", "Gaza Strip", "dateline", "", ""},
		{"a toll across the state is the state's", "Kerr County flood deaths rise to 87",
			"KERRVILLE, Texas — The sheriff said 87 people had died in the county. Across the state, at least 104 deaths had been reported by Monday night.",
			"at least 104 deaths", "Texas", "sentence", "", "US.TX"},
		{"a place the lead gives alone is a part of the report's", "Abbott: 161 missing in Kerr County as deaths climb to 109",
			"The governor said 161 people were missing in Kerr County alone, as the death toll from the floods rose to 109.",
			"death toll from the floods rose to 109", "Texas", "headline", "", "US.TX"},
		{"a toll given statewide is the state's", "Kerr County flood deaths rise to 87",
			"KERRVILLE, Texas — The governor said 109 people have died statewide.",
			"109 people have died", "Texas", "sentence", "", "US.TX"},
		{"a direction alone is no place", "Quake kills 128 in western Nepal",
			"KATHMANDU — Rescuers reached remote villages.\n\nUpdates on the earthquake in Jajarkot and West Rukum.\n\nPolice said 128 people had died.",
			"128 people had died", "Nepal", "headline", "", "NP"},
		{"a county's toll at the sentence start", "Storm toll rises in the Carolinas",
			"ASHEVILLE — Buncombe County's death toll rose to 30, the sheriff said.",
			"death toll rose to 30", "Buncombe County", "sentence", "", "US.NC.021"},
		{"the figure a comparison with the past is made of is current", "Japan's deadliest quake since 2011",
			"WAJIMA, Japan — The toll rose to 126 on Saturday, making it the deadliest quake since the 2011 tsunami, which killed more than 15,000 people.",
			"toll rose to 126", "", "", "", ""},
		{"and the past figure after it is past", "Japan's deadliest quake since 2011",
			"WAJIMA, Japan — The toll rose to 126 on Saturday, making it the deadliest quake since the 2011 tsunami, which killed more than 15,000 people.",
			"killed more than 15,000 people", "", "", "2011", ""},
		{"most of them in a designated province", "Quake toll rises in Morocco",
			"RABAT — The interior ministry said that 2,497 people had died, most of them in the province of Al Haouz.",
			"2,497 people had died", "Morocco", "headline", "", "MA"},
		{"a place that names the event", "Aid reaches cut-off villages",
			"Rabat — The number of Moroccans killed in the Al Haouz earthquake has risen to 2,681, the interior ministry said.",
			"The number of Moroccans killed in the Al Haouz earthquake has risen to 2,681", "Morocco", "group", "", "MA"},
		{"the city the paragraph last named", "UN and Libyan officials far apart on death toll",
			"TRIPOLI, Sept 16 — The UN said 11,300 people had died.\n\nThe eastern health ministry gave a lower count for Darnah. It said 3,166 bodies had been recovered in the city.",
			"3,166 bodies", "Darnah", "paragraph", "", ""},
		{"a province with an apposition opens its sentence", "Morocco quake deaths near 3,000",
			"MARRAKECH, Morocco — The quake has killed 2,946 people.\n\nAl Haouz, the mountain province around the epicentre, accounted for 1,684 of the deaths, the ministry said.",
			"1,684 of the deaths", "Al-Haouz", "sentence", "", "MA.07.041"},
		{"across the region, beside two countries' figures, is their continent's", "Floods in Myanmar kill 33 as junta asks for aid",
			"YANGON, Myanmar (Wire) - Floods brought by the typhoon have killed 33 people in Myanmar, a junta spokesman said on Friday.\n\nAcross the region more than 280 people have died since the storm struck, including 233 in Vietnam.",
			"more than 280 people have died", "Asia", "countries", "", "x:asia"},
		{"the N countries alone say it spans them", "After the water: a valley counts the cost",
			"KLODZKO, Poland - The river rose four metres in a night.\n\nAcross the four countries hit hardest, the storm killed 21 people.",
			"killed 21 people", "Europe", "countries", "", "x:europe"},
		{"no word of the region: the report's toll as it reads it", "Nepal quake toll passes 2,500",
			"KATHMANDU, Nepal - At least 2,500 people have died, officials said.\n\nIn Nepal, 2,430 deaths were confirmed by the evening, and 34 people died in India.",
			"At least 2,500 people have died", "Nepal", "headline", "", "NP"},
		{"'in the region' alone is a province's as often", "Floods kill 150 in Spain's Valencia region",
			"VALENCIA, Spain - Rescuers searched the mud on Friday.\n\nTwenty-three people are still listed as missing in the region.",
			"Twenty-three people are still listed as missing", "", "", "", "ES.60"},
		{"two directions of a continent", "Storm toll rises to 18",
			"PRAGUE (Wire) - Floods brought by the storm have killed at least 18 people in central and eastern Europe, officials said on Tuesday.",
			"killed at least 18 people", "Europe", "sentence", "", "x:europe"},
		{"a colon's parts name no place of their total", "Storm toll rises",
			"WARSAW, Poland - The storm moved east.\n\nAs of 18 September, national authorities report 23 deaths: seven in Poland, seven in Romania, five in Austria and four in the Czech Republic.",
			"23 deaths", "Europe", "countries", "", "x:europe"},
		{"a comma's parts name no place of their total", "Storm toll rises",
			"WARSAW, Poland - The storm moved east.\n\nOfficials report 23 deaths, seven in Poland, seven in Romania, five in Austria and four in the Czech Republic.",
			"23 deaths", "Europe", "countries", "", "x:europe"},
		{"a total after two states' figures is the country's", "Ian's toll passes 100",
			"FORT MYERS, Fla. - The storm killed at least 105 people in Florida and five in North Carolina, bringing the total to 110.",
			"the total to 110", "United States", "parts", "", "US"},
		{"an open part puts its total above it", "Ian's toll passes 100 as Lee County mourns",
			"FORT MYERS - The number of people killed by the hurricane rose above 100 on Monday, with at least 54 deaths in Lee County, officials said.",
			"number of people killed by the hurricane rose above 100", "Florida", "parts", "", "US.FL"},
		{"the state's count a few words before", "One month after the storm, a beach town rebuilds",
			"FORT MYERS BEACH, Fla. - Residents are still clearing debris.\n\nThe state's count now stands at 140 deaths, the medical examiners said last week.",
			"140 deaths", "Florida", "sentence", "", "US.FL"},
		{"a two-word demonym in a live blog's headline names its country", "LIVE: Easter Sunday blasts hit Sri Lankan churches and hotels - at least 207 dead",
			"All times local.\n\n11:15 – Police say at least 25 people have been killed.",
			"at least 25 people have been killed", "Sri Lanka", "headline", "", "LK"},
		{"a possessive ends its place's name", "Hurricane toll rises to 51",
			"Puerto Rico's Department of Public Safety raised the official number of hurricane deaths to 51 on Thursday.",
			"deaths to 51", "Puerto Rico", "lead", "", "PR"},
		{"a figure its own words spread over states is no toll of the subject's place", "Hurricane slams Florida",
			"PERRY, Fla. (Wire) - The hurricane came ashore late on Thursday and raced north into Georgia and the Carolinas, killing at least 44 people in four states.",
			"killing at least 44 people", "United States", "sentence", "", "US"},
		{"a country before ', where' with no preposition", "Storm toll tops 500",
			"MANILA - The storm weakened over land.\n\nThe toll across Southeast Asia is now well over 500, counting Vietnam, where it killed 197 people, and Laos.",
			"killed 197 people", "Vietnam", "sentence", "", "VN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tracker.WithHeadline(tt.title, tt.text)
			d, _ := tracker.ParseDate("2024-01-06")
			res, err := Report(tracker.Report{ID: "r", Title: tt.title, Published: d, Text: text})
			if err != nil {
				t.Fatal(err)
			}
			var got *tracker.Claim
			for i := range res.Claims {
				if res.Claims[i].Span == tt.span {
					got = &res.Claims[i]
				}
			}
			if got == nil {
				var spans []string
				for _, c := range res.Claims {
					spans = append(spans, c.Span)
				}
				t.Fatalf("no claim with span %q; got %q", tt.span, spans)
			}
			x := got.Context
			if tt.place != "" && (x.Place != tt.place || x.PlaceFrom != tt.from) {
				t.Errorf("place got %q from %q, want %q from %q", x.Place, x.PlaceFrom, tt.place, tt.from)
			}
			if tt.placeID != "" && x.PlaceID != tt.placeID {
				t.Errorf("place id got %q, want %q", x.PlaceID, tt.placeID)
			}
			if x.Past != tt.past {
				t.Errorf("past got %q, want %q", x.Past, tt.past)
			}
		})
	}
}

// TestDeadlineDatesNothing: "held until May 22" is a deadline, not the
// date a figure is as of.
func TestDeadlineDatesNothing(t *testing.T) {
	d, _ := tracker.ParseDate("2024-03-24")
	res, err := Extract("A court formally arrested four men and ordered them held until May 22.", Options{Date: d})
	if err != nil {
		t.Fatal(err)
	}
	claims := res.Claims
	if len(claims) != 1 {
		t.Fatalf("got %d claims, want 1", len(claims))
	}
	if got := claims[0].AsOf; !got.IsZero() && got.String() != "2024-03-24" {
		t.Errorf("as of got %s, want the report's date or none", got)
	}
}

// TestReportContextEvents: the event a figure counts.
func TestReportContextEvents(t *testing.T) {
	tests := []struct {
		name, title, text, span, want string
	}{
		{"a cholera outbreak is cholera's", "Sudan's war and floods fuel cholera's spread",
			"Eighteen months of war have left Sudan unable to contain a cholera outbreak that has killed 545 people since August.",
			"killed 545 people", "cholera"},
		{"a dam that gave way is the collapse's, no flood", "Dam collapse buries mining town",
			"BRUMADINHO, Brazil - At least 34 people died when a tailings dam collapsed on Friday, the fire brigade said.",
			"At least 34 people died", "collapse"},
		{"a war zone is no war", "Maui fires live",
			"Lahaina burned overnight.\n\nThe governor says 59 people are now known to have died, and compares the town to a war zone.",
			"59 people are now known to have died", "fire"},
		{"hurricane-force winds are no hurricane", "Maui fires live",
			"Wildfires driven by hurricane-force winds have killed at least 36 people on Maui, county officials said.",
			"killed at least 36 people", "wildfire"},
		{"opening fire is no blaze", "Gunman kills 9 at a market",
			"The gunman opened fire on shoppers, killing nine people, police said.",
			"killing nine people", ""},
		{"an exchange of fire is no blaze", "Police raid a compound",
			"Six people were killed in an exchange of fire with police.",
			"Six people were killed", "attack"},
		{"the fire service is no blaze", "Typhoon hits the north",
			"The fire service said 36 people had died in the typhoon.",
			"36 people had died", "storm"},
		{"a storm due to strike is the storm", "Typhoon nears the coast",
			"The typhoon, due to strike the country on Saturday, has already killed four people.",
			"killed four people", "storm"},
		{"a collapse is its own event", "Tower collapse",
			"The collapse of the apartment block has killed 12 people, the mayor said.",
			"killed 12 people", "collapse"},
		{"a crowd crush is its own event", "Seoul mourns",
			"The crush in Itaewon on Saturday night killed 154 people, the fire authorities said.",
			"killed 154 people", "crush"},
		{"the fire authorities are no blaze", "Seoul mourns",
			"At least 151 people died, the fire authorities said.",
			"At least 151 people died", ""},
		{"a sinking is a shipwreck", "Boat sinks off Pylos",
			"The sinking of the trawler off Pylos killed at least 78 people, the coast guard said.",
			"killed at least 78 people", "shipwreck"},
		{"the heat is an event", "Hajj deaths",
			"More than 1,300 pilgrims died in the extreme heat, Saudi officials said.",
			"More than 1,300 pilgrims died", "heat"},
		{"commandos storming hotels is no storm", "Mumbai siege: toll rises to 125 as commandos storm hotels",
			"Gunmen attacked two hotels and a station, and the toll rose to 125, officials said.",
			"toll rose to 125", "attack"},
		{"gunmen storming a mall name no storm", "Gunmen storm Nairobi mall, killing at least 39",
			"Gunmen opened fire in a shopping mall on Saturday, killing at least 39 people, the minister said.",
			"killing at least 39 people", ""},
		{"an attacked site is an attack", "Nairobi mall siege",
			"Islamist gunmen attacked the Westgate shopping mall on Saturday, killing at least 39 people, the minister said.",
			"killing at least 39 people", "attack"},
		{"a boat that sank is a shipwreck", "The deadliest year",
			"Only 78 bodies have been recovered from the trawler that sank off Pylos last week.",
			"78 bodies", "shipwreck"},
		{"a plane that crashed is a crash", "A year on",
			"The plane that crashed near Pokhara killed all 72 people on board.",
			"killed all 72 people", "crash"},
		{"a storm named after its noun is one", "Haiti braces as Storm Grace nears",
			"Storm Grace killed four people in the Dominican Republic.",
			"killed four people", "storm"},
		{"a country's storm is a storm", "Mozambique counts its dead",
			"Mozambique's storm killed 5 people on Monday, officials said.",
			"killed 5 people", "storm"},
		{"a country's storm with a curly apostrophe is a storm", "Mozambique counts its dead",
			"Mozambique\u2019s storm killed 5 people on Monday, officials said.",
			"killed 5 people", "storm"},
		{"a region's storms with a curly apostrophe are storms", "The region counts its dead",
			"The region\u2019s storms killed 5 people.",
			"killed 5 people", "storm"},
		{"a mine's fire is a mining accident", "Kazakh mine fire",
			"A fire at a coal mine in Karaganda region killed 32 miners on Saturday, the ministry said.",
			"killed 32 miners", "mining"},
		{"a fire in a report whose lead names a mine is the mine's", "Kazakh mine fire",
			"A fire broke out at the Kostenko coal mine early on Saturday.\n\nRescuers found more bodies, bringing the toll from the fire to 46.",
			"toll from the fire to 46", "mining"},
		{"a fire in a report that names no mine stays a fire", "Tower blaze",
			"A fire broke out in the tower early on Saturday.\n\nRescuers found more bodies, bringing the toll from the fire to 46.",
			"toll from the fire to 46", "fire"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Report(tracker.Report{ID: "r", Title: tt.title, Text: tracker.WithHeadline(tt.title, tt.text)})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range res.Claims {
				if c.Span == tt.span {
					if c.Context.Event != tt.want {
						t.Errorf("event got %q, want %q", c.Context.Event, tt.want)
					}
					return
				}
			}
			t.Fatalf("no claim with span %q", tt.span)
		})
	}
}

// TestNewYearIsNoPlace: "on New Year's Day" names a day.
func TestNewYearIsNoPlace(t *testing.T) {
	res, err := Extract("The quake that struck on New Year's Day has killed 73 people in New Zealand and Japan.", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Claims) != 1 || res.Claims[0].Where == "New" || res.Claims[0].Where == "New Year" {
		t.Fatalf("got %+v, want one claim whose place is no 'New'", res.Claims)
	}
}

// TestCitingIsTheOrigin: a source that reports "citing" another relays
// the other's figure.
func TestCitingIsTheOrigin(t *testing.T) {
	title := "Quake toll rises"
	text := tracker.WithHeadline(title, "KANAZAWA, Japan (Asia Courier Service) - The death toll climbed to 84 on Thursday, public broadcaster NHK reported, citing the Ishikawa prefectural government.")
	res, err := Report(tracker.Report{ID: "r", Title: title, Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Claims) != 1 {
		t.Fatalf("got %d claims, want 1", len(res.Claims))
	}
	c := res.Claims[0]
	if got, want := c.Attribution, "the Ishikawa prefectural government"; got != want {
		t.Errorf("attribution got %q, want %q", got, want)
	}
	if got, want := c.Context.Via, "public broadcaster NHK"; got != want {
		t.Errorf("via got %q, want %q", got, want)
	}
}

func TestEventNamedIn(t *testing.T) {
	tests := []struct {
		name, in string
		want     bool
	}{
		{"a place's earthquake", "number of Moroccans killed in the Al Haouz earthquake has risen to 2,681", true},
		{"a place's floods", "killed in the Valencia floods", true},
		{"a place", "toll for the Valencia region rose to 62", false},
		{"no the", "Al Haouz earthquake toll", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := defaultVocabulary().eventNamedIn(tt.in); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestPronounGiver: "It said" gives the figure of the body the sentence
// before opened with.
func TestPronounGiver(t *testing.T) {
	title := "UN and Libyan officials far apart on death toll"
	text := tracker.WithHeadline(title, "TRIPOLI, Sept 16 — The UN said 11,300 people had died.\n\nThe eastern government's health ministry gave a lower count for Darnah. It said 3,166 bodies had been recovered in the city.")
	res, err := Report(tracker.Report{ID: "r", Title: title, Text: text})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range res.Claims {
		if c.Span == "3,166 bodies" {
			if got, want := c.Context.Origin, "The eastern government's health ministry"; got != want {
				t.Errorf("origin got %q, want %q", got, want)
			}
			return
		}
	}
	t.Fatal("no claim for the 3,166 bodies")
}

// looksLikePlaceRef is looksLikePlace as it was, over strings.Fields
// of a lowered copy; it says whether a Where the gazetteer does not know still
// reads as a place: a designator word, or two or more capitalised words.
func looksLikePlaceRef(where string) bool {
	if stripDesignator(where) != where {
		return true
	}
	for _, w := range strings.Fields(strings.ToLower(where)) {
		if defaultVocabulary().sites[strings.Trim(w, ",.")] {
			// an event site: the toll of what happened there
			return true
		}
	}
	caps, last := 0, ""
	for _, w := range strings.Fields(where) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			caps++
		}
		last = w
	}
	// (and a name before a landform: "the Ahr valley")
	return caps >= 2 || caps == 1 && defaultVocabulary().landforms[last]
}

// TestLooksLikePlace holds looksLikePlace to looksLikePlaceRef on the
// corpora's sentences cut into runs of words and on edge cases.
func TestLooksLikePlace(t *testing.T) {
	inputs := []string{"", "Gaza", "Al Haouz", "the al-Ahli Arab Hospital,", "HOSPITAL", "Nasser hospital.", "camp,.", "Kibbutz Be'eri",
		"Ａ Ｂ", "Śląsk Wrocław", "the ſchool", "K hall", "Hospitalx", "a very long word like universityuniversity hospital",
		"Jabalia\tcamp", "the Ahr valley", "Ahr Valley", "the valley", "Zinda Jan district", "province of Taroudant", "Été Hall", "\xff\xfe camp"}
	for _, s := range fastPathInputs(t) {
		ws := strings.Fields(s)
		for i := 0; i+3 <= len(ws); i += 3 {
			inputs = append(inputs, strings.Join(ws[i:i+3], " "))
		}
	}
	n := 0
	for _, s := range inputs {
		got, want := defaultVocabulary().looksLikePlace(s), looksLikePlaceRef(s)
		if want {
			n++
		}
		if got != want {
			t.Errorf("looksLikePlace(%q) = %v, want %v", s, got, want)
		}
	}
	if n < 50 {
		t.Errorf("%d inputs looked like places: the test checks little", n)
	}
}

// TestPlaceAlone: a figure one place gave "alone", with no place the
// sentence pass read, is a part of the report's toll; a day or a month
// alone is a period, and a figure whose place was read keeps its place.
func TestPlaceAlone(t *testing.T) {
	tests := []struct {
		name, text string
		want       []bool // Context.Part of each claim, in order
	}{
		{"from a river alone", "So far 75 bodies have been recovered from the Chaliyar alone, officials said.", []bool{true}},
		// (its place read, it is that place's toll: a part by its place)
		{"a place read", "In Mundakkai alone, 120 people have been confirmed dead.", []bool{false}},
		{"only the figure beside it", "The floods have killed 300 people, 120 of them from Bhambore alone.", []bool{false, true}},
		{"one hospital alone", "A doctor said the regional hospital alone had received more than 600 injured people.", []bool{true}},
		{"a day is a period", "Rescuers recovered 40 bodies on Saturday alone.", []bool{false}},
		{"a month is a period", "In October alone, 55 people were killed.", []bool{false}},
		{"no alone", "So far 75 bodies have been recovered from the Chaliyar, officials said.", []bool{false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			title := "Landslides in Wayanad"
			text := tracker.WithHeadline(title, tt.text)
			res, err := Report(tracker.Report{ID: "r", Title: title, Text: text, Published: tracker.MustDate("2024-08-04")})
			if err != nil {
				t.Fatal(err)
			}
			var got []bool
			for _, c := range res.Claims {
				got = append(got, c.Context.Part)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got parts %v, want %v (%+v)", got, tt.want, res.Claims)
			}
		})
	}
}

// TestNumberWordIsNoPlace: a number word opening a sentence is no place,
// though the gazetteer knows towns so named.
func TestNumberWordIsNoPlace(t *testing.T) {
	title := "Los Angeles fire toll climbs to 24"
	text := tracker.WithHeadline(title, "LOS ANGELES — The toll climbed to 24 on Sunday. Eight deaths were added on Sunday alone.")
	res, err := Report(tracker.Report{ID: "r", Title: title, Text: text, Published: tracker.MustDate("2025-01-12")})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range res.Claims {
		if c.Context.Place == "Eight" || c.Where == "Eight" {
			t.Errorf("claim %q placed in %q", c.Span, c.Context.Place)
		}
	}
}

// TestCombined: a list of places is two or three countries together, or
// three first-level units of one country (their country); anything else
// is no combined place.
func TestCombined(t *testing.T) {
	m := newPlaceMemo(defaultVocabulary(), gaz(), nil)
	tests := []struct {
		where, id string
		ok        bool
	}{
		{"Turkey and Syria", "SY+TR", true},
		{"Malawi, Mozambique and Madagascar", "MG+MW+MZ", true},
		{"Kunar, Nangarhar and Laghman provinces", "AF", true},
		{"Gansu and Qinghai", "", false},
		{"Jajarkot and Rukum West", "", false},
		{"Kunar, Nangarhar and Pakistan", "", false},
		{"Pakistan and Kunar", "", false},
		{"Kabul", "", false},
	}
	for _, tt := range tests {
		id, _, ok := combined(m, tt.where)
		if ok != tt.ok || id != tt.id {
			t.Errorf("combined(%q) = %q, %v; want %q, %v", tt.where, id, ok, tt.id, tt.ok)
		}
	}
}

// TestStormNameIsNoPlace: a headline's "Otis death toll" in a report
// that names Hurricane Otis is the storm's toll, not a place called Otis,
// while a place the report does not name as a storm stays a place; and a
// title-case headline's "In Deadliest Accident" is no place when the body
// writes "deadliest" in lower case.
func TestStormNameIsNoPlace(t *testing.T) {
	tests := []struct {
		name, title, body string
		want              []string // each claim's Where, in order
	}{
		{"the storm a body names", "Otis death toll climbs to 39",
			"The number of people killed by Hurricane Otis in the state of Guerrero has risen to 39, the governor said.",
			[]string{"", "Guerrero"}},
		{"a typhoon named in the title", "Typhoon Yagi: Yagi toll rises to 59",
			"The storm has killed 59 people, officials said.",
			[]string{"", ""}},
		{"a place whose name no storm bears", "Gaza death toll tops 10,000",
			"The storm season has not begun. The ministry said more than 10,000 people had been killed.",
			[]string{"Gaza", ""}},
		// a title-case headline's capitalised common words
		{"common words the body writes in lower case", "Nepal Plane Crash Kills At Least 68 In Deadliest Accident In Three Decades",
			"A plane crashed near Pokhara on Sunday, killing at least 68 people in Nepal's deadliest air accident in 30 years, officials said.",
			[]string{"", "Nepal"}},
		{"an unknown site the body capitalises", "Landslide Kills 12 In Kalehe Gold Mine",
			"A landslide at an artisanal gold mine in Kalehe killed 12 people, officials said.",
			[]string{"Kalehe Gold Mine", "Kalehe"}},
		{"an area noun is left to the body", "Bengal Counts Its Dead: 61 From State Killed In Train Crash",
			"Sixty-one people from West Bengal were among those killed in the train crash, the chief minister said.",
			[]string{"State", ""}},
		{"in a sentence-case headline", "Plane crash kills 68 in Deadliest Accident",
			"A plane crashed on Sunday, killing 68 people in the deadliest accident in years.",
			[]string{"Deadliest Accident", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Report(tracker.Report{ID: "r", Title: tt.title, Text: tracker.WithHeadline(tt.title, tt.body)})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range res.Claims {
				got = append(got, c.Where)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("places got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPartitiveSiblings: "29 of the dead were in Acapulco and 10 in
// Coyuca" gives both places' figures, both parts and both the speaker's,
// and the toll of the next sentence is no toll of the last part's place.
func TestPartitiveSiblings(t *testing.T) {
	title := "Storm toll climbs to 39"
	body := "CHILPANCINGO, Mexico - The number of people killed in the state of Guerrero has risen to 39, the governor said.\n\n" +
		"Salgado said 29 of the dead were in Acapulco and 10 in Coyuca de Benitez. The toll had stood at 27 on Thursday."
	res, err := Report(tracker.Report{ID: "r", Title: title, Text: tracker.WithHeadline(title, body)})
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		low         int64
		where, attr string
		part, prior bool
		placeFrom   string
	}
	var got []row
	for _, c := range res.Claims {
		if c.Start < len(title) {
			continue
		}
		lo := c.Interval.Low.IntPart()
		got = append(got, row{lo, c.Where, c.Attribution, c.Context.Part, c.Prior, c.Context.PlaceFrom})
	}
	want := []row{
		{39, "Guerrero", "governor", false, false, "sentence"},
		{29, "Acapulco", "Salgado", true, false, "sentence"},
		{10, "Coyuca de Benitez", "Salgado", true, false, "sentence"},
		{27, "", "", false, true, "lead"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// TestArticleBeforeNoPlace: a word the vocabulary says is no place is
// none after "the" either ("the South" of a lake's name is not
// Cameroon's South region), while a real place after "the" still is.
func TestArticleBeforeNoPlace(t *testing.T) {
	m := newPlaceMemo(defaultVocabulary(), gaz(), nil)
	tests := []struct {
		name, text string
		want       []string // place ids
	}{
		{"a compass word after the", "When the South Lhonak lake gave way, it killed at least 40 people in Sikkim.", []string{"IN.29"}},
		{"a month after the", "By the March floods the toll in Sikkim had risen.", []string{"IN.29"}},
		{"a country after the", "Aid reached the Philippines on Monday.", []string{"PH"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range m.placesOf(tt.text, true) {
				got = append(got, p.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestRedCrossIsNoPlace: a name the vocabulary says is no place keeps its
// words from being places one by one ("Red Cross" is not Cross County,
// Arkansas).
func TestRedCrossIsNoPlace(t *testing.T) {
	m := newPlaceMemo(defaultVocabulary(), gaz(), nil)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"the Red Cross", "The Kenya Red Cross Says 112 Are Missing", []string{"KE"}},
		{"the Red Crescent", "The Red Crescent sent teams to Gaziantep.", []string{"TR.83"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range m.placesOf(tt.text, true) {
				got = append(got, p.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestDatelineDayMonth: "ASTANA, 17 November –" is a dateline, as
// "RABAT, Sept 9 (Reuters) -" is.
func TestDatelineDayMonth(t *testing.T) {
	for _, s := range []string{"ASTANA, 17 November – The commission said.", "RABAT, Sept 9 (Reuters) - The ministry said.", "ALMATY, Kazakhstan, Oct 28 (MPA) – A fire killed 11."} {
		if m := datelineMatch(s); m == nil {
			t.Errorf("%q: no dateline", s)
		}
	}
}

// TestProbableDeathsArePart: an outbreak's probable or suspected deaths
// are some of its dead, never the toll; suspected militants killed are
// the militants' toll.
func TestProbableDeathsArePart(t *testing.T) {
	tests := []struct {
		name, text string
		part       []bool
	}{
		{"probable deaths in a list", "The toll has risen to 29, including 10 confirmed and 19 probable deaths.", []bool{false, true, true}},
		{"probable deaths alone", "In addition, 20 probable deaths were recorded.", []bool{true}},
		{"suspected militants", "Police said 12 suspected militants were killed.", []bool{false}},
		{"a family's loss is some of the dead", "A farmer said he had lost 14 relatives in the slide.", []bool{true}},
		{"members of a family, at the sentence's end", "A driver said he had lost 26 members of his family.", []bool{true}},
		{"a family's dead and missing after a colon, with no total filed", "A worker said he had lost 26 members of his family: the bodies of 10 have been found and 16 are still missing.", []bool{true, true}},
		{"those who remain in hospital are some of the injured", "The fire injured 79 people. Thirty-seven people remain in hospital, four of them in critical condition.", []bool{false, true, true}},
		{"the injured being treated on the first day are the injured", "The NHS says 74 people are being treated in hospital.", []bool{false}},
		{"a party's members are no family", "The toll rose to 40, and the party said it had lost three members of its council in the attack.", []bool{false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := claimParts(t, "", tt.text); !slices.Equal(got, tt.part) {
				t.Errorf("parts got %v, want %v", got, tt.part)
			}
		})
	}
}

// TestRefugeesPlaceNoParagraph: where refugees fled abroad is no place
// for the paragraph's next figure; a displaced count at home still is.
func TestRefugeesPlaceNoParagraph(t *testing.T) {
	title := "Sudan death toll passes 400"
	tests := []struct {
		name, para string
		want       string // the last claim's place
	}{
		{"refugees abroad", "About 20,000 people had fled across the border into Chad. Previously, WHO had reported 413 deaths.", "Sudan"},
		{"displaced at home", "The fighting has displaced 10,000 people in Khartoum. Another 40 people were killed there.", "Khartoum"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := "KHARTOUM, Sudan (Wire) - The death toll from ten days of fighting in Sudan has risen to 427, the WHO said.\n\n" + tt.para
			res, err := Report(tracker.Report{ID: "r", Title: title, Text: tracker.WithHeadline(title, body)})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Claims) == 0 {
				t.Fatal("no claims")
			}
			if got := res.Claims[len(res.Claims)-1].Context.Place; got != tt.want {
				t.Errorf("place got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestOpensNational: a sentence that opens "Across the country" gives the
// country's toll in a report about one province.
func TestOpensNational(t *testing.T) {
	title := "Sindh counts the cost"
	body := "HYDERABAD, Pakistan - In Sindh alone, 578 people have died since June, the provincial authority said.\n\nAcross the country the NDMA's count stood at 1,391."
	res, err := Report(tracker.Report{ID: "r", Title: title, Text: tracker.WithHeadline(title, body)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range res.Claims {
		got = append(got, c.Context.Place)
	}
	if want := []string{"Sindh", "Pakistan"}; !slices.Equal(got, want) {
		t.Errorf("places got %q, want %q", got, want)
	}
}

// TestOwnBesideForeign: the report's own nationals counted beside
// foreigners in one sentence are a part of the dead; alone they are the
// toll's people.
func TestOwnBesideForeign(t *testing.T) {
	tests := []struct {
		name, body string
		part       []bool
	}{
		{"beside foreigners", "ALGIERS (Wire) - The prime minister said 37 foreign hostages and one Algerian were killed at the plant in Algeria.", []bool{false, true}},
		{"alone", "ALGIERS (Wire) - The ministry said 12 Algerians were killed in the attack in Algeria.", []bool{false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := claimParts(t, "Attack in Algeria", tt.body); !slices.Equal(got, tt.part) {
				t.Errorf("parts got %v, want %v", got, tt.part)
			}
		})
	}
}

// TestStateRunIsNoArea: "the state-run Bakhtar news agency" names an
// institution, not a government-held part of the country.
func TestStateRunIsNoArea(t *testing.T) {
	title := "Earthquake kills 255 in eastern Afghanistan"
	body := "KABUL (Wire) - A powerful earthquake struck eastern Afghanistan on Wednesday, killing at least 255 people, the state-run Bakhtar news agency reported."
	res, err := Report(tracker.Report{ID: "r", Title: title, Text: tracker.WithHeadline(title, body)})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range res.Claims {
		if strings.Contains(c.Context.Place, "-held") {
			t.Errorf("claim %q placed in %q", c.Span, c.Context.Place)
		}
	}
}

// TestDeadIncludePeopleArePart: people a sentence lists among the dead,
// with no total of its own, are some of the dead; a named group and a
// place's item keep their own series.
func TestDeadIncludePeopleArePart(t *testing.T) {
	tests := []struct {
		name, text string
		part       []bool
	}{
		{"residents among the dead", "The dead include two foreigners and two local residents, a senior official said.", []bool{false, true}},
		{"a named group", "The dead included 12 children.", []bool{false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := claimParts(t, "", tt.text); !slices.Equal(got, tt.part) {
				t.Errorf("parts got %v, want %v", got, tt.part)
			}
		})
	}
}

// TestStormsAcrossCountries: a storm's name stands for the storm where a
// sentence names another event after it; a figure "across" three
// countries is their joint toll, and a headline's same figure takes it;
// "in both countries" of a report about a region is the two it names.
func TestStormsAcrossCountries(t *testing.T) {
	title := "Idai toll passes 750 as cholera fears grow"
	body := "HARARE (Wire) - The death toll from Cyclone Idai has risen to more than 750 across Mozambique, Zimbabwe and Malawi, officials said on Tuesday, with 468 dead in Mozambique alone.\n\nZimbabwe's toll stood at 259, the government said."
	res, err := Report(tracker.Report{ID: "r", Title: title, Text: tracker.WithHeadline(title, body)})
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ placeID, event string }
	var got []row
	for _, c := range res.Claims {
		got = append(got, row{c.Context.PlaceID, c.Context.Event})
	}
	want := []row{{"MW+MZ+ZW", "storm"}, {"MW+MZ+ZW", "storm"}, {"MZ", "storm"}, {"ZW", "storm"}}
	if !slices.Equal(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}

	title = "Idai death toll rises above 300 in southern Africa"
	body = "The number of people killed by Cyclone Idai in Mozambique and Zimbabwe has risen to more than 300, officials said.\n\nHundreds more were missing in both countries."
	res, err = Report(tracker.Report{ID: "r2", Title: title, Text: tracker.WithHeadline(title, body)})
	if err != nil {
		t.Fatal(err)
	}
	last := res.Claims[len(res.Claims)-1]
	if last.Category != tracker.Missing || last.Context.PlaceID != "MZ+ZW" {
		t.Errorf("both countries: got %s in %q (%s), want missing in MZ+ZW", last.Category, last.Context.Place, last.Context.PlaceID)
	}
}

// TestTotalAcrossTheCountries: "bringing the total across the three
// countries to 608" is read, and is the countries' joint toll.
func TestTotalAcrossTheCountries(t *testing.T) {
	title := "Cyclone Idai Flash Update"
	body := "As of 22 March, 293 deaths have been confirmed in Mozambique, 259 in Zimbabwe and 56 in Malawi, bringing the total across the three countries to 608."
	res, err := Report(tracker.Report{ID: "r", Title: title, Text: tracker.WithHeadline(title, body)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range res.Claims {
		got = append(got, c.Interval.Low.String()+" "+c.Context.PlaceID)
	}
	if want := []string{"293 MZ", "259 ZW", "56 MW", "608 MW+MZ+ZW"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestNationalSourceInACityReport: a national body's figure in a report
// about a city is the country's; a province's report keeps its province.
func TestNationalSourceInACityReport(t *testing.T) {
	tests := []struct {
		name, title, body, want string
	}{
		{"a city's live blog", "Live: Acapulco after Hurricane Otis", "18:40 - Mexico's government now says 43 people died in the hurricane.", "MX"},
		{"a province's report", "Floods in Sindh", "HYDERABAD, Pakistan - Pakistan's disaster authority said 578 people had died in the floods.", "PK.05"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Report(tracker.Report{ID: "r", Title: tt.title, Text: tracker.WithHeadline(tt.title, tt.body)})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Claims) != 1 {
				t.Fatalf("got %d claims, want 1", len(res.Claims))
			}
			if got := res.Claims[0].Context.PlaceID; got != tt.want {
				t.Errorf("place got %q (%s), want %q", got, res.Claims[0].Context.Place, tt.want)
			}
		})
	}
}

// TestWhereMostOfTheDeadAre: a lead's "Nearly all of the dead were in
// Kunar" says where most of the toll lies, not what the report counts.
func TestWhereMostOfTheDeadAre(t *testing.T) {
	title := "Quake Toll Rises To 1,411"
	body := "KABUL — The number of people killed by Sunday's earthquake has risen to 1,411, the government spokesman said on Tuesday. Nearly all of the dead were in Kunar, he said."
	res, err := Report(tracker.Report{ID: "r", Title: title, Text: tracker.WithHeadline(title, body)})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range res.Claims {
		if c.Context.Place == "Kunar" {
			t.Errorf("claim %q placed in Kunar", c.Span)
		}
	}
	if got, want := withoutShares("Most of the dead were in Kunar. Aid came."), "                              . Aid came."; got != want {
		t.Errorf("withoutShares got %q, want %q", got, want)
	}
}

// TestPastNearestYear: a sentence that lists past storms with their
// years gives each toll the year nearest before it.
func TestPastNearestYear(t *testing.T) {
	title := "Helene toll"
	body := "Since 1950, only Katrina in 2005, Audrey in 1957, which killed 416 people, and Camille in 1969, which killed 256, have claimed more lives."
	res, err := Report(tracker.Report{ID: "r", Title: title, Text: tracker.WithHeadline(title, body), Published: tracker.MustDate("2024-10-01")})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range res.Claims {
		got = append(got, c.Interval.Low.String()+" "+c.Context.Past)
	}
	if want := []string{"416 1957", "256 1969"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestPastMonthsAndSpans: a sentence opening with a month two or more
// before the report's, or counting over years gone by, is another time's;
// the month before the report's, and a span after a superlative, are not.
func TestPastMonthsAndSpans(t *testing.T) {
	tests := []struct {
		name, body, published, want string
	}{
		{"a month this year", "In August this year, five miners died in a fire at another mine.", "2023-10-29", "august 2023"},
		{"a month after the report's is last year's", "In May a small plane flew into a mountainside, killing all 22 on board.", "2023-02-09", "may 2022"},
		{"the month before is left alone", "In September, the ministry said 300 people had died.", "2023-10-29", ""},
		{"the report's own month", "In October, floods killed 12 people.", "2023-10-29", ""},
		{"a month with its year is the year's", "In October 2013, 115 people died in a crush near a temple.", "2024-07-09", "2013"},
		{"a month with its day", "In June 12 floods, 40 people died.", "2024-07-09", ""},
		{"years gone by", "More than 100 people have died at the company's mines in the past 15 years.", "2023-10-29", "in the past 15 years"},
		{"since the Soviet Union", "About 200 miners have died since the collapse of the Soviet Union.", "2023-10-29", "since the collapse of the soviet union"},
		{"a superlative compares", "It is the deadliest accident in the past 30 years, and 68 people were killed.", "2023-01-15", ""},
		{"a figure since a past year is today's", "It is the first quake to claim more than 100 lives since the Kumamoto earthquakes of 2016.", "2024-01-07", ""},
		{"a past year's figure", "The Kumamoto earthquakes of 2016 killed 276 people.", "2024-01-07", "2016"},
		{"a pluperfect toll an earlier month's 'when' dates", "The cyclone had already killed 10 people when it first made landfall in late February.", "2023-03-15", "february 2023"},
		{"a 'when' month after the report's is last year's", "The virus had killed 30 people when it was first detected in November.", "2024-02-03", "november 2023"},
		{"the report's own month is today's", "The cyclone had killed 10 people when it made landfall in early March.", "2023-03-15", ""},
		{"a pluperfect toll with no 'when' is left alone", "The outbreak had killed 100 people by the end of February.", "2023-03-15", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			title := "Mine accidents"
			res, err := Report(tracker.Report{ID: "r", Title: title, Text: tracker.WithHeadline(title, tt.body), Published: tracker.MustDate(tt.published)})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Claims) != 1 {
				t.Fatalf("got %d claims, want 1", len(res.Claims))
			}
			if got := res.Claims[0].Context.Past; got != tt.want {
				t.Errorf("past got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestWithoutSharesRunes: a lead holding a rune whose lowercase form is
// longer in bytes ("Ⱥ" is two bytes, "ⱥ" three) is blanked at its own
// offsets; strings.ToLower's had run past the lead's end and panicked.
func TestWithoutSharesRunes(t *testing.T) {
	tests := []struct{ name, lead, want string }{
		{"longer lowercase", "ȺȺ Most of the dead were in Kunar", "ȺȺ " + strings.Repeat(" ", 30)},
		{"shorter lowercase", "\u212a Most of the dead were in Kunar. Aid came.", "\u212a " + strings.Repeat(" ", 30) + ". Aid came."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := withoutShares(tt.lead); got != tt.want {
				t.Errorf("withoutShares(%q) = %q, want %q", tt.lead, got, tt.want)
			}
		})
	}
	title := "Quake kills 12 in Afghanistan"
	body := "ȺȺȺȺ At least 12 people were killed in the earthquake, officials said. Nearly all of the dead were in Kunar"
	if _, err := Report(tracker.Report{ID: "r", Title: title, Text: tracker.WithHeadline(title, body)}); err != nil {
		t.Fatal(err)
	}
}

// TestNamedFiresAndStateDatelines: a capitalised event word makes its
// name the event's ("Camp Fire toll"); a wire's abbreviated state in a
// dateline places the report in that state and reads the headline's
// names inside it; a year named only after a figure, past a comma, is
// another figure's; "the statewide toll" takes no place of the clause
// before.
func TestNamedFiresAndStateDatelines(t *testing.T) {
	title := "Missing list in Paradise fire swells to 1,011"
	body := "OROVILLE, Calif. (Wire) - The number of people listed as missing after the Camp Fire rose to 1,011 on Friday, the sheriff said."
	res, err := Report(tracker.Report{ID: "r", Title: title, Text: tracker.WithHeadline(title, body)})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range res.Claims {
		if pl, ok := gaz().Get(c.Context.PlaceID); !ok || !gaz().Contains("US.CA", pl.ID) && pl.ID != "US.CA" {
			t.Errorf("claim %q placed in %q (%s), want a place in California", c.Span, c.Context.Place, c.Context.PlaceID)
		}
	}

	title = "Camp Fire toll rises to 29"
	body = "The number of people killed rose to 29 on Sunday, the sheriff said, tying the record set by the Griffith Park fire in 1933.\n\nTwo more people died in the Woolsey Fire near Malibu, bringing the statewide toll to 31."
	res, err = Report(tracker.Report{ID: "r2", Title: title, Text: tracker.WithHeadline(title, body), Published: tracker.MustDate("2018-11-11")})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range res.Claims {
		if c.Where == "Camp" || c.Context.Place == "Camp" {
			t.Errorf("claim %q placed in Camp", c.Span)
		}
		if c.Interval.Low.IntPart() == 29 && c.Context.Past != "" {
			t.Errorf("claim %q dated %q, want today's", c.Span, c.Context.Past)
		}
		if c.Interval.Low.IntPart() == 31 && c.Context.Place == "Woolsey Fire" {
			t.Errorf("the statewide 31 placed in the Woolsey Fire")
		}
	}
}

// TestLeadPastClauseNamesNoPlace: a lead's clause about another time
// ("tying the record set by the Griffith Park fire in 1933") names no
// place of the report.
func TestLeadPastClauseNamesNoPlace(t *testing.T) {
	title := "Camp Fire toll rises to 29"
	body := "The number of people killed by the Camp Fire rose to 29 on Sunday, Butte County Sheriff Kory Honea said, tying the record for the deadliest single wildfire in California set by the Griffith Park fire in 1933."
	res, err := Report(tracker.Report{ID: "r", Title: title, Text: tracker.WithHeadline(title, body), Published: tracker.MustDate("2018-11-11")})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range res.Claims {
		if c.Context.PlaceID == "US" {
			t.Errorf("claim %q placed in the whole country, want Butte County", c.Span)
		}
	}
	rc := &reportContext{v: defaultVocabulary(), year: 2018}
	if got := rc.withoutPast("Officials said 29 died, tying a record set in 1933. Aid came."); got != "Officials said 29 died,                           . Aid came." {
		t.Errorf("withoutPast got %q", got)
	}
}

// claimParts reads a report (with its headline when title is not empty)
// and returns whether each claim is a part.
func claimParts(tb testing.TB, title, body string) []bool {
	tb.Helper()
	rep := tracker.Report{ID: "r", Text: body}
	if title != "" {
		rep.Title, rep.Text = title, tracker.WithHeadline(title, body)
	}
	res, err := Report(rep)
	if err != nil {
		tb.Fatal(err)
	}
	var got []bool
	for _, c := range res.Claims {
		got = append(got, c.Context.Part)
	}
	return got
}

// TestMinorUnitOfNoCountry: a report that names no country reads no
// minor unit into a name it also gives a site ("Grenfell", a Saskatchewan
// municipality, beside "Grenfell Tower"), while a country it names still
// places its figures.
func TestMinorUnitOfNoCountry(t *testing.T) {
	tests := []struct {
		name, title, body, notIn, wantID string
	}{
		{"a site's short name", "Council leader resigns as Grenfell toll put at around 80",
			"The council leader resigned over the handling of the Grenfell Tower fire.\n\nPolice said on Wednesday that around 80 people were believed to have died, and that the final figure would not be known for months.", "CA", ""},
		{"a country named", "Council leader resigns as toll in Japan put at around 80",
			"Police said on Wednesday that around 80 people were believed to have died.", "", "JP"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Report(tracker.Report{ID: "r", Title: tt.title, Text: tracker.WithHeadline(tt.title, tt.body)})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Claims) == 0 {
				t.Fatal("no claims")
			}
			for _, c := range res.Claims {
				id := c.Context.PlaceID
				if tt.notIn != "" && (id == tt.notIn || strings.HasPrefix(id, tt.notIn+".")) {
					t.Errorf("claim %q placed in %q (%s)", c.Span, c.Context.Place, id)
				}
				if tt.wantID != "" && id != tt.wantID {
					t.Errorf("claim %q placed in %q, want %s", c.Span, id, tt.wantID)
				}
			}
		})
	}
}

// TestDatelineOverAnEventElsewhere: in a report only its dateline
// places, a figure of "the earthquake in Haiti" is Haiti's, not
// Geneva's; a figure the sentence places itself keeps its place.
func TestDatelineOverAnEventElsewhere(t *testing.T) {
	tests := []struct {
		name, body, wantID string
	}{
		{"an aid agency's dateline", "GENEVA (Relief Bulletin) - UNICEF said on Tuesday that 650,000 people needed aid after the earthquake in Haiti, which the civil protection office says has killed 1,941 people.", "HT"},
		{"the city's own dead", "BANGKOK (Relief Bulletin) - The earthquake in Myanmar killed 10 people in Bangkok, the city said.", "TH.40"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Report(tracker.Report{ID: "r", Text: tt.body})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range res.Claims {
				if c.Category == tracker.Killed {
					got = append(got, c.Context.PlaceID)
				}
			}
			if len(got) != 1 || got[0] != tt.wantID {
				t.Errorf("killed placed in %q, want [%s]", got, tt.wantID)
			}
		})
	}
}

// TestSourceOfAnotherCountryThere: in a live blog about one country, a
// source of another whose figure says "there" speaks of its own; without
// "there" (or with "there were"), a foreign source does not.
func TestSourceOfAnotherCountryThere(t *testing.T) {
	tests := []struct {
		name, entry, wantID string
	}{
		{"there", "18:20 - Belgium's interior ministry says 20 people have died there and 20 are missing.", "BE"},
		{"there were", "18:20 - Belgium's interior ministry says there were 20 people killed.", "DE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := "16:05 - The death toll in Germany has risen to 103, officials say.\n\n16:40 - Rescuers are still searching.\n\n" + tt.entry
			res, err := Report(tracker.Report{ID: "r", Text: text})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range res.Claims[1:] {
				if c.Context.PlaceID != tt.wantID {
					t.Errorf("claim %q placed in %q, want %s", c.Span, c.Context.PlaceID, tt.wantID)
				}
			}
		})
	}
}

func TestLastWordLower(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"one word", "Gunmen", "gunmen"},
		{"trailing spaces", "the Gunmen  ", "gunmen"},
		{"straight apostrophe", "Mozambique's", "mozambique's"},
		{"curly apostrophe", "Mozambique’s", "mozambique's"},
		{"after a dash", "police—Troops", "troops"},
		{"ends with a dash", "police —", ""},
		{"non-ASCII letters", "la Réunion", "réunion"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lastWordLower(tt.in); got != tt.want {
				t.Errorf("lastWordLower(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
