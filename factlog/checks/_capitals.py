"""A quote that differs from its document only in capitals: found, and told in a few words.

A quote copied by hand often changes a capital and nothing else (a headline's "Visits"
written "visits"). The quote rules then say so in one short message, the words that
differ and where, instead of showing the closest passage and how alike the two are.
"""

from __future__ import annotations

import re

__all__ = ["CAPITALS_FIX", "ONLY_CAPITALS", "capitals_found", "capitals_only"]

CAPITALS_FIX = "to fix: write the quote's capitals as the document does"
"""The advice a message on a quote that differs only in capitals ends with."""

ONLY_CAPITALS = "differs from its document only in capitalisation"
"""What a message says of a quote whose every problem is a slip of capitals (after "Quote of <claim>")."""

_LISTED = 3  # words shown before "and N more"


def capitals_only(quote: str, passage: str, start: int, source: str) -> str | None:
    """``"writes 'visits' where s1 has 'Visits' (at 43-49)"`` when the two differ in capitals alone, else None.

    ``passage`` is the document's text the quote is read against, starting at offset
    ``start`` of the document of ``source``; the words are those holding a difference
    (whitespace-separated, each at its offsets in the document). Two equal texts are no
    slip (None). Raises nothing.
    """
    if len(quote) != len(passage) or quote == passage:
        return None
    if any(a != b and a.casefold() != b.casefold() for a, b in zip(quote, passage, strict=True)):
        return None
    words = [word.span() for word in re.finditer(r"\S+", passage) if quote[word.start() : word.end()] != word[0]]
    listed, more = words[:_LISTED], len(words) - _LISTED
    tail = f" and {more} more" if more > 0 else ""
    written = ", ".join(repr(quote[a:b]) for a, b in listed) + tail
    held = ", ".join(repr(passage[a:b]) for a, b in listed) + tail
    places = ", ".join(f"{start + a}-{start + b}" for a, b in listed)
    return f"writes {written} where {source} has {held} (at {places})"


def capitals_found(quote: str, text: str, source: str) -> str | None:
    """:func:`capitals_only` at the first place ``text`` holds ``quote`` in other capitals, or None.

    Used when the quote is not in the text as written. Raises nothing.
    """
    if not quote:
        return None
    found = re.search(re.escape(quote), text, re.IGNORECASE)
    if found is None:
        return None
    return capitals_only(quote, found[0], found.start(), source)
