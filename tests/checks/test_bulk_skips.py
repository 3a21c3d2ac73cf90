"""What the index looks up once per holder or source, and the rules' skips, against plain per-claim work."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
from factlog.analysis._entry import Entry, chronological
from factlog.analysis._index import Index
from factlog.checks import _integrity, _quotes
from factlog.checks._dating import weekday_mismatch
from factlog.checks._engine import _run
from factlog.checks._findings import Finding, Severity
from factlog.checks._polarity import wider_pairs
from factlog.checks._quotes import quote_unverified
from factlog.checks._rules import DEFAULT_RULES
from factlog.model._claimset import ClaimSet
from factlog.model._timewords import weekday_mismatches
from tests.helpers import ROOT, claim, world
from tests.strategies import claim_sets, crowded_claim_sets, linked_claim_sets

_CORPORA = [ROOT / "sources", ROOT / "tests" / "corpus" / "halden-shelling"]

_QUOTE_RULES = ("quote_mismatch", "quote_not_found", "quote_ambiguous", "quote_normalised", "quote_unverified")


def _fields(entry: Entry) -> tuple[Any, ...]:
    return (
        entry.claim,
        entry.position,
        entry.proposition,
        entry.key,
        entry.predicate,
        entry.holder,
        entry.speaks_for,
        entry.stated,
        entry.sources,
        entry.span,
        entry.polarity,
        entry.core,
        entry.part,
    )


def _groups(groups: dict[Any, list[Entry]]) -> dict[Any, list[int]]:
    return {key: [entry.position for entry in group] for key, group in groups.items()}


def _one_by_one(claims: ClaimSet) -> Index:
    """An index whose claims were added one call each: nothing is remembered from one claim to the next."""
    index = Index.of(attrs.evolve(claims, claims=()))
    for one in claims.claims:
        index.add([one])
    return attrs.evolve(index, claims=claims)


@settings(max_examples=30, deadline=None)
@given(linked_claim_sets() | crowded_claim_sets())
def test_an_index_built_at_once_equals_one_built_claim_by_claim(claims: ClaimSet) -> None:
    """Holders and sources looked up once a call: every entry and group is as when each claim is added alone."""
    whole, single = Index.of(claims), _one_by_one(claims)
    assert [_fields(e) for e in whole.entries] == [_fields(e) for e in single.entries]
    for name in ("by_key", "by_slot", "by_object", "by_holder", "by_source", "answered_by", "regarded_by"):
        assert _groups(getattr(whole, name)) == _groups(getattr(single, name)), name
    assert {k: [_fields(e) for e in v] for k, v in whole.implied.items()} == {
        k: [_fields(e) for e in v] for k, v in single.implied.items()
    }
    assert whole.spread == single.spread


def test_propositions_written_alike_share_their_reading_and_those_written_apart_do_not() -> None:
    """Aliases, inverse and symmetric predicates, qualifiers, times and quantities: each key as read afresh."""
    claims = world(
        claim("c1"),
        claim("c2", when="2024", denied=True),
        claim("c3", "Moscow", "receives-weapons-from", "Pyongyang"),
        claim("c4", "Moscow", "receives-weapons-from", "Pyongyang", when="2023"),
        claim("c5", "DPRK"),
        claim("c6", "dprk", "fights-in", "kursk", qualifiers={"place": "Sudzha"}),
        claim("c7", "dprk", "fights-in", "kursk", qualifiers={"place": "kursk"}),
        claim("c8", "dprk", "fights-in", "kursk"),
        claim("c9", "russia", "allied-with", "dprk"),
        claim("c10", "dprk", "allied-with", "russia", holder="kcna"),
        claim("c11", "dprk", "troops-deployed", 11000),
        claim("c12", "dprk", "troops-deployed", 11000.0, when="2024"),
        claim("c13", None),
    )
    whole = Index.of(claims)
    assert [_fields(e) for e in whole.entries] == [_fields(e) for e in _one_by_one(claims).entries]
    vocabulary = whole.vocabulary
    for entry in whole.entries:
        proposition = entry.claim.proposition
        if proposition is not None:
            assert entry.proposition == vocabulary.normalise(proposition)
            assert entry.key == vocabulary.key(proposition)
    assert [e.id for e in whole.by_key[vocabulary.key(claims.claims[0].proposition)]] == ["c1", "c2", "c3", "c4", "c5"]
    assert len({e.key for e in whole.entries if e.id in {"c6", "c7", "c8"}}) == 3
    assert whole.by_id["c9"].key == whole.by_id["c10"].key


def test_one_quoted_source_gives_its_claims_one_shared_sources_tuple() -> None:
    """Claims quoting one source share its tuple; the ``stated`` date falls back to its ``published``."""
    claims = factlog.load(ROOT / "sources")
    index = Index.of(claims)
    by_source: dict[str, tuple[str, ...]] = {}
    for entry in index.entries:
        if len(entry.claim.evidence) == 1:
            assert by_source.setdefault(entry.sources[0], entry.sources) is entry.sources
        published = claims.source_by_id.get(entry.claim.evidence[0].source)
        fallback = None if published is None else published.published
        assert entry.stated == (entry.claim.stated if entry.claim.stated is not None else fallback)


def _all_entries(index: Index) -> list[Entry]:
    return list(index.entries)


def _always(group: list[Entry], source: str) -> bool:
    return True


def _no_sources(index: Index) -> None:
    return None


def _quote_findings(index: Index) -> list[list[Finding]]:
    rules = [rule for rule in DEFAULT_RULES if rule.__name__ in _QUOTE_RULES]
    return [_run(rule, index) for rule in rules]


@contextlib.contextmanager
def _unskipped() -> Iterator[None]:
    with (
        mock.patch.object(_quotes, "documented", _all_entries),
        mock.patch.object(_integrity, "documented", _all_entries),
        mock.patch.object(_quotes, "_quotes_without_span", _always),
        mock.patch.object(_quotes, "_spanless", _no_sources),
    ):
        yield None


_TEXT = "Officials said the depots were hit. “They were not destroyed,” a spokesman said: they were not destroyed."


def _quoting(tmp_path: Path) -> ClaimSet:
    """Quotes of a stored document (matching, shifted, misremembered, ambiguous, typed plainly) and of none."""
    (tmp_path / "d.txt").write_text(_TEXT, encoding="utf-8")
    quotes = [
        ("s1", "the depots were hit", {"start": 15, "end": 34}),
        ("s1", "the depots were hit", {"start": 14, "end": 33}),
        ("s1", "the depots were struck", {}),
        ("s1", "were not destroyed", {}),
        ("s1", '"They were not destroyed,"', {}),
        ("s2", "quote of a clipping", {}),
        ("s2", "a quote with a span", {"start": 0, "end": 19}),
    ]
    claims = [
        {
            "id": f"c{number}",
            "statement": "A claim.",
            "attribution": {"holder": "paper"},
            "evidence": [{"source": source, "quote": quote, **span}],
        }
        for number, (source, quote, span) in enumerate(quotes)
    ]
    sources = [
        {"id": "s1", "title": "Story", "publisher": "paper", "published": "2025-10", "document": "d.txt"},
        {"id": "s2", "title": "Clipping", "publisher": "paper", "published": "2025-10"},
    ]
    data = {
        "format": "factlog",
        "version": 1,
        "entities": [{"id": "paper", "name": "The Paper", "kind": "media-outlet"}],
        "sources": sources,
        "claims": claims,
    }
    (tmp_path / "claims.json").write_text(json.dumps(data), encoding="utf-8")
    return factlog.load(tmp_path)


def test_quote_rules_skipping_claims_without_documents_find_what_a_claim_by_claim_pass_finds(tmp_path: Path) -> None:
    """Every quote rule has a finding; with the skips turned off, the same findings."""
    index = Index.of(_quoting(tmp_path))
    skipped = _quote_findings(index)
    assert all(skipped), [len(found) for found in skipped]
    with _unskipped():
        assert _quote_findings(index) == skipped


@pytest.mark.parametrize("folder", _CORPORA, ids=lambda path: path.name)
def test_quote_rules_on_the_bundled_corpora_find_what_a_claim_by_claim_pass_finds(folder: Path) -> None:
    """Spans checked against stored documents in the corpora: the same findings with the skips turned off."""
    index = Index.of(factlog.load(folder))
    skipped = _quote_findings(index)
    with _unskipped():
        assert _quote_findings(index) == skipped


@settings(max_examples=30, deadline=None)
@given(crowded_claim_sets() | claim_sets())
def test_quote_rules_skipping_in_bulk_find_what_a_claim_by_claim_pass_finds(claims: ClaimSet) -> None:
    """Sources with missing documents, without any, quotes with and without spans: the same findings."""
    index = Index.of(claims)
    skipped = _quote_findings(index)
    with _unskipped():
        assert _quote_findings(index) == skipped


@settings(max_examples=30, deadline=None)
@given(linked_claim_sets() | claim_sets())
def test_wider_pairs_are_those_a_walk_of_every_key_finds(claims: ClaimSet) -> None:
    """Without places within places nothing is wider: the walk over every key finds no pair either."""
    index = Index.of(claims)
    with mock.patch.object(Index, "places_within", return_value=True):
        walked = wider_pairs(index)
    assert wider_pairs(index) == walked
    if not index.places_within():
        assert walked == []


def _weekday_reference(index: Index) -> list[Finding]:
    """weekday_mismatch as first written: every text of every claim searched."""
    found = []
    for entry in index.entries:
        texts = [entry.claim.statement, *(evidence.quote for evidence in entry.claim.evidence)]
        mismatches = {item.text: item for text in texts for item in weekday_mismatches(text)}
        if mismatches:
            listed = "; ".join(f"{text!r} is a {item.actual}" for text, item in sorted(mismatches.items()))
            found.append(
                Finding(
                    rule="weekday_mismatch",
                    severity=Severity.WARNING,
                    message=f"{entry.id}: a weekday beside a date it does not fall on: {listed}",
                    claims={"claim": [entry.id]},
                )
            )
    return found


@settings(max_examples=30, deadline=None)
@given(linked_claim_sets() | claim_sets())
def test_weekday_mismatch_tests_all_texts_of_a_claim_at_once_as_one_by_one(claims: ClaimSet) -> None:
    """A claim none of whose texts names a day is passed over: the findings of a search of every text."""
    index = Index.of(claims)
    assert list(weekday_mismatch(index)) == _weekday_reference(index)


def test_weekday_mismatch_still_finds_a_weekday_in_a_quote_after_a_plain_statement() -> None:
    """The quote, not the statement, names the wrong weekday: still found."""
    claims = factlog.load(ROOT / "sources")
    first = claims.claims[0]
    quote = attrs.evolve(first.evidence[0], quote="on Wednesday, 30 October 2025", start=None, end=None)
    claim = attrs.evolve(first, statement="No date here.", evidence=(quote,))
    index = Index.of(attrs.evolve(claims, claims=(claim,)))
    [finding] = weekday_mismatch(index)
    assert "Thursday" in finding.message


@given(st.text(), st.text())
def test_weekday_screen_of_each_text_alone_is_the_screen_of_the_texts_joined(statement: str, quote: str) -> None:
    """casefold maps each character alone, so "day" is in the folded join exactly when in a folded text."""
    joined = "day" in f"{statement}\n{quote}".casefold()
    assert joined == ("day" in statement.casefold() or "day" in quote.casefold())


def test_weekday_mismatch_finds_a_weekday_written_in_capitals_in_the_statement() -> None:
    """ "WEDNESDAY" passes the screen by its folded form, and the date it stands beside is checked."""
    claims = world(attrs.evolve(claim("c1"), statement="Talks began on WEDNESDAY, 30 October 2025."))
    [finding] = weekday_mismatch(factlog.Index.of(claims))
    assert "Thursday" in finding.message


@settings(max_examples=30, deadline=None)
@given(linked_claim_sets() | crowded_claim_sets())
def test_chronological_orders_by_the_stated_sort_key_then_the_id(claims: ClaimSet) -> None:
    """The span kept in a slot orders as ``Interval.sort_key`` does, for any order of the entries given."""
    entries = Index.of(claims).entries
    expected = sorted(entries, key=lambda e: (e.stated.sort_key if e.stated else (0, 0), e.id))
    assert chronological(entries[::-1]) == expected
    assert all(e.stated is None or e.stated.span == e.stated.sort_key for e in entries)


def test_quote_unverified_reads_each_sources_group_not_the_entries_in_view(tmp_path: Path) -> None:
    """A pass that holds other claims as ``entries`` (a Dask pass by source) still finds the source's quotes."""
    index = Index.of(_quoting(tmp_path))
    [finding] = _run(quote_unverified, attrs.evolve(index, entries=[]))
    assert finding.sides == {"citing": ("c5",)}
