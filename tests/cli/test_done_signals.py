"""Once the command has returned its code, SIGTERM (as Ctrl-C) ends nothing: the exit code is the command's."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.helpers import ROOT

_KILLED_ON_THE_WAY_OUT = """
import os, signal, sys
import factlog.cli
import _factlog_cli
factlog.cli.main = lambda: 0  # the command's work done: an append committed, its line printed
code = _factlog_cli.main()
os.kill(os.getpid(), signal.SIGTERM)  # a batch job's time limit, landing while the interpreter exits
sys.exit(code)
"""


def test_sigterm_after_the_command_returned_leaves_its_exit_code() -> None:
    """A SIGTERM once the command has returned: exit 0 (the command's code), not 143."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    ran = subprocess.run(
        [sys.executable, "-c", _KILLED_ON_THE_WAY_OUT], capture_output=True, env=environment, check=False
    )
    assert (ran.returncode, ran.stderr) == (0, b"")
