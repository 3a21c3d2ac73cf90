"""Drafting: every sentence a claim, attribution and certainty from the cue table, a file check accepts."""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import re
import unicodedata
from pathlib import Path

import attrs
import pytest
from hypothesis import given

import factlog
from factlog import Certainty, Claim, ClaimSet, Entity, EntityKind, Mode, Polarity
from factlog.drafting._cues import CUES, CueKind
from factlog.drafting._segment import sentences
from tests.conftest import FreshImport
from tests.drafting.registries import BUNDLED_REGISTRY
from tests.helpers import run
from tests.strategies import news_texts
from tools import draft_figures

ROOT = Path(__file__).parents[2]
REGISTRY = BUNDLED_REGISTRY


def drafted(text: str, **options: object) -> ClaimSet:
    """A draft with the bundled registry, published 2025-10-08, by the outlet 'Daily Wire'."""
    settings: dict[str, object] = {"source": "article", "published": "2025-10-08", "publisher": "Daily Wire"}
    settings.update(options)
    return factlog.draft(text, registry=REGISTRY, **settings)  # type: ignore[arg-type]


def only(text: str) -> Claim:
    """The one sentence claim of a one-sentence text."""
    [claim] = [claim for claim in drafted(text).claims if "-office-" not in claim.id]
    return claim


def test_abbreviations_and_headlines_keep_sentences_whole() -> None:
    """'U.S.', 'Oct.' and 'p.m.' end no sentence; a headline line is a sentence of its own."""
    text = (
        "Envoy Arrives in Seoul\n\nThe U.S. envoy arrived on Oct. 9 at 3 p.m. He met Kim."
        " \u201cWe are ready,\u201d he said."
    )
    found = [text[start:end] for start, end in sentences(text)]
    assert found == [
        "Envoy Arrives in Seoul",
        "The U.S. envoy arrived on Oct. 9 at 3 p.m.",
        "He met Kim.",
        "\u201cWe are ready,\u201d he said.",
    ]


def test_every_sentence_is_a_claim_with_its_exact_span() -> None:
    """Each sentence, the headline included, is a claim whose quote is the text at its span."""
    text = (ROOT / "sources" / "choe-moscow" / "document.txt").read_text(encoding="utf-8")
    claims = [claim for claim in drafted(text).claims if "-office-" not in claim.id and "-holder-" not in claim.id]
    assert len(claims) == len(sentences(text))
    assert claims[0].statement.startswith("North Korean Foreign Minister Choe Son-hui Visits Russia")
    for claim in claims:
        [evidence] = claim.evidence
        assert text[evidence.start : evidence.end] == evidence.quote


def test_the_document_is_recorded_with_its_sha256() -> None:
    """The source names the document file and the SHA-256 of the text's UTF-8 bytes."""
    [source] = drafted("Kim visited Moscow.", document="story.txt").sources
    assert (source.document, source.sha256) == ("story.txt", hashlib.sha256(b"Kim visited Moscow.").hexdigest())


def test_no_cue_is_the_outlets_own_voice() -> None:
    """A sentence without a reporting cue is held by the publisher, asserted, with no relays."""
    claim = only("Kim Jong Un traveled to Beijing in September.")
    assert (claim.attribution.holder, claim.attribution.via, claim.attribution.mode) == (
        "daily-wire",
        (),
        Mode.ASSERTED,
    )


def test_according_to_citing_gives_holder_and_relays_outermost_first() -> None:
    """'according to state media reports citing KCNA': KCNA holds it, via the outlet and state media."""
    claim = only("Kim did not attend the launch, according to state media reports citing KCNA.")
    assert (claim.attribution.holder, claim.attribution.via) == ("kcna", ("daily-wire", "state-media"))


def test_a_statement_carried_by_is_a_relay() -> None:
    """'X said in a statement carried by KCNA': X holds it, via the outlet and KCNA."""
    claim = only("The Chinese government said in a statement carried by KCNA that ties are strong.")
    assert (claim.attribution.holder, claim.attribution.via) == ("prc", ("daily-wire", "kcna"))


def test_a_trailing_speaker_holds_the_sentence() -> None:
    """'..., Lavrov said.' makes Lavrov the holder of what comes before."""
    claim = only("The talks were productive, Lavrov said.")
    assert (claim.attribution.holder, claim.attribution.mode) == ("sergey-lavrov", Mode.PARAPHRASE)


