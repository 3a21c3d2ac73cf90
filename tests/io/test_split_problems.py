"""A split of a file with both documents it cannot keep and format problems reports both, as one error."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
from tests.helpers import ROOT

_BAD_CLAIMS = [
    ("statement", "statment"),  # a misspelled key
    ("attribution", None),  # a missing required key
    ("certainty", "surely"),  # a value not allowed (written under its own name)
]


def _bad_file(folder: Path, spoiled: list[int]) -> Path:
    """The corpus as one JSON Lines file beside no documents, with the claims at ``spoiled`` made invalid."""
    shutil.copytree(ROOT / "sources", folder / "corpus")
    whole = folder / "corpus" / "ALL.jsonl"
    with pytest.warns(factlog.LoadedFolderWarning):
        factlog.dump(factlog.load(folder / "corpus"), whole)
    lines = whole.read_text(encoding="utf-8").splitlines()
    claims = [n for n, line in enumerate(lines) if json.loads(line).get("type") == "claim"]
    for kind, number in enumerate(spoiled):
        record = json.loads(lines[claims[number]])
        key, replacement = _BAD_CLAIMS[kind % len(_BAD_CLAIMS)]
        if replacement is None:
            del record[key]
        elif key == "statement":
            record[replacement] = record.pop(key)
        else:
            record[key] = replacement
        lines[claims[number]] = json.dumps(record)
    bad = folder / "bad.jsonl"  # documents are missing here: the split cannot keep them
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return bad


@settings(max_examples=10)  # each example copies the corpus
@given(st.lists(st.integers(0, 30), min_size=1, max_size=3, unique=True))
def test_split_lists_documents_and_the_problems_check_lists(spoiled: list[int]) -> None:
    """The documents a split cannot keep, then every format problem in the order a check lists them."""
    with tempfile.TemporaryDirectory() as temporary:
        bad = _bad_file(Path(temporary), spoiled)
        with pytest.raises(factlog.FormatError) as checked:
            factlog.load(bad)
        with pytest.raises(factlog.FormatError) as split:
            factlog.split_lines(bad, Path(temporary) / "out")
        documents = [e for e in split.value.errors if "a split cannot keep it" in e]
        assert documents
        assert split.value.errors == [*documents, *checked.value.errors]
        assert not (Path(temporary) / "out").exists()


_BAD_SOURCES = [
    ("title", "titel"),  # a misspelled key
    ("title", None),  # a missing required key
    ("kind", "newsreport"),  # a value not allowed
]


def _spoiled(record: dict[str, Any], section: str, kind: int) -> dict[str, Any]:
    key, replacement = (_BAD_SOURCES if section == "sources" else _BAD_CLAIMS)[kind]
    if replacement is None:
        del record[key]
    elif key in ("title", "statement"):
        record[replacement] = record.pop(key)
    else:
        record[key] = replacement
    return record


def spoiled_input(folder: Path, suffix: str, section: str, number: int, kind: int) -> tuple[str, str, str]:
    """The corpus as one file of ``suffix`` beside no documents: as written, with record ``number`` spoiled, its place.

    The place is where the split names that record's document: ``set.json: $.sources[N].document``
    or ``set.jsonl:LINE: $.document``.
    """
    shutil.copytree(ROOT / "sources", folder / "corpus")
    whole = folder / "corpus" / f"ALL{suffix}"
    with pytest.warns(factlog.LoadedFolderWarning):
        factlog.dump(factlog.load(folder / "corpus"), whole)
    text = whole.read_text(encoding="utf-8")
    target = folder / f"set{suffix}"
    if suffix == ".json":
        document = json.loads(text)
        _spoiled(document[section][number], section, kind)
        return text, json.dumps(document), f"{target}: $.{section}[{number}].document"
    lines = text.splitlines()
    kept = [n for n, line in enumerate(lines) if json.loads(line).get("type") == section.removesuffix("s")]
    lines[kept[number]] = json.dumps(_spoiled(json.loads(lines[kept[number]]), section, kind))
    return text, "\n".join(lines) + "\n", f"{target}:{kept[number] + 1}: $.document"


@settings(max_examples=12)  # each example copies the corpus
@given(
    st.sampled_from([".json", ".jsonl"]),
    st.sampled_from(["sources", "claims"]),
    st.integers(0, 9),
    st.integers(0, len(_BAD_SOURCES) - 1),
)
def test_split_of_input_that_does_not_load_lists_the_documents_of_the_sources_that_read(
    suffix: str, section: str, number: int, kind: int
) -> None:
    """Tables or a JSON document refused: the documents of every source that reads, then what a check lists."""
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        written, spoiled, place = spoiled_input(folder, suffix, section, number, kind)
        target = folder / f"set{suffix}"
        target.write_text(written, encoding="utf-8")
        with pytest.raises(factlog.FormatError) as mended:  # the documents alone, as the input loads
            factlog.split_lines(target, folder / "out")
        target.write_text(spoiled, encoding="utf-8")
        with pytest.raises(factlog.FormatError) as checked:
            factlog.load(target)
        with pytest.raises(factlog.FormatError) as split:
            factlog.split_lines(target, folder / "out")
        documents = [e for e in mended.value.errors if not (section == "sources" and e.startswith(f"{place}:"))]
        assert len(documents) == len(mended.value.errors) - (section == "sources")  # every source has a document
        assert split.value.errors == [*documents, *checked.value.errors]
        assert not (folder / "out").exists()
