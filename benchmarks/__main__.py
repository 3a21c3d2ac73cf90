"""``python -m benchmarks [--million]``: measure every size in a fresh process and print one table."""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
from pathlib import Path

from benchmarks.run import dumps_row, measure, memory, table

ROOT = Path(__file__).parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="factlog performance against its baselines.")
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated claim counts")
    parser.add_argument("--million", action="store_true", help="add 1,000,000 claims (takes minutes)")
    parser.add_argument(
        "--dask", action="store_true", help="add the Dask section at the largest size (needs factlog-claims[dask])"
    )
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--one-dask", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--memory", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.memory is not None:
        print(json.dumps(memory(arguments.memory)))
        return 0
    if arguments.one_dask is not None:
        from benchmarks.dask_bench import measure_dask  # noqa: PLC0415 - an optional extra

        print(json.dumps(measure_dask(arguments.one_dask)))
        return 0
    if arguments.one is not None:
        print(dumps_row(measure(arguments.one, repeat=3 if arguments.one <= 10_000 else 1)))
        return 0
    sizes = [int(size) for size in arguments.sizes.split(",")]
    if arguments.million:
        sizes.append(1_000_000)
    rows = []
    for size in sizes:
        print(f"measuring {size:,} claims ...", file=sys.stderr, flush=True)
        result = subprocess.run(
            [sys.executable, "-m", "benchmarks", "--one", str(size)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        rows.append(json.loads(result.stdout.splitlines()[-1]))
    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    print(table(rows))
    if arguments.dask:
        from benchmarks.dask_bench import dask_table  # noqa: PLC0415 - an optional extra

        print(f"measuring the Dask section at {sizes[-1]:,} claims ...", file=sys.stderr, flush=True)
        result = subprocess.run(
            [sys.executable, "-m", "benchmarks", "--one-dask", str(sizes[-1])],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        print()
        print(dask_table(json.loads(result.stdout.splitlines()[-1])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
