"""The HTML report in a real browser: headless Debian Chromium driven by Playwright.

The browser and ``open_page`` come from ``conftest.py``; each test opens its own page, but those that only
read the corpus's page share one (``corpus``).
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pytest
from playwright.sync_api import Page

from factlog import Attribution, ClaimSet, Evidence, Source, html_report, load
from tests.helpers import ROOT, claim, world
from tests.report.colours import contrast
from tools.browser import DESKTOP, PHONE

HOSTILE_SCRIPT = "<script>window.__pwned = 1</script>"
HOSTILE_ATTR = '" onmouseover="window.__pwned = 2" x="'
HOSTILE_URL = "JavaScript:window.__pwned = 3"
LONG_WORD = "x" * 300
SEED = (
    "Contradiction: China makes a high-level official visit to North Korea",
    "Contradiction: Donald Trump holds the office of President of the United States",
    "Conflicting values: Zhao Leji's visit to Pyongyang",
    "Opposed: North Korea supplies weapons to Russia",
)


@pytest.fixture(scope="module")
def corpus_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(html_report(load([ROOT / "sources"]), paths=["sources/"]), encoding="utf-8")
    return path.as_uri()


@pytest.fixture(scope="module")
def corpus(browser: Any, corpus_page: str) -> Iterator[Page]:
    """The corpus's page at desktop width, opened once for the tests that only read it (none clicks or types)."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(corpus_page, wait_until="load")
    yield page
    context.close()


def _hostile() -> ClaimSet:
    base = world(
        claim("c1", holder="author", source="s1", stated="2025-10"),
        claim("c2", denied=True, holder="wire", source="s6"),
    )
    bad_source = Source(id="s6", title=HOSTILE_ATTR, publisher="wire", url=HOSTILE_URL)
    claims = [
        attrs.evolve(base.claims[0], statement=HOSTILE_SCRIPT + LONG_WORD),
        attrs.evolve(
            base.claims[1],
            statement=HOSTILE_ATTR,
            attribution=Attribution(holder="wire", cue=HOSTILE_SCRIPT),
            evidence=(Evidence(source="s6", quote=HOSTILE_SCRIPT, start=0, end=len(HOSTILE_SCRIPT)),),
        ),
    ]
    return attrs.evolve(base, sources=(*base.sources, bad_source), claims=tuple(claims))


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("hostile") / "report.html"
    path.write_text(html_report(_hostile(), title=HOSTILE_SCRIPT), encoding="utf-8")
    return path.as_uri()


def _jpeg_size(data: bytes) -> tuple[int, int]:
    """The width and height in a JPEG's frame header (SOF0 to SOF2), in pixels."""
    assert data[:2] == b"\xff\xd8"
    at = 2
    while data[at + 1] not in (0xC0, 0xC1, 0xC2):
        at += 2 + int.from_bytes(data[at + 2 : at + 4], "big")
    height, width = struct.unpack(">HH", data[at + 5 : at + 9])
    return width, height


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("which", ["corpus_page", "hostile_page"])
def test_page_fits_the_screen_without_errors(
    open_page: Callable[..., Page], request: pytest.FixtureRequest, which: str, viewport: Any
) -> None:
    """At desktop and phone widths: a screenshot of that width, no sideways scrolling, no console output.

    The hostile page has a 300-letter word and must wrap it.
    """
    page = open_page(request.getfixturevalue(which), viewport)
    # A JPEG: the same full page, the same size, encoded in less than half the time of a PNG.
    assert _jpeg_size(page.screenshot(full_page=True, type="jpeg"))[0] == viewport["width"]
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= inner
    assert page.problems == []  # type: ignore[attr-defined]


def test_seed_disputes_come_first(corpus: Page) -> None:
    """The summary opens with the three seed contradictions, then the weapons dispute."""
    items = corpus.locator("#summary li").all_inner_texts()
    assert len(items) == 4
    for item, start in zip(items, SEED, strict=True):
        assert start in item
    assert corpus.locator("#disputes article.dispute").first.locator("h3").inner_text().startswith("ERROR")


