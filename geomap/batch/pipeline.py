"""The work both engines share: process one input in a worker, write its result in the parent.

Workers (processes of the local pool or Dask workers) run :func:`process_input`: read, parse and flatten
one report into :class:`~geomap.rows.ReportRows`.  Only the parent writes the store, through
:class:`ResultWriter`, which commits the reports that finish within a quarter of a second together (a
commit per report would cost the writer more than all its other work).  A kill at any moment loses at
most the reports in flight and those not yet committed, and those are simply done again on the next run.
"""

from __future__ import annotations

import contextlib
import resource
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from gazetteer import Gazetteer
from geomap.batch.inputs import ReportInput
from geomap.errors import GeomapError
from geomap.inputs import DEFAULT_MAX_BYTES, read_input
from geomap.rows import ReportRows, report_to_rows
from geomap.store import EventStore

__all__ = ["DEFAULT_READ", "BatchSummary", "Outcome", "ReadOptions", "ResultWriter", "plan", "process_input"]

#: a group of written reports is committed once it holds this many, or is this old (seconds): few
#: commits, while a killed run loses only a moment's work
GROUP_REPORTS = 256
GROUP_SECONDS = 0.25


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a worker sends back for one input: the flattened report, or why it failed."""

    key: str
    origin: str
    rows: ReportRows | None
    error: str | None
    size_bytes: int
    worker_rss_kb: int


def _peak_rss_kb() -> int:
    # ru_maxrss is in kB on Linux and in bytes on macOS
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How workers read report files (``--encoding``, ``--max-mb``)."""

    encoding: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


#: files read with detected encodings and the standard size limit
DEFAULT_READ = ReadOptions()


def _read(item: ReportInput, options: ReadOptions) -> tuple[str, dict]:
    """Return the text and metadata of an input; a file's own metadata (an HTML page's) wins."""
    if item.text is not None:
        return item.text, {"date": item.date, "source": item.source, "title": item.title, "url": item.url}
    doc = read_input(item.path or item.origin, encoding=options.encoding, max_bytes=options.max_bytes)
    return doc.text, {"date": doc.date or item.date, "source": doc.source, "title": doc.title, "url": doc.url}


def process_input(item: ReportInput, *, gazetteer: Gazetteer,
                  options: ReadOptions = DEFAULT_READ) -> Outcome:
    """Read and parse one input; any failure becomes an :class:`Outcome` with an error, never an exception.

    One bad report in ten thousand must not stop a batch, so unexpected errors are caught too and
    recorded with their type, for the summary and for a bug report.
    """
    from geomap.report import parse

    error = item.error
    rows = None
    if error is None:
        try:
            text, meta = _read(item, options)
            report = parse(text, gazetteer=gazetteer, **meta)
            rows = report_to_rows(report, key=item.key, path=item.origin)
        except GeomapError as exc:
            error = str(exc)
        except Exception as exc:
            error = f"{item.origin}: {type(exc).__name__}: {exc}"
    return Outcome(item.key, item.origin, rows, error, item.size_bytes, _peak_rss_kb())


def plan(items: Iterable[ReportInput], store: EventStore) -> tuple[list[ReportInput], int, int]:
    """Drop finished inputs and in-run duplicates: (to do, finished before, duplicates in this run)."""
    done = store.done_keys()
    todo: list[ReportInput] = []
    queued: set[str] = set()
    skipped = duplicates = 0
    for item in items:
        if item.key in done:
            skipped += 1
        elif item.key in queued:
            duplicates += 1
        else:
            queued.add(item.key)
            todo.append(item)
    return todo, skipped, duplicates


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """What a run did, for the closing lines of ``geomap batch`` and for benchmarks."""

    engine: str
    workers: int
    inputs: int
    processed: int
    skipped: int
    duplicates: int
    failed: int
    events: int
    input_bytes: int
    elapsed_s: float
    peak_worker_rss_mb: float
    failures: tuple[tuple[str, str], ...] = field(default=())

    @property
    def reports_per_s(self) -> float:
        """Processed reports per second of wall time."""
        return self.processed / self.elapsed_s if self.elapsed_s else 0.0

    @property
    def mb_per_s(self) -> float:
        """Megabytes of processed input per second of wall time."""
        return self.input_bytes / 1e6 / self.elapsed_s if self.elapsed_s else 0.0

    def lines(self) -> list[str]:
        """Describe the run in a few lines a person reads at the end of a batch."""
        lines = [f"{self.inputs} inputs: {self.processed} processed, {self.skipped} already in the store, "
                 f"{self.duplicates} duplicates, {self.failed} failed"]
        if self.processed or self.failed:
            lines.append(f"{self.events} events written in {self.elapsed_s:.1f} s ({self.reports_per_s:.3g} "
                         f"reports/s, {self.mb_per_s:.3g} MB/s, {self.workers} {self.engine} worker(s), "
                         f"peak {self.peak_worker_rss_mb:.0f} MB per worker)")
        else:
            lines.append(f"nothing left to do ({self.elapsed_s:.1f} s)")
        lines += [f"failed: {error}" for _, error in self.failures[:10]]
        if len(self.failures) > 10:
            lines.append(f"... and {len(self.failures) - 10} more failures")
        return lines


