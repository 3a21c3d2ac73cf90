"""The grouping tokens read from a claim's parsed line are those of its indexed entry (the oracle)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given

import factlog
from factlog.analysis import Index
from factlog.checks._tokens import ClaimTokens, entry_question, entry_tokens, exclusive_partners
from tests.helpers import claim, world
from tests.strategies import claim_sets, linked_claim_sets


def _compare(claims: factlog.ClaimSet) -> int:
    """Each claim's tokens, references and question both ways; returns how many were read from the line."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.jsonl"
        path.write_text(factlog.dumps_lines(claims), encoding="utf-8")
        loaded = factlog.load(path)
        lines = path.read_bytes().split(b"\n")
    records = [json.loads(line) for line in lines[1:] if line.strip()]
    records = [record for record in records if record.pop("type") == "claim"]
    index = Index.of(loaded)
    tables = factlog.ClaimSet(
        entities=loaded.entities,
        predicates=loaded.predicates,
        sources=loaded.sources,
        acknowledged=loaded.acknowledged,
        bases=loaded.bases,
    )
    reader = ClaimTokens(Index.of(tables))
    partners = exclusive_partners(index)
    read = 0
    for record, entry in zip(records, index.entries, strict=True):
        found = reader.read(record)
        if found is None:
            target = entry.claim.proposition.object if entry.claim.proposition else None
            assert entry.claim.pattern is not None or type(target) is tuple
            continue
        read += 1
        claimed = entry.claim
        linked = [*claimed.answers, *(claimed.regarding.claims if claimed.regarding is not None else ())]
        references = [hash(("c", other)) for other in linked]
        tokens = [
            token
            for reading in (entry, *index.implied.get(entry.id, ()))
            for token in entry_tokens(index, reading, partners)
        ]
        assert (list(found[0]), list(found[1]), found[2]) == (
            [*tokens, *references],
            references,
            entry_question(index, entry),
        )
    return read


@given(claim_sets(max_claims=12))
def test_tokens_of_any_claim_set(claims: factlog.ClaimSet) -> None:
    """Any claim set: the tokens, references and vote of every claim read from its line are its entry's."""
    _compare(claims)


@given(linked_claim_sets())
def test_tokens_across_slots(claims: factlog.ClaimSet) -> None:
    """Wider places, inverse-functional, exclusive and inverse predicates, links: the entry's tokens."""
    _compare(claims)


def test_tokens_of_names_as_written_and_inverses() -> None:
    """Aliases, an inverse and a symmetric predicate turning a claim round, a wider place: as indexed."""
    claims = world(
        claim("in-region", qualifiers={"place": "sudzha"}),
        claim("term", "trump", "holds-office", "us-president", "2025-01-20/.."),
        claim("alice", "alice", "premier-of", "ruritania", "2025-03"),
        claim("bob", "bob", "premier-of", "ruritania", "2025-03-10", holder="kcna"),
        claim("moscow", "Moscow", "receives-weapons-from", "Pyongyang", "2024"),
        claim("allies", "russia", "allied-with", "DPRK", "2024"),
    )
    assert _compare(claims) == 6
