"""The temporary file of a compact assessment: read from threads and forked processes, closed, shown."""

from __future__ import annotations

import errno
import io
import os
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import factlog
from factlog.assessment import _spooling
from tests.helpers import ROOT, run

UNKNOWN = "no-such-claim"


@pytest.fixture
def compact(tmp_path: Path) -> Iterator[factlog.LinesAssessment]:
    path = tmp_path / "claims.jsonl"
    path.write_text(factlog.dumps_lines(factlog.load(ROOT / "sources")), encoding="utf-8")
    made = factlog.assess_lines(path)
    assert isinstance(made, factlog.LinesAssessment)
    yield made
    made.propositions.close()


@pytest.fixture(scope="module")
def plain() -> factlog.Assessment:
    return factlog.assess(factlog.load(ROOT / "sources"))


def test_reading_leaves_the_file_position_alone(compact: factlog.LinesAssessment, plain: factlog.Assessment) -> None:
    """Reading a proposition moves no file position (a forked process shares it): the item read stays right."""
    number = compact.propositions._spool.fileno()
    os.lseek(number, 0, os.SEEK_SET)
    assert compact.propositions[-1] == plain.propositions[-1]
    assert os.lseek(number, 0, os.SEEK_CUR) == 0


def test_threads_reading_at_once_read_the_right_propositions(
    compact: factlog.LinesAssessment, plain: factlog.Assessment
) -> None:
    """Eight threads reading the propositions and looking claims up at once all get the plain results."""
    ids = sorted(claim.id for claim in factlog.load(ROOT / "sources").claims)
    failed: list[object] = []

    def read(offset: int) -> None:
        try:
            size = len(plain.propositions)
            for step in range(3 * size):
                at = (offset + 7 * step) % size
                if compact.propositions[at] != plain.propositions[at]:
                    failed.append(at)
            failed.extend(claim for claim in ids[offset::8] if compact.about(claim) != plain.about(claim))
        except Exception as error:  # reported below, with what it was
            failed.append(error)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible: between a seek and a read
    try:
        threads = [threading.Thread(target=read, args=(offset,)) for offset in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert failed == []


@pytest.mark.parametrize("claim", ["known", UNKNOWN])
@pytest.mark.parametrize("lookup", ["about", "label"])
def test_a_lookup_made_before_closing_still_raises_after(
    compact: factlog.LinesAssessment, plain: factlog.Assessment, claim: str, lookup: str
) -> None:
    """about and label raise ClosedError after close(), for any id, even once the lookup was built before."""
    known = plain.propositions[0].labels[0][0]
    claim = known if claim == "known" else claim
    assert getattr(compact, lookup)(known) == getattr(plain, lookup)(known)
    compact.propositions.close()
    with pytest.raises(factlog.ClosedError, match=r"propositions\.close\(\)"):
        getattr(compact, lookup)(claim)


def test_the_repr_names_no_address(compact: factlog.LinesAssessment, plain: factlog.Assessment) -> None:
    """repr shows how many propositions the file holds and whether it is closed, not where the object lies."""
    size = len(plain.propositions)
    assert f"propositions=Spooled(<{size} propositions in a temporary file>)" in repr(compact)
    compact.propositions.close()
    assert repr(compact.propositions) == f"Spooled(<{size} propositions closed>)"
    assert " at 0x" not in repr(compact)


@pytest.mark.parametrize("claim", [None, 7, ["a"], {"id": "a"}, b"a"])
@pytest.mark.parametrize("lookup", ["about", "label"])
def test_a_claim_that_is_no_id_is_an_argument_type_error(
    compact: factlog.LinesAssessment, plain: factlog.Assessment, claim: object, lookup: str
) -> None:
    """about and label of no str (None, a number, a list) raise ArgumentTypeError on both kinds, naming the method."""
    for assessment in (plain, compact):
        with pytest.raises(factlog.ArgumentTypeError, match=rf"{type(assessment).__name__}\.{lookup}: claim"):
            getattr(assessment, lookup)(claim)


def test_a_claim_object_is_refused_not_looked_up(plain: factlog.Assessment) -> None:
    """A Claim passed where its id is meant is refused (it found nothing, silently)."""
    with pytest.raises(factlog.ArgumentTypeError, match=r"expected a claim id \(str\), got Claim"):
        plain.about(factlog.load(ROOT / "sources").claims[0])


def test_a_closed_assessment_of_no_claims_raises_too(tmp_path: Path) -> None:
    """With no proposition at all, iterating, leading, equality and rendering still raise ClosedError once closed."""
    path = tmp_path / "tables.jsonl"
    path.write_text(factlog.dumps_lines(factlog.ClaimSet()), encoding="utf-8")
    empty = factlog.assess_lines(path)
    assert isinstance(empty, factlog.LinesAssessment)
    assert empty.leading() == {}
    empty.propositions.close()
    reads: list[Callable[[], object]] = [
        lambda: list(empty.propositions),
        empty.leading,
        lambda: factlog.render_assessment_json(empty),
        lambda: hash(empty),
    ]
    for read in reads:
        with pytest.raises(factlog.ClosedError):
            read()
    assert len(empty.propositions) == 0


class _Full(io.BytesIO):
    """A temporary file on a full disk: every write fails as the system's would."""

    def write(self, data: object) -> int:
        raise OSError(errno.ENOSPC, f"No space left on device for {len(memoryview(data))} bytes")


class _FullOnFlush(io.BytesIO):
    """A temporary file on a full disk whose writes are buffered: the last flush fails."""

    def flush(self) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("full", [_Full, _FullOnFlush])
def test_a_full_disk_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, full: type[io.BytesIO]) -> None:
    """A temporary file that cannot be written raises InputError naming the file and the folder, not OSError."""
    path = tmp_path / "claims.jsonl"
    path.write_text(factlog.dumps_lines(factlog.load(ROOT / "sources")), encoding="utf-8")
    monkeypatch.setattr(_spooling.tempfile, "TemporaryFile", full)
    with pytest.raises(factlog.InputError, match=r"claims\.jsonl: cannot write the temporary file .*No space left"):
        factlog.assess_lines(path)


def test_no_temporary_folder_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A temporary folder that does not exist raises InputError saying so (it raised FileNotFoundError)."""
    path = tmp_path / "claims.jsonl"
    path.write_text(factlog.dumps_lines(factlog.load(ROOT / "sources")), encoding="utf-8")
    monkeypatch.setattr(_spooling.tempfile, "tempdir", str(tmp_path / "gone"))
    with pytest.raises(factlog.InputError, match=r"in .*gone: No such file"):
        factlog.assess_lines(path)
    ran = run("assess", "--stream", "--format", "json", str(path))
    assert ran.returncode == 3
    assert ran.stderr.startswith("error: factlog.assess_lines: ")
    assert "cannot write the temporary file" in ran.stderr


def test_without_pread_the_items_are_still_read(
    compact: factlog.LinesAssessment, plain: factlog.Assessment, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the system has no os.pread (Windows), each item is read by seeking, under the lock."""
    monkeypatch.delattr(os, "pread")
    assert list(compact.propositions) == list(plain.propositions)
