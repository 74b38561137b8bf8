"""Pelican settings for writing and previewing the site locally.

``make serve`` and ``make build`` use this file; ``publishconf.py`` layers the
production settings on top of it. Every Candor setting is documented in
docs/settings.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# The plugins share the candor_common package; Pelican imports each plugin by
# path, so their folder must be importable too.
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

SITENAME = "Tidewater Grid — From the Leadership"
SITESUBTITLE = "Our executives, in their own words, answering in public."
SITEURL = ""
COMPANY_NAME = "Tidewater Grid"
TIMEZONE = "Europe/Madrid"
DEFAULT_LANG = "en"

PATH = str(ROOT / "content")
OUTPUT_PATH = str(ROOT / "output")
THEME = str(ROOT / "theme")
PLUGIN_PATHS = [str(ROOT / "plugins")]
PLUGINS = [
    "publishing",
    "roster",
    "frontmatter",
    "theme_i18n",
    "post_extras",
    "feeds",
    "qa_digest",
    "qa_periodic",
    "transparency",
    "pelican.plugins.sitemap",
]

ARTICLE_PATHS = ["posts"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images", "extra"]
EXTRA_PATH_METADATA = {"extra/favicon.svg": {"path": "favicon.svg"}}
# Pelican's own content cache stays off: it would skip the front-matter checks.
# Candor's Markdown cache reuses the HTML of unchanged posts instead (checks
# still run), in cache/ at the project root (docs/performance.md).
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
CACHE_PATH = str(ROOT / "cache")
FRONTMATTER_MARKDOWN_CACHE = True
# Each Q&A file, once loaded and sanitized, is kept by content hash and reused
# while it is unchanged (CACHE_PATH/candor-qa/).
QA_DIGEST_CACHE = True
# Each post's word count (for "N min read"), by hash of its HTML (CACHE_PATH/candor-words.json).
POST_EXTRAS_CACHE = True
# A rebuild renders only the pages and feeds whose inputs changed since the last
# successful build into this folder (docs/performance.md); production does not.
PUBLISHING_INCREMENTAL = True
# Keep the last good preview on screen when a save has an error; production
# (publishconf.py) always starts from an empty folder.
DELETE_OUTPUT_DIRECTORY = False
RELATIVE_URLS = True

# Slugs come from file names, so editing a title never changes a URL or a feed id.
SLUGIFY_SOURCE = "basename"

ARTICLE_URL = "posts/{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "posts/{date:%Y}/{slug}/index.html"
ARTICLE_LANG_URL = "{lang}/posts/{date:%Y}/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/posts/{date:%Y}/{slug}/index.html"
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = "drafts/{slug}/index.html"
DRAFT_LANG_URL = "drafts/{lang}/{slug}/"
DRAFT_LANG_SAVE_AS = "drafts/{lang}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
DRAFT_PAGE_URL = "drafts/pages/{slug}/"
DRAFT_PAGE_SAVE_AS = "drafts/pages/{slug}/index.html"
CATEGORY_URL = "{slug}/"
CATEGORY_SAVE_AS = "{slug}/index.html"
CATEGORIES_URL = "kinds/"
CATEGORIES_SAVE_AS = "kinds/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
TAGS_URL = "tags/"
TAGS_SAVE_AS = "tags/index.html"
AUTHOR_URL = "authors/{slug}/"
AUTHOR_SAVE_AS = "authors/{slug}/index.html"
AUTHORS_URL = "authors/"
AUTHORS_SAVE_AS = "authors/index.html"
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
YEAR_ARCHIVE_URL = "archives/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "archives/{date:%Y}/index.html"
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
SUBSCRIBE_URL = "subscribe/"
SUBSCRIBE_SAVE_AS = "subscribe/index.html"
SEARCH_URL = "search/"
SEARCH_SAVE_AS = "search/index.html"
DIRECT_TEMPLATES = ["index", "archives", "categories", "tags", "authors", "subscribe", "search",
                    "404", "robots"]
ROBOTS_SAVE_AS = "robots.txt"
PAGINATED_TEMPLATES = {"index": 10, "category": 10, "tag": 10, "author": 10}
DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# Pelican's own feeds are off: the `feeds` plugin writes full-content Atom and
# RSS with feedgen (see docs/settings.md, FEEDS_*).
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TAG_FEED_ATOM = None
TAG_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
FEEDS_DOMAIN = "http://127.0.0.1:8000"

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        # Column alignment as class="align-right": the production Content-Security-
        # Policy allows no inline styles and HTML has no align attribute any more.
        "markdown.extensions.tables": {"use_align_attribute": True},
        "candor_common.markdown_align": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.smarty": {},
        "markdown.extensions.toc": {"permalink": False},
    },
    "output_format": "html5",
}

JINJA_ENVIRONMENT = {
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": ["jinja2.ext.i18n"],
    # Pelican makes a new environment for every build, so templates never change
    # under one; not checking each file's date on every lookup saves time.
    "auto_reload": False,
}

# Local preview: drafts and embargoed posts are written under /drafts/ with a banner.
PUBLISHING_PREVIEW = True
# Who may approve a post for publication (`Approved_by:`). Production requires it.
PUBLISHING_APPROVERS = ["Jordan Blake", "Inés Navarro"]

SITEMAP = {
    "format": "xml",
    "exclude": ["drafts/", "404.html", "robots.txt", "history/$"],
}

MENUITEMS = ()

# Q&A: readers ask by e-mail to the comms team's intake address (see docs/qa.md).
QA_DIGEST_ASK_URL = "mailto:questions@tidewater.example?subject={subject}"
