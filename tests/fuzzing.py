"""Hostile inputs for the readers, and a long campaign: ``python -m tests.fuzzing --inputs 100000``.

Every input must either load or raise a :class:`factlog.FactlogError` whose message
names a JSON path (``$``) or a line; anything else escaping is a bug, and so is an input
that takes too long.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import re
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

import factlog
from factlog.io._writing import encode_stdlib, to_document
from tests.helpers import GOLDEN

SLOW = 2.0  # seconds: an input slower than this counts as a hang


def _random_json(rng: random.Random, depth: int = 0) -> Any:
    choice = rng.randrange(9 if depth < 4 else 6)
    if choice == 0:
        return None
    if choice == 1:
        return rng.choice([True, False])
    if choice == 2:
        return rng.choice([0, -1, 2**63, 2**64, -(2**63) - 1, 10**400 if rng.random() < 0.1 else 7, 1.5, -0.0, 1e308])
    if choice in (3, 4, 5):
        return rng.choice(
            [
                "",
                "x",
                "certain",
                "2025-10",
                "dprk",
                "\x00",
                "\ufeff",
                "\ud800",
                "a\udfffb",
                "é" * rng.randrange(50),
                "a" * 10_000,
            ]
        )
    if choice in (6, 7):
        return [_random_json(rng, depth + 1) for _ in range(rng.randrange(4))]
    keys = ["id", "claims", "format", "version", "entities", "statement", "evidence", "x"]
    return {rng.choice(keys): _random_json(rng, depth + 1) for _ in range(rng.randrange(4))}


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*prefix, index))


def _mutate(rng: random.Random, document: dict[str, Any]) -> Any:
    document = copy.deepcopy(document)
    path = rng.choice(list(_paths(document))[1:])
    *parents, last = path
    node: Any = document
    for part in parents:
        node = node[part]
    action = rng.randrange(5)
    if action == 0 and isinstance(node, dict):
        del node[last]
    elif action == 1:
        node[last] = _random_json(rng)
    elif action == 2:
        deep: Any = "x"
        for _ in range(rng.choice([10, 70, 500, 5000])):
            deep = [deep]
        node[last] = deep
    elif action == 3:
        node[last] = rng.choice([10**30, -(10**30), 2**64, 1e300, "9" * 5000, "\x00" * 5, "\udc80", "x" * 100_000])
    elif isinstance(node, dict):
        node[f"extra-{rng.randrange(100)}"] = _random_json(rng)
    return document


def _encode(rng: random.Random, value: Any) -> bytes:
    try:
        text = json.dumps(value, ensure_ascii=rng.random() < 0.5)
    except (ValueError, RecursionError):
        text = "[" * 20000
    data = text.encode("utf-8", errors="surrogatepass")
    trick = rng.randrange(8)
    if trick == 0 and data:
        cut = rng.randrange(len(data))
        data = data[:cut]  # truncated
    elif trick == 1:
        data = b"\xef\xbb\xbf" + data  # byte order mark
    elif trick == 2 and data:
        spot = rng.randrange(len(data))
        data = data[:spot] + bytes([rng.choice([0xFF, 0xC3, 0x80, 0x00])]) + data[spot:]  # bad UTF-8, NUL
    elif trick == 3 and data.startswith(b'{"format"'):
        data = b'{"version": 1, ' + data[1:]  # a duplicate key
    elif trick == 4:
        data = data[: len(data) // 2] + b'"' + b'\\"' * rng.randrange(1, 20_000)  # a string that never ends
    return data


def hostile_inputs(rng: random.Random) -> Iterator[bytes]:
    """Random JSON, and the golden document mutated in every way a file can go wrong."""
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    while True:
        if rng.random() < 0.25:
            yield _encode(rng, _random_json(rng))
        else:
            yield _encode(rng, _mutate(rng, golden))


def check(data: bytes, reader: Callable[..., Any] = factlog.loads) -> bool:
    """Read one input; True if it loaded (and writes the same bytes with or without orjson), False if
    refused properly; AssertionError otherwise."""
    try:
        claims = reader(data, name="input.json")
    except factlog.FactlogError as error:
        messages = error.errors if isinstance(error, factlog.FormatError) else [str(error)]
        for message in messages:  # a JSON path, or a line (JSON Lines: ``input.json:3: ...``)
            assert re.match(r"input\.json(: |:\d+: )", message), message
            assert "$" in message or "line " in message or re.match(r"input\.json:\d+: ", message), message
        return False
    written = factlog.dumps(claims)
    assert written == encode_stdlib(to_document(claims)).decode(), "orjson and the standard library disagree"
    assert factlog.loads(written) == claims
    return True


def campaign(inputs: int, seed: int) -> dict[str, float]:
    """Run ``inputs`` hostile inputs through loads and loads_lines; report counts and the slowest."""
    rng = random.Random(seed)
    stream = hostile_inputs(rng)
    loaded = refused = 0
    slowest = 0.0
    for number in range(inputs):
        data = next(stream)
        reader = factlog.loads if number % 4 else factlog.loads_lines
        started = time.perf_counter()
        if check(data, reader):
            loaded += 1
        else:
            refused += 1
        elapsed = time.perf_counter() - started
        slowest = max(slowest, elapsed)
        assert elapsed < SLOW, f"input {number} took {elapsed:.2f} s"
    return {"inputs": inputs, "loaded": loaded, "refused": refused, "slowest_seconds": round(slowest, 4)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Feed factlog's readers hostile inputs.")
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2025)
    arguments = parser.parse_args(argv)
    started = time.perf_counter()
    report = campaign(arguments.inputs, arguments.seed)
    report["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
