"""Docs that run: every Python example in README.md and docs/ executes, and generated text is current."""

from __future__ import annotations

import argparse
import re
import shlex
import sys
from pathlib import Path

import pytest

from factlog import Certainty, Factuality, Likelihood, cli
from tests.helpers import ROOT, run
from tools import refdocs as reference

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_python_examples_run(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each page's Python blocks run in order, in one namespace, from the repository root."""
    blocks = PYTHON_BLOCK.findall(page.read_text(encoding="utf-8"))
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    for number, block in enumerate(blocks):
        exec(compile(block, f"{page.name}[python block {number}]", "exec"), namespace)


def test_pages_with_code_have_examples() -> None:
    """The README, tutorial, concepts, rules and format pages all carry runnable examples."""
    with_code = {page.name for page in PAGES if PYTHON_BLOCK.search(page.read_text(encoding="utf-8"))}
    assert {"README.md", "tutorial.md", "concepts.md", "rules.md", "format.md", "exports.md"} <= with_code


@pytest.mark.parametrize("name", ["rules.md", "format.md"])
def test_generated_reference_is_current(name: str) -> None:
    """docs/rules.md and docs/format.md match the rules' docstrings and the model.

    Refresh with ``python -m tools.refdocs docs``.
    """
    text = (ROOT / "docs" / name).read_text(encoding="utf-8")
    assert "<!-- generated:" in text
    assert reference.fill(text) == text


def test_schema_file_is_current() -> None:
    """docs/factlog.schema.json is exactly what `factlog schema` prints."""
    assert (ROOT / "docs" / "factlog.schema.json").read_text(encoding="utf-8") == reference.schema_text()
    assert run("schema").stdout == reference.schema_text()


def test_reference_refresh_rewrites_a_stale_page(tmp_path: Path) -> None:
    """The refresher rewrites a stale block, reports it, and leaves a current page alone."""
    stale = tmp_path / "rules.md"
    stale.write_text("# Rules\n<!-- generated: rules (tools.refdocs.rules_markdown) -->\nold\n<!-- end generated -->\n")
    assert reference.main([str(tmp_path)]) == 1
    assert "### `opposed_claims`" in stale.read_text()
    assert reference.main([str(tmp_path)]) == 0


def test_every_rule_is_documented() -> None:
    """Each default rule appears in the rule reference with its docstring."""
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in reference.DEFAULT_RULES:
        assert f"### `{rule.__name__}`" in text
        assert rule.__doc__
        first = rule.__doc__.split("\n")[0]
        assert reference.markdown(first, sys.modules[rule.__module__]) in text


def test_the_rule_reference_renders_roles_and_constants() -> None:
    """No reST role is left in docs/rules.md; a constant a rule cites shows its value."""
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert not re.search(r":(data|class|func|meth|mod|attr):`", text)
    assert not re.search(r"(?<!`)``(?!`)", text)
    assert "`MIN_SHARED_VALUES` (5)" in text


def test_readme_shows_what_make_demo_prints() -> None:
    """The README's sample output is exactly what `factlog check sources/` prints."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = readme.split("## What `make demo` prints\n\n```text\n", 1)[1].split("```", 1)[0]
    assert shown == run("check", "sources/", "--colour", "never").stdout


def test_readme_quick_start_is_the_two_commands() -> None:
    """The quick start shows `make demo` and `make test`, and .ci/run calls `make test`."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = [line.split("#")[0].strip() for line in quick.splitlines() if line.startswith("make ")]
    assert commands == ["make demo", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_every_cli_option_is_documented() -> None:
    """Each command and option of the parser appears in docs/cli.md."""
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    parser = cli._parser()
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    for name, command in commands.choices.items():
        assert f"`factlog {name}" in text, name
        for action in command._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help"):
                    assert option in text, (name, option)


def test_install_commands_install_from_the_checkout() -> None:
    """No page or message tells to install factlog from a package index it is not published on."""
    pages = [*PAGES, *sorted((ROOT / "factlog").rglob("*.py"))]
    for page in pages:
        for line in page.read_text(encoding="utf-8").splitlines():
            assert not re.search(r"pip install\s+[\"']?factlog", line), f"{page.name}: {line.strip()}"


def test_the_certainty_table_of_concepts_md_is_the_scales_mapping() -> None:
    """Each row of docs/concepts.md's certainty table gives the likelihood and band `Factuality.likelihood` gives."""
    text = (ROOT / "docs" / "concepts.md").read_text(encoding="utf-8")
    rows = re.findall(r"^   \| (\w+) \| [^|]+ \| (\S+) \| ([a-z ]+) \| (\d+)–(\d+) % \|$", text, re.MULTILINE)
    assert len(rows) == 7
    for certainty, code, words, low, high in rows:
        value = Factuality.parse(code.replace("−", "-"))
        assert value.certainty is Certainty(certainty), code
        assert value.likelihood is Likelihood(words.replace(" ", "-")), code
        assert value.likelihood.band == (int(low) / 100, int(high) / 100), code


def test_the_workflow_page_runs_factlog_commands_the_parser_takes() -> None:
    """Each `factlog` command in docs/workflow.md's shell blocks names a command and options the CLI parses."""
    text = (ROOT / "docs" / "workflow.md").read_text(encoding="utf-8")
    script = "\n".join(re.findall(r"^```sh\n(.*?)^```", text, re.DOTALL | re.MULTILINE)).replace("\\\n", " ")
    commands = [shlex.split(line, comments=True) for line in script.splitlines() if line.startswith("factlog ")]
    assert {words[1] for words in commands} >= {"draft", "check", "assess", "report", "log"}
    parser = cli._parser()
    for words in commands:
        argv = words[1 : words.index("||")] if "||" in words else words[1:]
        assert parser.parse_args(argv).run, " ".join(words)
