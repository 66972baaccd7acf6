"""The map's visual vocabulary: one colour per claimant side, one icon per event type.

Kept in one table so the markers, the legend and the layer control always agree.  Icons are Font Awesome
6 solid glyph names, available both from the CDN and, for ``--offline``, from XStatic-Font-Awesome.
"""

from __future__ import annotations

__all__ = ["DEFAULT_ICON", "SIDE_COLOURS", "SIDE_LABELS", "TYPE_ICONS", "TYPE_LABELS", "type_label"]

#: colour-blind-safe pairs (Okabe–Ito): Russia vermillion, Ukraine blue, third parties green, nobody grey
SIDE_COLOURS = {"RU": "#d55e00", "UA": "#0072b2", "third": "#009e73", "none": "#7f7f7f"}

SIDE_LABELS = {
    "RU": "Russian claims",
    "UA": "Ukrainian claims",
    "third": "Third-party claims",
    "none": "Unattributed",
}

TYPE_ICONS = {
    "advance": "arrow-right",
    "capture": "flag",
    "retreat": "arrow-left",
    "repelled_attack": "shield-halved",
    "attack": "crosshairs",
    "shelling": "bomb",
    "air_strike": "plane",
    "drone_strike": "helicopter",
    "missile_strike": "rocket",
    "casualties": "user-injured",
    "aid_or_diplomacy": "handshake",
    "other": "circle-info",
}

DEFAULT_ICON = "circle-info"

TYPE_LABELS = {
    "repelled_attack": "Repelled attack",
    "air_strike": "Air strike",
    "drone_strike": "Drone strike",
    "missile_strike": "Missile strike",
    "aid_or_diplomacy": "Aid or diplomacy",
}


def type_label(event_type: str) -> str:
    """Human wording of an event type; unknown types are shown as written, never dropped."""
    return TYPE_LABELS.get(event_type, event_type.replace("_", " ").capitalize() or "Other")
