"""The word pre-check in front of the claim readers' patterns must never change a result.

Every pattern and text below is hand-written for geomap tests; the property test draws texts from the
patterns' own words, spaces, digits and punctuation, so near-misses ("saidx", "the-said", "said_3", "МАЙ") are
common.
"""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geomap import claimants, dates, event_types, events
from geomap.prefilter import PatternGroup, Prefiltered, prefiltered

_PATTERNS = [
    (r"\b(?:said|says|told)\b", re.IGNORECASE),
    (r",\s*(?P<who>[^,]{2,40}?)\s+(?:has |had )?(?:said|added)[.!]?$", 0),
    (r"\bcaptur|\bseiz|\bliberat|\bвзял[иа]?\b(?! в плен)|\bзвільн", re.IGNORECASE),
    (r"\b(?:in|since)\s+(?:early\s+|mid-)?(?:may|march|травня|мая)(?:\s+(?P<y>20\d\d))?\b", re.IGNORECASE),
    (r"^(?:this|that) (?:was|has been) (?:reported|said) by (?P<who>.+?)[.!]?$", re.IGNORECASE),
    (r"«освобо|\"liberat|“liberat|\bвсу\b", re.IGNORECASE),
    (r"\bun\b|\bus\b|united nations", re.IGNORECASE),
    (r"\b(?:killed|dead)\b|\bпогиб", re.IGNORECASE),
]
_WORDS = [*(
    "said says told added has had captured seized liberated взяли звільнили in since early mid- may March "
    "травня мая 2023 this that was reported by «освободили \"liberated ВСУ UN us killed dead погибли x the "
    "ſaid ıs İn ᲀСУ Σ"
).split(), "has been", "United Nations"]
_GLUE = ["", " ", ", ", ". ", "-", "\n", "“", "'", "!", "_", "\t", "\x1f", "3"]


def _same(pattern: re.Pattern, wrapped, text: str) -> None:
    """The wrapped pattern answers exactly as the plain one, for every method the readers use."""
    match = pattern.search(text)
    got = wrapped.search(text)
    assert (got and (got.span(), got.groups())) == (match and (match.span(), match.groups()))
    assert [m.span() for m in wrapped.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    assert wrapped.sub("#", text) == pattern.sub("#", text)
    assert bool(wrapped.match(text)) == bool(pattern.match(text))


@pytest.mark.parametrize(("source", "flags"), _PATTERNS)
def test_prefiltered_answers_like_re_on_hand_written_texts(source, flags):
    pattern = re.compile(source, flags)
    wrapped = prefiltered(pattern)
    assert isinstance(wrapped, Prefiltered)
    for text in ["The mayor SAID on Monday, police said.", "Ukrainian forces captured the village.",
                 "This was reported by the regional governor.", "In early May 2023 it rained.",
                 "Силы взяли Угледар.", "Войска освободили", "«Освободили» село", "the UN said", "unsaid",
                 "Nothing here at all", "", "ſaid", "Tı, İn may", "ᲀСУ отступили", "ΣΣ said"]:  # fmt: skip
        _same(pattern, wrapped, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GLUE)), max_size=12),
       st.sampled_from(_PATTERNS))  # fmt: skip
def test_prefiltered_never_changes_a_result(parts, spec):
    text = "".join(word + glue for word, glue in parts)
    pattern = re.compile(*spec)
    _same(pattern, prefiltered(pattern), text)


def test_prefilter_skips_texts_without_the_words():
    wrapped = prefiltered(r"\b(?:said|says)\b", re.IGNORECASE)
    assert not wrapped.possible("The council met on Monday.")
    assert wrapped.possible("The council, it SAYS, met.")
    # a word at a word start needs that start: "unsaid" cannot match \bsaid
    assert not wrapped.possible("It went unsaid.")
    # a whole word needs the whole word: "saidx" cannot match \bsaid\b
    assert not wrapped.possible("It was saidx twice.")
    months = prefiltered(r"\bin\s+(?:march|april)\b", re.IGNORECASE)
    assert not months.possible("in the marches, in Aprils past")
    assert months.search("It began in April.").group(0) == "in April"


