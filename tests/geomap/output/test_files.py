from __future__ import annotations

import os
import stat

import pytest

from geomap.errors import InputError, OutputExistsError
from geomap.output.files import atomic_writer, check_output, write_atomic


def test_writes_new_file_with_normal_permissions(tmp_path):
    out = write_atomic(tmp_path / "a.jsonl", "{}\n", force=False)
    assert out.read_bytes() == b"{}\n"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["a.jsonl"]  # no temporary left behind


def test_existing_output_needs_force(tmp_path):
    out = tmp_path / "a.csv"
    out.write_text("precious")
    with pytest.raises(OutputExistsError, match="--force"):
        write_atomic(out, "new", force=False)
    assert out.read_text() == "precious"
    write_atomic(out, b"new", force=True)
    assert out.read_bytes() == b"new"


def test_failure_midway_leaves_the_old_file_and_no_temporary(tmp_path):
    out = tmp_path / "a.geojson"
    out.write_text("old")
    with pytest.raises(RuntimeError), atomic_writer(out, force=True) as stream:
        stream.write("half")
        raise RuntimeError("disk full")
    assert out.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.geojson"]


def test_never_overwrites_an_input_even_with_force(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("Kyiv")
    with pytest.raises(InputError, match="input"):
        write_atomic(report, "x", force=True, inputs=[str(report)])
    link = tmp_path / "link.txt"
    link.symlink_to(report)
    with pytest.raises(InputError, match="input"):
        check_output(link, force=True, inputs=[str(report)])
    assert report.read_text() == "Kyiv"


def test_directory_and_missing_folder_are_refused(tmp_path):
    with pytest.raises(InputError, match="directory"):
        check_output(tmp_path, force=True)
    with pytest.raises(InputError, match="does not exist"):
        check_output(tmp_path / "nope" / "a.html", force=False)
