"""``dump``'s refusal of files in the way: the folder a load of the target looks in, places it cannot look at, links."""

from __future__ import annotations

import filecmp
import hashlib
import json
import os
from pathlib import Path

import attrs
import pytest

import factlog
from factlog.render import render_json
from tests.io.test_split import _expected_report

_HEADER = {"format": "factlog", "version": 1}


def _corpus(folder: Path, texts: dict[str, str]) -> None:
    """``folder/common.json``, and ``folder/ID/claims.json`` with its document for each source of ``texts``."""
    folder.mkdir(parents=True, exist_ok=True)
    entities = [
        {"id": "pub", "name": "Pub", "kind": "organisation"},
        {"id": "x", "name": "X", "kind": "person"},
        {"id": "y", "name": "Y", "kind": "country"},
    ]
    predicates = [{"id": "visits", "label": "visits", "kind": "event"}]
    (folder / "common.json").write_text(json.dumps({**_HEADER, "entities": entities, "predicates": predicates}))
    for id_, text in texts.items():
        (folder / id_).mkdir()
        (folder / id_ / "doc.txt").write_text(text)
        quote = "X visits Y"
        source = {
            "id": id_,
            "title": id_,
            "publisher": "pub",
            "document": "doc.txt",
            "sha256": hashlib.sha256(text.encode()).hexdigest(),
        }
        claim = {
            "id": f"c-{id_}",
            "statement": "X visits Y.",
            "proposition": {"subject": "x", "predicate": "visits", "object": "y"},
            "attribution": {"holder": "pub"},
            "evidence": [{"source": id_, "quote": quote, "start": text.index(quote), "end": text.index(quote) + 10}],
        }
        (folder / id_ / "claims.json").write_text(json.dumps({**_HEADER, "sources": [source], "claims": [claim]}))


_TEXTS = {"a": "Alpha says X visits Y.", "b": "Beta says X visits Y too."}


@pytest.mark.parametrize("linked", [False, True])
def test_a_target_linked_to_another_folder_is_refused_as_a_file_named_there(tmp_path: Path, linked: bool) -> None:
    """``c/a/ALL.json`` a link into another folder: loaded by that name it reads ``c/a/doc.txt``, so refused."""
    _corpus(tmp_path / "c", _TEXTS)
    (tmp_path / "elsewhere").mkdir()
    target = tmp_path / "c" / "a" / "ALL.json"
    if linked:
        target.symlink_to(tmp_path / "elsewhere" / "ALL.json")
    loaded = factlog.load([tmp_path / "c" / "common.json", tmp_path / "c" / "b"])
    with pytest.raises(factlog.ArgumentError, match=r"source b: doc\.txt would be .*/c/a/doc\.txt, not .*/c/b/doc"):
        factlog.dump(loaded, target)
    assert not (tmp_path / "elsewhere" / "ALL.json").exists()


def test_a_target_linked_to_another_folder_names_documents_from_its_own(tmp_path: Path) -> None:
    """``c/ALL.json`` a link into another folder: paths written from ``c``, so the file named so checks as the set."""
    _corpus(tmp_path / "c", _TEXTS)
    (tmp_path / "elsewhere").mkdir()
    target = tmp_path / "c" / "ALL.json"
    target.symlink_to(tmp_path / "elsewhere" / "ALL.json")
    loaded = factlog.load([tmp_path / "c" / "common.json", tmp_path / "c" / "a", tmp_path / "c" / "b"])
    with pytest.warns(factlog.LoadedFolderWarning):
        factlog.dump(loaded, target)
    dumped = factlog.load(target)
    assert [source.document for source in dumped.sources] == ["a/doc.txt", "b/doc.txt"]
    assert render_json(factlog.check(dumped)) == _expected_report(loaded, dumped)


def test_a_document_path_no_system_call_takes_keeps_its_path(tmp_path: Path) -> None:
    """A document name too long to look at beside the target (ENAMETOOLONG): kept as held, the set reads back equal."""
    _corpus(tmp_path / "c", {"a": _TEXTS["a"]})
    loaded = factlog.load(tmp_path / "c")
    long = "d" * 300 + ".txt"
    renamed = attrs.evolve(loaded, sources=tuple(attrs.evolve(source, document=long) for source in loaded.sources))
    (tmp_path / "out").mkdir()
    factlog.dump(renamed, tmp_path / "out" / "ALL.json")
    assert [source.document for source in factlog.load(tmp_path / "out" / "ALL.json").sources] == [long]


