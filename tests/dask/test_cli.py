"""`factlog check` and `factlog assess` on a cluster, through the real entry point."""

from __future__ import annotations

import contextlib
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from distributed import Client

import factlog
import factlog.cli._check
import factlog.dask
import factlog.dask._cluster
from factlog.cli import main
from tests.dask._shared import interrupted_once_running
from tests.helpers import ROOT, acknowledgement_lines, generated_lines

SOURCES = ROOT / "sources"


def _standing_in(client: Client, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """``--workers N`` given the session's cluster (one cluster per test session); the N asked for, in order."""
    started: list[int] = []

    @contextlib.contextmanager
    def local_client(workers: int) -> Iterator[Client]:
        started.append(workers)
        yield client

    monkeypatch.setattr(factlog.dask, "local_client", local_client)
    return started


def test_cli_workers_starts_a_local_cluster(
    client: Client, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``factlog check --workers 2`` asks for a local cluster of 2 processes and prints the single-process JSON."""
    started = _standing_in(client, monkeypatch)
    arguments = ["check", "--format", "json", str(SOURCES)]
    single_code = main(arguments)
    single = capsys.readouterr().out
    assert main([*arguments, "--workers", "2", "--partitions", "3"]) == single_code
    assert capsys.readouterr().out == single
    assert started == [2]


def test_cli_dask_address_gives_the_single_process_report(client: Client, capsys: pytest.CaptureFixture[str]) -> None:
    """``factlog check --dask ADDRESS`` checks on that cluster, with the same text report and exit code."""
    arguments = ["check", "--colour", "never", str(SOURCES)]
    single_code = main(arguments)
    single = capsys.readouterr().out
    assert main([*arguments, "--dask", client.scheduler.address]) == single_code
    assert capsys.readouterr().out == single


@pytest.mark.parametrize(
    "options",
    [
        ["--workers", "0"],
        ["--workers", "1", "--partitions", "0"],
        ["--dask", "tcp://127.0.0.1:1", "--dask-timeout", "0"],
    ],
)
def test_cli_refuses_zero(options: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """``--workers 0``, ``--partitions 0`` or ``--dask-timeout 0``: a usage error (exit 2) worded as argparse's."""
    assert main(["check", *options, str(SOURCES)]) == 2
    assert capsys.readouterr().err.startswith(f"factlog check: error: {options[-2]} ")


@pytest.mark.parametrize("options", [["--partitions", "3"], ["--partitions", "0"], ["--dask-timeout", "5"]])
@pytest.mark.parametrize("command", ["check", "assess"])
def test_cli_distributed_options_need_a_cluster(
    command: str, options: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """--partitions without --dask or --workers (or --dask-timeout without --dask) is a usage error."""
    assert main([command, *options, str(SOURCES)]) == 2
    assert f"factlog {command}: error:" in capsys.readouterr().err


@pytest.mark.parametrize(
    "options", [["--workers", "0"], ["--dask", "nonsense"], ["--workers", "1", "--partitions", "0"]]
)
def test_cli_assess_refuses_a_bad_cluster_option(options: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """``assess`` checks its Dask options as ``check`` does: a usage error naming the option, before any cluster."""
    assert main(["assess", *options, str(SOURCES)]) == 2
    assert options[-2] in capsys.readouterr().err


def test_cli_assess_on_a_cluster_prints_the_single_process_output(
    client: Client, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``assess --workers 2`` and ``assess --dask ADDRESS`` print the single process's JSON, every byte."""
    started = _standing_in(client, monkeypatch)
    arguments = ["assess", "--format", "json", "--method", "truthfinder", str(SOURCES)]
    assert main(arguments) == 0
    single = capsys.readouterr().out
    assert main([*arguments, "--workers", "2", "--partitions", "3"]) == 0
    assert capsys.readouterr().out == single
    assert started == [2]
    assert main([*arguments, "--dask", client.scheduler.address, "--beliefs-only"]) == 0
    assert capsys.readouterr().out != single  # beliefs only: no reasons, no labels
    assert main([*arguments[:-1], "--beliefs-only", str(SOURCES)]) == 0
    beliefs_only = capsys.readouterr().out
    assert main([*arguments, "--dask", client.scheduler.address, "--beliefs-only", "--dask-timeout", "5"]) == 0
    assert capsys.readouterr().out == beliefs_only


@pytest.mark.parametrize("distributed", [[], ["--workers", "2"]])
def test_cli_interrupted_is_one_line(
    distributed: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C during a check prints one line "interrupted" and exits 130."""

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(factlog.cli._check, "check", interrupted)
    monkeypatch.setattr(factlog.dask, "check", interrupted)
    monkeypatch.setattr(factlog.dask, "local_client", lambda _workers: contextlib.nullcontext())
    assert main(["check", *distributed, str(SOURCES)]) == 130
    assert capsys.readouterr().err == "interrupted\n"


def test_cli_workers_names_a_stale_acknowledgement_s_file_as_given(
    client: Client, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """``check --workers 2`` of a relative and an absolute path: the plain JSON, each file named as given."""
    _standing_in(client, monkeypatch)
    lines = acknowledgement_lines(generated_lines(tmp_path, 20))  # three stale acknowledgements
    assert len(lines) == 3
    monkeypatch.chdir(tmp_path)
    for given in ("claims.jsonl", str(tmp_path / "claims.jsonl"), "."):
        arguments = ["check", "--format", "json", given]
        single_code = main(arguments)
        single = capsys.readouterr().out
        named = "claims.jsonl" if given == "." else given
        assert [line for line in lines if f"at {named}:{line} matches no finding" in single] == lines
        assert main([*arguments, "--workers", "2", "--partitions", "3"]) == single_code
        assert capsys.readouterr().out == single


@pytest.mark.parametrize("kept", [0, 2])
def test_cli_assess_on_a_cluster_notes_an_empty_as_of_as_one_process_does(
    client: Client, tmp_path: Path, capsys: pytest.CaptureFixture[str], kept: int
) -> None:
    """``--as-of`` before every claim: the note on a cluster exactly when one process gives it (files with claims)."""
    claims = factlog.load(SOURCES)
    path = tmp_path / "claims.json"
    factlog.dump(attrs.evolve(claims, claims=claims.claims[:kept]), path)
    arguments = ["assess", "--format", "json", "--as-of", "1900", str(path)]
    assert main(arguments) == 0
    single = capsys.readouterr()
    assert ("no claims stated by 1900" in single.err) == (kept > 0)
    assert main([*arguments, "--dask", client.scheduler.address]) == 0
    assert capsys.readouterr() == single


@pytest.mark.parametrize("options", [["--workers", "2"], ["--dask", "tcp://127.0.0.1:8786"]])
@pytest.mark.parametrize("command", ["check", "assess"])
def test_cli_without_dask_names_the_extra_to_install(
    command: str, options: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--workers or --dask without Dask installed: a usage error naming the dask extra (exit 2), no traceback.

    Dask's ``distributed`` made unimportable in this process, factlog.dask imported again (as in a process
    without the extra), and everything put back after the test.
    """
    for name in [name for name in sys.modules if name == "factlog.dask" or name.startswith("factlog.dask.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.delattr(factlog, "dask")
    monkeypatch.setitem(sys.modules, "distributed", None)  # importing it now raises ImportError
    assert main([command, *options, str(SOURCES)]) == 2
    ran = capsys.readouterr()
    assert ran.err == (
        f"factlog {command}: error: {options[0]} needs Dask, the dask extra of factlog-claims:"
        " pip install -e '.[dask]' in a checkout of factlog, or pip install 'dask[distributed]'\n"
    )
    assert ran.out == ""
    with pytest.raises(ImportError) as imported:
        importlib.import_module("factlog.dask")
    assert str(imported.value).startswith(
        "factlog.dask needs Dask and its distributed scheduler, the dask extra of factlog-"
    )
    assert "pip install -e '.[dask]' in a checkout of factlog" in str(imported.value)


_SLOW_RUN = """
import sys
import time
from pathlib import Path

import factlog.cli._check
from factlog.cli import main

FLAG = Path(sys.argv[1])


def slow_rule(index):
    FLAG.touch()  # on a worker: the run is under way
    time.sleep(120)
    return ()


if __name__ == "__main__":
    factlog.cli._check.DEFAULT_RULES = (*factlog.cli._check.DEFAULT_RULES, slow_rule)
    sys.exit(main(["check", "--workers", "1", "--rule", "slow_rule", "--rule", "opposed_claims", sys.argv[2]]))
"""


def test_cli_ctrl_c_during_a_workers_run_prints_one_line(tmp_path: Path) -> None:
    """Ctrl-C mid-run (SIGINT to the process group, as a terminal sends it): "interrupted", exit 130, nothing else.

    One worker process (as many as spawning one more would cost) gets the interrupt with the command.
    """
    script, flag = tmp_path / "slow.py", tmp_path / "running"
    script.write_text(_SLOW_RUN, encoding="utf-8")
    assert interrupted_once_running(script, flag, str(SOURCES)) == (130, "interrupted\n", "")
