"""``factlog.split_lines``: a claim set laid out as tables.json and claim files loads and checks as the input does."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog.io._split import Parts
from factlog.io._splitstream import stream_claims, stream_tables
from factlog.render import render_json
from tests.helpers import claim, generated_lines, world
from tests.strategies import claim_sets, crowded_claim_sets, linked_claim_sets, written_claim_sets

ROOT = Path(__file__).parent.parent.parent
_SETS = claim_sets(max_claims=12) | linked_claim_sets() | crowded_claim_sets() | written_claim_sets(max_claims=10)


def _write_input(claims: factlog.ClaimSet, folder: Path, suffix: str) -> Path:
    """The set as one file of ``folder``, with a document for each source that names one."""
    for source in claims.sources:
        if source.document is not None:
            document = folder / source.document
            document.parent.mkdir(parents=True, exist_ok=True)
            document.write_text(f"The text of {source.id}.", encoding="utf-8")
    path = folder / f"claims{suffix}"
    factlog.dump(claims, path)
    return path


def _expected_report(given: factlog.ClaimSet, split: factlog.ClaimSet) -> str:
    """The input's JSON report with each stale acknowledgement named where the split keeps it (tables.json)."""
    text = render_json(factlog.check(given))
    for ack in given.acknowledged:
        old = json.dumps(f"at {given.acknowledged_at[ack.finding]} ")[1:-1]
        new = json.dumps(f"at {split.acknowledged_at[ack.finding]} ")[1:-1]
        text = text.replace(old, new)
    return text


def _parts(folder: Path) -> list[Path]:
    return sorted(folder.glob("claims-*.jsonl"))


