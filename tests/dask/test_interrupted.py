"""Ctrl-C during a run on a Dask scheduler given by address (``check --dask ADDRESS``): one line, exit 130; ``kill``."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest
from distributed import Client

from tests.dask._shared import interrupted_once_running
from tests.helpers import ROOT

SOURCES = ROOT / "sources"

_SLOW_RUN = """
import sys
import time
from pathlib import Path

import factlog.cli._check
from factlog.cli import main

FLAG = Path(sys.argv[1])
RELEASED = FLAG.with_name("released")


def slow_rule(index):
    FLAG.touch()  # on a worker: the driver is waiting for the pass's results
    deadline = time.monotonic() + 120
    while not RELEASED.exists() and time.monotonic() < deadline:  # the worker freed once the test is done
        time.sleep(0.05)
    return ()


if __name__ == "__main__":
    factlog.cli._check.DEFAULT_RULES = (*factlog.cli._check.DEFAULT_RULES, slow_rule)
    rules = ["--rule", "slow_rule", "--rule", "opposed_claims"]
    cluster = ["--workers", "1"] if sys.argv[2] == "local" else ["--dask", sys.argv[2]]
    sys.exit(main(["check", *cluster, "--format", "json", *rules, sys.argv[3]]))
"""


def test_ctrl_c_while_waiting_on_a_scheduler_prints_one_line(tmp_path: Path, client: Client) -> None:
    """SIGINT to the command's process group while a pass's tasks run: stderr "interrupted" alone, exit 130.

    Not asyncio's "Task exception was never retrieved" with Dask's ``AllExit``, once per
    task the interrupted gather left waiting. The scheduler is the session's cluster's, at
    its address; its workers' tasks end once the command has.
    """
    script, flag = tmp_path / "slow.py", tmp_path / "running"
    script.write_text(_SLOW_RUN, encoding="utf-8")
    try:
        ended = interrupted_once_running(script, flag, client.scheduler.address, str(SOURCES))
    finally:
        (tmp_path / "released").touch()
    assert ended == (130, "interrupted\n", "")


def test_sigterm_on_a_local_cluster_kills_its_workers_and_says_terminated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``kill PID`` (SIGTERM, as a batch job's time limit sends it) during ``check --workers 1``: exit 143,
    stderr ``terminated`` alone (no traceback, no leaked semaphores), and the worker process it started gone.
    """
    scratch = tmp_path / "tmp"  # where the run's workers keep their files: none of theirs is left
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    script, flag = tmp_path / "slow.py", tmp_path / "running"
    script.write_text(_SLOW_RUN.replace("FLAG.touch()", "FLAG.write_text(str(os.getpid()))"), encoding="utf-8")
    script.write_text(script.read_text(encoding="utf-8").replace("import sys\n", "import os\nimport sys\n", 1))
    try:
        ended = interrupted_once_running(script, flag, "local", str(SOURCES), number=signal.SIGTERM)
    finally:
        (tmp_path / "released").touch()
    assert ended == (143, "terminated\n", "")
    assert sorted(scratch.rglob("*worker-*")) == []  # Dask's shared lock files (global.lock) may stay
    worker = int(flag.read_text(encoding="utf-8"))
    assert not Path(f"/proc/{worker}").exists() or _zombie(worker)


def _zombie(pid: int) -> bool:
    """Whether process ``pid`` has ended and waits only to be reaped."""
    return Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()[0] in {"Z", "X"}
