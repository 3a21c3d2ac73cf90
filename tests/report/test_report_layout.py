"""The HTML report's layout in a real browser: right-to-left names, the relay graph on a phone, filtered sections.

The browser and ``open_page`` come from ``conftest.py``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import attrs
from playwright.sync_api import Page

from factlog import Claim, ClaimSet, Evidence, check, html_report, load
from tests.helpers import ROOT, claim, world
from tests.report.colours import contrast
from tools.browser import PHONE

ARABIC = "وكالة الأنباء"
ARABIC_RELAY = "التلفزيون الرسمي"
HEBREW_RELAY = "סוכנות הידיעות"
LABEL_FLOOR_PX = 11.0  # the smallest label a phone reader can read without zooming

# The left and right edges, in CSS px, of the first occurrence of a text inside an element
# (the union of the boxes of a range over it: bidi reordering may split it in pieces).
_TEXT_BOX = """([selector, needle]) => {
  const walker = document.createTreeWalker(document.querySelector(selector), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const at = node.data.indexOf(needle);
    if (at < 0) { continue; }
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + needle.length);
    const boxes = Array.from(range.getClientRects());
    return [Math.min(...boxes.map(b => b.left)), Math.max(...boxes.map(b => b.right)), boxes[0].top];
  }
  return null;
}"""


def _write(claims: ClaimSet, path: Path) -> str:
    path.write_text(html_report(claims), encoding="utf-8")
    return path.as_uri()


def _right_to_left() -> ClaimSet:
    """A dispute whose denying holder has an Arabic name, relayed by an Arabic then a Hebrew outlet."""
    claims = world(
        claim("c1", holder="author", source="s1", when="2024/2025"),
        claim("c2", denied=True, holder="wire", source="s2", when="2025-06", via=("kcna", "tabloid")),
    )
    names = {"wire": ARABIC, "kcna": ARABIC_RELAY, "tabloid": HEBREW_RELAY}
    return attrs.evolve(claims, entities=tuple(attrs.evolve(e, name=names.get(e.id, e.name)) for e in claims.entities))


def _box(page: Page, selector: str, needle: str) -> tuple[float, float, float]:
    found = page.evaluate(_TEXT_BOX, [selector, needle])
    assert found is not None, f"{needle!r} not in {selector}"
    return found[0], found[1], found[2]


def test_arabic_holder_keeps_its_date_after_it(open_page: Callable[..., Page], tmp_path: Path) -> None:
    """In a dispute's title, the date after an Arabic holder's name stays on its right, not pulled before the name."""
    page = open_page(_write(_right_to_left(), tmp_path / "rtl.html"))
    for selector in ("#summary li a", "#disputes article h3"):
        name = _box(page, selector, ARABIC)
        date = _box(page, selector, "(2025-06)")
        assert date[2] > name[2] + 2 or name[1] <= date[0] + 0.5  # on a later line, or to the right on this one
    assert page.problems == []  # type: ignore[attr-defined]


def test_right_to_left_relays_keep_their_order(open_page: Callable[..., Page], tmp_path: Path) -> None:
    """Two right-to-left relays read left to right as the words travelled (innermost first), the arrow between them."""
    page = open_page(_write(_right_to_left(), tmp_path / "rtl.html"))
    page.locator("#claims-list > summary").click()
    who = "#claims-list li.claim:nth-child(2) .who"
    assert ARABIC in page.inner_text(who)
    holder, first, second = (_box(page, who, text) for text in (ARABIC, HEBREW_RELAY, ARABIC_RELAY))
    arrow = _box(page, who, "→")
    assert holder[1] <= first[0] <= first[1] <= arrow[0] <= arrow[1] <= second[0]


def test_relay_graph_is_legible_on_a_phone(open_page: Callable[..., Page], tmp_path: Path) -> None:
    """At 390 px the graph scrolls sideways in its own box: labels stay legible, the page does not overflow."""
    page = open_page(_write(load([ROOT / "sources"]), tmp_path / "corpus.html"), PHONE)
    sizes = page.evaluate(
        """() => Array.from(document.querySelectorAll('#graph svg text')).map(
             t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)"""
    )
    assert sizes
    assert min(sizes) >= LABEL_FLOOR_PX
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= inner
    box = page.locator("#graph svg").locator("xpath=..")
    assert box.evaluate("b => b.scrollWidth > b.clientWidth && getComputedStyle(b).overflowX === 'auto'")
    assert box.get_attribute("tabindex") == "0"  # the keyboard can scroll it too


_EMPTY_SECTIONS = """() => Array.from(document.querySelectorAll('main > section'))
  .filter(s => s.querySelector('[data-filter]') !== null)
  .filter(s => !s.hidden && !Array.from(s.querySelectorAll('[data-filter]')).some(i => i.closest('[hidden]') === null))
  .map(s => s.id)"""

# Each option of a filter chosen in turn, as a reader chooses it (the change event), in one round trip to the page:
# "#filter = value: section id" for each section left on the page with nothing in it.
_EMPTY_FOR_EACH_OPTION = f"""select => Array.from(select.options).slice(1).flatMap(option => {{
  select.value = option.value;
  select.dispatchEvent(new Event('input', {{bubbles: true}}));
  select.dispatchEvent(new Event('change', {{bubbles: true}}));
  return ({_EMPTY_SECTIONS})().map(id => '#' + select.id + ' = ' + option.value + ': ' + id);
}})"""


def test_filters_hide_sections_left_empty(open_page: Callable[..., Page], tmp_path: Path) -> None:
    """For every holder and every entity chosen, no section stays on the page with nothing in it."""
    page = open_page(_write(load([ROOT / "sources"]), tmp_path / "corpus.html"))
    assert page.locator("main h2").count() == page.locator("main > section > h2:first-child").count()  # one each
    for select in ("#filter-holder", "#filter-entity"):
        assert page.locator(select).evaluate(_EMPTY_FOR_EACH_OPTION) == []
        page.select_option(select, "")
    assert page.evaluate(_EMPTY_SECTIONS) == []
    assert page.locator("main > section:visible").count() == page.locator("main > section").count()


def test_filtered_counts_follow_the_filter(open_page: Callable[..., Page], tmp_path: Path) -> None:
    """Choosing a holder updates the counts the page shows: disputes in the summary, claims in the list."""
    page = open_page(_write(load([ROOT / "sources"]), tmp_path / "corpus.html"))
    total = page.locator("#claims-list li.claim").count()
    assert page.inner_text("#claims-list > summary").startswith(f"Show every claim ({total})")
    page.select_option("#filter-holder", "western-intelligence")
    shown = page.locator("#claims-list li.claim:not([hidden])").count()
    assert 0 < shown < total
    assert page.inner_text("#claims-list > summary").startswith(f"Show every claim ({shown} of {total} shown)")
    assert page.inner_text("#summary-count") == "1 of 4 disputes"
    page.select_option("#filter-holder", "")
    assert page.inner_text("#summary-count") == "4 disputes"


def test_wrapped_sides_stand_close_under_each_other(open_page: Callable[..., Page], tmp_path: Path) -> None:
    """Four values wrap onto two rows beside a tall assessment: the second row starts one gap under the first."""
    story = json.loads((Path(__file__).parent / "annotations" / "story.json").read_text(encoding="utf-8"))
    for number, (amount, holder) in enumerate(((800, "tribune"), (1000, "gazette"))):
        story["claims"].append(
            {
                "id": f"v{number}",
                "statement": f"{amount} logs were seized.",
                "proposition": {
                    "subject": "timber-seizure",
                    "predicate": "logs-seized",
                    "object": {"amount": amount, "unit": "logs"},
                },
                "attribution": {"holder": holder},
                "evidence": [{"source": f"{holder}-art", "quote": f"{amount} logs"}],
            }
        )
    (tmp_path / "story.json").write_text(json.dumps(story), encoding="utf-8")
    page = open_page(_write(load([tmp_path / "story.json"]), tmp_path / "report.html"))
    boxes = page.eval_on_selector_all(
        "article.dispute:has(.side:nth-child(4)) .side",
        "sides => sides.map(s => [s.getBoundingClientRect().top, s.lastElementChild.getBoundingClientRect().bottom])",
    )
    rows = sorted({round(top) for top, _ in boxes})
    assert len(rows) >= 2, boxes  # the test needs the sides to wrap
    first_bottom = max(bottom for top, bottom in boxes if round(top) == rows[0])
    assert rows[1] - first_bottom < 20, (rows, first_bottom)


def test_a_holder_that_publishes_its_own_words_keeps_the_holder_colour_ringed_green(
    open_page: Callable[..., Page], tmp_path: Path
) -> None:
    """Sudmark's ministry holds its denial and published the statement: orange, with a green ring."""
    page = open_page(_write(load([Path(__file__).parent / "annotations" / "story.json"]), tmp_path / "report.html"))
    paint = "g => { const s = getComputedStyle(g.querySelector('circle')); return [s.fill, s.stroke]; }"
    holder = page.eval_on_selector('g.node[data-entity="harbour-board"]', paint)
    outlet = page.eval_on_selector('g.node[data-entity="gazette"]', paint)
    ministry = page.eval_on_selector('g.node[data-entity="sud-trade"]', paint)
    assert ministry[0] == holder[0] != outlet[0]
    assert ministry[1] not in (holder[1], outlet[1])
    title = page.locator('g.node[data-entity="sud-trade"] title').text_content()
    assert title == "Sudmark Trade Ministry (holder that published its own words)"
    assert "orange ringed green" in page.inner_text("#graph .hint")


