r"""Regular expressions that skip texts which cannot match them, with the same results as :mod:`re`.

The claim readers try dozens of multilingual, case-insensitive patterns on every sentence, and most
sentences of a news report contain none of their trigger words.  :mod:`re` cannot skip ahead on such
patterns (no literal prefix survives ``IGNORECASE`` or a leading ``\b``), so each search walks the whole
sentence branch by branch.  :class:`Prefiltered` reads from the parsed pattern the words every match must
contain ("said|says" → ``said`` or ``says``) and answers "no match" at once, with ``str`` and ``set``
operations, for a text that has none of them.

A word that a match must begin at a word start (after ``\b``, ``^`` or a space) is looked up by its first
letters in the set of the text's word beginnings, one set intersection for a whole list of words; other
words are looked for with ``in``.  The check is a necessary condition, so results never change: texts
holding characters that :mod:`re` folds differently from :meth:`str.lower` (dotless ı, long ſ, the old
Cyrillic ``ᲀ`` forms, İ, Σ) always go to the pattern itself.

A text that passes the check is searched with the pattern behind a look-ahead for the characters a
match can begin with (:func:`_with_first_chars`): the engine then tries its alternatives only where one
of them could start, which for a case-insensitive list of words after ``\b`` is several times faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import product
from operator import itemgetter
from re import _casefix, _constants, _parser  # the stdlib's own pattern parser and case-fold table

__all__ = ["PatternGroup", "Prefiltered", "prefiltered"]

_C = _constants
_MAX_EXACT = 64  # strings a sub-pattern may expand to before only its required words are kept
_START = "\x00"  # in an expansion: a word can only begin or end here (\b, ^, $, a non-word neighbour)
_STARTS = {_C.AT_BOUNDARY, _C.AT_BEGINNING, _C.AT_BEGINNING_STRING, _C.AT_BEGINNING_LINE, _C.AT_END,
           _C.AT_END_STRING, _C.AT_END_LINE}  # positions where a word can only begin or end
_NON_WORD = {_C.CATEGORY_SPACE, _C.CATEGORY_NOT_WORD, _C.CATEGORY_UNI_SPACE, _C.CATEGORY_UNI_NOT_WORD}
# re matches these case-insensitively to another letter than str.lower() gives (re._casefix: ı~i, ſ~s,
# ᲀ~в, …), and str.lower() turns İ into two characters and Σ by context; a text holding one is not folded.
_KNOWN_ODD = frozenset("ıſᲀᲁᲂᲃᲄᲅᲆ")
_ODD = re.compile("[" + "".join(sorted(_KNOWN_ODD | {"\u0130", "\u03a3"})) + "]")
_RUN = re.compile(r"\w+")
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
    # lowering keeps every character's word-ness (checked over Unicode), so these are the text's words
    runs = _RUN.findall(low)
    keys = set(map(_HEAD, runs))
    keys.update(runs)  # a whole word of three letters or fewer is its own first three letters
    return low, keys


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


class _Info:
    """What a parsed sub-pattern says about its matches: every exact string, or word sets they all need."""

    __slots__ = ("exact", "required")

    def __init__(self, exact: frozenset[str] | None, required: list[frozenset[str]]) -> None:
        self.exact = exact
        self.required = required

    def best(self) -> frozenset[str] | None:
        sets = ([self.exact] if self.exact else []) + self.required
        useful = [s for s in sets if s and min(len(w.replace(_START, "")) for w in s) > 0]
        return max(useful, key=lambda s: (min(len(w.replace(_START, "")) for w in s), -len(s)), default=None)


def _sequence(items: list, *, at_start: bool = False) -> _Info:
    """Expand a sequence; ``at_start`` tells that a word may begin where it does (after a boundary)."""
    whole = True
    required: list[frozenset[str]] = []
    run: frozenset[str] = frozenset({_START if at_start else ""})
    for k, (op, av) in enumerate(items):
        info = _node(op, av, at_start=_ends_at_start(run))
        if info.exact is not None and len(run) * len(info.exact) <= _MAX_EXACT:
            run = frozenset(a + b for a, b in product(run, info.exact))
            continue
        whole = False
        if _edge_non_word(op, av, 0) or (_optional_edge(op, av, 0) and _word_ends_at(items, k + 1)):
            run = frozenset(e + _START for e in run)  # the words the run ends with end there
        required += [run, *info.required]
        at_start = _ends_at_start(run)
        if info.exact is not None:
            run = frozenset(_START + e for e in info.exact) if at_start else info.exact
        elif _edge_non_word(op, av, -1) or (at_start and _optional_edge(op, av, -1)):
            run = frozenset({_START})
        else:
            run = frozenset({""})
    required.append(run)
    return _Info(run if whole else None, required)


def _ends_at_start(run: frozenset[str]) -> bool:
    """Whether every expansion ends where a word may begin: on a start mark or a non-word character."""
    return all(e and (e[-1] == _START or not _is_word(e[-1])) for e in run)


def _optional_edge(op, av, edge: int) -> bool:
    """Whether a node is optional and, when present, starts (0) or ends (-1) on a non-word character."""
    body = list(av[2]) if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT) else []
    return bool(body) and av[0] == 0 and _edge_non_word(*body[edge], edge)


def _word_ends_at(items: list, k: int) -> bool:
    """Whether a word must end at item ``k`` of a sequence: a boundary, an end, or a non-word character."""
    if k >= len(items):
        return False
    op, av = items[k]
    return (op is _C.AT and av in _STARTS) or _edge_non_word(op, av, 0)


def _edge_non_word(op, av, edge: int) -> bool:
    """Whether a node always consumes a non-word character first (``edge`` 0) or last (``edge`` -1)."""
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        body = list(av[2])
        return av[0] >= 1 and bool(body) and _edge_non_word(*body[edge], edge)
    if op is _C.SUBPATTERN:
        body = list(av[-1])
        return bool(body) and _edge_non_word(*body[edge], edge)
    if op is _C.BRANCH:
        return all(alt and _edge_non_word(*list(alt)[edge], edge) for alt in av[1])
    if op is _C.IN:
        return all((kind is _C.LITERAL and not _is_word(chr(v))) or (kind is _C.CATEGORY and v in _NON_WORD)
                   for kind, v in av)  # fmt: skip
    return op is _C.LITERAL and not _is_word(chr(av))


def _branch(alternatives: list, *, at_start: bool) -> _Info:
    infos = [_sequence(list(alt), at_start=at_start) for alt in alternatives]
    if all(i.exact is not None for i in infos) and sum(len(i.exact) for i in infos) <= _MAX_EXACT:
        return _Info(frozenset().union(*(i.exact for i in infos)), [])
    bests = [i.best() for i in infos]
    if any(b is None for b in bests):
        return _Info(None, [])
    return _Info(None, [frozenset().union(*bests)])


def _node(op, av, *, at_start: bool = False) -> _Info:
    if op is _C.LITERAL:
        return _Info(frozenset({chr(av)}), [])
    if op is _C.IN:
        chars = [chr(v) for kind, v in av if kind is _C.LITERAL]
        return _Info(frozenset(chars) if len(chars) == len(av) else None, [])
    if op is _C.AT:
        return _Info(frozenset({_START if av in _STARTS else ""}), [])
    if op in (_C.ASSERT, _C.ASSERT_NOT):
        return _Info(frozenset({""}), [])
    if op is _C.SUBPATTERN:
        return _sequence(list(av[-1]), at_start=at_start)
    if op is _C.ATOMIC_GROUP:
        return _sequence(list(av), at_start=at_start)
    if op is _C.BRANCH:
        return _branch(av[1], at_start=at_start)
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        return _repeat(*av)
    return _Info(None, [])


def _repeat(low: int, high: int, body) -> _Info:
    info = _sequence(list(body))
    if info.exact is not None and high <= 2 and len(info.exact) ** max(high, 1) <= _MAX_EXACT:
        strings = {""} if low == 0 else set()
        for count in range(max(low, 1), high + 1):
            strings |= {"".join(parts) for parts in product(info.exact, repeat=count)}
        return _Info(frozenset(strings), [])
    if low == 0:
        return _Info(None, [])
    return _Info(None, [s for s in [info.best()] if s is not None])


def _word_key(expansion: str) -> tuple[str, str | None]:
    """Split an expansion into its plain lower-case word and the key that finds it among a text's keys.

    A key is a word the expansion holds whole (a start mark or a non-word character on both sides), or
    the first three letters of a word it begins; the longest such word is the rarest, so it is taken
    ("this was reported by" → ``reported``).  None when there is none: then only ``in`` can tell.  A
    text's keys hold its words and their first three letters, so a whole-word key of three letters or
    fewer also lets through longer words that begin with it.
    """
    word = expansion.replace(_START, "").lower()
    chars = expansion.lower()
    best: tuple[int, int, str] | None = None
    for i, char in enumerate(chars):
        before = chars[i - 1] if i else ""
        starts = before == _START or (before and not _is_word(before))
        if char == _START or not _is_word(char) or not starts:
            continue
        end = i
        while end < len(chars) and chars[end] != _START and _is_word(chars[end]):
            end += 1
        if end < len(chars):
            candidate = (end - i, 1, chars[i:end])
        elif end - i >= 3:
            candidate = (3, 0, chars[i : i + 3])
        else:
            continue
        best = max(best or candidate, candidate)
    return word, best[2] if best else None


class _WordTest:
    """Whether a folded text holds one of some words: by their keys in one intersection, else by ``in``."""

    __slots__ = ("by_key", "keys", "loose")

    def __init__(self, expansions: frozenset[str]) -> None:
        pairs = sorted({_word_key(e) for e in expansions}, key=lambda p: len(p[0]))
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


def _tests(pattern: re.Pattern[str]) -> list[frozenset[str]]:
    """The expansion sets a pattern's matches all need, the most telling first."""
    info = _sequence(list(_parser.parse(pattern.pattern, pattern.flags)))
    sets = ([info.exact] if info.exact else []) + info.required
    useful = dict.fromkeys(s for s in sets if s and min(len(w.replace(_START, "")) for w in s) >= 2)
    return sorted(useful, key=lambda s: (-min(len(w.replace(_START, "")) for w in s), len(s)))


