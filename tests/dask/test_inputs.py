"""What the distributed path refuses, named as the single process names it."""

from __future__ import annotations

import copyreg
import json
import shutil
from pathlib import Path

import attrs
import distributed.protocol.pickle
import numpy
import pytest
import tblib.pickling_support
from distributed import Client

import factlog
import factlog.cli._check
import factlog.dask
import factlog.dask._cluster
from factlog.cli import main
from factlog.dask._reading import _Failed, _load_file
from factlog.render import render_json
from tests.helpers import ROOT, acknowledgement_lines, claim, generated_lines, world

SOURCES = ROOT / "sources"


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


def test_no_files_is_an_input_error(tmp_path: Path) -> None:
    """A folder without claim files is refused as factlog.load refuses it: an InputError."""
    with pytest.raises(factlog.InputError, match="no claim files"):
        factlog.dask.check(tmp_path)


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


@pytest.mark.parametrize("address", ["nonsense", "", "tcp://host:99999"])
def test_a_malformed_address_is_an_argument_error(address: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A scheduler address that is not tcp://HOST:PORT is refused before connecting: ArgumentError, exit 2."""
    with pytest.raises(factlog.ArgumentError, match="not a Dask scheduler address"):
        factlog.dask.check(factlog.ClaimSet(), client=address)
    assert main(["check", "--dask", address, str(SOURCES)]) == 2
    assert "not a Dask scheduler address" in capsys.readouterr().err


@pytest.mark.parametrize("address", ["tls://127.0.0.1:28786", "TLS://host:8786", "ucx://host:8786"])
def test_an_address_of_another_protocol_is_refused_by_name(address: str, capsys: pytest.CaptureFixture[str]) -> None:
    """tls:// (or ucx://) is refused saying so, and how to use TLS from Python: ArgumentError, exit 2."""
    scheme = address.partition("://")[0].lower()
    with pytest.raises(factlog.ArgumentError, match=f"^{scheme}:// addresses are not supported: .*security=") as raised:
        factlog.dask.check(factlog.ClaimSet(), client=address)
    assert "\n" not in str(raised.value)
    assert main(["check", "--dask", address, str(SOURCES)]) == 2
    assert capsys.readouterr().err.startswith(f"factlog check: error: --dask: {scheme}:// addresses are not supported")


@pytest.mark.parametrize("client", [42, b"tcp://127.0.0.1:8786", object()])
@pytest.mark.parametrize("call", [factlog.dask.check, factlog.dask.assess])
def test_a_client_of_another_type_is_a_type_error_naming_what_is_taken(client: object, call: object) -> None:
    """``client=42``: a TypeError (ArgumentTypeError) naming a distributed.Client, an address and None."""
    name = getattr(call, "__name__", "")
    expected = r"client: expected a distributed\.Client, a scheduler address \(a str: 'tcp://host:8786'\) or None, got "
    with pytest.raises(TypeError, match=f"^factlog\\.dask\\.{name}: {expected}") as raised:
        call(factlog.ClaimSet(), client=client)  # type: ignore[operator]
    assert isinstance(raised.value, factlog.ArgumentTypeError)


def test_a_claim_repeated_identically_is_merged(tmp_path: Path) -> None:
    """A file copied next to itself checks and assesses as factlog.load merges it, with no conflict."""
    shutil.copytree(SOURCES, tmp_path / "s")
    first = next(iter(sorted((tmp_path / "s").rglob("claims.json"))))
    shutil.copy(first, first.with_name("claims-copy.json"))
    claims = factlog.load(tmp_path / "s")
    single = factlog.check(claims)
    assert render_json(factlog.dask.check(tmp_path / "s", partitions=3)) == render_json(single)
    for method in ("majority", "accucopy"):  # one partition pass, and rounds
        expected = factlog.assess(claims, method=method)
        assert factlog.dask.assess(tmp_path / "s", method=method, partitions=3) == expected


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


def test_relative_paths_are_made_absolute(client: Client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A relative path means the caller's folder, not the workers'."""
    shutil.copytree(SOURCES, tmp_path / "here")
    monkeypatch.chdir(tmp_path)
    single = factlog.check(factlog.load("here"))
    assert render_json(factlog.dask.check("here", client=client, partitions=2)) == render_json(single)


def test_stale_acknowledgements_name_their_file_as_given(
    client: Client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stale acknowledgement read from a file names the file as the caller gave it, relative or absolute.

    Fifty generated claims in JSON Lines (three stale acknowledgements) and a JSON file
    of one more below them: the synchronous scheduler, the cluster, a set loaded in this
    process and an incremental check all give the bytes of ``check(load(path))``.
    """
    folder = tmp_path / "here"
    (folder / "more").mkdir(parents=True)
    lines = acknowledgement_lines(generated_lines(folder, 50))  # three stale acknowledgements
    old = factlog.Acknowledgement(finding="f-0123456789ab", note="old")
    factlog.dump(factlog.ClaimSet(acknowledged=(old,)), folder / "more" / "acks.json")
    monkeypatch.chdir(tmp_path)
    for given, named in (("here", "here"), (str(folder), str(folder)), ("./here/more/../claims.jsonl", None)):
        claims = factlog.load(given)
        single = render_json(factlog.check(claims))
        if named is not None:
            assert f"at {named}/claims.jsonl:{lines[0]} matches no finding" in single
            assert f"at {named}/more/acks.json: $.acknowledged[0] matches no finding" in single
        else:
            named_lines = [line for line in lines if f"at here/more/../claims.jsonl:{line} matches" in single]
            assert named_lines == lines
        assert render_json(factlog.dask.check(given, partitions=4)) == single
        assert render_json(factlog.dask.check([given], client=client, partitions=3)) == single
        assert render_json(factlog.dask.check(claims, client=client, partitions=2)) == single
        assert render_json(factlog.Checker(claims).report()) == single


def test_importing_the_dask_module_without_dask_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    """`import factlog.dask` without Dask is an ImportError naming the extra, not a bare "No module named ..."."""
    import importlib  # noqa: PLC0415
    import sys  # noqa: PLC0415

    for name in [name for name in sys.modules if name == "factlog.dask" or name.startswith("factlog.dask.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "distributed", None)  # importing it now raises ImportError
    with pytest.raises(ImportError, match=r"^factlog\.dask needs Dask .*, the dask extra of factlog-claims: pip"):
        importlib.import_module("factlog.dask")


def test_unreadable_documents_name_their_file_as_given(
    client: Client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A missing document is named FILE:LINE (JSON Lines) or FILE and path (JSON) as given, on the cluster too."""
    folder = tmp_path / "here"
    folder.mkdir()
    claims = world(claim("c1"), claim("c2"))
    gone = tuple(attrs.evolve(source, document=f"gone-{n}.txt") for n, source in enumerate(claims.sources))
    factlog.dump(attrs.evolve(claims, sources=gone[:1], claims=()), folder / "a.json")
    factlog.dump(attrs.evolve(claims, entities=(), predicates=(), sources=gone[1:]), folder / "b.jsonl")
    monkeypatch.chdir(tmp_path)
    single = factlog.check(factlog.load("here"))
    places = _document_places(single)
    assert places[gone[0].id] == "here/a.json: $.sources[0].document"
    assert places[gone[1].id].startswith("here/b.jsonl:")
    assert render_json(factlog.dask.check("here", partitions=3)) == render_json(single)
    # The workers run in folders of their own and read the files at their absolute paths: named as given all the same.
    assert render_json(factlog.dask.check("here", client=client, partitions=2)) == render_json(single)


def _document_places(report: factlog.Report) -> dict[str, str]:
    """Where each unreadable document of ``report`` is given, by source id, as its message names it."""
    return {
        head.removeprefix("source "): rest.split(": cannot read document ", 1)[0]
        for head, _, rest in (finding.message.partition(", ") for finding in report.by_rule("document_mismatch"))
    }
