"""The dating rules: a source that dates itself twice, differently; a weekday beside the wrong date."""

from __future__ import annotations

import attrs

import factlog
from factlog import Interval, Severity, SourceDate
from factlog.checks import source_dates_disagree, weekday_mismatch
from tests.helpers import claim, world


def with_dates(*dates: tuple[str, str], published: str | None = "2025-06-24") -> factlog.ClaimSet:
    """The shared world whose first source records these dates (and this publication date)."""
    claims = world(claim("c1"))
    first = attrs.evolve(
        claims.sources[0],
        published=None if published is None else Interval.parse(published),
        dates=tuple(SourceDate(date=Interval.parse(date), where=where) for date, where in dates),
    )
    return attrs.evolve(claims, sources=(first, *claims.sources[1:]))


def test_metadata_disagreeing_with_byline_is_reported() -> None:
    """Page metadata 2025-06-24 and a byline of 2025-06-26: one warning naming both and where each came from."""
    [finding] = source_dates_disagree(factlog.Index.of(with_dates(("2025-06-26", "byline"))))
    assert finding.severity is Severity.WARNING
    assert "2025-06-24 (published), 2025-06-26 (byline)" in finding.message
    assert finding.claim_ids == ("c1",)


def test_dates_that_may_share_a_day_agree() -> None:
    """A month and a day inside it, or an interval holding both days, are no disagreement."""
    agreeing = with_dates(("2025-06", "text"), ("2025-06-24/2025-06-25", "metadata"))
    assert list(source_dates_disagree(factlog.Index.of(agreeing))) == []


def test_recorded_dates_disagree_without_a_publication_date() -> None:
    """Two recorded dates that cannot both be true are reported even when ``published`` is absent."""
    claims = with_dates(("2025-06-24", "metadata"), ("2025-07-01", "text"), published=None)
    assert len(list(source_dates_disagree(factlog.Index.of(claims)))) == 1


def test_one_date_is_never_a_disagreement() -> None:
    """A source with only its publication date is not reported."""
    assert list(source_dates_disagree(factlog.Index.of(with_dates()))) == []


def test_weekday_beside_wrong_date_in_a_quote_is_reported() -> None:
    """'Wednesday, 30 October 2025' in a quote gives one warning for the claim, saying which weekday it is."""
    base = claim("c1")
    quote = "On Wednesday, 30 October 2025 the talks began."
    evidence = attrs.evolve(base.evidence[0], quote=quote, end=len(quote))
    claims = world(attrs.evolve(base, evidence=(evidence,)))
    [finding] = weekday_mismatch(factlog.Index.of(claims))
    assert finding.severity is Severity.WARNING
    assert "'Wednesday, 30 October 2025' is a Thursday" in finding.message


def test_weekday_beside_its_own_date_is_not_reported() -> None:
    """A statement whose weekday matches its date gives no finding."""
    claims = world(attrs.evolve(claim("c1"), statement="Talks began on Thursday, 30 October 2025."))
    assert list(weekday_mismatch(factlog.Index.of(claims))) == []


def test_rules_run_by_default() -> None:
    """Both rules are in DEFAULT_RULES, after the rules that were there before."""
    names = [rule.__name__ for rule in factlog.DEFAULT_RULES]
    assert names[-2:] == ["source_dates_disagree", "weekday_mismatch"]
