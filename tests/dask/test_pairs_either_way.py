"""The distributed check reads symmetric pairs and inverse pairs from either end, as the single process does."""

from __future__ import annotations

import pytest

import factlog
import factlog.dask
from tests.checks.test_inverse_ends import EMPLOYS, PARENT, SUES, WORKS_FOR, vocabulary
from tests.checks.test_symmetric_pairs import married, pairs
from tests.helpers import claim

SPOUSES = pairs(married("to-alice", "carol", "alice"), married("to-bob", "bob", "carol", holder="wire", source="s2"))
"""Carol married to Alice and to Bob: stored Alice-Carol and Bob-Carol, so Carol is the object of both."""
ALLIANCE = pairs(
    married("ally", "alice", "bob", "allied-with"),
    married("war", "bob", "alice", "at-war-with", holder="wire", source="s2"),
)
"""Alice allied with Bob (stored Alice-Bob), Bob at war with Alice: the two stored from different subjects."""
EMPLOYED = vocabulary(
    EMPLOYS,
    WORKS_FOR,
    SUES,
    claims=(
        claim("employed", "russia", "employs", "alice"),
        claim("sues-russia", "alice", "sues", "russia", holder="wire", source="s2"),
    ),
)
"""'works-for' (read as 'employs' turned round) exclusive with 'sues': Russia employs Alice, Alice sues Russia."""
PARENTS = vocabulary(
    PARENT,
    claims=(
        claim("alice-parent", "alice", "parent-of", "bob"),
        claim("bob-parent", "bob", "parent-of", "alice", holder="wire", source="s2"),
    ),
)
"""'parent-of' exclusive with its own inverse: Alice parent of Bob, Bob parent of Alice."""


@pytest.mark.parametrize("partitions", [1, 2, 3, 5, 8])
@pytest.mark.parametrize(
    ("claims", "rule", "ids"),
    [
        (SPOUSES, "conflicting_values", ("to-alice", "to-bob")),
        (ALLIANCE, "exclusive_predicates", ("ally", "war")),
        (EMPLOYED, "exclusive_predicates", ("employed", "sues-russia")),
        (PARENTS, "exclusive_predicates", ("alice-parent", "bob-parent")),
    ],
)
def test_every_partitioning_finds_the_conflict_once(
    claims: factlog.ClaimSet, rule: str, ids: tuple[str, ...], partitions: int
) -> None:
    """Whatever the partitions, the one finding the single process gives, once, and the same report."""
    report = factlog.dask.check(claims, partitions=partitions)
    assert [finding.claim_ids for finding in report.findings if finding.rule == rule] == [ids]
    assert report.findings == factlog.check(claims).findings
