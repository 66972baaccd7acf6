"""Place sources, one module per format, and the registry that names them."""

from __future__ import annotations

from pathlib import Path

from gazetteer.base import FileSource, PlaceSource
from gazetteer.errors import SourceFormatError
from gazetteer.sources.admin1 import Admin1CodesSource
from gazetteer.sources.embedded import GeonamesCacheSource, RegionsSource
from gazetteer.sources.geonames_dump import GeoNamesDumpSource
from gazetteer.sources.postal import PostalCodeSource
from gazetteer.sources.us_counties import UsCountiesSource
from gazetteer.sources.world_regions import WorldRegionsSource

__all__ = [
    "FILE_SOURCES",
    "Admin1CodesSource",
    "GeoNamesDumpSource",
    "GeonamesCacheSource",
    "PlaceSource",
    "PostalCodeSource",
    "RegionsSource",
    "UsCountiesSource",
    "WorldRegionsSource",
    "embedded_sources",
    "source_for_file",
]

#: name → class, for ``geomap gazetteer add --format NAME``
FILE_SOURCES: dict[str, type[FileSource]] = {
    "geonames": GeoNamesDumpSource,
    "postal": PostalCodeSource,
    "admin1": Admin1CodesSource,
}


def embedded_sources() -> list[PlaceSource]:
    """Return the sources every index starts from: no download needed."""
    return [GeonamesCacheSource(), RegionsSource(), UsCountiesSource(), WorldRegionsSource()]


def source_for_file(path: str | Path, *, fmt: str | None = None) -> FileSource:
    """Pick the reader for a GeoNames file by its column count, or by ``fmt`` when given."""
    path = Path(path)
    if fmt:
        try:
            return FILE_SOURCES[fmt](path)
        except KeyError:
            choices = ", ".join(FILE_SOURCES)
            raise SourceFormatError(f"unknown format {fmt!r}; choose from {choices}") from None
    probe = GeoNamesDumpSource(path)
    try:
        first = next((line for line in probe.lines() if line and not line.startswith("#")), "")
    except (OSError, EOFError) as exc:
        raise SourceFormatError(f"{path}: cannot read ({exc})") from None
    columns = first.count("\t") + 1
    by_columns = {19: GeoNamesDumpSource, 12: PostalCodeSource, 4: Admin1CodesSource}
    if columns not in by_columns:
        raise SourceFormatError(
            f"{path}: {columns} tab-separated columns; expected a GeoNames dump (19), "
            "a postal-code dump (12) or admin1CodesASCII (4)"
        )
    return by_columns[columns](path)
