"""How fast geomap is: the CLI cold and warm, the resolver's start-up, and throughput on LGL.

Run from the repository root::

    python benchmarks/bench_speed.py [--repeat 100] [--lgl-limit N] [--no-spacy] [--no-compiled] [--rounds 3]

Measures, in one run:

- ``geomap extract`` as a user runs it (a subprocess): on an empty file and on a one-line report (cold
  start, median of three), and on the reference article given 100 times to one process;
- the resolver's start-up in a fresh interpreter: importing :mod:`geomap.report`, opening the gazetteer,
  and the first :func:`~geomap.report.parse`;
- the whole pipeline on the 588 LGL articles in this process, pinned to one core, after start-up, in
  documents per second of CPU time, and the resolver alone (language, sentences, mentions, resolution:
  no events), beside geotext (and spaCy when installed) on the same documents; both again with the
  compiled build (``GEOMAP_COMPILE=1``, built into a scratch directory first, about a minute).  The
  geomap runs alternate ``--rounds`` times; each row is the median run, and every run is listed.

Wall time, CPU time and peak resident memory (``getrusage``) are printed for each.  CPU time is the
figure to compare: wall time depends on whatever else the machine is doing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.compiled import ROOT, build_compiled
from benchmarks.corpora import SHARED, load_lgl

__all__ = ["main"]

_PURE_RESOLVER = "geomap resolver (places only)"
_COMPILED_RESOLVER = "  the same, compiled: resolver"
ARTICLE = ROOT / "examples" / "bakhmut-2023-02-16.txt"
_STARTUP_PROBE = """
import json, time
t0 = time.perf_counter()
from geomap.report import default_gazetteer, parse
t1 = time.perf_counter()
default_gazetteer()
t2 = time.perf_counter()
parse("Russian forces shelled Kharkiv and Bakhmut on Monday.", date="2024-05-13")
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "gazetteer": t2 - t1, "first parse": t3 - t2, "total": t3 - t0}))
"""


def run_process(args: list[str]) -> dict[str, float]:
    """Run a child to completion; its wall time, CPU time, peak memory (MiB) and exit status."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT)
    out = proc.stdout.read() if proc.stdout else b""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {
        "wall": time.perf_counter() - start,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss_mb": usage.ru_maxrss / 1024,
        "rc": proc.returncode,
        "out": out.decode(errors="replace"),
    }


def _geomap_cli() -> list[str]:
    return [sys.executable, "-m", "geomap"]


def cli_figures(*, repeat: int, tmp: Path) -> list[tuple[str, dict[str, float]]]:
    """The CLI on an empty file, on a one-line report (median of 3 each) and on the article ×repeat."""
    empty, tiny = tmp / "empty.txt", tmp / "one-line.txt"
    empty.write_text("", encoding="utf-8")
    tiny.write_text("Russian forces shelled Kharkiv on Monday.\n", encoding="utf-8")
    rows = []
    for label, path in (("empty file (cold start)", empty), ("one-line report (cold start)", tiny)):
        runs = [run_process([*_geomap_cli(), "extract", str(path), "--format", "jsonl"]) for _ in range(3)]
        best = sorted(runs, key=lambda r: r["wall"])[1]
        rows.append((label, best))
    out = tmp / "out.jsonl"
    inputs = [str(ARTICLE)] * repeat
    result = run_process([*_geomap_cli(), "extract", *inputs, "--format", "jsonl", "-o", str(out), "--force"])
    result["docs"] = sum(1 for _ in out.open(encoding="utf-8")) if out.exists() else 0
    rows.append((f"reference article ×{repeat}, one process", result))
    return rows


def startup_figures() -> dict[str, float]:
    """Start-up of the resolver in a fresh interpreter, by phase (seconds)."""
    result = run_process([sys.executable, "-c", _STARTUP_PROBE])
    phases = json.loads(result["out"].strip().splitlines()[-1]) if result["rc"] == 0 else {}
    interpreter = run_process([sys.executable, "-c", "pass"])
    return {"python itself": interpreter["wall"], **phases, "peak MiB": result["rss_mb"]}


