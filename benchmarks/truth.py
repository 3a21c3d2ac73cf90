"""Truth discovery measured: the Book data set, a seeded echo cluster, independent sources, cost.

**Book** (AbeBooks author lists, published with Dong, Berti-Équille & Srivastava,
PVLDB 2(1), 2009; the public copy is distributed by the authors' data-integration
group and mirrored in several truth-discovery repositories): ``book.txt`` (store, ISBN,
title, authors) and ``book_golden.txt`` (100 books checked by hand). The folder is an
argument; nothing is downloaded. Author lists are normalised once, the same way for
every method and for the gold list:

1. HTML entities decoded (repeatedly); empty, "Not Available", "N/A" count as missing;
2. text in parentheses or brackets removed (role words, affiliations);
3. NFKD, accents dropped, lower case; apostrophes deleted, every other non-alphanumeric
   character separates tokens;
4. one-letter tokens (initials) and role or filler words dropped;
5. the value is the sorted set of name tokens (author and name order ignored);
6. with ``expand=True`` (the default): abbreviated names expanded within each book. A
   token of three letters or more that is the beginning of exactly one longer token
   which a store gives for the same book is read as that token: "Dan" and "Daniel",
   "Ken" and "Kenneth", "Pete" and "Peter" in one book are one name. Stores shorten
   given names freely, and the gold lists do too ("Jennings, Dan" where most stores say
   "Daniel"); only the stores' own lists decide, the gold list is read with them. One
   book's vocabulary never touches another's. Two names a store ran together
   ("PETERALLEN" from "ALLEN, PETERALLEN, ...") are not a longer form: a longer token
   whose rest is itself a token of the book is left alone.

A store giving k different values for one book gives each weight 1/k (after step 6);
ISBN-10s become ISBN-13. Ties get fair credit: 1/k when the gold answer is one of k tied winners.
The ``containment`` similarity, sim(a→b) = |a ∩ b| / |a| over name tokens, says that a
list missing co-authors supports the fuller list containing it: stores often list
only the first author(s). It is one rule for every book.

**Echo cluster** (:func:`echo_cluster`): 9 independent sources right 75 % of the time,
1 right 35 %, 10 copying it exactly, wrong values drawn from 3 per object; nothing
declared.
"""

from __future__ import annotations

import html
import random
import re
import time
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path

from benchmarks.run import _high_water, _resident
from factlog.analysis._discovery import (
    AccuCopyParams,
    Discovery,
    Support,
    Vote,
    accu_copy,
    accu_vote,
    majority,
    truth_finder,
)
from factlog.analysis._discovery._index import ValueIndex
from factlog.analysis._discovery._pairs import counted_pairs, provider_limit

__all__ = [
    "BUDGETS",
    "METHODS",
    "abbreviations",
    "accuracy",
    "book",
    "budget_report",
    "containment",
    "echo_cluster",
    "normalise_authors",
]

_MISSING = {"", "not available", "n/a", "na", "unknown", "none"}
_FILLER = frozenset(
    {
        *("by", "and", "author", "authors", "editor", "editors", "ed", "eds", "edited", "joint", "with"),
        *("translator", "translated", "illustrator", "illustrated", "foreword", "introduction", "preface"),
        *("contributor", "contributors", "compiler", "photographer", "et", "al"),
        *("jr", "sr", "ii", "iii", "phd", "dr", "mr", "mrs", "ms", "prof"),
    }
)

Method = Callable[[list[Vote], Support | None], Discovery]
METHODS: dict[str, Method] = {
    "majority": lambda votes, _support: majority(votes),
    "accuvote": lambda votes, support: accu_vote(votes, support=support),
    "accucopy": lambda votes, support: accu_copy(votes, support=support),
    "truthfinder": lambda votes, support: truth_finder(votes, support=support),
}
"""The methods side by side, each given the same votes (and the same similarity, when any)."""


def normalise_authors(raw: str) -> str | None:
    """One author list as the sorted set of its name tokens, or None when missing."""
    text = raw
    for _ in range(3):
        text = html.unescape(text)
    text = text.strip()
    if text.lower() in _MISSING:
        return None
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)).lower()
    text = re.sub(r"['’`]", "", text)
    tokens = {token for token in re.split(r"[^a-z0-9]+", text) if len(token) > 1 and token not in _FILLER}
    return " ".join(sorted(tokens)) or None


def _isbn13(code: str) -> str:
    code = code.strip().upper()
    if len(code) == 13:
        return code
    core = "978" + code[:9]
    total = sum(int(digit) * (1 if i % 2 == 0 else 3) for i, digit in enumerate(core))
    return core + str((10 - total % 10) % 10)


