"""A folder given to check or validate: linked sub-folders are read, and a dangling linked claim file is an error."""

from __future__ import annotations

import json
from pathlib import Path

import factlog
from tests.helpers import GOLDEN, run


def _desk(tmp_path: Path) -> tuple[Path, Path]:
    """A desk folder holding the registry, and a story folder kept elsewhere (to be linked in)."""
    data = json.loads(GOLDEN.read_text())
    desk, elsewhere = tmp_path / "desk", tmp_path / "elsewhere" / "story"
    desk.mkdir()
    elsewhere.mkdir(parents=True)
    (desk / "entities.json").write_text(
        json.dumps({"format": "factlog", "version": 1, "entities": data.pop("entities")})
    )
    (elsewhere / "claims.json").write_text(json.dumps(data))
    return desk, elsewhere


def test_a_linked_sub_folder_is_read(tmp_path: Path) -> None:
    """A story folder linked into the folder given is read, as if it were there: no claim left out unread."""
    desk, elsewhere = _desk(tmp_path)
    (desk / "story").symlink_to(elsewhere, target_is_directory=True)
    assert factlog.load(desk) == factlog.loads(GOLDEN.read_text())


def test_a_link_back_to_a_folder_already_read_is_not_followed_again(tmp_path: Path) -> None:
    """A link to the folder itself (a loop) ends: each folder is read once."""
    desk, elsewhere = _desk(tmp_path)
    (desk / "story").symlink_to(elsewhere, target_is_directory=True)
    (elsewhere / "loop").symlink_to(desk, target_is_directory=True)
    assert factlog.load(desk) == factlog.loads(GOLDEN.read_text())


def test_a_dangling_linked_claim_file_is_one_line_exit_3(tmp_path: Path) -> None:
    """A claim file linked from a drive not mounted is named (exit 3), not skipped for a clean check."""
    desk, _ = _desk(tmp_path)
    (desk / "story.json").symlink_to(tmp_path / "unmounted" / "story.json")
    for command in ("check", "validate"):
        ran = run(command, str(desk))
        assert (ran.returncode, ran.stdout) == (3, "")
        assert ran.stderr == (
            f"error: {desk / 'story.json'}: a symbolic link to {str(tmp_path / 'unmounted' / 'story.json')!r},"
            " which does not exist: its claims cannot be read (mount or restore it, or remove the link)\n"
        )