def _throughput(work: Callable[[str], object], texts: list[str]) -> tuple[float, float]:
    """CPU and wall seconds to run ``work`` over every text once (after one warm-up call)."""
    work(texts[0])
    cpu, wall = time.process_time(), time.perf_counter()
    for text in texts:
        work(text)
    return time.process_time() - cpu, time.perf_counter() - wall


def _resolver() -> Callable[[str], object]:
    """The resolver alone, as issue 3 measures it: language, sentences, mentions and resolution."""
    from geomap.mentions import find_mentions
    from geomap.morphology import language_of
    from geomap.report import default_gazetteer
    from geomap.resolve import resolve
    from geomap.sentences import split_sentences

    gazetteer = default_gazetteer()

    def run(text: str) -> object:
        sentences = split_sentences(text)
        mentions = find_mentions(text, gazetteer, sentences=sentences, language=language_of(text))
        return resolve(text, mentions, gazetteer, sentences=sentences)

    return run


def _peak_kib() -> int:
    """Peak resident memory of this process so far (KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def lgl_figures(
    *, limit: int | None, spacy: bool, compiled: Path | None, rounds: int
) -> list[tuple[str, float, float, float, list[float]]]:
    """Documents per CPU second on LGL for geomap and its peers, on one core.

    Each geomap figure comes from a fresh interpreter, so that neither inherits the caches the other
    warmed on the same documents; the peers run in this process.  ``compiled`` is a tree built by
    :func:`benchmarks.compiled.build_compiled`, measured too when given.  The geomap runs alternate
    ``rounds`` times and each row holds the median run (and every run's rate): this machine's speed
    drifts by a third from one minute to the next, and alternating spreads that drift over all rows.
    """
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    texts = [d.text for d in load_lgl(SHARED / "corpora" / "LGL" / "lgl.xml")][:limit]
    count = len(texts)
    variants = [
        ("geomap parse (whole pipeline)", "parse", None),
        (_PURE_RESOLVER, "resolver", None),
    ]
    if compiled is not None:
        variants += [
            ("  the same, compiled: parse", "parse", compiled),
            (_COMPILED_RESOLVER, "resolver", compiled),
        ]
    runs: dict[str, list[tuple[float, float, float]]] = {label: [] for label, _, _ in variants}
    for _ in range(rounds):
        for label, stage, tree in variants:
            runs[label].append(_geomap_throughput(stage, limit, tree))
    rows = []
    for label, measured in runs.items():
        cpu, wall, rss = sorted(measured)[len(measured) // 2]  # the median run, by CPU time
        rows.append((label, cpu, wall, rss, [count / c for c, _, _ in measured]))
    from geotext import GeoText

    cpu, wall = _throughput(GeoText, texts)
    rows.append(("geotext (names only)", cpu, wall, _peak_kib() / 1024, []))
    if spacy:
        from benchmarks.systems import load_spacy

        nlp = load_spacy()
        if nlp is not None:
            cpu, wall = _throughput(nlp, texts)
            rows.append(("spaCy en_core_web_sm (NER only)", cpu, wall, _peak_kib() / 1024, []))
    return rows


def _geomap_throughput(stage: str, limit: int | None, tree: Path | None = None) -> tuple[float, float, float]:
    """CPU s, wall s and peak MiB of one geomap stage over LGL, in a child pinned to this core.

    ``tree`` is a compiled build to import geomap from instead of this checkout's sources.
    """
    args = [sys.executable, str(Path(__file__).resolve()), "--child", stage]
    if limit:
        args += ["--lgl-limit", str(limit)]
    if tree is not None:
        args += ["--tree", str(tree)]
    result = run_process(args)
    if result["rc"] != 0:
        raise SystemExit(f"the {stage} measurement failed (exit {result['rc']})")
    cpu, wall = json.loads(result["out"].strip().splitlines()[-1])
    return cpu, wall, result["rss_mb"]


def _child(stage: str, limit: int | None, tree: str | None) -> int:
    """Run one stage over LGL after start-up (one warm-up document) and print its CPU and wall time."""
    texts = [d.text for d in load_lgl(SHARED / "corpora" / "LGL" / "lgl.xml")][:limit]
    if tree:
        sys.path.insert(0, tree)
        import geomap.mentions

        if geomap.mentions.__file__.endswith(".py"):
            raise SystemExit(f"{tree} holds no compiled geomap")
    from geomap.report import parse

    work = parse if stage == "parse" else _resolver()
    print(json.dumps(_throughput(work, texts)))
    return 0


def _print_cli(rows: list[tuple[str, dict[str, float]]]) -> None:
    print("== geomap extract (CLI, subprocess)")
    print(f"{'':40}{'wall s':>9}{'CPU s':>9}{'peak MiB':>10}{'exit':>6}")
    for label, r in rows:
        print(f"{label:40}{r['wall']:9.2f}{r['cpu']:9.2f}{r['rss_mb']:10.0f}{r['rc']:6d}")
    label, r = rows[-1]
    if r.get("docs"):
        print(f"  {r['docs']} documents written; {r['docs'] / r['cpu']:.1f} documents per CPU second overall")


def main(argv: list[str] | None = None) -> int:
    """Run every measurement and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=100, help="copies of the article for one extract run")
    parser.add_argument("--lgl-limit", type=int, default=None, help="first N LGL documents only")
    parser.add_argument("--no-spacy", action="store_true", help="leave spaCy out of the LGL comparison")
    parser.add_argument("--no-compiled", action="store_true", help="leave the compiled build out")
    parser.add_argument("--rounds", type=int, default=3, help="alternating runs of each geomap row (median)")
    parser.add_argument("--child", choices=("parse", "resolver"), help=argparse.SUPPRESS)
    parser.add_argument("--tree", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(args.child, args.lgl_limit, args.tree)
    with tempfile.TemporaryDirectory(prefix="geomap-speed-") as tmp:
        _print_cli(cli_figures(repeat=args.repeat, tmp=Path(tmp)))
        print("\n== resolver start-up in a fresh interpreter (seconds)")
        for phase, value in startup_figures().items():
            print(f"  {phase:16}{value:8.3f}")
        compiled = None if args.no_compiled else build_compiled(Path(tmp) / "compiled")
        rows = lgl_figures(
            limit=args.lgl_limit, spacy=not args.no_spacy, compiled=compiled, rounds=args.rounds
        )
    count = args.lgl_limit or 588
    print(f"\n== LGL, {count} documents, one process pinned to one core, after start-up")
    header = f"{'CPU s':>8}{'wall s':>8}{'docs/CPU s':>12}{'peak MiB':>10}{'speed vs geomap':>17}"
    print(f"{'':36}{header}  every run (docs/CPU s)")
    geomap_rate = count / rows[0][1] if rows[0][1] else float("inf")
    rate: dict[str, float] = {}
    for label, cpu, wall, rss, rates in rows:
        speed = rate[label] = count / cpu if cpu else float("inf")
        every = " ".join(f"{r:.0f}" for r in rates)
        print(f"{label:36}{cpu:8.2f}{wall:8.2f}{speed:12.1f}{rss:10.0f}{speed / geomap_rate:16.2f}×  {every}")
    print("  speed vs geomap: the row's documents per second over geomap's (above 1: faster than geomap);")
    print(f"  geomap's rows: the median of {args.rounds} alternating runs, each in a fresh interpreter (peak")
    print("  memory: that child's); the peers ran once, in this process (peak memory: this process's)")
    every_run = {label: rates for label, *_, rates in rows}
    if _COMPILED_RESOLVER in every_run:
        pairs = zip(every_run[_PURE_RESOLVER], every_run[_COMPILED_RESOLVER], strict=True)
        print(f"  compiled resolver over pure, run by run: {' '.join(f'{b / a:.2f}' for a, b in pairs)}")
    peers = [label for label, rates in every_run.items() if not rates]  # the peers ran once
    for resolver in (_PURE_RESOLVER, _COMPILED_RESOLVER):
        if resolver in rate:
            versus = ", ".join(f"{peer} {rate[peer] / rate[resolver]:.2f}×" for peer in peers)
            print(f"  against {resolver.strip()}: {versus}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