def test_names_resolve_case_insensitively_after_nfc() -> None:
    """A registry name matches in another case and in decomposed Unicode ('Pyongyang' as written anyhow)."""
    registry = ClaimSet(
        entities=(Entity(id="ministry", name="Ministère des Affaires étrangères", kind=EntityKind.OTHER),)
    )
    text = unicodedata.normalize("NFD", "MINISTÈRE DES AFFAIRES ÉTRANGÈRES said the talks went well.")
    claims = factlog.draft(text, source="s", registry=registry)
    assert claims.claims[0].attribution.holder == "ministry"


def test_an_unknown_named_holder_becomes_a_proposed_entity() -> None:
    """A name the registry lacks is a new entity whose notes say it was proposed."""
    claims = drafted("Jane Doe said the ceasefire would hold.")
    holder = claims.entity_by_id[claims.claims[0].attribution.holder]
    assert (holder.id, holder.kind, holder.anonymous) == ("jane-doe", EntityKind.PERSON, False)
    assert "Proposed by factlog draft" in (holder.notes or "")


def test_a_vague_holder_is_anonymous_and_keeps_its_count() -> None:
    """'two people familiar with the matter' is an anonymous group with a stated count of 2."""
    claims = drafted("Two people familiar with the matter said the talks had stalled.")
    holder = claims.entity_by_id[claims.claims[0].attribution.holder]
    assert holder.anonymous
    assert holder.name == "Two people familiar with the matter"
    assert "stated count: 2" in (holder.notes or "")


def test_a_single_vague_holder_is_an_anonymous_person() -> None:
    """'a senior official' is one anonymous person."""
    claims = drafted("A senior official said the visit was planned.")
    holder = claims.entity_by_id[claims.claims[0].attribution.holder]
    assert (holder.kind, holder.anonymous, "stated count: 1" in (holder.notes or "")) == (EntityKind.PERSON, True, True)


@pytest.mark.parametrize(
    ("sentence", "certainty"),
    [
        ("Analysts said North Korea may be supplying shells.", "may"),
        ("North Korea reportedly sent troops to Kursk.", "reportedly"),
        ("Choe is expected to meet Lavrov.", "expected"),
        ("Observers speculate that the visit was planned.", "possible"),
        ("Kim appears to favour closer ties.", "probable"),
        ("Kim visited Beijing.", "certain"),
    ],
)
def test_hedges_lower_certainty_as_the_scale_reads_them(sentence: str, certainty: str) -> None:
    """The certainty of a hedged sentence is the band Certainty.parse gives the hedge word."""
    assert only(sentence).certainty is Certainty.parse(certainty)


def test_every_cue_that_is_a_scale_word_has_the_scales_band() -> None:
    """One word, one band: a cue alternative that Certainty.parse reads gets exactly that band."""
    for cue in CUES:
        for word in cue.words.split("|"):
            if re.fullmatch(r"[a-z]+", word) is None:
                continue
            try:
                band = Certainty.parse(word)
            except factlog.ScaleError:
                continue
            assert cue.band is band, (cue.words, word)


@pytest.mark.parametrize(
    "sentence",
    [
        "Moscow has denied the allegations.",
        "Pyongyang dismissed the report.",
        "Kim Jong Un did not attend the parade.",
        "The last high-level Chinese visit occurred in 2019.",
    ],
)
def test_denials_and_negation_set_polarity(sentence: str) -> None:
    """Denial verbs, negation and 'the last X was in Y' make the claim a denial."""
    assert only(sentence).polarity is Polarity.DENIED


def test_negation_in_a_concessive_clause_leaves_the_sentence_affirmed() -> None:
    """'even though he no longer holds office' does not deny the main clause."""
    assert only("Trump's visit holds weight, even though he no longer holds office.").polarity is Polarity.AFFIRMED


def test_quotation_marks_make_a_direct_quote() -> None:
    """A sentence mostly in quotation marks, with a speaker, is a direct quote."""
    claim = only(
        "\u201cNorth Korea is trying to show it has leverage,\u201d according to a Seoul-based security analyst."
    )
    assert (claim.attribution.mode, claim.attribution.holder) == (Mode.DIRECT_QUOTE, "seoul-security-analyst")


