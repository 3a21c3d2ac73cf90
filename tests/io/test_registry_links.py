"""Cycles in part_of, affiliation and derived_from, self-exclusion, huge integers, and where a duplicate lies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import ConflictError, FormatError
from factlog.io._cycles import on_cycles
from tests.helpers import GOLDEN, links_on_cycles


def _golden() -> dict[str, object]:
    data: dict[str, object] = json.loads(GOLDEN.read_text())
    return data


def _problems(data: object) -> list[str]:
    with pytest.raises(FormatError) as caught:
        factlog.loads(json.dumps(data), name="doc.json")
    return caught.value.errors


def test_places_inside_each_other_are_refused_with_both_paths() -> None:
    """Two entities each part_of the other: a format error at each link."""
    data = _golden()
    entities = data["entities"]
    assert isinstance(entities, list)
    entities[0]["part_of"] = [entities[1]["id"]]
    entities[1]["part_of"] = [entities[0]["id"]]
    problems = _problems(data)
    assert "doc.json: $.entities[0].part_of[0]" in problems[0]
    assert "doc.json: $.entities[1].part_of[0]" in problems[1]
    assert all("part_of makes a cycle" in problem for problem in problems)


def test_self_affiliation_is_refused() -> None:
    """An entity speaking for itself through affiliation is a cycle of one."""
    data = _golden()
    entities = data["entities"]
    assert isinstance(entities, list)
    entities[0]["affiliation"] = entities[0]["id"]
    [problem] = _problems(data)
    assert problem.startswith("doc.json: $.entities[0].affiliation: affiliation makes a cycle")


def test_sources_copied_from_each_other_are_refused() -> None:
    """Two sources each derived_from the other: a format error at each link."""
    data = _golden()
    sources = data["sources"]
    assert isinstance(sources, list)
    sources.append({**sources[0], "id": "copy", "derived_from": [sources[0]["id"]]})
    sources[0]["derived_from"] = ["copy"]
    problems = _problems(data)
    assert [p.split(": ")[1] for p in problems] == ["$.sources[0].derived_from[0]", "$.sources[1].derived_from[0]"]


def test_predicate_exclusive_with_itself_is_refused() -> None:
    """A predicate that excludes itself would contradict every claim that uses it."""
    data = _golden()
    predicates = data["predicates"]
    assert isinstance(predicates, list)
    predicates[0]["exclusive_with"] = [predicates[0]["id"]]
    name = predicates[0]["id"]
    assert _problems(data) == [f"doc.json: $.predicates[0].exclusive_with[0]: predicate {name!r} cannot exclude itself"]


def test_integer_too_long_to_read_is_named_by_its_path() -> None:
    """A 5000-digit offset gives a plain message with its JSON path, no interpreter advice."""
    data = _golden()
    claims = data["claims"]
    assert isinstance(claims, list)
    text = json.dumps(data).replace(f'"start": {claims[0]["evidence"][0]["start"]},', '"start": ' + "9" * 5000 + ",", 1)
    [problem] = _problems_of_text(text)
    assert (
        problem == "doc.json: $.claims[0].evidence[0].start: a number of 5000 digits is too long (at most 4300 digits)"
    )


def _problems_of_text(text: str) -> list[str]:
    with pytest.raises(FormatError) as caught:
        factlog.loads(text, name="doc.json")
    return caught.value.errors


def test_duplicate_definition_names_both_json_paths(tmp_path: Path) -> None:
    """An entity defined differently in two files: the error gives each file's JSON path."""
    data = _golden()
    (tmp_path / "a.json").write_text(json.dumps(data))
    entities = data["entities"]
    assert isinstance(entities, list)
    entities.append(entities.pop(0))
    entities[-1]["name"] = "Another name"
    (tmp_path / "b.json").write_text(json.dumps(data))
    with pytest.raises(ConflictError) as caught:
        factlog.load(tmp_path)
    last = len(entities) - 1
    assert caught.value.errors[0].startswith(f"{tmp_path / 'b.json'}: $.entities[{last}]: entity ")
    assert f"(first at {tmp_path / 'a.json'}: $.entities[0])" in caught.value.errors[0]
    assert caught.value.errors[0].endswith(": name: 'Another name' here, 'North Korea' first")


@given(st.dictionaries(st.sampled_from("abcdef"), st.lists(st.sampled_from("abcdefg"), max_size=3), max_size=6))
def test_links_on_cycles_match_a_brute_force_search(links: dict[str, list[str]]) -> None:
    """A link a→b is on a cycle exactly when b leads back to a."""
    expected = links_on_cycles(links)
    assert on_cycles(links) == expected


def test_a_cycle_error_names_the_link_at_its_path_as_written() -> None:
    """At $.sources[0].derived_from[0] the message reads that source derives from its parent, which derives back."""
    data = _golden()
    sources = data["sources"]
    assert isinstance(sources, list)
    sources.append({**sources[0], "id": "copy", "derived_from": [sources[0]["id"]]})
    sources[0]["derived_from"] = ["copy"]
    first = _problems(data)[0]
    original = sources[0]["id"]
    assert first.endswith(
        f"'{original}' derives from 'copy', which derives from '{original}' (directly or through others)"
    )
