"""The claim log's records in force, read within an append's transaction for its check.

:class:`StoreReader` reads what :mod:`factlog.io._logcheck` needs and no more: the
predicates (a few rows), the claims of some predicates, some sources or entities by key
(found by their text or key in SQL, then read), whether any claim held words for a
``when``, and, only when words must be resolved against it, the whole claim set as a
replay would make it.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from factlog.errors import FormatError
from factlog.io._logrecords import Record, stored_body, structure
from factlog.model._claimset import ClaimSet, read_claim_set_of
from factlog.model._nouns import Claim, Entity, Predicate, Source
from factlog.model._vocabulary import fold

__all__ = ["FOLDING_TO_ASCII", "SECTIONS", "StoreReader", "loosened", "words_of"]

SECTIONS = {
    "entity": "entities",
    "predicate": "predicates",
    "source": "sources",
    "claim": "claims",
    "acknowledgement": "acknowledged",
}
"""Each record kind, and the section of a claim set that holds it."""
_WORDS = re.compile(r'"when":"(?:[^"\\]|\\.)*[A-Za-z]')
"""A ``when`` with a letter in a claim's JSON: words, or (rarely) a date with a letter; never missed."""
_CHUNK = 500
"""Values bound in one statement at most (SQLite's own bound was 999 before version 3.32)."""


