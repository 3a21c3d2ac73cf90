"""What the distributed tests share."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import attrs

import factlog
from tests.helpers import ROOT


def acknowledging_one(claims: factlog.ClaimSet) -> factlog.ClaimSet:
    """The set with its first finding acknowledged, so acknowledgement marks are compared too."""
    findings = factlog.check(claims).findings
    if not findings:
        return claims
    return attrs.evolve(claims, acknowledged=(factlog.Acknowledgement(finding=findings[0].id, note="seen"),))


def interrupted_once_running(
    script: Path, flag: Path, *args: str, number: signal.Signals = signal.SIGINT
) -> tuple[int, str, str]:
    """Run ``script`` (with ``flag`` and ``args``) in its own process group, as a command in a terminal runs.

    Once the script creates ``flag`` (within 120 s), SIGINT goes to the group, as Ctrl-C
    sends it, or ``number`` (SIGTERM) to the script's process alone, as ``kill PID`` does;
    returns ``(exit code, stderr, stdout)``.
    """
    with subprocess.Popen(
        [sys.executable, str(script), str(flag), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        start_new_session=True,
    ) as run:
        deadline = time.monotonic() + 120
        while not flag.exists() and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert flag.exists(), "the run never reached the moment to interrupt"
        if number == signal.SIGINT:
            os.killpg(run.pid, number)
        else:
            os.kill(run.pid, number)
        out, err = run.communicate(timeout=120)
    return run.returncode, err, out
