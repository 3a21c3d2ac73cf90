"""Assessment: how much each proposition deserves to be believed, from its independent origins.

Claims about one proposition (or one functional slot) become a question; each
independent origin casts a weighted vote; a truth-discovery method turns the votes
into beliefs while learning how far to trust each source; grounded acceptance labels
the competing answers.
"""

from __future__ import annotations

from factlog.assessment._acceptance import Acceptance
from factlog.assessment._assessment import Assessment, PropositionAssessment, Status, assess
from factlog.assessment._lines import LinesAssessment, assess_lines
from factlog.assessment._questions import OriginWeight

__all__ = [
    "Acceptance",
    "Assessment",
    "LinesAssessment",
    "OriginWeight",
    "PropositionAssessment",
    "Status",
    "assess",
    "assess_lines",
]
