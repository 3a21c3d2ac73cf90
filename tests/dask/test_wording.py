"""Findings worded by relay, party and copy: the same bytes on every path (one process, lines, increments, Dask).

``conflicting_values`` names the relays when one holder's sides came through different
relays, ``hollow_corroboration`` stays quiet when a party repeats itself by name, and a
stale acknowledgement names its file as given. Each wording reads more than its own
claims (the sources' publishers, the entities' parties, the file a record came from),
so the claims are split where each path splits them: over files, partitions and
increments, the two relays of one holder apart.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import attrs
import pytest
from distributed import Client

import factlog
import factlog.dask
from factlog.render import render_json
from tests.helpers import ENTITIES, PREDICATES, ROOT, SOURCES, claim

CORPUS = ROOT / "sources"

OWN = (
    factlog.Source(id="ru-statement", title="Statement", publisher="russia"),
    factlog.Source(id="ru-second", title="Second statement", publisher="russia"),
)


def _worded() -> factlog.ClaimSet:
    """One holder via two relays, a party repeating itself, a party relayed by two outlets, a copy; one stale mark."""
    return factlog.ClaimSet(
        entities=ENTITIES,
        predicates=PREDICATES,
        sources=(*SOURCES, *OWN),
        claims=(
            claim("own", "dprk", "troops-deployed", 11000, holder="wire", source="s2", stated="2025-10-01"),
            claim("denial", denied=True, holder="russia", source="ru-statement"),
            claim("ally", "russia", "allied-with", "dprk", holder="russia", source="ru-statement"),
            claim("story", "dprk", "visits", "russia", holder="wire", source="s2"),
            claim("relayed", "dprk", "troops-deployed", 15000, holder="wire", source="s5", stated="2025-10-20"),
            claim("denial-again", denied=True, holder="russia", source="ru-second"),
            claim("ally-wire", "russia", "allied-with", "dprk", holder="russia", via=("wire",), source="s2"),
            claim("copy", "dprk", "visits", "russia", holder="paper-a", source="s3"),
            claim("via-a", "dprk", "troops-deployed", 15000, holder="wire", via=("paper-a",), source="s1"),
            claim("denial-reported", denied=True, holder="russia", via=("wire",), source="s2"),
            claim("ally-author", "russia", "allied-with", "dprk", holder="russia", via=("author",), source="s1"),
        ),
        acknowledged=(factlog.Acknowledgement(finding="no-such-finding", note="seen"),),
    )


def _folder(tmp_path: Path) -> Path:
    """The set over a folder: the tables and the first claims in one file, the rest in a JSON Lines file below."""
    claims = _worded()
    half = len(claims.claims) // 2
    (tmp_path / "set" / "more").mkdir(parents=True)
    factlog.dump(attrs.evolve(claims, claims=claims.claims[:half]), tmp_path / "set" / "first.json")
    rest = factlog.ClaimSet(claims=claims.claims[half:])
    factlog.dump(rest, tmp_path / "set" / "more" / "rest.jsonl")
    return Path("set")


def _incremental(claims: factlog.ClaimSet, step: int) -> factlog.Report:
    checker = factlog.Checker(attrs.evolve(claims, claims=claims.claims[:step]))
    for start in range(step, len(claims.claims), step):
        checker.add(claims.claims[start : start + step])
    return checker.report()


def test_the_wordings_are_what_the_rules_say() -> None:
    """Relays named; Russia repeating its denial is not hollow; Russia relayed twice, the copy, the relayed toll are."""
    report = factlog.check(_worded())
    [values] = report.by_rule("conflicting_values")
    assert "via Paper A and via Paper B" in values.message
    assert "in its own words" in values.message
    assert "stated on different days" in values.message
    found = report.by_rule("hollow_corroboration")
    hollow = {frozenset(ids) for finding in found for ids in dict(finding.claims).values()}
    assert hollow == {
        frozenset({"story", "copy"}),
        frozenset({"ally", "ally-wire", "ally-author"}),
        frozenset({"via-a", "relayed"}),
    }
    [stale] = report.by_rule("stale_acknowledgement")
    assert "$.acknowledged[0]" in stale.message


def test_every_path_gives_one_process_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Folder and JSON Lines file by relative path: load, check_lines, Checker steps and Dask partitions agree."""
    monkeypatch.chdir(tmp_path)
    folder = _folder(tmp_path)
    factlog.dump(_worded(), tmp_path / "all.jsonl")
    for given in (folder, Path("all.jsonl")):
        claims = factlog.load(given)
        expected = render_json(factlog.check(claims))
        assert f"acknowledgement of no-such-finding at {given}" in expected
        if given.suffix == ".jsonl":
            assert render_json(factlog.check_lines(given)) == expected
        for step in (1, 2, 5):
            assert render_json(_incremental(claims, step)) == expected
        for partitions in (2, 3, 5):
            assert render_json(factlog.dask.check(given, partitions=partitions)) == expected
            assert render_json(factlog.dask.check(claims, partitions=partitions)) == expected
            assert factlog.dask.assess(given, partitions=partitions) == factlog.assess(claims)


def test_a_local_cluster_gives_one_process_bytes(
    client: Client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On two worker processes, the folder by relative path: the report's bytes and the assessment of one process."""
    monkeypatch.chdir(tmp_path)
    folder = _folder(tmp_path)
    claims = factlog.load(folder)
    expected = render_json(factlog.check(claims))
    assert render_json(factlog.dask.check(folder, client=client, partitions=3)) == expected
    assert factlog.dask.assess(folder, client=client, partitions=3) == factlog.assess(claims)


def test_a_claim_repeated_identically_is_assessed_on_a_local_cluster(client: Client, tmp_path: Path) -> None:
    """On two worker processes too: the learning rounds start from the merged set, not from a failed partition.

    Three rounds (of the corpus's 19) start from it as all would.
    """
    shutil.copytree(CORPUS, tmp_path / "s")
    first = next(iter(sorted((tmp_path / "s").rglob("claims.json"))))
    shutil.copy(first, first.with_name("claims-copy.json"))
    claims = factlog.load(tmp_path / "s")
    for method in ("majority", "accucopy"):
        expected = factlog.assess(claims, method=method, max_rounds=3)
        found = factlog.dask.assess(tmp_path / "s", method=method, client=client, partitions=3, max_rounds=3)
        assert found == expected
