"""Copies of one wire story (``derived_from``): the copying path counts once, the holders the wire quotes stay theirs.

Paper A's copy (``s3``) of the wire story (``s2``) and Paper B's copy of Paper A's
(``s4``) carry the wire's own figure and KCNA's denial of it. The two copies of the
wire's figure are one origin, the wire's, relayed by the papers; the two copies of
KCNA's denial are one origin too, but KCNA's (speaking for North Korea), relayed by the
wire: never folded into the wire's own voice.
"""

from __future__ import annotations

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
from factlog import Index, Status, origins
from factlog.analysis._origins import copy_sources, may_share_origin, voices
from factlog.analysis._stories import source_parties
from factlog.checks import hollow_corroboration, shared_wording
from tests.helpers import claim, findings_of, world
from tests.release_story import story
from tests.strategies import claim_sets, echoed_claim_sets

ALLEGED = {"subject": "dprk", "predicate": "supplies-weapons-to", "obj": "russia", "when": "2025"}


def _copies() -> factlog.ClaimSet:
    """The wire's allegation and KCNA's denial, each in both copies; the papers' own voice once each."""
    return world(
        claim("a-wire", **ALLEGED, holder="wire", via=("paper-a",), source="s3"),  # type: ignore[arg-type]
        claim("b-wire", **ALLEGED, holder="wire", via=("paper-b",), source="s4"),  # type: ignore[arg-type]
        claim("a-kcna", **ALLEGED, denied=True, holder="kcna", via=("paper-a", "wire"), source="s3"),  # type: ignore[arg-type]
        claim("b-kcna", **ALLEGED, denied=True, holder="kcna", via=("paper-b", "wire"), source="s4"),  # type: ignore[arg-type]
    )


def _without_copying(claims: factlog.ClaimSet) -> factlog.ClaimSet:
    return attrs.evolve(claims, sources=tuple(attrs.evolve(s, derived_from=()) for s in claims.sources))


def test_a_denial_quoted_by_a_copied_wire_stays_the_denying_party_s() -> None:
    """KCNA's denial in two copies is KCNA's (North Korea's, interested), not the wire's: as without derived_from."""
    for claims in (_copies(), _without_copying(_copies())):
        [item] = factlog.assess(claims).propositions
        assert item.status is Status.DENIED_BY_INTERESTED_PARTY
        assert [(o.speaks_for, o.claims, o.interested) for o in item.supporting] == [
            ("wire", ("a-wire", "b-wire"), False)
        ]
        assert [(o.speaks_for, o.claims, o.interested) for o in item.opposing] == [("dprk", ("a-kcna", "b-kcna"), True)]


def test_origins_of_copies_name_the_relays_not_the_holders() -> None:
    """The wire's claims are relayed by the papers that copied it; KCNA's are relayed by the wire's story."""
    index = Index.of(_copies())
    found = {origin.speaks_for: origin.label for origin in origins(index, index.entries)}
    assert found == {
        "wire": "The wire (“Wire story”), relayed by Paper A, Paper B",
        "dprk": "KCNA, relayed by The wire (“Wire story”)",
    }


def test_hollow_corroboration_in_copies_names_each_origin_by_its_own_holder() -> None:
    """Both sides are hollow (two copies each); the denial's origin is North Korea through KCNA, not the wire."""
    messages = sorted(finding.message for finding in findings_of(hollow_corroboration, _copies()))
    assert messages == [
        "Hollow corroboration: North Korea supplies weapons to Russia (2025): affirmed in 2 sources, all from one"
        " origin, The wire (“Wire story”), relayed by Paper A, Paper B",
        "Hollow corroboration: North Korea supplies weapons to Russia (2025): denied in 2 sources, all from one"
        " origin, North Korea, through KCNA, relayed by The wire (“Wire story”)",
    ]