@given(_SETS, st.integers(1, 5), st.sampled_from([".json", ".jsonl"]))
def test_split_then_load_and_check_equal_load_and_check(claims: factlog.ClaimSet, size: int, suffix: str) -> None:
    """Any claim set, any claims per file, from a document or JSON Lines: the same set, the same JSON report."""
    with tempfile.TemporaryDirectory() as temporary:
        source = Path(temporary) / "in"
        source.mkdir()
        path = _write_input(claims, source, suffix)
        written = factlog.split_lines(path, Path(temporary) / "out", size)
        loaded, split = factlog.load(path), factlog.load(Path(temporary) / "out")
        assert split == loaded
        assert render_json(factlog.check(split)) == _expected_report(loaded, split)
        parts = _parts(Path(temporary) / "out")
        assert written == (Path(temporary) / "out" / "tables.json", *parts)
        assert len(parts) == -(-len(loaded.claims) // size)
        held = []
        for part in parts:
            lines = part.read_bytes().splitlines()
            assert lines[0] == b'{"format":"factlog","version":1}'
            held.append(len(lines) - 1)
            assert all(json.loads(line)["type"] == "claim" for line in lines[1:])
        if parts:  # every file full but the last, which holds the rest (at least one claim)
            assert held[:-1] == [size] * (len(parts) - 1)
            assert held[-1] == len(loaded.claims) - size * (len(parts) - 1)
            assert held[-1] >= 1


def test_json_lines_claims_are_copied_as_written(tmp_path: Path) -> None:
    """A JSON Lines input is read a line at a time: its claim lines are copied, not written anew."""
    claims = world(claim("c1"), claim("c2", denied=True), claim("c3"))
    lines = [json.dumps(json.loads(line)) for line in factlog.dumps_lines(claims).splitlines()]  # ", " and ": "
    path = tmp_path / "spaced.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    factlog.split_lines(path, tmp_path / "out", 2)
    copied = [line for part in _parts(tmp_path / "out") for line in part.read_text(encoding="utf-8").splitlines()[1:]]
    assert copied == [line for line in lines if line.startswith('{"type": "claim"')]
    assert factlog.load(tmp_path / "out") == factlog.load(path)


def test_generated_set_same_report_but_stale_places(tmp_path: Path) -> None:
    """The benchmarks' generated set: the same JSON report, its stale acknowledgements named in tables.json."""
    path = generated_lines(tmp_path, 3000)
    factlog.split_lines(path, tmp_path / "out", 1000)
    given, split = factlog.load(path), factlog.load(tmp_path / "out")
    assert len(_parts(tmp_path / "out")) == 3
    assert split == given
    report = render_json(factlog.check(split))
    assert report == _expected_report(given, split)
    assert f"at {tmp_path / 'out' / 'tables.json'}: $.acknowledged[0] " in report


def test_folder_of_files_in_several_folders(tmp_path: Path) -> None:
    """The bundled corpus (files in several folders): documents copied under the folder they share, paths rewritten."""
    written = factlog.split_lines(ROOT / "sources", tmp_path / "out", 10)
    split, given = factlog.load(tmp_path / "out"), factlog.load(ROOT / "sources")
    assert render_json(factlog.check(split)) == render_json(factlog.check(given))
    assert split.claims == given.claims
    assert split.entities == given.entities
    for before, after in zip(given.sources, split.sources, strict=True):
        assert attrs.evolve(before, document=after.document) == after
        if before.document is not None:
            assert split.document_path(after.id).read_bytes() == given.document_path(before.id).read_bytes()
    assert written[0] == tmp_path / "out" / "tables.json"


def test_many_files_numbered_wider(tmp_path: Path) -> None:
    """Past the digits of the numbers (five; one here) they take more digits, so that the files sort in claim order."""
    parts = Parts(tmp_path, 1, width=1)
    for number in range(12):
        parts.write(f"{number}\n".encode())
    names = parts.close()
    assert names == [f"claims-{number:02d}.jsonl" for number in range(1, 13)]
    assert [path.read_bytes().splitlines()[1] for path in sorted(tmp_path.iterdir())] == [
        str(number).encode() for number in range(12)
    ]


def test_a_non_empty_folder_is_refused(tmp_path: Path) -> None:
    """A folder with anything in it is refused without force, and left as it was."""
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(factlog.InputError, match="out: not empty"):
        factlog.split_lines(ROOT / "sources", tmp_path / "out")
    assert [path.name for path in (tmp_path / "out").iterdir()] == ["notes.txt"]


def test_force_replaces_an_earlier_split(tmp_path: Path) -> None:
    """With force, an earlier split is replaced: none of its claim files is left to be read."""
    factlog.split_lines(ROOT / "sources", tmp_path / "out", 5)
    factlog.split_lines(ROOT / "sources", tmp_path / "out", 1000, force=True)
    assert [part.name for part in _parts(tmp_path / "out")] == ["claims-00001.jsonl"]
    assert factlog.load(tmp_path / "out").claims == factlog.load(ROOT / "sources").claims


def test_force_refuses_other_claim_files(tmp_path: Path) -> None:
    """Even with force, a folder holding claim files a split does not write is refused, naming the file."""
    (tmp_path / "out").mkdir()
    factlog.dump(world(claim("c1")), tmp_path / "out" / "mine.json")
    with pytest.raises(factlog.InputError, match=f"holds {tmp_path / 'out' / 'mine.json'}, not part of an earlier"):
        factlog.split_lines(ROOT / "sources", tmp_path / "out", force=True)
    assert [path.name for path in (tmp_path / "out").iterdir()] == ["mine.json"]


def test_a_file_in_place_of_the_folder_is_refused(tmp_path: Path) -> None:
    """A file where the folder should be is refused."""
    (tmp_path / "out").write_text("", encoding="utf-8")
    with pytest.raises(factlog.InputError, match="not a folder"):
        factlog.split_lines(ROOT / "sources", tmp_path / "out")


def test_invalid_input_writes_nothing(tmp_path: Path) -> None:
    """A problem on one line of a JSON Lines input: load's error, with file and line, and no folder written."""
    lines = factlog.dumps_lines(world(claim("c1"), claim("c2"))).splitlines()
    lines[-1] = lines[-1].replace('"statement":', '"certainty":"sure","statement":')
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(factlog.FormatError) as raised:
        factlog.split_lines(path, tmp_path / "out", 1)
    assert raised.value.errors[0].startswith(f"{path}:{len(lines)}: $.certainty")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bad.jsonl"]


def test_a_claim_id_given_twice_is_refused(tmp_path: Path) -> None:
    """Two files defining one claim differently: load's ConflictError, and nothing written."""
    factlog.dump(world(claim("c1")), tmp_path / "a.jsonl")
    factlog.dump(world(claim("c1", denied=True)), tmp_path / "b.jsonl")
    with pytest.raises(factlog.ConflictError, match="'c1' is defined twice"):
        factlog.split_lines([tmp_path / "a.jsonl", tmp_path / "b.jsonl"], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_claim_repeated_identically_is_kept_once(tmp_path: Path) -> None:
    """Two files defining one claim identically: kept once, as load keeps it."""
    factlog.dump(world(claim("c1"), claim("c2")), tmp_path / "a.jsonl")
    factlog.dump(world(claim("c2"), claim("c3")), tmp_path / "b.jsonl")
    factlog.split_lines([tmp_path / "a.jsonl", tmp_path / "b.jsonl"], tmp_path / "out")
    assert [c.id for c in factlog.load(tmp_path / "out").claims] == ["c1", "c2", "c3"]


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        ("missing.txt", "cannot read document"),
        ("link.txt", "lies outside"),
        ("notes.json", "would be read as a claim file"),
        ("folder", "not a regular file"),
    ],
)
def test_a_document_that_cannot_be_kept_is_refused(tmp_path: Path, document: str, reason: str) -> None:
    """A document missing, outside its folder (a link) or named as a claim file: refused by file, line and path."""
    (tmp_path / "outside.txt").write_text("text", encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "link.txt").symlink_to(tmp_path / "outside.txt")
    (tmp_path / "in" / "folder").mkdir()
    (tmp_path / "in" / "notes.json").write_text("{}", encoding="utf-8")
    claims = world(claim("c1"))
    claims = attrs.evolve(claims, sources=(attrs.evolve(claims.sources[0], document=document), *claims.sources[1:]))
    path = tmp_path / "in" / "claims.jsonl"
    factlog.dump(claims, path)
    with pytest.raises(factlog.FormatError, match=reason) as raised:
        factlog.split_lines(path, tmp_path / "out")
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if document in text)
    assert raised.value.errors[0].startswith(f"{path}:{line}: $.document: ")
    assert not (tmp_path / "out").exists()


