"""Lines that show nothing (zero-width spaces, byte-order marks, soft hyphens, controls) in an article."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
from tests.helpers import run

_HIDDEN = "\u200b\u200c\u200d\u2060\u00ad\ufeff\u202a\u202c\u200e\u200f\u007f\u0000\u0085\u3164\ufe0f\u180e"
_SPACES = " \t\n\r\u00a0\u2028\u2029\u3000"


def statements(text: str) -> list[str]:
    """The statements of the draft of ``text``, in order."""
    return [claim.statement for claim in factlog.draft(text, source="t", published="2026-11-20").claims]


@pytest.mark.parametrize("line", ["\u200b", "\u00ad", "\ufeff", "\u200b\u200d\u00ad", "\u007f", "\u202c"])
def test_a_line_that_shows_nothing_between_paragraphs_is_no_claim(line: str) -> None:
    """'Kim said ...¶<zero-width space>¶Lavrov said no.': two claims, the invisible line none, and no error."""
    text = f"Kim said talks would resume.\n\n{line}\n\nLavrov said no.\n"
    assert statements(text) == ["Kim said talks would resume.", "Lavrov said no."]


@pytest.mark.parametrize("text", ["\ufeff", "\u200b\u200d\u00ad\n" * 50, "\u007f\n\u202c\n"])
def test_an_article_that_shows_nothing_drafts_no_claim(text: str) -> None:
    """A file holding a byte-order mark only (or zero-width spaces, controls) drafts no claim, and raises nothing."""
    assert factlog.draft(text, source="t").claims == ()


def test_the_cli_drafts_an_invisible_article_with_no_claim_and_says_so(tmp_path: Path) -> None:
    """`factlog draft` on a file of a byte-order mark exits 0 with no claim and a warning, as for an empty file."""
    (tmp_path / "a.txt").write_text("\ufeff\n\u200b\n", encoding="utf-8")
    ran = run("draft", "a.txt", "--source", "x", "-o", "x.json", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert "factlog draft: warning: a.txt holds no visible text: the draft has no claim\n" in ran.stderr
    assert factlog.load(tmp_path / "x.json").claims == ()


@settings(max_examples=40, deadline=None)
@given(st.text(st.sampled_from(_HIDDEN + _SPACES), max_size=40))
def test_any_text_of_invisible_characters_and_spaces_drafts_no_claim(text: str) -> None:
    """Any mix of format characters, controls and spaces drafts without error, and with no claim."""
    assert factlog.draft(text, source="t", published="2026-11-20").claims == ()


@settings(max_examples=12, deadline=None)
@given(st.lists(st.text(st.sampled_from(_HIDDEN + " "), min_size=1, max_size=6), min_size=1, max_size=4))
def test_invisible_lines_among_sentences_take_nothing_from_them(lines: list[str]) -> None:
    """Invisible lines before, between and after two sentences leave exactly the two sentences' claims."""
    hidden = "\n".join(lines)
    text = f"{hidden}\nKim said talks would resume.\n{hidden}\nLavrov said no.\n{hidden}"
    assert statements(text) == ["Kim said talks would resume.", "Lavrov said no."]
