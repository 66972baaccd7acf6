"""Reading inputs: encodings, binary and empty files, limits, HTML pages and URLs (local server only).

Every fixture here is hand-written for geomap tests.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import os
import socket
import sys
import threading
import time
import tracemalloc
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from geomap.errors import InputError
from geomap.inputs import InputDoc, read_input

UK = "Російські війська обстріляли Бахмут і Кліщіївку, повідомив губернатор Донецької області."
RU = "Минобороны России заявило об освобождении Артемовска. Бои продолжаются."
FR = "Les forces ukrainiennes ont reçu l'aide à Bruxelles, déclare le ministère. Ça été confirmé."
PAGE = b"""<!DOCTYPE html><html><head><title>Bakhmut shelled | Example News</title>
<meta property="article:published_time" content="2023-02-16T10:00:00Z">
<meta property="og:site_name" content="Example News"></head>
<body><nav><a href="/">Home</a> <a href="/odesa">Odesa desk</a></nav>
<script>document.title = "Lviv"; alert("x")</script><style>.kherson { color: red }</style>
<article><h1>Bakhmut shelled</h1>
<p>Russian forces shelled Bakhmut on Wednesday, the Donetsk regional governor said in a statement.</p>
<p>Ukraine said it repelled attacks near Krasna Hora and Paraskoviivka, according to the General Staff.</p>
</article><footer>Copyright Zaporizhzhia Media Group</footer></body></html>"""


def write(tmp_path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


# -- encodings --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "encoding"), [
    (UK, "cp1251"), (UK, "koi8_u"), (RU, "cp1251"), (RU, "koi8_u"), (FR, "latin_1"), (FR, "cp1252"),
    (UK + " Kyiv", "utf_8"), (UK, "utf_16"), (UK, "utf_8_sig"), (UK, "utf_16_le"), (UK, "utf_32"),
])
def test_encodings_are_detected(tmp_path, text, encoding):
    doc = read_input(write(tmp_path, "r.txt", text.encode(encoding)))
    assert doc.text == text  # no BOM left, no character changed


def test_short_cyrillic_words_are_detected(tmp_path):
    assert read_input(write(tmp_path, "a.txt", "Бахмут".encode("cp1251"))).text == "Бахмут"
    assert read_input(write(tmp_path, "b.txt", "Бахмут".encode("koi8_u"))).text == "Бахмут"


def test_explicit_encoding_wins_and_wrong_ones_are_explained(tmp_path):
    path = write(tmp_path, "r.txt", UK.encode("koi8_u"))
    assert read_input(path, encoding="koi8-u").text == UK
    with pytest.raises(InputError, match="not valid utf-8 at byte 0"):
        read_input(path, encoding="utf-8")
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        read_input(path, encoding="klingon")


def test_text_is_kept_exactly_for_offsets(tmp_path):
    text = "Bakh\u200bmut\r\nשלום \u202eKyiv\u202c — Бахмут\u200d!\r\n" + "x" * 200_000 + " Odesa"
    doc = read_input(write(tmp_path, "r.txt", text.encode("utf-8")))
    assert doc.text == text
    assert doc.text[doc.text.index("Kyiv") : doc.text.index("Kyiv") + 4] == "Kyiv"
    assert doc == InputDoc(text=text, path=doc.path)


# -- what is not a report ----------------------------------------------------------------------------


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("report.txt", UK)
    return buffer.getvalue()


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty"),
    (b" \n\t\r\n  ", "only whitespace"),
    ("\u200b\u200c\ufeff \n".encode(), "only whitespace"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "PNG image"),
    (_zip_bytes(), "zip archive"),
    (gzip.compress(UK.encode()), "gzip"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    (b"Kyiv\x00\x01\x02\x03 binary" * 10, "NUL bytes"),
    (bytes(range(1, 32)) * 50, "control bytes"),
])
def test_non_reports_are_refused(tmp_path, data, message):
    path = write(tmp_path, "r.txt", data)
    with pytest.raises(InputError, match=message) as info:
        read_input(path)
    assert str(info.value).startswith(path)  # names the input


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_input(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="is a directory"):
        read_input(str(tmp_path))


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path):
    path = write(tmp_path, "r.txt", b"Kyiv")
    os.chmod(path, 0)
    with pytest.raises(InputError, match="permission denied"):
        read_input(path)


def test_huge_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:  # sparse: 100 MB on paper, nothing on disk
        stream.truncate(100 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="the input is 100 MB; the limit is 20 MB"):
            read_input(str(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024


def test_limit_applies_to_streams_that_do_not_know_their_size(monkeypatch):
    stdin = io.TextIOWrapper(io.BytesIO(b"Kyiv " * 1000))
    monkeypatch.setattr(sys, "stdin", stdin)
    with pytest.raises(InputError, match="stdin: the input is larger than that; the limit is 1,000 bytes"):
        read_input("-", max_bytes=1000)


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(RU.encode("cp1251"))))
    doc = read_input("-")
    assert (doc.text, doc.path) == (RU, "-")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    with pytest.raises(InputError, match="stdin: the input is empty"):
        read_input("-")


# -- HTML --------------------------------------------------------------------------------------------


def test_html_file_gives_main_text_and_metadata(tmp_path):
    doc = read_input(write(tmp_path, "page.html", PAGE))
    assert "Russian forces shelled Bakhmut on Wednesday" in doc.text
    assert "Krasna Hora" in doc.text
    for boilerplate in ("alert", "Lviv", "kherson", "Odesa", "Zaporizhzhia", "Home"):
        assert boilerplate not in doc.text
    assert doc.title.startswith("Bakhmut shelled")
    assert doc.date.isoformat() == "2023-02-16"
    assert doc.source == "Example News"


def test_html_is_recognised_by_content_whatever_the_name(tmp_path):
    assert "Krasna Hora" in read_input(write(tmp_path, "page.txt", PAGE)).text


def test_html_without_article_text(tmp_path):
    with pytest.raises(InputError, match="no article text"):
        read_input(write(tmp_path, "page.html", b"<html><head><script>var a=1</script></head><body></body>"))


# -- URLs (a server on 127.0.0.1) --------------------------------------------------------------------


ROUTES: dict[str, tuple[int, dict[str, str], bytes, float]] = {
    "/article": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE, 0),
    "/plain": (200, {"Content-Type": "text/plain; charset=windows-1251"}, UK.encode("cp1251"), 0),
    "/image": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + bytes(100), 0),
    "/big": (200, {"Content-Type": "text/plain"}, b"Kyiv " * 10_000, 0),
    "/slow": (200, {"Content-Type": "text/plain"}, b"Kyiv", 3.0),
    "/redirect": (302, {"Location": "/article"}, b"", 0),
}


@contextmanager
def serve(chunked_big: bool = False) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            if self.path not in ROUTES:
                self.send_error(404, "Not Found")
                return
            status, headers, body, delay = ROUTES[self.path]
            time.sleep(delay)
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            if not (chunked_big and self.path == "/big"):  # no Content-Length: size known only by reading
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_url_html_page():
    with serve() as base:
        doc = read_input(f"{base}/redirect")
    assert "Russian forces shelled Bakhmut" in doc.text and "alert" not in doc.text
    assert doc.path == f"{base}/redirect" and doc.url == f"{base}/article"
    assert doc.date.isoformat() == "2023-02-16"


def test_url_plain_text_in_declared_charset():
    with serve() as base:
        assert read_input(f"{base}/plain").text == UK


@pytest.mark.parametrize(("path", "kwargs", "message"), [
    ("/image", {}, "sent image/png, not an HTML page or text"),
    ("/missing", {}, "HTTP 404"),
    ("/big", {"max_bytes": 1000}, "over the 1,000 bytes limit"),
    ("/slow", {"timeout_s": 0.3}, "no answer within 0.3 s"),
])
def test_url_refusals(path, kwargs, message):
    with serve() as base, pytest.raises(InputError, match=message):
        read_input(base + path, **kwargs)


def test_url_size_cap_without_content_length():
    with serve(chunked_big=True) as base, pytest.raises(InputError, match="over the 1,000 bytes limit"):
        read_input(f"{base}/big", max_bytes=1000)


def test_unreachable_host_says_offline():
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(InputError, match=r"cannot connect .*offline"):
        read_input(f"http://127.0.0.1:{port}/report")


def test_a_date_in_the_file_name_is_the_report_date(tmp_path):
    # hand-written for geomap tests: archives often name reports by their day
    report = tmp_path / "kharkiv-2024-05-14.txt"
    report.write_text("Russian forces shelled Kharkiv on Monday.", encoding="utf-8")
    assert read_input(str(report)).date == dt.date(2024, 5, 14)
    plain = tmp_path / "notes.txt"
    plain.write_text("Russian forces shelled Kharkiv on Monday.", encoding="utf-8")
    assert read_input(str(plain)).date is None
