"""The mention finder on real sentences: what is a place, and what only looks like one."""

from __future__ import annotations

import pytest

from geomap.mentions import find_mentions
from geomap.sentences import split_sentences


def mentions(text: str, gazetteer, language: str = "en") -> list[tuple[str, str]]:
    found = find_mentions(text, gazetteer, sentences=split_sentences(text), language=language)
    for m in found:
        assert text[m.start : m.end] == m.surface
    return [(m.surface, m.hint) for m in found]


def surfaces(text: str, gazetteer, language: str = "en") -> list[str]:
    return [s for s, _ in mentions(text, gazetteer, language)]


def located(text: str, gazetteer) -> list[str]:
    """Mentions that may place something: associative ones (the "Kyiv" of the "Kyiv Independent") left out."""
    return [s for s, hint in mentions(text, gazetteer) if hint not in ("modifier", "embedded")]


@pytest.mark.parametrize(
    "text",
    [
        "US Defense Secretary Lloyd Austin said Ukraine had a very good chance.",
        "Maxim Zorin, a military analyst, told Ukrainian Radio NV that the Russians were attacking.",
        "Ukrainian military analyst Oleh Zhdanov said that Russian forces attacked. Zhdanov said more.",
        "He wrote on the Telegram messaging app on Wednesday. Reuters was not able to verify this.",
        "President Volodymyr Zelensky Said in the evening address that the West is escalating.",
        "According to the Kyiv Independent, the Institute for the Study of War said so in February.",
        "Sen. Lincoln and Mr Moore spoke in Kharkiv; later Moore left.",
    ],
)
def test_people_agencies_and_calendar_words_are_not_places(text, gazetteer):
    found = located(text, gazetteer)
    for word in (
        "Austin",
        "Lloyd",
        "Zorin",
        "Zhdanov",
        "Telegram",
        "Reuters",
        "Wednesday",
        "Said",
        "February",
        "Kyiv",
        "War",
        "Wagner",
        "Lincoln",
        "Moore",
    ):
        assert word not in found, (word, found)


@pytest.mark.parametrize(
    "text",
    [
        # written for geomap, after an LGL report: Baker, Oregon and Baker, Louisiana are small towns
        "But Kevin George Baker can't complain. At a VFW post in Madrid, Baker, aged 40, spoke of his ride.",
        "Secretary of state James Baker met them in Madrid; Baker flew home later.",
        # after an LGL report: Trapani is a city of 67,000, but Andrew is a first name
        "Andrew Trapani is a gambling man in Madrid. Those risks have paid off as Trapani flew home.",
    ],
)
def test_a_towns_name_after_a_first_name_is_a_surname_for_the_whole_report(gazetteer, text):
    found = surfaces(text, gazetteer)
    assert "Madrid" in found and not {"Baker", "Trapani"} & set(found)


def test_a_countrys_name_after_unknown_words_is_not_a_surname(gazetteer):
    # written for geomap: "Malta" ends the bank's name, and is still the country later
    text = "HSBC Bank Malta shed 2%. The Central Bank of Malta issued stock in Malta."
    assert surfaces(text, gazetteer)[-1] == "Malta"


def test_region_words_make_regions_and_chain(gazetteer):
    text = "The Luhansk and Donetsk regions make up the Donbass, in eastern Ukraine."
    assert mentions(text, gazetteer) == [
        ("Luhansk", "region"),
        ("Donetsk regions", "region"),
        ("Donbass", ""),
        ("eastern Ukraine", "region"),
    ]


def test_unknown_villages_in_place_context_are_kept_for_the_resolver(gazetteer):
    text = "The Russians were attacking the villages of Opiten and Klishivka at the southern end of Bakhmut."
    found = mentions(text, gazetteer)
    assert ("Opiten", "unknown") in found or ("Opiten", "") in found
    assert ("Klishivka", "unknown") in found
    assert ("Bakhmut", "") in found


def test_a_word_used_in_lower_case_elsewhere_is_not_a_place(gazetteer):
    # GeoNames has a village called "Said"; the report uses "said" as a verb
    text = "The governor said it was calm. Said the mayor: nothing happened in Kharkiv."
    assert surfaces(text, gazetteer) == ["Kharkiv"]


def test_hyphenated_modifiers_and_possessives_keep_the_place(gazetteer):
    text = "A US-based institute said Ukraine’s army held Kharkiv's outskirts."
    assert surfaces(text, gazetteer) == ["US", "Ukraine", "Kharkiv"]


def test_a_prefix_before_a_hyphen_is_left_out_of_the_name(gazetteer):
    # written for geomap
    text = "Pro-Kremlin and pro-Russian bloggers met ex-Soviet officers from post-war Kharkiv."
    found = find_mentions(text, gazetteer, sentences=split_sentences(text))
    assert [(m.surface, m.hint, text[m.start : m.end]) for m in found] == [
        ("Russian", "modifier", "Russian"),
        ("Kharkiv", "", "Kharkiv"),
    ]


def test_ukrainian_inflected_names_become_mentions_with_nominative_keys(gazetteer):
    text = (
        "Окупанти атакували позиції у районах Бахмута та під Кліщіївкою, "
        "а також обстріляли Вовчанськ Чугуївського району."
    )
    found = find_mentions(text, gazetteer, sentences=split_sentences(text), language="uk")
    keys = {m.surface: m.key for m in found}
    assert keys["Бахмута"] == "бахмут"
    assert "Вовчанськ" in keys  # a district qualifier does not make the town a person's name
    assert "Кліщіївкою" in keys  # not in the embedded gazetteer: kept for the resolver


