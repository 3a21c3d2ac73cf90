"""SIGTERM (``kill PID``) while a command runs: stopped as a Ctrl-C stops it, one line ``terminated``, exit 143."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from factlog.cli import main
from factlog.cli._streams import EXIT_TERMINATED


def test_sigterm_mid_write_leaves_no_temporary_and_exits_143(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A draft's output being written when SIGTERM arrives: no output, no temporary beside it, ``terminated``."""
    article = tmp_path / "story.txt"
    article.write_text("Officials said on Monday that the talks had ended.\\n", encoding="utf-8")
    originals = {name: getattr(os, name) for name in ("link", "replace")}

    def killed_while(name: str) -> object:
        def move(*args: object, **kwargs: object) -> None:
            signal.raise_signal(signal.SIGTERM)
            originals[name](*args, **kwargs)  # pragma: no cover - the signal stops it first

        return move

    for name in originals:  # the temporary is moved in by a hard link (a new file) or a rename
        monkeypatch.setattr(os, name, killed_while(name))
    before = signal.getsignal(signal.SIGTERM)
    target = tmp_path / "drafts"
    target.mkdir()
    assert main(["draft", str(article), "--source", "wire", "-o", str(target / "story.json")]) == EXIT_TERMINATED
    assert capsys.readouterr().err == "terminated\n"
    assert sorted(path.name for path in target.iterdir()) == []
    assert signal.getsignal(signal.SIGTERM) == before  # put back once the command has ended
