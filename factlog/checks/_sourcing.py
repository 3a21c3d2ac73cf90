"""Sourcing rules: who stands behind a claim, and whether that is as much as it seems."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from factlog.analysis import _phrasing as phrasing
from factlog.analysis._index import Entry, Index, chronological
from factlog.analysis._origins import may_share_origin, origins
from factlog.analysis._timegroups import components
from factlog.checks._findings import Finding, Severity
from factlog.model._scales import Certainty, Polarity, Reliability

__all__ = ["hollow_corroboration", "interested_denial", "overconfident_holder", "self_contradiction"]


def hollow_corroboration(index: Index) -> Iterator[Finding]:
    """Several sources, one origin: corroboration that is really one voice repeated.

    Claims about one proposition, with one polarity, read in two or more sources, that
    all trace to a single origin: the same holder (however relayed), holders speaking
    for one party (KCNA and the DPRK government), or sources declared as copies of one
    another (``derived_from``). The finding names the single origin. Severity:
    *warning*; the count of sources is not independent confirmation.
    """
    for entries in index.by_key.values():
        for polarity in Polarity:
            side = [e for e in entries if e.polarity is polarity]
            sources = {source for e in side for source in e.sources}
            if len(sources) < 2 or not may_share_origin(index, side):
                continue
            side = chronological(side)
            found = origins(index, side)
            if len(found) != 1:
                continue
            assert side[0].proposition is not None
            what = phrasing.proposition(index, side[0].proposition)
            verb = "affirm" if polarity is Polarity.AFFIRMED else "deni"
            yield Finding(
                rule="hollow_corroboration",
                severity=Severity.WARNING,
                message=f"Hollow corroboration: {what}: {verb}ed in {len(sources)} sources, all from one origin,"
                f" {found[0].label}",
                claims={"origin " + found[0].speaker: [e.id for e in side]},
            )


def overconfident_holder(index: Index) -> Iterator[Finding]:
    """Certain claims from holders whose reliability cannot carry certainty.

    A holder graded E ("unreliable"), or an anonymous holder ("analysts", "a
    Seoul-based security analyst"), stated as certain: the certainty is the reporter's
    framing, not something the holder's record supports. One finding per holder.
    Severity: *info*, for the analyst to weigh.
    """
    for holder, entries in index.by_holder.items():
        entity = index.entity(holder)
        if entity is None or not (entity.anonymous or entity.reliability is Reliability.E):
            continue
        certain = [e for e in entries if e.claim.certainty is Certainty.CERTAIN]
        if not certain:
            continue
        why = "anonymous" if entity.anonymous else "graded E, unreliable"
        yield Finding(
            rule="overconfident_holder",
            severity=Severity.INFO,
            message=phrasing.capital(
                f"{entity.name} ({why}): reported as certain in {len(certain)} claim{'s' if len(certain) > 1 else ''}"
            ),
            claims={"certain": [e.id for e in chronological(certain)]},
        )


def interested_denial(index: Index) -> Iterator[Finding]:
    """Denials made by a party the proposition accuses.

    When the subject or the object of a proposition (or an entity speaking for one,
    such as its state media) denies it, the denial is self-interested: it says little
    about the truth and should be weighed as such, never taken as refutation. One
    finding per proposition, listing the interested denials and what they deny.
    Severity: *info*.
    """
    for entries in index.by_key.values():
        proposition = entries[0].proposition
        assert proposition is not None
        parties = {index.speaker(proposition.subject)}
        if isinstance(proposition.object, str):
            parties.add(index.speaker(proposition.object))
        interested = [e for e in entries if e.polarity is Polarity.DENIED and e.speaks_for in parties]
        if not interested:
            continue
        mine = {e.id for e in interested}  # a pattern claim affirms what it does not deny: not its own target
        denied = [e for e in entries if e.polarity is Polarity.AFFIRMED and e.id not in mine]
        names = phrasing.holders(index, chronological(interested))
        what = phrasing.proposition(index, proposition, with_time=False)
        yield Finding(
            rule="interested_denial",
            severity=Severity.INFO,
            message=f"Denied by an interested party: {what}: denied by {names}, party to it",
            claims={
                "interested": [e.id for e in chronological(interested)],
                "denied": [e.id for e in chronological(denied)],
            },
        )


def self_contradiction(index: Index) -> Iterator[Finding]:
    """One holder affirming and denying the same proposition at overlapping times.

    Within one source this is a text contradicting itself; across sources and dates it
    is a reversal (Russia called the troop reports fake in 2024 and confirmed them in
    2025), reported with both dates. One finding per holder, proposition and group of
    claims linked by overlapping times. Severity: *warning*.
    """
    for entries in index.by_key.values():
        by_holder: dict[str, list[Entry]] = defaultdict(list)
        for entry in entries:
            if entry.claim.certainty is not Certainty.UNCOMMITTED:
                by_holder[entry.holder].append(entry)
        for holder, mine in by_holder.items():
            affirmed = [e for e in mine if e.polarity is Polarity.AFFIRMED]
            denied = [e for e in mine if e.polarity is Polarity.DENIED]
            if not affirmed or not denied:
                continue
            for group in components(affirmed, denied):
                yes = chronological([e for e in group if e.polarity is Polarity.AFFIRMED])
                no = chronological([e for e in group if e.polarity is Polarity.DENIED])
                assert yes[0].proposition is not None
                what = phrasing.proposition(index, yes[0].proposition, with_time=False)
                stated = sorted({str(e.stated) for e in group if e.stated is not None})
                same_source = {s for e in yes for s in e.sources} & {s for e in no for s in e.sources}
                kind = "in one source" if same_source or len(stated) < 2 else f"a reversal: {', '.join(stated)}"
                yield Finding(
                    rule="self_contradiction",
                    severity=Severity.WARNING,
                    message=f"Self-contradiction: {what}: both affirmed and denied by {index.name(holder)} ({kind})",
                    claims={"affirming": [e.id for e in yes], "denying": [e.id for e in no]},
                )
