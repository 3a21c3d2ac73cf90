"""The distributed check and assessment: the same findings, in the same order, as one process."""

from __future__ import annotations

import datetime

import attrs
import pytest
from distributed import Client
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
import factlog.cli._check
import factlog.dask
import factlog.dask._cluster
from factlog.assessment._methods import METHODS
from factlog.checks import overconfident_holder, quote_not_found
from factlog.checks._copying import undeclared_copying
from factlog.dask._passes import passes_of
from factlog.render import render_assessment_json, render_json
from tests.dask._shared import acknowledging_one
from tests.helpers import ROOT, claim, echo_cluster, world
from tests.strategies import crowded_claim_sets

SOURCES = ROOT / "sources"


def _incremental(claims: factlog.ClaimSet) -> factlog.Report:
    half = len(claims.claims) // 2
    checker = factlog.Checker(attrs.evolve(claims, claims=claims.claims[:half]))
    checker.add(claims.claims[half:])
    return checker.report()


@settings(max_examples=20, derandomize=True, deadline=None)
@given(crowded_claim_sets(), st.integers(1, 8))
def test_single_incremental_and_synchronous_agree(claims: factlog.ClaimSet, partitions: int) -> None:
    """check, Checker.add and the synchronous Dask scheduler give the same report bytes and assessment."""
    claims = acknowledging_one(claims)
    single = factlog.check(claims)
    expected = render_json(single)
    assert render_json(_incremental(claims)) == expected
    distributed = factlog.dask.check(claims, partitions=partitions)
    assert [f.id for f in distributed.findings] == [f.id for f in single.findings]
    assert render_json(distributed) == expected
    assert (
        factlog.dask.assess(claims, method="majority", partitions=partitions).propositions
        == factlog.assess(claims, method="majority").propositions
    )


def test_local_cluster_agrees_with_one_process(client: Client, examples: list[tuple[factlog.ClaimSet, int]]) -> None:
    """On two worker processes, several partitions: the same findings, bytes and assessment."""
    for number, (claims, partitions) in enumerate(examples):
        single = factlog.check(claims)
        distributed = factlog.dask.check(claims, client=client, partitions=partitions)
        assert distributed.findings == single.findings
        assert render_json(distributed) == render_json(single)
        method = METHODS[number % len(METHODS)]  # each method on a cluster, on other sets
        assert factlog.dask.assess(claims, method=method, client=client, partitions=partitions) == factlog.assess(
            claims, method=method
        )


def test_copying_is_concluded_from_the_partitions_projections(client: Client) -> None:
    """undeclared_copying (every pair of sources) runs once on the (claim, question, answer, party) records."""
    claims, _ = echo_cluster(seed=11, questions=40, copiers=2, declared=False)
    single = factlog.check(claims)
    assert single.by_rule("undeclared_copying")
    assert render_json(factlog.dask.check(claims, partitions=5)) == render_json(single)
    assert render_json(factlog.dask.check(claims, client=client, partitions=3)) == render_json(single)


def test_a_stance_across_slots_is_brought_together() -> None:
    """misreported_stance sees the claim about claims, the claims it names and their record in one partition."""
    leak = claim("leak", obj="russia", holder="western-intelligence", stated="2025-03-01", when="2025-02")
    denial = claim(
        "denial", obj="russia", denied=True, holder="russia", stated="2025-03-10", source="s5", when="2025-02"
    )
    regarding = factlog.Regarding(claims=("leak",), party="russia", stance=factlog.StanceKind.SILENT)
    about = claim("silent", None, holder="author", stated="2025-04-01", regarding=regarding)
    claims = world(leak, denial, about)
    single = factlog.check(claims)
    assert single.by_rule("misreported_stance")
    for partitions in (1, 3, 7):
        assert render_json(factlog.dask.check(claims, partitions=partitions)) == render_json(single)


def test_every_pass_a_rule_set_needs_and_no_other() -> None:
    """The passes follow the rules' declarations: a holder rule alone shuffles by holder (and ids, to validate)."""
    assert passes_of((overconfident_holder,), validate=False) == ("holder",)
    assert passes_of((overconfident_holder,), validate=True) == ("holder", "answers")
    assert passes_of((undeclared_copying, quote_not_found), validate=False) == ("slot",)
    assert set(passes_of(factlog.DEFAULT_RULES, validate=False)) == {
        "slot",
        "object",
        "holder",
        "source",
        "answers",
        "regarding",
    }


def test_files_read_by_the_workers_give_the_corpus_report(client: Client) -> None:
    """The bundled corpus, read from its files by the workers, checks as in one process."""
    single = factlog.check(factlog.load(SOURCES))
    distributed = factlog.dask.check(SOURCES, client=client, partitions=3)
    assert render_json(distributed) == render_json(single)
    assert distributed.claim_count == len(single.claims.claims)


def test_a_scheduler_address_is_connected_for_the_call(client: Client) -> None:
    """``client`` may be the scheduler's address instead of a Client: its learning rounds too (two of them)."""
    claims = factlog.load(SOURCES)
    address = client.scheduler.address
    distributed = factlog.dask.assess(claims, client=address, partitions=2, max_rounds=2)
    assert distributed == factlog.assess(claims, max_rounds=2)


