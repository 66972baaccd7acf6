"""Word lists the mention finder reads context from: general knowledge of English, Ukrainian and Russian.

These are closed classes (months, weekdays, prepositions, titles, nationality adjectives, compass points),
written by hand for geomap; none of them names a particular place or a particular report.
"""

from __future__ import annotations

__all__ = [
    "COMPASS",
    "DEMONYMS",
    "DEMONYM_PLACES",
    "FACILITY_WORDS",
    "FIRST_NAMES",
    "LOCAL_INSTITUTIONS",
    "LOCATIVE_CUES",
    "NOT_PLACES",
    "ORG_WORDS",
    "REGION_WORDS",
    "SENTENCE_STARTERS",
    "SETTLEMENT_WORDS",
    "SPEECH_VERBS",
    "TITLES",
    "UNIT_WORDS",
    "US_STATE_ABBREVIATIONS",
    "is_region_word",
]

MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday"

#: capitalised words that are never places in a report, though GeoNames has towns so named
NOT_PLACES = frozenset(
    f"{MONTHS} {WEEKDAYS} god christmas easter telegram reuters youtube twitter facebook x nato eu un "
    "said says told added wrote is it he she they we you i ok mr mrs ms sir lord saint "
    "west east north south western eastern northern southern central".split()
)

#: capitalised at a sentence start for grammar, not because they name something
SENTENCE_STARTERS = frozenset(
    "the a an in on at near from to by of for and but or so as if when while after before since earlier "
    "later also this that these those there here his her their its our my your some many most all both "
    "meanwhile however according during despite amid around outside inside across along towards toward "
    "heavy fighting russian ukrainian russians ukrainians things even senior "
    "по в у на с з за до от від из із к о об про при для после після тем этим том как як но але и і а "
    "что що это це ранее раніше также також между між сили силы как однако проте водночас вранці утром "
    "ночью вночі днем вдень вечером увечері минулої прошлой".split()
)

#: words that, following a name, make it a region ("Luhansk region", "Donetsk oblast")
REGION_WORDS = frozenset(
    "region regions oblast oblasts province provinces district districts raion "
    "krai governorate area область області областей району район".split()
)


def is_region_word(word: str) -> bool:
    """Whether a lower-case word names an administrative area, in any case form ("району", "області")."""
    return word in REGION_WORDS or word.startswith(("район", "облас", "округ", "громад"))


#: words that, following a name, keep it a settlement ("the city of X", "X city")
SETTLEMENT_WORDS = frozenset("city town village villages settlement settlements hamlet".split())

#: adjectives of sides and blocs that name no country: "Western tanks", "Soviet-era", "Kremlin officials"
#: (nationality adjectives are in ``DEMONYM_PLACES`` below, with the country each names)
DEMONYMS = frozenset("western soviet donbas kremlin nato allied".split())

#: common first names of people in the news of the war and of English-language news, in their usual
#: English spellings: a capitalised word the gazetteer does not know, next to one of these, is a person's
#: name, not a village, and a town's name after one is a surname ("Andrew Trapani")
FIRST_NAMES = frozenset(
    "oleksandr oleksii oleh olena andrii andriy andrei andrey dmytro dmitry dmitri volodymyr vladimir "
    "serhii sergei sergey yevhen yevgeny evgeny mykola nikolai nikolay viktor victor vitaly vitalii "
    "valerii valery yurii yuri ivan petro pyotr pavlo pavel maksym maxim mykhailo mikhail ihor igor "
    "kyrylo kirill denys denis roman ruslan vadym vadim hanna anna iryna irina oksana tetiana tatiana "
    "yulia natalia olga svitlana svetlana ramzan yevgeniy vasyl vasily bohdan taras stepan "
    "john james michael david robert william richard joseph thomas charles mark paul donald joe "
    "lloyd antony jens josep ursula emmanuel olaf rishi boris keir justin "
    "andrew matthew daniel christopher anthony steven kevin brian edward ronald timothy jason jeffrey "
    "ryan gary eric stephen larry scott frank raymond gregory benjamin samuel patrick jack dennis jerry "
    "tyler aaron adam nathan peter zachary douglas kyle walter ethan jeremy harold keith christian "
    "roger noah gerald terry sean carl arthur lawrence dylan jesse bryan billy bruce gabriel "
    "alan juan wayne ralph mike bob bill jim tom tim dan steve chris matt ben sam nick tony greg "
    "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret "
    "sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca "
    "sharon laura cynthia kathleen amy shirley angela helen brenda pamela nicole emma samantha "
    "katherine christine debra rachel catherine carolyn janet ruth maria heather diane julie "
    "joyce kelly christina lauren joan evelyn judith megan cheryl martha andrea frances hannah "
    "jacqueline gloria jean kathryn alice teresa sara janice doris julia grace judy abigail "
    "marie denise beverly amber theresa marilyn danielle diana brittany natalie sophia rose kayla".split()
)

