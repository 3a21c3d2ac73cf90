"""A proposition's ``when`` in words: read as written, resolved on loading, written back unchanged."""

from __future__ import annotations

import copy
import datetime
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import ClaimLog, WrittenWhen
from factlog.cli import main
from tests.helpers import import_history
from tests.strategies import anchor_days, time_words

PUBLISHED = "2025-10-30"  # a Thursday


def _document(when: str | None = "on Tuesday", **claim: Any) -> dict[str, Any]:
    proposition: dict[str, Any] = {"subject": "kyiv", "predicate": "strikes", "object": "odesa"}
    if when is not None:
        proposition["when"] = when
    return {
        "format": "factlog",
        "version": 1,
        "entities": [
            {"id": "kyiv", "name": "Kyiv", "kind": "place"},
            {"id": "odesa", "name": "Odesa", "kind": "place"},
            {"id": "strike", "name": "the strike", "kind": "event", "aliases": ["the port strike"]},
            {"id": "outlet", "name": "Outlet", "kind": "media-outlet"},
        ],
        "predicates": [
            {"id": "strikes", "label": "strikes", "kind": "event"},
            {"id": "happens", "label": "happens", "kind": "event"},
        ],
        "sources": [{"id": "s1", "title": "Report", "publisher": "outlet", "published": PUBLISHED}],
        "claims": [
            {
                "id": "c1",
                "statement": "Kyiv struck Odesa.",
                "proposition": proposition,
                "attribution": {"holder": "outlet"},
                "evidence": [{"source": "s1", "quote": "struck"}],
                **claim,
            },
            {
                "id": "strike-date",
                "statement": "The strike took place on 20 October.",
                "proposition": {"subject": "the strike", "predicate": "happens", "when": "2025-10-20"},
                "attribution": {"holder": "outlet"},
                "evidence": [{"source": "s1", "quote": "20 October"}],
            },
        ],
    }


def _when(document: dict[str, Any], name: str | None = None) -> factlog.Interval:
    when = factlog.loads(json.dumps(document), name=name).claim_by_id["c1"].proposition
    assert when is not None
    assert when.when is not None
    return when.when


def _errors(document: dict[str, Any]) -> list[str]:
    with pytest.raises(factlog.FormatError) as caught:
        factlog.loads(json.dumps(document), name="claims.json")
    return caught.value.errors


@given(time_words, anchor_days, st.booleans())
def test_written_when_round_trips_and_resolves_as_resolve_when(words: str, day: datetime.date, stated: bool) -> None:
    """A when in words survives load → dumps unchanged, and means what resolve_when says on the anchor."""
    anchor = day.isoformat()
    document = _document(words, **({"stated": anchor} if stated else {}))
    if not stated:
        document["sources"][0]["published"] = anchor
    document["claims"][1]["proposition"]["when"] = anchor  # the strike happened on the anchor day
    text = json.dumps(document, indent=2)
    written = factlog.dumps(factlog.loads(text))
    assert json.loads(written)["claims"][0]["proposition"]["when"] == words
    assert factlog.dumps(factlog.loads(written)) == written
    events = {"the strike": anchor, "the port strike": anchor}
    expected = factlog.resolve_when(words, anchor, events=events)
    assert _when(document) == expected


@pytest.mark.parametrize(
    ("words", "meaning"),
    [
        ("on Tuesday", "2025-10-28"),
        ("last week", "2025-10-20/2025-10-26"),
        ("earlier this year", "2025-01-01/2025-10-30"),
        ("in six years", "2031"),
        ("two days after the strike", "2025-10-22"),
        ("after the port strike", "2025-10-21/.."),
    ],
)
def test_written_when_has_its_expected_meaning(words: str, meaning: str) -> None:
    """Each form resolves against the source's published date (Thursday 2025-10-30) to the days it means."""
    when = _when(_document(words))
    assert isinstance(when, WrittenWhen)
    assert str(when) == meaning
    assert when.display == f"{words} ({meaning})"


def test_stated_date_comes_before_the_published_date() -> None:
    """A claim's stated date is the anchor when it has one: 'on Tuesday' said on 2025-10-10 is 2025-10-07."""
    assert str(_when(_document(stated="2025-10-10"))) == "2025-10-07"


