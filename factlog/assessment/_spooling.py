"""Writing assessments to the temporary file of a :class:`~factlog.assessment._spooled.Spooled`, as they come.

:func:`~factlog.assess_lines` pickles each assessment as it makes it; a partition of
:func:`factlog.dask.assess` pickles its own (:func:`pickled`) and the driver appends
them a partition at a time (:meth:`Spooler.extend`). Either way only each assessment's
sort key (:func:`sort_key`, about 120 bytes) and its place in the file stay in memory;
:meth:`Spooler.spooled` puts the places in the keys' order.
"""

from __future__ import annotations

import contextlib
import io
import pickle
import tempfile
from array import array
from collections.abc import Iterable

import attrs

from factlog.assessment._assessment import assessment_order
from factlog.assessment._proposition import PropositionAssessment
from factlog.assessment._spooled import Spooled
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
    """Assessments pickled one after another in ``data``, each ending at its ``ends`` entry, with its sort key.

    What a partition of :func:`factlog.dask.assess` sends back: one bytes object and a
    key an item, rather than every assessment as objects for the driver to rebuild.
    """

    keys: list[bytes]
    data: bytes
    ends: array[int]


def pickled(items: Iterable[PropositionAssessment], number: int) -> Pickled:
    """``items`` pickled, each with :func:`sort_key` (``number``, its place among them)."""
    keys: list[bytes] = []
    ends = array("q")
    out = io.BytesIO()
    for rank, item in enumerate(items):
        keys.append(sort_key(item, number, rank))
        pickle.dump(item, out, protocol=pickle.HIGHEST_PROTOCOL)
        ends.append(out.tell())
    return Pickled(keys, out.getvalue(), ends)


class Spooler:
    """An anonymous temporary file taking pickled assessments, and each one's sort key and place.

    Raises :class:`~factlog.InputError` (naming ``where``) when the file cannot be made or
    written: a full disk, no temporary folder.
    """

    def __init__(self, where: str) -> None:
        self.where = where
        self.keys: list[bytes] = []
        self.starts, self.ends = array("q"), array("q")
        try:
            self.file = tempfile.TemporaryFile()  # noqa: SIM115 - it lives as long as the assessment
        except OSError as error:
            raise self.unwritable(error) from error

    def add(self, item: PropositionAssessment, key: bytes) -> None:
        """Pickle one assessment to the file and keep its key."""
        self.keys.append(key)
        self.starts.append(self.file.tell())
        try:
            pickle.dump(item, self.file, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError as error:
            raise self.unwritable(error) from error
        self.ends.append(self.file.tell())

    def extend(self, part: Pickled) -> None:
        """Append assessments pickled elsewhere (:func:`pickled`), keeping their keys."""
        start = self.file.tell()
        try:
            self.file.write(part.data)
        except OSError as error:
            raise self.unwritable(error) from error
        self.keys.extend(part.keys)
        previous = start
        for end in part.ends:
            self.starts.append(previous)
            previous = start + end
            self.ends.append(previous)

    def spooled(self) -> Spooled:
        """The assessments in the order of their keys, read back from the file (the keys are let go)."""
        try:
            self.file.flush()
        except OSError as error:
            raise self.unwritable(error) from error
        keys = self.keys
        order = sorted(range(len(keys)), key=keys.__getitem__)
        self.keys = []
        starts, ends = self.starts, self.ends
        return Spooled(self.file, array("q", (starts[i] for i in order)), array("q", (ends[i] for i in order)))

    def close(self) -> None:
        """Remove the file (on an error before :meth:`spooled`); raises nothing."""
        with contextlib.suppress(OSError):  # what could not be written cannot be flushed on closing either
            self.file.close()

    def unwritable(self, error: OSError) -> InputError:
        """The temporary file of the propositions could not be made or written (a full disk, no temporary folder)."""
        return InputError(
            f"{self.where}: cannot write the temporary file that holds the propositions in"
            f" {tempfile.gettempdir()}: {error.strerror or error}; set TMPDIR to a folder with room"
        )
