"""QA_PERIODIC_* settings: defaults merged, bad values and misspellings stop the build."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest
from qa_periodic.receivers import DEFAULTS, check_settings

from candor_common.errors import BuildAborted


def run(**settings):
    pelican = SimpleNamespace(settings=dict(settings))
    check_settings(pelican)
    return pelican.settings


def test_defaults_are_merged_without_touching_user_values():
    settings = run(QA_PERIODIC_PERIOD="month")
    assert settings["QA_PERIODIC_PERIOD"] == "month"
    assert settings["QA_PERIODIC_URL"] == DEFAULTS["QA_PERIODIC_URL"] == "qa/digests/"


@pytest.mark.parametrize(("settings", "message"), [
    ({"QA_PERIODIC_PERIODE": "week"}, "did you mean QA_PERIODIC_PERIOD?"),
    ({"QA_PERIODIC_PERIOD": "fortnight"}, "expected 'week' or 'month'"),
    ({"QA_PERIODIC_LIMIT": 0}, "QA_PERIODIC_LIMIT: expected a whole number"),
    ({"QA_PERIODIC_EMAIL": "yes"}, "QA_PERIODIC_EMAIL: expected True or False"),
    ({"QA_PERIODIC_URL": "/"}, "QA_PERIODIC_URL: must name a folder"),
])
def test_bad_settings_stop_the_build_with_a_fix(settings, message, caplog):
    with caplog.at_level(logging.ERROR), pytest.raises(BuildAborted):
        run(**settings)
    assert message in caplog.text
    assert "qa_periodic: pelicanconf:" in caplog.text
