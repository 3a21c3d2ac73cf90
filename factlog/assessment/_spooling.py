"""Writing assessments to the temporary file of a :class:`~factlog.assessment._spooled.Spooled`, as they come.

:func:`~factlog.assess_lines` pickles each assessment as it makes it; a partition of
:func:`factlog.dask.assess` pickles its own (:func:`pickled`) and the driver appends
them a partition at a time (:meth:`Spooler.extend`). Either way only each assessment's
sort key (:func:`sort_key`, about 120 bytes) and its place in the file stay in memory;
:meth:`Spooler.spooled` puts the places in the keys' order.
"""

from __future__ import annotations

import contextlib
import heapq
import io
import pickle
import tempfile
from array import array
from collections.abc import Iterable, Iterator
from typing import IO

import attrs

from factlog.assessment._assessment import assessment_order
from factlog.assessment._proposition import PropositionAssessment
from factlog.assessment._spooled import Spooled, read_at
from factlog.errors import InputError

__all__ = ["Pickled", "Spooler", "order_key", "pickled", "sort_key"]


def sort_key(item: PropositionAssessment, number: int, rank: int) -> bytes:
    """``(*assessment_order(item), number, rank)`` as bytes that sort as that tuple (:func:`order_key`).

    ``number`` and ``rank`` (each under 2**64) settle ties as their order did where the
    items were made: the question and the answer's rank within it, or the partition and
    the item's place in it.
    """
    return order_key(*assessment_order(item), number, rank)


def order_key(undisputed: bool, statement: str, key: str, number: int, rank: int) -> bytes:
    """An assessment's sort key, ``(undisputed, statement, key, number, rank)``, as bytes that sort as the tuple.

    Bytes of UTF-8 sort as the code points of their text; each text's NUL bytes are
    escaped as 00 01 and the text ends with 00 00, which sorts before anything that may
    follow it, so a text sorts before every text it begins. About 120 bytes a key where
    the tuple, its two strings and its ints held 280 (issue 19).
    """
    return b"".join(
        (
            b"\x01" if undisputed else b"\x00",
            statement.encode("utf-8", "surrogatepass").replace(b"\x00", b"\x00\x01"),
            b"\x00\x00",
            key.encode("utf-8", "surrogatepass").replace(b"\x00", b"\x00\x01"),
            b"\x00\x00",
            number.to_bytes(8, "big"),
            rank.to_bytes(8, "big"),
        )
    )


@attrs.frozen
class Pickled:
    """Assessments pickled one after another in ``data``, each ending at its ``ends`` entry, in the order of their keys.

    What a partition of :func:`factlog.dask.assess` sends back: one bytes object and a
    sort key an item (sorted), rather than every assessment as objects for the driver to
    rebuild and sort.
    """

    keys: list[bytes]
    data: bytes
    ends: array[int]


def pickled(items: Iterable[PropositionAssessment], number: int) -> Pickled:
    """``items`` sorted by :func:`sort_key` (``number``, each one's place among them) and pickled in that order."""
    keyed = sorted(((sort_key(item, number, rank), item) for rank, item in enumerate(items)), key=_first)
    ends = array("q")
    out = io.BytesIO()
    for _, item in keyed:
        pickle.dump(item, out, protocol=pickle.HIGHEST_PROTOCOL)
        ends.append(out.tell())
    return Pickled([key for key, _ in keyed], out.getvalue(), ends)


def _first(pair: tuple[bytes, object]) -> bytes:
    return pair[0]


BLOCK = 1 << 16
"""Bytes of a run of keys read at once while the runs are merged."""


