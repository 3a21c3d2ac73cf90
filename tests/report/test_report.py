"""The HTML report's parts without a browser: safe links, disputes, timeline, relay graph, the command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import Index, Interval, Pattern, assess, check, dumps, html_report, load, safe_url
from factlog.report._disputes import disputes
from factlog.report._events import events
from factlog.report._graph import DISAGREEMENTS, relay_graph
from tests.conftest import FreshImport
from tests.helpers import GOLDEN, ROOT, claim, run, world

_SCHEMES = ["javascript", "JavaScript", "vbscript", "data", "file", "jav\tascript", " javascript", "java\nscript"]


@given(st.sampled_from(_SCHEMES), st.text(max_size=20))
def test_safe_url_refuses_other_schemes(scheme: str, rest: str) -> None:
    """Any scheme but http, https and mailto (even split by tabs or newlines) becomes '#'."""
    assert safe_url(f"{scheme}:{rest}") == "#"


@given(st.sampled_from(["http://", "https://", "HTTPS://", "mailto:", "/", "./", "#", "?q="]), st.text(max_size=20))
def test_safe_url_keeps_web_and_relative_links(prefix: str, rest: str) -> None:
    """http, https, mailto and relative addresses are kept (without surrounding spaces)."""
    url = prefix + rest.replace(":", "")
    assert safe_url(url) == url.strip()


def test_seed_disputes_are_grouped_most_severe_first() -> None:
    """The corpus gives four disputes: three errors then the weapons warning, each finding once."""
    claims = load([ROOT / "sources"])
    report = check(claims)
    grouped = disputes(report, assess(claims), Index.of(claims))
    severe = [d for d in grouped if d.severity != "info"]
    assert [d.severity for d in severe] == ["error", "error", "error", "warning"]
    assert severe[0].title.startswith("Contradiction: China makes a high-level official visit")
    assert {f.rule for f in severe[0].findings} == {"opposed_claims", "self_contradiction"}
    assert {f.rule for f in severe[3].findings} == {"opposed_claims", "interested_denial"}
    assert sorted(f.id for d in grouped for f in d.findings) == sorted(f.id for f in report.findings)


def test_findings_sharing_no_claim_stay_apart() -> None:
    """Two contradictions about different claims are two disputes, each with its assessment."""
    claims = world(
        claim("a1"),
        claim("a2", denied=True, holder="wire", source="s2"),
        claim("b1", predicate="visits", obj="prc", when="2025-10"),
        claim("b2", predicate="visits", obj="prc", when="2025-10", denied=True, holder="wire", source="s2"),
    )
    grouped = disputes(check(claims), assess(claims), Index.of(claims))
    assert sorted(sorted(c.id for side in d.sides for c in side.claims) for d in grouped) == [
        ["a1", "a2"],
        ["b1", "b2"],
    ]
    assert all(d.assessments for d in grouped)


def test_timeline_sets_disjoint_dates_side_by_side() -> None:
    """An event given 2024-04 and 2025 is a conflict; 2025 and 2025-10 agree."""
    apart = world(
        claim("x1", "visit", "takes-place-on", "date:2024-04", None),
        claim("x2", "visit", "takes-place-on", "date:2025", None, holder="wire", source="s2"),
    )
    nested = world(
        claim("y1", predicate="visits", obj="prc", when="2025"),
        claim("y2", predicate="visits", obj="prc", when="2025-10", holder="wire", source="s2"),
    )
    (event,) = events(Index.of(apart))
    assert event.label == "the visit"
    assert [d.date for d in event.dates] == ["2024-04", "2025"]
    assert event.conflict
    (agreeing,) = events(Index.of(nested))
    assert not agreeing.conflict


def test_timeline_lets_a_recurring_event_happen_twice_but_not_inside_a_denial() -> None:
    """Visits in 2019 and 2024 agree; a visit in April 2024 conflicts with 'no visit in 2020-2025'."""
    twice = world(
        claim("v1", predicate="visits", obj="prc", when="2019"),
        claim("v2", predicate="visits", obj="prc", when="2024-04", holder="wire", source="s2"),
    )
    assert not events(Index.of(twice))[0].conflict
    denied = world(*twice.claims, claim("v3", predicate="visits", obj="prc", when="2020/2025", denied=True))
    (event,) = events(Index.of(denied))
    assert event.conflict
    assert [(d.date, d.polarity) for d in event.dates] == [
        ("2019", "affirmed"),
        ("2020–2025", "denied"),
        ("2024-04", "affirmed"),
    ]


def test_relay_graph_follows_the_chain_outward() -> None:
    """Holder → innermost relay → outermost relay → outlet; the outlet stands rightmost."""
    claims = world(claim("c1", holder="analysts", via=("paper-a", "wire"), source="s1"))
    claims = attrs.evolve(claims, sources=claims.sources[:2])  # no copies among the sources
    graph = relay_graph(Index.of(claims), [])
    relays = [(e.start, e.end) for e in graph.edges if e.kind == "relay"]
    assert sorted(relays) == [("analysts", "wire"), ("paper-a", "author"), ("wire", "paper-a")]
    x = {node.id: node.x for node in graph.nodes}
    assert x["analysts"] < x["wire"] < x["author"]


def test_relay_graph_draws_copies_and_contradictions() -> None:
    """A source derived from another links their publishers; opposed holders are joined."""
    claims = world(claim("c1", holder="wire", source="s2"), claim("c2", denied=True, holder="paper-a", source="s3"))
    graph = relay_graph(Index.of(claims), check(claims).findings)
    kinds = {(e.kind, e.start, e.end) for e in graph.edges}
    assert ("copy", "wire", "paper-a") in kinds
    assert ("contradiction", "paper-a", "wire") in kinds


def test_contradiction_curves_are_drawn_for_rules_that_exist() -> None:
    """Every rule named a disagreement is a default rule: a misspelt name would silently draw nothing."""
    assert {rule.__name__ for rule in factlog.DEFAULT_RULES} >= DISAGREEMENTS


def test_page_is_deterministic_and_offline() -> None:
    """The same claims give the same bytes; the page loads nothing from elsewhere."""
    claims = load([ROOT / "sources"])
    page = html_report(claims)
    assert page == html_report(claims)
    assert "default-src 'none'" in page
    assert "<link" not in page
    assert "src=" not in page


def test_report_command_writes_the_page(tmp_path: Path) -> None:
    """`factlog report sources/ -o FILE` writes one HTML file and prints nothing."""
    target = tmp_path / "report.html"
    result = run("report", "sources/", "-o", str(target), "--title", "Seed corpus")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert "<title>Seed corpus</title>" in target.read_text(encoding="utf-8")


def test_report_to_stdout() -> None:
    """`-o -` writes the page to stdout."""
    result = run("report", "sources/", "-o", "-", "--as-of", "2025-10-31", "--method", "majority")
    assert result.returncode == 0, result.stderr
    assert "as of 2025-10-31" in result.stdout


def test_import_stays_light(fresh_import: FreshImport) -> None:
    """Importing factlog loads neither Jinja2 nor networkx."""
    assert ("jinja2" in fresh_import.modules, "networkx" in fresh_import.modules) == (False, False)


def test_acknowledged_findings_are_marked_with_their_notes() -> None:
    """An acknowledged finding carries its mark and its note on the page."""
    claims = world(claim("a1"), claim("a2", denied=True, holder="wire", source="s2"))
    [finding] = [f for f in check(claims).findings if f.rule == "opposed_claims"]
    page = html_report(
        attrs.evolve(claims, acknowledged=world(acknowledged=((finding.id, "Seen <b>twice</b>"),)).acknowledged)
    )
    assert '<span class="ack">acknowledged</span>' in page
    assert "Note: <bdi>Seen &lt;b&gt;twice&lt;/b&gt;</bdi>" in page


def test_page_does_not_depend_on_the_hash_seed() -> None:
    """Two processes with different hash seeds write the same bytes (no set order leaks into the page)."""
    pages = [
        subprocess.run(
            [sys.executable, "-m", "factlog", "report", "sources/", "-o", "-"],
            capture_output=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        ).stdout
        for seed in ("1", "2")
    ]
    assert pages[0] == pages[1]


def test_report_refuses_to_overwrite_its_input_file(tmp_path: Path) -> None:
    """`-o` naming the claim file it reads (even by another spelling) is a usage error; the file is untouched."""
    source = tmp_path / "claims.json"
    source.write_bytes(GOLDEN.read_bytes())
    before = source.read_bytes()
    result = run("report", str(source), "-o", str(tmp_path / "." / "claims.json"))
    assert result.returncode == 2
    assert "overwrite" in result.stderr
    assert source.read_bytes() == before


def test_report_refuses_to_overwrite_a_file_below_an_input_folder(tmp_path: Path) -> None:
    """A folder input protects every file below it, whatever its suffix."""
    (tmp_path / "notes").mkdir()
    (tmp_path / "claims.json").write_bytes(GOLDEN.read_bytes())
    (tmp_path / "notes" / "keep.txt").write_text("keep", encoding="utf-8")
    result = run("report", str(tmp_path), "-o", str(tmp_path / "notes" / "keep.txt"))
    assert result.returncode == 2
    assert (tmp_path / "notes" / "keep.txt").read_text(encoding="utf-8") == "keep"


def test_report_writes_again_over_its_own_page_below_an_input_folder(tmp_path: Path) -> None:
    """A page written inside the folder it reads may be written again: a second run exits 0."""
    (tmp_path / "claims.json").write_bytes(GOLDEN.read_bytes())
    page = tmp_path / "report.html"
    assert run("report", str(tmp_path), "-o", str(page)).returncode == 0
    page.write_text(page.read_text(encoding="utf-8").replace("<title>", "<title>stale "), encoding="utf-8")
    result = run("report", str(tmp_path), "-o", str(page))
    assert result.returncode == 0, result.stderr
    assert "stale" not in page.read_text(encoding="utf-8")


def test_report_refusal_below_a_folder_says_where_to_write_instead(tmp_path: Path) -> None:
    """The refusal names a place beside the input folder, which the same run accepts."""
    folder = tmp_path / "stories"
    folder.mkdir()
    (folder / "claims.json").write_bytes(GOLDEN.read_bytes())
    (folder / "notes.html").write_text("<!doctype html><p>my notes</p>", encoding="utf-8")
    refused = run("report", "stories", "-o", "stories/notes.html", cwd=tmp_path)
    assert refused.returncode == 2
    assert refused.stderr.rstrip().endswith("(write the page outside it, e.g. -o notes.html)")
    assert (folder / "notes.html").read_text(encoding="utf-8") == "<!doctype html><p>my notes</p>"
    assert run("report", "stories", "-o", "notes.html", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize(
    ("inputs", "output", "suggested"),
    [
        ("stories/claims.json", "stories/claims.json", "stories/claims.html"),
        ("stories", "stories/claims.json", "claims.html"),
        ("stories", "stories/page.json", "page.html"),
    ],
)
def test_report_refusal_suggests_a_page_that_is_not_the_input(
    tmp_path: Path, inputs: str, output: str, suggested: str
) -> None:
    """The refused output's suggestion is a page (.html) beside the input, never the input itself; it is accepted."""
    folder = tmp_path / "stories"
    folder.mkdir()
    (folder / "claims.json").write_bytes(GOLDEN.read_bytes())
    refused = run("report", inputs, "-o", output, cwd=tmp_path)
    assert refused.returncode == 2
    assert refused.stderr.rstrip().endswith(f"(write the page outside it, e.g. -o {suggested})")
    assert run("report", inputs, "-o", suggested, cwd=tmp_path).returncode == 0