def test_a_paper_s_own_voice_in_a_copy_is_the_wire_s_voice() -> None:
    """A paper writing the wire's words as its own, and the wire quoted by the other paper: one origin, the wire's."""
    claims = world(
        claim("a-own", **ALLEGED, holder="paper-a", source="s3"),  # type: ignore[arg-type]
        claim("b-wire", **ALLEGED, holder="wire", via=("paper-b",), source="s4"),  # type: ignore[arg-type]
    )
    index = Index.of(claims)
    [origin] = origins(index, index.entries)
    assert (origin.speaks_for, origin.label) == ("wire", "The wire (“Wire story”), relayed by Paper A, Paper B")


def test_a_single_claim_in_a_copy_keeps_its_holder_s_party() -> None:
    """One claim of KCNA read in a copy: its origin speaks for North Korea (the wire's party was given before)."""
    index = Index.of(world(claim("a-kcna", **ALLEGED, denied=True, holder="kcna", source="s3")))  # type: ignore[arg-type]
    [origin] = origins(index, index.entries)
    assert origin.speaks_for == "dprk"


_HOLDERS = ("wire", "kcna", "paper-a", "paper-b", "author", "russia")
_READ_IN = ("s2", "s3", "s4", "s5")


@st.composite
def _story_claims(draw: st.DrawFn) -> factlog.ClaimSet:
    """Claims about one proposition, by any of a few holders, read in the wire, its copies or other sources."""
    claims = []
    for number in range(draw(st.integers(1, 6))):
        claims.append(
            claim(
                f"c{number}",
                **ALLEGED,  # type: ignore[arg-type]
                denied=draw(st.booleans()),
                holder=draw(st.sampled_from(_HOLDERS)),
                source=draw(st.sampled_from(_READ_IN)),
            )
        )
    return world(*claims)


def _parties(claims: factlog.ClaimSet) -> dict[str, str]:
    """Each claim's origin's party, for the claims not in their source publisher's own voice."""
    index = Index.of(claims)
    found = {}
    for origin in origins(index, index.entries):
        for entry in origin.entries:
            if index.publisher(entry.sources[0]) != entry.holder:
                found[entry.id] = origin.speaks_for
    return found


@settings(max_examples=60, deadline=None)
@given(_story_claims(), st.sampled_from(_READ_IN))
def test_declaring_a_copy_never_moves_a_quoted_holder_s_claims(claims: factlog.ClaimSet, copied: str) -> None:
    """A source declared a copy of the wire (or none): every quoted holder's claim keeps its party's origin."""
    plain = _without_copying(claims)
    declared = attrs.evolve(
        plain,
        sources=tuple(
            attrs.evolve(s, derived_from=("s2",)) if s.id == copied and s.id != "s2" else s for s in plain.sources
        ),
    )
    index = Index.of(plain)
    assert (
        _parties(declared)
        == _parties(plain)
        == {e.id: e.speaks_for for e in index.entries if index.publisher(e.sources[0]) != e.holder}
    )


def test_a_source_renamed_gives_the_same_origins() -> None:
    """Renaming the wire story's id (it sorts elsewhere) changes neither the origins' parties nor their labels."""
    claims = _copies()
    renamed_sources = tuple(
        attrs.evolve(s, id="zz-wire")
        if s.id == "s2"
        else attrs.evolve(s, derived_from=("zz-wire",))
        if s.derived_from == ("s2",)
        else s
        for s in claims.sources
    )
    renamed = attrs.evolve(claims, sources=renamed_sources)

    def read(claims: factlog.ClaimSet) -> list[tuple[str, str, tuple[str, ...]]]:
        index = Index.of(claims)
        return sorted((o.speaks_for, o.label, tuple(e.id for e in o.entries)) for o in origins(index, index.entries))

    assert read(renamed) == read(claims)


def test_check_assessment_and_claimreview_agree_on_a_denial_in_copies() -> None:
    """check's interested denial is the assessment's interested opposition, and ClaimReview reviews the proposition."""
    claims = _copies()
    [denial] = [f for f in factlog.check(claims).findings if f.rule == "interested_denial"]
    [item] = factlog.assess(claims).propositions
    assert {o.claims for o in item.opposing if o.interested} == {tuple(sorted(dict(denial.claims)["interested"]))}
    graph = factlog.to_claimreview(factlog.assess(claims), claims, author="test")["@graph"]
    assert [review["claimReviewed"] for review in graph] == [item.statement]


