"""The claim log refuses an append after which its replay could not be read, and stores nothing of it."""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from pathlib import Path

import attrs
import pytest

import factlog
from factlog import ClaimLog, Entity, EntityKind, Interval, Pattern, Predicate, PredicateKind, Retraction
from factlog.cli import main
from factlog.io._log import Record
from tests.helpers import ENTITIES, PREDICATES, SOURCES, claim, import_history
from tests.io.test_written_when import _document

T1 = datetime.datetime(2025, 10, 1, 12, tzinfo=datetime.UTC)
T2 = datetime.datetime(2025, 10, 2, 12, tzinfo=datetime.UTC)
FIGURE = claim("n", predicate="receives-weapons-from", obj=5)
"""A claim read the other way round ('receives-weapons-from') with a figure for its object."""
RANKED = Predicate(id="visits-at", label="visits at a level", kind=PredicateKind.EVENT, scale="level", rank=1)
HIGHEST = attrs.evolve(claim("h", "prc", "visits-at", "dprk"), pattern=Pattern(highest_since=Interval.parse("2019")))
"""A claim in the pattern 'the highest-level visit since 2019', on the ranked predicate."""


def _unchanged(log: ClaimLog) -> tuple[list[str], bytes]:
    """What a refused append must leave as it was: the history, and the store file's bytes."""
    return list(log.export_lines()), log.path.read_bytes()


def _refused(log: ClaimLog, records: Sequence[Record], error: type[Exception], **options: object) -> list[str]:
    """The errors of an append refused with ``error``, after checking it stored nothing."""
    before = _unchanged(log)
    with pytest.raises(error) as caught:
        log.append(records, **options)  # type: ignore[arg-type]
    assert _unchanged(log) == before
    log.read()  # still readable
    errors: list[str] = caught.value.errors  # type: ignore[attr-defined]
    return errors


def _worded(tmp_path: Path, when: str = "two days after the strike") -> ClaimLog:
    """A store holding claim 'c1' dated in words, and 'strike-date' dating the strike they count from."""
    log = ClaimLog(tmp_path / "claims.db")
    claims = factlog.loads(json.dumps(_document(when)))
    log.append([*claims.entities, *claims.predicates, *claims.sources, *claims.claims], at=T1)
    return log


def test_a_predicate_declaring_an_inverse_an_earlier_claim_cannot_take_is_refused(tmp_path: Path) -> None:
    """Claim 'n' read the other way round with a figure, then its inverse declared: a ConflictError naming both."""
    log = ClaimLog(tmp_path / "claims.db")
    log.append([*ENTITIES, *SOURCES, claim("a"), FIGURE], at=T1)
    [error] = _refused(log, PREDICATES, factlog.ConflictError, at=T2)
    assert error.startswith(f"{log.path}: record 1: would strand claim 'n' (appended 2025-10-01T12:00:00.000000Z)")
    assert "proposition.object: an inverse predicate needs an entity as its object" in error


def test_a_predicate_replaced_with_an_inverse_an_earlier_claim_cannot_take_is_refused(tmp_path: Path) -> None:
    """replace=True redefines a predicate with an inverse that claim 'n' (a figure) cannot take: refused."""
    plain = Predicate(id="supplies-weapons-to", label="supplies weapons to", kind=PredicateKind.STATE)
    log = ClaimLog(tmp_path / "claims.db")
    log.append([*ENTITIES, *SOURCES, plain, claim("a"), FIGURE], at=T1)
    [error] = _refused(log, [PREDICATES[0]], factlog.ConflictError, replace=True)
    assert "record 1: would strand claim 'n'" in error


def test_a_predicate_replaced_without_the_rank_an_earlier_claim_needs_is_refused(tmp_path: Path) -> None:
    """The ranked predicate of a 'highest since' claim redefined without its rank: refused, naming the claim."""
    log = ClaimLog(tmp_path / "claims.db")
    log.append([*ENTITIES, *SOURCES, RANKED, HIGHEST], at=T1)
    unranked = attrs.evolve(RANKED, scale=None, rank=None)
    [error] = _refused(log, [unranked], factlog.ConflictError, replace=True, names=["vocabulary.json: $.predicates[0]"])
    assert error.startswith(f"{log.path}: vocabulary.json: $.predicates[0]: would strand claim 'h'")
    assert "pattern.highest_since: predicate 'visits-at' has no rank" in error


