"""Right-to-left names and quotes kept in their place on the page (Unicode's bidirectional algorithm, UAX #9).

An Arabic or Hebrew name written into left-to-right text pulls its neighbours into its
own direction: the date after it, ``(2025-06)``, is shown before it, and two
right-to-left relays joined by ``→`` read in reverse. HTML's remedy is isolation
(the HTML standard, "The bdi element"): each piece of user text in a ``<bdi>`` element
of its own, or ``dir="auto"`` on a block that holds nothing else, so the algorithm
places it as one unit and finds its direction from its first strong letter.

Templates isolate what they print on its own (names, titles, cues, quotes); text
composed from names elsewhere (finding messages, reasons, event labels) goes through an
:func:`isolator`, which escapes it and isolates the right-to-left names where they occur.
markupsafe (Jinja2's) is imported only when a page is made.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["direction", "has_right_to_left", "isolator"]

_RIGHT_TO_LEFT = frozenset({"R", "AL"})  # bidi classes of Hebrew-like and Arabic-like letters


def has_right_to_left(text: str) -> bool:
    """Whether any letter of the text is written right to left (bidi class R or AL)."""
    return any(unicodedata.bidirectional(char) in _RIGHT_TO_LEFT for char in text)


def direction(text: object) -> str:
    """``rtl`` when the text's first strong letter is right to left (UAX #9 rule P2), else ``ltr``."""
    for char in str(text):
        kind = unicodedata.bidirectional(char)
        if kind in _RIGHT_TO_LEFT:
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def isolator(names: Iterable[str]) -> Callable[[object], Any]:
    """A function from text to HTML markup: the text escaped, each right-to-left name in it in a ``<bdi>``.

    Longer names are tried first, so a name that contains another is isolated whole.
    Left-to-right names need no isolation in a left-to-right page and are left as they are.
    """
    from markupsafe import Markup, escape  # noqa: PLC0415 - Jinja2's, the [report] extra

    wanted = sorted({str(escape(name)) for name in names if has_right_to_left(name)}, key=lambda n: (-len(n), n))
    pattern = re.compile("|".join(re.escape(name) for name in wanted)) if wanted else None

    def isolated(text: object) -> Any:
        escaped = str(escape(text))
        if pattern is None:
            return Markup(escaped)  # escaped just above
        return Markup(pattern.sub(lambda found: f"<bdi>{found.group(0)}</bdi>", escaped))  # escaped, then tags added

    return isolated
