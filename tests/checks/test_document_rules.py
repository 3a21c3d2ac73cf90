"""The rules that read a source's document: quotes against their spans, changed and missing documents."""

from __future__ import annotations

import ast
import hashlib
import pickle
import shutil
from pathlib import Path

import attrs
import pytest

import factlog
from factlog import ClaimSet, Severity
from factlog.checks import (
    document_mismatch,
    quote_mismatch,
    quote_not_found,
)
from tests.helpers import GOLDEN, claim, findings_of, world


def _with_document(tmp_path: Path, text: str, claims: ClaimSet, sha: str | None = None) -> ClaimSet:
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    sources = tuple(attrs.evolve(s, document="doc.txt", sha256=sha) if s.id == "s1" else s for s in claims.sources)
    return attrs.evolve(claims, sources=sources, bases={"s1": str(tmp_path)})


def test_quote_matching_its_span_passes(tmp_path: Path) -> None:
    """A quote that is exactly the document's text at its span gives no finding."""
    claims = _with_document(tmp_path, "quote a and more", world(claim("a")))
    assert findings_of(quote_mismatch, claims) == []


def test_shifted_quote_is_reported_with_where_it_stands(tmp_path: Path) -> None:
    """A quote off by two characters: error, naming the span where the quote really is."""
    claims = _with_document(tmp_path, "..quote a", world(claim("a")))
    [finding] = findings_of(quote_mismatch, claims)
    assert finding.severity is Severity.ERROR
    assert "the quote stands at 2-9" in finding.message


_MEND = "; to fix: mend the span, or copy the quote from the document's text as it stands"


def test_a_quote_the_document_does_not_hold_says_how_to_fix_it(tmp_path: Path) -> None:
    """A quote found nowhere in the document: the message ends with what to do about it."""
    claims = _with_document(tmp_path, "something else entirely", world(claim("a")))
    [finding] = findings_of(quote_mismatch, claims)
    assert finding.message == "Quote of a does not match its document: evidence[0] in s1 at 0-7 reads 'somethi'" + _MEND


def test_an_occurrence_past_the_last_says_how_to_fix_it(tmp_path: Path) -> None:
    """A quote asked for at its third place when the document holds it twice: the message says what to give."""
    claims = _with_document(tmp_path, "quote a, quote a", world(claim("a")))
    third = attrs.evolve(claims.claims[0].evidence[0], start=None, end=None, occurrence=3)
    claims = attrs.evolve(claims, claims=(attrs.evolve(claims.claims[0], evidence=(third,)),))
    [finding] = findings_of(quote_not_found, claims)
    assert finding.message.endswith(
        "holds 2 times (at 0-7, 9-16); to fix: give an occurrence the document holds (1 for the first), or none"
    )


def test_a_long_mismatched_span_is_shown_cut_between_words(tmp_path: Path) -> None:
    """Past 80 characters the text at the span is cut at a space, with '…', as quote_not_found cuts a passage."""
    text = "Officials said the depots and the bridges were hit again, and the convoys were struck twice before dawn."
    claims = _with_document(tmp_path, text, world(claim("a")))
    wide = attrs.evolve(claims.claims[0].evidence[0], quote=text.upper().replace(" ", "_"), start=0, end=len(text))
    claims = attrs.evolve(claims, claims=(attrs.evolve(claims.claims[0], evidence=(wide,)),))
    [finding] = findings_of(quote_mismatch, claims)
    shown = finding.message.split(" reads ", 1)[1].removesuffix(_MEND)
    passage = ast.literal_eval(shown.removesuffix("…"))
    assert (shown.endswith("'…"), text.startswith(passage), text[len(passage)]) == (True, True, " ")


def test_changed_document_is_reported(tmp_path: Path) -> None:
    """A sha256 that no longer matches the document: error listing the citing claims."""
    claims = _with_document(tmp_path, "quote a", world(claim("a")), sha=hashlib.sha256(b"other").hexdigest())
    [finding] = findings_of(document_mismatch, claims)
    assert "has changed" in finding.message
    assert finding.claim_ids == ("a",)


def test_missing_document_is_reported(tmp_path: Path) -> None:
    """A document that does not exist is an error naming it (escapes are covered in test_hostile)."""
    claims = _with_document(tmp_path, "quote a", world(claim("a")))
    missing = attrs.evolve(
        claims,
        sources=tuple(attrs.evolve(s, document="absent.txt") if s.id == "s1" else s for s in claims.sources),
    )
    assert "cannot read document" in findings_of(document_mismatch, missing)[0].message


