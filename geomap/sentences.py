"""Sentence boundaries: the unit a claim, its claimant and its places are read from."""

from __future__ import annotations

import re

from geomap.model import Sentence

__all__ = ["split_sentences"]

# A boundary: terminal punctuation, optional closing quotes/brackets, then whitespace; or a line break.
# The punctuation is part of the match, not a look-behind, and the pattern opens with one character set
# for both kinds, so the scan can skip to candidate characters; the sentence keeps the punctuation (see
# _boundary_start).
_BOUNDARY = re.compile(r"[\n.!?…](?:(?<=\n)\s*|(?<!\n)[\"'”’»)\]]*\s+)")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col maj capt sgt st jr sr prof gov sen rep u.s u.k u.n e.g i.e etc vs no "
    "approx km jan feb mar apr aug sept sep oct nov dec ст г вул им ім обл р-н с смт пгт м".split()
)


def _is_abbreviation(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends with an abbreviation's period.

    The word before the period (letters, digits, underscores and inner dots: "U.S") is read backwards
    from the period; a regular expression would try every position of the chunk before reaching it.
    """
    if text[end - 1 : end] != "." or end <= start:
        return False
    first = end - 1
    while first > start and (text[first - 1].isalnum() or text[first - 1] in "._"):
        first -= 1
    word = text[first : end - 1].lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_sentences(text: str) -> list[Sentence]:
    r"""Split ``text`` into sentences whose offsets index ``text`` exactly.

    A period after a known abbreviation ("U.S.", "Gen.", "обл.") or a lone initial does not end a
    sentence; a line break always does, since headlines and bulletins have no final period.

    >>> [s.text for s in split_sentences("Gen. Zaluzhnyi said so. Russia shelled Kherson.\nHeadline")]
    ['Gen. Zaluzhnyi said so.', 'Russia shelled Kherson.', 'Headline']
    """
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = _boundary_start(text, match)
        if "\n" not in match.group() and (
            _is_abbreviation(text, start, end) or not _next_starts_sentence(text, match.end())
        ):
            continue
        _append(sentences, text, start, end)
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


def _boundary_start(text: str, match: re.Match[str]) -> int:
    """Where the gap after a sentence starts: after its terminal punctuation, or at the line break."""
    start = match.start()
    return start if text[start] == "\n" else start + 1


def _next_starts_sentence(text: str, pos: int) -> bool:
    """A sentence starts with a capital, a digit or an opening quote, not a lower-case word."""
    return pos >= len(text) or not text[pos].islower()


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end]))
