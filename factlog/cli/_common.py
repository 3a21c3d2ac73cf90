"""What every command shares: exit codes, the parser class, usage errors, colour, error output."""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NoReturn

import attrs

from factlog._escape import escape_terminal
from factlog.analysis._discovery import MAX_PAIRS, MAX_ROUNDS, PairBudgetWarning
from factlog.analysis._lines import WholeFileWarning
from factlog.assessment._methods import DEFAULT_METHOD, METHODS
from factlog.errors import EXIT_INPUT, EXIT_USAGE, FactlogError, FormatError
from factlog.io import DEFAULT_LIMITS, Limits
from factlog.io._arguments import EMPTY_PATH
from factlog.model import PartialDate

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_INPUT",
    "EXIT_OK",
    "EXIT_USAGE",
    "HINTS",
    "Parser",
    "UsageError",
    "add_assessment_options",
    "add_limits",
    "add_paths",
    "as_of",
    "printed_warnings",
    "colour",
    "hints",
    "limits",
    "named_path",
    "output_path",
    "report_error",
    "stream_refused",
]

EXIT_OK = 0
EXIT_FINDINGS = 1


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors exit with code 2 after printing the usage."""

    def error(self, message: str) -> NoReturn:
        """Print the usage and the message to stderr; exit 2."""
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


class UsageError(Exception):
    """A usage problem found after parsing; the message goes to stderr and the exit code is 2."""


def add_paths(parser: argparse.ArgumentParser) -> None:
    """The positional claim files or folders most commands read, and ``--max-problems`` (:func:`add_limits`)."""
    parser.add_argument("paths", nargs="+", type=named_path, metavar="PATH", help="claim files or folders")
    add_limits(parser)


def named_path(text: str) -> str:
    """An argparse ``type``: a path, not empty (``""``, which Python would take for the working folder)."""
    if not text:
        raise argparse.ArgumentTypeError(EMPTY_PATH)
    return text


def output_path(text: str) -> str:
    """An argparse ``type``: a file to write, not empty; ``-`` is standard output, left to the command."""
    if not text:
        raise argparse.ArgumentTypeError("expected a path, got an empty one ('-' for standard output)")
    return text


def add_limits(parser: argparse.ArgumentParser) -> None:
    """``--max-problems N``: every command that reads claim files or a log's JSON Lines (:func:`limits`)."""
    parser.add_argument(
        "--max-problems",
        type=_problem_limit,
        metavar="N",
        help=f"how many problems of invalid input to print in full, 1 or more (default:"
        f" {DEFAULT_LIMITS.max_problems:,}); the others are counted by kind",
    )


def limits(arguments: argparse.Namespace) -> Limits:
    """The :class:`~factlog.Limits` the command reads its files under: the defaults, with ``--max-problems``."""
    if arguments.max_problems is None:
        return DEFAULT_LIMITS
    return attrs.evolve(DEFAULT_LIMITS, max_problems=arguments.max_problems)


def add_assessment_options(parser: argparse.ArgumentParser, *, purpose: str = "") -> None:
    """``--as-of``, ``--method``, ``--max-pairs``, ``--max-rounds``, ``--plain-rounds``: every command that assesses.

    ``purpose`` leads their help.
    """
    lead = f"{purpose}: " if purpose else ""
    parser.add_argument(
        "--as-of", metavar="DATE", help=f"{lead}assess only claims stated on or before this date (e.g. 2024-11-01)"
    )
    parser.add_argument(
        "--method",
        choices=METHODS,
        default=DEFAULT_METHOD,
        help=f"{lead}how votes become belief (default: {DEFAULT_METHOD}; see docs/assessment.md)",
    )
    parser.add_argument(
        "--max-pairs",
        type=_pair_budget,
        default=MAX_PAIRS,
        metavar="N|none",
        help=f"{lead}AccuCopy's budget of pairs of sources (default: {MAX_PAIRS:,}, about 3 GB in one process;"
        " 'none': no limit); past it the values the most sources give leave copy detection, with a warning",
    )
    parser.add_argument(
        "--max-rounds",
        type=_round_limit,
        default=MAX_ROUNDS,
        metavar="N",
        help=f"{lead}the learning methods' limit of rounds (default: {MAX_ROUNDS}); a run that reaches it stops"
        " unsettled and the output says so: raise it then (a generated set of 300,000 claims needs 266 rounds)",
    )
    parser.add_argument(
        "--plain-rounds",
        action="store_true",
        help=f"{lead}run every AccuVote and AccuCopy round plainly, never extrapolated (by default the rounds jump"
        " ahead where their steps line up, to the same fixed point in fewer rounds)",
    )


