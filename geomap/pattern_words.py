r"""What every match of a regular expression must contain, read from the pattern's parse tree.

:mod:`geomap.prefilter` checks a text for these words before it runs a pattern.  This module does the
reading, once per pattern when the claim readers are imported: it walks the tree that :mod:`re`'s own
parser gives, expanding literal sequences, alternatives and short repeats into the strings a match may
hold, and keeps the sets of words that every match needs.  It also finds the characters a match can
begin with, for a look-ahead that lets the engine skip the other positions.
"""

from __future__ import annotations

import re
from itertools import product
from re import _casefix, _constants, _parser  # the stdlib's own pattern parser and case-fold table

__all__ = ["case_variants", "is_word_char", "required_words", "with_first_chars", "word_key"]

_C = _constants
_MAX_EXACT = 64  # strings a sub-pattern may expand to before only its required words are kept
_START = "\x00"  # in an expansion: a word can only begin or end here (\b, ^, $, a non-word neighbour)
_STARTS = {_C.AT_BOUNDARY, _C.AT_BEGINNING, _C.AT_BEGINNING_STRING, _C.AT_BEGINNING_LINE, _C.AT_END,
           _C.AT_END_STRING, _C.AT_END_LINE}  # positions where a word can only begin or end
_NON_WORD = {_C.CATEGORY_SPACE, _C.CATEGORY_NOT_WORD, _C.CATEGORY_UNI_SPACE, _C.CATEGORY_UNI_NOT_WORD}


def is_word_char(char: str) -> bool:
    r"""Whether :mod:`re` counts ``char`` as a word character (``\w`` in a str pattern)."""
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
    return all(e and (e[-1] == _START or not is_word_char(e[-1])) for e in run)


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
        return all((kind is _C.LITERAL and not is_word_char(chr(v)))
                   or (kind is _C.CATEGORY and v in _NON_WORD) for kind, v in av)  # fmt: skip
    return op is _C.LITERAL and not is_word_char(chr(av))


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


def word_key(expansion: str) -> tuple[str, str | None]:
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
        starts = before == _START or (before and not is_word_char(before))
        if char == _START or not is_word_char(char) or not starts:
            continue
        end = i
        while end < len(chars) and chars[end] != _START and is_word_char(chars[end]):
            end += 1
        if end < len(chars):
            candidate = (end - i, 1, chars[i:end])
        elif end - i >= 3:
            candidate = (3, 0, chars[i : i + 3])
        else:
            continue
        best = max(best or candidate, candidate)
    return word, best[2] if best else None


def required_words(pattern: re.Pattern[str]) -> list[frozenset[str]]:
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


def with_first_chars(pattern: re.Pattern[str]) -> re.Pattern[str]:
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


def case_variants(letters: set[str]) -> set[str]:
    """The characters :mod:`re` matches case-insensitively to one of ``letters`` beyond their case pair."""
    return {chr(x) for c in letters for x in _casefix._EXTRA_CASES.get(ord(c), ())}
