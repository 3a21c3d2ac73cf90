"""The assessment's rounds extrapolated (the default) or plain: one fixed point, fewer rounds, said and refused."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factlog
from benchmarks.generate import generate
from tests.helpers import ROOT, assessment_json, generated_lines, run

SOURCES = ROOT / "sources"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 generated claims as JSON Lines: AccuCopy settles in 11 extrapolated rounds, 17 plain."""
    return generated_lines(tmp_path_factory.mktemp("extrapolated"), 300)


@pytest.fixture(scope="module")
def assessed(generated: Path) -> Callable[[bool], factlog.Assessment]:
    """``assess`` of the generated set, extrapolated or not, each once for the module (the assessment is pure)."""
    claims = factlog.load(generated)
    return functools.cache(lambda extrapolate: factlog.assess(claims, extrapolate=extrapolate))


def _leading(assessment: factlog.Assessment) -> dict[str, tuple[str, ...]]:
    """Each slot's leading propositions, by key."""
    return {slot: tuple(item.key for item in items) for slot, items in assessment.leading().items()}


def _beliefs(assessment: factlog.Assessment) -> dict[tuple[str, str], float]:
    return {(item.key, item.statement): item.belief for item in assessment.propositions}


@settings(max_examples=8, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(100, 800),
    st.integers(1, 10_000),
    st.sampled_from(["accucopy", "accuvote"]),
)
def test_extrapolated_rounds_reach_the_plain_rounds_fixed_point(claims: int, seed: int, method: str) -> None:
    """On generated sets: the same leading answer for every slot and every belief within 10⁻⁴, both settled."""
    found = factlog.loads(json.dumps(generate(claims, seed)))
    jumped = factlog.assess(found, method=method, max_rounds=1000)
    plain = factlog.assess(found, method=method, max_rounds=1000, extrapolate=False)
    assert jumped.converged
    assert plain.converged
    assert _leading(jumped) == _leading(plain)
    ours, theirs = _beliefs(jumped), _beliefs(plain)
    assert ours.keys() == theirs.keys()
    assert max((abs(ours[key] - theirs[key]) for key in ours), default=0.0) < 1e-4


@pytest.mark.parametrize(("method", "jumped", "plain"), [("accucopy", 19, 38), ("accuvote", 20, 42)])
def test_the_bundled_set_settles_in_fewer_rounds_by_default(method: str, jumped: int, plain: int) -> None:
    """``sources/``: the default's rounds are extrapolated, ``extrapolate=False`` runs them all; the same fixed point.

    Statuses and credibilities alike, beliefs within a rounding (0.0001): each run stops within 10⁻⁶ of it.
    """
    claims = factlog.load(SOURCES)
    default = factlog.assess(claims, method=method)
    assert (default.rounds, default.converged, default.extrapolated) == (jumped, True, True)
    assert default == factlog.assess(claims, method=method, extrapolate=True)
    everyone = factlog.assess(claims, method=method, extrapolate=False)
    assert (everyone.rounds, everyone.converged, everyone.extrapolated) == (plain, True, False)
    for mine, theirs in zip(everyone.propositions, default.propositions, strict=True):
        assert (mine.key, mine.status, mine.credibility) == (theirs.key, theirs.status, theirs.credibility)
        assert abs(mine.belief - theirs.belief) <= 1e-4


def test_the_json_records_plain_rounds_only(generated: Path, assessed: Callable[[bool], factlog.Assessment]) -> None:
    """``"extrapolated": false`` beside ``rounds`` when the caller turned extrapolation off; the default has no key."""
    default = json.loads(factlog.render_assessment_json(factlog.assess(factlog.load(generated))))
    assert default == json.loads(factlog.render_assessment_json(assessed(True)))
    plain = json.loads(factlog.render_assessment_json(assessed(False)))
    assert "extrapolated" not in default
    assert list(plain)[:5] == ["method", "as_of", "rounds", "extrapolated", "converged"]
    assert plain["extrapolated"] is False
    assert plain["rounds"] > default["rounds"]


@pytest.mark.parametrize("extrapolate", [True, False])
def test_every_path_gives_the_same_bytes(
    generated: Path, assessed: Callable[[bool], factlog.Assessment], extrapolate: bool
) -> None:
    """assess, assess_lines and ``factlog assess`` (whole and ``--stream``) agree to the byte, either way."""
    expected = assessment_json(assessed(extrapolate))
    assert assessment_json(factlog.assess_lines(generated, extrapolate=extrapolate)) == expected
    flag = () if extrapolate else ("--plain-rounds",)
    whole = run("assess", str(generated), "--format", "json", *flag)
    streamed = run("assess", "--stream", str(generated), "--format", "json", *flag)
    assert (whole.returncode, streamed.returncode) == (0, 0)
    assert whole.stdout == expected
    assert streamed.stdout == expected


def test_the_report_and_export_take_plain_rounds(generated: Path, tmp_path: Path) -> None:
    """``factlog report`` and ``factlog export`` take ``--plain-rounds`` as ``html_report`` takes ``extrapolate``.

    Limited to the rounds the extrapolated run settles in, the plain rounds stop unsettled:
    the two pages differ, and so does what ``export`` says of its rounds.
    """
    from factlog.report import html_report  # noqa: PLC0415 - the report extra

    claims = factlog.load(generated)
    limit = factlog.assess(claims).rounds
    assert not factlog.assess(claims, max_rounds=limit, extrapolate=False).converged
    plain = html_report(claims, paths=[str(generated)], max_rounds=limit, extrapolate=False)
    assert plain != html_report(claims, paths=[str(generated)], max_rounds=limit)
    page = tmp_path / "page.html"
    done = run("report", str(generated), "--plain-rounds", "--max-rounds", str(limit), "--output", str(page))
    assert done.returncode == 0
    assert page.read_text(encoding="utf-8") == plain
    options = ("export", str(generated), "--to", "claimreview", "--max-rounds", str(limit))
    exported, jumped = run(*options, "--plain-rounds"), run(*options)
    assert (exported.returncode, jumped.returncode) == (0, 0)
    assert "factlog export: warning: learning:" in exported.stderr
    assert "factlog export: warning: learning:" not in jumped.stderr


ENTRY_POINTS: dict[str, Callable[..., Any]] = {
    "assess": lambda path, **options: factlog.assess(factlog.load(path), **options),
    "assess_lines": factlog.assess_lines,
}


@pytest.mark.parametrize("entry", ENTRY_POINTS)
@pytest.mark.parametrize("wrong", [1, 0, "no", None])
def test_extrapolate_that_is_no_bool_is_refused(generated: Path, entry: str, wrong: object) -> None:
    """An int, a str or None: an ArgumentError naming the function and the value."""
    message = rf"^factlog\.{entry}: extrapolate must be True or False, got {re.escape(repr(wrong))}$"
    with pytest.raises(factlog.ArgumentError, match=message):
        ENTRY_POINTS[entry](generated, extrapolate=wrong)
