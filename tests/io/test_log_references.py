"""The claim log refuses an append after which a reference of an earlier record would no longer resolve."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path

import attrs
import pytest

import factlog
from factlog import ClaimLog, Entity, EntityKind, Predicate, PredicateKind, Retraction, Source
from factlog.cli import main
from factlog.io._log import Record
from factlog.io._logreader import FOLDING_TO_ASCII, loosened
from factlog.io._references import unresolved
from factlog.model._vocabulary import Vocabulary
from tests.helpers import ENTITIES, PREDICATES, SOURCES, claim, history_file, import_history

T1 = datetime.datetime(2025, 10, 1, 12, tzinfo=datetime.UTC)
BASE = (*ENTITIES, *PREDICATES, *SOURCES)
RECEIVES = claim("n", "russia", "receives-weapons-from", "dprk")
"""A claim written with the inverse 'receives-weapons-from' of 'supplies-weapons-to'."""
SUPPLIES = PREDICATES[0]
DPRK, RUSSIA, PRC = ENTITIES[0], ENTITIES[1], ENTITIES[2]


def _store(tmp_path: Path, *records: Record) -> ClaimLog:
    """A store holding the shared entities, predicates and sources, then ``records``; its replay validates."""
    log = ClaimLog(tmp_path / "claims.db")
    log.append([*BASE, *records], at=T1)
    held = log.read()
    assert unresolved(held, held) == []
    return log


def _refused(log: ClaimLog, records: Sequence[Record], **options: object) -> list[str]:
    """The errors of an append refused with a ConflictError, after checking it stored nothing."""
    before = list(log.export_lines()), log.path.read_bytes()
    with pytest.raises(factlog.ConflictError) as caught:
        log.append(records, **options)  # type: ignore[arg-type]
    assert (list(log.export_lines()), log.path.read_bytes()) == before
    return caught.value.errors


def test_a_predicate_replaced_with_another_inverse_is_refused(tmp_path: Path) -> None:
    """Claim 'n' is written with the old inverse; a new inverse id would leave it an unknown predicate: refused."""
    log = _store(tmp_path, claim("a"), RECEIVES)
    [error] = _refused(log, [attrs.evolve(SUPPLIES, inverse="gets-weapons-from")], replace=True)
    assert error.startswith(f"{log.path}: record 1: would strand claim 'n' (appended 2025-10-01T12:00:00.000000Z)")
    assert "proposition.predicate: unknown predicate 'receives-weapons-from'" in error


def test_a_predicate_replaced_without_its_inverse_is_refused(tmp_path: Path) -> None:
    """The inverse dropped from 'supplies-weapons-to': claim 'n' would name no predicate; refused."""
    log = _store(tmp_path, RECEIVES)
    [error] = _refused(log, [attrs.evolve(SUPPLIES, inverse=None)], replace=True, names=["vocabulary.json: $.p[0]"])
    assert error.startswith(f"{log.path}: vocabulary.json: $.p[0]: would strand claim 'n'")


def test_an_inverse_renamed_with_its_claims_in_the_same_append_is_accepted(tmp_path: Path) -> None:
    """The new inverse with claim 'n' rewritten to it, or retracted, in the same append: accepted, and it validates."""
    log = _store(tmp_path, RECEIVES, claim("m", "russia", "receives-weapons-from", "prc"))
    renamed = attrs.evolve(RECEIVES.proposition, predicate="gets-weapons-from")
    moved = attrs.evolve(RECEIVES, proposition=renamed)
    renaming = attrs.evolve(SUPPLIES, inverse="gets-weapons-from")
    log.append([renaming, moved, Retraction(claim="m", reason="r")], replace=True)
    held = log.read()
    assert unresolved(held, held) == []
    assert [c.id for c in held.claims] == ["n"]


def test_the_exclusive_with_of_a_predicate_naming_the_old_inverse_is_refused(tmp_path: Path) -> None:
    """A predicate exclusive with 'receives-weapons-from': the inverse renamed would strand that predicate."""
    exclusive = Predicate(id="z", label="z", kind=PredicateKind.STATE, exclusive_with=("receives-weapons-from",))
    log = _store(tmp_path, exclusive)
    [error] = _refused(log, [attrs.evolve(SUPPLIES, inverse="gets-weapons-from")], replace=True)
    assert error.startswith(f"{log.path}: record 1: would strand predicate 'z' (appended 2025-10-01T12:00:00.000000Z)")
    assert "exclusive_with[0]: unknown predicate 'receives-weapons-from'" in error


@pytest.mark.parametrize(
    ("written", "field"),
    [
        (claim("n", "Pyongyang"), "proposition.subject"),
        (claim("n", "russia", "visits", "Pyongyang"), "proposition.object"),
        (claim("n", "russia", "allied-with", ("Pyongyang", "prc")), "proposition.object[0]"),
        (claim("n", holder="Pyongyang"), "attribution.holder"),
        (claim("n", via=("Pyongyang",)), "attribution.via[0]"),
    ],
)
def test_an_alias_dropped_that_a_claim_names_is_refused(tmp_path: Path, written: factlog.Claim, field: str) -> None:
    """North Korea redefined without the alias 'Pyongyang' that claim 'n' writes: refused, naming the field."""
    log = _store(tmp_path, written)
    [error] = _refused(log, [attrs.evolve(DPRK, aliases=("DPRK",))], replace=True)
    assert error.startswith(f"{log.path}: record 1: would strand claim 'n'")
    assert f"{field}: unknown entity 'Pyongyang'" in error


def test_a_name_made_ambiguous_is_refused(tmp_path: Path) -> None:
    """A second entity named 'North Korea': the claim writing that name could mean either; refused."""
    log = _store(tmp_path, claim("n", "North Korea"))
    other = Entity(id="nk-film", name="North Korea", kind=EntityKind.OTHER)
    [error] = _refused(log, [other])
    assert "would strand claim 'n'" in error
    assert "proposition.subject: ambiguous name 'North Korea': it names entities dprk, nk-film" in error


def test_a_qualifier_made_ambiguous_is_refused(tmp_path: Path) -> None:
    """A qualifier in plain words ('Seoul') that two new entities are named: it would be ambiguous; refused."""
    log = _store(tmp_path, claim("n", qualifiers={"place": "Seoul"}))
    cities = [Entity(id=f"seoul-{n}", name="Seoul", kind=EntityKind.PLACE) for n in (1, 2)]
    [error] = _refused(log, cities)
    assert "would strand claim 'n'" in error
    assert "proposition.qualifiers.place: ambiguous name 'Seoul'" in error


def test_a_publisher_named_by_a_dropped_alias_is_refused(tmp_path: Path) -> None:
    """Source 's9' published by 'Beijing'; China redefined without that alias would strand the source."""
    log = _store(tmp_path, Source(id="s9", title="A release", publisher="Beijing"))
    [error] = _refused(log, [attrs.evolve(PRC, aliases=())], replace=True)
    assert error.startswith(f"{log.path}: record 1: would strand source 's9' (appended 2025-10-01T12:00:00.000000Z)")
    assert "publisher: unknown entity 'Beijing'" in error


def test_a_new_entity_taking_an_earlier_alias_as_its_id_is_refused(tmp_path: Path) -> None:
    """A city with the id 'pyongyang' takes North Korea's alias: the alias would name two entities; refused."""
    log = _store(tmp_path)
    city = Entity(id="pyongyang", name="Pyongyang (city)", kind=EntityKind.PLACE)
    [error] = _refused(log, [city])
    assert error.startswith(f"{log.path}: record 1: would strand entity 'dprk'")
    assert "aliases[1]: alias 'Pyongyang' already names entity 'pyongyang'" in error


