"""Integrity rules: quotes that match their documents, and dates that can be true."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import PurePosixPath

from factlog.analysis import _phrasing as phrasing
from factlog.analysis._index import Index, chronological
from factlog.checks._capitals import CAPITALS_FIX, ONLY_CAPITALS, capitals_only
from factlog.checks._findings import Finding, Severity, finding_id
from factlog.checks._groupings import reads
from factlog.checks._quotes import documented, shown
from factlog.io._recordplaces import at_path, in_record
from factlog.model._nouns import PredicateKind
from factlog.model._scales import Certainty, Polarity

__all__ = ["document_mismatch", "future_event_as_fact", "quote_mismatch", "stated_after_publication"]


@reads("source")
def document_mismatch(index: Index) -> Iterator[Finding]:
    """A source's stored document is missing, unreadable, outside its folder, or changed.

    ``document`` names the text a source was read from, relative to the file that
    defines the source; it must stay inside that folder. When ``sha256`` is given the
    bytes must still hash to it, or every quote span may have moved. A document that
    cannot be read is named by source id and where its ``document`` is given: the file
    and JSON path of a set loaded from files (``a.json: $.sources[3].document``; in JSON
    Lines the file and line, ``b.jsonl:7: $.document``), else the JSON path in the set
    (``$.sources[N].document``). A changed document is named by its path (beside the
    file that defines its source) and where its ``sha256`` is given, with the way out:
    restore the document, or, if the change is meant, write its new hash there
    (``sha256sum PATH`` prints it) and check the quotes again. One finding per source,
    listing the claims that cite it. Severity: *error*.
    """
    for source in index.scoped_sources():
        data, problem = index.document(source.id)
        if problem is not None:  # name the field to mend: which source, and where its document is given
            place = index.claims.sources_at.get(source.id)
            if place is None:  # only for a problem: a batch need not number every source
                place = at_path("", f"sources[{index.claims.sources.index(source)}]")
            problem = f"source {source.id}, {in_record(place, 'document')}: {problem}"
        if problem is None and data is not None and source.sha256 is not None:
            digest = hashlib.sha256(data).hexdigest()
            if digest != source.sha256:
                problem = _changed(index, source.id, source.document or "", digest, source.sha256)
        if problem is None:
            continue
        citing = chronological(index.by_source.get(source.id, []))
        yield Finding(
            rule="document_mismatch",
            severity=Severity.ERROR,
            message=problem,
            claims={"citing": [e.id for e in citing]},
            id=finding_id("document_mismatch", [f"source:{source.id}"]),
        )


def _changed(index: Index, source: str, document: str, digest: str, expected: str) -> str:
    """The message for a document whose bytes no longer hash to its source's ``sha256``: where, and how to mend it."""
    place = index.claims.sources_at.get(source)
    if place is None:
        place = at_path("", f"sources[{index.claims.sources.index(index.claims.source_by_id[source])}]")
    file = _record_file(place)
    path = str(PurePosixPath(file).parent / document) if file is not None else document
    return (
        f"document of {source} ({path}) has changed: sha256 is {digest}, expected {expected}"
        f" ({in_record(place, 'sha256')}): restore the document, or, if the change is meant, write its new"
        f" sha256 there (`sha256sum {path}` prints it) and check the quotes again"
    )


def _record_file(place: str) -> str | None:
    """The file of a record's place (``a.json: $.sources[3]``, ``b.jsonl:7``); None for a place with no file."""
    if ": $." in place:
        return place.rsplit(": $.", 1)[0] or None
    head, _, line = place.rpartition(":")
    return head if head and line.isdigit() else None


