"""The compact paths say how far they are: each stage in words, to a ``progress`` callable, in the order run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import factlog
from tests.helpers import generated_lines


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """400 generated claims as JSON Lines."""
    return generated_lines(tmp_path_factory.mktemp("progress"), 400)


def test_check_lines_reports_each_bin_counting_the_claims(generated: Path) -> None:
    """Reading, grouping, every bin (numbered, claims so far), the held claims, copy detection, the order: in turn."""
    stages: list[str] = []
    report = factlog.check_lines(generated, bin_size=50, progress=stages.append)
    bins = [stage for stage in stages if stage.startswith("bin ")]
    total = len(bins)
    assert total > 1
    assert bins == [
        stage
        for number, stage in enumerate(bins, 1)
        if re.fullmatch(rf"bin {number} of {total} \(\d+ of 400 claims\)", stage)
    ]
    assert bins[0] == f"bin 1 of {total} (0 of 400 claims)"
    done = [int(re.search(r"\((\d+) of", stage)[1]) for stage in bins]  # type: ignore[index]
    assert done == sorted(done)
    assert stages[:2] == ["reading each claim's columns", "grouping 400 claims"]
    assert stages[-1] == "putting the findings in order"
    assert any(stage.startswith("undeclared_copying: learning from ") for stage in stages)
    assert [f.id for f in report.findings] == [f.id for f in factlog.check_lines(generated, bin_size=50).findings]


def test_assess_lines_reports_votes_learning_and_assessing_bins(generated: Path) -> None:
    """The votes' bins, then learning with the method named, then the assessing bins, then the order."""
    stages: list[str] = []
    factlog.assess_lines(generated, bin_size=50, max_rounds=3, progress=stages.append)
    learning = stages.index("learning (accucopy)")
    votes = [stage for stage in stages[:learning] if stage.startswith("votes: bin ")]
    assessing = [stage for stage in stages[learning:] if stage.startswith("assessing: bin ")]
    assert len(votes) == len(assessing) > 1
    assert votes[-1] == f"votes: bin {len(votes)} of {len(votes)}"
    assert stages[0] == "reading each claim's columns"
    assert stages[-1] == "putting the propositions in order"


@pytest.mark.parametrize("call", [factlog.check_lines, factlog.assess_lines])
def test_a_progress_that_is_not_callable_is_refused(generated: Path, call: object) -> None:
    """``progress="yes"`` is an ArgumentError naming the argument, before the file is read."""
    with pytest.raises(factlog.ArgumentError, match=r"progress: expected a callable taking a str, or None, got"):
        call(generated, progress="yes")  # type: ignore[operator]
