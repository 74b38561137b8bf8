"""Make any string safe to put in an XML 1.0 document."""

from __future__ import annotations

import re

# Everything XML 1.0 forbids: C0 controls except tab, newline and carriage
# return; lone surrogates; U+FFFE and U+FFFF.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def strip_illegal_xml(text: str) -> str:
    """Return ``text`` without the characters XML 1.0 cannot carry."""
    return _ILLEGAL_XML.sub("", text)