def test_a_stranger_of_another_size_is_refused_without_reading_either_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Other bytes of another size beside the target: refused on the sizes alone, neither file read."""
    _corpus(tmp_path / "c", _TEXTS)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "doc.txt").write_text("a longer text than either document holds")
    loaded = factlog.load([tmp_path / "c" / "common.json", tmp_path / "c" / "a"])

    def unread(*_: object, **__: object) -> bytes:
        raise AssertionError("a file read whole")

    monkeypatch.setattr(Path, "read_bytes", unread)
    monkeypatch.setattr(filecmp, "cmp", unread)
    with pytest.raises(factlog.ArgumentError, match=r"source a: doc\.txt would be"):
        factlog.dump(loaded, tmp_path / "out" / "ALL.json")


def test_a_link_beside_the_target_to_the_document_is_refused_as_a_check_refuses_it(tmp_path: Path) -> None:
    """A link at the kept path to the document itself: a check of the file says it lies outside, so dump refuses."""
    _corpus(tmp_path / "c", _TEXTS)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "doc.txt").symlink_to(tmp_path / "c" / "a" / "doc.txt")
    loaded = factlog.load([tmp_path / "c" / "common.json", tmp_path / "c" / "a"])
    target = tmp_path / "out" / "ALL.json"
    with pytest.raises(factlog.ArgumentError) as caught:
        factlog.dump(loaded, target)
    assert f"source a: doc.txt would be {tmp_path / 'out' / 'doc.txt'} (a link leading out of" in str(caught.value)
    assert not target.exists()
    # The same dump with the document copied there: taken, and a check of the file reads it.
    (tmp_path / "out" / "doc.txt").unlink()
    (tmp_path / "out" / "doc.txt").write_text(_TEXTS["a"])
    factlog.dump(loaded, target)
    assert "lies outside" not in render_json(factlog.check(factlog.load(target)))


def test_the_refusal_offers_copies_where_they_serve_and_removal_always(tmp_path: Path) -> None:
    """One source in the way: copy, or remove the file; folders that share only ``/``: no such folder named."""
    _corpus(tmp_path / "c", _TEXTS)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "doc.txt").write_text("another text")
    loaded = factlog.load([tmp_path / "c" / "common.json", tmp_path / "c" / "a"])
    with pytest.raises(factlog.ArgumentError) as caught:
        factlog.dump(loaded, tmp_path / "out" / "ALL.json")
    message = str(caught.value)
    assert f"({tmp_path / 'c' / 'a'} or a folder above it), or put a copy of each document" in message
    assert "or remove the files in the way (the paths are then kept" in message
    # The source's folder given as / (its document a path below it): no "(/ or a folder above it)".
    document = os.path.relpath(tmp_path / "c" / "a" / "doc.txt", "/")
    (tmp_path / "out" / document).parent.mkdir(parents=True)
    (tmp_path / "out" / document).write_text("another text")
    rooted = attrs.evolve(
        loaded,
        sources=tuple(attrs.evolve(source, document=document) for source in loaded.sources),
        bases={"a": "/"},
    )
    with pytest.raises(factlog.ArgumentError) as caught:
        factlog.dump(rooted, tmp_path / "out" / "ALL.json")
    assert "a folder that holds the documents, or put a copy" in str(caught.value)
    assert "(/ or a folder above it)" not in str(caught.value)


def test_two_sources_whose_texts_clash_at_one_path_are_not_told_to_copy(tmp_path: Path) -> None:
    """Both sources name ``doc.txt`` for different texts: one copy cannot serve both, so copies are not advised."""
    _corpus(tmp_path / "c", _TEXTS)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "doc.txt").write_text("another text")
    loaded = factlog.load(tmp_path / "c")
    with pytest.raises(factlog.ArgumentError) as caught:
        factlog.dump(loaded, tmp_path / "out" / "ALL.json")
    message = str(caught.value)
    assert "put a copy" not in message
    assert "copies beside it cannot serve, as sources a and b both name doc.txt for different texts" in message
    assert "or remove the files in the way" in message
