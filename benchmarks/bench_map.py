"""Measure the map: HTML size and browser load time, for the reference article and for 10,000 events.

Run: ``python benchmarks/bench_map.py [--events 10000]``.  Load time is from navigation to the markers
(or clusters) being drawn, in headless Debian Chromium with every request answered locally (CDN files
from the installed XStatic packages, tiles refused), so it measures the page, not the network.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the checkout's geomap, whichever way it was installed

from gazetteer import Gazetteer  # noqa: E402
from geomap.render import render_map, save_map  # noqa: E402
from geomap.report import parse  # noqa: E402

__all__ = ["main"]


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _browser_load_s(browser, path: Path, *, offline: bool, cdn) -> float:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    if offline:
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    else:
        page.route("**/*", cdn.serve_cdn)
    start = time.perf_counter()
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_selector(".gm-marker, .marker-cluster", state="attached", timeout=120_000)
    elapsed = time.perf_counter() - start
    page.close()
    return elapsed


def _cases(n_events: int, gazetteer):
    text = (ROOT / "examples" / "bakhmut-2023-02-16.txt").read_text(encoding="utf-8")
    report = parse(text, date=dt.date(2023, 2, 16), gazetteer=gazetteer)
    synthetic = _load("handmade", ROOT / "tests" / "geomap" / "render" / "handmade.py").synthetic_report
    many = synthetic(n_events, days=60, places=n_events // 4)
    yield "reference article", report
    yield f"{n_events:,} synthetic events", many


def main() -> None:
    """Print size, render time and browser load time for each case, online and --offline."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    args = parser.parse_args()
    cdn = _load("browser_conftest", ROOT / "tests" / "browser" / "conftest.py")
    from playwright.sync_api import sync_playwright

    gazetteer = Gazetteer.open()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=cdn.CHROMIUM, args=cdn.ARGS)
        for label, report in _cases(args.events, gazetteer):
            for offline in (False, True):
                start = time.perf_counter()
                m = render_map(report, gazetteer=gazetteer, offline=offline)
                path = save_map(m, Path(tmp) / f"map-{offline}.html", force=True)
                render_s = time.perf_counter() - start
                loads = sorted(_browser_load_s(browser, path, offline=offline, cdn=cdn) for _ in range(3))
                mode = "offline" if offline else "online"
                size_mb = path.stat().st_size / 1e6
                print(f"{label:28} {mode:8} html {size_mb:6.2f} MB  render {render_s:5.2f} s"
                      f"  browser load (median of 3) {loads[1]:5.2f} s")
        browser.close()


if __name__ == "__main__":
    main()
