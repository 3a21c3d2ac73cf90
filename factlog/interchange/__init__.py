"""Exports to the standards of neighbouring fields: W3C PROV-JSON and schema.org ClaimReview."""

from __future__ import annotations

from factlog.interchange._claimreview import review_url, to_claimreview
from factlog.interchange._prov import to_prov

__all__ = ["review_url", "to_claimreview", "to_prov"]
