"""Polarity rules: an affirmation and a denial of the same thing."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from factlog.analysis import _phrasing as phrasing
from factlog.analysis._index import Entry, Index, chronological
from factlog.analysis._timegroups import dated_components, definite_conflict, possible_conflict
from factlog.checks._findings import Finding, Severity, graded
from factlog.checks._groupings import reads
from factlog.checks._relays import misreport
from factlog.checks._screens import key_screens
from factlog.model._nouns import PredicateKind
from factlog.model._scales import Certainty, Polarity
from factlog.model._vocabulary import PropositionKey

__all__ = ["answered_denial", "one_party", "opposed_claims", "stance", "wider_pairs"]

_PLAIN = ("", "", "")
"""The :func:`misreport` words of a group that is no misreport: nothing added."""


def strongest(entries: Sequence[Entry]) -> Certainty:
    """The firmest certainty among claims (raises :class:`ValueError` for none, as :func:`max` does).

    Stops at the first certain claim, and compares only the distinct certainties met
    (a scale compares in Python): what ``max`` of them all gives.
    """
    met: list[Certainty] = []
    for entry in entries:
        certainty = entry.certainty
        if certainty is Certainty.CERTAIN:
            return certainty
        if certainty not in met:
            met.append(certainty)
    return max(met)


def _severity(affirmed: Sequence[Entry], denied: Sequence[Entry], *, event: bool) -> tuple[Severity, bool]:
    """The severity of the surest pair (see :func:`graded`), and whether any pair definitely conflicts."""
    firm_affirmed = [e for e in affirmed if e.certainty is Certainty.CERTAIN]
    firm_denied = [e for e in denied if e.certainty is Certainty.CERTAIN]
    if definite_conflict(firm_affirmed, firm_denied, event=event):
        return graded(certain=True, definite=True), True  # then every claim's conflict is definite too
    definite = definite_conflict(affirmed, denied, event=event)
    if possible_conflict(firm_affirmed, firm_denied):
        return graded(certain=True, definite=False), definite
    return graded(certain=False, definite=definite), definite


def one_party(entries: Sequence[Entry]) -> bool:
    """Whether every claim speaks for one party (a holder, or those affiliated with one)."""
    return len({entry.speaks_for for entry in entries}) == 1


@reads("slot")
def opposed_claims(index: Index) -> Iterator[Finding]:
    """Claims that affirm and deny the same proposition at overlapping times.

    Propositions are compared after normalisation (aliases, inverse predicates,
    symmetric pairs), so "Russia receives weapons from Pyongyang" and "North Korea
    supplies weapons to Russia" are the same proposition. A figure is the same in any
    spelling of its unit, converted as ``conflicting_values`` converts units (pint):
    "a range of 600 km" denied as "600 kilometres" (or "kilometre", "kilometer") is
    opposed, and so is "1 mile" denied as "1.609344 km" (equal to 12 significant
    figures once converted); "600 miles" is another distance, and another
    proposition. Time follows the predicate's
    kind: a denied **state** ("no longer holds office", 2025-10) conflicts with an
    affirmation wherever the two may share a day; a denied **event** over a span means
    it did not happen at any time in it, so "the last visit was in 2019", stated in
    October 2025 and encoded as a denial over 2020/2025-10, conflicts with a visit
    affirmed for April 2024.

    One finding per group of claims linked by overlapping times, listing every
    affirming and every denying claim with the times each holder gave. Severity:
    *error* when a certain affirmation and a certain denial definitely conflict (the
    message begins "Contradiction:"); *warning* when either side is only probable or
    possible, or the conflict is only possible (an event dated only partly inside the
    denied span, a term of ``2010/2016`` against a denial over ``2016/2019``, or a claim
    without a valid time against a dated one: the message then says so); *info* below
    that. A warning or an info begins "Opposed:": the claims oppose each other, but not
    both firmly and surely at once. (The word is not ``factlog assess``'s status
    *disputed*, which counts credible origins on both sides: a denial by the accused
    alone leaves a proposition *denied-by-interested-party* there.)
    Undated claims do not join every time group: they get a finding of their own,
    with every claim of the other side. Uncommitted claims commit to nothing and are not compared. When every claim
    of a group speaks for one party (one holder, or a spokesperson and the government
    it speaks for, through ``affiliation``), the party has changed its mind or
    contradicted itself: that is ``self_contradiction``'s finding, not this one.

    Unless it is one claim carried two ways, all stated on one day: one holder through
    different relays, none of which carried both sides (the agency "via Harbour Post"
    against the agency "via Daily Meridian"), or copies of one story (``derived_from``)
    each saying it in its publisher's own voice. Then the finding stays this rule's,
    as severe as any other (both cannot be true), names each side's relays, and says
    what it most likely is, as ``conflicting_values`` does for two values: "...; one
    holder through different relays: likely a relay misreporting the agency, not the
    agency contradicting itself" ("copies of one story, Agency (“Title”): likely a
    copy misreporting it, ..."). Stated on different days, it is the holder's reversal.

    Places within places: when the entity registry says a region is ``part_of`` a
    country, "fought in the border region" conflicts with "did not fight in the
    country" (a denial of the wider proposition), with the same severities; it does
    not conflict with "did not fight in the neighbouring country". As above, when one
    party says both, the finding is ``self_contradiction``'s.
    """
    said: dict[int, tuple[str, str]] = {}  # each claim's holder and time in words, found once
    names: dict[str, str] = {}  # each holder's name, found once
    for opposed in key_screens(index).opposed_sides:  # keys with a committed claim of each polarity: few
        entries, affirmed, denied = opposed.entries, opposed.affirmed, opposed.denied  # each in group order
        event = entries[0].predicate is not None and entries[0].predicate.kind is PredicateKind.EVENT
        for group, yes, no, (yes_relays, no_relays, verdict) in _opposed_groups(index, affirmed, denied):
            assert yes[0].proposition is not None
            first = group[0].when  # all equal, without hashing every time as a set of them would
            same_time = all(e.when is first or e.when == first for e in group)
            what = phrasing.proposition_words(index, [*yes, *no], with_time=same_time)
            severity, definite = _severity(yes, no, event=event)
            lead = "Contradiction" if severity is Severity.ERROR else "Opposed"
            affirmers = phrasing.by_holders(index, yes, times=not same_time, said=said, names=names)
            deniers = phrasing.by_holders(index, no, times=not same_time, said=said, names=names)
            message = (
                f"{lead}: {what}: {phrasing.participle(strongest(yes))} by {affirmers}{yes_relays};"
                f" denied by {deniers}{no_relays}{verdict}"
            )
            if not definite:
                message += f"; {phrasing.ONLY_POSSIBLE}"
            yield Finding(
                rule="opposed_claims",
                severity=severity,
                message=message,
                claims={"affirming": [e.id for e in yes], "denying": [e.id for e in no]},
            )
    yield from _wider_denials(index)


def _committed(entries: Sequence[Entry], polarity: Polarity) -> list[Entry]:
    return [e for e in entries if e.polarity is polarity and e.certainty is not Certainty.UNCOMMITTED]


def _denies(entries: Sequence[Entry]) -> bool:
    """Whether some claim denies (committed or not): a cheap test before :func:`_committed` builds a list."""
    return any(entry.polarity is Polarity.DENIED for entry in entries)


def wider_pairs(index: Index) -> list[tuple[PropositionKey, PropositionKey]]:
    """``(narrow, wide)`` proposition keys where ``wide`` names a place containing one of ``narrow``'s (``part_of``).

    Only the pairs a rule can use: ``wide`` has committed denials and ``narrow``
    committed affirmations; each pair once. Found from the denied keys downwards
    (:meth:`~factlog.Index.narrower_keys`, by the numbers of the ``part_of`` forest), so
    a deep chain of places costs no walk up from every key; a view also walks up from
    its own keys (:meth:`~factlog.Index.wider_keys`) to the denials beyond it.
    """
    if not index.places_within():
        return []  # no key names a place within another: no key is wider than another
    pairs: dict[tuple[PropositionKey, PropositionKey], None] = {}
    committed: dict[tuple[PropositionKey, Polarity], bool] = {}

    def sided(key: PropositionKey, polarity: Polarity) -> bool:
        found = committed.get((key, polarity))
        if found is None:
            found = committed[(key, polarity)] = bool(_committed(index.key_group(key), polarity))
        return found

    whole = (index.parent or index).by_key  # key_group's source: a key without a denial there has none
    for key in index.by_key:
        if index.parent is not None:  # a view: its keys may also be the narrow side of keys beyond it
            for wide in index.wider_keys(key):
                pairs[(key, wide)] = None
        if _denies(whole.get(key, ())) and sided(key, Polarity.DENIED):
            for narrow in index.narrower_keys(key):
                pairs[(narrow, key)] = None
    return [
        (narrow, wide) for narrow, wide in pairs if sided(narrow, Polarity.AFFIRMED) and sided(wide, Polarity.DENIED)
    ]


def _opposed_groups(
    index: Index, affirmed: Sequence[Entry], denied: Sequence[Entry]
) -> Iterator[tuple[list[Entry], list[Entry], list[Entry], tuple[str, str, str]]]:
    """Groups of overlapping affirmations and denials, each side in stated order, with their :func:`misreport` words.

    A group of one party is left to ``self_contradiction`` unless it is one holder's
    claim misreported (:func:`~factlog.checks._relays.misreport`); the words are
    ``("", "", "")`` for a group that is no misreport.
    """
    for group in dated_components(affirmed, denied):
        yes = chronological([e for e in group if e.polarity is Polarity.AFFIRMED])
        no = chronological([e for e in group if e.polarity is Polarity.DENIED])
        misread = misreport(index, yes, no)
        if misread is None and one_party(group):
            continue
        yield group, yes, no, misread or _PLAIN


def _wider_denials(index: Index) -> Iterator[Finding]:
    """Affirmations at a place against denials at a place containing it (``part_of``)."""
    for narrow, wide in wider_pairs(index):
        affirmed = _committed(index.key_group(narrow), Polarity.AFFIRMED)
        denied = _committed(index.key_group(wide), Polarity.DENIED)
        if not affirmed or not denied:
            continue
        event = affirmed[0].predicate is not None and affirmed[0].predicate.kind is PredicateKind.EVENT
        for _, yes, no, (yes_relays, no_relays, verdict) in _opposed_groups(index, affirmed, denied):
            assert yes[0].proposition is not None
            assert no[0].proposition is not None
            severity, definite = _severity(yes, no, event=event)
            lead = "Contradiction" if severity is Severity.ERROR else "Opposed"
            message = (
                f"{lead}: {phrasing.proposition(index, yes[0].proposition, with_time=False)}:"
                f" {phrasing.participle(strongest(yes))} by {phrasing.by_holders(index, yes, times=True)}{yes_relays};"
                f" denied by {phrasing.by_holders(index, no, times=True)}{no_relays}, of the wider place"
                f" ({phrasing.proposition(index, no[0].proposition, with_time=False)}){verdict}"
            )
            if not definite:
                message += f"; {phrasing.ONLY_POSSIBLE}"
            yield Finding(
                rule="opposed_claims",
                severity=severity,
                message=message,
                claims={"affirming": [e.id for e in yes], "denying": [e.id for e in no]},
            )


def stance(answer: Entry, answered: Entry) -> Polarity:
    """The polarity an answer gives the answered claim's proposition.

    An answer with a proposition of its own states that proposition: its polarity is
    its stance. An answer without one judges the answered claim: affirmed confirms it,
    denied says it is wrong, so a denial of a denial ("the report that the sites
    survived is flat-out wrong") affirms the original proposition.
    """
    if answer.key is not None:
        return answer.claim.polarity
    if answer.claim.polarity is Polarity.AFFIRMED:
        return answered.claim.polarity
    return Polarity.DENIED if answered.claim.polarity is Polarity.AFFIRMED else Polarity.AFFIRMED


@reads("answers")
def answered_denial(index: Index) -> Iterator[Finding]:
    """Claims that answer another claim by taking the opposite side.

    A claim's ``answers`` names the claims it responds to. An answer with a
    proposition of its own takes the opposite side when its polarity differs; an
    answer without one judges the answered claim: denied means "that claim is wrong",
    so denying a denial affirms what was denied (see ``stance``). Reported even when
    neither claim has a structured proposition ("Both Moscow and Pyongyang have denied
    these allegations"). Pairs that already share a proposition are left to
    ``opposed_claims``. One finding per answered claim, listing every claim that
    opposes it. Severity: *warning* when both sides are certain, *info* otherwise
    (there is no valid time to compare).

    Example: "the sites survived" (a denial that the strike destroyed them) answered
    by "that report is flat-out wrong" (denied, ``"answers": ["sites-survived"]``):
    a finding whose answering side affirms that the strike destroyed the sites.
    """
    for answered_id, answerers in index.answered_by.items():
        answered = index.by_id.get(answered_id)
        if answered is None or answered.certainty is Certainty.UNCOMMITTED:
            continue
        against = chronological(
            [
                e
                for e in answerers
                if stance(e, answered) is not answered.claim.polarity
                and e.certainty is not Certainty.UNCOMMITTED
                and (e.key is None or e.key != answered.key)
            ]
        )
        if not against:
            continue
        certain = answered.certainty is Certainty.CERTAIN and strongest(against) is Certainty.CERTAIN
        names = phrasing.holders(index, against)
        verb = "denied" if answered.claim.polarity is Polarity.AFFIRMED else "denial rejected"
        said = phrasing.participle(answered.certainty)
        if answered.claim.polarity is Polarity.DENIED:
            said = "denied" if answered.certainty is Certainty.CERTAIN else f"{said} as a denial"
        yield Finding(
            rule="answered_denial",
            severity=Severity.WARNING if certain else Severity.INFO,
            message=f"{phrasing.capital(verb)} in answer: {phrasing.statement(answered)}"
            f" ({said} by {index.name(answered.holder)}; {verb} by {names})",
            claims={"answered": [answered.id], "answering": [e.id for e in against]},
        )
