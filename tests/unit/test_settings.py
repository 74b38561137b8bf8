import re

import pytest

from candor_common.errors import ConfigError, Problem
from candor_common.settings import apply_defaults, require_count


def test_defaults_fill_only_missing_keys_and_keep_user_values():
    user_kinds = {"news": "News"}
    settings = {"FRONTMATTER_KINDS": user_kinds}
    apply_defaults(settings, "FRONTMATTER_", {"FRONTMATTER_KINDS": {}, "FRONTMATTER_X": 1})
    assert settings == {"FRONTMATTER_KINDS": {"news": "News"}, "FRONTMATTER_X": 1}
    assert settings["FRONTMATTER_KINDS"] is user_kinds


def test_unknown_prefixed_key_suggests_the_closest_name():
    expected = "FEEDS_MAX_ITEM: unknown setting. did you mean FEEDS_MAX_ITEMS?"
    with pytest.raises(ConfigError, match=re.escape(expected)):
        apply_defaults({"FEEDS_MAX_ITEM": 3}, "FEEDS_", {"FEEDS_MAX_ITEMS": 50})


def test_problem_reads_as_file_line_field_problem_fix():
    text = str(Problem("content/a.md", 3, "date", "'x' is not a date.", "Write YYYY-MM-DD"))
    assert text == "content/a.md:3: date: 'x' is not a date. Write YYYY-MM-DD."


@pytest.mark.parametrize("value", [0, -3, "50", True, 2.5, None])
def test_a_count_must_be_a_whole_number_of_one_or_more(value):
    expected = f"QA_DIGEST_TOP: expected a whole number of 1 or more, got {value!r}. "
    with pytest.raises(ConfigError, match=re.escape(expected + "Set it to e.g. 3.")):
        require_count({"QA_DIGEST_TOP": value}, "QA_DIGEST_TOP", 3)
    require_count({"QA_DIGEST_TOP": 1}, "QA_DIGEST_TOP", 3)