def test_pattern_without_words_comes_back_compiled():
    assert isinstance(prefiltered(r"[.!?]\s*$"), re.Pattern)


def test_look_ahead_only_where_the_engine_cannot_skip_ahead_itself():
    """A case-insensitive word list after \\b gets a first-character look-ahead; a literal start does not."""
    words = prefiltered(r"\b(?:monday|tuesday|вторник)\b", re.IGNORECASE)
    assert words.runner.pattern.startswith("(?=[")
    assert words.pattern == r"\b(?:monday|tuesday|вторник)\b"  # attributes are the pattern's own
    assert [m.span() for m in words.finditer("On MONDAY and Вторник")] == [(3, 9), (14, 21)]
    # a fast literal start, a start too wide to list, a start anchored with ^
    for source in [r",\s*(?:said|added)\b", r"\b(?:said)?\s*told", r"^(?:this|that) was"]:
        wrapped = prefiltered(source, re.IGNORECASE)
        assert wrapped.runner is wrapped.pattern_object
    disabled = prefiltered(r"\bin (?P<m>may)|(?!)\b(?P<m2>may) 2024", re.IGNORECASE)  # (?!) never passes
    assert disabled.runner.pattern.startswith("(?=[i])")
    assert disabled.search("May 2024, in MAY").group("m") == "MAY"
    digits = prefiltered(r"\b(?:\d+ (?:killed|dead)|killed \d+)", re.IGNORECASE)
    assert digits.search("killed 3, then 4 dead").span() == (0, 8)


def test_odd_case_folds_go_to_the_pattern():
    """re folds ſ to s and İ to i, str.lower() does not: such texts are never skipped."""
    pattern = re.compile(r"\bsaid\b", re.IGNORECASE)
    wrapped = prefiltered(pattern)
    assert wrapped.search("He ſaid so.") is not None
    assert bool(wrapped.search("He ſaid so.")) == bool(pattern.search("He ſaid so."))


def test_group_candidates_hold_every_pattern_that_matches():
    patterns = [prefiltered(s, f) for s, f in _PATTERNS]
    group = PatternGroup(patterns)
    for text in ["The mayor said Russian forces captured the village.", "ВСУ взяли село", "the day went on",
                 "This was reported by the UN.", "In May 2023, seven were killed."]:  # fmt: skip
        matching = {p for p in patterns if p.search(text)}
        assert matching <= group.candidates(text)
        assert group.possible(text) == bool(group.candidates(text))
    assert not group.possible("Quiet weather over the hills")


def _wrapped(module) -> list[Prefiltered]:
    """Every prefiltered pattern a module keeps, alone or in its lists and tables."""
    found = []
    for value in vars(module).values():
        items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else [value]
        for item in items:
            found += [x for x in (item if isinstance(item, tuple) else (item,)) if isinstance(x, Prefiltered)]
    return found


@pytest.mark.parametrize("module", [claimants, dates, event_types, events])
def test_every_reader_pattern_has_a_sound_word_check(module):
    """The readers' own patterns: each wrapped one answers like re on a set of real-looking sentences."""
    texts = ["Russian forces captured Bakhmut on Wednesday, the ministry said.",
             "Про це повідомив голова ОВА Олег Синєгубов.", "On May 25, Wagner said it would pull out.",
             "14 серпня окупанти обстріляли село, загинула жінка.", "It could not be independently verified.",
             "According to ISW, Ukrainian troops retreated 3 km.", "The town is a transport hub.",
             "Нагадаємо, 3 октября армия заняла Угледар.", "In recent weeks, fighting intensified nearby."]
    wrapped = _wrapped(module)
    assert wrapped
    for pattern in wrapped:
        for text in texts:
            _same(pattern.pattern_object, pattern, text)
