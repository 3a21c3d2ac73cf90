"""Headless Chromium for the report's browser tests and screenshots.

Debian's ``chromium`` package driven by Playwright from PyPI (``executable_path``; no
``playwright install``, which would download a browser). ``--no-sandbox`` because CI runs
as root, where Chromium's sandbox refuses to start; ``--disable-dev-shm-usage`` because a
container's small /dev/shm crashes renderers. ``make browser`` installs Chromium with apt
when it is missing.
"""

from __future__ import annotations

import os
import shutil
from typing import Any

__all__ = ["CHROMIUM", "LAUNCH_ARGS", "PHONE", "DESKTOP", "launch"]

CHROMIUM = os.environ.get("FACTLOG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def launch(playwright: Any) -> Any:
    """A headless Chromium browser from a running ``sync_playwright()``; FileNotFoundError without one."""
    if not os.path.exists(CHROMIUM):
        raise FileNotFoundError(f"no Chromium at {CHROMIUM}: run `make browser` (apt-get install chromium)")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
