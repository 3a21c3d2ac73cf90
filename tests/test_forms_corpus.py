"""A short report encoded by hand with the date and figure forms: the check finds what a careful reader finds."""

from __future__ import annotations

from pathlib import Path

import pytest

import factlog
from factlog import Severity

FOLDER = Path(__file__).parent / "forms"


@pytest.fixture(scope="module")
def report() -> factlog.Report:
    return factlog.check(factlog.load(FOLDER))


def test_findings_are_what_a_careful_reader_finds(report: factlog.Report) -> None:
    """'At least 120' against 'dozens', a page dated three ways, and a byline weekday that is wrong: nothing else."""
    found = sorted((f.rule, f.severity.value, f.claim_ids) for f in report.findings)
    assert found == [
        ("conflicting_values", Severity.ERROR.value, ("at-least-120", "dozens")),
        (
            "source_dates_disagree",
            Severity.WARNING.value,
            ("at-least-120", "byline", "five-miles", "former", "talks-ended", "took-post"),
        ),
        ("weekday_mismatch", Severity.WARNING.value, ("byline",)),
    ]


def test_former_ambassador_is_no_conflict(report: factlog.Report) -> None:
    """A term from 2019 with an unknown end and 'the former ambassador' give no finding between them."""
    assert not [
        f for f in report.findings if {"took-post", "former"} <= set(f.claim_ids) and f.rule != "source_dates_disagree"
    ]


def test_miles_and_kilometres_agree(report: factlog.Report) -> None:
    """'5 miles' and 'about 8 km' are the same distance after conversion: no finding names both."""
    assert not [f for f in report.findings if {"five-miles", "about-8-km"} <= set(f.claim_ids)]


def test_encoded_day_is_what_the_words_resolve_to() -> None:
    """The report's 'on Tuesday', said on its publication date, is the day the claims give."""
    claims = factlog.load(FOLDER)
    published = claims.source_by_id["report"].published
    assert published is not None
    sentence = (FOLDER / "report.txt").read_text().splitlines()[3]
    [found] = factlog.find_time_expressions(sentence, published)
    assert (found.text, str(found.when)) == ("on Tuesday", "2025-10-28")
    [ended] = [c for c in claims.claims if c.id == "talks-ended"]
    assert ended.proposition is not None
    assert ended.proposition.when == found.when
