"""A retraction says which links to the retracted claim it drops: every field naming claims, in the Python API too."""

from __future__ import annotations

import datetime
import re
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import ClaimLog, ClaimSet, Regarding, Retraction
from factlog.io._logrules import dropped_links, without_dangling
from factlog.model._kinds import StanceKind
from tests.helpers import ENTITIES, PREDICATES, SOURCES, claim, run

T1 = datetime.datetime(2025, 10, 1, 12, tzinfo=datetime.UTC)
T2 = datetime.datetime(2025, 10, 2, 12, tzinfo=datetime.UTC)


def _regarding(*claims: str) -> Regarding:
    return Regarding(claims=claims, party="russia", stance=StanceKind.SILENT)


@pytest.fixture
def log(tmp_path: Path) -> ClaimLog:
    """'b' answers 'a'; 'c' regards 'a' alone; 'd' regards 'a' and 'b'."""
    log = ClaimLog(tmp_path / "claims.db")
    log.append([*ENTITIES, *PREDICATES, *SOURCES], at=T1)
    log.append(
        [
            claim("a"),
            claim("b", denied=True, holder="russia", answers=("a",)),
            claim("c", holder="russia", regarding=_regarding("a")),
            claim("d", holder="russia", regarding=_regarding("a", "b")),
        ],
        at=T2,
    )
    return log


def _warned(call: object) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()  # type: ignore[operator]
    return [str(w.message) for w in caught if issubclass(w.category, factlog.DroppedLinkWarning)]


_DROPPED = "is dropped from the claims the log gives (log show, log export --to); its history keeps it"


def test_retract_warns_of_each_kind_of_link_it_drops(log: ClaimLog) -> None:
    """ClaimLog.retract: a DroppedLinkWarning for answers, for regarding.claims, and for a regarding left empty."""
    assert _warned(lambda: log.retract("a", "withdrawn")) == [
        f"'b' answered 'a': that link (answers) {_DROPPED}",
        f"'c', 'd' regarded 'a': that link (regarding.claims) {_DROPPED}",
        "'c' regarded no other claim: its regarding (party 'russia') is dropped whole from the claims the log gives",
    ]
    held = {item.id: item for item in log.read().claims}
    assert (held["b"].answers, held["c"].regarding, held["d"].regarding.claims) == ((), None, ("b",))


def test_an_append_of_a_retraction_warns_as_retract_does(log: ClaimLog) -> None:
    """ClaimLog.append with a Retraction record warns as retract does; claims retracted together link to nothing."""
    messages = _warned(lambda: log.append([Retraction(claim="a", reason="x"), Retraction(claim="c", reason="x")]))
    assert messages == [
        f"'b' answered 'a': that link (answers) {_DROPPED}",
        f"'d' regarded 'a': that link (regarding.claims) {_DROPPED}",
    ]


def test_a_claim_appended_with_the_retraction_is_read_as_appended(log: ClaimLog) -> None:
    """A new version of 'b' without its answers, stored with the retraction of 'a': no link of 'b' is said dropped."""
    records = [Retraction(claim="a", reason="x"), claim("b", denied=True, holder="russia")]
    messages = _warned(lambda: log.append(records, replace=True))
    assert [message.split(":")[0] for message in messages] == [
        "'c', 'd' regarded 'a'",
        "'c' regarded no other claim",
    ]


def test_log_retract_prints_a_warning_for_a_regarding_link(log: ClaimLog) -> None:
    """`factlog log retract` prints the API's warnings: the regarding.claims links too, not only answers."""
    ran = run("log", "retract", str(log.path), "b", "--reason", "withdrawn")
    assert ran.returncode == 0
    assert [line for line in ran.stderr.splitlines() if line.startswith("warning: ")] == [
        f"warning: 'd' regarded 'b': that link (regarding.claims) {_DROPPED}"
    ]


_IDS = ["a", "b", "c", "d", "e"]


@st.composite
def _linked(draw: st.DrawFn) -> list[factlog.Claim]:
    claims = []
    for name in _IDS:
        others = [other for other in _IDS if other != name]
        answers = tuple(draw(st.lists(st.sampled_from(others), unique=True, max_size=2)))
        regarded = draw(st.lists(st.sampled_from(others), unique=True, max_size=3))
        claims.append(claim(name, answers=answers, regarding=_regarding(*regarded) if regarded else None))
    return claims


_SAID = re.compile(r"(?P<ids>'.*') (?:answered|regarded) '(?P<target>\w)': that link \((?P<field>[a-z.]+)\)")


@given(_linked(), st.lists(st.sampled_from(_IDS), unique=True, min_size=1))
def test_the_warnings_name_exactly_the_links_the_replay_drops(claims: list[factlog.Claim], gone: list[str]) -> None:
    """Every (claim, field, target) the warnings name is a link the replay drops, and every dropped link is named."""
    said = set()
    for message in dropped_links(lambda: ClaimSet(claims=tuple(claims)), gone):
        found = _SAID.match(message)
        if found is not None:
            said |= {(name.strip("'"), found["field"], found["target"]) for name in found["ids"].split(", ")}
    kept = {item.id: item for item in claims if item.id not in gone}
    dropped = set()
    for before, after in zip(kept.values(), without_dangling(kept), strict=True):
        dropped |= {(before.id, "answers", t) for t in set(before.answers) - set(after.answers)}
        if before.regarding is not None:
            left = () if after.regarding is None else after.regarding.claims
            dropped |= {(before.id, "regarding.claims", t) for t in set(before.regarding.claims) - set(left)}
    assert said == dropped
