"""What a claim says, one proposition at a time: several objects apart, patterns expanded.

A claim is stored as the user wrote it. Before rules compare claims, each claim is
read as a list of :class:`Reading`, the first of which is the claim's own (what
per-claim rules look at); the others are implied by it, and join the proposition
groups under the same claim id, so every finding still quotes the sentence encoded.

* ``"object": ["a", "b"]`` — one reading per object, in the order written.
* ``{"last": Y}`` — X denied from just after Y until ``until`` (default: the date the
  claim was stated), then X affirmed in Y.
* ``{"since": Y}`` — X denied from just after Y until ``until`` (default: just before
  the proposition's ``when``, the occasion, else the date stated), then X affirmed in Y,
  then X affirmed at the occasion when one is given.
* ``{"years": N}`` — as ``since`` the year N years before the occasion (or the date
  stated).
* ``{"highest_since": Y}`` — for each predicate of the same ``scale`` and a higher
  ``rank``: that predicate denied over the same span as ``since``; then X affirmed at
  the occasion when one is given.

"Just after" and "just before" keep the precision written: after 2019 is 2020, after
2019-06 is 2019-07, before 2025-01-01 is 2024-12-31. A span that would end before it
starts (nothing to deny) gives no denial.
"""

from __future__ import annotations

import datetime

import attrs

from factlog.errors import expect
from factlog.model._dates import Interval, PartialDate
from factlog.model._nouns import Claim, Proposition
from factlog.model._patterns import Pattern
from factlog.model._scales import Polarity
from factlog.model._vocabulary import Vocabulary

__all__ = ["Reading", "readings", "shifted"]

_FIRST_YEAR, _LAST_YEAR = 1, 9999  # the years a PartialDate can have (those of datetime.date)


@attrs.frozen
class Reading:
    """One proposition a claim says, and whether it affirms or denies it."""

    proposition: Proposition
    polarity: Polarity


def shifted(date: PartialDate, step: int) -> PartialDate | None:
    """The date one year, month or day (its own precision) after (``step`` 1) or before (-1).

    None when that date lies outside the calendar partial dates have (years 1 to 9999).
    """
    if date.month is None or date.month > 12:  # a year, or an EDTF season (21-24): step by the year
        year = date.year + step
        return PartialDate.parse(f"{year:04d}") if _FIRST_YEAR <= year <= _LAST_YEAR else None
    if date.day is None:
        months = date.year * 12 + date.month - 1 + step
        if not _FIRST_YEAR <= months // 12 <= _LAST_YEAR:
            return None
        return PartialDate.parse(f"{months // 12:04d}-{months % 12 + 1:02d}")
    try:
        day = datetime.date(date.year, date.month, date.day) + datetime.timedelta(days=step)
    except OverflowError:  # before 0001-01-01 or after 9999-12-31
        return None
    return PartialDate.from_date(day)


def readings(claim: Claim, stated: PartialDate | Interval | None, vocabulary: Vocabulary) -> list[Reading]:
    """The readings of a claim, its own first; empty for a claim without a proposition.

    ``stated`` is when the claim was made; stated over an interval, its last date counts.
    Raises :class:`~factlog.ArgumentError` (a :class:`ValueError`) for a ``claim`` that is
    no :class:`~factlog.Claim` or a ``vocabulary`` that is no :class:`~factlog.Vocabulary`,
    nothing else: a span a pattern implies beyond the calendar (years 1 to 9999) is cut
    at its edge, or left out when nothing of it is left.
    """
    expect(claim, Claim, "factlog.readings: claim", "a Claim")
    expect(vocabulary, Vocabulary, "factlog.readings: vocabulary", "a Vocabulary (factlog.Vocabulary.of(claims))")
    if isinstance(stated, Interval):
        stated = stated.end
    proposition = claim.proposition
    if proposition is None:
        return []
    target = proposition.object
    singles = (
        [attrs.evolve(proposition, object=item) for item in target] if isinstance(target, tuple) else [proposition]
    )
    if claim.pattern is None:
        return [Reading(single, claim.polarity) for single in singles]
    return [reading for single in singles for reading in _expand(single, claim.pattern, stated, vocabulary)]


def _span(start: PartialDate | None, end: PartialDate | None) -> Interval | None:
    if start is None or end is None or start.first_day > end.last_day:
        return None
    return Interval(start, end)


def _occasion_end(proposition: Proposition, pattern: Pattern, stated: PartialDate | None) -> PartialDate | None:
    if pattern.until is not None:
        return pattern.until
    when = proposition.when
    if when is not None and when.start is not None:
        return shifted(when.start, -1)
    return stated


def _expand(
    proposition: Proposition, pattern: Pattern, stated: PartialDate | None, vocabulary: Vocabulary
) -> list[Reading]:
    denied, affirmed = Polarity.DENIED, Polarity.AFFIRMED
    found: list[Reading] = []
    occasion = proposition.when
    if pattern.last is not None:
        assert pattern.last.end is not None
        span = _span(shifted(pattern.last.end, 1), pattern.until or stated)
        if span is not None:
            found.append(Reading(attrs.evolve(proposition, when=span), denied))
        return [*found, Reading(attrs.evolve(proposition, when=pattern.last), affirmed)]
    if pattern.highest_since is not None:
        assert pattern.highest_since.end is not None
        span = _span(shifted(pattern.highest_since.end, 1), _occasion_end(proposition, pattern, stated))
        declared = vocabulary.predicate(proposition.predicate)
        if span is not None and declared is not None and declared.rank is not None:
            higher = sorted(
                (item for item in vocabulary.predicates.values() if item.scale == declared.scale),
                key=lambda item: (item.rank or 0, item.id),
            )
            for item in higher:
                if item.rank is not None and item.rank > declared.rank:
                    found.append(Reading(attrs.evolve(proposition, predicate=item.id, when=span), denied))
        if occasion is not None or not found:
            found.append(Reading(proposition, affirmed))
        return found
    since = pattern.since
    if since is None:
        assert pattern.years is not None
        anchor = occasion.start if occasion is not None and occasion.start is not None else stated
        if anchor is None:
            return [Reading(proposition, affirmed)]
        year = anchor.year - pattern.years
        if year < _FIRST_YEAR:  # N years back is before the calendar: no X from its first year on
            span = _span(PartialDate.parse(f"{_FIRST_YEAR:04d}"), _occasion_end(proposition, pattern, stated))
            found = [Reading(attrs.evolve(proposition, when=span), denied)] if span is not None else []
            return [*found, Reading(proposition, affirmed)] if occasion is not None or not found else found
        since = Interval.parse(f"{year:04d}")
    assert since.end is not None
    span = _span(shifted(since.end, 1), _occasion_end(proposition, pattern, stated))
    if span is not None:
        found.append(Reading(attrs.evolve(proposition, when=span), denied))
    found.append(Reading(attrs.evolve(proposition, when=since), affirmed))
    if occasion is not None:
        found.append(Reading(proposition, affirmed))
    return found
