"""The result of :func:`~factlog.assess_lines`: an assessment whose propositions stay in a temporary file.

:class:`Spooled` reads the pickled propositions back one at a time; :class:`LinesAssessment`
holds them with what the method learned and answers as an :class:`~factlog.Assessment`
does (the same fields, :meth:`~LinesAssessment.about`, :meth:`~LinesAssessment.label`,
:meth:`~LinesAssessment.leading`, equality and hashing), without holding them in memory.
"""

from __future__ import annotations

import os
import pickle
import threading
import weakref
from array import array
from collections.abc import Iterator, Sequence
from typing import IO, Any

import attrs

from factlog._sequences import TupleView
from factlog.analysis._discovery import MAX_ROUNDS, Dependence, SourceTrust, round_limit
from factlog.assessment._assessment import Assessment
from factlog.assessment._components import numpy_module
from factlog.assessment._methods import EXTRAPOLATE
from factlog.assessment._proposition import PropositionAssessment
from factlog.assessment._reading import Readings, Weighing, labelled
from factlog.errors import ClosedError
from factlog.model._cached import cached_slot
from factlog.model._dates import PartialDate

__all__ = ["LinesAssessment", "Spooled", "read_at"]


class Spooled(TupleView[PropositionAssessment]):
    """Assessments pickled to an anonymous temporary file, read back one at a time in their order.

    It behaves as the tuple of them (:class:`~factlog._sequences.TupleView`): slices are
    tuples, it equals the ``propositions`` of :func:`~factlog.assess` on the same claims,
    and it pickles as that tuple. After :meth:`close`, reading an item raises
    :class:`~factlog.ClosedError` (its length is still known). Threads may read it at
    once, and so may processes forked while it is open: each item is read at its own
    offset (:func:`os.pread` where the system has it), never by moving the file's
    position, which a forked process shares.
    """

    def __init__(self, spool: IO[bytes], starts: array[int], ends: array[int]) -> None:
        spool.flush()  # written through a buffer; read with os.pread, which sees only what reached the file
        self._spool, self._starts, self._ends = spool, starts, ends
        self._lock = threading.Lock()  # a read and close() never overlap: a closed descriptor may be reused
        self._close = weakref.finalize(self, spool.close)  # the file goes when the assessment does

    def close(self) -> None:
        """Remove the temporary file now (the propositions can no longer be read); raises nothing."""
        with self._lock:
            self._close()

    def opened(self) -> None:
        """Nothing if the propositions can be read; :class:`~factlog.ClosedError` after :meth:`close`."""
        if self._spool.closed:
            raise ClosedError(
                "factlog.LinesAssessment: its propositions were read after propositions.close() removed the"
                " temporary file that held them; read them (or pickle the assessment: an Assessment in memory)"
                " before closing it"
            )

    def __len__(self) -> int:
        return len(self._starts)

    def __iter__(self) -> Iterator[PropositionAssessment]:
        self.opened()  # closed: iterating raises even with no proposition to read (leading, ==, rendering)
        return super().__iter__()

    def __repr__(self) -> str:
        state = "closed" if self._spool.closed else "in a temporary file"
        return f"Spooled(<{len(self)} propositions {state}>)"

    def __reduce__(self) -> tuple[type[tuple[PropositionAssessment, ...]], tuple[tuple[PropositionAssessment, ...]]]:
        return (tuple, (tuple(self),))

    def _at(self, position: int) -> PropositionAssessment:
        start, end = self._starts[position], self._ends[position]
        with self._lock:
            self.opened()
            data = read_at(self._spool, start, end - start)
        item: PropositionAssessment = pickle.loads(data)
        return item


def read_at(spool: IO[bytes], start: int, size: int) -> bytes:
    """``size`` bytes of ``spool`` from ``start``, leaving its position alone where the system can."""
    if not hasattr(os, "pread"):  # Windows: no fork there, and the caller holds the lock
        spool.seek(start)
        return spool.read(size)
    return os.pread(spool.fileno(), size, start)  # a regular file: all of it (short only past its end)


