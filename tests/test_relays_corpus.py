"""One agency's shelling toll relayed by two outlets with two figures, and the accused ministry's denials.

``tests/corpus/kessel-relays`` (see its README): what ``factlog check`` and ``factlog
show --events`` should say of it, in words a fact-checker can act on.
"""

from __future__ import annotations

from pathlib import Path

import factlog

CORPUS = Path(__file__).parent / "corpus" / "kessel-relays"


def _report() -> factlog.Report:
    return factlog.check(factlog.load(CORPUS))


def test_one_holder_through_two_relays_names_the_relays() -> None:
    """Two tolls from one agency, by two outlets: each side names its relay, and a relay is the likely fault."""
    [finding] = _report().by_rule("conflicting_values")
    assert finding.message == (
        "Conflicting values: the shelling of Kessel kills 9 civilians according to Sarnian News Agency via"
        " Northern Courier but 7 civilians according to Sarnian News Agency via Lund Wire; one holder through"
        " different relays: likely a relay misreporting Sarnian News Agency, not Sarnian News Agency"
        " contradicting itself"
    )
    assert finding.severity is factlog.Severity.ERROR
