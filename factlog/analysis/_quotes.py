"""Finding a quote in its document, when the user gave no character span.

A quote is looked for exactly first; failing that, after the same normalisation of
the quote and the document: runs of whitespace as one space, typographic quotation
marks and apostrophes as ``"`` and ``'``, and dashes as ``-``, so a quote typed on a
plain keyboard finds "they were ‘not’ destroyed — yet". Offsets are Python string
indices into the document decoded as UTF-8, as hand-written spans are.

A quote not found at all comes with the closest passage of the document, found by
RapidFuzz's ``partial_ratio_alignment`` (the best-aligned substring by normalised
Indel similarity, https://rapidfuzz.github.io/RapidFuzz/), moved to word boundaries
(:func:`whole_words`), and scored again as shown: ``fuzz.ratio``, the normalised Indel
similarity 100 · 2M / T, where M characters of the quote pair up in order with M of
the passage (their longest common subsequence) and T is both lengths added.
"""

from __future__ import annotations

import attrs

from factlog.errors import ArgumentError, expect

__all__ = ["QuoteMatch", "find_quote", "normalise_quote", "whole_words"]

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
    when it is not found, in whole words, with its similarity ``score`` (0-100: the
    share of the characters of quote and passage, counted together, that pair up in
    order; RapidFuzz's normalised Indel similarity).
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


_AFTER_WORDS = " \t\r\n.,;:!?)]}"  # what no passage shown starts with: what closes the text before it


def _word_at(text: str, cut: int) -> tuple[int, int] | None:
    """The word a cut at ``cut`` falls inside, as ``(start, end)``; None when it falls between words."""
    if not (0 < cut < len(text) and text[cut - 1].isalnum() and text[cut].isalnum()):
        return None
    start, end = cut, cut
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def whole_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span ``text[start:end]`` moved to word boundaries, so that no word of the passage is cut.

    A word cut at an end is taken whole when at least half of it lies inside the span,
    and left out otherwise; white space at either end is left out, and so are the
    punctuation marks that close a sentence or clause at the start (", Valdorian"). A
    span that would then be empty is widened to whole words instead: ``(start, end)``,
    string offsets, end exclusive; None when even that holds only space and punctuation;
    raises nothing.
    """
    wide_start, wide_end = start, end
    first, last = _word_at(text, start), _word_at(text, end)
    if first is not None:
        wide_start = first[0]
        start = first[0] if start - first[0] <= first[1] - start else first[1]
    if last is not None:
        wide_end = last[1]
        end = last[1] if end - last[0] >= last[1] - end else last[0]
    while start < end and text[start] in _AFTER_WORDS:
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        return start, end
    while wide_start < wide_end and text[wide_start] in _AFTER_WORDS:
        wide_start += 1
    while wide_end > wide_start and text[wide_end - 1].isspace():
        wide_end -= 1
    return (wide_start, wide_end) if wide_start < wide_end else None


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
        if alignment is None:
            return QuoteMatch(None)
        closest = whole_words(text, alignment.dest_start, alignment.dest_end)
        if closest is None:
            return QuoteMatch(None)
        return QuoteMatch(None, closest=closest, score=fuzz.ratio(quote, text[closest[0] : closest[1]]))
    if occurrence is not None:
        span = places[occurrence - 1] if occurrence <= len(places) else None
    else:
        span = places[0] if len(places) == 1 else None
    return QuoteMatch(span, places, normalised)