#: lower-case words that may end a facility's name: "the Zaporizhzhia nuclear power plant", "the Kakhovka
#: dam", "the Crimean bridge" (the curated landmarks of gazetteer/data/regions.tsv)
FACILITY_WORDS = frozenset(
    "nuclear power plant station dam hydroelectric bridge airport airfield steel works island".split()
)

#: honorifics and ranks before a person's name
TITLES = frozenset(
    "president minister secretary governor mayor general gen col colonel lt lieutenant major maj "
    "capt captain sgt sergeant commander chief spokesman spokeswoman spokesperson analyst deputy "
    "senator ambassador prime chancellor king queen prince pope patriarch marshal admiral "
    "sen rep gov rev supt atty cmdr det officer sheriff judge justice coach pastor bishop "
    "mr mrs ms dr sir dame lord lady director manager commissioner councilman councilwoman".split()
)

#: nouns that head the names of institutions: "Institute for the Study of War", "Ministry of Defence
#: of Ukraine": a name inside such a phrase is part of the institution's name
ORG_WORDS = frozenset(
    "Institute Ministry University Council Committee Agency Service Forces Army Bank Fund Organization "
    "Organisation Office Department Administration Academy Center Centre Foundation Commission Court "
    "Union Party Association Company Corporation Group Federation Guard Navy Staff Command "
    "Chamber Bureau Authority Board Police Hospital School College Museum Library Church Club Society "
    "Airport Station Times Post Journal Herald Tribune Gazette News Independent Chronicle Telegraph "
    "Observer Examiner Courier Inquirer Sentinel Dispatch Globe Star "
    "Airlines Airways Railways Lottery".split()
)

#: institutions that stand in the place they are named after: the "Richmond Police Department" is in
#: Richmond and the "University of Wisconsin" in Wisconsin, where the "Kyiv Independent", the "Wagner
#: Group" or the "Bank of America" may be anywhere.  A bare "Department", "Office" or "Administration"
#: is left out: the "Commerce Department" and the "Biden Administration" are not in Commerce or Biden.
LOCAL_INSTITUTIONS = frozenset(
    "University Council Academy Center Centre Commission Court Authority Board Police Hospital School "
    "Schools High Elementary College Museum Library Church Airport Station Sheriff Fire "
    "State Supreme Senate Legislature Assembly Community Public Regional Metropolitan Municipal Memorial "
    "Medical Convention Chamber Township Transit Water Housing Health Parks Recreation Historical "
    "Veterans Arts Utilities Turnpike Highway Patrol National Forestry".split()
)

#: institution nouns and other common nouns are never places on their own, though GeoNames has towns
#: called University, College, Republic or Union
NOT_PLACES = (
    NOT_PLACES
    | {word.lower() for word in ORG_WORDS}
    | {
        "area",
        "city",
        "county",
        "state",
        "district",
        "republic",
        "federation",
        "kingdom",
        "people",
        "peoples",
    }
)

#: words after a name that make it a military unit or formation ("the Khortytsia group of forces")
UNIT_WORDS = frozenset(
    "group grouping battlegroup brigade battalion regiment division corps operational task "
    "группировки группировка угруповання бригада бригади".split()
)

#: verbs of saying: "Kyiv said" is a metonym, "Zhdanov said" a person
SPEECH_VERBS = frozenset(
    "said says told added wrote stated reported claimed announced noted warned "
    "posted tweeted заявил заявив сообщил повідомив сказав сказал".split()
)

