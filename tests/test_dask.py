"""The distributed check and assessment: the same findings, in the same order, as one process."""

from __future__ import annotations

import contextlib
import copyreg
import datetime
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import distributed.protocol.pickle
import numpy
import pytest
import tblib.pickling_support
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
from factlog.cli import main
from factlog.dask._connect import MESSAGE_LOG
from factlog.dask._learning import Cluster, _Sent
from factlog.dask._passes import passes_of
from factlog.dask._reading import _Failed, _load_file
from factlog.render import render_assessment_json, render_json
from tests.helpers import claim, echo_cluster, world
from tests.strategies import crowded_claim_sets

SOURCES = Path(__file__).parent.parent / "sources"


def _drawn(count: int) -> list[tuple[factlog.ClaimSet, int]]:
    """Claim sets and partition counts drawn by hypothesis (derandomised: the same every run), before any cluster.

    The cluster's client threads use the global ``random`` while they run, which
    hypothesis refuses during a draw; so the examples are drawn first and then checked.
    """
    found: list[tuple[factlog.ClaimSet, int]] = []

    @settings(max_examples=count, database=None, derandomize=True, deadline=None)
    @given(crowded_claim_sets(), st.integers(2, 6))
    def collect(claims: factlog.ClaimSet, partitions: int) -> None:
        found.append((_acknowledging_one(claims), partitions))

    collect()
    return found


@pytest.fixture(scope="session")
def examples() -> list[tuple[factlog.ClaimSet, int]]:
    """Generated claim sets for the cluster, drawn once."""
    return _drawn(6)


@pytest.fixture(scope="session")
def client(examples: list[tuple[factlog.ClaimSet, int]]) -> Iterator[Client]:
    """One local cluster for the whole session: two worker processes (real pickling, real shuffles)."""
    del examples  # drawn before the cluster starts
    with factlog.dask.local_client(2) as connected:
        assert len(connected.scheduler_info()["workers"]) == 2
        yield connected


def _acknowledging_one(claims: factlog.ClaimSet) -> factlog.ClaimSet:
    """The set with its first finding acknowledged, so acknowledgement marks are compared too."""
    findings = factlog.check(claims).findings
    if not findings:
        return claims
    return attrs.evolve(claims, acknowledged=(factlog.Acknowledgement(finding=findings[0].id, note="seen"),))


def _incremental(claims: factlog.ClaimSet) -> factlog.Report:
    half = len(claims.claims) // 2
    checker = factlog.Checker(attrs.evolve(claims, claims=claims.claims[:half]))
    checker.add(claims.claims[half:])
    return checker.report()


@settings(max_examples=20, derandomize=True, deadline=None)
@given(crowded_claim_sets(), st.integers(1, 8))
def test_single_incremental_and_synchronous_agree(claims: factlog.ClaimSet, partitions: int) -> None:
    """check, Checker.add and the synchronous Dask scheduler give the same report bytes and assessment."""
    claims = _acknowledging_one(claims)
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
    """``client`` may be the scheduler's address instead of a Client."""
    claims = factlog.load(SOURCES)
    address = client.scheduler.address
    assert factlog.dask.assess(claims, client=address, partitions=2) == factlog.assess(claims)


def test_the_report_keeps_the_claims_findings_name() -> None:
    """The text report quotes the evidence of every claim a finding names, and counts all claims."""
    claims = factlog.load(SOURCES)
    single = factlog.check(claims)
    distributed = factlog.dask.check(claims, partitions=4)
    assert factlog.render_text(distributed) == factlog.render_text(single)
    named = {claim for finding in single.findings for claim in finding.claim_ids}
    assert {claim.id for claim in distributed.claims.claims} == named


def test_a_claim_id_in_two_files_is_a_conflict(tmp_path: Path) -> None:
    """Two files defining one claim id differently are refused, as factlog.load refuses them."""
    claims = factlog.load(SOURCES)
    first, second = claims.claims[0], attrs.evolve(claims.claims[1], id=claims.claims[0].id)
    factlog.dump(attrs.evolve(claims, claims=(first,)), tmp_path / "a.json")
    factlog.dump(attrs.evolve(claims, claims=(second,)), tmp_path / "b.json")
    with pytest.raises(factlog.ConflictError, match=first.id):
        factlog.dask.check(tmp_path, partitions=2)


