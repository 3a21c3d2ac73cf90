"""Finding a quote in its document, when the user gave no character span.

A quote is looked for exactly first; failing that, after the same normalisation of
the quote and the document: runs of whitespace as one space, typographic quotation
marks and apostrophes as ``"`` and ``'``, and dashes as ``-``, so a quote typed on a
plain keyboard finds "they were ‘not’ destroyed — yet". Offsets are Python string
indices into the document decoded as UTF-8, as hand-written spans are.

A quote not found at all comes with the closest passage of the document, found by
RapidFuzz's ``partial_ratio_alignment`` (the best-aligned substring by normalised
Indel similarity, https://rapidfuzz.github.io/RapidFuzz/).
"""

from __future__ import annotations

import attrs

from factlog.errors import ArgumentError, expect

__all__ = ["QuoteMatch", "find_quote", "normalise_quote"]

_SINGLE = "\u2018\u2019\u201a\u201b\u2032\u02bc"
_DOUBLE = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_TABLE = str.maketrans({**dict.fromkeys(_SINGLE, "'"), **dict.fromkeys(_DOUBLE, '"'), **dict.fromkeys(_DASHES, "-")})


@attrs.frozen
class QuoteMatch:
    """Where a quote without a span stands in its document.

    ``span`` is the ``(start, end)`` used, or None when the quote is not found or is
    ambiguous; ``occurrences`` every place it stands; ``normalised`` whether it was
    found only after normalisation; ``closest`` the span of the most similar passage
    when it is not found, with its similarity ``score`` (0-100).
    """

    span: tuple[int, int] | None
    occurrences: tuple[tuple[int, int], ...] = ()
    normalised: bool = False
    closest: tuple[int, int] | None = None
    score: float = 0.0


def normalise_quote(text: str) -> tuple[str, list[int]]:
    """The normalised text, and for each of its characters the offset it came from."""
    out: list[str] = []
    origin: list[int] = []
    space = False
    for offset, char in enumerate(text.translate(_TABLE)):
        if char.isspace():
            if not space and out:
                out.append(" ")
                origin.append(offset)
            space = True
            continue
        space = False
        out.append(char)
        origin.append(offset)
    if out and out[-1] == " ":
        out.pop()
        origin.pop()
    return "".join(out), origin


def _all(text: str, quote: str) -> list[int]:
    found = []
    where = text.find(quote)
    while where >= 0:
        found.append(where)
        where = text.find(quote, where + 1)
    return found


def find_quote(text: str, quote: str, occurrence: int | None = None) -> QuoteMatch:
    """Find ``quote`` in ``text``; ``occurrence`` (1-based) picks one of several.

    Returns a :class:`QuoteMatch` whose spans are ``(start, end)`` Python string offsets
    into ``text`` (end exclusive): ``span`` the one place meant (None when the quote is
    not found, stands more than once without ``occurrence``, or has fewer occurrences
    than ``occurrence``), ``occurrences`` every place it stands. Raises
    :class:`~factlog.ArgumentError` (a :class:`ValueError`) for a ``text`` or ``quote``
    that is no :class:`str`, a ``quote`` that is empty or only white space (it would stand
    at every offset; an :class:`~factlog.Evidence` quote cannot be either), or an
    ``occurrence`` that is not a positive integer; nothing for a quote not found.
    """
    expect(text, str, "factlog.find_quote: text", "the source's text (a str)")
    expect(quote, str, "factlog.find_quote: quote", "the quoted text (a str)")
    if not quote.strip():
        raise ArgumentError(f"factlog.find_quote: quote: expected some text to look for, got {quote!r}")
    if occurrence is not None and (isinstance(occurrence, bool) or not isinstance(occurrence, int) or occurrence < 1):
        raise ArgumentError(f"factlog.find_quote: occurrence is 1 for the first, got {occurrence!r}")
    starts = _all(text, quote)
    normalised = False
    if starts:
        places = tuple((start, start + len(quote)) for start in starts)
    else:
        plain, origin = normalise_quote(text)
        wanted, _ = normalise_quote(quote)
        hits = _all(plain, wanted) if wanted else []
        places = tuple((origin[hit], origin[hit + len(wanted) - 1] + 1) for hit in hits)
        normalised = bool(places)
    if not places:
        from rapidfuzz import fuzz  # noqa: PLC0415 - only a quote that is not found needs it

        alignment = fuzz.partial_ratio_alignment(quote, text)
        closest = None if alignment is None else (alignment.dest_start, alignment.dest_end)
        return QuoteMatch(None, closest=closest, score=0.0 if alignment is None else alignment.score)
    if occurrence is not None:
        span = places[occurrence - 1] if occurrence <= len(places) else None
    else:
        span = places[0] if len(places) == 1 else None
    return QuoteMatch(span, places, normalised)
