r"""Regular expressions that skip texts which cannot match them, with the same results as :mod:`re`.

The claim readers try dozens of multilingual, case-insensitive patterns on every sentence, and most
sentences of a news report contain none of their trigger words.  :mod:`re` cannot skip ahead on such
patterns (no literal prefix survives ``IGNORECASE`` or a leading ``\b``), so each search walks the whole
sentence branch by branch.  :class:`Prefiltered` takes the words every match must contain ("said|says" →
``said`` or ``says``, read from the parsed pattern by :mod:`geomap.pattern_words`) and answers "no match"
at once, with ``str`` and ``set`` operations, for a text that has none of them.

A word that a match must begin at a word start (after ``\b``, ``^`` or a space) is looked up by its first
letters in the set of the text's word beginnings, one set intersection for a whole list of words; other
words are looked for with ``in``.  The check is a necessary condition, so results never change: texts
holding characters that :mod:`re` folds differently from :meth:`str.lower` (dotless ı, long ſ, the old
Cyrillic ``ᲀ`` forms, İ, Σ) always go to the pattern itself.

A text that passes the check is searched with the pattern behind a look-ahead for the characters a
match can begin with (:func:`~geomap.pattern_words.with_first_chars`): the engine then tries its
alternatives only where one of them could start, which for a case-insensitive list of words after ``\b``
is several times faster.  This module is the part that runs on every sentence, and is compiled in the
compiled build; the reading of patterns runs once, at import, and stays Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from operator import itemgetter

from geomap.pattern_words import case_variants, is_word_char, required_words, with_first_chars, word_key

__all__ = ["PatternGroup", "Prefiltered", "prefiltered"]

# re matches these case-insensitively to another letter than str.lower() gives (re._casefix: ı~i, ſ~s,
# ᲀ~в, …), and str.lower() turns İ into two characters and Σ by context; a text holding one is not folded.
_KNOWN_ODD = frozenset("ıſᲀᲁᲂᲃᲄᲅᲆ")
_ODD = re.compile("[" + "".join(sorted(_KNOWN_ODD | {"\u0130", "\u03a3"})) + "]")
_RUN = re.compile(r"\w+")
_ASCII_NON_WORD = str.maketrans({c: " " for c in map(chr, range(128)) if not is_word_char(c)})
_HEAD = itemgetter(slice(0, 3))
# the keys stay a plain set: nothing changes them once made, and freezing a copy would cost a fifth of a fold
_FOLD_CACHE: dict[str, tuple[str, set[str]] | tuple[()]] = {}
_FOLD_CACHE_SIZE = 512  # texts are asked about again within a report; older ones only burden the GC


def _folded(text: str) -> tuple[str, set[str]] | None:
    """The lower-cased text and its keys: its words and their first three letters (None: do not fold)."""
    folded = _FOLD_CACHE.get(text)
    if folded is None:
        if len(_FOLD_CACHE) >= _FOLD_CACHE_SIZE:
            _FOLD_CACHE.clear()
        folded = _FOLD_CACHE[text] = _fold(text)
    return folded or None


def _fold(text: str) -> tuple[str, set[str]] | tuple[()]:
    if not text.isascii() and _ODD.search(text):
        return ()
    low = text.lower()
    # lowering keeps every character's word-ness (checked over Unicode), so these are the text's words;
    # in ASCII, \w is [a-z0-9_], and blanking the rest then splitting is four times as fast as the pattern
    runs = low.translate(_ASCII_NON_WORD).split() if low.isascii() else _RUN.findall(low)
    keys = set(map(_HEAD, runs))
    keys.update(runs)  # a whole word of three letters or fewer is its own first three letters
    return low, keys


class _WordTest:
    """Whether a folded text holds one of some words: by their keys in one intersection, else by ``in``."""

    __slots__ = ("by_key", "keys", "loose")

    def __init__(self, expansions: frozenset[str]) -> None:
        pairs = sorted({word_key(e) for e in expansions}, key=lambda p: len(p[0]))
        kept: list[tuple[str, str | None]] = []
        for word, key in pairs:  # a text holding "says" with its key holds "say" with the same key
            if not any(k in word and (h is None or h == key) for k, h in kept):
                kept.append((word, key))
        self.by_key: dict[str, tuple[str | None, ...]] = {}
        for word, key in kept:
            if key is not None:  # None: the key alone proves the word is there
                proof = None if key == word else word
                self.by_key[key] = (*self.by_key.get(key, ()), proof)
        self.keys = frozenset(self.by_key)
        self.loose = tuple(word for word, key in kept if key is None)

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(word for word, _ in self.pairs())

    def pairs(self) -> list[tuple[str, str | None]]:
        """The words to find, each with its key (None for a word found by ``in``)."""
        found = [(w if w is not None else k, k) for k, ws in self.by_key.items() for w in ws]
        return found + [(w, None) for w in self.loose]

    def present(self, low: str, keys: set[str]) -> bool:
        if not self.keys.isdisjoint(keys):
            for key in self.keys.intersection(keys):
                for word in self.by_key[key]:
                    if word is None or word in low:
                        return True
        for word in self.loose:
            if word in low:
                return True
        return False


class Prefiltered:
    """A compiled pattern that first checks, on the lower-cased text, for the words its matches need.

    ``search``, ``match``, ``fullmatch``, ``finditer``, ``findall`` and ``sub`` behave as the pattern's
    own (run by an equivalent pattern that skips impossible starts,
    :func:`~geomap.pattern_words.with_first_chars`); anything else is passed through to the pattern itself.
    """

    __slots__ = ("pattern_object", "runner", "tests")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern_object = pattern
        self.runner = with_first_chars(pattern)
        self.tests = [_WordTest(s) for s in required_words(pattern)]
        letters = {c for test in self.tests for w in test.words for c in w}
        if case_variants(letters) - _KNOWN_ODD:
            raise ValueError(f"pattern needs a case fold geomap.prefilter does not check: {pattern.pattern}")

    def possible(self, text: str) -> bool:
        """Whether ``text`` holds the words every match needs (True when that cannot be told cheaply)."""
        folded = _FOLD_CACHE.get(text) or _folded(text)  # a cached unfoldable text is () and goes on
        if folded is None:
            return True
        low, keys = folded
        for test in self.tests:
            if test.keys.isdisjoint(keys) and not test.loose:  # the usual answer, without a call
                return False
            if not test.present(low, keys):
                return False
        return True

    def search(self, text: str, *args) -> re.Match[str] | None:
        """Search as :meth:`re.Pattern.search` does."""
        return self.runner.search(text, *args) if self.possible(text) else None

    def match(self, text: str, *args) -> re.Match[str] | None:
        """Match as :meth:`re.Pattern.match` does."""
        return self.runner.match(text, *args) if self.possible(text) else None

    def fullmatch(self, text: str, *args) -> re.Match[str] | None:
        """Match the whole text as :meth:`re.Pattern.fullmatch` does."""
        return self.runner.fullmatch(text, *args) if self.possible(text) else None

    def finditer(self, text: str, *args) -> Iterator[re.Match[str]]:
        """Iterate over matches as :meth:`re.Pattern.finditer` does."""
        return self.runner.finditer(text, *args) if self.possible(text) else iter(())

    def findall(self, text: str, *args) -> list:
        """List matches as :meth:`re.Pattern.findall` does."""
        return self.runner.findall(text, *args) if self.possible(text) else []

    def sub(self, repl, text: str, count: int = 0) -> str:
        """Substitute as :meth:`re.Pattern.sub` does."""
        return self.runner.sub(repl, text, count) if self.possible(text) else text

    def __getattr__(self, name: str):
        return getattr(self.pattern_object, name)


class PatternGroup:
    """Several patterns, to tell in one check which of them a text may match.

    A reader that tries a dozen patterns in turn asks the group first; most sentences stop there, and
    the others go on with only the patterns whose words they hold.
    """

    __slots__ = ("always", "by_key", "keys", "loose", "patterns")

    def __init__(self, patterns: list[Prefiltered | re.Pattern[str]]) -> None:
        self.patterns = frozenset(patterns)
        self.always = frozenset(p for p in patterns if not isinstance(p, Prefiltered))
        self.by_key: dict[str, tuple[tuple[str | None, Prefiltered], ...]] = {}
        loose: list[tuple[str, Prefiltered]] = []
        for pattern in patterns:
            if isinstance(pattern, Prefiltered):
                first = pattern.tests[0]
                for key, words in first.by_key.items():
                    self.by_key[key] = (*self.by_key.get(key, ()), *((w, pattern) for w in words))
                loose += [(w, pattern) for w in first.loose]
        self.keys = frozenset(self.by_key)
        self.loose = tuple(loose)

    def candidates(self, text: str) -> frozenset[Prefiltered | re.Pattern[str]]:
        """The patterns that may match ``text``; the others cannot."""
        folded = _FOLD_CACHE.get(text) or _folded(text)
        if folded is None:
            return self.patterns
        low, keys = folded
        found: set[Prefiltered | re.Pattern[str]] = set(self.always)
        if not self.keys.isdisjoint(keys):
            for key in self.keys.intersection(keys):
                for word, pattern in self.by_key[key]:
                    if pattern not in found and (word is None or word in low):
                        found.add(pattern)
        for word, pattern in self.loose:
            if pattern not in found and word in low:
                found.add(pattern)
        return frozenset(found)

    def possible(self, text: str) -> bool:
        """Whether any of the patterns may match ``text``."""
        return bool(self.candidates(text))


def prefiltered(pattern: str | re.Pattern[str], flags: int = 0) -> Prefiltered | re.Pattern[str]:
    """Compile ``pattern`` (or wrap a compiled one) with its word pre-check; see :class:`Prefiltered`.

    A pattern from which no word can be read comes back compiled as is.
    """
    compiled = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags)
    wrapped = Prefiltered(compiled)
    return wrapped if wrapped.tests else compiled
