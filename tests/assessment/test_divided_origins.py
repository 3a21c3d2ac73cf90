"""A stance change is one holder's; holders of one party that disagree leave their origin divided, not changed."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import factlog
from tests.helpers import sides

HOLDERS = ("ksa", "kspace", "kmfa", "kdef")
"""Four holders affiliated to one party, Karvonia."""
NAMES = {
    "ksa": "Karvonian State Agency",
    "kspace": "Karvonian Space Agency",
    "kmfa": "Karvonia foreign ministry",
    "kdef": "Karvonia defence ministry",
}
METHODS = ("accucopy", "accuvote", "majority", "truthfinder")
LEARNING = ("accucopy", "accuvote", "truthfinder")


def _document(claims: list[tuple[str, str, int]], *, yes_no: bool = False) -> dict[str, Any]:
    """Claims (holder, answer, day of November 2026 stated) about Dawn-3's launch date, or (yes_no) its reaching orbit.

    An answer is a date ("2026-11-23") or its denial ("not:2026-11-23"); for yes/no, "yes" or "no".
    """
    entities = [
        {"id": "karvonia", "name": "Karvonia", "kind": "country"},
        {"id": "dawn-3", "name": "Dawn-3", "kind": "other"},
        {"id": "hp", "name": "Harbour Post", "kind": "media-outlet"},
        *({"id": h, "name": NAMES[h], "kind": "government-body", "affiliation": "karvonia"} for h in HOLDERS),
    ]
    sources, written = [], []
    for number, (holder, answer, day) in enumerate(claims):
        source = f"s{number}"
        sources.append({"id": source, "title": source, "publisher": holder, "published": f"2026-11-{day:02d}"})
        denied = answer in {"no"} or answer.startswith("not:")
        if yes_no:
            proposition = {"subject": "dawn-3", "predicate": "reaches-orbit", "when": "2026-11-20"}
        else:
            proposition = {"subject": "dawn-3", "predicate": "takes-place-on", "object": {"date": answer[-10:]}}
        written.append(
            {
                "id": f"c{number}",
                "statement": f"Statement {number}.",
                "attribution": {"holder": holder},
                "evidence": [{"source": source, "quote": f"quote {number}"}],
                "proposition": proposition,
                **({"polarity": "denied"} if denied else {}),
            }
        )
    return {
        "format": "factlog",
        "version": 1,
        "entities": entities,
        "predicates": [
            {"id": "takes-place-on", "label": "takes place on", "kind": "state", "functional": True},
            {"id": "reaches-orbit", "label": "reaches orbit", "kind": "event"},
        ],
        "sources": sources,
        "claims": written,
    }


def _claims(claims: list[tuple[str, str, int]], *, yes_no: bool = False) -> factlog.ClaimSet:
    return factlog.loads(json.dumps(_document(claims, yes_no=yes_no)))


def _release() -> factlog.ClaimSet:
    """The Space Agency says the 23rd (on the 23rd), the State Agency the 24th (on the 24th); Harbour Post the 23rd."""
    return _claims([("kspace", "2026-11-23", 23), ("ksa", "2026-11-24", 24), ("hp", "2026-11-23", 27)])


def test_two_holders_of_one_party_that_disagree_are_a_divided_origin_not_a_changed_stance() -> None:
    """The reasons say who says what within the origin, and never that it changed its stance, in every method."""
    for method in METHODS:
        for item in factlog.assess(_release(), method=method).propositions:
            assert not any("changed its stance" in reason for reason in item.reasons), method
            assert (
                "Karvonian Space Agency, Karvonian State Agency is divided: its holders disagree: Karvonian Space"
                " Agency says 2026-11-23, Karvonian State Agency says 2026-11-24; it counts once for each answer"
                " they give"
            ) in item.reasons, method


def test_the_check_and_the_assessment_tell_one_story_of_the_divided_origin() -> None:
    """conflicting_values sets the two agencies on two sides; the assessment lists their origin for each value."""
    claims = _release()
    [conflict] = [f for f in factlog.check(claims).findings if f.rule == "conflicting_values"]
    assert sides(conflict) == {"2026-11-23": {"c0", "c2"}, "2026-11-24": {"c1"}}
    for method in METHODS:
        by_value = {item.statement[-10:]: item for item in factlog.assess(claims, method=method).propositions}
        for value, claim in (("2026-11-23", "c0"), ("2026-11-24", "c1")):
            origins = [o for o in by_value[value].supporting if o.speaks_for == "karvonia"]
            assert [o.claims for o in origins] == [(claim,)], (method, value)


def test_a_holder_that_changed_its_stance_is_named_alone_within_an_origin_of_several() -> None:
    """The State Agency affirms, the Space Agency denies, the State Agency denies later: only it changed."""
    claims = _claims([("ksa", "yes", 21), ("kspace", "no", 22), ("ksa", "no", 23)], yes_no=True)
    [item] = factlog.assess(claims).propositions
    assert "Karvonian State Agency changed its stance; its latest claims count" in item.reasons
    [line] = [reason for reason in item.reasons if reason.startswith("rejected: ")]
    assert line.startswith("rejected: nobody claims it now: Karvonian State Agency claimed it, then changed its stance")


def test_a_declared_copy_of_one_holder_s_release_states_that_holder_s_stance() -> None:
    """Harbour Post runs the Space Agency's release as its own (derived_from): the division is the two agencies'."""
    document = _document([("kspace", "2026-11-23", 23), ("ksa", "2026-11-24", 24), ("hp", "2026-11-23", 27)])
    document["sources"][2]["derived_from"] = ["s0"]
    assessment = factlog.assess(factlog.loads(json.dumps(document)))
    for item in assessment.propositions:
        assert not any("changed its stance" in reason for reason in item.reasons)
        [divided] = [reason for reason in item.reasons if " is divided: " in reason]
        assert divided.endswith(
            "its holders disagree: Karvonian Space Agency says 2026-11-23, Karvonian State Agency says 2026-11-24;"
            " it counts once for each answer they give"
        )


_DATES = ("2026-11-23", "2026-11-24", "not:2026-11-23")


@st.composite
def _spoken(draw: st.DrawFn) -> list[list[str]]:
    """Each of two to four holders' answers in the order it gave them (one to three each)."""
    count = draw(st.integers(2, len(HOLDERS)))
    return [draw(st.lists(st.sampled_from(_DATES), min_size=1, max_size=3)) for _ in range(count)]


