"""Scoring a geoparser's places against gold toponyms: recognition, resolution and end-to-end figures.

Recognition follows the lenient convention of the geoparsing literature: a predicted place counts when
its span overlaps a gold span.  Optional gold spans (metonyms, rivers, unnamed features, toponyms the
corpus left without coordinates) are neither required nor errors.  Resolution is scored on the gold
toponyms that were found, by the geodesic distance between the predicted and the gold position; the AUC
of the log-error curve is the one of Gritta et al. (2018, "What's missing in geographical parsing?"):
the area under the sorted curve of ``log(1 + error_km) / log(20039)``, so 0 is perfect and 1 is every
toponym placed at the antipode.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from geopy.distance import geodesic

from benchmarks.corpora import GoldDoc, GoldToponym, Span

__all__ = [
    "HALF_EARTH_KM",
    "DocResult",
    "Match",
    "Prediction",
    "Scores",
    "accuracy_within",
    "auc_log_error",
    "f1_score",
    "match_document",
    "overlaps",
    "region_ok",
    "score",
]

#: half the Earth's circumference: the largest possible error, which normalises the AUC
HALF_EARTH_KM = 20039.0
SETTLEMENT_KINDS = frozenset({"city", "village"})
REGION_KINDS = frozenset({"country", "admin1"})


@dataclass(frozen=True, slots=True)
class Prediction:
    """One place a system found: the span and where it put it (``lat``/``lon`` None when unplaced)."""

    start: int
    end: int
    surface: str
    lat: float | None = None
    lon: float | None = None
    name: str = ""
    country: str = ""
    admin1: str = ""
    feature_code: str = ""
    is_region: bool = False
    #: a nationality adjective read as its country ("Russian troops"): counted where the gold annotates
    #: it, never an error where it does not (associative toponyms are optional, as metonyms are)
    associative: bool = False


@dataclass(frozen=True, slots=True)
class Match:
    """A gold toponym and the prediction that found it, with the error when both have a position."""

    gold: GoldToponym
    pred: Prediction
    error_km: float | None


@dataclass(frozen=True, slots=True)
class DocResult:
    """How one system's predictions on one document line up with the gold annotations."""

    doc: GoldDoc
    matches: tuple[Match, ...] = ()
    missed: tuple[GoldToponym, ...] = ()
    spurious: tuple[Prediction, ...] = ()
    trap_hits: tuple[tuple[Prediction, Span], ...] = ()
    correct_preds: int = 0


@dataclass(frozen=True, slots=True)
class Scores:
    """The figures of one system on one corpus; ``None`` where there was nothing to measure."""

    gold: int
    predicted: int
    precision: float | None
    recall: float | None
    f1: float | None
    placed: int
    acc161: float | None
    acc10: float | None
    median_km: float | None
    mean_km: float | None
    auc: float | None
    e2e161: float | None
    spurious: int
    spurious_repeats: int
    trap_hits: int
    extra: dict[str, tuple[int, int]] = field(default_factory=dict)


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether two half-open spans share at least one character."""
    return a_start < b_end and b_start < a_end


def _overlap_len(pred: Prediction, gold: GoldToponym) -> float:
    """Intersection over union of the two spans.

    "Amsterdam" fits the gold "Amsterdam" better than "between London and Amsterdam" does, though both
    cover it whole.
    """
    inter = min(pred.end, gold.end) - max(pred.start, gold.start)
    union = max(pred.end, gold.end) - min(pred.start, gold.start)
    return inter / union if union else 0.0


def accuracy_within(errors_km: Sequence[float], km: float) -> float | None:
    """Share of errors at most ``km``: the literature's accuracy@k."""
    return sum(e <= km for e in errors_km) / len(errors_km) if errors_km else None


def auc_log_error(errors_km: Iterable[float]) -> float | None:
    """Gritta et al.'s AUC: trapezoid area under the sorted, scaled log-error curve, x scaled to [0, 1].

    One error alone has no curve to integrate; its scaled value is the area of the flat line through it.
    """
    scaled = sorted(math.log1p(max(e, 0.0)) / math.log(HALF_EARTH_KM) for e in errors_km)
    if not scaled:
        return None
    if len(scaled) == 1:
        return scaled[0]
    return float(np.trapezoid(scaled, dx=1.0 / (len(scaled) - 1)))


def f1_score(precision: float | None, recall: float | None) -> float | None:
    """Harmonic mean, 0 when both are 0, None when either is unknown."""
    if precision is None or recall is None:
        return None
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def _error_km(pred: Prediction, gold: GoldToponym) -> float | None:
    if pred.lat is None or pred.lon is None or gold.lat is None or gold.lon is None:
        return None
    return geodesic((gold.lat, gold.lon), (pred.lat, pred.lon)).km


