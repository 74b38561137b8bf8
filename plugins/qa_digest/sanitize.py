"""Turn untrusted Markdown into safe HTML, once, at load time."""

from __future__ import annotations

import re

import nh3
from markdown import Markdown
from markupsafe import Markup

ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "code", "pre", "blockquote", "ul", "ol",
                "li", "a", "hr", "del", "sup", "sub"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Phone-like runs: an optional +, then 8 or more digits with spaces, dots, dashes or
# brackets between them. Years, amounts and dates are shorter or shaped otherwise.
PHONE_RE = re.compile(r"(?<![\w/])\+?\(?\d(?:[\s().-]*\d){7,}(?![\w/])")
EMAIL_MASK = "[email removed]"
PHONE_MASK = "[phone removed]"


DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")


def _mask_phone(match: re.Match[str]) -> str:
    found = match.group(0)
    digits = sum(ch.isdigit() for ch in found)
    groups = re.findall(r"\d+", found)
    years = all(len(g) == 4 and g[:2] in ("19", "20") for g in groups)
    # Dates, runs of years, and numbers that end one sentence and start the next
    # ("2026. 2027") are not phone numbers.
    if DATE_RE.search(found) or years or digits < 9 or ". " in found:
        return found
    return PHONE_MASK


def mask_personal_data(text: str) -> str:
    """Replace e-mail addresses and phone numbers in ``text`` with a visible mask."""
    return PHONE_RE.sub(_mask_phone, EMAIL_RE.sub(EMAIL_MASK, text))


def clean_html(html: str) -> str:
    """Keep only allow-listed tags, attributes and URL schemes (nh3, an allow-list)."""
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=URL_SCHEMES, link_rel="nofollow noopener ugc",
                     strip_comments=True)


_MARKDOWN = Markdown(extensions=["sane_lists"], output_format="html")


def render_reader_markdown(text: str) -> Markup:
    """Render reader or executive Markdown to sanitized HTML, masking personal data."""
    _MARKDOWN.reset()
    html = _MARKDOWN.convert(mask_personal_data(text))
    return Markup(clean_html(html))  # noqa: S704 - nh3 output, allow-listed


def plain_text(text: str) -> str:
    """Return ``text`` with personal data masked, for fields shown as plain text."""
    return mask_personal_data(" ".join(str(text).split()))
