"""Generated truth-discovery scenarios: independent origins and an echoed one."""

from __future__ import annotations

import random

from factlog import (
    Attribution,
    Claim,
    ClaimSet,
    Entity,
    EntityKind,
    Evidence,
    Predicate,
    PredicateKind,
    Proposition,
    Source,
    TextValue,
)

VALUES = ("v0", "v1", "v2", "v3", "v4")


def echo_cluster(
    seed: int,
    questions: int = 2000,
    independent: int = 9,
    good: float = 0.75,
    bad: float = 0.35,
    copiers: int = 10,
    copied: bool = True,
) -> tuple[ClaimSet, dict[str, str]]:
    """Functional questions answered by independent origins and one echoed origin.

    ``independent`` origins give the true value with probability ``good``; one origin
    gives it with probability ``bad``, and ``copiers`` other outlets repeat it: half by
    relaying (``via``), half as rewrites of its source (``derived_from``). With
    ``copied=False`` the copiers answer on their own, like the independent origins but
    with the bad origin's accuracy. Returns the claim set and the truth per subject.
    """
    rng = random.Random(seed)
    origins = [f"origin-{n}" for n in range(independent)]
    echo, relays = "echoed", [f"copier-{n}" for n in range(copiers)]
    entities = [Entity(id=name, name=name, kind=EntityKind.MEDIA_OUTLET) for name in (*origins, echo, *relays)]
    subjects = [f"q{n}" for n in range(questions)]
    entities += [Entity(id=subject, name=subject, kind=EntityKind.EVENT) for subject in subjects]
    sources = [Source(id=f"s-{name}", title=name, publisher=name) for name in (*origins, echo)]
    for number, relay in enumerate(relays):
        derived = ("s-echoed",) if copied and number % 2 else ()
        sources.append(Source(id=f"s-{relay}", title=relay, publisher=relay, derived_from=derived))
    claims: list[Claim] = []
    truth: dict[str, str] = {}

    def answer(accuracy: float, correct: str) -> str:
        return correct if rng.random() < accuracy else rng.choice([v for v in VALUES if v != correct])

    def say(subject: str, value: str, holder: str, source: str, via: tuple[str, ...] = ()) -> None:
        quote = f"{subject} is {value}"
        claims.append(
            Claim(
                id=f"{subject}-{holder}-{source}",
                statement=quote,
                proposition=Proposition(subject=subject, predicate="has-value", object=TextValue(text=value)),
                attribution=Attribution(holder=holder, via=via),
                evidence=(Evidence(source=source, quote=quote, start=0, end=len(quote)),),
            )
        )

    for subject in subjects:
        truth[subject] = correct = rng.choice(VALUES)
        for origin in origins:
            say(subject, answer(good, correct), origin, f"s-{origin}")
        echoed = answer(bad, correct)
        say(subject, echoed, echo, "s-echoed")
        for number, relay in enumerate(relays):
            if not copied:
                say(subject, answer(bad, correct), relay, f"s-{relay}")
            elif number % 2:
                say(subject, echoed, relay, f"s-{relay}")
            else:
                say(subject, echoed, echo, f"s-{relay}", via=(relay,))
    predicate = Predicate(id="has-value", label="has value", kind=PredicateKind.STATE, functional=True)
    return ClaimSet(
        entities=tuple(entities), predicates=(predicate,), sources=tuple(sources), claims=tuple(claims)
    ), truth
