"""Screenshot of the studio's chapter view for the README (docs/studio-chapter.png).

Opens the studio on a temporary copy of the sample book (its line cache copied too, when the
repository has one, so only what is missing is rendered), waits for the build, and photographs a
chapter with Debian's Chromium through Playwright. Nothing of the repository but the PNG is written.

    .venv/bin/python bench/studio_screenshot.py [--chapter 2] [-o docs/studio-chapter.png]
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from audiobook.studio import Studio, StudioServer

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chapter", type=int, default=2)
    ap.add_argument("-o", "--output", type=Path, default=REPO / "docs" / "studio-chapter.png")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = ap.parse_args()
    os.environ.setdefault("AUDIOBOOK_SERVER", "0")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "sample"
        shutil.copytree(REPO / "manuscript", root / "manuscript")
        shutil.copytree(REPO / "voices", root / "voices")
        if (REPO / ".audiobook" / "cache").is_dir():
            shutil.copytree(REPO / ".audiobook" / "cache", root / ".audiobook" / "cache")
        server = StudioServer(Studio(root))
        server.start()
        try:
            t0 = time.monotonic()
            while server.studio.status["state"] not in ("built", "error"):
                time.sleep(0.2)
            print(f"built in {time.monotonic() - t0:.1f} s: {server.studio.status.get('summary', '')}")
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=args.chromium, args=["--no-sandbox"])
                page = browser.new_page(viewport={"width": 1200, "height": 860})
                page.goto(server.url + f"#/chapter/{args.chapter}")
                page.wait_for_selector("#lines .line")
                page.wait_for_load_state("networkidle")
                page.locator("#lines .line.dialogue button.play").first.click()
                page.wait_for_function("player.readyState >= 1")
                args.output.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(args.output))
                browser.close()
        finally:
            server.stop()
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
