"""The resolver's mistakes on a gold set, grouped and counted: the to-do list for improving it.

Three kinds: a *false positive* (a predicted place on no gold or optional span: a person, a medium, a
common word), a *miss* (a required gold toponym nothing overlapped; "listed unresolved" when geomap
recognised the name but could not place it) and a *wrong* resolution (a settlement placed more than
10 km from its gold position, or a country or oblast that is not that area itself).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from benchmarks.metrics import REGION_KINDS, DocResult, Match, overlaps, region_ok

__all__ = ["ErrorCase", "collect_errors", "format_errors"]

WRONG_KM = 10.0


@dataclass(frozen=True, slots=True)
class ErrorCase:
    """One kind of mistake on one name; ``detail`` says what was predicted instead."""

    kind: str
    surface: str
    detail: str = ""


def _wrong(match: Match) -> ErrorCase | None:
    gold, pred = match.gold, match.pred
    got = f"{pred.name or '?'} ({pred.country}{'.' + pred.admin1 if pred.admin1 else ''} {pred.feature_code})"
    if gold.kind in REGION_KINDS:
        if region_ok(match):
            return None
        return ErrorCase("wrong region", gold.surface, f"→ {got}, gold {gold.canonical}")
    if match.error_km is None or match.error_km <= WRONG_KM:
        return None
    detail = f"→ {got} {match.error_km:.0f} km off, gold {gold.canonical}"
    return ErrorCase("wrong place", gold.surface, detail)


def collect_errors(
    results: Iterable[DocResult], *, unresolved: dict[str, list[tuple[int, int, str]]] | None = None
) -> Counter[tuple[ErrorCase, str]]:
    """Count each error case, keeping one document id per case as an example."""
    unresolved = unresolved or {}
    counts: Counter[tuple[ErrorCase, str]] = Counter()
    examples: dict[ErrorCase, str] = {}

    def add(case: ErrorCase, doc_id: str) -> None:
        examples.setdefault(case, doc_id)
        counts[(case, examples[case])] += 1

    for result in results:
        doc_id = result.doc.doc_id
        listed = unresolved.get(doc_id, [])
        for pred in result.spurious:
            add(ErrorCase("false positive", pred.surface, pred.name), doc_id)
        for gold in result.missed:
            seen = any(overlaps(s, e, gold.start, gold.end) for s, e, _ in listed)
            kind = "miss (listed unresolved)" if seen else "miss"
            add(ErrorCase(kind, gold.surface, f"gold {gold.canonical} [{gold.kind}]"), doc_id)
        for match in result.matches:
            case = _wrong(match)
            if case:
                add(case, doc_id)
    return counts


def format_errors(counts: Counter[tuple[ErrorCase, str]], *, top: int) -> Sequence[str]:
    """The ``top`` most frequent cases, one line each: count, kind, surface, detail, example document."""
    lines = []
    for (case, doc_id), n in counts.most_common(top):
        lines.append(f"{n:3d}  {case.kind:<26} {case.surface!r:<28} {case.detail}  [{doc_id}]")
    return lines
