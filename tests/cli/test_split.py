"""``factlog split``: written, refused, and what a check of the folder gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import factlog
from tests.helpers import ROOT, claim, run, world
from tests.io.test_split_problems import spoiled_input


def test_split_writes_the_folder_and_says_so(tmp_path: Path) -> None:
    """Exit 0, one line saying what was written; the check of the folder prints the check of the input."""
    ran = run("split", "sources", str(tmp_path / "out"), "--claims-per-file", "4")
    assert ran.returncode == 0
    parts = len(list((tmp_path / "out").glob("claims-*.jsonl")))
    assert ran.stdout == f"{tmp_path / 'out'}: tables.json and {parts} claim files\n"
    assert parts == -(-len(factlog.load(ROOT / "sources").claims) // 4)
    assert (
        run("check", "--format", "json", str(tmp_path / "out")).stdout
        == run("check", "--format", "json", "sources").stdout
    )


def test_a_non_empty_folder_is_refused_without_force(tmp_path: Path) -> None:
    """Exit 3 naming the folder; with --force an earlier split is replaced."""
    assert run("split", "sources", str(tmp_path / "out")).returncode == 0
    ran = run("split", "sources", str(tmp_path / "out"), "--claims-per-file", "5")
    assert ran.returncode == 3
    assert ran.stderr.startswith(
        f"error: {tmp_path / 'out'}: not empty: give a new or empty folder, or --force (Python: force=True)"
        " to replace an earlier split"
    )
    assert len(list((tmp_path / "out").glob("claims-*.jsonl"))) == 1
    assert run("split", "--force", "sources", str(tmp_path / "out"), "--claims-per-file", "5").returncode == 0
    assert len(list((tmp_path / "out").glob("claims-*.jsonl"))) > 1


def test_claims_per_file_below_one_is_a_usage_error(tmp_path: Path) -> None:
    """--claims-per-file 0: exit 2, nothing written."""
    ran = run("split", "sources", str(tmp_path / "out"), "--claims-per-file", "0")
    assert ran.returncode == 2
    assert "argument --claims-per-file: expected a whole number of claims, 1 or more, got '0'" in ran.stderr
    assert not (tmp_path / "out").exists()


def test_invalid_input_is_named_and_writes_nothing(tmp_path: Path) -> None:
    """A claim with a misspelled key: exit 3, the file, line and key named, no folder written."""
    text = factlog.dumps_lines(world(claim("c1"))).replace('"statement":', '"statment":')
    (tmp_path / "bad.jsonl").write_text(text, encoding="utf-8")
    ran = run("split", str(tmp_path / "bad.jsonl"), str(tmp_path / "out"))
    assert ran.returncode == 3
    assert f"{tmp_path / 'bad.jsonl'}:" in ran.stderr
    assert "statment" in ran.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bad.jsonl"]


def test_a_missing_input_is_refused(tmp_path: Path) -> None:
    """An input that does not exist: exit 3, named."""
    ran = run("split", str(tmp_path / "none.jsonl"), str(tmp_path / "out"))
    assert ran.returncode == 3
    assert "none.jsonl: no such file or folder" in ran.stderr


def test_claims_per_file_grouped_by_thousands(tmp_path: Path) -> None:
    """`--claims-per-file 100,000` is read as --max-pairs reads it; `5,0000` (a typo) is a usage error."""
    assert run("split", "sources", str(tmp_path / "out"), "--claims-per-file", "100,000").returncode == 0
    assert len(list((tmp_path / "out").glob("claims-*.jsonl"))) == 1
    ran = run("split", "sources", str(tmp_path / "typo"), "--claims-per-file", "5,0000")
    assert ran.returncode == 2
    assert "expected a whole number of claims, 1 or more, got '5,0000'" in ran.stderr
    assert not (tmp_path / "typo").exists()


def test_an_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    """`factlog split PATH ""`: exit 2, one line naming FOLDER, nothing written in the working folder."""
    ran = run("split", str(ROOT / "sources"), "", cwd=tmp_path)
    assert ran.returncode == 2
    assert ran.stderr.splitlines()[-1] == (
        "factlog split: error: argument FOLDER: expected a folder, got an empty path (the working folder is '.')"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("suffix", "section"), [(".jsonl", "sources"), (".json", "sources"), (".json", "claims")])
def test_documents_and_format_problems_are_told_in_one_run(tmp_path: Path, suffix: str, section: str) -> None:
    """Tables refused, or a JSON document: exit 3, the documents of the sources that read, then the problems."""
    written, spoiled, place = spoiled_input(tmp_path, suffix, section, 1, 0)
    target = tmp_path / f"set{suffix}"
    target.write_text(written, encoding="utf-8")
    documents = run("split", str(target), str(tmp_path / "out")).stderr.splitlines()
    target.write_text(spoiled, encoding="utf-8")
    checked = run("validate", str(target))
    ran = run("split", str(target), str(tmp_path / "out"))
    assert ran.returncode == checked.returncode == 3
    problems = [line for line in checked.stderr.splitlines() if line.startswith("error: ")]
    kept = [line for line in documents if not (section == "sources" and line.startswith(f"error: {place}:"))]
    assert ran.stderr.splitlines()[: len(kept) + len(problems)] == [*kept, *problems]
    assert len(kept) == 10 - (section == "sources")
    assert not (tmp_path / "out").exists()


def _missing_documents(folder: Path, suffix: str, documents: int, misspelled: int) -> Path:
    """Input of ``documents`` sources whose documents are missing and ``misspelled`` source records refused."""
    header = {"format": "factlog", "version": 1}
    entity = {"id": "pub", "name": "Pub", "kind": "organisation"}
    sources = [{"id": f"s{n}", "title": "t", "publisher": "pub", "document": f"d{n}.txt"} for n in range(documents)]
    sources += [{"id": f"t{n}", "title": "t", "publisher": "pub", "documnt": "x"} for n in range(misspelled)]
    path = folder / f"set{suffix}"
    if suffix == ".jsonl":
        records = [header, {"type": "entity", **entity}, *({"type": "source", **source} for source in sources)]
        path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    else:
        path.write_text(json.dumps({**header, "entities": [entity], "sources": sources}), encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
@pytest.mark.parametrize(("documents", "misspelled", "limit"), [(30, 0, 5), (30, 7, 5), (3, 7, 5), (4, 1, 5)])
def test_max_problems_caps_the_documents_and_the_problems_together(
    tmp_path: Path, suffix: str, documents: int, misspelled: int, limit: int
) -> None:
    """``--max-problems N``: the first N problems in full, documents first; the others counted by kind, as on check."""
    path = _missing_documents(tmp_path, suffix, documents, misspelled)
    ran = run("split", "--max-problems", str(limit), str(path), str(tmp_path / "out"))
    assert ran.returncode == 3
    lines = [line.removeprefix("error: ") for line in ran.stderr.splitlines() if line.startswith("error: ")]
    told = [line for line in lines if line.startswith(str(path))]
    total = documents + misspelled
    assert len(told) == min(limit, total)
    assert all(line.endswith("a split cannot keep it") for line in told[: min(limit, documents)])
    counted = {
        line.strip().split(" × ", 1)[1]: int(line.strip().split(" × ", 1)[0].replace(",", ""))
        for line in lines
        if " × " in line
    }
    assert sum(counted.values()) == total - len(told)
    if documents > limit:
        assert any(kind.endswith(".document: documents a split cannot keep") for kind in counted)
        assert f"and {total - limit:,} more problems of these kinds:" in lines
