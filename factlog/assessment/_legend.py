"""How to read an assessment, in words: one text for the HTML report's legend and the docs.

``docs/report.md`` holds :func:`legend` rendered as Markdown between generated markers
(``tools.refdocs``); the report renders the same entries in its "How to read this"
box. The figures come from the code that uses them (grade priors, certainty weights,
discounts), so the words cannot drift from the arithmetic.
"""

from __future__ import annotations

from factlog.assessment._acceptance import Acceptance
from factlog.assessment._proposition import Status
from factlog.assessment._weights import CERTAINTY_WEIGHT, DISCOUNTS
from factlog.model._scales import Certainty, Credibility, Reliability

__all__ = ["LEGEND_TITLE", "legend", "legend_markdown"]

LEGEND_TITLE = "How to read this"

_STATUS = {
    Status.CONFIRMED: "two or more reliable (A–C) independent origins for it, committing at least to probable,"
    " and no credible origin against",
    Status.CORROBORATED: "two or more independent origins for it, none credible against",
    Status.SINGLE_SOURCE: "one origin for it, none against: however many outlets repeat it",
    Status.DISPUTED: "origins for it, and credible origins against",
    Status.DENIED: "nobody for it, one credible origin against",
    Status.REFUTED: "credible origins against it and a belief of 0.2 or less, or nobody for it and two credible"
    " origins against",
    Status.DENIED_BY_INTERESTED_PARTY: "the only origins against it are the accused parties' own denials",
    Status.UNVERIFIED: "nothing committed either way",
}

_ACCEPTANCE = {
    Acceptance.ACCEPTED: "nobody states otherwise, or every rival loses: not a verdict that it is true",
    Acceptance.CONTESTED: "a rival claim (its denial, another value) is about as strong: undecided",
    Acceptance.REJECTED: "a stronger rival stands, or nobody claims it now",
}


def _weights() -> str:
    certainty = ", ".join(f"{c.value} {CERTAINTY_WEIGHT[c]:g}" for c in Certainty if c is not Certainty.UNCOMMITTED)
    discounts = ", ".join(f"{name} {factor:g}" for name, factor in DISCOUNTS.items())
    return (
        "what an origin's vote counts before anything is learned: the log-odds of its grade's prior accuracy,"
        f" ln(p/(1 − p)), times the certainty expressed ({certainty}) and each discount named beside it"
        f" ({discounts})"
    )


def legend() -> tuple[tuple[str, str], ...]:
    """The legend as (term, meaning) pairs, in reading order; raises nothing."""
    grades = "; ".join(f"{grade.value} {grade.description} (prior {grade.prior:g})" for grade in reversed(Reliability))
    credibility = "; ".join(f"{grade.value} {grade.description}" for grade in Credibility)
    entries = [
        (
            "Origin",
            "one independent voice: a holder and everyone speaking for the same party, or outlets copying one story;"
            " several claims from one origin count once",
        ),
        ("Grade (A–F)", f"the Admiralty reliability of the origin's holder, never of an outlet copying it: {grades}"),
        ("Weight", _weights()),
        ("Belief", "the probability in [0, 1] that the method gives the proposition, after weighing every origin"),
        (
            "Credibility (1–6)",
            f"the Admiralty grade read from the belief, with the ICD 203 words of its band: {credibility}",
        ),
        *((f"Status {status.value}", words) for status, words in _STATUS.items()),
        *((f"Claim {label.value}", words) for label, words in _ACCEPTANCE.items()),
    ]
    return tuple(entries)


def legend_markdown() -> str:
    """:func:`legend` as a Markdown list, for ``docs/report.md``; raises nothing."""
    return "\n".join(f"- **{term}**: {meaning}." for term, meaning in legend())
