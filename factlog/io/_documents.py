"""Reading and writing claim sets: JSON documents and JSON Lines.

``load`` takes a file, several, or a folder (every ``*.json`` and ``*.jsonl`` below it,
in sorted order) and merges them into one :class:`~factlog.ClaimSet`; ``loads`` reads
one document from a string or bytes; ``dump``/``dumps`` write the canonical form: keys
in a fixed order, two-space indent, UTF-8, a trailing newline, defaults omitted, so
re-dumping a file gives the same bytes. orjson is used when installed, with output
identical to the standard library's.

Every problem in a document is reported at once, as a :class:`~factlog.FormatError`
whose ``errors`` name the file and the JSON path.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import cattrs
from cattrs.errors import BaseValidationError

from factlog._bulk import paused_gc
from factlog.errors import FormatError, InputError
from factlog.io._arguments import expect_paths, expect_text
from factlog.io._converter import make_converter
from factlog.io._files import claim_files, read_regular
from factlog.io._lineproblems import WholeReader, problems_by_line
from factlog.io._linestream import stream_lines
from factlog.io._linetext import CR_ONLY, cr_only, lines_document, text_lines
from factlog.io._messages import messages
from factlog.io._migrations import upgrade
from factlog.io._parsing import (
    DEFAULT_LIMITS,
    FORMAT_DEPTH,
    Limits,
    check_depth,
    check_size,
    decode,
    has_large_float,
    parse_json,
    parse_quickly,
    prefix,
)
from factlog.io._places import named_by_line, place_acknowledgements
from factlog.io._recordplaces import place_sources
from factlog.io._records import SECTIONS
from factlog.io._references import refused_as, unresolved
from factlog.io._salvage import Salvage, at_once, read_at_once, salvage_of, salvaged
from factlog.io._sections import claim_set, read_claim_set, section_reader
from factlog.io._tally import merge_kinds, problems_bounded
from factlog.model._claimset import ClaimSet, merge_all
from factlog.model._nouns import Claim, FieldError
from factlog.model._vocabulary import Vocabulary
from factlog.model._written import has_pending, resolve_written

__all__ = ["DEFAULT_LIMITS", "Limits", "load", "loads", "loads_lines"]

_JSON_WHITESPACE = " \t\r\n"  # RFC 8259: only these make a line blank
PathLike = str | os.PathLike[str]


@functools.cache
def _converter() -> cattrs.Converter:
    return make_converter(coherent=False)  # checked once the files are merged


@functools.cache
def _fast_converter() -> cattrs.Converter:
    return make_converter(detailed=False, coherent=False)


def _claim_without_id(data: Any) -> Claim:
    # The converter takes any finite float: refused as the readers refuse it (quick_parse's large_floats_refused).
    if has_large_float(data):
        raise ValueError("a float of 2**63 or more: the standard library reads it")
    claim: Claim = _fast_converter().structure(data, Claim)
    return claim


def _body(data: Any, name: str | None) -> dict[str, Any]:
    before = prefix(name)
    if not isinstance(data, dict):
        raise FormatError([f"{before}$: expected a factlog document (a JSON object), got a JSON {type(data).__name__}"])
    try:
        data = upgrade(data)
    except FormatError as error:
        raise type(error)([before + message for message in error.errors]) from None
    return {key: value for key, value in data.items() if key not in ("format", "version")}


def _read_quickly(data: Any, limits: Limits, base: str | None, *, consume: bool = False) -> ClaimSet | None:
    """The claim set of a valid document, read by the generated readers; None for any problem.

    With ``consume`` the records are dropped from ``data`` as they are read (the caller
    parses the text again if it needs them).
    """
    # A document the readers accept nests no deeper than the format allows.
    if limits.max_depth < FORMAT_DEPTH:
        return None
    try:
        return read_claim_set(_body(data, None), _claim_without_id, base, consume=consume)
    except Exception:  # any problem: the converter reads it again and names it
        return None


def _structure_document(data: Any, name: str | None) -> ClaimSet:
    """Read with the converter, which reports every problem with its path."""
    before = prefix(name)
    body = _body(data, name)
    try:
        return _converter().structure(body, ClaimSet)
    except BaseValidationError as error:
        raise FormatError([before + message for message in messages(error, "$", body)]) from None
    except FieldError as error:
        raise FormatError([f"{before}$.{error.field}: {error.message}"]) from None


def _check_references(parts: Sequence[tuple[str, ClaimSet]], merged: ClaimSet, *, references: bool = True) -> None:
    # Without references, ids may be defined elsewhere; what the set's predicates ask holds all the same.
    vocabulary = Vocabulary.of(merged) if references else None
    problems = [
        f"{prefix(name)}{path}: {message}"
        for name, part in parts
        for path, message in unresolved(part, merged, vocabulary, vouched=True, references=references)
    ]
    if problems:
        raise (refused_as(problems) if references else FormatError)(problems)


def _resolve_written(
    parts: list[tuple[str, ClaimSet]], merged: ClaimSet, context: ClaimSet | None = None
) -> tuple[list[tuple[str, ClaimSet]], ClaimSet]:
    """Every ``when`` in words resolved against the merged set; a FormatError naming each that cannot be."""
    if not any(has_pending(part) for _, part in parts):
        return parts, merged
    within = merged if context is None else _overlay(context, merged)
    resolved: list[tuple[str, ClaimSet]] = []
    problems: list[str] = []
    for name, part in parts:
        done, found = resolve_written(part, within)
        resolved.append((name, done))
        problems.extend(f"{prefix(name)}$.claims[{index}].proposition.when: {message}" for index, message in found)
    if problems:
        raise FormatError(problems)
    return resolved, merge_all(resolved)


def _overlay(base: ClaimSet, top: ClaimSet) -> ClaimSet:
    """The entities, sources and claims of ``base``, with those of ``top`` in place of the same ids."""

    def section(name: str) -> tuple[Any, ...]:
        return tuple({item.id: item for item in (*getattr(base, name), *getattr(top, name))}.values())

    return ClaimSet(entities=section("entities"), sources=section("sources"), claims=section("claims"))


@paused_gc
def loads(
    text: str | bytes, *, name: str | None = None, references: bool = True, limits: Limits = DEFAULT_LIMITS
) -> ClaimSet:
    """Read one claim-set document (JSON) from a string or UTF-8 bytes.

    ``name`` goes in front of error messages. With ``references`` (the default) every
    id the document mentions must be defined in it. Raises :class:`~factlog.FormatError`
    (a :class:`ValueError`) listing every problem with its JSON path: text that is not
    UTF-8 or not JSON, larger or deeper than ``limits``, of a newer format version, or a
    field the model refuses (an id defined twice included), with the ids the records that
    read mention but nothing defines; its subclass :class:`~factlog.UnknownIdError`
    when every field reads and an id is mentioned but not defined;
    :class:`~factlog.ArgumentError` for ``text`` that is neither :class:`str` nor
    :class:`bytes`, a ``name`` that is no :class:`str`, ``limits`` that are no :class:`Limits`.
    """
    text = expect_text(text, "factlog.loads", name=name, limits=limits)
    with problems_bounded([name or ""], limits.max_problems):
        claims = read_at_once(lambda: _read_json(text, name, limits, None), name, references=references)
        _check_references([(name or "", claims)], claims, references=references)
        return place_acknowledgements(_resolve_written([(name or "", claims)], claims)[1], [(name or "", claims)])


@paused_gc
def loads_lines(
    text: str | bytes, *, name: str | None = None, references: bool = True, limits: Limits = DEFAULT_LIMITS
) -> ClaimSet:
    """Read a JSON Lines claim set: a header line, then one tagged record a line.

    Raises what :func:`loads` raises, each problem named by line (``NAME:3: ...``, or
    ``line 3: ...`` without a ``name``): a line that is no JSON, or no header or tagged
    record; a field the model refuses with its JSON path within the line
    (``NAME:4: $.kind: ...``).
    """
    text = expect_text(text, "factlog.loads_lines", name=name, limits=limits)
    with problems_bounded([name or ""], limits.max_problems), named_by_line([name or ""], text):
        claims = read_at_once(lambda: _read_lines(text, name, limits, None), name, references=references)
        _check_references([(name or "", claims)], claims, references=references)
        parts = [(name or "", claims)]
        return place_acknowledgements(_resolve_written(parts, claims)[1], parts, text)


def _read_json(text: str | bytes, name: str | None, limits: Limits, base: str | None) -> ClaimSet:
    """A JSON document's claim set, each source named by its JSON path in ``name`` (``sources_at``)."""
    return place_sources(_read_document(text, name, limits, base), name or "")


