"""A wrong argument to a public function is a FactlogError naming it, never a bare error from deep inside."""

from __future__ import annotations

import inspect
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import factlog
from tests.strategies import wrong_arguments

CLAIMS = factlog.load("sources/")
REPORT = factlog.check(CLAIMS)
ASSESSMENT = factlog.assess(CLAIMS)
VOCABULARY = factlog.Vocabulary.of(CLAIMS)
NOWHERE = Path("/nonexistent-factlog-test-folder/out.json")  # never written: the first argument is refused first

# Each public function called with ``wrong`` as its first argument and right values for the others.
CALLS: dict[str, Callable[[Any], object]] = {
    "Checker": factlog.Checker,
    "assess": factlog.assess,
    "assessment_document": factlog.assessment_document,
    "check": factlog.check,
    "draft": lambda wrong: factlog.draft(wrong, source="article"),
    "dump": lambda wrong: factlog.dump(wrong, NOWHERE),
    "dumps": factlog.dumps,
    "dumps_lines": factlog.dumps_lines,
    "entity_timeline": lambda wrong: factlog.entity_timeline(wrong, "dprk"),
    "events": factlog.events,
    "find_quote": lambda wrong: factlog.find_quote(wrong, "quote"),
    "find_time_expressions": lambda wrong: factlog.find_time_expressions(wrong, "2025-10-30"),
    "finding_id": lambda wrong: factlog.finding_id(wrong, ["c1"]),
    "holder_timeline": lambda wrong: factlog.holder_timeline(wrong, "kcna"),
    "html_report": factlog.html_report,
    "load": factlog.load,
    "loads": factlog.loads,
    "loads_lines": factlog.loads_lines,
    "origins": lambda wrong: factlog.origins(wrong, []),
    "readings": lambda wrong: factlog.readings(wrong, None, VOCABULARY),
    "reads": factlog.reads,
    "render_assessment_json": factlog.render_assessment_json,
    "render_assessment_markdown": factlog.render_assessment_markdown,
    "render_assessment_text": factlog.render_assessment_text,
    "render_events_text": factlog.render_events_text,
    "render_json": factlog.render_json,
    "render_markdown": factlog.render_markdown,
    "render_text": factlog.render_text,
    "render_timeline_json": factlog.render_timeline_json,
    "render_timeline_text": factlog.render_timeline_text,
    "report_document": factlog.report_document,
    "resolve_entity": lambda wrong: factlog.resolve_entity(wrong, "dprk"),
    "resolve_when": lambda wrong: factlog.resolve_when(wrong, "2025-10-30"),
    "review_url": lambda wrong: factlog.review_url(wrong, "key", "statement"),
    "check_lines": factlog.check_lines,
    "assess_lines": factlog.assess_lines,
    "split_lines": lambda wrong: factlog.split_lines(wrong, NOWHERE.parent / "split"),
    "to_claimreview": lambda wrong: factlog.to_claimreview(wrong, CLAIMS, author="Desk"),
    "to_prov": factlog.to_prov,
    "weekday_mismatches": factlog.weekday_mismatches,
    "write_assessment_json": lambda wrong: factlog.write_assessment_json(wrong, io.StringIO()),
    "write_draft": lambda wrong: factlog.write_draft(wrong, "text", NOWHERE),
    "write_report_json": lambda wrong: factlog.write_report_json(wrong, io.StringIO()),
}
# Left out, with the reason: no positional argument; any object is its input; files other work owns.
APART = {
    "json_schema": "takes no argument",
    "make_converter": "takes keyword arguments only",
    "safe_url": "takes any object by design ('#' for what is no safe address)",
}


def test_every_public_function_is_called_or_set_apart() -> None:
    """The property below covers every public function and class of factlog that takes a first argument."""
    public = {name for name in factlog.__all__ if inspect.isfunction(getattr(factlog, name))} | {"Checker"}
    assert sorted(public) == sorted(set(CALLS) | set(APART))


