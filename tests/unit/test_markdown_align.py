"""Table alignment becomes a class: no inline style (CSP) and no obsolete align attribute."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

TABLE = "| Left | Middle | Right |\n|:-----|:------:|------:|\n| a | b | c |\n"


def cells(html: str) -> list[dict[str, object]]:
    return [dict(cell.attrs) for cell in BeautifulSoup(html, "html.parser").find_all(["th", "td"])]


def test_without_the_extension_markdown_writes_obsolete_attributes():
    html = markdown.markdown(TABLE, extensions=["tables"],
                             extension_configs={"tables": {"use_align_attribute": True}})
    assert {"align": "center"} in cells(html)


def test_alignment_arrives_as_a_class():
    for config in ({"use_align_attribute": True}, {}):
        html = markdown.markdown(TABLE, extensions=["tables", "candor_common.markdown_align"],
                                 extension_configs={"tables": config})
        found = cells(html)
        assert found[:3] == [{"class": ["align-left"]}, {"class": ["align-center"]},
                             {"class": ["align-right"]}]
        assert "style=" not in html
        assert "align=" not in html
