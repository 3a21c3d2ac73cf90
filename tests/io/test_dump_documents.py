"""``dump`` writes each source's document relative to the file it writes: the dumped file finds the same documents."""

from __future__ import annotations

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
        factlog.dump(loaded, target)
        dumped = factlog.load(target)
        assert dumped.claims == loaded.claims
        assert render_json(factlog.check(dumped)) == _expected_report(loaded, dumped)


def test_a_document_outside_the_folder_keeps_its_path(tmp_path: Path) -> None:
    """Dumped below the documents, which no path inside its folder reaches: paths as held, read back equal."""
    shutil.copytree(ROOT / "sources", tmp_path / "corpus")
    loaded = factlog.load(tmp_path / "corpus")
    target = tmp_path / "corpus" / "out" / "ALL.json"
    target.parent.mkdir()
    factlog.dump(loaded, target)
    assert factlog.load(target) == loaded


def test_a_set_not_read_from_files_keeps_its_paths(tmp_path: Path) -> None:
    """A set made from a string has no folder: its document paths are written as held."""
    text = (ROOT / "sources" / "choe-moscow" / "claims.json").read_text(encoding="utf-8")
    claims = factlog.loads(text, references=False)
    (tmp_path / "deep").mkdir()
    factlog.dump(claims, tmp_path / "deep" / "x.json")
    assert factlog.load(tmp_path / "deep" / "x.json", references=False).sources == claims.sources
