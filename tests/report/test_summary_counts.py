"""The report's summary counts findings by severity and disputes apart, and its numbers add up."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from factlog import Index, check, html_report, load
from factlog.report._disputes import disputes, tally
from tests.helpers import ROOT

STORY = Path(__file__).parent / "annotations" / "story.json"

_SUMMARY = re.compile(
    r"<p>(?P<total>\d+) findings?: (?P<parts>[^.<]*)\. Joined on the claims they share, they make"
    r' <span id="summary-count" data-total="(?P<disputes>\d+)">'
)


@pytest.mark.parametrize("path", [ROOT / "sources", STORY], ids=["sources", "story"])
def test_the_page_summary_counts_add_up_to_the_findings(path: Path) -> None:
    """The findings the summary counts are the sum of its severities, and its disputes are the blocks shown."""
    claims = load([path])
    page = html_report(claims)
    found = _SUMMARY.search(page)
    assert found is not None
    counts = [int(part.split(" ")[0]) for part in found["parts"].split(", ")]
    assert int(found["total"]) == sum(counts) == len(check(claims).findings)
    shown = page.split('<section id="disputes"', 1)[1].split("</section>", 1)[0]
    assert int(found["disputes"]) == shown.count('<article class="dispute')


def test_the_story_page_says_two_disputes_of_six_findings() -> None:
    """Two errors with four notes standing in them: six findings in two disputes, not "2 disputes: ... 4 info"."""
    page = html_report(load([STORY]))
    assert "<p>6 findings: 2 errors, 0 warnings, 4 info. Joined on the claims they share, they make" in page


def test_the_terminal_summary_counts_findings_then_disputes() -> None:
    """The rich summary line: the findings by severity (adding up), then the disputes and other findings."""
    from rich.console import Console  # noqa: PLC0415 - the [report] extra

    from factlog.report._terminal import print_report  # noqa: PLC0415

    console = Console(file=io.StringIO(), width=200, color_system=None)
    print_report(check(load([STORY])), console)
    last = console.file.getvalue().splitlines()[-1]  # type: ignore[attr-defined]
    assert last == ("4 claims checked: 6 findings (2 errors, 0 warnings, 4 info) making 2 disputes")


def test_tally_counts_acknowledged_findings_in_the_total() -> None:
    """Acknowledged findings are counted last, and in the total, so the parts still add up."""
    summary = {"error": 1, "warning": 0, "info": 2, "acknowledged": 3}
    total, parts, blocks = tally(summary, disputes(check(load([STORY])), None, Index.of(load([STORY]))))
    assert (total, [part for part, _ in parts]) == ("6 findings", ["1 error", "0 warnings", "2 info", "3 acknowledged"])
    assert blocks == "2 disputes"
