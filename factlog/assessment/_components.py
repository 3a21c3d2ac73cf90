"""Claims linked through their slots, packed into bins of whole components (for :func:`factlog.assess_lines`)."""

from __future__ import annotations

from array import array
from typing import Any

import attrs

from factlog._extras import missing_extra
from factlog.analysis._arrays import checked_ids
from factlog.analysis._unionfind import smallest_joined
from factlog.errors import ArgumentError

__all__ = ["Columns", "bins", "numpy_module"]


@attrs.define
class Columns:
    """Per-claim columns of one file, in the order of its lines.

    ``offsets[i]`` is the byte offset of claim ``i``'s line and ``ids[i]`` the hash of
    its id; ``references`` the hashes of the ids claims answer or regard;
    ``token_claim[j]`` and ``token[j]`` pair a claim with the hash of one slot its
    readings fall in (a claim left out by ``as_of``, or without a proposition, has none).
    """

    offsets: array[int]
    ids: array[int] = attrs.field(factory=lambda: array("q"))
    references: array[int] = attrs.field(factory=lambda: array("q"))
    token_claim: array[int] = attrs.field(factory=lambda: array("q"))
    token: array[int] = attrs.field(factory=lambda: array("q"))


def numpy_module() -> Any:
    """numpy, imported when first needed; :class:`~factlog.ArgumentError` without it (the ``scale`` extra)."""
    try:
        import numpy  # noqa: PLC0415 - heavy, and only this path needs it
    except ImportError:  # pragma: no cover - the test extra installs it
        raise ArgumentError(missing_extra("the compact assessment", "numpy", "scale")) from None
    return numpy


def bins(columns: Columns, capacity: int) -> list[Any]:
    """The line offsets of the claims with a slot, in bins of whole components, each in file order.

    Components (claims sharing a slot, transitively) are packed in the order of their
    first claim into bins of about ``capacity`` claims (one larger component is a bin
    of its own). Raises :class:`Unstreamable` for a claim id twice or a link to a claim
    the file does not hold (the whole-file reader reports them).
    """
    np = numpy_module()
    checked_ids(np, columns.ids, columns.references)
    claims = np.frombuffer(columns.token_claim, dtype=np.int64)
    if not claims.size:
        return []
    _, token = np.unique(np.frombuffer(columns.token, dtype=np.int64), return_inverse=True)
    root = smallest_joined(np, claims, token.reshape(-1), int(token.max()) + 1)
    # Each claim with a token is in the component of its first token's root.
    order = np.argsort(claims, kind="stable")
    claims, token = claims[order], token.reshape(-1)[order]
    starts = np.flatnonzero(np.r_[True, claims[1:] != claims[:-1]])
    members, component = claims[starts], root[token[starts]]
    by_component = np.argsort(component, kind="stable")
    members, component = members[by_component], component[by_component]
    edges = np.flatnonzero(np.r_[True, component[1:] != component[:-1]])
    # Components in the order of their first claim (file order), so bins read the file forwards.
    firsts = members[edges]
    offsets = np.frombuffer(columns.offsets, dtype=np.int64)
    found: list[Any] = []
    current: list[Any] = []
    filled = 0
    stops = [*edges[1:].tolist(), members.size]
    for position in np.argsort(firsts, kind="stable").tolist():
        start, stop = int(edges[position]), stops[position]
        if current and filled + (stop - start) > capacity:
            found.append(offsets[np.sort(np.concatenate(current))])
            current, filled = [], 0
        current.append(members[start:stop])
        filled += stop - start
    if current:
        found.append(offsets[np.sort(np.concatenate(current))])
    return found
