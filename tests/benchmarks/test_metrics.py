"""The benchmark's scoring, on hand-made documents and numbers (hand-written for geomap tests)."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.corpora import GoldDoc, GoldToponym, Span
from benchmarks.error_cases import collect_errors
from benchmarks.metrics import (
    Prediction,
    accuracy_within,
    auc_log_error,
    f1_score,
    match_document,
    overlaps,
    score,
)

TEXT = "Shelling hit Bakhmut, Moscow said, and Lloyd Austin flew to Brussels via Ukraine."


def _span(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def _gold(word: str, lat: float | None, lon: float | None, **kw) -> GoldToponym:
    return GoldToponym(*_span(word), word, lat, lon, **kw)


def _pred(word: str, lat: float | None = None, lon: float | None = None, **kw) -> Prediction:
    return Prediction(*_span(word), word, lat, lon, **kw)


DOC = GoldDoc(
    "hand-made",
    TEXT,
    toponyms=(
        _gold("Bakhmut", 48.0, 38.0, kind="city", in_gazetteer=True, country="UA", admin1="05"),
        _gold("Moscow", 55.75, 37.62, optional=True, kind="city"),
        _gold("Brussels", 50.85, 4.35, kind="city", in_gazetteer=True, country="BE"),
        _gold("Ukraine", 49.0, 32.0, kind="country", country="UA"),
    ),
    traps=(Span(*_span("Lloyd Austin"), "Lloyd Austin"),),
)


def test_overlaps_is_half_open():
    assert overlaps(0, 5, 4, 9)
    assert not overlaps(0, 5, 5, 9)
    assert overlaps(3, 4, 0, 10)


def test_accuracy_within_counts_the_boundary_as_a_hit():
    assert accuracy_within([0.0, 10.0, 10.5, 500.0], 10) == 0.5
    assert accuracy_within([], 161) is None


@pytest.mark.parametrize(
    ("errors", "expected"),
    [
        ([0.0, 0.0, 0.0], 0.0),
        ([20039.0, 20039.0], 1.0),
        ([0.0, 20039.0], 0.5),  # a straight line from 0 to 1 over x in [0, 1]
        ([20039.0, 0.0], 0.5),  # order of the input does not matter: the curve is sorted
        ([math.e**5 - 1], 5 / math.log(20039)),
    ],
)
def test_auc_of_the_log_error_curve(errors, expected):
    # log1p(20039) is a hair above log(20039): the worst error scales to 1 within 1e-5
    assert auc_log_error(errors) == pytest.approx(expected, abs=1e-4)


def test_auc_three_points_trapezoid():
    # scaled values 0, 0.5, 1 at x = 0, 0.5, 1: two trapezoids, 0.125 + 0.375
    mid = math.exp(math.log(20039) / 2) - 1
    assert auc_log_error([mid, 0.0, 20039.0]) == pytest.approx(0.5, abs=1e-4)
    assert auc_log_error([]) is None


def test_f1():
    assert f1_score(1.0, 0.5) == pytest.approx(2 / 3)
    assert f1_score(0.0, 0.0) == 0.0
    assert f1_score(None, 1.0) is None


def test_match_document_sorts_hits_optional_spurious_and_traps():
    preds = [
        _pred("Bakhmut", 49.0, 38.0),  # 1 degree of latitude north: about 111 km off
        _pred("Moscow", 55.75, 37.62),  # optional: neither required nor an error
        _pred("Lloyd Austin"),  # a trap
        _pred("Shelling"),  # a common word taken for a place
        _pred("Brussels", 50.85, 4.35),
    ]
    result = match_document(DOC, preds)
    assert [m.gold.surface for m in result.matches] == ["Bakhmut", "Brussels"]
    assert result.matches[0].error_km == pytest.approx(111.2, abs=0.5)
    assert result.matches[1].error_km == pytest.approx(0.0, abs=1e-6)
    assert [g.surface for g in result.missed] == ["Ukraine"]
    assert [p.surface for p in result.spurious] == ["Lloyd Austin", "Shelling"]
    assert [t.surface for _, t in result.trap_hits] == ["Lloyd Austin"]
    assert result.correct_preds == 2


def test_the_prediction_overlapping_most_is_the_match():
    doc = GoldDoc("d", "in Kharkiv region", toponyms=(GoldToponym(3, 17, "Kharkiv region", 49.5, 36.5),))
    small = Prediction(3, 10, "Kharkiv", 50.0, 36.2)
    whole = Prediction(3, 17, "Kharkiv region", 49.5, 36.5)
    result = match_document(doc, [small, whole])
    assert result.matches[0].pred == whole
    assert result.correct_preds == 2 and not result.spurious


def test_score_on_hand_made_numbers():
    preds = [
        _pred("Bakhmut", 49.0, 38.0),
        _pred("Lloyd Austin"),
        _pred("Brussels", 50.85, 4.35),
        _pred("Ukraine", 49.0, 32.0, name="Ukraine", country="UA", feature_code="PCLI", is_region=True),
    ]
    s = score([match_document(DOC, preds)], war=True)
    assert (s.gold, s.predicted, s.spurious, s.trap_hits) == (3, 4, 1, 1)
    assert s.precision == pytest.approx(3 / 4)
    assert s.recall == pytest.approx(1.0)
    assert s.acc161 == pytest.approx(1.0)
    assert s.acc10 == pytest.approx(2 / 3)
    assert s.median_km == pytest.approx(0.0, abs=1e-6)
    assert s.e2e161 == pytest.approx(1.0)
    assert s.extra["settlements_found_acc10"] == (1, 2)
    assert s.extra["regions_found_ok"] == (1, 1)


def test_a_region_resolved_to_a_pin_inside_it_is_wrong():
    kyiv = _pred("Ukraine", 50.45, 30.52, name="Kyiv", country="UA", admin1="12", feature_code="PPLC")
    s = score([match_document(DOC, [kyiv])], war=True)
    assert s.extra["regions_found_ok"] == (0, 1)
    assert s.extra["regions_e2e_ok"] == (0, 1)
    assert s.acc161 == 0.0  # Kyiv is about 195 km from the gold point of Ukraine
    assert s.e2e161 == 0.0


def test_error_cases_name_each_mistake():
    preds = [_pred("Bakhmut", 49.0, 38.0, name="Elsewhere", country="UA"), _pred("Shelling")]
    listed = {"hand-made": [(*_span("Brussels"), "Brussels")]}
    counts = collect_errors([match_document(DOC, preds)], unresolved=listed)
    kinds = {case.kind: case for case, _ in counts}
    assert set(kinds) == {"false positive", "miss (listed unresolved)", "miss", "wrong place"}
    assert kinds["wrong place"].surface == "Bakhmut" and "111 km off" in kinds["wrong place"].detail
    assert kinds["miss"].surface == "Ukraine"


def test_an_associative_prediction_counts_where_annotated_and_is_no_error_elsewhere():
    gold = (GoldToponym(20, 28, "Georgian", 42.0, 43.5),)
    doc = GoldDoc("d", "Russian troops left Georgian towns", toponyms=gold)
    russian = Prediction(0, 7, "Russian", 61.5, 105.3, associative=True)
    georgian = Prediction(20, 28, "Georgian", 42.0, 43.5, associative=True)
    result = match_document(doc, [russian, georgian])
    assert result.correct_preds == 1 and not result.spurious and not result.missed
    plain = match_document(doc, [Prediction(0, 7, "Russian", 61.5, 105.3)])
    assert [p.surface for p in plain.spurious] == ["Russian"]


def test_the_prediction_that_fits_the_gold_span_best_is_the_match():
    text = "between London and Amsterdam"
    doc = GoldDoc("d", text, toponyms=(GoldToponym(19, 28, "Amsterdam", 52.37, 4.89),))
    phrase = Prediction(0, 28, text, 51.51, -0.13)  # a relative position, scored at its anchor, London
    name = Prediction(19, 28, "Amsterdam", 52.37, 4.89)
    result = match_document(doc, [phrase, name])
    assert result.matches[0].pred == name and result.matches[0].error_km == pytest.approx(0.0, abs=1e-6)
