"""Strategies for a claim log's records and appends."""

from __future__ import annotations

from hypothesis import strategies as st

from factlog import (
    Attribution,
    Claim,
    Entity,
    EntityKind,
    Evidence,
    Interval,
    PartialDate,
    Pattern,
    Polarity,
    Predicate,
    PredicateKind,
    Proposition,
    Quantity,
    Retraction,
    Source,
    WrittenWhen,
)

_LOG_WHENS = ("2025-10-20", "../2025-10-20", "2025-10-20/..", "two days after the strike", "on Tuesday", None)


def _log_when(text: str | None) -> Interval | None:
    """A ``when`` as a loaded file gives it: words resolved (their days do not matter: the log keeps the words)."""
    if text is None or text[0].isdigit() or text.startswith(".."):
        return None if text is None else Interval.parse(text)
    return WrittenWhen.resolve(text, "2025-10-30", events={"the strike": "2025-10-20"})


_LOG_ENTITIES = (
    Entity(id="strike", name="the strike", kind=EntityKind.EVENT),
    Entity(id="strike", name="the strike", kind=EntityKind.PLACE),
    Entity(id="other", name="The Strike", kind=EntityKind.EVENT),
    Entity(id="other", name="Other", kind=EntityKind.EVENT),
    Entity(id="dprk", name="North Korea", kind=EntityKind.COUNTRY),
    Entity(id="dprk", name="North Korea", kind=EntityKind.COUNTRY, aliases=("Pyongyang",)),
    Entity(id="film", name="North Korea", kind=EntityKind.OTHER),
    Entity(id="pyongyang", name="Pyongyang (city)", kind=EntityKind.PLACE),
    Entity(id="town", name="Pyongyang", kind=EntityKind.PLACE),
)
_LOG_PREDICATES = (
    Predicate(id="p", label="p", kind=PredicateKind.EVENT),
    Predicate(id="p", label="p", kind=PredicateKind.EVENT, inverse="q"),
    Predicate(id="p", label="p", kind=PredicateKind.EVENT, inverse="q2"),
    Predicate(id="r", label="r", kind=PredicateKind.EVENT, scale="level", rank=1),
    Predicate(id="r", label="r", kind=PredicateKind.EVENT),
)
_LOG_INVERSE_DECLARED = Predicate(id="q", label="q", kind=PredicateKind.EVENT)
"""Predicate ``q``: declared, the claims written with ``p``'s inverse ``q`` would be read forwards."""


@st.composite
def log_records(draw: st.DrawFn, words: bool = True) -> object:
    """One record of a claim log, from a small world whose records can refuse each other.

    Predicate ``p`` with no inverse, inverse ``q`` or inverse ``q2``, ``r`` with or
    without a rank, an event named "the strike" and a second event that may bear the
    name too; North Korea with or without its alias "Pyongyang", a film named "North
    Korea" too, a city whose id is "pyongyang", a town named "Pyongyang", a predicate
    ``q`` of its own; sources ``s1`` and ``s2`` with or without
    a date, each with or without deriving from the other; claims read either way round
    with an entity or a figure, naming North Korea by id, alias or name (as subject,
    holder, relay or qualifier), in words or dates, with or without a "highest since"
    pattern; retractions of those claims. Without ``words``, only what references
    change: no events, no ``r``, claims dated and without a pattern.
    """
    kind = draw(st.sampled_from(["entity", "entity", "predicate", "predicate", "source", "claim", "claim", "claim"]))
    kind = "retraction" if kind == "claim" and draw(st.integers(0, 5)) == 0 else kind
    if kind == "entity":
        return draw(st.sampled_from(_LOG_ENTITIES if words else _LOG_ENTITIES[4:]))
    if kind == "predicate":
        return draw(st.sampled_from([*(_LOG_PREDICATES if words else _LOG_PREDICATES[:3]), _LOG_INVERSE_DECLARED]))
    if kind == "source":
        published = draw(st.sampled_from([PartialDate.parse("2025-10-30"), None]))
        source, other = draw(st.sampled_from([("s1", "s2"), ("s2", "s1")]))
        derived = draw(st.sampled_from([(), (other,)]))
        return Source(id=source, title="Report", publisher="author", published=published, derived_from=derived)
    claim_id = draw(st.sampled_from(["c0", "c1", "c2", "c3"]))
    if kind == "retraction":
        return Retraction(claim=claim_id, reason="withdrawn")
    subjects = ["dprk", "strike", "the strike", "Pyongyang", "North Korea"] if words else ["dprk", "Pyongyang"]
    proposition = Proposition(
        subject=draw(st.sampled_from(subjects)),
        predicate=draw(st.sampled_from(["p", "q", "q", "q2", "r"] if words else ["p", "q", "q2"])),
        object=draw(st.sampled_from(["dprk", "dprk", Quantity(amount=5)] if words else ["dprk", "North Korea"])),
        qualifiers=draw(st.sampled_from([{}, {}, {"place": "North Korea"}])),
        when=_log_when(draw(st.sampled_from(_LOG_WHENS if words else _LOG_WHENS[:3]))),
    )
    quote = f"quote {claim_id}"
    polarity = draw(st.sampled_from([Polarity.AFFIRMED, Polarity.AFFIRMED, Polarity.DENIED]))
    ranked = words and polarity is Polarity.AFFIRMED and draw(st.booleans())  # a pattern is affirmed
    return Claim(
        id=claim_id,
        statement=f"Statement {claim_id}.",
        proposition=proposition,
        polarity=polarity,
        attribution=Attribution(
            holder=draw(st.sampled_from(["author", "author", "North Korea"])),
            via=draw(st.sampled_from([(), (), ("Pyongyang",)])),
        ),
        evidence=(Evidence(source=draw(st.sampled_from(["s1", "s2", "s9"])), quote=quote, start=0, end=len(quote)),),
        stated=draw(st.sampled_from([None, Interval.parse("2025-10-30")])),
        pattern=Pattern(highest_since=Interval.parse("2019")) if ranked else None,
    )


def _log_key(record: object) -> tuple[str, str]:
    if isinstance(record, Retraction):
        return "claim", record.claim
    return type(record).__name__.casefold(), str(getattr(record, "id", ""))


def _log_calls(records: st.SearchStrategy[object]) -> st.SearchStrategy[list[tuple[list[object], bool, str]]]:
    return st.lists(
        st.tuples(
            st.lists(records, min_size=1, max_size=3, unique_by=_log_key),
            st.sampled_from([True, True, False]),
            st.sampled_from(["append", "append", "append", "import"]),
        ),
        min_size=1,
        max_size=10,
    )


log_appends = _log_calls(log_records())
"""A sequence of calls: (records, ``replace``, ``append`` or ``import`` of them as a JSON Lines log, which
replaces whatever ``replace`` says); each call's records of distinct ids."""
log_reference_appends = _log_calls(log_records(words=False))
"""Calls as :data:`log_appends` gives them, of records that change only what references resolve to."""
