"""The messages of a record cattrs refused: one per problem, each with its JSON path.

cattrs gathers every problem of a record (``detailed_validation``); these messages name
each by its path (``$.claims[3].certainty: expected one of ...``), a key one slip away from
one the object takes and does not have yet with the key meant. cattrs' error for an
unexpected key holds the class, not the object, so the problems are walked beside the
data read: a key one slip from a key the object has already (``"polarty"`` beside
``"polarity"``) is a repeat to delete, never told to be that key.
"""

from __future__ import annotations

import contextlib
import difflib
import enum
import re
from collections.abc import Collection, Iterator, Sequence
from typing import Any

import attrs
import cattrs

from factlog._bulk import forget_frames
from factlog._echo import echoed
from factlog.errors import DateError
from factlog.model._claimset import NOT_WRITTEN
from factlog.model._nouns import FieldError
from factlog.model._scalehints import hint as scale_hint
from factlog.model._scales import _Scale

__all__ = ["REPEATED", "SYNONYMS", "messages", "word_for", "words_named"]

_FIELD = "\x1f"  # separates a field name from its message inside one formatted error


def _format_exception(error: BaseException, present: frozenset[str]) -> str:
    if isinstance(error, cattrs.errors.ForbiddenExtraKeysError):
        keys = ", ".join(echoed(key) + _did_you_mean(key, error.cl, present) for key in sorted(error.extra_fields))
        return f"unexpected key {keys}" if len(error.extra_fields) == 1 else f"unexpected keys {keys}"
    if isinstance(error, KeyError):
        return "required key missing"
    if isinstance(error, FieldError):
        return f"{error.field}{_FIELD}{error.message}"
    return str(error)


_NOT_WRITTEN = NOT_WRITTEN
"""Fields of a claim set that are never keys of a document (kept by the reader, not written)."""

REPEATED = " (one slip from a key given already: delete the one not meant)"
"""What a key one slip from a key its object has already, and from none it lacks, is told."""


def _did_you_mean(key: str, cls: type, present: Collection[str] = ()) -> str:
    """The hint for an unexpected ``key`` of an object of ``cls`` whose keys are ``present``, or ``""``.

    `` (did you mean 'polarity'?)`` for the closest key ``cls`` takes that the object does
    not have, when one is close: a ratio of at least 0.8 by :func:`difflib.get_close_matches`
    (a letter left out, doubled or swapped in a word of five letters or more). A key
    close only to keys the object has already is a repeat: :data:`REPEATED`, which names
    no key the object has (telling ``'polarty'`` to be ``'polarity'`` beside a
    ``"polarity"`` would make a second one). Else ``""``.
    """
    if not isinstance(key, str) or not attrs.has(cls):
        return ""
    meant = _meant(key, cls, present)
    if meant is not None:
        return f" (did you mean {meant!r}?)"
    names = [field.name for field in attrs.fields(cls) if field.name not in _NOT_WRITTEN]
    return REPEATED if difflib.get_close_matches(key, names, n=1, cutoff=0.8) else ""


SYNONYMS: dict[str, dict[str, str]] = {
    "Claim": {
        "confidence": "certainty",
        "confidence_level": "certainty",
        "likelihood": "certainty",
        "source": "evidence",
        "sources": "evidence",
        "text": "statement",
        "stance": "polarity",
    },
    "Attribution": {"speaker": "holder", "source": "holder", "relay": "via", "relays": "via", "relayed_by": "via"},
    "Proposition": {"date": "when", "time": "when", "verb": "predicate", "relation": "predicate", "value": "object"},
    "Evidence": {"text": "quote", "excerpt": "quote"},
    "Source": {"outlet": "publisher", "date": "published", "link": "url", "copied_from": "derived_from"},
}
"""Keys a reader new to the format types for a key of these classes, by class name: a word, not a slip.

The format's words are the field's (FactBank's *certainty*, not "confidence"; a *holder*,
not a "speaker"): a key here is offered its format key as a slip is, when the object
has not that key already.
"""


def _meant(key: str, cls: type, present: Collection[str]) -> str | None:
    """The key of ``cls`` not in ``present`` that ``key`` is one slip from (:func:`_did_you_mean`), or None.

    A key one slip from none may be another word for one (:data:`SYNONYMS`: "confidence"
    for ``certainty``); that key is offered then.
    """
    if not isinstance(key, str) or not attrs.has(cls):
        return None
    names: list[str] = [field.name for field in attrs.fields(cls) if field.name not in _NOT_WRITTEN]
    close = difflib.get_close_matches(key, [name for name in names if name not in present], n=1, cutoff=0.8)
    if close:
        return close[0]
    word: str | None = SYNONYMS.get(cls.__name__, {}).get(key.casefold().replace("-", "_").replace(" ", "_"))
    return word if word is not None and word in names and word not in present else None