def test_a_document_of_a_json_input_is_named_by_json_path(tmp_path: Path) -> None:
    """A JSON document's source with a missing document is named by its JSON path."""
    claims = world(claim("c1"))
    claims = attrs.evolve(claims, sources=(attrs.evolve(claims.sources[0], document="gone.txt"), *claims.sources[1:]))
    factlog.dump(claims, tmp_path / "claims.json")
    with pytest.raises(factlog.FormatError) as raised:
        factlog.split_lines(tmp_path / "claims.json", tmp_path / "out")
    assert raised.value.errors[0].startswith(f"{tmp_path / 'claims.json'}: $.sources[0].document: cannot read")


def test_claims_per_file_below_one_is_refused(tmp_path: Path) -> None:
    """claims_per_file under 1 is an ArgumentError."""
    with pytest.raises(factlog.ArgumentError, match="claims_per_file"):
        factlog.split_lines(ROOT / "sources", tmp_path / "out", 0)


def _lines_with(path: Path, claims: factlog.ClaimSet, change: dict[str, object], *, drop: str | None = None) -> None:
    """The set as JSON Lines, its last claim record updated with ``change`` (and its ``drop`` key removed)."""
    lines = [json.loads(line) for line in factlog.dumps_lines(claims).splitlines()]
    last = max(n for n, record in enumerate(lines) if record.get("type") == "claim")
    lines[last].update(change)
    if drop is not None:
        del lines[last][drop]
    path.write_text("".join(json.dumps(record) + "\n" for record in lines), encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "drop"),
    [
        ({}, "id"),  # a claim without an id: its id is a content hash
        ({"proposition": {"subject": "dprk", "predicate": "supplies-weapons-to", "when": "last year"}}, None),
    ],
    ids=["without an id", "when in words"],
)
def test_json_lines_the_stream_does_not_take_are_read_whole(
    tmp_path: Path, change: dict[str, object], drop: str | None
) -> None:
    """A claim without an id, a when in words: read by load instead, and split all the same."""
    path = tmp_path / "claims.jsonl"
    _lines_with(path, world(claim("c1"), claim("c2", denied=True), claim("c3")), change, drop=drop)
    factlog.split_lines(path, tmp_path / "out", 2)
    split, given = factlog.load(tmp_path / "out"), factlog.load(path)
    assert split == given
    assert render_json(factlog.check(split)) == render_json(factlog.check(given))


def test_a_link_to_no_claim_is_refused(tmp_path: Path) -> None:
    """A claim answering a claim no file defines: load's UnknownIdError, with file and line, and nothing written."""
    path = tmp_path / "claims.jsonl"
    _lines_with(path, world(claim("c1"), claim("c2")), {"answers": ["c9"]})
    with pytest.raises(factlog.UnknownIdError, match="c9") as raised:
        factlog.split_lines(path, tmp_path / "out")
    assert raised.value.errors[0].startswith(f"{path}:")
    assert not (tmp_path / "out").exists()