#: words after which a capitalised word is probably a place ("near X", "the village of X")
LOCATIVE_CUES = frozenset(
    "in into near at from to towards toward around outside of including and between on "
    "village villages town towns city settlement settlements hamlet direction "
    "в у під біля поблизу до з із на над районі районах напрямку села селища місто міста село селище "
    "под около возле близ из к со над перед через пункт пункта пункты пунктов поселок посёлок поселка "
    "города город деревня деревни станица".split()
)

#: compass words and their bearings in degrees
COMPASS = {
    "north": 0.0,
    "northern": 0.0,
    "northeast": 45.0,
    "north-east": 45.0,
    "northeastern": 45.0,
    "east": 90.0,
    "eastern": 90.0,
    "southeast": 135.0,
    "south-east": 135.0,
    "southeastern": 135.0,
    "south": 180.0,
    "southern": 180.0,
    "southwest": 225.0,
    "south-west": 225.0,
    "southwestern": 225.0,
    "west": 270.0,
    "western": 270.0,
    "northwest": 315.0,
    "north-west": 315.0,
    "northwestern": 315.0,
}

#: the Associated Press's abbreviations of US state names, as American papers write them after a town
#: ("Kansas City, Kan.") or a party ("D-N.Y."); states of five letters or fewer are not abbreviated
US_STATE_ABBREVIATIONS = {
    "Ala.": "Alabama",
    "Ariz.": "Arizona",
    "Ark.": "Arkansas",
    "Calif.": "California",
    "Colo.": "Colorado",
    "Conn.": "Connecticut",
    "Del.": "Delaware",
    "D.C.": "District of Columbia",
    "Fla.": "Florida",
    "Ga.": "Georgia",
    "Ill.": "Illinois",
    "Ind.": "Indiana",
    "Kan.": "Kansas",
    "Ky.": "Kentucky",
    "La.": "Louisiana",
    "Md.": "Maryland",
    "Mass.": "Massachusetts",
    "Mich.": "Michigan",
    "Minn.": "Minnesota",
    "Miss.": "Mississippi",
    "Mo.": "Missouri",
    "Mont.": "Montana",
    "Neb.": "Nebraska",
    "Nev.": "Nevada",
    "N.H.": "New Hampshire",
    "N.J.": "New Jersey",
    "N.M.": "New Mexico",
    "N.Y.": "New York",
    "N.C.": "North Carolina",
    "N.D.": "North Dakota",
    "Okla.": "Oklahoma",
    "Ore.": "Oregon",
    "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island",
    "S.C.": "South Carolina",
    "S.D.": "South Dakota",
    "Tenn.": "Tennessee",
    "Vt.": "Vermont",
    "Va.": "Virginia",
    "Wash.": "Washington",
    "W.Va.": "West Virginia",
    "Wis.": "Wisconsin",
    "Wyo.": "Wyoming",
}

