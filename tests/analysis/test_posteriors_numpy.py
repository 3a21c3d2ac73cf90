"""AccuCopy's per-pair round in numpy columns gives the pure loop's floats, bit for bit."""

from __future__ import annotations

import json
import math
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from benchmarks.generate import generate
from factlog.analysis._discovery import AccuCopyParams, Vote, _copying, accu_copy
from factlog.analysis._discovery._copying import Dependences
from factlog.analysis._discovery._index import ValueIndex
from factlog.analysis._discovery._posteriors import Layout
from factlog.analysis._discovery._shardpairs import Posterior
from factlog.render import render_assessment_json, render_json
from tests.analysis.accu_reference import reference
from tests.analysis.test_discovery import _copy_web
from tests.strategies import discovery_votes, many_question_votes

Row = tuple[int, int, int, float, float, float]

# Accuracies and P(v) with the ends of the unit interval (a logarithm of 0 raises on both paths) and many ties.
units = st.sampled_from([0.0, 1.0, 0.5, 0.8, 0.2]) | st.floats(min_value=0.0, max_value=1.0)


@contextmanager
def numpy_from(pairs: int | None) -> Iterator[None]:
    """Weigh pairs in numpy from ``pairs`` pairs on (0: always), or never (None), within the block."""
    kept = _copying.numpy_pairs
    _copying.numpy_pairs = pairs
    try:
        yield
    finally:
        _copying.numpy_pairs = kept


def _bits(rows: list[Row]) -> list[tuple[object, ...]]:
    """Each tuple with its floats as ``float.hex`` (so 0.0 and −0.0 differ) and its types kept."""
    return [tuple(x.hex() if isinstance(x, float) else (type(x), x) for x in row) for row in rows]


def _round(
    dependences: Dependences, accuracy: list[float], probabilities: list[float], threshold: float, layout: Layout | None
) -> tuple[list[Row], bytes] | type[Exception]:
    """One round's tuples from ``threshold`` on and the factors it writes (the pure loop if ``layout`` is None)."""
    dependences.factor = array("d", [1.0]) * len(dependences.pairs)
    try:
        if layout is None:
            with numpy_from(None):
                rows = list(dependences._posteriors(accuracy, probabilities, threshold, write=True))
        else:
            c, alpha = dependences.copy.copy_rate, dependences.copy.alpha
            model = (c, dependences.n_false, math.log(1.0 - alpha), math.log(alpha / 2.0), math.log(1.0 - c))
            rows = list(layout.posteriors(accuracy, probabilities, threshold, model=model, factor=dependences.factor))
    except ValueError as error:
        return type(error)
    return rows, bytes(dependences.factor)


def _declared(data: st.DataObject, count: int) -> dict[int, frozenset[int]]:
    candidates = [(a, b) for a in range(count) for b in range(count) if a != b]
    copies = data.draw(st.lists(st.sampled_from(candidates), max_size=3)) if candidates else []
    declared: dict[int, frozenset[int]] = {}
    for copier, original in copies:
        declared[copier] = declared.get(copier, frozenset()) | {original}
    return declared


@given(
    votes=discovery_votes(max_votes=40) | many_question_votes(),
    data=st.data(),
    tail=st.integers(1, 6),
    group=st.integers(1, 9),
    threshold=st.sampled_from([-math.inf, 0.0, 0.3, 0.5, 0.9, math.inf]),
)
def test_columns_give_the_loops_floats(
    votes: list[Vote], data: st.DataObject, tail: int, group: int, threshold: float
) -> None:
    """Tuples (floats by ``float.hex``), factors (bytes) and raised errors are the loop's, for any tail and group."""
    index = ValueIndex.of(votes)
    declared = _declared(data, len(index.sources))
    copy = AccuCopyParams(
        alpha=data.draw(st.sampled_from([0.2, 0.5, 1e-9])), copy_rate=data.draw(st.sampled_from([0.8, 0.5, 1e-17]))
    )
    dependences = Dependences(index, data.draw(st.sampled_from([10.0, 1.0, 3.0])), copy, declared)
    accuracy = data.draw(st.lists(units, min_size=len(index.sources), max_size=len(index.sources)))
    size = len(index.value_answer)
    probabilities = data.draw(st.lists(units, min_size=size, max_size=size))
    layout = Layout(dependences.pairs, dependences._skipped, tail=tail, group=group)
    pure = _round(dependences, accuracy, probabilities, threshold, None)
    columns = _round(dependences, accuracy, probabilities, threshold, layout)
    if isinstance(pure, type):
        assert columns is pure
        return
    assert not isinstance(columns, type)
    assert _bits(columns[0]) == _bits(pure[0])
    assert columns[1] == pure[1]
    assert not any(row[0] in dependences._skipped for row in pure[0])


