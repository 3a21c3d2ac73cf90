"""The acknowledgements of a claim set matched against a check's findings (:class:`Marks`)."""

from __future__ import annotations

from factlog.analysis._index import Index
from factlog.checks._findings import Finding, Severity, finding_id, legacy_id
from factlog.model._nearest import nearest_ids

__all__ = ["Marks"]

_TYPO = 2
"""How many characters away a finding id may be from an acknowledged id that matches none, to be offered for it."""
_BATCH = 4096
"""How many finding ids are held before those near an unmatched acknowledgement are picked out (the rest let go)."""


class Marks:
    """The acknowledgements of a claim set matched against the findings' ids, seen one at a time.

    :meth:`observe` each finding id, then :meth:`settle`: the notes by the full id they
    mark. An old 8-hex-digit id acknowledges the one finding it is the prefix of; when two
    findings share it (the collision longer ids avoid), it acknowledges neither, and
    :meth:`stale` reports it. Holds the acknowledgements and the ids they match, not every id:
    of the others, those within :data:`_TYPO` characters of an acknowledged id not yet
    matched, which :meth:`stale` offers ("did you mean").
    """

    def __init__(self, index: Index) -> None:
        self.acknowledged = index.claims.acknowledged
        self.places = index.claims.acknowledged_at  # finding id -> file and JSON path or line, when loaded from files
        self.notes: dict[str, str | None] = {ack.finding: ack.note for ack in self.acknowledged}
        self.seen: set[str] = set()
        self.legacy: dict[str, list[str]] = {}
        self.held: list[str] = []  # ids not yet compared with the acknowledgements not yet matched
        self.near: dict[str, list[str]] = {}  # acknowledged id -> finding ids a typo away

    def observe(self, finding: str) -> None:
        """Note one finding's id."""
        if finding in self.notes:
            self.seen.add(finding)
        elif self.notes:
            self.held.append(finding)
            if len(self.held) >= _BATCH:
                self._compare()
        old = legacy_id(finding)
        if old is not None and old in self.notes:
            self.legacy.setdefault(old, []).append(finding)

    def _compare(self) -> None:
        """Keep, of the ids held, those a typo away from an acknowledged id not matched so far; let the rest go."""
        for ack in self.notes.keys() - self.seen:
            near = nearest_ids(self.held, ack, within=_TYPO)
            if near:
                self.near.setdefault(ack, []).extend(near)
        self.held = []

    def settle(self) -> dict[str, str | None]:
        """Once every id is observed: the note of each finding id an acknowledgement marks."""
        for old, matched in self.legacy.items():
            if len(set(matched)) == 1:
                self.notes.setdefault(matched[0], self.notes[old])
                self.seen.add(old)
        return self.notes

    def stale(self) -> list[Finding]:
        """After :meth:`settle`: a ``stale_acknowledgement`` finding per acknowledgement that marks no finding.

        Each names where the acknowledgement stands: its file and JSON path, or in JSON
        Lines its file and line, when the set was loaded from files
        (:attr:`~factlog.ClaimSet.acknowledged_at`), else its JSON path in the set (``$.acknowledged[N]``).
        """
        self._compare()
        found = []
        for position, ack in enumerate(self.acknowledged):
            matched = sorted(set(self.legacy.get(ack.finding, ())))
            if len(matched) <= 1 and ack.finding in self.seen:
                continue
            # Looked up only here: a JSON Lines file is read again to name the line (AcknowledgementPlaces).
            where = self.places.get(ack.finding) or f"$.acknowledged[{position}]"
            if len(matched) > 1:
                message = (
                    f'acknowledgement of {ack.finding} at {where} ("{ack.note}") is an old short id that matches'
                    f" {len(matched)} findings ({', '.join(matched)}): acknowledge the one you mean by its full id"
                )
            else:
                message = (
                    f'acknowledgement of {ack.finding} at {where} matches no finding ("{ack.note}"): the claims'
                    " changed, the finding was resolved, or its claims are now part of a larger finding"
                    " (conflicting_values and conflicting_holders give one finding per run of days, not one per"
                    " day); review it, then acknowledge the finding that holds its claims or remove it"
                )
                near = nearest_ids(self.near.get(ack.finding, ()), ack.finding, within=_TYPO)
                if near:
                    message += "; did you mean " + " or ".join(near) + "?"
            found.append(
                Finding(
                    rule="stale_acknowledgement",
                    severity=Severity.WARNING,
                    message=message,
                    claims={},
                    id=finding_id("stale_acknowledgement", [ack.finding]),
                )
            )
        return found
