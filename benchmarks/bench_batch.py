"""Throughput, scaling and resume cost of ``geomap batch``.

Builds a folder of N report files (default 10,000) from the public corpora in ``../shared/corpora``
(GeoWebNews, LGL) and the gold reports in ``../shared/eval``, repeated under distinct file names, in a
temporary folder (never in the repository).  Then it runs the real command in a subprocess:

1. ``geomap batch DIR --db A --workers 1``            → single-worker reports/s, MB/s, peak worker memory
2. ``geomap batch DIR --db B --workers 2``            → the same with two workers; scaling = t1 / t2
3. ``geomap batch DIR --db B --workers 2`` once more  → resume cost as % of run 2 (nothing left to do)

It also times the parent's share alone, writing already-parsed reports into a fresh store, which is the
ceiling the single writer puts on any number of workers.

Targets (issue 6): single worker >= 500 reports/s, scaling 1->2 >= 1.8x, resume < 5 % of the first run.

Usage: python benchmarks/bench_batch.py [--reports 10000] [--json results.json]
"""

from __future__ import annotations

import argparse
import glob
import json
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def corpus_texts() -> list[str]:
    texts = []
    for corpus in ("GeoWebNews/GWN.xml", "LGL/lgl.xml"):
        articles = ET.parse(SHARED / "corpora" / corpus).getroot().iter("article")
        texts += [a.findtext("text") or "" for a in articles]
    for path in [*sorted(glob.glob(str(SHARED / "eval/war/*.json"))), str(SHARED / "eval/seed_gold.json")]:
        texts.append(json.loads(Path(path).read_text(encoding="utf-8"))["text"])
    return [t for t in texts if t.strip()]


def build_folder(count: int) -> tuple[Path, int]:
    folder = Path(tempfile.gettempdir()) / f"geomap-bench-{count}"
    texts = corpus_texts()
    if not folder.is_dir() or len(list(folder.glob("*.txt"))) != count:
        folder.mkdir(exist_ok=True)
        for i in range(count):
            # each copy is made unique: identical reports would be skipped as duplicates, not parsed
            text = texts[i % len(texts)] + f"\n\n(copy {i // len(texts)})"
            (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    return folder, sum(p.stat().st_size for p in folder.glob("*.txt"))


def run_batch(folder: Path, db: Path, workers: int) -> dict:
    command = [sys.executable, "-m", "geomap", "batch", str(folder), "--db", str(db),
               "--workers", str(workers)]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"geomap batch failed ({done.returncode}): {done.stderr[-2000:]}")
    peak = re.search(r"peak (\d+) MB per worker", done.stdout)
    processed = re.search(r"(\d+) processed", done.stdout)
    return {"workers": workers, "elapsed_s": round(elapsed, 2), "processed": int(processed.group(1)),
            "peak_worker_mb": int(peak.group(1)) if peak else None, "summary": done.stdout.strip()}


def writer_ceiling(count: int) -> float:
    """Reports per second the parent alone can write (rows prepared in advance, as workers send them).

    The outcomes go through the batch's own writer, so the figure includes how it commits them.
    """
    from gazetteer import Gazetteer
    from geomap.batch.pipeline import Outcome, ResultWriter
    from geomap.report import parse
    from geomap.rows import report_to_rows
    from geomap.store import EventStore

    gazetteer = Gazetteer.open()
    reports = [parse(t, gazetteer=gazetteer) for t in corpus_texts()[200:230]]  # 30 LGL articles
    outcomes = [Outcome(f"k{i}", f"{i}.txt", report_to_rows(reports[i % len(reports)], key=f"k{i}",
                                                           path=f"{i}.txt"), None, 0, 0)
                for i in range(count)]  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp, EventStore(Path(tmp) / "w.sqlite") as store:
        started = time.perf_counter()
        writer = ResultWriter(store, total=count, progress=False, started=started)
        for outcome in outcomes:
            writer.write(outcome)
        writer.summary(engine="local", workers=1, inputs=count, skipped=0, duplicates=0)
        return count / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    folder, size = build_folder(args.reports)
    with tempfile.TemporaryDirectory() as tmp:
        one = run_batch(folder, Path(tmp) / "one.sqlite", 1)
        two = run_batch(folder, Path(tmp) / "two.sqlite", 2)
        resume = run_batch(folder, Path(tmp) / "two.sqlite", 2)
    assert resume["processed"] == 0, "the rerun processed reports again"
    figures = {
        "reports": args.reports, "input_mb": round(size / 1e6, 2),
        "single_worker_reports_per_s": round(args.reports / one["elapsed_s"], 1),
        "single_worker_mb_per_s": round(size / 1e6 / one["elapsed_s"], 3),
        "two_workers_reports_per_s": round(args.reports / two["elapsed_s"], 1),
        "scaling_1_to_2": round(one["elapsed_s"] / two["elapsed_s"], 2),
        "peak_worker_mb": {"1": one["peak_worker_mb"], "2": two["peak_worker_mb"]},
        "resume_s": resume["elapsed_s"],
        "resume_pct_of_first_run": round(100 * resume["elapsed_s"] / two["elapsed_s"], 2),
        "writer_ceiling_reports_per_s": round(writer_ceiling(min(args.reports, 5000)), 0),
        "runs": [one, two, resume],
    }
    print(json.dumps({k: v for k, v in figures.items() if k != "runs"}, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
