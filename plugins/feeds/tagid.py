"""Build stable tag: URIs (RFC 4151) for feeds and entries."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote, urlsplit

# RFC 4151 allows pchar, "/" and "?" in the specific part; quote everything else.
_SPECIFIC_SAFE = "/?:@!$&'()*+,;=-._~%"


def host_of(site_url: str) -> str:
    """Return the lower-case host name of ``site_url``, without port or credentials."""
    return urlsplit(site_url).hostname or ""


def tag_uri(host: str, date: dt.date, path: str) -> str:
    """Return ``tag:{host},{YYYY-MM-DD}:{path}``.

    It depends only on the host, the post's date and its URL path, so editing
    a post's title or text never changes it.
    """
    return f"tag:{host},{date.isoformat()}:{quote(path, safe=_SPECIFIC_SAFE)}"
