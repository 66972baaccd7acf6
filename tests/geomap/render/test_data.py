from geomap.render.data import collect


def test_events_at_one_place_share_a_placement(reference):
    data = collect([reference])
    names = [data.places[p.place_index]["name"] for p in data.placements]
    # Bakhmut itself and two relative positions north of it are three distinct points
    assert names.count("Bakhmut") == 3
    assert len(data.placements) == 9 and len(data.events) == 9
    assert sum(p.place.is_region for p in data.placements) == 1


def test_highlight_offsets_point_at_the_place_name(reference):
    data = collect([reference])
    for event in data.events:
        for mark in event["at"]:
            assert mark["s"] is not None
            name = event["quote"][mark["s"] : mark["e"]]
            assert name in {"Luhansk region", "Kiev", "Bakhmut", "Opiten", "Krasna Hora", "Pokrovsk",
                            "Brussels"}


def test_only_web_urls_become_links(handmade):
    data = collect([handmade.hostile_report()])
    assert data.reports[0]["url"] is None
    assert data.reports[0]["title"] == "<script>alert('title')</script>"  # kept as text, escaped later


def test_dates_are_the_distinct_event_days(handmade):
    data = collect([handmade.synthetic_report(200, days=5)])
    assert len(data.dates) == 5 and data.dates == sorted(data.dates)
