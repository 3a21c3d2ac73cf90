"""Who speaks and through whom: words between commas, citations, trailing relays, possessives, negated saying."""

from __future__ import annotations

import pytest

import factlog


def _draft(text: str) -> factlog.ClaimSet:
    return factlog.draft(text, source="post", published="2026-05-12", publisher="Harbour Post")


def _chain(text: str) -> list[str]:
    """The first claim's relays after the outlet, then its holder, by entity name."""
    drafted = _draft(text)
    attribution = drafted.claims[0].attribution
    return [drafted.entity_by_id[entity].name for entity in (*attribution.via[1:], attribution.holder)]


@pytest.mark.parametrize(
    ("sentence", "chain"),
    [
        ("KCNA, citing Yonhap, said talks would resume.", ["KCNA", "Yonhap"]),
        ("Lee, speaking on condition of anonymity, said talks would resume.", ["Lee"]),
        ("Kim, the “supreme leader,” said talks would resume.", ["Kim"]),
        ("Mao Ning, a Foreign Ministry spokesperson, said China would help.", ["Mao Ning"]),
        (
            "The report, carried by Yonhap citing an unnamed government source, said talks would resume.",
            ["Yonhap", "an unnamed government source"],
        ),
        (
            "Rodong Sinmun, citing KCNA, which cited Yonhap, said talks would resume.",
            ["Rodong Sinmun", "KCNA", "Yonhap"],
        ),
    ],
)
def test_words_between_commas_after_the_speaker_describe_or_relay_and_never_speak(
    sentence: str, chain: list[str]
) -> None:
    """'X, <apposition or participle>, said Y': X speaks (or whom X cites), never the clause Y after the verb."""
    assert _chain(sentence) == chain


@pytest.mark.parametrize(
    ("sentence", "chain"),
    [
        ("Kim said talks would resume, according to KCNA.", ["KCNA", "Kim"]),
        ("Kim said talks would resume, KCNA reported, citing Yonhap.", ["KCNA", "Yonhap", "Kim"]),
        (
            "Yonhap reported, citing an unnamed government source, that talks would resume.",
            ["Yonhap", "an unnamed government source"],
        ),
        ("Talks would resume, said KCNA, which cited Yonhap.", ["KCNA", "Yonhap"]),
        ("Talks would resume, according to KCNA, citing Yonhap.", ["KCNA", "Yonhap"]),
        ("The ministry said in a statement that talks would resume, which cited Yonhap.", ["The ministry", "Yonhap"]),
    ],
)
def test_relays_before_or_after_the_speaker_are_kept_outermost_first(sentence: str, chain: list[str]) -> None:
    """A trailing 'according to X', 'X reported, citing Y' and 'which cited Y' are relays, not dropped."""
    assert _chain(sentence) == chain


def test_a_clause_after_an_inverted_verb_of_saying_is_no_speaker() -> None:
    """'X, a spokesperson, said China would help' is not China's; '..., said talks would resume' names nobody."""
    drafted = _draft("Mao Ning, a Foreign Ministry spokesperson, said China would help.")
    assert drafted.entity_by_id[drafted.claims[0].attribution.holder].name == "Mao Ning"
    assert "talks-would-resume" not in _draft("KCNA, citing Yonhap, said talks would resume.").entity_by_id


def test_a_descriptor_before_a_proper_name_gives_the_name() -> None:
    """'ministry spokesperson Mao Ning' is Mao Ning, not an anonymous group of spokespersons."""
    drafted = _draft("Foreign ministry spokesperson Mao Ning said China would help.")
    holder = drafted.entity_by_id[drafted.claims[0].attribution.holder]
    assert (holder.name, holder.anonymous) == ("Mao Ning", False)


def test_a_persons_relative_is_not_the_person() -> None:
    """'Kim Jong Un's sister said ...' is an unnamed descriptor, speaking for nobody, not Kim Jong Un."""
    registry = factlog.loads(
        '{"format": "factlog", "version": 1, "entities": [{"id": "kim", "name": "Kim Jong Un", "kind": "person"}]}'
    )
    drafted = factlog.draft(
        "Kim Jong Un's sister said talks would resume.", source="post", publisher="Harbour Post", registry=registry
    )
    holder = drafted.entity_by_id[drafted.claims[0].attribution.holder]
    assert holder.id != "kim"
    assert (holder.anonymous, holder.affiliation) == (True, None)