class StoreReader:
    """The store's records in force, read within the append's transaction: all of them, or up to record ``last``."""

    def __init__(self, connection: sqlite3.Connection, last: int, store: str = "") -> None:
        self.connection = connection
        self.last = last
        self.store = store
        self._states: dict[int | None, ClaimSet] = {}

    def _in_force(
        self, kind: str, condition: str, arguments: Sequence[Any], limit: int | None = None
    ) -> list[tuple[int, str]]:
        """(seq, JSON body) of the records of a kind in force (their latest version a definition) that match.

        With ``limit``, in force up to record ``limit`` (before the append: :attr:`last`).
        """
        bound = "" if limit is None else f" AND seq <= {int(limit)}"
        query = (
            f"SELECT r.seq, r.body FROM records r WHERE r.kind = ? AND r.action = 'define'{condition}"
            f" AND r.seq = (SELECT MAX(seq) FROM records WHERE kind = r.kind AND record_key = r.record_key{bound})"
        )
        rows: list[tuple[int, str]] = self.connection.execute(query, [kind, *arguments]).fetchall()
        return rows

    def predicates(self, limit: int | None) -> dict[str, Predicate]:
        """The predicates in force (up to record ``limit``), in the order a replay gives them."""
        found: dict[str, Predicate] = self._replayed(limit, "predicate")["predicate"]
        return found

    def _replayed(self, limit: int | None, kind: str | None = None) -> dict[str, dict[str, Any]]:
        """Kind → key → record in force, in a replay's order (:meth:`ClaimLog._state`), only those read."""
        query = "SELECT seq, kind, record_key, action, body FROM records WHERE seq <= ?"
        values: list[Any] = [self.last if limit is None else limit]
        if limit is None:
            query, values = "SELECT seq, kind, record_key, action, body FROM records WHERE 1", []
        if kind is not None:
            query, values = query + " AND kind = ?", [*values, kind]
        rows: dict[str, dict[str, tuple[int, str]]] = {name: {} for name in SECTIONS}
        for seq, found, key, action, body in self.connection.execute(query + " ORDER BY seq", values):
            if found not in rows or action not in ("define", "retract"):
                raise FormatError(
                    [f"{self._where(seq)}: damaged store: unknown record kind {found!r} or action {action!r}"]
                )
            if action == "retract":
                rows[found].pop(key, None)
            else:
                rows[found][key] = (seq, body)
        return {
            found: {key: self._record(body, found, seq) for key, (seq, body) in items.items()}
            for found, items in rows.items()
        }

    def _where(self, seq: int) -> str:
        return f"{self.store}: record {seq}" if self.store else f"record {seq}"

    def _body(self, body: str, seq: int) -> dict[str, Any]:
        """A stored record's JSON body; a FormatError naming the store and the record when it is damaged."""
        return stored_body(body, self._where(seq))

    def _record(self, body: str, kind: str, seq: int) -> Record:
        return structure(self._body(body, seq), kind, self._where(seq))

    def _chunked(
        self, kind: str, clause: str, values: Sequence[str], limit: int | None = None
    ) -> list[tuple[int, str]]:
        """:meth:`_in_force` for a clause over many values (``{}`` stands for their placeholders), some at a time.

        SQLite bounds the parameters of one statement (999 before version 3.32).
        """
        rows: list[tuple[int, str]] = []
        for start in range(0, len(values), _CHUNK):
            chunk = values[start : start + _CHUNK]
            rows.extend(self._in_force(kind, clause.format(", ".join("?" * len(chunk))), chunk, limit))
        return rows

    def claims_using(self, names: Iterable[str]) -> list[Claim]:
        """The claims in force whose proposition's predicate is one of ``names``: found by their text, then read."""
        wanted = sorted(names)
        needles = [f'"predicate":{json.dumps(name, ensure_ascii=False)}' for name in wanted]
        rows: dict[int, str] = {}
        for start in range(0, len(needles), _CHUNK):
            chunk = needles[start : start + _CHUNK]
            condition = " AND (" + " OR ".join("instr(r.body, ?) > 0" for _ in chunk) + ")"
            rows.update(self._in_force("claim", condition, chunk))
        found = [self._record(body, "claim", seq) for seq, body in sorted(rows.items())]
        return [
            claim
            for claim in found
            if isinstance(claim, Claim) and claim.proposition is not None and claim.proposition.predicate in wanted
        ]

    def sources(self, ids: Iterable[str], limit: int | None = None) -> list[Source]:
        """The sources in force (up to record ``limit``) of these ids."""
        rows = self._chunked("source", " AND r.record_key IN ({})", sorted(set(ids)), limit)
        found = [self._record(body, "source", seq) for seq, body in rows]
        return [source for source in found if isinstance(source, Source)]

    def claims(self, ids: Iterable[str], limit: int | None = None) -> list[Claim]:
        """The claims in force (up to record ``limit``) of these ids."""
        rows = self._chunked("claim", " AND r.record_key IN ({})", sorted(set(ids)), limit)
        found = [self._record(body, "claim", seq) for seq, body in rows]
        return [claim for claim in found if isinstance(claim, Claim)]

    def entities(self, ids: Iterable[str], limit: int | None = None) -> list[Entity]:
        """The entities in force (up to record ``limit``) of these ids."""
        rows = self._chunked("entity", " AND r.record_key IN ({})", sorted(set(ids)), limit)
        found = [self._record(body, "entity", seq) for seq, body in rows]
        return [entity for entity in found if isinstance(entity, Entity)]

    def bearing(self, kind: str, forms: Iterable[str], limit: int | None = None) -> list[Record]:
        """The records of a kind in force (up to record ``limit``) whose text may bear one of these folded names.

        A record bears a name as written (``North Korea``, ``north-korea``, ``NORTH KOREA``):
        each word of its folded form is in its text as :func:`fold` sees it. SQL keeps
        the texts that hold every ASCII word of a name in any case (any character beyond
        ASCII for a name of none), or one of the few characters beyond ASCII that fold to
        ASCII (``K`` to ``k``, ``ß`` to ``ss``); only those are looked at in Python,
        and only those that pass are read. In the order a replay gives them (the order
        each was first appended).
        """
        wanted = [words for words in map(words_of, sorted(set(forms))) if words]
        rows: dict[int, str] = {}
        beyond = "length(r.body) != length(CAST(r.body AS BLOB))"  # a character beyond ASCII: a blob's length is kept
        folding = " OR ".join("instr(r.body, ?) > 0" for _ in FOLDING_TO_ASCII)
        for start in range(0, len(wanted), _CHUNK):
            clauses: list[str] = []
            values: list[str] = []
            for words in wanted[start : start + _CHUNK]:
                plain = [word for word in words if word.isascii()]
                if plain:  # LIKE ignores the case of ASCII letters
                    clauses.append("(" + " AND ".join("r.body LIKE ? ESCAPE '\\'" for _ in plain) + ")")
                    values.extend(
                        "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" for word in plain
                    )
                else:  # a text that bears it holds a character beyond ASCII
                    clauses.append(beyond)
            clauses.append(f"({beyond} AND ({folding}))")
            values.extend(FOLDING_TO_ASCII)
            rows.update(self._in_force(kind, f" AND ({' OR '.join(clauses)})", values, limit))
        found: list[Record] = []
        for seq, body in rows.items():
            text = loosened(body)
            if any(all(word in text for word in words) for words in wanted):
                found.append(self._record(body, kind, seq))
        if len(found) > 1:
            first = self._first_seqs(kind, [str(getattr(record, "id", "")) for record in found])
            found.sort(key=lambda record: first[str(getattr(record, "id", ""))])
        return found

    def _first_seqs(self, kind: str, keys: Sequence[str]) -> dict[str, int]:
        """The seq each record of these keys was first appended at (entities, predicates and sources replay in it)."""
        found: dict[str, int] = {}
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            query = f"SELECT record_key, MIN(seq) FROM records WHERE kind = ? AND record_key IN ({marks})"
            query += " GROUP BY record_key"
            found.update(self.connection.execute(query, [kind, *chunk]).fetchall())
        return found

    def names_an_event(self, names: set[str]) -> bool:
        """Whether one of ``names`` (as claims write them) may be an event in force (see ``events_of``).

        Ids are lowercase and resolve before any alias or name (``Vocabulary.of``), so a name
        that is an entity's id is looked up by its key; any other means reading every event's names.
        """
        wanted = sorted(names)
        entities = [self._body(body, seq) for seq, body in self._chunked("entity", " AND r.record_key IN ({})", wanted)]
        found = {str(entity.get("id")): entity.get("kind") for entity in entities}
        if any(kind == "event" for kind in found.values()):
            return True
        rest = [name for name in wanted if name not in found]
        if not rest:
            return False
        forms = self.event_forms()
        return any(name in forms or fold(name) in forms for name in rest)

    def event_forms(self) -> set[str]:
        """The folded ids, aliases and names of the events in force."""
        forms: set[str] = set()
        for seq, body in self._in_force("entity", " AND instr(r.body, ?) > 0", ['"kind":"event"']):
            entity = self._body(body, seq)  # read as JSON, not made an Entity: only the names are wanted
            if entity.get("kind") == "event":
                forms.update(fold(name) for name in (entity["id"], entity["name"], *entity.get("aliases", ())))
        return forms

    def held_words(self) -> bool:
        """Whether a claim record (any version) before the append may have a ``when`` in words: a scan of the text."""
        rows = self.connection.execute(
            "SELECT body FROM records WHERE kind = 'claim' AND seq <= ? AND instr(body, ?) > 0", [self.last, '"when":"']
        )
        return any(_WORDS.search(body) for (body,) in rows)

    def held(self, claims: Iterable[str]) -> set[str]:
        """Those of these claim ids that the store held (in force) before the append."""
        rows = self._chunked("claim", " AND r.record_key IN ({})", sorted(set(claims)), self.last)
        return {str(self._body(body, seq).get("id")) for seq, body in rows}

    def appended_at(self, key: str, kind: str = "claim") -> str:
        """When the latest version of a record before the append was appended (UTC text); ``?`` if none."""
        row = self.connection.execute(
            "SELECT t.at FROM records r JOIN transactions t ON t.id = r.txn"
            " WHERE r.kind = ? AND r.record_key = ? AND r.seq <= ? ORDER BY r.seq DESC LIMIT 1",
            (kind, key, self.last),
        ).fetchone()
        return "?" if row is None else str(row[0])

    def state(self, limit: int | None) -> ClaimSet:
        """The claim set of the records in force (up to record ``limit``), unchecked: a replay's input."""
        if limit not in self._states:
            found = self._replayed(limit)
            sections = {SECTIONS[kind]: tuple(items.values()) for kind, items in found.items()}
            self._states[limit] = read_claim_set_of(sections, {}, unique=tuple(sections))
        return self._states[limit]


FOLDING_TO_ASCII = "\u00df\u0130\u0149\u017f\u037e\u1e9a\u1e9e\u1fef\u212a\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"
"""The characters beyond ASCII that :func:`fold` turns into some ASCII: ``ß``, ``İ``, ``ŉ``, ``ſ``, the Greek
question mark, ``ẚ``, ``ẞ``, the Greek varia, the Kelvin sign, the ligatures ``ﬀ`` to ``ﬆ``; the
basic multilingual plane holds them all (the scripts beyond it with case fold within themselves),
and a test checks the list against every character of it."""


def loosened(text: str) -> str:
    """Text as :func:`fold` sees it before it joins words with hyphens: a name's folded words stand in it."""
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())
    return folded.replace("i\u0307", "i")


def words_of(form: str) -> list[str]:
    """The words of a folded name as they stand in a record's JSON text (escaped as JSON escapes them)."""
    return [json.dumps(word, ensure_ascii=False)[1:-1] for word in form.split("-") if word]
