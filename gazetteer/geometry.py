"""Where to put an area the sources give no coordinates for: among its settlements.

GeoNames places a country or a state near the middle of its territory.  The median of its towns is
pulled towards where people live (Dallas and Houston, not the middle of Texas), so the middle of the
towns' extent is used instead, with the outermost 2 % trimmed so that an island or an exclave does not
drag the box (the Aleutians, Kaliningrad).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

__all__ = ["extent_centre"]


def extent_centre(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the trimmed latitude and longitude ranges of ``points`` (lat, lon).

    >>> extent_centre([(26.0, -97.5), (29.8, -95.4), (32.8, -96.8), (36.5, -101.0), (31.8, -106.4)])
    (31.25, -100.9)
    """
    if len(points) < 10:
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
    lat_cuts = statistics.quantiles((p[0] for p in points), n=50)
    lon_cuts = statistics.quantiles((p[1] for p in points), n=50)
    return (lat_cuts[0] + lat_cuts[-1]) / 2, (lon_cuts[0] + lon_cuts[-1]) / 2
