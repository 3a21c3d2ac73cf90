"""Strategies for findings with dates, and claim sets with names and times as the writer wrote them."""

from __future__ import annotations

from hypothesis import strategies as st

from factlog import (
    ClaimSet,
)
from factlog.checks._findings import Finding, Severity, finding_id
from factlog.model._coherence import inverse_names
from factlog.model._vocabulary import fold
from tests import helpers
from tests.strategies.values import ids, texts, words

# What findings_with_dates draws that depends on nothing drawn: built once, not once a finding.
_RULES = st.sampled_from(["opposed_claims", "conflicting_values", "undeclared_copying", "unknown_rule"])
_SIDES = st.lists(st.tuples(words, st.lists(ids, max_size=4)), max_size=3)
_SEVERITIES = st.sampled_from(list(Severity))
_MESSAGES = st.one_of(texts, st.text(max_size=3000))
_NOTES = st.none() | texts


@st.composite
def findings_with_dates(draw: st.DrawFn, max_size: int = 40) -> list[tuple[Finding, tuple[int, int]]]:
    """Findings of a few rules (shared ids, long messages, acknowledged ones), each with a first date's sort key."""
    found = []
    for _ in range(draw(st.integers(0, max_size))):
        rule = draw(_RULES)
        claims = draw(_SIDES)
        own = finding_id(rule, [claim for _, side in claims for claim in side])
        finding = Finding(
            rule=rule,
            severity=draw(_SEVERITIES),
            message=draw(_MESSAGES),
            claims=claims,
            id=draw(st.sampled_from(["f-" + "0" * 20, "f-" + "1" * 20, own])),
            acknowledged=draw(st.booleans()),
            note=draw(_NOTES),
        )
        found.append((finding, (draw(st.integers(0, 3)), draw(st.integers(0, 3)))))
    return found


_CANONICAL_NAMES = ("dprk", "russia", "prc", "kursk", "sudzha")
_WRITTEN_NAMES = ("DPRK", "Pyongyang", "north korea", "Moscow", "Beijing", "the Kursk region", "Sudzha")
_WRITTEN_PREDICATES = ("supplies-weapons-to", "receives-weapons-from", "allied-with", "fights-in", "troops-deployed")
_INVERSES = inverse_names(helpers.PREDICATES)


@st.composite
def written_claim_sets(draw: st.DrawFn, max_claims: int = 24) -> ClaimSet:
    """Claims of the shared world (``tests.helpers``) written as a text may write them.

    Entities by id, alias or name in any case, inverse and symmetric predicates either way
    round, qualifiers naming places by alias, quantities, several objects, no proposition:
    every way a proposition can differ from its canonical form, and the canonical forms.
    """
    names = st.sampled_from(_CANONICAL_NAMES) | st.sampled_from(_WRITTEN_NAMES)
    entities = names | st.lists(names, min_size=2, max_size=2).map(tuple)
    drawn = []
    for number in range(draw(st.integers(1, max_claims))):
        predicate = draw(st.sampled_from(_WRITTEN_PREDICATES))
        # A claim read the other way round needs entities as its object (ClaimSet refuses others).
        obj = draw(entities if predicate in _INVERSES else st.none() | st.integers(1, 3) | entities)
        if isinstance(obj, tuple) and len({fold(n) for n in obj}) < len(obj):
            obj = obj[0]
        drawn.append(
            helpers.claim(
                f"c{number}",
                draw(st.none() | names),
                predicate,
                obj,
                draw(st.none() | st.sampled_from(["2024", "2023/2025", "2025-03-01", "2019/"])),
                denied=draw(st.booleans()),
                qualifiers=draw(st.dictionaries(st.just("place"), names, max_size=1)),
                source=draw(st.sampled_from(["s1", "s2", "s3"])),
            )
        )
    return helpers.world(*drawn)


_TIED_WHENS = (
    "2015",
    "2015-01",
    "2015-01-01",
    "2015-12",
    "2015/2016",
    "2015-01/2015-06",
    "2014/2015",
    "2015-06/..",
    "../2015-01",
    "2015/",
    "/2015",
)


@st.composite
def tied_time_claim_sets(draw: st.DrawFn, max_claims: int = 6) -> ClaimSet:
    """Claims of one visit and one troop count at times that start or end on one day (``2015``, ``2015-01``, ...).

    For the properties of time labels: a proposition's span is the earliest start and the
    latest end of its claims, and these ties are where the claims' order could pick the words.
    """
    drawn = []
    for number in range(draw(st.integers(2, max_claims))):
        counted = draw(st.booleans())
        drawn.append(
            helpers.claim(
                f"t{number}",
                "dprk",
                "troops-deployed" if counted else "visits",
                draw(st.sampled_from([1000, 1100])) if counted else "russia",
                draw(st.sampled_from(_TIED_WHENS)),
                denied=draw(st.booleans()),
                source=draw(st.sampled_from(["s1", "s2", "s5"])),
                holder=draw(st.sampled_from(["author", "wire", "paper-b"])),
            )
        )
    return helpers.world(*drawn)
