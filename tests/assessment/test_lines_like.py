"""The compact assessment is used as the plain one: every public name of Assessment, equality, pickling."""

from __future__ import annotations

import copy
import pickle
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import numpy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
from factlog.assessment._methods import METHODS
from tests.helpers import ROOT
from tests.strategies import claim_sets, crowded_claim_sets, linked_claim_sets

Either = factlog.Assessment | factlog.LinesAssessment
NAMES = sorted(name for name in dir(factlog.Assessment) if not name.startswith("_"))
"""Every public name of Assessment, today's and any added later."""
UNKNOWN = "no-such-claim"


def _each_claim(use: Callable[[Either, str], object]) -> Callable[[Either, list[str]], object]:
    return lambda assessment, ids: [use(assessment, claim) for claim in (*ids, UNKNOWN)]


def _field(name: str) -> Callable[[Either, list[str]], object]:
    return lambda assessment, _: getattr(assessment, name)


def _about(assessment: Either, claim: str) -> object:
    """``about(claim)``; of an id the set lacks, [] from a LinesAssessment and an UnknownIdError from the plain."""
    if claim != UNKNOWN or isinstance(assessment, factlog.LinesAssessment):
        return assessment.about(claim)
    with pytest.raises(factlog.UnknownIdError):
        assessment.about(claim)
    return []


USES: dict[str, Callable[[Either, list[str]], object]] = {
    **{field.name: _field(field.name) for field in attrs.fields(factlog.Assessment)},
    "about": _each_claim(_about),
    "label": _each_claim(lambda assessment, claim: assessment.label(claim)),
    "leading": lambda assessment, _: list(assessment.leading().items()),
}
"""How a user reads each public name of an assessment: a field is read, a method is called on every claim id."""


def _used(assessment: Either, name: str, ids: list[str]) -> object:
    assert name in USES, f"Assessment.{name} is new: say in USES how to use it, and give it to LinesAssessment"
    return USES[name](assessment, ids)


@attrs.frozen
class _Pair:
    plain: factlog.Assessment
    compact: factlog.LinesAssessment
    ids: list[str]


def _pair(folder: str, claims: factlog.ClaimSet, **options: Any) -> _Pair:
    path = Path(folder) / "claims.jsonl"
    path.write_text(factlog.dumps_lines(claims), encoding="utf-8")
    compact = factlog.assess_lines(path, **options)
    assert isinstance(compact, factlog.LinesAssessment)
    return _Pair(factlog.assess(factlog.load(path), **options), compact, sorted(c.id for c in claims.claims))


@pytest.fixture(scope="module")
def corpus() -> Iterator[_Pair]:
    with tempfile.TemporaryDirectory() as folder:
        yield _pair(folder, factlog.load(ROOT / "sources"))


@pytest.mark.parametrize("name", NAMES)
def test_every_public_name_of_assessment_gives_the_same_result(corpus: _Pair, name: str) -> None:
    """On the bundled corpus, each public name of Assessment (fields and methods) gives equal results on both."""
    assert hasattr(factlog.LinesAssessment, name)
    assert _used(corpus.compact, name, corpus.ids) == _used(corpus.plain, name, corpus.ids)


def test_the_names_are_used_on_something(corpus: _Pair) -> None:
    """The corpus gives the methods something to find: assessed claims, labels, leading values."""
    assert any(corpus.plain.about(claim) for claim in corpus.ids)
    assert any(corpus.plain.label(claim) is not None for claim in corpus.ids)
    assert len(corpus.plain.leading()) > 1


@settings(max_examples=20)
@given(
    st.one_of(claim_sets(max_claims=10), linked_claim_sets(max_claims=10), crowded_claim_sets()),
    st.sampled_from(METHODS),
    st.booleans(),
    st.sampled_from([None, "2025-06"]),
)
def test_every_public_name_on_generated_sets(
    claims: factlog.ClaimSet, method: str, explain: bool, as_of: str | None
) -> None:
    """Any generated set, method, explain and as_of: each public name of Assessment, equality and hash agree."""
    with tempfile.TemporaryDirectory() as folder:
        pair = _pair(folder, claims, method=method, explain=explain, as_of=as_of)
        for name in NAMES:
            assert _used(pair.compact, name, pair.ids) == _used(pair.plain, name, pair.ids), name
        assert pair.compact == pair.plain
        assert pair.plain == pair.compact
        assert hash(pair.compact) == hash(pair.plain)


