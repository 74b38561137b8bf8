"""Turn a comment's HTML or Markdown into the sanitized text a Q&A file keeps.

Everything goes through ``qa_digest.sanitize``, the sanitizer every other reader text
goes through: Markdown is rendered by the site's own renderer, HTML is cleaned with the
same allow-list, and e-mail addresses and phone numbers are masked. The result is
sanitized HTML in block elements, which the Q&A loader's Markdown step passes through
unchanged.
"""

from __future__ import annotations

import html
import ipaddress
import re

import nh3

from qa_digest.sanitize import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    EMAIL_RE,
    URL_SCHEMES,
    clean_html,
    mask_personal_data,
    render_reader_markdown,
)

# Characters YAML reads as line breaks or refuses, and other control characters.
_BREAKS = re.compile("\r\n|[\r\x85\u2028\u2029]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff]")
_BLOCK_START = re.compile(r"^\s*<(p|ul|ol|blockquote|pre|hr)[\s>/]", re.IGNORECASE)
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
IP_RE = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b|(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{1,4}"
                   r"(?:\.\d{1,3}){0,3}(?![\w:])", re.IGNORECASE)
IP_MASK = "[address removed]"


def normalize(text: str) -> str:
    """Return ``text`` with Unix line ends and no characters a YAML block cannot hold."""
    text = _CONTROL.sub("", _BREAKS.sub("\n", text)).replace("\t", "    ")
    return _TRAILING_SPACE.sub("\n", text).strip()


def _mask_ip(match: re.Match[str]) -> str:
    try:
        ipaddress.ip_address(match.group(0))
    except ValueError:
        return match.group(0)
    return IP_MASK


def mask_contact(text: str) -> str:
    """Mask e-mail and IP addresses only (for reports, whose ids are long numbers)."""
    return IP_RE.sub(_mask_ip, EMAIL_RE.sub("[email removed]", text))


def mask_private(text: str) -> str:
    """Mask e-mail addresses, phone numbers and IP addresses in ``text``."""
    return IP_RE.sub(_mask_ip, mask_personal_data(text))


def _strip_rel(cleaned: str) -> str:
    """Drop the rel attributes clean_html adds: the site adds them again when it renders."""
    return nh3.clean(cleaned, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=URL_SCHEMES, link_rel=None, strip_comments=True)


def _as_blocks(cleaned: str) -> str:
    """Wrap loose inline HTML in paragraphs, so Markdown leaves it alone."""
    if not cleaned or _BLOCK_START.match(cleaned):
        return cleaned
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", cleaned) if p.strip()]
    return "\n".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs)


def _tidy(cleaned: str) -> str:
    return normalize(re.sub(r"(</(?:p|ul|ol|blockquote|pre)>)\s*(?=<)", "\\1\n", cleaned))


def from_html(source: str) -> str:
    """Return the sanitized text of a comment written in HTML (Disqus, Mastodon, ...)."""
    return _tidy(_strip_rel(_as_blocks(clean_html(mask_private(normalize(source))))))


def from_autop_html(source: str) -> str:
    """Return the sanitized text of WordPress comment content (paragraphs by blank lines)."""
    text = normalize(source)
    if not _BLOCK_START.match(text):
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
        text = "\n".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs)
    return from_html(text)


def from_markdown(source: str) -> str:
    """Return the sanitized text of a comment written in Markdown (Isso, GitHub, ...)."""
    rendered = str(render_reader_markdown(mask_private(normalize(source))))
    return _tidy(_strip_rel(rendered))


def from_plain(source: str) -> str:
    """Return the sanitized text of a plain-text answer or question (CSV)."""
    return from_autop_html(html.escape(normalize(source), quote=False))


def display_name(name: str | None, policy: str = "full") -> str:
    """Return the public name to show for an asker, or "" for Anonymous.

    ``policy``: ``full`` keeps the name as published at the source, ``initial`` keeps the
    first name and the initial of the last ("Richard C."), ``none`` keeps no names. A name
    that holds an e-mail or IP address is dropped whatever the policy.
    """
    words = normalize(html.unescape(name or "")).split()
    if not words or policy == "none" or any(EMAIL_RE.search(w) or IP_RE.search(w)
                                              for w in words):
        return ""
    if policy == "initial" and len(words) > 1:
        return f"{words[0]} {words[-1][0]}."
    return " ".join(words)[:80]