_WHOLE_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:_\d+)*", re.ASCII)
"""Digits, grouped by thousands with commas (``50,000,000``) or by underscores (``50_000_000``)."""


def _pair_budget(text: str) -> int | None:
    """``--max-pairs``: a whole number of pairs, 0 or more, or ``none``.

    Commas must group thousands: ``5,0000000`` is a typo, not fifty million.
    """
    written = text.strip()
    if written.lower() == "none":
        return None
    if written.startswith("-") and _WHOLE_NUMBER.fullmatch(written[1:]):
        raise argparse.ArgumentTypeError(f"expected 0 or more pairs, got {text!r}")
    if not _WHOLE_NUMBER.fullmatch(written):
        raise argparse.ArgumentTypeError(f"expected a whole number of pairs or 'none', got {text!r}")
    return int(written.replace(",", ""))


def counted(noun: str) -> Callable[[str], int]:
    """An argparse ``type``: a whole number of ``noun``, 1 or more, grouped by thousands as ``--max-pairs`` is.

    ``--max-rounds``, ``--max-problems`` and ``split --claims-per-file``; anything else is an
    :class:`argparse.ArgumentTypeError` naming the noun and what was given.
    """

    def parse(text: str) -> int:
        written = text.strip()
        if not _WHOLE_NUMBER.fullmatch(written) or int(written.replace(",", "")) < 1:
            raise argparse.ArgumentTypeError(f"expected a whole number of {noun}, 1 or more, got {text!r}")
        return int(written.replace(",", ""))

    return parse


_round_limit = counted("rounds")
_problem_limit = counted("problems")


@contextlib.contextmanager
def printed_warnings(command: str) -> Iterator[None]:
    """Print a :class:`~factlog.PairBudgetWarning` or :class:`~factlog.WholeFileWarning` as one line on stderr.

    The line reads ``factlog COMMAND: warning: ...``; a budget's names the command's
    option (``--max-pairs``, ``--max-pairs none``) where the warning names the Python
    argument. Any other warning raised inside is shown as Python shows it, after the block.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PairBudgetWarning)
        warnings.simplefilter("always", WholeFileWarning)
        yield
    for warning in caught:
        if not issubclass(warning.category, (PairBudgetWarning, WholeFileWarning)):
            warnings.showwarning(
                warning.message, warning.category, warning.filename, warning.lineno, warning.file, warning.line
            )
            continue
        found = warning.message
        text = found.worded("--max-pairs", "--max-pairs none") if isinstance(found, PairBudgetWarning) else str(found)
        print(f"factlog {command}: warning: {escape_terminal(text)}", file=sys.stderr)


def as_of(arguments: argparse.Namespace) -> PartialDate | None:
    """The ``--as-of`` date, or None; a malformed date is a usage error."""
    if arguments.as_of is None:
        return None
    try:
        return PartialDate.parse(arguments.as_of)
    except ValueError as error:
        raise UsageError(f"factlog {arguments.command}: error: --as-of: {error}") from None


def colour(choice: str) -> bool:
    """Whether to colour plain text: ``always``, ``never``, ``auto`` (FORCE_COLOR, or a terminal without NO_COLOR)."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("FORCE_COLOR") and not os.environ.get("NO_COLOR"):
        return True
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


