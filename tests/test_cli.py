"""The command line, run through its real entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema

GOLDEN = Path(__file__).parent / "golden" / "v1.json"
ROOT = Path(__file__).parent.parent


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run ``python -m factlog`` as a user would, capturing both streams."""
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "factlog", *args], capture_output=True, text=True, cwd=cwd, env=env, check=False
    )


def test_validate_accepts_a_valid_file() -> None:
    """A valid file: exit 0 and a one-line summary on stdout."""
    result = run("validate", str(GOLDEN))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ok: 5 entities, 2 predicates, 1 sources, 3 claims\n"


def test_validate_prints_every_error_and_exits_3(tmp_path: Path) -> None:
    """Each problem goes to stderr on its own line with file and path; exit 3, no traceback."""
    data = json.loads(GOLDEN.read_text())
    data["claims"][0]["certainty"] = "sure"
    data["entities"][0]["kind"] = "nation"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data))
    result = run("validate", str(broken))
    assert result.returncode == 3
    lines = result.stderr.splitlines()
    assert lines == [
        f"error: {broken}: $.entities[0].kind: expected one of country, government-body, political-party, person,"
        " media-outlet, organisation, group, event, place, agreement, other, got 'nation'",
        f"error: {broken}: $.claims[0].certainty: expected one of uncommitted, possible, probable, certain, got 'sure'",
    ]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_validate_missing_file_exits_3(tmp_path: Path) -> None:
    """A path that does not exist is unreadable input: exit 3."""
    result = run("validate", str(tmp_path / "nothing.json"))
    assert result.returncode == 3
    assert "no such file or folder" in result.stderr


def test_validate_truncated_json_exits_3(tmp_path: Path) -> None:
    """Truncated JSON is reported with its line and column."""
    broken = tmp_path / "cut.json"
    broken.write_text(GOLDEN.read_text()[:200])
    result = run("validate", str(broken))
    assert result.returncode == 3
    assert f"{broken}: $: invalid JSON at line" in result.stderr


def test_usage_error_exits_2() -> None:
    """An unknown command is a usage error: exit 2 with usage on stderr."""
    result = run("frobnicate")
    assert result.returncode == 2
    assert "usage: factlog" in result.stderr


def test_schema_prints_a_valid_json_schema() -> None:
    """`factlog schema` prints the schema, which validates the golden file."""
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator(schema).validate(json.loads(GOLDEN.read_text()))


def test_help_lists_commands_and_exit_codes() -> None:
    """--help names every command and the exit codes."""
    result = run("--help")
    assert result.returncode == 0
    for word in ("validate", "schema", "Exit codes"):
        assert word in result.stdout
