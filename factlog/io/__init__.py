"""Reading and writing: limits, JSON parsing, the converter, documents, JSON Lines, the claim log (SQLite).

Above :mod:`factlog.model`, below everything that analyses claims. Every problem with
input is raised as a :class:`factlog.FormatError` naming the file and JSON path.
"""

from __future__ import annotations

from factlog.io._converter import make_converter
from factlog.io._documents import DEFAULT_LIMITS, Limits, load, loads, loads_lines
from factlog.io._log import ClaimLog, DroppedLinkWarning, Record, RecordVersion, Replay, Retraction, TornLineWarning
from factlog.io._logrules import RetractedWarning
from factlog.io._migrations import VERSION as FORMAT_VERSION
from factlog.io._schema import json_schema
from factlog.io._split import split_lines
from factlog.io._writing import LoadedFolderWarning, dump, dumps, dumps_lines

__all__ = [
    "DEFAULT_LIMITS",
    "FORMAT_VERSION",
    "ClaimLog",
    "DroppedLinkWarning",
    "Limits",
    "LoadedFolderWarning",
    "Record",
    "RecordVersion",
    "Replay",
    "RetractedWarning",
    "Retraction",
    "TornLineWarning",
    "dump",
    "dumps",
    "dumps_lines",
    "json_schema",
    "load",
    "loads",
    "loads_lines",
    "make_converter",
    "split_lines",
]
