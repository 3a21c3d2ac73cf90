"""Encoding as a reader writes: quotes without offsets, names as written, everyday patterns."""

from __future__ import annotations

import ast
import json
import unicodedata
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import factlog
from factlog import FormatError, Index, UnknownIdError, find_quote
from factlog.analysis._origins import origins
from factlog.model._vocabulary import fold
from tests.helpers import claim, world

TEXT = (
    "Officials said the depots were hit. “They were not destroyed,” a spokesman said —"
    " and they were not destroyed, he repeated. The last visit occurred in 2019."
)


def document(claims: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    """A document with two countries, an outlet, a visit predicate and one source."""
    return {
        "format": "factlog",
        "version": 1,
        "entities": [
            {"id": "dprk", "name": "North Korea", "kind": "country", "aliases": ["DPRK", "Pyongyang"]},
            {"id": "prc", "name": "China", "kind": "country"},
            {"id": "istanbul", "name": "İstanbul", "kind": "place"},
            {"id": "li-qiang", "name": "Li", "kind": "person"},
            {"id": "li-keqiang", "name": "Li", "kind": "person"},
            {"id": "paper", "name": "The Paper", "kind": "media-outlet"},
            {"id": "kcna", "name": "KCNA", "kind": "media-outlet"},
        ],
        "predicates": [
            {"id": "visits", "label": "visits", "kind": "event"},
            {"id": "official-visit-to", "label": "makes an official visit to", "kind": "event", **extra},
        ],
        "sources": [{"id": "s1", "title": "Story", "publisher": "paper", "published": "2025-10", "document": "d.txt"}],
        "claims": claims,
    }


def one(quote: str = "the depots were hit", **fields: Any) -> dict[str, Any]:
    """A claim quoting ``quote`` from s1 without a span."""
    evidence = {"source": "s1", "quote": quote, **fields.pop("evidence", {})}
    return {"id": fields.pop("id", "c1"), "statement": "A claim.", "attribution": {"holder": "paper"}, **fields} | {
        "evidence": [evidence]
    }


def load(tmp_path: Path, claims: list[dict[str, Any]], text: str | None = TEXT, **extra: Any) -> factlog.ClaimSet:
    data = document(claims, **extra)
    if text is None:
        del data["sources"][0]["document"]
    else:
        (tmp_path / "d.txt").write_text(text, encoding="utf-8")
    (tmp_path / "claims.json").write_text(json.dumps(data), encoding="utf-8")
    return factlog.load(tmp_path)


def rules(claims: factlog.ClaimSet, *names: str) -> list[factlog.Finding]:
    return [f for f in factlog.check(claims).findings if f.rule in names]


# --- quotes without offsets -------------------------------------------------------------------


def test_quote_without_span_is_found_in_its_document(tmp_path: Path) -> None:
    """The index gives a quote without a span the span where the document holds it."""
    claims = load(tmp_path, [one()])
    found = Index.of(claims).quote(claims.claims[0].evidence[0])
    assert found is not None
    assert found.span == (TEXT.index("the depots"), TEXT.index(" were hit.") + 9)


def test_quote_without_span_dumps_without_span(tmp_path: Path) -> None:
    """Canonical output adds no span the user left out."""
    claims = load(tmp_path, [one()])
    evidence = json.loads(factlog.dumps(claims))["claims"][0]["evidence"][0]
    assert evidence == {"source": "s1", "quote": "the depots were hit"}


def test_quote_typed_plainly_is_found_and_reported_as_normalised(tmp_path: Path) -> None:
    """Straight quotation marks, a plain dash and extra spaces still find the curly, dashed text."""
    claims = load(tmp_path, [one('"They were not destroyed,"  a spokesman said -')])
    [finding] = rules(claims, "quote_normalised", "quote_not_found")
    assert finding.rule == "quote_normalised"
    assert "“They were not destroyed,” a spokesman said —" in finding.message


def test_quote_found_twice_without_occurrence_lists_both_places(tmp_path: Path) -> None:
    """A quote standing twice is ambiguous, and the finding gives both spans."""
    claims = load(tmp_path, [one("were not destroyed")])
    [finding] = rules(claims, "quote_ambiguous")
    first = TEXT.index("were not destroyed")
    second = TEXT.index("were not destroyed", first + 1)
    assert f"{first}-{first + 18}" in finding.message
    assert f"{second}-{second + 18}" in finding.message


def test_occurrence_picks_the_place_meant(tmp_path: Path) -> None:
    """``occurrence: 2`` resolves an ambiguous quote to its second place, with no finding."""
    claims = load(tmp_path, [one("were not destroyed", evidence={"occurrence": 2})])
    found = Index.of(claims).quote(claims.claims[0].evidence[0])
    second = TEXT.index("were not destroyed", TEXT.index("were not destroyed") + 1)
    assert found is not None
    assert found.span == (second, second + 18)
    assert rules(claims, "quote_ambiguous", "quote_not_found") == []


def test_occurrence_beyond_the_places_is_not_found(tmp_path: Path) -> None:
    """Asking for a third place of a quote that stands twice is an error finding."""
    claims = load(tmp_path, [one("were not destroyed", evidence={"occurrence": 3})])
    [finding] = rules(claims, "quote_not_found")
    assert "occurrence 3" in finding.message
    assert "2 times" in finding.message


def test_quote_not_found_shows_the_closest_passage(tmp_path: Path) -> None:
    """A misremembered quote is an error that shows the passage it most resembles."""
    claims = load(tmp_path, [one("the last visit happened in 2019")])
    [finding] = rules(claims, "quote_not_found")
    assert finding.severity is factlog.Severity.ERROR
    assert "The last visit occurred in 2019" in finding.message


def test_a_long_quote_not_found_is_shown_cut_after_a_word(tmp_path: Path) -> None:
    """A quote longer than the message shows is cut after a whole word, an ellipsis marking the cut."""
    quote = "Officials said that the depots were struck and that they were destroyed, a spokesman said today"
    [finding] = rules(load(tmp_path, [one(quote)]), "quote_not_found")
    assert "'Officials said that the depots were struck and that they were destroyed, a'…" in finding.message


def test_quotes_without_a_document_are_reported_once_per_source(tmp_path: Path) -> None:
    """Three quotes from a source with no stored document give one unverified finding."""
    claims = load(tmp_path, [one(id=f"c{n}", quote=f"quote {n}") for n in range(3)], text=None)
    [finding] = rules(claims, "quote_unverified", "quote_not_found")
    assert finding.rule == "quote_unverified"
    assert finding.sides == {"citing": ("c0", "c1", "c2")}


def test_span_without_its_other_end_is_a_format_error() -> None:
    """``start`` without ``end`` is refused with the file and JSON path."""
    data = document([one(evidence={"start": 3})])
    with pytest.raises(FormatError) as raised:
        factlog.loads(json.dumps(data), name="x.json")
    assert any(e.startswith("x.json: $.claims[0].evidence[0].end:") for e in raised.value.errors), raised.value.errors


@given(st.text(min_size=1, max_size=40), st.text(min_size=1, max_size=15), st.text(max_size=40))
def test_found_quote_is_the_text_at_its_span(before: str, quote: str, after: str) -> None:
    """Whatever surrounds it, a quote found at a span is exactly the text there (or one of its places)."""
    text = before + quote + after
    found = find_quote(text, quote, occurrence=1)
    assert found.span is not None
    assert text[found.span[0] : found.span[1]] == quote
    assert found.span[0] <= len(before)


@given(st.text(alphabet="ab .,", min_size=1, max_size=60), st.text(alphabet="abc ", min_size=1, max_size=12))
def test_closest_passage_is_whole_words(text: str, quote: str) -> None:
    """The passage shown for a quote not found neither starts nor ends inside a word, nor with a space."""
    assume(quote.strip())
    found = find_quote(text, quote)
    if found.closest is None:
        return
    start, end = found.closest
    assert 0 <= start < end <= len(text)
    assert not (start > 0 and text[start - 1].isalnum() and text[start].isalnum())
    assert not (end < len(text) and text[end - 1].isalnum() and text[end].isalnum())
    assert text[start:end] == text[start:end].strip()


def test_closest_passage_takes_a_word_mostly_inside_and_drops_one_mostly_outside() -> None:
    """Aligned from "an" of "Valdorian": the word is left out; cut inside "Monday": the word is taken whole."""
    text = "SNA said Valdorian artillery shelled Kessel on Monday."
    found = find_quote(text, "the artillery shelled Kessel on Mon")
    assert found.closest is not None
    assert text[found.closest[0] : found.closest[1]] == "artillery shelled Kessel on Monday"
    assert round(found.score) == 90


# --- names as written ---------------------------------------------------------------------------


@pytest.mark.parametrize("written", ["İstanbul", "istanbul", "ISTANBUL", unicodedata.normalize("NFD", "İstanbul")])
def test_names_meet_after_normalisation_and_case_folding(written: str) -> None:
    """Dotted capital I, lower case, upper case and a decomposed spelling fold alike."""
    assert fold(written) == fold("istanbul")


def test_name_as_written_resolves_to_the_entity_id(tmp_path: Path) -> None:
    """A subject written 'north korea' and a holder written 'the paper' are their entities in the index."""
    proposition = {"subject": "north korea", "predicate": "visits", "object": "China"}
    claims = load(tmp_path, [one(proposition=proposition, attribution={"holder": "the paper", "via": ["kcna"]})])
    entry = Index.of(claims).entries[0]
    assert (entry.proposition.subject, entry.proposition.object, entry.holder) == ("dprk", "prc", "paper")  # type: ignore[union-attr]


def test_output_keeps_names_as_written(tmp_path: Path) -> None:
    """Dumping a claim that names entities keeps the names, not the ids."""
    proposition = {"subject": "north korea", "predicate": "visits", "object": "China"}
    claims = load(tmp_path, [one(proposition=proposition)])
    assert json.loads(factlog.dumps(claims))["claims"][0]["proposition"] == proposition


def test_ambiguous_name_is_an_error_listing_the_candidates(tmp_path: Path) -> None:
    """'Li', the name of two entities, is refused with both ids and the JSON path."""
    with pytest.raises(UnknownIdError) as raised:
        load(tmp_path, [one(proposition={"subject": "Li", "predicate": "visits", "object": "dprk"})])
    [error] = raised.value.errors
    assert "$.claims[0].proposition.subject" in error
    assert "li-keqiang, li-qiang" in error


def test_unknown_name_is_an_unknown_id_error_with_file_and_path(tmp_path: Path) -> None:
    """A relay named 'Yonhap', which no entity bears, is refused with file and path."""
    with pytest.raises(UnknownIdError) as raised:
        load(tmp_path, [one(attribution={"holder": "paper", "via": ["Yonhap"]})])
    [error] = raised.value.errors
    assert error.startswith(str(tmp_path / "claims.json"))
    assert "$.claims[0].attribution.via[0]" in error


def test_timeline_accepts_an_entity_by_name(tmp_path: Path) -> None:
    """``show --entity 'north korea'`` finds the claims about dprk."""
    claims = load(tmp_path, [one(proposition={"subject": "DPRK", "predicate": "visits", "object": "prc"})])
    assert [row.claim for row in factlog.entity_timeline(claims, "NORTH KOREA")] == ["c1"]


def test_finding_shows_display_names_of_holders_written_by_alias(tmp_path: Path) -> None:
    """A holder written 'Pyongyang' appears in a rendered finding as 'North Korea'."""
    proposition = {"subject": "prc", "predicate": "visits", "object": "dprk", "when": "2025"}
    claims = load(
        tmp_path,
        [
            one(id="yes", proposition=proposition, attribution={"holder": "Pyongyang"}),
            one(id="no", proposition=proposition, polarity="denied", attribution={"holder": "paper"}),
        ],
    )
    text = factlog.render_text(factlog.check(claims, (factlog.checks.opposed_claims,)))
    assert "yes: North Korea (affirmed, certain)" in text


def test_a_long_normalised_quote_shows_where_it_differs_with_ellipses(tmp_path: Path) -> None:
    """Past 80 characters the message shows the passage where quote and text differ, cut with '…', not blindly."""
    long = "Officials said " + "the depots and the bridges were hit again " * 3 + "— and they were not destroyed."
    claims = load(tmp_path, [one(long.replace("—", "-"))], text=long)
    [finding] = rules(claims, "quote_normalised", "quote_not_found")
    assert finding.rule == "quote_normalised"
    shown = finding.message.split(" reads ", 1)[1]
    assert shown.startswith("…'")
    assert shown.endswith("hit again — and they were not destroyed.'")


def test_a_long_normalised_quote_is_shown_from_a_word_start(tmp_path: Path) -> None:
    """The passage shown where quote and text differ starts at a word, not inside one, as quote_not_found's does."""
    long = "Officials said " + "the depots and the bridges were hit again " * 3 + "— and they were not destroyed."
    claims = load(tmp_path, [one(long.replace("—", "-"))], text=long)
    [finding] = rules(claims, "quote_normalised", "quote_not_found")
    passage = ast.literal_eval(finding.message.split(" reads …", 1)[1])
    assert long[long.index(passage) - 1] == " "


def test_a_quote_that_stands_once_holds_once(tmp_path: Path) -> None:
    """Asking for the second place of a quote that stands once says 'once', not '1 times'."""
    claims = load(tmp_path, [one("the depots were hit", evidence={"occurrence": 2})])
    [finding] = rules(claims, "quote_not_found")
    assert "holds once" in finding.message


def _published_by(tmp_path: Path, publisher: str) -> factlog.ClaimSet:
    """The claim set of ``load`` with its source's publisher written as given, and a claim in the outlet's voice."""
    data = document([one(attribution={"holder": "paper"})])
    data["sources"][0]["publisher"] = publisher
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "d.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "claims.json").write_text(json.dumps(data), encoding="utf-8")
    return factlog.load(tmp_path)


@pytest.mark.parametrize("written", ["The Paper", "the paper", "THE PAPER"])
def test_publisher_accepts_a_name_as_written(tmp_path: Path, written: str) -> None:
    """A source's publisher written as the outlet's name is that outlet: its own voice, and kept as written."""
    claims = _published_by(tmp_path, written)
    assert Index.of(claims).publisher("s1") == "paper"
    assert json.loads(factlog.dumps(claims))["sources"][0]["publisher"] == written
    by_id = _published_by(tmp_path / "by-id", "paper")
    assert factlog.render_json(factlog.check(claims)) == factlog.render_json(factlog.check(by_id))


def test_publisher_by_alias_is_that_entity_in_the_prov_export(tmp_path: Path) -> None:
    """A publisher written 'Pyongyang' is the agent dprk in PROV, not an agent of its own."""
    prov = json.loads(json.dumps(factlog.to_prov(_published_by(tmp_path, "Pyongyang"))))
    assert "agent:dprk" in prov["agent"]
    assert "agent:Pyongyang" not in prov["agent"]


def test_ambiguous_or_unknown_publisher_is_refused_with_its_path(tmp_path: Path) -> None:
    """A publisher named 'Li' (two people) lists both ids; 'Yonhap' is unknown; both name $.sources[0].publisher."""
    with pytest.raises(UnknownIdError, match=r"\$\.sources\[0\]\.publisher.*li-keqiang, li-qiang"):
        _published_by(tmp_path, "Li")
    with pytest.raises(UnknownIdError, match=r"\$\.sources\[0\]\.publisher: unknown entity 'Yonhap'"):
        _published_by(tmp_path, "Yonhap")


def test_a_story_published_by_name_is_one_origin_speaking_for_its_entity() -> None:
    """Copies of a story whose publisher is written by name make one origin that speaks for the outlet's id."""
    base = world(claim("c1", holder="paper-a", source="s3"), claim("c2", holder="paper-b", source="s4"))
    sources = tuple(attrs.evolve(s, publisher="THE WIRE") if s.id == "s2" else s for s in base.sources)
    index = Index.of(attrs.evolve(base, sources=sources))
    [origin] = origins(index, index.entries)
    assert (origin.speaks_for, origin.label.split(" (")[0]) == ("wire", "The wire")
