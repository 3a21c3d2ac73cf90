"""Lists of holders, negative and relative subjects, polarity, and invisible characters in an article."""

from __future__ import annotations

import pytest

import factlog
from factlog import Certainty, Claim, ClaimSet, Mode, Polarity
from tests.drafting.registries import BUNDLED_REGISTRY

REGISTRY = BUNDLED_REGISTRY


def drafted(text: str) -> ClaimSet:
    """A draft with the bundled registry, published 2025-10-08, by the outlet 'Daily Wire'."""
    return factlog.draft(text, source="t", published="2025-10-08", publisher="Daily Wire", registry=REGISTRY)


def sentence_claims(text: str) -> list[Claim]:
    """The claims of the sentences, without the office-title claims."""
    return [claim for claim in drafted(text).claims if "-office-" not in claim.id]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia, China and North Korea said the drills were defensive.", ["russia", "prc", "dprk"]),
        ("Russia, China, and North Korea said the drills were defensive.", ["russia", "prc", "dprk"]),
        ("Moscow, Beijing and Pyongyang denied the report.", ["russia", "prc", "dprk"]),
    ],
)
def test_a_list_of_three_holders_gives_each_a_claim(text: str, expected: list[str]) -> None:
    """'Russia, China(,) and North Korea said ...': a claim for each of the three, none lost."""
    assert [claim.attribution.holder for claim in sentence_claims(text)] == expected


@pytest.mark.parametrize("opening", ["In Seoul", "Separately", "Yesterday", "Meanwhile"])
def test_words_opening_a_sentence_before_a_list_hold_nothing(opening: str) -> None:
    """'In Seoul, Russia and China said ...', 'Separately, ...': the opening words are no holder."""
    text = f"{opening}, Russia and China said the drills were defensive."
    assert [claim.attribution.holder for claim in sentence_claims(text)] == ["russia", "prc"]


def test_a_byte_order_mark_hides_no_dateline() -> None:
    """'\\ufeffSEOUL (Yonhap) -- Kim said ...': Yonhap relays, and the quote, a span of the text, has no mark."""
    text = "\ufeffSEOUL (Yonhap) -- Kim said talks would resume."
    [claim] = sentence_claims(text)
    evidence = claim.evidence[0]
    assert claim.attribution.holder == "kim-jong-un"
    assert "yonhap" in claim.attribution.via
    assert evidence.quote == text[evidence.start : evidence.end] == "Kim said talks would resume."


def test_a_zero_width_space_in_a_name_makes_no_new_holder() -> None:
    """'Lav\\u200brov said ...' is Sergey Lavrov; the quote keeps the stored text, the statement shows no mark."""
    text = "Lav\u200brov said talks would resume."
    [claim] = sentence_claims(text)
    assert claim.attribution.holder == "sergey-lavrov"
    assert claim.evidence[0].quote == text
    assert "\u200b" not in claim.statement


def test_both_apostrophes_give_one_id() -> None:
    """'Lavrov’s deputy' and 'Lavrov's deputy' are the same anonymous holder."""
    text = "Lavrov’s deputy said talks would resume. Lavrov's deputy said the visit was useful."
    assert [claim.attribution.holder for claim in sentence_claims(text)] == ["t:lavrov-s-deputy"] * 2


def reading(text: str) -> tuple[str, Polarity, Certainty]:
    """(holder, polarity, certainty) of a one-sentence article's only claim."""
    [claim] = sentence_claims(text)
    return claim.attribution.holder, claim.polarity, claim.certainty


def test_not_a_single_official_is_no_holder_and_denies() -> None:
    """'Not a single official confirmed the visit' is as 'Nobody confirmed': the outlet's voice, denied."""
    assert reading("Not a single official confirmed the visit.") == ("daily-wire", Polarity.DENIED, Certainty.CERTAIN)


def test_nothing_suggests_is_no_holder_and_no_commitment() -> None:
    """'Nothing suggests Kim attended' is 'no evidence that': nobody holds it; uncommitted, not a denial (Uu)."""
    expected = ("daily-wire", Polarity.AFFIRMED, Certainty.UNCOMMITTED)
    assert reading("Nothing suggests Kim attended.") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kim attended, not Putin.",
        "Kim attended, but not Putin.",
        "Not only did Kim attend, he spoke.",
        "Kim did not only attend, he spoke.",
        "Nobody doubts that Kim attended.",
        "No one denied that Kim attended.",
        "Seoul said it was not the first time Pyongyang had fired missiles.",
        "Russia no longer denies the presence of North Korean troops.",
        "Kim never misses a parade.",
        "Kim never fails to attend the parade.",
    ],
)
def test_a_negation_that_denies_nothing_leaves_the_claim_affirmed(text: str) -> None:
    """A contrast (', not Putin'), 'not only', a negated doubt ('Nobody doubts that X'), 'not the first time',
    'no longer denies' and 'never misses' affirm X."""
    assert reading(text)[1] is Polarity.AFFIRMED


