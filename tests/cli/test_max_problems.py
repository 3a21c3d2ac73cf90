"""``--max-problems N``: every command that reads claim files or a log tells the first N problems, counts the rest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import factlog
from factlog.cli._common import HINTS
from tests.helpers import claim, run, world

_CLAIMS = 5
_COMMANDS = [
    ["validate"],
    ["check"],
    ["check", "--stream", "--format", "json"],
    ["assess"],
    ["assess", "--stream", "--format", "json"],
    ["export", "--to", "prov"],
    ["report", "-o", "-"],
    ["show", "--entity", "dprk"],
]


def _without_statements(tmp_path: Path) -> Path:
    """A JSON Lines claim file whose five claims each lack their statement: five problems of one kind."""
    lines = []
    for line in factlog.dumps_lines(world(*(claim(f"c{n}") for n in range(_CLAIMS)))).splitlines():
        record = json.loads(line)
        if record.get("type") == "claim":
            del record["statement"]
        lines.append(json.dumps(record))
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _told(path: Path, stderr: str, shown: int) -> None:
    """``shown`` problems in full, then the others counted under their one kind."""
    problems = stderr.splitlines()
    assert problems.pop() == HINTS["unexpected key"]  # a key missing: where the keys each object takes are listed
    kind = f"{path}: $.statement: required key missing (the claim in plain words)"
    assert [line.split(": ", 2)[2] for line in problems[:shown]] == [
        "$.statement: required key missing (the claim in plain words)"
    ] * shown
    assert problems[shown:] == [
        f"error: and {_CLAIMS - shown} more problems of these kinds:",
        f"error:   {_CLAIMS - shown} × {kind}",
    ]


@pytest.mark.parametrize("command", _COMMANDS, ids=" ".join)
def test_the_first_n_problems_are_told_and_the_others_counted(tmp_path: Path, command: list[str]) -> None:
    """With --max-problems 2, each command reading the file prints two problems and counts the other three."""
    path = _without_statements(tmp_path)
    ran = run(*command, "--max-problems", "2", str(path))
    assert ran.returncode == 3
    _told(path, ran.stderr, 2)


def test_without_the_option_every_problem_below_the_default_is_told(tmp_path: Path) -> None:
    """The default (1,000) tells all five."""
    ran = run("validate", str(_without_statements(tmp_path)))
    assert (ran.returncode, len(ran.stderr.splitlines())) == (3, _CLAIMS + 1)  # and the hint


def test_a_registry_for_draft_is_read_under_the_option(tmp_path: Path) -> None:
    """``draft --registry`` reads its files under --max-problems too."""
    path = _without_statements(tmp_path)
    article = tmp_path / "article.txt"
    article.write_text("KCNA said the parade was held.", encoding="utf-8")
    output = tmp_path / "out.json"
    ran = run("draft", str(article), "--source", "s", "--registry", str(path), "-o", str(output), "--max-problems", "1")
    assert ran.returncode == 3
    _told(path, ran.stderr, 1)


def test_log_append_reads_its_file_under_the_option(tmp_path: Path) -> None:
    """``log append`` tells the first N problems of the claim file."""
    path = _without_statements(tmp_path)
    ran = run("log", "append", str(tmp_path / "a.db"), str(path), "--max-problems", "3")
    assert ran.returncode == 3
    _told(path, ran.stderr, 3)


def test_log_import_tells_the_first_n_problems_of_a_log(tmp_path: Path) -> None:
    """``log import`` tells the first N of its lines' problems and counts the rest by kind (it listed them all)."""
    store = tmp_path / "a.db"
    log = factlog.ClaimLog(store)
    log.append(list(world(*(claim(f"c{n}") for n in range(_CLAIMS))).claims))
    lines = "".join(log.export_lines()).splitlines()
    broken = [line.replace('"statement":', '"claim_text":') for line in lines]  # no slip: two problems
    path = tmp_path / "bad.log"
    path.write_text("\n".join(broken) + "\n", encoding="utf-8")
    ran = run("log", "import", str(tmp_path / "b.db"), str(path), "--max-problems", "2")
    assert ran.returncode == 3
    problems = ran.stderr.splitlines()
    assert [line.split(": ", 2)[1].rsplit(":", 1)[0] for line in problems[:2]] == [str(path)] * 2
    # Each claim's line has two problems: its statement missing, a key it does not take.
    assert problems[2] == f"error: and {2 * _CLAIMS - 2} more problems of these kinds:"
    with pytest.raises(factlog.FormatError) as raised:
        factlog.ClaimLog(tmp_path / "c.db").import_lines(path, limits=factlog.Limits(max_problems=2))
    assert (len(raised.value.errors), sum(raised.value.more.values())) == (2, 2 * _CLAIMS - 2)


@pytest.mark.parametrize("given", ["0", "-1", "two", "1.5", "5,0000"])
def test_a_count_that_is_no_whole_number_of_1_or_more_is_a_usage_error(tmp_path: Path, given: str) -> None:
    """0, negatives, words, fractions and misplaced commas exit 2 naming the option; nothing is read."""
    ran = run("validate", "--max-problems", given, str(tmp_path / "missing.json"))
    assert ran.returncode == 2
    assert f"argument --max-problems: expected a whole number of problems, 1 or more, got {given!r}" in ran.stderr


def test_a_count_may_group_thousands(tmp_path: Path) -> None:
    """``1,000`` and ``1_000`` are the default, as --max-rounds reads them."""
    path = _without_statements(tmp_path)
    for given in ("1,000", "1_000"):
        ran = run("validate", "--max-problems", given, str(path))
        assert (ran.returncode, len(ran.stderr.splitlines())) == (3, _CLAIMS + 1)  # and the hint


def test_the_option_is_refused_on_a_cluster(tmp_path: Path) -> None:
    """The workers read the files under the default limits: --max-problems with --workers exits 2, saying so."""
    ran = run("check", "--workers", "1", "--max-problems", "2", str(_without_statements(tmp_path)))
    assert ran.returncode == 2
    assert ran.stderr.strip() == "factlog check: error: --max-problems is not taken with --dask or --workers"