def test_a_source_closing_a_cycle_of_derivations_is_refused(tmp_path: Path) -> None:
    """'s2' redefined as derived from 's3', which derives from it: both would be on a cycle; refused."""
    log = _store(tmp_path)
    [error, *_] = _refused(log, [attrs.evolve(SOURCES[1], derived_from=("s3",))], replace=True)
    assert error.startswith(f"{log.path}: record 1: would strand source 's3'")
    assert "derived_from makes a cycle" in error


def test_an_entity_closing_a_cycle_of_affiliations_is_refused(tmp_path: Path) -> None:
    """North Korea redefined as speaking for KCNA, which speaks for it: refused."""
    log = _store(tmp_path)
    [error, *_] = _refused(log, [attrs.evolve(DPRK, affiliation="kcna")], replace=True)
    assert error.startswith(f"{log.path}: record 1: would strand entity 'kcna'")
    assert "affiliation makes a cycle" in error


def test_references_that_did_not_resolve_before_do_not_stop_an_append(tmp_path: Path) -> None:
    """Claim 'u' names an unknown entity from the start: an unrelated alias dropped is still appended."""
    log = ClaimLog(tmp_path / "claims.db")
    log.append([*BASE, claim("u", "Atlantis"), claim("n", "Pyongyang")])
    assert log.append([attrs.evolve(RUSSIA, aliases=())], replace=True) == 1


