"""Add the preview's reload script to an HTML page as it is served (never to output/)."""

from __future__ import annotations

import re

PREFIX = "/__candor_preview/"
# Same-origin files: the theme's production CSP (script-src, style-src and
# connect-src 'self') allows them; no inline script, no nonce to manage.
TAG = f'<script src="{PREFIX}livereload.js" defer></script>'.encode()
_HEAD_END = re.compile(rb"</head\s*>", re.IGNORECASE)
_BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)


def with_reload_script(html: bytes) -> bytes:
    """Return ``html`` with the reload script before ``</head>`` (or ``</body>``, or at the end)."""
    for pattern in (_HEAD_END, _BODY_END):
        found = pattern.search(html)
        if found:
            return html[:found.start()] + TAG + html[found.start():]
    return html + TAG
