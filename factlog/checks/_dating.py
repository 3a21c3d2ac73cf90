"""Dating rules: a document that dates itself twice, differently; a weekday beside the wrong date."""

from __future__ import annotations

from collections.abc import Iterator

from factlog.analysis._index import Index, chronological
from factlog.checks._findings import Finding, Severity, finding_id
from factlog.checks._groupings import reads
from factlog.model._timewords import weekday_mismatches

__all__ = ["source_dates_disagree", "weekday_mismatch"]


@reads("source")
def source_dates_disagree(index: Index) -> Iterator[Finding]:
    """A source whose dates for itself cannot all be true: its byline, metadata and text disagree.

    A source may record every date it gives (``dates``, each with where it was found:
    byline, metadata, url, text) beside its ``published`` date. Dates that cannot share
    a day disagree ("2025-06-24" in the page metadata, "2025-06-25" in the byline);
    dates that may (``2025-06`` and ``2025-06-24``, or an interval that holds both)
    agree. A page whose metadata disagrees with its text is recorded honestly, and
    reported once here. One finding per source, listing the claims that cite it.
    Severity: *warning*.
    """
    for source in index.scoped_sources():
        dated = [(date.date, date.where) for date in source.dates]
        if source.published is not None:
            dated.insert(0, (source.published, "published"))
        if len(dated) < 2:
            continue
        latest_start = max(dated, key=lambda item: item[0].start_low)
        earliest_end = min(dated, key=lambda item: item[0].end_high)
        if latest_start[0].start_low <= earliest_end[0].end_high:
            continue
        listed = ", ".join(f"{date} ({where})" for date, where in dated)
        citing = chronological(index.by_source.get(source.id, []))
        yield Finding(
            rule="source_dates_disagree",
            severity=Severity.WARNING,
            message=f"{source.id} dates itself differently: {listed}",
            claims={"citing": [e.id for e in citing]},
            id=finding_id("source_dates_disagree", [f"source:{source.id}"]),
        )


@reads("claim")
def weekday_mismatch(index: Index) -> Iterator[Finding]:
    """A weekday written beside a date it does not fall on, in a claim's statement or quotes.

    "Wednesday, 30 October 2025" is reported: 30 October 2025 was a Thursday, so one of
    the two is wrong, and a relative date resolved from either ("the day before") may
    be too. Dates written in full (with a year) are checked, in the forms of
    :func:`factlog.weekday_mismatches`. One finding per claim. Severity: *warning*.
    """
    for entry in index.entries:
        claim = entry.claim
        statement, evidence = claim.statement, claim.evidence
        # Every weekday's name ends in "day": most claims name none. casefold goes a character at a time,
        # so each text is screened alone (one quote: no list, no join; about half the time a claim).
        if len(evidence) == 1:
            if "day" not in statement.casefold() and "day" not in evidence[0].quote.casefold():
                continue
            texts = [statement, evidence[0].quote]
        else:
            texts = [statement, *(item.quote for item in evidence)]
            if "day" not in "\n".join(texts).casefold():
                continue
        found = {item.text: item for text in texts for item in weekday_mismatches(text)}
        if not found:
            continue
        listed = "; ".join(f"{text!r} is a {item.actual}" for text, item in sorted(found.items()))
        yield Finding(
            rule="weekday_mismatch",
            severity=Severity.WARNING,
            message=f"{entry.id}: a weekday beside a date it does not fall on: {listed}",
            claims={"claim": [entry.id]},
        )