def test_a_new_entity_of_fresh_names_and_a_new_alias_are_accepted(tmp_path: Path) -> None:
    """An entity of names nobody bears, and North Korea given one more alias: both appended."""
    log = _store(tmp_path, claim("n", "Pyongyang"))
    assert log.append([Entity(id="seoul", name="Seoul", kind=EntityKind.PLACE)]) == 1
    assert log.append([attrs.evolve(DPRK, aliases=(*DPRK.aliases, "Choson"))], replace=True) == 1


def test_an_import_replacing_a_held_claim_with_one_it_cannot_read_is_refused(tmp_path: Path) -> None:
    """The store reads claim 'n'; a history whose 'n' is read the other way round with a figure: nothing imported."""
    log = _store(tmp_path, claim("a"), RECEIVES)
    figure = claim("n", predicate="receives-weapons-from", obj=5)
    before = list(log.export_lines()), log.path.read_bytes()
    with pytest.raises(factlog.FormatError) as caught:
        import_history(log, tmp_path, [*PREDICATES[:1], claim("b"), figure])
    [error] = caught.value.errors
    assert error.startswith(f"{log.path}: {tmp_path / 'history.jsonl'}:4: claim 'n': proposition.object: ")
    assert "would replace the store's claim 'n'" in error
    assert (list(log.export_lines()), log.path.read_bytes()) == before
    assert log.read().claim_by_id["n"] == RECEIVES


def test_cli_import_replacing_a_held_claim_with_one_it_cannot_read_exits_3_naming_file_line_and_claim(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`factlog log import` of a history whose claim 'n' the store reads otherwise: exit 3, named, nothing stored."""
    log = _store(tmp_path, claim("a"), RECEIVES)
    before = list(log.export_lines()), log.path.read_bytes()
    history = history_file(
        tmp_path, [*PREDICATES[:1], claim("b"), claim("n", predicate="receives-weapons-from", obj=5)]
    )
    assert main(["log", "import", str(log.path), str(history)]) == 3
    [line] = [line for line in capsys.readouterr().err.splitlines() if line.startswith("error: ")]
    assert line.startswith(f"error: {log.path}: {history}:4: claim 'n': proposition.object: ")
    assert "; it would replace the store's claim 'n' (appended 2025-10-01T12:00:00.000000Z), which reads" in line
    assert line.endswith("import into a new store to keep this history as it is")
    assert (list(log.export_lines()), log.path.read_bytes()) == before


def test_cli_append_that_strands_a_reference_exits_3_naming_file_record_and_claim(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`factlog log append --replace` of a vocabulary renaming an inverse: exit 3, and `log show` still validates."""
    store = tmp_path / "claims.db"
    _store(tmp_path, RECEIVES)
    file = tmp_path / "vocabulary.json"
    factlog.dump(factlog.ClaimSet(predicates=(attrs.evolve(SUPPLIES, inverse="gets-weapons-from"),)), file)
    assert main(["log", "append", "--replace", str(store), str(file)]) == 3
    assert f"{store}: {file}: $.predicates[0]: would strand claim 'n'" in capsys.readouterr().err
    assert main(["log", "show", str(store)]) == 0
    shown = tmp_path / "now.json"
    shown.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["validate", str(shown)]) == 0


