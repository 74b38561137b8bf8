"""Exceptions of the feeds plugin."""

from __future__ import annotations

from candor_common.errors import CandorError


class FeedError(CandorError):
    """A feed could not be built from a post (feedgen rejected a field) or written."""