def _read_document(text: str | bytes, name: str | None, limits: Limits, base: str | None) -> ClaimSet:
    check_size(text, name, limits)
    # The readers refuse a float of 2**63 or more, as any integer orjson reads inexactly is.
    quick = parse_quickly([text], large_floats_refused=True)
    # The text is parsed again if anything is amiss: this reading may consume the parsed records.
    claims = _read_quickly(quick.pop(), limits, base, consume=True) if quick is not None else None
    if claims is not None:
        return claims
    decoded = decode(text, name)
    del text  # neither the bytes nor (below) the text stay while the converter names the problems
    data = parse_json(decoded, name, limits, depth=False)
    claims = _read_quickly(data, limits, base)
    if claims is not None:
        return claims
    check_depth(decoded, name, limits)
    del decoded
    return _structured(data, name, base)


def _structured(data: Any, name: str | None, base: str | None) -> ClaimSet:
    """The converter's reading; refused, with the records that read attached (:mod:`factlog.io._salvage`)."""
    try:
        return _with_bases(_structure_document(data, name), base)
    except FormatError as error:
        raise salvaged(error, data, name, lambda rest: _with_bases(_structure_document(rest, name), base)) from None


def _read_lines(text: str | bytes, name: str | None, limits: Limits, base: str | None) -> ClaimSet:
    """A JSON Lines text's claim set, each source named by its line in ``name`` (``sources_at``)."""
    noted: dict[str, list[int]] = {}  # the line of each record, by section, noted as the records are gathered
    return place_sources(_read_records(text, name, limits, base, noted), name or "", noted.get("sources"))


