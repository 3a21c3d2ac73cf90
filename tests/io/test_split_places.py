"""``factlog.split_lines``: where the folder may stand (through a link, inside the input) and what is then written."""

from __future__ import annotations

import shutil
from pathlib import Path

import attrs
import pytest

import factlog
from factlog.render import render_json
from tests.helpers import ROOT, claim, world


def test_a_link_to_an_empty_folder_is_written_through(tmp_path: Path) -> None:
    """A link to an empty folder (a shared mount reached by a link): the split lands in the folder, the link kept."""
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    written = factlog.split_lines(ROOT / "sources", tmp_path / "link", 40)
    assert (tmp_path / "link").is_symlink()
    assert written[0] == tmp_path / "link" / "tables.json"
    assert render_json(factlog.check(factlog.load(tmp_path / "real"))) == render_json(
        factlog.check(factlog.load(ROOT / "sources"))
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["link", "real"]


def test_a_dangling_link_is_written_through(tmp_path: Path) -> None:
    """A symbolic link to a folder yet to be made: the folder is made where the link points."""
    (tmp_path / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    factlog.split_lines(ROOT / "sources", tmp_path / "link")
    assert (tmp_path / "link").is_symlink()
    assert factlog.load(tmp_path / "real").claims == factlog.load(ROOT / "sources").claims


def test_force_through_a_link_replaces_the_earlier_split(tmp_path: Path) -> None:
    """With force, an earlier split reached through a link is replaced in place."""
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    factlog.split_lines(ROOT / "sources", tmp_path / "link", 5)
    factlog.split_lines(ROOT / "sources", tmp_path / "link", 1000, force=True)
    assert [path.name for path in sorted((tmp_path / "real").glob("claims-*.jsonl"))] == ["claims-00001.jsonl"]
    assert factlog.load(tmp_path / "link").claims == factlog.load(ROOT / "sources").claims


def test_a_folder_inside_the_input_folder_is_refused(tmp_path: Path) -> None:
    """A split inside the folder it reads, which every later check of it would read: refused, nothing written."""
    given = tmp_path / "in"
    given.mkdir()
    factlog.dump(factlog.load(ROOT / "sources" / "entities.json"), given / "entities.json")
    before = sorted(path.relative_to(given) for path in given.rglob("*"))
    with pytest.raises(factlog.InputError, match="inside the input folder"):
        factlog.split_lines(given, given / "out" / "deeper")
    with pytest.raises(factlog.InputError, match="inside the input folder"):
        factlog.split_lines([ROOT / "sources" / "vocabulary.json", given], given / "out")
    assert sorted(path.relative_to(given) for path in given.rglob("*")) == before


def test_the_input_folder_itself_may_be_split_again_with_force(tmp_path: Path) -> None:
    """An earlier split given as both input and folder, with force: read whole first, then replaced by the new split."""
    factlog.split_lines(ROOT / "sources", tmp_path / "out", 7)
    factlog.split_lines(tmp_path / "out", tmp_path / "out", 1000, force=True)
    assert [path.name for path in sorted((tmp_path / "out").glob("claims-*.jsonl"))] == ["claims-00001.jsonl"]
    assert render_json(factlog.check(factlog.load(tmp_path / "out"))) == render_json(
        factlog.check(factlog.load(ROOT / "sources"))
    )


def _with_document(folder: Path, document: str) -> Path:
    """A set in ``folder`` whose first source's document is ``document`` (written there)."""
    claims = world(claim("c1"))
    claims = attrs.evolve(claims, sources=(attrs.evolve(claims.sources[0], document=document), *claims.sources[1:]))
    (folder / document).parent.mkdir(parents=True, exist_ok=True)
    (folder / document).write_text("The text.", encoding="utf-8")
    factlog.dump(claims, folder / "claims.jsonl")
    return folder / "claims.jsonl"


@pytest.mark.parametrize(("earlier", "later"), [("a/b.txt", "a"), ("a", "a/b.txt")])
def test_force_replaces_a_document_where_the_earlier_split_has_a_folder(
    tmp_path: Path, earlier: str, later: str
) -> None:
    """A document whose path the earlier split holds as a folder (or the reverse): the folder holds the new split."""
    factlog.split_lines(_with_document(tmp_path / "one", earlier), tmp_path / "out")
    factlog.split_lines(_with_document(tmp_path / "two", later), tmp_path / "fresh")
    factlog.split_lines(_with_document(tmp_path / "two", later), tmp_path / "out", force=True)
    assert _contents(tmp_path / "out") == _contents(tmp_path / "fresh")
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []


def _contents(folder: Path) -> dict[str, bytes | None]:
    """Every file's bytes, and every folder (None), by its path in ``folder``."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() if path.is_file() else None for path in folder.rglob("*")
    }


def test_the_working_folder_empty_is_written_into(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``factlog split PATH .`` in an empty folder: the split is written there, the folder itself kept."""
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    written = factlog.split_lines(ROOT / "sources", ".", 40)
    assert written[0] == Path("tables.json")
    assert Path.cwd() == tmp_path / "here"
    assert (tmp_path / "here" / "tables.json").is_file()
    assert factlog.load(".").claims == factlog.load(ROOT / "sources").claims
    assert sorted(path.name for path in tmp_path.iterdir()) == ["here"]


def test_a_loop_of_links_is_refused(tmp_path: Path) -> None:
    """A folder that is a link to itself: refused naming it, nothing written."""
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    with pytest.raises(factlog.InputError, match="loop: cannot follow the link"):
        factlog.split_lines(ROOT / "sources", tmp_path / "loop")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["loop"]


def test_an_input_named_through_a_link_and_dots_keeps_its_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``link/../corpus`` is the corpus beside the link's target, as the system reads it: its documents are copied."""
    (tmp_path / "deep" / "inner").mkdir(parents=True)
    shutil.copytree(ROOT / "sources", tmp_path / "deep" / "corpus")
    (tmp_path / "link").symlink_to(tmp_path / "deep" / "inner", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    factlog.split_lines("link/../corpus", tmp_path / "out")
    assert render_json(factlog.check(factlog.load(tmp_path / "out"))) == render_json(
        factlog.check(factlog.load(ROOT / "sources"))
    )
