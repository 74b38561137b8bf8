"""How many processes can work at once on this machine."""

from __future__ import annotations

import multiprocessing
import os


def cores() -> int:
    """Return how many processes can work at once here (1 where processes cannot fork)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    affinity = getattr(os, "sched_getaffinity", None)  # Linux
    return len(affinity(0)) if affinity else os.cpu_count() or 1
