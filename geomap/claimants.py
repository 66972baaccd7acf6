"""Who makes a claim, and which side they speak for.

A report quotes many voices.  Each sentence either names its source ("…, Ukraine's General Staff said",
"according to the ministry", "сообщает Минобороны РФ"), points back to one ("he added", "it said",
"the ministry", "За його словами"), names the source of the sentence before ("This was reported by …",
"Про це повідомив …"), or names none.  :class:`Discourse` follows those references through a report.

The side comes from curated general knowledge: institutions, titles, demonyms and the names of
officials who speak for a side often enough to be cited without their title (sources: the officials'
public roles as given by the Ukrainian and Russian governments' and ISW's own pages).  Third-party
institutions (ISW, NATO, the UN, foreign governments) win over a demonym in the same phrase, so
"a Russia analyst at the Institute for the Study of War" speaks for a third party.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from geomap.prefilter import PatternGroup, prefiltered

__all__ = [
    "Attribution",
    "Discourse",
    "content_side",
    "find_attribution",
    "hedge_scope",
    "side_of",
    "unnamed_source",
]


@dataclass(frozen=True, slots=True)
class Attribution:
    """A source as a sentence names it: the phrase, its offsets in the report, and how it is used.

    ``scope`` is ``chain`` for a source that reports ("X said": later unattributed sentences carry on
    its report), ``sentence`` for one that only qualifies this sentence ("according to X", "X posted a
    video") and ``previous`` for one that names the source of the sentence before ("This was
    reported by X").
    """

    claimant: str
    side: str
    start: int = -1
    end: int = -1
    scope: str = "chain"


_VERBS_EN = (
    r"said|says|say|told|tells|added|adds|wrote|writes|reported|reports|claimed|claims|stated|states|"
    r"announced|announces|acknowledged|acknowledges|stressed|described|insisted|confirmed|noted|declared|"
    r"posted|published|uploaded|rejected|gave a \w+ ?estimate"
)
_VERBS_CY = (
    r"сообщил[аио]?|сообщает|сообщили|заявил[аио]?|заявили|заявляет|повідомив|повідомила|повідомили|"
    r"повідомляє|заявив|заявила|зазначив|зазначила|зазначили|отметил[аи]?|передає|передает"
)
_SENTENCE_ONLY_VERBS = re.compile(r"^(?:posted|published|uploaded|rejected)$")
_CHANNEL = r"(?:(?:в|у)\s+(?:своем|своєму|своем)?\s*[\w-]*(?:канал\w*|Телеграмі|Telegram)\s+)?"

_BACKWARD = [
    prefiltered(r"^(?:this|that|it) (?:was|has been) (?:reported|announced|stated|said|confirmed) by "
               r"(?P<who>.+?)[.!]?$", re.IGNORECASE),
    prefiltered(rf"^(?:Про це|Об этом)\b.*?\b(?:{_VERBS_CY})\s+{_CHANNEL}(?P<who>[^,.]+)"),
]  # fmt: skip
_RELAY = prefiltered(
    r"\b(?:із посиланням на|з посиланням на|со ссылкой на|с ссылкой на|citing|with reference to)\s+"
                    r"(?:зведення\s+|сводку\s+|данные\s+)?(?P<who>[^,.;:]+)", re.IGNORECASE)  # fmt: skip
_ACCORDING = prefiltered(
    r"\b(?:according to|by (?P<poss>[\w'’ ]+?)['’]s? own account|за (?:даними|словами|інформацією)|"
    r"по (?:данным|словам|информации))\s*(?P<who>[^,.;:“\"]*)",
    re.IGNORECASE,
)
_INTERJECTED = prefiltered(rf",\s*(?P<who>(?:the |he\b|she\b|it\b|they\b)[^,]{{0,40}}?)\s+(?:{_VERBS_EN}),",
                          re.IGNORECASE)  # fmt: skip
_TRAILING_EN = prefiltered(
    rf"(?:^|[,”\"’])\s*[\"”]?\s*(?P<who>[^,\"“”]{{2,120}}?),?\s+(?:has |have |had )?(?P<verb>{_VERBS_EN}|"
    r"told [A-Z][\w.]*(?: [A-Z][\w.]*)*)(?:\s+(?:on|in|at|via|during|after|later)\b[^,]*)?[.!]?$"
)
_TRAILING_CY = prefiltered(rf",\s*(?:как\s+|як\s+)?(?P<verb>{_VERBS_CY})\s+{_CHANNEL}(?P<who>[^,.]+)")
_STATED_IN = prefiltered(r"\b(?:заявили|сообщили|повідомили|заявляют|заявляють)\s+(?:в|у)\s+(?P<who>[^,.]+)")
_PARTICIPLE = prefiltered(
    r"^(?:(?:[^,]{0,60}),\s+)?(?P<who>[^,]{2,60}?)\s+(?:did not|didn't|has not|had not)\b"
    r"[^,]{0,60},\s+(?:saying|adding|insisting)\b"
)
_AUDIENCE = prefiltered(r"\btold\s+(?P<whom>[^,.]*?)(?:\s+(?:on|that|in)\b|[,.]|$)")
_INVERTED = prefiltered(r"\b(?:said|says|added|wrote)\s+(?P<who>(?:the\s+)?[A-Z][^.,]*?)\s*[.!]?$")
_LEADING = prefiltered(
    rf"^(?:(?:[^,]{{0,60}}),\s+)?(?P<who>[^,]{{2,90}}?(?:,[^,]{{2,80}},)?)\s+(?:has |have |had )?"
    rf"(?:repeatedly |later |also |earlier |previously |on \w+ )?(?P<verb>{_VERBS_EN}|{_VERBS_CY})\b"
)
_FINITE = prefiltered(
    r"\b(?:is|are|was|were|have|has|had|will|would|been|did|does|not|could|came|come|can)\b|"
    r"\b\w+ed\s+(?:the|a|an|its|their|all)\b"
)
_ANY_SOURCE = PatternGroup([*_BACKWARD, _RELAY, _ACCORDING, _INTERJECTED, _TRAILING_CY, _STATED_IN,
                            _PARTICIPLE, _TRAILING_EN, _INVERTED, _LEADING])  # fmt: skip
_SUBORDINATE = prefiltered(r"^.*\b(?:after|when|while|as|because|since|before|once)\s+", re.IGNORECASE)
_DATELINE = prefiltered(r"^.*?(?:\s[-–—]\s|:\s)")

_QUOTES = prefiltered(r"^[\s\"“”«»'’-]+|[\s\"“”«»'’.,:;-]+$")
_CONJUNCTION = re.compile(r"^(?:and|but|while|that|earlier|later|however)\s+", re.IGNORECASE)

_PRONOUN_PERSON = {"he", "she", "him", "його", "її", "він", "вона", "он", "она", "его", "ее", "её"}
_PRONOUN_ANY = {"it", "they", "them", "ведомства", "ведомство", "відомства", "відомство"}
_HEADS = ("ministry", "report", "general staff", "military", "group", "agency", "department", "isw",
          "minister", "міністерств", "министерств", "минобороны", "генштаб")  # fmt: skip
_TITLES = prefiltered(
    r"\b(?:minister|governor|head|chief|commander|analyst|expert|spokes\w+|president|colonel|general|"
    r"mayor|secretary|adviser|advisor|blogger|he|she|глава|начальник|голова|міністр|министр|президент|"
    r"эксперт|експерт|мэр|мер)\b",
    re.IGNORECASE,
)
_NAME_END = prefiltered(r"\b[A-Z][a-z]+ [A-Z][a-z]+$|^[A-Z][a-z]+$|[А-ЯІЇЄ][а-яіїє]+ [А-ЯІЇЄ][а-яіїє]+$")


@functools.lru_cache(maxsize=4096)
def _is_person(phrase: str) -> bool:
    return bool(_TITLES.search(phrase) or _NAME_END.search(phrase))


# Side cues.  Institutions and names first (earliest hit wins), then demonyms and country names.
_STRONG = {
    "third": r"\bisw\b|institute for the study of war|\bnato\b|\bun\b|united nations|\biaea\b|pentagon|"
             r"white house|state department|\bafp\b|\breuters\b|\beu\b|european union|\bg7\b|stoltenberg|"
             r"\brutte\b|borrell|lloyd austin|blinken|biden|trump|macron|scholz|guterres|grossi|coalition",
    "RU": r"kremlin|wagner|вагнер|prigozhin|putin|peskov|shoigu|gerasimov|konashenkov|lavrov|zakharova|"
          r"belousov|saldo|balitsky|pushilin|pasechnik|marochko|kadyrov|medvedev|surovikin|минобороны|"
          r"министерство обороны рф|\bрф\b|пушилин|кремл|\bднр\b|\bлнр\b|russian-installed|\btass\b|"
          r"\bria\b|battlegroup|группировк",
    "UA": r"zelensk|syrsk|zaluzh|malyar|yermak|kuleba|sybiha|umerov|reznikov|budanov|syn[yi]e?hubov|"
          r"kyrylenko|kirilenko|filashkin|dobr[iy]ak|deepstate|khortytsia|military administration|"
          r"armed forces of ukraine|\bзсу\b|генштаб|сили оборони|синєгубов|\bова\b|військова адміністрація|"
          r"військової адміністрації|зеленськ",
}  # fmt: skip
_WEAK = {
    "third": r"\bu\.?s\.?\b|\bus\b|united states|american|britain|british|\buk\b|germany|german|france|"
             r"french|poland|polish|western|west\b",
    "RU": r"russia|russian|moscow|росси|російськ|москв|рф\b",
    "UA": r"ukrain|\bkyiv\b|\bkiev\b|україн|украин|киев|київ",
}  # fmt: skip
_STRONG_RE = {side: prefiltered(p, re.IGNORECASE) for side, p in _STRONG.items()}
_WEAK_RE = {side: prefiltered(p, re.IGNORECASE) for side, p in _WEAK.items()}

# Words a side uses of its enemy: they show whose report an unattributed sentence carries.
_PERSPECTIVE = {
    "UA": prefiltered(r"\bокупант|\bворог|\bрашист|\boccupiers\b|\bthe enemy\b", re.IGNORECASE),
    "RU": prefiltered(r"«освобо|\"liberat|“liberat|группировк|\bвсу\b|киевск\w+ режим|боевик|неонацист",
                     re.IGNORECASE),
}  # fmt: skip


@functools.lru_cache(maxsize=4096)  # a report names the same few sources again and again
def side_of(phrase: str) -> str:
    """Return the side a claimant phrase speaks for: RU, UA, third or none.

    >>> side_of("Grace Mappes, a Russia analyst at the Institute for the Study of War")
    'third'
    >>> side_of("Ukraine's Deputy Defense Minister Hanna Malyar")
    'UA'
    >>> side_of("military bloggers")
    'none'
    """
    for table in (_STRONG_RE, _WEAK_RE):
        hits = [(m.start(), side) for side, rx in table.items() if (m := rx.search(phrase))]
        if hits:
            return min(hits)[1]
    return "none"


def content_side(text: str) -> str | None:
    """Return the side whose words a sentence uses ("occupiers", «освободили»), if only one's.

    >>> content_side("окупанти 37 разів атакували позиції")
    'UA'
    """
    hits = [side for side, rx in _PERSPECTIVE.items() if rx.search(text)]
    return hits[0] if len(hits) == 1 else None


@functools.lru_cache(maxsize=4096)
def _clean(who: str) -> str:
    who = _SUBORDINATE.sub("", _DATELINE.sub("", who))
    who = _QUOTES.sub("", who)
    who = _CONJUNCTION.sub("", who)
    return who.strip()


@functools.lru_cache(maxsize=4096)
def _plausible(who: str) -> bool:
    """Check that a source phrase is a noun phrase: short, with no finite verb of its own."""
    from geomap.event_types import classify

    words = who.split()
    if not 0 < len(words) <= 16 or _FINITE.search(who) or who.lower().startswith(("in ", "on ")):
        return False
    return classify(who) is None


def _found(text: str, offset: int, match: re.Match, scope: str, group: str = "who") -> Attribution | None:
    who = _clean(match.group(group) or "")
    if not who or not _plausible(who):
        return None
    start = offset + text.find(who, match.start(group))
    return Attribution(who, side_of(who), start, start + len(who), scope)


def find_attribution(text: str, *, offset: int = 0) -> Attribution | None:
    """Find the source a sentence names for itself, as written (:class:`Discourse` resolves pronouns).

    ``offset`` is the sentence's position in the report, so the result's offsets index the report.

    >>> find_attribution("Russian attempts were repelled, he added in a YouTube video.").claimant
    'he'
    >>> a = find_attribution("This was reported by the head of the regional military administration, "
    ...                      "Oleh Synyehubov.")
    >>> (a.claimant, a.side, a.scope)
    ('the head of the regional military administration, Oleh Synyehubov', 'UA', 'previous')
    """
    text = text.rstrip()
    may = _ANY_SOURCE.candidates(text)  # most sentences name no source: skip every pattern at once
    if not may:
        return None
    for rx in _BACKWARD:
        if rx in may and (m := rx.search(text)):
            return _found(text, offset, m, "previous")
    if _RELAY in may and (m := _RELAY.search(text)):
        return _found(text, offset, m, "chain")
    if _ACCORDING in may and (m := _ACCORDING.search(text)):
        return _found(text, offset, m, "sentence", "poss" if m.group("poss") else "who")
    for rx in (_INTERJECTED, _TRAILING_CY, _STATED_IN, _PARTICIPLE):
        if rx in may and (m := rx.search(text)) and (found := _found(text, offset, m, "chain")):
            return found
    return _subject_attribution(text, offset, may)


# what _TRAILING_EN needs at its end, told apart word by word (see _may_trail)
_TRAIL_VERBS = frozenset(_VERBS_EN.split("|")) - {r"gave a \w+ ?estimate"}
_TRAIL_ON = ("on", "in", "at", "via", "during", "after", "later")
_TRAIL_STOPS = (".", "!")


def _is_trail_verb(word: str) -> bool:
    """A word that can end _TRAILING_EN's verb: a verb, or "… estimate" ("gave a rough estimate")."""
    return word in _TRAIL_VERBS or word.endswith("estimate")


def _opens_trail(word: str) -> bool:
    """Whether a word begins with one of the words that may follow the verb ("said on Monday")."""
    return any(word.startswith(lead) and not word[len(lead) : len(lead) + 1].isalnum()
               and word[len(lead) : len(lead) + 1] != "_" for lead in _TRAIL_ON)  # fmt: skip


def _may_trail(text: str) -> bool:
    """Whether ``text`` (right-stripped) can end as _TRAILING_EN requires, in a few word comparisons.

    The regular expression tries every start of every stretch between commas and quotes, which makes it
    the slowest claim reader, yet a match needs little at the end: nothing after the verb holds a comma,
    so the verb is a word of the last comma-free stretch, and it ends the text (a full stop or "!" at
    most) or the next word opens with on, in, at, via, during, after or later.  "told Reuters" matches
    by its names, so a "told" there is always let through.  Without these, the pattern cannot match.
    """
    words = text[text.rfind(",") + 1 :].split()
    last = len(words) - 1
    for i, word in enumerate(words):
        if word == "told" or (i < last and _is_trail_verb(word) and _opens_trail(words[i + 1])):
            return True
    if not words:
        return False
    end = words[last]
    return _is_trail_verb(end) or (end.endswith(_TRAIL_STOPS) and _is_trail_verb(end[:-1]))


def _subject_attribution(text: str, offset: int, may: frozenset) -> Attribution | None:
    for rx in (_TRAILING_EN, _INVERTED, _LEADING):
        possible = rx in may and (rx is not _TRAILING_EN or _may_trail(text))
        m = rx.search(text) if possible else None
        if not m or not (found := _found(text, offset, m, "chain")):
            continue
        verb = m.groupdict().get("verb") or ""
        if rx is _TRAILING_EN:
            found = _with_apposition(text, offset, m, found)
        if found.side == "none" and (audience := _AUDIENCE.search(text)):
            found = replace(found, side=side_of(audience.group("whom")))
        if _SENTENCE_ONLY_VERBS.match(verb.split()[0] if verb else ""):
            found = replace(found, scope="sentence")
        return found
    return None


def _with_apposition(text: str, offset: int, match: re.Match, found: Attribution) -> Attribution:
    """Extend "…, the head of the Wagner company, Yevgeny Prigozhin, said" back over the apposition."""
    before = text[: match.start("who")].rstrip(" ,")
    chunk = before.rsplit(",", 1)[-1].strip()
    if re.match(r"(?:the|a|an)\s", chunk, re.IGNORECASE) and _plausible(chunk) and len(chunk.split()) <= 10:
        start = offset + text.find(chunk)
        return Attribution(f"{chunk}, {found.claimant}", side_of(f"{chunk}, {found.claimant}"), start,
                           found.end, found.scope)  # fmt: skip
    return found


class Discourse:
    """The sources a report has named so far, for resolving "he", "it", "the ministry" to one of them."""

    def __init__(self) -> None:
        self.named: list[Attribution] = []

    def resolve(self, found: Attribution) -> Attribution:
        """Resolve a pronoun or a short definite description to the source named before it.

        A full name is remembered and returned with its side; a reference to an earlier source takes
        that source's name and side but keeps its own offsets and scope.
        """
        key = found.claimant.lower().removeprefix("the ").strip()
        earlier = self._antecedent(key, found.claimant)
        if earlier is not None:
            return replace(earlier, start=found.start, end=found.end, scope=found.scope)
        if found.side == "none" and (same := self._same_head(key)) is not None:
            found = replace(found, side=same.side)
        self.named.append(found)
        return found

    def _antecedent(self, key: str, claimant: str) -> Attribution | None:
        if key in _PRONOUN_PERSON:
            return next((a for a in reversed(self.named) if _is_person(a.claimant)), self._last())
        if key in _PRONOUN_ANY or re.fullmatch(r"(?:його|її|его|ее)", key):
            return self._last()
        if len(key.split()) <= 3 and key.endswith(_HEADS) and side_of(key) == "none":
            return self._same_head(key) or self._last()
        person = _is_person(claimant)
        if not person and (same := self._same_head(key)) is not None and same.side == side_of(key) != "none":
            return same
        surname = key.split()[-1] if len(key.split()) == 1 else ""
        if surname:
            return next((a for a in reversed(self.named) if surname in a.claimant.lower()), None)
        return None

    def _same_head(self, key: str) -> Attribution | None:
        heads = [h for h in _HEADS if h in key]
        for earlier in reversed(self.named):
            if earlier.side != "none" and any(h in earlier.claimant.lower() for h in heads):
                return earlier
        return None

    def _last(self) -> Attribution | None:
        return self.named[-1] if self.named else None

    def last_of_side(self, side: str) -> Attribution | None:
        """Return the latest source named for ``side``: who an unattributed sentence in its words reports."""
        return next((a for a in reversed(self.named) if a.side == side), None)


_HEDGE = prefiltered(
    r"\b(?:could|can)\s*not (?:be )?(?:independently )?(?:verif|confirm)|\b(?:was|were|is|are) not able to "
    r"(?:independently )?verify|\bunable to (?:independently )?(?:verify|confirm)|"
    r"\bno (?:visual )?confirmation|"
    r"\bis said to\b|\breportedly\b|\ballegedly\b|\bpurportedly\b|"
    r"(?<!these )(?<!the )\bclaim(?:ed|s)\b(?! of)|"
    r"\bif true\b|\b(?:said|says|reported)\b[^.]{0,40}\baccording to\b|как утверждается|\bякобы\b|\bнібито\b|"
    r"не удалось (?:независимо )?проверить|не вдалося (?:незалежно )?перевірити",
    re.IGNORECASE,
)
_HEDGE_ALL = prefiltered(r"\b(?:reports|claims|information)\b|\bповідомлення\b|\bсообщения\b", re.IGNORECASE)
_HEDGE_ALONE = prefiltered(
    r"^(?:if true|[^,]{0,60}\b(?:could not|was not able|were not able|unable|cannot)\b|"
    r"[^,]{0,60}\bno (?:visual )?confirmation)", re.IGNORECASE)  # fmt: skip


_PASSIVE_HEDGE = prefiltered(
    r"\bis said to\b|\breportedly\b|\ballegedly\b|как утверждается|\bякобы\b|\bнібито\b|"
                            r"\bстверджується\b", re.IGNORECASE)  # fmt: skip


def unnamed_source(text: str) -> bool:
    """Whether a sentence with no named source still says someone unnamed claims it ("как утверждается").

    >>> unnamed_source("В Сети появились кадры, на которых, как утверждается, военные уходят из города.")
    True
    """
    return bool(_PASSIVE_HEDGE.search(text))


def hedge_scope(text: str) -> str:
    """Tell whether and how far a sentence hedges.

    ``""`` not at all, ``sentence`` its own claim, ``previous`` the claim just before ("If true, …",
    "…no confirmation of the claim"), ``all`` every
    sourced claim so far ("Reuters could not independently verify the battlefield reports").

    >>> hedge_scope("Reuters could not independently verify the battlefield reports.")
    'all'
    >>> hedge_scope("The ministry said Ukrainian forces retreated, and Reuters was not able to verify this.")
    'sentence'
    """
    hedge = _HEDGE.search(text)
    if hedge is None:
        return ""
    if _HEDGE_ALONE.search(text):
        return "all" if _HEDGE_ALL.search(text[hedge.end() :]) else "previous"
    return "sentence"
