"""Sentences of a long paragraph, read by pysbd a window at a time; a time zone after "p.m." kept with its time."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlog.drafting import _segment

_POOL = (
    "The U.S. envoy met Kim on Oct. 9 at 3 p.m. in Seoul.",
    "“We are ready,” he said.",
    "Talks may resume, officials said.",
    "Dr. Lee arrived at 7 a.m. EST on Tuesday.",
    "Output rose 3.5 percent in the year to March.",
    "A very long sentence " + "with many words in it " * 12 + "ends here.",
    "No. 2 was there!",
    "Why?",
)


def _texts(spans: list[tuple[int, int]], text: str) -> list[str]:
    return [text[start:end] for start, end in spans]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(_POOL), min_size=1, max_size=30))
def test_windows_find_the_sentences_the_whole_paragraph_gives(chosen: list[str]) -> None:
    """Read 400 characters at a time or whole, a paragraph of sentences shorter than that splits the same."""
    paragraph = " ".join(chosen)
    whole = _texts(_segment.sentences(paragraph), paragraph)
    original = _segment._WINDOW
    try:
        _segment._WINDOW = 400
        windowed = _texts(_segment.sentences(paragraph), paragraph)
    finally:
        _segment._WINDOW = original
    assert windowed == whole


def _spied(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """pysbd's segmenter replaced by one noting the length of each text it is given; the list it fills."""
    real = _segment._segmenter()
    given_lengths: list[int] = []

    class Spy:
        def segment(self, text: str) -> Any:
            given_lengths.append(len(text))
            return real.segment(text)

    monkeypatch.setattr(_segment, "_segmenter", Spy)
    return given_lengths


def test_pysbd_is_never_given_more_than_a_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """A paragraph of 400 short sentences reaches pysbd in windows of at most 2,000 characters, so time is linear."""
    given_lengths = _spied(monkeypatch)
    paragraph = " ".join(_POOL[index % 5] for index in range(400))
    spans = _segment.sentences(paragraph)
    assert len(spans) == 400
    assert len(paragraph) > 10_000
    assert max(given_lengths) <= 2000


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "The launch came at 7 p.m. EST on Tuesday, officials said. Talks resume.",
            "The launch came at 7 p.m. EST on Tuesday, officials said.",
        ),
        ("It began at 10 p.m. ET. Then more.", "It began at 10 p.m. ET."),
        ("It ended at 9 a.m. GMT Monday. Then more.", "It ended at 9 a.m. GMT Monday."),
    ],
)
def test_a_time_zone_after_pm_stays_with_its_time(text: str, first: str) -> None:
    """pysbd ends a sentence after "p.m." before a capital; "EST", "ET", "GMT" belong to the time, a name not."""
    assert _texts(_segment.sentences(text), text)[0] == first
    other = "He left at 3 p.m. Officials said so."
    assert _texts(_segment.sentences(other), other) == ["He left at 3 p.m.", "Officials said so."]


@pytest.mark.parametrize(
    "paragraph",
    [
        " ".join(f"word{index}" for index in range(2000)),  # no sentence end at all
        "; ".join(f"clause {index} of the list" for index in range(600)),  # semicolons only
        "x" * 5000,  # no space either
        "Kim spoke. " + " ".join(["and then"] * 800) + ". Talks resume.",  # one sentence past the window
    ],
)
def test_a_sentence_longer_than_the_window_is_cut_and_pysbd_never_given_more(
    paragraph: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No sentence end within 2,000 characters: pysbd is given at most 2,000 at a time, every character kept."""
    given_lengths = _spied(monkeypatch)
    spans = _segment.sentences(paragraph)
    assert max(given_lengths, default=0) <= _segment._WINDOW  # none at all without a sentence end
    assert all(end - start <= _segment._WINDOW for start, end in spans)
    assert "".join(_texts(spans, paragraph)).replace(" ", "") == paragraph.replace(" ", "")
    if " " in paragraph:  # cut at a space, never inside a word
        assert all(paragraph[end : end + 1] in ("", " ") for _, end in spans)


_PIECES = [*"abcXYZ019 ,;:-–(&%/*+=[]", "Mr", "Dr", "No", "U", "S", "ii", "\u200b", "é"]
_UNENDED = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40).map("".join)
"""A line with no sentence end: words, spaces, commas, an opening bracket, abbreviations without their stop."""


@settings(max_examples=40, deadline=None)
@given(st.lists(_UNENDED, min_size=1, max_size=5))
def test_lines_with_no_sentence_end_skip_pysbd_and_split_as_it_would(lines: list[str]) -> None:
    """Headlines with no stop, closing mark or bracket are not given to pysbd, and their sentences are pysbd's."""
    text = "\n".join(lines)
    real = _segment._segmenter()
    expected: list[str] = []
    for line in lines:
        expected += [piece.strip() for piece in map(str, real.segment(line)) if piece.strip()]
    given_lengths: list[int] = []

    class Spy:
        def segment(self, piece: str) -> Any:
            given_lengths.append(len(piece))
            return real.segment(piece)

    saved = _segment._segmenter
    _segment._segmenter = Spy  # type: ignore[assignment]
    try:
        found = _texts(_segment.sentences(text), text)
    finally:
        _segment._segmenter = saved
    assert (found, given_lengths) == (expected, [])