def test_an_answer_to_an_unknown_claim_is_refused(tmp_path: Path) -> None:
    """A claim answering a claim no file defines is an UnknownIdError."""
    claims = factlog.load(SOURCES)
    orphan = attrs.evolve(claims.claims[0], answers=("no-such-claim",))
    factlog.dump(attrs.evolve(claims, claims=(orphan,)), tmp_path / "a.json")
    with pytest.raises(factlog.UnknownIdError, match="no-such-claim"):
        factlog.dask.check(tmp_path, partitions=2)


def test_an_unknown_holder_is_refused_with_its_path(tmp_path: Path) -> None:
    """A claim naming an entity no file defines is an UnknownIdError naming the JSON path."""
    claims = factlog.load(SOURCES)
    stranger = attrs.evolve(claims.claims[0], attribution=factlog.Attribution(holder="nobody-known"))
    factlog.dump(attrs.evolve(claims, claims=(stranger,)), tmp_path / "a.json")
    with pytest.raises(factlog.UnknownIdError, match=r"attribution\.holder"):
        factlog.dask.assess(tmp_path)


@settings(max_examples=25, derandomize=True, deadline=None)
@given(crowded_claim_sets(), st.integers(1, 6), st.sampled_from(METHODS))
def test_every_method_assesses_as_one_process(claims: factlog.ClaimSet, partitions: int, method: str) -> None:
    """The learning methods too: the synchronous scheduler, any partitions, the same objects and JSON bytes."""
    single = factlog.assess(claims, method=method)
    distributed = factlog.dask.assess(claims, method=method, partitions=partitions)
    assert distributed == single
    assert render_assessment_json(distributed) == render_assessment_json(single)


@pytest.mark.parametrize("method", ["accucopy", "truthfinder"])
def test_the_corpus_files_assess_as_one_process(client: Client, method: str) -> None:
    """The bundled corpus, read by two workers in three partitions: the single process's assessment and bytes."""
    assert factlog.dask.assess(factlog.ClaimSet()) == factlog.assess(factlog.ClaimSet())  # the same default method
    single = factlog.assess(factlog.load(SOURCES), method=method)
    distributed = factlog.dask.assess(SOURCES, method=method, client=client, partitions=3)
    assert distributed == single
    assert render_assessment_json(distributed) == render_assessment_json(single)


def _spans(client: Client) -> list[tuple[tuple[str, ...], list[str]]]:
    """Every span the cluster's scheduler keeps, oldest first: its name and the names of its task groups."""

    def spans(dask_scheduler: Any) -> list[tuple[tuple[str, ...], list[str]]]:
        kept = dask_scheduler.extensions["spans"].spans.values()
        return [(span.name, sorted(group.name for group in span.groups)) for span in kept]

    found: list[tuple[tuple[str, ...], list[str]]] = client.run_on_scheduler(spans)
    return found


def test_a_distributed_assessment_s_tasks_are_in_one_factlog_span(client: Client) -> None:
    """Learning in rounds on a cluster: every task of the call in the span ("factlog", "assess"), none in a default."""
    before = len(_spans(client))
    assessed = factlog.dask.assess(SOURCES, method="accucopy", client=client, partitions=2)
    assert assessed.rounds > 2
    added = dict(_spans(client)[before:])
    assert {"prepare", "step", "getitem", "conclude"} <= set(added[("factlog", "assess")])
    defaults = {group for name, groups in added.items() if name == ("default",) for group in groups}
    assert not defaults & {"prepare", "step", "getitem", "conclude"}


def _counting(state: int, shared: list[int], own: list[int]) -> tuple[int, int]:
    """A learning step: the state counts rounds; the result is the size of what the step was handed."""
    return state + 1, len(shared) + len(own)


def _kept_arguments(dask_worker: Any) -> int:
    """Pickled bytes of the arguments a worker still holds in the tasks it has run and released."""
    released = [task for task in dask_worker.state.tasks.values() if task.state == "released"]
    return sum(len(distributed.protocol.pickle.dumps(task.run_spec)) for task in released if task.run_spec is not None)


