"""Find the spans of a report that name places.

A gazetteer-driven recogniser: capitalised runs of words are matched against every name the gazetteer
knows (longest match first, up to four words), then filtered by what the words around them say.  This is
what lets geomap run with no model download and at thousands of documents a second, and it is where the
war-report traps are handled:

- a run that also holds words that are not places ("Lloyd Austin", "Kyiv Independent", "Oleh Zhdanov")
  is a person or an organisation, and so are later lone uses of its words ("Zhdanov said");
- a capitalised word that the same report also uses in lower case ("Said" / "said") is a word;
- months, weekdays, platforms and agencies are never places;
- a name followed by "region"/"oblast" is a region, and so is each name chained to it ("the Luhansk and
  Donetsk regions");
- Ukrainian and Russian names are inflected: their nominative forms come from ``geomap.morphology``.

Capitalised words that match nothing but stand where a place stands ("the villages of Opiten and
Klishivka") become mentions with an empty key, for the resolver to match near the report's other places
or to list as unresolved.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import replace
from operator import attrgetter

from gazetteer import Gazetteer, Place, fold, skeleton
from gazetteer.fold import is_cyrillic
from geomap.cues import LIST_GAP, TokenCues
from geomap.lexicon import (
    COMPASS,
    DEMONYM_PLACES,
    DEMONYMS,
    FACILITY_WORDS,
    FIRST_NAMES,
    LOCAL_INSTITUTIONS,
    NOT_PLACES,
    ORG_WORDS,
    SENTENCE_STARTERS,
    SPEECH_VERBS,
    TITLES,
    UNIT_WORDS,
    US_STATE_ABBREVIATIONS,
    is_region_word,
)
from geomap.model import Mention, Sentence
from geomap.tokens import Token, tokenize

__all__ = ["find_mentions", "own_name"]

_DEMONYM_KEYS = {adjective: fold(place) for adjective, place in DEMONYM_PLACES.items()}
# the people: "Russians", "Israelis", "Afghans"; "-ese", "-ish" and "-ch" adjectives take no plural, and
# "Indians" are as often the peoples of the Americas (or a baseball team) as India's
_DEMONYM_KEYS |= {
    f"{adjective}s": key
    for adjective, key in _DEMONYM_KEYS.items()
    if adjective.endswith(("an", "i", "k")) and adjective != "indian"
}
_DEMONYM_STARTS = frozenset(adjective.split()[0] for adjective in _DEMONYM_KEYS)
_NEVER_ALONE = (
    NOT_PLACES | DEMONYMS | frozenset(_DEMONYM_KEYS) | TITLES | SENTENCE_STARTERS | frozenset(COMPASS)
)
_NOT_PLACE_SKELETONS = frozenset(skeleton(word) for word in NOT_PLACES if len(word) > 3)
_MAX_WORDS = 4
_ARTICLES = frozenset({"the", "a", "an"})
_DISTRICT_KM = 60.0  # an area this small (a municipality, a county) may share a surname
# Endings of Ukrainian and Russian settlement names in Latin script: what makes an unknown capitalised
# word after "near" or "villages of" worth trying as a place.
# "the villages of X", "settlements including X", "the town of X": X is a place whatever it looks like
_STRONG_CUE = re.compile(
    r"\b(?:villages?|settlements?|towns?|hamlets?|cities|city|including|near|outskirts|liberated|captured)"
    r"\s+(?:of\s+)?$|\b(?:villages?|settlements?|towns?)\s+of\s+\w+\s+(?:and|or)\s+$",
    re.I,
)
_SLAVIC_ENDING = re.compile(
    r"(?:ivka|ovka|evka|yivka|iivka|ivske|ivsk|ovsk|evsk|ske|sk|ne|ove|ovo|evo|ino|ine|yne|ka|yar|hrad|"
    r"grad|pil|pol|tsi|chi|ky|ki|ia|ya|ets|yi|iy|ie|e)$"
)


def find_mentions(
    text: str, gazetteer: Gazetteer, *, sentences: Sequence[Sentence], language: str = "en"
) -> list[Mention]:
    """Return the place mentions of ``text``, in order, non-overlapping.

    ``sentences`` come from :func:`geomap.sentences.split_sentences`; sentence starts matter because a
    capitalised first word carries no evidence of being a name.
    """
    tokens = tokenize(text, sentences)
    if _CAPITAL_HYPHEN.search(text):  # most reports have no "Canada-U.S.": no need to look at each word
        tokens = _split_compounds(tokens, gazetteer)
    finder = _Finder(text, tokens, gazetteer, language)
    return finder.run()


class _Finder(TokenCues):
    """One pass over a report's tokens; holds what earlier runs taught about later ones."""

    def __init__(self, text: str, tokens: list[Token], gazetteer: Gazetteer, language: str) -> None:
        self.text = text
        self.tokens = tokens
        self.gazetteer = gazetteer
        self.language = language
        self.lower_words = set(filter(str.islower, map(attrgetter("text"), tokens)))
        # only a capitalised word can start or extend a run: most of a report is never looked at twice
        self.capitals = list(itertools.compress(range(len(tokens)), map(attrgetter("capitalised"), tokens)))
        self.person_words: set[str] = set()
        self.last_end = -1  # end of the last mention found, for lists of places
        self.readings: dict[str, tuple[str, ...]] = {}  # other nominative readings of an inflected name
        self.span_keys: dict[tuple[int, int], str] = {}  # folded surface of tokens a..b

    # -- driving -----------------------------------------------------------------------------------

    def run(self) -> list[Mention]:
        self._prefetch()
        mentions: list[Mention] = []
        # in English a lower-case word neither starts a run nor names an axis: only capitals are visited
        starts = self.capitals if self.language == "en" else range(len(self.tokens))
        after = 0  # the first token after the last run
        for i in starts:
            if i < after:
                continue
            if not self.tokens[i].capitalised:
                axis = self._axis(i)
                if axis:
                    mentions.append(axis)
                continue
            # "The Mexican government", "A Kurdish militia": the article starts the run, not the adjective
            first = i + 1 if self.tokens[i].lower in _ARTICLES and self._capital_follows(i) else i
            modifier = self._modifier(first)
            if modifier is not None:  # "Russian troops": the country, as an associative mention
                mentions.append(modifier)
                after = first + 1 + modifier.surface.count(" ")
                continue
            j = i
            while self._capital_follows(j):
                j += 1
            if i == j and self.tokens[i].lower in _NEVER_ALONE:
                # "The", "He", "Wednesday": a lone word that is never a place starts no mention, unless
                # it starts a facility's name ("the Crimean bridge")
                j = self._longer_phrase(i, j, "")[0] if self._names_a_facility(i + 1, i + 1) else j
                if i == j:
                    continue
            if self.text.startswith(("’s ", "'s "), self.tokens[j].end):
                j, _ = self._longer_phrase(i, j, "")  # "Donetsk People's Republic" is one name
            found = self._run_mentions(i, j)
            if found:
                self.last_end = found[-1].end
                mentions.extend(found)
            after = j + 1
        return _with_state_abbreviations(self.text, _chain_region_hints(self.text, mentions))

    def _prefetch(self) -> None:
        """Ask the gazetteer about every name the runs can form at once, not one name at a time."""
        tokens, keys = self.tokens, []
        for a in self.capitals:
            token = tokens[a]
            if token.lower not in _NEVER_ALONE:
                keys.append(self._span_key(a, a))
            b = a + 1
            while b < len(tokens) and b - a < _MAX_WORDS and tokens[b].capitalised and self._joined(b - 1):
                keys.append(self._span_key(a, b))
                b += 1
        self.gazetteer.prefetch_keys(keys)

    def _span_key(self, a: int, b: int) -> str:
        """``fold`` of the surface of tokens a..b, computed once per span.

        Plain ASCII words joined by single spaces fold to their lower case: no need to run the general
        folding on every n-gram of every capitalised run.
        """
        key = self.span_keys.get((a, b))
        if key is None:
            key = self.span_keys[(a, b)] = _fold(self.text[self.tokens[a].start : self.tokens[b].end])
        return key

    def _axis(self, i: int) -> Mention | None:
        """A town's adjective names its axis: "на артемовском направлении", "на покровському напрямку"."""
        # the axis noun may follow at once or after one more adjective ("тактическом направлении")
        nxt = next(
            (t for t in self.tokens[i + 1 : i + 3] if t.lower.startswith(("направлен", "напрям"))), None
        )
        if nxt is None:
            return None
        token = self.tokens[i]
        for candidate in _nominatives([token.text], self.language, following=nxt.text):
            places = self.gazetteer.lookup_key(candidate)
            if any(p.feature_class == "P" for p in places):
                return Mention(token.start, token.end, token.text, candidate, "axis")
        return None

    def _modifier(self, i: int) -> Mention | None:
        """A nationality adjective in English ("Russian forces", "a Georgian village").

        It names a country without placing anything there, so it is kept apart from the places: the
        resolver marks it ``modifier`` and the report lists it under ``modifiers``.
        """
        if self.language != "en" or self.tokens[i].lower not in _DEMONYM_STARTS:
            return None
        # "Sri Lankan", "European Union"; then "Indian Ocean", "Russian Federation" and "the Crimean
        # bridge" are a place's names, not an adjective's; then a lone "Russian"
        two_words = self._capital_follows(i) and self._demonym(i, i + 1)
        if two_words:
            return two_words
        if self._longer_phrase(i, i, "")[0] > i:
            return None
        return self._demonym(i, i)

    def _demonym(self, i: int, j: int) -> Mention | None:
        key = _DEMONYM_KEYS.get(self._span_key(i, j))
        if key is None:
            return None
        start, end = self.tokens[i].start, self.tokens[j].end
        return Mention(start, end, self.text[start:end], key, "modifier")

    def _local_feature(self, i: int, j: int) -> Mention | None:
        """A street, a square or a venue: "Royal Street", "Barclays Center", "Manila Cathedral".

        No gazetteer geomap ships lists them, but the report says which town they are in: the resolver
        places them there, with a town's uncertainty.  A street named after a place is not the place
        ("Washington Street"); a venue named after one is found as the place ("Dublin Recreation Center").
        """
        if self.language != "en" or j == i:
            return None
        last = self.tokens[j].text
        if last not in _STREET_WORDS and last not in _VENUE_WORDS:
            return None
        if self.gazetteer.has_key(self._span_key(i, j)):
            return None  # "Washington Square" the place, "College Station"
        if last in _VENUE_WORDS and (self._key(i, i) or self.tokens[i].sentence_start):
            return None
        if any(t.lower in UNIT_WORDS for t in self.tokens[i:j]):
            return None  # "Battlegroup Center" is a grouping of forces, not a venue
        start, end = self.tokens[i].start, self.tokens[j].end
        return Mention(start, end, self.text[start:end], "", "local")

    def _capital_follows(self, j: int) -> bool:
        """Whether a capitalised word follows token j in the same run."""
        return j + 1 < len(self.tokens) and self.tokens[j + 1].capitalised and self._joined(j)

    def _joined(self, j: int) -> bool:
        """Two capitalised words belong to one run when only a space separates them.

        A possessive ends a run ("Moscow's Domodedovo Airport"); names that run across one ("Donetsk
        People's Republic") are found by :meth:`_longer_phrase`.
        """
        gap = self.text[self.tokens[j].end : self.tokens[j + 1].start]
        return gap == " " or (gap == ". " and self.tokens[j].text in _NAME_ABBREVIATIONS)  # "Mt. Pleasant"

    # -- one capitalised run ------------------------------------------------------------------------

    def _run_mentions(self, i: int, j: int) -> list[Mention]:
        local = self._local_feature(i, j)
        if local is not None:
            return [local]
        matches, foreign = self._match_run(i, j)
        embedded: list[Mention] = []
        if foreign:
            kept = [m for m in matches if not _touches(m, foreign) or self._qualifies(m, foreign)]
            if kept and len(kept) < len(matches) and self.language != "en":
                foreign = []  # "Крутой Яр", "Верхнекаменское ДНР": the words around a name are a name too
            if self.tokens[j].text in ORG_WORDS:  # "Oman Film Society", "US Census Bureau"
                dropped = [m for m in matches if m not in kept]
                embedded = [e for a, b, key in dropped for e in self._embedded(a, b, key)]
            matches = kept
        if self._adjacent_single_words(matches):  # "Lloyd Austin": two towns side by side are a person
            self._remember_person(i, j)
            return []
        matches = self._without_hamlet_words(matches)
        mentions = []
        for a, b, key in matches:
            if self._inside_name(a, b):  # "The Kyiv Independent", "the Bank of Japan"
                embedded.extend(self._embedded(a, b, key))
                continue
            mention = self._extend(a, b, key)
            verdict = self._plausible(mention, a, b)
            if verdict == "weak":
                mentions.append(replace(mention, hint="weak"))
            elif verdict:
                mentions.append(mention)
        unmatched = foreign or _uncovered(i, j, matches)
        if unmatched and (not matches or self._qualifies(matches[-1], unmatched)):
            mentions[:0] = self._unknown(unmatched)
        return sorted(mentions + embedded, key=attrgetter("start")) if embedded else mentions

    def _qualifies(self, match: tuple[int, int, str], foreign: list[int]) -> bool:
        """A region right after unknown words qualifies them: keep it, and try the words as a place.

        "Верхнекаменское Донецкой Народной Республики" is a village of the DPR.
        """
        a, _, key = match
        return (a - 1) in foreign and any(p.is_region for p in self.gazetteer.lookup_key(key))

    def _adjacent_single_words(self, matches: list[tuple[int, int, str]]) -> bool:
        """Two one-word places side by side, only a space between them, are a person's names.

        "Lloyd Austin" is a first name and a surname; a possessive or a district qualifier between two
        names ("Вовчанськ Чугуївського району") is not, and nor is a second word that names an area:
        nobody's surname is "Pacific" ("Hawaii Pacific Health").
        """
        return len(matches) > 1 and any(
            m1[0] == m1[1]
            and m2[0] == m2[1]
            and m2[0] == m1[1] + 1
            and self.text[self.tokens[m1[1]].end : self.tokens[m2[0]].start] == " "
            and not self._names_a_district(m2[0])
            and not self._names_an_area(m2[2])
            and (self.tokens[m1[0]].lower in FIRST_NAMES or not self._a_town_and_a_word(m1[2], m2[2]))
            for m1, m2 in itertools.pairwise(matches)
        )

    def _without_hamlet_words(self, matches: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Drop the ordinary word beside a town: "Metro" of "Metro Vancouver", "Rodeo" of "Rodeo Gainesville".

        Reading the pair as a person instead would also hide every later mention of the town.
        """
        if len(matches) < 2:  # most runs name one place
            return matches
        words = {
            m
            for pair in itertools.pairwise(matches)
            if pair[1][0] == pair[0][1] + 1 and self._a_town_and_a_word(pair[0][2], pair[1][2])
            for m in pair
            if m[0] == m[1] and _largest(self.gazetteer.lookup_key(m[2])) < _HAMLET
        }
        return [m for m in matches if m not in words] if words else matches

    def _a_town_and_a_word(self, first: str, second: str) -> bool:
        """Whether one of two names is a sizable town and the other only a hamlet's name.

        "Rodeo Gainesville", "Alexandria Commonwealth", "Metro Vancouver": an ordinary word that GeoNames
        also has as a hamlet stands beside a real town, where a person's names ("Lloyd Austin") begin
        with a first name.
        """
        sizes = sorted(_largest(self.gazetteer.lookup_key(key)) for key in (first, second))
        return sizes[0] < _HAMLET and sizes[1] >= _TOWN

    def _match_run(self, i: int, j: int) -> tuple[list[tuple[int, int, str]], list[int]]:
        """Greedy longest matches inside tokens i..j; returns matches and the indices left unmatched."""
        matches: list[tuple[int, int, str]] = []
        foreign: list[int] = []
        k = i
        while k <= j:
            if matches and matches[-1][1] == k - 1 and self._heads_a_body(matches[-1][2], k):
                # "Richmond Police Department", "Ohio Supreme Court", "Ohio Gov. Ted Strickland": the
                # place holds the office, whatever towns the next words are also the names of
                if self.tokens[k].lower in TITLES:
                    self._remember_person(k + 1, j)
                break
            for b in range(min(j, k + _MAX_WORDS - 1), k - 1, -1):
                key = self._key(k, b)
                if key:
                    matches.append((k, b, key))
                    k = b + 1
                    break
            else:
                if not self._ignorable(self.tokens[k]) and not self._names_a_district(k):
                    foreign.append(k)
                    if self.tokens[k].lower in TITLES:  # "Secretary Lloyd Austin": a name follows
                        self._remember_person(k + 1, j)
                        break
                k += 1
        if foreign:
            # the places inside are not people's names, except a small town's name after a first name:
            # the "Baker" of "John Baker" is the person again when the report says "Baker said"
            last = matches[-1] if matches else None
            surname = last and last[0] == last[1] == j > foreign[0] and self._a_surname(last[2], j)
            skip = {m for a, b, _ in matches for m in range(a, b + 1)} - ({j} if surname else set())
            self._remember_person(i, j, skip=skip)
        return matches, foreign

    def _heads_a_body(self, key: str, k: int) -> bool:
        """Whether the place ``key`` names, right before token k, is where an office or a body sits.

        "Richmond Police Department", "Ohio Gov. Ted Strickland", "Texas Department of Health": the
        words from k on name the body or the person.  A county's name is never a person's, so whatever
        follows it is the body's ("Laurel County Clerk Dean Johnson", "Walker County Fair").
        """
        token = self.tokens[k]
        if _names_an_office(token) or key.endswith(_COUNTY_ENDINGS):
            return True
        nxt = self.tokens[k + 1] if k + 1 < len(self.tokens) else None
        return token.text in _BODY_OF and nxt is not None and nxt.lower == "of"

    def _key(self, a: int, b: int) -> str:
        """The gazetteer key for tokens a..b, or "" when they name nothing."""
        if a == b and self.tokens[a].lower in _NEVER_ALONE:
            return ""
        key = self._span_key(a, b)
        if self.gazetteer.has_key(key):
            return key
        if a < b and self.tokens[a].text in _NAME_ABBREVIATIONS:  # "Mt. Pleasant" is Mount Pleasant
            rest = key.partition(" ")[2]
            for word in _NAME_ABBREVIATIONS[self.tokens[a].text]:
                if self.gazetteer.has_key(f"{word} {rest}"):
                    return f"{word} {rest}"
        if self.language != "en":
            words = [t.text for t in self.tokens[a : b + 1]]
            following = self.tokens[b + 1].text if b + 1 < len(self.tokens) else None
            found = [
                c
                for c in _nominatives(words, self.language, following=following)
                if self.gazetteer.has_key(c)
            ]
            if found:
                # every reading the gazetteer knows goes to the resolver ("Артемовском": Artemovsk
                # and Artemovske), which picks the one that fits the report
                self.readings[found[0]] = tuple(found[1:])
                return found[0]
        return ""

    def _a_surname(self, key: str, j: int) -> bool:
        """Whether token j, named ``key``, is a surname.

        A small town's or a district's name is (Baker, Bell, Clark), and so is any town's right after a
        known first name ("Andrew Trapani").  A country's, a state's or a province's name is not taken
        for one ("Malta", "Georgia", "Victoria").
        """
        if self._names_an_area(key):
            return False  # "HSBC Bank Malta"
        if self.tokens[j - 1].lower in FIRST_NAMES:
            return True
        towns = [p.population for p in self.gazetteer.lookup_key(key) if not p.is_region]
        return max(towns, default=0) < _TOWN

    def _names_an_area(self, key: str) -> bool:
        """Whether a name is a country's or a wide area's, which nobody's surname is ("Pacific", "Malta").

        A municipality or a district is not wide: Koper in Slovenia is also written "Baker".
        """
        return any(
            p.is_region and (p.radius_km > _DISTRICT_KM or p.feature_code == "PCLI")
            for p in self.gazetteer.lookup_key(key)
        )

    def _remember_person(self, i: int, j: int, *, skip: set[int] | None = None) -> None:
        for k in range(i, j + 1):
            token = self.tokens[k]
            if (skip and k in skip) or token.lower in TITLES or token.lower in SENTENCE_STARTERS:
                continue
            self.person_words.add(token.text)

    # -- shaping and filtering a match ------------------------------------------------------------

    def _extend(self, a: int, b: int, key: str) -> Mention:
        """Grow a match over a neighbouring region or compass word when the gazetteer knows the whole."""
        b, key = self._longer_phrase(a, b, key)
        start, end = self.tokens[a].start, self.tokens[b].end
        hint = ""
        nxt = self.tokens[b + 1] if b + 1 < len(self.tokens) else None
        prev = self.tokens[a - 1] if a > 0 else None
        last = b  # the token the mention ends with
        if nxt and self.text[end : nxt.start].strip() in ("", "’s", "'s"):
            if nxt.lower == "regional":  # "Donetsk regional governor"
                hint = "region"
            elif is_region_word(nxt.lower):
                hint = "region"
                key, end, last = self._lookup_phrase(start, nxt.end, nxt.lower) or key, nxt.end, b + 1
            elif nxt.lower in COMPASS:
                whole = self._span_key(a, b + 1)
                if self.gazetteer.has_key(whole):
                    key, end, last, hint = whole, nxt.end, b + 1, "region"
        if prev and prev.lower in COMPASS and self.text[prev.end : start] == " ":
            whole = self._span_key(a - 1, last)
            if self.gazetteer.has_key(whole):
                key, start, hint = whole, prev.start, "region"
        return Mention(start, end, self.text[start:end], key, hint, self.readings.get(key, ()))

    def _longer_phrase(self, a: int, b: int, key: str) -> tuple[int, str]:
        """A name that continues past the capitalised run.

        "Donetsk People's Republic" and, in Russian, "Донецкой народной республике".
        """
        for c in range(min(len(self.tokens) - 1, b + 3), b, -1):
            if "\n" in self.text[self.tokens[b].end : self.tokens[c].start]:
                continue
            if self.language == "en" and not (self.tokens[c].capitalised or self._names_a_facility(b + 1, c)):
                continue  # English names are capitalised to their end but for "the Kakhovka dam"
            longer = self._span_key(a, c)
            if self.gazetteer.has_key(longer):
                return c, longer
            if self.language != "en" and c - a < 3:
                words = [t.text for t in self.tokens[a : c + 1]]
                for candidate in _nominatives(words, self.language):
                    if self.gazetteer.has_key(candidate):
                        return c, candidate
        return b, key

    def _names_a_facility(self, i: int, j: int) -> bool:
        """Whether tokens i..j are the lower-case words of a facility: "nuclear power plant", "dam".

        The last word is asked first: it is the one that rules out nearly every phrase.
        """
        words = self.tokens[i : j + 1]  # none after the text's last word
        if not words or words[-1].lower not in FACILITY_WORDS:
            return False
        return all(t.lower in FACILITY_WORDS for t in words[:-1])

    def _lookup_phrase(self, start: int, end: int, region_word: str) -> str:
        """Key of "Luhansk region" / "Донецькій області" as one name, or "" when only the base is known."""
        key = fold(self.text[start:end])
        if self.gazetteer.has_key(key):
            return key
        if self.language != "en" and region_word.startswith("облас"):
            words = self.text[start:end].split()[:-1]
            for candidate in _nominatives(words, self.language):
                for suffix in (" область", " обл"):
                    if self.gazetteer.has_key(candidate + suffix):
                        return candidate + suffix
        return ""

    def _after_title(self, a: int) -> bool:
        """Whether a title stands right before token a ("Gov. Scott", "Mr Moore", "President Putin")."""
        prev = self.tokens[a - 1] if a > 0 else None
        if prev is None or prev.lower not in TITLES:
            return False
        return self.text[prev.end : self.tokens[a].start] in (" ", ". ")

    def _plausible(self, mention: Mention, a: int, b: int) -> bool | str:
        """Reject single capitalised words that the report shows to be something other than a place.

        Returns False to reject, True to keep, or ``"weak"`` to keep as weak evidence.
        """
        if self._quoted(a, b):
            return False
        if a != b or mention.hint:
            return True
        token = self.tokens[a]
        if token.text in self.person_words:
            return False
        if self._after_title(a):
            self.person_words.add(token.text)  # "Sen. Lincoln", "Mr Moore": and so is every later "Moore"
            return False
        if self.language == "en" and token.lower in self.lower_words and token.text.isalpha():
            if not token.text.isupper():  # "the US" where "us" is a word is still the country
                return False  # "Said" where "said" is a word; in Cyrillic, "артемовском" is an adjective too
        if token.sentence_start and token.lower in SENTENCE_STARTERS:
            return False
        places = self.gazetteer.lookup_key(mention.key)
        if token.text.isupper() and len(token.text) <= 4 and not any(p.is_region for p in places):
            return False  # "TASS", "ISW": acronyms are agencies; country acronyms are in the gazetteer
        nxt = self.tokens[b + 1] if b + 1 < len(self.tokens) else None
        if nxt and nxt.lower in SPEECH_VERBS and _largest(places) < 100_000:
            return False  # "Zhdanov said": a person, where "Kyiv said" is a metonym
        if _AGE.match(self.text, token.end):
            return False  # "Moore, 45, said": an age in apposition makes a person
        if any(own_name(p, mention.key) for p in places) or _largest(places) >= 20_000 or self._has_cue(a):
            return True
        # Only an alternate name of a small place ("Content", "Swatowe"): the resolver keeps it only
        # when it lies near the report's other places.
        return "weak"

    def _embedded(self, a: int, b: int, key: str) -> list[Mention]:
        """A country, a region or a city that an institution is named after, as an associative mention.

        "The Washington Post", "Pakistan Army engineers", "the Bank of Japan": the institution is not
        placed there, but the report still names the place, so it is listed with the nationality
        adjectives (:attr:`Report.modifiers`), never mapped.  A small town's name inside an institution's
        is more often a founder's ("Wagner Group"): only regions and cities of 20,000 people qualify.
        """
        mention = self._extend(a, b, key)
        if self._plausible(mention, a, b) is not True:
            return []
        if _largest(self.gazetteer.lookup_key(mention.key)) < _TOWN:  # a region counts as large
            return []
        return [replace(mention, hint="embedded")]

    # -- names the gazetteer does not know -------------------------------------------------------

    def _unknown(self, indices: list[int]) -> list[Mention]:
        """Unmatched capitalised words standing where a place stands, for the resolver to try harder."""
        i, j = indices[0], indices[-1]
        if j - i > 1 or len(indices) != j - i + 1:
            return []
        words = self.tokens[i : j + 1]
        if words[0].sentence_start or any(t.lower in _NEVER_ALONE or t.lower in FIRST_NAMES for t in words):
            return []
        if self._inside_name(i, j) or self._names_a_source(i, j) or any(t.text.isupper() for t in words):
            return []  # "Ministry of Defence", "according to Gerasimov", "Gerasimov said", "ЧВК"
        common = False
        if self.language != "en":
            from geomap.morphology import is_common_word

            # "в Сети" is an ordinary word; "Маяка" is a word and a village: kept only if a place is near
            common = any(is_common_word(t.text, language=self.language) for t in words)
        surface = self.text[words[0].start : words[-1].end]
        strong = bool(_STRONG_CUE.search(self.text[max(0, words[0].start - 30) : words[0].start])) or (
            self.last_end >= 0 and bool(LIST_GAP.fullmatch(self.text[self.last_end : words[0].start]))
        )
        slavic = self.language != "en" or bool(_SLAVIC_ENDING.search(self._span_key(j, j)))
        if not strong and not slavic:
            return []
        self.person_words.difference_update(t.text for t in words)
        # Without a cue the word is only worth a place if one of that spelling lies near the others.
        hint = "unknown" if (strong or self._has_cue(i)) and not common else "weak"
        forms = (
            tuple(_nominatives([t.text for t in words], self.language)[:4]) if self.language != "en" else ()
        )
        if any(skeleton(form) in _NOT_PLACE_SKELETONS for form in (surface, *forms)):
            return []  # "в Телеграмі": the Cyrillic spelling of a word that is never a place
        return [Mention(words[0].start, words[-1].end, surface, "", hint, forms)]


def _uncovered(i: int, j: int, matches: list[tuple[int, int, str]]) -> list[int]:
    """The tokens of i..j that no match covers (none, for most runs: one name from end to end)."""
    if len(matches) == 1 and matches[0][0] == i and matches[0][1] == j:
        return []
    return [k for k in range(i, j + 1) if not any(a <= k <= b for a, b, _ in matches)]


def _split_compounds(tokens: list[Token], gazetteer: Gazetteer) -> list[Token]:
    """Split "Canada-U.S.", "Fargo-Moorhead" or "D-Charleston" into their names.

    A hyphenated word of capitalised parts is one name when the gazetteer knows it whole
    ("Ivano-Frankivsk", "Gilgit-Baltistan") or does not know every part ("Oleksandro-Shultyne" is a
    village the embedded data lacks); otherwise each part is read on its own.  A one-letter part is a
    party's initial ("D-Charleston").
    """
    out: list[Token] = []
    for token in tokens:
        parts = _HYPHENS.split(token.text) if token.capitalised and _HYPHENS.search(token.text) else ()
        if len(parts) < 2 or not _names_each(parts, gazetteer) or gazetteer.has_key(_fold(token.text)):
            out.append(token)
            continue
        start = token.start
        for k, part in enumerate(parts):
            out.append(Token(start, start + len(part), part, token.sentence_start and k == 0))
            start += len(part) + 1
    return out


def _names_each(parts: list[str], gazetteer: Gazetteer) -> bool:
    """Whether every part of a compound is capitalised and every longer one a name the gazetteer knows."""
    return all(p[:1].isupper() for p in parts) and all(
        len(p) == 1 or gazetteer.has_key(_fold(p)) for p in parts
    )


def own_name(place: Place, key: str) -> bool:
    """Whether ``key`` is the place's own name rather than one of its alternate or historic names.

    A Cyrillic key is compared by skeleton with the (romanised) gazetteer name: ``гродовка`` is
    Hrodivka's own name in Russian.
    """
    name = _fold(place.name)
    if name == key:
        return True
    if key.startswith(_SHORT_FORMS) or name.startswith(_SHORT_FORMS):  # "St. Petersburg", "Saint Petersburg"
        return _short_form(name) == _short_form(key)
    return _is_cyrillic_key(key) and skeleton(place.name) == skeleton(key)


def _short_form(name: str) -> str:
    """The folded name with its first word abbreviated: "saint petersburg" → "st petersburg"."""
    first, _, rest = name.partition(" ")
    return f"{_SHORTER.get(first, first)} {rest}"


# the resolver asks ``own_name`` for every candidate of a name: the key's script is read once per key
_is_cyrillic_key = functools.lru_cache(maxsize=65536)(is_cyrillic)


@functools.lru_cache(maxsize=65536)
def _fold(name: str) -> str:
    """``fold``, with a shortcut for the common case of plain ASCII words joined by single spaces.

    Such a name folds to its lower case; the general folding (its cache included) is for the rest.
    Cached: ``own_name`` folds the same candidate names for every mention of them.
    """
    if name.isascii() and name.replace(" ", "").isalpha() and "  " not in name and name[0] != " " != name[-1]:
        return name.lower()
    return fold(name)


def _names_an_office(token: Token) -> bool:
    """A title or a local institution right after a place: what follows names a person or a body there."""
    return token.text in LOCAL_INSTITUTIONS or token.lower in TITLES


def _largest(places: Sequence) -> int:
    return max((p.population if not p.is_region else 10**7 for p in places), default=0)


def _touches(match: tuple[int, int, str], foreign: list[int]) -> bool:
    a, b, _ = match
    return any(f in (a - 1, b + 1) for f in foreign)


def _nominatives(words: list[str], language: str, *, following: str | None = None) -> list[str]:
    """Folded nominative candidates of an inflected Cyrillic name (morphology is loaded lazily).

    The word after the name matters: "Покровському напрямку" is the Pokrovsk axis, not a village.
    """
    from geomap.morphology import nominative_candidates

    return [fold(c) for c in nominative_candidates(words, language=language, following=following)]


_AGE = re.compile(r",\s*\d{1,3}\s*,")
_HYPHENS = re.compile(r"[-‑]")
_CAPITAL_HYPHEN = re.compile(r"[-‑][A-ZА-ЯІЇЄҐ]")
_COUNTY_ENDINGS = (" county", " parish", " co")
_HAMLET, _TOWN = 5_000, 20_000  # populations: a name this small beside a town this big is a word
#: last words of the names of streets and squares, and of venues
_STREET_WORDS = frozenset("Street Avenue Boulevard Road Lane Drive Square Ave Blvd".split())
_VENUE_WORDS = frozenset("Center Centre Cathedral Stadium Arena Racecourse Basilica Airport".split())
#: abbreviated first words of place names, as papers write them, and the words the gazetteer has
_NAME_ABBREVIATIONS = {"Mt": ("mount",), "St": ("saint", "st"), "Ste": ("sainte", "ste"), "Ft": ("fort",)}
#: the same name, whether the abbreviation is written out or not ("Saint Petersburg", "St. Petersburg")
_SHORTER = {word: short.lower() for short, words in _NAME_ABBREVIATIONS.items() for word in words}
_SHORT_FORMS = tuple(f"{word} " for word in {*_SHORTER, *_SHORTER.values()})
#: "the Texas Department of Health", where the "Commerce Department" is not in Commerce
_BODY_OF = frozenset({"Department", "Office", "Administration", "Division", "Bureau"})
# "Kansas City, Kan.", "Rep. Charles Rangel, D-N.Y.", "in D.C.": an abbreviation names a state only in
# these places.  Candidates are found by their shape first, which is fast; their context is checked after.
# The capital comes before the word-start test ("\b[A-Z]" behind): a pattern that opens with a character
# set lets the engine skip from capital to capital instead of trying every position.
_ABBREVIATION_SHAPE = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]{0,4}\.(?: ?[A-Z][a-z]?\.)?(?![\w.])")
_STATE_CONTEXT = re.compile(r"(?:, |\b[DRI]-|\bin |\bto |\bfrom |\bthe )\Z")
_STATE_KEYS = {a: fold(name) for a, name in US_STATE_ABBREVIATIONS.items()}
_CHAIN = re.compile(r"^\s*(?:,|and|or|, and|та|і|и|й)\s*$")


def _chain_region_hints(text: str, mentions: list[Mention]) -> list[Mention]:
    """In "the Luhansk and Donetsk regions" the region word after the last name covers them all."""
    out = list(mentions)
    for k in range(len(out) - 1, 0, -1):
        cur, prev = out[k], out[k - 1]
        if cur.hint == "region" and not prev.hint and _CHAIN.match(text[prev.end : cur.start]):
            out[k - 1] = Mention(prev.start, prev.end, prev.surface, prev.key, "region", prev.alternatives)
    return out


def _with_state_abbreviations(text: str, mentions: list[Mention]) -> list[Mention]:
    """Add the US states written as AP abbreviations, in place of what the words alone were read as.

    The tokens of "Ind." or "Pa." alone are India's code or a word; after "Gary, " they are a state.
    """
    if "." not in text:
        return mentions
    states = [
        Mention(m.start(), m.end(), m.group(), _STATE_KEYS[abbreviation], "region")
        for m in _ABBREVIATION_SHAPE.finditer(text)
        if (abbreviation := m.group().replace(" ", "")) in _STATE_KEYS
        and _STATE_CONTEXT.search(text, max(0, m.start() - 6), m.start())
    ]
    if not states:
        return mentions
    kept = [m for m in mentions if not any(s.start < m.end and m.start < s.end for s in states)]
    return sorted(kept + states, key=attrgetter("start"))
