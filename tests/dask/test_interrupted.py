"""Ctrl-C during a run on a Dask scheduler of the test's own (``check --dask ADDRESS``): one line, exit 130."""

from __future__ import annotations

import subprocess
from pathlib import Path

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


def slow_rule(index):
    FLAG.touch()  # on a worker: the driver is waiting for the pass's results
    time.sleep(120)
    return ()


if __name__ == "__main__":
    factlog.cli._check.DEFAULT_RULES = (*factlog.cli._check.DEFAULT_RULES, slow_rule)
    rules = ["--rule", "slow_rule", "--rule", "opposed_claims"]
    sys.exit(main(["check", "--dask", sys.argv[2], "--format", "json", *rules, sys.argv[3]]))
"""


def test_ctrl_c_while_waiting_on_a_scheduler_prints_one_line(
    tmp_path: Path, scheduler: tuple[str, subprocess.Popen[bytes]]
) -> None:
    """SIGINT to the command's process group while a pass's tasks run: stderr "interrupted" alone, exit 130.

    Not asyncio's "Task exception was never retrieved" with Dask's ``AllExit``, once per
    task the interrupted gather left waiting.
    """
    address, _ = scheduler
    script, flag = tmp_path / "slow.py", tmp_path / "running"
    script.write_text(_SLOW_RUN, encoding="utf-8")
    assert interrupted_once_running(script, flag, address, str(SOURCES)) == (130, "interrupted\n", "")
