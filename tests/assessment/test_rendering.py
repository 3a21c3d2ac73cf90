"""Rendering assessments: every typed value, capped explanations, ICD 203 words, copying wording."""

from __future__ import annotations

import datetime
import json

import attrs
import pytest
from hypothesis import given, settings

import factlog
from factlog._escape import escape_markdown
from factlog.analysis._discovery import Dependence
from factlog.io import make_converter
from factlog.model import Object, TextValue
from tests.helpers import ENTITIES, ROOT, claim, echo_cluster, run, world
from tests.strategies import objects

_ENTITY_IDS = [entity.id for entity in ENTITIES]


@settings(max_examples=60)
@given(objects(_ENTITY_IDS).filter(lambda value: value is not None))
def test_every_slot_value_renders_as_json_and_reads_back(value: Object) -> None:
    """Any object a functional slot can hold renders in every format; JSON gives it back as a document writes it."""
    assessment = factlog.assess(world(claim("c1", predicate="head-of-government", obj=value)))
    document = json.loads(factlog.render_assessment_json(assessment))
    factlog.render_assessment_text(assessment)
    factlog.render_assessment_markdown(assessment)
    converter = make_converter()
    shown = {converter.structure(item["value"], Object | None) for item in document["propositions"]}
    expected = set(value) if isinstance(value, tuple) else {value}
    assert shown == expected


_GRADES_OF_ICD_TERMS = {
    "almost no chance": {5},
    "very unlikely": {5},
    "unlikely": {4},
    "roughly even chance": {3},
    "likely": {2},
    "very likely": {1, 2},
    "almost certain": {1, 2},
}
"""ICD 203's seven terms and the Admiralty credibility grades (1-6) whose beliefs they may describe."""


def test_the_icd_words_printed_are_the_beliefs_own_band_inside_its_grade() -> None:
    """Belief 1.00 reads "almost certain", belief 0.00 "almost no chance"; every word printed fits the grade."""
    for step in range(1001):
        belief = step / 1000
        for confirmed in (False, True):
            grade = factlog.Credibility.from_belief(belief, independently_confirmed=confirmed)
            item = _item(belief, grade)
            line = factlog.render_assessment_text(factlog.Assessment((item,), "majority", None)).splitlines()[1]
            words = line.split("(ICD 203: ")[1].split(")")[0]
            assert words == factlog.Likelihood.from_probability(belief).value.replace("-", " ")
            assert grade.value in _GRADES_OF_ICD_TERMS[words], (belief, grade, words)
    assert "(ICD 203: almost certain)" in _line(1.0)
    assert "(ICD 203: almost no chance)" in _line(0.0)


def _item(belief: float, grade: factlog.Credibility) -> factlog.PropositionAssessment:
    return factlog.PropositionAssessment(
        key="k",
        statement="S.",
        status=factlog.Status.SINGLE_SOURCE,
        credibility=grade,
        belief=belief,
        supporting=(),
        opposing=(),
        reasons=("status single-source; belief",),
        labels=(),
    )


def _line(belief: float) -> str:
    grade = factlog.Credibility.from_belief(belief, independently_confirmed=False)
    return factlog.render_assessment_text(factlog.Assessment((_item(belief, grade),), "majority", None))


def _dated(*values: tuple[str, str]) -> factlog.ClaimSet:
    return world(
        *(
            claim(f"c{n}", subject="visit", predicate="takes-place-on", obj=f"date:{value}", when=None, holder=holder)
            for n, (value, holder) in enumerate(values)
        )
    )


def test_compatible_values_of_equal_belief_are_no_tie() -> None:
    """2020, 2020-06 and 2020-06-15 share their belief because they agree: none is tied, nothing says so."""
    claims = _dated(("2020", "paper-a"), ("2020-06", "paper-b"), ("2020-06-15", "wire"), ("2021-01-01", "author"))
    for method in ("accucopy", "majority"):
        items = factlog.assess(claims, method=method).propositions
        assert not any(item.tie for item in items)
        assert not any("tie" in reason for item in items for reason in item.reasons)


