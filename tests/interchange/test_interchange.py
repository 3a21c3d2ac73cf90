"""Exports read by the field's own libraries: prov for PROV-JSON, pyld for ClaimReview."""

from __future__ import annotations

import io
import json

import attrs
import jsonschema
import prov
import pytest
from prov.model import ProvDocument
from pyld import jsonld

import factlog
from factlog.interchange import to_claimreview, to_prov
from tests.helpers import ROOT, claim, run, world

SCHEMA = json.loads((ROOT / "tests" / "schemas" / "prov-json.schema.json").read_text())
SCHEMA_ORG = "https://schema.org/"


@pytest.fixture(scope="module")
def corpus() -> factlog.ClaimSet:
    return factlog.load("sources/")


@pytest.fixture(scope="module")
def prov_json(corpus: factlog.ClaimSet) -> str:
    return json.dumps(to_prov(corpus))


def test_prov_export_is_read_by_the_prov_library(prov_json: str, corpus: factlog.ClaimSet) -> None:
    """prov reads the export: an entity for every claim and source, unified without error."""
    document = prov.read(io.StringIO(prov_json), format="json")
    identifiers = {str(record.identifier) for record in document.get_records() if record.identifier is not None}
    for item in corpus.claims:
        assert f"claim:{item.id}" in identifiers
    for source in corpus.sources:
        assert f"source:{source.id}" in identifiers
    document.unified()


def test_prov_export_round_trips_through_prov_json_and_prov_o(prov_json: str) -> None:
    """PROV-JSON and PROV-O (RDF, through rdflib) both give back the same document."""
    document = ProvDocument.deserialize(content=prov_json, format="json")
    again = ProvDocument.deserialize(content=document.serialize(format="json"), format="json")
    assert again == document
    turtle = document.serialize(format="rdf", rdf_format="turtle")
    from_rdf = ProvDocument.deserialize(content=turtle, format="rdf", rdf_format="turtle")
    assert len(from_rdf.get_records()) == len(document.get_records())


def test_prov_export_validates_against_the_prov_json_schema(prov_json: str) -> None:
    """The export satisfies the PROV-JSON schema."""
    jsonschema.validate(json.loads(prov_json), SCHEMA)


def test_prov_export_maps_quotes_relays_and_copies(corpus: factlog.ClaimSet) -> None:
    """Direct quotes are quotations, relay chains end in a primary source, every claim has its holder."""
    data = to_prov(corpus)
    derivations = list(data["wasDerivedFrom"].values())
    quotations = [d for d in derivations if d.get("prov:type", {}).get("$") == "prov:Quotation"]
    primary = [d for d in derivations if d.get("prov:type", {}).get("$") == "prov:PrimarySource"]
    direct = [c for c in corpus.claims if c.attribution.mode is factlog.Mode.DIRECT_QUOTE]
    relayed = [c for c in corpus.claims if c.attribution.via]
    assert len(quotations) == sum(len(c.sources) for c in direct) > 0
    assert len(primary) == len(relayed) > 0
    attributed = {r["prov:entity"]: r["prov:agent"] for r in data["wasAttributedTo"].values()}
    assert attributed["claim:weapons-denial-russia"] == "agent:russia"
    assert attributed["claim:weapons-denial-russia.relay1"] == "agent:choe-moscow-outlet"
    times = {r["prov:entity"]: r["prov:time"] for r in data["wasGeneratedBy"].values()}
    assert times["claim:ref-russia-confirms-troops"] == "2025-04-26T00:00:00"


def test_derived_sources_become_derivations() -> None:
    """A source declared as a copy of another is derived from it in PROV."""
    data = to_prov(world(claim("a", source="s3")))
    pairs = {(d["prov:generatedEntity"], d["prov:usedEntity"]) for d in data["wasDerivedFrom"].values()}
    assert ("source:s3", "source:s2") in pairs


def test_an_affiliation_becomes_acting_on_behalf_of_read_by_the_prov_library() -> None:
    """KCNA speaks for North Korea: KCNA actedOnBehalfOf the DPRK, once, and prov reads it as a delegation."""
    data = to_prov(world(claim("a", holder="kcna")))
    pairs = [(d["prov:delegate"], d["prov:responsible"]) for d in data["actedOnBehalfOf"].values()]
    assert ("agent:kcna", "agent:dprk") in pairs
    assert len(pairs) == len(set(pairs))
    document = prov.read(io.StringIO(json.dumps(data)), format="json")
    delegations = [r for r in document.get_records() if r.get_type() == prov.model.PROV_DELEGATION]
    assert len(delegations) == len(pairs)


def test_a_chain_of_affiliations_is_written_link_by_link() -> None:
    """A spokesman of a ministry of a state: two links, the state brought in though it holds nothing."""
    claims = attrs.evolve(
        world(claim("a", holder="speaker")),
        entities=(
            *world().entities,
            factlog.Entity(id="speaker", name="A spokesman", kind=factlog.EntityKind.PERSON, affiliation="mfa-prc"),
        ),
    )
    data = to_prov(claims)
    pairs = {(d["prov:delegate"], d["prov:responsible"]) for d in data["actedOnBehalfOf"].values()}
    assert pairs >= {("agent:speaker", "agent:mfa-prc"), ("agent:mfa-prc", "agent:prc")}