def test_the_report_keeps_the_claims_findings_name() -> None:
    """The text report quotes the evidence of every claim a finding names, and counts all claims."""
    claims = factlog.load(SOURCES)
    single = factlog.check(claims)
    distributed = factlog.dask.check(claims, partitions=4)
    assert factlog.render_text(distributed) == factlog.render_text(single)
    named = {claim for finding in single.findings for claim in finding.claim_ids}
    assert {claim.id for claim in distributed.claims.claims} == named


@settings(max_examples=25, derandomize=True, deadline=None)
@given(crowded_claim_sets(), st.integers(1, 6), st.sampled_from(METHODS))
def test_every_method_assesses_as_one_process(claims: factlog.ClaimSet, partitions: int, method: str) -> None:
    """The learning methods too: the synchronous scheduler, any partitions, the same objects and JSON bytes."""
    single = factlog.assess(claims, method=method)
    distributed = factlog.dask.assess(claims, method=method, partitions=partitions)
    assert distributed == single
    assert render_assessment_json(distributed) == render_assessment_json(single)


def test_the_default_method_is_factlog_assess_s() -> None:
    """Without ``method``, the assessment factlog.assess gives without one.

    The bundled corpus's files assess on two workers as in one process in
    tests/dask/test_progress.py, whose run names each learning round.
    """
    assert factlog.dask.assess(factlog.ClaimSet()) == factlog.assess(factlog.ClaimSet())


def _broken(index: factlog.Index) -> list[factlog.Finding]:
    """A rule that always fails."""
    raise RuntimeError(f"broken on {len(index.entries)} entries")


def test_a_failing_rule_is_reported_once() -> None:
    """A rule that raises in every partition gives one rule_failure finding, as in one process."""
    claims = factlog.load(SOURCES)
    rules = (*factlog.DEFAULT_RULES, _broken)
    distributed = factlog.dask.check(claims, rules, partitions=3)
    assert [f.rule for f in distributed.findings].count("rule_failure") == 1
    assert [f.id for f in distributed.findings] == [f.id for f in factlog.check(claims, rules).findings]


def _one_id(index: factlog.Index) -> list[factlog.Finding]:
    """A rule whose findings all share one id, as two of a large check's 8-digit ids may."""
    return [
        factlog.Finding(rule="_one_id", severity=factlog.Severity.INFO, message=e.id, claims={"c": [e.id]}, id="f-0")
        for e in index.entries
    ]


def test_findings_sharing_an_id_keep_their_own_dates() -> None:
    """Findings with one id but different claims sort by their own dates, as in one process."""
    claims = factlog.load(SOURCES)
    single = factlog.check(claims, (_one_id,), stale=False)
    distributed = factlog.dask.check(claims, (_one_id,), stale=False)
    assert [f.message for f in distributed.findings] == [f.message for f in single.findings]


def test_majority_reads_a_partition_by_id_as_one_process_does() -> None:
    """Majority on the synchronous scheduler spans a key's times as factlog.assess does, whatever the claims' order."""
    claims = world(
        claim("c745", "dprk", "troops-deployed", 1100, "2015"),
        claim("c1608", "dprk", "troops-deployed", 1100, "2015-01", source="s2", holder="wire"),
    )
    expected = render_assessment_json(factlog.assess(claims, method="majority"))
    assert render_assessment_json(factlog.dask.assess(claims, method="majority", partitions=1)) == expected


@pytest.mark.parametrize("whens", [("2015", "2015-01"), ("2015-01", "2015")])
def test_times_starting_on_one_day_are_labelled_alike_in_either_order(whens: tuple[str, str]) -> None:
    """2015 and 2015-01, either claim first: the span reads 2015 in one process and on Dask, with every method."""
    claims = world(
        claim("c745", "dprk", "troops-deployed", 1100, whens[0]),
        claim("c1608", "dprk", "troops-deployed", 1100, whens[1], source="s2", holder="wire"),
    )
    for method in ("majority", "accucopy"):
        keys = [p.key for p in factlog.dask.assess(claims, method=method, partitions=1).propositions]
        assert keys == [p.key for p in factlog.assess(claims, method=method).propositions]
        assert keys == ["dprk troops-deployed = 1,100 @ 2015"]


def test_copying_found_across_partitions_is_the_single_process_s() -> None:
    """Two speakers repeating each other's wrong values in several slots: the same dependence, split or not."""
    claims, _ = echo_cluster(seed=2025, questions=60, copiers=4, declared=False)
    single = factlog.assess(claims, method="accucopy")
    assert len(single.dependences) >= 10
    for partitions in (1, 2, 4):
        assert factlog.dask.assess(claims, method="accucopy", partitions=partitions) == single


def test_as_of_a_datetime_date_is_taken_as_factlog_assess_takes_it() -> None:
    """factlog.dask.assess with ``as_of`` a datetime.date: the assessment factlog.assess gives for it."""
    claims = factlog.load(SOURCES)
    expected = factlog.assess(claims, as_of=datetime.date(2025, 10, 1), method="majority")
    assert factlog.dask.assess(claims, as_of=datetime.date(2025, 10, 1), method="majority", partitions=2) == expected