@given(votes=many_question_votes(), data=st.data())
def test_the_report_is_the_loops(votes: list[Vote], data: st.DataObject) -> None:
    """:meth:`Dependences.report`, ``total`` and ``direction`` after a round are the same on both paths."""
    index = ValueIndex.of(votes)
    declared = _declared(data, len(index.sources))
    accuracy = data.draw(st.lists(st.floats(0.01, 0.99), min_size=len(index.sources), max_size=len(index.sources)))
    size = len(index.value_answer)
    probabilities = data.draw(st.lists(st.floats(0.0, 1.0), min_size=size, max_size=size))
    threshold = data.draw(st.sampled_from([0.0, 0.3, 0.5, 0.9, 2.0]))
    found = []
    for pairs in (None, 0):
        with numpy_from(pairs):
            dependences = Dependences(index, 10.0, AccuCopyParams(), declared)
            dependences.update(accuracy, probabilities)
            found.append(
                (
                    bytes(dependences.factor),
                    dependences.report(probabilities, threshold),
                    repr(dependences.total),
                    repr(dependences.direction),
                )
            )
    assert found[0] == found[1]


def test_ties_among_the_three_hypotheses_are_the_loops() -> None:
    """Log-likelihoods tied between independence and either direction give :class:`Posterior`'s floats."""
    index = ValueIndex.of([Vote("q", "a", f"s{s}", 1.0) for s in range(4)])
    copy = AccuCopyParams(alpha=0.5)
    dependences = Dependences(index, 10.0, copy, {})
    layout = Layout(dependences.pairs, frozenset(), tail=1, group=2)
    pairs = len(dependences.pairs)
    posterior = Posterior(copy)
    prior_independent, prior_direction = math.log(0.5), math.log(0.25)
    tied = 0
    for step in range(200):
        independent = -0.37 * step - 1e-3
        same = (prior_independent + independent) - prior_direction  # x_ab = x when this rounds back exactly
        tied += prior_direction + same == prior_independent + independent
        for a_copies, b_copies in ((same, same), (same, independent), (independent, same), (same - 1.0, same)):
            independents, ab, ba = (np.full(pairs, value) for value in (independent, a_copies, b_copies))
            got = layout._posterior(np.arange(pairs), (independents, ab, ba), _model(copy))
            want = posterior(0, independent, a_copies, b_copies)
            for column, value in zip(got, want, strict=True):
                assert [x.hex() for x in column.tolist()] == [value.hex()] * pairs
    assert tied > 50


def _model(copy: AccuCopyParams) -> tuple[float, float, float, float, float]:
    c, alpha = copy.copy_rate, copy.alpha
    return (c, 10.0, math.log(1.0 - alpha), math.log(alpha / 2.0), math.log(1.0 - c))


@pytest.mark.parametrize("seed", [1010, 7, 23])
def test_accucopy_in_columns_gives_the_reference_floats(seed: int) -> None:
    """With numpy weighing every pair, AccuCopy still equals the reference implementation, declared copies too."""
    votes = _copy_web(seed)
    copies = [("s1", "s0")]
    with numpy_from(0):
        found = accu_copy(votes, declared_copies=copies)
    assert found == reference(votes, declared_copies=copies)


def test_check_and_assessment_bytes_are_the_same_with_numpy_and_without(monkeypatch: pytest.MonkeyPatch) -> None:
    """``factlog.check`` and ``factlog.assess`` of generated sets give the same JSON bytes on both paths.

    The check's ``undeclared_copying`` weighs pairs from about 20,000 generated claims on (its screen).
    """
    checked, assessed = json.dumps(generate(25_000)), json.dumps(generate(3000))
    weighed: list[str] = []
    columns = Layout.posteriors

    def counted(layout: Layout, *arguments: Any, **options: Any) -> Iterator[Row]:
        weighed.append(step)
        return columns(layout, *arguments, **options)

    monkeypatch.setattr(Layout, "posteriors", counted)
    found = []
    for pairs in (None, 0):
        with numpy_from(pairs):
            step = f"check {pairs}"
            report = factlog.check(factlog.loads(checked))
            step = f"assess {pairs}"
            assessment = factlog.assess(factlog.loads(assessed))
        found.append((render_json(report), render_assessment_json(assessment)))
    assert found[0] == found[1]
    assert set(weighed) == {"check 0", "assess 0"}  # both ran AccuCopy's rounds in columns, and only when asked


def test_runs_above_the_bound_of_pairs_keep_the_loop() -> None:
    """Columns weigh runs from numpy_pairs to numpy_pairs_most pairs (by default no most); beyond either, the loop."""
    assert _copying.numpy_pairs_most is None
    assert [_copying.in_columns(pairs) for pairs in (1999, 2000, 10**7)] == [False, True, True]
    kept = _copying.numpy_pairs, _copying.numpy_pairs_most
    try:
        _copying.numpy_pairs, _copying.numpy_pairs_most = 10, 100
        assert [_copying.in_columns(pairs) for pairs in (9, 10, 100, 101)] == [False, True, True, False]
        _copying.numpy_pairs_most = None
        assert _copying.in_columns(10**9)
        _copying.numpy_pairs = None
        assert not _copying.in_columns(50)
    finally:
        _copying.numpy_pairs, _copying.numpy_pairs_most = kept
