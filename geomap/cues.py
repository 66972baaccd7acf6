"""What the words around a name say about it: the cues the mention finder weighs.

"near X", "the villages of X", a list that a place started ("X, Y and Z") make X a place; "the Institute
for the Study of War", "the Khortytsia group of forces", «Юг», "according to Gerasimov", "Gerasimov said"
make it something else.  :class:`TokenCues` is a mixin of the finder: it reads the finder's ``text``,
``tokens``, ``language``, ``lower_words`` and ``last_end``.
"""

from __future__ import annotations

import re

from geomap.lexicon import (
    COMPASS,
    LOCAL_INSTITUTIONS,
    LOCATIVE_CUES,
    ORG_WORDS,
    SENTENCE_STARTERS,
    SPEECH_VERBS,
    UNIT_WORDS,
    is_region_word,
)
from geomap.tokens import Token

__all__ = ["LIST_GAP", "TokenCues"]

_OF_NAME = re.compile(r"\b([A-Z]\w+)(?:\s+(?:[A-Z]\w+|of|for|the|and))*\s+(?:of|for)\s+(?:the\s+)?$")
_ACCORDING = re.compile(r"\b(?:according to|said by|quoted|согласно|за словами|по словам)\s+$", re.I)
LIST_GAP = re.compile(r"\s*(?:,|;|—|–|-|and|or|та|і|й|и|,\s*(?:and|та|і|и))\s*")


class TokenCues:
    """Questions about the words around tokens a..b of the text."""

    text: str
    tokens: list[Token]
    language: str
    lower_words: set[str]
    last_end: int

    def _ignorable(self, token: Token) -> bool:
        """Words that may stand next to a place name without making the run a person or an agency."""
        lower = token.lower
        if token.sentence_start and (lower in SENTENCE_STARTERS or lower in self.lower_words):
            return True
        if token.sentence_start and self.language != "en":
            from geomap.morphology import is_common_word

            if is_common_word(token.text, language=self.language):
                return True
        return is_region_word(lower) or lower in COMPASS or lower in {"the", "of", "city", "oblast"}

    def _names_a_district(self, k: int) -> bool:
        """Whether the word qualifies a region word: "Вовчанськ Чугуївського району", "Kupiansk district"."""
        nxt = self.tokens[k + 1] if k + 1 < len(self.tokens) else None
        return (
            nxt is not None and is_region_word(nxt.lower) and self.text[self.tokens[k].end : nxt.start] == " "
        )

    def _inside_name(self, a: int, b: int) -> bool:
        """Whether the name is part of an institution's or a unit's name, and names no place there.

        "Institute for the Study of War", "the Khortytsia group of forces", "Kyiv Independent"; but the
        "Richmond Police Department" and the "University of Georgia" are where they are named after.
        """
        nxt = self.tokens[b + 1] if b + 1 < len(self.tokens) else None
        if nxt is not None and nxt.lower in UNIT_WORDS:
            return True  # "the Khortytsia group of forces"
        if nxt is not None and _names_institution(nxt) and self.text[self.tokens[b].end : nxt.start] == " ":
            after = self.tokens[b + 2] if b + 2 < len(self.tokens) else None
            # "Commerce Department", "Kyiv Post"; not "the US-based Institute", nor "the Texas
            # Department of Health", a state's own department
            return after is None or after.lower != "of"
        before = self.text[max(0, self.tokens[a].start - 60) : self.tokens[a].start]
        if not before.rstrip().endswith(("of", "for", "the")):
            return False  # what _OF_NAME needs at its end, checked without scanning the window
        match = _OF_NAME.search(before)
        return match is not None and match.group(1) in ORG_WORDS - LOCAL_INSTITUTIONS

    def _quoted(self, a: int, b: int) -> bool:
        """A name in guillemets or quotes is a unit's or an operation's: группировка «Юг», «Центр»."""
        start, end = self.tokens[a].start, self.tokens[b].end
        return self.text[start - 1 : start] in ("«", "“", '"') and self.text[end : end + 1] in ("»", "”", '"')

    def _names_a_source(self, a: int, b: int) -> bool:
        """Whether the words are the source of a statement: "Gerasimov said", "according to Gerasimov"."""
        nxt = self.tokens[b + 1] if b + 1 < len(self.tokens) else None
        if nxt is not None and nxt.lower in SPEECH_VERBS:
            return True
        return bool(_ACCORDING.search(self.text, max(0, self.tokens[a].start - 20), self.tokens[a].start))

    def _has_cue(self, a: int) -> bool:
        """A locative word right before token a, or a list that a place started ("X, Y and Z")."""
        prev = self.tokens[a - 1] if a > 0 else None
        if prev is not None and prev.lower in LOCATIVE_CUES and prev.end + 1 == self.tokens[a].start:
            return True
        return self.last_end >= 0 and bool(
            LIST_GAP.fullmatch(self.text[self.last_end : self.tokens[a].start])
        )


def _names_institution(token: Token) -> bool:
    """An institution noun that does not place the institution where its name's place is."""
    return token.text in ORG_WORDS and token.text not in LOCAL_INSTITUTIONS
