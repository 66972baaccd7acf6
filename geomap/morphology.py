"""Nominative (dictionary) forms of inflected Ukrainian and Russian place names.

The gazetteer indexes places by their nominative names, but Cyrillic reports inflect them: *у Бахмуті*,
*під Кліщіївкою*, *в Авдеевке*, *у районах Попового Яру*, *на Покровському напрямку*.  This module turns
the words of such a name back into candidate nominatives and leaves the choice to the gazetteer, which
knows which of them exist.

Two sources of candidates are merged, cheapest first:

- pymorphy3 with its OpenCorpora (ru) and VESUM/LanguageTool (uk) dictionaries, which knows the
  declension of every town and of many villages, including irregular ones (*Миколаєва* → *Миколаїв*);
- a suffix model of the noun and adjective declensions, for the many villages no dictionary lists: it
  undoes the case endings and restores the Ukrainian alternations that the nominative shows (*і* in a
  closed final syllable: *Попова* → *Попів*, *Променя* → *Промінь*; fleeting vowels: *Кременця* →
  *Кременець*, *Городка* → *Городок*; *к/г/х* before *і*: *Кліщіївці* → *Кліщіївка*).

Multi-word names agree: modifiers are put into the nominative of the head word's gender (*Червоного
Лиману* → *Червоний Лиман*, *Донецкой Народной Республике* → *Донецкая Народная Республика*).  A lone
adjective is a place in its own right (*Шахового* → *Шахове*) or stands for a town (*Покровському
напрямку* → *Покровськ*), so both readings are returned.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from gazetteer.fold import is_cyrillic
from geomap.declension import Form, adjective_forms, noun_forms, short_forms

if TYPE_CHECKING:
    from pymorphy3 import MorphAnalyzer
    from pymorphy3.analyzer import Parse

__all__ = ["is_common_word", "language_of", "nominative_candidates"]

#: how many whole-name candidates are returned; the gazetteer tries them in order
MAX_CANDIDATES = 12
_PER_MODIFIER = 4
_PER_HEAD = 5
_MARGIN = 2.5  # candidates costlier than the best by more than this are noise
_UK_LETTERS = frozenset("іїєґІЇЄҐ")
_RU_LETTERS = frozenset("ыэъёЫЭЪЁ")
_GENDER_COST = {"neut": 0.0, "femn": 0.0, "plur": 0.1, "masc": 0.3}
_APOSTROPHES = str.maketrans(dict.fromkeys("’ʼ`´‘ʻ\u2032", "'"))
_LOWER_PARTS = frozenset({"на", "над", "под", "під", "де", "ла"})
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[A-Za-z]")


def language_of(text: str) -> str:
    """Guess ``"uk"``, ``"ru"`` or ``"en"`` from the letters of ``text``.

    Only the letters that one of the two orthographies lacks decide (і ї є ґ are Ukrainian, ы э ъ ё are
    Russian); a Cyrillic text with neither is taken as Russian, because Ukrainian prose without *і* is
    rare beyond a few words while Russian sentences without *ы* or *э* are common.  Text with more Latin
    than Cyrillic letters is ``"en"``.

    Examples
    --------
    >>> language_of("Бої тривають біля Кліщіївки"), language_of("Бои идут у Клещеевки")
    ('uk', 'ru')
    >>> language_of("Fighting near Bakhmut")
    'en'
    """
    # counted by the regex engine and str.count: a loop over every character costs more than the rest
    # of the language detection and sentence splitting together
    if not _CYRILLIC.search(text):
        return "en"
    cyrillic = len(_CYRILLIC.findall(text))
    if len(_LATIN.findall(text)) > cyrillic:
        return "en"
    uk = sum(text.count(ch) for ch in _UK_LETTERS)
    ru = sum(text.count(ch) for ch in _RU_LETTERS)
    return "uk" if uk > ru else "ru"


def nominative_candidates(
    words: Sequence[str], *, language: str, following: str | None = None
) -> list[str]:
    """Candidate nominatives of a whole Cyrillic place name, most likely first.

    Parameters
    ----------
    words : sequence of str
        The words of the name as written in the text (1-3 words; hyphenated words are one word).
    language : str
        ``"uk"`` or ``"ru"``; for any other value, or a name with no Cyrillic letter, the name is
        returned unchanged as the only candidate, and no analyser is loaded.
    following : str, optional
        The word right after the name.  When it is a noun the name agrees with (*Покровському
        напрямку*, *Чугуївського району*), the name is an adjective made from a town's name and the
        town's own name comes first; otherwise a lone adjective is first read as a village (*Шахове*).

    Returns
    -------
    list of str
        Capitalised candidates; the gazetteer (which folds case) decides which of them exist.

    Examples
    --------
    >>> nominative_candidates(["Попового", "Яру"], language="uk")[:2]
    ['Попів Яр', 'Поповий Яр']
    >>> nominative_candidates(["Авдеевке"], language="ru")[0]
    'Авдеевка'
    >>> nominative_candidates(["Покровському"], language="uk", following="напрямку")[0]
    'Покровськ'
    """
    cleaned = tuple(w.strip().translate(_APOSTROPHES) for w in words if w.strip())
    if not cleaned:
        return []
    if language not in ("uk", "ru") or not is_cyrillic(" ".join(cleaned)):
        return [" ".join(cleaned)]
    follow = (following or "").strip().lower()
    attributive = bool(follow) and _agrees_with(cleaned[-1].lower(), follow, language)
    return list(_candidates(cleaned, language, attributive))


_PROPER = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn", "Trad", "Abbr"})


@functools.lru_cache(maxsize=65536)
def is_common_word(word: str, *, language: str) -> bool:
    """Whether a capitalised word is an ordinary word of the language, not a proper name.

    "Учора" or "Минулої" at a sentence start is grammar, not a name.

    The Ukrainian dictionary does not mark place names, so it is asked only about words that matched
    no place; the Russian one does ("Москва" is ``Geox``).

    >>> is_common_word("Учора", language="uk"), is_common_word("Москва", language="ru")
    (True, False)
    """
    if language not in ("uk", "ru"):
        return False
    parses = _parses(word.lower(), language)
    known = [p for p in parses if _known(p)]
    return bool(known) and not any(_PROPER & p.tag.grammemes for p in known)


@functools.cache
def _analyzer(language: str) -> MorphAnalyzer:
    """One analyser per language and process: loading a dictionary takes a few tenths of a second."""
    from pymorphy3 import MorphAnalyzer

    return MorphAnalyzer(lang=language)


def _parses(word: str, language: str) -> list:
    """pymorphy3's readings of a word; none for a word with a character Unicode has no name for.

    pymorphy3 looks every character's name up to tell Latin from Cyrillic, and raises on the rest.
    """
    try:
        return _analyzer(language).parse(word)
    except (KeyError, ValueError):
        return []


@functools.lru_cache(maxsize=32768)
def _candidates(words: tuple[str, ...], language: str, attributive: bool) -> tuple[str, ...]:
    heads = _head_forms(words[-1].lower(), language, attributive)
    if len(words) > 1:
        heads = heads[:_PER_HEAD]
    scored: dict[str, float] = {}
    nouns = any(h.noun for h in heads)
    for head in heads:
        # after a modifier the head is a noun when it can be one (Яру: яр, not the adjective ярий)
        cost = head.cost + (2.5 if len(words) > 1 and nouns and not head.noun else 0.0)
        combos = [((head.text,), cost)]
        for word in reversed(words[:-1]):
            modifiers = _modifier_forms(word.lower(), head.gender, language)[:_PER_MODIFIER]
            combos = [
                ((m.text, *texts), total + m.cost + _disagreement(m, head))
                for texts, total in combos
                for m in modifiers
            ]
        for texts, total in combos:
            key = " ".join(texts)
            scored[key] = min(total, scored.get(key, total))
    ranked = sorted(scored, key=scored.__getitem__)
    best = scored[ranked[0]] if ranked else 0.0
    names = [name for name in ranked if scored[name] <= best + _MARGIN][:MAX_CANDIDATES]
    written = " ".join(w.lower() for w in words)  # last resort: an indeclinable or unknown name
    if written not in names:
        names.append(written)
    return tuple(_display(name) for name in names)


def _disagreement(modifier: Form, head: Form) -> float:
    """Penalty for readings whose cases cannot belong to one phrase (*Часова* nom. + *Яру* gen.)."""
    if modifier.cases and head.cases and not modifier.cases & head.cases:
        return 1.5
    return 0.0


# -- one word --------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=65536)
def _head_forms(word: str, language: str, attributive: bool) -> tuple[Form, ...]:
    """Nominatives of the word that carries the name's gender: a noun, or a noun-like adjective."""
    if "-" in word:
        return _hyphenated(word, language, attributive)
    forms: list[Form] = []
    parses = _parses(word, language)
    nominative = [p for p in parses if p.tag.case == "nomn"]
    if nominative:  # the name may be written in the nominative; an oblique reading wins a tie
        cost = 0.15 if _known(nominative[0]) else 1.3
        forms.append(Form(word, _gender(nominative[0]), cost, frozenset({"nomn"})))
    for rank, parse in enumerate(parses):
        base = _parse_cost(parse, rank)
        if parse.tag.POS == "NOUN":
            forms.extend(_noun_readings(parse, base))
        elif parse.tag.POS in ("ADJF", "PRTF"):
            forms.extend(_adjective_readings(parse, base))
    # a word the dictionary knows has its declension there; the suffix model is for the rest
    if not any(_known(p) for p in parses):
        forms.extend(noun_forms(word, language, base_cost=2.0))
        forms.extend(adjective_forms(word, language, gender="", base_cost=2.2, substantive=True))
    if attributive:  # "Покровському напрямку": the adjective of a town, not a village of its own
        forms = [Form(f.text, f.gender, f.cost + 0.5, f.cases, noun=f.noun) for f in forms]
    forms.extend(short_forms(word, language, base_cost=0.1 if attributive else 0.2))
    return _merge(forms)


