"""Checking a large JSON Lines file in compact form: :func:`check_lines`.

The claims are read into integer columns (:mod:`factlog.checks._columns`) from their
parsed lines, without building them; the groups they form are joined into components
(claims linked through a slot, an inverse-functional object, a wider place, an
exclusive predicate, an ``answers`` or ``regarding`` link); every claim is then decoded
once from its line offset, a bin of whole components at a time, and checked with the
unchanged rules. ``undeclared_copying`` concludes once from what it reads of the claims
whose question has two votes or more (:func:`~factlog.checks._copying.copy_votes`,
projected in their bins), and the holder and source rules run once on the claims they
name in their bins (those claims are kept from their bins). The findings are kept
encoded and compressed until the report is read (:mod:`factlog.checks._compact`).
numpy holds the columns (the ``scale`` extra).
"""

from __future__ import annotations

import functools
import os
from array import array
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import attrs

from factlog._bulk import paused_gc
from factlog._extras import missing_extra
from factlog.analysis._arrays import checked_ids, distinct, member
from factlog.analysis._index import Index
from factlog.analysis._lines import Unstreamable, check_references, index_of, materialise, read_whole
from factlog.analysis._unionfind import smallest_joined
from factlog.checks._columns import HOLDER_AND_SOURCE_RULES, HOLDER_OR_SOURCE, Columns, scan
from factlog.checks._compact import CompactFindings, FindingsBuilder
from factlog.checks._copying import undeclared_copying
from factlog.checks._engine import Marks, Report, _run, check, rule_names
from factlog.checks._findings import Finding
from factlog.checks._groupings import reads_of
from factlog.checks._rules import DEFAULT_RULES, Rule, expect_rules
from factlog.errors import ArgumentError, FormatError
from factlog.io._arguments import expect_path, expect_progress, expect_sizes
from factlog.io._documents import load
from factlog.io._files import LineTooLong
from factlog.io._parsing import DEFAULT_LIMITS, FORMAT_DEPTH, Limits
from factlog.model._nouns import Claim

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["check_lines"]

BATCH = 10_000
"""Claims with a pattern or several objects decoded and indexed at once while the columns are built."""
BIN = 20_000
"""Claims checked at once: whole components are packed into bins of about this many."""


def _numpy() -> Any:
    try:
        import numpy  # noqa: PLC0415 - heavy, and only this path needs it
    except ImportError:  # pragma: no cover - the test extra installs it
        raise ArgumentError(missing_extra("the compact check", "numpy", "scale")) from None
    return numpy


