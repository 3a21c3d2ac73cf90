"""Both ends of an inverse pair count: one end's ``functional`` is the other's ``inverse_functional``, either end's
``exclusive_with`` is read through the inverse, and the two ends share one scale."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
from factlog import ClaimLog, ClaimSet, Predicate, PredicateKind
from tests import renaming
from tests.helpers import ENTITIES, SOURCES, claim, findings_of, sides, world

STATE = PredicateKind.STATE
EMPLOYS = Predicate(id="employs", label="employs", kind=STATE, inverse="works-for")
WORKS_FOR = Predicate(id="works-for", label="works for", kind=STATE, functional=True, exclusive_with=("sues",))
SUES = Predicate(id="sues", label="sues", kind=STATE)
PARENT = Predicate(id="parent-of", label="is a parent of", kind=STATE, inverse="child-of", exclusive_with=("child-of",))


def vocabulary(*predicates: Predicate, claims: tuple[factlog.Claim, ...] = ()) -> ClaimSet:
    """The shared world with these predicates besides its own."""
    base = world(*claims)
    return attrs.evolve(base, predicates=(*base.predicates, *predicates))


def _two_employers(employs: Predicate = EMPLOYS, works_for: Predicate = WORKS_FOR) -> ClaimSet:
    return vocabulary(
        employs,
        works_for,
        SUES,
        claims=(
            claim("at-prc", "alice", works_for.id, "prc"),
            claim("at-russia", "alice", works_for.id, "russia", holder="wire", source="s2"),
        ),
    )


def _rules(claims: ClaimSet, *names: str) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((f.rule, f.claim_ids) for f in factlog.check(claims).findings if f.rule in names)


def test_the_functional_end_read_the_other_way_round_keeps_one_value() -> None:
    """'works-for' is 'employs' turned round and declares functional: two employers of Alice at once conflict."""
    found = _rules(_two_employers(), "conflicting_values", "conflicting_holders")
    assert found == [("conflicting_holders", ("at-prc", "at-russia"))]


def test_a_pair_declared_from_both_ends_reads_alike_whatever_the_ids() -> None:
    """Each names the other: the functional end is canonical under any ids, so the same finding under one rule."""
    for employs, works_for in (("employs", "works-for"), ("z-employs", "works-for"), ("employs", "a-works-for")):
        one = attrs.evolve(EMPLOYS, id=employs, inverse=works_for)
        other = attrs.evolve(WORKS_FOR, id=works_for, inverse=employs)
        found = _rules(_two_employers(one, other), "conflicting_values", "conflicting_holders")
        assert found == [("conflicting_values", ("at-prc", "at-russia"))], (employs, works_for)


def test_exclusive_with_at_the_end_read_the_other_way_round_is_honoured() -> None:
    """'works-for' exclusive with 'sues': Russia employing Alice excludes Alice suing Russia, not Russia suing Alice."""
    claims = vocabulary(
        EMPLOYS,
        WORKS_FOR,
        SUES,
        claims=(
            claim("employed", "russia", "employs", "alice"),
            claim("sues-russia", "alice", "sues", "russia", holder="wire", source="s2"),
            claim("sued-by-russia", "russia", "sues", "alice", holder="kcna"),
        ),
    )
    [finding] = findings_of(factlog.checks.exclusive_predicates, claims)
    assert sides(finding) == {"works-for": {"employed"}, "sues": {"sues-russia"}}
    assert "Russia employs Alice Example" in finding.message
    assert "Alice Example sues Russia" in finding.message


def test_a_predicate_exclusive_with_its_own_inverse_excludes_itself_turned_round() -> None:
    """'parent-of' exclusive with 'child-of': Alice parent of Bob excludes Bob parent of Alice, Alice child of Bob."""
    claims = vocabulary(
        PARENT,
        claims=(
            claim("alice-parent", "alice", "parent-of", "bob"),
            claim("bob-parent", "bob", "parent-of", "alice", holder="wire", source="s2"),
            claim("alice-child", "alice", "child-of", "bob", holder="kcna"),
        ),
    )
    [finding] = findings_of(factlog.checks.exclusive_predicates, claims)
    assert sides(finding) == {
        "alice parent-of bob": {"alice-parent"},
        "bob parent-of alice": {"bob-parent", "alice-child"},
    }


@pytest.mark.parametrize(("first", "second"), [("alice", "bob"), ("bob", "alice"), ("alice", "z-bob")])
def test_the_sides_of_a_predicate_against_itself_turned_round_are_named_by_what_they_say(
    first: str, second: str
) -> None:
    """Both claims written 'parent-of': each side is named by its reading, whichever entity id sorts first."""
    base = vocabulary(PARENT)
    entities = tuple(attrs.evolve(e, id="z-bob") if e.id == "bob" and second == "z-bob" else e for e in base.entities)
    claims = attrs.evolve(
        base,
        entities=entities,
        claims=(
            claim("one", first, "parent-of", second),
            claim("two", second, "parent-of", first, holder="wire", source="s2"),
        ),
    )
    [finding] = findings_of(factlog.checks.exclusive_predicates, claims)
    assert sides(finding) == {f"{first} parent-of {second}": {"one"}, f"{second} parent-of {first}": {"two"}}


@st.composite
def parent_claims(draw: st.DrawFn) -> ClaimSet:
    """Two to six claims pairing three entities by 'parent-of' or its inverse 'child-of', from two holders."""
    people = ("alice", "bob", "carol")
    made = []
    for number in range(draw(st.integers(2, 6))):
        subject, obj = draw(st.permutations(people))[:2]
        holder, source = draw(st.sampled_from([("author", "s1"), ("wire", "s2")]))
        when = draw(st.sampled_from(["2025", "2025-03", None]))
        made.append(
            claim(
                f"c{number}",
                subject,
                draw(st.sampled_from(["parent-of", "child-of"])),
                obj,
                when,
                holder=holder,
                source=source,
            )
        )
    base = vocabulary(PARENT, claims=tuple(made))
    plain = tuple(e for e in base.entities if not (e.aliases or e.affiliation or e.part_of))  # renamed freely
    return attrs.evolve(base, entities=plain)


@settings(max_examples=40)
@given(parent_claims(), st.sampled_from(renaming.WAYS), st.integers(0, 99))
def test_renaming_leaves_the_sides_of_an_exclusion_with_its_own_inverse_unchanged(
    claims: ClaimSet, way: str, seed: int
) -> None:
    """Entities or claims renamed to sort the other way: each claim on the same side, of the same name."""
    for kind in ("entity", "claim"):
        renamed, back = renaming.renamed_set(claims, (kind,), way, seed)
        assert renaming.findings(renamed, back) == renaming.findings(claims, {})


def test_every_path_honours_the_other_end(tmp_path: Path) -> None:
    """check, Checker.add, check_lines in bins of one claim: the same conflict and exclusion."""
    claims = vocabulary(
        EMPLOYS,
        WORKS_FOR,
        SUES,
        claims=(
            claim("at-prc", "alice", "works-for", "prc"),
            claim("employed", "russia", "employs", "alice", holder="kcna"),
            claim("sues-russia", "alice", "sues", "russia", holder="wire", source="s2"),
        ),
    )
    rules = ("conflicting_holders", "exclusive_predicates")
    expected = [("conflicting_holders", ("at-prc", "employed")), ("exclusive_predicates", ("employed", "sues-russia"))]
    assert _rules(claims, *rules) == expected
    for cut in (1, 2):
        checker = factlog.Checker(attrs.evolve(claims, claims=claims.claims[:cut]))
        checker.add(claims.claims[cut:])
        assert sorted((f.rule, f.claim_ids) for f in checker.report().findings if f.rule in rules) == expected
    factlog.dump(claims, tmp_path / "claims.jsonl")
    streamed = factlog.check_lines(tmp_path / "claims.jsonl", bin_size=1)
    assert sorted((f.rule, f.claim_ids) for f in streamed.findings if f.rule in rules) == expected


def test_a_rank_declared_at_the_other_end_is_the_pairs() -> None:
    """'the highest-level visit since' on 'hosts', whose inverse 'visits-at' alone declares the rank: no refusal."""
    hosts = Predicate(id="hosts", label="hosts", kind=PredicateKind.EVENT, inverse="visits-at")
    visits_at = Predicate(id="visits-at", label="visits", kind=PredicateKind.EVENT, scale="visit-level", rank=1)
    pattern = factlog.Pattern(highest_since=factlog.Interval.parse("2019"))
    ranked = attrs.evolve(claim("highest", "prc", "hosts", "dprk", "2025-10"), pattern=pattern)
    claims = vocabulary(hosts, visits_at, claims=(ranked,))
    assert [claim.id for claim in claims.claims] == ["highest"]


SCALED = [
    {"id": "hosts", "label": "hosts", "kind": "event", "inverse": "visits-at", "scale": "visit-level", "rank": 1},
    {"id": "visits-at", "label": "visits", "kind": "event", "scale": "visit-level", "rank": 2},
]
ONE_SCALE = (
    "predicate 'visits-at' declares scale 'visit-level' at rank 2, but its inverse 'hosts' declares scale"
    " 'visit-level' at rank 1: the two ends of an inverse pair are one relation on one scale"
)


def test_two_scales_on_one_pair_are_refused_with_the_file_and_path(tmp_path: Path) -> None:
    """c.json: the end declared second is named, at its scale; JSON Lines by its line."""
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"format": "factlog", "version": 1, "predicates": SCALED}), encoding="utf-8")
    with pytest.raises(factlog.FormatError) as caught:
        factlog.load(path)
    assert caught.value.errors == [f"{path}: $.predicates[1].scale: {ONE_SCALE}"]
    lines = [{"format": "factlog", "version": 1}, *({"type": "predicate", **p} for p in SCALED)]
    text = "".join(json.dumps(line) + "\n" for line in lines)
    with pytest.raises(factlog.FormatError) as caught:
        factlog.loads_lines(text, name="c.jsonl")
    assert caught.value.errors == [f"c.jsonl:3: $.scale: {ONE_SCALE}"]


def test_two_scales_or_kinds_on_one_pair_are_refused_by_the_claim_set_and_the_log(tmp_path: Path) -> None:
    """ClaimSet raises a FieldError at the scale or kind; a claim log append names the store and the record."""
    for declared, field, said in ((SCALED, "scale", ONE_SCALE), (KINDED, "kind", ONE_KIND)):
        hosts, visits_at = (factlog.make_converter().structure(p, Predicate) for p in declared)
        with pytest.raises(factlog.FieldError, match=rf"^predicates\[1\]\.{field}: predicate 'visits-at' declares"):
            ClaimSet(predicates=(hosts, visits_at))
        log = ClaimLog(tmp_path / f"{field}.db")
        log.append([*ENTITIES, *SOURCES, hosts])
        with pytest.raises(factlog.FactlogError) as caught:
            log.append([visits_at])
        [error] = caught.value.errors  # type: ignore[attr-defined]
        assert error.startswith(f"{log.path}: record 1: {field}: {said}")


def test_one_scale_declared_at_both_ends_alike_is_read() -> None:
    """The same scale and rank at both ends: one pair on one ladder, read without complaint."""
    same = [SCALED[0], {**SCALED[1], "rank": 1}]
    loaded = factlog.loads(json.dumps({"format": "factlog", "version": 1, "predicates": same}))
    assert [p.id for p in loaded.predicates] == ["hosts", "visits-at"]


@pytest.mark.parametrize(
    ("predicates", "written"),
    [
        ((PARENT,), (("alice", "parent-of", "bob"), ("bob", "parent-of", "alice"))),
        (
            (EMPLOYS, attrs.evolve(SUES, exclusive_with=("works-for",))),
            (("russia", "employs", "alice"), ("alice", "sues", "russia")),
        ),
    ],
)
def test_check_lines_meets_an_exclusion_turned_round_across_bins(
    tmp_path: Path, predicates: tuple[Predicate, ...], written: tuple[tuple[str, str, str], ...]
) -> None:
    """Two claims excluding each other turned round, each written at its canonical end, in bins of one claim.

    check_lines filed such a claim only under its own slot (its object was read only for
    an inverse, symmetric or inverse-functional predicate), so the two fell in separate
    bins and the exclusion was missed.
    """
    (s1, p1, o1), (s2, p2, o2) = written
    claims = vocabulary(
        *predicates, claims=(claim("one", s1, p1, o1), claim("two", s2, p2, o2, holder="wire", source="s2"))
    )
    assert _rules(claims, "exclusive_predicates") == [("exclusive_predicates", ("one", "two"))]
    factlog.dump(claims, tmp_path / "claims.jsonl")
    streamed = factlog.check_lines(tmp_path / "claims.jsonl", bin_size=1)
    assert [(f.rule, f.claim_ids) for f in streamed.findings if f.rule == "exclusive_predicates"] == [
        ("exclusive_predicates", ("one", "two"))
    ]


KINDED = [
    {"id": "hosts", "label": "hosts", "kind": "event", "inverse": "visits-at"},
    {"id": "visits-at", "label": "visits", "kind": "state"},
]
ONE_KIND = (
    "predicate 'visits-at' declares kind 'state', but its inverse 'hosts' declares kind 'event':"
    " the two ends of an inverse pair are one relation of one kind"
)


def _document(predicates: list[dict[str, object]]) -> str:
    return json.dumps({"format": "factlog", "version": 1, "predicates": predicates})


def test_two_kinds_on_one_pair_are_refused_with_the_file_and_path(tmp_path: Path) -> None:
    """An event read the other way round as a state: c.json at the later end's kind, JSON Lines by its line."""
    path = tmp_path / "c.json"
    path.write_text(_document(KINDED), encoding="utf-8")
    with pytest.raises(factlog.FormatError) as caught:
        factlog.load(path)
    assert caught.value.errors == [f"{path}: $.predicates[1].kind: {ONE_KIND}"]
    lines = [{"format": "factlog", "version": 1}, *({"type": "predicate", **p} for p in KINDED)]
    with pytest.raises(factlog.FormatError) as caught:
        factlog.loads_lines("".join(json.dumps(line) + "\n" for line in lines), name="c.jsonl")
    assert caught.value.errors == [f"c.jsonl:3: $.kind: {ONE_KIND}"]
    with pytest.raises(factlog.FormatError) as caught:
        factlog.loads(_document(KINDED), references=False)
    assert caught.value.errors == [f"$.predicates[1].kind: {ONE_KIND}"]


