"""Truth discovery's columns (reported dependences, votes, question ranges) against the objects they replace."""

from __future__ import annotations

import itertools
import math
import pickle
from array import array

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.truth import echo_cluster
from factlog.analysis._discovery import AccuCopyParams, Dependence, DependenceTable, Vote, accu_copy
from factlog.analysis._discovery import _table as table_module
from factlog.analysis._discovery._copying import Dependences
from factlog.analysis._discovery._index import ValueIndex
from factlog.analysis._discovery._ragged import Ragged, Ranges, transposed
from tests.strategies import discovery_votes

NAMES = ["s0", "s1", "s2", "s3", "s4", "s5"]
unit = st.floats(min_value=0.01, max_value=0.99)


def _report_directly(dependences: Dependences, probabilities: list[float], threshold: float) -> tuple[Dependence, ...]:
    """The report written the direct way, one object a pair (the code before the columns)."""
    index = dependences.index
    winners = index.winners(probabilities)
    pairs = {(pair.a, pair.b): pair for pair in index.pairs()}
    chosen = {
        key: (total, *dependences.direction[key]) for key, total in dependences.total.items() if total >= threshold
    }
    for a, b in dependences.declared_pairs:
        chosen[(a, b)] = (
            1.0,
            1.0 if b in dependences.declared.get(a, frozenset()) else 0.0,
            1.0 if a in dependences.declared.get(b, frozenset()) else 0.0,
        )
    found = []
    shared: tuple[int, ...]
    for (a, b), (total, a_copies, b_copies) in chosen.items():
        pair = pairs.get((a, b))
        if pair is None:
            first = {index.value_question[v] for v, _ in index.source_votes[a]}
            second = {index.value_question[v] for v, _ in index.source_votes[b]}
            common, shared, agreeing = len(first & second), (), 0
        else:
            common, shared, agreeing = pair.common_questions, pair.shared, pair.shared_questions
        found.append(
            Dependence(
                index.sources[a],
                index.sources[b],
                total,
                a_copies,
                b_copies,
                (a, b) in dependences.declared_pairs,
                common,
                len(shared),
                sum(1 for v in shared if len(index.value_votes[v]) == 2),
                sum(1 for v in shared if v not in winners),
                agreeing,
            )
        )
    return tuple(sorted(found, key=lambda d: (-d.probability, d.source_a, d.source_b)))


@given(discovery_votes(max_votes=40), st.data())
def test_report_is_the_direct_report(votes: list[Vote], data: st.DataObject) -> None:
    """The columnar report equals the one-object-a-pair report, declared pairs included, at any threshold."""
    index = ValueIndex.of(votes)
    count = len(index.sources)
    candidates = [(a, b) for a in range(count) for b in range(count) if a != b]
    copies = data.draw(st.lists(st.sampled_from(candidates), max_size=3)) if candidates else []
    declared: dict[int, frozenset[int]] = {}
    for copier, original in copies:
        declared[copier] = declared.get(copier, frozenset()) | {original}
    dependences = Dependences(index, 10.0, AccuCopyParams(), declared)
    accuracy = data.draw(st.lists(unit, min_size=count, max_size=count))
    probabilities = data.draw(st.lists(unit, min_size=len(index.value_answer), max_size=len(index.value_answer)))
    dependences.update(accuracy, probabilities)
    threshold = data.draw(st.sampled_from([0.0, 0.3, 0.5, 0.9, 2.0]))
    reported = dependences.report(probabilities, threshold)
    assert reported == _report_directly(dependences, probabilities, threshold)


@st.composite
def dependence_lists(draw: st.DrawFn) -> list[Dependence]:
    """Dependences between distinct pairs of a few sources, probabilities often tied."""
    pairs = draw(st.lists(st.sampled_from(list(itertools.combinations(NAMES, 2))), unique=True, max_size=15))
    counts = st.integers(min_value=0, max_value=9)
    return [
        Dependence(
            a,
            b,
            draw(st.sampled_from([0.5, 0.75, 1.0]) | unit),
            draw(unit),
            draw(unit),
            draw(st.booleans()),
            draw(counts),
            draw(counts),
            draw(counts),
            draw(counts),
            draw(counts),
        )
        for a, b in pairs
    ]


def _sorted(found: list[Dependence]) -> tuple[Dependence, ...]:
    return tuple(sorted(found, key=lambda d: (-d.probability, d.source_a, d.source_b)))


@given(dependence_lists())
def test_table_is_the_sorted_tuple(found: list[Dependence]) -> None:
    """A table gives its dependences most probable first, then by names: equal to that tuple, hashed as it is."""
    table, expected = DependenceTable.of(found), _sorted(found)
    assert table == expected
    assert expected == table
    assert tuple(table) == expected
    assert hash(table) == hash(expected)
    assert len(table) == len(expected)
    assert [table[i] for i in range(-len(table), len(table))] == [*expected, *expected]
    assert table[1:3] == expected[1:3]


@given(dependence_lists(), st.data())
def test_rows_are_found_by_source_numbers(found: list[Dependence], data: st.DataObject) -> None:
    """``row`` finds a reported pair by its sources' numbers, in either order, and nothing else."""
    table = DependenceTable.of(found)
    by_names = {(d.source_a, d.source_b): d for d in found}
    a, b = data.draw(st.sampled_from(NAMES)), data.draw(st.sampled_from(NAMES))
    first, second = table.number(a), table.number(b)
    row = None if first is None or second is None else table.row(first, second)
    expected = by_names.get((a, b)) or by_names.get((b, a))
    assert (row is None) == (expected is None)
    if row is not None:
        assert table.dependence(row) == expected


