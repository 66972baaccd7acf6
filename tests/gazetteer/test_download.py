"""Downloads against a local server on 127.0.0.1 serving zips the tests build."""

from __future__ import annotations

import socket
import stat
import zipfile
from pathlib import Path

import pytest

from gazetteer import DownloadError
from gazetteer.download import download_admin1, download_country, download_postal, extract_member, fetch
from gazetteer.sources import GeoNamesDumpSource

DATA = Path(__file__).resolve().parents[1] / "data"
DUMP = DATA / "geonames_ua_small.txt"


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _download(server, tmp_path, **options) -> Path:
    return download_country("ua", dest_dir=tmp_path / "dl", base_url=server.url, progress=False, **options)


def test_downloads_and_extracts_the_country_dump(file_server, tmp_path):
    _zip(file_server.root / "UA.zip", {"UA.txt": DUMP.read_bytes(), "readme.txt": b"about"})
    path = _download(file_server, tmp_path)
    assert path == tmp_path / "dl" / "UA.txt" and path.read_bytes() == DUMP.read_bytes()
    assert sorted(p.name for p in path.parent.iterdir()) == ["UA.txt", "UA.zip"]  # no readme, no .part
    assert GeoNamesDumpSource(path).lookup("Bakhmut")[0].geonameid == 9100001


def test_postal_and_admin1(file_server, tmp_path):
    (file_server.root / "zip").mkdir()
    _zip(file_server.root / "zip" / "UA.zip", {"UA.txt": (DATA / "postal_ua_small.txt").read_bytes()})
    (file_server.root / "admin1CodesASCII.txt").write_bytes((DATA / "admin1_small.txt").read_bytes())
    postal = download_postal(
        "UA", dest_dir=tmp_path / "postal", base_url=file_server.url + "zip/", progress=False
    )
    assert postal.read_bytes() == (DATA / "postal_ua_small.txt").read_bytes()
    admin1 = download_admin1(dest_dir=tmp_path, base_url=file_server.url, progress=False)
    assert admin1.name == "admin1CodesASCII.txt" and admin1.read_text().startswith("UA.05\tDonetsk")


def test_oversize_download_is_refused_before_writing(file_server, tmp_path):
    _zip(file_server.root / "UA.zip", {"UA.txt": DUMP.read_bytes()})
    with pytest.raises(DownloadError, match="over the 100-byte limit"):
        _download(file_server, tmp_path, max_bytes=100)
    assert not (tmp_path / "dl" / "UA.zip").exists() and not (tmp_path / "dl" / "UA.txt").exists()


def test_body_of_unannounced_size_is_still_capped(file_server, tmp_path):
    (file_server.root / "admin1CodesASCII.txt").write_bytes(b"x" * 5000)
    file_server.send_length = False  # the size is only known once the connection closes
    with pytest.raises(DownloadError, match="more than 1,000 bytes"):
        download_admin1(dest_dir=tmp_path, base_url=file_server.url, max_bytes=1000, progress=False)
    assert not (tmp_path / "admin1CodesASCII.txt").exists()


def test_zip_bomb_is_stopped_at_the_unzipped_limit(file_server, tmp_path):
    _zip(file_server.root / "UA.zip", {"UA.txt": b"\t" * 2_000_000})  # compresses to about 2 kB
    with pytest.raises(DownloadError, match="over the limit"):
        _download(file_server, tmp_path, max_unzipped_bytes=100_000)
    assert not (tmp_path / "dl" / "UA.txt").exists()


@pytest.mark.parametrize("member", ["../UA.txt", "/etc/UA.txt", "sub/../../UA.txt", "C:/UA.txt"])
def test_path_traversal_zip_is_refused(file_server, tmp_path, member):
    _zip(file_server.root / "UA.zip", {"UA.txt": DUMP.read_bytes(), member: b"owned"})
    with pytest.raises(DownloadError, match="unsafe member name"):
        _download(file_server, tmp_path)
    assert not (tmp_path / "UA.txt").exists() and not (tmp_path / "dl" / "UA.txt").exists()


def test_symlink_member_is_refused(tmp_path):
    archive = tmp_path / "UA.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        link = zipfile.ZipInfo("UA.txt")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(link, "/etc/passwd")
    with pytest.raises(DownloadError, match="symbolic link"):
        extract_member(archive, "UA.txt", tmp_path / "out")


def test_archive_without_the_expected_member_is_refused(file_server, tmp_path):
    _zip(file_server.root / "UA.zip", {"RU.txt": DUMP.read_bytes()})
    with pytest.raises(DownloadError, match=r"no UA\.txt inside"):
        _download(file_server, tmp_path)


def test_not_a_zip_is_refused_and_removed(file_server, tmp_path):
    (file_server.root / "UA.zip").write_bytes(b"<html>maintenance</html>")
    with pytest.raises(DownloadError, match="not a valid zip"):
        _download(file_server, tmp_path)
    assert not (tmp_path / "dl" / "UA.zip").exists()


def test_truncated_download_is_detected_then_resumed(file_server, tmp_path):
    archive = _zip(file_server.root / "UA.zip", {"UA.txt": DUMP.read_bytes() * 20})
    size = archive.stat().st_size
    file_server.cut_after = size // 3
    with pytest.raises(DownloadError, match=rf"cut off after {size // 3:,} of {size:,} bytes"):
        _download(file_server, tmp_path)
    assert not (tmp_path / "dl" / "UA.zip").exists()  # only a .part, never a short archive
    assert (tmp_path / "dl" / "UA.zip.part").stat().st_size == size // 3
    file_server.cut_after = None
    path = _download(file_server, tmp_path)
    assert path.read_bytes() == DUMP.read_bytes() * 20
    resumed = file_server.requests[-1]
    assert resumed["Range"] == f"bytes={size // 3}-" and resumed["If-Range"] == f'"{size}"'


def test_server_without_range_support_restarts(file_server, tmp_path):
    archive = _zip(file_server.root / "UA.zip", {"UA.txt": DUMP.read_bytes() * 20})
    file_server.cut_after = 500
    with pytest.raises(DownloadError, match="run the command again"):
        _download(file_server, tmp_path)
    file_server.cut_after, file_server.ranges = None, False
    assert _download(file_server, tmp_path).read_bytes() == DUMP.read_bytes() * 20
    assert (tmp_path / "dl" / "UA.zip").read_bytes() == archive.read_bytes()


def test_part_longer_than_the_file_starts_again(file_server, tmp_path):
    archive = _zip(file_server.root / "UA.zip", {"UA.txt": DUMP.read_bytes()})
    url = file_server.url + "UA.zip"
    dest = tmp_path / "UA.zip"
    (tmp_path / "UA.zip.part").write_bytes(b"z" * (archive.stat().st_size + 10))
    (tmp_path / "UA.zip.part.json").write_text(f'{{"url": "{url}", "validator": ""}}')
    fetch(url, dest, progress=False)
    assert dest.read_bytes() == archive.read_bytes()


def test_missing_file_and_bad_country_code(file_server, tmp_path):
    with pytest.raises(DownloadError, match="HTTP 404"):
        _download(file_server, tmp_path)
    with pytest.raises(DownloadError, match="not a two-letter country code"):
        download_country("../etc", dest_dir=tmp_path, base_url=file_server.url, progress=False)


def test_offline_is_a_clear_error(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(DownloadError, match=r"cannot reach .*are you offline"):
        download_country("UA", dest_dir=tmp_path, base_url=f"http://127.0.0.1:{port}/", progress=False)
