"""`factlog ... --help` says what each command does and how it exits; errors say how to mend the usual problems."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import attrs
import pytest

from factlog import ClaimLog, ClaimSet, cli, dumps
from factlog.cli._common import HINTS
from tests.helpers import ENTITIES, GOLDEN, PREDICATES, ROOT, SOURCES, Ran, claim, run


def _commands() -> dict[str, argparse.ArgumentParser]:
    """Every command and log action by its name as typed (``log append``), with its parser."""
    [commands] = [a for a in cli._parser()._actions if isinstance(a, argparse._SubParsersAction)]
    found: dict[str, argparse.ArgumentParser] = {}
    for name, parser in commands.choices.items():
        found[name] = parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                found.update({f"{name} {sub}": subparser for sub, subparser in action.choices.items()})
    return found


@pytest.mark.parametrize("name", sorted(set(_commands()) - {"schema"}))
def test_every_command_s_help_describes_it_and_its_exit_codes(name: str) -> None:
    """Each command's and log action's --help has a description and an epilog that gives its exit codes."""
    parser = _commands()[name]
    assert parser.description, name
    assert parser.epilog is not None, name
    assert parser.epilog.startswith("Exit 0 "), name
    assert "2 for a usage error" in parser.epilog, name


def test_format_options_give_their_default() -> None:
    """Every --format option's help names its default."""
    for name, parser in _commands().items():
        for action in parser._actions:
            if "--format" in action.option_strings:
                assert action.help is not None, name
                assert f"(default: {action.default})" in action.help, name


def test_a_claims_file_without_its_registry_ends_with_one_hint(tmp_path: Path) -> None:
    """One article's claims checked without the shared registry: each unknown id, then one hint on mending it."""
    shutil.copytree(ROOT / "sources" / "li-qiang-visit", tmp_path / "li")
    result = run("check", str(tmp_path / "li"))
    assert result.returncode == 3
    lines = result.stderr.splitlines()
    assert lines[0].startswith("error: ")
    assert "unknown entity 'li-qiang-outlet'" in lines[0]
    assert all(line.startswith("error: ") for line in lines[:-1])
    assert lines[-1] == HINTS["unknown id"]
    assert "entities.json vocabulary.json" in lines[-1]


def test_a_claim_log_refusal_naming_an_unknown_predicate_gets_no_file_hint(tmp_path: Path) -> None:
    """A store's refusal (an inverse renamed under a claim) says what to do itself: no hint about files given."""
    store = tmp_path / "claims.db"
    log = ClaimLog(store)
    log.append([*ENTITIES, *PREDICATES, *SOURCES, claim("n", "russia", "receives-weapons-from", "dprk")])
    renamed = tmp_path / "renamed.json"
    renamed.write_text(dumps(ClaimSet(predicates=(attrs.evolve(PREDICATES[0], inverse="gets-weapons-from"),))))
    result = run("log", "append", str(store), str(renamed), "--replace")
    assert result.returncode == 3
    assert "would strand claim 'n'" in result.stderr
    assert "unknown predicate 'receives-weapons-from'" in result.stderr
    assert "hint:" not in result.stderr


def _validated_golden(tmp_path: Path, key: str, value: str) -> tuple[Path, Ran]:
    """``factlog validate`` of the golden document with its first claim's ``key`` set to ``value``."""
    document = json.loads(GOLDEN.read_text(encoding="utf-8"))
    document["claims"][0][key] = value
    path = tmp_path / "claims.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path, run("validate", str(path))


def test_a_key_in_the_wrong_object_gets_the_field_reference_hint(tmp_path: Path) -> None:
    """A claim with `holder` outside its attribution: the problem and its path, then the hint naming the reference."""
    path, result = _validated_golden(tmp_path, "holder", "kcna")
    assert result.returncode == 3
    assert result.stderr.splitlines() == [
        f"error: {path}: $.claims[0]: unexpected key 'holder'",
        HINTS["unexpected key"],
    ]


def test_a_file_without_those_problems_gets_no_hint(tmp_path: Path) -> None:
    """A wrong enumerated word is reported alone: no hint line."""
    _, result = _validated_golden(tmp_path, "certainty", "sure")
    assert result.returncode == 3
    assert [line.split(": ")[0] for line in result.stderr.splitlines()] == ["error"]


def test_cli_md_reads_an_entry_that_assess_prints() -> None:
    """The entry docs/cli.md explains under "Reading an assessment" is, line for line, what `assess sources/` prints."""
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    entry = text.split("### Reading an assessment\n", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    assert entry.count("\n") == 7
    assert "\n" + entry in run("assess", "sources/").stdout


@pytest.mark.parametrize(
    ("option", "value", "reason"),
    [
        ("--source", "Bad Id", "expected an id like 'li-qiang-visit' (lowercase letters, digits,"),
        ("--published", "4 March", "expected a partial date like 2025, 2025-10"),
        ("--publisher", " ", "expected a name, got ' '"),
    ],
)
def test_a_draft_option_refused_is_a_usage_error_naming_it(
    tmp_path: Path, option: str, value: str, reason: str
) -> None:
    """A malformed --source, --published or --publisher of `factlog draft` exits 2 naming the option."""
    article = tmp_path / "article.txt"
    article.write_text("Moscow denied the report.\n", encoding="utf-8")
    options = {"--source": "article", option: value}
    result = run(
        "draft", str(article), *(word for pair in options.items() for word in pair), "-o", str(tmp_path / "o.json")
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"factlog draft: error: {option}: {reason}")
    assert not (tmp_path / "o.json").exists()


def test_a_stray_json_file_in_a_folder_gets_the_folder_hint(tmp_path: Path) -> None:
    """A JSON file without "format" in a folder: its problems, then the hint that a folder loads every JSON file."""
    (tmp_path / "claims.json").write_text(GOLDEN.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "notes.json").write_text('{"items": []}', encoding="utf-8")
    result = run("check", str(tmp_path))
    assert result.returncode == 3
    lines = result.stderr.splitlines()
    assert lines[0] == f"error: {tmp_path / 'notes.json'}: $.format: required key missing (expected 'factlog')"
    assert lines[-1] == HINTS["no format"]


def test_log_show_s_help_says_how_to_check_the_log_with_its_documents() -> None:
    """`factlog log show --help` names `log export --to` and `check`: the printed JSON holds no stored document."""
    ran = run("log", "show", "--help")
    assert ran.returncode == 0
    text = " ".join(ran.stdout.split())
    assert "factlog log export claims.db --to now/, then factlog check now/" in text
