"""A distributed run says how far it is: each stage in words, to a ``progress`` callable; on stderr on a terminal."""

from __future__ import annotations

import contextlib
import inspect
import io
import re
from collections.abc import Callable, Iterator

import pytest
from distributed import Client

import factlog
import factlog.cli._distributed
import factlog.cli._terminal
import factlog.dask
from factlog.cli import main
from factlog.dask._faults import Stages
from factlog.dask._learning import assessed_in_rounds
from factlog.dask._steps import Cluster
from factlog.io._arguments import expect_progress
from factlog.render import render_assessment_json, render_json
from tests.helpers import ROOT

SOURCES = ROOT / "sources"


def test_a_check_names_its_stages_in_turn(client: Client) -> None:
    """Reading, routing, the passes (named, over the partitions), the rules concluded from them, the order: in turn."""
    stages: list[str] = []
    report = factlog.dask.check(SOURCES, client=client, partitions=3, progress=stages.append)
    assert render_json(report) == render_json(factlog.check(factlog.load(SOURCES)))
    assert re.fullmatch(r"reading \d+ files", stages[0])
    claims = len(factlog.load(SOURCES).claims)
    assert stages[1] == f"routing {claims:,} claims to 3 partitions"
    assert re.fullmatch(r"running \d passes \(slot(, [a-z]+)+\) over 3 partitions", stages[2])
    assert stages[3:] == [
        "concluding undeclared_copying from the partitions",
        "putting the findings in order",
    ]


@pytest.mark.parametrize("method", ["accucopy", "truthfinder"])
def test_an_assessment_names_each_learning_round(client: Client, method: str) -> None:
    """The sources found copying, one stage for each round the assessment reports, numbered from 1, then the weighing.

    The bundled corpus, read by two workers in three partitions: the single process's assessment and bytes.
    """
    stages: list[str] = []
    assessed = factlog.dask.assess(SOURCES, method=method, client=client, partitions=3, progress=stages.append)
    single = factlog.assess(factlog.load(SOURCES), method=method)
    assert assessed == single
    assert render_assessment_json(assessed) == render_assessment_json(single)
    assert stages[1:3] == ["finding the sources that copy in 3 partitions", "preparing the questions of 3 partitions"]
    rounds = [stage for stage in stages if stage.startswith(f"learning ({method}): round ")]
    assert rounds == [f"learning ({method}): round {n}" for n in range(1, assessed.rounds + 1)]
    assert stages[-1] == "weighing the propositions"


@pytest.mark.parametrize("call", [factlog.dask.check, factlog.dask.assess])
def test_a_progress_that_is_not_callable_is_refused(call: Callable[..., object]) -> None:
    """``progress="yes"``: an ArgumentError naming the function and the argument, before any work."""
    with pytest.raises(factlog.ArgumentError, match=rf"^factlog\.dask\.{call.__name__}: progress: expected a callable"):
        call(factlog.ClaimSet(), progress="yes")


def test_cli_shows_the_cluster_s_stages_after_its_label(
    client: Client, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``check --dask``: the stages go to the progress line, after its label; nothing on a stderr not a terminal."""
    shown: list[str] = []
    real = factlog.cli._distributed.progress

    @contextlib.contextmanager
    def recorded(label: str) -> Iterator[Callable[[str], None]]:
        with real(label) as stage:
            shown.append(label)

            def told(text: str) -> None:
                shown.append(f"{label}: {text}")
                stage(text)

            yield told

    monkeypatch.setattr(factlog.cli._distributed, "progress", recorded)
    assert main(["check", "--format", "json", "--dask", client.scheduler.address, str(SOURCES)]) == 1
    assert shown[0] == "checking on the Dask cluster"
    assert re.fullmatch(r"checking on the Dask cluster: reading \d+ files", shown[1])
    assert shown[-1] == "checking on the Dask cluster: putting the findings in order"
    assert capsys.readouterr().err == ""


def test_every_progress_that_shows_nothing_is_one_function() -> None:
    """A call given no progress, the Dask driver's stages and rounds, the CLI's line when not drawn: one no-op."""
    with factlog.cli._terminal.progress("checking", stream=io.StringIO()) as undrawn:
        pass
    defaults = [
        Stages().say,
        inspect.signature(Cluster).parameters["say"].default,
        inspect.signature(assessed_in_rounds).parameters["say"].default,
        undrawn,
    ]
    assert all(default is expect_progress(None, "factlog.dask.check") for default in defaults)