class Spooler:
    """An anonymous temporary file taking pickled assessments, and each one's sort key and place.

    Assessments added one at a time (:meth:`add`) keep their keys in memory; those of a
    part pickled elsewhere (:meth:`extend`, already in their keys' order) are written to a
    second temporary file as a sorted run, and :meth:`spooled` merges the runs reading
    ``block`` bytes of each at a time: then only the places (16 bytes an assessment) stay in
    memory. Raises :class:`~factlog.InputError` (naming ``where``) when a file cannot be
    made or written: a full disk, no temporary folder.
    """

    def __init__(self, where: str, *, block: int = BLOCK) -> None:
        self.where, self.block = where, block
        self.keys: list[bytes] = []
        self.added = array("q")  # the places (in starts and ends) of the items added one at a time
        self.starts, self.ends = array("q"), array("q")
        self.runs: list[tuple[int, int, int]] = []  # each run's offset and size in the keys' file, its first place
        self.run_keys: IO[bytes] | None = None
        self.file = self._made()

    def _made(self) -> IO[bytes]:
        try:
            return tempfile.TemporaryFile()
        except OSError as error:
            raise self.unwritable(error) from error

    def add(self, item: PropositionAssessment, key: bytes) -> None:
        """Pickle one assessment to the file and keep its key."""
        self.keys.append(key)
        self.added.append(len(self.starts))
        self.starts.append(self.file.tell())
        try:
            pickle.dump(item, self.file, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError as error:
            raise self.unwritable(error) from error
        self.ends.append(self.file.tell())

    def extend(self, part: Pickled) -> None:
        """Append assessments pickled elsewhere (:func:`pickled`); their keys go to the keys' file as one run."""
        if self.run_keys is None:
            self.run_keys = self._made()
        start, offset = self.file.tell(), self.run_keys.tell()
        keys = b"".join(len(key).to_bytes(4, "big") + key for key in part.keys)
        try:
            self.file.write(part.data)
            self.run_keys.write(keys)
        except OSError as error:
            raise self.unwritable(error) from error
        self.runs.append((offset, len(keys), len(self.starts)))
        previous = start
        for end in part.ends:
            self.starts.append(previous)
            previous = start + end
            self.ends.append(previous)

    def spooled(self) -> Spooled:
        """The assessments in the order of their keys, read back from the file (the keys are let go)."""
        try:
            self.file.flush()
            if self.run_keys is not None:
                self.run_keys.flush()
        except OSError as error:
            raise self.unwritable(error) from error
        keys, added = self.keys, self.added
        kept = ((keys[i], added[i]) for i in sorted(range(len(keys)), key=keys.__getitem__))
        runs = [_run(self.run_keys, *run, block=self.block) for run in self.runs]
        starts, ends = array("q"), array("q")
        for _, place in heapq.merge(kept, *runs):  # keys are unique: the places are never compared
            starts.append(self.starts[place])
            ends.append(self.ends[place])
        self.keys, self.added, self.starts, self.ends, self.runs = [], array("q"), array("q"), array("q"), []
        self._close_keys()
        return Spooled(self.file, starts, ends)

    def close(self) -> None:
        """Remove the files (on an error before :meth:`spooled`); raises nothing."""
        with contextlib.suppress(OSError):  # what could not be written cannot be flushed on closing either
            self.file.close()
        self._close_keys()

    def _close_keys(self) -> None:
        if self.run_keys is not None:
            with contextlib.suppress(OSError):
                self.run_keys.close()
            self.run_keys = None

    def unwritable(self, error: OSError) -> InputError:
        """The temporary file of the propositions could not be made or written (a full disk, no temporary folder)."""
        return InputError(
            f"{self.where}: cannot write the temporary file that holds the propositions in"
            f" {tempfile.gettempdir()}: {error.strerror or error}; set TMPDIR to a folder with room"
        )


def _run(file: IO[bytes] | None, offset: int, size: int, first: int, *, block: int) -> Iterator[tuple[bytes, int]]:
    """A run of keys written by :meth:`Spooler.extend`, read ``block`` bytes at a time: each key and its place."""
    assert file is not None  # a run was written to it
    buffer, at, done, place = b"", 0, 0, first
    while True:
        if len(buffer) - at >= 4:
            length = int.from_bytes(buffer[at : at + 4], "big")
            if len(buffer) - at >= 4 + length:
                yield buffer[at + 4 : at + 4 + length], place
                at += 4 + length
                place += 1
                continue
        if done >= size:
            return
        read = read_at(file, offset + done, min(block, size - done))
        assert read, "the keys' file ends before its runs"  # written and flushed by this process
        done += len(read)
        buffer, at = buffer[at:] + read, 0
