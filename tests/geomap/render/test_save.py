import folium
import pytest

from geomap.errors import GeomapError, OutputExistsError
from geomap.render import render_map, save_map


def test_save_writes_the_page_and_leaves_no_temporary_file(tmp_path, reference):
    out = save_map(render_map(reference), tmp_path / "map.html")
    assert out == tmp_path / "map.html"
    assert "geomap.markers(" in out.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def test_existing_file_is_kept_without_force(tmp_path):
    target = tmp_path / "map.html"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(OutputExistsError) as caught:
        save_map(folium.Map(), target)
    assert caught.value.exit_code == 3
    assert target.read_text(encoding="utf-8") == "mine"
    save_map(folium.Map(), target, force=True)
    assert "leaflet" in target.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(GeomapError, match="directory does not exist"):
        save_map(folium.Map(), tmp_path / "nowhere" / "map.html")
