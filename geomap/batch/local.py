"""The local engine: a pool of worker processes on this machine, the store written by the parent.

Parsing is CPU-bound Python, so parallelism needs processes.  Each worker opens the gazetteer once (in
the pool initializer) and returns flattened rows; the parent writes each report whole as results arrive,
in whatever order they finish, committing them in groups (see :class:`~geomap.batch.pipeline.ResultWriter`).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import time
from collections.abc import Iterable
from multiprocessing.pool import IMapIterator
from pathlib import Path

from gazetteer import Gazetteer
from geomap.batch.inputs import ReportInput
from geomap.batch.pipeline import (
    DEFAULT_READ,
    BatchSummary,
    Outcome,
    ReadOptions,
    ResultWriter,
    plan,
    process_input,
)
from geomap.store import EventStore

__all__ = ["default_workers", "run_local"]

_WORKER: dict[str, object] = {}
_GC_THRESHOLD = 20_000  # allocations between young-generation collections in a worker (default 700)


def default_workers() -> int:
    """Return the number of cores this process may run on (respecting CPU affinity and cgroup pinning)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def _open_worker(gazetteer_path: str | None, options: ReadOptions) -> None:
    _WORKER["gazetteer"] = Gazetteer.open(gazetteer_path)
    _WORKER["options"] = options
    # what is loaded now lives as long as the worker: the collector need not walk it again and again,
    # and a report's short-lived objects are freed by reference counting (about 4 % of parse time)
    gc.freeze()
    gc.set_threshold(_GC_THRESHOLD, 20, 20)


def _work(chunk: list[ReportInput]) -> list[Outcome]:
    return [process_input(item, gazetteer=_WORKER["gazetteer"], options=_WORKER["options"]) for item in chunk]


def _chunks(items: list[ReportInput], workers: int) -> list[list[ReportInput]]:
    """Send inputs in small batches: fewer round trips, while every worker still gets a share to the end."""
    size = max(1, min(16, len(items) // (workers * 8)))
    return [items[n : n + size] for n in range(0, len(items), size)]


def _drain(results: IMapIterator, writer: ResultWriter) -> None:
    """Write results as they come; while none comes, commit the open group once it is old enough."""
    while True:
        try:
            outcomes = results.next(timeout=writer.patience())
        except multiprocessing.TimeoutError:
            writer.flush()
            continue
        except StopIteration:
            return
        for outcome in outcomes:
            writer.write(outcome)


def _context() -> multiprocessing.context.BaseContext:
    # fork starts workers in milliseconds with the parent's imports already loaded; only the parent
    # ever touches the store's connection, so inheriting its descriptor is harmless
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def run_local(items: Iterable[ReportInput], store: EventStore, *, workers: int | None = None,
              gazetteer_path: str | Path | None = None, options: ReadOptions = DEFAULT_READ,
              progress: bool = True) -> BatchSummary:
    """Process every input not already in ``store`` with ``workers`` processes (default: all cores).

    The gazetteer index is built (if needed) in the parent first, so workers never race to build it.
    """
    started = time.perf_counter()
    items = list(items)
    todo, skipped, duplicates = plan(items, store)
    count = max(1, min(workers or default_workers(), len(todo) or 1))
    writer = ResultWriter(store, total=len(todo), progress=progress, started=started)
    if todo:
        path = str(gazetteer_path) if gazetteer_path else None
        Gazetteer.open(path).close()
        import geomap.report  # noqa: F401 - loaded once here, inherited by forked workers

        with _context().Pool(count, initializer=_open_worker, initargs=(path, options)) as pool:
            results = pool.imap_unordered(_work, _chunks(todo, count))
            try:
                _drain(results, writer)
            finally:
                writer.flush()  # on Ctrl-C too: what is already written is whole and worth keeping
    return writer.summary(engine="local", workers=count, inputs=len(items), skipped=skipped,
                          duplicates=duplicates)
