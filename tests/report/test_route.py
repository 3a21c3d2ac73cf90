"""The relay graph's router without a browser: lines led through the columns of a layered drawing, clear of the nodes.

The boxes are the router's own estimates (:func:`label_box`, :func:`text_box`), which err
large; the browser tests in ``test_report_reading.py`` measure the boxes Chromium lays out.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from factlog import Index, check, load
from factlog.report._graph import _COLUMN_WIDTH, _MARGIN_X, _MARGIN_Y, _ROW_HEIGHT, _label, relay_graph
from factlog.report._route import Box, Columns, Field, Point, crosses, label_box, route, text_box
from tests.helpers import generated_lines

Layout = dict[str, tuple[Point, str, str]]  # node: centre, label, side


def _layout(columns: list[list[str]]) -> Layout:
    """Nodes placed as the relay graph places them: a column apart, a row apart, short columns centred."""
    tallest = max(len(labels) for labels in columns)
    last = len(columns) - 1
    placed = {}
    for number, labels in enumerate(columns):
        side = "left" if number == 0 else "right" if number == last else "below"
        for row, label in enumerate(labels):
            y = _MARGIN_Y + ((tallest - len(labels)) / 2 + row) * _ROW_HEIGHT
            placed[f"n{number}-{row}"] = ((_MARGIN_X + number * _COLUMN_WIDTH, y), label, side)
    return placed


def _router(layout: Layout) -> tuple[dict[str, Box], Field, Columns]:
    boxes = {node: label_box(*centre, label, side) for node, (centre, label, side) in layout.items()}
    field = Field()
    for node, box in boxes.items():
        field.add(box, node)
    return boxes, field, Columns(boxes, {node: centre for node, (centre, _, _) in layout.items()})


def _hits(points: tuple[Point, ...], boxes: dict[str, Box], ends: tuple[str, str]) -> list[str]:
    """The nodes but ``ends`` whose box a piece of the line crosses."""
    return sorted(
        {
            node
            for node, box in boxes.items()
            if node not in ends
            for a, b in itertools.pairwise(points)
            if crosses(a, b, box)
        }
    )


def _height_at(points: tuple[Point, ...], x: float) -> float:
    """Where the line (left to right) passes ``x``."""
    (a, b), *_ = ((a, b) for a, b in itertools.pairwise(points) if a[0] <= x <= b[0] and a[0] < b[0])
    return a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])


_LABELS = st.text(alphabet="abcdefghij ", min_size=1, max_size=40)


@given(
    st.lists(st.lists(_LABELS, min_size=1, max_size=9), min_size=2, max_size=5),
    st.data(),
)
def test_an_edge_between_two_columns_is_always_led_clear(columns: list[list[str]], data: st.DataObject) -> None:
    """Any layered layout (labels up to 40 letters), two nodes in different columns: a line misses every other box."""
    layout = _layout(columns)
    boxes, field, lanes = _router(layout)
    start, end = data.draw(st.sampled_from([(a, b) for a in layout for b in layout if a[:3] != b[:3]]))
    names = tuple(text_box(*layout[node][0], layout[node][1], layout[node][2]) for node in (start, end))
    points = route(layout[start][0], layout[end][0], (field,), (start, end), names, columns=lanes)
    assert points is not None
    assert _hits(points, boxes, (start, end)) == []
    assert not any(crosses(a, b, box) for a, b in itertools.pairwise(points) for box in names)
    assert (points[0], points[-1]) == (layout[start][0], layout[end][0])


def test_a_line_over_a_full_column_passes_between_two_of_its_nodes() -> None:
    """From the top of the first column to the bottom of the third, level through a free row of the full one between."""
    layout = _layout([["first", "top"], [f"middle {n}" for n in range(7)], ["bottom", "last"]])
    boxes, field, columns = _router(layout)
    points = columns.lead(layout["n0-0"][0], layout["n2-1"][0], (field,), ("n0-0", "n2-1"), ())
    assert points is not None
    assert _hits(points, boxes, ("n0-0", "n2-1")) == []
    y = _height_at(points, layout["n1-0"][0][0])
    assert any(boxes[f"n1-{row}"][3] < y < boxes[f"n1-{row + 1}"][1] for row in range(6))  # not around them all


def test_lines_through_one_free_row_are_spread_over_its_height() -> None:
    """Two lines from one node to another across a full column pass through one free row at two heights."""
    layout = _layout([["a", "b"], [f"m{n}" for n in range(5)], ["z"]])
    boxes, field, columns = _router(layout)
    heights = []
    for _ in range(2):
        points = columns.lead(layout["n0-0"][0], layout["n2-0"][0], (field,), ("n0-0", "n2-0"), ())
        assert points is not None
        heights.append(_height_at(points, layout["n1-0"][0][0]))
    assert heights[0] != heights[1]
    assert all(boxes["n1-1"][3] < y < boxes["n1-2"][1] for y in heights)


def test_lead_leaves_one_column_to_the_other_routes() -> None:
    """Two nodes of one column give no lead: a bracket beside the column is :func:`route`'s."""
    layout = _layout([["a", "b", "c"], ["z"]])
    _, field, columns = _router(layout)
    assert columns.lead(layout["n0-0"][0], layout["n0-2"][0], (field,), ("n0-0", "n0-2"), ()) is None


def test_no_line_of_a_generated_graph_crosses_an_estimated_box(tmp_path: Path) -> None:
    """1,000 generated claims (40 names, 268 lines): no line, straight, bent or curved, crosses an estimated box."""
    claims = load([generated_lines(tmp_path, 1000)])
    graph = relay_graph(Index.of(claims), check(claims).findings)
    assert graph.routed
    assert len(graph.edges) == 268  # 283 while echoes and hedges drew contradictions
    boxes = {node.id: label_box(node.x, node.y, _label(node.name), node.side) for node in graph.nodes}
    assert [(e.start, e.end) for e in graph.edges if _hits(e.points, boxes, (e.start, e.end))] == []