@paused_gc
def check_lines(
    path: str | os.PathLike[str],
    rules: Sequence[Rule] = DEFAULT_RULES,
    *,
    stale: bool = True,
    batch: int = BATCH,
    bin_size: int = BIN,
    limits: Limits = DEFAULT_LIMITS,
    progress: Callable[[str], None] | None = None,
) -> Report:
    """Check one JSON Lines claim file with bounded memory; the findings of :func:`check` on :func:`load`.

    The findings are identical to ``check(load(path), rules, stale=stale)``: the same
    ids, order and JSON report. Memory grows with the columns (tens of bytes a claim),
    with the largest bin of linked claims (``bin_size`` claims, or one component
    larger than that), with the findings (kept compressed: the report's ``findings`` is
    a :class:`~factlog.checks._compact.CompactFindings`, a sequence that decodes each
    finding when read and equals the tuple :func:`check` gives; write it with
    :func:`~factlog.write_report_json`), with what ``undeclared_copying`` reads of the
    claims voting twice or more (four strings a claim) and with the claims the holder
    and source rules check together, not with the whole file. Each claim is decoded once
    (claims with a pattern or several objects twice, in batches of ``batch``). ``rules`` must be taken from
    :data:`DEFAULT_RULES` (others raise :class:`~factlog.ArgumentError`): the compact
    path knows which groups each reads.

    The report's ``claims`` holds the file's entities, predicates, sources and
    acknowledgements but not its claims, and its ``claim_count`` the number of claims
    checked (render it as JSON: the text and Markdown reports quote the claims). A
    file this path does not take (an older version, a problem on a line, an unknown
    id, a claim without an id, a ``when`` in words, orjson missing) is read
    whole with :func:`load` and checked with :func:`check`, so its errors are the
    same: :class:`~factlog.FormatError` with file, line and JSON path.

    ``limits`` bounds each line (``max_bytes``, default 1 GiB), not the file: a longer
    line is a :class:`~factlog.FormatError` naming the file and the line, refused after
    reading one byte past the limit. A file read whole is read under ``limits``.
    ``progress``, if given, is called with each stage in words as it starts (``"bin 3 of
    40 (40,000 of 1,000,000 claims)"``): the command line shows them after its spinner.
    Raises :class:`~factlog.ArgumentError` for a ``path`` that is no :class:`str` or
    :class:`os.PathLike` or is empty (``""``; the working folder is ``"."``), ``limits``
    that are no :class:`Limits`, a ``batch`` or ``bin_size`` that is no :class:`int` or
    is under 1, or a ``progress`` that is not callable.
    """
    rules = expect_rules(rules, "factlog.check_lines: rules")
    unknown = [getattr(rule, "__name__", repr(rule)) for rule in rules if rule not in DEFAULT_RULES]
    if unknown:
        raise ArgumentError(f"check_lines runs only the default rules, not {', '.join(unknown)}")
    file = Path(expect_path(path, "factlog.check_lines", limits=limits))
    expect_sizes("factlog.check_lines", batch=batch, bin_size=bin_size)
    say = expect_progress(progress, "factlog.check_lines")
    np = _numpy()
    # A named pipe or a device is never opened here (never waited on): load refuses it. Limits
    # tighter than the format's own nesting are the whole-file reader's to enforce, line by line.
    if not file.is_file() or limits.max_depth < FORMAT_DEPTH:
        return check(load(file, limits=limits), rules, stale=stale)
    try:
        say("reading each claim's columns")
        columns, base = scan(file, batch, limits)
        say(f"grouping {len(columns.offsets):,} claims")
        groups = _groups(np, columns, bin_size)
    except LineTooLong as error:
        raise FormatError(error.errors) from None
    except Exception as error:  # a problem the whole-file reader reports with file, line and JSON path
        return check(read_whole(file, limits, error), rules, stale=stale)
    try:
        found = _checked(np, file, base, columns, groups, rules=rules, limits=limits, say=say)
    except LineTooLong as error:
        raise FormatError(error.errors) from None
    except Unstreamable as error:
        return check(read_whole(file, limits, error), rules, stale=stale)
    del groups
    say("putting the findings in order")
    return Report(found.build(stale=stale), columns.tables, checked=len(columns.offsets), rules=rule_names(rules))


class _Found:
    """The findings as they are found: encoded and compressed (:class:`FindingsBuilder`), acknowledgements matched."""

    def __init__(self, base: Index, rules: Sequence[Rule]) -> None:
        self.findings = FindingsBuilder({getattr(rule, "__name__", repr(rule)): at for at, rule in enumerate(rules)})
        self.marks = Marks(base)
        self.failed: set[str] = set()

    def add(self, findings: Iterable[Finding], dated: Callable[[str], tuple[int, int] | None]) -> None:
        """Add one rule's findings, each with its first date: the least of its claims' ``dated`` (None: unknown)."""
        for finding in findings:
            known = [key for key in map(dated, finding.claim_ids) if key is not None]
            first = min(known, default=(0, 0))
            if finding.rule == "rule_failure":  # a failing rule fails once per bin: one finding is kept per rule
                if finding.id in self.failed:
                    continue
                self.failed.add(finding.id)
            self.marks.observe(finding.id)
            self.findings.add(finding, first)

    def build(self, *, stale: bool) -> CompactFindings:
        """The findings in report order, acknowledged ones marked, stale acknowledgements (if ``stale``) added."""
        notes = self.marks.settle()
        for finding in self.marks.stale() if stale else ():
            self.findings.add(finding, (0, 0))
        return self.findings.build(notes)


def _stated_in(index: Index) -> Callable[[str], tuple[int, int] | None]:
    """The sort key of a claim's ``stated`` date, for the claims the index holds (None: undated or not held)."""
    by_id = index.by_id

    def dated(claim: str) -> tuple[int, int] | None:
        entry = by_id.get(claim)
        return None if entry is None or entry.stated is None else entry.stated.sort_key

    return dated