def test_a_claim_its_predicate_refuses_is_refused(tmp_path: Path) -> None:
    """A new claim read the other way round with a figure, its inverse declared: a FormatError naming the record."""
    log = ClaimLog(tmp_path / "claims.db")
    log.append([*ENTITIES, *PREDICATES, *SOURCES], at=T1)
    [error] = _refused(log, [claim("a"), FIGURE], factlog.FormatError)
    assert error.startswith(f"{log.path}: record 2: claim 'n': proposition.object: an inverse predicate needs")


def test_a_highest_since_claim_on_an_unranked_predicate_is_refused(tmp_path: Path) -> None:
    """A new 'highest since' claim whose predicate has no rank: a FormatError naming the record and the claim."""
    log = ClaimLog(tmp_path / "claims.db")
    log.append([*ENTITIES, *PREDICATES, *SOURCES], at=T1)
    unranked = attrs.evolve(HIGHEST, proposition=attrs.evolve(HIGHEST.proposition, predicate="visits"))
    [error] = _refused(log, [unranked], factlog.FormatError)
    assert error == f"{log.path}: record 1: claim 'h': pattern.highest_since: predicate 'visits' has no rank:" + (
        " declare its 'scale' and 'rank'"
    )


def test_a_first_append_its_replay_could_not_read_makes_no_store(tmp_path: Path) -> None:
    """Into a missing store, records that refuse each other: a FormatError, and no store file is made."""
    log = ClaimLog(tmp_path / "claims.db")
    with pytest.raises(factlog.FormatError, match=r"record 16: claim 'n': proposition\.object"):
        log.append([*PREDICATES, FIGURE])
    assert not log.path.exists()


def test_a_first_append_retracting_a_claim_it_does_not_hold_makes_no_store(tmp_path: Path) -> None:
    """Into a missing store, an entity and a retraction of no claim: an UnknownIdError, and no store file."""
    log = ClaimLog(tmp_path / "claims.db")
    with pytest.raises(factlog.UnknownIdError, match=r"record 2: no claim 'c0' to retract"):
        log.append([ENTITIES[0], Retraction(claim="c0", reason="withdrawn")])
    assert not log.path.exists()


def test_an_event_name_made_ambiguous_is_refused(tmp_path: Path) -> None:
    """A second event named 'The Strike' would leave 'two days after the strike' ambiguous: refused."""
    log = _worded(tmp_path)
    other = Entity(id="other", name="The Strike", kind=EntityKind.EVENT)
    [error, named] = _refused(log, [other], factlog.ConflictError, names=["more.json: $.entities[0]"])
    assert error.startswith(f"{log.path}: more.json: $.entities[0]: would strand claim 'c1'")
    assert "ambiguous" in error
    assert "would strand claim 'strike-date'" in named  # its subject is written 'the strike'
    assert "proposition.subject: ambiguous name 'the strike'" in named


def test_an_event_replaced_by_another_kind_is_refused(tmp_path: Path) -> None:
    """The strike redefined as a place: no event for the words to count from; refused."""
    log = _worded(tmp_path)
    strike = log.read().entity_by_id["strike"]
    [error] = _refused(log, [attrs.evolve(strike, kind=EntityKind.PLACE)], factlog.ConflictError, replace=True)
    assert "would strand claim 'c1'" in error
    assert "unknown event" in error


def test_a_source_replaced_without_its_date_is_refused(tmp_path: Path) -> None:
    """Words counting from their source's date ('on Tuesday'): the source redefined undated is refused."""
    log = _worded(tmp_path, "on Tuesday")
    source = log.read().source_by_id["s1"]
    [error] = _refused(log, [attrs.evolve(source, published=None)], factlog.ConflictError, replace=True)
    assert "would strand claim 'c1'" in error
    assert "needs a date to count from" in error


