"""A source's folder as the loader holds it: an absolute path that remembers the path it was given as."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["Folder", "shown"]


class Folder(str):
    """The absolute path of a source's folder (the text itself), with the path as given and the working folder then.

    The working folder joined with ``given``, ``..`` kept (``link/..`` stays where the
    link leads), so a later :func:`os.chdir` leaves the documents where they were.
    ``given``: the folder as the loader was given it (``sources/kcna``, ``.``,
    ``/data/kcna``); ``working``: the working folder at that moment (``""`` for an
    absolute ``given``). Equal to, and
    hashed as, the absolute path alone. Raises :class:`OSError` where the working folder
    was removed and ``given`` is relative, as :meth:`pathlib.Path.absolute` does.
    """

    given: str
    working: str

    def __new__(cls, given: str) -> Folder:
        absolute = Path(given).absolute()
        made = super().__new__(cls, str(absolute))
        made.given = given
        made.working = "" if absolute == Path(given) else os.getcwd()
        return made

    def __reduce__(self) -> tuple[object, tuple[str, str, str]]:
        return _folder, (str(self), self.given, self.working)


def _folder(absolute: str, given: str, working: str) -> Folder:
    """A :class:`Folder` made again from its pickled parts (no working folder looked up)."""
    made = str.__new__(Folder, absolute)
    made.given, made.working = given, working
    return made


def shown(folder: str) -> str:
    """A source's folder as messages name it: as given to the loader while the working folder is the same.

    After an :func:`os.chdir` (or where the working folder was removed), the absolute
    path; a folder given as an absolute path, as given. A folder no loader made (a plain
    ``str`` in ``ClaimSet.bases``) is named as it is.
    """
    if not isinstance(folder, Folder):
        return folder
    if Path(folder.given).is_absolute():
        return folder.given
    try:
        here = os.getcwd()
    except OSError:  # the working folder removed
        return str(folder)
    return folder.given if here == folder.working else str(folder)
