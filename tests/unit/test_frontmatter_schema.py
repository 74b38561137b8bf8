from pathlib import Path

import pytest

from frontmatter.schema import Rules, check_fields


def rules(tmp_path: Path, is_post: bool = True) -> Rules:
    (tmp_path / "images").mkdir(exist_ok=True)
    (tmp_path / "images" / "ok.svg").write_text("<svg/>")
    return Rules(path="content/posts/x.md", content_root=tmp_path,
                 kinds={"news": "News", "reflection": "Reflections"},
                 languages=("en", "es"), authors=("ana-ruiz", "marcus-adeyemi"),
                 roster_path="content/authors.yml", is_post=is_post)


GOOD = {"title": ("T", 1), "date": ("2025-03-14 09:00", 2), "author": ("ana-ruiz", 3),
        "kind": ("news", 4)}


def test_a_complete_post_has_no_problems(tmp_path):
    extra = {"tags": ("a, b", 5), "image": ("images/ok.svg", 6), "image_alt": ("x", 7),
             "modified": ("2025-03-15", 8), "lang": ("es", 9), "status": ("hidden", 10)}
    assert check_fields({**GOOD, **extra}, rules(tmp_path)) == []


@pytest.mark.parametrize(("changes", "field", "line", "fragment"), [
    ({"stauts": ("draft", 5)}, "stauts", 5, "Did you mean 'Status'?"),
    ({"date": ("2025-13-01", 2)}, "date", 2, "'2025-13-01' is not a date"),
    ({"date": ("14/03/2025", 2)}, "date", 2, "YYYY-MM-DD"),
    ({"author": ("ana-ruis", 3)}, "author", 3, "Did you mean 'ana-ruiz'?"),
    ({"author": ("nobody", 3)}, "author", 3, "Known authors: ana-ruiz, marcus-adeyemi"),
    ({"kind": ("newz", 4)}, "kind", 4, "Did you mean 'news'?"),
    ({"status": ("pubished", 5)}, "status", 5, "Did you mean 'published'?"),
    ({"tags": ("[a, b]", 5)}, "tags", 5, "comma-separated"),
    ({"tags": ("a,,b", 5)}, "tags", 5, "empty tag"),
    ({"lang": ("fr", 5)}, "lang", 5, "not a language of this site"),
    ({"slug": ("Hello World", 5)}, "slug", 5, "not a slug"),
    ({"modified": ("2025-03-01", 5)}, "modified", 5, "earlier than Date"),
    ({"image": ("images/missing.svg", 5), "image_alt": ("x", 6)}, "image", 5, "no file"),
    ({"image": ("images/ok.svg", 5)}, "image", 5, "text alternative"),
    ({"title": ("", 1)}, "title", 1, "is empty"),
])
def test_each_bad_value_names_field_line_and_fix(tmp_path, changes, field, line, fragment):
    problems = check_fields({**GOOD, **changes}, rules(tmp_path))
    assert len(problems) == 1, problems
    problem = problems[0]
    assert (problem.field, problem.line) == (field, line)
    assert fragment in str(problem)
    assert str(problem).startswith(f"content/posts/x.md:{line}: {field}: ")


@pytest.mark.parametrize("missing", ["title", "date", "kind", "author"])
def test_required_fields_are_required(tmp_path, missing):
    values = {k: v for k, v in GOOD.items() if k != missing}
    problems = check_fields(values, rules(tmp_path))
    assert [p.field for p in problems] == [missing]
    assert "is missing" in str(problems[0])


def test_page_template_must_exist_in_the_theme(tmp_path):
    page_rules = rules(tmp_path, is_post=False)
    page_rules = type(page_rules)(**{**page_rules.__dict__, "templates": ("page", "wide")})
    assert check_fields({"title": ("A", 1), "template": ("wide", 2)}, page_rules) == []
    problems = check_fields({"title": ("A", 1), "template": ("wid", 2)}, page_rules)
    assert "the theme has no template 'wid'. Use one of: page, wide" in str(problems[0])


def test_pages_refuse_post_only_fields(tmp_path):
    problems = check_fields({"title": ("About", 1), "kind": ("news", 2)},
                            rules(tmp_path, is_post=False))
    assert [p.field for p in problems] == ["kind"]
    assert "pages do not take this field" in str(problems[0])
