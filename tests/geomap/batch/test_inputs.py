"""Expanding batch arguments into report inputs (hand-written inputs for geomap tests)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from geomap.batch.inputs import expand_inputs
from geomap.errors import InputError


def test_directory_glob_and_files_expand_once_each(tmp_path):
    (tmp_path / "a.txt").write_text("Shelling of Kherson.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<html><body><p>Kyiv</p></body></html>", encoding="utf-8")
    (tmp_path / "sub" / "notes.md").write_text("ignored in folders", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    items = list(expand_inputs([str(tmp_path), str(tmp_path / "*.txt"), str(tmp_path / "a.txt")]))
    assert [i.origin for i in items] == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.html")]
    assert all(i.text is None and i.path for i in items)


def test_jsonl_records_carry_text_and_metadata(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps(
                    {
                        "text": "Kherson shelled.",
                        "date": "2023-03-01",
                        "url": "https://x.test/1",
                        "source": "S",
                        "title": "T",
                    }
                ),
                "",
                json.dumps({"text": "No date here."}),
                "{broken",
                json.dumps({"title": "no text"}),
                json.dumps({"text": "bad date", "date": "yesterday"}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    items = list(expand_inputs([str(path)], default_date=dt.date(2024, 1, 2)))
    assert [i.origin for i in items] == [f"{path}:{n}" for n in (1, 3, 4, 5, 6)]
    first, second, broken, textless, bad_date = items
    assert (first.text, first.date, first.url, first.source, first.title) == (
        "Kherson shelled.",
        dt.date(2023, 3, 1),
        "https://x.test/1",
        "S",
        "T",
    )
    assert second.date == dt.date(2024, 1, 2) and second.error is None
    assert "not valid JSON" in broken.error
    assert "text" in textless.error
    assert "YYYY-MM-DD" in bad_date.error
    assert len({i.key for i in items}) == 5


def test_json_file_with_one_object_or_a_list(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": "Odesa", "published": "2023-05-20"}), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": "Kyiv"}, {"text": "Lviv"}]), encoding="utf-8")
    items = list(expand_inputs([str(one), str(many)]))
    assert [(i.origin, i.text) for i in items] == [
        (str(one), "Odesa"),
        (f"{many}[0]", "Kyiv"),
        (f"{many}[1]", "Lviv"),
    ]
    assert items[0].date == dt.date(2023, 5, 20)


def test_key_follows_content_name_and_default_date(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Kherson.", encoding="utf-8")
    key = next(expand_inputs([str(path)])).key
    assert next(expand_inputs([str(path)])).key == key
    assert next(expand_inputs([str(path)], default_date=dt.date(2023, 1, 1))).key != key
    path.write_text("Kherson!", encoding="utf-8")
    assert next(expand_inputs([str(path)])).key != key


@pytest.mark.parametrize("spec", ["missing.txt", "nothing-*.txt"])
def test_names_that_match_nothing_are_errors(tmp_path, spec):
    with pytest.raises(InputError, match=r"no such file|matches no"):
        list(expand_inputs([str(tmp_path / spec)]))