def test_a_visit_is_proposed_with_the_resolved_relative_time() -> None:
    """'Earlier this year, Zhao Leji visited Pyongyang' proposes a visit from 1 January to the article's date."""
    claim = only("Earlier this year, Zhao Leji visited Pyongyang.")
    assert claim.proposition is not None
    proposition = claim.proposition
    assert (proposition.subject, proposition.predicate, proposition.object) == ("zhao-leji", "visits", "dprk")
    assert str(proposition.when) == "2025-01-01/2025-10-08"


def test_former_office_titles_are_denied_office_claims() -> None:
    """'Former U.S. President Donald Trump' proposes that Trump does not hold the office now."""
    claims = drafted("Former U.S. President Donald Trump arrived in Seoul.").claims
    [office] = [claim for claim in claims if "-office-" in claim.id]
    assert office.proposition is not None
    assert (office.proposition.subject, office.proposition.object, office.polarity) == (
        "donald-trump",
        "us-president",
        Polarity.DENIED,
    )


def test_no_proposition_without_the_vocabulary() -> None:
    """Without predicates in the registry, claims are statements only."""
    claims = factlog.draft(
        "Zhao Leji visited Pyongyang.", source="s", registry=factlog.load(ROOT / "sources/entities.json")
    )
    assert all(claim.proposition is None for claim in claims.claims)


def test_a_bad_source_id_is_an_input_error() -> None:
    """A source id that is no id is refused with a FactlogError, not a bare ValueError."""
    with pytest.raises(factlog.InputError, match="source"):
        factlog.draft("Text.", source="Not An Id")


def test_drafted_claims_are_marked_and_the_mark_round_trips() -> None:
    """Every drafted claim carries draft; dumped and loaded, the mark stays."""
    claims = drafted("Kim visited Moscow. Lavrov said talks went well.")
    assert all(claim.draft for claim in claims.claims)
    assert factlog.loads(factlog.dumps(claims), references=False) == claims


def test_the_draft_mark_is_omitted_when_false() -> None:
    """A reviewed claim's JSON has no draft key."""
    claims = drafted("Kim visited Moscow.")
    reviewed = ClaimSet(claims=tuple(attrs.evolve(c, draft=False) for c in claims.claims))
    assert '"draft"' not in factlog.dumps(reviewed)


def test_check_reports_unreviewed_drafts_once_per_source() -> None:
    """One warning per drafted source lists its marked claims; clearing the marks clears it."""
    claims = drafted("Kim visited Moscow. Lavrov said talks went well.")
    findings = factlog.check(claims).by_rule("unreviewed_draft")
    assert [(f.severity, f.sides["drafted"]) for f in findings] == [
        (factlog.Severity.WARNING, ("article-001", "article-002"))
    ]
    reviewed = ClaimSet(
        entities=claims.entities,
        predicates=claims.predicates,
        sources=claims.sources,
        claims=tuple(attrs.evolve(c, draft=False) for c in claims.claims),
    )
    assert factlog.check(reviewed).by_rule("unreviewed_draft") == []


@given(news_texts())
def test_any_text_drafts_to_a_set_that_loads_and_checks_without_error(text: str) -> None:
    """Generated text drafts without raising anything but a FactlogError; the draft loads and has no error."""
    try:
        claims = drafted(text)
    except factlog.FactlogError:
        return
    reloaded = factlog.loads(factlog.dumps(claims), references=True)
    report = factlog.check(ClaimSet(entities=reloaded.entities, predicates=reloaded.predicates, claims=reloaded.claims))
    assert not report.failed(factlog.Severity.ERROR), [f.message for f in report.findings]


def test_the_cli_drafts_the_bundled_article_into_a_file_check_accepts(tmp_path: Path) -> None:
    """`factlog draft ... --registry sources/entities.json` writes claims and text that `factlog check` accepts."""
    output = tmp_path / "li.json"
    article = ROOT / "sources" / "li-qiang-visit" / "document.txt"
    result = run(
        "draft", str(article), "--source", "li-qiang-visit", "--registry", "sources/entities.json", "-o", str(output)
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "li-qiang-visit.txt").read_bytes() == article.read_bytes()
    checked = run("check", str(output))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "unreviewed_draft" in checked.stdout


def test_the_cli_refuses_text_that_is_not_utf8(tmp_path: Path) -> None:
    """An article that is not UTF-8 is unreadable input: exit 3 with the file named."""
    article = tmp_path / "bad.txt"
    article.write_bytes(b"\xff\xfe caf\xe9")
    result = run("draft", str(article), "--source", "bad", "-o", str(tmp_path / "out.json"))
    assert (result.returncode, str(article) in result.stderr) == (3, True)


