"""Finding ids: 80 bits, so collisions are negligible at 100 million findings; old 8-digit ids still acknowledge."""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
from factlog import Finding, Severity
from factlog.checks import finding_id, opposed_claims
from tests.helpers import claim, world


def conflict() -> factlog.ClaimSet:
    return world(claim("a"), claim("d", denied=True, holder="russia"))


def test_ids_carry_80_bits_of_sha256() -> None:
    """An id is 'f-' and the first 20 hex digits of SHA-256 of the rule and the sorted claim ids."""
    expected = hashlib.sha256(b"opposed_claims\0a\0d").hexdigest()[:20]
    assert finding_id("opposed_claims", ["d", "a", "d"]) == "f-" + expected


def test_ids_are_pinned() -> None:
    """Ids are stable across releases (acknowledgements name them): these exact ids, written out, never change."""
    assert finding_id("opposed_claims", ["d", "a", "d"]) == "f-0e3cf2d0fbfceaf968e4"
    report = factlog.check(world(claim("a"), claim("b", denied=True, holder="russia")))
    assert [(f.rule, f.id) for f in report.findings] == [
        ("opposed_claims", "f-9d5e8ca5eb404a735eb0"),
        ("interested_denial", "f-4e6b1dcdf9267cf23d56"),
    ]


def test_collision_odds_at_100_million_findings_are_negligible() -> None:
    """Birthday bound n²/2^(bits+1) at n = 10^8: below one in a hundred million."""
    bits = 4 * (len(finding_id("r", ["c"])) - 2)
    assert (10**8) ** 2 / 2 ** (bits + 1) < 1e-8


def test_an_old_short_id_still_acknowledges_its_finding() -> None:
    """An acknowledgement written with the old 8-hex-digit id marks the finding and is not stale."""
    [finding] = factlog.check(conflict(), (opposed_claims,)).findings
    old = finding.id[:10]
    report = factlog.check(world(*conflict().claims, acknowledged=((old, "reviewed"),)))
    [marked] = report.by_rule("opposed_claims")
    assert marked.acknowledged
    assert marked.note == "reviewed"
    assert report.by_rule("stale_acknowledgement") == []


def test_an_old_id_shared_by_two_findings_acknowledges_neither() -> None:
    """When two findings share an old short id (the collision longer ids avoid), it silences nothing."""
    index = factlog.Index.of(world(acknowledged=(("f-aaaaaaaa", "old"),)))
    twins = [
        Finding(rule="r", severity=Severity.ERROR, message=m, claims={}, id="f-aaaaaaaa" + tail)
        for m, tail in (("one", "0" * 12), ("two", "1" * 12))
    ]
    marked = factlog.checks._engine.finish(index, twins, ())
    assert not any(f.acknowledged for f in marked)
    [stale] = [f for f in marked if f.rule == "stale_acknowledgement"]
    assert "matches 2 findings" in stale.message


def _twice(index: factlog.Index) -> list[Finding]:
    """A rule saying two different things about the same claims, and one of them twice."""
    said = [
        Finding(rule="_twice", severity=Severity.INFO, message=message, claims={"c": ["a", "d"]})
        for message in ("denied until 2020", "affirmed since 2020", "denied until 2020")
    ]
    return said if index.entries else []


def test_one_rules_different_findings_about_the_same_claims_get_ids_of_their_own() -> None:
    """Two findings of one rule about the same claims that say different things do not share an id; a repeat is one."""
    found = factlog.check(conflict(), (_twice,), stale=False).findings
    assert sorted(f.message for f in found) == ["affirmed since 2020", "denied until 2020"]
    assert len({f.id for f in found}) == 2
    assert finding_id("_twice", ["a", "d"]) not in {f.id for f in found}


def test_the_incremental_check_keeps_both() -> None:
    """Checker.add reports the same two findings as the full check (before, one replaced the other by id)."""
    checker = factlog.Checker(world(claim("a")), (_twice,))
    checker.add([claim("d", denied=True, holder="russia")])
    assert [f.id for f in checker.report().findings] == [f.id for f in factlog.check(conflict(), (_twice,)).findings]


_IDS = st.lists(st.sampled_from(["a", "b", "c", "d", "é", "a\0b"]), max_size=5)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["affirming", "denying", "claim", "x"]), _IDS), max_size=4))
def test_a_findings_default_id_is_finding_id_of_its_claim_ids(sides: list[tuple[str, list[str]]]) -> None:
    """Made from every claim of its sides (repeats included), the default id is that of the distinct ``claim_ids``."""
    found = Finding(rule="opposed_claims", severity=Severity.WARNING, message="m", claims=sides)
    assert found.id == finding_id("opposed_claims", found.claim_ids)
    assert found.claims == tuple((side, tuple(dict.fromkeys(ids))) for side, ids in sides if ids)
