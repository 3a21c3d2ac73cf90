"""A seeded generator of realistic claim sets, in the real format (JSON or JSON Lines).

Entities and predicates are drawn with Zipf weights (a few are named constantly, most
rarely); predicates are events and states, some functional with quantities; dates are
partial; claims come through relay chains; some sources are syndicated copies of
others; copier clusters repeat one origin; a share of claims deny what others affirm;
some holders are anonymous; three acknowledgements name findings no check of the set
gives (each a ``stale_acknowledgement`` warning, so every size also times naming
acknowledgements by file and line).

``python -m benchmarks.generate 100000 out.jsonl`` writes one.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

_KINDS = ("country", "government-body", "person", "media-outlet", "organisation", "group", "event")
_CERTAINTIES = ("certain", "certain", "probable", "possible", "uncommitted")


def _zipf(count: int, exponent: float = 1.1) -> list[float]:
    return list(itertools.accumulate(1.0 / (rank**exponent) for rank in range(1, count + 1)))


def _date(rng: random.Random) -> str:
    year = rng.randrange(2015, 2026)
    precision = rng.random()
    if precision < 0.3:
        return f"{year}"
    month = rng.randrange(1, 13)
    if precision < 0.7:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{rng.randrange(1, 29):02d}"


def _when(rng: random.Random) -> str | None:
    choice = rng.random()
    if choice < 0.15:
        return None
    first = _date(rng)
    if choice < 0.7:
        return first
    second = _date(rng)
    low, high = sorted((first, second))
    if low[:4] == high[:4] and (len(low) != len(high)):
        return low
    return f"{low}/{high}" if rng.random() < 0.9 else f"{low}/.."


def _entities(rng: random.Random, entity_count: int) -> list[dict[str, Any]]:
    entities: list[dict[str, Any]] = []
    for number in range(entity_count):
        entity: dict[str, Any] = {"id": f"e{number}", "name": f"Entity {number}", "kind": _KINDS[number % len(_KINDS)]}
        if number % 50 == 3:
            entity["anonymous"] = True
        if number % 9 == 0:
            entity["aliases"] = [f"Alias {number}"]
        if number % 7 == 0:
            entity["reliability"] = rng.choice("ABCDE")
        if number % 11 == 5 and number > 5:
            entity["affiliation"] = f"e{number - 5}"
        entities.append(entity)
    return entities


def _predicates() -> list[dict[str, Any]]:
    predicates: list[dict[str, Any]] = []
    for number in range(30):
        predicate: dict[str, Any] = {
            "id": f"p{number}",
            "label": f"relation {number}",
            "kind": "event" if number % 3 == 0 else "state",
        }
        if number % 5 == 1:
            predicate.update(functional=True, tolerance=0.1)
        elif number % 7 == 2:
            predicate["symmetric"] = True
        elif number % 4 == 3:
            predicate["inverse"] = f"inverse-of-p{number}"
        predicates.append(predicate)
    return predicates


def _sources(rng: random.Random, source_count: int, media: list[str]) -> list[dict[str, Any]]:
    sources: list[dict[str, Any]] = []
    for number in range(source_count):
        source: dict[str, Any] = {
            "id": f"s{number}",
            "title": f"Report {number}",
            "publisher": rng.choice(media),
            "published": _date(rng),
        }
        if number > 10 and rng.random() < 0.1:
            source["derived_from"] = [f"s{rng.randrange(number)}"]  # a syndicated copy
        sources.append(source)
    return sources


def generate(claims: int, seed: int = 1, contradiction_rate: float = 0.1) -> dict[str, Any]:
    """A claim-set document of ``claims`` claims, as plain JSON-ready data."""
    tables, rng, stream = _parts(claims, seed, contradiction_rate)
    output = list(stream)
    return {
        "format": "factlog",
        "version": 1,
        **tables,
        "claims": output,
        "acknowledged": _acknowledged(rng),
    }


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[TextIO]:
    """A text stream to a temporary file beside ``path``, renamed over it only once written whole.

    A generation stopped half-way (Ctrl-C, a full disk) leaves no truncated claim set
    for a later benchmark run to mistake for a complete one.
    """
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("w", encoding="utf-8") as stream:
            yield stream
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def write_lines(claims: int, path: Path, seed: int = 1, contradiction_rate: float = 0.1) -> None:
    """The JSON Lines file of ``write(generate(claims, seed), path)``, never holding the claims whole."""
    tables, rng, stream = _parts(claims, seed, contradiction_rate)
    with _replacing(path) as out:
        out.write(json.dumps({"format": "factlog", "version": 1}) + "\n")
        for section, kind in (("entities", "entity"), ("predicates", "predicate"), ("sources", "source")):
            for record in tables[section]:
                out.write(json.dumps({"type": kind, **record}, ensure_ascii=False) + "\n")
        for record in stream:
            out.write(json.dumps({"type": "claim", **record}, ensure_ascii=False) + "\n")
        for record in _acknowledged(rng):
            out.write(json.dumps({"type": "acknowledgement", **record}, ensure_ascii=False) + "\n")


def _parts(
    claims: int, seed: int, contradiction_rate: float
) -> tuple[dict[str, list[dict[str, Any]]], random.Random, Iterator[dict[str, Any]]]:
    """The small tables, the generator's random state, and the claims still to be drawn from it."""
    rng = random.Random(seed)
    entity_count = max(40, claims // 25)
    entities = _entities(rng, entity_count)
    predicates = _predicates()
    source_count = max(5, claims // 8)
    sources = _sources(rng, source_count, [e["id"] for e in entities if e["kind"] == "media-outlet"])
    stream = _claims(
        rng, claims, entities=entities, predicates=predicates, sources=sources, contradiction_rate=contradiction_rate
    )
    return {"entities": entities, "predicates": predicates, "sources": sources}, rng, stream


def _acknowledged(rng: random.Random) -> list[dict[str, str]]:
    """Three acknowledgements of made-up finding ids (``f-`` and 8 hex digits): stale in every generated set."""
    return [{"finding": f"f-{rng.randrange(16**8):08x}", "note": "reviewed"} for _ in range(3)]


def _claims(
    rng: random.Random,
    claims: int,
    *,
    entities: list[dict[str, Any]],
    predicates: list[dict[str, Any]],
    sources: list[dict[str, Any]],
    contradiction_rate: float,
) -> Iterator[dict[str, Any]]:
    source_count = len(sources)
    entity_weights = _zipf(len(entities))
    predicate_weights = _zipf(len(predicates), 0.8)
    ids = [e["id"] for e in entities]
    count = 0
    for number in range(claims):
        predicate = rng.choices(predicates, cum_weights=predicate_weights)[0]
        subject = rng.choices(ids, cum_weights=entity_weights)[0]
        proposition: dict[str, Any] = {"subject": subject, "predicate": predicate["id"]}
        if predicate.get("functional"):
            proposition["object"] = {"amount": rng.choice([1000, 1100, 5000, 11000, 15000]), "unit": "troops"}
        elif predicate.get("inverse") and rng.random() < 0.3:
            proposition.update(
                subject=rng.choices(ids, cum_weights=entity_weights)[0], predicate=predicate["inverse"], object=subject
            )
        else:
            proposition["object"] = rng.choices(ids, cum_weights=entity_weights)[0]
        when = _when(rng)
        if when is not None:
            proposition["when"] = when
        source = sources[rng.randrange(source_count)]
        holder = source["publisher"] if rng.random() < 0.4 else rng.choices(ids, cum_weights=entity_weights)[0]
        attribution: dict[str, Any] = {"holder": holder}
        if holder != source["publisher"]:
            attribution["via"] = [source["publisher"]]
            attribution["mode"] = "paraphrase"
        quote = f"Quote {number}."
        claim: dict[str, Any] = {
            "id": f"c{number}",
            "statement": f"Statement number {number}.",
            "proposition": proposition,
            "attribution": attribution,
            "evidence": [{"source": source["id"], "quote": quote, "start": 0, "end": len(quote)}],
        }
        if rng.random() < contradiction_rate:
            claim["polarity"] = "denied"
        certainty = rng.choice(_CERTAINTIES)
        if certainty != "certain":
            claim["certainty"] = certainty
        yield claim
        count += 1
        if number % 50 == 7:  # a copier cluster: the same holder relayed by other outlets
            for copy in range(rng.randrange(1, 4)):
                if count >= claims:
                    break
                relay = sources[rng.randrange(source_count)]
                copied = json.loads(json.dumps(claim))
                copied["id"] = f"c{number}-copy{copy}"
                copied["attribution"] = {"holder": holder, "via": [relay["publisher"]], "mode": "paraphrase"}
                copied["evidence"][0]["source"] = relay["id"]
                yield copied
                count += 1
        if count >= claims:
            break


def write(document: dict[str, Any], path: Path) -> None:
    """Write the document as JSON, or as JSON Lines when the name ends in .jsonl."""
    if path.suffix == ".jsonl":
        types = {
            "entities": "entity",
            "predicates": "predicate",
            "sources": "source",
            "claims": "claim",
            "acknowledged": "acknowledgement",
        }
        with _replacing(path) as stream:
            stream.write(json.dumps({"format": "factlog", "version": 1}) + "\n")
            for section, kind in types.items():
                for record in document.get(section, ()):
                    stream.write(json.dumps({"type": kind, **record}, ensure_ascii=False) + "\n")
    else:
        with _replacing(path) as stream:
            stream.write(json.dumps(document, ensure_ascii=False))


def _claim_count(text: str) -> int:
    """``claims``: a whole number, 0 or more, its thousands grouped by commas or underscores (``100,000``) or not."""
    written = text.strip()
    if not re.fullmatch(r"\d{1,3}(,\d{3})+|\d+(_\d+)*", written, re.ASCII):
        raise argparse.ArgumentTypeError(f"expected a whole number of claims, got {text!r}")
    return int(written.replace(",", ""))


def main(argv: list[str] | None = None, prog: str = "python -m benchmarks.generate") -> int:
    """Write the claim set the arguments ask for; one line on standard error says what was written.

    ``prog`` is the command as it was run, for the usage line (the script by its path, or ``-m``).
    """
    parser = argparse.ArgumentParser(prog=prog, description="Generate a realistic claim set.")
    parser.add_argument("claims", type=_claim_count, help="how many claims (100000 or 100,000)")
    parser.add_argument(
        "path", type=Path, help="the file to write: JSON Lines when it ends in .jsonl, else one JSON document"
    )
    parser.add_argument(
        "--seed", type=int, default=1, help="the random seed (default: 1, that of the figures in the docs)"
    )
    parser.add_argument(
        "--contradiction-rate", type=float, default=0.1, help="the share of claims that are denials (default: 0.1)"
    )
    arguments = parser.parse_args(argv)
    folder = arguments.path.parent
    if not folder.is_dir():
        parser.error(f"{arguments.path}: no folder {folder} to write it in")
    if arguments.path.suffix == ".jsonl":  # a line at a time: ten million claims fit
        write_lines(arguments.claims, arguments.path, arguments.seed, arguments.contradiction_rate)
    else:
        write(generate(arguments.claims, arguments.seed, arguments.contradiction_rate), arguments.path)
    shape = "JSON Lines" if arguments.path.suffix == ".jsonl" else "one JSON document"
    print(f"wrote {arguments.claims:,} claims to {arguments.path} ({shape})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    # Run by its path, the module has no spec: the usage names the script as it was given.
    sys.exit(main(prog="python -m benchmarks.generate" if __spec__ is not None else f"python {sys.argv[0]}"))
