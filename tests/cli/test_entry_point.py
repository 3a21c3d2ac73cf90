"""The tests that run the installed program itself (what only a real process shows); every other CLI test calls
``cli.main``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import GOLDEN, ROOT, run


def test_python_dash_m_and_console_script_agree_with_main() -> None:
    """`python -m factlog`, the `factlog` script and ``cli.main`` print the same and exit alike."""
    env = {**os.environ, "NO_COLOR": "1"}
    script = Path(sys.executable).parent / "factlog"
    outputs = [
        subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT, env=env)
        for command in (
            [sys.executable, "-m", "factlog", "validate", str(GOLDEN)],
            [str(script), "validate", str(GOLDEN)],
        )
    ]
    expected = run("validate", str(GOLDEN))
    assert expected.returncode == 0
    for output in outputs:
        assert (output.returncode, output.stdout, output.stderr) == (0, expected.stdout, expected.stderr)


def test_a_closed_pipe_exits_quietly() -> None:
    """`factlog schema` into a pipe nobody reads: no traceback, nothing on stderr, exit 141."""
    read, write = os.pipe()
    os.close(read)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "factlog", "schema"], stdout=write, stderr=subprocess.PIPE, cwd=ROOT, check=False
        )
    finally:
        os.close(write)
    assert (result.returncode, result.stderr) == (141, b"")
