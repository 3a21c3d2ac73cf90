r"""User text made inert: in Markdown (and the HTML it becomes), and on a terminal.

Every renderer passes each piece of user text (statements, names, quotes, notes,
messages built from them) through one of these two functions, and nothing else:

- :func:`escape_markdown` for inline Markdown: line breaks (``\\n``, ``\\r``,
  ``\\r\\n``: CommonMark's three) become spaces, every character that can open a
  construct is backslash-escaped (CommonMark allows a backslash before any ASCII
  punctuation), and what only matters at the start of a line (a list marker, a
  heading's ``=`` underline, an ordered list's ``1.``) is escaped there. Control
  characters other than the tab (C0, DEL, C1) and the bidirectional controls are
  written as visible escapes, as :func:`escape_terminal` writes them, so Markdown
  shown on a terminal runs no escape sequence either.
- :func:`escape_terminal` for text output: control characters (C0, DEL, C1) and the
  bidirectional overrides that reorder what is shown are written as visible escapes,
  ``\\x1b`` or ``\\u202e``, so an escape sequence is shown, never executed.
"""

from __future__ import annotations

import re

__all__ = ["SAFE_SCHEMES", "escape_bidi", "escape_hidden", "escape_markdown", "escape_terminal", "safe_url"]

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([^/?#]*?):")

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Anything that can open inline or block Markdown (GFM's tables and strikethrough included).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!~&{}])")
# At the start of a line only: bullet and ordered-list markers, setext underlines, thematic breaks.
_LINE_START = re.compile(r"^([-+=]|\d{1,9}(?=[.)]))")
_ENDS = " \t"


def escape_markdown(text: str) -> str:
    r"""User text as inline Markdown that renders as exactly that text, in one element.

    Line breaks become spaces; spaces and tabs at either end are dropped (Markdown
    drops them too); a NUL becomes U+FFFD (as CommonMark requires of a parser); other
    control characters but the tab, and the bidirectional controls, become visible
    ``\x1b``-style escapes (shown as such once rendered).
    """
    flat = _MARKDOWN_CONTROL.sub(_visible, _LINE_BREAK.sub(" ", text).replace("\x00", "\ufffd").strip(_ENDS))
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", flat)
    start = _LINE_START.match(escaped)
    if start is None:
        return escaped
    if start.group(1)[0].isdigit():
        # "12." or "12)" would open an ordered list: escape the punctuation after the digits.
        end = start.end()
        return escaped[:end] + "\\" + escaped[end:]
    return "\\" + escaped


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
# The same but the tab (harmless in Markdown); line breaks and NUL are handled before.
_MARKDOWN_CONTROL = re.compile("[\x01-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_terminal(text: str) -> str:
    r"""User text safe to print on a terminal: control characters shown as ``\x1b``-style escapes.

    C0 controls (line breaks and tabs included: one piece of text stays on its line),
    DEL, C1 controls, and the Unicode bidirectional controls are escaped; all other
    text, non-ASCII included, is kept as it is.
    """
    return _CONTROL.sub(_visible, text)


_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def escape_bidi(text: str) -> str:
    r"""``text`` with the bidi embeddings, overrides and isolates shown as ``\u202e``-style escapes.

    U+202A to U+202E and U+2066 to U+2069 are written as :func:`escape_terminal` writes them.
    These controls reorder the characters a reader sees (Unicode Standard Annex #9;
    CVE-2021-42574, "Trojan Source"), so a name could display as another; the marks
    U+200E and U+200F, which only nudge neutral characters, are kept for right-to-left text.
    """
    return _BIDI.sub(_visible, text)


# What an HTML page would swallow silently: control characters but HTML's own whitespace
# (tab, line feed, form feed, carriage return), and the bidi controls.
_HIDDEN = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def escape_hidden(text: str) -> str:
    r"""``text`` with what a page would hide shown as ``\x1b``-style escapes: for HTML.

    The bidi controls of :func:`escape_bidi`, and the control characters (C0 but HTML's
    whitespace, DEL, C1) that the HTML standard makes parse errors and browsers show as
    nothing, so an escape sequence or a NUL in a name is seen, as on the terminal.
    """
    return _HIDDEN.sub(_visible, text)


def safe_url(value: object, schemes: frozenset[str] = SAFE_SCHEMES) -> str:
    r"""The address if its scheme is in ``schemes`` (http, https, mailto) or it is relative; ``#`` otherwise.

    Browsers ignore spaces and control characters inside a scheme (``java\tscript:``), so
    they are removed before the scheme is read (WHATWG URL Standard, "basic URL parser").
    """
    text = str(value)
    cleaned = "".join(ch for ch in text if ord(ch) > 0x20 and ch != "\x7f")
    found = _SCHEME.match(cleaned)
    if found is not None and found.group(1).lower() not in schemes:
        return "#"
    return text.strip()
