"""Words for findings: names, lists of holders, propositions read as sentences."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from factlog.analysis._index import Entry, Index
from factlog.model._dates import Interval
from factlog.model._literals import Object
from factlog.model._nouns import Claim, Proposition
from factlog.model._scales import Certainty
from factlog.model._vocabulary import shown_form

__all__ = [
    "stance",
    "ONLY_POSSIBLE",
    "by_holders",
    "capital",
    "holders",
    "join",
    "participle",
    "proposition",
    "proposition_of",
    "proposition_words",
    "relay_chain",
    "span",
]

ONLY_POSSIBLE = "the times only possibly overlap"
"""Said of a conflict whose times may share no day (imprecise dates, a handover day, no date)."""

_PARTICIPLES = {
    Certainty.CERTAIN: "stated",
    Certainty.PROBABLE: "held likely",
    Certainty.POSSIBLE: "suggested",
    Certainty.UNCOMMITTED: "reported",
}


_PATTERN_SIDES = {"affirming": "affirming", "denying": "denying"}


def stance(claim: Claim, side: str = "") -> str:
    """How a claim stands, with its certainty: ``affirmed, certain``; one wording for check, show and the report.

    A claim said in a pattern affirms and denies at once: on a finding's ``side``
    (``affirming``, ``denying``) it reads as that part ("denied in between, implied by
    'the first … since 2019', certain"), elsewhere as all of it ("'the first … since
    2019': affirmed then and on the occasion, denied in between, certain"). Raises nothing.
    """
    if claim.pattern is None:
        return f"{claim.polarity.value}, {claim.certainty.value}"
    return f"{claim.pattern.stance(_PATTERN_SIDES.get(side))}, {claim.certainty.value}"


def join(names: Iterable[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    items = list(dict.fromkeys(names))
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def relay_chain(via: Sequence[str]) -> str:
    """Relays' names in the order the words travelled: ``CPA → Harbour Post`` for ``via`` [Harbour Post, CPA].

    ``via`` lists the outermost relay first (the outlet, then the agency it had the
    story from); read with arrows, the chain runs the other way, from the holder out.
    """
    return " → ".join(reversed(via))


def holders(index: Index, entries: Iterable[Entry]) -> str:
    """The holders' names, each once, joined: ``A, B and C``."""
    return join(index.name(entry.holder) for entry in entries)


def participle(certainty: Certainty) -> str:
    """What a holder did with a claim of this certainty: stated, suggested, ..."""
    return _PARTICIPLES[certainty]


def capital(text: str) -> str:
    """The text with its first letter in upper case (names may start in lower case)."""
    return text[:1].upper() + text[1:]


def by_holders(
    index: Index,
    entries: Sequence[Entry],
    *,
    times: bool,
    said: dict[int, tuple[str, str]] | None = None,
    names: dict[str, str] | None = None,
) -> str:
    """``A (2025-10) and B (2024–2025)``: each holder once, with the times it gave.

    ``said`` remembers each claim's holder name and time in words, by position, across
    calls: a rule that names a claim in many findings words it once. ``names``
    remembers each holder's name (:meth:`~factlog.Index.name`), by holder, across calls:
    a rule whose findings name many claims of few holders looks each up once.
    """
    spans: dict[str, dict[str, None]] = {}  # each holder's times once, in the order given
    said = {} if said is None else said
    for entry in entries:
        words = said.get(entry.position)
        if words is None:
            holder = entry.holder
            name = None if names is None else names.get(holder)
            if name is None:
                name = index.name(holder)
                if names is not None:
                    names[holder] = name
            words = said[entry.position] = (name, span(entry.when) or "no date")
        found = spans.setdefault(words[0], {})
        if times:
            found[words[1]] = None
    return join(f"{name} ({', '.join(items)})" if items else name for name, items in spans.items())


def span(interval: Interval | None) -> str:
    """A valid time as words: ``2024–2025-10``, ``since 2025-01-20``, ``from 2019, end unknown``, ``2019``."""
    if interval is None:
        return ""
    start = interval.start
    if start is not None and (start is interval.end or start == interval.end):  # one date parsed once: one object
        return str(start)
    if interval.start is None:
        return f"start unknown, until {interval.end}" if interval.start_unknown else f"until {interval.end}"
    if interval.end is None:
        return f"from {interval.start}, end unknown" if interval.end_unknown else f"since {interval.start}"
    return f"{interval.start}–{interval.end}"


def proposition(index: Index, value: Proposition, *, with_time: bool = True) -> str:
    """A proposition as a sentence: ``North Korea supplies weapons to Russia (2024–2025-10)``."""
    predicate = index.vocabulary.predicate(value.predicate)
    label = value.predicate if predicate is None else predicate.label
    words = [index.name(value.subject), label]
    if isinstance(value.object, str):
        words.append(index.name(value.object))
    elif value.object is not None:
        words.append(str(value.object))
    text = " ".join(words)
    if value.qualifiers:
        text += " (" + ", ".join(f"{name}: {index.name(item)}" for name, item in value.qualifiers) + ")"
    if with_time and value.when is not None:
        text += f" ({span(value.when)})"
    return text


def proposition_words(index: Index, entries: Sequence[Entry], *, with_time: bool = False) -> str:
    """The proposition claims of one key state, as :func:`proposition` words it (the first one's time if ``with_time``).

    Claims of one key may write its value differently: texts compare casefolded, so
    ``Acme Corp`` and ``ACME corp`` are one proposition, as are 3 and 3.0. The value is
    named in the form most claims give it, ties to the smallest (:func:`shown_form`, as
    assessments name it): never by the claims' ids or order. ``entries`` must hold a
    claim with a proposition.
    """
    said = [entry.proposition for entry in entries if entry.proposition is not None]
    first = said[0]
    if not isinstance(first.object, str) and len(said) > 1:  # an entity is named by its one id
        reprs: dict[int, tuple[Object | None, str]] = index.memo("phrasing:reprs", lambda _: {})
        first = attrs.evolve(first, object=shown_form((value.object for value in said), reprs))
    return proposition(index, first, with_time=with_time)


def proposition_of(index: Index, entries: Sequence[Entry]) -> str:
    """What claims about one proposition say, with every time they give, earliest first.

    ``Velmora ships grain to Tarsia (2026-04-03, 2026-04-05)`` for claims of one proposition
    key dated differently; one time as :func:`proposition` gives it; an undated claim among
    dated ones is ``undated`` at the end. The words are :func:`proposition_words`, the same
    whatever the claims' ids or order. ``entries`` must all have a proposition.
    """
    whens = {entry.proposition.when for entry in entries if entry.proposition is not None}
    words = proposition_words(index, entries)
    if len(whens) == 1:
        when = next(iter(whens))
        return words if when is None else f"{words} ({span(when)})"
    dated = sorted((when for when in whens if when is not None), key=lambda when: (when.sort_key, str(when)))
    times = [span(when) for when in dated] + (["undated"] if None in whens else [])
    return f"{words} ({', '.join(times)})"


def statement(entry: Entry) -> str:
    """The claim's own plain-words statement, without a final full stop."""
    return entry.claim.statement.rstrip(". ")