def test_report_timeline_says_how_firmly_a_hedged_date_is_given() -> None:
    """A 'reportedly' date reads 'affirmed, possible' in the timeline; a firm one 'affirmed' alone."""
    claims = world(
        claim("firm", predicate="visits", obj="prc", when="2025-04", holder="kcna"),
        claim("hedged", predicate="visits", obj="prc", when="2025-06", holder="analysts", certainty="possible"),
    )
    page = html_report(claims)
    assert page.count('<span class="polarity">affirmed, possible</span>') == 1
    assert page.count('<span class="polarity">affirmed</span>') == 1


def test_report_page_names_the_factlog_version_that_made_it() -> None:
    """The page's generator and its summary give the release, for a methods note to cite."""
    page = html_report(load(GOLDEN))
    assert f'<meta name="generator" content="factlog {factlog.__version__}">' in page
    assert f"by factlog {factlog.__version__}." in page


def test_report_refuses_to_overwrite_a_stored_document(tmp_path: Path) -> None:
    """A source's document is an input too: `-o` onto it is a usage error."""
    article = tmp_path / "docs" / "article.txt"
    article.parent.mkdir()
    article.write_text("The text.", encoding="utf-8")
    claims = world(claim("a1"))
    data = json.loads(dumps(claims))
    data["sources"][0]["document"] = "docs/article.txt"
    (tmp_path / "claims.json").write_text(json.dumps(data), encoding="utf-8")
    result = run("report", str(tmp_path / "claims.json"), "-o", str(article))
    assert result.returncode == 2, result.stderr
    assert "document of source" in result.stderr
    assert article.read_text(encoding="utf-8") == "The text."


