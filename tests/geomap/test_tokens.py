"""The words the mention finder reads, on sentences written for these tests."""

from __future__ import annotations

import pytest

from geomap.sentences import split_sentences
from geomap.tokens import tokenize


def words(text: str) -> list[str]:
    return [t.text for t in tokenize(text, split_sentences(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence's final dot, and an ellipsis, are not part of the word before them
        ("Russia shelled Kherson. Then Bakhmut...", ["Russia", "shelled", "Kherson", "Then", "Bakhmut"]),
        # inner dots stay, the last one goes
        ("Aid came from the U.S. and the U.K.", ["Aid", "came", "from", "the", "U.S", "and", "the", "U.K"]),
        # a possessive stays outside the name; an apostrophe inside a name does not
        ("Moscow's claim about Kup'yansk", ["Moscow", "claim", "about", "Kup'yansk"]),
        ("Kyiv’s air defence", ["Kyiv", "air", "defence"]),
        # a modifier suffix and a prefix are cut off, a hyphenated name is kept whole
        ("US-based pro-Russian men in Ivano-Frankivsk.", ["US", "Russian", "men", "in", "Ivano-Frankivsk"]),
        ("Шахтарськ. Покровськ", ["Шахтарськ", "Покровськ"]),
        ("3 km from 2024", ["km", "from"]),
        ("", []),
    ],
)
def test_words(text, expected):
    assert words(text) == expected


def test_offsets_index_the_text():
    text = "Near Bakhmut. Gen. Syrskyi's U.S.-made guns."
    for token in tokenize(text, split_sentences(text)):
        assert text[token.start : token.end] == token.text
        assert token.lower == token.text.lower()


def test_sentence_starts_and_capitals():
    text = 'Shelling hit Avdiivka. "Kharkiv was calm," he said.'
    tokens = tokenize(text, split_sentences(text))
    starts = [t.text for t in tokens if t.sentence_start]
    assert starts == ["Shelling", "Kharkiv"]  # after an opening quote too
    assert [t.text for t in tokens if t.capitalised] == ["Shelling", "Avdiivka", "Kharkiv"]