def _checked(
    np: Any,
    file: Path,
    base: Index,
    columns: Columns,
    groups: dict[str, Any],
    *,
    rules: Sequence[Rule],
    limits: Limits,
    say: Callable[[str], None],
) -> _Found:
    """The findings of every bin, then of the claims held rules name, then of the claims voting twice or more.

    Each claim is decoded once, in its bin; the holder and source rules run there too,
    to mark the claims they name, and ``undeclared_copying`` projects each bin's
    voting claims (:func:`~factlog.checks._copying.copy_votes`: a few strings a claim).
    The marked claims are kept from their bins (the claims only, not their entries) and
    checked together at the end by the holder and source rules; the copying rule
    concludes from the projections of every bin, in claim order. Raises
    :class:`Unstreamable` for a claim the whole-file reader must look at.
    """
    found = _Found(base, rules)
    held = [rule for rule in rules if rule in HOLDER_AND_SOURCE_RULES]
    # The claims voting twice or more are undeclared_copying's (its projection is copy_votes).
    projected = [rule for rule in rules if rule is undeclared_copying]
    in_bins = [rule for rule in rules if rule not in held and rule not in projected]
    offsets = np.frombuffer(columns.offsets, dtype=np.int64)
    flags = columns.flags
    marked = np.frombuffer(flags, dtype=np.uint8)  # a view: flags set below show in it
    voting = np.zeros(marked.size, dtype=bool)
    if projected:
        voting[groups["votes"]] = True
    votes = {rule: _Votes() for rule in projected}
    kept: dict[int, Claim] = {}
    bins, done = groups["bins"], 0
    with file.open("rb") as stream:
        for number, members in enumerate(bins, 1):
            say(f"bin {number:,} of {len(bins):,} ({done:,} of {offsets.size:,} claims)")
            done += members.size
            index = _decoded(stream, base, offsets[members].tolist(), limits)
            stated_of = _stated_in(index)
            for rule in in_bins:
                found.add(_run(rule, index), stated_of)
            numbers = members.tolist()
            # The sources the bin cites: each claim's part is decided by the claim alone, and
            # the other sources (all of them again, bin after bin) would name none of its claims.
            cited = attrs.evolve(index, source_scope=frozenset(index.by_source))
            for rule in held:
                for finding in _run(rule, cited):
                    for claim in finding.claim_ids:
                        entry = index.by_id.get(claim)
                        if entry is not None:
                            flags[numbers[entry.position]] |= HOLDER_OR_SOURCE
            for rule, kept_votes in votes.items():
                kept_votes.project(rule, index, numbers, voting)
            for position in np.flatnonzero(marked[members] != 0).tolist():
                kept[numbers[position]] = index.entries[position].claim
            del index, cited, stated_of  # before the next bin is decoded: one bin in memory at a time
    claims = [kept[number] for number in sorted(kept)]
    kept.clear()
    if held:
        say(f"the {len(claims):,} claims the holder and source rules name, together")
        index = index_of(base, claims)
        stated_of = _stated_in(index)
        for rule in held:
            found.add(_run(rule, index), stated_of)
        del index, stated_of
    del claims
    for rule, kept_votes in votes.items():
        say(f"{getattr(rule, '__name__', 'copy detection')}: learning from {len(kept_votes.numbers):,} votes")
        found.add(*kept_votes.conclude(np, rule, base))
    return found


class _Votes:
    """What a ``whole`` rule with a projection reads of the voting claims, bin by bin, then concluded once."""

    def __init__(self) -> None:
        self.numbers: list[int] = []
        self.records: list[Any] = []
        self.low, self.high = array("q"), array("q")  # each record's claim's stated sort key; -1: undated
        self.spread: set[str] = set()
        self.failure: BaseException | None = None
        self.strings: dict[str, str] = {}

    def project(self, rule: Rule, index: Index, numbers: list[int], voting: Any) -> None:
        """Keep the records of one bin's voting claims, their claim numbers and ``stated`` dates."""
        if self.failure is not None:
            return
        try:
            records = reads_of(rule).project(index)  # type: ignore[misc]
        except Exception as error:  # reported as the rule's failure, as the engine reports it
            self.failure, self.records, self.numbers, self.spread = error, [], [], set()
            self.low, self.high = array("q"), array("q")
            return
        strings = self.strings
        for record in records:
            entry = index.by_id[record[0]]
            number = numbers[entry.position]
            if not voting[number]:
                continue
            self.numbers.append(number)
            # The questions, answers and parties recur from claim to claim: each string is kept once.
            self.records.append(
                (record[0], *(strings.setdefault(item, item) if type(item) is str else item for item in record[1:]))
            )
            low, high = (-1, -1) if entry.stated is None else entry.stated.sort_key
            self.low.append(low)
            self.high.append(high)
            if record[0] in index.spread:
                self.spread.add(record[0])

    def conclude(
        self, np: Any, rule: Rule, base: Index
    ) -> tuple[list[Finding], Callable[[str], tuple[int, int] | None]]:
        """The rule's findings from every bin's records, in claim order (or its failure), and their claims' dates."""
        order = np.argsort(np.array(self.numbers, dtype=np.int64), kind="stable").tolist()
        records = [self.records[at] for at in order]
        claims = [record[0] for record in self.records]
        self.records, self.numbers, self.strings = [], [], {}
        failure, conclude = self.failure, reads_of(rule).conclude

        def whole(index: Index) -> Any:
            if failure is not None:
                raise failure
            return conclude(index, records)  # type: ignore[misc]

        # The claims read under several propositions: their findings' ids hash the message, as in check.
        found = _run(functools.update_wrapper(whole, rule), attrs.evolve(base, spread=self.spread))
        records.clear()
        # The dates of the claims the findings name only: a few, not every voting claim's.
        cited = {claim for finding in found for claim in finding.claim_ids}
        dates = {
            claim: (low, high) for claim, low, high in zip(claims, self.low, self.high, strict=True) if claim in cited
        }
        return found, lambda claim: None if dates.get(claim, (-1, -1))[0] < 0 else dates[claim]


