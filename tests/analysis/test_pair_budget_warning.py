"""What :class:`factlog.PairBudgetWarning` says, and where it points: the caller's line, in plain words."""

from __future__ import annotations

import json
import pickle
import warnings

from hypothesis import given
from hypothesis import strategies as st

import factlog
import factlog.dask
from benchmarks.truth import echo_cluster
from factlog.analysis._discovery import AccuCopyParams, Vote, accu_copy
from factlog.analysis._discovery._pairs import provider_limit, warn_left_out
from tests.helpers import run


def _message(limit: int | None, max_pairs: int | None) -> str:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warn_left_out(limit, max_pairs)
    [warning] = caught
    assert warning.category is factlog.PairBudgetWarning
    return str(warning.message)


def test_a_budget_of_one_pair_is_one_pair() -> None:
    """A budget of 1 is "1 pair of sources", not "1 pairs"."""
    assert "a budget of 1 pair of sources" in _message(1, 1)
    assert "a budget of 2 pairs of sources" in _message(1, 2)
    assert "a budget of 1,000 pairs of sources" in _message(5, 1000)


def test_a_budget_of_no_pair_says_every_vote_counts_undiscounted() -> None:
    """When no value is weighed, every vote counts undiscounted: not only those of "more sources"."""
    message = _message(1, 0)
    assert message.startswith("copy detection weighed no value: a budget of 0 pairs of sources")
    assert "every vote counts undiscounted, as in accuvote" in message
    assert "more sources" not in message


def test_a_budget_of_no_pair_does_not_speak_of_values_two_sources_give() -> None:
    """Five sources giving one value, a budget of 3: no value is weighed, and no value two sources give exists."""
    votes = [Vote("q", "a", f"s{i}") for i in range(5)] + [Vote("q", "b", "t")]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        accu_copy(votes, copy=AccuCopyParams(max_pairs=3))
    [warning] = caught
    assert "two sources" not in str(warning.message)
    assert "holds not even the pairs of the values the fewest sources give" in str(warning.message)


def test_a_budget_that_keeps_some_values_names_the_limit() -> None:
    """A limit of m: the values at most m sources give are weighed, those more sources give count undiscounted."""
    message = _message(7, 50)
    assert message.startswith("copy detection weighed only the values at most 7 sources give: a budget of 50 pairs")
    assert "values more sources give count undiscounted, as in accuvote" in message


def test_the_warning_keeps_its_figures_and_words_them_for_a_command_line() -> None:
    """The limit, budget and pairs needed are attributes; worded for a command, the option's names replace Python's."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warn_left_out(7, 50, 1234)
    [warning] = caught
    found = warning.message
    assert isinstance(found, factlog.PairBudgetWarning)
    assert (found.limit, found.max_pairs, found.needed) == (7, 50, 1234)
    worded = found.worded("--max-pairs", "--max-pairs none")
    assert worded == str(found).replace("(max_pairs)", "(--max-pairs)").replace("max_pairs=None", "--max-pairs none")
    assert "max_pairs" not in worded


def test_the_warning_survives_pickling_with_its_figures() -> None:
    """A warning sent between processes (a Dask worker) keeps its figures and its message."""
    found = pickle.loads(pickle.dumps(factlog.PairBudgetWarning(1, 0, 10)))
    assert (found.limit, found.max_pairs, found.needed, str(found)) == (
        1,
        0,
        10,
        str(factlog.PairBudgetWarning(1, 0, 10)),
    )


def test_no_limit_is_no_warning() -> None:
    """A limit of None (every value fits) warns nothing."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warn_left_out(None, 10)


def test_the_warning_points_at_the_line_that_called_factlog() -> None:
    """The warning's file and line are the caller's (so filters by module and the default once-per-line work)."""
    votes = echo_cluster(seed=3, objects=12)[0]
    claims = factlog.load("sources/")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        accu_copy(votes, copy=AccuCopyParams(max_pairs=0))
        factlog.assess(claims, max_pairs=0)
        factlog.assess_lines("sources/", max_pairs=0)
    assert [(w.category, w.filename) for w in caught] == [(factlog.PairBudgetWarning, __file__)] * 3


def test_the_distributed_assessment_warns_at_its_caller_too() -> None:
    """factlog.dask.assess warns in the driver, at the caller's line."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        factlog.dask.assess("sources/", partitions=2, max_pairs=0)
    assert [(w.category, w.filename) for w in caught] == [(factlog.PairBudgetWarning, __file__)]


def test_the_pairs_the_values_make_are_counted_as_pairs() -> None:
    """The figure the set's values make carries its unit: "make 13,517 pairs", not a bare "make 13,517"."""
    assert "where the set's values make 13,517 pairs, holds no more" in str(factlog.PairBudgetWarning(2, 1000, 13_517))
    assert "where the set's values make 1 pair, holds not even" in str(factlog.PairBudgetWarning(1, 0, 1))


@given(
    sizes=st.dictionaries(st.integers(2, 40), st.integers(1, 50), min_size=1, max_size=6),
    max_pairs=st.integers(0, 3_000),
)
def test_the_limit_is_a_number_of_sources_a_weighed_value_has_or_0(sizes: dict[int, int], max_pairs: int) -> None:
    """The limit is None (every value fits), 0 (no value is weighed) or a number of sources some weighed value has."""
    limit = provider_limit(sizes, max_pairs)
    assert limit is None or limit == 0 or limit in sizes
    weighed = sum(count * m * (m - 1) // 2 for m, count in sizes.items() if limit is None or m <= limit)
    assert weighed <= max_pairs
    assert (limit == 0) == (min(sizes) * (min(sizes) - 1) // 2 * sizes[min(sizes)] > max_pairs)


def test_the_command_records_no_value_weighed_as_0_beside_its_warning() -> None:
    """``--max-pairs 1`` on the bundled sources: the JSON's ``provider_limit`` is 0, the warning "weighed no value"."""
    ran = run("assess", "--format", "json", "--max-pairs", "1", "sources")
    assert json.loads(ran.stdout)["provider_limit"] == 0
    assert "warning: copy detection weighed no value" in ran.stderr
