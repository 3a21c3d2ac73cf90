"""Processes writing one store at once: what one process checks under the write lock, no other can slip past."""

from __future__ import annotations

import datetime
import itertools
import json
import multiprocessing
import sqlite3
import subprocess
import sys
from multiprocessing.queues import Queue
from pathlib import Path
from typing import Any

import pytest

from factlog import ClaimLog, Entity, EntityKind
from factlog.io import _log
from tests.helpers import ENTITIES, PREDICATES, SOURCES

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


_APPEND_A_SOURCE = """
import sys
from factlog import ClaimLog, PartialDate, Source
when = PartialDate.parse("2025-10")
source = Source(id="late", title="Late", publisher="author", published=when, document="late.txt")
ClaimLog(sys.argv[1]).append([source], documents={"late": b"the late document"})
"""


def test_an_export_read_while_another_process_appends_is_one_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A source another process appends with its document while an export reads comes with it, or not at all."""
    log = ClaimLog(tmp_path / "s.db")
    log.append([*ENTITIES, *PREDICATES, *SOURCES], at=T1)
    reads = []
    select = _log.select_until

    def select_then_append(*args: Any) -> Any:
        rows = select(*args)
        if not reads:  # the other process appends, and commits, right after the export's first read
            subprocess.run([sys.executable, "-c", _APPEND_A_SOURCE, str(log.path)], check=True)
        reads.append(rows)
        return rows

    monkeypatch.setattr(_log, "select_until", select_then_append)
    lines = [json.loads(line) for line in log.export_lines()]
    monkeypatch.undo()
    assert [source.id for source in log.read().sources][-1] == "late"  # the append did commit meanwhile
    for before, line in itertools.pairwise(lines):
        if line.get("type") == "source" and line["id"] == "late":
            assert before["type"] == "document"
