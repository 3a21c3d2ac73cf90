from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", deadline=None, derandomize=True, max_examples=60, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", deadline=None, max_examples=2000, suppress_health_check=list(HealthCheck))
# Derandomised by default, so a run of `make test` is the same run everywhere; HYPOTHESIS_PROFILE=dev explores at
# random and HYPOTHESIS_PROFILE=long searches harder (see docs/contributing.md).
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
