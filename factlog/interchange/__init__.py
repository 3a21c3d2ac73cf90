"""Exports to the standards of neighbouring fields: W3C PROV-JSON and schema.org ClaimReview."""

from __future__ import annotations

from factlog.interchange._exports import to_claimreview, to_prov

__all__ = ["to_claimreview", "to_prov"]
