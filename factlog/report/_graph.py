"""The relay graph: holders → relays → outlets, copies between outlets, contradictions between holders.

Nodes are entities. A claim held by H, relayed by R1 then R2 (``via`` lists the outermost
first: ``[R2, R1]``) and read in a source published by O gives the edges H → R1 → R2 → O;
a source ``derived_from`` another gives a *copy* edge between their publishers; two
holders on opposite sides of a disagreement (a finding of :data:`DISAGREEMENTS`, whose
sides cannot all be true) give a *contradiction* edge. Other findings draw nothing: the
outlets of a ``shared_wording`` finding print one wording, and a hedge beside a certain
claim (``understated_certainty``) agrees with it. Each node is coloured
by its role: *outlet* if it published a source read or copied, else *relay* if it passed
a claim on, else *holder*; a holder that published a source too (a ministry's own
statement) is *holder publishing*: the holder's colour with the outlet's as a ring; a
holder that passed others' claims on too (an agency quoting a ministry and saying its
own) is *holder relaying*: the holder's colour with the relay's as a ring.

The layout is layered, as for any provenance graph read left to right (Sugiyama, Tagawa
and Toda 1981, "Methods for visual understanding of hierarchical system structures"):
each node stands one column right of the rightmost node it got a claim or a copy from
(the longest path to it over relay and copy edges, from networkx's topological order of
the graph's strongly connected components, which share a column); within a column,
nodes are ordered by the mean row of their neighbours (four sweeps, ties by name) and
centred. Edges are then routed (:mod:`factlog.report._route`): straight when the line
misses every node it does not join, else led level past the columns between its ends
and slanted only between columns, else bent around the nodes. networkx is imported
only when a graph is drawn.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable

import attrs

from factlog.analysis._index import Index
from factlog.checks._findings import Finding
from factlog.report._route import (
    LABEL_BELOW,
    LABEL_BESIDE,
    Box,
    Columns,
    Field,
    Point,
    arc,
    arc_points,
    label_box,
    lane_box,
    route,
    text_box,
)

__all__ = ["DISAGREEMENTS", "ROUTED_AT_MOST", "Edge", "Graph", "Node", "relay_graph"]

DISAGREEMENTS = frozenset(
    {
        "answered_denial",
        "conflicting_holders",
        "conflicting_values",
        "exclusive_predicates",
        "falling_total",
        "misreported_stance",
        "opposed_claims",
        "self_contradiction",
    }
)
"""The rules whose sides cannot all be true (``docs/rules.md``): an affirmation against a
denial (``opposed_claims``, ``answered_denial``, ``self_contradiction``: one party's holders
against each other), rival values or holders of a one-value slot, predicates declared
exclusive, a running total reported lower than before, a party's record against what is
said of its stance. Only their findings draw contradictions. The others are no quarrel
between their sides: echoes and copies (``shared_wording``, ``hollow_corroboration``,
``undeclared_copying``) are agreement, ``understated_certainty`` a hedge beside the same
claim made firmly, ``interested_denial`` and ``interested_judgement`` say who is a party
(the contradiction itself is ``opposed_claims``'s), the rest are about one source or one
holder. A rule of the caller's own draws nothing."""

_COLUMN_WIDTH = 330.0
_ROW_HEIGHT = 72.0
_MARGIN_X = 170.0
_MARGIN_Y = 40.0
_ARROW = 14.0  # px an arrow's line stops short of its target's centre: the circle and the arrowhead
_SWEEPS = 4
# Routing costs about edges x nodes clippings (more for the contradictions no curve frees):
# 0.16 CPU s for 283 edges x 40 nodes, 2.8 s for 3,024 x 191 and 46 s for 24,898 x 752
# (generated sets of 1,000, 5,000 and 20,000 claims; benchmarks/RESULTS.md). Beyond this
# product, too dense to read anyway, edges are drawn straight.
ROUTED_AT_MOST = 200_000
_BEAD = 3.0  # half the side of the boxes a curve leaves along itself, px
_BEAD_CLEAR = 40.0  # px from a curve's ends where it leaves none: curves may meet at a node
_LABEL_CHARS = 40  # a longer name is cut to this many characters, "…" last
_ROLES = ("holder", "relay", "outlet", "holder publishing", "holder relaying")


@attrs.frozen
class Node:
    """An entity placed on the page: id, name, role (one of ``_ROLES``), centre in SVG user units, and its label's side.

    ``side`` is ``left`` in the first of several columns, ``right`` in the last, else
    ``below``: edges run left to right, so a label on the outer side is never crossed
    by its own node's edges.
    """

    id: str
    name: str
    role: str
    x: float
    y: float
    side: str = "below"

    @property
    def label_at(self) -> tuple[float, float]:
        """Where the label is anchored: under the centre, or ``LABEL_BESIDE`` px to its side."""
        if self.side == "left":
            return round(self.x - LABEL_BESIDE, 1), round(self.y + 4, 1)
        if self.side == "right":
            return round(self.x + LABEL_BESIDE, 1), round(self.y + 4, 1)
        return self.x, round(self.y + LABEL_BELOW, 1)


@attrs.frozen
class Edge:
    """A line between two nodes: ``relay`` (with the number of claims), ``copy`` or ``contradiction``.

    ``points`` is the polyline drawn, from the start's centre to the end's (an arrow's
    last point stops ``_ARROW`` px short of it); ``x1, y1`` and ``x2, y2`` are the centres.
    A contradiction is a curve instead: ``control`` is its quadratic control point.
    """

    kind: str
    start: str
    end: str
    count: int
    x1: float
    y1: float
    x2: float
    y2: float
    points: tuple[Point, ...] = ()
    control: Point | None = None

    @property
    def path(self) -> str:
        """SVG path data: the polyline (``M x y L x y ...``), or the curve through ``control`` (``M x y Q ...``)."""
        points = self.points or ((self.x1, self.y1), (self.x2, self.y2))
        if self.control is not None:
            return f"M {self.x1:g} {self.y1:g} Q {self.control[0]:g} {self.control[1]:g} {self.x2:g} {self.y2:g}"
        return "M " + " L ".join(f"{x:g} {y:g}" for x, y in points)

    @property
    def count_at(self) -> tuple[float, float]:
        """Where the claim count is drawn: 6 px above the middle of the line's longest straight piece.

        Not the middle of the whole line: a bent line's middle may be its corner, and a
        line's pieces are routed clear of every node they do not join.
        """
        points = self.points or ((self.x1, self.y1), (self.x2, self.y2))
        a, b = max(itertools.pairwise(points), key=lambda s: math.hypot(s[1][0] - s[0][0], s[1][1] - s[0][1]))
        return round((a[0] + b[0]) / 2, 1), round((a[1] + b[1]) / 2 - 6, 1)


@attrs.frozen
class Graph:
    """Nodes and edges with their coordinates, the size of the drawing, and whether its edges were routed.

    ``routed`` is False for a graph of more than ``ROUTED_AT_MOST`` edges times nodes:
    its edges are drawn straight, and may cross nodes. ``unrouted`` counts the edges of
    a routed graph for which no line tried missed every node: drawn straight, they may
    cross one (an edge between two columns always finds a line; one within a column or
    a contradiction may not).
    """

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    width: float
    height: float
    routed: bool = True
    unrouted: int = 0


def _edges(index: Index, findings: Iterable[Finding]) -> dict[tuple[str, str, str], int]:
    edges: dict[tuple[str, str, str], int] = {}
    for entry in index.entries:
        relays = [index.vocabulary.entity(relay) for relay in reversed(entry.claim.attribution.via)]
        for source in entry.sources:
            outlet = index.publisher(source)
            chain = [entry.holder, *relays, *([] if outlet is None else [outlet])]
            for start, end in itertools.pairwise(chain):
                if start != end:
                    edges[("relay", start, end)] = edges.get(("relay", start, end), 0) + 1
    for document in index.claims.sources:
        for parent in document.derived_from:
            copied, copier = index.publisher(parent), index.publisher(document.id)
            if copied is not None and copier is not None and copied != copier:
                edges[("copy", copied, copier)] = edges.get(("copy", copied, copier), 0) + 1
    for finding in findings:
        if finding.rule not in DISAGREEMENTS:
            continue
        sides = [{index.by_id[c].holder for c in ids if c in index.by_id} for _, ids in finding.claims]
        for number, side in enumerate(sides):
            for other in sides[number + 1 :]:
                for a in side:
                    for b in other:
                        if a != b:
                            pair = tuple(sorted((a, b)))
                            key = ("contradiction", pair[0], pair[1])
                            edges[key] = edges.get(key, 0) + 1
    return edges


def _roles(index: Index, edges: dict[tuple[str, str, str], int]) -> dict[str, int]:
    """Role of each node, an index of :data:`_ROLES`.

    3 if it holds a claim and published a source read or copied (a ministry's own
    statement), else 2 if it published one; 4 if it holds a claim and relayed one, else
    1 if it relayed one; else 0.
    """
    outlets = {index.publisher(source) for entry in index.entries for source in entry.sources}
    outlets.update(node for kind, start, end in edges if kind == "copy" for node in (start, end))
    relays = {index.vocabulary.entity(relay) for entry in index.entries for relay in entry.claim.attribution.via}
    holders = {entry.holder for entry in index.entries}
    nodes = sorted({node for _, start, end in edges for node in (start, end)})
    return {
        node: (3 if node in holders else 2)
        if node in outlets
        else (4 if node in holders else 1)
        if node in relays
        else 0
        for node in nodes
    }


def _columns(nodes: list[str], edges: dict[tuple[str, str, str], int]) -> dict[str, int]:
    """Each node's column: the longest path to it over relay and copy edges, a cycle's nodes sharing one."""
    import networkx  # noqa: PLC0415 - heavy, and only needed to draw

    flow: networkx.DiGraph[str] = networkx.DiGraph()
    flow.add_nodes_from(nodes)
    flow.add_edges_from((start, end) for kind, start, end in sorted(edges) if kind != "contradiction")
    condensed = networkx.condensation(flow)
    depth: dict[int, int] = {}
    for component in networkx.topological_sort(condensed):
        depth[component] = max((depth[p] + 1 for p in condensed.predecessors(component)), default=0)
    member = condensed.graph["mapping"]
    return {node: depth[member[node]] for node in nodes}


def _rows(names: dict[str, str], column: dict[str, int], edges: dict[tuple[str, str, str], int]) -> dict[str, float]:
    """Each node's row within its column: by the mean row of its neighbours in other columns, swept both ways."""
    neighbours: dict[str, set[str]] = {node: set() for node in column}
    for _, start, end in edges:
        if column[start] != column[end]:
            neighbours[start].add(end)
            neighbours[end].add(start)
    layers: dict[int, list[str]] = {}
    for node in sorted(column, key=lambda n: (names[n].casefold(), n)):
        layers.setdefault(column[node], []).append(node)
    tallest = max(len(layer) for layer in layers.values())

    def rows() -> dict[str, float]:  # centred: a short column stands in the middle of the tallest
        return {n: (tallest - len(layer)) / 2 + i for layer in layers.values() for i, n in enumerate(layer)}

    for sweep in range(_SWEEPS):
        row = rows()
        order = sorted(layers) if sweep % 2 == 0 else sorted(layers, reverse=True)
        for number in order[1:]:
            layer = layers[number]
            mean = {
                n: sum(row[m] for m in neighbours[n]) / len(neighbours[n]) if neighbours[n] else row[n] for n in layer
            }
            layers[number] = sorted(layer, key=lambda n: (mean[n], layer.index(n)))
            row = rows()
    return rows()


def _label(name: str) -> str:
    return name if len(name) <= _LABEL_CHARS else name[: _LABEL_CHARS - 1] + "…"


def relay_graph(index: Index, findings: Iterable[Finding]) -> Graph:
    """The relay graph of an index, laid out in layers with edges routed around nodes (empty without edges)."""
    edges = _edges(index, findings)
    role = _roles(index, edges)
    if not role:
        return Graph((), (), 0.0, 0.0)
    names = {node: index.name(node) for node in role}
    column = _columns(sorted(role), edges)
    row = _rows(names, column, edges)
    placed = {node: (_MARGIN_X + column[node] * _COLUMN_WIDTH, _MARGIN_Y + row[node] * _ROW_HEIGHT) for node in role}
    last = max(column.values())
    side = {
        node: "below" if last == 0 else "left" if c == 0 else "right" if c == last else "below"
        for node, c in column.items()
    }
    boxes: dict[str, Box] = {node: label_box(*placed[node], _label(names[node]), side[node]) for node in role}
    routed = len(edges) * len(role) <= ROUTED_AT_MOST
    lines, unrouted = _lines(edges, placed, boxes, names, side, routed=routed)
    # Bends may leave the columns' frame: shift everything so the drawing starts at the margin.
    xs = [x for box in boxes.values() for x in (box[0], box[2])] + [x for e in lines for x, _ in e.points]
    ys = [y for box in boxes.values() for y in (box[1], box[3])] + [y for e in lines for _, y in e.points]
    sx, sy = round(_MARGIN_Y - min(xs), 1), round(_MARGIN_Y / 2 - min(ys), 1)
    nodes = tuple(
        Node(node, names[node], _ROLES[role[node]], *_moved(placed[node], sx, sy), side[node]) for node in sorted(role)
    )
    moved = tuple(
        attrs.evolve(
            e,
            x1=round(e.x1 + sx, 1),
            y1=round(e.y1 + sy, 1),
            x2=round(e.x2 + sx, 1),
            y2=round(e.y2 + sy, 1),
            points=tuple(_moved(p, sx, sy) for p in e.points),
            control=None if e.control is None else _moved(e.control, sx, sy),
        )
        for e in lines
    )
    width, height = round(max(xs) - min(xs) + 2 * _MARGIN_Y, 1), round(max(ys) - min(ys) + _MARGIN_Y, 1)
    return Graph(nodes, moved, width, height, routed, unrouted)


def _beads(points: tuple[Point, ...]) -> list[Box]:
    """Small boxes along a curve, away from its ends: a later curve keeps off it but may share an end node."""
    ends = (points[0], points[-1])
    return [
        (x - _BEAD, y - _BEAD, x + _BEAD, y + _BEAD)
        for x, y in points
        if all(math.hypot(x - ex, y - ey) > _BEAD_CLEAR for ex, ey in ends)
    ]


def _lines(
    edges: dict[tuple[str, str, str], int],
    placed: dict[str, Point],
    boxes: dict[str, Box],
    names: dict[str, str],
    side: dict[str, str],
    *,
    routed: bool,
) -> tuple[list[Edge], int]:
    """Every edge with the points it is drawn through, and how many no try cleared (drawn straight).

    Edges are routed around the nodes when ``routed``, else all straight (none counted).
    """
    lines = []
    unrouted = 0
    field = Field()
    for node, box in boxes.items():
        field.add(box, node)
    columns = Columns(boxes, placed)
    lanes = Field()  # the upright pieces of brackets: kept clear by every later edge
    beads = Field()  # along the curves: kept clear by every later curve
    # Claims and copies first, each routed around the nodes alone; contradictions after them,
    # each also kept off the contradictions drawn before it when it can be, never at the
    # cost of crossing a node: in a crowded column they may share a lane instead.
    for (kind, start, end), count in sorted(edges.items(), key=lambda item: (item[0][0] == "contradiction", item[0])):
        names_of = tuple(text_box(*placed[node], _label(names[node]), side[node]) for node in (start, end))
        ends = (start, end)
        tries: tuple[tuple[tuple[Field, ...], bool], ...] = (((field, lanes), False), ((field,), False))
        if not routed:
            tries = ()
        elif kind == "contradiction":
            tries = (((field, lanes, beads), True), ((field, lanes), False), ((field,), True), ((field,), False))
        points: tuple[Point, ...] = (placed[start], placed[end])  # straight if every try fails
        control = None
        unrouted += bool(tries)
        for fields, curved in tries:
            if curved:
                control = arc(placed[start], placed[end], fields, ends, names_of)
                if control is not None:
                    points = tuple(arc_points(placed[start], control, placed[end]))
                    unrouted -= 1
                    break
            else:
                found = route(placed[start], placed[end], fields, ends, names_of, columns=columns)
                if found is not None:
                    points = found
                    unrouted -= 1
                    break
        if control is not None:
            for bead in _beads(points):
                beads.add(bead)
        else:
            lane = lane_box(points)
            if lane is not None:
                lanes.add(lane)
            if kind != "contradiction":
                points = (*points[:-1], _short(points[-2], points[-1]))
        lines.append(Edge(kind, start, end, count, *placed[start], *placed[end], points, control))
    return lines, unrouted


def _moved(point: Point, sx: float, sy: float) -> Point:
    return round(point[0] + sx, 1), round(point[1] + sy, 1)


def _short(before: Point, end: Point) -> Point:
    """``end`` moved ``_ARROW`` px back toward ``before``: where an arrowhead meets the target's circle."""
    dx, dy = end[0] - before[0], end[1] - before[1]
    length = math.hypot(dx, dy)
    if length <= _ARROW:
        return end
    return round(end[0] - dx / length * _ARROW, 1), round(end[1] - dy / length * _ARROW, 1)
