"""Where a draft goes: never over a file unasked, the claims before the text, no text beside a pipe or device."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import factlog
from factlog.cli import _draft
from factlog.drafting import _writing
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
    """A failure at the second rename (or link, for a new file) leaves the claims written and no text: claims first."""
    output = tmp_path / "x.json"

    def fail() -> None:
        raise OSError(28, "No space left on device")

    with at_call({2}, fail, names=("replace", "link"), before=True):
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


def _closed(redirect: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``factlog ARGS...`` started by a shell with ``redirect`` (``<&-``, ``>&-``, ``0>FILE``); stderr captured."""
    command = [sys.executable, "-m", "factlog", *args]
    return subprocess.run(
        ["sh", "-c", f'exec "$@" {redirect}', "sh", *command],
        input=stdin,
        stdout=subprocess.DEVNULL if ">&-" not in redirect else None,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )


def test_a_non_utf8_article_name_beside_the_output_is_stored_as_source_txt(tmp_path: Path) -> None:
    """An article named with bytes no UTF-8 decodes, beside the output: the text goes to SOURCE.txt, with a note."""
    (tmp_path / os.fsdecode(b"a\xfe.txt")).write_text(TEXT, encoding="utf-8")
    ran = run("draft", os.fsdecode(b"a\xfe.txt"), "--source", "s5", "-o", "s5.json", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert [source.document for source in factlog.load(tmp_path / "s5.json").sources] == ["s5.txt"]
    assert (tmp_path / "s5.txt").read_text(encoding="utf-8") == TEXT
    assert "a\\udcfe.txt is no UTF-8 name, which a claims file cannot hold: the article's text is stored as s5.txt" in (
        ran.stderr
    )
    assert "drafted 1 claim from a\\udcfe.txt into s5.json" in ran.stdout


@pytest.mark.parametrize(
    ("redirect", "stdin", "said"),
    [
        ("<&-", None, "error: standard input: cannot read: it is closed"),
        (">&-", "Kim said talks resume.\n", "error: cannot write the output: standard output is closed"),
        ("0>/dev/null", None, "error: standard input: cannot read: Bad file descriptor"),
    ],
)
def test_closed_standard_streams_are_one_line_and_exit_3(redirect: str, stdin: str | None, said: str) -> None:
    """``draft - -o -`` with stdin closed or write-only, or stdout closed: one line naming the stream, exit 3."""
    ran = _closed(redirect, "draft", "-", "--source", "s", "-o", "-", stdin=stdin)
    assert (ran.returncode, ran.stderr) == (3, said + "\n")


def test_a_draft_to_dev_stdout_with_stdout_closed_says_it_is_closed(article: Path) -> None:
    """``-o /dev/stdout`` with stdout closed names the closed stream, not a missing folder; exit 3."""
    ran = _closed(">&-", "draft", str(article), "--source", "s", "-o", "/dev/stdout")
    assert ran.returncode == 3
    assert ran.stderr == "error: /dev/stdout: cannot write: standard output is closed\n"


def test_a_draft_to_a_file_with_stdout_closed_is_written_and_exits_0(tmp_path: Path, article: Path) -> None:
    """With stdout closed, a draft into a file is written all the same: the line saying so is no data."""
    ran = _closed(">&-", "draft", str(article), "--source", "s", "-o", str(tmp_path / "s.json"))
    assert (ran.returncode, ran.stderr) == (0, "")
    assert factlog.load(tmp_path / "s.json").claims


def _racing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each draft looks for clashes, then waits until the other has looked too: both find the place free."""

    looked = threading.Barrier(2, timeout=10)
    real = _writing.clashes

    def then_wait(claims: factlog.ClaimSet, text: str, path: Path) -> list[_writing.Clash]:
        found = real(claims, text, path)
        looked.wait()
        return found

    monkeypatch.setattr(_writing, "clashes", then_wait)


def test_two_drafts_racing_to_one_new_output_one_wins_one_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both find no file, then both write: exactly one draft is written, the other refused naming the file."""
    _racing(monkeypatch)
    target, outcomes = tmp_path / "out" / "s.json", [None, None]
    texts = ["Kim said talks would resume.\n", "Lee said talks had ended.\n"]

    def write(index: int) -> None:
        try:
            factlog.write_draft(factlog.draft(texts[index], source="s"), texts[index], target)
            outcomes[index] = "written"
        except factlog.ArgumentError as error:
            outcomes[index] = str(error)

    threads = [threading.Thread(target=write, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(map(str, outcomes)) == [
        f"factlog.write_draft: {target} exists: give force=True to replace it",
        "written",
    ]
    winner = outcomes.index("written")
    assert (tmp_path / "out" / "document.txt").read_text(encoding="utf-8") == texts[winner]
    assert factlog.load(target).claims == factlog.draft(texts[winner], source="s").claims


def test_an_output_made_after_the_look_is_refused_on_the_command_line(
    tmp_path: Path, article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file made at -o between the look for clashes and the write: exit 2 naming it and --force, file kept."""

    output = tmp_path / "x.json"
    output.write_text("made meanwhile", encoding="utf-8")
    monkeypatch.setattr(_draft, "clashes", lambda *_: [])
    monkeypatch.setattr(_writing, "clashes", lambda *_: [])
    ran = run("draft", str(article), "--source", "x", "-o", str(output))
    assert ran.returncode == 2
    assert f"-o {output}: the file exists (a draft reviewed since?): give --force to replace it" in ran.stderr
    assert output.read_text(encoding="utf-8") == "made meanwhile"
    assert not (tmp_path / "x.txt").exists()


def test_other_text_made_after_the_look_is_refused_and_the_claims_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Other text made at ID.txt after the look: an ArgumentError naming it, the text kept, no claims left."""

    monkeypatch.setattr(_writing, "clashes", lambda *_: [])
    (tmp_path / "x.txt").write_text("notes of mine", encoding="utf-8")
    claims = factlog.draft(TEXT, source="x", document="x.txt")
    with pytest.raises(factlog.ArgumentError, match=r"x\.txt holds another text than that of source x"):
        factlog.write_draft(claims, TEXT, tmp_path / "x.json")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["x.txt"]
    assert (tmp_path / "x.txt").read_text(encoding="utf-8") == "notes of mine"


def test_a_document_in_a_subfolder_gets_its_folder_made(tmp_path: Path) -> None:
    """``document="sub/x.txt"``: the folder sub is made beside the claims, and the text written into it."""
    claims = factlog.draft(TEXT, source="x", document="sub/x.txt")
    factlog.write_draft(claims, TEXT, tmp_path / "f" / "out.json")
    assert (tmp_path / "f" / "sub" / "x.txt").read_text(encoding="utf-8") == TEXT
    assert factlog.load(tmp_path / "f" / "out.json").claims == claims.claims


def test_a_document_folder_that_cannot_be_made_leaves_nothing_written(tmp_path: Path) -> None:
    """A file where the document's folder goes: an InputError naming it, before the claims are written."""
    (tmp_path / "f").mkdir()
    (tmp_path / "f" / "sub").write_text("a file", encoding="utf-8")
    claims = factlog.draft(TEXT, source="x", document="sub/x.txt")
    with pytest.raises(factlog.InputError, match=r"sub: cannot make the folder"):
        factlog.write_draft(claims, TEXT, tmp_path / "f" / "out.json")
    assert sorted(path.name for path in (tmp_path / "f").iterdir()) == ["sub"]


def test_an_output_ending_in_a_slash_is_a_folder_for_source_draft_json(tmp_path: Path, article: Path) -> None:
    """``-o newdir/``: claims to newdir/SOURCE.draft.json, the text beside them, none in the current folder."""
    ran = run("draft", str(article), "--source", "s7", "-o", "newdir/", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert sorted(path.name for path in (tmp_path / "newdir").iterdir()) == ["s7.draft.json", "s7.txt"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in", "newdir"]


@pytest.mark.parametrize("text", ["", " \n\t\n"])
def test_an_article_with_no_text_is_drafted_with_a_warning(tmp_path: Path, text: str) -> None:
    """An empty or blank article: the empty draft is written, exit 0, and one warning line says there is no text."""
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    ran = run("draft", "a.txt", "--source", "x", "-o", "out/x.json", cwd=tmp_path)
    assert ran.returncode == 0
    assert ran.stderr == "factlog draft: warning: a.txt holds no text: the draft has no claim\n"
    assert factlog.load(tmp_path / "out" / "x.json").claims == ()


def test_a_line_break_in_a_path_is_shown_escaped_on_one_line(tmp_path: Path) -> None:
    """An article named ``a<newline>b.txt``: the line saying what was drafted stays one line."""
    (tmp_path / "a\nb.txt").write_text(TEXT, encoding="utf-8")
    ran = run("draft", "a\nb.txt", "--source", "x", "-o", "x.json", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout == "drafted 1 claim from a\\x0ab.txt into x.json\n"


def test_a_line_break_in_a_refused_output_is_shown_escaped_on_one_line(tmp_path: Path, article: Path) -> None:
    """An existing output named ``x<newline>y.json``: the refusal is one line, the break shown as ``\\x0a``."""
    (tmp_path / "x\ny.json").write_text("reviewed", encoding="utf-8")
    ran = run("draft", str(article), "--source", "x", "-o", "x\ny.json", cwd=tmp_path)
    assert ran.returncode == 2
    assert ran.stderr == (
        "factlog draft: error: -o x\\x0ay.json: the file exists (a draft reviewed since?): give --force to replace it\n"
    )


def test_force_over_read_only_other_text_writes_no_claims(tmp_path: Path, article: Path) -> None:
    """``--force`` with other text read-only at the text's name: exit 3 naming it, and the old claims file kept."""
    (tmp_path / "x.json").write_text("reviewed", encoding="utf-8")
    beside = tmp_path / "x.txt"
    beside.write_text("notes of mine", encoding="utf-8")
    beside.chmod(0o444)
    ran = run("draft", str(article), "--source", "x", "-o", str(tmp_path / "x.json"), "--force")
    assert ran.returncode == 3
    assert f"{beside}: cannot write: it is read-only" in ran.stderr
    assert (tmp_path / "x.json").read_text(encoding="utf-8") == "reviewed"
    assert beside.read_text(encoding="utf-8") == "notes of mine"


def test_write_draft_refuses_a_read_only_text_before_writing_new_claims(tmp_path: Path) -> None:
    """The library raises InputError for read-only other text, with force, and makes no claims file."""
    claims = factlog.draft(TEXT, source="x")
    (tmp_path / "document.txt").write_text("other", encoding="utf-8")
    (tmp_path / "document.txt").chmod(0o444)
    with pytest.raises(factlog.InputError, match=r"document\.txt: cannot write: it is read-only"):
        factlog.write_draft(claims, TEXT, tmp_path / "x.json", force=True)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["document.txt"]
