"""What assessment says about one proposition: :class:`PropositionAssessment` and its :class:`Status`."""

from __future__ import annotations

import enum

import attrs

from factlog.assessment._acceptance import Acceptance
from factlog.assessment._questions import OriginWeight
from factlog.model._dates import Interval
from factlog.model._nouns import Object
from factlog.model._scales import Credibility, Likelihood

__all__ = ["PropositionAssessment", "Status"]


class Status(enum.Enum):
    """Where a proposition stands, from its origins for and against it.

    *confirmed*, *corroborated* and *single-source* count the origins for it, with no
    credible opposition; *denied* and *refuted* the credible origins against it, with
    nobody for it (one; two or more, or a belief of 0.2 or less); *disputed* has credible
    origins on both sides; *denied-by-interested-party* has only the accused's denial
    against it; *unverified* has nothing committed (:func:`factlog.assessment._grading.status`).
    """

    CONFIRMED = "confirmed"
    CORROBORATED = "corroborated"
    SINGLE_SOURCE = "single-source"
    DISPUTED = "disputed"
    DENIED = "denied"
    DENIED_BY_INTERESTED_PARTY = "denied-by-interested-party"
    REFUTED = "refuted"
    UNVERIFIED = "unverified"


@attrs.frozen
class PropositionAssessment:
    """What to believe about one proposition at one stretch of time, and why.

    ``value`` is the typed object a functional slot's candidate holds (entity id,
    text, quantity, date), None for a yes/no proposition; ``tie`` says that another
        candidate of the slot that is a rival of this one (not compatible with it) has the
    same, highest belief (the tie is not broken);
    ``when`` is the stretch of time weighed (None: any time);
    ``acceptance`` is this answer's grounded label (None on the beliefs-only path)
    and ``decided_by`` the conflict that decided it, if any;
    ``ceiling`` is the likeliest ICD 203 band the origins for it allow its words and
    credibility without independent confirmation (None: any; ``docs/assessment.md``).
    """

    key: str
    statement: str
    status: Status
    credibility: Credibility
    belief: float
    supporting: tuple[OriginWeight, ...]
    opposing: tuple[OriginWeight, ...]
    reasons: tuple[str, ...]
    labels: tuple[tuple[str, Acceptance], ...]
    slot: str | None = None
    value: Object | None = None
    tie: bool = False
    acceptance: Acceptance | None = None
    decided_by: str | None = None
    when: Interval | None = None
    ceiling: Likelihood | None = None

    @property
    def likelihood(self) -> Likelihood:
        """The ICD 203 words of the belief's band, held to :attr:`ceiling`: what the grade is printed with."""
        found = Likelihood.from_probability(self.belief)
        return found if self.ceiling is None or found <= self.ceiling else self.ceiling

    @property
    def claim_ids(self) -> tuple[str, ...]:
        """Every claim weighed here."""
        return tuple(claim for claim, _ in self.labels)