def abbreviations(lists: list[str]) -> dict[str, str]:
    """Token → the one longer token of ``lists`` it begins (three letters or more), for one book's lists.

    Not when the rest of the longer token is itself a token of the book: "peterallen"
    is "Peter" and "Allen" run together by a store, not a longer form of "Peter".
    """
    tokens = sorted({token for value in lists for token in value.split()})
    known = set(tokens)
    found = {}
    for token in tokens:
        if len(token) >= 3:
            longer = [other for other in tokens if other != token and other.startswith(token)]
            if len(longer) == 1 and longer[0][len(token) :] not in known:
                found[token] = longer[0]
    return found


def _expanded(value: str, names: Mapping[str, str]) -> str:
    return " ".join(sorted({names.get(token, token) for token in value.split()}))


def book(folder: Path, *, expand: bool = True) -> tuple[list[Vote], dict[str, str]]:
    """The Book votes and gold answers from ``folder`` (``book.txt``, ``book_golden.txt``), normalised as above."""
    listed: dict[tuple[str, str], set[str]] = {}
    with (folder / "book.txt").open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4:
                continue
            value = normalise_authors(parts[3])
            if value is not None:
                listed.setdefault((parts[0].strip(), _isbn13(parts[1])), set()).add(value)
    names: dict[str, dict[str, str]] = {}
    if expand:
        by_book: dict[str, list[str]] = {}
        for (_, isbn), values in listed.items():
            by_book.setdefault(isbn, []).extend(values)
        names = {isbn: abbreviations(lists) for isbn, lists in by_book.items()}
        listed = {key: {_expanded(v, names[key[1]]) for v in values} for key, values in listed.items()}
    votes = [
        Vote(isbn, value, store, 1.0 / len(values))
        for (store, isbn), values in sorted(listed.items())
        for value in sorted(values)
    ]
    gold = {}
    with (folder / "book_golden.txt").open(encoding="utf-8") as lines:
        for line in lines:
            if "\t" in line:
                isbn, authors = line.rstrip("\n").split("\t", 1)
                value = normalise_authors(authors)
                if value is not None:
                    gold[_isbn13(isbn)] = _expanded(value, names.get(_isbn13(isbn), {}))
    return votes, gold


def containment(votes: list[Vote]) -> Support:
    """sim(a→b) = the share of a's name tokens that b also lists, for answers of one book."""
    answers: dict[str, set[str]] = {}
    for vote in votes:
        answers.setdefault(vote.question, set()).add(vote.answer)
    support: dict[tuple[str, str], list[tuple[str, float]]] = {}
    for question, found in answers.items():
        tokens = {answer: set(answer.split()) for answer in found}
        for b in sorted(found):
            row = [(a, len(tokens[a] & tokens[b]) / len(tokens[a])) for a in sorted(found) if a != b]
            support[(question, b)] = [(a, s) for a, s in row if s > 0.0]
    return support


def echo_cluster(
    seed: int, *, objects: int = 240, good: int = 9, p_good: float = 0.75, p_bad: float = 0.35, copiers: int = 10
) -> tuple[list[Vote], dict[str, str]]:
    """Votes and gold answers: ``good`` sources right ``p_good``, one right ``p_bad``, ``copiers`` echo it."""
    rng = random.Random(seed)
    votes, gold = [], {}
    false = [f"false{j}" for j in range(3)]
    for i in range(objects):
        question = f"o{i:07d}"
        gold[question] = "true"
        for s in range(good):
            votes.append(Vote(question, "true" if rng.random() < p_good else rng.choice(false), f"good{s:02d}"))
        bad = "true" if rng.random() < p_bad else rng.choice(false)
        votes.append(Vote(question, bad, "bad"))
        votes.extend(Vote(question, bad, f"copier{c:02d}") for c in range(copiers))
    return votes, gold


def accuracy(result: Discovery, gold: Mapping[str, str]) -> float:
    """The share of gold answers found, with 1/k credit for a k-way tie that includes the gold answer."""
    credit = 0.0
    for question, answer in gold.items():
        found = result.questions.get(question)
        if found is not None and answer in found.winners:
            credit += 1.0 / len(found.winners)
    return credit / len(gold)


