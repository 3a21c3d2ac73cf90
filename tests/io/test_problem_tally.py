"""A file with a problem on every line: the first ``Limits.max_problems`` told in full, the rest counted by kind."""

from __future__ import annotations

import gc
import json
import pickle
from pathlib import Path

import pytest

import factlog
from factlog.errors import OTHER_KINDS
from factlog.io._tally import MAX_KINDS, count_kind, kind_of
from tests.helpers import claim, run, world

MISSING = "$.statement: required key missing (the claim in plain words)"
UNEXPECTED = "$: unexpected key 'claim_text'"


def _misspelled(count: int, key: str = "claim_text") -> str:
    """A JSON Lines text of ``count`` claims, ``statement`` renamed ``key`` in each (``{n}``: the line's index).

    Two problems a line: ``key``, no slip of ``statement``, is not told as one (a slip is one problem).
    """
    text = factlog.dumps_lines(world(*(claim(f"c{n}") for n in range(count))))
    lines = text.splitlines()
    for number, line in enumerate(lines):
        if line.startswith('{"type":"claim"'):
            lines[number] = line.replace('"statement":', json.dumps(key.format(n=number)) + ":", 1)
    return "\n".join(lines) + "\n"


def _error(path: Path, limits: factlog.Limits) -> factlog.FormatError:
    with pytest.raises(factlog.FormatError) as raised:
        factlog.load(path, limits=limits)
    return raised.value


def test_a_file_past_the_limit_lists_the_first_problems_and_counts_the_rest_by_kind(tmp_path: Path) -> None:
    """30 claims refused, two problems each, a limit of 10: 10 listed in line order, 50 counted as two kinds."""
    path = tmp_path / "set.jsonl"
    path.write_text(_misspelled(30), encoding="utf-8")
    error = _error(path, factlog.Limits(max_problems=10))
    assert len(error.errors) == 10
    assert error.count == 60
    assert error.more == {f"{path}: {MISSING}": 25, f"{path}: {UNEXPECTED}": 25}
    lines = [int(message.split(":")[1]) for message in error.errors]
    assert lines == sorted(lines)
    assert error.listed[10:] == [
        "and 50 more problems of these kinds:",
        f"  25 × {path}: {MISSING}",
        f"  25 × {path}: {UNEXPECTED}",
    ]
    assert str(error) == "\n".join(error.listed)


@pytest.mark.parametrize("limit", [1, 7, 10, 59, 60, 61])
def test_a_lines_file_read_whole_or_a_line_at_a_time_tells_the_same_first_problems(tmp_path: Path, limit: int) -> None:
    """load (a line at a time) and loads_lines (whole) keep the same problems and count the same kinds."""
    text = _misspelled(30)
    path = tmp_path / "set.jsonl"
    path.write_text(text, encoding="utf-8")
    limits = factlog.Limits(max_problems=limit)
    read = _error(path, limits)
    with pytest.raises(factlog.FormatError) as whole:
        factlog.loads_lines(text, name=str(path), limits=limits)
    assert (read.errors, read.more) == (whole.value.errors, whole.value.more)
    assert read.count == 60


@pytest.mark.parametrize("limit", [1, 3, 10, 45, 79, 80])
def test_the_problems_kept_and_counted_are_those_of_the_whole_list(tmp_path: Path, limit: int) -> None:
    """Oracle: under a limit, the first problems of the unbounded list, and the rest of it counted by kind_of."""
    path = tmp_path / "set.jsonl"
    path.write_text(_misspelled(40, "claim_text{n}"), encoding="utf-8")
    whole = _error(path, factlog.Limits(max_problems=10**6))
    error = _error(path, factlog.Limits(max_problems=limit))
    assert error.errors == whole.errors[:limit]
    counted: dict[str, int] = {}
    for message in whole.errors[limit:]:
        count_kind(counted, kind_of(message, [str(path)]))
    assert error.more == counted
    assert error.count == whole.count == 80


