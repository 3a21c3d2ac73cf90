"""What a newcomer's trial of ``factlog draft`` tripped on: lost holders and relays, quotes, headlines, the CLI."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import factlog
from factlog import Claim, ClaimSet, Mode, Polarity
from factlog.drafting import _segment
from tests.drafting.registries import BUNDLED_REGISTRY
from tests.helpers import run

ROOT = Path(__file__).parents[2]
REGISTRY = BUNDLED_REGISTRY


def drafted(text: str) -> ClaimSet:
    """A draft with the bundled registry, published 2025-10-28, by the outlet 'Yonhap'."""
    return factlog.draft(text, source="t", published="2025-10-28", publisher="Yonhap", registry=REGISTRY)


def sentence_claims(text: str) -> list[Claim]:
    """The claims of the sentences, without the office-title claims."""
    return [claim for claim in drafted(text).claims if "-office-" not in claim.id]


def holders(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """(holder, via) of each sentence claim."""
    return [(claim.attribution.holder, claim.attribution.via) for claim in sentence_claims(text)]


def test_holders_joined_by_and_each_hold_the_sentence() -> None:
    """'Both Moscow and Pyongyang have denied ...': a denial by Russia and one by North Korea, same quote."""
    claims = sentence_claims("Both Moscow and Pyongyang have denied these allegations.")
    assert [(c.attribution.holder, c.polarity) for c in claims] == [
        ("russia", Polarity.DENIED),
        ("dprk", Polarity.DENIED),
    ]
    assert len({(c.evidence[0].start, c.evidence[0].end) for c in claims}) == 1
    assert len({c.id for c in claims}) == 2


def test_according_to_two_named_sources_keeps_both() -> None:
    """'According to statements from KCNA and China's Foreign Ministry' gives KCNA and the ministry a claim each."""
    text = (
        "According to statements from North Korea’s state news agency KCNA and China’s Foreign Ministry,"
        " Li will lead a senior Chinese delegation."
    )
    assert holders(text) == [("kcna", ("yonhap",)), ("mfa-prc", ("yonhap",))]


def test_a_name_with_and_inside_is_not_split() -> None:
    """'The Ministry of Trade and Industry', unknown to the registry, stays one proposed holder."""
    [(holder, _)] = holders("The Ministry of Trade and Industry said exports rose.")
    assert holder == "ministry-of-trade-and-industry"


def test_a_quotation_continued_in_the_next_sentence_keeps_its_speaker() -> None:
    """'“We will respond,” Lavrov said. “Nobody should doubt it.”': the second sentence is Lavrov's, quoted."""
    first, second = sentence_claims("“We will respond firmly,” Lavrov said. “Nobody should doubt it.”")
    assert second.attribution.holder == first.attribution.holder == "sergey-lavrov"
    assert second.attribution.via == ("yonhap",)
    assert second.attribution.mode is Mode.DIRECT_QUOTE


def test_a_quotation_alone_in_its_paragraph_is_not_the_outlets_voice() -> None:
    """A quoted sentence with no speaker before it in its paragraph is an unnamed speaker's, never the outlet's."""
    [claim] = sentence_claims("“Nobody should doubt it.”")
    assert claim.attribution.holder != "yonhap"
    assert claim.attribution.mode is Mode.DIRECT_QUOTE


@pytest.mark.parametrize(
    ("headline", "holder", "polarity"),
    [
        ("Pyongyang Fires Missile Into Sea, Seoul Says", "rok", Polarity.AFFIRMED),
        ("Seoul Says Pyongyang Fired Missile", "rok", Polarity.AFFIRMED),
        ("North Korea Denies Supplying Arms to Russia", "dprk", Polarity.DENIED),
    ],
)
def test_a_title_case_headline_names_its_speaker(headline: str, holder: str, polarity: Polarity) -> None:
    """In a headline where every word is capitalised, 'Says' and 'Denies' are cues, not names."""
    [claim] = sentence_claims(headline + "\n\nThe launch was the third this month.")[:1]
    assert (claim.attribution.holder, claim.polarity) == (holder, polarity)


def test_a_capitalised_cue_in_an_ordinary_sentence_is_still_a_name() -> None:
    """Outside a title-case headline, 'Says' inside a sentence stays a name, as before."""
    [(holder, _)] = holders("The film Simon Says opened in Seoul.")
    assert holder == "yonhap"


def test_a_speech_carried_by_an_agency_keeps_the_agency_as_relay() -> None:
    """'Kim Jong Un said in a speech carried by KCNA that ...': Kim, via the outlet and KCNA."""
    text = "Kim Jong Un said in a speech carried by KCNA that the country would keep its weapons."
    assert holders(text) == [("kim-jong-un", ("yonhap", "kcna"))]


def test_a_verb_of_saying_under_negation_names_no_speaker() -> None:
    """'Pyongyang has yet to confirm the launch, according to Reuters': Reuters says so; Pyongyang said nothing."""
    [claim] = sentence_claims("Pyongyang has yet to confirm the launch, according to Reuters.")
    assert claim.attribution.holder == "reuters"
    assert claim.polarity is Polarity.DENIED


