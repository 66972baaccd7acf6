"""The only two doors through which text reaches the page.

Report text is untrusted.  It is never formatted into HTML by Python: it travels as JSON inside a
``<script>`` block and the page's JavaScript inserts it with ``textContent``.  :func:`script_json` makes
that JSON safe to embed (no ``</script>``, no ``<!--``, no line separators); :func:`label_html` escapes
the few short labels (layer names) that Leaflet itself inserts as HTML.
"""

from __future__ import annotations

import json

from markupsafe import Markup, escape

__all__ = ["label_html", "script_json"]

_SCRIPT_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"})


def script_json(value: object) -> Markup:
    """Return JSON for a ``<script>`` block, with ``<``, ``>``, ``&`` and ``'`` as unicode escapes.

    ``ensure_ascii`` also escapes U+2028/U+2029, which older JavaScript parsers treat as line ends.
    The result is marked safe because nothing in it can close the script element.
    """
    text = json.dumps(value, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    return Markup(text.translate(_SCRIPT_UNSAFE))


def label_html(text: str) -> Markup:
    """Escape a label that Leaflet will insert with ``innerHTML`` (layer control entries)."""
    return escape(text)