def test_rival_values_of_equal_belief_are_a_tie() -> None:
    """2020 and 2021 from two like outlets: both tied, and the explanation says the tie is not broken."""
    items = factlog.assess(_dated(("2020", "paper-a"), ("2021", "paper-b")), method="majority").propositions
    assert [item.tie for item in items] == [True, True]
    assert all("tied with another value of the slot: the tie is not broken" in item.reasons for item in items)


def _crowded(values: int) -> factlog.ClaimSet:
    """One slot, each value given by an outlet of its own."""
    document = {
        "format": "factlog",
        "version": 1,
        "entities": [{"id": "x", "name": "X", "kind": "country"}]
        + [{"id": f"o{n}", "name": f"O{n}", "kind": "media-outlet"} for n in range(values)],
        "predicates": [{"id": "p", "label": "has value", "kind": "state", "functional": True}],
        "sources": [{"id": f"s{n}", "title": "T", "publisher": f"o{n}", "published": "2025"} for n in range(values)],
        "claims": [
            {
                "id": f"c{n}",
                "statement": f"X has {n}.",
                "proposition": {"subject": "x", "predicate": "p", "object": {"text": f"v{n}"}},
                "attribution": {"holder": f"o{n}"},
                "evidence": [{"source": f"s{n}", "quote": "q"}],
            }
            for n in range(values)
        ],
    }
    return factlog.loads(json.dumps(document))


def test_explanations_name_the_strongest_few_origins_and_count_the_rest() -> None:
    """30 rival values: each explanation names 5 origins against and says "and 24 more", in every format."""
    assessment = factlog.assess(_crowded(30))
    item = assessment.propositions[0]
    assert len(item.opposing) == 29
    against = next(reason for reason in item.reasons if reason.startswith("against:"))
    assert against.count("weight") == 5
    assert against.endswith(" and 24 more")
    document = json.loads(factlog.render_assessment_json(assessment))["propositions"][0]
    assert (len(document["against"]), document["against_count"], document["for_count"]) == (5, 29, 1)
    row = factlog.render_assessment_markdown(assessment).splitlines()[6]
    assert row.endswith(" and 24 more |")


def test_detected_copying_is_said_where_it_discounts_supporters() -> None:
    """Ten outlets repeating one origin, nothing declared: the value they back says how little they count together."""
    claims, _ = echo_cluster(seed=2025, questions=40, declared=False)
    assessment = factlog.assess(claims)
    notes = [r for item in assessment.propositions for r in item.reasons if r.startswith("copying: of these")]
    assert notes
    assert all("likely repeat others among them" in note and "count as about" in note for note in notes)
    majority = factlog.assess(claims, method="accuvote")
    assert not any(r.startswith("copying:") for item in majority.propositions for r in item.reasons)


def test_copying_of_undetermined_direction_reads_as_repeating_each_other() -> None:
    """A pair whose direction is unknown "repeat each other"; the false values they share are counted; plurals fit."""
    pair = Dependence("a", "b", 0.9, 0.45, 0.45, False, 1, 1, 1, 1, 1)
    text = factlog.render_assessment_text(factlog.Assessment((), "accucopy", None, dependences=(pair,)))
    assert "copying: a and b repeat each other on 100 % of 1 shared item, including 1 value nobody else gives" in text
    assert "and 1 judged false (p=0.90)" in text
    assert text.endswith("0 propositions assessed (accucopy)\n")
    document = json.loads(factlog.render_assessment_json(factlog.Assessment((), "accucopy", None, dependences=(pair,))))
    assert document["dependences"][0]["false_values"] == 1
    one = factlog.assess(world(claim("c1")))
    assert factlog.render_assessment_text(one).endswith("1 proposition assessed (accucopy)\n")


def test_assess_as_of_before_any_claim_says_so() -> None:
    """--as-of before every claim: nothing assessed, a line on stderr says why, exit 0."""
    result = run("assess", "sources/", "--as-of", "1900")
    assert result.returncode == 0
    assert result.stderr == "factlog assess: no claims stated by 1900: nothing to assess\n"


@pytest.mark.parametrize("claims", ["prec.json", None, [], {}])
def test_assess_names_what_it_expects_for_claims_of_another_type(claims: object) -> None:
    """A path, None, a list or a dict instead of a claim set: an ArgumentError that says to load the claims."""
    with pytest.raises(factlog.ArgumentError, match="expected a ClaimSet"):
        factlog.assess(claims)  # type: ignore[arg-type]