def test_dumps_lines_and_loads_lines_keep_the_words() -> None:
    """The JSON Lines writer writes the words, and the JSON Lines reader resolves them."""
    lines = factlog.dumps_lines(factlog.loads(json.dumps(_document())))
    assert '"when":"on Tuesday"' in lines.replace('": "', '":"')
    claims = factlog.loads_lines(lines)
    assert str(claims.claim_by_id["c1"].proposition.when) == "2025-10-28"  # type: ignore[union-attr]
    assert factlog.dumps_lines(claims) == lines


def test_unknown_words_are_a_format_error_at_the_json_path() -> None:
    """Words resolve_when does not know are refused, naming the file and JSON path."""
    [error] = _errors(_document("on Blursday"))
    assert error.startswith("claims.json: $.claims[0].proposition.when: ")
    assert "'on Blursday'" in error


def test_a_malformed_date_is_still_a_date_error() -> None:
    """A date with no words in it is judged as a date."""
    [error] = _errors(_document("2025-13-45"))
    assert error.startswith("claims.json: $.claims[0].proposition.when: ")


def test_words_without_an_anchor_are_a_format_error() -> None:
    """With no stated date and no published date, the error says what is missing."""
    document = _document()
    del document["sources"][0]["published"]
    [error] = _errors(document)
    assert error.startswith("claims.json: $.claims[0].proposition.when: 'on Tuesday' needs a date")
    assert "'stated'" in error
    assert "'published'" in error


def test_a_weekday_beside_a_date_it_does_not_fall_on_is_a_format_error() -> None:
    """ "Wednesday, 30 October 2025" is refused: 30 October 2025 is a Thursday, and which was meant is unknown."""
    [error] = _errors(_document("Wednesday, 30 October 2025"))
    assert error.startswith("claims.json: $.claims[0].proposition.when: 'Wednesday, 30 October 2025' does not fall")
    assert error.endswith("it is a Thursday")


def test_an_unknown_event_is_a_format_error() -> None:
    """An anchor event the set does not define is refused, listing the events it knows."""
    [error] = _errors(_document("two days after the summit"))
    assert error.startswith("claims.json: $.claims[0].proposition.when: cannot resolve")
    assert "unknown event 'the summit'" in error
    assert "the strike" in error


def test_an_event_no_claim_dates_is_named_in_the_error() -> None:
    """An event entity without a dated claim about it cannot anchor: the error names it."""
    document = _document("two days after the strike")
    del document["claims"][1]
    [error] = _errors(document)
    assert "the event 'the strike' ('strike') is defined but no claim dates it" in error


@pytest.mark.parametrize("whens", [("../2025-10-20", "2025-10-20/.."), ("/2025-10-20", "2025-10-20/")])
def test_an_event_dated_with_no_first_start_and_no_last_end_cannot_anchor(whens: tuple[str, str]) -> None:
    """An event its claims date until a day and since it (no bound to count from) is a format error at the JSON path."""
    document = _document("two days after the strike")
    later = copy.deepcopy(document["claims"][1])
    later.update(id="strike-later", proposition={**later["proposition"], "when": whens[1]})
    document["claims"][1]["proposition"]["when"] = whens[0]
    document["claims"].append(later)
    [error] = _errors(document)
    assert error.startswith("claims.json: $.claims[0].proposition.when: cannot resolve")
    assert "the event 'the strike' ('strike') is defined but no claim dates it" in error


def test_an_event_is_dated_by_the_hull_of_its_claims() -> None:
    """Two affirmed claims dating the event give it the span of both; denied ones and words do not count."""
    document = _document("during the strike")
    later = copy.deepcopy(document["claims"][1])
    later.update(id="strike-later", proposition={**later["proposition"], "when": "2025-10-22"})
    denied = copy.deepcopy(later)
    denied.update(id="strike-denied", polarity="denied", proposition={**later["proposition"], "when": "2025-09-01"})
    document["claims"] += [later, denied]
    assert str(_when(document)) == "2025-10-20/2025-10-22"


