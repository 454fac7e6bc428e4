"""Screenshots of the app in headless Chromium, on a throwaway database with the demo data.

python scripts/screenshot.py                 # docs/dashboard.png and dashboard-phone.png (whole
                                             # pages), docs/screenshots/<lang>-first-screen-<w>.png
                                             # (what shows before scrolling: 1280x900, 375x812)
python scripts/screenshot.py --langs ar fa   # docs/screenshots/<lang>-{dashboard,report}.png
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from app import create_app  # noqa: E402
from data.migrate import upgrade  # noqa: E402
from intake.cli.commands import load_demo  # noqa: E402
from scripts.live import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--langs", nargs="*", default=[])
    parser.add_argument("--width", type=int, default=1280)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/shots.db"
        upgrade(url)
        app = create_app({"DATABASE_URL": url})
        load_demo(app.server.extensions["priorities_db"])
        with serve(app.server) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": args.width, "height": 900})
            screens = ROOT / "docs" / "screenshots"
            shots = (
                [
                    ("en", "", args.width, ROOT / "docs" / "dashboard.png"),
                    ("en", "", 375, ROOT / "docs" / "dashboard-phone.png"),
                    *(
                        (lang, "", width, screens / f"{lang}-first-screen-{width}.png")
                        for lang in ("en", "ar")
                        for width in (1280, 375)
                    ),
                ]
                if not args.langs
                else [
                    (lang, path, args.width, ROOT / "docs" / "screenshots" / f"{lang}-{name}.png")
                    for lang in args.langs
                    for path, name in (("", "dashboard"), ("report", "report"))
                ]
            )
            for lang, path, width, target in shots:
                first_screen = "first-screen" in target.name
                height = 812 if width <= 375 and first_screen else 900  # a phone's screen
                page.set_viewport_size({"width": width, "height": height})
                page.goto(f"{base}/{lang}/{path}")
                page.wait_for_selector("#dash-ranking .bars" if not path else "#report-submit")
                page.wait_for_timeout(800)
                target.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(target), full_page=not path and not first_screen)
                print(f"wrote {target.relative_to(ROOT)}")
            browser.close()


if __name__ == "__main__":
    main()