def test_a_proposition_written_with_names_is_exported_with_ids() -> None:
    """'North Korea' as written in a claim is its entity's id in factlog:proposition, as assess keys it."""
    written = attrs.evolve(
        claim("a"), proposition=attrs.evolve(claim("a").proposition, subject="North Korea", object="Russia")
    )
    data = to_prov(factlog.loads(factlog.dumps(world(written))))
    assert data["entity"]["claim:a"]["factlog:proposition"] == "dprk supplies-weapons-to russia"


def test_a_proposition_of_several_objects_is_exported_with_each_object_s_id() -> None:
    """Objects ["Moscow", "prc"] are "russia, prc" in factlog:proposition, not a Python tuple of names."""
    written = attrs.evolve(claim("a"), proposition=attrs.evolve(claim("a").proposition, object=("Moscow", "prc")))
    data = to_prov(factlog.loads(factlog.dumps(world(written))))
    assert data["entity"]["claim:a"]["factlog:proposition"] == "dprk supplies-weapons-to russia, prc"


@pytest.fixture(scope="module")
def claimreview(corpus: factlog.ClaimSet) -> dict[str, object]:
    return to_claimreview(
        factlog.assess(corpus), corpus, author="Example Fact Checks", url="https://example.org/r/", everything=True
    )


def test_claimreview_expands_with_the_required_properties(claimreview: dict[str, object]) -> None:
    """pyld expands every review with claimReviewed, reviewRating (with alternateName) and url."""
    expanded = jsonld.expand(claimreview)
    reviews = [node for node in expanded if f"{SCHEMA_ORG}ClaimReview" in node.get("@type", [])]
    assert len(reviews) == len(claimreview["@graph"])  # type: ignore[arg-type]
    for review in reviews:
        assert review[f"{SCHEMA_ORG}claimReviewed"][0]["@value"]
        assert review[f"{SCHEMA_ORG}url"][0]["@value"].startswith("https://example.org/r/")
        [rating] = review[f"{SCHEMA_ORG}reviewRating"]
        assert rating[f"{SCHEMA_ORG}alternateName"][0]["@value"] in {s.value for s in factlog.Status}
        [author] = review[f"{SCHEMA_ORG}author"]
        assert author[f"{SCHEMA_ORG}name"][0]["@value"] == "Example Fact Checks"
        [item] = review[f"{SCHEMA_ORG}itemReviewed"]
        assert f"{SCHEMA_ORG}Claim" in item["@type"]
        assert item[f"{SCHEMA_ORG}author"]


def test_claimreview_rating_follows_credibility(claimreview: dict[str, object], corpus: factlog.ClaimSet) -> None:
    """Grade 1 rates 5, grade 5 rates 1; the weapons allegation carries its status and only its makers."""
    assessment = factlog.assess(corpus)
    by_key = {r["url"]: r for r in claimreview["@graph"]}  # type: ignore[index]
    made = [item for item in assessment.propositions if item.supporting]
    assert len(by_key) == len(made)
    for item in made:
        rating = by_key[factlog.review_url("https://example.org/r/", item.key, item.statement)]["reviewRating"]
        assert rating["alternateName"] == item.status.value
        assert rating.get("ratingValue") == (None if item.credibility.value == 6 else 6 - item.credibility.value)
    [weapons] = [
        r for r in by_key.values() if r["claimReviewed"] == "North Korea supplies weapons to Russia (2024–2025-10)"
    ]
    assert weapons["reviewRating"]["alternateName"] == "denied-by-interested-party"
    assert [a["name"] for a in weapons["itemReviewed"]["author"]] == ["Western intelligence assessments"]


def test_export_command_writes_both_formats() -> None:
    """`factlog export --to prov` and `--to claimreview` write JSON to stdout."""
    written = run("export", "sources/", "--to", "prov")
    assert written.returncode == 0, written.stderr
    assert prov.read(io.StringIO(written.stdout), format="json").get_records()
    review = run("export", "sources/", "--to", "claimreview", "--author", "Desk", "--as-of", "2025-06-30", "--all")
    graph = json.loads(review.stdout)["@graph"]
    assert graph
    assert {r["author"]["name"] for r in graph} == {"Desk"}
    assert {r["datePublished"] for r in graph} == {"2025-06-30"}
    assert run("export", "sources/", "--to", "claimreview", "--as-of", "soon").returncode == 2


def test_claimreview_dates_are_iso_8601() -> None:
    """A publication date ClaimReview cannot read (an interval, a circa date) is given as its first day."""
    claims = world(claim("a", source="s1"), claim("b", source="s5"))
    first, *rest = claims.sources
    circa = attrs.evolve(first, published=factlog.Interval.parse("2025-06-24/2025-06-25"))
    last = attrs.evolve(rest[-1], published=factlog.Interval.parse("2025-10~"))
    claims = attrs.evolve(claims, sources=(circa, *rest[:-1], last))
    graph = to_claimreview(
        factlog.assess(claims), claims, author="Desk", url="https://example.org/r/", everything=True
    )["@graph"]
    dates = {work["datePublished"] for review in graph for work in review["itemReviewed"]["appearance"]}  # type: ignore[index, union-attr]
    assert dates == {"2025-06-24", "2025-09-01"}