#: nationality adjectives and the country (or continent, or region) they name: "Russian troops",
#: "a Georgian village".  General knowledge, as in the nationality columns of the CIA World Factbook;
#: they make associative mentions (``Report.modifiers``), never map pins or event places.
DEMONYM_PLACES = {
    "abkhaz": "Abkhazia",
    "abkhazian": "Abkhazia",
    "afghan": "Afghanistan",
    "african": "Africa",
    "albanian": "Albania",
    "algerian": "Algeria",
    "american": "United States",
    "angolan": "Angola",
    "argentine": "Argentina",
    "argentinian": "Argentina",
    "armenian": "Armenia",
    "asian": "Asia",
    "australian": "Australia",
    "austrian": "Austria",
    "azerbaijani": "Azerbaijan",
    "bahraini": "Bahrain",
    "bangladeshi": "Bangladesh",
    "belarusian": "Belarus",
    "belgian": "Belgium",
    "bolivian": "Bolivia",
    "bosnian": "Bosnia and Herzegovina",
    "brazilian": "Brazil",
    "british": "United Kingdom",
    "bulgarian": "Bulgaria",
    "burmese": "Myanmar",
    "cambodian": "Cambodia",
    "cameroonian": "Cameroon",
    "canadian": "Canada",
    "chadian": "Chad",
    "chilean": "Chile",
    "chinese": "China",
    "colombian": "Colombia",
    "congolese": "Democratic Republic of the Congo",
    "crimean": "Crimea",
    "croatian": "Croatia",
    "cuban": "Cuba",
    "cypriot": "Cyprus",
    "czech": "Czechia",
    "danish": "Denmark",
    "dutch": "Netherlands",
    "ecuadorian": "Ecuador",
    "egyptian": "Egypt",
    "emirati": "United Arab Emirates",
    "english": "England",
    "eritrean": "Eritrea",
    "estonian": "Estonia",
    "ethiopian": "Ethiopia",
    "european": "Europe",
    "filipino": "Philippines",
    "finnish": "Finland",
    "french": "France",
    "georgian": "Georgia",
    "german": "Germany",
    "ghanaian": "Ghana",
    "greek": "Greece",
    "guatemalan": "Guatemala",
    "haitian": "Haiti",
    "honduran": "Honduras",
    "hungarian": "Hungary",
    "icelandic": "Iceland",
    "indian": "India",
    "indonesian": "Indonesia",
    "iranian": "Iran",
    "iraqi": "Iraq",
    "irish": "Ireland",
    "israeli": "Israel",
    "italian": "Italy",
    "ivorian": "Ivory Coast",
    "jamaican": "Jamaica",
    "japanese": "Japan",
    "jordanian": "Jordan",
    "kazakh": "Kazakhstan",
    "kenyan": "Kenya",
    "kosovar": "Kosovo",
    "kuwaiti": "Kuwait",
    "kyrgyz": "Kyrgyzstan",
    "latvian": "Latvia",
    "lebanese": "Lebanon",
    "liberian": "Liberia",
    "libyan": "Libya",
    "lithuanian": "Lithuania",
    "malaysian": "Malaysia",
    "malian": "Mali",
    "maltese": "Malta",
    "mexican": "Mexico",
    "moldovan": "Moldova",
    "mongolian": "Mongolia",
    "montenegrin": "Montenegro",
    "moroccan": "Morocco",
    "mozambican": "Mozambique",
    "namibian": "Namibia",
    "nepalese": "Nepal",
    "nepali": "Nepal",
    "nicaraguan": "Nicaragua",
    "nigerian": "Nigeria",
    "nigerien": "Niger",
    "norwegian": "Norway",
    "omani": "Oman",
    "pakistani": "Pakistan",
    "palestinian": "Palestinian Territory",
    "panamanian": "Panama",
    "paraguayan": "Paraguay",
    "peruvian": "Peru",
    "polish": "Poland",
    "portuguese": "Portugal",
    "qatari": "Qatar",
    "romanian": "Romania",
    "russian": "Russia",
    "rwandan": "Rwanda",
    "salvadoran": "El Salvador",
    "saudi": "Saudi Arabia",
    "scottish": "Scotland",
    "senegalese": "Senegal",
    "serbian": "Serbia",
    "singaporean": "Singapore",
    "slovak": "Slovakia",
    "slovenian": "Slovenia",
    "somali": "Somalia",
    "south african": "South Africa",
    "south korean": "South Korea",
    "north korean": "North Korea",
    "south ossetian": "South Ossetia",
    "sri lankan": "Sri Lanka",
    "spanish": "Spain",
    "sudanese": "Sudan",
    "swedish": "Sweden",
    "swiss": "Switzerland",
    "syrian": "Syria",
    "taiwanese": "Taiwan",
    "tajik": "Tajikistan",
    "tanzanian": "Tanzania",
    "thai": "Thailand",
    "tunisian": "Tunisia",
    "turkish": "Turkey",
    "turkmen": "Turkmenistan",
    "ugandan": "Uganda",
    "ukrainian": "Ukraine",
    "uruguayan": "Uruguay",
    "uzbek": "Uzbekistan",
    "venezuelan": "Venezuela",
    "vietnamese": "Vietnam",
    "welsh": "Wales",
    "yemeni": "Yemen",
    "zambian": "Zambia",
    "zimbabwean": "Zimbabwe",
    # peoples and regions beyond one country
    "north american": "North America",
    "south american": "South America",
    "central american": "Central America",
    "latin american": "Latin America",
    "west african": "West Africa",
    "east african": "East Africa",
    "kurdish": "Kurdistan",
    "korean": "Korean Peninsula",
    # a union is named attributively as a nationality is ("EU member states", "EU sanctions"): it
    # places nothing, and "the EU" is an actor more often than an area
    "eu": "European Union",
    "european union": "European Union",
}