@functools.lru_cache(maxsize=65536)
def _modifier_forms(word: str, gender: str, language: str) -> tuple[Form, ...]:
    """Nominatives of a word that agrees with the head: adjectives in the head's gender first."""
    forms: list[Form] = []
    parses = _parses(word, language)
    for rank, parse in enumerate(parses):
        base = _parse_cost(parse, rank)
        if parse.tag.POS in ("ADJF", "PRTF", "NUMR"):
            nominative = _inflect(parse, gender)
            if nominative:
                forms.append(Form(nominative, gender, base, _cases(parse)))
        elif parse.tag.POS == "NOUN":  # "Лиман Перший": a noun before an adjective head
            forms.append(Form(_yo(parse.normal_form), _gender(parse), base + 2.5, _cases(parse)))
    if any(p.tag.case == "nomn" for p in parses):  # "Гуляй Поле": an unchanging first word
        forms.append(Form(word, gender, 1.0, frozenset({"nomn"})))
    forms.extend(adjective_forms(word, language, gender=gender, base_cost=2.0, substantive=False))
    forms.append(Form(word, gender, 3.0, frozenset()))
    return _merge(forms)


def _hyphenated(word: str, language: str, attributive: bool) -> tuple[Form, ...]:
    """Compounds: *Івано-Франківська* and *Ростова-на-Дону* inflect one part, *Каменска-Шахтинского* two."""
    parts = word.split("-")
    if len(parts) > 2 and parts[1] in _LOWER_PARTS:
        return tuple(
            Form("-".join((f.text, *parts[1:])), f.gender, f.cost, f.cases)
            for f in _head_forms(parts[0], language, attributive)
        )
    first, last = "-".join(parts[:-1]), parts[-1]
    forms = [Form(f"{first}-{f.text}", f.gender, f.cost, f.cases) for f in _head_forms(last, language, False)]
    if len(parts) == 2 and first:
        for head in _head_forms(last, language, False)[:3]:
            for mod in _modifier_forms(first, head.gender, language)[:2]:
                cost = head.cost + mod.cost + 0.5
                forms.append(Form(f"{mod.text}-{head.text}", head.gender, cost, head.cases))
    return _merge(forms)


