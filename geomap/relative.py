"""Positions stated relative to a place: "3 km north of Bakhmut", "on the northern approaches to X".

War reports rarely name the spot where fighting happens; they name the nearest town and a direction.
Mapping such a claim on the town itself would be wrong by kilometres, so the phrase is parsed into a
:class:`RelativePosition` and the point is computed with geodesic offsets (geopy), with an uncertainty
radius that says how much the phrase leaves open.  The town stays in the report as the anchor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from geographiclib.geodesic import Geodesic
from geopy.distance import geodesic

from geomap.lexicon import COMPASS
from geomap.model import Mention, RelativePosition

__all__ = ["find_relative_positions", "relative_point"]

_DIR = (
    r"(?P<dir>north-?east(?:ern)?|north-?west(?:ern)?|south-?east(?:ern)?|south-?west(?:ern)?|"
    r"north(?:ern)?|south(?:ern)?|east(?:ern)?|west(?:ern)?)"
)
_THE_TOWN = r"(?:the\s+(?:city|town|village|settlement)\s+of\s+)?"
_UNITS = {
    "km": 1.0,
    "kilometer": 1.0,
    "kilometre": 1.0,
    "kilometers": 1.0,
    "kilometres": 1.0,
    "mile": 1.609,
    "miles": 1.609,
    "mi": 1.609,
    "км": 1.0,
    "кілометрів": 1.0,
    "километров": 1.0,
}

# (kind, pattern ending right before the anchor name, default distance km, uncertainty km)
_PATTERNS: list[tuple[str, re.Pattern[str], float, float]] = [
    (
        "offset",
        re.compile(
            r"(?P<dist>\d+(?:[.,]\d+)?)\s*(?P<unit>km|kilometers?|kilometres?|miles?|mi)\b\.?\s*(?:\([^)]{0,20}\)\s*)?"
            + _DIR
            + r"\s+of\s+"
            + _THE_TOWN
            + r"$",
            re.I,
        ),
        0.0,
        0.0,
    ),
    (
        "approach",
        re.compile(
            r"\b(?:on|at|along)\s+the\s+" + _DIR + r"\s+(?:approach(?:es)?|outskirts|edge|"
            r"end|flank|part|side)\s+(?:to|of)\s+" + _THE_TOWN + r"$",
            re.I,
        ),
        3.0,
        4.0,
    ),
    (
        "outskirts",
        re.compile(r"\b(?:on|at|in)\s+the\s+(?:outskirts|edge|suburbs)\s+of\s+" + _THE_TOWN + r"$", re.I),
        0.0,
        4.0,
    ),
    ("direction", re.compile(r"(?<![\w-])" + _DIR + r"\s+of\s+" + _THE_TOWN + r"$", re.I), 8.0, 8.0),
    (
        "near",
        re.compile(
            r"\b(?:near|nearby|close\s+to|outside|around|in\s+the\s+vicinity\s+of|not\s+far\s+from|"
            r"біля|поблизу|неподалік\s+від|під|около|возле|под|вблизи)\s+" + _THE_TOWN + r"$",
            re.I,
        ),
        0.0,
        10.0,
    ),
    ("between", re.compile(r"\b(?:between|між|между)\s+$", re.I), 0.0, 0.0),
]
_CYR_DIR = {
    "північ": 0.0,
    "північний схід": 45.0,
    "схід": 90.0,
    "південний схід": 135.0,
    "південь": 180.0,
    "південний захід": 225.0,
    "захід": 270.0,
    "північний захід": 315.0,
    "север": 0.0,
    "северо-восток": 45.0,
    "восток": 90.0,
    "юго-восток": 135.0,
    "юг": 180.0,
    "юго-запад": 225.0,
    "запад": 270.0,
    "северо-запад": 315.0,
}
_CYR_PATTERN = re.compile(r"(?:на|к)\s+(?P<dir>[а-яіїє-]+(?:\s+[а-яіїє]+)?)\s+(?:від|от)\s+$", re.I)
_WINDOW = 90
# Every phrase above ends in one of these words and white space; a mention after any other word (nearly
# all of them) needs no full search.  A window that is one word and white space is searched in full too:
# its word may start before the 30 characters looked at.  (Testing the ending of the text before the
# white space costs a tenth of what a regular expression anchored at its end does.)
_TAIL_WORDS = (
    "of", "to", "near", "nearby", "outside", "around", "from", "between", "біля", "поблизу", "від", "під",
    "около", "возле", "под", "вблизи", "між", "между", "от",
)  # fmt: skip
_ONE_WORD = re.compile(r"\w*")


def _may_state_a_position(window: str) -> bool:
    """Whether the words before a mention may end with a relative phrase, which the full search reads."""
    head = window.rstrip()
    if len(head) == len(window):
        return False  # no white space before the mention: "Kharkiv's", "(Bakhmut"
    return head.lower().endswith(_TAIL_WORDS) or _ONE_WORD.fullmatch(head) is not None


def find_relative_positions(text: str, mentions: Sequence[Mention]) -> dict[int, RelativePosition]:
    """Map the index of each anchor mention to the relative position the words before it state."""
    found: dict[int, RelativePosition] = {}
    for k, mention in enumerate(mentions):
        if not _may_state_a_position(text[max(0, mention.start - 30) : mention.start]):
            continue
        before = text[max(0, mention.start - _WINDOW) : mention.start]
        rel = _match_before(before, mention.start) or _match_cyrillic(before, mention.start)
        if rel is None:
            continue
        if rel.kind == "between":
            nxt = mentions[k + 1] if k + 1 < len(mentions) else None
            if nxt is None or not re.fullmatch(r"\s+(?:and|та|і|и)\s+", text[mention.end : nxt.start]):
                continue
            rel = RelativePosition("between", rel.start, nxt.end, text[rel.start : nxt.end])
        else:
            rel = RelativePosition(
                rel.kind,
                rel.start,
                mention.end,
                text[rel.start : mention.end],
                rel.bearing_deg,
                rel.distance_km,
            )
        found[k] = rel
    return found


def _match_before(before: str, anchor_start: int) -> RelativePosition | None:
    for kind, pattern, default_km, _ in _PATTERNS:
        match = pattern.search(before)
        if not match:
            continue
        groups = match.groupdict()
        bearing = COMPASS.get(groups["dir"].lower().replace("-", "")) if groups.get("dir") else None
        distance = default_km
        if groups.get("dist"):
            distance = float(groups["dist"].replace(",", ".")) * _UNITS.get(groups["unit"].lower(), 1.0)
        start = anchor_start - len(before) + match.start()
        return RelativePosition(kind, start, anchor_start, match.group(), bearing, distance)
    return None


def _match_cyrillic(before: str, anchor_start: int) -> RelativePosition | None:
    match = _CYR_PATTERN.search(before)
    if not match or match.group("dir").lower() not in _CYR_DIR:
        return None
    start = anchor_start - len(before) + match.start()
    return RelativePosition(
        "direction", start, anchor_start, match.group(), _CYR_DIR[match.group("dir").lower()], 8.0
    )


def _uncertainty(rel: RelativePosition) -> float:
    if rel.kind == "offset":
        return max(1.0, 0.3 * (rel.distance_km or 0.0))
    for kind, _, _, uncertainty in _PATTERNS:
        if kind == rel.kind:
            return uncertainty
    return 5.0


def relative_point(
    anchor: tuple[float, float],
    rel: RelativePosition,
    *,
    other: tuple[float, float] | None = None,
    anchor_radius_km: float = 0.0,
) -> tuple[float, float, float]:
    """The point a relative phrase names, and its uncertainty radius in km.

    ``other`` is the second anchor of "between X and Y".  A region anchor ("north of Donetsk Oblast")
    moves the point by the region's radius instead of a town's few kilometres.

    >>> lat, lon, km = relative_point((48.5944, 37.9998), RelativePosition("offset", 0, 0, "", 0.0, 3.0))
    >>> round(lat, 3), round(lon, 3), km
    (48.621, 37.999, 1.0)
    """
    if rel.kind == "between" and other is not None:
        line = Geodesic.WGS84.InverseLine(anchor[0], anchor[1], other[0], other[1])
        mid = line.Position(line.s13 / 2)
        return mid["lat2"], mid["lon2"], max(2.0, line.s13 / 2000)
    if rel.bearing_deg is None or not rel.distance_km:
        return anchor[0], anchor[1], max(_uncertainty(rel), anchor_radius_km)
    distance = rel.distance_km if rel.kind == "offset" or not anchor_radius_km else anchor_radius_km
    point = geodesic(kilometers=distance).destination(anchor, rel.bearing_deg)
    return point.latitude, point.longitude, max(_uncertainty(rel), anchor_radius_km / 2)