def test_hostile_text_stays_text(open_page: Callable[..., Page], hostile_page: str) -> None:
    """Script tags, attribute breakouts and javascript: links in the data render as inert text."""
    page = open_page(hostile_page)
    body = page.inner_text("body")
    assert HOSTILE_SCRIPT + LONG_WORD in body
    assert HOSTILE_ATTR in body
    assert page.title() == HOSTILE_SCRIPT
    assert page.locator("script").count() == 1
    assert page.locator("[onmouseover]").count() == 0
    assert page.locator('a[href^="javascript:" i]').count() == 0
    assert page.locator(f'blockquote[title="{HOSTILE_ATTR.replace(chr(34), chr(92) + chr(34))}"]').count() >= 1
    page.locator("#claims-list > summary").click()
    for item in page.locator("blockquote, a").all():
        if item.is_visible():
            item.hover()
    assert page.locator("#claims-list a", has_text=HOSTILE_ATTR).count() == 0  # the unsafe link is plain text
    assert page.locator('a[href="#"]').count() == 0
    assert page.evaluate("window.__pwned") is None
    assert page.problems == []  # type: ignore[attr-defined]


def test_holder_filter_by_keyboard(open_page: Callable[..., Page], corpus_page: str) -> None:
    """Tab reaches the filters; choosing a holder by keyboard shows only what that holder said."""
    page = open_page(corpus_page)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "filter-entity"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "filter-holder"
    page.keyboard.type("Western")
    assert page.input_value("#filter-holder") == "western-intelligence"
    disputes = page.locator("#disputes article.dispute:visible h3").all_inner_texts()
    assert len(disputes) == 1
    assert SEED[3] in disputes[0]
    claims = page.locator("#claims-list li.claim:visible .who strong").all_inner_texts()
    assert claims
    assert set(claims) == {"Western intelligence assessments"}
    assert page.inner_text("#filter-count") == f"1 dispute, {len(claims)} claim{'s' * (len(claims) != 1)} shown"
    page.keyboard.press("Home")
    assert page.locator("#disputes article.dispute:visible").count() == page.locator("#disputes article").count()


def test_entity_filter(open_page: Callable[..., Page], corpus_page: str) -> None:
    """Choosing an entity keeps the disputes and events that involve it and hides the rest."""
    page = open_page(corpus_page)
    page.select_option("#filter-entity", "donald-trump")
    titles = page.locator("#summary li:visible").all_inner_texts()
    assert len(titles) == 1
    assert SEED[1] in titles[0]
    events = page.locator("#timeline li.event:visible h3").all_inner_texts()
    assert events
    assert all("Trump" in event for event in events)


def test_summary_links_move_focus_to_the_dispute(open_page: Callable[..., Page], corpus_page: str) -> None:
    """Tabbing past the filters reaches the first summary link; Enter goes to its dispute."""
    page = open_page(corpus_page)
    for _ in range(3):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "A"
    target = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == target
    assert page.locator(target).is_visible()


