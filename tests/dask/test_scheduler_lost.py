"""A scheduler stopped mid-run (a ``dask scheduler`` and a ``dask worker`` of the test's own): one ClusterError."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client

import factlog
import factlog.dask
from tests.helpers import ROOT

DASK = str(Path(sys.executable).parent / "dask")


def _free_port() -> int:
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port: int = free.getsockname()[1]
        return port


@pytest.fixture
def scheduler() -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """The address of a `dask scheduler` with one `dask worker`, and the scheduler's process (killed at the end)."""
    address = f"tcp://127.0.0.1:{_free_port()}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    port = address.rsplit(":", 1)[1]
    started = subprocess.Popen([DASK, "scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard"], **quiet)
    worker = subprocess.Popen([DASK, "worker", address, "--nthreads", "1", "--no-dashboard"], **quiet)
    try:
        with Client(address, timeout=30) as probe:
            probe.wait_for_workers(1, timeout=30)
        yield address, started
    finally:
        for process in (worker, started):
            process.send_signal(signal.SIGKILL)
            process.wait()


def test_a_scheduler_stopped_in_a_learning_round_is_one_cluster_error(
    scheduler: tuple[str, subprocess.Popen[bytes]], capfd: pytest.CaptureFixture[str]
) -> None:
    """The scheduler killed as round 3 begins: a ClusterError saying the scheduler's connection closed, not a rerun.

    Nothing else is written: Dask's client logs no traceback as it closes.
    """
    address, process = scheduler
    stages: list[str] = []

    def told(stage: str) -> None:
        stages.append(stage)
        if stage == "learning (accucopy): round 3":
            process.send_signal(signal.SIGKILL)
            process.wait()
            time.sleep(0.5)  # the client sees the connection close

    with pytest.raises(factlog.ClusterError) as raised:
        factlog.dask.assess(ROOT / "sources", method="accucopy", client=address, partitions=2, progress=told, timeout=3)
    assert str(raised.value).startswith("the assessment on the Dask cluster failed while learning (accucopy): round")
    assert str(raised.value).endswith("the connection to the scheduler closed (was the scheduler stopped?)")
    assert not any("again" in stage for stage in stages)  # not taken for a lost worker, not run again
    assert "Traceback" not in capfd.readouterr().err
