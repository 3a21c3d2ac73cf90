"""Values as error messages echo them: whole when short, cut to their first characters when long; counts.

A document may give a 100,000-character id, or a list of a million numbers where a
string belongs. An error repeats what it was given, so that the reader can find it,
but a string longer than :data:`LONGEST` characters is shown by its first
:data:`SHOWN` and its length, and any other value by a repr of bounded size
(:mod:`reprlib`): an error stays a line, whatever the document holds.
"""

from __future__ import annotations

import itertools
import reprlib

__all__ = ["LONGEST", "SHOWN", "counted", "echoed"]

LONGEST = 200
"""The longest string an error echoes whole (as long as the longest id)."""
SHOWN = 40
"""How many characters of a longer string an error echoes."""


class _Bounded(reprlib.Repr):
    """:class:`reprlib.Repr` with a mapping's keys in their own order, as :func:`repr` writes them (not sorted)."""

    def repr_dict(self, x: dict[object, object], level: int) -> str:
        if not x:
            return "{}"
        if level <= 0:
            return "{...}"
        items = [
            f"{self.repr1(key, level - 1)}: {self.repr1(x[key], level - 1)}"
            for key in itertools.islice(x, self.maxdict)
        ]
        return "{" + ", ".join(items) + (", ...}" if len(x) > self.maxdict else "}")


_BOUNDED = _Bounded()
_BOUNDED.maxstring = SHOWN + 2
_BOUNDED.maxother = SHOWN
_BOUNDED.maxlong = SHOWN
_BOUNDED.maxlevel = 3


def echoed(value: object) -> str:
    """``repr(value)``, bounded: ``'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…' (100,000 characters)`` for a long string.

    A string of at most :data:`LONGEST` characters is its :func:`repr`; a longer one its
    first :data:`SHOWN` characters, an ellipsis inside the quotes, and its length. Other
    values are written by :mod:`reprlib` (a few items of a list, the ends of a huge number).
    """
    if isinstance(value, str):
        if len(value) <= LONGEST:
            return repr(value)
        return f"{value[:SHOWN] + '…'!r} ({len(value):,} characters)"
    return _BOUNDED.repr(value)


def counted(number: int, noun: str) -> str:
    """``1 character``, ``2 characters``, ``12000 bytes``: a count with its noun, plural but for one (regular nouns)."""
    return f"{number} {noun}{'s' * (number != 1)}"
