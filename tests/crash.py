"""Crash tests: kill writers with SIGKILL at random moments, then check nothing was lost.

``python -m tests.crash --rounds 1000`` runs the long campaign; the test suite runs a
few rounds of each.
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
import warnings
from pathlib import Path

import factlog
from tests.helpers import ROOT, claim, world

_DUMPER = """
import sys, factlog
target, first, second = sys.argv[1], factlog.load(sys.argv[2]), factlog.load(sys.argv[3])
while True:
    factlog.dump(first, target)
    factlog.dump(second, target)
"""
_APPENDER = """
import sys, datetime, factlog
from tests.helpers import claim
log = factlog.ClaimLog(sys.argv[1])
start = int(sys.argv[2])
print("ready", flush=True)
for number in range(start, start + 100000):
    records = [claim(f"c{number}-{part}") for part in range(3)]
    log.append(records)
    print(number, flush=True)
"""


def _python(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )


def kill_dumps(rounds: int, seed: int = 1) -> dict[str, int]:
    """Kill a process that rewrites one file over and over; the file is always whole."""
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
        for _ in range(rounds):
            writer = _python(_DUMPER, str(target), str(base / "first.json"), str(base / "second.json"))
            time.sleep(0.3 + rng.random() * 0.2)
            writer.send_signal(signal.SIGKILL)
            writer.communicate()
            assert target.read_bytes() in allowed, "the target is neither the old nor the new file"
        leftovers = [p.name for p in base.iterdir() if p.name.startswith(".target.json.")]
    return {"rounds": rounds, "kills": rounds, "torn_targets": 0, "temporary_files_left": len(leftovers)}


def kill_appends(rounds: int, seed: int = 2) -> dict[str, int]:
    """Kill a process appending to a log; every append that returned is there afterwards."""
    rng = random.Random(seed)
    acknowledged: list[int] = []
    next_number = 0
    torn = 0
    with tempfile.TemporaryDirectory() as folder:
        log = factlog.ClaimLog(Path(folder) / "claims.log")
        for round_number in range(rounds):
            writer = _python(_APPENDER, str(log.path), str(next_number))
            assert writer.stdout is not None
            assert writer.stdout.readline() == "ready\n"  # imports done: the kill lands among appends, however busy
            time.sleep(0.3 + rng.random() * 0.2)
            writer.send_signal(signal.SIGKILL)
            output, _ = writer.communicate()
            done = [int(line) for line in output.split()]
            acknowledged.extend(done)
            next_number = (done[-1] if done else next_number) + 2
            # Recovery after every kill: a full replay now and then, the ids on the lines otherwise.
            if round_number % 10 == 0:
                replay = log.replay()
                torn += bool(replay.torn)
                present = {c.id for c in replay.claims.claims}
            else:
                present = _ids_on_complete_lines(log.path)
            missing = [n for n in acknowledged if f"c{n}-2" not in present]
            assert not missing, f"appends that returned are missing: {missing[:5]}"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", factlog.TornLineWarning)
            present = {c.id for c in log.read().claims}
    lost = sum(1 for n in acknowledged for part in range(3) if f"c{n}-{part}" not in present)
    return {
        "rounds": rounds,
        "kills": rounds,
        "appends_acknowledged": len(acknowledged),
        "records_lost": lost,
        "torn_tails_seen": torn,
    }


def _ids_on_complete_lines(path: Path) -> set[str]:
    lines = path.read_bytes().split(b"\n")[1:-1]  # the header, and a torn or empty tail, aside
    return {json.loads(line).get("id", "") for line in lines}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Kill factlog's writers at random moments.")
    parser.add_argument("--rounds", type=int, default=200)
    arguments = parser.parse_args(argv)
    print(json.dumps({"dump": kill_dumps(arguments.rounds), "log": kill_appends(arguments.rounds)}))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONPATH", str(ROOT))
    sys.exit(main())
