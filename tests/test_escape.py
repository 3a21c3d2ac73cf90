"""Output that cannot be hijacked: Markdown keeps each statement in its element; terminals see escapes."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

import factlog
from factlog._escape import escape_markdown, escape_terminal
from factlog.cli import main
from tests.helpers import ENTITIES, PREDICATES, SOURCES, claim
from tests.strategies import markdown_hostile_text as hostile_text


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _inline_text(token: Token) -> str:
    """The text an inline token shows: its children's text, with escapes and entities resolved."""
    return "".join(child.content for child in token.children or () if child.type in ("text", "softbreak"))


def _shown(text: str) -> str:
    """What a statement should show as: line breaks as spaces, ends trimmed, other controls as visible escapes."""
    flat = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ").replace("\x00", "\ufffd").strip(" \t")
    return "".join(escape_terminal(c) if c != "\t" else c for c in flat)


@given(st.lists(hostile_text, min_size=1, max_size=5))
def test_every_statement_stays_in_its_own_list_item(statements: list[str]) -> None:
    """Escaped statements as list items parse to exactly one item each, showing the statement's text."""
    tokens = _parser().parse("\n".join(f"- {escape_markdown(s)}" for s in statements) + "\n")
    items = [t for t in tokens if t.type == "list_item_open"]
    inlines = [t for t in tokens if t.type == "inline"]
    assert len(items) == len(statements)
    assert [_inline_text(t) for t in inlines] == [_shown(s) for s in statements]
    assert {t.type for t in tokens} <= {
        "bullet_list_open",
        "bullet_list_close",
        "list_item_open",
        "list_item_close",
        "paragraph_open",
        "paragraph_close",
        "inline",
    }
    assert all(child.type in ("text", "softbreak") for t in inlines for child in t.children or ())


@settings(max_examples=30)
@given(st.lists(hostile_text, min_size=1, max_size=4))
def test_every_statement_stays_in_its_own_table_cell(names: list[str]) -> None:
    """In the assessment's Markdown table each proposition (about an entity with a hostile name) is one row."""
    entities = tuple(
        factlog.Entity(id=f"e{n}", name=name, kind=factlog.EntityKind.PERSON) for n, name in enumerate(names)
    )
    claims = tuple(attrs.evolve(claim(f"c{n}", subject=f"e{n}"), statement=name) for n, name in enumerate(names))
    claim_set = factlog.ClaimSet(entities=(*ENTITIES, *entities), predicates=PREDICATES, sources=SOURCES, claims=claims)
    assessment = factlog.assess(claim_set)
    tokens = _parser().parse(factlog.render_assessment_markdown(assessment))
    rows = [n for n, t in enumerate(tokens) if t.type == "tr_open"][1:]  # the header row aside
    assert len(rows) == len(assessment.propositions) == len(names)
    first_cells = [_inline_text(tokens[n + 2]) for n in rows]
    assert first_cells == [_shown(item.statement) for item in assessment.propositions]
    assert [t.type for t in tokens].count("heading_open") == 1  # the title's
    assert not {t.type for t in tokens} & {"bullet_list_open", "html_block", "hr", "blockquote_open"}


def test_a_carriage_return_injects_nothing_into_markdown() -> None:
    """A name with carriage returns, a list item and a rule stays one cell of one row."""
    claims = factlog.loads(
        '{"format":"factlog","version":1,"entities":[{"id":"a","name":"A\\r- injected item\\r---","kind":"person"},'
        '{"id":"b","name":"B","kind":"person"}],"predicates":[{"id":"visits","label":"visits","kind":"event"}],'
        '"sources":[{"id":"s","title":"T","publisher":"a"}],"claims":[{"id":"c","statement":"A visits B.",'
        '"proposition":{"subject":"a","predicate":"visits","object":"b"},"attribution":{"holder":"a"},'
        '"evidence":[{"source":"s","quote":"q","start":0,"end":1}]}]}'
    )
    markdown = factlog.render_assessment_markdown(factlog.assess(claims))
    tokens = _parser().parse(markdown)
    assert "\r" not in markdown
    assert [t.type for t in tokens].count("tr_open") == 2
    assert [t.type for t in tokens].count("heading_open") == 1  # the title's
    assert not {t.type for t in tokens} & {"bullet_list_open", "hr"}


def test_markdown_escapes_what_opens_a_construct_at_the_start() -> None:
    """Leading list markers, ordered-list numbers and setext underlines are escaped."""
    assert escape_markdown("- item") == "\\- item"
    assert escape_markdown("12. item") == "12\\. item"
    assert escape_markdown("1) item") == "1\\) item"
    assert escape_markdown("=") == "\\="
    assert escape_markdown("a - b. 2) c") == "a - b. 2) c"


ANSI = "\x1b[2J\x1b[H\x1b[32mall clear: 0 errors\x1b[0m\x1b]0;pwned\x07"


def test_terminal_text_shows_escape_sequences_escaped() -> None:
    """Control characters, C1 controls and bidirectional overrides become visible escapes; the rest stays."""
    assert escape_terminal(ANSI) == "\\x1b[2J\\x1b[H\\x1b[32mall clear: 0 errors\\x1b[0m\\x1b]0;pwned\\x07"
    assert escape_terminal("a\r\nb\x9b\u202ec é") == "a\\x0d\\x0ab\\x9b\\u202ec é"


@given(st.text())
def test_escaped_terminal_text_has_no_control_character(text: str) -> None:
    """Whatever the text, its escaped form holds no C0, DEL or C1 control."""
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in escape_terminal(text))


def test_commands_print_no_escape_sequence_from_the_data(tmp_path: Path) -> None:
    """check, assess and show print a name full of escape sequences escaped, never raw."""
    claims = factlog.ClaimSet(
        entities=(factlog.Entity(id="a", name=ANSI, kind=factlog.EntityKind.PERSON), *ENTITIES),
        predicates=PREDICATES,
        sources=SOURCES,
        claims=(claim("c", holder="a"), claim("d", holder="a", denied=True)),
    )
    factlog.dump(claims, tmp_path / "ansi.json")
    for command in (["check"], ["assess"], ["show", "--entity", "dprk"]):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            main([*command, str(tmp_path / "ansi.json")])
        assert "\\x1b[2J" in out.getvalue(), (command, out.getvalue())
        assert "\x1b" not in out.getvalue()


@given(hostile_text)
def test_escaped_markdown_has_no_control_character_but_the_tab(text: str) -> None:
    """escape_markdown leaves no terminal control (C0 but the tab, DEL, C1) nor bidirectional override."""
    escaped = escape_markdown(text)
    assert not any((ord(c) < 0x20 and c != "\t") or 0x7F <= ord(c) <= 0x9F or c == "\u202e" for c in escaped)


def test_markdown_shows_a_terminal_reset_as_text() -> None:
    """ESC c, BEL, DEL, a C1 CSI and U+202E come out of escape_markdown as visible escapes."""
    assert (
        escape_markdown("a\x1bc b\x07 c\x7f d\x9b31m e\u202e") == "a\\\\x1bc b\\\\x07 c\\\\x7f d\\\\x9b31m e\\\\u202e"
    )
