"""The learning methods' limit of rounds (``max_rounds``) through every way of assessing: obeyed, checked, said."""

from __future__ import annotations

import functools
import inspect
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import numpy
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import factlog
from benchmarks.generate import generate
from factlog.analysis._discovery import MAX_ROUNDS
from factlog.cli._common import _round_limit
from tests.helpers import Ran, assessment_json, generated_lines, run

NOTE = "raise the limit with --max-rounds (Python: max_rounds=)"
"""The end of the line that says learning stopped unsettled: how to act on it."""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 generated claims (seed 2): AccuCopy, AccuVote settle in 13, 11 rounds, TruthFinder in 1."""
    return generated_lines(tmp_path_factory.mktemp("rounds"), 300, seed=2)


@pytest.fixture(scope="module")
def larger_set(tmp_path_factory: pytest.TempPathFactory) -> Callable[[], Path]:
    """1,000 generated claims (seed 2): AccuCopy settles in 18 rounds, TruthFinder in 2; made at the first call."""
    return functools.cache(lambda: generated_lines(tmp_path_factory.mktemp("larger"), 1000, seed=2))


@pytest.fixture(scope="module")
def generated_for(generated: Path, larger_set: Callable[[], Path]) -> Callable[[str], Path]:
    """The set a method is tried on: the larger set for TruthFinder, which settles in 1 round on the smaller."""
    return lambda method: larger_set() if method == "truthfinder" else generated


@pytest.fixture(scope="module")
def claims(generated: Path) -> factlog.ClaimSet:
    """The generated set, loaded once."""
    return factlog.load(generated)


@pytest.fixture(scope="module")
def assessed(generated_for: Callable[[str], Path]) -> Callable[..., factlog.Assessment]:
    """``assess`` of the method's set with ``options``, each assessed once for the module (the assessment is pure)."""
    loaded = functools.cache(factlog.load)
    return functools.cache(
        lambda **options: factlog.assess(loaded(generated_for(options.get("method", "accucopy"))), **options)
    )


@functools.cache
def ran(*args: str) -> Ran:
    """``run(*args)``, each command run once for the module: the tests compare outputs of different commands."""
    return run(*args)


ENTRY_POINTS: dict[str, Callable[..., Any]] = {
    "assess": lambda path, **options: factlog.assess(factlog.load(path), **options),
    "assess_lines": factlog.assess_lines,
}

SHORT = {"accucopy": 5, "accuvote": 5, "truthfinder": 1}
"""A limit below the rounds each learning method needs on the generated set."""


@pytest.mark.parametrize("method", SHORT)
def test_a_run_stops_at_its_limit_unsettled(assessed: Callable[..., factlog.Assessment], method: str) -> None:
    """A limit below the rounds the set needs: exactly that many rounds, converged False, the limit recorded."""
    settled = assessed(method=method)
    assert settled.converged
    assert settled.rounds > SHORT[method]
    stopped = assessed(method=method, max_rounds=SHORT[method])
    assert (stopped.rounds, stopped.converged, stopped.max_rounds) == (SHORT[method], False, SHORT[method])


@pytest.mark.parametrize("method", SHORT)
def test_a_higher_limit_settles_and_the_note_is_gone(assessed: Callable[..., factlog.Assessment], method: str) -> None:
    """Raised above the rounds the set needs, the run settles where the default's does and no line says otherwise."""
    stopped = assessed(method=method, max_rounds=SHORT[method])
    raised = assessed(method=method, max_rounds=400)
    assert NOTE in factlog.render_assessment_text(stopped)
    assert raised.converged
    assert raised.rounds == assessed(method=method).rounds
    assert "unsettled" not in factlog.render_assessment_text(raised)
    assert "unsettled" not in factlog.render_assessment_markdown(raised)


