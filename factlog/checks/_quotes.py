"""Quote rules for evidence written without a span: found, ambiguous, normalised, unverified.

Spans written by hand are checked by ``quote_mismatch``; these rules look at quotes
given as text only, which factlog finds in the source's stored document
(:meth:`factlog.analysis.Index.quote`).
"""

from __future__ import annotations

from collections.abc import Iterator

from factlog.analysis._index import Entry, Index, chronological
from factlog.checks._capitals import CAPITALS_FIX, ONLY_CAPITALS, capitals_found
from factlog.checks._findings import Finding, Severity, finding_id
from factlog.checks._groupings import reads

__all__ = ["quote_ambiguous", "quote_normalised", "quote_not_found", "quote_unverified"]

_SHOWN = 80  # characters of a passage shown in a message


def shown(text: str, start: int = 0) -> str:
    """``text`` from ``start`` as a Python literal of at most _SHOWN characters, cut between words, "…" where cut.

    A cut inside a word moves to the space before it at the end (after it at the start),
    so no word is shown in part; a word too long to end near the limit is cut at it.
    ``start`` is a string offset; raises nothing.
    """
    end = start + _SHOWN
    if start <= 0 and end >= len(text):
        return repr(text)
    if 0 < start < len(text) and not text[start - 1].isspace():
        space = text.find(" ", start, start + _SHOWN // 2)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", start + _SHOWN // 2, end + 1)
        end = space if space > 0 else end
    before, after = ("…" if start > 0 else ""), ("…" if end < len(text) else "")
    return before + repr(text[start:end].strip() if before else text[start:end].rstrip()) + after


def _alike(score: float) -> str:
    """The similarity of a quote and a passage, in words (RapidFuzz's normalised Indel similarity, 0-100)."""
    return (
        f"{score:.0f}/100 alike: {score:.0f} % of the characters of the quote and the passage, counted together,"
        " pair up in the same order"
    )


def _where_they_differ(passage: str, quote: str) -> str:
    """The document's passage around the first character where it differs from the quote, cut as :func:`shown` cuts."""
    first = next((n for n, (a, b) in enumerate(zip(passage, quote, strict=False)) if a != b), None)
    if first is None:
        first = min(len(passage), len(quote))
    return shown(passage, max(0, min(first - _SHOWN // 4, len(passage) - _SHOWN)))


_COPY_EXACTLY = (
    "to fix: copy the quote from the document's text as it stands (mend it from the closest passage, if that is the"
    " one meant), or quote a passage the document holds"
)
"""The advice the message of a quote the document does not hold ends with."""


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def _spans(places: tuple[tuple[int, int], ...]) -> str:
    return ", ".join(f"{start}-{end}" for start, end in places)


def documented(index: Index) -> list[Entry]:
    """The entries of an index citing a source that names a document, in index order; raises nothing.

    Only their quotes can be checked against a document: every other quote's source has
    none (:meth:`~factlog.analysis.Index.document` gives ``(None, None)``), so the quote
    rules pass over them in bulk.
    """
    named = {source for source, found in index.claims.source_by_id.items() if found.document is not None}
    return [entry for entry in index.entries if not named.isdisjoint(entry.sources)] if named else []


@reads("claim")
def quote_not_found(index: Index) -> Iterator[Finding]:
    """A quote without a span that its source's stored document does not hold.

    The quote is looked for exactly, then after normalising whitespace, quotation
    marks, apostrophes and dashes in both. The message shows the closest passage of
    the document (RapidFuzz's best partial alignment, moved to whole words), so a
    misremembered word is easy to mend, with how alike the two are out of 100: the
    share of the characters of the quote and the passage, counted together, that pair
    up in the same order (RapidFuzz's normalised Indel similarity; "Valdorian guns
    struck Kessel" against "Valdorian artillery shelled Kessel" is 61/100). An ``occurrence`` beyond the number of
    places the quote stands is reported here too. The message ends with how to fix it
    ("to fix: copy the quote from the document's text as it stands ..."). A quote the
    document holds in other capitals only is told in a few words instead: "Quote of a
    differs from its document only in capitalisation: evidence[0] writes 'visits' where s1
    has 'Visits' (at 43-49); to fix: write the quote's capitals as the document does".
    One finding per claim. Severity: *error*.
    """
    for entry in documented(index):
        problems = []
        missing = counted = False
        slips = 0
        for number, evidence in enumerate(entry.claim.evidence):
            if evidence.start is not None:
                continue
            found = index.quote(evidence)
            if found is None or found.span is not None:
                continue
            text = index.text(evidence.source) or ""
            slip = None if found.occurrences else capitals_found(evidence.quote, text, evidence.source)
            if slip is not None:
                slips += 1
                problems.append(f"evidence[{number}] {slip}")
            elif found.occurrences and evidence.occurrence is not None:
                counted = True
                problems.append(
                    f"evidence[{number}] asks for occurrence {evidence.occurrence} of a quote {evidence.source}"
                    f" holds {_times(len(found.occurrences))} (at {_spans(found.occurrences)})"
                )
            elif not found.occurrences:
                missing = True
                closest = ""
                if found.closest is not None:
                    start, end = found.closest
                    closest = f"; the closest passage, at {start}-{end}, reads {shown(text[start:end])}"
                    closest += f" ({_alike(found.score)})"
                problems.append(f"evidence[{number}] {shown(evidence.quote)} is not in {evidence.source}{closest}")
        if problems:
            advice = [
                *([_COPY_EXACTLY] if missing else []),
                *(["to fix: give an occurrence the document holds (1 for the first), or none"] if counted else []),
                *([CAPITALS_FIX] if slips else []),
            ]
            head = ONLY_CAPITALS if slips == len(problems) else "not found in its document"
            yield Finding(
                rule="quote_not_found",
                severity=Severity.ERROR,
                message=f"Quote of {entry.id} {head}: " + "; ".join([*problems, *advice]),
                claims={"claim": [entry.id]},
            )


@reads("claim")
def quote_ambiguous(index: Index) -> Iterator[Finding]:
    """A quote without a span that stands more than once in its document, with no ``occurrence``.

    factlog cannot tell which place is meant: add ``"occurrence": N`` (1 for the first)
    to the evidence, or quote more words. The message lists every place, as spans.
    One finding per claim. Severity: *warning*.
    """
    for entry in documented(index):
        problems = []
        for number, evidence in enumerate(entry.claim.evidence):
            if evidence.start is not None or evidence.occurrence is not None:
                continue
            found = index.quote(evidence)
            if found is not None and len(found.occurrences) > 1:
                problems.append(
                    f"evidence[{number}] stands {_times(len(found.occurrences))} in {evidence.source},"
                    f" at {_spans(found.occurrences)}"
                )
        if problems:
            yield Finding(
                rule="quote_ambiguous",
                severity=Severity.WARNING,
                message=f"Quote of {entry.id} is ambiguous: " + "; ".join(problems) + "; say which with 'occurrence'",
                claims={"claim": [entry.id]},
            )


@reads("claim")
def quote_normalised(index: Index) -> Iterator[Finding]:
    """A quote without a span found only after normalising whitespace, quotation marks or dashes.

    The quote is used, at the span shown; the message gives the document's own text,
    so the quote can be made exact if wanted. One finding per claim. Severity: *info*.
    """
    for entry in documented(index):
        problems = []
        for number, evidence in enumerate(entry.claim.evidence):
            if evidence.start is not None:
                continue
            found = index.quote(evidence)
            if found is not None and found.normalised and found.span is not None:
                start, end = found.span
                text = index.text(evidence.source) or ""
                passage = _where_they_differ(text[start:end], evidence.quote)
                problems.append(f"evidence[{number}] at {start}-{end} reads {passage}")
        if problems:
            yield Finding(
                rule="quote_normalised",
                severity=Severity.INFO,
                message=f"Quote of {entry.id} matched after normalising whitespace, quotation marks or dashes: "
                + "; ".join(problems),
                claims={"claim": [entry.id]},
            )


def _quotes_without_span(group: list[Entry], source: str) -> bool:
    """Whether a claim of the group quotes the source without a span (plain loops: a pass over every claim)."""
    for entry in group:
        for evidence in entry.claim.evidence:
            if evidence.start is None and evidence.source == source:
                return True
    return False


def _spanless(index: Index) -> set[str] | None:
    """The sources quoted without a span, from one pass over the entries (in memory order).

    None when the entries may not hold every claim of the groups (a view of the
    incremental check, a pass of a distributed check holding other claims as
    ``entries``): then each source's group is looked at (:func:`_quotes_without_span`).
    """
    if index.parent is not None or len(index.entries) != len(index.by_id):
        return None
    found: set[str] = set()
    for entry in index.entries:
        for evidence in entry.claim.evidence:
            if evidence.start is None:
                found.add(evidence.source)
    return found


@reads("source")
def quote_unverified(index: Index) -> Iterator[Finding]:
    """Quotes without a span from a source that has no stored document (copyright, a clipping).

    They are kept as written, unverified. Said once per source, listing the claims
    that quote it this way. Severity: *info*.
    """
    spanless = _spanless(index)
    for source in index.scoped_sources():
        if source.document is not None:
            continue
        if spanless is None and not _quotes_without_span(index.by_source.get(source.id, []), source.id):
            continue
        if spanless is not None and source.id not in spanless:
            continue
        # Filtered, then sorted: the order sorting then filtering gives, without sorting the rest.
        citing = chronological(
            [
                entry
                for entry in index.by_source.get(source.id, [])
                if any(item.source == source.id and item.start is None for item in entry.claim.evidence)
            ]
        )
        if citing:
            yield Finding(
                rule="quote_unverified",
                severity=Severity.INFO,
                message=f"{len(citing)} quote{'s' if len(citing) != 1 else ''} from {source.id} cannot be verified:"
                " the source has no stored document",
                claims={"citing": [entry.id for entry in citing]},
                id=finding_id("quote_unverified", [f"source:{source.id}"]),
            )
