"""``report -o`` below an input folder: which pages it writes again, and which paths it refuses."""

from __future__ import annotations

import fcntl
import os
import stat
import sys
from pathlib import Path

import pytest

from tests.helpers import GOLDEN, run


@pytest.mark.parametrize("name", ["report.json", "nested/report.jsonl"])
def test_report_refuses_a_new_page_that_the_next_run_would_read_as_claims(tmp_path: Path, name: str) -> None:
    """A page named .json or .jsonl below an input folder would be read (and refused) as claims by the next run."""
    (tmp_path / "claims.json").write_bytes(GOLDEN.read_bytes())
    page = tmp_path / name
    page.parent.mkdir(exist_ok=True)
    result = run("report", str(tmp_path), "-o", str(page))
    assert result.returncode == 2, result.stderr
    assert "would be read as an input" in result.stderr
    assert not page.exists()
    assert run("validate", str(tmp_path)).returncode == 0


def test_report_does_not_take_another_tool_s_page_for_its_own(tmp_path: Path) -> None:
    """A page whose generator only begins with "factlog" (another tool's name) is not an earlier report: refused."""
    (tmp_path / "claims.json").write_bytes(GOLDEN.read_bytes())
    notes = tmp_path / "notes.html"
    text = '<!doctype html>\n<meta name="generator" content="factlogger 2.0">\n<p>my notes</p>\n'
    notes.write_text(text, encoding="utf-8")
    result = run("report", str(tmp_path), "-o", str(notes))
    assert result.returncode == 2
    assert notes.read_text(encoding="utf-8") == text


def test_report_writes_through_a_link_to_its_own_earlier_page(tmp_path: Path) -> None:
    """A link below the input folder to a page written earlier outside it is written through; the link stays."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "claims.json").write_bytes(GOLDEN.read_bytes())
    page = tmp_path / "page.html"
    assert run("report", str(folder), "-o", str(page)).returncode == 0
    link = folder / "link.html"
    link.symlink_to(page)
    page.write_text(page.read_text(encoding="utf-8").replace("<title>", "<title>stale "), encoding="utf-8")
    result = run("report", str(folder), "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert "stale" not in page.read_text(encoding="utf-8")


def test_report_writes_into_a_named_pipe_below_an_input_folder(tmp_path: Path) -> None:
    """A FIFO below an input folder is no page to keep: the page goes through it, never read as an earlier one."""
    (tmp_path / "claims.json").write_bytes(GOLDEN.read_bytes())
    fifo = tmp_path / "page.html"
    os.mkfifo(fifo)
    # Both ends at once, holding bytes already, and room for the page: nothing here waits for another.
    descriptor = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
    try:
        fcntl.fcntl(descriptor, fcntl.F_SETPIPE_SZ, 1 << 20)
        os.write(descriptor, b"-" * 1024)
        result = run("report", str(tmp_path), "-o", str(fifo))
        read = os.read(descriptor, 1 << 20)
    finally:
        os.close(descriptor)
    assert result.returncode == 0, result.stderr
    assert read[1024:].startswith(b"<!doctype html>")
    assert read.endswith(b"</html>\n")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.parametrize("module", ["networkx", "jinja2"])
def test_report_without_the_report_extra_names_it_in_one_line(
    tmp_path: Path, module: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without networkx or Jinja2 (a plain install): one error line naming the [report] extra, exit 3, no page."""
    monkeypatch.setitem(sys.modules, module, None)  # importing it now raises ModuleNotFoundError
    page = tmp_path / "report.html"
    result = run("report", str(GOLDEN), "-o", str(page))
    assert (result.returncode, result.stdout) == (3, "")
    assert result.stderr == (
        f"error: factlog report needs {module}, in the [report] extra of factlog-claims:"
        " pip install '.[report]' in a checkout of factlog\n"
    )
    assert not page.exists()
