"""Who a proposition accuses: the predicate's ``accuses``, read alike by the check and the assessment."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import Accused, ClaimSet, Interval, Pattern, Predicate, PredicateKind
from factlog.checks import interested_denial
from tests.helpers import PREDICATES, claim, findings_of, sides, world


def attacks(accuses: Accused = Accused.BOTH, *, inverse: bool = False) -> tuple[Predicate, ...]:
    """The shared predicates and 'attacks' (with 'is-attacked-by' declaring ``accuses`` when ``inverse``)."""
    if inverse:
        return (
            Predicate(id="attacks", label="attacks", kind=PredicateKind.EVENT, inverse="is-attacked-by"),
            Predicate(id="is-attacked-by", label="is attacked by", kind=PredicateKind.EVENT, accuses=accuses),
        )
    return (Predicate(id="attacks", label="attacks", kind=PredicateKind.EVENT, accuses=accuses),)


def strike_world(accuses: Accused, *claims: factlog.Claim, inverse: bool = False) -> ClaimSet:
    return attrs.evolve(world(*claims), predicates=(*PREDICATES, *attacks(accuses, inverse=inverse)))


def attack(id: str, holder: str, *, denied: bool = False, source: str = "s1") -> factlog.Claim:
    """Russia attacks Ukraine in 2025, affirmed or denied by ``holder``."""
    return claim(id, "russia", "attacks", "ukraine", "2025", denied=denied, holder=holder, source=source)


def assessed_interested(claims: ClaimSet) -> set[str]:
    """The claims the assessment weighs as interested (a fifth of their weight)."""
    found: set[str] = set()
    for item in factlog.assess(claims).propositions:
        for origin in (*item.supporting, *item.opposing):
            if origin.interested:
                found.update(origin.claims)
    return found


def checked_interested(claims: ClaimSet) -> set[str]:
    return {i for finding in findings_of(interested_denial, claims) for i in sides(finding).get("interested", ())}


def test_the_victim_denying_an_attack_that_accuses_its_subject_is_not_interested() -> None:
    """'attacks' declared to accuse its subject: Ukraine denying it is no interested denial, Russia's is."""
    claims = strike_world(
        Accused.SUBJECT,
        attack("report", "wire", source="s2"),
        attack("ua", "ukraine", denied=True),
        attack("ru", "russia", denied=True, source="s5"),
    )
    [finding] = findings_of(interested_denial, claims)
    assert sides(finding)["interested"] == {"ru"}


def test_the_check_and_the_assessment_find_the_same_interested_denials() -> None:
    """The check flags as interested exactly the denials the assessment discounts, whatever 'accuses' says."""
    for accuses in Accused:
        claims = strike_world(
            accuses,
            attack("report", "wire", source="s2"),
            attack("ua", "ukraine", denied=True),
            attack("ru", "russia", denied=True, source="s5"),
        )
        assert checked_interested(claims) == assessed_interested(claims), accuses


@given(st.sampled_from(list(Accused)), st.sampled_from(["ukraine", "russia", "wire"]))
def test_accuses_declared_on_the_inverse_reads_turned_round(accuses: Accused, holder: str) -> None:
    """'is-attacked-by' declaring ``accuses`` says of 'attacks' the same parties, turned round."""
    denial = attack("no", holder, denied=True)
    plain = strike_world(accuses.turned(), attack("yes", "wire", source="s2"), denial)
    turned = strike_world(accuses, attack("yes", "wire", source="s2"), denial, inverse=True)
    assert checked_interested(plain) == checked_interested(turned) == assessed_interested(turned)


def test_an_object_denying_an_undeclared_predicate_is_told_how_to_declare_it() -> None:
    """With 'accuses' left at both, a denial by the object alone says so, and names the field that narrows it."""
    claims = strike_world(Accused.BOTH, attack("report", "wire", source="s2"), attack("ua", "ukraine", denied=True))
    [finding] = findings_of(interested_denial, claims)
    assert "denied by Ukraine, party to it as its object (not necessarily accused" in finding.message
    assert 'declare "accuses": "subject" on the predicate' in finding.message


def test_a_subject_denying_is_not_told_to_declare_anything() -> None:
    """The accused subject's denial reads as before: no word of the object."""
    claims = strike_world(Accused.BOTH, attack("report", "wire", source="s2"), attack("ru", "russia", denied=True))
    [finding] = findings_of(interested_denial, claims)
    assert finding.message.endswith("denied by Russia, party to it")


def first_since(holder: str) -> factlog.Claim:
    """'The first Russian attack on Ukraine since 2019', said by ``holder`` of an attack in 2025."""
    return attrs.evolve(attack("first", holder), pattern=Pattern(since=Interval.parse("2019")))


@pytest.mark.parametrize("accuses", list(Accused))
def test_a_pattern_claim_alone_denies_nothing_said(accuses: Accused) -> None:
    """'The first attack since 2019' alone: its implied denial answers nothing, and no finding is made."""
    assert findings_of(interested_denial, strike_world(accuses, first_since("russia"))) == []


def test_a_pattern_claim_denying_is_named_as_implied() -> None:
    """Against an attack in 2022, the accused's 'first since 2019' is named as denying by implication."""
    other = claim("in-2022", "russia", "attacks", "ukraine", "2022", holder="wire", source="s2")
    [finding] = findings_of(interested_denial, strike_world(Accused.SUBJECT, first_since("russia"), other))
    assert "denied by Russia (implied by 'the first … since 2019'), party to it" in finding.message
    assert sides(finding) == {"interested": {"first"}, "denied": {"in-2022"}}
