"""Production settings: what `make publish`, `invoke publish` and CI deploy.

Everything in pelicanconf.py applies, then this file makes URLs absolute and
turns the preview off, so drafts and embargoed posts are never written.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: E402,F403

# The public address of the site, without a trailing slash. CI may override it
# (the GitHub Pages workflow passes the Pages URL in CANDOR_SITEURL).
SITEURL = os.environ.get("CANDOR_SITEURL", "https://leadership.tidewater.example")
RELATIVE_URLS = False
FEEDS_DOMAIN = SITEURL

# Never write drafts or embargoed posts; never show a preview banner.
PUBLISHING_PREVIEW = False

DELETE_OUTPUT_DIRECTORY = True