def match_document(doc: GoldDoc, preds: Sequence[Prediction]) -> DocResult:
    """Pair each required gold toponym with the prediction that fits its span best; sort the rest.

    A prediction that overlaps a required gold span is correct; one that overlaps only optional spans, or
    an associative one that overlaps nothing, is ignored; any other is spurious, and a spurious
    prediction on a trap span is also a trap hit.
    """
    required = [g for g in doc.toponyms if not g.optional]
    optional = [g for g in doc.toponyms if g.optional]
    best: dict[int, Prediction] = {}
    correct, spurious, traps = 0, [], []
    for pred in preds:
        hits = [i for i, g in enumerate(required) if overlaps(pred.start, pred.end, g.start, g.end)]
        for i in hits:
            if i not in best or _overlap_len(pred, required[i]) > _overlap_len(best[i], required[i]):
                best[i] = pred
        if hits:
            correct += 1
        elif not (pred.associative or any(overlaps(pred.start, pred.end, g.start, g.end) for g in optional)):
            spurious.append(pred)
            traps.extend((pred, t) for t in doc.traps if overlaps(pred.start, pred.end, t.start, t.end))
    matches = tuple(Match(required[i], p, _error_km(p, required[i])) for i, p in sorted(best.items()))
    missed = tuple(g for i, g in enumerate(required) if i not in best)
    return DocResult(doc, matches, missed, tuple(spurious), tuple(traps), correct)


def region_ok(match: Match) -> bool:
    """A country or oblast is right when the system picked an area inside it, not a pin on a town.

    For a country that is the country itself or one of its regions ("eastern Ukraine", "Ukraine's
    east" tagged as the country): both are placed inside the right region, as issue 3 phrases it.
    """
    gold, pred = match.gold, match.pred
    if not pred.is_region or pred.country != gold.country:
        return False
    if gold.kind == "country":
        return pred.feature_code.startswith("PCL") or pred.feature_code in ("ADM1", "RGN")
    return pred.feature_code == "ADM1" and bool(gold.admin1) and pred.admin1 == gold.admin1


def _war_extras(results: Sequence[DocResult]) -> dict[str, tuple[int, int]]:
    """Counts behind the war-report targets: (hits, out of)."""
    settle = [
        g for r in results for g in r.doc.toponyms
        if not g.optional and g.kind in SETTLEMENT_KINDS and g.in_gazetteer and g.lat is not None
    ]
    settle_hits = [
        m for r in results for m in r.matches
        if m.gold.kind in SETTLEMENT_KINDS and m.gold.in_gazetteer and m.error_km is not None
    ]
    regions_all = [g for r in results for g in r.doc.toponyms if not g.optional and g.kind in REGION_KINDS]
    regions = [m for r in results for m in r.matches if m.gold.kind in REGION_KINDS]
    return {
        "settlements_found_acc10": (sum(m.error_km <= 10 for m in settle_hits), len(settle_hits)),
        "settlements_e2e_acc10": (sum(m.error_km <= 10 for m in settle_hits), len(settle)),
        "regions_found_ok": (sum(region_ok(m) for m in regions), len(regions)),
        "regions_e2e_ok": (sum(region_ok(m) for m in regions), len(regions_all)),
    }


def _repeats_gold_name(result: DocResult) -> int:
    """Spurious predictions whose words the annotator tagged as a place elsewhere in the same document.

    Such a hit is an unannotated repeat ("Russia did not comment" beside an annotated "Russia"), not a
    person or an organisation taken for a place; the split keeps the two apart.
    """
    names = {g.surface.casefold() for g in result.doc.toponyms}
    return sum(p.surface.casefold() in names for p in result.spurious)


def score(results: Sequence[DocResult], *, war: bool = False) -> Scores:
    """Aggregate per-document results into the corpus figures (micro-averaged over toponyms)."""
    gold = sum(len(r.matches) + len(r.missed) for r in results)
    found = sum(len(r.matches) for r in results)
    correct = sum(r.correct_preds for r in results)
    spurious = sum(len(r.spurious) for r in results)
    precision = correct / (correct + spurious) if correct + spurious else None
    recall = found / gold if gold else None
    errors = [m.error_km for r in results for m in r.matches if m.error_km is not None]
    placeable = sum(1 for r in results for g in r.doc.toponyms if not g.optional and g.lat is not None)
    return Scores(
        gold=gold,
        predicted=correct + spurious,
        precision=precision,
        recall=recall,
        f1=f1_score(precision, recall),
        placed=len(errors),
        acc161=accuracy_within(errors, 161),
        acc10=accuracy_within(errors, 10),
        median_km=statistics.median(errors) if errors else None,
        mean_km=statistics.fmean(errors) if errors else None,
        auc=auc_log_error(errors),
        e2e161=sum(e <= 161 for e in errors) / placeable if placeable else None,
        spurious=spurious,
        spurious_repeats=sum(_repeats_gold_name(r) for r in results),
        trap_hits=sum(len(r.trap_hits) for r in results),
        extra=_war_extras(results) if war else {},
    )
