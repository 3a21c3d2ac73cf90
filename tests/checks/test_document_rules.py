"""The rules that read a source's document: quotes against their spans, changed and missing documents."""

from __future__ import annotations

import ast
import hashlib
from pathlib import Path

import attrs

from factlog import ClaimSet, Severity
from factlog.checks import (
    document_mismatch,
    quote_mismatch,
)
from tests.helpers import claim, findings_of, world


def _with_document(tmp_path: Path, text: str, claims: ClaimSet, sha: str | None = None) -> ClaimSet:
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    sources = tuple(attrs.evolve(s, document="doc.txt", sha256=sha) if s.id == "s1" else s for s in claims.sources)
    return attrs.evolve(claims, sources=sources, bases={"s1": str(tmp_path)})


def test_quote_matching_its_span_passes(tmp_path: Path) -> None:
    """A quote that is exactly the document's text at its span gives no finding."""
    claims = _with_document(tmp_path, "quote a and more", world(claim("a")))
    assert findings_of(quote_mismatch, claims) == []


def test_shifted_quote_is_reported_with_where_it_stands(tmp_path: Path) -> None:
    """A quote off by two characters: error, naming the span where the quote really is."""
    claims = _with_document(tmp_path, "..quote a", world(claim("a")))
    [finding] = findings_of(quote_mismatch, claims)
    assert finding.severity is Severity.ERROR
    assert "the quote stands at 2-9" in finding.message


def test_a_long_mismatched_span_is_shown_cut_between_words(tmp_path: Path) -> None:
    """Past 80 characters the text at the span is cut at a space, with '…', as quote_not_found cuts a passage."""
    text = "Officials said the depots and the bridges were hit again, and the convoys were struck twice before dawn."
    claims = _with_document(tmp_path, text, world(claim("a")))
    wide = attrs.evolve(claims.claims[0].evidence[0], quote=text.upper(), start=0, end=len(text))
    claims = attrs.evolve(claims, claims=(attrs.evolve(claims.claims[0], evidence=(wide,)),))
    [finding] = findings_of(quote_mismatch, claims)
    shown = finding.message.split(" reads ", 1)[1]
    passage = ast.literal_eval(shown.removesuffix("…"))
    assert (shown.endswith("'…"), text.startswith(passage), text[len(passage)]) == (True, True, " ")


def test_changed_document_is_reported(tmp_path: Path) -> None:
    """A sha256 that no longer matches the document: error listing the citing claims."""
    claims = _with_document(tmp_path, "quote a", world(claim("a")), sha=hashlib.sha256(b"other").hexdigest())
    [finding] = findings_of(document_mismatch, claims)
    assert "has changed" in finding.message
    assert finding.claim_ids == ("a",)


def test_missing_document_is_reported(tmp_path: Path) -> None:
    """A document that does not exist is an error naming it (escapes are covered in test_hostile)."""
    claims = _with_document(tmp_path, "quote a", world(claim("a")))
    missing = attrs.evolve(
        claims,
        sources=tuple(attrs.evolve(s, document="absent.txt") if s.id == "s1" else s for s in claims.sources),
    )
    assert "cannot read document" in findings_of(document_mismatch, missing)[0].message


def test_missing_document_names_its_source_and_path(tmp_path: Path) -> None:
    """A document that cannot be read names the source id and `$.sources[N].document` to mend."""
    claims = _with_document(tmp_path, "quote a", world(claim("a")))
    position = [s.id for s in claims.sources].index("s1")
    missing = attrs.evolve(
        claims,
        sources=tuple(attrs.evolve(s, document="absent.txt") if s.id == "s1" else s for s in claims.sources),
    )
    message = findings_of(document_mismatch, missing)[0].message
    assert message.startswith(f"source s1, $.sources[{position}].document: cannot read document ")
