"""The command line, run in-process through ``factlog.cli.main``."""

from __future__ import annotations

import json
import re
from importlib import metadata
from pathlib import Path

import jsonschema

import factlog
from benchmarks.generate import generate
from tests.helpers import GOLDEN, run


def test_validate_accepts_a_valid_file() -> None:
    """A valid file: exit 0 and a one-line summary on stdout."""
    result = run("validate", str(GOLDEN))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ok: 5 entities, 2 predicates, 1 source, 3 claims\n"


def test_validate_prints_every_error_and_exits_3(tmp_path: Path) -> None:
    """Each problem goes to stderr on its own line with file and path; exit 3, no traceback."""
    data = json.loads(GOLDEN.read_text())
    data["claims"][0]["certainty"] = "sure"
    data["entities"][0]["kind"] = "nation"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data))
    result = run("validate", str(broken))
    assert result.returncode == 3
    lines = result.stderr.splitlines()
    assert lines == [
        f"error: {broken}: $.entities[0].kind: expected one of country, government-body, political-party, person,"
        " media-outlet, organisation, group, event, place, agreement, other, got 'nation'",
        f"error: {broken}: $.claims[0].certainty: expected one of uncommitted, possible, probable, certain, got 'sure'",
    ]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_validate_missing_file_exits_3(tmp_path: Path) -> None:
    """A path that does not exist is unreadable input: exit 3."""
    result = run("validate", str(tmp_path / "nothing.json"))
    assert result.returncode == 3
    assert "no such file or folder" in result.stderr


def test_validate_truncated_json_exits_3(tmp_path: Path) -> None:
    """Truncated JSON is reported with its line and column."""
    broken = tmp_path / "cut.json"
    broken.write_text(GOLDEN.read_text()[:200])
    result = run("validate", str(broken))
    assert result.returncode == 3
    assert f"{broken}: $: invalid JSON at line" in result.stderr


def test_usage_error_exits_2() -> None:
    """An unknown command is a usage error: exit 2 with usage on stderr."""
    result = run("frobnicate")
    assert result.returncode == 2
    assert "usage: factlog" in result.stderr


def test_version_prints_the_installed_release() -> None:
    """`factlog --version` prints the version the installed distribution declares, and exits 0."""
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout == f"factlog {metadata.version('factlog-claims')}\n"
    assert metadata.version("factlog-claims") == factlog.__version__


def test_schema_prints_a_valid_json_schema() -> None:
    """`factlog schema` prints the schema, which validates the golden file."""
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator(schema).validate(json.loads(GOLDEN.read_text()))


def test_help_lists_commands_and_exit_codes() -> None:
    """--help names every command and the exit codes."""
    result = run("--help")
    assert result.returncode == 0
    for word in ("check", "assess", "show", "export", "log", "validate", "schema", "Exit codes"):
        assert word in result.stdout


def _allegation_and_denials(tmp_path: Path, acknowledged: str | None = None) -> Path:
    """A file with one allegation and two denials of it, as an analyst would write it."""
    data = json.loads(GOLDEN.read_text())
    allegation = data["claims"][0]
    allegation["proposition"].pop("qualifiers")
    allegation.pop("certainty")  # stated as certain: certain against certain is an error
    denial = data["claims"][1]
    second = json.loads(json.dumps(denial))
    second.update(id="weapons-denial-dprk", statement="North Korea denies supplying weapons to Russia.")
    second["attribution"]["holder"] = "kcna"
    second["proposition"] = dict(allegation["proposition"])
    data["claims"] = [allegation, denial, second]
    data["acknowledged"] = [{"finding": acknowledged, "note": "reviewed"}] if acknowledged else []
    path = tmp_path / "claims.json"
    path.write_text(json.dumps(data))
    (tmp_path / "document.txt").write_bytes((GOLDEN.parent / "document.txt").read_bytes())
    return path


