"""A write to a target that is no regular file: a device or a pipe written into, a folder or socket refused."""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path
from typing import Any

import pytest

import factlog
from factlog.io._atomic import write_atomic
from tests.helpers import claim, devices_guarded, read_end, world
from tests.syscalls import at_call

CLAIMS = world(claim("a"))


def test_a_dump_into_a_named_pipe_writes_through_it_and_leaves_the_pipe(tmp_path: Path) -> None:
    """The reader of a FIFO gets the bytes dump writes, and the FIFO is still a FIFO, with nothing beside it."""
    fifo = tmp_path / "out.json"
    with read_end(fifo) as read:
        factlog.dump(CLAIMS, fifo)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert b"".join(read).decode() == factlog.dumps(CLAIMS)
    assert [path.name for path in tmp_path.iterdir()] == ["out.json"]


def test_a_link_to_a_named_pipe_writes_through_both_and_leaves_both(tmp_path: Path) -> None:
    """A symbolic link to a FIFO stays a link, its FIFO a FIFO, and the reader gets the bytes."""
    fifo, link = tmp_path / "pipe", tmp_path / "link.json"
    with read_end(fifo) as read:
        link.symlink_to(fifo.name)
        factlog.dump(CLAIMS, link)
    assert (link.is_symlink(), stat.S_ISFIFO(os.lstat(fifo).st_mode)) == (True, True)
    assert b"".join(read).decode() == factlog.dumps(CLAIMS)


def test_a_dump_to_dev_null_leaves_the_device(monkeypatch: pytest.MonkeyPatch) -> None:
    """``/dev/null`` is written into: no temporary file is made in /dev, nothing renamed over the device."""
    devices_guarded(monkeypatch)
    before = os.stat("/dev/null")
    factlog.dump(CLAIMS, "/dev/null")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_a_folder_is_refused_as_a_folder_by_name(tmp_path: Path) -> None:
    """A folder where the file should go: an InputError naming it and saying it is a folder."""
    (tmp_path / "out.json").mkdir()
    with pytest.raises(factlog.InputError, match=r"out\.json: cannot write: it is a folder$"):
        factlog.dump(CLAIMS, tmp_path / "out.json")
    assert (tmp_path / "out.json").is_dir()


def test_a_socket_is_refused_and_stays_a_socket(tmp_path: Path) -> None:
    """A Unix socket where the file should go is refused by name, and is not replaced by a file."""
    target = tmp_path / "s.json"
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(target))
        with pytest.raises(factlog.InputError, match=r"s\.json: cannot write: it is a socket$"):
            factlog.dump(CLAIMS, target)
    assert stat.S_ISSOCK(os.lstat(target).st_mode)


def test_a_missing_folder_is_named_as_missing(tmp_path: Path) -> None:
    """Writing into a folder that does not exist names the target and the missing folder."""
    target = tmp_path / "absent" / "out.json"
    with pytest.raises(factlog.InputError, match=rf"out\.json: cannot write: no folder {tmp_path}/absent$"):
        factlog.dump(CLAIMS, target)


def test_a_folder_taking_no_new_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder refusing the temporary file (read-only, not ours) is named: the target itself may be writable."""
    (tmp_path / "out.json").write_text("{}", encoding="utf-8")
    opened = os.open

    def refused(path: Any, flags: int, *rest: Any, **named: Any) -> int:
        if flags & os.O_CREAT:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return opened(path, flags, *rest, **named)

    monkeypatch.setattr(os, "open", refused)
    with pytest.raises(factlog.InputError) as caught:
        factlog.dump(CLAIMS, tmp_path / "out.json")
    assert str(caught.value) == (
        f"{tmp_path}/out.json: cannot write: the folder {tmp_path} takes no new file (Permission denied)"
    )
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == "{}"


def test_a_dump_through_an_open_descriptor_writes_at_the_end_of_its_file(tmp_path: Path) -> None:
    """``/proc/self/fd/N`` open on a file (``-o /dev/stdout >> out.json``) is written at its end, the file kept."""
    target = tmp_path / "out.json"
    target.write_text("kept\n", encoding="utf-8")
    before = os.stat(target).st_ino
    descriptor = os.open(target, os.O_WRONLY | os.O_APPEND)
    try:
        factlog.dump(CLAIMS, f"/proc/self/fd/{descriptor}")
    finally:
        os.close(descriptor)
    assert target.read_text(encoding="utf-8") == "kept\n" + factlog.dumps(CLAIMS)
    assert os.stat(target).st_ino == before
    assert [path.name for path in tmp_path.iterdir()] == ["out.json"]


def test_a_new_write_never_replaces_a_file_made_before_the_link(tmp_path: Path) -> None:
    """``new=True``: a file made between the look and the link stays, FileExistsError, no temporary file left."""

    target = tmp_path / "x.json"
    with (
        at_call({1}, lambda: target.write_text("made meanwhile"), names=("link",), before=True),
        pytest.raises(FileExistsError),
    ):
        write_atomic(target, b"new", new=True)
    assert target.read_text() == "made meanwhile"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["x.json"]


@pytest.mark.parametrize("standing", ["file", "dangling link"])
def test_a_new_write_refuses_what_stands_there(tmp_path: Path, standing: str) -> None:
    """``new=True`` over a file or a link to nothing: FileExistsError naming the target, nothing changed."""

    target = tmp_path / "x.json"
    if standing == "file":
        target.write_text("kept")
    else:
        target.symlink_to(tmp_path / "nowhere")
    with pytest.raises(FileExistsError) as raised:
        write_atomic(target, b"new", new=True)
    assert raised.value.filename == str(target)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["x.json"]
    assert not (tmp_path / "nowhere").exists()


def test_a_new_write_where_no_links_are_made_renames_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file system that makes no hard links (EPERM, as FAT): the new file is written all the same."""

    def no_links(*_: Any) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    write_atomic(tmp_path / "x.json", b"new", new=True)
    assert (tmp_path / "x.json").read_bytes() == b"new"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["x.json"]
