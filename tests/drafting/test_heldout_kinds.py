"""Kinds of misreading a trial on unseen wire copy showed, each mended as a general rule on sentences of its own."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
from factlog import Claim, Mode, Polarity


def _draft(text: str) -> factlog.ClaimSet:
    return factlog.draft(text, source="t", published="2026-05-12", publisher="Harbour Post")


def _claims(text: str) -> list[Claim]:
    return [claim for claim in _draft(text).claims if "-office-" not in claim.id]


def _name(drafted: factlog.ClaimSet, entity: str) -> str:
    return drafted.entity_by_id[entity].name


def _holders(text: str) -> list[str]:
    """Each sentence's (first claim's) holder, by entity name."""
    drafted = _draft(text)
    return [_name(drafted, c.attribution.holder) for c in drafted.claims if "-holder-" not in c.id]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“We will not accept this result. We will go to court, and we will win,” Mara Quist said.", "Mara Quist"),
        ("“Nobody warned us. The water came at night,” a farmer told reporters.", "a farmer"),
        ("Mara Quist said: “We did not start this fight. We will finish it.”", "Mara Quist"),
        ("“The figures are not final. They will change. Wait for the count,” said Ilse Varga.", "Ilse Varga"),
    ],
)
def test_each_sentence_of_a_quotation_is_a_claim_of_the_same_speaker(text: str, speaker: str) -> None:
    """A quotation of several sentences in one paragraph gives a claim per sentence, each the speaker's, quoted."""
    drafted = _draft(text)
    claims = drafted.claims
    assert len(claims) == text.count(". ") + 1
    assert {_name(drafted, c.attribution.holder) for c in claims} == {speaker}
    assert {c.attribution.mode for c in claims} == {Mode.DIRECT_QUOTE}
    assert "".join(c.evidence[0].quote for c in claims).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize(
    ("text", "polarities"),
    [
        (
            "“We will not accept this result. We will go to court, and we will win,” Mara Quist said.",
            [Polarity.DENIED, Polarity.AFFIRMED],
        ),
        ("“Nobody warned us. The water came at night,” a farmer said.", [Polarity.DENIED, Polarity.AFFIRMED]),
        ("“The dam held for years. It never leaked,” the engineer said.", [Polarity.AFFIRMED, Polarity.DENIED]),
        ("Mara Quist said: “Nobody asked us. We came anyway.”", [Polarity.DENIED, Polarity.AFFIRMED]),
    ],
)
def test_each_sentence_of_a_quotation_has_its_own_polarity(text: str, polarities: list[Polarity]) -> None:
    """A negation in one sentence of a quotation denies that sentence only, never the others."""
    assert [c.polarity for c in _claims(text)] == polarities


_QUOTED_SENTENCES = {
    "We will not accept this result.": Polarity.DENIED,
    "We will go to court.": Polarity.AFFIRMED,
    "The count was never fair.": Polarity.DENIED,
    "Our observers saw everything.": Polarity.AFFIRMED,
    "Nobody asked us.": Polarity.DENIED,
    "The U.S. observers agree with us.": Polarity.AFFIRMED,
}


@settings(max_examples=25)
@given(
    said=st.lists(st.sampled_from(sorted(_QUOTED_SENTENCES)), min_size=2, max_size=4),
    speaker_first=st.booleans(),
)
def test_any_quotation_of_several_sentences_is_a_claim_a_sentence(said: list[str], speaker_first: bool) -> None:
    """Whatever its sentences and wherever its speaker, a quotation gives each sentence a claim and its polarity."""
    quotation = " ".join(said)
    text = f"Mara Quist said: “{quotation}”" if speaker_first else f"“{quotation[:-1]},” Mara Quist said."
    drafted = _draft(text)
    assert [c.polarity for c in drafted.claims] == [_QUOTED_SENTENCES[sentence] for sentence in said]
    assert {_name(drafted, c.attribution.holder) for c in drafted.claims} == {"Mara Quist"}


