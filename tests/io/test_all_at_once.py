"""Every problem of a file in one run: refused fields and the references between the records that read."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import factlog
from factlog.cli import main
from tests.helpers import claim, world

CERTAINTY = "expected one of uncommitted, possible, probable, certain, got 'sure'"


def _lines() -> list[dict[str, object]]:
    """The records of a small set as JSON Lines: header, entities, predicates, sources, claims a and b."""
    text = factlog.dumps_lines(world(claim("a"), claim("b"), claim("c", holder="russia")))
    return [json.loads(line) for line in text.splitlines()]


def _broken() -> list[dict[str, object]]:
    """Claim a with a certainty the format refuses, claim b held by an entity defined nowhere."""
    records = _lines()
    for record in records:
        if record.get("id") == "a":
            record["certainty"] = "sure"
        if record.get("id") == "b":
            record["attribution"] = {"holder": "nobody"}
    return records


def _line_of(records: list[dict[str, object]], id: str) -> int:
    return next(n for n, record in enumerate(records, start=1) if record.get("id") == id)


def _write_lines(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def _problems(path: Path) -> list[str]:
    with pytest.raises(factlog.FormatError) as raised:
        factlog.load(path)
    return raised.value.errors


def test_json_lines_report_a_bad_value_and_an_unknown_holder_in_one_run(tmp_path: Path) -> None:
    """A refused certainty and an unknown holder in two records: both, in file order, at FILE:LINE: $.path."""
    records = _broken()
    path = _write_lines(tmp_path / "set.jsonl", records)
    assert _problems(path) == [
        f"{path}:{_line_of(records, 'a')}: $.certainty: {CERTAINTY}",
        f"{path}:{_line_of(records, 'b')}: $.attribution.holder: unknown entity 'nobody'",
    ]


def test_loads_lines_reports_both_in_one_run() -> None:
    """``factlog.loads_lines`` reports what ``load`` reports, named by the name given."""
    records = _broken()
    with pytest.raises(factlog.FormatError) as raised:
        factlog.loads_lines("".join(json.dumps(record) + "\n" for record in records), name="set.jsonl")
    assert [error.split(": $.")[0] for error in raised.value.errors] == [
        f"set.jsonl:{_line_of(records, 'a')}",
        f"set.jsonl:{_line_of(records, 'b')}",
    ]


def test_the_same_set_as_one_json_document_reports_the_same_problems(tmp_path: Path) -> None:
    """Written as one JSON document, the set gives the same two problems, by JSON path."""
    records = _broken()
    document: dict[str, object] = dict(records[0])
    for record in records[1:]:
        section = {"entity": "entities", "predicate": "predicates", "source": "sources", "claim": "claims"}
        document.setdefault(section[str(record.pop("type"))], []).append(record)  # type: ignore[attr-defined]
    path = tmp_path / "set.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    lines = [re.sub(r"^.*?:\d+: \$", "$", error) for error in _problems(_write_lines(tmp_path / "l.jsonl", _broken()))]
    assert [re.sub(r"^.*?: \$\.claims\[\d+\]", "$", error) for error in _problems(path)] == lines
    assert len(lines) == 2


def test_a_refused_entity_is_not_also_reported_unknown(tmp_path: Path) -> None:
    """Claims citing an entity whose record is refused are not reported: the record defines the id once mended."""
    records = _lines()
    for record in records:
        if record.get("id") == "russia":
            record["kind"] = "planet"
    path = _write_lines(tmp_path / "set.jsonl", records)
    [problem] = _problems(path)
    assert problem.startswith(f"{path}:{_line_of(records, 'russia')}: $.kind: expected one of ")


def test_problems_of_json_lines_come_in_the_order_of_their_lines(tmp_path: Path) -> None:
    """A claim written before the entities has its problem said first, as the file holds it."""
    records = _broken()
    claim_a = records.pop(_line_of(records, "a") - 1)
    records.insert(1, claim_a)
    for record in records:
        if record.get("id") == "dprk":
            record["kind"] = "planet"
    path = _write_lines(tmp_path / "set.jsonl", records)
    assert [int(error[len(str(path)) + 1 :].split(":")[0]) for error in _problems(path)] == [
        2,
        _line_of(records, "dprk"),
        _line_of(records, "b"),
    ]


def test_a_problem_outside_any_record_leaves_the_fields_alone(tmp_path: Path) -> None:
    """A key the document does not take: the fields are reported, the references once the file reads."""
    records = _broken()
    document: dict[str, object] = {"format": "factlog", "version": 1, "rumours": [], "claims": []}
    document["claims"] = [{k: v for k, v in record.items() if k != "type"} for record in records[-3:]]
    path = tmp_path / "set.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert not any("unknown entity" in error for error in _problems(path))


def test_validate_prints_both_problems_and_exits_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`factlog validate` on the JSON Lines file prints both problems, then the hint, and exits 3."""
    path = _write_lines(tmp_path / "set.jsonl", _broken())
    code = main(["validate", str(path)])
    printed = capsys.readouterr().err.splitlines()
    assert (code, [line.split(": ")[2] for line in printed[:2]], printed[2][:5]) == (
        3,
        ["$.certainty", "$.attribution.holder"],
        "hint:",
    )