def test_a_learning_run_leaves_no_round_s_arguments_on_the_workers(client: Client) -> None:
    """Each round's literal arguments are dropped once used: the workers keep less than one round's worth."""
    payload = list(range(20_000))  # about 100 kB pickled, for each argument of each round
    cluster = Cluster(client, [client.submit(int, 0, pure=False), client.submit(int, 0, pure=False)])
    for _ in range(5):
        assert cluster.each(_counting, payload, own=[payload, payload]) == [40_000, 40_000]
    assert client.gather(cluster.states) == [5, 5]
    one_argument = len(distributed.protocol.pickle.dumps(payload))
    kept = sum(client.run(_kept_arguments).values())
    assert kept < one_argument


def test_a_step_s_argument_is_handed_over_once() -> None:
    """A second read of a step's argument (its task run again) is a ClusterError, not a silent None."""
    sent = _Sent([1.5, 2.5])
    assert sent.take() == [1.5, 2.5]
    with pytest.raises(factlog.ClusterError, match="ran twice"):
        sent.take()
    assert _Sent(None).take() is None


def test_a_client_factlog_makes_keeps_a_short_log_of_its_messages(client: Client) -> None:
    """Dask's log of the messages a client sent holds 1,000 by default; factlog's clients keep MESSAGE_LOG."""
    assert client.scheduler_comm.recent_message_log.maxlen == MESSAGE_LOG < 1_000


def test_copying_found_across_partitions_is_the_single_process_s() -> None:
    """Two speakers repeating each other's wrong values in several slots: the same dependence, split or not."""
    claims, _ = echo_cluster(seed=2025, questions=60, copiers=4, declared=False)
    single = factlog.assess(claims, method="accucopy")
    assert len(single.dependences) >= 10
    for partitions in (1, 2, 4):
        assert factlog.dask.assess(claims, method="accucopy", partitions=partitions) == single


@pytest.mark.parametrize("wrong", [0, -2, True, 2.5, "3"])
@pytest.mark.parametrize("entry", ["check", "assess"])
def test_partitions_must_be_a_whole_number_at_least_one(entry: str, wrong: object) -> None:
    """Zero, negative, boolean, fractional or text partitions: an ArgumentError naming the function."""
    with pytest.raises(factlog.ArgumentError, match=rf"^factlog\.dask\.{entry}: partitions must be a whole number"):
        getattr(factlog.dask, entry)(factlog.ClaimSet(), partitions=wrong)


def test_partitions_may_be_a_numpy_integer() -> None:
    """A partition count computed with numpy is the int it equals: the same report."""
    claims = factlog.load(SOURCES)
    assert factlog.dask.check(claims, partitions=numpy.int64(2)) == factlog.dask.check(claims, partitions=2)


def test_a_local_cluster_needs_a_worker() -> None:
    """A local cluster of no workers is a ValueError, before anything starts."""
    with pytest.raises(ValueError, match="at least 1"), factlog.dask.local_client(0):
        pass


def test_no_files_is_an_input_error(tmp_path: Path) -> None:
    """A folder without claim files is refused as factlog.load refuses it: an InputError."""
    with pytest.raises(factlog.InputError, match="no claim files"):
        factlog.dask.check(tmp_path)


def test_import_factlog_does_not_import_dask() -> None:
    """``import factlog`` stays light: neither factlog.dask nor dask is imported."""
    code = "import sys, factlog; print('dask' in sys.modules, 'factlog.dask' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]


