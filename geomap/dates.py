"""When a claim happened: English, Ukrainian and Russian date expressions, resolved against the report date.

Precision follows ACLED's ``time_precision``: 1 a day, 2 a week (or a day inferred from context), 3 a month.
A weekday is the latest such day on or before the report date (wire copy says "on Wednesday" for the day
it is filed or the days just before); a day and month without a year takes the year that puts it nearest
the report date, so "on May 25" in a report of 20 May is a plan for later that week.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from itertools import pairwise
from typing import NamedTuple

from geomap.model import Sentence
from geomap.prefilter import PatternGroup, prefiltered

__all__ = ["DateRef", "find_dates", "find_report_date", "resolve_date", "split_clauses"]


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date expression found in a text: where it is, the day it names and how exactly.

    The day is None for one that needs the report's date to be read ("on Tuesday", "5 March") in a
    report that has none.
    """

    start: int
    end: int
    date: dt.date | None
    precision: int


# Month names by stem: English, Russian and Ukrainian (genitive forms share the stems below).
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "окт": 10, "ноябр": 11, "декабр": 12,
    "січ": 1, "лют": 2, "берез": 3, "квіт": 4, "травн": 5, "черв": 6, "лип": 7, "серп": 8, "верес": 9,
    "жовт": 10, "листопад": 11, "груд": 12,
}  # fmt: skip
_EN_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_CY_MONTH = (
    r"(?P<mon>январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]|"
    r"октябр[ья]|окт|ноябр[ья]|декабр[ья]|січня|лютого|березня|квітня|травня|червня|липня|серпня|"
    r"вересня|жовтня|листопада|грудня)"
)
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_DAY_MONTH = prefiltered(
    rf"\b(?:{_EN_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b{_YEAR}"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_EN_MONTH.replace('mon', 'mon2')}"
    rf"{_YEAR.replace('year', 'year2')}"
    rf"|(?P<day3>\d{{1,2}})\s+{_CY_MONTH.replace('mon', 'mon3')}(?:\s+(?P<year3>(?:19|20)\d\d))?)",
    re.IGNORECASE,
)
_NUMERIC = prefiltered(
    r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d\d)\b|\b(?P<iso>\d{4}-\d\d-\d\d)\b"
)
_IN_MONTH = (
    rf"\b(?:in|since|during|у|в)\s+(?:early\s+|late\s+|mid-)?"
    rf"(?:{_EN_MONTH}|{_CY_MONTH.replace('mon', 'mon2')})"
    r"(?:\s+(?P<year>(?:19|20)\d\d))?\b"
)
_MONTH_YEAR = (
    rf"\b(?:{_EN_MONTH.replace('mon', 'mon3')}|{_CY_MONTH.replace('mon', 'mon4')})"
    r"\s+(?P<year2>(?:19|20)\d\d)\b"
)
_MONTH_ONLY = prefiltered(f"{_IN_MONTH}|{_MONTH_YEAR}", re.IGNORECASE)
# the same for a text without digits, where "May 2024" cannot occur: its branch is disabled with (?!),
# which keeps the groups, and the engine then looks only where "in", "since", "during", "у" or "в" begin
_MONTH_ONLY_NO_YEAR = prefiltered(f"{_IN_MONTH}|(?!){_MONTH_YEAR}", re.IGNORECASE)
_WEEKDAYS = {
    0: r"monday|понедельник|понеділок|понеділка",
    1: r"tuesday|вторник|вівторок|вівторка",
    2: r"wednesday|сред[уа]|середу|середи",
    3: r"thursday|четверг|четвер|четверга",
    4: r"friday|пятниц[уа]|п'ятниц[юі]|п’ятниц[юі]",
    5: r"saturday|суббот[уа]|субот[уі]",
    6: r"sunday|воскресенье|неділ[юі]",
}
_WEEKDAY = prefiltered(
    r"\b(?:(?:on|last|this)\s+|(?:в|во|у)\s+)?(?:"
    + "|".join(f"(?P<w{i}>{p})" for i, p in _WEEKDAYS.items())
    + r")\b",
    re.IGNORECASE,
)
# Relative days: offset from the report date in days, and the precision the phrase carries.
_RELATIVE = [
    (r"\bthe day before yesterday\b|\bпозавчера\b|\bпозавчора\b", -2, 1),
    (r"\byesterday\b|\bвчера\b|\bучора\b|\bвчора\b|\bнакануне\b|\bнапередодні\b", -1, 1),
    (r"\bминулої доби\b|\bза минулу добу\b|\bза минувшие сутки\b|\bза прошедшие сутки\b", -1, 1),
    (r"\btoday\b|\bthis morning\b|\bovernight\b|\bсегодня\b|\bсьогодні\b|\bвранці\b|"
     r"\bутром\b|\bночью\b|\bвночі\b|\bз початку доби\b|\bс начала суток\b", 0, 1),
    (r"\bover the (?:past|last) (?:day|24 hours)\b|\bin the (?:past|last) 24 hours\b", 0, 1),
    (r"\blast week\b|\bна прошлой неделе\b|\bминулого тижня\b|\bна минулому тижні\b", -7, 2),
    (r"\bthis week\b|\bна этой неделе\b|\bцього тижня\b", 0, 2),
]  # fmt: skip
_RELATIVE_RE = [(prefiltered(p, re.IGNORECASE), off, prec) for p, off, prec in _RELATIVE]
_DATE_WORDS = PatternGroup([_DAY_MONTH, _MONTH_ONLY, _WEEKDAY, *(rx for rx, _, _ in _RELATIVE_RE)])
_DIGIT = re.compile(r"\d")
_NUMERIC_HINT = re.compile(r"\d[.-]\d")  # every _NUMERIC date holds one: 29.02.2024, 2024-02-29


