"""Date expressions resolved against the report date (sentences from the gold reports and hand-written)."""

import datetime as dt

import pytest

from geomap.dates import find_dates, find_report_date, resolve_date, split_clauses
from geomap.model import Sentence

SEED_DAY = dt.date(2023, 2, 16)  # a Thursday


@pytest.mark.parametrize(
    ("text", "report", "expected", "precision"),
    [
        ("he wrote on the Telegram messaging app on Wednesday.", SEED_DAY, dt.date(2023, 2, 15), 1),
        # a weekday that is the report's own day is that day (Reuters, Wednesday 13 November 2024)
        (
            "Ukrainian forces on Wednesday beat back an attempt",
            dt.date(2024, 11, 13),
            dt.date(2024, 11, 13),
            1,
        ),
        (
            "On the morning of May 10, Russia launched a new offensive",
            dt.date(2024, 5, 15),
            dt.date(2024, 5, 10),
            1,
        ),
        (
            "The Ukrainian military said on Aug. 20 that fighting",
            dt.date(2024, 8, 20),
            dt.date(2024, 8, 20),
            1,
        ),
        # a plan later the same week keeps the report's year
        ("Wagner would begin pulling its units out on May 25", dt.date(2023, 5, 20), dt.date(2023, 5, 25), 1),
        ("Russia launched the attack yesterday.", SEED_DAY, dt.date(2023, 2, 15), 1),
        ("Drones attacked the port overnight.", SEED_DAY, SEED_DAY, 1),
        ("Russian forces shelled the town last week.", SEED_DAY, dt.date(2023, 2, 9), 2),
        ("reservists drawn up in December", SEED_DAY, dt.date(2022, 12, 1), 3),
        (
            "5 октября бойцы «Южной» группировки взяли под контроль",
            dt.date(2024, 10, 7),
            dt.date(2024, 10, 5),
            1,
        ),
        ("Минулої доби бійці однієї з бригад взяли в полон", dt.date(2025, 8, 14), dt.date(2025, 8, 13), 1),
        ("Учора Вовчанськ обстрілювали кілька разів", dt.date(2024, 5, 5), dt.date(2024, 5, 4), 1),
        ("В среду армия заняла село", dt.date(2024, 8, 23), dt.date(2024, 8, 21), 1),
        ("14 серпня окупанти атакували", dt.date(2025, 8, 20), dt.date(2025, 8, 14), 1),
        # a January report's "December" is last year's
        ("in December 2021 the troops massed", dt.date(2022, 1, 10), dt.date(2021, 12, 1), 3),
    ],
)
def test_resolve_date(text, report, expected, precision):
    assert resolve_date(text, report_date=report) == (expected, precision)


def test_no_date_words_give_no_date():
    assert resolve_date("Russian forces attacked the village.", report_date=SEED_DAY) == (None, 3)


def test_relative_dates_need_a_report_date_but_explicit_ones_with_a_year_do_not():
    assert find_dates("on Wednesday", report_date=None) == []
    assert [r.date for r in find_dates("Melitopol, 29.02.2024.", report_date=None)] == [dt.date(2024, 2, 29)]


def test_since_a_month_is_not_the_claim_date():
    # "since September" says how long a counter-offensive has run, not when the claim happened
    assert (
        find_dates("a counter-offensive that has retaken territory since September", report_date=SEED_DAY)
        == []
    )


def test_find_dates_offsets_index_the_text():
    text = "On May 19, the ministry said; on May 5, it reported"
    refs = find_dates(text, report_date=dt.date(2023, 5, 20))
    assert [text[r.start : r.end] for r in refs] == ["May 19", "May 5"]


def test_report_date_from_a_dateline():
    assert find_report_date("Melitopol, 29.02.2024.\n\nThe village was cleared.") == dt.date(2024, 2, 29)
    assert find_report_date("KYIV, March 3, 2024 - Russian forces shelled the city.") == dt.date(2024, 3, 3)
    # TASS datelines carry no year: the report date must come from elsewhere
    assert (
        find_report_date("MOSCOW, August 23. /TASS/. Ukrainian troops are in a difficult situation.") is None
    )


def test_split_a_dated_list_into_one_clause_per_date():
    text = (
        "За последнюю неделю военные «освободили» ряд пунктов: 29 сентября группировка «Запад» заняла "
        "село Макеевка, 30 сентября группа «Центр» – Нелеповку, а 2 октября – Верхнекаменское."
    )
    clauses = split_clauses(Sentence(0, len(text), text), report_date=dt.date(2024, 10, 7))
    assert [c.text.split()[0] for c in clauses] == ["За", "30", "2"]
    assert all(text[c.start : c.end] == c.text for c in clauses)
    assert "Макеевка" in clauses[0].text


def test_a_sentence_with_one_date_stays_whole():
    text = "On May 19, the Russian Defense Ministry said Ukraine had lost up to 130 servicemen."
    sentence = Sentence(0, len(text), text)
    assert split_clauses(sentence, report_date=dt.date(2023, 5, 20)) == [sentence]