def test_import_factlog_does_not_load_the_segmenter(fresh_import: FreshImport) -> None:
    """pysbd is imported only when a text is drafted."""
    assert "pysbd" not in fresh_import.modules


def test_the_figures_in_docs_are_current() -> None:
    """docs/draft.md holds the figures and cue table `python -m tools.draft_figures docs` writes."""
    text = (ROOT / "docs" / "draft.md").read_text(encoding="utf-8")
    assert draft_figures.fill(text, "draft-figures", draft_figures.figures_table()) == text
    assert draft_figures.fill(text, "draft-cues", draft_figures.cue_table()) == text


def test_the_bundled_corpus_meets_the_targets() -> None:
    """On the bundled articles: all text covered, holder ≥ 90 %, polarity ≥ 95 %, certainty ≥ 85 %."""
    [bundled] = [f for name, _, f in draft_figures.figures() if name == "**bundled**"]
    assert bundled.covered == bundled.characters
    assert bundled.holder >= 0.90 * bundled.referenced
    assert bundled.polarity >= 0.95 * bundled.referenced
    assert bundled.certainty >= 0.85 * bundled.referenced


def test_held_out_articles_are_summed_apart_from_the_tuned_ones() -> None:
    """Each held-out total sums its own set's articles alone, and the tuned total none of them."""
    rows = draft_figures.figures()
    articles = {name: (corpus, f) for name, corpus, f in rows if not name.startswith("**")}
    totals = {name.strip("*"): f for name, _, f in rows if name.startswith("**")}
    for total, corpora in (
        ("held-out", {"held-out"}),
        ("held-out 2", {"held-out 2"}),
        ("held-out 3", {"held-out 3"}),
        ("tuned", {"bundled", "added"}),
    ):
        assert totals[total].sentences == sum(f.sentences for corpus, f in articles.values() if corpus in corpora)
    assert {corpus for corpus, _ in articles.values()} == {"bundled", "added", "held-out", "held-out 2", "held-out 3"}


def _relay_article(tmp_path: Path, via: list[str]) -> draft_figures.Figures:
    """Figures of "Peskov told TASS that talks would resume." against a hand claim relayed by ``via``."""
    (tmp_path / "document.txt").write_text("Peskov told TASS that talks would resume.\n", encoding="utf-8")
    hand = {
        "format": "factlog",
        "version": 1,
        "entities": [
            {"id": "paper", "name": "the paper", "kind": "media-outlet"},
            {"id": "peskov", "name": "Peskov", "kind": "person"},
            {"id": "tass", "name": "TASS", "kind": "media-outlet"},
        ],
        "sources": [{"id": "story", "title": "Talks", "publisher": "paper", "published": "2026-03-03"}],
        "claims": [
            {
                "id": "story-h01",
                "statement": "Peskov told TASS that talks would resume.",
                "attribution": {"holder": "peskov", "via": via},
                "evidence": [
                    {"source": "story", "quote": "Peskov told TASS that talks would resume.", "start": 0, "end": 41}
                ],
            }
        ],
    }
    (tmp_path / "claims.json").write_text(json.dumps(hand), encoding="utf-8")
    return draft_figures.article_figures("story", str(tmp_path), draft_figures.BUNDLED)


def test_relays_agree_only_with_the_hand_encodings_relays_in_order(tmp_path: Path) -> None:
    """A drafted relay chain agrees with the hand claim's via, outermost first, and with no other."""
    agreeing = _relay_article(tmp_path, ["paper", "tass"])
    assert (agreeing.referenced, agreeing.holder, agreeing.relays) == (1, 1, 1)
    for other in (["paper"], ["tass", "paper"], ["paper", "tass", "tass"]):
        assert _relay_article(tmp_path, other).relays == 0


def test_cue_kinds_are_all_used() -> None:
    """Every kind of cue has at least one entry in the table."""
    assert {cue.kind for cue in CUES} == set(CueKind)


def test_a_draft_names_every_predicate_its_predicates_name(tmp_path: Path) -> None:
    """A drafted office title brings holds-office with no-longer-holds-office, so the file loads on its own."""
    text = "Former U.S. President Donald Trump arrived in Seoul."
    factlog.write_draft(drafted(text), text, tmp_path / "claims.json")
    loaded = factlog.load(tmp_path / "claims.json")
    assert {"holds-office", "no-longer-holds-office"} <= {predicate.id for predicate in loaded.predicates}


