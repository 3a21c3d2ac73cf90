"""A source's folder as the loader holds it: an absolute path that remembers the path it was given as."""

from __future__ import annotations

from pathlib import Path

__all__ = ["Folder", "given_as", "shown"]


class Folder(str):
    """The absolute path of a source's folder (the text itself), with the path it was given as.

    The working folder joined with ``given``, ``..`` kept (``link/..`` stays where the
    link leads), so a later :func:`os.chdir` leaves the documents where they were.
    ``given``: the folder as the loader was given it (``sources/kcna``, ``.``,
    ``/data/kcna``). Equal to, and hashed as, the absolute path alone. Raises
    :class:`OSError` where the working folder was removed and ``given`` is relative, as
    :meth:`pathlib.Path.absolute` does.
    """

    given: str

    def __new__(cls, given: str) -> Folder:
        made = super().__new__(cls, str(Path(given).absolute()))
        made.given = given
        return made

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return _folder, (str(self), self.given)


def _folder(absolute: str, given: str) -> Folder:
    """A :class:`Folder` made again from its pickled parts (no working folder looked up)."""
    made = str.__new__(Folder, absolute)
    made.given = given
    return made


def given_as(folder: str, given: str) -> Folder:
    """``folder`` (its absolute path) named ``given`` in messages; raises nothing.

    For a file a Dask worker read at its absolute path, named as the user gave it.
    """
    return _folder(str(folder), given)


def shown(folder: str) -> str:
    """A source's folder as messages name it: as given to the loader.

    The same wherever the message is made: after an :func:`os.chdir`, and on a Dask
    worker running in a folder of its own, so a check on a cluster names documents as one
    process does. A folder no loader made (a plain ``str`` in ``ClaimSet.bases``) is named
    as it is.
    """
    return folder.given if isinstance(folder, Folder) else folder
