"""numpy against polars and pyarrow for the compact check's columns: ``python -m benchmarks.columnar FILE``.

The issue asks whether a columnar library beats hand-rolled arrays. This times, on the
columns :func:`factlog.checks._columns.scan` builds from one JSON Lines file, each
whole-column step of the compact check and assessment done three ways: numpy (as
factlog does it, and numpy's own ``unique``/``isin``), polars and pyarrow; then the
reading of the claim lines: orjson a line at a time (factlog's column pass) against
polars' own JSON Lines reader. polars and pyarrow are not dependencies of factlog:
``pip install -e '.[columnar]'`` installs them for this comparison only. Prints a
Markdown table of CPU seconds (the best of three; reading: one run each).
"""

from __future__ import annotations

import argparse
import importlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from factlog._bulk import paused_gc
from factlog.analysis._arrays import distinct, member
from factlog.checks._columns import scan


def _best(step: Callable[[], object], repeat: int = 3) -> float:
    """The least CPU seconds of ``repeat`` runs of ``step``."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        step()
        best = min(best, time.process_time() - started)
    return best


def _column_steps(columns: Any) -> list[tuple[str, dict[str, Callable[[], object]]]]:
    """Each whole-column step, as numpy (factlog's way, then numpy's own), polars and pyarrow run it."""
    np = importlib.import_module("numpy")
    pl = importlib.import_module("polars")
    pa = importlib.import_module("pyarrow")
    pc = importlib.import_module("pyarrow.compute")
    ids = np.frombuffer(columns.ids, dtype=np.int64)
    token = np.frombuffer(columns.token, dtype=np.int64)
    question = np.frombuffer(columns.question, dtype=np.int64)
    known = distinct(np, ids)
    sample = ids[:: max(1, ids.size // 1000)]
    ids_series, token_series = pl.Series(ids), pl.Series(token)
    questions = pl.DataFrame({"question": question})
    ids_arrow, token_arrow, question_arrow = pa.array(ids), pa.array(token), pa.array(question)
    return [
        (
            "distinct ids (a claim id twice?)",
            {
                "numpy, by a sort (factlog)": lambda: distinct(np, ids),
                "numpy.unique": lambda: np.unique(ids),
                "polars": ids_series.unique,
                "pyarrow": lambda: pc.unique(ids_arrow),
            },
        ),
        (
            "membership of 1,000 ids (links known?)",
            {
                "numpy, by a sort (factlog)": lambda: member(np, sample, known),
                "numpy.isin": lambda: np.isin(sample, ids),
                "polars": lambda: pl.Series(sample).is_in(ids_series.implode()),
                "pyarrow": lambda: pc.is_in(pa.array(sample), value_set=ids_arrow),
            },
        ),
        (
            "token numbers (dense ranks)",
            {
                "numpy.unique, inverse (factlog)": lambda: np.unique(token, return_inverse=True),
                "polars": lambda: token_series.rank("dense"),
                "pyarrow": lambda: pc.dictionary_encode(token_arrow),
            },
        ),
        (
            "votes a question (counts, back to each vote)",
            {
                "numpy.unique, inverse and counts (factlog)": lambda: np.unique(
                    question, return_inverse=True, return_counts=True
                ),
                "polars": lambda: questions.with_columns(pl.len().over("question").alias("votes")),
                "pyarrow": lambda: pc.value_counts(question_arrow),
            },
        ),
    ]


def _reading(path: Path) -> dict[str, float]:
    """CPU seconds to read every claim line's id, subject and predicate: orjson a line at a time, polars."""
    orjson = importlib.import_module("orjson")
    pl = importlib.import_module("polars")

    def by_lines() -> None:
        with path.open("rb") as stream:
            for line in stream:
                record = orjson.loads(line)
                if record.get("type") == "claim":
                    proposition = record["proposition"]
                    (record["id"], proposition["subject"], proposition["predicate"])

    def by_polars() -> None:
        fields = [pl.col("proposition").struct.field(name) for name in ("subject", "predicate")]
        frame = pl.scan_ndjson(path, infer_schema_length=None)
        frame.filter(pl.col("type") == "claim").select("id", *fields).collect()

    return {"orjson, a line at a time (factlog)": _best(by_lines, 1), "polars.scan_ndjson": _best(by_polars, 1)}


def table(path: Path) -> str:
    """The Markdown table of every step on the columns of ``path``, and of reading it."""
    columns, _ = paused_gc(scan)(path, 10_000)
    lines = [
        f"Columns of {len(columns.offsets):,} claims ({path.name}); CPU seconds, best of three:",
        "",
        "| step | way | CPU s |",
        "| --- | --- | ---: |",
    ]
    for step, ways in _column_steps(columns):
        lines += [f"| {step} | {way} | {_best(run):.3f} |" for way, run in ways.items()]
    lines += [f"| reading the claim lines | {way} | {seconds:.2f} |" for way, seconds in _reading(path).items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the table for one JSON Lines claim file."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.columnar",
        description="numpy against polars and pyarrow on the compact check's columns.",
    )
    parser.add_argument("file", type=Path, help="a JSON Lines claim file (python -m benchmarks.generate N FILE.jsonl)")
    arguments = parser.parse_args(argv)
    print(table(arguments.file))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
