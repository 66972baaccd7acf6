from shapely.geometry import Point, Polygon

from gazetteer import Place
from geomap.render.regions import region_outline

DONETSK_OBLAST = Place(709716, "Donetsk Oblast", 48.0, 37.8, "A", "ADM1", "UA", "05", radius_km=97.0)


def _polygons(outline):
    return [Polygon([(lon, lat) for lat, lon in ring]) for ring in outline]


def test_oblast_outline_holds_its_towns_and_not_its_neighbours(gazetteer):
    shapes = _polygons(region_outline(DONETSK_OBLAST, gazetteer))

    def inside(lat, lon):
        return any(shape.contains(Point(lon, lat)) for shape in shapes)

    assert inside(48.59419, 37.99886)  # Bakhmut
    assert inside(48.28014, 37.17706)  # Pokrovsk
    assert not inside(49.98081, 36.25272)  # Kharkiv
    assert not inside(50.45466, 30.5238)  # Kyiv


def test_informal_region_covers_its_member_oblasts(gazetteer):
    donbas = Place(-1001, "Donbas", 48.3, 38.3, "L", "RGN", "UA", members=("05", "14"))
    shapes = _polygons(region_outline(donbas, gazetteer))
    assert any(s.contains(Point(39.30781, 48.56705)) for s in shapes)  # Luhansk city
    assert any(s.contains(Point(37.80224, 48.023)) for s in shapes)  # Donetsk city


def test_without_gazetteer_or_codes_regions_fall_back_to_circles(gazetteer):
    assert region_outline(DONETSK_OBLAST, None) is None
    ukraine = DONETSK_OBLAST._replace(feature_code="PCLI", admin1="")
    assert region_outline(ukraine, gazetteer) is None
