"""ClaimReview a publisher can use: the right authors, the required properties, one URL per proposition."""

from __future__ import annotations

import datetime
import json
from urllib.parse import unquote

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
from benchmarks.generate import generate
from factlog import Status, TextValue, assess, load, review_url, to_claimreview, to_prov
from tests.helpers import ROOT, claim, run, world
from tests.release_story import story
from tests.strategies import claim_sets

REQUIRED = jsonschema.Draft202012Validator(
    json.loads((ROOT / "tests" / "schemas" / "claimreview-required.schema.json").read_text())
)


def _reviews(claims: factlog.ClaimSet, *, everything: bool = False) -> list[dict[str, object]]:
    graph: list[dict[str, object]] = to_claimreview(assess(claims), claims, author="Desk", everything=everything)[
        "@graph"
    ]
    return graph


def test_deniers_are_not_authors_of_the_claim() -> None:
    """An allegation denied earlier by the accused: only the alleging holder and its source make the claim."""
    claims = world(
        claim("deny", holder="kcna", source="s1", denied=True),
        claim("allege", holder="western-intelligence", via=("paper-b",), source="s5", certainty="possible"),
    )
    [review] = _reviews(claims)
    item = review["itemReviewed"]
    assert item["author"] == [{"@type": "Organization", "name": "Western intelligence"}]  # type: ignore[index]
    assert [work["name"] for work in item["appearance"]] == ["Another story"]  # type: ignore[index]
    assert item["firstAppearance"]["name"] == "Another story"  # type: ignore[index]


def test_named_person_is_a_person_author() -> None:
    """A named person who makes the claim is a Person; anonymous groups are Organizations."""
    claims = world(claim("said", holder="trump", source="s1"), claim("no", holder="wire", source="s2", denied=True))
    [review] = _reviews(claims)
    assert review["itemReviewed"]["author"] == [{"@type": "Person", "name": "Donald Trump"}]  # type: ignore[index]


def test_propositions_in_cyrillic_get_distinct_urls() -> None:
    """Two slogans in Cyrillic are two reviews with two addresses, each readable once decoded."""
    claims = world(
        claim("c1", predicate="visits", obj=TextValue(text="Победа"), when="2025-02"),
        claim("c2", predicate="visits", obj=TextValue(text="Мир"), when="2025-02"),
    )
    urls = [str(review["url"]) for review in _reviews(claims, everything=True)]
    assert len(urls) == len(set(urls)) == 2
    assert all(url.isascii() for url in urls)
    assert sorted("победа" in unquote(url) or "мир" in unquote(url) for url in urls) == [True, True]


@given(st.text(min_size=1), st.text(min_size=1), st.text())
def test_distinct_keys_never_share_a_url(first: str, second: str, statement: str) -> None:
    """Whatever the script, two keys give two URLs, even with the same statement; every URL is ASCII."""
    if first == second:
        return
    one, two = review_url("urn:x:", first, statement), review_url("urn:x:", second, statement)
    assert one != two
    assert one.isascii()


def test_default_export_is_only_disputed_or_doubtful() -> None:
    """By default the seed corpus gives reviews only of propositions with origins against them or graded 4-5."""
    claims = load([ROOT / "sources"])
    assessment = assess(claims)
    wanted = {
        item.statement
        for item in assessment.propositions
        if item.supporting and (item.opposing or item.credibility.value in (4, 5))
    }
    statements = {str(review["claimReviewed"]) for review in _reviews(claims)}
    assert statements == wanted
    assert "North Korea supplies weapons to Russia (2024–2025-10)" in statements
    assert "Choe Son-hui visits Russia (2025-10)" not in statements
    assert len(_reviews(claims, everything=True)) > len(statements)


@pytest.mark.parametrize("everything", [False, True], ids=["default", "all"])
def test_every_corpus_review_has_the_required_properties(everything: bool) -> None:
    """Each review of the seed corpus validates against the required properties."""
    reviews = _reviews(load([ROOT / "sources"]), everything=everything)
    assert reviews
    for review in reviews:
        REQUIRED.validate(review)


def _makers(item: factlog.PropositionAssessment, claims: factlog.ClaimSet) -> set[str]:
    """The claims that make a proposition: its origins' for it, and affirmations in no vote now (stances changed)."""
    voted = {c for origin in (*item.supporting, *item.opposing) for c in origin.claims}
    given_up = {
        c
        for c, _ in item.labels
        if c not in voted
        and claims.claim_by_id[c].polarity is factlog.Polarity.AFFIRMED
        and claims.claim_by_id[c].pattern is None
    }
    return {c for origin in item.supporting for c in origin.claims} | given_up


