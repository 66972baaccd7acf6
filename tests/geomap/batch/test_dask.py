"""The Dask engine on a real two-process LocalCluster on 127.0.0.1 gives the local engine's events."""

from __future__ import annotations

import pytest

from geomap.batch import expand_inputs, run_dask, run_local
from geomap.errors import InputError
from geomap.store import EventStore

distributed = pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as running:
        yield running


def test_dask_engine_equals_local_engine(tmp_path, corpus, corpus_writer, gazetteer, cluster):
    corpus_writer(corpus, copies=3)  # 24 reports: several partitions per worker
    local_db, dask_db = tmp_path / "local.sqlite", tmp_path / "dask.sqlite"
    with EventStore(local_db) as store:
        run_local(
            expand_inputs([str(corpus)]), store, workers=2, gazetteer_path=gazetteer.path, progress=False
        )
        local_events, local_reports = store.events(dedupe=False), store.load_reports()
    with EventStore(dask_db) as store:
        summary = run_dask(
            expand_inputs([str(corpus)]),
            store,
            scheduler=cluster.scheduler_address,
            partition_size=5,
            gazetteer_path=gazetteer.path,
            progress=False,
        )
        assert (summary.engine, summary.workers, summary.processed, summary.failed) == ("dask", 2, 24, 0)
        assert store.events(dedupe=False) == local_events and local_events
        assert store.load_reports() == local_reports
        again = run_dask(
            expand_inputs([str(corpus)]),
            store,
            scheduler=cluster.scheduler_address,
            gazetteer_path=gazetteer.path,
            progress=False,
        )
        assert (again.processed, again.skipped) == (0, 24)


def test_unreachable_scheduler_is_a_clear_error(tmp_path, corpus):
    with EventStore(tmp_path / "events.sqlite") as store, pytest.raises(InputError, match="cannot reach"):
        run_dask(
            expand_inputs([str(corpus)]),
            store,
            scheduler="tcp://127.0.0.1:9",
            connect_timeout_s=1,
            progress=False,
        )
