"""Findings that only annotate claims (one source's unverified quotes, one holder's certainty) join no quarrels.

The story in ``annotations/``: a harbour board says, through The Gazette, that Sudmark
seized timber (Sudmark's ministry denies it) and that 700 logs were seized (The Tribune
has it say 900). Two quarrels; The Gazette's article, with no stored document, carries
claims of both, and its ``quote_unverified`` note must not make them one.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page

from factlog import Index, assess, check, html_report, load
from factlog.report._disputes import Dispute, disputes

STORY = Path(__file__).parent / "annotations" / "story.json"


def _claims(dispute: Dispute) -> set[str]:
    return {claim.id for side in dispute.sides for claim in side.claims}


def _grouped(path: Path) -> list[Dispute]:
    claims = load([path])
    return disputes(check(claims), assess(claims), Index.of(claims))


def test_a_per_source_note_stands_with_each_quarrel_it_touches_without_joining_them() -> None:
    """Two errors about two questions are two disputes; the Gazette's note stands in both."""
    grouped = _grouped(STORY)
    assert [(d.severity, sorted(_claims(d))) for d in grouped] == [
        ("error", ["g-seized", "m-denies"]),
        ("error", ["g-logs", "t-logs"]),
    ]
    gazette = [f for f in check(load([STORY])).findings if f.message.startswith("2 quotes from gazette-art")]
    assert len(gazette) == 1
    assert all(gazette[0] in d.findings for d in grouped)
    assert [[f.rule for f in d.findings] for d in grouped] == [
        ["opposed_claims", "interested_denial", "quote_unverified", "quote_unverified"],
        ["conflicting_values", "quote_unverified", "quote_unverified"],
    ]


def test_every_finding_stands_beside_each_of_its_claims(tmp_path: Path) -> None:
    """A note with a claim in no quarrel also stands on its own, with every claim it names."""
    story = json.loads(STORY.read_text(encoding="utf-8"))
    story["claims"].append(
        {
            "id": "g-rain",
            "statement": "It rained at East Quay.",
            "attribution": {"holder": "gazette"},
            "evidence": [{"source": "gazette-art", "quote": "it rained"}],
        }
    )
    (tmp_path / "story.json").write_text(json.dumps(story), encoding="utf-8")
    grouped = _grouped(tmp_path / "story.json")
    findings = check(load([tmp_path / "story.json"])).findings
    for finding in findings:
        for claim in finding.claim_ids:
            assert any(finding in d.findings and claim in _claims(d) for d in grouped), (finding.rule, claim)
    alone = [d for d in grouped if d.findings[0].rule == "quote_unverified"]
    assert [(d.severity, sorted(_claims(d)), len(d.findings)) for d in alone] == [
        ("info", ["g-logs", "g-rain", "g-seized"], 1)
    ]
    assert len({d.id for d in grouped}) == len(grouped)


def test_the_page_counts_two_disputes_and_shows_the_note_in_each(
    open_page: Callable[..., Page], tmp_path: Path
) -> None:
    """In the browser: the summary says two disputes, and each names the Gazette's note."""
    path = tmp_path / "report.html"
    path.write_text(html_report(load([STORY]), paths=["story.json"]), encoding="utf-8")
    page = open_page(path.as_uri())
    assert page.locator("#summary-count").inner_text() == "2 disputes"
    blocks = page.locator("#disputes article.dispute")
    assert blocks.count() == 2
    for number in range(2):
        assert "2 quotes from gazette-art" in blocks.nth(number).locator("ul.findings").inner_text()
    assert page.locator("#notes").count() == 0
    assert page.problems == []  # type: ignore[attr-defined]
