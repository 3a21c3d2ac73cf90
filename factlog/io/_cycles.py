"""Cycles in the links of records: ``part_of``, ``affiliation``, ``derived_from``, ``answers``.

A place inside itself, a party speaking for itself through others, a story copied
from its own copy, a claim answering its own answer: each makes the checks' reasoning
circular (a reply is made after what it answers), so a claim set with one is refused (a
reference error with the JSON path of every link on a cycle).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

__all__ = ["on_cycles"]

Node = TypeVar("Node", bound=Hashable)


def on_cycles(links: Mapping[Node, Iterable[Node]]) -> set[tuple[Node, Node]]:
    """The links ``(a, b)`` that lie on a cycle (``b`` leads back to ``a``), self-links included.

    ``links`` maps a node to the nodes it points to; nodes only pointed to need no key.
    Tarjan's strongly connected components, written iteratively: O(nodes + links).
    """
    order: dict[Node, int] = {}
    low: dict[Node, int] = {}
    component: dict[Node, int] = {}
    stack: list[Node] = []
    on_stack: set[Node] = set()
    for root in links:
        if root in order:
            continue
        work: list[tuple[Node, list[Node]]] = [(root, list(links.get(root, ())))]
        order[root] = low[root] = len(order)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, pending = work[-1]
            if pending:
                following = pending.pop()
                if following not in order:
                    order[following] = low[following] = len(order)
                    stack.append(following)
                    on_stack.add(following)
                    work.append((following, list(links.get(following, ()))))
                elif following in on_stack:
                    low[node] = min(low[node], order[following])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == order[node]:
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component[member] = order[node]
                    if member == node:
                        break
    return {
        (node, following)
        for node, targets in links.items()
        for following in targets
        if node == following or component.get(node) == component.get(following, -1)
    }
