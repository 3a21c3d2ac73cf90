"""A quote that differs from its document only in capitals is told in a few words, with how to fix it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import attrs
from hypothesis import given
from hypothesis import strategies as st

from factlog import ClaimSet
from factlog.checks import quote_mismatch, quote_not_found
from factlog.checks._capitals import capitals_only
from tests.helpers import ROOT, claim, findings_of, run, world

_FIX = "; to fix: write the quote's capitals as the document does"


def _with_document(tmp_path: Path, text: str, claims: ClaimSet) -> ClaimSet:
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    sources = tuple(attrs.evolve(s, document="doc.txt") if s.id == "s1" else s for s in claims.sources)
    return attrs.evolve(claims, sources=sources, bases={"s1": str(tmp_path)})


def _quoting(claims: ClaimSet, quote: str, *, span: bool) -> ClaimSet:
    first = claims.claims[0]
    evidence = attrs.evolve(first.evidence[0], quote=quote, start=0 if span else None, end=len(quote) if span else None)
    return attrs.evolve(claims, claims=(attrs.evolve(first, evidence=(evidence,)), *claims.claims[1:]))


def test_a_spanned_quote_in_other_capitals_says_only_capitalisation_differs(tmp_path: Path) -> None:
    """quote_mismatch: the word written in other capitals, where the document has it, and the fix."""
    claims = _quoting(
        _with_document(tmp_path, "Troops Entered Kessel", world(claim("a"))), "Troops entered Kessel", span=True
    )
    [finding] = findings_of(quote_mismatch, claims)
    assert finding.message == (
        "Quote of a differs from its document only in capitalisation:"
        " evidence[0] writes 'entered' where s1 has 'Entered' (at 7-14)" + _FIX
    )


def test_a_quote_without_span_in_other_capitals_says_only_capitalisation_differs(tmp_path: Path) -> None:
    """quote_not_found: no closest passage nor likeness out of 100, only the words and the fix."""
    text = "The ministry said that Troops Entered Kessel at dawn."
    claims = _quoting(_with_document(tmp_path, text, world(claim("a"))), "troops entered Kessel", span=False)
    [finding] = findings_of(quote_not_found, claims)
    assert finding.message == (
        "Quote of a differs from its document only in capitalisation:"
        " evidence[0] writes 'troops', 'entered' where s1 has 'Troops', 'Entered' (at 23-29, 30-37)" + _FIX
    )


_WORDS = st.lists(st.text("abcdefghij", min_size=1, max_size=6), min_size=1, max_size=8)


@given(_WORDS, st.data())
def test_the_slip_names_exactly_the_words_in_other_capitals(words: list[str], data: st.DataObject) -> None:
    """Words capitalised in the document only: each is named, at its offsets, and no other."""
    changed = sorted(set(data.draw(st.lists(st.integers(0, len(words) - 1), min_size=1, max_size=3))))
    document = " ".join(word.capitalize() if n in changed else word for n, word in enumerate(words))
    quote = " ".join(words)
    starts = [sum(len(w) + 1 for w in words[:n]) for n in range(len(words))]
    slip = capitals_only(quote, document, 10, "s1")
    assert slip == (
        "writes "
        + ", ".join(repr(words[n]) for n in changed)
        + " where s1 has "
        + ", ".join(repr(words[n].capitalize()) for n in changed)
        + " (at "
        + ", ".join(f"{10 + starts[n]}-{10 + starts[n] + len(words[n])}" for n in changed)
        + ")"
    )


@given(st.text(min_size=1, max_size=30), st.data())
def test_a_quote_with_another_letter_is_no_capital_slip(text: str, data: st.DataObject) -> None:
    """A quote with one character that is no other case of the document's is not told as capitals (None)."""
    at = data.draw(st.integers(0, len(text) - 1))
    other = data.draw(st.characters().filter(lambda c: c.casefold() != text[at].casefold()))
    quote = text[:at] + other + text[at + 1 :]
    assert capitals_only(quote.swapcase() if len(quote.swapcase()) == len(quote) else quote, text, 0, "s1") is None


def test_check_tells_a_capital_slip_in_the_corpus_by_its_words_and_the_fix(tmp_path: Path) -> None:
    """From the command: a headline quoted with 'visits' for 'Visits' names the word, where it is, and the fix."""
    shutil.copytree(ROOT / "sources" / "choe-moscow", tmp_path / "choe-moscow")
    for name in ("entities.json", "vocabulary.json"):
        shutil.copy(ROOT / "sources" / name, tmp_path / name)
    path = tmp_path / "choe-moscow" / "claims.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    evidence = data["claims"][0]["evidence"][0]
    evidence["quote"] = evidence["quote"].replace("Visits Russia", "visits Russia")
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    ran = run("check", str(tmp_path))
    [line] = [line for line in ran.stdout.splitlines() if "Quote of headline-choe-visits-russia" in line]
    assert line == (
        "[error] Quote of headline-choe-visits-russia differs from its document only in capitalisation:"
        " evidence[0] writes 'visits' where choe-moscow has 'Visits' (at 43-49)" + _FIX
    )
