"""Names the gazetteer does not know as written: spelling variants and misspellings, near the report.

Transliteration garbles Ukrainian and Russian village names ("Opiten" for Opytne, "Klishivka" for
Klishchiivka).  A global fuzzy search would find a lookalike of any word somewhere in the world, so a
name is matched only against the places around the report's settled places ("anchors"): first by
romanisation-independent skeleton (a variant spelling), then by similarity with a threshold.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from gazetteer import Gazetteer, Place, skeleton, transliterate
from geomap.model import Mention
from geomap.proximity import km_to

__all__ = ["match_misspelling", "similarity"]

#: how far from an anchor a misspelt neighbour is searched, and a variant spelling accepted
NEAR_KM = 30.0
VARIANT_KM = 100.0
#: skeleton similarity a misspelling needs
FUZZY_MIN = 0.78
#: countries whose names reach English through transliteration from Cyrillic, with its misspellings
CYRILLIC_COUNTRIES = frozenset({"UA", "RU", "BY", "KZ", "KG", "TJ", "MN", "BG", "RS", "MK", "ME", "BA", "MD"})


def match_misspelling(
    mention: Mention, anchors: list[Place], gazetteer: Gazetteer
) -> tuple[Place, float, str] | None:
    """A spelling variant or a near miss of a place close to ``anchors``: (place, confidence, method).

    A mention with no cue in the text (``hint == "weak"``) only takes a variant of the very same
    skeleton; a cued one ("the villages of Opiten") may also take a near miss.
    """
    if not anchors:
        return None
    variants = [
        p
        for form in (mention.surface, *mention.alternatives)
        for p in gazetteer.lookup_variant(form)
        if not p.is_region
    ]
    distances = [(km_to(p, anchors, beyond_km=VARIANT_KM + 1), p) for p in variants]
    close = [(km, p) for km, p in distances if km <= VARIANT_KM]
    if close:
        return min(close, key=lambda pair: pair[0])[1], 0.75, "variant"
    if mention.hint == "weak":
        return None
    best: tuple[float, Place] | None = None
    for form in (mention.surface, *mention.alternatives[:1]):
        for name, place in _names_near(anchors, gazetteer):
            ratio = similarity(form, name)
            if ratio >= FUZZY_MIN and (best is None or ratio > best[0]):
                best = (ratio, place)
    if best is None:
        return None
    return best[1], round(0.6 * best[0], 3), "fuzzy"


def _names_near(anchors: list[Place], gazetteer: Gazetteer) -> list[tuple[str, Place]]:
    """Names of the settlements around the anchors that transliteration can garble.

    Misspellings from transliteration happen to names written in Cyrillic; searching around places
    elsewhere would only find lookalikes of ordinary words.
    """
    names: dict[tuple[str, int], Place] = {}
    for anchor in anchors:
        if anchor.country not in CYRILLIC_COUNTRIES:
            continue
        for name, place in gazetteer.names_near(anchor.lat, anchor.lon, radius_km=NEAR_KM):
            names[(name, place.geonameid)] = place
    return [(name, place) for (name, _), place in names.items()]


def similarity(written: str, name: str) -> float:
    """How alike a written name and a gazetteer name are, across romanisations (0 to 1).

    The skeleton comparison forgives vowel and transliteration differences, the plain one keeps it
    honest: both must agree, so "War" does not become Vyr nor "Alaska" Oleshky.  Names that differ
    in their first letter or much in length are not compared at all.

    >>> round(similarity("Klishivka", "Klishchiivka"), 2), similarity("War", "Vyr")
    (0.94, 0.0)
    """
    a, b = skeleton(written), skeleton(name)
    if not a or not b or a[0] != b[0] or abs(len(a) - len(b)) > max(2, len(a) // 3):
        return 0.0
    loose = SequenceMatcher(None, a, b)
    if loose.quick_ratio() < FUZZY_MIN:
        return 0.0
    plain = SequenceMatcher(None, transliterate(written), transliterate(name)).ratio()
    return loose.ratio() if plain >= 0.6 else 0.0
