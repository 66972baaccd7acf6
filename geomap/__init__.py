"""geomap: reports about the war in Ukraine in, maps and conflict events out.

>>> import geomap
>>> sorted(geomap.__all__)[:3]
['Event', 'EventStore', 'Report']
"""

from geomap.model import Event, Report, ResolvedPlace

__all__ = ["Event", "EventStore", "Report", "ResolvedPlace", "parse", "render_map"]


def __getattr__(name: str):
    if name == "parse":
        from geomap.report import parse

        return parse
    if name == "render_map":
        from geomap.render import render_map

        return render_map
    if name == "EventStore":
        from geomap.store import EventStore

        return EventStore
    raise AttributeError(f"module 'geomap' has no attribute {name!r}")
