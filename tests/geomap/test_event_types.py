"""Event types, non-events and casualty figures, pinned with sentences from the gold reports."""

import pytest

from geomap.event_types import (
    ACLED_TYPES,
    EVENT_TYPES,
    acled_types,
    casualty_counts,
    classify,
    enemy_retreat,
    is_heading,
    is_non_event,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian forces have taken full control of Artemovsk", "capture"),
        ("Russian troops have taken control of more than 30% of Myrnohrad's buildings.", "advance"),
        ("the military was capturing between 600 and 700 square kilometres of territory a month", "advance"),
        (
            "Russian attempts to advance on two other settlements north of Bakhmut were repelled",
            "repelled_attack",
        ),
        (
            "Ukrainian forces on Wednesday beat back an attempt by Russian troops to break through",
            "repelled_attack",
        ),
        ("Russian forces had shelled more than 15 towns and villages near Bakhmut", "shelling"),
        ("Russian shelling injured 22 people in Kharkiv over the day", "shelling"),
        ("Ukraine had lost up to 130 servicemen and mercenaries in the Donetsk direction", "casualties"),
        ("the troops had been withdrawn because of the threat of encirclement", "retreat"),
        ("two columns of Russian troops and equipment had entered Kupiansk after dark", "advance"),
        (
            "The United States has committed billions of dollars in military aid to Ukraine",
            "aid_or_diplomacy",
        ),
        ("six Russian balloons were shot down after air raid sirens sounded", "other"),
        ("A missile hit an apartment block in Dnipro.", "missile_strike"),
        ("A Shahed drone attack set a warehouse on fire.", "drone_strike"),
        ("Guided aerial bombs hit the town centre.", "air_strike"),
        ("окупанти 37 разів атакували позиції українських захисників", "attack"),
        ("За даними Генштабу, 34 атаки вже відбито, бої тривають.", "repelled_attack"),
        ("Российские военные полностью взяли Артемовск", "capture"),
        ("Вранці російські війська обстріляли прикордонне місто Вовчанськ", "shelling"),
        # taking prisoners is not taking a town
        ("бійці однієї з механізованих бригад взяли в полон п'ятьох російських військових", "other"),
    ],
)
def test_classify(text, expected):
    assert classify(text) == expected


def test_sentences_without_a_military_or_diplomatic_assertion_have_no_type():
    assert classify("He thanked generals Sergei Surovikin and Mikhail Mizintsev.") is None
    assert (
        classify("NATO countries are ramping up production because Ukraine is burning through shells.")
        is None
    )


@pytest.mark.parametrize(
    "text",
    [
        "The capture of Bakhmut would give Russia a stepping stone to advance on two major cities.",
        "If true, that would be a territorial gain of about 1.5km.",
        "They may now be able to push further into the occupied Luhansk region.",
        "Artemovsk lies north of the large city of Gorlovka.",
        "Lyman is a central transport hub about 160 kilometres southeast of Kharkiv.",
        "Russia has stepped up attacks in southern and eastern Ukraine in recent weeks.",
        "How many Russian soldiers were killed or taken prisoner is unclear.",
        "The ministry did not say in which part of Luhansk the attack took place.",
        "EU foreign policy chief Josep Borrell urged countries to join Germany in sending tanks.",
    ],
)
def test_non_events(text):
    assert is_non_event(text, attributed=False, kind=classify(text) or "other", dated=False)


def test_announced_plans_count_when_dated_or_aid():
    plan = "Prigozhin said Wagner would begin pulling its units out on May 25."
    aid = "Britain said it and other European nations would provide military equipment."
    assert not is_non_event(plan, attributed=True, kind="other", dated=True)
    assert not is_non_event(aid, attributed=True, kind="aid_or_diplomacy", dated=False)
    # the same forecast in a source's mouth without a date is still a forecast
    forecast = 'Russian forces will "likely continue to prioritise efforts to envelop Kostyantynivka"'
    assert is_non_event(forecast, attributed=True, kind="advance", dated=False)


def test_a_detail_hedged_with_may_have_does_not_unmake_the_event():
    text = "six Russian balloons that may have carried reconnaissance equipment were shot down"
    assert not is_non_event(text, attributed=True, kind="other", dated=False)


def test_an_appeal_with_a_report_inside_is_still_an_event():
    text = (
        'Dobryak acknowledged that Russian forces had "almost approached" the town '
        "and urged residents to leave"
    )
    assert not is_non_event(text, attributed=True, kind="advance", dated=False)


def test_headings():
    assert is_heading("Bakhmut attack")
    assert is_heading("Ukraine: Russia announces battlefield gains after NATO boosts support for Ukraine")
    assert not is_heading("Russian forces shelled Kherson.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a wrecked apartment building in the city of Pokrovsk, which left three people dead", (3, None)),
        ("at least 12 civilians were killed and 30 wounded", (12, 30)),
        ("the strike killed 4 people and injured 11 people", (4, 11)),
        ("загинув 40-річний цивільний чоловік", (1, None)),
        ("Russian forces attacked the village.", (None, None)),
    ],
)
def test_casualty_counts(text, expected):
    assert casualty_counts(text) == expected


def test_enemy_retreat_is_the_claimants_advance():
    assert enemy_retreat("Ukrainian troops randomly retreated to a distance of 3 km", side="RU")
    assert not enemy_retreat("the troops had been withdrawn", side="RU")


def test_every_type_maps_to_acled():
    assert set(ACLED_TYPES) == set(EVENT_TYPES)
    assert acled_types("capture") == ("Battles", "Non-state actor overtakes territory")
    assert acled_types("drone_strike") == ("Explosions/Remote violence", "Air/drone strike")
    assert acled_types("no such type") == ("Strategic developments", "Other")
