"""A paper printing as its own words others credit to named holders: never one origin of holders it did not join."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
import factlog.dask
from factlog import Index, origins
from factlog.analysis._wording import words_of
from tests.helpers import assert_every_path_alike

SENTENCES = (
    "The Dawn-3 satellite is transmitting images to the Tarvo ground station",
    "The Dawn-3 satellite has reached its planned orbit above the northern hemisphere",
)
HOLDERS = ("kspace", "estmark-mfa", "velmora-mfa")
PARTIES = {"kspace": "karvonia", "estmark-mfa": "estmark", "velmora-mfa": "velmora"}


def _claim(identifier: str, holder: str, source: str, quote: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": identifier,
        "statement": quote,
        "attribution": {"holder": holder, **extra},
        "evidence": [{"source": source, "quote": quote}],
        "proposition": {"subject": "dawn", "predicate": "transmits-images"},
    }


def _world(
    credits: list[tuple[str, str, str]],
    copy: tuple[str, str] | None = None,
    derived: dict[str, list[str]] | None = None,
) -> factlog.ClaimSet:
    """Each of ``credits`` (holder, sentence, date) a paper crediting the holder; ``copy`` the Courier's."""
    entities: list[dict[str, Any]] = [
        {"id": p, "name": p.title(), "kind": "country"} for p in sorted(set(PARTIES.values()))
    ]
    entities += [
        {"id": h, "name": h.replace("-", " ").title(), "kind": "government-body", "affiliation": PARTIES[h]}
        for h in HOLDERS
    ]
    entities += [
        {"id": "dawn", "name": "Dawn-3", "kind": "other"},
        {"id": "dc", "name": "Daily Courier", "kind": "media-outlet"},
    ]
    sources: list[dict[str, Any]] = []
    claims = []
    for number, (holder, sentence, date) in enumerate(credits):
        paper = f"paper{number}"
        entities.append({"id": paper, "name": f"Paper {number}", "kind": "media-outlet"})
        sources.append({"id": f"s{number}", "title": f"Story {number}", "publisher": paper, "published": date})
        claims.append(
            _claim(f"c{number}", holder, f"s{number}", f"{sentence}, the agency said.", via=[paper], cue="said")
        )
    if copy is not None:
        sources.append({"id": "dcx", "title": "Courier", "publisher": "dc", "published": copy[1]})
        claims.append(_claim("copy", "dc", "dcx", f"{copy[0]}."))
    for source in sources:
        if derived and source["id"] in derived:
            source["derived_from"] = derived[source["id"]]
    document = {
        "format": "factlog",
        "version": 1,
        "entities": entities,
        "predicates": [{"id": "transmits-images", "label": "transmits images", "kind": "state"}],
        "sources": sources,
        "claims": claims,
    }
    return factlog.loads(json.dumps(document))


def _origins_of_others(claims: factlog.ClaimSet) -> int:
    """How many origins hold a claim other than the copy's."""
    index = Index.of(claims)
    found = origins(index, index.entries, wording=True)
    return sum(1 for origin in found if any(e.id != "copy" for e in origin.entries))


def test_a_copy_of_words_two_holders_are_credited_keeps_them_two_origins() -> None:
    """Two papers credit one sentence to two holders; a later paper printing it as its own joins one of them only."""
    credits = [("kspace", SENTENCES[0], "2026-11-28"), ("estmark-mfa", SENTENCES[0], "2026-11-27")]
    claims = _world(credits, (SENTENCES[0], "2026-11-29"))
    index = Index.of(claims)
    found = origins(index, index.entries, wording=True)
    assert len(found) == 2
    joined = next(origin for origin in found if any(e.id == "copy" for e in origin.entries))
    assert {e.id for e in joined.entries} == {"copy", "c1"}  # the earliest crediting source's holder
    message = factlog.check(claims).findings
    shared = [f.message for f in message if f.rule == "shared_wording"]
    assert len(shared) == 1
    assert "Estmark Mfa" in shared[0]
    assert "Kspace" not in shared[0]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(HOLDERS), st.sampled_from(SENTENCES), st.sampled_from(["2026-11-27", "2026-11-28"])),
        min_size=1,
        max_size=4,
    ),
    st.sampled_from(SENTENCES),
    st.sampled_from(["2026-11-28", "2026-11-29"]),
    st.lists(st.integers(0, 3), max_size=3, unique=True),
)
def test_an_own_voice_copy_never_reduces_the_origins_of_the_others(
    credits: list[tuple[str, str, str]], sentence: str, date: str, stories: list[int]
) -> None:
    """Adding a paper printing credited words as its own, declared a copy or not: no fewer other origins."""
    derived = {"dcx": [f"s{n}" for n in stories if n < len(credits)]}
    copied = _world(credits, (sentence, date), derived if derived["dcx"] else None)
    assert _origins_of_others(copied) >= _origins_of_others(_world(credits))


