"""Running the real ``geomap`` entry point in-process, as a user's shell would.

``CliRunner.invoke(cli, ...)`` bypasses :func:`geomap.cli.main`, the one place that turns errors into a
stderr line and an exit code; these tests must see exactly what a user sees, so they call ``main``
inside the runner's isolation (captured stdin/stdout/stderr) instead.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass

import pytest
from click.testing import CliRunner

from geomap.cli import main
from tests.conftest import EXAMPLE


@dataclass
class CliRun:
    exit_code: int
    stdout: str
    stderr: str


def _invoke(*args: str, input: str | bytes | None = None) -> CliRun:
    with CliRunner().isolation(input=input) as (out, err, _):
        try:
            main([str(a) for a in args])
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return CliRun(code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8"))


def assert_one_line_error(result: CliRun, phrase: str) -> None:
    """What a user must see on bad input: one ``geomap: error:`` line naming the problem, no traceback."""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("geomap: error: ") and phrase in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


@pytest.fixture
def example(tmp_path) -> str:
    """A private copy of the reference article, so a test that misbehaves cannot damage the real one."""
    path = tmp_path / "bakhmut.txt"
    shutil.copy(EXAMPLE, path)
    return str(path)


@pytest.fixture
def run_cli():
    """``run_cli("extract", path, input=b"...")`` → exit code, stdout and stderr of the real entry point."""
    return _invoke


# -- inputs that must never cost a traceback (hand-written for geomap tests) ----------------------------

UK = "Російські війська обстріляли Бахмут, повідомив губернатор Донецької області Павло Кириленко."
RU = "Минобороны России заявило, что войска заняли Клещеевку под Артемовском."
LATIN = "Les forces russes ont bombardé Kramatorsk, a déclaré le ministère à Bruxelles."


def _zip() -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("report.txt", "Russian forces shelled Bakhmut.")
    return buffer.getvalue()


#: name → (file bytes, what the one-line error must say)
REFUSED = {
    "empty.txt": (b"", "the input is empty"),
    "blank.txt": (b"   \n\t\n  \r\n", "only whitespace"),
    "image.png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(200), "PNG image"),
    "archive.zip": (_zip(), "zip archive"),
    "nul.txt": (b"Kyiv\x00\x00\x00\x01binary\x00" * 20, "NUL bytes"),
}

#: name → (file bytes, a word the decoded text must contain); all must be processed, exit 0
ACCEPTED = {
    "cp1251.txt": (UK.encode("cp1251"), "Бахмут"),
    "koi8u.txt": (RU.encode("koi8_u"), "Артемовском"),
    "latin1.txt": (LATIN.encode("latin-1"), "bombardé"),
    "mixed.txt": ("Russian forces shelled Bakhmut (Бахмут, Артемовск) and Kramatorsk — «Краматорськ».\n"
                  .encode(), "Бахмут"),
    "invisible.txt": ("Russian\u200b forces shelled \u202eBakhmut\u202c near \u2067Soledar\u2069, "
                      "the governor said.\u200f שלום مرحبا\n".encode(), "shelled"),
    "longline.txt": (("Russian forces shelled Bakhmut and Soledar on Monday, the governor said; " * 1500)
                     .encode(), "Soledar"),
}


@pytest.fixture
def refused_inputs(tmp_path):
    """Files no command may read, each with the phrase its error names; plus a directory and a gap."""
    folder = tmp_path / "refused"
    folder.mkdir()
    found = {}
    for name, (data, message) in REFUSED.items():
        (folder / name).write_bytes(data)
        found[name] = (str(folder / name), message)
    huge = folder / "huge.txt"
    with huge.open("wb") as stream:  # sparse: 100 MB to the file system's eye, no disk used
        stream.truncate(100 * 1024 * 1024)
    found["huge.txt"] = (str(huge), "the limit is 20 MB")
    (folder / "folder.txt").mkdir()
    found["folder.txt"] = (str(folder / "folder.txt"), "is a directory")
    found["missing.txt"] = (str(folder / "missing.txt"), "no such file")
    return found


@pytest.fixture
def accepted_inputs(tmp_path):
    """Awkward but readable files: legacy encodings, mixed scripts, invisible marks, one huge line."""
    folder = tmp_path / "accepted"
    folder.mkdir()
    found = {}
    for name, (data, word) in ACCEPTED.items():
        (folder / name).write_bytes(data)
        found[name] = (str(folder / name), word)
    return found