def test_a_holder_that_relays_others_claims_keeps_the_holder_colour_ringed_blue(
    open_page: Callable[..., Page], tmp_path: Path
) -> None:
    """KCNA says its own claim and passes the Chinese ministry's on: orange, ringed blue, named so in the legend."""
    claims = world(
        claim("c1", holder="kcna"),
        claim("c2", holder="mfa-prc", via=("kcna",), subject="prc", predicate="visits", obj="dprk"),
        claim("c3", holder="analysts", via=("tabloid",), subject="trump"),
    )
    page = open_page(_write(claims, tmp_path / "report.html"))
    paint = "g => { const s = getComputedStyle(g.querySelector('circle')); return [s.fill, s.stroke, s.strokeWidth]; }"
    holder = page.eval_on_selector('g.node[data-entity="analysts"]', paint)
    relay = page.eval_on_selector('g.node[data-entity="tabloid"]', paint)
    outlet = page.eval_on_selector('g.node[data-entity="author"]', paint)
    agency = page.eval_on_selector('g.node[data-entity="kcna"]', paint)
    assert agency[0] == holder[0] != relay[0]
    assert agency[1] not in (holder[1], relay[1], outlet[1])
    assert agency[2] != holder[2]  # a ring, as wide as a publishing holder's
    assert min(contrast(agency[1], "rgb(255, 255, 255)"), contrast(agency[1], agency[0])) >= 3  # a graphic's floor
    title = page.locator('g.node[data-entity="kcna"] title').text_content()
    assert title == "KCNA (holder that also passed others' claims on)"
    assert "orange ringed blue: holders that also passed others' claims on" in page.inner_text("#graph .hint")
    assert page.problems == []  # type: ignore[attr-defined]


