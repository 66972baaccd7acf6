"""A suffix model of Ukrainian and Russian declension, for names no dictionary lists.

Most front-line villages are missing from pymorphy3's dictionaries, so their nominatives are rebuilt from
the endings alone.  Each rule undoes one case ending of one declension class; a word usually matches
several rules, and every match is a candidate with a cost (the rule's place in its table), because only
the gazetteer can tell *Маяка* → *Маяк* from *Маяка* → *Маяко*.  The tables are the standard noun and
adjective declensions of the two languages' reference grammars, restricted to the endings place names
take.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Form", "adjective_forms", "noun_forms", "short_forms"]


@dataclass(frozen=True, slots=True)
class Form:
    """One candidate nominative of one word.

    ``cost`` orders candidates (lower is likelier); ``cases`` are the cases the written word was read
    in, when an analyser said so, so that a modifier and its head can be checked for agreement;
    ``noun`` marks a noun reading, which a multi-word name prefers for its last word.
    """

    text: str
    gender: str
    cost: float
    cases: frozenset[str]
    noun: bool = False


_F, _M, _N, _P = "femn", "masc", "neut", "plur"

# (oblique ending, nominative ending, gender of the nominative), likeliest first for place names:
# feminine -ка/-івка villages, then masculine towns, then neuters and plurals.
_NOUN_RULES = {
    "uk": (
        ("ою", "а", _F), ("ею", "я", _F), ("єю", "я", _F), ("ці", "ка", _F), ("зі", "га", _F),
        ("сі", "ха", _F), ("и", "а", _F), ("і", "а", _F), ("у", "а", _F), ("ї", "я", _F), ("ю", "я", _F),
        ("ові", "", _M), ("еві", "ь", _M), ("єві", "й", _M), ("ом", "", _M), ("ем", "ь", _M),
        ("єм", "й", _M), ("а", "", _M), ("у", "", _M), ("і", "", _M), ("я", "ь", _M), ("ю", "ь", _M),
        ("і", "ь", _M), ("я", "й", _M), ("ю", "й", _M), ("ї", "й", _M),
        ("а", "о", _N), ("і", "о", _N), ("ом", "о", _N), ("я", "е", _N), ("і", "е", _N), ("ем", "е", _N),
        ("ям", "я", _N), ("і", "я", _N),
        ("ах", "и", _P), ("ях", "і", _P), ("ами", "и", _P), ("ями", "і", _P),
    ),
    "ru": (
        ("ой", "а", _F), ("ою", "а", _F), ("ей", "я", _F), ("ею", "я", _F), ("ии", "ия", _F),
        ("и", "а", _F), ("ы", "а", _F), ("е", "а", _F), ("у", "а", _F), ("ю", "я", _F), ("е", "я", _F),
        ("и", "я", _F), ("и", "ь", _F), ("ью", "ь", _F),
        ("ом", "", _M), ("ым", "", _M), ("а", "", _M), ("у", "", _M), ("е", "", _M), ("ем", "ь", _M),
        ("ём", "ь", _M), ("я", "ь", _M), ("ю", "ь", _M), ("е", "ь", _M), ("я", "й", _M), ("е", "й", _M),
        ("а", "о", _N), ("у", "о", _N), ("е", "о", _N), ("ом", "о", _N), ("я", "е", _N), ("ю", "е", _N),
        ("ем", "е", _N),
        ("ах", "ы", _P), ("ах", "и", _P), ("ях", "и", _P), ("ами", "ы", _P), ("ами", "и", _P),
    ),
}

# Adjective endings, longest first; ``True`` marks the soft declension (Синього → Синій).
_ADJ_ENDINGS = {
    "uk": (
        ("ього", True), ("ьому", True), ("ьої", True), ("ого", False), ("ому", False), ("ими", False),
        ("ій", False), ("ім", False), ("им", False), ("их", False), ("ої", False), ("ою", False),
        ("ий", False), ("е", False), ("а", False), ("у", False), ("і", False), ("є", True), ("я", True),
        ("ю", True), ("ї", True),
    ),
    "ru": (
        ("ого", False), ("его", True), ("ому", False), ("ему", True), ("ыми", False), ("ими", True),
        ("ым", False), ("им", True), ("ом", False), ("ем", True), ("ой", False), ("ей", True),
        ("ую", False), ("юю", True), ("ою", False), ("ею", True), ("ых", False), ("их", True),
        ("ый", False), ("ий", True), ("ое", False), ("ее", True), ("ая", False), ("яя", True),
        ("ые", False), ("ие", True), ("а", False), ("у", False),
    ),
}
# Nominative endings by gender: hard and soft declension.
_ADJ_NOMINATIVE = {
    "uk": ({_M: "ий", _N: "е", _F: "а", _P: "і"}, {_M: "ій", _N: "є", _F: "я", _P: "ї"}),
    "ru": ({_M: "ый", _N: "ое", _F: "ая", _P: "ые"}, {_M: "ий", _N: "ее", _F: "яя", _P: "ие"}),
}
_SUBSTANTIVE_ORDER = (_N, _M, _F, _P)  # a lone adjective is most often a neuter village name (Шахове)
_SHORT_POSSESSIVE = {"uk": ("а", "у", "ім"), "ru": ("а", "у", "ом", "ым")}  # Часова Яру, Часова Яра
_RU_VELAR, _RU_HUSHING = set("гкх"), set("жшчщц")
_VOWELS = set("аеєиіїоуюяыэё")
_CONSONANT = "бвгґджзклмнпрстфхцчшщ"
_CLOSED_SYLLABLE = re.compile(rf"([оеє])([{_CONSONANT}]ь?)$")
_FLEETING_O = re.compile(r"([бвдзлмнпрт])к$")
_FLEETING_E = re.compile(rf"([{_CONSONANT}])ц$")
# what is left of a town name once -ськ/-ск is taken off: possessives (Харків, Чугуев) or a soft stem
_TOWN_BASES = {"uk": ("ів", "їв", "ин", "ь"), "ru": ("ов", "ев", "ин", "ь")}
_SK_STEM = {"uk": ("ськ", "цьк", "зьк"), "ru": ("ск", "цк")}


def noun_forms(word: str, language: str, *, base_cost: float) -> list[Form]:
    """Nominatives of ``word`` read as an inflected noun, one per matching case ending."""
    forms = []
    for i, (ending, nominative, gender) in enumerate(_NOUN_RULES[language]):
        if not word.endswith(ending) or not _has_vowel(word[: len(word) - len(ending)]):
            continue
        stem = word[: len(word) - len(ending)]
        for j, text in enumerate(_restore(stem, nominative, gender, language)):
            forms.append(Form(text, gender, base_cost + 0.04 * i + 0.02 * j, frozenset(), noun=True))
    return forms


def adjective_forms(
    word: str, language: str, *, gender: str, base_cost: float, substantive: bool
) -> list[Form]:
    """Nominatives of ``word`` read as an adjective: in ``gender``, or in every gender when it is empty.

    ``substantive`` is for a lone word that is the whole name: only the unambiguous adjective endings
    (two letters or more) are undone, so that nouns such as *Маяка* are not read as adjectives.
    """
    forms = []
    for stem, soft, ending in _adjective_stems(word, language, long_only=substantive):
        genders = (gender,) if gender else _SUBSTANTIVE_ORDER
        for i, g in enumerate(genders):
            for j, text in enumerate(_adjective_nominatives(stem, soft, g, language)):
                forms.append(Form(text, g, base_cost + 0.3 * i + 0.1 * j, frozenset()))
            if g == _M and _possessive(stem):
                cost = base_cost - (1.5 if ending in _SHORT_POSSESSIVE[language] else 0.1)
                forms.append(Form(_short_possessive(stem, language), g, cost, frozenset()))
    return forms


def short_forms(word: str, language: str, *, base_cost: float) -> list[Form]:
    """Town names behind -ськ-/-ск- adjectives: *Покровському* → *Покровськ*, *Харківського* → *Харків*."""
    forms = []
    for stem, _soft, _ending in _adjective_stems(word, language, long_only=True):
        for suffix in _SK_STEM[language]:
            if stem.endswith(suffix) and _has_vowel(stem[: -len(suffix)]):
                forms.append(Form(stem, _M, base_cost, frozenset()))
                base = stem[: -len(suffix)]
                if suffix in ("ськ", "ск") and base.endswith(_TOWN_BASES[language]):
                    forms.append(Form(base, _M, base_cost + 0.1, frozenset()))
    return forms


def _adjective_stems(word: str, language: str, *, long_only: bool) -> Iterator[tuple[str, bool, str]]:
    for ending, soft in _ADJ_ENDINGS[language]:
        if long_only and len(ending) < 2:
            continue
        if word.endswith(ending) and _has_vowel(word[: len(word) - len(ending)]):
            stem = word[: len(word) - len(ending)]
            yield (stem[:-1] if stem.endswith("ь") else stem), soft, ending
            return  # the longest ending only: "-ому" is not "-у" after "-ом-"


def _adjective_nominatives(stem: str, soft: bool, gender: str, language: str) -> list[str]:
    hard_endings, soft_endings = _ADJ_NOMINATIVE[language]
    if language == "ru":
        return [stem + _ru_adjective_ending(stem, soft, gender)] + ([stem + "ой"] if gender == _M else [])
    if soft:
        soft_stem = stem if stem[-1:] in _VOWELS else stem + "ь"
        return [soft_stem + soft_endings[gender]]
    return [stem + hard_endings[gender]]


def _ru_adjective_ending(stem: str, soft: bool, gender: str) -> str:
    """Russian spelling rules: и after г к х ж ш ч щ, е for unstressed о after ж ш ч щ ц."""
    hard, soft_endings = _ADJ_NOMINATIVE["ru"]
    last = stem[-1:]
    if last in _RU_VELAR or last in _RU_HUSHING:
        return {_M: "ий", _N: "ее" if last in _RU_HUSHING else "ое", _F: "ая", _P: "ие"}[gender]
    return (soft_endings if soft else hard)[gender]


def _possessive(stem: str) -> bool:
    return stem.endswith(("ов", "ев", "єв", "ин", "ін", "їн", "ын"))


def _short_possessive(stem: str, language: str) -> str:
    """*Попов-* → *Попів* (Ukrainian closes the syllable with і), *Часов-* → *Часов* (Russian)."""
    if language == "uk" and stem.endswith(("ов", "ев")):
        return stem[:-2] + "ів"
    if language == "uk" and stem.endswith("єв"):
        return stem[:-2] + "їв"
    return stem


def _restore(stem: str, nominative: str, gender: str, language: str) -> list[str]:
    """Rebuild the nominative, plus the forms sound changes give it in a closed final syllable."""
    plain = stem + nominative
    if gender != _M or nominative not in ("", "ь"):
        return [plain]
    out = [plain]
    if language == "uk" and _CLOSED_SYLLABLE.search(plain):  # Попова → Попів, Миколаєва → Миколаїв
        out.append(_CLOSED_SYLLABLE.sub(_close, plain))
    if _FLEETING_E.search(stem):  # Кременця → Кременець, Кременца → Кременец
        out.append(stem[:-1] + ("ець" if language == "uk" else "ец"))
    if _FLEETING_O.search(stem):  # Городка → Городок
        out.append(stem[:-1] + "ок")
    return out


def _close(match: re.Match[str]) -> str:
    return ("ї" if match.group(1) == "є" else "і") + match.group(2)


def _has_vowel(text: str) -> bool:
    return len(text) >= 2 and any(ch in _VOWELS for ch in text)
