"""Strategies for echoes: publishers printing one text in their own voice, and speakers quoted word for word."""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

from factlog import Attribution, ClaimSet, Entity, EntityKind, Evidence, PartialDate, Source
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


_OUTLETS = tuple(Entity(id=f"echo-outlet-{n}", name=f"Echo Outlet {n}", kind=EntityKind.MEDIA_OUTLET) for n in range(3))
_PUBLISHED = st.none() | st.sampled_from(["2025-10-01", "2025-10-02", "2025-10"]).map(PartialDate.parse)


@st.composite
def echoed_claim_sets(draw: st.DrawFn, max_claims: int = 8) -> ClaimSet:
    """A claim set where some claims are printed, in their publishers' own voice, by other sources too.

    Three outlets of its own publish a story each (undated or dated alike, maybe a
    declared copy, ``derived_from``, of the set's first source). Each chosen claim (the
    first with a proposition always) becomes its source's publisher's own words (one of
    :data:`SENTENCES`, spelt one of several ways) and is printed again in one to three
    other sources, in each publisher's own voice (``w0-``, ``w1-``, ... ids), or quoting
    the same named holder (``q0-``, ...).
    """
    claims = draw(claim_sets(max_claims=max_claims))
    first = claims.sources[0].id
    stories = tuple(
        Source(
            id=f"echo-story-{n}",
            title=f"Story {n}",
            publisher=outlet.id,
            published=draw(_PUBLISHED),
            derived_from=(first,) if draw(st.booleans()) else (),
        )
        for n, outlet in enumerate(_OUTLETS)
    )
    sources = (*claims.sources, *stories)
    publisher = {source.id: source.publisher for source in sources}
    names = sorted(publisher)
    found = []
    chosen = False
    for claim in claims.claims:
        if claim.proposition is None or (chosen and not draw(st.booleans())):
            found.append(claim)
            continue
        chosen = True
        sentence = draw(st.sampled_from(SENTENCES))
        source = claim.evidence[0].source
        own = attrs.evolve(
            claim,
            attribution=Attribution(holder=publisher[source]),
            evidence=(Evidence(source=source, quote=draw(_spelt(sentence))),),
        )
        found.append(own)
        quoted = draw(st.booleans())  # the others quote the holder by name rather than print it as their own
        for number, other in enumerate(draw(st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True))):
            holder = publisher[source] if quoted else publisher[other]
            found.append(
                attrs.evolve(
                    own,
                    id=f"{'q' if quoted else 'w'}{number}-{claim.id}",
                    attribution=Attribution(holder=holder),
                    evidence=(Evidence(source=other, quote=draw(_spelt(sentence))),),
                )
            )
    return attrs.evolve(claims, entities=(*claims.entities, *_OUTLETS), sources=sources, claims=tuple(found))