@pytest.mark.parametrize("name", sorted(CALLS))
@settings(max_examples=12)
@given(wrong=wrong_arguments())
def test_a_wrong_first_argument_is_a_factlog_error(name: str, wrong: object) -> None:
    """None, numbers, lists of numbers, dicts or a bare object as the first argument: a FactlogError, nothing bare."""
    with pytest.raises(factlog.FactlogError):
        CALLS[name](wrong)


def test_load_of_a_number_names_paths() -> None:
    """load(5) is an ArgumentError naming load and its paths (it was a TypeError: 'int' is not iterable)."""
    with pytest.raises(factlog.ArgumentError, match=r"^factlog\.load: paths: expected a path .* got 5 \(int\)$"):
        factlog.load(5)  # type: ignore[arg-type]


def test_load_of_a_list_with_a_number_names_its_position() -> None:
    """A list of paths holding something else names the item: paths[1]."""
    with pytest.raises(factlog.ArgumentError, match=r"^factlog\.load: paths\[1\]: expected a path"):
        factlog.load(["sources/", 5])  # type: ignore[list-item]


def test_loads_of_none_names_text() -> None:
    """loads(None) is an ArgumentError naming loads and its text (it was a TypeError from len)."""
    with pytest.raises(factlog.ArgumentError, match=r"^factlog\.loads: text: expected a str or UTF-8 bytes"):
        factlog.loads(None)  # type: ignore[arg-type]


def test_loads_lines_of_a_list_names_text() -> None:
    """loads_lines of a list of lines is an ArgumentError (it was an AttributeError)."""
    with pytest.raises(factlog.ArgumentError, match=r"^factlog\.loads_lines: text: "):
        factlog.loads_lines(["{}"])  # type: ignore[arg-type]


@pytest.mark.parametrize("function", [factlog.load, factlog.loads])
def test_limits_that_are_no_limits_are_refused(function: Callable[..., object]) -> None:
    """limits=5 is an ArgumentError naming limits (it was an AttributeError: no max_bytes)."""
    with pytest.raises(factlog.ArgumentError, match=r": limits: expected a factlog\.Limits, got 5 \(int\)$"):
        function("sources/", limits=5)


@pytest.mark.parametrize("function", [factlog.check_lines, factlog.assess_lines])
def test_the_compact_paths_name_a_path_that_is_none(function: Callable[..., object]) -> None:
    """check_lines(None) and assess_lines(None) name the function and its path (they were a bare TypeError)."""
    with pytest.raises(factlog.ArgumentTypeError, match=r"^factlog\.\w+_lines: path: expected a path .* got None"):
        function(None)


@pytest.mark.parametrize("function", [factlog.check_lines, factlog.assess_lines])
@pytest.mark.parametrize(
    ("sizes", "message"),
    [
        ({"batch": "10"}, r"batch: expected an int of at least 1, got '10' \(str\)$"),
        ({"bin_size": True}, r"bin_size: expected an int of at least 1, got True \(bool\)$"),
        ({"bin_size": 0}, r"bin_size: expected an int of at least 1, got 0$"),
    ],
)
def test_the_compact_paths_refuse_sizes_that_are_no_whole_counts(
    function: Callable[..., object], sizes: dict[str, object], message: str
) -> None:
    """A batch or bin size that is text, a bool or under 1 is an ArgumentError naming it, before any file is read."""
    with pytest.raises(factlog.ArgumentError, match=message):
        function(NOWHERE, **sizes)


def test_to_prov_of_text_names_claims() -> None:
    """to_prov("x") is an ArgumentError naming to_prov and claims (it was an AttributeError)."""
    with pytest.raises(factlog.ArgumentError, match=r"^factlog\.to_prov: claims: expected a ClaimSet"):
        factlog.to_prov("x")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "given"),
    [
        ("render_text", ASSESSMENT),
        ("render_json", ASSESSMENT),
        ("render_markdown", CLAIMS),
        ("report_document", "x"),
        ("render_assessment_text", REPORT),
        ("render_assessment_markdown", REPORT),
        ("render_assessment_json", CLAIMS),
        ("assessment_document", "x"),
        ("render_timeline_text", REPORT),
        ("render_timeline_json", "x"),
        ("render_events_text", [REPORT]),
    ],
)
def test_a_render_function_given_the_wrong_thing_names_itself(name: str, given: object) -> None:
    """A render function given what it does not render (an assessment for a report, ...) says what it expected."""
    with pytest.raises(factlog.ArgumentError, match=rf"^factlog\.{name}: \w+(\[0\])?: expected (a|an) "):
        getattr(factlog, name)(given)