def test_a_file_that_cannot_be_read_leaves_the_others_fields_alone(tmp_path: Path) -> None:
    """The entities in a file that is no JSON: the other file's refused field is said, no id is called unknown."""
    records = _broken()
    (tmp_path / "a-entities.json").write_text("{", encoding="utf-8")
    _write_lines(tmp_path / "b-claims.jsonl", [records[0], *(r for r in records[1:] if r.get("type") != "entity")])
    problems = _problems(tmp_path)
    assert (len(problems), any("unknown entity" in problem for problem in problems)) == (2, False)


def test_the_problems_of_several_files_come_file_by_file(tmp_path: Path) -> None:
    """A refused field in the first file is said before an unknown holder in the second, as the files are read."""
    records = _broken()
    entities = [records[0], *(r for r in records[1:] if r.get("type") != "claim")]
    claims = [r for r in records if r.get("type") == "claim"]
    _write_lines(tmp_path / "a.jsonl", [*entities, *(r for r in claims if r["id"] == "a")])
    _write_lines(tmp_path / "b.jsonl", [records[0], *(r for r in claims if r["id"] != "a")])
    assert [Path(problem.split(":")[0]).name for problem in _problems(tmp_path)] == ["a.jsonl", "b.jsonl"]


def test_a_line_that_is_no_json_is_reported_alone_as_the_docs_say(tmp_path: Path) -> None:
    """A folder: a file with a line that is no JSON, another mentioning an id defined nowhere; then mended."""
    records = _lines()
    (tmp_path / "broken.jsonl").write_text(
        "".join(json.dumps(record) + "\n" for record in records[:-1]) + "{\n", encoding="utf-8"
    )
    held = [record for record in records if record.get("type") != "claim"]
    b = next(record for record in records if record.get("id") == "b")
    held.append({**b, "id": "z", "attribution": {"holder": "nobody"}})
    _write_lines(tmp_path / "other.jsonl", held)
    with pytest.raises(factlog.FormatError) as first:
        factlog.load(tmp_path)
    assert [re.sub(r":\d+:", ":N:", error) for error in first.value.errors] == [
        f"{tmp_path / 'broken.jsonl'}:N: invalid JSON at column 2: Expecting property name enclosed in double quotes"
    ]
    _write_lines(tmp_path / "broken.jsonl", records)
    with pytest.raises(factlog.UnknownIdError) as second:
        factlog.load(tmp_path)
    assert [re.sub(r":\d+:", ":N:", error) for error in second.value.errors] == [
        f"{tmp_path / 'other.jsonl'}:N: $.attribution.holder: unknown entity 'nobody'"
    ]
