"""`factlog show`: names as printed, what a holder said, and the event timeline."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

from factlog import Entity, EntityKind, dumps, holder_timeline, resolve_entity
from tests.helpers import claim, run, world


@pytest.mark.parametrize("name", ["analysts", "ANALYSTS", "analysts (anonymous)", "Western  Intelligence"])
def test_names_as_printed_resolve(name: str) -> None:
    """Ids, names in any case or spacing, and names as findings print them resolve to one entity."""
    claims = world()
    assert resolve_entity(claims, name) in {"analysts", "western-intelligence"}


def test_unknown_name_is_a_lookup_error() -> None:
    """A name no entity has raises LookupError naming it."""
    with pytest.raises(LookupError, match="Atlantis"):
        resolve_entity(world(), "Atlantis")


def test_holder_timeline_lists_only_their_claims_in_date_order() -> None:
    """What a holder said: its claims only, earliest first, each with its relays."""
    claims = world(
        claim("late", holder="analysts", via=("wire",), stated="2025-11"),
        claim("early", holder="analysts", stated="2025-01"),
        claim("other", holder="wire", source="s2"),
    )
    rows = holder_timeline(claims, "Analysts")
    assert [row.claim for row in rows] == ["early", "late"]
    assert rows[1].via == ("The wire",)


def test_show_holder_by_printed_name() -> None:
    """`show --holder` takes the name as `check` prints it and lists what that holder said."""
    result = run("show", "sources/", "--holder", "Western intelligence assessments", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert [row["claim"] for row in json.loads(result.stdout)] == ["weapons-allegation"]


def test_show_holder_with_no_claim_of_its_own_names_who_speaks_for_it(tmp_path: Path) -> None:
    """A party that speaks only through its state media: 0 claims, and a note naming KCNA and how to show it."""
    (tmp_path / "claims.json").write_text(dumps(world(claim("a", holder="kcna"))), encoding="utf-8")
    result = run("show", str(tmp_path), "--holder", "dprk")
    assert (result.returncode, result.stdout) == (0, "0 claims\n")
    assert (
        result.stderr
        == "note: North Korea holds no claim in its own name; KCNA (--holder kcna) speaks for it (affiliation)\n"
    )
    assert run("show", str(tmp_path), "--holder", "kcna").stderr == ""


def test_show_holder_names_every_speaker_in_one_sentence(tmp_path: Path) -> None:
    """Two who speak for Russia: 'X (--holder x) and Y (--holder y) speak for it', the verb agreeing."""
    claims = world(claim("a", holder="peskov"), claim("b", holder="wire"))
    data = json.loads(dumps(claims))
    for entity in data["entities"]:
        if entity["id"] == "wire":
            entity["affiliation"] = "russia"
    (tmp_path / "claims.json").write_text(json.dumps(data), encoding="utf-8")
    result = run("show", str(tmp_path), "--holder", "russia")
    assert result.stderr == (
        "note: Russia holds no claim in its own name; the Kremlin spokesman (--holder peskov)"
        " and The wire (--holder wire) speak for it (affiliation)\n"
    )


def test_show_events_sets_conflicting_dates_side_by_side() -> None:
    """`show --events` lists each event's dates; Zhao Leji's visit is given two that cannot both hold."""
    result = run("show", "sources/", "--entity", "Zhao Leji's visit to Pyongyang", "--events")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Zhao Leji's visit to Pyongyang  [conflicting dates]"
    data = json.loads(run("show", "sources/", "--entity", "zhao-leji", "--events", "--format", "json").stdout)
    assert data[0]["label"] == "Zhao Leji visits North Korea"
    assert data[0]["conflict"] is False  # two visits may both have happened; the dated one above may not
    assert [given["date"] for given in data[0]["dates"]] == ["2024-04-11–2024-04-13", "2025-01–2025-10-05"]


def test_show_events_json_says_what_kind_of_conflict() -> None:
    """`show --events --format json` gives each event's `conflict_kind` beside `conflict`, as the text's brackets."""
    dated = json.loads(run("show", "sources/", "--entity", "zhao-leji-visit", "--events", "--format", "json").stdout)
    visits = json.loads(run("show", "sources/", "--entity", "dprk", "--events", "--format", "json").stdout)
    denied = [event for event in visits if event["conflict"] and not event["once"]]
    assert [(event["conflict"], event["conflict_kind"]) for event in dated] == [(True, "conflicting-dates")]
    assert [event["conflict_kind"] for event in denied] == ["affirmed-and-denied"]
    assert {event["conflict_kind"] for event in visits if not event["conflict"]} == {None}


def test_show_events_marks_the_dates_that_clash() -> None:
    """In a conflicting event, `show --events` says `clashes` on each date on a side of the clash, and only there."""
    lines = run("show", "sources/", "--entity", "dprk", "--events").stdout.splitlines()
    visits = lines[: lines.index("Xi Jinping visits North Korea")]
    assert visits[0].endswith("[affirmed and denied]")
    marked = [line.split()[0] for line in visits[1:] if "  clashes  " in line]
    assert marked == ["2020–2024", "2020–2025-10-05", "2024-04-11–2024-04-13", "2025-01–2025-10-05"]
    calm = lines[lines.index("Xi Jinping visits North Korea") :]
    assert not any("clashes" in line for line in calm)  # no conflict there: no column either
    data = json.loads(run("show", "sources/", "--entity", "dprk", "--events", "--format", "json").stdout)
    assert [given["clashes"] for given in data[0]["dates"]] == [False, False, True, True, True, True]
    assert not any(given["clashes"] for event in data if not event["conflict"] for given in event["dates"])


def test_show_events_gives_a_hedged_date_a_line_of_its_own(tmp_path: Path) -> None:
    """A firm and a 'reportedly' visit on one date: two lines, the firm first, the hedge saying how firmly."""
    claims = world(
        claim("firm", predicate="visits", obj="prc", when="2025-04", holder="kcna"),
        claim("hedged", predicate="visits", obj="prc", when="2025-04", holder="analysts", certainty="possible"),
    )
    (tmp_path / "claims.json").write_text(dumps(claims), encoding="utf-8")
    lines = run("show", str(tmp_path), "--entity", "dprk", "--events").stdout.splitlines()
    assert [line.strip().split("  ")[1] for line in lines[1:3]] == ["affirmed", "affirmed, possible"]
    assert lines[2].endswith("(hedged)")
    data = json.loads(run("show", str(tmp_path), "--entity", "dprk", "--events", "--format", "json").stdout)
    assert [(given["certainty"], given["claims"]) for given in data[0]["dates"]] == [
        ("certain", ["firm"]),
        ("possible", ["hedged"]),
    ]


def test_show_needs_entity_or_holder() -> None:
    """Neither --entity nor --holder (or both) is a usage error."""
    assert run("show", "sources/").returncode == 2
    assert run("show", "sources/", "--entity", "dprk", "--holder", "dprk").returncode == 2
    assert run("show", "sources/", "--holder", "nobody at all").returncode == 2


def test_a_name_two_entities_share_is_ambiguous_with_its_candidates(tmp_path: Path) -> None:
    """`show --entity Springfield` for two Springfields names both ids, as loading does, and exits 2."""
    base = world(claim("c1"))
    towns = (
        Entity(id="springfield-il", name="Springfield", kind=EntityKind.PLACE),
        Entity(id="springfield-ma", name="Springfield", kind=EntityKind.PLACE),
    )
    claims = attrs.evolve(base, entities=(*base.entities, *towns))
    with pytest.raises(
        LookupError, match="ambiguous name 'Springfield': it names entities springfield-il, springfield-ma"
    ):
        resolve_entity(claims, "Springfield")
    path = tmp_path / "claims.json"
    path.write_text(dumps(claims), encoding="utf-8")
    result = run("show", str(path), "--entity", "Springfield")
    assert result.returncode == 2
    assert "springfield-il, springfield-ma" in result.stderr


def test_a_name_no_entity_bears_names_the_nearest_entities() -> None:
    """`show --entity` with a near miss ("Seoul analyst") names the entities whose names come close, and exits 2."""
    result = run("show", "sources/", "--holder", "Seoul analyst")
    assert result.returncode == 2
    assert result.stderr.startswith("error: no entity 'Seoul analyst' in the claims given; the nearest: ")
    assert "a Seoul-based security analyst (seoul-security-analyst)" in result.stderr
    far = run("show", "sources/", "--entity", "Atlantis")
    assert far.stderr == (
        "error: no entity 'Atlantis' in the claims given; give an entity's id, its name or one of its aliases\n"
    )
