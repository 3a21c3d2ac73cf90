"""The stored documents of an index's sources: read once, decoded once, quotes found once."""

from __future__ import annotations

from pathlib import Path

from factlog.analysis._quotes import QuoteMatch, find_quote
from factlog.errors import FormatError, InputError
from factlog.io._files import read_regular
from factlog.io._parsing import DEFAULT_LIMITS
from factlog.model._claimset import ClaimSet
from factlog.model._folders import shown
from factlog.model._nouns import Evidence

__all__ = ["Documents"]


class Documents:
    """What :class:`~factlog.analysis.Index` does with the documents of sources (a base holding no fields)."""

    __slots__ = ()
    claims: ClaimSet
    _documents: dict[str, tuple[bytes | None, str | None]]
    _texts: dict[str, str | None]
    _quotes: dict[tuple[str, str, int | None], QuoteMatch]

    def quote(self, evidence: Evidence) -> QuoteMatch | None:
        """Where a quote stands in its source's stored document; None without a readable document.

        A span written by hand is taken as given (``quote_mismatch`` checks it); a quote
        without one is looked for (:func:`factlog.find_quote`). The stored evidence is not
        changed. Raises nothing: a document that cannot be read gives None (the reason is in
        :meth:`document`).
        """
        if evidence.start is not None and evidence.end is not None:
            return QuoteMatch((evidence.start, evidence.end), ((evidence.start, evidence.end),))
        text = self.text(evidence.source)
        if text is None:
            return None
        key = (evidence.source, evidence.quote, evidence.occurrence)
        found = self._quotes.get(key)
        if found is None:
            found = self._quotes[key] = find_quote(text, evidence.quote, evidence.occurrence)
        return found

    def text(self, source: str) -> str | None:
        """A source's stored document decoded as UTF-8 (undecodable bytes replaced), or None; raises nothing."""
        if source not in self._texts:
            data, _ = self.document(source)
            self._texts[source] = None if data is None else data.decode("utf-8", errors="replace")
        return self._texts[source]

    def document(self, source: str) -> tuple[bytes | None, str | None]:
        """The bytes of a source's document, or None and the reason it cannot be read.

        The path must stay inside the folder of the file that defines the source. Raises
        nothing: ``(bytes, None)``, ``(None, reason)`` for a document outside that folder,
        missing, unreadable or over :data:`DEFAULT_LIMITS`, ``(None, None)`` for a source
        without a document (or an unknown source).
        """
        if source not in self._documents:
            self._documents[source] = self._read(source)
        return self._documents[source]

    def _read(self, source: str) -> tuple[bytes | None, str | None]:
        path = self.claims.document_path(source)
        if path is None:
            return None, None
        held = self.claims.bases.get(source, ".")
        name = str(Path(shown(held)) / path.relative_to(held))  # the document's name as the source gives it
        base = Path(held).resolve()
        resolved = path.resolve()
        if not resolved.is_relative_to(base):
            return None, f"document {name} lies outside {base}"
        try:
            return read_regular(resolved, DEFAULT_LIMITS, name=name), None
        except InputError as error:
            return None, f"cannot read document {error}"
        except FormatError as error:
            return None, f"cannot read document {error.errors[0]}"
