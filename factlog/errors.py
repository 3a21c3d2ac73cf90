"""The exceptions factlog raises.

Every error factlog raises on purpose derives from :class:`FactlogError`, and each
specific error also derives from the builtin exception a caller would expect::

    FactlogError(Exception)                                       exit 3
    ├── FormatError(FactlogError, ValueError)      a document is not valid factlog JSON
    │   ├── UnknownIdError(FormatError, LookupError)  an id refers to nothing defined
    │   └── ConflictError(FormatError)                 one id defined twice, differently
    ├── FieldError(FactlogError, ValueError)       a model field refuses a value
    ├── FieldTypeError(FactlogError, TypeError)    a model field given a value of the wrong type
    ├── DateError(FactlogError, ValueError)        text that is no partial date or interval
    ├── TimeExpressionError(FactlogError, ValueError)  words for a time that cannot be resolved
    ├── InputError(FactlogError, OSError)          a path that cannot be read or written
    ├── ClusterError(FactlogError, OSError)        a Dask cluster unreachable, without workers, or losing them
    ├── ClosedError(FactlogError, ValueError)      results read from a temporary file after it was closed
    ├── ArgumentError(FactlogError, ValueError)    a bad argument to a function   exit 2
    │   └── ArgumentTypeError(ArgumentError, TypeError)  an argument of the wrong type  exit 2
    ├── UnknownEntityError(FactlogError, LookupError)  no entity by that id or name  exit 2
    └── ScaleError(FactlogError, ValueError)        a word that no confidence scale knows  exit 2

Each class carries the exit code the ``factlog`` command ends with when it reaches the
command line (``exit_code``): 3 for input that cannot be read or is invalid, 2 for a
usage error (an argument or a name the user typed).

Errors about documents carry every problem found, not only the first, in ``errors``:
one string per problem, each naming the file (when there is one) and the JSON path,
``sources/a/claims.json: $.claims[3].certainty: expected one of ..., got 'sure'``;
past ``Limits.max_problems`` of them, the first ones, and the others counted by kind
in ``more``.
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

__all__ = [
    "ArgumentError",
    "ArgumentTypeError",
    "ClosedError",
    "ClusterError",
    "ConflictError",
    "DateError",
    "FactlogError",
    "FieldError",
    "FieldTypeError",
    "FormatError",
    "InputError",
    "ScaleError",
    "TimeExpressionError",
    "UnknownEntityError",
    "UnknownIdError",
]

_T = TypeVar("_T")

EXIT_USAGE = 2
EXIT_INPUT = 3


class FactlogError(Exception):
    """The root of every exception factlog raises on purpose."""

    exit_code: int = EXIT_INPUT
    """The exit code of the ``factlog`` command when this error ends it."""


class FormatError(FactlogError, ValueError):
    """A document is not valid factlog JSON; ``errors`` lists the problems found, ``count`` how many.

    ``errors`` holds every problem, or, past ``Limits.max_problems`` (1,000) of them, the
    first ones: ``more`` then counts the others by kind (``{"set.jsonl: $.certainty:
    expected one of ...": 99000}``, the file without the line, the path without the
    record), so that a file with a problem on every line costs bounded memory. ``shown``:
    how many problems the message (``str(error)``) and the ``factlog`` command list before
    a last line ``and N more`` (:attr:`listed`); None lists every one of ``errors``.
    """

    def __init__(
        self, errors: Iterable[str], *, shown: int | None = None, more: Mapping[str, int] | None = None
    ) -> None:
        self.errors: list[str] = list(errors)
        if not self.errors:
            self.errors = ["invalid document"]
        self.shown = shown
        self.more: dict[str, int] = dict(more or {})
        super().__init__("\n".join(self.listed))

    @property
    def count(self) -> int:
        """How many problems were found: those in ``errors`` and those counted in ``more``."""
        return len(self.errors) + sum(self.more.values())

    @property
    def listed(self) -> list[str]:
        """The problems as the message lists them: the first ``shown``, then ``and N more``, and ``more`` by kind.

        The kinds are listed most frequent first, a line each (``  99,000 × set.jsonl:
        $.certainty: ...``).
        """
        first = self.errors if self.shown is None else self.errors[: self.shown]
        hidden = len(self.errors) - len(first)
        if not self.more:
            return first if not hidden else [*first, f"and {hidden:,} more"]
        counted = sum(self.more.values())
        these = f", {counted:,} of them of these kinds:" if hidden else " of these kinds:"
        kinds = sorted(self.more.items(), key=lambda item: (item[0] == OTHER_KINDS, -item[1], item[0]))
        return [*first, f"and {hidden + counted:,} more problems{these}", *(f"  {n:,} × {kind}" for kind, n in kinds)]

    def __reduce__(
        self,
    ) -> tuple[Callable[..., FormatError], tuple[type[FormatError], list[str], int | None, dict[str, int]]]:
        return (_format_error, (type(self), self.errors, self.shown, self.more))


OTHER_KINDS = "problems of other kinds"
"""The kind ``FormatError.more`` counts a problem under once it counts as many kinds as it lists."""


def _format_error(
    kind: type[FormatError], errors: list[str], shown: int | None, more: dict[str, int] | None = None
) -> FormatError:
    """A :class:`FormatError` (or subclass) made again from its pickled parts."""
    return kind(errors, shown=shown, more=more)


class UnknownIdError(FormatError, LookupError):
    """An id (of a source, entity, predicate or claim) refers to nothing defined."""


class ConflictError(FormatError):
    """One id is defined twice with different content, in one file or across files."""


class ScaleError(FactlogError, ValueError):
    """A word or symbol that no confidence scale knows."""

    exit_code = EXIT_USAGE


class FieldError(FactlogError, ValueError):
    """A field holds a value its validator refuses; ``field`` names it, ``message`` says why."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    def __reduce__(self) -> tuple[type[FieldError], tuple[str, str]]:
        return (type(self), (self.field, self.message))


class FieldTypeError(FactlogError, TypeError):
    """A model field given a value of the wrong type, such as a string for a :class:`Certainty`.

    ``field`` names the class and the field (``'Claim.certainty'``), ``message`` says what
    was expected and what was given: ``Claim.certainty: expected a Certainty, got 'sure' (str)``.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    def __reduce__(self) -> tuple[type[FieldTypeError], tuple[str, str]]:
        return (type(self), (self.field, self.message))


class DateError(FactlogError, ValueError):
    """Text that is not a partial date or interval, or a date that does not exist."""


class ArgumentError(FactlogError, ValueError):
    """An argument a function does not accept, such as an unknown assessment method."""

    exit_code = EXIT_USAGE


class ArgumentTypeError(ArgumentError, TypeError):
    """An argument of a type a function does not take, such as ``factlog.loads(None)``.

    An :class:`ArgumentError`, and a :class:`TypeError` as Python's own functions raise
    for a wrong type, so either ``except`` catches it.
    """


class UnknownEntityError(FactlogError, LookupError):
    """No entity has the id, name or alias asked for."""

    exit_code = EXIT_USAGE


class TimeExpressionError(FactlogError, ValueError):
    """Words for a time that cannot be resolved: a form not known, or an event not named."""


class InputError(FactlogError, OSError):
    """A path that cannot be read or written."""


class ClusterError(FactlogError, OSError):
    """A Dask scheduler that cannot be reached, or that has no workers within the timeout.

    Also a distributed run whose workers died and whose work could not be done again
    (a task that killed each worker it ran on, losses past the reruns, a lost scheduler;
    the message names the stage and what to do), a local cluster that could not start,
    and a learning step that ran twice on a cluster in one process (its result lost),
    whose arguments were already let go.
    """


class ClosedError(FactlogError, ValueError):
    """Results kept in a temporary file read after the file was closed.

    Raised on reading the propositions of a :class:`~factlog.LinesAssessment` after
    ``propositions.close()``; a :class:`ValueError`, as reading a closed file is in Python.
    """


def described(value: object) -> str:
    """A short account of a value for an error message: its repr, cut short, and its type."""
    return f"{reprlib.repr(value)} ({type(value).__name__})"


def expect(value: object, kind: type[_T], where: str, expected: str) -> _T:
    """``value`` if it is an instance of ``kind``; else an :class:`ArgumentTypeError`.

    ``where`` names the function and the argument (``'factlog.loads: text'``), ``expected``
    what it takes (``'a str or bytes'``); the message adds what was given, so it reads
    ``factlog.loads: text: expected a str or bytes, got None (NoneType)``.
    """
    if not isinstance(value, kind):
        raise ArgumentTypeError(f"{where}: expected {expected}, got {described(value)}")
    return value


def expect_text_stream(value: object, where: str) -> None:
    """Nothing if ``value`` is a text stream (has ``write``, takes :class:`str`); else an :class:`ArgumentTypeError`.

    A binary stream (:class:`io.BytesIO`, a file opened ``"wb"``) and a path are refused
    by name; any other object with a callable ``write`` is taken as a text stream.
    """
    import io  # noqa: PLC0415 - only the writers need it

    if isinstance(value, io.BufferedIOBase | io.RawIOBase) or not callable(getattr(value, "write", None)):
        raise ArgumentTypeError(f"{where}: expected a text stream (sys.stdout, io.StringIO), got {described(value)}")


def expect_each(value: object, kind: type[_T], where: str, expected: str) -> list[_T]:
    """``value`` as a list if it is an iterable of ``kind`` (not text, not a mapping); else :class:`ArgumentTypeError`.

    ``expected`` names the whole (``'a list of TimelineRow'``); an item of another type is
    named by its position (``factlog.render_timeline_text: rows[2]: expected a TimelineRow``).
    """
    if not isinstance(value, Iterable) or isinstance(value, str | bytes | bytearray | Mapping):
        raise ArgumentTypeError(f"{where}: expected {expected}, got {described(value)}")
    found = list(value)
    for number, item in enumerate(found):
        expect(item, kind, f"{where}[{number}]", f"a {kind.__name__}")
    return found
