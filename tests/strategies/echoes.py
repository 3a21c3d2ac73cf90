"""Strategies for echoes: publishers printing one text in their own voice, and speakers quoted word for word."""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

from factlog import Attribution, ClaimSet, Evidence
from tests.strategies.claimsets import claim_sets

SENTENCES = (
    "Acme Corp has at no time discharged untreated waste into the river",
    "the shipment left the northern port on Tuesday under naval escort as planned",
)
"""Sentences of twelve and fourteen words: any two claims printing one share more than eight words in a row."""


def _spelt(sentence: str) -> st.SearchStrategy[str]:
    """One sentence as papers and encoders type it: case, spaces, apostrophes and a few words around it."""
    return st.sampled_from(
        [
            sentence,
            sentence.upper(),
            sentence.replace(" ", "  "),
            f"In a statement, {sentence}.",
            f"{sentence} — and never would",
        ]
    )


@st.composite
def echoed_claim_sets(draw: st.DrawFn, max_claims: int = 8) -> ClaimSet:
    """A claim set where some claims are printed, in their publishers' own voice, by other sources too.

    Each chosen claim becomes its source's publisher's own words (one of
    :data:`SENTENCES`, spelt one of several ways) and is printed again in up to three
    other sources, each in its publisher's voice (``w0-``, ``w1-``, ... ids), or quoted by
    the same named holder (``q0-``, ...): sources may be declared copies
    (``derived_from``) of each other, or share a publisher.
    """
    claims = draw(claim_sets(max_claims=max_claims))
    publisher = {source.id: source.publisher for source in claims.sources}
    names = sorted(publisher)
    found = []
    for claim in claims.claims:
        if claim.proposition is None or not draw(st.booleans()):
            found.append(claim)
            continue
        sentence = draw(st.sampled_from(SENTENCES))
        source = claim.evidence[0].source
        own = attrs.evolve(
            claim,
            attribution=Attribution(holder=publisher[source]),
            evidence=(Evidence(source=source, quote=draw(_spelt(sentence))),),
        )
        found.append(own)
        quoted = draw(st.booleans())  # the others quote the holder by name rather than print it as their own
        for number, other in enumerate(draw(st.lists(st.sampled_from(names), max_size=3, unique=True))):
            holder = publisher[source] if quoted else publisher[other]
            found.append(
                attrs.evolve(
                    own,
                    id=f"{'q' if quoted else 'w'}{number}-{claim.id}",
                    attribution=Attribution(holder=holder),
                    evidence=(Evidence(source=other, quote=draw(_spelt(sentence))),),
                )
            )
    return attrs.evolve(claims, claims=tuple(found))