def test_a_longer_name_than_a_registry_alias_is_somebody_else() -> None:
    """'Kim Yo Jong (...) said' with only 'Kim' known as Kim Jong Un's alias is Kim Yo Jong; the aside names nobody."""
    registry = factlog.loads(
        '{"format": "factlog", "version": 1, "entities": [{"id": "kim", "name": "Kim Jong Un", "kind": "person",'
        ' "aliases": ["Kim"]}]}'
    )
    drafted = factlog.draft(
        "Kim Yo Jong (Kim Jong Un's sister) said talks would resume.", source="post", registry=registry
    )
    assert drafted.entity_by_id[drafted.claims[0].attribution.holder].name == "Kim Yo Jong"


@pytest.mark.parametrize("sentence", ["Nobody said talks would resume.", "No official said talks would resume."])
def test_nobody_is_no_holder(sentence: str) -> None:
    """A negative subject says nothing: the outlet's own voice, denied, and no entity named "Nobody"."""
    drafted = _draft(sentence)
    (claim,) = drafted.claims
    assert claim.attribution.holder == "harbour-post"
    assert claim.polarity is factlog.Polarity.DENIED


def test_saying_nothing_asserts_nothing() -> None:
    """'They said nothing.' is no affirmed saying by them: the outlet's voice, denied."""
    (claim,) = _draft("They said nothing.").claims
    assert (claim.attribution.holder, claim.polarity) == ("harbour-post", factlog.Polarity.DENIED)


@pytest.mark.parametrize(
    "sentence",
    [
        "‘Talks will resume next month,’ he told reporters.",
        "«Talks will resume next month», he told reporters.",
        "„Talks will resume next month“, he told reporters.",
    ],
)
def test_single_and_angle_quotation_marks_quote_directly(sentence: str) -> None:
    """‘’, «» and „“ are quotation marks as “” are: a direct quote, and no mark leaks into the holder."""
    drafted = _draft(sentence)
    claim = drafted.claims[0]
    assert claim.attribution.mode is factlog.Mode.DIRECT_QUOTE
    assert all(entity.name[:1] not in "’”»“" for entity in drafted.entities)


def test_an_apostrophe_is_no_closing_quotation_mark() -> None:
    """In ‘Kim Jong Un’s visit ...’ the ’ of "Un’s" stays inside the quotation."""
    drafted = _draft("‘Kim Jong Un’s visit will go ahead,’ a spokesperson told reporters.")
    claim = drafted.claims[0]
    assert claim.attribution.mode is factlog.Mode.DIRECT_QUOTE
    assert drafted.entity_by_id[claim.attribution.holder].name == "a spokesperson"


@pytest.mark.parametrize(
    ("sentence", "certainty", "polarity"),
    [
        ("The ministry did not rule out talks.", "possible", "affirmed"),
        ("The ministry didn't rule out talks.", "possible", "affirmed"),
        ("The ministry has refused to rule out talks.", "possible", "affirmed"),
        ("The ministry could not confirm the report.", "uncommitted", "affirmed"),
        ("Yonhap could not independently verify the report.", "uncommitted", "affirmed"),
        ("The report could not be independently verified.", "uncommitted", "affirmed"),
        ("Kim is believed to have visited Moscow.", "probable", "affirmed"),
        ("Kim is thought to have visited Moscow.", "probable", "affirmed"),
        ("Kim is said to have visited Moscow.", "possible", "affirmed"),
    ],
)
def test_not_ruling_out_and_not_confirming_deny_nothing(sentence: str, certainty: str, polarity: str) -> None:
    """'did not rule out' holds possible; 'could not confirm' is uncommitted; 'is believed to' is probable."""
    (claim,) = _draft(sentence).claims
    assert (claim.certainty.value, claim.polarity.value) == (certainty, polarity)


def test_a_modal_before_a_verb_of_saying_is_no_part_of_the_speaker() -> None:
    """'Officials could confirm ...' is held by 'Officials', not by 'Officials could'."""
    drafted = _draft("Officials could confirm the port was shut.")
    assert drafted.entity_by_id[drafted.claims[0].attribution.holder].name == "Officials"


@pytest.mark.parametrize(
    ("sentence", "chain"),
    [
        ("The ministry, citing safety concerns, said the port was shut.", ["the ministry"]),
        ("Talks will resume, a spokesperson said, according to Yonhap.", ["Yonhap", "a spokesperson"]),
    ],
)
def test_a_citation_of_things_is_no_relay_and_a_relay_after_an_inverted_speaker_is_kept(
    sentence: str, chain: list[str]
) -> None:
    """'citing safety concerns' cites nobody; '..., a spokesperson said, according to Yonhap.' is via Yonhap."""
    assert [name.casefold() for name in _chain(sentence)] == [name.casefold() for name in chain]