def messages(error: BaseException, root: str, data: Any) -> list[str]:
    """One message per problem cattrs gathered in ``error``, each ``PATH: what is wrong`` below ``root``.

    ``data`` is what was structured (the JSON value at ``root``): the keys each refused
    object has are read from it. The error's tracebacks are then dropped
    (:func:`~factlog._bulk.forget_frames`): with the cyclic collector paused while files
    are read, their frames would otherwise stay.
    """
    found = []
    for told, path in _walk(error, root, data):
        field, separator, text = told.partition(_FIELD)
        found.append(f"{path}.{field}: {text}" if separator else f"{path}: {told}")
    forget_frames(error)
    return found


def _walk(error: BaseException, path: str, data: Any) -> Iterator[tuple[str, str]]:
    """(message, path) for each problem below ``path``, ``data`` the value there: :func:`cattrs.transform_error`'s walk.

    Walked here, not by cattrs, for the data: a class's errors are noted by attribute
    name (the format's key: no field is renamed), an iterable's by index.
    """
    without: Sequence[BaseException] = [error]
    if isinstance(error, cattrs.IterableValidationError):
        items, without = error.group_exceptions()
        for inner, item in items:
            yield from _walk(inner, f"{path}[{item.index!r}]", _at(data, item.index))
    present = frozenset(key for key in data if isinstance(key, str)) if isinstance(data, dict) else frozenset()
    if isinstance(error, cattrs.ClassValidationError):
        fields, without = error.group_exceptions()
        missing = {field.name for inner, field in fields if isinstance(inner, KeyError)}
        slips = _slips(without, missing, present)
        for inner, field in fields:
            if field.name in slips:  # one message for a misspelled required key: the key written, the key meant
                key = slips[field.name]
                yield (
                    f"unexpected key {echoed(key)} (did you mean {field.name!r}? {field.name!r} is required)",
                    f"{path}.{key}",
                )
            elif isinstance(inner, KeyError):
                yield "required key missing" + _holds(error.cl, field.name), f"{path}.{field.name}"
            else:
                yield from _walk(inner, f"{path}.{field.name}", _at(data, field.name))
        left = [_without_keys(problem, set(slips.values())) for problem in without]
        without = [problem for problem in left if problem is not None]
    for problem in without:
        yield _format_exception(problem, present), path


def _slips(problems: Sequence[BaseException], missing: set[str], present: frozenset[str]) -> dict[str, str]:
    """Each missing required key that an unexpected key given is one slip from, with that key."""
    slips: dict[str, str] = {}
    for problem in problems:
        if isinstance(problem, cattrs.errors.ForbiddenExtraKeysError):
            for key in sorted(problem.extra_fields):
                meant = _meant(key, problem.cl, present)
                if meant in missing and meant not in slips:
                    slips[meant] = key
    return slips


def _without_keys(problem: BaseException, keys: set[str]) -> BaseException | None:
    """``problem`` without the unexpected ``keys`` told with the key meant; None when none is left."""
    if not keys or not isinstance(problem, cattrs.errors.ForbiddenExtraKeysError):
        return problem
    left = set(problem.extra_fields) - keys
    return cattrs.errors.ForbiddenExtraKeysError("", problem.cl, left) if left else None


def _holds(cls: type, name: str) -> str:
    """`` (who holds it, and through whom it came)``: what a missing key holds, from the field's ``doc``, or ``""``."""
    field = attrs.fields_dict(cls).get(name) if attrs.has(cls) else None
    doc = field.metadata.get("doc") if field is not None else None
    if not isinstance(doc, str) or not doc:
        return ""
    first = doc.split(". ")[0].rstrip(".")
    if len(first) > 1 and first[1].islower():
        first = first[0].lower() + first[1:]
    return f" ({first})"


def _at(data: Any, key: object) -> Any:
    """The value under ``key`` (a dict's key, a list's index) in ``data``; None where there is none."""
    if isinstance(data, dict):
        return data.get(key)
    if isinstance(data, list) and isinstance(key, int) and -len(data) <= key < len(data):
        return data[key]
    return None


def word_for(cls: type[enum.Enum], value: object) -> str:
    """A hint for a word the scale reads but a file does not take (``"reportedly"`` for possible), else ``""``.

    A word the scale does not read is told what it most likely means, if anything
    (:func:`~factlog.model._scalehints.hint`: "very likely" is a likelihood, "probabel" a slip).

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
        return scale_hint(cls, value) if issubclass(cls, _Scale) else ""
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