def test_russian_axis_adjective_names_the_town(gazetteer):
    text = "Бои продолжаются на артемовском направлении."
    found = find_mentions(text, gazetteer, sentences=split_sentences(text), language="ru")
    assert [(m.surface, m.hint) for m in found] == [("артемовском", "axis")]


def test_ap_state_abbreviations_after_a_town_or_a_party(gazetteer):
    # written for geomap in the style of AP datelines and congressional bylines
    text = (
        "BELGRADE, Minn. (AP) - A man from Gary, Ind., met Rep. Charles Rangel, D-N.Y., in Charleston, "
        "W. Va., on Monday."
    )
    found = mentions(text, gazetteer)
    assert ("Minn.", "region") in found and ("Ind.", "region") in found
    assert ("N.Y.", "region") in found and ("W. Va.", "region") in found
    assert "Gary" in surfaces(text, gazetteer) and "Charleston" in surfaces(text, gazetteer)


@pytest.mark.parametrize("text", ["Miss. Smith came home.", "Pa. said he would call.", "The Ind. case."])
def test_an_abbreviation_elsewhere_is_not_a_state(text, gazetteer):
    assert not [s for s, hint in mentions(text, gazetteer) if hint == "region"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # written for geomap in the style of LGL's local news
        ("A spokesman for the Richmond Police Department said the road was closed.", "Richmond"),
        ("She expects to attend Ohio State University in the fall.", "Ohio"),
        ("A spokeswoman for Ohio Gov. Ted Strickland declined to comment.", "Ohio"),
        ("The Dublin Community Recreation Center opens at six.", "Dublin"),
        ("Students of the University of Georgia marched downtown.", "Georgia"),
        ("Laurel County Clerk Dean Johnson was inducted on Friday.", "Laurel County"),
        ("The Walker County Fair Queen made her last appearance.", "Walker County"),
        ("A spokesman for the Texas Department of Health said so.", "Texas"),
    ],
)
def test_a_place_that_names_a_local_institution_is_found(text, place, gazetteer):
    found = surfaces(text, gazetteer)
    assert place in found
    assert not {"Ted", "Strickland", "Police", "Recreation", "Dean", "Johnson", "Fair"} & set(found)


@pytest.mark.parametrize(
    "text",
    [
        "The Kyiv Independent reported heavy fighting.",
        "The Wagner Group claimed the town.",
        "The Commerce Department released figures.",
    ],
)
def test_media_companies_and_departments_do_not_name_places(text, gazetteer):
    assert not {"Kyiv", "Wagner", "Commerce"} & set(located(text, gazetteer))


def test_the_us_in_capitals_is_the_country_where_us_is_a_word(gazetteer):
    text = "Let us be clear: the US wants a deal, and the US will not wait."
    assert surfaces(text, gazetteer) == ["US", "US"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # written for geomap in the style of LGL's news
        (
            "The Canada-U.S. air defence alliance met in Fargo-Moorhead.",
            ["Canada", "U.S", "Fargo", "Moorhead"],
        ),
        ("State Sen. Robert Ford, D-Charleston, said so.", ["Charleston"]),
        ("Shelling hit Ivano-Frankivsk overnight.", ["Ivano-Frankivsk"]),
        ("Fighting near Oleksandro-Shultyne went on.", ["Oleksandro-Shultyne"]),
    ],
)
def test_hyphenated_compounds_split_only_into_known_names(text, names, gazetteer):
    assert surfaces(text, gazetteer) == names


def test_an_institution_named_after_a_place_does_not_make_the_place_a_person(gazetteer):
    # written for geomap: "Supreme" and "Commonwealth" are also towns' names in GeoNames
    text = "The Ohio Supreme Court ruled on Friday. Later Ohio's method was challenged in Ohio."
    assert surfaces(text, gazetteer).count("Ohio") == 3


def test_abbreviated_first_words_of_names(gazetteer):
    # written for geomap; GeoNames spells Mount Airy only in full
    text = "He moved from St. Louis to Mt. Airy, then to Ft. Worth and on to D.C. last year."
    found = find_mentions(text, gazetteer, sentences=split_sentences(text))
    assert [m.surface for m in found] == ["St. Louis", "Mt. Airy", "Ft. Worth", "D.C."]
    assert found[1].key == "mount airy" and found[3].key == "district of columbia"


def test_a_place_beside_an_area_is_not_a_persons_name(gazetteer):
    # written for geomap: "Pacific" is the ocean; "Lloyd Austin" stays a person
    text = "Hawaii Pacific Health hired nurses. Hawaii's economy grew, Lloyd Austin said."
    found = surfaces(text, gazetteer)
    assert found.count("Hawaii") == 2 and "Austin" not in found and "Lloyd" not in found


def test_an_ordinary_word_beside_a_town_leaves_the_town(gazetteer):
    # written for geomap: GeoNames has a hamlet called Democrat
    text = "The Decatur Democrat reported it. Later, Decatur voted."
    found = surfaces(text, gazetteer)
    assert found.count("Decatur") == 2 and "Democrat" not in found
