"""The exceptions factlog raises.

Every error factlog raises on purpose derives from :class:`FactlogError`, and each
specific error also derives from the builtin exception a caller would expect::

    FactlogError(Exception)
    ├── FormatError(FactlogError, ValueError)      a document is not valid factlog JSON
    │   ├── UnknownIdError(FormatError, LookupError)  an id refers to nothing defined
    │   └── ConflictError(FormatError)                 one id defined twice, differently
    ├── ScaleError(FactlogError, ValueError)        a word that no confidence scale knows
    ├── TimeExpressionError(FactlogError, ValueError)  words for a time that cannot be resolved
    └── InputError(FactlogError, OSError)           a path that cannot be read or written

Errors about documents carry every problem found, not only the first, in ``errors``:
one string per problem, each naming the file (when there is one) and the JSON path,
``sources/a/claims.json: $.claims[3].certainty: expected one of ..., got 'sure'``.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "ConflictError",
    "FactlogError",
    "FormatError",
    "InputError",
    "ScaleError",
    "TimeExpressionError",
    "UnknownIdError",
]


class FactlogError(Exception):
    """The root of every exception factlog raises on purpose."""


class FormatError(FactlogError, ValueError):
    """A document is not valid factlog JSON; ``errors`` lists every problem found."""

    def __init__(self, errors: Iterable[str]) -> None:
        self.errors: list[str] = list(errors)
        if not self.errors:
            self.errors = ["invalid document"]
        super().__init__("\n".join(self.errors))

    def __reduce__(self) -> tuple[type[FormatError], tuple[list[str]]]:
        return (type(self), (self.errors,))


class UnknownIdError(FormatError, LookupError):
    """An id (of a source, entity, predicate or claim) refers to nothing defined."""


class ConflictError(FormatError):
    """One id is defined twice with different content, in one file or across files."""


class ScaleError(FactlogError, ValueError):
    """A word or symbol that no confidence scale knows."""


class TimeExpressionError(FactlogError, ValueError):
    """Words for a time that cannot be resolved: a form not known, or an event not named."""


class InputError(FactlogError, OSError):
    """A path that cannot be read or written."""
