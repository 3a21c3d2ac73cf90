"""One holder per office: an inverse-functional predicate has one subject per object at a time."""

from __future__ import annotations

from factlog import Severity
from factlog.checks import conflicting_holders
from tests.helpers import claim, findings_of, sides, world


def premier(id: str, person: str, when: str, **kwargs: object) -> object:
    return claim(id, person, "premier-of", "ruritania", when, **kwargs)  # type: ignore[arg-type]


def test_two_premiers_in_one_week_conflict() -> None:
    """Two papers name Alice premier in March 2025, one names Bob on 10 March: the wrong name is caught."""
    claims = world(
        premier("a1", "alice", "2025-03", holder="wire", source="s2"),
        premier("a2", "alice", "2025-03"),
        premier("b", "bob", "2025-03-10", holder="kcna"),
    )
    [finding] = findings_of(conflicting_holders, claims)
    assert sides(finding) == {"alice": {"a1", "a2"}, "bob": {"b"}}
    assert finding.severity is Severity.ERROR
    assert "Alice Example" in finding.message
    assert "Ruritania" in finding.message


def test_successive_premiers_do_not_conflict() -> None:
    """Alice in 2024, Bob in 2025: one at a time."""
    assert findings_of(conflicting_holders, world(premier("a", "alice", "2024"), premier("b", "bob", "2025"))) == []


def test_one_premier_named_twice_is_no_conflict() -> None:
    """The same person named by two sources agrees."""
    claims = world(premier("a", "alice", "2025"), premier("b", "alice", "2025-03", holder="wire"))
    assert findings_of(conflicting_holders, claims) == []


def test_predicates_not_declared_inverse_functional_are_ignored() -> None:
    """Two people visiting one country at once is no conflict."""
    claims = world(claim("a", "alice", "visits", "dprk", "2025"), claim("b", "bob", "visits", "dprk", "2025"))
    assert findings_of(conflicting_holders, claims) == []