@given(dependence_lists())
def test_order_by_chunks_is_the_sort(found: list[Dependence]) -> None:
    """Sorted in chunks and merged, the order is the order of one stable sort."""
    saved = table_module.CHUNK
    table_module.CHUNK = 2
    try:
        table = DependenceTable.of(found)
    finally:
        table_module.CHUNK = saved
    assert tuple(table) == _sorted(found)


def test_rows_out_of_order_are_refused() -> None:
    """Rows must come in increasing (a, b) order with a < b: anything else raises ValueError."""
    row = (1, 2, 0.9, 0.5, 0.4, False, 1, 1, 0, 0, 1)
    with pytest.raises(ValueError, match="increasing"):
        DependenceTable.of_rows(["a", "b", "c"], [row, (0, 1, *row[2:])])
    with pytest.raises(ValueError, match="increasing"):
        DependenceTable.of_rows(["a", "b", "c"], [(2, 1, *row[2:])])


@given(dependence_lists())
def test_table_pickles(found: list[Dependence]) -> None:
    """A table read back from a pickle is equal to itself, and its columns too."""
    table = DependenceTable.of(found)
    back = pickle.loads(pickle.dumps(table))
    assert back == table
    assert back.order == table.order


def test_accu_copy_reports_a_table() -> None:
    """AccuCopy's dependences on a seeded echo cluster are a table, equal to the objects read from it."""
    votes, _ = echo_cluster(20240601)
    found = accu_copy(votes).dependences
    assert isinstance(found, DependenceTable)
    assert found == tuple(found)
    echo = {"bad", *(f"copier{i:02d}" for i in range(10))}
    assert {(d.source_a, d.source_b) for d in found} == set(itertools.combinations(sorted(echo), 2))


rows = st.lists(st.lists(st.tuples(st.integers(0, 7), st.sampled_from([0.25, 0.5, 1.0, math.pi])), max_size=5))


@given(rows)
def test_ragged_reads_back_its_rows(given_rows: list[list[tuple[int, float]]]) -> None:
    """A Ragged gives each row as the tuple of its pairs, and every row's length."""
    ragged = Ragged.of(given_rows)
    expected = [tuple(row) for row in given_rows]
    assert list(ragged) == expected
    assert [ragged[i] for i in range(-len(expected), len(expected))] == [*expected, *expected]
    assert ragged[1:] == expected[1:]
    assert [ragged.size(i) for i in range(len(ragged))] == [len(row) for row in given_rows]
    assert [list(ragged.row_ids(i)) for i in range(len(ragged))] == [[j for j, _ in row] for row in given_rows]


@given(rows)
def test_transposed_is_the_brute_force(given_rows: list[list[tuple[int, float]]]) -> None:
    """Row j of the transpose holds (i, weight) for every row i holding j, in row order."""
    expected = [tuple((i, w) for i, row in enumerate(given_rows) for j2, w in row if j2 == j) for j in range(8)]
    assert list(transposed(Ragged.of(given_rows), 8)) == expected


@given(st.lists(st.integers(0, 5), max_size=6))
def test_ranges_are_successive_pairs(sizes: list[int]) -> None:
    """Ranges give (start, end) of each run, as the tuples they replace."""
    starts = list(itertools.accumulate(sizes, initial=0))
    ranges = Ranges(array("q", starts))
    expected = list(itertools.pairwise(starts))
    assert list(ranges) == expected
    assert [ranges[i] for i in range(-len(expected), len(expected))] == [*expected, *expected]
    assert ranges[1:] == expected[1:]


@given(discovery_votes(max_votes=40))
def test_value_index_columns_are_the_grouped_votes(votes: list[Vote]) -> None:
    """The index's votes by value and by source are the votes grouped directly, each at its largest weight."""
    best: dict[tuple[str, str, str], float] = {}
    for vote in votes:
        key = (vote.question, vote.answer, vote.source)
        best[key] = max(best.get(key, 0.0), vote.weight)
    index = ValueIndex.of(votes)
    values = sorted({(q, a) for q, a, _ in best})
    questions = sorted({q for q, _ in values})
    assert list(index.value_question) == [questions.index(q) for q, _ in values]
    starts = [min(i for i, v in enumerate(values) if v[0] == q) for q in questions]
    assert list(index.q_range) == list(itertools.pairwise([*starts, len(values)]))
    number = {source: i for i, source in enumerate(index.sources)}
    assert list(index.value_votes) == [
        tuple((number[s], best[(q, a, s)]) for s in sorted(s for q2, a2, s in best if (q2, a2) == (q, a)))
        for q, a in values
    ]
    assert list(index.source_votes) == [
        tuple((v, best[(*values[v], s)]) for v in range(len(values)) if (*values[v], s) in best) for s in index.sources
    ]


def test_a_table_pickles_as_its_columns() -> None:
    """A table is pickled from its columns (arrays, as bytes), not from a list of rows: no object per pair."""
    rows = [(a, b, 0.5, 0.25, 0.25, False, 3, 2, 1, 0, 2) for a in range(30) for b in range(a + 1, 30)]
    table = DependenceTable.of_rows([f"s{i:02d}" for i in range(30)], rows)
    _, arguments = table.__reduce__()
    assert isinstance(arguments, tuple)
    assert all(isinstance(column, array | bytearray) for column in arguments[1:])
    assert pickle.loads(pickle.dumps(table)) == table
