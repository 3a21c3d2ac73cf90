"""Rules declare the grouping they read: what a distributed check shuffles by."""

from __future__ import annotations

import pytest

import factlog
from factlog.checks._copying import copied_values, copy_votes, undeclared_copying
from factlog.checks._groupings import GROUPINGS, Reads, reads, reads_of
from tests.helpers import echo_cluster


@pytest.mark.parametrize("rule", factlog.DEFAULT_RULES, ids=lambda rule: rule.__name__)
def test_every_default_rule_declares_its_grouping(rule: factlog.Rule) -> None:
    """Each default rule says which groups it reads (none is left to run on every claim at once)."""
    declared = getattr(rule, "__factlog_reads__", None)
    assert isinstance(declared, Reads)
    assert declared.grouping in GROUPINGS
    assert declared.grouping != "whole" or declared.project is not None


def test_a_rule_without_a_declaration_reads_the_whole_set() -> None:
    """An undeclared rule (a user's own) reads every claim at once."""

    def mine(index: factlog.Index) -> list[factlog.Finding]:
        return []

    assert reads_of(mine) == Reads("whole")


def test_an_unknown_grouping_is_refused() -> None:
    """A grouping not in GROUPINGS is a ValueError naming it."""
    with pytest.raises(ValueError, match="'shelf'"):
        reads("shelf")


def test_a_projection_goes_with_the_whole_set_only() -> None:
    """project and conclude come together, and only for a rule reading the whole set."""
    with pytest.raises(ValueError, match="together"):
        reads("slot", project=copy_votes, conclude=copied_values)
    with pytest.raises(ValueError, match="together"):
        reads("whole", project=copy_votes)


def test_copying_concluded_from_its_projection_is_the_rule() -> None:
    """undeclared_copying is copied_values over copy_votes: the findings of the rule itself."""
    claims, _ = echo_cluster(seed=11, questions=40, copiers=2, declared=False)
    index = factlog.Index.of(claims)
    found = list(undeclared_copying(index))
    assert found
    assert list(copied_values(index, copy_votes(index))) == found
