"""Describe the machine a benchmark ran on, so its absolute seconds can be read."""

from __future__ import annotations

import os
import platform
from importlib.metadata import version
from pathlib import Path


def cpu_model() -> str:
    """Return the CPU's model name (Linux), or the platform's processor string."""
    info = Path("/proc/cpuinfo")
    if info.is_file():
        for line in info.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def load_average() -> str:
    """Return the 1-minute load average, or "n/a" where there is none."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "n/a"


def describe() -> dict[str, str]:
    """Return the facts that label a benchmark's absolute numbers."""
    return {
        "cpu": cpu_model(),
        "cores": str(os.cpu_count()),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "pelican": version("pelican"),
        "markdown": version("markdown"),
        "jinja2": version("jinja2"),
        "load_before": load_average(),
    }