_MAX_FIRST = 40  # first characters beyond which a look-ahead rejects too few positions to pay off
_ANY_FIRST = None  # a node that can begin with any character, or with too many to list
_DIGITS = "\\d"  # the one character category worth a look-ahead: digits are rare in text


def _first_of_sequence(items: list) -> tuple[set[str] | None, bool]:
    """The characters (as class items) a sequence's match can begin with, and whether it can be empty."""
    first: set[str] = set()
    for op, av in items:
        chars, empty = _first_of_node(op, av)
        if chars is _ANY_FIRST:
            return _ANY_FIRST, False
        first |= chars
        if not empty:
            return first, False
    return first, True


def _first_of_class(items: list) -> set[str] | None:
    first: set[str] = set()
    for kind, value in items:
        if kind is _C.LITERAL:
            first.add(re.escape(chr(value)))
        elif kind is _C.CATEGORY and value is _C.CATEGORY_DIGIT:
            first.add(_DIGITS)
        else:  # a negated class, a range, another category: not worth listing
            return _ANY_FIRST
    return first


def _first_of_node(op, av) -> tuple[set[str] | None, bool]:
    if op is _C.LITERAL:
        return {re.escape(chr(av))}, False
    if op is _C.IN:
        return _first_of_class(av), False
    if op is _C.ASSERT_NOT and _first_of_sequence(list(av[1]))[1]:  # (?!) and the like never pass
        return set(), False
    if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):  # zero-width: the match begins with what follows
        return set(), True
    if op is _C.SUBPATTERN:
        return _first_of_sequence(list(av[-1]))
    if op is _C.ATOMIC_GROUP:
        return _first_of_sequence(list(av))
    if op is _C.BRANCH:
        first: set[str] = set()
        empty = False
        for alternative in av[1]:
            chars, may_be_empty = _first_of_sequence(list(alternative))
            if chars is _ANY_FIRST:
                return _ANY_FIRST, False
            first |= chars
            empty = empty or may_be_empty
        return first, empty
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        chars, empty = _first_of_sequence(list(av[2]))
        return chars, empty or av[0] == 0
    return _ANY_FIRST, False


