"""The Dask engine: the same pipeline on a Dask distributed cluster, results streamed back to the store.

Inputs are cut into partitions; each partition is one task that a cluster worker runs with the same
:func:`~geomap.batch.pipeline.process_input` as the local engine, so both engines give the same events.
Results come back as tasks finish and the client writes them, each report whole and each partition
committed as it arrives, so a client killed half-way resumes like a local run.  Records from
``.json``/``.jsonl`` travel inside the tasks; ``.txt``/``.html`` files are read by the workers, so on a
multi-machine cluster they must sit on a filesystem every worker sees at the same absolute path.
"""

from __future__ import annotations

import dataclasses
import os
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from gazetteer import Gazetteer
from geomap.batch import pipeline
from geomap.batch.inputs import ReportInput
from geomap.batch.pipeline import DEFAULT_READ, BatchSummary, Outcome, ReadOptions
from geomap.errors import InputError
from geomap.store import EventStore

__all__ = ["process_partition", "run_dask"]

# a Dask worker runs tasks in threads and an SQLite connection belongs to one thread, so each worker
# thread opens the gazetteer once and keeps it for every later partition
_LOCAL = threading.local()


def _gazetteer(path: str | None) -> Gazetteer:
    opened = getattr(_LOCAL, "gazetteers", None)
    if opened is None:
        opened = _LOCAL.gazetteers = {}
    if path not in opened:
        opened[path] = Gazetteer.open(path)
    return opened[path]


def process_partition(items: list[ReportInput], *, gazetteer_path: str | None = None,
                      options: ReadOptions = DEFAULT_READ) -> list[Outcome]:
    """Run on a cluster worker: process one partition of inputs."""
    gazetteer = _gazetteer(gazetteer_path)
    return [pipeline.process_input(item, gazetteer=gazetteer, options=options) for item in items]


def _portable(item: ReportInput) -> ReportInput:
    """Give a file input an absolute path, since cluster workers do not share the client's directory."""
    if item.path is None:
        return item
    return dataclasses.replace(item, path=os.path.abspath(item.path))


def _connect(scheduler: str, *, timeout_s: float):
    try:
        from dask.distributed import Client
    except ImportError:
        raise InputError("--engine dask needs Dask: pip install 'geomap[dask]'") from None
    try:
        return Client(scheduler, timeout=f"{timeout_s}s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(f"--scheduler {scheduler}: cannot reach the Dask scheduler ({exc})") from None


def run_dask(items: Iterable[ReportInput], store: EventStore, *, scheduler: str,
             partition_size: int | None = None, gazetteer_path: str | Path | None = None,
             options: ReadOptions = DEFAULT_READ, connect_timeout_s: float = 15.0,
             progress: bool = True) -> BatchSummary:
    """Process every input not already in ``store`` on the Dask cluster at ``scheduler``.

    ``partition_size`` (default: enough partitions for four per worker thread, at most 64 reports
    each) trades scheduling overhead against how evenly work spreads and how soon results stream back.
    """
    from dask.distributed import as_completed

    started = time.perf_counter()
    items = list(items)
    todo, skipped, duplicates = pipeline.plan(items, store)
    writer = pipeline.ResultWriter(store, total=len(todo), progress=progress, started=started)
    client = _connect(scheduler, timeout_s=connect_timeout_s)
    try:
        threads = max(1, sum(client.nthreads().values()))
        size = partition_size or max(1, min(64, -(-len(todo) // (threads * 4))))
        partitions = [[_portable(i) for i in todo[n:n + size]] for n in range(0, len(todo), size)]
        path = str(gazetteer_path) if gazetteer_path else None
        futures = client.map(process_partition, partitions, gazetteer_path=path, options=options,
                             pure=False)
        for future in as_completed(futures):
            for outcome in future.result():
                writer.write(outcome)
            writer.flush()
            future.release()
    finally:
        writer.flush()
        client.close()
    return writer.summary(engine="dask", workers=threads, inputs=len(items), skipped=skipped,
                          duplicates=duplicates)
