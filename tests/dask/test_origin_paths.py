"""Origins of copies and of credited words: the same findings and assessment on every path.

A copy of a release beside a news agency of the release's country, and a paper printing
as its own the words another credits to the agency: one process, JSON Lines, increments
and Dask partitions agree to the byte (the copied story's claims may fall in another
file, increment or partition than the copy).
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import factlog
import factlog.dask
from factlog.render import render_json
from tests.assessment.test_release_copies import _dates, _images

CASES = {
    "release-dates": lambda: _dates("release"),
    "credited-words": lambda: _images(None),
    "copied-credited-words": lambda: _images("hp-story"),
}
"""Each case, by name: a claim set the origins of copies or credited words decide."""

ORIGINS = {
    "release-dates": [[("dc-date", "hp-date")], [("ksa-date",)]],
    "credited-words": [[("dc-images", "hp-images")]],
    "copied-credited-words": [[("dc-images", "hp-images")]],
}
"""Each case's origins, as the assessment counts them: the claims of each origin, per proposition."""


def _incremental(claims: factlog.ClaimSet, step: int) -> factlog.Report:
    checker = factlog.Checker(attrs.evolve(claims, claims=claims.claims[:step]))
    for start in range(step, len(claims.claims), step):
        checker.add(claims.claims[start : start + step])
    return checker.report()


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_path_gives_one_process_bytes(case: str, tmp_path: Path) -> None:
    """The origins the assessment counts; check_lines, Checker steps and Dask partitions give the same bytes."""
    claims = CASES[case]()
    expected = render_json(factlog.check(claims))
    assessed = factlog.assess(claims)
    assert sorted([o.claims for o in item.supporting] for item in assessed.propositions) == ORIGINS[case]
    factlog.dump(claims, tmp_path / "all.jsonl")
    assert render_json(factlog.check_lines(tmp_path / "all.jsonl")) == expected
    for step in (1, 2):
        assert render_json(_incremental(claims, step)) == expected
    for partitions in (2, 3):
        assert render_json(factlog.dask.check(claims, partitions=partitions)) == expected
        assert factlog.dask.assess(claims, partitions=partitions) == assessed
