"""Findings kept compactly until a report is read: :class:`CompactFindings` and the :class:`FindingsBuilder` of it.

The compact check of a large file (:func:`factlog.check_lines`) finds millions of
findings, some naming thousands of claims; as objects they held most of its memory
(about 1 KiB a claim at ten million claims). Here each finding is encoded as it is
found (:mod:`marshal`, the standard library's fast codec of tuples of strings), a few
MiB of them at a time sorted into a *run* by the report order and compressed in blocks
of about 64 KiB (:mod:`zlib`): about 75 bytes a finding at 100,000 claims instead of
several KiB. Only the sort key of each finding (severity, rule, first date, id) is kept
in columns (numpy), and the report order is found on them once. Reading the findings
in report order decompresses each block once (one block of each run is cached).
"""

from __future__ import annotations

import marshal
import zlib
from collections.abc import Mapping
from typing import Any

import attrs

from factlog._sequences import TupleView
from factlog.checks._findings import Finding, Severity

__all__ = ["BLOCK_BYTES", "RUN_BYTES", "CompactFindings", "FindingsBuilder"]

BLOCK_BYTES = 64 * 1024
"""Encoded findings compressed together (one block of each run is decoded at a time)."""
RUN_BYTES = 16 * 1024 * 1024
"""Encoded findings sorted together before they are compressed: the pending findings' bound."""


def _encoded(finding: Finding) -> bytes:
    return marshal.dumps(
        (
            finding.rule,
            finding.severity.value,
            finding.message,
            finding.claims,
            finding.id,
            finding.acknowledged,
            finding.note,
        )
    )


def _decoded(data: bytes, notes: Mapping[str, str | None]) -> Finding:
    rule, severity, message, claims, found_id, acknowledged, note = marshal.loads(data)
    if found_id in notes:  # marked as :func:`~factlog.checks._engine.finish` marks it
        acknowledged, note = True, notes[found_id]
    return Finding(
        rule=rule,
        severity=Severity(severity),
        message=message,
        claims=claims,
        id=found_id,
        acknowledged=acknowledged,
        note=note,
    )


class FindingsBuilder:
    """Findings added one at a time with their first date, then :meth:`build` into a :class:`CompactFindings`.

    ``order`` maps a rule name to its place in the report (a rule it does not name goes
    last). The report order is :func:`~factlog.checks._engine.finish`'s: severity (most
    severe first), rule, first date, id, then the order the findings were added.
    """

    def __init__(self, order: Mapping[str, int]) -> None:
        self._order = dict(order)
        self._pending: list[tuple[tuple[int, int, int, int, str, int], bytes]] = []
        self._pending_bytes = 0
        self._added = 0
        self._runs = 0
        self._blocks: list[bytes] = []
        self._block_starts: list[int] = [0]
        self._block_run: list[int] = []
        self._keys: list[tuple[int, int, int, int, str, int]] = []
        self._columns: list[Any] = []
        self._lengths: list[int] = []

    def __len__(self) -> int:
        return self._added

    def add(self, finding: Finding, first: tuple[int, int]) -> None:
        """Add one finding and the sort key of the earliest date its claims were stated ((0, 0): none)."""
        rank = -finding.severity.rank
        rule = self._order.get(finding.rule, len(self._order))
        data = _encoded(finding)
        self._pending.append(((rank, rule, first[0], first[1], finding.id, self._added), data))
        self._added += 1
        self._pending_bytes += len(data)
        if self._pending_bytes >= RUN_BYTES:
            self._flush()

    def _flush(self) -> None:
        """Sort the pending findings into a run and compress it in blocks."""
        if not self._pending:
            return
        self._pending.sort(key=lambda item: item[0])
        run = self._runs
        self._runs += 1
        block: list[bytes] = []
        size = 0
        for key, data in self._pending:
            self._keys.append(key)
            self._lengths.append(len(data))
            block.append(data)
            size += len(data)
            if size >= BLOCK_BYTES:
                self._close(block, run)
                block, size = [], 0
        if block:
            self._close(block, run)
        self._pending, self._pending_bytes = [], 0
        self._pack()

    def _close(self, block: list[bytes], run: int) -> None:
        self._blocks.append(zlib.compress(b"".join(block), 1))
        self._block_starts.append(self._block_starts[-1] + len(block))
        self._block_run.append(run)

    def _pack(self) -> None:
        """The sort keys of the flushed run as numpy columns (a tuple per finding costs more than its bytes)."""
        import numpy as np  # noqa: PLC0415 - the compact check imports it already

        if not self._keys:
            return
        ranks, rules, low, high, ids, added = zip(*self._keys, strict=True)
        self._columns.append(
            (
                np.array(ranks, dtype=np.int8),
                np.array(rules, dtype=np.int32),
                np.array(low, dtype=np.int64),
                np.array(high, dtype=np.int64),
                np.array([found.encode() for found in ids], dtype=np.bytes_),
                np.array(added, dtype=np.int64),
                np.array(self._lengths, dtype=np.int64),
            )
        )
        self._keys, self._lengths = [], []

    def build(self, notes: Mapping[str, str | None]) -> CompactFindings:
        """The findings in report order; those whose id ``notes`` names are marked acknowledged with its note."""
        import numpy as np  # noqa: PLC0415 - the compact check imports it already

        self._flush()
        if not self._columns:
            return CompactFindings(notes=dict(notes))
        parts = list(zip(*self._columns, strict=True))
        self._columns = []
        ranks, rules, low, high, ids, added, lengths = (np.concatenate(part) for part in parts)
        del parts
        # lexsort: the last key is the first compared; every id is finding_id's ASCII, compared as bytes.
        order = np.lexsort((added, ids, high, low, rules, ranks))
        ends = np.cumsum(lengths)
        return CompactFindings(
            blocks=tuple(self._blocks),
            block_starts=np.array(self._block_starts, dtype=np.int64),
            block_run=np.array(self._block_run, dtype=np.int64),
            ends=ends,
            order=order,
            notes=dict(notes),
        )


