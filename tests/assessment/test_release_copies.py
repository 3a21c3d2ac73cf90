"""A paper's copy of a press release: one origin with the release and what it repeats, never with the release's party.

The Karvonian Space Agency's release (unseen) gives the launch as Monday; Harbour Post
prints its sentence as its own, the Daily Courier too and declares its copy
(``derived_from``); the Karvonian State Agency, affiliated to the same country, gives
Tuesday. The two dates are a dispute between two origins, in the check and in the
assessment alike: the copies are the release's, not the news agency's.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
from factlog import Index, Status, origins
from factlog.checks import conflicting_values, hollow_corroboration, shared_wording
from factlog.report._disputes import disputes
from tests.helpers import findings_of

MONDAY = "The satellite was launched on Monday and is operating normally."
IMAGES = "The Dawn-3 satellite is transmitting images to the Tarvo ground station"


def _claim(identifier: str, holder: str, source: str, quote: str, **proposition: Any) -> dict[str, Any]:
    """A claim of ``holder`` read in ``source``; ``via`` the source's publisher when that is not the holder."""
    via = proposition.pop("via", None)
    attribution: dict[str, Any] = {"holder": holder, **({"via": [via], "cue": "said"} if via else {})}
    return {
        "id": identifier,
        "statement": quote,
        "attribution": attribution,
        "evidence": [{"source": source, "quote": quote}],
        "proposition": proposition,
    }


def _launch(object_date: str) -> dict[str, Any]:
    return {"subject": "launch", "predicate": "takes-place-on", "object": {"date": object_date}}


def _world(*claims: dict[str, Any], courier_copies: str | None = None, release: bool = True) -> factlog.ClaimSet:
    """The agencies, the papers and their sources; the Daily Courier ``derived_from`` ``courier_copies`` if given."""
    entities = [
        {"id": "karvonia", "name": "Karvonia", "kind": "country"},
        {"id": "ksa", "name": "Karvonian State Agency", "kind": "media-outlet", "affiliation": "karvonia"},
        {"id": "kspace", "name": "Karvonian Space Agency", "kind": "government-body", "affiliation": "karvonia"},
        {"id": "hp", "name": "Harbour Post", "kind": "media-outlet"},
        {"id": "dc", "name": "Daily Courier", "kind": "media-outlet"},
        {"id": "launch", "name": "the launch", "kind": "event"},
        {"id": "dawn", "name": "Dawn-3", "kind": "other"},
    ]
    courier: dict[str, Any] = {"id": "dc-story", "title": "Satellite sends images", "publisher": "dc"}
    courier["published"] = "2026-11-28"
    if courier_copies:
        courier["derived_from"] = [courier_copies]
    sources = [
        {"id": "ksa-launch", "title": "Launch", "publisher": "ksa", "published": "2026-11-24"},
        {"id": "hp-story", "title": "First images", "publisher": "hp", "published": "2026-11-27"},
        courier,
    ]
    if release:
        sources.append({"id": "release", "title": "Press release", "publisher": "kspace", "published": "2026-11-27"})
    document = {
        "format": "factlog",
        "version": 1,
        "entities": entities,
        "predicates": [
            {"id": "takes-place-on", "label": "takes place on", "kind": "state", "functional": True},
            {"id": "transmits-images", "label": "transmits images", "kind": "state"},
        ],
        "sources": sources,
        "claims": list(claims),
    }
    return factlog.loads(json.dumps(document))


def _dates(courier_copies: str | None) -> factlog.ClaimSet:
    return _world(
        _claim("ksa-date", "ksa", "ksa-launch", "launched on Tuesday", **_launch("2026-11-24")),
        _claim("hp-date", "hp", "hp-story", MONDAY, **_launch("2026-11-23")),
        _claim("dc-date", "dc", "dc-story", MONDAY, **_launch("2026-11-23")),
        courier_copies=courier_copies,
    )


