"""Every check reads a declared inverse the other way round, whatever the order of the two predicates' ids."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import attrs
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import (
    Attribution,
    Claim,
    ClaimSet,
    Entity,
    EntityKind,
    Evidence,
    Polarity,
    Predicate,
    PredicateKind,
    Proposition,
    Source,
)
from tests.helpers import run

PARTIES = ("us", "ua", "pl")
ENTITIES = (
    *(Entity(id=party, name=party.upper(), kind=EntityKind.COUNTRY) for party in PARTIES),
    Entity(id="outlet", name="Outlet", kind=EntityKind.MEDIA_OUTLET),
)
SOURCES = (Source(id="s1", title="T", publisher="outlet"), Source(id="s2", title="U", publisher="outlet"))


def _predicate(id: str, inverse: str | None = None, *, functional: bool = False) -> Predicate:
    return Predicate(id=id, label=f"{id} label", kind=PredicateKind.EVENT, inverse=inverse, functional=functional)


def _claim(id: str, subject: str, predicate: str, obj: str, *, denied: bool = False, source: str = "s1") -> Claim:
    return Claim(
        id=id,
        statement=f"Statement {id}.",
        proposition=Proposition(subject=subject, predicate=predicate, object=obj),
        polarity=Polarity.DENIED if denied else Polarity.AFFIRMED,
        attribution=Attribution(holder=subject),
        evidence=(Evidence(source=source, quote="x"),),
    )


GIVES = _predicate("gives-to", "receives-from")
RECEIVES = _predicate("receives-from")
AFFIRMED = _claim("c1", "us", "gives-to", "ua")
DENIED = _claim("c2", "ua", "receives-from", "us", denied=True)
"""'US gives to UA' affirmed, 'UA receives from US' denied: one proposition, a contradiction."""


def _tables(*claims: Claim) -> ClaimSet:
    return ClaimSet(entities=ENTITIES, predicates=(GIVES, RECEIVES), sources=SOURCES, claims=claims)


def _opposed(findings: Sequence[factlog.Finding]) -> list[tuple[str, ...]]:
    return [finding.claim_ids for finding in findings if finding.rule == "opposed_claims"]


def test_check_finds_the_contradiction_across_a_declared_inverse() -> None:
    """'gives-to' names 'receives-from', declared with no inverse: the denial contradicts the affirmation."""
    assert _opposed(factlog.check(_tables(AFFIRMED, DENIED)).findings) == [("c1", "c2")]


def test_check_lines_finds_the_contradiction_across_a_declared_inverse(tmp_path: Path) -> None:
    """The compact check of a JSON Lines file (check --stream) pairs the predicates as the plain check does."""
    path = tmp_path / "a.jsonl"
    factlog.dump(_tables(AFFIRMED, DENIED), path)
    assert _opposed(factlog.check_lines(path).findings) == [("c1", "c2")]
    done = run("check", "--stream", "--format", "json", str(path))
    assert [finding["rule"] for finding in json.loads(done.stdout)["findings"]].count("opposed_claims") == 1


def test_the_checker_finds_the_contradiction_when_the_denial_arrives() -> None:
    """Checker(base).add([denial]) reports the contradiction as new."""
    checker = factlog.Checker(_tables(AFFIRMED))
    assert _opposed(checker.add([DENIED])) == [("c1", "c2")]


def test_the_cli_check_fails_on_the_contradiction(tmp_path: Path) -> None:
    """`factlog check` exits 1 with the contradiction on a file declaring the pair from one end."""
    path = tmp_path / "a.json"
    factlog.dump(_tables(AFFIRMED, DENIED), path)
    done = run("check", "--format", "json", str(path))
    assert done.returncode == 1
    assert [finding["rule"] for finding in json.loads(done.stdout)["findings"]].count("opposed_claims") == 1


ROLES = ("forwards", "backwards", "other")
"""A pair declared from one end or both, and a predicate of its own."""
NAMES = ("a-rel", "b-rel", "m-rel", "y-rel", "z-rel")


@st.composite
def _scenarios(draw: st.DrawFn) -> tuple[bool, bool, list[tuple[str, str, str, str, bool, str]]]:
    """Whether 'backwards' is declared, whether it names 'forwards' too, and claims by role."""
    declared = draw(st.booleans())
    mutual = declared and draw(st.booleans())
    claims = draw(
        st.lists(
            st.tuples(
                st.sampled_from(PARTIES),
                st.sampled_from(ROLES),
                st.sampled_from(PARTIES),
                st.booleans(),
                st.sampled_from(("s1", "s2")),
            ).filter(lambda drawn: drawn[0] != drawn[2]),
            min_size=1,
            max_size=8,
        )
    )
    return declared, mutual, [(f"c{n}", *drawn[:3], drawn[3], drawn[4]) for n, drawn in enumerate(claims)]


def _set(
    names: dict[str, str],
    declared: bool,
    mutual: bool,
    claims: list[tuple[str, str, str, str, bool, str]],
    *,
    functional: bool = False,
) -> ClaimSet:
    """The scenario with each role given its name ('forwards' functional with ``functional``)."""
    predicates = [_predicate(names["forwards"], names["backwards"], functional=functional), _predicate(names["other"])]
    if declared:
        predicates.append(_predicate(names["backwards"], names["forwards"] if mutual else None))
    made = [
        _claim(id, subject, names[role], obj, denied=denied, source=source)
        for id, subject, role, obj, denied, source in claims
    ]
    return ClaimSet(entities=ENTITIES, predicates=tuple(predicates), sources=SOURCES, claims=tuple(made))


def _findings(claims: ClaimSet) -> list[tuple[str, str, tuple[tuple[str, tuple[str, ...]], ...]]]:
    """Each finding's rule, severity and claims by side, sorted: what a renaming must keep."""
    return sorted(
        (finding.rule, str(finding.severity), tuple(sorted((side, tuple(sorted(ids))) for side, ids in finding.claims)))
        for finding in factlog.check(claims).findings
    )