class ResultWriter:
    """Write outcomes into the store as they arrive, in groups, with a progress bar, and count them.

    Outcomes join an open group (:meth:`geomap.store.EventStore.group`), committed when it is full, when
    it is :data:`GROUP_SECONDS` old (checked as outcomes arrive, or by the engine through
    :meth:`patience` while it waits), and by :meth:`flush` or :meth:`summary`.
    """

    def __init__(self, store: EventStore, *, total: int, progress: bool,
                 started: float | None = None) -> None:
        from tqdm import tqdm

        self.store = store
        self.started = started if started is not None else time.perf_counter()
        self._bar = tqdm(total=total, unit="report", disable=not progress or None, file=sys.stderr,
                         dynamic_ncols=True)
        self.processed = self.failed = self.duplicates = self.events = self.bytes = self.peak_kb = 0
        self.failures: list[tuple[str, str]] = []
        self._group: contextlib.ExitStack | None = None
        self._grouped = 0
        self._opened = 0.0

    def write(self, outcome: Outcome) -> None:
        """Store one outcome whole in the open group (a failure is recorded so the summary can list it).

        A store error rolls the group back and is raised: nothing of it is committed.
        """
        if self._group is None:
            with contextlib.ExitStack() as group:
                group.enter_context(self.store.group())
                self._group, self._grouped, self._opened = group.pop_all(), 0, time.perf_counter()
        try:
            self._write(outcome)
        except BaseException:
            group, self._group = self._group, None
            group.__exit__(*sys.exc_info())
            raise
        self._grouped += 1
        if self._grouped >= GROUP_REPORTS or self.patience() == 0:
            self.flush()

    def patience(self) -> float | None:
        """Seconds the open group may still wait for more outcomes (None: no group is open)."""
        if self._group is None:
            return None
        return max(0.0, GROUP_SECONDS - (time.perf_counter() - self._opened))

    def flush(self) -> None:
        """Commit the open group, if any."""
        group, self._group = self._group, None
        if group is not None:
            group.close()

    def _write(self, outcome: Outcome) -> None:
        self.peak_kb = max(self.peak_kb, outcome.worker_rss_kb)
        if outcome.rows is None:
            self.store.add_failure(outcome.key, path=outcome.origin, error=outcome.error or "unknown error")
            self.failed += 1
            self.failures.append((outcome.origin, outcome.error or "unknown error"))
        elif self.store.add_rows(outcome.rows):
            self.processed += 1
            self.events += len(outcome.rows.events)
            self.bytes += outcome.size_bytes
        else:
            self.duplicates += 1
        self._bar.update(1)

    def summary(self, *, engine: str, workers: int, inputs: int, skipped: int,
                duplicates: int) -> BatchSummary:
        """Commit what is left, close the progress bar and describe the run."""
        self.flush()
        self._bar.close()
        return BatchSummary(
            engine=engine, workers=workers, inputs=inputs, processed=self.processed, skipped=skipped,
            duplicates=duplicates + self.duplicates, failed=self.failed, events=self.events,
            input_bytes=self.bytes, elapsed_s=time.perf_counter() - self.started,
            peak_worker_rss_mb=self.peak_kb / 1024, failures=tuple(self.failures))