@pytest.mark.parametrize("method", ["accucopy", "accuvote"])
@pytest.mark.parametrize("extrapolate", [True, False])
@settings(max_examples=6, derandomize=True, deadline=None)
@given(size=st.integers(100, 600), seed=st.integers(1, 10_000))
@example(size=300, seed=1)
@example(size=300, seed=2)
def test_a_limit_of_the_rounds_a_run_settles_in_settles_it(
    size: int, seed: int, method: str, extrapolate: bool
) -> None:
    """Generated sets: limited to the rounds the unlimited run took, the same run, settled, to the JSON's bytes.

    The JSON of the limited run records its limit (``max_rounds``), and nothing else differs.
    """
    claims = factlog.loads(json.dumps(generate(size, seed)))
    settled = factlog.assess(claims, method=method, extrapolate=extrapolate)
    limited = factlog.assess(claims, method=method, extrapolate=extrapolate, max_rounds=settled.rounds)
    assert settled.converged
    assert (limited.rounds, limited.converged) == (settled.rounds, True)
    assert attrs.evolve(limited, max_rounds=MAX_ROUNDS) == settled
    recorded = json.loads(assessment_json(limited))
    assert recorded.pop("max_rounds") == settled.rounds
    assert json.dumps(recorded) == json.dumps(json.loads(assessment_json(settled)))
    assert assessment_json(attrs.evolve(limited, max_rounds=MAX_ROUNDS)) == assessment_json(settled)


def test_majority_counts_once_whatever_the_limit(assessed: Callable[..., factlog.Assessment]) -> None:
    """``majority`` takes the limit and ignores it: one round, settled, the same propositions as without it."""
    counted = assessed(method="majority", max_rounds=1)
    assert (counted.rounds, counted.converged) == (1, True)
    assert counted.propositions == assessed(method="majority").propositions


def test_the_default_limit_is_200_rounds(generated: Path, assessed: Callable[..., factlog.Assessment]) -> None:
    """The default limit is :data:`MAX_ROUNDS`, 200 rounds, in every way of assessing and the check's rule."""
    import factlog.dask  # noqa: PLC0415 - the dask extra
    from factlog.checks import _copying  # noqa: PLC0415 - the rule's own limit
    from factlog.report import html_report  # noqa: PLC0415 - the report extra

    assert MAX_ROUNDS == _copying.MAX_ROUNDS == 200
    assert assessed().max_rounds == 200
    assert factlog.assess_lines(generated).max_rounds == 200
    for entry in (factlog.assess, factlog.assess_lines, factlog.dask.assess, html_report):
        assert inspect.signature(entry).parameters["max_rounds"].default == 200, entry


def test_the_json_records_a_chosen_limit_only(assessed: Callable[..., factlog.Assessment]) -> None:
    """``max_rounds`` is in the JSON beside ``rounds`` when the caller chose a limit other than 200; else not."""
    default = json.loads(factlog.render_assessment_json(assessed()))
    assert default == json.loads(factlog.render_assessment_json(assessed(max_rounds=MAX_ROUNDS)))
    chosen = json.loads(factlog.render_assessment_json(assessed(max_rounds=400)))
    assert "max_rounds" not in default
    assert list(chosen)[:5] == ["method", "as_of", "rounds", "max_rounds", "converged"]
    assert chosen["max_rounds"] == 400
    assert {key: value for key, value in chosen.items() if key != "max_rounds"} == default


def test_the_json_of_majority_records_no_limit(generated: Path, assessed: Callable[..., factlog.Assessment]) -> None:
    """``majority`` ignores a limit of rounds and ``extrapolate``: its JSON is the bytes without them, every path."""
    counted = factlog.render_assessment_json(assessed(method="majority"))
    given = assessed(method="majority", max_rounds=5, extrapolate=False)
    assert (given.max_rounds, given.extrapolated) == (5, False)  # the Python object keeps what it was given
    assert factlog.render_assessment_json(given) == counted
    lines = factlog.assess_lines(generated, method="majority", max_rounds=5, extrapolate=False)
    assert assessment_json(lines) == counted
    options = ("assess", str(generated), "--format", "json", "--method", "majority")
    for streamed in ((), ("--stream",)):
        done = ran(*options, *streamed, "--max-rounds", "5", "--plain-rounds")
        assert (done.returncode, done.stderr, done.stdout) == (0, "", counted)


def test_the_json_of_truthfinder_records_its_limit_not_extrapolation(
    assessed: Callable[..., factlog.Assessment],
) -> None:
    """TruthFinder obeys the limit (recorded when chosen) and has no extrapolated rounds (never recorded)."""
    chosen = json.loads(factlog.render_assessment_json(assessed(method="truthfinder", max_rounds=400)))
    plain = assessed(method="truthfinder", max_rounds=400, extrapolate=False)
    assert chosen["max_rounds"] == 400
    assert "extrapolated" not in chosen
    assert json.loads(factlog.render_assessment_json(plain)) == chosen


