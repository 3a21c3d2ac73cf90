"""Datelines in any script and with a wire's slug; the times a sentence names, and never one it does not."""

from __future__ import annotations

import json

import pytest

import factlog
from factlog.drafting._dateline import find_dateline
from tests.drafting.registries import BELEK_REGISTRY


@pytest.mark.parametrize(
    ("sentence", "place", "agencies", "rest"),
    [
        ("UPDATE 2 (Reuters) - Talks resumed.", "", ("Reuters",), "Talks resumed."),
        ("UPDATE 2-SEOUL, Oct 8 (Reuters) - Talks resumed.", "SEOUL", ("Reuters",), "Talks resumed."),
        ("SEOUL, South Korea (AP) — Talks resumed.", "SEOUL", ("AP",), "Talks resumed."),
        ("DOVER, Del. (AP) — Talks resumed.", "DOVER", ("AP",), "Talks resumed."),
        (
            "SEOUL, Oct. 8 (Yonhap) -- PYONGYANG, Oct. 8 (KCNA) -- Talks resumed.",
            "SEOUL",
            ("Yonhap", "KCNA"),
            "Talks resumed.",
        ),
        ("МОСКВА, 8 октября (ТАСС) — Переговоры возобновились.", "МОСКВА", ("ТАСС",), "Переговоры возобновились."),
        ("(서울=연합뉴스) 홍길동 기자 = 회담이 재개됐다.", "서울", ("연합뉴스",), "회담이 재개됐다."),
        ("北京，10月8日（新华社）—会谈恢复。", "北京", ("新华社",), "会谈恢复。"),
        ("ＳＥＯＵＬ（Ｙｏｎｈａｐ）－ Talks resumed.", "ＳＥＯＵＬ", ("Ｙｏｎｈａｐ",), "Talks resumed."),
    ],
)
def test_datelines_with_a_slug_in_any_script_or_one_after_another_are_found(
    sentence: str, place: str, agencies: tuple[str, ...], rest: str
) -> None:
    """A wire's slug, a second dateline, AP's region, Cyrillic, Korean and full-width punctuation: the dateline and
    its agencies."""
    found = find_dateline(sentence)
    assert found is not None
    assert (found.place, found.agencies, sentence[found.end :]) == (place, agencies, rest)


@pytest.mark.parametrize("sentence", ["KIM MEETS PUTIN (VIDEO) - The two leaders met.", "FLOODS (PHOTOS) - Rain fell."])
def test_a_headline_in_capitals_with_a_caption_is_no_dateline(sentence: str) -> None:
    """'(VIDEO)', '(PHOTOS)' and other captions in parentheses are no agency."""
    assert find_dateline(sentence) is None


def _via(text: str, publisher: str, registry: factlog.ClaimSet | None = None) -> tuple[str, ...]:
    drafted = factlog.draft(text, source="wire", published="2025-10-08", publisher=publisher, registry=registry)
    return drafted.claims[0].attribution.via


def test_the_full_width_dateline_is_left_out_of_the_quote() -> None:
    """A full-width dateline is no part of the first claim, as an ASCII one is not."""
    drafted = factlog.draft(
        "ＳＥＯＵＬ（Ｙｏｎｈａｐ）－ The ministry said talks resumed.", source="wire", publisher="Daily"
    )
    assert drafted.claims[0].evidence[0].quote == "The ministry said talks resumed."
    assert drafted.entity_by_id[drafted.claims[0].attribution.via[1]].name == "Yonhap"


def test_an_agency_named_by_the_first_words_of_the_publisher_is_the_publisher() -> None:
    """'(Yonhap)' in a story published by 'Yonhap News Agency' is the outlet itself, no relay of itself."""
    assert _via("SEOUL (Yonhap) -- The ministry said talks resumed.", "Yonhap News Agency") == ("yonhap-news-agency",)


def test_an_agency_named_by_the_first_words_of_the_registrys_publisher_is_the_publisher() -> None:
    """'(Yonhap)' with the registry's 'Yonhap News Agency' as the publisher: the registry's outlet, no relay."""
    registry = factlog.loads(
        json.dumps(
            {
                "format": "factlog",
                "version": 1,
                "entities": [{"id": "yna", "name": "Yonhap News Agency", "kind": "media-outlet"}],
            }
        )
    )
    assert _via("SEOUL (Yonhap) -- The ministry said talks resumed.", "Yonhap News Agency", registry) == ("yna",)


def test_datelines_one_after_another_relay_in_order() -> None:
    """'SEOUL (Yonhap) -- PYONGYANG (KCNA) --': via the outlet, Yonhap, then KCNA."""
    via = _via("SEOUL (Yonhap) -- PYONGYANG (KCNA) -- The ministry said talks resumed.", "Daily")
    assert via == ("daily", "yonhap", "kcna")


def _visit(when: str) -> factlog.Claim:
    (claim,) = factlog.draft(
        f"Anton Belek visited Tarsia {when}.", source="wire", published="2025-10-08", registry=BELEK_REGISTRY
    ).claims
    assert claim.proposition is not None
    return claim


@pytest.mark.parametrize(
    ("words", "day"),
    [
        ("on 2 December", "2024-12-02"),
        ("on December 2", "2024-12-02"),
        ("on Dec. 2", "2024-12-02"),
        ("on the 2nd of December", "2024-12-02"),
        ("on Dec. 2, 2023", "2023-12-02"),
        ("on 3 October", "2025-10-03"),
        ("yesterday", "2025-10-07"),
    ],
)
def test_a_day_and_a_month_keep_the_day(words: str, day: str) -> None:
    """'2 December' is that day, in the year the month resolves to, not the whole month; 'yesterday' is read."""
    assert str(_visit(words).proposition.when) == day  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "words",
    [
        "in the 1990s",
        "on the 3rd",
        "in fiscal year 2026",
        "the day before yesterday",
        "on February 30",
        "on Dec. 32",
        "on February 29, 2025",
        "in Q3",
    ],
)
def test_a_time_that_cannot_be_read_is_left_out_with_a_note(words: str) -> None:
    """Time words not understood, or a day that does not exist: no time, never the publication day; a note says so."""
    claim = _visit(words)
    assert claim.proposition.when is None  # type: ignore[union-attr]
    assert claim.notes is not None
    assert "time" in claim.notes