def test_the_render_functions_still_render_what_they_render() -> None:
    """The guards let the right arguments through."""
    assert factlog.render_text(REPORT).endswith("\n")
    assert factlog.render_assessment_text(ASSESSMENT).endswith("\n")
    assert factlog.render_timeline_json(factlog.entity_timeline(CLAIMS, "dprk")).startswith("[")
    assert factlog.render_events_text(factlog.events(factlog.Index.of(CLAIMS))).endswith("\n")


def test_checker_of_text_names_claims() -> None:
    """Checker("x") is an ArgumentError naming Checker and claims (it was an AttributeError)."""
    with pytest.raises(factlog.ArgumentError, match=r"^factlog\.Checker: claims: expected a ClaimSet"):
        factlog.Checker("x")  # type: ignore[arg-type]


def test_checker_add_of_text_names_claims() -> None:
    """Checker.add("c9") is an ArgumentError, not an AttributeError on the letter 'c'."""
    checker = factlog.Checker(CLAIMS)
    with pytest.raises(factlog.ArgumentError, match=r"^Checker\.add: claims: expected an iterable of Claim, got 'c9'"):
        checker.add("c9")  # type: ignore[arg-type]


def test_merge_with_text_names_the_other() -> None:
    """ClaimSet.merge("x") is an ArgumentError naming the argument (it was an AttributeError)."""
    with pytest.raises(factlog.ArgumentError, match=r"^ClaimSet\.merge: other 2: expected a ClaimSet"):
        CLAIMS.merge(CLAIMS, "x")  # type: ignore[arg-type]


@pytest.mark.parametrize("method", ["overlaps", "before", "after", "contains"])
def test_an_interval_compared_with_a_partial_date_says_how_to_make_one(method: str) -> None:
    """Interval.overlaps(PartialDate) is an ArgumentError showing Interval(d, d) (it was an AttributeError)."""
    interval = factlog.Interval.parse("2019/2020")
    with pytest.raises(factlog.ArgumentError, match=rf"^Interval\.{method}: other: .*Interval\(d, d\)"):
        getattr(interval, method)(factlog.PartialDate.parse("2019"))


@pytest.mark.parametrize(("name", "expected"), [("error", True), ("Warning", True), ("never", False), (None, False)])
def test_failed_takes_the_severity_names_of_fail_on(name: str | None, expected: bool) -> None:
    """Report.failed("error") reads the name as --fail-on does (it was a TypeError); "never" and None never fail."""
    assert REPORT.failed(name) is expected
    assert REPORT.failed(factlog.Severity.ERROR) is True  # the corpus has an error finding


@pytest.mark.parametrize("threshold", ["fatal", 2])
def test_failed_refuses_another_threshold(threshold: object) -> None:
    """An unknown word or a number as the threshold is an ArgumentError listing what is accepted."""
    with pytest.raises(factlog.ArgumentError, match=r"^Report\.failed: threshold: expected a Severity, None, or one"):
        REPORT.failed(threshold)  # type: ignore[arg-type]


def test_retract_in_a_missing_store_creates_nothing(tmp_path: Path) -> None:
    """Retracting from a store that does not exist is an UnknownIdError, and no store file is left behind."""
    store = tmp_path / "store.db"
    with pytest.raises(factlog.UnknownIdError, match=r"store\.db: retraction of 'c1': no claim 'c1' to retract$"):
        factlog.ClaimLog(store).retract("c1", "withdrawn")
    assert list(tmp_path.iterdir()) == []


