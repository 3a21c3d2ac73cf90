"""A scheduler stopped mid-run (a ``dask scheduler`` and a ``dask worker`` of the test's own): one ClusterError."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import ROOT

_STOPPED_IN_ROUND_3 = """
import os, signal, sys, factlog, factlog.dask
from factlog.cli._common import report_error
address, scheduler, sources = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def told(stage):
    if stage == "learning (accucopy): round 3":
        os.kill(scheduler, signal.SIGKILL)
try:
    factlog.dask.assess(sources, method="accucopy", client=address, partitions=2, progress=told, timeout=3)
except factlog.ClusterError as error:
    sys.exit(report_error(error))
"""
"""A process of its own (its stderr is Dask's logging's, unlike a test's captured one): the scheduler killed as
round 3 begins, the error printed as the command line prints it."""


def test_a_scheduler_stopped_mid_run_leaves_one_line_on_stderr(scheduler: tuple[str, subprocess.Popen[bytes]]) -> None:
    """The scheduler killed as round 3 begins: one ClusterError saying the connection closed, not a rerun.

    Its one line is all of stderr: no warning of a run again, none of Dask's logging (the closed connection's
    traceback, the failed reconnection, the closing).
    """
    address, process = scheduler
    run = [sys.executable, "-c", _STOPPED_IN_ROUND_3, address, str(process.pid), str(ROOT / "sources")]
    ended = subprocess.run(run, capture_output=True, text=True, check=False, cwd=ROOT)
    assert (ended.returncode, ended.stderr) == (
        3,
        "error: the assessment on the Dask cluster failed while learning (accucopy): round 3:"
        " the connection to the scheduler closed (was the scheduler stopped?); start the scheduler and its workers"
        " again (dask scheduler, then dask worker tcp://HOST:8786 on each machine), then run again\n",
    )
