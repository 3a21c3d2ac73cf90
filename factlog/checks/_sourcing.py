"""Sourcing rules: who stands behind a claim, and whether that is as much as it seems."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator
from operator import attrgetter

from factlog.analysis import _phrasing as phrasing
from factlog.analysis._index import Entry, Index, chronological
from factlog.analysis._origins import (
    Origin,
    copied_stories,
    copy_sources,
    may_share_origin,
    origin_words,
    origins,
    story_name,
    voices,
)
from factlog.analysis._parties import parties as accused
from factlog.analysis._parties import role
from factlog.analysis._timegroups import dated_components
from factlog.checks._findings import Finding, Severity
from factlog.checks._groupings import reads
from factlog.checks._polarity import wider_pairs
from factlog.checks._relays import misreport
from factlog.checks._screens import POLARITIES, key_screens
from factlog.model._kinds import Accused
from factlog.model._scales import Certainty, Polarity, Reliability

__all__ = ["hollow_corroboration", "interested_denial", "overconfident_holder", "self_contradiction"]

_SOURCES = attrgetter("sources")


@reads("slot")
def hollow_corroboration(index: Index) -> Iterator[Finding]:
    """Several sources, one origin: corroboration that is really one voice repeated.

    Claims about one proposition, with one polarity, read in two or more sources, that
    all trace to a single origin: the same holder (however relayed), holders speaking
    for one party (KCNA and the DPRK government), or sources declared as copies of one
    another (``derived_from``) saying it in their own voice (the copied story's). A
    holder a copied story quotes stays its own origin: a ministry's denial in two
    copies of one wire story is the ministry's, "relayed by Agency (“Title”)". The
    finding names the single origin. Severity: *warning*; the count of sources is not
    independent confirmation.

    Corroboration is hollow when others repeat the origin: at least two sources not
    the origin's own (two outlets relaying an agency's toll), or a copy that says it in
    its own voice. A party that repeats itself by name (a ministry denying in its own
    statement what one outlet reports it denied, or in two statements of its own) looks
    like no corroboration, and is not reported: a denial by the accused is
    ``interested_denial``'s finding.
    """
    screens = key_screens(index)
    mixed = screens.mixed
    for entries in screens.sourced:  # one claim in one source, most groups, is ruled out there
        # Claims of one polarity (most groups) are their side as they are: no list is built of them.
        sides = (
            [(polarity, [e for e in entries if e.polarity is polarity]) for polarity in POLARITIES]
            if id(entries) in mixed  # both_polarities(entries), found with the other screens
            else [(entries[0].polarity, entries)]
        )
        for polarity, group in sides:
            sources = set(itertools.chain.from_iterable(map(_SOURCES, group)))
            if len(sources) < 2 or not may_share_origin(index, group):
                continue
            side = chronological(group)
            found = origins(index, side)
            if len(found) != 1 or _repeats_itself(index, found[0], sources):
                continue
            what = phrasing.proposition_of(index, side)
            verb = "affirm" if polarity is Polarity.AFFIRMED else "deni"
            yield Finding(
                rule="hollow_corroboration",
                severity=Severity.WARNING,
                message=f"Hollow corroboration: {what}: {verb}ed in {len(sources)} sources, all from one origin,"
                f" {origin_words(index, found[0].label, found[0].speaks_for)}",
                claims={"origin " + found[0].speaks_for: [e.id for e in side]},
            )


def _repeats_itself(index: Index, origin: Origin, sources: set[str]) -> bool:
    """Whether every claim is the origin's party by name, in its own sources and at most one other's."""
    party = origin.speaks_for
    if any(entry.speaks_for != party for entry in origin.entries):
        return False  # a copy in its own voice hides its origin
    others = 0
    for source in sources:
        publisher = index.publisher(source)
        if publisher is None or index.speaks_for(publisher) != party:
            others += 1
    return others < 2


@reads("holder")
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
        certain = [e for e in entries if e.certainty is Certainty.CERTAIN]
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


@reads("slot")
def interested_denial(index: Index) -> Iterator[Finding]:
    """Denials made by a party the proposition accuses.

    When the subject or the object of a proposition (or an entity speaking for one,
    such as its state media, or an outlet's copy of a story one published, in the
    outlet's own voice) denies it, the denial is self-interested: it says little
    about the truth and should be weighed as such, never taken as refutation. The
    predicate's ``accuses`` narrows the accused: ``"subject"`` for an attack, whose
    victim denying it is no interested party; undeclared, subject and object both are
    (the supplier and the receiver of weapons), and a finding whose deniers all speak
    for the object says how to declare it. The parties are those assessment discounts
    as interested. One finding per proposition, listing the interested denials and
    what they deny. A claim said in a pattern ("the first attack since 2019") denies
    by implication, and is named so; alone, with nothing it denies said by anyone, it
    is not reported. Severity: *info*. A text the claims spell differently (texts compare casefolded:
    ``Acme Corp`` and ``ACME corp`` are one proposition) is named as most of them spell
    it, on a tie by the smallest spelling: never by the claims' ids or order.
    """
    copies = copy_sources(index)
    denial, affirmation = Polarity.DENIED, Polarity.AFFIRMED
    for entries in key_screens(index).denials:  # nothing denied, most groups, is ruled out there
        parties = set(accused(index, entries[0]))  # as assessment weighs interest: factlog.analysis._parties
        if not parties:
            continue
        # A claim's voices hold its own party, and only that unless its first source is a copy.
        interested = [
            e
            for e in entries
            if e.polarity is denial
            and (e.speaks_for in parties or (e.sources[0] in copies and not parties.isdisjoint(voices(index, e))))
        ]
        if not interested:
            continue
        mine = {e.id for e in interested}  # a pattern claim affirms what it does not deny: not its own target
        narrower = (
            [e for key in index.narrower_keys(entries[0].key) for e in index.key_group(key)] if entries[0].key else []
        )
        denied = list(
            {e.id: e for e in [*entries, *narrower] if e.polarity is affirmation and e.id not in mine}.values()
        )
        if not denied and all(e.claim.pattern is not None for e in interested):
            continue  # "the first since 2019" alone: an implied denial that answers nothing said here
        interested = chronological(interested)
        names = phrasing.join(_denier(index, e, parties) for e in interested)
        what = phrasing.proposition_words(index, entries)
        yield Finding(
            rule="interested_denial",
            severity=Severity.INFO,
            message=f"Denied by an interested party: {what}: denied by {names}, party to it"
            + _object_only(index, interested),
            claims={
                "interested": [e.id for e in interested],
                "denied": [e.id for e in chronological(denied)],
            },
        )


def _object_only(index: Index, interested: list[Entry]) -> str:
    """Where every denier speaks for the object alone and the predicate leaves ``accuses`` at both: what to declare."""
    predicate = interested[0].predicate
    if predicate is None or predicate.accuses is not Accused.BOTH:
        return ""
    roles = {role(index, entry, entry.speaks_for) for entry in interested}
    if roles != {"object"}:
        return ""
    return (
        f" as its object (not necessarily accused: if {predicate.id} accuses its subject alone, as an attack"
        ' does not accuse its victim, declare "accuses": "subject" on the predicate)'
    )


def _denier(index: Index, entry: Entry, parties: set[str]) -> str:
    """Who denies, in words: the holder's name, with the stories of ``parties`` it copies when it speaks for none.

    A claim said in a pattern denies by implication: "Agency (implied by 'the first … since 2019')".
    """
    name = index.name(entry.holder)
    if entry.claim.pattern is not None:
        name += f" (implied by {entry.claim.pattern.words})"
    if entry.speaks_for in parties:
        return name
    stories = sorted(
        story_name(index, root)
        for root in copied_stories(index, entry)
        if (publisher := index.publisher(root)) is not None and index.speaks_for(publisher) in parties
    )
    return f"{name} copying {phrasing.join(stories)}"


@reads("slot")
def self_contradiction(index: Index) -> Iterator[Finding]:
    """One party affirming and denying the same proposition at overlapping times.

    A party is a holder and everyone speaking for it through ``affiliation`` (a
    spokesperson and the government it speaks for). Claims all stated on one date (or
    undated) are a self-contradiction: a text contradicting itself. Claims stated on
    two dates or more, even when one source reports both, are a reversal (Russia called
    the troop reports fake in 2024 and its foreign ministry confirmed them in 2025),
    reported once, with the dates of each side: ``opposed_claims`` leaves such groups
    to this rule. Places within places count as in ``opposed_claims``: a party that
    denies acting in a country and affirms acting in a region ``part_of`` it has
    reversed itself too (the message names the wider denial), and a figure is the same
    in any spelling of its unit, as there. One finding per party,
    proposition and group of claims linked by overlapping times. Severity: *warning*.
    One holder's claims all stated on one day through different relays (or copies of
    one story), none carrying both sides, are a relay misreporting it, not the holder
    contradicting itself: that is ``opposed_claims``'s finding.

    Example: a spokesman (``"affiliation": "russia"``) denies on ``2024-11``, the
    government confirms on ``2025-04``: "Reversal: ...: denied by the spokesman
    (2024-11), then affirmed by Russia (2025-04)". Outlets of one party on one day name
    the party, and what each said of when: "both affirmed and denied by Orvania, through
    Orvania Television (affirming 2024) and Orvanian News Agency (denying 2020–2026-03-01)".
    """
    for opposed in key_screens(index).opposed_sides:  # keys with a committed claim of each polarity: few
        by_party: dict[str, list[Entry]] = {}
        for entry in opposed.committed:
            mine = by_party.get(entry.speaks_for)
            if mine is None:
                by_party[entry.speaks_for] = [entry]
            else:
                mine.append(entry)
        for party, mine in by_party.items():
            if len(mine) < 2:  # most parties of a group: one claim, one polarity
                continue
            affirmed = [e for e in mine if e.polarity is Polarity.AFFIRMED]
            denied = [e for e in mine if e.polarity is Polarity.DENIED]
            if not affirmed or not denied:
                continue
            for group in dated_components(affirmed, denied):
                yes = chronological([e for e in group if e.polarity is Polarity.AFFIRMED])
                no = chronological([e for e in group if e.polarity is Polarity.DENIED])
                if misreport(index, yes, no) is None:  # else a relay misreporting it: opposed_claims
                    yield _self_contradiction(index, party, yes, no)
    yield from _wider_reversals(index)


def _by_party(entries: list[Entry], polarity: Polarity) -> dict[str, list[Entry]]:
    """Committed claims of one polarity, by the party each speaks for."""
    parties: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.polarity is polarity and entry.certainty is not Certainty.UNCOMMITTED:
            parties[entry.speaks_for].append(entry)
    return parties


def _wider_reversals(index: Index) -> Iterator[Finding]:
    """One party affirming at a place and denying at a place containing it (``part_of``)."""
    for narrow, wide in wider_pairs(index):
        affirmers = _by_party(index.key_group(narrow), Polarity.AFFIRMED)
        deniers = _by_party(index.key_group(wide), Polarity.DENIED)
        for party, affirmed in affirmers.items():
            denied = deniers.get(party)
            if not denied:
                continue
            for group in dated_components(affirmed, denied):
                yes = chronological([e for e in group if e.polarity is Polarity.AFFIRMED])
                no = chronological([e for e in group if e.polarity is Polarity.DENIED])
                if misreport(index, yes, no) is None:  # else a relay misreporting it: opposed_claims
                    yield _self_contradiction(index, party, yes, no)


def _when_said(index: Index, entries: list[Entry]) -> str:
    """``A (2024-11) and B (2025-04)``: each holder with the dates it spoke."""
    dates: dict[str, list[str]] = {}
    for entry in entries:
        found = dates.setdefault(index.name(entry.holder), [])
        text = "undated" if entry.stated is None else str(entry.stated)
        if text not in found:
            found.append(text)
    return phrasing.join(f"{name} ({', '.join(items)})" for name, items in dates.items())


def _self_contradiction(index: Index, party: str, yes: list[Entry], no: list[Entry]) -> Finding:
    assert yes[0].proposition is not None
    group = [*yes, *no]
    what = phrasing.proposition_words(index, group)
    stated = sorted({str(e.stated) for e in group if e.stated is not None})
    same_source = {s for e in yes for s in e.sources} & {s for e in no for s in e.sources}
    claims = {"affirming": [e.id for e in yes], "denying": [e.id for e in no]}
    if len(stated) < 2:
        holders = phrasing.join(index.name(e.holder) for e in chronological(group))
        where = " (in one source)" if same_source else ""
        if holders != index.name(party):  # outlets of one party: name it, and what each said when
            holders = f"{index.name(party)}, through {_said_by(index, yes, no)}"
        message = f"Self-contradiction: {what}: both affirmed and denied by {holders}{where}"
    else:
        first, then = (no, yes) if _first_said(no) <= _first_said(yes) else (yes, no)
        verbs = ("denied", "affirmed") if first is no else ("affirmed", "denied")
        message = (
            f"Reversal: {what}: {verbs[0]} by {_when_said(index, first)}, then {verbs[1]} by {_when_said(index, then)}"
        )
        if index.name(party) not in message:
            message += f", all speaking for {index.name(party)}"
    assert no[0].proposition is not None
    if no[0].key != yes[0].key:
        message += f" (denied of the wider place: {phrasing.proposition(index, no[0].proposition, with_time=False)})"
    return Finding(rule="self_contradiction", severity=Severity.WARNING, message=message, claims=claims)


def _said_by(index: Index, yes: list[Entry], no: list[Entry]) -> str:
    """``OTV (affirming 2024) and ONA (denying 2020–2026-03-01)``: each holder, the side it takes and the times."""
    said: dict[tuple[str, str], list[str]] = {}
    for verb, entries in (("affirming", yes), ("denying", no)):
        for entry in entries:
            times = said.setdefault((index.name(entry.holder), verb), [])
            time = phrasing.span(entry.when) or "no date"
            if time not in times:
                times.append(time)
    return phrasing.join(f"{name} ({verb} {', '.join(times)})" for (name, verb), times in said.items())


def _first_said(entries: list[Entry]) -> tuple[int, int]:
    return min((e.stated.sort_key for e in entries if e.stated is not None), default=(0, 0))