def _sides(claims: factlog.ClaimSet) -> dict[str, list[tuple[str, ...]]]:
    """Each value's origins, as the assessment counts them (their claims)."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for item in factlog.assess(claims).propositions:
        found[item.statement.rsplit(" ", 1)[-1]] = [origin.claims for origin in item.supporting]
    return found


def test_a_declared_copy_of_a_release_is_not_the_news_agency_of_the_release_s_country() -> None:
    """derived_from the release: the news agency's Tuesday and the copies' Monday stay two origins, a dispute."""
    assessment = factlog.assess(_dates("release"))
    assert {item.status for item in assessment.propositions} == {Status.DISPUTED}
    assert not any("changed its stance" in reason for item in assessment.propositions for reason in item.reasons)
    index = Index.of(_dates("release"))
    assert sorted(o.entries[0].id for o in origins(index, index.entries, wording=True)) == ["hp-date", "ksa-date"]


def test_the_check_and_the_assessment_agree_the_two_dates_are_a_dispute_between_origins() -> None:
    """conflicting_values reports the dates; the assessment has an origin on each side of them."""
    for copies in (None, "release"):
        claims = _dates(copies)
        assert len(findings_of(conflicting_values, claims)) == 1
        for item in factlog.assess(claims).propositions:
            assert item.supporting
            assert item.opposing


def test_printing_one_wording_labels_only_what_the_wording_joined() -> None:
    """The news agency, which prints none of the words, is in no origin labelled as printing one wording."""
    index = Index.of(_dates("release"))
    labels = {o.entries[0].id: o.label for o in origins(index, index.entries, wording=True)}
    assert labels["ksa-date"] == "Karvonian State Agency"
    assert "Karvonian State Agency" not in labels["hp-date"]


@settings(max_examples=20, deadline=None)
@given(st.booleans(), st.booleans())
def test_declaring_a_copy_of_an_isolated_release_never_lowers_the_origins_of_another_value(
    hp_says_monday: bool, declared: bool
) -> None:
    """Adding derived_from to the release (no claim read in it) never joins the Tuesday side with the Monday side."""
    claims = [
        _claim("ksa-date", "ksa", "ksa-launch", "launched on Tuesday", **_launch("2026-11-24")),
        _claim("dc-date", "dc", "dc-story", MONDAY, **_launch("2026-11-23")),
    ]
    if hp_says_monday:
        claims.append(_claim("hp-date", "hp", "hp-story", MONDAY, **_launch("2026-11-23")))
    before = _sides(_world(*claims))
    after = _sides(_world(*claims, courier_copies="release" if declared else None))
    assert len(after["2026-11-24"]) >= len(before["2026-11-24"]) == 1
    assert len(after["2026-11-23"]) >= 1


def _images(courier_copies: str | None) -> factlog.ClaimSet:
    """Harbour Post credits the words to the space agency; the Daily Courier prints them as its own."""
    dawn = {"subject": "dawn", "predicate": "transmits-images", "when": "2026-11-27"}
    return _world(
        _claim("hp-images", "kspace", "hp-story", f"{IMAGES}, the Karvonian Space Agency said.", via="hp", **dawn),
        _claim("dc-images", "dc", "dc-story", f"{IMAGES}.", **dawn),
        courier_copies=courier_copies,
    )


def test_a_copy_of_words_its_story_credits_to_a_speaker_is_that_speaker_s_origin() -> None:
    """derived_from Harbour Post: the Daily Courier's sentence is the space agency's, one origin, not two."""
    [item] = factlog.assess(_images("hp-story")).propositions
    assert [origin.claims for origin in item.supporting] == [("dc-images", "hp-images")]
    assert [origin.speaks_for for origin in item.supporting] == ["karvonia"]
    assert "Harbour Post (“" not in item.supporting[0].label
    [finding] = findings_of(hollow_corroboration, _images("hp-story"))
    assert "Karvonian Space Agency" in finding.message
    assert not findings_of(shared_wording, _images("hp-story"))


def test_a_dispute_panel_counts_the_origins_the_assessment_counts() -> None:
    """The report's side of Monday is one origin (the papers printing one wording), as the assessment says."""
    claims = _dates(None)
    [dispute] = [d for d in disputes(factlog.check(claims), factlog.assess(claims), Index.of(claims)) if d.sides]
    counted = {side.name: len(side.origins) for side in dispute.sides}
    assessed = {item.statement.rsplit(" ", 1)[-1]: len(item.supporting) for item in factlog.assess(claims).propositions}
    assert counted == assessed == {"2026-11-24": 1, "2026-11-23": 1}


def test_words_a_paper_prints_as_its_own_while_another_credits_them_are_one_origin_with_the_speaker() -> None:
    """No derived_from: shared_wording names the space agency, and the assessment counts it once."""
    [finding] = findings_of(shared_wording, _images(None))
    assert "credits to Karvonian Space Agency" in finding.message
    assert 'declare derived_from ["hp-story"] in dc-story' in finding.message
    [item] = factlog.assess(_images(None)).propositions
    assert [origin.claims for origin in item.supporting] == [("dc-images", "hp-images")]


def test_papers_quoting_a_named_speaker_word_for_word_are_not_flagged() -> None:
    """Both papers credit the sentence to the space agency: accurate reporting, no finding, one origin."""
    dawn = {"subject": "dawn", "predicate": "transmits-images", "when": "2026-11-27"}
    said = f"{IMAGES}, the Karvonian Space Agency said."
    claims = _world(
        _claim("hp-images", "kspace", "hp-story", said, via="hp", **dawn),
        _claim("dc-images", "kspace", "dc-story", said, via="dc", **dawn),
    )
    assert not findings_of(shared_wording, claims)


def test_no_derived_from_label_where_a_declared_copy_joined_the_origin() -> None:
    """derived_from the release, joined with the agency's own claim: the origin is not labelled as undeclared."""
    index = Index.of(_images("release"))
    [origin] = origins(index, index.entries, wording=True)
    assert "no derived_from" not in origin.label
    assert origin.label == "Karvonian Space Agency, Daily Courier"


def test_shared_wording_names_the_story_a_copy_already_declares() -> None:
    """The Daily Courier declares the release: the finding asks Harbour Post to declare it too, not the Courier."""
    [finding] = findings_of(shared_wording, _dates("release"))
    assert finding.message.endswith('declare derived_from ["release"] in hp-story')
    assert "Karvonian Space Agency (“Press release”, 2026-11-27), which dc-story declares copying" in finding.message