def test_the_cli_takes_one_registry_path_a_flag_repeated(tmp_path: Path) -> None:
    """`--registry sources/entities.json --registry sources/vocabulary.json`, as docs/draft.md writes it, reads both."""
    article = tmp_path / "a.txt"
    article.write_text("Earlier this year, Zhao Leji visited Pyongyang.", encoding="utf-8")
    output = tmp_path / "a.json"
    registry = [str(ROOT / "sources" / name) for name in ("entities.json", "vocabulary.json")]
    flags = [part for path in registry for part in ("--registry", path)]
    result = run("draft", "--source", "a", "--published", "2025-10-08", *flags, str(article), "-o", str(output))
    assert result.returncode == 0, result.stderr
    [claim] = factlog.load(output).claims
    assert claim.proposition is not None
    assert claim.proposition.predicate == "visits"


def test_the_cli_says_a_missing_article_is_missing(tmp_path: Path) -> None:
    """A mistyped article name exits 3 saying there is no such file, once, not 'not a regular file'."""
    missing = tmp_path / "nope.txt"
    result = run("draft", str(missing), "--source", "a", "-o", str(tmp_path / "a.json"))
    assert result.returncode == 3
    assert result.stderr == f"error: {missing}: No such file or directory\n"


def test_the_cli_creates_the_output_folder(tmp_path: Path) -> None:
    """`-o drafts/a.json` where drafts/ does not exist yet creates it, with the text beside the claims."""
    article = tmp_path / "a.txt"
    article.write_text("Kim visited Moscow.", encoding="utf-8")
    output = tmp_path / "drafts" / "a.json"
    result = run("draft", str(article), "--source", "a", "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert run("check", str(output)).returncode == 0


def test_without_pysbd_the_error_says_how_to_install_from_a_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    """The missing-segmenter error names the [draft] extra installed from the checkout, not a package index."""
    monkeypatch.setitem(sys.modules, "pysbd", None)
    _segment._segmenter.cache_clear()
    try:
        with pytest.raises(factlog.InputError, match=r"pip install '\.\[draft\]'"):
            _segment.sentences("Kim visited Moscow. He left.")
    finally:
        _segment._segmenter.cache_clear()


def test_draft_without_pysbd_is_one_line_in_the_words_report_uses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`factlog draft` without the [draft] extra: one error line naming it as `report` names its own, exit 3."""
    article = tmp_path / "a.txt"
    article.write_text("Kim visited Moscow. He left.", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "pysbd", None)
    _segment._segmenter.cache_clear()
    try:
        ran = run("draft", str(article), "--source", "a", "-o", str(tmp_path / "a.json"))
    finally:
        _segment._segmenter.cache_clear()
    assert (ran.returncode, ran.stdout) == (3, "")
    assert ran.stderr == (
        "error: factlog draft needs pysbd, in the [draft] extra of factlog-claims:"
        " pip install '.[draft]' in a checkout of factlog\n"
    )


def test_a_holder_named_like_a_new_publisher_is_that_publisher() -> None:
    """'..., according to Yonhap' in an article published by Yonhap (not in the registry) is Yonhap, not a twin."""
    claims = drafted("Pyongyang has yet to confirm the launch, according to Yonhap.")
    assert claims.claims[0].attribution.holder == "yonhap"
    assert [entity.id for entity in claims.entities if entity.name == "Yonhap"] == ["yonhap"]


def test_a_speaker_inside_according_to_is_the_holder() -> None:
    """'According to KCNA, Kim Jong Un said ...': Kim holds it, through the outlet and KCNA."""
    assert holders("According to KCNA, Kim Jong Un said the tests would continue.") == [
        ("kim-jong-un", ("yonhap", "kcna"))
    ]
    assert holders("According to KCNA, the tests will continue.") == [("kcna", ("yonhap",))]


def test_a_quotation_then_its_speaker_is_a_direct_quote() -> None:
    """'“Ties will deepen,” a spokesperson told a regular briefing.' is a direct quote, however long the tail."""
    [claim] = sentence_claims(
        "“The visit will deepen ties,” Chinese Foreign Ministry spokesperson Mao Ning told a regular briefing."
    )
    assert claim.attribution.mode is Mode.DIRECT_QUOTE


def test_registry_paths_after_one_flag_are_not_taken_for_the_article(tmp_path: Path) -> None:
    """`--registry A B ARTICLE` (the article after the flag): a usage error saying to repeat --registry, no draft."""
    article = tmp_path / "a.txt"
    article.write_text("Earlier this year, Zhao Leji visited Pyongyang.", encoding="utf-8")
    registry = [str(ROOT / "sources" / name) for name in ("entities.json", "vocabulary.json")]
    result = run("draft", "--source", "a", "--registry", *registry, str(article), "-o", str(tmp_path / "a.json"))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"factlog draft: error: one ARTICLE, not 2 ({registry[1]}, {article}): --registry takes one path;"
        " repeat it for each file (--registry entities.json --registry vocabulary.json)\n"
    )
    assert not (tmp_path / "a.json").exists()
