"""A split of a file with both documents it cannot keep and format problems reports both, as one error."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

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
