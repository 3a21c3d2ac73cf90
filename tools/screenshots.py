"""Regenerate the report screenshots embedded in docs/report.md: ``python -m tools.screenshots``.

Renders ``factlog report sources/`` to a temporary file, opens it in headless Chromium
(:mod:`tools.browser`) and writes, under ``docs/images/``: the top of the page at desktop
(1280x800) and phone (390x844) widths, the first dispute, the timeline's first events and
the relay graph. The same corpus and browser give the same pictures.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from factlog import html_report, load
from tools.browser import DESKTOP, PHONE, launch

ROOT = Path(__file__).parent.parent
IMAGES = ROOT / "docs" / "images"


def main(argv: list[str] | None = None) -> int:
    """Write the screenshots into the folder given (default docs/images); print each path."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - a test dependency

    target = Path(argv[0]) if argv else IMAGES
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        page_path = Path(folder) / "report.html"
        page_path.write_text(html_report(load([ROOT / "sources"]), paths=["sources/"]), encoding="utf-8")
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
                page = browser.new_page(viewport=viewport)
                page.goto(page_path.as_uri(), wait_until="load")
                page.screenshot(path=str(target / f"report-{name}.png"))
                if name == "desktop":
                    page.locator("article.dispute").first.screenshot(path=str(target / "report-dispute.png"))
                    page.locator("#graph figure").screenshot(path=str(target / "report-graph.png"))
                    box = page.evaluate(
                        "(() => { const r = document.getElementById('timeline').getBoundingClientRect();"
                        " return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height}; })()"
                    )
                    clip = {**box, "height": min(box["height"], 760)}
                    page.screenshot(path=str(target / "report-timeline.png"), full_page=True, clip=clip)
                page.close()
            browser.close()
    for path in sorted(target.glob("report-*.png")):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