def test_a_verb_of_saying_inside_a_quotation_going_on_names_nobody() -> None:
    """'We said so. They said no,” Quist said.': the second sentence is Quist's, not 'They's."""
    assert _holders("“We said so. They said no,” Mara Quist said.") == ["Mara Quist", "Mara Quist"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Lee said the plan had failed. “We warned them twice,” Lee said.\n“Nobody listened.”", "Lee"),
        ("“The river rose overnight,” Ana Petrov told reporters.\n“We lost everything.”", "Ana Petrov"),
        ("The mayor spoke on Monday. “The count is fair,” the mayor said.\n“Nobody was turned away.”", "the mayor"),
        ("“We warned them twice,” Lee said.\n“Nobody listened. Nobody cared.”", "Lee"),
    ],
)
def test_a_paragraph_that_is_only_a_quotation_is_the_sole_speaker_of_the_paragraph_before(
    text: str, speaker: str
) -> None:
    """News style: a quotation alone in a paragraph goes on with the one speaker quoted in the paragraph before."""
    drafted = _draft(text)
    last = text.rsplit("\n", 1)[1]
    after = [c for c in drafted.claims if c.evidence[0].start >= text.index(last)]
    assert [(_name(drafted, c.attribution.holder), c.attribution.mode) for c in after] == [
        (speaker, Mode.DIRECT_QUOTE)
    ] * len(after)


@pytest.mark.parametrize(
    "other",
    [
        "“We warned them twice,” Lee said. Kim Dae-ho said the warning came late.",
        "“We warned them twice,” Lee said. Officials denied it.",
        "The plan failed.",
        "Lee said the plan had failed.",
    ],
)
def test_a_paragraph_that_is_only_a_quotation_after_two_speakers_or_none_quoted_is_an_unnamed_speakers(
    other: str,
) -> None:
    """Two speakers (or none quoted) in the paragraph before say nothing of whose the quotation is: unnamed."""
    text = f"“We warned them twice,” Lee said.\n“Nobody listened.”\n{other}\n“Nobody cared.”"
    holders = _holders(text)
    assert (holders[1], holders[-1]) == ("Lee", "an unnamed speaker")


def _first(text: str) -> tuple[str, Polarity]:
    """The first claim's holder (by entity name) and polarity."""
    drafted = _draft(text)
    claim = drafted.claims[0]
    return _name(drafted, claim.attribution.holder), claim.polarity


@pytest.mark.parametrize(
    ("sentence", "holder", "noun"),
    [
        ("Residents disputed that account.", "Residents", "The border dispute escalated in May."),
        (
            "The union disputes the figures published by the ministry.",
            "The union",
            "Trade disputes over fishing rights continue.",
        ),
        ("Farmers dispute the official count.", "Farmers", "The disputed islands lie north of the strait."),
        ("The opposition on Monday disputed the result.", "The opposition", "The two sides have a dispute over water."),
    ],
)
def test_disputing_is_a_denial_by_the_one_who_disputes(sentence: str, holder: str, noun: str) -> None:
    """'Residents disputed that account.' is their denial; 'The border dispute escalated' the outlet's voice."""
    assert _first(sentence) == (holder, Polarity.DENIED)
    assert _first(noun) == ("Harbour Post", Polarity.AFFIRMED)


@pytest.mark.parametrize(
    ("headline", "polarity"),
    [
        ("Opposition Disputes Count in Velmora", Polarity.DENIED),
        ("Farmers Dispute Official Harvest Figures", Polarity.DENIED),
        ("Opposition Warns of Unrest in Velmora", Polarity.AFFIRMED),
        ("Engineers Warn Dam Could Fail Within Weeks", Polarity.AFFIRMED),
    ],
)
def test_a_title_case_headline_with_disputes_or_warns_is_its_subjects(headline: str, polarity: Polarity) -> None:
    """'Opposition Disputes Count in X' is the opposition's denial, as 'Rejects' and 'Denies' headlines are."""
    holder, found = _first(headline)
    assert (holder, found) == (headline.split(maxsplit=1)[0], polarity)


@pytest.mark.parametrize(
    "sentence",
    ["We had nowhere to go.", "The villagers had nowhere else to sleep.", "The money was nowhere to be found."],
)
def test_nowhere_is_a_negation(sentence: str) -> None:
    """'We had nowhere to go.' denies having a place to go."""
    assert _first(sentence)[1] is Polarity.DENIED


@pytest.mark.parametrize(
    "sentence",
    [
        "The commission found irregularities but nothing that would change the outcome.",
        "Observers said they had seen delays but nothing that could alter the result.",
        "Inspectors found cracks in the wall but no damage to the turbines.",
        "The count showed errors but none that mattered.",
    ],
)
def test_a_negation_right_after_but_does_not_deny_the_clause_before_it(sentence: str) -> None:
    """'found irregularities but nothing that would change the outcome' affirms the irregularities."""
    assert _first(sentence)[1] is Polarity.AFFIRMED


