"""Writing a draft: the claims file, then the article's text beside it, never over a file unasked."""

from __future__ import annotations

import enum
import os
import stat
from pathlib import Path

import attrs

from factlog.errors import ArgumentError, InputError, expect
from factlog.io._arguments import expect_named
from factlog.io._atomic import read_only, write_atomic, written_in_place
from factlog.io._writing import dump_to
from factlog.model import ClaimSet
from factlog.model._claimset import expect_claim_set

__all__ = ["Clash", "ClashError", "ClashKind", "clashes", "stores_text", "write_draft"]


class ClashKind(enum.Enum):
    """What stands where a draft would write."""

    DRAFT = "draft"
    """A file at the claims file's path: an earlier draft, perhaps reviewed since."""
    OTHER_TEXT = "other text"
    """A file at the text's path holding other bytes than the article."""
    NO_FILE = "no file"
    """A folder, pipe, device or socket at the text's path: the text cannot be stored there."""
    SAME_PATH = "same path"
    """The text's path is the claims file's own."""


@attrs.frozen
class Clash:
    """A file a draft would replace (``DRAFT``, ``OTHER_TEXT``) or cannot be written as asked (the others)."""

    path: Path
    kind: ClashKind
    source: str | None = None
    """The source whose text goes to ``path``; None for the claims file."""


class ClashError(ArgumentError):
    """A file in the way of :func:`write_draft` (``DRAFT`` or ``OTHER_TEXT``), made there perhaps while it wrote."""

    def __init__(self, clash: Clash) -> None:
        held = "exists" if clash.kind is ClashKind.DRAFT else f"holds another text than that of source {clash.source}"
        super().__init__(f"factlog.write_draft: {clash.path} {held}: give force=True to replace it")
        self.clash = clash


def stores_text(path: Path) -> bool:
    """Whether a draft written to ``path`` stores the article's text beside it: not for a device, pipe or descriptor."""
    return not written_in_place(path)


def clashes(claims: ClaimSet, text: str, path: Path) -> list[Clash]:
    """What stands where :func:`write_draft` would write ``claims`` and ``text`` to ``path``.

    Those ``force`` cannot clear (``SAME_PATH``, ``NO_FILE``) come first, then the others in writing order.
    """
    if not stores_text(path):
        return []
    found = []
    if os.path.isfile(path):
        found.append(Clash(path, ClashKind.DRAFT))
    data = text.encode("utf-8")
    for source in claims.sources:
        if source.document is None:
            continue
        beside = path.parent / source.document
        if os.path.realpath(beside) == os.path.realpath(path):
            found.append(Clash(beside, ClashKind.SAME_PATH, source.id))
            continue
        try:
            mode = os.stat(beside).st_mode
        except OSError:  # nothing there, or nothing that can be looked at: the write reports why
            continue
        if not stat.S_ISREG(mode):
            found.append(Clash(beside, ClashKind.NO_FILE, source.id))
        elif not _holds(beside, data):
            found.append(Clash(beside, ClashKind.OTHER_TEXT, source.id))
    return sorted(found, key=lambda clash: clash.kind in (ClashKind.DRAFT, ClashKind.OTHER_TEXT))


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None


def write_draft(claims: ClaimSet, text: str, path: str | os.PathLike[str], *, force: bool = False) -> None:
    """Write a draft claim set to ``path``, then the article's text beside it, as its source names it.

    The text is written as UTF-8 under each source's ``document`` name in the folder of
    ``path`` (left alone when that file already holds the same bytes), so quotes and
    the SHA-256 can be verified. Both are written atomically (a temporary file renamed
    over the target, as :func:`~factlog.dump` writes); the folder of ``path`` is made
    when missing, as ``factlog draft -o`` makes it, and so is the folder of a ``document``
    with one (``sub/x.txt``), before anything is written. A ``path`` that is a device, a
    named pipe or an open descriptor (``/dev/null``, ``/dev/stdout``) is written into
    and no text is stored: it has no folder of its own to store it in.

    Nothing is written when a file stands in the way: an existing file at ``path`` (a
    draft that may have been reviewed since) or other text at the text's path is an
    :class:`~factlog.ArgumentError` naming it, unless ``force``; so is one made there
    while the draft is written (by another draft: a new file is made only where none
    is), and a ``path`` that is the text's own path, or empty, whatever ``force``. Raises
    :class:`InputError` when either cannot be written (a folder, pipe or device at the
    text's path among them; a read-only file there, with ``force`` too, is refused
    before the claims are written), :class:`~factlog.ArgumentError` for ``claims`` that are
    no :class:`ClaimSet` or a ``text`` that is no :class:`str`.
    """
    expect_claim_set(claims, "factlog.write_draft")
    expect(text, str, "factlog.write_draft: text", "the article's text (a str)")
    expect_named(path, "factlog.write_draft: path")
    target = Path(path)
    for clash in clashes(claims, text, target):
        if clash.kind is ClashKind.NO_FILE:
            raise InputError(f"{clash.path}: cannot store the text of source {clash.source}: not a regular file")
        if clash.kind is ClashKind.SAME_PATH:
            raise ArgumentError(f"factlog.write_draft: path: {target} is where the text of source {clash.source} goes")
        if not force:
            raise ClashError(clash)
    stored = stores_text(target)
    texts = [target.parent / source.document for source in claims.sources if source.document is not None]
    data = text.encode("utf-8")
    for beside in texts if stored else []:
        # Refused before the claims are written: claims whose text could not be stored would name another's.
        if read_only(beside) and not _holds(beside, data):
            raise InputError(f"{beside}: cannot write: it is read-only (make it writable, chmod u+w, to replace it)")
    for folder in dict.fromkeys([target.parent, *(beside.parent for beside in texts if stored)]):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise InputError(f"{folder}: cannot make the folder: {error.strerror or error}") from None
    new = stored and not force  # a device, pipe or descriptor is written into, never made
    try:
        # The claims first: a text written and claims that failed would leave a copy no draft names.
        dump_to(claims, target, new=new)
    except FileExistsError:  # made since clashes() looked: by another draft
        raise ClashError(Clash(target, ClashKind.DRAFT)) from None
    if not stored:
        return
    for source in claims.sources:
        if source.document is None:
            continue
        beside = target.parent / source.document
        if beside.is_file() and _holds(beside, data):
            continue
        try:
            write_atomic(beside, data, new=new)  # as dump writes: a crash leaves the old text or the new
        except FileExistsError:
            if not (beside.is_file() and _holds(beside, data)):  # the same text, stored by another draft, will do
                target.unlink(missing_ok=True)  # made new above: claims whose text is another's go too
                raise ClashError(Clash(beside, ClashKind.OTHER_TEXT, source.id)) from None
