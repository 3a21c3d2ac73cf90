"""``factlog split`` stopped midway by a signal: nothing half-written is left, neither the folder nor its temporary."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT, generated_lines


@pytest.mark.parametrize(("number", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_split_stopped_midway_leaves_nothing(tmp_path: Path, number: signal.Signals, code: int) -> None:
    """Ctrl-C (exit 130, `interrupted`) or SIGTERM (exit 143) while claim files are written: no folder, no temporary."""
    path = generated_lines(tmp_path, 3000)
    target = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "factlog", "split", str(path), str(target), "--claims-per-file", "1"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        while process.poll() is None and not list(tmp_path.glob(".out.split-*/claims-00002.jsonl")):
            pass  # until the second claim file is being written
        assert process.poll() is None, "the split ended before it could be stopped"
        process.send_signal(number)
        _, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:  # pragma: no cover - only when the test fails
            process.kill()
            process.wait()
    assert process.returncode == code
    assert "Traceback" not in stderr
    assert sorted(child.name for child in tmp_path.iterdir()) == ["claims.jsonl"]