def test_check_one_allegation_two_denials_is_one_finding_and_exits_1(tmp_path: Path) -> None:
    """One finding names all three holders, and the check fails (exit 1)."""
    path = _allegation_and_denials(tmp_path)
    result = run("check", str(path), "--format", "json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    [finding] = [f for f in report["findings"] if f["rule"] == "opposed_claims"]
    for holder in ("Western intelligence assessments", "Russia", "Korean Central News Agency"):
        assert holder in finding["message"]
    assert finding["claims"] == {
        "affirming": ["weapons-allegation"],
        "denying": ["weapons-denial-dprk", "weapons-denial-russia"],
    }
    assert finding["severity"] == "error"
    assert report["summary"]["error"] == 1


def test_check_with_the_finding_acknowledged_exits_0(tmp_path: Path) -> None:
    """Acknowledging the finding by id: exit 0, and the output says it was acknowledged."""
    first = json.loads(run("check", str(_allegation_and_denials(tmp_path)), "--format", "json").stdout)
    finding_id = next(f["id"] for f in first["findings"] if f["rule"] == "opposed_claims")
    path = _allegation_and_denials(tmp_path, acknowledged=finding_id)
    result = run("check", str(path))
    assert result.returncode == 0, result.stdout
    assert "[error, acknowledged]" in result.stdout
    assert "1 acknowledged" in result.stdout
    assert "note: reviewed" in result.stdout


def test_check_markdown_escapes_user_text(tmp_path: Path) -> None:
    """Markdown output escapes what users wrote, so a quote cannot inject markup."""
    path = _allegation_and_denials(tmp_path)
    data = json.loads(path.read_text())
    data["entities"][3]["name"] = "<script>alert(1)</script> *bold*"
    path.write_text(json.dumps(data))
    result = run("check", str(path), "--format", "markdown", "--fail-on", "never")
    assert result.returncode == 0
    assert "<script>" not in result.stdout
    assert r"\<script\>" in result.stdout
    assert r"\*bold\*" in result.stdout
    assert result.stdout.startswith("# factlog check\n")


def test_check_single_rule(tmp_path: Path) -> None:
    """--rule runs only the named rule; an unknown name is a usage error."""
    path = _allegation_and_denials(tmp_path)
    result = run("check", str(path), "--rule", "interested_denial", "--format", "json")
    assert {f["rule"] for f in json.loads(result.stdout)["findings"]} == {"interested_denial"}
    bad = run("check", str(path), "--rule", "no_such_rule")
    assert bad.returncode == 2
    assert "unknown rule no_such_rule" in bad.stderr


def test_check_suggests_the_rule_a_misspelt_name_is_close_to(tmp_path: Path) -> None:
    """--rule shared_wordings: a usage error that asks "did you mean shared_wording?"."""
    bad = run("check", str(_allegation_and_denials(tmp_path)), "--rule", "shared_wordings")
    assert bad.returncode == 2
    assert "unknown rule shared_wordings (did you mean shared_wording?); rules are: " in bad.stderr


def test_check_colour_always_and_never(tmp_path: Path) -> None:
    """--colour always paints severities; never (and NO_COLOR) leaves plain text."""
    path = _allegation_and_denials(tmp_path)
    assert "\x1b[" in run("check", str(path), "--colour", "always").stdout
    assert "\x1b[" not in run("check", str(path), "--colour", "never").stdout
    assert "\x1b[" not in run("check", str(path)).stdout


def test_check_unreadable_input_exits_3(tmp_path: Path) -> None:
    """A broken file given to check: errors on stderr, exit 3."""
    broken = tmp_path / "broken.json"
    broken.write_text("{}")
    result = run("check", str(broken))
    assert result.returncode == 3
    assert "$.format: required key missing" in result.stderr


def test_assess_prints_every_proposition_in_each_format() -> None:
    """`factlog assess sources/` in text, JSON and Markdown, exit 0."""
    text = run("assess", "sources/")
    assert text.returncode == 0, text.stderr
    assert "North Korea supplies weapons to Russia (2024–2025-10)" in text.stdout
    assert "denied-by-interested-party" in text.stdout
    data = json.loads(run("assess", "sources/", "--format", "json").stdout)
    [weapons] = [p for p in data["propositions"] if p["key"].startswith("dprk supplies-weapons-to russia")]
    assert set(weapons) >= {"key", "statement", "status", "credibility", "belief", "for", "against", "reasons"}
    assert [o["speaks_for"] for o in weapons["for"]] == ["western-intelligence"]
    markdown = run("assess", "sources/", "--format", "markdown", "--method", "majority").stdout
    assert markdown.startswith("# factlog assessment\n\nMethod: majority")


def test_assess_as_of_and_bad_date() -> None:
    """--as-of keeps only earlier claims; an invalid date is a usage error."""
    early = json.loads(run("assess", "sources/", "--as-of", "2025-06-30", "--format", "json").stdout)
    assert early["as_of"] == "2025-06-30"
    assert all("weapons" not in p["key"] for p in early["propositions"])
    assert any(p["key"].startswith("dprk deploys-troops-to kursk-region") for p in early["propositions"])
    bad = run("assess", "sources/", "--as-of", "June")
    assert bad.returncode == 2
    assert "--as-of" in bad.stderr


def test_show_prints_a_timeline_of_an_entity() -> None:
    """`factlog show --entity Moscow` lists claims about Russia (by alias), in date order."""
    result = run("show", "sources/", "--entity", "Moscow")
    assert result.returncode == 0
    assert "weapons-denial-russia" in result.stdout
    dates = [line.split()[0] for line in result.stdout.splitlines() if re.match(r"\d{4}", line)]
    assert dates == sorted(dates)
    rows = json.loads(run("show", "sources/", "--entity", "russia", "--format", "json").stdout)
    assert {row["claim"] for row in rows} >= {"weapons-allegation", "weapons-denial-russia"}
    assert "ref-russia-confirms-troops" not in {row["claim"] for row in rows}  # by Russia, not about it
    unknown = run("show", "sources/", "--entity", "atlantis")
    assert unknown.returncode == 2
    assert "no entity 'atlantis'" in unknown.stderr


def test_cli_md_names_every_key_of_the_assess_json(tmp_path: Path) -> None:
    """Each key `factlog assess --format json` writes (top level, sources, dependences, propositions) is in cli.md.

    `sources/` reports no dependence: a dependence's keys are read from a generated set of 500 claims.
    """
    document = json.loads(run("assess", "sources/", "--format", "json").stdout)
    generated = tmp_path / "generated.json"
    generated.write_text(json.dumps(generate(500)), encoding="utf-8")
    [dependence, *_] = json.loads(run("assess", str(generated), "--format", "json").stdout)["dependences"]
    text = (Path(__file__).parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")
    keys = set(document) | set(dependence) | {k for part in ("sources", "propositions") for k in document[part][0]}
    keys |= set(document["propositions"][0]["for"][0])
    assert sorted(key for key in keys if f'"{key}"' not in text and f"`{key}`" not in text) == []
