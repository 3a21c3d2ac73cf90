"""What a reader sees of the HTML report in a browser: each claim once per dispute, headings as written, clear edges.

The story in ``tresk/``: a state news agency's death toll for a shelling relayed by two
outlets (Daily Meridian and Ostrava Wire, 14 and 12 dead), and the accused ministry's
denial, read in its own statement and in the wire. The browser and ``open_page`` come
from ``conftest.py``; the tests that only read the story's page share one (``story``).
"""

from __future__ import annotations

import bisect
import itertools
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from factlog import html_report, load
from factlog.report._route import crosses
from tests.helpers import ROOT, generated_lines
from tools.browser import DESKTOP, PHONE

STORY = Path(__file__).parent / "tresk"

# Every claim row of every dispute: the dispute's id and the claim id the row shows.
_ROWS = """() => Array.from(document.querySelectorAll('article.dispute')).flatMap(
  a => Array.from(a.querySelectorAll('li.claim .who code:last-of-type')).map(c => [a.id, c.textContent]))"""

# The boxes (SVG user units) of every node of the relay graph, circle and label together,
# and every straight segment of every edge, with the two nodes the edge joins.
_GRAPH = """() => {
  const svg = document.querySelector('#graph svg');
  const nodes = Array.from(svg.querySelectorAll('g.node')).map(g => {
    const b = g.getBBox();
    return [g.dataset.entity, b.x, b.y, b.x + b.width, b.y + b.height];
  });
  const edges = Array.from(svg.querySelectorAll('.edge')).map(e => {
    let points;
    const d = (e.getAttribute('d') || '').trim().split(/ +/);
    if (e.tagName === 'line') {
      points = [[+e.getAttribute('x1'), +e.getAttribute('y1')], [+e.getAttribute('x2'), +e.getAttribute('y2')]];
    } else if (d.every((token, at) => at % 3 !== 0 || token === (at === 0 ? 'M' : 'L'))) {
      points = [];  // a polyline, "M x y L x y ...": its corners as written
      for (let at = 0; at < d.length; at += 3) { points.push([+d[at + 1], +d[at + 2]]); }
    } else if (d.length === 8 && d[0] === 'M' && d[3] === 'Q') {
      // A quadratic curve, followed in steps of at most 2 px (its control polygon is longer than it).
      const [x0, y0, cx, cy, x1, y1] = [1, 2, 4, 5, 6, 7].map(at => +d[at]);
      const steps = Math.ceil((Math.hypot(cx - x0, cy - y0) + Math.hypot(x1 - cx, y1 - cy)) / 2);
      points = [];
      for (let step = 0; step <= steps; step += 1) {
        const t = step / steps, a = (1 - t) * (1 - t), b = 2 * t * (1 - t), c = t * t;
        points.push([a * x0 + b * cx + c * x1, a * y0 + b * cy + c * y1]);
      }
    } else {
      const length = e.getTotalLength();  // a curve is followed in 2 px steps: each step a straight segment
      points = [];
      for (let at = 0; at < length; at += 2) { const p = e.getPointAtLength(at); points.push([p.x, p.y]); }
      const end = e.getPointAtLength(length);
      points.push([end.x, end.y]);
    }
    return [e.dataset.start, e.dataset.end, points];
  });
  return JSON.stringify([nodes, edges]);  // one string: Playwright is slow to pass many small arrays
}"""


def _page(open_page: Callable[..., Page], folder: Path, out: Path, viewport: dict[str, int] = DESKTOP) -> Page:
    out.write_text(html_report(load([folder]), paths=[folder.name]), encoding="utf-8")
    return open_page(out.as_uri(), viewport)