def test_timeline_gives_each_reading_of_a_since_pattern_its_own_polarity() -> None:
    """'The first visit since 2019': a visit in 2019 affirmed, none from 2020 to the occasion, then the visit."""
    first = attrs.evolve(
        claim("v1", predicate="visits", obj="prc", when="2024-04-10"), pattern=Pattern(since=Interval.parse("2019"))
    )
    (event,) = events(Index.of(world(first)))
    assert [(d.date, d.polarity) for d in event.dates] == [
        ("2019", "affirmed"),
        ("2020–2024-04-09", "denied"),
        ("2024-04-10", "affirmed"),
    ]
    assert not event.conflict


def test_a_claim_with_several_objects_reaches_each_object() -> None:
    """A strike on two places is an event for each, and the claim's data-entities name both."""
    both = world(claim("s1", predicate="visits", obj=("prc", "russia"), when="2025"))
    labels = [event.label for event in events(Index.of(both))]
    assert len(labels) == 2
    page = html_report(both)
    assert any("prc" in line and "russia" in line for line in page.splitlines() if "data-entities" in line)


def test_relay_counts_stand_clear_of_every_node() -> None:
    """A count is drawn near its edge's target, never at a midpoint that a relay node covers."""
    claims = world(
        *(claim(f"d{n}", holder="analysts", source="s1") for n in range(3)),  # analysts → author skips a column
        *(claim(f"r{n}", holder="kcna", via=("wire",), source="s1") for n in range(3)),
    )
    graph = relay_graph(Index.of(claims), [])
    counted = [edge for edge in graph.edges if edge.kind == "relay" and edge.count > 1]
    assert counted
    for edge in counted:
        x, y = edge.count_at
        assert min(edge.x1, edge.x2) < x < max(edge.x1, edge.x2) or edge.x1 == edge.x2
        assert all(abs(x - node.x) > 24 or abs(y - node.y) > 24 for node in graph.nodes)


