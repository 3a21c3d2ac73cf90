"""``python -m benchmarks.dask_packed CLAIMS``: what the scheduler keeps of a claim set given in memory.

``factlog.dask.check(claims)`` and ``assess(claims)`` send each part of a set in memory
as a task whose argument, the part pickled and compressed, the scheduler keeps (to
compute the part again when its worker dies). Prints one JSON line for a generated set
of ``CLAIMS`` claims: the set as objects (MB traced by :mod:`tracemalloc` while it is
parsed), the claims pickled and packed (pickled, then compressed: MB), the packed share
of the objects, and the CPU seconds of packing and unpacking (what the driver and a
worker pay; Dask pickled the parts before too, so only the compression is new).
"""

from __future__ import annotations

import argparse
import json
import pickle
import time
import tracemalloc
from typing import Any

import factlog
from benchmarks.generate import generate
from factlog.dask._session import _packed, _unpacked
from factlog.dask._steps import _Sent


def packed_figures(claims: int) -> dict[str, Any]:
    """The figures of a generated set of ``claims`` claims (see the module's docstring); checks the round trip."""
    text = json.dumps(generate(claims))
    tracemalloc.start()
    try:
        loaded = factlog.loads(text)
        objects = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    part = factlog.ClaimSet(claims=loaded.claims)
    pickled = len(pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL))
    start = time.process_time()
    packed = _packed(part)
    packing = time.process_time() - start
    start = time.process_time()
    unpacked = _unpacked(_Sent(packed))
    unpacking = time.process_time() - start
    if unpacked != part:
        raise AssertionError("the packed claims unpack to another set")
    return {
        "claims": claims,
        "objects_mb": round(objects / 1e6, 2),
        "pickled_mb": round(pickled / 1e6, 2),
        "packed_mb": round(len(packed) / 1e6, 2),
        "packed_share": round(len(packed) / objects, 4),
        "packing_s": round(packing, 2),
        "unpacking_s": round(unpacking, 2),
    }


def main(argv: list[str] | None = None) -> None:
    """Print the figures of the set the arguments ask for, as one JSON line."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dask_packed")
    parser.add_argument("claims", type=int)
    print(json.dumps(packed_figures(parser.parse_args(argv).claims)))


if __name__ == "__main__":
    main()
