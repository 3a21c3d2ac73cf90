"""The bundled corpus: every sentence encoded, every quote exact, and the findings it must give."""

from __future__ import annotations

import hashlib
import re

import pytest

import factlog
from factlog import Polarity, Severity
from tests.helpers import ROOT, run

SOURCES = ROOT / "sources"
ARTICLES = ("li-qiang-visit", "choe-moscow")
# A sentence ends at . ! or ? before a capital or an opening quote; "U.S." ends none.
SENTENCE_END = re.compile(r"(?<=[.!?])(?<!U\.S\.)\s+(?=[A-Z“\"])")


def sentences(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence and each heading line of a text."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        position = 0
        for part in SENTENCE_END.split(line) if line.strip() else []:
            start = line.index(part, position)
            spans.append((offset + start, offset + start + len(part)))
            position = start + len(part)
        offset += len(line) + 1
    return spans


@pytest.fixture(scope="module")
def corpus() -> factlog.ClaimSet:
    return factlog.load(SOURCES)


@pytest.fixture(scope="module")
def report(corpus: factlog.ClaimSet) -> factlog.Report:
    return factlog.check(corpus)


def test_sentence_splitter_keeps_abbreviations_whole() -> None:
    """'U.S.' does not end a sentence; a full stop before a capital does."""
    text = "Former U.S. President Donald Trump spoke. Then he left."
    assert [text[s:e] for s, e in sentences(text)] == ["Former U.S. President Donald Trump spoke.", "Then he left."]


@pytest.mark.parametrize("article", ARTICLES)
def test_every_sentence_is_covered_by_a_claim(corpus: factlog.ClaimSet, article: str) -> None:
    """Each sentence (and heading) has at least one claim whose evidence lies inside it."""
    text = (SOURCES / article / "document.txt").read_text(encoding="utf-8")
    spans = [
        (evidence.start, evidence.end)
        for claim in corpus.claims
        for evidence in claim.evidence
        if evidence.source == article
    ]
    uncovered = [text[s:e] for s, e in sentences(text) if not any(s <= a and b <= e for a, b in spans)]
    assert uncovered == []
    assert len(sentences(text)) >= 18


def test_every_quote_is_exact(corpus: factlog.ClaimSet) -> None:
    """Every quote equals the document text at its span, and documents match their sha256."""
    for claim in corpus.claims:
        for evidence in claim.evidence:
            path = corpus.document_path(evidence.source)
            assert path is not None, evidence.source
            assert path.read_text(encoding="utf-8")[evidence.start : evidence.end] == evidence.quote, claim.id
    for source in corpus.sources:
        path = corpus.document_path(source.id)
        if path is not None:
            assert hashlib.sha256(path.read_bytes()).hexdigest() == source.sha256, source.id


# The sha256 of the two articles as the project received them (seeds 000 and 004).
SEED_DIGESTS = {
    "li-qiang-visit": "c303db4d83b9fe25029fbcfe456632d4af974255daa971ccacb574db0a5b8337",
    "choe-moscow": "77ca010cf1efb248174ce8653cfe904763ba473e86a5266e0015b284da9d99e6",
}


@pytest.mark.parametrize("article", ARTICLES)
def test_documents_are_the_seed_articles_verbatim(corpus: factlog.ClaimSet, article: str) -> None:
    """The stored texts are byte for byte the articles received, and their sources say so."""
    data = (SOURCES / article / "document.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == SEED_DIGESTS[article]
    assert corpus.source_by_id[article].sha256 == SEED_DIGESTS[article]


EXPECTED = [
    # (a) the weapons allegation against the denials of the accused: disputed.
    (
        "opposed_claims",
        Severity.WARNING,
        (("affirming", {"weapons-allegation"}), ("denying", {"weapons-denial-russia", "weapons-denial-dprk"})),
    ),
    # (b) "the last high-level visit was in 2019" (and "the first since 2019") against Zhao Leji's visit,
    # in the article's own text and in the reference set.
    (
        "opposed_claims",
        Severity.ERROR,
        (
            ("affirming", {"zhao-high-level-visit-this-year", "ref-zhao-high-level-visit"}),
            ("denying", {"last-high-level-visit-2019", "zhao-first-since-2019"}),
        ),
    ),
    (
        "self_contradiction",
        Severity.WARNING,
        (("affirming", {"zhao-high-level-visit-this-year"}), ("denying", {"last-high-level-visit-2019"})),
    ),
    # (c) Zhao Leji's visit "earlier this year" (2025) against the reference date, April 2024.
    (
        "conflicting_values",
        Severity.ERROR,
        (("2025-01/2025-10-05", {"zhao-visit-date-this-year"}), ("2024-04-11/2024-04-13", {"ref-zhao-visit-date"})),
    ),
    # (d) "former U.S. President", "no longer holds office" against the reference: in office since 2025-01-20.
    (
        "opposed_claims",
        Severity.ERROR,
        (
            ("affirming", {"ref-trump-in-office"}),
            ("denying", {"trump-former-president-li", "trump-former-president-choe", "trump-no-longer-president"}),
        ),
    ),
]


def test_error_and_warning_findings_are_exactly_the_expected_ones(report: factlog.Report) -> None:
    """The complete set of errors and warnings: a new false positive fails here."""
    found = {
        (f.rule, f.severity, frozenset((side, frozenset(ids)) for side, ids in f.claims))
        for f in report.findings
        if f.severity >= Severity.WARNING
    }
    expected = {
        (rule, severity, frozenset((side, frozenset(ids)) for side, ids in sides)) for rule, severity, sides in EXPECTED
    }
    assert found == expected


def test_deniers_of_the_weapons_allegation_are_flagged_as_interested(report: factlog.Report) -> None:
    """(a) Russia and North Korea deny what accuses them: info, so analysts weigh it."""
    [finding] = report.by_rule("interested_denial")
    assert set(finding.sides["interested"]) == {"weapons-denial-dprk", "weapons-denial-russia"}
    assert set(finding.sides["denied"]) == {"weapons-allegation"}
    assert finding.severity is Severity.INFO


def test_reportedly_against_confirmations_is_understated(report: factlog.Report) -> None:
    """(f) 'Reportedly dispatching troops' (possible) where Russia and North Korea confirmed it: info."""
    [finding] = report.by_rule("understated_certainty")
    assert set(finding.sides["hedged"]) == {"troops-to-kursk-reportedly"}
    assert finding.severity is Severity.INFO


def _origins_of(corpus: factlog.ClaimSet, claim_id: str) -> list[factlog.Origin]:
    index = factlog.Index.of(corpus)
    key = index.by_id[claim_id].key
    assert key is not None
    entries = [e for e in index.by_key[key] if e.claim.polarity is Polarity.AFFIRMED]
    return factlog.origins(index, entries)


def test_kcna_and_chinese_foreign_ministry_are_independent_origins(
    corpus: factlog.ClaimSet, report: factlog.Report
) -> None:
    """(e) Li Qiang's visit rests on KCNA, the Chinese Foreign Ministry and the reference set."""
    speakers = {origin.speaks_for for origin in _origins_of(corpus, "li-visit-announced-kcna")}
    assert {"dprk", "prc", "reference-set"} <= speakers
    assert report.by_rule("hollow_corroboration") == []


def test_state_media_reports_alone_are_one_origin(corpus: factlog.ClaimSet) -> None:
    """(e) Choe meeting Lavrov rests on 'state media reports' alone: a single origin."""
    [origin] = _origins_of(corpus, "choe-to-meet-lavrov")
    assert origin.speaks_for == "state-media"


def test_check_is_deterministic(corpus: factlog.ClaimSet) -> None:
    """Two checks of the corpus give the same JSON, byte for byte."""
    assert factlog.render_json(factlog.check(corpus)) == factlog.render_json(factlog.check(factlog.load(SOURCES)))


def test_corpus_files_are_canonical() -> None:
    """Every claim file under sources/ is already in canonical form."""
    for path in sorted(SOURCES.rglob("*.json")):
        text = path.read_text(encoding="utf-8")
        assert factlog.dumps(factlog.loads(text, references=False)) == text, path


def test_factlog_check_sources_prints_the_findings_and_exits_1() -> None:
    """`factlog check sources/`: the main job prints every error and exits 1."""
    result = run("check", "sources/")
    assert result.returncode == 1, result.stderr
    assert "Contradiction: Donald Trump holds the office of President of the United States" in result.stdout
    assert "Opposed: North Korea supplies weapons to Russia" in result.stdout
    assert "Conflicting values: Zhao Leji's visit to Pyongyang" in result.stdout
    assert result.stdout.rstrip().endswith("3 errors, 2 warnings, 4 info")