@pytest.mark.parametrize(
    ("alias", "written"),
    [("Ryugyong", "RYUGYONG"), ("Ryugyong", "ryugyong"), ("Hauptstrasse", "Hauptstraße"), ("Kim", "\u212aim")],
)
def test_a_dropped_alias_is_found_however_a_claim_spells_it(tmp_path: Path, alias: str, written: str) -> None:
    """A claim writing the alias in another case, or with what folds to ASCII (ß, the Kelvin sign): refused."""
    place = Entity(id="place", name="The place", kind=EntityKind.PLACE, aliases=(alias,))
    log = _store(tmp_path, place, claim("n", written))
    [error] = _refused(log, [attrs.evolve(place, aliases=())], replace=True)
    assert "would strand claim 'n'" in error
    assert f"proposition.subject: unknown entity {written!r}" in error


def test_the_characters_folding_to_ascii_are_all_listed() -> None:
    """The characters beyond ASCII, in all of Unicode, that a name's folding turns into some ASCII: those listed."""
    folding = {c for c in map(chr, range(0x80, 0x110000)) if any(part < "\x80" for part in loosened(c))}
    assert folding == set(FOLDING_TO_ASCII)


def test_an_alias_dropped_that_another_entity_is_named_is_refused(tmp_path: Path) -> None:
    """'Pyongyang' is North Korea's alias and a town's name: the alias dropped, claim 'n' would mean the town."""
    town = Entity(id="town", name="Pyongyang", kind=EntityKind.PLACE)
    log = _store(tmp_path, town, claim("n", "Pyongyang"))
    [error] = _refused(log, [attrs.evolve(DPRK, aliases=("DPRK",))], replace=True)
    assert error.startswith(f"{log.path}: record 1: would change what claim 'n' (appended 2025-10-01T12:00:00.000000Z)")
    assert "proposition.subject: 'Pyongyang' names entity 'dprk' and would name entity 'town'" in error
    assert "retract or replace that claim first, or in the same append" in error


def test_a_new_alias_taking_an_earlier_entity_s_name_is_refused(tmp_path: Path) -> None:
    """A film aliased 'North Korea' (an alias wins over a name): claim 'n' would mean the film; refused."""
    log = _store(tmp_path, claim("n", "russia", "visits", "North Korea"), Source(id="s9", title="t", publisher="China"))
    film = Entity(id="film", name="Film", kind=EntityKind.OTHER, aliases=("North Korea", "China"))
    errors = _refused(log, [film])
    assert [error.split(": ", 2)[1] for error in errors] == ["record 1", "record 1"]
    assert "would change what claim 'n'" in errors[0]
    assert "proposition.object: 'North Korea' names entity 'dprk' and would name entity 'film'" in errors[0]
    assert "would change what source 's9'" in errors[1]
    assert "publisher: 'China' names entity 'prc' and would name entity 'film'" in errors[1]


def test_a_declared_inverse_unpaired_is_refused(tmp_path: Path) -> None:
    """'sends-to' re-declared without its inverse 'takes-from', itself declared: claim 't' would say another thing."""
    sends = Predicate(id="sends-to", label="sends to", kind=PredicateKind.EVENT, inverse="takes-from")
    takes = Predicate(id="takes-from", label="takes from", kind=PredicateKind.EVENT)
    log = _store(tmp_path, sends, takes, claim("t", "russia", "takes-from", "dprk"))
    [error] = _refused(log, [attrs.evolve(sends, inverse=None)], replace=True)
    assert error.startswith(f"{log.path}: record 1: would change what claim 't'")
    assert (
        "proposition.predicate: 'takes-from' names predicate 'sends-to' (read the other way round)"
        " and would name predicate 'takes-from'"
    ) in error


def test_an_inverse_declared_with_a_smaller_id_stays_paired(tmp_path: Path) -> None:
    """'takes-from', the inverse of 'sends-to', declared alone: the pair holds whichever id is smaller; accepted."""
    sends = Predicate(id="sends-to", label="sends to", kind=PredicateKind.EVENT, inverse="takes-from")
    log = _store(tmp_path, sends, claim("t", "russia", "takes-from", "dprk"), claim("s", "dprk", "sends-to", "russia"))
    assert log.append([Predicate(id="takes-from", label="takes from", kind=PredicateKind.EVENT)]) == 1
    held = log.read()
    vocabulary = Vocabulary.of(held)
    assert len({vocabulary.key(claim.proposition) for claim in held.claims if claim.proposition}) == 1


