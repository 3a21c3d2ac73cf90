"""Everyday patterns as one claim each: what each expands to, its bad forms, how findings show it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import factlog
from factlog import FormatError, Index, Polarity, readings

from .test_encoding import document, load, one, rules

# --- patterns -------------------------------------------------------------------------------------


def visit(**fields: Any) -> dict[str, Any]:
    """A claim that China visits North Korea, with the given fields."""
    proposition = {"subject": "China", "predicate": "official-visit-to", "object": "North Korea"}
    proposition |= fields.pop("proposition", {})
    return one(proposition=proposition, **fields)


def meaning(claims: factlog.ClaimSet, claim: int = 0) -> list[tuple[str, str, str]]:
    """(polarity, predicate, when) of each reading of a claim."""
    entry = Index.of(claims).entries[claim]
    found = readings(claims.claims[claim], entry.stated, Index.of(claims).vocabulary)
    return [(r.polarity.value, r.proposition.predicate, str(r.proposition.when)) for r in found]


def test_last_pattern_means_an_event_in_y_and_none_after_it(tmp_path: Path) -> None:
    """'The last visit was in 2019', stated 2025-10: none in 2020/2025-10, one in 2019."""
    claims = load(tmp_path, [visit(pattern={"last": "2019"})])
    assert meaning(claims) == [
        ("denied", "official-visit-to", "2020/2025-10"),
        ("affirmed", "official-visit-to", "2019"),
    ]


def test_since_pattern_means_none_between_y_and_the_occasion(tmp_path: Path) -> None:
    """'The first visit since 2019', on 2025-04-11: none 2020 to 2025-04-10, one in 2019, this one."""
    claims = load(tmp_path, [visit(proposition={"when": "2025-04-11"}, pattern={"since": "2019"})])
    assert meaning(claims) == [
        ("denied", "official-visit-to", "2020/2025-04-10"),
        ("affirmed", "official-visit-to", "2019"),
        ("affirmed", "official-visit-to", "2025-04-11"),
    ]


def test_years_pattern_is_since_n_years_before(tmp_path: Path) -> None:
    """'For the first time in six years', in 2025-04: as 'since 2019'."""
    claims = load(tmp_path, [visit(proposition={"when": "2025-04"}, pattern={"years": 6})])
    assert meaning(claims)[:2] == [
        ("denied", "official-visit-to", "2020/2025-03"),
        ("affirmed", "official-visit-to", "2019"),
    ]


def test_highest_since_denies_only_higher_ranks(tmp_path: Path) -> None:
    """'The highest-level visit since 2019' at rank 1 denies the rank-2 predicate, not its own."""
    top = {"id": "state-visit-to", "label": "makes a state visit to", "kind": "event", "scale": "visit", "rank": 2}
    claims = load(
        tmp_path,
        [visit(proposition={"when": "2025-10"}, pattern={"highest_since": "2019"})],
        scale="visit",
        rank=1,
    )
    claims = factlog.ClaimSet(
        entities=claims.entities,
        predicates=(*claims.predicates, factlog.make_converter().structure(top, factlog.Predicate)),
        sources=claims.sources,
        claims=claims.claims,
    )
    assert meaning(claims) == [
        ("denied", "state-visit-to", "2020/2025-09"),
        ("affirmed", "official-visit-to", "2025-10"),
    ]


def test_highest_since_needs_a_ranked_predicate(tmp_path: Path) -> None:
    """A 'highest_since' pattern on a predicate without a rank is refused with its path."""
    with pytest.raises(FormatError) as raised:
        load(tmp_path, [visit(proposition={"when": "2025-10"}, pattern={"highest_since": "2019"})])
    assert any("$.claims[0].pattern.highest_since" in e for e in raised.value.errors)


def test_several_objects_are_one_proposition_each(tmp_path: Path) -> None:
    """'visits China and North Korea' is read as two visits, in the order written."""
    claims = load(tmp_path, [one(proposition={"subject": "paper", "predicate": "visits", "object": ["China", "DPRK"]})])
    objects = [r.proposition.object for r in readings(claims.claims[0], None, Index.of(claims).vocabulary)]
    assert objects == ["China", "DPRK"]


def test_finding_on_a_pattern_quotes_the_pattern_claim(tmp_path: Path) -> None:
    """A visit in 2024 against 'the last visit was in 2019' is a contradiction naming the pattern claim."""
    claims = load(
        tmp_path,
        [
            visit(id="last", pattern={"last": "2019"}),
            visit(id="seen", quote="Officials said", proposition={"when": "2024"}, attribution={"holder": "kcna"}),
        ],
    )
    [finding] = rules(claims, "opposed_claims")
    assert finding.sides == {"affirming": ("seen",), "denying": ("last",)}


def test_one_denial_of_several_objects_gives_a_finding_per_object(tmp_path: Path) -> None:
    """A denial of visits to two countries against both visits: two findings with distinct ids."""
    proposition = {"subject": "paper", "predicate": "visits", "object": ["China", "DPRK"], "when": "2025"}
    claims = load(
        tmp_path,
        [
            one(id="yes", proposition=proposition),
            one(id="no", proposition=proposition, polarity="denied", attribution={"holder": "kcna"}),
        ],
    )
    found = rules(claims, "opposed_claims")
    assert len(found) == 2
    assert len({f.id for f in found}) == 2


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        ({"pattern": {"last": "2019"}}, "$.claims[0].pattern"),  # no proposition
        (
            {"proposition": {"subject": "prc", "predicate": "visits"}, "pattern": {"last": "2019", "since": "2019"}},
            "$.claims[0].pattern.last",
        ),
        (
            {"proposition": {"subject": "prc", "predicate": "visits"}, "pattern": {"last": "2019/.."}},
            "$.claims[0].pattern.last",
        ),
        (
            {"proposition": {"subject": "prc", "predicate": "visits"}, "pattern": {"years": 0}},
            "$.claims[0].pattern.years",
        ),
        (
            {
                "proposition": {"subject": "prc", "predicate": "visits"},
                "pattern": {"last": "2019"},
                "polarity": "denied",
            },
            "$.claims[0].pattern",
        ),
        ({"proposition": {"subject": "prc", "predicate": "visits", "object": []}}, "$.claims[0].proposition.object"),
    ],
)
def test_bad_pattern_forms_are_format_errors_with_paths(fields: dict[str, Any], path: str) -> None:
    """Each malformed pattern or object list is refused naming the file and the JSON path."""
    with pytest.raises(FormatError) as raised:
        factlog.loads(json.dumps(document([one(**fields)])), name="x.json")
    assert any(e.startswith(f"x.json: {path}") for e in raised.value.errors), raised.value.errors


def test_pattern_claim_round_trips_as_written(tmp_path: Path) -> None:
    """A claim with a pattern and several objects is dumped exactly as it was written."""
    written = visit(pattern={"last": "2019", "until": "2025-10-05"})
    written["proposition"]["object"] = ["North Korea", "prc"]
    claims = load(tmp_path, [written])
    assert json.loads(factlog.dumps(claims))["claims"][0] == written


def test_readings_of_a_plain_claim_are_the_claim_itself(tmp_path: Path) -> None:
    """Without a pattern or object list, a claim's one reading is its proposition and polarity."""
    claims = load(tmp_path, [visit(polarity="denied")])
    [reading] = readings(claims.claims[0], None, Index.of(claims).vocabulary)
    assert reading.proposition == claims.claims[0].proposition
    assert reading.polarity is Polarity.DENIED


