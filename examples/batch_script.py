"""Scripting geomap: parse a few reports, then write GeoJSON, a pandas DataFrame, a store and a map.

Run from the repository root:  python examples/batch_script.py  (writes into ./geomap-example-out/)
The three short reports below are hand-written for this example.
"""

from __future__ import annotations

import json
from pathlib import Path

import geomap
from geomap.frames import to_dataframe
from geomap.output.geojson import report_features

REPORTS = [
    ("2023-03-01", "Russian forces shelled Kherson overnight, Ukraine's General Staff said."),
    ("2023-03-01", "As the General Staff said, Russian forces shelled Kherson overnight."),
    ("2023-03-02", "Russia's Defence Ministry said its forces captured Soledar."),
]


def main() -> None:
    """Parse the reports, print their claims, and write every output next to each other."""
    out = Path("geomap-example-out")
    out.mkdir(exist_ok=True)
    reports = [geomap.parse(text, date=day, source="example") for day, text in REPORTS]
    for report in reports:
        for event in report.events:
            where = event.location.name if event.location else "?"
            print(f"{event.date} {event.side:>5} {event.event_type:<16} {where}: {event.quote}")

    # GeoJSON: one FeatureCollection with every event, place and unresolved name
    features = [f for n, r in enumerate(reports) for f in report_features(r, file=f"report-{n}")]
    collection = {"type": "FeatureCollection", "features": features}
    (out / "events.geojson").write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")

    # pandas: one row per claim, ACLED column names first
    frame = to_dataframe(reports)
    print(frame[["event_date", "side", "event_type", "location", "latitude", "longitude"]])

    # an event store links the claim the first two reports share; its map draws it once
    with geomap.EventStore(out / "events.sqlite") as store:
        for n, report in enumerate(reports):
            store.add_report(report, key=f"example-{n}", path=f"report-{n}")
        merged = store.load_reports()
    geomap.render_map(merged).save(str(out / "map.html"))
    print(f"wrote {out}/events.geojson, {out}/events.sqlite and {out}/map.html")


if __name__ == "__main__":
    main()