@attrs.frozen(eq=False)
class CompactFindings(TupleView[Finding]):
    """A report's findings, compressed, decoded when read: a sequence that behaves as the tuple of :func:`check`.

    Indexing, slicing (a tuple), ``len``, iteration, ``in``, ``index``, ``count`` and
    ``reversed`` work as on a tuple of :class:`~factlog.Finding`; it equals a tuple or
    another :class:`CompactFindings` of equal findings in the same order, and hashes as
    that tuple. Each read decodes the finding anew (an equal, not the same, object).
    Raises :class:`IndexError` for an index out of range, as a tuple does.
    """

    blocks: tuple[bytes, ...] = ()
    block_starts: Any = attrs.field(default=None, repr=False)
    """Slot of each block's first finding (and, last, the number of findings); numpy int64."""
    block_run: Any = attrs.field(default=None, repr=False)
    """The run each block belongs to: one decoded block of each run is cached."""
    ends: Any = attrs.field(default=None, repr=False)
    """Where each finding's bytes end, counted over every block in turn: numpy int64, by slot."""
    order: Any = attrs.field(default=None, repr=False)
    """The slot of each finding, in report order."""
    notes: Mapping[str, str | None] = attrs.field(factory=dict, repr=False)
    """Finding id to the note of the acknowledgement that marks it."""
    _cache: dict[int, tuple[int, bytes]] = attrs.field(factory=dict, init=False, repr=False)

    def __len__(self) -> int:
        return 0 if self.order is None else len(self.order)

    def _at(self, at: int) -> Finding:
        import numpy as np  # noqa: PLC0415 - present whenever findings are

        slot = int(self.order[at])
        block = int(np.searchsorted(self.block_starts, slot, side="right")) - 1
        run = int(self.block_run[block])
        cached = self._cache.get(run)
        if cached is None or cached[0] != block:
            cached = (block, zlib.decompress(self.blocks[block]))
            self._cache[run] = cached
        first = int(self.block_starts[block])
        base = int(self.ends[first - 1]) if first else 0
        start = (int(self.ends[slot - 1]) if slot else 0) - base
        end = int(self.ends[slot]) - base
        return _decoded(cached[1][start:end], self.notes)

    def __repr__(self) -> str:
        return f"CompactFindings({len(self)} findings)"
