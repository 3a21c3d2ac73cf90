"""``understated_certainty`` with its span sets finds what the rule finds listing every holder's support."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
from factlog.analysis import _phrasing as phrasing
from factlog.analysis._index import Entry, Index, chronological
from factlog.analysis._timegroups import possible_conflict
from factlog.checks import _parties
from factlog.checks._findings import Finding, Severity
from factlog.model._scales import Certainty, Polarity
from tests.helpers import claim, lines_executed, world

HOLDERS = ["author", "wire", "kcna", "russia", "peskov", "analysts", "paper-a", "paper-b"]
TIMES = [None, "2025", "2025-03", "2024/2025", "2025-03-01", "2023", "2025-06/.."]


def _as_it_was(index: Index) -> Iterator[Finding]:
    """The rule before span sets: every hedging holder's support listed, then swept."""
    for entries in index.by_key.values():
        committed = [e for e in entries if e.claim.certainty is not Certainty.UNCOMMITTED]
        for polarity in Polarity:
            side = [e for e in committed if e.polarity is polarity]
            hedged = [e for e in side if e.claim.certainty is Certainty.POSSIBLE]
            firm = [e for e in side if e.claim.certainty is Certainty.CERTAIN and _parties._named(index, e)]
            if not hedged or not firm:
                continue
            other = [e for e in committed if e.polarity is not polarity]
            by_holder: dict[str, list[Entry]] = {}
            for entry in chronological(hedged):
                by_holder.setdefault(entry.holder, []).append(entry)
            for mine in by_holder.values():
                support = chronological([e for e in firm if e.speaks_for != mine[0].speaks_for])
                if not support or not possible_conflict(mine, support) or possible_conflict(mine, other):
                    continue
                assert mine[0].proposition is not None
                what = phrasing.proposition(index, mine[0].proposition)
                verb = "suggested" if polarity is Polarity.AFFIRMED else "suggested not"
                yield Finding(
                    rule="understated_certainty",
                    severity=Severity.INFO,
                    message=f"Understated: {what}: only {verb} by {index.name(mine[0].holder)}, but stated as"
                    f" certain by {phrasing.holders(index, support)}, and nobody says otherwise",
                    claims={"hedged": [e.id for e in mine], "certain": [e.id for e in support]},
                )


_CLAIMS = st.lists(
    st.tuples(
        st.sampled_from(HOLDERS),
        st.sampled_from(TIMES),
        st.sampled_from(["certain", "certain", "possible", "possible", "probable", "uncommitted"]),
        st.booleans(),
        st.sampled_from(["russia", "prc"]),
    ),
    max_size=16,
)


@settings(max_examples=200)
@given(_CLAIMS)
def test_span_sets_find_what_listing_every_support_finds(drawn: list[tuple[str, str | None, str, bool, str]]) -> None:
    """The same findings (ids, messages, sides, order) on one or two propositions, any holders, times and sides."""
    claim_set = world(
        *(
            claim(f"c{n}", "dprk", "supplies-weapons-to", obj, when, certainty=certainty, holder=holder, denied=denied)
            for n, (holder, when, certainty, denied, obj) in enumerate(drawn)
        )
    )
    found = factlog.check(claim_set, (_parties.understated_certainty,)).findings
    expected = factlog.check(claim_set, (_as_it_was,)).findings
    assert [(f.id, f.message, f.claims) for f in found] == [(f.id, f.message, f.claims) for f in expected]


def _hedged_and_firm(size: int) -> factlog.ClaimSet:
    """``size`` holders hedging a 2025 proposition, ``size`` certain claims of it dated 2020: no finding."""
    hedged = [claim(f"h{n}", when="2025", certainty="possible", holder=f"holder-{n}") for n in range(size)]
    firm = [claim(f"f{n}", when="2020", holder=("author", "wire", "paper-a")[n % 3]) for n in range(size)]
    return world(*hedged, *firm)


def test_hedging_holders_cost_their_number_not_its_square() -> None:
    """Ten times the hedging holders and firm claims cost about ten times the work, not a hundred."""
    small, large = _hedged_and_firm(60), _hedged_and_firm(600)
    rules = (_parties.understated_certainty,)
    assert not factlog.check(large, rules).findings
    small_cost = lines_executed(lambda: factlog.check(small, rules))
    large_cost = lines_executed(lambda: factlog.check(large, rules))
    assert large_cost < 15 * small_cost, (small_cost, large_cost)