def test_a_paper_s_own_story_is_not_the_wire_s_because_it_also_ran_a_copy() -> None:
    """Paper B in its copy of the wire and in its own story: two origins, the wire's and Paper B's."""
    claims = world(
        claim("b-copy", **ALLEGED, holder="paper-b", source="s4"),  # type: ignore[arg-type]
        claim("b-own", **ALLEGED, holder="paper-b", source="s5"),  # type: ignore[arg-type]
    )
    index = Index.of(claims)
    found = sorted((o.speaks_for, o.label) for o in origins(index, index.entries))
    assert found == [("paper-b", "Paper B"), ("wire", "The wire (“Wire story”), relayed by Paper B")]
    [item] = factlog.assess(claims).propositions
    assert item.status is Status.CORROBORATED


def test_one_claim_in_a_paper_s_own_story_and_its_copy_joins_the_wire_s_origin_which_speaks_for_the_wire() -> None:
    """Paper B's claim cited from its own story and its copy, and the wire's: one origin, the wire's, by any ids.

    The copy joins Paper B's voice and the wire's into one origin; it relays the wire's
    story, so it speaks for the wire, whichever claim's id sorts first (both stated on
    one day, so only the ids could order them).
    """
    for paper_id, wire_id in (("c-1", "c-2"), ("c-2", "c-1")):
        paper = claim(paper_id, **ALLEGED, holder="paper-b", source="s5", stated="2025-11")  # type: ignore[arg-type]
        paper = attrs.evolve(paper, evidence=(*paper.evidence, attrs.evolve(paper.evidence[0], source="s4")))
        wire = claim(wire_id, **ALLEGED, holder="wire", source="s2", stated="2025-11")  # type: ignore[arg-type]
        claims = world(paper, wire)
        index = Index.of(claims)
        [origin] = origins(index, index.entries)
        assert origin.speaks_for == "wire", (paper_id, wire_id)
        [item] = factlog.assess(claims).propositions
        assert [o.speaks_for for o in item.supporting] == ["wire"]


@settings(max_examples=40, deadline=None)
@given(claim_sets(max_claims=12), st.data())
def test_may_share_origin_is_exact_with_copies(claims: factlog.ClaimSet, data: st.DataObject) -> None:
    """With copies of copies (several parents too) and claims in their publisher's own voice: exactly one origin."""
    publisher = {source.id: source.publisher for source in claims.sources}
    own_voice = tuple(
        attrs.evolve(c, attribution=attrs.evolve(c.attribution, holder=publisher[c.evidence[0].source]))
        if data.draw(st.booleans())
        else c
        for c in claims.claims
    )
    index = Index.of(attrs.evolve(claims, claims=own_voice))
    entries = index.entries
    pairs = [[first, second] for position, first in enumerate(entries) for second in entries[position + 1 :]]
    for group in [entries, *index.by_key.values(), *index.by_source.values(), *pairs]:
        assert may_share_origin(index, group) == (len(origins(index, group)) <= 1)


def test_the_report_names_a_denial_in_copies_by_its_own_party() -> None:
    """The HTML report heads the denying origin by North Korea through KCNA, never by the wire relayed by KCNA."""
    from factlog.report import html_report  # noqa: PLC0415 - the report extra

    page = html_report(_copies())
    assert "North Korea, through KCNA, relayed by The wire (“Wire story”)" in page
    assert "relayed by KCNA" not in page
    assert "The wire (“Wire story”), relayed by Paper A, Paper B" in page


