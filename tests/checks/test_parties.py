"""Interested parties, and firmness out of line with the record."""

from __future__ import annotations

import random

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
from factlog import Severity, TextValue
from factlog.analysis._parties import interested
from factlog.checks import interested_denial, interested_judgement, understated_certainty
from tests.helpers import claim, findings_of, sides, world

STRIKE = {"subject": "prc", "predicate": "destroys", "obj": "sites", "when": "2025-06"}
TROOPS = {"subject": "dprk", "predicate": "supplies-weapons-to", "obj": "russia", "when": "2025"}


def test_a_party_judging_its_own_strike_is_flagged() -> None:
    """'Our strike obliterated the sites', said by China's foreign ministry of China's strike: info."""
    claims = world(
        claim("ours", **STRIKE, holder="mfa-prc"),  # type: ignore[arg-type]
        claim("theirs", **STRIKE, denied=True, holder="wire"),  # type: ignore[arg-type]
    )
    [finding] = findings_of(interested_judgement, claims)
    assert sides(finding) == {"interested": {"ours"}, "others": {"theirs"}}
    assert finding.severity is Severity.INFO


def test_a_third_party_judging_is_not_interested() -> None:
    """The same judgement by an outside outlet is not flagged."""
    assert findings_of(interested_judgement, world(claim("outside", **STRIKE, holder="wire"))) == []  # type: ignore[arg-type]


def test_the_hook_marks_interested_claims_for_assessment() -> None:
    """interested(): a party's own judgement and a denial by the accused; not a plain report by a party."""
    claims = world(
        claim("judges", **STRIKE, holder="mfa-prc"),  # type: ignore[arg-type]
        claim("denies", **TROOPS, denied=True, holder="kcna"),  # type: ignore[arg-type]
        claim("reports", "prc", "visits", "dprk", "2025", holder="mfa-prc"),
    )
    index = factlog.Index.of(claims)
    assert [interested(index, index.by_id[c]) for c in ("judges", "denies", "reports")] == [True, True, False]


def test_may_against_named_certainty_is_understated() -> None:
    """A tabloid's 'may' where Russia and the wire state it as fact, and nobody denies it: info."""
    claims = world(
        claim("may", **TROOPS, certainty="possible", holder="tabloid"),  # type: ignore[arg-type]
        claim("fact", **TROOPS, holder="russia"),  # type: ignore[arg-type]
        claim("wire", **TROOPS, holder="wire", source="s2"),  # type: ignore[arg-type]
    )
    [finding] = findings_of(understated_certainty, claims)
    assert sides(finding) == {"hedged": {"may"}, "certain": {"fact", "wire"}}
    assert finding.severity is Severity.INFO


def test_hedging_a_disputed_claim_is_fair() -> None:
    """When someone denies it, 'may' is not out of line."""
    claims = world(
        claim("may", **TROOPS, certainty="possible", holder="tabloid"),  # type: ignore[arg-type]
        claim("fact", **TROOPS, holder="russia"),  # type: ignore[arg-type]
        claim("no", **TROOPS, denied=True, holder="mfa-prc"),  # type: ignore[arg-type]
    )
    assert findings_of(understated_certainty, claims) == []


def test_anonymous_certainty_is_no_record_to_understate() -> None:
    """Only anonymous analysts state it as fact: the hedge is not flagged."""
    claims = world(
        claim("may", **TROOPS, certainty="possible", holder="tabloid"),  # type: ignore[arg-type]
        claim("analysts", **TROOPS, holder="analysts"),  # type: ignore[arg-type]
    )
    assert findings_of(understated_certainty, claims) == []


def test_a_hedge_given_for_two_times_names_both() -> None:
    """A tabloid's 'may' for 2025 and for 2025-03, the fact stated for 2025-03: both times named, whatever the ids."""
    messages = set()
    for year, month in (("a", "b"), ("b", "a")):
        claims = world(
            claim(year, **{**TROOPS, "when": "2025"}, certainty="possible", holder="tabloid"),  # type: ignore[arg-type]
            claim(month, **{**TROOPS, "when": "2025-03"}, certainty="possible", holder="tabloid"),  # type: ignore[arg-type]
            claim("fact", **{**TROOPS, "when": "2025-03"}, holder="russia"),  # type: ignore[arg-type]
        )
        [finding] = findings_of(understated_certainty, claims)
        messages.add(finding.message)
    [message] = messages
    assert "(2025, 2025-03)" in message


def _spelled(id: str, text: str, *, denied: bool = False, holder: str = "author") -> factlog.Claim:
    return claim(id, "russia", "visits", TextValue(text=text), denied=denied, holder=holder)


@pytest.mark.parametrize("backwards", [False, True])
def test_a_denied_text_is_named_as_most_claims_spell_it(backwards: bool) -> None:
    """'Red Square' twice and 'RED square' once are one proposition: named 'Red Square', in either order."""
    given = [
        _spelled("a", "Red Square"),
        _spelled("b", "Red Square", holder="wire"),
        _spelled("c", "RED square", denied=True, holder="russia"),
    ]
    [finding] = findings_of(interested_denial, world(*(given[::-1] if backwards else given)))
    assert "visits 'Red Square': denied by Russia" in finding.message


@pytest.mark.parametrize("backwards", [False, True])
def test_a_denied_text_spelled_two_ways_as_often_is_named_by_the_smaller_spelling(backwards: bool) -> None:
    """'Red Square' once and 'RED square' once: named 'RED square' (the smaller string), in either order."""
    given = [_spelled("a", "Red Square"), _spelled("b", "RED square", denied=True, holder="russia")]
    [finding] = findings_of(interested_denial, world(*(given[::-1] if backwards else given)))
    assert "visits 'RED square': denied by Russia" in finding.message


_SPELLINGS = st.sampled_from(["Red Square", "RED square", "red square", "Red square"])


@settings(max_examples=40)
@given(
    st.lists(
        st.tuples(_SPELLINGS, st.booleans(), st.sampled_from(["author", "wire", "russia"])), min_size=1, max_size=6
    ),
    st.randoms(use_true_random=False),
)
def test_an_interested_denial_of_a_text_does_not_depend_on_the_ids_or_the_order_of_the_claims(
    readings: list[tuple[str, bool, str]], rng: random.Random
) -> None:
    """One text spelled in several cases, affirmed and denied: claims dealt other ids in another order, the same
    interested denial, word for word."""
    given = [_spelled(f"c{n}", text, denied=denied, holder=holder) for n, (text, denied, holder) in enumerate(readings)]
    ids = rng.sample([c.id for c in given], len(given))
    dealt = [attrs.evolve(c, id=id) for c, id in zip(given, ids, strict=True)]
    rng.shuffle(dealt)

    def messages(claims: factlog.ClaimSet) -> list[str]:
        return [f.message for f in findings_of(interested_denial, claims)]

    assert messages(world(*dealt)) == messages(world(*given))