class _ClaimColumns(Readings):
    """Readings from sorted columns: claim hashes, and the position of each assessment that weighs the claim.

    Built on the first lookup by one pass over the propositions on disk: 16 bytes for
    each claim an assessment weighs, where a map by claim id would hold every assessment.
    """

    __slots__ = ("_claim_columns_",)

    propositions: Spooled

    @cached_slot
    def _claim_columns(self) -> tuple[Any, Any]:
        """The hashes of the claims the assessments weigh, sorted, and each one's assessment position (numpy)."""
        hashes, positions = array("q"), array("q")
        for position, item in enumerate(self.propositions):
            for claim in labelled(item):
                hashes.append(hash(claim))
                positions.append(position)
        numpy = numpy_module()
        keys = numpy.frombuffer(hashes, dtype=numpy.int64)
        order = numpy.argsort(keys, kind="stable")  # stable: a claim's assessments stay in their order
        return keys[order], numpy.frombuffer(positions, dtype=numpy.int64)[order]

    def _weighing(self, claim: str) -> Weighing:
        self.propositions.opened()  # closed: every lookup raises, whether or not the columns were kept before
        keys, positions = self._claim_columns
        key = hash(claim)
        found = []
        for position in positions[keys.searchsorted(key, "left") : keys.searchsorted(key, "right")].tolist():
            item = self.propositions[position]
            labels = labelled(item)
            if claim in labels:  # not another id of the same hash
                found.append((item, labels[claim]))
        return found


@attrs.frozen(eq=False)
class LinesAssessment(_ClaimColumns):
    """What :func:`assess_lines` (or :func:`factlog.dask.assess`) found: an :class:`~factlog.Assessment` on disk.

    ``propositions`` is a sequence read back one at a time (in the assessment's order)
    from a temporary file that lives as long as this object (:class:`Spooled`); the other
    fields are an :class:`~factlog.Assessment`'s. It is used as one: :meth:`about`,
    :meth:`label` and :meth:`leading` give the same results (the first lookup reads the
    propositions once and keeps 16 bytes for each claim each weighs), it equals and
    hashes as the :class:`~factlog.Assessment` with the same fields, and
    :func:`~factlog.render_assessment_json` and :func:`~factlog.write_assessment_json`
    render it as they render the assessment. Pickling (and :func:`copy.deepcopy`) gives
    that :class:`~factlog.Assessment`, every proposition in memory; :func:`copy.copy` gives
    this object. After
    ``propositions.close()``, whatever reads a proposition raises :class:`~factlog.ClosedError`.
    """

    propositions: Spooled
    method: str
    as_of: PartialDate | None
    sources: tuple[SourceTrust, ...] = ()
    dependences: Sequence[Dependence] = ()
    rounds: int = 0
    converged: bool = True
    provider_limit: int | None = None
    max_rounds: int = attrs.field(default=MAX_ROUNDS, converter=round_limit)
    extrapolated: bool = EXTRAPOLATE
    claim_count: int | None = attrs.field(default=None, kw_only=True)
    """How many claims the file (or files) hold, stated at any time (not an :class:`~factlog.Assessment`'s field):
    with ``as_of`` and no propositions, whether anything was stated later. None: not counted."""

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Assessment | LinesAssessment):
            return NotImplemented
        return _fields(self) == _fields(other)

    def __hash__(self) -> int:
        return hash(self._in_memory())

    def __copy__(self) -> LinesAssessment:
        return self  # immutable: a shallow copy would share the temporary file anyway

    def __reduce__(self) -> tuple[type[Assessment], tuple[object, ...]]:
        return (Assessment, _fields(self._in_memory()))

    def _in_memory(self) -> Assessment:
        """The :class:`~factlog.Assessment` with these fields, every proposition read into a tuple."""
        return Assessment(tuple(self.propositions), *_fields(self)[1:])


def _fields(assessment: Assessment | LinesAssessment) -> tuple[Any, ...]:
    """An assessment's fields, in :class:`~factlog.Assessment`'s order."""
    return tuple(getattr(assessment, field.name) for field in attrs.fields(Assessment) if field.eq)