def test_equality_sees_every_field(corpus: _Pair) -> None:
    """A compact assessment differs from a plain one differing in one field, and from what is no assessment."""
    assert corpus.compact != attrs.evolve(corpus.plain, rounds=corpus.plain.rounds + 1)
    assert corpus.compact != attrs.evolve(corpus.plain, propositions=corpus.plain.propositions[1:])
    assert corpus.compact != corpus.plain.propositions
    assert corpus.compact == corpus.compact


def test_pickling_gives_the_assessment_in_memory(corpus: _Pair) -> None:
    """pickle and deepcopy give a plain Assessment equal to both; copy.copy gives the object itself."""
    for made in (pickle.loads(pickle.dumps(corpus.compact)), copy.deepcopy(corpus.compact)):
        assert type(made) is factlog.Assessment
        assert made == corpus.plain
        assert made == corpus.compact
        assert made.about(corpus.ids[0]) == corpus.plain.about(corpus.ids[0])
    assert copy.copy(corpus.compact) is corpus.compact
    assert pickle.loads(pickle.dumps(corpus.compact.propositions)) == corpus.plain.propositions


def test_the_renderers_give_the_same_text(corpus: _Pair) -> None:
    """Text, Markdown and ClaimReview of the compact assessment are those of the plain one."""
    for render in (factlog.render_assessment_text, factlog.render_assessment_markdown):
        assert render(corpus.compact) == render(corpus.plain)
    claims = factlog.load(ROOT / "sources")
    review = factlog.to_claimreview(corpus.compact, claims, author="Desk")
    assert review == factlog.to_claimreview(corpus.plain, claims, author="Desk")


def test_a_claim_of_the_same_hash_is_not_found(tmp_path: Path) -> None:
    """A lookup checks the id, not only its hash: another id filed under the same hash finds nothing."""
    pair = _pair(str(tmp_path), factlog.load(ROOT / "sources"))
    keys, positions = pair.compact._claim_columns
    keys = numpy.append(keys, numpy.int64(hash(UNKNOWN)))
    order = numpy.argsort(keys, kind="stable")
    object.__setattr__(pair.compact, "_claim_columns", (keys[order], numpy.append(positions, 0)[order]))
    assert pair.compact.about(UNKNOWN) == []
    assert pair.compact.label(UNKNOWN) is None
    assert pair.compact.about(pair.ids[0]) == pair.plain.about(pair.ids[0])


READS: dict[str, Callable[[factlog.LinesAssessment, str], object]] = {
    "index": lambda assessment, _: assessment.propositions[0],
    "iterate": lambda assessment, _: list(assessment.propositions),
    "about": lambda assessment, claim: assessment.about(claim),
    "label": lambda assessment, claim: assessment.label(claim),
    "leading": lambda assessment, _: assessment.leading(),
    "pickle": lambda assessment, _: pickle.dumps(assessment),
    "render": lambda assessment, _: factlog.render_assessment_json(assessment),
}
"""What reads the propositions of a compact assessment, given one claim id of it."""


@pytest.mark.parametrize("read", sorted(READS))
def test_reading_after_close_is_a_closed_error(tmp_path: Path, read: str) -> None:
    """After propositions.close(), what reads a proposition raises ClosedError (a ValueError) saying so."""
    pair = _pair(str(tmp_path), factlog.load(ROOT / "sources"))
    pair.compact.propositions.close()
    with pytest.raises(factlog.ClosedError, match=r"read after propositions\.close\(\)") as raised:
        READS[read](pair.compact, pair.ids[0])
    assert isinstance(raised.value, ValueError)
    assert len(pair.compact.propositions) == len(pair.plain.propositions)
