"""The distributed check and assessment's shared cluster and generated examples."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
import factlog.cli._check
import factlog.dask
import factlog.dask._cluster
from tests.dask._shared import acknowledging_one
from tests.strategies import crowded_claim_sets

DASK = str(Path(sys.executable).parent / "dask")
"""The ``dask`` command of this environment."""


def _drawn(count: int) -> list[tuple[factlog.ClaimSet, int]]:
    """Claim sets and partition counts drawn by hypothesis (derandomised: the same every run), before any cluster.

    The cluster's client threads use the global ``random`` while they run, which
    hypothesis refuses during a draw; so the examples are drawn first and then checked.
    """
    found: list[tuple[factlog.ClaimSet, int]] = []

    @settings(max_examples=count, database=None, derandomize=True, deadline=None)
    @given(crowded_claim_sets(), st.integers(2, 6))
    def collect(claims: factlog.ClaimSet, partitions: int) -> None:
        found.append((acknowledging_one(claims), partitions))

    collect()
    return found


@pytest.fixture(scope="session")
def examples() -> list[tuple[factlog.ClaimSet, int]]:
    """Generated claim sets for the cluster, drawn once."""
    return _drawn(6)


@pytest.fixture(scope="session")
def client(examples: list[tuple[factlog.ClaimSet, int]]) -> Iterator[Client]:
    """One local cluster for the whole session: two worker processes (real pickling, real shuffles)."""
    del examples  # drawn before the cluster starts
    with factlog.dask.local_client(2) as connected:
        assert len(connected.scheduler_info()["workers"]) == 2
        yield connected


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
