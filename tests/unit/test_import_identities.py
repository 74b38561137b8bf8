"""Executives' accounts per comment system, from the identities file and options."""

from __future__ import annotations

import pytest

from candor_tools.qa_import.errors import ImportOptionError
from candor_tools.qa_import.identities import load_identities

ROSTER = frozenset({"ana-ruiz", "marcus-adeyemi"})


def test_accounts_are_read_per_system_case_insensitively(tmp_path):
    path = tmp_path / "qa-identities.yml"
    path.write_text("ana-ruiz:\n  disqus: [AnaRuiz, ana2]\n  github: ana-gh\n"
                    "marcus-adeyemi:\n  disqus: marcus\n", encoding="utf-8")
    found = load_identities(path, "qa-identities.yml", "disqus", ROSTER,
                            ["marcus-adeyemi=mad"])
    assert found.executive(["anaruiz"]) == "ana-ruiz"
    assert found.executive(["someone", "ANA2"]) == "ana-ruiz"
    assert found.executive(["MAD"]) == "marcus-adeyemi"
    assert found.executive(["ana-gh"]) is None  # a GitHub login, not a Disqus one


def test_a_missing_file_means_no_identities(tmp_path):
    assert load_identities(tmp_path / "none.yml", "none.yml", "disqus", ROSTER).accounts == {}


@pytest.mark.parametrize(("text", "extra", "message"), [
    ("ana:\n  disqus: x\n", [], "'ana' is not in the authors roster"),
    ("ana-ruiz:\n  disquss: x\n", [], "'disquss' is not a comment system"),
    ("ana-ruiz: x\n", [], "expected 'system: account' lines"),
    ("ana-ruiz: [\n", [], r"qa-identities.yml:2: cannot be read as YAML"),
    ("", ["ana-ruiz"], "write it as SLUG=ACCOUNT"),
])
def test_mistakes_are_explained(tmp_path, text, extra, message):
    path = tmp_path / "qa-identities.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportOptionError, match=message):
        load_identities(path, "qa-identities.yml", "disqus", ROSTER, extra)
