"""A claim said in a pattern reads the same in check, show and the report: one function words it."""

from __future__ import annotations

import html
from pathlib import Path

import factlog
from factlog.analysis._phrasing import stance

FIRST = "first-shelling-since-2019"
LAST = "last-talks-2024"
CORPUS = Path(__file__).parent / "corpus"


def test_a_pattern_claim_on_the_denying_side_reads_as_its_implied_denial_in_check_and_report() -> None:
    """'The first shelling since 2019' against a shelling in between: 'denied in between, implied by ...' in both."""
    claims = factlog.load(CORPUS)
    words = stance(claims.claim_by_id[FIRST], "denying")
    assert words == "denied in between, implied by 'the first … since 2019', certain"
    text = factlog.render_text(factlog.check(claims))
    assert f"{FIRST}: Ilse Varn ({words}) in halden-shelling" in text
    page = factlog.html_report(claims)
    assert f'<span class="stance">{html.escape(words).replace("&#x27;", "&#39;")}</span>' in page
    assert '<span class="stance">affirmed, certain</span>' in page  # a plain claim reads as before


def test_show_words_a_pattern_claim_as_everything_it_says() -> None:
    """Off any finding's side, 'show' gives the whole pattern: affirmed then, denied since."""
    claims = factlog.load(CORPUS)
    rows = [row for row in factlog.holder_timeline(claims, "Ilse Varn") if row.claim == LAST]
    text = factlog.render_timeline_text(rows)
    assert f"('the last … was in 2024': affirmed then, denied since, certain) [{LAST}]" in text