def test_an_inverse_declared_that_stays_paired_is_accepted(tmp_path: Path) -> None:
    """'receives-weapons-from' declared: still paired with 'supplies-weapons-to', claim 'n' says the same."""
    log = _store(tmp_path, RECEIVES, claim("s", "dprk", "supplies-weapons-to", "russia"))
    own = Predicate(id="receives-weapons-from", label="receives weapons from", kind=PredicateKind.STATE)
    assert log.append([own]) == 1
    held = log.read()
    vocabulary = Vocabulary.of(held)
    assert unresolved(held, held) == []
    assert len({vocabulary.key(claim.proposition) for claim in held.claims if claim.proposition}) == 1


def test_a_name_moved_with_the_claims_rewritten_in_the_same_append_is_accepted(tmp_path: Path) -> None:
    """The alias dropped with claim 'n' rewritten to North Korea's id in the same append: accepted."""
    town = Entity(id="town", name="Pyongyang", kind=EntityKind.PLACE)
    log = _store(tmp_path, town, claim("n", "Pyongyang"))
    assert log.append([attrs.evolve(DPRK, aliases=("DPRK",)), claim("n", "dprk")], replace=True) == 2
    held = log.read()
    assert unresolved(held, held) == []


def test_a_name_that_resolved_to_nothing_may_come_to_name_an_entity(tmp_path: Path) -> None:
    """Claim 'u' names 'Atlantis', which no entity bore: an entity named so is appended (an id defined later)."""
    log = ClaimLog(tmp_path / "claims.db")
    log.append([*BASE, claim("u", "Atlantis")])
    assert log.append([Entity(id="atlantis", name="Atlantis", kind=EntityKind.PLACE)]) == 1


def test_a_refusal_stranding_many_claims_lists_the_first_and_counts_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """25 claims on the old inverse: the message and `log append` list 10 and 'and 15 more'; `errors` holds all 25."""
    log = _store(tmp_path, *(attrs.evolve(RECEIVES, id=f"n{n:02}") for n in range(25)))
    renaming = attrs.evolve(SUPPLIES, inverse="gets-weapons-from")
    with pytest.raises(factlog.ConflictError) as caught:
        log.append([renaming], replace=True)
    error = caught.value
    assert [line.split("would strand claim ")[1][:5] for line in error.errors] == [f"'n{n:02}'" for n in range(25)]
    assert str(error).splitlines() == [*error.errors[:10], "and 15 more"]
    file = tmp_path / "vocabulary.json"
    factlog.dump(factlog.ClaimSet(predicates=(renaming,)), file)
    assert main(["log", "append", "--replace", str(log.path), str(file)]) == 3
    printed = [line for line in capsys.readouterr().err.splitlines() if line.startswith("error: ")]
    assert len(printed) == 11
    assert printed[-1] == "error: and 15 more"


def test_a_new_entity_aliased_by_an_earlier_entity_s_id_is_refused(tmp_path: Path) -> None:
    """A film aliased 'Russia' (the id of an earlier entity, in another case): the store would not validate; refused."""
    log = _store(tmp_path)
    film = Entity(id="film", name="Film", kind=EntityKind.OTHER, aliases=("Russia",))
    before = list(log.export_lines()), log.path.read_bytes()
    with pytest.raises(factlog.FormatError) as caught:
        log.append([film])
    assert (list(log.export_lines()), log.path.read_bytes()) == before
    [error] = caught.value.errors
    assert error.startswith(f"{log.path}: record 1: entity 'film': aliases[0]: ")
    assert "'Russia' already names entity 'russia'" in error


def test_a_reference_resolving_before_and_after_is_no_strand_whatever_names_come_close(tmp_path: Path) -> None:
    """A new 'ALAND' beside 'Aland': claim 'c1' naming 'Bland' in words still resolves; appended, not a false strand."""
    log = ClaimLog(tmp_path / "claims.db")
    aland = Entity(id="first", name="Aland", kind=EntityKind.COUNTRY)
    bland = Entity(id="bland", name="Bland", kind=EntityKind.COUNTRY)
    written = attrs.evolve(claim("c1", "first", "visits", "Bland"), statement="Aland visits Bland.")
    log.append([*BASE, aland, bland, written], at=T1)
    assert log.append([Entity(id="second", name="ALAND", kind=EntityKind.COUNTRY)]) == 1
    assert unresolved(log.read(), log.read()) == []
