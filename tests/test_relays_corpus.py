"""One agency's shelling toll relayed by two outlets with two figures, and the accused ministry's denials.

``tests/corpus/kessel-relays`` (see its README): what ``factlog check`` and ``factlog
show --events`` should say of it, in words a fact-checker can act on.
"""

from __future__ import annotations

from pathlib import Path

import factlog
from tests.helpers import run

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


def test_events_affirmed_and_denied_for_one_day_are_no_conflict_of_dates() -> None:
    """`show --events` marks the shelling affirmed and denied for 2026-03-02, not as conflicting dates."""
    result = run("show", str(CORPUS), "--entity", "kessel", "--events")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:3] == [
        "Valdoria shells Kessel  [affirmed and denied]",
        "    2026-03-02  affirmed  Sarnian News Agency (wire-shelled, courier-shelled)",
        "    2026-03-02  denied    Valdorian Ministry of Defence (wire-denial, mod-rejects)",
    ]


def test_report_timeline_marks_the_event_affirmed_and_denied() -> None:
    """The HTML report's timeline badges the shelling "affirmed and denied", and shows no "conflicting dates"."""
    page = factlog.html_report(factlog.load(CORPUS))
    assert '<span class="badge sev-error">affirmed and denied</span>' in page
    assert "conflicting dates" not in page


def test_the_ministry_repeating_its_denial_is_no_hollow_corroboration() -> None:
    """Only the agency's story, relayed by two outlets, is hollow; the ministry's own denial, reported once, is not."""
    report = _report()
    [finding] = report.by_rule("hollow_corroboration")
    assert finding.sides == {"origin sarnia": ("courier-shelled", "wire-shelled")}
    [interested] = report.by_rule("interested_denial")
    assert interested.sides["interested"] == ("wire-denial", "mod-rejects")


def test_quote_not_found_shows_whole_words_and_says_what_its_score_measures() -> None:
    """The closest passage to a misremembered quote is cut between words, its score explained in words."""
    [finding] = _report().by_rule("quote_not_found")
    assert finding.message == (
        "Quote of courier-guns not found in its document: evidence[0] 'Valdorian guns struck Kessel on Monday'"
        " is not in courier-story; the closest passage, at 35-79, reads 'Valdorian artillery shelled Kessel on"
        " Monday' (71/100 alike: 71 % of the characters of the quote and the passage, counted together, pair up"
        " in the same order)"
    )
