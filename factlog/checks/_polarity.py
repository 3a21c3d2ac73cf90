"""Polarity rules: an affirmation and a denial of the same thing."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from factlog.analysis import _phrasing as phrasing
from factlog.analysis._index import Entry, Index, chronological
from factlog.analysis._timegroups import components, definite_conflict, possible_conflict
from factlog.checks._findings import Finding, Severity
from factlog.model._nouns import PredicateKind
from factlog.model._scales import Certainty, Polarity

__all__ = ["answered_denial", "opposed_claims"]


def strongest(entries: Sequence[Entry]) -> Certainty:
    """The firmest certainty among claims."""
    return max(entry.claim.certainty for entry in entries)


def _severity(affirmed: Sequence[Entry], denied: Sequence[Entry], *, event: bool) -> Severity:
    firm_affirmed = [e for e in affirmed if e.claim.certainty is Certainty.CERTAIN]
    firm_denied = [e for e in denied if e.claim.certainty is Certainty.CERTAIN]
    if definite_conflict(firm_affirmed, firm_denied, event=event):
        return Severity.ERROR
    if possible_conflict(firm_affirmed, firm_denied) or definite_conflict(affirmed, denied, event=event):
        return Severity.WARNING
    return Severity.INFO


def opposed_claims(index: Index) -> Iterator[Finding]:
    """Claims that affirm and deny the same proposition at overlapping times.

    Propositions are compared after normalisation (aliases, inverse predicates,
    symmetric pairs), so "Russia receives weapons from Pyongyang" and "North Korea
    supplies weapons to Russia" are the same proposition. Time follows the predicate's
    kind: a denied **state** ("no longer holds office", 2025-10) conflicts with an
    affirmation wherever the two may share a day; a denied **event** over a span means
    it did not happen at any time in it, so "the last visit was in 2019", stated in
    October 2025 and encoded as a denial over 2020/2025-10, conflicts with a visit
    affirmed for April 2024.

    One finding per group of claims linked by overlapping times, listing every
    affirming and every denying claim. Severity: *error* when a certain affirmation
    and a certain denial definitely conflict; *warning* ("disputed") when either side
    is only probable or possible, or the conflict is only possible (an event dated
    only partly inside the denied span, or a claim without a valid time, which
    overlaps every time); *info* below that. Uncommitted claims commit to nothing and
    are not compared.
    """
    for entries in index.by_key.values():
        committed = [e for e in entries if e.claim.certainty is not Certainty.UNCOMMITTED]
        affirmed = [e for e in committed if e.polarity is Polarity.AFFIRMED]
        denied = [e for e in committed if e.polarity is Polarity.DENIED]
        if not affirmed or not denied:
            continue
        event = entries[0].predicate is not None and entries[0].predicate.kind is PredicateKind.EVENT
        for group in components(affirmed, denied):
            yes = chronological([e for e in group if e.polarity is Polarity.AFFIRMED])
            no = chronological([e for e in group if e.polarity is Polarity.DENIED])
            assert yes[0].proposition is not None
            same_time = len({e.when for e in group}) == 1
            what = phrasing.proposition(index, yes[0].proposition, with_time=same_time)
            severity = _severity(yes, no, event=event)
            lead = "Disputed" if severity is Severity.WARNING else "Contradiction"
            affirmers = phrasing.by_holders(index, yes, times=not same_time)
            deniers = phrasing.by_holders(index, no, times=not same_time)
            message = f"{lead}: {what}: {phrasing.participle(strongest(yes))} by {affirmers}; denied by {deniers}"
            yield Finding(
                rule="opposed_claims",
                severity=severity,
                message=message,
                claims={"affirming": [e.id for e in yes], "denying": [e.id for e in no]},
            )


def answered_denial(index: Index) -> Iterator[Finding]:
    """Claims that answer another claim with the opposite polarity.

    A claim's ``answers`` names the claims it responds to; answering with the opposite
    polarity is a denial (or a retraction), reported even when neither claim has a
    structured proposition ("Both Moscow and Pyongyang have denied these allegations").
    Pairs that already share a proposition are left to ``opposed_claims``. One finding
    per answered claim, listing every claim that denies it. Severity: *warning* when
    both sides are certain, *info* otherwise (there is no valid time to compare).
    """
    for answered_id, answerers in index.answered_by.items():
        answered = index.by_id.get(answered_id)
        if answered is None or answered.claim.certainty is Certainty.UNCOMMITTED:
            continue
        against = chronological(
            [
                e
                for e in answerers
                if e.claim.polarity is not answered.claim.polarity
                and e.claim.certainty is not Certainty.UNCOMMITTED
                and (e.key is None or e.key != answered.key)
            ]
        )
        if not against:
            continue
        certain = answered.claim.certainty is Certainty.CERTAIN and strongest(against) is Certainty.CERTAIN
        names = phrasing.holders(index, against)
        yield Finding(
            rule="answered_denial",
            severity=Severity.WARNING if certain else Severity.INFO,
            message=f"Denied in answer: {phrasing.statement(answered)}"
            f" ({phrasing.participle(answered.claim.certainty)} by {index.name(answered.holder)}; denied by {names})",
            claims={"answered": [answered.id], "answering": [e.id for e in against]},
        )
