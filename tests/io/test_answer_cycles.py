"""Claims answering each other in a cycle: refused on every reading path, as cycles of part_of and derived_from are."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import ClaimLog, DroppedLinkWarning, FormatError
from factlog.io._parsing import DEFAULT_LIMITS
from factlog.io._splitstream import Unsplittable, stream_claims, stream_tables
from tests.helpers import ENTITIES, PREDICATES, SOURCES, claim, links_on_cycles, world

CYCLE = (claim("c1", answers=("c2",)), claim("c2", denied=True, answers=("c1",)))
"""c1 answers c2, c2 answers c1."""
TABLES = (*ENTITIES, *PREDICATES, *SOURCES)


replies = st.integers(2, 6).flatmap(
    lambda n: st.fixed_dictionaries(
        {i: st.sets(st.sampled_from([j for j in range(n) if j != i]), max_size=2) for i in range(n)}
    )
)


@given(replies)
def test_links_on_a_cycle_of_answers_are_refused_with_their_paths(links: dict[int, set[int]]) -> None:
    """Any graph of answers: read when it has no cycle; else a format error at the path of every link on one."""
    claims = world(*(claim(f"c{i}", answers=tuple(f"c{j}" for j in sorted(links[i]))) for i in sorted(links)))
    text = factlog.dumps(claims)
    expected = sorted(
        f"doc.json: $.claims[{a}].answers[{sorted(links[a]).index(b)}]: answers makes a cycle"
        for a, b in links_on_cycles(links)
    )
    if not expected:
        assert factlog.loads(text, name="doc.json") == claims
        return
    with pytest.raises(FormatError) as caught:
        factlog.loads(text, name="doc.json")
    assert sorted(error.split(": 'c")[0] for error in caught.value.errors) == expected


def test_two_claims_answering_each_other_name_both_claims() -> None:
    """The message names the link and how it comes back, as a derived_from cycle's does."""
    with pytest.raises(FormatError) as caught:
        factlog.loads(factlog.dumps(world(*CYCLE)), name="doc.json")
    assert caught.value.errors == [
        "doc.json: $.claims[0].answers[0]: answers makes a cycle:"
        " 'c1' answers 'c2', which answers 'c1' (directly or through others)",
        "doc.json: $.claims[1].answers[0]: answers makes a cycle:"
        " 'c2' answers 'c1', which answers 'c2' (directly or through others)",
    ]


def _lines(tmp_path: Path) -> Path:
    path = tmp_path / "claims.jsonl"
    path.write_text(factlog.dumps_lines(world(*CYCLE)), encoding="utf-8")
    return path


def test_json_lines_refuse_a_cycle_of_answers_by_line(tmp_path: Path) -> None:
    """A JSON Lines file: each link on the cycle named by its line."""
    path = _lines(tmp_path)
    with pytest.raises(FormatError) as caught:
        factlog.load(path)
    assert [error.split(": ", 2)[:2] for error in caught.value.errors] == [
        [f"{path}:{number}", "$.answers[0]"] for number in _claim_lines(path)
    ]


def _claim_lines(path: Path) -> list[int]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [number for number, line in enumerate(lines, start=1) if line.startswith('{"type":"claim"')]


@pytest.mark.parametrize("read", [factlog.check_lines, factlog.assess_lines])
def test_the_streaming_paths_refuse_a_cycle_of_answers(tmp_path: Path, read: object) -> None:
    """``check --stream`` and ``assess --stream`` refuse the file as the plain path does."""
    path = _lines(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(FormatError) as caught:
            read(path)  # type: ignore[operator]
    assert all("answers makes a cycle" in error for error in caught.value.errors)
    assert len(caught.value.errors) == 2


def test_a_split_refuses_a_cycle_of_answers(tmp_path: Path) -> None:
    """``factlog split`` of a JSON Lines file with a cycle of answers reports it, and writes nothing."""
    path = _lines(tmp_path)
    with pytest.raises(FormatError) as caught:
        factlog.split_lines(path, tmp_path / "split")
    assert all("answers makes a cycle" in error for error in caught.value.errors)


def test_a_split_checking_claims_a_batch_at_a_time_sees_a_cycle_across_batches(tmp_path: Path) -> None:
    """One claim a batch: c1 and c2 are never checked together, yet the cycle is seen (and the file read whole)."""
    path = _lines(tmp_path)
    tables = stream_tables([path], DEFAULT_LIMITS)
    with pytest.raises(Unsplittable, match="a cycle of answers"):
        stream_claims([path], tables, DEFAULT_LIMITS, lambda _: None, batch=1)


def test_a_store_refuses_a_cycle_of_answers_in_one_append(tmp_path: Path) -> None:
    """A first append holding both claims: refused, naming each claim and its answers link; no store is made."""
    log = ClaimLog(tmp_path / "claims.db")
    with pytest.raises(FormatError) as caught:
        log.append([*TABLES, *CYCLE])
    assert [error.split(": ", 2)[2] for error in caught.value.errors] == [
        "claim 'c1': answers[0]: answers makes a cycle: 'c1' answers 'c2', which answers 'c1' (directly or through"
        " others)",
        "claim 'c2': answers[0]: answers makes a cycle: 'c2' answers 'c1', which answers 'c2' (directly or through"
        " others)",
    ]
    assert not log.path.exists()


def test_a_store_refuses_a_claim_closing_a_cycle_across_appends(tmp_path: Path) -> None:
    """c1 answers c2 (not yet held); a later c2 answering c1 closes the cycle: refused; once c1 is retracted, taken."""
    log = ClaimLog(tmp_path / "claims.db")
    first, second = CYCLE
    log.append([*TABLES, first])
    before = list(log.export_lines())
    with pytest.raises(FormatError) as caught:
        log.append([second])
    assert "claim 'c2': answers[0]: answers makes a cycle" in caught.value.errors[0]
    assert list(log.export_lines()) == before
    log.retract("c1", "withdrawn")
    with pytest.warns(DroppedLinkWarning, match="'c2' answers 'c1', which the log retracted"):
        assert log.append([second]) == 1
