"""A chain of relays reads the way the words travelled: from the holder out, the outermost relay last."""

from __future__ import annotations

import factlog
from tests.helpers import claim, world


def _relayed() -> factlog.ClaimSet:
    """KCNA's denial, which a tabloid had from the Chinese Foreign Ministry (``via`` outermost first)."""
    return world(
        claim("c1", holder="author", source="s1"),
        claim("c2", denied=True, holder="kcna", source="s2", via=("tabloid", "mfa-prc")),
    )


def test_a_findings_claim_lines_print_the_innermost_relay_first() -> None:
    """The text report names c2 as "KCNA via Chinese Foreign Ministry → A tabloid", not the other way."""
    text = factlog.render_text(factlog.check(_relayed()))
    assert "KCNA via Chinese Foreign Ministry → A tabloid" in text
    assert "via A tabloid → Chinese Foreign Ministry" not in text


def test_a_timeline_prints_the_innermost_relay_first() -> None:
    """`show` of the holder: the same order as the findings'."""
    text = factlog.render_timeline_text(factlog.holder_timeline(_relayed(), "kcna"))
    assert "via Chinese Foreign Ministry → A tabloid" in text


def test_the_chain_keeps_via_in_its_own_order_in_json() -> None:
    """Only the printed chain turns round: the JSON timeline keeps ``via`` outermost first, as the format reads."""
    rows = factlog.holder_timeline(_relayed(), "kcna")
    assert rows[0].via == ("A tabloid", "Chinese Foreign Ministry")
