"""AccuCopy's budget of pairs (``max_pairs``) through every way of assessing: checked, warned, the same everywhere."""

from __future__ import annotations

import argparse
import functools
import json
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy
import pytest

import factlog
import factlog.dask
from factlog.cli._common import _pair_budget, printed_warnings
from tests.helpers import assessment_json, generated_lines, run

BITES = pytest.mark.filterwarnings("ignore::factlog.PairBudgetWarning")
"""For the tests that compare results within a budget that leaves values out (each run warns)."""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1,000 generated claims as JSON Lines: popular values, so a small budget leaves some out."""
    return generated_lines(tmp_path_factory.mktemp("budget"), 1000)


@pytest.fixture(scope="module")
def claims(generated: Path) -> factlog.ClaimSet:
    """The generated set, loaded once."""
    return factlog.load(generated)


@pytest.fixture(scope="module")
def assessed(claims: factlog.ClaimSet) -> Callable[..., factlog.Assessment]:
    """``assess(claims, **options)``, each set of options assessed once for the module (the assessment is pure).

    A budget that bites warns at the first call only: a test that expects the warning assesses afresh.
    """
    return functools.cache(lambda **options: factlog.assess(claims, **options))


ENTRY_POINTS: dict[str, Callable[..., Any]] = {
    "assess": lambda path, **options: factlog.assess(factlog.load(path), **options),
    "assess_lines": factlog.assess_lines,
    "dask.assess": lambda path, **options: factlog.dask.assess([str(path)], partitions=2, **options),
}


@pytest.mark.parametrize("entry", ENTRY_POINTS)
@pytest.mark.parametrize("wrong", [-1, 2.5, True, "1000"])
def test_a_budget_that_is_no_whole_number_is_refused(generated: Path, entry: str, wrong: object) -> None:
    """A negative, fractional, boolean or text budget is an ArgumentError naming the function and max_pairs."""
    with pytest.raises(factlog.ArgumentError, match=rf"^factlog\.{entry}: max_pairs"):
        ENTRY_POINTS[entry](generated, max_pairs=wrong)


@pytest.mark.parametrize("entry", ENTRY_POINTS)
@BITES
def test_a_budget_given_as_a_numpy_integer_is_that_whole_number(
    generated: Path, assessed: Callable[..., factlog.Assessment], entry: str
) -> None:
    """A budget computed with numpy (``numpy.int64``) is taken as the int it equals: the same assessment.

    The same as ``assess``'s of the int: every way of assessing gives its bytes within a budget.
    """
    given = ENTRY_POINTS[entry](generated, max_pairs=numpy.int64(50))
    assert assessment_json(given) == assessment_json(assessed(max_pairs=50))
    assert given.provider_limit is not None


def test_a_budget_that_leaves_values_out_says_so(generated: Path) -> None:
    """A budget smaller than the pairs warns once, naming the most providers a value may have and the budget."""
    with pytest.warns(factlog.PairBudgetWarning, match=r"only the values at most \d+ sources give: a budget of 50 "):
        factlog.assess_lines(generated, max_pairs=50)


def test_a_budget_that_holds_every_pair_is_silent_and_exact(generated: Path) -> None:
    """The default budget holds the generated set's pairs: no warning, and the assessment of no budget at all."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", factlog.PairBudgetWarning)
        default = assessment_json(factlog.assess_lines(generated))
    assert default == assessment_json(factlog.assess_lines(generated, max_pairs=None))


@BITES
def test_a_budget_of_no_pair_weighs_as_accuvote(claims: factlog.ClaimSet, assessed: Callable[..., Any]) -> None:
    """With no pair to weigh, AccuCopy learns AccuVote's accuracies and beliefs, and reports no dependence."""
    none = assessed(max_pairs=0)
    plain = factlog.assess(claims, method="accuvote")
    assert none.dependences == ()
    assert none.sources == plain.sources
    assert [item.belief for item in none.propositions] == [item.belief for item in plain.propositions]


@BITES
@pytest.mark.parametrize("budget", [0, 60])
def test_every_way_of_assessing_leaves_out_the_same_values(
    generated: Path, assessed: Callable[..., factlog.Assessment], budget: int
) -> None:
    """Within a budget that bites, the compact and the distributed assessment give the plain one's JSON bytes."""
    plain = assessment_json(assessed(max_pairs=budget))
    assert plain != assessment_json(assessed(max_pairs=None))
    for entry in ("assess_lines", "dask.assess"):
        assert assessment_json(ENTRY_POINTS[entry](generated, max_pairs=budget)) == plain, entry


def test_the_command_prints_the_warning_as_one_line(generated: Path, assessed: Callable[..., Any]) -> None:
    """``factlog assess --max-pairs 50``: the JSON on stdout, one ``factlog assess: warning:`` line on stderr."""
    ran = run("assess", str(generated), "--format", "json", "--max-pairs", "50")
    assert ran.returncode == 0
    [line] = ran.stderr.splitlines()
    assert line.startswith("factlog assess: warning: copy detection weighed only the values at most")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", factlog.PairBudgetWarning)
        assert ran.stdout == factlog.render_assessment_json(assessed(max_pairs=50))