def _month(token: str) -> int:
    token = token.lower().rstrip(".")
    for stem in sorted(_MONTHS, key=len, reverse=True):
        if token.startswith(stem):
            return _MONTHS[stem]
    raise ValueError(token)


def _nearest_year(month: int, day: int, report: dt.date) -> dt.date | None:
    """Place a day and month in the year nearest the report date (a 29 February may not exist)."""
    options = []
    for year in (report.year - 1, report.year, report.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(options, key=lambda d: abs((d - report).days)) if options else None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


class _Scan(NamedTuple):
    """The date patterns' matches in one text, before any report date resolves them."""

    day_month: tuple[re.Match[str], ...] = ()
    numeric: tuple[re.Match[str], ...] = ()
    weekday: tuple[re.Match[str], ...] = ()
    relative: tuple[tuple[re.Match[str], int, int], ...] = ()
    month_only: tuple[re.Match[str], ...] = ()


_NO_DATES = _Scan()


@functools.lru_cache(maxsize=2048)
def _scan(text: str) -> _Scan:
    """Run the patterns once per text: a report without a date is read both with and without today's."""
    digits = _DIGIT.search(text) is not None  # a day of the month, a numeric date or a year
    words = _DATE_WORDS.candidates(text)  # one check tells every pattern the text may match
    if not digits and not words:
        return _NO_DATES
    month_only = _MONTH_ONLY if digits else _MONTH_ONLY_NO_YEAR
    return _Scan(
        tuple(_DAY_MONTH.finditer(text)) if digits and _DAY_MONTH in words else (),
        tuple(_NUMERIC.finditer(text)) if digits and _NUMERIC_HINT.search(text) else (),
        tuple(_WEEKDAY.finditer(text)) if _WEEKDAY in words else (),
        tuple((m, offset, precision) for pattern, offset, precision in _RELATIVE_RE if pattern in words
              for m in pattern.finditer(text)),
        tuple(month_only.finditer(text)) if _MONTH_ONLY in words else (),
    )  # fmt: skip


def _day_month_refs(text: str, report: dt.date | None) -> list[DateRef]:
    refs: list[DateRef] = []
    scan = _scan(text)
    for m in scan.day_month:
        day = m.group("day") or m.group("day2") or m.group("day3")
        mon = m.group("mon") or m.group("mon2") or m.group("mon3")
        year = m.group("year") or m.group("year2") or m.group("year3")
        month = _month(mon)
        if year:
            date = _safe_date(int(year), month, int(day))
        elif report is not None:
            date = _nearest_year(month, int(day), report)
        else:
            date = None
        if date is not None:
            refs.append(DateRef(m.start(), m.end(), date, 1))
    for m in scan.numeric:
        if m.group("iso"):
            date = dt.date.fromisoformat(m.group("iso"))
        else:
            date = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if date is not None:
            refs.append(DateRef(m.start(), m.end(), date, 1))
    return refs


def _relative_refs(text: str, report: dt.date) -> list[DateRef]:
    refs: list[DateRef] = []
    scan = _scan(text)
    for m in scan.weekday:
        weekday = next(int(k[1:]) for k, v in m.groupdict().items() if v)
        back = (report.weekday() - weekday) % 7
        if m.group(0).lower().startswith("last") and back == 0:
            back = 7
        refs.append(DateRef(m.start(), m.end(), report - dt.timedelta(days=back), 1))
    for m, offset, precision in scan.relative:
        refs.append(DateRef(m.start(), m.end(), report + dt.timedelta(days=offset), precision))
    return refs


def _month_refs(text: str, report: dt.date | None, taken: list[DateRef]) -> list[DateRef]:
    refs = []
    for m in _scan(text).month_only:
        if any(r.start < m.end() and m.start() < r.end for r in taken) or m.group(0).lower().startswith(
            "since"
        ):
            continue
        month = _month(m.group("mon") or m.group("mon2") or m.group("mon3") or m.group("mon4"))
        if m.group("year") or m.group("year2"):
            year = int(m.group("year") or m.group("year2"))
        elif report is not None:
            year = report.year if month <= report.month else report.year - 1
        else:
            continue
        refs.append(DateRef(m.start(), m.end(), dt.date(year, month, 1), 3))
    return refs


def find_dates(text: str, *, report_date: dt.date | None = None) -> list[DateRef]:
    """Every date expression in ``text``, in order, resolved against ``report_date``.

    Relative expressions ("on Wednesday", "yesterday", "минулої доби") need the report date and are
    skipped without it; explicit dates need it only for the year.

    >>> refs = find_dates("on Wednesday", report_date=dt.date(2023, 2, 16))
    >>> [(r.date.isoformat(), r.precision) for r in refs]
    [('2023-02-15', 1)]
    >>> [r.date.isoformat() for r in find_dates("14 серпня", report_date=dt.date(2025, 8, 20))]
    ['2025-08-14']
    """
    return list(_find_dates(text, report_date))


@functools.lru_cache(maxsize=2048)
def _find_dates(text: str, report_date: dt.date | None) -> tuple[DateRef, ...]:
    """Find the dates once per text: the event builder asks again for each clause split and each day."""
    if not any(_scan(text)):
        return ()
    refs = _day_month_refs(text, report_date)
    if report_date is not None:
        refs += [r for r in _relative_refs(text, report_date) if not _overlaps(r, refs)]
    refs += _month_refs(text, report_date, refs)
    return tuple(sorted(refs, key=lambda r: r.start))


def _overlaps(ref: DateRef, refs: list[DateRef]) -> bool:
    return any(r.start < ref.end and ref.start < r.end for r in refs)


def resolve_date(text: str, *, report_date: dt.date | None) -> tuple[dt.date | None, int]:
    """Return the day a claim's own words give it, and the precision; ``(None, 3)`` if none.

    The first expression wins: a claim sentence states its own day before any background it adds.

    >>> resolve_date("Russia launched an offensive yesterday", report_date=dt.date(2024, 5, 15))
    (datetime.date(2024, 5, 14), 1)
    >>> resolve_date("in December", report_date=dt.date(2023, 2, 16))
    (datetime.date(2022, 12, 1), 3)
    """
    refs = find_dates(text, report_date=report_date)
    if not refs:
        return None, 3
    return refs[0].date, refs[0].precision


_DATELINE = prefiltered(r"^[^\n]{0,60}?(?:\b\d{1,2}\.\d{1,2}\.(?:19|20)\d\d\b|\b\d{4}-\d\d-\d\d\b|"
                       r"\b(?:[A-Z][a-z]+|[А-ЯІЇЄ][а-яіїє]+)\.?\s+\d{1,2},\s+(?:19|20)\d\d\b|"
                       r"\b\d{1,2}\s+\w+\.?\s+(?:19|20)\d\d\b)")  # fmt: skip


def find_report_date(text: str) -> dt.date | None:
    r"""Return the date a report gives itself, from a dateline with a full date in its first lines.

    Agencies open with "Melitopol, 29.02.2024." or "KYIV, March 3, 2024 –"; a dateline without a year
    ("MOSCOW, August 23.") cannot date a report on its own and yields None.

    >>> find_report_date("Melitopol, 29.02.2024.\\n\\nThe village was cleared.")
    datetime.date(2024, 2, 29)
    >>> find_report_date("MOSCOW, August 23. /TASS/. Troops advanced.") is None
    True
    """
    for line in text.strip().splitlines()[:3]:
        match = _DATELINE.match(line.strip())
        if match:
            refs = _day_month_refs(match.group(0), None)
            if refs:
                return refs[-1].date
    return None


_CLAUSE_LEAD = prefiltered(r"(?:[,;:–—]|\s[аи]|\sand)\s*$")


def split_clauses(sentence: Sentence, *, report_date: dt.date | None) -> list[Sentence]:
    """Split a list of dated claims into one clause per date; any other sentence stays whole.

    Bulletins pack a week into one sentence ("…: 29 сентября X заняла A, 30 сентября – B, …"); each
    dated item is its own claim.  The words before the first date stay with the first clause.

    >>> s = Sentence(0, 58, "Army took: 29 September Makiivka, 30 September Nelipivka.")
    >>> [c.text for c in split_clauses(s, report_date=dt.date(2024, 10, 7))]
    ['Army took: 29 September Makiivka,', '30 September Nelipivka.']
    """
    refs = [r for r in find_dates(sentence.text, report_date=report_date) if r.precision == 1]
    cuts = [r.start for r in refs[1:] if _CLAUSE_LEAD.search(sentence.text[: r.start])]
    if not cuts or len(refs) < 2:
        return [sentence]
    bounds = [0, *cuts, len(sentence.text)]
    clauses = []
    for a, b in pairwise(bounds):
        piece = sentence.text[a:b]
        stripped = piece.rstrip()
        start = sentence.start + a + (len(piece) - len(piece.lstrip()))
        clauses.append(Sentence(start, sentence.start + a + len(stripped), stripped.lstrip()))
    return clauses
