"""Right-to-left text isolated on the page: which names, and how."""

from __future__ import annotations

from factlog.report._bidi import direction, has_right_to_left, isolator


def test_right_to_left_names_are_isolated_in_composed_text() -> None:
    """Each Arabic or Hebrew name in a message is wrapped in <bdi>, the longer name whole; the rest is escaped."""
    isolate = isolator(["Russia", "وكالة", "وكالة الأنباء", "סוכנות"])
    shown = str(isolate("<b> Russia, وكالة الأنباء (2025) and סוכנות"))
    assert shown == "&lt;b&gt; Russia, <bdi>وكالة الأنباء</bdi> (2025) and <bdi>סוכנות</bdi>"


def test_without_right_to_left_names_text_is_only_escaped() -> None:
    """Left-to-right names are left as they are."""
    assert str(isolator(["Russia"])("Russia & <i>")) == "Russia &amp; &lt;i&gt;"


def test_direction_follows_the_first_strong_letter() -> None:
    """The base direction is that of the first letter with a direction; digits and punctuation have none."""
    assert direction("2025: وكالة KCNA") == "rtl"
    assert direction("(KCNA) وكالة") == "ltr"
    assert direction("2025") == "ltr"
    assert has_right_to_left("KCNA סוכנות")
    assert not has_right_to_left("KCNA 2025")