def _read_records(
    text: str | bytes, name: str | None, limits: Limits, base: str | None, noted: dict[str, list[int]]
) -> ClaimSet:
    check_size(text, name, limits)
    lines = text_lines(text, name)
    del text
    numbered = [
        (number, line) for number, line in enumerate(lines, start=1) if number == 1 or line.strip(_JSON_WHITESPACE)
    ]
    quick = parse_quickly([line for _, line in numbered])
    if quick is not None:
        problems: list[tuple[int, str]] = []
        document = lines_document(zip([number for number, _ in numbered], quick, strict=True), problems, lines=noted)
        quick.clear()  # the document holds the records now, and reading consumes them
        claims = None if problems else _read_quickly(document, limits, base, consume=True)
        if claims is not None:
            return claims
    errors: list[tuple[int, str]] = []
    records = []
    blank_first = not numbered[0][1].strip(_JSON_WHITESPACE)  # an empty file, or one that starts blank
    for number, line in numbered[1:] if blank_first else numbered:
        try:
            records.append((number, parse_json(line, None, limits)))
        except FormatError as error:
            errors.extend((number, f"line {number}: {message.removeprefix('$: ')}") for message in error.errors)
    noted.clear()  # gathered again, as the records are
    document = lines_document(records, errors, blank_first=blank_first, lines=noted)
    if errors and cr_only(lines):
        errors = [(1, f"line 1: {CR_ONLY}")]
    if errors:
        raise FormatError([prefix(name) + message for _, message in sorted(errors, key=lambda error: error[0])])
    return _structured(document, name, base)


def _stream_lines(path: Path, limits: Limits, acknowledgement_lines: list[int] | None = None) -> ClaimSet | None:
    """:func:`~factlog.io._linestream.stream_lines` with this module's reader of a claim."""
    return stream_lines(
        path,
        limits,
        section_reader_of=lambda name: section_reader(name, _claim_without_id),
        acknowledgement_lines=acknowledgement_lines,
    )


