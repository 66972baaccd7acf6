"""Many reports at once: expand inputs, process them in parallel, write them into an event store.

>>> from geomap.batch import ENGINES
>>> sorted(ENGINES)
['dask', 'local']
"""

from __future__ import annotations

from geomap.batch.inputs import ReportInput, expand_inputs
from geomap.batch.local import run_local
from geomap.batch.pipeline import BatchSummary

__all__ = ["ENGINES", "BatchSummary", "ReportInput", "expand_inputs", "run_dask", "run_local"]

#: the engines ``geomap batch --engine`` accepts
ENGINES = ("local", "dask")


def run_dask(*args, **kwargs) -> BatchSummary:
    """Run on a Dask cluster; imported on demand because Dask is an optional dependency."""
    from geomap.batch.dask_engine import run_dask as run

    return run(*args, **kwargs)