def test_the_claim_dating_an_event_replaced_by_a_denial_is_refused(tmp_path: Path) -> None:
    """The only claim dating the strike redefined as a denial: the words lose their event; refused."""
    log = _worded(tmp_path)
    dating = log.read().claim_by_id["strike-date"]
    denial = attrs.evolve(dating, polarity=factlog.Polarity.DENIED)
    [error] = _refused(log, [denial], factlog.ConflictError, replace=True)
    assert error.startswith(f"{log.path}: record 1: would strand claim 'c1'")
    assert "no claim dates it" in error


def test_a_new_claim_leaving_an_event_unbounded_is_refused(tmp_path: Path) -> None:
    """An event dated 'from 20 October on', then 'until 20 October' too: it has no bound left; refused."""
    document = _document("two days before the strike")
    document["claims"][1]["proposition"]["when"] = "2025-10-20/.."
    log = ClaimLog(tmp_path / "claims.db")
    claims = factlog.loads(json.dumps(document))
    log.append([*claims.entities, *claims.predicates, *claims.sources, *claims.claims], at=T1)
    dating = claims.claim_by_id["strike-date"]
    assert dating.proposition is not None
    until = attrs.evolve(
        dating, id="strike-until", proposition=attrs.evolve(dating.proposition, when=Interval.parse("../2025-10-20"))
    )
    [error] = _refused(log, [until], factlog.ConflictError)
    assert "record 1: would strand claim 'c1'" in error


def test_a_new_claim_in_words_with_nothing_to_count_from_is_refused(tmp_path: Path) -> None:
    """Words whose source the store does not hold (and no 'stated'): a FormatError naming the record."""
    log = _worded(tmp_path)
    words = log.read().claim_by_id["c1"]
    orphan = attrs.evolve(words, id="c2", evidence=(attrs.evolve(words.evidence[0], source="nowhere"),))
    [error] = _refused(log, [orphan], factlog.FormatError)
    assert error.startswith(f"{log.path}: record 1: claim 'c2': proposition.when: 'two days after the strike' needs")


def test_a_new_claim_in_words_naming_no_event_is_refused(tmp_path: Path) -> None:
    """Words naming an event the store does not hold: a FormatError naming the record and the event."""
    log = _worded(tmp_path)
    words = log.read().claim_by_id["c1"]
    assert words.proposition is not None
    when = factlog.WrittenWhen.resolve("two days after the summit", "2025-10-30", events={"the summit": "2025-10-01"})
    unknown = attrs.evolve(words, id="c2", proposition=attrs.evolve(words.proposition, when=when))
    [error] = _refused(log, [unknown], factlog.FormatError)
    assert "record 1: claim 'c2': proposition.when: cannot resolve" in error
    assert "unknown event 'the summit'" in error


def test_the_repair_in_the_same_append_is_accepted(tmp_path: Path) -> None:
    """The inverse declared with claim 'n' retracted in the same append: accepted, and the store reads."""
    log = ClaimLog(tmp_path / "claims.db")
    log.append([*ENTITIES, *SOURCES, claim("a"), FIGURE], at=T1)
    log.append([*PREDICATES, Retraction(claim="n", reason="a figure cannot receive")], at=T2)
    assert [c.id for c in log.read().claims] == ["a"]


def test_claims_that_did_not_read_before_do_not_stop_an_append(tmp_path: Path) -> None:
    """A store whose claim 'n' already cannot be read (an older history) still takes an unrelated append."""
    log = ClaimLog(tmp_path / "claims.db")
    import_history(log, tmp_path, [*ENTITIES, *PREDICATES, *SOURCES, claim("a"), FIGURE])
    assert log.append([claim("b")]) == 1
    with pytest.raises(factlog.FormatError, match="claim 'n'"):
        log.read()
    log.append([claim("n", predicate="receives-weapons-from", obj="dprk")], replace=True)
    assert [c.id for c in log.read().claims] == ["a", "n", "b"]