_WORDING = "The satellite reached its planned orbit early on Tuesday morning after launch"


def _printed(id: str, holder: str, source: str) -> Claim:
    """A claim an outlet prints in its own voice, quoting the words every such claim shares."""
    return attrs.evolve(claim(id, holder=holder, source=source), evidence=(Evidence(source=source, quote=_WORDING),))


def test_only_disagreements_draw_contradiction_curves(open_page: Callable[..., Page], tmp_path: Path) -> None:
    """Outlets printing one wording and a hedge beside them draw no curve; the tabloid and the wire's quarrel does.

    Every line's tooltip names the holders as the page does, never by id.
    """
    claims = world(
        _printed("c1", "author", "s1"),
        _printed("c2", "paper-b", "s5"),  # shared_wording: the author and Paper B agree, word for word
        claim("c3", holder="kcna", source="s2", certainty="possible"),  # understated_certainty: a hedge, no quarrel
        claim("c4", "prc", "visits", "dprk", holder="tabloid", source="s2"),
        claim("c5", "prc", "visits", "dprk", denied=True, holder="wire", source="s2"),  # opposed_claims
    )
    assert {finding.rule for finding in check(claims).findings} >= {"shared_wording", "understated_certainty"}
    page = open_page(_write(claims, tmp_path / "report.html"))
    curves = page.eval_on_selector_all(
        "#graph path.contradiction",
        "paths => paths.map(p => [p.dataset.start, p.dataset.end, p.querySelector('title').textContent])",
    )
    assert curves == [["tabloid", "wire", "A tabloid and The wire contradict each other"]]  # named, not by id
    lines = page.eval_on_selector_all("#graph path.relay title", "titles => titles.map(t => t.textContent)")
    assert sorted(lines) == ["A tabloid → The wire: 1 claim", "KCNA → The wire: 1 claim"]
    assert "red dashed curves: holders whose claims cannot all be true" in page.inner_text("#graph .hint")
    assert page.problems == []  # type: ignore[attr-defined]
