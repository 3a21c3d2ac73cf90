"""Output whose locale is not UTF-8 (``PYTHONIOENCODING=latin-1``): the same UTF-8 bytes, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.helpers import ROOT

SOURCES = str(ROOT / "sources")


def _run(args: tuple[str, ...], encoding: str) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run(
        [sys.executable, "-m", "factlog", *args], capture_output=True, check=False, cwd=ROOT, env=environment
    )


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
@pytest.mark.parametrize(
    "args",
    [("check", SOURCES, "--format", "json"), ("check", SOURCES), ("assess", SOURCES, "--format", "json")],
    ids=["check-json", "check-text", "assess-json"],
)
def test_output_is_the_utf8_bytes_whatever_the_locale_s_encoding(args: tuple[str, ...], encoding: str) -> None:
    """Data and text written to a file or pipe are UTF-8 under any ``PYTHONIOENCODING``: never cut by a traceback."""
    expected = _run(args, "utf-8")
    ran = _run(args, encoding)
    assert any(byte > 0x7F for byte in expected.stdout)  # the bundled names need more than ASCII
    assert (ran.returncode, ran.stdout, b"Traceback" in ran.stderr) == (expected.returncode, expected.stdout, False)