def test_an_unsafe_source_url_renders_as_plain_text() -> None:
    """A `javascript:` source url gives the title as text, with no link at all (not `href="#"`)."""
    claims = world(claim("c1"))
    sources = tuple(attrs.evolve(s, url="java\tscript:alert(1)") if s.id == "s1" else s for s in claims.sources)
    page = html_report(attrs.evolve(claims, sources=sources))
    assert 'href="#"' not in page
    assert "javascript" not in page.replace("\t", "").lower()


def test_a_visit_inside_the_span_a_since_pattern_denies_is_a_date_conflict() -> None:
    """'First visit since 2019' against a visit in 2021: the timeline marks the conflict check reports."""
    first = attrs.evolve(
        claim("v1", predicate="visits", obj="prc", when="2024-04-10"), pattern=Pattern(since=Interval.parse("2019"))
    )
    between = claim("v2", predicate="visits", obj="prc", when="2021-05", holder="wire", source="s2")
    claims = world(first, between)
    (event,) = events(Index.of(claims))
    assert event.conflict
    assert any({"v1", "v2"} <= set(f.claim_ids) for f in check(claims).findings)


def test_control_characters_are_shown_as_escapes() -> None:
    """An escape sequence or a NUL in a name or statement is written `\\x1b`, never as a raw character a page hides."""
    claims = world(claim("c1"))
    entities = tuple(attrs.evolve(e, name="Wire\x1b[2J\x00\x85") if e.id == "author" else e for e in claims.entities)
    hostile = attrs.evolve(claims, entities=entities)
    page = html_report(hostile)
    assert "Wire\\x1b[2J\\x00\\x85" in page
    assert not any(ch in page for ch in "\x1b\x00\x85")


