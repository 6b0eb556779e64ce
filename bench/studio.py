"""How fast the studio answers, measured in Debian's Chromium through Playwright:

1. fix to new take: on a copy of the sample book with its real voices, give a quote to another
   speaker in the page and time until the page has the re-rendered line loaded in its player
   (the manuscript written, the watch loop's incremental build, the event, the redraw, the audio);
2. a generated 3,000-line chapter: navigation start to the line list drawn and usable
   (the page's ``studio-interactive`` mark), the median of several loads.

    .venv/bin/python bench/studio.py [--fixes 4] [--loads 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from audiobook.studio import Studio, StudioServer

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def fix_to_new_take(browser: object, tmp: Path, fixes: int) -> list[float]:
    root = tmp / "sample"
    shutil.copytree(REPO / "manuscript", root / "manuscript")
    shutil.copytree(REPO / "voices", root / "voices")
    if (REPO / ".audiobook" / "cache").is_dir():
        shutil.copytree(REPO / ".audiobook" / "cache", root / ".audiobook" / "cache")
    server = StudioServer(Studio(root))
    server.start()
    times = []
    try:
        while server.studio.status["state"] not in ("built", "error"):
            time.sleep(0.1)
        page = browser.new_page()  # type: ignore[attr-defined]
        quotes = [ln for ch in server.studio.snapshot.prep.script.chapters for ln in ch.lines
                  if ln.kind == "dialogue" and ln.speaker in ("Daniel", "Liana")][:fixes]
        for ln in quotes:
            page.goto(server.url + f"#/chapter/{ln.chapter}")
            page.wait_for_selector("#lines .line")
            other = "Oliver"
            t0 = time.perf_counter()
            page.locator(f'.line[data-index="{ln.index}"] select.reassign').select_option(other)
            page.wait_for_function(
                "i => { const r = document.querySelector(`.line[data-index='${i}']`);"
                " return r && r.dataset.speaker === 'Oliver' && r.dataset.audio === 'true'"
                " && player.dataset.key === r.dataset.key && player.readyState >= 1; }", arg=ln.index, timeout=60_000)
            times.append(time.perf_counter() - t0)
            print(f"  {ln.text[:40]!r} -> {other}: {times[-1]:.2f} s ({server.studio.status.get('summary')})")
        page.close()
    finally:
        server.stop()
    return times


def big_chapter(browser: object, tmp: Path, loads: int) -> list[float]:
    names = ["Ada", "Ben", "Cleo"]
    (tmp / "big" / "manuscript").mkdir(parents=True)
    (tmp / "big" / "voices").mkdir()
    paras = [f"{names[i % 3]} turned to the window. “Line {i + 1} is mine,” said {names[i % 3]}." for i in range(1000)]
    (tmp / "big" / "manuscript" / "01-big.md").write_text("# Big\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
    (tmp / "big" / "voices" / "default.yaml").write_text(
        "voices:\n  narr: {engine: test, model: narrator}\ncast:\n  Narrator: narr\n", encoding="utf-8")
    t0 = time.perf_counter()
    studio = Studio(tmp / "big", build=False)
    print(f"  {len(studio.snapshot.chapter(1).lines)} lines; script and plan in {time.perf_counter() - t0:.2f} s")
    server = StudioServer(studio)
    server.start()
    times = []
    try:
        for _ in range(loads):
            page = browser.new_page()  # type: ignore[attr-defined]
            page.goto(server.url + "#/chapter/1")
            page.wait_for_selector("#lines .line")
            times.append(page.evaluate("performance.getEntriesByName('studio-interactive')[0].startTime") / 1000)
            page.close()
    finally:
        server.stop()
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fixes", type=int, default=4)
    ap.add_argument("--loads", type=int, default=5)
    args = ap.parse_args()
    os.environ.setdefault("AUDIOBOOK_SERVER", "0")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox",
                                                                   "--autoplay-policy=no-user-gesture-required"])
        print("fix to new take (sample book, real voices):")
        fixes = fix_to_new_take(browser, Path(tmp), args.fixes)
        print("3,000-line chapter, navigation to interactive:")
        loads = big_chapter(browser, Path(tmp), args.loads)
        browser.close()
    print(f"fix to new take: median {statistics.median(fixes):.2f} s, max {max(fixes):.2f} s ({len(fixes)} fixes)")
    print(f"3,000-line chapter interactive: median {statistics.median(loads) * 1000:.0f} ms, "
          f"max {max(loads) * 1000:.0f} ms ({len(loads)} loads)")


if __name__ == "__main__":
    main()
