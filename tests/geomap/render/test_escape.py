import json

from geomap.render.escape import label_html, script_json


def test_script_json_cannot_close_the_script_element():
    text = "</script><script>alert(1)</script><!-- ' & \u2028"
    out = str(script_json({"quote": text}))
    assert "<" not in out and ">" not in out and "&" not in out and "'" not in out
    assert "\u2028" not in out
    assert json.loads(out) == {"quote": text}  # \u escapes are valid JSON, so the data survives intact


def test_label_html_escapes_markup():
    assert str(label_html("<img src=x onerror=alert(1)>")) == "&lt;img src=x onerror=alert(1)&gt;"