@paused_gc
def load(
    paths: PathLike | Iterable[PathLike],
    *,
    references: bool = True,
    limits: Limits = DEFAULT_LIMITS,
    context: ClaimSet | None = None,
) -> ClaimSet:
    """Read a file, several files, or every claim file below a folder, as one merged set.

    A folder's claim files are its ``*.json`` and ``*.jsonl`` files at any depth, but
    those inside a hidden folder a split is being written in (``.NAME.split-...``, which
    a split killed outright leaves: :func:`split_lines`).

    A conflicting redefinition of an id across files is a :class:`~factlog.ConflictError`
    naming both files; ids are checked across all the files together. A proposition's
    ``when`` in words ("on Tuesday") is resolved against the claim's date and the events
    of all the files (:class:`~factlog.WrittenWhen`) and of ``context`` (a claim set the
    files add to, such as a store's; the files' own records come first); one that cannot
    be is a :class:`~factlog.FormatError` naming the file and JSON path.

    Raises :class:`~factlog.InputError` (an :class:`OSError`) for a path that does not
    exist or cannot be read, one that is no regular file or folder (a named pipe), or a
    folder without claim files; :class:`~factlog.FormatError` (a :class:`ValueError`) with
    every problem of every file (what :func:`loads` raises, each naming its file), a file
    larger than ``limits.max_bytes`` included; its subclasses
    :class:`~factlog.ConflictError` and :class:`~factlog.UnknownIdError` for an id
    redefined differently and an id not defined in any of the files;
    :class:`~factlog.ArgumentError` for ``paths`` that are neither a path (:class:`str`,
    :class:`os.PathLike`) nor an iterable of paths, an empty path (``""``, which Python
    takes for the working folder: ``"."`` names it) or no path at all (``[]``), ``limits``
    that are no :class:`Limits`.
    """
    paths = expect_paths(paths, "factlog.load", limits=limits)
    files = claim_files(paths)
    if not files:
        raise InputError("no claim files (*.json, *.jsonl) found in " + ", ".join(str(p) for p in paths))
    parts: list[tuple[str, ClaimSet]] = []
    errors: list[str] = []
    more: dict[str, int] = {}  # the problems of each file past limits.max_problems, counted by kind
    salvages: list[tuple[str, Salvage | None]] = []  # a file refused, read without its refused records
    labels = [str(file) for file in files]
    lines: dict[str, list[int]] = {}  # a JSON Lines file's acknowledgement records' lines, noted as it was read
    with problems_bounded(labels, limits.max_problems), named_by_line(labels):
        for file in files:
            noted: list[int] = []
            try:
                part = read_file(file, limits, noted)
            except FormatError as error:
                errors.extend(error.errors)
                merge_kinds(more, error.more)
                salvages.append((str(file), salvage_of(error)))
                continue
            parts.append((str(file), part))
            if part.acknowledged and len(noted) == len(part.acknowledged):  # read a line at a time
                lines.setdefault(str(file), noted)
        if errors:
            read = [(label, salvage) for label, salvage in salvages if salvage is not None]
            if len(read) < len(salvages):  # a file unread may define what the others mention
                raise FormatError(errors, more=more)
            raise FormatError(at_once(errors, parts, read, references=references, order=labels), more=more)
        merged = merge_all(parts)
        _check_references(parts, merged, references=references)
        return place_acknowledgements(_resolve_written(parts, merged, context)[1], parts, lines=lines)


def read_file(file: Path, limits: Limits = DEFAULT_LIMITS, acknowledgement_lines: list[int] | None = None) -> ClaimSet:
    """One claim file as read, ids unchecked and ``when`` in words not yet resolved (what :func:`load` merges).

    A JSON Lines file read a line at a time appends the line number of each of its
    acknowledgement records to ``acknowledgement_lines`` (when given); one read whole, none.
    """
    if file.suffix != ".jsonl":
        return _read_json(read_regular(file, limits), str(file), limits, str(file.parent))
    base = str(file.parent)
    # A file with problems is read a line at a time to name them, not whole as _read_lines would read it.
    streamed = _stream_lines(file, limits, acknowledgement_lines)
    found = problems_by_line(file, str(file), limits, whole_reader(base)) if streamed is None else None
    if found is not None:
        raise found
    return streamed or _read_lines(read_regular(file, limits), str(file), limits, base)


def whole_reader(base: str) -> WholeReader:
    """The whole-file reader's parts that naming a file's problems a line at a time uses, for files in ``base``."""
    return WholeReader(
        _converter(),
        messages,
        lambda part: _with_bases(part, base),
        lambda name: section_reader(name, _claim_without_id),
    )


def _with_bases(part: ClaimSet, base: str | None) -> ClaimSet:
    if base is None or not part.sources:
        return part
    # Not ClaimSet(): what the predicates ask of the claims is checked once the files are merged.
    return claim_set({name: getattr(part, name) for name in SECTIONS}, base, SECTIONS)
