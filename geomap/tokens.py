"""Words with their offsets: the units the mention finder reads.

A word keeps inner dots ("U.S"), hyphens and apostrophes ("Kup'yansk", "Ivano-Frankivsk"); a possessive
"'s", a modifier suffix ("US-based") and a prefix ("pro-Russian") stay outside it, so the name alone is
looked up.
"""

from __future__ import annotations

import itertools
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
# A run of the characters a word may hold, from a letter on: every word lies inside one, and a run of
# letters and digits alone (most of them, once a sentence's final dot is cut off) is a word whole.
# Splitting the text into runs costs half what matching _WORD everywhere does; only the runs with an
# inner dot, a hyphen, an apostrophe or an underscore are read with it.
_RUN = re.compile(r"([^\W\d_][\w.'’ʼ‑-]*)")
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
    """Words with their offsets; a possessive "'s", a "-based" suffix and a "pro-" prefix are left out."""
    starts = {s.start for s in sentences}
    starts |= {s + 1 for s in starts if text[s : s + 1] in _OPENINGS}  # “Kiev ... : after a quote
    parts = _RUN.split(text)  # the gaps and the runs between them, alternately, from a gap to a gap
    bounds = list(itertools.accumulate(map(len, parts)))  # where each part ends
    tokens = []
    for run, start, end in zip(parts[1::2], bounds[:-1:2], bounds[1::2], strict=True):
        if not run.isalnum():  # a dot, a hyphen, an apostrophe or an underscore
            # no word ends with a dot: without its final dots ("Monday."), the run may be one word
            run = run.rstrip(".")
            if not run.isalnum():  # "U.S.", "Kup'yansk", "US-based": _WORD splits the run
                tokens.extend(_words(text, start, end, starts))
                continue
            end = start + len(run)
        tokens.append(Token(start, end, run, start in starts))
    return tokens


def _words(text: str, start: int, end: int, starts: set[int]) -> list[Token]:
    """The words of the run ``text[start:end]``.

    A run ends before a character no word holds, so ``_WORD``'s word boundaries read the same whether
    the run is searched alone or within the text.
    """
    words = []
    for match in _WORD.finditer(text, start, end):
        a, b = match.span(1)
        word = match.group(1)
        if "-" in word or "‑" in word:
            suffix = _HYPHEN_SUFFIX.search(word)
            if suffix:
                word, b = word[: suffix.start()], a + suffix.start()
            prefix = _HYPHEN_PREFIX.match(word)
            if prefix:
                word, a = word[prefix.end() :], a + prefix.end()
        words.append(Token(a, b, word, a in starts))
    return words