def test_finding_id_refuses_a_str_for_claim_ids() -> None:
    """finding_id("r", "ab") is refused: a str is not a list of claim ids (it hashed the letters 'a' and 'b')."""
    with pytest.raises(factlog.ArgumentError, match=r"^factlog\.finding_id: claims: expected an iterable of claim ids"):
        factlog.finding_id("r", "ab")
    assert factlog.finding_id("r", ["ab"]) != factlog.finding_id("r", ["a", "b"])


@pytest.mark.parametrize("quote", ["", "   ", "\n\t"])
def test_find_quote_refuses_an_empty_or_blank_quote(quote: str) -> None:
    """An empty or blank quote is refused (it matched at every offset)."""
    with pytest.raises(factlog.ArgumentError, match=r"^factlog\.find_quote: quote: expected some text"):
        factlog.find_quote("some text", quote)


@pytest.mark.parametrize(("argument", "value"), [("url", 5), ("author", None)])
def test_to_claimreview_refuses_a_url_or_author_that_is_no_str(argument: str, value: object) -> None:
    """A url or author that is no str is an ArgumentError naming it (it was accepted)."""
    options: dict[str, Any] = {"author": "Desk", argument: value}
    with pytest.raises(factlog.ArgumentError, match=rf"^factlog\.to_claimreview: {argument}: expected"):
        factlog.to_claimreview(ASSESSMENT, CLAIMS, **options)


def test_to_claimreview_url_error_has_no_cli_prefix() -> None:
    """From Python the url error names to_claimreview's url, not the command line's --url."""
    with pytest.raises(factlog.ArgumentError, match=r"^factlog\.to_claimreview: url: 'javascript:x' is not an http"):
        factlog.to_claimreview(ASSESSMENT, CLAIMS, author="Desk", url="javascript:x")


@pytest.mark.parametrize(
    "call",
    [
        lambda: factlog.loads(None),
        lambda: factlog.load(5),
        lambda: factlog.check("sources/"),
        lambda: factlog.finding_id("rule", "ab"),
        lambda: factlog.render_text(5),
    ],
)
def test_a_wrong_type_is_also_a_type_error(call: Callable[[], object]) -> None:
    """An argument of the wrong type raises ArgumentTypeError: caught as ArgumentError, ValueError and TypeError."""
    with pytest.raises(factlog.ArgumentTypeError) as raised:
        call()
    assert isinstance(raised.value, factlog.ArgumentError)
    assert isinstance(raised.value, TypeError)
    assert raised.value.exit_code == 2


def test_a_wrong_value_of_the_right_type_is_no_type_error() -> None:
    """An unknown method name is a plain ArgumentError (a ValueError), not a TypeError."""
    with pytest.raises(factlog.ArgumentError) as raised:
        factlog.assess(factlog.load("sources/"), method="oracle")
    assert not isinstance(raised.value, TypeError)


@pytest.mark.parametrize("function", [factlog.check, factlog.Checker])
@pytest.mark.parametrize(
    ("rules", "message"),
    [
        (None, r"rules: expected a sequence of rules .* got None"),
        ("opposed_claims", r"rules: expected a sequence of rules .* got 'opposed_claims'"),
        ([factlog.DEFAULT_RULES[0], 5], r"rules\[1\]: expected a rule .* got 5 \(int\)$"),
    ],
)
def test_rules_that_are_no_rules_are_refused(function: Callable[..., object], rules: object, message: str) -> None:
    """rules=None, a rule's name or a list holding a number is an ArgumentError (was a bare TypeError or letters)."""
    with pytest.raises(factlog.ArgumentTypeError, match=message):
        function(CLAIMS, rules)


def test_check_lines_refuses_rules_that_are_no_rules() -> None:
    """check_lines names its rules argument too, before any file is read."""
    with pytest.raises(factlog.ArgumentTypeError, match=r"^factlog\.check_lines: rules: expected"):
        factlog.check_lines(NOWHERE, None)  # type: ignore[arg-type]