def _timed(spoken: list[list[str]], holders: list[str], starts: list[int]) -> list[tuple[str, str, int]]:
    """Each holder's answers on successive days from its start (its own order kept), Harbour Post's 23rd last."""
    found = [
        (holders[n], answer, starts[n] + 3 * step)
        for n, answers in enumerate(spoken)
        for step, answer in enumerate(answers)
    ]
    return [*found, ("hp", "2026-11-23", 28)]


def _read(assessment: factlog.Assessment) -> list[tuple[object, ...]]:
    return sorted(
        (
            item.key,
            item.belief,
            item.status,
            item.credibility,
            item.acceptance,
            len(item.supporting),
            len(item.opposing),
        )
        for item in assessment.propositions
    )


@given(
    spoken=_spoken(),
    order=st.permutations(HOLDERS),
    starts=st.lists(st.integers(1, 3), min_size=4, max_size=4),
    moved=st.lists(st.integers(1, 3), min_size=4, max_size=4),
    method=st.sampled_from(METHODS),
)
def test_renaming_holders_of_one_party_or_moving_when_each_spoke_never_changes_the_assessment(
    spoken: list[list[str]], order: tuple[str, ...], starts: list[int], moved: list[int], method: str
) -> None:
    """Which of a party's holders says what, and when each spoke relative to the others, change no belief or label."""
    first = _claims(_timed(spoken, list(HOLDERS), starts))
    second = _claims(list(reversed(_timed(spoken, list(order), moved))))
    assert _read(factlog.assess(first, method=method)) == _read(factlog.assess(second, method=method))


@given(spoken=_spoken(), starts=st.lists(st.integers(1, 3), min_size=4, max_size=4), yes_no=st.booleans())
def test_an_origin_is_said_to_have_changed_its_stance_only_when_one_holder_held_both_sides_at_different_times(
    spoken: list[list[str]], starts: list[int], yes_no: bool
) -> None:
    """Every "changed its stance" names one holder whose latest answers leave out an answer it gave before."""
    if yes_no:
        spoken = [["yes" if answer == "2026-11-23" else "no" for answer in answers] for answers in spoken]
    timed = _timed(spoken, list(HOLDERS), starts)
    changed = {
        NAMES[holder]
        for holder, answers in zip(HOLDERS, spoken, strict=False)
        if not set(answers[:-1]) <= {answers[-1]}  # each holder speaks once a day: its latest claim is its last
    }
    for item in factlog.assess(_claims(timed, yes_no=yes_no)).propositions:
        said = {reason.split(" changed its stance")[0] for reason in item.reasons if "changed its stance;" in reason}
        assert said == changed


@given(spoken=_spoken(), method=st.sampled_from(LEARNING))
def test_a_divided_origin_alone_lifts_none_of_its_values_over_another(spoken: list[list[str]], method: str) -> None:
    """Holders of one party alone, each giving one date, both dates given: the learning methods tie the two dates."""
    answers = [
        "2026-11-23",
        "2026-11-24",
        *("2026-11-24" if "24" in given[-1] else "2026-11-23" for given in spoken[2:]),
    ]
    timed = [(HOLDERS[n], answer, 20 + n) for n, answer in enumerate(answers)]
    beliefs = {item.statement[-10:]: item.belief for item in factlog.assess(_claims(timed), method=method).propositions}
    assert beliefs["2026-11-23"] == beliefs["2026-11-24"]
