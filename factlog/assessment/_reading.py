"""What an assessment answers about one claim or one slot, the same for each kind of assessment.

:class:`Readings` gives :meth:`~Readings.about`, :meth:`~Readings.label` and
:meth:`~Readings.leading` from an assessment's ``propositions`` and a lookup of the
assessments that weigh a claim; :class:`~factlog.Assessment` keeps that lookup as a map
in memory (:class:`ClaimMap`), :class:`~factlog.LinesAssessment` as sorted columns of
claim hashes with the positions of its propositions on disk. The lookups are kept in
slots by :class:`~factlog.model._cached.cached_slot`, not by
:class:`functools.cached_property`, which would slow every attribute read of the class.
"""

from __future__ import annotations

from collections.abc import Sequence

from factlog.analysis import _phrasing as phrasing
from factlog.assessment._acceptance import Acceptance
from factlog.assessment._proposition import PropositionAssessment
from factlog.errors import UnknownIdError, expect
from factlog.model._cached import cached_slot

__all__ = ["ClaimMap", "Readings", "Weighing"]

Weighing = Sequence[tuple[PropositionAssessment, Acceptance]]
"""The assessments that weigh one claim, in the assessment's order, each with the claim's label in it."""


class Readings:
    """The questions an assessment answers about its propositions; subclasses give :meth:`_weighing`."""

    __slots__ = ()

    propositions: Sequence[PropositionAssessment]

    def _weighing(self, claim: str) -> Weighing:
        """The assessments that weigh ``claim`` (as :data:`Weighing`), empty for any other id."""
        raise NotImplementedError

    def about(self, claim: str) -> list[PropositionAssessment]:
        """The assessments that weigh a claim, in the assessment's order (one lookup, not a scan).

        An empty list for a claim of the set that no assessment weighs: one without a
        proposition, or one left out by ``as_of``. Raises :class:`~factlog.UnknownIdError`
        (a :class:`LookupError`) for an id the claim set does not hold, offering the
        nearest held ids ("did you mean"); a :class:`~factlog.LinesAssessment`, which keeps
        only the ids its assessments weigh, and an assessment unpickled or made by hand
        give ``[]`` for it instead. Raises :class:`~factlog.ArgumentTypeError` for a
        ``claim`` that is no :class:`str` (a :class:`~factlog.Claim` itself, None); a
        :class:`~factlog.LinesAssessment` whose propositions were closed raises
        :class:`~factlog.ClosedError`.
        """
        found = [item for item, _ in self._weighing(self._claim_id(claim, "about"))]
        if not found and self._holds(claim) is False:
            near = self._near(claim)
            offered = "; did you mean " + " or ".join(map(repr, near)) + "?" if near else ""
            raise UnknownIdError([f"{type(self).__name__}.about: the claim set holds no claim {claim!r}{offered}"])
        return found

    def _holds(self, claim: str) -> bool | None:
        """Whether the claim set assessed holds ``claim``; None when not known."""
        del claim
        return None

    def _near(self, claim: str) -> list[str]:
        """The held ids that come close to ``claim``."""
        del claim
        return []

    def leading(self) -> dict[str, tuple[PropositionAssessment, ...]]:
        """For each functional slot and time, the values with the highest belief.

        Keys read ``SLOT @ TIME``; several values: compatible ones (one belief) or a tie (``tie``).
        Raises nothing (a :class:`~factlog.LinesAssessment` whose propositions were closed:
        :class:`~factlog.ClosedError`).
        """
        best: dict[str, list[PropositionAssessment]] = {}
        for item in self.propositions:
            if item.slot is None:
                continue
            slot = f"{item.slot} @ {phrasing.span(item.when) or 'any time'}"
            found = best.setdefault(slot, [])
            if not found or item.belief > found[0].belief:
                best[slot] = [item]
            elif item.belief == found[0].belief:
                found.append(item)
        return {slot: tuple(items) for slot, items in best.items()}

    def label(self, claim: str) -> Acceptance | None:
        """A claim's label (the first assessment that weighs it), or None.

        None also for a claim no assessment weighs, or on the beliefs-only path (``explain=False``);
        an id the claim set does not hold gives None too. Raises
        :class:`~factlog.ArgumentTypeError` for a ``claim`` that is no :class:`str`, and
        :class:`~factlog.ClosedError` on a :class:`~factlog.LinesAssessment` whose propositions were closed.
        """
        found = self._weighing(self._claim_id(claim, "label"))
        return found[0][1] if found else None

    def _claim_id(self, claim: object, method: str) -> str:
        """``claim`` if it is a claim id (a str), else :class:`~factlog.ArgumentTypeError` naming ``method``."""
        return expect(claim, str, f"factlog.{type(self).__name__}.{method}: claim", "a claim id (str)")


def labelled(item: PropositionAssessment) -> dict[str, Acceptance]:
    """An assessment's claims with their labels (a claim listed twice: its last label, at its first place)."""
    return dict(item.labels)


class ClaimMap(Readings):
    """Readings from a map of claim id to the assessments that weigh it, built on the first lookup."""

    __slots__ = ("_by_claim_",)

    @cached_slot
    def _by_claim(self) -> dict[str, list[tuple[PropositionAssessment, Acceptance]]]:
        """Claim id to the assessments that weigh it (in order) with its label in each; built once."""
        found: dict[str, list[tuple[PropositionAssessment, Acceptance]]] = {}
        for item in self.propositions:
            for claim, label in labelled(item).items():
                found.setdefault(claim, []).append((item, label))
        return found

    def _weighing(self, claim: str) -> Weighing:
        return self._by_claim.get(claim, ())
