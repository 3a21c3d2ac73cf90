"""``python -m benchmarks [--million] [--truth FOLDER]``: codec, check and assess sizes, then truth discovery."""

from __future__ import annotations

import argparse
import json
import platform
import signal
import sys
from pathlib import Path

from benchmarks.run import dumps_row, fresh, measure, memory, table
from benchmarks.stream import assess_memory, bare_seconds, check_ratio, stream_memory, stream_table
from benchmarks.truth import METHODS, accuracy_report, cost

ROOT = Path(__file__).parent.parent
BOOK = ROOT.parent / "shared" / "data" / "truth-book"
"""Where the Book data set is looked for by default: beside the checkout, never downloaded."""


def _terminated(number: int, frame: object) -> None:
    del frame
    raise SystemExit(128 + number)


def _refuse_missing(parser: argparse.ArgumentParser, arguments: argparse.Namespace) -> None:
    """A usage error (exit 2) for a FILE option that names no file, before anything is measured."""
    for option in ("memory", "stream", "stream_assess", "bare", "check_ratio"):
        path = getattr(arguments, option)
        if path is not None and not path.is_file():
            parser.error(f"--{option.replace('_', '-')}: {path}: no such file")


def _parser() -> argparse.ArgumentParser:
    """The command line of ``python -m benchmarks``."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description="factlog performance against its baselines."
    )
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated claim counts (default: 10000,100000)")
    parser.add_argument("--million", action="store_true", help="add 1,000,000 claims (takes minutes)")
    parser.add_argument(
        "--dask", action="store_true", help="add the Dask section at the largest size (needs factlog-claims[dask])"
    )
    single = parser.add_argument_group("one measurement alone (what the runs above start in fresh processes)")
    single.add_argument("--one", type=int, metavar="N", help="every figure of N generated claims, as one JSON row")
    single.add_argument("--one-dask", type=int, metavar="N", help="the Dask check of N generated claims")
    single.add_argument("--one-dask-assess", type=int, metavar="N", help="the Dask assessment of N generated claims")
    single.add_argument("--memory", type=Path, metavar="FILE", help="peak memory of load, check and assess of FILE")
    single.add_argument(
        "--stream", type=Path, metavar="FILE", help="time and peak memory of check_lines on a JSON Lines FILE"
    )
    single.add_argument(
        "--stream-assess", type=Path, metavar="FILE", help="the compact assessment of a JSON Lines FILE"
    )
    single.add_argument(
        "--bare", type=Path, metavar="FILE", help="the bare grouping pass over FILE's claims: wall and CPU s"
    )
    single.add_argument(
        "--check-ratio",
        type=Path,
        metavar="FILE",
        help="the bare grouping, the reading floor (four bare groupings) and the plain check of FILE's claims in one"
        " process: CPU s and their ratios",
    )
    parser.add_argument(
        "--ten-million",
        action="store_true",
        help="only the compact check and assessment of JSON Lines at 1,000,000 and 10,000,000 claims"
        " (a 3.5 GB file; hours)",
    )
    parser.add_argument(
        "--stream-sizes",
        metavar="SIZES",
        help="only the compact check and assessment of JSON Lines (check_lines, assess_lines)"
        " at these comma-separated sizes",
    )
    parser.add_argument(
        "--truth",
        type=Path,
        default=BOOK,
        metavar="FOLDER",
        help="the Book data set (book.txt, book_golden.txt); default ../shared/data/truth-book next to the checkout",
    )
    parser.add_argument("--truth-sizes", default="100000,1000000", help="votes for the truth-discovery cost table")
    parser.add_argument("--truth-only", action="store_true", help="only the truth-discovery sections")
    parser.add_argument("--truth-one", nargs=2, help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    arguments = parser.parse_args(argv)
    _refuse_missing(parser, arguments)
    # SIGTERM as an exception: subprocess.run then kills the child it waits for, leaving no orphan.
    signal.signal(signal.SIGTERM, _terminated)
    if arguments.truth_one is not None:
        print(json.dumps(cost(arguments.truth_one[0], int(arguments.truth_one[1]))))
        return 0
    if arguments.stream is not None:
        print(json.dumps(stream_memory(arguments.stream)))
        return 0
    if arguments.stream_assess is not None:
        print(json.dumps(assess_memory(arguments.stream_assess)))
        return 0
    if arguments.bare is not None:
        print(json.dumps(bare_seconds(arguments.bare)))
        return 0
    if arguments.check_ratio is not None:
        print(json.dumps(check_ratio(arguments.check_ratio)))
        return 0
    if arguments.ten_million:
        arguments.stream_sizes = "1000000,10000000"
    if arguments.stream_sizes:
        print(stream_table([int(size) for size in arguments.stream_sizes.split(",") if size]))
        return 0
    if arguments.memory is not None:
        print(json.dumps(memory(arguments.memory)))
        return 0
    if arguments.one_dask_assess is not None:
        from benchmarks.dask_assess import measure_dask_assess  # noqa: PLC0415 - an optional extra

        print(json.dumps(measure_dask_assess(arguments.one_dask_assess)))
        return 0
    if arguments.one_dask is not None:
        from benchmarks.dask_bench import measure_dask  # noqa: PLC0415 - an optional extra

        print(json.dumps(measure_dask(arguments.one_dask)))
        return 0
    if arguments.one is not None:
        print(dumps_row(measure(arguments.one, repeat=3 if arguments.one <= 10_000 else 1)))
        return 0
    if not arguments.truth_only:
        _codec_and_check(arguments)
    print()
    print(accuracy_report(arguments.truth))
    print(_truth_costs([int(size) for size in arguments.truth_sizes.split(",") if size]))
    return 0


def _truth_costs(sizes: list[int]) -> str:
    """Each method at each size, in a fresh process: seconds, rounds, µs per vote, peak RSS per vote."""
    lines = [
        "### Truth discovery: time and peak memory per vote (echo-cluster generator, 20 votes per object)",
        "",
        "| votes | method | seconds | rounds | µs/vote | peak RSS/vote |",
        "| ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    for size in sizes:
        for method in METHODS:
            print(f"truth discovery: {method} on {size:,} votes ...", file=sys.stderr, flush=True)
            row = fresh(["--truth-one", method, str(size)])
            lines.append(
                f"| {row['votes']:,} | {method} | {row['seconds']:.1f} | {row['rounds']} |"
                f" {1e6 * row['seconds'] / row['votes']:.2f} | {row['peak_per_vote']:.0f} B |"
            )
    return "\n".join(lines) + "\n"


def _codec_and_check(arguments: argparse.Namespace) -> None:
    sizes = [int(size) for size in arguments.sizes.split(",")]
    if arguments.million:
        sizes.append(1_000_000)
    rows = []
    for size in sizes:
        print(f"measuring {size:,} claims ...", file=sys.stderr, flush=True)
        rows.append(fresh(["--one", str(size)]))
    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    print(table(rows))
    if arguments.dask:
        from benchmarks.dask_bench import dask_table  # noqa: PLC0415 - an optional extra

        print(f"measuring the Dask section at {sizes[-1]:,} claims ...", file=sys.stderr, flush=True)
        result = fresh(["--one-dask", str(sizes[-1])])
        print()
        print(dask_table(result))
        from benchmarks.dask_assess import assess_table  # noqa: PLC0415 - an optional extra

        for size in sizes[-2:]:  # the learned assessment at the two largest sizes
            print(f"measuring the Dask assessment at {size:,} claims ...", file=sys.stderr, flush=True)
            result = fresh(["--one-dask-assess", str(size)])
            print()
            print(assess_table(result))


if __name__ == "__main__":
    sys.exit(main())
