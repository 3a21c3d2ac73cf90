"""``python -m benchmarks.codec FILE [--rounds N]``: the codec round trip against orjson, in CPU seconds.

What ``benchmarks/run.py`` times for its codec column, measured on a machine shared with
other work: ``factlog.load`` + ``factlog.dumps`` of a claim-set document against
``orjson.loads`` + ``orjson.dumps(..., OPT_INDENT_2)`` of the same bytes as plain dicts,
in CPU seconds (not wall time, which other processes inflate), with the cyclic collector
paused as factlog's bulk steps pause it. Each round times all three in turn in this one
process. ``python -m benchmarks.generate 100000 FILE`` writes the generated set.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

import factlog


def _cpu(action: Callable[[], Any]) -> float:
    started = time.process_time()
    result = action()
    spent = time.process_time() - started
    del result  # freed outside the timing
    return spent


def codec_round(path: Path) -> dict[str, float]:
    """One round on the document at ``path``: CPU seconds of orjson, load and dumps, and the ratio."""
    data = path.read_bytes()
    enabled = gc.isenabled()
    gc.disable()
    try:
        baseline = _cpu(lambda: orjson.dumps(orjson.loads(data), option=orjson.OPT_INDENT_2))
        started = time.process_time()
        claims = factlog.load(path)
        load = time.process_time() - started
        dumps = _cpu(functools.partial(factlog.dumps, claims))
    finally:
        if enabled:
            gc.enable()
    ratio = (load + dumps) / baseline if baseline else float("inf")  # a tiny document may take no measurable time
    return {"orjson": baseline, "load": load, "dumps": dumps, "ratio": ratio}


def main(argv: list[str] | None = None) -> int:
    """Print one JSON line of figures a round."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.codec", description="The codec round trip against orjson, in CPU seconds."
    )
    parser.add_argument("file", type=Path, help="a claim-set document (JSON)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds, each timing all three")
    arguments = parser.parse_args(argv)
    for _ in range(arguments.rounds):
        print(json.dumps({key: round(value, 3) for key, value in codec_round(arguments.file).items()}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
