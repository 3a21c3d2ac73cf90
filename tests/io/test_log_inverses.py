"""The claim log pairs declared inverses as loading does, and refuses an append whose inverses cannot pair."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

import factlog
from factlog import ClaimLog, Predicate, PredicateKind
from factlog.io._log import Record
from tests.checks.test_inverse_pairing import AFFIRMED, DENIED, ENTITIES, GIVES, RECEIVES, SOURCES
from tests.helpers import import_history, run

SENDS = Predicate(id="sends-to", label="sends to", kind=PredicateKind.EVENT, inverse="receives-from")
BASE: tuple[Record, ...] = (*ENTITIES, *SOURCES)
SHARED = (
    "inverse: predicate 'sends-to' names 'receives-from' as its inverse, but 'receives-from' is already the"
    " inverse of 'gives-to': inverses pair predicates one to one"
)


def _refused(log: ClaimLog, records: list[Record], error: type[factlog.FactlogError], **options: object) -> list[str]:
    """The errors of an append refused with exactly ``error``, after checking it stored nothing."""
    before = log.path.read_bytes()
    with pytest.raises(error) as caught:
        log.append(records, **options)  # type: ignore[arg-type]
    assert type(caught.value) is error
    assert log.path.read_bytes() == before
    return caught.value.errors


def test_a_replay_finds_the_contradiction_across_a_declared_inverse(tmp_path: Path) -> None:
    """'receives-from' declared with no inverse: the log's claim set checks as the file does."""
    log = ClaimLog(tmp_path / "claims.db")
    log.append([*BASE, GIVES, RECEIVES, AFFIRMED, DENIED])
    found = factlog.check(log.read()).findings
    assert [finding.claim_ids for finding in found if finding.rule == "opposed_claims"] == [("c1", "c2")]


def test_an_append_reads_the_pair_declared_from_one_end(tmp_path: Path) -> None:
    """'receives-from' is read the other way round: a claim with no entity for its object is refused."""
    log = ClaimLog(tmp_path / "claims.db")
    log.append([*BASE, GIVES, RECEIVES])
    figure = attrs.evolve(DENIED, proposition=attrs.evolve(DENIED.proposition, object=factlog.TextValue(text="arms")))
    [error] = _refused(log, [figure], factlog.FormatError)
    assert error.startswith(
        f"{log.path}: record 1: claim 'c2': proposition.object: an inverse predicate needs an entity"
    )


def test_a_name_made_the_inverse_of_two_predicates_is_refused(tmp_path: Path) -> None:
    """'sends-to' appended with the inverse of the store's 'gives-to': a ConflictError naming both."""
    log = ClaimLog(tmp_path / "claims.db")
    log.append([*BASE, GIVES])
    [error] = _refused(log, [SENDS], factlog.ConflictError)
    assert error.startswith(f"{log.path}: record 1: {SHARED} (the store's predicate 'gives-to' (appended ")


def test_an_inverse_made_to_name_a_third_predicate_is_refused(tmp_path: Path) -> None:
    """'receives-from' re-declared with inverse 'sends-to' while 'gives-to' names it: the earlier predicate is named."""
    log = ClaimLog(tmp_path / "claims.db")
    log.append([*BASE, GIVES, RECEIVES])
    chained = attrs.evolve(RECEIVES, inverse="sends-to")
    [error] = _refused(log, [chained], factlog.ConflictError, replace=True)
    assert error.startswith(f"{log.path}: record 1: would make the inverse of predicate 'gives-to' (appended ")
    assert "but 'receives-from' names 'sends-to' as its own" in error


def test_a_symmetric_predicate_made_an_inverse_in_one_append_is_a_format_error(tmp_path: Path) -> None:
    """Both predicates in the append: a FormatError naming the record of the one naming the symmetric one."""
    log = ClaimLog(tmp_path / "claims.db")
    log.append([*BASE])
    symmetric = Predicate(id="receives-from", label="r", kind=PredicateKind.EVENT, symmetric=True)
    [error] = _refused(log, [symmetric, GIVES], factlog.FormatError, names=["vocabulary.json: $.predicates[0]", "x"])
    assert error.startswith(f"{log.path}: x: inverse: predicate 'gives-to' names 'receives-from'")
    assert "'receives-from' is declared symmetric" in error


