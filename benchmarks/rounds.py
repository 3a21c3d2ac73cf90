"""``python -m benchmarks.rounds FILE --rounds N [--method M]``: ``assess_lines``, its rounds capped.

A measurement harness for sizes where the whole assessment would take hours (10M
generated claims): everything before the rounds (reading, bins, questions, votes, the
value index and the table of source pairs sharing a value), then ``N`` rounds, then the
report and its JSON, in one fresh process. It prints one JSON line: wall and CPU
seconds, peak RSS above the interpreter with factlog and numpy imported (``VmHWM``),
the pairs of sources sharing a value that copy detection weighs and the most providers
of a value it uses (``provider_limit``, None when the budget of pairs holds them all),
and the least, median and most CPU seconds of a round and of its dependence step
(``Dependences.update``).

The rounds allocate nothing that outlives them (``factlog/analysis/_discovery/_copying.py``:
the factors are rewritten in place), so the peak of the reading and the rounds is the
peak of an uncapped run; the report at the end holds the dependences reported, which
grow with the rounds (at 100,000 claims from 55,842 pairs after round 2 to 87,566 at
round 82), so its share is an estimate: see ``benchmarks/RESULTS.md``.

The cap is ``assess_lines``' own ``max_rounds``; the steps are timed by wrapping
AccuCopy's dependence step in this process only.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import factlog
import factlog.analysis._discovery._accu as accu
from benchmarks.stream import _Discard, _measured
from factlog.analysis._discovery._copying import Dependences

_LIMIT = "provider_limit"
"""The name AccuCopy's run calls the budget of pairs by, in ``_accu``: wrapped to record the limit."""


def capped_assessment(path: Path, rounds: int, method: str = "accucopy") -> dict[str, Any]:
    """Figures of ``assess_lines(path, method=method, max_rounds=rounds)``, in this process.

    Only AccuCopy has a dependence step: with another ``method`` the steps are empty.
    """
    steps: list[dict[str, float]] = []
    pairs: list[int] = []
    update = Dependences.update
    last = [time.process_time()]

    def timed_update(self: Dependences, accuracy: Any, probabilities: Any) -> None:
        started = time.process_time()
        if steps:  # the round before ended where this dependence step begins
            steps[-1]["round_cpu"] = started - last[0]
        last[0] = started
        update(self, accuracy, probabilities)
        pairs[:] = [len(self.pairs)]
        steps.append({"dependence_cpu": time.process_time() - started})

    limits: list[int | None] = []
    limit_of: Callable[[Mapping[int, int], int | None], int | None] = getattr(accu, _LIMIT)

    def recorded_limit(sizes: Mapping[int, int], max_pairs: int | None) -> int | None:
        limits.append(limit_of(sizes, max_pairs))
        return limits[-1]

    Dependences.update = timed_update  # type: ignore[method-assign]
    setattr(accu, _LIMIT, recorded_limit)
    try:

        def run() -> dict[str, Any]:
            assessment = factlog.assess_lines(path, method=method, max_rounds=rounds)
            ended = time.process_time()
            factlog.write_assessment_json(assessment, _Discard())
            return {
                "propositions": len(assessment.propositions),
                "dependences": len(assessment.dependences),
                "rounds_run": assessment.rounds,
                "report_cpu": round(time.process_time() - ended, 3),
            }

        found = _measured(path, run)
    finally:
        Dependences.update = update  # type: ignore[method-assign]
        setattr(accu, _LIMIT, limit_of)
    rounds_cpu = sorted(step["round_cpu"] for step in steps if "round_cpu" in step)
    dependence_cpu = sorted(step["dependence_cpu"] for step in steps)
    return {
        **found,
        "pairs": pairs[0] if pairs else 0,
        "provider_limit": limits[0] if limits else None,
        "round_cpu": _spread(rounds_cpu),
        "dependence_cpu": _spread(dependence_cpu),
    }


def _spread(values: list[float]) -> list[float]:
    """[least, median, most] of sorted ``values``, to the millisecond; [] for none."""
    return [round(values[0], 3), round(values[len(values) // 2], 3), round(values[-1], 3)] if values else []


def main(argv: list[str] | None = None) -> int:
    """Print the figures as one JSON line."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.rounds",
        description="assess_lines with its rounds capped, AccuCopy's timed a round at a time.",
    )
    parser.add_argument("file", type=Path, help="a JSON Lines claim file (benchmarks.generate.write_lines)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds at most (default 2)")
    parser.add_argument("--method", default="accucopy", help="the assessment method (default accucopy)")
    arguments = parser.parse_args(argv)
    print(json.dumps(capped_assessment(arguments.file, arguments.rounds, arguments.method)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