@settings(max_examples=30)
@given(claim_sets())
def test_every_generated_review_has_the_required_properties(claims: factlog.ClaimSet) -> None:
    """Any claim set: every review validates, and none names a holder of a claim against it."""
    assessment = assess(claims)
    by_url = {review_url("urn:factlog:review:", item.key, item.statement): item for item in assessment.propositions}

    vocabulary = factlog.Vocabulary.of(claims)  # holders may be written as names or aliases

    def names(item: factlog.PropositionAssessment) -> set[str]:
        holders = {claims.claim_by_id[c].attribution.holder for c in _makers(item, claims)}
        return {vocabulary.name(vocabulary.entity(h)) for h in holders}

    for review in to_claimreview(assessment, claims, author="Desk", everything=True, date="2026-01")["@graph"]:
        REQUIRED.validate(review)
        item = by_url[review["url"]]
        authors = {author["name"] for author in review["itemReviewed"]["author"]}
        assert authors == names(item)
        assert item.status is not Status.UNVERIFIED
        assert ("ratingValue" in review["reviewRating"]) == (item.credibility.value != 6)  # 6: no basis, no number
        assert ("ratingExplanation" in review["reviewRating"]) == (item.credibility.value == 6)


def test_prov_keeps_every_quote() -> None:
    """Each claim's derivation from its source carries the quote read there."""
    claims = load([ROOT / "sources"])
    derivations = to_prov(claims)["wasDerivedFrom"].values()
    quoted = {(d["prov:generatedEntity"], d["factlog:quote"]) for d in derivations if "factlog:quote" in d}
    expected = {(f"claim:{c.id}", e.quote) for c in claims.claims for e in c.evidence}
    assert quoted == expected


def test_export_all_and_date_options() -> None:
    """`--all` reviews more propositions; `--date` sets every datePublished; a bad date is a usage error."""
    default = json.loads(run("export", "sources/", "--to", "claimreview").stdout)["@graph"]
    everything = json.loads(run("export", "sources/", "--to", "claimreview", "--all", "--date", "2026-01").stdout)
    assert len(everything["@graph"]) > len(default)
    assert {review["datePublished"] for review in everything["@graph"]} == {"2026-01-31"}
    assert run("export", "sources/", "--to", "claimreview", "--date", "someday").returncode == 2


@pytest.mark.parametrize("url", ["javascript:alert(1)", "java\tscript:alert(1)", " JavaScript:x", "data:text/html,x"])
def test_an_unsafe_source_address_is_left_out_of_the_appearance(url: str) -> None:
    """A source whose url the report would not link appears without a url; the others keep theirs."""
    claims = world(claim("said", holder="trump", source="s1"), claim("no", holder="wire", source="s2", denied=True))
    sources = tuple(attrs.evolve(s, url=url) if s.id == "s1" else s for s in claims.sources)
    [review] = _reviews(attrs.evolve(claims, sources=sources))
    assert all("url" not in work for work in review["itemReviewed"]["appearance"])  # type: ignore[index]


def test_an_unsafe_review_base_is_refused() -> None:
    """A `javascript:` base is an ArgumentError from the library and a usage error (exit 2) from the command."""
    claims = world(claim("said", holder="trump", source="s1"))
    with pytest.raises(factlog.ArgumentError):
        to_claimreview(assess(claims), claims, author="Desk", url="javascript:alert(1)//")
    result = run("export", "sources/", "--to", "claimreview", "--url", "java\nscript:alert(1)//")
    assert result.returncode == 2
    assert "--url" in result.stderr
    assert run("export", "sources/", "--to", "claimreview", "--url", "https://desk.example/r/").returncode == 0


def test_a_dotted_capital_i_folds_into_one_word_in_the_slug() -> None:
    """İstanbul is slugged 'istanbul', as the project's fold matches it, not 'i-stanbul'."""
    assert unquote(review_url("https://x/", "k", "İstanbul votes")).startswith("https://x/istanbul-votes-")


def test_a_review_is_dated_no_earlier_than_the_denial_it_weighs() -> None:
    """An allegation of 2025-10 denied by the accused in 2025-11: the review is dated 2025-11-30, not 2025-10-31."""
    claims = world(
        claim("allege", holder="western-intelligence", via=("author",), source="s1", certainty="possible"),
        claim("deny", holder="kcna", source="s5", denied=True, answers=("allege",)),
    )
    [review] = _reviews(claims)
    assert review["datePublished"] == "2025-11-30"
    assert [a["name"] for a in review["itemReviewed"]["author"]] == ["Western intelligence"]  # type: ignore[index]