_UNKNOWN_ID = re.compile(r": unknown (?:entity|predicate|source|claim) '")
_UNEXPECTED_KEY = re.compile(r": unexpected keys? '")
_MISSING_KEY = re.compile(r": \$(?!\.format:)\S*: required key missing")
_NO_FORMAT = re.compile(r": \$\.format: required key missing")
_LINES_AS_DOCUMENT = re.compile(r": \$: invalid JSON at line (?!1 )\d+ column 1: Extra data$")
"""A file of one JSON text a line read as one document: named ``.ndjson``, ``.JSONL`` or ``.json``."""
_STRAND = re.compile(r": would (?:strand|change what) ")
"""A claim log's refusal: the error itself says what to append, retract or replace; no file is missing."""

HINTS = {
    "unknown id": "hint: the ids and names reported unknown are defined in none of the files given. Give the"
    " files that define them too (a shared registry: factlog check claims.json entities.json vocabulary.json,"
    " or the folder that holds them all), or define them (docs/format.md, 'Field reference'); a name as the"
    " text writes it may be added to an entity's aliases.",
    "unknown id typo": "hint: an id or name reported with a 'did you mean' may be a typo for the one offered:"
    " correct it where the problem's JSON path points.",
    "unexpected key": "hint: docs/format.md, 'Field reference', lists the keys each object takes"
    " (factlog schema prints them as a JSON Schema); a key in the wrong object is unexpected too"
    " (holder, via and cue belong in a claim's attribution).",
    "no format": 'hint: a file without "format": "factlog" is no claim file; a folder given loads every'
    " *.json and *.jsonl file at any depth below it, so give the claim files by name or keep other JSON elsewhere.",
    "lines as document": "hint: a file of one JSON object a line is read as JSON Lines only when its name ends"
    " .jsonl, in lower case: any other (.ndjson, .JSONL, .json) is read as one JSON document, and a folder"
    " given loads only *.json and *.jsonl files. Rename it (docs/format.md, 'JSON Lines').",
}
"""What to do about the usual problems of a hand-written file, printed once each after the problems."""


def hints(lines: list[str]) -> list[str]:
    """The :data:`HINTS` that apply to the problem lines of a :class:`~factlog.FormatError`, in a fixed order."""
    found = []
    unknown = [line for line in lines if _UNKNOWN_ID.search(line) and not _STRAND.search(line)]
    if any("; did you mean " in line for line in unknown):
        found.append(HINTS["unknown id typo"])
    if unknown:
        found.append(HINTS["unknown id"])
    if any(_UNEXPECTED_KEY.search(line) or _MISSING_KEY.search(line) for line in lines):
        found.append(HINTS["unexpected key"])
    if any(_NO_FORMAT.search(line) for line in lines):
        found.append(HINTS["no format"])
    if any(_LINES_AS_DOCUMENT.search(line) for line in lines):
        found.append(HINTS["lines as document"])
    return found


def stream_refused(command: str, paths: list[str], form: str) -> UsageError:
    """The usage error of ``--stream`` given other than one ``.jsonl`` file and ``--format json``: what was given."""
    given = ", ".join(paths) if paths else "no file"
    misnamed = len(paths) == 1 and Path(paths[0]).suffix.lower() in (".jsonl", ".ndjson") and form == "json"
    rename = (
        f"\nhint: rename {paths[0]} to end in .jsonl, in lower case (docs/format.md, 'JSON Lines')" if misnamed else ""
    )
    return UsageError(
        f"factlog {command}: error: --stream takes one .jsonl file and --format json, not {given} and --format {form}"
        + rename
    )


def report_error(error: FactlogError) -> int:
    """Print each problem on its own line to stderr, then the hints that apply; the error's exit code."""
    lines = error.listed if isinstance(error, FormatError) else [str(error)]
    for line in lines:
        print(f"error: {escape_terminal(line)}", file=sys.stderr)
    for hint in hints([*error.errors, *error.more]) if isinstance(error, FormatError) else []:
        print(hint, file=sys.stderr)
    return error.exit_code
