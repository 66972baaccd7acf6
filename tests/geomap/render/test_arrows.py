import pytest
from geopy.distance import geodesic

from gazetteer import Place
from geomap.model import Mention, RelativePosition, ResolvedPlace
from geomap.render.arrows import arrow_row

BAKHMUT = Place(713174, "Bakhmut", 48.59419, 37.99886, "P", "PPL", "UA", "05")


def _north(distance_km: float, uncertainty_km: float) -> ResolvedPlace:
    tip = geodesic(kilometers=distance_km).destination((BAKHMUT.lat, BAKHMUT.lon), 0)
    relative = RelativePosition("offset", 0, 17, "4 km north of Bakhmut", 0.0, distance_km)
    return ResolvedPlace(Mention(10, 17, "Bakhmut", "bakhmut"), BAKHMUT, tip.latitude, tip.longitude, 0.8,
                         uncertainty_km=uncertainty_km, relative=relative)


def test_arrow_runs_from_the_anchor_to_the_point_with_its_circle():
    row = arrow_row(_north(4.0, 2.0), [0])
    assert row["from"] == [BAKHMUT.lat, BAKHMUT.lon]
    assert geodesic(row["from"], row["to"]).km == pytest.approx(4.0, abs=0.01)
    assert row["radius_m"] == 2000
    for barb in row["head"]:  # barbs trail behind the tip, i.e. south of it, about 1 km away
        assert barb[0] < row["to"][0]
        assert 0.5 < geodesic(barb, row["to"]).km < 1.5
    assert row["label"] == "4 km north of Bakhmut"


def test_plain_points_need_no_arrow_and_near_points_get_only_a_circle():
    plain = ResolvedPlace(Mention(0, 7, "Bakhmut", "bakhmut"), BAKHMUT, BAKHMUT.lat, BAKHMUT.lon, 0.9)
    assert arrow_row(plain, [0]) is None
    near = _north(0.0, 5.0)
    row = arrow_row(near, [0])
    assert "from" not in row and row["radius_m"] == 5000

