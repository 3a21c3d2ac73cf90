"""Who says it and how firmly: parties judging themselves, sources hedging the record."""

from __future__ import annotations

from collections.abc import Iterator

from factlog.analysis import _phrasing as phrasing
from factlog.analysis._index import Entry, Index, chronological
from factlog.analysis._parties import interested
from factlog.analysis._timegroups import SpanSet, possible_conflict
from factlog.checks._findings import Finding, Severity
from factlog.checks._groupings import reads
from factlog.checks._screens import key_screens
from factlog.model._scales import Polarity

__all__ = ["interested_judgement", "understated_certainty"]


@reads("slot")
def interested_judgement(index: Index) -> Iterator[Finding]:
    """A party judging its own conduct, affirming or denying.

    A predicate declared ``evaluative`` judges conduct or outcome ("obliterated the
    sites", "complied with the agreement"). When the subject or the object of such a
    proposition (or an entity speaking for one) affirms it, the party is marking its
    own work: interested, as a denial by the accused is (``interested_denial``, which
    reports denials of every predicate), and assessment discounts such claims as
    interested. One finding per proposition, listing
    the interested affirmations and what else is said about it. Severity: *info*.

    Example: ``{"id": "destroys", "label": "destroyed", "kind": "event", "evaluative":
    true}``; the defence ministry of Xland (``"affiliation": "xland"``) says "our
    strike obliterated the sites" (``xland destroys sites``): an info finding.
    """
    for entries in index.by_key.values():
        predicate = entries[0].predicate
        if predicate is None or not predicate.evaluative:
            continue
        mine = chronological([e for e in entries if e.polarity is Polarity.AFFIRMED and interested(index, e)])
        if not mine:
            continue
        ids = {e.id for e in mine}
        others = chronological([e for e in entries if e.id not in ids])
        what = phrasing.proposition_words(index, entries)
        yield Finding(
            rule="interested_judgement",
            severity=Severity.INFO,
            message=f"Judged by an interested party: {what}: affirmed by {phrasing.holders(index, mine)}, party to it",
            claims={"interested": [e.id for e in mine], "others": [e.id for e in others]},
        )


def _named(index: Index, entry: Entry, known: dict[str, bool] | None = None) -> bool:
    """Whether the claim's holder is a known entity that is not anonymous; ``known`` remembers each holder's answer."""
    found = None if known is None else known.get(entry.holder)
    if found is None:
        entity = index.entity(entry.holder)
        found = entity is not None and not entity.anonymous
        if known is not None:
            known[entry.holder] = found
    return found


@reads("slot")
def understated_certainty(index: Index) -> Iterator[Finding]:
    """A source hedging ("may") what named holders state as fact, with nobody saying otherwise.

    When one holder calls a proposition only possible while named holders of another
    party (officials, the reference record) state it as certain, with the same
    polarity at overlapping times, and no committed claim takes the other side, the
    hedging source understates the record. (The reverse, an anonymous holder stating
    as certain what nobody supports, is ``overconfident_holder``.) One finding per
    proposition and hedging holder, naming every time that holder gives. Severity: *info*.

    Example: the ministry states as certain that the talks took place on
    ``2025-05-02``; a paper writes that they "may have taken place": an info finding.
    """
    named: dict[str, bool] = {}  # whether each holder is named, looked up once
    for found in key_screens(index).hedged_sides:  # keys with a possible and a certain claim of one polarity: few
        # Each polarity with a possible and a certain claim: those claims and the other side's committed ones.
        for polarity, hedged, certain, other in found.sides:
            firm = [e for e in certain if _named(index, e, named)]
            if not firm:
                continue
            by_holder: dict[str, list[Entry]] = {}
            for entry in chronological(hedged):
                by_holder.setdefault(entry.holder, []).append(entry)
            # Sorted once for every hedging holder: a holder whose times meet no firm claim, or
            # meet a claim of the other side, is passed over without listing its support.
            firm_spans, other_spans, ordered = SpanSet(firm), SpanSet(other), chronological(firm)
            for mine in by_holder.values():
                if not firm_spans.meets(mine) or other_spans.meets(mine):
                    continue
                support = [e for e in ordered if e.speaks_for != mine[0].speaks_for]
                if not support or not possible_conflict(mine, support):
                    continue
                what = phrasing.proposition_of(index, mine)
                verb = "suggested" if polarity is Polarity.AFFIRMED else "suggested not"
                yield Finding(
                    rule="understated_certainty",
                    severity=Severity.INFO,
                    message=f"Understated: {what}: only {verb} by {index.name(mine[0].holder)}, but stated as"
                    f" certain by {phrasing.holders(index, support)}, and nobody says otherwise",
                    claims={"hedged": [e.id for e in mine], "certain": [e.id for e in support]},
                )
