"""The terminal: rich panels on a terminal, today's plain text in a pipe, progress only on a terminal."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
import threading
from pathlib import Path

from factlog import Index, check, load, render_text
from factlog.cli._terminal import progress
from factlog.report._disputes import disputes

ROOT = Path(__file__).parent.parent.parent


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TERM")}
    return {**env, "TERM": "xterm-256color", **extra}


def _piped(*args: str, **env: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "factlog", *args], capture_output=True, text=True, cwd=ROOT, env=_env(**env), check=False
    )
    assert result.stderr == ""
    return result.stdout


def _on_terminal(*args: str, **env: str) -> str:
    """Run factlog with stdout on a pseudo-terminal 100 columns wide; what it printed."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "factlog", *args],
        stdout=follower,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        env=_env(COLUMNS="100", **env),
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait()
    os.close(leader)
    return b"".join(chunks).decode("utf-8")


def test_piped_check_is_the_plain_text() -> None:
    """In a pipe, `check` prints exactly render_text's plain format, without colour."""
    expected = render_text(check(load([ROOT / "sources"])))
    assert _piped("check", "sources/") == expected


def test_force_colour_in_a_pipe_colours_the_plain_text() -> None:
    """FORCE_COLOR colours the piped plain format (the same lines, painted)."""
    expected = render_text(check(load([ROOT / "sources"])), colour=True)
    assert _piped("check", "sources/", FORCE_COLOR="1") == expected
    assert _piped("check", "sources/", FORCE_COLOR="1", NO_COLOR="1") == render_text(check(load([ROOT / "sources"])))


def test_terminal_check_groups_disputes_in_coloured_panels() -> None:
    """On a terminal, each dispute is a panel titled by severity, in red for errors."""
    shown = _on_terminal("check", "sources/")
    claims = load([ROOT / "sources"])
    assert shown.count("╭") == len(disputes(check(claims), None, Index.of(claims)))
    assert "\x1b[31m" in shown
    assert "ERROR" in shown.split("╭", 2)[1]
    assert "making 4 disputes and 3 other findings" in shown


def test_terminal_check_shows_each_claim_once_per_dispute_under_its_origin() -> None:
    """The Tresk story on a terminal: the ministry's two denials once each, under their origin, marked interested."""
    shown = _on_terminal("check", "tests/report/tresk", NO_COLOR="1")
    first = shown.split("╭")[1]
    for claim in ("wire-shelled", "meridian-shelled", "wire-denial", "mod-rejects"):
        assert first.count(f"[{claim}]") == 1, claim
    assert "origin: Corva, through Corvan Ministry of Defence" in first
    assert first.count("interested party") == 2


def test_no_color_on_a_terminal_drops_colour_but_keeps_panels() -> None:
    """NO_COLOR keeps the layout and removes every colour code."""
    shown = _on_terminal("check", "sources/", NO_COLOR="1")
    assert "╭" in shown
    assert "\x1b[31m" not in shown
    assert "\x1b[33m" not in shown


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _wait_for(stream: io.StringIO, text: str) -> None:
    """Wait (10 s at most) until ``text`` is drawn on ``stream`` by the spinner's thread."""
    for _ in range(1000):
        if text in stream.getvalue():
            return
        threading.Event().wait(0.01)


def test_progress_draws_on_a_terminal_after_the_delay() -> None:
    """A step still running after the delay shows its label on a terminal stream."""
    stream = _Terminal()
    with progress("loading claims", stream=stream, delay=0.0):
        _wait_for(stream, "loading")
    assert "loading claims" in stream.getvalue()


def test_progress_shows_the_stage_a_step_gives_after_its_label() -> None:
    """The function progress gives shows ``label: stage`` on a terminal stream."""
    stream = _Terminal()
    with progress("checking claims in compact form", stream=stream, delay=0.0) as stage:
        stage("bin 2 of 5")
        _wait_for(stream, "bin 2 of 5")
    assert "checking claims in compact form: bin 2 of 5" in stream.getvalue()


def test_progress_never_draws_in_a_pipe() -> None:
    """A stream that is not a terminal gets nothing, however long the step."""
    stream = io.StringIO()
    with progress("loading claims", stream=stream, delay=0.0) as stage:
        stage("a stage")
        threading.Event().wait(0.05)
    assert stream.getvalue() == ""


def test_assess_lists_disputed_propositions_first() -> None:
    """`assess` opens with the propositions that have an origin against them."""
    blocks = _piped("assess", "sources/").split("\n\n")
    against = ["\n    against:" in block for block in blocks[:-1]]  # not "also against:", an origin listed for
    assert against[0]
    assert against == sorted(against, reverse=True)


def test_colour_never_on_a_terminal_keeps_panels_without_colour() -> None:
    """`--colour never` on a terminal: the rich layout without colour codes; `always`: with them."""
    plain = _on_terminal("check", "sources/", "--colour", "never")
    assert "╭" in plain
    assert "\x1b[31m" not in plain
    assert "\x1b[31m" in _on_terminal("check", "sources/", "--colour", "always")


def test_terminal_summary_counts_in_the_plural_as_the_plain_text() -> None:
    """The rich summary line says '3 errors, 2 warnings, 4 info', as the plain summary does, and of 9 findings."""
    from rich.console import Console  # noqa: PLC0415 - the [report] extra

    from factlog.report._terminal import print_report  # noqa: PLC0415

    console = Console(file=io.StringIO(), width=100, color_system=None)
    print_report(check(load([ROOT / "sources"])), console)
    last = console.file.getvalue().splitlines()[-1]  # type: ignore[attr-defined]
    assert last == (
        "106 claims checked: 9 findings (3 errors, 2 warnings, 4 info) making 4 disputes and 3 other findings"
    )
    assert render_text(check(load([ROOT / "sources"]))).rstrip().endswith("3 errors, 2 warnings, 4 info")