def test_no_longer_denying_is_the_subject_s_saying() -> None:
    """'Russia no longer denies X' is Russia's, affirmed: it acknowledges X."""
    assert reading("Russia no longer denies the presence of North Korean troops.")[:2] == ("russia", Polarity.AFFIRMED)


@pytest.mark.parametrize("text", ["Russia no longer sends troops.", "Kim never attended a parade."])
def test_no_longer_and_never_alone_still_deny(text: str) -> None:
    """'no longer' and 'never' before any other verb deny as before."""
    assert reading(text)[1] is Polarity.DENIED


def test_a_plain_negation_still_denies() -> None:
    """'Kim did not attend, officials said' stays a denial: the narrower cues leave 'not' alone."""
    assert reading("Kim did not attend, officials said.")[1] is Polarity.DENIED


def test_a_subject_in_scare_quotes_is_the_holder() -> None:
    """'The “experts” said Kim attended' is held by the experts, an anonymous group, not by Kim."""
    result = drafted("The “experts” said Kim attended.")
    [claim] = result.claims
    [experts] = [entity for entity in result.entities if entity.id == claim.attribution.holder]
    assert claim.attribution.holder == "t:the-experts"
    assert experts.anonymous


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("Kim, who said talks would resume, attended the parade.", "kim-jong-un"),
        ("The man who said talks would resume is Kim.", "t:the-man"),
    ],
)
def test_a_relative_pronoun_is_no_holder(text: str, holder: str) -> None:
    """'Kim, who said ...' is Kim's saying; no entity is ever 'who'."""
    result = drafted(text)
    assert [claim.attribution.holder for claim in result.claims if "-office-" not in claim.id] == [holder]
    assert not any(entity.name.casefold().endswith("who") for entity in result.entities)


def test_according_to_without_a_comma_keeps_the_holder() -> None:
    """'According to KCNA Kim attended.' is KCNA's: the holder ends where the next name begins."""
    assert reading("According to KCNA Kim attended.")[0] == "kcna"


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("According to North Korean leader Kim Jong Un the test succeeded.", "kim-jong-un"),
        ("According to ministry spokesperson Mao Ning the talks were useful.", "mao-ning"),
        ("According to Kremlin spokesman Dmitry Peskov the talks were useful.", "dmitry-peskov"),
        ("According to South Korean officials North Korea fired two missiles.", "t:south-korean-officials"),
    ],
)
def test_according_to_without_a_comma_gives_a_title_to_the_name_after_it(text: str, holder: str) -> None:
    """A one-person title before a name belongs to the name; a plural descriptor ends the holder."""
    assert reading(text)[0] == holder


def test_according_to_an_institution_without_a_comma_ends_at_its_last_word() -> None:
    """'According to the Korean Central News Agency Kim attended.' is KCNA's: the name ends at 'Agency'."""
    assert reading("According to the Korean Central News Agency Kim attended.")[0] == "kcna"


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("Kim Jong Un, Putin's ally, said talks would resume.", "kim-jong-un"),
        ("Choe, Lavrov's counterpart, said talks would resume.", "choe-son-hui"),
        ("Lavrov, meanwhile, said Russia sent troops.", "sergey-lavrov"),
        ("Lavrov, however, said Russia would send troops.", "sergey-lavrov"),
        ("Mao Ning, spokesperson, said talks would resume.", "mao-ning"),
        ("Kim, 41, said talks would resume.", "kim-jong-un"),
        ("Lavrov, 75, said talks would resume.", "sergey-lavrov"),
    ],
)
def test_words_between_commas_never_speak(text: str, holder: str) -> None:
    """A possessive description, a connective, a role or an age between commas leave the name before them certain."""
    assert reading(text) == (holder, Polarity.AFFIRMED, Certainty.CERTAIN)


@pytest.mark.parametrize(
    "text", ["'We will respond firmly,' Lavrov said.", "'Lavrov's visit was useful,' Lavrov said."]
)
def test_straight_single_quotes_make_a_direct_quote(text: str) -> None:
    """'...,' Lavrov said is Lavrov's direct quote, an apostrophe inside the quotation or not."""
    [claim] = sentence_claims(text)
    assert (claim.attribution.holder, claim.attribution.mode) == ("sergey-lavrov", Mode.DIRECT_QUOTE)


def test_an_apostrophe_opening_a_word_is_no_quotation() -> None:
    """'In the '90s, Kim said ...' is a paraphrase: a lone ' quotes nothing."""
    [claim] = sentence_claims("In the '90s, Kim said talks would resume.")
    assert claim.attribution.mode is Mode.PARAPHRASE