def test_two_kinds_in_two_files_name_the_file_that_brings_the_clash(tmp_path: Path) -> None:
    """hosts in a.json, visits-at in b.json: b.json's predicate is named, at its kind."""
    (tmp_path / "a.json").write_text(_document(KINDED[:1]), encoding="utf-8")
    (tmp_path / "b.json").write_text(_document(KINDED[1:]), encoding="utf-8")
    with pytest.raises(factlog.FormatError) as caught:
        factlog.load(tmp_path)
    assert caught.value.errors == [f"{tmp_path / 'b.json'}: $.predicates[0].kind: {ONE_KIND}"]


def test_evaluative_declared_at_the_other_end_is_the_pairs() -> None:
    """'destroyed-by' alone declares evaluative: Ukraine saying it destroyed the sites judges its own conduct."""
    destroys = Predicate(id="razes", label="razes", kind=PredicateKind.EVENT, inverse="razed-by")
    razed_by = Predicate(id="razed-by", label="is razed by", kind=PredicateKind.EVENT, evaluative=True)
    claims = vocabulary(destroys, razed_by, claims=(claim("own-work", "ukraine", "razes", "sites", holder="ukraine"),))
    [finding] = findings_of(factlog.checks.interested_judgement, claims)
    assert finding.claim_ids == ("own-work",)


def test_the_figures_settings_are_the_canonical_ends() -> None:
    """A tolerance, margin and cumulative at the end that takes no figure are read without complaint, and unused."""
    sends = Predicate(id="sends", label="sends", kind=STATE, functional=True, inverse="sent-by")
    sent_by = Predicate(
        id="sent-by",
        label="is sent by",
        kind=STATE,
        tolerance=0.5,
        cumulative=True,
        margin=factlog.Quantity(amount=100),
    )
    claims = vocabulary(
        sends,
        sent_by,
        claims=(
            claim("hundred", "russia", "sends", 100),
            claim("more", "russia", "sends", 130, holder="wire", source="s2"),
        ),
    )
    assert [f.claim_ids for f in findings_of(factlog.checks.conflicting_values, claims)] == [("hundred", "more")]