def test_cli_workers_starts_a_local_cluster(
    client: Client, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``factlog check --workers 2`` asks for a local cluster of 2 processes and prints the single-process JSON."""
    started: list[int] = []

    @contextlib.contextmanager
    def local_client(workers: int) -> Iterator[Client]:
        started.append(workers)  # the session's cluster stands in: one cluster per test session
        yield client

    monkeypatch.setattr(factlog.dask, "local_client", local_client)
    arguments = ["check", "--format", "json", str(SOURCES)]
    single_code = main(arguments)
    single = capsys.readouterr().out
    assert main([*arguments, "--workers", "2", "--partitions", "3"]) == single_code
    assert capsys.readouterr().out == single
    assert started == [2]


def test_cli_dask_address_gives_the_single_process_report(client: Client, capsys: pytest.CaptureFixture[str]) -> None:
    """``factlog check --dask ADDRESS`` checks on that cluster, with the same text report and exit code."""
    arguments = ["check", "--colour", "never", str(SOURCES)]
    single_code = main(arguments)
    single = capsys.readouterr().out
    assert main([*arguments, "--dask", client.scheduler.address]) == single_code
    assert capsys.readouterr().out == single


@pytest.mark.parametrize(
    "options",
    [
        ["--workers", "0"],
        ["--workers", "1", "--partitions", "0"],
        ["--dask", "tcp://127.0.0.1:1", "--dask-timeout", "0"],
    ],
)
def test_cli_refuses_zero(options: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """``--workers 0``, ``--partitions 0`` or ``--dask-timeout 0``: a usage error (exit 2) worded as argparse's."""
    assert main(["check", *options, str(SOURCES)]) == 2
    assert capsys.readouterr().err.startswith(f"factlog check: error: {options[-2]} ")


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


def test_an_inverse_without_an_entity_object_in_a_file_is_named_as_load_names_it(tmp_path: Path) -> None:
    """A claim with an inverse predicate and a text object in a file: the FormatError factlog.load raises."""
    data = json.loads(factlog.dumps(world(claim("c1"), claim("c2", "dprk", "receives-weapons-from", "russia"))))
    data["claims"][1]["proposition"]["object"] = {"text": "arms"}
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(factlog.FormatError) as expected:
        factlog.load(path)
    with pytest.raises(factlog.FormatError) as caught:
        factlog.dask.check(path, partitions=2)
    assert (type(caught.value), caught.value.errors) == (factlog.FormatError, expected.value.errors)


def test_an_unknown_method_is_named_unknown() -> None:
    """factlog.dask.assess with a method no one knows says so, rather than that it cannot run distributed."""
    with pytest.raises(factlog.ArgumentError, match="unknown method 'bogus'"):
        factlog.dask.assess(factlog.ClaimSet(), method="bogus")


def test_as_of_a_datetime_date_is_taken_as_factlog_assess_takes_it() -> None:
    """factlog.dask.assess with ``as_of`` a datetime.date: the assessment factlog.assess gives for it."""
    claims = factlog.load(SOURCES)
    expected = factlog.assess(claims, as_of=datetime.date(2025, 10, 1), method="majority")
    assert factlog.dask.assess(claims, as_of=datetime.date(2025, 10, 1), method="majority", partitions=2) == expected


@pytest.mark.parametrize("address", ["nonsense", "", "tls://127.0.0.1:28786", "tcp://host:99999"])
def test_a_malformed_address_is_an_argument_error(address: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A scheduler address that is not tcp://HOST:PORT is refused before connecting: ArgumentError, exit 2."""
    with pytest.raises(factlog.ArgumentError, match="not a Dask scheduler address"):
        factlog.dask.check(factlog.ClaimSet(), client=address)
    assert main(["check", "--dask", address, str(SOURCES)]) == 2
    assert "not a Dask scheduler address" in capsys.readouterr().err


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_nothing_listening_fails_at_once(capsys: pytest.CaptureFixture[str]) -> None:
    """A refused connection is a ClusterError (exit 3) naming the address, not an output failure."""
    address = f"tcp://127.0.0.1:{_free_port()}"
    with pytest.raises(factlog.ClusterError, match=f"cannot reach the Dask scheduler at {address}"):
        factlog.dask.check(factlog.ClaimSet(), client=address, timeout=60)
    assert main(["check", "--dask", address, "--dask-timeout", "60", str(SOURCES)]) == 3
    assert capsys.readouterr().err.startswith(f"error: cannot reach the Dask scheduler at {address}")


def test_a_silent_listener_times_out() -> None:
    """Something on the port that never answers as a scheduler does is a ClusterError after the timeout."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        address = f"tcp://127.0.0.1:{listener.getsockname()[1]}"
        with pytest.raises(factlog.ClusterError, match=r"no answer within 0\.2 s"):
            factlog.dask.check(factlog.ClaimSet(), client=address, timeout=0.2)


def test_a_cluster_without_workers_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """A scheduler with no worker within the timeout is a ClusterError saying so."""
    monkeypatch.setenv("FACTLOG_DASK_TIMEOUT", "0.2")

    class Idle:
        def wait_for_workers(self, n: int, timeout: float) -> None:
            raise TimeoutError(f"{n} worker in {timeout} s")

        def scheduler_info(self) -> dict[str, str]:
            return {"address": "tcp://10.0.0.1:8786"}

    with pytest.raises(factlog.ClusterError, match=r"the scheduler at tcp://10\.0\.0\.1:8786 has no workers"):
        factlog.dask.check(factlog.ClaimSet(), client=Idle())  # type: ignore[arg-type]


def test_a_claim_repeated_identically_is_merged(tmp_path: Path) -> None:
    """A file copied next to itself checks as factlog.load merges it, with no conflict."""
    shutil.copytree(SOURCES, tmp_path / "s")
    first = next(iter(sorted((tmp_path / "s").rglob("claims.json"))))
    shutil.copy(first, first.with_name("claims-copy.json"))
    single = factlog.check(factlog.load(tmp_path / "s"))
    assert render_json(factlog.dask.check(tmp_path / "s", partitions=3)) == render_json(single)


def _errors(call: object) -> list[str]:
    with pytest.raises(factlog.FormatError) as caught:
        call()  # type: ignore[operator]
    return caught.value.errors


def test_every_error_is_listed_as_load_lists_it(client: Client, tmp_path: Path) -> None:
    """Two invalid files and an unknown source: the same errors as factlog.load, in order, with file names."""
    claims = factlog.load(SOURCES)
    bad = [attrs.evolve(c, id=f"c{n}") for n, c in enumerate(claims.claims[:3])]
    factlog.dump(attrs.evolve(claims, claims=tuple(bad)), tmp_path / "a.json")
    (tmp_path / "b.json").write_text('{"format": "factlog", "version": 1, "claims": [{"id": 3}]}')
    (tmp_path / "c.json").write_text('{"format": "factlog", "version": 1, "entities": 7}')
    expected = _errors(lambda: factlog.load(tmp_path))
    assert len(expected) > 1
    assert all(str(tmp_path) in error for error in expected)
    assert _errors(lambda: factlog.dask.check(tmp_path, partitions=3)) == expected
    assert _errors(lambda: factlog.dask.check(tmp_path, client=client, partitions=3)) == expected


def test_a_worker_s_error_travels_as_distributed_pickles_it(tmp_path: Path) -> None:
    """A JSON Lines claim without its required keys: the worker's error unpickles with tblib's exception pickling on."""
    path = tmp_path / "a.jsonl"
    path.write_text('{"format": "factlog", "version": 1}\n{"type": "claim"}\n', encoding="utf-8")
    failed = _load_file(str(path))
    assert isinstance(failed, _Failed)
    saved = dict(copyreg.dispatch_table)
    try:
        tblib.pickling_support.install(failed.error)  # as a worker does once a task has raised
        travelled = distributed.protocol.pickle.loads(distributed.protocol.pickle.dumps(failed))
    finally:
        copyreg.dispatch_table.clear()
        copyreg.dispatch_table.update(saved)
    assert travelled.error.errors == failed.error.errors
    assert "a.jsonl: $.claims[0].statement: required key missing" in travelled.error.errors[0]


def test_an_unknown_source_names_its_file(client: Client, tmp_path: Path) -> None:
    """A claim citing an unknown source is reported with its file and JSON path, as factlog.load does."""
    claims = factlog.load(SOURCES)
    evidence = (attrs.evolve(claims.claims[0].evidence[0], source="no-such-source"),)
    broken = attrs.evolve(claims.claims[0], evidence=evidence)
    factlog.dump(attrs.evolve(claims, claims=(broken, *claims.claims[1:])), tmp_path / "a.json")
    expected = _errors(lambda: factlog.load(tmp_path))
    assert "a.json: $.claims[0].evidence[0].source" in expected[0]
    assert _errors(lambda: factlog.dask.check(tmp_path, client=client, partitions=2)) == expected


def test_partitions_beyond_the_claims_cost_nothing() -> None:
    """A million partitions of three claims: capped at the claim count, the same report."""
    claims = world(claim("a", obj="x"), claim("b", obj="y", holder="h2"), claim("c", obj="x", source="s5"))
    assert render_json(factlog.dask.check(claims, partitions=10**6)) == render_json(factlog.check(claims))


def test_assess_caps_partitions_at_the_claim_count(monkeypatch: pytest.MonkeyPatch) -> None:
    """factlog.dask.assess caps partitions at the claim count, as check does: three claims make at most three."""
    claims = world(claim("a", obj="x"), claim("b", obj="y", holder="analysts"), claim("c", obj="x", holder="tabloid"))
    counts: set[int] = set()
    prepare = factlog.dask._cluster.prepare

    def counted(*arguments: Any, **options: Any) -> Any:
        counts.add(arguments[4])  # (small, as_of, method, number, partitions, *buckets)
        return prepare(*arguments, **options)

    monkeypatch.setattr(factlog.dask._cluster, "prepare", counted)
    assert factlog.dask.assess(claims, partitions=1000) == factlog.assess(claims)
    assert counts == {3}


def test_relative_paths_are_made_absolute(client: Client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A relative path means the caller's folder, not the workers'."""
    shutil.copytree(SOURCES, tmp_path / "here")
    monkeypatch.chdir(tmp_path)
    single = factlog.check(factlog.load("here"))
    assert render_json(factlog.dask.check("here", client=client, partitions=2)) == render_json(single)


@pytest.mark.parametrize("options", [["--partitions", "3"], ["--partitions", "0"], ["--dask-timeout", "5"]])
@pytest.mark.parametrize("command", ["check", "assess"])
def test_cli_distributed_options_need_a_cluster(
    command: str, options: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """--partitions without --dask or --workers (or --dask-timeout without --dask) is a usage error."""
    assert main([command, *options, str(SOURCES)]) == 2
    assert f"factlog {command}: error:" in capsys.readouterr().err


@pytest.mark.parametrize(
    "options", [["--workers", "0"], ["--dask", "nonsense"], ["--workers", "1", "--partitions", "0"]]
)
def test_cli_assess_refuses_a_bad_cluster_option(options: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """``assess`` checks its Dask options as ``check`` does: a usage error naming the option, before any cluster."""
    assert main(["assess", *options, str(SOURCES)]) == 2
    assert options[-2] in capsys.readouterr().err


def test_cli_assess_on_a_cluster_prints_the_single_process_output(
    client: Client, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``assess --workers 2`` and ``assess --dask ADDRESS`` print the single process's JSON, every byte."""
    started: list[int] = []

    @contextlib.contextmanager
    def local_client(workers: int) -> Iterator[Client]:
        started.append(workers)  # the session's cluster stands in
        yield client

    monkeypatch.setattr(factlog.dask, "local_client", local_client)
    arguments = ["assess", "--format", "json", "--method", "truthfinder", str(SOURCES)]
    assert main(arguments) == 0
    single = capsys.readouterr().out
    assert main([*arguments, "--workers", "2", "--partitions", "3"]) == 0
    assert capsys.readouterr().out == single
    assert started == [2]
    assert main([*arguments, "--dask", client.scheduler.address, "--beliefs-only"]) == 0
    assert capsys.readouterr().out != single  # beliefs only: no reasons, no labels
    assert main([*arguments[:-1], "--beliefs-only", str(SOURCES)]) == 0
    beliefs_only = capsys.readouterr().out
    assert main([*arguments, "--dask", client.scheduler.address, "--beliefs-only", "--dask-timeout", "5"]) == 0
    assert capsys.readouterr().out == beliefs_only


@pytest.mark.parametrize("distributed", [[], ["--workers", "2"]])
def test_cli_interrupted_is_one_line(
    distributed: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C during a check prints one line "interrupted" and exits 130."""

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(factlog.cli._check, "check", interrupted)
    monkeypatch.setattr(factlog.dask, "check", interrupted)
    monkeypatch.setattr(factlog.dask, "local_client", lambda _workers: contextlib.nullcontext())
    assert main(["check", *distributed, str(SOURCES)]) == 130
    assert capsys.readouterr().err == "interrupted\n"


def test_a_local_cluster_whose_workers_died_closes_without_an_error_logged() -> None:
    """Workers killed in the block (as by the out-of-memory killer): stopping their heartbeats logs no failure."""
    handler = _Kept(logging.ERROR)
    scheduler = logging.getLogger("distributed.scheduler")
    scheduler.addHandler(handler)
    try:
        with factlog.dask.local_client(2) as client:
            for pid in client.run(os.getpid).values():
                os.kill(pid, signal.SIGKILL)
    finally:
        scheduler.removeHandler(handler)
    assert not [message for message in handler.messages if "broadcast" in message]


class _Kept(logging.Handler):
    """A logging handler that keeps the messages it is given."""

    def __init__(self, level: int) -> None:
        super().__init__(level)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
