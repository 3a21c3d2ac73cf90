"""``dump`` writes each source's document relative to the file it writes: the dumped file finds the same documents."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog.render import render_json
from tests.io.test_split import _SETS, ROOT, _expected_report, _write_input


@pytest.mark.parametrize("name", ["corpus/ALL.jsonl", "corpus/ALL.json", "ALL.jsonl", "ALL.json"])
def test_corpus_dumped_as_one_file_checks_as_the_folder(tmp_path: Path, name: str) -> None:
    """The bundled corpus (sources in several folders) dumped in its folder or above: the same check JSON bytes."""
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "sources", corpus)
    given_set = factlog.load(corpus)
    target = tmp_path / name
    inside = pytest.warns(factlog.LoadedFolderWarning) if name.startswith("corpus/") else contextlib.nullcontext()
    with inside:  # a load of the corpus folder would read the file too
        factlog.dump(given_set, target)
    dumped = factlog.load(target)
    assert render_json(factlog.check(dumped)) == _expected_report(given_set, dumped)
    for before, after in zip(given_set.sources, dumped.sources, strict=True):
        if before.document is not None:
            assert dumped.document_path(after.id).resolve() == given_set.document_path(before.id).resolve()


def test_corpus_dumped_through_a_symlinked_folder_checks_as_the_folder(tmp_path: Path) -> None:
    """The target named through a symlink to the corpus folder: the file lies in the folder, so paths as in it."""
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "sources", corpus)
    (tmp_path / "link").symlink_to(corpus, target_is_directory=True)
    given_set = factlog.load(corpus)
    with pytest.warns(factlog.LoadedFolderWarning):
        factlog.dump(given_set, tmp_path / "link" / "ALL.jsonl")
    dumped = factlog.load(corpus / "ALL.jsonl")
    assert render_json(factlog.check(dumped)) == _expected_report(given_set, dumped)


@given(_SETS, st.sampled_from([".json", ".jsonl"]), st.sampled_from(["", "a/", "a/b/"]))
def test_load_dump_elsewhere_load_checks_the_same(claims: factlog.ClaimSet, suffix: str, below: str) -> None:
    """Any set, each source with a document, read from a folder below the one dumped into: the same check JSON bytes."""
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "in" / below
        folder.mkdir(parents=True)
        with_documents = [attrs.evolve(source, document=f"texts/{n}.txt") for n, source in enumerate(claims.sources)]
        loaded = factlog.load(_write_input(attrs.evolve(claims, sources=tuple(with_documents)), folder, suffix))
        target = Path(temporary) / "in" / f"ALL{suffix}"
        with pytest.warns(factlog.LoadedFolderWarning) if not below else contextlib.nullcontext():
            factlog.dump(loaded, target)
        dumped = factlog.load(target)
        assert dumped.claims == loaded.claims
        assert render_json(factlog.check(dumped)) == _expected_report(loaded, dumped)


def test_loaded_then_dumped_from_another_working_folder_checks_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Loaded by a relative path, dumped after a chdir: the file names the same documents, the same check bytes."""
    shutil.copytree(ROOT / "sources", tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    loaded = factlog.load("corpus")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    with pytest.warns(factlog.LoadedFolderWarning):
        factlog.dump(loaded, tmp_path / "corpus" / "ALL.jsonl")
    dumped = factlog.load(tmp_path / "corpus" / "ALL.jsonl")
    checked = render_json(factlog.check(dumped))
    monkeypatch.chdir(tmp_path)  # the set as checked where it was loaded
    assert checked == _expected_report(loaded, dumped)


def test_document_path_after_a_chdir_is_the_file_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Loaded by a relative path, then a chdir: each document path is the one a load by absolute path gives."""
    shutil.copytree(ROOT / "sources", tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    loaded = factlog.load("corpus")
    monkeypatch.chdir(tmp_path / "corpus" / "reference")  # a folder with a records.txt of its own
    absolute = factlog.load(tmp_path / "corpus")
    documented = [source.id for source in loaded.sources if source.document is not None]
    assert documented
    for source in documented:
        path = loaded.document_path(source)
        assert path is not None
        assert path == absolute.document_path(source)
        assert path.is_file()


def test_a_document_outside_the_folder_keeps_its_path(tmp_path: Path) -> None:
    """Dumped below the documents, which no path inside its folder reaches: paths as held, read back equal."""
    shutil.copytree(ROOT / "sources", tmp_path / "corpus")
    loaded = factlog.load(tmp_path / "corpus")
    target = tmp_path / "corpus" / "out" / "ALL.json"
    target.parent.mkdir()
    with pytest.warns(factlog.LoadedFolderWarning):
        factlog.dump(loaded, target)
    assert factlog.load(target) == loaded


def _decoyed(tmp_path: Path, text: bytes | None) -> tuple[factlog.ClaimSet, Path]:
    """The corpus loaded from its folder; a target in another folder, with ``text`` in ``document.txt`` beside it."""
    shutil.copytree(ROOT / "sources", tmp_path / "corpus")
    (tmp_path / "out").mkdir()
    if text is not None:
        (tmp_path / "out" / "document.txt").write_bytes(text)
    return factlog.load(tmp_path / "corpus"), tmp_path / "out" / "ALL.json"


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_a_file_of_a_documents_name_beside_the_target_is_refused(tmp_path: Path, suffix: str) -> None:
    """Another file where a kept path would lead: refused, naming the source, its document and the stranger."""
    loaded, target = _decoyed(tmp_path, b"another text\n")
    target = target.with_suffix(suffix)
    with pytest.raises(factlog.ArgumentError) as caught:
        factlog.dump(loaded, target)
    message = str(caught.value)
    assert not target.exists()
    named = {source.id for source in loaded.sources if source.document == "document.txt"}
    assert len(named) == 2
    for source in named:
        held = tmp_path / "corpus" / source / "document.txt"
        assert f"source {source}: document.txt would be {tmp_path / 'out' / 'document.txt'}, not {held}" in message
    assert "records.txt" not in message  # nothing stands where the reference documents' paths lead
    assert (
        f"Write the file in a folder that holds the documents ({tmp_path / 'corpus'} or a folder above it)" in message
    )


@given(_SETS, st.sampled_from([".json", ".jsonl"]), st.data())
def test_a_dump_beside_strangers_is_refused_and_beside_copies_reads_the_same(
    claims: factlog.ClaimSet, suffix: str, data: st.DataObject
) -> None:
    """Any set dumped beyond its documents' reach: refused, nothing written, iff other bytes stand at a path."""
    with tempfile.TemporaryDirectory() as temporary:
        with_documents = [attrs.evolve(source, document=f"texts/{n}.txt") for n, source in enumerate(claims.sources)]
        loaded = factlog.load(
            _write_input(attrs.evolve(claims, sources=tuple(with_documents)), Path(temporary) / "in", suffix)
        )
        target = Path(temporary) / "out" / f"ALL{suffix}"
        (target.parent / "texts").mkdir(parents=True)
        beside = data.draw(st.lists(st.sampled_from(with_documents), unique=True)) if with_documents else []
        strangers = {source.id for source in beside if data.draw(st.booleans(), label=f"{source.id} other bytes")}
        for source in beside:
            held = loaded.document_path(source.id)
            assert held is not None
            text = b"another text" if source.id in strangers else held.read_bytes()
            (target.parent / str(source.document)).write_bytes(text)
        if strangers:
            with pytest.raises(factlog.ArgumentError) as caught:
                factlog.dump(loaded, target)
            named = {source.id for source in loaded.sources if f"source {source.id}: " in str(caught.value)}
            assert named <= strangers
            assert len(named) == min(len(strangers), 10)  # the others counted
            assert not target.exists()
        else:
            factlog.dump(loaded, target)
            assert factlog.load(target) == loaded


def test_a_copy_of_the_document_beside_the_target_is_taken(tmp_path: Path) -> None:
    """The document's own bytes where its kept path leads (a copy put there): written, and it reads the same."""
    shutil.copytree(ROOT / "sources" / "choe-moscow", tmp_path / "choe-moscow")
    loaded = factlog.load(tmp_path / "choe-moscow", references=False)
    (tmp_path / "out").mkdir()
    shutil.copyfile(tmp_path / "choe-moscow" / "document.txt", tmp_path / "out" / "document.txt")
    factlog.dump(loaded, tmp_path / "out" / "ALL.json")
    dumped = factlog.load(tmp_path / "out" / "ALL.json", references=False)
    assert dumped == loaded
    assert render_json(factlog.check(dumped)) == render_json(factlog.check(loaded))


def test_nothing_beside_the_target_keeps_the_path_as_held(tmp_path: Path) -> None:
    """No file where the kept path leads: written as held, and the check of the file says the document is missing."""
    loaded, target = _decoyed(tmp_path, None)
    factlog.dump(loaded, target)
    dumped = factlog.load(target)
    assert dumped == loaded
    missing = {finding.message.split(",", 1)[0] for finding in factlog.check(dumped).by_rule("document_mismatch")}
    assert missing == {f"source {source.id}" for source in loaded.sources if source.document is not None}


def test_a_set_not_read_from_files_keeps_its_paths(tmp_path: Path) -> None:
    """A set made from a string has no folder: its document paths are written as held."""
    text = (ROOT / "sources" / "choe-moscow" / "claims.json").read_text(encoding="utf-8")
    claims = factlog.loads(text, references=False)
    (tmp_path / "deep").mkdir()
    factlog.dump(claims, tmp_path / "deep" / "x.json")
    assert factlog.load(tmp_path / "deep" / "x.json", references=False).sources == claims.sources