def test_an_import_keeps_a_history_its_replay_cannot_read(tmp_path: Path) -> None:
    """Import is a faithful copy: a history that cannot be read alone imports; replay names the store and claim."""
    log = ClaimLog(tmp_path / "claims.db")
    assert import_history(log, tmp_path, [*ENTITIES, *SOURCES, claim("a"), FIGURE, *PREDICATES]) > 0
    with pytest.raises(factlog.FormatError) as caught:
        log.read()
    [error] = caught.value.errors
    assert error.startswith(f"{log.path}: claim 'n': proposition.object: ")
    log.retract("n", "its predicate came later")
    assert [c.id for c in log.read().claims] == ["a"]


def test_an_import_that_strands_the_stores_claims_is_refused(tmp_path: Path) -> None:
    """A log whose predicate refuses a claim the store already holds: refused at import, nothing stored."""
    log = ClaimLog(tmp_path / "claims.db")
    log.append([*ENTITIES, *SOURCES, claim("a"), FIGURE], at=T1)
    before = _unchanged(log)
    with pytest.raises(factlog.ConflictError, match=r"history\.jsonl:2: would strand claim 'n'"):
        import_history(log, tmp_path, PREDICATES[:1])
    assert _unchanged(log) == before


def test_cli_append_that_strands_a_claim_exits_3_naming_file_and_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`factlog log append` of a predicate file that strands claim 'n': exit 3; stderr names store, file, claim."""
    store = tmp_path / "claims.db"
    ClaimLog(store).append([*ENTITIES, *SOURCES, claim("a"), FIGURE], at=T1)
    file = tmp_path / "vocabulary.json"
    factlog.dump(factlog.ClaimSet(predicates=PREDICATES), file)
    assert main(["log", "append", str(store), str(file)]) == 3
    err = capsys.readouterr().err
    assert f"{store}: {file}: $.predicates[0]: would strand claim 'n'" in err
    assert main(["log", "show", str(store)]) == 0


def test_an_append_naming_more_entities_than_one_statement_binds_is_checked(tmp_path: Path) -> None:
    """1,200 claims about 1,200 entities (SQLite bound 999 values a statement before 3.32): checked, stored."""
    log = ClaimLog(tmp_path / "claims.db")
    entities = [Entity(id=f"e{n}", name=f"Entity {n}", kind=EntityKind.COUNTRY) for n in range(1200)]
    log.append([*ENTITIES, *PREDICATES, *SOURCES, Entity(id="strike", name="the strike", kind=EntityKind.EVENT)])
    log.append(entities)
    assert log.append([claim(f"c{n}", f"e{n}", "visits", "dprk") for n in range(1200)]) == 1200
    assert len(log.read().claims) == 1200


def test_retracting_the_claim_dating_an_event_with_another_dating_it_is_accepted(tmp_path: Path) -> None:
    """The only claim dating the strike retracted in the append that dates it anew: the words still resolve."""
    log = _worded(tmp_path)
    dating = log.read().claim_by_id["strike-date"]
    log.append([Retraction(claim="strike-date", reason="wrong source"), attrs.evolve(dating, id="strike-date-2")])
    c1 = log.read().claim_by_id["c1"]
    assert c1.proposition is not None
    assert str(c1.proposition.when) == "2025-10-22"


def test_retracting_the_claim_dating_an_event_names_the_retraction_and_the_claim(tmp_path: Path) -> None:
    """Retracting the only claim dating the strike: a ConflictError naming the retraction, its claim and 'c1'."""
    log = _worded(tmp_path)
    [error] = _refused(log, [Retraction(claim="strike-date", reason="wrong day")], factlog.ConflictError)
    assert error.startswith(f"{log.path}: record 1 (retracting 'strike-date'): would strand claim 'c1'")


def test_a_new_place_bearing_an_events_name_is_refused(tmp_path: Path) -> None:
    """A place aliased 'the strike' takes the name the claim dating the strike uses: the words lose their event,
    and that claim would name the place."""
    log = _worded(tmp_path)
    place = Entity(id="other", name="Other", kind=EntityKind.PLACE, aliases=("the strike",))
    [error, when, moved] = _refused(log, [place], factlog.ConflictError)
    assert error.startswith(f"{log.path}: record 1: would strand claim 'c1'")
    assert "no claim dates it" in error
    assert when.startswith(f"{log.path}: record 1: would change what claim 'c1'")
    assert moved.startswith(f"{log.path}: record 1: would change what claim 'strike-date'")
    assert "proposition.subject: 'the strike' names entity 'strike' and would name entity 'other'" in moved


def test_a_new_event_taking_the_name_words_count_from_is_refused(tmp_path: Path) -> None:
    """A dated event aliased 'the strike' (an alias wins over a name): 'c1' would count from it, its days moved."""
    log = _worded(tmp_path)
    dating = log.read().claim_by_id["strike-date"]
    assert dating.proposition is not None
    log.append([attrs.evolve(dating, proposition=attrs.evolve(dating.proposition, subject="strike"))], replace=True)
    other = Entity(id="other", name="Other", kind=EntityKind.EVENT, aliases=("the strike",))
    dated = attrs.evolve(dating.proposition, subject="other", when=Interval.parse("2025-09-01"))
    [error] = _refused(log, [other, attrs.evolve(dating, id="other-date", proposition=dated)], factlog.ConflictError)
    assert error.startswith(f"{log.path}: record 1: would change what claim 'c1'")
    assert (
        "proposition.when: 'two days after the strike' counts from 'the-strike', which names entity 'strike'"
        " and would name entity 'other'"
    ) in error
    c1 = log.read().claim_by_id["c1"]
    assert c1.proposition is not None
    assert str(c1.proposition.when) == "2025-10-22"


def test_a_new_place_of_another_name_is_accepted(tmp_path: Path) -> None:
    """A place that bears no event's name changes nothing the words count from: appended."""
    log = _worded(tmp_path)
    assert log.append([Entity(id="other", name="Other", kind=EntityKind.PLACE, aliases=("Elsewhere",))]) == 1
    c1 = log.read().claim_by_id["c1"]
    assert c1.proposition is not None
    assert str(c1.proposition.when) == "2025-10-22"


