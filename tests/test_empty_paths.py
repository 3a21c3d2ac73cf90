"""An empty path, or no path at all, is a usage error naming the argument: never the working folder read unasked."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import factlog
import factlog.dask
from tests.helpers import run

# Each public function that reads claim files, called with ``paths`` and right values for the rest.
READERS: dict[str, Callable[[Any], object]] = {
    "factlog.load": factlog.load,
    "factlog.split_lines": lambda paths: factlog.split_lines(paths, "split"),
    "factlog.dask.check": factlog.dask.check,
    "factlog.dask.assess": factlog.dask.assess,
}
ONE_PATH: dict[str, Callable[[Any], object]] = {
    "factlog.check_lines": factlog.check_lines,
    "factlog.assess_lines": factlog.assess_lines,
}


class _Nowhere(os.PathLike[str]):
    """A path-like object whose path is empty, as ``""`` is."""

    def __fspath__(self) -> str:
        return ""


@pytest.fixture
def claims_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder that holds a valid claim file, which an empty path would read as if it had been given."""
    factlog.dump(factlog.load("sources/"), tmp_path / "claims.json")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.usefixtures("claims_here")
@pytest.mark.parametrize("empty", ["", _Nowhere()], ids=["str", "PathLike"])
@pytest.mark.parametrize("name", sorted(READERS))
def test_an_empty_path_is_refused_naming_paths(name: str, empty: object) -> None:
    """An empty path given alone is an ArgumentError naming ``paths``, the working folder not read."""
    with pytest.raises(factlog.ArgumentError, match=rf"^{name}: paths: expected a path, got an empty one"):
        READERS[name](empty)


@pytest.mark.usefixtures("claims_here")
@pytest.mark.parametrize("name", sorted(READERS))
def test_an_empty_path_among_others_is_refused_naming_its_position(name: str) -> None:
    """An empty path in a list is an ArgumentError naming ``paths[N]``."""
    with pytest.raises(factlog.ArgumentError, match=rf"^{name}: paths\[1\]: expected a path, got an empty one"):
        READERS[name](["claims.json", ""])


@pytest.mark.usefixtures("claims_here")
@pytest.mark.parametrize("name", sorted(READERS))
def test_no_path_at_all_is_refused_naming_paths(name: str) -> None:
    """An empty iterable of paths is an ArgumentError naming ``paths``, not "no claim files found in" nothing."""
    with pytest.raises(factlog.ArgumentError, match=rf"^{name}: paths: expected at least one path, got none$"):
        READERS[name](iter(()))


@pytest.mark.usefixtures("claims_here")
@pytest.mark.parametrize("empty", ["", _Nowhere()], ids=["str", "PathLike"])
@pytest.mark.parametrize("name", sorted(ONE_PATH))
def test_the_compact_paths_refuse_an_empty_path_naming_path(name: str, empty: object) -> None:
    """check_lines and assess_lines refuse an empty path as an ArgumentError naming ``path``."""
    with pytest.raises(factlog.ArgumentError, match=rf"^{name}: path: expected a path, got an empty one"):
        ONE_PATH[name](empty)


def test_the_working_folder_is_still_read_when_named(claims_here: Path) -> None:
    """``"."`` names the working folder: read as any folder is."""
    assert factlog.load(".") == factlog.load(claims_here)


@pytest.mark.parametrize(
    ("args", "argument"),
    [
        (["check", ""], "PATH"),
        (["check", "claims.json", ""], "PATH"),
        (["validate", ""], "PATH"),
        (["assess", ""], "PATH"),
        (["split", "", "split"], "PATH"),
        (["log", "append", "claims.db", ""], "FILE"),
        (["log", "show", ""], "LOG"),
        (["draft", "", "--source", "x"], "ARTICLE"),
        (["draft", "claims.json", "--source", "x", "-o", ""], "-o/--output"),
        (["report", "claims.json", "-o", ""], "-o/--output"),
    ],
)
def test_the_command_line_refuses_an_empty_path_as_a_usage_error(
    claims_here: Path, args: list[str], argument: str
) -> None:
    """An empty path argument exits 2 naming the argument, and nothing is read or written."""
    ran = run(*args, cwd=claims_here)
    assert ran.returncode == 2
    assert f"error: argument {argument}: expected a path, got an empty one" in ran.stderr
    assert sorted(path.name for path in claims_here.iterdir()) == ["claims.json"]


def test_dump_to_an_empty_path_is_refused_naming_it(claims_here: Path) -> None:
    """``factlog.dump(claims, "")`` names the empty argument (it was told "cannot write: Device or resource busy")."""
    claims = factlog.load(claims_here / "claims.json")
    with pytest.raises(factlog.ArgumentError, match=r"factlog\.dump: path: expected a path, got an empty one"):
        factlog.dump(claims, "")
    assert sorted(p.name for p in claims_here.iterdir()) == ["claims.json"]
