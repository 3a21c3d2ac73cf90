"""Paths left over after an option: the command that takes several says what to do; any other is argparse's error."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import ROOT, run


def test_registry_paths_after_the_article_say_to_repeat_the_flag_a_stray_option_does_not(tmp_path: Path) -> None:
    """`draft ARTICLE --registry A B`: the usage error saying to repeat --registry (exit 2); `--bogus`: argparse's."""
    article = tmp_path / "a.txt"
    article.write_text("Earlier this year, Zhao Leji visited Pyongyang.", encoding="utf-8")
    registry = [str(ROOT / "sources" / name) for name in ("entities.json", "vocabulary.json")]
    result = run("draft", str(article), "--source", "a", "-o", str(tmp_path / "a.json"), "--registry", *registry)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"factlog draft: error: one ARTICLE, not 2 ({article}, {registry[1]}): --registry takes one path;"
        " repeat it for each file (--registry entities.json --registry vocabulary.json)\n"
    )
    assert not (tmp_path / "a.json").exists()

    stray = run("draft", str(article), "--source", "a", "--bogus")  # not a path: argparse's error, as before
    assert (stray.returncode, "unrecognized arguments: --bogus" in stray.stderr) == (2, True)
