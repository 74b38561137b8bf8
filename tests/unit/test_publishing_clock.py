from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from candor_common.errors import ConfigError
from publishing.clock import build_now


def test_naive_now_is_read_in_the_site_timezone():
    assert build_now("2026-06-01T12:00", "Europe/Madrid") == datetime(
        2026, 6, 1, 12, 0, tzinfo=ZoneInfo("Europe/Madrid"))


def test_explicit_offset_is_kept():
    assert build_now("2026-06-01T12:00+00:00", "Europe/Madrid").utcoffset().total_seconds() == 0


def test_real_clock_is_timezone_aware():
    assert build_now(None, "UTC").tzinfo is not None


def test_bad_value_is_a_config_error_with_the_fix():
    with pytest.raises(ConfigError, match="PUBLISHING_NOW: 'tomorrow' is not an ISO date-time"):
        build_now("tomorrow", "UTC")