def test_assess_takes_a_date_for_as_of_and_refuses_a_number() -> None:
    """as_of as a datetime.date or datetime.datetime is that day; an int is an ArgumentError naming the forms."""
    claims = world(claim("c1", stated="2025-10-01"), claim("c2", stated="2025-12-01", holder="wire"))
    expected = factlog.assess(claims, as_of="2025-11-01")
    assert factlog.assess(claims, as_of=datetime.date(2025, 11, 1)) == expected
    assert factlog.assess(claims, as_of=datetime.datetime(2025, 11, 1, 12)) == expected
    with pytest.raises(factlog.ArgumentError, match="as_of must be a date string"):
        factlog.assess(claims, as_of=2025)  # type: ignore[arg-type]


def test_assess_refuses_an_explain_that_is_no_bool() -> None:
    """explain="no" is an error, not a truthy yes."""
    with pytest.raises(factlog.ArgumentError, match="explain must be True or False"):
        factlog.assess(world(claim("c1")), explain="no")  # type: ignore[arg-type]


def test_a_value_similarity_lets_similar_values_support_each_other() -> None:
    """similarity(v0 → v1) = 1: v1 gains belief over v2, which it equalled without the hook; majority ignores it."""
    claims = _crowded(3)

    def similar(a: Object, b: Object) -> float:
        return 1.0 if (a, b) == (TextValue(text="v0"), TextValue(text="v1")) else 0.0

    for method in ("accuvote", "accucopy", "truthfinder"):
        plain = {str(item.value): item.belief for item in factlog.assess(claims, method=method).propositions}
        hooked = factlog.assess(claims, method=method, similarity=similar).propositions
        helped = {str(item.value): item.belief for item in hooked}
        assert plain["'v1'"] == plain["'v2'"]
        assert helped["'v1'"] > helped["'v2'"], method
    majority = factlog.assess(claims, method="majority")
    assert factlog.assess(claims, method="majority", similarity=similar) == majority


def test_text_and_markdown_say_when_learning_stopped_unsettled() -> None:
    """Learning stopped at its limit of rounds is said in text and Markdown; a settled run says nothing of it."""
    settled = factlog.assess(world(claim("c1", predicate="head-of-government", obj="kim")))
    assert settled.converged
    unsettled = attrs.evolve(settled, rounds=200, converged=False)  # the default limit, reached
    line = "learning: stopped at its limit of 200 rounds, unsettled; beliefs and learned trust are the last round's"
    assert line in factlog.render_assessment_text(unsettled)
    assert line in factlog.render_assessment_markdown(unsettled)
    assert "unsettled" not in factlog.render_assessment_text(settled)
    assert "unsettled" not in factlog.render_assessment_markdown(settled)
    assert json.loads(factlog.render_assessment_json(unsettled))["converged"] is False


def test_the_markdown_row_keeps_the_admiralty_words_the_grades_and_the_discounts() -> None:
    """The weapons row: '6 — truth cannot be judged', and 'North Korea (F, weight 0.12, interested)' against it."""
    assessment = factlog.assess(factlog.load([ROOT / "sources"]))
    [row] = [line for line in factlog.render_assessment_markdown(assessment).splitlines() if "supplies weapons" in line]
    assert " | 6 — truth cannot be judged | " in row
    assert "North Korea (F, weight 0.12, interested)" in row
    assert "Western intelligence assessments (F, weight 0.12, anonymous)" in row


def test_the_markdown_against_cell_carries_an_origin_that_also_votes_against() -> None:
    """A party affirming and later denying: its 'also against' line stands in the against cell, as in the text."""
    claims = world(
        claim("yes", holder="russia", stated="2025-10"),
        claim("no", denied=True, holder="russia", stated="2025-10", source="s2"),
    )
    assessment = factlog.assess(claims)
    said = [r for item in assessment.propositions for r in item.reasons if r.startswith("also against: ")]
    assert said
    assert all(escape_markdown(line) in factlog.render_assessment_markdown(assessment) for line in said)