def test_timeline_of_a_later_object_includes_the_claim(tmp_path: Path) -> None:
    """A claim about visits to China and North Korea is in North Korea's timeline too."""
    claims = load(tmp_path, [one(proposition={"subject": "paper", "predicate": "visits", "object": ["China", "DPRK"]})])
    assert [row.claim for row in factlog.entity_timeline(claims, "dprk")] == ["c1"]


@pytest.mark.parametrize(
    ("pattern", "shown"),
    [
        ({"last": "2019"}, "last: 2019"),
        ({"since": "2019-06"}, "since: 2019-06"),
        ({"years": 6}, "first in 6 years"),
        ({"highest_since": "2019"}, "highest since: 2019"),
    ],
)
def test_pattern_reads_as_the_words_it_stands_for(pattern: dict[str, Any], shown: str) -> None:
    """A pattern shows as its kind and value, as rendered findings show it off the two polarity sides."""
    assert str(factlog.make_converter().structure(pattern, factlog.Pattern)) == shown


def test_pattern_claim_on_a_side_without_polarity_shows_its_pattern() -> None:
    """On an interested-denial finding's 'interested' side, a 'last' claim shows all it says: affirmed, then denied."""
    claims = factlog.load(Path(__file__).parent / "corpus")
    text = factlog.render_text(factlog.check(claims, (factlog.checks.interested_denial,)))
    assert "last-talks-2024: Ilse Varn ('the last … was in 2024': affirmed then, denied since, certain)" in text


def test_years_pattern_without_any_date_is_read_plainly(tmp_path: Path) -> None:
    """'For the first time in N years' with no occasion and no date stated affirms the claim as written."""
    claims = load(tmp_path, [visit(pattern={"years": 6})])
    assert meaning(factlog.ClaimSet(entities=claims.entities, predicates=claims.predicates, claims=claims.claims)) == [
        ("affirmed", "official-visit-to", "None")
    ]
