"""Dates as they come: EDTF level 1 qualifiers, unspecified digits, seasons, unknown ends, times of day."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
from factlog import FormatError, Interval, PartialDate, Severity
from factlog.checks import conflicting_values, opposed_claims
from tests.helpers import claim, world
from tests.strategies import claim_sets, edtf_dates, edtf_intervals


def days(text: str) -> tuple[str, str]:
    """The first and last day a date or interval may cover, as ISO strings."""
    interval = Interval.parse(text)
    first = datetime.date.fromordinal(interval.start_low).isoformat() if interval.start else ".."
    last = datetime.date.fromordinal(interval.end_high).isoformat() if interval.end else ".."
    return first, last


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("1961~", ("1960-01-01", "1962-12-31")),
        ("2019?", ("2018-01-01", "2020-12-31")),
        ("2019%", ("2018-01-01", "2020-12-31")),
        ("2019-10~", ("2019-09-01", "2019-11-30")),
        ("2019-10-10?", ("2019-10-03", "2019-10-17")),
        ("201X", ("2010-01-01", "2019-12-31")),
        ("19XX", ("1900-01-01", "1999-12-31")),
        ("201X~", ("2009-01-01", "2020-12-31")),
        ("2025-21", ("2025-03-01", "2025-05-31")),
        ("2025-22", ("2025-06-01", "2025-08-31")),
        ("2025-23", ("2025-09-01", "2025-11-30")),
        ("2025-24", ("2025-12-01", "2026-02-28")),
        ("2025-21~", ("2025-02-01", "2025-06-30")),
        ("2025-10-30T14:05Z", ("2025-10-30", "2025-10-30")),
        ("0001~", ("0001-01-01", "0002-12-31")),
    ],
)
def test_date_form_meaning(text: str, span: tuple[str, str]) -> None:
    """Each EDTF form covers the documented days: qualifiers widen by one unit of precision (a day by a week)."""
    assert days(text) == span


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("2025-10-30T16:05+02:00", "2025-10-30T14:05Z"),
        ("2025-10-30T01:00:30+02:00", "2025-10-29T23:00:30Z"),
        ("2025-10-30T23:30-01:00", "2025-10-31T00:30Z"),
    ],
)
def test_times_are_written_in_utc(text: str, canonical: str) -> None:
    """A time with an offset is written back in UTC, which may move the day."""
    assert str(PartialDate.parse(text)) == canonical


def test_unknown_end_is_not_an_open_end() -> None:
    """``2019/`` may have ended the next day; ``2019/..`` goes on: only the second definitely reaches 2024."""
    unknown, still = Interval.parse("2019/"), Interval.parse("2019/..")
    later = Interval.parse("2024-06")
    assert unknown != still
    assert (str(unknown), str(still), str(Interval.parse("/2019"))) == ("2019/", "2019/..", "/2019")
    assert unknown.overlaps(later)
    assert not unknown.overlaps(later, definitely=True)
    assert still.overlaps(later, definitely=True)


def test_qualified_dates_are_not_exact() -> None:
    """Approximate, uncertain and unknown bounds make an interval inexact; open ends do not."""
    assert [Interval.parse(t).exact for t in ("1961~", "2019?", "2019/", "/2019", "2019/..", "201X", "2025-21")] == [
        False,
        False,
        False,
        False,
        True,
        True,
        True,
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("٢٠٢٥-١٠-٠٥", "ASCII digits"),
        ("２０２５-１０-０１", "ASCII digits"),
        ("2025-25", "month must be between 1 and 12"),
        ("2025-21-01", "a season has no day"),
        ("201X-10", "unspecified digits has no month"),
        ("2025-10-30T14:05", "expected a partial date"),
        ("2025-10-30T14:05Z~", "cannot be approximate"),
        ("2025-10-30T24:00Z", "expected a UTC time"),
        ("2025-10-30T10:00+24:00", "no such UTC offset"),
        ("9999-24", "winter 9999"),
        ("/", "at least one bound"),
        ("../", "at least one bound"),
        ("1961~~", "expected a partial date"),
    ],
)
def test_bad_forms_are_refused(text: str, message: str) -> None:
    """Malformed EDTF forms raise ValueError saying why."""
    with pytest.raises(ValueError, match=message):
        Interval.parse(text)


@given(edtf_dates())
def test_date_text_round_trips(date: PartialDate) -> None:
    """Every date reads back from its own text, and writes the same text again."""
    assert PartialDate.parse(str(date)) == date
    assert str(PartialDate.parse(str(date))) == str(date)


@given(edtf_intervals())
def test_interval_text_round_trips(interval: Interval) -> None:
    """Every interval, with open or unknown ends, reads back from its own text."""
    assert Interval.parse(str(interval)) == interval


@settings(max_examples=30)  # test_codec's round trips run the same forms at full length
@given(claim_sets())
def test_documents_with_every_date_form_round_trip(claims: factlog.ClaimSet) -> None:
    """A claim set using every date form dumps to bytes that load back equal and dump the same."""
    text = factlog.dumps(claims)
    again = factlog.loads(text)
    assert again == claims
    assert factlog.dumps(again) == text


def document(**changes: object) -> dict[str, object]:
    """A one-claim document; ``changes`` replace parts of the source and the claim."""
    source: dict[str, object] = {"id": "a", "title": "A", "publisher": "paper", "published": "2025-10-05"}
    item: dict[str, object] = {
        "id": "c",
        "statement": "X attacked Y.",
        "proposition": {"subject": "x", "predicate": "attacks", "object": "y", "when": "2025-10-01"},
        "attribution": {"holder": "paper"},
        "evidence": [{"source": "a", "quote": "X attacked Y.", "start": 0, "end": 13}],
    }
    for key, value in changes.items():
        (source if key in ("published", "dates") else item)[key] = value
    return {
        "format": "factlog",
        "version": 1,
        "entities": [
            {"id": "paper", "name": "A Paper", "kind": "media-outlet"},
            {"id": "x", "name": "X", "kind": "country"},
            {"id": "y", "name": "Y", "kind": "country"},
        ],
        "predicates": [{"id": "attacks", "label": "attacks", "kind": "event"}],
        "sources": [source],
        "claims": [item],
    }


def test_non_ascii_digits_are_a_format_error_with_file_and_path(tmp_path: Path) -> None:
    """Dates in Arabic-Indic or full-width digits are refused, naming the file and each JSON path."""
    path = tmp_path / "claims.json"
    path.write_text(json.dumps(document(published="٢٠٢٥-١٠-٠٥", stated="２０２５-１０-０５"), ensure_ascii=False))
    with pytest.raises(FormatError) as caught:
        factlog.load(path)
    assert [error.split(": ")[:2] for error in caught.value.errors] == [
        [str(path), "$.sources[0].published"],
        [str(path), "$.claims[0].stated"],
    ]


def test_open_publication_interval_is_refused() -> None:
    """A publication date is a date or an interval with two dates, never open."""
    with pytest.raises(FormatError, match=r"\$\.sources\[0\]: published: expected a date or an interval"):
        factlog.loads(json.dumps(document(published="2025-06-24/..")))


def test_publication_and_stated_intervals_load_as_written() -> None:
    """``published`` and ``stated`` may be intervals, and are written back as given."""
    text = json.dumps(document(published="2025-06-24/2025-06-25", stated="2025-06-24/2025-06-25"))
    claims = factlog.loads(text)
    assert str(claims.sources[0].published) == "2025-06-24/2025-06-25"
    assert '"stated": "2025-06-24/2025-06-25"' in factlog.dumps(claims)


def test_older_files_still_load_with_the_same_meaning() -> None:
    """A plain date in ``published`` still means that date, and is written as before."""
    claims = factlog.loads(json.dumps(document()))
    assert claims.sources[0].published == Interval.parse("2025-10-05")
    assert '"published": "2025-10-05"' in factlog.dumps(claims)


def test_circa_birth_date_reads() -> None:
    """``1961~`` as a date value loads (it was refused), and means 1960 to 1962."""
    doc = document()
    doc["claims"][0]["proposition"]["object"] = {"date": "1961~"}  # type: ignore[index]
    value = factlog.loads(json.dumps(doc)).claims[0].proposition.object  # type: ignore[union-attr]
    assert str(value) == "1961~"


def test_unknown_end_gives_no_finding_against_a_later_former_claim() -> None:
    """A term from 2019 with an unknown end, and 'no longer holds' in 2024: no conflict at all."""
    claims = world(
        claim("start", "trump", "holds-office", "us-president", "2019/"),
        claim("former", "trump", "holds-office", "us-president", "2024-06", denied=True, holder="wire"),
    )
    assert list(opposed_claims(factlog.Index.of(claims))) == []


def test_open_end_still_contradicts_a_later_former_claim() -> None:
    """The same term written as still going (``2019/..``) is an error against 'no longer holds'."""
    claims = world(
        claim("start", "trump", "holds-office", "us-president", "2019/.."),
        claim("former", "trump", "holds-office", "us-president", "2024-06", denied=True, holder="wire"),
    )
    [finding] = opposed_claims(factlog.Index.of(claims))
    assert finding.severity is Severity.ERROR


def test_approximate_bound_softens_a_contradiction_to_a_warning() -> None:
    """The same opposition that is an error with exact dates is a warning when a bound is approximate."""
    exact = world(
        claim("yes", "trump", "holds-office", "us-president", "2019/2021"),
        claim("no", "trump", "holds-office", "us-president", "2020-06", denied=True, holder="wire"),
    )
    circa = world(
        claim("yes", "trump", "holds-office", "us-president", "2019/2021~"),
        claim("no", "trump", "holds-office", "us-president", "2020-06", denied=True, holder="wire"),
    )
    severities = [[f.severity for f in opposed_claims(factlog.Index.of(c))] for c in (exact, circa)]
    assert severities == [[Severity.ERROR], [Severity.WARNING]]


def test_approximate_date_value_softens_conflicting_values() -> None:
    """Two certain dates that cannot meet are an error; with one of them circa, a warning."""
    exact = world(
        claim("a", "visit", "takes-place-on", "date:1961", None),
        claim("b", "visit", "takes-place-on", "date:1970", None, holder="wire"),
    )
    circa = world(
        claim("a", "visit", "takes-place-on", "date:1961~", None),
        claim("b", "visit", "takes-place-on", "date:1970", None, holder="wire"),
    )
    severities = [[f.severity for f in conflicting_values(factlog.Index.of(c))] for c in (exact, circa)]
    assert severities == [[Severity.ERROR], [Severity.WARNING]]


def test_approximate_date_value_agrees_within_its_widening() -> None:
    """Born circa 1961 and born in 1962 do not conflict: ``~`` on a year widens it by a year."""
    claims = world(
        claim("a", "visit", "takes-place-on", "date:1961~", None),
        claim("b", "visit", "takes-place-on", "date:1962", None, holder="wire"),
    )
    assert list(conflicting_values(factlog.Index.of(claims))) == []


@given(
    st.datetimes(datetime.datetime(1990, 1, 1), datetime.datetime(2030, 12, 31)),
    st.integers(-23 * 60, 23 * 60),
)
def test_offset_times_reach_a_stable_utc_text(moment: datetime.datetime, offset: int) -> None:
    """A time written with any offset reads as the same UTC minute, and its UTC text is a fixed point."""
    zone = datetime.timezone(datetime.timedelta(minutes=offset))
    local = moment.replace(second=0, microsecond=0, tzinfo=zone)
    sign, minutes = ("+" if offset >= 0 else "-"), abs(offset)
    text = f"{local:%Y-%m-%dT%H:%M}{sign}{minutes // 60:02d}:{minutes % 60:02d}"
    date = PartialDate.parse(text)
    utc = local.astimezone(datetime.UTC)
    assert str(date) == f"{utc:%Y-%m-%dT%H:%M}Z"
    assert str(PartialDate.parse(str(date))) == str(date)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: PartialDate(2015, unspecified=2), "do not fit the year"),
        (lambda: PartialDate(2025, None, 3), "a day needs a month"),
        (lambda: PartialDate(2025, 10, time="10:00"), "a time of day needs a day"),
        (lambda: Interval(None, None), "at least one date"),
        (lambda: Interval(PartialDate(2019), PartialDate(2020), end_unknown=True), "an unknown end has no date"),
        (lambda: factlog.Source(id="s", title="S", publisher="p", published="2025"), "expected a date or an interval"),
    ],
)
def test_impossible_values_are_refused_by_the_model(make: object, message: str) -> None:
    """Built directly, dates, intervals and publication dates refuse what the text forms cannot say."""
    with pytest.raises((ValueError, TypeError), match=message):
        make()  # type: ignore[operator]


def test_open_ends_have_no_first_or_last_day() -> None:
    """Asking an open interval for its first or last day is an error, not a guess."""
    with pytest.raises(ValueError, match="no first day"):
        Interval.parse("../2019").earliest  # noqa: B018
    with pytest.raises(ValueError, match="no last day"):
        Interval.parse("2019/..").latest  # noqa: B018


def test_widening_stops_at_the_calendar_edges() -> None:
    """An approximate month at the end of year 9999 widens no further than the last day."""
    assert PartialDate(9999, 12, approximate=True).latest == datetime.date.max
    assert PartialDate(1, 1, approximate=True).earliest == datetime.date.min
