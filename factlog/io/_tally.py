"""Many problems in bounded memory: the first ``Limits.max_problems`` told in full, the others counted by kind.

A file with a problem on each of its 100,000 lines held every message, and printed
them all: 200,000 lines on the terminal, and the text of the error 13.5 MB. The first
problems say what is wrong; the others are counted by kind, the message without its
line or record (``set.jsonl:21: $.certainty: expected ...`` is of the kind
``set.jsonl: $.certainty: expected ...``; ``a.json: $.claims[3].certainty: ...`` of
``a.json: $.claims[*].certainty: ...``), in a :class:`~factlog.FormatError`'s ``more``.
Only :data:`MAX_KINDS` kinds are counted apart (an id that differs on each line makes
a kind of each), the rest together under :data:`~factlog.errors.OTHER_KINDS`.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping

from factlog.errors import OTHER_KINDS, FormatError

__all__ = ["MAX_KINDS", "bounded", "count_kind", "kind_of", "merge_kinds", "problems_bounded", "record_kind"]

MAX_KINDS = 20
"""How many kinds of problem ``FormatError.more`` counts apart."""

_LINE = re.compile(r"(?:line )?\d+: ")
_INDEX = re.compile(r"\[\d+\]")
_RECORD = re.compile(r"\$\.[a-z_]+\[\d+\]")


def count_kind(more: dict[str, int], kind: str, count: int = 1) -> None:
    """Add ``count`` problems of ``kind`` to ``more``; past :data:`MAX_KINDS` kinds, to :data:`OTHER_KINDS`."""
    if kind not in more and len(more) - (OTHER_KINDS in more) >= MAX_KINDS:
        kind = OTHER_KINDS
    more[kind] = more.get(kind, 0) + count


def merge_kinds(into: dict[str, int], more: Mapping[str, int]) -> None:
    """Add the counts of ``more`` to ``into``, as :func:`count_kind` adds them."""
    for kind, count in more.items():
        count_kind(into, kind, count)


def record_kind(before: str, message: str) -> str:
    """The kind of a JSON Lines line's problem: ``before`` (``FILE: ``) and ``message`` without its record or line.

    ``$.claims[4].certainty: ...`` is ``FILE: $.certainty: ...`` and ``line 7: invalid
    JSON at line 1 column 5: ...`` is ``FILE: invalid JSON at column 5: ...``, as
    :func:`kind_of` gives each once named by its line (``FILE:21: $.certainty: ...``).
    """
    if message.startswith("$."):
        return before + _RECORD.sub("$", message, count=1)
    line = _LINE.match(message)
    rest = message[line.end() :] if line is not None else message
    if rest.startswith("invalid JSON at line 1 column"):  # as lines_named says it
        rest = rest.replace(" at line 1 column ", " at column ", 2)
    return before + rest


def kind_of(message: str, labels: Iterable[str]) -> str:
    """The kind of a problem: ``message`` without its line number and with ``[*]`` for each index of its path.

    ``labels`` are the files the messages may name (a message naming none is read as
    having no file).
    """
    label = next((label for label in labels if label and message.startswith(f"{label}:")), "")
    rest = message[len(label) + 1 :].lstrip() if label else message
    line = _LINE.match(rest)
    if line is not None and (label or rest.startswith("line ")):
        rest = rest[line.end() :]
    path, colon, said = rest.partition(": ")
    if path.startswith("$") and colon:
        rest = f"{_INDEX.sub('[*]', path)}: {said}"
    return f"{label}: {rest}" if label else rest


def bounded(
    error: FormatError, labels: Iterable[str], limit: int, kind: Callable[[str, Iterable[str]], str] = kind_of
) -> FormatError:
    """``error`` with its first ``limit`` problems in ``errors`` and the others counted in ``more``; itself if fewer.

    ``kind(message, labels)`` gives the kind a problem is counted under (:func:`kind_of`).
    """
    if len(error.errors) <= limit:
        return error
    names = sorted(set(labels), key=len, reverse=True)  # a file whose name starts another's is tried after it
    more: dict[str, int] = {}
    for message in error.errors[limit:]:
        count_kind(more, kind(message, names))
    merge_kinds(more, error.more)
    return type(error)(error.errors[:limit], shown=error.shown, more=more)


@contextlib.contextmanager
def problems_bounded(
    labels: Iterable[str], limit: int, kind: Callable[[str, Iterable[str]], str] = kind_of
) -> Iterator[None]:
    """Re-raise a :class:`~factlog.FormatError` of more than ``limit`` problems as :func:`bounded` gives it."""
    try:
        yield
    except FormatError as error:
        found = bounded(error, labels, limit, kind)
        if found is error:
            raise
        raise found from None
