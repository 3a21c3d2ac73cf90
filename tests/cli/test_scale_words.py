"""A certainty written in words no scale member is called: the error says what it most likely means."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import Certainty, Likelihood, Polarity
from tests.helpers import claim, run, world


def _not_a_certainty(likelihood: Likelihood) -> bool:
    try:
        Certainty.parse(likelihood.value)
    except factlog.ScaleError:
        return True
    return False  # "likely" is also a certainty word: probable


@given(st.sampled_from(list(Likelihood)).filter(_not_a_certainty))
def test_a_likelihood_written_as_a_certainty_is_told_its_certainty(likelihood: Likelihood) -> None:
    """An ICD 203 likelihood ("very likely") given as a certainty: the error names the certainty of the same words."""
    with pytest.raises(factlog.ScaleError) as refused:
        Certainty.parse(likelihood.value)
    factuality = likelihood.factuality
    told = f"{likelihood.value!r} is a likelihood (ICD 203): as a certainty it is {factuality.certainty.value!r}"
    assert told in str(refused.value)
    assert str(refused.value).endswith(", with polarity 'denied'") is (factuality.polarity is Polarity.DENIED)


def test_a_slip_of_the_keyboard_is_offered_the_word_meant() -> None:
    """'probabel': did you mean 'probable'? ('sure', near no word, is offered nothing)."""
    with pytest.raises(factlog.ScaleError, match=r"; did you mean 'probable'\?$"):
        Certainty.parse("probabel")
    with pytest.raises(factlog.ScaleError, match=r"\(or a documented synonym\)$"):
        Certainty.parse("sure")


def test_a_file_with_very_likely_as_its_certainty_is_told_the_certainty(tmp_path: Path) -> None:
    """certainty "very likely" in a claims file: the error line names the path and the certainty to write."""
    document = json.loads(factlog.dumps(world(claim("a"))))
    document["claims"][0]["certainty"] = "very likely"
    path = tmp_path / "claims.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    ran = run("validate", str(path))
    assert ran.returncode == 3
    assert ran.stderr.splitlines()[0] == (
        f"error: {path}: $.claims[0].certainty: expected one of uncommitted, possible, probable, certain,"
        " got 'very likely'; 'very likely' is a likelihood (ICD 203): as a certainty it is 'probable'"
    )