@reads("claim")
def quote_mismatch(index: Index) -> Iterator[Finding]:
    """An evidence quote that is not exactly the document's text at its span.

    Spans are offsets into the document decoded as UTF-8 (Python string indices). The
    message shows what the document holds at that span (its first 80 characters, cut
    between words, "…" where cut, as ``quote_not_found`` shows a passage), so a shifted
    span is easy to mend: the message says where the quote stands, or, when the document
    holds it nowhere, how to fix it. A quote that differs from the text at its span only in
    capitals says so in a few words, as ``quote_not_found`` does: the words written in
    other capitals, where the document has them, and "to fix: write the quote's capitals
    as the document does". Quotes written without a span are looked for instead (``quote_not_found``).
    One finding per claim. Severity: *error*.
    """
    texts: dict[str, str | None] = {}
    for entry in documented(index):
        problems = []
        slips = 0
        for number, evidence in enumerate(entry.claim.evidence):
            if evidence.source not in texts:
                data, _ = index.document(evidence.source)
                texts[evidence.source] = None if data is None else data.decode("utf-8", errors="replace")
            text = texts[evidence.source]
            if text is None or evidence.start is None:
                continue  # a quote without a span is found by the index (see factlog.checks._quotes)
            found = text[evidence.start : evidence.end]
            slip = capitals_only(evidence.quote, found, evidence.start, evidence.source)
            if slip is not None:
                slips += 1
                problems.append(f"evidence[{number}] {slip}")
            elif found != evidence.quote:
                where = text.find(evidence.quote)
                hint = (
                    f"; the quote stands at {where}-{where + len(evidence.quote)}"
                    if where >= 0
                    else "; to fix: mend the span, or copy the quote from the document's text as it stands"
                )
                problems.append(
                    f"evidence[{number}] in {evidence.source} at {evidence.start}-{evidence.end} reads"
                    f" {shown(found)}{hint}"
                )
        if problems:
            head = ONLY_CAPITALS if slips == len(problems) else "does not match its document"
            yield Finding(
                rule="quote_mismatch",
                severity=Severity.ERROR,
                message=f"Quote of {entry.id} {head}: " + "; ".join([*problems, *([CAPITALS_FIX] if slips else [])]),
                claims={"claim": [entry.id]},
            )


@reads("claim")
def stated_after_publication(index: Index) -> Iterator[Finding]:
    """A claim said to be stated after the source that reports it was published.

    A source cannot report what was said after it appeared: either ``stated`` or the
    source's ``published`` date is wrong. One finding per claim. Severity: *error*.
    """
    for entry in index.entries:
        if entry.claim.stated is None:
            continue
        for source_id in entry.sources:
            source = index.claims.source_by_id.get(source_id)
            if source is None or source.published is None:
                continue
            if entry.claim.stated.first_day > source.published.last_day:
                yield Finding(
                    rule="stated_after_publication",
                    severity=Severity.ERROR,
                    message=f"{entry.id} is dated {entry.claim.stated}, after {source_id} was published"
                    f" ({source.published})",
                    claims={"claim": [entry.id]},
                )
                break


@reads("claim")
def future_event_as_fact(index: Index) -> Iterator[Finding]:
    """A certain, affirmed claim about an event that can only happen after it was stated.

    "Li will lead a delegation" stated as fact before the visit: the event had not
    happened, so the claim is a plan or a prediction, and may not come true. One
    finding per claim. Severity: *info*.
    """
    for entry in index.entries:
        predicate = entry.predicate
        if predicate is None or predicate.kind is not PredicateKind.EVENT:
            continue  # most claims: their time and date are not read
        stated = entry.stated
        # An event's span starts on its time's start_low (a claim without a time spans all
        # time, from before any day): read from the entry, not its proposition's time.
        if stated is None or entry.span[0] <= stated.span[1]:  # stated.span[1]: its last_day
            continue
        if entry.certainty is Certainty.CERTAIN and entry.polarity is Polarity.AFFIRMED:
            assert entry.proposition is not None
            yield Finding(
                rule="future_event_as_fact",
                severity=Severity.INFO,
                message=f"{index.name(entry.holder)} states as fact, on {stated}, an event still to come:"
                f" {phrasing.proposition(index, entry.proposition)}",
                claims={"claim": [entry.id]},
            )
