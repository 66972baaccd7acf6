"""Sentence boundaries, on sentences written for these tests."""

from __future__ import annotations

import pytest

from geomap.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an abbreviation's period, with inner dots or not, and a lone initial end no sentence
        ("U.S. troops left. Gen. Syrskyi said so.", ["U.S. troops left.", "Gen. Syrskyi said so."]),
        ("Lloyd J. Austin spoke. Then Kyiv.", ["Lloyd J. Austin spoke.", "Then Kyiv."]),
        ("Бахмутський р-н. Обстріли тривали.", ["Бахмутський р-н. Обстріли тривали."]),
        # closing quotes and brackets after the period are part of the boundary, not of a sentence
        ('He said "Bakhmut holds." Kyiv agreed.', ['He said "Bakhmut holds.', "Kyiv agreed."]),
        ("Shelling (near Avdiivka.) Then calm!  Why?", ["Shelling (near Avdiivka.", "Then calm!", "Why?"]),
        # a lower-case word after a period starts no sentence
        ("Near Izium. the front held.", ["Near Izium. the front held."]),
        ("It fell at 3 a.m. local time.", ["It fell at 3 a.m. local time."]),
        # a line break always ends one, and blank lines give nothing
        ("Headline\n\nBody text here.\n", ["Headline", "Body text here."]),
        ("", []),
    ],
)
def test_sentences(text, expected):
    assert texts(text) == expected


def test_offsets_index_the_text():
    text = "  Kharkiv was hit.\n\nOdesa too. Gen. X left…  Done"
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
