"""One agency's shelling toll relayed by two outlets with two figures, and the accused ministry's denials.

``tests/relay_corpus`` (see its README): what ``factlog check`` and ``factlog
show --events`` should say of it, in words a fact-checker can act on.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import factlog
from tests.helpers import acknowledgement_lines, run

CORPUS = Path(__file__).parent / "relay_corpus"


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
    """`show --events` marks the shelling affirmed and denied for 2026-03-02, not as conflicting dates.

    Both dates are a side of the clash, so both read ``clashes``.
    """
    result = run("show", str(CORPUS), "--entity", "kessel", "--events")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:3] == [
        "Valdoria shells Kessel  [affirmed and denied]",
        "    2026-03-02  affirmed  clashes  Sarnian News Agency (wire-shelled, courier-shelled)",
        "    2026-03-02  denied    clashes  Valdorian Ministry of Defence (wire-denial, mod-rejects)",
    ]


def test_report_timeline_marks_the_event_affirmed_and_denied() -> None:
    """The HTML report's timeline badges the shelling "affirmed and denied", and no event "conflicting dates".

    The timeline's hint names both badges in words, so the badge itself is looked for.
    """
    page = factlog.html_report(factlog.load(CORPUS))
    assert '<span class="badge sev-error">affirmed and denied</span>' in page
    assert '<span class="badge sev-error">conflicting dates</span>' not in page


def test_the_ministry_repeating_its_denial_is_no_hollow_corroboration() -> None:
    """Only the agency's story, relayed by two outlets, is hollow; the ministry's own denial, reported once, is not."""
    report = _report()
    [finding] = report.by_rule("hollow_corroboration")
    assert finding.sides == {"origin sarnia": ("courier-shelled", "wire-shelled")}
    [interested] = report.by_rule("interested_denial")
    assert interested.sides["interested"] == ("wire-denial", "mod-rejects")


def test_quote_not_found_shows_whole_words_and_says_what_its_score_measures() -> None:
    """The closest passage to a misremembered quote is cut between words, its score explained, and how to fix it."""
    [finding] = _report().by_rule("quote_not_found")
    assert finding.message == (
        "Quote of courier-guns not found in its document: evidence[0] 'Valdorian guns struck Kessel on Monday'"
        " is not in courier-story; the closest passage, at 35-79, reads 'Valdorian artillery shelled Kessel on"
        " Monday' (71/100 alike: 71 % of the characters of the quote and the passage, counted together, pair up"
        " in the same order); to fix: copy the quote from the document's text as it stands (mend it from the closest"
        " passage, if that is the one meant), or quote a passage the document holds"
    )


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "kessel"
    shutil.copytree(CORPUS, folder)
    return folder


def test_stale_acknowledgement_names_its_file_and_json_path_or_line(tmp_path: Path) -> None:
    """An acknowledgement that matches no finding is named by its file and JSON path; in JSON Lines, file and line."""
    folder = _copy(tmp_path)
    data = json.loads((folder / "claims.json").read_text(encoding="utf-8"))
    data["acknowledged"] = [{"finding": "f-00000000000000000000", "note": "reviewed"}]
    (folder / "claims.json").write_text(json.dumps(data), encoding="utf-8")
    [stale] = factlog.check(factlog.load(folder)).by_rule("stale_acknowledgement")
    assert stale.message.startswith(
        f"acknowledgement of f-00000000000000000000 at {folder / 'claims.json'}: $.acknowledged[0] matches no finding"
    )
    lines = tmp_path / "kessel.jsonl"
    factlog.dump(factlog.load(folder), lines)
    [stale] = factlog.check(factlog.load(lines)).by_rule("stale_acknowledgement")
    [line] = acknowledgement_lines(lines)
    assert f"at {lines}:{line} matches no finding" in stale.message


def test_json_lines_errors_give_file_line_and_path_within_the_line(tmp_path: Path) -> None:
    """JSON Lines errors are named FILE:LINE and the path in the line; a repeated id, the line it was first on."""
    lines = tmp_path / "kessel.jsonl"
    factlog.dump(factlog.load(CORPUS), lines)
    text = lines.read_text(encoding="utf-8").split("\n")
    number = next(n for n, line in enumerate(text, 1) if '"id":"courier-toll"' in line)
    text[number - 1] = text[number - 1].replace('"paraphrase"', '"parafrase"')
    other = next(n for n, line in enumerate(text, 1) if '"id":"wire-toll"' in line)
    text.append(text[other - 1].replace('"amount":7', '"amount":8'))
    lines.write_text("\n".join(text) + "\n", encoding="utf-8")
    result = run("validate", str(lines))
    assert result.returncode == 3
    assert f"error: {lines}:{number}: $.attribution.mode: expected one of" in result.stderr
    text[number - 1] = text[number - 1].replace('"parafrase"', '"paraphrase"')
    lines.write_text("\n".join(text) + "\n", encoding="utf-8")
    result = run("validate", str(lines))
    assert (
        f"error: {lines}:{len(text)}: $.id: 'wire-toll' is defined twice, differently (first on line {other}):"
        " proposition.object: '8 civilians' here, '7 civilians' first"
    ) in result.stderr