def test_a_copy_of_two_stories_joins_only_the_one_whose_words_it_prints() -> None:
    """derived_from a paper crediting a holder and a wire's own, differently worded report: two origins stay two."""
    claims = _world([("estmark-mfa", SENTENCES[0], "2026-11-27")], (SENTENCES[0], "2026-11-28"))
    document = json.loads(factlog.dumps(claims))
    document["entities"].append({"id": "wire", "name": "Wire", "kind": "media-outlet"})
    document["sources"].append({"id": "w", "title": "Wire story", "publisher": "wire", "published": "2026-11-27"})
    document["claims"].append(_claim("own", "wire", "w", "Karvonia says its satellite is sending pictures home."))
    for source in document["sources"]:
        if source["id"] == "dcx":
            source["derived_from"] = ["s0", "w"]
    index = Index.of(factlog.loads(json.dumps(document)))
    found = {frozenset(e.id for e in origin.entries) for origin in origins(index, index.entries, wording=True)}
    assert found == {frozenset({"c0", "copy"}), frozenset({"own"})}
    assert {frozenset(e.id for e in origin.entries) for origin in origins(index, index.entries)} == found


def test_credited_words_in_quotation_marks_are_the_holders() -> None:
    """“…,” the agency said: the passage in quotes is the holder's, and a paper printing it copies the holder."""
    for marks in ("“{}”", '"{}"'):
        claims = _world([("kspace", SENTENCES[0], "2026-11-28")], (SENTENCES[0], "2026-11-29"))
        document = json.loads(factlog.dumps(claims))
        quote = marks.format(f"{SENTENCES[0]},") + " the agency said."
        for claim in document["claims"]:
            if claim["id"] == "c0":
                claim["statement"] = claim["evidence"][0]["quote"] = quote
        claims = factlog.loads(json.dumps(document))
        index = Index.of(claims)
        assert len(origins(index, index.entries, wording=True)) == 1
        assert [f.rule for f in factlog.check(claims).findings if f.rule == "shared_wording"] == ["shared_wording"]


def test_an_own_voice_quote_still_leaves_out_the_passage_it_quotes() -> None:
    """In a paper's own voice, a passage in quotation marks is another speaker's: not the paper's words."""
    assert words_of("“Acme has NEVER polluted,” the firm said") == ("the", "firm", "said")
    assert words_of("“Acme has NEVER polluted,” the firm said", quoted=True) == (
        "acme",
        "has",
        "never",
        "polluted",
        "the",
        "firm",
        "said",
    )


def _cases() -> list[factlog.ClaimSet]:
    """The claim sets above: words credited to two holders, a copy of two stories, quoted credited words."""
    two = _world(
        [("kspace", SENTENCES[0], "2026-11-28"), ("estmark-mfa", SENTENCES[0], "2026-11-27")],
        (SENTENCES[0], "2026-11-29"),
    )
    stories = _world(
        [("estmark-mfa", SENTENCES[0], "2026-11-27"), ("kspace", SENTENCES[1], "2026-11-27")],
        (SENTENCES[0], "2026-11-28"),
        {"dcx": ["s1", "s0"]},
    )
    document = json.loads(factlog.dumps(two))
    document["claims"][0]["evidence"][0]["quote"] = f"“{SENTENCES[0]},” the agency said."
    return [two, stories, factlog.loads(json.dumps(document))]


def test_every_path_counts_the_credited_copies_alike(tmp_path: Path) -> None:
    """Two origins each (the copy joins one); check, Checker.add, check_lines, Dask, assess_lines: the same bytes."""
    for number, claims in enumerate(_cases()):
        [proposition] = factlog.assess(claims).propositions
        assert len(proposition.supporting) == 2
        assert_every_path_alike(claims, tmp_path / f"claims{number}.jsonl")
