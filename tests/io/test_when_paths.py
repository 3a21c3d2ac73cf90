"""A ``when`` in words gives the same report, or the same error, on every path that reads files."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

import factlog
import factlog.dask
from factlog.render import render_assessment_json, render_json
from tests.io.test_written_when import _document


def _disputed(when: str = "two days after the strike") -> dict[str, Any]:
    """Two holders of one slot, one in words: a contradiction on 2025-10-22 that the words decide."""
    document = _document(when)
    document["entities"].append({"id": "other", "name": "Other", "kind": "media-outlet"})
    document["sources"].append({"id": "s2", "title": "Reply", "publisher": "other", "published": "2025-10-30"})
    other = copy.deepcopy(document["claims"][0])
    other.update(id="c2", statement="Kyiv did not strike Odesa on 22 October.", polarity="denied")
    other["proposition"]["when"] = "2025-10-22"
    other["attribution"]["holder"] = "other"
    other["evidence"][0]["source"] = "s2"
    document["claims"].append(other)
    return document


def _lines(folder: Path, document: dict[str, Any], name: str = "claims.jsonl") -> Path:
    path = folder / name
    path.write_text(factlog.dumps_lines(factlog.loads(json.dumps(document), references=False)), encoding="utf-8")
    return path


def _unresolved_lines(folder: Path, document: dict[str, Any]) -> Path:
    """A JSON Lines file written without loading it (its words may not resolve)."""
    path = folder / "claims.jsonl"
    records = [json.dumps({"format": "factlog", "version": 1})]
    for section, kind in (
        ("entities", "entity"),
        ("predicates", "predicate"),
        ("sources", "source"),
        ("claims", "claim"),
    ):
        records.extend(json.dumps({"type": kind, **item}) for item in document[section])
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    return path


def test_stream_same_json_as_check_with_words(tmp_path: Path) -> None:
    """check_lines of a file with words in ``when``: read whole, with a warning, the bytes of check(load(path))."""
    path = _lines(tmp_path, _disputed())
    with pytest.warns(factlog.WholeFileWarning, match="time in words"):
        streamed = factlog.check_lines(path)
    assert render_json(streamed) == render_json(factlog.check(factlog.load(path)))


def test_stream_same_json_as_check_with_words_across_batches(tmp_path: Path) -> None:
    """Words in a later batch than the claims dating their event: still the plain check's bytes."""
    path = _lines(tmp_path, _disputed())
    plain = render_json(factlog.check(factlog.load(path)))
    with pytest.warns(factlog.WholeFileWarning, match="time in words"):
        streamed = factlog.check_lines(path, batch=1, bin_size=1)
    assert render_json(streamed) == plain


def test_stream_unknown_event_is_the_plain_error(tmp_path: Path) -> None:
    """An unknown event in words: check_lines raises the FormatError load raises."""
    path = _unresolved_lines(tmp_path, _disputed("two days after the summit"))
    with pytest.raises(factlog.FormatError) as plain:
        factlog.load(path)
    with pytest.raises(factlog.FormatError) as compact:
        factlog.check_lines(path)
    assert compact.value.errors == plain.value.errors


def test_dask_event_in_another_file(tmp_path: Path) -> None:
    """Words whose event another file dates: the Dask check gives the plain check's bytes."""
    document = _disputed()
    dating = {key: document[key] for key in ("format", "version", "predicates", "sources")}
    dating["entities"] = document["entities"]
    dating["claims"] = [claim for claim in document["claims"] if claim["id"] == "strike-date"]
    rest = copy.deepcopy(document)
    rest["claims"] = [claim for claim in document["claims"] if claim["id"] != "strike-date"]
    (tmp_path / "a.json").write_text(json.dumps(dating), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(rest), encoding="utf-8")
    plain = render_json(factlog.check(factlog.load(tmp_path)))
    assert render_json(factlog.dask.check(tmp_path)) == plain


def test_dask_event_dated_in_two_files(tmp_path: Path) -> None:
    """An event dated in two files: the Dask check resolves against both, as load does."""
    document = _disputed()
    later = copy.deepcopy(document)
    later["claims"] = [claim for claim in later["claims"] if claim["id"] == "strike-date"]
    later["claims"][0].update(id="strike-date-2")
    later["claims"][0]["proposition"]["when"] = "2025-10-21"
    (tmp_path / "a.json").write_text(json.dumps(document), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(later), encoding="utf-8")
    plain = render_json(factlog.check(factlog.load(tmp_path)))
    assert render_json(factlog.dask.check(tmp_path)) == plain


def test_dask_unknown_event_is_the_plain_error(tmp_path: Path) -> None:
    """An unknown event in words: the Dask check raises the FormatError load raises."""
    (tmp_path / "a.json").write_text(json.dumps(_disputed("two days after the summit")), encoding="utf-8")
    with pytest.raises(factlog.FormatError) as plain:
        factlog.load(tmp_path)
    with pytest.raises(factlog.FormatError) as cluster:
        factlog.dask.check(tmp_path)
    assert cluster.value.errors == plain.value.errors


def test_assess_lines_same_json_as_assess_with_words(tmp_path: Path) -> None:
    """assess_lines of a file with words in ``when``: the bytes of assess(load(path))."""
    path = _lines(tmp_path, _disputed())
    plain = render_assessment_json(factlog.assess(factlog.load(path)))
    with pytest.warns(factlog.WholeFileWarning, match="time in words"):
        streamed = factlog.assess_lines(path, batch=1, bin_size=1)
    assert render_assessment_json(streamed) == plain


def test_assess_lines_unknown_event_is_the_plain_error(tmp_path: Path) -> None:
    """An unknown event in words: assess_lines raises the FormatError load raises."""
    path = _unresolved_lines(tmp_path, _disputed("two days after the summit"))
    with pytest.raises(factlog.FormatError) as plain:
        factlog.load(path)
    with pytest.raises(factlog.FormatError) as compact:
        factlog.assess_lines(path)
    assert compact.value.errors == plain.value.errors
