"""Where a draft goes: never over a file unasked, the claims before the text, no text beside a pipe or device."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import factlog
from tests.helpers import devices_guarded, read_end, run
from tests.syscalls import at_call

TEXT = "Kim visited Moscow, KCNA said.\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """An article in a folder of its own, apart from the outputs."""
    (tmp_path / "in").mkdir()
    path = tmp_path / "in" / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_an_existing_output_is_refused_naming_it_and_force(tmp_path: Path, article: Path) -> None:
    """``-o FILE`` over an existing file exits 2 naming the file and --force, and leaves it unchanged."""
    output = tmp_path / "x.json"
    output.write_text("reviewed", encoding="utf-8")
    ran = run("draft", str(article), "--source", "x", "-o", str(output))
    assert ran.returncode == 2
    assert f"-o {output}: the file exists (a draft reviewed since?): give --force to replace it" in ran.stderr
    assert output.read_text(encoding="utf-8") == "reviewed"
    assert not (tmp_path / "x.txt").exists()


def test_force_replaces_an_existing_output(tmp_path: Path, article: Path) -> None:
    """With --force the draft replaces the file."""
    output = tmp_path / "x.json"
    output.write_text("reviewed", encoding="utf-8")
    ran = run("draft", str(article), "--source", "x", "-o", str(output), "--force")
    assert ran.returncode == 0, ran.stderr
    assert [claim.draft for claim in factlog.load(output).claims] == [True]


def test_other_text_where_the_article_goes_is_refused_and_nothing_written(tmp_path: Path, article: Path) -> None:
    """A different ID.txt beside the output: exit 2 naming it and --force, nothing written; the same text passes."""
    (tmp_path / "x.txt").write_text("notes of mine", encoding="utf-8")
    ran = run("draft", str(article), "--source", "x", "-o", str(tmp_path / "x.json"))
    assert ran.returncode == 2
    assert f"{tmp_path / 'x.txt'} holds another text than the article" in ran.stderr
    assert "give --force to replace it" in ran.stderr
    assert (tmp_path / "x.txt").read_text(encoding="utf-8") == "notes of mine"
    assert not (tmp_path / "x.json").exists()
    (tmp_path / "x.txt").write_text(TEXT, encoding="utf-8")
    assert run("draft", str(article), "--source", "x", "-o", str(tmp_path / "x.json")).returncode == 0


def test_an_output_at_the_texts_own_path_is_refused_even_with_force(tmp_path: Path, article: Path) -> None:
    """``-o cl/x.txt`` names where the article's text goes: exit 2, with --force too, and nothing written."""
    output = tmp_path / "cl" / "x.txt"
    ran = run("draft", str(article), "--source", "x", "-o", str(output), "--force")
    assert ran.returncode == 2
    assert f"-o {output}: the article's text goes there" in ran.stderr
    assert not output.exists()


def test_the_claims_are_written_before_the_text(tmp_path: Path, article: Path) -> None:
    """A failure at the second rename leaves the claims written and no text: the claims come first."""
    output = tmp_path / "x.json"

    def fail() -> None:
        raise OSError(28, "No space left on device")

    with at_call({2}, fail, names=("replace",), before=True):
        ran = run("draft", str(article), "--source", "x", "-o", str(output))
    assert ran.returncode == 3
    assert (output.exists(), (tmp_path / "x.txt").exists()) == (True, False)


def test_a_draft_into_a_named_pipe_stores_no_text_and_says_so(tmp_path: Path, article: Path) -> None:
    """``-o FIFO``: the claims go through the pipe, no text is written beside it, a warning names the text's name."""
    fifo = tmp_path / "pipe"
    with read_end(fifo) as read:
        ran = run("draft", str(article), "--source", "x", "-o", str(fifo))
    assert ran.returncode == 0, ran.stderr
    assert factlog.loads(b"".join(read).decode()).claims
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in", "pipe"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert (
        f"into {fifo}, a device, pipe or descriptor; the article's text is stored nowhere (store it as x.txt"
        in ran.stderr
    )