def test_an_unknown_entity_is_refused(tmp_path: Path) -> None:
    """A claim about an entity no file defines: load's UnknownIdError, and nothing written."""
    path = tmp_path / "claims.jsonl"
    _lines_with(path, world(claim("c1"), claim("c2")), {"attribution": {"holder": "nobody"}})
    with pytest.raises(factlog.UnknownIdError, match="nobody"):
        factlog.split_lines(path, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_folder_without_claim_files_is_refused(tmp_path: Path) -> None:
    """No claim file in the input: load's InputError."""
    (tmp_path / "in").mkdir()
    with pytest.raises(factlog.InputError, match="no claim files"):
        factlog.split_lines(tmp_path / "in", tmp_path / "out")


def test_a_folder_whose_parent_is_missing_is_refused(tmp_path: Path) -> None:
    """The folder's own folder must exist."""
    with pytest.raises(factlog.InputError, match="does not exist"):
        factlog.split_lines(ROOT / "sources", tmp_path / "no" / "out")


def test_an_empty_folder_path_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``folder=""``, which Path takes for the working folder: an ArgumentError naming the argument, nothing written."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(factlog.ArgumentError) as raised:
        factlog.split_lines(ROOT / "sources", "")
    assert str(raised.value) == (
        "factlog.split_lines: folder: expected a path, got an empty one (the working folder is '.')"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_is_no_path_is_refused() -> None:
    """A folder given as anything but a path is an ArgumentTypeError."""
    with pytest.raises(factlog.ArgumentTypeError, match="folder"):
        factlog.split_lines(ROOT / "sources", 3)  # type: ignore[arg-type]


@given(linked_claim_sets() | claim_sets(max_claims=12), st.integers(1, 3))
def test_claims_read_in_batches_of_any_size(claims: factlog.ClaimSet, batch: int) -> None:
    """The line-at-a-time reading takes any valid set in batches of any size (links across batches too)."""
    with tempfile.TemporaryDirectory() as temporary:
        path = Path(temporary) / "claims.jsonl"
        factlog.dump(claims, path)
        tables = stream_tables([path], factlog.DEFAULT_LIMITS)
        lines: list[bytes] = []
        count = stream_claims([path], tables, factlog.DEFAULT_LIMITS, lines.append, batch=batch)
    assert count == len(claims.claims)
    assert [json.loads(line)["id"] for line in lines] == [c.id for c in claims.claims]


def test_a_table_record_with_a_problem_is_named(tmp_path: Path) -> None:
    """A source record that does not read: load's FormatError with file and line, and nothing written."""
    text = factlog.dumps_lines(world(claim("c1"))).replace('"title":"Story one"', '"title":"Story one","kind":"rumour"')
    (tmp_path / "bad.jsonl").write_text(text, encoding="utf-8")
    with pytest.raises(factlog.FormatError, match="rumour") as raised:
        factlog.split_lines(tmp_path / "bad.jsonl", tmp_path / "out")
    assert raised.value.errors[0].startswith(f"{tmp_path / 'bad.jsonl'}:")
    assert not (tmp_path / "out").exists()


def test_a_document_of_a_file_read_whole_is_named_by_line(tmp_path: Path) -> None:
    """A JSON Lines file with a when in words and a missing document: the document refused first, by file and line."""
    claims = world(claim("c1"), claim("c2"))
    claims = attrs.evolve(claims, sources=(attrs.evolve(claims.sources[0], document="gone.txt"), *claims.sources[1:]))
    path = tmp_path / "claims.jsonl"
    _lines_with(
        path, claims, {"proposition": {"subject": "dprk", "predicate": "supplies-weapons-to", "when": "last year"}}
    )
    with pytest.raises(factlog.FormatError) as raised:
        factlog.split_lines(path, tmp_path / "out")
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "gone.txt" in text)
    assert raised.value.errors == [
        f"{path}:{line}: $.document: cannot read document {tmp_path / 'gone.txt'}:"
        " No such file or directory; a split cannot keep it"
    ]


def test_an_empty_folder_is_written_into(tmp_path: Path) -> None:
    """An existing empty folder takes the split."""
    (tmp_path / "out").mkdir()
    factlog.split_lines(ROOT / "sources", tmp_path / "out")
    assert factlog.load(tmp_path / "out").claims == factlog.load(ROOT / "sources").claims


def test_another_version_is_read_by_load(tmp_path: Path) -> None:
    """A header of a version this factlog does not know: load's FormatError, and nothing written."""
    text = factlog.dumps_lines(world(claim("c1"))).replace('"version":1', '"version":99', 1)
    (tmp_path / "new.jsonl").write_text(text, encoding="utf-8")
    with pytest.raises(factlog.FormatError, match="version"):
        factlog.split_lines(tmp_path / "new.jsonl", tmp_path / "out")
    assert not (tmp_path / "out").exists()
