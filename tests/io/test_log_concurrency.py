"""Processes writing one store at once: what one process checks under the write lock, no other can slip past."""

from __future__ import annotations

import datetime
import multiprocessing
import sqlite3
from multiprocessing.queues import Queue
from pathlib import Path
from typing import Any

from factlog import ClaimLog, Entity, EntityKind
from tests.helpers import ENTITIES

T1 = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
T2 = datetime.datetime(2025, 2, 1, tzinfo=datetime.UTC)
_FORK = multiprocessing.get_context("fork")


def _append_at(path: str, name: str, start: Any, results: Queue[Any]) -> None:
    """Append one entity at T2 once both writers are ready; put what came of it."""
    start.wait()
    try:
        stored = ClaimLog(path).append([Entity(id=name, name=name.title(), kind=EntityKind.COUNTRY)], at=T2)
    except Exception as error:  # what the append raised is the result
        results.put((name, type(error).__name__))
    else:
        results.put((name, str(stored)))


def test_appends_at_one_given_time_from_two_processes_store_one(tmp_path: Path) -> None:
    """Two processes appending `at=T` at once: one is stored, the other refused under the write lock."""
    log = ClaimLog(tmp_path / "s.db")
    log.append(list(ENTITIES), at=T1)
    start = _FORK.Barrier(2)  # both writers ask for the write lock together (no connection is open across the fork)
    results: Queue[Any] = _FORK.Queue()
    workers = [_FORK.Process(target=_append_at, args=(str(log.path), name, start, results)) for name in ("xa", "xb")]
    for worker in workers:
        worker.start()
    outcomes = sorted(results.get(timeout=120) for _ in workers)
    for worker in workers:
        worker.join()
    assert sorted(outcome for _, outcome in outcomes) == ["1", "ArgumentError"]
    with sqlite3.connect(log.path) as connection:
        times = [row[0] for row in connection.execute("SELECT at FROM transactions ORDER BY id")]
    connection.close()
    assert times == ["2025-01-01T00:00:00.000000Z", "2025-02-01T00:00:00.000000Z"]
