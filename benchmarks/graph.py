"""CPU seconds of laying out and routing the report's relay graph, and the lines that cross a node.

``python -m benchmarks.graph FILE [ROUNDS] [--capped]`` loads and checks a claim file once,
then times ``relay_graph`` (the layout and every edge's route) ``ROUNDS`` times (default
3) with :func:`time.process_time`; the first round of a process includes importing
networkx. Routing is forced at any size unless ``--capped`` keeps the page's own limit
(``ROUTED_AT_MOST``). Each round prints the graph's size, whether it was routed, the
CPU seconds, the edges with a straight piece through the estimated box (circle and
label, :func:`~factlog.report._route.label_box`) of a node they do not join, and the
edges no route cleared (``?`` for a tree that did not count them). Run with
``PYTHONPATH`` naming a tree to time that tree's factlog.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from factlog import Finding, Index, check, load
from factlog.report import _graph
from factlog.report._route import crosses, label_box


def main(argv: list[str] | None = None) -> int:
    """Time the relay graph of the file given and print one line a round; 0 when done."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.graph")
    parser.add_argument("file", type=Path)
    parser.add_argument("rounds", type=int, nargs="?", default=3)
    parser.add_argument("--capped", action="store_true", help="keep ROUTED_AT_MOST: a dense graph is drawn straight")
    arguments = parser.parse_args(argv)
    claims = load([arguments.file])
    findings = check(claims).findings
    index = Index.of(claims)
    limit = _graph.ROUTED_AT_MOST
    if not arguments.capped:
        _graph.ROUTED_AT_MOST = sys.maxsize
    try:
        for _ in range(arguments.rounds):
            _round(arguments.file.name, index, findings)
    finally:
        _graph.ROUTED_AT_MOST = limit
    return 0


def _round(name: str, index: Index, findings: Sequence[Finding]) -> None:
    """Lay the graph out and route it once; print its size, CPU seconds and crossings."""
    start = time.process_time()
    graph = _graph.relay_graph(index, findings)
    seconds = time.process_time() - start
    boxes = {node.id: label_box(node.x, node.y, _graph._label(node.name), node.side) for node in graph.nodes}
    crossing = sum(
        any(
            crosses(a, b, box)
            for node, box in boxes.items()
            if node not in (edge.start, edge.end)
            for a, b in itertools.pairwise(edge.points)
        )
        for edge in graph.edges
    )
    print(
        f"{name}: {len(graph.nodes)} nodes, {len(graph.edges)} edges, "
        f"{'routed' if graph.routed else 'straight'}: {seconds:.2f} CPU s, "
        f"{crossing} crossing a node, {getattr(graph, 'unrouted', '?')} left straight"
    )


if __name__ == "__main__":
    sys.exit(main())
