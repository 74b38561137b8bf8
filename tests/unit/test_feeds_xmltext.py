"""Characters XML 1.0 forbids are stripped; everything else survives."""

from __future__ import annotations

import pytest
from lxml import etree

from feeds.xmltext import strip_illegal_xml


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("plain title", "plain title"),
        ("vertical\x0btab", "verticaltab"),
        ("form\x0cfeed and \x00nul and \x1fus", "formfeed and nul and us"),
        ("bell\x07\x08", "bell"),
        ("lone \ud800 surrogate \udfff", "lone  surrogate "),
        ("non\ufffe-characters\uffff", "non-characters"),
        ("keeps\ttab\nnewline\rreturn", "keeps\ttab\nnewline\rreturn"),
        ("keeps ]]> and <b> & é 🚀 \u2028", "keeps ]]> and <b> & é 🚀 \u2028"),
    ],
)
def test_strip_illegal_xml(raw: str, clean: str) -> None:
    assert strip_illegal_xml(raw) == clean


def test_stripped_text_is_accepted_by_lxml() -> None:
    raw = "Title \x0b with ]]> and \x01 control \ud83d"
    element = etree.Element("title")
    with pytest.raises(ValueError, match=r"XML compatible|surrogates not allowed"):
        element.text = raw
    element.text = strip_illegal_xml(raw)
    assert etree.fromstring(etree.tostring(element)).text == "Title  with ]]> and  control "
