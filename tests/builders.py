"""Small claim sets written in a line each, for rule tests."""

from __future__ import annotations

from typing import Any

from factlog import (
    Acknowledgement,
    Attribution,
    Certainty,
    Claim,
    ClaimSet,
    DateValue,
    Entity,
    EntityKind,
    Evidence,
    Interval,
    PartialDate,
    Polarity,
    Predicate,
    PredicateKind,
    Proposition,
    Quantity,
    Reliability,
    Source,
)

ENTITIES = (
    Entity(id="dprk", name="North Korea", kind=EntityKind.COUNTRY, aliases=("DPRK", "Pyongyang")),
    Entity(id="russia", name="Russia", kind=EntityKind.COUNTRY, aliases=("Moscow",)),
    Entity(id="prc", name="China", kind=EntityKind.COUNTRY, aliases=("Beijing",)),
    Entity(id="trump", name="Donald Trump", kind=EntityKind.PERSON),
    Entity(id="us-president", name="President of the United States", kind=EntityKind.OTHER),
    Entity(id="kcna", name="KCNA", kind=EntityKind.MEDIA_OUTLET, affiliation="dprk", reliability=Reliability.D),
    Entity(id="mfa-prc", name="Chinese Foreign Ministry", kind=EntityKind.GOVERNMENT_BODY, affiliation="prc"),
    Entity(id="analysts", name="analysts", kind=EntityKind.GROUP, anonymous=True),
    Entity(id="western-intelligence", name="Western intelligence", kind=EntityKind.GROUP, anonymous=True),
    Entity(id="tabloid", name="A tabloid", kind=EntityKind.MEDIA_OUTLET, reliability=Reliability.E),
    Entity(id="author", name="The author", kind=EntityKind.MEDIA_OUTLET),
    Entity(id="paper-a", name="Paper A", kind=EntityKind.MEDIA_OUTLET),
    Entity(id="paper-b", name="Paper B", kind=EntityKind.MEDIA_OUTLET),
    Entity(id="wire", name="The wire", kind=EntityKind.MEDIA_OUTLET),
    Entity(id="visit", name="the visit", kind=EntityKind.EVENT),
)
PREDICATES = (
    Predicate(
        id="supplies-weapons-to", label="supplies weapons to", kind=PredicateKind.STATE, inverse="receives-weapons-from"
    ),
    Predicate(id="visits", label="visits", kind=PredicateKind.EVENT),
    Predicate(id="allied-with", label="is allied with", kind=PredicateKind.STATE, symmetric=True),
    Predicate(
        id="holds-office", label="holds the office of", kind=PredicateKind.STATE, exclusive_with=("former-holder-of",)
    ),
    Predicate(id="former-holder-of", label="formerly held the office of", kind=PredicateKind.STATE),
    Predicate(
        id="troops-deployed",
        label="number of troops deployed",
        kind=PredicateKind.STATE,
        functional=True,
        tolerance=0.1,
    ),
    Predicate(id="takes-place-on", label="takes place on", kind=PredicateKind.STATE, functional=True),
    Predicate(id="leader-of", label="leads", kind=PredicateKind.STATE, functional=True),
)
SOURCES = (
    Source(id="s1", title="Story one", publisher="author", published=PartialDate.parse("2025-10")),
    Source(id="s2", title="Wire story", publisher="wire", published=PartialDate.parse("2025-10")),
    Source(
        id="s3",
        title="Paper A's copy",
        publisher="paper-a",
        published=PartialDate.parse("2025-10"),
        derived_from=("s2",),
    ),
    Source(
        id="s4",
        title="Paper B's copy",
        publisher="paper-b",
        published=PartialDate.parse("2025-10"),
        derived_from=("s3",),
    ),
    Source(id="s5", title="Another story", publisher="paper-b", published=PartialDate.parse("2025-11")),
)


def claim(
    id: str,
    subject: str | None = "dprk",
    predicate: str = "supplies-weapons-to",
    obj: Any = "russia",
    when: str | None = "2025",
    *,
    denied: bool = False,
    certainty: str = "certain",
    holder: str = "author",
    source: str = "s1",
    answers: tuple[str, ...] = (),
    stated: str | None = None,
    via: tuple[str, ...] = (),
    qualifiers: dict[str, str] | None = None,
) -> Claim:
    """A claim; ``subject=None`` gives one without a proposition."""
    if isinstance(obj, str) and obj.startswith("date:"):
        obj = DateValue(date=Interval.parse(obj.removeprefix("date:")))
    elif isinstance(obj, (int, float)):
        obj = Quantity(amount=obj)
    proposition = None
    if subject is not None:
        proposition = Proposition(
            subject=subject,
            predicate=predicate,
            object=obj,
            qualifiers=qualifiers or {},
            when=None if when is None else Interval.parse(when),
        )
    return Claim(
        id=id,
        statement=f"Statement {id}.",
        proposition=proposition,
        polarity=Polarity.DENIED if denied else Polarity.AFFIRMED,
        certainty=Certainty.parse(certainty),
        attribution=Attribution(holder=holder, via=via),
        evidence=(Evidence(source=source, quote=f"quote {id}", start=0, end=len(f"quote {id}")),),
        stated=None if stated is None else Interval.parse(stated),
        answers=answers,
    )


def world(*claims: Claim, acknowledged: tuple[tuple[str, str], ...] = ()) -> ClaimSet:
    """The shared entities, predicates and sources with the given claims."""
    return ClaimSet(
        entities=ENTITIES,
        predicates=PREDICATES,
        sources=SOURCES,
        claims=claims,
        acknowledged=tuple(Acknowledgement(finding=f, note=n) for f, n in acknowledged),
    )
