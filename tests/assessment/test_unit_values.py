"""One figure in any spelling of its unit is one value of its slot: the assessment weighs it once.

Claims giving 600 km as "600 kilometres" or "600,000 m" vote for the same value as
"600 km" under every method; only the wording (the form most claims give) may change.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import Claim, Quantity
from tests.helpers import KILOMETRE_SPELLINGS, claim, world

VOICES = (
    ("a", "wire", "s2", 600, False),
    ("b", "paper-a", "s3", 600, False),
    ("c", "paper-b", "s4", 900, False),
    ("d", "russia", "s5", 600, True),
    ("e", "author", "s1", 900, False),
)
"""``(id, holder, source, kilometres, denied)``: a slot of two rival figures, one of them also denied."""


def _claims(spellings: Sequence[int], predicate: str) -> list[Claim]:
    found = []
    for (id, holder, source, kilometres, denied), spelling in zip(VOICES, spellings, strict=True):
        unit, factor = KILOMETRE_SPELLINGS[spelling]
        figure = Quantity(amount=kilometres * factor, unit=unit)
        found.append(claim(id, "dprk", predicate, figure, holder=holder, source=source, denied=denied))
    return found


def _weighed(claims: list[Claim], method: str) -> list[tuple[str, str, float, int, int]]:
    """Each proposition's status, credibility, belief and origins for and against, wording left out."""
    assessment = factlog.assess(world(*claims), method=method)
    return sorted(
        (p.status.value, p.credibility.value, p.belief, len(p.supporting), len(p.opposing))
        for p in assessment.propositions
    )


@given(
    st.lists(st.integers(0, len(KILOMETRE_SPELLINGS) - 1), min_size=len(VOICES), max_size=len(VOICES)),
    st.sampled_from(["accucopy", "accuvote", "majority", "truthfinder"]),
    st.sampled_from(["troops-deployed", "visits"]),
)
def test_respelling_a_figure_s_unit_changes_no_belief(spellings: list[int], method: str, predicate: str) -> None:
    """Each claim's figure respelled or converted exactly: the same statuses, beliefs and origins as all in km."""
    expected = _weighed(_claims([0] * len(VOICES), predicate), method)
    assert _weighed(_claims(spellings, predicate), method) == expected


def test_a_value_is_named_as_most_of_its_claims_write_it() -> None:
    """Two claims give 600 km (one of them denies it), one 600 kilometres: one value, shown "600 km"."""
    claims = _claims([0, 0, 0, 0, 0], "troops-deployed")
    claims[1] = claim("b", "dprk", "troops-deployed", Quantity(amount=600, unit="kilometres"), holder="paper-a")
    statements = [p.statement for p in factlog.assess(world(*claims), method="majority").propositions]
    assert [s for s in statements if "600" in s] == ["North Korea number of troops deployed 600 km (2025)"]
