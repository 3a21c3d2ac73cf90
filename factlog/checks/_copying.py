"""Copying nobody declared: sources that repeat each other, found from the values they share."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from factlog._echo import counted
from factlog.analysis._discovery import MAX_ROUNDS as ASSESSMENT_ROUNDS
from factlog.analysis._discovery import (
    AccuCopyParams,
    AccuVoteParams,
    Dependence,
    DependenceTable,
    Discovery,
    Vote,
    accu_copy,
)
from factlog.analysis._entry import slot_votes
from factlog.analysis._index import Index
from factlog.checks._findings import Finding, Severity
from factlog.checks._groupings import reads
from factlog.model._dates import Interval
from factlog.model._scales import Certainty, Polarity
from factlog.model._vocabulary import ObjectKey, object_key

__all__ = [
    "MAX_PROVIDERS",
    "MAX_ROUNDS",
    "MIN_PROBABILITY",
    "MIN_SHARED_VALUES",
    "copied_values",
    "copy_votes",
    "learned",
    "parameters",
    "reported",
    "screened",
    "undeclared_copying",
    "weighed",
]

MIN_SHARED_VALUES = 5
"""Shared values a pair needs to be weighed; and telling ones (nobody else's, or false) to be reported."""
MIN_PROBABILITY = 0.95
"""And AccuCopy's posterior of dependence must reach this."""
MAX_PROVIDERS = 32
"""Values given by more parties than this are left out: everyone saying it is no sign of copying."""
MAX_ROUNDS = ASSESSMENT_ROUNDS
"""AccuCopy's rounds before it stops unsettled (200, the assessment's limit); a finding then says so.

With its rounds extrapolated (``AccuVoteParams.extrapolate``) a million generated claims
settle in 92 rounds (measured on the generated set of ``benchmarks.generate``; the plain
rounds needed 216 when last measured).
"""


def parameters() -> tuple[AccuVoteParams, AccuCopyParams]:
    """The rule's AccuCopy: its rounds (:data:`MAX_ROUNDS`, extrapolated), and copy detection with no budget.

    :data:`MAX_PROVIDERS` already bounds the pairs (at most 31 a vote): no budget of
    pairs, and no warning. Only pairs at :data:`MIN_PROBABILITY` can be reported, so
    only they are built: the threshold of the report changes nothing in the rounds.
    """
    return (
        AccuVoteParams(max_rounds=MAX_ROUNDS, extrapolate=True),
        AccuCopyParams(max_pairs=None, report_threshold=MIN_PROBABILITY),
    )


Copy = tuple[str, str, str, str]
"""One committed value of a functional slot: the claim id, question, answer, and the party giving it."""


def copy_votes(index: Index) -> list[Copy]:
    """What :func:`undeclared_copying` reads of each claim, in claim order: a compact projection.

    A distributed check computes it where the claims lie, and learns the rule's
    AccuCopy over the parts that hold the records (:mod:`._copyshards`): the findings
    of :func:`copied_values` on every part's records.
    """
    found: list[Copy] = []
    # A source declared as a copy -> its publisher (what _copy_publisher gives; None for every other source).
    declared = {key: index.publisher(item.id) for key, item in index.claims.source_by_id.items() if item.derived_from}
    words: dict[tuple[object, ...], str] = {}  # (subject, predicate, qualifiers, id of the time) -> the question
    slots: dict[tuple[object, ...], str] = {}  # (subject, predicate, qualifiers) -> the question's first words
    times: dict[int, str] = {}  # id of the time -> its repr
    dates: dict[int, str] = {}  # id of a date of a time -> its repr
    answers: dict[ObjectKey, str] = {}  # the canonical object (the entry's key holds it) -> its answer
    for entry in index.entries:
        proposition, predicate = entry.proposition, entry.predicate
        if proposition is None or not slot_votes(predicate):
            continue  # yes or no: two parties affirming the same thing is what agreement looks like
        if entry.certainty is Certainty.UNCOMMITTED:
            continue
        # The first evidence's source, in the entry's tuple that its source's claims share.
        publisher = declared.get(entry.sources[0]) if declared else None
        if publisher is not None and publisher == entry.holder:
            continue  # read in a declared copy, in the publisher's own voice: already one origin
        subject, named, qualifiers, when = (
            proposition.subject,
            proposition.predicate,
            proposition.qualifiers,
            proposition.when,
        )
        # The times and values stay alive in the index while this runs: their ids name them.
        question = words.get((subject, named, qualifiers, id(when)))
        if question is None:  # repr((slot, when)), its slot and its time each written once
            time = times.get(id(when))
            if time is None:
                time = times[id(when)] = _time(when, dates)
            opening = slots.get((subject, named, qualifiers))
            if opening is None:
                opening = slots[(subject, named, qualifiers)] = f"slot ({(subject, named, qualifiers)!r}, "
            question = words[(subject, named, qualifiers, id(when))] = opening + time + ")"
        key = entry.key
        value = key[2] if key is not None else object_key(proposition.object)
        answer = answers.get(value) or _answer(answers, value)
        if entry.claim.polarity is Polarity.DENIED:  # the claim's own, where a pattern's reading may turn it
            answer = "not " + answer
        found.append((entry.id, question, answer, entry.speaks_for))
    return found


def _time(when: Interval | None, dates: dict[int, str]) -> str:
    """``repr(when)``, each date's repr kept by its ``id`` (the dates stay alive in the index meanwhile).

    An interval's generated repr writes each end afresh; a date shared by many times (a
    one-day interval's two ends are one object) is written once here. Another type of
    time (a subclass, ``None``) is written by its own repr.
    """
    if type(when) is not Interval:
        return repr(when)
    start, end = when.start, when.end
    first = dates.get(id(start))
    if first is None:
        first = dates[id(start)] = repr(start)
    last = dates.get(id(end))
    if last is None:
        last = dates[id(end)] = repr(end)
    unknown = f"start_unknown={when.start_unknown!r}, end_unknown={when.end_unknown!r}"
    return f"Interval(start={first}, end={last}, {unknown})"


def _answer(answers: dict[ObjectKey, str], value: ObjectKey) -> str:
    """``repr(value)``, kept by value for the next equal one: the entry's key holds ``object_key`` of its object.

    Equal keys have equal reprs (strings, ``None`` and floats, which are equal only with
    the same bits) except where a float is zero (``0.0 == -0.0``): such a key is not kept.
    """
    found = answers.get(value)
    if found is None:
        found = repr(value)
        if value is not None and 0.0 not in value:
            answers[value] = found
    return found


def _copy_publisher(index: Index, source_id: str) -> str | None:
    """The publisher of a source declared as derived from another (None: unknown, or no declared copy)."""
    source = index.claims.source_by_id.get(source_id)
    return index.publisher(source.id) if source is not None and source.derived_from else None


def _claims(records: list[Copy]) -> dict[tuple[str, str, str], list[str]]:
    """(question, answer, party) → the ids of the claims giving it, in claim order: every value once."""
    claims: dict[tuple[str, str, str], list[str]] = {}
    for claim, question, answer, party in records:
        claims.setdefault((question, answer, party), []).append(claim)
    return claims


def copied_values(index: Index, records: list[Copy]) -> Iterator[Finding]:
    """The findings of :func:`undeclared_copying` from every claim's :func:`copy_votes`, in claim order."""
    yield from _copying(index, _claims(records))


@reads("whole", project=copy_votes, conclude=copied_values)
def undeclared_copying(index: Index) -> Iterator[Finding]:
    """Two sources that repeat each other without saying so: corroboration that may be hollow.

    Every committed claim about the value of a functional slot at a time is a vote of
    the party its holder speaks for (which value? is where agreement says something;
    two parties affirming one yes/no proposition is what agreement looks like). Pairs
    that give at least :data:`MIN_SHARED_VALUES` identical values (leaving out values
    more than :data:`MAX_PROVIDERS` parties give) are weighed by AccuCopy (Dong,
    Berti-Équille & Srivastava, PVLDB 2009) over the questions those values answer:
    sharing values, above all values judged false, makes independence unlikely. Claims
    read in sources declared as copies (``derived_from``) are left out: that copying
    is known. Reported when the posterior reaches :data:`MIN_PROBABILITY` and the two
    share at least :data:`MIN_SHARED_VALUES` values nobody else gives, or as many judged false:
    "Undeclared copying: Outlet B repeats Outlet A on 97 % of 40 shared items, including
    12 values nobody else gives and 30 judged false; no derived_from says so" ("Outlet A
    and Outlet B repeat each other" when the direction is not clear). A large, loosely
    tied set can drift for hundreds of rounds: at a million generated claims the plain
    rounds settle at round 216 (at their old limit of 100, 3 of 311 findings read
    otherwise). So where the rounds' steps line up (one slow mode), this rule's AccuCopy
    jumps ahead along them (Aitken's δ² and projective integration, as ``factlog.assess``
    does by default: ``AccuVoteParams.extrapolate``), which reaches the same fixed point in 92
    rounds there (33 at 100,000 claims; 42 by plain rounds); it never jumps while answers
    still change places. When AccuCopy has not settled after
    :data:`MAX_ROUNDS` rounds the posteriors are those of the last round, and every
    finding of the run ends "; copy detection stopped at its limit of 200 rounds,
    unsettled"; a finding without those words comes from a run that settled (a run
    that finds no pair says nothing either way).
    Severity: *warning*: their agreement is not independent confirmation until someone
    checks.
    """
    yield from copied_values(index, copy_votes(index))


def _copying(index: Index, claims: dict[tuple[str, str, str], list[str]]) -> Iterator[Finding]:
    # A value most parties give says nothing about copying, and pairs through it cost their
    # square: values given by more than MAX_PROVIDERS parties are left out. Only pairs that
    # share MIN_SHARED_VALUES of the rest are weighed, over the questions they share.
    # One vote a (question, answer, party): AccuCopy counts a repeated vote once (its
    # ValueIndex keeps one per value and source), so the distinct ones are its votes.
    providers, together = screened(claims)
    shared_questions = {
        question for questions in together.values() if len(questions) >= MIN_SHARED_VALUES for question in questions
    }
    if not shared_questions:
        return
    found = learned(index, weighed(claims, providers, shared_questions))
    # Each party's (question, answer) values, in the order of ``claims``: a pair's shared
    # values are one party's list filtered by the other's set, not a pass over every value.
    given: dict[str, list[tuple[str, str]]] = {}
    for question, answer, source in claims:
        given.setdefault(source, []).append((question, answer))

    kept: dict[str, set[tuple[str, str]]] = {}

    def sides(copier: str, original: str) -> tuple[list[str], list[str]]:
        mine: tuple[list[str], list[str]] = ([], [])
        for question, answer in _shared(given, copier, original, kept):
            mine[0].extend(claims[(question, answer, copier)])
            mine[1].extend(claims[(question, answer, original)])
        return mine

    yield from reported(index, found.dependences, found.rounds, found.converged, sides)


def learned(index: Index, votes: Sequence[Vote]) -> Discovery:
    """The rule's AccuCopy on ``votes`` (:func:`weighed`'s, in any order), each party's prior its entity's grade's.

    AccuCopy's :class:`~factlog.analysis._discovery._index.ValueIndex` sorts the votes,
    so parts' votes in any order give the same floats. Raises :class:`ValueError` for a
    prior out of (0, 1).
    """
    priors = {}
    for source in {vote.source for vote in votes}:  # each party once, not once a vote
        entity = index.entity(source)
        if entity is not None:
            priors[source] = entity.reliability.prior
    rounds, pairs = parameters()
    return accu_copy(votes, priors=priors, params=rounds, copy=pairs)


def reported(
    index: Index,
    dependences: Iterable[Dependence],
    rounds: int,
    converged: bool,
    sides: Callable[[str, str], tuple[list[str], list[str]]],
) -> Iterator[Finding]:
    """The findings of AccuCopy's ``dependences``, most probable first: those :func:`undeclared_copying` reports.

    ``sides(copier, original)``: the ids of the claims giving the values the two share,
    the copier's and the original's, in any order (each side is sorted here).
    """
    # Stopped at the limit, the posteriors are those of the last round: still moving, so a
    # finding says so (at a million generated claims, stopped at round 100 of the plain
    # rounds, 3 of 311 read otherwise than settled).
    done = f"{rounds} round{'' if rounds == 1 else 's'}"
    unsettled = "" if converged else f"; copy detection stopped at its limit of {done}, unsettled"
    if isinstance(dependences, DependenceTable):
        dependences = _telling(dependences)
    for pair in dependences:
        telling = max(pair.unique_values, pair.false_values)
        if pair.declared or pair.probability < MIN_PROBABILITY or telling < MIN_SHARED_VALUES:
            continue
        copier, original = pair.copier, pair.original
        named: dict[str, list[str]] = {index.name(copier): [], index.name(original): []}
        theirs, ours = sides(copier, original)
        named[index.name(copier)] += theirs
        named[index.name(original)] += ours
        who = f"{index.name(copier)} repeats {index.name(original)}"
        if not pair.direction_known:
            who = f"{index.name(copier)} and {index.name(original)} repeat each other"
        yield Finding(
            rule="undeclared_copying",
            severity=Severity.WARNING,
            message=f"Undeclared copying: {who} on {100 * pair.agreement:.0f} % of {pair.shared_items} shared items,"
            f" including {counted(pair.unique_values, 'value')} nobody else gives and {pair.false_values} judged false;"
            f" no derived_from says so{unsettled}",
            claims={side: sorted(ids) for side, ids in named.items()},
        )


def _telling(table: DependenceTable) -> Iterator[Dependence]:
    """The rows of ``table`` that :func:`reported` can report, in its order, read from its columns; raises nothing.

    An inferred pair at :data:`MIN_PROBABILITY` with :data:`MIN_SHARED_VALUES` values nobody
    else gives or judged false: the others are passed over without a
    :class:`~factlog.analysis._discovery.Dependence` each (at a million generated claims
    AccuCopy reports 42,475 pairs at 0.95, of which 312 are findings).
    """
    probability, declared = table.probability, table.declared
    unique, false = table.unique_values, table.false_values
    for row in table.order:
        if (
            not declared[row]
            and not probability[row] < MIN_PROBABILITY
            and (unique[row] >= MIN_SHARED_VALUES or false[row] >= MIN_SHARED_VALUES)
        ):
            yield table.dependence(row)


def screened(
    claims: Iterable[tuple[str, str, str]],
) -> tuple[dict[tuple[str, str], set[str]], dict[tuple[str, str], list[str]]]:
    """(question, answer) → the parties giving it; (party, party), sorted → the questions of the values both give.

    Only values at most :data:`MAX_PROVIDERS` parties give make pairs. Every value of a
    question lies with the question, so a split by question screens each part alone.
    """
    providers: dict[tuple[str, str], set[str]] = {}
    for question, answer, party in claims:
        providers.setdefault((question, answer), set()).add(party)
    together: dict[tuple[str, str], list[str]] = {}
    for (question, _), sources in providers.items():
        if 2 <= len(sources) <= MAX_PROVIDERS:
            ordered = sorted(sources)
            for i, first in enumerate(ordered):
                for second in ordered[i + 1 :]:
                    together.setdefault((first, second), []).append(question)
    return providers, together


def weighed(
    claims: Iterable[tuple[str, str, str]], providers: dict[tuple[str, str], set[str]], questions: set[str]
) -> list[Vote]:
    """AccuCopy's votes: one a (question, answer, party) of the ``questions`` kept, but no value too many give."""
    return [
        Vote(question, answer, party)
        for question, answer, party in claims
        if question in questions and len(providers[(question, answer)]) <= MAX_PROVIDERS
    ]


def _shared(
    given: dict[str, list[tuple[str, str]]],
    first: str,
    second: str,
    kept: dict[str, set[tuple[str, str]]] | None = None,
) -> list[tuple[str, str]]:
    """The values both parties give, in the order the one giving fewer gave them: O(values of the two); raises nothing.

    The shorter list is filtered by the other party's values as a set. ``kept``: each
    party's values as a set, filled as they are met, so a party named by many pairs is
    hashed once (at a million generated claims the 312 reported pairs took 0.56 CPU s
    building a set each; benchmarks/RESULTS.md).
    """
    mine, theirs = given.get(first, ()), given.get(second, ())
    if len(theirs) < len(mine):
        mine, theirs, second = theirs, mine, first
    found = None if kept is None else kept.get(second)
    if found is None:
        found = set(theirs)
        if kept is not None:
            kept[second] = found
    return [value for value in mine if value in found]
