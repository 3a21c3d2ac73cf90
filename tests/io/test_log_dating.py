"""The log's times on the command line: `log append --at` replays a history; `--as-of` finding nothing says so."""

from __future__ import annotations

import json
from pathlib import Path

import factlog
from tests.helpers import GOLDEN, run


def _split_golden(tmp_path: Path) -> list[Path]:
    """The golden claim set as two files: its entities, predicates and sources; then its claims."""
    data = json.loads(GOLDEN.read_text(encoding="utf-8"))
    first = {key: value for key, value in data.items() if key != "claims"}
    second = {"format": "factlog", "version": 1, "claims": data["claims"]}
    paths = [tmp_path / "monday.json", tmp_path / "tuesday.json"]
    for path, part in zip(paths, (first, second), strict=True):
        path.write_text(json.dumps(part), encoding="utf-8")
    return paths


def test_append_at_dates_each_day_so_as_of_replays_the_week_day_by_day(tmp_path: Path) -> None:
    """`log append --at DAY` for each day in order: `log show --as-of` the first day gives that day's records only."""
    monday, tuesday = _split_golden(tmp_path)
    store = tmp_path / "week.db"
    first = run("log", "append", str(store), str(monday), "--at", "2026-11-23")
    assert first.stdout.endswith(" at 2026-11-23T00:00:00.000000Z\n"), first.stderr
    second = run("log", "append", str(store), str(tuesday), "--at", "2026-11-24T09:30:00Z")
    assert second.stdout.endswith(" at 2026-11-24T09:30:00.000000Z\n"), second.stderr
    on_monday = factlog.loads(run("log", "show", str(store), "--as-of", "2026-11-23").stdout)
    assert (on_monday.claims, len(on_monday.sources)) == ((), 1)
    assert factlog.loads(run("log", "show", str(store), "--as-of", "2026-11-24").stdout) == factlog.load(GOLDEN)


def test_append_at_the_latest_stored_time_or_before_is_one_line_exit_3_naming_it(tmp_path: Path) -> None:
    """An `--at` not strictly after the store's latest append is refused, exit 3, in one line naming that time."""
    monday, tuesday = _split_golden(tmp_path)
    store = tmp_path / "week.db"
    assert run("log", "append", str(store), str(monday), "--at", "2026-11-24").returncode == 0
    before = store.read_bytes()
    for at in ("2026-11-24", "2026-11-23T12:00:00Z"):
        refused = run("log", "append", str(store), str(tuesday), "--at", at)
        assert refused.returncode == 3
        [line] = refused.stderr.splitlines()
        assert "is not after the store's latest append (2026-11-24T00:00:00.000000Z)" in line
    assert store.read_bytes() == before


def test_append_at_a_time_that_is_none_or_in_the_future_is_a_usage_error(tmp_path: Path) -> None:
    """`--at yesterday` and `--at 2999-01-01` are usage errors (exit 2) naming --at; no store is made."""
    store = tmp_path / "week.db"
    for at, reason in (("yesterday", "expected a UTC time"), ("2999-01-01", "in the future")):
        refused = run("log", "append", str(store), str(GOLDEN), "--at", at)
        assert (refused.returncode, "--at:" in refused.stderr, reason in refused.stderr) == (2, True, True)
    assert not store.exists()


def test_show_as_of_before_any_append_says_so_on_stderr_and_points_to_assess(tmp_path: Path) -> None:
    """`log show --as-of` before the first append: exit 0, valid JSON out, and stderr names the first append time."""
    store = tmp_path / "claims.db"
    run("log", "append", str(store), str(GOLDEN), "--at", "2026-11-30")
    shown = run("log", "show", str(store), "--as-of", "2026-11-25")
    assert shown.returncode == 0
    assert factlog.loads(shown.stdout) == factlog.ClaimSet()
    assert f"nothing was appended to {store} by 2026-11-25" in shown.stderr
    assert "its first append is at 2026-11-30T00:00:00.000000Z" in shown.stderr
    assert "factlog assess --as-of 2026-11-25" in shown.stderr
    exported = run("log", "export", str(store), "--as-of", "2026-11-25")
    assert (exported.returncode, exported.stdout.count("\n")) == (0, 1)
    assert "nothing was appended" in exported.stderr
    assert run("log", "show", str(store), "--as-of", "2026-11-30").stderr == ""


def test_retract_at_dates_the_retraction_so_the_replay_holds_the_claim_until_then(tmp_path: Path) -> None:
    """`log retract --at` dates a withdrawal in a replayed week: the claim is held the day before, not the day after;
    an `--at` not after the store's latest append is refused, exit 3, and a time that is none is exit 2."""
    store = tmp_path / "week.db"
    run("log", "append", str(store), str(GOLDEN), "--at", "2026-11-23")
    claim = factlog.load(GOLDEN).claims[0].id
    retracted = run("log", "retract", str(store), claim, "--reason", "withdrawn", "--at", "2026-11-25")
    assert retracted.stdout == f"retracted {claim} in {store} at 2026-11-25T00:00:00.000000Z\n", retracted.stderr
    held = {c.id for c in factlog.loads(run("log", "show", str(store), "--as-of", "2026-11-24").stdout).claims}
    after = {c.id for c in factlog.loads(run("log", "show", str(store), "--as-of", "2026-11-26").stdout).claims}
    assert (claim in held, claim in after) == (True, False)
    other = factlog.load(GOLDEN).claims[1].id
    before = store.read_bytes()
    late = run("log", "retract", str(store), other, "--reason", "x", "--at", "2026-11-24")
    assert late.returncode == 3
    assert "is not after the store's latest append (2026-11-25T00:00:00.000000Z)" in late.stderr
    assert run("log", "retract", str(store), other, "--reason", "x", "--at", "soon").returncode == 2
    assert store.read_bytes() == before


def test_a_snapshot_as_of_before_any_append_says_so_on_stderr(tmp_path: Path) -> None:
    """`log export --as-of T --to FOLDER` before the first append writes the empty set and says so on stderr."""
    store = tmp_path / "claims.db"
    run("log", "append", str(store), str(GOLDEN), "--at", "2026-11-30")
    empty = run("log", "export", str(store), "--as-of", "2026-11-25", "--to", str(tmp_path / "snap"))
    assert empty.returncode == 0
    assert f"nothing was appended to {store} by 2026-11-25" in empty.stderr
    held = run("log", "export", str(store), "--as-of", "2026-11-30", "--to", str(tmp_path / "later"))
    assert (held.returncode, held.stderr) == (0, "")
