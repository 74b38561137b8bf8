"""Production settings: what `make publish`, `invoke publish` and CI deploy.

Everything in pelicanconf.py applies, then this file makes URLs absolute and
turns the preview off, so drafts and embargoed posts are never written.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

# Load pelicanconf.py by path (not `import pelicanconf`, which could find another
# module of that name already imported) and take all its settings.
_spec = importlib.util.spec_from_file_location(
    "candor_pelicanconf", Path(__file__).resolve().with_name("pelicanconf.py"))
_base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_base)
globals().update({k: v for k, v in vars(_base).items() if k.isupper()})

# The public address of the site, without a trailing slash. CI may override it
# (the GitHub Pages workflow passes the Pages URL in CANDOR_SITEURL).
SITEURL = os.environ.get("CANDOR_SITEURL", "https://leadership.tidewater.example")
RELATIVE_URLS = False
FEEDS_DOMAIN = SITEURL

# Never write drafts, posts in review, unapproved or embargoed posts; no preview banner.
PUBLISHING_PREVIEW = False
PUBLISHING_REQUIRE_APPROVAL = True
PUBLISHING_REQUIRE_DISCLOSURE = True
# Production renders every page from scratch: no state from an earlier build.
PUBLISHING_INCREMENTAL = False

DELETE_OUTPUT_DIRECTORY = True
