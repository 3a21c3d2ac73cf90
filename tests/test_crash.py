"""SIGKILL at random moments: writes are whole, and the log loses nothing that was acknowledged.

A few rounds here; ``make fuzz`` (``python -m tests.crash --rounds N``) runs many.
"""

from __future__ import annotations

from tests.crash import kill_appends, kill_dumps


def test_killed_dump_leaves_the_old_or_the_new_file() -> None:
    """Killing a process mid-dump never leaves a partial target."""
    report = kill_dumps(rounds=4)
    assert report["torn_targets"] == 0


def test_killed_appender_loses_no_acknowledged_record() -> None:
    """Every append that returned before the kill is in the log afterwards."""
    report = kill_appends(rounds=4)
    assert report["appends_acknowledged"] > 0
    assert report["records_lost"] == 0
