"""The compiled build (``GEOMAP_COMPILE=1``, see setup.py) gives the same reports as the pure-Python one.

mypyc compiles the finder's, the resolver's and the claims stage's modules from the same sources, but
runs them with other rules (native classes, checked annotations): the same reports, parsed by both
builds in fresh processes, must come out identical.  The build takes about a minute.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.compiled import ROOT, build_compiled

# Written for this test: each names places the way the finder's and resolver's special cases read them.
HAND_WRITTEN = [
    ("Russian forces shelled Kharkiv and Bakhmut on Monday, the General Staff said.", "2024-05-13"),
    ("Fighting continued 3 km north of Bakhmut and on the outskirts of Avdiivka.", "2023-11-02"),
    ("Lloyd Austin met officials in Kyiv. Shelling hit the Luhansk and Donetsk regions.", "2023-06-01"),
    ("Окупанти обстріляли Херсон і Нікополь, повідомили в ОВА.", "2024-01-10"),
    ("В районе Авдеевки и под Кременной продолжаются бои.", "2024-01-11"),
    ("Shelling near the villages of Klishivka and Opiten, near Bakhmut.", "2023-03-01"),
    ("", None),
]
_CHILD = """
import json, sys
tree, inputs = sys.argv[1], sys.argv[2]
if tree:
    sys.path.insert(0, tree)
import geomap, geomap.mentions, geomap.resolve, gazetteer.index
from geomap.output.jsonl import report_record
modules = (geomap.mentions, geomap.resolve, gazetteer.index)
compiled = [m.__name__ for m in modules if not m.__file__.endswith(".py")]
print(json.dumps({"source": geomap.__file__, "compiled": compiled}))
for text, date in json.load(open(inputs, encoding="utf-8")):
    print(json.dumps(report_record(geomap.parse(text, date=date), file="")))
"""


def _documents() -> list[tuple[str, str | None]]:
    docs = list(HAND_WRITTEN)
    docs += [(path.read_text(encoding="utf-8"), None) for path in sorted((ROOT / "examples").glob("*.txt"))]
    war = ROOT.parent / "shared" / "eval" / "war"
    for path in sorted(war.glob("*.json")):  # absent beside a user's clone: the rest still runs
        data = json.loads(path.read_text(encoding="utf-8"))
        docs.append((data["text"], (data.get("published") or "")[:10] or None))
    return docs


def _parse_all(tree: Path | None, inputs: Path) -> tuple[dict, list[dict]]:
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(tree or ""), str(inputs)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    header, *reports = map(json.loads, result.stdout.splitlines())
    return header, reports


def _missing_build_tools() -> str:
    """What a C build lacks here, or "" (``.ci/run`` installs gcc and Python's headers)."""
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        return f"no C compiler ({compiler})"
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").exists():
        return "no Python headers (Python.h)"
    return ""


@pytest.fixture(scope="module")
def compiled_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    missing = _missing_build_tools()
    if missing:
        pytest.skip(f"the compiled build needs a C compiler and Python's headers: {missing}")
    return build_compiled(tmp_path_factory.mktemp("compiled"))


@pytest.mark.slow
def test_compiled_build_parses_like_the_sources(compiled_tree: Path, tmp_path: Path):
    docs = _documents()
    inputs = tmp_path / "inputs.json"
    inputs.write_text(json.dumps(docs), encoding="utf-8")
    pure_header, pure = _parse_all(None, inputs)
    compiled_header, compiled = _parse_all(compiled_tree, inputs)
    assert pure_header["compiled"] == []
    assert compiled_header["source"].startswith(str(compiled_tree))
    assert compiled_header["compiled"] == ["geomap.mentions", "geomap.resolve", "gazetteer.index"]
    assert len(compiled) == len(docs)
    assert sum(len(r["places"]) for r in pure) > 3 * len(docs)  # the comparison is about real output
    for doc, a, b in zip(docs, pure, compiled, strict=True):
        assert a == b, doc[0][:80]


@pytest.mark.slow
def test_version_names_the_build(compiled_tree: Path):
    def version(cwd: Path) -> str:  # python -m imports geomap from its working folder
        args = [sys.executable, "-m", "geomap", "--version"]
        return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()

    assert version(compiled_tree).endswith("(compiled with mypyc)")
    assert version(ROOT).endswith("(pure Python)")
