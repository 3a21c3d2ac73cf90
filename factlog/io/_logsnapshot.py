"""A claim log's snapshot: its claim set and stored documents written to a folder that checks like any other."""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path, PurePosixPath

from factlog.errors import InputError
from factlog.io._atomic import write_atomic
from factlog.io._log import ClaimLog, parse_time
from factlog.io._logtime import timestamp
from factlog.io._splitfolder import remove_stale, removed, signals_deferred
from factlog.io._staging import staging_name
from factlog.io._writing import dump
from factlog.model._claimset import ClaimSet, rearranged

__all__ = ["snapshot"]


def snapshot(
    log: ClaimLog, folder: str | os.PathLike[str], *, as_of: str | datetime.datetime | None = None, force: bool = False
) -> Path:
    """Write the claim set (as of a time) to a folder, with the stored documents, that checks like any other.

    Each source with a stored document goes to ``sources/ID/source.json`` with its
    document at the path the source names (ids are safe folder names); everything else
    to ``claims.json``. ``factlog check FOLDER`` then verifies every quote against the
    text as it was appended. The snapshot is written whole into a hidden folder beside
    ``folder``, then renamed into place: a new or empty folder is taken by one rename; a
    folder that holds anything is refused unless ``force``, and then only if it holds a
    ``claims.json`` (an earlier snapshot), which is replaced whole, nothing of it left
    (an interrupted write leaves the earlier snapshot or the new one). Nothing is made
    when the store cannot be read. Returns the folder. Raises
    :class:`~factlog.InputError` (an :class:`OSError`) for a folder or file that cannot
    be made or written (a file where the folder should be), a folder not empty, and
    what :meth:`ClaimLog.read` raises.
    """
    target = Path(folder)
    remove_stale(target, "claims.json")  # what a snapshot killed on this machine left: an earlier one put back
    _expect_folder(target, force=force)
    # Both reads bounded by the latest time read first: an append made meanwhile is later, so neither sees it
    # (a history is only added to at its end), and the documents are those of the sources read.
    latest = log.latest()
    if latest is not None and (as_of is None or timestamp(parse_time(as_of)) > latest):
        as_of = latest
    claims = log.read(as_of=as_of)
    stored = log.documents(as_of=as_of)
    kept = [source for source in claims.sources if source.document is not None and source.id in stored]
    for source in kept:
        if PurePosixPath(str(source.document)).suffix.lower() in (".json", ".jsonl"):
            # A folder's *.json and *.jsonl files are claim files to `factlog check`; and `source.json` is the record's.
            raise InputError(
                f"{target}: source {source.id!r}: its document {str(source.document)!r} ends in"
                f" {PurePosixPath(str(source.document)).suffix}: a snapshot's *.json and *.jsonl files are read"
                " as claim files, so it cannot hold that document; nothing was written (rename the document,"
                " append the source again with --replace, and export again)"
            )
    _make_folder(target.parent)
    staging = target.parent / staging_name(target.name or "snapshot")
    try:
        _make_folder(staging)
        for source in kept:
            place = staging / "sources" / source.id
            _make_folder((place / str(source.document)).parent)
            write_atomic(place / str(source.document), stored[source.id])
            dump(ClaimSet(sources=(source,)), place / "source.json")
        # Not evolve: a store may hold inverses that clash (replay reads them), and its snapshot keeps them.
        rest = rearranged(claims, sources=tuple(s for s in claims.sources if s not in kept))
        dump(rest, staging / "claims.json")
        with signals_deferred():
            _put_in_place(staging, target, force=force)
    finally:
        if staging.exists():
            removed(staging)
    return target


def _expect_folder(target: Path, *, force: bool) -> None:
    """Refuse a file, a non-empty folder without ``force``, and with it one that holds no earlier snapshot."""
    if not target.exists():
        if target.is_symlink():
            raise InputError(f"{target}: cannot make the folder: a broken symbolic link stands there")
        ancestor = next(parent for parent in target.absolute().parents if parent.exists())
        if not ancestor.is_dir():
            raise InputError(f"{target}: cannot make the folder: {ancestor} is not a folder")
        return
    if not target.is_dir():
        raise InputError(f"{target}: cannot make the folder: a file stands there")
    if not any(target.iterdir()):
        return
    if not force:
        raise InputError(
            f"{target}: not empty: give a new or empty folder, or --force (Python: force=True) to replace"
            " an earlier snapshot whole"
        )
    if not (target / "claims.json").is_file():
        raise InputError(
            f"{target}: holds no claims.json, so no earlier snapshot: --force (Python: force=True) replaces"
            " only an earlier snapshot; move it, or give another folder"
        )
    if target.resolve() == Path.cwd().resolve():
        raise InputError(f"{target}: the working folder cannot be replaced: give another folder")
    stranger = _stranger(target)
    if stranger is not None:
        raise InputError(
            f"{target}: holds {stranger}, which no snapshot writes, so it is no earlier snapshot:"
            " --force (Python: force=True) replaces only an earlier snapshot whole; move it, or give another folder"
        )


def _stranger(target: Path) -> str | None:
    """A file or folder of ``target`` that a snapshot does not write, or None when it holds only a snapshot's.

    A snapshot writes ``claims.json``, and for each source with a stored document
    ``sources/ID/source.json`` and the document it names (in sub-folders, as named).
    """
    for path in sorted(target.iterdir()):
        if path.name == "claims.json" and path.is_file() and not path.is_symlink():
            continue
        if path.name != "sources" or path.is_symlink() or not path.is_dir():
            return repr(path.name)
        for place in sorted(path.iterdir()):
            record = place / "source.json"
            if place.is_symlink() or not record.is_file() or record.is_symlink():
                return repr(f"sources/{place.name}")
            try:
                document = json.loads(record.read_bytes())["sources"][0]["document"]
            except (OSError, ValueError, KeyError, IndexError, TypeError):
                return repr(f"sources/{place.name}/source.json")
            wanted = {record, place / str(document)}
            for found in sorted(place.rglob("*")):
                if found.is_symlink() or (found.is_file() and found not in wanted):
                    return repr(found.relative_to(target).as_posix())
    return None


def _put_in_place(staging: Path, target: Path, *, force: bool) -> None:
    """Rename the complete snapshot to ``target``; with ``force``, the earlier one aside first, then removed."""
    try:
        os.rename(staging, target)  # a missing target, or an empty folder (which it replaces)
        return
    except OSError as error:
        if not (force and target.is_dir() and not target.is_symlink()):
            raise InputError(f"{target}: cannot put the snapshot in place: {error.strerror or error}") from None
    aside = staging.with_name(staging.name + ".old")
    try:
        os.rename(target, aside)
    except OSError as error:
        raise InputError(f"{target}: cannot replace the earlier snapshot: {error.strerror or error}") from None
    try:
        os.rename(staging, target)
    except OSError as error:
        os.rename(aside, target)
        raise InputError(f"{target}: cannot put the snapshot in place: {error.strerror or error}") from None
    removed(aside)


def _make_folder(folder: Path) -> None:
    """Make a folder and its parents, as needed; :class:`~factlog.InputError` when it cannot be made."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"{folder}: cannot make the folder: {error.strerror or error}") from None
