"""The messages of a record cattrs refused: one per problem, each with its JSON path.

cattrs gathers every problem of a record (``detailed_validation``); these messages name
each by its path (``$.claims[3].certainty: expected one of ...``), a key one slip away from
one the object takes with the key meant.
"""

from __future__ import annotations

import contextlib
import difflib
import enum
import re
from collections.abc import Iterator

import attrs
import cattrs

from factlog._bulk import forget_frames
from factlog.errors import DateError
from factlog.model._nouns import FieldError

__all__ = ["messages", "word_for", "words_named"]

_FIELD = "\x1f"  # separates a field name from its message inside one formatted error


def _format_exception(error: BaseException, _type: type | None) -> str:
    if isinstance(error, cattrs.errors.ForbiddenExtraKeysError):
        keys = ", ".join(repr(key) + _did_you_mean(key, error.cl) for key in sorted(error.extra_fields))
        return f"unexpected key {keys}" if len(error.extra_fields) == 1 else f"unexpected keys {keys}"
    if isinstance(error, KeyError):
        return "required key missing"
    if isinstance(error, FieldError):
        return f"{error.field}{_FIELD}{error.message}"
    return str(error)


_NOT_WRITTEN = frozenset({"bases", "acknowledged_at"})
"""Fields of a claim set that are never keys of a document (kept by the reader, not written)."""


def _did_you_mean(key: str, cls: type) -> str:
    """`` (did you mean 'polarity'?)`` for a key one slip away from a key ``cls`` takes, else ``""``.

    Close means a ratio of at least 0.8 by :func:`difflib.get_close_matches` (a letter left
    out, doubled or swapped in a word of five letters or more).
    """
    names = [field.name for field in attrs.fields(cls) if field.name not in _NOT_WRITTEN] if attrs.has(cls) else []
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.8) if isinstance(key, str) else []
    return f" (did you mean {close[0]!r}?)" if close else ""


def messages(error: BaseException, root: str) -> list[str]:
    """One message per problem cattrs gathered in ``error``, each ``PATH: what is wrong`` below ``root``.

    The error's tracebacks are then dropped (:func:`~factlog._bulk.forget_frames`): with the
    cyclic collector paused while files are read, their frames would otherwise stay.
    """
    found = []
    for line in cattrs.transform_error(error, path=root, format_exception=_format_exception):
        message, _, path = line.rpartition(" @ ")
        field, separator, text = message.partition(_FIELD)
        if separator:
            path, message = f"{path}.{field}", text
        found.append(f"{path}: {message}")
    forget_frames(error)
    return found


def word_for(cls: type[enum.Enum], value: object) -> str:
    """A hint for a word the scale reads but a file does not take (``"reportedly"`` for possible), else ``""``.

    Files take a scale's own values only, so that they stay byte-stable; the words
    :meth:`~factlog.Certainty.parse` reads belong in the attribution's ``cue`` (a value
    written in other case or with spaces, ``"Possible"``, is told the value alone).
    """
    parse = getattr(cls, "parse", None)
    if not isinstance(value, str) or parse is None:
        return ""
    try:
        member = parse(value)
    except ValueError:
        return ""
    if member.value == value:
        return ""
    word = value.strip().casefold() != str(member.value).casefold()  # a cue word, not the value written otherwise
    cue = ", and keep the word as the attribution's cue" if word and cls.__name__ in ("Certainty", "Polarity") else ""
    return f": {value!r} reads as {member.value!r}; write that{cue}"


@contextlib.contextmanager
def words_named(value: str) -> Iterator[None]:
    """A date refused for holding words says where words are read: a proposition's ``when``."""
    try:
        yield
    except DateError as error:
        if _WORDS.search(value) is None:
            raise
        raise DateError(f"{error}: words are read in a proposition's when only; write the date here") from None


_WORDS = re.compile(r"[^\W\dXTZ_]{2,}")
"""Two letters or more in a row, other than EDTF's X and the T and Z of a time: words, not a date."""
