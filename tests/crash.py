"""Faults on purpose: writers killed with SIGKILL at random moments, and writers racing each other.

``python -m tests.crash --rounds 200 --writers 4 --appends 1000`` runs the long campaign
(``make fuzz``); the test suite runs a few rounds of each. Every function returns its
figures, counted (a torn target, a record lost); the appenders also assert that nothing
was lost, and ``main`` exits 1 when a dump left a torn target or a temporary file.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import factlog
from tests.helpers import ROOT, claim, world

_DUMPER = """
import sys, factlog
target, first, second = sys.argv[1], factlog.load(sys.argv[2]), factlog.load(sys.argv[3])
started = False
while True:
    factlog.dump(first, target)
    factlog.dump(second, target)
    if not started:
        print("dumping", flush=True)
        started = True
"""
# Each append: a source whose document is 1-3 MiB (kept in the store) and a claim citing it.
_BIG_APPENDER = """
import sys, random, factlog
from tests.helpers import claim
log = factlog.ClaimLog(sys.argv[1])
start = int(sys.argv[2])
rng = random.Random(start)
for number in range(start, start + 100000):
    text = bytes(rng.randrange(97, 123) for _ in range(64)) * (rng.randrange(1, 4) << 14)
    source = factlog.Source(id=f"s{number}", title="Big", publisher="author", document="big.txt")
    log.append([source, claim(f"c{number}", source=f"s{number}")], documents={f"s{number}": text})
    print(number, flush=True)
"""
_RACER = """
import os, sys, time, factlog
from tests.helpers import claim
path, tag, appends, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
log = factlog.ClaimLog(path)
print("ready", flush=True)
while not os.path.exists(go):
    time.sleep(0.001)  # waiting without spinning: the other writers are still starting on the same cores
for number in range(appends):
    log.append([claim(f"{tag}-{number}")])
    print(number, flush=True)
"""


def _python(code: str, *args: str, errors: int = subprocess.DEVNULL) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=errors, text=True
    )


def kill_dumps(rounds: int, seed: int = 1, dumper: str = _DUMPER) -> dict[str, int]:
    """Kill a process that rewrites one file over and over (``dumper``: its code); count torn targets."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        first = world(claim("a"))
        second = world(*(claim(f"b{n}") for n in range(200)))
        factlog.dump(first, base / "first.json")
        factlog.dump(second, base / "second.json")
        allowed = {(base / "first.json").read_bytes(), (base / "second.json").read_bytes()}
        target = base / "target.json"
        factlog.dump(first, target)
        torn = 0
        for _ in range(rounds):
            writer = _python(dumper, str(target), str(base / "first.json"), str(base / "second.json"))
            if writer.stdout is not None:
                writer.stdout.readline()  # killed while it dumps, not while Python starts
            time.sleep(rng.random() * 0.2)
            writer.send_signal(signal.SIGKILL)
            writer.communicate()
            torn += target.read_bytes() not in allowed  # neither the old nor the new file
        # The next write removes what the killed writers left behind.
        factlog.dump(first, target)
        leftovers = [p.name for p in base.iterdir() if p.name.startswith(".target.json.")]
    return {"rounds": rounds, "kills": rounds, "torn_targets": torn, "temporary_files_left": len(leftovers)}


def kill_appends(rounds: int, seed: int = 2, per_store: int = 25) -> dict[str, int]:
    """Kill a process appending MiB-sized documents to a store; every append that returned is there.

    A fresh store every ``per_store`` kills keeps the disk used in bounds (each holds
    some hundreds of MiB by then).
    """
    rng = random.Random(seed)
    acknowledged = lost = largest = 0
    for first in range(0, rounds, per_store):
        report = _kill_one_store(min(per_store, rounds - first), rng)
        acknowledged += report[0]
        lost += report[1]
        largest = max(largest, report[2])
    assert lost == 0
    return {
        "rounds": rounds,
        "kills": rounds,
        "appends_acknowledged": acknowledged,
        "records_lost": lost,
        "largest_store_bytes": largest,
    }


def _kill_one_store(rounds: int, rng: random.Random) -> tuple[int, int, int]:
    acknowledged: list[int] = []
    next_number = 0
    with tempfile.TemporaryDirectory() as folder:
        log = factlog.ClaimLog(Path(folder) / "claims.db")
        for _ in range(rounds):
            writer = _python(_BIG_APPENDER, str(log.path), str(next_number))
            first = writer.stdout.readline() if writer.stdout is not None else ""  # started: the store exists
            time.sleep(rng.random() * 0.4)
            writer.send_signal(signal.SIGKILL)
            output, _ = writer.communicate()
            done = [int(line) for line in (first + output).split()]
            acknowledged.extend(done)
            next_number = (done[-1] if done else next_number) + 2
            present = {c.id for c in log.read().claims}  # a full replay
            missing = [n for n in acknowledged if f"c{n}" not in present]
            assert not missing, f"appends that returned are missing: {missing[:5]}"
        stored = log.documents()
        size = sum(path.stat().st_size for path in Path(folder).iterdir())
    return len(acknowledged), sum(1 for n in acknowledged if f"s{n}" not in stored), size


def race_appends(writers: int, appends: int) -> dict[str, int]:
    """``writers`` processes append ``appends`` records each to one new store at once; none is lost."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.db"
        go = Path(folder) / "go"
        racers = [
            _python(_RACER, str(path), f"w{n}", str(appends), str(go), errors=subprocess.PIPE) for n in range(writers)
        ]
        for racer in racers:  # every writer imported and waiting: they create the store together
            assert racer.stdout is not None
            assert racer.stdout.readline() == "ready\n", "a writer failed before it could append"
        go.touch()
        outputs = [racer.communicate() for racer in racers]
        acknowledged = {f"w{n}": [int(x) for x in output.split()] for n, (output, _) in enumerate(outputs)}
        complaints = [errors.strip().splitlines()[-1] for _, errors in outputs if errors.strip()]
        present = {c.id for c in factlog.ClaimLog(path).read().claims}
    total = sum(len(done) for done in acknowledged.values())
    lost = sum(f"{tag}-{number}" not in present for tag, done in acknowledged.items() for number in done)
    assert lost == 0
    assert total == writers * appends, f"a writer failed: {complaints}"
    return {"writers": writers, "appends_acknowledged": total, "records_lost": lost}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Kill factlog's writers at random moments, and race them.")
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--appends", type=int, default=1000)
    arguments = parser.parse_args(argv)
    started = time.perf_counter()
    report = {
        "race": race_appends(arguments.writers, arguments.appends),
        "log": kill_appends(arguments.rounds),
        "dump": kill_dumps(arguments.rounds),
        "seconds": round(time.perf_counter() - started, 1),
    }
    print(json.dumps(report))
    dump = report["dump"]
    assert isinstance(dump, dict)
    return 1 if dump["torn_targets"] or dump["temporary_files_left"] else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONPATH", str(ROOT))
    sys.exit(main())
