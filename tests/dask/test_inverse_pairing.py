"""The distributed check pairs a declared inverse as the single process does, whatever the order of the ids."""

from __future__ import annotations

from pathlib import Path

import pytest

import factlog
import factlog.dask
from tests.checks.test_inverse_pairing import AFFIRMED, DENIED, ENTITIES, GIVES, RECEIVES, SOURCES
from tests.io.test_inverse_declarations import (
    CLAIMS,
    SENDS,
    _document,
    _write,
)
from tests.io.test_inverse_declarations import (
    GIVES as GIVES_JSON,
)
from tests.io.test_inverse_declarations import (
    SOURCES as SOURCES_JSON,
)


def test_the_distributed_check_finds_the_contradiction_across_a_declared_inverse(tmp_path: Path) -> None:
    """'gives-to' names 'receives-from', declared with no inverse, in two files: the contradiction is found."""
    factlog.dump(
        factlog.ClaimSet(entities=ENTITIES, predicates=(GIVES, RECEIVES), sources=SOURCES), tmp_path / "a.json"
    )
    factlog.dump(factlog.ClaimSet(claims=(AFFIRMED, DENIED)), tmp_path / "b.json")
    report = factlog.dask.check(tmp_path, partitions=2)
    assert [finding.claim_ids for finding in report.findings if finding.rule == "opposed_claims"] == [("c1", "c2")]


def test_the_distributed_check_refuses_a_name_made_the_inverse_of_two_predicates(tmp_path: Path) -> None:
    """Refused as factlog.load refuses it: the file, the path and the predicates named."""
    path = _write(tmp_path / "c.json", _document([GIVES_JSON, SENDS], sources=SOURCES_JSON, claims=CLAIMS))
    with pytest.raises(factlog.FormatError, match=r"c\.json: \$\.predicates\[1\]\.inverse: predicate 'sends-to'"):
        factlog.dask.check(path.parent, partitions=2)