def test_sources_told_an_agency_relays_through_it() -> None:
    """'Sources told Reuters that Kim attended' is the sources', via Reuters."""
    [claim] = sentence_claims("Sources told Reuters that Kim attended.")
    assert (claim.attribution.holder, claim.attribution.via) == ("t:sources", ("daily-wire", "reuters"))


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        (
            "The official, who declined to be named because he was not authorized to speak to the media, "
            "said talks would resume.",
            "t:the-official",
        ),
        ("Seoul, which has no nuclear weapons, said the test was a threat.", "rok"),
        ("Lavrov, who never misses a summit, said talks would resume.", "sergey-lavrov"),
    ],
)
def test_a_negation_in_the_words_naming_the_speaker_denies_nothing(text: str, holder: str) -> None:
    """'Seoul, which has no nuclear weapons, said X' affirms X: the negation is in who speaks, not in what is said."""
    assert reading(text) == (holder, Polarity.AFFIRMED, Certainty.CERTAIN)


def test_a_verb_of_saying_in_a_clause_about_an_object_names_no_holder() -> None:
    """'Pyongyang has not confirmed the visit, which Seoul reported' reads as its main clause, not Seoul's denial."""
    sentence = "Pyongyang has not confirmed the visit, which Seoul reported on Monday."
    assert reading(sentence) == reading("Pyongyang has not confirmed the visit.")
    assert reading(sentence)[0] == "daily-wire"


@pytest.mark.parametrize(
    "text",
    [
        '"We will sternly respond to any provocation," JCS spokesperson Col. Lee Sung-jun told a regular briefing, '
        "adding that no damage had been reported.",
        "Lavrov said Russia would send troops, adding that no decision had been made.",
    ],
)
def test_a_negation_in_what_the_speaker_adds_leaves_the_claim_affirmed(text: str) -> None:
    """', adding that no damage had been reported' is another claim: the quote before it stays affirmed."""
    assert reading(text)[1] is Polarity.AFFIRMED


def test_a_negation_before_what_the_speaker_adds_still_denies() -> None:
    """'Russia did not send troops, Lavrov said, adding that Choe agreed.' is denied by its own 'not'."""
    assert reading("Russia did not send troops, Lavrov said, adding that Choe agreed.")[1] is Polarity.DENIED


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        (
            'Kremlin spokesman Dmitry Peskov told reporters the talks were useful.\n\n"This is a matter for the '
            'defence ministry," Peskov said.',
            "dmitry-peskov",
        ),
        (
            "Ministry spokesman Ivan Petrovsky said talks were useful.\n\nPetrovsky said the visit was brief.",
            "ivan-petrovsky",
        ),
    ],
)
def test_a_surname_alone_is_the_person_named_before(text: str, holder: str) -> None:
    """'Peskov said' after 'Dmitry Peskov' is Dmitry Peskov, no second entity; a proposed person gets the alias."""
    result = drafted(text)
    assert [claim.attribution.holder for claim in result.claims if "-office-" not in claim.id] == [holder, holder]
    proposed = [entity for entity in result.entities if entity.kind is factlog.EntityKind.PERSON]
    assert all(entity.id == holder for entity in proposed)
    registry = {entity.id for entity in REGISTRY.entities}
    assert all(entity.name.split()[-1] in entity.aliases for entity in proposed if entity.id not in registry)


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("It remains unconfirmed that Kim attended.", "daily-wire"),
        ("The report is still unverified.", "daily-wire"),
        ("The ministry said it had no information on whether the drones carried cameras.", "t:the-ministry"),
        ("Moscow neither confirmed nor denied the report.", "russia"),
        ("Moscow did not confirm or deny the report.", "russia"),
        ("The spokesman refused to confirm the visit.", "t:the-spokesman"),
        ("Lavrov declined to confirm the visit.", "sergey-lavrov"),
    ],
)
def test_words_that_commit_to_neither_side_are_uncommitted_and_deny_nothing(text: str, holder: str) -> None:
    """'neither confirmed nor denied', 'refused to confirm', 'remains unconfirmed': uncommitted, affirmed, held
    by whoever will not say."""
    assert reading(text) == (holder, Polarity.AFFIRMED, Certainty.UNCOMMITTED)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("North and South Korea said talks would resume.", ["dprk", "rok"]),
        ("Kim and Choe Son-hui said talks would resume.", ["kim-jong-un", "choe-son-hui"]),
    ],
)
def test_a_head_written_once_is_shared_by_the_words_before_it(text: str, expected: list[str]) -> None:
    """'North and South Korea' is North Korea and South Korea (it was an entity 'north'); 'Kim and Choe Son-hui'
    shares nothing, 'Kim Son-hui' being no registry name."""
    assert [claim.attribution.holder for claim in sentence_claims(text)] == expected
    assert "north" not in {entity.id for entity in drafted(text).entities}
