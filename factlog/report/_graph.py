"""The relay graph: holders → relays → outlets, copies between outlets, contradictions between holders.

Nodes are entities in three columns: those who only hold claims, those who relay them,
and the outlets that publish the sources read or copied (an entity in several roles stands in the
rightmost). A claim held by H, relayed by R1 then R2 (``via`` lists the outermost
first: ``[R2, R1]``) and read in a source published by O gives the edges H → R1 → R2 → O;
a source ``derived_from`` another gives a *copy* edge between their publishers; two
holders on opposite sides of a finding give a *contradiction* edge.

The layout is networkx's ``multipartite_layout`` (one layer per role, each in name
order), scaled to SVG user units with each role in a fixed column; networkx is imported
only when a graph is drawn.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable

import attrs

from factlog.analysis._index import Index
from factlog.checks._findings import Finding

__all__ = ["Edge", "Graph", "Node", "relay_graph"]

_COLUMN_WIDTH = 330.0
_ROW_HEIGHT = 64.0
_MARGIN_X = 170.0
_MARGIN_Y = 40.0
_COUNT_GAP = 70.0  # px between a relay count and the column of the edge's target
_ROLES = ("holder", "relay", "outlet")


@attrs.frozen
class Node:
    """An entity placed on the page: id, name, role, and centre in SVG user units."""

    id: str
    name: str
    role: str
    x: float
    y: float


@attrs.frozen
class Edge:
    """A line between two nodes: ``relay`` (with the number of claims), ``copy`` or ``contradiction``."""

    kind: str
    start: str
    end: str
    count: int
    x1: float
    y1: float
    x2: float
    y2: float

    @property
    def count_at(self) -> tuple[float, float]:
        """Where the claim count is drawn: on the line, ``_COUNT_GAP`` px short of the target's column, just above.

        Not at the midpoint: an edge that skips the relay column would put it under a relay node.
        """
        dx = self.x2 - self.x1
        if dx == 0:
            return round(self.x1 + 8, 1), round((self.y1 + self.y2) / 2, 1)
        x = self.x2 - math.copysign(min(_COUNT_GAP, abs(dx) / 2), dx)
        y = self.y1 + (self.y2 - self.y1) * (x - self.x1) / dx - 6
        return round(x, 1), round(y, 1)


@attrs.frozen
class Graph:
    """Nodes and edges with their coordinates, and the size of the drawing."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    width: float
    height: float


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
    """Column of each node: 2 if it published a source read or copied, 1 if it relayed a claim, else 0."""
    outlets = {index.publisher(source) for entry in index.entries for source in entry.sources}
    outlets.update(node for kind, start, end in edges if kind == "copy" for node in (start, end))
    relays = {index.vocabulary.entity(relay) for entry in index.entries for relay in entry.claim.attribution.via}
    nodes = sorted({node for _, start, end in edges for node in (start, end)})
    return {node: 2 if node in outlets else 1 if node in relays else 0 for node in nodes}


def relay_graph(index: Index, findings: Iterable[Finding]) -> Graph:
    """The relay graph of an index, laid out in three columns (empty when there are no edges)."""
    import networkx  # noqa: PLC0415 - heavy, and only needed to draw

    edges = _edges(index, findings)
    role = _roles(index, edges)
    if not role:
        return Graph((), (), 0.0, 0.0)
    graph: networkx.Graph[str] = networkx.Graph()
    ordered = sorted(role, key=lambda n: (index.name(n).casefold(), n))
    graph.add_nodes_from(ordered)
    # Layers given as lists, not as a node attribute: networkx groups an attribute into
    # sets, whose order changes with the hash seed, and the page must be byte-stable.
    layers = {column: [node for node in ordered if role[node] == column] for column in sorted(set(role.values()))}
    positions = networkx.multipartite_layout(graph, subset_key=layers, align="vertical")
    rows = max(sum(1 for r in role.values() if r == column) for column in set(role.values()))
    ys = [float(point[1]) for point in positions.values()]
    width = 2 * _COLUMN_WIDTH + 2 * _MARGIN_X
    height = (rows - 1) * _ROW_HEIGHT + 2 * _MARGIN_Y

    def scale(value: float, low: float, high: float, size: float) -> float:
        return size / 2 if high == low else (value - low) / (high - low) * size

    # networkx spreads each column vertically; the columns stay put whichever roles are present.
    placed = {
        node: (
            _MARGIN_X + role[node] * _COLUMN_WIDTH,
            round(_MARGIN_Y + scale(float(y), min(ys), max(ys), height - 2 * _MARGIN_Y), 1),
        )
        for node, (_, y) in positions.items()
    }
    nodes = tuple(Node(node, index.name(node), _ROLES[role[node]], *placed[node]) for node in sorted(role))
    lines = tuple(
        Edge(kind, start, end, count, *placed[start], *placed[end])
        for (kind, start, end), count in sorted(edges.items())
    )
    return Graph(nodes, lines, width, height)