def test_page_says_when_learning_stopped_unsettled() -> None:
    """The page's summary names a learning run stopped at its limit of rounds, and a settled run's does not."""
    from factlog.report._html import _context, _environment  # noqa: PLC0415 - the page's own parts

    claims = load(ROOT / "sources")
    settled = assess(claims)
    assert settled.converged
    template = _environment().get_template("report.html.j2")
    page = template.render(_context(claims, check(claims), settled, title="t", paths=()))
    unsettled = attrs.evolve(settled, rounds=200, converged=False)  # the default limit, reached
    stopped = template.render(_context(claims, check(claims), unsettled, title="t", paths=()))
    assert "unsettled" not in page
    assert "learning: stopped at its limit of 200 rounds, unsettled" in stopped


def test_a_recurring_event_affirmed_inside_a_denial_and_one_event_on_two_dates_are_named_apart() -> None:
    """The Tresk shelling (both 2026-03-03) and the Chinese visit (April 2024 against none since 2019) are
    affirmed and denied; Zhao Leji's one visit, given two dates with no day in common, is a conflict of dates."""
    story = {e.label: e for e in events(Index.of(load([Path(__file__).parent / "tresk"])))}
    assert story["Corva shells Tresk"].conflict_words == "affirmed and denied"
    corpus = {e.label: e for e in events(Index.of(load([ROOT / "sources"])))}
    assert corpus["China makes a high-level official visit to North Korea"].conflict_words == "affirmed and denied"
    assert corpus["Zhao Leji's visit to Pyongyang"].conflict_words == "conflicting dates"


def test_a_graph_too_dense_to_route_is_drawn_straight_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """Beyond ROUTED_AT_MOST edges x nodes every edge is one straight segment, and the page tells the reader."""
    from factlog.report import _graph  # noqa: PLC0415 - its limit is patched

    claims = load([ROOT / "sources"])
    assert relay_graph(Index.of(claims), check(claims).findings).routed
    assert "too many to lead each line" not in html_report(claims)
    monkeypatch.setattr(_graph, "ROUTED_AT_MOST", 0)
    graph = relay_graph(Index.of(claims), check(claims).findings)
    assert not graph.routed
    assert all(len(edge.points) == 2 and edge.control is None for edge in graph.edges)
    assert "too many to lead each line" in html_report(claims)


def test_lines_no_try_clears_are_counted_and_the_page_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """A routed graph whose lines find no way around the names draws them straight and says how many."""
    from factlog.report import _graph  # noqa: PLC0415 - its router is patched

    claims = load([ROOT / "sources"])
    assert relay_graph(Index.of(claims), check(claims).findings).unrouted == 0
    assert "found no way around" not in html_report(claims)
    monkeypatch.setattr(_graph, "route", lambda *_, **__: None)
    monkeypatch.setattr(_graph, "arc", lambda *_: None)
    graph = relay_graph(Index.of(claims), check(claims).findings)
    assert graph.routed
    assert graph.unrouted == len(graph.edges) > 0
    assert all(len(edge.points) == 2 for edge in graph.edges)
    assert f"{len(graph.edges)} of the graph's {len(graph.edges)} lines found no way around" in html_report(claims)


def test_only_the_dates_on_either_side_of_a_clash_clash() -> None:
    """China's 2019 visits clash with nothing; its 2024 and 2025 visits and the two denials covering them do.
    Zhao Leji's two dates for one visit clash; the Tresk shelling's affirmed and denied day both clash."""
    corpus = {e.label: e for e in events(Index.of(load([ROOT / "sources"])))}
    china = corpus["China makes a high-level official visit to North Korea"]
    assert [(d.date, d.polarity) for d, clash in zip(china.dates, china.clashes, strict=True) if not clash] == [
        ("2019", "affirmed"),
        ("2019-06-20–2019-06-21", "affirmed"),
    ]
    assert all(corpus["Zhao Leji's visit to Pyongyang"].clashes)
    assert all(e.clashes == (False,) * len(e.dates) for e in corpus.values() if not e.conflict)
    story = {e.label: e for e in events(Index.of(load([Path(__file__).parent / "tresk"])))}
    assert story["Corva shells Tresk"].clashes == (True, True)
