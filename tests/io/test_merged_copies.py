"""A merged copy of a folder written into it: `dump` warns; the redefinitions it causes name the fields that differ."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import attrs
import pytest

import factlog
from factlog.model._differences import differences
from tests.helpers import ROOT, claim


def test_a_redefinition_names_each_field_that_differs_with_both_values() -> None:
    """Two versions of a claim: the message names each differing field by its path, this value, then the first."""
    first = claim("c1")
    here = attrs.evolve(first, certainty=factlog.Certainty.POSSIBLE, statement="another wording")
    assert differences(here, first) == (
        f"statement: 'another wording' here, {first.statement!r} first; certainty: 'possible' here, 'certain' first"
    )
    source = factlog.load(ROOT / "sources").sources[0]
    later = attrs.evolve(source, published=factlog.Interval.parse("2025-11"))
    assert differences(later, source) == "published: '2025-11' here, '2025-10' first"  # a date whole, as written


def test_a_merged_copy_warns_only_inside_its_folder_and_a_load_then_names_the_document_paths(tmp_path: Path) -> None:
    """`dump` beside the folder loaded: silent; into it: warns naming a place outside, and a load names the paths."""
    shutil.copytree(ROOT / "sources", tmp_path / "corpus")
    loaded = factlog.load(tmp_path / "corpus")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        factlog.dump(loaded, tmp_path / "corpus.jsonl")
    dumped = factlog.load(tmp_path / "corpus.jsonl")
    assert [dumped.document_path(s.id) for s in dumped.sources] == [loaded.document_path(s.id) for s in loaded.sources]
    with pytest.warns(factlog.LoadedFolderWarning, match=f"write it outside, e.g. {tmp_path / 'corpus.jsonl'}"):
        factlog.dump(loaded, tmp_path / "corpus" / "ALL.jsonl")
    with pytest.raises(factlog.ConflictError) as caught:
        factlog.load(tmp_path / "corpus")
    [first, *_] = caught.value.errors
    assert "source 'choe-moscow' is defined twice, differently" in first
    assert "document: 'document.txt' here, 'choe-moscow/document.txt' first" in first
    assert f"both name {tmp_path / 'corpus' / 'choe-moscow' / 'document.txt'}" in first
