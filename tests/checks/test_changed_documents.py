"""A document changed since its sha256 was written: the finding names its path, where the hash is given, and the fix."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import attrs

import factlog
from factlog.checks import document_mismatch
from tests.helpers import GOLDEN


def test_a_changed_document_is_named_by_its_path_with_the_field_to_mend_and_how(tmp_path: Path) -> None:
    """Loaded from a folder: the path beside the claims file, `$.sources[0].sha256` there, and restore or re-hash."""
    folder = tmp_path / "story"
    folder.mkdir()
    data = json.loads(GOLDEN.read_text(encoding="utf-8"))
    data["sources"][0]["document"] = "doc.txt"
    data["sources"][0]["sha256"] = hashlib.sha256(b"as written").hexdigest()
    (folder / "claims.json").write_text(json.dumps(data), encoding="utf-8")
    (folder / "doc.txt").write_bytes(b"edited since")
    claims = factlog.load(folder, references=False)
    [finding] = factlog.check(claims, (document_mismatch,), stale=False).findings
    source, now = data["sources"][0]["id"], hashlib.sha256(b"edited since").hexdigest()
    assert finding.message == (
        f"document of {source} ({folder / 'doc.txt'}) has changed: sha256 is {now},"
        f" expected {data['sources'][0]['sha256']} ({folder / 'claims.json'}: $.sources[0].sha256): restore the"
        f" document, or, if the change is meant, write its new sha256 there (`sha256sum {folder / 'doc.txt'}` prints"
        " it) and check the quotes again"
    )


def test_a_changed_document_of_a_set_made_in_memory_is_named_as_written() -> None:
    """Without a file: the document as its source names it, and the hash's JSON path in the set."""
    claims = factlog.load(GOLDEN)
    folder = Path(claims.bases[claims.sources[0].id])
    changed = attrs.evolve(claims.sources[0], sha256="0" * 64)
    made = factlog.ClaimSet(
        entities=claims.entities,
        predicates=claims.predicates,
        sources=(changed,),
        claims=claims.claims,
        bases={changed.id: str(folder)},
    )
    [finding] = factlog.check(made, (document_mismatch,), stale=False).findings
    assert f"document of {changed.id} ({changed.document}) has changed" in finding.message
    assert "expected " + "0" * 64 + " ($.sources[0].sha256): restore the document" in finding.message