def test_every_rendering_tells_how_to_settle(
    generated: Path, claims: factlog.ClaimSet, assessed: Callable[..., factlog.Assessment]
) -> None:
    """Text, Markdown and the HTML report end the unsettled line with the option that raises the limit."""
    from factlog.report import html_report  # noqa: PLC0415 - the report extra

    stopped = assessed(max_rounds=5)
    line = (
        "learning: stopped at its limit of 5 rounds, unsettled;"
        f" beliefs and learned trust are the last round's and may still move; {NOTE}"
    )
    assert line in factlog.render_assessment_text(stopped).splitlines()
    assert line in factlog.render_assessment_markdown(stopped)
    assert NOTE in html_report(claims, max_rounds=5)
    # A report whose run settled at a chosen limit (``factlog report`` passes it to ``html_report``); the page is the
    # one the command test below compares with the default's.
    assert "unsettled" not in ran("report", str(generated), "-o", "-", "--max-rounds", str(MAX_ROUNDS)).stdout


@pytest.mark.parametrize("entry", ENTRY_POINTS)
@pytest.mark.parametrize("wrong", [True, 2.5, 0, -1, "10", None])
def test_a_limit_that_is_no_whole_number_of_rounds_is_refused(generated: Path, entry: str, wrong: object) -> None:
    """A bool, a float, 0, a negative number, a str or None: an ArgumentError naming the function and the value."""
    message = rf"^factlog\.{entry}: max_rounds must be a whole number, 1 or more; got {re.escape(repr(wrong))}$"
    with pytest.raises(factlog.ArgumentError, match=message):
        ENTRY_POINTS[entry](generated, max_rounds=wrong)


