"""Open the rebuild state when a build starts, and save it when the build succeeds.

With ``PUBLISHING_INCREMENTAL`` (on for ``make build``, off in production), the
writer and the feeds leave alone what the last build made from the same inputs
(see ``candor_common.rebuild``).
"""

from __future__ import annotations

import logging
from typing import Any

from candor_common import rebuild

logger = logging.getLogger(__name__)


def open_rebuild_state(pelican: Any) -> None:
    """Start this build's rebuild state, if the setting asks for one."""
    rebuild.close_state(pelican.output_path, save=False)  # a failed build's, if any
    if pelican.settings.get("PUBLISHING_INCREMENTAL"):
        rebuild.open_state(pelican.settings, pelican.output_path)


def save_rebuild_state(pelican: Any) -> None:
    """Save what this build made (the build succeeded: ``finalized`` is sent last)."""
    state = rebuild.close_state(pelican.output_path, save=True)
    if state is not None:
        removed = state.remove_stale()
        if removed:
            logger.info("publishing: removed %d files the last build wrote and this one "
                        "does not (deleted, renamed or held-back posts): %s", len(removed),
                        ", ".join(removed[:10]) + (" ..." if len(removed) > 10 else ""))
        logger.info("publishing: rebuilt %d outputs, left %d unchanged as the last build "
                    "made them", state.rendered, state.reused)
        if state.why:
            # pelican --debug names each output; this says what it came to.
            logger.info("publishing: made again because: %s", state.reasons())
        # For whoever ran the build (the live preview reports it): what it rendered.
        pelican.candor_rebuild = {"rendered": state.rendered, "reused": state.reused,
                                  "removed": len(removed)}