@given(_scenarios(), st.permutations(NAMES), st.permutations(NAMES))
def test_the_findings_do_not_depend_on_the_predicates_names(
    scenario: tuple[bool, bool, list[tuple[str, str, str, str, bool, str]]], first: list[str], second: list[str]
) -> None:
    """Any renaming of the predicates (changing which id sorts first) gives the same findings on the same claims."""
    declared, mutual, claims = scenario
    one = _set(dict(zip(ROLES, first, strict=False)), declared, mutual, claims)
    two = _set(dict(zip(ROLES, second, strict=False)), declared, mutual, claims)
    assert _findings(one) == _findings(two)


def test_the_renamed_pair_of_the_reported_fault_gives_the_same_findings() -> None:
    """'gives-to' and 'z-gives-to' with 'receives-from' declared alone: the same contradiction either way."""
    renamed = _tables(
        attrs.evolve(AFFIRMED, proposition=attrs.evolve(AFFIRMED.proposition, predicate="z-gives-to")), DENIED
    )
    renamed = attrs.evolve(renamed, predicates=(_predicate("z-gives-to", "receives-from"), RECEIVES))
    assert _findings(renamed) == _findings(_tables(AFFIRMED, DENIED))


def _capitals(forwards: str) -> ClaimSet:
    """'forwards' (functional) names 'capital-of', declared alone; two holders give Ukraine two capitals."""
    claims = tuple(
        _claim(f"c{n}", holder, forwards, city) for n, (holder, city) in enumerate((("ua", "us"), ("pl", "pl")))
    )
    return ClaimSet(
        entities=ENTITIES,
        predicates=(_predicate(forwards, "capital-of", functional=True), _predicate("capital-of")),
        sources=SOURCES,
        claims=tuple(attrs.evolve(c, proposition=attrs.evolve(c.proposition, subject="ua")) for c in claims),
    )


def test_a_functional_predicate_declaring_its_inverse_keeps_one_value_whatever_its_id() -> None:
    """'has-capital' sorts after 'capital-of' as 'a-has-capital' does not: two capitals conflict for both."""
    for forwards in ("a-has-capital", "has-capital"):
        assert [finding.rule for finding in factlog.check(_capitals(forwards)).findings].count(
            "conflicting_values"
        ) == 1, forwards


def test_a_claim_on_the_declaring_predicate_may_have_a_text_object_whatever_its_id() -> None:
    """'gives-to' and 'z-gives-to' naming 'receives-from' declared alone are read forwards: a text object loads."""
    for forwards in ("gives-to", "z-gives-to"):
        claim = _claim("c1", "us", forwards, "ua")
        claim = attrs.evolve(claim, proposition=attrs.evolve(claim.proposition, object=factlog.TextValue(text="arms")))
        tables = ClaimSet(
            entities=ENTITIES, predicates=(_predicate(forwards, "receives-from"), RECEIVES), sources=SOURCES
        )
        assert factlog.loads(factlog.dumps(attrs.evolve(tables, claims=(claim,)))).claims == (claim,)


@given(_scenarios(), st.permutations(NAMES), st.permutations(NAMES))
def test_a_functional_predicate_s_findings_do_not_depend_on_the_predicates_names(
    scenario: tuple[bool, bool, list[tuple[str, str, str, str, bool, str]]], first: list[str], second: list[str]
) -> None:
    """'forwards' functional, naming 'backwards' from its end alone: any renaming gives the same findings."""
    declared, _, claims = scenario
    one = _set(dict(zip(ROLES, first, strict=False)), declared, False, claims, functional=True)
    two = _set(dict(zip(ROLES, second, strict=False)), declared, False, claims, functional=True)
    assert _findings(one) == _findings(two)
