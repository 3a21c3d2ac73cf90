"""Times a newcomer's articles had: spans of days, durations, holidays, and no publication date."""

from __future__ import annotations

from pathlib import Path

import pytest

import factlog
from tests.drafting.registries import BELEK_REGISTRY, belek_visit
from tests.helpers import run


def _visit(when: str, published: str | None = "2026-12-02") -> factlog.Claim:
    return belek_visit(when, published)


@pytest.mark.parametrize(
    ("words", "days"),
    [
        ("between 28 and 30 November", "2026-11-28/2026-11-30"),
        ("on 29-30 November", "2026-11-29/2026-11-30"),
        ("on Nov. 30-Dec. 1", "2026-11-30/2026-12-01"),
        ("from 26 to 28 November", "2026-11-26/2026-11-28"),
        ("from 30 November to 1 December", "2026-11-30/2026-12-01"),
        ("on Dec. 1-3, 2025", "2025-12-01/2025-12-03"),
    ],
)
def test_a_span_of_days_is_the_interval_from_its_first_to_its_last_day(words: str, days: str) -> None:
    """'29-30 November', 'between 28 and 30 November', 'Nov. 30-Dec. 1': every day of the span, not the last alone."""
    claim = _visit(words)
    assert claim.proposition is not None
    assert str(claim.proposition.when) == days


@pytest.mark.parametrize(
    ("words", "when"),
    [
        ("for the first time in five years", "2026-12-02"),
        ("for the first time in 10 years", "2026-12-02"),
        ("for the first time last week", "2026-11-23/2026-11-29"),
    ],
)
def test_a_duration_is_no_date(words: str, when: str) -> None:
    """'for the first time in five years' says how long since, not when (the sentence names no time, and gets
    the article's date as every such sentence does); a time after "first time" is still read."""
    claim = _visit(words)
    assert claim.proposition is not None
    assert str(claim.proposition.when) == when


@pytest.mark.parametrize(
    "words",
    ["on Christmas Day", "on New Year's Day", "in the autumn", "on 12/28", "over the weekend", "during the weekend"],
)
def test_a_holiday_a_season_or_a_numeric_date_gives_no_time_and_a_note(words: str) -> None:
    """Words naming a time the drafter cannot read never become the publication day: no time, and a note."""
    claim = _visit(words)
    assert claim.proposition is not None
    assert (claim.proposition.when, words.rsplit(maxsplit=1)[-1] in (claim.notes or "")) == (None, True)


@pytest.mark.parametrize(
    ("words", "day"),
    [
        ("on Monday 23 November", "2026-11-23"),
        ("on Thursday, Nov. 26", "2026-11-26"),
        ("on Monday, 23 November", "2026-11-23"),
    ],
)
def test_a_written_date_wins_over_the_weekday_before_it(words: str, day: str) -> None:
    """'on Monday 23 November' is 23 November (the weekday alone would be the Monday before publication); no note."""
    claim = _visit(words)
    assert claim.proposition is not None
    assert (str(claim.proposition.when), claim.notes) == (day, None)


@pytest.mark.parametrize(
    ("words", "day"), [("on Monday 24 November", "2026-11-24"), ("on Thursday, Nov. 3", "2026-11-03")]
)
def test_a_weekday_that_is_not_the_written_date_s_is_noted(words: str, day: str) -> None:
    """'on Monday 24 November' (a Tuesday): the date written, and a note naming the weekday that disagrees."""
    claim = _visit(words)
    assert claim.proposition is not None
    assert str(claim.proposition.when) == day
    assert f"is not a {words.split()[1].rstrip(',')}" in (claim.notes or "")


def test_times_without_a_publication_date_are_noted_on_the_claim_and_on_standard_error(tmp_path: Path) -> None:
    """Without --published, 'on Tuesday' cannot be read: the claim says so, and so does a line on standard error."""
    assert "'on Tuesday'" in (_visit("on Tuesday", published=None).notes or "")
    article = tmp_path / "a.txt"
    article.write_text("Anton Belek visited Tarsia on Tuesday.\n", encoding="utf-8")
    registry = tmp_path / "registry.json"
    factlog.dump(BELEK_REGISTRY, registry)
    ran = run("draft", str(article), "--source", "a", "--registry", str(registry), "-o", str(tmp_path / "a.json"))
    assert (ran.returncode, "no --published date" in ran.stderr) == (0, True)