@pytest.fixture(scope="module")
def story(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    """The story's page at desktop width, opened once for the tests that only read it (none clicks, types or hovers)."""
    out = tmp_path_factory.mktemp("story") / "story.html"
    out.write_text(html_report(load([STORY]), paths=[STORY.name]), encoding="utf-8")
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(out.as_uri(), wait_until="load")
    yield page
    context.close()


def test_crosses_sees_a_segment_through_a_box_and_not_one_beside_it() -> None:
    """The router's clipping, which the graph test measures the page with: through, beside, short of, along a box."""
    box = (10.0, 10.0, 20.0, 20.0)
    assert crosses((0, 15), (30, 15), box)
    assert crosses((15, 0), (15, 30), box)
    assert not crosses((0, 25), (30, 25), box)
    assert not crosses((0, 15), (9, 15), box)
    assert not crosses((0, 10), (30, 10), box)  # along the top edge: touching is not crossing
    assert crosses((0, 0), (30, 30), box)


def test_each_claim_is_shown_once_per_dispute(story: Page) -> None:
    """A claim on one side of a dispute is one row, not one row per finding that names it."""
    rows = story.evaluate(_ROWS)
    assert rows
    assert len(rows) == len({tuple(row) for row in rows}), rows
    assert {claim for _, claim in rows} >= {"wire-shelled", "meridian-shelled", "wire-denial", "mod-rejects"}


def test_a_claim_row_carries_its_side_origin_and_interest(story: Page) -> None:
    """The ministry's denial stands under the denying side, under its origin, marked as an interested party's."""
    dispute = story.locator("article.dispute", has_text="Contradiction: Corva shells Tresk")
    denying = dispute.locator(".side", has_text="Denying")
    assert denying.locator(".origin h5").first.inner_text().startswith("Origin: Corva")
    row = denying.locator("li.claim", has_text="mod-rejects")
    assert "interested party" in row.inner_text()
    affirming = dispute.locator(".side", has_text="Affirming")
    assert affirming.locator(".origin").count() == 1  # two outlets, one origin: the news agency
    assert "2 claims from 1 origin" in affirming.locator("h4").inner_text()
    assert "interested party" not in affirming.inner_text()


def test_headings_show_values_and_names_as_written(story: Page) -> None:
    """A side named by a value reads "14 civilians", not "14 Civilians"; the checks' own side words get a capital."""
    headings = story.locator("article.dispute .side h4").all_inner_texts()
    assert any(text.startswith("14 civilians") for text in headings), headings
    assert any(text.startswith("Affirming") for text in headings), headings
    transforms = story.locator("h4, h5").evaluate_all("hs => hs.map(h => getComputedStyle(h).textTransform)")
    assert set(transforms) == {"none"}


@pytest.mark.parametrize("folder", [STORY, ROOT / "sources"], ids=["story", "sources"])
def test_no_graph_edge_runs_through_a_node_it_does_not_join(
    open_page: Callable[..., Page], tmp_path: Path, folder: Path
) -> None:
    """Every straight piece of every edge misses the box (circle and label) of every node but its two ends."""
    page = _page(open_page, folder, tmp_path / "page.html")
    assert _crossings(page) == []


def test_no_edge_of_a_dense_generated_graph_runs_through_a_node(open_page: Callable[..., Page], tmp_path: Path) -> None:
    """2,000 generated claims (679 lines, 80 names in two tall columns): every line is led clear of the nodes.

    Lines between rows far apart slant steeply past the neighbours of their ends; they
    must run level beside a column and slant only between columns.
    """
    (tmp_path / "set").mkdir()
    generated_lines(tmp_path / "set", 2000)
    page = _page(open_page, tmp_path / "set", tmp_path / "page.html")
    assert page.locator("#graph path.edge").count() == 679  # 713 while echoes and hedges drew contradictions
    assert "too many to lead each line" not in page.inner_text("#graph")
    assert _crossings(page) == []


def _crossings(page: Page) -> list[tuple[str, str, str]]:
    """The (start, end, node) of every edge with a straight piece through a node's box in the page, but its ends'."""
    nodes, edges = json.loads(page.evaluate(_GRAPH))
    assert nodes
    assert edges
    assert all(start and end for start, end, _ in edges)
    boxes = sorted((top, node, (left, top, right, bottom)) for node, left, top, right, bottom in nodes)
    tops = [top for top, _, _ in boxes]
    tallest = max(box[3] - box[1] for _, _, box in boxes)
    hits = set()
    for start, end, points in edges:
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            # Only the boxes whose top lies within the tallest box's height above the segment can meet it.
            low, high = bisect.bisect_left(tops, min(y0, y1) - tallest), bisect.bisect_right(tops, max(y0, y1))
            for _, node, box in boxes[low:high]:
                if node not in (start, end) and crosses((x0, y0), (x1, y1), box):
                    hits.add((start, end, node))
    return sorted(hits)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_story_reads_without_overflow(
    open_page: Callable[..., Page], tmp_path: Path, viewport: dict[str, int]
) -> None:
    """At desktop and phone widths the story's page does not scroll sideways and logs nothing."""
    page = _page(open_page, STORY, tmp_path / "story.html", viewport)
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= inner
    assert page.problems == []  # type: ignore[attr-defined]


def test_a_shelling_affirmed_and_denied_for_one_day_is_not_called_conflicting_dates(story: Page) -> None:
    """Both sides give 2026-03-03: the timeline's badge says affirmed and denied, not conflicting dates."""
    event = story.locator("#timeline li.event", has_text="Corva shells Tresk")
    assert event.locator(".badge").inner_text().casefold() == "affirmed and denied"
