"""The hand encodings the drafting figures are scored against: they load, check and quote their texts.

Nothing here drafts: the held-out articles must be encoded and checked without a draft of them.
"""

from __future__ import annotations

import hashlib

import pytest

import factlog
from tools import draft_figures

ROOT = draft_figures.ROOT


@pytest.mark.parametrize(
    ("source", "folder", "registry"),
    [pytest.param(source, folder, registry, id=source) for source, folder, registry, _ in draft_figures.ARTICLES],
)
def test_each_hand_encoding_loads_checks_clean_and_quotes_its_text(
    source: str, folder: str, registry: tuple[str, ...]
) -> None:
    """An article's claims.json loads with its registry, has no error finding, and each quote is its span."""
    hand = factlog.load([ROOT / folder / "claims.json", *(ROOT / path for path in registry)])
    assert [f.message for f in factlog.check(hand).findings if f.severity is factlog.Severity.ERROR] == []
    data = (ROOT / folder / "document.txt").read_bytes()
    assert hand.source_by_id[source].sha256 == hashlib.sha256(data).hexdigest()
    text = data.decode("utf-8")
    claims = [claim for claim in hand.claims if claim.evidence[0].source == source]
    assert claims
    for claim in claims:
        evidence = claim.evidence[0]
        assert evidence.start is not None
        assert evidence.end is not None
        assert text[evidence.start : evidence.end] == evidence.quote, claim.id


def test_every_corpus_has_a_total_of_its_own_and_no_total_mixes_a_held_out_set() -> None:
    """Each corpus, the three held-out sets among them, is summed alone, and a held-out set with nothing else."""
    corpora = {corpus for *_, corpus in draft_figures.ARTICLES}
    assert corpora == {"bundled", "added", "held-out", "held-out 2", "held-out 3"}
    assert all(draft_figures.TOTALS[corpus] == (corpus,) for corpus in corpora)
    for summed in draft_figures.TOTALS.values():
        held_out = [corpus for corpus in summed if corpus.startswith("held-out")]
        assert not held_out or list(summed) == held_out[:1]
