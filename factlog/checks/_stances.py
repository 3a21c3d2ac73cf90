"""Claims about claims: what a claim says of a party's stance, against the record."""

from __future__ import annotations

from collections.abc import Iterator

from factlog.analysis import _phrasing as phrasing
from factlog.analysis._index import Entry, Index, chronological
from factlog.checks._findings import Finding, Severity, graded
from factlog.checks._polarity import stance
from factlog.model._dates import PartialDate
from factlog.model._kinds import StanceKind
from factlog.model._scales import Certainty

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


def _record(index: Index, party: str, referred: list[Entry], *, sided: bool) -> list[Entry]:
    """The party's claims on what the referred claims say (their side only, if ``sided``)."""
    skip = {e.id for e in referred}
    found: dict[str, Entry] = {}
    for other in referred:
        same = index.key_group(other.key) if other.key is not None else []
        for entry in same:
            if entry.speaks_for == party and (not sided or entry.claim.polarity is other.claim.polarity):
                found.setdefault(entry.id, entry)
        for entry in index.answered_by.get(other.id, ()):
            if entry.id in index.hidden or entry.speaks_for != party:
                continue
            if not sided or stance(entry, other) is other.claim.polarity:
                found.setdefault(entry.id, entry)
    return chronological(
        [e for e in found.values() if e.id not in skip and e.claim.certainty is not Certainty.UNCOMMITTED]
    )


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
    for meta in _about(index):
        regarding = meta.claim.regarding
        assert regarding is not None
        referred = [index.by_id[c] for c in regarding.claims if c in index.by_id and c not in index.hidden]
        if not referred:
            continue
        party = index.speaker(regarding.party)
        record = _record(index, party, referred, sided=regarding.stance is not StanceKind.SILENT)
        record = [e for e in record if e.id != meta.id and e.stated is not None]
        if not record:
            continue
        found = _judge(regarding.stance, regarding.on or meta.stated, regarding.days, referred, record)
        if found is None:
            continue
        against, definite, words = found
        certain = meta.claim.certainty is Certainty.CERTAIN
        yield Finding(
            rule="misreported_stance",
            severity=graded(certain=certain, definite=definite, top=Severity.WARNING),
            message=f"Stance misreported: {phrasing.statement(meta)} ({index.name(meta.holder)}), but"
            f" {index.name(regarding.party)} {words}",
            claims={"about": [meta.id], "record": [e.id for e in against]},
        )


def _judge(
    kind: StanceKind,
    on: PartialDate | None,
    days: int | None,
    referred: list[Entry],
    record: list[Entry],
) -> tuple[list[Entry], bool, str] | None:
    """What in the record contradicts the claim: the claims, whether definitely, and the words."""
    if kind is StanceKind.AFTER:
        assert days is not None
        starts = [e.stated for e in referred if e.stated is not None]
        if not starts:
            return None
        start = min(starts, key=lambda d: d.sort_key)
        first = record[0]
        assert first.stated is not None
        low, high = first.stated.first_day - start.last_day, first.stated.last_day - start.first_day
        slack = max(1, days // 4)
        if low - slack <= days <= high + slack:
            return None
        gap = str(low) if low == high else f"{low} to {high}"
        return [first], True, f"took that side on {first.stated}, {gap} days after {start}, not {days}"
    if on is None:
        return None
    # Only what was certainly said before: a claim dated like ``on`` may be the very one.
    against = [e for e in record if e.stated is not None and e.stated.last_day < on.first_day]
    if not against:
        return None
    dates = phrasing.join(str(e.stated) for e in against)
    if kind is StanceKind.SILENT:
        return against, True, f"is on record on it on {dates}, before {on}"
    return against, True, f"is on record taking that side on {dates}, before {on}"