def _copies_of_a_story_not_in_the_set() -> factlog.ClaimSet:
    """Two papers' copies of one story ``gone`` that the set does not hold (as loaded with references=False)."""
    claims = world(
        claim("a", **ALLEGED, holder="paper-a", source="x1"),  # type: ignore[arg-type]
        claim("b", **ALLEGED, holder="paper-b", source="x2"),  # type: ignore[arg-type]
    )
    copy = factlog.Source(id="x1", title="Copy", publisher="paper-a", derived_from=("gone",))
    return attrs.evolve(claims, sources=(*claims.sources, copy, attrs.evolve(copy, id="x2", publisher="paper-b")))


def test_copies_of_a_story_not_in_the_set_are_one_origin_named_by_their_holders() -> None:
    """The story is unknown, so it names nothing: the copies are still one origin, labelled by their holders."""
    claims = _copies_of_a_story_not_in_the_set()
    index = Index.of(claims)
    [origin] = origins(index, index.entries)
    assert (origin.label, [entry.claim.id for entry in origin.entries]) == ("Paper A, Paper B", ["a", "b"])
    [item] = factlog.assess(claims).propositions
    assert item.status is Status.SINGLE_SOURCE


def test_copies_of_a_story_not_in_the_set_disagreeing_are_reported_without_the_story() -> None:
    """Paper A's copy affirms, Paper B's denies, of a story the set does not hold: a contradiction, no story named."""
    claims = _copies_of_a_story_not_in_the_set()
    denial = attrs.evolve(claims.claims[1], polarity=factlog.Polarity.DENIED)
    claims = attrs.evolve(claims, claims=(claims.claims[0], denial))
    findings = factlog.check(claims).findings
    assert [f.rule for f in findings if f.rule in ("opposed_claims", "rule_failure")] == ["opposed_claims"]
    assert not any("copies of one story" in f.message for f in findings)


def test_a_copy_denying_the_story_it_copies_is_a_copy_misreporting_it() -> None:
    """The wire's story affirms, Paper A's copy of it denies: as with the agency against a relay of it, a misreport."""
    claims = world(
        claim("story", **ALLEGED, holder="wire", source="s2"),  # type: ignore[arg-type]
        claim("copy", **ALLEGED, denied=True, holder="paper-a", source="s3"),  # type: ignore[arg-type]
    )
    [finding] = [f for f in factlog.check(claims).findings if f.rule == "opposed_claims"]
    assert "copies of one story, The wire (“Wire story”): likely a copy misreporting it" in finding.message


@settings(max_examples=40, deadline=None)
@given(echoed_claim_sets())
def test_a_claim_first_read_in_no_copy_speaks_for_its_holders_party_alone(claims: factlog.ClaimSet) -> None:
    """``copy_sources`` are the sources with a ``derived_from``; a claim first read in none has one voice, its own."""
    index = Index.of(claims)
    assert copy_sources(index) == {s.id for s in claims.sources if s.derived_from}
    for entry in index.entries:
        if entry.claim.evidence[0].source not in copy_sources(index):
            assert voices(index, entry) == (entry.speaks_for,)


@settings(max_examples=25, deadline=None)
@given(echoed_claim_sets())
def test_the_parties_of_sources_the_rules_share_are_their_publishers_parties(claims: factlog.ClaimSet) -> None:
    """``source_parties``, as the origins and wording rules fill it: each source's publisher's party."""
    index = Index.of(claims)
    for rule in (hollow_corroboration, shared_wording):
        list(rule(index))
    parties = source_parties(index)
    for source, party in parties.items():
        publisher = index.publisher(source)
        assert party == (None if publisher is None else index.speaks_for(publisher))
    assert parties.keys() <= {source for entry in index.entries for source in entry.sources}


def test_a_holder_only_the_copy_quotes_is_not_relayed_by_the_story_it_copies() -> None:
    """An analyst the paper alone quotes (no via the wire, no claim of the wire's): no origin names the wire."""
    for claims in (story(), story(declared=True)):
        index = Index.of(claims)
        [entry] = [entry for entry in index.entries if entry.claim.id == "paper-analyst"]
        [origin] = origins(index, [entry])
        assert origin.label == "a defence analyst"
