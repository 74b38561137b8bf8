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


def new_markdown() -> Markdown:
    """Return the Markdown converter of reader text, with every inline pattern."""
    return Markdown(extensions=["sane_lists"], output_format="html")


# Python-Markdown's inline patterns that cannot match a text containing none of
# these strings: each one's regular expression needs one of them (a tab or a
# carriage return can become the two spaces of a line break). Trying every
# pattern on every piece of text is a good part of a conversion's time, so a
# text is converted without the patterns it cannot use: the same HTML
# (tests/unit/test_qa_speed_markdown.py compares). Other patterns are always kept.
INLINE_TRIGGERS: dict[str, tuple[str, ...]] = {
    "backtick": ("`",), "escape": ("\\",),
    "reference": ("[",), "link": ("[",), "short_reference": ("[",),
    "image_link": ("!",), "image_reference": ("!",), "short_image_ref": ("!",),
    "autolink": ("<",), "automail": ("<",), "html": ("<",),
    "linebreak": ("  ", "\t", "\r"), "entity": ("&",), "em_strong": ("*", "_"),
}
_TRIGGERS = tuple(sorted({t for triggers in INLINE_TRIGGERS.values() for t in triggers}))
_CONVERTERS: dict[tuple[bool, ...], Markdown] = {}


def markdown_for(text: str) -> Markdown:
    """Return a converter for ``text``: without the inline patterns it cannot match."""
    present = tuple(trigger in text for trigger in _TRIGGERS)
    converter = _CONVERTERS.get(present)
    if converter is None:
        found = {t for t, here in zip(_TRIGGERS, present, strict=True) if here}
        converter = _CONVERTERS[present] = new_markdown()
        for name, triggers in INLINE_TRIGGERS.items():
            if found.isdisjoint(triggers):
                converter.inlinePatterns.deregister(name, strict=False)
    return converter


# Characters that make a text more than plain paragraphs wherever they are: Markdown
# syntax (code, escapes, emphasis, links, HTML, entities), what its HTML escapes
# (``<``, ``>``, ``&``), what it rewrites (tabs, carriage returns) and its own
# placeholders (STX, ETX).
_NOT_PLAIN = re.compile(r"[`\\*_\[\]<>&\t\r\x02\x03]")
# Besides letters, what a plain paragraph's line may start with (quotes, brackets).
_PLAIN_LEADS = frozenset("\"'“‘«(¿¡")


def plain_paragraphs(text: str) -> str | None:
    """Return the HTML Python-Markdown makes of ``text`` if the text is plain
    paragraphs, else None (convert it with Markdown).

    Plain: none of ``_NOT_PLAIN``'s characters; every line either blank (empty or
    spaces, not the first) or starting with a letter, a quote or a bracket (no
    list, heading, quote, rule, code block or setext underline can start there)
    and not ending in white space (no line break). Most readers' questions are
    such prose; Markdown's output for them is each paragraph's lines in ``<p>``,
    and converting them is most of a question's load time.
    ``tests/unit/test_qa_speed_markdown.py`` compares with Markdown on
    generated texts.
    """
    if text[:1] == " " or _NOT_PLAIN.search(text):
        return None
    paragraphs: list[str] = []
    lines: list[str] = []
    for line in text.split("\n"):
        if not line.strip(" "):
            if lines:
                paragraphs.append("\n".join(lines))
                lines = []
            continue
        if not (line[0].isalpha() or line[0] in _PLAIN_LEADS) or line[-1].isspace():
            return None
        lines.append(line)
    if lines:
        paragraphs.append("\n".join(lines))
    return "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def render_reader_markdown(text: str) -> Markup:
    """Render reader or executive Markdown to sanitized HTML, masking personal data."""
    text = mask_personal_data(text)
    html = plain_paragraphs(text)
    if html is None:
        converter = markdown_for(text)
        converter.reset()
        html = converter.convert(text)
    return Markup(clean_html(html))  # noqa: S704 - nh3 output, allow-listed


def plain_text(text: str) -> str:
    """Return ``text`` with personal data masked, for fields shown as plain text."""
    return mask_personal_data(" ".join(str(text).split()))