def test_a_draft_to_dev_null_makes_nothing_in_dev(article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``-o /dev/null`` writes into the device: no /dev/x.txt, /dev/null still the device."""
    devices_guarded(monkeypatch)
    ran = run("draft", str(article), "--source", "x", "-o", "/dev/null")
    assert ran.returncode == 0, ran.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert not os.path.lexists("/dev/x.txt")


def test_dash_as_output_writes_the_claims_to_standard_output(tmp_path: Path, article: Path) -> None:
    """``-o -``: the bytes a file would hold go to stdout, nothing is written, a note goes to stderr."""
    ran = run("draft", str(article), "--source", "x", "-o", "-", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in"]
    assert run("draft", str(article), "--source", "x", "-o", "x.json", cwd=tmp_path).returncode == 0
    assert ran.stdout == (tmp_path / "x.json").read_text(encoding="utf-8")
    assert "to standard output; the article's text is stored nowhere (store it as x.txt" in ran.stderr


def test_dash_as_article_reads_standard_input(tmp_path: Path, article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``-`` as ARTICLE reads stdin: the draft of a file, with the text stored as ID.txt."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode())))
    ran = run("draft", "-", "--source", "x", "-o", str(tmp_path / "x.json"))
    assert ran.returncode == 0, ran.stderr
    assert "from standard input into" in ran.stdout
    assert (tmp_path / "x.txt").read_text(encoding="utf-8") == TEXT
    assert factlog.load(tmp_path / "x.json").claims == factlog.draft(TEXT, source="x", document="x.txt").claims


def test_write_draft_refuses_an_existing_file_unless_forced(tmp_path: Path) -> None:
    """The library refuses an existing claims file with an ArgumentError naming it, and replaces it with force."""
    claims, target = factlog.draft(TEXT, source="x"), tmp_path / "x.json"
    target.write_text("reviewed", encoding="utf-8")
    with pytest.raises(factlog.ArgumentError, match=rf"^factlog\.write_draft: {target} exists: give force=True"):
        factlog.write_draft(claims, TEXT, target)
    assert target.read_text(encoding="utf-8") == "reviewed"
    factlog.write_draft(claims, TEXT, target, force=True)
    assert factlog.load(target).claims == claims.claims


def test_write_draft_refuses_other_text_unless_forced(tmp_path: Path) -> None:
    """Other text at the document's name is an ArgumentError naming it; nothing is written."""
    claims = factlog.draft(TEXT, source="x")
    (tmp_path / "document.txt").write_text("other", encoding="utf-8")
    with pytest.raises(factlog.ArgumentError, match=r"document\.txt holds another text than that of source x"):
        factlog.write_draft(claims, TEXT, tmp_path / "x.json")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["document.txt"]


def test_a_draft_to_standard_output_by_path_stores_no_text_beside_it(tmp_path: Path, article: Path) -> None:
    """``-o /proc/self/fd/1`` with stdout a file: the claims go into that file, and no text is stored anywhere."""
    output = tmp_path / "out.json"
    with output.open("wb") as stdout:
        ran = subprocess.run(
            [sys.executable, "-m", "factlog", "draft", str(article), "--source", "x", "-o", "/proc/self/fd/1"],
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert ran.returncode == 0, ran.stderr
    assert factlog.loads(output.read_text(encoding="utf-8")).claims  # and nothing else
    assert "the article's text is stored nowhere (store it as x.txt" in ran.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in", "out.json"]


def test_write_draft_refuses_a_folder_where_the_text_goes(tmp_path: Path) -> None:
    """A folder at the document's name is an InputError naming it, whatever force; nothing is written."""
    claims = factlog.draft(TEXT, source="x")
    (tmp_path / "document.txt").mkdir()
    with pytest.raises(factlog.InputError, match=r"document\.txt: cannot store the text of source x: not a regular"):
        factlog.write_draft(claims, TEXT, tmp_path / "x.json", force=True)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["document.txt"]
