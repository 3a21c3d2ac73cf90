"""Claims about claims: what a claim says of a party's stance, against the record."""

from __future__ import annotations

from collections.abc import Iterator

from factlog._echo import counted
from factlog.analysis import _phrasing as phrasing
from factlog.analysis._index import Entry, Index, chronological
from factlog.checks._findings import Finding, Severity, graded
from factlog.checks._groupings import reads
from factlog.checks._polarity import stance
from factlog.model._dates import Interval, PartialDate
from factlog.model._kinds import StanceKind
from factlog.model._scales import Certainty, Polarity
from factlog.model._vocabulary import PropositionKey

__all__ = ["misreported_stance"]


def _about(index: Index) -> list[Entry]:
    """The claims about claims to check: all of them, or in a view those touching its groups."""
    found = {e.id: e for e in index.entries if e.claim.regarding is not None}
    if index.parent is not None:
        root = index.parent
        touched = [e.id for key in index.by_key for e in index.key_group(key)] + list(index.answered_by)
        for claim_id in touched:
            for entry in root.regarded_by.get(claim_id, ()):
                if entry.id not in index.hidden:
                    found[entry.id] = entry
    return chronological(list(found.values()))


_Buckets = dict[tuple[str, Polarity], list[Entry]]


def _buckets(index: Index, key: PropositionKey, cache: dict[PropositionKey, _Buckets]) -> _Buckets:
    """A proposition's claims by party and polarity, each list by when it was stated: built once per key."""
    found = cache.get(key)
    if found is None:
        found = {}
        for entry in index.key_group(key):
            if entry.stated is not None and entry.certainty is not Certainty.UNCOMMITTED:
                found.setdefault((entry.speaks_for, entry.claim.polarity), []).append(entry)
        for side, entries in found.items():
            found[side] = chronological(entries)
        cache[key] = found
    return found


def _first_on_record(
    index: Index,
    party: str,
    referred: list[Entry],
    *,
    sided: bool,
    skip: set[str],
    cache: dict[PropositionKey, _Buckets],
) -> Entry | None:
    """The party's earliest claim on what the referred claims say (on their side only, if ``sided``)."""
    candidates: list[Entry] = []
    answers = (index.parent or index).answered_by  # in a view too, every answer on record
    for other in referred:
        if other.key is not None:
            buckets = _buckets(index, other.key, cache)
            sides = [other.claim.polarity] if sided else list(Polarity)
            for polarity in sides:
                first = next((e for e in buckets.get((party, polarity), ()) if e.id not in skip), None)
                if first is not None:
                    candidates.append(first)
        for entry in answers.get(other.id, ()):
            if entry.id in index.hidden or entry.speaks_for != party or entry.stated is None or entry.id in skip:
                continue
            if entry.certainty is Certainty.UNCOMMITTED:
                continue
            if not sided or stance(entry, other) is other.claim.polarity:
                candidates.append(entry)
    return chronological(candidates)[0] if candidates else None


@reads("regarding")
def misreported_stance(index: Index) -> Iterator[Finding]:
    """A claim about a party's stance that the party's own record contradicts.

    ``regarding`` makes a claim's subject other claims and a party's stance on them:

    * ``silent`` ("the ministry has not yet commented on the report"): the party is on
      record taking a side on them (the same proposition, or an answer) before ``on``
      (default: when the claim was stated);
    * ``first`` ("the company admitted the breach for the first time on D"): the party
      is on record taking their side before D;
    * ``after`` with ``days`` ("a week after the leak, the agency confirmed it"): the
      party's first claim on their side is dated a different number of days after them
      (give or take a quarter of the days, at least one): three weeks, not one.

    Only what was certainly said before counts (a claim dated within ``on`` may be
    the very one). One finding per claim about claims, with what the record holds.
    Severity: *warning* when the claim about claims is certain, *info* otherwise.

    Example: ``{"regarding": {"claims": ["leak"], "party": "agency", "stance":
    "after", "days": 7}}`` on "a week after the leak, the agency confirmed it", with
    the leak stated ``2025-03-01`` and the agency's confirmation ``2025-03-22``: a
    warning ("21 days after 2025-03-01, not 7").
    """
    cache: dict[PropositionKey, _Buckets] = {}
    for meta in _about(index):
        regarding = meta.claim.regarding
        assert regarding is not None
        referred = [index.by_id[c] for c in regarding.claims if c in index.by_id and c not in index.hidden]
        if not referred:
            continue
        party = index.speaks_for(regarding.party)
        skip = {meta.id, *(e.id for e in referred)}
        sided = regarding.stance is not StanceKind.SILENT
        first = _first_on_record(index, party, referred, sided=sided, skip=skip, cache=cache)
        if first is None:
            continue
        found = _judge(regarding.stance, regarding.on or meta.stated, regarding.days, referred, first)
        if found is None:
            continue
        against, definite, words = found
        certain = meta.certainty is Certainty.CERTAIN
        yield Finding(
            rule="misreported_stance",
            severity=graded(certain=certain, definite=definite, top=Severity.WARNING),
            message=f"Stance misreported: {phrasing.statement(meta)} ({index.name(meta.holder)}), but"
            f" {index.name(regarding.party)} {words}",
            claims={"about": [meta.id], "record": [e.id for e in against]},
        )


def _judge(
    kind: StanceKind,
    on: PartialDate | Interval | None,
    days: int | None,
    referred: list[Entry],
    first: Entry,
) -> tuple[list[Entry], bool, str] | None:
    """Whether the party's first claim on record contradicts the claim: the claims, whether definitely, the words."""
    if kind is StanceKind.AFTER:
        assert days is not None
        starts = [e.stated for e in referred if e.stated is not None]
        if not starts:
            return None
        start = min(starts, key=lambda d: d.sort_key)
        assert first.stated is not None
        low, high = first.stated.first_day - start.last_day, first.stated.last_day - start.first_day
        slack = max(1, days // 4)
        if low - slack <= days <= high + slack:
            return None
        gap = counted(low, "day") if low == high else f"{low} to {high} days"
        return [first], True, f"took that side on {first.stated}, {gap} after {start}, not {days}"
    if on is None:
        return None
    # Only what was certainly said before: a claim dated like ``on`` may be the very one.
    if first.stated is None or first.stated.last_day >= on.first_day:
        return None
    if kind is StanceKind.SILENT:
        return [first], True, f"is on record on it on {first.stated}, before {on}"
    return [first], True, f"is on record taking that side on {first.stated}, before {on}"
