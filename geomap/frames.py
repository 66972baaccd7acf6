"""Reports as tables: a pandas DataFrame of events, and GeoParquet/GeoPackage files for GIS users.

One row per claim, with the same columns as the CSV export (ACLED's names first, then geomap's) plus
``report_count``, so a table read from CSV, Parquet or a GeoPackage looks the same.  pandas, geopandas
and pyogrio are optional dependencies (``pip install 'geomap[geo]'``), imported only when used.

>>> list(to_dataframe([]).columns[:4])
['event_date', 'time_precision', 'event_type', 'sub_event_type']
"""

from __future__ import annotations

import importlib
import os
import types
from collections.abc import Iterable
from typing import TYPE_CHECKING

from geomap.errors import GeomapError
from geomap.model import Report
from geomap.output.csv import COLUMNS, event_row
from geomap.output.files import atomic_path

if TYPE_CHECKING:
    import geopandas
    import pandas

__all__ = ["GEO_FORMATS", "report_origin", "to_dataframe", "to_geodataframe", "write_geodata"]

#: ``geomap export --format`` name → (OGR driver, what the file is)
GEO_FORMATS = {"geoparquet": ("Parquet", "GeoParquet"), "gpkg": ("GPKG", "GeoPackage")}
_NUMBERS = ("latitude", "longitude", "fatalities", "injured", "geonameid", "start", "end", "report_count")
_DAYS = ("event_date", "report_date")


def _require(module: str) -> types.ModuleType:
    try:
        return importlib.import_module(module)
    except ImportError:
        raise GeomapError(f"this needs {module}: pip install 'geomap[geo]'") from None


def to_dataframe(reports: Iterable[Report | tuple[str, Report]]) -> pandas.DataFrame:
    """Return one row per event of ``reports`` (or of ``(origin, report)`` pairs from the event store).

    Dates become pandas timestamps and unknown numbers NaN, so the frame filters and plots as is.
    """
    pd = _require("pandas")
    rows = []
    for entry in reports:
        origin, report = entry if isinstance(entry, tuple) else (report_origin(entry), entry)
        for event in report.events:
            rows.append({**event_row(event, report=report, file=origin), "report_count": event.report_count})
    frame = pd.DataFrame(rows, columns=[*COLUMNS, "report_count"])
    for column in _NUMBERS:
        frame[column] = pd.to_numeric(frame[column].replace("", None), errors="coerce")
    for column in _DAYS:
        frame[column] = pd.to_datetime(frame[column].replace("", None), errors="coerce")
    return frame


def report_origin(report: Report) -> str:
    """Name a parsed report for the ``report`` column: its URL, else its title, else its source."""
    return report.url or report.title or report.source or ""


def to_geodataframe(frame: pandas.DataFrame) -> geopandas.GeoDataFrame:
    """Give an events frame point geometries in WGS 84 (events without a position get none)."""
    gpd = _require("geopandas")
    _require("shapely")
    from shapely.geometry import Point

    geometry = [Point(lon, lat) if lat == lat and lon == lon else None  # NaN != NaN
                for lat, lon in zip(frame["latitude"], frame["longitude"], strict=True)]
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


def write_geodata(frame: geopandas.GeoDataFrame, path: str | os.PathLike, *, fmt: str, force: bool) -> None:
    """Write GeoParquet or a GeoPackage atomically: into a temporary file beside ``path``, then renamed.

    A GeoPackage is itself an SQLite file that the driver must create by name, so the temporary is a
    path, not a stream.
    """
    driver, _ = GEO_FORMATS[fmt]
    with atomic_path(path, force=force) as tmp:
        if fmt == "geoparquet":
            frame.to_parquet(tmp, index=False)
        else:
            _require("pyogrio")
            tmp.unlink()  # the GeoPackage driver refuses to open an empty file
            frame.to_file(tmp, driver=driver, layer="events", engine="pyogrio")
