"""Words with their offsets: the units the mention finder reads.

A word keeps inner dots ("U.S"), hyphens and apostrophes ("Kup'yansk", "Ivano-Frankivsk"); a possessive
"'s", a modifier suffix ("US-based") and a prefix ("pro-Russian") stay outside it, so the name alone is
looked up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from geomap.model import Sentence

__all__ = ["Token", "tokenize"]

# "US-based", "Russian-occupied": the name is the part before the hyphen
_HYPHEN_SUFFIX = re.compile(
    r"[-‑](?:based|born|held|occupied|controlled|led|backed|made|bound|era|style|"
    r"area|region|annexed|installed|appointed|linked|friendly)$",
    re.I,
)
# "pro-Russian", "anti-Western", "ex-Soviet": the name is the part after the hyphen
_HYPHEN_PREFIX = re.compile(r"(?:pro|anti|ex|non|post|pre|pan)[-‑](?=[^\W\d_])", re.I)
# A word: letters, inner digits, dots ("U.S"), hyphens and apostrophes ("Kup'yansk"), but not a
# possessive "'s", which stays outside the word.
_WORD = re.compile(r"([^\W\d_](?:[\w.‑-]*[^\W_])?(?:['’ʼ](?![sS]\b)[^\W_]+)*)(?:['’ʼ][sS]\b)?")
_OPENINGS = frozenset("\"'“‘«(")


class Token:
    """A word and what the finder asks of it, computed once (the finder asks often)."""

    __slots__ = ("capitalised", "end", "lower", "sentence_start", "start", "text")

    def __init__(self, start: int, end: int, text: str, sentence_start: bool) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.sentence_start = sentence_start
        self.capitalised = text[0].isupper()
        self.lower = text.lower()


def tokenize(text: str, sentences: Sequence[Sentence]) -> list[Token]:
    """Words with their offsets; a possessive "'s" and a "-based"-style suffix are left out of the word."""
    starts = {s.start for s in sentences}
    starts |= {s + 1 for s in starts if text[s : s + 1] in _OPENINGS}  # “Kiev ... : after a quote
    tokens = []
    for match in _WORD.finditer(text):
        start, end = match.span(1)
        word = match.group(1)
        if "-" in word or "‑" in word:
            suffix = _HYPHEN_SUFFIX.search(word)
            if suffix:
                word, end = word[: suffix.start()], start + suffix.start()
            prefix = _HYPHEN_PREFIX.match(word)
            if prefix:
                word, start = word[prefix.end() :], start + prefix.end()
        tokens.append(Token(start, end, word, start in starts))
    return tokens