def test_bidi_overrides_are_shown_not_obeyed(open_page: Callable[..., Page], tmp_path: Any) -> None:
    """A right-to-left override in a name or statement reaches the page as a visible escape, never as a control."""
    spoof = "Kim \u202etxt.exe\u202c \u2067isolate\u2069"
    claims = world(claim("c1", holder="author", source="s1"), claim("c2", denied=True, holder="wire", source="s2"))
    entities = tuple(attrs.evolve(e, name=spoof) if e.id == "wire" else e for e in claims.entities)
    claims = attrs.evolve(
        claims, entities=entities, claims=(attrs.evolve(claims.claims[0], statement=spoof), claims.claims[1])
    )
    path = tmp_path / "bidi.html"
    path.write_text(html_report(claims, title=spoof), encoding="utf-8")
    page = open_page(path.as_uri())
    page.locator("#claims-list > summary").click()
    shown = page.inner_text("body") + page.title() + page.locator("svg").first.text_content()
    assert not any(ch in shown for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert "Kim \\u202etxt.exe\\u202c \\u2067isolate\\u2069" in page.inner_text("body")
    assert page.problems == []  # type: ignore[attr-defined]


def test_toolbar_count_matches_the_summary(open_page: Callable[..., Page], corpus: Page, tmp_path: Any) -> None:
    """The toolbar counts the disputes the summary counts, other findings apart, in singular for one."""
    summary = corpus.inner_text("#summary p")
    toolbar = corpus.inner_text("#filter-count")
    assert summary.startswith("9 findings: 3 errors, 2 warnings, 4 info. Joined on the claims they share")
    assert corpus.inner_text("#summary-count") == "4 disputes"
    assert toolbar.startswith("4 disputes, ")
    one = tmp_path / "one.html"
    one.write_text(html_report(world(claim("c1"), claim("c2", denied=True, holder="wire", source="s2"))), "utf-8")
    page = open_page(one.as_uri())
    assert page.inner_text("#filter-count") == "1 dispute, 2 claims shown"
    page.select_option("#filter-holder", "wire")
    assert page.inner_text("#filter-count") == "1 dispute, 1 claim shown"
    assert "2 claims from 5 sources" in page.inner_text("header")


_PAINTED_DATES = """event => Array.from(event.querySelectorAll('.date')).map(d => {
  const style = getComputedStyle(d);
  return [d.querySelector('strong').textContent, style.backgroundColor, style.borderTopColor, d.innerText];
})"""


def test_a_conflicting_event_marks_only_the_dates_that_clash(corpus: Page) -> None:
    """China's visit is affirmed in April 2024 and 2025 inside two denials: those four are marked, not 2019's visits."""
    event = corpus.locator("#timeline li.event", has_text="China makes a high-level official visit")
    assert event.locator(".badge").inner_text().casefold() == "affirmed and denied"
    calm = corpus.locator("#timeline li.event", has_text="Kim Jong Un meets Xi Jinping").evaluate(_PAINTED_DATES)
    plain = {(background, border) for _, background, border, _ in calm}  # an event with no conflict
    assert len(plain) == 1
    painted = event.evaluate(_PAINTED_DATES)
    clashing = {date for date, background, border, _ in painted if (background, border) not in plain}
    assert clashing == {"2020–2024", "2020–2025-10-05", "2024-04-11–2024-04-13", "2025-01–2025-10-05"}
    assert all(("clashes" in text) == (date in clashing) for date, _, _, text in painted)
    word, box = event.locator(".date.clash .clash-word").first.evaluate(
        "w => [getComputedStyle(w).color, getComputedStyle(w.closest('.date')).backgroundColor]"
    )
    assert contrast(word, box) >= 4.5


# For every id the page shows (rule, finding, claim, source; in code, or marked .id in a
# label or a date's claims): its text and the distinct tops of its line boxes, in CSS px.
_ID_LINES = """() => Array.from(document.querySelectorAll('main code, main .id'))
  .filter(c => c.getClientRects().length).map(c => {
  const range = document.createRange();
  range.selectNodeContents(c);
  return [c.textContent, Array.from(new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top))))];
})"""


def test_ids_stay_whole_on_a_phone(open_page: Callable[..., Page], corpus_page: str) -> None:
    """At 375 px no finding, rule, claim or source id is split across lines, and the page does not scroll sideways."""
    page = open_page(corpus_page, {"width": 375, "height": 812})
    page.locator("#claims-list > summary").click()
    shown = page.evaluate(_ID_LINES)
    assert any(text.startswith("f-") for text, _ in shown)  # the finding ids are among them
    assert "zhao-high-level-visit-this-year" in {text for text, _ in shown}  # in a label, in a date, in code
    assert [(text, tops) for text, tops in shown if len(tops) != 1] == []
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= inner
    assert page.problems == []  # type: ignore[attr-defined]


def test_an_id_wider_than_a_phone_scrolls_in_its_own_box(open_page: Callable[..., Page], tmp_path: Any) -> None:
    """A 120-letter claim id on one line at 375 px: its box scrolls sideways, the page does not."""
    long_id = "claim-" + "x" * 114
    claims = world(claim(long_id, holder="author", source="s1"), claim("c2", denied=True, holder="wire", source="s2"))
    path = tmp_path / "long.html"
    path.write_text(html_report(claims), encoding="utf-8")
    page = open_page(path.as_uri(), {"width": 375, "height": 812})
    shown = dict(page.evaluate(_ID_LINES))
    assert len(shown[long_id]) == 1
    box = page.locator("article.dispute code", has_text=long_id).first
    assert box.evaluate("c => c.scrollWidth > c.clientWidth && getComputedStyle(c).overflowX === 'auto'")
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= inner
    assert page.problems == []  # type: ignore[attr-defined]


def test_the_legend_opens_to_explain_belief_grades_and_labels(open_page: Callable[..., Page], corpus_page: str) -> None:
    """'How to read this' is folded above the disputes; opened, it says what belief, F and 'accepted' mean."""
    page = open_page(corpus_page)
    legend = page.locator("#legend")
    assert not legend.locator("dl").is_visible()
    legend.locator("summary").click()
    terms = legend.locator("dt").all_inner_texts()
    meanings = dict(zip(terms, legend.locator("dd").all_inner_texts(), strict=True))
    assert meanings["Belief"].startswith("the probability in [0, 1] that the method gives the proposition")
    assert "F reliability cannot be judged" in meanings["Grade (A–F)"]
    assert "not a verdict that it is true" in meanings["Claim accepted"]
    assert {"Status single-source", "Status denied-by-interested-party", "Weight"} <= set(terms)
    assert legend.locator("dl").is_visible()
