"""A command started with standard output closed (``>&-``): one line on stderr and exit 3, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.helpers import GOLDEN, ROOT


@pytest.mark.parametrize(
    "args",
    [("schema",), ("check", str(GOLDEN)), ("report", str(GOLDEN), "-o", "-")],
    ids=["schema", "check", "report"],
)
def test_data_to_a_closed_stdout_is_one_line_and_exit_3(args: tuple[str, ...]) -> None:
    """``factlog ARGS >&-``: "cannot write the output: standard output is closed", exit 3."""
    command = [sys.executable, "-m", "factlog", *args]
    ran = subprocess.run(
        ["sh", "-c", 'exec "$@" >&-', "sh", *command],
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert (ran.returncode, ran.stderr) == (3, "error: cannot write the output: standard output is closed\n")
