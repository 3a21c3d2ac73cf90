"""A valid JSON Lines claim file of the current version read a line at a time: the loader's fast path.

Split from :mod:`factlog.io._documents`, which falls back to reading the file whole (or,
for a file with problems, to naming them a line at a time) when this gives None.
"""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from factlog.io import _parsing
from factlog.io._files import capped_lines, read_line
from factlog.io._migrations import FORMAT, VERSION
from factlog.io._parsing import FORMAT_DEPTH, Limits, quick_parse
from factlog.io._recordplaces import place_sources
from factlog.io._records import RECORD_TYPES
from factlog.io._sections import claim_set
from factlog.model._claimset import ClaimSet

__all__ = ["stream_lines"]


def stream_lines(
    path: Path,
    limits: Limits,
    *,
    section_reader_of: Callable[[str], Callable[[Any, dict[str, str]], Any]],
    acknowledgement_lines: list[int] | None = None,
) -> ClaimSet | None:
    """A valid JSON Lines file of the current version, read a line at a time; None for anything else.

    Neither the text nor the parsed records exist whole: each line becomes its object
    and is dropped. At the first thing this does not accept (or without orjson, or for
    an older version), None: the file is then read whole, and its problems reported.
    ``section_reader_of(section)`` gives the reader of one record of that section
    (``section_reader`` with the loader's own reader of a claim). When the file is read
    here, the line number (from 1) of each of its acknowledgement records is appended, in
    order, to ``acknowledgement_lines`` (when given; left as it was for a None), and each
    source is named by its line (``sources_at``: ``FILE:LINE``).
    """
    if _parsing.orjson_module() is None or limits.max_depth < FORMAT_DEPTH:  # looked up now: tests turn it off
        return None
    readers: dict[str, Any] = {}
    ids: dict[str, str] = {}
    sections: dict[str, list[Any]] = {}
    noted: list[int] = []
    sources: list[int] = []  # the line of each source record: where its document is given (sources_at)
    try:
        info = path.stat()
        if info.st_size > limits.max_bytes or not stat.S_ISREG(info.st_mode):
            return None
        with path.open("rb") as stream:
            header = quick_parse(read_line(stream, limits, str(path), 1).removeprefix(b"\xef\xbb\xbf"))
            if header != {"format": FORMAT, "version": VERSION} or type(header["version"]) is not int:
                return None  # an older version is upgraded by the whole-file path; True == 1 is no version
            # no line longer than the file may grow to
            for number, line in enumerate(capped_lines(stream, limits, str(path), 2), start=2):
                if not line.strip(b" \t\r\n"):
                    continue
                record = quick_parse(line)
                section = RECORD_TYPES[record.pop("type")]
                if section == "acknowledged":
                    noted.append(number)
                elif section == "sources":
                    sources.append(number)
                if section not in readers:
                    readers[section] = section_reader_of(section)
                    sections[section] = []
                sections[section].append(readers[section](record, ids))
        read = claim_set({name: tuple(items) for name, items in sections.items()}, str(path.parent))
        place_sources(read, str(path), sources)
    except Exception:  # any problem: the whole file is read again, and the problem named
        return None
    if acknowledgement_lines is not None:
        acknowledgement_lines.extend(noted)
    return read
