"""Corpora written without a single character offset give the findings a careful reader expects."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import factlog

ROOT = Path(__file__).parent.parent
CORPUS = Path(__file__).parent / "corpus"


def _without_offsets(claims: list[dict[str, Any]]) -> None:
    """Drop every span, and write the hand-made pattern pairs of the Li Qiang article as patterns."""
    for claim in claims:
        for evidence in claim["evidence"]:
            evidence.pop("start", None)
            evidence.pop("end", None)
    by_id = {claim["id"]: claim for claim in claims}
    if "last-high-level-visit-2019" not in by_id:
        return
    # "The last high-level Chinese visit to North Korea occurred in 2019": one claim, not two.
    last = by_id["last-high-level-visit-2019"]
    del last["polarity"], last["proposition"]["when"]
    last["pattern"] = {"last": "2019", "until": "2025-10-05"}
    claims.remove(by_id["high-level-visit-2019"])
    # "the first official Chinese visit since Xi's 2019 appearance", a visit earlier in 2025.
    first = by_id["zhao-first-since-2019"]
    del first["polarity"], first["proposition"]["when"]
    first["pattern"] = {"since": "2019", "until": "2024"}


def _findings(report: factlog.Report) -> list[dict[str, Any]]:
    findings: list[dict[str, Any]] = factlog.report_document(report)["findings"]
    return findings


def _topic(finding: factlog.Finding) -> str:
    """What a finding is about: the part of its message after the lead word, before the details."""
    parts = finding.message.split(":")
    return parts[0 if finding.rule.startswith("quote") else 1].strip()


def test_bundled_corpus_without_offsets_gives_the_same_findings(tmp_path: Path) -> None:
    """Every span stripped and the 'last'/'first since' pairs written as patterns: identical findings."""
    copy = tmp_path / "sources"
    shutil.copytree(ROOT / "sources", copy)
    for path in copy.rglob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        _without_offsets(data.get("claims", []))
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert '"start"' not in "".join(path.read_text(encoding="utf-8") for path in copy.rglob("*.json"))
    original = factlog.check(factlog.load(ROOT / "sources"))
    rewritten = factlog.check(factlog.load(copy))
    assert _findings(rewritten) == _findings(original)


def test_hand_encoded_corpus_finds_what_a_careful_reader_finds() -> None:
    """The Halden article: three disputed strikes, two broken patterns, a disputed figure, one plain-typed quote."""
    report = factlog.check(factlog.load(CORPUS))
    found = sorted((f.rule, f.severity.value, _topic(f)) for f in report.findings)
    assert found == sorted(
        [
            ("opposed_claims", "error", "Aldovia strikes Marrow (2026-03-12)"),
            ("opposed_claims", "error", "Aldovia strikes Ostby (2026-03-12)"),
            ("opposed_claims", "error", "Aldovia strikes Keld (2026-03-12)"),
            ("opposed_claims", "error", "Aldovia carries out cross-border shelling"),
            ("opposed_claims", "error", "Aldovia holds direct talks with Vesland"),
            ("conflicting_values", "error", "Marrow has this many damaged homes"),
            ("interested_denial", "info", "Aldovia strikes Marrow"),
            ("interested_denial", "info", "Aldovia strikes Ostby"),
            ("interested_denial", "info", "Aldovia strikes Keld"),
            ("interested_denial", "info", "Aldovia holds direct talks with Vesland"),
            ("overconfident_holder", "info", "reported as certain in 1 claim"),
            ("overconfident_holder", "info", "reported as certain in 1 claim"),
            (
                "quote_normalised",
                "info",
                "Quote of ministry-denies-strikes matched after normalising whitespace, quotation marks or dashes",
            ),
        ]
    )


def test_hand_encoded_corpus_patterns_quote_the_sentences_encoded() -> None:
    """The broken 'first since' and 'last' patterns are reported on the claims that say them."""
    report = factlog.check(factlog.load(CORPUS))
    sides = {f.message.split(":")[1].strip(): f.sides for f in report.by_rule("opposed_claims")}
    assert sides["Aldovia carries out cross-border shelling"] == {
        "affirming": ("ostby-shelled-2022",),
        "denying": ("first-shelling-since-2019",),
    }
    assert sides["Aldovia holds direct talks with Vesland"] == {
        "affirming": ("ntv-talks-2025",),
        "denying": ("last-talks-2024",),
    }


def test_hand_encoded_corpus_has_no_offset() -> None:
    """The corpus is written with quotes only: no evidence gives a span."""
    claims = factlog.load(CORPUS)
    assert all(e.start is None and e.end is None for c in claims.claims for e in c.evidence)
