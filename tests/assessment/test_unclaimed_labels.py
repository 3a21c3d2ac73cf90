"""A proposition nobody claims, rejected by its denial: every output says what the label rests on."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import Acceptance, ClaimSet, Credibility, Status
from tests.helpers import claim, world

STANDS = "rejected: nobody claims it; what is claimed instead stands: its denial"
NO_VERDICT = (
    "; the label says who claims what, not what is true: only parties the proposition accuses deny it,"
    " so truth cannot be judged (credibility 6)"
)


def _interested_alone() -> ClaimSet:
    """KCNA's denial that North Korea supplies Russia with weapons, and nobody saying it does."""
    return world(claim("denial", holder="kcna", denied=True))


def test_an_interested_denial_alone_is_rejected_and_says_the_label_is_no_verdict() -> None:
    """Rejected beside credibility 6: the reason says nobody claims it and only an accused party denies it."""
    [item] = factlog.assess(_interested_alone()).propositions
    assert (item.status, item.credibility, item.acceptance) == (
        Status.DENIED_BY_INTERESTED_PARTY,
        Credibility.CANNOT_BE_JUDGED,
        Acceptance.REJECTED,
    )
    assert STANDS + NO_VERDICT in item.reasons


def test_a_credible_denial_alone_says_nobody_claims_it_and_no_more() -> None:
    """KCNA's (D) denial that China visits Russia alone: rejected because nobody claims it, no word of grade 6."""
    [item] = factlog.assess(world(claim("denial", "prc", "visits", "russia", holder="kcna", denied=True))).propositions
    assert item.credibility is not Credibility.CANNOT_BE_JUDGED
    assert STANDS in item.reasons


def test_an_ungraded_denial_alone_says_nobody_claims_it_and_why_truth_cannot_be_judged() -> None:
    """Paper A's (F) denial alone: grade 6 for want of a basis, said so once; the accused-party words are not used."""
    [item] = factlog.assess(world(claim("denial", holder="paper-a", denied=True))).propositions
    assert item.credibility is Credibility.CANNOT_BE_JUDGED
    assert STANDS in item.reasons
    assert not any(NO_VERDICT in reason for reason in item.reasons)
    assert any(
        reason.startswith("truth cannot be judged: it rests on one origin, Paper A, graded F")
        for reason in item.reasons
    )


def test_the_text_says_what_the_label_rests_on() -> None:
    """The text's acceptance line, under the grade 6, says nobody claims it and why truth cannot be judged."""
    text = factlog.render_assessment_text(factlog.assess(_interested_alone()))
    assert f"    {STANDS}{NO_VERDICT}\n" in text


def test_the_markdown_acceptance_cell_says_what_the_label_rests_on() -> None:
    """The Markdown table's acceptance cell says rejected because nobody claims it, not 'against its denial'."""
    markdown = factlog.render_assessment_markdown(factlog.assess(_interested_alone()))
    assert f"| {STANDS.replace(': ', ' (', 1)}{NO_VERDICT}) |" in markdown


def test_the_json_reasons_say_what_the_label_rests_on() -> None:
    """The JSON keeps acceptance and decided_by, and its reasons say nobody claims it, truth cannot be judged."""
    [written] = json.loads(factlog.render_assessment_json(factlog.assess(_interested_alone())))["propositions"]
    assert (written["acceptance"], written["decided_by"], written["credibility"]) == ("rejected", "its denial", 6)
    assert STANDS + NO_VERDICT in written["reasons"]


def test_the_report_page_says_what_the_label_rests_on() -> None:
    """The HTML report's assessment of the interested denial lists the reason."""
    page = factlog.html_report(_interested_alone())
    assert (STANDS + NO_VERDICT).replace("'", "&#39;") in page


_HOLDERS = ("author", "wire", "paper-a", "kcna", "russia", "analysts")
_votes = st.lists(
    st.tuples(st.sampled_from(_HOLDERS), st.booleans(), st.sampled_from(["certain", "probable", "possible"])),
    min_size=1,
    max_size=6,
)


@given(_votes, st.booleans())
def test_a_label_says_it_was_weighed_only_when_someone_claims_the_answer(
    votes: list[tuple[str, bool, str]], slot: bool
) -> None:
    """Claimed: weighed against its rivals; nobody's claim and rejected: what stands, and grade 6 says why."""
    claims = world(
        *(
            claim(f"c{n}", predicate="troops-deployed", obj=1000 * (1 + n % 2), denied=denied, holder=holder)
            if slot
            else claim(f"c{n}", holder=holder, denied=denied, certainty=certainty)
            for n, (holder, denied, certainty) in enumerate(votes)
        )
    )
    for item in factlog.assess(claims).propositions:
        if item.decided_by is None or item.acceptance is None:
            continue
        [line] = [reason for reason in item.reasons if reason.startswith(f"{item.acceptance.value}: ")]
        if item.supporting or item.acceptance is not Acceptance.REJECTED:
            assert line == f"{item.acceptance.value}: weighed against {item.decided_by}"
            continue
        stands = f"rejected: nobody claims it; what is claimed instead stands: {item.decided_by}"
        accused_only = all(origin.interested for origin in item.opposing)
        assert line == stands + (NO_VERDICT if accused_only else "")
