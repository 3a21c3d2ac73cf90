"""Ctrl-C during a run on a Dask scheduler given by address (``check --dask ADDRESS``): one line, exit 130."""

from __future__ import annotations

from pathlib import Path

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
    sys.exit(main(["check", "--dask", sys.argv[2], "--format", "json", *rules, sys.argv[3]]))
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
