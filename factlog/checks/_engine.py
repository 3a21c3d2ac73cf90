"""Running the rules: :func:`check` and the :class:`Report` it returns."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

import attrs

from factlog._bulk import paused_gc
from factlog.analysis._index import Entry, Index
from factlog.checks._findings import Finding, Severity, finding_id
from factlog.checks._marks import Marks
from factlog.checks._rules import DEFAULT_RULES, Rule, expect_rules
from factlog.errors import (
    ArgumentError,
    ArgumentTypeError,
    ConflictError,
    FieldError,
    ScaleError,
    described,
    expect_each,
)
from factlog.model._cached import cached_slot
from factlog.model._claimset import ClaimSet, expect_claim_set
from factlog.model._coherence import vocabulary_problems
from factlog.model._dates import Interval
from factlog.model._nearest import nearest_ids
from factlog.model._nouns import Claim
from factlog.model._vocabulary import Vocabulary

__all__ = ["ENGINE_RULES", "Checker", "Marks", "Report", "check", "finish", "first_stated", "rule_names", "run_rules"]


class _Kept:
    """Where a :class:`Report` keeps its vocabulary once built (see :mod:`factlog.model._cached`)."""

    __slots__ = ("_vocabulary",)


@attrs.frozen
class Report(_Kept):
    """The findings of a check, most severe first, in a stable order.

    ``findings`` is a tuple from :func:`check`; from :func:`~factlog.check_lines` it is a
    :class:`~factlog.checks._compact.CompactFindings`, a sequence that decodes each
    finding when read and otherwise behaves as that tuple (it equals and hashes as it).
    """

    findings: Sequence[Finding]
    claims: ClaimSet = attrs.field(repr=False, eq=False)
    checked: int | None = attrs.field(default=None, repr=False, eq=False)
    """How many claims were checked, when ``claims`` holds only those the findings cite
    (a distributed check); None: all of ``claims``."""
    rules: tuple[str, ...] | None = attrs.field(default=None, repr=False, eq=False)
    """The names of the rules the check ran, in order; None when not known (a report made by hand)."""

    @property
    def claim_count(self) -> int:
        """How many claims were checked."""
        return len(self.claims.claims) if self.checked is None else self.checked

    @cached_slot
    def vocabulary(self) -> Vocabulary:
        """The vocabulary of the claims checked: names as written to ids, ids to display names."""
        return Vocabulary.of(self.claims)

    def summary(self) -> dict[str, int]:
        """Counts of unacknowledged findings by severity, and of acknowledged ones; raises nothing.

        ``{"error": n, "warning": n, "info": n, "acknowledged": n}``, every key present
        (0 when there is none), in that order.
        """
        counts = {severity.value: 0 for severity in reversed(Severity)}
        for finding in self.findings:
            if finding.counts:
                counts[finding.severity.value] += 1
        counts["acknowledged"] = sum(1 for finding in self.findings if finding.acknowledged)
        return counts

    def failed(self, threshold: Severity | str | None = Severity.ERROR) -> bool:
        """Whether an unacknowledged finding is at or above the threshold (None: never).

        The threshold may be named as ``factlog check --fail-on`` names it: ``"error"``,
        ``"warning"``, ``"info"`` (any word :meth:`Severity.parse` knows) or ``"never"``.
        Raises :class:`~factlog.ArgumentError` (a :class:`ValueError`) for any other word or type.
        """
        level = _threshold(threshold)
        return level is not None and any(f.counts and f.severity >= level for f in self.findings)

    def by_rule(self, rule: str) -> list[Finding]:
        """The findings of one rule, in report order (``[]`` for a rule that ran and found nothing).

        Raises :class:`~factlog.ArgumentError` (a :class:`ValueError`) for a name that is
        no rule the check ran (:attr:`rules`), nor the engine's own (``stale_acknowledgement``,
        ``rule_failure``), nor the rule of any finding, offering the nearest names ("did
        you mean"); a report that does not know its rules (``rules`` None) gives ``[]``.
        """
        found = [finding for finding in self.findings if finding.rule == rule]
        if found or self.rules is None or rule in self.rules or rule in ENGINE_RULES:
            return found
        known = [*self.rules, *ENGINE_RULES]
        near = nearest_ids(known, rule) if isinstance(rule, str) else []
        offered = f"did you mean {' or '.join(map(repr, near))}?" if near else f"the rules run: {', '.join(known)}"
        raise ArgumentError(f"Report.by_rule: {rule!r} is no rule this check ran; {offered}")


ENGINE_RULES = ("stale_acknowledgement", "rule_failure")
"""The rules the engine reports under besides the rules it runs: a stale acknowledgement, a rule that raised."""


def rule_names(rules: Sequence[Rule]) -> tuple[str, ...]:
    """The names of rules as their findings name them (a function's ``__name__``)."""
    return tuple(getattr(rule, "__name__", repr(rule)) for rule in rules)


def _threshold(threshold: object) -> Severity | None:
    """A :meth:`Report.failed` threshold as a severity (None: never)."""
    if threshold is None or isinstance(threshold, Severity):
        return threshold
    expected = "a Severity, None, or one of error, warning, info, never"
    if isinstance(threshold, str):
        if threshold.strip().casefold() == "never":
            return None
        try:
            return Severity.parse(threshold)
        except ScaleError:
            raise ArgumentError(f"Report.failed: threshold: expected {expected}, got {threshold!r}") from None
    raise ArgumentTypeError(f"Report.failed: threshold: expected {expected}, got {described(threshold)}")


def _run(rule: Rule, index: Index) -> list[Finding]:
    name = getattr(rule, "__name__", repr(rule))
    try:
        found = list(rule(index))
    except Exception as error:
        return [
            Finding(
                rule="rule_failure",
                severity=Severity.ERROR,
                message=f"rule {name} failed: {type(error).__name__}: {error}",
                claims={},
                id=finding_id("rule_failure", [name]),
            )
        ]
    return _apart([_distinct(index, finding) for finding in found] if index.spread else found)


def _apart(found: list[Finding]) -> list[Finding]:
    """One rule's findings, each once; two that share an id but say different things get ids of their own.

    A claim read twice under one proposition (a pattern: denied until a date, then
    affirmed) can give a rule two findings about the same claims: their ids then also
    hash the message, as :func:`_distinct` does, whatever order they came in.
    """
    said: dict[str, set[str]] = {}
    for finding in found:
        said.setdefault(finding.id, set()).add(finding.message)
    if len(said) == len(found):
        return found
    unique = list(dict.fromkeys(found))
    return [
        attrs.evolve(f, id=finding_id(f.rule, [*f.claim_ids, f"\0{f.message}"])) if len(said[f.id]) > 1 else f
        for f in unique
    ]


def _distinct(index: Index, finding: Finding) -> Finding:
    """A finding about one claim read under several propositions gets an id of its own.

    "Marrow, Ostby and Keld were struck", denied, gives one contradiction per town with
    the same claims: their ids also hash the message, which names the proposition.
    """
    claims = finding.claim_ids
    if finding.id != finding_id(finding.rule, claims) or not any(claim in index.spread for claim in claims):
        return finding
    return attrs.evolve(finding, id=finding_id(finding.rule, [*claims, f"\0{finding.message}"]))


def run_rules(index: Index, rules: Sequence[Rule]) -> list[Finding]:
    """Every finding of the rules on an index (or a view), in rule order, unsorted.

    A rule that raises gives one ``rule_failure`` finding instead of stopping the check.
    """
    return [finding for rule in rules for finding in _run(rule, index)]


def first_stated(index: Index, finding: Finding) -> tuple[int, int]:
    """The sort key of the earliest ``stated`` date among the finding's claims ((0, 0): none known)."""
    return _earliest({c: index.by_id[c].stated for c in finding.claim_ids if c in index.by_id}, finding)


def _earliest(stated: Mapping[str, Interval | None], finding: Finding) -> tuple[int, int]:
    return min((d.sort_key for c in finding.claim_ids if c in stated and (d := stated[c]) is not None), default=(0, 0))


_UNDATED = (math.inf, math.inf)
"""Stands for a claim with no ``stated`` date while the earliest is sought: later than any date."""


def _first_dates(
    findings: Sequence[Finding], table: Mapping[str, Entry] | Mapping[str, Interval | None], *, entries: bool
) -> list[tuple[int, int]]:
    """:func:`first_stated` of each finding, each claim's date looked up once however many findings name it.

    ``table``: by claim id, its entry (``entries``: the index's ``by_id``) or its ``stated``
    date. A million-claim check names about a million claims in its findings, about
    400,000 distinct: the loop reads each once from ``known`` and looks up in ``table``
    only a claim not seen before, in place rather than through a function a claim
    (measured at 1M, 0.77–0.83 CPU s against 0.87–0.92 s for one ``map`` a side and
    ``min``; benchmarks/RESULTS.md for the lookup in place).
    """
    known: dict[str, tuple[float, float]] = {}
    get, look = known.get, table.get
    found: list[tuple[int, int]] = []
    append = found.append
    for finding in findings:
        best = _UNDATED
        for _, ids in finding.claims:  # a claim on two sides counts twice: no matter
            for claim in ids:
                when = get(claim)
                if when is None:
                    stated: Any = look(claim)
                    if entries and stated is not None:
                        stated = stated.stated
                    when = known[claim] = _UNDATED if stated is None else stated.span  # an Interval's sort_key
                best = when if when < best else best  # no call of min a claim
        append((0, 0) if best is _UNDATED else cast("tuple[int, int]", best))
    return found


def finish(
    index: Index,
    findings: list[Finding],
    rules: Sequence[Rule],
    *,
    stale: bool = True,
    first: Sequence[tuple[int, int]] | None = None,
    stated: Mapping[str, Interval | None] | None = None,
) -> tuple[Finding, ...]:
    """Mark acknowledged findings, report stale acknowledgements (if ``stale``), and sort.

    Findings sort by severity (most severe first), rule order, the earliest date their
    claims were stated (:func:`first_stated`), then id. When the index does not hold the
    claims, ``first`` gives that date for each finding, in the order of ``findings`` (a
    distributed check computes it where the claims are; it goes by position, not by id:
    two findings of different claims may share an 8-digit id), or ``stated`` gives the
    ``stated`` date by claim id (the compact check of a JSON Lines file).
    """
    marks = Marks(index)
    for finding in findings:
        marks.observe(finding.id)
    notes = marks.settle()
    marked = [
        attrs.evolve(finding, acknowledged=True, note=notes[finding.id]) if finding.id in notes else finding
        for finding in findings
    ]
    if first is not None:
        dates = list(first)
    elif stated is not None:
        dates = _first_dates(findings, stated, entries=False)
    else:
        dates = _first_dates(findings, index.by_id, entries=True)
    for finding in marks.stale() if stale else ():
        marked.append(finding)
        dates.append((0, 0))
    order = {getattr(rule, "__name__", repr(rule)): position for position, rule in enumerate(rules)}
    ranks = {severity: -severity.rank for severity in Severity}

    def key(pair: tuple[Finding, tuple[int, int]]) -> tuple[int, int, tuple[int, int], str]:
        finding, when = pair
        return (ranks[finding.severity], order.get(finding.rule, len(order)), when, finding.id)

    return tuple(finding for finding, _ in sorted(zip(marked, dates, strict=True), key=key))


@paused_gc
def check(claims: ClaimSet, rules: Sequence[Rule] = DEFAULT_RULES, *, stale: bool = True) -> Report:
    """Run consistency rules over a claim set and report what they find.

    Findings whose id the claim set acknowledges are marked acknowledged and do not
    count toward failure. With ``stale`` (the default), an acknowledgement that
    matches no finding is reported; turn it off when running only some rules. Raises
    :class:`~factlog.ArgumentError` when ``claims`` is not a :class:`ClaimSet` or
    ``rules`` no sequence of rules.
    """
    rules = expect_rules(rules, "factlog.check: rules")
    index = Index.of(expect_claim_set(claims, "factlog.check"))
    return Report(finish(index, run_rules(index, rules), rules, stale=stale), claims, rules=rule_names(rules))


class Checker:
    """A check that stays current as claims arrive: only the groups they touch are re-checked.

    ``Checker(claims).add(new_claims)`` indexes the new claims, runs the rules on the
    groups they belong to (their proposition, slot, holder, sources and answers), replaces
    those groups' findings, and returns the findings that are new. :meth:`report` gives
    the same report :func:`check` would give for all the claims so far. Raises
    :class:`~factlog.ArgumentError` (a :class:`ValueError`) when ``claims`` is not a
    :class:`ClaimSet`.
    """

    @paused_gc
    def __init__(self, claims: ClaimSet, rules: Sequence[Rule] = DEFAULT_RULES) -> None:
        expect_claim_set(claims, "factlog.Checker")
        self.rules = expect_rules(rules, "factlog.Checker: rules")
        self._base = claims
        self._added: list[Claim] = []
        self.index = Index.of(claims)
        self._findings: dict[str, Finding] = {}
        self._by_claim: dict[str, set[str]] = {}
        for rule in self.rules:
            for finding in _run(rule, self.index):
                self._keep(finding)

    def _keep(self, finding: Finding) -> None:
        self._findings[finding.id] = finding
        for claim in finding.claim_ids:
            self._by_claim.setdefault(claim, set()).add(finding.id)

    def _drop(self, finding_id: str) -> None:
        finding = self._findings.pop(finding_id, None)
        if finding is None:
            return
        for claim in finding.claim_ids:
            self._by_claim.get(claim, set()).discard(finding_id)

    def add(self, claims: Iterable[Claim]) -> list[Finding]:
        """Add claims and re-check their groups; returns the findings that were not there before.

        The new findings come most severe first, then by id. Raises
        :class:`~factlog.ConflictError` (a :class:`ValueError`) for a claim id already in
        the check or given twice in ``claims``, :class:`~factlog.FieldError` for a claim
        the check's predicates refuse as :class:`~factlog.ClaimSet` does (a declared inverse
        with no entity for its object; the path counts in ``claims``),
        :class:`~factlog.ArgumentError` for ``claims`` that are no iterable of
        :class:`~factlog.Claim`; nothing is added then.
        """
        batch = expect_each(claims, Claim, "Checker.add: claims", "an iterable of Claim")
        problems = [f"claim {c.id!r} is already in the check" for c in batch if c.id in self.index.by_id]
        counts = Counter(c.id for c in batch)
        problems += [f"claim {claim!r} is given {count} times" for claim, count in counts.items() if count > 1]
        if problems:
            raise ConflictError(problems)
        for field, message in vocabulary_problems(self._base.predicates, batch):
            raise FieldError(field, message)
        self._added.extend(batch)
        entries = self.index.add(batch)
        after = self.index.view(entries)
        # The same groups without the new claims: the findings they give are the ones
        # the new claims may change, whatever grouping each rule uses.
        new_ids = {c.id for c in batch}

        def without_new(groups: dict[Any, list[Entry]]) -> dict[Any, list[Entry]]:
            kept = {key: [e for e in group if e.id not in new_ids] for key, group in groups.items()}
            return {key: group for key, group in kept.items() if group}  # rules may rely on non-empty groups

        before_view = attrs.evolve(
            after,
            entries=[],
            by_key=without_new(after.by_key),
            by_slot=without_new(after.by_slot),
            by_holder=without_new(after.by_holder),
            by_source=without_new(after.by_source),
            answered_by=without_new(after.answered_by),
            by_object=without_new(after.by_object),
            hidden=frozenset(new_ids),
        )
        before = set(self._findings)
        for rule in self.rules:
            for finding in _run(rule, before_view):
                self._drop(finding.id)
        fresh = [finding for rule in self.rules for finding in _run(rule, after)]
        for finding in fresh:
            self._keep(finding)
        return sorted((f for f in fresh if f.id not in before), key=lambda f: (-f.severity.rank, f.id))

    @property
    def findings(self) -> list[Finding]:
        """The current findings, unsorted and without acknowledgement marks."""
        return list(self._findings.values())

    def report(self) -> Report:
        """The report for every claim so far, as :func:`check` would give it; raises nothing."""
        # The added claims were checked against the base's predicates as they came (add).
        claims = self._base.sharing_tables((*self._base.claims, *self._added)) if self._added else self._base
        findings = finish(self.index, list(self._findings.values()), self.rules)
        return Report(findings, claims, rules=rule_names(self.rules))