def test_a_source_appended_again_with_its_document_is_not_refused(tmp_path: Path) -> None:
    """The same source with its document's bytes (a new version of the record) keeps its date: appended."""
    log = _worded(tmp_path, "on Tuesday")
    source = log.read().source_by_id["s1"]
    assert log.append([source], documents={"s1": b"struck"}) == 1
    assert log.documents()["s1"] == b"struck"


def test_a_first_append_defining_a_claim_twice_differently_makes_no_store(tmp_path: Path) -> None:
    """Into a missing store, claim 'a' twice with different objects: a ConflictError, and no store file is made."""
    log = ClaimLog(tmp_path / "claims.db")
    with pytest.raises(factlog.ConflictError, match=r"record 2: claim 'a' is already defined differently"):
        log.append([claim("a"), claim("a", obj="china")])
    assert not log.path.exists()


def test_a_first_append_retracting_a_claim_twice_makes_no_store(tmp_path: Path) -> None:
    """Into a missing store, a claim and two retractions of it: an UnknownIdError as a store gives, and no file."""
    log = ClaimLog(tmp_path / "claims.db")
    retraction = Retraction(claim="a", reason="withdrawn")
    with pytest.raises(
        factlog.UnknownIdError, match=r"record 3: claim 'a' was already retracted at .*Z \('withdrawn'\)$"
    ):
        log.append([claim("a"), retraction, retraction])
    assert not log.path.exists()


def test_a_first_append_is_checked_without_the_claim_it_does_not_store(tmp_path: Path) -> None:
    """Into a missing store, claim 'n' retracted and then given again unreadable, without replace: the last is not
    stored (a RetractedWarning), as on a store that exists, so the append is accepted; it was refused."""
    log = ClaimLog(tmp_path / "claims.db")
    records = [*PREDICATES, attrs.evolve(FIGURE, proposition=claim("x").proposition), Retraction(claim="n", reason="r")]
    with pytest.warns(factlog.RetractedWarning, match="claim 'n' was retracted"):
        assert log.append([*records, FIGURE]) == len(records)
    assert log.read().claims == ()
