"""Measure the event builder on the gold claims of ../shared/eval (seed and war reports).

Usage::

    python benchmarks/eval_claims.py            # figures per language
    python benchmarks/eval_claims.py -v         # plus every miss, false event and wrong field
    python benchmarks/eval_claims.py --stage    # feed build_events the gold places (isolates this stage)

By default the whole pipeline runs (``geomap.report.parse``) when it exists; ``--stage``, or a tree
without ``geomap.report``, builds the places from the gold toponyms instead, so the figures measure the
event builder alone.  A predicted event matches a gold claim when its span overlaps the claim's
evidence span (one event per claim).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
from collections import defaultdict
from pathlib import Path

from gazetteer import Gazetteer, Place
from geomap.events import build_events
from geomap.model import Mention, ResolvedPlace
from geomap.sentences import split_sentences

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
_FEATURE = {"country": ("A", "PCLI"), "admin1": ("A", "ADM1"), "city": ("P", "PPL"), "village": ("P", "PPL"),
            "river": ("H", "STM"), "other": ("L", "RGN")}  # fmt: skip


def gold_places(doc: dict) -> list[ResolvedPlace]:
    """The gold toponyms as resolved places (position unknown: events are scored by place name)."""
    places = []
    for i, t in enumerate(doc["toponyms"]):
        fclass, fcode = _FEATURE.get(t["type"], ("L", "RGN"))
        place = Place(-(i + 1), t["canonical"], 0.0, 0.0, fclass, fcode, t.get("country") or "")
        mention = Mention(t["start"], t["end"], t["surface"], t["surface"].lower())
        places.append(ResolvedPlace(mention, place, 0.0, 0.0, 1.0))
    return places


def predict(doc: dict, *, stage: bool, gazetteer=None) -> list:
    published = dt.date.fromisoformat(doc["published"]) if doc.get("published") else None
    if not stage and importlib.util.find_spec("geomap.report") is not None:
        from geomap.report import parse

        return list(parse(doc["text"], date=published, gazetteer=gazetteer).events)
    from geomap.dates import find_report_date

    report_date = published or find_report_date(doc["text"])
    return build_events(doc["text"], sentences=split_sentences(doc["text"]), places=gold_places(doc),
                        report_date=report_date, language=doc.get("language", "en"))  # fmt: skip


def match(events: list, claims: list[dict]) -> dict[int, int]:
    """Gold claim index → event index, pairing each claim with an unused event overlapping its evidence."""
    pairs = []
    for ci, claim in enumerate(claims):
        s, e = claim["evidence_span"]
        for ei, event in enumerate(events):
            overlap = min(e, event.end) - max(s, event.start)
            if overlap > 0:
                pairs.append((-(overlap / (event.end - event.start)), ci, ei))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, ci, ei in sorted(pairs):
        if ci not in matched and ei not in used:
            matched[ci] = ei
            used.add(ei)
    return matched


def score(
    docs: list[tuple[str, dict]], *, stage: bool, verbose: bool, gazetteer: Gazetteer | None = None
) -> dict[str, dict[str, list[int]]]:
    figures: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for name, doc in docs:
        events = predict(doc, stage=stage, gazetteer=gazetteer)
        claims = doc["claims"]
        pairs = match(events, claims)
        group = "en" if doc["language"] == "en" else "uk/ru"
        for bucket in (figures[group], figures["all"]):
            _tally(bucket, events, claims, pairs, doc["toponyms"])
        if verbose:
            _explain(name, doc, events, claims, pairs)
    return figures


def names_of(place, toponyms: list[dict]) -> set[str]:
    """A predicted place's names: its own and the gold canonical name of the span it was read from.

    The resolver's names follow GeoNames spellings; the span ties them to the gold's canonical names.
    """
    names = {place.name}
    for t in toponyms:
        if t["start"] < place.end and place.start < t["end"]:
            names.add(t["canonical"])
    return names


def _tally(bucket, events, claims, pairs, toponyms) -> None:
    bucket["recall"][0] += len(pairs)
    bucket["recall"][1] += len(claims)
    bucket["precision"][0] += len(pairs)
    bucket["precision"][1] += len(events)
    for ci, ei in pairs.items():
        claim, event = claims[ci], events[ei]
        _count(bucket["side"], event.side == claim["side"])
        _count(bucket["event_type"], event.event_type == claim["event_type"])
        if claim["date"]:
            _count(bucket["date"], event.date is not None and event.date.isoformat() == claim["date"])
        if claim["places"]:
            location = event.location
            linked = location is not None and bool(names_of(location, toponyms) & set(claim["places"]))
            _count(bucket["place_link"], linked)
            names = set().union(*(names_of(p, toponyms) for p in event.places))
            for place in claim["places"]:
                _count(bucket["place_recall"], place in names)
    for ci, claim in enumerate(claims):
        if claim["verified_by_reporter"] is False:
            _count(bucket["unverified_carried"], ci in pairs and events[pairs[ci]].verified is False)


def _count(cell: list[int], ok: bool) -> None:
    cell[0] += int(ok)
    cell[1] += 1


def _explain(name, doc, events, claims, pairs) -> None:
    print(f"== {name}")
    text = doc["text"]
    for ci, claim in enumerate(claims):
        s, e = claim["evidence_span"]
        if ci not in pairs:
            print(f"  MISS  [{claim['event_type']}|{claim['side']}] {text[s:e]!r}")
            continue
        ev = events[pairs[ci]]
        got = (ev.side, ev.event_type, ev.date.isoformat() if ev.date else None,
               ev.location.name if ev.location else None, ev.verified)  # fmt: skip
        want = (
            claim["side"],
            claim["event_type"],
            claim["date"],
            claim["places"],
            claim["verified_by_reporter"],
        )
        if (
            (got[0], got[1]) != want[:2]
            or (want[2] and got[2] != want[2])
            or (want[3] and got[3] not in want[3])
        ):
            print(f"  DIFF  {text[s:e]!r}\n        got {got} [{ev.claimant}]\n        want {want}")
    for ei, ev in enumerate(events):
        if ei not in pairs.values():
            print(f"  FALSE [{ev.event_type}|{ev.side}|{ev.claimant}] {ev.quote[:110]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--stage", action="store_true", help="use gold places instead of the resolver")
    parser.add_argument("--gazetteer", type=Path, help="a gazetteer index to resolve with (e.g. one with "
                        "the postal dump added); default: the user's")
    args = parser.parse_args()
    gazetteer = Gazetteer.open(args.gazetteer) if args.gazetteer else None
    files = [EVAL / "seed_gold.json", *sorted((EVAL / "war").glob("*.json"))]
    docs = [(f.name, json.loads(f.read_text(encoding="utf-8"))) for f in files]
    figures = score(docs, stage=args.stage, verbose=args.verbose, gazetteer=gazetteer)
    names = [
        "recall",
        "precision",
        "side",
        "event_type",
        "date",
        "place_link",
        "place_recall",
        "unverified_carried",
    ]
    print(f"{'':10}" + "".join(f"{n:>20}" for n in names))
    for group in ("en", "uk/ru", "all"):
        cells = figures[group]
        row = "".join(f"{_fmt(cells[n]):>20}" for n in names)
        print(f"{group:10}{row}")


def _fmt(cell: list[int]) -> str:
    return f"{cell[0] / cell[1]:.2f} ({cell[0]}/{cell[1]})" if cell[1] else "-"


if __name__ == "__main__":
    main()