def test_the_first_append_with_a_clash_makes_no_store(tmp_path: Path) -> None:
    """A new store's first append naming one inverse twice: a FormatError, and no store file."""
    log = ClaimLog(tmp_path / "claims.db")
    with pytest.raises(factlog.FormatError) as caught:
        log.append([*BASE, GIVES, SENDS])
    assert caught.value.errors == [f"{log.path}: record {len(BASE) + 2}: {SHARED}"]
    assert not log.path.exists()


def _held_clash(tmp_path: Path) -> ClaimLog:
    """A store whose history holds a clash (an import copies its history as it is, as a store written before did)."""
    log = ClaimLog(tmp_path / "claims.db")
    claims = [
        AFFIRMED,
        attrs.evolve(DENIED, id="c3", proposition=attrs.evolve(DENIED.proposition, predicate="sends-to")),
    ]
    import_history(log, tmp_path, [*BASE, GIVES, SENDS, *claims])
    return log


def test_a_store_holding_a_clash_replays_every_record(tmp_path: Path) -> None:
    """Replay, `log show` and a snapshot keep every record; `factlog validate` then names the clash."""
    log = _held_clash(tmp_path)
    held = log.read()
    assert [predicate.id for predicate in held.predicates] == ["gives-to", "sends-to"]
    assert [claim.id for claim in held.claims] == ["c1", "c3"]
    shown = run("log", "show", str(log.path))
    assert shown.returncode == 0
    assert [claim["id"] for claim in json.loads(shown.stdout)["claims"]] == ["c1", "c3"]
    folder = log.snapshot(tmp_path / "snapshot")
    done = run("validate", str(folder))
    assert done.returncode == 3
    assert f"{folder / 'claims.json'}: $.predicates[1].inverse: predicate 'sends-to'" in done.stderr


def test_a_store_holding_a_clash_takes_appends_that_leave_it(tmp_path: Path) -> None:
    """An append that does not touch the clash is accepted; one that undoes it too."""
    log = _held_clash(tmp_path)
    assert log.append([attrs.evolve(AFFIRMED, id="c4")]) == 1
    assert log.append([attrs.evolve(SENDS, inverse=None)], replace=True) == 1


def test_a_store_holding_a_clash_refuses_another(tmp_path: Path) -> None:
    """A third predicate naming the same inverse is a new clash: refused."""
    log = _held_clash(tmp_path)
    third = attrs.evolve(SENDS, id="ships-to")
    [error] = _refused(log, [third], factlog.ConflictError)
    assert error.startswith(f"{log.path}: record 1: inverse: predicate 'ships-to' names 'receives-from'")


def test_cli_append_of_a_clash_exits_3_naming_the_file_and_record(tmp_path: Path) -> None:
    """`factlog log append` of a predicate naming the store's inverse: exit 3, the store, file and JSON path named."""
    log = ClaimLog(tmp_path / "claims.db")
    log.append([*BASE, GIVES])
    path = tmp_path / "p.json"
    factlog.dump(factlog.ClaimSet(predicates=(SENDS,)), path)
    done = run("log", "append", str(log.path), str(path))
    assert done.returncode == 3
    assert done.stderr.startswith(f"error: {log.path}: {path}: $.predicates[0]: {SHARED} (the store's predicate")


def test_a_store_holding_a_claim_the_pair_now_refuses_is_repaired_by_retracting_it(tmp_path: Path) -> None:
    """A claim on the larger id with a text object (read forwards before): replay names it; retracted, it replays."""
    log = ClaimLog(tmp_path / "claims.db")
    text = attrs.evolve(DENIED, proposition=attrs.evolve(DENIED.proposition, object=factlog.TextValue(text="arms")))
    import_history(log, tmp_path, [*BASE, GIVES, RECEIVES, AFFIRMED, text])
    with pytest.raises(factlog.FormatError) as caught:
        log.read()
    assert caught.value.errors == [
        f"{log.path}: claim 'c2': proposition.object: an inverse predicate needs an entity as its object"
        " ('receives-from' is 'gives-to' read the other way round: its object becomes the subject)"
    ]
    assert sum(1 for _ in log.export_lines()) == 1 + len(BASE) + 4
    log.retract("c2", "its object is no entity")
    assert [claim.id for claim in log.read().claims] == ["c1"]
