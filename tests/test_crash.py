"""Faults on purpose: SIGKILL at random moments, and writers racing; nothing acknowledged is lost.

A few rounds here; ``make fuzz`` (``python -m tests.crash``) runs hundreds of kills and
4 writers x 1,000 appends.
"""

from __future__ import annotations

from tests.crash import kill_appends, kill_dumps, race_appends


def test_killed_dump_leaves_the_old_or_the_new_file_and_no_temporary() -> None:
    """Killing a process mid-dump never leaves a partial target; the next write removes its temporary file."""
    report = kill_dumps(rounds=4)
    assert (report["torn_targets"], report["temporary_files_left"]) == (0, 0)


# A writer that rewrites the file in place, in two writes: what dump must never be.
_IN_PLACE = """
import sys
target, first, second = sys.argv[1], open(sys.argv[2]).read(), open(sys.argv[3]).read()
started = False
while True:
    for text in (first, second):
        with open(target, "w") as stream:
            stream.write(text[: len(text) // 2])
            stream.flush()
            stream.write(text[len(text) // 2 :])
    if not started:
        print("dumping", flush=True)
        started = True
"""


def test_the_crash_harness_counts_the_torn_targets_of_an_in_place_writer() -> None:
    """The harness can fail: killing a writer that rewrites in place leaves torn targets, and they are counted."""
    assert kill_dumps(rounds=4, dumper=_IN_PLACE)["torn_targets"] > 0


def test_killed_appender_of_large_documents_loses_no_acknowledged_record() -> None:
    """Every append of a MiB-sized document that returned before the kill is in the store afterwards."""
    report = kill_appends(rounds=4)
    assert report["appends_acknowledged"] > 0
    assert report["records_lost"] == 0


def test_concurrent_appenders_lose_nothing() -> None:
    """Four processes creating one store and appending to it at once: every acknowledged record is there."""
    report = race_appends(writers=4, appends=100)
    assert report["appends_acknowledged"] == 400
    assert report["records_lost"] == 0
