"""A split folder on a cluster: each claim file read by a worker, the report of the input in one process."""

from __future__ import annotations

from pathlib import Path

from distributed import Client

import factlog
import factlog.dask
from factlog.render import render_json
from tests.helpers import ROOT, generated_lines


def test_a_split_folder_checks_on_a_cluster_as_its_input(client: Client, tmp_path: Path) -> None:
    """The generated set split in four files, on a LocalCluster of two workers: the JSON report of the folder
    checked in one process, which is the input's but for the stale acknowledgements' places."""
    path = generated_lines(tmp_path, 400)
    factlog.split_lines(path, tmp_path / "out", 100)
    assert len(list((tmp_path / "out").glob("claims-*.jsonl"))) == 4
    distributed = factlog.dask.check(tmp_path / "out", client=client, partitions=3)
    assert render_json(distributed) == render_json(factlog.check(factlog.load(tmp_path / "out")))


def test_the_split_corpus_checks_on_a_cluster_as_the_corpus(client: Client, tmp_path: Path) -> None:
    """The bundled corpus split in files of ten claims: on the cluster, the bytes of its check in one process."""
    factlog.split_lines(ROOT / "sources", tmp_path / "out", 10)
    distributed = factlog.dask.check(tmp_path / "out", client=client, partitions=2)
    assert render_json(distributed) == render_json(factlog.check(factlog.load(ROOT / "sources")))