def test_a_review_is_dated_no_earlier_than_a_rival_value_it_weighs() -> None:
    """A slot's value of 2025-10 against a later rival value of 2025-11: the review of either is dated 2025-11-30."""
    claims = world(
        claim("few", "dprk", "troops-deployed", 1000, source="s1"),
        claim("many", "dprk", "troops-deployed", 9000, holder="paper-b", source="s5"),
    )
    assert {review["datePublished"] for review in _reviews(claims)} == {"2025-11-30"}


def _brute_date(item: factlog.PropositionAssessment, claims: factlog.ClaimSet) -> str | None:
    """The definition read plainly: the last day of the latest date any claim the review weighs was stated."""
    weighed = {c for origin in (*item.supporting, *item.opposing) for c in origin.claims}
    weighed |= {c for c, _ in item.labels}
    days = []
    for claim_id in weighed:
        found = claims.claim_by_id[claim_id]
        published = [s.published for s in map(claims.source_by_id.get, found.sources) if s and s.published]
        when = found.stated or (published[0] if published else None)
        if when is not None:
            days.append(when.last_day)
    anywhere = [c.stated.last_day for c in claims.claims if c.stated is not None]
    anywhere += [s.published.last_day for s in claims.sources if s.published is not None]
    chosen = max(days, default=max(anywhere, default=None))
    return None if chosen is None else datetime.date.fromordinal(chosen).isoformat()


@pytest.mark.parametrize("seed", [1, 2])
def test_every_review_is_dated_as_its_definition_says(seed: int) -> None:
    """Each review's datePublished is the latest date of the claims it weighs (else the set's), read plainly.

    On generated sets of 1,500 claims, whose slots hold rival values and denials dated apart.
    """
    claims = factlog.loads(json.dumps(generate(1500, seed)))
    assessment = assess(claims)
    wanted = [item for item in assessment.propositions if _makers(item, claims)]
    graph = to_claimreview(assessment, claims, author="Desk", everything=True)["@graph"]
    assert [review.get("datePublished") for review in graph] == [_brute_date(item, claims) for item in wanted]


def test_a_grade_6_review_says_the_truth_cannot_be_judged() -> None:
    """A lone tabloid's report: no ratingValue, and a ratingExplanation naming the origin and its grade."""
    claims = world(claim("orbit", holder="tabloid"))
    [review] = to_claimreview(assess(claims), claims, author="Desk", everything=True)["@graph"]
    REQUIRED.validate(review)
    rating = review["reviewRating"]
    assert "ratingValue" not in rating
    assert rating["ratingExplanation"] == (
        "Truth cannot be judged (Admiralty credibility 6): it rests on one origin, A tabloid, graded E (unreliable),"
        " and no other credible origin confirms or contradicts it."
    )
    graded = world(claim("a", holder="tabloid"), claim("b", holder="kcna", source="s2"))
    [two] = to_claimreview(assess(graded), graded, author="Desk", everything=True)["@graph"]
    assert "ratingExplanation" not in two["reviewRating"]


def test_holders_that_changed_their_stance_still_author_what_they_said() -> None:
    """The ministry's and the agency's toll of 12, superseded by the agency's correction, are still theirs."""
    claims = story()
    graph = factlog.to_claimreview(factlog.assess(claims), claims, author="Desk", everything=True)["@graph"]
    [twelve] = [review for review in graph if review["claimReviewed"].endswith("12 people")]
    authors = {author["name"] for author in twelve["itemReviewed"]["author"]}
    assert {"Orvanian Foreign Ministry", "Orvanian News Agency", "Meridian Press Agency"} <= authors


def test_a_figure_its_makers_gave_up_is_still_reviewed() -> None:
    """Nobody holds the toll of 12 now (the agency, its one maker, corrected it): reviewed, by the agency."""
    claims = attrs.evolve(story(), claims=tuple(c for c in story().claims if c.id not in {"mfa-toll", "wire-toll"}))
    assessment = factlog.assess(claims)
    [item] = [item for item in assessment.propositions if item.statement.endswith("12 people")]
    assert not item.supporting
    graph = factlog.to_claimreview(assessment, claims, author="Desk")["@graph"]
    [twelve] = [review for review in graph if review["claimReviewed"].endswith("12 people")]
    assert twelve["reviewRating"]["alternateName"] == "refuted"
    assert [author["name"] for author in twelve["itemReviewed"]["author"]] == ["Orvanian News Agency"]