def test_missing_document_names_its_source_and_path(tmp_path: Path) -> None:
    """A document that cannot be read names the source id and `$.sources[N].document` to mend."""
    claims = _with_document(tmp_path, "quote a", world(claim("a")))
    position = [s.id for s in claims.sources].index("s1")
    missing = attrs.evolve(
        claims,
        sources=tuple(attrs.evolve(s, document="absent.txt") if s.id == "s1" else s for s in claims.sources),
    )
    message = findings_of(document_mismatch, missing)[0].message
    assert message.startswith(f"source s1, $.sources[{position}].document: cannot read document ")


def _missing_document_message(folder: Path) -> str:
    """The document_mismatch message of the golden file loaded from ``folder``, its document removed."""
    claims = factlog.load(folder / "v1.json")
    [finding] = factlog.check(claims).by_rule("document_mismatch")
    return finding.message


@pytest.mark.parametrize("given", ["set", "./set", "inner/../set"])
def test_a_missing_document_is_named_as_the_folder_was_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    """Loaded by a relative path, a missing document is named by that path, whatever the form of the folder's name."""
    (tmp_path / "set").mkdir()
    (tmp_path / "inner").mkdir()
    shutil.copyfile(GOLDEN, tmp_path / "set" / "v1.json")
    monkeypatch.chdir(tmp_path)
    message = _missing_document_message(Path(given))
    assert message.endswith(f"cannot read document {Path(given) / 'document.txt'}: No such file or directory")


def test_a_missing_document_is_named_as_given_after_a_chdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Loaded by a relative path, then a chdir: the message names the document by the path given, as before it."""
    (tmp_path / "set").mkdir()
    (tmp_path / "elsewhere").mkdir()
    shutil.copyfile(GOLDEN, tmp_path / "set" / "v1.json")
    monkeypatch.chdir(tmp_path)
    claims = factlog.load("set/v1.json")
    [before] = factlog.check(claims).by_rule("document_mismatch")
    monkeypatch.chdir(tmp_path / "elsewhere")
    [finding] = factlog.check(claims).by_rule("document_mismatch")
    assert finding.message == before.message
    assert finding.message.endswith("cannot read document set/document.txt: No such file or directory")


def test_a_folder_named_through_a_link_and_dots_reads_where_the_link_leads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``link/../set`` is the set beside the link's target, as the system reads it: its document is found there."""
    (tmp_path / "deep" / "inner").mkdir(parents=True)
    (tmp_path / "deep" / "set").mkdir()
    shutil.copyfile(GOLDEN, tmp_path / "deep" / "set" / "v1.json")
    shutil.copyfile(GOLDEN.parent / "document.txt", tmp_path / "deep" / "set" / "document.txt")
    (tmp_path / "link").symlink_to(tmp_path / "deep" / "inner", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    claims = factlog.load("link/../set/v1.json")
    monkeypatch.chdir(tmp_path / "deep")
    assert factlog.check(claims).by_rule("document_mismatch") == []
    [source] = [source.id for source in claims.sources if source.document is not None]
    assert claims.document_path(source) is not None
    assert claims.document_path(source).read_bytes() == (GOLDEN.parent / "document.txt").read_bytes()


@pytest.mark.parametrize("working", ["set", "tmp", "root"])
def test_a_folder_given_as_an_absolute_path_is_named_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, working: str
) -> None:
    """Given absolute, from inside it, beside it or from ``/``: the message names the absolute path given."""
    (tmp_path / "set").mkdir()
    shutil.copyfile(GOLDEN, tmp_path / "set" / "v1.json")
    monkeypatch.chdir({"set": tmp_path / "set", "tmp": tmp_path, "root": Path("/")}[working])
    message = _missing_document_message(tmp_path / "set")
    assert message.endswith(f"cannot read document {tmp_path / 'set' / 'document.txt'}: No such file or directory")


@pytest.mark.parametrize("pickled", [False, True])
def test_a_missing_document_is_named_as_given_after_a_chdir_to_a_folder_above(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pickled: bool
) -> None:
    """Loaded by a relative path, then a chdir above (the set perhaps pickled, as for a cluster): the path given."""
    (tmp_path / "work" / "set").mkdir(parents=True)
    shutil.copyfile(GOLDEN, tmp_path / "work" / "set" / "v1.json")
    monkeypatch.chdir(tmp_path / "work")
    claims = factlog.load("set/v1.json")
    if pickled:
        claims = pickle.loads(pickle.dumps(claims))
    monkeypatch.chdir(tmp_path)
    [finding] = factlog.check(claims).by_rule("document_mismatch")
    assert finding.message.endswith("cannot read document set/document.txt: No such file or directory")