def test_the_report_refuses_what_assess_refuses_before_checking(
    generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``html_report`` refuses a limit of 0 and an ``extrapolate`` of 1 as ``assess`` does, naming itself, unchecked."""
    from factlog.report import _html  # noqa: PLC0415 - the report extra

    checked: list[object] = []
    monkeypatch.setattr(_html, "check", lambda claims: checked.append(claims) or factlog.check(claims))
    with pytest.raises(
        factlog.ArgumentError, match=r"^factlog\.html_report: max_rounds must be a whole number, 1 or more; got 0$"
    ):
        _html.html_report(factlog.load(generated), max_rounds=0)
    refused = r"^factlog\.html_report: extrapolate must be True or False, got 1$"
    with pytest.raises(factlog.ArgumentError, match=refused):
        _html.html_report(factlog.load(generated), extrapolate=1)
    assert checked == []


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_a_limit_given_as_a_numpy_integer_is_that_whole_number(generated: Path, entry: str) -> None:
    """A limit computed with numpy (``numpy.int64``) is taken as the int it equals: the same assessment, an int kept."""
    given = ENTRY_POINTS[entry](generated, max_rounds=numpy.int64(5))
    assert type(given.max_rounds) is int
    assert assessment_json(given) == assessment_json(ENTRY_POINTS[entry](generated, max_rounds=5))


@pytest.mark.parametrize(("method", "limit"), [("accucopy", 5), ("accucopy", 400), ("truthfinder", 1)])
def test_the_compact_assessment_stops_where_the_plain_one_does(
    generated_for: Callable[[str], Path], assessed: Callable[..., factlog.Assessment], method: str, limit: int
) -> None:
    """``assess_lines`` with a limit gives ``assess``'s JSON bytes: the same rounds, the same last round."""
    plain = assessment_json(assessed(method=method, max_rounds=limit))
    assert assessment_json(factlog.assess_lines(generated_for(method), method=method, max_rounds=limit)) == plain


def test_the_command_takes_the_limit(generated: Path, assessed: Callable[..., factlog.Assessment]) -> None:
    """``factlog assess --max-rounds 5``: the JSON of ``assess(..., max_rounds=5)``; the text says how to settle."""
    done = ran("assess", str(generated), "--format", "json", "--max-rounds", "5")
    assert done.returncode == 0
    assert done.stderr.startswith("factlog assess: warning: learning: stopped at its limit of 5 rounds, unsettled")
    assert done.stdout == factlog.render_assessment_json(assessed(max_rounds=5))
    assert NOTE in ran("assess", str(generated), "--max-rounds", "5").stdout
    assert "unsettled" not in ran("assess", str(generated), "--max-rounds", "1,000").stdout


def test_the_streamed_command_takes_the_limit(generated: Path) -> None:
    """``factlog assess --stream --max-rounds 5``: the same bytes as without ``--stream``."""
    options = (str(generated), "--format", "json", "--max-rounds", "5")
    streamed = ran("assess", "--stream", *options)
    assert streamed.returncode == 0
    assert streamed.stdout == ran("assess", *options).stdout


@pytest.mark.parametrize("command", ["assess", "export", "report"])
def test_the_commands_that_assess_take_the_limit_and_refuse_the_rest(
    generated: Path, larger_set: Callable[[], Path], command: str
) -> None:
    """Every command that assesses reads ``--max-rounds``: a limit below the rounds needed changes its output."""
    extra = ["--to", "claimreview", "--all"] if command == "export" else ["-o", "-"] if command == "report" else []
    if command == "export":  # the reviews rate by credibility alone, which one round already settles on the smaller set
        generated = larger_set()
    for wrong in ("0", "-1", "2.5", "many", ""):
        assert ran(command, str(generated), *extra, "--max-rounds", wrong).returncode == 2, wrong
    stopped = ran(command, str(generated), *extra, "--max-rounds", "1")
    default = ran(command, str(generated), *extra)
    assert stopped.returncode == 0
    assert stopped.stdout != default.stdout
    assert ran(command, str(generated), *extra, "--max-rounds", str(MAX_ROUNDS)).stdout == default.stdout


@pytest.mark.parametrize(("text", "limit"), [("1", 1), ("400", 400), ("1,000", 1000), ("2_000", 2000), (" 7 ", 7)])
def test_the_option_reads_whole_numbers_grouped_by_thousands(text: str, limit: int) -> None:
    """``--max-rounds`` reads digits, grouped by thousands with commas or by underscores, as ``--max-pairs`` does."""
    assert _round_limit(text) == limit


def test_the_help_gives_the_default_and_when_to_raise_it() -> None:
    """``factlog assess --help`` names ``--max-rounds``, its default of 200, and the sets that need more."""
    helped = run("assess", "--help").stdout
    text = " ".join(helped[helped.index("  --max-rounds N") :].split())
    assert text.startswith("--max-rounds N the learning methods' limit of rounds (default: 200)")
    assert "raise it then (a generated set of 300,000 claims needs 266 rounds)" in text


def test_the_claimreview_export_warns_when_learning_stopped_unsettled(generated: Path) -> None:
    """ClaimReview has no place for it: ``factlog export`` says on standard error that a run stopped unsettled."""
    options = (str(generated), "--to", "claimreview", "--all")
    stopped = ran("export", *options, "--max-rounds", "5")
    assert stopped.returncode == 0
    assert stopped.stderr == (
        "factlog export: warning: learning: stopped at its limit of 5 rounds, unsettled; beliefs and learned"
        f" trust are the last round's and may still move; {NOTE}\n"
    )
    assert ran("export", *options).stderr == ""


@pytest.mark.parametrize("stream", [False, True])
def test_an_assessment_as_json_warns_when_learning_stopped_unsettled(generated: Path, stream: bool) -> None:
    """JSON says it only as `"converged": false`: `assess --format json` (streamed or not) says it on stderr too."""
    options = (*(["--stream"] if stream else []), str(generated), "--format", "json")
    stopped = ran("assess", *options, "--max-rounds", "5")
    assert stopped.returncode == 0
    assert json.loads(stopped.stdout)["converged"] is False
    assert stopped.stderr == (
        "factlog assess: warning: learning: stopped at its limit of 5 rounds, unsettled; beliefs and learned"
        f" trust are the last round's and may still move; {NOTE}\n"
    )
    assert ran("assess", *options).stderr == ""
    assert "warning" not in ran("assess", str(generated), "--max-rounds", "5").stderr  # the text says it itself
