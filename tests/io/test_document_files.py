"""Files and folders: sets merged across files, atomic writes, JSON Lines read a line at a time, migrations."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given

import factlog
from factlog import ClaimSet, ConflictError, FormatError, InputError, UnknownIdError
from factlog.io import _documents as codec
from factlog.io import _parsing as parsing
from factlog.io._migrations import upgrade
from tests.helpers import GOLDEN, ROOT
from tests.strategies import claim_sets


def test_folder_loads_as_one_merged_set(tmp_path: Path) -> None:
    """Entities in one file and claims in another load together from a folder."""
    data = json.loads(GOLDEN.read_text())
    registry = {"format": "factlog", "version": 1, "entities": data.pop("entities")}
    (tmp_path / "entities.json").write_text(json.dumps(registry))
    (tmp_path / "story").mkdir()
    (tmp_path / "story" / "claims.json").write_text(json.dumps(data))
    merged = factlog.load(tmp_path)
    assert merged == factlog.loads(GOLDEN.read_text())
    assert merged.document_path("choe-moscow") == tmp_path / "story" / "document.txt"


def test_conflicting_redefinition_names_both_files(tmp_path: Path) -> None:
    """The same id defined differently in two files is a ConflictError naming both."""
    data = json.loads(GOLDEN.read_text())
    (tmp_path / "a.json").write_text(json.dumps(data))
    data["entities"][0]["name"] = "Democratic People's Republic of Korea"
    (tmp_path / "b.json").write_text(json.dumps(data))
    with pytest.raises(ConflictError) as caught:
        factlog.load(tmp_path)
    assert caught.value.errors == [
        f"{tmp_path / 'b.json'}: $.entities[0]: entity 'dprk' is defined twice, differently"
        f' (first at {tmp_path / "a.json"}: $.entities[0]): name: "Democratic People\'s Republic of Korea" here,'
        " 'North Korea' first"
    ]


def test_identical_redefinition_is_kept_once(tmp_path: Path) -> None:
    """Two files defining the same entity identically merge without complaint."""
    text = GOLDEN.read_text()
    (tmp_path / "a.json").write_text(text)
    (tmp_path / "b.json").write_text(text)
    assert factlog.load(tmp_path) == factlog.loads(text)


def test_references_are_checked_across_files(tmp_path: Path) -> None:
    """A dangling id in one file of a folder names that file."""
    data = json.loads(GOLDEN.read_text())
    data["claims"][0]["attribution"]["holder"] = "nobody"
    (tmp_path / "claims.json").write_text(json.dumps(data))
    with pytest.raises(UnknownIdError) as caught:
        factlog.load([tmp_path / "claims.json"])
    assert caught.value.errors == [
        f"{tmp_path / 'claims.json'}: $.claims[0].attribution.holder: unknown entity 'nobody'"
    ]


def test_errors_from_several_files_are_all_reported(tmp_path: Path) -> None:
    """Two broken files: both are named in one FormatError."""
    (tmp_path / "a.json").write_text("[]")
    (tmp_path / "b.json").write_text("{")
    with pytest.raises(FormatError) as caught:
        factlog.load(tmp_path)
    assert [error.split(":")[0] for error in caught.value.errors] == [
        str(tmp_path / "a.json"),
        str(tmp_path / "b.json"),
    ]


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    """A path that does not exist raises InputError, an OSError."""
    with pytest.raises(InputError, match="no such file or folder") as caught:
        factlog.load(tmp_path / "absent.json")
    assert isinstance(caught.value, OSError)


def test_empty_folder_is_an_input_error(tmp_path: Path) -> None:
    """A folder with no claim files is reported, not loaded as an empty set."""
    with pytest.raises(InputError, match="no claim files"):
        factlog.load(tmp_path)


def test_dump_writes_atomically_and_leaves_no_temporary(tmp_path: Path) -> None:
    """dump replaces the target whole and leaves nothing else in the folder."""
    target = tmp_path / "out.json"
    target.write_text("old")
    claims = factlog.loads(GOLDEN.read_text())
    factlog.dump(claims, target)
    assert target.read_text() == GOLDEN.read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_dump_by_extension_writes_json_lines(tmp_path: Path) -> None:
    """A .jsonl target gets JSON Lines, and load reads it back by its extension."""
    claims = factlog.loads(GOLDEN.read_text())
    factlog.dump(claims, tmp_path / "out.jsonl")
    assert (tmp_path / "out.jsonl").read_text().splitlines()[0] == '{"format":"factlog","version":1}'
    assert factlog.load(tmp_path / "out.jsonl") == claims


def test_json_lines_errors_name_the_line() -> None:
    """A bad record in a JSON Lines file names its line number."""
    lines = factlog.dumps_lines(factlog.loads(GOLDEN.read_text())).splitlines()
    lines.insert(2, '{"type": "rumour"}')
    lines.insert(3, "{not json")
    with pytest.raises(FormatError) as caught:
        factlog.loads_lines("\n".join(lines), name="set.jsonl")
    assert caught.value.errors[0].startswith('set.jsonl:3: expected an object with "type" one of')
    assert caught.value.errors[1].startswith("set.jsonl:4: invalid JSON at column 2:")


def test_dump_to_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    """Writing into a folder that does not exist raises InputError."""
    with pytest.raises(InputError, match="cannot write"):
        factlog.dump(factlog.ClaimSet(), tmp_path / "absent" / "out.json")


def test_upgrade_runs_migrations_in_order() -> None:
    """An old document passes through each migration step up to the current version."""
    steps = {1: lambda d: {**d, "claims": [*d.get("claims", []), "v2"]}, 2: lambda d: {**d, "seen": d["claims"]}}
    upgraded = upgrade({"format": "factlog", "version": 1}, steps, current=3)
    assert upgraded == {"format": "factlog", "version": 3, "claims": ["v2"], "seen": ["v2"]}


def test_upgrade_without_a_step_is_an_error() -> None:
    """A version with no migration to the next is reported, not guessed."""
    with pytest.raises(FormatError, match="no migration from version 1"):
        upgrade({"format": "factlog", "version": 1}, {}, current=2)


@given(claim_sets())
def test_json_lines_files_stream_to_the_set_read_whole(claims: ClaimSet) -> None:
    """Reading a JSON Lines file a line at a time gives the set read from its whole text."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "set.jsonl"
        factlog.dump(claims, path)
        assert codec._stream_lines(path, factlog.DEFAULT_LIMITS) == claims
        assert factlog.load(path) == factlog.loads_lines(path.read_text(encoding="utf-8")) == claims


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda lines: [*lines, lines[-1]], "is defined twice"),
        (lambda lines: [lines[0], lines[1].replace('"id": ', '"id": "x", "id": ', 1), *lines[2:]], "duplicate key"),
        (lambda lines: [lines[0], '{"type": "rumour"}', *lines[1:]], 'set.jsonl:2: expected an object with "type"'),
        (lambda lines: ['{"format": "factlog", "version": true}', *lines[1:]], "expected a format version"),
    ],
)
def test_json_lines_files_that_do_not_stream_are_read_whole(
    tmp_path: Path, change: Callable[[list[str]], list[str]], expected: str
) -> None:
    """A file the streaming reader does not accept is read whole, and its problem named."""
    lines = factlog.dumps_lines(factlog.loads(GOLDEN.read_text())).replace('":', '": ').splitlines()
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(change(lines)) + "\n", encoding="utf-8")
    assert codec._stream_lines(path, factlog.DEFAULT_LIMITS) is None
    with pytest.raises(factlog.FactlogError, match=expected):
        factlog.load(path)


def test_without_orjson_reading_and_writing_give_the_same_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The standard library's paths read the same sets and write the same bytes as orjson's."""
    claims = factlog.load(ROOT / "sources")
    text = factlog.dumps(claims)
    factlog.dump(claims, tmp_path / "with.jsonl")
    monkeypatch.setattr(parsing, "orjson_module", lambda: None)  # every reader looks it up there
    assert parsing.parse_quickly([text]) is None
    assert codec._stream_lines(tmp_path / "with.jsonl", factlog.DEFAULT_LIMITS) is None
    assert factlog.dumps(claims) == text
    assert factlog.loads(text) == claims
    assert factlog.load(tmp_path / "with.jsonl") == claims