@pytest.mark.parametrize("command", ["assess", "export", "report"])
def test_the_commands_that_assess_read_none_and_refuse_the_rest(command: str) -> None:
    """``--max-pairs none`` is no limit, thousands may be written with commas; anything else is a usage error."""
    extra = ["--to", "claimreview"] if command == "export" else ["-o", "-"] if command == "report" else []
    assert run(command, "sources/", *extra, "--max-pairs", "nonsense").returncode == 2
    assert run(command, "sources/", *extra, "--max-pairs", "-1").returncode == 2
    none = run(command, "sources/", *extra, "--max-pairs", "none")
    assert none.returncode == 0
    assert none.stdout == run(command, "sources/", *extra, "--max-pairs", "50,000,000").stdout


def test_the_command_names_its_own_option_in_the_warning(generated: Path) -> None:
    """On the command line the warning names ``--max-pairs`` and ``--max-pairs none``, never the Python argument."""
    ran = run("assess", str(generated), "--max-pairs", "1")
    [line] = ran.stderr.splitlines()
    assert "a budget of 1 pair of sources (--max-pairs)" in line
    assert "(--max-pairs none weighs every value" in line
    assert "max_pairs" not in line


def test_the_command_leaves_other_warnings_as_python_shows_them(capsys: pytest.CaptureFixture[str]) -> None:
    """A warning that is no PairBudgetWarning, raised while a command assesses, goes on to Python as it came."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with printed_warnings("assess"):
            warnings.warn("something else", DeprecationWarning, stacklevel=1)
    assert "something else" not in capsys.readouterr().err
    assert [(w.category, str(w.message), w.filename) for w in caught] == [
        (DeprecationWarning, "something else", __file__)
    ]


@pytest.mark.parametrize(
    ("text", "budget"), [("50,000,000", 50_000_000), ("5_000", 5000), (" 7 ", 7), ("0", 0), ("NONE", None)]
)
def test_the_option_reads_whole_numbers_grouped_by_thousands(text: str, budget: int | None) -> None:
    """``--max-pairs`` reads digits, grouped by thousands with commas or by underscores, or ``none``."""
    assert _pair_budget(text) == budget


@pytest.mark.parametrize("text", ["1,0", "5,0000000", "1,,000", "٥", "1e3", "5.0", "", "_5"])
def test_the_option_refuses_what_is_no_whole_number_of_pairs(text: str) -> None:
    """A misplaced comma (a typo, not a thousands group), a digit of another script or a float is a usage error."""
    with pytest.raises(argparse.ArgumentTypeError, match="whole number"):
        _pair_budget(text)


@BITES
def test_no_copying_is_explained_for_a_value_copy_detection_left_out(
    claims: factlog.ClaimSet, assessed: Callable[..., factlog.Assessment]
) -> None:
    """Within a budget, a value more sources give than the limit gets no "copying:" reason; kept values still may."""
    exact, lean = assessed(max_pairs=None), assessed(max_pairs=60)

    def explained(assessment: factlog.Assessment) -> dict[str, int]:
        """Key → the speakers giving exactly the value (not a compatible one), for each value explained as copied."""
        found = {}
        for item in assessment.propositions:
            if any(reason.startswith("copying:") for reason in item.reasons):
                own = {claim for claim, _ in item.labels}
                found[item.key] = len({o.speaks_for for o in item.supporting if own.intersection(o.claims)})
        return found

    with pytest.warns(factlog.PairBudgetWarning, match=r"at most (\d+) sources") as caught:
        factlog.assess(claims, max_pairs=60)
    limit = int(str(caught[0].message).split("at most ")[1].split(" ")[0])
    assert any(speakers > limit for speakers in explained(exact).values())
    assert explained(lean)
    assert all(speakers <= limit for speakers in explained(lean).values())


@BITES
def test_every_rendering_says_the_budget_left_values_out(
    claims: factlog.ClaimSet, assessed: Callable[..., factlog.Assessment]
) -> None:
    """JSON gains ``provider_limit``, text and Markdown a "copy detection:" line, HTML a clause; exact runs none."""
    from factlog.report import html_report  # noqa: PLC0415 - the report extra

    lean, exact = assessed(max_pairs=60), assessed(max_pairs=None)
    limit = lean.provider_limit
    assert limit is not None
    assert exact.provider_limit is None
    assert json.loads(factlog.render_assessment_json(lean))["provider_limit"] == limit
    assert "provider_limit" not in json.loads(factlog.render_assessment_json(exact))
    line = f"copy detection: only the values at most {limit} sources give weighed"
    assert line in factlog.render_assessment_text(lean)
    assert line in factlog.render_assessment_markdown(lean)
    assert "copy detection" not in factlog.render_assessment_text(exact)
    assert line in html_report(claims, max_pairs=60)
    assert "copy detection" not in html_report(claims, max_pairs=None)
    none = assessed(max_pairs=0)
    assert "copy detection: no value weighed" in factlog.render_assessment_text(none)
    assert "copy detection: no value weighed" in html_report(claims, max_pairs=0)
