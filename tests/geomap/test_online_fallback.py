"""The optional online fallback, end to end, against a Nominatim stand-in on 127.0.0.1."""

from __future__ import annotations

import sys
from pathlib import Path

from geopy.distance import geodesic

import geomap
from gazetteer.sources.online import OnlineSource

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "gazetteer"))
from fake_servers import serve_nominatim  # a test helper beside the gazetteer tests

# "Testivka" is made up: in no gazetteer, only in the fake Nominatim (tests/gazetteer/fake_servers.py)
TEXT = "Russian troops attacked the village of Testivka near Bakhmut on Monday."


def _online(host: str, cache: Path) -> OnlineSource:
    return OnlineSource(service="nominatim", domain=host, scheme="http", cache_dir=cache, min_delay_seconds=0)


def test_offline_by_default(gazetteer):
    report = geomap.parse(TEXT, date="2024-03-05", gazetteer=gazetteer)
    assert [u.surface for u in report.unresolved] == ["Testivka"]


def test_unknown_names_resolve_online_near_the_report(gazetteer, tmp_path):
    with serve_nominatim() as (host, requests):
        report = geomap.parse(TEXT, date="2024-03-05", gazetteer=gazetteer, online=_online(host, tmp_path))
    found = {p.surface: p for p in report.places}
    assert found["Testivka"].method == "online" and not report.unresolved
    assert geodesic((found["Testivka"].lat, found["Testivka"].lon), (48.4101, 37.8202)).km < 1
    assert len(requests) == 1  # only the unknown name was asked, Bakhmut came from the local index
    assert report.events and "Testivka" in [p.surface for p in report.events[0].places]


def test_unreachable_service_warns_and_resolves_offline(gazetteer, tmp_path, caplog):
    with serve_nominatim() as (host, _):
        pass  # the server is gone when parsing starts
    report = geomap.parse(TEXT, date="2024-03-05", gazetteer=gazetteer, online=_online(host, tmp_path))
    assert [u.surface for u in report.unresolved] == ["Testivka"]
    assert [p.name for p in report.places] == ["Bakhmut"]
    assert any("offline" in record.getMessage() for record in caplog.records)


def test_cli_online_url(gazetteer, tmp_path):
    from click.testing import CliRunner

    from geomap.cli import cli

    report = tmp_path / "report.txt"
    report.write_text(TEXT, encoding="utf-8")
    with serve_nominatim() as (host, _):
        online = ["--online", "nominatim", "--online-url", f"http://{host}"]
        # the answer cache goes to a temporary folder, not the user's
        args = ["--gazetteer", str(gazetteer.path), *online, "extract", str(report)]
        result = CliRunner().invoke(cli, args, env={"GEOMAP_CACHE_DIR": str(tmp_path)})
    assert result.exit_code == 0, result.output
    assert '"surface": "Testivka"' in result.output and '"unresolved": []' in result.output
