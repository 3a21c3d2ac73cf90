"""The browser the report's browser tests share: headless Debian Chromium driven by Playwright.

Never skipped: a missing browser is an error (``make browser`` installs it with apt).
One browser for the whole session; each test opens its own page, which records every
console message, page error and network request in ``page.problems``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, sync_playwright

from tools.browser import DESKTOP, launch


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    with sync_playwright() as playwright:
        found = launch(playwright)
        yield found
        found.close()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Callable[..., Page]]:
    contexts = []

    def _open(url: str, viewport: dict[str, int] = DESKTOP) -> Page:
        context = browser.new_context(viewport=viewport)
        contexts.append(context)
        page = context.new_page()
        problems: list[str] = []
        page.on("console", lambda m: problems.append(f"console.{m.type}: {m.text}"))
        page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
        page.on("request", lambda r: r.url.startswith(("file:", "data:")) or problems.append(f"request: {r.url}"))
        page.problems = problems  # type: ignore[attr-defined]
        page.goto(url, wait_until="load")
        return page

    yield _open
    for context in contexts:
        context.close()