def test_a_named_event_resolves_across_files(tmp_path: Path) -> None:
    """The event and the source may be defined in another file of the corpus."""
    document = _document("two days after the strike")
    other = {key: document.pop(key) for key in ("entities", "predicates", "sources")}
    other["claims"] = [document["claims"].pop(1)]
    (tmp_path / "a.json").write_text(json.dumps({"format": "factlog", "version": 1, **other}), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(document), encoding="utf-8")
    assert str(factlog.load(tmp_path).claim_by_id["c1"].proposition.when) == "2025-10-22"  # type: ignore[union-attr]


def test_a_problem_in_a_corpus_names_its_file(tmp_path: Path) -> None:
    """A when that cannot be resolved in one file of a folder is reported with that file's name."""
    (tmp_path / "bad.json").write_text(json.dumps(_document("after the summit")), encoding="utf-8")
    with pytest.raises(factlog.FormatError) as caught:
        factlog.load(tmp_path)
    assert caught.value.errors[0].startswith(f"{tmp_path / 'bad.json'}: $.claims[0].proposition.when: ")


def test_the_store_keeps_the_words_and_resolves_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`factlog log append` stores the words; the store reads them back resolved, and shows them as written."""
    file = tmp_path / "claims.json"
    file.write_text(json.dumps(_document()), encoding="utf-8")
    store = tmp_path / "claims.db"
    assert main(["log", "append", str(store), str(file)]) == 0
    claims = ClaimLog(store).read()
    assert str(claims.claim_by_id["c1"].proposition.when) == "2025-10-28"  # type: ignore[union-attr]
    capsys.readouterr()
    assert main(["log", "show", str(store)]) == 0
    assert '"when": "on Tuesday"' in capsys.readouterr().out


def test_the_store_reports_words_it_cannot_resolve(tmp_path: Path) -> None:
    """A stored claim whose anchor is gone is a format error naming the store and the claim."""
    log = ClaimLog(tmp_path / "claims.db")
    claims = factlog.loads(json.dumps(_document()))
    import_history(log, tmp_path, [*claims.entities, *claims.predicates, *claims.claims])  # no source: no date
    with pytest.raises(factlog.FormatError) as caught:
        log.read()
    assert caught.value.errors[0].startswith(f"{log.path}: claim 'c1': proposition.when: 'on Tuesday' needs a date")


def test_older_files_read_as_before() -> None:
    """A when written as a date stays a plain Interval."""
    assert type(_when(_document("2025-10-28"))) is factlog.Interval


def test_the_schema_accepts_words_for_when() -> None:
    """The JSON Schema lets a proposition's when be words, and still refuses them elsewhere."""
    validator = jsonschema.Draft202012Validator(factlog.json_schema())
    assert validator.is_valid(_document())
    assert not validator.is_valid(_document(stated="on Tuesday"))


def test_log_append_counts_from_a_source_the_store_holds(tmp_path: Path) -> None:
    """A file of claims alone may use words: the store's source gives the date to count from."""
    document = _document()
    store = tmp_path / "claims.db"
    first, second = tmp_path / "sources.json", tmp_path / "claims.json"
    first.write_text(json.dumps({**document, "claims": [document["claims"][1]]}), encoding="utf-8")
    second.write_text(json.dumps({"format": "factlog", "version": 1, "claims": document["claims"][:1]}), "utf-8")
    assert main(["log", "append", str(store), str(first)]) == 0
    assert main(["log", "append", str(store), str(second)]) == 0
    claims = ClaimLog(store).read()
    assert str(claims.claim_by_id["c1"].proposition.when) == "2025-10-28"  # type: ignore[union-attr]


def test_load_counts_from_a_context_set(tmp_path: Path) -> None:
    """load(..., context=) resolves words against sources and events the context defines."""
    document = _document("two days after the strike")
    file = tmp_path / "claims.json"
    file.write_text(json.dumps({"format": "factlog", "version": 1, "claims": document["claims"][:1]}), "utf-8")
    context = factlog.loads(json.dumps({**document, "claims": document["claims"][1:]}))
    claims = factlog.load(file, references=False, context=context)
    assert str(claims.claims[0].proposition.when) == "2025-10-22"  # type: ignore[union-attr]
