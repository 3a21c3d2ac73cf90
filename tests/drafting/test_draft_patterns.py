"""Drafted propositions for meetings, attendance and figures, with a figure's words kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import factlog
from factlog import Estimate, Quantity
from tests.drafting.registries import BUNDLED_REGISTRY
from tests.helpers import run

REGISTRY = BUNDLED_REGISTRY
FIGURES = factlog.loads(
    json.dumps(
        {
            "format": "factlog",
            "version": 1,
            "entities": [{"id": "nk", "name": "North Korea", "kind": "country"}],
            "predicates": [
                {"id": "troops-sent", "label": "number of troops sent", "kind": "state", "functional": True}
            ],
            "sources": [],
            "claims": [],
        }
    )
)


def proposed(text: str, registry: factlog.ClaimSet = REGISTRY) -> factlog.Proposition | None:
    """The proposition drafted for a one-sentence text, published 2025-10-08."""
    [claim] = factlog.draft(text, source="t", published="2025-10-08", registry=registry).claims
    return claim.proposition


@pytest.mark.parametrize(
    "text",
    [
        "Wang last visited Moscow in April, when he met Lavrov and Putin.",
        "Choe flew to Moscow, where he met Lavrov.",
        "The delegation arrived in Russia and met Lavrov.",
    ],
)
def test_a_place_or_an_object_is_never_the_subject_of_a_meeting(text: str) -> None:
    """A name after a preposition or a verb, or before another clause, does not meet: unsure, no proposition."""
    assert proposed(text) is None


def test_a_meeting_is_proposed() -> None:
    """'Choe Son-hui met with Sergey Lavrov on Monday' proposes that she meets him that Monday."""
    proposition = proposed("Choe Son-hui met with Sergey Lavrov on Monday.")
    assert proposition is not None
    assert (proposition.subject, proposition.predicate, proposition.object, str(proposition.when)) == (
        "choe-son-hui",
        "meets",
        "sergey-lavrov",
        "2025-10-06",
    )


def test_attendance_of_an_event_is_proposed() -> None:
    """'Kim Jong Un attended the Beijing Victory Day parade' proposes his attendance of that event."""
    proposition = proposed("Kim Jong Un attended the Beijing Victory Day parade.")
    assert proposition is not None
    assert (proposition.subject, proposition.predicate, proposition.object) == (
        "kim-jong-un",
        "attends",
        "beijing-parade",
    )


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("North Korea sent 11,000 troops.", Quantity(amount=11000, unit="troops")),
        ("North Korea sent at least 11,000 troops.", Quantity(amount=11000, estimate=Estimate.AT_LEAST, unit="troops")),
        (
            "North Korea sent more than 10,000 troops.",
            Quantity(amount=10000, estimate=Estimate.MORE_THAN, unit="troops"),
        ),
        ("North Korea sent up to 600 troops.", Quantity(amount=600, estimate=Estimate.UP_TO, unit="troops")),
        ("North Korea sent fewer than 600 troops.", Quantity(amount=600, estimate=Estimate.LESS_THAN, unit="troops")),
        ("North Korea sent About 600 troops.", Quantity(amount=600, estimate=Estimate.ABOUT, unit="troops")),
        ("North Korea sent no more than 600 troops.", Quantity(amount=600, estimate=Estimate.UP_TO, unit="troops")),
    ],
)
def test_a_figure_keeps_the_words_that_bound_it(sentence: str, figure: Quantity) -> None:
    """'at least 11,000 troops' is drafted at-least (no invented upper bound), never as exactly 11,000."""
    proposition = proposed(sentence, FIGURES)
    assert proposition is not None
    assert (proposition.subject, proposition.predicate, proposition.object) == ("nk", "troops-sent", figure)


def test_the_cli_counts_one_drafted_claim_in_the_singular(tmp_path: Path) -> None:
    """A one-sentence article: 'drafted 1 claim from ...', not '1 claims'."""
    article = tmp_path / "one.txt"
    article.write_text("Kim Jong Un visited Moscow.\n", encoding="utf-8")
    result = run("draft", str(article), "--source", "one", "-o", str(tmp_path / "out" / "claims.json"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("drafted 1 claim from ")
