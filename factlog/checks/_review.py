"""Review rules: work an analyst still has to do before a claim set can be trusted."""

from __future__ import annotations

from collections.abc import Iterator

from factlog.analysis._index import Index
from factlog.checks._findings import Finding, Severity, finding_id
from factlog.checks._groupings import reads

__all__ = ["unreviewed_draft"]


@reads("source")
def unreviewed_draft(index: Index) -> Iterator[Finding]:
    """Claims still marked ``draft``: proposed by ``factlog draft`` and not yet reviewed.

    A drafted claim's holder, certainty, polarity and proposition were read from cue
    words by rule, not by a person. Review each one, correct it, and remove its
    ``"draft": true``; the finding goes when no claim of the source is marked. One
    finding per source (a drafted file holds one), listing its marked claims.
    Severity: *warning*.
    """
    # The sources of the marked claims in view; then every marked claim of each, even in a
    # view of a few claims (the incremental check), from the source's whole group.
    marked: dict[str, list[str]] = {}
    for entry in index.entries:
        if entry.claim.draft:
            marked.setdefault(entry.sources[0] if entry.sources else "", []).append(entry.id)
    for source in marked:
        if source in index.by_source:
            group = index.by_source[source]
            marked[source] = [e.id for e in group if e.claim.draft and e.sources[0] == source]
    for source, claims in sorted(marked.items()):
        count = f"{len(claims)} claim{'s' if len(claims) != 1 else ''}"
        yield Finding(
            rule="unreviewed_draft",
            severity=Severity.WARNING,
            message=f"{count} of {source} drafted by factlog draft and not yet reviewed:"
            " check each, then remove its draft mark",
            claims={"drafted": sorted(claims)},
            id=finding_id("unreviewed_draft", [f"source:{source}"]),
        )
