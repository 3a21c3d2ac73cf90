"""CPU seconds of one ``ClaimLog.append`` onto a store of generated claims, a fresh copy each round.

``python benchmarks/log_append.py 100000 claim 3 --folder /tmp/log-bench`` builds (once, in
the folder) a store of the generated set's tables and claims, then times each round's
append on a copy of it with :func:`time.process_time`, and prints the rounds. Run with
``PYTHONPATH`` naming a tree to time that tree's factlog (the stores are the same for all).

What is appended (``KIND``): ``claim`` a new claim with a date; ``words`` a new claim
dated "on Tuesday"; ``predicate`` a predicate redefined with a new label; ``predicate-inverse``
one redefined with another inverse (its claims are read; refused since the claims written
with the old inverse would name no predicate, and timed until refused); ``predicate-new-inverse``
one without an inverse given one; ``entity`` a new person; ``alias`` an entity redefined
without its alias (the claims and sources are scanned for it); ``alias-taking`` a new
entity aliased an earlier one's name, which it takes (the claims and sources are scanned
for a claim the name would move; the generated claims write ids: stored); ``derived`` a new source
derived from another; ``event`` a new event; ``retract`` a retraction; ``entity-words``, ``event-words``,
``retract-words`` the same onto a store that holds a claim in words (a new event replays
the whole store then); ``bulk`` every claim at once onto the tables; ``replay`` no
append, a replay of the store.
"""

from __future__ import annotations

import argparse
import datetime
import json
import shutil
import sys
import time
from pathlib import Path

import attrs

import factlog
from factlog import ClaimLog, ClaimSet, Record

_KINDS = (
    "claim",
    "words",
    "predicate",
    "predicate-inverse",
    "predicate-new-inverse",
    "entity",
    "alias",
    "alias-taking",
    "derived",
    "event",
    "retract",
    "entity-words",
    "event-words",
    "retract-words",
    "bulk",
    "replay",
)


def _generated(count: int) -> ClaimSet:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from benchmarks.generate import generate  # noqa: PLC0415 - run as a script, beside this tree's generator

    return factlog.loads(json.dumps(generate(count)))


def _store(count: int, folder: Path) -> Path:
    """The store of ``count`` generated claims in ``folder``, built once."""
    path = folder / f"store-{count}.db"
    if not path.exists():
        claims = _generated(count)
        log = ClaimLog(path)
        at = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
        log.append([*claims.entities, *claims.predicates, *claims.sources], at=at)
        log.append(claims.claims, at=at + datetime.timedelta(hours=1))
        log.append(claims.acknowledged, at=at + datetime.timedelta(hours=2))
    return path


def _records(kind: str, base: ClaimSet) -> tuple[list[Record], bool]:
    """What one round appends, and whether with ``replace``."""
    first = base.claims[0]
    assert first.proposition is not None
    if kind == "claim":
        return [attrs.evolve(first, id="bench-new")], False
    if kind == "words":
        when = factlog.WrittenWhen.resolve("on Tuesday", "2025-10-30")
        proposition = attrs.evolve(first.proposition, when=when)
        stated = factlog.Interval.parse("2025-10-30")
        return [attrs.evolve(first, id="bench-words", proposition=proposition, stated=stated, pattern=None)], False
    if kind == "predicate":
        return [attrs.evolve(base.predicate_by_id["p0"], label="relation zero")], True
    if kind == "predicate-inverse":
        return [attrs.evolve(base.predicate_by_id["p3"], inverse="received-from-p3")], True
    if kind == "predicate-new-inverse":
        return [attrs.evolve(base.predicate_by_id["p4"], inverse="received-from-p4")], True
    if kind == "entity":
        return [factlog.Entity(id="bench-entity", name="Bench entity", kind=factlog.EntityKind.PERSON)], False
    if kind == "alias":
        return [attrs.evolve(base.entity_by_id["e9"], aliases=())], True
    if kind == "alias-taking":
        taken = base.entity_by_id["e10"].name
        return [
            factlog.Entity(id="bench-taker", name="Bench taker", kind=factlog.EntityKind.PERSON, aliases=(taken,))
        ], False
    if kind == "derived":
        source = base.sources[-1]
        return [
            factlog.Source(id="bench-copy", title="A copy", publisher=source.publisher, derived_from=(source.id,))
        ], False
    if kind == "event":
        return [factlog.Entity(id="bench-event", name="Bench event", kind=factlog.EntityKind.EVENT)], False
    if kind == "retract":
        return [factlog.Retraction(claim=base.claims[5].id, reason="withdrawn")], False
    raise SystemExit(f"unknown kind {kind!r}")


def _bulk(count: int, folder: Path, rounds: int) -> list[float]:
    claims = _generated(count)
    times = []
    for number in range(rounds):
        log = ClaimLog(folder / f"bulk-{count}-{number}.db")
        log.append([*claims.entities, *claims.predicates, *claims.sources])
        start = time.process_time()
        log.append(claims.claims)
        times.append(time.process_time() - start)
        log.path.unlink()
    return times


def main(argv: list[str] | None = None) -> int:
    """Time the rounds and print them: ``N KIND: s s s``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("claims", type=int)
    parser.add_argument("kind", choices=_KINDS)
    parser.add_argument("rounds", type=int)
    parser.add_argument("--folder", type=Path, default=Path("/tmp/factlog-log-bench"))
    arguments = parser.parse_args(argv)
    folder: Path = arguments.folder
    folder.mkdir(parents=True, exist_ok=True)
    if arguments.kind == "bulk":
        times = _bulk(arguments.claims, folder, arguments.rounds)
    else:
        store = _store(arguments.claims, folder)
        work = folder / f"work-{arguments.claims}-{arguments.kind}.db"
        times = []
        outcomes: set[str] = set()
        for _ in range(arguments.rounds):
            shutil.copyfile(store, work)
            log = ClaimLog(work)
            if arguments.kind == "replay":
                start = time.process_time()
                log.read()
                times.append(time.process_time() - start)
                continue
            base = log.read()
            if arguments.kind.endswith("-words"):  # a claim in words in the store: the append replays it all
                log.append(_records("words", base)[0])
            records, replace = _records(arguments.kind.removesuffix("-words"), base)
            start = time.process_time()
            try:
                stored = log.append(records, replace=replace)
            except factlog.ConflictError:
                stored = 0  # refused: timed until refused
            times.append(time.process_time() - start)
            outcomes.add("stored" if stored == 1 else "refused")
        work.unlink()
        if "refused" in outcomes:
            print(f"{arguments.claims} {arguments.kind}: refused (timed until refused)", file=sys.stderr)
    print(f"{arguments.claims} {arguments.kind}: " + " ".join(f"{value:.3f}" for value in times))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