def test_write_draft_makes_a_missing_folder_as_the_command_does(tmp_path: Path) -> None:
    """A draft written into folders that do not exist yet makes them and writes both files there."""
    text = "Former U.S. President Donald Trump arrived in Seoul."
    target = tmp_path / "new" / "deeper" / "claims.json"
    factlog.write_draft(drafted(text), text, target)
    assert factlog.load(target).claims
    (document,) = {source.document for source in factlog.load(target).sources if source.document is not None}
    assert (target.parent / document).read_text(encoding="utf-8") == text


def test_write_draft_below_a_file_is_an_input_error_naming_it(tmp_path: Path) -> None:
    """A folder that cannot be made (a file stands in its place) is an InputError naming that path."""
    (tmp_path / "taken").write_text("a file", encoding="utf-8")
    text = "Former U.S. President Donald Trump arrived in Seoul."
    with pytest.raises(factlog.InputError, match="taken: cannot make the folder"):
        factlog.write_draft(drafted(text), text, tmp_path / "taken" / "claims.json")


def test_the_article_text_is_replaced_atomically_not_rewritten_in_place(tmp_path: Path) -> None:
    """An older text at the document's name is replaced by a new file, as dump does: a hard link keeps the old."""
    text = "Former U.S. President Donald Trump arrived in Seoul."
    claims = drafted(text)
    (document,) = {source.document for source in claims.sources if source.document is not None}
    (tmp_path / document).write_text("an older text", encoding="utf-8")
    os.link(tmp_path / document, tmp_path / "kept.txt")
    factlog.write_draft(claims, text, tmp_path / "claims.json", force=True)
    assert (tmp_path / document).read_text(encoding="utf-8") == text
    assert (tmp_path / "kept.txt").read_text(encoding="utf-8") == "an older text"


def test_a_capitalised_cue_word_inside_a_sentence_is_a_name() -> None:
    """'the United States' holds no reporting cue: the sentence stays in the outlet's voice."""
    assert only("The image drew criticism in the United States.").attribution.holder == "daily-wire"


def test_a_passive_saying_names_no_speaker() -> None:
    """'No injuries were reported' is the outlet's own voice, not a claim by 'No injuries'."""
    assert only("No injuries were reported.").attribution.holder == "daily-wire"


def test_an_apposition_names_the_speaker() -> None:
    """'The operator, Lavrov, said ...': the name between the commas speaks."""
    assert only("Russia's top diplomat, Lavrov, said the talks went well.").attribution.holder == "sergey-lavrov"


def test_the_draft_package_exports_through_the_front_door() -> None:
    """factlog.draft and factlog.write_draft are the draft package's own functions."""
    package = importlib.import_module("factlog.drafting")
    assert sorted(package.__all__) == ["draft", "write_draft"]
    assert all(getattr(factlog, name) is getattr(package, name) for name in package.__all__)


def test_the_cli_will_not_overwrite_the_article(tmp_path: Path) -> None:
    """An output path that is the article itself is a usage error, and the article is untouched."""
    article = tmp_path / "a.txt"
    article.write_text("Kim visited Moscow.", encoding="utf-8")
    result = run("draft", str(article), "--source", "a", "-o", str(article))
    assert (result.returncode, article.read_text(encoding="utf-8")) == (2, "Kim visited Moscow.")


@pytest.mark.parametrize(("option", "value"), [("source", "a" * 161), ("publisher", " "), ("published", "2025-13")])
def test_unusable_options_are_input_errors(option: str, value: str) -> None:
    """A source id too long for its claims' ids, a blank publisher, a bad date: InputError, never a bare error."""
    with pytest.raises(factlog.InputError, match=option):
        drafted("Kim visited Moscow.", **{option: value})


def test_an_event_date_comes_from_the_sentence_only() -> None:
    """'The Beijing parade took place in September' dates the parade; without a date, no date is proposed."""
    dated = only("The Beijing parade took place in September.")
    assert dated.proposition is not None
    assert (dated.proposition.predicate, str(dated.proposition.object)) == ("takes-place-on", "2025-09")
    assert only("The Beijing parade drew crowds.").proposition is None