def _noun_readings(parse: Parse, base: float) -> list[Form]:
    """Give the singular lemma, plus the plural nominative for plural-only names (*Івашки*, *Луки*)."""
    cases = _cases(parse)
    grammemes = parse.tag.grammemes
    # people and their names are rarely what a place name declines like (макіївці: residents)
    cost = base + (0.5 if {"Surn", "Name", "Patr", "anim"} & grammemes else 0.0)
    forms = [Form(_yo(parse.normal_form), _gender(parse.normalized), cost, cases, noun=True)]
    if parse.tag.number == "plur":
        plural = parse.inflect({"nomn", "plur"})
        if plural:
            forms.append(Form(_yo(plural.word), "plur", cost + 0.5, cases, noun=True))
    return forms


def _adjective_readings(parse: Parse, base: float) -> list[Form]:
    """Read a lone adjective as a village in the gender its ending shows, the neuter first (*Шахове*)."""
    gender = "plur" if parse.tag.number == "plur" else str(parse.tag.gender or "")
    nominative = _inflect(parse, gender)
    if not nominative:
        return []
    cost = base + 0.1 + _GENDER_COST.get(gender, 0.3)
    return [Form(nominative, gender, cost, _cases(parse))]


def _inflect(parse: Parse, gender: str) -> str:
    """Nominative of an adjective reading in ``gender`` (all genders when unknown)."""
    wanted = {"nomn", "plur"} if gender == "plur" else {"nomn", "sing", gender} if gender else {"nomn"}
    if parse.tag.number is None:  # the Ukrainian dictionary leaves singular unmarked
        wanted.discard("sing")
    inflected = parse.inflect(wanted)
    if inflected is not None:
        return _yo(inflected.word)
    if str(parse.tag.gender) == gender or not gender:  # possessives such as "часів" lack other forms
        return _yo(parse.normal_form)
    return ""


