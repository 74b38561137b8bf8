from pathlib import Path

import pytest

from candor_common.errors import RosterError
from roster.load import load_roster

GOOD = """\
authors:
  - slug: ana-ruiz
    name: Ana Ruiz
    role: CEO
    bio: Co-founder.
    photo: ana.svg
    photo_alt: Portrait
    links:
      - label: Mastodon
        url: https://social.example/@ana
"""


def load(tmp_path: Path, text: str):
    (tmp_path / "ana.svg").write_text("<svg/>")
    path = tmp_path / "authors.yml"
    path.write_text(text)
    return load_roster(path, tmp_path, "content/authors.yml")


def test_good_roster_loads_every_field(tmp_path):
    ana = load(tmp_path, GOOD)["ana-ruiz"]
    assert (ana.name, ana.role, ana.photo, ana.links[0].label) == (
        "Ana Ruiz", "CEO", "ana.svg", "Mastodon")


@pytest.mark.parametrize(("edit", "expected"), [
    (("role: CEO", "rol: CEO"), "content/authors.yml:4: rol: unknown field. Did you mean 'role'?"),
    (("bio: Co-founder.", "bio:"), "content/authors.yml:5: bio: is missing or empty"),
    (("photo: ana.svg", "photo: nope.svg"), "content/authors.yml:6: photo: no file 'nope.svg'"),
    (("slug: ana-ruiz", "slug: Ana Ruiz"), "content/authors.yml:2: slug: 'Ana Ruiz' is not a slug"),
    (("https://social", "ftp://social"), "content/authors.yml:9: links: each link needs"),
    (("name: Ana Ruiz", "name: [Ana"), "content/authors.yml:4: YAML: invalid syntax"),
])
def test_each_problem_names_line_and_field(tmp_path, edit, expected):
    with pytest.raises(Exception) as caught:
        load(tmp_path, GOOD.replace(*edit))
    assert expected in str(caught.value)


def test_duplicate_slug_is_an_error(tmp_path):
    doubled = GOOD + GOOD.split("\n", 1)[1]
    with pytest.raises(RosterError, match="'ana-ruiz' appears twice"):
        load(tmp_path, doubled)


def test_missing_file_says_how_to_create_it(tmp_path):
    with pytest.raises(RosterError, match="the authors roster is missing"):
        load_roster(tmp_path / "none.yml", tmp_path, "content/authors.yml")