def _engine_scans_fast(items: list, flags: int) -> bool:
    r"""Whether the engine itself jumps to candidate starts: a pattern opening with a character to find.

    The engine reads a literal prefix, a class or a branch of literals at the very start, but no case
    variants of cased letters and nothing behind ``\b``; a pattern anchored with ``^`` it tries once.
    """
    op, av = items[0]
    if op is _C.AT:  # anchored at the start, the engine tries one position only
        return av in (_C.AT_BEGINNING, _C.AT_BEGINNING_STRING)
    if op is _C.SUBPATTERN:
        return _engine_scans_fast(list(av[-1]), flags)
    if op is _C.BRANCH:
        return all(alternative and _engine_scans_fast(list(alternative), flags) for alternative in av[1])
    if op is _C.LITERAL:
        chars = [chr(av)]
    elif op is _C.IN and all(kind is _C.LITERAL for kind, _ in av):
        chars = [chr(v) for _, v in av]
    else:
        return False
    return not flags & re.IGNORECASE or all(c.lower() == c.upper() for c in chars)


def _with_first_chars(pattern: re.Pattern[str]) -> re.Pattern[str]:
    r"""The pattern behind a look-ahead for the characters its matches begin with, or itself.

    The look-ahead only rejects positions where no match can begin, so matches, groups and spans stay
    the same; its character class takes the pattern's own flags, so a case-insensitive pattern admits
    the same case variants.  Patterns the engine already scans quickly (those opening with a character
    that has no case), and patterns that can match the empty string or begin with too many characters,
    come back unchanged.
    """
    if pattern.flags & re.VERBOSE:
        return pattern
    items = list(_parser.parse(pattern.pattern, pattern.flags))
    first, empty = _first_of_sequence(items)
    if empty or not first or len(first) > _MAX_FIRST or _engine_scans_fast(items, pattern.flags):
        return pattern
    return re.compile(f"(?=[{''.join(sorted(first))}])(?:{pattern.pattern})", pattern.flags)


class Prefiltered:
    """A compiled pattern that first checks, on the lower-cased text, for the words its matches need.

    ``search``, ``match``, ``fullmatch``, ``finditer``, ``findall`` and ``sub`` behave as the pattern's
    own (run by an equivalent pattern that skips impossible starts, see :func:`_with_first_chars`);
    anything else is passed through to the pattern itself.
    """

    __slots__ = ("pattern_object", "runner", "tests")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern_object = pattern
        self.runner = _with_first_chars(pattern)
        self.tests = [_WordTest(s) for s in _tests(pattern)]
        letters = {c for test in self.tests for w in test.words for c in w}
        if {chr(x) for c in letters for x in _casefix._EXTRA_CASES.get(ord(c), ())} - _KNOWN_ODD:
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
        found = set(self.always)
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