def test_a_document_past_the_limit_counts_the_rest_by_path_without_indexes(tmp_path: Path) -> None:
    """A JSON document: the kinds name the path with ``[*]`` for the record's index."""
    path = tmp_path / "set.json"
    document = json.loads(factlog.dumps(world(*(claim(f"c{n}") for n in range(5)))))
    for item in document["claims"]:
        item["certainty"] = "sure"
    path.write_text(json.dumps(document), encoding="utf-8")
    error = _error(path, factlog.Limits(max_problems=2))
    assert error.count == 5
    ((kind, count),) = error.more.items()
    assert kind.startswith(f"{path}: $.claims[*].certainty: expected one of ")
    assert count == 3


def test_kinds_past_the_last_counted_apart_are_counted_together(tmp_path: Path) -> None:
    """Each line misspelled differently: MAX_KINDS kinds apart, the others under one."""
    path = tmp_path / "set.jsonl"
    path.write_text(_misspelled(40, "claim_text{n}"), encoding="utf-8")
    error = _error(path, factlog.Limits(max_problems=2))
    assert error.count == 80
    assert len(error.more) == MAX_KINDS + 1
    assert error.more[f"{path}: {MISSING}"] == 39
    assert error.more[OTHER_KINDS] == 80 - 2 - 39 - (MAX_KINDS - 1)
    assert error.listed[-1] == f"  {error.more[OTHER_KINDS]} × {OTHER_KINDS}"


def test_the_counted_problems_survive_pickling(tmp_path: Path) -> None:
    """A FormatError pickled (as a worker sends it) keeps its kinds."""
    error = factlog.FormatError(["a.jsonl:2: $: x"], more={"a.jsonl: $: x": 4})
    again = pickle.loads(pickle.dumps(error))
    assert (again.errors, again.more, again.count, str(again)) == (error.errors, error.more, 5, str(error))


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("a.jsonl:21: $.certainty: expected x", "a.jsonl: $.certainty: expected x"),
        ("a.json: $.claims[3].evidence[0].start: y", "a.json: $.claims[*].evidence[*].start: y"),
        ("line 4: $: unexpected key 'x'", "$: unexpected key 'x'"),
        ("a.jsonl:7: invalid JSON at column 3: Expecting value", "a.jsonl: invalid JSON at column 3: Expecting value"),
        ("b.json:3: $.claims[1]: z", "b.json:3: $.claims[1]: z"),  # a file not given: its own kind
    ],
)
def test_a_problem_s_kind_drops_its_line_and_its_indexes(message: str, kind: str) -> None:
    """The kind of a message naming a file given (or none): no line number, ``[*]`` for the indexes of its path."""
    assert kind_of(message, ["a.jsonl", "a.json"]) == kind


def test_refused_records_leave_nothing_for_the_cyclic_collector(tmp_path: Path) -> None:
    """2,000 refused claims: their converter errors freed as they are told (they held 520 MB at 100,000)."""
    path = tmp_path / "set.jsonl"
    path.write_text(_misspelled(2000), encoding="utf-8")
    gc.collect()
    gc.disable()
    try:
        _error(path, factlog.Limits())
        assert gc.collect() < 2000
    finally:
        gc.enable()


def test_the_command_line_prints_a_thousand_problems_then_their_kinds(tmp_path: Path) -> None:
    """validate on 600 refused claims (1,200 problems): 1,000 lines, the count by kind, the hint."""
    path = tmp_path / "set.jsonl"
    path.write_text(_misspelled(600), encoding="utf-8")
    ran = run("validate", str(path))
    assert ran.returncode == 3
    lines = ran.stderr.splitlines()
    assert len(lines) == 1000 + 3 + 1
    assert lines[1000:1003] == [
        "error: and 200 more problems of these kinds:",
        f"error:   100 × {path}: {MISSING}",
        f"error:   100 × {path}: {UNEXPECTED}",
    ]
    assert lines[-1].startswith("hint: docs/format.md, 'Field reference'")
