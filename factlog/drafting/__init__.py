"""Drafting: a first claim set from an article's raw text, for an analyst to review.

:func:`draft` splits the text into sentences (pysbd, imported on first use), makes each
a claim with its evidence span, reads its attribution, certainty and polarity from the
cue table (:data:`factlog.drafting._cues.CUES`, printed in ``docs/draft.md``), resolves
holders against a registry, and proposes propositions where a pattern is clear. Every
drafted claim carries ``draft: true`` until the analyst reviews it; :func:`write_draft`
stores the claims and the text beside them. The layer reads model, io, analysis and
checks; nothing below it imports it.
"""

from __future__ import annotations

from factlog.drafting._draft import draft
from factlog.drafting._writing import write_draft

__all__ = ["draft", "write_draft"]