def _decoded(stream: IO[bytes], base: Index, offsets: list[int], limits: Limits) -> Index:
    """An index of the claims at these offsets (ascending), their ids resolved as the whole-file reader resolves them.

    Raises ``LineTooLong`` for a line over the limit and :class:`Unstreamable` for any
    other problem of a claim (the whole-file reader reports it).
    """
    try:
        index = index_of(base, materialise(stream, offsets, limits))
        check_references(index.claims, index.vocabulary)
    except (LineTooLong, Unstreamable):
        raise
    except Exception as error:
        raise Unstreamable(f"{type(error).__name__}: {error}") from error
    return index


def _groups(np: Any, columns: Columns, capacity: int) -> dict[str, Any]:
    """Claim numbers to decode: ``bins`` (a list, whole components each, every claim in one) and ``votes``.

    Raises :class:`Unstreamable` for a duplicate claim id or a link to a claim the file
    does not hold (the whole-file reader reports them).
    """
    count = len(columns.offsets)
    ids, references = checked_ids(np, columns.ids, columns.references)
    linked = member(np, ids, references)
    token_claim = np.concatenate([np.frombuffer(columns.token_claim, dtype=np.int64), np.flatnonzero(linked)])
    token = np.concatenate([np.frombuffer(columns.token, dtype=np.int64), ids[linked]])
    component = _components(np, count, token_claim, token)
    _, inverse, counts = np.unique(
        np.frombuffer(columns.question, dtype=np.int64), return_inverse=True, return_counts=True
    )
    votes = distinct(np, np.frombuffer(columns.vote_claim, dtype=np.int64)[counts[inverse] > 1])
    return {"bins": _bins(np, component, capacity), "votes": votes}


def _components(np: Any, count: int, token_claim: npt.NDArray[np.int64], token: npt.NDArray[np.int64]) -> Any:
    """For each claim, the smallest claim number of its component (claims sharing a token, transitively)."""
    _, token_number = np.unique(token, return_inverse=True)
    tokens = int(token_number.max()) + 1 if token_number.size else 0
    root = smallest_joined(np, token_claim, token_number, tokens)
    order = np.argsort(token_claim, kind="stable")
    claims, numbers = token_claim[order], token_number[order]
    starts = np.flatnonzero(np.r_[True, claims[1:] != claims[:-1]]) if claims.size else np.array([], dtype=np.int64)
    # A component is named by its smallest claim number: a claim without tokens is its own.
    component = np.arange(count, dtype=np.int64)
    if claims.size:
        smallest = np.full(tokens, count, dtype=np.int64)
        np.minimum.at(smallest, root[numbers], claims)
        component[claims[starts]] = smallest[root[numbers[starts]]]
    return component


def _bins(np: Any, component: Any, capacity: int) -> list[Any]:
    """Claim numbers in bins of whole components (in file order within each); a claim alone is its own component."""
    if not component.size:
        return []
    members = np.argsort(component, kind="stable")
    roots = component[members]
    starts = np.flatnonzero(np.r_[True, roots[1:] != roots[:-1]])
    bins: list[Any] = []
    current: list[Any] = []
    filled = 0
    for start, stop in zip(starts.tolist(), [*starts[1:].tolist(), members.size], strict=True):
        if current and filled + (stop - start) > capacity:
            bins.append(np.sort(np.concatenate(current)))
            current, filled = [], 0
        current.append(members[start:stop])
        filled += stop - start
    if current:
        bins.append(np.sort(np.concatenate(current)))
    return bins