def _chain(text: str, index: int = 0) -> list[str]:
    """A sentence's (first claim's) relays after the outlet, then its holder, by entity name."""
    drafted = _draft(text)
    claim = [c for c in drafted.claims if "-holder-" not in c.id][index]
    return [_name(drafted, entity) for entity in (*claim.attribution.via[1:], claim.attribution.holder)]


@pytest.mark.parametrize(
    "sentence",
    [
        "A fisherman interviewed by Radio Free Asia disputed the account.",
        "A fisherman interviewed by Radio Free Asia said the boat sank.",
        "A fisherman, interviewed by Radio Free Asia, said the boat sank.",
        "A fisherman interviewed by Radio Free Asia on Monday said the boat sank.",
    ],
)
def test_the_outlet_that_interviewed_a_speaker_relays_their_words(sentence: str) -> None:
    """'X interviewed by Radio Free Asia said ...' is X's, via Radio Free Asia, as 'X quoted by Y' is."""
    assert _chain(sentence) == ["Radio Free Asia", "A fisherman"]


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("Reuters reported the clash on Monday. A fisherman told the agency that the boat sank.", "Reuters"),
        (
            "Two crew members told Yonhap the ship was listing.\nOne of them told the news agency that water came in.",
            "Yonhap",
        ),
        (
            "The Associated Press reported the collision. A guard told the agency that the gate was open.",
            "AP",
        ),
    ],
)
def test_told_the_agency_is_relayed_by_the_agency_named_before(text: str, agency: str) -> None:
    """'told the agency that' after a news agency is named: that agency relays the speaker's words."""
    assert _chain(text, -1)[:-1] == [agency]


@pytest.mark.parametrize(
    ("sentence", "holder"),
    [
        (
            "Data analysed by the Maritime Watch Institute, a research group in Manila, showed the ships collided.",
            "Maritime Watch Institute",
        ),
        ("Images reviewed by Harbour Eye, an independent monitor, show a second vessel.", "Harbour Eye"),
        ("Records obtained by the Delta Ledger, a local newspaper, showed the payments.", "Delta Ledger"),
    ],
)
def test_records_seen_by_a_name_with_an_apposition_are_the_names(sentence: str, holder: str) -> None:
    """'Data analysed by X, a research group, showed ...' is X's, as without the apposition."""
    assert _chain(sentence) == [holder]


@pytest.mark.parametrize(
    ("sentence", "chain"),
    [
        (
            "The captain told investigators that the harbour master had told him that the channel was clear.",
            ["The captain", "the harbour master"],
        ),
        (
            "A fisherman told Reuters that the skipper had told him that the boat was overloaded.",
            ["Reuters", "A fisherman", "the skipper"],
        ),
        (
            "The mayor told reporters that police had been told by witnesses that the gate was open.",
            ["The mayor", "police", "witnesses"],
        ),
        (
            "The envoy said relief groups had been told by the district authorities that as many as 40 people may"
            " have died.",
            ["The envoy", "relief groups", "the district authorities"],
        ),
        (
            "The official said he had been told by the port authority that the ferry had sunk.",
            ["The official", "the port authority"],
        ),
    ],
)
def test_nested_telling_gives_the_innermost_source_as_holder_and_the_outer_ones_as_relays(
    sentence: str, chain: list[str]
) -> None:
    """'X told officials that Y had told them that ...' is Y's, via X: the relays outermost first."""
    assert _chain(sentence) == chain


def test_a_pronoun_telling_is_the_speakers_own_and_nests_nothing() -> None:
    """'The envoy said she told the minister that ...' is the envoy's, but a named teller inside nests."""
    assert _chain("The envoy said she told the minister that the road was closed.") == ["The envoy"]
    assert _chain("The envoy said the governor told the minister that the road was closed.") == [
        "The envoy",
        "the governor",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The commission found irregularities but nothing that would change the outcome.",
        "Observers said they had seen delays but nothing that could alter the result.",
        "Inspectors found cracks but none that might weaken the wall.",
    ],
)
def test_a_hedge_in_what_but_sets_against_the_clause_does_not_lower_it(sentence: str) -> None:
    """'... but nothing that would change the outcome': the 'would' qualifies the contrasted part, not the finding."""
    assert _claims(sentence)[0].certainty is factlog.Certainty.CERTAIN