def _table(title: str, header: list[str], rows: list[list[str]]) -> str:
    lines = [f"### {title}", "", "| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _accuracy_rows(votes: list[Vote], gold: Mapping[str, str], support: Support | None) -> list[list[str]]:
    rows = []
    for name, method in METHODS.items():
        found = method(votes, support)
        ties = sum(1 for question in gold if question in found.questions and found.questions[question].tie)
        rows.append([name, f"{accuracy(found, gold):.3f}", str(ties), str(found.rounds), str(found.converged)])
    return rows


def accuracy_report(folder: Path | None, seeds: tuple[int, ...] = (20240601, 20240602, 20240603)) -> str:
    """Book (when ``folder`` holds it), the echo cluster and independent sources, every method side by side."""
    header = ["method", "accuracy", "ties", "rounds", "converged"]
    parts = []
    if folder is not None and (folder / "book.txt").exists():
        for expand, name in ((True, "abbreviations expanded"), (False, "name tokens only, steps 1–5")):
            votes, gold = book(folder, expand=expand)
            books = len({vote.question for vote in votes})
            stores = len({vote.source for vote in votes})
            parts.append(
                f"Book ({name}): {len(votes):,} votes, {stores} stores, {books:,} books, {len(gold)} gold books.\n"
            )
            parts.append(_table(f"Book ({name}), no similarity", header, _accuracy_rows(votes, gold, None)))
            support = containment(votes)
            parts.append(_table(f"Book ({name}), containment similarity", header, _accuracy_rows(votes, gold, support)))
    else:
        parts.append(f"Book: no data in {folder} (pass --truth FOLDER); skipped.\n")
    for seed in seeds:
        votes, gold = echo_cluster(seed)
        parts.append(_table(f"Echo cluster, seed {seed}, nothing declared", header, _accuracy_rows(votes, gold, None)))
    for seed in seeds:
        votes, gold = echo_cluster(seed, copiers=0)
        parts.append(_table(f"Independent sources only, seed {seed}", header, _accuracy_rows(votes, gold, None)))
    parts.append(budget_report(folder, seeds[0]))
    return "\n".join(parts)


BUDGETS = (None, 100_000, 50_000, 20_000, 10_000, 0)
"""Budgets of pairs (:attr:`AccuCopyParams.max_pairs`) the budget table tries: none, then ever fewer pairs."""


def budget_report(folder: Path | None, seed: int) -> str:
    """AccuCopy within ever smaller budgets of pairs: accuracy (rounds), on Book and on one echo cluster.

    Each cell is the accuracy and the rounds run; the header row gives, per budget, the
    most providers a value may have and the pairs kept (Σ m(m − 1)/2 over the values used).
    """
    sets: list[tuple[str, list[Vote], Mapping[str, str], Support | None]] = []
    if folder is not None and (folder / "book.txt").exists():
        for expand, name in ((True, "expanded"), (False, "tokens only")):
            votes, gold = book(folder, expand=expand)
            sets.append((f"Book, {name}, no similarity", votes, gold, None))
            sets.append((f"Book, {name}, containment", votes, gold, containment(votes)))
    echo, echo_gold = echo_cluster(seed)
    sets.append((f"Echo cluster, seed {seed}", echo, echo_gold, None))
    header = ["set", *("no budget" if budget is None else f"{budget:,}" for budget in BUDGETS)]
    rows = []
    for name, given, answers, support in sets:
        index = ValueIndex.of(given)
        limits = []
        for budget in BUDGETS:
            limit = provider_limit(index.sizes(), budget)
            kept = counted_pairs({m: n for m, n in index.sizes().items() if limit is None or m <= limit})
            limits.append(f"m ≤ {limit}, {kept:,} pairs" if limit is not None else f"all, {kept:,} pairs")
        rows.append([f"{name}: values used", *limits])
        cells = []
        for budget in BUDGETS:
            found = accu_copy(given, support=support, copy=AccuCopyParams(max_pairs=budget))
            settled = "" if found.converged else ", not converged"
            cells.append(f"{accuracy(found, answers):.3f} ({found.rounds}{settled})")
        rows.append([f"{name}: accuracy (rounds)", *cells])
    return _table("AccuCopy within a budget of pairs (`AccuCopyParams.max_pairs`)", header, rows)


def cost(method: str, size: int) -> dict[str, object]:
    """One method on ``size`` echo-cluster votes: seconds, rounds and peak RSS above the votes, per vote.

    Run it in a fresh process (``python -m benchmarks --truth-one METHOD SIZE``).
    """
    votes, _ = echo_cluster(1, objects=size // 20)
    before = _resident()
    started = time.perf_counter()
    found = METHODS[method](votes, None)
    seconds = time.perf_counter() - started
    return {
        "method": method,
        "votes": len(votes),
        "seconds": seconds,
        "rounds": found.rounds,
        "peak_per_vote": (_high_water() - before) / len(votes),
    }