def _agrees_with(word: str, following: str, language: str) -> bool:
    """Whether ``following`` is a common noun that ``word`` modifies as an adjective."""
    adjectives = [p for p in _parses(word, language) if p.tag.POS in ("ADJF", "PRTF")]
    nouns = [p for p in _parses(following, language) if p.tag.POS == "NOUN" and _known(p)]
    for adj in adjectives:
        for noun in nouns:
            same_number = (adj.tag.number == "plur") == (noun.tag.number == "plur")
            gender_ok = noun.tag.number == "plur" or adj.tag.gender == noun.tag.gender
            if adj.tag.case == noun.tag.case and same_number and gender_ok:
                return True
    return False


# -- small pieces ----------------------------------------------------------------------------------


def _parse_cost(parse: Parse, rank: int) -> float:
    """Rank dictionary readings above guesses from the analyser's suffix predictor."""
    return (0.0 if _known(parse) else 1.0) + 0.02 * rank


def _known(parse: Parse) -> bool:
    """Whether the word itself is in the dictionary (not guessed from a known suffix or prefix)."""
    stack = parse.methods_stack
    return len(stack) == 1 and type(stack[0][0]).__name__ == "DictionaryAnalyzer"


def _gender(parse: Parse) -> str:
    tag = parse.tag
    return "plur" if tag.number == "plur" and "Pltm" in tag.grammemes else str(tag.gender or "")


def _cases(parse: Parse) -> frozenset[str]:
    return frozenset({str(parse.tag.case)}) if parse.tag.case else frozenset()


def _yo(text: str) -> str:
    """Dictionaries spell ё where reports write е; the gazetteer folds the two anyway."""
    return text.replace("ё", "е")


def _merge(forms: Iterable[Form]) -> tuple[Form, ...]:
    """Keep the cheapest reading of each spelling, cheapest first."""
    best: dict[str, Form] = {}
    for form in forms:
        if len(form.text) < 2:
            continue
        seen = best.get(form.text)
        if seen is None:
            best[form.text] = form
        else:  # every case the spelling was read in counts for agreement
            cheaper = form if form.cost < seen.cost else seen
            cases, noun = seen.cases | form.cases, seen.noun or form.noun
            best[form.text] = Form(cheaper.text, cheaper.gender, cheaper.cost, cases, noun=noun)
    return tuple(sorted(best.values(), key=lambda f: f.cost))


def _display(name: str) -> str:
    """Capitalise each word and each part of a compound, leaving prepositions as they are."""
    words = []
    for word in name.split(" "):
        parts = [p if p in _LOWER_PARTS else p[:1].upper() + p[1:] for p in word.split("-")]
        words.append("-".join(parts))
    return " ".join(words)
